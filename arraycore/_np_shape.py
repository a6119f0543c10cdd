"""NumPy-named functions beside the Array API namespace: the aliases NumPy users
type (concatenate, cumsum, amax, array, ascontiguousarray, ...), shape and
assembly (ravel, atleast_*d, hstack/vstack/dstack, split family, append,
insert, delete, resize, rollaxis, block, trim_zeros).

Pure Python over the Cython functions (concat, reshape, take, ...): the data
movement runs in the core's copy engine.
"""
import operator

from arraycore._convert import asarray
from arraycore._core import ndarray
from arraycore._creation import empty, zeros
from arraycore._manip import concat, reshape, moveaxis, take, permute_dims
from arraycore import _stats
from arraycore._ufunc import (  # NumPy's names of the standard's ufuncs
    absolute, arcsin, arccos, arctan, arcsinh, arccosh, arctanh, arctan2, power,
    invert, left_shift, right_shift, true_divide, mod, conjugate,
)

__all__ = [
    "absolute", "arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh", "arctan2",
    "power", "invert", "left_shift", "right_shift", "true_divide", "mod", "conjugate",
    "concatenate", "cumsum", "cumprod", "transpose", "around", "amax", "amin",
    "array", "asanyarray", "ascontiguousarray", "asfortranarray",
    "ravel", "atleast_1d", "atleast_2d", "atleast_3d", "hstack", "vstack", "dstack",
    "column_stack", "row_stack", "split", "array_split", "hsplit", "vsplit", "dsplit",
    "append", "insert", "delete", "resize", "rollaxis", "block", "trim_zeros",
    "shape", "ndim", "size",
]


def _norm_axis(axis, nd):
    try:
        axis = operator.index(axis)
    except TypeError:
        raise TypeError(f"axis must be an integer, got {type(axis).__name__}") from None
    if not -nd <= axis < nd:
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {nd}")
    return axis % nd if nd else 0


def _flat(a):
    return reshape(a, (-1,))


