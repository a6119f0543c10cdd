# arraycore/_classic_iter.pyx -- the classic iterators with public C layouts
# (arraycore/aciter.h): the flat iterator (`a.flat`, ACArray_IterNew,
# ACArray_IterAllButAxis, ACArray_BroadcastToShape), the broadcasting
# multi-iterator (`arraycore.broadcast`, ACArray_MultiIterFromObjects) and
# the neighborhood iterator (ACArray_NeighborhoodIterNew), plus ndindex and
# ndenumerate.  Stepping uses the header's own ACArray_ITER_* functions, so
# Python and C walk arrays the same way.  No cdef methods on these classes:
# their object structs must stay exactly the public layouts (checked below).
cimport cython
from cpython.ref cimport Py_INCREF, Py_XDECREF, PyObject
from libc.string cimport memset
from arraycore._types cimport *
from arraycore._dtype cimport dtype
from arraycore._core cimport (ndarray, new_array, copy_array, getitem_ptr, setitem_ptr,
    shape_tuple, size_of, size_mul, size_add, size_sub, broadcast_shapes_c, broadcast_strides, is_index_int,
    normalize_axis, reshape_array, core_impl)
from arraycore._convert cimport _asarray, as_array

cdef extern from "arraycore/aciter.h":
    enum:
        AC_MAXARGS
        AC_NEIGHBORHOOD_ITER_ZERO_PADDING, AC_NEIGHBORHOOD_ITER_ONE_PADDING
        AC_NEIGHBORHOOD_ITER_CONSTANT_PADDING, AC_NEIGHBORHOOD_ITER_CIRCULAR_PADDING
        AC_NEIGHBORHOOD_ITER_MIRROR_PADDING
    ctypedef struct ac_arr_c "ACArrayObject":
        char *data
    ctypedef struct ACArrayIterObject:
        int nd_m1
        ac_intp coordinates[AC_MAXDIMS]
        ac_intp strides[AC_MAXDIMS]
        ac_arr_c *ao
    ctypedef struct ACArrayMultiIterObject:
        pass
    ctypedef struct ACArrayNeighborhoodIterObject:
        ac_intp nd
        ac_intp dimensions[AC_MAXDIMS]
        ac_intp strides[AC_MAXDIMS]
        ac_arr_c *ao
        ACArrayIterObject *_internal_iter
        char *constant
        int mode
    void ACArray_ITER_RESET(void *it) nogil
    void ACArray_ITER_NEXT(void *it) nogil
    void ACArray_ITER_GOTO1D(void *it, ac_intp ind) nogil
    void ACArray_MultiIter_RESET(void *m) nogil
    void ACArray_MultiIter_NEXT(void *m) nogil
    int ACArrayNeighborhoodIter_Reset(ACArrayNeighborhoodIterObject *it) nogil
    int ACArrayNeighborhoodIter_Next(ACArrayNeighborhoodIterObject *it) nogil

cdef extern from *:
    """
    #include <stddef.h>
    #define AC_OFFSETOF(type, field) ((Py_ssize_t)offsetof(type, field))
    """
    Py_ssize_t offsetof_translate "AC_OFFSETOF(ACArrayIterObject, translate)"
    Py_ssize_t offsetof_ao "AC_OFFSETOF(ACArrayIterObject, ao)"
    Py_ssize_t offsetof_dataptr "AC_OFFSETOF(ACArrayIterObject, dataptr)"
    Py_ssize_t offsetof_contig "AC_OFFSETOF(ACArrayIterObject, contiguous)"
    Py_ssize_t offsetof_iters "AC_OFFSETOF(ACArrayMultiIterObject, iters)"
    Py_ssize_t offsetof_mode "AC_OFFSETOF(ACArrayNeighborhoodIterObject, mode)"
    Py_ssize_t offsetof_internal "AC_OFFSETOF(ACArrayNeighborhoodIterObject, _internal_iter)"

ctypedef char *(*translate_fn)(void *it, const ac_intp *coords) noexcept nogil


# ------------------------------------------------------------ flat iterator

