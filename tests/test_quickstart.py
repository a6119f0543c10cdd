"""The README's Quick start, from the root of a source checkout (issue 17).

`python -m` and `python -c` put the current directory first on sys.path, so
from a clone's root the unbuilt ./arraycore folder is found before the
installed package; it must hand the import over to the installed copy, and
say what to run when there is none.  .ci/run runs the README's commands
verbatim; these tests pin the pieces: the hand-over, the error, and the
README block that .ci/run reads.
"""
import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IN_CHECKOUT = os.path.isfile(os.path.join(ROOT, "arraycore", "meson.build"))
needs_checkout = pytest.mark.skipif(
    not IN_CHECKOUT, reason="the tests do not sit in a source checkout")


def _run(args, cwd=ROOT):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def _quickstart():
    spec = importlib.util.spec_from_file_location(
        "_quickstart", os.path.join(ROOT, ".ci", "quickstart.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return mod.quickstart_commands(f.read())


@needs_checkout
def test_import_from_checkout_root_hands_over_to_installed_copy():
    import arraycore
    r = _run(["-c", "import arraycore, sys; a = arraycore.asarray([1.0, 2.0]); "
                    "print(arraycore.__file__); print(float(arraycore.sum(a))); "
                    "print(sys.modules['arraycore'] is arraycore)"])
    assert r.returncode == 0, r.stderr
    file_, total, same = r.stdout.split()
    assert total == "3.0" and same == "True"
    # the copy the suite tests, never the unbuilt folder
    assert os.path.realpath(file_) == os.path.realpath(arraycore.__file__)
    if not arraycore.__file__.startswith(os.path.join(ROOT, "arraycore")):
        assert not os.path.realpath(file_).startswith(os.path.join(ROOT, "arraycore"))


@needs_checkout
def test_python_m_arraycore_from_checkout_root():
    r = _run(["-m", "arraycore"])
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("arraycore ")
    assert r.stdout.rstrip().endswith("self-check passed")


@needs_checkout
def test_submodule_import_from_checkout_root():
    r = _run(["-c", "from arraycore import _capi; import arraycore._ufunc as u; "
                    "print(u.add(1, 2))"])
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "3"


@needs_checkout
def test_no_installed_copy_says_what_to_run():
    # -S: no site-packages, so neither the installed copy nor an editable
    # install's import hook is there: only the unbuilt folder
    r = _run(["-S", "-c", "import arraycore"])
    assert r.returncode != 0
    assert "ImportError: arraycore is not built" in r.stderr
    assert "pip install ." in r.stderr
    assert "Traceback" in r.stderr and "Segmentation" not in r.stderr


def test_import_elsewhere_is_unaffected(tmp_path):
    import arraycore
    r = _run(["-c", "import arraycore; print(arraycore.__file__)"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert os.path.realpath(r.stdout.strip()) == os.path.realpath(arraycore.__file__)


@needs_checkout
def test_readme_quickstart_is_what_ci_runs():
    cmds = _quickstart()
    assert len(cmds) == 2
    assert cmds[0].startswith("pip install .") and "python -m arraycore" in cmds[0]
    assert "pytest tests" in cmds[1]        # the test command CI must run
    with open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8") as f:
        ci = f.read()
    assert ".ci/quickstart.py README.md" in ci
