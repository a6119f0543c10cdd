# arraycore/_core.pxd -- the ndarray type (ACArrayObject) and the functions
# every other module builds arrays with.  One home for: allocation, view
# creation, flag computation, shape/stride arithmetic, copy/cast into arrays,
# the overlap and same-view tests; and the table (core_impl, enum ACOp)
# through which the type's methods and operators reach the modules above it.
from arraycore._types cimport ac_intp
from arraycore._ccore cimport ac_opinfo
from arraycore._dtype cimport dtype

cdef enum:
    AC_INLINE_DIMS = 4

# Field order up to `descr` is the public C layout of ACArrayObject
# (actypes.h): do not reorder.  No cdef methods (keeps the object vtable-free).
cdef class ndarray:
    cdef char *data
    cdef int nd
    cdef int flags
    cdef ac_intp *dimensions
    cdef ac_intp *strides
    cdef object base
    cdef dtype descr
    # private
    cdef void *_alloc                       # owned allocation (OWNDATA), freed on dealloc
    cdef ac_intp _inline[2 * AC_INLINE_DIMS] # shape and strides for nd <= AC_INLINE_DIMS
    cdef object __weakref__

# --- construction -----------------------------------------------------------
# A new array.  data == NULL allocates (zeroed when `zero`), in C order unless
# `fortran`, or with the given strides (any signs) when strides != NULL;
# strides == NULL means contiguous.  With data given, `base` keeps
# it alive and `flags` carries WRITEABLE (others are computed).
cdef ndarray new_array(dtype descr, int nd, const ac_intp *shape,
                       const ac_intp *strides, char *data, int flags,
                       object base, bint zero=*, bint fortran=*)
cdef ndarray new_from_shape(dtype descr, object shape, bint zero=*, bint fortran=*)
cdef ndarray empty_like_array(ndarray a, dtype descr, int order)   # order: AC_*ORDER (KEEP keeps layout)
# A view of `a` with new shape/strides/offset; base and writeable come from a.
cdef ndarray make_view(ndarray a, int nd, const ac_intp *shape, const ac_intp *strides,
                       char *data, dtype descr=*)
cdef void update_flags(ndarray a) noexcept
cdef int set_shape(ndarray a, int nd) except -1    # sets nd and points dims/strides at storage

# --- shape arithmetic -------------------------------------------------------
cdef int shape_from_obj(object shape, ac_intp *out, bint allow_negative=*) except -1  # returns nd
cdef ac_intp size_of(int nd, const ac_intp *shape) except -1     # ValueError on overflow
# THE overflow-checked size arithmetic (src/ac_size.h): ValueError on overflow
cdef ac_intp size_mul(ac_intp a, ac_intp b) except? -1
cdef ac_intp size_add(ac_intp a, ac_intp b) except? -1
cdef ac_intp size_sub(ac_intp a, ac_intp b) except? -1
cdef tuple shape_tuple(int nd, const ac_intp *shape)
cdef int normalize_axis(ac_intp axis, int nd) except -1
cdef int broadcast_shapes_c(int nd_out, ac_intp *out, int nd, const ac_intp *shape) except -1
# strides viewing `a` broadcast to `shape`; 1 (no exception) when it cannot
cdef int broadcast_strides(ndarray a, int nd, const ac_intp *shape, ac_intp *out) noexcept
cdef int broadcast_strides_n(int a_nd, const ac_intp *a_dims, const ac_intp *a_strides,
                             int nd, const ac_intp *shape, ac_intp *out) noexcept

# --- data movement ----------------------------------------------------------
cdef void opinfo_of(dtype d, bint aligned, ac_opinfo *info) noexcept
# Copy src (broadcast to dst's shape) into dst, casting; raises if dst read-only.
cdef int copy_into(ndarray dst, ndarray src) except -1
cdef ndarray copy_array(ndarray a, int order, dtype descr=*)       # always a new array
cdef ndarray astype_array(ndarray a, dtype descr, bint copy, int casting)
# THE overlap test: the memory extents of a and b intersect (empty arrays never do)
cdef bint overlaps(ndarray a, ndarray b) noexcept
# THE same-view check: a and b address the same elements at the same indices
cdef bint same_view(ndarray a, ndarray b) noexcept
cdef int check_writeable(ndarray a) except -1
cdef int resolve_writeback(ndarray a, bint discard) except -1   # 1 if written back
cdef int assign(ndarray dst, object value) except -1            # dst[...] = value
cdef int parse_order(object order) except? -9                  # 'C','F','A','K' -> AC_*ORDER
# what a method given out= returns: out holding the result (the result when out is None)
cdef object method_out(object result, object out)

