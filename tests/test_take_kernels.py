"""Integer-array indexing through the typed kernels of src/ac_take.c (issue
15): a[i], a[i] = v and take with one int64 index array, on every dtype and
layout (C-contiguous arrays take the fast paths, the others the general
one), negative and out-of-bounds indices, repeated indices, values that
alias the array, casts.  NumPy is the oracle."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _helpers import (DTYPE_NAMES, IS_NUMPY, LAYOUTS, WRITABLE_LAYOUTS, assert_array,
                      layout_pair, np_arrays, to_numpy, xp)


@st.composite
def array_and_index(draw, layouts=LAYOUTS, index_layouts=("C", "strided", "byteswapped")):
    a = draw(np_arrays(DTYPE_NAMES, min_dims=1, max_dims=3, min_side=1, max_side=6))
    n, x = layout_pair(a, draw(st.sampled_from(layouts)),
                       draw(st.permutations(range(a.ndim))))
    dim = n.shape[0]
    ishape = draw(st.sampled_from([(0,), (1,), (7,), (2, 3)]))
    raw = np.array(draw(st.lists(st.integers(-dim, dim - 1), min_size=int(np.prod(ishape)),
                                 max_size=int(np.prod(ishape)))), dtype=np.int64).reshape(ishape)
    ni, xi = layout_pair(raw, draw(st.sampled_from(index_layouts)))
    return n, x, ni, xi


@given(array_and_index())
def test_int_array_getitem(case):
    n, x, ni, xi = case
    assert_array(x[xi], n[ni], exact_byteorder=False)
    assert_array(xp.take(x, xi, axis=0), np.take(n, ni, axis=0), exact_byteorder=False)


@given(array_and_index(layouts=WRITABLE_LAYOUTS), st.booleans())
def test_int_array_setitem(case, scalar):
    n, x, ni, xi = case              # x writes into n's memory, in n's layout
    ref = n.copy()
    rng = np.random.default_rng(ni.size)
    if scalar:
        v = np.array(rng.integers(0, 2), dtype=n.dtype)[()]
        ref[ni] = v
        x[xi] = v
    else:
        v = rng.integers(0, 2, ni.shape + n.shape[1:]).astype(n.dtype)
        ref[ni] = v
        x[xi] = xp.asarray(v)
    assert_array(x, ref, exact_byteorder=False)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_fast_paths_every_dtype(name):
    rng = np.random.default_rng(3)
    dt = np.dtype(name)
    a = rng.integers(0, 100, 300).astype(dt)
    a2 = rng.integers(0, 100, (50, 6)).astype(dt)
    i = rng.integers(-300, 300, 1000)
    i2 = rng.integers(-50, 50, (4, 5))
    x, x2 = xp.asarray(a), xp.asarray(a2)
    assert_array(x[xp.asarray(i)], a[i])
    assert_array(x2[xp.asarray(i2)], a2[i2])
    assert_array(xp.take(x2, xp.asarray(i2.ravel()), axis=0), np.take(a2, i2.ravel(), axis=0))
    assert_array(xp.take(x2, xp.asarray(i[:20] % 6), axis=1), np.take(a2, i[:20] % 6, axis=1))
    # repeated indices: the last value wins
    b, y = a.copy(), xp.asarray(a.copy())
    vals = rng.integers(0, 100, 1000).astype(dt)
    b[i] = vals
    y[xp.asarray(i)] = xp.asarray(vals)
    assert_array(y, b)
    # a value that aliases the array itself is read before any write
    b[i[:300]] = b[::-1][:300]
    y[xp.asarray(i[:300])] = y[::-1][:300]
    assert_array(y, b)
    # a Python scalar and a cast (float into an integer array truncates)
    b[i] = 7
    y[xp.asarray(i)] = 7
    assert_array(y, b)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's kernels")
def test_out_of_bounds_and_nothing_written():
    x = xp.asarray(np.arange(5.0))
    for bad in ([0, 5], [-6, 1], [2, 3, 99]):
        idx = xp.asarray(np.array(bad, dtype=np.int64))
        with pytest.raises(IndexError, match="out of bounds for axis 0 with size 5"):
            x[idx]
        with pytest.raises(IndexError, match="out of bounds for axis 0 with size 5"):
            xp.take(x, idx)
        with pytest.raises(IndexError, match="out of bounds"):
            x[idx] = -1.0
        assert_array(x, np.arange(5.0))          # checked before any write
    e = xp.asarray(np.zeros((0, 5)))
    with pytest.raises(IndexError, match="out of bounds for axis 1 with size 5"):
        xp.take(e, xp.asarray(np.array([7], dtype=np.int64)), axis=1)
    z = xp.asarray(np.zeros((3, 0)))
    with pytest.raises(IndexError, match="out of bounds for axis 0 with size 3"):
        z[xp.asarray(np.array([3], dtype=np.int64))]
    assert to_numpy(z[xp.asarray(np.array([2, -3], dtype=np.int64))]).shape == (2, 0)


# ---------------------------------------------------------------- ufunc.at
@given(st.sampled_from(DTYPE_NAMES), st.sampled_from(["add", "subtract", "multiply"]),
       st.sampled_from(WRITABLE_LAYOUTS), st.booleans(), st.integers(1, 40),
       st.integers(0, 2**32 - 1))
def test_ufunc_at_arith(name, op, layout, scalar_b, size, seed):
    # repeated and negative indices accumulate in index order; integers wrap
    rng = np.random.default_rng(seed)
    dt = np.dtype(name)
    if dt.kind == "b":
        a = rng.integers(0, 2, size).astype(dt)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        a = rng.integers(info.min, info.max, size, dtype=dt, endpoint=True)
    else:
        a = (rng.standard_normal(size) * 10).astype(dt)
    idx = rng.integers(-size, size, int(rng.integers(0, 3 * size + 1)))
    if scalar_b:
        b = a[0]
    else:
        b = a[rng.integers(0, size, idx.size)]
    n, x = layout_pair(a, layout)
    ref = n.copy()
    if dt.kind == "b" and op == "subtract":      # no boolean subtract, in either library
        with pytest.raises(TypeError):
            xp.subtract.at(x, xp.asarray(idx), b)
        return
    with np.errstate(all="ignore"):
        getattr(np, op).at(ref, idx, b)
        getattr(xp, op).at(x, xp.asarray(idx), b if scalar_b else xp.asarray(b))
    assert_array(x, ref, exact_byteorder=False)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's kernels")
def test_ufunc_at_cast_and_errors():
    x = xp.asarray(np.zeros(4, dtype=np.int32))
    xp.add.at(x, xp.asarray(np.array([0, 0, -1])), 2)            # Python int: weak
    assert_array(x, np.array([4, 0, 0, 2], dtype=np.int32))
    with pytest.raises(IndexError, match="out of bounds"):
        xp.add.at(x, xp.asarray(np.array([1, 4])), 1)
    assert_array(x, np.array([4, 0, 0, 2], dtype=np.int32))     # nothing written
    f = xp.asarray(np.ones(3))
    xp.multiply.at(f, xp.asarray(np.array([2, 2])), xp.asarray(np.array([3, 4], dtype=np.int8)))
    assert_array(f, np.array([1.0, 1.0, 12.0]))
