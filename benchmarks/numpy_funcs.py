"""The NumPy-named functions of issue 12 against NumPy, side by side in one process.

    python benchmarks/numpy_funcs.py [--quick]

Prints, for each case of the issue, the best time per call on arraycore and on
NumPy (alternating repeats) and the ratio arraycore / NumPy (target <= 1.0
for every case: einsum with optimize=True, median, percentile, histogram,
bincount, pad constant and reflect, allclose).
"""
import sys
import time

import numpy as np

import arraycore as ac


def best(fn, repeat):
    t = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t.append(time.perf_counter() - t0)
    return min(t)


def cases():
    rng = np.random.default_rng(0)
    a512 = rng.random((512, 512))
    b512 = rng.random((512, 512))
    a64 = rng.random((64, 64, 64))
    b64 = rng.random((64, 64, 64))
    big = rng.random(10_000_000)
    big2 = big + 1e-12
    ints = rng.integers(0, 1000, 10_000_000)
    img = rng.random((2000, 2000))
    A = {k: ac.asarray(v) for k, v in dict(a512=a512, b512=b512, a64=a64, b64=b64,
                                            big=big, big2=big2, ints=ints, img=img).items()}
    return [
        ("einsum ij,jk->ik 512 (optimize)",
         lambda: ac.einsum("ij,jk->ik", A["a512"], A["b512"], optimize=True),
         lambda: np.einsum("ij,jk->ik", a512, b512, optimize=True)),
        ("einsum bij,bjk->bik 64^3 (optimize)",
         lambda: ac.einsum("bij,bjk->bik", A["a64"], A["b64"], optimize=True),
         lambda: np.einsum("bij,bjk->bik", a64, b64, optimize=True)),
        ("median 10M float64", lambda: ac.median(A["big"]), lambda: np.median(big)),
        ("percentile [5,50,95] 10M", lambda: ac.percentile(A["big"], [5, 50, 95]),
         lambda: np.percentile(big, [5, 50, 95])),
        ("histogram 10M float64 100 bins", lambda: ac.histogram(A["big"], 100),
         lambda: np.histogram(big, 100)),
        ("bincount 10M int64", lambda: ac.bincount(A["ints"]), lambda: np.bincount(ints)),
        ("pad 2000x2000 constant", lambda: ac.pad(A["img"], 16),
         lambda: np.pad(img, 16)),
        ("pad 2000x2000 reflect", lambda: ac.pad(A["img"], 16, mode="reflect"),
         lambda: np.pad(img, 16, mode="reflect")),
        ("allclose 10M", lambda: ac.allclose(A["big"], A["big2"]),
         lambda: np.allclose(big, big2)),
    ]


def main():
    repeat = 3 if "--quick" in sys.argv else 7
    print(f"{'case':38s} {'arraycore':>11s} {'numpy':>11s}  ratio")
    for name, fa, fn in cases():
        fa()
        fn()
        ta = tn = float("inf")
        for _ in range(repeat):   # alternate, so load changes hit both
            ta = min(ta, best(fa, 1))
            tn = min(tn, best(fn, 1))
        flag = "" if ta / tn <= 1.0 else "  MISSED (target <= 1.0)"
        print(f"{name:38s} {ta * 1e3:9.2f}ms {tn * 1e3:9.2f}ms  {ta / tn:5.2f}{flag}")


if __name__ == "__main__":
    main()
