# arraycore/_sort.pyx -- sorting, searching and set functions of the Array API
# standard: sort, argsort, searchsorted, nonzero, isin and the unique_*
# family.  The kernels are plain C (src/ac_sort.c) and run without the GIL;
# this module checks arguments, lays data out for them and builds results.
from collections import namedtuple

from arraycore._types cimport *
from arraycore._dtype cimport dtype as Descr
from arraycore._dtype cimport (native, promote, result_type_weak, descr_from_tidx,
    ACX_INT64, ACX_UINT64, ACX_BOOL)
from arraycore._core cimport (ndarray, new_array, copy_array, normalize_axis,
    reshape_array, size_of)
from arraycore._convert cimport _asarray
from arraycore._driver cimport AC_DRIVE_INTERRUPTED
from arraycore._errstate cimport sigint_on, sigint_done

cdef extern from "ac_sort.h" nogil:
    enum:
        AC_SORT_DESCENDING
    ctypedef struct ac_unique_state:
        ac_intp nuniq
    int ac_sort_copy_lane(int tidx, const char *src, char *dst, ac_intp n, int flags)
    int ac_sort_lanes(int tidx, int nouter, const ac_intp *oshape,
                      char *data, const ac_intp *ostrides,
                      ac_intp n, ac_intp stride, int flags)
    int ac_argsort_lanes(int tidx, int nouter, const ac_intp *oshape,
                         const char *src, ac_intp sstride, char *dst, ac_intp dstride,
                         const ac_intp *ostrides, ac_intp n, int flags)
    int ac_searchsorted(int tidx, const char *x1, ac_intp n1, const ac_int64 *sorter,
                        const char *x2, ac_intp n2, ac_int64 *out, int right)
    int ac_isin(int tidx, const char *x1, ac_intp n1, const char *x2, ac_intp n2,
                ac_bool *out, int invert)
    int ac_unique_prepare(ac_unique_state *st, int tidx, const char *x, ac_intp n)
    void ac_unique_fill(const ac_unique_state *st, const char *x, char *values,
                        ac_int64 *indices, ac_int64 *inverse, ac_int64 *counts)
    void ac_unique_free(ac_unique_state *st)
    ac_intp ac_nonzero_count(int tidx, const char *x, ac_intp n)
    void ac_nonzero_indices(int tidx, const char *x, int nd, const ac_intp *shape,
                            ac_int64 **outs)


cdef enum:
    SIGINT_SIZE = 65536         # sorts this large watch for Ctrl-C (two syscalls)


UniqueAllResult = namedtuple("UniqueAllResult",
                             ["values", "indices", "inverse_indices", "counts"])
UniqueCountsResult = namedtuple("UniqueCountsResult", ["values", "counts"])
UniqueInverseResult = namedtuple("UniqueInverseResult", ["values", "inverse_indices"])


from arraycore._convert cimport as_array as _arr    # the one convert-to-array helper


cdef inline Descr _index_dtype():
    return descr_from_tidx(ACX_INT64)


cdef inline bint _is_native_aligned(ndarray a):
    return (a.flags & AC_ARRAY_ALIGNED) and not a.descr.swapped


cdef ndarray _contiguous(ndarray a, Descr dt):
    """a as a C-contiguous, aligned, native array of dtype dt (a itself when it is one)."""
    if (a.flags & AC_ARRAY_C_CONTIGUOUS) and (a.flags & AC_ARRAY_ALIGNED) \
            and not a.descr.swapped and a.descr.tidx == dt.tidx:
        return a
    return copy_array(a, AC_CORDER, dt)


cdef int _lane_layout(ndarray a, int ax, ac_intp *oshape, ac_intp *ostrides) noexcept:
    """The grid of lanes along axis ax: shape and strides of the other axes
    (ostrides: one operand's row of the loop driver's stride layout)."""
    cdef int d, j = 0
    for d in range(a.nd):
        if d != ax:
            oshape[j] = a.dimensions[d]
            ostrides[j] = a.strides[d]
            j += 1
    return j


