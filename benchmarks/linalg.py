"""arraycore.linalg and matmul against numpy.linalg (issue 9), in one process.

    python benchmarks/linalg.py [--quick] [--only WORD] [--threads N]

Prints the best time of each operation for arraycore and NumPy and the ratio
arraycore / NumPy (targets: <= 0.5 for the stacked small-matrix cases,
<= 1.0 for the rest).  Both use the same OpenBLAS (NumPy's bundled copy of
the scipy-openblas64 build, which arraycore loads too when it is there: one
copy per process), with their default thread counts or, with
--threads N, both limited to N threads through threadpoolctl (fairer on a
loaded machine).  The two sides are timed in alternation, best of the runs.
"""
import sys
import timeit

import numpy as np

import arraycore as ac


def best(fn, number, repeat):
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def best_pair(f1, f2, number, repeat):
    """Best times of f1 and f2, measured in alternation."""
    t1 = t2 = float("inf")
    for _ in range(repeat):
        t1 = min(t1, timeit.timeit(f1, number=number) / number)
        t2 = min(t2, timeit.timeit(f2, number=number) / number)
    return t1, t2


def spd(rng, n, batch=()):
    a = rng.standard_normal(batch + (n, n))
    return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)


def crand(rng, shape, dt):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)


def cases(rng):
    yield "det 10000 x 3x3", "det", (rng.standard_normal((10000, 3, 3)),), 0.5
    yield "inv 10000 x 4x4", "inv", (rng.standard_normal((10000, 4, 4)),), 0.5
    yield "solve 1000 x 8x8", "solve", (rng.standard_normal((1000, 8, 8)),
                                        rng.standard_normal((1000, 8, 1))), 0.5
    a500 = rng.standard_normal((500, 500))
    s500 = spd(rng, 500)
    yield "solve 500", "solve", (a500, rng.standard_normal((500, 1))), 1.0
    yield "inv 500", "inv", (a500,), 1.0
    yield "det 500", "det", (a500,), 1.0
    yield "cholesky 500", "cholesky", (s500,), 1.0
    yield "qr 500", "qr", (a500,), 1.0
    yield "svdvals 500", "svdvals", (a500,), 1.0
    yield "eigh 500", "eigh", (s500,), 1.0
    yield "eigvalsh 500", "eigvalsh", (s500,), 1.0
    a300 = rng.standard_normal((300, 300))
    yield "svd 300", "svd", (a300,), 1.0
    yield "pinv 300", "pinv", (a300,), 1.0
    for n in (64, 512, 1024, 2048):
        yield f"matmul f64 {n}", "matmul", (rng.standard_normal((n, n)),
                                            rng.standard_normal((n, n))), 1.0
    yield "matmul f32 1024", "matmul", (rng.standard_normal((1024, 1024)).astype("f4"),
                                        rng.standard_normal((1024, 1024)).astype("f4")), 1.0
    c = rng.standard_normal((256, 256)) + 1j * rng.standard_normal((256, 256))
    yield "matmul c128 256", "matmul", (c, c.T.copy()), 1.0
    yield "a @ b 1-d n=8", "matmul", (rng.standard_normal(8), rng.standard_normal(8)), 1.0
    yield "vector_norm 1M", "vector_norm", (rng.standard_normal(1_000_000),), 1.0
    yield "matrix_norm fro 500", "matrix_norm", (a500,), 1.0
    # beyond the rows: complex stacks of small matrices (our LU kernels),
    # stacked products, vecdot and outer
    for dt in ("complex64", "complex128"):
        tag = "c64" if dt == "complex64" else "c128"
        yield f"det 10000 x 3x3 {tag}", "det", (crand(rng, (10000, 3, 3), dt),), 0.5
        yield f"inv 10000 x 4x4 {tag}", "inv", (crand(rng, (10000, 4, 4), dt),), 0.5
        yield f"solve 1000 x 8x8 {tag}", "solve", (crand(rng, (1000, 8, 8), dt),
                                                   crand(rng, (1000, 8, 1), dt)), 0.5
    for b, n in ((1000, 8), (100, 64)):
        yield f"matmul stack {b} x {n}x{n}", "matmul", (rng.standard_normal((b, n, n)),
                                                      rng.standard_normal((b, n, n))), 1.0
    yield "vecdot 1000 x 1000", "vecdot", (rng.standard_normal((1000, 1000)),
                                           rng.standard_normal((1000, 1000))), 1.0
    yield "outer 2000", "outer", (rng.standard_normal(2000), rng.standard_normal(2000)), 1.0
    yield "matmul 2000x2000 @ 2000", "matmul", (rng.standard_normal((2000, 2000)),
                                                rng.standard_normal(2000)), 1.0


def main():
    if "--threads" in sys.argv:
        from threadpoolctl import threadpool_limits
        ac.linalg.det(ac.eye(2))            # load arraycore's library first
        with threadpool_limits(int(sys.argv[sys.argv.index("--threads") + 1])):
            return run()
    return run()


def run():
    quick = "--quick" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    rng = np.random.default_rng(0)
    print(f"{'case':24s} {'arraycore':>12s} {'numpy':>12s}  ratio (target)")
    for name, fn, args, target in cases(rng):
        if only and only not in name:
            continue
        acargs = [ac.asarray(x) for x in args]
        if fn == "svdvals":
            nf = lambda: np.linalg.svd(args[0], compute_uv=False)  # noqa: E731
        elif fn == "svd":
            nf = lambda: np.linalg.svd(args[0], full_matrices=False)  # noqa: E731
        else:
            f = getattr(np.linalg, fn)
            nf = lambda f=f: f(*args)  # noqa: E731
        g = getattr(ac.linalg, fn)
        af = lambda g=g: g(*acargs)  # noqa: E731
        af()
        nf()
        t1 = best(nf, 1, 3)
        number = max(1, int(0.05 / max(t1, 1e-7)))
        repeat = 3 if quick else 7
        ta, tn = best_pair(af, nf, number, repeat)
        r = ta / tn
        flag = "" if r <= target else "  MISSED"
        print(f"{name:24s} {ta * 1e6:10.1f}us {tn * 1e6:10.1f}us  {r:5.2f} ({target}){flag}")


if __name__ == "__main__":
    main()
