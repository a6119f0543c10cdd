/*
 * ac_vpow.c -- contiguous pow kernels (float64, float32) with run-time
 * dispatch (see ac_vmath.h), in the style of ac_vmath.c: branch-free scalar
 * C compiled three times (baseline, AVX2, AVX-512) and vectorized by GCC
 * (`omp simd`); the table lookups become gathers.  Compiled with
 * -fno-trapping-math and -ffp-contract=fast (acvmath in meson.build).
 *
 * float64: pow(x, y) = exp(y * log|x|), log in double-double.
 *   log:  |x| = 2**e * z, z in [0.709, 1.418) cut into 128 pieces by its top
 *         bits; piece i has invc ~ 1/c (1.0 exactly for the piece holding
 *         1.0) and -log(invc) as hi + lo (tools/gen_vpow_tables.py, the
 *         header ac_vpow_tables.h).  r = z*invc - 1 exactly, as a double
 *         plus the product's rounding error (|r| < 2**-8), log1p(r) =
 *         r - r**2/2 + r**3 P(r) (Taylor to r**9: truncation < 2**-75
 *         relative), the r and r**2/2 terms and e*ln2 + log c summed exactly
 *         (two-sums), the rest in a low part.  Relative error ~2**-66.
 *   exp:  t = y*log|x| = phi + plo exactly (phi rounded, plo its error plus
 *         y * low part); k = round(phi * 128/ln2), r = t - k*ln2/128
 *         (|r| <= ln2/256 + tiny), exp(r) - 1 by Taylor to r**5 (error
 *         2**-60 relative), times 2**(k/128) = 2**(k>>7) * T[k & 127] with T
 *         tabulated as a double plus its relative error (added to r), both
 *         in one 64-bit word.
 *   The result is rounded once: max error ~0.52 ulp in theory.
 * float32: the same in double without the double-double parts and with
 *   shorter series (errors ~2**-36 relative, far below float's 2**-24),
 *   rounded once to float.
 *
 * Fast path and fallback: a lane is computed here when |x| is positive,
 * normal (float32: nonzero) and finite, x > 0 or y an integer (|y| < 2**51;
 * the sign then follows y's parity), and |y*log|x|| <= 708 (float32: 87),
 * so that the result is normal; other lanes get nan from the vector loop and
 * are then computed by libm (pow, powf), with exactly the flags libm raises:
 * zeros, infinities, nans, negative x with non-integer y, overflow,
 * underflow, subnormal x.  Blocks without negative x (a first scan of the
 * sign bits) skip the integer-y and sign work.
 */
#include <math.h>
#include "ac_vmath.h"
#include "ac_vmath_inl.h"
#include "ac_vpow_tables.h"

#define SHIFT      0x1.8p52
#define LN2_HI     0x1.62e42fefa3800p-1    /* ln2 to 42 bits: e*LN2_HI exact */
#define LN2_LO     0x1.ef35793c76730p-45   /* ln2 - LN2_HI */
#define LN2_D      0x1.62e42fefa39efp-1    /* ln2 */
#define MANT_MASK  0x000fffffffffffffULL
#define ONE_BITS   0x3ff0000000000000ULL

/* The baseline x86-64 clone has no FMA instruction: products are split
 * (Dekker) there, and no contraction can happen.  Other architectures have
 * FMA in their baseline. */
#if defined(__x86_64__) || defined(__i386__)
#define BASE_FMA 0
#else
#define BASE_FMA 1
#endif

/* p = a*b rounded, *err = a*b - p exactly.  The FMA form computes p as
 * fma(a, b, 0) so that -ffp-contract cannot fuse p into later sums (which
 * would make p and err disagree). */
AC_VI double mul_exact(double a, double b, double *err, int use_fma)
{
    if (use_fma) {
        double p = __builtin_fma(a, b, 0.0);
        *err = __builtin_fma(a, b, -p);
        return p;
    }
    double p = a * b;
    double ca = 134217729.0 * a, cb = 134217729.0 * b;     /* 2**27 + 1 */
    double ah = ca - (ca - a), bh = cb - (cb - b);
    double al = a - ah, bl = b - bh;
    *err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    return p;
}

