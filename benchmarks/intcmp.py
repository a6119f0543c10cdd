"""Exact comparisons of int64 with uint64 (issue 16): arraycore's dedicated
loops (src/ac_intcmp.c) against NumPy 2, side by side in one process, at
n = 8, 1000 and 1M: int64 array vs uint64 array (both orders, contiguous and
strided), and an int64 array against a Python int beyond int64.

    python benchmarks/intcmp.py [--quick]

Prints the best time per call of each and the ratio arraycore / NumPy
(lower is better; target <= 1.5 at n >= 1000).
"""
import sys
import timeit

import numpy as np

import arraycore as ac

CASES = [
    ("i64 < u64", "int64 < uint64"),
    ("u64 == i64", "uint64 == int64"),
    ("xp.greater_equal(i64[::2], u64[::2])", "int64 >= uint64, strided"),
    ("i64 != 2**63", "int64 != 2**63 (Python int)"),
]
SIZES = [8, 1000, 1_000_000]


def env(xp, n):
    rng = np.random.default_rng(0)
    i = rng.integers(-2 ** 63, 2 ** 63 - 1, size=n, dtype=np.int64, endpoint=True)
    u = rng.integers(0, 2 ** 64 - 1, size=n, dtype=np.uint64, endpoint=True)
    return {"xp": xp, "i64": xp.asarray(i), "u64": xp.asarray(u)}


def best(stmt, g, n, quick):
    number = max(1, (200_000 if quick else 1_000_000) // (n + 500))
    repeat = 3 if quick else 7
    return min(timeit.repeat(stmt, globals=g, number=number, repeat=repeat)) / number


def main():
    quick = "--quick" in sys.argv
    print(f"{'case':32s} {'n':>8s} {'arraycore':>12s} {'numpy':>12s}  ratio")
    for n in SIZES:
        ga, gn = env(ac, n), env(np, n)
        for stmt, label in CASES:
            ta, tn = best(stmt, ga, n, quick), best(stmt, gn, n, quick)
            print(f"{label:32s} {n:8d} {ta * 1e6:9.2f} us {tn * 1e6:9.2f} us  {ta / tn:5.2f}")


if __name__ == "__main__":
    main()
