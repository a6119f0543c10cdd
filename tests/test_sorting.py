"""Sorting, searching and set functions: sort, argsort, searchsorted, nonzero,
isin, unique_all/counts/inverse/values.  NumPy is the oracle; descending
order is checked against a stable reference computed here (the reverse order,
NaNs first, equal elements in their original order)."""
import threading

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from _helpers import (COMPLEX_NAMES, DTYPE_NAMES, IS_NUMPY, LAYOUTS, REAL_FLOAT_NAMES,
                      assert_array, layout_pair, np_arrays, pairs, to_numpy, xp)

# NumPy has no descending sort: the ARRAYCORE_TEST_XP=numpy self-check mode
# checks the ascending cases only.
DESCENDING = (False,) if IS_NUMPY else (False, True)


def _kw(descending, kw):
    if descending:
        kw["descending"] = True
    if IS_NUMPY:
        kw["stable"] = True    # NumPy's sorts are not stable by default (arraycore's always are)
    return kw


def xsort(x, *, descending=False, **kw):
    return xp.sort(x, **_kw(descending, kw))


def xargsort(x, *, descending=False, **kw):
    return xp.argsort(x, **_kw(descending, kw))


def _assert_same_bits(got, expected):
    """Values equal and, for floats, the same sign bits (the sign of zeros and
    NaNs tells which of several equal elements went where)."""
    assert_array(got, expected, exact_byteorder=False)
    got = to_numpy(got)
    expected = np.asarray(expected)
    if expected.dtype.kind == "f":
        np.testing.assert_array_equal(np.signbit(got), np.signbit(expected))
    elif expected.dtype.kind == "c":
        np.testing.assert_array_equal(np.signbit(got.real), np.signbit(expected.real))
        np.testing.assert_array_equal(np.signbit(got.imag), np.signbit(expected.imag))


def _desc_argsort(n, axis):
    """Stable descending argsort reference: the reverse of NumPy's order with
    equal elements kept in their original order."""
    m = n.shape[axis]
    flipped = np.flip(n, axis)
    return m - 1 - np.flip(np.argsort(flipped, axis=axis, kind="stable"), axis)


def _ref_argsort(n, axis, descending):
    if descending:
        return _desc_argsort(n, axis)
    return np.argsort(n, axis=axis, kind="stable")


@st.composite
def array_and_axis(draw, dtype_names=DTYPE_NAMES, layouts=LAYOUTS):
    n, x = draw(pairs(dtype_names, layouts, min_dims=1, max_dims=3, max_side=6))
    axis = draw(st.integers(-n.ndim, n.ndim - 1))
    return n, x, axis


# A pool of values with many duplicates and every special float.
_SPECIAL = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, np.inf, -np.inf, np.nan, -np.nan, 1e-300, 7.0]