cdef bint _is_py_scalar(object x):
    return isinstance(x, (bool, int, float, complex))


cdef tuple _with_scalar(ndarray a, object value):
    """(dtype, 0-d array) for combining array a with a Python scalar (NEP 50).
    A Python int outside the range of a's integer dtype still compares by
    value: it is taken in int64 (or uint64) and promoted with a's dtype."""
    cdef Descr dt = result_type_weak(a.descr, value)
    try:
        return dt, _asarray(value, dt, None)
    except OverflowError:
        if not isinstance(value, int) or isinstance(value, bool):
            raise
    cdef Descr wide = descr_from_tidx(ACX_INT64 if value < 0 or value < 2**63 else ACX_UINT64)
    return promote(a.descr, wide), _asarray(value, wide, None)


# ------------------------------------------------------------------ sorting

def sort(x, /, *, axis=-1, descending=False, stable=True):
    """A sorted copy of x along `axis` (NaNs last; descending: the reverse
    order, NaNs first, equal elements keeping their relative order).  The sort
    is always stable (a stable sort also satisfies stable=False)."""
    cdef ndarray a = _arr(x)
    cdef int ax = normalize_axis(axis, a.nd)
    cdef ndarray res
    cdef int rc
    cdef int flags = AC_SORT_DESCENDING if descending else 0
    if a.nd == 1 and _is_native_aligned(a) and a.strides[0] == a.descr.itemsize:
        # one contiguous lane: the sort keys are made while copying (a pass less)
        res = new_array(a.descr, 1, a.dimensions, NULL, NULL, 0, None)
        with nogil:
            rc = ac_sort_copy_lane(a.descr.tidx, a.data, res.data, a.dimensions[0], flags)
        if rc < 0:
            raise MemoryError("sort(): out of memory")
        if rc == 1:
            return res
    res = copy_array(a, AC_CORDER, native(a.descr))
    cdef ac_intp oshape[AC_MAXDIMS]
    cdef ac_intp ostrides[AC_MAXDIMS]
    cdef int nouter = _lane_layout(res, ax, oshape, ostrides)
    cdef int tidx = res.descr.tidx
    cdef ac_intp n = res.dimensions[ax], stride = res.strides[ax]
    cdef bint big = size_of(res.nd, res.dimensions) >= SIGINT_SIZE
    if big:
        sigint_on()
    with nogil:
        rc = ac_sort_lanes(tidx, nouter, oshape, res.data, ostrides, n, stride, flags)
    if big:
        sigint_done(rc == AC_DRIVE_INTERRUPTED)
    if rc < 0:
        raise MemoryError("sort(): out of memory")
    return res


def argsort(x, /, *, axis=-1, descending=False, stable=True):
    """The indices (int64) that sort x along `axis`; stable: equal elements
    keep their order, also when descending."""
    cdef ndarray a = _arr(x)
    cdef int ax = normalize_axis(axis, a.nd)
    cdef ndarray res
    if a.dimensions[ax] == 1:                   # nothing to order: all zeros
        return new_array(_index_dtype(), a.nd, a.dimensions, NULL, NULL, 0, None, True)
    cdef ndarray src = a if _is_native_aligned(a) else copy_array(a, AC_CORDER, native(a.descr))
    res = new_array(_index_dtype(), a.nd, a.dimensions, NULL, NULL, 0, None)
    cdef ac_intp oshape[AC_MAXDIMS]
    cdef ac_intp ostrides[2 * AC_MAXDIMS]       # src's row, then res's
    cdef int nouter = _lane_layout(src, ax, oshape, ostrides)
    _lane_layout(res, ax, oshape, ostrides + AC_MAXDIMS)
    cdef int tidx = src.descr.tidx, rc
    cdef int flags = AC_SORT_DESCENDING if descending else 0
    cdef ac_intp n = a.dimensions[ax]
    cdef ac_intp sstride = src.strides[ax], dstride = res.strides[ax]
    cdef bint big = size_of(res.nd, res.dimensions) >= SIGINT_SIZE
    if big:
        sigint_on()
    with nogil:
        rc = ac_argsort_lanes(tidx, nouter, oshape, src.data, sstride, res.data, dstride,
                              ostrides, n, flags)
    if big:
        sigint_done(rc == AC_DRIVE_INTERRUPTED)
    if rc < 0:
        raise MemoryError("argsort(): out of memory")
    return res


