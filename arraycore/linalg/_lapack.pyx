# arraycore/linalg/_lapack.pyx -- the LAPACK calls of arraycore.linalg over
# stacks of matrices.  Every function takes work arrays the Python layer has
# already converted once (C-contiguous, native, float32/float64/complex64/
# complex128, the stack flattened to a leading dimension B) and calls the
# routine (src/ac_lapack.c, loaded at run time) once per matrix with the GIL
# released; Ctrl-C is polled between matrices.  Failures raise LinAlgError
# naming the problem; a failed allocation raises MemoryError.
from libc.stdlib cimport malloc, free
from libc.string cimport memset
from libc.stdint cimport uint32_t, uint64_t
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
# finiteness of the input, checked in one pass without a temporary: an
# element is inf or NaN when its exponent bits are all ones (the real and the
# imaginary part of a complex element are checked as two reals)
# ----------------------------------------------------------------------------
cdef bint _span_finite(int t, const char *p, ac_intp count) noexcept nogil:
    """True when none of the `count` reals of the type of t at p is inf/NaN."""
    cdef ac_intp i
    cdef uint64_t bad64 = 0
    cdef uint32_t bad32 = 0
    cdef const uint64_t *q64
    cdef const uint32_t *q32
    if t == ACX_FLOAT32 or t == ACX_COMPLEX64:
        q32 = <const uint32_t *>p
        for i in range(count):
            bad32 |= (q32[i] & 0x7f800000u) == 0x7f800000u
        return bad32 == 0
    q64 = <const uint64_t *>p
    for i in range(count):
        bad64 |= (q64[i] & 0x7ff0000000000000ull) == 0x7ff0000000000000ull
    return bad64 == 0


def all_finite(ndarray a, bint lower):
    """a: (B, n, m) C-contiguous work array of one of the four LAPACK types.
    True when no element is inf or NaN; with `lower` (square matrices read
    column-major), only the column-major lower triangle is looked at, i.e.
    a[b, j, i] for i >= j."""
    cdef int t = _tidx(a)
    cdef ac_intp B = a.dimensions[0], n = a.dimensions[1], m = a.dimensions[2]
    cdef ac_intp b, c, per = 2 if _cplx(t) else 1
    cdef size_t es = a.descr.itemsize
    cdef const char *p = a.data
    cdef bint ok = True
    with nogil:
        if not lower:
            ok = _span_finite(t, p, B * n * m * per)
        else:
            for b in range(B):
                for c in range(n):
                    if not _span_finite(t, p + ((b * n + c) * m + c) * es,
                                        (m - c) * per):
                        ok = False
                        break
                if not ok:
                    break
    return ok


# ----------------------------------------------------------------------------
# the one stack driver: a Job holds one routine's arguments for the whole
# stack (base pointers and bytes per matrix); a per-matrix function (below,
# one per routine) does matrix b and returns LAPACK's info; _run_stack calls
# it for every matrix with the GIL released, polls Ctrl-C between matrices,
# stops at the first failure and turns the outcome into an exception.
# ----------------------------------------------------------------------------
cdef struct Job:
    int t, ct                   # type of the matrices; complex type of geev's output
    bint flag                   # det: slogdet; solve/inv: small kernels; geev: vectors
    char jobz
    ac_intp n, m, k             # dimensions (meaning per routine)
    ac_blasint ld               # a second leading dimension (gesdd's ldu/ldvt)
    size_t es, rs               # itemsize of the matrices, of their real type
    char *a
    size_t amat                 # bytes per matrix of a
    char *x
    size_t xmat
    char *y
    size_t ymat
    char *z
    size_t zmat
    ac_blasint *ipiv
    char *work
    char *rwork
    char *tmp                   # geev: eigenvalues and vectors before unpacking
    char *tmp2
    ac_blasint *iwork
    ac_blasint lwork, lrwork, liwork
    ac_blasint rpad, ipad       # added to the queried lrwork/liwork (gelsd)
    double rcond                # gelsd
    ac_blasint rank             # gelsd's result

ctypedef ac_blasint (*MatFn)(Job *j, ac_intp b) noexcept nogil


