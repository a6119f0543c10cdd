"""arraycore/linalg/_funcs.py -- the functions of ``arraycore.linalg``.

The Array API 2025.12 linalg extension plus what NumPy users reach for
(``lstsq``, ``norm``, ``cond``, ``multi_dot``).  Each LAPACK-backed function
converts its input once into a work array (C order, native, in the precision
of the input: float32/float64/complex64/complex128; bool and integer inputs
are promoted to float64, as NumPy does), flattens the stack to one batch
dimension and calls the Cython module ``_lapack`` (one LAPACK call per matrix,
GIL released, Ctrl-C polled between matrices).  LAPACK works in column-major
order: a C-order matrix is the transpose of the same bytes read column-major,
so most routines take the C data as it is (det(A^T) = det(A),
inv(A^T) = inv(A)^T, ...), and only eig, eigh, qr and the right-hand sides of
solve get a transposed copy.
"""
from collections import namedtuple
import math
import operator

import arraycore as ac
from arraycore.linalg import _lapack
from arraycore.linalg._engine import ensure
from arraycore.linalg._lapack import LinAlgError

EighResult = namedtuple("EighResult", ["eigenvalues", "eigenvectors"])
EigResult = namedtuple("EigResult", ["eigenvalues", "eigenvectors"])
QRResult = namedtuple("QRResult", ["Q", "R"])
SlogdetResult = namedtuple("SlogdetResult", ["sign", "logabsdet"])
SVDResult = namedtuple("SVDResult", ["U", "S", "Vh"])

_INEXACT = ("float32", "float64", "complex64", "complex128")
_REAL_OF = {"float32": "float32", "float64": "float64",
            "complex64": "float32", "complex128": "float64"}
_COMPLEX_OF = {"float32": "complex64", "float64": "complex128",
               "complex64": "complex64", "complex128": "complex128"}


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------
def _arr(x):
    return x if isinstance(x, ac.ndarray) else ac.asarray(x)


def _work_dtype(x):
    """The dtype LAPACK works in for x: its own for the four inexact types,
    float64 for bool and integers (NumPy's rule)."""
    name = x.dtype.name
    if name in _INEXACT:
        return ac.dtype(name)           # native byte order
    if name == "float16":
        raise TypeError("array type float16 is unsupported in linalg")
    if ac.isdtype(x.dtype, ("bool", "integral")):
        return ac.float64
    raise TypeError(f"array type {name} is unsupported in linalg")


def _real(dt):
    return ac.dtype(_REAL_OF[dt.name])


def _cplx(dt):
    return ac.dtype(_COMPLEX_OF[dt.name])


def _is_complex(dt):
    return dt.name.startswith("complex")


def _need_matrix(x, name):
    if x.ndim < 2:
        raise LinAlgError(f"{name}: {x.ndim}-dimensional array given. Array must be "
                          f"at least two-dimensional")


def _need_square(x, name):
    _need_matrix(x, name)
    if x.shape[-1] != x.shape[-2]:
        raise LinAlgError(f"{name}: last 2 dimensions of the array must be square")


def _prod(shape):
    p = 1
    for s in shape:
        p *= s
    return p


def _work(x, dt, transpose=False):
    """One converted copy of the stack x (..., m, n) as (B, m, n) C order, or as
    (B, n, m) holding the transposes (column-major m x n matrices)."""
    m, n = x.shape[-2], x.shape[-1]
    B = _prod(x.shape[:-2])
    src = ac.reshape(x, (B, m, n)) if x.ndim != 3 else x
    if transpose:
        w = ac.empty((B, n, m), dtype=dt)
        w[...] = ac.matrix_transpose(src)
    else:
        w = ac.empty((B, m, n), dtype=dt)
        w[...] = src
    return w


def _check_finite(w, what, lower=False):
    """w: a work array of _work (B, m, n), C order.  One pass, no temporary;
    with `lower`, only the column-major lower triangle (what syevd 'L'
    reads) must be finite."""
    if not _lapack.all_finite(w, lower):
        raise LinAlgError(f"{what}: array must not contain infs or NaNs")


def _eps(dt):
    return ac.finfo(_real(dt)).eps


# ----------------------------------------------------------------------------
# re-exports and simple functions
# ----------------------------------------------------------------------------
from arraycore._gufunc import matmul, vecdot as _vecdot, tensordot as _tensordot  # noqa: E402


