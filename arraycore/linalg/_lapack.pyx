# arraycore/linalg/_lapack.pyx -- the LAPACK calls of arraycore.linalg over
# stacks of matrices.  Every function takes work arrays the Python layer has
# already converted once (C-contiguous, native, float32/float64/complex64/
# complex128, the stack flattened to a leading dimension B) and calls the
# routine (src/ac_lapack.c, loaded at run time) once per matrix with the GIL
# released; Ctrl-C is polled between matrices.  Failures raise LinAlgError
# naming the problem; a failed allocation raises MemoryError.
from libc.stdlib cimport malloc, free
from libc.string cimport memset
from libc.math cimport log, hypot, fabs, sqrt

from arraycore._types cimport ac_intp
from arraycore._dtype cimport ACX_FLOAT32, ACX_FLOAT64, ACX_COMPLEX64, ACX_COMPLEX128
from arraycore._core cimport ndarray
from arraycore._errstate cimport sigint_on, sigint_done, sigint_pending

cdef extern from "ac_lapack.h" nogil:
    ctypedef long long ac_blasint
    int ac_blas_load(const char *path, char *err, int errlen) noexcept
    int ac_blas_loaded() noexcept
    ac_blasint ac_la_getrf(int t, ac_blasint m, ac_blasint n, void *a, ac_blasint lda,
                           ac_blasint *ipiv)
    ac_blasint ac_la_getrs(int t, char trans, ac_blasint n, ac_blasint nrhs, const void *a,
                           ac_blasint lda, const ac_blasint *ipiv, void *b, ac_blasint ldb)
    ac_blasint ac_la_getri(int t, ac_blasint n, void *a, ac_blasint lda,
                           const ac_blasint *ipiv, void *work, ac_blasint lwork)
    ac_blasint ac_la_potrf(int t, char uplo, ac_blasint n, void *a, ac_blasint lda)
    ac_blasint ac_la_geqrf(int t, ac_blasint m, ac_blasint n, void *a, ac_blasint lda,
                           void *tau, void *work, ac_blasint lwork)
    ac_blasint ac_la_orgqr(int t, ac_blasint m, ac_blasint n, ac_blasint k, void *a,
                           ac_blasint lda, const void *tau, void *work, ac_blasint lwork)
    ac_blasint ac_la_gesdd(int t, char jobz, ac_blasint m, ac_blasint n, void *a,
                           ac_blasint lda, void *s, void *u, ac_blasint ldu, void *vt,
                           ac_blasint ldvt, void *work, ac_blasint lwork, void *rwork,
                           ac_blasint *iwork)
    ac_blasint ac_la_syevd(int t, char jobz, char uplo, ac_blasint n, void *a,
                           ac_blasint lda, void *w, void *work, ac_blasint lwork,
                           void *rwork, ac_blasint lrwork, ac_blasint *iwork,
                           ac_blasint liwork)
    ac_blasint ac_la_geev(int t, char jobvr, ac_blasint n, void *a, ac_blasint lda,
                          void *w, void *vr, ac_blasint ldvr, void *work, ac_blasint lwork,
                          void *rwork)
    ac_blasint ac_la_gelsd(int t, ac_blasint m, ac_blasint n, ac_blasint nrhs, void *a,
                           ac_blasint lda, void *b, ac_blasint ldb, void *s, double rcond,
                           ac_blasint *rank, void *work, ac_blasint lwork, void *rwork,
                           ac_blasint *iwork)

cdef extern from "ac_linalg_small.h" nogil:
    int ac_small_lu(int t, int n, void *a, int *perm) noexcept
    int ac_small_solve(int t, int n, int k, void *a, void *x) noexcept
    int ac_small_inv(int t, int n, void *a) noexcept


class LinAlgError(ValueError):
    """A linear algebra operation failed (singular matrix, no convergence, ...)."""


def load(str path):
    """Load the BLAS/LAPACK library at `path` (once per process)."""
    cdef char err[512]
    cdef bytes p = path.encode()
    if ac_blas_load(p, err, 512) != 0:
        raise ImportError(err.decode(errors="replace"))


def loaded():
    return bool(ac_blas_loaded())


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------
cdef inline bint _cplx(int t) noexcept nogil:
    return t == ACX_COMPLEX64 or t == ACX_COMPLEX128


