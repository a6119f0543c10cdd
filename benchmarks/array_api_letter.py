"""The paths issue 14 touched, side by side with NumPy in one process.

    python benchmarks/array_api_letter.py

floor_divide and remainder of float64 arrays (floor_divide now tests for
non-finite operands first, as the standard's infinity cases need), `a += b`
on 0-d and size-1 arrays (the loop's reduce-like path, whose pairwise sum now
starts from the first element) and on a large array, and a 0-d `+`.  Prints
the best time per call and the ratio arraycore / NumPy (lower is better).
floor_divide and remainder share their fmod-based inner loop: compare the two
ratios to see what the standard's infinity test costs.
"""
import operator
import timeit

import numpy as np

import arraycore as ac


def best(stmt, g, number, repeat=5):
    return min(timeit.repeat(stmt, globals=g, number=number, repeat=repeat)) / number


def main():
    rng = np.random.default_rng(0)
    n = 1_000_000
    x1 = rng.standard_normal(n) * 100
    x2 = rng.standard_normal(n) + 0.5
    cases = [
        ("floor_divide 1e6 f64", "f(a, b)", {"f": np.floor_divide, "a": x1, "b": x2},
         {"f": ac.floor_divide, "a": ac.asarray(x1), "b": ac.asarray(x2)}, 20),
        ("remainder 1e6 f64", "f(a, b)", {"f": np.remainder, "a": x1, "b": x2},
         {"f": ac.remainder, "a": ac.asarray(x1), "b": ac.asarray(x2)}, 20),
        ("a //= 3.0 (1e6 f64)", "ifloordiv(a, 3.0)", {"a": x1.copy()}, {"a": ac.asarray(x1)},
         20),
        ("a += b, 0-d f64", "iadd(a, b)", {"a": np.asarray(-0.0), "b": np.asarray(-0.0)},
         {"a": ac.asarray(-0.0), "b": ac.asarray(-0.0)}, 20000),
        ("a += b, size 1 f64", "iadd(a, b)", {"a": np.asarray([1.0]), "b": np.asarray([2.0])},
         {"a": ac.asarray([1.0]), "b": ac.asarray([2.0])}, 20000),
        ("a += b, 1e6 f64", "iadd(a, b)", {"a": x1.copy(), "b": x2},
         {"a": ac.asarray(x1), "b": ac.asarray(x2)}, 50),
        ("0-d a + b", "a + b", {"a": np.asarray(1.5), "b": np.asarray(2.5)},
         {"a": ac.asarray(1.5), "b": ac.asarray(2.5)}, 20000),
    ]
    with np.errstate(all="ignore"), ac.errstate(all="ignore"):
        for name, stmt, gn, ga, number in cases:
            for g in (gn, ga):      # a += b written as a call (timeit's a would be local)
                g.update(iadd=operator.iadd, ifloordiv=operator.ifloordiv)
            tn, ta = best(stmt, gn, number), best(stmt, ga, number)
            print(f"{name:24s} numpy {tn * 1e6:9.2f} us   arraycore {ta * 1e6:9.2f} us   "
                  f"ratio {ta / tn:.2f}")


if __name__ == "__main__":
    main()
