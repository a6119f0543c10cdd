# arraycore/_capi.pyx -- the C-API function table.
#
# Every entry of tools/api_spec.py is implemented here with its C signature,
# on top of the core (arraycore._core, arraycore._dtype), and the table of
# pointers is exported as the capsule `_C_API` ("arraycore._capi._C_API").
# The generated _capi_table.pxi declares a typed function pointer per entry
# and fills the table, so Cython checks each implementation against the spec.
#
# Conventions (see the spec): nothing steals a reference, results are new
# references, NULL or non-array arguments raise instead of crashing, errors
# return NULL / -1 / 0 with an exception set.  Callers hold the GIL.
from cpython.object cimport PyObject, PyTypeObject
from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.ref cimport Py_INCREF
from cpython.pycapsule cimport PyCapsule_New
from libc.string cimport memcpy

from arraycore._types cimport (ac_intp, ACArrayObject, ACArray_Descr, AC_MAXDIMS,
    AC_NOTYPE, AC_ARRAY_C_CONTIGUOUS, AC_ARRAY_F_CONTIGUOUS, AC_ARRAY_ALIGNED,
    AC_ARRAY_WRITEABLE, AC_ARRAY_NOTSWAPPED, AC_ARRAY_ENSURECOPY, AC_ARRAY_ENSUREARRAY,
    AC_ARRAY_ENSURENOCOPY, AC_ARRAY_FORCECAST, AC_ARRAY_WRITEBACKIFCOPY,
    AC_ARRAY_ELEMENTSTRIDES, AC_ARRAY_DEFAULT, AC_ARRAY_OWNDATA,
    AC_ANYORDER, AC_CORDER, AC_FORTRANORDER, AC_KEEPORDER)
from arraycore._dtype cimport (dtype, as_dtype, descr_from_typenum, native, can_cast_descr, promote,
    default_float, SAFE_CASTING, UNSAFE_CASTING)
from arraycore._core cimport (ndarray, new_array, make_view, size_of, copy_into,
    copy_array, fill_array, shape_from_obj)
from arraycore._convert cimport from_any, as_array

cdef extern from "Python.h":
    PyObject *PyErr_Occurred()
    int PyIndex_Check(object o)
    Py_ssize_t PyNumber_AsSsize_t(object o, object exc) except? -1

cdef extern from "arraycore/acapitypes.h":
    ctypedef struct ACArray_Dims:
        ac_intp *ptr
        int len
    int AC_RAVEL_AXIS

cdef extern from "arraycore/actypes.h":
    ctypedef int AC_ORDER
    ctypedef int AC_CASTING

# ---- the iterator types of the table (arraycore/aciter.h)
from arraycore._types cimport ac_uint32
from arraycore._iter cimport (ACIter, aci_next_fn, iter_build, iter_release, iter_get_next,
    iter_reset_range, iter_goto_iterindex, iter_goto_multi_index, iter_goto_index,
    iter_remove_axis, iter_remove_multi_index, iter_enable_external_loop, iter_copy,
    iter_view, iter_shape, iter_check_error, foreach_slice, aci_reset, aci_get_multi_index,
    AC_MAXARGS, AC_ITER_MULTI_INDEX, AC_ITER_EXTERNAL_LOOP, AC_ITER_BUFFERED,
    AC_ITER_READONLY, ACI_HASINDEX, ACI_BUFMODE, ACI_OP_BUFFER, ACI_MULTIROW)
from arraycore._iter cimport aci_slice_fn

cdef extern from "arraycore/aciter.h":
    ctypedef int ACIter_IterNextFunc(ACIter *it) noexcept nogil
    ctypedef void ACIter_GetMultiIndexFunc(ACIter *it, ac_intp *out) noexcept nogil
    ctypedef int ACIter_SliceFunc(char **dataptrs, const ac_intp *shape,
                                  const ac_intp *strides, void *ctx) noexcept nogil
    ctypedef struct ACArrayIterObject
    ctypedef struct ACArrayMultiIterObject

from arraycore._ufunc cimport ufunc, new_ufunc, register_loop, ACUFuncGenericFunction
from arraycore._errstate cimport sigint_on, sigint_off, sigint_pending
from arraycore._gufunc cimport new_gufunc

# the FFT engine of libaccore (src/ac_fft.c): the ACFFT_* entries wrap its plans
cdef extern from "ac_fft.h" nogil:
    ctypedef struct ACFFT_Plan
    enum:
        AC_FFT_C2C
        AC_FFT_R2C
        AC_FFT_C2R
        AC_FFT_DOUBLE
        AC_FFT_FLOAT
        AC_FFT_EBADARGS
    ACFFT_Plan *ac_fft_plan_new(int kind, int prec, ac_intp n)
    void ac_fft_plan_free(ACFFT_Plan *p)
    int ac_fft_plan_execute(const ACFFT_Plan *p, int forward, double fct, ac_intp howmany,
                            const char *in_, ac_intp idist, ac_intp iax,
                            char *out, ac_intp odist, ac_intp oax)

include "_capi_table.pxi"

ABI_VERSION = _AC_ABI_VERSION
API_VERSION = _AC_API_VERSION
TABLE_SIZE = _AC_API_TABLE_SIZE

# ------------------------------------------------------------ argument checks

cdef ndarray _arr(void *p, str fn):
    if p == NULL:
        raise TypeError(f"{fn}: NULL passed for an array argument")
    o = <object>p
    if not isinstance(o, ndarray):
        raise TypeError(f"{fn}: expected an arraycore.ndarray, got {type(o).__name__!r}")
    return <ndarray>o


