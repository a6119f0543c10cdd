"""Kernels made faster for issue 15, against NumPy: integer-array setitem
`a[i] = v` (indices checked block by block before any write, prefetched
writes into large arrays) and the ufunc.at fast paths (add, subtract,
multiply, maximum, minimum, fmax, fmin and the bitwise ones on every type
that has them), with repeated and negative indices, NaNs and signed zeros."""
import numpy as np
import pytest

from _helpers import IS_NUMPY, LAYOUTS, assert_array, layout_pair, to_numpy, xp

pytestmark = pytest.mark.skipif(IS_NUMPY, reason="arraycore's kernels")

PUT_NAMES = ["bool", "int8", "uint16", "int32", "float32", "int64", "float64",
             "complex64", "complex128"]


def _rand(rng, dt, n):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(dt)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
    a = (rng.standard_normal(n) * 10).astype(dt)
    if dt.kind == "c":
        a = a + 1j * (rng.standard_normal(n) * 10).astype(dt)
    return a


@pytest.mark.parametrize("name", PUT_NAMES)
@pytest.mark.parametrize("n", [1, 7, 2047, 2048, 2049, 10_000, 300_000])
def test_setitem_int_array_matches_numpy(name, n):
    # 300k float64 = 2.4 MB: the prefetching write loop
    rng = np.random.default_rng(n)
    a = _rand(rng, name, n)
    idx = rng.integers(-n, n, 2 * n)
    vals = _rand(rng, name, idx.size)
    ref = a.copy()
    ref[idx] = vals                    # repeated indices: the last one wins
    x = xp.asarray(a)
    x[xp.asarray(idx)] = xp.asarray(vals)
    assert_array(x, ref)
    ref[idx[: n // 2]] = vals[0]       # one value for all
    x[xp.asarray(idx[: n // 2])] = xp.asarray(vals[0])
    assert_array(x, ref)


@pytest.mark.parametrize("n", [10, 5000, 300_000])
def test_setitem_bad_index_in_any_block_writes_nothing(n):
    rng = np.random.default_rng(1)
    a = rng.standard_normal(n)
    for pos in (0, n // 2, 2047, 2048, 4100, 2 * n - 1):
        if pos >= 2 * n:
            continue
        for bad in (n, -n - 1, 2**62, -(2**63)):
            idx = rng.integers(-n, n, 2 * n)
            idx[pos] = bad
            x = xp.asarray(a)
            with pytest.raises(IndexError, match=f"index {bad} is out of bounds"):
                x[xp.asarray(idx)] = -1.0
            assert_array(x, a)         # every index is checked before any write


# ---------------------------------------------------------------- nditer(a)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("shape", [(), (1,), (7,), (3, 1, 4), (2, 3, 4), (1, 1)])
@pytest.mark.parametrize("name", ["float64", "int16", "complex64", "bool"])
def test_nditer_one_array_fast_path(layout, shape, name):
    # nditer(a) with no options takes a construction shortcut: the same
    # iterator as the general path (explicit defaults) and as NumPy's
    rng = np.random.default_rng(len(shape))
    a = _rand(rng, name, int(np.prod(shape))).reshape(shape)
    n, x = layout_pair(a, layout)
    fast = xp.nditer(x)
    general = xp.nditer(x, flags=[], op_flags=["readonly"], order="K", casting="safe")
    ref = np.nditer(n)
    assert fast.itersize == general.itersize == ref.itersize
    assert fast.ndim == general.ndim == ref.ndim
    assert tuple(fast.shape) == tuple(general.shape) == tuple(ref.shape)
    assert fast.dtypes == general.dtypes
    got = [to_numpy(v)[()] for v in fast]
    exp = [v[()] for v in ref]
    assert [to_numpy(v)[()] for v in general] == got
    np.testing.assert_array_equal(np.array(got, dtype=a.dtype), np.array(exp, dtype=a.dtype))
    with pytest.raises(ValueError, match="read-only"):
        it = xp.nditer(x)
        for v in it:
            v[...] = 0


def test_nditer_one_array_fast_path_edges():
    e = xp.asarray(np.zeros((2, 0)))
    with pytest.raises(ValueError, match="zero-sized"):
        xp.nditer(e)
    assert xp.nditer(e, flags=["zerosize_ok"]).itersize == 0
    x = xp.asarray(np.arange(6.0).reshape(2, 3))
    it = xp.nditer(x)
    with pytest.raises(RuntimeError, match="called twice"):
        it.__init__(x)
    # anything but the plain defaults takes the general path
    assert [float(v) for v in xp.nditer(x, order="C")] == [0, 1, 2, 3, 4, 5]
    assert [float(v) for v in xp.nditer(x, order="F")] == [0, 3, 1, 4, 2, 5]
    with pytest.raises(ValueError):
        xp.nditer(x, order="Q")
