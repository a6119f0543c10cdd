/*
 * arraycore/aciter.h -- the iterators of the C-API: the general multi-operand
 * iterator ACIter (opaque; ACIter_* functions), and the object layouts and
 * macros of the flat iterator (ACArrayIterObject, ACArray_ITER_*), the
 * broadcasting multi-iterator (ACArrayMultiIterObject, ACArray_MultiIter_*)
 * and the neighborhood iterator (ACArrayNeighborhoodIterObject,
 * ACArrayNeighborhoodIter_*).  Part of the public C-API: include
 * <arraycore/arraycore.h>.  Needs nothing from the API table.
 */
#ifndef ARRAYCORE_ACITER_H
#define ARRAYCORE_ACITER_H

#include <Python.h>
#include <string.h>
#include "arraycore/actypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------ the general iterator */
/* Maximum number of operands of an ACIter and of a multi-iterator. */
#define AC_MAXARGS 64

typedef struct ACIter_InternalOnly ACIter;
/* Advance; 1 while there is more to iterate, 0 at the end (or on an error
   of a buffer copy: then an exception is set, check PyErr_Occurred()). */
typedef int (ACIter_IterNextFunc)(ACIter *iter);
typedef void (ACIter_GetMultiIndexFunc)(ACIter *iter, ac_intp *outcoords);
/* The callback of ACIter_ForEachSlice: called without the GIL on each
   k-d slice; shape[k], strides[op * k + j].  Return 0 to go on; any other
   value stops the walk and is returned. */
typedef int (ACIter_SliceFunc)(char **dataptrs, const ac_intp *shape,
                               const ac_intp *strides, void *ctx);

/* global flags (the values of NumPy's NPY_ITER_*) */
#define AC_ITER_C_INDEX             0x00000001
#define AC_ITER_F_INDEX             0x00000002
#define AC_ITER_MULTI_INDEX         0x00000004
#define AC_ITER_EXTERNAL_LOOP       0x00000008
#define AC_ITER_COMMON_DTYPE        0x00000010
#define AC_ITER_REFS_OK             0x00000020
#define AC_ITER_ZEROSIZE_OK         0x00000040
#define AC_ITER_REDUCE_OK           0x00000080
#define AC_ITER_RANGED              0x00000100
#define AC_ITER_BUFFERED            0x00000200
#define AC_ITER_GROWINNER           0x00000400
#define AC_ITER_DELAY_BUFALLOC      0x00000800
#define AC_ITER_DONT_NEGATE_STRIDES 0x00001000
#define AC_ITER_COPY_IF_OVERLAP     0x00002000
/* per-operand flags */
#define AC_ITER_READWRITE           0x00010000
#define AC_ITER_READONLY            0x00020000
#define AC_ITER_WRITEONLY           0x00040000
#define AC_ITER_NBO                 0x00080000
#define AC_ITER_ALIGNED             0x00100000
#define AC_ITER_CONTIG              0x00200000
#define AC_ITER_COPY                0x00400000
#define AC_ITER_UPDATEIFCOPY        0x00800000
#define AC_ITER_ALLOCATE            0x01000000
#define AC_ITER_NO_SUBTYPE          0x02000000
#define AC_ITER_VIRTUAL             0x04000000
#define AC_ITER_NO_BROADCAST        0x08000000
#define AC_ITER_WRITEMASKED         0x10000000
#define AC_ITER_ARRAYMASK           0x20000000
#define AC_ITER_OVERLAP_ASSUME_ELEMENTWISE 0x40000000
#define AC_ITER_GLOBAL_FLAGS        0x0000ffff
#define AC_ITER_PER_OP_FLAGS        0xffff0000
/* op_axes entry: the operand has no such axis (broadcast); OR with an axis
   of an allocated output to make it a reduction axis */
#define AC_ITER_REDUCTION_AXIS(axis) ((axis) + (1 << 30))

/* ------------------------------------------------ the flat iterator */
typedef struct ACArrayIterObject_tag ACArrayIterObject;
typedef char *(*ac_iter_get_dataptr_t)(ACArrayIterObject *iter, const ac_intp *coords);

/* The flat iterator object (arraycore.flatiter, `a.flat`).  Its layout is
   public so that the ACArray_ITER_* macros run inline. */
struct ACArrayIterObject_tag {
    PyObject_HEAD
    int nd_m1;                               /* number of dimensions - 1 */
    ac_intp index, size;                     /* flat position, number of elements */
    ac_intp coordinates[AC_MAXDIMS];         /* N-d position */
    ac_intp dims_m1[AC_MAXDIMS];             /* shape - 1 */
    ac_intp strides[AC_MAXDIMS];
    ac_intp backstrides[AC_MAXDIMS];         /* strides * dims_m1 */
    ac_intp factors[AC_MAXDIMS];             /* elements per step of each axis */
    ACArrayObject *ao;                       /* the array iterated */
    char *dataptr;                           /* the current element */
    ac_bool contiguous;                      /* C-contiguous walk (coordinates not kept) */
    ac_intp bounds[AC_MAXDIMS][2];           /* neighborhood iterators only */
    ac_intp limits[AC_MAXDIMS][2];
    ac_intp limits_sizes[AC_MAXDIMS];
    ac_iter_get_dataptr_t translate;
};

