"""Creation functions: asarray (sequences, scalars, dtype=, copy=), empty,
zeros, ones, full, arange, linspace, eye, tril, triu, meshgrid, *_like."""
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _helpers import (DTYPE_NAMES, IS_NUMPY, NUMERIC_NAMES, assert_array, data_ptr,
                      np_arrays, npdt, pairs, shapes, shares_memory, to_numpy, xdt, xp)


# ---------------------------------------------------------------- asarray: sequences
@given(np_arrays())
def test_asarray_nested_list_discovers_dtype(a):
    lst = a.tolist()
    assert_array(xp.asarray(lst), np.asarray(lst))


@given(np_arrays())
def test_asarray_nested_list_with_dtype_roundtrips(a):
    lst = a.tolist()
    x = xp.asarray(lst, dtype=xdt(a.dtype.name))
    assert_array(x, np.asarray(lst, dtype=a.dtype))


@given(np_arrays(shape=shapes(min_dims=1)))
def test_asarray_nested_tuples(a):
    def tup(v):
        return tuple(tup(e) for e in v) if isinstance(v, list) else v
    t = tup(a.tolist())
    assert_array(xp.asarray(t), np.asarray(t))


@pytest.mark.parametrize("obj", [
    [True, False], [1, 2, 3], [1.5, 2], [1, 2.5], [1, 1j], [True, 2], [True, 2.0],
    [[1, 2], [3, 4]], [[[1.0]], [[2.0]]], [], [[]], [[], []], [[1j, 2], [3, 4.5]],
    [-1, 2**62], [2**63 - 1], [-2**63], [0.0, -0.0], [math.inf, -math.inf, math.nan],
], ids=repr)
def test_asarray_list_examples(obj):
    assert_array(xp.asarray(obj), np.asarray(obj))


@pytest.mark.parametrize("obj", [True, False, 0, -5, 2**62, 1.5, -0.0, math.nan, 1j, 2 - 3j])
def test_asarray_python_scalar_is_0d(obj):
    x = xp.asarray(obj)
    assert x.ndim == 0 and x.shape == ()
    assert_array(x, np.asarray(obj))


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("obj", [0, 1, True, [1, 0, 1], [[True], [False]]], ids=repr)
def test_asarray_python_values_with_dtype(name, obj):
    assert_array(xp.asarray(obj, dtype=xdt(name)), np.asarray(obj, dtype=name))


@pytest.mark.parametrize("name", ["float16", "float32", "float64", "complex64", "complex128"])
def test_asarray_float_values_with_float_dtype(name):
    obj = [0.1, -2.5, 1e30, math.inf, -0.0]
    with np.errstate(over="ignore"):
        expected = np.asarray(obj, dtype=name)
    assert_array(xp.asarray(obj, dtype=xdt(name)), expected)


@pytest.mark.parametrize("obj", [[[1, 2], [3]], [1, [2, 3]], [[1, 2], 3], [[[1], [2]], [3, 4]]],
                         ids=repr)
def test_asarray_ragged_raises_valueerror(obj):
    with pytest.raises(ValueError):
        xp.asarray(obj)


@pytest.mark.parametrize("name,value", [("int8", 128), ("int8", -129), ("uint8", 256),
                                        ("uint8", -1), ("int16", 2**15), ("uint32", 2**32),
                                        ("int64", 2**63), ("uint64", 2**64), ("uint64", -1)])
def test_asarray_python_int_out_of_range_raises(name, value):
    # NumPy 2: Python integers that do not fit the requested dtype raise OverflowError
    with pytest.raises(OverflowError):
        np.asarray([value], dtype=name)
    with pytest.raises(OverflowError):
        xp.asarray([value], dtype=xdt(name))


@pytest.mark.arraycore_only
def test_asarray_too_large_python_int_raises():
    # NumPy makes an object array; arraycore has no object dtype
    with pytest.raises(OverflowError):
        xp.asarray([2**64])
    with pytest.raises(OverflowError):
        xp.asarray(-2**64)


