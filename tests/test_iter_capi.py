"""The iterator C-API through a test extension (tests/capi_src/iter_testmod.c)
compiled against the installed headers with NumPy's spellings
(npy_compat.h): the flat iterator macros, the multi-iterator, the
neighborhood iterator with its five boundary modes, NpyIter (buffered casts,
allocated outputs, multi-index, ranges, copies), ACIter_ForEachSlice, and bad
calls.  NumPy is the oracle."""
import os

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import _capi_build as B
from _sums import assert_sum_close
from _helpers import DTYPE_NAMES, LAYOUTS, WRITABLE_LAYOUTS, layout_pair, pairs

ac = pytest.importorskip("arraycore")

CORDER, FORTRANORDER, KEEPORDER = 0, 1, 2
ZERO, ONE, CONSTANT, CIRCULAR, MIRROR = range(5)


@pytest.fixture(scope="session")
def it_mod(tmp_path_factory):
    B.ac_include()
    out = tmp_path_factory.mktemp("iter_ext")
    target = os.path.join(out, "iter_testmod" + B.ext_suffix())
    B.run_parallel([B.compile_cmd(os.path.join(B.CAPI_SRC, "iter_testmod.c"), target)])
    return B.load_module("iter_testmod", target)


@pytest.fixture(scope="session")
def it_mod_cxx(tmp_path_factory):
    B.ac_include()
    out = tmp_path_factory.mktemp("iter_ext_cxx")
    target = os.path.join(out, "iter_testmod" + B.ext_suffix())
    B.run_parallel([B.compile_cmd(os.path.join(B.CAPI_SRC, "iter_testmod.c"), target,
                                  cxx=True)])
    return B.load_module("iter_testmod", target)


def test_cxx_build(it_mod_cxx):
    # the iterator headers and NumPy spellings compile as C++ and work
    n = np.arange(6.0).reshape(2, 3)
    assert it_mod_cxx.flat_bytes(ac.asarray(n).T) == [v.tobytes() for v in n.T.ravel()]
    assert "ranged" in it_mod_cxx.bad_calls(ac.zeros(3))


def elems(n):
    """The bytes of each element of a NumPy array, C order."""
    return [np.asarray(v).tobytes() for v in n.reshape(-1)] if n.size else []


@given(pairs())
def test_flat_macros(it_mod, p):
    n, x = p
    assert it_mod.flat_bytes(x) == [np.array(v, dtype=n.dtype).tobytes()
                                    for v in np.ravel(n)]


@given(pairs(min_side=1, min_dims=1), st.data())
def test_flat_goto(it_mod, p, data):
    n, x = p
    i = data.draw(st.integers(0, n.size - 1))
    coords = [data.draw(st.integers(-s, s - 1)) for s in n.shape]
    b1, b2, index = it_mod.flat_goto(x, i, coords)
    flat = np.ravel(n)
    assert b1 == np.array(flat[i], dtype=n.dtype).tobytes()
    assert b2 == np.array(n[tuple(coords)], dtype=n.dtype).tobytes()
    assert index == np.ravel_multi_index(tuple(c % s for c, s in zip(coords, n.shape)), n.shape)


@given(pairs(min_side=1, min_dims=1), st.data())
def test_iter_all_but_axis(it_mod, p, data):
    n, x = p
    axis = data.draw(st.integers(-1, n.ndim - 1))
    got_axis, firsts = it_mod.all_but_axis(x, axis)
    if axis >= 0:
        assert got_axis == axis
    first = np.take(n, [0], axis=got_axis)
    assert firsts == [np.array(v, dtype=n.dtype).tobytes() for v in np.ravel(first)]


@given(st.data())
def test_multi_iter(it_mod, data):
    bs = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4))
    ps = []
    for shp in bs.input_shapes:
        a = data.draw(hnp.arrays(np.dtype(data.draw(st.sampled_from(DTYPE_NAMES))), shp))
        ps.append(layout_pair(a, data.draw(st.sampled_from(LAYOUTS))))
    got, size, nd = it_mod.multi_bytes(ps[0][1], ps[1][1])
    ba, bb = np.broadcast_arrays(ps[0][0], ps[1][0])
    assert size == ba.size and nd == ba.ndim
    assert got == list(zip([np.array(v, dtype=ba.dtype).tobytes() for v in np.ravel(ba)],
                           [np.array(v, dtype=bb.dtype).tobytes() for v in np.ravel(bb)]))


