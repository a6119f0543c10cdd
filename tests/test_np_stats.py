"""NumPy-named statistics (issue 12): median/percentile/quantile with every method,
average, ptp, histograms, bincount, digitize, cov/corrcoef and the NaN family,
against NumPy over dtypes, shapes, layouts and keywords."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from _helpers import xp, pairs, assert_array, to_numpy

S = settings(max_examples=40, deadline=None)
# NumPy 2.4's 'auto' histogram rule (max(FD, sqrt/2) capped by Sturges): six
# values with a zero IQR get 5 bins under it, 4 under NumPy 2.2's rule
_NUMPY_NEW_AUTO = len(np.histogram_bin_edges(np.array([0.0, 1, 1, 1, 1, 1]), "auto")) == 6
# NumPy 2.4 computes the interpolation weight of a Python-float q in float64
# (float16 [-65504, 1, 58944, 65504] at q=0.333: -64.5); NumPy 2.2 rounded q
# to the data's type first (-62.97).  arraycore follows 2.4.
_NUMPY_WEAK_Q = np.quantile(np.array([-65504.0, 1, 58944, 65504], np.float16), 0.333) == -64.5


def _qatol(n, q):
    """Absolute tolerance for a quantile of n: 0, or on a NumPy that rounds a
    Python-float q to float16/float32 data (< 2.4), that rounding's effect
    (a few ulps of the largest finite value: the weight is off by an ulp of
    the data's type, times the distance of the two values interpolated)."""
    if _NUMPY_WEAK_Q or n.dtype.kind != "f" or not isinstance(q, float):
        return 0.0
    fin = np.abs(n[np.isfinite(n)]).astype(np.float64)
    return 8 * float(np.finfo(n.dtype).eps) * (float(fin.max()) if fin.size else 0.0)
REALS = ["int8", "uint8", "int16", "int32", "int64", "uint64", "float16", "float32",
         "float64", "bool"]
FLOATS = ["float16", "float32", "float64"]
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]


def close(got, exp, rtol=1e-6, atol=0.0, dtype=True):
    exp = np.asarray(exp)
    g = to_numpy(got)
    assert g.shape == exp.shape, (g.shape, exp.shape)
    exp = exp.astype(exp.dtype.newbyteorder("="))
    if dtype:
        assert g.dtype.newbyteorder("=") == exp.dtype, (g.dtype, exp.dtype)
    np.testing.assert_allclose(g.astype(exp.dtype) if g.dtype != exp.dtype else g, exp,
                               rtol=rtol, atol=atol, equal_nan=True)


def axis_for(data, nd):
    if nd == 0:
        return None
    return data.draw(st.none() | st.integers(-nd, nd - 1) |
                     st.lists(st.integers(0, nd - 1), min_size=1, max_size=nd, unique=True)
                     .map(tuple))


def _tol(dt):
    return {"float16": 1e-2, "float32": 1e-5}.get(np.dtype(dt).name, 1e-12)


@S
@given(pairs(REALS, max_dims=3, min_side=1), st.data())
def test_median(nx, data):
    n, x = nx
    ax = axis_for(data, n.ndim)
    kd = data.draw(st.booleans())
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        e = np.median(n, axis=ax, keepdims=kd)
        g = xp.median(x, axis=ax, keepdims=kd)
    close(g, e, rtol=_tol(e.dtype))


@S
@given(pairs(REALS, max_dims=3, min_side=1), st.data())
def test_quantile_methods(nx, data):
    n, x = nx
    ax = axis_for(data, n.ndim)
    method = data.draw(st.sampled_from(METHODS))
    q = data.draw(st.sampled_from([0.5, 0.0, 1.0, [0.05, 0.5, 0.95], [[0.1], [0.7]],
                                   0.333]))
    kd = data.draw(st.booleans())
    if n.dtype.kind == "b" and method not in ("inverted_cdf", "closest_observation",
                                              "lower", "higher", "nearest"):
        return
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        e = np.quantile(n, q, axis=ax, method=method, keepdims=kd)
        g = xp.quantile(x, q, axis=ax, method=method, keepdims=kd)
        close(g, e, rtol=_tol(e.dtype), atol=_qatol(n, q))
        qp = np.multiply(q, 100).tolist() if isinstance(q, list) else q * 100
        e = np.percentile(n, qp, axis=ax, method=method, keepdims=kd)
        g = xp.percentile(x, qp, axis=ax, method=method, keepdims=kd)
        close(g, e, rtol=_tol(e.dtype), atol=_qatol(n, qp))


