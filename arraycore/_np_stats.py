"""NumPy-named statistics beside the Array API namespace: median, percentile,
quantile (NumPy's 13 methods), average, ptp, histogram (int / sequence /
string-estimator bins), histogram2d, histogramdd, histogram_bin_edges,
bincount, digitize, cov, corrcoef and the NaN-aware family.

Order statistics use selection, not a full sort: the data is laid out as
C-contiguous lanes and partitioned in place at the needed positions by the
introselect kernel (src/ac_npfuncs.c through _np_kernels); float16 and
complex lanes, which that kernel does not take, are sorted instead.  The
nan-quantiles select too: lanes are grouped by their count of non-NaN values
(NaNs order last, so the order statistics of those values are the lane's).
bincount and equal-bin histograms run in C.
"""
import math
import operator
import warnings

from arraycore._convert import asarray
from arraycore._core import ndarray
from arraycore._creation import empty, zeros, linspace
from arraycore._manip import reshape, moveaxis, take, take_along_axis, broadcast_to, concat
from arraycore._sort import sort, argsort, searchsorted
from arraycore._elementwise import where as _where, clip
from arraycore import _ufunc as _u
from arraycore import _stats
from arraycore import _np_kernels as _k

__all__ = ["median", "percentile", "quantile", "average", "ptp", "histogram",
           "histogram2d", "histogramdd", "histogram_bin_edges", "bincount", "digitize",
           "cov", "corrcoef", "nansum", "nanprod", "nanmean", "nanvar", "nanstd", "nanmin",
           "nanmax", "nanargmin", "nanargmax", "nanmedian", "nanpercentile", "nanquantile",
           "nancumsum", "nancumprod"]


def _dt(name):
    import arraycore
    return getattr(arraycore, name)


def _axes(axis, nd):
    if axis is None:
        return tuple(range(nd))
    if isinstance(axis, (tuple, list)):
        axs = [operator.index(a) for a in axis]
    else:
        axs = [operator.index(axis)]
    out = []
    for a in axs:
        if not -nd <= a < nd:
            raise ValueError(f"axis {a} is out of bounds for array of dimension {nd}")
        a %= nd
        if a in out:
            raise ValueError("repeated axis")
        out.append(a)
    return tuple(out)


def _lanes(a, axis):
    """(lanes, kept_shape, keep_shape): a C-contiguous copy of `a` with the
    reduced axes last and flattened, (nlanes, n); the shape of the result
    without and with keepdims."""
    axs = _axes(axis, a.ndim)
    rest = [i for i in range(a.ndim) if i not in axs]
    kept = tuple(a.shape[i] for i in rest)
    keep = tuple(1 if i in axs else a.shape[i] for i in range(a.ndim))
    n = 1
    for i in axs:
        n *= a.shape[i]
    t = a if not axs and not rest else _permute(a, rest + list(axs))
    lanes = reshape(t.copy(order="C"), (-1, n)) if n else \
        empty((_prod(kept), 0), dtype=a.dtype)
    if not (lanes.flags["C_CONTIGUOUS"] and lanes.flags["ALIGNED"]) or _swapped(lanes):
        lanes = lanes.astype(_native(lanes.dtype)).copy(order="C")
    return lanes, kept, keep


def _prod(shape):
    p = 1
    for s in shape:
        p *= s
    return p


def _permute(a, perm):
    from arraycore._manip import permute_dims
    return permute_dims(a, tuple(perm))


def _swapped(a):
    return a.dtype.str[0] == ">"


def _native(dt):
    from arraycore._dtype import dtype as _dtype
    return _dtype(dt.str.replace(">", "<")) if dt.str[0] == ">" else dt


def _partition_lanes(lanes, kth):
    """Partition each lane in place at positions kth (sorted if unsupported)."""
    n = lanes.shape[1]
    ks = sorted({k % n for k in kth}) if n else []
    if not ks or lanes.shape[0] == 0:
        return lanes
    if _k.can_select(lanes):
        _k.select_lanes(lanes, ks)
        return lanes
    return sort(lanes, axis=1)


def _is_inexact(a):
    return a.dtype.kind in "fc"


# --------------------------------------------------------------------------
# quantiles
# --------------------------------------------------------------------------
_METHODS = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation",
            "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
            "normal_unbiased", "lower", "higher", "midpoint", "nearest")
_ALPHA_BETA = {"interpolated_inverted_cdf": (0.0, 1.0), "hazen": (0.5, 0.5),
               "weibull": (0.0, 0.0), "median_unbiased": (1 / 3.0, 1 / 3.0),
               "normal_unbiased": (3 / 8.0, 3 / 8.0)}


def _discrete_to_bound(index, cond):
    prev = _u.floor(index)
    nxt = prev + 1
    gamma = index - prev
    res = _where(cond(gamma, index), prev, nxt).astype(_dt("int64"))
    return _where(res < 0, 0, res)


def _virtual_index(n, q, method):
    """(virtual index array, fix_gamma function or None for 'no interpolation')."""
    if method == "linear":
        return (n - 1) * q, (lambda g, vi: g)
    if method in _ALPHA_BETA:
        al, be = _ALPHA_BETA[method]
        return n * q + (al + q * (1 - al - be)) - 1, (lambda g, vi: g)
    if method == "inverted_cdf":
        return _discrete_to_bound(n * q - 1, lambda g, i: _u.equal(g, 0)), None
    if method == "averaged_inverted_cdf":
        vi = n * q + (0 + q * (1 - 0 - 1)) - 1
        return vi, (lambda g, vi: _where(_u.equal(g, 0), 0.5, 1.0).astype(g.dtype))
    if method == "closest_observation":
        return _discrete_to_bound(
            n * q - 1 - 0.5,
            lambda g, i: _u.logical_and(_u.equal(g, 0),
                                        _u.equal(_u.floor(i) % 2, 1))), None
    if method == "lower":
        return _u.floor((n - 1) * q).astype(_dt("int64")), None
    if method == "higher":
        return _u.ceil((n - 1) * q).astype(_dt("int64")), None
    if method == "midpoint":
        return (n - 1) * q, (lambda g, vi: _where(_u.equal(vi % 1, 0), 0.0, 0.5).astype(g.dtype))
    if method == "nearest":
        return _u.round((n - 1) * q).astype(_dt("int64")), None
    raise ValueError(f"'{method}' is not a valid method. Use one of: {_METHODS}")


