"""__getitem__ and __setitem__: integers, slices with steps, Ellipsis, None,
0-d arrays, integer arrays, boolean masks; broadcasting and casting of values;
errors.  NumPy is the oracle for values, shapes, dtypes and (for basic
indexing) strides and view-ness."""
import math
import operator

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from _helpers import (DTYPE_NAMES, IS_NUMPY, WRITABLE_LAYOUTS, assert_array, layout_pair,
                      np_arrays, pairs, shapes, shares_memory, to_numpy, value_shapes, xdt, xp)


# ---------------------------------------------------------------- basic getitem
@st.composite
def pair_and_basic_index(draw, layouts=None, **shape_kw):
    n, x = draw(pairs(layouts=layouts) if layouts else pairs(**shape_kw))
    idx = draw(hnp.basic_indices(n.shape, min_dims=0, allow_newaxis=True,
                                 allow_ellipsis=True))
    return n, x, idx


@given(pair_and_basic_index())
def test_basic_getitem_matches_numpy(case):
    n, x, idx = case
    expected = n[idx]
    r = x[idx]
    # NumPy gives a native-order scalar where arraycore gives a 0-d array
    assert_array(r, expected, exact_byteorder=isinstance(expected, np.ndarray))
    if isinstance(expected, np.ndarray):
        # basic indexing is a view with NumPy's strides
        assert_array(r, expected, strides=True)
        if expected.size:
            assert shares_memory(r, x)


@given(pair_and_basic_index(layouts=["C", "strided", "negative", "F", "byteswapped"]))
def test_basic_getitem_view_writes_through(case):
    n, x, idx = case
    expected = n.copy()
    assume(isinstance(n[idx], np.ndarray) and n[idx].size > 0)
    r = x[idx]
    # write through the view and see it in x
    one = True if n.dtype == bool else 1
    r[...] = one
    expected[idx] = one
    assert_array(x, expected)


def test_integer_index_gives_0d_array():
    x = xp.asarray([[1.5, 2.5], [3.5, 4.5]])
    r = x[1, 0]
    if not IS_NUMPY:
        assert isinstance(r, xp.ndarray)
    assert r.shape == () and r.dtype == xp.float64
    assert float(r) == 3.5 and r.item() == 3.5
    assert_array(x[-1, -1], np.asarray(4.5))
    assert_array(x[()], np.asarray([[1.5, 2.5], [3.5, 4.5]]))


def test_empty_tuple_and_ellipsis_on_0d():
    x = xp.asarray(7, dtype=xp.int16)
    assert_array(x[()], np.asarray(7, dtype=np.int16))
    assert_array(x[...], np.asarray(7, dtype=np.int16))
    assert_array(x[None], np.asarray([7], dtype=np.int16))
    assert_array(x[None, ..., None], np.asarray([[7]], dtype=np.int16))


@pytest.mark.parametrize("idx", [
    0, -1, 2, (1, 2), (slice(None), 0), (Ellipsis, 1), (None, 1), (slice(1, None, 2), None),
    (slice(None, None, -1), slice(None, None, -2)), (slice(-100, 100),), (slice(5, 1),),
    (slice(None, None, 3), Ellipsis, None), (Ellipsis,), (Ellipsis, None, Ellipsis)[:2],
], ids=repr)
def test_basic_getitem_examples(idx):
    n = np.arange(20, dtype=np.int32).reshape(4, 5)
    x = xp.asarray(n)
    assert_array(x[idx], n[idx])


@pytest.mark.parametrize("idx_type", [np.int8, np.uint16, np.int64, np.intp])
def test_numpy_integer_and_index_objects(idx_type):
    class Idx:
        def __index__(self):
            return 2
    n = np.arange(6.0)
    x = xp.asarray(n)
    assert_array(x[idx_type(3)], n[3])
    assert_array(x[Idx()], n[2])
    assert_array(x[Idx():], n[2:])
    assert_array(x[slice(Idx(), None, Idx())], n[2::2])


def test_0d_integer_array_as_index():
    n = np.arange(12).reshape(3, 4)
    x = xp.asarray(n)
    i = xp.asarray(2)
    assert_array(x[i], n[2])
    assert_array(x[i, xp.asarray(-1)], n[2, -1])
    assert_array(x[1, i], n[1, 2])
    assert_array(x[xp.asarray(1, dtype=xp.uint8):], n[1:])
    x[i] = 0
    n[2] = 0
    assert_array(x, n)


