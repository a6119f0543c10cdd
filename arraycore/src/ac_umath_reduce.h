/*
 * ac_umath_reduce.h -- lane-parallel reductions of maximum/minimum over a
 * contiguous float32/float64 run, included by the generated ufunc loops
 * (tools/gen_loops.py) for their reduction path.
 *
 * The serial fold a = ac_max(a, b) keeps the first NaN, else the last
 * element equal to the maximum (which matters only between -0.0 and +0.0).
 * Here four accumulators of independent lanes (one version per SIMD level) find
 * the extreme and whether any NaN was seen; when there was a NaN, or the
 * extreme is zero, the exact serial fold runs instead, so the result is the
 * serial fold's, bit for bit.
 */
#ifndef ARRAYCORE_AC_UMATH_REDUCE_H
#define ARRAYCORE_AC_UMATH_REDUCE_H
#include <string.h>
#include "ac_cpu.h"
#include "ac_umath_helpers.h"   /* ac_max_d, ... (the serial fold) */

#define AC_REDEXT_LANES 64   /* the least n the lanes take: 4 x 64 bytes of float32 */
#ifndef AC_REDEXT_PREFETCH
#define AC_REDEXT_PREFETCH 4096   /* bytes ahead of the lanes' loads */
#endif
/* runs of at least this many bytes (beyond L2) prefetch, where the CPU
   wants it (ac_cpu_stream_prefetch) */
#define AC_REDEXT_PF_MIN ((ac_intp)1 << 20)

/* GCC vector types, one width per SIMD level (16 bytes at SSE2, 32 at AVX2,
 * 64 at AVX-512: four accumulators and their NaN masks stay in registers);
 * the compare gives a lane mask and the select is done with bit operations,
 * so the loop vectorizes whatever -ftrapping-math allows.  Four independent
 * accumulators let the compare-and-select chains overlap.  A NaN never
 * enters acc (a comparison with NaN is false); nan records one. */
#define AC_RV_TYPES(B)                                                        \
typedef double ac_rvd##B __attribute__((vector_size(B)));                     \
typedef ac_int64 ac_rvl##B __attribute__((vector_size(B)));                   \
typedef float ac_rvf##B __attribute__((vector_size(B)));                      \
typedef ac_int32 ac_rvi##B __attribute__((vector_size(B)));
AC_RV_TYPES(16)
AC_RV_TYPES(32)
AC_RV_TYPES(64)

#define AC_REDEXT_STEP(K, VT, VI, OP)                                         \
    memcpy(&v, p + i + K * W, sizeof(VT));                                    \
    g = v OP acc##K; acc##K = (VT)(((VI)v & g) | ((VI)acc##K & ~g));          \
    nan |= v != v;
#define AC_REDEXT_BODY(T, IT, VT, VI, OP)                                     \
    enum { W = sizeof(VT) / sizeof(T) };                                      \
    VT acc0, acc1, acc2, acc3, v; VI nan, g;                                  \
    ac_intp i;                                                                \
    memcpy(&acc0, p, sizeof(VT)); memcpy(&acc1, p + W, sizeof(VT));           \
    memcpy(&acc2, p + 2 * W, sizeof(VT)); memcpy(&acc3, p + 3 * W, sizeof(VT)); \
    nan = (acc0 != acc0) | (acc1 != acc1) | (acc2 != acc2) | (acc3 != acc3);  \
    i = 4 * W;                                                                \
    if (n * (ac_intp)sizeof(T) >= AC_REDEXT_PF_MIN && ac_cpu_stream_prefetch()) { \
        for (; i + 4 * W <= n; i += 4 * W) {                                  \
            for (int pf = 0; pf < 4 * (int)sizeof(VT); pf += 64)             \
                __builtin_prefetch((const char *)(p + i) + AC_REDEXT_PREFETCH + pf, 0, 3); \
            AC_REDEXT_STEP(0, VT, VI, OP) AC_REDEXT_STEP(1, VT, VI, OP)       \
            AC_REDEXT_STEP(2, VT, VI, OP) AC_REDEXT_STEP(3, VT, VI, OP)       \
        }                                                                     \
    }                                                                         \
    for (; i + 4 * W <= n; i += 4 * W) {                                      \
        AC_REDEXT_STEP(0, VT, VI, OP) AC_REDEXT_STEP(1, VT, VI, OP)           \
        AC_REDEXT_STEP(2, VT, VI, OP) AC_REDEXT_STEP(3, VT, VI, OP)           \
    }                                                                         \
    T m = acc0[0]; IT any = 0;                                                \
    for (int j = 0; j < W; j++) {                                             \
        m = acc0[j] OP m ? acc0[j] : m;                                       \
        m = acc1[j] OP m ? acc1[j] : m;                                       \
        m = acc2[j] OP m ? acc2[j] : m;                                       \
        m = acc3[j] OP m ? acc3[j] : m;                                       \
        any |= nan[j];                                                        \
    }                                                                         \
    for (; i < n; i++) { T v = p[i]; m = v OP m ? v : m; any |= (IT)(v != v); } \
    *nan_seen = any != 0;                                                     \
    return m;

