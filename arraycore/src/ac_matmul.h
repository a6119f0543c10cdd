/*
 * ac_matmul.h -- the matrix product and vector dot kernels behind the
 * `matmul` and `vecdot` gufuncs.  Plain C, no Python objects, no GIL needed.
 * float32/float64 matmul is a packed, cache-blocked GEMM with a register-tiled
 * micro-kernel per dispatch level (ac_cpu.h); the other types use simple
 * strided loops.
 */
#ifndef ARRAYCORE_AC_MATMUL_H
#define ARRAYCORE_AC_MATMUL_H

#include "ac_internal.h"

/* C[n x m] = A[n x k] @ B[k x m] for the dense type index `tidx` (ACX_BOOL ..
 * ACX_COMPLEX128 from ac_internal.h).  Every operand is addressed by a byte
 * stride per row (rs) and per column (cs), of any sign (0 allowed for
 * inputs).  C is overwritten (k == 0 gives zeros) and must not overlap A or B.
 * bool: OR of ANDs; integers wrap; float16 accumulates in float; complex
 * without conjugation.  Returns 0, -1 if a work buffer cannot be allocated,
 * or 1 when the blocked GEMM saw ac_sigint_flag (Ctrl-C) and stopped with C
 * incomplete. */
AC_EXPORT int ac_matmul(int tidx, ac_intp n, ac_intp k, ac_intp m,
              const char *A, ac_intp a_rs, ac_intp a_cs,
              const char *B, ac_intp b_rs, ac_intp b_cs,
              char *C, ac_intp c_rs, ac_intp c_cs);

/* out[0] = sum_i conj(x[i]) * y[i] over n elements (conj only for complex;
 * bool: OR of ANDs), written as one element of type tidx at `out`. */
AC_EXPORT void ac_vecdot(int tidx, ac_intp n, const char *x, ac_intp xs,
               const char *y, ac_intp ys, char *out);
/* N products (the matmul gufunc's loop): product i of A + i*ao, B + i*bo
 * into C + i*co.  Stacks of products that BLAS would run on one thread
 * (n*k*m <= 64^3) split over the pool when the stack is large enough; each
 * product computed as alone.  Returns as ac_matmul (the first failure). */
AC_EXPORT int ac_matmul_many(int tidx, ac_intp N, ac_intp n, ac_intp k, ac_intp m,
                             const char *A, ac_intp ao, ac_intp a_rs, ac_intp a_cs,
                             const char *B, ac_intp bo, ac_intp b_rs, ac_intp b_cs,
                             char *C, ac_intp co, ac_intp c_rs, ac_intp c_cs);

/* N dot products (the vecdot gufunc's loop): pair i at x + i*xo, y + i*yo,
 * its result at out + i*oo; long batches split over the pool (ac_pool.h),
 * each result computed as alone. */
AC_EXPORT void ac_vecdot_many(int tidx, ac_intp N, ac_intp n, const char *x, ac_intp xo,
                              ac_intp xs, const char *y, ac_intp yo, ac_intp ys,
                              char *out, ac_intp oo);

/* Products at least this large (n*k*m) go to BLAS gemm once it is loaded
 * (src/ac_lapack.c); below, our kernels win on call overhead. */
#define AC_BLAS_MIN_WORK 32768.0
#define AC_BLAS_MIN_WORK_COMPLEX 512.0
/* 1 when a product of this type and size should run on BLAS, gemm or (real
 * types, n or m == 1) gemv (the gufunc loop loads the library on the first
 * such product). */
AC_EXPORT int ac_matmul_blas_worthy(int tidx, ac_intp n, ac_intp k, ac_intp m);
/* C = op(A) op(B) (+ C when accumulate), column-major, as ac_la_gemm
 * (src/ac_lapack.h) */
typedef int (*ac_matmul_gemm_fn)(int t, char ta, char tb, long long m, long long n,
                                 long long k, const void *a, long long lda,
                                 const void *b, long long ldb, void *c, long long ldc,
                                 int accumulate);
/* y = op(A) x, column-major, as ac_la_gemv (src/ac_lapack.h) */
typedef int (*ac_matmul_gemv_fn)(int t, char trans, long long m, long long n,
                                 const void *a, long long lda, const void *x,
                                 long long incx, void *y, long long incy);
/* NULL until the BLAS library is loaded (ac_blas_load sets them). */
extern ac_matmul_gemm_fn ac_matmul_gemm;
extern ac_matmul_gemv_fn ac_matmul_gemv;
/* float32/float64 matrix-vector products of at least this many multiply-adds
 * go to BLAS gemv (multi-threaded there); below, our dot/axpy kernels. */
#define AC_BLAS_MIN_GEMV 65536.0

#endif
