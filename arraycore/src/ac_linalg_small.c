/*
 * ac_linalg_small.c -- small-matrix LU, solve and inverse (ac_linalg_small.h)
 * written once as macros over the element type (float, double and their C99
 * complex types), for the batched paths of arraycore.linalg (stacks of
 * n <= 8 matrices).
 */
#include "ac_linalg_small.h"   /* first: it includes Python.h */
#include "ac_cpu.h"
#include <complex.h>
#include <math.h>
#include <string.h>

/* GCC's loop vectorizer turns these tiny fixed-size loops into masked vector
 * code 2-4x slower than the plain unrolled scalar code (measured: 4x4 inverse
 * 184 -> 65 ns, 8x8 2200 -> 440 ns).  Complex products and quotients follow
 * Fortran's rules (no C99 Annex G recovery of infinities from NaN parts, as
 * LAPACK computes): the recovery calls cost the complex kernels up to 2x. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-vectorize", "cx-fortran-rules")
#endif

/* ---- every type: T the element (real or C99 complex), R its magnitude ---- */
/* The pivot is the entry of largest ABS: |x| for real types, |re| + |im| for
 * complex ones (LAPACK's choice in getrf, cheaper than the modulus). */
#define AC_INLINE static inline __attribute__((always_inline))
#define DEFINE_LU(T, R, SUF, ABS)                                                 \
AC_INLINE int lu_##SUF(int n, T *a, int *perm)                                    \
{                                                                                 \
    int i, j, r, p, info = 0;                                                     \
    for (i = 0; i < n; i++) {                                                     \
        R best = ABS(a[i * n + i]);                                               \
        p = i;                                                                    \
        for (r = i + 1; r < n; r++) {                                             \
            R v = ABS(a[r * n + i]);                                              \
            if (v > best) { best = v; p = r; }                                    \
        }                                                                         \
        perm[i] = p;                                                              \
        if (p != i) {                                                             \
            for (j = 0; j < n; j++) {                                             \
                T tmp = a[i * n + j]; a[i * n + j] = a[p * n + j]; a[p * n + j] = tmp; \
            }                                                                     \
        }                                                                         \
        T piv = a[i * n + i];                                                     \
        if (piv == 0) {                                                           \
            if (!info) info = i + 1;                                              \
            continue;                                                             \
        }                                                                         \
        T rp = (T)1 / piv;                                                        \
        for (r = i + 1; r < n; r++) {                                             \
            T f = a[r * n + i] * rp;                                              \
            a[r * n + i] = f;                                                     \
            for (j = i + 1; j < n; j++)                                           \
                a[r * n + j] -= f * a[i * n + j];                                 \
        }                                                                         \
    }                                                                             \
    return info;                                                                  \
}                                                                                 \
/* forward and back substitution of a right-hand side y already permuted;
 * both column by column (each y[i] takes its updates in the order of the
 * columns j, which the vector kernel below repeats bit for bit) */   \