def _q_array(q, a, percent):
    """(q as an array, weak): NumPy 2.4's rule.  A Python int or float q is
    "weak": the virtual indices and interpolation weights are computed in
    float64 and the interpolation runs in the data's float type, as a Python
    float would in ``lo + (hi - lo) * gamma``; any other q (arrays, lists,
    NumPy scalars) takes part in the result type."""
    weak = type(q) in (int, float)
    q = asarray(q)
    if q.dtype.kind not in "biuf":
        raise TypeError("q must be real numbers")
    if percent:
        q = _u.true_divide(q, 100)
    if q.size and not bool(_stats.all(_u.logical_and(_u.greater_equal(q, 0),
                                                     _u.less_equal(q, 1)))):
        raise ValueError("Percentiles must be in the range [0, 100]" if percent
                         else "Quantiles must be in the range [0, 1]")
    return q, weak


def _lerp(a, b, t, weak=False):
    """a + (b - a) * t, from the nearer end (b - (b - a) * (1 - t) for t >= 0.5).
    weak: t stands for Python floats, so with float data the products run in
    the data's type (t and 1 - t rounded to it first, as NumPy does)."""
    d = _u.subtract(b, a)
    upper = _u.greater_equal(t, 0.5)
    tt, omt = t, 1 - t
    if weak and d.dtype.kind == "f":
        tt, omt = tt.astype(d.dtype), omt.astype(d.dtype)
    r = _u.add(a, d * tt)
    r2 = _u.subtract(b, d * omt)
    return _where(upper, r2.astype(r.dtype, copy=False), r)


def _weighted_lanes(a, weights, axis):
    """The weights laid out as the lanes of a (same shape, or 1-d along one axis)."""
    w = asarray(weights)
    if tuple(w.shape) != tuple(a.shape):
        if axis is None or isinstance(axis, (tuple, list)) and len(axis) != 1:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        ax = _axes(axis, a.ndim)[0]
        if w.ndim != 1 or w.shape[0] != a.shape[ax]:
            raise ValueError("Shape of weights must be consistent with shape of a along "
                             "specified axis.")
        shp = [1] * a.ndim
        shp[ax] = w.shape[0]
        w = broadcast_to(reshape(w, tuple(shp)), tuple(a.shape))
    if bool(_stats.any(_u.less(w, 0))):
        raise ValueError("Weights must be non-negative.")
    return _lanes(w.astype(_dt("float64")), axis)[0]


def _weighted_quantile(lanes, wl, q):
    """inverted_cdf with weights: per lane, the first value whose cumulative
    weight share reaches q (lanes sorted with their weights)."""
    n = lanes.shape[1]
    order = argsort(lanes, axis=1, stable=True)
    sl = take_along_axis(lanes, order, axis=1)
    sw = take_along_axis(wl, order, axis=1)
    cdf = _stats.cumulative_sum(sw, axis=1)
    cdf = cdf / cdf[:, n - 1:n]
    if bool(_stats.any(_u.isnan(cdf[:, n - 1]))):
        raise ValueError("Weights included NaN, inf or were all zero.")
    qf = reshape(q, (-1,))
    if qf.dtype.kind == "f":
        cdf = cdf.astype(qf.dtype)
    if bool(_stats.any(_u.equal(cdf[:, 0], 0))):
        cdf = _where(_u.equal(cdf, 0), -1, cdf).astype(cdf.dtype)
    rows = []
    for i in range(lanes.shape[0]):
        idx = _u.minimum(searchsorted(cdf[i], qf, side="left"), n - 1)
        rows.append(take(sl[i], idx))
    from arraycore._manip import stack
    res = stack(rows, axis=0) if rows else empty((0, qf.shape[0]), dtype=lanes.dtype)
    return res, sl


def _select_quantiles(lanes, n, qf, method, weak, extra=()):
    """Quantiles of the n smallest values of each lane: (result (nl, nq), lanes).

    lanes: (nl, m) C-contiguous native, m >= n >= 1, NaNs (if any) among the
    m - n largest.  Partitions the lanes in place at the needed order
    statistics (and at the positions `extra`); the lanes returned are the
    partitioned ones (a sorted copy for dtypes the kernel does not take)."""
    vi, fix = _virtual_index(n, qf, method)
    if fix is None or (method == "linear" and vi.dtype.kind in "iu"):
        idx = vi.astype(_dt("int64"))
        lanes = _partition_lanes(lanes, idx.tolist() + list(extra))
        return take(lanes, idx, axis=1), lanes
    prev = _u.floor(vi)
    nxt = prev + 1
    above = _u.greater_equal(vi, n - 1)
    below = _u.less(vi, 0)
    prev = _where(above, n - 1, _where(below, 0, prev)).astype(_dt("int64"))
    nxt = _where(above, n - 1, _where(below, 0, nxt)).astype(_dt("int64"))
    ks = set(prev.tolist()) | set(nxt.tolist()) | {0, n - 1} | set(extra)
    lanes = _partition_lanes(lanes, ks)
    lo = take(lanes, prev, axis=1)
    hi = take(lanes, nxt, axis=1)
    gamma = _gamma(vi, above, below, n, fix)
    return _lerp(lo, hi, reshape(gamma, (1, -1)), weak), lanes


def _quantile_impl(a, q, axis, method, keepdims, percent, out=None, weights=None):
    a = asarray(a)
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    if method not in _METHODS:
        raise ValueError(f"'{method}' is not a valid method. Use one of: {_METHODS}")
    if weights is not None and method != "inverted_cdf":
        raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
    q, weak = _q_array(q, a, percent)
    lanes, kept, keep = _lanes(a, axis)
    n = lanes.shape[1]
    if n == 0:
        raise IndexError("cannot do a non-empty take from an empty axes.")
    if weights is not None:
        wl = _weighted_lanes(a, weights, axis)
        res, lanes = _weighted_quantile(lanes, wl, q)
        if _is_inexact(a):
            bad = _u.isnan(lanes[:, n - 1:n])
            if bool(_stats.any(bad)):
                res = _where(bad, lanes[:, n - 1:n], res)
        res = moveaxis(res, 1, 0)
        return _finish(reshape(res, tuple(q.shape) + (keep if keepdims else kept)), out)
    nan_ok = _is_inexact(a)
    res, lanes = _select_quantiles(lanes, n, reshape(q, (-1,)), method, weak,
                                   [n - 1] if nan_ok else [])
    if nan_ok:
        bad = _u.isnan(lanes[:, n - 1:n])
        if bool(_stats.any(bad)):
            res = _where(bad, lanes[:, n - 1:n], res)
    res = moveaxis(res, 1, 0)                      # (nq, nl)
    return _finish(reshape(res, tuple(q.shape) + (keep if keepdims else kept)), out)


