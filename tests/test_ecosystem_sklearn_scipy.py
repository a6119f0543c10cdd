"""scikit-learn (array_api_dispatch=True) and SciPy, with SCIPY_ARRAY_API=1 and
without it, on arraycore arrays (issue 11).  SciPy reads SCIPY_ARRAY_API at
its first import, so each mode runs in a fresh interpreter
(tests/_array_api_consumers.py) and reports one line per check."""
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.arraycore_only

HERE = os.path.dirname(os.path.abspath(__file__))


def _run(mode, array_api):
    env = dict(os.environ)
    env.pop("SCIPY_ARRAY_API", None)
    if array_api:
        env["SCIPY_ARRAY_API"] = "1"
    p = subprocess.run([sys.executable, os.path.join(HERE, "_array_api_consumers.py"), mode],
                       capture_output=True, text=True, env=env, cwd="/", timeout=600)
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith(("ok ", "FAIL "))]
    assert p.returncode == 0, p.stderr[-3000:]
    return lines


def _older(module, version):
    mod = pytest.importorskip(module)
    parts = []
    for p in mod.__version__.split(".")[:2]:
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts) < version


@pytest.mark.parametrize("mode,array_api", [("sklearn", True), ("scipy", True),
                                            ("scipy-plain", False)])
def test_consumers(mode, array_api):
    pytest.importorskip("scipy")
    if mode == "sklearn":
        pytest.importorskip("sklearn")
    # the newest releases for Python 3.10 (scikit-learn 1.7, SciPy 1.15) lack
    # Array API support for some checked functions (pairwise_distances,
    # special.softmax, signal.convolve return NumPy arrays): visible skips
    if mode == "sklearn" and _older("sklearn", (1, 8)):
        pytest.skip("this scikit-learn release (< 1.8) lacks the Array API support checked here")
    if mode == "scipy" and _older("scipy", (1, 16)):
        pytest.skip("this SciPy release (< 1.16) lacks the Array API support checked here")
    lines = _run(mode, array_api)
    assert len(lines) >= 6, lines
    failed = [ln for ln in lines if ln.startswith("FAIL")]
    assert not failed, "\n".join(failed)