AC_INLINE void lusolve_##SUF(int n, const T *a, const T *rdiag, T *y)            \
{                                                                                 \
    int i, j;                                                                     \
    for (j = 0; j < n - 1; j++)                                                   \
        for (i = j + 1; i < n; i++) y[i] -= a[i * n + j] * y[j];                  \
    for (j = n - 1; j >= 0; j--) {      /* column order, as solve8_d_avx512 */ \
        T yj = y[j] * rdiag[j];                                                   \
        y[j] = yj;                                                                \
        for (i = 0; i < j; i++) y[i] -= a[i * n + j] * yj;                        \
    }                                                                             \
}                                                                                 \
/* LU, then pv (row i of P A is row pv[i] of A) and the pivots' reciprocals */   \
AC_INLINE int lu_prep_##SUF(int n, T *a, int *pv, T *rdiag)                       \
{                                                                                 \
    int perm[AC_SMALL_MAXN], i, t;                                                \
    if (lu_##SUF(n, a, perm)) return 1;                                           \
    for (i = 0; i < n; i++) pv[i] = i;                                            \
    for (i = 0; i < n; i++) { t = pv[i]; pv[i] = pv[perm[i]]; pv[perm[i]] = t; }  \
    for (i = 0; i < n; i++) rdiag[i] = (T)1 / a[i * n + i];                       \
    return 0;                                                                     \
}                                                                                 \
AC_INLINE int solve_##SUF(int n, int k, T *a, T *x)                               \
{                                                                                 \
    int pv[AC_SMALL_MAXN], r, i;                                                  \
    T rdiag[AC_SMALL_MAXN], y[AC_SMALL_MAXN];                                     \
    if (lu_prep_##SUF(n, a, pv, rdiag)) return 1;                                 \
    for (r = 0; r < k; r++) {                                                     \
        T *xr = x + (size_t)r * n;                                                \
        for (i = 0; i < n; i++) y[i] = xr[pv[i]];                                 \
        lusolve_##SUF(n, a, rdiag, y);                                            \
        for (i = 0; i < n; i++) xr[i] = y[i];                                     \
    }                                                                             \
    return 0;                                                                     \
}                                                                                 \
AC_INLINE int inv_##SUF(int n, T *a)                                              \
{                                                                                 \
    int pv[AC_SMALL_MAXN], i, j;                                                  \
    T y[AC_SMALL_MAXN], rdiag[AC_SMALL_MAXN], res[AC_SMALL_MAXN * AC_SMALL_MAXN]; \
    if (lu_prep_##SUF(n, a, pv, rdiag)) return 1;                                 \
    for (j = 0; j < n; j++) {                                                     \
        for (i = 0; i < n; i++) y[i] = (T)(pv[i] == j);                           \
        lusolve_##SUF(n, a, rdiag, y);                                            \
        for (i = 0; i < n; i++) res[i * n + j] = y[i];                            \
    }                                                                             \
    memcpy(a, res, sizeof(T) * (size_t)n * n);                                    \
    return 0;                                                                     \
}

static inline float cabs1_f(float _Complex z) { return fabsf(crealf(z)) + fabsf(cimagf(z)); }
static inline double cabs1_d(double _Complex z) { return fabs(creal(z)) + fabs(cimag(z)); }

DEFINE_LU(float, float, f, fabsf)
DEFINE_LU(double, double, d, fabs)
DEFINE_LU(float _Complex, float, cf, cabs1_f)
DEFINE_LU(double _Complex, double, cd, cabs1_d)

/* each size gets its own unrolled copy (n is a constant after inlining) */
#define BY_N(n, CALL)                                                             \
    switch (n) {                                                                  \
    case 0: return 0;                                                             \
    case 1: { const int n_ = 1; return CALL; }                                    \
    case 2: { const int n_ = 2; return CALL; }                                    \
    case 3: { const int n_ = 3; return CALL; }                                    \
    case 4: { const int n_ = 4; return CALL; }                                    \
    case 5: { const int n_ = 5; return CALL; }                                    \
    case 6: { const int n_ = 6; return CALL; }                                    \
    case 7: { const int n_ = 7; return CALL; }                                    \
    case 8: { const int n_ = 8; return CALL; }                                    \
    default: return -1;                                                           \
    }

/* one switch over the four types, each case a size switch */
#define BY_TYPE(t, n, PTRS, CALL)                                                 \
    switch (t) {                                                                  \
    case ACX_FLOAT32: { typedef float T_; PTRS; BY_N(n, CALL(f)) }                \
    case ACX_FLOAT64: { typedef double T_; PTRS; BY_N(n, CALL(d)) }               \
    case ACX_COMPLEX64: { typedef float _Complex T_; PTRS; BY_N(n, CALL(cf)) }    \
    case ACX_COMPLEX128: { typedef double _Complex T_; PTRS; BY_N(n, CALL(cd)) }  \
    default: return -1;                                                           \
    }

#define LU_CALL(SUF) lu_##SUF(n_, p, perm)
#define SOLVE_CALL(SUF) solve_##SUF(n_, k, p, q)
#define INV_CALL(SUF) inv_##SUF(n_, p)

int ac_small_lu(int t, int n, void *a, int *perm)
{
    BY_TYPE(t, n, T_ *p = a, LU_CALL)
}

#if AC_HAVE_DISPATCH
#include <immintrin.h>

/* 8 rows of 8 doubles -> 8 columns (three rounds of two-source permutes) */
static AC_TARGET_AVX512 void transpose8_d(const __m512d *r, __m512d *c)
{
    const __m512i lo2 = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0);
    const __m512i hi2 = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    const __m512i lo4 = _mm512_set_epi64(11, 10, 9, 8, 3, 2, 1, 0);
    const __m512i hi4 = _mm512_set_epi64(15, 14, 13, 12, 7, 6, 5, 4);
    __m512d t[8], u[8];
    for (int q = 0; q < 8; q += 2) {
        t[q] = _mm512_unpacklo_pd(r[q], r[q + 1]);       /* columns 0 2 4 6 of rows q, q+1 */
        t[q + 1] = _mm512_unpackhi_pd(r[q], r[q + 1]);   /* columns 1 3 5 7 */
    }
    for (int q = 0; q < 8; q += 4) {
        u[q] = _mm512_permutex2var_pd(t[q], lo2, t[q + 2]);         /* columns 0, 4 */
        u[q + 2] = _mm512_permutex2var_pd(t[q], hi2, t[q + 2]);     /* columns 2, 6 */
        u[q + 1] = _mm512_permutex2var_pd(t[q + 1], lo2, t[q + 3]); /* columns 1, 5 */
        u[q + 3] = _mm512_permutex2var_pd(t[q + 1], hi2, t[q + 3]); /* columns 3, 7 */
    }
    for (int q = 0; q < 4; q++) {
        c[q] = _mm512_permutex2var_pd(u[q], lo4, u[q + 4]);
        c[q + 4] = _mm512_permutex2var_pd(u[q], hi4, u[q + 4]);
    }
}

/* solve_d for 5 <= n <= 8 with AVX-512: the matrix as 8 column vectors
 * (lane = row), padded to 8 x 8 with the identity, so a row exchange is one
 * lane permute of every column and an elimination step one multiply and
 * subtract per column.  The same pivots (the first largest |a|), the same
 * operations in the same order as lu_d/lusolve_d: the same bits, 3-4x
 * faster for 8 x 8.  Returns -1, touching nothing, for the cases the scalar
 * code must decide (a zero pivot, a NaN or an infinity in the matrix). */
static AC_TARGET_AVX512 int solve8_d_avx512(int n, int k, const double *a, double *x)
{
    /* every loop runs to the constant 8 and is unrolled, so that c[] stays in
       registers; the columns and steps past n are skipped by their test */
    const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    const __mmask8 live = (__mmask8)((1u << n) - 1);
    __m512d r[8], c[8];
    __mmask8 bad = 0;
#pragma GCC unroll 8
    for (int i = 0; i < 8; i++)
        r[i] = i < n ? _mm512_maskz_loadu_pd(live, a + (size_t)i * n)
                     : _mm512_maskz_mov_pd((__mmask8)(1u << i), _mm512_set1_pd(1.0));
    transpose8_d(r, c);
#pragma GCC unroll 8
    for (int j = 0; j < 8; j++)
        bad |= _mm512_fpclass_pd_mask(c[j], 0x99) & live;   /* NaN or +-inf */
    if (bad)
        return -1;
    __m512i perm = lane;
    __m512d diag = _mm512_set1_pd(1.0);
#pragma GCC unroll 8
    for (int i = 0; i < 8; i++) {
        if (i >= n)
            break;
        /* padded lanes (rows n..7) are never written: they stay 0 */
        const __mmask8 from = (__mmask8)(0xFFu << i) & live, below = (__mmask8)(0xFEu << i) & live;
        __m512d v = _mm512_mask_mov_pd(_mm512_set1_pd(-1.0), from, _mm512_abs_pd(c[i]));
        if (_mm512_cmp_pd_mask(v, v, _CMP_UNORD_Q))
            return -1;              /* a NaN made on the way (a subnormal pivot) */
        double m = _mm512_reduce_max_pd(v);
        if (!(m > 0))
            return -1;
        int p = __builtin_ctz(_mm512_cmp_pd_mask(v, _mm512_set1_pd(m), _CMP_EQ_OQ));
        if (p != i) {
            __m512i sw = _mm512_mask_set1_epi64(lane, (__mmask8)(1u << i), p);
            sw = _mm512_mask_set1_epi64(sw, (__mmask8)(1u << p), i);
#pragma GCC unroll 8
            for (int j = 0; j < 8; j++)
                c[j] = _mm512_permutexvar_pd(sw, c[j]);
            perm = _mm512_permutexvar_epi64(sw, perm);
        }
        const __m512i bi = _mm512_set1_epi64(i);
        __m512d piv = _mm512_permutexvar_pd(bi, c[i]);
        c[i] = _mm512_mask_mul_pd(c[i], below, c[i], _mm512_div_pd(_mm512_set1_pd(1.0), piv));
#pragma GCC unroll 8
        for (int j = i + 1; j < 8; j++) {
            if (j < n) {
                __m512d aij = _mm512_permutexvar_pd(bi, c[j]);
                c[j] = _mm512_mask_sub_pd(c[j], below, c[j], _mm512_mul_pd(c[i], aij));
            }
        }
        diag = _mm512_mask_mov_pd(diag, (__mmask8)(1u << i), c[i]);
    }
    const __m512d rdiag = _mm512_div_pd(_mm512_set1_pd(1.0), diag);
    for (int q = 0; q < k; q++) {
        double *xr = x + (size_t)q * n;
        __m512d y = _mm512_permutexvar_pd(perm, _mm512_maskz_loadu_pd(live, xr));
#pragma GCC unroll 8
        for (int j = 0; j < 7; j++) {
            if (j < n - 1) {
                __m512d yj = _mm512_permutexvar_pd(_mm512_set1_epi64(j), y);
                y = _mm512_mask_sub_pd(y, (__mmask8)(0xFEu << j) & live, y,
                                       _mm512_mul_pd(c[j], yj));
            }
        }
#pragma GCC unroll 8
        for (int j = 7; j >= 0; j--) {
            if (j < n) {
                y = _mm512_mask_mul_pd(y, (__mmask8)(1u << j), y, rdiag);
                __m512d yj = _mm512_permutexvar_pd(_mm512_set1_epi64(j), y);
                y = _mm512_mask_sub_pd(y, (__mmask8)((1u << j) - 1), y, _mm512_mul_pd(c[j], yj));
            }
        }
        _mm512_mask_storeu_pd(xr, live, y);
    }
    return 0;
}
#endif

int ac_small_solve(int t, int n, int k, void *a, void *x)
{
#if AC_HAVE_DISPATCH
    if (t == ACX_FLOAT64 && n >= 5 && ac_cpu_level() >= AC_CPU_AVX512 &&
            solve8_d_avx512(n, k, (const double *)a, (double *)x) == 0)
        return 0;
#endif
    BY_TYPE(t, n, T_ *p = a; T_ *q = x, SOLVE_CALL)
}

int ac_small_inv(int t, int n, void *a)
{
    BY_TYPE(t, n, T_ *p = a, INV_CALL)
}