/* log|x| = *lo + return value, for |x| positive normal finite */
AC_VI double log_dd(double ax, double *lo, int use_fma)
{
    ac_uint64 t = d2u(ax) + (ONE_BITS - VPOW_LOG_OFF);
    double e = u2d(0x4330000000000000ULL | (t >> 52)) - (0x1p52 + 1023.0);
    ac_int64 i = (ac_int64)((t >> 45) & (VPOW_LOG_N - 1));
    double z = u2d((t & MANT_MASK) + VPOW_LOG_OFF);
    double rlo, p = mul_exact(z, vpow_invc[i], &rlo, use_fma);
    double rhi = p - 1.0;                       /* exact: p in [0.99, 1.01] */
    double t1 = e * LN2_HI + vpow_logc_hi[i];   /* exact (multiples of 2**-43) */
    double t2 = e * LN2_LO + vpow_logc_lo[i];
    /* t1 = 0 or |t1| >= |rhi|: fast two-sum */
    double h1 = t1 + rhi;
    double l1 = (t1 - h1) + rhi;
    double a = -0.5 * rhi;
    double alo, ahi = mul_exact(a, rhi, &alo, use_fma);    /* -rhi**2/2 */
    double h2 = h1 + ahi;                       /* |h1| >= |ahi| */
    double l2 = (h1 - h2) + ahi;
    /* r**3 (1/3 - r/4 + r**2/5 - r**3/6 + r**4/7 - r**5/8 + r**6/9) */
    double q = 1.0 / 9;
    q = q * rhi - 0.125;
    q = q * rhi + 1.0 / 7;
    q = q * rhi - 1.0 / 6;
    q = q * rhi + 0.2;
    q = q * rhi - 0.25;
    q = q * rhi + 1.0 / 3;
    double r2 = rhi * rhi;
    /* the rlo terms of r - r**2/2 + r**3/3 (r = rhi + rlo) */
    *lo = t2 + l1 + l2 + alo + rlo * (1.0 - rhi + r2) + (r2 * rhi) * q;
    return h2;
}

/* 2**(k/128) from the table word w of j = k & 127 and ki = bits(k + SHIFT):
 * the mantissa of 2**(j/128) with the exponent 1023 + (k >> 7); (ki & ~127)
 * << 45 is (k >> 7) << 52 modulo 2**64 (SHIFT's own bits shift out) */
AC_VI ac_uint64 exp_scale_bits(ac_uint64 w, ac_uint64 ki)
{
    return (w & MANT_MASK) + ONE_BITS + ((ki & ~(ac_uint64)(VPOW_EXP_N - 1)) << 45);
}

/* exp(hi + lo) with the sign bit `sign`, for |hi| <= 708, |lo| <= ulp(hi) */
AC_VI double exp_dd(double hi, double lo, ac_uint64 sign)
{
    double kds = hi * VPOW_INVLN2N + SHIFT;
    double kd = kds - SHIFT;
    ac_uint64 ki = d2u(kds);
    ac_uint64 w = vpow_exp_tab[(ac_int64)(ki & (VPOW_EXP_N - 1))];
    double corr = (u2d(0x4330000000000000ULL | (w >> 52)) - (0x1p52 + 2048.0)) * 0x1p-63;
    double r = hi - kd * VPOW_LN2N_HI;          /* exact */
    r = r + (lo - kd * VPOW_LN2N_LO + corr);
    double scale = u2d(exp_scale_bits(w, ki) ^ sign);
    double p = 1.0 / 120;
    p = p * r + 1.0 / 24;
    p = p * r + 1.0 / 6;
    p = p * r + 0.5;
    double em1 = r + (r * r) * p;
    return scale + scale * em1;
}

/* is y an integer of magnitude < 2**51 (*odd: an odd one)? */
AC_VI int small_int(double y, ac_uint64 *odd)
{
    double ys = y + SHIFT;
    *odd = (d2u(ys) & 1) << 63;
    return ((ys - SHIFT) == y) & __builtin_isless(__builtin_fabs(y), 0x1p51);
}

/* `signs` (a constant): the block may hold negative x */
AC_VI double pow_f64_fast(double x, double y, int use_fma, int signs)
{
    double ax = __builtin_fabs(x);
    ac_uint64 odd = 0;
    int yint = signs ? small_int(y, &odd) : 0;
    double llo, lhi = log_dd(ax, &llo, use_fma);
    double plo, phi = mul_exact(y, lhi, &plo, use_fma);
    plo = plo + y * llo;
    /* renormalized (|y*llo| < 2**-17 |phi|), so that |r| stays <= ln2/256 in exp */
    double th = phi + plo;
    double tl = (phi - th) + plo;
    int neg = signs ? __builtin_isless(x, 0.0) : 0;
    int ok = __builtin_isgreaterequal(signs ? ax : x, 0x1p-1022)
           & __builtin_isless(ax, __builtin_inf())
           & __builtin_islessequal(__builtin_fabs(th), 708.0) & ((neg == 0) | yint);
    double res = exp_dd(th, tl, neg ? odd : 0);
    return ok ? res : __builtin_nan("");
}