# free lists: these objects are large (arrays of AC_MAXDIMS), so each one
# otherwise costs a malloc and a free of kilobytes.  Not tracked by the cycle
# collector (as NumPy's): a flatiter refers only to its array, which cannot
# refer back to it, and tracking cost each a.flat / broadcast operand ~10%
# (GC_Track/UnTrack and the collections its allocations trigger).
@cython.freelist(8)
@cython.no_gc
cdef class flatiter:
    """A flat (C-order) iterator over an array: ``a.flat``."""
    # the public layout of ACArrayIterObject: do not reorder
    cdef int nd_m1
    cdef readonly ac_intp index, size
    cdef ac_intp coordinates[AC_MAXDIMS]
    cdef ac_intp dims_m1[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef ac_intp backstrides[AC_MAXDIMS]
    cdef ac_intp factors[AC_MAXDIMS]
    cdef ndarray ao
    cdef char *dataptr
    cdef ac_bool contiguous
    cdef ac_intp bounds[AC_MAXDIMS][2]
    cdef ac_intp limits[AC_MAXDIMS][2]
    cdef ac_intp limits_sizes[AC_MAXDIMS]
    cdef translate_fn translate

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'arraycore.flatiter' instances (use a.flat)")

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= self.size:
            raise StopIteration
        v = getitem_ptr(self.ao.descr, self.dataptr)
        ACArray_ITER_NEXT(<void *>self)
        return v

    def __len__(self):
        return self.size

    @property
    def base(self):
        """The array being iterated."""
        return self.ao

    @property
    def coords(self):
        """The current N-d index."""
        cdef ac_intp c[AC_MAXDIMS]
        cdef int i
        cdef ac_intp ind = self.index
        if self.contiguous:
            for i in range(self.nd_m1 + 1):
                c[i] = ind // self.factors[i]
                ind %= self.factors[i]
            return shape_tuple(self.nd_m1 + 1, c)
        return shape_tuple(self.nd_m1 + 1, self.coordinates)

    def reset(self):
        ACArray_ITER_RESET(<void *>self)

    def copy(self):
        """A flattened (1-d, C-order) copy of the array."""
        return _flat_copy(self)

    def __getitem__(self, key):
        cdef ac_intp i
        if is_index_int(key):
            i = _flat_index(self, key)
            return getitem_ptr(self.ao.descr, _ptr_at(self, i))
        return _flat_copy(self)[key]

    def __setitem__(self, key, value):
        cdef ac_intp i, k, n
        cdef ndarray vals, idx
        if is_index_int(key):
            i = _flat_index(self, key)
            if not (self.ao.flags & AC_ARRAY_WRITEABLE):
                raise ValueError("assignment destination is read-only")
            setitem_ptr(self.ao.descr, _ptr_at(self, i), value)
            return
        if not (self.ao.flags & AC_ARRAY_WRITEABLE):
            raise ValueError("assignment destination is read-only")
        import arraycore
        idx = _asarray(arraycore.arange(self.size)[key], None, None)
        idx = reshape_array(idx, (-1,), "C", None)
        vals = reshape_array(_asarray(value, self.ao.descr, None), (-1,), "C", None)
        n = vals.dimensions[0] if vals.nd else 1
        if n == 0:
            return
        for k in range(idx.dimensions[0]):
            v = getitem_ptr(vals.descr, vals.data + (k % n) * vals.strides[0])
            i = getitem_ptr(idx.descr, idx.data + k * idx.strides[0])
            setitem_ptr(self.ao.descr, _ptr_at(self, i), v)


cdef ac_intp _flat_index(flatiter it, object key) except? -1:
    cdef ac_intp i = key
    if i < 0:
        i += it.size
    if i < 0 or i >= it.size:
        raise IndexError(f"index {key} is out of bounds for size {it.size}")
    return i


cdef char *_ptr_at(flatiter it, ac_intp i) noexcept:
    """Pointer of flat element i (C order of the iterated shape)."""
    cdef char *p = it.ao.data
    cdef int d
    cdef ac_intp c
    for d in range(it.nd_m1 + 1):
        c = i // it.factors[d]
        i %= it.factors[d]
        p += c * it.strides[d]
    return p


cdef ndarray _flat_copy(flatiter it):
    cdef ac_intp n = it.size
    cdef ndarray out = new_array(it.ao.descr, 1, &n, NULL, NULL, 0, None)
    cdef ac_intp k
    cdef ac_intp isz = it.ao.descr.itemsize
    cdef ac_intp save = it.index
    ACArray_ITER_RESET(<void *>it)
    for k in range(n):
        memcpy_(out.data + k * isz, it.dataptr, isz)
        ACArray_ITER_NEXT(<void *>it)
    ACArray_ITER_RESET(<void *>it)
    if save:
        ACArray_ITER_GOTO1D(<void *>it, save)
    return out


from libc.string cimport memcpy as memcpy_


cdef char *_translate_plain(void *p, const ac_intp *coords) noexcept nogil:
    cdef ACArrayIterObject *it = <ACArrayIterObject *>p
    cdef char *r = it.ao.data
    cdef int d
    for d in range(it.nd_m1 + 1):
        r += coords[d] * it.strides[d]
    return r


cdef int _init_iter(flatiter it, ndarray a, int nd, const ac_intp *shape,
                    const ac_intp *strides) except -1:
    """Set up `it` over `a` viewed with (shape, strides); strides NULL: a's own."""
    cdef int i
    it.ao = a
    it.nd_m1 = nd - 1
    it.size = size_of(nd, shape)
    for i in range(nd):
        it.dims_m1[i] = shape[i] - 1
        it.strides[i] = strides[i] if strides != NULL else a.strides[i]
        it.backstrides[i] = it.strides[i] * it.dims_m1[i]
        it.bounds[i][0] = 0
        it.bounds[i][1] = shape[i] - 1
        it.limits[i][0] = 0
        it.limits[i][1] = shape[i] - 1
        it.limits_sizes[i] = shape[i]
    if nd > 0:
        it.factors[nd - 1] = 1
        for i in range(nd - 2, -1, -1):
            it.factors[i] = it.factors[i + 1] * shape[i + 1]
    it.contiguous = 1 if (strides == NULL and (a.flags & AC_ARRAY_C_CONTIGUOUS)) or nd == 0 else 0
    it.translate = _translate_plain
    ACArray_ITER_RESET(<void *>it)
    return 0


cdef ndarray _as_array(object op, str fn):
    if op is None:
        raise TypeError(f"{fn}: NULL object")
    return as_array(op)


cpdef flatiter flatiter_of(object a):
    """The flat iterator of an array (``a.flat``, ACArray_IterNew)."""
    cdef ndarray arr = _as_array(a, "ACArray_IterNew")
    cdef flatiter it = flatiter.__new__(flatiter)
    _init_iter(it, arr, arr.nd, arr.dimensions, NULL)
    return it


def smallest_stride_axis(object a):
    """The axis of extent > 1 with the smallest |stride| (0 if none)."""
    cdef ndarray arr = _as_array(a, "ACArray_IterAllButAxis")
    cdef int i, axis = 0
    cdef ac_intp best = -1, s
    if arr.nd == 0:
        raise ValueError("ACArray_IterAllButAxis: the array is 0-d")
    for i in range(arr.nd):
        s = arr.strides[i] if arr.strides[i] >= 0 else -arr.strides[i]
        if arr.dimensions[i] > 1 and (best < 0 or s < best):
            best = s
            axis = i
    return axis


cpdef flatiter iter_all_but_axis(object a, int axis):
    """A flat iterator over all axes of `a` but `axis` (ACArray_IterAllButAxis);
    axis < 0 picks the axis with the smallest stride."""
    cdef ndarray arr = _as_array(a, "ACArray_IterAllButAxis")
    cdef flatiter it = flatiter.__new__(flatiter)
    cdef ac_intp shape[AC_MAXDIMS]
    cdef int i
    cdef ac_intp best
    if arr.nd == 0:
        raise ValueError("ACArray_IterAllButAxis: the array is 0-d")
    if axis < 0:
        axis = smallest_stride_axis(arr)
    elif axis >= arr.nd:
        raise ValueError(f"ACArray_IterAllButAxis: axis {axis} is out of bounds for a "
                         f"{arr.nd}-d array")
    for i in range(arr.nd):
        shape[i] = 1 if i == axis else arr.dimensions[i]
    _init_iter(it, arr, arr.nd, shape, arr.strides)
    it.contiguous = 0
    return it


cpdef flatiter broadcast_to_shape(object a, tuple shape):
    """A flat iterator over `a` broadcast to `shape` (ACArray_BroadcastToShape)."""
    cdef ndarray arr = _as_array(a, "ACArray_BroadcastToShape")
    cdef flatiter it = flatiter.__new__(flatiter)
    cdef ac_intp shp[AC_MAXDIMS]
    cdef ac_intp st[AC_MAXDIMS]
    cdef int nd = len(shape), i
    if nd > AC_MAXDIMS:
        raise ValueError("too many dimensions")
    for i in range(nd):
        shp[i] = shape[i]
        if shp[i] < 0:
            raise ValueError("negative dimensions are not allowed")
    if broadcast_strides(arr, nd, shp, st):
        raise ValueError(f"array of shape {shape_tuple(arr.nd, arr.dimensions)} is not "
                         f"compatible with the requested shape {shape_tuple(nd, shp)}")
    _init_iter(it, arr, nd, shp, st)
    it.contiguous = 0
    return it


# ------------------------------------------------------- multi-iterator

@cython.freelist(4)
cdef class broadcast:
    """broadcast(*arrays): the arrays broadcast against each other, iterated
    together (yields tuples of elements)."""
    # the public layout of ACArrayMultiIterObject: do not reorder
    cdef readonly int numiter
    cdef readonly ac_intp size, index
    cdef readonly int nd
    cdef ac_intp dimensions[AC_MAXDIMS]
    cdef void *iters_[AC_MAXARGS]     # owned references to flatiter objects

    def __cinit__(self, *args):
        self.numiter = 0

    def __init__(self, *args):
        cdef list arrs = []
        for a in args:
            if isinstance(a, broadcast):
                break
        else:                           # the common case: arrays only
            _multi_init(self, args)
            return
        for a in args:
            if isinstance(a, broadcast):
                arrs.extend([(<flatiter>(<broadcast>a).iters_[i]).ao
                             for i in range((<broadcast>a).numiter)])
            else:
                arrs.append(a)
        _multi_init(self, tuple(arrs))

    def __dealloc__(self):
        cdef int i
        for i in range(self.numiter):
            Py_XDECREF(<PyObject *>self.iters_[i])
            self.iters_[i] = NULL
        self.numiter = 0

    def __iter__(self):
        return self

    def __next__(self):
        cdef int i
        cdef flatiter it
        if self.index >= self.size:
            raise StopIteration
        out = []
        for i in range(self.numiter):
            it = <flatiter>self.iters_[i]
            out.append(getitem_ptr(it.ao.descr, it.dataptr))
        ACArray_MultiIter_NEXT(<void *>self)
        return tuple(out)

    def reset(self):
        ACArray_MultiIter_RESET(<void *>self)

    @property
    def shape(self):
        return shape_tuple(self.nd, self.dimensions)

    @property
    def ndim(self):
        return self.nd

    @property
    def iters(self):
        cdef int i
        return tuple([<object>self.iters_[i] for i in range(self.numiter)])


cdef int _multi_init(broadcast m, tuple objs) except -1:
    cdef int n = len(objs), i, nd = 0
    cdef ndarray arr
    cdef flatiter it
    cdef ac_intp st[AC_MAXDIMS]
    if n > AC_MAXARGS:
        raise ValueError(f"Need at least 0 and at most {AC_MAXARGS} array objects, got {n}")
    cdef tuple arrs = objs
    for o in objs:
        if type(o) is not ndarray:
            arrs = tuple([o if type(o) is ndarray else _as_array(o, "ACArray_MultiIterNew")
                          for o in objs])
            break
    for a in arrs:
        if (<ndarray>a).nd > nd:
            nd = (<ndarray>a).nd
    for i in range(nd):
        m.dimensions[i] = 1
    try:
        for a in arrs:
            broadcast_shapes_c(nd, m.dimensions, (<ndarray>a).nd, (<ndarray>a).dimensions)
    except ValueError:
        shapes = " ".join(str(shape_tuple((<ndarray>a).nd, (<ndarray>a).dimensions)).replace(" ", "")
                          for a in arrs)
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape "
                         f"(shapes {shapes})") from None
    m.nd = nd
    m.size = size_of(nd, m.dimensions)
    m.index = 0
    for i in range(n):
        arr = <ndarray>arrs[i]
        broadcast_strides(arr, nd, m.dimensions, st)
        it = flatiter.__new__(flatiter)
        _init_iter(it, arr, nd, m.dimensions, st)
        it.contiguous = 0
        Py_INCREF(it)
        m.iters_[i] = <void *>it
        m.numiter = i + 1
    return 0