@pytest.mark.parametrize("obj", [["a", "b"], [object()], [None], {"a": 1}, {1, 2}, "abc",
                                 [1, None]], ids=repr)
@pytest.mark.arraycore_only
def test_asarray_unsupported_objects_raise(obj):
    with pytest.raises((TypeError, ValueError)):
        xp.asarray(obj)


def test_asarray_sequence_of_0d_arrays():
    parts = [xp.asarray(1, dtype=xp.int8), xp.asarray(2, dtype=xp.int8)]
    x = xp.asarray(parts)
    assert_array(x, np.asarray([1, 2], dtype=np.int8))
    y = xp.asarray([xp.asarray([1.0, 2.0]), xp.asarray([3.0, 4.0])])
    assert_array(y, np.asarray([[1.0, 2.0], [3.0, 4.0]]))


def test_asarray_deep_nesting_limit():
    obj = 1
    for _ in range(64):
        obj = [obj]
    x = xp.asarray(obj)
    assert x.ndim == 64 and x.size == 1
    with pytest.raises(ValueError):
        xp.asarray([obj])   # 65 dimensions: more than the maximum


# ---------------------------------------------------------------- asarray: arrays, copy=
@given(pairs())
def test_asarray_of_array_no_copy_by_default(pair):
    n, x = pair
    y = xp.asarray(x)
    assert_array(y, n)
    if x.size > 0:
        assert shares_memory(x, y)


@given(pairs())
def test_asarray_copy_true_copies(pair):
    n, x = pair
    y = xp.asarray(x, copy=True)
    assert_array(y, n, exact_byteorder=False)
    if x.size > 0:
        assert not shares_memory(x, y)
    assert y.flags.writeable


@given(pairs())
def test_asarray_copy_false_shares(pair):
    n, x = pair
    y = xp.asarray(x, copy=False)
    assert_array(y, n)
    if x.size > 0:
        assert shares_memory(x, y)


def test_asarray_copy_false_needs_copy_raises():
    with pytest.raises(ValueError):
        xp.asarray([1, 2, 3], copy=False)
    with pytest.raises(ValueError):
        xp.asarray(1.0, copy=False)
    x = xp.asarray([1.0, 2.0])
    with pytest.raises(ValueError):
        xp.asarray(x, dtype=xp.float32, copy=False)
    with pytest.raises(ValueError):
        xp.asarray(x, dtype=xp.int64, copy=False)


@given(pairs(), st.sampled_from(DTYPE_NAMES))
def test_asarray_of_array_with_dtype_casts(pair, name):
    n, x = pair
    to = np.dtype(name)
    if n.dtype.kind == "c" and to.kind != "c":
        return  # complex -> real: left to the implementation
    if n.dtype.kind == "f" and to.kind in "iu":
        return  # float -> int of non-finite/out-of-range values is undefined in C
    with np.errstate(all="ignore"):
        expected = np.asarray(n, dtype=name)
    y = xp.asarray(x, dtype=xdt(name))
    assert_array(y, expected, exact_byteorder=False)


def test_asarray_same_dtype_copy_none_returns_same_data():
    x = xp.asarray([1.0, 2.0, 3.0])
    y = xp.asarray(x, dtype=xp.float64)
    assert data_ptr(y) == data_ptr(x)


def test_asarray_device():
    x = xp.asarray([1, 2], device=xp.asarray(0).device)
    assert_array(x, np.asarray([1, 2]))
    y = xp.asarray([1, 2], device=None)
    assert y.device == x.device


# ---------------------------------------------------------------- empty/zeros/ones/full
SHAPE_ARGS = [(), 0, 3, (0,), (3,), (2, 3), (2, 0, 3), (1, 1, 1, 1), (4, 1, 2, 1, 3)]


