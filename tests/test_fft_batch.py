"""Batched transforms of arraycore.fft against numpy.fft (the oracle): the
engine's path that transforms several lanes at once across the batch (SIMD
registers holding the same element of 4 double / 8 float lanes, at the AVX2
level and above) and the lane-by-lane path that takes the remainder, over
every kind of pass (radix 2, 3, 4, 5, 7, odd radices up to 509, Bluestein),
real plans through the half length or the full one, axes 0 and -1, strided
and byte-swapped layouts, cropped and zero-padded axes, every norm; and the
same checks run at the baseline dispatch level (ARRAYCORE_CPU=baseline)."""
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from _helpers import xp, IS_NUMPY, to_numpy, make_layout

# lengths that exercise every pass: radix 2/4 (8, 16, 64, 256, 4096), 3, 5,
# 7, the generic odd pass (11, 13, 121, 509 and 131: a real length planned
# with direct passes), Bluestein (1009: complex; 4099), the half-length real
# plans (n >= 256 even) and the full complex ones (odd, small even), and a
# length above the across-the-batch limit (4100)
LENGTHS = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 16, 30, 49, 64, 100, 121, 128,
           131, 256, 300, 509, 1000, 1009, 4096, 4099, 4100]
NORMS = ["backward", "ortho", "forward"]
EPS = {"float32": 2.0 ** -23, "float64": 2.0 ** -52}


def _rel(got, want):
    got = np.asarray(got, dtype=np.complex128)
    want = np.asarray(want, dtype=np.complex128)
    den = math.sqrt(float(np.sum(np.abs(want) ** 2)) / max(want.size, 1))
    num = math.sqrt(float(np.sum(np.abs(got - want) ** 2)) / max(want.size, 1))
    return num / den if den else num


def _bound(prec, n):
    return 10 * EPS[prec] * max(1.0, math.log2(max(n, 2)))


def _input(rng, kind, prec, rows, n, axis):
    """rows lanes of length n along `axis` (0 or 1) of a 2-d array."""
    shape = (rows, n) if axis == 1 else (n, rows)
    real = rng.standard_normal(shape)
    if kind in ("rfft", "ihfft"):
        return real.astype(prec)
    cdt = "complex64" if prec == "float32" else "complex128"
    return (real + 1j * rng.standard_normal(shape)).astype(cdt)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]),
       st.sampled_from(["float32", "float64"]), st.sampled_from(LENGTHS),
       st.integers(1, 19), st.sampled_from([0, 1]), st.sampled_from(NORMS),
       st.sampled_from(["C", "F", "strided", "negative", "byteswapped"]),
       st.sampled_from([None, -1, +1]), st.integers(0, 2 ** 31))
def test_batched_against_numpy(kind, prec, n, rows, axis, norm, layout, pad, seed):
    rng = np.random.default_rng(seed)
    inverse_c2r = kind in ("irfft", "hfft")
    m = n // 2 + 1 if inverse_c2r else n          # elements along the axis
    a = _input(rng, kind, prec, rows, m, axis)
    a = make_layout(a, layout, (0, 1))
    # n: the transform length; pad +-1 crops or zero-pads the input axis
    # (the inverse real kinds always get n: their default 2 (m - 1) is even)
    npts = max(1, n + pad) if pad is not None else n if inverse_c2r else None
    native = a.astype(a.dtype.newbyteorder("="))
    want = getattr(np.fft, kind)(native, n=npts, axis=axis, norm=norm)
    got = to_numpy(getattr(xp.fft, kind)(xp.asarray(a), n=npts, axis=axis, norm=norm))
    assert got.shape == want.shape
    assert got.dtype == want.dtype
    assert _rel(got, want) <= _bound(prec, npts or n), (kind, prec, n, rows, axis, norm)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's lanes")
@pytest.mark.parametrize("kind", ["fft", "rfft", "irfft"])
@pytest.mark.parametrize("prec", ["float32", "float64"])
def test_lane_alone_and_in_a_batch(kind, prec):
    """A lane transformed alone and inside a batch of 4..17 lanes (across the
    batch, or lane by lane for the remainder) gives the same bits: the
    kernels across the batch round exactly as the lane-by-lane ones do."""
    rng = np.random.default_rng(5)
    # Bluestein across the batch too: 1009, 1018 (a real length through one
    # full-length chirp transform), 2039 (convolution length 4096, the
    # limit), 2053 (8192: lane by lane)
    for n in (7, 64, 131, 300, 1000, 4096, 1009, 1018, 2039, 2053):
        m = n // 2 + 1 if kind == "irfft" else n
        for rows in (4, 5, 9, 17):
            a = _input(rng, kind, prec, rows, m, 1)
            kw = {"n": n} if kind == "irfft" else {}
            batch = to_numpy(getattr(xp.fft, kind)(xp.asarray(a), **kw))
            for r in (0, rows - 1):
                alone = to_numpy(getattr(xp.fft, kind)(xp.asarray(a[r]), **kw))
                assert np.array_equal(batch[r], alone), (n, rows, r)


