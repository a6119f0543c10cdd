"""NumPy-named creation and index functions beside the Array API namespace:
identity, diag, diagflat, tri, vander, logspace, geomspace, fromfunction,
frombuffer, fromiter, indices, mgrid, ogrid, ix_, copy; ravel_multi_index,
unravel_index, diag_indices, tril_indices, triu_indices.

Pure Python over the Cython creation/manipulation functions and the ufuncs.
"""
import operator

from arraycore._convert import asarray
from arraycore._core import ndarray
from arraycore._creation import empty, zeros, arange, linspace, eye
from arraycore._manip import reshape, broadcast_to
from arraycore import _ufunc as _u

__all__ = ["identity", "diag", "diagflat", "tri", "vander", "logspace", "geomspace",
           "fromfunction", "frombuffer", "fromiter", "indices", "mgrid", "ogrid", "ix_",
           "copy", "ravel_multi_index", "unravel_index", "diag_indices",
           "diag_indices_from", "tril_indices", "triu_indices", "tril_indices_from",
           "triu_indices_from"]


def _int64():
    from arraycore import int64
    return int64


def identity(n, dtype=None, *, like=None):
    """The n x n identity matrix."""
    return eye(operator.index(n), dtype=dtype)


def diag(v, k=0):
    """The k-th diagonal of a 2-d array (a copy), or a 2-d array with v on its k-th diagonal."""
    v = asarray(v)
    k = operator.index(k)
    if v.ndim == 1:
        n = v.shape[0] + abs(k)
        res = zeros((n, n), dtype=v.dtype)
        if v.shape[0]:
            i = arange(v.shape[0], dtype=_int64())
            if k >= 0:
                res[i, i + k] = v
            else:
                res[i - k, i] = v
        return res
    if v.ndim == 2:
        r, c = v.shape
        if k >= 0:
            m = max(0, min(r, c - k))
            i = arange(m, dtype=_int64())
            return v[i, i + k] if m else empty((0,), dtype=v.dtype)
        m = max(0, min(r + k, c))
        i = arange(m, dtype=_int64())
        return v[i - k, i] if m else empty((0,), dtype=v.dtype)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    """A 2-d array with the flattened input on its k-th diagonal."""
    return diag(reshape(asarray(v), (-1,)), k)


def tri(N, M=None, k=0, dtype=float, *, like=None):
    """An N x M array with ones at and below the k-th diagonal."""
    from arraycore._dtype import dtype as _dtype
    N = operator.index(N)
    M = N if M is None else operator.index(M)
    r = reshape(arange(N, dtype=_int64()), (N, 1))
    c = reshape(arange(M, dtype=_int64()), (1, M))
    res = _u.greater_equal(r + operator.index(k), c)
    return res.astype(_dtype(dtype) if dtype is not float else "float64")


def vander(x, N=None, increasing=False):
    """The Vandermonde matrix of x (columns x**(N-1) ... x**0, or increasing)."""
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    N = x.shape[0] if N is None else operator.index(N)
    from arraycore._dtype import promote_types
    dt = promote_types(x.dtype, _int64())
    res = empty((x.shape[0], N), dtype=dt)
    if N and x.shape[0]:
        res[:, 0] = 1
        if N > 1:
            # the powers by one running product along each row (as NumPy)
            xc = x.astype(dt, copy=False)
            res[:, 1:] = _u.multiply.accumulate(broadcast_to(xc[:, None], (x.shape[0], N - 1)),
                                                axis=1)
    if not increasing:
        res = res[:, ::-1]
    return res


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """Numbers spaced evenly on a log scale: base ** linspace(start, stop)."""
    y = _linspace_nd(start, stop, num, endpoint, axis)
    b = asarray(base)
    if b.ndim:
        b = _expand_for_axis(b, y.ndim, axis)
    res = _u.pow(b, y)
    if dtype is not None:
        res = res.astype(dtype)
    return res


def _expand_for_axis(b, nd, axis):
    from arraycore._manip import expand_dims
    ax = axis % nd if nd else 0
    return expand_dims(b, axis=ax)