cdef dtype _descr(void *p, str fn, bint allow_null):
    if p == NULL or <object>p is None:
        if allow_null:
            return None
        raise TypeError(f"{fn}: NULL passed for a dtype argument")
    o = <object>p
    if not isinstance(o, dtype):
        raise TypeError(f"{fn}: expected an arraycore.dtype, got {type(o).__name__!r}")
    return <dtype>o


cdef dtype _descr_from_typenum(int type_num, str fn):
    cdef dtype d = descr_from_typenum(type_num)
    if d is None:
        raise ValueError(f"{fn}: unknown or unsupported type number {type_num}")
    return d


cdef int _check_dims(int nd, const ac_intp *dims, str fn) except -1:
    if nd < 0 or nd > AC_MAXDIMS:
        raise ValueError(f"{fn}: number of dimensions must be within [0, {AC_MAXDIMS}], got {nd}")
    if nd > 0 and dims == NULL:
        raise ValueError(f"{fn}: dims is NULL for a {nd}-d array")
    size_of(nd, dims)   # ValueError on negative or overflowing shapes
    return 0


cdef int _check_subtype(PyTypeObject *subtype, str fn) except -1:
    if subtype != NULL and subtype != <PyTypeObject *>ndarray:
        raise TypeError(f"{fn}: subtype must be NULL or &ACArray_Type "
                        "(subclasses are not supported)")
    return 0


# --------------------------------------------------------------- FromAny

cdef object _from_any(str fn, PyObject *op, ACArray_Descr *dt, int min_depth,
                      int max_depth, int req, bint check):
    # the requirements are handled by the typed converter of _convert (not by
    # arraycore.asarray, which a user may rebind)
    if op == NULL:
        raise TypeError(f"{fn}: NULL object")
    return from_any(<object>op, _descr(dt, fn, True), min_depth, max_depth, req, check, fn)


cdef object capi_FromAny(PyObject *op, ACArray_Descr *dt, int min_depth, int max_depth,
                         int requirements, PyObject *context):
    return _from_any("ACArray_FromAny", op, dt, min_depth, max_depth, requirements, False)


cdef object capi_CheckFromAny(PyObject *op, ACArray_Descr *dt, int min_depth, int max_depth,
                              int requirements, PyObject *context):
    return _from_any("ACArray_CheckFromAny", op, dt, min_depth, max_depth, requirements, True)


cdef object capi_ContiguousFromAny(PyObject *op, int type_num, int min_depth, int max_depth):
    cdef dtype d = None
    if type_num != AC_NOTYPE:
        d = _descr_from_typenum(type_num, "ACArray_ContiguousFromAny")
    return _from_any("ACArray_ContiguousFromAny", op, <ACArray_Descr *>d if d is not None else NULL,
                     min_depth, max_depth, AC_ARRAY_DEFAULT, False)


cdef int _writeback(ACArrayObject *a, str fn, bint discard) except -1:
    cdef ndarray arr, orig
    if a == NULL:
        return 0
    arr = _arr(a, fn)
    if not (arr.flags & AC_ARRAY_WRITEBACKIFCOPY):
        return 0
    arr.flags &= ~AC_ARRAY_WRITEBACKIFCOPY
    if not isinstance(arr.base, ndarray):
        return 0
    orig = <ndarray>arr.base
    orig.flags |= AC_ARRAY_WRITEABLE
    if not discard:
        copy_into(orig, arr)
    arr.base = None
    return 1


cdef int capi_ResolveWritebackIfCopy(ACArrayObject *a) except -1:
    return _writeback(a, "ACArray_ResolveWritebackIfCopy", False)


cdef int capi_DiscardWritebackIfCopy(ACArrayObject *a) except -1:
    return _writeback(a, "ACArray_DiscardWritebackIfCopy", True)


# --------------------------------------------------------------- creation

cdef object _new_from_descr(str fn, PyTypeObject *subtype, dtype d, int nd,
                            const ac_intp *dims, const ac_intp *strides, void *data,
                            int flags, PyObject *obj):
    cdef int i
    _check_subtype(subtype, fn)
    _check_dims(nd, dims, fn)
    if data == NULL:
        # new memory: contiguous (Fortran order when flags is non-zero), or
        # laid out by the given strides
        return new_array(d, nd, dims, strides, NULL, 0, None, False, flags != 0)
    base = None if obj == NULL else <object>obj
    return new_array(d, nd, dims, strides, <char *>data, flags & AC_ARRAY_WRITEABLE, base,
                     False, (flags & AC_ARRAY_F_CONTIGUOUS) != 0
                     and (flags & AC_ARRAY_C_CONTIGUOUS) == 0)


cdef object capi_NewFromDescr(PyTypeObject *subtype, ACArray_Descr *descr, int nd,
                              const ac_intp *dims, const ac_intp *strides, void *data,
                              int flags, PyObject *obj):
    cdef str fn = "ACArray_NewFromDescr"
    return _new_from_descr(fn, subtype, _descr(descr, fn, False), nd, dims, strides,
                           data, flags, obj)


cdef object capi_New(PyTypeObject *subtype, int nd, const ac_intp *dims, int type_num,
                     const ac_intp *strides, void *data, int itemsize, int flags,
                     PyObject *obj):
    cdef str fn = "ACArray_New"
    cdef dtype d = _descr_from_typenum(type_num, fn)
    if itemsize != 0 and itemsize != d.itemsize:
        raise ValueError(f"{fn}: itemsize {itemsize} does not match the item size "
                         f"{d.itemsize} of {d!r}")
    return _new_from_descr(fn, subtype, d, nd, dims, strides, data, flags, obj)


