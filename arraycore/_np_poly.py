"""NumPy's legacy polynomial functions beside the Array API namespace (issue 12):
polyfit (deg, rcond, full, w, cov), polyval, roots, poly, polyder, polyint,
polyadd, polysub, polymul, polydiv, and the RankWarning polyfit gives for a
rank-deficient fit.

Coefficients are ordered highest power first, as in NumPy.  roots and poly
go through arraycore.linalg.eigvals (companion matrix) and polyfit through
arraycore.linalg.lstsq; both load LAPACK on first use, so this module only
imports arraycore.linalg inside the functions.  There is no poly1d class:
every function takes and returns plain arrays.
"""
import warnings

from arraycore._convert import asarray
from arraycore._creation import zeros, ones, arange
from arraycore._manip import concat
from arraycore import _ufunc as _u
from arraycore import _stats
from arraycore._sort import nonzero as _nonzero

__all__ = ["polyfit", "polyval", "roots", "poly", "polyder", "polyint", "polyadd",
           "polysub", "polymul", "polydiv", "RankWarning"]


class RankWarning(RuntimeWarning):
    """polyfit's warning: the least-squares matrix is rank deficient, so the
    fitted coefficients are poorly determined."""


def _dt(name):
    import arraycore
    return getattr(arraycore, name)


def _at_least_1d(a):
    a = asarray(a)
    if a.ndim == 0:
        from arraycore._manip import reshape
        return reshape(a, (1,))
    return a


def _real_if_all_real(w, src):
    """NumPy's eigvals of a real matrix gives a real array when no eigenvalue
    has an imaginary part (a complex matrix keeps complex eigenvalues)."""
    if src.dtype.kind != "c" and w.dtype.kind == "c" and bool(_stats.all(_u.equal(_u.imag(w), 0))):
        return asarray(_u.real(w), copy=True)
    return w


# --------------------------------------------------------------------------
# evaluation and roots
# --------------------------------------------------------------------------
def polyval(p, x):
    """Evaluate the polynomial with coefficients p (highest power first) at x
    by Horner's scheme; the result has the shape of x (broadcast with the
    trailing shape of p when p is more than 1-d)."""
    p = asarray(p)
    x = asarray(x)
    y = zeros(tuple(x.shape), dtype=x.dtype)
    if p.ndim == 0:
        raise TypeError("iteration over a 0-d array")
    for k in range(p.shape[0]):
        y = y * x + p[k]
    return y


def roots(p):
    """The roots of the polynomial with coefficients p: eigenvalues of its
    companion matrix, plus one zero per trailing zero coefficient.  Real
    (float64 or the input's float precision) when every root is real,
    complex otherwise."""
    p = _at_least_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = _nonzero(_u.not_equal(p, 0))[0] if p.shape[0] else arange(0)
    if nz.shape[0] == 0:
        return zeros((0,), dtype=_dt("float64"))
    first, last = int(nz[0]), int(nz[nz.shape[0] - 1])
    trailing = p.shape[0] - last - 1
    p = p[first:last + 1]
    if p.dtype.kind not in "fc":
        p = p.astype(_dt("float64"))
    n = p.shape[0]
    if n > 1:
        from arraycore import linalg
        a = zeros((n - 1, n - 1), dtype=p.dtype)
        if n > 2:
            idx = arange(n - 2)
            a[idx + 1, idx] = 1
        a[0, :] = -p[1:] / p[0]
        r = _real_if_all_real(linalg.eigvals(a), a)
    else:
        r = zeros((0,), dtype=_dt("float64"))
    if trailing:
        r = concat([r, zeros((trailing,), dtype=r.dtype)])
    return r


def poly(seq_of_zeros):
    """The coefficients (leading one) of the monic polynomial with the given
    roots; a non-empty square matrix gives its characteristic polynomial.
    Real when the roots come in conjugate pairs; no roots give 1.0."""
    z = _at_least_1d(seq_of_zeros)
    sh = tuple(z.shape)
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        from arraycore import linalg
        z = _real_if_all_real(linalg.eigvals(z), z)
    elif len(sh) == 1:
        # NumPy's mintypecode over 'GDFgdf': float32/complex64/float64/complex128
        # stay, every other type (bool, integers, float16) becomes float64
        if z.dtype not in (_dt("float32"), _dt("float64"), _dt("complex64"),
                           _dt("complex128")):
            z = z.astype(_dt("float64"))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if z.shape[0] == 0:
        return 1.0
    from arraycore._np_math import convolve
    dt = z.dtype
    a = ones((1,), dtype=dt)
    for k in range(z.shape[0]):
        factor = zeros((2,), dtype=dt)
        factor[0] = 1
        factor[1] = -z[k]
        a = convolve(a, factor, mode="full")
    if a.dtype.kind == "c":
        from arraycore._sort import sort
        rz = z.astype(_dt("complex128"))
        if bool(_stats.all(_u.equal(sort(rz), sort(_u.conj(rz))))):
            a = asarray(_u.real(a), copy=True)
    return a


# --------------------------------------------------------------------------
# calculus
# --------------------------------------------------------------------------
def _order(m, what, other):
    m = int(m)
    if m < 0:
        raise ValueError(f"Order of {what} must be positive (see {other})")
    return m


def _len(p):
    if p.ndim == 0:
        raise TypeError("len() of unsized object")
    return p.shape[0]


def polyder(p, m=1):
    """The m-th derivative of the polynomial with coefficients p."""
    m = _order(m, "derivative", "polyint")
    p = asarray(p)
    # after len(p) derivatives p is empty, and one more multiplication fixes
    # its dtype: later ones change nothing (a huge m must not loop m times)
    for _ in range(min(m, _len(p) + 1)):
        n = _len(p) - 1
        p = p[:n] * arange(n, 0, -1) if n > 0 else p[:0] * arange(0)
    return p


