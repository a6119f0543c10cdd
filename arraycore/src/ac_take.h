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

/* ufunc.at for add, subtract and multiply of one real type (not bool or
 * float16): a[pos[i]] = a[pos[i]] OP b[i * bstride] in index order (a 1-d,
 * native, aligned; positions already checked).  0 when done, -1 when the
 * type or op has no kernel here (the caller's general loop takes it). */
enum { AC_AT_ADD = 0, AC_AT_SUBTRACT = 1, AC_AT_MULTIPLY = 2 };
AC_EXPORT int ac_at_arith(int op, int tidx, char *a, ac_intp astride, const ac_int64 *pos,
                          ac_intp n, const char *b, ac_intp bstride);

#endif