cdef object capi_SimpleNew(int nd, const ac_intp *dims, int type_num):
    cdef str fn = "ACArray_SimpleNew"
    return _new_from_descr(fn, NULL, _descr_from_typenum(type_num, fn), nd, dims,
                           NULL, NULL, 0, NULL)


cdef object capi_SimpleNewFromData(int nd, const ac_intp *dims, int type_num, void *data):
    cdef str fn = "ACArray_SimpleNewFromData"
    return _new_from_descr(fn, NULL, _descr_from_typenum(type_num, fn), nd, dims,
                           NULL, data, 0 if data == NULL else AC_ARRAY_C_CONTIGUOUS
                           | AC_ARRAY_WRITEABLE | AC_ARRAY_ALIGNED, NULL)


cdef object _zeros_or_empty(str fn, int nd, const ac_intp *dims, ACArray_Descr *descr,
                            int fortran, bint zero):
    cdef dtype d = _descr(descr, fn, True)
    if d is None:
        d = default_float()
    _check_dims(nd, dims, fn)
    return new_array(d, nd, dims, NULL, NULL, 0, None, zero, fortran != 0)


cdef object capi_Zeros(int nd, const ac_intp *dims, ACArray_Descr *descr, int fortran):
    return _zeros_or_empty("ACArray_Zeros", nd, dims, descr, fortran, True)


cdef object capi_Empty(int nd, const ac_intp *dims, ACArray_Descr *descr, int fortran):
    return _zeros_or_empty("ACArray_Empty", nd, dims, descr, fortran, False)


cdef int _check_order(int order, str fn) except -1:
    if order != AC_ANYORDER and order != AC_CORDER and order != AC_FORTRANORDER \
            and order != AC_KEEPORDER:
        raise ValueError(f"{fn}: invalid order {order}")
    return 0


cdef object capi_NewCopy(ACArrayObject *a, AC_ORDER order):
    cdef str fn = "ACArray_NewCopy"
    cdef ndarray arr = _arr(a, fn)
    _check_order(order, fn)
    return copy_array(arr, order)


cdef object capi_CastToType(ACArrayObject *a, ACArray_Descr *descr, int fortran):
    cdef str fn = "ACArray_CastToType"
    cdef ndarray arr = _arr(a, fn)
    cdef dtype d = _descr(descr, fn, False)
    return copy_array(arr, AC_FORTRANORDER if fortran else AC_CORDER, d)


cdef int capi_CopyInto(ACArrayObject *dst, ACArrayObject *src) except -1:
    cdef str fn = "ACArray_CopyInto"
    cdef ndarray d = _arr(dst, fn)
    cdef ndarray s = _arr(src, fn)
    copy_into(d, s)
    return 0


cdef int capi_FillWithScalar(ACArrayObject *a, PyObject *obj) except -1:
    cdef str fn = "ACArray_FillWithScalar"
    cdef ndarray arr = _arr(a, fn)
    if obj == NULL:
        raise TypeError(f"{fn}: NULL value")
    fill_array(arr, <object>obj)
    return 0


# ------------------------------------------------------------------ shape

cdef tuple _dims_tuple(ACArray_Dims *dims, str fn, str what):
    cdef int i
    if dims.len < 0 or dims.len > AC_MAXDIMS:
        raise ValueError(f"{fn}: {what} length must be within [0, {AC_MAXDIMS}], got {dims.len}")
    if dims.len > 0 and dims.ptr == NULL:
        raise ValueError(f"{fn}: {what}.ptr is NULL")
    return tuple([dims.ptr[i] for i in range(dims.len)])


cdef object capi_Newshape(ACArrayObject *a, ACArray_Dims *newshape, AC_ORDER order):
    cdef str fn = "ACArray_Newshape"
    cdef ndarray arr = _arr(a, fn)
    if newshape == NULL:
        raise TypeError(f"{fn}: NULL newshape")
    shape = _dims_tuple(newshape, fn, "newshape")
    if order == AC_CORDER:
        o = "C"
    elif order == AC_FORTRANORDER:
        o = "F"
    elif order == AC_ANYORDER:
        o = "A"
    else:
        raise ValueError(f"{fn}: order must be AC_CORDER, AC_FORTRANORDER or AC_ANYORDER")
    return arr.reshape(shape, order=o)


cdef object capi_Transpose(ACArrayObject *a, ACArray_Dims *permute):
    cdef str fn = "ACArray_Transpose"
    cdef ndarray arr = _arr(a, fn)
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int seen[AC_MAXDIMS]
    cdef int i, nd = arr.nd
    cdef ac_intp ax
    for i in range(nd):
        seen[i] = 0
    if permute == NULL:
        for i in range(nd):
            shape[i] = arr.dimensions[nd - 1 - i]
            strides[i] = arr.strides[nd - 1 - i]
    else:
        if permute.len != nd:
            raise ValueError(f"{fn}: axes don't match array (permutation of length "
                             f"{permute.len} for a {nd}-d array)")
        if nd > 0 and permute.ptr == NULL:
            raise ValueError(f"{fn}: permute.ptr is NULL")
        for i in range(nd):
            ax = permute.ptr[i]
            if ax < -nd or ax >= nd:
                raise ValueError(f"{fn}: axis {ax} is out of bounds for a {nd}-d array")
            if ax < 0:
                ax += nd
            if seen[ax]:
                raise ValueError(f"{fn}: repeated axis {ax} in the permutation")
            seen[ax] = 1
            shape[i] = arr.dimensions[ax]
            strides[i] = arr.strides[ax]
    return make_view(arr, nd, shape, strides, arr.data)


cdef object capi_Return(ACArrayObject *a):
    if a == NULL:
        # pass an error of the caller through, as NumPy's PyArray_Return does
        raise_if_set()
        raise TypeError("ACArray_Return: NULL array")
    return _arr(a, "ACArray_Return")