def vecdot(x1, x2, /, *, axis=-1):
    """Vector dot product of x1 and x2 along `axis` (x1 conjugated)."""
    return _vecdot(x1, x2, axis=axis)


def tensordot(x1, x2, /, *, axes=2):
    """Tensor contraction of x1 and x2 over `axes`."""
    return _tensordot(x1, x2, axes=axes)


def matrix_transpose(x, /):
    """Transposes the last two dimensions of x (a view)."""
    return ac.matrix_transpose(_arr(x))


def diagonal(x, /, *, offset=0):
    """The diagonal at `offset` of each matrix of x (..., M, N)."""
    x = _arr(x)
    _need_matrix(x, "diagonal")
    offset = operator.index(offset)
    M, N = x.shape[-2], x.shape[-1]
    if offset >= 0:
        L = max(0, min(M, N - offset))
        start = offset
    else:
        L = max(0, min(M + offset, N))
        start = -offset * N
    flat = ac.reshape(x, x.shape[:-2] + (M * N,))
    if L == 0:
        return flat[..., 0:0]
    return flat[..., start:start + (L - 1) * (N + 1) + 1:N + 1]


def trace(x, /, *, offset=0, dtype=None):
    """Sum along the diagonal at `offset` of each matrix of x."""
    return ac.sum(diagonal(x, offset=offset), axis=-1, dtype=dtype)


def outer(x1, x2, /):
    """The outer product of two 1-d arrays."""
    x1, x2 = _arr(x1), _arr(x2)
    if x1.ndim != 1 or x2.ndim != 1:
        raise ValueError("outer: both arguments must be one-dimensional")
    return ac.multiply(ac.reshape(x1, (-1, 1)), ac.reshape(x2, (1, -1)))


def cross(x1, x2, /, *, axis=-1):
    """Cross product of 3-element vectors along `axis` (other axes broadcast)."""
    x1, x2 = _arr(x1), _arr(x2)
    axis = operator.index(axis)
    if not -min(x1.ndim, x2.ndim) <= axis < 0:
        raise ValueError("cross: axis must be negative, within the dimensions of both "
                         "arrays")
    if x1.shape[axis] != 3 or x2.shape[axis] != 3:
        raise ValueError("cross: the vectors must have 3 elements along axis")
    a = ac.moveaxis(x1, axis, -1)
    b = ac.moveaxis(x2, axis, -1)
    a0, a1, a2 = a[..., 0], a[..., 1], a[..., 2]
    b0, b1, b2 = b[..., 0], b[..., 1], b[..., 2]
    r = ac.stack([a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0], axis=-1)
    return ac.moveaxis(r, -1, axis)


# ----------------------------------------------------------------------------
# LU based: det, slogdet, inv, solve, matrix_power
# ----------------------------------------------------------------------------
def det(x, /):
    """Determinant of each square matrix of x."""
    x = _arr(x)
    _need_square(x, "det")
    dt = _work_dtype(x)
    ensure()
    w = _work(x, dt)
    out = ac.empty((w.shape[0],), dtype=dt)
    _lapack.det(w, out)
    return ac.reshape(out, x.shape[:-2])


def slogdet(x, /):
    """Sign and natural log of the absolute determinant of each square matrix."""
    x = _arr(x)
    _need_square(x, "slogdet")
    dt = _work_dtype(x)
    ensure()
    w = _work(x, dt)
    sign = ac.empty((w.shape[0],), dtype=dt)
    logabs = ac.empty((w.shape[0],), dtype=_real(dt))
    _lapack.det(w, sign, logabs)
    return SlogdetResult(ac.reshape(sign, x.shape[:-2]), ac.reshape(logabs, x.shape[:-2]))


def inv(x, /):
    """Inverse of each square matrix of x (LinAlgError if one is singular)."""
    x = _arr(x)
    _need_square(x, "inv")
    dt = _work_dtype(x)
    ensure()
    w = _work(x, dt)
    _lapack.inv(w)
    return ac.reshape(w, x.shape)


