"""Accuracy of arraycore.fft against an exact DFT computed in higher
precision (numpy.longdouble, the x87 80-bit format: 11 more bits than double),
compared with NumPy's own error on the same input (issue 10): for every length
1..2048 (complex double and single, real forward and inverse) and a sample of
larger smooth, prime and semiprime lengths; plus the forward/inverse round
trip.

The reference is an independent long-double FFT written here with NumPy
array operations: radix-2 for powers of two, Bluestein's chirp-z through a
power of two for other lengths (chirp angles reduced exactly with integers);
it is itself checked against the O(n^2) long-double DFT for small n.
"""
import functools
import math

import numpy as np
import pytest

from _helpers import xp, IS_NUMPY, to_numpy

LD = np.longdouble
pytestmark = pytest.mark.skipif(np.finfo(LD).eps > 1e-18,
                                reason="needs an extended-precision numpy.longdouble")
PI = 4 * np.arctan(LD(1))
EPS64, EPS32 = 2.0 ** -52, 2.0 ** -23


@functools.lru_cache(maxsize=None)
def _roots(m):
    """exp(-2 pi i k / m), k < m, in long double (octant symmetry not needed:
    the long-double angle error is ~1e-19)."""
    ang = 2 * PI * np.arange(m // 2, dtype=LD) / LD(m)
    return (np.cos(ang) - 1j * np.sin(ang)).astype(np.clongdouble)


def _fft2(a):
    """Forward DFT of the rows of a (clongdouble, length a power of two)."""
    b, m = a.shape
    if m == 1:
        return a
    sub = _fft2(a.reshape(b, m // 2, 2).transpose(0, 2, 1).reshape(b * 2, m // 2))
    sub = sub.reshape(b, 2, m // 2)
    t = _roots(m) * sub[:, 1]
    return np.concatenate([sub[:, 0] + t, sub[:, 0] - t], axis=1)


def ref_dft(x, inverse=False):
    """The DFT (unnormalized; inverse: sign +1) of the rows of x, long double."""
    x = np.atleast_2d(np.asarray(x)).astype(np.clongdouble)
    if inverse:
        return np.conj(ref_dft(np.conj(x)))
    b, n = x.shape
    if n & (n - 1) == 0:
        return _fft2(x)
    m = 1 << (2 * n - 2).bit_length()
    k = np.arange(n, dtype=np.int64)
    k2 = (k * k) % (2 * n)
    ang = PI * k2.astype(LD) / LD(n)
    chirp = (np.cos(ang) - 1j * np.sin(ang)).astype(np.clongdouble)   # exp(-i pi k^2/n)
    a = np.zeros((b, m), dtype=np.clongdouble)
    a[:, :n] = x * chirp
    h = np.zeros(m, dtype=np.clongdouble)
    h[:n] = np.conj(chirp)
    h[m - n + 1:] = np.conj(chirp[1:])[::-1]
    conv = np.conj(_fft2(np.conj(_fft2(a) * _fft2(h[None])))) / LD(m)
    return conv[:, :n] * chirp


def _direct(x):
    n = len(x)
    jk = (np.arange(n)[:, None] * np.arange(n)[None, :]) % n
    ang = 2 * PI * jk.astype(LD) / LD(n)
    w = (np.cos(ang) - 1j * np.sin(ang)).astype(np.clongdouble)
    return w @ x.astype(np.clongdouble)


def rel_err(got, ref):
    got = np.asarray(got).astype(np.clongdouble)
    d = float(np.sqrt(np.sum(np.abs(got - ref) ** 2)))
    r = float(np.sqrt(np.sum(np.abs(ref) ** 2)))
    return d / r if r else d


def test_reference_is_exact_enough():
    rng = np.random.default_rng(0)
    for n in list(range(1, 41)) + [64, 97, 100, 243]:
        x = rng.standard_normal(n) + 1j * rng.standard_normal(n)
        assert rel_err(ref_dft(x)[0], _direct(x)) < 2e-18, n


def _sig(rng, n, dt, rows=None):
    shape = (n,) if rows is None else (rows, n)
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)


def _agg(got, ref):
    """Relative RMS error over all rows together (several inputs per length
    keep the comparison of two small errors from being noise)."""
    return rel_err(np.ravel(got), np.ravel(ref))


@functools.lru_cache(maxsize=None)
def _all_lengths():
    """Our and NumPy's errors for every length 1..2048: complex double (fft),
    real double (rfft, irfft) and complex single.  Double precision: complex
    inputs of double values, >= 2048 of them per length (so that the ratio of
    two RMS errors is within a few percent of its expectation); one long-double
    reference per length, the DFT of the complex input; the real input is its
    real part (its DFT follows by symmetry); irfft inverts that real DFT
    rounded to double, the rounding's own inverse being added in double
    precision (it is ~1e-16 of the result, so its error does not matter).
    Single precision: inputs of single-precision values, their own reference."""
    rng = np.random.default_rng(2048)
    out = {"c128": [], "c64": [], "c64i": [], "f32r": [], "rfft": [], "irfft": []}
    for n in range(1, 2049):
        x = _sig(rng, n, np.complex128, max(1, 4096 // n))
        rx = ref_dft(x)
        h = n // 2 + 1
        neg = (-np.arange(n)) % n
        rfull = (rx + np.conj(rx[:, neg])) / 2              # DFT of x.real, Hermitian
        xr = x.real.copy()
        X = rfull[:, :h].astype(np.complex128)
        Xfull = np.concatenate([X, np.conj(X[:, 1:n - h + 1][:, ::-1])], axis=1)
        delta = (Xfull.astype(np.clongdouble) - rfull).astype(np.complex128)
        rinv = xr.astype(LD) + np.fft.ifft(delta, axis=1).real.astype(LD)
        out["c128"].append((n, _agg(to_numpy(xp.fft.fft(xp.asarray(x))), rx),
                            _agg(np.fft.fft(x), rx)))
        out["rfft"].append((n, _agg(to_numpy(xp.fft.rfft(xp.asarray(xr))), rfull[:, :h]),
                            _agg(np.fft.rfft(xr), rfull[:, :h])))
        out["irfft"].append((n, _agg(to_numpy(xp.fft.irfft(xp.asarray(X), n=n)), rinv),
                             _agg(np.fft.irfft(X, n=n), rinv)))
        x32 = _sig(rng, n, np.complex64, max(1, 512 // n))
        r32 = ref_dft(x32.astype(np.complex128))
        out["c64"].append((n, _agg(to_numpy(xp.fft.fft(xp.asarray(x32))), r32),
                           _agg(np.fft.fft(x32), r32)))
        # the inverse with its 1/n, which NumPy computes in single precision
        i32 = ref_dft(x32.astype(np.complex128), inverse=True) / n
        out["c64i"].append((n, _agg(to_numpy(xp.fft.ifft(xp.asarray(x32))), i32),
                            _agg(np.fft.ifft(x32), i32)))
        xr32 = x32.real.copy()
        rr32 = ref_dft(xr32.astype(np.complex128))[:, :h]
        out["f32r"].append((n, _agg(to_numpy(xp.fft.rfft(xp.asarray(xr32))), rr32),
                            _agg(np.fft.rfft(xr32), rr32)))
    return out


# the all-lengths sweep's bound on our error / NumPy's for each length: its
# >= 2048 values per length leave the ratio within ~+-6% of what it measures,
# over 2048 lengths; each length's expectation is <= 1.0 +- 2% (measured with
# 65536 values per length), and the problems fixed here stood at 1.10-1.29
DOUBLE_SLACK = 1.15


def _check(rows, eps, slack=DOUBLE_SLACK):
    worst = (0.0,)
    bad = []
    for n, ours, theirs in rows:
        ratio = ours / max(theirs, eps / 8)
        worst = max(worst, (ratio, n, ours, theirs))
        if ratio > slack:
            bad.append((n, ours, theirs))
    assert not bad, bad[:10]
    return worst


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["c128", "rfft", "irfft"])
def test_all_lengths_double(kind):
    worst = _check(_all_lengths()[kind], EPS64)
    print(f"{kind} 1..2048: worst ratio of our error to NumPy's {worst}")


# Single precision is computed in double and rounded once (arraycore/fft/
# _fft.py): the error is that of rounding the exact result to single, ~0.21
# ulp RMS at every length.  NumPy 2.4 does the same where its scale is 1
# (fft, rfft; bit for bit the cast-compute-round result), so there the two
# errors agree to the rounding of the rare values that fall within 1e-16 of
# a tie (measured: 190 of 7.5M elements differ, the RMS errors agree to 1e-10);
# elsewhere (ifft's 1/n) it computes in single precision, ~1 ulp.
SINGLE_FLOOR = 0.3 * EPS32       # ~0.21 EPS32 measured; EPS32 = 2^-23


def single_bound(n):
    """Our single-precision error: the rounding of the exact result."""
    return SINGLE_FLOOR


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["c64", "c64i", "f32r"])
def test_all_lengths_single(kind):
    worst = (0.0,)
    for n, ours, theirs in _all_lengths()[kind]:
        assert ours <= SINGLE_FLOOR, (n, ours, theirs)
        assert ours <= theirs * (1 + 1e-6) + 1e-30, (n, ours, theirs)
        worst = max(worst, (ours / max(theirs, 1e-30), n, ours, theirs))
    print(f"{kind} 1..2048: worst ratio of our error to NumPy's {worst}")


def _compare(lengths, dt, eps, slack=2.0):
    rng = np.random.default_rng(len(lengths))
    rows = []
    for n in lengths:
        x = _sig(rng, n, dt)
        ref = ref_dft(x.astype(np.complex128))[0]
        rows.append((n, rel_err(to_numpy(xp.fft.fft(xp.asarray(x))), ref),
                     rel_err(np.fft.fft(x), ref)))
    return _check(rows, eps, slack)


LARGE = [4096 * 3 * 5, 3 ** 10, 5 ** 7, 7 ** 5 * 2, 65536,   # smooth
         4099, 65537, 100003,                               # prime
         251 * 257, 1009 * 101, 2 * 32749]                  # semiprime


@pytest.mark.slow
@pytest.mark.parametrize("n", LARGE)
def test_large_lengths(n):
    print(n, _compare([n], np.complex128, EPS64))
    rng = np.random.default_rng(n)
    x = _sig(rng, n, np.complex64)
    ref = ref_dft(x.astype(np.complex128))[0]
    err = rel_err(to_numpy(xp.fft.fft(xp.asarray(x))), ref)
    assert err <= single_bound(n), (n, err)


@pytest.mark.slow
@pytest.mark.parametrize("n", [1 << 20])
def test_power_of_two_2_20(n):
    _compare([n], np.complex128, EPS64)


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's round trip")
@pytest.mark.parametrize("dt,eps", [(np.complex128, EPS64), (np.complex64, EPS32)])
def test_round_trip(dt, eps):
    rng = np.random.default_rng(11)
    worst = 0.0
    for n in list(range(1, 300)) + [1000, 1009, 4096, 10007, 65536, 100003]:
        x = _sig(rng, n, dt)
        y = to_numpy(xp.fft.ifft(xp.fft.fft(xp.asarray(x))))
        err = rel_err(y, x.astype(np.clongdouble))
        bound = 1.5 * eps * max(math.log2(n), 1)
        worst = max(worst, err / bound)
        assert err <= bound, (n, err, bound)
        r = x.real.copy()
        y = to_numpy(xp.fft.irfft(xp.fft.rfft(xp.asarray(r)), n=n))
        assert rel_err(y, r.astype(np.clongdouble)) <= bound, n
    print("round trip worst error / (1.5 eps log2 n):", worst)


# ---------------------------------------------------------------------------
# Our error against NumPy's on the same inputs, with tight tolerances (issue
# 10: "no worse than NumPy's").  Each ratio is over an ensemble of >= 32768
# complex values per length, so that it measures the algorithms rather than
# one draw's luck: at 8192 values the ratio of two RMS errors moves by ~2%
# from one seed to another (measured over 20 seeds), and for n <= 7 the two
# libraries round the same operations (ratio 1.0 +- that noise).
# ---------------------------------------------------------------------------

RATIO_LENGTHS = ([1, 2, 3, 5, 7, 8, 12, 16, 30, 64, 100, 243, 256, 1000, 1024, 2048,
                  4096 * 3, 5 ** 6, 7 ** 5, 11 * 13 * 17]                  # smooth
                 + [59, 61, 97, 109, 127, 131, 257, 1009, 4099]           # primes
                 + [122, 244, 511, 923, 1005, 1946, 1703, 1884, 2 * 257 * 3,
                    251 * 257]                                            # large factors
                 # real transforms that were up to 1.10-1.29x NumPy's error:
                 # odd lengths with a prime factor 131..509 (Bluestein where
                 # NumPy runs real direct passes), small even lengths (the
                 # half-length split), 1/n's rounding (irfft)
                 + [131, 197, 471, 959, 2041, 32, 40, 52, 80, 112,
                    270, 320, 448, 594, 832, 1188, 1674]
                 # even lengths whose half needs Bluestein (irfft of 1018 =
                 # 2 x 509 measured 1.02-1.03x through the half length)
                 + [1018, 1234, 2042, 1002]
                 # a systematic scale error: radix-3 passes (the rounded
                 # sin(2 pi/3), -0.17 ulp per pass: irfft of 486, 972 at
                 # 1.01x, where NumPy's 1/n rounding cancels its own), ortho's
                 # rounded 1/sqrt(n) (1.06-1.10x at 22, 24, 96, 594, 798)
                 + [486, 972, 540, 22, 24, 96, 594, 798]
                 # the rounded roots' systematic error on top of the real
                 # split: sqrt(1/2) in the pi/4 twiddles (+0.22 ulp at 256,
                 # above: 1.002-1.004x), the radix-13 roots (416 and 832,
                 # above: 1.003x)
                 + [416]
                 # the shortest half-length plans: even n of 128..254 whose
                 # half is 7-smooth (<= 0.98 with 262144 values; 208 = 16 x 13
                 # stays on the full transform: 1.00 through the half)
                 + [128, 140, 180, 192, 208, 224, 240])
# complex double: the same or fewer roundings than NumPy, up to the ~2%
# sampling noise (and 1.0 exactly where both are exact)
TOL_C128 = 1.03
# real transforms (even n >= 256 through a half-length complex transform and
# a split pass, others through the full complex one): measured <= 1.02 for
# every length 1..2048 with 65536 values each (the split pass rounds more
# than NumPy's real radix passes; the FMA of the AVX2 kernels pays for it, and
# at ARRAYCORE_CPU=baseline, without FMA, the split and merge are computed in
# a wider type and rounded once: measured <= 1.0 on the lengths below; the
# worst even n of 256..2048 was irfft of 1018 = 2 x 509 at 1.03 (AVX2: 1.02)
# while its half length ran Bluestein: even lengths whose half needs
# Bluestein now run one full-length chirp transform, as NumPy does (1018:
# 0.77); before that the baseline level measured up to 1.05 and had a bound
# of its own, 1.07).  The same bound at every dispatch level.  Since the
# radix-3 constant and ortho's factor carry their rounding errors (above),
# and the half-length plans' pi/4 twiddles and radix >= 11 roots theirs:
# every length 1..2048 <= 1.0 with 262144 values each, rfft and irfft,
# backward and ortho (even lengths at every level, odd ones at AVX-512; the
# worst: 2 and 4, exactly NumPy's, then 832 and 416 at 0.993, 540 at 0.996 at
# the baseline level); with this test's 32768 values the sampling noise
# still needs the 3%.
TOL_REAL = 1.03


@functools.lru_cache(maxsize=None)
def _ratios():
    rng = np.random.default_rng(99)
    rows = {"c128": [], "rfft": [], "irfft": [], "rfft_ortho": [], "irfft_ortho": []}
    for n in RATIO_LENGTHS:
        k = max(1, 32768 // n)
        x = _sig(rng, n, np.complex128, k)
        rx = ref_dft(x)
        h = n // 2 + 1
        rfull = (rx + np.conj(rx[:, (-np.arange(n)) % n])) / 2
        xr = x.real.copy()
        X = rfull[:, :h].astype(np.complex128)
        Xfull = np.concatenate([X, np.conj(X[:, 1:n - h + 1][:, ::-1])], axis=1)
        delta = (Xfull.astype(np.clongdouble) - rfull).astype(np.complex128)
        rinv = xr.astype(LD) + np.fft.ifft(delta, axis=1).real.astype(LD)
        rows["c128"].append((n, _agg(to_numpy(xp.fft.fft(xp.asarray(x))), rx),
                             _agg(np.fft.fft(x), rx)))
        rows["rfft"].append((n, _agg(to_numpy(xp.fft.rfft(xp.asarray(xr))), rfull[:, :h]),
                             _agg(np.fft.rfft(xr), rfull[:, :h])))
        rows["irfft"].append((n, _agg(to_numpy(xp.fft.irfft(xp.asarray(X), n=n)), rinv),
                              _agg(np.fft.irfft(X, n=n), rinv)))
        sq = np.sqrt(LD(n))
        rows["rfft_ortho"].append(
            (n, _agg(to_numpy(xp.fft.rfft(xp.asarray(xr), norm="ortho")), rfull[:, :h] / sq),
             _agg(np.fft.rfft(xr, norm="ortho"), rfull[:, :h] / sq)))
        rows["irfft_ortho"].append(
            (n, _agg(to_numpy(xp.fft.irfft(xp.asarray(X), n=n, norm="ortho")), rinv * sq),
             _agg(np.fft.irfft(X, n=n, norm="ortho"), rinv * sq)))
    return rows


@pytest.mark.skipif(IS_NUMPY, reason="compares arraycore with NumPy")
@pytest.mark.parametrize("kind", ["c128", "rfft", "irfft", "rfft_ortho", "irfft_ortho"])
def test_error_ratio_to_numpy(kind):
    tol = TOL_C128 if kind == "c128" else TOL_REAL
    rows = _ratios()[kind]
    ratios = [(ours / max(theirs, EPS64 / 8), n) for n, ours, theirs in rows]
    bad = [(n, round(r, 3)) for r, n in ratios if r > tol]
    assert not bad, bad
    # and typically better: the median ratio over the list
    med = float(np.median([r for r, _ in ratios]))
    print(f"{kind}: worst ratio {max(ratios)}, median {med:.3f}")
    assert med <= 0.95, med


def _folded_ref(x, r, fold):
    """The exact (long double) DFT bins r, r + fold, r + 2 fold, ... of x
    (len(x) = fold * M, M a power of two): with j = a + M s,
    X_{fold q + r} = DFT_M(y)_q, y_a = w_n^{a r} sum_s x_{a + M s} w_fold^{s r}."""
    n = len(x)
    M = n // fold
    s = np.arange(fold, dtype=np.int64)
    ang = 2 * PI * ((s * r) % fold).astype(LD) / LD(fold)
    wf = (np.cos(ang) - 1j * np.sin(ang)).astype(np.clongdouble)
    y = (np.asarray(x).astype(np.clongdouble).reshape(fold, M) * wf[:, None]).sum(axis=0)
    a = np.arange(M, dtype=np.int64)
    ang = 2 * PI * ((a * r) % n).astype(LD) / LD(n)
    y *= (np.cos(ang) - 1j * np.sin(ang)).astype(np.clongdouble)
    return ref_dft(y)[0]


@pytest.mark.slow
@pytest.mark.skipif(IS_NUMPY, reason="compares arraycore with NumPy")
def test_error_ratio_power_of_two_2_22():
    """n = 2^22, complex and real forward: the error over 2^16 exact bins
    (one residue class mod 64, each an exact sum over all 2^22 inputs)."""
    n, fold, r = 1 << 22, 64, 5
    rng = np.random.default_rng(22)
    x = rng.standard_normal(n) + 1j * rng.standard_normal(n)
    ref = _folded_ref(x, r, fold)
    ours = rel_err(to_numpy(xp.fft.fft(xp.asarray(x)))[r::fold], ref)
    theirs = rel_err(np.fft.fft(x)[r::fold], ref)
    assert ours <= TOL_C128 * theirs, (ours, theirs)
    print("2^22 fft error ratio", ours / theirs)
    xr = x.real.copy()
    ref = _folded_ref(xr, r, fold)[: (n // 2 + 1 - r + fold - 1) // fold]
    ours = rel_err(to_numpy(xp.fft.rfft(xp.asarray(xr)))[r::fold], ref)
    theirs = rel_err(np.fft.rfft(xr)[r::fold], ref)
    assert ours <= TOL_REAL * theirs, (ours, theirs)
    print("2^22 rfft error ratio", ours / theirs)