@S
@given(pairs(["float64", "int32", "float32"], max_dims=2, min_side=1), st.data())
def test_quantile_weights(nx, data):
    n, x = nx
    ax = data.draw(st.none() | st.integers(0, max(n.ndim - 1, 0))) if n.ndim else None
    one_d = ax is not None and data.draw(st.booleans())
    shape = (n.shape[ax],) if one_d else n.shape
    w = np.arange(1, int(np.prod(shape)) + 1, dtype=float).reshape(shape) % 4
    w.reshape(-1)[0] = 1.0
    if one_d and ax is None:
        return
    q = data.draw(st.sampled_from([0.5, [0.0, 0.3, 1.0]]))
    wfull = w.reshape([-1 if i == ax else 1 for i in range(n.ndim)]) if one_d else w
    zero_lane = bool(np.any(np.sum(np.broadcast_to(wfull, n.shape), axis=ax) == 0))
    if zero_lane and np.lib.NumpyVersion(np.__version__) < "2.3.0":
        # a slice whose weights are all zero: NumPy >= 2.3 and arraycore refuse it
        # (ValueError); NumPy 2.2 (Python 3.10's newest) returns a value
        with pytest.raises(ValueError, match="all zero"):
            xp.quantile(x, q, axis=ax, method="inverted_cdf", weights=xp.asarray(w))
        return
    try:
        e = np.quantile(n, q, axis=ax, method="inverted_cdf", weights=w)
    except ValueError:
        with pytest.raises(ValueError):
            xp.quantile(x, q, axis=ax, method="inverted_cdf", weights=xp.asarray(w))
        return
    g = xp.quantile(x, q, axis=ax, method="inverted_cdf", weights=xp.asarray(w))
    close(g, e, rtol=0)
    with pytest.raises(ValueError):
        xp.quantile(x, 0.5, weights=xp.asarray(w))


def test_quantile_errors_and_big():
    x = xp.asarray([1.0, 2.0])
    with pytest.raises(ValueError):
        xp.quantile(x, 1.5)
    with pytest.raises(ValueError):
        xp.percentile(x, -1)
    with pytest.raises(ValueError):
        xp.quantile(x, 0.5, method="nope")
    with pytest.raises(TypeError):
        xp.quantile(xp.asarray([1j]), 0.5)
    rng = np.random.default_rng(0)
    for dt in ["float64", "float32", "int64", "uint16"]:
        a = (rng.random(100001) * 1000).astype(dt)
        close(xp.median(xp.asarray(a)), np.median(a))
        close(xp.percentile(xp.asarray(a), [5, 50, 95]), np.percentile(a, [5, 50, 95]))
    a = rng.random(1001)
    a[::7] = np.nan
    close(xp.median(xp.asarray(a)), np.median(a))
    # adversarial inputs for quickselect: sorted, reversed, constant, organ pipe
    for a in [np.arange(5000.), np.arange(5000.)[::-1].copy(), np.ones(5000),
              np.concatenate([np.arange(2500.), np.arange(2500.)[::-1]])]:
        close(xp.median(xp.asarray(a)), np.median(a))
        close(xp.quantile(xp.asarray(a), [0.01, 0.3, 0.99]), np.quantile(a, [0.01, 0.3, 0.99]))


@S
@given(pairs(REALS + ["complex128"], max_dims=3, min_side=1), st.data())
def test_average_ptp(nx, data):
    n, x = nx
    if n.dtype.kind in "fc":
        n = np.nan_to_num(n, nan=1.0, posinf=5.0, neginf=-5.0)
        n = np.clip(n.real, -1e3, 1e3).astype(n.dtype) if n.dtype.kind == "f" else n
        x = xp.asarray(n)
    ax = axis_for(data, n.ndim)
    kd = data.draw(st.booleans())
    with np.errstate(all="ignore"):
        e = np.average(n, axis=ax, keepdims=kd)
        close(xp.average(x, axis=ax, keepdims=kd), e, rtol=max(_tol(e.dtype), 1e-5))
        w = np.arange(1, n.size + 1, dtype="f8").reshape(n.shape) % 5 + 1
        e, es = np.average(n, axis=ax, weights=w, returned=True, keepdims=kd)
        g, gs = xp.average(x, axis=ax, weights=xp.asarray(w), returned=True, keepdims=kd)
        close(g, e, rtol=1e-5)
        close(gs, es)
        if n.ndim and isinstance(ax, int):
            w1 = np.arange(1.0, n.shape[ax] + 1)
            close(xp.average(x, axis=ax, weights=xp.asarray(w1)),
                  np.average(n, axis=ax, weights=w1), rtol=1e-5)
        if n.dtype.kind not in "bc":
            e = np.ptp(n, axis=ax, keepdims=kd)
            close(xp.ptp(x, axis=ax, keepdims=kd), e)
    with pytest.raises(ZeroDivisionError):
        xp.average(xp.asarray([1.0, 2.0]), weights=xp.asarray([1.0, -1.0]))


@S
@given(pairs(["float64", "float32", "float16", "int32", "uint8", "int64"], max_dims=2),
       st.data())