def test_0d_bool_index():
    n = np.arange(6).reshape(2, 3)
    x = xp.asarray(n)
    for b in (True, False):
        assert_array(x[xp.asarray(b)], n[np.asarray(b)])
        assert_array(x[b], n[b])
    x0 = xp.asarray(5)
    assert_array(x0[xp.asarray(True)], np.asarray(5)[np.asarray(True)])


# ---------------------------------------------------------------- basic setitem
@st.composite
def setitem_case(draw):
    a = draw(np_arrays(shape=shapes(max_dims=3)))
    layout = draw(st.sampled_from(WRITABLE_LAYOUTS))
    perm = draw(st.permutations(range(a.ndim)))
    n, x = layout_pair(a, layout, perm)
    idx = draw(hnp.basic_indices(n.shape, min_dims=0, allow_newaxis=True,
                                 allow_ellipsis=True))
    target_shape = n[idx].shape if isinstance(n[idx], np.ndarray) else ()
    # value: a Python scalar, or an array broadcastable to the target
    vshape = draw(value_shapes(target_shape))
    vdtype = draw(st.sampled_from(["same"] + DTYPE_NAMES))
    vdtype = n.dtype.newbyteorder("=") if vdtype == "same" else np.dtype(vdtype)
    v = draw(hnp.arrays(vdtype, vshape))
    kind = draw(st.sampled_from(["array", "scalar", "list"]))
    return n, x, idx, v, kind


def _castable(src, dst):
    # values cast like NumPy only where the outcome is defined (no complex->real,
    # no float->int), and where NumPy does it without complaint
    return np.can_cast(src, dst, casting="same_kind") or (
        src.kind in "biu" and dst.kind in "biufc")


@given(setitem_case())
def test_basic_setitem_matches_numpy(case):
    n, x, idx, v, kind = case
    if kind == "array":
        assume(_castable(v.dtype, n.dtype))
        value_np, value_x = v, xp.asarray(v)
    else:
        vs = v.astype(n.dtype.newbyteorder("="))
        value_np = vs.reshape(-1)[0].item() if kind == "scalar" and vs.size else vs.tolist()
        if kind == "scalar" and vs.size == 0:
            return
        if kind == "list" and (vs.ndim == 0 or vs.size == 0):
            return   # an empty nested list does not carry its shape
        value_x = value_np
    expected = n.copy()
    with np.errstate(all="ignore"):
        expected[idx] = value_np
    x[idx] = value_x
    assert_array(x, expected)
    np.testing.assert_array_equal(n, expected)  # wrote into the shared memory


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("value", [True, 0, 1, -1, 100, 2.75, -0.0, math.inf, math.nan, 2 - 3j],
                         ids=repr)
def test_setitem_python_scalar_casts(name, value):
    dt = np.dtype(name)
    # skip combinations NumPy itself rejects or leaves undefined
    if isinstance(value, complex) and dt.kind != "c":
        return
    if isinstance(value, float) and dt.kind in "iu" and not math.isfinite(value):
        return
    if isinstance(value, int) and not isinstance(value, bool) and dt.kind in "iu":
        info = np.iinfo(dt)
        if not info.min <= value <= info.max:
            return
    n = np.zeros(3, dtype=dt)
    with np.errstate(all="ignore"):
        n[1] = value
    x = xp.zeros(3, dtype=xdt(name))
    x[1] = value
    assert_array(x, n)


@pytest.mark.parametrize("name,value", [("int8", 128), ("int8", -129), ("uint8", -1),
                                        ("uint8", 256), ("uint16", 2**16), ("int32", 2**31),
                                        ("int64", 2**63), ("uint64", -1), ("uint64", 2**64)])
def test_setitem_python_int_out_of_range_raises(name, value):
    n = np.zeros(2, dtype=name)
    with pytest.raises(OverflowError):
        n[0] = value
    x = xp.zeros(2, dtype=xdt(name))
    with pytest.raises(OverflowError):
        x[0] = value
    assert_array(x, np.zeros(2, dtype=name))


