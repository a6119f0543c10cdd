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


# ---------------------------------------------------------------- ufunc.at
AT_OPS = ["add", "subtract", "multiply", "maximum", "minimum", "fmax", "fmin",
          "bitwise_and", "bitwise_or", "bitwise_xor"]
AT_NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
            "float16", "float32", "float64", "complex64", "complex128"]


def _at_values(rng, name, n):
    a = _rand(rng, name, n)
    if a.dtype.kind in "fc":
        special = np.array([0.0, -0.0, np.nan, np.inf, -np.inf, 1.5], dtype=a.dtype)
        where = rng.random(n) < 0.4
        a[where] = special[rng.integers(0, len(special), int(where.sum()))]
    return a


def _has_loop(lib, op, dt):
    """lib (np or xp) has the op's `at` for the type"""
    try:
        getattr(lib, op).at(lib.asarray(np.zeros(1, dtype=dt)), lib.asarray(np.array([0])),
                            lib.asarray(np.zeros(1, dtype=dt)))
        return True
    except TypeError:
        return False


@pytest.mark.parametrize("op", AT_OPS)
@pytest.mark.parametrize("name", AT_NAMES)
def test_ufunc_at_ops_match_numpy(op, name):
    np_has, ac_has = _has_loop(np, op, name), _has_loop(xp, op, name)
    if not np_has:
        # NumPy has no such loop (bitwise ops of floats, subtract of bool):
        # arraycore refuses it too (the TypeError above), and that is the test
        assert not ac_has, f"arraycore has a {op} loop for {name}, NumPy has none"
        return
    assert ac_has, f"NumPy has a {op} loop for {name}, arraycore has none"
    rng = np.random.default_rng(AT_OPS.index(op) * 100 + AT_NAMES.index(name))
    for n, m, scalar_b in ((1, 5, False), (17, 60, False), (17, 60, True), (3000, 9000, False),
                           (300_000, 20_000, False)):
        a = _at_values(rng, name, n)
        idx = rng.integers(-n, n, m)
        b = a[0] if scalar_b else _at_values(rng, name, m)
        ref = a.copy()
        x = xp.asarray(a)
        with np.errstate(all="ignore"), xp.errstate(all="ignore"):
            getattr(np, op).at(ref, idx, b)
            getattr(xp, op).at(x, xp.asarray(idx), b if scalar_b else xp.asarray(b))
        assert_array(x, ref)
        if ref.dtype.kind not in "fc" or op in ("fmax", "fmin"):
            # fmax/fmin: which of equal zeros or of two NaNs is returned is
            # C's fmax's choice (NumPy's own fmax and fmax.at differ there)
            continue
        got = to_numpy(x)
        # the signs of zeros (which NaN an addition returns is the hardware's
        # operand order: not compared)
        for part in ("real", "imag"):
            g, r = getattr(got, part), getattr(ref, part)
            keep = ~np.isnan(r)
            np.testing.assert_array_equal(np.signbit(g[keep]), np.signbit(r[keep]))


@pytest.mark.parametrize("op", ["add", "maximum", "bitwise_xor", "fmin"])
def test_ufunc_at_index_kinds_layouts_and_nd(op):
    rng = np.random.default_rng(5)
    a = rng.integers(-50, 50, 40).astype(np.int64)
    b = rng.integers(-50, 50, 30).astype(np.int64)
    for idx in (rng.integers(-40, 40, 30).astype(np.int32),
                rng.integers(0, 40, 30).astype(np.uint8),
                rng.integers(-40, 40, 60)[::2],            # strided int64
                rng.integers(-40, 40, 30).astype(">i8")):  # byte-swapped
        ref = a.copy()
        x = xp.asarray(a)
        getattr(np, op).at(ref, idx, b)
        getattr(xp, op).at(x, xp.asarray(idx), xp.asarray(b))
        assert_array(x, ref)
    # the index array is the target itself: indices read before they change
    t = np.array([3, 0, 2, 2, 1], dtype=np.int64)
    ref = t.copy()
    getattr(np, op).at(ref, ref.copy(), 7)
    xt = xp.asarray(t.copy())
    getattr(xp, op).at(xt, xt, 7)
    assert_array(xt, ref)
    # N-d C-contiguous (flat positions) and non-contiguous targets
    a2 = rng.integers(-50, 50, (6, 7)).astype(np.int64)
    i0, i1 = rng.integers(-6, 6, 25), rng.integers(-7, 7, 25)
    vals = rng.integers(-50, 50, 25)
    for src in (a2, a2.T, a2[::2]):
        ref = src.copy()
        x = xp.asarray(src.copy())
        getattr(np, op).at(ref, (i0 % ref.shape[0], i1 % ref.shape[1]), vals)
        getattr(xp, op).at(x, (xp.asarray(i0 % ref.shape[0]), xp.asarray(i1 % ref.shape[1])),
                           xp.asarray(vals))
        assert_array(x, ref)
    # the values read in place (1-d, of the loop's type: strided, reversed)
    # or, when they overlap the target, from a copy made first
    a1 = rng.integers(-50, 50, 60).astype(np.int64)
    idx = rng.integers(-60, 60, 60)
    w = rng.integers(-50, 50, 120).astype(np.int64)
    for vals_np, vals_xp in ((w[::2], xp.asarray(w)[::2]), (w[::-2], xp.asarray(w)[::-2])):
        ref = a1.copy()
        x = xp.asarray(a1.copy())
        getattr(np, op).at(ref, idx, vals_np)
        getattr(xp, op).at(x, xp.asarray(idx), vals_xp)
        assert_array(x, ref)
    for view in (lambda v: v, lambda v: v[::-1]):
        ref = a1.copy()
        x = xp.asarray(a1.copy())
        getattr(np, op).at(ref, idx, view(ref))
        getattr(xp, op).at(x, xp.asarray(idx), view(x))
        assert_array(x, ref)


@pytest.mark.parametrize("op", ["add", "maximum", "bitwise_or"])
def test_ufunc_at_bad_index_writes_nothing(op):
    for n in (10, 300_000):
        a = np.arange(n, dtype=np.int64)
        for bad in (n, -n - 1):
            idx = np.random.default_rng(n).integers(-n, n, 5000)
            idx[4097 % idx.size] = bad
            x = xp.asarray(a)
            with pytest.raises(IndexError, match=f"index {bad} is out of bounds"):
                getattr(xp, op).at(x, xp.asarray(idx), 3)
            assert_array(x, a)
