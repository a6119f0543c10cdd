/*
 * ac_sort.h -- sorting, searching and set kernels (plain C, no Python
 * objects, no GIL needed).  Every entry takes the dense type index (ACX_*)
 * and native-byte-order, aligned data.  Ordering is NumPy's: NaNs last,
 * -0.0 == 0.0, complex lexicographic on (real, imag) with NaN components
 * after all others.  Descending order is the exact reverse of that order
 * (NaNs first) with equal elements kept in their original order.
 *
 * Functions that allocate return -1 on allocation failure (no exception set).
 */
#ifndef ARRAYCORE_AC_SORT_H
#define ARRAYCORE_AC_SORT_H

#include "ac_internal.h"

#define AC_SORT_DESCENDING 1

/* Sort, in place, every lane of length n (stride `stride` bytes) of an array
 * whose lanes start at the points of an `nouter`-d grid (shape oshape,
 * strides ostrides[d]: the driver's layout for one operand), walked by the
 * loop driver.  The sort is always stable.  0, -1 when out of memory, or
 * AC_DRIVE_INTERRUPTED when a Ctrl-C stopped it (polled between lanes). */
AC_EXPORT int ac_sort_lanes(int tidx, int nouter, const ac_intp *oshape,
                  char *data, const ac_intp *ostrides,
                  ac_intp n, ac_intp stride, int flags);

/* sort: dst (n contiguous native elements) becomes the sorted copy of the
 * contiguous native src in one pass less than a copy and a sort, when the
 * type and CPU allow it (32/64-bit real types with AVX-512, both aligned):
 * returns 1 when done, 0 when not taken (nothing written), -1 when out of
 * memory. */
AC_EXPORT int ac_sort_copy_lane(int tidx, const char *src, char *dst, ac_intp n, int flags);

/* The stable argsort of every lane of `src` into the int64 lanes of `dst`
 * (same outer grid; ostrides[op * AC_MAXDIMS + d] with op 0 = src and
 * op 1 = dst, the driver's layout).  Returns as ac_sort_lanes. */
AC_EXPORT int ac_argsort_lanes(int tidx, int nouter, const ac_intp *oshape,
                     const char *src, ac_intp sstride, char *dst, ac_intp dstride,
                     const ac_intp *ostrides, ac_intp n, int flags);

/* out[j] = insertion index of x2[j] into the ascending x1 (contiguous, n1
 * items; x1[sorter[i]] when sorter is not NULL, indices checked by the
 * caller); side right when `right`. */
AC_EXPORT int ac_searchsorted(int tidx, const char *x1, ac_intp n1, const ac_int64 *sorter,
                    const char *x2, ac_intp n2, ac_int64 *out, int right);

/* out[i] = (x1[i] equals some element of x2) != invert (value equality:
 * NaN equals nothing, -0.0 == 0.0).  x1, x2 contiguous. */
AC_EXPORT int ac_isin(int tidx, const char *x1, ac_intp n1, const char *x2, ac_intp n2,
            ac_bool *out, int invert);

/* Unique elements in two steps: prepare (sort, count the groups into
 * st->nuniq), then fill any of the outputs (NULL = not wanted): values
 * (nuniq items, first occurrence of each), indices (first occurrences),
 * inverse (n), counts (nuniq).  NaNs are all distinct.  free() always. */
typedef struct {
    int tidx;
    ac_intp n;
    ac_intp nuniq;
    ac_int64 *perm;          /* stable ascending order of x */
    char *mark;              /* mark[i]: sorted position i starts a group */
    void *mem;
} ac_unique_state;
AC_EXPORT int ac_unique_prepare(ac_unique_state *st, int tidx, const char *x, ac_intp n);
AC_EXPORT void ac_unique_fill(const ac_unique_state *st, const char *x, char *values,
                    ac_int64 *indices, ac_int64 *inverse, ac_int64 *counts);
AC_EXPORT void ac_unique_free(ac_unique_state *st);

/* Number of non-zero elements of a contiguous x (NaN is non-zero). */
AC_EXPORT ac_intp ac_nonzero_count(int tidx, const char *x, ac_intp n);
/* The C-order multi-indices of the non-zero elements of the contiguous
 * nd-array x: outs[d] receives the d-th coordinates. */
AC_EXPORT void ac_nonzero_indices(int tidx, const char *x, int nd, const ac_intp *shape,
                        ac_int64 **outs);

#endif
