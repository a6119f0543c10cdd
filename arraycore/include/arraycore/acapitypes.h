/*
 * arraycore/acapitypes.h -- the small types and inline helpers the C-API
 * functions use (ACArray_Dims, ACDimMem_*, AC_RAVEL_AXIS, flag setters, dtype
 * field accessors).  Part of the public C-API: include <arraycore/arraycore.h>.
 * Needs nothing from the API table.
 */
#ifndef ARRAYCORE_ACAPITYPES_H
#define ARRAYCORE_ACAPITYPES_H

#include <Python.h>
#include <limits.h>
#include "arraycore/actypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A shape, a permutation or an index list: ACArray_IntpConverter fills it,
   ACArray_Newshape and ACArray_Transpose read it. */
typedef struct {
    ac_intp *ptr;
    int len;
} ACArray_Dims;

/* Memory of ACArray_Dims.ptr filled by ACArray_IntpConverter (Python's
   PyMem allocator). */
#define ACDimMem_NEW(size) ((ac_intp *)PyMem_Malloc((size_t)(size) * sizeof(ac_intp)))
#define ACDimMem_FREE(ptr) PyMem_Free((void *)(ptr))

/* Free what ACArray_IntpConverter allocated; NULL is accepted. */
static inline void
ACArray_DimsFree(ACArray_Dims *dims)
{
    if (dims != NULL) {
        PyMem_Free((void *)dims->ptr);
        dims->ptr = NULL;
        dims->len = 0;
    }
}

/* ACArray_AxisConverter stores this for None ("all axes, flattened"). */
#define AC_RAVEL_AXIS INT_MIN

/* Flag setters (the caller asserts the array's real state: enabling
   AC_ARRAY_WRITEABLE on read-only memory, or OWNDATA on memory arraycore did
   not allocate, is a bug; OWNDATA never transfers ownership of memory). */
static inline void
ACArray_ENABLEFLAGS(void *arr, int flags)
{
    ((ACArrayObject *)arr)->flags |= flags;
}
static inline void
ACArray_CLEARFLAGS(void *arr, int flags)
{
    ((ACArrayObject *)arr)->flags &= ~flags;
}

/* Array predicates in NumPy's other spellings */
static inline int ACArray_ISCONTIGUOUS(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_C_CONTIGUOUS); }
static inline int ACArray_ISFORTRAN(void *arr)
{
    return ACArray_CHKFLAGS(arr, AC_ARRAY_F_CONTIGUOUS) && ACArray_NDIM(arr) > 1;
}
static inline int ACArray_ISNOTSWAPPED(void *arr) { return ACDataType_ISNOTSWAPPED(ACArray_DESCR(arr)); }
static inline int ACArray_ISBEHAVED(void *arr)
{
    return ACArray_CHKFLAGS(arr, AC_ARRAY_BEHAVED) && ACArray_ISNOTSWAPPED(arr);
}

/* dtype field accessors */
static inline int ACDataType_TYPENUM(const ACArray_Descr *d) { return d->type_num; }
static inline char ACDataType_KIND(const ACArray_Descr *d) { return d->kind; }
static inline char ACDataType_CHAR(const ACArray_Descr *d) { return d->type; }
static inline char ACDataType_BYTEORDER(const ACArray_Descr *d) { return d->byteorder; }

#ifdef __cplusplus
}
#endif
#endif /* ARRAYCORE_ACAPITYPES_H */
