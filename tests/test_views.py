"""View-making functions: reshape, permute_dims, swapaxes, matrix_transpose,
expand_dims, squeeze, flip, broadcast_to, moveaxis, .T and .mT.

Each is checked for values, shape, dtype and strides against NumPy, and for
being a view: the result shares memory with its input (NumPy judges this on
zero-copy exports) and writes go through."""
import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from _helpers import (IS_NUMPY, WRITABLE_LAYOUTS, assert_array, pairs, shapes, shares_memory,
                      to_numpy, xp)


def check_view(r, expected, x, writeable=None):
    """r (xp) equals NumPy's `expected` with equivalent strides and is a view of x."""
    if not isinstance(expected, np.ndarray):   # NumPy gives a (native) scalar for some 0-d
        if IS_NUMPY:
            return
        assert_array(r, np.asarray(expected), exact_byteorder=False)
        if not x.size:
            return
        assert shares_memory(r, x), "result is not a view of its input"
        return
    assert_array(r, expected, strides=True)
    if expected.size:
        assert shares_memory(r, x), "result is not a view of its input"
    if writeable is None:
        writeable = x.flags.writeable
    assert r.flags.writeable == writeable


def check_writes_through(r, x, n_before, np_result_of):
    """Writing through the view r changes x exactly as NumPy's view changes n."""
    if r.size == 0 or not r.flags.writeable:
        return
    expected = n_before.copy()
    view = np_result_of(expected)
    one = True if expected.dtype == bool else 1
    if expected.dtype == bool:
        one = not bool(view.reshape(-1)[0])
    view[...] = one
    r[...] = one
    assert_array(x, expected)


# ---------------------------------------------------------------- reshape
@st.composite
def reshape_case(draw):
    n, x = draw(pairs(shape=shapes(max_dims=4, max_side=6)))
    size = n.size
    if size == 0:
        dims = draw(st.lists(st.integers(0, 4), min_size=0, max_size=3))
        new = dims + [0]
        new = draw(st.permutations(new))
        return n, x, tuple(new)
    factors = []
    m = size
    p = 2
    while m > 1:
        while m % p == 0:
            factors.append(p)
            m //= p
        p += 1
    factors = draw(st.permutations(factors))
    k = draw(st.integers(0, 4))
    cuts = sorted(draw(st.lists(st.integers(0, len(factors)), min_size=k, max_size=k)))
    groups, prev = [], 0
    for c in cuts + [len(factors)]:
        groups.append(math.prod(factors[prev:c]))
        prev = c
    new = list(groups)
    if draw(st.booleans()) and new:
        new[draw(st.integers(0, len(new) - 1))] = -1
    return n, x, tuple(new)


@given(reshape_case())
def test_reshape_matches_numpy_and_views_when_numpy_does(case):
    n, x, newshape = case
    expected = np.reshape(n, newshape)
    r = xp.reshape(x, newshape)
    assert_array(r, expected)
    if n.size:
        np_view = np.shares_memory(expected, n)
        assert shares_memory(r, x) == np_view, (
            "reshape must make a view exactly when the strides allow it (as NumPy does)")
        if np_view:
            assert_array(r, expected, strides=True)


@given(reshape_case())
def test_reshape_copy_keyword(case):
    n, x, newshape = case
    r = xp.reshape(x, newshape, copy=True)
    assert_array(r, np.reshape(n, newshape), exact_byteorder=False)
    if n.size:
        assert not shares_memory(r, x)
        needs_copy = not np.shares_memory(np.reshape(n, newshape), n)
        if needs_copy:
            with pytest.raises(ValueError):
                xp.reshape(x, newshape, copy=False)
        else:
            r2 = xp.reshape(x, newshape, copy=False)
            assert shares_memory(r2, x)


@given(pairs(layouts=["C", "strided", "negative", "byteswapped"], shape=shapes(min_dims=1)))
def test_reshape_view_writes_through(pair):
    n, x = pair
    newshape = (-1,) if n.flags.c_contiguous else (1,) + n.shape   # always possible as a view
    r = xp.reshape(x, newshape)
    assert shares_memory(r, x) or n.size == 0
    check_writes_through(r, x, n, lambda a: np.reshape(a, newshape))


@pytest.mark.parametrize("shape,new", [((6,), (4,)), ((6,), (-1, -1)), ((6,), (-1, 4)),
                                       ((2, 3), (7,)), ((0, 3), (-1, 0))])
def test_reshape_bad_shape_raises(shape, new):
    with pytest.raises(ValueError):
        xp.reshape(xp.zeros(shape), new)


