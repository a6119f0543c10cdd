/*
 * ac_take.h -- integer-array indexing kernels (src/ac_take.c): typed
 * gathers and scatters of whole elements.  Elements are `itemsize` bytes;
 * indices are int64, negative ones counting from the end of the axis.
 */
#ifndef ARRAYCORE_AC_TAKE_H
#define ARRAYCORE_AC_TAKE_H

#include "ac_internal.h"

/* dst[i] = src[idx[i] * sstride] for i < n (dst contiguous).  Returns -1,
 * or the position of the first index outside [-dim, dim) (nothing is
 * written from there on). */
AC_EXPORT ac_intp ac_take_1d(char *dst, const char *src, ac_intp sstride, ac_intp dim,
                             const ac_int64 *idx, ac_intp n, int itemsize);
/* dst[idx[i] * dstride] = src[i * vstride] in order (the last of repeated
 * indices wins; vstride 0 repeats one value).  Returns as ac_take_1d;
 * every index is checked first, so nothing is written when one is bad. */
AC_EXPORT ac_intp ac_put_1d(char *dst, ac_intp dstride, ac_intp dim, const ac_int64 *idx,
                            ac_intp n, const char *src, ac_intp vstride, int itemsize);
/* offs[i] += (idx[i], wrapped) * stride; returns as ac_take_1d. */
AC_EXPORT ac_intp ac_index_offsets(ac_int64 *offs, const ac_int64 *idx, ac_intp n, ac_intp dim,
                                   ac_intp stride);
/* dst[i] = *(base + offs[i]) (dst contiguous) */
AC_EXPORT void ac_gather_offsets(char *dst, const char *base, const ac_int64 *offs, ac_intp n,
                                 int itemsize);
/* *(base + offs[i]) = src[i * vstride], in order */
AC_EXPORT void ac_scatter_offsets(char *base, const ac_int64 *offs, ac_intp n, const char *src,
                                  ac_intp vstride, int itemsize);

/* ufunc.at of one type: a[pos[i]] = a[pos[i]] OP b[i * bstride] in index
 * order (a native and aligned, positions already checked; a negative
 * position counts from `wrap`, the length of a's one axis, else pass 0).
 * Ops: add, subtract, multiply, maximum, minimum, fmax, fmin on integers
 * and float32/64; bitwise and/or/xor on integers; add and subtract on
 * complex64/128 (the formulas of the ufuncs' own loops).  0 when done, -1
 * when the type or op has no kernel here (the caller's general loop takes
 * it). */
enum { AC_AT_ADD = 0, AC_AT_SUBTRACT = 1, AC_AT_MULTIPLY = 2, AC_AT_MAXIMUM = 3,
       AC_AT_MINIMUM = 4, AC_AT_FMAX = 5, AC_AT_FMIN = 6, AC_AT_AND = 7, AC_AT_OR = 8,
       AC_AT_XOR = 9 };
AC_EXPORT int ac_at_arith(int op, int tidx, char *a, ac_intp astride, ac_intp wrap,
                          const ac_int64 *pos, ac_intp n, const char *b, ac_intp bstride);
/* the position of the first of idx[0, n) outside [-dim, dim), or -1
 * (vectorized) */
AC_EXPORT ac_intp ac_index_check(const ac_int64 *idx, ac_intp n, ac_intp dim);

#endif
