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


@pytest.mark.parametrize("mode,array_api", [("sklearn", True), ("scipy", True),
                                            ("scipy-plain", False)])
def test_consumers(mode, array_api):
    pytest.importorskip("scipy")
    if mode == "sklearn":
        pytest.importorskip("sklearn")
    lines = _run(mode, array_api)
    assert len(lines) >= 6, lines
    failed = [ln for ln in lines if ln.startswith("FAIL")]
    assert not failed, "\n".join(failed)
