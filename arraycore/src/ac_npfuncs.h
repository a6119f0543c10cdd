/*
 * ac_npfuncs.h -- C kernels of the NumPy-named functions (src/ac_npfuncs.c):
 * introselect, bincount, uniform-bin histogram.  Native, aligned, contiguous
 * data; no Python objects, no GIL needed.
 */
#ifndef ARRAYCORE_AC_NPFUNCS_H
#define ARRAYCORE_AC_NPFUNCS_H

#include "ac_internal.h"

/* Partition in place each of `nlanes` contiguous lanes of n items (lane L
 * starts at data + L * lanestride bytes) so that the items at the sorted,
 * distinct positions kth[0..nk) are those a full sort would put there, with
 * no larger item before and no smaller after each (NaNs last).  Types: bool,
 * the integers, float32, float64; returns -1 for any other type. */
AC_EXPORT int ac_select_lanes(int tidx, char *data, ac_intp nlanes, ac_intp lanestride,
                              ac_intp n, const ac_intp *kth, ac_intp nk);

/* The indices (int64, n per lane, written to out + L * n) that partition each
 * lane as ac_select_lanes would.  0; -1 unsupported type; -2 out of memory. */
AC_EXPORT int ac_argselect_lanes(int tidx, const char *data, ac_intp nlanes,
                                 ac_intp lanestride, ac_intp n, const ac_intp *kth,
                                 ac_intp nk, ac_int64 *out);

/* counts[x[i]]++ (w NULL) or sums[x[i]] += w[i]; x in [0, nbins) checked by the caller. */
AC_EXPORT void ac_bincount(const ac_int64 *x, ac_intp n, const double *w, ac_intp nbins,
                           ac_int64 *counts, double *sums);
AC_EXPORT void ac_minmax_i64(const ac_int64 *x, ac_intp n, ac_int64 *mn, ac_int64 *mx);

/* Histogram of x into nbins equal bins of [lo, hi] with the given nbins + 1 edges. */
AC_EXPORT void ac_hist_uniform(const double *x, ac_intp n, const double *w, double lo,
                               double hi, ac_intp nbins, const double *edges,
                               ac_int64 *counts, double *sums);

#endif
