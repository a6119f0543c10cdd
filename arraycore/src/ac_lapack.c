/*
 * ac_lapack.c -- the table of BLAS/LAPACK function pointers filled by
 * dlopen()+dlsym() of scipy-openblas64's library (path given by Python on
 * first use), and the type-dispatching ac_la_* entry points (ac_lapack.h).
 * Fortran calling convention: every argument by pointer, 64-bit integers,
 * and one hidden length argument (size_t) per character argument, at the end.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "ac_lapack.h"
#include "ac_matmul.h"

typedef ac_blasint bi;
typedef size_t flen;
typedef void (*gemm_f)(const char *, const char *, const bi *, const bi *, const bi *,
                       const void *, const void *, const bi *, const void *, const bi *,
                       const void *, void *, const bi *, flen, flen);
typedef void (*gemv_f)(const char *, const bi *, const bi *, const void *, const void *,
                       const bi *, const void *, const bi *, const void *, void *,
                       const bi *, flen);
typedef void (*getrf_f)(const bi *, const bi *, void *, const bi *, bi *, bi *);
typedef void (*getrs_f)(const char *, const bi *, const bi *, const void *, const bi *,
                        const bi *, void *, const bi *, bi *, flen);
typedef void (*getri_f)(const bi *, void *, const bi *, const bi *, void *, const bi *,
                        bi *);
typedef void (*potrf_f)(const char *, const bi *, void *, const bi *, bi *, flen);
typedef void (*geqrf_f)(const bi *, const bi *, void *, const bi *, void *, void *,
                        const bi *, bi *);
typedef void (*orgqr_f)(const bi *, const bi *, const bi *, void *, const bi *,
                        const void *, void *, const bi *, bi *);
typedef void (*gesdd_r)(const char *, const bi *, const bi *, void *, const bi *, void *,
                        void *, const bi *, void *, const bi *, void *, const bi *, bi *,
                        bi *, flen);
typedef void (*gesdd_c)(const char *, const bi *, const bi *, void *, const bi *, void *,
                        void *, const bi *, void *, const bi *, void *, const bi *, void *,
                        bi *, bi *, flen);
typedef void (*syevd_r)(const char *, const char *, const bi *, void *, const bi *, void *,
                        void *, const bi *, bi *, const bi *, bi *, flen, flen);
typedef void (*heevd_c)(const char *, const char *, const bi *, void *, const bi *, void *,
                        void *, const bi *, void *, const bi *, bi *, const bi *, bi *,
                        flen, flen);
typedef void (*geev_r)(const char *, const char *, const bi *, void *, const bi *, void *,
                       void *, void *, const bi *, void *, const bi *, void *, const bi *,
                       bi *, flen, flen);
typedef void (*geev_c)(const char *, const char *, const bi *, void *, const bi *, void *,
                       void *, const bi *, void *, const bi *, void *, const bi *, void *,
                       bi *, flen, flen);
typedef void (*gelsd_r)(const bi *, const bi *, const bi *, void *, const bi *, void *,
                        const bi *, void *, const void *, bi *, void *, const bi *, bi *,
                        bi *);
typedef void (*gelsd_c)(const bi *, const bi *, const bi *, void *, const bi *, void *,
                        const bi *, void *, const void *, bi *, void *, const bi *, void *,
                        bi *, bi *);

/* index 0..3: s, d, c, z */
static struct {
    gemm_f gemm[4];
    gemv_f gemv[4];
    getrf_f getrf[4];
    getrs_f getrs[4];
    getri_f getri[4];
    potrf_f potrf[4];
    geqrf_f geqrf[4];
    orgqr_f orgqr[4];
    gesdd_r gesdd_re[2];
    gesdd_c gesdd_cx[2];
    syevd_r syevd[2];
    heevd_c heevd[2];
    geev_r geev_re[2];
    geev_c geev_cx[2];
    gelsd_r gelsd_re[2];
    gelsd_c gelsd_cx[2];
} T;
static volatile int loaded = 0;
static void *handle = NULL;

static int tindex(int t)
{
    switch (t) {
    case ACX_FLOAT32: return 0;
    case ACX_FLOAT64: return 1;
    case ACX_COMPLEX64: return 2;
    case ACX_COMPLEX128: return 3;
    default: return -1;
    }
}

static void *sym(const char *base, char prefix, char *err, int errlen, int *bad)
{
    char name[64];
    void *p;
    snprintf(name, sizeof name, "scipy_%c%s_64_", prefix, base);
    p = dlsym(handle, name);
    if (p == NULL && !*bad) {
        snprintf(err, (size_t)errlen, "symbol %s not found in the BLAS library", name);
        *bad = 1;
    }
    return p;
}