#define AC_REDEXT(NAME, S, T, IT, V, I, OP)                                   \
static T ac_redext_##NAME##_##S##_base(const T *p, ac_intp n, int *nan_seen)  \
{ AC_REDEXT_BODY(T, IT, ac_rv##V##16, ac_rv##I##16, OP) }                     \
AC_REDEXT_CLONES(NAME, S, T, IT, V, I, OP)                                    \
/* the extreme of p[0..n) ignoring NaNs, and whether one was seen */       \
static inline T ac_redext_lanes_##NAME##_##S(const T *p, ac_intp n, int *nan_seen) \
{                                                                             \
    T m;                                                                      \
    AC_REDEXT_DISPATCH(NAME, S)                                               \
    m = ac_redext_##NAME##_##S##_base(p, n, nan_seen);                        \
  done:                                                                       \
    return m;                                                                 \
}                                                                             \
/* the fold of ac_NAME over a, p[0..n): contiguous p, n >= LANES */          \
static inline T ac_redext_##NAME##_##S(T a, const T *p, ac_intp n)           \
{                                                                             \
    int nan_seen; T m;                                                        \
    if (a != a) return a;                                                     \
    m = ac_redext_lanes_##NAME##_##S(p, n, &nan_seen);                        \
    if (nan_seen || m == 0) {            /* the exact serial fold */         \
        for (ac_intp k = 0; k < n; k++) a = ac_##NAME##_##S(a, p[k]);         \
        return a;                                                             \
    }                                                                         \
    return (m OP a) ? m : a;   /* equal nonzero values have equal bits */    \
}

#if AC_HAVE_DISPATCH
#define AC_REDEXT_CLONES(NAME, S, T, IT, V, I, OP)                            \
static AC_TARGET_AVX2 T ac_redext_##NAME##_##S##_avx2(const T *p, ac_intp n, int *nan_seen) \
{ AC_REDEXT_BODY(T, IT, ac_rv##V##32, ac_rv##I##32, OP) }                     \
static AC_TARGET_AVX512 T ac_redext_##NAME##_##S##_avx512(const T *p, ac_intp n, int *nan_seen) \
{ AC_REDEXT_BODY(T, IT, ac_rv##V##64, ac_rv##I##64, OP) }
#define AC_REDEXT_DISPATCH(NAME, S)                                           \
    {                                                                         \
        int lvl = ac_cpu_level();                                             \
        if (lvl >= AC_CPU_AVX512) {                                           \
            m = ac_redext_##NAME##_##S##_avx512(p, n, nan_seen); goto done;   \
        }                                                                     \
        if (lvl >= AC_CPU_AVX2) {                                             \
            m = ac_redext_##NAME##_##S##_avx2(p, n, nan_seen); goto done;     \
        }                                                                     \
    }
#else
#define AC_REDEXT_CLONES(NAME, S, T, IT, V, I, OP)
#define AC_REDEXT_DISPATCH(NAME, S)
#endif

AC_REDEXT(max, d, double, ac_int64, d, l, >)
AC_REDEXT(min, d, double, ac_int64, d, l, <)
AC_REDEXT(max, f, float, ac_int32, f, i, >)
AC_REDEXT(min, f, float, ac_int32, f, i, <)

#endif
