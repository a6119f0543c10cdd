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

#endif /* ARRAYCORE_NPY_COMPAT_H */
