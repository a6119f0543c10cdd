# arraycore/_stats.pyx -- the Array API's statistical and searching functions
# built on the ufunc engine: sum, prod, min, max, mean, var, std,
# cumulative_sum, cumulative_prod, all, any, count_nonzero, argmax, argmin,
# and the ndarray's method spellings of them (a.sum(), a.std(ddof=1), ...),
# installed in _core's table at import.  Reductions go through ufunc_reduce
# (one home); argmax/argmin and the fused var kernel are plain C
# (src/ac_stats.c).
from libc.math cimport sqrt as c_sqrt
from arraycore._types cimport *
from arraycore._dtype cimport (
    dtype, descr_from_tidx, as_dtype_or_none, native, ACX_BOOL, ACX_INT64,
    ACX_FLOAT16, ACX_FLOAT32, ACX_FLOAT64, ACX_COMPLEX64, ACX_COMPLEX128,
    SAME_KIND_CASTING, UNSAFE_CASTING)
from arraycore._core cimport (
    ndarray, new_array, size_of, shape_tuple, normalize_axis, copy_array,
    setitem_ptr, reshape_array, method_out, core_impl)
from arraycore._convert cimport as_array
from arraycore._ufunc cimport ufunc, ufunc_call, get_ufunc
from arraycore._reduction cimport ufunc_reduce, reduce_axes

cdef extern from "ac_stats.h":
    ctypedef ac_intp (*ac_arg_fn)(const char *p, ac_intp n, ac_intp s) noexcept nogil
    ac_arg_fn ac_argmax_table[]
    ac_arg_fn ac_argmin_table[]
    double ac_sumsqdev_float64(const char *p, ac_intp n, ac_intp s, double mean) nogil
    double ac_sumsqdev_float32(const char *p, ac_intp n, ac_intp s, double mean) nogil
    enum:
        AC_TRUTH_COUNT, AC_TRUTH_ANY, AC_TRUTH_ALL
    int ac_truth_scan(int what, int tidx, int ndim, const ac_intp *shape,
                      const ac_intp *strides, char *data, ac_intp *result) nogil

from arraycore._driver cimport SIGINT_MIN_BYTES, AC_DRIVE_INTERRUPTED
from arraycore._errstate cimport sigint_on, sigint_done
from arraycore._ufunc import _NoValue

cdef ufunc _add = get_ufunc("add")
cdef ufunc _multiply = get_ufunc("multiply")
cdef ufunc _maximum = get_ufunc("maximum")
cdef ufunc _minimum = get_ufunc("minimum")
cdef ufunc _logical_and = get_ufunc("logical_and")
cdef ufunc _logical_or = get_ufunc("logical_or")
cdef ufunc _not_equal = get_ufunc("not_equal")
cdef ufunc _subtract = get_ufunc("subtract")
cdef ufunc _divide = get_ufunc("divide")
cdef ufunc _sqrt = get_ufunc("sqrt")
cdef ufunc _abs = get_ufunc("abs")
cdef object _NV = _NoValue

cdef enum:
    NOGIL_SIZE = 8192


cdef ac_intp _reduced_count(ndarray a, object axis) except -1:
    """How many elements each reduction result combines."""
    cdef ac_intp n = 1
    cdef int i
    cdef char red[AC_MAXDIMS]
    reduce_axes(axis, a.nd, red)        # the reductions' own axis parsing
    for i in range(a.nd):
        if red[i]:
            n *= a.dimensions[i]
    return n


cdef inline bint _flat_ok(ndarray a) noexcept:
    """a's elements are one run with a constant stride (1-d, or contiguous)."""
    return a.nd <= 1 or (a.flags & (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS)) != 0


cdef inline ac_intp _flat_stride(ndarray a) noexcept:
    return a.strides[0] if a.nd == 1 else a.descr.itemsize


cdef inline bint _native_aligned(ndarray a) noexcept:
    return not a.descr.swapped and (a.flags & AC_ARRAY_ALIGNED) != 0


