"""arraycore.random: the distributions that are correct in distribution (not
stream-compatible with NumPy): Kolmogorov-Smirnov / chi-square goodness of
fit at fixed seeds against scipy.stats, means and variances against closed
forms, parameter broadcasting and shapes, and NumPy's errors for bad
parameters (never a crash or a hang)."""
import numpy as np
import pytest

from _helpers import xp

stats = pytest.importorskip("scipy.stats")
R = xp.random
N = 20000
ALPHA = 1e-4       # fixed seeds: a failure is a real deviation, not bad luck


def A(x):
    return np.asarray(x)


def rng(seed=2024):
    return R.default_rng(seed)


CONT = [
    ("standard_gamma", (0.5,), stats.gamma(0.5)),
    ("standard_gamma", (3.0,), stats.gamma(3.0)),
    ("gamma", (2.5, 2.0), stats.gamma(2.5, scale=2.0)),
    ("gamma", (0.2, 1.0), stats.gamma(0.2)),
    ("beta", (0.5, 0.7), stats.beta(0.5, 0.7)),
    ("beta", (2.0, 5.0), stats.beta(2.0, 5.0)),
    ("chisquare", (3.0,), stats.chi2(3.0)),
    ("lognormal", (0.5, 0.8), stats.lognorm(0.8, scale=np.exp(0.5))),
    ("laplace", (1.0, 2.0), stats.laplace(1.0, 2.0)),
    ("logistic", (1.0, 2.0), stats.logistic(1.0, 2.0)),
    ("gumbel", (1.0, 2.0), stats.gumbel_r(1.0, 2.0)),
    ("weibull", (1.7,), stats.weibull_min(1.7)),
    ("pareto", (3.0,), stats.lomax(3.0)),
    ("power", (2.5,), stats.powerlaw(2.5)),
    ("rayleigh", (2.0,), stats.rayleigh(scale=2.0)),
    ("triangular", (0.0, 1.0, 3.0), stats.triang(1 / 3.0, 0.0, 3.0)),
    ("vonmises", (0.5, 2.0), stats.vonmises(2.0, loc=0.5)),
    ("vonmises", (0.0, 1e-6), stats.uniform(-np.pi, 2 * np.pi)),
    ("standard_cauchy", (), stats.cauchy()),
    ("standard_t", (4.0,), stats.t(4.0)),
    ("f", (5.0, 8.0), stats.f(5.0, 8.0)),
    ("normal", (1.0, 3.0), stats.norm(1.0, 3.0)),
    ("exponential", (2.0,), stats.expon(scale=2.0)),
    ("uniform", (-1.0, 2.0), stats.uniform(-1.0, 3.0)),
]


@pytest.mark.parametrize("name,args,dist", CONT, ids=[c[0] + str(c[1]) for c in CONT])
def test_continuous_ks(name, args, dist):
    x = A(getattr(rng(), name)(*args, size=N))
    assert x.shape == (N,) and x.dtype == np.float64
    assert stats.kstest(x, dist.cdf).pvalue > ALPHA


def test_standard_gamma_float32():
    x = A(rng().standard_gamma(2.0, size=N, dtype="float32"))
    assert x.dtype == np.float32
    assert stats.kstest(x.astype(np.float64), stats.gamma(2.0).cdf).pvalue > ALPHA


DISC = [
    ("poisson", (3.5,), stats.poisson(3.5)),
    ("poisson", (150.0,), stats.poisson(150.0)),
    ("binomial", (20, 0.3), stats.binom(20, 0.3)),
    ("binomial", (1000, 0.6), stats.binom(1000, 0.6)),
    ("binomial", (100000, 0.01), stats.binom(100000, 0.01)),
    ("negative_binomial", (5, 0.4), stats.nbinom(5, 0.4)),
    ("geometric", (0.6,), stats.geom(0.6)),
    ("geometric", (0.05,), stats.geom(0.05)),
    ("hypergeometric", (30, 20, 15), stats.hypergeom(50, 30, 15)),
    ("hypergeometric", (300, 700, 900), stats.hypergeom(1000, 300, 900)),
    ("hypergeometric", (3000, 7000, 400), stats.hypergeom(10000, 3000, 400)),
]