def _gamma(vi, above, below, n, fix):
    prev = _u.floor(vi)
    prev = _where(above, n - 1, _where(below, 0, prev)).astype(vi.dtype)
    g = vi - prev
    return fix(g, vi).astype(vi.dtype, copy=False)


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
             keepdims=False, *, weights=None):
    """The q-th quantiles (q in [0, 1]) along the axis (NumPy's methods; the
    `interpolation=` keyword NumPy 2.4 removed is a TypeError here too)."""
    return _quantile_impl(a, q, axis, method, keepdims, False, out, weights)


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
               keepdims=False, *, weights=None):
    """The q-th percentiles (q in [0, 100]) along the axis (NumPy's methods)."""
    return _quantile_impl(a, q, axis, method, keepdims, True, out, weights)


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """The median along the axis (mean of the two middle values for even counts)."""
    a = asarray(a)
    lanes, kept, keep = _lanes(a, axis)
    n = lanes.shape[1]
    shape = keep if keepdims else kept
    if n == 0:
        warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=2)
        res = _stats.mean(lanes, axis=1) if a.dtype.kind in "fc" else \
            _stats.mean(lanes.astype(_dt("float64")), axis=1)
        return _finish(reshape(res, shape), out)
    h = n // 2
    kth = [h - 1, h] if n % 2 == 0 else [h]
    nan_ok = _is_inexact(a)
    lanes = _partition_lanes(lanes, kth + ([n - 1] if nan_ok else []))
    mid = lanes[:, kth[0]:kth[-1] + 1]
    if a.dtype.kind in "biu":
        res = _stats.mean(mid.astype(_dt("float64")), axis=1)
    else:
        res = _stats.mean(mid, axis=1)
    if nan_ok:
        last = lanes[:, n - 1]
        res = _where(_u.isnan(last), last, res)
    return _finish(reshape(res, shape), out)


def _finish(res, out):
    if out is not None:
        out[...] = res
        return out
    return res


# --------------------------------------------------------------------------
# average, ptp
# --------------------------------------------------------------------------
def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    """The (weighted) average along the axis; returned=True also gives the weight sum."""
    from arraycore._dtype import result_type
    a = asarray(a)
    if axis is not None:
        axis = _axes(axis, a.ndim)
    if weights is None:
        avg = _mean(a, axis, keepdims)
        scl = asarray(a.size / max(avg.size, 1) if avg.size else 0, dtype=avg.dtype)
    else:
        w = asarray(weights)
        if a.dtype.kind in "biu":
            rt = result_type(a.dtype, w.dtype, _dt("float64"))
        else:
            rt = result_type(a.dtype, w.dtype)
        if tuple(a.shape) != tuple(w.shape):
            if axis is None:
                raise TypeError("Axis must be specified when shapes of a and weights differ.")
            if tuple(w.shape) != tuple(a.shape[ax] for ax in axis):
                raise ValueError("Shape of weights must be consistent with shape of a along "
                                 "specified axis.")
            order = sorted(range(len(axis)), key=lambda i: axis[i])
            w = _permute(w, order)
            w = reshape(w, tuple(s if i in axis else 1 for i, s in enumerate(a.shape)))
        scl = _stats.sum(broadcast_to(w, tuple(a.shape)).astype(rt), axis=axis,
                         keepdims=keepdims)
        if bool(_stats.any(_u.equal(scl, 0))):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        avg = _stats.sum(_u.multiply(a.astype(rt), w.astype(rt)), axis=axis,
                         keepdims=keepdims) / scl
    if returned:
        if tuple(scl.shape) != tuple(avg.shape):
            scl = broadcast_to(scl, tuple(avg.shape)).copy()
        return avg, scl
    return avg


def _mean(a, axis, keepdims):
    if a.dtype.kind in "biu":
        return _stats.mean(a.astype(_dt("float64")), axis=axis, keepdims=keepdims)
    return _stats.mean(a, axis=axis, keepdims=keepdims)


def ptp(a, axis=None, out=None, keepdims=False):
    """Range of values (maximum - minimum) along the axis."""
    a = asarray(a)
    res = _u.subtract(_stats.max(a, axis=axis, keepdims=keepdims),
                      _stats.min(a, axis=axis, keepdims=keepdims))
    return _finish(res, out)


# --------------------------------------------------------------------------
# histograms
# --------------------------------------------------------------------------
def _outer_edges(a, rng):
    if rng is not None:
        first, last = rng
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif a.size == 0:
        first, last = 0, 1
    else:
        first, last = _stats.min(a).item(), _stats.max(a).item()
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        if rng is None and a.dtype.kind == "f":
            # NumPy widens the data's own float values, in their type
            v = asarray(first, dtype=_native(a.dtype))
            first, last = _u.subtract(v, 0.5).item(), _u.add(v, 0.5).item()
        else:
            first = first - 0.5
            last = last + 0.5
    return first, last


# The bin-width estimators keep NumPy's arithmetic types: with float data the
# peak-to-peak is taken in the data's type, and a width is a 0-d array of that
# type where NumPy's is (rice, scott, stone: the data's value with Python
# floats), a Python float where NumPy's is a float64 (sqrt, sturges, doane and
# fd go through np.sqrt/np.log2/percentile).  The bin count divides in the
# same type as NumPy's, so float32 data gets NumPy's count at a ceil boundary.
def _ptp_val(x):
    """max - min: a 0-d array of the data's type for floats, an exact Python
    int for integers (NumPy subtracts those as unsigned)."""
    mx, mn = _stats.max(x), _stats.min(x)
    if x.dtype.kind == "f":
        return _u.subtract(mx, mn)
    return int(mx.item()) - int(mn.item())


def _div(p, d):
    """p / d in p's type (a float data type's 0-d array), or as Python floats."""
    return _u.divide(p, d) if isinstance(p, ndarray) else p / d


def _bw_sqrt(x, r):
    return float(_ptp_val(x)) / math.sqrt(x.size)


def _bw_sturges(x, r):
    return float(_ptp_val(x)) / (math.log2(x.size) + 1.0)


def _bw_rice(x, r):
    return _div(_ptp_val(x), 2.0 * x.size ** (1.0 / 3))


def _bw_scott(x, r):
    sd = _stats.std(x if x.dtype.kind == "f" else _f64(x))
    return _u.multiply((24.0 * math.pi ** 0.5 / x.size) ** (1.0 / 3.0), sd)


