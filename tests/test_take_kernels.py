"""Integer-array indexing through the typed kernels of src/ac_take.c (issue
15): a[i], a[i] = v and take with one int64 index array, on every dtype and
layout (C-contiguous arrays take the fast paths, the others the general
one), negative and out-of-bounds indices, repeated indices, values that
alias the array, casts.  NumPy is the oracle."""
import warnings

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


# ------------------------------------------ groups, gathers, strides, values
@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("step", [1, 2, -1, -3])
def test_long_index_arrays_and_strided_vectors(name, step):
    # take/a[i] check indices 8 at a time and gather 4- and 8-byte elements
    # by AVX2 where fast; 1-d strided views take the row kernels too; a[i] =
    # one value over a large array runs the prefetching loop (> 1 MB)
    rng = np.random.default_rng(abs(step) * 7 + len(name))
    dt = np.dtype(name)
    for size, nidx in ((40, 61), (3000, 5000), (300_000, 20_003)):
        base = rng.integers(0, 100, size * abs(step)).astype(dt)
        nb, xb = base.copy(), xp.asarray(base.copy())
        n, x = nb[::step], xb[::step]
        i = rng.integers(-n.shape[0], n.shape[0], nidx)
        xi = xp.asarray(i)
        assert_array(x[xi], n[i])
        assert_array(xp.take(x, xi), np.take(n, i))
        n[i] = 5
        x[xi] = 5
        assert_array(xb, nb)
        v = rng.integers(0, 100, nidx).astype(dt)
        n[i] = v
        x[xi] = xp.asarray(v)
        assert_array(xb, nb)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's kernels")
@pytest.mark.parametrize("name", ["float64", "float32", "int16", "complex128"])
def test_bad_index_in_any_position_of_a_group(name):
    a = np.arange(50).astype(name)
    x = xp.asarray(a)
    for pos in (0, 3, 7, 8, 13, 15, 16, 39):
        for bad in (50, -51, 2**62, -2**63):
            i = np.arange(40) % 50 - 20
            i[pos] = bad
            msg = f"index {bad} is out of bounds for axis 0 with size 50"
            with pytest.raises(IndexError, match=msg):
                x[xp.asarray(i)]
            with pytest.raises(IndexError, match=msg):
                xp.take(x, xp.asarray(i))
            with pytest.raises(IndexError, match=msg):
                x[xp.asarray(i)] = 0
            with pytest.raises(IndexError, match=msg):
                x[xp.asarray(i)] = xp.asarray(np.zeros(40, dtype=name))
            assert_array(x, a)                   # nothing written
    e = xp.asarray(np.zeros(0))
    with pytest.raises(IndexError, match="index 0 is out of bounds for axis 0 with size 0"):
        e[xp.asarray(np.zeros(9, dtype=np.int64))]


def test_values_sharing_memory_with_the_target():
    # values in the target's memory are copied before any write; values
    # elsewhere in the same buffer (not overlapping) are read as they are
    rng = np.random.default_rng(11)
    for n_, x_ in (layout_pair(rng.random(400), "C"),):
        i = rng.integers(-100, 100, 100)
        nb, xb = n_.copy(), xp.asarray(n_.copy())
        nb[:100][i] = nb[::-1][:100]                  # overlapping, reversed
        xb[:100][xp.asarray(i)] = xb[::-1][:100]
        assert_array(xb, nb)
        nb[:100][i] = nb[200:300]                     # same buffer, apart
        xb[:100][xp.asarray(i)] = xb[200:300]
        assert_array(xb, nb)
        nb[::2][i] = nb[1::2][:100]                   # interleaved
        xb[::2][xp.asarray(i)] = xb[1::2][:100]
        assert_array(xb, nb)
        nb[i] = nb[5]                                 # one element of the target itself
        xb[xp.asarray(i)] = xb[5]
        assert_array(xb, nb)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_python_scalar_values_every_dtype(name):
    # a Python scalar is converted straight into one element (no 0-d array):
    # the same values and errors as NumPy's
    dt = np.dtype(name)
    i = np.array([1, -1, 3, 1])
    for v in (0, 1, True, False, 7, -1, 300, 2**63, 2.75, -0.0, 1e300, 3 + 4j):
        if dt.kind in "iu" and isinstance(v, float) and abs(v) > 2**62:
            continue        # NumPy raises OverflowError, arraycore wraps (as a[0] = v does)
        n, x = np.zeros(10, dtype=dt), xp.asarray(np.zeros(10, dtype=dt))
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                n[i] = v
        except (OverflowError, TypeError) as e:
            with pytest.raises(type(e)):
                x[xp.asarray(i)] = v
            continue
        x[xp.asarray(i)] = v
        assert_array(x, n)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's kernels")
def test_gathers_on_and_off_give_the_same(tmp_path):
    import os
    import subprocess
    import sys
    code = ("import numpy as np, arraycore as ac, hashlib\n"
            "rng = np.random.default_rng(1); h = hashlib.sha256()\n"
            "for dt in ('float64', 'int64', 'float32', 'int32', 'int16', 'complex128'):\n"
            "    for n in (5, 8, 9, 1000, 200_000):\n"
            "        a = rng.integers(0, 1000, n).astype(dt); i = rng.integers(-n, n, 3 * n + 1)\n"
            "        x = ac.asarray(a); xi = ac.asarray(i)\n"
            "        r1, r2 = np.asarray(x[xi]), np.asarray(ac.take(x, xi))\n"
            "        assert (r1 == a[i]).all() and (r2 == a[i]).all()\n"
            "        h.update(r1.tobytes())\n"
            "print(h.hexdigest())\n")
    out = []
    for g in ("0", "1"):
        env = dict(os.environ)
        env["ARRAYCORE_GATHER"] = g
        r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr
        out.append(r.stdout)
    assert out[0] == out[1]
