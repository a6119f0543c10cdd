/*
 * arraycore/npy_compat.h -- NumPy's C spellings as thin aliases of arraycore's,
 * so that extension code written from NumPy's documentation compiles against
 * arraycore unchanged:
 *
 *     #include <arraycore/npy_compat.h>
 *     ... PyArrayObject, PyArray_FROM_OTF(o, NPY_DOUBLE, NPY_ARRAY_IN_ARRAY),
 *         PyArray_GETPTR2, import_array() ...
 *
 * Do not include it together with NumPy's own headers.  Differences that
 * remain (arraycore is safe by default):
 *   - nothing steals references: PyArray_FromAny, PyArray_NewFromDescr, ...
 *     leave the dtype reference with the caller, and PyArray_Return returns a
 *     new reference without consuming its argument;
 *   - there are no array scalars: PyArray_Return returns the (0-d) array;
 *   - import_array() is optional (the table is imported on first use).
 */
#ifndef ARRAYCORE_NPY_COMPAT_H
#define ARRAYCORE_NPY_COMPAT_H

#if defined(NUMPY_CORE_INCLUDE_NUMPY_NDARRAYOBJECT_H_) || defined(NPY_NDARRAYOBJECT_H)
#error "arraycore/npy_compat.h cannot be used together with NumPy's headers"
#endif

#include "arraycore/arraycore.h"

#define NPY_ARRAYCORE_COMPAT 1

/* NumPy API level that code written from NumPy's documents tests with
   "#if NPY_API_VERSION >= 0x0000000c" to use WRITEBACKIFCOPY. */
#define NPY_API_VERSION 0x0000000c
#define NPY_1_7_API_VERSION 0x00000007
#define NPY_1_14_API_VERSION 0x0000000c

/* ------------------------------------------------------------ objects */
typedef ACArrayObject PyArrayObject;
typedef ACArray_Descr PyArray_Descr;
typedef ACArray_Dims PyArray_Dims;
#define PyArray_Type ACArray_Type
#define PyArrayDescr_Type ACArrayDescr_Type

/* ------------------------------------------------------------ C types */
typedef ac_intp npy_intp;
typedef ac_uintp npy_uintp;
typedef ac_bool npy_bool;
typedef ac_int8 npy_int8;
typedef ac_int16 npy_int16;
typedef ac_int32 npy_int32;
typedef ac_int64 npy_int64;
typedef ac_uint8 npy_uint8;
typedef ac_uint16 npy_uint16;
typedef ac_uint32 npy_uint32;
typedef ac_uint64 npy_uint64;
typedef ac_float16 npy_float16;
typedef ac_half npy_half;
typedef ac_float32 npy_float32;
typedef ac_float64 npy_float64;
typedef ac_complex64 npy_complex64;
typedef ac_complex128 npy_complex128;
typedef ac_byte npy_byte;
typedef ac_ubyte npy_ubyte;
typedef ac_short npy_short;
typedef ac_ushort npy_ushort;
typedef ac_int npy_int;
typedef ac_uint npy_uint;
typedef ac_long npy_long;
typedef ac_ulong npy_ulong;
typedef ac_longlong npy_longlong;
typedef ac_ulonglong npy_ulonglong;
typedef ac_float npy_float;
typedef ac_double npy_double;
typedef ac_cfloat npy_cfloat;
typedef ac_cdouble npy_cdouble;
typedef Py_hash_t npy_hash_t;

#define NPY_INTP_FMT AC_INTP_FMT
#define NPY_MAX_INTP AC_MAX_INTP
#define NPY_MIN_INTP AC_MIN_INTP
#define NPY_MAXDIMS AC_MAXDIMS
#define NPY_MAXDIMS_LEGACY_ITERS 32
#define NPY_RAVEL_AXIS AC_RAVEL_AXIS
#define NPY_SIZEOF_INTP AC_SIZEOF_INTP
#define NPY_SIZEOF_LONG AC_SIZEOF_LONG
#define NPY_BYTE_ORDER AC_BYTE_ORDER
#define NPY_LITTLE_ENDIAN AC_LITTLE_ENDIAN
#define NPY_BIG_ENDIAN AC_BIG_ENDIAN

