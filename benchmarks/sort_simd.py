"""Sorting at SIMD speed (issue 15): arraycore's sorts and argsorts against
NumPy's, side by side in one process.

    python benchmarks/sort_simd.py [--quick] [--cpu-time]

Value sorts of 32-/64-bit types run the vectorized quicksort of
src/ac_simdsort.c (AVX-512, else AVX2; ARRAYCORE_CPU lowers the level) and
restore signed zeros and NaN payloads, so `sort` stays observably stable;
argsorts of 32-/64-bit keys on AVX-512 use the key-index sort (stable).
NumPy's default sort/argsort is its own vectorized quicksort where the CPU
has one; its stable ones are radix/timsort.

For each case: the best time per call of each (alternating repeats; wall
clock, or thread CPU time with --cpu-time, which a loaded machine disturbs
less) and the ratio arraycore / NumPy (lower is better) with the issue's
target where it sets one.
"""
import sys
import time

import numpy as np

import arraycore as ac

# (label, n, dtype, arraycore call, NumPy call, target)
CASES = [
    ("sort default (stable) vs np.sort default", 1_000_000, "float64",
     lambda x: ac.sort(x), lambda a: np.sort(a), 0.8),
    ("sort stable=False vs np.sort default", 1_000_000, "float64",
     lambda x: ac.sort(x, stable=False), lambda a: np.sort(a), 0.8),
    ("sort default vs np.sort default", 10_000, "float64",
     lambda x: ac.sort(x), lambda a: np.sort(a), None),
    ("argsort default vs np.argsort default", 10_000, "float64",
     lambda x: ac.argsort(x), lambda a: np.argsort(a), None),
    ("argsort stable vs np stable", 1_000_000, "float64",
     lambda x: ac.argsort(x), lambda a: np.argsort(a, kind="stable"), 0.5),
    ("argsort stable=False vs np.argsort default", 1_000_000, "float64",
     lambda x: ac.argsort(x, stable=False), lambda a: np.argsort(a), None),
    ("sort descending vs np.sort()[::-1].copy()", 1_000_000, "float64",
     lambda x: ac.sort(x, descending=True), lambda a: np.sort(a)[::-1].copy(), None),
    ("sort default vs np.sort default", 1_000_000, "float32",
     lambda x: ac.sort(x), lambda a: np.sort(a), None),
    ("sort default vs np.sort default", 1_000_000, "int64",
     lambda x: ac.sort(x), lambda a: np.sort(a), None),
    ("sort default vs np.sort default", 1_000_000, "int32",
     lambda x: ac.sort(x), lambda a: np.sort(a), None),
    ("argsort stable vs np stable", 1_000_000, "float32",
     lambda x: ac.argsort(x), lambda a: np.argsort(a, kind="stable"), 0.5),
    ("argsort stable vs np stable", 1_000_000, "int64",
     lambda x: ac.argsort(x), lambda a: np.argsort(a, kind="stable"), 0.5),
    ("sort 1000 rows of 1000 (axis=-1) vs np.sort", 1000, "float64",
     lambda x: ac.sort(x), lambda a: np.sort(a), None),
    ("sort 1M, 1000 distinct values vs np.sort", 1_000_000, "dup",
     lambda x: ac.sort(x), lambda a: np.sort(a), None),
]


def make(n, dtype, label):
    rng = np.random.default_rng(0)
    if "rows" in label:
        return rng.random((n, n))
    if dtype == "dup":
        return rng.integers(0, 1000, n).astype(np.float64)
    if dtype.startswith("float"):
        return rng.random(n).astype(dtype)
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, n, dtype=dtype)


def best_pair(fa, fn, reps, clock):
    ta, tn = [], []
    for _ in range(reps):          # alternate so drift hits both alike
        s = clock()
        fa()
        ta.append(clock() - s)
        s = clock()
        fn()
        tn.append(clock() - s)
    return min(ta), min(tn)


def main():
    quick = "--quick" in sys.argv
    clock = time.thread_time if "--cpu-time" in sys.argv else time.perf_counter
    print(f"arraycore {ac.__version__} vs numpy {np.__version__}; "
          f"{'thread CPU time' if clock is time.thread_time else 'wall clock'}, best of repeats")
    print(f"{'case':<48} {'n':>9} {'dtype':>8} {'arraycore':>11} {'numpy':>11} {'ratio':>6}  target")
    for label, n, dtype, fa, fn, target in CASES:
        a = make(n, dtype, label)
        x = ac.asarray(a)
        size = a.size
        reps = (3 if quick else 7) if size >= 500_000 else (30 if quick else 200)
        ta, tn = best_pair(lambda: fa(x), lambda: fn(a), reps, clock)
        r = ta / tn
        tgt = "" if target is None else f"<= {target}" + ("  ok" if r <= target else "  MISSED")
        print(f"{label:<48} {n:>9} {dtype:>8} {ta * 1e3:>8.3f} ms {tn * 1e3:>8.3f} ms "
              f"{r:>6.2f}  {tgt}")


if __name__ == "__main__":
    main()