cdef int _run_stack(Job *j, MatFn f, ac_intp B, str what) except -1:
    """f(j, b) for b < B; info > 0 at matrix b raises LinAlgError(what)."""
    cdef ac_intp b, bad = -1
    cdef ac_blasint info = 0
    cdef bint stopped = False
    sigint_on()
    with nogil:
        for b in range(B):
            if sigint_pending():
                stopped = True
                break
            info = f(j, b)
            if info != 0:
                if info > 0:
                    bad = b
                break
    return _finish(stopped, bad, info if info < 0 else 0, what)


cdef Job _job(ndarray a):
    cdef Job j
    memset(&j, 0, sizeof(Job))
    j.t = _tidx(a)
    j.es = a.descr.itemsize
    j.rs = _rsize(j.t)
    j.a = a.data
    return j


# ----------------------------------------------------------------------------
# the one home of LAPACK's "workspace query, then run": the query function
# runs on matrix 0 with lwork = -1 (and lrwork/liwork = -1 for the arrays
# named in `what_q`), writing the optimal sizes into small buffers; the work
# arrays are allocated at those sizes (or at the sizes the caller set for the
# arrays it does not query), the stack runs, and they are freed.
# ----------------------------------------------------------------------------
cdef enum:
    Q_WORK = 1          # query lwork (elements of the matrix type)
    Q_RWORK = 2         # query lrwork (elements of the real type)
    Q_IWORK = 4         # query liwork (integers)


cdef int _query_then_run(Job *j, MatFn query, int what_q, MatFn f, ac_intp B,
                         str name, str failure) except -1:
    """query(j, 0) asks for the sizes in what_q (none when what_q == 0); then
    f runs over the B matrices with work arrays of j.lwork (matrix type),
    j.lrwork (real type) and j.liwork (integer) elements.  An illegal argument
    in the query raises LinAlgError naming `name`; a failure in the run raises
    LinAlgError(failure)."""
    cdef char wq[16]
    cdef char rq[16]
    cdef ac_blasint iq[2]
    cdef ac_blasint info
    memset(wq, 0, 16)
    memset(rq, 0, 16)
    iq[0] = 0
    iq[1] = 0
    if what_q:
        # arrays not queried get the small buffers too (a query writes at
        # most their first element: zgeev's asks ztrevc3, which sets
        # rwork[0]) and keep the sizes the caller set
        j.work = wq
        j.rwork = rq
        j.iwork = iq
        if what_q & Q_WORK:
            j.lwork = -1
        if what_q & Q_RWORK:
            j.lrwork = -1
        if what_q & Q_IWORK:
            j.liwork = -1
        info = query(j, 0)
        j.work = NULL
        j.rwork = NULL
        j.iwork = NULL
        if info < 0:
            return _finish(False, -1, info, name)
        if what_q & Q_WORK:
            j.lwork = _wsize(j.t, wq)
        if what_q & Q_RWORK:
            j.lrwork = _wsize(j.t, rq) + j.rpad
        if what_q & Q_IWORK:
            j.liwork = max(iq[0], 1) + j.ipad
    try:
        j.work = <char *>_alloc(max(j.lwork, 0) * j.es)
        j.rwork = <char *>_alloc(max(j.lrwork, 0) * j.rs)
        j.iwork = <ac_blasint *>_alloc(max(j.liwork, 0) * sizeof(ac_blasint))
        return _run_stack(j, f, B, failure)
    finally:
        free(j.work)
        free(j.rwork)
        free(j.iwork)
        j.work = NULL
        j.rwork = NULL
        j.iwork = NULL


cdef inline double _inf() noexcept nogil:
    cdef double big = 1e308
    return big * 10.0


