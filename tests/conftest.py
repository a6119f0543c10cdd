"""Shared pytest configuration for the arraycore test suite.

The namespace under test is ``arraycore``.  For a self-check of the test
logic only, ``ARRAYCORE_TEST_XP=numpy`` runs the Python-level tests against
NumPy itself (tests marked ``arraycore_only`` check promises NumPy does not
make, e.g. 64-byte alignment or no scalar types, and are skipped in that
mode only).  NumPy is always the oracle.

Helpers shared by the test modules live in ``tests/_helpers.py``; this file
puts ``tests/`` on ``sys.path`` so that ``import _helpers`` works with
``--import-mode=importlib``.
"""
import os
import sys

import pytest

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

XP_NAME = os.environ.get("ARRAYCORE_TEST_XP", "arraycore")

# the fuzz harness's seed (tests/test_fuzz.py): ARRAYCORE_FUZZ_SEED, or a new
# one each session, chosen here so the report header prints it before any
# test runs (a failure prints it again with the call to replay)
if not os.environ.get("ARRAYCORE_FUZZ_SEED"):
    import random as _random
    os.environ["ARRAYCORE_FUZZ_SEED"] = str(_random.SystemRandom().randrange(2 ** 31))

# Hypothesis: modest settings so the whole suite stays within a few minutes
# on two cores.  HYPOTHESIS_PROFILE=thorough runs more examples.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # pragma: no cover - hypothesis is in the test extras
    settings = None
else:
    settings.register_profile(
        "arraycore",
        max_examples=50,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=True,
    )
    settings.register_profile(
        "thorough",
        max_examples=500,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=True,
    )
    settings.register_profile(
        "ci", max_examples=50, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "arraycore"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "arraycore_only: checks a promise specific to arraycore (skipped only "
        "in the ARRAYCORE_TEST_XP=numpy self-check mode)",
    )
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds")


def pytest_report_header(config):
    return [f"arraycore test namespace: {XP_NAME}",
            f"fuzz seed: ARRAYCORE_FUZZ_SEED={os.environ['ARRAYCORE_FUZZ_SEED']} "
            f"(calls: ARRAYCORE_FUZZ_CALLS={os.environ.get('ARRAYCORE_FUZZ_CALLS', '3000')})"]


def pytest_collection_modifyitems(config, items):
    if XP_NAME == "arraycore":
        return
    skip = pytest.mark.skip(
        reason=f"arraycore-specific promise; not checked in the {XP_NAME} self-check mode"
    )
    for item in items:
        if "arraycore_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def xp():
    """The array namespace under test (``arraycore`` unless self-checking)."""
    import _helpers

    return _helpers.xp
