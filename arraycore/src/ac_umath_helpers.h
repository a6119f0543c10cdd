/*
 * ac_umath_helpers.h -- scalar helpers used by the generated ufunc loops
 * (ac_umath_loops.c, from tools/ufunc_table.py): the operations whose
 * semantics need more than one C operator (Python-style floor division and
 * remainder, shifts defined for every shift count, integer powers, NaN-aware
 * maximum/minimum, lexicographic complex order, complex functions C99 lacks).
 * Suffixes are the type characters: b B h H i I l L (integers), f d (real
 * floating; float16 computes as f), F D (complex).  Plain C, no Python.
 */
#ifndef ARRAYCORE_AC_UMATH_HELPERS_H
#define ARRAYCORE_AC_UMATH_HELPERS_H

#include <stdint.h>
#include <math.h>
#include <complex.h>
#include "arraycore/actypes.h"

/* ---- integers -------------------------------------------------------- */
/* Integer division by zero and INT_MIN / -1 raise the FPU's divide-by-zero
 * and overflow flags (as NumPy does), so errstate reports them. */
static inline void ac_raise_divbyzero(void) { volatile double z = 0.0; z = 1.0 / z; (void)z; }
static inline void ac_raise_overflow(void) { volatile double b = 1e308; b = b * b; (void)b; }

#define AC_SIGNED_HELPERS(S, T, U, BITS, TMIN)                                  \
static inline T ac_fdiv_##S(T a, T b) {                                       \
    if (b == 0) { ac_raise_divbyzero(); return 0; }                           \
    if (a == TMIN && b == -1) { ac_raise_overflow(); return TMIN; }           \
    T q = a / b;                                                              \
    if ((a % b != 0) && ((a < 0) != (b < 0))) q -= 1;                         \
    return q;                                                                 \
}                                                                             \
static inline T ac_rem_##S(T a, T b) {                                        \
    if (b == 0) { ac_raise_divbyzero(); return 0; }                           \
    if (a == TMIN && b == -1) return 0;                                       \
    T r = a % b;                                                              \
    if (r != 0 && ((r < 0) != (b < 0))) r += b;                               \
    return r;                                                                 \
}                                                                             \
static inline T ac_lshift_##S(T a, T b) {                                     \
    return (b < 0 || b >= BITS) ? (T)0 : (T)((U)a << b);                      \
}                                                                             \
static inline T ac_rshift_##S(T a, T b) {                                     \
    return (b < 0 || b >= BITS) ? (T)(a < 0 ? -1 : 0) : (T)(a >> b);          \
}                                                                             \
static inline T ac_pow_##S(T a, T b) {                                        \
    if (b < 0) return (a == 1) ? 1 : (a == -1) ? ((b & 1) ? -1 : 1) : 0;      \
    U r = 1, x = (U)a;                                                        \
    while (b) { if (b & 1) r *= x; x *= x; b >>= 1; }                         \
    return (T)r;                                                              \
}                                                                             \
static inline T ac_sign_##S(T a) { return (T)(a > 0 ? 1 : (a < 0 ? -1 : 0)); } \
static inline T ac_abs_##S(T a) { return (T)(a < 0 ? (T)(0 - (U)a) : a); }

#define AC_UNSIGNED_HELPERS(S, T, BITS)                                       \
static inline T ac_fdiv_##S(T a, T b) {                                       \
    if (b == 0) { ac_raise_divbyzero(); return 0; } return (T)(a / b);        \
}                                                                             \
static inline T ac_rem_##S(T a, T b) {                                        \
    if (b == 0) { ac_raise_divbyzero(); return 0; } return (T)(a % b);        \
}                                                                             \
static inline T ac_lshift_##S(T a, T b) { return b >= BITS ? 0 : (T)(a << b); } \
static inline T ac_rshift_##S(T a, T b) { return b >= BITS ? 0 : (T)(a >> b); } \
static inline T ac_pow_##S(T a, T b) {                                        \
    T r = 1;                                                                  \
    while (b) { if (b & 1) r = (T)(r * a); a = (T)(a * a); b >>= 1; }         \
    return r;                                                                 \
}                                                                             \
static inline T ac_sign_##S(T a) { return (T)(a > 0 ? 1 : 0); }               \
static inline T ac_abs_##S(T a) { return a; }