# ----------------------------------------------------------------------------
# LU: det / slogdet, inv, solve
# ----------------------------------------------------------------------------
cdef ac_blasint _det1(Job *j, ac_intp b) noexcept nogil:
    cdef int t = j.t, neg = 0
    cdef ac_intp n = j.n, i
    cdef char *p = j.a + b * j.amat
    cdef int perm[8]
    cdef ac_blasint info
    cdef double pr, pi = 0.0, re, im, la = 0.0, tmp, mag
    if n <= 8:
        ac_small_lu(t, <int>n, p, perm)
        for i in range(n):
            if perm[i] != i:
                neg ^= 1
    else:
        info = ac_la_getrf(t, n, n, p, n, j.ipiv)
        if info < 0:
            return info
        for i in range(n):
            if j.ipiv[i] != i + 1:
                neg ^= 1
    pr = -1.0 if neg else 1.0
    for i in range(n):
        _get(t, p + (i * n + i) * j.es, &re, &im)
        if j.flag:
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
    _put(t, j.x + b * j.xmat, pr, pi)
    if j.flag:
        if j.ymat == 4:
            (<float *>(j.y + b * j.ymat))[0] = <float>la
        else:
            (<double *>(j.y + b * j.ymat))[0] = la
    return 0


def det(ndarray a, ndarray out, ndarray logabs=None):
    """a: (B, n, n) work copy (destroyed).  Without logabs: out[b] = det.  With
    it: out[b] = sign (type of a), logabs[b] = log|det| (real type)."""
    cdef Job j = _job(a)
    j.n = a.dimensions[1]
    j.amat = j.n * j.n * j.es
    j.x = out.data
    j.xmat = out.descr.itemsize
    j.flag = logabs is not None
    if j.flag:
        j.y = logabs.data
        j.ymat = logabs.descr.itemsize
    j.ipiv = <ac_blasint *>_alloc(max(j.n, 1) * sizeof(ac_blasint))
    try:
        return _run_stack(&j, _det1, a.dimensions[0], "det")
    finally:
        free(j.ipiv)


cdef ac_blasint _getri_query(Job *j, ac_intp b) noexcept nogil:
    return ac_la_getri(j.t, j.n, j.a + b * j.amat, j.n, j.ipiv, j.work, j.lwork)


cdef ac_blasint _inv1(Job *j, ac_intp b) noexcept nogil:
    cdef char *p = j.a + b * j.amat
    cdef ac_blasint info
    if j.flag:
        return ac_small_inv(j.t, <int>j.n, p)
    info = ac_la_getrf(j.t, j.n, j.n, p, j.n, j.ipiv)
    if info != 0:
        return info
    return ac_la_getri(j.t, j.n, p, j.n, j.ipiv, j.work, j.lwork)


def inv(ndarray a):
    """a: (B, n, n) C-contiguous, replaced by its inverse in place (the C data is
    the transpose in LAPACK's order, and inv(A^T) = inv(A)^T)."""
    cdef Job j = _job(a)
    j.n = a.dimensions[1]
    j.amat = j.n * j.n * j.es
    j.flag = j.n <= 8           # small kernels: no LAPACK, no workspace
    if a.dimensions[0] == 0 or j.n == 0:
        return 0
    j.ipiv = <ac_blasint *>_alloc(j.n * sizeof(ac_blasint))
    try:
        return _query_then_run(&j, _getri_query, 0 if j.flag else Q_WORK, _inv1,
                               a.dimensions[0], "inv", "Singular matrix")
    finally:
        free(j.ipiv)


cdef ac_blasint _solve1(Job *j, ac_intp b) noexcept nogil:
    cdef char *p = j.a + b * j.amat
    cdef char *x = j.x + b * j.xmat
    cdef ac_blasint info
    if j.flag:
        return ac_small_solve(j.t, <int>j.n, <int>j.k, p, x)
    info = ac_la_getrf(j.t, j.n, j.n, p, j.n, j.ipiv)
    if info != 0 or j.k == 0:
        return info
    # the C data of A is A^T in column-major order: solve A^T^T X = B
    return ac_la_getrs(j.t, b'T', j.n, j.k, p, j.n, j.ipiv, x, j.n)


def solve(ndarray a, ndarray x):
    """a: (B, n, n) C-contiguous (destroyed); x: (B, k, n), the right-hand sides
    in LAPACK's order (column-major n x k), overwritten by the solutions."""
    cdef Job j = _job(a)
    j.n = a.dimensions[1]
    j.k = x.dimensions[1]
    j.amat = j.n * j.n * j.es
    j.x = x.data
    j.xmat = j.n * j.k * j.es
    j.flag = j.n <= 8
    if a.dimensions[0] == 0 or j.n == 0:
        return 0
    j.ipiv = <ac_blasint *>_alloc(j.n * sizeof(ac_blasint))
    try:
        return _run_stack(&j, _solve1, a.dimensions[0], "Singular matrix")
    finally:
        free(j.ipiv)