@pytest.mark.parametrize("name,value", [("int8", 128.0), ("int8", -129.5), ("int8", 300.0),
                                        ("uint8", -1.0), ("uint8", 256.0), ("int16", 1e10),
                                        ("int32", 2.0**31), ("int64", 2.0**63), ("int64", 1e300),
                                        ("uint64", -1.0), ("uint64", 2.0**64)])
def test_setitem_python_float_out_of_range_raises(name, value):
    # never a wrapped value (300.0 into int8 was 44): OverflowError as in
    # NumPy, through every door that takes a Python number, and nothing written
    def check(setter):
        n = np.zeros(3, dtype=name)
        with pytest.raises(OverflowError):
            setter(np, n)
        x = xp.zeros(3, dtype=xdt(name))
        with pytest.raises(OverflowError, match="out of bounds"):
            setter(xp, x)
        assert_array(x, np.zeros(3, dtype=name))
    check(lambda m, a: a.__setitem__(0, value))
    check(lambda m, a: a.__setitem__(slice(None), value))
    check(lambda m, a: a.__setitem__(m.asarray([0, 2]), value))
    check(lambda m, a: a.__setitem__(a == 0, value))
    check(lambda m, a: a.fill(value))
    with pytest.raises(OverflowError):
        xp.asarray([1.0, value], dtype=xdt(name))
    with pytest.raises(OverflowError):
        xp.asarray(value, dtype=xdt(name))
    with pytest.raises(OverflowError):
        xp.full((2,), value, dtype=xdt(name))


@pytest.mark.parametrize("name,value", [("float32", 1e300), ("float32", -3.5e38),
                                        ("float16", 1e10), ("complex64", complex(1e300, 1)),
                                        ("complex64", complex(1, -1e39))])
def test_python_float_overflowing_a_narrow_type_warns(name, value):
    # NumPy's "overflow encountered in cast", through errstate: a warning,
    # nothing under over='ignore', FloatingPointError (nothing written) under
    # over='raise'; inf and nan themselves are no overflow
    import warnings
    for m in (np, xp):
        a = m.zeros(2, dtype=name)
        with pytest.warns(RuntimeWarning, match="overflow encountered in cast"):
            a[0] = value
        assert np.isinf(np.asarray(a)[0])
        with m.errstate(over="ignore"), warnings.catch_warnings():
            warnings.simplefilter("error")
            a[1] = value
        b = m.zeros(2, dtype=name)
        with m.errstate(over="raise"), pytest.raises(FloatingPointError, match="cast"):
            b[0] = value
        assert np.asarray(b).tolist() == [0, 0]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            b[0] = float("inf")
            b[1] = float("nan")
    with pytest.warns(RuntimeWarning, match="overflow encountered in cast"):
        r = xp.ones(2, dtype=xdt(name)) + value          # a weak scalar operand
    assert np.isinf(np.asarray(r)).all()
    with pytest.warns(RuntimeWarning, match="overflow encountered in cast"):
        xp.full((2,), value, dtype=xdt(name))


@pytest.mark.parametrize("name", ["int8", "uint8", "int32", "int64", "uint64"])
def test_setitem_python_float_in_range_truncates(name):
    info = np.iinfo(name)
    values = [0.9, -0.9, 3.7, float(info.max) if info.max < 2**53 else 2.0**52,
              float(info.min), info.max + 0.5 if info.max < 2**53 else 1.5]
    if info.min < 0:
        values += [-3.7, info.min - 0.5 if info.min > -2**53 else -1.5]
    for value in values:
        n = np.zeros(1, dtype=name)
        n[0] = value
        x = xp.zeros(1, dtype=xdt(name))
        x[0] = value
        assert_array(x, n)
    # a 0-d array's value is cast, as NumPy's (the unsafe cast wraps)
    n = np.zeros(1, dtype=name)
    n[0] = np.asarray(300.0)
    x = xp.zeros(1, dtype=xdt(name))
    x[0] = xp.asarray(300.0)
    assert_array(x, n)


@pytest.mark.parametrize("name", ["int8", "uint32", "float32", "float64"])
def test_setitem_complex_into_real_raises(name):
    x = xp.zeros(2, dtype=xdt(name))
    with pytest.raises(TypeError):
        x[0] = 1 + 2j


