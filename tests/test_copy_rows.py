"""The row-band copy path of ac_copy_nd (src/ac_copy.c, rows_inner): blocks
whose last dimension is short (<= 64 elements) or contiguous on both sides are
copied a band of rows per call.  Assignments into strided destinations (a
pad's side strips, a strided interior) are checked against NumPy for every
dtype and layout, with scalar, row and column sources, and across band
boundaries."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _helpers import LAYOUTS, assert_array, make_layout, to_numpy, xp

SIZES = st.sampled_from([1, 3, 4, 7, 16, 63, 64, 65, 200])


@st.composite
def block(draw):
    """A destination window (key into a bigger array) and the shape it has."""
    rows = draw(st.integers(4, 40))
    cols = draw(SIZES)
    lead = draw(st.sampled_from([(), (2,), (3,)]))
    step = draw(st.sampled_from([1, 1, 2, -1]))
    before = draw(st.integers(0, 3))
    after = draw(st.integers(0, 3))
    big_cols = before + abs(step) * cols + after
    col_key = slice(before, before + abs(step) * cols, abs(step))
    if step < 0:
        col_key = slice(before + abs(step) * cols - 1, (before - 1) if before else None, step)
    return lead, rows, cols, big_cols, col_key


def _values(dt, shape, seed):
    rng = np.random.default_rng(seed)
    v = rng.integers(-100, 100, size=shape)
    if dt == "bool":
        return v > 0
    if dt.startswith("complex"):
        return (v + 1j * rng.integers(-100, 100, size=shape)).astype(dt)
    if dt.startswith("uint"):
        return np.abs(v).astype(dt)
    return v.astype(dt)


# one dtype of each itemsize (and bool, float16), each kind of source
@pytest.mark.parametrize("dt", ["bool", "int8", "float16", "int32", "float64", "int64",
                                "complex64", "complex128", "uint16"])
@pytest.mark.parametrize("source", ["array", "scalar", "row", "column"])
@settings(max_examples=30, deadline=None)
@given(block(), st.sampled_from(LAYOUTS), st.integers(0, 2**16))
def test_assign_into_strided_block(dt, source, blk, layout, seed):
    lead, rows, cols, big_cols, col_key = blk
    big_n = _values(dt, lead + (rows + 2, big_cols), seed)
    big_x = xp.asarray(big_n.copy())
    key = (Ellipsis, slice(1, rows + 1), col_key)
    shape = lead + (rows, cols)
    if source == "scalar":
        val_n = _values(dt, (), seed + 1)[()]
        val_x = val_n.item()
    else:
        vshape = {"array": shape, "row": (cols,), "column": (rows, 1)}[source]
        val_n = make_layout(_values(dt, vshape, seed + 1), layout)
        val_x = xp.asarray(val_n)
    big_n[key] = val_n
    big_x[key] = val_x
    assert_array(big_x, big_n)


@pytest.mark.parametrize("dt", ["uint8", "float64", "complex128"])
@pytest.mark.parametrize("cols", [16, 64, 3000])
def test_copy_crosses_row_bands(dt, cols):
    # more rows than one band holds (a band is about 2**21 elements)
    rows = (1 << 21) // cols * 2 + 5
    n = _values(dt, (rows, cols), 7)
    big_n = np.zeros((rows, cols + 3), dtype=dt)
    big_x = xp.asarray(big_n.copy())
    big_n[:, 1:cols + 1] = n
    big_x[:, 1:cols + 1] = xp.asarray(n)
    assert_array(big_x, big_n)
    # and the same rows read back from the strided block into a new array
    got = xp.asarray(big_x[:, 1:cols + 1], copy=True)
    assert np.array_equal(to_numpy(got), n)


def test_copy_same_elements_in_place():
    # a[...] = a over a strided block: source and destination are one view
    n = np.arange(40 * 20, dtype=np.float64).reshape(40, 20)
    x = xp.asarray(n.copy())
    v = x[:, 2:18]
    v[...] = v
    assert np.array_equal(to_numpy(x), n)
    # overlapping shifted rows go through a temporary, as in NumPy
    x[:, 1:17] = x[:, 2:18]
    n[:, 1:17] = n[:, 2:18]
    assert np.array_equal(to_numpy(x), n)


TRANSPOSE_CODE = r"""
import numpy as np, arraycore as ac
rng = np.random.default_rng(3)
for dt in ("float64", "int64", "complex64", "float32", "int16", "uint8", "complex128"):
    for shape in ((4, 4), (5, 9), (8, 8), (37, 101), (300, 257), (3, 70, 66)):
        x = (rng.standard_normal(shape) * 100).astype(dt)
        if dt == "float64":    # NaNs with payloads: moved bit for bit
            x.reshape(-1)[::7] = np.nan
            x.view(np.uint64).reshape(-1)[::7] |= np.arange(x.size)[::7].astype(np.uint64) & 0xFFF
        a = ac.asarray(x)
        views = [(a.T if a.ndim == 2 else ac.permute_dims(a, (0, 2, 1)),
                  x.T if x.ndim == 2 else x.transpose(0, 2, 1))]
        if a.ndim == 2:
            views += [(a[1::2, ::3].T, x[1::2, ::3].T), (a[::-1].T, x[::-1].T),
                      (a[:, 1:].T, x[:, 1:].T)]
        for v, w in views:
            got = np.asarray(v.copy(order="C"))
            assert got.flags.c_contiguous
            assert got.tobytes() == np.ascontiguousarray(w).tobytes(), (dt, shape)
            o = ac.zeros(v.shape, dtype=dt)
            o[...] = v
            assert np.asarray(o).tobytes() == np.ascontiguousarray(w).tobytes(), (dt, shape)
