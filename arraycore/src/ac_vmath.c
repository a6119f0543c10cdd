/*
 * ac_vmath.c -- contiguous exp/log kernels (float64, float32) with run-time
 * dispatch (see ac_vmath.h).
 *
 * The math is branch-free scalar C: a range reduction, a polynomial and bit
 * manipulation, with special cases folded in by selects.  Each kernel loop is
 * compiled three times (baseline, AC_TARGET_AVX2, AC_TARGET_AVX512) and GCC
 * vectorizes it for the target (`omp simd`; the always-inline cores take the
 * target of the loop they are inlined into).  Floating-point contraction is
 * off (ISO C mode), so every level rounds the same operations the same way
 * and produces the same bits.
 *
 * exp(x):  k = round(x / ln2), r = x - k*ln2 (ln2 split in two so that k*hi
 *          is exact), exp(r) by its Taylor series to r**13 (|r| <= ln2/2: the
 *          truncation is 0.02 ulp), then times 2**k applied in two halves so
 *          that both overflow and gradual underflow round once and correctly.
 * log(x):  x = 2**e * m with m in [sqrt(1/2), sqrt(2)), f = m - 1,
 *          s = f / (2 + f), log(m) = 2 atanh(s) = f - f*f/2 + s*(f*f/2 + R(s*s))
 *          with R the series 2z/3 + 2z**2/5 + ... (|s| < 0.172), plus e*ln2.
 * float32: computed in double (no subnormal inputs then) with shorter series,
 *          rounded once to float.
 */
#include <string.h>
#include "ac_vmath.h"
#include "ac_cpu.h"

#define AC_VI static inline __attribute__((always_inline))

AC_VI ac_uint64 d2u(double d)
{
    ac_uint64 u;
    memcpy(&u, &d, sizeof(u));
    return u;
}
AC_VI double u2d(ac_uint64 u)
{
    double d;
    memcpy(&d, &u, sizeof(d));
    return d;
}

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

/* exp(r) - 1 - r over r**2 ... as Horner's scheme to r**13 (double) */
AC_VI double exp_poly13(double r)
{
    double p = F13;
    p = p * r + F12;
    p = p * r + F11;
    p = p * r + F10;
    p = p * r + F9;
    p = p * r + F8;
    p = p * r + F7;
    p = p * r + F6;
    p = p * r + F5;
    p = p * r + F4;
    p = p * r + F3;
    p = p * r + F2;
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
    double p = exp_poly13(r);
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

/* 2/(2j+1) for j = 1..10: R(z) = 2 atanh(s)/s - 2 over z = s*s */
#define A1  (2.0 / 3)
#define A2  (2.0 / 5)
#define A3  (2.0 / 7)
#define A4  (2.0 / 9)
#define A5  (2.0 / 11)
#define A6  (2.0 / 13)
#define A7  (2.0 / 15)
#define A8  (2.0 / 17)
#define A9  (2.0 / 19)
#define A10 (2.0 / 21)

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
    /* zero: -1/0 raises divide-by-zero; negative: 0/0 raises invalid; both
       only in their own lanes */
    int zero = x == 0.0;
    int neg = __builtin_isless(x, 0.0);
    double num = zero ? -1.0 : (neg ? 0.0 : f);
    double den = (zero | neg) ? 0.0 : 2.0 + f;
    double s = num / den;
    double z = s * s;
    double R = A10;
    R = R * z + A9;
    R = R * z + A8;
    R = R * z + A7;
    R = R * z + A6;
    R = R * z + A5;
    R = R * z + A4;
    R = R * z + A3;
    R = R * z + A2;
    R = R * z + A1;
    R = R * z;
    double hfsq = 0.5 * f * f;
    double y = e * LN2_HI - ((hfsq - (s * (hfsq + R) + e * LN2_LO)) - f);
    /* special values: +-0 -> -inf, negative -> nan (both s), inf and nan -> x */
    double special = (zero | neg) ? s : x;
    int regular = __builtin_isgreater(x, 0.0) & __builtin_isless(x, __builtin_inf());
    return regular ? y : special;
}

