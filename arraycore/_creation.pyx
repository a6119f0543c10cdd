# arraycore/_creation.pyx -- array creation functions of the Array API
# standard: empty, zeros, ones, full, arange, linspace, eye, tril, triu,
# meshgrid and the *_like forms.
from libc.math cimport ceil, INFINITY
cdef extern from "Python.h":
    Py_ssize_t PY_SSIZE_T_MAX
    long long PyLong_AsLongLongAndOverflow(object, int *) except? -1
from operator import index as _index
from arraycore._types cimport *
from arraycore._dtype cimport dtype as Descr
from arraycore._dtype cimport (as_dtype, as_dtype_or_none, descr_from_tidx,
    dtype_for_pyscalar, default_float, ACX_FLOAT64, ACX_INT64, ACX_COMPLEX128)
from arraycore._core cimport (ndarray, new_array, new_from_shape, empty_like_array,
    fill_array, copy_array, make_view, parse_order, setitem_ptr)
from arraycore._convert cimport _asarray, as_array


cdef inline int _check_device(object device) except -1:
    if device is not None and device != "cpu":
        raise ValueError(f"unsupported device {device!r}: arraycore only has 'cpu'")
    return 0


cdef object _ORDER_C = "C"
cdef object _ORDER_F = "F"


cdef inline bint _is_fortran(object order) except -1:
    """order == "F", with the usual spellings (the same interned strings) by identity"""
    if order is _ORDER_C:
        return False
    if order is _ORDER_F:
        return True
    return order == "F"


cdef inline Descr _dt(object dtype, int default_tidx):
    if dtype is None:
        return descr_from_tidx(default_tidx)
    return as_dtype(dtype)


def empty(shape, *, dtype=None, device=None, order="C"):
    """A new array of the given shape with uninitialized contents."""
    _check_device(device)
    return new_from_shape(_dt(dtype, ACX_FLOAT64), shape, False, _is_fortran(order))


def zeros(shape, *, dtype=None, device=None, order="C"):
    """A new array of the given shape filled with zeros."""
    _check_device(device)
    return new_from_shape(_dt(dtype, ACX_FLOAT64), shape, True, _is_fortran(order))


def ones(shape, *, dtype=None, device=None, order="C"):
    """A new array of the given shape filled with ones."""
    _check_device(device)
    cdef ndarray a = new_from_shape(_dt(dtype, ACX_FLOAT64), shape, False, _is_fortran(order))
    fill_array(a, 1)
    return a


cdef Descr _fill_dtype(object fill_value, object dtype):
    cdef Descr d
    if dtype is not None:
        return as_dtype(dtype)
    if isinstance(fill_value, ndarray):
        return (<ndarray>fill_value).descr
    d = dtype_for_pyscalar(fill_value)
    if d is None:
        return _asarray(fill_value, None, None).descr
    if d.tidx == ACX_INT64 and not isinstance(fill_value, bool) and not (
            -9223372036854775808 <= fill_value <= 9223372036854775807):
        return _asarray(fill_value, None, None).descr
    return d


def full(shape, fill_value, *, dtype=None, device=None, order="C"):
    """A new array of the given shape filled with fill_value."""
    _check_device(device)
    cdef ndarray a = new_from_shape(_fill_dtype(fill_value, dtype), shape, False, _is_fortran(order))
    fill_array(a, fill_value)
    return a


cdef ndarray _like(object x, object dtype, object device):
    _check_device(device)
    if not isinstance(x, ndarray):
        x = _asarray(x, None, None)
    return empty_like_array(<ndarray>x, as_dtype_or_none(dtype), AC_KEEPORDER)


def empty_like(x, /, *, dtype=None, device=None):
    """A new uninitialized array with the shape (and by default dtype) of x."""
    return _like(x, dtype, device)


def zeros_like(x, /, *, dtype=None, device=None):
    """A new array of zeros with the shape (and by default dtype) of x."""
    cdef ndarray a = _like(x, dtype, device)
    fill_array(a, 0)
    return a


def ones_like(x, /, *, dtype=None, device=None):
    """A new array of ones with the shape (and by default dtype) of x."""
    cdef ndarray a = _like(x, dtype, device)
    fill_array(a, 1)
    return a


def full_like(x, /, fill_value, *, dtype=None, device=None):
    """A new array with the shape (and by default dtype) of x filled with fill_value."""
    cdef ndarray a = _like(x, dtype, device)
    fill_array(a, fill_value)
    return a