cdef int raise_if_set() except -1:
    if PyErr_Occurred() != NULL:
        return -1
    return 0


# ------------------------------------------------------------- data types

cdef object capi_DescrFromType(int type_num):
    return _descr_from_typenum(type_num, "ACArray_DescrFromType")


cdef int capi_CanCastTypeTo(ACArray_Descr *fromtype, ACArray_Descr *totype,
                            AC_CASTING casting) except? 0:
    cdef str fn = "ACArray_CanCastTypeTo"
    cdef dtype a = _descr(fromtype, fn, False)
    cdef dtype b = _descr(totype, fn, False)
    if <int>casting < 0 or <int>casting > <int>UNSAFE_CASTING:
        raise ValueError(f"{fn}: invalid casting level {casting}")
    return 1 if can_cast_descr(a, b, casting) else 0


cdef object capi_PromoteTypes(ACArray_Descr *type1, ACArray_Descr *type2):
    cdef str fn = "ACArray_PromoteTypes"
    return promote(_descr(type1, fn, False), _descr(type2, fn, False))


cdef int capi_Check(PyObject *op) except? 0:
    return op != NULL and isinstance(<object>op, ndarray)


cdef int capi_CheckExact(PyObject *op) except? 0:
    return op != NULL and type(<object>op) is ndarray


# ------------------------------------------------------------- converters

cdef int capi_DescrConverter(PyObject *obj, ACArray_Descr **out) except 0:
    cdef str fn = "ACArray_DescrConverter"
    cdef dtype d
    if out == NULL:
        raise TypeError(f"{fn}: NULL output pointer")
    if obj == NULL:
        raise TypeError(f"{fn}: NULL object")
    o = <object>obj
    if o is None:
        d = default_float()
    else:
        d = as_dtype(o)
    Py_INCREF(d)
    out[0] = <ACArray_Descr *>d
    return 1


cdef int capi_IntpConverter(PyObject *obj, ACArray_Dims *out) except 0:
    cdef str fn = "ACArray_IntpConverter"
    cdef int n, i
    cdef ac_intp *p
    if out == NULL:
        raise TypeError(f"{fn}: NULL output pointer")
    if obj == NULL:
        raise TypeError(f"{fn}: NULL object")
    cdef ac_intp dims[AC_MAXDIMS]
    n = shape_from_obj(<object>obj, dims, True)   # the one shape parser; -1 allowed
    p = <ac_intp *>PyMem_Malloc((n if n > 0 else 1) * sizeof(ac_intp))
    if p == NULL:
        raise MemoryError()
    for i in range(n):
        p[i] = dims[i]
    out.ptr = p
    out.len = n
    return 1


cdef int capi_AxisConverter(PyObject *obj, int *axis) except 0:
    cdef str fn = "ACArray_AxisConverter"
    cdef Py_ssize_t v
    if axis == NULL:
        raise TypeError(f"{fn}: NULL output pointer")
    if obj == NULL:
        raise TypeError(f"{fn}: NULL object")
    o = <object>obj
    if o is None:
        axis[0] = AC_RAVEL_AXIS
        return 1
    if not PyIndex_Check(o):
        raise TypeError(f"an integer is required for the axis, got {type(o).__name__!r}")
    v = PyNumber_AsSsize_t(o, OverflowError)
    if v < -2147483647 or v > 2147483647:
        raise ValueError(f"axis {v} is out of range")
    axis[0] = <int>v
    return 1


cdef int capi_OrderConverter(PyObject *obj, AC_ORDER *order) except 0:
    cdef str fn = "ACArray_OrderConverter"
    if order == NULL:
        raise TypeError(f"{fn}: NULL output pointer")
    if obj == NULL:
        raise TypeError(f"{fn}: NULL object")
    o = <object>obj
    if o is None:
        return 1
    if isinstance(o, bytes):
        o = (<bytes>o).decode("latin-1")
    if not isinstance(o, str):
        raise TypeError(f"order must be a str, not {type(o).__name__!r}")
    s = (<str>o).upper()
    if s == "C":
        order[0] = AC_CORDER
    elif s == "F":
        order[0] = AC_FORTRANORDER
    elif s == "A":
        order[0] = AC_ANYORDER
    elif s == "K":
        order[0] = AC_KEEPORDER
    else:
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {o!r})")
    return 1


# ---------------------------------------------------------- element access

cdef void *capi_GetPtr(ACArrayObject *a, const ac_intp *ind) except NULL:
    cdef str fn = "ACArray_GetPtr"
    cdef ndarray arr = _arr(a, fn)
    cdef int i
    cdef char *p = arr.data
    if arr.nd > 0 and ind == NULL:
        raise ValueError(f"{fn}: NULL index for a {arr.nd}-d array")
    for i in range(arr.nd):
        if ind[i] < 0 or ind[i] >= arr.dimensions[i]:
            raise IndexError(f"{fn}: index {ind[i]} is out of bounds for axis {i} "
                             f"with size {arr.dimensions[i]}")
        p += ind[i] * arr.strides[i]
    if p == NULL:   # a 0-size allocation cannot be indexed; keep NULL for errors only
        raise IndexError(f"{fn}: the array has no data")
    return <void *>p


# --------------------------------------------------------------- iterators
# Thin wrappers over arraycore._classic_iter and arraycore._iter (one engine).

cdef object _classic_iter_mod = None

cdef object _fi():
    global _classic_iter_mod
    if _classic_iter_mod is None:
        import arraycore._classic_iter
        _classic_iter_mod = arraycore._classic_iter
    return _classic_iter_mod


