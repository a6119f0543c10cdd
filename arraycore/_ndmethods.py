"""arraycore/_ndmethods.py -- the NumPy-named ndarray methods built on the
namespace's functions (issue 11): a.sort() in place, argsort, partition,
searchsorted, nonzero, take, put, repeat, compress, choose, diagonal, trace,
byteswap, setflags, dump/dumps, round(decimals), and the function
``round(x, decimals=0, out=None)`` of the namespace.

The ndarray methods in _core.pyx are one-line calls into this module, which
_core imports on first use.  Arguments and results follow NumPy's ndarray
methods of the same names; NumPy is not imported, nor is pickle until a
method needs it (so that `import arraycore` does not load it).
"""
import arraycore as _ac
from arraycore._ufunc import round as _round_ufunc


def _out(result, out):
    """NumPy's out= rule: the result written into out, which is returned."""
    if out is None:
        return result
    if not isinstance(out, _ac.ndarray):
        raise TypeError("out must be an arraycore array")
    if out.shape != result.shape:
        raise ValueError(f"out has shape {out.shape}, the result has {result.shape}")
    out[...] = result
    return out


def _flat(a):
    return _ac.reshape(a, (-1,))


# ------------------------------------------------------------ rounding
def round_(a, decimals=0, out=None):
    """Round to `decimals` decimals (negative: to tens, hundreds, ...), halves
    to even as NumPy's round: x * 10**d rounded, then divided by 10**d."""
    x = _ac.asarray(a)
    d = int(decimals)
    k = x.dtype.kind
    if k == "c":
        res = _ac.empty_like(x)
        res.real = round_(x.real, d)
        res.imag = round_(x.imag, d)
    elif k in "iu":
        if d >= 0:
            res = _ac.asarray(x, copy=True)
        else:
            # more digits than any integer dtype has: every value rounds to 0
            # (and 10 ** -d is never computed for a huge -d)
            m = 10 ** (-d) if -d <= 40 else None
            if m is None or m > _ac.iinfo(x.dtype).max:
                return _out(_ac.zeros_like(x), out)   # every value rounds to 0
            q = x // m
            r = x - q * m
            rest = m - r        # (2r > m without overflowing)
            up = (r > rest) | ((r == rest) & (q % 2 != 0))
            res = ((q + up.astype(x.dtype)) * m).astype(x.dtype)
    elif k == "b":
        res = _ac.asarray(x, copy=True)
    elif d == 0:
        res = _round_ufunc(x)
    elif d > 0:
        f = 10.0 ** d
        res = _round_ufunc(x * f) / f
    else:
        f = 10.0 ** (-d)
        res = _round_ufunc(x / f) * f
    if res.dtype != x.dtype:
        res = res.astype(x.dtype)
    return _out(res, out)


def round(x, /, decimals=0, out=None):
    """Round to the nearest integer, halves to even (decimals=0), or to
    `decimals` decimals as NumPy's round; out= receives the result."""
    if decimals == 0 and out is None:
        return _round_ufunc(x)
    return round_(x, decimals, out)


# ------------------------------------------------------------ sorting
def _stable(kind, stable):
    if stable is not None:
        return bool(stable)
    return kind in ("stable", "mergesort")


def sort(a, axis, kind, order, stable):
    if order is not None:
        raise ValueError("order= (sorting by fields) needs a structured dtype; "
                         "arraycore has none")
    if axis is None:
        raise ValueError("a.sort() sorts in place: axis=None is not allowed")
    a[...] = _ac.sort(a, axis=axis, stable=_stable(kind, stable) or True)


def argsort(a, axis, kind, order, stable):
    if order is not None:
        raise ValueError("order= needs a structured dtype; arraycore has none")
    if axis is None:
        return _ac.argsort(_flat(a), axis=0)
    return _ac.argsort(a, axis=axis, stable=True)


def _check_kth(a, kth, axis):
    n = a.shape[axis]
    ks = (kth,) if isinstance(kth, int) or getattr(kth, "ndim", 1) == 0 else tuple(kth)
    for k in ks:
        k = int(k)
        if not -n <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")


