/*
 * ac_vpow.c -- contiguous pow kernels (float64, float32) with run-time
 * dispatch (see ac_vmath.h), in the style of ac_vmath.c: branch-free scalar
 * C compiled three times (baseline, AVX2, AVX-512) and vectorized by GCC
 * (`omp simd`); the table lookups become gathers.  Compiled with
 * -fno-trapping-math and -ffp-contract=fast (acvmath in meson.build).
 *
 * float64 (baseline and AVX2; AVX-512 below): pow(x, y) = exp(y * log|x|),
 * log in double-double.
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
 * float64 at the AVX-512 level: its own kernel (intrinsics, vpow_f64_avx512
 *   below), the same method with tables small enough for zmm registers,
 *   looked up by vpermt2pd instead of gathers (slow on Zen 4: the gathers
 *   made the clone above 1.45x NumPy's SVML pow, the permutes 0.93x): log
 *   with 32 pieces (|r| < 2**-6, a degree-7 near-minimax series for the
 *   r**3 part, no low-part table: each invc is chosen so that -log(invc) is
 *   a multiple of 2**-43 to within 2**-70), exp with 2**(j/16) (degree-5
 *   series, scaled by vscalefpd).  Its results may differ from the other
 *   levels' by 1 ulp (the tests allow that); measured max error 0.54 ulp
 *   (0.62 for |x - 1| near 2**-6 with |y log x| near 700, where the wider
 *   log pieces cost most) against 0.51 for the 128-entry version.
 *   float32 at the AVX-512 level: a kernel of its own (vpow_f32_avx512
 *   below: log2 and exp2 in double with 16-entry register tables, series
 *   sized for float, a software-pipelined loop; ~1.0x NumPy's SVML powf,
 *   was 2.05x with the float64 method; max error 0.509 ulp measured).
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
        int f0 = ac_vf_flags(), f1;                                         \
        ac_vf_clear(AC__FE_ALL);                                            \
        for (ac_intp i = 0; i < m; i++) {                                   \
            out[i] = tmp[i] != tmp[i] ? fn(x[i], y[i]) : tmp[i];            \
        }                                                                   \
        f1 = ac_vf_flags();                                                 \
        ac_vf_clear(AC__FE_ALL);                                            \
        if (f0) {                                                           \
            ac_vf_raise(f0);                                                \
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

#if AC_HAVE_DISPATCH && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define AC_VPOW_AVX512_KERNEL 1
/* GCC's _mm512_mul_pd and _mm512_add_pd are plain vector arithmetic, which
 * -ffp-contract=fast would fuse (p = a*b then p + c becomes fma(a, b, c)),
 * breaking the exact products and sums below: every fma here is explicit. */
#pragma GCC push_options
#pragma GCC optimize("fp-contract=off")

/* ---- float64, AVX-512: tables in registers --------------------------------
 * Zen 4's zmm gathers cost ~8 cycles each, and the 128-entry tables need four
 * per 8 lanes.  Here the log table has 32 pieces (2 fields of 32 doubles: 4
 * zmm each, looked up with two vpermt2pd and a blend on index bit 4) and the
 * exp table 16 entries (2 fields: one vpermt2pd each); the longer series make
 * up for the wider intervals.  Same structure as pow_f64_fast otherwise:
 *   log:  r = z*invc - 1 (|r| < 2**-6) exactly as rhi + rlo, log1p(r) =
 *         r - r**2/2 + r**3 Q(r) (Q: degree 7, near minimax, 2**-67.6
 *         relative), the r and r**2/2 terms and e*ln2 + log c summed exactly,
 *         the rest in a low part.  log c = -log(invc) is a multiple of 2**-43
 *         (e*LN2_HI + log c exact) with no low part: the generator picks invc
 *         for which that is true to within 2**-68.5 |log z| (~2**-77 next to
 *         1.0).
 *   exp:  k = round(t * 16/ln2), r = t - k*ln2/16 (|r| <= ln2/32 + tiny),
 *         exp(r) - 1 = r + r**2 P(r) (P: degree 5, 2**-64.4 relative), times
 *         2**(k/16) = 2**floor(k/16) (vscalefpd) * T[k & 15], T as a double
 *         plus its relative error (added to r).
 * The extra error against the 128-entry version: r is rounded at its own
 * scale (2**-59.5 relative to the result, twice) and, in the piece holding
 * 1.0, the r**3 term's rounding is ~2**-65 relative to log x for |x-1| near
 * 2**-6, which matters only when |y log x| is also near 700. */
