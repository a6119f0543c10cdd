"""NumPy-named sorting, searching and selection beside the Array API namespace:
lexsort, partition, argpartition, argwhere, flatnonzero, extract, select,
piecewise, place, put, put_along_axis, compress, choose, unique (NumPy's
keywords), union1d, intersect1d, setdiff1d, setxor1d; the window functions
(hanning, hamming, blackman, bartlett, kaiser) and i0.

partition and argpartition run the introselect kernel (src/ac_npfuncs.c) on
contiguous lanes (argpartition on (value, index) pairs).
"""
import math
import operator

from arraycore._convert import asarray
from arraycore._core import ndarray
from arraycore._creation import empty, zeros, ones, arange, zeros_like
from arraycore._manip import (reshape, moveaxis, take, take_along_axis, broadcast_to,
                              broadcast_arrays, concat, stack)
from arraycore._sort import sort, argsort, nonzero, isin
from arraycore._elementwise import where as _where
from arraycore import _ufunc as _u
from arraycore import _stats
from arraycore import _np_kernels as _k

__all__ = ["lexsort", "partition", "argpartition", "argwhere", "flatnonzero", "extract",
           "select", "piecewise", "place", "put", "put_along_axis", "compress", "choose",
           "unique", "union1d", "intersect1d", "setdiff1d", "setxor1d",
           "hanning", "hamming", "blackman", "bartlett", "kaiser", "i0"]


def _dt(name):
    import arraycore
    return getattr(arraycore, name)


def _flat(a):
    return reshape(a, (-1,))


def _axis(axis, nd):
    axis = operator.index(axis)
    if not -nd <= axis < nd:
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {nd}")
    return axis % nd


# --------------------------------------------------------------------------
# sorting
# --------------------------------------------------------------------------
def lexsort(keys, axis=-1):
    """Indirect stable sort on several keys (the last key is the primary one)."""
    if isinstance(keys, ndarray):
        if keys.ndim == 0:
            raise TypeError("need sequence of keys with len > 0 in lexsort")
        ks = [keys[i] for i in range(keys.shape[0])]
    else:
        ks = [asarray(k) for k in keys]
    if not ks:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    shape = tuple(ks[0].shape)
    for k in ks:
        if tuple(k.shape) != shape:
            raise ValueError("all keys need to be the same shape")
    if not shape:
        return zeros((), dtype=_dt("int64"))
    ax = _axis(axis, len(shape))
    idx = None
    for k in ks:
        if idx is None:
            idx = argsort(k, axis=ax, stable=True)
        else:
            kk = take_along_axis(k, idx, axis=ax)
            o = argsort(kk, axis=ax, stable=True)
            idx = take_along_axis(idx, o, axis=ax)
    return idx