def solve(x1, x2, /):
    """Solution X of x1 @ X = x2.  x2 of shape (M,) is one vector for every
    matrix of x1; otherwise x2 is a stack (..., M, K) broadcast against x1."""
    x1, x2 = _arr(x1), _arr(x2)
    _need_square(x1, "solve")
    dt = ac.result_type(_work_dtype(x1), _work_dtype(x2))
    M = x1.shape[-1]
    vec = x2.ndim == 1
    if vec:
        if x2.shape[0] != M:
            raise ValueError(f"solve: x2 has {x2.shape[0]} rows, x1 is {M} x {M}")
        x2m = ac.reshape(x2, (M, 1))
    else:
        x2m = x2
        if x2m.shape[-2] != M:
            raise ValueError(f"solve: x2 has {x2m.shape[-2]} rows, x1 is {M} x {M}")
    batch = ac.broadcast_shapes(x1.shape[:-2], x2m.shape[:-2])
    K = x2m.shape[-1]
    ensure()
    a = _work(ac.broadcast_to(x1, batch + (M, M)), dt)
    b = _work(ac.broadcast_to(x2m, batch + (M, K)), dt, transpose=True)
    _lapack.solve(a, b)
    r = ac.matrix_transpose(ac.reshape(b, batch + (K, M)))
    if vec:
        return ac.reshape(r, batch + (M,))
    return r


def matrix_power(x, n, /):
    """x raised to the integer power n (n < 0 through inv; n == 0: identity)."""
    x = _arr(x)
    _need_square(x, "matrix_power")
    n = operator.index(n)
    if n == 0:
        eye = ac.eye(x.shape[-1], dtype=x.dtype)
        return ac.broadcast_to(eye, x.shape) * ac.ones(x.shape, dtype=x.dtype)
    if n < 0:
        x = inv(x)
        n = -n
    result = None
    base = x
    while True:
        if n & 1:
            result = base if result is None else ac.matmul(result, base)
        n >>= 1
        if not n:
            break
        base = ac.matmul(base, base)
    return result if result is not x else ac.asarray(x, copy=True)


# ----------------------------------------------------------------------------
# Cholesky, QR
# ----------------------------------------------------------------------------
def cholesky(x, /, *, upper=False):
    """Cholesky factor of each Hermitian positive-definite matrix: L with
    x = L L^H (reads the lower triangle), or U = L^H when upper=True."""
    x = _arr(x)
    _need_square(x, "cholesky")
    dt = _work_dtype(x)
    ensure()
    w = _work(x, dt, transpose=True)    # column-major: x itself (its lower triangle)
    _lapack.cholesky(w)                 # w (C order) holds L^T
    if upper:                           # U = L^H
        U = ac.reshape(w, x.shape)
        return ac.conj(U) if _is_complex(dt) else U
    return ac.reshape(ac.matrix_transpose(w), x.shape)


def qr(x, /, *, mode="reduced"):
    """QR decomposition: Q with orthonormal columns and upper-triangular R."""
    x = _arr(x)
    _need_matrix(x, "qr")
    if mode not in ("reduced", "complete"):
        raise ValueError(f"qr: mode must be 'reduced' or 'complete', not {mode!r}")
    dt = _work_dtype(x)
    M, N = x.shape[-2], x.shape[-1]
    K = min(M, N)
    batch = x.shape[:-2]
    ensure()
    w = _work(x, dt, transpose=True)            # (B, N, M): column-major M x N
    B = w.shape[0]
    tau = ac.zeros((B, K), dtype=dt)
    _lapack.geqrf(w, tau)
    mc = K if mode == "reduced" else M
    q = ac.zeros((B, mc, M), dtype=dt)          # column-major M x mc
    c = min(N, mc)
    if c:
        q[:, :c, :] = w[:, :c, :]
    _lapack.orgqr(q, tau)
    Q = ac.reshape(ac.matrix_transpose(q), batch + (M, mc))
    rows = mc if mode == "complete" else K
    R = ac.triu(ac.matrix_transpose(w)[:, :rows, :]) if rows else \
        ac.zeros((B, rows, N), dtype=dt)
    if rows > M:
        R = ac.concat([R, ac.zeros((B, rows - M, N), dtype=dt)], axis=1)
    return QRResult(ac.asarray(Q, copy=True), ac.reshape(R, batch + (rows, N)))


