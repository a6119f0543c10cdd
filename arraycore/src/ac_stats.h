/* ac_stats.h -- kernels of the statistics functions (see ac_stats.c). */
#ifndef ARRAYCORE_AC_STATS_H
#define ARRAYCORE_AC_STATS_H
#include "ac_internal.h"

/* index of the maximum/minimum of n elements at p with byte stride s (n >= 1) */
typedef ac_intp (*ac_arg_fn)(const char *p, ac_intp n, ac_intp s);
extern AC_EXPORT ac_arg_fn ac_argmax_table[ACX_NTYPES];
extern AC_EXPORT ac_arg_fn ac_argmin_table[ACX_NTYPES];

/* sum over n elements of (x - mean)^2, pairwise, in double; stops early
 * (with a meaningless result) when ac_sigint_flag is set (Ctrl-C) */
AC_EXPORT double ac_sumsqdev_float64(const char *p, ac_intp n, ac_intp s, double mean);
AC_EXPORT double ac_sumsqdev_float32(const char *p, ac_intp n, ac_intp s, double mean);

/* Truth-value scans over an N-d strided array of dense type tidx, native
 * byte order and aligned (integers and bool may be byte-swapped): what =
 * AC_TRUTH_COUNT stores the number of non-zero elements in *result,
 * AC_TRUTH_ANY / AC_TRUTH_ALL store 1 or 0 (stopping at the first deciding
 * element).  strides[d] in bytes.  Returns 0, AC_DRIVE_INTERRUPTED (Ctrl-C),
 * AC_DRIVE_BADARGS or a loop error.  Plain C: call without the GIL. */
#define AC_TRUTH_COUNT 0
#define AC_TRUTH_ANY   1
#define AC_TRUTH_ALL   2
AC_EXPORT int ac_truth_scan(int what, int tidx, int ndim, const ac_intp *shape,
                            const ac_intp *strides, char *data, ac_intp *result);
#endif
