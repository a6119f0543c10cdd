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
#endif