# ----------------------------------------------------------------------------
# SVD and what is built on it
# ----------------------------------------------------------------------------
def svd(x, /, *, full_matrices=True):
    """Singular value decomposition x = U @ diag(S) @ Vh (S descending)."""
    x = _arr(x)
    _need_matrix(x, "svd")
    dt = _work_dtype(x)
    M, N = x.shape[-2], x.shape[-1]
    K = min(M, N)
    batch = x.shape[:-2]
    ensure()
    w = _work(x, dt)           # the C data: column-major N x M matrices A^T
    _check_finite(w, "SVD did not converge")
    B = w.shape[0]
    ucols, vrows = (M, N) if full_matrices else (K, K)
    s = ac.empty((B, K), dtype=_real(dt))
    if K == 0:
        U = ac.broadcast_to(ac.eye(M, ucols, dtype=dt), (B, M, ucols))
        Vh = ac.broadcast_to(ac.eye(vrows, N, dtype=dt), (B, vrows, N))
        U, Vh = ac.asarray(U, copy=True), ac.asarray(Vh, copy=True)
    else:
        # SVD of A^T = U' S V'^H: the column-major U' read in C order is Vh,
        # the column-major V'^H read in C order is U.
        Vh = ac.empty((B, vrows, N), dtype=dt)      # column-major N x vrows: U'
        U = ac.empty((B, M, ucols), dtype=dt)       # column-major ucols x M: V'^H
        _lapack.gesdd(w, s, Vh, U, "A" if full_matrices else "S")
    return SVDResult(ac.reshape(U, batch + (M, ucols)), ac.reshape(s, batch + (K,)),
                     ac.reshape(Vh, batch + (vrows, N)))


def svdvals(x, /):
    """Singular values of each matrix of x, descending."""
    x = _arr(x)
    _need_matrix(x, "svdvals")
    dt = _work_dtype(x)
    K = min(x.shape[-2], x.shape[-1])
    ensure()
    w = _work(x, dt)
    _check_finite(w, "SVD did not converge")
    s = ac.empty((w.shape[0], K), dtype=_real(dt))
    _lapack.gesdd(w, s, None, None, "N")
    return ac.reshape(s, x.shape[:-2] + (K,))


def _rtol_default(x, rtol, s):
    if rtol is None:
        return max(x.shape[-2], x.shape[-1]) * _eps(s.dtype)
    return rtol


def _rtol_col(rtol, s):
    if isinstance(rtol, ac.ndarray):
        return ac.reshape(ac.astype(rtol, s.dtype), rtol.shape + (1,))
    return rtol


def matrix_rank(x, /, *, rtol=None):
    """Number of singular values above rtol * largest singular value."""
    x = _arr(x)
    _need_matrix(x, "matrix_rank")
    s = svdvals(x)
    if s.shape[-1] == 0:
        return ac.zeros(s.shape[:-1], dtype=ac.int64)
    tol = ac.max(s, axis=-1, keepdims=True) * _rtol_col(_rtol_default(x, rtol, s), s)
    return ac.count_nonzero(s > tol, axis=-1)


def pinv(x, /, *, rtol=None):
    """Moore-Penrose pseudo-inverse (singular values <= rtol * max cut off)."""
    x = _arr(x)
    _need_matrix(x, "pinv")
    dt = _work_dtype(x)
    M, N = x.shape[-2], x.shape[-1]
    if M == 0 or N == 0:
        return ac.zeros(x.shape[:-2] + (N, M), dtype=dt)
    U, S, Vh = svd(x, full_matrices=False)
    cut = ac.max(S, axis=-1, keepdims=True) * _rtol_col(_rtol_default(x, rtol, S), S)
    big = S > cut
    Sinv = ac.where(big, 1.0 / ac.where(big, S, 1.0), 0.0)
    Sinv = ac.astype(Sinv, _real(dt))
    Vs = ac.matrix_transpose(Vh) * ac.reshape(Sinv, Sinv.shape[:-1] + (1, Sinv.shape[-1]))
    Uh = ac.matrix_transpose(U)
    if _is_complex(dt):
        Vs = ac.conj(Vs)
        Uh = ac.conj(Uh)
    return ac.matmul(Vs, Uh)


# ----------------------------------------------------------------------------
# eigenproblems
# ----------------------------------------------------------------------------
def _eigh(x, vectors, name):
    x = _arr(x)
    _need_square(x, name)
    dt = _work_dtype(x)
    n = x.shape[-1]
    ensure()
    # the transposed copy is A column-major; syevd reads its lower triangle
    # (uplo 'L', as NumPy), i.e. the C lower triangle of x
    w = _work(x, dt, transpose=True)
    # only the triangle LAPACK reads must be finite, as in NumPy: a NaN in
    # the other triangle does not change the result
    _check_finite(w, "Eigenvalues did not converge", lower=True)
    vals = ac.empty((w.shape[0], n), dtype=_real(dt))
    _lapack.syevd(w, vals, vectors)
    vals = ac.reshape(vals, x.shape[:-1])
    if not vectors:
        return vals
    # w holds the column-major eigenvectors V of A: read in C order, V^T;
    # Q is returned in C order, as NumPy's
    Q = ac.empty(x.shape, dtype=dt)
    Q[...] = ac.matrix_transpose(ac.reshape(w, x.shape))
    return EighResult(vals, Q)


