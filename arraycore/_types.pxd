# arraycore/_types.pxd -- the C types, constants and object layouts of actypes.h, for
# arraycore's own Cython modules (types only: the C core's functions are in _ccore.pxd).
cdef extern from "arraycore/actypes.h":
    ctypedef Py_ssize_t ac_intp
    ctypedef size_t ac_uintp
    ctypedef unsigned char ac_bool
    ctypedef signed char ac_int8
    ctypedef short ac_int16
    ctypedef int ac_int32
    ctypedef long long ac_int64
    ctypedef unsigned char ac_uint8
    ctypedef unsigned short ac_uint16
    ctypedef unsigned int ac_uint32
    ctypedef unsigned long long ac_uint64
    ctypedef unsigned short ac_float16
    ctypedef float ac_float32
    ctypedef double ac_float64
    ctypedef struct ac_complex64:
        float real
        float imag
    ctypedef struct ac_complex128:
        double real
        double imag
    enum:
        AC_MAXDIMS
        AC_BOOL, AC_BYTE, AC_UBYTE, AC_SHORT, AC_USHORT, AC_INT, AC_UINT
        AC_LONG, AC_ULONG, AC_LONGLONG, AC_ULONGLONG, AC_FLOAT, AC_DOUBLE
        AC_LONGDOUBLE, AC_CFLOAT, AC_CDOUBLE, AC_CLONGDOUBLE, AC_HALF, AC_NOTYPE
        AC_INT8, AC_UINT8, AC_INT16, AC_UINT16, AC_INT32, AC_UINT32, AC_INT64
        AC_UINT64, AC_FLOAT16, AC_FLOAT32, AC_FLOAT64, AC_COMPLEX64, AC_COMPLEX128
        AC_ARRAY_C_CONTIGUOUS, AC_ARRAY_F_CONTIGUOUS, AC_ARRAY_OWNDATA
        AC_ARRAY_FORCECAST, AC_ARRAY_ENSURECOPY, AC_ARRAY_ENSUREARRAY
        AC_ARRAY_ELEMENTSTRIDES, AC_ARRAY_ALIGNED, AC_ARRAY_NOTSWAPPED
        AC_ARRAY_WRITEABLE, AC_ARRAY_WRITEBACKIFCOPY, AC_ARRAY_ENSURENOCOPY
        AC_ARRAY_BEHAVED, AC_ARRAY_CARRAY, AC_ARRAY_FARRAY, AC_ARRAY_DEFAULT
        AC_ARRAY_IN_ARRAY, AC_ARRAY_OUT_ARRAY, AC_ARRAY_INOUT_ARRAY
        AC_ARRAY_IN_FARRAY, AC_ARRAY_OUT_FARRAY, AC_ARRAY_INOUT_FARRAY
        AC_ARRAY_UPDATE_ALL
        AC_ANYORDER, AC_CORDER, AC_FORTRANORDER, AC_KEEPORDER
    ctypedef struct ACArray_Descr
    ctypedef struct ACArrayObject
    enum: AC_BYTE_ORDER_IS_LITTLE