# --------------------------------------------------------------------------
# aliases
# --------------------------------------------------------------------------
def concatenate(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Join a sequence of arrays along an existing axis (axis=None: flattened)."""
    arrs = [asarray(a) for a in arrays]
    if not arrs:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrs = [_flat(a) for a in arrs]
        axis = 0
    else:
        for a in arrs:
            if a.ndim == 0:
                raise ValueError("zero-dimensional arrays cannot be concatenated")
    if dtype is not None:
        arrs = [a.astype(dtype) for a in arrs]
    res = concat(arrs, axis=axis)
    if out is not None:
        if tuple(out.shape) != tuple(res.shape):
            raise ValueError("Output array is the wrong shape")
        out[...] = res
        return out
    return res


def cumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum of the elements along an axis (axis=None: flattened)."""
    a = asarray(a)
    if axis is None:
        a = _flat(a)
        axis = 0
    res = _stats.cumulative_sum(a, axis=axis, dtype=dtype)
    return _to_out(res, out)


def cumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product of the elements along an axis (axis=None: flattened)."""
    a = asarray(a)
    if axis is None:
        a = _flat(a)
        axis = 0
    res = _stats.cumulative_prod(a, axis=axis, dtype=dtype)
    return _to_out(res, out)


def _to_out(res, out):
    if out is None:
        return res
    if isinstance(out, tuple) and len(out) == 1:     # NumPy's out=(array,)
        out = out[0]
    if not isinstance(out, ndarray) and not hasattr(out, "__array_function__"):
        # an arraycore array, or another library's array written in place
        # (NumPy's, when np.cumsum(..., out=) dispatches here)
        raise TypeError(f"out must be an array, not {type(out).__name__}")
    if tuple(out.shape) != tuple(res.shape):
        raise ValueError(f"out has shape {tuple(out.shape)}, expected {tuple(res.shape)}")
    out[...] = res
    return out


def transpose(a, axes=None):
    """Permute the axes (reversed when axes is None)."""
    a = asarray(a)
    if axes is None:
        return permute_dims(a, tuple(range(a.ndim))[::-1])
    axes = tuple(axes)
    if len(axes) != a.ndim:
        raise ValueError("axes don't match array")
    return permute_dims(a, tuple(_norm_axis(x, a.ndim) for x in axes))


def around(a, decimals=0, out=None):
    """Evenly round to the given number of decimals (halves to even)."""
    from arraycore._ufunc import round as _round
    a = asarray(a)
    decimals = operator.index(decimals)
    if decimals == 0:
        res = _round(a)
    elif a.dtype.kind in "biu":
        if decimals > 0:
            res = a.copy()
        elif -decimals > 40:
            # more digits than any integer has: all round to 0 (10 ** -decimals
            # is not computed for a huge -decimals: that would run for ever)
            res = zeros(a.shape, dtype=a.dtype)
        else:
            f = 10 ** (-decimals)
            # integer rounding: round half to even on the scaled value
            res = (_round(a.astype("float64") / f) * f).astype(a.dtype)
    else:
        if a.dtype.kind not in "fc":
            raise TypeError(f"around does not support {a.dtype}")
        f = 10.0 ** decimals
        if decimals >= 0:
            res = _round(a * f) / f
        else:
            f = 10.0 ** (-decimals)
            res = _round(a / f) * f
        res = res.astype(a.dtype, copy=False)
    return _to_out(res, out)


def amax(a, axis=None, out=None, keepdims=False, initial=None, where=None):
    """Maximum along an axis (NumPy's amax/max)."""
    return _minmax(_stats.max, "maximum", a, axis, out, keepdims, initial, where)


def amin(a, axis=None, out=None, keepdims=False, initial=None, where=None):
    """Minimum along an axis (NumPy's amin/min)."""
    return _minmax(_stats.min, "minimum", a, axis, out, keepdims, initial, where)


def _minmax(fn, ufname, a, axis, out, keepdims, initial, where):
    a = asarray(a)
    if initial is None and where is None:
        res = fn(a, axis=axis, keepdims=keepdims)
    else:
        from arraycore._ufunc import builtin_ufuncs
        uf = builtin_ufuncs()[ufname]
        kw = {}
        if initial is not None:
            kw["initial"] = initial
        if where is not None:
            kw["where"] = where
        res = uf.reduce(a, axis=axis, keepdims=keepdims, **kw)
    return _to_out(res, out)


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, ndmax=0,
          like=None):
    """NumPy's array(): a new array (copy=True by default), with at least `ndmin`
    dims; `ndmax` > 0 caps the dimensions a nested list or tuple may make
    (NumPy 2.4: deeper nesting would need dtype=object, which arraycore does
    not have, so it is the same ValueError as NumPy's without it)."""
    if order not in ("K", "A", "C", "F", None):
        raise ValueError(f"order must be one of 'K', 'A', 'C', 'F', got {order!r}")
    ndmax = operator.index(ndmax)
    if not 0 <= ndmax <= 64:
        raise ValueError("ndmax must be in the range [0, 64], the most dimensions "
                         "an array may have")
    if copy is True and order in ("C", "F"):
        a = asarray(object, dtype=dtype)
        a = a.copy(order=order) if a is object or isinstance(object, ndarray) else a
        if order == "F" and a.ndim > 1 and not a.flags["F_CONTIGUOUS"]:
            a = a.copy(order="F")
        elif order == "C" and not a.flags["C_CONTIGUOUS"]:
            a = a.copy(order="C")
    else:
        a = asarray(object, dtype=dtype, copy=copy)
    if ndmax and isinstance(object, (list, tuple)) and a.ndim > ndmax:
        raise ValueError(f"setting an array element with a sequence: the nested "
                         f"sequence makes {a.ndim} dimensions, more than ndmax={ndmax}")
    ndmin = operator.index(ndmin)
    if a.ndim < ndmin:
        a = reshape(a, (1,) * (ndmin - a.ndim) + tuple(a.shape))
    return a


def asanyarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    """Convert the input to an array (arraycore has no subclasses: asarray)."""
    return _asarray_order(a, dtype, order, device, copy)


def _asarray_order(a, dtype, order, device=None, copy=None):
    if order not in ("K", "A", "C", "F", None):
        raise ValueError(f"order must be one of 'K', 'A', 'C', 'F', got {order!r}")
    a = asarray(a, dtype=dtype, device=device, copy=copy)
    want = ("C_CONTIGUOUS" if order == "C" else
            "F_CONTIGUOUS" if order == "F" else None)
    if want is not None and not a.flags[want]:
        if copy is False:
            raise ValueError(f"Unable to avoid copy while creating an array in "
                             f"order {order!r} as requested (copy=False)")
        a = a.copy(order=order)
    return a


def ascontiguousarray(a, dtype=None, *, like=None):
    """A C-contiguous array (ndim >= 1) with the values of `a`."""
    a = _asarray_order(a, dtype, "C")
    if a.ndim == 0:
        a = reshape(a, (1,))
    return a


def asfortranarray(a, dtype=None, *, like=None):
    """A Fortran-contiguous array (ndim >= 1) with the values of `a`."""
    a = _asarray_order(a, dtype, "F")
    if a.ndim == 0:
        a = reshape(a, (1,))
    return a


def shape(a):
    """The shape of an array."""
    return tuple(asarray(a).shape)


def ndim(a):
    """The number of dimensions of an array."""
    return asarray(a).ndim


def size(a, axis=None):
    """The number of elements (along `axis` when given)."""
    a = asarray(a)
    if axis is None:
        return a.size
    return a.shape[_norm_axis(axis, a.ndim)]


# --------------------------------------------------------------------------
# shape and assembly
# --------------------------------------------------------------------------
def ravel(a, order="C"):
    """A flattened array (a view when possible)."""
    return asarray(a).ravel(order)


def atleast_1d(*arys):
    """Views with at least one dimension."""
    res = []
    for a in arys:
        a = asarray(a)
        res.append(reshape(a, (1,)) if a.ndim == 0 else a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_2d(*arys):
    """Views with at least two dimensions (1-d x becomes (1, n))."""
    res = []
    for a in arys:
        a = asarray(a)
        if a.ndim == 0:
            a = reshape(a, (1, 1))
        elif a.ndim == 1:
            a = a[None, :]
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_3d(*arys):
    """Views with at least three dimensions ((n,) -> (1, n, 1), (m, n) -> (m, n, 1))."""
    res = []
    for a in arys:
        a = asarray(a)
        if a.ndim == 0:
            a = reshape(a, (1, 1, 1))
        elif a.ndim == 1:
            a = a[None, :, None]
        elif a.ndim == 2:
            a = a[:, :, None]
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def _seq(tup, name):
    if isinstance(tup, ndarray) or not hasattr(tup, "__iter__"):
        raise TypeError(f"arrays to {name} must be passed as a sequence")
    arrs = list(tup)
    if not arrs:
        raise ValueError("need at least one array to concatenate")
    return arrs


def vstack(tup, *, dtype=None, casting="same_kind"):
    """Stack arrays in sequence vertically (row wise)."""
    arrs = atleast_2d(*_seq(tup, "vstack"))
    arrs = [arrs] if isinstance(arrs, ndarray) else list(arrs)
    return concatenate(arrs, 0, dtype=dtype)


row_stack = vstack


def hstack(tup, *, dtype=None, casting="same_kind"):
    """Stack arrays in sequence horizontally (column wise)."""
    arrs = atleast_1d(*_seq(tup, "hstack"))
    arrs = [arrs] if isinstance(arrs, ndarray) else list(arrs)
    return concatenate(arrs, 0 if arrs[0].ndim == 1 else 1, dtype=dtype)


def dstack(tup):
    """Stack arrays in sequence depth wise (along the third axis)."""
    arrs = atleast_3d(*_seq(tup, "dstack"))
    arrs = [arrs] if isinstance(arrs, ndarray) else list(arrs)
    return concatenate(arrs, 2)


def column_stack(tup):
    """Stack 1-d arrays as columns into a 2-d array (2-d arrays as they are)."""
    arrs = []
    for a in _seq(tup, "column_stack"):
        a = asarray(a)
        if a.ndim < 2:
            a = reshape(a, (-1, 1)) if a.ndim == 1 else reshape(a, (1, 1))
        arrs.append(a)
    return concatenate(arrs, 1)


_MAX_EMPTY_SECTIONS = 1 << 24


def array_split(ary, indices_or_sections, axis=0):
    """Split into sub-arrays (views); sections need not divide the axis equally."""
    a = asarray(ary)
    axis = _norm_axis(axis, a.ndim)
    n = a.shape[axis]
    try:
        sections = operator.index(indices_or_sections)
    except TypeError:
        bounds = [0] + [operator.index(i) for i in indices_or_sections] + [n]
    else:
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        if sections > n + _MAX_EMPTY_SECTIONS:
            # every section past the n-th is empty: a list that long cannot be
            # built (NumPy tries until memory runs out)
            raise ValueError(f"number sections ({sections}) is too large: it would make "
                             f"{sections - n} empty sub-arrays (at most "
                             f"{_MAX_EMPTY_SECTIONS} are made)")
        each, extra = divmod(n, sections)
        bounds = [0]
        for i in range(sections):
            bounds.append(bounds[-1] + each + (1 if i < extra else 0))
    pre = (slice(None),) * axis
    res = []
    for i in range(len(bounds) - 1):
        res.append(a[pre + (slice(bounds[i], bounds[i + 1]),)])
    return res


def split(ary, indices_or_sections, axis=0):
    """Split into equal sub-arrays (views); ValueError if the split is not equal."""
    a = asarray(ary)
    try:
        sections = operator.index(indices_or_sections)
    except TypeError:
        pass
    else:
        n = a.shape[_norm_axis(axis, a.ndim)]
        if sections <= 0 or n % sections:
            raise ValueError("array split does not result in an equal division")
    return array_split(a, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    """Split horizontally (column-wise; axis 0 for 1-d arrays)."""
    a = asarray(ary)
    if a.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(a, indices_or_sections, 1 if a.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    """Split vertically (row-wise, axis 0); needs 2 or more dimensions."""
    a = asarray(ary)
    if a.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(a, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    """Split along the third axis; needs 3 or more dimensions."""
    a = asarray(ary)
    if a.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(a, indices_or_sections, 2)


def append(arr, values, axis=None):
    """Values appended at the end (flattened when axis is None)."""
    arr = asarray(arr)
    values = asarray(values)
    if axis is None:
        return concatenate([_flat(arr), _flat(values)], 0)
    return concatenate([arr, values], axis)


def _index_array(obj):
    from arraycore import int64
    if isinstance(obj, slice):
        return obj
    o = asarray(obj)
    if o.dtype.kind == "b":
        return o
    if o.dtype.kind not in "iu":
        if o.size == 0:
            return o.astype(int64)
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    return o.astype(int64)


def delete(arr, obj, axis=None):
    """A new array with the sub-arrays along `axis` at `obj` removed."""
    from arraycore._creation import ones as _ones
    from arraycore._sort import nonzero
    from arraycore import bool as _bool
    a = asarray(arr)
    if axis is None:
        a = _flat(a)
        axis = 0
    axis = _norm_axis(axis, a.ndim)
    n = a.shape[axis]
    keep = _ones((n,), dtype=_bool)
    if isinstance(obj, slice):
        keep[obj] = False
    else:
        o = _index_array(obj)
        if o.dtype.kind == "b":
            if o.ndim != 1 or o.shape[0] != n:
                raise ValueError(f"boolean array argument obj to delete must be one dimensional and match the axis length of {n}")
            keep = ~o
        else:
            if o.size:
                o = _flat(o)
                if _stats.max(o).item() >= n or _stats.min(o).item() < -n:
                    raise IndexError(f"index out of bounds for axis {axis} with size {n}")
                keep[o] = False
    idx = nonzero(keep)[0]
    return take(a, idx, axis=axis)


def insert(arr, obj, values, axis=None):
    """A new array with `values` inserted before the indices `obj` along `axis`."""
    from arraycore._sort import argsort, nonzero
    from arraycore._creation import arange, ones as _ones
    from arraycore._manip import broadcast_to
    from arraycore import int64, bool as _bool
    a = asarray(arr)
    if axis is None:
        a = _flat(a)
        axis = 0
    axis = _norm_axis(axis, a.ndim)
    n = a.shape[axis]
    pre = (slice(None),) * axis
    if isinstance(obj, slice):
        obj = arange(*obj.indices(n), dtype=int64)
    else:
        obj = _index_array(obj)
        if obj.dtype.kind == "b":
            raise TypeError("boolean obj in insert is not supported (NumPy deprecated it)")
    if obj.size == 1:
        idx = obj.item()
        if not -n <= idx <= n:
            raise IndexError(f"index {idx} is out of bounds for axis {axis} with size {n}")
        if idx < 0:
            idx += n
        v = array(values, dtype=a.dtype, copy=None, ndmin=a.ndim)
        if obj.ndim == 0 and v.ndim:
            v = moveaxis(v, 0, axis)
        shp = list(a.shape)
        shp[axis] = v.shape[axis] if v.ndim else 1
        vb = broadcast_to(v, tuple(shp))
        return concatenate([a[pre + (slice(0, idx),)], vb, a[pre + (slice(idx, None),)]],
                           axis)
    obj = _flat(obj)
    numnew = obj.shape[0]
    if numnew and (_stats.max(obj).item() > n or _stats.min(obj).item() < -n):
        raise IndexError(f"index out of bounds for axis {axis} with size {n}")
    obj = obj + (obj < 0) * n
    order = argsort(obj, stable=True)
    pos = empty((numnew,), dtype=int64)
    pos[order] = take(obj, order) + arange(numnew, dtype=int64)
    shp = list(a.shape)
    shp[axis] = n + numnew
    res = empty(tuple(shp), dtype=a.dtype)
    mask = _ones((n + numnew,), dtype=_bool)
    if numnew:
        mask[pos] = False
        vshape = list(a.shape)
        vshape[axis] = numnew
        v = broadcast_to(asarray(values).astype(a.dtype, copy=False), tuple(vshape))
        res[pre + (pos,)] = v
    res[pre + (nonzero(mask)[0],)] = a
    return res


def resize(a, new_shape):
    """A new array of shape new_shape, filled with repeated copies of a (flattened)."""
    from arraycore._manip import tile
    a = _flat(asarray(a))
    if isinstance(new_shape, int) or not hasattr(new_shape, "__iter__"):
        new_shape = (operator.index(new_shape),)
    new_shape = tuple(operator.index(s) for s in new_shape)
    total = 1
    for s in new_shape:
        if s < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
        total *= s
    if a.size == 0 or total == 0:
        return zeros(new_shape, dtype=a.dtype)
    reps = -(-total // a.size)
    return reshape(tile(a, (reps,))[:total], new_shape)


def rollaxis(a, axis, start=0):
    """Roll `axis` backwards until it lies before position `start` (a view)."""
    a = asarray(a)
    n = a.ndim
    axis = _norm_axis(axis, n)
    start = operator.index(start)
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise ValueError(f"start arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return permute_dims(a, tuple(axes))


def block(arrays):
    """Assemble an array from nested lists of blocks."""
    def depth_of(x, path):
        if isinstance(x, tuple):
            raise TypeError(f"{path} is a tuple. Only lists can be used to arrange blocks, "
                            "and np.block does not allow implicit conversion from tuple to ndarray.")
        if isinstance(x, list):
            if not x:
                raise ValueError(f"List at {path} cannot be empty")
            ds = [depth_of(y, path + f"[{i}]") for i, y in enumerate(x)]
            if any(d != ds[0] for d in ds):
                raise ValueError(f"List depths are mismatched at {path}")
            return ds[0] + 1
        return 0

    depth = depth_of(arrays, "arrays")
    leaves = []

    def collect(x):
        if isinstance(x, list):
            for y in x:
                collect(y)
        else:
            leaves.append(asarray(x))
    collect(arrays)
    result_nd = max([depth] + [b.ndim for b in leaves])

    def build(x, d):
        if isinstance(x, list):
            parts = [build(y, d + 1) for y in x]
            return concatenate(parts, axis=-(depth - d))
        a = asarray(x)
        if a.ndim < result_nd:
            a = reshape(a, (1,) * (result_nd - a.ndim) + tuple(a.shape))
        return a
    res = build(arrays, 0)
    if depth == 0:
        res = res.copy()
    return res


def trim_zeros(filt, trim="fb", axis=None):
    """Trim the leading ('f') and/or trailing ('b') zeros of an array."""
    from arraycore._sort import nonzero
    a = asarray(filt)
    trim = trim.lower()
    if any(c not in "fb" for c in trim):
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    if a.ndim == 0:
        raise ValueError("trim_zeros needs an array of 1 or more dimensions")
    axes = range(a.ndim) if axis is None else [_norm_axis(ax, a.ndim) for ax in
                                                ((axis,) if isinstance(axis, int) else axis)]
    sl = [slice(None)] * a.ndim
    nzmask = a != 0
    for ax in axes:
        other = tuple(i for i in range(a.ndim) if i != ax)
        m = _stats.any(nzmask, axis=other) if other else nzmask
        nz = nonzero(m)[0]
        n = a.shape[ax]
        if nz.shape[0] == 0:
            sl[ax] = slice(0, 0) if trim else slice(None)
            continue
        start = nz[0].item() if "f" in trim else 0
        stop = nz[-1].item() + 1 if "b" in trim else n
        sl[ax] = slice(start, stop)
    return a[tuple(sl)]
