"""NumPy dispatch onto arraycore arrays (issue 11).

    python benchmarks/numpy_interop.py

Prints, for n=8 float64 arrays, the best time per call of `np.add(a, b)` and
`np.concatenate([a, b])` on arraycore arrays against the direct `ac.add` /
`ac.concat` (target: <= 1.5x), and the floor NumPy's own override machinery
sets: the same NumPy calls on an object whose __array_ufunc__ /
__array_function__ return at once (that cost is NumPy's, paid before
arraycore is reached).  Then the dask sum of a 10M-element array with
arraycore chunks against NumPy chunks (target: <= 1.1x).  Ratios are
arraycore time / reference time.
"""
import timeit

import numpy as np

import arraycore as ac


class _Nothing:
    """Answers NumPy's protocols at once: what NumPy's dispatch alone costs."""

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return None

    def __array_function__(self, func, types, args, kwargs):
        return None


def best(f, number=20000, repeat=7):
    return min(timeit.repeat(f, number=number, repeat=repeat)) / number


def dispatch():
    a = ac.asarray(np.arange(8.0))
    b = ac.asarray(np.arange(8.0))
    z = _Nothing()
    rows = [
        ("np.add(a, b)", lambda: np.add(a, b), "ac.add(a, b)", lambda: ac.add(a, b),
         lambda: np.add(z, z)),
        ("np.concatenate([a, b])", lambda: np.concatenate([a, b]), "ac.concat([a, b])",
         lambda: ac.concat([a, b]), lambda: np.concatenate([z, z])),
    ]
    for name, f, ref, g, floor in rows:
        tf, tg, tz = best(f), best(g), best(floor)
        flag = "" if tf / tg <= 1.5 else "  MISSED (target <= 1.5)"
        print(f"{name:24s} {tf * 1e6:6.2f} us  {ref:18s} {tg * 1e6:6.2f} us  "
              f"ratio {tf / tg:.2f}{flag}   (NumPy's dispatch alone: {tz * 1e6:.2f} us; "
              f"arraycore's share: {(tf - tz) / tg:.2f}x)")


def dask_sum():
    try:
        import dask.array as da
    except ImportError:
        print("dask is not installed: dask benchmark skipped")
        return
    n = np.arange(10_000_000, dtype=np.float64) % 7
    x_ac = da.from_array(ac.asarray(n), chunks=1_000_000)
    x_np = da.from_array(n, chunks=1_000_000)
    t_ac = best(lambda: x_ac.sum().compute(scheduler="threads"), number=3, repeat=5)
    t_np = best(lambda: x_np.sum().compute(scheduler="threads"), number=3, repeat=5)
    flag = "" if t_ac / t_np <= 1.1 else "  MISSED (target <= 1.1)"
    print(f"dask sum, 10M float64: arraycore chunks {t_ac * 1e3:.1f} ms, NumPy chunks "
          f"{t_np * 1e3:.1f} ms, ratio {t_ac / t_np:.2f}{flag}")


if __name__ == "__main__":
    dispatch()
    dask_sum()
