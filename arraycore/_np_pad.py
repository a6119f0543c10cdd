"""numpy.pad for arraycore arrays: every NumPy mode (constant, edge, linear_ramp,
maximum, mean, median, minimum, reflect, symmetric, wrap, empty) and a callable.

The result is allocated once; the input is copied into its centre, then the
axes are padded one after the other.  While padding axis k, only the region
that is already final in the axes after k is written (the corners are filled
by the later axes), so no element is written twice.  Reflections are written
in chunks of at most one period, each chunk one strided copy.
"""
from arraycore._convert import asarray
from arraycore._creation import empty
from arraycore._manip import broadcast_to
from arraycore import _ufunc as _u

__all__ = ["pad"]

_ALLOWED = {
    "constant": {"constant_values"},
    "edge": set(),
    "wrap": set(),
    "linear_ramp": {"end_values"},
    "maximum": {"stat_length"},
    "mean": {"stat_length"},
    "median": {"stat_length"},
    "minimum": {"stat_length"},
    "reflect": {"reflect_type"},
    "symmetric": {"reflect_type"},
    "empty": set(),
}


def _pairs(x, nd, as_index=False, name="pad_width"):
    """x broadcast to nd (before, after) pairs, as a list of tuples."""
    if x is None:
        return [(None, None)] * nd
    a = asarray(x)
    if as_index:
        if a.dtype.kind not in "iu":
            if a.dtype.kind == "b" or a.size == 0:
                pass
            else:
                raise TypeError(f"`{name}` must be of integral type.")
        vals = a.tolist()
    else:
        vals = a.tolist()

    def flat(v):
        if isinstance(v, list):
            out = []
            for y in v:
                out.extend(flat(y))
            return out
        return [v]
    if a.ndim == 0 or a.size == 1:
        v = flat(vals)[0] if a.size else None
        if as_index and v is not None and v < 0:
            raise ValueError("index can't contain negative values")
        return [(v, v)] * nd
    if a.ndim < 3 and a.size == 2 and tuple(a.shape) != (2, 1):
        b, e = flat(vals)
        if as_index and min(b, e) < 0:
            raise ValueError("index can't contain negative values")
        return [(b, e)] * nd
    shp = tuple(a.shape)
    try:
        bb = broadcast_to(a, (nd, 2))
    except Exception:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {shp} and requested shape ({nd},2)") from None
    res = [tuple(r) for r in bb.tolist()]
    if as_index and any(v < 0 for r in res for v in r):
        raise ValueError("index can't contain negative values")
    return res


def _sl(axis, s, nd):
    return (slice(None),) * axis + (s,) + (slice(None),) * (nd - axis - 1)