/* ln2 - LN2_HI to 43 bits, so that 1023 * LN2_LO43 is exact and x = 1
 * gives log 0 exactly (pow(1, y) = 1 for any y); the 2**-88 left out is
 * far below what matters */
#define LN2_LO43   0x1.ef35793c76800p-45

struct vpow_regs {
    __m512d ic[4], lc[4], et[2], ec[2];
};

static AC_VTARGET_512 inline __attribute__((always_inline)) __m512d
vpow_tab32(const __m512d t[4], __m512i idx, __mmask8 top)
{
    __m512d a = _mm512_permutex2var_pd(t[0], idx, t[1]);
    __m512d b = _mm512_permutex2var_pd(t[2], idx, t[3]);
    return _mm512_mask_blend_pd(top, a, b);
}

/* the tables into registers; logc - 1023 LN2_HI (exact: a multiple of
 * 2**-43 below 2**10), as the kernels take e + 1023 */
static AC_VTARGET_512 inline __attribute__((always_inline)) void
vpow_regs_init(struct vpow_regs *R)
{
    for (int k = 0; k < 4; k++) {
        R->ic[k] = _mm512_load_pd(vpow_invc32 + 8 * k);
        R->lc[k] = _mm512_sub_pd(_mm512_load_pd(vpow_logc32 + 8 * k), _mm512_set1_pd(1023 * LN2_HI));
    }
    for (int k = 0; k < 2; k++) {
        R->et[k] = _mm512_load_pd(vpow_exp16 + 8 * k);
        R->ec[k] = _mm512_load_pd(vpow_exp16_corr + 8 * k);
    }
}

/* pow of 8 lanes; *ok: the lanes computed here (the others are garbage) */
/* The lanes the vector kernel answers (*ok) and their results: x positive
 * (signs: or negative) normal finite -- not nan (0x81), zero (0x06),
 * infinite (0x18), subnormal (0x20), negative (0x40) -- and |t| <= lim (t =
 * y log|x|, so the result is normal); a negative x only with y an integer
 * of magnitude < 2**51, the sign of res its parity.  Shared by the float64
 * and float32 kernels (float32 computes in double: lim 87). */
static AC_VTARGET_512 inline __attribute__((always_inline)) __m512d
vpow8_lanes(__m512d res, __m512d x, __m512d y, __m512d t, double lim, int signs, __mmask8 *ok)
{
    __mmask8 m = (__mmask8)~_mm512_fpclass_pd_mask(x, signs ? 0xbf : 0xff);
    m = _mm512_mask_cmp_pd_mask(m, t, _mm512_set1_pd(lim), _CMP_LE_OQ);
    m = _mm512_mask_cmp_pd_mask(m, t, _mm512_set1_pd(-lim), _CMP_GE_OQ);
    if (signs) {
        const __m512d shift = _mm512_set1_pd(SHIFT);
        __mmask8 neg = _mm512_movepi64_mask(_mm512_castpd_si512(x));
        __m512d ys = _mm512_add_pd(y, shift);
        __mmask8 yint = _mm512_cmp_pd_mask(_mm512_sub_pd(ys, shift), y, _CMP_EQ_OQ);
        yint = _mm512_mask_cmp_pd_mask(yint, _mm512_abs_pd(y), _mm512_set1_pd(0x1p51), _CMP_LT_OQ);
        __mmask8 odd = _mm512_test_epi64_mask(_mm512_castpd_si512(ys), _mm512_set1_epi64(1));
        m &= (__mmask8)(~neg | yint);
        res = _mm512_mask_xor_pd(res, (__mmask8)(neg & odd), res, _mm512_set1_pd(-0.0));
    }
    *ok = m;
    return res;
}

