"""Is OpenBLAS's batched gemm worth using for stacks of matmul products?

    python benchmarks/gemm_batch.py [--calls N]

arraycore's matmul runs a stack of products as one gemm call per matrix
(src/ac_matmul.c).  scipy-openblas64 >= 0.3.30 also exports
cblas_?gemm_batch_strided, one call for the whole stack, spread over the
library's threads.  This script calls both directly (ctypes, on the library
arraycore loads) for a stack of 100 float64 64x64 products, many times, and
prints the distribution of the times (a batched call waits for every thread,
so its tail on a loaded machine matters as much as its median), then checks
the complex routine's results against NumPy (0.3.34's zgemm_batch_strided
was found wrong in half of C).  The decision and the numbers measured are in
docs/architecture.md (matmul on BLAS).
"""
import ctypes
import sys
import time

import numpy as np

import arraycore as ac


def _lib():
    import threadpoolctl
    from arraycore.linalg import _engine
    ac.linalg.det(ac.eye(2))                    # loads arraycore's library
    path = _engine.library_path()               # NumPy's bundled copy or the package's
    lib = ctypes.CDLL(path)
    for d in threadpoolctl.threadpool_info():
        if d["filepath"] == path or d["filepath"].rsplit("/", 1)[-1] == path.rsplit("/", 1)[-1]:
            return lib, d["version"]
    return lib, "?"


def _stats(f, calls):
    ts = []
    for _ in range(calls):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    ts = np.sort(np.array(ts) * 1e3)
    return (f"total {ts.sum():8.0f} ms  p50 {ts[calls // 2]:6.2f}  "
            f"p90 {ts[int(calls * 0.9)]:7.2f}  max {ts[-1]:7.1f} ms")


def main():
    calls = int(sys.argv[sys.argv.index("--calls") + 1]) if "--calls" in sys.argv else 200
    lib, version = _lib()
    try:
        batch = lib.scipy_cblas_dgemm_batch_strided64_
        zbatch = lib.scipy_cblas_zgemm_batch_strided64_
    except AttributeError:
        raise SystemExit(f"OpenBLAS {version} has no gemm_batch_strided")
    gemm = lib.scipy_cblas_dgemm64_
    i64, dbl, ptr, enum = ctypes.c_int64, ctypes.c_double, ctypes.c_void_p, ctypes.c_int
    batch.argtypes = [enum, enum, enum, i64, i64, i64, dbl, ptr, i64, i64, ptr, i64, i64,
                      dbl, ptr, i64, i64, i64]
    zbatch.argtypes = [enum, enum, enum, i64, i64, i64, ptr, ptr, i64, i64, ptr, i64, i64,
                       ptr, ptr, i64, i64, i64]
    gemm.argtypes = [enum, enum, enum, i64, i64, i64, dbl, ptr, i64, ptr, i64, dbl, ptr, i64]
    rng = np.random.default_rng(0)
    B, n = 100, 64
    a = rng.standard_normal((B, n, n))
    b = rng.standard_normal((B, n, n))
    c = np.empty((B, n, n))
    es = 8 * n * n
    RM, NT = 101, 111                           # CblasRowMajor, CblasNoTrans

    def batched():
        batch(RM, NT, NT, n, n, n, 1.0, a.ctypes.data, n, n * n, b.ctypes.data, n, n * n,
              0.0, c.ctypes.data, n, n * n, B)

    def loop():
        pa, pb, pc = a.ctypes.data, b.ctypes.data, c.ctypes.data
        for i in range(B):
            gemm(RM, NT, NT, n, n, n, 1.0, pa + i * es, n, pb + i * es, n, 0.0, pc + i * es, n)

    xa, xb = ac.asarray(a), ac.asarray(b)
    print(f"OpenBLAS {version}: stack of {B} float64 {n}x{n} products, {calls} calls each")
    for _ in range(2):
        print(f"  one batched call  {_stats(batched, calls)}")
        print(f"  gemm per matrix   {_stats(loop, calls)}")
        print(f"  arraycore matmul  {_stats(lambda: ac.matmul(xa, xb), calls)}")
        print(f"  numpy matmul      {_stats(lambda: np.matmul(a, b), calls)}")
    batched()
    print("  float64 batched result error:", np.abs(c - a @ b).max())
    z = a[:4] + 1j * b[:4]
    w = b[:4] - 1j * a[:4]
    zc = np.zeros_like(z)
    one, zero = np.array([1 + 0j]), np.array([0j])
    zbatch(RM, NT, NT, n, n, n, one.ctypes.data, z.ctypes.data, n, n * n, w.ctypes.data,
           n, n * n, zero.ctypes.data, zc.ctypes.data, n, n * n, 4)
    print("  complex128 batched result error:", np.abs(zc - z @ w).max())


if __name__ == "__main__":
    main()