int ac_blas_load(const char *path, char *err, int errlen)
{
    static const char pre[4] = {'s', 'd', 'c', 'z'};
    int i, bad = 0;
    if (loaded)
        return 0;
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(err, (size_t)errlen, "cannot load %s: %s", path, dlerror());
        return -1;
    }
    for (i = 0; i < 4; i++) {
        T.gemm[i] = (gemm_f)sym("gemm", pre[i], err, errlen, &bad);
        T.gemv[i] = (gemv_f)sym("gemv", pre[i], err, errlen, &bad);
        T.getrf[i] = (getrf_f)sym("getrf", pre[i], err, errlen, &bad);
        T.getrs[i] = (getrs_f)sym("getrs", pre[i], err, errlen, &bad);
        T.getri[i] = (getri_f)sym("getri", pre[i], err, errlen, &bad);
        T.potrf[i] = (potrf_f)sym("potrf", pre[i], err, errlen, &bad);
        T.geqrf[i] = (geqrf_f)sym("geqrf", pre[i], err, errlen, &bad);
        T.orgqr[i] = (orgqr_f)sym(i < 2 ? "orgqr" : "ungqr", pre[i], err, errlen, &bad);
    }
    for (i = 0; i < 2; i++) {
        T.gesdd_re[i] = (gesdd_r)sym("gesdd", pre[i], err, errlen, &bad);
        T.gesdd_cx[i] = (gesdd_c)sym("gesdd", pre[i + 2], err, errlen, &bad);
        T.syevd[i] = (syevd_r)sym("syevd", pre[i], err, errlen, &bad);
        T.heevd[i] = (heevd_c)sym("heevd", pre[i + 2], err, errlen, &bad);
        T.geev_re[i] = (geev_r)sym("geev", pre[i], err, errlen, &bad);
        T.geev_cx[i] = (geev_c)sym("geev", pre[i + 2], err, errlen, &bad);
        T.gelsd_re[i] = (gelsd_r)sym("gelsd", pre[i], err, errlen, &bad);
        T.gelsd_cx[i] = (gelsd_c)sym("gelsd", pre[i + 2], err, errlen, &bad);
    }
    if (bad) {
        memset(&T, 0, sizeof T);
        dlclose(handle);
        handle = NULL;
        return -1;
    }
    __atomic_store_n(&loaded, 1, __ATOMIC_RELEASE);
    __atomic_store_n(&ac_matmul_gemv, ac_la_gemv, __ATOMIC_RELEASE);
    __atomic_store_n(&ac_matmul_gemm, ac_la_gemm, __ATOMIC_RELEASE);
    return 0;
}

int ac_blas_loaded(void)
{
    return __atomic_load_n(&loaded, __ATOMIC_ACQUIRE);
}

#define IDX(t)  int i = tindex(t); if (i < 0 || !loaded) return -1000
#define RIDX    (i & 1)      /* index into the 2-entry real/complex tables */

int ac_la_gemm(int t, char ta, char tb, bi m, bi n, bi k, const void *a, bi lda,
               const void *b, bi ldb, void *c, bi ldc, int accumulate)
{
    static const float one_f[2] = {1.0f, 0.0f}, zero_f[2] = {0.0f, 0.0f};
    static const double one_d[2] = {1.0, 0.0}, zero_d[2] = {0.0, 0.0};
    int i = tindex(t);
    if (i < 0 || !loaded)
        return -1;
    T.gemm[i](&ta, &tb, &m, &n, &k, (i & 1) ? (const void *)one_d : (const void *)one_f,
              a, &lda, b, &ldb,
              accumulate ? ((i & 1) ? (const void *)one_d : (const void *)one_f)
                         : ((i & 1) ? (const void *)zero_d : (const void *)zero_f),
              c, &ldc, 1, 1);
    return 0;
}

int ac_la_gemv(int t, char trans, bi m, bi n, const void *a, bi lda, const void *x,
               bi incx, void *y, bi incy)
{
    static const float one_f[2] = {1.0f, 0.0f}, zero_f[2] = {0.0f, 0.0f};
    static const double one_d[2] = {1.0, 0.0}, zero_d[2] = {0.0, 0.0};
    int i = tindex(t);
    if (i < 0 || !loaded)
        return -1;
    T.gemv[i](&trans, &m, &n, (i & 1) ? (const void *)one_d : (const void *)one_f, a, &lda,
              x, &incx, (i & 1) ? (const void *)zero_d : (const void *)zero_f, y, &incy, 1);
    return 0;
}

