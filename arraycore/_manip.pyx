# arraycore/_manip.pyx -- manipulation functions of the Array API standard:
# views (reshape, permute_dims, expand_dims, squeeze, flip, broadcast_to,
# moveaxis, ...) and copies (concat, stack, roll, repeat, tile, take, ...).
from libc.string cimport memcpy
from arraycore._types cimport *
from arraycore._dtype cimport dtype as Descr
from arraycore._dtype cimport as_dtype, promote, promote_many, native, descr_from_tidx, ACX_INT64
from arraycore._core cimport (ndarray, new_array, make_view, copy_into, copy_array,
    reshape_array, transpose_view, swap_axes_view, normalize_axis, shape_tuple,
    shape_from_obj, broadcast_shapes_c, broadcast_strides, size_of, size_add, update_flags, empty_like_array,
    core_impl)
from arraycore._convert cimport _asarray, as_array

cdef extern from "ac_take.h":
    ac_intp ac_take_1d(char *dst, const char *src, ac_intp sstride, ac_intp dim,
                       const ac_int64 *idx, ac_intp n, int itemsize) nogil


cdef int _axes_tuple(object axis, int nd, int *out, bint allow_dup=False) except -1:
    """Normalize an int or a tuple of ints into `out`; returns the count."""
    cdef int n = 0, i, j
    if isinstance(axis, tuple) or isinstance(axis, list):
        items = tuple(axis)
    else:
        items = (axis,)
    for v in items:
        out[n] = normalize_axis(v, nd)
        for j in range(n):
            if out[j] == out[n] and not allow_dup:
                raise ValueError("repeated axis")
        n += 1
    return n


# ------------------------------------------------------------------ views

def reshape(x, /, shape, *, copy=None):
    """x with a new shape (a view when possible; copy=False raises if not)."""
    return reshape_array(as_array(x), shape, "C", copy)


def permute_dims(x, /, axes):
    """A view of x with its axes permuted."""
    return transpose_view(as_array(x), tuple(axes))


def swapaxes(x, axis1, axis2, /):
    cdef ndarray a = as_array(x)
    return swap_axes_view(a, normalize_axis(axis1, a.nd), normalize_axis(axis2, a.nd))


def matrix_transpose(x, /):
    """A view of x with its last two axes swapped."""
    cdef ndarray a = as_array(x)
    if a.nd < 2:
        raise ValueError("matrix_transpose() needs an array of at least 2 dimensions")
    return swap_axes_view(a, a.nd - 2, a.nd - 1)


def expand_dims(x, /, axis):
    """A view of x with length-one axes inserted at `axis` (an int or a tuple)."""
    cdef ndarray a = as_array(x)
    cdef int axes[AC_MAXDIMS]
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef char isnew[AC_MAXDIMS]
    cdef int n, out_nd, i, j
    items = axis if isinstance(axis, tuple) else (axis,)
    out_nd = a.nd + len(items)
    if out_nd > AC_MAXDIMS:
        raise ValueError(f"too many dimensions ({out_nd})")
    n = _axes_tuple(items, out_nd, axes)
    for i in range(out_nd):
        isnew[i] = 0
    for i in range(n):
        isnew[axes[i]] = 1
    j = 0
    for i in range(out_nd):
        if isnew[i]:
            shape[i] = 1
            strides[i] = 0
        else:
            shape[i] = a.dimensions[j]
            strides[i] = a.strides[j]
            j += 1
    return make_view(a, out_nd, shape, strides, a.data)


def squeeze(x, /, axis):
    """A view of x without the given length-one axes (axis: an int or a tuple;
    ndarray.squeeze() without an axis drops them all)."""
    return _squeeze(as_array(x), axis)


cdef object _squeeze(ndarray a, object axis):
    cdef int axes[AC_MAXDIMS]
    cdef char drop[AC_MAXDIMS]
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int n, i, j = 0
    for i in range(a.nd):
        drop[i] = 0
    if axis is None:
        for i in range(a.nd):
            drop[i] = a.dimensions[i] == 1
    else:
        n = _axes_tuple(axis, a.nd, axes)
        for i in range(n):
            if a.dimensions[axes[i]] != 1:
                raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
            drop[axes[i]] = 1
    for i in range(a.nd):
        if not drop[i]:
            shape[j] = a.dimensions[i]
            strides[j] = a.strides[i]
            j += 1
    return make_view(a, j, shape, strides, a.data)


