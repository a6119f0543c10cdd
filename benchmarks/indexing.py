"""Integer-array indexing (issue 15): `a[i]`, `a[i] = v`, `take`, row gathers
`a2[i]` and `add.at`, arraycore against NumPy side by side in one process, at
n = 8, 10k and 1M (random int64 indices into float64 arrays).

    python benchmarks/indexing.py [--quick]

Prints the best time per call of each and the ratio arraycore / NumPy
(lower is better; the issue's target is <= 1.0).
"""
import sys
import time

import numpy as np

import arraycore as ac


def best(f, reps):
    t = 1e9
    for _ in range(reps):
        s = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - s)
    return t


def main():
    quick = "--quick" in sys.argv
    rng = np.random.default_rng(0)
    print(f"arraycore {ac.__version__} vs numpy {np.__version__}; best of repeats, wall clock")
    print(f"{'case':<16} {'n':>9} {'arraycore':>12} {'numpy':>12} {'ratio':>6}")
    for n in (8, 10_000, 1_000_000):
        a = rng.random(n)
        i = rng.integers(0, n, n)
        a2 = rng.random((max(n // 8, 1), 8))
        i2 = rng.integers(0, a2.shape[0], min(n, 1000))
        x, ix, x2, ix2 = ac.asarray(a), ac.asarray(i), ac.asarray(a2), ac.asarray(i2)
        reps = (200 if quick else 2000) if n < 100_000 else (5 if quick else 20)
        cases = [
            ("a[i]", lambda: x[ix], lambda: a[i]),
            ("a[i] = 1.0", lambda: x.__setitem__(ix, 1.0), lambda: a.__setitem__(i, 1.0)),
            ("take(a, i)", lambda: ac.take(x, ix), lambda: np.take(a, i)),
            ("a2[i] (rows)", lambda: x2[ix2], lambda: a2[i2]),
            ("add.at(a, i, 1)", lambda: ac.add.at(x, ix, 1.0), lambda: np.add.at(a, i, 1.0)),
        ]
        for name, fa, fn in cases:
            ta, tn = best(fa, reps), best(fn, reps)
            print(f"{name:<16} {n:>9} {ta * 1e6:>9.2f} us {tn * 1e6:>9.2f} us {ta / tn:>6.2f}")


if __name__ == "__main__":
    main()