def test_histogram(nx, data):
    n, x = nx
    if n.dtype.kind == "f":
        n = np.nan_to_num(n, nan=0.0, posinf=100.0, neginf=-100.0).clip(-1e4, 1e4)
        x = xp.asarray(n)
    bins = data.draw(st.sampled_from([1, 3, 10, [0, 1, 2.5, 10], "auto", "fd", "doane",
                                      "scott", "stone", "rice", "sturges", "sqrt"]))
    rng = data.draw(st.sampled_from([None, (0, 50), (-5.5, 5.5)]))
    density = data.draw(st.booleans())
    use_w = data.draw(st.booleans()) and not isinstance(bins, str)
    w = (np.arange(n.size) % 3 + 0.5).reshape(n.shape) if use_w else None
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            e, ee = np.histogram(n, bins, rng, density, w)
        except (ValueError, OverflowError, MemoryError):
            # NumPy refuses (a bin count too large to allocate shows up as
            # OverflowError, MemoryError or "Maximum allowed size exceeded"): we refuse
            # with a ValueError
            with pytest.raises(ValueError):
                xp.histogram(x, bins, rng, density, None if w is None else xp.asarray(w))
            return
        if bins == "auto" and not _NUMPY_NEW_AUTO:
            # NumPy 2.2 (Python 3.10's newest) has the older 'auto' rule (Sturges
            # alone when the IQR is zero); arraycore follows NumPy 2.4's, which
            # can ask for far more bins on such data: not compared there
            return
        g, ge = xp.histogram(x, bins, rng, density, None if w is None else xp.asarray(w))
        close(g, e, rtol=1e-9)
        close(ge, ee, rtol=1e-6)
        close(xp.histogram_bin_edges(x, bins, rng), np.histogram_bin_edges(n, bins, rng),
              rtol=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([2, 5, 40, 300, 3000]),
       st.sampled_from([1e-3, 1.0, 30.0, 2000.0]), st.sampled_from([0.0, 100.0]),
       st.sampled_from(["stone", "scott", "rice", "doane", "fd", "auto", "sturges", "sqrt"]),
       st.sampled_from(["normal", "integers", "uniform"]))
def test_histogram_float16_estimators_are_numpys(seed, size, scale, shift, bins, kind):
    # float16 data: NumPy's estimators compute in float16 (stone's trial
    # histograms step their edges in float16; scott's std divides its float16
    # sums by the count in float64); the edges are NumPy's to the bit and the
    # counts equal.  Where NumPy fails (edges that stop increasing in float16,
    # a float16 sum that overflows) arraycore raises ValueError.
    rng = np.random.default_rng(seed)
    if kind == "normal":
        d = rng.normal(size=size) * scale + shift
    elif kind == "integers":
        d = rng.integers(-50, 50, size=size) * scale + shift
    else:
        d = rng.random(size) * scale + shift
    n = d.astype(np.float16)
    x = xp.asarray(n)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            e, ee = np.histogram(n, bins)
        except (ValueError, IndexError):
            # (NumPy's IndexError: a span that overflows float16 gives it an
            # infinite bin index)
            with pytest.raises(ValueError):
                xp.histogram(x, bins)
            return
        g, ge = xp.histogram(x, bins)
        assert_array(ge, ee)
        assert_array(g, e.astype(np.int64))
        assert_array(xp.histogram_bin_edges(x, bins), np.histogram_bin_edges(n, bins))


@pytest.mark.parametrize("bins", ["scott", "stone", "doane"])
def test_histogram_float16_more_values_than_float16_counts(bins):
    # 70,000 values: the count is inf in float16, so the variance must divide
    # in float64 as NumPy's does (it came out 0 and scott asked for 1 bin)
    n = (np.random.default_rng(3).normal(size=70000) * 1e-2).astype(np.float16)
    x = xp.asarray(n)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        assert_array(xp.std(x), np.std(n))
        if bins == "stone":   # 264 trial histograms of 70,000 values: use fewer
            n, x = n[:5000], x[:5000]
        e, ee = np.histogram(n, bins)
        g, ge = xp.histogram(x, bins)
    assert_array(ge, ee)
    assert_array(g, e.astype(np.int64))


def test_histogram_float16_overflowing_statistics_raise():
    # float16 values whose sum overflows float16: NumPy's scott width is inf
    # and its histogram fails inside bincount; arraycore says why
    n = (np.random.default_rng(5).normal(size=20000) * 300 + 100).astype(np.float16)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError):
            np.histogram(n, "scott")
        with pytest.raises(ValueError, match="overflow"):
            xp.histogram(xp.asarray(n), "scott")


@S
@given(pairs(FLOATS, max_dims=2, min_side=1), st.sampled_from([1, 3, 10, "sturges", "fd"]))
def test_histogram_edges_from_float_data_are_numpys(nx, bins):
    # with the range taken from float data NumPy steps the edges in the data's
    # type (float32 0-d 0.0 into 10 bins: -0.19999999, not -0.2); so does
    # arraycore, so the edges and the densities built on them agree exactly
    n, x = nx
    if not np.isfinite(n).all():
        n = np.where(np.isfinite(n), n, 1).astype(n.dtype)
        x = xp.asarray(n)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            e, ee = np.histogram(n, bins, density=True)
        except (ValueError, OverflowError, MemoryError):
            return
        if ee.size > 10000:
            return
        g, ge = xp.histogram(x, bins, density=True)
    assert_array(ge, ee.astype(ee.dtype.newbyteorder("=")), exact_byteorder=False)
    close(g, e, rtol=1e-12)


def test_histogram_big_and_errors():
    a = np.random.default_rng(1).normal(size=300000)
    for bins in [100, 7]:
        g, ge = xp.histogram(xp.asarray(a), bins)
        e, ee = np.histogram(a, bins)
        close(g, e)
        close(ge, ee)
    with pytest.raises(ValueError):
        xp.histogram(xp.asarray([1.0, np.inf]))
    with pytest.raises(ValueError):
        xp.histogram(xp.asarray([1.0]), bins=0)
    with pytest.raises(ValueError):
        xp.histogram(xp.asarray([1.0]), bins=[2, 1])
    with pytest.raises(ValueError):
        xp.histogram(xp.asarray([1.0]), bins="bogus")


