"""Build helpers of the C-API, Cython, header and example tests.

Everything is compiled against the INSTALLED arraycore (its headers under
``arraycore.get_include()`` and its ``__init__.pxd``), never the source tree.
Small extensions are compiled directly with the C compiler that built Python
(fast: no meson run); the examples are built with meson by test_examples.py.
"""
from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CAPI_SRC = os.path.join(HERE, "capi_src")


def ac_include() -> str:
    """The installed include directory (for an editable install, the mirror
    in the build directory), or skip when the headers are missing."""
    import arraycore

    inc = arraycore.get_include()
    if not os.path.exists(os.path.join(inc, "arraycore", "_ac_api.h")):
        pytest.skip(f"arraycore's C headers are not installed under {inc} "
                    "(editable install?): run `pip install --no-build-isolation .`")
    return inc


def ac_cython_include() -> str:
    """The directory holding arraycore/__init__.pxd (for cython -I)."""
    from arraycore import _configtool

    return _configtool.get_cython_include()


def py_include() -> str:
    return sysconfig.get_paths()["include"]


def compilers():
    cc = shlex.split(sysconfig.get_config_var("CC") or "cc")
    cxx = shlex.split(sysconfig.get_config_var("CXX") or "c++")
    if shutil.which(cc[0]) is None:
        pytest.skip(f"no C compiler ({cc[0]})")
    if shutil.which(cxx[0]) is None:
        cxx = None
    return cc, cxx


def ext_suffix(limited: bool = False) -> str:
    if limited:
        return ".abi3.so" if sys.platform != "win32" else ".pyd"
    return sysconfig.get_config_var("EXT_SUFFIX")


def compile_cmd(src, out, *, defines=(), cxx=False, limited=False, extra=()):
    """The command that compiles one C (or C++) source into an extension."""
    cc, cxxc = compilers()
    if cxx:
        if cxxc is None:
            pytest.skip("no C++ compiler")
        comp = cxxc + ["-x", "c++"]
    else:
        comp = cc + ["-std=c11"]
    cmd = comp + ["-shared", "-fPIC", "-O1", "-Wall", "-Werror",
                  "-I" + py_include(), "-I" + ac_include()]
    if limited:
        cmd.append("-DPy_LIMITED_API=0x030A0000")
    cmd += [f"-D{d}" for d in defines]
    cmd += list(extra) + [src, "-o", out]
    return cmd


def run_parallel(cmds, cwd=None, jobs=2):
    """Run build commands, `jobs` at a time; fail with their output."""
    pending = list(cmds)
    running = []
    while pending or running:
        while pending and len(running) < jobs:
            cmd = pending.pop(0)
            p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
            running.append((cmd, p))
        cmd, p = running.pop(0)
        out, _ = p.communicate()
        if p.returncode != 0:
            for _, q in running:
                q.wait()
            raise AssertionError(f"build failed: {' '.join(cmd)}\n{out}")


def load_module(name: str, path: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_cython_module(out_dir, name: str, source: str, extra_link=()):
    """Cythonize `source` (a .pyx text that may `cimport arraycore`) against
    the installed __init__.pxd, compile it against the installed headers in
    out_dir and import it as module `name`."""
    inc = ac_include()
    pyx = os.path.join(str(out_dir), name + ".pyx")
    with open(pyx, "w") as f:
        f.write(source)
    c = os.path.join(str(out_dir), name + ".c")
    r = subprocess.run([sys.executable, "-m", "cython", "-3", "-I", ac_cython_include(),
                        pyx, "-o", c], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    so = os.path.join(str(out_dir), name + ext_suffix())
    cc, _ = compilers()
    r = subprocess.run(cc + ["-shared", "-fPIC", "-O1", "-I" + py_include(), "-I" + inc,
                             "-Wno-unused-function", c, "-o", so, *extra_link],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return load_module(name, so)


def run_python(code: str, cwd=None, timeout=120):
    """Run code in a fresh interpreter (for import-state tests), from a
    directory outside the source tree so that the installed arraycore is
    the one imported."""
    import tempfile

    return subprocess.run([sys.executable, "-c", code], cwd=cwd or tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=timeout)


def core_library_dir() -> str:
    """The directory of arraycore's C core library (libaccore), beside the
    extension modules (for an editable install, in the build directory)."""
    import arraycore._core

    d = os.path.dirname(arraycore._core.__file__)
    assert any(f.startswith("libaccore") for f in os.listdir(d)), d
    return d


_VMATH = {}


def build_vmath_test(out_dir=None):
    """Compile the test-only module tests/capi_src/vmath_testmod.pyx (the
    vector exp/log kernels at a chosen dispatch level) and link it to the
    installed C core; returns (module, directory holding it).  Built once
    per session: it is a test tool, not part of the package."""
    import tempfile

    if "mod" in _VMATH:
        return _VMATH["mod"], _VMATH["dir"]
    out_dir = out_dir or tempfile.mkdtemp(prefix="ac_vmath_test_")
    pyx = os.path.join(CAPI_SRC, "vmath_testmod.pyx")
    c_file = os.path.join(out_dir, "vmath_testmod.c")
    so = os.path.join(out_dir, "vmath_testmod" + ext_suffix())
    r = subprocess.run([sys.executable, "-m", "cython", "-3", pyx, "-o", c_file],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    cc, _ = compilers()
    libdir = core_library_dir()
    cmd = cc + ["-shared", "-fPIC", "-O2", "-I" + py_include(), "-I" + ac_include(),
                "-I" + os.path.join(REPO, "arraycore", "src"), c_file, "-o", so,
                "-L" + libdir, "-laccore", "-Wl,-rpath," + libdir]
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, " ".join(cmd) + "\n" + r.stdout + r.stderr
    _VMATH["mod"] = load_module("vmath_testmod", so)
    _VMATH["dir"] = out_dir
    return _VMATH["mod"], out_dir
