"""ufunc.at's typed fast path (issue 15): add, maximum, minimum, fmax,
bitwise_or on float64/int64 and add on complex128, arraycore against NumPy
side by side in one process, at n = 8, 10k and 1M (random int64 indices,
negative ones included, into an array of n elements; one value per index).

    python benchmarks/ufunc_at.py [--quick]

Prints the best time per call of each and the ratio arraycore / NumPy (lower
is better; the issue's target is <= 1.0).  The machine may be loaded: the
ratios of one run move by about 10%.
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
    print(f"{'case':<26} {'n':>9} {'arraycore':>12} {'numpy':>12} {'ratio':>6}")
    for n in (8, 10_000, 1_000_000):
        i = rng.integers(-n, n, n)
        reps = (200 if quick else 1000) if n < 100_000 else (5 if quick else 15)
        for op, dt in (("add", "float64"), ("maximum", "float64"), ("minimum", "int64"),
                       ("fmax", "float64"), ("bitwise_or", "int64"), ("add", "complex128")):
            a = (rng.random(n) * 100).astype(dt)
            b = (rng.random(n) * 100).astype(dt)
            x, ix, xb = ac.asarray(a.copy()), ac.asarray(i), ac.asarray(b)
            fa = getattr(ac, op).at
            fn = getattr(np, op).at
            ta = best(lambda: fa(x, ix, xb), reps)
            tn = best(lambda: fn(a, i, b), reps)
            print(f"{op + '.at ' + dt:<26} {n:>9} {ta * 1e6:>9.2f} us {tn * 1e6:>9.2f} us "
                  f"{ta / tn:>6.2f}")


if __name__ == "__main__":
    main()