@S
@given(st.integers(0, 30), st.data())
def test_histogram2d_dd(n, data):
    rng = np.random.default_rng(n)
    a = rng.normal(size=n)
    b = rng.integers(-3, 3, size=n).astype(float)
    bins = data.draw(st.sampled_from([3, (2, 4), [[-1, 0, 1], [-3, 0, 3]]]))
    r = data.draw(st.sampled_from([None, [(-2, 2), (-3, 3)]]))
    dens = data.draw(st.booleans())
    w = rng.random(n) if data.draw(st.booleans()) else None
    with np.errstate(all="ignore"):
        e, ex, ey = np.histogram2d(a, b, bins, r, dens, w)
        g, gx, gy = xp.histogram2d(xp.asarray(a), xp.asarray(b), bins, r, dens,
                                   None if w is None else xp.asarray(w))
    close(g, e, rtol=1e-9)
    close(gx, ex, rtol=1e-12)
    close(gy, ey, rtol=1e-12)
    s = np.stack([a, b, a * 2], axis=1)
    e, ee = np.histogramdd(s, bins=3)
    g, ge = xp.histogramdd(xp.asarray(s), bins=3)
    close(g, e)
    for gi, ei in zip(ge, ee):
        close(gi, ei, rtol=1e-12)


@S
@given(pairs(["int64", "int32", "uint8", "bool", "int8"], shape=st.integers(0, 40)
             .map(lambda k: (k,))), st.integers(0, 10), st.booleans())
def test_bincount(nx, minlength, weighted):
    n, x = nx
    if n.dtype.kind == "i":
        n = np.abs(n.astype("int64")) % 50
        x = xp.asarray(n)
    w = np.arange(n.size) * 0.5 if weighted else None
    e = np.bincount(n, w, minlength)
    g = xp.bincount(x, None if w is None else xp.asarray(w), minlength)
    assert_array(g, e)
    with pytest.raises(ValueError):
        xp.bincount(xp.asarray([1, -1]))
    with pytest.raises(TypeError):
        xp.bincount(xp.asarray([1.5]))
    with pytest.raises(ValueError):
        xp.bincount(xp.asarray([[1]]))


@S
@given(st.integers(0, 20000), st.integers(1, 17000), st.sampled_from(["random", "runs", "one"]),
       st.integers(0, 2**32 - 1))