# ----------------------------------------------------------------------------
# reductions
# ----------------------------------------------------------------------------
def sum(x, /, *, axis=None, dtype=None, keepdims=False):
    """Sum of the elements over `axis` (pairwise summation for floats).
    Integers and bool sum in the default integer of their signedness."""
    return ufunc_reduce(_add, as_array(x), axis, as_dtype_or_none(dtype), None, keepdims, _NV, True)


def prod(x, /, *, axis=None, dtype=None, keepdims=False):
    """Product of the elements over `axis`."""
    return ufunc_reduce(_multiply, as_array(x), axis, as_dtype_or_none(dtype), None, keepdims,
                        _NV, True)


def max(x, /, *, axis=None, keepdims=False):
    """Maximum over `axis` (NaN propagates); an empty reduction is a ValueError."""
    return ufunc_reduce(_maximum, as_array(x), axis, None, None, keepdims, _NV, True)


def min(x, /, *, axis=None, keepdims=False):
    """Minimum over `axis` (NaN propagates); an empty reduction is a ValueError."""
    return ufunc_reduce(_minimum, as_array(x), axis, None, None, keepdims, _NV, True)


cdef dtype _float_dtype(ndarray a):
    """The dtype mean/var compute in: floats keep theirs, integers use float64."""
    cdef int t = a.descr.tidx
    if t >= ACX_FLOAT16:
        return native(a.descr)
    return descr_from_tidx(ACX_FLOAT64)


def mean(x, /, *, axis=None, keepdims=False):
    """Arithmetic mean over `axis` (float64 for integer input)."""
    return _mean(as_array(x), axis, keepdims)