AC_SIGNED_HELPERS(b, int8_t, uint8_t, 8, INT8_MIN)
AC_SIGNED_HELPERS(h, int16_t, uint16_t, 16, INT16_MIN)
AC_SIGNED_HELPERS(i, int32_t, uint32_t, 32, INT32_MIN)
AC_SIGNED_HELPERS(l, int64_t, uint64_t, 64, INT64_MIN)
AC_UNSIGNED_HELPERS(B, uint8_t, 8)
AC_UNSIGNED_HELPERS(H, uint16_t, 16)
AC_UNSIGNED_HELPERS(I, uint32_t, 32)
AC_UNSIGNED_HELPERS(L, uint64_t, 64)

/* ---- real floating --------------------------------------------------- */
/* floor_divide follows the Array API standard, not NumPy, where an operand
 * is infinite or NaN: the result is the quotient a / b itself (+-inf // a
 * finite nonzero is +-inf, a finite // +-inf is a signed zero, inf // inf and
 * NaN are NaN), as floor(a / b) gives; ac_rem_ keeps a == b * (a // b) +
 * a % b wherever that is finite (docs/python_api.rst). */
#define AC_FLOAT_HELPERS(S, T, SUF)                                           \
static inline T ac_fdiv_##S(T a, T b) {                                       \
    if (b == 0 || !isfinite(a) || !isfinite(b)) return a / b;                 \
    T mod = fmod##SUF(a, b);                                                  \
    T div = (a - mod) / b;                                                    \
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1;                         \
    T fl;                                                                     \
    if (div != 0) {                                                           \
        fl = floor##SUF(div);                                                 \
        if (div - fl > (T)0.5) fl += 1;                                       \
    } else {                                                                  \
        fl = copysign##SUF((T)0, a / b);                                      \
    }                                                                         \
    return fl;                                                                \
}                                                                             \
static inline T ac_rem_##S(T a, T b) {                                        \
    if (b == 0) return fmod##SUF(a, b);                                       \
    T mod = fmod##SUF(a, b);                                                  \
    if (mod != 0) { if ((b < 0) != (mod < 0)) mod += b; }                     \
    else mod = copysign##SUF((T)0, b);                                        \
    return mod;                                                               \
}                                                                             \
static inline T ac_sign_##S(T a) {                                            \
    return a > 0 ? (T)1 : (a < 0 ? (T)-1 : (a == 0 ? (T)0 : a));             \
}                                                                             \
/* modf's two outputs (C's modf: signs kept, inf -> (+-0, inf), NaN -> NaN) */ \
static inline T ac_modf_frac_##S(T a) { T ip; return modf##SUF(a, &ip); }    \
static inline T ac_modf_int_##S(T a) { T ip; (void)modf##SUF(a, &ip); return ip; } \
/* ties (only -0.0 against +0.0) give b, the second operand, as NumPy's   \
 * real maximum/minimum do; a NaN in either operand propagates */          \
static inline T ac_max_##S(T a, T b) { return (a > b || a != a) ? a : b; }    \
static inline T ac_min_##S(T a, T b) { return (a < b || a != a) ? a : b; }    \
/* float16's loops (computing as float) keep the first operand of ties,  \
 * as NumPy's half loops do */                                            \
static inline T ac_max_first_##S(T a, T b) { return (a >= b || a != a) ? a : b; } \
static inline T ac_min_first_##S(T a, T b) { return (a <= b || a != a) ? a : b; } \
static inline T ac_logaddexp_##S(T a, T b) {                                  \
    if (a == b) return a + (T)0.693147180559945309417232121458176568;         \
    T d = a - b;                                                              \
    if (d > 0) return a + log1p##SUF(exp##SUF(-d));                           \
    if (d <= 0) return b + log1p##SUF(exp##SUF(d));                           \
    return d;                                                                 \
}