@pytest.mark.parametrize("name,args,dist", DISC, ids=[c[0] + str(c[1]) for c in DISC])
def test_discrete_chisquare(name, args, dist):
    x = A(getattr(rng(7), name)(*args, size=N))
    assert x.dtype == np.int64
    lo, hi = int(dist.ppf(1e-4)), int(dist.ppf(1 - 1e-4))
    edges = np.arange(lo, hi + 2)
    obs = np.array([np.sum(x <= lo)] + [np.sum(x == k) for k in edges[1:-1]]
                   + [np.sum(x > hi)], dtype=float)
    probs = np.array([dist.cdf(lo)] + [dist.pmf(k) for k in edges[1:-1]] + [dist.sf(hi)])
    exp = probs * N
    keep = exp >= 5
    o = np.append(obs[keep], obs[~keep].sum())
    e = np.append(exp[keep], exp[~keep].sum())
    if e[-1] < 5:
        o[-2] += o[-1]
        e[-2] += e[-1]
        o, e = o[:-1], e[:-1]
    e *= o.sum() / e.sum()
    assert stats.chisquare(o, e).pvalue > ALPHA


def test_moments_closed_forms():
    g = rng(11)
    x = A(g.gamma(4.0, 0.5, size=200000))
    assert abs(x.mean() - 2.0) < 0.02 and abs(x.var() - 1.0) < 0.03
    y = A(g.binomial(50, 0.2, size=200000))
    assert abs(y.mean() - 10.0) < 0.05 and abs(y.var() - 8.0) < 0.1
    z = A(g.poisson(40.0, size=200000))
    assert abs(z.mean() - 40.0) < 0.1 and abs(z.var() - 40.0) < 0.6


def test_hypergeometric_large_population():
    """populations near NumPy's limit (the mode search, not the urn): fast,
    in range, with the closed-form mean and variance"""
    g, b, m = 10**8, 3 * 10**8, 10**8
    x = A(rng(3).hypergeometric(g, b, m, size=20000)).astype(float)
    n = g + b
    mean = m * g / n
    var = m * (g / n) * (b / n) * (n - m) / (n - 1)
    assert abs(x.mean() - mean) < 5 * np.sqrt(var / x.size)
    assert abs(x.var() / var - 1) < 0.05
    ks = stats.kstest(x, stats.norm(mean, np.sqrt(var)).cdf)
    assert ks.pvalue > ALPHA


def test_broadcast_parameters():
    g = rng(3)
    x = A(g.normal([0.0, 100.0, -100.0], [[1.0], [2.0]]))
    assert x.shape == (2, 3)
    assert np.all(np.abs(x[:, 1] - 100) < 20) and np.all(np.abs(x[:, 2] + 100) < 20)
    y = A(g.poisson([1.0, 1000.0], size=(500, 2)))
    assert y.shape == (500, 2)
    assert abs(y[:, 1].mean() - 1000) < 10 and abs(y[:, 0].mean() - 1) < 0.3
    b = A(g.binomial(xp.asarray([10, 1000]), [0.5, 0.1], size=(1000, 2)))
    assert b.shape == (1000, 2) and b[:, 0].max() <= 10 and abs(b[:, 1].mean() - 100) < 3
    assert A(g.gamma(xp.asarray([[1.0, 2.0]]), 1.0)).shape == (1, 2)
    with pytest.raises(ValueError):
        g.normal([0.0, 1.0, 2.0], 1.0, size=(2,))


def test_multinomial_dirichlet():
    g = rng(5)
    m = A(g.multinomial(100, [0.2, 0.3, 0.5], size=4000))
    assert m.shape == (4000, 3) and np.all(m.sum(axis=1) == 100)
    np.testing.assert_allclose(m.mean(axis=0), [20, 30, 50], atol=0.5)
    assert A(g.multinomial([10, 20], [0.5, 0.5])).shape == (2, 2)
    d = A(g.dirichlet([1.0, 2.0, 3.0], size=20000))
    assert d.shape == (20000, 3)
    np.testing.assert_allclose(d.sum(axis=1), 1.0)
    np.testing.assert_allclose(d.mean(axis=0), [1 / 6, 2 / 6, 3 / 6], atol=0.01)
    assert stats.kstest(d[:, 0], stats.beta(1.0, 5.0).cdf).pvalue > ALPHA


