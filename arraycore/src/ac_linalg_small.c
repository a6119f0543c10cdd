/*
 * ac_linalg_small.c -- small-matrix LU, solve and inverse (ac_linalg_small.h)
 * written once as macros over the element type (float, double and their C99
 * complex types), for the batched paths of arraycore.linalg (stacks of
 * n <= 8 matrices).
 */
#include "ac_linalg_small.h"   /* first: it includes Python.h */
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
/* forward and back substitution of a right-hand side y already permuted */   \
AC_INLINE void lusolve_##SUF(int n, const T *a, const T *rdiag, T *y)            \
{                                                                                 \
    int i, j;                                                                     \
    for (i = 1; i < n; i++) {                                                     \
        T s = y[i];                                                               \
        for (j = 0; j < i; j++) s -= a[i * n + j] * y[j];                         \
        y[i] = s;                                                                 \
    }                                                                             \
    for (i = n - 1; i >= 0; i--) {                                                \
        T s = y[i];                                                               \
        for (j = i + 1; j < n; j++) s -= a[i * n + j] * y[j];                     \
        y[i] = s * rdiag[i];                                                      \
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

int ac_small_solve(int t, int n, int k, void *a, void *x)
{
    BY_TYPE(t, n, T_ *p = a; T_ *q = x, SOLVE_CALL)
}

int ac_small_inv(int t, int n, void *a)
{
    BY_TYPE(t, n, T_ *p = a, INV_CALL)
}
