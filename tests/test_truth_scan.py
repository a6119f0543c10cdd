"""count_nonzero, any and all over the whole array: the one-pass C scan
(src/ac_stats.c, ac_truth_scan) against NumPy, for every dtype, every memory
layout, byte order and the values whose truth is subtle (-0.0, NaN, float16
zero bits with the sign set, complex with one non-zero part), and with the
early exit of any/all.
"""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _helpers import DTYPE_NAMES, IS_NUMPY, assert_array, xp

SPECIAL = {"f": [0.0, -0.0, np.nan, np.inf, -np.inf, 1e-40, 1.0],
           "c": [0.0, -0.0, complex(0, -0.0), complex(0, 1), complex(np.nan, 0), 1.0]}


def _values(dt, n, rng, density):
    kind = dt.kind
    if kind in "fc":
        pool = np.array(SPECIAL[kind], dtype=dt)
        v = rng.choice(pool, size=n)
    elif kind == "b":
        v = rng.random(n) < density
    else:
        info = np.iinfo(dt)
        v = rng.integers(info.min, int(info.max) + 1, size=n, dtype=dt.newbyteorder("="))
    zero = rng.random(n) >= density
    v = v.astype(dt)
    v[zero] = 0
    return v


@st.composite
def arrays(draw):
    name = draw(st.sampled_from(DTYPE_NAMES))
    dt = np.dtype(name)
    if draw(st.booleans()) and dt.itemsize > 1:
        dt = dt.newbyteorder()
    shape = tuple(draw(st.lists(st.integers(0, 9), min_size=0, max_size=4)))
    density = draw(st.sampled_from([0.0, 0.02, 0.5, 1.0]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    base = _values(dt, int(np.prod(shape, dtype=np.int64)) * 4, rng, density)
    layout = draw(st.sampled_from(["C", "F", "strided", "negative", "permuted"]))
    n = int(np.prod(shape, dtype=np.int64))
    if layout == "strided" and n:
        a = base[: n * 2: 2].reshape(shape) if shape else base[:1].reshape(())
    elif layout == "negative" and n:
        a = base[:n][::-1].reshape(shape)
    elif layout == "F":
        a = np.asfortranarray(base[:n].reshape(shape))
    elif layout == "permuted" and len(shape) > 1:
        a = base[:n].reshape(shape).T
    else:
        a = base[:n].reshape(shape)
    return a


@pytest.mark.parametrize("name", ["count_nonzero", "any", "all"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=arrays(), keepdims=st.booleans())
def test_whole_array_scan_matches_numpy(name, a, keepdims):
    exp = getattr(np, name)(a, keepdims=keepdims)
    got = getattr(xp, name)(xp.asarray(a), keepdims=keepdims)
    assert_array(got, np.asarray(exp), exact_byteorder=False)


@pytest.mark.parametrize("name", ["count_nonzero", "any", "all"])
def test_axis_tuple_covering_every_dim(name):
    x = np.array([[0.0, -0.0, np.nan], [1.0, 0.0, 2.0]])
    a = xp.asarray(x)
    for axis in [(0, 1), (1, 0), (-1, -2)]:
        assert_array(getattr(xp, name)(a, axis=axis), np.asarray(getattr(np, name)(x, axis=axis)),
                     exact_byteorder=False)


@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 255 * 8 - 1, 255 * 8, 255 * 8 + 1, 70001])
def test_bool_count_block_edges(n):
    rng = np.random.default_rng(n)
    x = rng.random(n) < 0.3
    assert int(xp.count_nonzero(xp.asarray(x))) == np.count_nonzero(x)
    ones = np.ones(n, dtype=bool)
    assert int(xp.count_nonzero(xp.asarray(ones))) == n


@pytest.mark.skipif(IS_NUMPY, reason="bytes other than 0/1 in a bool need a uint8 view")
def test_bool_bytes_other_than_one_count_as_true():
    raw = np.array([0, 1, 2, 128, 255, 0, 0, 0, 3], dtype=np.uint8)
    b = np.frombuffer(raw.tobytes() * 40, dtype=np.bool_)   # non-canonical bools
    assert int(xp.count_nonzero(xp.asarray(b))) == np.count_nonzero(raw) * 40 == 200
    assert bool(xp.all(xp.asarray(b[1:5]))) and not bool(xp.any(xp.asarray(b[5:8])))


@pytest.mark.parametrize("pos", [0, 1, 1023, 1024, 5000, 199_999])
def test_any_all_find_the_one_deciding_element(pos):
    x = np.zeros(200_000)
    x[pos] = -1.5
    assert bool(xp.any(xp.asarray(x))) and not bool(xp.all(xp.asarray(x)))
    y = np.ones(200_000, dtype=np.int16)
    y[pos] = 0
    assert not bool(xp.all(xp.asarray(y))) and bool(xp.any(xp.asarray(y)))
    assert int(xp.count_nonzero(xp.asarray(y))) == 199_999


def test_empty_and_zero_d():
    assert int(xp.count_nonzero(xp.asarray([]))) == 0
    assert bool(xp.all(xp.asarray([]))) and not bool(xp.any(xp.asarray([])))
    assert int(xp.count_nonzero(xp.asarray(-0.0))) == 0
    assert int(xp.count_nonzero(xp.asarray(float("nan")))) == 1
    assert xp.count_nonzero(xp.asarray([1, 0, 3]), keepdims=True).shape == (1,)


# ---- max/min over a contiguous float run: the vectorized lanes
# (src/ac_umath_reduce.h) must give the serial fold's result bit for bit: the
# first NaN, else the first element equal to the extreme (-0.0 vs +0.0).
def _fold(x, is_max):
    # the serial fold of maximum/minimum: a NaN propagates, and of equal
    # values (-0.0 and +0.0) the later one is kept, as NumPy's float32/float64
    a = x[0]
    for b in x[1:]:
        if not ((a > b if is_max else a < b) or a != a):
            a = b
    return a


@pytest.mark.parametrize("dt", ["float32", "float64"])
@pytest.mark.parametrize("is_max", [True, False])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 300), seed=st.integers(0, 2**32 - 1),
       kind=st.sampled_from(["random", "zeros", "nan", "inf", "ties"]))
