"""The paths issue 16's checks run on, against NumPy, in one process:
comparisons with Python ints (exact integer comparison), int64 vs uint64
arrays, assignment between overlapping views (overlap by extents),
conversion of nested lists and __array__ objects (the recursion gate), slicing
(overflow-checked lengths), ufunc.at.

    python benchmarks/hardening.py

Prints the best time per call of each and the ratio arraycore / NumPy.
"""
import timeit

import numpy as np

import arraycore as ac

CASES = [
    ("a == 5", "small int compare"),
    ("a < 2**63", "compare beyond int64"),
    ("i64 == u64", "int64 vs uint64"),
    ("m[...] = m.T", "assign transpose of self"),
    ("b[...] = c", "assign, no overlap"),
    ("xp.asarray(lst)", "asarray nested list"),
    ("xp.asarray(wrap)", "asarray __array__ object"),
    ("a[::3, ...]", "slice + Ellipsis"),
    ("xp.add.at(z, idx, 1.0)", "add.at strided slice"),
]


class Wrap:
    def __init__(self, a):
        self.a = a

    def __array__(self, dtype=None, copy=None):
        return self.a


def env(xp):
    g = {"xp": xp}
    g["a"] = xp.asarray(list(range(1000)), dtype=xp.int64)
    g["i64"] = xp.asarray(list(range(1000)), dtype=xp.int64)
    g["u64"] = xp.asarray(list(range(1000)), dtype=xp.uint64)
    g["m"] = xp.ones((100, 100))
    g["b"] = xp.ones((100, 100))
    g["c"] = xp.zeros((100, 100))
    g["lst"] = [[1.0, 2.0, 3.0]] * 10
    g["wrap"] = Wrap(xp.ones(10))
    g["z"] = xp.zeros(1000)
    g["idx"] = slice(None, None, 3)
    return g


def best(stmt, g, number=2000, repeat=5):
    return min(timeit.repeat(stmt, globals=g, number=number, repeat=repeat)) / number


def main():
    ga, gn = env(ac), env(np)
    print(f"{'case':28s} {'arraycore':>12s} {'numpy':>12s}  ratio")
    for stmt, label in CASES:
        ta, tn = best(stmt, ga), best(stmt, gn)
        print(f"{label:28s} {ta * 1e6:9.2f} us {tn * 1e6:9.2f} us  {ta / tn:5.2f}")


if __name__ == "__main__":
    main()