def _bw_stone(x, r):
    n = x.size
    p = _ptp_val(x)
    if n <= 1 or float(p) == 0:
        return 0
    best, best_v = None, None
    ub = max(100, int(math.sqrt(n)))
    for nb in range(1, ub + 1):
        hh = float(_div(p, nb))
        # NumPy passes the data's own min and max as the range here: the
        # edges are stepped in the data's float type (float16 data gets
        # float16 edges, as NumPy's linspace makes them)
        pk = _histogram(x, nb, r, None, None, True)[0].astype(_dt("float64")) / n
        v = (2 - (n + 1) * _stats.sum(pk * pk).item()) / hh
        if best_v is None or v < best_v:
            best, best_v = nb, v
    if best == ub:
        warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning,
                      stacklevel=3)
    return _div(p, best)


def _bw_doane(x, r):
    if x.size > 2:
        sg1 = math.sqrt(6.0 * (x.size - 2) / ((x.size + 1.0) * (x.size + 3)))
        xf = x if x.dtype.kind == "f" else _f64(x)
        sigma = _stats.std(xf)
        if float(sigma) > 0.0:
            t = _u.divide(_u.subtract(xf, _stats.mean(xf)), sigma)
            g1 = float(_stats.mean(t * t * t))
            return float(_ptp_val(x)) / (1.0 + math.log2(x.size) +
                                         math.log2(1.0 + abs(g1) / sg1))
    return 0.0


def _bw_fd(x, r):
    p75, p25 = percentile(x, [75, 25]).tolist()
    return 2.0 * (p75 - p25) * x.size ** (-1.0 / 3.0)


def _bw_auto(x, r):
    # NumPy 2.4's rule: Freedman-Diaconis, kept from going below half the
    # sqrt width (no flood of bins when the IQR is tiny or zero), capped by
    # Sturges (NumPy 2.2 took Sturges alone when the IQR was zero)
    fd = max(_bw_fd(x, r), _bw_sqrt(x, r) / 2)
    return min(fd, _bw_sturges(x, r))


_ESTIMATORS = {"stone": _bw_stone, "auto": _bw_auto, "doane": _bw_doane, "fd": _bw_fd,
               "rice": _bw_rice, "scott": _bw_scott, "sqrt": _bw_sqrt,
               "sturges": _bw_sturges}


def _f64(x):
    return x.astype(_dt("float64"), copy=False) if x.dtype.kind != "f" else x


def _equal_edges(first, last, num, dt):
    """num equally spaced edges from first to last computed in the float type
    dt: delta = last - first, step = delta / (num - 1), edge i = i * step +
    first (i / (num - 1) * delta when the step underflows to 0), the last
    edge exactly `last`."""
    f = asarray(first, dtype=dt)
    l_ = asarray(last, dtype=dt)
    from arraycore._creation import arange
    y = arange(0, num, dtype=dt)
    div = num - 1
    if div > 0:
        delta = _u.subtract(l_, f)
        step = _u.divide(delta, div)
        if bool(_u.equal(step, 0)):
            y = _u.multiply(_u.divide(y, div), delta)
        else:
            y = _u.multiply(y, step)
        y = _u.add(y, f)
        y[num - 1] = l_
    else:
        y = _u.add(y, f)
    return y


# more equal bins than this cannot be allocated as edges on any machine
_MAX_BINS = 2 ** 40


def _bin_edges(a, bins, rng, weights, data_range=False):
    """(edges, (first, last, nbins) for equal bins else None).  data_range:
    rng holds the float data's own min and max (NumPy's float scalars of the
    data's type), so equal edges are computed in that type."""
    neq = None
    if isinstance(bins, str):
        if bins not in _ESTIMATORS:
            raise ValueError(f"{bins!r} is not a valid estimator for `bins`")
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not supported "
                            "for weighted data")
        first, last = _outer_edges(a, rng)
        if rng is not None:
            keep = _u.logical_and(_u.greater_equal(a, first), _u.less_equal(a, last))
            if not bool(_stats.all(keep)):
                a = a[keep]
        if a.size == 0:
            neq = 1
        else:
            width = _ESTIMATORS[bins](a, (first, last))
            if not math.isfinite(float(width)):
                # float16 data whose sums overflow float16 (NumPy computes the
                # statistics in the data's type too, and then fails in bincount)
                raise ValueError(
                    f"the {bins!r} estimator gave a bin width of {float(width)} for "
                    f"{a.dtype} data (its statistics overflow the data's type); pass an "
                    "integer number of bins or data of a wider float type")
            if float(width):
                if a.dtype.kind in "iu" and float(width) < 1:
                    width = 1
                if rng is None and a.dtype.kind == "f":
                    # the span of the data's own values, in their type
                    dt = _native(a.dtype)
                    span = _u.subtract(asarray(last, dtype=dt), asarray(first, dtype=dt))
                    ratio = float(_u.divide(span, width) if isinstance(width, ndarray)
                                  else float(span) / width)
                else:
                    ratio = (last - first) / float(width)
                # a width far below the range (denormal data) asks for more
                # bins than any array can hold: say so instead of overflowing
                if not math.isfinite(ratio) or ratio > _MAX_BINS:
                    raise ValueError(
                        f"the {bins!r} estimator asks for {ratio:.3g} bins for data range "
                        f"[{first!r}, {last!r}]; pass an integer number of bins")
                neq = int(math.ceil(ratio))
            else:
                neq = 1
    elif not isinstance(bins, (list, tuple, ndarray)) and not hasattr(bins, "__len__"):
        try:
            neq = operator.index(bins)
        except TypeError:
            raise TypeError("`bins` must be an integer, a string, or an array") from None
        if neq < 1:
            raise ValueError("`bins` must be positive, when an integer")
        first, last = _outer_edges(a, rng)
    else:
        e = asarray(bins)
        if e.ndim == 0:
            return _bin_edges(a, e.item(), rng, weights)
        if e.ndim != 1:
            raise ValueError("`bins` must be 1d, when an array")
        if e.shape[0] > 1 and bool(_stats.any(_u.greater(e[:-1], e[1:]))):
            raise ValueError("`bins` must increase monotonically, when an array")
        return e, None
    bt = a.dtype if a.dtype.kind == "f" else _dt("float64")
    if (rng is None or data_range) and a.dtype.kind == "f" and a.size > 0:
        # the outer edges are values of the data's float type, and NumPy's
        # linspace then steps in that type: the same arithmetic, so float16
        # and float32 edges are NumPy's to the bit (empty data: the edges of
        # [0, 1] are Python numbers there, stepped in float64)
        edges = _equal_edges(first, last, neq + 1, _native(a.dtype))
    else:
        edges = linspace(float(first), float(last), neq + 1, endpoint=True,
                         dtype=_dt("float64"))
    edges = edges.astype(bt)
    if not bool(_stats.all(_u.isfinite(edges))):
        # float16 data spanning more than float16 holds (-20000 to 58000):
        # the steps overflow (NumPy fails later, in its binning)
        raise ValueError(f"the bin edges from {first!r} to {last!r} overflow {bt}; "
                         "pass data of a wider float type")
    if neq > 0 and bool(_stats.any(_u.greater_equal(edges[:-1], edges[1:]))):
        raise ValueError(f"Too many bins for data range. Cannot create {neq} finite-sized "
                         "bins.")
    return edges, (first, last, neq)


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    """The bin edges histogram() would use."""
    a = reshape(asarray(a), (-1,))
    return _bin_edges(a, bins, range, weights)[0]


