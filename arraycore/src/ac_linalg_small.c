/*
 * ac_linalg_small.c -- small-matrix LU, solve and inverse (ac_linalg_small.h)
 * written once as macros over the element type, for the batched paths of
 * arraycore.linalg (stacks of n <= 8 matrices).
 */
#include <math.h>
#include <string.h>
#include "ac_linalg_small.h"

/* ---- real types ---------------------------------------------------------- */
#define DEFINE_REAL(T, SUF, ABS)                                                  \
static int lu_##SUF(int n, T *a, int *perm)                                       \
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
static void lusolve_##SUF(int n, const T *a, const int *perm, T *x)               \
{                                                                                 \
    int i, j;                                                                     \
    for (i = 0; i < n; i++)                                                       \
        if (perm[i] != i) { T t = x[i]; x[i] = x[perm[i]]; x[perm[i]] = t; }      \
    for (i = 1; i < n; i++) {                                                     \
        T s = x[i];                                                               \
        for (j = 0; j < i; j++) s -= a[i * n + j] * x[j];                         \
        x[i] = s;                                                                 \
    }                                                                             \
    for (i = n - 1; i >= 0; i--) {                                                \
        T s = x[i];                                                               \
        for (j = i + 1; j < n; j++) s -= a[i * n + j] * x[j];                     \
        x[i] = s / a[i * n + i];                                                  \
    }                                                                             \
}                                                                                 \
static int solve_##SUF(int n, int k, T *a, T *x)                                  \
{                                                                                 \
    int perm[AC_SMALL_MAXN], r;                                                   \
    if (lu_##SUF(n, a, perm)) return 1;                                           \
    for (r = 0; r < k; r++) lusolve_##SUF(n, a, perm, x + (size_t)r * n);          \
    return 0;                                                                     \
}                                                                                 \
static int inv_##SUF(int n, T *a)                                                 \
{                                                                                 \
    int perm[AC_SMALL_MAXN], i, j;                                                \
    T col[AC_SMALL_MAXN], res[AC_SMALL_MAXN * AC_SMALL_MAXN];                     \
    if (lu_##SUF(n, a, perm)) return 1;                                           \
    for (j = 0; j < n; j++) {                                                     \
        for (i = 0; i < n; i++) col[i] = (T)(i == j);                             \
        lusolve_##SUF(n, a, perm, col);                                           \
        for (i = 0; i < n; i++) res[i * n + j] = col[i];                          \
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

int ac_small_lu(int t, int n, void *a, int *perm)
{
    switch (t) {
    case ACX_FLOAT32: return lu_f(n, (float *)a, perm);
    case ACX_FLOAT64: return lu_d(n, (double *)a, perm);
    case ACX_COMPLEX64: return lu_cf(n, (float *)a, perm);
    case ACX_COMPLEX128: return lu_cd(n, (double *)a, perm);
    default: return -1;
    }
}

int ac_small_solve(int t, int n, int k, void *a, void *x)
{
    if (t == ACX_FLOAT32) return solve_f(n, k, (float *)a, (float *)x);
    if (t == ACX_FLOAT64) return solve_d(n, k, (double *)a, (double *)x);
    return -1;
}

int ac_small_inv(int t, int n, void *a)
{
    if (t == ACX_FLOAT32) return inv_f(n, (float *)a);
    if (t == ACX_FLOAT64) return inv_d(n, (double *)a);
    return -1;
}
