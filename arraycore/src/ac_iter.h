/*
 * ac_iter.h -- private: the iteration engine behind ACIter / arraycore.nditer
 * (plain C, no Python objects, no GIL needed).  _iter.pyx builds an ACIter
 * from Python objects and owns the references kept in `opobjs`; this engine
 * only orders, coalesces and walks the iteration space, tracks indices and
 * moves data through the cast buffers.
 *
 * Layout conventions: iteration dimensions are stored outermost first
 * (d = ndim-1 is the inner loop); strides are dimension-major,
 * strides[d * ntot + op].  Operand `nop` (when present) is the flat C or F
 * index, walked as a pseudo-operand whose "pointer" is the index value.
 */
#ifndef ARRAYCORE_AC_ITER_H
#define ARRAYCORE_AC_ITER_H

#include "ac_internal.h"
#include "arraycore/aciter.h"

/* internal flags (above the public global flags' 16 bits) */
#define ACI_HASINDEX      0x00010000u  /* C or F index as pseudo-operand nop */
#define ACI_BUFMODE       0x00020000u  /* at least one operand goes through a buffer */
#define ACI_DIRTY         0x00040000u  /* the buffers hold data not yet written back */
#define ACI_EMPTY         0x00080000u  /* zero-size iteration */
#define ACI_MULTIROW      0x00100000u  /* buffered chunks span several rows: every
                                          operand is buffered, no reductions */

/* internal per-operand flags */
#define ACI_OP_READ    0x1
#define ACI_OP_WRITE   0x2
#define ACI_OP_BUFFER  0x4   /* moves through buffers[op] with a cast */

struct ACIter_InternalOnly {
    unsigned int flags;      /* AC_ITER_* global flags | ACI_* */
    int ndim;                /* iteration dimensions (>= 1) */
    int orig_ndim;           /* dimensions of the multi-index (0 for 0-d) */
    int nop;                 /* user operands */
    int ntot;                /* nop (+1 with an index) */
    int cap_ndim;            /* capacity of the per-dimension arrays */
    ac_intp itersize, iterstart, iterend, iterindex;
    ac_intp innersize;       /* current inner-loop size */
    ac_intp chunksize;       /* buffered mode: elements in the current chunk */
    ac_intp chunkpos;        /* buffered, no external loop: position in chunk */
    ac_intp buffersize;
    ac_intp *shape;          /* [cap_ndim] iteration shape, outermost first */
    ac_intp *coords;         /* [cap_ndim] */
    ac_intp *strides;        /* [cap_ndim * ntot] */
    int *perm;               /* [cap_ndim] original axis of d (-1-axis: flipped) */
    ac_intp *origshape;      /* [cap_ndim] broadcast shape, original axis order */
    char **baseptrs;         /* [ntot] pointers at iteration index 0 */
    ac_intp *baseoffsets;    /* [ntot] bytes added to the reset pointers by flips */
    char **ptrs;             /* [ntot] current position in the operands */
    char **bufptrs;          /* [ntot] buffered mode: what the user sees */
    char **dataptrs;         /* = ptrs (unbuffered) or bufptrs */
    ac_intp *innerstrides;   /* [ntot] */
    char **buffers;          /* [nop] cast buffers, NULL where not buffered */
    int *opflags;            /* [nop] ACI_OP_* */
    ac_opinfo *opinfo;       /* [nop] operand memory */
    ac_opinfo *bufinfo;      /* [nop] buffer (native, aligned, op dtype) */
    int error;               /* a buffer copy failed (out of memory) */
    /* owned by _iter.pyx (Python references, never touched here) */
    void **opobjs;           /* [nop] the operand arrays */
    void **opdescrs;         /* [nop] the dtypes seen by the user */
    void **writeback;        /* [nop] originals of COPY/UPDATEIFCOPY temporaries */
    void *pyowner;           /* extra state of the Cython layer */
};

/* Allocate an iterator with room for `ndim` dimensions and `nop` operands
 * (plus an index when `has_index`); all arrays zeroed.  NULL when out of memory. */
AC_EXPORT ACIter *aci_alloc(int ndim, int nop, int has_index);
/* Free the memory of the engine (buffers too); not the Python references. */
AC_EXPORT void aci_free(ACIter *it);

/* The axis order for a space of `ndim` axes and `nop` operands with
 * strides[op * ndim + axis]: perm[d] is the axis iterated at level d
 * (outermost first).  order: AC_CORDER, AC_FORTRANORDER or AC_KEEPORDER. */
AC_EXPORT void aci_best_order(int ndim, int nop, const ac_intp *strides, int order, int *perm);

/* Set the iterator up from the broadcast shape (it->origshape, orig_ndim
 * entries), the base pointers in it->baseptrs and the per-axis strides given
 * as ostrides[op * orig_ndim + axis] for the nop user operands.  Orders the
 * axes (order: C, F or K; K flips axes whose strides are all negative unless
 * DONT_NEGATE_STRIDES), adds the index pseudo-operand, coalesces unless a
 * multi-index is tracked, and resets.  Buffers must be set before. */
AC_EXPORT void aci_setup(ACIter *it, const ac_intp *ostrides, int order);

/* Coalesce the iteration dimensions where every operand allows it. */
AC_EXPORT void aci_coalesce(ACIter *it);

/* Positioning; 0 on success, -1 when out of range (or a copy failed). */
AC_EXPORT int aci_reset(ACIter *it);
AC_EXPORT int aci_goto_iterindex(ACIter *it, ac_intp iterindex);
AC_EXPORT int aci_goto_multi_index(ACIter *it, const ac_intp *idx);
AC_EXPORT int aci_goto_index(ACIter *it, ac_intp index);
AC_EXPORT void aci_get_multi_index(ACIter *it, ac_intp *out);
AC_EXPORT ac_intp aci_get_index(ACIter *it);
/* Write pending buffered data back: 0, or -1 when a copy failed. */
AC_EXPORT int aci_flush(ACIter *it);
/* Remove original axis `axis` (multi-index tracked); 0 or -1 (bad axis). */
AC_EXPORT int aci_remove_axis(ACIter *it, int axis);
/* A copy of the engine state (buffers duplicated); NULL when out of memory.
 * The Python-owned pointers are copied as they are. */
AC_EXPORT ACIter *aci_copy(ACIter *it);

/* The iternext functions: 1 while there is more, 0 at the end. */
AC_EXPORT ACIter_IterNextFunc *aci_get_iternext(ACIter *it);

/* Walk all axes but the `k` kept ones of an N-d space shared by `nop`
 * operands (strides[op * AC_MAXDIMS + axis], the driver's layout) with the
 * loop driver, in C order, calling fn on each k-d slice with the kept axes'
 * shape and strides[op * k + j].  0, the first non-zero value fn returned,
 * or AC_DRIVE_INTERRUPTED when Ctrl-C stopped it (polled between slices). */
AC_EXPORT int aci_foreach_slice(int ndim, const ac_intp *shape, int nop, char **ptrs,
                      const ac_intp *strides, int k, const int *axes,
                      ACIter_SliceFunc *fn, void *ctx);

#endif
