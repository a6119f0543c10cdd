"""arraycore.random Generator.multivariate_normal (on arraycore.linalg): the
sample mean and covariance at fixed seeds against the closed forms for the
svd, eigh and cholesky methods, Kolmogorov-Smirnov on projections, singular
covariances, shapes from `size`, NumPy's values for the Cholesky factor (the
same normal draws), and NumPy's errors and RuntimeWarning."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from _helpers import xp

stats = pytest.importorskip("scipy.stats")
R = xp.random
METHODS = ["svd", "eigh", "cholesky"]
MEAN = np.array([1.0, -2.0, 0.5])
COV = np.array([[2.0, 0.6, -0.3],
                [0.6, 1.0, 0.2],
                [-0.3, 0.2, 0.5]])


def A(x):
    return np.asarray(x)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("seed", [0, 7, 2024])
def test_sample_moments(method, seed):
    n = 40000
    x = A(R.default_rng(seed).multivariate_normal(MEAN, COV, size=n, method=method))
    assert x.shape == (n, 3) and x.dtype == np.float64
    # mean: 5 standard errors; covariance entries: 5 standard errors of
    # the sample covariance, sqrt((s_ii s_jj + s_ij^2) / n)
    se_mean = np.sqrt(np.diag(COV) / n)
    assert np.all(np.abs(x.mean(axis=0) - MEAN) < 5 * se_mean)
    se_cov = np.sqrt((np.outer(np.diag(COV), np.diag(COV)) + COV ** 2) / n)
    assert np.all(np.abs(np.cov(x, rowvar=False) - COV) < 5 * se_cov)
    # projections are normal with the closed-form mean and variance
    for d in ([1.0, 0.0, 0.0], [0.3, -1.0, 2.0], [1.0, 1.0, 1.0]):
        d = np.array(d)
        p = stats.kstest(x @ d, stats.norm(d @ MEAN, np.sqrt(d @ COV @ d)).cdf).pvalue
        assert p > 1e-4


@pytest.mark.parametrize("method", ["svd", "eigh"])
def test_singular_covariance(method):
    """a rank-1 positive semi-definite cov: no warning, the draws lie on the
    line mean + t v with var(t) = 1"""
    v = np.array([1.0, 2.0, -1.0])
    cov = np.outer(v, v)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x = A(R.default_rng(3).multivariate_normal(MEAN, cov, size=5000, method=method))
    r = x - MEAN
    t = r @ v / (v @ v)
    # (the zero singular values come out near 1e-16: sqrt gives ~1e-8 off the line)
    np.testing.assert_allclose(r, np.outer(t, v), atol=1e-6)
    assert abs(np.var(t) - 1.0) < 5 * np.sqrt(2.0 / 5000)


def test_cholesky_values_match_numpy():
    """with method="cholesky" the factor is unique: the values are NumPy's up
    to rounding (the normal draws are the same ones, docs/random.rst)"""
    for seed in (0, 1, 99):
        a = A(R.default_rng(seed).multivariate_normal(MEAN, COV, size=(50, 2),
                                                       method="cholesky"))
        b = np.random.default_rng(seed).multivariate_normal(MEAN, COV, size=(50, 2),
                                                            method="cholesky")
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 6), seed=st.integers(0, 2**32 - 1),
       size=st.one_of(st.none(), st.integers(0, 5),
                      st.tuples(st.integers(0, 4), st.integers(0, 3))))
def test_hypothesis_against_numpy(n, seed, size):
    """random positive-definite covariances: the shapes of NumPy, and
    NumPy's values with the Cholesky method"""
    m = np.random.default_rng(seed).standard_normal((n, n))
    cov = m @ m.T + n * np.eye(n)
    mean = np.arange(n, dtype=float)
    a = A(R.default_rng(seed).multivariate_normal(mean, cov, size=size, method="cholesky"))
    b = np.random.default_rng(seed).multivariate_normal(mean, cov, size=size,
                                                        method="cholesky")
    assert a.shape == b.shape
    np.testing.assert_allclose(a, b, rtol=1e-11, atol=1e-11)
    for method in ("svd", "eigh"):
        c = R.default_rng(seed).multivariate_normal(mean, cov, size=size, method=method)
        assert c.shape == b.shape


