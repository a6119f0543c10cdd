# arraycore/_dtype.pxd -- the dtype object (ACArray_Descr), promotion and casting.
from arraycore._types cimport ac_intp

# ACX_BOOL ... ACX_COMPLEX128, ACX_NTYPES, ACX_CHARS: the dense type index,
# generated at build time from tools/dtype_table.py
include "_dtype_enum.pxi"

# Field order is the public C layout of ACArray_Descr (actypes.h): do not reorder.
cdef class dtype:
    cdef readonly int num          # type_num
    cdef char _kind
    cdef char _char
    cdef char _byteorder           # '=', '<', '>', '|'
    cdef char _flags
    cdef readonly ac_intp itemsize
    cdef readonly ac_intp alignment
    # private
    cdef int tidx                  # dense index ACX_*
    cdef bint swapped              # bytes not in machine order
    cdef object _name
    cdef object _str
    cdef dtype _other              # the same type in the other byte order

# Casting levels (values of AC_CASTING)
cpdef enum Casting:
    NO_CASTING = 0
    EQUIV_CASTING = 1
    SAFE_CASTING = 2
    SAME_KIND_CASTING = 3
    UNSAFE_CASTING = 4

cdef dtype descr_from_tidx(int tidx)
cdef dtype descr_from_typenum(int num)  # None when unknown
cdef dtype as_dtype(object obj)         # raises TypeError when not understood
cdef dtype as_dtype_or_none(object obj) # None stays None
cdef dtype native(dtype d)
cdef bint can_cast_descr(dtype frm, dtype to, int casting)
cdef int warn_complex_cast(dtype frm, dtype to) except -1   # ComplexWarning for complex -> real
cdef dtype promote(dtype a, dtype b)
cdef dtype promote_many(list dtypes)      # n-ary, order independent
cdef int parse_casting(object casting) except -1
cdef dtype default_int()
cdef dtype default_float()
cdef dtype default_complex()
cdef dtype dtype_for_pyscalar(object x)  # None for non-scalars
cdef dtype result_type_weak(dtype d, object scalar)
