"""`pad` of a 2000x2000 float64 array by 16 on every side, every NumPy mode,
arraycore against NumPy side by side in one process.

    python benchmarks/pad_modes.py [mode ...] [--repeat N]

The two libraries run alternately (the order swaps each round, so a loaded
machine hurts both alike).  Printed per mode: the best time of each, the ratio
of the bests, and the median of the per-round ratios (arraycore / NumPy;
target <= 1.0).  The work is bound by memory: one allocation, one strided copy
of the interior (32 MB), then the border regions.
"""
import statistics
import sys
import time

import numpy as np

import arraycore as ac

MODES = ["constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
         "reflect", "symmetric", "wrap", "empty"]


def paired(fa, fb, rounds):
    ta, tb = [], []
    for i in range(rounds):
        order = (fa, fb) if i % 2 else (fb, fa)
        times = {}
        for f in order:
            t0 = time.perf_counter()
            f()
            times[f] = time.perf_counter() - t0
        ta.append(times[fa])
        tb.append(times[fb])
    return min(ta), min(tb), statistics.median(a / b for a, b in zip(ta, tb))


def main(argv):
    rounds = 40
    if "--repeat" in argv:
        i = argv.index("--repeat")
        rounds = int(argv[i + 1])
        del argv[i:i + 2]
    modes = argv or MODES
    img = np.random.default_rng(0).random((2000, 2000))
    a = ac.asarray(img)
    print(f"{'mode':12s} {'arraycore':>10s} {'NumPy':>10s} {'ratio':>6s} {'median':>6s}")
    for mode in modes:
        n = max(4, rounds // 6) if mode == "median" else rounds
        t_ac, t_np, med = paired(lambda: ac.pad(a, 16, mode=mode),
                                 lambda: np.pad(img, 16, mode=mode), n)
        flag = "" if min(t_ac / t_np, med) <= 1.0 else "  MISSED"
        print(f"{mode:12s} {t_ac * 1e3:8.2f}ms {t_np * 1e3:8.2f}ms {t_ac / t_np:6.2f} "
              f"{med:6.2f}{flag}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