@pytest.mark.parametrize("size,shape", [(None, (3,)), (0, (0, 3)), (4, (4, 3)),
                                        ((2, 5), (2, 5, 3)), ((), (3,)),
                                        ((2, 0, 1), (2, 0, 1, 3))])
def test_size_shapes(size, shape):
    x = R.default_rng(1).multivariate_normal(MEAN, COV, size)
    assert A(x).shape == shape
    assert np.random.default_rng(1).multivariate_normal(MEAN, COV, size).shape == shape


def test_stream_position_after():
    """the draws consumed are NumPy's: the generator stays in step"""
    g, h = R.default_rng(5), np.random.default_rng(5)
    g.multivariate_normal(MEAN, COV, size=7)
    h.multivariate_normal(MEAN, COV, size=7)
    assert g.random() == h.random()


def test_nonpsd_warning_and_check_valid():
    bad = [[1.0, 2.0], [2.0, 1.0]]
    g = R.default_rng(0)
    for method in ("svd", "eigh"):
        with pytest.warns(RuntimeWarning, match="positive-semidefinite"):
            g.multivariate_normal([0, 0], bad, method=method)
        with pytest.raises(ValueError, match="positive-semidefinite"):
            g.multivariate_normal([0, 0], bad, check_valid="raise", method=method)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            x = A(g.multivariate_normal([0, 0], bad, check_valid="ignore", method=method))
            assert np.all(np.isfinite(x))
    # a non-symmetric matrix fails the svd check, eigh reads the lower triangle
    nonsym = [[1.0, 0.5], [0.4, 1.0]]
    with pytest.warns(RuntimeWarning):
        g.multivariate_normal([0, 0], nonsym)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g.multivariate_normal([0, 0], nonsym, method="eigh")
    # tol: a slightly negative eigenvalue inside tol is accepted
    near = np.diag([1.0, -1e-10])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g.multivariate_normal([0, 0], near, method="eigh")
    with pytest.warns(RuntimeWarning):
        g.multivariate_normal([0, 0], near, tol=1e-12, method="eigh")


BAD = [
    (([[0, 0]], [[1, 0], [0, 1]]), {}),
    (([0, 0], [1, 0]), {}),
    (([0, 0], [[1, 0, 0], [0, 1, 0]]), {}),
    (([0, 0, 0], [[1, 0], [0, 1]]), {}),
    ((0, [[1]]), {}),
    (([0, 0], [[1, 2], [2, 1]]), {"check_valid": "bad"}),
    (([0, 0], [[1, 0], [0, 1]]), {"method": "chol"}),
    (([0, 0], [[1, 2], [2, 1]]), {"method": "cholesky"}),
    (([1, 2], [[1, 0], [0, 0]]), {"method": "cholesky"}),
    (([0, 0], [[1, 0], [0, np.nan]]), {}),
    (([0, 0], [[1j, 0], [0, 1]]), {}),
    (([0, 0], [[1, 0], [0, 1]]), {"size": -1}),
    (([0, 0], [[1, 0], [0, 1]]), {"size": 1.5}),
    (([0, 0], [[1, 0], [0, 1]]), {"size": (2, -1)}),
]


@pytest.mark.parametrize("args,kw", BAD)
def test_errors_as_numpy(args, kw):
    with pytest.raises(Exception) as e_np:
        np.random.default_rng(0).multivariate_normal(*args, **kw)
    with pytest.raises(Exception) as e_ac:
        R.default_rng(0).multivariate_normal(*args, **kw)
    # NumPy's LinAlgError corresponds to arraycore.linalg.LinAlgError
    name = type(e_np.value).__name__
    assert type(e_ac.value).__name__ == name, (e_ac.value, e_np.value)
    if name == "LinAlgError":
        assert isinstance(e_ac.value, xp.linalg.LinAlgError)