def _kth_list(kth, n):
    k = asarray(kth)
    if k.dtype.kind not in "iu":
        raise TypeError("Partition index must be integer")
    if k.ndim > 1:
        raise ValueError("kth must be scalar or 1-d")
    out = []
    for v in _flat(k).tolist():
        if not -n <= v < n:
            raise ValueError(f"kth(={v}) out of bounds ({n})")
        out.append(v % n)
    return out


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """A copy of a with the kth elements where a sorted copy has them, smaller or
    equal elements before and larger or equal after."""
    a = asarray(a)
    if axis is None:
        a = _flat(a)
        axis = -1
    if a.ndim == 0:
        raise ValueError("a 0-d array cannot be partitioned")
    ax = _axis(axis, a.ndim)
    n = a.shape[ax]
    ks = _kth_list(kth, n)
    t = moveaxis(a, ax, -1)
    lanes = reshape(t.copy(order="C"), (-1, n)) if n else None
    if lanes is None or lanes.shape[0] == 0 or not ks:
        return moveaxis(t.copy(order="C"), -1, ax)
    if lanes.dtype.str[0] == ">":
        lanes = lanes.astype(lanes.dtype.str.replace(">", "<"))
    if _k.can_select(lanes):
        _k.select_lanes(lanes, ks)
    else:
        lanes = sort(lanes, axis=1)
    return moveaxis(reshape(lanes, tuple(t.shape)), -1, ax)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Indices that partition a along the axis at the kth positions (introselect on
    (value, index) pairs; float16 and complex fall back to a stable argsort)."""
    a = asarray(a)
    if axis is None:
        a = _flat(a)
        axis = -1
    if a.ndim == 0:
        raise ValueError("a 0-d array cannot be partitioned")
    ax = _axis(axis, a.ndim)
    n = a.shape[ax]
    ks = _kth_list(kth, n)
    t = moveaxis(a, ax, -1)
    if n == 0 or t.size == 0 or not _k.can_select(t):
        return argsort(a, axis=ax, stable=True)
    lanes = reshape(t.copy(order="C"), (-1, n))
    if lanes.dtype.str[0] == ">":
        lanes = lanes.astype(lanes.dtype.str.replace(">", "<"))
    out = empty(tuple(lanes.shape), dtype=_dt("int64"))
    _k.argselect_lanes(lanes, ks, out)
    return moveaxis(reshape(out, tuple(t.shape)), -1, ax)


# --------------------------------------------------------------------------
# searching and selection
# --------------------------------------------------------------------------
def argwhere(a):
    """Indices of the non-zero elements, one row per element: shape (N, a.ndim)."""
    a = asarray(a)
    if a.ndim == 0:
        a1 = reshape(a, (1,))
        return reshape(nonzero(a1)[0], (-1, 1))[:, :0]
    nz = nonzero(a)
    return stack(list(nz), axis=1)


def flatnonzero(a):
    """Indices of the non-zero elements of the flattened array."""
    return nonzero(_flat(asarray(a)))[0]


def extract(condition, arr):
    """The elements of arr (flattened) where condition (flattened) is true."""
    c = _flat(asarray(condition))
    a = _flat(asarray(arr))
    idx = nonzero(c)[0]
    return take(a, idx)


def select(condlist, choicelist, default=0):
    """Elements from choicelist, by the first true condition (default elsewhere)."""
    from arraycore._dtype import result_type
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [asarray(c) for c in choicelist]
    dt = result_type(*choices, default) if type(default) in (int, float, complex, bool) \
        else result_type(*choices, asarray(default))
    choices.append(asarray(default))
    conds = []
    for i, c in enumerate(condlist):
        c = asarray(c)
        if c.dtype.kind != "b":
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
        conds.append(c)
    arrs = broadcast_arrays(*(conds + choices))
    conds = arrs[:len(conds)]
    choices = arrs[len(conds):]
    res = choices[-1].astype(dt)
    for c, v in zip(conds[::-1], choices[-2::-1]):
        res = _where(c, v.astype(dt, copy=False), res)
    return res


def piecewise(x, condlist, funclist, *args, **kw):
    """Evaluate a piecewise-defined function: funclist[i] where condlist[i] holds."""
    x = asarray(x)
    n2 = len(funclist)
    if isinstance(condlist, (bool, int)) or (isinstance(condlist, ndarray) and
                                             condlist.ndim == x.ndim and x.ndim > 0) \
            or (isinstance(condlist, (list, tuple)) and condlist and
                not isinstance(condlist[0], (list, tuple, ndarray)) and x.ndim != 0):
        condlist = [condlist]
    conds = [asarray(c).astype(_dt("bool")) for c in condlist]
    n = len(conds)
    if n == n2 - 1:
        anyc = conds[0]
        for c in conds[1:]:
            anyc = _u.logical_or(anyc, c)
        conds.append(_u.logical_not(anyc))
        n += 1
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are "
                         "expected")
    y = zeros_like(x)
    for c, func in zip(conds, funclist):
        c = broadcast_to(c, tuple(x.shape)) if tuple(c.shape) != tuple(x.shape) else c
        if not callable(func):
            y[c] = func
        else:
            vals = x[c]
            if vals.size > 0:
                y[c] = func(vals, *args, **kw)
    return y


def place(arr, mask, vals):
    """In place: arr[mask] = vals, vals repeated cyclically."""
    if not isinstance(arr, ndarray):
        raise TypeError(f"argument 1 must be arraycore.ndarray, not {type(arr).__name__}")
    m = asarray(mask).astype(_dt("bool"))
    if m.size != arr.size:
        raise ValueError("place: mask and data must be the same size")
    m = reshape(m, tuple(arr.shape))
    cnt = int(_stats.sum(m, dtype=_dt("int64")).item())
    v = _flat(asarray(vals))
    if cnt == 0:
        return None
    if v.size == 0:
        raise ValueError("Cannot insert from an empty array!")
    arr[m] = _cycle(v, cnt).astype(arr.dtype, copy=False)


def _cycle(v, n):
    if v.shape[0] >= n:
        return v[:n]
    from arraycore._manip import tile
    return tile(v, (-(-n // v.shape[0]),))[:n]


def put(a, ind, v, mode="raise"):
    """In place: a.flat[ind] = v (v repeated cyclically); modes raise, wrap, clip."""
    if not isinstance(a, ndarray):
        raise TypeError(f"argument 1 must be arraycore.ndarray, not {type(a).__name__}")
    idx = _flat(asarray(ind))
    if idx.size and idx.dtype.kind not in "iu":
        raise TypeError("Cannot cast array data to int64 according to the rule 'safe'")
    idx = idx.astype(_dt("int64"))
    n = a.size
    if idx.size == 0:
        return None
    if mode == "raise":
        if bool(_stats.any(_u.logical_or(_u.less(idx, -n), _u.greater_equal(idx, n)))):
            raise IndexError(f"index out of bounds for axis 0 with size {n}")
        idx = _where(_u.less(idx, 0), idx + n, idx)
    elif mode == "wrap":
        idx = idx % n if n else idx
    elif mode == "clip":
        from arraycore._elementwise import clip
        idx = clip(idx, 0, n - 1)
    else:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    vals = _cycle(_flat(asarray(v)), idx.shape[0]).astype(a.dtype, copy=False)
    if a.flags["C_CONTIGUOUS"]:
        flat = reshape(a, (-1,))
        flat[idx] = vals
    else:
        from arraycore._np_create import unravel_index
        a[unravel_index(idx, tuple(a.shape))] = vals


def put_along_axis(arr, indices, values, axis):
    """In place: the values at the indices along `axis` (the inverse of take_along_axis)."""
    if not isinstance(arr, ndarray):
        raise TypeError(f"argument 1 must be arraycore.ndarray, not {type(arr).__name__}")
    ind = asarray(indices)
    if ind.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if ind.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        put(arr, ind, values)
        return None
    ax = _axis(axis, arr.ndim)
    if ind.ndim != arr.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    key = []
    for d in range(arr.ndim):
        if d == ax:
            i = ind.astype(_dt("int64"))
            i = _where(_u.less(i, 0), i + arr.shape[d], i)
            key.append(i)
        else:
            shp = [1] * arr.ndim
            shp[d] = arr.shape[d]
            key.append(reshape(arange(arr.shape[d], dtype=_dt("int64")), tuple(shp)))
    key = broadcast_arrays(*key)
    arr[tuple(key)] = broadcast_to(asarray(values).astype(arr.dtype, copy=False),
                                   tuple(key[0].shape))


def compress(condition, a, axis=None, out=None):
    """The slices of a along `axis` where condition (1-d) is true."""
    a = asarray(a)
    c = asarray(condition)
    if c.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    if axis is None:
        a = _flat(a)
        axis = 0
    ax = _axis(axis, a.ndim)
    idx = nonzero(c)[0]
    if idx.shape[0] and idx[-1].item() >= a.shape[ax]:
        raise IndexError(f"index {idx[-1].item()} is out of bounds for axis {ax} with size "
                         f"{a.shape[ax]}")
    res = take(a, idx, axis=ax)
    if out is not None:
        out[...] = res
        return out
    return res


def choose(a, choices, out=None, mode="raise"):
    """Pick, element-wise, from the choice arrays by the index array a."""
    from arraycore._dtype import result_type
    a = asarray(a)
    if a.dtype.kind not in "biu":
        raise TypeError("Cannot cast array data to int64 according to the rule 'safe'")
    if isinstance(choices, ndarray):
        chs = [choices[i] for i in range(choices.shape[0])]
    else:
        chs = [asarray(c) for c in choices]
    n = len(chs)
    if n == 0:
        raise ValueError("0-length sequence.")
    dt = result_type(*chs)
    arrs = broadcast_arrays(a, *chs)
    ia = arrs[0].astype(_dt("int64"))
    if mode == "raise":
        if ia.size and bool(_stats.any(_u.logical_or(_u.less(ia, 0),
                                                     _u.greater_equal(ia, n)))):
            raise ValueError("invalid entry in choice array")
    elif mode == "wrap":
        ia = ia % n
    elif mode == "clip":
        from arraycore._elementwise import clip
        ia = clip(ia, 0, n - 1)
    else:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    st = stack([c.astype(dt, copy=False) for c in arrs[1:]], axis=0)
    res = take_along_axis(st, reshape(ia, (1,) + tuple(ia.shape)), axis=0)[0]
    if out is not None:
        out[...] = res
        return out
    return res


# --------------------------------------------------------------------------
# unique and set operations
# --------------------------------------------------------------------------
def _unique1d(ar, return_index, return_inverse, return_counts, equal_nan):
    n = ar.shape[0]
    perm = argsort(ar, stable=True)
    s = take(ar, perm)
    if n == 0:
        mask = empty((0,), dtype=_dt("bool"))
    else:
        neq = _u.not_equal(s[1:], s[:-1])
        if equal_nan and ar.dtype.kind in "fc":
            neq = _u.logical_and(neq, _u.logical_not(
                _u.logical_and(_u.isnan(s[1:]), _u.isnan(s[:-1]))))
        mask = concat([ones((1,), dtype=_dt("bool")), neq])
    pos = nonzero(mask)[0]
    res = [take(s, pos)]
    if return_index:
        res.append(take(perm, pos))
    if return_inverse:
        inv = empty((n,), dtype=_dt("int64"))
        if n:
            inv[perm] = _stats.cumulative_sum(mask.astype(_dt("int64"))) - 1
        res.append(inv)
    if return_counts:
        ends = concat([pos[1:], asarray([n], dtype=_dt("int64"))])
        res.append(ends - pos)
    return res


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None,
           *, equal_nan=True, sorted=True):
    """The sorted unique elements (or rows along `axis`), with NumPy's optional
    first indices, inverse indices and counts."""
    ar = asarray(ar)
    if axis is None:
        res = _unique1d(_flat(ar), return_index, return_inverse, return_counts, equal_nan)
        if return_inverse:
            k = 1 + bool(return_index)
            res[k] = reshape(res[k], tuple(ar.shape))
        return res[0] if len(res) == 1 else tuple(res)
    ax = _axis(axis, ar.ndim)
    t = moveaxis(ar, ax, 0)
    n = t.shape[0]
    rows = reshape(t, (n, -1)) if n else reshape(t, (0, max(1, math.prod(t.shape[1:]))))
    m = rows.shape[1]
    # lexicographic order of the rows: column 0 is the primary key
    if m:
        perm = lexsort([rows[:, j] for j in range(m - 1, -1, -1)]) if n else \
            arange(0, dtype=_dt("int64"))
    else:
        perm = arange(n, dtype=_dt("int64"))
    s = take(rows, perm, axis=0)
    if n:
        if m:
            neq = _stats.any(_u.not_equal(s[1:], s[:-1]), axis=1)
        else:
            neq = zeros((n - 1,), dtype=_dt("bool"))
        mask = concat([ones((1,), dtype=_dt("bool")), neq])
    else:
        mask = empty((0,), dtype=_dt("bool"))
    pos = nonzero(mask)[0]
    vals = take(s, pos, axis=0)
    vals = moveaxis(reshape(vals, (pos.shape[0],) + tuple(t.shape[1:])), 0, ax)
    res = [vals]
    if return_index:
        res.append(take(perm, pos))
    if return_inverse:
        inv = empty((n,), dtype=_dt("int64"))
        if n:
            inv[perm] = _stats.cumulative_sum(mask.astype(_dt("int64"))) - 1
        res.append(inv)
    if return_counts:
        ends = concat([pos[1:], asarray([n], dtype=_dt("int64"))])
        res.append(ends - pos)
    return res[0] if len(res) == 1 else tuple(res)


def union1d(ar1, ar2):
    """The sorted unique values in either array."""
    return unique(concat([_flat(asarray(ar1)), _flat(asarray(ar2))]))


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """The sorted unique values in both arrays (and their first indices)."""
    a1 = asarray(ar1)
    a2 = asarray(ar2)
    if not assume_unique:
        if return_indices:
            a1, i1 = unique(a1, return_index=True)
            a2, i2 = unique(a2, return_index=True)
        else:
            a1 = unique(a1)
            a2 = unique(a2)
    else:
        a1 = _flat(a1)
        a2 = _flat(a2)
    aux = concat([a1, a2])
    if return_indices:
        si = argsort(aux, stable=True)
        aux = take(aux, si)
    else:
        aux = sort(aux)
    m = _u.equal(aux[1:], aux[:-1])
    sel = nonzero(m)[0]
    inter = take(aux[:-1], sel)
    if return_indices:
        x1 = take(si[:-1], sel)
        x2 = take(si[1:], sel) - a1.shape[0]
        if not assume_unique:
            x1 = take(i1, x1)
            x2 = take(i2, x2)
        return inter, x1, x2
    return inter


def setdiff1d(ar1, ar2, assume_unique=False):
    """The sorted unique values of ar1 that are not in ar2."""
    if assume_unique:
        a1 = _flat(asarray(ar1))
        a2 = _flat(asarray(ar2))
    else:
        a1 = unique(ar1)
        a2 = unique(ar2)
    keep = isin(a1, a2, invert=True)
    return take(a1, nonzero(keep)[0])


def setxor1d(ar1, ar2, assume_unique=False):
    """The sorted unique values in exactly one of the arrays."""
    if not assume_unique:
        a1 = unique(ar1)
        a2 = unique(ar2)
    else:
        a1 = _flat(asarray(ar1))
        a2 = _flat(asarray(ar2))
    aux = concat([a1, a2])
    if aux.shape[0] == 0:
        return aux
    aux = sort(aux)
    t = ones((1,), dtype=_dt("bool"))
    flag = concat([t, _u.not_equal(aux[1:], aux[:-1]), t])
    keep = _u.logical_and(flag[1:], flag[:-1])
    return take(aux, nonzero(keep)[0])


# --------------------------------------------------------------------------
# window functions
# --------------------------------------------------------------------------
def _win_n(M):
    M = operator.index(M) if not isinstance(M, float) else M
    if M < 1:
        return M, empty((0,), dtype=_dt("float64"))
    if M == 1:
        return M, ones((1,), dtype=_dt("float64"))
    return M, None


def _cos_window(M, coefs):
    M, early = _win_n(M)
    if early is not None:
        return early
    n = arange(1 - M, M, 2, dtype=_dt("float64"))
    res = None
    for k, c in enumerate(coefs):
        term = c if k == 0 else c * _u.cos(math.pi * k * n / (M - 1))
        res = term if res is None else res + term
    return res


def hanning(M):
    """The Hann window of M points."""
    return _cos_window(M, (0.5, 0.5))


def hamming(M):
    """The Hamming window of M points."""
    return _cos_window(M, (0.54, 0.46))


def blackman(M):
    """The Blackman window of M points."""
    return _cos_window(M, (0.42, 0.5, 0.08))


def bartlett(M):
    """The Bartlett (triangular) window of M points."""
    M, early = _win_n(M)
    if early is not None:
        return early
    n = arange(1 - M, M, 2, dtype=_dt("float64"))
    return _where(_u.less_equal(n, 0), 1 + n / (M - 1), 1 - n / (M - 1))


def i0(x):
    """The modified Bessel function of the first kind, order 0 (power series, summed
    until the terms no longer change the sum)."""
    x = asarray(x)
    if x.dtype.kind == "c":
        raise TypeError("i0 not supported for complex values")
    xf = x.astype(_dt("float64")) if x.dtype.kind != "f" or x.dtype.itemsize < 8 else x
    q = (xf * xf) / 4.0
    total = ones(tuple(xf.shape), dtype=_dt("float64"))
    term = ones(tuple(xf.shape), dtype=_dt("float64"))
    k = 1
    while True:
        term = term * q / (k * k)
        total = total + term
        if not bool(_stats.any(_u.greater(term, total * 1e-17))) or k > 2000:
            break
        k += 1
    return total


def kaiser(M, beta):
    """The Kaiser window of M points with shape parameter beta."""
    M, early = _win_n(M)
    if early is not None:
        return early
    n = arange(0, M, dtype=_dt("float64"))
    alpha = (M - 1) / 2.0
    arg = beta * _u.sqrt(1 - ((n - alpha) / alpha) ** 2.0)
    return i0(arg) / i0(asarray(float(beta)))
