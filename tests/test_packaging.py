"""One copy of the C core, found relative to the package.

* The symbol tables of the installed (or, for an editable install, built)
  ``.so`` files: the C core lives in exactly one shared library, libaccore,
  every global of it is defined once in the process, and no extension
  module defines or exports core internals.
* One SIMD dispatch level for the whole process: every module that asks
  gets the same answer, and ``ARRAYCORE_CPU`` lowers it everywhere.
* A wheel built from this tree and installed into a fresh virtual
  environment somewhere else imports and passes its self-check (the core
  library is found through the run path of the extension modules).
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

import _capi_build as B

ac = pytest.importorskip("arraycore")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads ELF symbol tables (Linux)")


def _pkg_dir():
    return B.core_library_dir()


def _so_files():
    d = _pkg_dir()
    files = sorted(glob.glob(os.path.join(d, "*.so")))
    core = [f for f in files if os.path.basename(f).startswith("libaccore")]
    mods = [f for f in files if not os.path.basename(f).startswith("lib")]
    return core, mods


def _nm(path, *flags):
    nm = shutil.which("nm")
    if nm is None:
        pytest.fail("nm (binutils) is needed to read symbol tables")
    r = subprocess.run([nm, "--defined-only", *flags, path], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    out = []
    for line in r.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            out.append((parts[1], parts[2]))
    return out


def _is_core_name(name):
    return name.startswith(("ac_", "aci_", "acx_"))


def test_one_core_library():
    core, mods = _so_files()
    assert len(core) == 1, core
    # the extension modules: the Cython modules and the shared utility module
    names = {os.path.basename(m).split(".")[0] for m in mods}
    assert {"_core", "_dtype", "_ufunc", "_capi", "_cyutility"} <= names, names
    # test-only modules are not part of the package
    assert not any("test" in n for n in names), names


def test_every_core_global_defined_once():
    """Each variable of the C core (SIGINT flag, SIMD level, cast table,
    loop error, ...) and each function it exports exists once: in libaccore."""
    core, mods = _so_files()
    core_syms = _nm(core[0])
    core_data = {n for t, n in core_syms if t in "BbDdRr" and _is_core_name(n)}
    # the state the issue names must be in the library
    assert {"ac_sigint_flag", "ac_cast_table", "ac_level"} <= core_data, sorted(core_data)
    core_exports = {n for _, n in _nm(core[0], "-D")}
    assert "ac_copy_nd" in core_exports and "ac_sigint_flag" in core_exports
    for m in mods:
        syms = _nm(m)
        dup_data = sorted(n for t, n in syms if t in "BbDdRr" and _is_core_name(n))
        assert not dup_data, (os.path.basename(m), dup_data)
        dup_funcs = sorted(n for t, n in syms if n in core_exports)
        assert not dup_funcs, (os.path.basename(m), dup_funcs)


def test_core_exports_only_its_interface():
    """libaccore is compiled with hidden visibility: it exports only what
    carries AC_EXPORT (ac_*/aci_* names), nothing of its helpers."""
    core, _ = _so_files()
    exports = [n for t, n in _nm(core[0], "-D") if t in "TtDdBbRrVvWw"]
    assert exports
    stray = [n for n in exports if not _is_core_name(n) and not n.startswith("_")]
    assert not stray, stray
    # internal helpers of the core stay hidden
    assert "ac_simplify_dims" not in exports
    assert "ac_level" not in exports


def test_extension_modules_export_nothing_but_init():
    _, mods = _so_files()
    for m in mods:
        exported = [n for t, n in _nm(m, "-D") if t in "TtDdBbRrVvWw"]
        stray = [n for n in exported if not n.startswith("PyInit_")
                 and n not in ("_init", "_fini", "_edata", "_end", "__bss_start")]
        assert not stray, (os.path.basename(m), stray)


def test_extension_modules_find_core_by_run_path():
    """Every extension module records a run path relative to itself (or, in
    an editable build, to the build tree) through which it finds libaccore."""
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.fail("readelf (binutils) is needed")
    _, mods = _so_files()
    users = set()
    for m in mods:
        r = subprocess.run([readelf, "-d", m], capture_output=True, text=True)
        if "[libaccore.so]" in r.stdout:   # modules that call no core function do not need it
            users.add(os.path.basename(m).split(".")[0])
            assert "$ORIGIN" in r.stdout, (os.path.basename(m), r.stdout)
    assert {"_core", "_ufunc", "_sort", "_iter", "_capi"} <= users, users


def test_one_simd_level():
    """Every module reads the one dispatch level of the core; ARRAYCORE_CPU
    lowers it for the whole process and `python -m arraycore` reports it."""
    vm, _ = B.build_vmath_test()
    from arraycore._ufunc import cpu_dispatch_level
    assert vm.level() == cpu_dispatch_level()
    for env in ("baseline", "avx2"):
        r = subprocess.run([sys.executable, "-m", "arraycore"], capture_output=True, text=True,
                           cwd=tempfile.gettempdir(), env=dict(os.environ, ARRAYCORE_CPU=env),
                           timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr
        line = [ln for ln in r.stdout.splitlines() if ln.startswith("SIMD:")]
        assert line and f"dispatch level {env}" in line[0], r.stdout
        code = "from arraycore._ufunc import cpu_dispatch_level as f; print(f())"
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=tempfile.gettempdir(), env=dict(os.environ, ARRAYCORE_CPU=env))
        assert r.stdout.split() == [env], r.stdout + r.stderr


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv(tmp_path):
    """Build a wheel of this tree, install it into a new virtual environment
    in another directory, and run the self-check from a third one."""
    pip = [sys.executable, "-m", "pip"]
    wheels = tmp_path / "wheels"
    r = subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels),
                              B.REPO], capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]
    (whl,) = glob.glob(str(wheels / "arraycore-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    vpy = str(venv / "bin" / "python")
    r = subprocess.run(pip + ["--python", vpy, "install", "--no-deps", "--no-index", whl],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0 and "no such option: --python" in r.stderr:
        subprocess.run([vpy, "-m", "ensurepip"], check=True, capture_output=True)
        r = subprocess.run([vpy, "-m", "pip", "install", "--no-deps", "--no-index", whl],
                           capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = subprocess.run([vpy, "-m", "arraycore"], cwd=elsewhere, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-check passed" in r.stdout
    r = subprocess.run([vpy, "-c", "import arraycore, os; print(arraycore.__file__)"],
                       cwd=elsewhere, capture_output=True, text=True)
    assert str(venv) in r.stdout, r.stdout