static AC_VTARGET_512 inline __attribute__((always_inline)) __m512d
vpow8(const struct vpow_regs *R, __m512d x, __m512d y, __mmask8 *ok, int signs)
{
    const __m512i mant = _mm512_set1_epi64((long long)MANT_MASK);
    const __m512d one = _mm512_set1_pd(1.0);
    /* without negative x (signs == 0) x is |x| */
    __m512d ax = signs ? _mm512_abs_pd(x) : x;
    __m512i t = _mm512_add_epi64(_mm512_castpd_si512(ax),
                                 _mm512_set1_epi64((long long)(ONE_BITS - VPOW_LOG32_OFF)));
    /* e + 1023: the bias is folded into the tables' logc (vpow_regs) */
    __m512d e = _mm512_cvtepi64_pd(_mm512_srli_epi64(t, 52));
    __m512i idx = _mm512_srli_epi64(t, 47);
    __mmask8 top = _mm512_test_epi64_mask(idx, _mm512_set1_epi64(16));
    __m512d z = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_and_epi64(t, mant),
                                                     _mm512_set1_epi64((long long)VPOW_LOG32_OFF)));
    __m512d invc = vpow_tab32(R->ic, idx, top);
    __m512d p = _mm512_mul_pd(z, invc);
    __m512d rlo = _mm512_fmsub_pd(z, invc, p);
    __m512d rhi = _mm512_sub_pd(p, one);                       /* exact */
    __m512d t1 = _mm512_fmadd_pd(e, _mm512_set1_pd(LN2_HI), vpow_tab32(R->lc, idx, top)); /* exact */
    __m512d t2 = _mm512_fmadd_pd(e, _mm512_set1_pd(LN2_LO43), _mm512_set1_pd(-1023 * LN2_LO43));
    __m512d h1 = _mm512_add_pd(t1, rhi);                       /* t1 = 0 or |t1| >= |rhi| */
    __m512d l1 = _mm512_add_pd(_mm512_sub_pd(t1, h1), rhi);
    /* -r**2/2 = ahi - err/2 exactly */
    __m512d r2 = _mm512_mul_pd(rhi, rhi);
    __m512d err = _mm512_fmsub_pd(rhi, rhi, r2);
    __m512d ahi = _mm512_mul_pd(r2, _mm512_set1_pd(-0.5));
    __m512d h2 = _mm512_add_pd(h1, ahi);
    __m512d l2 = _mm512_add_pd(_mm512_sub_pd(h1, h2), ahi);
    __m512d q = _mm512_set1_pd(VPOW_Q7);
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q6));
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q5));
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q4));
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q3));
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q2));
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q1));
    q = _mm512_fmadd_pd(q, rhi, _mm512_set1_pd(VPOW_Q0));
    /* rlo (1 - rhi + r**2): the rlo terms of r - r**2/2 + r**3/3 */
    __m512d w = _mm512_fmadd_pd(rhi, _mm512_sub_pd(rhi, one), one);
    __m512d lo = _mm512_fmadd_pd(err, _mm512_set1_pd(-0.5), _mm512_add_pd(_mm512_add_pd(t2, l1), l2));
    lo = _mm512_fmadd_pd(rlo, w, lo);
    lo = _mm512_fmadd_pd(_mm512_mul_pd(r2, rhi), q, lo);
    /* y * log|x| = th + tl */
    __m512d phi = _mm512_mul_pd(y, h2);
    __m512d plo = _mm512_fmsub_pd(y, h2, phi);
    plo = _mm512_fmadd_pd(y, lo, plo);
    /* exp: k from th ~ phi + plo, r = (phi - k ln2/16) + plo + (T's error -
       k (ln2/16)_lo): phi - k (ln2/16)_hi is exact (Sterbenz for small k, a
       multiple of min(ulp(phi), 2**-40) below 0.25 otherwise), and so is its
       sum with plo when both are large (|plo| < 2**-12 |phi|: they nearly
       cancel) */
    __m512d th = _mm512_add_pd(phi, plo);
    const __m512d shift = _mm512_set1_pd(SHIFT);
    __m512d kds = _mm512_fmadd_pd(th, _mm512_set1_pd(VPOW_INVLN2N16), shift);
    __m512d kd = _mm512_sub_pd(kds, shift);
    __m512i ki = _mm512_castpd_si512(kds);
    __m512d T = _mm512_permutex2var_pd(R->et[0], ki, R->et[1]);
    __m512d corr = _mm512_permutex2var_pd(R->ec[0], ki, R->ec[1]);
    __m512d r = _mm512_fnmadd_pd(kd, _mm512_set1_pd(VPOW_LN2N16_HI), phi);
    r = _mm512_add_pd(_mm512_add_pd(r, plo), _mm512_fnmadd_pd(kd, _mm512_set1_pd(VPOW_LN2N16_LO), corr));
    __m512d ep = _mm512_set1_pd(VPOW_P5);
    ep = _mm512_fmadd_pd(ep, r, _mm512_set1_pd(VPOW_P4));
    ep = _mm512_fmadd_pd(ep, r, _mm512_set1_pd(VPOW_P3));
    ep = _mm512_fmadd_pd(ep, r, _mm512_set1_pd(VPOW_P2));
    ep = _mm512_fmadd_pd(ep, r, _mm512_set1_pd(VPOW_P1));
    ep = _mm512_fmadd_pd(ep, r, _mm512_set1_pd(VPOW_P0));
    __m512d em1 = _mm512_fmadd_pd(_mm512_mul_pd(r, r), ep, r);
    __m512d res = _mm512_scalef_pd(_mm512_fmadd_pd(T, em1, T),
                                   _mm512_mul_pd(kd, _mm512_set1_pd(1.0 / 16)));
    return vpow8_lanes(res, x, y, th, 708.0, signs, ok);
}