def test_setitem_broadcast_sequences_and_arrays():
    n = np.zeros((3, 4), dtype=np.float32)
    x = xp.zeros((3, 4), dtype=xp.float32)
    n[:] = [1, 2, 3, 4]
    x[:] = [1, 2, 3, 4]
    assert_array(x, n)
    n[1:, ::2] = [[7], [8]]
    x[1:, ::2] = [[7], [8]]
    assert_array(x, n)
    n[..., 1] = np.arange(3, dtype=np.int64)
    x[..., 1] = xp.asarray(np.arange(3, dtype=np.int64))
    assert_array(x, n)
    n[0] = 2.5
    x[0] = 2.5
    assert_array(x, n)
    n[()] = 9
    x[()] = 9
    assert_array(x, n)


def test_setitem_overlapping_self_assignment():
    n = np.arange(10)
    x = xp.asarray(n.copy())
    n[1:] = n[:-1]
    x[1:] = x[:-1]
    assert_array(x, n)
    n = np.arange(10)
    x = xp.asarray(n.copy())
    n[::-1] = n
    x[::-1] = x
    assert_array(x, n)


def test_setitem_0d():
    x = xp.asarray(1.5)
    x[()] = 4
    assert_array(x, np.asarray(4.0))
    x[...] = xp.asarray(2.0)
    assert_array(x, np.asarray(2.0))


@pytest.mark.parametrize("shape,value_shape", [((3,), (2,)), ((2, 3), (3, 2)), ((2, 3), (2, 3, 1)),
                                               ((3,), (4,)), ((2, 2), (2, 2, 2))])
def test_setitem_bad_broadcast_raises(shape, value_shape):
    x = xp.zeros(shape)
    with pytest.raises(ValueError):
        x[...] = xp.zeros(value_shape)
    with pytest.raises(ValueError):
        x[...] = np.zeros(value_shape).tolist()


def test_setitem_ragged_value_raises():
    x = xp.zeros((2, 2))
    with pytest.raises(ValueError):
        x[...] = [[1, 2], [3]]


# ---------------------------------------------------------------- integer arrays
@st.composite
def int_index_case(draw):
    n, x = draw(pairs(shape=shapes(min_dims=1, max_dims=3, min_side=1)))
    idx = draw(hnp.integer_array_indices(n.shape, result_shape=shapes(max_dims=2, max_side=4)))
    idx = idx[:draw(st.integers(1, len(idx)))]
    idtype = draw(st.sampled_from(["int64", "int32", "int16", "int8", "uint8", "intp"]))
    if np.dtype(idtype).kind == "u":
        idx = tuple(np.where(i < 0, i + n.shape[k], i) for k, i in enumerate(idx))
    idx = tuple(i.astype(idtype) for i in idx)
    return n, x, idx


@given(int_index_case())
def test_integer_array_getitem(case):
    n, x, idx = case
    expected = n[idx]
    r = x[tuple(xp.asarray(i) for i in idx)]
    assert_array(r, expected, exact_byteorder=False)
    if expected.size and any(i.ndim for i in idx):   # 0-d index arrays act as integers
        assert not shares_memory(r, x)


@given(int_index_case())
def test_integer_list_getitem(case):
    n, x, idx = case
    lists = tuple(i.tolist() for i in idx)
    assert_array(x[lists[0]], n[lists[0]], exact_byteorder=False)


@given(int_index_case(), st.data())
def test_integer_array_setitem(case, data):
    n, x, idx = case
    assume(n.flags.writeable)
    target = n[idx]
    v = data.draw(hnp.arrays(n.dtype.newbyteorder("="),
                             value_shapes(target.shape)))
    expected = n.copy()
    expected[idx] = v          # with duplicates, the last write wins (both sides in order)
    x[tuple(xp.asarray(i) for i in idx)] = xp.asarray(v)
    assert_array(x, expected)