def polyint(p, m=1, k=None):
    """The m-th antiderivative of p; k gives the integration constants (one
    scalar for all, or m values, the first for the first integration)."""
    m = _order(m, "integral", "polyder")
    if k is None:
        k = zeros((m,), dtype=_dt("float64"))
    k = _at_least_1d(k)
    if k.shape[0] == 1 and m > 1:
        k = k[0] * ones((m,), dtype=_dt("float64"))
    if k.shape[0] < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    p = asarray(p)
    for i in range(m):
        n = _len(p)
        q = _u.divide(p, arange(n, 0, -1))
        kk = k[i:i + 1]
        if q.ndim != 1:
            raise ValueError("all the input array dimensions except for the concatenation "
                             "axis must match exactly")
        from arraycore._dtype import result_type
        dt = result_type(q.dtype, kk.dtype)
        p = concat([q.astype(dt), kk.astype(dt)])
    return p


# --------------------------------------------------------------------------
# arithmetic
# --------------------------------------------------------------------------
def _padded(a1, a2):
    a1, a2 = _at_least_1d(a1), _at_least_1d(a2)
    if a1.ndim != 1 or a2.ndim != 1:
        # NumPy pads along the first axis and broadcasts; arraycore keeps to
        # 1-d coefficient vectors
        raise ValueError("polynomial coefficients must be 0-d or 1-d arrays")
    d = a2.shape[0] - a1.shape[0]
    if d > 0:
        a1 = concat([zeros((d,), dtype=a1.dtype), a1])
    elif d < 0:
        a2 = concat([zeros((-d,), dtype=a2.dtype), a2])
    return a1, a2


def polyadd(a1, a2):
    """The sum of two polynomials (the shorter one padded with leading zeros)."""
    a1, a2 = _padded(a1, a2)
    return a1 + a2


def polysub(a1, a2):
    """The difference a1 - a2 of two polynomials."""
    a1, a2 = _padded(a1, a2)
    return a1 - a2


def _trim_leading(a):
    a = _at_least_1d(a)
    if a.ndim > 1:
        raise ValueError("Polynomial must be 1d only.")
    nz = _nonzero(_u.not_equal(a, 0))[0]
    if nz.shape[0] == 0:
        return zeros((1,), dtype=a.dtype)
    return a[int(nz[0]):]


def polymul(a1, a2):
    """The product of two polynomials (leading zeros dropped first)."""
    from arraycore._np_math import convolve
    return convolve(_trim_leading(a1), _trim_leading(a2))


def polydiv(u, v):
    """(quotient, remainder) of the polynomial division u / v, in floating
    point; the remainder loses leading coefficients that are zero to 1e-14."""
    u = _at_least_1d(u) + 0.0
    v = _at_least_1d(v) + 0.0
    if u.ndim != 1 or v.ndim != 1:
        raise ValueError("polynomial coefficients must be 0-d or 1-d arrays")
    w = u[0] + v[0]
    m = u.shape[0] - 1
    n = v.shape[0] - 1
    scale = 1. / v[0]
    q = zeros((max(m - n + 1, 1),), dtype=w.dtype)
    r = u.astype(w.dtype)
    for k in range(m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] = r[k:k + n + 1] - d * v
    from arraycore._np_logic import allclose
    while r.shape[0] > 1 and allclose(r[0], 0, rtol=1e-14):
        r = r[1:]
    return q, r


# --------------------------------------------------------------------------
# least-squares fit
# --------------------------------------------------------------------------
def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least-squares fit of a polynomial of degree deg to the points (x, y)
    (y 1-d, or 2-d with one data set per column); coefficients highest power
    first.  full=True also returns (residuals, rank, singular values, rcond);
    cov=True (or "unscaled") also returns the covariance matrix of the
    coefficients.  A rank-deficient fit warns with RankWarning."""
    from arraycore import linalg
    from arraycore._np_create import vander
    order = int(deg) + 1
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        from arraycore._dtype import finfo
        rcond = x.shape[0] * finfo(x.dtype).eps
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        # NumPy scales in place: the weights are cast to the data's type
        _same_kind(w, lhs)
        _same_kind(w, rhs)
        lhs = (lhs * w[:, None]).astype(lhs.dtype, copy=False)
        rhs = (rhs * (w[:, None] if rhs.ndim == 2 else w)).astype(rhs.dtype, copy=False)
    scale = _u.sqrt(_stats.sum(lhs * lhs, axis=0))
    from arraycore._errstate import errstate
    with errstate(divide="ignore", invalid="ignore"):
        lhs = (lhs / scale).astype(lhs.dtype, copy=False)
    if not bool(_stats.all(_u.isfinite(lhs))):
        # a zero column (every x is 0) or overflow: LAPACK's SVD cannot take it
        raise linalg.LinAlgError("SVD did not converge in Linear Least Squares")
    c, resids, rank, s = linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        vbase = linalg.inv(lhs.T @ lhs)
        vbase = vbase / (scale[:, None] * scale[None, :])
        if cov == "unscaled":
            fac = 1
        else:
            if x.shape[0] <= order:
                raise ValueError("the number of data points must exceed order to scale "
                                 "the covariance matrix")
            fac = resids / (x.shape[0] - order)
        if y.ndim == 1:
            return c, vbase * fac
        return c, vbase[:, :, None] * fac
    return c


def _same_kind(w, a):
    if w.dtype.kind == "c" and a.dtype.kind != "c":
        raise TypeError(f"Cannot cast ufunc 'multiply' output from dtype('{w.dtype}') to "
                        f"dtype('{a.dtype}') with casting rule 'same_kind'")