def _linspace_nd(start, stop, num, endpoint, axis, dtype=None):
    from arraycore._dtype import result_type
    start = asarray(start)
    stop = asarray(stop)
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    dt = result_type(start, stop, 1.0)
    if start.ndim == 0 and stop.ndim == 0:
        res = linspace(start.item(), stop.item(), num, endpoint=endpoint, dtype=dt)
        return res
    s, e = _u.add(start, zeros((), dtype=dt)), _u.add(stop, zeros((), dtype=dt))
    div = (num - 1) if endpoint else num
    step_i = reshape(arange(num, dtype=dt), (num,) + (1,) * max(s.ndim, e.ndim))
    delta = e - s
    if div > 0:
        res = s + step_i * (delta / div)
    else:
        res = s + step_i * delta
    if endpoint and num > 1:
        res[-1, ...] = e
    if axis != 0:
        from arraycore._manip import moveaxis
        res = moveaxis(res, 0, axis)
    return res


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Numbers spaced evenly on a log scale (a geometric progression) from start to stop."""
    from arraycore._dtype import result_type
    start = asarray(start)
    stop = asarray(stop)
    if _any(_u.equal(start, 0)) or _any(_u.equal(stop, 0)):
        raise ValueError("Geometric sequence cannot include zero")
    num = operator.index(num)
    dt = result_type(start, stop, 1.0)
    s = start.astype(dt)
    e = stop.astype(dt)
    sign = _u.sign(s)
    s = s / sign
    e = e / sign
    res = _linspace_nd(_u.log10(s), _u.log10(e), num, endpoint, 0)
    res = _u.pow(10.0, res).astype(dt, copy=False)
    if num > 0:
        res[0, ...] = s
        if num > 1 and endpoint:
            res[-1, ...] = e
    res = res * sign
    if axis != 0:
        from arraycore._manip import moveaxis
        res = moveaxis(res, 0, axis)
    return res.astype(dtype if dtype is not None else dt, copy=False)


def _any(x):
    from arraycore._stats import any as _a
    return bool(_a(x))


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    """function(*indices(shape)) : construct an array by calling function on coordinates."""
    return function(*indices(shape, dtype=dtype if dtype is not float else "float64"),
                    **kwargs)


def frombuffer(buffer, dtype=None, count=-1, offset=0, *, like=None):
    """A 1-d array viewing the bytes of a buffer (no copy)."""
    from arraycore._dtype import dtype as _dtype
    from arraycore import uint8
    dt = _dtype("float64" if dtype is float or dtype is None else dtype)
    mv = memoryview(buffer).cast("B")
    n = mv.nbytes
    offset = operator.index(offset)
    if offset < 0 or offset > n:
        raise ValueError("offset must be non-negative and no greater than buffer length "
                         f"({n})")
    avail = n - offset
    count = operator.index(count)
    if count < 0:
        if avail % dt.itemsize:
            raise ValueError("buffer size must be a multiple of element size")
        count = avail // dt.itemsize
    elif count * dt.itemsize > avail:
        raise ValueError("buffer is smaller than requested size")
    raw = asarray(mv, dtype=uint8, copy=False)
    addr, ro = raw.__array_interface__["data"]
    holder = _Holder(raw, {"version": 3, "shape": (count,), "typestr": dt.str,
                           "data": (addr + offset, ro)})
    return asarray(holder, copy=False)


class _Holder:
    """Keeps the source buffer alive and describes the view (__array_interface__)."""

    def __init__(self, owner, iface):
        self.owner = owner
        self.__array_interface__ = iface


def fromiter(iter, dtype, count=-1, *, like=None):
    """A 1-d array from an iterable (count: read at most that many items)."""
    import itertools
    count = operator.index(count)
    if count >= 0:
        items = list(itertools.islice(iter, count))
        if len(items) < count:
            raise ValueError(f"iterator too short: Expected {count} but iterator had only "
                             f"{len(items)} items.")
    else:
        items = list(iter)
    if not items:
        return empty((0,), dtype=dtype)
    return asarray(items, dtype=dtype)


def indices(dimensions, dtype=int, sparse=False):
    """The grid of indices of an array of shape `dimensions`."""
    dims = tuple(operator.index(d) for d in dimensions)
    nd = len(dims)
    dt = _int64() if dtype is int else dtype
    if sparse:
        res = []
        for i, n in enumerate(dims):
            shp = [1] * nd
            shp[i] = n
            res.append(reshape(arange(n, dtype=dt), tuple(shp)))
        return tuple(res)
    res = empty((nd,) + dims, dtype=dt)
    for i, n in enumerate(dims):
        shp = [1] * nd
        shp[i] = n
        res[i] = reshape(arange(n, dtype=dt), tuple(shp))
    return res


class _Grid:
    """mgrid / ogrid: index with slices (complex step: number of points, inclusive)."""

    def __init__(self, sparse):
        self.sparse = sparse

    def _axis(self, sl):
        start = 0 if sl.start is None else sl.start
        stop = sl.stop
        step = 1 if sl.step is None else sl.step
        if isinstance(step, complex):
            n = int(abs(step))
            return linspace(float(start), float(stop), n, endpoint=True) if n else \
                empty((0,), dtype="float64"), True
        isf = any(isinstance(v, float) for v in (start, stop, step))
        if isf:
            import math
            n = max(0, math.ceil((stop - start) / step))
            return arange(n, dtype="float64") * step + start, True
        return arange(start, stop, step, dtype=_int64()), False

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._axis(key)[0]
        axes = [self._axis(k) for k in key]
        fl = any(f for _, f in axes)
        arrs = [a.astype("float64") if fl else a for a, _ in axes]
        nd = len(arrs)
        outs = []
        for i, a in enumerate(arrs):
            shp = [1] * nd
            shp[i] = a.shape[0]
            outs.append(reshape(a, tuple(shp)))
        if self.sparse:
            return tuple(outs)
        full = tuple(a.shape[0] for a in arrs)
        res = empty((nd,) + full, dtype=arrs[0].dtype if nd else "float64")
        for i, o in enumerate(outs):
            res[i] = broadcast_to(o, full)
        return res


mgrid = _Grid(False)
ogrid = _Grid(True)


def ix_(*args):
    """Open meshes from 1-d sequences (for cross-product indexing)."""
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        a = asarray(new)
        if a.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if a.size == 0 and not isinstance(new, ndarray):
            a = a.astype(_int64())
        if a.dtype.kind == "b":
            from arraycore._sort import nonzero
            a = nonzero(a)[0]
        shp = [1] * nd
        shp[k] = a.shape[0]
        out.append(reshape(a, tuple(shp)))
    return tuple(out)


def copy(a, order="K", subok=False):
    """A copy of the array."""
    a = asarray(a)
    if order == "K":
        order = "F" if a.ndim > 1 and a.flags["F_CONTIGUOUS"] and not a.flags["C_CONTIGUOUS"] \
            else "C"
    elif order == "A":
        order = "F" if a.ndim > 1 and a.flags["F_CONTIGUOUS"] and not a.flags["C_CONTIGUOUS"] \
            else "C"
    return a.copy(order=order)


# --------------------------------------------------------------------------
# index conversions
# --------------------------------------------------------------------------
def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """Flat indices of a tuple of coordinate arrays in an array of shape dims."""
    dims = tuple(operator.index(d) for d in ((dims,) if isinstance(dims, int) else dims))
    if len(multi_index) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    modes = (mode,) * len(dims) if isinstance(mode, str) else tuple(mode)
    from arraycore._manip import broadcast_arrays
    idx = [asarray(i) for i in multi_index]
    for i in idx:
        if i.dtype.kind not in "iu":
            raise TypeError("only int indices permitted")
    idx = [i.astype(_int64()) for i in idx]
    idx = list(broadcast_arrays(*idx)) if idx else idx
    axes = range(len(dims)) if order == "C" else range(len(dims) - 1, -1, -1)
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    res = zeros(tuple(idx[0].shape) if idx else (), dtype=_int64())
    from arraycore._stats import any as _any_
    for d in axes:
        n, m, v = dims[d], modes[d], idx[d]
        if m == "raise":
            if bool(_any_(_u.logical_or(_u.less(v, 0), _u.greater_equal(v, n)))):
                raise ValueError("invalid entry in coordinates array")
        elif m == "wrap":
            v = v % n
        elif m == "clip":
            from arraycore._elementwise import clip
            v = clip(v, 0, n - 1)
        else:
            raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {m!r})")
        res = res * n + v
    return res


def unravel_index(indices, shape, order="C"):
    """The tuple of coordinate arrays of flat indices in an array of shape `shape`."""
    shape = tuple(operator.index(d) for d in ((shape,) if isinstance(shape, int) else shape))
    idx = asarray(indices)
    if idx.dtype.kind not in "iu":
        raise TypeError(f"only int indices permitted (got {idx.dtype})")
    idx = idx.astype(_int64())
    total = 1
    for d in shape:
        total *= d
    if idx.size and bool(_any(_u.logical_or(_u.less(idx, 0),
                                          _u.greater_equal(idx, total)))):
        raise ValueError(f"index out of bounds for array with size {total}")
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    out = [None] * len(shape)
    rem = idx
    axes = range(len(shape) - 1, -1, -1) if order == "C" else range(len(shape))
    for d in axes:
        n = shape[d]
        out[d] = rem % n if n else rem
        rem = rem // n if n else rem
    return tuple(out)


def diag_indices(n, ndim=2):
    """Indices of the main diagonal of an n x ... x n array."""
    i = arange(operator.index(n), dtype=_int64())
    return (i,) * ndim


def diag_indices_from(arr):
    """diag_indices for a square array of any dimension."""
    arr = asarray(arr)
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if any(s != arr.shape[0] for s in arr.shape):
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def _tri_indices(n, k, m, lower):
    from arraycore._sort import nonzero
    m = n if m is None else m
    mask = tri(n, m, k, dtype="bool") if lower else \
        _u.logical_not(tri(n, m, operator.index(k) - 1, dtype="bool"))
    return nonzero(mask)


def tril_indices(n, k=0, m=None):
    """Indices of the lower triangle of an (n, m) array."""
    return _tri_indices(n, k, m, True)


def triu_indices(n, k=0, m=None):
    """Indices of the upper triangle of an (n, m) array."""
    return _tri_indices(n, k, m, False)


def tril_indices_from(arr, k=0):
    arr = asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    arr = asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])
