/*
 * ac_vmath.c -- contiguous exp/log kernels (float64, float32) with run-time
 * dispatch (see ac_vmath.h).
 *
 * The math is branch-free scalar C: a range reduction, a polynomial and bit
 * manipulation, with special cases folded in by selects.  Each kernel loop is
 * compiled three times (baseline, AC_TARGET_AVX2, AC_TARGET_AVX512) and GCC
 * vectorizes it for the target (`omp simd`; the always-inline cores take the
 * target of the loop they are inlined into).  This file is compiled with
 * -fno-trapping-math (so that GCC if-converts the selects) and
 * -ffp-contract=fast (FMAs in the AVX clones: their results may differ from
 * the baseline's by 1 ulp); see the acvmath library in meson.build.
 *
 * exp(x):  k = round(x / ln2), r = x - k*ln2 (ln2 split in two so that k*hi
 *          is exact), exp(r) by a polynomial of degree 11 (|r| <= ln2/2:
 *          0.14 ulp), then times 2**k applied in two halves so that both
 *          overflow and gradual underflow round once and correctly.
 * log(x):  x = 2**e * m with m in [sqrt(1/2), sqrt(2)), f = m - 1,
 *          s = f / (2 + f), log(m) = 2 atanh(s) = f - f*f/2 + s*(f*f/2 + R(s*s))
 *          with R(z) = 2z/3 + 2z**2/5 + ... (|s| < 0.172) approximated by a
 *          polynomial of degree 7, plus e*ln2 (ln2 split in two).
 * float32: the full paths compute in double (no subnormal inputs then) with
 *          shorter series, rounded once to float; the fast paths below in
 *          float.
 * Blocks of inputs that need no special handling take fast paths (below).
 */
#include <string.h>
#include "arraycore/acmath.h"
#include "ac_vmath.h"
#include "ac_cpu.h"
#include "ac_vmath_inl.h"


/* round-to-integer shifter: x + SHIFT has round(x) in its low mantissa bits */
#define SHIFT    0x1.8p52
#define INV_LN2  0x1.71547652b82fep0
#define LN2_HI   0x1.62e42fefa3800p-1    /* ln2 to 43 bits: k*LN2_HI exact */
#define LN2_LO   0x1.ef35793c76730p-45   /* ln2 - LN2_HI */
#define LN2_D    0x1.62e42fefa39efp-1    /* ln2 */

/* 1/n! for n = 2..13 */
#define F2  (1.0 / 2)
#define F3  (1.0 / 6)
#define F4  (1.0 / 24)
#define F5  (1.0 / 120)
#define F6  (1.0 / 720)
#define F7  (1.0 / 5040)
#define F8  (1.0 / 40320)
#define F9  (1.0 / 362880)
#define F10 (1.0 / 3628800)
#define F11 (1.0 / 39916800)
#define F12 (1.0 / 479001600)
#define F13 (1.0 / 6227020800.0)

/* exp(r) for |r| <= ln2/2: 1 + r + r**2 * G(r), G of degree 9 interpolating
   (exp(r) - 1 - r)/r**2 at the 10 Chebyshev nodes of [-ln2/2, ln2/2] (exact
   rational arithmetic, rounded once: tools/fit_vmath_poly.py); relative
   error in exp(r) 1.6e-17 (0.14 ulp; G itself: 2.3e-16) */
#define G0 0x1.0000000000001p-1
#define G1 0x1.5555555555556p-3
#define G2 0x1.5555555553d63p-5
#define G3 0x1.11111111109b3p-7
#define G4 0x1.6c16c1788bd90p-10
#define G5 0x1.a01a01a7c41d5p-13
#define G6 0x1.a019b90d2ae7ap-16
#define G7 0x1.71de0dae63bb3p-19
#define G8 0x1.289185613a3d6p-22
#define G9 0x1.af38a9b0ec855p-26
AC_VI double exp_poly11(double r)
{
    double p = G9;
    p = p * r + G8;
    p = p * r + G7;
    p = p * r + G6;
    p = p * r + G5;
    p = p * r + G4;
    p = p * r + G3;
    p = p * r + G2;
    p = p * r + G1;
    p = p * r + G0;
    return 1.0 + (r + (r * r) * p);
}
/* ... and to r**9, enough for float results */
AC_VI double exp_poly9(double r)
{
    double p = F9;
    p = p * r + F8;
    p = p * r + F7;
    p = p * r + F6;
    p = p * r + F5;
    p = p * r + F4;
    p = p * r + F3;
    p = p * r + F2;
    return 1.0 + (r + (r * r) * p);
}