def _dup_array(seed, name, size):
    """Values from a small pool (long runs of equal elements; NaN, +-inf, +-0)."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(name)
    if dt.kind == "b":
        return rng.integers(0, 2, size).astype(dt)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        pool = np.array([info.min, info.max, 0, 1, 2, info.max - 1, info.min + 1,
                         min(info.max, 100)], dtype=dt)
        return pool[rng.integers(0, len(pool), size)]
    pool = np.array(_SPECIAL, dtype=np.float64)
    with np.errstate(over="ignore"):
        if dt.kind == "f":
            return pool[rng.integers(0, len(pool), size)].astype(dt)
        re = pool[rng.integers(0, len(pool), size)]
        im = pool[rng.integers(0, 4, size)]      # imaginary parts: 0, -0, 1, -1
        im[rng.random(size) < 0.05] = np.nan
        return _complex(re, im, dt)


def _complex(re, im, dt):
    out = np.empty(re.shape, dtype=dt)
    out.real = re
    out.imag = im
    return out


# ------------------------------------------------------------------ sort / argsort

@given(array_and_axis(), st.sampled_from(DESCENDING), st.booleans())
def test_sort_matches_numpy(case, descending, stable):
    n, x, axis = case
    got = xsort(x, axis=axis, descending=descending, stable=stable)
    order = _ref_argsort(n, axis, descending)
    _assert_same_bits(got, np.take_along_axis(n, order, axis))
    assert tuple(got.shape) == n.shape


@given(array_and_axis(), st.sampled_from(DESCENDING), st.booleans())
def test_argsort_matches_numpy(case, descending, stable):
    n, x, axis = case
    got = xargsort(x, axis=axis, descending=descending, stable=stable)
    assert_array(got, _ref_argsort(n, axis, descending))


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES),
       st.integers(0, 3000), st.sampled_from(DESCENDING))
def test_long_lanes_with_duplicates_are_stable(seed, name, size, descending):
    # long lanes take the radix path; many equal elements test stability
    a = _dup_array(seed, name, size)
    x = xp.asarray(a)
    order = _ref_argsort(a, 0, descending)
    assert_array(xargsort(x, descending=descending), order)
    _assert_same_bits(xsort(x, descending=descending), a[order])
    if not descending:
        np.testing.assert_array_equal(to_numpy(xargsort(x)), np.argsort(a, kind="stable"))


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES), st.sampled_from(LAYOUTS),
       st.integers(0, 1))
def test_long_lanes_any_layout_and_axis(seed, name, layout, axis):
    a = _dup_array(seed, name, 2 * 400).reshape(2, 400)
    if axis == 0:
        a = np.ascontiguousarray(a.T)       # lanes of 400 along axis 0
    n, x = layout_pair(a, layout)
    _assert_same_bits(xsort(x, axis=axis), np.take_along_axis(
        n, np.argsort(n, axis=axis, kind="stable"), axis))
    for descending in DESCENDING:
        assert_array(xargsort(x, axis=axis, descending=descending),
                     _ref_argsort(n, axis, descending))


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_sort_random_full_range(name):
    # the whole value range (random bits) through the radix path
    rng = np.random.default_rng(42)
    dt = np.dtype(name)
    a = rng.integers(0, 256, 5000 * dt.itemsize, dtype=np.uint8).view(dt)
    if dt.kind == "b":
        a = a.view(np.uint8) % 2 == 1
    srt = np.take_along_axis(a, np.argsort(a, kind="stable"), 0)
    # random, sorted, reversed, and strictly decreasing (distinct values) inputs
    distinct = _np_unique(a)[0]
    for b in (a, srt, srt[::-1].copy(), distinct[::-1].copy()):
        x = xp.asarray(b)
        for descending in DESCENDING:
            order = _ref_argsort(b, 0, descending)
            _assert_same_bits(xsort(x, descending=descending), b[order])
            assert_array(xargsort(x, descending=descending), order)
        assert_array(xp.unique_all(x).inverse_indices,
                     _np_unique(b)[2].astype(np.int64))


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES), st.integers(1, 2100),
       st.integers(1, 3), st.sampled_from(DESCENDING))
def test_sort_distinct_values_every_length(seed, name, size, rows, descending):
    # mostly distinct values at every lane length up to past 2048 (the register
    # sorting networks, the quicksort partitions and the radix paths)
    rng = np.random.default_rng(seed)
    dt = np.dtype(name)
    a = rng.integers(0, 256, rows * size * dt.itemsize, dtype=np.uint8).view(dt)
    if dt.kind == "b":
        a = a.view(np.uint8) % 2 == 1
    a = a.reshape(rows, size)
    x = xp.asarray(a)
    order = _ref_argsort(a, 1, descending)
    _assert_same_bits(xsort(x, descending=descending), np.take_along_axis(a, order, 1))
    assert_array(xargsort(x, descending=descending), order)


@pytest.mark.parametrize("name", ["int8", "uint16", "int32", "float32", "float64", "uint64",
                                  "complex64"])
def test_sort_very_long_lanes(name):
    # lanes of 100k elements take the wide-digit radix path
    a = _dup_array(7, name, 100_000)
    rng = np.random.default_rng(8)
    mask = rng.random(a.size) < 0.5            # half many-valued, half from the pool
    a[mask] = rng.integers(-10**6, 10**6, int(mask.sum())).astype(a.dtype)
    x = xp.asarray(a)
    for descending in DESCENDING:
        order = _ref_argsort(a, 0, descending)
        assert_array(xargsort(x, descending=descending), order)
        _assert_same_bits(xsort(x, descending=descending), a[order])


@given(pairs(DTYPE_NAMES, LAYOUTS, min_dims=1, max_dims=3, min_side=0, max_side=3))
def test_sort_empty_and_short(case):
    n, x = case
    for axis in range(-n.ndim, n.ndim):
        assert_array(xargsort(x, axis=axis), np.argsort(n, axis=axis, kind="stable"))
        assert_array(xsort(x, axis=axis), np.sort(n, axis=axis, kind="stable"),
                     exact_byteorder=False)


@pytest.mark.arraycore_only
def test_sort_result_is_new_native_array():
    a = np.array([3.0, 1.0, 2.0], dtype=">f8")
    x = xp.asarray(a)
    got = xsort(x)
    assert_array(got, np.sort(a), exact_byteorder=False)
    assert got.dtype == xp.float64
    np.testing.assert_array_equal(to_numpy(x), a)     # input untouched


@pytest.mark.arraycore_only
def test_sort_bad_input():
    x = xp.asarray(np.arange(6.0).reshape(2, 3))
    for f in (xp.sort, xp.argsort):
        with pytest.raises(IndexError):
            f(x, axis=2)
        with pytest.raises(IndexError):
            f(x, axis=-3)
        with pytest.raises(TypeError):
            f(x, axis=None)
        with pytest.raises(TypeError):
            f(x, axis=1.5)
        with pytest.raises(IndexError):
            f(xp.asarray(1.0))           # 0-d: no axis -1
        with pytest.raises(TypeError):
            f(object())
        with pytest.raises(TypeError):
            f(x, 0)                      # axis is keyword-only


def test_sort_releases_gil_and_is_thread_safe():
    rng = np.random.default_rng(5)
    arrays = [rng.random(200_000) for _ in range(4)]
    xs = [xp.asarray(a) for a in arrays]
    out = [None] * 4

    def work(i):
        out[i] = xargsort(xs[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for a, o in zip(arrays, out):
        assert_array(o, np.argsort(a, kind="stable"))


# ------------------------------------------------------------------ searchsorted

def _np_common(n1, n2):
    dt = np.result_type(n1, n2)
    return n1.astype(dt), n2.astype(dt)


@given(np_arrays(DTYPE_NAMES, shape=hnp.array_shapes(min_dims=1, max_dims=1, min_side=0,
                                                     max_side=20)),
       pairs(DTYPE_NAMES, LAYOUTS, max_dims=3, max_side=4),
       st.sampled_from(["left", "right"]), st.booleans(), st.sampled_from(LAYOUTS))
def test_searchsorted_matches_numpy(a1, case2, side, use_sorter, layout1):
    n2, x2 = case2
    if use_sorter:
        base = a1
        sorter = np.argsort(base, kind="stable")
        n1, x1 = layout_pair(base, layout1)
        got = xp.searchsorted(x1, x2, side=side, sorter=xp.asarray(sorter))
    else:
        base = np.sort(a1)
        sorter = None
        n1, x1 = layout_pair(base, layout1)
        got = xp.searchsorted(x1, x2, side=side)
    c1, c2 = _np_common(n1, n2)
    assert_array(got, np.searchsorted(c1, c2, side=side, sorter=sorter).astype(np.int64))
    assert tuple(got.shape) == n2.shape


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES), st.integers(0, 2000),
       st.sampled_from(["left", "right"]))
def test_searchsorted_long_with_duplicates(seed, name, size, side):
    a = np.sort(_dup_array(seed, name, size), kind="stable")
    v = _dup_array(seed + 1, name, 300)
    got = xp.searchsorted(xp.asarray(a), xp.asarray(v), side=side)
    assert_array(got, np.searchsorted(a, v, side=side).astype(np.int64))


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES), st.integers(0, 40),
       st.sampled_from(["left", "right"]), st.booleans())
def test_searchsorted_few_queries_into_many(seed, name, nq, side, use_sorter):
    # few queries into a long x1 search x1 directly (keys only at the probes)
    base = _dup_array(seed, name, 6000)
    v = _dup_array(seed + 3, name, nq).reshape(nq, 1)
    if use_sorter:
        sorter = np.argsort(base, kind="stable")
        got = xp.searchsorted(xp.asarray(base), xp.asarray(v), side=side,
                              sorter=xp.asarray(sorter))
        exp = np.searchsorted(base, v, side=side, sorter=sorter)
    else:
        a = np.sort(base, kind="stable")
        got = xp.searchsorted(xp.asarray(a), xp.asarray(v), side=side)
        exp = np.searchsorted(a, v, side=side)
    assert_array(got, exp.astype(np.int64))


@pytest.mark.parametrize("value", [2, 2.5, -1, 10**6, -10**6, 2**64 - 1, True, 2.0 + 0j])
def test_searchsorted_python_scalar(value):
    a = np.array([1, 2, 2, 3], dtype=np.int16)
    got = xp.searchsorted(xp.asarray(a), value, side="right")
    assert tuple(got.shape) == ()
    assert int(got) == np.searchsorted(a, value, side="right")


@pytest.mark.arraycore_only
def test_searchsorted_bad_input():
    x1 = xp.asarray(np.array([1.0, 2.0, 3.0]))
    v = xp.asarray(np.array([2.0]))
    with pytest.raises(ValueError, match="side"):
        xp.searchsorted(x1, v, side="middle")
    with pytest.raises(ValueError, match="side"):
        xp.searchsorted(x1, v, side=None)
    with pytest.raises(ValueError, match="one-dimensional"):
        xp.searchsorted(xp.asarray(np.ones((2, 2))), v)
    with pytest.raises(ValueError, match="one-dimensional"):
        xp.searchsorted(xp.asarray(1.0), v)
    with pytest.raises(TypeError, match="integer"):
        xp.searchsorted(x1, v, sorter=xp.asarray(np.array([0.0, 1.0, 2.0])))
    with pytest.raises(ValueError, match="shape"):
        xp.searchsorted(x1, v, sorter=xp.asarray(np.array([0, 1])))
    with pytest.raises(ValueError, match="shape"):
        xp.searchsorted(x1, v, sorter=xp.asarray(np.array([[0, 1, 2]])))
    with pytest.raises(ValueError, match="out of range"):
        xp.searchsorted(x1, v, sorter=xp.asarray(np.array([0, 1, 3])))
    with pytest.raises(ValueError, match="out of range"):
        xp.searchsorted(x1, v, sorter=xp.asarray(np.array([0, -1, 2])))
    with pytest.raises(TypeError):
        xp.searchsorted(object(), v)


# ------------------------------------------------------------------ nonzero

@given(pairs(DTYPE_NAMES, LAYOUTS, min_dims=1, max_dims=4, max_side=4))
def test_nonzero_matches_numpy(case):
    n, x = case
    got = xp.nonzero(x)
    exp = np.nonzero(n)
    assert isinstance(got, tuple) and len(got) == n.ndim
    for g, e in zip(got, exp):
        assert_array(g, e.astype(np.int64))


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES))
def test_nonzero_long(seed, name):
    a = _dup_array(seed, name, 3 * 5 * 7).reshape(3, 5, 7)
    for g, e in zip(xp.nonzero(xp.asarray(a)), np.nonzero(a)):
        assert_array(g, e.astype(np.int64))


@pytest.mark.arraycore_only
def test_nonzero_bad_input():
    with pytest.raises(ValueError, match="0-d"):
        xp.nonzero(xp.asarray(1.0))
    with pytest.raises(ValueError, match="0-d"):
        xp.nonzero(xp.asarray(False))
    with pytest.raises(TypeError):
        xp.nonzero(object())


# ------------------------------------------------------------------ isin

@st.composite
def isin_case(draw):
    same = draw(st.booleans())
    n1, x1 = draw(pairs(DTYPE_NAMES, LAYOUTS, max_dims=3, max_side=5))
    names = [n1.dtype.name] if same else DTYPE_NAMES
    n2, x2 = draw(pairs(names, LAYOUTS, max_dims=2, max_side=6))
    if draw(st.booleans()) and n1.size and n2.ndim:
        # share some values so that matches happen
        k = draw(st.integers(0, n1.size - 1))
        shared = n1.ravel()[k:k + 1]
        if shared.dtype.kind == "c" and n2.dtype.kind != "c":
            shared = shared.real
        with np.errstate(all="ignore"):
            n2 = np.concatenate([n2.ravel(), shared.astype(n2.dtype)])
        n2, x2 = layout_pair(n2, draw(st.sampled_from(LAYOUTS)))
    return n1, x1, n2, x2


@given(isin_case(), st.booleans())
def test_isin_matches_numpy(case, invert):
    n1, x1, n2, x2 = case
    c1, c2 = _np_common(n1, n2)
    got = xp.isin(x1, x2, invert=invert)
    assert_array(got, np.isin(c1, c2, invert=invert))


@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES), st.integers(0, 1000),
       st.integers(0, 1000))
def test_isin_long(seed, name, n1, n2):
    a = _dup_array(seed, name, n1)
    b = _dup_array(seed + 7, name, n2)
    assert_array(xp.isin(xp.asarray(a), xp.asarray(b)), np.isin(a, b))


@pytest.mark.arraycore_only
def test_isin_scalars_and_bad_input():
    a = np.array([[1, 2], [3, 4]], dtype=np.int32)
    x = xp.asarray(a)
    assert_array(xp.isin(x, 3), np.isin(a, 3))
    assert_array(xp.isin(3, x), np.isin(3, a))
    assert_array(xp.isin(5, x, invert=True), np.isin(5, a, invert=True))
    assert_array(xp.isin(x, 2.5), np.isin(a, 2.5))
    assert_array(xp.isin(x, 2**40), np.isin(a, 2**40))
    assert_array(xp.isin(xp.asarray(a.astype(np.int8)), -1000), np.zeros((2, 2), bool))
    assert_array(xp.isin(xp.asarray(np.array([np.nan, 0.0])), xp.asarray(np.array([np.nan, -0.0]))),
                 np.array([False, True]))
    with pytest.raises(TypeError):
        xp.isin(1, 2)
    with pytest.raises(TypeError):
        xp.isin(object(), x)


# ------------------------------------------------------------------ unique

def _np_unique(n):
    with np.errstate(invalid="ignore"):     # NumPy compares NaNs of random bits
        v, i, inv, c = np.unique(n, return_index=True, return_inverse=True,
                                 return_counts=True, equal_nan=False)
    return v, i, inv.reshape(n.shape), c


def _check_unique(n, x):
    v, i, inv, c = _np_unique(n)
    res = xp.unique_all(x)
    assert type(res).__name__ == "UniqueAllResult"
    assert res._fields == ("values", "indices", "inverse_indices", "counts")
    assert_array(res.values, v, exact_byteorder=False)
    assert_array(res.indices, i.astype(np.int64))
    assert_array(res.inverse_indices, inv.astype(np.int64))
    assert_array(res.counts, c.astype(np.int64))
    # the representative of each value is its first occurrence
    _assert_same_bits(res.values, n.ravel()[i])
    res = xp.unique_counts(x)
    assert res._fields == ("values", "counts")
    assert_array(res.values, v, exact_byteorder=False)
    assert_array(res.counts, c.astype(np.int64))
    res = xp.unique_inverse(x)
    assert res._fields == ("values", "inverse_indices")
    assert_array(res.values, v, exact_byteorder=False)
    assert_array(res.inverse_indices, inv.astype(np.int64))
    assert_array(xp.unique_values(x), v, exact_byteorder=False)


@pytest.mark.arraycore_only     # sorted values (NumPy's may be in hash order)
@given(pairs(DTYPE_NAMES, LAYOUTS, max_dims=3, max_side=5))
def test_unique_matches_numpy(case):
    _check_unique(*case)


@pytest.mark.arraycore_only     # sorted values (NumPy's may be in hash order)
@given(st.integers(0, 2**32 - 1), st.sampled_from(DTYPE_NAMES), st.integers(0, 2000))
def test_unique_long_with_duplicates(seed, name, size):
    a = _dup_array(seed, name, size)
    _check_unique(a, xp.asarray(a))


@pytest.mark.parametrize("name", REAL_FLOAT_NAMES + COMPLEX_NAMES)
def test_unique_nans_are_distinct(name):
    a = np.array([np.nan, 1, np.nan, -0.0, 0.0, 1], dtype=name)
    res = xp.unique_counts(xp.asarray(a))
    v = to_numpy(res.values)
    assert v.shape == (4,)
    assert np.isnan(v[2:]).all()
    np.testing.assert_array_equal(to_numpy(res.counts), [2, 2, 1, 1])


@pytest.mark.arraycore_only
def test_unique_bad_input():
    for f in (xp.unique_all, xp.unique_counts, xp.unique_inverse, xp.unique_values):
        with pytest.raises(TypeError):
            f(object())
    # 0-d input is flattened
    res = xp.unique_all(xp.asarray(5))
    assert tuple(res.values.shape) == (1,)
    assert tuple(res.inverse_indices.shape) == ()


@pytest.mark.parametrize("name", ["float32", "float64"])
@pytest.mark.parametrize("size", [5, 100, 300, 5000, 70_000])
def test_sort_keeps_nan_payloads_and_zero_signs_in_input_order(name, size):
    # the vectorized sort is unstable on keys; the value sort must still be
    # observably stable: NaNs with distinct payloads and signs, and -0.0/+0.0,
    # come out bit for bit in input order (checked on the raw bits)
    rng = np.random.default_rng(size)
    dt = np.dtype(name)
    ut = np.dtype(f"uint{dt.itemsize * 8}")
    a = rng.standard_normal(size).astype(dt)
    a[rng.random(size) < 0.2] = 0.0
    a[rng.random(size) < 0.1] = -0.0
    a[rng.random(size) < 0.05] = np.inf
    a[rng.random(size) < 0.05] = -np.inf
    nan_at = rng.random(size) < 0.15
    bits = a.view(ut)
    exp_bits = 0x7F8 << 20 if dt.itemsize == 4 else 0x7FF << 52
    payload = rng.integers(1, 2 ** 20, int(nan_at.sum())).astype(ut)
    sign = (rng.random(int(nan_at.sum())) < 0.5).astype(ut) << ut.type(dt.itemsize * 8 - 1)
    bits[nan_at] = ut.type(exp_bits) | payload | sign
    x = xp.asarray(a)
    for descending in DESCENDING:
        order = _ref_argsort(a, 0, descending)
        got = to_numpy(xsort(x, descending=descending))
        np.testing.assert_array_equal(got.view(ut), a[order].view(ut))
        x2 = xp.asarray(a[::-1])            # a strided view as input too
        order2 = _ref_argsort(a[::-1], 0, descending)
        got2 = to_numpy(xsort(x2, descending=descending))
        np.testing.assert_array_equal(got2.view(ut), a[::-1][order2].view(ut))


@pytest.mark.parametrize("level", ["baseline", "avx2"])
def test_sort_at_lower_simd_levels(level):
    # the same sorts with the dispatch level lowered (every code path runs)
    import os
    import subprocess
    import sys
    import tempfile
    code = (
        "import numpy as np, arraycore as ac\n"
        "rng = np.random.default_rng(1)\n"
        "for dt in ('float64', 'float32', 'int64', 'uint32', 'int32', 'uint64'):\n"
        "    for n in (1, 7, 100, 1000, 20000):\n"
        "        a = (rng.standard_normal(n) * 100).astype(dt)\n"
        "        if dt.startswith('float'):\n"
        "            a[::7] = np.nan; a[::5] = -0.0\n"
        "        for d in (False, True):\n"
        "            got = np.asarray(ac.sort(ac.asarray(a), descending=d))\n"
        "            exp = np.sort(a, kind='stable')\n"
        "            exp = exp[::-1] if d else exp\n"
        "            np.testing.assert_array_equal(got, exp)\n"
        "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tempfile.gettempdir(), env=dict(os.environ, ARRAYCORE_CPU=level))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