AC_FLOAT_HELPERS(f, float, f)
AC_FLOAT_HELPERS(d, double, )

/* ---- complex (plain formulas, as NumPy computes them) ----------------- */
#define AC_COMPLEX_HELPERS(S, T, R, SUF)                                      \
static inline T ac_cpack_##S(R re, R im) { T z; __real__ z = re; __imag__ z = im; return z; } \
static inline int ac_clt_##S(T a, T b) {                                      \
    R ar = creal##SUF(a), ai = cimag##SUF(a), br = creal##SUF(b), bi = cimag##SUF(b); \
    return (ar < br && ai == ai && bi == bi) || (ar == br && ai < bi);       \
}                                                                             \
static inline int ac_cle_##S(T a, T b) {                                      \
    R ar = creal##SUF(a), ai = cimag##SUF(a), br = creal##SUF(b), bi = cimag##SUF(b); \
    return (ar < br && ai == ai && bi == bi) || (ar == br && ai <= bi);      \
}                                                                             \
static inline int ac_cnan_##S(T a) { return isnan(creal##SUF(a)) || isnan(cimag##SUF(a)); } \
static inline T ac_max_##S(T a, T b) {                                        \
    return (ac_cnan_##S(a) || ac_cle_##S(b, a)) ? a : b;                      \
}                                                                             \
static inline T ac_min_##S(T a, T b) {                                        \
    return (ac_cnan_##S(a) || ac_cle_##S(a, b)) ? a : b;                      \
}                                                                             \
/* fmax/fmin: the same order, NaNs ignored (a NaN b gives a, as NumPy); no  \
 * NaN reaches a comparison, which would raise the invalid flag */            \
