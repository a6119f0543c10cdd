/*
 * ac_umath_reduce.h -- lane-parallel reductions of maximum/minimum over a
 * contiguous float32/float64 run, included by the generated ufunc loops
 * (tools/gen_loops.py) for their reduction path.
 *
 * The serial fold a = ac_max(a, b) keeps the first NaN, else the last
 * element equal to the maximum (which matters only between -0.0 and +0.0).
 * Here 2 x 64 bytes of independent lanes (one version per SIMD level) find
 * the extreme and whether any NaN was seen; when there was a NaN, or the
 * extreme is zero, the exact serial fold runs instead, so the result is the
 * serial fold's, bit for bit.
 */
#ifndef ARRAYCORE_AC_UMATH_REDUCE_H
#define ARRAYCORE_AC_UMATH_REDUCE_H
#include <string.h>
#include "ac_cpu.h"
#include "ac_umath_helpers.h"   /* ac_max_d, ... (the serial fold) */

#define AC_REDEXT_LANES 32   /* the least n the lanes take: 2 x 64 bytes of float */

/* GCC vector types of 64 bytes (split into what each SIMD level has): the
 * compare gives a lane mask and the select is done with bit operations, so
 * the loop vectorizes whatever -ftrapping-math allows.  A NaN never enters
 * acc (a comparison with NaN is false); nan_ records one in its lane. */
typedef double ac_v8d __attribute__((vector_size(64)));
typedef ac_int64 ac_v8l __attribute__((vector_size(64)));
typedef float ac_v16f __attribute__((vector_size(64)));
typedef ac_int32 ac_v16i __attribute__((vector_size(64)));

#define AC_REDEXT_BODY(T, IT, VT, VI, OP)                                    \
    enum { W = 64 / sizeof(T) };                                              \
    VT acc0, acc1, v0, v1; VI nan0 = {0}, nan1 = {0}, g;                       \
    ac_intp i;                                                                \
    memcpy(&acc0, p, 64); memcpy(&acc1, p + W, 64);                           \
    nan0 = acc0 != acc0; nan1 = acc1 != acc1;                                 \
    for (i = 2 * W; i + 2 * W <= n; i += 2 * W) {                             \
        memcpy(&v0, p + i, 64); memcpy(&v1, p + i + W, 64);                   \
        g = v0 OP acc0; acc0 = (VT)(((VI)v0 & g) | ((VI)acc0 & ~g));          \
        g = v1 OP acc1; acc1 = (VT)(((VI)v1 & g) | ((VI)acc1 & ~g));          \
        nan0 |= v0 != v0; nan1 |= v1 != v1;                                   \
    }                                                                         \
    T m = acc0[0]; IT any = 0;                                                \
    for (int j = 0; j < W; j++) {                                             \
        m = acc0[j] OP m ? acc0[j] : m;                                       \
        m = acc1[j] OP m ? acc1[j] : m;                                       \
        any |= nan0[j] | nan1[j];                                             \
    }                                                                         \
    for (; i < n; i++) { T v = p[i]; m = v OP m ? v : m; any |= (IT)(v != v); } \
    *nan_seen = any != 0;                                                     \
    return m;

#define AC_REDEXT(NAME, S, T, IT, VT, VI, OP)                                         \
static T ac_redext_##NAME##_##S##_base(const T *p, ac_intp n, int *nan_seen)  \
{ AC_REDEXT_BODY(T, IT, VT, VI, OP) }                                                 \
AC_REDEXT_CLONES(NAME, S, T, IT, VT, VI, OP)                                        \
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
#define AC_REDEXT_CLONES(NAME, S, T, IT, VT, VI, OP)                                \
static AC_TARGET_AVX2 T ac_redext_##NAME##_##S##_avx2(const T *p, ac_intp n, int *nan_seen) \
{ AC_REDEXT_BODY(T, IT, VT, VI, OP) }                                                 \
static AC_TARGET_AVX512 T ac_redext_##NAME##_##S##_avx512(const T *p, ac_intp n, int *nan_seen) \
{ AC_REDEXT_BODY(T, IT, VT, VI, OP) }
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
#define AC_REDEXT_CLONES(NAME, S, T, IT, VT, VI, OP)
#define AC_REDEXT_DISPATCH(NAME, S)
#endif

AC_REDEXT(max, d, double, ac_int64, ac_v8d, ac_v8l, >)
AC_REDEXT(min, d, double, ac_int64, ac_v8d, ac_v8l, <)
AC_REDEXT(max, f, float, ac_int32, ac_v16f, ac_v16i, >)
AC_REDEXT(min, f, float, ac_int32, ac_v16f, ac_v16i, <)

#endif
