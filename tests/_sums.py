"""A sum check independent of the summation order (for sums computed by test
extensions in a different order than NumPy's pairwise sum)."""
import math

import numpy as np


def assert_sum_close(got, vals):
    """`got` is the sum of the float64 values `vals`, up to rounding in any order."""
    v = np.asarray(vals, dtype=np.float64).reshape(-1)
    with np.errstate(all="ignore"):
        if not np.all(np.isfinite(v)) or not np.isfinite(np.sum(np.abs(v))):
            exp = np.sum(v)
            assert (np.isnan(got) and np.isnan(exp)) or got == exp or \
                (np.isinf(got) or np.isnan(got)), (got, exp)
            return
    exact = math.fsum(v)
    bound = 4 * np.finfo(np.float64).eps * len(v) * float(np.sum(np.abs(v))) + 1e-300
    assert abs(got - exact) <= bound, (got, exact, bound)
