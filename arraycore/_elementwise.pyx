# arraycore/_elementwise.pyx -- element-wise utilities of the Array API built
# on the ufunc engine: where (selection by a condition), clip (bounds, also
# the method a.clip(), installed in _core's table at import) and diff
# (n-th discrete differences).
from arraycore._types cimport *
from arraycore._dtype cimport dtype, native, ACX_BOOL, SAME_KIND_CASTING
from arraycore._core cimport (ndarray, shape_tuple, normalize_axis, copy_array, method_out,
    core_impl)
from arraycore._convert cimport as_array
from arraycore._ufunc cimport ufunc, ufunc_call, get_ufunc, _call_fast
from operator import index as _index

cdef ufunc _maximum = get_ufunc("maximum")
cdef ufunc _minimum = get_ufunc("minimum")
cdef ufunc _not_equal = get_ufunc("not_equal")
cdef ufunc _subtract = get_ufunc("subtract")
cdef ufunc _where_uf = get_ufunc("_where")


def where(condition, x1, x2, /):
    """Elements of x1 where condition is true, else of x2 (broadcast together;
    Python scalars take part weakly)."""
    cdef ndarray c = as_array(condition)
    if c.descr.tidx != ACX_BOOL:
        c = ufunc_call(_not_equal, (c, 0), None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    r = _call_fast(_where_uf, (c, x1, x2))
    if r is not None:
        return r
    return ufunc_call(_where_uf, (c, x1, x2), None, True, SAME_KIND_CASTING, None,
                      AC_KEEPORDER)


def clip(x, /, min=None, max=None):
    """x with values below `min` set to min and above `max` set to max (the
    result keeps x's dtype; NaN stays NaN)."""
    return _clip(as_array(x), min, max)


cdef object _clip(ndarray a, object min, object max):
    r = a
    if min is not None:
        r = ufunc_call(_maximum, (r, min), None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    if max is not None:
        r = ufunc_call(_minimum, (r, max), None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    if r is a:
        return copy_array(a, AC_KEEPORDER)
    if (<ndarray>r).descr is not a.descr:
        r = copy_array(r, AC_KEEPORDER, native(a.descr))
    return r


def diff(x, /, *, axis=-1, n=1, prepend=None, append=None):
    """The n-th discrete difference along `axis` (bool: not_equal)."""
    cdef ndarray a = as_array(x)
    if a.nd == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    n = _index(n)
    if n < 0:
        raise ValueError(f"order must be non-negative but got {n}")
    ax = normalize_axis(axis, a.nd)
    if n == 0:
        return a
    if prepend is not None or append is not None:
        from arraycore._manip import concat
        seq = [a]
        if prepend is not None:
            seq.insert(0, _edge(prepend, a, ax))
        if append is not None:
            seq.append(_edge(append, a, ax))
        a = concat(seq, axis=ax)
    op = _not_equal if a.descr.tidx == ACX_BOOL else _subtract
    pre = (slice(None),) * ax
    # each difference shortens the axis by one and keeps the dtype: past its
    # length nothing changes, so a huge n costs no more than len + 1 steps
    for _ in range(min(n, a.dimensions[ax] + 1)):
        a = ufunc_call(op, (a[pre + (slice(1, None),)], a[pre + (slice(None, -1),)]), None,
                       True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    return a


cdef ndarray _edge(object extra, ndarray a, int ax):
    """prepend/append values: scalars broadcast to a's shape with length 1 on axis."""
    cdef ndarray e = as_array(extra)
    if e.nd == 0:
        from arraycore._manip import broadcast_to
        shp = list(shape_tuple(a.nd, a.dimensions))
        shp[ax] = 1
        e = broadcast_to(e, tuple(shp))
    return e


cdef object _m_clip(ndarray a, object lo, object hi, object out):
    return method_out(_clip(a, lo, hi), out)


core_impl.clip = _m_clip
