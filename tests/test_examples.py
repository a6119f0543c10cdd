"""The three projects in examples/ build with meson against the INSTALLED
arraycore (found through `dependency('arraycore')` with
PKG_CONFIG_PATH=$(arraycore-config --pkgconfigdir), or through the
get_include() fallback), import from their build directories and work:
the C extension (also under CPython's limited API), the same extension in
NumPy spellings through npy_compat.h, and the Cython extension.
"""
import os
import shutil
import subprocess
import sys

import pytest

import _capi_build as B

ac = pytest.importorskip("arraycore")
np = pytest.importorskip("numpy")

EXAMPLES = os.path.join(B.REPO, "examples")


def _config_tool():
    """The arraycore-config console script, or the module behind it."""
    import sysconfig
    # only the script of this interpreter's environment (another one on PATH
    # may belong to another installation)
    for d in (sysconfig.get_path("scripts"), os.path.dirname(sys.executable)):
        exe = os.path.join(d, "arraycore-config")
        if os.path.exists(exe):
            return [exe]
    return [sys.executable, "-m", "arraycore._configtool"]


def _meson():
    exe = shutil.which("meson", path=os.path.dirname(sys.executable) + os.pathsep
                       + os.environ.get("PATH", ""))
    if exe:
        return [exe]
    pytest.importorskip("mesonbuild")
    return [sys.executable, "-m", "mesonbuild.mesonmain"]


def _env(pkgconfig=True):
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    if pkgconfig:
        pcdir = subprocess.run(_config_tool() + ["--pkgconfigdir"], capture_output=True,
                               text=True, check=True).stdout.strip()
        env["PKG_CONFIG_PATH"] = pcdir
    else:
        env["PKG_CONFIG_PATH"] = ""
        env["PKG_CONFIG_LIBDIR"] = os.devnull      # pkg-config finds nothing
    return env