cpdef broadcast multi_iter_from_objects(list objs):
    """ACArray_MultiIterFromObjects: a broadcast object over the objects."""
    cdef broadcast m = broadcast.__new__(broadcast)
    _multi_init(m, tuple(objs))
    return m


# --------------------------------------------------- neighborhood iterator

cdef class neighborhooditer(flatiter):
    """Walks the neighborhood of the current position of a flat iterator
    (created from C with ACArray_NeighborhoodIterNew; iterating it from Python
    yields the values of the neighborhood points)."""
    # the public layout of ACArrayNeighborhoodIterObject after the flatiter part
    cdef ac_intp nd
    cdef ac_intp dimensions[AC_MAXDIMS]
    cdef flatiter _internal_iter
    cdef char *constant
    cdef readonly int mode
    # private
    cdef object _fill            # the array holding the constant
    cdef bint _started

    def __next__(self):
        if self._started:
            if self.index + 1 >= self.size:
                raise StopIteration
            ACArrayNeighborhoodIter_Next(<ACArrayNeighborhoodIterObject *><void *>self)
        else:
            ACArrayNeighborhoodIter_Reset(<ACArrayNeighborhoodIterObject *><void *>self)
            self._started = True
        return getitem_ptr(self.ao.descr, self.dataptr)

    def reset(self):
        """Back to the first point (iteration restarts)."""
        self._started = False
        ACArrayNeighborhoodIter_Reset(<ACArrayNeighborhoodIterObject *><void *>self)

    @property
    def neighborhood(self):
        cdef ac_intp i
        return tuple([(self.bounds[i][0], self.bounds[i][1]) for i in range(self.nd)])

    @property
    def center(self):
        """The flat iterator whose position is the centre."""
        return self._internal_iter


