/*
 * ac_npfuncs_umath.h -- scalar helpers of the NumPy-named ufuncs added for
 * issue 12 (the block at the end of tools/ufunc_table.py): gcd, lcm, integer
 * fmod, logaddexp2, heaviside.  Suffixes are the loop's computing type
 * characters (integers b B h H i I l L; float16 computes as f).  Plain C.
 */
#ifndef ARRAYCORE_AC_NPFUNCS_UMATH_H
#define ARRAYCORE_AC_NPFUNCS_UMATH_H

#include <stdint.h>
#include <math.h>
#include "ac_umath_helpers.h"

#define AC_NP_INT_HELPERS(S, T, U, SIGNED)                                    \
static inline T ac_gcd_##S(T a, T b) {                                        \
    U x = (SIGNED && a < 0) ? (U)(0 - (U)a) : (U)a;                           \
    U y = (SIGNED && b < 0) ? (U)(0 - (U)b) : (U)b;                           \
    while (y) { U t = x % y; x = y; y = t; }                                  \
    return (T)x;                                                              \
}                                                                             \
static inline T ac_lcm_##S(T a, T b) {                                        \
    T g = ac_gcd_##S(a, b);                                                   \
    if (g == 0) return 0;                                                     \
    U x = (SIGNED && a < 0) ? (U)(0 - (U)a) : (U)a;                           \
    U y = (SIGNED && b < 0) ? (U)(0 - (U)b) : (U)b;                           \
    return (T)((x / (U)g) * y);                                               \
}                                                                             \
static inline T ac_fmod_##S(T a, T b) {                                       \
    if (b == 0) { ac_raise_divbyzero(); return 0; }                           \
    if (SIGNED && b == (T)-1) return 0;                                       \
    return (T)(a % b);                                                        \
}

AC_NP_INT_HELPERS(b, int8_t, uint8_t, 1)
AC_NP_INT_HELPERS(h, int16_t, uint16_t, 1)
AC_NP_INT_HELPERS(i, int32_t, uint32_t, 1)
AC_NP_INT_HELPERS(l, int64_t, uint64_t, 1)
AC_NP_INT_HELPERS(B, uint8_t, uint8_t, 0)
AC_NP_INT_HELPERS(H, uint16_t, uint16_t, 0)
AC_NP_INT_HELPERS(I, uint32_t, uint32_t, 0)
AC_NP_INT_HELPERS(L, uint64_t, uint64_t, 0)

#define AC_NP_FLOAT_HELPERS(S, T, SUF)                                        \
static inline T ac_logaddexp2_##S(T a, T b) {                                 \
    if (a == b) return a + 1;                                                 \
    T d = a - b;                                                              \
    if (d > 0) return a + (T)1.442695040888963407359924681001892137 * log1p##SUF(exp2##SUF(-d)); \
    if (d <= 0) return b + (T)1.442695040888963407359924681001892137 * log1p##SUF(exp2##SUF(d)); \
    return d;                                                                 \
}                                                                             \
static inline T ac_heaviside_##S(T a, T b) {                                  \
    if (a != a) return a;                                                     \
    if (a == 0) return b;                                                     \
    return a < 0 ? (T)0 : (T)1;                                               \
}

AC_NP_FLOAT_HELPERS(f, float, f)
AC_NP_FLOAT_HELPERS(d, double, )

#endif