@pytest.mark.parametrize("idx", [
    (slice(None), [0, 2]), ([0, 1], slice(None), None), ([[0], [1]], [0, 1, 2]),
    (slice(None), [1, 0], [1, 2]), ([0, 1], slice(None), [0, 1]), (Ellipsis, [3, -1]),
    (0, [1, 2], slice(1, 3)), ([1], 0, slice(None)), (None, [0, 1]), ([-1, -2],),
    ([], slice(None)),
], ids=repr)
def test_mixed_advanced_and_basic(idx):
    n = np.arange(2 * 3 * 4, dtype=np.float64).reshape(2, 3, 4)
    x = xp.asarray(n)
    nidx = tuple(np.asarray(i, dtype=np.intp) if isinstance(i, list) else i for i in idx)
    xidx = tuple(xp.asarray(np.asarray(i, dtype=np.intp)) if isinstance(i, list) else i
                 for i in idx)
    assert_array(x[xidx], n[nidx])
    v = np.arange(n[nidx].size, dtype=np.float64).reshape(n[nidx].shape) + 100
    n2 = n.copy()
    n2[nidx] = v
    x2 = xp.asarray(n.copy())
    x2[xidx] = xp.asarray(v)
    assert_array(x2, n2)


# ---------------------------------------------------------------- boolean masks
@st.composite
def mask_case(draw):
    n, x = draw(pairs(shape=shapes(min_dims=1, max_dims=3)))
    k = draw(st.integers(1, n.ndim))
    mask = draw(hnp.arrays(np.bool_, n.shape[:k]))
    return n, x, mask


@given(mask_case())
def test_bool_mask_getitem(case):
    n, x, mask = case
    assert_array(x[xp.asarray(mask)], n[mask], exact_byteorder=False)


@given(mask_case(), st.data())
def test_bool_mask_setitem(case, data):
    n, x, mask = case
    assume(n.flags.writeable)
    expected = n.copy()
    target = n[mask]
    v = data.draw(hnp.arrays(n.dtype.newbyteorder("="),
                             value_shapes(target.shape)))
    expected[mask] = v
    x[xp.asarray(mask)] = xp.asarray(v)
    assert_array(x, expected)


def test_bool_mask_setitem_scalar_and_mixed():
    n = np.arange(12, dtype=np.int32).reshape(3, 4)
    x = xp.asarray(n.copy())
    m = n % 3 == 0
    n[m] = -1
    x[xp.asarray(m)] = -1
    assert_array(x, n)
    rows = np.asarray([True, False, True])
    assert_array(x[xp.asarray(rows), 1:3], n[rows, 1:3])
    assert_array(x[..., xp.asarray([False, True, True, False])], n[..., [False, True, True, False]])


def test_bool_mask_from_comparison_like_list():
    n = np.arange(4)
    x = xp.asarray(n)
    assert_array(x[[True, False, True, True]], n[[True, False, True, True]])


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("idx", [3, -4, (0, 5), (0, -6), (slice(None), 5), (3, slice(None))],
                         ids=repr)
def test_out_of_range_index_raises_indexerror(idx):
    x = xp.zeros((3, 5))
    with pytest.raises(IndexError):
        x[idx]
    with pytest.raises(IndexError):
        x[idx] = 1.0


def test_index_on_empty_axis_raises():
    x = xp.zeros((0, 3))
    with pytest.raises(IndexError):
        x[0]


@pytest.mark.parametrize("idx", [(0, 0, 0), (0, 0, 0, 0), (Ellipsis, 0, 0, 0)], ids=repr)
def test_too_many_indices_raises_indexerror(idx):
    x = xp.zeros((2, 3))
    with pytest.raises(IndexError):
        x[idx]
    with pytest.raises(IndexError):
        x[idx] = 1
    with pytest.raises(IndexError):
        xp.asarray(5)[0]


def test_two_ellipses_raise_indexerror():
    with pytest.raises(IndexError):
        xp.zeros((2, 3))[..., ...]


@pytest.mark.parametrize("idx", [1.5, "a", b"a", object(), 1j, (0, 1.0), [1.5, 2.0],
                                 {1: 2}, slice(0.5, 2)], ids=repr)
def test_wrong_index_type_raises(idx):
    x = xp.zeros((3, 3))
    with pytest.raises((IndexError, TypeError)):
        x[idx]
    with pytest.raises((IndexError, TypeError)):
        x[idx] = 1


def test_float_array_index_raises_indexerror():
    x = xp.zeros(3)
    with pytest.raises(IndexError):
        x[xp.asarray([0.0, 1.0])]
    with pytest.raises(IndexError):
        x[xp.asarray(1.0)]