/* ------------------------------------------------------ type numbers */
#define NPY_TYPES AC_TYPES
#define NPY_BOOL AC_BOOL
#define NPY_BYTE AC_BYTE
#define NPY_UBYTE AC_UBYTE
#define NPY_SHORT AC_SHORT
#define NPY_USHORT AC_USHORT
#define NPY_INT AC_INT
#define NPY_UINT AC_UINT
#define NPY_LONG AC_LONG
#define NPY_ULONG AC_ULONG
#define NPY_LONGLONG AC_LONGLONG
#define NPY_ULONGLONG AC_ULONGLONG
#define NPY_FLOAT AC_FLOAT
#define NPY_DOUBLE AC_DOUBLE
#define NPY_LONGDOUBLE AC_LONGDOUBLE
#define NPY_CFLOAT AC_CFLOAT
#define NPY_CDOUBLE AC_CDOUBLE
#define NPY_CLONGDOUBLE AC_CLONGDOUBLE
#define NPY_HALF AC_HALF
#define NPY_NOTYPE AC_NOTYPE
#define NPY_INT8 AC_INT8
#define NPY_UINT8 AC_UINT8
#define NPY_INT16 AC_INT16
#define NPY_UINT16 AC_UINT16
#define NPY_INT32 AC_INT32
#define NPY_UINT32 AC_UINT32
#define NPY_INT64 AC_INT64
#define NPY_UINT64 AC_UINT64
#define NPY_FLOAT16 AC_FLOAT16
#define NPY_FLOAT32 AC_FLOAT32
#define NPY_FLOAT64 AC_FLOAT64
#define NPY_COMPLEX64 AC_COMPLEX64
#define NPY_COMPLEX128 AC_COMPLEX128
#define NPY_INTP AC_INTP
#define NPY_UINTP AC_UINTP

/* ------------------------------------------------------------- flags */
#define NPY_ARRAY_C_CONTIGUOUS AC_ARRAY_C_CONTIGUOUS
#define NPY_ARRAY_F_CONTIGUOUS AC_ARRAY_F_CONTIGUOUS
#define NPY_ARRAY_OWNDATA AC_ARRAY_OWNDATA
#define NPY_ARRAY_FORCECAST AC_ARRAY_FORCECAST
#define NPY_ARRAY_ENSURECOPY AC_ARRAY_ENSURECOPY
#define NPY_ARRAY_ENSUREARRAY AC_ARRAY_ENSUREARRAY
#define NPY_ARRAY_ELEMENTSTRIDES AC_ARRAY_ELEMENTSTRIDES
#define NPY_ARRAY_ALIGNED AC_ARRAY_ALIGNED
#define NPY_ARRAY_NOTSWAPPED AC_ARRAY_NOTSWAPPED
#define NPY_ARRAY_WRITEABLE AC_ARRAY_WRITEABLE
#define NPY_ARRAY_WRITEBACKIFCOPY AC_ARRAY_WRITEBACKIFCOPY
#define NPY_ARRAY_ENSURENOCOPY AC_ARRAY_ENSURENOCOPY
#define NPY_ARRAY_BEHAVED AC_ARRAY_BEHAVED
#define NPY_ARRAY_BEHAVED_NS AC_ARRAY_BEHAVED_NS
#define NPY_ARRAY_CARRAY AC_ARRAY_CARRAY
#define NPY_ARRAY_CARRAY_RO AC_ARRAY_CARRAY_RO
#define NPY_ARRAY_FARRAY AC_ARRAY_FARRAY
#define NPY_ARRAY_FARRAY_RO AC_ARRAY_FARRAY_RO
#define NPY_ARRAY_DEFAULT AC_ARRAY_DEFAULT
#define NPY_ARRAY_IN_ARRAY AC_ARRAY_IN_ARRAY
#define NPY_ARRAY_OUT_ARRAY AC_ARRAY_OUT_ARRAY
#define NPY_ARRAY_INOUT_ARRAY AC_ARRAY_INOUT_ARRAY
#define NPY_ARRAY_INOUT_ARRAY2 AC_ARRAY_INOUT_ARRAY
#define NPY_ARRAY_IN_FARRAY AC_ARRAY_IN_FARRAY
#define NPY_ARRAY_OUT_FARRAY AC_ARRAY_OUT_FARRAY
#define NPY_ARRAY_INOUT_FARRAY AC_ARRAY_INOUT_FARRAY
#define NPY_ARRAY_INOUT_FARRAY2 AC_ARRAY_INOUT_FARRAY
#define NPY_ARRAY_UPDATE_ALL AC_ARRAY_UPDATE_ALL
/* the pre-1.7 spellings */
#define NPY_C_CONTIGUOUS AC_ARRAY_C_CONTIGUOUS
#define NPY_F_CONTIGUOUS AC_ARRAY_F_CONTIGUOUS
#define NPY_IN_ARRAY AC_ARRAY_IN_ARRAY
#define NPY_OUT_ARRAY AC_ARRAY_OUT_ARRAY
#define NPY_INOUT_ARRAY AC_ARRAY_INOUT_ARRAY

/* ------------------------------------------------- orders and casting */
typedef AC_ORDER NPY_ORDER;
#define NPY_ANYORDER AC_ANYORDER
#define NPY_CORDER AC_CORDER
#define NPY_FORTRANORDER AC_FORTRANORDER
#define NPY_KEEPORDER AC_KEEPORDER
typedef AC_CASTING NPY_CASTING;
#define NPY_NO_CASTING AC_NO_CASTING
#define NPY_EQUIV_CASTING AC_EQUIV_CASTING
#define NPY_SAFE_CASTING AC_SAFE_CASTING
#define NPY_SAME_KIND_CASTING AC_SAME_KIND_CASTING
#define NPY_UNSAFE_CASTING AC_UNSAFE_CASTING

