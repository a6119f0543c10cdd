# arraycore/_core_index.pxi -- part of the _core module (included by _core.pyx):
# basic indexing (integers, slices, None, Ellipsis) as views, a[i] of 1-d
# arrays as 0-d views, assignment through basic indices; advanced indices are
# handed to _indexing through the table (core_impl).


cdef ndarray index_view(ndarray a, ac_intp i):
    """a[i] for an in-range or negative integer i: a view of ndim-1."""
    cdef ac_intp n = a.dimensions[0]
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError(f"index {i - n if i < 0 else i} is out of bounds for axis 0 with size {n}")
    if a.nd == 1:
        return _scalar_view(a, a.data + i * a.strides[0])
    return make_view(a, a.nd - 1, a.dimensions + 1, a.strides + 1, a.data + i * a.strides[0])


cdef inline ndarray _scalar_view(ndarray a, char *data):
    """A 0-d view of one element of `a` (the hot path of a[i] on 1-d arrays)."""
    cdef ndarray v = _alloc()
    v.descr = a.descr
    v.dimensions = v._inline
    v.strides = v._inline
    v.nd = 0
    v.data = data
    v.flags = (a.flags & (AC_ARRAY_WRITEABLE | AC_ARRAY_RO_SOURCE)) | AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS
    if ((<uintptr_t>data) & <uintptr_t>(a.descr.alignment - 1)) == 0:
        v.flags |= AC_ARRAY_ALIGNED
    if a.base is not None and not (a.flags & (AC_ARRAY_OWNDATA | AC_ARRAY_WRITEBACKIFCOPY)):
        v.base = a.base
    else:
        v.base = a
    return v


cdef bint is_index_int(object k):
    """An integer index: Python ints (not bools), 0-d integer arrays, NumPy
    integer scalars (numbers.Integral) and other __index__ objects that are
    not array-likes."""
    if type(k) is int:
        return True
    if isinstance(k, bool):
        return False
    if isinstance(k, ndarray):
        return (<ndarray>k).nd == 0 and ((<ndarray>k).descr._kind == b"i" or (<ndarray>k).descr._kind == b"u")
    if isinstance(k, _Integral):
        return True
    return PyIndex_Check(k) and not hasattr(k, "__array_interface__") and not hasattr(k, "shape")


cdef int _basic_index(ndarray a, tuple key, ac_intp *shape, ac_intp *strides,
                      char **data) except -2:
    """Resolve a tuple of basic indices; returns the new ndim, or -1 when the
    key needs advanced indexing."""
    cdef int nkey = len(key), i, ax = 0, nd_out = 0, n_used = 0, ell = -1
    cdef Py_ssize_t start, stop, step, length, idx
    cdef char *p = a.data
    for i in range(nkey):
        k = key[i]
        if k is None:
            continue
        if k is Ellipsis:
            if ell >= 0:
                raise IndexError("an index can only have a single ellipsis ('...')")
            ell = i
            continue
        if isinstance(k, slice) or is_index_int(k):
            n_used += 1
            continue
        return -1
    if n_used > a.nd:
        raise IndexError(f"too many indices for array: array is {a.nd}-dimensional, "
                         f"but {n_used} were indexed")
    for i in range(nkey):
        k = key[i]
        if k is None:
            if nd_out >= AC_MAXDIMS:
                raise IndexError("too many dimensions after indexing")
            shape[nd_out] = 1
            strides[nd_out] = 0
            nd_out += 1
        elif k is Ellipsis:
            for _ in range(a.nd - n_used):
                if nd_out >= AC_MAXDIMS:
                    raise IndexError("too many dimensions after indexing")
                shape[nd_out] = a.dimensions[ax]
                strides[nd_out] = a.strides[ax]
                nd_out += 1
                ax += 1
        elif isinstance(k, slice):
            # CPython's slice arithmetic computes the length without overflow
            PySlice_Unpack(k, &start, &stop, &step)
            length = PySlice_AdjustIndices(a.dimensions[ax], &start, &stop, step)
            if nd_out >= AC_MAXDIMS:
                raise IndexError("too many dimensions after indexing")
            shape[nd_out] = length
            # the product only overflows when step is huge, and then the
            # length is 0 or 1 and the stride is never used
            if ac_size_mul(a.strides[ax], step, &strides[nd_out]) != 0:
                strides[nd_out] = a.strides[ax]
            if length > 0:
                p += start * a.strides[ax]
            nd_out += 1
            ax += 1
        else:
            idx = PyNumber_AsSsize_t(k, IndexError)
            if idx < 0:
                idx += a.dimensions[ax]
            if idx < 0 or idx >= a.dimensions[ax]:
                raise IndexError(f"index {k} is out of bounds for axis {ax} with size {a.dimensions[ax]}")
            p += idx * a.strides[ax]
            ax += 1
    while ax < a.nd:
        if nd_out >= AC_MAXDIMS:
            raise IndexError("too many dimensions after indexing")
        shape[nd_out] = a.dimensions[ax]
        strides[nd_out] = a.strides[ax]
        nd_out += 1
        ax += 1
    data[0] = p
    return nd_out


