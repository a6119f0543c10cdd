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
/* Sort the n keys k ascending carrying the indices ix along (unstable:
 * equal keys end in any order of their indices); AVX-512 only.  Returns 1
 * when sorted, 0 when it declined (k and ix then hold the pairs permuted). */
int ac_simdargsort_u64(uint64_t *k, int64_t *ix, ac_intp n);


/* In-place key transforms for contiguous lanes (AVX-512 only: callers ask
 * ac_simdsort_inplace_ok() first).  kind: the element type's family.
 * tokeys writes to d the sort keys of the n elements of src (src may be d),
 * the same keys as src/ac_sort.c's (complemented when desc); for
 * AC_SS_FLOAT it copies the original NaNs to spec[0, nnan) and the original zeros to
 * spec[n - 1], spec[n - 2], ... (input order), and sets cnt[0..2] to the
 * numbers of NaNs, zeros and negative values.  fromkeys writes the
 * elements of the keys k into d (k may be d; NaNs and zeros come back as
 * one canonical bit pattern, which the caller replaces). */
enum { AC_SS_UNSIGNED = 0, AC_SS_SIGNED = 1, AC_SS_FLOAT = 2 };
int ac_simdsort_inplace_ok(void);
void ac_simdsort_tokeys_u64(uint64_t *d, const uint64_t *src, ac_intp n, int kind, int desc,
                            uint64_t *spec, ac_intp *cnt);
void ac_simdsort_tokeys_u32(uint32_t *d, const uint32_t *src, ac_intp n, int kind, int desc,
                            uint32_t *spec, ac_intp *cnt);
/* tokeys into d (d and src must not overlap) fused with the first
 * partition of the quicksort (one pass over memory fewer), then sorted:
 * returns 1 when d holds the sorted keys; 2 (AC_SS_FLOAT) when it holds the
 * sorted values (floats are sorted as values, by the FP min/max, with NaNs
 * and zeros standing in for the ones kept in spec, which the caller puts
 * back as after fromkeys); 0 when the quicksort declined (d then holds the
 * keys permuted, for the caller's own sort). */
int ac_simdsort_tokeys_sort_u64(uint64_t *d, const uint64_t *src, ac_intp n, int kind, int desc,
                                uint64_t *spec, ac_intp *cnt);
int ac_simdsort_tokeys_sort_u32(uint32_t *d, const uint32_t *src, ac_intp n, int kind, int desc,
                                uint32_t *spec, ac_intp *cnt);
void ac_simdsort_fromkeys_u64(uint64_t *d, const uint64_t *k, ac_intp n, int kind, int desc);
void ac_simdsort_fromkeys_u32(uint32_t *d, const uint32_t *k, ac_intp n, int kind, int desc);

#endif