cdef inline ac_intp _mirror(ac_intp i, ac_intp n) noexcept nogil:
    cdef ac_intp k, l
    if i < 0:
        i = -i - 1
    k = i // n
    l = i - k * n
    return l if k % 2 == 0 else n - 1 - l


cdef char *_translate_neigh(void *p, const ac_intp *coords) noexcept nogil:
    cdef ACArrayNeighborhoodIterObject *it = <ACArrayNeighborhoodIterObject *>p
    cdef ACArrayIterObject *base = it._internal_iter
    cdef char *r = it.ao.data
    cdef ac_intp d, c, n
    for d in range(it.nd):
        c = base.coordinates[d] + coords[d]
        n = it.dimensions[d]
        if c < 0 or c >= n:
            if it.mode == AC_NEIGHBORHOOD_ITER_CIRCULAR_PADDING:
                c = ((c % n) + n) % n
            elif it.mode == AC_NEIGHBORHOOD_ITER_MIRROR_PADDING:
                c = _mirror(c, n)
            else:
                return it.constant
        r += c * it.strides[d]
    return r


cpdef neighborhooditer neighborhood_iter_new(object base, object bounds, int mode,
                                             object fill):
    """ACArray_NeighborhoodIterNew: bounds is a sequence of 2*nd ints
    (lo0, hi0, lo1, hi1, ...), relative to the base iterator's position."""
    cdef flatiter b
    cdef neighborhooditer it
    cdef ndarray arr, f
    cdef int nd, i
    cdef ac_intp lo, hi
    if not isinstance(base, flatiter) or isinstance(base, neighborhooditer):
        raise TypeError("ACArray_NeighborhoodIterNew: expected a flat iterator "
                        "(ACArrayIterObject from ACArray_IterNew)")
    b = <flatiter>base
    arr = b.ao
    nd = b.nd_m1 + 1
    bounds = [int(x) for x in bounds]
    if len(bounds) != 2 * nd:
        raise ValueError(f"ACArray_NeighborhoodIterNew: expected {2 * nd} bounds, got {len(bounds)}")
    if mode < AC_NEIGHBORHOOD_ITER_ZERO_PADDING or mode > AC_NEIGHBORHOOD_ITER_MIRROR_PADDING:
        raise ValueError(f"ACArray_NeighborhoodIterNew: invalid boundary mode {mode}")
    it = neighborhooditer.__new__(neighborhooditer)
    _init_iter(it, arr, nd, arr.dimensions, NULL)
    it.contiguous = 0
    it.nd = nd
    it.size = 1
    for i in range(nd):
        lo = bounds[2 * i]
        hi = bounds[2 * i + 1]
        if lo > hi:
            raise ValueError(f"ACArray_NeighborhoodIterNew: bounds ({lo}, {hi}) of axis "
                             f"{i} are not ordered")
        it.bounds[i][0] = lo
        it.bounds[i][1] = hi
        it.dims_m1[i] = size_sub(hi, lo)
        it.size = size_mul(it.size, size_add(it.dims_m1[i], 1))
        it.dimensions[i] = arr.dimensions[i]
        if (mode == AC_NEIGHBORHOOD_ITER_CIRCULAR_PADDING or
                mode == AC_NEIGHBORHOOD_ITER_MIRROR_PADDING) and arr.dimensions[i] == 0:
            raise ValueError("ACArray_NeighborhoodIterNew: circular and mirror padding "
                             "need non-empty axes")
    it.mode = mode
    if mode == AC_NEIGHBORHOOD_ITER_CONSTANT_PADDING:
        if fill is None:
            raise ValueError("ACArray_NeighborhoodIterNew: constant padding needs a fill value")
        f = copy_array(_asarray(fill, None, None), 0, arr.descr)
        if size_of(f.nd, f.dimensions) < 1:
            raise ValueError("ACArray_NeighborhoodIterNew: the fill value is empty")
    elif mode == AC_NEIGHBORHOOD_ITER_ZERO_PADDING or mode == AC_NEIGHBORHOOD_ITER_ONE_PADDING:
        f = new_array(arr.descr, 0, NULL, NULL, NULL, 0, None, True)
        if mode == AC_NEIGHBORHOOD_ITER_ONE_PADDING:
            setitem_ptr(arr.descr, f.data, 1)
    else:
        f = None
    it._fill = f
    it.constant = f.data if f is not None else NULL
    it._internal_iter = b
    if b.contiguous:
        # the contiguous walk does not keep coordinates: rebuild them, and
        # keep them up to date from now on
        ind = b.index
        for i in range(nd):
            b.coordinates[i] = ind // b.factors[i]
            ind %= b.factors[i]
        b.contiguous = 0
    it.translate = <translate_fn>_translate_neigh
    ACArrayNeighborhoodIter_Reset(<ACArrayNeighborhoodIterObject *><void *>it)
    return it