cdef object capi_IterNew(PyObject *op):
    if op == NULL:
        raise TypeError("ACArray_IterNew: NULL object")
    return _fi().flatiter_of(<object>op)


cdef object capi_IterAllButAxis(PyObject *op, int *axis):
    cdef str fn = "ACArray_IterAllButAxis"
    if op == NULL:
        raise TypeError(f"{fn}: NULL object")
    if axis == NULL:
        raise TypeError(f"{fn}: NULL axis pointer")
    if axis[0] < 0:
        axis[0] = _fi().smallest_stride_axis(<object>op)
    return _fi().iter_all_but_axis(<object>op, axis[0])


cdef object capi_BroadcastToShape(PyObject *op, const ac_intp *dims, int nd):
    cdef str fn = "ACArray_BroadcastToShape"
    if op == NULL:
        raise TypeError(f"{fn}: NULL object")
    _check_dims(nd, dims, fn)
    return _fi().broadcast_to_shape(<object>op, tuple([dims[i] for i in range(nd)]))


cdef object capi_MultiIterFromObjects(PyObject **objs, int n):
    cdef str fn = "ACArray_MultiIterFromObjects"
    cdef int i
    if n < 1 or n > AC_MAXARGS:
        raise ValueError(f"{fn}: need at least 1 and at most {AC_MAXARGS} objects, got {n}")
    if objs == NULL:
        raise TypeError(f"{fn}: NULL object array")
    lst = []
    for i in range(n):
        if objs[i] == NULL:
            raise TypeError(f"{fn}: object {i} is NULL")
        lst.append(<object>objs[i])
    return _fi().multi_iter_from_objects(lst)


cdef object capi_NeighborhoodIterNew(ACArrayIterObject *iter, const ac_intp *bounds, int mode,
                                     PyObject *fill):
    cdef str fn = "ACArray_NeighborhoodIterNew"
    cdef int i
    if iter == NULL:
        raise TypeError(f"{fn}: NULL iterator")
    base = <object><void *>iter
    if not isinstance(base, _fi().flatiter):
        raise TypeError(f"{fn}: expected a flat iterator, got {type(base).__name__!r}")
    if bounds == NULL:
        raise TypeError(f"{fn}: NULL bounds")
    nd = base.base.ndim
    b = [bounds[i] for i in range(2 * nd)]
    return _fi().neighborhood_iter_new(base, b, mode, None if fill == NULL else <object>fill)


cdef PyTypeObject *capi_IterTypeObject() except NULL:
    t = _fi().flatiter   # kept alive by the module
    return <PyTypeObject *>t


cdef PyTypeObject *capi_MultiIterTypeObject() except NULL:
    t = _fi().broadcast   # kept alive by the module
    return <PyTypeObject *>t


cdef PyTypeObject *capi_NeighborhoodIterTypeObject() except NULL:
    t = _fi().neighborhooditer   # kept alive by the module
    return <PyTypeObject *>t


cdef ACIter *_it(ACIter *it, str fn) except NULL:
    if it == NULL:
        raise TypeError(f"{fn}: NULL iterator")
    return it


cdef list _op_list(int nop, ACArrayObject **op, str fn):
    cdef int i
    if nop < 1 or nop > AC_MAXARGS:
        raise ValueError(f"{fn}: nop must be within [1, {AC_MAXARGS}], got {nop}")
    if op == NULL:
        raise TypeError(f"{fn}: NULL operand array")
    out = []
    for i in range(nop):
        out.append(None if op[i] == NULL else _arr(op[i], fn))
    return out


cdef ACIter *_advanced(str fn, int nop, ACArrayObject **op, ac_uint32 flags, int order,
                       int casting, ac_uint32 *op_flags, ACArray_Descr **op_dtypes,
                       int oa_ndim, int **op_axes, const ac_intp *itershape,
                       ac_intp buffersize) except NULL:
    cdef int i, d
    ops = _op_list(nop, op, fn)
    if op_flags == NULL:
        raise TypeError(f"{fn}: NULL op_flags")
    flist = [op_flags[i] for i in range(nop)]
    dts = None
    if op_dtypes != NULL:
        dts = [None if op_dtypes[i] == NULL else _descr(op_dtypes[i], fn, False)
               for i in range(nop)]
    axes = None
    shape = None
    if op_axes != NULL and oa_ndim > 0:
        if oa_ndim > AC_MAXDIMS:
            raise ValueError(f"{fn}: oa_ndim {oa_ndim} is larger than {AC_MAXDIMS}")
        axes = [None if op_axes[i] == NULL else [op_axes[i][d] for d in range(oa_ndim)]
                for i in range(nop)]
        if all(a is None for a in axes):
            raise ValueError(f"{fn}: op_axes has only NULL entries")
    elif op_axes != NULL and oa_ndim == 0:
        axes = [[] for i in range(nop)]
    elif oa_ndim > 0 and op_axes == NULL:
        raise ValueError(f"{fn}: oa_ndim is {oa_ndim} but op_axes is NULL")
    if itershape != NULL:
        if oa_ndim < 0:
            raise ValueError(f"{fn}: itershape needs oa_ndim >= 0")
        shape = [itershape[d] for d in range(oa_ndim)]
    return iter_build(ops, flags, flist, dts, order, casting, axes, shape, buffersize)


cdef ACIter *capi_IterNew1(ACArrayObject *op, ac_uint32 flags, AC_ORDER order,
                           AC_CASTING casting, ACArray_Descr *dtype) except NULL:
    cdef str fn = "ACIter_New"
    cdef ac_uint32 f = AC_ITER_READONLY
    cdef ACArray_Descr *d[1]
    d[0] = dtype
    if op == NULL:
        raise TypeError(f"{fn}: NULL array")
    return _advanced(fn, 1, &op, flags, order, casting, &f, d, -1, NULL, NULL, 0)