static inline void
ACArray_ITER_RESET(void *it_)
{
    ACArrayIterObject *it = (ACArrayIterObject *)it_;
    it->index = 0;
    it->dataptr = it->ao->data;
    memset(it->coordinates, 0, (size_t)(it->nd_m1 + 1) * sizeof(ac_intp));
}

static inline void
ACArray_ITER_NEXT(void *it_)
{
    ACArrayIterObject *it = (ACArrayIterObject *)it_;
    int i;
    it->index++;
    if (it->nd_m1 == 0) {
        it->dataptr += it->strides[0];
        it->coordinates[0]++;
    }
    else if (it->contiguous) {
        it->dataptr += it->ao->descr->elsize;
    }
    else {
        for (i = it->nd_m1; i >= 0; i--) {
            if (it->coordinates[i] < it->dims_m1[i]) {
                it->coordinates[i]++;
                it->dataptr += it->strides[i];
                break;
            }
            it->coordinates[i] = 0;
            it->dataptr -= it->backstrides[i];
        }
    }
}

/* Go to the N-d position `destination` (nd_m1 + 1 entries, negative ones
   count from the end, as in NumPy). */
static inline void
ACArray_ITER_GOTO(void *it_, ac_intp *destination)
{
    ACArrayIterObject *it = (ACArrayIterObject *)it_;
    int i;
    it->index = 0;
    it->dataptr = it->ao->data;
    for (i = it->nd_m1; i >= 0; i--) {
        if (destination[i] < 0) {
            destination[i] += it->dims_m1[i] + 1;
        }
        it->dataptr += destination[i] * it->strides[i];
        it->coordinates[i] = destination[i];
        it->index += destination[i] * it->factors[i];
    }
}

/* Go to the flat (C-order) position `ind`. */
static inline void
ACArray_ITER_GOTO1D(void *it_, ac_intp ind)
{
    ACArrayIterObject *it = (ACArrayIterObject *)it_;
    int i;
    it->index = ind;
    it->dataptr = it->ao->data;
    if (it->nd_m1 == 0) {
        it->dataptr += ind * it->strides[0];
        it->coordinates[0] = ind;
        return;
    }
    for (i = 0; i <= it->nd_m1; i++) {
        it->coordinates[i] = ind / it->factors[i];
        it->dataptr += it->coordinates[i] * it->strides[i];
        ind %= it->factors[i];
    }
}

static inline void *ACArray_ITER_DATA(void *it) { return (void *)((ACArrayIterObject *)it)->dataptr; }
static inline int ACArray_ITER_NOTDONE(void *it)
{
    return ((ACArrayIterObject *)it)->index < ((ACArrayIterObject *)it)->size;
}

/* ------------------------------------------------ the multi-iterator */
/* The broadcasting multi-iterator (arraycore.broadcast). */
typedef struct {
    PyObject_HEAD
    int numiter;                             /* number of arrays */
    ac_intp size, index;                     /* broadcast size, flat position */
    int nd;                                  /* broadcast number of dimensions */
    ac_intp dimensions[AC_MAXDIMS];          /* broadcast shape */
    ACArrayIterObject *iters[AC_MAXARGS];    /* one flat iterator per array */
} ACArrayMultiIterObject;

