/*
 * ac_lapack.h -- BLAS and LAPACK from a library loaded at run time.
 *
 * arraycore does not link a BLAS.  The first use of arraycore.linalg (or of a
 * large matmul) asks Python for the path of the OpenBLAS shared library of the
 * scipy-openblas64 package (ILP64: 64-bit integers, symbols scipy_<name>64_)
 * and calls ac_blas_load(path), which dlopen()s it and fills a table of
 * function pointers.  The ac_la_* entry points below take a dense type index
 * (ACX_FLOAT32, ACX_FLOAT64, ACX_COMPLEX64, ACX_COMPLEX128) and call the
 * s/d/c/z routine; matrices are column-major (LAPACK's convention), integers
 * are 64-bit, every entry returns LAPACK's `info`.  Plain C, no GIL needed.
 */
#ifndef ARRAYCORE_AC_LAPACK_H
#define ARRAYCORE_AC_LAPACK_H

#include "ac_internal.h"

typedef long long ac_blasint;           /* ILP64 */

/* Load the library at `path`: 0 on success, -1 with a message in err. Loading
 * twice is a no-op.  Call it with the GIL held (one loader at a time). */
AC_EXPORT int ac_blas_load(const char *path, char *err, int errlen);
/* 1 once the table is filled. */
AC_EXPORT int ac_blas_loaded(void);

/* C = op(A) op(B) in column-major storage, alpha = 1, beta = 0 (beta = 1,
 * C += op(A) op(B), when accumulate); ta/tb 'N' or 'T' (no conjugation).
 * Returns 0, or -1 when BLAS is not loaded or the type has no gemm. */
AC_EXPORT int ac_la_gemm(int t, char ta, char tb, ac_blasint m, ac_blasint n,
                         ac_blasint k, const void *a, ac_blasint lda,
                         const void *b, ac_blasint ldb, void *c, ac_blasint ldc,
                         int accumulate);

/* y = op(A) x, A column-major m x n, alpha = 1, beta = 0; trans 'N' or 'T'
 * (no conjugation); incx, incy > 0.  Returns 0, or -1 as ac_la_gemm. */
AC_EXPORT int ac_la_gemv(int t, char trans, ac_blasint m, ac_blasint n, const void *a,
                         ac_blasint lda, const void *x, ac_blasint incx, void *y,
                         ac_blasint incy);

AC_EXPORT ac_blasint ac_la_getrf(int t, ac_blasint m, ac_blasint n, void *a,
                                 ac_blasint lda, ac_blasint *ipiv);
AC_EXPORT ac_blasint ac_la_getrs(int t, char trans, ac_blasint n, ac_blasint nrhs,
                                 const void *a, ac_blasint lda, const ac_blasint *ipiv,
                                 void *b, ac_blasint ldb);
/* lwork == -1: workspace query, the optimal size written to *lwork_out. */
AC_EXPORT ac_blasint ac_la_getri(int t, ac_blasint n, void *a, ac_blasint lda,
                                 const ac_blasint *ipiv, void *work, ac_blasint lwork);
AC_EXPORT ac_blasint ac_la_potrf(int t, char uplo, ac_blasint n, void *a, ac_blasint lda);
AC_EXPORT ac_blasint ac_la_geqrf(int t, ac_blasint m, ac_blasint n, void *a, ac_blasint lda,
                                 void *tau, void *work, ac_blasint lwork);
/* orgqr for real types, ungqr for complex ones */
AC_EXPORT ac_blasint ac_la_orgqr(int t, ac_blasint m, ac_blasint n, ac_blasint k, void *a,
                                 ac_blasint lda, const void *tau, void *work,
                                 ac_blasint lwork);
/* rwork is ignored for real types */
AC_EXPORT ac_blasint ac_la_gesdd(int t, char jobz, ac_blasint m, ac_blasint n, void *a,
                                 ac_blasint lda, void *s, void *u, ac_blasint ldu,
                                 void *vt, ac_blasint ldvt, void *work, ac_blasint lwork,
                                 void *rwork, ac_blasint *iwork);
/* syevd for real types, heevd for complex ones (rwork ignored for real) */
AC_EXPORT ac_blasint ac_la_syevd(int t, char jobz, char uplo, ac_blasint n, void *a,
                                 ac_blasint lda, void *w, void *work, ac_blasint lwork,
                                 void *rwork, ac_blasint lrwork, ac_blasint *iwork,
                                 ac_blasint liwork);
/* real types: w = wr then wi (2n reals); complex types: w = n complex */
AC_EXPORT ac_blasint ac_la_geev(int t, char jobvr, ac_blasint n, void *a, ac_blasint lda,
                                void *w, void *vr, ac_blasint ldvr, void *work,
                                ac_blasint lwork, void *rwork);
AC_EXPORT ac_blasint ac_la_gelsd(int t, ac_blasint m, ac_blasint n, ac_blasint nrhs,
                                 void *a, ac_blasint lda, void *b, ac_blasint ldb, void *s,
                                 double rcond, ac_blasint *rank, void *work,
                                 ac_blasint lwork, void *rwork, ac_blasint *iwork);

#endif