/* The AC_VPOW_LOOP structure with vpow8: nan in the lanes left to libm. */
#define VPOW_AVX512_BODY(signs)                                             \
    for (i = 0; i < m; i += 8) {                                            \
        __mmask8 in = m - i >= 8 ? 0xff : (__mmask8)((1u << (m - i)) - 1), ok; \
        __m512d xv = _mm512_maskz_loadu_pd(in, xb + i);                     \
        __m512d yv = _mm512_maskz_loadu_pd(in, yb + i);                     \
        __m512d r = vpow8(&R, xv, yv, &ok, signs);                          \
        _mm512_mask_storeu_pd(ob + i, (__mmask8)(in & ok), r);              \
        if ((__mmask8)(in & ~ok)) {     /* rare: nan marks the libm lanes */ \
            _mm512_mask_storeu_pd(ob + i, (__mmask8)(in & ~ok),              \
                                  _mm512_set1_pd(__builtin_nan("")));       \
            bad = 1;                                                        \
        }                                                                   \
    }
static AC_VTARGET_512 unsigned vpow_f64_avx512(const double *x, const double *y,
                                               double *out, ac_intp n)
{
    double tmp[AC_VBLOCK];
    unsigned fl = 0;
    int alias = out == x || out == y;
    struct vpow_regs R;
    vpow_regs_init(&R);
    for (ac_intp b = 0; b < n; b += AC_VBLOCK) {
        const double *xb = x + b, *yb = y + b;
        double *ob = alias ? tmp : out + b;
        ac_intp i, m = n - b < AC_VBLOCK ? n - b : AC_VBLOCK;
        unsigned bad = 0;
        __m512i neg = _mm512_setzero_si512();
        for (i = 0; i + 8 <= m; i += 8) {
            neg = _mm512_or_si512(neg, _mm512_loadu_si512(xb + i));
        }
        int anyneg = _mm512_movepi64_mask(neg) != 0;
        for (; i < m; i++) {
            anyneg |= xb[i] < 0 || (d2u(xb[i]) >> 63);
        }
        if (anyneg) {
            VPOW_AVX512_BODY(1)
        }
        else {
            VPOW_AVX512_BODY(0)
        }
        if (bad) {
            fl |= vpow_rest_f64(xb, yb, out + b, ob, m);
        }
        else if (alias) {
            memcpy(out + b, tmp, (size_t)m * sizeof(double));
        }
    }
    return fl;
}