# ----------------------------------------------------------------------------
# Cholesky
# ----------------------------------------------------------------------------
cdef ac_blasint _chol1(Job *j, ac_intp b) noexcept nogil:
    cdef char *p = j.a + b * j.amat
    cdef ac_intp i, n = j.n
    # 'L' on the column-major matrix (OpenBLAS's lower kernel: 500 x 500 in
    # 1.41 ms where 'U' takes 1.75): L in its lower triangle, which is the
    # C upper triangle; the C strict lower triangle is zeroed
    cdef ac_blasint info = ac_la_potrf(j.t, b'L', n, p, n)
    if info == 0:
        for i in range(1, n):
            memset(p + i * n * j.es, 0, i * j.es)
    return info


def cholesky(ndarray a):
    """a: (B, n, n) C-contiguous holding column-major matrices A (the
    transposes); each is replaced by its factor L with A = L L^H (lower,
    column-major: the C upper triangle), the rest zeroed."""
    cdef Job j = _job(a)
    j.n = a.dimensions[1]
    j.amat = j.n * j.n * j.es
    if a.dimensions[0] == 0 or j.n == 0:
        return 0
    return _run_stack(&j, _chol1, a.dimensions[0], "Matrix is not positive definite")


# ----------------------------------------------------------------------------
# QR
# ----------------------------------------------------------------------------
cdef ac_blasint _geqrf1(Job *j, ac_intp b) noexcept nogil:
    return ac_la_geqrf(j.t, j.m, j.n, j.a + b * j.amat, j.m, j.x + b * j.xmat,
                       j.work, j.lwork)


cdef ac_blasint _orgqr1(Job *j, ac_intp b) noexcept nogil:
    return ac_la_orgqr(j.t, j.m, j.n, j.k, j.a + b * j.amat, j.m, j.x + b * j.xmat,
                       j.work, j.lwork)


def geqrf(ndarray a, ndarray tau):
    """a: (B, N, M): column-major M x N matrices, factored in place (R above the
    diagonal, reflectors below); tau: (B, min(M, N))."""
    cdef Job j = _job(a)
    j.n = a.dimensions[1]
    j.m = a.dimensions[2]
    j.amat = j.n * j.m * j.es
    j.x = tau.data
    j.xmat = tau.dimensions[1] * j.es
    if a.dimensions[0] == 0 or j.m == 0 or j.n == 0:
        return 0
    return _query_then_run(&j, _geqrf1, Q_WORK, _geqrf1, a.dimensions[0], "qr", "qr")


def orgqr(ndarray q, ndarray tau):
    """q: (B, mc, M): column-major M x mc, its first columns the reflectors of
    geqrf; replaced by the orthonormal/unitary Q.  tau: (B, K)."""
    cdef Job j = _job(q)
    j.n = q.dimensions[1]
    j.m = q.dimensions[2]
    j.k = tau.dimensions[1]
    j.amat = j.n * j.m * j.es
    j.x = tau.data
    j.xmat = j.k * j.es
    if q.dimensions[0] == 0 or j.m == 0 or j.n == 0:
        return 0
    return _query_then_run(&j, _orgqr1, Q_WORK, _orgqr1, q.dimensions[0], "qr", "qr")


# ----------------------------------------------------------------------------
# SVD
# ----------------------------------------------------------------------------
cdef ac_blasint _gesdd1(Job *j, ac_intp b) noexcept nogil:
    return ac_la_gesdd(j.t, j.jobz, j.m, j.n, j.a + b * j.amat, j.m,
                       j.x + b * j.xmat,
                       j.y + b * j.ymat if j.y != NULL else NULL, max(j.m, 1),
                       j.z + b * j.zmat if j.z != NULL else NULL, j.ld,
                       j.work, j.lwork, j.rwork, j.iwork)