def histogram(a, bins=10, range=None, density=None, weights=None):
    """(counts, bin edges) of the values of a (flattened)."""
    return _histogram(a, bins, range, density, weights, False)


def _histogram(a, bins, range, density, weights, data_range):
    a = reshape(asarray(a), (-1,))
    if weights is not None:
        weights = asarray(weights)
        if tuple(weights.shape) != tuple(a.shape) and weights.size != a.size:
            raise ValueError("weights should have the same shape as a.")
        weights = reshape(weights, (-1,))
    edges, uni = _bin_edges(a, bins, range, weights, data_range)
    ntype = _dt("int64") if weights is None else weights.dtype
    if uni is not None and (weights is None or weights.dtype.kind != "c"):
        first, last, nb = uni
        x = _c64(a, "float64")
        e64 = _c64(edges, "float64")
        if weights is None:
            acc = zeros((nb,), dtype=_dt("int64"))
            _k.hist_uniform_into(x, None, float(first), float(last), e64, acc)
        else:
            acc = zeros((nb,), dtype=_dt("float64"))
            _k.hist_uniform_into(x, _c64(weights, "float64"), float(first), float(last),
                                 e64, acc)
        n = acc.astype(ntype, copy=False)
    else:
        n = _hist_sorted(a, edges, weights, ntype)
    if density:
        db = _u.subtract(edges[1:], edges[:-1]).astype(_dt("float64"))
        return n / db / _stats.sum(n), edges
    return n, edges


def _c64(x, name):
    x = x.astype(_dt(name), copy=False)
    if not x.flags["C_CONTIGUOUS"] or not x.flags["ALIGNED"]:
        x = x.copy(order="C")
    return x


def _incl_search(sa, edges):
    if sa.dtype != edges.dtype:
        # compare in the common type, as NumPy's searchsorted does (casting
        # float edges to an integer type would move 2.5 to 2)
        from arraycore._dtype import result_type
        ct = result_type(sa.dtype, edges.dtype)
        sa, edges = sa.astype(ct, copy=False), edges.astype(ct, copy=False)
    return concat([searchsorted(sa, edges[:-1], side="left"),
                   searchsorted(sa, edges[-1:], side="right")])


def _hist_sorted(a, edges, weights, ntype):
    if weights is None:
        sa = sort(a)
        cum = _incl_search(sa, edges)
        return _u.subtract(cum[1:], cum[:-1]).astype(ntype)
    order = argsort(a)
    sa = take(a, order)
    sw = take(weights, order)
    cw = concat([zeros((1,), dtype=ntype), _stats.cumulative_sum(sw.astype(ntype))])
    idx = _incl_search(sa, edges)
    c = take(cw, idx)
    return _u.subtract(c[1:], c[:-1])


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    """The multidimensional histogram of sample (N, D): (counts, [edges per dim])."""
    if isinstance(sample, (list, tuple)) and not isinstance(sample, ndarray) and \
            len(sample) and asarray(sample[0]).ndim == 1:
        s = asarray(sample)
        s = _permute(s, [1, 0]) if s.ndim == 2 else s
    else:
        s = asarray(sample)
    if s.ndim == 1:
        s = reshape(s, (-1, 1))
    N, D = s.shape
    if weights is not None:
        weights = reshape(asarray(weights), (-1,))
    try:
        M = len(bins)
        if M != D:
            raise ValueError("The dimension of bins must be equal to the dimension of the "
                             "sample x.")
        bins_l = list(bins)
    except TypeError:
        bins_l = [bins] * D
    if range is None:
        range = (None,) * D
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    edges = []
    nbin = []
    for i in _brange(D):
        b = bins_l[i]
        if isinstance(b, str):
            raise TypeError("bins must be an integer or a sequence in histogramdd")
        col = s[:, i]
        if asarray(b).ndim == 0:
            nb = operator.index(b)
            if nb < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            if range[i] is not None:
                mn, mx = range[i]
            elif N == 0:
                mn, mx = 0, 1
            else:
                mn, mx = _stats.min(col).item(), _stats.max(col).item()
            if not (math.isfinite(mn) and math.isfinite(mx)):
                raise ValueError(f"`range` parameter must be finite; got {range[i]!r}")
            if mn == mx:
                mn -= 0.5
                mx += 0.5
            e = linspace(float(mn), float(mx), nb + 1, dtype=_dt("float64"))
        else:
            e = asarray(b)
            if e.ndim != 1:
                raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
            if e.shape[0] > 1 and bool(_stats.any(_u.greater(e[:-1], e[1:]))):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an "
                                 "array")
        edges.append(e)
        nbin.append(e.shape[0] + 1)
    # bin number of each sample in each dimension (0: below, nbin-1: above)
    flat = zeros((N,), dtype=_dt("int64"))
    for i in _brange(D):
        col = s[:, i]
        e = edges[i]
        idx = searchsorted(e, col, side="right")
        on_edge = _u.equal(col, e[-1])
        idx = _where(on_edge, idx - 1, idx)
        flat = flat * nbin[i] + idx
    total = _prod(nbin)
    counts = bincount(flat, weights=weights, minlength=total)
    hist = reshape(counts, tuple(nbin))
    core = tuple(slice(1, -1) for _ in _brange(D))
    hist = hist[core]
    hist = hist.astype(_dt("float64"))
    if density:
        s_ = _stats.sum(hist)
        for i in _brange(D):
            shape = [1] * D
            shape[i] = nbin[i] - 2
            w = _u.subtract(edges[i][1:], edges[i][:-1])
            hist = hist / reshape(w, tuple(shape))
        hist = hist / s_
    return hist.copy(), edges


_brange = range


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    """The 2-d histogram of samples x, y: (counts, x edges, y edges)."""
    x = asarray(x)
    y = asarray(y)
    try:
        N = len(bins)
    except TypeError:
        N = 1
    if N != 1 and N != 2:
        xe = ye = asarray(bins)
        bins = [xe, ye]
    from arraycore._manip import stack
    h, e = histogramdd(stack([x, y], axis=1), bins, range, density, weights)
    return h, e[0], e[1]


