"""ndarray methods against their function forms (issue 8's typed calls).

    python benchmarks/methods.py

Prints, for n=8 float64, the best time per call of `a.sum()` ... and of
`ac.sum(a)` ..., and their ratio (target: <= 1.1: a method is a typed C call
into the same implementation, never a trip through Python attributes).
"""
import timeit

import arraycore as ac

PAIRS = [("a.sum()", "ac.sum(a)"), ("a.mean()", "ac.mean(a)"), ("a.std()", "ac.std(a)"),
         ("a.max()", "ac.max(a)"), ("a.astype(ac.float32)", "ac.astype(a, ac.float32)")]


def best(stmt, g, number=20000, repeat=7):
    return min(timeit.repeat(stmt, globals=g, number=number, repeat=repeat)) / number


def main():
    g = {"a": ac.asarray([1.0, 2, 3, 4, 5, 6, 7, 8]), "ac": ac}
    for m, f in PAIRS:
        tm, tf = best(m, g), best(f, g)
        flag = "" if tm / tf <= 1.1 else "  MISSED (target <= 1.1)"
        print(f"{m:24s} {tm * 1e6:6.2f} us   {f:26s} {tf * 1e6:6.2f} us   "
              f"ratio {tm / tf:.2f}{flag}")


if __name__ == "__main__":
    main()
