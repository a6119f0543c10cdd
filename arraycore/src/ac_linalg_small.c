/*
 * ac_linalg_small.c -- small-matrix LU, solve and inverse (ac_linalg_small.h)
 * written once as macros over the element type, for the batched paths of
 * arraycore.linalg (stacks of n <= 8 matrices).
 */
#include <math.h>
#include <string.h>
#include "ac_linalg_small.h"

/* GCC's loop vectorizer turns these tiny fixed-size loops into masked vector
 * code 2-4x slower than the plain unrolled scalar code (measured: 4x4 inverse
 * 184 -> 65 ns, 8x8 2200 -> 440 ns). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-vectorize")
#endif

/* ---- real types ---------------------------------------------------------- */
#define AC_INLINE static inline __attribute__((always_inline))
#define DEFINE_REAL(T, SUF, ABS)                                                  \
AC_INLINE int lu_##SUF(int n, T *a, int *perm)                                    \
{                                                                                 \
    int i, j, r, p, info = 0;                                                     \
    for (i = 0; i < n; i++) {                                                     \
        T best = ABS(a[i * n + i]);                                               \
        p = i;                                                                    \
        for (r = i + 1; r < n; r++) {                                             \
            T v = ABS(a[r * n + i]);                                              \
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

DEFINE_REAL(float, f, fabsf)
DEFINE_REAL(double, d, fabs)

/* ---- complex LU (det/slogdet only) --------------------------------------- */
#define DEFINE_CLU(T, SUF, HYPOT)                                                 \
static int lu_##SUF(int n, T *a, int *perm)                                       \
{                                                                                 \
    int i, j, r, p, info = 0;                                                     \
    for (i = 0; i < n; i++) {                                                     \
        T best = HYPOT(a[2 * (i * n + i)], a[2 * (i * n + i) + 1]);               \
        p = i;                                                                    \
        for (r = i + 1; r < n; r++) {                                             \
            T v = HYPOT(a[2 * (r * n + i)], a[2 * (r * n + i) + 1]);              \
            if (v > best) { best = v; p = r; }                                    \
        }                                                                         \
        perm[i] = p;                                                              \
        if (p != i) {                                                             \
            for (j = 0; j < 2 * n; j++) {                                         \
                T tmp = a[2 * i * n + j];                                         \
                a[2 * i * n + j] = a[2 * p * n + j]; a[2 * p * n + j] = tmp;      \
            }                                                                     \
        }                                                                         \
        T pr = a[2 * (i * n + i)], pi = a[2 * (i * n + i) + 1];                   \
        if (pr == 0 && pi == 0) {                                                 \
            if (!info) info = i + 1;                                              \
            continue;                                                             \
        }                                                                         \
        T den = pr * pr + pi * pi, ir = pr / den, ii = -pi / den;                 \
        for (r = i + 1; r < n; r++) {                                             \
            T xr = a[2 * (r * n + i)], xi = a[2 * (r * n + i) + 1];               \
            T fr = xr * ir - xi * ii, fi = xr * ii + xi * ir;                     \
            a[2 * (r * n + i)] = fr; a[2 * (r * n + i) + 1] = fi;                 \
            for (j = i + 1; j < n; j++) {                                         \
                T ur = a[2 * (i * n + j)], ui = a[2 * (i * n + j) + 1];           \
                a[2 * (r * n + j)] -= fr * ur - fi * ui;                          \
                a[2 * (r * n + j) + 1] -= fr * ui + fi * ur;                      \
            }                                                                     \
        }                                                                         \
    }                                                                             \
    return info;                                                                  \
}

DEFINE_CLU(float, cf, hypotf)
DEFINE_CLU(double, cd, hypot)

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

static int lu_f_n(int n, float *a, int *perm) { BY_N(n, lu_f(n_, a, perm)) }
static int lu_d_n(int n, double *a, int *perm) { BY_N(n, lu_d(n_, a, perm)) }

int ac_small_lu(int t, int n, void *a, int *perm)
{
    switch (t) {
    case ACX_FLOAT32: return lu_f_n(n, (float *)a, perm);
    case ACX_FLOAT64: return lu_d_n(n, (double *)a, perm);
    case ACX_COMPLEX64: return lu_cf(n, (float *)a, perm);
    case ACX_COMPLEX128: return lu_cd(n, (double *)a, perm);
    default: return -1;
    }
}

int ac_small_solve(int t, int n, int k, void *a, void *x)
{
    if (t == ACX_FLOAT32) { float *p = a, *q = x; BY_N(n, solve_f(n_, k, p, q)) }
    if (t == ACX_FLOAT64) { double *p = a, *q = x; BY_N(n, solve_d(n_, k, p, q)) }
    return -1;
}

int ac_small_inv(int t, int n, void *a)
{
    if (t == ACX_FLOAT32) { float *p = a; BY_N(n, inv_f(n_, p)) }
    if (t == ACX_FLOAT64) { double *p = a; BY_N(n, inv_d(n_, p)) }
    return -1;
}