def gesdd(ndarray a, ndarray s, ndarray u, ndarray vt, str job):
    """SVD of column-major m x n matrices a (B, n, m) (destroyed): s (B, k) real,
    u (B, ucols, m) and vt (B, n, vrows) column-major; job 'N', 'S' or 'A'
    (u and vt ignored for 'N')."""
    cdef Job j = _job(a)
    cdef ac_intp k, mx
    j.n = a.dimensions[1]
    j.m = a.dimensions[2]
    k = min(j.m, j.n)
    mx = max(j.m, j.n)
    j.jobz = ord(job[0])
    j.amat = j.m * j.n * j.es
    j.x = s.data
    j.xmat = k * j.rs
    j.ld = 1
    if j.jobz != b'N':
        j.y = u.data
        j.ymat = u.dimensions[1] * u.dimensions[2] * j.es
        j.z = vt.data
        j.zmat = vt.dimensions[1] * vt.dimensions[2] * j.es
        j.ld = max(vt.dimensions[2], 1)
    if a.dimensions[0] == 0 or k == 0:
        return 0
    # rwork (complex only) and iwork have the sizes LAPACK documents
    if not _cplx(j.t):
        j.lrwork = 1
    elif j.jobz == b'N':
        j.lrwork = 7 * k
    else:
        j.lrwork = max(5 * k * k + 5 * k, 2 * mx * k + 2 * k * k + k)
    j.liwork = 8 * k
    return _query_then_run(&j, _gesdd1, Q_WORK, _gesdd1, a.dimensions[0], "svd",
                           "SVD did not converge")


# ----------------------------------------------------------------------------
# symmetric / Hermitian eigenproblems
# ----------------------------------------------------------------------------
cdef ac_blasint _syevd1(Job *j, ac_intp b) noexcept nogil:
    return ac_la_syevd(j.t, j.jobz, b'L', j.n, j.a + b * j.amat, j.n, j.x + b * j.xmat,
                       j.work, j.lwork, j.rwork, j.lrwork, j.iwork, j.liwork)


def syevd(ndarray a, ndarray w, bint vectors):
    """a: (B, n, n) column-major matrices; their lower triangle is used
    (uplo 'L', NumPy's choice: sytrd's 'L' path measured a few % faster than
    'U' here).  w: (B, n) real, ascending.  With vectors, a is replaced by the
    column-major eigenvectors."""
    cdef Job j = _job(a)
    j.n = a.dimensions[1]
    j.amat = j.n * j.n * j.es
    j.x = w.data
    j.xmat = j.n * j.rs
    j.jobz = b'V' if vectors else b'N'
    if a.dimensions[0] == 0 or j.n == 0:
        return 0
    j.lrwork = 1                # real types have no rwork
    return _query_then_run(&j, _syevd1,
                           Q_WORK | Q_IWORK | (Q_RWORK if _cplx(j.t) else 0),
                           _syevd1, a.dimensions[0], "eigh", "Eigenvalues did not converge")


# ----------------------------------------------------------------------------
# general eigenproblem
# ----------------------------------------------------------------------------
cdef ac_blasint _geev_query(Job *j, ac_intp b) noexcept nogil:
    return ac_la_geev(j.t, j.jobz, j.n, j.a + b * j.amat, j.n, j.tmp, j.tmp2, j.n,
                      j.work, j.lwork, j.rwork)


cdef ac_blasint _geev1(Job *j, ac_intp b) noexcept nogil:
    cdef int t = j.t, ct = j.ct
    cdef ac_intp n = j.n, i, c
    cdef size_t es = j.es, rs = j.rs, ces = j.zmat
    cdef char *wt = j.tmp
    cdef char *vr = j.tmp2
    cdef char *wo = j.x + b * j.xmat
    cdef char *vo = j.y + b * j.ymat if j.flag else NULL
    cdef double wr, wi, xr, xi
    cdef ac_blasint info = ac_la_geev(t, j.jobz, n, j.a + b * j.amat, n, wt, vr, n,
                                      j.work, j.lwork, j.rwork)
    if info != 0:
        return info
    if _cplx(t):
        for i in range(n):
            _get(t, wt + i * es, &wr, &wi)
            _put(ct, wo + i * ces, wr, wi)
        if j.flag:
            for c in range(n):          # column c of VR -> column c of v
                for i in range(n):
                    _get(t, vr + (c * n + i) * es, &xr, &xi)
                    _put(ct, vo + (i * n + c) * ces, xr, xi)
        return 0
    # real: wr in wt[0:n], wi in wt[n:2n]; a complex pair's vectors are
    # stored as the real and imaginary parts in two columns
    c = 0
    while c < n:
        wr = _getr(t, wt + c * rs)
        wi = _getr(t, wt + (n + c) * rs)
        _put(ct, wo + c * ces, wr, wi)
        if wi != 0.0 and c + 1 < n:
            _put(ct, wo + (c + 1) * ces, wr, -wi)
            if j.flag:
                for i in range(n):
                    xr = _getr(t, vr + (c * n + i) * rs)
                    xi = _getr(t, vr + ((c + 1) * n + i) * rs)
                    _put(ct, vo + (i * n + c) * ces, xr, xi)
                    _put(ct, vo + (i * n + c + 1) * ces, xr, -xi)
            c += 2
        else:
            if j.flag:
                for i in range(n):
                    _put(ct, vo + (i * n + c) * ces, _getr(t, vr + (c * n + i) * rs), 0.0)
            c += 1
    return 0