@pytest.mark.parametrize("shape", SHAPE_ARGS, ids=repr)
@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_zeros_ones_empty(shape, name):
    d = xdt(name)
    assert_array(xp.zeros(shape, dtype=d), np.zeros(shape, dtype=name), strides=True)
    assert_array(xp.ones(shape, dtype=d), np.ones(shape, dtype=name), strides=True)
    e = xp.empty(shape, dtype=d)
    assert e.shape == np.empty(shape).shape and e.dtype == d
    assert to_numpy(e).shape == e.shape
    assert e.flags.c_contiguous and e.flags.writeable


def test_default_dtypes():
    assert xp.zeros(3).dtype == xp.float64
    assert xp.ones((2, 2)).dtype == xp.float64
    assert xp.empty(()).dtype == xp.float64
    assert xp.full(3, 1).dtype == xp.int64
    assert xp.full(3, 1.0).dtype == xp.float64
    assert xp.full(3, True).dtype == xp.bool
    assert xp.full(3, 1j).dtype == xp.complex128
    assert xp.arange(3).dtype == xp.int64
    assert xp.arange(3.0).dtype == xp.float64
    assert xp.eye(2).dtype == xp.float64
    assert xp.linspace(0, 1, 3).dtype == xp.float64


def test_shape_forms_accepted():
    assert xp.zeros(np.int64(3)).shape == (3,)
    assert xp.zeros([2, 3]).shape == (2, 3)
    assert xp.zeros((np.int32(2), 3)).shape == (2, 3)
    assert xp.zeros(xp.asarray(4)).shape == (4,) if not IS_NUMPY else True


@pytest.mark.parametrize("fn", ["zeros", "ones", "empty"])
def test_bad_shapes(fn):
    f = getattr(xp, fn)
    with pytest.raises(ValueError):
        f((2, -1))
    with pytest.raises(ValueError):
        f(-1)
    with pytest.raises(TypeError):
        f((2.0, 3))
    with pytest.raises(TypeError):
        f("3")
    with pytest.raises((TypeError, ValueError)):
        f((2, 3), dtype="foo")


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("value", [0, 1, True, 7, -3, 2.5, -0.0, math.inf, 1 + 2j],
                         ids=repr)
def test_full_with_dtype(name, value):
    if isinstance(value, complex) and np.dtype(name).kind != "c":
        return
    if isinstance(value, float) and np.dtype(name).kind in "biu":
        return
    if isinstance(value, int) and value < 0 and np.dtype(name).kind in "bu":
        return
    if not isinstance(value, bool) and isinstance(value, int) and name == "bool":
        return
    assert_array(xp.full((2, 3), value, dtype=xdt(name)), np.full((2, 3), value, dtype=name))


@pytest.mark.parametrize("value", [0, 5, -2**63, 2**62, True, 1.5, math.nan, 1j])
def test_full_infers_dtype(value):
    assert_array(xp.full((3,), value), np.full((3,), value))


def test_full_with_0d_array_fill_value():
    v = xp.asarray(3, dtype=xp.int8)
    assert_array(xp.full((2,), v), np.full((2,), np.int8(3)))


def test_full_int_out_of_range_raises():
    with pytest.raises(OverflowError):
        xp.full((2,), 300, dtype=xp.int8)


# ---------------------------------------------------------------- arange
ARANGE_ARGS = [
    (5,), (0,), (-3,), (2, 7), (7, 2), (2, 7, 2), (7, 2, -1), (7, 2, -2), (0, 10, 3),
    (-5, 5, 4), (0.0, 1.0, 0.1), (0.5,), (1, 2.5, 0.5), (10, 0, -0.3), (0, 1, 1 / 3),
    (-1.5, 1.5), (True, 3), (1e-3, 1e-2, 1e-3), (0, 5, 1.0),
]