/* ---------------------------------------------- accessors (inline) */
#define PyArray_DATA ACArray_DATA
#define PyArray_BYTES ACArray_BYTES
#define PyArray_NDIM ACArray_NDIM
#define PyArray_DIMS ACArray_DIMS
#define PyArray_SHAPE ACArray_SHAPE
#define PyArray_STRIDES ACArray_STRIDES
#define PyArray_DIM ACArray_DIM
#define PyArray_STRIDE ACArray_STRIDE
#define PyArray_DESCR ACArray_DESCR
#define PyArray_DTYPE ACArray_DESCR
#define PyArray_BASE ACArray_BASE
#define PyArray_TYPE ACArray_TYPE
#define PyArray_ITEMSIZE ACArray_ITEMSIZE
#define PyArray_SIZE ACArray_SIZE
#define PyArray_NBYTES ACArray_NBYTES
#define PyArray_FLAGS ACArray_FLAGS
#define PyArray_CHKFLAGS ACArray_CHKFLAGS
#define PyArray_ENABLEFLAGS ACArray_ENABLEFLAGS
#define PyArray_CLEARFLAGS ACArray_CLEARFLAGS
#define PyArray_IS_C_CONTIGUOUS ACArray_IS_C_CONTIGUOUS
#define PyArray_IS_F_CONTIGUOUS ACArray_IS_F_CONTIGUOUS
#define PyArray_ISCONTIGUOUS ACArray_ISCONTIGUOUS
#define PyArray_ISFORTRAN ACArray_ISFORTRAN
#define PyArray_ISWRITEABLE ACArray_ISWRITEABLE
#define PyArray_ISALIGNED ACArray_ISALIGNED
#define PyArray_ISNOTSWAPPED ACArray_ISNOTSWAPPED
#define PyArray_ISBEHAVED ACArray_ISBEHAVED
#define PyArray_ISCARRAY ACArray_ISCARRAY
#define PyArray_ISFARRAY ACArray_ISFARRAY
#define PyArray_GETPTR1 ACArray_GETPTR1
#define PyArray_GETPTR2 ACArray_GETPTR2
#define PyArray_GETPTR3 ACArray_GETPTR3
#define PyArray_GETPTR4 ACArray_GETPTR4
#define PyDataType_ELSIZE ACDataType_ELSIZE
#define PyDataType_ALIGNMENT ACDataType_ALIGNMENT
#define PyDataType_ISNOTSWAPPED ACDataType_ISNOTSWAPPED
#define PyDimMem_NEW ACDimMem_NEW
#define PyDimMem_FREE ACDimMem_FREE

/* ------------------------------------------------- the C-API entries */
#define PyArray_FromAny ACArray_FromAny
#define PyArray_CheckFromAny ACArray_CheckFromAny
#define PyArray_ContiguousFromAny ACArray_ContiguousFromAny
#define PyArray_ContiguousFromObject ACArray_ContiguousFromAny
#define PyArray_ResolveWritebackIfCopy ACArray_ResolveWritebackIfCopy
#define PyArray_DiscardWritebackIfCopy ACArray_DiscardWritebackIfCopy
#define PyArray_NewFromDescr ACArray_NewFromDescr
#define PyArray_New ACArray_New
#define PyArray_SimpleNew ACArray_SimpleNew
#define PyArray_SimpleNewFromData ACArray_SimpleNewFromData
#define PyArray_Zeros ACArray_Zeros
#define PyArray_Empty ACArray_Empty
#define PyArray_NewCopy ACArray_NewCopy
#define PyArray_CastToType ACArray_CastToType
#define PyArray_CopyInto ACArray_CopyInto
#define PyArray_FillWithScalar ACArray_FillWithScalar
#define PyArray_Newshape ACArray_Newshape
#define PyArray_Transpose ACArray_Transpose
#define PyArray_Return ACArray_Return
#define PyArray_DescrFromType ACArray_DescrFromType
#define PyArray_CanCastTypeTo ACArray_CanCastTypeTo
#define PyArray_PromoteTypes ACArray_PromoteTypes
#define PyArray_Check ACArray_Check
#define PyArray_CheckExact ACArray_CheckExact
#define PyArray_DescrConverter ACArray_DescrConverter
#define PyArray_IntpConverter ACArray_IntpConverter
#define PyArray_AxisConverter ACArray_AxisConverter
#define PyArray_OrderConverter ACArray_OrderConverter
#define PyArray_GetPtr ACArray_GetPtr
#define PyArray_FROM_OTF ACArray_FROM_OTF
#define PyArray_FROM_OT ACArray_FROM_OT
#define PyArray_FROM_OF ACArray_FROM_OF
#define PyArray_FROM_O ACArray_FROM_O
#define PyArray_FROMANY ACArray_FROMANY
#define PyArray_DimsFree ACArray_DimsFree

/* NumPy's import_array(): a statement for module init that returns NULL
   (with ImportError set) when the C-API cannot be imported. */
#define import_array()                      \
    do {                                    \
        if (import_arraycore() < 0) {       \
            return NULL;                    \
        }                                   \
    } while (0)