def geev(ndarray a, ndarray w, ndarray v=None):
    """a: (B, n, n) column-major matrices (destroyed).  w: (B, n) complex of the
    matching precision; v (optional): (B, n, n) complex, C order, receives the
    right eigenvectors as columns (real input: conjugate pairs unpacked)."""
    cdef Job j = _job(a)
    j.ct = _tidx(w)
    j.n = a.dimensions[1]
    j.amat = j.n * j.n * j.es
    j.zmat = w.descr.itemsize               # the complex output's itemsize
    j.x = w.data
    j.xmat = j.n * j.zmat
    j.flag = v is not None
    j.jobz = b'V' if j.flag else b'N'
    if j.flag:
        j.y = v.data
        j.ymat = j.n * j.n * j.zmat
    if a.dimensions[0] == 0 or j.n == 0:
        return 0
    j.lrwork = 2 * j.n          # zgeev's rwork (unused for real types)
    try:
        j.tmp = <char *>_alloc(2 * j.n * j.rs)
        j.tmp2 = <char *>_alloc(j.amat if j.flag else j.es)
        return _query_then_run(&j, _geev_query, Q_WORK, _geev1, a.dimensions[0], "eig",
                               "Eigenvalues did not converge")
    finally:
        free(j.tmp)
        free(j.tmp2)


# ----------------------------------------------------------------------------
# least squares
# ----------------------------------------------------------------------------
cdef ac_blasint _gelsd1(Job *j, ac_intp b) noexcept nogil:
    return ac_la_gelsd(j.t, j.m, j.n, j.k, j.a + b * j.amat, max(j.m, 1), j.x + b * j.xmat,
                       j.ld, j.y + b * j.ymat, j.rcond, &j.rank, j.work, j.lwork, j.rwork,
                       j.iwork)


def gelsd(ndarray a, ndarray x, ndarray s, double rcond):
    """Minimum-norm least squares: a (1, n, m) column-major m x n (destroyed);
    x (1, k, ldb) column-major right-hand sides (ldb = max(m, n)), overwritten by
    the solution in its first n rows; s (1, min(m, n)) singular values.
    Returns the rank."""
    cdef Job j = _job(a)
    cdef ac_intp mn
    j.n = a.dimensions[1]
    j.m = a.dimensions[2]
    j.k = x.dimensions[1]
    j.ld = x.dimensions[2]
    j.amat = j.n * j.m * j.es
    j.x = x.data
    j.xmat = j.k * j.ld * j.es
    j.y = s.data
    j.ymat = s.dimensions[1] * j.rs
    j.rcond = rcond
    mn = min(j.m, j.n)
    if mn == 0 or j.k == 0:
        return 0
    # room beyond the queried iwork/rwork sizes (some LAPACK builds report
    # too little for them)
    j.ipad = 3 * mn * 32 + 11 * mn
    j.rpad = 10 * mn * 32
    j.lrwork = 1 + j.rpad       # real types: rwork is not queried
    _query_then_run(&j, _gelsd1, Q_WORK | Q_IWORK | (Q_RWORK if _cplx(j.t) else 0),
                    _gelsd1, 1, "lstsq", "SVD did not converge in Linear Least Squares")
    return j.rank