static inline void
ACArray_MultiIter_RESET(void *m_)
{
    ACArrayMultiIterObject *m = (ACArrayMultiIterObject *)m_;
    int i;
    m->index = 0;
    for (i = 0; i < m->numiter; i++) {
        ACArray_ITER_RESET(m->iters[i]);
    }
}
static inline void
ACArray_MultiIter_NEXT(void *m_)
{
    ACArrayMultiIterObject *m = (ACArrayMultiIterObject *)m_;
    int i;
    m->index++;
    for (i = 0; i < m->numiter; i++) {
        ACArray_ITER_NEXT(m->iters[i]);
    }
}
static inline void
ACArray_MultiIter_GOTO(void *m_, ac_intp *dest)
{
    ACArrayMultiIterObject *m = (ACArrayMultiIterObject *)m_;
    int i;
    for (i = 0; i < m->numiter; i++) {
        ACArray_ITER_GOTO(m->iters[i], dest);
    }
    m->index = m->iters[0]->index;
}
static inline void
ACArray_MultiIter_GOTO1D(void *m_, ac_intp ind)
{
    ACArrayMultiIterObject *m = (ACArrayMultiIterObject *)m_;
    int i;
    for (i = 0; i < m->numiter; i++) {
        ACArray_ITER_GOTO1D(m->iters[i], ind);
    }
    m->index = m->iters[0]->index;
}
static inline void *ACArray_MultiIter_DATA(void *m, int i)
{
    return (void *)((ACArrayMultiIterObject *)m)->iters[i]->dataptr;
}
static inline void ACArray_MultiIter_NEXTi(void *m, int i)
{
    ACArray_ITER_NEXT(((ACArrayMultiIterObject *)m)->iters[i]);
}
static inline int ACArray_MultiIter_NOTDONE(void *m)
{
    return ((ACArrayMultiIterObject *)m)->index < ((ACArrayMultiIterObject *)m)->size;
}
static inline ac_intp ACArray_MultiIter_SIZE(void *m) { return ((ACArrayMultiIterObject *)m)->size; }
static inline int ACArray_MultiIter_NUMITER(void *m) { return ((ACArrayMultiIterObject *)m)->numiter; }
static inline ac_intp ACArray_MultiIter_INDEX(void *m) { return ((ACArrayMultiIterObject *)m)->index; }
static inline int ACArray_MultiIter_NDIM(void *m) { return ((ACArrayMultiIterObject *)m)->nd; }
static inline ac_intp *ACArray_MultiIter_DIMS(void *m) { return ((ACArrayMultiIterObject *)m)->dimensions; }
static inline void **ACArray_MultiIter_ITERS(void *m) { return (void **)((ACArrayMultiIterObject *)m)->iters; }

/* ------------------------------------------------ the neighborhood iterator */
/* Boundary modes */
enum {
    AC_NEIGHBORHOOD_ITER_ZERO_PADDING = 0,
    AC_NEIGHBORHOOD_ITER_ONE_PADDING = 1,
    AC_NEIGHBORHOOD_ITER_CONSTANT_PADDING = 2,
    AC_NEIGHBORHOOD_ITER_CIRCULAR_PADDING = 3,
    AC_NEIGHBORHOOD_ITER_MIRROR_PADDING = 4
};

/* Walks the neighborhood bounds[d][0] .. bounds[d][1] (inclusive, relative)
   around the current position of a flat iterator; positions outside the
   array follow the boundary mode. */
typedef struct {
    PyObject_HEAD
    /* the ACArrayIterObject part, in this order */
    int nd_m1;
    ac_intp index, size;
    ac_intp coordinates[AC_MAXDIMS];         /* relative position in the neighborhood */
    ac_intp dims_m1[AC_MAXDIMS];
    ac_intp strides[AC_MAXDIMS];
    ac_intp backstrides[AC_MAXDIMS];
    ac_intp factors[AC_MAXDIMS];
    ACArrayObject *ao;
    char *dataptr;
    ac_bool contiguous;
    ac_intp bounds[AC_MAXDIMS][2];           /* the neighborhood, relative */
    ac_intp limits[AC_MAXDIMS][2];           /* the array: 0 .. shape-1 */
    ac_intp limits_sizes[AC_MAXDIMS];
    ac_iter_get_dataptr_t translate;
    /* neighborhood part */
    ac_intp nd;
    ac_intp dimensions[AC_MAXDIMS];          /* of the array */
    ACArrayIterObject *_internal_iter;       /* the iterator whose position is the centre */
    char *constant;                          /* the fill value (constant/zero/one modes) */
    int mode;
} ACArrayNeighborhoodIterObject;

/* Back to the first point of the neighborhood of the centre's current position. */
static inline int
ACArrayNeighborhoodIter_Reset(ACArrayNeighborhoodIterObject *iter)
{
    ac_intp i;
    for (i = 0; i < iter->nd; i++) {
        iter->coordinates[i] = iter->bounds[i][0];
    }
    iter->index = 0;
    iter->dataptr = iter->translate((ACArrayIterObject *)iter, iter->coordinates);
    return 0;
}

/* The next point of the neighborhood (wraps to the first after the last). */
static inline int
ACArrayNeighborhoodIter_Next(ACArrayNeighborhoodIterObject *iter)
{
    ac_intp i;
    for (i = iter->nd - 1; i >= 0; i--) {
        if (iter->coordinates[i] < iter->bounds[i][1]) {
            iter->coordinates[i]++;
            break;
        }
        iter->coordinates[i] = iter->bounds[i][0];
    }
    iter->index = iter->index + 1 < iter->size ? iter->index + 1 : 0;
    iter->dataptr = iter->translate((ACArrayIterObject *)iter, iter->coordinates);
    return 0;
}

#ifdef __cplusplus
}
#endif
#endif /* ARRAYCORE_ACITER_H */