cdef inline void _get(int t, const char *p, double *re, double *im) noexcept nogil:
    if t == ACX_FLOAT32:
        re[0] = (<const float *>p)[0]; im[0] = 0.0
    elif t == ACX_FLOAT64:
        re[0] = (<const double *>p)[0]; im[0] = 0.0
    elif t == ACX_COMPLEX64:
        re[0] = (<const float *>p)[0]; im[0] = (<const float *>p)[1]
    else:
        re[0] = (<const double *>p)[0]; im[0] = (<const double *>p)[1]


cdef inline void _put(int t, char *p, double re, double im) noexcept nogil:
    if t == ACX_FLOAT32:
        (<float *>p)[0] = <float>re
    elif t == ACX_FLOAT64:
        (<double *>p)[0] = re
    elif t == ACX_COMPLEX64:
        (<float *>p)[0] = <float>re; (<float *>p)[1] = <float>im
    else:
        (<double *>p)[0] = re; (<double *>p)[1] = im


cdef inline double _getr(int t, const char *p) noexcept nogil:
    # a real value of the real type belonging to t
    if t == ACX_FLOAT32 or t == ACX_COMPLEX64:
        return (<const float *>p)[0]
    return (<const double *>p)[0]


cdef inline ac_blasint _wsize(int t, const char *w) noexcept nogil:
    """The optimal workspace size a query wrote into w[0] (at least 1)."""
    cdef double v = _getr(t, w)
    cdef ac_blasint n = <ac_blasint>(v * 1.0000001) + 1
    return n if n > 1 else 1


cdef void *_alloc(size_t nbytes) except NULL:
    cdef void *p = malloc(nbytes if nbytes > 0 else 1)
    if p == NULL:
        raise MemoryError()
    return p


cdef inline int _tidx(ndarray a) noexcept:
    return a.descr.tidx


cdef inline size_t _rsize(int t) noexcept nogil:
    return 4 if (t == ACX_FLOAT32 or t == ACX_COMPLEX64) else 8


cdef int _finish(bint stopped, ac_intp bad, ac_blasint info, str what) except -1:
    sigint_done(stopped)
    if info < 0:
        if info == -1000:
            raise RuntimeError("the BLAS/LAPACK library is not loaded")
        raise LinAlgError(f"{what}: LAPACK reported an illegal argument ({-info})")
    if bad >= 0:
        raise LinAlgError(what)
    return 0