AC_VI double exp_f64_core(double x)
{
    /* clamp (quiet comparisons: nan passes through and raises nothing) so
       that |k| <= 1076; beyond the clamps the result is inf or 0 anyway */
    double xc = __builtin_isgreater(x, 710.0) ? 710.0 : x;
    xc = __builtin_isless(xc, -746.0) ? -746.0 : xc;
    double ks = xc * INV_LN2 + SHIFT;
    double k = ks - SHIFT;
    double r = (xc - k * LN2_HI) - k * LN2_LO;
    double p = exp_poly11(r);
    /* 2**k = 2**k1 * 2**k2 with k1 = round(k/2): both factors are normal */
    double k1s = k * 0.5 + SHIFT;
    double k1 = k1s - SHIFT;
    double k2s = (k - k1) + SHIFT;
    double s1 = u2d((d2u(k1s) + 1023) << 52);
    double s2 = u2d((d2u(k2s) + 1023) << 52);
    return (p * s1) * s2;
}

AC_VI float exp_f32_core(float xf)
{
    double x = (double)xf;
    double xc = __builtin_isgreater(x, 200.0) ? 200.0 : x;  /* |k| <= 289 */
    xc = __builtin_isless(xc, -200.0) ? -200.0 : xc;
    double ks = xc * INV_LN2 + SHIFT;
    double k = ks - SHIFT;
    double r = (xc - k * LN2_HI) - k * LN2_LO;
    double s = u2d((d2u(ks) + 1023) << 52);
    return (float)(exp_poly9(r) * s);       /* overflow/underflow round here */
}

/* R(z) = 2 atanh(s)/s - 2 = 2z/3 + 2z**2/5 + 2z**3/7 + ... (z = s*s).
 * float64: R = z * Q(z) with Q of degree 6 interpolating R/z at the 7
 * Chebyshev nodes of [0, 0.02944] (exact rational arithmetic, then rounded:
 * tools/fit_vmath_poly.py prints these constants).  Its relative
 * error, 4.7e-16, is scaled by R/2 < 0.01 in the result: 0.04 ulp.
 * float32 (in double): the series' own coefficients 2/(2j+1), j = 1..5. */
#define Q0  0x1.5555555555558p-1
#define Q1  0x1.99999999952d7p-2
#define Q2  0x1.2492492df281ap-2
#define Q3  0x1.c71c62e3f11e6p-3
#define Q4  0x1.7462b51cb66b1p-3
#define Q5  0x1.39fe51a7c18f9p-3
#define Q6  0x1.2b5900de53b32p-3
#define A1  (2.0 / 3)
#define A2  (2.0 / 5)
#define A3  (2.0 / 7)
#define A4  (2.0 / 9)
#define A5  (2.0 / 11)

#define SQRT1_2_BITS 0x3fe6a09e667f3bcdULL
#define MANT_MASK    0x000fffffffffffffULL
#define ONE_BITS     0x3ff0000000000000ULL

/* log of a double that is positive, finite and normal or subnormal; the
   caller selects the special values. */
AC_VI double log_reduce(double x, double *f_out, double *e_out)
{
    ac_uint64 ix = d2u(x);
    /* subnormal (or zero) inputs: scale by 2**54, exactly */
    int sub = (ix & 0x7ff0000000000000ULL) == 0;
    double xs = sub ? x * 0x1p54 : x;
    double eadj = sub ? 54.0 : 0.0;
    /* shift the exponent boundary to sqrt(1/2): t's exponent field is
       e + 1023 where x = 2**e * m, m in [sqrt(1/2), sqrt(2)) */
    ac_uint64 t = d2u(xs) + (ONE_BITS - SQRT1_2_BITS);
    ac_uint64 eb = t >> 52;
    double e = u2d(0x4330000000000000ULL | eb) - (0x1p52 + 1023.0) - eadj;
    double m = u2d((t & MANT_MASK) + SQRT1_2_BITS);
    *f_out = m - 1.0;
    *e_out = e;
    return m;
}