/* ---- float32, AVX-512: its own kernel, in double ---------------------------
 * Sized for float32 (the float64 method and tables, two halves of 8 doubles
 * per 16 floats, gave 2.05x NumPy's SVML powf): log2 and exp2 instead of log
 * and exp, 16-entry tables in registers looked up by one vpermt2pd each,
 * short series, few checks, a software-pipelined loop.
 *   log2: x (as a double: float subnormals are normal there) = 2**e * z, z
 *         in [1, 2) and e by vgetmantpd and vgetexppd; piece n = round(15 z)
 *         (15..30, held at n & 15: the low bits of 15 z + 1.5*2**52),
 *         r = z*invc - 1 (|r| <= 1/30, one rounding), log2 x = (e + log2 c)
 *         + r L(r), L of degree 5 (2**-37.9 relative).  The pieces next to
 *         1.0 and 2.0 have c = 1 and c = 2 exactly (log2 c = 0 and 1), so
 *         that e + log2 c is exact and x near 1 (either side) keeps its
 *         relative accuracy.
 *   exp2: t = y log2 x, k = floor(16 t) (the low bits of fma(t, 16, 1.5*2**52)
 *         rounded down), s = t - k/16 in [0, 1/16) (vreducepd: exact), 2**t
 *         = 2**floor(t) (vscalefpd) * T[k & 15] (1 + s E(s)), E of degree 3
 *         (2**-37 relative).
 * t is off by ~2**-31 at most (|t| <= 150), the result by ~2**-31.5 relative
 * before its one rounding to float: max 0.509 ulp measured (1.2e8 pairs).
 * Checks: x = 0, inf or nan gives e = -inf, inf or nan and negative x gives
 * z = nan (vgetmantpd's sign control), so that t is +-inf or nan (or 0 *
 * inf) and the result 0, inf or nan; the fast loop (blocks' groups of 32
 * floats) therefore checks only the results, after the loop, as the max of
 * bits(result) - bits(FLT_MIN) (unsigned: normal finite results are below
 * 0x7f000000).  A block that fails is redone by the careful loop (masks per
 * lane, nan for the lanes left to libm, negative x with integer y), which
 * also does the tails.  A result that rounds to FLT_MAX or FLT_MIN here but
 * to inf or a subnormal in libm's powf (error ~2**-31 relative at the
 * boundary) would miss the flag libm raises: not seen in tests, and within
 * the accuracy allowed either way.
 * The fast loop is software-pipelined in three stages (reduction and
 * lookups, log2 series, exp2; the chains are long and the scheduler's
 * window short): ~42 cycles per 16 floats on Zen 4 instead of ~56 in one
 * stage (and ~64 with per-lane vfpclassps checks and masks).  Measured and
 * not kept: Estrin for L, s by subtraction instead of vreducepd, the integer
 * reduction (bits(x) + offset: more instructions, and x checks), 2048-float
 * blocks, the checks inside the loop, 4 pipeline stages (register spills),
 * E of degree 2 (~1-4% faster, 0.57 ulp). */
struct vpowf_regs {
    __m512d ic[2], lc[2], et[2];
};

/* log2 x = l0 + r L(r) for 8 lanes: the reduction and lookups ... */
static AC_VTARGET_512 inline __attribute__((always_inline)) __m512d
vlog2f8_reduce(const struct vpowf_regs *R, __m512d x, __m512d *l0)
{
    /* negative x (the careful loop passes |x|) gives nan */
    __m512d z = _mm512_getmant_pd(x, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_nan);
    __m512d e = _mm512_getexp_pd(x);
    __m512i idx = _mm512_castpd_si512(_mm512_fmadd_pd(z, _mm512_set1_pd(15.0), _mm512_set1_pd(SHIFT)));
    *l0 = _mm512_add_pd(e, _mm512_permutex2var_pd(R->lc[0], idx, R->lc[1]));
    return _mm512_fmsub_pd(z, _mm512_permutex2var_pd(R->ic[0], idx, R->ic[1]), _mm512_set1_pd(1.0));
}

/* ... and t = y log2 x from them */
static AC_VTARGET_512 inline __attribute__((always_inline)) __m512d
vlog2f8_times(__m512d r, __m512d l0, __m512d y)
{
    __m512d q = _mm512_set1_pd(VPOWF_L5);
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(VPOWF_L4));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(VPOWF_L3));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(VPOWF_L2));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(VPOWF_L1));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(VPOWF_L0));
    return _mm512_mul_pd(y, _mm512_fmadd_pd(r, q, l0));
}

static AC_VTARGET_512 inline __attribute__((always_inline)) __m512d
vlog2f8(const struct vpowf_regs *R, __m512d x, __m512d y)
{
    __m512d l0, r = vlog2f8_reduce(R, x, &l0);
    return vlog2f8_times(r, l0, y);
}