def test_reshape_method_forms():
    # NumPy's method spellings, which Array API users also meet
    x = xp.asarray(np.arange(6))
    assert_array(x.reshape((2, 3)), np.arange(6).reshape(2, 3))
    assert_array(x.reshape(3, 2), np.arange(6).reshape(3, 2))


# ---------------------------------------------------------------- permute_dims & co
@given(pairs(), st.data())
def test_permute_dims(pair, data):
    n, x = pair
    perm = data.draw(st.permutations(range(n.ndim)))
    neg = data.draw(st.lists(st.booleans(), min_size=n.ndim, max_size=n.ndim))
    axes = tuple(p - n.ndim if b else p for p, b in zip(perm, neg))
    check_view(xp.permute_dims(x, axes), np.transpose(n, perm), x)


@given(pairs(layouts=WRITABLE_LAYOUTS, shape=shapes(min_dims=2)), st.data())
def test_permute_dims_writes_through(pair, data):
    n, x = pair
    perm = tuple(data.draw(st.permutations(range(n.ndim))))
    check_writes_through(xp.permute_dims(x, perm), x, n, lambda a: np.transpose(a, perm))


@pytest.mark.parametrize("axes", [(0,), (0, 0, 1), (0, 1, 3), (0, 1, -4), (1, 2, 0, 3)])
def test_permute_dims_bad_axes(axes):
    x = xp.zeros((2, 3, 4))
    with pytest.raises((ValueError, IndexError)):
        xp.permute_dims(x, axes)


@given(pairs(shape=shapes(min_dims=1)), st.data())
def test_swapaxes(pair, data):
    n, x = pair
    a1 = data.draw(st.integers(-n.ndim, n.ndim - 1))
    a2 = data.draw(st.integers(-n.ndim, n.ndim - 1))
    check_view(xp.swapaxes(x, a1, a2), np.swapaxes(n, a1, a2), x)


@given(pairs(shape=shapes(min_dims=2)))
def test_matrix_transpose_and_mT(pair):
    n, x = pair
    expected = np.swapaxes(n, -1, -2)
    check_view(xp.matrix_transpose(x), expected, x)
    check_view(x.mT, expected, x)


@given(pairs(layouts=WRITABLE_LAYOUTS, shape=shapes(min_dims=2)))
def test_mT_writes_through(pair):
    n, x = pair
    check_writes_through(x.mT, x, n, lambda a: np.swapaxes(a, -1, -2))


def test_matrix_transpose_needs_2d():
    for shape in [(), (3,)]:
        with pytest.raises(ValueError):
            xp.matrix_transpose(xp.zeros(shape))
        with pytest.raises(ValueError):
            xp.zeros(shape).mT


@given(pairs(shape=shapes(min_dims=2, max_dims=2)))
def test_T_2d(pair):
    n, x = pair
    check_view(x.T, n.T, x)


@given(pairs(shape=shapes(max_dims=1)))
def test_T_low_dims_is_identity_view(pair):
    n, x = pair
    check_view(x.T, n.T, x)


@given(pairs(shape=shapes(min_dims=1)), st.data())
def test_moveaxis(pair, data):
    n, x = pair
    k = data.draw(st.integers(1, n.ndim))
    src = data.draw(st.permutations(range(n.ndim)))[:k]
    dst = data.draw(st.permutations(range(n.ndim)))[:k]
    src = [s - n.ndim if data.draw(st.booleans()) else s for s in src]
    if k == 1 and data.draw(st.booleans()):
        src, dst = src[0], dst[0]
    else:
        src, dst = tuple(src), tuple(dst)
    check_view(xp.moveaxis(x, src, dst), np.moveaxis(n, src, dst), x)


def test_moveaxis_errors():
    x = xp.zeros((2, 3, 4))
    with pytest.raises((ValueError, IndexError)):
        xp.moveaxis(x, 3, 0)
    with pytest.raises(ValueError):
        xp.moveaxis(x, (0, 1), (0,))
    with pytest.raises(ValueError):
        xp.moveaxis(x, (0, 0), (1, 2))


# ---------------------------------------------------------------- expand_dims / squeeze
@given(pairs(), st.data())
def test_expand_dims(pair, data):
    n, x = pair
    ax = data.draw(st.integers(-n.ndim - 1, n.ndim))
    check_view(xp.expand_dims(x, axis=ax), np.expand_dims(n, ax), x)


@given(pairs(max_dims=3), st.data())
def test_expand_dims_tuple(pair, data):
    # 2025.12: axis may be a tuple of positions in the result
    n, x = pair
    k = data.draw(st.integers(1, 3))
    out_nd = n.ndim + k
    axes = data.draw(st.lists(st.integers(0, out_nd - 1), min_size=k, max_size=k, unique=True))
    axes = tuple(a - out_nd if data.draw(st.booleans()) else a for a in axes)
    check_view(xp.expand_dims(x, axis=axes), np.expand_dims(n, axes), x)


