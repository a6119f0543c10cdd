# arraycore/__init__.pxd -- what `cimport arraycore as ac` gives Cython code.
#
#   cimport arraycore as ac
#   def total(ac.ndarray a):           # typed: C-speed a.data, a.shape, a.strides, ...
#       ...
#   r = ac.ACArray_FromAny(obj, None, 0, 0, ac.AC_ARRAY_IN_ARRAY, None)
#
# * the C types as ac.float64_t, ac.intp_t, ac.int8_t ... ac.uint64_t,
#   ac.float32_t, ac.complex64_t, ac.complex128_t, ac.bool_t;
# * ac.ndarray and ac.dtype, whose attributes are inline accessors (no field
#   declarations: the C structs may grow at their end without breaking you);
# * every C-API entry under its C name (ac.ACArray_FromAny, ...), from the
#   generated _ac_api.pxi, and the AC_ constants.
#
# No import call is needed: the C-API imports itself on first use (an
# ImportError if arraycore is missing, never a crash).  Build with the include
# directory arraycore.get_include().
from cpython.object cimport PyObject, PyTypeObject

cdef extern from "arraycore/arraycore.h":
    # ------------------------------------------------------------ C types
    ctypedef Py_ssize_t ac_intp
    ctypedef size_t ac_uintp
    ctypedef unsigned char ac_bool
    ctypedef signed char ac_int8
    ctypedef signed short ac_int16
    ctypedef signed int ac_int32
    ctypedef signed long long ac_int64
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

    # ------------------------------------------------------- constants
    enum:
        AC_MAXDIMS
        AC_RAVEL_AXIS

    # type numbers (NumPy's values)
    enum:
        AC_BOOL
        AC_BYTE
        AC_UBYTE
        AC_SHORT
        AC_USHORT
        AC_INT
        AC_UINT
        AC_LONG
        AC_ULONG
        AC_LONGLONG
        AC_ULONGLONG
        AC_FLOAT
        AC_DOUBLE
        AC_LONGDOUBLE
        AC_CFLOAT
        AC_CDOUBLE
        AC_CLONGDOUBLE
        AC_HALF
        AC_NOTYPE
        AC_INT8
        AC_UINT8
        AC_INT16
        AC_UINT16
        AC_INT32
        AC_UINT32
        AC_INT64
        AC_UINT64
        AC_FLOAT16
        AC_FLOAT32
        AC_FLOAT64
        AC_COMPLEX64
        AC_COMPLEX128
        AC_INTP
        AC_UINTP

    # array flags and requirement sets
    enum:
        AC_ARRAY_C_CONTIGUOUS
        AC_ARRAY_F_CONTIGUOUS
        AC_ARRAY_OWNDATA
        AC_ARRAY_FORCECAST
        AC_ARRAY_ENSURECOPY
        AC_ARRAY_ENSUREARRAY
        AC_ARRAY_ELEMENTSTRIDES
        AC_ARRAY_ALIGNED
        AC_ARRAY_NOTSWAPPED
        AC_ARRAY_WRITEABLE
        AC_ARRAY_WRITEBACKIFCOPY
        AC_ARRAY_ENSURENOCOPY
        AC_ARRAY_BEHAVED
        AC_ARRAY_BEHAVED_NS
        AC_ARRAY_CARRAY
        AC_ARRAY_CARRAY_RO
        AC_ARRAY_FARRAY
        AC_ARRAY_FARRAY_RO
        AC_ARRAY_DEFAULT
        AC_ARRAY_IN_ARRAY
        AC_ARRAY_OUT_ARRAY
        AC_ARRAY_INOUT_ARRAY
        AC_ARRAY_IN_FARRAY
        AC_ARRAY_OUT_FARRAY
        AC_ARRAY_INOUT_FARRAY
        AC_ARRAY_UPDATE_ALL

    ctypedef enum AC_ORDER:
        AC_ANYORDER
        AC_CORDER
        AC_FORTRANORDER
        AC_KEEPORDER

    ctypedef enum AC_CASTING:
        AC_NO_CASTING
        AC_EQUIV_CASTING
        AC_SAFE_CASTING
        AC_SAME_KIND_CASTING
        AC_UNSAFE_CASTING

    # ------------------------------------------------------ structs
    ctypedef struct ACArray_Descr:
        # for ACArray_Descr ** (converters); use ac.dtype otherwise
        pass

    ctypedef struct ACArrayObject:
        # for ACArrayObject **; use ac.ndarray otherwise
        pass

    # ufuncs (arraycore/acufunc.h): the inner-loop type, identities, and the
    # generic helper loops (pass the scalar function as the loop's data)
    ctypedef void (*ACUFuncGenericFunction)(char **args, const ac_intp *dimensions,
                                            const ac_intp *steps, void *data) noexcept nogil
    enum:
        ACUFunc_Zero
        ACUFunc_One
        ACUFunc_MinusOne
        ACUFunc_None
        ACUFunc_ReorderableNone
        ACUFunc_IdentityValue
    void ACUFunc_d_d(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_f_f(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_f_f_As_d_d(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_e_e_As_f_f(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_e_e_As_d_d(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_dd_d(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_ff_f(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_ff_f_As_dd_d(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_ee_e_As_ff_f(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_ee_e_As_dd_d(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_D_D(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_F_F(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_DD_D(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil
    void ACUFunc_FF_F(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) noexcept nogil

    ctypedef struct ACArray_Dims:
        ac_intp *ptr
        int len

    # ------------------------------------------------------- objects
    ctypedef class arraycore._dtype.dtype [object ACArray_Descr, check_size ignore]:
        # no field declarations: the accessors keep consumers independent of
        # the struct's size

        @property
        cdef inline int num(self) noexcept nogil:
            """The type number (AC_DOUBLE, ...)."""
            return ACDataType_TYPENUM(<ACArray_Descr *>self)

        @property
        cdef inline ac_intp itemsize(self) noexcept nogil:
            """Bytes per element."""
            return ACDataType_ELSIZE(<ACArray_Descr *>self)

        @property
        cdef inline ac_intp alignment(self) noexcept nogil:
            """Required alignment in bytes."""
            return ACDataType_ALIGNMENT(<ACArray_Descr *>self)

        @property
        cdef inline char kind(self) noexcept nogil:
            """b'b', b'i', b'u', b'f' or b'c'."""
            return ACDataType_KIND(<ACArray_Descr *>self)

        @property
        cdef inline char byteorder(self) noexcept nogil:
            """b'=', b'<', b'>' or b'|'."""
            return ACDataType_BYTEORDER(<ACArray_Descr *>self)

        @property
        cdef inline bint isnative(self) noexcept nogil:
            """True when the data is in the machine's byte order."""
            return ACDataType_ISNOTSWAPPED(<ACArray_Descr *>self)

    ctypedef class arraycore._core.ndarray [object ACArrayObject, check_size ignore]:
        # no field declarations: see dtype

        @property
        cdef inline char *data(self) noexcept nogil:
            """Pointer to the first element."""
            return ACArray_BYTES(<void *>self)

        @property
        cdef inline int ndim(self) noexcept nogil:
            """Number of dimensions."""
            return ACArray_NDIM(<void *>self)

        @property
        cdef inline ac_intp *shape(self) noexcept nogil:
            """Pointer to the ndim dimensions."""
            return ACArray_DIMS(<void *>self)

        @property
        cdef inline ac_intp *strides(self) noexcept nogil:
            """Pointer to the ndim strides, in bytes."""
            return ACArray_STRIDES(<void *>self)

        @property
        cdef inline ac_intp size(self) noexcept nogil:
            """Number of elements."""
            return ACArray_SIZE(<void *>self)

        @property
        cdef inline ac_intp itemsize(self) noexcept nogil:
            """Bytes per element."""
            return ACArray_ITEMSIZE(<void *>self)

        @property
        cdef inline ac_intp nbytes(self) noexcept nogil:
            """size * itemsize."""
            return ACArray_NBYTES(<void *>self)

        @property
        cdef inline int flags(self) noexcept nogil:
            """The AC_ARRAY_* flags."""
            return ACArray_FLAGS(<void *>self)

        @property
        cdef inline dtype dtype(self):
            """The dtype (typed: a.dtype.num, a.dtype.itemsize are C accesses)."""
            return <dtype>ACArray_DESCR(<void *>self)

        @property
        cdef inline PyObject *base(self) noexcept nogil:
            """The object owning the memory (borrowed), or NULL."""
            return ACArray_BASE(<void *>self)

    # ------------------------------------ inline accessors (no table needed)
    void *ACArray_DATA(void *arr) nogil
    char *ACArray_BYTES(void *arr) nogil
    int ACArray_NDIM(const void *arr) nogil
    ac_intp *ACArray_DIMS(void *arr) nogil
    ac_intp *ACArray_SHAPE(void *arr) nogil
    ac_intp *ACArray_STRIDES(void *arr) nogil
    ac_intp ACArray_DIM(void *arr, int i) nogil
    ac_intp ACArray_STRIDE(void *arr, int i) nogil
    ACArray_Descr *ACArray_DESCR(void *arr) nogil
    PyObject *ACArray_BASE(void *arr) nogil
    int ACArray_TYPE(void *arr) nogil
    ac_intp ACArray_ITEMSIZE(void *arr) nogil
    ac_intp ACArray_SIZE(void *arr) nogil
    ac_intp ACArray_NBYTES(void *arr) nogil
    int ACArray_FLAGS(void *arr) nogil
    int ACArray_CHKFLAGS(void *arr, int flags) nogil
    int ACArray_IS_C_CONTIGUOUS(void *arr) nogil
    int ACArray_IS_F_CONTIGUOUS(void *arr) nogil
    int ACArray_ISWRITEABLE(void *arr) nogil
    int ACArray_ISALIGNED(void *arr) nogil
    int ACArray_ISCARRAY(void *arr) nogil
    int ACArray_ISFARRAY(void *arr) nogil
    void *ACArray_GETPTR1(void *arr, ac_intp i) nogil
    void *ACArray_GETPTR2(void *arr, ac_intp i, ac_intp j) nogil
    void *ACArray_GETPTR3(void *arr, ac_intp i, ac_intp j, ac_intp k) nogil
    void *ACArray_GETPTR4(void *arr, ac_intp i, ac_intp j, ac_intp k, ac_intp l) nogil
    void ACArray_ENABLEFLAGS(void *arr, int flags) nogil
    void ACArray_CLEARFLAGS(void *arr, int flags) nogil
    ac_intp ACDataType_ELSIZE(const ACArray_Descr *d) nogil
    ac_intp ACDataType_ALIGNMENT(const ACArray_Descr *d) nogil
    int ACDataType_ISNOTSWAPPED(const ACArray_Descr *d) nogil
    int ACDataType_TYPENUM(const ACArray_Descr *d) nogil
    char ACDataType_KIND(const ACArray_Descr *d) nogil
    char ACDataType_CHAR(const ACArray_Descr *d) nogil
    char ACDataType_BYTEORDER(const ACArray_Descr *d) nogil
    void ACArray_DimsFree(ACArray_Dims *dims)

# ------------------------------------------------------------- ctypedefs
ctypedef ac_bool bool_t
ctypedef ac_int8 int8_t
ctypedef ac_int16 int16_t
ctypedef ac_int32 int32_t
ctypedef ac_int64 int64_t
ctypedef ac_uint8 uint8_t
ctypedef ac_uint16 uint16_t
ctypedef ac_uint32 uint32_t
ctypedef ac_uint64 uint64_t
ctypedef ac_float16 float16_t    # storage only: IEEE binary16 bits
ctypedef ac_float32 float32_t
ctypedef ac_float64 float64_t
ctypedef float complex complex64_t
ctypedef double complex complex128_t
ctypedef ac_intp intp_t
ctypedef ac_uintp uintp_t

# ------------------------------------------- the C-API entries (generated)
# ------------------------------------------------------------- iterators
# arraycore/aciter.h: the general iterator ACIter (opaque; the ACIter_*
# entries), the flat / multi / neighborhood iterator objects and their macros.
cdef extern from "arraycore/arraycore.h":
    ctypedef struct ACIter
    ctypedef int ACIter_IterNextFunc(ACIter *iter) noexcept nogil
    ctypedef void ACIter_GetMultiIndexFunc(ACIter *iter, ac_intp *outcoords) noexcept nogil
    ctypedef int ACIter_SliceFunc(char **dataptrs, const ac_intp *shape,
                                  const ac_intp *strides, void *ctx) noexcept nogil
    enum:
        AC_MAXARGS
        AC_ITER_C_INDEX
        AC_ITER_F_INDEX
        AC_ITER_MULTI_INDEX
        AC_ITER_EXTERNAL_LOOP
        AC_ITER_COMMON_DTYPE
        AC_ITER_REFS_OK
        AC_ITER_ZEROSIZE_OK
        AC_ITER_REDUCE_OK
        AC_ITER_RANGED
        AC_ITER_BUFFERED
        AC_ITER_GROWINNER
        AC_ITER_DELAY_BUFALLOC
        AC_ITER_DONT_NEGATE_STRIDES
        AC_ITER_COPY_IF_OVERLAP
        AC_ITER_READWRITE
        AC_ITER_READONLY
        AC_ITER_WRITEONLY
        AC_ITER_NBO
        AC_ITER_ALIGNED
        AC_ITER_CONTIG
        AC_ITER_COPY
        AC_ITER_UPDATEIFCOPY
        AC_ITER_ALLOCATE
        AC_ITER_NO_SUBTYPE
        AC_ITER_NO_BROADCAST
        AC_NEIGHBORHOOD_ITER_ZERO_PADDING
        AC_NEIGHBORHOOD_ITER_ONE_PADDING
        AC_NEIGHBORHOOD_ITER_CONSTANT_PADDING
        AC_NEIGHBORHOOD_ITER_CIRCULAR_PADDING
        AC_NEIGHBORHOOD_ITER_MIRROR_PADDING

    ctypedef struct ACArrayIterObject:
        int nd_m1
        ac_intp index
        ac_intp size
        ac_intp *coordinates
        ac_intp *dims_m1
        ac_intp *strides
        ac_intp *backstrides
        ac_intp *factors
        char *dataptr
        ac_bool contiguous
    ctypedef struct ACArrayMultiIterObject:
        int numiter
        ac_intp size
        ac_intp index
        int nd
        ac_intp *dimensions
        ACArrayIterObject **iters
    ctypedef struct ACArrayNeighborhoodIterObject:
        ac_intp nd
        ac_intp size
        ac_intp index
        ac_intp *coordinates
        char *dataptr
        int mode

    void ACArray_ITER_RESET(void *it) nogil
    void ACArray_ITER_NEXT(void *it) nogil
    void ACArray_ITER_GOTO(void *it, ac_intp *destination) nogil
    void ACArray_ITER_GOTO1D(void *it, ac_intp ind) nogil
    void *ACArray_ITER_DATA(void *it) nogil
    int ACArray_ITER_NOTDONE(void *it) nogil
    void ACArray_MultiIter_RESET(void *multi) nogil
    void ACArray_MultiIter_NEXT(void *multi) nogil
    void ACArray_MultiIter_GOTO(void *multi, ac_intp *dest) nogil
    void ACArray_MultiIter_GOTO1D(void *multi, ac_intp ind) nogil
    void *ACArray_MultiIter_DATA(void *multi, int i) nogil
    void ACArray_MultiIter_NEXTi(void *multi, int i) nogil
    int ACArray_MultiIter_NOTDONE(void *multi) nogil
    ac_intp ACArray_MultiIter_SIZE(void *multi) nogil
    int ACArray_MultiIter_NUMITER(void *multi) nogil
    ac_intp ACArray_MultiIter_INDEX(void *multi) nogil
    int ACArray_MultiIter_NDIM(void *multi) nogil
    ac_intp *ACArray_MultiIter_DIMS(void *multi) nogil
    int ACArrayNeighborhoodIter_Reset(ACArrayNeighborhoodIterObject *iter) nogil
    int ACArrayNeighborhoodIter_Next(ACArrayNeighborhoodIterObject *iter) nogil

# ------------------------------------------------------------------ FFT plans
# arraycore/acfft.h: the opaque plan of the ACFFT_* entries and their numbers.
cdef extern from "arraycore/arraycore.h":
    ctypedef struct ACFFT_Plan
    enum:
        AC_FFT_C2C
        AC_FFT_R2C
        AC_FFT_C2R
        AC_FFT_DOUBLE
        AC_FFT_FLOAT
        AC_FFT_EBADARGS
        AC_FFT_EINTR
        AC_FFT_ENOMEM

include "_ac_api.pxi"
