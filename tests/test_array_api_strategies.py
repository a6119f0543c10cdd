"""arraycore as a namespace for hypothesis.extra.array_api: Hypothesis builds
arrays of every dtype through arraycore's own Array API functions (which
checks that the namespace has what the standard requires), and the results of
computations on them are checked against NumPy."""
import numpy as np
import pytest
from hypothesis import given, settings, HealthCheck
from hypothesis.extra.array_api import make_strategies_namespace

import arraycore as ac

xps = make_strategies_namespace(ac)
pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def test_namespace_version():
    assert xps.api_version == ac.__array_api_version__


@SETTINGS
@given(x=xps.arrays(dtype=xps.numeric_dtypes(), shape=xps.array_shapes(max_dims=3)))
def test_arithmetic_on_generated_arrays(x):
    n = np.asarray(x)
    with np.errstate(all="ignore"):
        np.testing.assert_array_equal(np.asarray(x + x), n + n)
        if n.dtype.kind != "c":     # complex products: NumPy fuses multiply-adds
            np.testing.assert_array_equal(np.asarray(x * x), n * n)
        np.testing.assert_allclose(np.asarray(ac.abs(x)), np.abs(n), rtol=1e-6)
        np.testing.assert_array_equal(np.asarray(x == x), n == n)


@SETTINGS
@given(x=xps.arrays(dtype=xps.real_dtypes(), shape=xps.array_shapes(min_dims=1, max_dims=2)))
def test_sort_and_reductions_on_generated_arrays(x):
    n = np.asarray(x)
    np.testing.assert_array_equal(np.asarray(ac.sort(x)), np.sort(n, kind="stable"))
    if n.size:
        np.testing.assert_array_equal(np.asarray(ac.max(x)), np.max(n))
        np.testing.assert_array_equal(np.asarray(ac.argmin(x)), np.argmin(n))