def test_expand_dims_errors():
    x = xp.zeros((2, 3))
    with pytest.raises((ValueError, IndexError)):
        xp.expand_dims(x, axis=3)
    with pytest.raises((ValueError, IndexError)):
        xp.expand_dims(x, axis=-4)
    with pytest.raises(ValueError):
        xp.expand_dims(x, axis=(0, 0))


@given(pairs(shape=shapes(max_side=2)), st.data())
def test_squeeze(pair, data):
    n, x = pair
    ones = [i for i, s in enumerate(n.shape) if s == 1]
    assume(ones)
    k = data.draw(st.integers(1, len(ones)))
    axes = data.draw(st.permutations(ones))[:k]
    axes = [a - n.ndim if data.draw(st.booleans()) else a for a in axes]
    axis = axes[0] if k == 1 and data.draw(st.booleans()) else tuple(axes)
    check_view(xp.squeeze(x, axis=axis), np.squeeze(n, axis=axis), x)


def test_squeeze_errors():
    x = xp.zeros((1, 3, 1))
    with pytest.raises(ValueError):
        xp.squeeze(x, axis=1)
    with pytest.raises((ValueError, IndexError)):
        xp.squeeze(x, axis=3)
    assert xp.squeeze(x, axis=(0, 2)).shape == (3,)
    assert xp.squeeze(x, axis=()).shape == (1, 3, 1)


# ---------------------------------------------------------------- flip
@given(pairs(), st.data())
def test_flip(pair, data):
    n, x = pair
    choice = data.draw(st.sampled_from(["none", "int", "tuple"]))
    if choice == "none" or n.ndim == 0:
        axis = None
    elif choice == "int":
        axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    else:
        axis = tuple(data.draw(st.permutations(range(n.ndim)))[:data.draw(
            st.integers(0, n.ndim))])
    check_view(xp.flip(x, axis=axis), np.flip(n, axis=axis), x)


@given(pairs(layouts=WRITABLE_LAYOUTS, shape=shapes(min_dims=1)))
def test_flip_writes_through(pair):
    n, x = pair
    check_writes_through(xp.flip(x), x, n, np.flip)


def test_flip_errors():
    with pytest.raises((ValueError, IndexError)):
        xp.flip(xp.zeros((2, 3)), axis=2)


# ---------------------------------------------------------------- broadcast_to
@st.composite
def broadcast_target(draw, shape):
    lead = draw(st.lists(st.integers(0, 3), max_size=2))
    tail = [draw(st.sampled_from([1, 0, 3])) if s == 1 else s for s in shape]
    return tuple(lead + tail)


@given(pairs(shape=shapes(max_side=3)), st.data())
def test_broadcast_to_is_readonly_view(pair, data):
    n, x = pair
    target = data.draw(broadcast_target(n.shape))
    expected = np.broadcast_to(n, target)
    r = xp.broadcast_to(x, target)
    check_view(r, expected, x, writeable=False)
    with pytest.raises(ValueError):
        r[...] = 0
    # the input stays writeable
    assert x.flags.writeable == n.flags.writeable


@pytest.mark.parametrize("shape,target", [((3,), (4,)), ((2, 3), (3, 3)), ((2, 1), (2,)),
                                          ((3,), (3, 0)), ((2,), ()), ((1,), (-1,))])
def test_broadcast_to_incompatible_raises(shape, target):
    with pytest.raises(ValueError):
        xp.broadcast_to(xp.zeros(shape), target)


# ---------------------------------------------------------------- chains of views
@given(pairs(layouts=WRITABLE_LAYOUTS, shape=shapes(min_dims=2, max_dims=3, min_side=1)))
def test_chained_views_keep_sharing(pair):
    n, x = pair
    r = xp.flip(xp.permute_dims(xp.expand_dims(x, axis=0), tuple(range(x.ndim + 1))[::-1]),
                axis=0)[..., ::2]
    e = np.flip(np.transpose(np.expand_dims(n, 0)), 0)[..., ::2]
    check_view(r, e, x)
    check_writes_through(r, x, n, lambda a: np.flip(np.transpose(np.expand_dims(a, 0)),
                                                      0)[..., ::2])


def test_view_base_chain_keeps_original_alive():
    x = xp.asarray(np.arange(24.0).reshape(2, 3, 4))
    v = xp.flip(xp.permute_dims(x, (2, 0, 1)), axis=1)[1:]
    del x
    import gc
    gc.collect()
    np.testing.assert_array_equal(to_numpy(v),
                                  np.flip(np.transpose(np.arange(24.0).reshape(2, 3, 4),
                                                       (2, 0, 1)), 1)[1:])
