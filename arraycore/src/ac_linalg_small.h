/*
 * ac_linalg_small.h -- LU-based kernels for small matrices (n <= 8) of
 * the stacked det/inv/solve paths of arraycore.linalg: one C call per matrix
 * instead of LAPACK's per-call overhead.  Row-major n x n data, partial
 * pivoting; plain C, no GIL.
 */
#ifndef ARRAYCORE_AC_LINALG_SMALL_H
#define ARRAYCORE_AC_LINALG_SMALL_H

#include "ac_internal.h"

#define AC_SMALL_MAXN 8

/* In-place LU (P A = L U, unit L) of a float32/float64/complex64/complex128
 * n x n matrix; perm[i] is the row exchanged with row i at step i.  Returns
 * 0, or i + 1 when the pivot of column i is exactly zero (factorization
 * continues, as LAPACK's getrf). */
AC_EXPORT int ac_small_lu(int t, int n, void *a, int *perm);

/* Solve A X = B for a float32/float64/complex64/complex128 n x n matrix a (row-major, destroyed)
 * and k right-hand sides stored one after the other (x[r*n + i]), overwritten
 * by the solutions.  Returns 0, or 1 if A is singular. */
AC_EXPORT int ac_small_solve(int t, int n, int k, void *a, void *x);

/* Replace the n x n matrix a (row-major; the four types) by its inverse.
 * Returns 0, or 1 if it is singular (a is then undefined). */
AC_EXPORT int ac_small_inv(int t, int n, void *a);

#endif