m = ac.asarray(rng.standard_normal((100, 100)))
ref = np.asarray(m).T.copy()
m[...] = m.T                       # overlapping: through a temporary
assert np.array_equal(np.asarray(m), ref)
print("ok")
"""


@pytest.mark.parametrize("level", ["baseline", "avx2", "avx512"])
def test_transposed_copies_at_every_level(level):
    # the tiled transpose (and its AVX2 4x4 kernel for 8-byte elements):
    # every itemsize, sizes off the 4-block and 256-tile edges, strided and
    # reversed sources, 3-d, NaN payloads, the same bytes as NumPy's copy
    import os
    import subprocess
    import sys
    env = dict(os.environ, ARRAYCORE_CPU=level)
    r = subprocess.run([sys.executable, "-c", TRANSPOSE_CODE], capture_output=True, text=True,
                       env=env, cwd="/", timeout=300)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


@pytest.mark.parametrize("nbytes", [2040, 2048, 2056, 4096 + 24, 16000, 100_008])
def test_contiguous_runs_not_co_aligned(nbytes):
    # runs whose ends differ modulo 64 are copied by the aligned-store loop
    # (not memmove): every byte offset of source and destination, 1-d and
    # row by row, and overlapping runs (still memmove) in both directions
    n = nbytes // 8
    raw = np.random.default_rng(nbytes).integers(-2 ** 62, 2 ** 62, n + 16)
    for so in range(0, 8):
        src = raw[so:so + n]
        out = xp.zeros(n + 8, dtype=xp.int64)
        for do in (0, 1, 3, 5):
            out[do:do + n] = xp.asarray(src)
            assert to_numpy(out)[do:do + n].tolist() == src.tolist()
        m = np.random.default_rng(so).random((5, n + 8))
        dst = xp.zeros((5, n + 16))
        dst[:, so:so + n] = xp.asarray(m)[:, 3:3 + n]
        assert np.array_equal(to_numpy(dst)[:, so:so + n], m[:, 3:3 + n])
    b = xp.asarray(raw.copy())
    b[5:5 + n] = b[:n]                   # overlapping, forward
    ref = raw.copy()
    ref[5:5 + n] = raw[:n].copy()
    assert to_numpy(b).tolist() == ref.tolist()
    b = xp.asarray(raw.copy())
    b[:n] = b[3:3 + n]                   # overlapping, backward
    ref = raw.copy()
    ref[:n] = raw[3:3 + n].copy()
    assert to_numpy(b).tolist() == ref.tolist()