def test_max_min_lanes_equal_the_serial_fold(dt, is_max, n, seed, kind):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n).astype(dt)
    if kind == "zeros":
        x = rng.choice(np.array([0.0, -0.0, -1.0, -2.0] if is_max else [0.0, -0.0, 1.0, 2.0],
                                dtype=dt), size=n)
    elif kind == "nan":
        x[rng.integers(0, n, size=rng.integers(1, 4))] = np.nan
    elif kind == "inf":
        x[rng.integers(0, n)] = np.inf if rng.random() < 0.5 else -np.inf
    elif kind == "ties":
        x = rng.integers(-3, 3, size=n).astype(dt)
    got = np.asarray((xp.max if is_max else xp.min)(xp.asarray(x)))
    exp = _fold(list(x), is_max)
    assert got.dtype == x.dtype
    if exp != exp:
        assert got != got
    else:
        assert got == exp and np.signbit(got) == np.signbit(exp)
    # the value agrees with NumPy's (NaN propagates)
    ref = (np.max if is_max else np.min)(x)
    assert (got != got and ref != ref) or got == ref


@pytest.mark.parametrize("dt", ["float32", "float64"])
@pytest.mark.parametrize("name", ["argmax", "argmin"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 1200), seed=st.integers(0, 2**32 - 1),
       kind=st.sampled_from(["random", "zeros", "nan", "inf", "ties"]))
def test_argmax_argmin_long_runs_match_numpy(dt, name, n, seed, kind):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n).astype(dt)
    if kind == "zeros":
        x = rng.choice(np.array([0.0, -0.0, -1.0, 1.0], dtype=dt), size=n)
    elif kind == "nan":
        x[rng.integers(0, n, size=rng.integers(1, 4))] = np.nan
    elif kind == "inf":
        x[rng.integers(0, n, size=2)] = [np.inf, -np.inf]
    elif kind == "ties":
        x = rng.integers(-3, 3, size=n).astype(dt)
    assert int(getattr(xp, name)(xp.asarray(x))) == int(getattr(np, name)(x))
    assert int(getattr(xp, name)(xp.asarray(x[::-1]))) == int(getattr(np, name)(x[::-1]))