def eigh(x, /):
    """Eigenvalues (ascending) and orthonormal eigenvectors of Hermitian/
    symmetric matrices (the lower triangle is read)."""
    return _eigh(x, True, "eigh")


def eigvalsh(x, /):
    """Eigenvalues (ascending) of Hermitian/symmetric matrices."""
    return _eigh(x, False, "eigvalsh")


def _eig(x, vectors, name):
    x = _arr(x)
    _need_square(x, name)
    dt = _work_dtype(x)
    n = x.shape[-1]
    ensure()
    w = _work(x, dt, transpose=True)
    _check_finite(w, "Eigenvalues did not converge")
    ct = _cplx(dt)
    B = w.shape[0]
    vals = ac.empty((B, n), dtype=ct)
    vecs = ac.empty((B, n, n), dtype=ct) if vectors else None
    _lapack.geev(w, vals, vecs)
    vals = ac.reshape(vals, x.shape[:-1])
    if not vectors:
        return vals
    return EigResult(vals, ac.reshape(vecs, x.shape))


def eig(x, /):
    """Eigenvalues and right eigenvectors (columns) of general square matrices;
    both complex of the input's precision."""
    return _eig(x, True, "eig")


def eigvals(x, /):
    """Eigenvalues of general square matrices (complex of the input's precision)."""
    return _eig(x, False, "eigvals")


# ----------------------------------------------------------------------------
# norms
# ----------------------------------------------------------------------------
def _norm_input(x):
    x = _arr(x)
    dt = _work_dtype(x)
    if x.dtype != dt or x.dtype.byteorder not in ("=", "|"):
        x = ac.astype(x, dt)
    return x, dt


def _vnorm_last(x, ord, rdt):
    """Vector norm along the last axis of x (already inexact)."""
    if ord == 2:
        if x.shape[-1] == 0:
            return ac.zeros(x.shape[:-1], dtype=rdt)
        if _is_complex(x.dtype):
            r = ac.real(_vecdot(x, x, axis=-1))
        else:
            r = _vecdot(x, x, axis=-1)
        # the plain sum of squares over/underflows where |x| does not: rescale
        r = ac.sqrt(r)
        bad = ac.logical_or(ac.isinf(r), r < ac.finfo(rdt).tiny ** 0.5)
        if r.size and bool(ac.any(bad)):
            a = ac.abs(x)
            m = ac.max(a, axis=-1, keepdims=True)
            safe = ac.where(m == 0, 1.0, m)
            sc = a / safe
            r2 = ac.sqrt(ac.sum(sc * sc, axis=-1)) * ac.reshape(safe, safe.shape[:-1])
            r = ac.where(ac.logical_and(bad, ac.logical_not(ac.isnan(r2))),
                         ac.astype(r2, rdt), r)
        return ac.astype(r, rdt, copy=False)
    a = ac.abs(x)
    if ord == math.inf:
        if a.shape[-1] == 0:
            return ac.zeros(a.shape[:-1], dtype=rdt)
        return ac.max(a, axis=-1)
    if ord == -math.inf:
        if a.shape[-1] == 0:
            raise ValueError("vector_norm: ord=-inf of an empty vector")
        return ac.min(a, axis=-1)
    if ord == 0:
        return ac.astype(ac.count_nonzero(a, axis=-1), rdt)
    if ord == 1:
        return ac.sum(a, axis=-1)
    if ord == -1:
        return 1.0 / ac.sum(1.0 / a, axis=-1)
    p = float(ord)
    return ac.astype(ac.sum(a ** p, axis=-1) ** (1.0 / p), rdt, copy=False)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """The ord-norm of vectors along `axis` (None: all elements; a tuple: the
    elements of those axes as one vector)."""
    x, dt = _norm_input(x)
    rdt = _real(dt)
    nd = x.ndim
    if axis is None:
        axes = tuple(range(nd))
    elif isinstance(axis, tuple):
        axes = tuple(operator.index(a) % nd if -nd <= a < nd else _bad_axis(a, nd)
                     for a in axis)
        if len(set(axes)) != len(axes):
            raise ValueError("vector_norm: repeated axis")
    else:
        a = operator.index(axis)
        if not -nd <= a < nd:
            _bad_axis(a, nd)
        axes = (a % nd,)
    rest = tuple(i for i in range(nd) if i not in axes)
    y = ac.permute_dims(x, rest + axes) if nd else x
    y = ac.reshape(y, tuple(x.shape[i] for i in rest) + (_prod(x.shape[i] for i in axes),))
    r = _vnorm_last(y, ord, rdt)
    if keepdims:
        r = ac.reshape(r, tuple(1 if i in axes else x.shape[i] for i in range(nd)))
    return r