# ------------------------------------------------------------------ searching

def searchsorted(x1, x2, /, *, side="left", sorter=None):
    """Indices (int64, shape of x2) where the elements of x2 would be inserted
    into the ascending 1-d x1 (or x1[sorter]) to keep it sorted."""
    cdef ndarray a1 = _arr(x1)
    cdef ndarray a2, srt = None, s1, s2, res
    cdef Descr dt
    cdef int right, rc
    cdef ac_intp n1, n2, i
    cdef const ac_int64 *sp = NULL
    if a1.nd != 1:
        raise ValueError(f"searchsorted(): x1 must be one-dimensional, not {a1.nd}-d")
    if not isinstance(side, str) or side not in ("left", "right"):
        raise ValueError(f"searchsorted(): side must be 'left' or 'right', not {side!r}")
    right = side == "right"
    if _is_py_scalar(x2):
        dt, a2 = _with_scalar(a1, x2)
    else:
        a2 = _arr(x2)
        dt = promote(a1.descr, a2.descr)
    dt = native(dt)
    n1 = a1.dimensions[0]
    if sorter is not None:
        srt = _arr(sorter)
        if srt.descr.kind not in "iu":
            raise TypeError(f"searchsorted(): sorter must have an integer dtype, not {srt.descr}")
        if srt.nd != 1 or srt.dimensions[0] != n1:
            raise ValueError(f"searchsorted(): sorter must have the shape of x1 ({n1},), "
                             f"not {srt.shape}")
        srt = _contiguous(srt, _index_dtype())
        sp = <const ac_int64 *>srt.data
        for i in range(n1):
            if sp[i] < 0 or sp[i] >= n1:
                raise ValueError(f"searchsorted(): sorter index {sp[i]} is out of range "
                                 f"for x1 of size {n1}")
    s1 = _contiguous(a1, dt)
    s2 = _contiguous(a2, dt)
    n2 = size_of(s2.nd, s2.dimensions)
    res = new_array(_index_dtype(), a2.nd, a2.dimensions, NULL, NULL, 0, None)
    with nogil:
        rc = ac_searchsorted(dt.tidx, s1.data, n1, sp, s2.data, n2,
                             <ac_int64 *>res.data, right)
    if rc < 0:
        raise MemoryError("searchsorted(): out of memory")
    return res


def nonzero(x, /):
    """A tuple of int64 arrays, one per axis, with the indices of the non-zero
    elements of x in C order.  0-d input is an error."""
    cdef ndarray a = _arr(x)
    cdef ndarray c, r
    cdef ac_intp cnt, total
    cdef ac_int64 *outs[AC_MAXDIMS]
    cdef int d, nd = a.nd, tidx
    if a.nd == 0:
        raise ValueError("nonzero() of a 0-d array is not defined; "
                         "use expand_dims or reshape to make it 1-d")
    c = _contiguous(a, native(a.descr))
    tidx = c.descr.tidx
    total = size_of(c.nd, c.dimensions)
    with nogil:
        cnt = ac_nonzero_count(tidx, c.data, total)
    results = []
    for d in range(nd):
        r = new_array(_index_dtype(), 1, &cnt, NULL, NULL, 0, None)
        outs[d] = <ac_int64 *>r.data
        results.append(r)
    with nogil:
        ac_nonzero_indices(tidx, c.data, nd, c.dimensions, outs)
    return tuple(results)


# ------------------------------------------------------------------ sets