def _neighborhood_ref(n, bounds, mode, fill):
    """For each element (C order), the neighborhood's values from np.pad."""
    nd = n.ndim
    lo = [max(0, -bounds[2 * i]) for i in range(nd)]
    hi = [max(0, bounds[2 * i + 1]) for i in range(nd)]
    pad = list(zip(lo, hi))
    if mode in (ZERO, ONE, CONSTANT):
        c = {ZERO: 0, ONE: 1, CONSTANT: fill}[mode]
        padded = np.pad(n, pad, mode="constant", constant_values=np.array(c).astype(n.dtype))
    else:
        padded = np.pad(n, pad, mode="wrap" if mode == CIRCULAR else "symmetric")
    out = []
    for idx in np.ndindex(*n.shape):
        sl = tuple(slice(idx[i] + lo[i] + bounds[2 * i], idx[i] + lo[i] + bounds[2 * i + 1] + 1)
                   for i in range(nd))
        out.append([np.array(v, dtype=n.dtype).tobytes() for v in np.ravel(padded[sl])])
    return out


@given(pairs(dtype_names=["int8", "int32", "float64", "complex64"], min_side=1, max_side=4,
             min_dims=1, max_dims=3),
       st.sampled_from([ZERO, ONE, CONSTANT, CIRCULAR, MIRROR]), st.data())
def test_neighborhood(it_mod, p, mode, data):
    n, x = p
    bounds = []
    for s in n.shape:
        lo = data.draw(st.integers(-3, 1))
        hi = data.draw(st.integers(max(lo, -1), 3))
        if mode in (CIRCULAR, MIRROR):     # np.pad's wrap/symmetric pad by at most 1 period
            lo, hi = max(lo, -s), min(hi, s)
            hi = max(hi, lo)
        bounds += [lo, hi]
    fill = data.draw(st.integers(0, 100))
    got = it_mod.neighborhood(x, bounds, mode, ac.asarray(fill) if mode == CONSTANT else None)
    assert got == _neighborhood_ref(n, bounds, mode, fill)


def test_neighborhood_errors(it_mod):
    x = ac.asarray(np.arange(4.0))
    with pytest.raises(ValueError, match="mode"):
        it_mod.neighborhood(x, [-1, 1], 9, None)
    with pytest.raises(ValueError, match="fill"):
        it_mod.neighborhood(x, [-1, 1], CONSTANT, None)
    with pytest.raises(ValueError, match="ordered"):
        it_mod.neighborhood(x, [1, -1], ZERO, None)


@given(pairs(min_side=0), st.sampled_from([CORDER, FORTRANORDER, KEEPORDER]),
       st.sampled_from([0, 1, 3, 64]))
def test_npyiter_buffered_sum(it_mod, p, order, bufsize):
    n, x = p
    with np.errstate(all="ignore"):
        vals = (np.real(n) if n.dtype.kind == "c" else n).astype(np.float64)
        got = it_mod.nditer_sum(x, order, bufsize)
    assert_sum_close(got, vals)


@given(st.data())
def test_npyiter_allocated_add(it_mod, data):
    bs = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4))
    ps = []
    for shp in bs.input_shapes:
        a = data.draw(hnp.arrays(np.dtype(data.draw(st.sampled_from(["int16", "float32",
                                                                      "float64", "uint8"]))),
                                 shp, elements=st.integers(0, 100)))
        ps.append(layout_pair(a, data.draw(st.sampled_from(LAYOUTS))))
    out = it_mod.nditer_add(ps[0][1], ps[1][1])
    assert isinstance(out, ac.ndarray) and out.dtype == ac.float64
    np.testing.assert_array_equal(np.asarray(out), ps[0][0].astype(np.float64) + ps[1][0])


@given(pairs(min_side=0), st.sampled_from([CORDER, FORTRANORDER, KEEPORDER]))
def test_npyiter_multi_index(it_mod, p, order):
    n, x = p
    got, shape = it_mod.nditer_multi_index(x, order)
    ref = np.nditer(n, ["multi_index", "c_index", "zerosize_ok"],
                    order={CORDER: "C", FORTRANORDER: "F", KEEPORDER: "K"}[order])
    assert shape == n.shape
    assert got == [(ref.multi_index, ref.index) for _ in ref]


@given(pairs(min_side=1, min_dims=1), st.data())
def test_npyiter_ranged_copy(it_mod, p, data):
    n, x = p
    start = data.draw(st.integers(0, n.size))
    end = data.draw(st.integers(start, n.size))
    got, s, e = it_mod.nditer_ranged(x, start, end)
    assert (s, e) == (start, end)
    assert got == [np.array(v, dtype=n.dtype).tobytes() for v in np.ravel(n)[start:end]]