/* float32: the same in double, without the double-double parts */
AC_VI float pow_f32_fast(float xf, float yf, int use_fma, int signs)
{
    (void)use_fma;
    double x = (double)xf, y = (double)yf;
    double ax = __builtin_fabs(x);
    ac_uint64 odd = 0;
    int yint = signs ? small_int(y, &odd) : 0;
    ac_uint64 t = d2u(ax) + (ONE_BITS - VPOW_LOG_OFF);
    double e = u2d(0x4330000000000000ULL | (t >> 52)) - (0x1p52 + 1023.0);
    ac_int64 i = (ac_int64)((t >> 45) & (VPOW_LOG_N - 1));
    double z = u2d((t & MANT_MASK) + VPOW_LOG_OFF);
    double r = z * vpow_invc[i] - 1.0;
    /* log1p(r) to r**5 (truncation 2**-42 relative: 2**-36 in y*log|x|
       <= 87, 2**-12 float ulp) */
    double q = 0.2;
    q = q * r - 0.25;
    q = q * r + 1.0 / 3;
    q = q * r - 0.5;
    double l = (e * LN2_D + vpow_logc[i]) + (r + (r * r) * q);
    double ph = y * l;
    int neg = signs ? __builtin_isless(x, 0.0) : 0;
    int ok = __builtin_isgreater(signs ? ax : x, 0.0) & __builtin_isless(ax, __builtin_inf())
           & __builtin_islessequal(__builtin_fabs(ph), 87.0) & ((neg == 0) | yint);
    double kds = ph * VPOW_INVLN2N + SHIFT;
    double kd = kds - SHIFT;
    ac_uint64 ki = d2u(kds);
    ac_uint64 w = vpow_exp_tab[(ac_int64)(ki & (VPOW_EXP_N - 1))];
    double s = ph - kd * (VPOW_LN2N_HI + VPOW_LN2N_LO);  /* |kd| < 2**14 */
    double scale = u2d(exp_scale_bits(w, ki) ^ (neg ? odd : 0));
    /* exp(s) - 1 to s**3 (|s| <= 2**-8.5: truncation 2**-38 relative) */
    double res = scale + scale * (s + (s * s) * (0.5 + s * (1.0 / 6)));
    return ok ? (float)res : __builtin_nanf("");
}

/* libm through volatile pointers: opaque calls, kept in place between the
 * flag reads (GCC may otherwise treat pow as a pure function) */
static double (*volatile libm_pow)(double, double) = pow;
static float (*volatile libm_powf)(float, float) = powf;

/* The lanes the vector loop left nan (tmp): libm, which also raises exactly
 * the flags those inputs call for; returns them.  out may be x or y. */
#define AC_VPOW_REST(name, T, fn)                                           \
    static __attribute__((noinline)) unsigned name(const T *x, const T *y,  \
                                                   T *out, const T *tmp,    \
                                                   ac_intp m)               \
    {                                                                       \
        int f0 = fetestexcept(AC__FE_ALL), f1;                              \
        feclearexcept(AC__FE_ALL);                                          \
        for (ac_intp i = 0; i < m; i++) {                                   \
            out[i] = tmp[i] != tmp[i] ? fn(x[i], y[i]) : tmp[i];            \
        }                                                                   \
        f1 = fetestexcept(AC__FE_ALL);                                      \
        feclearexcept(AC__FE_ALL);                                          \
        if (f0) {                                                           \
            feraiseexcept(f0);                                              \
        }                                                                   \
        return (unsigned)f1;                                                \
    }
AC_VPOW_REST(vpow_rest_f64, double, libm_pow)
AC_VPOW_REST(vpow_rest_f32, float, libm_powf)

/* One block at a time: a scan for negative x (blocks without skip the sign
 * handling), the vector loop into `out` or, when out is x or y, into a
 * buffer, then the libm lanes if any. */
