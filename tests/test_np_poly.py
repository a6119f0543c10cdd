"""NumPy's legacy polynomial functions (issue 12): polyfit, polyval, roots,
poly, polyder, polyint, polyadd, polysub, polymul, polydiv and RankWarning,
against NumPy (Hypothesis over dtypes, layouts and keywords)."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from _helpers import xp, to_numpy, make_layout, IS_NUMPY

S = settings(max_examples=40, deadline=None)
DTS = ["int8", "int16", "int32", "int64", "uint8", "float32", "float64", "complex64",
       "complex128", "bool"]
LAYS = ["C", "strided", "negative"]


def _rw():
    return np.exceptions.RankWarning


def coeffs(dts=DTS, min_size=0, max_size=6):
    """(numpy array, xp array): small integer-valued coefficients in a layout."""
    @st.composite
    def make(draw):
        dt = draw(st.sampled_from(dts))
        n = draw(st.integers(min_size, max_size))
        vals = draw(st.lists(st.integers(-4, 4), min_size=n, max_size=n))
        a = np.asarray(vals).astype(dt)
        if np.dtype(dt).kind == "c":
            im = draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
            a = a + 1j * np.asarray(im, dtype=dt)
            a = a.astype(dt)
        lay = draw(st.sampled_from(LAYS))
        a = make_layout(a, lay)
        return a, xp.asarray(a)
    return make()


def close(got, exp, rtol=1e-6, atol=1e-8, dtype=True):
    exp = np.asarray(exp)
    g = to_numpy(got)
    assert g.shape == exp.shape, (g.shape, exp.shape)
    if dtype:
        assert g.dtype == exp.dtype, (g.dtype, exp.dtype)
    np.testing.assert_allclose(g, exp, rtol=rtol, atol=atol, equal_nan=True)


def same_roots(got, exp, tol=1e-5):
    """The two root sets are equal as multisets (LAPACK may order them differently)."""
    g = list(np.asarray(to_numpy(got)).astype(complex))
    e = list(np.asarray(exp).astype(complex))
    assert len(g) == len(e), (g, e)
    scale = max([1.0] + [abs(v) for v in e])
    for v in e:
        d = [abs(v - w) for w in g]
        k = int(np.argmin(d))
        assert d[k] <= tol * scale, (got, exp)
        g.pop(k)


# --------------------------------------------------------------------------
# polyval
# --------------------------------------------------------------------------
@S
@given(coeffs(), coeffs(min_size=0, max_size=5))
def test_polyval(p, x):
    with np.errstate(all="ignore"):
        e = np.polyval(p[0], x[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        g = xp.polyval(p[1], x[1])
    close(g, e)


@S
@given(coeffs(dts=["int64", "float64"], min_size=1), st.integers(-3, 3) | st.floats(-2, 2))
def test_polyval_scalar_x(p, x):
    e = np.polyval(p[0], x)
    g = xp.polyval(p[1], x)
    assert g.shape == ()
    close(g, e)


def test_polyval_2d_coefficients():
    p = np.arange(6.0).reshape(3, 2)
    x = np.array([0.5, -2.0])
    close(xp.polyval(xp.asarray(p), xp.asarray(x)), np.polyval(p, x))


def test_polyval_0d_p_raises():
    with pytest.raises(TypeError):
        xp.polyval(xp.asarray(3.0), xp.asarray([1.0]))


# --------------------------------------------------------------------------
# roots and poly
# --------------------------------------------------------------------------
@S
@given(coeffs(dts=["int8", "int64", "float32", "float64", "complex128", "bool"],
              min_size=0, max_size=6))
def test_roots(p):
    e = np.roots(p[0])
    g = xp.roots(p[1])
    assert to_numpy(g).dtype == e.dtype, (to_numpy(g).dtype, e.dtype)
    tol = 1e-2 if p[0].dtype == np.float32 else 1e-5
    # multiple roots are ill-conditioned: compare through the polynomial too
    if len(e) and len(np.unique(np.round(e, 3))) != len(e):
        tol = 1e-2
    same_roots(g, e, tol)


def test_roots_errors_and_edges():
    with pytest.raises(ValueError, match="rank-1"):
        xp.roots(xp.asarray([[1.0, 2.0]]))
    g = xp.roots(xp.asarray([0, 0, 0]))
    close(g, np.roots(np.array([0, 0, 0])))
    close(xp.roots(xp.asarray(7)), np.roots(np.array([7])))
    close(xp.roots(xp.asarray([3, 0, 0])), np.roots(np.array([3, 0, 0])))
    with pytest.raises(TypeError):
        xp.roots(xp.asarray([1, 2], dtype=xp.float16))


@S
@given(coeffs(dts=["int8", "int64", "float32", "float64", "complex64", "complex128",
                   "bool", "uint8"], min_size=0, max_size=5))
def test_poly_from_roots(z):
    e = np.poly(z[0])
    g = xp.poly(z[1])
    if isinstance(e, float):
        assert g == e and isinstance(g, float)
        return
    close(g, e, rtol=1e-4, atol=1e-4)


@S
@given(st.integers(1, 4).flatmap(lambda n: hnp.arrays(np.float64, (n, n),
                                                      elements=st.integers(-4, 4))))
def test_poly_characteristic(a):
    e = np.poly(a)
    g = xp.poly(xp.asarray(a))
    close(g, e, rtol=1e-6, atol=1e-6, dtype=False)
    assert to_numpy(g).dtype.kind == e.dtype.kind or np.allclose(np.imag(e), 0)


def test_poly_errors():
    with pytest.raises(ValueError, match="1d or non-empty square"):
        xp.poly(xp.ones((2, 3)))
    with pytest.raises(ValueError, match="1d or non-empty square"):
        xp.poly(xp.ones((2, 2, 2)))


def test_poly_roots_round_trip():
    p = np.array([2.0, -3.0, -11.0, 6.0])
    r = xp.roots(xp.asarray(p))
    close(xp.poly(r), p / p[0], rtol=1e-10, atol=1e-12)


# --------------------------------------------------------------------------
# calculus
# --------------------------------------------------------------------------
@S
@given(coeffs(dts=["int8", "int64", "float32", "float64", "complex64", "uint8"],
              min_size=1), st.integers(0, 7))
def test_polyder(p, m):
    e = np.polyder(p[0], m)
    g = xp.polyder(p[1], m)
    close(g, e)


@S
@given(coeffs(dts=["int8", "int64", "float32", "float64", "complex64"], min_size=0),
       st.integers(0, 4),
       st.none() | st.integers(-3, 3) | st.lists(st.integers(-3, 3), min_size=1,
                                                  max_size=5))
def test_polyint(p, m, k):
    try:
        e = np.polyint(p[0], m, k)
    except ValueError:
        with pytest.raises(ValueError):
            xp.polyint(p[1], m, k)
        return
    kk = xp.asarray(k) if isinstance(k, list) else k
    g = xp.polyint(p[1], m, kk)
    close(g, e)


@pytest.mark.parametrize("dt", ["bool", "int8", "float32", "complex128"])
@pytest.mark.parametrize("m", [3, 50, 300])
def test_polyder_past_the_degree(dt, m):
    """more derivatives than coefficients: NumPy's empty result, dtype
    included (NumPy recurses m times; m = 300 stays well under its recursion limit)"""
    p = np.asarray([1, 0, 1], dtype=dt)
    e = np.polyder(p, m)
    g = xp.polyder(xp.asarray(p), m)
    assert g.shape == e.shape and g.dtype == e.dtype


def test_polyder_huge_order_returns_at_once():
    """fuzz seed 1321290496 call 3941: m = 10**30 looped m times (a hang)"""
    g = xp.polyder(xp.asarray([True]), 10 ** 30)
    assert g.shape == (0,) and g.dtype == xp.int64


def test_calculus_errors():
    with pytest.raises(ValueError, match="Order of derivative must be positive"):
        xp.polyder(xp.asarray([1, 2]), -1)
    with pytest.raises(ValueError, match="Order of integral must be positive"):
        xp.polyint(xp.asarray([1, 2]), -1)
    with pytest.raises(ValueError, match="k must be a scalar"):
        xp.polyint(xp.asarray([1, 2]), 3, xp.asarray([1, 2]))
    with pytest.raises(TypeError):
        xp.polyder(xp.asarray(3), 1)


# --------------------------------------------------------------------------
# arithmetic
# --------------------------------------------------------------------------
@S
@given(coeffs(min_size=0), coeffs(min_size=0))
def test_polyadd_polysub(a, b):
    for name in ("polyadd", "polysub"):
        if name == "polysub" and (a[0].dtype == bool or b[0].dtype == bool):
            continue
        with np.errstate(all="ignore"):
            e = getattr(np, name)(a[0], b[0])
        g = getattr(xp, name)(a[1], b[1])
        close(g, e)


@S
@given(coeffs(dts=["int8", "int64", "float32", "float64", "complex128"], min_size=1),
       coeffs(dts=["int8", "int64", "float32", "float64", "complex128"], min_size=1))
def test_polymul(a, b):
    e = np.polymul(a[0], b[0])
    g = xp.polymul(a[1], b[1])
    close(g, e)


@S
@given(coeffs(dts=["int64", "float32", "float64", "complex128"], min_size=1),
       coeffs(dts=["int64", "float32", "float64", "complex128"], min_size=1))
def test_polydiv(u, v):
    if v[0][0] == 0:
        with np.errstate(all="ignore"):
            e = np.polydiv(u[0], v[0])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            g = xp.polydiv(u[1], v[1])
    else:
        e = np.polydiv(u[0], v[0])
        g = xp.polydiv(u[1], v[1])
    assert len(g) == 2
    close(g[0], e[0], rtol=1e-4, atol=1e-5)
    close(g[1], e[1], rtol=1e-4, atol=1e-4)


def test_polydiv_zero_leading_divisor_warns():
    with pytest.warns(RuntimeWarning, match="divide by zero"):
        xp.polydiv(xp.asarray([1.0, 2.0]), xp.asarray([0.0, 1.0]))


# --------------------------------------------------------------------------
# polyfit
# --------------------------------------------------------------------------
def fit_data(draw, dt, ncols):
    n = draw(st.integers(1, 12))
    x = np.asarray(draw(st.lists(st.integers(-6, 6), min_size=n, max_size=n)), dtype=dt)
    shape = (n,) if ncols is None else (n, ncols)
    y = np.asarray(draw(hnp.arrays(np.int64, shape, elements=st.integers(-9, 9))),
                   dtype=dt)
    return x, y


@S
@given(st.data(), st.sampled_from(["float64", "float32", "int64", "complex128"]),
       st.sampled_from([None, 1, 3]), st.integers(0, 4),
       st.sampled_from([False, True, "unscaled"]), st.booleans(),
       st.sampled_from(["C", "strided", "negative"]))
def test_polyfit(data, dt, ncols, deg, cov, weighted, lay):
    x, y = fit_data(data.draw, dt, ncols)
    w = None
    if weighted:
        w = np.asarray(data.draw(st.lists(st.integers(1, 4), min_size=len(x),
                                          max_size=len(x))), dtype="float64")
    x, y = make_layout(x, lay), make_layout(y, lay)
    try:
        deficient = np.polyfit(x, y, deg, w=w, full=True)[2] != deg + 1
    except (ValueError, TypeError):
        deficient = False
    if deficient:
        # the covariance of a rank-deficient fit inverts a singular matrix:
        # whether LU meets an exact zero pivot (LinAlgError) or returns noise
        # depends on rounding in the BLAS, so only the fit itself is compared
        cov = False
    args = dict(w=w, cov=cov)
    with warnings.catch_warnings(record=True) as ew:
        warnings.simplefilter("always")
        try:
            e = np.polyfit(x, y, deg, **args)
        except (ValueError, TypeError) as exc:
            e = exc
    with warnings.catch_warnings(record=True) as gw:
        warnings.simplefilter("always")
        gargs = dict(args, w=None if w is None else xp.asarray(w))
        if isinstance(e, Exception):
            want = xp.linalg.LinAlgError if isinstance(e, np.linalg.LinAlgError) else type(e)
            with pytest.raises(want):
                xp.polyfit(xp.asarray(x), xp.asarray(y), deg, **gargs)
            return
        g = xp.polyfit(xp.asarray(x), xp.asarray(y), deg, **gargs)
    e_rank = any(issubclass(r.category, _rw()) for r in ew)
    g_rank = any(issubclass(r.category, xp.RankWarning) for r in gw)
    assert e_rank == g_rank
    rtol = 1e-2 if dt == "float32" else 1e-6
    if e_rank:
        # the minimum-norm solution of a rank-deficient fit: compare the fit
        # itself (both are least-squares solutions), not the coefficients
        c_e = e[0] if cov else e
        c_g = g[0] if cov else g
        c_e = np.asarray(c_e).reshape(deg + 1, -1)
        c_g = to_numpy(c_g).reshape(deg + 1, -1)
        for j in range(c_e.shape[1]):
            fit_g = to_numpy(xp.polyval(xp.asarray(c_g[:, j]), xp.asarray(x)))
            np.testing.assert_allclose(fit_g, np.polyval(c_e[:, j], x), rtol=1e-3, atol=1e-3)
        return
    if cov:
        close(g[0], e[0], rtol=rtol, atol=1e-4)
        close(g[1], e[1], rtol=rtol, atol=1e-4)
    else:
        close(g, e, rtol=rtol, atol=1e-4)


@S
@given(st.data(), st.sampled_from([None, 2]), st.integers(0, 3))
def test_polyfit_full(data, ncols, deg):
    x, y = fit_data(data.draw, "float64", ncols)
    x = x + np.arange(len(x)) * 0.37        # distinct points
    rc = data.draw(st.sampled_from([None, 1e-10, 0.5]))
    try:
        e = np.polyfit(x, y, deg, rcond=rc, full=True)
    except np.linalg.LinAlgError:
        # a column of the Vandermonde matrix is all zeros (x == [0]): NaN scaling
        with pytest.raises(xp.linalg.LinAlgError):
            xp.polyfit(xp.asarray(x), xp.asarray(y), deg, rcond=rc, full=True)
        return
    g = xp.polyfit(xp.asarray(x), xp.asarray(y), deg, rcond=rc, full=True)
    assert len(g) == 5
    assert int(g[2]) == int(e[2])
    assert float(g[4]) == pytest.approx(float(e[4]))
    close(g[3], e[3], rtol=1e-8, atol=1e-10)
    close(g[1], e[1], rtol=1e-6, atol=1e-6)
    if int(e[2]) == deg + 1:
        close(g[0], e[0], rtol=1e-6, atol=1e-6)


def test_polyfit_rank_warning():
    x = np.array([1.0, 1.0, 1.0, 2.0])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    with pytest.warns(_rw(), match="poorly conditioned"):
        np.polyfit(x, y, 3)
    with pytest.warns(xp.RankWarning, match="poorly conditioned"):
        xp.polyfit(xp.asarray(x), xp.asarray(y), 3)
    assert issubclass(xp.RankWarning, RuntimeWarning)
    # full=True reports the rank instead of warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = xp.polyfit(xp.asarray(x), xp.asarray(y), 3, full=True)
    assert r[2] == np.polyfit(x, y, 3, full=True)[2]


@pytest.mark.parametrize("call,exc,msg", [
    (lambda m: m.polyfit(m.asarray([1.0, 2.0]), m.asarray([1.0, 2.0]), -1),
     ValueError, "deg >= 0"),
    (lambda m: m.polyfit(m.ones((2, 2)), m.ones(2), 1), TypeError, "1D vector for x"),
    (lambda m: m.polyfit(m.ones(0), m.ones(0), 1), TypeError, "non-empty vector"),
    (lambda m: m.polyfit(m.ones(3), m.ones((3, 1, 1)), 1), TypeError, "1D or 2D"),
    (lambda m: m.polyfit(m.ones(3), m.ones(2), 1), TypeError, "same length"),
    (lambda m: m.polyfit(m.arange(3.0), m.ones(3), 1, w=m.ones((3, 1))), TypeError,
     "1-d array for weights"),
    (lambda m: m.polyfit(m.arange(3.0), m.ones(3), 1, w=m.ones(2)), TypeError,
     "same length"),
    (lambda m: m.polyfit(m.arange(3.0), m.ones(3), 2, cov=True), ValueError,
     "must exceed order"),
])
def test_polyfit_errors(call, exc, msg):
    with pytest.raises(exc, match=msg):
        call(np)
    with pytest.raises(exc, match=msg):
        call(xp)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's own names")
def test_names_exported():
    for name in ["polyfit", "polyval", "roots", "poly", "polyder", "polyint", "polyadd",
                 "polysub", "polymul", "polydiv", "RankWarning"]:
        assert hasattr(xp, name)