_LEVEL_SCRIPT = r"""
import sys, numpy as np, arraycore as ac
from arraycore._ufunc import cpu_dispatch_level
rng = np.random.default_rng(3)
worst = 0.0
for n in (5, 7, 11, 64, 131, 300, 1000, 4096, 1009, 1018):
    for rows in (1, 6):
        x = rng.standard_normal((rows, n)) + 1j * rng.standard_normal((rows, n))
        for f, a, kw in ((ac.fft.fft, x, {}), (ac.fft.ifft, x, {}),
                         (ac.fft.rfft, x.real.copy(), {}),
                         (ac.fft.irfft, x[:, : n // 2 + 1].copy(), {"n": n})):
            want = getattr(np.fft, f.__name__)(a, **kw)
            got = np.asarray(f(ac.asarray(a), **kw))
            e = np.linalg.norm(got - want) / np.linalg.norm(want)
            worst = max(worst, e / (2.0 ** -52 * np.log2(n)))
print(cpu_dispatch_level(), worst)
"""


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's dispatch levels")
@pytest.mark.parametrize("level", ["baseline", "avx2"])
def test_dispatch_levels(level):
    """The baseline kernels (lane by lane, no FMA) and the AVX2 ones (across
    the batch, fused products) both match NumPy."""
    env = dict(os.environ, ARRAYCORE_CPU=level)
    out = subprocess.run([sys.executable, "-c", _LEVEL_SCRIPT], capture_output=True,
                         text=True, cwd=tempfile.gettempdir(), env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    got_level, worst = out.stdout.split()
    assert float(worst) <= 10, out.stdout
    if level == "baseline":
        assert got_level == "baseline"


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's lanes")
@pytest.mark.parametrize("prec", ["float32", "float64"])
@pytest.mark.parametrize("norm", ["backward", "forward"])
def test_strided_axis_in_blocks(prec, norm):
    """Axis 0 of C arrays with many columns (lanes gathered in blocks of up
    to 64, several vector groups at once, then the remainder): NumPy's
    result, and the same bits as each column transformed alone."""
    rng = np.random.default_rng(8)
    cdt = "complex64" if prec == "float32" else "complex128"
    for n, cols in ((6, 131), (64, 100), (300, 77), (1000, 40), (4096, 23), (1009, 21)):
        a = (rng.standard_normal((n, cols)) + 1j * rng.standard_normal((n, cols))).astype(cdt)
        for fname in ("fft", "ifft"):
            got = to_numpy(getattr(xp.fft, fname)(xp.asarray(a), axis=0, norm=norm))
            want = getattr(np.fft, fname)(a, axis=0, norm=norm)
            assert _rel(got, want) <= _bound(prec, n), (n, cols, fname)
            for c in (0, cols // 2, cols - 1):
                alone = to_numpy(getattr(xp.fft, fname)(xp.asarray(a[:, c].copy()), norm=norm))
                assert np.array_equal(got[:, c], alone), (n, cols, fname, c)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's lanes")
@pytest.mark.parametrize("kind", ["fft", "ifft", "rfft", "irfft"])
@pytest.mark.parametrize("prec", ["float32", "float64"])
def test_contiguous_lanes_in_tiles(kind, prec):
    """Contiguous lanes across the batch are read and written in tiles (a
    vector of each lane transposed in registers) and the rest of a lane
    element by element: every length modulo the tile (2, 4 or 8 complex
    elements), cropped and zero-padded inputs; NumPy's result, and the same
    bits as each lane transformed alone."""
    rng = np.random.default_rng(21)
    for n in (2, 6, 7, 9, 10, 13, 15, 258, 300, 302, 1001, 1002):
        for pad in (0, -1, 1, 8):
            npts = max(1, n + pad)
            m = n // 2 + 1 if kind == "irfft" else n
            a = _input(rng, kind, prec, 17, m, 1)
            kw = {"n": npts}
            want = getattr(np.fft, kind)(a, **kw)
            got = to_numpy(getattr(xp.fft, kind)(xp.asarray(a), **kw))
            assert _rel(got, want) <= _bound(prec, npts), (n, pad)
            for r in (0, 9, 16):
                alone = to_numpy(getattr(xp.fft, kind)(xp.asarray(a[r]), **kw))
                assert np.array_equal(got[r], alone), (n, pad, r)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's lanes")
@pytest.mark.parametrize("kind", ["rfft", "irfft", "hfft", "ihfft"])
@pytest.mark.parametrize("prec", ["float32", "float64"])
def test_strided_real_axis_in_blocks(kind, prec):
    """Real transforms along axis 0 of C arrays with many columns (copied
    across blocks of up to 64 lanes to and from lane-contiguous rows, then
    VL lanes at a time; the remainder lane by lane), cropped and padded:
    NumPy's result, and the same bits as each column transformed alone."""
    rng = np.random.default_rng(13)
    for n, cols, pad in ((6, 131, 0), (64, 100, 1), (300, 77, -1), (1000, 40, 0),
                         (1024, 70, 0), (1009, 19, 0), (4096, 23, 2)):
        npts = n + pad
        m = n // 2 + 1 if kind in ("irfft", "hfft") else n
        a = _input(rng, kind, prec, cols, m, 0)
        got = to_numpy(getattr(xp.fft, kind)(xp.asarray(a), n=npts, axis=0))
        want = getattr(np.fft, kind)(a, n=npts, axis=0)
        assert got.dtype == want.dtype
        assert _rel(got, want) <= _bound(prec, npts), (n, cols)
        for c in (0, cols // 2, cols - 1):
            alone = to_numpy(getattr(xp.fft, kind)(xp.asarray(a[:, c].copy()), n=npts))
            assert np.array_equal(got[:, c], alone), (n, cols, c)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's single precision through double")
@settings(max_examples=120, deadline=None)
@given(st.sampled_from(["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]),
       st.sampled_from([1, 2, 7, 64, 131, 300, 1009, 4096]),
       st.sampled_from([1, 5, 9, 40]), st.sampled_from([0, 1]), st.sampled_from(NORMS),
       st.sampled_from(["C", "F", "strided", "negative", "byteswapped"]),
       st.sampled_from([None, -1, +1]), st.sampled_from([1, 2]), st.integers(0, 2 ** 31))
def test_single_is_double_rounded_once(kind, n, rows, axis, norm, layout, pad, workers, seed):
    """A single-precision transform is the double transform of the same values
    rounded once to single, bit for bit, on every path of the widened driver:
    strided axes, cropped or padded lanes, blocks of lanes, workers."""
    rng = np.random.default_rng(seed)
    inverse_c2r = kind in ("irfft", "hfft")
    m = n // 2 + 1 if inverse_c2r else n
    a = make_layout(_input(rng, kind, "float32", rows, m, axis), layout, (0, 1))
    npts = max(1, n + pad) if pad is not None else n if inverse_c2r else None
    f = getattr(xp.fft, kind)
    got = to_numpy(f(xp.asarray(a), n=npts, axis=axis, norm=norm, workers=workers))
    wide = a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)
    want = to_numpy(f(xp.asarray(wide), n=npts, axis=axis, norm=norm))
    assert got.dtype == (np.float32 if inverse_c2r else np.complex64)
    assert np.array_equal(got, want.astype(got.dtype)), (kind, n, rows, axis, norm, layout)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's single precision through double")
def test_single_nd_is_double_rounded_once():
    rng = np.random.default_rng(8)
    x = (rng.standard_normal((6, 33, 40)) + 1j * rng.standard_normal((6, 33, 40))).astype(np.complex64)
    for f, a, kw in ((xp.fft.fftn, x, {}), (xp.fft.ifftn, x, {"axes": (0, 2)}),
                     (xp.fft.rfftn, x.real.copy(), {"s": (30, 41), "axes": (1, 2)}),
                     (xp.fft.irfftn, x, {"s": (5, 33, 64), "axes": (0, 1, 2)})):
        got = to_numpy(f(xp.asarray(a), **kw))
        want = to_numpy(f(xp.asarray(a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)), **kw))
        assert np.array_equal(got, want.astype(got.dtype)), f.__name__
