"""NumPy-named logic and comparison functions beside the Array API namespace:
allclose, isclose, array_equal, array_equiv, isreal, iscomplex, isrealobj,
iscomplexobj, isposinf, isneginf, isscalar.

Pure Python over the ufuncs; allclose reduces block by block so a large
comparison never materializes a full-size boolean temporary.
"""
import numbers

from arraycore._convert import asarray
from arraycore._core import ndarray
from arraycore._manip import broadcast_arrays
from arraycore import _ufunc as _u
from arraycore import _stats

__all__ = ["allclose", "isclose", "array_equal", "array_equiv", "isreal", "iscomplex",
           "isrealobj", "iscomplexobj", "isposinf", "isneginf", "isscalar"]


def _inexact(x):
    return x.dtype.kind in "fc"


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Element-wise |a - b| <= atol + rtol * |b| (infinities equal only to themselves)."""
    from arraycore._dtype import result_type
    x = a if type(a) in (int, float, complex) else asarray(a)
    y = b if type(b) in (int, float, complex) else asarray(b)
    if isinstance(y, ndarray):
        y = y.astype(result_type(y, 1.0), copy=False)
    elif isinstance(y, int):
        y = float(y)
    y = asarray(y) if not isinstance(y, ndarray) else y
    with _errstate_ignore():
        close = _u.less_equal(_u.abs(_u.subtract(x, y)), atol + rtol * _u.abs(y))
        res = _u.logical_or(_u.logical_and(close, _u.isfinite(y)), _u.equal(x, y))
        if equal_nan:
            res = _u.logical_or(res, _u.logical_and(_u.isnan(x), _u.isnan(y)))
    return res


def _errstate_ignore():
    from arraycore._errstate import errstate
    return errstate(all="ignore")


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Whether all elements of a and b are close (isclose), as a Python bool."""
    a = asarray(a)
    b = asarray(b)
    a, b = broadcast_arrays(a, b)
    n = a.size
    if n == 0:
        return True
    block = 1 << 16
    if a.ndim != 1 or n <= block:
        if a.ndim != 1:
            if n <= block:
                return bool(_stats.all(isclose(a, b, rtol, atol, equal_nan)))
            a = a.ravel()
            b = b.ravel()
    for s in range(0, n, block):
        if not bool(_stats.all(isclose(a[s:s + block], b[s:s + block], rtol, atol,
                                       equal_nan))):
            return False
    return True


def array_equal(a1, a2, equal_nan=False):
    """True when both arrays have the same shape and elements."""
    try:
        a1 = asarray(a1)
        a2 = asarray(a2)
    except Exception:
        return False
    if tuple(a1.shape) != tuple(a2.shape):
        return False
    eq = _u.equal(a1, a2)
    if equal_nan and (_inexact(a1) or _inexact(a2)):
        eq = _u.logical_or(eq, _u.logical_and(_u.isnan(a1), _u.isnan(a2)))
    return bool(_stats.all(eq))


def array_equiv(a1, a2):
    """True when the arrays broadcast together and are equal element-wise."""
    try:
        a1 = asarray(a1)
        a2 = asarray(a2)
        a1, a2 = broadcast_arrays(a1, a2)
    except Exception:
        return False
    return bool(_stats.all(_u.equal(a1, a2)))


def isreal(x):
    """Element-wise: the imaginary part is zero (True for every real dtype)."""
    x = asarray(x)
    if x.dtype.kind == "c":
        return _u.equal(_u.imag(x), 0)
    return _u.equal(_u.imag(x), 0) if x.dtype.kind in "biuf" else _ones_bool(x)


def _ones_bool(x):
    from arraycore._creation import ones
    from arraycore import bool as _bool
    return ones(tuple(x.shape), dtype=_bool)


def iscomplex(x):
    """Element-wise: the imaginary part is non-zero (False for every real dtype)."""
    x = asarray(x)
    if x.dtype.kind == "c":
        return _u.not_equal(_u.imag(x), 0)
    from arraycore._creation import zeros
    from arraycore import bool as _bool
    return zeros(tuple(x.shape), dtype=_bool)


def iscomplexobj(x):
    """Whether x has a complex dtype (or is a complex value)."""
    dt = getattr(x, "dtype", None)
    if dt is not None:
        try:
            return dt.kind == "c"
        except AttributeError:
            pass
    return asarray(x).dtype.kind == "c"


def isrealobj(x):
    """Whether x does not have a complex dtype."""
    return not iscomplexobj(x)


def isposinf(x, out=None):
    """Element-wise: x is positive infinity."""
    x = asarray(x)
    if x.dtype.kind == "c":
        raise TypeError("This operation is not supported for complex values because it "
                        "would be ambiguous.")
    res = _u.logical_and(_u.isinf(x), _u.logical_not(_signbit(x)))
    return _out(res, out)


def isneginf(x, out=None):
    """Element-wise: x is negative infinity."""
    x = asarray(x)
    if x.dtype.kind == "c":
        raise TypeError("This operation is not supported for complex values because it "
                        "would be ambiguous.")
    res = _u.logical_and(_u.isinf(x), _signbit(x))
    return _out(res, out)


def _signbit(x):
    if x.dtype.kind in "fc":
        return _u.signbit(x)
    return _u.less(x, 0)


def _out(res, out):
    if out is None:
        return res
    out[...] = res
    return out


def isscalar(element):
    """Whether element is a scalar: a Python number, str, bytes (not a 0-d array)."""
    if isinstance(element, ndarray):
        return False
    if isinstance(element, (numbers.Number, str, bytes, bool)):
        return True
    # NumPy's scalar types count as scalars
    mod = type(element).__module__
    return mod == "numpy" and hasattr(element, "dtype") and not hasattr(element, "shape") \
        or (mod == "numpy" and getattr(element, "ndim", 1) == 0
            and type(element).__name__ != "ndarray")
