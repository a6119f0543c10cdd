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


def run_python(code: str, cwd=None, timeout=120):
    """Run code in a fresh interpreter (for import-state tests), from a
    directory outside the source tree so that the installed arraycore is
    the one imported."""
    import tempfile

    return subprocess.run([sys.executable, "-c", code], cwd=cwd or tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=timeout)