def _bad_axis(a, nd):
    raise ValueError(f"axis {a} is out of bounds for an array of dimension {nd}")


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """The ord-norm of each matrix (last two axes): 'fro', 'nuc', 1, -1, 2, -2,
    inf, -inf."""
    x, dt = _norm_input(x)
    _need_matrix(x, "matrix_norm")
    r = _mnorm(x, ord, _real(dt))
    if keepdims:
        r = ac.reshape(r, x.shape[:-2] + (1, 1))
    return r


def _mnorm(x, ord, rdt):
    if ord == "fro" or ord is None:
        return _vnorm_last(ac.reshape(x, x.shape[:-2] + (x.shape[-2] * x.shape[-1],)),
                           2, rdt)
    if ord == "nuc":
        return ac.sum(svdvals(x), axis=-1)
    # an empty matrix: the largest of no singular values / column or row sums
    # is 0 (NumPy 2.3+: a norm is >= 0), the smallest is undefined
    if ord in (2, -2):
        if x.shape[-2] == 0 or x.shape[-1] == 0:
            if ord == 2:
                return ac.zeros(x.shape[:-2], dtype=rdt)
            raise ValueError("matrix_norm: ord=-2 of an empty matrix")
        s = svdvals(x)
        return s[..., 0] if ord == 2 else s[..., -1]
    if ord in (1, -1, math.inf, -math.inf):
        ax = -2 if ord in (1, -1) else -1
        sums = ac.sum(ac.abs(x), axis=ax)
        if sums.shape[-1] == 0:
            if ord > 0:
                return ac.zeros(sums.shape[:-1], dtype=rdt)
            raise ValueError(f"matrix_norm: ord={ord} of an empty matrix")
        return ac.max(sums, axis=-1) if ord > 0 else ac.min(sums, axis=-1)
    raise ValueError(f"matrix_norm: invalid norm order {ord!r}")


def norm(x, ord=None, axis=None, keepdims=False):
    """NumPy's norm: the 2-norm of all elements (ord and axis None), a vector
    norm (int axis or 1-d input) or a matrix norm (2-tuple axis or 2-d input)."""
    x, dt = _norm_input(x)
    nd = x.ndim
    if axis is None:
        if ord is None:
            r = _vnorm_last(ac.reshape(x, (x.size,)), 2, _real(dt))
            return ac.reshape(r, (1,) * nd) if keepdims else r
        if nd == 1:
            axis = 0
        elif nd == 2:
            axis = (0, 1)
        else:
            raise ValueError("Improper number of dimensions to norm.")
    if isinstance(axis, tuple) and len(axis) == 2:
        a0, a1 = (operator.index(a) % nd for a in axis)
        if a0 == a1:
            raise ValueError("Duplicate axes given.")
        if ord in ("fro", "nuc") or ord is None or ord in (1, -1, 2, -2, math.inf,
                                                           -math.inf):
            y = ac.moveaxis(x, (a0, a1), (-2, -1))
            r = _mnorm(y, "fro" if ord is None else ord, _real(dt))
            if keepdims:
                shp = list(x.shape)
                shp[a0] = shp[a1] = 1
                r = ac.reshape(r, tuple(shp))
            return r
        raise ValueError("Invalid norm order for matrices.")
    if isinstance(axis, tuple):
        if len(axis) != 1:
            raise ValueError("Improper number of dimensions to norm.")
        axis = axis[0]
    if isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    return vector_norm(x, axis=axis, keepdims=keepdims, ord=2 if ord is None else ord)


