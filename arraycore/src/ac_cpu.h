/*
 * ac_cpu.h -- run-time CPU dispatch: the one home for choosing SIMD code.
 *
 * Hot loops are compiled several times with AC_TARGET_AVX2 / AC_TARGET_AVX512
 * (GCC/Clang function target attributes; never -march=native) and the caller
 * picks a version with ac_cpu_level().  The level is detected once; the
 * environment variable ARRAYCORE_CPU=baseline|avx2|avx512 lowers it (tests
 * use it to run every code path on one machine).
 */
#ifndef ARRAYCORE_AC_CPU_H
#define ARRAYCORE_AC_CPU_H
#include "ac_export.h"

enum { AC_CPU_BASELINE = 0, AC_CPU_AVX2 = 1, AC_CPU_AVX512 = 2 };

/* The dispatch level in use (detected on first call, then cached). */
AC_EXPORT int ac_cpu_level(void);
/* Its name: "baseline", "avx2" or "avx512". */
AC_EXPORT const char *ac_cpu_level_name(int level);
/* Whether long streaming reductions (sum, max/min of runs beyond L2) issue
 * software prefetches ahead of their loads.  Measured: on an Intel machine
 * they took a 10M float64 max from 0.44 to 0.32 ns an element; on AMD Zen 4
 * every distance tried (512 B .. 4 KB) made it slower (0.24 -> 0.32), its
 * own prefetchers keep enough misses in flight.  So: on unless the CPU is
 * AMD's; ARRAYCORE_STREAM_PREFETCH=0|1 overrides (the bits are the same). */
AC_EXPORT int ac_cpu_stream_prefetch(void);
/* Whether take and a[i] fetch 4- and 8-byte elements by AVX2 gathers
 * (vpgatherqq/vpgatherqd, src/ac_take.c) rather than scalar loads.
 * Measured on AMD Zen 4, 1M random float64 (in L3): 1.18 ms against 1.70
 * for the best scalar loop (a gather keeps more loads in flight per
 * instruction window); in L2, equal (8-byte) or 9% faster (4-byte).  Intel's
 * gathers are microcoded slowly under the Gather Data Sampling mitigation
 * (Skylake .. Ice Lake) and AMD's before Zen 3, so: on for AMD family 0x19
 * and later at the AVX2 level and above, off elsewhere;
 * ARRAYCORE_GATHER=0|1 overrides (1 only where AVX2 is in use).  The
 * results are the same either way. */
AC_EXPORT int ac_cpu_fast_gather(void);

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define AC_HAVE_DISPATCH 1
#define AC_TARGET_AVX2 __attribute__((target("avx2,fma")))
#define AC_TARGET_AVX512 __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma")))
#else
#define AC_HAVE_DISPATCH 0
#define AC_TARGET_AVX2
#define AC_TARGET_AVX512
#endif

#endif