cdef extern from "Python.h":
    int PySlice_Unpack(object slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step) except -1
    Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)


cdef inline tuple _slice_indices(slice s, ac_intp n):
    cdef Py_ssize_t start, stop, step
    PySlice_Unpack(s, &start, &stop, &step)
    PySlice_AdjustIndices(n, &start, &stop, step)
    return start, stop, step


cdef object getitem(ndarray a, object key):
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef char *data
    cdef int nd
    cdef Py_ssize_t start, stop, step, length
    if type(key) is int and a.nd >= 1:
        return index_view(a, <ac_intp>key)
    if type(key) is slice and a.nd >= 1:
        PySlice_Unpack(key, &start, &stop, &step)
        length = PySlice_AdjustIndices(a.dimensions[0], &start, &stop, step)
        shape[0] = length
        if ac_size_mul(a.strides[0], step, &strides[0]) != 0:
            strides[0] = a.strides[0]         # length <= 1: the stride is unused
        for nd in range(1, a.nd):
            shape[nd] = a.dimensions[nd]
            strides[nd] = a.strides[nd]
        return make_view(a, a.nd, shape, strides, a.data + (start * a.strides[0] if length > 0 else 0))
    if type(key) is ndarray and (<ndarray>key).nd != 0:
        # an index array or mask (a 0-d array is an integer index): straight
        # to _indexing, which takes the key untupled
        return core_impl.adv_getitem(a, key)
    if type(key) is not tuple:
        key = (key,)
    nd = _basic_index(a, <tuple>key, shape, strides, &data)
    if nd >= 0:
        return make_view(a, nd, shape, strides, data)
    return core_impl.adv_getitem(a, key)


cdef int setitem(ndarray a, object key, object value) except -1:
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef char *data
    cdef int nd
    cdef ndarray view
    cdef ac_intp i
    check_writeable(a)
    if type(key) is int and a.nd == 1:
        i = <ac_intp>key
        if i < 0:
            i += a.dimensions[0]
        if i < 0 or i >= a.dimensions[0]:
            raise IndexError(f"index {key} is out of bounds for axis 0 with size {a.dimensions[0]}")
        t = type(value)
        if t is float or t is int or t is bool or t is complex:
            return setitem_ptr(a.descr, a.data + i * a.strides[0], value)
    if type(key) is ndarray and (<ndarray>key).nd != 0:
        return core_impl.adv_setitem(a, key, value)     # as in getitem
    if type(key) is not tuple:
        key = (key,)
    nd = _basic_index(a, <tuple>key, shape, strides, &data)
    if nd < 0:
        return core_impl.adv_setitem(a, key, value)
    view = make_view(a, nd, shape, strides, data)
    return assign(view, value)


cdef int assign(ndarray dst, object value) except -1:
    """dst[...] = value: scalars are filled, anything else converted and broadcast."""
    cdef ndarray src
    t = type(value)
    if t is float or t is int or t is bool or t is complex:
        return fill_array(dst, value)
    if isinstance(value, ndarray):
        src = <ndarray>value
    else:
        src = core_impl.asarray_for(value, dst.descr)
    return copy_into(dst, src)