AC_VI double log_f64_core(double x)
{
    double f, e;
    (void)log_reduce(x, &f, &e);
    double s = f / (2.0 + f);
    double z = s * s;
    double R = Q6;
    R = R * z + Q5;
    R = R * z + Q4;
    R = R * z + Q3;
    R = R * z + Q2;
    R = R * z + Q1;
    R = R * z + Q0;
    R = R * z;
    double hfsq = 0.5 * f * f;
    double y = e * LN2_HI - ((hfsq - (s * (hfsq + R) + e * LN2_LO)) - f);
    /* special values: +-0 -> -inf, negative -> nan, inf and nan -> x */
    double special = x == 0.0 ? -__builtin_inf() : (__builtin_isless(x, 0.0) ? __builtin_nan("") : x);
    int regular = __builtin_isgreater(x, 0.0) & __builtin_isless(x, __builtin_inf());
    return regular ? y : special;
}

AC_VI float log_f32_core(float xf)
{
    double x = (double)xf, f, e;
    (void)log_reduce(x, &f, &e);            /* float subnormals are normal here */
    double s = f / (2.0 + f);
    double z = s * s;
    double R = A5;
    R = R * z + A4;
    R = R * z + A3;
    R = R * z + A2;
    R = R * z + A1;
    R = R * z;
    double hfsq = 0.5 * f * f;
    double y = e * LN2_D - (hfsq - (f + s * (hfsq + R)));
    double special = x == 0.0 ? -__builtin_inf() : (__builtin_isless(x, 0.0) ? __builtin_nan("") : x);
    int regular = __builtin_isgreater(x, 0.0) & __builtin_isless(x, __builtin_inf());
    return (float)(regular ? y : special);
}

/* ---- fast paths ------------------------------------------------------
 * The same math without clamps, subnormal scaling and special-value
 * selects, for blocks whose inputs all lie where none of those matter (the
 * *_easy predicates); other blocks take the full cores above.  Both are
 * within 1 ulp of the correctly rounded result (float32 fast paths compute
 * in float, the full cores in double). */
#define EXP_F64_LO -0x1.6232bdd7abcd2p+9   /* log(DBL_MIN): results stay normal */
#define EXP_F64_HI 0x1.62e42fefa39efp+9    /* log(DBL_MAX) */

AC_VI int exp_f64_easy(double x)
{
    return __builtin_isgreaterequal(x, EXP_F64_LO) & __builtin_islessequal(x, EXP_F64_HI - 1.0);
}
AC_VI double exp_f64_fast(double x)
{
    double ks = x * INV_LN2 + SHIFT;
    double k = ks - SHIFT;
    double r = (x - k * LN2_HI) - k * LN2_LO;
    /* |k| <= 1022 here: 2**k in one step */
    return exp_poly11(r) * u2d((d2u(ks) + 1023) << 52);
}
/* float32 fast paths in float arithmetic (twice the lanes of double):
   Taylor series to r**7 (truncation 0.04 ulp), ln2 split for exact k*hi. */
#define SHIFTF    0x1.8p23f
#define INV_LN2F  0x1.715476p+0f
#define LN2_HIF   0x1.62e4p-1f              /* 15 bits: k*LN2_HIF exact */
#define LN2_LOF   0x1.7f7d1cp-20f
AC_VI int exp_f32_easy(float x)
{
    /* results normal, |k| <= 127 */
    return __builtin_isgreaterequal(x, -87.0f) & __builtin_islessequal(x, 88.0f);
}
AC_VI float exp_f32_fast(float x)
{
    float ks = x * INV_LN2F + SHIFTF;
    float k = ks - SHIFTF;
    float r = (x - k * LN2_HIF) - k * LN2_LOF;
    float p = (float)(1.0 / 5040);
    p = p * r + (float)(1.0 / 720);
    p = p * r + (float)(1.0 / 120);
    p = p * r + (float)(1.0 / 24);
    p = p * r + (float)(1.0 / 6);
    p = p * r + 0.5f;
    p = 1.0f + (r + (r * r) * p);
    return p * u2f((f2u(ks) + 127u) << 23);
}