bi ac_la_getrf(int t, bi m, bi n, void *a, bi lda, bi *ipiv)
{
    bi info = 0;
    IDX(t);
    T.getrf[i](&m, &n, a, &lda, ipiv, &info);
    return info;
}

bi ac_la_getrs(int t, char trans, bi n, bi nrhs, const void *a, bi lda, const bi *ipiv,
               void *b, bi ldb)
{
    bi info = 0;
    IDX(t);
    T.getrs[i](&trans, &n, &nrhs, a, &lda, ipiv, b, &ldb, &info, 1);
    return info;
}

bi ac_la_getri(int t, bi n, void *a, bi lda, const bi *ipiv, void *work, bi lwork)
{
    bi info = 0;
    IDX(t);
    T.getri[i](&n, a, &lda, ipiv, work, &lwork, &info);
    return info;
}

bi ac_la_potrf(int t, char uplo, bi n, void *a, bi lda)
{
    bi info = 0;
    IDX(t);
    T.potrf[i](&uplo, &n, a, &lda, &info, 1);
    return info;
}

bi ac_la_geqrf(int t, bi m, bi n, void *a, bi lda, void *tau, void *work, bi lwork)
{
    bi info = 0;
    IDX(t);
    T.geqrf[i](&m, &n, a, &lda, tau, work, &lwork, &info);
    return info;
}

bi ac_la_orgqr(int t, bi m, bi n, bi k, void *a, bi lda, const void *tau, void *work,
               bi lwork)
{
    bi info = 0;
    IDX(t);
    T.orgqr[i](&m, &n, &k, a, &lda, tau, work, &lwork, &info);
    return info;
}

bi ac_la_gesdd(int t, char jobz, bi m, bi n, void *a, bi lda, void *s, void *u, bi ldu,
               void *vt, bi ldvt, void *work, bi lwork, void *rwork, bi *iwork)
{
    bi info = 0;
    IDX(t);
    if (i < 2)
        T.gesdd_re[RIDX](&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork,
                         iwork, &info, 1);
    else
        T.gesdd_cx[RIDX](&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork,
                         rwork, iwork, &info, 1);
    return info;
}

bi ac_la_syevd(int t, char jobz, char uplo, bi n, void *a, bi lda, void *w, void *work,
               bi lwork, void *rwork, bi lrwork, bi *iwork, bi liwork)
{
    bi info = 0;
    IDX(t);
    if (i < 2)
        T.syevd[RIDX](&jobz, &uplo, &n, a, &lda, w, work, &lwork, iwork, &liwork, &info,
                      1, 1);
    else
        T.heevd[RIDX](&jobz, &uplo, &n, a, &lda, w, work, &lwork, rwork, &lrwork, iwork,
                      &liwork, &info, 1, 1);
    return info;
}

bi ac_la_geev(int t, char jobvr, bi n, void *a, bi lda, void *w, void *vr, bi ldvr,
              void *work, bi lwork, void *rwork)
{
    bi info = 0, one = 1;
    char jobvl = 'N';
    double dummy[2];
    IDX(t);
    if (i < 2) {
        size_t es = (i == 0) ? sizeof(float) : sizeof(double);
        T.geev_re[RIDX](&jobvl, &jobvr, &n, a, &lda, w, (char *)w + (size_t)n * es, dummy,
                        &one, vr, &ldvr, work, &lwork, &info, 1, 1);
    }
    else
        T.geev_cx[RIDX](&jobvl, &jobvr, &n, a, &lda, w, dummy, &one, vr, &ldvr, work,
                        &lwork, rwork, &info, 1, 1);
    return info;
}

bi ac_la_gelsd(int t, bi m, bi n, bi nrhs, void *a, bi lda, void *b, bi ldb, void *s,
               double rcond, bi *rank, void *work, bi lwork, void *rwork, bi *iwork)
{
    bi info = 0;
    float rf = (float)rcond;
    const void *rc = (t == ACX_FLOAT32 || t == ACX_COMPLEX64) ? (const void *)&rf
                                                              : (const void *)&rcond;
    IDX(t);
    if (i < 2)
        T.gelsd_re[RIDX](&m, &n, &nrhs, a, &lda, b, &ldb, s, rc, rank, work, &lwork, iwork,
                         &info);
    else
        T.gelsd_cx[RIDX](&m, &n, &nrhs, a, &lda, b, &ldb, s, rc, rank, work, &lwork,
                         rwork, iwork, &info);
    return info;
}