/* import_array1(ret): the same, returning `ret` */
#define import_array1(ret)                  \
    do {                                    \
        if (import_arraycore() < 0) {       \
            return ret;                     \
        }                                   \
    } while (0)
#define _import_array import_arraycore

/* ------------------------------------------------------------ iterators */
#if AC_TARGET_VERSION >= 0x00000002
#ifndef NPY_SUCCEED
#define NPY_SUCCEED 1
#define NPY_FAIL 0
#endif
#define NPY_MAXARGS AC_MAXARGS

typedef ACArrayIterObject PyArrayIterObject;
typedef ACArrayMultiIterObject PyArrayMultiIterObject;
typedef ACArrayNeighborhoodIterObject PyArrayNeighborhoodIterObject;
#define PyArrayIter_Type (*ACArrayIter_TypeObject())
#define PyArrayMultiIter_Type (*ACArrayMultiIter_TypeObject())
#define PyArrayNeighborhoodIter_Type (*ACArrayNeighborhoodIter_TypeObject())

#define PyArray_IterNew ACArray_IterNew
#define PyArray_IterAllButAxis ACArray_IterAllButAxis
#define PyArray_BroadcastToShape ACArray_BroadcastToShape
#define PyArray_MultiIterNew ACArray_MultiIterNew
#define PyArray_NeighborhoodIterNew ACArray_NeighborhoodIterNew
#define PyArray_ITER_RESET ACArray_ITER_RESET
#define PyArray_ITER_NEXT ACArray_ITER_NEXT
#define PyArray_ITER_GOTO ACArray_ITER_GOTO
#define PyArray_ITER_GOTO1D ACArray_ITER_GOTO1D
#define PyArray_ITER_DATA ACArray_ITER_DATA
#define PyArray_ITER_NOTDONE ACArray_ITER_NOTDONE
#define PyArray_MultiIter_RESET ACArray_MultiIter_RESET
#define PyArray_MultiIter_NEXT ACArray_MultiIter_NEXT
#define PyArray_MultiIter_GOTO ACArray_MultiIter_GOTO
#define PyArray_MultiIter_GOTO1D ACArray_MultiIter_GOTO1D
#define PyArray_MultiIter_DATA ACArray_MultiIter_DATA
#define PyArray_MultiIter_NEXTi ACArray_MultiIter_NEXTi
#define PyArray_MultiIter_NOTDONE ACArray_MultiIter_NOTDONE
#define PyArray_MultiIter_SIZE ACArray_MultiIter_SIZE
#define PyArray_MultiIter_NUMITER ACArray_MultiIter_NUMITER
#define PyArray_MultiIter_INDEX ACArray_MultiIter_INDEX
#define PyArray_MultiIter_NDIM ACArray_MultiIter_NDIM
#define PyArray_MultiIter_DIMS ACArray_MultiIter_DIMS
#define PyArray_MultiIter_ITERS ACArray_MultiIter_ITERS
#define PyArrayNeighborhoodIter_Reset ACArrayNeighborhoodIter_Reset
#define PyArrayNeighborhoodIter_Next ACArrayNeighborhoodIter_Next
#define NPY_NEIGHBORHOOD_ITER_ZERO_PADDING AC_NEIGHBORHOOD_ITER_ZERO_PADDING
#define NPY_NEIGHBORHOOD_ITER_ONE_PADDING AC_NEIGHBORHOOD_ITER_ONE_PADDING
#define NPY_NEIGHBORHOOD_ITER_CONSTANT_PADDING AC_NEIGHBORHOOD_ITER_CONSTANT_PADDING
#define NPY_NEIGHBORHOOD_ITER_CIRCULAR_PADDING AC_NEIGHBORHOOD_ITER_CIRCULAR_PADDING
#define NPY_NEIGHBORHOOD_ITER_MIRROR_PADDING AC_NEIGHBORHOOD_ITER_MIRROR_PADDING

/* NpyIter: the same engine; functions that NumPy declares returning
   NPY_SUCCEED / NPY_FAIL (or void) are wrapped accordingly. */
