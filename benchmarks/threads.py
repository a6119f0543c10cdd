"""The second core (issue 15): arraycore's thread pool (src/ac_pool.c)
against NumPy, which uses one core, side by side in one process.

    python benchmarks/threads.py [--quick] [--repeat N]

Cases: exp, sin, sqrt, pow of 10M float64 (and pow of float32), sum of 10M float64 (and
int64), max and sort (the library default against NumPy's default) of 10M
float64, each at the pool's default size (get_num_threads(): the CPUs this
process may use, or ARRAYCORE_NUM_THREADS) and with the pool limited to 1
thread; then n = 8 and n = 10k, which stay below every threshold (small
arrays must not pay for the pool).  For each case: the best time per call of
each library (alternating repeats; large outputs preallocated, out=), the ratio arraycore / NumPy (lower is better) and the issue's target.
On a machine whose cores are busy with other work the pool cannot help: the
line at the top says how many CPUs were idle enough to matter (the load
average).
"""
import os
import sys
import time

import numpy as np

import arraycore as ac


def best(f, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return min(ts)


def cases(n):
    rng = np.random.default_rng(0)
    x = rng.random(n) * 10.0 + 0.5
    y = rng.random(n) * 3.0
    xi = rng.integers(0, 1000, n)
    ax, ay, axi = ac.asarray(x), ac.asarray(y), ac.asarray(xi)
    if n < 100_000:     # small: the plain calls (out= takes the keyword path)
        return [
            ("exp", lambda: ac.exp(ax), lambda: np.exp(x)),
            ("sin", lambda: ac.sin(ax), lambda: np.sin(x)),
            ("sqrt", lambda: ac.sqrt(ax), lambda: np.sqrt(x)),
            ("pow", lambda: ac.pow(ax, ay), lambda: np.power(x, y)),
            ("sum float64", lambda: ac.sum(ax), lambda: np.sum(x)),
            ("sum int64", lambda: ac.sum(axi), lambda: np.sum(xi)),
            ("max float64", lambda: ac.max(ax), lambda: np.max(x)),
        ]
    o_np, o_ac = np.empty(n), ac.empty(n)
    x32, y32 = x.astype(np.float32), y.astype(np.float32)
    ax32, ay32 = ac.asarray(x32), ac.asarray(y32)
    o_np32, o_ac32 = np.empty(n, np.float32), ac.empty(n, dtype="float32")
    return [
        ("exp", lambda: ac.exp(ax, out=o_ac), lambda: np.exp(x, out=o_np)),
        ("sin", lambda: ac.sin(ax, out=o_ac), lambda: np.sin(x, out=o_np)),
        ("sqrt", lambda: ac.sqrt(ax, out=o_ac), lambda: np.sqrt(x, out=o_np)),
        ("pow", lambda: ac.pow(ax, ay, out=o_ac), lambda: np.power(x, y, out=o_np)),
        ("pow float32", lambda: ac.pow(ax32, ay32, out=o_ac32), lambda: np.power(x32, y32, out=o_np32)),
        ("sum float64", lambda: ac.sum(ax), lambda: np.sum(x)),
        ("sum int64", lambda: ac.sum(axi), lambda: np.sum(xi)),
        ("max float64", lambda: ac.max(ax), lambda: np.max(x)),
        ("sort float64", lambda: ac.sort(ax), lambda: np.sort(x)),
    ]


def main():
    quick = "--quick" in sys.argv
    repeat = 5 if quick else 11
    if "--repeat" in sys.argv:
        repeat = int(sys.argv[sys.argv.index("--repeat") + 1])
    default = ac.get_num_threads()
    print(f"pool size {default} (CPUs available {len(os.sched_getaffinity(0))}, "
          f"load average {os.getloadavg()[0]:.2f})")
    big = 1_000_000 if quick else 10_000_000
    rows = []
    for n, sizes in ((big, (default, 1)), (10_000, (default,)), (8, (default,))):
        for label, fa, fn in cases(n):
            for t in sizes:
                ac.set_num_threads(t)
                fa(), fn()
                ta = tn = float("inf")
                for _ in range(3):          # alternate, keep the best of each
                    ta = min(ta, best(fa, repeat))
                    tn = min(tn, best(fn, repeat))
                target = None
                if n == big:
                    target = 0.6 if t > 1 else 1.0
                rows.append((f"{label} n={n} threads={t}", ta, tn, target))
                tgt = f"(target {target})" if target else ""
                print(f"{rows[-1][0]:<38} ac {ta * 1e3:9.3f} ms  np {tn * 1e3:9.3f} ms  "
                      f"ratio {ta / tn:5.2f} {tgt}", flush=True)
    ac.set_num_threads(default)


if __name__ == "__main__":
    main()