cdef ACIter *capi_IterMultiNew(int nop, ACArrayObject **op, ac_uint32 flags, AC_ORDER order,
                               AC_CASTING casting, ac_uint32 *op_flags,
                               ACArray_Descr **op_dtypes) except NULL:
    return _advanced("ACIter_MultiNew", nop, op, flags, order, casting, op_flags, op_dtypes,
                     -1, NULL, NULL, 0)


cdef ACIter *capi_IterAdvancedNew(int nop, ACArrayObject **op, ac_uint32 flags, AC_ORDER order,
                                  AC_CASTING casting, ac_uint32 *op_flags,
                                  ACArray_Descr **op_dtypes, int oa_ndim, int **op_axes,
                                  const ac_intp *itershape, ac_intp buffersize) except NULL:
    return _advanced("ACIter_AdvancedNew", nop, op, flags, order, casting, op_flags, op_dtypes,
                     oa_ndim, op_axes, itershape, buffersize)


cdef int capi_IterDeallocate(ACIter *it) except -1:
    return iter_release(it)


cdef ACIter *capi_IterCopy(ACIter *it) except NULL:
    return iter_copy(_it(it, "ACIter_Copy"))


# errmsg: NumPy's convention -- with a message pointer, report through it
# and leave no exception set (the text lives in a static buffer).
cdef char _errbuf[512]

cdef int _to_errmsg(char **errmsg) noexcept:
    """Move the pending exception into *errmsg; returns -1."""
    cdef bytes b
    import sys
    e = sys.exc_info()[1]
    b = (f"{type(e).__name__}: {e}" if e is not None else "error").encode("utf-8")[:511]
    memcpy(_errbuf, <char *>b, len(b))
    _errbuf[len(b)] = 0
    errmsg[0] = _errbuf
    return -1


cdef int capi_IterReset(ACIter *it, char **errmsg) except -1:
    try:
        _it(it, "ACIter_Reset")
        aci_reset(it)
        iter_check_error(it)
    except Exception:
        if errmsg == NULL:
            raise
        return _to_errmsg(errmsg)
    return 0


cdef int capi_IterResetToIterIndexRange(ACIter *it, ac_intp istart, ac_intp iend,
                                        char **errmsg) except -1:
    try:
        iter_reset_range(_it(it, "ACIter_ResetToIterIndexRange"), istart, iend)
    except Exception:
        if errmsg == NULL:
            raise
        return _to_errmsg(errmsg)
    return 0


cdef int capi_IterResetBasePointers(ACIter *it, char **baseptrs, char **errmsg) except -1:
    cdef int i
    try:
        _it(it, "ACIter_ResetBasePointers")
        if baseptrs == NULL:
            raise TypeError("ACIter_ResetBasePointers: NULL baseptrs")
        if it.flags & ACI_BUFMODE:
            aci_reset(it)     # write pending buffers back to the old operands first
        for i in range(it.nop):
            it.baseptrs[i] = baseptrs[i] + it.baseoffsets[i]
        aci_reset(it)
        iter_check_error(it)
    except Exception:
        if errmsg == NULL:
            raise
        return _to_errmsg(errmsg)
    return 0


cdef int capi_IterGotoIterIndex(ACIter *it, ac_intp i) except -1:
    return iter_goto_iterindex(_it(it, "ACIter_GotoIterIndex"), i)


cdef int capi_IterGotoMultiIndex(ACIter *it, const ac_intp *idx) except -1:
    _it(it, "ACIter_GotoMultiIndex")
    if idx == NULL:
        raise TypeError("ACIter_GotoMultiIndex: NULL multi_index")
    return iter_goto_multi_index(it, idx)


cdef int capi_IterGotoIndex(ACIter *it, ac_intp i) except -1:
    return iter_goto_index(_it(it, "ACIter_GotoIndex"), i)


cdef ac_intp capi_IterGetIterIndex(ACIter *it) except -1:
    return _it(it, "ACIter_GetIterIndex").iterindex


cdef ac_intp capi_IterGetIterSize(ACIter *it) except -1:
    return _it(it, "ACIter_GetIterSize").itersize


cdef int capi_IterGetIterIndexRange(ACIter *it, ac_intp *istart, ac_intp *iend) except -1:
    _it(it, "ACIter_GetIterIndexRange")
    if istart == NULL or iend == NULL:
        raise TypeError("ACIter_GetIterIndexRange: NULL output pointer")
    istart[0] = it.iterstart
    iend[0] = it.iterend
    return 0


cdef ACIter_IterNextFunc *capi_IterGetIterNext(ACIter *it, char **errmsg) except NULL:
    try:
        _it(it, "ACIter_GetIterNext")
    except Exception:
        if errmsg == NULL:
            raise
        _to_errmsg(errmsg)
        return NULL
    return <ACIter_IterNextFunc *>iter_get_next(it)


cdef void _get_multi_index(ACIter *it, ac_intp *out) noexcept nogil:
    aci_get_multi_index(it, out)


cdef ACIter_GetMultiIndexFunc *capi_IterGetGetMultiIndex(ACIter *it, char **errmsg) except NULL:
    try:
        _it(it, "ACIter_GetGetMultiIndex")
        if not (it.flags & AC_ITER_MULTI_INDEX):
            raise ValueError("Cannot retrieve a GetMultiIndex function for an iterator "
                             "that doesn't track a multi-index.")
    except Exception:
        if errmsg == NULL:
            raise
        _to_errmsg(errmsg)
        return NULL
    return <ACIter_GetMultiIndexFunc *>_get_multi_index