AC_VI float log_f32_core(float xf)
{
    double x = (double)xf, f, e;
    (void)log_reduce(x, &f, &e);            /* float subnormals are normal here */
    int zero = x == 0.0;
    int neg = __builtin_isless(x, 0.0);
    double num = zero ? -1.0 : (neg ? 0.0 : f);
    double den = (zero | neg) ? 0.0 : 2.0 + f;
    double s = num / den;
    double z = s * s;
    double R = A5;
    R = R * z + A4;
    R = R * z + A3;
    R = R * z + A2;
    R = R * z + A1;
    R = R * z;
    double hfsq = 0.5 * f * f;
    double y = e * LN2_D - (hfsq - (f + s * (hfsq + R)));
    double special = (zero | neg) ? s : x;
    int regular = __builtin_isgreater(x, 0.0) & __builtin_isless(x, __builtin_inf());
    return (float)(regular ? y : special);
}

/* ---- the loops, one per dispatch level ------------------------------- */
#define AC_VLOOP(name, T, core, attr)                                       \
    static attr void name(const T *in, T *out, ac_intp n)                   \
    {                                                                       \
        ac_intp i;                                                          \
        _Pragma("omp simd")                                                 \
        for (i = 0; i < n; i++) {                                           \
            out[i] = core(in[i]);                                           \
        }                                                                   \
    }

#if AC_HAVE_DISPATCH
#define AC_VTARGET_512 __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,prefer-vector-width=512")))
#else
#define AC_VTARGET_512
#endif

#define AC_VLEVELS(base, T, core)                                           \
    AC_VLOOP(base##_baseline, T, core, )                                    \
    AC_VLOOP(base##_avx2, T, core, AC_TARGET_AVX2)                          \
    AC_VLOOP(base##_avx512, T, core, AC_VTARGET_512)

AC_VLEVELS(vexp_f64, double, exp_f64_core)
AC_VLEVELS(vlog_f64, double, log_f64_core)
AC_VLEVELS(vexp_f32, float, exp_f32_core)
AC_VLEVELS(vlog_f32, float, log_f32_core)

typedef void (*vf64_fn)(const double *, double *, ac_intp);
typedef void (*vf32_fn)(const float *, float *, ac_intp);

static const vf64_fn exp_f64_impl[3] = {vexp_f64_baseline, vexp_f64_avx2, vexp_f64_avx512};
static const vf64_fn log_f64_impl[3] = {vlog_f64_baseline, vlog_f64_avx2, vlog_f64_avx512};
static const vf32_fn exp_f32_impl[3] = {vexp_f32_baseline, vexp_f32_avx2, vexp_f32_avx512};
static const vf32_fn log_f32_impl[3] = {vlog_f32_baseline, vlog_f32_avx2, vlog_f32_avx512};

void ac_vexp_f64(const double *in, double *out, ac_intp n)
{
    exp_f64_impl[ac_cpu_level()](in, out, n);
}
void ac_vlog_f64(const double *in, double *out, ac_intp n)
{
    log_f64_impl[ac_cpu_level()](in, out, n);
}
void ac_vexp_f32(const float *in, float *out, ac_intp n)
{
    exp_f32_impl[ac_cpu_level()](in, out, n);
}
void ac_vlog_f32(const float *in, float *out, ac_intp n)
{
    log_f32_impl[ac_cpu_level()](in, out, n);
}

int ac_vmath_at_level(int op, int level, const void *in, void *out, ac_intp n)
{
    int cap = ac_cpu_level();
    if (level > cap) {
        level = cap;
    }
    if (level < AC_CPU_BASELINE) {
        level = AC_CPU_BASELINE;
    }
    switch (op) {
    case AC_VMATH_EXP_F64:
        exp_f64_impl[level]((const double *)in, (double *)out, n);
        break;
    case AC_VMATH_LOG_F64:
        log_f64_impl[level]((const double *)in, (double *)out, n);
        break;
    case AC_VMATH_EXP_F32:
        exp_f32_impl[level]((const float *)in, (float *)out, n);
        break;
    case AC_VMATH_LOG_F32:
        log_f32_impl[level]((const float *)in, (float *)out, n);
        break;
    default:
        return -1;
    }
    return level;
}
