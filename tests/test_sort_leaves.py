"""The vectorized value sort at every short length (issue 15): the leaves of
src/ac_simdsort.c's quicksort are generated straight-line networks for every
register count (tools/gen_sortnet.py), and a sort into a new array makes its
keys already partitioned (the fused first pass).  Every length from 1 to 300
(each register count and padding of both key widths), lengths around the
partition thresholds and long lanes, every 32-/64-bit dtype, ascending and
descending, with duplicates, NaNs with payloads and signs, infinities and
signed zeros; checked bit for bit against NumPy's stable sort (which is what
arraycore's value sort must be observably equal to), and argsort (the
key-index sort's generated pair networks) against NumPy's stable argsort."""
import zlib

import numpy as np
import pytest

from _helpers import to_numpy, xp

NAMES = ["float64", "float32", "int64", "int32", "uint64", "uint32"]
LENGTHS = list(range(1, 301)) + [383, 384, 385, 511, 512, 513, 1023, 1024, 1025, 4097,
                                 70_001]


def _values(rng, name, n, kind):
    dt = np.dtype(name)
    if kind == "distinct":
        a = rng.integers(0, 256, n * dt.itemsize, dtype=np.uint8).view(dt)
    elif kind == "dups":
        a = rng.integers(0, 5, n).astype(dt)
    else:                               # extremes: the smallest and largest keys
        info = np.finfo(dt) if dt.kind == "f" else np.iinfo(dt)
        pool = [info.min, info.max, 0, 1]
        if dt.kind == "f":              # subnormals (the FP-domain sort compares them)
            pool += [info.smallest_subnormal, -info.smallest_subnormal,
                     info.smallest_subnormal * 3, info.tiny, -info.tiny]
        a = rng.choice(np.array(pool, dtype=dt), n)
    a = np.array(a, dtype=dt)
    if dt.kind == "f":
        ut = np.dtype(f"uint{dt.itemsize * 8}")
        a[rng.random(n) < 0.1] = 0.0
        a[rng.random(n) < 0.1] = -0.0
        a[rng.random(n) < 0.05] = np.inf
        a[rng.random(n) < 0.05] = -np.inf
        nan_at = rng.random(n) < 0.1
        bits = a.view(ut)
        exp_bits = (0x7F8 << 20) if dt.itemsize == 4 else (0x7FF << 52)
        payload = rng.integers(1, 2 ** 20, int(nan_at.sum())).astype(ut)
        sign = (rng.random(int(nan_at.sum())) < 0.5).astype(ut) << ut.type(dt.itemsize * 8 - 1)
        bits[nan_at] = ut.type(exp_bits) | payload | sign
    return a


def _expected(a, descending):
    if descending:
        order = len(a) - 1 - np.argsort(a[::-1], kind="stable")[::-1]
    else:
        order = np.argsort(a, kind="stable")
    return a[order]


def _check(a, descending):
    ut = np.dtype(f"uint{a.dtype.itemsize * 8}")
    exp = _expected(a, descending)
    got = to_numpy(xp.sort(xp.asarray(a), descending=descending))
    np.testing.assert_array_equal(got.view(ut), exp.view(ut))
    # argsort: the key-index sort (generated pair networks), then equal keys'
    # indices in input order
    order = len(a) - 1 - np.argsort(a[::-1], kind="stable")[::-1] if descending \
        else np.argsort(a, kind="stable")
    np.testing.assert_array_equal(
        to_numpy(xp.argsort(xp.asarray(a), descending=descending)), order)
    # a 2-d array sorts its rows in place (keys made in place, no fused pass)
    b = np.stack([a, a[::-1]])
    exp2 = np.stack([exp, _expected(a[::-1], descending)])
    got2 = to_numpy(xp.sort(xp.asarray(b), axis=1, descending=descending))
    np.testing.assert_array_equal(got2.view(ut), exp2.view(ut))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("kind", ["distinct", "dups", "extremes"])
def test_every_short_length(name, kind):
    rng = np.random.default_rng(zlib.crc32(f"{name}{kind}".encode()))
    for n in LENGTHS:
        a = _values(rng, name, n, kind)
        for descending in (False, True):
            _check(a, descending)


@pytest.mark.parametrize("name", NAMES)
def test_presorted_reversed_and_equal(name):
    dt = np.dtype(name)
    for n in (2, 17, 128, 129, 1000, 100_000):
        base = np.arange(n).astype(dt)
        for a in (base, base[::-1].copy(), np.full(n, base[n // 2], dtype=dt),
                  np.concatenate([base[: n // 2], base[: n - n // 2]])):
            for descending in (False, True):
                _check(a, descending)


@pytest.mark.parametrize("name", ["float64", "float32"])
def test_all_nan_and_all_zero_lanes(name):
    dt = np.dtype(name)
    for n in (5, 64, 1000, 5000):
        for a in (np.full(n, np.nan, dtype=dt), np.zeros(n, dtype=dt),
                  np.where(np.arange(n) % 2 == 0, 0.0, -0.0).astype(dt)):
            for descending in (False, True):
                _check(a, descending)
