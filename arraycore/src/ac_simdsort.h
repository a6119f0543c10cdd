/*
 * ac_simdsort.h -- unstable vectorized quicksort of unsigned 32- and 64-bit
 * keys (src/ac_simdsort.c), used by the value sorts of src/ac_sort.c where
 * the order among equal keys cannot be seen.
 */
#ifndef ARRAYCORE_AC_SIMDSORT_H
#define ARRAYCORE_AC_SIMDSORT_H

#include <stdint.h>
#include "ac_internal.h"

/* Sort the n keys k ascending, in place, with the best SIMD level that
 * ac_cpu_level() allows.  Returns 1 when sorted; 0 when it declined (no
 * SIMD level, or too many unbalanced partitions), leaving a permutation of
 * the keys for the caller's scalar sort. */
int ac_simdsort_u64(uint64_t *k, ac_intp n);
int ac_simdsort_u32(uint32_t *k, ac_intp n);

#endif