def test_scalars_and_shapes():
    g = rng(1)
    assert np.ndim(A(g.gamma(2.0))) == 0
    assert A(g.poisson(3.0, size=(2, 3))).shape == (2, 3)
    assert A(g.beta(1.0, 2.0, size=0)).shape == (0,)
    assert isinstance(g.bytes(10), bytes) and len(g.bytes(10)) == 10
    p = A(g.permuted(xp.asarray(np.arange(12).reshape(3, 4)), axis=1))
    np.testing.assert_array_equal(np.sort(p, axis=1), np.arange(12).reshape(3, 4))
    q = A(g.permuted(xp.asarray(np.arange(12).reshape(3, 4))))
    np.testing.assert_array_equal(np.sort(q.ravel()), np.arange(12))


BAD = [
    ("normal", (0.0, -1.0)), ("exponential", (-1.0,)), ("gamma", (-1.0,)),
    ("gamma", (1.0, -2.0)), ("beta", (0.0, 1.0)), ("beta", (1.0, -1.0)),
    ("chisquare", (0.0,)), ("lognormal", (0.0, -1.0)), ("laplace", (0.0, -1.0)),
    ("logistic", (0.0, -1.0)), ("gumbel", (0.0, -1.0)), ("weibull", (-1.0,)),
    ("pareto", (0.0,)), ("power", (-1.0,)), ("rayleigh", (-1.0,)),
    ("triangular", (2.0, 1.0, 3.0)), ("triangular", (0.0, 4.0, 3.0)),
    ("triangular", (1.0, 1.0, 1.0)), ("vonmises", (0.0, -1.0)), ("standard_t", (0.0,)),
    ("f", (0.0, 1.0)), ("f", (1.0, 0.0)), ("poisson", (-1.0,)), ("poisson", (1e20,)),
    ("binomial", (-1, 0.5)), ("binomial", (10, 1.5)), ("binomial", (10, float("nan"))),
    ("negative_binomial", (0.0, 0.5)), ("negative_binomial", (1.0, 0.0)),
    ("geometric", (0.0,)), ("geometric", (1.5,)), ("hypergeometric", (-1, 5, 2)),
    ("hypergeometric", (5, 5, 11)), ("multinomial", (-1, [0.5, 0.5])),
    ("multinomial", (5, [0.8, 0.8, 0.8])), ("dirichlet", ([-1.0, 1.0],)),
    ("standard_gamma", (-0.5,)), ("normal", (0.0, [1.0, -1.0])),
]


@pytest.mark.parametrize("name,args", BAD, ids=[b[0] + str(b[1]) for b in BAD])
def test_bad_parameters(name, args):
    with pytest.raises(ValueError):
        getattr(rng(), name)(*args, size=3)
    with pytest.raises(ValueError):
        getattr(np.random.default_rng(), name)(*args, size=3)


@pytest.mark.parametrize("name,args", [("normal", ()), ("gamma", (1.0,)), ("poisson", ()),
                                       ("random", ()), ("integers", (5,))])
def test_bad_sizes(name, args):
    g = rng()
    with pytest.raises(ValueError):
        getattr(g, name)(*args, size=-1)
    with pytest.raises(ValueError):
        getattr(g, name)(*args, size=(2, -3))
    with pytest.raises(TypeError):
        getattr(g, name)(*args, size=2.5)


def test_edge_parameters():
    g = rng()
    assert np.all(A(g.binomial(0, 0.5, size=5)) == 0)
    assert np.all(A(g.binomial(7, 1.0, size=5)) == 7)
    assert np.all(A(g.poisson(0.0, size=5)) == 0)
    assert np.all(A(g.standard_gamma(0.0, size=5)) == 0)
    assert np.all(A(g.hypergeometric(5, 0, 3, size=5)) == 3)
    assert np.all(A(g.geometric(1.0, size=5)) == 1)
    assert np.all(np.isfinite(A(g.beta(1e-3, 1e-3, size=1000))))