def test_bincount_large(n, nvals, kind, seed):
    # big enough for the interleaved sub-histograms (n >= 8 * bins, bins up to
    # and beyond their limit of 16384), with repeated values and long runs
    rng = np.random.default_rng(seed)
    if kind == "random":
        a = rng.integers(0, nvals, n)
    elif kind == "runs":
        a = np.repeat(rng.integers(0, nvals, -(-n // 64)), 64)[:n]     # exactly n values
    else:
        a = np.full(n, nvals - 1, dtype=np.int64)
    assert_array(xp.bincount(xp.asarray(a)), np.bincount(a))
    assert_array(xp.bincount(xp.asarray(a), minlength=nvals + 3),
                 np.bincount(a, minlength=nvals + 3))
    a2 = a.copy()
    if n:
        a2[rng.integers(0, n)] = -1
        with pytest.raises(ValueError):
            xp.bincount(xp.asarray(a2))


@pytest.mark.parametrize("nbins", [1, 3, 16383, 16384, 16385])
def test_bincount_sub_histogram_limits(nbins):
    rng = np.random.default_rng(nbins)
    a = rng.integers(0, nbins, 8 * nbins + 4099)
    a[:5000] = nbins - 1                        # a long run of one value
    assert_array(xp.bincount(xp.asarray(a)), np.bincount(a))


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_bincount_and_bounds_on_the_pool(threads):
    # inputs of 1M elements and more are counted (and their bounds found) in
    # one piece per thread: the same counts, the same min/max and the same
    # error for a negative value in any piece, whatever the thread count
    from arraycore import _np_kernels as K
    rng = np.random.default_rng(threads)
    old = xp.set_num_threads(threads)
    try:
        for n, nvals in [((1 << 20) + 7, 1000), (3 << 20, 5), ((1 << 20) + 1, (1 << 16) + 3),
                         ((1 << 20) - 1, 300)]:
            a = rng.integers(0, nvals, n)
            a[-3:] = nvals - 1
            assert_array(xp.bincount(xp.asarray(a)), np.bincount(a))
            assert_array(xp.bincount(xp.asarray(a), minlength=nvals + 9),
                         np.bincount(a, minlength=nvals + 9))
            w = rng.random(n)
            assert_array(xp.bincount(xp.asarray(a), xp.asarray(w)), np.bincount(a, w))
            for pos in (0, n // 3, n // 2 + 1, n - 1):       # extremes in every piece
                b = a.copy()
                b[pos] = -(2**63)
                b[(pos + n // 2) % n] = 2**63 - 1
                assert K.minmax_i64(xp.asarray(b)) == (-(2**63), 2**63 - 1)
                b[(pos + n // 2) % n] = 0
                with pytest.raises(ValueError, match="negative"):
                    xp.bincount(xp.asarray(b))
    finally:
        xp.set_num_threads(old)


@S
@given(st.lists(st.integers(-2**63, 2**63 - 1), min_size=1, max_size=40),
       st.integers(0, 8))
def test_minmax_i64_kernel(vals, pad):
    # the vectorized min/max of bincount's bounds: every length mod 8, the
    # extremes of int64
    from arraycore import _np_kernels as K
    a = np.array(vals * (1 + pad), dtype=np.int64)
    assert K.minmax_i64(xp.asarray(a)) == (a.min(), a.max())
    b = np.zeros(10_000 + pad, dtype=np.int64)
    b[len(b) - 1 - pad] = vals[0]
    assert K.minmax_i64(xp.asarray(b)) == (b.min(), b.max())


@S
@given(pairs(["float64", "int32", "float32"], max_dims=2), st.booleans(), st.booleans())
def test_digitize(nx, right, decreasing):
    n, x = nx
    bins = np.array([-10.0, -1.0, 0.0, 0.0, 2.5, 100.0])
    if decreasing:
        bins = bins[::-1].copy()
    assert_array(xp.digitize(x, xp.asarray(bins), right), np.digitize(n, bins, right))
    with pytest.raises(ValueError):
        xp.digitize(x, xp.asarray([1.0, 0.0, 2.0]))


@S
@given(st.integers(1, 4), st.integers(1, 8), st.data())
def test_cov_corrcoef(nv, nobs, data):
    rng = np.random.default_rng(nv * 10 + nobs)
    dt = data.draw(st.sampled_from(["float64", "float32", "int32", "complex128"]))
    m = (rng.normal(size=(nv, nobs)) * 10).astype(dt) if dt != "complex128" else \
        rng.normal(size=(nv, nobs)) + 1j * rng.normal(size=(nv, nobs))
    rowvar = data.draw(st.booleans())
    mm = m if rowvar else m.T.copy()
    kw = data.draw(st.sampled_from([{}, {"bias": True}, {"ddof": 0},
                                    {"fweights": np.arange(1, nobs + 1)},
                                    {"aweights": np.linspace(0.5, 1, nobs)}]))
    xkw = {k: (xp.asarray(v) if isinstance(v, np.ndarray) else v) for k, v in kw.items()}
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        e = np.cov(mm, rowvar=rowvar, **kw)
        g = xp.cov(xp.asarray(mm), rowvar=rowvar, **xkw)
        close(g, e, rtol=1e-9, atol=1e-9)
        e = np.corrcoef(mm, rowvar=rowvar)
        g = xp.corrcoef(xp.asarray(mm), rowvar=rowvar)
        close(g, e, rtol=1e-9, atol=1e-12)
        y = rng.normal(size=nobs)
        close(xp.cov(xp.asarray(m), xp.asarray(y)), np.cov(m, y), rtol=1e-9, atol=1e-9)


@S
@given(pairs(FLOATS + ["int32", "complex128"], max_dims=3), st.data())
def test_nan_family(nx, data):
    n, x = nx
    if n.dtype.kind in "fc":   # NaNs kept; magnitudes bounded (sums of squares stay finite)
        n = n.copy()
        big = ~np.isfinite(n) | (np.abs(n) > 1e3)
        n[big & ~np.isnan(n)] = 7.0
        x = xp.asarray(n)
    ax = axis_for(data, n.ndim)
    kd = data.draw(st.booleans())
    tol = _tol(n.dtype) if n.dtype.kind == "f" else 1e-9
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for f in ["nansum", "nanprod", "nanmean", "nanvar", "nanstd", "nanmin", "nanmax"]:
            if n.dtype.kind == "c" and f in ("nanmin", "nanmax"):
                continue
            if f in ("nanmin", "nanmax") and n.size == 0 and (ax is None or n.ndim == 0):
                continue
            try:
                e = getattr(np, f)(n, axis=ax, keepdims=kd)
            except ValueError:
                with pytest.raises(ValueError):
                    getattr(xp, f)(x, axis=ax, keepdims=kd)
                continue
            g = getattr(xp, f)(x, axis=ax, keepdims=kd)
            if f in ("nansum", "nanprod") and n.dtype.kind == "f":
                close(g, e, rtol=max(tol, 1e-3) if n.dtype == "float16" else 1e-5,
                      atol=1e-3)
            else:
                close(g, e, rtol=max(tol, 1e-6), atol=1e-6 if f in ("nanvar", "nanstd")
                      else 0, dtype=f not in ("nanvar", "nanstd") or n.dtype.kind != "c")
        if n.ndim <= 1 or isinstance(ax, int) or ax is None:
            a1 = ax if not isinstance(ax, tuple) else None
            for f in ["nancumsum", "nancumprod"]:
                if n.dtype.kind == "f" and n.dtype.itemsize < 8:
                    continue
                e = getattr(np, f)(n, axis=a1)
                close(getattr(xp, f)(x, axis=a1), e, rtol=1e-9)
            if n.dtype.kind != "c" and n.size:
                for f in ["nanargmin", "nanargmax"]:
                    try:
                        e = getattr(np, f)(n, axis=a1)
                    except ValueError:
                        with pytest.raises(ValueError):
                            getattr(xp, f)(x, axis=a1)
                        continue
                    assert_array(getattr(xp, f)(x, axis=a1), e)


def _np_nanmedian_lanes(n, axis, keepdims):
    """NumPy's nanmedian computed lane by lane through its 1-d path.

    NumPy takes a masked-array median for lanes of fewer than 600 values when
    an axis is given, and that path averages a lone middle value with itself:
    x + x overflows to inf for |x| > max/2 (np.nanmedian([[9e307]], axis=0) is
    inf, np.nanmedian([9e307]) is 9e307).  arraycore gives the middle value
    itself on every path, as NumPy's 1-d path does; this oracle is that path.
    """
    nd = n.ndim
    axs = tuple(range(nd)) if axis is None else \
        tuple(a % nd for a in (axis if isinstance(axis, tuple) else (axis,)))
    rest = [i for i in range(nd) if i not in axs]
    t = np.transpose(n, rest + list(axs))
    kept = tuple(n.shape[i] for i in rest)
    lanes = t.reshape(int(np.prod(kept)), -1)      # min_side=1: no empty lanes
    res = np.array([np.nanmedian(lane) for lane in lanes], dtype=n.dtype).reshape(kept)
    if keepdims:
        res = res.reshape(tuple(1 if i in axs else n.shape[i] for i in range(nd)))
    return res


def test_quantile_python_float_q_is_weak():
    # NumPy 2.4's rule: a Python float q gives float64 weights, the result
    # keeps the data's float type; a NumPy float64 q or a list takes part in it
    a = np.array([-65504.0, 1, 58944, 65504], np.float16)
    x = xp.asarray(a)
    for f in ("quantile", "nanquantile"):
        r = getattr(xp, f)(x, 0.333)
        assert_array(r, np.float16(-64.5))
        assert to_numpy(getattr(xp, f)(x, [0.333])).dtype == np.float64
    assert_array(xp.percentile(x, 33.3), np.float16(-64.5))
    # an integer q on float data: linear needs no interpolation (data's type)
    f32 = xp.asarray(np.array([1.0, np.nan, 3.0, 2.0], np.float32))
    assert_array(xp.nanquantile(f32, 1), np.float32(3.0))
    assert_array(xp.nanquantile(f32, [1]), np.array([3.0], np.float32))
    # an all-NaN float16 slice keeps the data's type, as NumPy's
    with pytest.warns(RuntimeWarning, match="All-NaN"):
        r = xp.nanquantile(xp.asarray(np.full(3, np.nan, np.float16)), [0.05, 0.95],
                           method="averaged_inverted_cdf")
    assert_array(r, np.full(2, np.nan, np.float16))


def test_nanquantile_groups_lanes_by_nan_count():
    # lanes with 0..4 NaNs and one all-NaN lane, every method: each lane's
    # result is NumPy's 1-d result on the lane
    rng = np.random.default_rng(5)
    a = rng.standard_normal((6, 5))
    for i in range(6):
        a[i, rng.permutation(5)[:i]] = np.nan
    x = xp.asarray(a)
    for method in METHODS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            g = to_numpy(xp.nanquantile(x, [0.1, 0.5, 0.9], axis=1, method=method))
            e = np.stack([np.nanquantile(lane, [0.1, 0.5, 0.9], method=method)
                          for lane in a], axis=1)
        np.testing.assert_allclose(g, e, rtol=1e-12, equal_nan=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = to_numpy(xp.nanmedian(x, axis=1))
    np.testing.assert_allclose(g, [np.nanmedian(lane) if not np.isnan(lane).all() else
                                   np.nan for lane in a], rtol=1e-12, equal_nan=True)


def test_nanmedian_lone_middle_value_does_not_overflow():
    # NumPy's axis path gives inf here (see _np_nanmedian_lanes); the median
    # of one value is that value
    a = np.array([[8.98846567431158e307, np.nan]])
    assert np.nanmedian(a[0]) == a[0, 0]
    assert_array(xp.nanmedian(xp.asarray(a), axis=1), np.array([a[0, 0]]))
    with pytest.warns(RuntimeWarning, match="All-NaN"):
        r = xp.nanmedian(xp.asarray(a), axis=0)
    assert_array(r, np.array([a[0, 0], np.nan]))


@S
@given(pairs(FLOATS, max_dims=3, min_side=1), st.data())
def test_nanmedian_nanquantile(nx, data):
    n, x = nx
    ax = axis_for(data, n.ndim)
    kd = data.draw(st.booleans())
    method = data.draw(st.sampled_from(METHODS))
    q = data.draw(st.sampled_from([0.5, [0.05, 0.95], 0.0, 1.0]))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        close(xp.nanmedian(x, axis=ax, keepdims=kd), _np_nanmedian_lanes(n, ax, kd),
              rtol=_tol(n.dtype))
        e = np.nanquantile(n, q, axis=ax, method=method, keepdims=kd)
        close(xp.nanquantile(x, q, axis=ax, method=method, keepdims=kd), e,
              rtol=_tol(e.dtype), atol=_qatol(n, q))
        qp = np.multiply(q, 100).tolist() if isinstance(q, list) else q * 100
        e = np.nanpercentile(n, qp, axis=ax, method=method, keepdims=kd)
        close(xp.nanpercentile(x, qp, axis=ax, method=method, keepdims=kd), e,
              rtol=_tol(e.dtype), atol=_qatol(n, qp))


def test_kernel_doors_refuse_bad_layouts():
    """The C kernels' Cython doors check what the C relies on (no crash)."""
    from arraycore import _np_kernels as K
    a = xp.asarray(np.arange(12.0).reshape(3, 4))
    with pytest.raises(ValueError):
        K.select_lanes(a[:, ::2], [0])              # not contiguous
    with pytest.raises(ValueError):
        K.select_lanes(a, [4])                      # kth out of range
    with pytest.raises(ValueError):
        K.select_lanes(xp.asarray(np.arange(3.0)), [0])   # not 2-d
    with pytest.raises(TypeError):
        K.select_lanes(xp.asarray(np.ones((2, 2), np.complex128)), [0])
    with pytest.raises(ValueError):
        K.argselect_lanes(a, [0], xp.zeros((3, 3), dtype=xp.int64))
    with pytest.raises(TypeError):
        K.bincount_into(xp.asarray([1.0]), None, xp.zeros(2, dtype=xp.int64))
    with pytest.raises(TypeError):
        K.hist_uniform_into(xp.asarray([1.0]), None, 0.0, 1.0, xp.asarray([0.0, 1.0]),
                            xp.zeros(3, dtype=xp.int64))
    with pytest.raises(ValueError):
        K.minmax_i64(xp.zeros(0, dtype=xp.int64))
    # huge values: a clear error, not a crash
    with pytest.raises((MemoryError, ValueError)):
        xp.bincount(xp.asarray([2 ** 62]))


def test_histogram_auto_keeps_fd_above_half_sqrt():
    # FD width is 0 here (the quartiles agree), so 'auto' takes max(FD,
    # sqrt/2) = (1/sqrt(6))/2 ~ 0.204 against Sturges' 1/(log2(6)+1) ~ 0.279:
    # ceil(1/0.204) = 5 bins (NumPy 2.4's rule)
    a = np.array([[0.0, 1, 1], [1, 1, 1]])
    close(xp.histogram_bin_edges(xp.asarray(a), "auto"), np.linspace(0.0, 1.0, 6))


# the keywords NumPy's NaN family takes beyond axis/keepdims: where, initial,
# mean (nanvar/nanstd) and weights (nanquantile/nanpercentile, inverted_cdf)
@S
@given(pairs(["float64", "float32", "int32", "complex128"], max_dims=3, min_side=1),
       st.data())
def test_nan_family_where_initial_mean(nx, data):
    n, x = nx
    if n.dtype.kind in "fc":
        n = n.copy()
        big = ~np.isfinite(n) | (np.abs(n) > 1e3)
        n[big & ~np.isnan(n)] = 3.0
        x = xp.asarray(n)
    ax = axis_for(data, n.ndim)
    kd = data.draw(st.booleans())
    wshape = data.draw(st.sampled_from([n.shape, n.shape[1:], ()]))
    wh = data.draw(st.lists(st.booleans(), min_size=int(np.prod(wshape)),
                            max_size=int(np.prod(wshape))))
    wh = np.asarray(wh, dtype=bool).reshape(wshape)
    init = data.draw(st.none() | st.sampled_from([-2.0, 0.5, 5.0]))
    tol = 1e-3 if n.dtype == np.float32 else 1e-6
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for f in ["nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd"]:
            if n.dtype.kind == "c" and f in ("nanmin", "nanmax"):
                continue
            kw = dict(axis=ax, keepdims=kd, where=wh)
            if f in ("nansum", "nanprod", "nanmin", "nanmax") and init is not None:
                kw["initial"] = init
            try:
                e = getattr(np, f)(n, **kw)
            except ValueError:
                with pytest.raises(ValueError):
                    getattr(xp, f)(x, **dict(kw, where=xp.asarray(wh)))
                continue
            g = getattr(xp, f)(x, **dict(kw, where=xp.asarray(wh)))
            close(g, e, rtol=tol, atol=1e-6,
                  dtype=f not in ("nanvar", "nanstd") or n.dtype.kind != "c")
        if n.dtype.kind in "fc":
            m = np.nanmean(n, axis=ax, keepdims=True)
            for f in ("nanvar", "nanstd"):
                e = getattr(np, f)(n, axis=ax, keepdims=kd, mean=m)
                g = getattr(xp, f)(x, axis=ax, keepdims=kd, mean=xp.asarray(m))
                close(g, e, rtol=tol, atol=1e-6, dtype=n.dtype.kind != "c")


@S
@given(pairs(["float64", "float32"], max_dims=2, min_side=1), st.data())
def test_nanquantile_weights(nx, data):
    n, x = nx
    ax = data.draw(st.none() | st.integers(0, max(n.ndim - 1, 0))) if n.ndim else None
    w = (np.arange(1, n.size + 1, dtype=float).reshape(n.shape) % 3) + 0.5
    q = data.draw(st.sampled_from([0.5, [0.0, 0.3, 1.0]]))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for name, qq in (("nanquantile", q), ("nanpercentile", np.multiply(q, 100))):
            qq = qq.tolist() if isinstance(qq, np.ndarray) else qq
            try:
                e = getattr(np, name)(n, qq, axis=ax, method="inverted_cdf", weights=w)
            except ValueError:
                with pytest.raises(ValueError):
                    getattr(xp, name)(x, qq, axis=ax, method="inverted_cdf",
                                      weights=xp.asarray(w))
                continue
            g = getattr(xp, name)(x, qq, axis=ax, method="inverted_cdf",
                                  weights=xp.asarray(w))
            close(g, e, rtol=0)
    with pytest.raises(ValueError, match="inverted_cdf"):
        xp.nanquantile(x, 0.5, axis=ax, weights=xp.asarray(w))


def test_nanquantile_weights_all_nan_slice():
    n = np.array([[np.nan, np.nan], [1.0, np.nan]])
    w = np.array([[1.0, 2.0], [2.0, 3.0]])
    with pytest.warns(RuntimeWarning, match="All-NaN"):
        g = xp.nanquantile(xp.asarray(n), 0.5, axis=1, method="inverted_cdf",
                           weights=xp.asarray(w))
    with pytest.warns(RuntimeWarning, match="All-NaN"):
        e = np.nanquantile(n, 0.5, axis=1, method="inverted_cdf", weights=w)
    close(g, e, rtol=0)


def test_nanmin_where_needs_initial():
    n = np.array([[1.0, np.nan], [2.0, 3.0]])
    wh = np.array([False, False])
    with pytest.raises(ValueError, match="initial"):
        np.nanmin(n, axis=1, where=wh)
    with pytest.raises(ValueError, match="initial"):
        xp.nanmin(xp.asarray(n), axis=1, where=xp.asarray(wh))
    close(xp.nanmin(xp.asarray(n), axis=1, where=xp.asarray(wh), initial=9.0),
          np.nanmin(n, axis=1, where=wh, initial=9.0))


@pytest.mark.parametrize("dt", ["int32", "int64", "uint8", "float32"])
def test_histogram_fractional_edges_of_integers(dt):
    # integer data and float edges compare in the common type (2 < 2.5)
    n = np.array([[2], [0], [9]], dtype=dt)
    for w in (None, np.array([[1.5], [2.0], [0.25]])):
        e = np.histogram(n, bins=[0, 1, 2.5, 10], weights=w)
        g = xp.histogram(xp.asarray(n), bins=[0, 1, 2.5, 10],
                         weights=None if w is None else xp.asarray(w))
        close(g[0], e[0], rtol=0)
        close(g[1], e[1], rtol=0)


def test_keywords_numpy_2_4_removed():
    # interpolation= (percentile/quantile and the nan versions), corrcoef's
    # bias/ddof and save's fix_imports are gone in NumPy 2.4: an unexpected
    # keyword, a TypeError, in both; load keeps fix_imports in both
    import inspect
    import io
    # NumPy itself agrees from 2.4 on (CPython 3.10's newest NumPy is 2.2,
    # which still takes them): arraycore follows NumPy 2.4 on every interpreter
    np24 = tuple(int(v) for v in np.__version__.split(".")[:2]) >= (2, 4)
    a = np.arange(10.0)
    x = xp.asarray(a)
    calls = [("percentile", (50,), {"interpolation": "linear"}),
             ("quantile", (0.5,), {"interpolation": "nearest"}),
             ("nanpercentile", (50,), {"interpolation": "linear"}),
             ("nanquantile", (0.5,), {"interpolation": "lower"}),
             ("corrcoef", (), {"bias": 1}),
             ("corrcoef", (), {"ddof": 1}),
             ("corrcoef", (), {"bias": None, "ddof": None})]
    for name, args, kw in calls:
        if np24:
            with pytest.raises(TypeError):
                getattr(np, name)(a, *args, **kw)
        with pytest.raises(TypeError, match="unexpected keyword"):
            getattr(xp, name)(x, *args, **kw)
    if np24:
        with pytest.raises(TypeError):
            np.save(io.BytesIO(), a, fix_imports=True)
    with pytest.raises(TypeError, match="unexpected keyword"):
        xp.save(io.BytesIO(), x, fix_imports=True)
    buf = io.BytesIO()
    xp.save(buf, x)
    buf.seek(0)
    assert_array(xp.load(buf, fix_imports=False), np.load(io.BytesIO(buf.getvalue()),
                                                          fix_imports=False))
    # the keywords themselves match NumPy 2.4's
    for name in ("percentile", "quantile", "nanpercentile", "nanquantile", "corrcoef",
                 "save", "load") if np24 else ():
        mine = list(inspect.signature(getattr(xp, name)).parameters)
        theirs = list(inspect.signature(getattr(np, name)).parameters)
        assert mine == theirs, (name, mine, theirs)
    # method= still works, and positional corrcoef(x, y, rowvar)
    assert_array(xp.percentile(x, 30, method="nearest"), np.percentile(a, 30, method="nearest"))
    m = np.random.default_rng(1).standard_normal((3, 6))
    np.testing.assert_allclose(np.asarray(xp.corrcoef(xp.asarray(m), None, False)),
                               np.corrcoef(m, None, False), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("dt", ["float16", "float32", "float64"])
def test_histogram_empty_edges(dt):
    # empty data: NumPy's edges of [0, 1] are stepped in float64, then cast
    # (with data, in the data's own type); found by test_histogram's draws
    got = xp.histogram(xp.asarray(np.array([], dtype=dt)), bins=10)
    want = np.histogram(np.array([], dtype=dt), bins=10)
    assert to_numpy(got[1]).dtype == want[1].dtype
    assert np.array_equal(to_numpy(got[1]), want[1])
    assert np.array_equal(to_numpy(got[0]), want[0])