def pad(array, pad_width, mode="constant", **kwargs):
    """Pad an array (NumPy's numpy.pad: same modes, keywords and results)."""
    a = asarray(array)
    nd = a.ndim
    pw = _pairs(pad_width, nd, as_index=True)
    if callable(mode):
        return _pad_callable(a, pw, mode, kwargs)
    if mode not in _ALLOWED:
        raise ValueError(f"mode '{mode}' is not supported")
    bad = set(kwargs) - _ALLOWED[mode]
    if bad:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {bad}")
    shape = tuple(n + b + e for n, (b, e) in zip(a.shape, pw))
    out = empty(shape, dtype=a.dtype)
    centre = tuple(slice(b, b + n) for n, (b, e) in zip(a.shape, pw))
    out[centre] = a
    if mode == "empty":
        return out
    if mode == "constant":
        cv = _pairs(kwargs.get("constant_values", 0), nd)
        for ax in range(nd):
            b, e = pw[ax]
            roi = _roi(out, pw, a.shape, ax)
            if b:
                roi[_sl(ax, slice(0, b), nd)] = cv[ax][0]
            if e:
                roi[_sl(ax, slice(roi.shape[ax] - e, None), nd)] = cv[ax][1]
        return out
    if a.size == 0:
        for ax in range(nd):
            if (pw[ax][0] or pw[ax][1]) and a.shape[ax] == 0:
                raise ValueError(f"can't extend empty axis {ax} using modes other than "
                                 "'constant' or 'empty'")
        return out
    if mode == "edge":
        for ax in range(nd):
            _fill_both(out, pw, a.shape, ax, lambda roi, ax, b, e: _edges(roi, ax, b, e))
        return out
    if mode == "linear_ramp":
        ev = _pairs(kwargs.get("end_values", 0), nd)
        for ax in range(nd):
            roi = _roi(out, pw, a.shape, ax)
            b, e = pw[ax]
            lo, hi = _edges(roi, ax, b, e)
            if b:
                roi[_sl(ax, slice(0, b), nd)] = _ramp(ev[ax][0], lo, b, ax, roi.dtype)
            if e:
                r = _ramp(ev[ax][1], hi, e, ax, roi.dtype)
                roi[_sl(ax, slice(roi.shape[ax] - e, None), nd)] = r[_sl(ax, slice(None, None, -1), nd)]
        return out
    if mode in ("maximum", "minimum", "mean", "median"):
        sl = _pairs(kwargs.get("stat_length"), nd, as_index=True, name="stat_length")
        for ax in range(nd):
            b, e = pw[ax]
            if not (b or e):
                continue
            roi = _roi(out, pw, a.shape, ax)
            lo, hi = _stats_pair(roi, ax, b, e, sl[ax], mode)
            if b:
                roi[_sl(ax, slice(0, b), nd)] = lo
            if e:
                roi[_sl(ax, slice(roi.shape[ax] - e, None), nd)] = hi
        return out
    if mode == "wrap":
        for ax in range(nd):
            b, e = pw[ax]
            if b or e:
                _wrap(_roi(out, pw, a.shape, ax), ax, b, e, a.shape[ax])
        return out
    # reflect / symmetric
    method = kwargs.get("reflect_type", "even")
    if method not in ("even", "odd"):
        raise ValueError(f"unsupported reflect_type {method!r}: 'even' or 'odd'")
    sym = mode == "symmetric"
    for ax in range(nd):
        b, e = pw[ax]
        if not (b or e):
            continue
        roi = _roi(out, pw, a.shape, ax)
        if a.shape[ax] == 1:
            lo, hi = _edges(roi, ax, b, e)
            if b:
                roi[_sl(ax, slice(0, b), nd)] = lo
            if e:
                roi[_sl(ax, slice(roi.shape[ax] - e, None), nd)] = hi
            continue
        while b > 0 or e > 0:
            b, e = _reflect_step(roi, ax, b, e, method == "odd", a.shape[ax], sym)
    return out


def _roi(out, pw, shape, ax):
    """The part of `out` padding axis `ax` writes: axes after ax restricted to the centre."""
    key = tuple(slice(None) if i <= ax else slice(pw[i][0], pw[i][0] + shape[i])
                for i in range(len(shape)))
    return out[key]


def _edges(roi, ax, b, e):
    nd = roi.ndim
    n = roi.shape[ax]
    return roi[_sl(ax, slice(b, b + 1), nd)], roi[_sl(ax, slice(n - e - 1, n - e), nd)]


def _fill_both(out, pw, shape, ax, pairfn):
    b, e = pw[ax]
    if not (b or e):
        return
    roi = _roi(out, pw, shape, ax)
    nd = roi.ndim
    lo, hi = pairfn(roi, ax, b, e)
    if b:
        roi[_sl(ax, slice(0, b), nd)] = lo
    if e:
        roi[_sl(ax, slice(roi.shape[ax] - e, None), nd)] = hi


def _ramp(end, edge, width, ax, dt):
    """`width` values from end (included) toward edge (excluded), along axis ax,
    as NumPy's linspace(end, edge, width, endpoint=False, dtype=dt) computes them."""
    from arraycore._dtype import result_type
    from arraycore._creation import arange
    from arraycore._manip import reshape, moveaxis
    from arraycore._stats import any as _any
    ed = edge  # keeps axis ax (length 1)
    # squeeze the axis: the ramp replaces it
    ed = _squeeze_axis(ed, ax)
    ct = result_type(asarray(end), ed, 1.0)
    if ct.kind not in "fc":
        from arraycore import float64
        ct = float64
    start = asarray(end).astype(ct)
    delta = _u.subtract(ed, start).astype(ct, copy=False)
    y = reshape(arange(width, dtype=ct), (width,) + (1,) * ed.ndim)
    step = delta / width
    if bool(_any(_u.equal(step, 0))):
        y = (y / width) * delta
    else:
        y = y * step
    y = y + start
    y = moveaxis(y, 0, ax)
    if dt.kind in "iu":
        y = _u.floor(y)
    elif dt.kind == "b":
        pass
    return y.astype(dt)


def _squeeze_axis(x, ax):
    from arraycore._manip import squeeze
    return squeeze(x, axis=ax)