#define AC_VPOW_MAP(T, core, fma, signs)                                    \
    _Pragma("omp simd reduction(|:bad)")                                    \
    for (i = 0; i < m; i++) {                                               \
        T r = core(xb[i], yb[i], fma, signs);                               \
        ob[i] = r;                                                          \
        bad |= r != r;                                                      \
    }
#define AC_VPOW_LOOP(name, T, UT, core, fma, attr)                          \
    static attr unsigned name(const T *x, const T *y, T *out, ac_intp n)    \
    {                                                                       \
        T tmp[AC_VBLOCK];                                                   \
        unsigned fl = 0;                                                    \
        int alias = out == x || out == y;                                   \
        for (ac_intp b = 0; b < n; b += AC_VBLOCK) {                        \
            const T *xb = x + b, *yb = y + b;                               \
            T *ob = alias ? tmp : out + b;                                  \
            ac_intp i, m = n - b < AC_VBLOCK ? n - b : AC_VBLOCK;           \
            int bad = 0;                                                    \
            UT neg = 0;                                                     \
            _Pragma("omp simd reduction(|:neg)")                            \
            for (i = 0; i < m; i++) {                                       \
                UT u;                                                       \
                memcpy(&u, &xb[i], sizeof(u));                              \
                neg |= u;                                                   \
            }                                                               \
            if (neg >> (8 * sizeof(UT) - 1)) {                              \
                AC_VPOW_MAP(T, core, fma, 1)                                \
            }                                                               \
            else {                                                          \
                AC_VPOW_MAP(T, core, fma, 0)                                \
            }                                                               \
            if (bad) {                                                      \
                fl |= vpow_rest_##T(xb, yb, out + b, ob, m);                \
            }                                                               \
            else if (alias) {                                               \
                memcpy(out + b, tmp, (size_t)m * sizeof(T));                \
            }                                                               \
        }                                                                   \
        return fl;                                                          \
    }
#define vpow_rest_double vpow_rest_f64
#define vpow_rest_float vpow_rest_f32

AC_VPOW_LOOP(vpow_f64_baseline, double, ac_uint64, pow_f64_fast, BASE_FMA, )
AC_VPOW_LOOP(vpow_f64_avx2, double, ac_uint64, pow_f64_fast, 1, AC_TARGET_AVX2)
AC_VPOW_LOOP(vpow_f64_avx512, double, ac_uint64, pow_f64_fast, 1, AC_VTARGET_512)
AC_VPOW_LOOP(vpow_f32_baseline, float, ac_uint32, pow_f32_fast, BASE_FMA, )
AC_VPOW_LOOP(vpow_f32_avx2, float, ac_uint32, pow_f32_fast, 1, AC_TARGET_AVX2)
AC_VPOW_LOOP(vpow_f32_avx512, float, ac_uint32, pow_f32_fast, 1, AC_VTARGET_512)

typedef unsigned (*vpow64_fn)(const double *, const double *, double *, ac_intp);
typedef unsigned (*vpow32_fn)(const float *, const float *, float *, ac_intp);
static const vpow64_fn pow_f64_impl[3] = {vpow_f64_baseline, vpow_f64_avx2, vpow_f64_avx512};
static const vpow32_fn pow_f32_impl[3] = {vpow_f32_baseline, vpow_f32_avx2, vpow_f32_avx512};

void ac_vpow_f64(const double *x, const double *y, double *out, ac_intp n)
{
    AC_WITH_FLAGS(pow_f64_impl[ac_cpu_level()](x, y, out, n));
}
void ac_vpow_f32(const float *x, const float *y, float *out, ac_intp n)
{
    AC_WITH_FLAGS(pow_f32_impl[ac_cpu_level()](x, y, out, n));
}

int ac_vpow_at_level(int op, int level, const void *x, const void *y, void *out, ac_intp n)
{
    int cap = ac_cpu_level();
    if (level > cap) {
        level = cap;
    }
    if (level < AC_CPU_BASELINE) {
        level = AC_CPU_BASELINE;
    }
    switch (op) {
    case AC_VMATH_POW_F64:
        AC_WITH_FLAGS(pow_f64_impl[level]((const double *)x, (const double *)y, (double *)out, n));
        break;
    case AC_VMATH_POW_F32:
        AC_WITH_FLAGS(pow_f32_impl[level]((const float *)x, (const float *)y, (float *)out, n));
        break;
    default:
        return -1;
    }
    return level;
}