static inline T ac_fmax_##S(T a, T b) {                                       \
    if (ac_cnan_##S(b)) return a;                                             \
    if (ac_cnan_##S(a)) return b;                                             \
    return ac_cle_##S(b, a) ? a : b;                                          \
}                                                                             \
static inline T ac_fmin_##S(T a, T b) {                                       \
    if (ac_cnan_##S(b)) return a;                                             \
    if (ac_cnan_##S(a)) return b;                                             \
    return ac_cle_##S(a, b) ? a : b;                                          \
}                                                                             \
static inline T ac_sign_##S(T a) {                                            \
    R re = creal##SUF(a), im = cimag##SUF(a);                                 \
    /* a NaN component makes NaN + NaN j, an infinite one beside it or not */ \
    if (isnan(re) || isnan(im)) return ac_cpack_##S(NAN, NAN);                \
    if (isinf(re) && isinf(im)) return ac_cpack_##S(NAN, NAN);                \
    if (isinf(re)) return ac_cpack_##S(copysign##SUF(1, re), 0);              \
    if (isinf(im)) return ac_cpack_##S(0, copysign##SUF(1, im));              \
    if (re == 0 && im == 0) return ac_cpack_##S(0, 0);                        \
    /* |a| beyond the type's range (a component of 2**(emax-2) or more):   */ \
    /* a quarter of a first (exact), so the modulus does not overflow      */ \
    R big = (R)(sizeof(R) == sizeof(float) ? 0x1p126 : 0x1p1022);            \
    if (fabs##SUF(re) >= big || fabs##SUF(im) >= big) {                       \
        re *= (R)0.25;                                                        \
        im *= (R)0.25;                                                        \
    }                                                                         \
    R m = hypot##SUF(re, im);                                                 \
    return ac_cpack_##S(re / m, im / m);                                      \
}                                                                             \
static inline T ac_rint_##S(T a) {                                            \
    return ac_cpack_##S(rint##SUF(creal##SUF(a)), rint##SUF(cimag##SUF(a)));  \
}                                                                             \
static inline T ac_expm1_##S(T a) {                                           \
    R x = creal##SUF(a), y = cimag##SUF(a);                                   \
    if (!isfinite(x) || !isfinite(y)) return cexp##SUF(a) - (R)1;            \
    R s = sin##SUF(y / 2);                                                    \
    return ac_cpack_##S(expm1##SUF(x) * cos##SUF(y) - 2 * s * s,              \
                        exp##SUF(x) * sin##SUF(y));                           \
}                                                                             \
static inline T ac_log1p_##S(T a) {                                           \
    R x = creal##SUF(a), y = cimag##SUF(a);                                   \
    if (!isfinite(x) || !isfinite(y)) return clog##SUF(a + (R)1);             \
    R l = hypot##SUF(x + 1, y);                                               \
    return ac_cpack_##S(log##SUF(l), atan2##SUF(y, x + 1));                   \
}                                                                             \
static inline T ac_cdiv_##S(T a, T b) {  /* Smith's algorithm, as NumPy */    \
    R ar = creal##SUF(a), ai = cimag##SUF(a), br = creal##SUF(b), bi = cimag##SUF(b); \
    R abr = fabs##SUF(br), abi = fabs##SUF(bi);                               \
    if (abr >= abi) {                                                         \
        if (abr == 0 && abi == 0) return ac_cpack_##S(ar / abr, ai / abr);    \
        R rat = bi / br, scl = (R)1 / (br + bi * rat);                        \
        return ac_cpack_##S((ar + ai * rat) * scl, (ai - ar * rat) * scl);    \
    }                                                                         \
    R rat = br / bi, scl = (R)1 / (bi + br * rat);                            \
    return ac_cpack_##S((ar * rat + ai) * scl, (ai * rat - ar) * scl);        \
}                                                                             \
static inline T ac_crecip_##S(T a) {  /* as NumPy: 1/0 is nan+nanj */         \
    R ar = creal##SUF(a), ai = cimag##SUF(a);                                 \
    if (fabs##SUF(ai) <= fabs##SUF(ar)) {                                     \
        R r = ai / ar, d = ar + ai * r;                                       \
        return ac_cpack_##S((R)1 / d, -r / d);                                \
    }                                                                         \
    R r = ar / ai, d = ar * r + ai;                                           \
    return ac_cpack_##S(r / d, (R)-1 / d);                                    \
}                                                                             \
static inline T ac_cpow_##S(T a, T b) {                                      \
    R ar = creal##SUF(a), ai = cimag##SUF(a), br = creal##SUF(b), bi = cimag##SUF(b); \
    if (br == 0 && bi == 0) return ac_cpack_##S(1, 0);                        \
    if (ar == 0 && ai == 0) {                                                 \
        if (br > 0) return ac_cpack_##S(0, 0);                                \
        return ac_cpack_##S(NAN, NAN);                                        \
    }                                                                         \
    if (bi == 0 && br == (R)(long)br && br > -100 && br < 100) {              \
        long n = (long)br, m = n < 0 ? -n : n;                                \
        T r = ac_cpack_##S(1, 0), x = a;                                      \
        while (m) { if (m & 1) r = r * x; x = x * x; m >>= 1; }               \
        return n < 0 ? ac_cdiv_##S(ac_cpack_##S(1, 0), r) : r;                                          \
    }                                                                         \
    return cpow##SUF(a, b);                                                   \
}                                                                             \
static inline T ac_log2_##S(T a) {                                            \
    T l = clog##SUF(a);                                                       \
    return ac_cpack_##S(creal##SUF(l) * (R)1.442695040888963407359924681001892137, \
                        cimag##SUF(l) * (R)1.442695040888963407359924681001892137); \
}                                                                             \
static inline T ac_log10_##S(T a) {                                           \
    T l = clog##SUF(a);                                                       \
    return ac_cpack_##S(creal##SUF(l) * (R)0.434294481903251827651128918916605082, \
                        cimag##SUF(l) * (R)0.434294481903251827651128918916605082); \
}

AC_COMPLEX_HELPERS(F, float _Complex, float, f)
AC_COMPLEX_HELPERS(D, double _Complex, double, )

#endif