# --- views and indexing (basic indexing is part of the core) ----------------
cdef ndarray transpose_view(ndarray a, object axes)             # axes None reverses
cdef ndarray swap_axes_view(ndarray a, int i, int j)
cdef ndarray reshape_array(ndarray a, object shape, object order, object copy)
cdef ndarray index_view(ndarray a, ac_intp i)
cdef bint is_index_int(object k)          # the one test for an integer index
cdef object getitem(ndarray a, object key)
cdef int setitem(ndarray a, object key, object value) except -1
cdef int set_writeable(ndarray a, object value) except -1

cdef enum:
    AC_ARRAY_RO_SOURCE = 0x10000   # private flag: memory is read-only at its source

# --- scalars ----------------------------------------------------------------
cdef object getitem_ptr(dtype descr, const char *ptr)       # Python scalar from one element
cdef int setitem_ptr(dtype descr, char *ptr, object value) except -1
cdef int fill_array(ndarray a, object value) except -1

# --- implementations above the core ------------------------------------------
# The ndarray's operators and the methods whose implementations live in modules
# that import _core (ufuncs, reductions, advanced indexing, ...) are reached
# through this table of C function pointers, never through Python attributes.
# Each module fills its entries when it is imported; arraycore/__init__.py
# imports them all before it returns, so the table is full once `import
# arraycore` has run (an empty entry raises RuntimeError, see _core.pyx).

# The operators, by the ufunc that implements them (_operators.pyx maps them).
cdef enum ACOp:
    AC_OP_ADD, AC_OP_SUBTRACT, AC_OP_MULTIPLY, AC_OP_DIVIDE, AC_OP_FLOOR_DIVIDE,
    AC_OP_REMAINDER, AC_OP_POW, AC_OP_AND, AC_OP_OR, AC_OP_XOR, AC_OP_LSHIFT,
    AC_OP_RSHIFT, AC_OP_MATMUL, AC_OP_LT, AC_OP_LE, AC_OP_EQ, AC_OP_NE, AC_OP_GT,
    AC_OP_GE, AC_OP_NEGATIVE, AC_OP_POSITIVE, AC_OP_ABS, AC_OP_INVERT, AC_OP_CONJ,
    AC_OP_ROUND, AC_OP_DIVMOD, AC_OP_COUNT   # DIVMOD: floor_divide and remainder

# How a binary operator was invoked: a op o, o op a (reflected), a op= o, or a
# plain method call such as a.dot(o) (no NotImplemented, no elision).
cdef enum ACOpSide:
    AC_OP_LEFT, AC_OP_RIGHT, AC_OP_INPLACE, AC_OP_CALL

ctypedef object (*binary_op_fn)(ACOp op, ndarray a, object o, ACOpSide side)
ctypedef object (*unary_op_fn)(ACOp op, ndarray a)
ctypedef object (*array_ufunc_fn)(object uf, object method, tuple inputs, dict kwargs)
# NumPy-style method spellings (argument names as NumPy's; out= gets the result)
ctypedef object (*reduce_method_fn)(ndarray a, object axis, object dtype, object out,
                                    object keepdims)
ctypedef object (*moment_method_fn)(ndarray a, object axis, object dtype, object out,
                                    object ddof, object keepdims)
ctypedef object (*scan_method_fn)(ndarray a, object axis, object dtype, object out)
ctypedef object (*clip_method_fn)(ndarray a, object lo, object hi, object out)
ctypedef object (*squeeze_fn)(ndarray a, object axis)
ctypedef ndarray (*convert_fn)(object value, dtype dt)          # a sequence as dt
ctypedef object (*adv_getitem_fn)(ndarray a, object key)
ctypedef int (*adv_setitem_fn)(ndarray a, object key, object value) except -1
ctypedef object (*array_fn)(ndarray a)                          # a.flat, __array_interface__
ctypedef object (*to_numpy_fn)(ndarray a, object dtype, object copy)
ctypedef object (*to_dlpack_fn)(ndarray a, object stream, object max_version,
                                object dl_device, object copy)

cdef struct ACImpl:
    # _operators
    binary_op_fn binary
    unary_op_fn unary
    array_ufunc_fn array_ufunc
    # _stats
    reduce_method_fn sum, prod, mean, max, min, argmax, argmin, all, any
    moment_method_fn var, std
    scan_method_fn cumsum, cumprod
    # _elementwise
    clip_method_fn clip
    # _manip
    squeeze_fn squeeze
    # _convert (assignment of sequences) and _indexing (advanced indexing)
    convert_fn asarray_for
    adv_getitem_fn adv_getitem
    adv_setitem_fn adv_setitem
    # _convert (export protocols) and _classic_iter (a.flat)
    array_fn array_interface
    to_numpy_fn to_numpy
    to_dlpack_fn to_dlpack
    array_fn flat

cdef ACImpl core_impl