# build name -> (example dir, meson options, use pkg-config)
BUILDS = {
    "c": ("c_extension", [], True),
    "c_limited": ("c_extension", ["-Dlimited_api=true"], True),
    "c_fallback": ("c_extension", [], False),
    "npy": ("npy_compat_extension", [], True),
    "cython": ("cython_extension", [], True),
}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Configure and build every example once (two builds at a time)."""
    B.ac_include()
    if shutil.which("ninja", path=os.path.dirname(sys.executable) + os.pathsep
                    + os.environ.get("PATH", "")) is None:
        pytest.skip("ninja not found")
    root = tmp_path_factory.mktemp("examples")
    native = root / "native.ini"
    native.write_text(f"[binaries]\npython = '{sys.executable}'\npython3 = '{sys.executable}'\n")
    meson = _meson()
    procs = {}
    dirs = {}
    for name, (src, opts, pc) in BUILDS.items():
        srcdir = root / ("src_" + name)
        shutil.copytree(os.path.join(EXAMPLES, src), srcdir)
        bdir = srcdir / "build"
        dirs[name] = bdir
        cmd = (meson + ["setup", str(bdir), str(srcdir), "--native-file", str(native)] + opts
               + ["&&"] + meson + ["compile", "-C", str(bdir)])
        procs[name] = (cmd, pc)
    pending = list(procs.items())
    results = {}
    running = []
    while pending or running:
        while pending and len(running) < 2:
            name, (cmd, pc) = pending.pop(0)
            i = cmd.index("&&")
            shell = " ".join(_q(c) for c in cmd[:i]) + " && " + " ".join(_q(c) for c in cmd[i + 1:])
            p = subprocess.Popen(shell, shell=True, env=_env(pc), stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
            running.append((name, p))
        name, p = running.pop(0)
        out, _ = p.communicate()
        results[name] = (p.returncode, out)
    for name, (rc, out) in results.items():
        assert rc == 0, f"example build {name!r} failed:\n{out}"
    return {name: (str(dirs[name]), results[name][1]) for name in BUILDS}


def _q(s):
    import shlex
    return shlex.quote(str(s))


def _load(built, name, modname):
    bdir, _ = built[name]
    for f in os.listdir(bdir):
        if f.startswith(modname + ".") and f.endswith((".so", ".pyd")):
            return B.load_module(modname, os.path.join(bdir, f)), f
    raise AssertionError(f"no {modname} extension in {bdir}: {os.listdir(bdir)}")


def test_config_tool():
    inc = B.ac_include()
    out = subprocess.run(_config_tool() + ["--cflags"], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "-I" + inc
    pcdir = subprocess.run(_config_tool() + ["--pkgconfigdir"], capture_output=True,
                           text=True, check=True).stdout.strip()
    assert os.path.exists(os.path.join(pcdir, "arraycore.pc"))
    v = subprocess.run(_config_tool() + ["--version"], capture_output=True, text=True,
                       check=True).stdout.strip()
    assert v == ac.__version__
    assert ac.get_include() == inc


def test_pkg_config_file_is_relocatable():
    inc = B.ac_include()
    if shutil.which("pkg-config") is None:
        pytest.skip("no pkg-config")
    env = _env(True)
    out = subprocess.run(["pkg-config", "--cflags", "arraycore"], env=env, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert os.path.realpath(out[2:]) == os.path.realpath(inc)
    ver = subprocess.run(["pkg-config", "--modversion", "arraycore"], env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert ver == ac.__version__
    with open(os.path.join(env["PKG_CONFIG_PATH"], "arraycore.pc")) as f:
        text = f.read()
    assert "prefix=${pcfiledir}/../.." in text and "/site-packages" not in text


def _check_example(mod):
    a = ac.reshape(ac.arange(6.0), (2, 3))
    b = [[1, 1, 1], [2, 2, 2]]
    out = ac.ones((2, 3))
    assert mod.example_wrapper(a, b, out) is None
    assert out.tolist() == (np.ones((2, 3)) + np.arange(6.0).reshape(2, 3) * np.asarray(b)).tolist()
    # an output that needs a copy (not contiguous, int32): written back
    base = ac.zeros((2, 6), dtype=ac.int32)
    o = base[:, ::2]
    mod.example_wrapper([[1, 2, 3], [4, 5, 6]], [[2, 2, 2], [2, 2, 2]], o)
    assert base.tolist() == [[2, 0, 4, 0, 6, 0], [8, 0, 10, 0, 12, 0]]
    assert base.flags.writeable
    # 1-d
    o1 = ac.zeros(3)
    mod.example_wrapper([1, 2, 3], [1, 2, 3], o1)
    assert o1.tolist() == [1.0, 4.0, 9.0]
    # errors, never crashes
    with pytest.raises(TypeError):
        mod.example_wrapper(a, b, [[0.0] * 3] * 2)            # out must be an array
    with pytest.raises(ValueError):
        mod.example_wrapper(a, b, ac.broadcast_to(ac.zeros(3), (2, 3)))   # read-only out
    with pytest.raises(ValueError):
        mod.example_wrapper(a, [1, 2], out)
    with pytest.raises(TypeError):
        mod.example_wrapper(ac.asarray([1j]), [1.0], ac.zeros(1))         # unsafe cast
    ro = ac.broadcast_to(ac.zeros(3), (2, 3))
    assert not ro.flags.writeable
    # stride-aware reads
    m = ac.reshape(ac.arange(16.0), (4, 4))
    for v in (m, m.T, m[::2, ::-1], ac.asarray(np.arange(16, dtype=">f8").reshape(4, 4))):
        assert mod.trace(v) == pytest.approx(float(np.trace(np.asarray(v))))
    assert mod.trace([[1, 2], [3, 4]]) == 5.0
    with pytest.raises(ValueError):
        mod.trace([1.0, 2.0])


def test_c_extension(built):
    mod, _ = _load(built, "c", "example")
    _check_example(mod)
    eye = mod.identity(3)
    assert isinstance(eye, ac.ndarray) and eye.tolist() == np.eye(3).tolist()
    if shutil.which("pkg-config") or shutil.which("pkgconf"):
        assert "arraycore found: YES" in built["c"][1], built["c"][1]


def test_c_extension_limited_api(built):
    mod, fname = _load(built, "c_limited", "example")
    assert ".abi3." in fname
    _check_example(mod)
    assert mod.identity(2).tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_c_extension_get_include_fallback(built):
    mod, _ = _load(built, "c_fallback", "example")
    _check_example(mod)
    assert "arraycore found: NO" in built["c_fallback"][1]


def test_npy_compat_extension(built):
    mod, _ = _load(built, "npy", "example_npy")
    _check_example(mod)


def test_cython_extension(built):
    mod, _ = _load(built, "cython", "cyexample")
    m = ac.reshape(ac.arange(12.0), (3, 4))
    for v in (m, m.T, m[::2, 1::2], m[::-1]):
        assert mod.stride_sum(v) == pytest.approx(float(np.asarray(v).sum()))
    with pytest.raises(TypeError):
        mod.stride_sum([[1.0]])
    r = mod.row_sums(m)
    assert isinstance(r, ac.ndarray) and r.tolist() == [6.0, 22.0, 38.0]
    mod.scale(m, 2.0)
    assert m.tolist() == (np.arange(12.0).reshape(3, 4) * 2).tolist()   # no copy
    f = mod.as_float64([[1, 2], [3, 4]])
    assert f.dtype == ac.float64 and f.flags.c_contiguous