AC_VI int log_f64_easy(double x)
{
    return __builtin_isgreaterequal(x, 0x1p-1022) & __builtin_isless(x, __builtin_inf());
}
AC_VI double log_f64_fast(double x)
{
    ac_uint64 t = d2u(x) + (ONE_BITS - SQRT1_2_BITS);
    double e = u2d(0x4330000000000000ULL | (t >> 52)) - (0x1p52 + 1023.0);
    double f = u2d((t & MANT_MASK) + SQRT1_2_BITS) - 1.0;
    double s = f / (2.0 + f);
    double z = s * s;
    double R = Q6;
    R = R * z + Q5;
    R = R * z + Q4;
    R = R * z + Q3;
    R = R * z + Q2;
    R = R * z + Q1;
    R = R * z + Q0;
    R = R * z;
    double hfsq = 0.5 * f * f;
    return e * LN2_HI - ((hfsq - (s * (hfsq + R) + e * LN2_LO)) - f);
}
#define SQRT1_2_BITSF 0x3f3504f3u
AC_VI int log_f32_easy(float x)
{
    return __builtin_isgreaterequal(x, 0x1p-126f) & __builtin_isless(x, __builtin_inff());
}
AC_VI float log_f32_fast(float x)
{
    ac_uint32 t = f2u(x) + (0x3f800000u - SQRT1_2_BITSF);
    float e = (float)((ac_int32)(t >> 23) - 127);
    float f = u2f((t & 0x7fffffu) + SQRT1_2_BITSF) - 1.0f;
    float s = f / (2.0f + f);
    float z = s * s;
    float R = (float)(2.0 / 9);
    R = R * z + (float)(2.0 / 7);
    R = R * z + (float)(2.0 / 5);
    R = R * z + (float)(2.0 / 3);
    R = R * z;
    float hfsq = 0.5f * f * f;
    return e * LN2_HIF - ((hfsq - (s * (hfsq + R) + e * LN2_LOF)) - f);
}


/* ---- the flags each input calls for (AC_WITH_FLAGS, ac_vmath_inl.h) -- */
AC_VI unsigned exp_f64_flags(double x)
{
    /* above log(DBL_MAX): overflow; below log(DBL_MIN), finite: underflow */
    return (__builtin_isgreater(x, 0x1.62e42fefa39efp+9) ? VF_OVERFLOW : 0u)
         | (__builtin_isless(x, -0x1.6232bdd7abcd2p+9) & __builtin_isgreater(x, -__builtin_inf())
            ? VF_UNDERFLOW : 0u);
}
AC_VI unsigned exp_f32_flags(float x)
{
    return (__builtin_isgreater(x, 0x1.62e42ep+6f) ? VF_OVERFLOW : 0u)
         | (__builtin_isless(x, -0x1.5d589ep+6f) & __builtin_isgreater(x, -__builtin_inff())
            ? VF_UNDERFLOW : 0u);
}
AC_VI unsigned log_f64_flags(double x)
{
    return (x == 0.0 ? VF_DIVZERO : 0u) | (__builtin_isless(x, 0.0) ? VF_INVALID : 0u);
}
AC_VI unsigned log_f32_flags(float x)
{
    return (x == 0.0f ? VF_DIVZERO : 0u) | (__builtin_isless(x, 0.0f) ? VF_INVALID : 0u);
}


/* ---- the loops, one per dispatch level ------------------------------- */
/* Each returns the flags its inputs call for.  Blocks of AC_VBLOCK elements
 * are first scanned (the scan leaves them in L1 for the second pass, and
 * keeps in == out safe), then mapped by the fast or the full core. */