typedef ACIter NpyIter;
typedef ACIter_IterNextFunc NpyIter_IterNextFunc;
typedef ACIter_GetMultiIndexFunc NpyIter_GetMultiIndexFunc;
#define NPY_ITER_C_INDEX AC_ITER_C_INDEX
#define NPY_ITER_F_INDEX AC_ITER_F_INDEX
#define NPY_ITER_MULTI_INDEX AC_ITER_MULTI_INDEX
#define NPY_ITER_EXTERNAL_LOOP AC_ITER_EXTERNAL_LOOP
#define NPY_ITER_COMMON_DTYPE AC_ITER_COMMON_DTYPE
#define NPY_ITER_REFS_OK AC_ITER_REFS_OK
#define NPY_ITER_ZEROSIZE_OK AC_ITER_ZEROSIZE_OK
#define NPY_ITER_REDUCE_OK AC_ITER_REDUCE_OK
#define NPY_ITER_RANGED AC_ITER_RANGED
#define NPY_ITER_BUFFERED AC_ITER_BUFFERED
#define NPY_ITER_GROWINNER AC_ITER_GROWINNER
#define NPY_ITER_DELAY_BUFALLOC AC_ITER_DELAY_BUFALLOC
#define NPY_ITER_DONT_NEGATE_STRIDES AC_ITER_DONT_NEGATE_STRIDES
#define NPY_ITER_COPY_IF_OVERLAP AC_ITER_COPY_IF_OVERLAP
#define NPY_ITER_READWRITE AC_ITER_READWRITE
#define NPY_ITER_READONLY AC_ITER_READONLY
#define NPY_ITER_WRITEONLY AC_ITER_WRITEONLY
#define NPY_ITER_NBO AC_ITER_NBO
#define NPY_ITER_ALIGNED AC_ITER_ALIGNED
#define NPY_ITER_CONTIG AC_ITER_CONTIG
#define NPY_ITER_COPY AC_ITER_COPY
#define NPY_ITER_UPDATEIFCOPY AC_ITER_UPDATEIFCOPY
#define NPY_ITER_ALLOCATE AC_ITER_ALLOCATE
#define NPY_ITER_NO_SUBTYPE AC_ITER_NO_SUBTYPE
#define NPY_ITER_VIRTUAL AC_ITER_VIRTUAL
#define NPY_ITER_NO_BROADCAST AC_ITER_NO_BROADCAST
#define NPY_ITER_WRITEMASKED AC_ITER_WRITEMASKED
#define NPY_ITER_ARRAYMASK AC_ITER_ARRAYMASK
#define NPY_ITER_OVERLAP_ASSUME_ELEMENTWISE AC_ITER_OVERLAP_ASSUME_ELEMENTWISE
#define NPY_ITER_GLOBAL_FLAGS AC_ITER_GLOBAL_FLAGS
#define NPY_ITER_PER_OP_FLAGS AC_ITER_PER_OP_FLAGS