def partition(a, kth, axis, kind, order):
    """In place; a full sort is a valid partition for every kth."""
    if order is not None:
        raise ValueError("order= needs a structured dtype; arraycore has none")
    if axis is None:
        raise ValueError("a.partition() works in place: axis=None is not allowed")
    _check_kth(a, kth, axis)
    a[...] = _ac.sort(a, axis=axis)


def argpartition(a, kth, axis, kind, order):
    if order is not None:
        raise ValueError("order= needs a structured dtype; arraycore has none")
    x = _flat(a) if axis is None else a
    ax = 0 if axis is None else axis
    _check_kth(x, kth, ax)
    return _ac.argsort(x, axis=ax)


def searchsorted(a, v, side, sorter):
    if a.ndim != 1:
        raise ValueError("searchsorted: the array must be 1-d")
    return _ac.searchsorted(a, _ac.asarray(v), side=side, sorter=sorter)


def nonzero(a):
    return _ac.nonzero(a)


# ------------------------------------------------------------ selecting
def _indices(indices, n, mode):
    idx = _ac.asarray(indices)
    if idx.dtype.kind not in "iu":
        if idx.size == 0:
            idx = idx.astype(_ac.int64)
        else:
            raise TypeError("indices must be integers")
    if mode == "wrap":
        idx = idx % n if n else idx
    elif mode == "clip":
        idx = _ac.clip(idx, 0, max(n - 1, 0))
    elif mode != "raise":
        raise ValueError(f"mode must be 'raise', 'wrap' or 'clip', not {mode!r}")
    return idx


def take(a, indices, axis, out, mode):
    x = _flat(a) if axis is None else a
    ax = 0 if axis is None else axis
    n = x.shape[ax]
    idx = _indices(indices, n, mode)
    if idx.ndim == 0:
        res = _ac.take(x, _ac.reshape(idx, (1,)), axis=ax)
        res = _ac.squeeze(res, axis=ax % x.ndim)
    else:
        res = _ac.take(x, _flat(idx), axis=ax)
        shape = x.shape[:ax % x.ndim] + idx.shape + x.shape[ax % x.ndim + 1:]
        res = _ac.reshape(res, shape)
    return _out(res, out)