def isin(x1, x2, /, *, invert=False):
    """For each element of x1, whether it equals some element of x2 (not, when
    invert).  NaN equals nothing; -0.0 equals 0.0.  The result has x1's shape
    (0-d when x1 is a Python scalar)."""
    cdef ndarray a1, a2, s1, s2, res
    cdef Descr dt
    cdef ac_intp n1, n2
    cdef int rc
    cdef bint inv = bool(invert)
    cdef bint sc1 = _is_py_scalar(x1), sc2 = _is_py_scalar(x2)
    if sc1 and sc2:
        raise TypeError("isin(): at least one of x1 and x2 must be an array")
    if sc1:
        a2 = _arr(x2)
        dt, a1 = _with_scalar(a2, x1)
    elif sc2:
        a1 = _arr(x1)
        dt, a2 = _with_scalar(a1, x2)
    else:
        a1 = _arr(x1)
        a2 = _arr(x2)
        dt = promote(a1.descr, a2.descr)
    dt = native(dt)
    s1 = _contiguous(a1, dt)
    s2 = _contiguous(a2, dt)
    n1 = size_of(s1.nd, s1.dimensions)
    n2 = size_of(s2.nd, s2.dimensions)
    res = new_array(descr_from_tidx(ACX_BOOL), a1.nd, a1.dimensions, NULL, NULL, 0, None)
    with nogil:
        rc = ac_isin(dt.tidx, s1.data, n1, s2.data, n2, <ac_bool *>res.data, inv)
    if rc < 0:
        raise MemoryError("isin(): out of memory")
    return res


cdef tuple _unique(object x, bint want_indices, bint want_inverse, bint want_counts):
    """(values, indices, inverse, counts) of the flattened x, sorted; the ones
    not wanted are None."""
    cdef ndarray a = _arr(x)
    cdef ndarray c = _contiguous(a, native(a.descr))
    cdef ac_unique_state st
    cdef ac_intp n = size_of(c.nd, c.dimensions), k
    cdef int rc
    cdef ndarray values, indices = None, inverse = None, counts = None
    cdef ac_int64 *ip = NULL
    cdef ac_int64 *vp = NULL
    cdef ac_int64 *cp = NULL
    with nogil:
        rc = ac_unique_prepare(&st, c.descr.tidx, c.data, n)
    if rc < 0:
        raise MemoryError("unique: out of memory")
    try:
        k = st.nuniq
        values = new_array(c.descr, 1, &k, NULL, NULL, 0, None)
        if want_indices:
            indices = new_array(_index_dtype(), 1, &k, NULL, NULL, 0, None)
        if want_counts:
            counts = new_array(_index_dtype(), 1, &k, NULL, NULL, 0, None)
        if want_inverse:
            inverse = new_array(_index_dtype(), a.nd, a.dimensions, NULL, NULL, 0, None)
        if want_indices:
            ip = <ac_int64 *>indices.data
        if want_inverse:
            vp = <ac_int64 *>inverse.data
        if want_counts:
            cp = <ac_int64 *>counts.data
        with nogil:
            ac_unique_fill(&st, c.data, values.data, ip, vp, cp)
    finally:
        ac_unique_free(&st)
    return values, indices, inverse, counts


def unique_values(x, /):
    """The sorted unique elements of the flattened x (each NaN is distinct)."""
    return _unique(x, False, False, False)[0]


def unique_counts(x, /):
    """UniqueCountsResult(values, counts) of the flattened x."""
    v, _, _, c = _unique(x, False, False, True)
    return UniqueCountsResult(v, c)


def unique_inverse(x, /):
    """UniqueInverseResult(values, inverse_indices); inverse_indices has x's shape."""
    v, _, inv, _ = _unique(x, False, True, False)
    return UniqueInverseResult(v, inv)


def unique_all(x, /):
    """UniqueAllResult(values, indices (first occurrences), inverse_indices, counts)."""
    v, i, inv, c = _unique(x, True, True, True)
    return UniqueAllResult(v, i, inv, c)