def test_integer_array_out_of_range_raises_indexerror():
    x = xp.zeros((3, 2))
    with pytest.raises(IndexError):
        x[xp.asarray([0, 3])]
    with pytest.raises(IndexError):
        x[xp.asarray([-4])]
    with pytest.raises(IndexError):
        x[xp.asarray([0, 3])] = 1.0
    with pytest.raises(IndexError):
        x[:, xp.asarray([2])]


@pytest.mark.parametrize("shape,idx", [
    ((1, 1, 0), ([], Ellipsis, 0)), ((1, 1, 0), ([], Ellipsis, -1)),
    ((2, 3), ([], 3)), ((2, 3), ([0, 1], -4)), ((0, 2), (0, [])),
])
def test_integer_beside_index_arrays_is_bounds_checked(shape, idx):
    # an int among index arrays is checked against its axis even when the
    # arrays select nothing, as NumPy does (found by Hypothesis)
    n = np.zeros(shape)
    x = xp.zeros(shape)
    nkey = tuple(np.asarray(k, dtype=np.int64) if isinstance(k, list) else k for k in idx)
    key = tuple(xp.asarray(k, dtype=xp.int64) if isinstance(k, list) else k for k in idx)
    with pytest.raises(IndexError) as e_np:
        n[nkey]
    with pytest.raises(IndexError) as e_ac:
        x[key]
    assert str(e_ac.value) == str(e_np.value)
    with pytest.raises(IndexError):
        x[key] = 1.0


def test_integer_arrays_not_broadcastable_raise_indexerror():
    x = xp.zeros((3, 3))
    with pytest.raises(IndexError):
        x[xp.asarray([0, 1]), xp.asarray([0, 1, 2])]


def test_bool_mask_wrong_shape_raises_indexerror():
    x = xp.zeros((2, 3))
    with pytest.raises(IndexError):
        x[xp.asarray([True, False, True])]
    with pytest.raises(IndexError):
        x[xp.zeros((3, 2), dtype=xp.bool)]
    with pytest.raises(IndexError):
        x[xp.zeros((3,), dtype=xp.bool)] = 1.0


# ---------------------------------------------------------------- read-only
def _readonly_arrays():
    out = [("broadcast_to", xp.broadcast_to(xp.asarray([1.0, 2.0]), (3, 2)))]
    ro = np.arange(6.0).reshape(2, 3)
    ro.flags.writeable = False
    out.append(("readonly numpy", xp.asarray(ro)))
    out.append(("bytes", xp.asarray(memoryview(b"abcdef"))))
    out.append(("readonly memoryview", xp.asarray(memoryview(bytearray(b"abcd")).toreadonly())))
    return out


@pytest.mark.parametrize("i", range(4))
def test_write_to_readonly_raises_valueerror(i):
    label, x = _readonly_arrays()[i]
    assert not x.flags.writeable, label
    before = to_numpy(x).copy()
    setters = [
        lambda: operator.setitem(x, (0,) * x.ndim, 1),
        lambda: operator.setitem(x, ..., 1),
        lambda: operator.setitem(x, slice(None), xp.zeros(x.shape, dtype=x.dtype)),
        lambda: operator.setitem(x, xp.asarray([0]), 1),
        lambda: operator.setitem(x, xp.ones(x.shape, dtype=xp.bool), 1),
    ]
    for s in setters:
        with pytest.raises(ValueError):
            s()
    with pytest.raises(ValueError):
        x.fill(0)
    np.testing.assert_array_equal(to_numpy(x), before)


def test_views_of_readonly_are_readonly():
    x = xp.broadcast_to(xp.asarray([1.0, 2.0]), (3, 2))
    for v in (x[1:], x[0], x[..., ::-1], x[None], x.T):
        assert not v.flags.writeable
        with pytest.raises(ValueError):
            v[...] = 0


def test_numpy_integer_scalars_index_like_ints():
    # NumPy integer scalars are integer indices: basic indexing, views
    x = xp.reshape(xp.arange(12), (3, 4))
    v = x[np.int64(1)]
    assert v.shape == (4,) and v.base is not None
    assert v.tolist() == [4, 5, 6, 7]
    assert x[np.int32(2), np.uint8(3)].item() == 11
    assert x[np.int16(-1), [0, 2]].tolist() == [8, 10]