# ------------------------------------------------------------ index helpers

class ndindex:
    """ndindex(*shape): the N-d indices of an array of that shape, C order."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(int(s) for s in shape)
        for s in self._shape:
            if s < 0:
                raise ValueError("negative dimensions are not allowed")
        import itertools
        self._it = itertools.product(*[range(s) for s in self._shape])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """ndenumerate(a): pairs (index, value) over an array, C order."""

    def __init__(self, arr):
        self._flat = flatiter_of(arr)

    def __iter__(self):
        return self

    def __next__(self):
        f = self._flat
        coords = f.coords
        return coords, next(f)


# ------------------------------------------------------- layout checks

cdef int _check_layouts() except -1:
    cdef flatiter f = flatiter.__new__(flatiter)
    cdef broadcast m = broadcast.__new__(broadcast)
    cdef neighborhooditer n = neighborhooditer.__new__(neighborhooditer)
    checks = (
        (flatiter.__basicsize__, sizeof(ACArrayIterObject), "sizeof(ACArrayIterObject)"),
        (<char *>&f.translate - <char *><void *>f, offsetof_translate, "translate"),
        (<char *>&f.dataptr - <char *><void *>f, offsetof_dataptr, "dataptr"),
        (<char *>&f.contiguous - <char *><void *>f, offsetof_contig, "contiguous"),
        (<char *>&m.iters_[0] - <char *><void *>m, offsetof_iters, "iters"),
        (<char *>&n.mode - <char *><void *>n, offsetof_mode, "mode"),
        (<char *>&n.constant - <char *><void *>n, offsetof_internal + sizeof(void *), "constant"),
    )
    for got, want, what in checks:
        if got != want:
            raise ImportError(f"arraycore._classic_iter: the object layout does not match "
                              f"aciter.h ({what}: {got} != {want})")
    if broadcast.__basicsize__ != sizeof(ACArrayMultiIterObject):
        raise ImportError("arraycore._classic_iter: broadcast layout does not match ACArrayMultiIterObject")
    return 0


_check_layouts()


cdef object _flat_of(ndarray a):
    return flatiter_of(a)


core_impl.flat = _flat_of       # a.flat