@pytest.mark.parametrize("level", ["baseline", "avx2"])
def test_argmax_argmin_dispatch_levels_agree_with_numpy(level, tmp_path):
    """The one-pass argmax/argmin lanes and the max/min reduction lanes of
    every SIMD level (their widths differ: 16, 32, 64 bytes) give NumPy's
    index and value, and the serial fold's sign of a zero (NumPy's own sign
    for a mix of -0.0 and +0.0 depends on its SIMD lanes): lengths around the lane
    blocks, ties, signed zeros, NaNs and infinities, float32 and float64."""
    import os
    import subprocess
    import sys
    code = (
        "import numpy as np, arraycore as ac\n"
        "rng = np.random.default_rng(1)\n"
        "bad = []\n"
        "for dt in ('float32', 'float64'):\n"
        "    for n in list(range(1, 140)) + [255, 256, 257, 1000, 4099]:\n"
        "        for kind in range(5):\n"
        "            x = rng.standard_normal(n).astype(dt)\n"
        "            if kind == 1: x = rng.integers(-2, 2, n).astype(dt)\n"
        "            if kind == 2: x = rng.choice(np.array([0.0, -0.0], dt), n)\n"
        "            if kind == 3: x[rng.integers(0, n)] = np.nan\n"
        "            if kind == 4: x[rng.integers(0, n)] = np.inf; x[rng.integers(0, n)] = -np.inf\n"
        "            for f in ('argmax', 'argmin'):\n"
        "                if int(getattr(ac, f)(ac.asarray(x))) != int(getattr(np, f)(x)):\n"
        "                    bad.append((dt, n, kind, f))\n"
        "            for f in ('max', 'min'):\n"
        "                g, r = np.asarray(getattr(ac, f)(ac.asarray(x))), getattr(np, f)(x)\n"
        "                z = x[0]\n"
        "                for b in x[1:]:\n"
        "                    if not ((z > b if f == 'max' else z < b) or z != z): z = b\n"
        "                if not ((g != g and r != r) or (g == r and np.signbit(g) == np.signbit(z))):\n"
        "                    bad.append((dt, n, kind, f))\n"
        "print(bad[:5]); assert not bad\n")
    env = dict(os.environ)
    env["ARRAYCORE_CPU"] = level
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("prefetch", ["0", "1"])
def test_long_reductions_same_bits_with_and_without_stream_prefetch(prefetch, tmp_path):
    """Runs beyond 1 MB prefetch ahead or not by CPU vendor
    (ac_cpu_stream_prefetch, ARRAYCORE_STREAM_PREFETCH overrides): sum and
    max/min give the same bits either way (the exact pairwise sum, the
    serial fold's NaN and signed zero), at every SIMD level."""
    import os
    import subprocess
    import sys
    code = (
        "import numpy as np, arraycore as ac, math\n"
        "ac.set_num_threads(1)\n"
        "rng = np.random.default_rng(5)\n"
        "out = []\n"
        "for dt in ('float32', 'float64'):\n"
        "    for n in (131071, 262144 + 37, 1 << 20):\n"
        "        x = rng.standard_normal(n).astype(dt)\n"
        "        for kind in range(3):\n"
        "            y = x.copy()\n"
        "            if kind == 1: y[n - 3] = np.nan\n"
        "            if kind == 2: y = np.where(y > 0, -0.0, y).astype(dt); y[n // 2] = 0.0\n"
        "            a = ac.asarray(y)\n"
        "            out.append([np.asarray(f(a)).tobytes().hex() for f in (ac.sum, ac.max, ac.min)])\n"
        "print(out)\n")
    results = []
    for level in ("avx512", "baseline"):
        env = dict(os.environ)
        env["ARRAYCORE_STREAM_PREFETCH"] = prefetch
        env["ARRAYCORE_CPU"] = level
        r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr
        results.append(r.stdout)
    env = dict(os.environ)
    env["ARRAYCORE_STREAM_PREFETCH"] = "1" if prefetch == "0" else "0"
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert results[0] == r.stdout          # the other setting, same bits
    # and the values are the sums and folds themselves
    rng = np.random.default_rng(5)
    x = rng.standard_normal(131071).astype("float64")
    assert float(xp.max(xp.asarray(x))) == float(x.max())