@pytest.mark.parametrize("args", ARANGE_ARGS, ids=repr)
def test_arange_matches_numpy(args):
    expected = np.arange(*args)
    got = xp.arange(*args)
    g = to_numpy(got)
    assert g.shape == expected.shape and g.dtype == expected.dtype
    np.testing.assert_allclose(g, expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", NUMERIC_NAMES)
def test_arange_with_dtype(name):
    assert_array(xp.arange(1, 9, 2, dtype=xdt(name)), np.arange(1, 9, 2, dtype=name))
    assert_array(xp.arange(5, dtype=xdt(name)), np.arange(5, dtype=name))


def test_arange_keywords():
    assert_array(xp.arange(2, stop=6, step=2), np.arange(2, 6, 2))


@given(st.integers(-50, 50), st.integers(-50, 50), st.integers(-7, 7).filter(bool))
def test_arange_integers_property(start, stop, step):
    assert_array(xp.arange(start, stop, step), np.arange(start, stop, step))


def test_arange_zero_step_raises():
    with pytest.raises((ValueError, ZeroDivisionError)):
        xp.arange(0, 10, 0)


# ---------------------------------------------------------------- linspace
LINSPACE_ARGS = [
    (0, 1, 5), (0, 1, 0), (0, 1, 1), (0, 1, 2), (-3.5, 7.25, 11), (1, 0, 4), (0, 10, 7),
    (5, 5, 3), (0, 1j, 3), (1 + 1j, -1 - 2j, 4),
]


@pytest.mark.parametrize("args", LINSPACE_ARGS, ids=repr)
@pytest.mark.parametrize("endpoint", [True, False])
def test_linspace_matches_numpy(args, endpoint):
    expected = np.linspace(*args, endpoint=endpoint)
    g = to_numpy(xp.linspace(*args, endpoint=endpoint))
    assert g.shape == expected.shape and g.dtype == expected.dtype
    np.testing.assert_allclose(g, expected, rtol=1e-14, atol=1e-15)
    if endpoint and args[2] > 1:
        assert g[-1] == expected[-1] and g[0] == expected[0]


@pytest.mark.parametrize("name", ["float16", "float32", "float64", "complex64", "complex128"])
def test_linspace_dtype(name):
    g = xp.linspace(0, 2, 5, dtype=xdt(name))
    assert g.dtype == xdt(name)
    np.testing.assert_allclose(to_numpy(g), np.linspace(0, 2, 5, dtype=name))


def test_linspace_negative_num_raises():
    with pytest.raises(ValueError):
        xp.linspace(0, 1, -1)


# ---------------------------------------------------------------- eye, tril, triu
@pytest.mark.parametrize("n,m,k", [(0, None, 0), (1, None, 0), (3, None, 0), (3, 4, 1),
                                   (4, 3, -1), (3, 3, 5), (3, 3, -5), (2, 5, 2)])
@pytest.mark.parametrize("name", ["bool", "int32", "float64", "complex64"])
def test_eye(n, m, k, name):
    assert_array(xp.eye(n, m, k=k, dtype=xdt(name)), np.eye(n, m, k=k, dtype=name))


@given(pairs(shape=shapes(min_dims=2, max_dims=4)), st.integers(-4, 4))
def test_tril_triu(pair, k):
    n, x = pair
    assert_array(xp.tril(x, k=k), np.tril(n, k=k), exact_byteorder=False)
    assert_array(xp.triu(x, k=k), np.triu(n, k=k), exact_byteorder=False)
    # a new array, not a view
    if x.size:
        assert not shares_memory(xp.tril(x, k=k), x)


# ---------------------------------------------------------------- meshgrid
@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize("sizes", [(), (3,), (2, 3), (2, 0), (1, 2, 3), (3, 1, 2, 2)])
def test_meshgrid(indexing, sizes):
    arrays_np = [np.arange(s, dtype=np.float32) + i for i, s in enumerate(sizes)]
    arrays_x = [xp.asarray(a) for a in arrays_np]
    got = xp.meshgrid(*arrays_x, indexing=indexing)
    exp = np.meshgrid(*arrays_np, indexing=indexing)
    assert len(got) == len(exp)
    for g, e in zip(got, exp):
        assert_array(g, e)


def test_meshgrid_bad_indexing():
    with pytest.raises(ValueError):
        xp.meshgrid(xp.asarray([1, 2]), indexing="xz")


def test_meshgrid_mixed_dtypes_raise_or_keep():
    # the standard requires equal dtypes (raising is fine); NumPy keeps each input's dtype
    a, b = xp.asarray([1, 2], dtype=xp.int8), xp.asarray([1.0, 2.0, 3.0])
    try:
        got = xp.meshgrid(a, b)
    except (ValueError, TypeError):
        return
    exp = np.meshgrid(np.asarray([1, 2], dtype=np.int8), np.asarray([1.0, 2.0, 3.0]))
    for g, e in zip(got, exp):
        assert_array(g, e)


# ---------------------------------------------------------------- *_like
@given(pairs(), st.sampled_from([None] + DTYPE_NAMES))
def test_like_functions(pair, name):
    n, x = pair
    d = None if name is None else xdt(name)
    nd = None if name is None else np.dtype(name)
    for fn in ["zeros_like", "ones_like", "empty_like"]:
        y = getattr(xp, fn)(x, dtype=d)
        e = getattr(np, fn)(n, dtype=nd)
        assert y.shape == x.shape
        assert npdt(y.dtype).newbyteorder("=") == e.dtype.newbyteorder("=")
        if fn != "empty_like":
            assert_array(y, e, exact_byteorder=False)
        assert y.flags.writeable
        if x.size:
            assert not shares_memory(x, y)
    fill = True if (name or n.dtype.name) == "bool" else 1
    assert_array(xp.full_like(x, fill, dtype=d), np.full_like(n, fill, dtype=nd),
                 exact_byteorder=False)


def test_like_device():
    x = xp.asarray([1, 2])
    assert xp.zeros_like(x, device=x.device).device == x.device


def test_asarray_range_and_numpy_scalars():
    # sequences that are not lists/tuples, and NumPy scalars, as NumPy takes them
    assert_array(xp.asarray(range(5)), np.asarray(range(5)))
    assert_array(xp.asarray(range(2, 11, 3), dtype=xp.int8), np.asarray(range(2, 11, 3),
                                                                       dtype=np.int8))
    for s in (np.int8(3), np.float32(1.5), np.bool_(True), np.complex64(1j), np.uint64(7)):
        assert_array(xp.asarray(s), np.asarray(s))
    assert_array(xp.asarray([np.float32(1), np.float32(2)]),
                 np.asarray([np.float32(1), np.float32(2)]))


def test_arange_with_0d_array_arguments():
    assert_array(xp.arange(xp.asarray(5)), np.arange(np.asarray(5)))
    assert_array(xp.arange(xp.asarray(1), xp.asarray(7), xp.asarray(2)),
                 np.arange(np.asarray(1), np.asarray(7), np.asarray(2)))
    assert_array(xp.arange(xp.asarray(2.5)), np.arange(np.asarray(2.5)))


@pytest.mark.parametrize("args", [
    (2**62 - 3, 2**62 + 2), (-2**62 - 2, -2**62 + 3), (2**63 - 4, 2**63 - 1),
    (-2**63, -2**63 + 3), (0, 2**62, 2**61), (2**62, 0, -2**61), (5, -5, -3), (-5, 5, 4),
    (3, 3), (4, 3), (3, 4, -1), (7,), (0,), (-3,), (True,), (1, 10, True)])
def test_arange_python_int_fast_path_bounds(args):
    """arange of Python ints runs in C below 2**62 and through the general
    path beyond; both give NumPy's values and int64"""
    assert_array(xp.arange(*args), np.arange(*args))