def _stats_pair(roi, ax, b, e, lengths, mode):
    from arraycore import _stats
    nd = roi.ndim
    lo_i = b
    hi_i = roi.shape[ax] - e
    maxlen = hi_i - lo_i
    ll, rl = lengths
    ll = maxlen if ll is None or ll > maxlen else ll
    rl = maxlen if rl is None or rl > maxlen else rl
    if (ll == 0 or rl == 0) and mode in ("maximum", "minimum"):
        raise ValueError("stat_length of 0 yields no value for padding")

    def stat(chunk):
        if mode == "maximum":
            r = _stats.max(chunk, axis=ax, keepdims=True)
        elif mode == "minimum":
            r = _stats.min(chunk, axis=ax, keepdims=True)
        elif mode == "mean":
            from arraycore._errstate import errstate
            with errstate(all="ignore"):
                r = _mean_keep(chunk, ax)
        else:
            from arraycore._np_stats import median
            r = median(chunk, axis=ax, keepdims=True)
        if roi.dtype.kind in "iu" and r.dtype.kind in "fc":
            r = _u.round(r)
        return r
    left = stat(roi[_sl(ax, slice(lo_i, lo_i + ll), nd)])
    if ll == rl == maxlen:
        return left, left
    right = stat(roi[_sl(ax, slice(hi_i - rl, hi_i), nd)])
    return left, right


def _mean_keep(chunk, ax):
    from arraycore import _stats
    if chunk.dtype.kind in "biu":
        return _stats.mean(chunk.astype("float64"), axis=ax, keepdims=True)
    return _stats.mean(chunk, axis=ax, keepdims=True)


def _wrap(roi, ax, b, e, n):
    """Periodic extension of the centre (length n) of roi along ax."""
    nd = roi.ndim
    tot = roi.shape[ax]
    # left: position p (0..b-1) takes centre index (p - b) mod n, in runs of one period
    p = b
    while p > 0:
        k = min(p, n)
        # destination [p-k, p) mirrors source [p-k+n, p+n) (already final)
        roi[_sl(ax, slice(p - k, p), nd)] = roi[_sl(ax, slice(p - k + n, p + n), nd)]
        p -= k
    q = tot - e
    while q < tot:
        k = min(tot - q, n)
        roi[_sl(ax, slice(q, q + k), nd)] = roi[_sl(ax, slice(q - n, q - n + k), nd)]
        q += k


def _reflect_step(roi, ax, b, e, odd, period, sym):
    """One chunk of reflection on both sides; returns the pad widths still to fill."""
    nd = roi.ndim
    valid = roi.shape[ax] - b - e
    if sym:
        valid = valid // period * period
        off = 1
    else:
        valid = (valid - 1) // (period - 1) * (period - 1) + 1
        valid -= 1
        off = 0
    if b > 0:
        k = min(valid, b)
        # sources: the k elements next to the edge (edge excluded for reflect), reversed
        stop = b - off
        src = roi[_sl(ax, _rev(stop + k, stop), nd)]
        if odd:
            src = 2 * roi[_sl(ax, slice(b, b + 1), nd)] - src
        roi[_sl(ax, slice(b - k, b), nd)] = src
        b -= k
    if e > 0:
        n = roi.shape[ax]
        k = min(valid, e)
        hi = n - e            # first pad position on the right
        start = hi - 1 - (1 - off)   # last source position
        src = roi[_sl(ax, _rev(start, start - k), nd)]
        if odd:
            src = 2 * roi[_sl(ax, slice(hi - 1, hi), nd)] - src
        roi[_sl(ax, slice(hi, hi + k), nd)] = src
        e -= k
    return b, e


def _rev(start, stop):
    """slice(start, stop, -1) over non-negative positions (stop may be -1: to the front)."""
    return slice(start, stop if stop >= 0 else None, -1)


def _pad_callable(a, pw, fn, kwargs):
    from arraycore._manip import moveaxis
    from arraycore._classic_iter import ndindex
    nd = a.ndim
    shape = tuple(n + b + e for n, (b, e) in zip(a.shape, pw))
    from arraycore._creation import zeros
    out = zeros(shape, dtype=a.dtype)
    out[tuple(slice(b, b + n) for n, (b, e) in zip(a.shape, pw))] = a
    for ax in range(nd):
        view = moveaxis(out, ax, -1)
        for ind in ndindex(*view.shape[:-1]):
            fn(view[ind + (Ellipsis,)], pw[ax], ax, kwargs)
    return out