def flip(x, /, *, axis=None):
    """A view of x with the order of elements reversed along `axis` (all axes when None)."""
    cdef ndarray a = as_array(x)
    cdef int axes[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef char *data = a.data
    cdef int n, i
    if axis is None:
        n = a.nd
        for i in range(n):
            axes[i] = i
    else:
        n = _axes_tuple(axis, a.nd, axes)
    for i in range(a.nd):
        strides[i] = a.strides[i]
    for i in range(n):
        if a.dimensions[axes[i]] > 0:
            data += (a.dimensions[axes[i]] - 1) * a.strides[axes[i]]
        strides[axes[i]] = -a.strides[axes[i]]
    return make_view(a, a.nd, a.dimensions, strides, data)


def moveaxis(x, source, destination, /):
    """A view of x with axes moved from `source` to `destination` positions."""
    cdef ndarray a = as_array(x)
    cdef int src[AC_MAXDIMS]
    cdef int dst[AC_MAXDIMS]
    cdef int ns = _axes_tuple(source, a.nd, src)
    cdef int nd_ = _axes_tuple(destination, a.nd, dst)
    if ns != nd_:
        raise ValueError("source and destination must have the same number of elements")
    order = [i for i in range(a.nd) if i not in [src[k] for k in range(ns)]]
    for dest, s in sorted(zip([dst[k] for k in range(ns)], [src[k] for k in range(ns)])):
        order.insert(dest, s)
    return transpose_view(a, tuple(order))


def broadcast_shapes(*shapes):
    """The shape that results from broadcasting the given shapes together."""
    cdef ac_intp out[AC_MAXDIMS]
    cdef ac_intp sh[AC_MAXDIMS]
    cdef int nd_out = 0, nd, i
    for s in shapes:
        nd = shape_from_obj(s, sh)
        if nd > nd_out:
            for i in range(nd_out - 1, -1, -1):
                out[i + nd - nd_out] = out[i]
            for i in range(nd - nd_out):
                out[i] = 1
            nd_out = nd
    for s in shapes:
        nd = shape_from_obj(s, sh)
        broadcast_shapes_c(nd_out, out, nd, sh)
    return shape_tuple(nd_out, out)


cdef ndarray _broadcast_to(ndarray a, int nd, const ac_intp *shape):
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int i, j
    cdef ndarray v
    if broadcast_strides(a, nd, shape, strides) != 0:
        raise ValueError(f"operands could not be broadcast together: shape {a.shape} "
                         f"cannot be broadcast to {shape_tuple(nd, shape)}")
    v = make_view(a, nd, shape, strides, a.data)
    v.flags &= ~AC_ARRAY_WRITEABLE
    return v


def broadcast_to(x, /, shape):
    """A read-only view of x broadcast to `shape`."""
    cdef ac_intp sh[AC_MAXDIMS]
    cdef int nd = shape_from_obj(shape, sh)
    return _broadcast_to(as_array(x), nd, sh)


def broadcast_arrays(*arrays):
    """Read-only views of the arrays broadcast against each other."""
    arrs = [as_array(a) for a in arrays]
    shape = broadcast_shapes(*[a.shape for a in arrs])
    return tuple([broadcast_to(a, shape) for a in arrs])


def unstack(x, /, *, axis=0):
    """A tuple of views of x split along `axis`."""
    cdef ndarray a = as_array(x)
    cdef int ax = normalize_axis(axis, a.nd)
    moved = moveaxis(a, ax, 0) if ax != 0 else a
    return tuple(moved[i] for i in range(a.dimensions[ax]))


# ------------------------------------------------------------------ copies

cdef Descr _common_dtype(list arrs):
    return promote_many([(<ndarray>a).descr for a in arrs])


def concat(arrays, /, *, axis=0):
    """Join a sequence of arrays along an existing axis (axis=None: flattened)."""
    cdef list arrs = [as_array(x) for x in arrays]
    cdef ndarray first, res, a
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp off = 0
    cdef int nd, ax, i
    if len(arrs) == 0:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrs = [reshape_array(<ndarray>a, (-1,), "C", None) for a in arrs]
        axis = 0
    first = <ndarray>arrs[0]
    nd = first.nd
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    ax = normalize_axis(axis, nd)
    for i in range(nd):
        shape[i] = first.dimensions[i]
    shape[ax] = 0
    for a in arrs:
        if a.nd != nd:
            raise ValueError("all the input arrays must have the same number of dimensions")
        for i in range(nd):
            if i != ax and a.dimensions[i] != shape[i]:
                raise ValueError(f"all the input array dimensions except for the concatenation axis "
                                 f"must match exactly (axis {i}: {shape[i]} vs {a.dimensions[i]})")
        shape[ax] = size_add(shape[ax], a.dimensions[ax])
    res = new_array(_common_dtype(arrs), nd, shape, NULL, NULL, 0, None)
    for a in arrs:
        for i in range(nd):
            shape[i] = a.dimensions[i]
        copy_into(make_view(res, nd, shape, res.strides, res.data + off * res.strides[ax]), a)
        off += a.dimensions[ax]
    return res


def stack(arrays, /, *, axis=0):
    """Join a sequence of arrays of one shape along a new axis."""
    arrs = [as_array(a) for a in arrays]
    if len(arrs) == 0:
        raise ValueError("need at least one array to stack")
    shape0 = arrs[0].shape
    for a in arrs:
        if a.shape != shape0:
            raise ValueError("all input arrays must have the same shape")
    ax = normalize_axis(axis, len(shape0) + 1)
    return concat([expand_dims(a, axis=ax) for a in arrs], axis=ax)


def roll(x, /, shift, *, axis=None):
    """Roll elements of x along axes (flattened when axis is None)."""
    cdef ndarray a = as_array(x)
    if axis is None:
        flat = reshape_array(a, (-1,), "C", None)
        return reshape_array(roll(flat, shift, axis=0), a.shape, "C", None)
    shifts = shift if isinstance(shift, tuple) else (shift,)
    axes = axis if isinstance(axis, tuple) else (axis,)
    if len(shifts) == 1 and len(axes) > 1:
        shifts = shifts * len(axes)
    elif len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    if len(shifts) != len(axes):
        raise ValueError("shift and axis must have the same length")
    total = [0] * a.nd
    for s, ax in zip(shifts, axes):
        total[normalize_axis(ax, a.nd)] += int(s)
    cdef ndarray res = copy_array(a, AC_CORDER)
    cdef ndarray src
    for ax in range(a.nd):
        n = a.dimensions[ax]
        if n == 0:
            continue
        s = total[ax] % n
        if s == 0:
            continue
        src = copy_array(res, AC_CORDER)
        lead = (slice(None),) * ax
        res[lead + (slice(s, None),)] = src[lead + (slice(0, n - s),)]
        res[lead + (slice(0, s),)] = src[lead + (slice(n - s, None),)]
    return res


def repeat(x, repeats, /, *, axis=None):
    """Repeat each element of x `repeats` times along `axis` (flattened when None)."""
    cdef ndarray a = as_array(x)
    cdef ndarray reps, idx
    cdef ac_intp n, i, j, k, total = 0, r
    cdef long long *rp
    cdef long long *ip
    if axis is None:
        a = reshape_array(a, (-1,), "C", None)
        axis = 0
    cdef int ax = normalize_axis(axis, a.nd)
    n = a.dimensions[ax]
    if isinstance(repeats, ndarray) or isinstance(repeats, (list, tuple)):
        reps = _asarray(repeats, None, None)
        if reps.size == 0 and not isinstance(repeats, ndarray):
            reps = _asarray(repeats, descr_from_tidx(ACX_INT64), None)
        if reps.descr.kind not in "iu":
            raise TypeError("repeats must be integers")
        if reps.nd > 1:
            raise ValueError("repeats must be an integer or a 1-d array")
        reps = copy_array(_broadcast_to(reps, 1, &n) if reps.nd == 0 or reps.dimensions[0] == 1
                          else reps, AC_CORDER, descr_from_tidx(ACX_INT64))
        if reps.dimensions[0] != n:
            raise ValueError(f"repeats has {reps.dimensions[0]} entries but the axis has {n}")
    else:
        r = repeats.__index__()
        reps = new_array(descr_from_tidx(ACX_INT64), 1, &n, NULL, NULL, 0, None)
        rp = <long long *>reps.data
        for i in range(n):
            rp[i] = r
    rp = <long long *>reps.data
    for i in range(n):
        if rp[i] < 0:
            raise ValueError("repeats may not contain negative values")
        if total > AC_MAX_INTP_VALUE_M - rp[i]:
            raise ValueError("repeat(): the result is too large")
        total += rp[i]
    idx = new_array(descr_from_tidx(ACX_INT64), 1, &total, NULL, NULL, 0, None)
    ip = <long long *>idx.data
    k = 0
    for i in range(n):
        for j in range(rp[i]):
            ip[k] = i
            k += 1
    return take(a, idx, axis=ax)


cdef extern from *:
    """
    #define AC_MAX_INTP_VALUE_M PY_SSIZE_T_MAX
    """
    ac_intp AC_MAX_INTP_VALUE_M


def tile(x, repetitions, /):
    """Construct an array by tiling x `repetitions` times along each axis."""
    cdef ndarray a = as_array(x)
    reps = tuple(int(r) for r in repetitions)
    if any(r < 0 for r in reps):
        raise ValueError("repetitions must be non-negative")
    nd = max(len(reps), a.nd)
    reps = (1,) * (nd - len(reps)) + reps
    shape = (1,) * (nd - a.nd) + a.shape
    res = reshape_array(a, shape, "C", None)
    # interleave: new shape (r0, s0, r1, s1, ...), broadcast, then merge pairs
    inter = []
    for r, s in zip(reps, shape):
        inter += [1, s]
    target = []
    for r, s in zip(reps, shape):
        target += [r, s]
    v = broadcast_to(reshape_array(res, tuple(inter), "C", None), tuple(target))
    out = copy_array(v, AC_CORDER)
    return reshape_array(out, tuple(r * s for r, s in zip(reps, shape)), "C", None)


def take(x, indices, /, *, axis=None):
    """Elements of x at integer `indices` along `axis` (x must be 1-d when axis is None)."""
    cdef ndarray a = as_array(x)
    cdef ndarray idx = as_array(indices)
    cdef ndarray src, res, idx64
    if idx.nd == 1 and idx.dimensions[0] == 0 and not isinstance(indices, ndarray):
        idx = _asarray(indices, descr_from_tidx(ACX_INT64), None)
    cdef ac_intp outer = 1, inner = 1, n, m, i, j, k, chunk
    cdef ac_intp shape[AC_MAXDIMS]
    cdef long long *ip
    cdef int ax, d
    if idx.descr._kind != b"i" and idx.descr._kind != b"u":
        raise IndexError("take() indices must be integers")
    if axis is None:
        if a.nd != 1:
            a = reshape_array(a, (-1,), "C", None)
        axis = 0
    ax = normalize_axis(axis, a.nd)
    if idx.nd != 1:
        # N-d (or 0-d) indices: take the flattened indices, then restore their shape
        flat = take(a, reshape_array(idx, (-1,), "C", None), axis=ax)
        ishape = idx.shape
        return reshape_array(flat, a.shape[:ax] + ishape + a.shape[ax + 1:], "C", None)
    n = a.dimensions[ax]
    m = idx.dimensions[0]
    if (idx.descr.tidx == ACX_INT64 and not idx.descr.swapped
            and (idx.flags & AC_ARRAY_C_CONTIGUOUS) and (idx.flags & AC_ARRAY_ALIGNED)):
        idx64 = idx                 # read as is: ac_take_1d wraps and checks
    else:
        idx64 = copy_array(idx, AC_CORDER, descr_from_tidx(ACX_INT64))
    ip = <long long *>idx64.data
    cdef ac_intp bad = -1
    src = a if (a.flags & AC_ARRAY_C_CONTIGUOUS) else copy_array(a, AC_CORDER)
    for d in range(a.nd):
        shape[d] = a.dimensions[d]
        if d < ax:
            outer *= a.dimensions[d]
        elif d > ax:
            inner *= a.dimensions[d]
    shape[ax] = m
    res = new_array(a.descr, a.nd, shape, NULL, NULL, 0, None)
    chunk = inner * a.descr.itemsize
    cdef char *sp = src.data
    cdef char *dp = res.data
    if outer * m * chunk < 65536:   # a small take: releasing the GIL costs more
        for i in range(outer):      # the first row checks every index
            bad = ac_take_1d(dp + i * m * chunk, sp + i * n * chunk, chunk, n,
                             <const ac_int64 *>ip, m, <int>chunk)
            if bad >= 0:
                break
    else:
        with nogil:
            for i in range(outer):
                bad = ac_take_1d(dp + i * m * chunk, sp + i * n * chunk, chunk, n,
                                 <const ac_int64 *>ip, m, <int>chunk)
                if bad >= 0:
                    break
    if outer == 0:                  # nothing to take: the indices are still checked
        for i in range(m):
            if ip[i] < -n or ip[i] >= n:
                bad = i
                break
    if bad >= 0:
        raise IndexError(f"index {ip[bad]} is out of bounds for axis {ax} with size {n}")
    return res


def take_along_axis(x, indices, /, *, axis=-1):
    """Values of x at `indices` along `axis`, indices broadcast against x's other axes."""
    cdef ndarray a = as_array(x)
    cdef ndarray idx = as_array(indices)
    from arraycore._creation import arange
    if idx.nd != a.nd:
        raise ValueError("take_along_axis(): x and indices must have the same number of dimensions")
    ax = normalize_axis(axis, a.nd)
    key = []
    for d in range(a.nd):
        if d == ax:
            key.append(idx)
        else:
            shp = [1] * a.nd
            shp[d] = a.dimensions[d]
            key.append(reshape_array(arange(a.dimensions[d]), tuple(shp), "C", None))
    return a[tuple(key)]


core_impl.squeeze = _squeeze      # a.squeeze()