# ----------------------------------------------------------------------------
# LU: det / slogdet, inv, solve
# ----------------------------------------------------------------------------
def det(ndarray a, ndarray out, ndarray logabs=None):
    """a: (B, n, n) work copy (destroyed).  Without logabs: out[b] = det.  With
    it: out[b] = sign (type of a), logabs[b] = log|det| (real type)."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], b, i
    cdef size_t es = a.descr.itemsize, mat = n * n * es, oes = out.descr.itemsize
    cdef size_t les = logabs.descr.itemsize if logabs is not None else 0
    cdef bint slog = logabs is not None, stopped = False, small = 0 < n <= 8
    cdef ac_blasint *ipiv = <ac_blasint *>_alloc(max(n, 1) * sizeof(ac_blasint))
    cdef int perm[8]
    cdef ac_blasint info = 0
    cdef double pr, pi, re, im, la, ar, tmp, mag
    cdef int neg
    cdef char *p
    sigint_on()
    try:
        with nogil:
            for b in range(B):
                if sigint_pending():
                    stopped = True
                    break
                p = a.data + b * mat
                neg = 0
                if small:
                    ac_small_lu(t, <int>n, p, perm)
                    for i in range(n):
                        if perm[i] != i:
                            neg ^= 1
                elif n > 0:
                    info = ac_la_getrf(t, n, n, p, n, ipiv)
                    if info < 0:
                        break
                    for i in range(n):
                        if ipiv[i] != i + 1:
                            neg ^= 1
                pr = -1.0 if neg else 1.0
                pi = 0.0
                la = 0.0
                for i in range(n):
                    _get(t, p + (i * n + i) * es, &re, &im)
                    if slog:
                        mag = hypot(re, im)
                        if mag == 0.0:
                            pr = 0.0; pi = 0.0
                            la = -_inf()
                            break
                        la += log(mag)
                        re /= mag; im /= mag
                    tmp = pr * re - pi * im
                    pi = pr * im + pi * re
                    pr = tmp
                if slog:
                    _put(t, out.data + b * oes, pr, pi)
                    if les == 4:
                        (<float *>(logabs.data + b * les))[0] = <float>la
                    else:
                        (<double *>(logabs.data + b * les))[0] = la
                else:
                    _put(t, out.data + b * oes, pr, pi)
    finally:
        free(ipiv)
    return _finish(stopped, -1, info if info < 0 else 0, "det")


cdef inline double _inf() noexcept nogil:
    cdef double big = 1e308
    return big * 10.0


def inv(ndarray a):
    """a: (B, n, n) C-contiguous, replaced by its inverse in place (the C data is
    the transpose in LAPACK's order, and inv(A^T) = inv(A)^T)."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], b
    cdef size_t es = a.descr.itemsize, mat = n * n * es
    cdef ac_blasint *ipiv = <ac_blasint *>_alloc(max(n, 1) * sizeof(ac_blasint))
    cdef ac_blasint info = 0, lwork
    cdef char q[16]
    cdef char *work = NULL
    cdef ac_intp bad = -1
    cdef bint stopped = False
    cdef bint small = n <= 8
    try:
        if B == 0 or n == 0:
            return 0
        if small:
            sigint_on()
            with nogil:
                for b in range(B):
                    if sigint_pending():
                        stopped = True
                        break
                    if ac_small_inv(t, <int>n, a.data + b * mat):
                        bad = b
                        break
            return _finish(stopped, bad, 0, "Singular matrix")
        info = ac_la_getri(t, n, a.data, n, ipiv, q, -1)
        if info < 0:
            return _finish(False, -1, info, "inv")
        lwork = _wsize(t, q)
        work = <char *>_alloc(lwork * es)
        sigint_on()
        with nogil:
            for b in range(B):
                if sigint_pending():
                    stopped = True
                    break
                info = ac_la_getrf(t, n, n, a.data + b * mat, n, ipiv)
                if info != 0:
                    bad = b
                    break
                info = ac_la_getri(t, n, a.data + b * mat, n, ipiv, work, lwork)
                if info != 0:
                    bad = b
                    break
    finally:
        free(ipiv)
        free(work)
    return _finish(stopped, bad, info if info < 0 else 0, "Singular matrix")


def solve(ndarray a, ndarray x):
    """a: (B, n, n) C-contiguous (destroyed); x: (B, k, n), the right-hand sides
    in LAPACK's order (column-major n x k), overwritten by the solutions."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], k = x.dimensions[1], b
    cdef size_t es = a.descr.itemsize, mat = n * n * es, xmat = n * k * es
    cdef ac_blasint *ipiv = <ac_blasint *>_alloc(max(n, 1) * sizeof(ac_blasint))
    cdef ac_blasint info = 0
    cdef ac_intp bad = -1
    cdef bint stopped = False, small = n <= 8
    if B == 0 or n == 0:
        free(ipiv)
        return 0
    sigint_on()
    try:
        with nogil:
            for b in range(B):
                if sigint_pending():
                    stopped = True
                    break
                if small:
                    if ac_small_solve(t, <int>n, <int>k, a.data + b * mat,
                                      x.data + b * xmat):
                        bad = b
                        break
                    continue
                info = ac_la_getrf(t, n, n, a.data + b * mat, n, ipiv)
                if info != 0:
                    bad = b
                    break
                if k > 0:
                    # the C data of A is A^T in column-major order: solve A^T^T X = B
                    info = ac_la_getrs(t, b'T', n, k, a.data + b * mat, n, ipiv,
                                       x.data + b * xmat, n)
                    if info != 0:
                        bad = b
                        break
    finally:
        free(ipiv)
    return _finish(stopped, bad, info if info < 0 else 0, "Singular matrix")


# ----------------------------------------------------------------------------
# Cholesky
# ----------------------------------------------------------------------------
def cholesky(ndarray a):
    """a: (B, n, n) C-contiguous; its lower triangle (in C order) is replaced by L
    with A = L L^H; the strict upper triangle is zeroed."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], b, i, j
    cdef size_t es = a.descr.itemsize, mat = n * n * es
    cdef ac_blasint info = 0
    cdef ac_intp bad = -1
    cdef bint stopped = False
    cdef char *p
    if B == 0 or n == 0:
        return 0
    sigint_on()
    with nogil:
        for b in range(B):
            if sigint_pending():
                stopped = True
                break
            p = a.data + b * mat
            # column-major 'U' is the C lower triangle; for complex the C data is
            # conj(A) read column-major, whose upper factor U' gives L = U'^T
            info = ac_la_potrf(t, b'U', n, p, n)
            if info != 0:
                bad = b
                break
            for i in range(n):
                memset(p + (i * n + i + 1) * es, 0, (n - i - 1) * es)
    return _finish(stopped, bad, info if info < 0 else 0,
                   "Matrix is not positive definite")


# ----------------------------------------------------------------------------
# QR
# ----------------------------------------------------------------------------
def geqrf(ndarray a, ndarray tau):
    """a: (B, N, M): column-major M x N matrices, factored in place (R above the
    diagonal, reflectors below); tau: (B, min(M, N))."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], N = a.dimensions[1], M = a.dimensions[2], b
    cdef ac_intp K = tau.dimensions[1]
    cdef size_t es = a.descr.itemsize, mat = N * M * es
    cdef ac_blasint info = 0, lwork
    cdef char q[16]
    cdef char *work = NULL
    cdef bint stopped = False
    if B == 0 or M == 0 or N == 0:
        return 0
    info = ac_la_geqrf(t, M, N, a.data, M, tau.data, q, -1)
    if info < 0:
        return _finish(False, -1, info, "qr")
    lwork = _wsize(t, q)
    work = <char *>_alloc(lwork * es)
    sigint_on()
    with nogil:
        for b in range(B):
            if sigint_pending():
                stopped = True
                break
            info = ac_la_geqrf(t, M, N, a.data + b * mat, M, tau.data + b * K * es,
                               work, lwork)
            if info != 0:
                break
    free(work)
    return _finish(stopped, -1, info if info < 0 else 0, "qr")


def orgqr(ndarray q, ndarray tau):
    """q: (B, mc, M): column-major M x mc, its first columns the reflectors of
    geqrf; replaced by the orthonormal/unitary Q.  tau: (B, K)."""
    cdef int t = _tidx(q)
    cdef ac_intp B = q.dimensions[0], mc = q.dimensions[1], M = q.dimensions[2], b
    cdef ac_intp K = tau.dimensions[1]
    cdef size_t es = q.descr.itemsize, mat = mc * M * es
    cdef ac_blasint info = 0, lwork
    cdef char w[16]
    cdef char *work = NULL
    cdef bint stopped = False
    if B == 0 or M == 0 or mc == 0:
        return 0
    info = ac_la_orgqr(t, M, mc, K, q.data, M, tau.data, w, -1)
    if info < 0:
        return _finish(False, -1, info, "qr")
    lwork = _wsize(t, w)
    work = <char *>_alloc(lwork * es)
    sigint_on()
    with nogil:
        for b in range(B):
            if sigint_pending():
                stopped = True
                break
            info = ac_la_orgqr(t, M, mc, K, q.data + b * mat, M, tau.data + b * K * es,
                               work, lwork)
            if info != 0:
                break
    free(work)
    return _finish(stopped, -1, info if info < 0 else 0, "qr")


# ----------------------------------------------------------------------------
# SVD
# ----------------------------------------------------------------------------
def gesdd(ndarray a, ndarray s, ndarray u, ndarray vt, str job):
    """SVD of column-major m x n matrices a (B, n, m) (destroyed): s (B, k) real,
    u (B, ucols, m) and vt (B, n, vrows) column-major; job 'N', 'S' or 'A'
    (u and vt ignored for 'N')."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], m = a.dimensions[2], b
    cdef ac_intp k = min(m, n), mx = max(m, n)
    cdef char jobz = ord(job[0])
    cdef size_t es = a.descr.itemsize, rs = _rsize(t), mat = m * n * es
    cdef size_t umat = 0, vmat = 0
    cdef ac_blasint ldu = max(m, 1), ldvt = 1, info = 0, lwork, lrwork
    cdef char q[16]
    cdef char *work = NULL
    cdef char *rwork = NULL
    cdef ac_blasint *iwork = NULL
    cdef char *up = NULL
    cdef char *vp = NULL
    cdef bint stopped = False
    cdef ac_intp bad = -1
    if jobz != b'N':
        umat = u.dimensions[1] * u.dimensions[2] * es
        vmat = vt.dimensions[1] * vt.dimensions[2] * es
        ldvt = max(vt.dimensions[2], 1)
        up = u.data
        vp = vt.data
    if B == 0 or k == 0:
        return 0
    if jobz == b'N':
        lrwork = 7 * k
    else:
        lrwork = max(5 * k * k + 5 * k, 2 * mx * k + 2 * k * k + k)
    try:
        iwork = <ac_blasint *>_alloc(8 * k * sizeof(ac_blasint))
        rwork = <char *>_alloc(lrwork * rs if _cplx(t) else 1)
        info = ac_la_gesdd(t, jobz, m, n, a.data, m, s.data, up, ldu, vp, ldvt, q, -1,
                           rwork, iwork)
        if info < 0:
            return _finish(False, -1, info, "svd")
        lwork = _wsize(t, q)
        work = <char *>_alloc(lwork * es)
        sigint_on()
        with nogil:
            for b in range(B):
                if sigint_pending():
                    stopped = True
                    break
                info = ac_la_gesdd(t, jobz, m, n, a.data + b * mat, m, s.data + b * k * rs,
                                   up + b * umat if up != NULL else NULL, ldu,
                                   vp + b * vmat if vp != NULL else NULL, ldvt,
                                   work, lwork, rwork, iwork)
                if info != 0:
                    bad = b
                    break
    finally:
        free(work)
        free(rwork)
        free(iwork)
    return _finish(stopped, bad, info if info < 0 else 0, "SVD did not converge")


# ----------------------------------------------------------------------------
# symmetric / Hermitian eigenproblems
# ----------------------------------------------------------------------------
def syevd(ndarray a, ndarray w, bint vectors):
    """a: (B, n, n) C-contiguous; its C lower triangle is used (column-major
    upper).  w: (B, n) real, ascending.  With vectors, a is replaced by the
    column-major eigenvectors of the C data (conj(A) for complex input)."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], b
    cdef size_t es = a.descr.itemsize, rs = _rsize(t), mat = n * n * es
    cdef char jobz = b'V' if vectors else b'N'
    cdef ac_blasint info = 0, lwork, lrwork = 1, liwork
    cdef char q[16]
    cdef char rq[16]
    cdef ac_blasint iq = 0
    cdef char *work = NULL
    cdef char *rwork = NULL
    cdef ac_blasint *iwork = NULL
    cdef bint stopped = False
    cdef ac_intp bad = -1
    if B == 0 or n == 0:
        return 0
    info = ac_la_syevd(t, jobz, b'U', n, a.data, n, w.data, q, -1, rq, -1, &iq, -1)
    if info < 0:
        return _finish(False, -1, info, "eigh")
    lwork = _wsize(t, q)
    liwork = max(iq, 1)
    if _cplx(t):
        lrwork = _wsize(t, rq)
    try:
        work = <char *>_alloc(lwork * es)
        rwork = <char *>_alloc(lrwork * rs)
        iwork = <ac_blasint *>_alloc(liwork * sizeof(ac_blasint))
        sigint_on()
        with nogil:
            for b in range(B):
                if sigint_pending():
                    stopped = True
                    break
                info = ac_la_syevd(t, jobz, b'U', n, a.data + b * mat, n,
                                   w.data + b * n * rs, work, lwork, rwork, lrwork,
                                   iwork, liwork)
                if info != 0:
                    bad = b
                    break
    finally:
        free(work)
        free(rwork)
        free(iwork)
    return _finish(stopped, bad, info if info < 0 else 0,
                   "Eigenvalues did not converge")


# ----------------------------------------------------------------------------
# general eigenproblem
# ----------------------------------------------------------------------------
def geev(ndarray a, ndarray w, ndarray v=None):
    """a: (B, n, n) column-major matrices (destroyed).  w: (B, n) complex of the
    matching precision; v (optional): (B, n, n) complex, C order, receives the
    right eigenvectors as columns (real input: conjugate pairs unpacked)."""
    cdef int t = _tidx(a), ct = _tidx(w)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], b, i, j
    cdef size_t es = a.descr.itemsize, ces = w.descr.itemsize, rs = _rsize(t)
    cdef size_t mat = n * n * es
    cdef bint vec = v is not None, cx = _cplx(t), stopped = False
    cdef char jobvr = b'V' if vec else b'N'
    cdef ac_blasint info = 0, lwork
    cdef char q[16]
    cdef char *work = NULL
    cdef char *rwork = NULL
    cdef char *wt = NULL
    cdef char *vr = NULL
    cdef ac_intp bad = -1
    cdef double wr, wi, xr, xi, yr, yi
    cdef char *vo
    if B == 0 or n == 0:
        return 0
    try:
        wt = <char *>_alloc(2 * n * rs)
        vr = <char *>_alloc(mat if vec else es)
        rwork = <char *>_alloc(2 * n * rs)
        info = ac_la_geev(t, jobvr, n, a.data, n, wt, vr, n, q, -1, rwork)
        if info < 0:
            return _finish(False, -1, info, "eig")
        lwork = _wsize(t, q)
        work = <char *>_alloc(lwork * es)
        sigint_on()
        with nogil:
            for b in range(B):
                if sigint_pending():
                    stopped = True
                    break
                info = ac_la_geev(t, jobvr, n, a.data + b * mat, n, wt, vr, n, work, lwork,
                                  rwork)
                if info != 0:
                    bad = b
                    break
                vo = v.data + b * n * n * ces if vec else NULL
                if cx:
                    for i in range(n):
                        _get(t, wt + i * es, &wr, &wi)
                        _put(ct, w.data + (b * n + i) * ces, wr, wi)
                    if vec:
                        for j in range(n):          # column j of VR -> column j of v
                            for i in range(n):
                                _get(t, vr + (j * n + i) * es, &xr, &xi)
                                _put(ct, vo + (i * n + j) * ces, xr, xi)
                    continue
                # real: wr in wt[0:n], wi in wt[n:2n]
                j = 0
                while j < n:
                    wr = _getr(t, wt + j * rs)
                    wi = _getr(t, wt + (n + j) * rs)
                    _put(ct, w.data + (b * n + j) * ces, wr, wi)
                    if wi != 0.0 and j + 1 < n:
                        _put(ct, w.data + (b * n + j + 1) * ces, wr, -wi)
                        if vec:
                            for i in range(n):
                                xr = _getr(t, vr + (j * n + i) * rs)
                                xi = _getr(t, vr + ((j + 1) * n + i) * rs)
                                _put(ct, vo + (i * n + j) * ces, xr, xi)
                                _put(ct, vo + (i * n + j + 1) * ces, xr, -xi)
                        j += 2
                    else:
                        if vec:
                            for i in range(n):
                                _put(ct, vo + (i * n + j) * ces,
                                     _getr(t, vr + (j * n + i) * rs), 0.0)
                        j += 1
    finally:
        free(work)
        free(rwork)
        free(wt)
        free(vr)
    return _finish(stopped, bad, info if info < 0 else 0,
                   "Eigenvalues did not converge")


# ----------------------------------------------------------------------------
# least squares
# ----------------------------------------------------------------------------
def gelsd(ndarray a, ndarray x, ndarray s, double rcond):
    """Minimum-norm least squares: a (1, n, m) column-major m x n (destroyed);
    x (1, k, ldb) column-major right-hand sides (ldb = max(m, n)), overwritten by
    the solution in its first n rows; s (1, min(m, n)) singular values.
    Returns the rank."""
    cdef int t = _tidx(a)
    cdef ac_intp n = a.dimensions[1], m = a.dimensions[2], k = x.dimensions[1]
    cdef ac_intp ldb = x.dimensions[2], mn = min(m, n)
    cdef size_t es = a.descr.itemsize, rs = _rsize(t)
    cdef ac_blasint info = 0, lwork, rank = 0, liwork, lrwork
    cdef char q[16]
    cdef char rq[16]
    cdef ac_blasint iq[2]
    cdef char *work = NULL
    cdef char *rwork = NULL
    cdef ac_blasint *iwork = NULL
    if mn == 0 or k == 0:
        return 0
    iq[0] = 0
    info = ac_la_gelsd(t, m, n, k, a.data, max(m, 1), x.data, ldb, s.data, rcond, &rank,
                       q, -1, rq, iq)
    if info < 0:
        return _finish(False, -1, info, "lstsq")
    lwork = _wsize(t, q)
    liwork = max(iq[0], 1) + 3 * mn * 32 + 11 * mn
    lrwork = _wsize(t, rq) if _cplx(t) else 1
    try:
        work = <char *>_alloc(lwork * es)
        rwork = <char *>_alloc(lrwork * rs + 10 * mn * rs * 32)
        iwork = <ac_blasint *>_alloc(liwork * sizeof(ac_blasint))
        with nogil:
            info = ac_la_gelsd(t, m, n, k, a.data, max(m, 1), x.data, ldb, s.data, rcond,
                               &rank, work, lwork, rwork, iwork)
    finally:
        free(work)
        free(rwork)
        free(iwork)
    _finish(False, 0 if info > 0 else -1, info if info < 0 else 0,
            "SVD did not converge in Linear Least Squares")
    return rank