# the slice walker hands out the operands' memory as it is (no casts): the
# callback reads native, aligned doubles
@given(pairs(dtype_names=["float64"], min_side=0, min_dims=1, max_dims=3,
             layouts=["C", "F", "permuted", "strided", "negative", "broadcast"]), st.data())
def test_foreach_slice_cumsum(it_mod, p, data):
    n, x = p
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    out = ac.zeros(n.shape, dtype=ac.float64)
    r, count = it_mod.cumsum(x, out, axis)
    assert r == 0
    assert count == (n.size // n.shape[axis] if n.size else 0)
    with np.errstate(all="ignore"):
        exp = np.cumsum(n, axis=axis)
    np.testing.assert_array_equal(np.asarray(out), exp)


def test_foreach_slice_stops_and_errors(it_mod):
    assert it_mod.stop_early(ac.zeros((5, 2))) == (7, 3)
    x = ac.zeros((2, 3))
    with pytest.raises(ValueError, match="broadcast"):
        it_mod.cumsum(x, ac.zeros(3), 1)         # a written operand may not be broadcast
    with pytest.raises(ValueError, match="read-only"):
        it_mod.cumsum(x, ac.broadcast_to(ac.zeros(3), (2, 3)), 1)
    with pytest.raises(IndexError):
        it_mod.cumsum(x, ac.zeros((2, 3)), 2)
    with pytest.raises(ValueError, match="broadcast"):
        it_mod.cumsum(x, ac.zeros((3, 3)), 1)
    with pytest.raises(TypeError):
        it_mod.cumsum([1.0], ac.zeros(1), 0)


def test_bad_calls(it_mod):
    msg = it_mod.bad_calls(ac.zeros(3))
    assert "ranged" in msg
    with pytest.raises(ValueError, match="read-only"):
        it_mod.readonly_write(ac.broadcast_to(ac.zeros(3), (2, 3)))
    with pytest.raises(TypeError):
        it_mod.flat_bytes(None)


def test_misc_entries(it_mod):
    n = np.arange(6.0).reshape(2, 3)
    a = ac.asarray(n)
    b = ac.asarray(n * 10)
    r = it_mod.misc(a, b)
    assert r["ext"] == 0 and r["req"] == 1 and r["buf"] == 1 and r["bufsize"] == 4
    assert r["fixed"] == 4                          # float32 buffer
    np.testing.assert_array_equal(np.asarray(r["view"]), n)
    assert r["ndim"] == 1 and r["shape0"] == 6      # coalesced after RemoveMultiIndex
    assert r["total"] == (n * 10).sum()             # iterated b after ResetBasePointers
    assert r["types"] == (ac.flatiter, ac.broadcast, ac._classic_iter.neighborhooditer)
    with pytest.raises(ValueError):
        it_mod.misc(ac.zeros(4), ac.zeros(4))       # BroadcastToShape (4,) -> (2, 3)


@given(pairs(min_side=1, min_dims=1), st.data())
def test_goto_index(it_mod, p, data):
    n, x = p
    i = data.draw(st.integers(0, n.size - 1))
    ref = np.nditer(n, ["multi_index", "f_index"])
    ref.index = i
    assert it_mod.goto_index(x, i) == ref.multi_index


def test_neighborhood_from_python():
    from arraycore._classic_iter import neighborhood_iter_new
    x = ac.asarray(np.arange(5))
    f = x.flat
    next(f)
    next(f)                                          # centre at element 2
    nb = neighborhood_iter_new(f, [-3, 3], CIRCULAR, None)
    assert [int(v) for v in nb] == [4, 0, 1, 2, 3, 4, 0]
    nb.reset()
    assert [int(v) for v in nb] == [4, 0, 1, 2, 3, 4, 0]
    assert nb.neighborhood == ((-3, 3),) and nb.mode == CIRCULAR and nb.center is f
    with pytest.raises(TypeError):
        neighborhood_iter_new(x, [-1, 1], ZERO, None)
    with pytest.raises(TypeError):
        neighborhood_iter_new(nb, [-1, 1], ZERO, None)


def test_neighborhood_after_contiguous_walk():
    from arraycore._classic_iter import neighborhood_iter_new
    n = np.arange(12).reshape(3, 4)
    f = ac.asarray(n).flat
    for _ in range(6):
        next(f)                                      # centre at (1, 2), walked contiguously
    nb = neighborhood_iter_new(f, [-1, 1, -1, 1], ZERO, None)
    assert [int(v) for v in nb] == list(n[0:3, 1:4].ravel())
    next(f)                                          # (1, 3): coordinates kept from now on
    nb.reset()
    assert [int(v) for v in nb] == [2, 3, 0, 6, 7, 0, 10, 11, 0]