#define NpyIter_New ACIter_New
#define NpyIter_MultiNew ACIter_MultiNew
#define NpyIter_AdvancedNew ACIter_AdvancedNew
#define NpyIter_Copy ACIter_Copy
#define NpyIter_GetIterNext ACIter_GetIterNext
#define NpyIter_GetGetMultiIndex ACIter_GetGetMultiIndex
#define NpyIter_GetDataPtrArray ACIter_GetDataPtrArray
#define NpyIter_GetInitialDataPtrArray ACIter_GetInitialDataPtrArray
#define NpyIter_GetIndexPtr ACIter_GetIndexPtr
#define NpyIter_GetInnerStrideArray ACIter_GetInnerStrideArray
#define NpyIter_GetInnerLoopSizePtr ACIter_GetInnerLoopSizePtr
#define NpyIter_GetIterIndex ACIter_GetIterIndex
#define NpyIter_GetIterSize ACIter_GetIterSize
#define NpyIter_GetNDim ACIter_GetNDim
#define NpyIter_GetNOp ACIter_GetNOp
#define NpyIter_GetOperandArray ACIter_GetOperandArray
#define NpyIter_GetDescrArray ACIter_GetDescrArray
#define NpyIter_GetIterView ACIter_GetIterView
#define NpyIter_HasMultiIndex ACIter_HasMultiIndex
#define NpyIter_HasIndex ACIter_HasIndex
#define NpyIter_HasExternalLoop ACIter_HasExternalLoop
#define NpyIter_RequiresBuffering ACIter_RequiresBuffering
#define NpyIter_IsBuffered ACIter_IsBuffered
#define NpyIter_GetBufferSize ACIter_GetBufferSize
static inline int NpyIter_Deallocate(NpyIter *it) { return ACIter_Deallocate(it) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_Reset(NpyIter *it, char **errmsg) { return ACIter_Reset(it, errmsg) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_ResetToIterIndexRange(NpyIter *it, npy_intp istart, npy_intp iend, char **errmsg)
{
    return ACIter_ResetToIterIndexRange(it, istart, iend, errmsg) == 0 ? NPY_SUCCEED : NPY_FAIL;
}
static inline int NpyIter_ResetBasePointers(NpyIter *it, char **baseptrs, char **errmsg)
{
    return ACIter_ResetBasePointers(it, baseptrs, errmsg) == 0 ? NPY_SUCCEED : NPY_FAIL;
}
static inline int NpyIter_GotoIterIndex(NpyIter *it, npy_intp i) { return ACIter_GotoIterIndex(it, i) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_GotoMultiIndex(NpyIter *it, npy_intp const *mi) { return ACIter_GotoMultiIndex(it, mi) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_GotoIndex(NpyIter *it, npy_intp i) { return ACIter_GotoIndex(it, i) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_RemoveAxis(NpyIter *it, int axis) { return ACIter_RemoveAxis(it, axis) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_RemoveMultiIndex(NpyIter *it) { return ACIter_RemoveMultiIndex(it) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_EnableExternalLoop(NpyIter *it) { return ACIter_EnableExternalLoop(it) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline int NpyIter_GetShape(NpyIter *it, npy_intp *outshape) { return ACIter_GetShape(it, outshape) == 0 ? NPY_SUCCEED : NPY_FAIL; }
static inline void NpyIter_GetIterIndexRange(NpyIter *it, npy_intp *istart, npy_intp *iend)
{
    if (ACIter_GetIterIndexRange(it, istart, iend) < 0) {
        PyErr_Clear();
    }
}
static inline void NpyIter_GetInnerFixedStrideArray(NpyIter *it, npy_intp *out_strides)
{
    if (ACIter_GetInnerFixedStrideArray(it, out_strides) < 0) {
        PyErr_Clear();
    }
}
#endif /* AC_TARGET_VERSION >= 2 */

/* ---------------------------------------------- the core math library
   NumPy's npy_math / halffloat spellings of <arraycore/acmath.h>. */
#include "arraycore/acmath.h"
#define NPY_E AC_E
#define NPY_Ef AC_Ef
#define NPY_El AC_El
#define NPY_LOG2E AC_LOG2E
#define NPY_LOG2Ef AC_LOG2Ef
#define NPY_LOG2El AC_LOG2El
#define NPY_LOG10E AC_LOG10E
#define NPY_LOG10Ef AC_LOG10Ef
#define NPY_LOG10El AC_LOG10El
#define NPY_LOGE2 AC_LOGE2
#define NPY_LOGE2f AC_LOGE2f
#define NPY_LOGE2l AC_LOGE2l
#define NPY_LOGE10 AC_LOGE10
#define NPY_LOGE10f AC_LOGE10f
#define NPY_LOGE10l AC_LOGE10l
#define NPY_PI AC_PI
#define NPY_PIf AC_PIf
#define NPY_PIl AC_PIl
#define NPY_PI_2 AC_PI_2
#define NPY_PI_2f AC_PI_2f
#define NPY_PI_2l AC_PI_2l
#define NPY_PI_4 AC_PI_4
#define NPY_PI_4f AC_PI_4f
#define NPY_PI_4l AC_PI_4l
#define NPY_1_PI AC_1_PI
#define NPY_1_PIf AC_1_PIf
#define NPY_1_PIl AC_1_PIl
#define NPY_2_PI AC_2_PI
#define NPY_2_PIf AC_2_PIf
#define NPY_2_PIl AC_2_PIl
#define NPY_EULER AC_EULER
#define NPY_EULERf AC_EULERf
#define NPY_EULERl AC_EULERl
#define NPY_SQRT2 AC_SQRT2
#define NPY_SQRT2f AC_SQRT2f
#define NPY_SQRT2l AC_SQRT2l
#define NPY_SQRT1_2 AC_SQRT1_2
#define NPY_SQRT1_2f AC_SQRT1_2f
#define NPY_SQRT1_2l AC_SQRT1_2l
#define NPY_INFINITY AC_INFINITY
#define NPY_INFINITYF AC_INFINITYF
#define NPY_INFINITYL AC_INFINITYL
#define NPY_NAN AC_NAN
#define NPY_NANF AC_NANF
#define NPY_NANL AC_NANL
#define NPY_PZERO AC_PZERO
#define NPY_PZEROF AC_PZEROF
#define NPY_PZEROL AC_PZEROL
#define NPY_NZERO AC_NZERO
#define NPY_NZEROF AC_NZEROF
#define NPY_NZEROL AC_NZEROL
#define npy_isnan ac_isnan
#define npy_isinf ac_isinf
#define npy_isfinite ac_isfinite
#define npy_signbit ac_signbit
#define npy_sin ac_sin
#define npy_sinf ac_sinf
#define npy_sinl ac_sinl
#define npy_cos ac_cos
#define npy_cosf ac_cosf
#define npy_cosl ac_cosl
#define npy_tan ac_tan
#define npy_tanf ac_tanf
#define npy_tanl ac_tanl
#define npy_asin ac_asin
#define npy_asinf ac_asinf
#define npy_asinl ac_asinl
#define npy_acos ac_acos
#define npy_acosf ac_acosf
#define npy_acosl ac_acosl
#define npy_atan ac_atan
#define npy_atanf ac_atanf
#define npy_atanl ac_atanl
#define npy_sinh ac_sinh
#define npy_sinhf ac_sinhf
#define npy_sinhl ac_sinhl
#define npy_cosh ac_cosh
#define npy_coshf ac_coshf
#define npy_coshl ac_coshl
#define npy_tanh ac_tanh
#define npy_tanhf ac_tanhf
#define npy_tanhl ac_tanhl
#define npy_asinh ac_asinh
#define npy_asinhf ac_asinhf
#define npy_asinhl ac_asinhl
#define npy_acosh ac_acosh
#define npy_acoshf ac_acoshf
#define npy_acoshl ac_acoshl
#define npy_atanh ac_atanh
#define npy_atanhf ac_atanhf
#define npy_atanhl ac_atanhl
#define npy_exp ac_exp
#define npy_expf ac_expf
#define npy_expl ac_expl
#define npy_exp2 ac_exp2
#define npy_exp2f ac_exp2f
#define npy_exp2l ac_exp2l
#define npy_expm1 ac_expm1
#define npy_expm1f ac_expm1f
#define npy_expm1l ac_expm1l
#define npy_log ac_log
#define npy_logf ac_logf
#define npy_logl ac_logl
#define npy_log2 ac_log2
#define npy_log2f ac_log2f
#define npy_log2l ac_log2l
#define npy_log10 ac_log10
#define npy_log10f ac_log10f
#define npy_log10l ac_log10l
#define npy_log1p ac_log1p
#define npy_log1pf ac_log1pf
#define npy_log1pl ac_log1pl
#define npy_sqrt ac_sqrt
#define npy_sqrtf ac_sqrtf
#define npy_sqrtl ac_sqrtl
#define npy_cbrt ac_cbrt
#define npy_cbrtf ac_cbrtf
#define npy_cbrtl ac_cbrtl
#define npy_fabs ac_fabs
#define npy_fabsf ac_fabsf
#define npy_fabsl ac_fabsl
#define npy_floor ac_floor
#define npy_floorf ac_floorf
#define npy_floorl ac_floorl
#define npy_ceil ac_ceil
#define npy_ceilf ac_ceilf
#define npy_ceill ac_ceill
#define npy_trunc ac_trunc
#define npy_truncf ac_truncf
#define npy_truncl ac_truncl
#define npy_rint ac_rint
#define npy_rintf ac_rintf
#define npy_rintl ac_rintl
#define npy_hypot ac_hypot
#define npy_hypotf ac_hypotf
#define npy_hypotl ac_hypotl
#define npy_atan2 ac_atan2
#define npy_atan2f ac_atan2f
#define npy_atan2l ac_atan2l
#define npy_pow ac_pow
#define npy_powf ac_powf
#define npy_powl ac_powl
#define npy_fmod ac_fmod
#define npy_fmodf ac_fmodf
#define npy_fmodl ac_fmodl
#define npy_copysign ac_copysign
#define npy_copysignf ac_copysignf
#define npy_copysignl ac_copysignl
#define npy_nextafter ac_nextafter
#define npy_nextafterf ac_nextafterf
#define npy_nextafterl ac_nextafterl
#define npy_spacing ac_spacing
#define npy_spacingf ac_spacingf
#define npy_spacingl ac_spacingl
#define npy_modf ac_modf
#define npy_modff ac_modff
#define npy_frexp ac_frexp
#define npy_frexpf ac_frexpf
#define npy_ldexp ac_ldexp
#define npy_ldexpf ac_ldexpf
#define NPY_FPE_DIVIDEBYZERO AC_FPE_DIVIDEBYZERO
#define NPY_FPE_OVERFLOW AC_FPE_OVERFLOW
#define NPY_FPE_UNDERFLOW AC_FPE_UNDERFLOW
#define NPY_FPE_INVALID AC_FPE_INVALID
#define npy_get_floatstatus ac_get_floatstatus
#define npy_clear_floatstatus ac_clear_floatstatus
#define npy_get_floatstatus_barrier ac_get_floatstatus_barrier
#define npy_clear_floatstatus_barrier ac_clear_floatstatus_barrier
#define npy_set_floatstatus_divbyzero ac_set_floatstatus_divbyzero
#define npy_set_floatstatus_overflow ac_set_floatstatus_overflow
#define npy_set_floatstatus_underflow ac_set_floatstatus_underflow
#define npy_set_floatstatus_invalid ac_set_floatstatus_invalid
#define NPY_HALF_ZERO AC_HALF_ZERO
#define NPY_HALF_PZERO AC_HALF_PZERO
#define NPY_HALF_NZERO AC_HALF_NZERO
#define NPY_HALF_ONE AC_HALF_ONE
#define NPY_HALF_NEGONE AC_HALF_NEGONE
#define NPY_HALF_PINF AC_HALF_PINF
#define NPY_HALF_NINF AC_HALF_NINF
#define NPY_HALF_NAN AC_HALF_NAN
#define NPY_MAX_HALF AC_MAX_HALF
#define npy_half_to_float ac_half_to_float
#define npy_half_to_double ac_half_to_double
#define npy_float_to_half ac_float_to_half
#define npy_double_to_half ac_double_to_half
#define npy_floatbits_to_halfbits ac_floatbits_to_halfbits
#define npy_doublebits_to_halfbits ac_doublebits_to_halfbits
#define npy_halfbits_to_floatbits ac_halfbits_to_floatbits
#define npy_halfbits_to_doublebits ac_halfbits_to_doublebits
#define npy_half_isnan ac_half_isnan
#define npy_half_isinf ac_half_isinf
#define npy_half_isfinite ac_half_isfinite
#define npy_half_signbit ac_half_signbit
#define npy_half_iszero ac_half_iszero
#define npy_half_copysign ac_half_copysign
#define npy_half_eq ac_half_eq
#define npy_half_ne ac_half_ne
#define npy_half_lt ac_half_lt
#define npy_half_le ac_half_le
#define npy_half_gt ac_half_gt
#define npy_half_ge ac_half_ge
#define npy_half_eq_nonan ac_half_eq_nonan
#define npy_half_lt_nonan ac_half_lt_nonan
#define npy_half_le_nonan ac_half_le_nonan
#define npy_half_nextafter ac_half_nextafter
#define npy_half_spacing ac_half_spacing
#define npy_cpack ac_cpack
#define npy_cpackf ac_cpackf
#define npy_creal ac_creal
#define npy_crealf ac_crealf
#define npy_cimag ac_cimag
#define npy_cimagf ac_cimagf
#define npy_csetreal ac_csetreal
#define npy_csetrealf ac_csetrealf
#define npy_csetimag ac_csetimag
#define npy_csetimagf ac_csetimagf
#define npy_cexp ac_cexp
#define npy_cexpf ac_cexpf
#define npy_clog ac_clog
#define npy_clogf ac_clogf
#define npy_csqrt ac_csqrt
#define npy_csqrtf ac_csqrtf
#define npy_csin ac_csin
#define npy_csinf ac_csinf
#define npy_ccos ac_ccos
#define npy_ccosf ac_ccosf
#define npy_ctan ac_ctan
#define npy_ctanf ac_ctanf
#define npy_csinh ac_csinh
#define npy_csinhf ac_csinhf
#define npy_ccosh ac_ccosh
#define npy_ccoshf ac_ccoshf
#define npy_ctanh ac_ctanh
#define npy_ctanhf ac_ctanhf
#define npy_casin ac_casin
#define npy_casinf ac_casinf
#define npy_cacos ac_cacos
#define npy_cacosf ac_cacosf
#define npy_catan ac_catan
#define npy_catanf ac_catanf
#define npy_casinh ac_casinh
#define npy_casinhf ac_casinhf
#define npy_cacosh ac_cacosh
#define npy_cacoshf ac_cacoshf
#define npy_catanh ac_catanh
#define npy_catanhf ac_catanhf
#define npy_cabs ac_cabs
#define npy_cabsf ac_cabsf
#define npy_carg ac_carg
#define npy_cargf ac_cargf
#define npy_cpow ac_cpow
#define npy_cpowf ac_cpowf
#define npy_logaddexp ac_logaddexp
#define npy_logaddexpf ac_logaddexpf
#define npy_logaddexp2 ac_logaddexp2
#define npy_logaddexp2f ac_logaddexp2f
#define npy_deg2rad ac_deg2rad
#define npy_deg2radf ac_deg2radf
#define npy_rad2deg ac_rad2deg
#define npy_rad2degf ac_rad2degf
#define npy_divmod ac_divmod
#define npy_divmodf ac_divmodf
#define npy_floor_divide ac_floor_divide
#define npy_floor_dividef ac_floor_dividef
#define npy_remainder ac_remainder
#define npy_remainderf ac_remainderf

/* ---- ufuncs (NumPy's ufuncobject.h spellings) ------------------------------ */
#define PyUFuncGenericFunction ACUFuncGenericFunction
#define PyUFunc_Zero ACUFunc_Zero
#define PyUFunc_One ACUFunc_One
#define PyUFunc_MinusOne ACUFunc_MinusOne
#define PyUFunc_None ACUFunc_None
#define PyUFunc_ReorderableNone ACUFunc_ReorderableNone
#define PyUFunc_IdentityValue ACUFunc_IdentityValue
#define PyUFunc_FromFuncAndData ACUFunc_FromFuncAndData
#define PyUFunc_FromFuncAndDataAndSignature ACUFunc_FromFuncAndDataAndSignature
#define PyUFunc_RegisterLoopForType ACUFunc_RegisterLoopForType
#define PyUFunc_d_d ACUFunc_d_d
#define PyUFunc_f_f ACUFunc_f_f
#define PyUFunc_f_f_As_d_d ACUFunc_f_f_As_d_d
#define PyUFunc_e_e_As_f_f ACUFunc_e_e_As_f_f
#define PyUFunc_e_e_As_d_d ACUFunc_e_e_As_d_d
#define PyUFunc_dd_d ACUFunc_dd_d
#define PyUFunc_ff_f ACUFunc_ff_f
#define PyUFunc_ff_f_As_dd_d ACUFunc_ff_f_As_dd_d
#define PyUFunc_ee_e_As_ff_f ACUFunc_ee_e_As_ff_f
#define PyUFunc_ee_e_As_dd_d ACUFunc_ee_e_As_dd_d
#define PyUFunc_D_D ACUFunc_D_D
#define PyUFunc_F_F ACUFunc_F_F
#define PyUFunc_DD_D ACUFunc_DD_D
#define PyUFunc_FF_F ACUFunc_FF_F
#define NPY_SIGINT_ON AC_SIGINT_ON
#define NPY_SIGINT_OFF AC_SIGINT_OFF
/* import_ufunc() / import_umath(): the one arraycore table serves both */
#define import_ufunc()                      \
    do {                                    \
        if (import_arraycore() < 0) {       \
            return NULL;                    \
        }                                   \
    } while (0)
#define import_umath() import_ufunc()

#endif /* ARRAYCORE_NPY_COMPAT_H */
