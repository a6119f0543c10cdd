"""a[mask] and a[mask] = v with a mask of the array's whole shape: the
compress/expand kernels (src/ac_mask.c) against NumPy, for every dtype,
layout and byte order, scalar and per-element values, wrong value lengths,
and values that alias the array.
"""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _helpers import DTYPE_NAMES, assert_array, xp


@st.composite
def cases(draw):
    name = draw(st.sampled_from(DTYPE_NAMES))
    dt = np.dtype(name)
    if dt.itemsize > 1 and draw(st.booleans()):
        dt = dt.newbyteorder()
    shape = tuple(draw(st.lists(st.integers(0, 7), min_size=1, max_size=3)))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n = int(np.prod(shape))
    x = (rng.random(n * 2) * 100 - 50).astype(dt.newbyteorder("=")).astype(dt)
    layout = draw(st.sampled_from(["C", "F", "strided", "reversed"]))
    if layout == "strided":
        x = x[::2].reshape(shape)
    elif layout == "reversed":
        x = x[:n][::-1].reshape(shape)
    elif layout == "F":
        x = np.asfortranarray(x[:n].reshape(shape))
    else:
        x = x[:n].reshape(shape)
    density = draw(st.sampled_from([0.0, 0.3, 1.0]))
    mask = rng.random(shape) < density
    mlayout = draw(st.sampled_from(["C", "F"]))
    if mlayout == "F":
        mask = np.asfortranarray(mask)
    return x, mask


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(c=cases())
def test_mask_get(c):
    x, mask = c
    assert_array(xp.asarray(x)[xp.asarray(mask)], x[mask])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(c=cases(), kind=st.sampled_from(["scalar", "0d", "per-element", "len1", "wrong-length"]))
def test_mask_set(c, kind):
    x, mask = c
    x = np.ascontiguousarray(x)
    count = int(mask.sum())
    if kind == "scalar":
        v = 7
    elif kind == "0d":
        v = np.asarray(3, dtype=np.float32)
    elif kind == "per-element":
        v = np.arange(count, dtype=np.int16)
    elif kind == "len1":
        v = np.asarray([5])
    else:
        v = np.arange(count + 2)
    exp = x.copy()
    a = xp.asarray(x.copy())
    try:
        exp[mask] = v
    except (ValueError, TypeError) as e:
        with pytest.raises(type(e)):
            a[xp.asarray(mask)] = xp.asarray(v) if isinstance(v, np.ndarray) else v
        return
    a[xp.asarray(mask)] = xp.asarray(v) if isinstance(v, np.ndarray) else v
    assert_array(a, exp)


def test_mask_set_from_a_view_of_itself():
    x = np.arange(10.0)
    m = np.ones(10, dtype=bool)
    a = xp.asarray(x.copy())
    a[xp.asarray(m)] = a[::-1]          # the value aliases the destination
    assert_array(a, x[::-1])


def test_mask_of_wrong_shape_is_an_index_error():
    a = xp.asarray(np.arange(6.0).reshape(2, 3))
    with pytest.raises(IndexError):
        a[xp.asarray(np.ones((3, 2), dtype=bool))]
    with pytest.raises(IndexError):
        a[xp.asarray(np.ones((3, 2), dtype=bool))] = 1.0


def test_mask_set_read_only_raises():
    x = np.arange(4.0)
    a = xp.asarray(x)
    b = xp.broadcast_to(a, (2, 4))
    with pytest.raises(ValueError):
        b[xp.asarray(np.ones((2, 4), dtype=bool))] = 1.0


@pytest.mark.parametrize("n", [1, 8, 255 * 8 + 3, 100_003])
def test_mask_long_with_sparse_and_dense(n):
    rng = np.random.default_rng(n)
    for dens in (0.001, 0.5, 0.999):
        x = rng.random(n)
        m = rng.random(n) < dens
        assert_array(xp.asarray(x)[xp.asarray(m)], x[m])
        c = (x * 1e6).astype(np.complex128)
        assert_array(xp.asarray(c)[xp.asarray(m)], c[m])