cdef char **capi_IterGetDataPtrArray(ACIter *it) except NULL:
    return _it(it, "ACIter_GetDataPtrArray").dataptrs


cdef char **capi_IterGetInitialDataPtrArray(ACIter *it) except NULL:
    return _it(it, "ACIter_GetInitialDataPtrArray").baseptrs


cdef ac_intp *capi_IterGetIndexPtr(ACIter *it) except NULL:
    _it(it, "ACIter_GetIndexPtr")
    if not (it.flags & ACI_HASINDEX):
        raise ValueError("ACIter_GetIndexPtr: the iterator tracks no C or F index")
    return <ac_intp *>&it.dataptrs[it.nop]


cdef ac_intp *capi_IterGetInnerStrideArray(ACIter *it) except NULL:
    return _it(it, "ACIter_GetInnerStrideArray").innerstrides


cdef ac_intp *capi_IterGetInnerLoopSizePtr(ACIter *it) except NULL:
    return &_it(it, "ACIter_GetInnerLoopSizePtr").innersize


cdef int capi_IterGetInnerFixedStrideArray(ACIter *it, ac_intp *out) except -1:
    cdef int i
    _it(it, "ACIter_GetInnerFixedStrideArray")
    if out == NULL:
        raise TypeError("ACIter_GetInnerFixedStrideArray: NULL output")
    for i in range(it.nop):
        if it.flags & ACI_MULTIROW:
            out[i] = it.bufinfo[i].itemsize
        elif it.opflags[i] & ACI_OP_BUFFER:
            out[i] = 0 if it.strides[(it.ndim - 1) * it.ntot + i] == 0 else it.bufinfo[i].itemsize
        else:
            out[i] = it.strides[(it.ndim - 1) * it.ntot + i]
    return 0


cdef int capi_IterGetNDim(ACIter *it) except -1:
    _it(it, "ACIter_GetNDim")
    return len(iter_shape(it))


cdef int capi_IterGetNOp(ACIter *it) except -1:
    return _it(it, "ACIter_GetNOp").nop


cdef int capi_IterGetShape(ACIter *it, ac_intp *outshape) except -1:
    cdef int i
    _it(it, "ACIter_GetShape")
    if outshape == NULL:
        raise TypeError("ACIter_GetShape: NULL output")
    shp = iter_shape(it)
    for i in range(len(shp)):
        outshape[i] = shp[i]
    return 0


cdef ACArrayObject **capi_IterGetOperandArray(ACIter *it) except NULL:
    return <ACArrayObject **>_it(it, "ACIter_GetOperandArray").opobjs


cdef ACArray_Descr **capi_IterGetDescrArray(ACIter *it) except NULL:
    return <ACArray_Descr **>_it(it, "ACIter_GetDescrArray").opdescrs


cdef object capi_IterGetIterView(ACIter *it, ac_intp i):
    _it(it, "ACIter_GetIterView")
    if i < 0 or i >= it.nop:
        raise IndexError(f"ACIter_GetIterView: operand {i} out of range [0, {it.nop})")
    return iter_view(it, <int>i)


cdef int capi_IterHasMultiIndex(ACIter *it) except? 0:
    return (_it(it, "ACIter_HasMultiIndex").flags & AC_ITER_MULTI_INDEX) != 0


cdef int capi_IterHasIndex(ACIter *it) except? 0:
    return (_it(it, "ACIter_HasIndex").flags & ACI_HASINDEX) != 0


cdef int capi_IterHasExternalLoop(ACIter *it) except? 0:
    return (_it(it, "ACIter_HasExternalLoop").flags & AC_ITER_EXTERNAL_LOOP) != 0


cdef int capi_IterRequiresBuffering(ACIter *it) except? 0:
    return (_it(it, "ACIter_RequiresBuffering").flags & ACI_BUFMODE) != 0


cdef int capi_IterIsBuffered(ACIter *it) except? 0:
    return (_it(it, "ACIter_IsBuffered").flags & AC_ITER_BUFFERED) != 0


cdef ac_intp capi_IterGetBufferSize(ACIter *it) except -1:
    _it(it, "ACIter_GetBufferSize")
    return it.buffersize if (it.flags & AC_ITER_BUFFERED) else 0


cdef int capi_IterRemoveAxis(ACIter *it, int axis) except -1:
    return iter_remove_axis(_it(it, "ACIter_RemoveAxis"), axis)


cdef int capi_IterRemoveMultiIndex(ACIter *it) except -1:
    return iter_remove_multi_index(_it(it, "ACIter_RemoveMultiIndex"))


cdef int capi_IterEnableExternalLoop(ACIter *it) except -1:
    return iter_enable_external_loop(_it(it, "ACIter_EnableExternalLoop"))


cdef int capi_IterForEachSlice(int nop, ACArrayObject **ops, const ac_uint32 *op_flags, int k,
                               const int *axes, ACIter_SliceFunc *fn, void *ctx) except -1:
    cdef str name = "ACIter_ForEachSlice"
    lst = _op_list(nop, ops, name)
    for i, o in enumerate(lst):
        if o is None:
            raise TypeError(f"{name}: operand {i} is NULL")
    return foreach_slice(lst, op_flags, k, axes, <aci_slice_fn>fn, ctx)


# ------------------------------------------------------------------ the table

cdef void *_table[_AC_API_TABLE_SIZE]
# ---------------------------------------------------------------- ufuncs
cdef extern from "arraycore/acufunc.h":
    enum:
        ACUFunc_Zero, ACUFunc_One, ACUFunc_MinusOne, ACUFunc_None
        ACUFunc_ReorderableNone, ACUFunc_IdentityValue