cdef object _mean(ndarray a, object axis, bint keepdims):
    cdef dtype d = _float_dtype(a)
    cdef dtype acc = descr_from_tidx(ACX_FLOAT32) if d.tidx == ACX_FLOAT16 else d
    cdef ac_intp n = _reduced_count(a, axis)
    s = ufunc_reduce(_add, a, axis, acc, None, keepdims, _NV, True)
    r = ufunc_call(_divide, (s, n), (s,), True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    if acc is not d:
        r = r.astype(d)
    return r


def var(x, /, *, axis=None, correction=0.0, keepdims=False):
    """Variance over `axis` with `correction` degrees of freedom removed."""
    return _var(as_array(x), axis, correction, keepdims)


def std(x, /, *, axis=None, correction=0.0, keepdims=False):
    """Standard deviation over `axis` with `correction` degrees of freedom removed."""
    return _std(as_array(x), axis, correction, keepdims)


cdef object _std(ndarray a, object axis, object correction, bint keepdims):
    v = _var(a, axis, correction, keepdims)
    return ufunc_call(_sqrt, (v,), (v,), True, SAME_KIND_CASTING, None, AC_KEEPORDER)


cdef object _var(ndarray a, object axis, object correction, bint keepdims):
    cdef dtype d = _float_dtype(a)
    cdef ac_intp n = _reduced_count(a, axis)
    cdef double ddof = correction, mean_, ss, s
    cdef int t = a.descr.tidx
    cdef ac_intp st
    cdef char *p
    cdef ndarray res
    cdef int i
    cdef ac_intp shp[AC_MAXDIMS]
    cdef bint watch
    if axis is None and (t == ACX_FLOAT64 or t == ACX_FLOAT32) and _native_aligned(a) \
            and _flat_ok(a) and n > 0:
        # one fused kernel: pairwise sum, then pairwise sum of squared deviations
        s = float(ufunc_reduce(_add, a, None, descr_from_tidx(ACX_FLOAT64), None, False,
                               _NV, True))
        mean_ = s / n
        p = a.data
        st = _flat_stride(a)
        if n >= NOGIL_SIZE:
            watch = n * 8 >= SIGINT_MIN_BYTES   # the kernel polls Ctrl-C between blocks
            if watch:
                sigint_on()
            with nogil:
                ss = ac_sumsqdev_float64(p, n, st, mean_) if t == ACX_FLOAT64 else \
                    ac_sumsqdev_float32(p, n, st, mean_)
            if watch:
                sigint_done(0)
        else:
            ss = ac_sumsqdev_float64(p, n, st, mean_) if t == ACX_FLOAT64 else \
                ac_sumsqdev_float32(p, n, st, mean_)
        for i in range(a.nd if keepdims else 0):
            shp[i] = 1
        res = new_array(d, a.nd if keepdims else 0, shp, NULL, NULL, 0, None)
        setitem_ptr(d, res.data, ss / (n - ddof) if n - ddof > 0 else float("nan"))
        return res
    if t == ACX_FLOAT16:
        # NumPy's float16 variance: float16 sums (accumulated in float32),
        # each divided by the count in float64 (a count above 65504 is inf
        # in float16: the variance of 70,000 values came out 0), rounded back
        m = _div_in_float64(ufunc_reduce(_add, a, axis, None, None, True, _NV, True), n, d)
    else:
        m = _mean(a, axis, True)
    dev = ufunc_call(_subtract, (a, m), None, True, SAME_KIND_CASTING,
                     d if d.kind != "c" else None, AC_KEEPORDER)
    if d.kind == "c":
        sq = ufunc_call(_abs, (dev,), None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)
        sq = ufunc_call(_multiply, (sq, sq), (sq,), True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    else:
        sq = ufunc_call(_multiply, (dev, dev), (dev,), True, SAME_KIND_CASTING, None,
                        AC_KEEPORDER)
    r = ufunc_reduce(_add, sq, axis, None, None, keepdims, _NV, True)
    denom = n - ddof
    if denom <= 0:
        denom = 0.0
    if t == ACX_FLOAT16:
        return _div_in_float64(r, denom, d)
    return ufunc_call(_divide, (r, denom), (r,), True, SAME_KIND_CASTING, None, AC_KEEPORDER)


cdef object _div_in_float64(object s, object count, dtype d):
    """s / count computed in float64, rounded to d."""
    f = s.astype(descr_from_tidx(ACX_FLOAT64))
    f = ufunc_call(_divide, (f, count), (f,), True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    return f.astype(d)


def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):
    """Cumulative sum along `axis` (required when x has more than one dimension)."""
    return _cumulative(_add, as_array(x), axis, dtype, include_initial, 0)


def cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False):
    """Cumulative product along `axis` (required when x has more than one dimension)."""
    return _cumulative(_multiply, as_array(x), axis, dtype, include_initial, 1)


cdef object _cumulative(ufunc uf, ndarray a, object axis, object dtype_, bint include_initial,
                        object initial):
    if axis is None:
        if a.nd > 1:
            raise ValueError(f"cumulative_{'sum' if uf is _add else 'prod'}: axis must be "
                             "given for arrays with more than one dimension")
        axis = 0
    if a.nd == 0:
        raise ValueError("cumulative functions need an array with at least one dimension")
    ax = normalize_axis(axis, a.nd)
    r = uf.accumulate(a, axis=ax, dtype=dtype_)
    if not include_initial:
        return r
    from arraycore._creation import full
    from arraycore._manip import concat
    shp = list(shape_tuple(a.nd, a.dimensions))
    shp[ax] = 1
    return concat([full(tuple(shp), initial, dtype=r.dtype), r], axis=ax)


def all(x, /, *, axis=None, keepdims=False):
    """Whether every element over `axis` is true (non-zero)."""
    return _truth(_logical_and, as_array(x), axis, keepdims)


def any(x, /, *, axis=None, keepdims=False):
    """Whether any element over `axis` is true (non-zero)."""
    return _truth(_logical_or, as_array(x), axis, keepdims)


cdef bint _whole(ndarray a, object axis) except -1:
    """Whether `axis` reduces over every dimension of a."""
    cdef char red[AC_MAXDIMS]
    cdef int i
    if axis is None:
        return True
    reduce_axes(axis, a.nd, red)
    for i in range(a.nd):
        if not red[i]:
            return False
    return True


cdef object _truth_scan(ndarray a, int what, bint keepdims):
    """count_nonzero / any / all over the whole of a in one pass (C,
    src/ac_stats.c): an int64 count, or a bool."""
    cdef ac_intp result = 0
    cdef ac_intp oshape[AC_MAXDIMS]
    cdef int r, i, t = a.descr.tidx
    cdef bint watch
    cdef ndarray res
    if not (a.flags & AC_ARRAY_ALIGNED) or (a.descr.swapped and a.descr._kind in b"fc"):
        a = copy_array(a, AC_KEEPORDER, native(a.descr))   # float bits need machine order
    watch = size_of(a.nd, a.dimensions) * a.descr.itemsize >= SIGINT_MIN_BYTES
    if watch:
        sigint_on()
        with nogil:
            r = ac_truth_scan(what, t, a.nd, a.dimensions, a.strides, a.data, &result)
        sigint_done(r == AC_DRIVE_INTERRUPTED)
    else:
        r = ac_truth_scan(what, t, a.nd, a.dimensions, a.strides, a.data, &result)
    if r != 0:
        raise RuntimeError(f"truth-value scan failed ({r})")
    for i in range(a.nd):
        oshape[i] = 1
    res = new_array(descr_from_tidx(ACX_INT64 if what == AC_TRUTH_COUNT else ACX_BOOL),
                    a.nd if keepdims else 0, oshape, NULL, NULL, 0, None)
    if what == AC_TRUTH_COUNT:
        (<ac_int64 *>res.data)[0] = result
    else:
        (<ac_bool *>res.data)[0] = result != 0
    return res


cdef object _truth(ufunc uf, ndarray a, object axis, bint keepdims):
    """all (logical_and) or any (logical_or) of a's truth values over axis."""
    if _whole(a, axis):
        return _truth_scan(a, AC_TRUTH_ALL if uf is _logical_and else AC_TRUTH_ANY, keepdims)
    if a.descr.tidx != ACX_BOOL or a.descr.swapped:
        a = ufunc_call(_not_equal, (a, 0), None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    return ufunc_reduce(uf, a, axis, None, None, keepdims, _NV, True)


def count_nonzero(x, /, *, axis=None, keepdims=False):
    """The number of non-zero elements over `axis` (int64)."""
    cdef ndarray a = as_array(x)
    if _whole(a, axis):
        return _truth_scan(a, AC_TRUTH_COUNT, keepdims)
    nz = ufunc_call(_not_equal, (a, 0), None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)
    return ufunc_reduce(_add, nz, axis, descr_from_tidx(ACX_INT64), None, keepdims, _NV, True)


# ----------------------------------------------------------------------------
# searching
# ----------------------------------------------------------------------------
def argmax(x, /, *, axis=None, keepdims=False):
    """Index of the (first) maximum over `axis`; NaN counts as the maximum."""
    return _argext(as_array(x), axis, keepdims, True)


def argmin(x, /, *, axis=None, keepdims=False):
    """Index of the (first) minimum over `axis`; NaN counts as the minimum."""
    return _argext(as_array(x), axis, keepdims, False)


cdef object _argext(ndarray a, object axis, bint keepdims, bint is_max):
    cdef ac_arg_fn fn
    cdef ac_intp n, total, i, k, st, off
    cdef ac_intp oshape[AC_MAXDIMS]
    cdef ac_intp idx[AC_MAXDIMS]
    cdef int nd = a.nd, ax, j, d
    cdef ndarray res
    cdef ac_int64 *out
    cdef str name = "argmax" if is_max else "argmin"
    total = size_of(nd, a.dimensions)
    if not _native_aligned(a):
        a = copy_array(a, AC_KEEPORDER, native(a.descr))
    if is_max:
        fn = ac_argmax_table[a.descr.tidx]
    else:
        fn = ac_argmin_table[a.descr.tidx]
    if axis is None:
        if total == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        if not _flat_ok(a):
            a = copy_array(a, AC_CORDER)
        if a.nd == 1:
            i = fn(a.data, total, a.strides[0])
        elif a.flags & AC_ARRAY_C_CONTIGUOUS:
            i = fn(a.data, total, a.descr.itemsize)
        else:
            a = copy_array(a, AC_CORDER)
            i = fn(a.data, total, a.descr.itemsize)
        for j in range(nd):
            oshape[j] = 1
        res = new_array(descr_from_tidx(ACX_INT64), nd if keepdims else 0, oshape, NULL, NULL,
                        0, None)
        (<ac_int64 *>res.data)[0] = i
        return res
    ax = normalize_axis(axis, nd)
    n = a.dimensions[ax]
    st = a.strides[ax]
    d = 0
    for j in range(nd):
        if j != ax:
            oshape[d] = a.dimensions[j]
            idx[d] = 0
            d += 1
    res = new_array(descr_from_tidx(ACX_INT64), d, oshape, NULL, NULL, 0, None)
    total = size_of(d, oshape)
    if n == 0:
        raise ValueError(f"attempt to get {name} of an empty sequence")
    if total == 0:
        return _keep(res, ax, keepdims)
    out = <ac_int64 *>res.data
    for k in range(total):
        off = 0
        d = 0
        for j in range(nd):
            if j != ax:
                off += idx[d] * a.strides[j]
                d += 1
        out[k] = fn(a.data + off, n, st)
        # advance the C-order counter over the output dims
        j = d - 1
        while j >= 0:
            idx[j] += 1
            if idx[j] < oshape[j]:
                break
            idx[j] = 0
            j -= 1
    return _keep(res, ax, keepdims)


cdef object _keep(ndarray res, int ax, bint keepdims):
    if not keepdims:
        return res
    shp = list(shape_tuple(res.nd, res.dimensions))
    shp.insert(ax, 1)
    return res.reshape(tuple(shp))


# ----------------------------------------------------------------------------
# the ndarray's NumPy-style methods (a.sum(), a.std(ddof=1), ...)
# ----------------------------------------------------------------------------
cdef inline ndarray _as_float_dtype(ndarray a, object dtype):
    """mean/var/std with dtype=: the array cast first."""
    return a if dtype is None else copy_array(a, AC_KEEPORDER, as_dtype_or_none(dtype))


cdef object _m_sum(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(ufunc_reduce(_add, a, axis, as_dtype_or_none(dtype), None, keepdims,
                                   _NV, True), out)


cdef object _m_prod(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(ufunc_reduce(_multiply, a, axis, as_dtype_or_none(dtype), None,
                                   keepdims, _NV, True), out)


cdef object _m_max(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(ufunc_reduce(_maximum, a, axis, None, None, keepdims, _NV, True), out)


cdef object _m_min(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(ufunc_reduce(_minimum, a, axis, None, None, keepdims, _NV, True), out)


cdef object _m_mean(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(_mean(_as_float_dtype(a, dtype), axis, keepdims), out)


cdef object _m_var(ndarray a, object axis, object dtype, object out, object ddof,
                   object keepdims):
    return method_out(_var(_as_float_dtype(a, dtype), axis, ddof, keepdims), out)


cdef object _m_std(ndarray a, object axis, object dtype, object out, object ddof,
                   object keepdims):
    return method_out(_std(_as_float_dtype(a, dtype), axis, ddof, keepdims), out)


cdef object _m_argmax(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(_argext(a, axis, keepdims, True), out)


cdef object _m_argmin(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(_argext(a, axis, keepdims, False), out)


cdef object _m_all(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(_truth(_logical_and, a, axis, keepdims), out)


cdef object _m_any(ndarray a, object axis, object dtype, object out, object keepdims):
    return method_out(_truth(_logical_or, a, axis, keepdims), out)


cdef inline ndarray _flat_if_no_axis(ndarray a, object axis):
    """NumPy's a.cumsum() without axis runs over the flattened array."""
    if a.nd > 1 and axis is None:
        return reshape_array(a, (-1,), "C", None)
    return a


cdef object _m_cumsum(ndarray a, object axis, object dtype, object out):
    return method_out(_cumulative(_add, _flat_if_no_axis(a, axis), axis, dtype, False, 0), out)


cdef object _m_cumprod(ndarray a, object axis, object dtype, object out):
    return method_out(_cumulative(_multiply, _flat_if_no_axis(a, axis), axis, dtype, False, 1),
                      out)


core_impl.sum = _m_sum
core_impl.prod = _m_prod
core_impl.max = _m_max
core_impl.min = _m_min
core_impl.mean = _m_mean
core_impl.var = _m_var
core_impl.std = _m_std
core_impl.argmax = _m_argmax
core_impl.argmin = _m_argmin
core_impl.all = _m_all
core_impl.any = _m_any
core_impl.cumsum = _m_cumsum
core_impl.cumprod = _m_cumprod
