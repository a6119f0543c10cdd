"""arraycore.random against numpy.random's Generator, side by side (issue 13).

    python benchmarks/random_streams.py [--quick]

Prints the best time of each case for both and the ratio arraycore / NumPy
(targets: <= 1.0 for the bulk cases, <= 0.5 for the n=8 calls, which measure
per-call overhead).  Both generators are PCG64 seeded alike.
"""
import sys
import timeit

import numpy as np

import arraycore as ac
import arraycore.random  # noqa: F401

QUICK = "--quick" in sys.argv
BIG = 1_000_000 if QUICK else 10_000_000
MID = 100_000 if QUICK else 1_000_000

CASES = [
    ("random(%d)" % BIG, "g.random(%d)" % BIG, 1.0),
    ("standard_normal(%d)" % BIG, "g.standard_normal(%d)" % BIG, 1.0),
    ("integers(0, 1000, %d)" % BIG, "g.integers(0, 1000, %d)" % BIG, 1.0),
    ("exponential(%d)" % BIG, "g.exponential(1.0, %d)" % BIG, 1.0),
    ("permutation(%d)" % MID, "g.permutation(%d)" % MID, 1.0),
    ("choice(%d, 1000, replace=False)" % MID, "g.choice(%d, 1000, replace=False)" % MID, 1.0),
    ("binomial(arr n, arr p) %d" % MID, "g.binomial(nn, pp)", 1.0),
    ("poisson(arr lam) %d" % MID, "g.poisson(lam)", 1.0),
    ("random(8)", "g.random(8)", 0.5),
    ("standard_normal(8)", "g.standard_normal(8)", 0.5),
    ("integers(0, 10, 8)", "g.integers(0, 10, 8)", 0.5),
    ("normal(0, 1, 8)", "g.normal(0.0, 1.0, 8)", 0.5),
    ("uniform(0, 1, 8)", "g.uniform(0.0, 1.0, 8)", 0.5),
    # no target in the issue for these (reported for information)
    ("standard_exponential(%d, f32)" % BIG, "g.standard_exponential(%d, dtype='float32')" % BIG,
     None),
    ("multivariate_normal(3-d, %d)" % MID, "g.multivariate_normal(mean, cov, %d)" % MID, None),
    ("MT19937.jumped()", "mt.jumped()", None),
]


def best(stmt, env, big):
    number = 1 if big else 20000
    repeat = 3 if big else 5
    return min(timeit.repeat(stmt, globals=env, number=number, repeat=repeat)) / number


def main():
    rs = np.random.default_rng(1)
    nn_np = rs.integers(1, 200, MID)
    pp_np = rs.random(MID)
    lam_np = rs.random(MID) * 50
    mean_np = np.array([1.0, -2.0, 0.5])
    cov_np = np.array([[2.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 0.5]])
    env_ac = {"g": ac.random.default_rng(1), "nn": ac.asarray(nn_np), "pp": ac.asarray(pp_np),
              "lam": ac.asarray(lam_np), "mean": ac.asarray(mean_np), "cov": ac.asarray(cov_np),
              "mt": ac.random.MT19937(1)}
    env_np = {"g": np.random.default_rng(1), "nn": nn_np, "pp": pp_np, "lam": lam_np,
              "mean": mean_np, "cov": cov_np, "mt": np.random.MT19937(1)}
    print("machine shared with other jobs: ratios are indicative")
    for name, stmt, target in CASES:
        big = "(8)" not in name and ", 8)" not in name and "jumped" not in name
        ta, tn = best(stmt, env_ac, big), best(stmt, env_np, big)
        r = ta / tn
        flag = "" if target is None or r <= target else "  MISSED (target <= %.1f)" % target
        unit, scale = ("ms", 1e3) if big else ("us", 1e6)
        print(f"{name:34s} ac {ta * scale:9.2f} {unit}  np {tn * scale:9.2f} {unit}  "
              f"ratio {r:5.2f}{flag}")


if __name__ == "__main__":
    main()