# --------------------------------------------------------------------------
# bincount, digitize
# --------------------------------------------------------------------------
def bincount(x, /, weights=None, minlength=0):
    """Counts of each value of the non-negative integers x (sums of weights if given)."""
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("object too deep for desired array" if x.ndim > 1 else
                         "object of too small depth for desired array")
    if x.dtype.kind not in "biu" and not (x.dtype.kind == "f" and x.size == 0):
        raise TypeError(f"Cannot cast array data from dtype('{x.dtype}') to dtype('int64') "
                        "according to the rule 'safe'")
    if x.dtype.kind == "u" and x.dtype.itemsize == 8:
        raise TypeError("Cannot cast array data from dtype('uint64') to dtype('int64') "
                        "according to the rule 'safe'")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    xi = _c64(x, "int64")
    n = xi.shape[0]
    if n == 0:
        return zeros((minlength,), dtype=_dt("int64"))
    if n:
        mn, mx = _k.minmax_i64(xi)
        if mn < 0:
            raise ValueError("'list' argument must have no negative elements")
        size = max(mx + 1, minlength)
    else:
        size = minlength
    if weights is None:
        out = zeros((size,), dtype=_dt("int64"))
        if n:
            _k.bincount_into(xi, None, out)
        return out
    w = asarray(weights)
    if tuple(w.shape) != (n,):
        raise ValueError("The weights and list don't have the same length.")
    out = zeros((size,), dtype=_dt("float64"))
    if n:
        _k.bincount_into(xi, _c64(w, "float64"), out)
    return out


def digitize(x, bins, right=False):
    """Indices of the bins to which each value of x belongs."""
    x = asarray(x)
    bins = asarray(bins)
    if x.dtype.kind == "c":
        raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("bins must be one-dimensional")
    if bins.shape[0] > 1:
        inc = bool(_stats.all(_u.less_equal(bins[:-1], bins[1:])))
        dec = bool(_stats.all(_u.greater_equal(bins[:-1], bins[1:])))
    else:
        inc, dec = True, False
    if not inc and not dec:
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if x.ndim == 0:
        xx = reshape(x, (1,))
    else:
        xx = reshape(x, (-1,))
    if inc:
        r = searchsorted(bins, xx, side=side)
    else:
        r = bins.shape[0] - searchsorted(bins[::-1], xx, side=side)
    return reshape(r, tuple(x.shape))


# --------------------------------------------------------------------------
# covariance
# --------------------------------------------------------------------------
def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *,
        dtype=None):
    """The covariance matrix of the variables (rows, or columns with rowvar=False)."""
    from arraycore._dtype import result_type
    from arraycore._np_shape import array
    from arraycore._gufunc import matmul
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = asarray(m)
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = asarray(y)
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = result_type(m, _dt("float64")) if y is None else \
            result_type(m, y, _dt("float64"))
    X = array(m, ndmin=2, dtype=dtype)
    if not rowvar and m.ndim != 1:
        X = _permute(X, [1, 0])
    if X.shape[0] == 0:
        return empty((0, 0), dtype=_dt("float64"))
    if y is not None:
        yy = array(y, ndmin=2, dtype=dtype)
        if not rowvar and yy.shape[0] != 1:
            yy = _permute(yy, [1, 0])
        X = concat([X, yy], axis=0)
    if ddof is None:
        ddof = 1 if not bias else 0
    w = None
    if fweights is not None:
        fw = asarray(fweights, dtype=_dt("float64"))
        if not bool(_stats.all(_u.equal(fw, _u.round(fw)))):
            raise TypeError("fweights must be integer")
        if fw.ndim > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if fw.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if bool(_stats.any(_u.less(fw, 0))):
            raise ValueError("fweights cannot be negative")
        w = fw
    aw = None
    if aweights is not None:
        aw = asarray(aweights, dtype=_dt("float64"))
        if aw.ndim > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if aw.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if bool(_stats.any(_u.less(aw, 0))):
            raise ValueError("aweights cannot be negative")
        w = aw if w is None else w * aw
    avg, w_sum = average(X, axis=1, weights=w, returned=True)
    w_sum = w_sum[0].item()
    if isinstance(w_sum, complex):
        w_sum = w_sum.real
    if w is None:
        fact = X.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aw is None:
        fact = w_sum - ddof
    else:
        fact = w_sum - ddof * _stats.sum(w * aw).item() / w_sum
    if fact <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        fact = 0.0
    X = X - avg[:, None]
    XT = _permute(X if w is None else X * w, [1, 0])
    if XT.dtype.kind == "c":
        XT = _u.conj(XT)
    from arraycore._errstate import errstate
    with errstate(divide="ignore", invalid="ignore"):
        c = matmul(X, XT) * _u.divide(1, asarray(fact))
    from arraycore._manip import squeeze
    if c.shape == (1, 1):
        return reshape(c, ())
    return c


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Pearson correlation coefficients (cov normalized by the standard
    deviations).  NumPy 2.4's signature: its `bias` and `ddof`, which had no
    effect, are gone (an unexpected keyword is a TypeError)."""
    c = cov(x, y, rowvar, dtype=dtype)
    from arraycore._errstate import errstate
    if c.ndim == 0:
        with errstate(divide="ignore", invalid="ignore"):
            return c / c
    from arraycore._np_create import diag
    d = diag(c)
    sd = _u.sqrt(_u.real(d))
    with errstate(divide="ignore", invalid="ignore"):
        c = c / sd[:, None]
        c = c / sd[None, :]
    if c.dtype.kind == "c":
        re = clip(_u.real(c), -1, 1)
        im = clip(_u.imag(c), -1, 1)
        return (re + im * 1j).astype(c.dtype)
    return clip(c, -1, 1)


# --------------------------------------------------------------------------
# the NaN-aware family
# --------------------------------------------------------------------------
def _where_mask(a, where):
    """`where` broadcast to a's shape as a bool array (None: no mask)."""
    if where is None or where is True:
        return None
    from arraycore._manip import broadcast_to as _bt
    w = asarray(where)
    if w.dtype != _dt("bool"):
        raise TypeError(f"where must be a boolean array, got {w.dtype}")
    return _bt(w, tuple(a.shape))


def _excluded(a, where):
    """(a with excluded entries zeroed, excluded mask or None): excluded are the
    NaNs and, with `where`, the entries it leaves out."""
    a = asarray(a)
    w = _where_mask(a, where)
    mask = _u.isnan(a) if a.dtype.kind in "fc" else None
    if w is not None:
        out_ = _u.logical_not(w)
        mask = out_ if mask is None else _u.logical_or(mask, out_)
    if mask is None:
        return a, None
    return _where(mask, asarray(0, dtype=a.dtype), a), mask