def cond(x, p=None):
    """Condition number of x in the norm p (None/2/-2: from singular values)."""
    x = _arr(x)
    _need_matrix(x, "cond")
    if p is None or p in (2, -2):
        s = svdvals(x)
        r = s[..., 0] / s[..., -1] if p != -2 else s[..., -1] / s[..., 0]
        return r
    _need_square(x, "cond")
    return ac.multiply(matrix_norm(x, ord=p), matrix_norm(inv(x), ord=p))


# ----------------------------------------------------------------------------
# least squares, multi_dot
# ----------------------------------------------------------------------------
def lstsq(a, b, rcond=None):
    """Least-squares solution of a @ x = b (NumPy's lstsq): (x, residuals,
    rank, s).  rcond None: machine precision times max(M, N)."""
    a, b = _arr(a), _arr(b)
    if a.ndim != 2:
        raise LinAlgError(f"lstsq: {a.ndim}-dimensional array given. Array must be "
                          f"two-dimensional")
    if b.ndim not in (1, 2):
        raise LinAlgError("lstsq: b must be one- or two-dimensional")
    M, N = a.shape
    if b.shape[0] != M:
        raise LinAlgError("Incompatible dimensions")
    vec = b.ndim == 1
    bm = ac.reshape(b, (M, 1)) if vec else b
    K = bm.shape[1]
    dt = ac.result_type(_work_dtype(a), _work_dtype(b))
    rdt = _real(dt)
    if rcond is None:
        rcond = ac.finfo(rdt).eps * max(M, N)
    ensure()
    aw = _work(a, dt, transpose=True)           # (1, N, M): column-major M x N
    ldb = max(M, N, 1)
    xw = ac.zeros((1, K, ldb), dtype=dt)        # column-major ldb x K
    if M and K:
        xw[0, :, :M] = ac.matrix_transpose(bm)
    s = ac.empty((1, min(M, N)), dtype=rdt)
    if min(M, N) == 0:
        rank = 0
    else:
        rank = _lapack.gelsd(aw, xw, s, float(rcond))
    x = ac.asarray(ac.matrix_transpose(xw[0, :, :N]), copy=True)
    if rank == N and M > N:
        res = xw[0, :, N:M]
        res = ac.sum(ac.real(res * ac.conj(res)) if _is_complex(dt) else res * res,
                     axis=-1)
    else:
        res = ac.empty((0,), dtype=rdt)
    if vec:
        x = ac.reshape(x, (N,))
        if res.shape[0]:
            res = ac.reshape(res, (1,))
    return x, res, rank, ac.reshape(s, (min(M, N),))


def multi_dot(arrays, *, out=None):
    """Product of a chain of matrices, multiplied in the cheapest order (the
    first may be 1-d (a row), the last 1-d (a column))."""
    arrays = [_arr(a) for a in arrays]
    n = len(arrays)
    if n < 2:
        raise ValueError("multi_dot: expecting at least two arrays")
    first_vec = arrays[0].ndim == 1
    last_vec = arrays[-1].ndim == 1
    if first_vec:
        arrays[0] = ac.reshape(arrays[0], (1, -1))
    if last_vec:
        arrays[-1] = ac.reshape(arrays[-1], (-1, 1))
    for a in arrays:
        if a.ndim != 2:
            raise ValueError(f"multi_dot: {a.ndim}-dimensional array given; arrays "
                             f"must be two-dimensional")
    if n == 2:
        r = ac.matmul(arrays[0], arrays[1])
    else:
        dims = [arrays[0].shape[0]] + [a.shape[1] for a in arrays]
        # cost[i][j]: cheapest product of arrays i..j; split[i][j]: where to cut
        cost = [[0] * n for _ in range(n)]
        split = [[0] * n for _ in range(n)]
        for length in range(1, n):
            for i in range(n - length):
                j = i + length
                best = None
                for k in range(i, j):
                    c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                    if best is None or c < best:
                        best, split[i][j] = c, k
                cost[i][j] = best

        def chain(i, j):
            if i == j:
                return arrays[i]
            k = split[i][j]
            return ac.matmul(chain(i, k), chain(k + 1, j))
        r = chain(0, n - 1)
    if first_vec and last_vec:
        r = ac.reshape(r, ())
    elif first_vec:
        r = ac.reshape(r, (r.shape[1],))
    elif last_vec:
        r = ac.reshape(r, (r.shape[0],))
    if out is not None:
        out[...] = r
        return out
    return r
