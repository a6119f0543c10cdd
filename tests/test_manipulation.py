"""Manipulation functions: broadcast_arrays, broadcast_shapes, concat, stack,
unstack, roll, repeat, tile, take, take_along_axis; NumPy is the oracle."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from _helpers import (DTYPE_NAMES, LAYOUTS, assert_array, layout_pair, npdt, pairs, shapes,
                      shares_memory, xp)


@st.composite
def broadcastable_pairs(draw, num_shapes=None):
    k = num_shapes or draw(st.integers(1, 4))
    bs = draw(hnp.mutually_broadcastable_shapes(num_shapes=k, min_dims=0, max_dims=4,
                                                min_side=0, max_side=4))
    out = []
    for shp in bs.input_shapes:
        name = draw(st.sampled_from(DTYPE_NAMES))
        a = draw(hnp.arrays(np.dtype(name), shp))
        layout = draw(st.sampled_from(LAYOUTS))
        out.append(layout_pair(a, layout, draw(st.permutations(range(a.ndim)))))
    return out, np.broadcast_shapes(*bs.input_shapes)


# ---------------------------------------------------------------- broadcasting
@given(broadcastable_pairs())
def test_broadcast_arrays(case):
    ps, result_shape = case
    got = xp.broadcast_arrays(*[x for _, x in ps])
    exp = np.broadcast_arrays(*[n for n, _ in ps])
    assert len(got) == len(exp)
    for g, e, (n, x) in zip(got, exp, ps):
        assert tuple(g.shape) == result_shape
        assert_array(g, e, strides=True)
        if e.size:
            assert shares_memory(g, x)   # views, never copies


@given(hnp.mutually_broadcastable_shapes(num_shapes=3, min_dims=0, max_dims=5, min_side=0))
def test_broadcast_shapes(bs):
    got = xp.broadcast_shapes(*bs.input_shapes)
    assert isinstance(got, tuple)
    assert got == np.broadcast_shapes(*bs.input_shapes)
    assert all(isinstance(d, int) for d in got)


def test_broadcast_shapes_edge_cases():
    assert xp.broadcast_shapes() == ()
    assert xp.broadcast_shapes((3,)) == (3,)
    assert xp.broadcast_shapes((), (2, 1), (1, 3)) == (2, 3)
    assert xp.broadcast_shapes((0,), (1,)) == (0,)
    with pytest.raises(ValueError):
        xp.broadcast_shapes((2,), (3,))
    with pytest.raises(ValueError):
        xp.broadcast_shapes((2, 3), (0, 3), (1, 1))
    with pytest.raises(ValueError):
        xp.broadcast_arrays(xp.zeros(2), xp.zeros(3))


# ---------------------------------------------------------------- concat / stack
@st.composite
def concat_case(draw, same_shape=False):
    base = draw(shapes(min_dims=1, max_dims=3, max_side=4))
    axis = draw(st.integers(-len(base), len(base) - 1))
    k = draw(st.integers(1, 4))
    names = draw(st.lists(st.sampled_from(DTYPE_NAMES), min_size=k, max_size=k))
    ps = []
    for name in names:
        shp = list(base)
        if not same_shape:
            shp[axis] = draw(st.integers(0, 4))
        a = draw(hnp.arrays(np.dtype(name), tuple(shp)))
        layout = draw(st.sampled_from(LAYOUTS))
        ps.append(layout_pair(a, layout, draw(st.permutations(range(a.ndim)))))
    return ps, axis


@given(concat_case())
def test_concat(case):
    ps, axis = case
    got = xp.concat([x for _, x in ps], axis=axis)
    exp = np.concatenate([n for n, _ in ps], axis=axis)
    assert_array(got, exp, exact_byteorder=False)
    assert npdt(got.dtype) == np.result_type(*[n.dtype for n, _ in ps])
    for n, x in ps:
        if x.size:
            assert not shares_memory(got, x)


@given(concat_case())
def test_concat_axis_none_flattens(case):
    ps, _ = case
    got = xp.concat([x for _, x in ps], axis=None)
    exp = np.concatenate([n.reshape(-1) for n, _ in ps])
    assert_array(got, exp, exact_byteorder=False)


def test_concat_errors():
    with pytest.raises(ValueError):
        xp.concat([xp.zeros((2, 2)), xp.zeros((2,))])
    with pytest.raises(ValueError):
        xp.concat([xp.zeros((2, 2)), xp.zeros((3, 3))], axis=0)
    with pytest.raises((ValueError, IndexError)):
        xp.concat([xp.zeros((2, 2))], axis=2)
    with pytest.raises(ValueError):
        xp.concat([])
    with pytest.raises(ValueError):
        xp.concat([xp.asarray(1.0), xp.asarray(2.0)])   # 0-d arrays cannot be concatenated


def test_concat_tuple_input_and_default_axis():
    a, b = xp.asarray([[1, 2]]), xp.asarray([[3, 4]])
    assert_array(xp.concat((a, b)), np.asarray([[1, 2], [3, 4]]))


@given(concat_case(same_shape=True), st.data())
def test_stack(case, data):
    ps, _ = case
    nd = ps[0][0].ndim + 1
    axis = data.draw(st.integers(-nd, nd - 1))
    got = xp.stack([x for _, x in ps], axis=axis)
    exp = np.stack([n for n, _ in ps], axis=axis)
    assert_array(got, exp, exact_byteorder=False)


def test_stack_0d_and_errors():
    assert_array(xp.stack([xp.asarray(1), xp.asarray(2)]), np.asarray([1, 2]))
    with pytest.raises(ValueError):
        xp.stack([xp.zeros(2), xp.zeros(3)])
    with pytest.raises(ValueError):
        xp.stack([])
    with pytest.raises((ValueError, IndexError)):
        xp.stack([xp.zeros(2)], axis=2)


@given(pairs(shape=shapes(min_dims=1)), st.data())
def test_unstack(pair, data):
    n, x = pair
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    got = xp.unstack(x, axis=axis)
    exp = np.unstack(n, axis=axis)
    assert isinstance(got, tuple)
    assert len(got) == len(exp)
    for g, e in zip(got, exp):
        is_arr = isinstance(e, np.ndarray)    # NumPy yields native scalars from 1-d input
        assert_array(g, np.asarray(e), strides=is_arr, exact_byteorder=is_arr)
        if isinstance(e, np.ndarray) and e.ndim and e.size:
            assert shares_memory(g, x)   # NumPy gives views


def test_unstack_0d_raises():
    with pytest.raises((ValueError, IndexError)):
        xp.unstack(xp.asarray(1.0))


# ---------------------------------------------------------------- roll / repeat / tile
@given(pairs(), st.data())
def test_roll(pair, data):
    n, x = pair
    if n.ndim == 0 or data.draw(st.booleans()):
        shift = data.draw(st.integers(-7, 7))
        axis = None
    elif data.draw(st.booleans()):
        shift = data.draw(st.integers(-7, 7))
        axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    else:
        k = data.draw(st.integers(1, n.ndim))
        axis = tuple(data.draw(st.lists(st.integers(-n.ndim, n.ndim - 1), min_size=k,
                                        max_size=k)))
        shift = tuple(data.draw(st.lists(st.integers(-7, 7), min_size=k, max_size=k)))
    got = xp.roll(x, shift, axis=axis)
    assert_array(got, np.roll(n, shift, axis=axis), exact_byteorder=False)
    if n.size:
        assert not shares_memory(got, x)


@given(pairs(max_dims=3), st.data())
def test_repeat(pair, data):
    n, x = pair
    axis = None if n.ndim == 0 or data.draw(st.booleans()) else data.draw(
        st.integers(-n.ndim, n.ndim - 1))
    length = n.size if axis is None else n.shape[axis]
    if data.draw(st.booleans()):
        reps_np = data.draw(st.integers(0, 3))
        reps_x = reps_np
    else:
        reps_np = np.asarray(data.draw(st.lists(st.integers(0, 3), min_size=length,
                                                max_size=length)), dtype=np.int64)
        reps_x = xp.asarray(reps_np)
    got = xp.repeat(x, reps_x, axis=axis)
    assert_array(got, np.repeat(n, reps_np, axis=axis), exact_byteorder=False)


def test_repeat_errors():
    x = xp.asarray([1, 2, 3])
    with pytest.raises(ValueError):
        xp.repeat(x, -1)
    with pytest.raises(ValueError):
        xp.repeat(x, xp.asarray([1, 2]))


@given(pairs(max_dims=3, max_side=3), st.lists(st.integers(0, 3), max_size=4))
def test_tile(pair, reps):
    n, x = pair
    reps = tuple(reps)
    assert_array(xp.tile(x, reps), np.tile(n, reps), exact_byteorder=False)


# ---------------------------------------------------------------- take / take_along_axis
@given(pairs(shape=shapes(min_dims=1, min_side=1)), st.data())
def test_take(pair, data):
    n, x = pair
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    m = n.shape[axis]
    idx = np.asarray(data.draw(st.lists(st.integers(-m, m - 1), max_size=6)), dtype=np.int64)
    idt = data.draw(st.sampled_from(["int64", "int32", "int8", "uint8"]))
    if np.dtype(idt).kind == "u":
        idx = np.where(idx < 0, idx + m, idx)
    idx = idx.astype(idt)
    got = xp.take(x, xp.asarray(idx), axis=axis)
    assert_array(got, np.take(n, idx, axis=axis), exact_byteorder=False)


def test_take_1d_default_axis():
    n = np.arange(10.0)
    x = xp.asarray(n)
    idx = np.asarray([3, -1, 0, 3])
    assert_array(xp.take(x, xp.asarray(idx)), np.take(n, idx))


def test_take_nd_indices_like_numpy():
    # the standard asks for 1-d indices; NumPy accepts any shape
    n = np.arange(10.0)
    x = xp.asarray(n)
    idx2 = np.asarray([[0, 1], [2, 3]])
    assert_array(xp.take(x, xp.asarray(idx2)), np.take(n, idx2))


def test_take_errors():
    x = xp.zeros((2, 3))
    with pytest.raises(IndexError):
        xp.take(x, xp.asarray([3]), axis=1)
    with pytest.raises((IndexError, TypeError)):
        xp.take(x, xp.asarray([0.0]), axis=1)
    with pytest.raises((ValueError, IndexError)):
        xp.take(x, xp.asarray([0]), axis=2)


@given(pairs(shape=shapes(min_dims=1, min_side=1)), st.data())
def test_take_along_axis(pair, data):
    n, x = pair
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    ishape = list(n.shape)
    ishape[axis] = data.draw(st.integers(0, 5))
    # other axes may be 1 (broadcast) or match
    ishape = [s if i == axis % n.ndim else data.draw(st.sampled_from([s, 1]))
              for i, s in enumerate(ishape)]
    m = n.shape[axis]
    idx = data.draw(hnp.arrays(np.int64, tuple(ishape), elements=st.integers(-m, m - 1)))
    got = xp.take_along_axis(x, xp.asarray(idx), axis=axis)
    assert_array(got, np.take_along_axis(n, idx, axis=axis), exact_byteorder=False)


def test_take_along_axis_errors():
    x = xp.zeros((2, 3))
    with pytest.raises(IndexError):
        xp.take_along_axis(x, xp.asarray([[3]]), axis=1)
    with pytest.raises(ValueError):
        xp.take_along_axis(x, xp.asarray([0]), axis=1)   # ndim mismatch