def put(a, indices, values, mode):
    if not a.flags.writeable:
        raise ValueError("assignment destination is read-only")
    n = a.size
    idx = _flat(_indices(indices, n, mode))
    vals = _flat(_ac.asarray(values))
    if idx.size == 0:
        return
    if vals.size == 0:
        raise ValueError("cannot put an empty sequence of values")
    if vals.size < idx.size:
        reps = -(-idx.size // vals.size)
        vals = _ac.tile(vals, (reps,))
    vals = vals[:idx.size]
    if a.flags.c_contiguous:
        _flat(a)[idx] = vals
    else:
        flat = _ac.reshape(a, (-1,), copy=True)
        flat[idx] = vals
        a[...] = _ac.reshape(flat, a.shape)


def repeat(a, repeats, axis):
    r = repeats
    if not isinstance(r, int):
        r = _ac.asarray(r)
        if r.ndim == 0:
            r = int(r)
        elif r.size == 1:
            r = int(r[0])
    return _ac.repeat(a, r, axis=axis)


def compress(a, condition, axis, out):
    cond = _flat(_ac.asarray(condition))
    x = _flat(a) if axis is None else a
    ax = 0 if axis is None else axis
    if x.ndim == 0:
        raise ValueError("compress on a 0-d array: give an array with at least one axis")
    n = x.shape[ax]
    if cond.size > n:
        if _ac.any(cond[n:] != 0):
            raise IndexError(f"index {n} is out of bounds for axis {ax} with size {n}")
        cond = cond[:n]
    (idx,) = _ac.nonzero(cond)
    return _out(_ac.take(x, idx, axis=ax), out)


def choose(a, choices, out, mode):
    idx = _ac.asarray(a)
    if idx.dtype.kind not in "iub":
        raise TypeError("choose: the array must hold integer indices")
    chs = [_ac.asarray(c) for c in choices]
    n = len(chs)
    if n == 0:
        raise ValueError("choose: at least one choice is needed")
    idx = _indices(idx, n, mode)
    if mode == "raise" and idx.size and (_ac.min(idx) < 0 or _ac.max(idx) >= n):
        raise ValueError("invalid entry in choice array")
    arrs = _ac.broadcast_arrays(idx, *chs)
    stacked = _ac.stack(arrs[1:], axis=0)
    pick = _ac.expand_dims(arrs[0].astype(_ac.int64), axis=0)
    res = _ac.take_along_axis(stacked, pick, axis=0)[0]
    return _out(res, out)


def _diag_index(a, offset, axis1, axis2):
    nd = a.ndim
    if nd < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    ax1 = axis1 % nd if -nd <= axis1 < nd else None
    ax2 = axis2 % nd if -nd <= axis2 < nd else None
    if ax1 is None or ax2 is None:
        raise ValueError(f"axis out of bounds for array of dimension {nd}")
    if ax1 == ax2:
        raise ValueError("axis1 and axis2 cannot be the same")
    rest = [i for i in range(nd) if i not in (ax1, ax2)]
    x = _ac.permute_dims(a, tuple(rest) + (ax1, ax2))
    n1, n2 = x.shape[-2], x.shape[-1]
    if offset >= 0:
        m = max(0, min(n1, n2 - offset))
        i = _ac.arange(m, dtype=_ac.int64)
        j = i + offset
    else:
        m = max(0, min(n1 + offset, n2))
        j = _ac.arange(m, dtype=_ac.int64)
        i = j - offset
    return x, i, j


def diagonal(a, offset, axis1, axis2):
    """The diagonal as the last axis (a new array; NumPy's is a read-only view)."""
    x, i, j = _diag_index(a, int(offset), axis1, axis2)
    if x.ndim == 2:
        return x[i, j]
    flat = _ac.reshape(x, (-1,) + x.shape[-2:])
    res = flat[:, i, j]
    return _ac.reshape(res, x.shape[:-2] + (i.shape[0],))


def trace(a, offset, axis1, axis2, dtype, out):
    d = diagonal(a, offset, axis1, axis2)
    res = _ac.sum(d, axis=-1, dtype=dtype)
    return _out(res, out)


# ------------------------------------------------------------ bytes, flags, pickles
def byteswap(a, inplace):
    """The bytes of every element reversed (the dtype unchanged)."""
    swapped = a.view(a.dtype.newbyteorder()).astype(a.dtype)
    if inplace:
        a[...] = swapped
        return a
    return swapped


def setflags(a, write, align, uic):
    if uic:
        raise ValueError("cannot set WRITEBACKIFCOPY flag to True")
    if write is not None:
        a.flags.writeable = bool(write)


def reduce_buffer(a):
    """__reduce_ex__ for pickle protocol 5: the C-contiguous data as a
    PickleBuffer (a copy first only when a is not C-contiguous)."""
    import pickle as _pickle
    c = a if a.flags.c_contiguous else a.copy(order="C")
    return (_rebuild_from_buffer, (_pickle.PickleBuffer(c), a.dtype.str, a.shape))


def _rebuild_from_buffer(buf, typestr, shape):
    """Unpickle (protocol 5): an array over the buffer's memory, no copy
    (read-only when the buffer is)."""
    import pickle as _pickle
    m = buf.raw() if isinstance(buf, _pickle.PickleBuffer) else memoryview(buf)
    if m.ndim != 1 or m.format not in ("B", "b", "c"):
        m = m.cast("B")
    flat = _ac.asarray(m)
    if flat.dtype != _ac.uint8:
        flat = flat.view(_ac.uint8)
    return _ac.reshape(flat.view(_ac.dtype(typestr)), tuple(shape))


def dumps(a):
    import pickle as _pickle
    return _pickle.dumps(a, protocol=_pickle.HIGHEST_PROTOCOL)


def dump(a, file):
    import pickle as _pickle
    if isinstance(file, (str, bytes)) or hasattr(file, "__fspath__"):
        with open(file, "wb") as f:
            _pickle.dump(a, f, protocol=_pickle.HIGHEST_PROTOCOL)
    else:
        _pickle.dump(a, file, protocol=_pickle.HIGHEST_PROTOCOL)