def _replace_nan(a, val):
    a = asarray(a)
    if a.dtype.kind in "fc":
        mask = _u.isnan(a)
        return _where(mask, asarray(val, dtype=a.dtype), a), mask
    return a, None


def nansum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=None):
    """Sum treating NaNs as zero."""
    a, _ = _replace_nan(a, 0)
    return _reduce("add", _stats.sum, a, axis, dtype, out, keepdims, initial, where)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=None):
    """Product treating NaNs as one."""
    a, _ = _replace_nan(a, 1)
    return _reduce("multiply", _stats.prod, a, axis, dtype, out, keepdims, initial, where)


def _reduce(ufname, fn, a, axis, dtype, out, keepdims, initial, where_):
    if initial is None and where_ is None:
        res = fn(a, axis=_tuple_axis(axis), dtype=dtype, keepdims=keepdims)
    else:
        from arraycore._ufunc import builtin_ufuncs
        kw = {}
        if initial is not None:
            kw["initial"] = initial
        if where_ is not None:
            kw["where"] = where_
        res = builtin_ufuncs()[ufname].reduce(a, axis=_tuple_axis(axis), dtype=dtype,
                                              keepdims=keepdims, **kw)
    return _finish(res, out)


def _tuple_axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def nancumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum treating NaNs as zero."""
    from arraycore._np_shape import cumsum
    a, _ = _replace_nan(a, 0)
    return cumsum(a, axis, dtype, out)


def nancumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product treating NaNs as one."""
    from arraycore._np_shape import cumprod
    a, _ = _replace_nan(a, 1)
    return cumprod(a, axis, dtype, out)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=None):
    """Mean ignoring NaNs (NaN, with a RuntimeWarning, for all-NaN slices);
    `where` leaves entries out as NaNs are."""
    if where is None:
        arr, mask = _replace_nan(a, 0)
    else:
        arr, mask = _excluded(a, where)
    if mask is None:
        return _finish(_mean(arr, _tuple_axis(axis), keepdims) if dtype is None else
                       _stats.mean(arr.astype(dtype), axis=_tuple_axis(axis),
                                   keepdims=keepdims), out)
    ax = _tuple_axis(axis)
    cnt = _stats.sum(_u.logical_not(mask), axis=ax, dtype=_dt("int64"), keepdims=keepdims)
    tot = _stats.sum(arr, axis=ax, dtype=dtype, keepdims=keepdims)
    if tot.dtype.kind in "biu":
        tot = tot.astype(_dt("float64"))
    from arraycore._errstate import errstate
    with errstate(divide="ignore", invalid="ignore"):
        avg = _u.divide(tot, cnt).astype(tot.dtype, copy=False)
    if bool(_stats.any(_u.equal(cnt, 0))):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    return _finish(avg, out)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=None,
           mean=None, correction=None):
    """Variance ignoring NaNs; `where` leaves entries out as NaNs are, `mean`
    (shaped as with keepdims=True) is used instead of computing the mean."""
    if correction is not None:
        ddof = correction
    if where is None and mean is None:
        arr, mask = _replace_nan(a, 0)
    else:
        a = asarray(a)
        if a.dtype.kind in "biu":
            a = a.astype(_dt("float64"))
        arr, mask = _excluded(a, where)
        if mask is None:
            mask = zeros(tuple(a.shape), dtype=_dt("bool"))
    ax = _tuple_axis(axis)
    if mask is None:
        a_ = arr.astype(_dt("float64")) if arr.dtype.kind in "biu" else arr
        return _finish(_stats.var(a_, axis=ax, correction=ddof, keepdims=keepdims), out)
    cnt = _stats.sum(_u.logical_not(mask), axis=ax, dtype=_dt("int64"), keepdims=True)
    from arraycore._errstate import errstate
    with errstate(divide="ignore", invalid="ignore"):
        if mean is not None:
            avg = asarray(mean)
        else:
            avg = _stats.sum(arr, axis=ax, dtype=dtype, keepdims=True)
            avg = _u.divide(avg, cnt).astype(avg.dtype, copy=False)
        d = _u.subtract(arr, avg).astype(arr.dtype, copy=False)
        d = _where(mask, asarray(0, dtype=d.dtype), d)
        sq = _u.real(d * _u.conj(d)) if d.dtype.kind == "c" else d * d
        var = _stats.sum(sq, axis=ax, dtype=dtype, keepdims=keepdims)
        if not keepdims:
            cnt = reshape(cnt, tuple(var.shape))
        dof = cnt - ddof
        var = _u.divide(var, dof).astype(var.dtype, copy=False)
    bad = _u.less_equal(dof, 0)
    if bool(_stats.any(bad)):
        warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning, stacklevel=2)
        var = _where(bad, asarray(float("nan"), dtype=var.dtype), var)
    return _finish(var, out)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=None,
           mean=None, correction=None):
    """Standard deviation ignoring NaNs (the keywords of nanvar)."""
    v = nanvar(a, axis, dtype, None, ddof, keepdims, where=where, mean=mean,
               correction=correction)
    return _finish(_u.sqrt(v), out)


def _nan_minmax(a, axis, out, keepdims, is_max, initial=None, where=None):
    a = asarray(a)
    ax = _tuple_axis(axis)
    if initial is not None or where is not None:
        # NumPy's definition: fmin/fmax reduced with initial and where; a
        # slice that is still NaN (all NaN, no initial) warns
        from arraycore._ufunc import builtin_ufuncs
        kw = {}
        if initial is not None:
            kw["initial"] = initial
        if where is not None:
            kw["where"] = where
        r = builtin_ufuncs()["fmax" if is_max else "fmin"].reduce(
            a, axis=ax, keepdims=keepdims, **kw)
        if r.dtype.kind in "fc" and bool(_stats.any(_u.isnan(r))):
            warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
        return _finish(r, out)
    fn = _stats.max if is_max else _stats.min
    if a.dtype.kind not in "fc":
        return _finish(fn(a, axis=ax, keepdims=keepdims), out)
    mask = _u.isnan(a)
    fill = float("-inf") if is_max else float("inf")
    r = fn(_where(mask, asarray(fill, dtype=a.dtype), a), axis=ax, keepdims=keepdims)
    alln = _stats.all(mask, axis=ax, keepdims=keepdims)
    if bool(_stats.any(alln)):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
        r = _where(alln, asarray(float("nan"), dtype=a.dtype), r)
    return _finish(r, out)


def nanmin(a, axis=None, out=None, keepdims=False, initial=None, where=None):
    """Minimum ignoring NaNs (NaN with a RuntimeWarning for all-NaN slices);
    initial and where as for fmin.reduce."""
    return _nan_minmax(a, axis, out, keepdims, False, initial, where)