cdef object _from_func(str fn, ACUFuncGenericFunction *func, void **data, const char *types,
                       int ntypes, int nin, int nout, int identity, const char *name,
                       const char *doc, const char *signature):
    cdef int i, k, nargs = nin + nout
    cdef unsigned char *dense
    cdef dtype d
    if nin < 0 or nout < 1 or nargs > 32:
        raise ValueError(f"{fn}: nin={nin}, nout={nout} out of range (nin >= 0, nout >= 1, "
                         "nin + nout <= 32)")
    if ntypes < 0:
        raise ValueError(f"{fn}: ntypes must be >= 0")
    if ntypes > 0 and (func == NULL or types == NULL):
        raise ValueError(f"{fn}: NULL loop or type array")
    if identity not in (ACUFunc_Zero, ACUFunc_One, ACUFunc_MinusOne, ACUFunc_None,
                        ACUFunc_ReorderableNone):
        raise ValueError(f"{fn}: unknown identity {identity}")
    for i in range(ntypes):
        if func[i] == NULL:
            raise ValueError(f"{fn}: loop {i} is NULL")
    dense = <unsigned char *>PyMem_Malloc(max(1, ntypes * nargs))
    if dense == NULL:
        raise MemoryError()
    try:
        for i in range(ntypes * nargs):
            d = descr_from_typenum(<int>types[i])
            if d is None:
                raise ValueError(f"{fn}: invalid type number {<int>types[i]} for argument "
                                 f"{i % nargs} of loop {i // nargs}")
            dense[i] = d.tidx
        pyname = name.decode("utf-8", "replace") if name != NULL else "?"
        pydoc = doc.decode("utf-8", "replace") if doc != NULL else ""
        if signature != NULL:
            return new_gufunc(pyname, nin, nout, ntypes, dense, func, data, pydoc,
                              signature.decode("utf-8", "replace"))
        return new_ufunc(pyname, nin, nout, ntypes, dense, func, data, identity, None, pydoc)
    finally:
        PyMem_Free(dense)


cdef object capi_FromFuncAndData(ACUFuncGenericFunction *func, void **data,
                                 const char *types, int ntypes, int nin, int nout,
                                 int identity, const char *name, const char *doc, int unused):
    return _from_func("ACUFunc_FromFuncAndData", func, data, types, ntypes, nin, nout,
                      identity, name, doc, NULL)


cdef object capi_FromFuncAndDataAndSignature(ACUFuncGenericFunction *func, void **data,
                                             const char *types, int ntypes, int nin, int nout,
                                             int identity, const char *name, const char *doc,
                                             int unused, const char *signature):
    return _from_func("ACUFunc_FromFuncAndDataAndSignature", func, data, types, ntypes, nin,
                      nout, identity, name, doc, signature)


cdef int capi_RegisterLoopForType(PyObject *uf, int usertype, ACUFuncGenericFunction function,
                                  const int *arg_types, void *data) except -1:
    cdef str fn = "ACUFunc_RegisterLoopForType"
    cdef unsigned char dense[32]
    cdef int k, t
    cdef dtype d
    if uf == NULL or not isinstance(<object>uf, ufunc):
        raise TypeError(f"{fn}: the first argument must be an arraycore ufunc")
    if function == NULL:
        raise ValueError(f"{fn}: NULL loop")
    cdef ufunc u = <ufunc><object>uf
    for k in range(u.nargs):
        t = arg_types[k] if arg_types != NULL else usertype
        d = descr_from_typenum(t)
        if d is None:
            raise ValueError(f"{fn}: invalid type number {t} for argument {k} of "
                             f"ufunc {u.__name__!r}")
        dense[k] = d.tidx
    return register_loop(u, dense, function, data)


cdef int capi_SigintOn() except -1:
    sigint_on()
    return 0


cdef int capi_SigintOff() except -1:
    return sigint_off()


cdef int capi_SigintPending() except? 0:
    return sigint_pending()


# ---------------------------------------------------------------- FFT plans
cdef ACFFT_Plan *capi_FFTPlanNew(int kind, int precision, ac_intp n) except NULL:
    if kind != AC_FFT_C2C and kind != AC_FFT_R2C and kind != AC_FFT_C2R:
        raise ValueError(f"ACFFT_PlanNew: kind must be AC_FFT_C2C, AC_FFT_R2C or "
                         f"AC_FFT_C2R, got {kind}")
    if precision != AC_FFT_DOUBLE and precision != AC_FFT_FLOAT:
        raise ValueError(f"ACFFT_PlanNew: precision must be AC_FFT_DOUBLE or "
                         f"AC_FFT_FLOAT, got {precision}")
    if n < 1:
        raise ValueError(f"ACFFT_PlanNew: the length must be at least 1, got {n}")
    cdef ACFFT_Plan *p
    with nogil:
        p = ac_fft_plan_new(kind, precision, n)
    if p == NULL:
        raise MemoryError(f"ACFFT_PlanNew: no memory for a plan of length {n}")
    return p


cdef int capi_FFTExecute(const ACFFT_Plan *plan, int forward, double fct, ac_intp howmany,
                         const char *in_, ac_intp idist, ac_intp istride, char *out,
                         ac_intp odist, ac_intp ostride) except -1 nogil:
    # never raises: the codes of arraycore/acfft.h come back as they are
    return ac_fft_plan_execute(plan, forward, fct, howmany, in_, idist, istride,
                               out, odist, ostride)


cdef int capi_FFTPlanFree(ACFFT_Plan *plan) except -1 nogil:
    ac_fft_plan_free(plan)
    return 0


_fill_table(_table)
_C_API = PyCapsule_New(<void *>_table, _AC_CAPSULE_NAME, NULL)