#define AC_VLOOP(name, T, op, attr)                                         \
    static attr unsigned name(const T *in, T *out, ac_intp n)               \
    {                                                                       \
        ac_intp b, i, m;                                                    \
        unsigned fl = 0;                                                    \
        for (b = 0; b < n; b += AC_VBLOCK) {                                \
            const T *ib = in + b;                                           \
            T *ob = out + b;                                                \
            int easy = 1;                                                   \
            m = n - b < AC_VBLOCK ? n - b : AC_VBLOCK;                      \
            _Pragma("omp simd reduction(&:easy)")                           \
            for (i = 0; i < m; i++) {                                       \
                easy &= op##_easy(ib[i]);                                   \
            }                                                               \
            if (easy) {                                                     \
                _Pragma("omp simd")                                         \
                for (i = 0; i < m; i++) {                                   \
                    ob[i] = op##_fast(ib[i]);                               \
                }                                                           \
            }                                                               \
            else {                                                          \
                _Pragma("omp simd reduction(|:fl)")                         \
                for (i = 0; i < m; i++) {                                   \
                    T x = ib[i];                                            \
                    fl |= op##_flags(x);                                    \
                    ob[i] = op##_core(x);                                   \
                }                                                           \
            }                                                               \
        }                                                                   \
        return fl;                                                          \
    }


#define AC_VLEVELS(base, T, op)                                             \
    AC_VLOOP(base##_baseline, T, op, )                                      \
    AC_VLOOP(base##_avx2, T, op, AC_TARGET_AVX2)                            \
    AC_VLOOP(base##_avx512, T, op, AC_VTARGET_512)

AC_VLEVELS(vexp_f64, double, exp_f64)
AC_VLEVELS(vlog_f64, double, log_f64)
AC_VLEVELS(vexp_f32, float, exp_f32)
AC_VLEVELS(vlog_f32, float, log_f32)

typedef unsigned (*vf64_fn)(const double *, double *, ac_intp);
typedef unsigned (*vf32_fn)(const float *, float *, ac_intp);

static const vf64_fn exp_f64_impl[3] = {vexp_f64_baseline, vexp_f64_avx2, vexp_f64_avx512};
static const vf64_fn log_f64_impl[3] = {vlog_f64_baseline, vlog_f64_avx2, vlog_f64_avx512};
static const vf32_fn exp_f32_impl[3] = {vexp_f32_baseline, vexp_f32_avx2, vexp_f32_avx512};
static const vf32_fn log_f32_impl[3] = {vlog_f32_baseline, vlog_f32_avx2, vlog_f32_avx512};

void ac_vexp_f64(const double *in, double *out, ac_intp n)
{
    AC_WITH_FLAGS(exp_f64_impl[ac_cpu_level()](in, out, n));
}
void ac_vlog_f64(const double *in, double *out, ac_intp n)
{
    AC_WITH_FLAGS(log_f64_impl[ac_cpu_level()](in, out, n));
}
void ac_vexp_f32(const float *in, float *out, ac_intp n)
{
    AC_WITH_FLAGS(exp_f32_impl[ac_cpu_level()](in, out, n));
}
void ac_vlog_f32(const float *in, float *out, ac_intp n)
{
    AC_WITH_FLAGS(log_f32_impl[ac_cpu_level()](in, out, n));
}

int ac_vmath_at_level(int op, int level, const void *in, void *out, ac_intp n)
{
    level = ac_vmath_clamp_level(level);
    switch (op) {
    case AC_VMATH_EXP_F64:
        AC_WITH_FLAGS(exp_f64_impl[level]((const double *)in, (double *)out, n));
        break;
    case AC_VMATH_LOG_F64:
        AC_WITH_FLAGS(log_f64_impl[level]((const double *)in, (double *)out, n));
        break;
    case AC_VMATH_EXP_F32:
        AC_WITH_FLAGS(exp_f32_impl[level]((const float *)in, (float *)out, n));
        break;
    case AC_VMATH_LOG_F32:
        AC_WITH_FLAGS(log_f32_impl[level]((const float *)in, (float *)out, n));
        break;
    default:
        return -1;
    }
    return level;
}