def nanmax(a, axis=None, out=None, keepdims=False, initial=None, where=None):
    """Maximum ignoring NaNs (NaN with a RuntimeWarning for all-NaN slices);
    initial and where as for fmax.reduce."""
    return _nan_minmax(a, axis, out, keepdims, True, initial, where)


def _nan_arg(a, axis, out, keepdims, is_max):
    a = asarray(a)
    fn = _stats.argmax if is_max else _stats.argmin
    if a.dtype.kind not in "fc":
        return _finish(fn(a, axis=axis, keepdims=keepdims), out)
    mask = _u.isnan(a)
    if bool(_stats.any(_stats.all(mask, axis=axis))):
        raise ValueError("All-NaN slice encountered")
    fill = float("-inf") if is_max else float("inf")
    return _finish(fn(_where(mask, asarray(fill, dtype=a.dtype), a), axis=axis,
                      keepdims=keepdims), out)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    """Index of the minimum ignoring NaNs (ValueError for all-NaN slices)."""
    return _nan_arg(a, axis, out, keepdims, False)


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    """Index of the maximum ignoring NaNs (ValueError for all-NaN slices)."""
    return _nan_arg(a, axis, out, keepdims, True)


def _by_count(lanes, fn, empty_fill, stacklevel):
    """Apply fn(sub_lanes, c) -> (rows, k) to the lanes grouped by their
    number c of non-NaN values (NaNs sort last, so a lane's c smallest values
    are its non-NaN ones).  Lanes with no value get NaN, with NumPy's warning.
    Returns (nl, k): one call when no lane holds a NaN (the common case), one
    per distinct count otherwise (NumPy runs one per lane)."""
    nl, n = lanes.shape
    cnt = n - _stats.sum(_u.isnan(lanes), axis=1, dtype=_dt("int64"))
    counts = sorted(set(cnt.tolist()))
    if counts == [n]:
        return fn(lanes, n)
    from arraycore._sort import nonzero
    parts = []
    for c in counts:
        rows = nonzero(_u.equal(cnt, c))[0]
        sub = lanes if len(counts) == 1 else take(lanes, rows, axis=0)
        parts.append((rows, c, fn(sub, c) if c else None))
    done = [r for _, _, r in parts if r is not None]
    k, dt = empty_fill
    if done:
        k = done[0].shape[1]
        # the first lane's result type, as NumPy's apply_along_axis takes it
        # (an all-NaN first lane: the data's type)
        c0 = int(cnt[0])
        if c0:
            dt = [r for _, c, r in parts if c == c0][0].dtype
    res = empty((nl, k), dtype=dt)
    for rows, c, r in parts:
        if r is None:
            warnings.warn("All-NaN slice encountered", RuntimeWarning,
                          stacklevel=stacklevel)
            res[rows] = float("nan")
        else:
            res[rows] = r
    return res


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """Median ignoring NaNs (NaN with a RuntimeWarning for all-NaN slices)."""
    a = asarray(a)
    if a.dtype.kind not in "fc":
        return median(a, axis, out, keepdims=keepdims)
    lanes, kept, keep = _lanes(a, axis)
    n = lanes.shape[1]
    if n == 0 or lanes.shape[0] == 0:
        return median(a, axis, out, keepdims=keepdims)

    def med(sub, c):
        h = c // 2
        kth = [h - 1, h] if c % 2 == 0 else [h]
        sub = _partition_lanes(sub, kth)
        if len(kth) == 1:
            # one middle value: itself (its mean with itself would overflow
            # near the largest float)
            return sub[:, h:h + 1]
        return _stats.mean(sub[:, h - 1:h + 1], axis=1, keepdims=True)

    res = _by_count(lanes, med, (1, a.dtype), 3)
    return _finish(reshape(res, keep if keepdims else kept), out)


def _nanquantile_impl(a, q, axis, method, keepdims, percent, out):
    a = asarray(a)
    if a.dtype.kind not in "fc":
        return _quantile_impl(a, q, axis, method, keepdims, percent, out)
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    if method not in _METHODS:
        raise ValueError(f"'{method}' is not a valid method. Use one of: {_METHODS}")
    q, weak = _q_array(q, a, percent)
    lanes, kept, keep = _lanes(a, axis)
    n = lanes.shape[1]
    if n == 0:
        raise IndexError("cannot do a non-empty take from an empty axes.")
    qf = reshape(q, (-1,))
    res = _by_count(lanes, lambda sub, c: _select_quantiles(sub, c, qf, method, weak)[0],
                    (qf.shape[0], a.dtype), 4)
    res = moveaxis(res, 1, 0)
    return _finish(reshape(res, tuple(q.shape) + (keep if keepdims else kept)), out)


def _nan_weighted(a, q, axis, method, keepdims, percent, out, weights):
    """nanquantile with weights (inverted_cdf only, as NumPy): NaNs are left
    out with their weights; an all-NaN slice gives NaN with a warning."""
    if method != "inverted_cdf":
        raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
    a = asarray(a)
    if a.dtype.kind not in "fc":
        return _quantile_impl(a, q, axis, method, keepdims, percent, out, weights)
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    q, _ = _q_array(q, a, percent)
    lanes, kept, keep = _lanes(a, axis)
    n = lanes.shape[1]
    if n == 0:
        raise IndexError("cannot do a non-empty take from an empty axes.")
    wl = _weighted_lanes(a, weights, axis)
    nanl = _u.isnan(lanes)
    wl = _where(nanl, asarray(0.0, dtype=wl.dtype), wl)
    allnan = _stats.all(nanl, axis=1, keepdims=True)
    if bool(_stats.any(allnan)):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
        wl = _where(allnan, asarray(1.0, dtype=wl.dtype), wl)
    res, _ = _weighted_quantile(lanes, wl, q)
    res = _where(allnan, asarray(float("nan"), dtype=res.dtype), res)
    res = moveaxis(res, 1, 0)
    return _finish(reshape(res, tuple(q.shape) + (keep if keepdims else kept)), out)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=False, *, weights=None):
    """quantile ignoring NaNs (weights: method 'inverted_cdf' only, as NumPy)."""
    if weights is not None:
        return _nan_weighted(a, q, axis, method, keepdims, False, out, weights)
    return _nanquantile_impl(a, q, axis, method, keepdims, False, out)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=False, *, weights=None):
    """percentile ignoring NaNs (weights: method 'inverted_cdf' only, as NumPy)."""
    if weights is not None:
        return _nan_weighted(a, q, axis, method, keepdims, True, out, weights)
    return _nanquantile_impl(a, q, axis, method, keepdims, True, out)