def arange(start, /, stop=None, step=1, *, dtype=None, device=None):
    """Evenly spaced values within the half-open interval [start, stop)."""
    cdef Descr d
    cdef ac_intp n, i
    cdef ndarray a
    cdef double fstart, fstep
    cdef long long i0 = 0, i1, i2
    cdef int ov0 = 0, ov1 = 0, ov2 = 0
    if (type(start) is int and type(step) is int and (stop is None or type(stop) is int)
            and dtype is None and device is None):
        # the common arange(n) / arange(a, b[, s]) of Python ints, in C
        # arithmetic (bounds below 2**62: nothing overflows); else the general
        # path below
        if stop is None:
            i1 = PyLong_AsLongLongAndOverflow(start, &ov1)
        else:
            i0 = PyLong_AsLongLongAndOverflow(start, &ov0)
            i1 = PyLong_AsLongLongAndOverflow(stop, &ov1)
        i2 = PyLong_AsLongLongAndOverflow(step, &ov2)
        if (not (ov0 or ov1 or ov2) and i2 != 0 and -2**62 < i0 < 2**62
                and -2**62 < i1 < 2**62 and -2**62 < i2 < 2**62):
            if i2 > 0:
                n = (i1 - i0 + i2 - 1) // i2 if i1 > i0 else 0
            else:
                n = (i0 - i1 - i2 - 1) // (-i2) if i0 > i1 else 0
            a = new_array(descr_from_tidx(ACX_INT64), 1, &n, NULL, NULL, 0, None)
            _fill_int64(<long long *>a.data, i0, i2, n)
            return a
    _check_device(device)
    if stop is None:
        start, stop = 0, start
    # 0-d arrays stand for their Python scalars
    start, stop, step = [v.item() if isinstance(v, ndarray) and (<ndarray>v).nd == 0 else v
                         for v in (start, stop, step)]
    for v in (start, stop, step):
        if isinstance(v, complex):
            raise TypeError("arange() does not accept complex arguments")
    if step == 0:
        raise ValueError("arange(): step must not be zero")
    all_int = all(isinstance(v, int) or hasattr(v, "__index__") and not hasattr(v, "__float__")
                  for v in (start, stop, step))
    if all_int:
        start, stop, step = int(start), int(stop), int(step)
        length = max(0, -((start - stop) // step))
    else:
        flen = (float(stop) - float(start)) / float(step)
        if flen != flen:
            raise ValueError("arange: cannot compute length (a bound or the step is nan)")
        # inf and lengths beyond the index type are caught below (no C cast of them)
        length = max(0, ceil(flen)) if flen != INFINITY else flen
    if length > PY_SSIZE_T_MAX:
        raise ValueError(f"arange: maximum allowed size exceeded (length {length})")
    n = int(length)
    if dtype is None:
        d = descr_from_tidx(ACX_INT64 if all_int else ACX_FLOAT64)
    else:
        d = as_dtype(dtype)
    a = new_array(d, 1, &n, NULL, NULL, 0, None)
    if n == 0:
        return a
    if all_int and d.kind in "iu":
        if d.tidx == ACX_INT64 and not d.swapped and -2**62 < start < 2**62 and -2**62 < step < 2**62 \
                and -2**62 < start + step * n < 2**62:
            _fill_int64(<long long *>a.data, start, step, n)
        else:
            for i in range(n):
                setitem_ptr(d, a.data + i * a.strides[0], start + i * step)
        return a
    if d.tidx == ACX_FLOAT64 and not d.swapped:
        fstart = float(start)
        fstep = float(step)
        for i in range(n):
            (<double *>a.data)[i] = fstart + i * fstep
        return a
    # other dtypes: computed in float64, then cast
    tmp = arange(start, stop, step, dtype="float64")
    return copy_array(tmp, AC_CORDER, d)


cdef void _fill_int64(long long *p, long long start, long long step, ac_intp n) noexcept:
    cdef ac_intp i
    for i in range(n):
        p[i] = start + i * step


def linspace(start, stop, /, num, *, dtype=None, device=None, endpoint=True):
    """num evenly spaced samples over [start, stop] (or [start, stop) without endpoint)."""
    cdef ac_intp n, i
    cdef ndarray a
    cdef double fs, fstep
    _check_device(device)
    if not isinstance(num, int) and not hasattr(num, "__index__"):
        raise TypeError("linspace(): num must be an integer")
    n = num
    if n < 0:
        raise ValueError(f"linspace(): number of samples, {n}, must be non-negative")
    is_complex = isinstance(start, complex) or isinstance(stop, complex)
    d = as_dtype(dtype) if dtype is not None else descr_from_tidx(ACX_COMPLEX128 if is_complex else ACX_FLOAT64)
    if d.kind in "c" or is_complex:
        work = descr_from_tidx(ACX_COMPLEX128)
    else:
        work = descr_from_tidx(ACX_FLOAT64)
    a = new_array(work, 1, &n, NULL, NULL, 0, None)
    div = (n - 1) if endpoint else n
    if is_complex or work.kind == "c":
        cs, ce = complex(start), complex(stop)
        step = (ce - cs) / div if div > 0 else 0
        for i in range(n):
            setitem_ptr(work, a.data + i * a.strides[0], cs + i * step if div > 0 else cs)
        if endpoint and n > 1:
            setitem_ptr(work, a.data + (n - 1) * a.strides[0], ce)
    else:
        fs = float(start)
        fstep = (float(stop) - fs) / div if div > 0 else 0.0
        for i in range(n):
            (<double *>a.data)[i] = fs + i * fstep
        if endpoint and n > 1:
            (<double *>a.data)[n - 1] = float(stop)
    if d is not work:
        return copy_array(a, AC_CORDER, d)
    return a


def eye(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None):
    """A 2-d array with ones on the k-th diagonal and zeros elsewhere."""
    cdef ac_intp shape[2]
    cdef ac_intp i, j
    cdef ndarray a
    _check_device(device)
    shape[0] = n_rows
    shape[1] = n_rows if n_cols is None else n_cols
    a = new_array(_dt(dtype, ACX_FLOAT64), 2, shape, NULL, NULL, 0, None, True)
    for i in range(shape[0]):
        j = i + k
        if 0 <= j < shape[1]:
            setitem_ptr(a.descr, a.data + i * a.strides[0] + j * a.strides[1], 1)
    return a


cdef ndarray _tri(object x, object kobj, bint lower):
    cdef ndarray a
    cdef ac_intp i, nrows, ncols, lo, hi, k
    if not isinstance(x, ndarray):
        x = _asarray(x, None, None)
    if (<ndarray>x).nd < 2:
        raise ValueError("tril/triu need an array of at least 2 dimensions")
    a = copy_array(<ndarray>x, AC_CORDER)
    nrows = a.dimensions[a.nd - 2]
    ncols = a.dimensions[a.nd - 1]
    # any k beyond +-(nrows + ncols) selects as much as that bound: clamp it
    # (as a Python int) so that i + k cannot overflow below
    kobj = _index(kobj)
    k = max(-(nrows + ncols + 1), min(nrows + ncols + 1, kobj))
    for i in range(nrows):
        if lower:
            lo = max(0, min(ncols, i + k + 1))   # zero columns j > i + k
            if lo < ncols:
                a[..., i, lo:] = 0
        else:
            hi = max(0, min(ncols, i + k))       # zero columns j < i + k
            if hi > 0:
                a[..., i, :hi] = 0
    return a


def tril(x, /, *, k=0):
    """The lower triangle (on and below the k-th diagonal) of the last two axes of x."""
    return _tri(x, k, True)


def triu(x, /, *, k=0):
    """The upper triangle (on and above the k-th diagonal) of the last two axes of x."""
    return _tri(x, k, False)


def meshgrid(*arrays, indexing="xy"):
    """Coordinate matrices from 1-d coordinate vectors (indexing 'xy' or 'ij')."""
    from arraycore._manip import broadcast_to
    if indexing not in ("xy", "ij"):
        raise ValueError("meshgrid(): indexing must be 'xy' or 'ij'")
    arrs = [as_array(a) for a in arrays]
    for a in arrs:
        if (<ndarray>a).nd != 1:
            raise ValueError("meshgrid() takes 1-d arrays")
    if len(arrs) > 1:
        dt = arrs[0].dtype
        for a in arrs[1:]:
            if a.dtype != dt:
                raise ValueError("meshgrid(): all arrays must have the same dtype")
    n = len(arrs)
    shape = [len(a) for a in arrs]
    if indexing == "xy" and n > 1:
        shape[0], shape[1] = shape[1], shape[0]
    out = []
    for i, a in enumerate(arrs):
        s = [1] * n
        ax = i
        if indexing == "xy" and n > 1 and i < 2:
            ax = 1 - i
        s[ax] = len(a)
        v = a.reshape(tuple(s))
        out.append(copy_array(broadcast_to(v, tuple(shape)), AC_CORDER))
    return tuple(out)