/* 2**t for 8 lanes, rounded to float */
static AC_VTARGET_512 inline __attribute__((always_inline)) __m256
vexp2f8(const struct vpowf_regs *R, __m512d tt)
{
    __m512d kds = _mm512_fmadd_round_pd(tt, _mm512_set1_pd(16.0), _mm512_set1_pd(SHIFT),
                                        _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    __m512d s = _mm512_reduce_round_pd(tt, (4 << 4) | _MM_FROUND_TO_NEG_INF, _MM_FROUND_NO_EXC);
    __m512d T = _mm512_permutex2var_pd(R->et[0], _mm512_castpd_si512(kds), R->et[1]);
    __m512d p = _mm512_set1_pd(VPOWF_E3);
    p = _mm512_fmadd_pd(p, s, _mm512_set1_pd(VPOWF_E2));
    p = _mm512_fmadd_pd(p, s, _mm512_set1_pd(VPOWF_E1));
    p = _mm512_fmadd_pd(p, s, _mm512_set1_pd(VPOWF_E0));
    return _mm512_cvtpd_ps(_mm512_scalef_pd(_mm512_fmadd_pd(_mm512_mul_pd(T, s), p, T), tt));
}

/* The careful loop, from i to m: nan marks the lanes left to libm. */
#define VPOWF_AVX512_BODY(signs)                                            \
    for (; i < m; i += 16) {                                                \
        __mmask16 in = m - i >= 16 ? 0xffff : (__mmask16)((1u << (m - i)) - 1); \
        __m512 xv = _mm512_maskz_loadu_ps(in, xb + i);                      \
        __m512 yv = _mm512_maskz_loadu_ps(in, yb + i);                      \
        __m512 ax = signs ? _mm512_abs_ps(xv) : xv;                         \
        __m256 f0 = vexp2f8(&R, vlog2f8(&R, _mm512_cvtps_pd(_mm512_castps512_ps256(ax)), \
                                        _mm512_cvtps_pd(_mm512_castps512_ps256(yv)))); \
        __m256 f1 = vexp2f8(&R, vlog2f8(&R, _mm512_cvtps_pd(_mm512_extractf32x8_ps(ax, 1)), \
                                        _mm512_cvtps_pd(_mm512_extractf32x8_ps(yv, 1)))); \
        __m512 rf = _mm512_insertf32x8(_mm512_castps256_ps512(f0), f1, 1);   \
        /* x: not nan, zero or infinite; result: not nan, zero, infinite   \
           or subnormal */                                                  \
        __mmask16 ok = (__mmask16)~(_mm512_fpclass_ps_mask(xv, 0x9f)        \
                                    | _mm512_fpclass_ps_mask(rf, 0xbf));    \
        if (signs) {                                                        \
            __mmask16 neg = _mm512_movepi32_mask(_mm512_castps_si512(xv));  \
            __mmask16 yint = _mm512_cmp_ps_mask(_mm512_roundscale_ps(yv, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), \
                                                yv, _CMP_EQ_OQ);            \
            /* float integers of 2**31 and above are even: cvtps gives     \
               0x80000000 for them */                                       \
            __mmask16 odd = _mm512_test_epi32_mask(_mm512_cvtps_epi32(yv),  \
                                                   _mm512_set1_epi32(1));   \
            ok &= (__mmask16)(~neg | yint);                                 \
            rf = _mm512_mask_xor_ps(rf, (__mmask16)(neg & odd), rf, _mm512_set1_ps(-0.0f)); \
        }                                                                   \
        rf = _mm512_mask_blend_ps(ok, _mm512_set1_ps(__builtin_nanf("")), rf); \
        _mm512_mask_storeu_ps(ob + i, in, rf);                              \
        bad |= (__mmask16)(in & ~ok);                                       \
    }

/* The fast loop over the block's groups of 8 * VPOWF_G floats,
 * software-pipelined in three stages (the reduction and lookups, the log2
 * series, the exp2); returns the number of floats done (0 if a result needs
 * the careful loop) */
#define VPOWF_G 4       /* halves of 8 per group */
#define VPOWF_A(j)                                                          \
    for (int h = 0; h < VPOWF_G; h++) {                                     \
        ra[h] = vlog2f8_reduce(&R, _mm512_cvtps_pd(_mm256_loadu_ps(xb + (j) + 8 * h)), &la[h]); \
    }
#define VPOWF_B(j)                                                          \
    for (int h = 0; h < VPOWF_G; h++) {                                     \
        tb[h] = vlog2f8_times(ra[h], la[h], _mm512_cvtps_pd(_mm256_loadu_ps(yb + (j) + 8 * h))); \
    }
#define VPOWF_C(j)                                                          \
    for (int h = 0; h < VPOWF_G; h++) {                                     \
        __m256 f = vexp2f8(&R, tc[h]);                                      \
        _mm256_storeu_ps(ob + (j) + 8 * h, f);                              \
    }
static AC_VTARGET_512 inline __attribute__((always_inline)) ac_intp
vpowf_fast(const struct vpowf_regs *Rp, const float *xb, const float *yb, float *ob, ac_intp m)
{
    const struct vpowf_regs R = *Rp;
    const ac_intp step = 8 * VPOWF_G;
    __m512d ra[VPOWF_G], la[VPOWF_G], tb[VPOWF_G], tc[VPOWF_G];
    ac_intp i;
    if (m < 2 * step) {
        return 0;
    }
    VPOWF_A(0)
    VPOWF_B(0)
    VPOWF_A(step)
    for (i = 2 * step; i + step <= m; i += step) {
        for (int h = 0; h < VPOWF_G; h++) {
            tc[h] = tb[h];
        }
        VPOWF_B(i - step)
        VPOWF_A(i)
        VPOWF_C(i - 2 * step)
    }
    for (int h = 0; h < VPOWF_G; h++) {
        tc[h] = tb[h];
    }
    VPOWF_B(i - step)
    VPOWF_C(i - 2 * step)
    for (int h = 0; h < VPOWF_G; h++) {
        tc[h] = tb[h];
    }
    VPOWF_C(i - step)
    /* the results, checked after the loop (fewer registers in it) */
    const __m512i fmin = _mm512_set1_epi32(0x00800000);
    __m512i acc = _mm512_setzero_si512();
    for (ac_intp j = 0; j < i; j += 16) {
        acc = _mm512_max_epu32(acc, _mm512_sub_epi32(_mm512_loadu_si512(ob + j), fmin));
    }
    return _mm512_cmp_epu32_mask(acc, _mm512_set1_epi32(0x7f000000), _MM_CMPINT_NLT) ? 0 : i;
}

static AC_VTARGET_512 unsigned vpow_f32_avx512(const float *x, const float *y,
                                               float *out, ac_intp n)
{
    float tmp[AC_VBLOCK];
    unsigned fl = 0;
    int alias = out == x || out == y;
    struct vpowf_regs R;
    for (int k = 0; k < 2; k++) {
        R.ic[k] = _mm512_load_pd(vpowf_invc16 + 8 * k);
        R.lc[k] = _mm512_load_pd(vpowf_log2c16 + 8 * k);
        R.et[k] = _mm512_load_pd(vpow_exp16 + 8 * k);
    }
    for (ac_intp b = 0; b < n; b += AC_VBLOCK) {
        const float *xb = x + b, *yb = y + b;
        float *ob = alias ? tmp : out + b;
        ac_intp i, m = n - b < AC_VBLOCK ? n - b : AC_VBLOCK;
        unsigned bad = 0;
        i = vpowf_fast(&R, xb, yb, ob, m);
        /* the rest of the block, or all of it if a result failed (negative
           x among others): a scan for negative x first */
        int anyneg = 0;
        for (ac_intp j = i; j < m; j++) {
            anyneg |= (int)(f2u(xb[j]) >> 31);
        }
        if (anyneg) {
            VPOWF_AVX512_BODY(1)
        }
        else {
            VPOWF_AVX512_BODY(0)
        }
        if (bad) {
            fl |= vpow_rest_f32(xb, yb, out + b, ob, m);
        }
        else if (alias) {
            memcpy(out + b, tmp, (size_t)m * sizeof(float));
        }
    }
    return fl;
}
#pragma GCC pop_options
#else
#define AC_VPOW_AVX512_KERNEL 0
#endif

AC_VPOW_LOOP(vpow_f64_baseline, double, ac_uint64, pow_f64_fast, BASE_FMA, )
AC_VPOW_LOOP(vpow_f64_avx2, double, ac_uint64, pow_f64_fast, 1, AC_TARGET_AVX2)
#if !AC_VPOW_AVX512_KERNEL
AC_VPOW_LOOP(vpow_f64_avx512, double, ac_uint64, pow_f64_fast, 1, AC_VTARGET_512)
#endif
AC_VPOW_LOOP(vpow_f32_baseline, float, ac_uint32, pow_f32_fast, BASE_FMA, )
AC_VPOW_LOOP(vpow_f32_avx2, float, ac_uint32, pow_f32_fast, 1, AC_TARGET_AVX2)
#if !AC_VPOW_AVX512_KERNEL
AC_VPOW_LOOP(vpow_f32_avx512, float, ac_uint32, pow_f32_fast, 1, AC_VTARGET_512)
#endif

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
    level = ac_vmath_clamp_level(level);
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
