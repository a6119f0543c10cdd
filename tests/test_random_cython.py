"""examples/random_cython built with meson against the INSTALLED arraycore
(`cimport arraycore.random`): the bit generator struct from the capsule, the
distribution table, nogil loops filling arraycore arrays.  Draws made in the
example's C loops continue the Python-level stream exactly."""
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

import _capi_build as B

ac = pytest.importorskip("arraycore")
R = pytest.importorskip("arraycore.random")


def _meson():
    exe = shutil.which("meson", path=os.path.dirname(sys.executable) + os.pathsep
                       + os.environ.get("PATH", ""))
    if exe:
        return [exe]
    pytest.importorskip("mesonbuild")
    return [sys.executable, "-m", "mesonbuild.mesonmain"]


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    B.ac_include()
    from arraycore import _configtool
    if not os.path.exists(os.path.join(B.ac_cython_include(), "arraycore", "random",
                                       "__init__.pxd")):
        pytest.skip("arraycore/random/__init__.pxd is not installed (editable install?)")
    root = tmp_path_factory.mktemp("random_example")
    src = root / "src"
    shutil.copytree(os.path.join(B.REPO, "examples", "random_cython"), src)
    native = root / "native.ini"
    native.write_text(f"[binaries]\npython = '{sys.executable}'\npython3 = '{sys.executable}'\n")
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["PKG_CONFIG_PATH"] = _configtool.get_pkgconfigdir()
    bdir = src / "build"
    for cmd in (_meson() + ["setup", str(bdir), str(src), "--native-file", str(native)],
                _meson() + ["compile", "-C", str(bdir)]):
        p = subprocess.run(cmd, env=env, capture_output=True, text=True)
        assert p.returncode == 0, p.stdout + p.stderr
    for f in os.listdir(bdir):
        if f.startswith("rngexample.") and f.endswith((".so", ".pyd")):
            return B.load_module("rngexample", os.path.join(bdir, f))
    raise AssertionError(os.listdir(bdir))


def test_raw_words_continue_the_stream(mod):
    g = R.default_rng(42)
    a = np.asarray(g.bit_generator.random_raw(5))
    b = np.asarray(mod.raw(g, 7))
    want = np.random.PCG64(42).random_raw(12)
    np.testing.assert_array_equal(np.concatenate([a, b]), want)


def test_normals_nogil(mod):
    g = R.default_rng(7)
    x = mod.normals(g, 1000, 2.0, 3.0)
    assert isinstance(x, ac.ndarray) and x.shape == (1000,)
    h = np.random.default_rng(7)
    ref = h.normal(2.0, 3.0, 1000)
    np.testing.assert_allclose(np.asarray(x), ref, rtol=1e-13, atol=1e-13)
    # the same bit generator, continued from Python: still in step with NumPy's
    assert g.random() == h.random()


def test_fill_uniform_strided(mod):
    g = R.Generator(R.Philox(3))
    base = ac.zeros(20)
    v = base[::2]
    mod.fill_uniform(g, v)
    np.testing.assert_array_equal(np.asarray(v), np.random.Generator(np.random.Philox(3)).random(10))
    assert np.all(np.asarray(base)[1::2] == 0)
    with pytest.raises(ValueError):
        mod.fill_uniform(g, ac.zeros(3, dtype="float32"))


def test_poisson_table(mod):
    x = np.asarray(mod.poissons(R.default_rng(1), 20000, 4.0))
    assert abs(x.mean() - 4.0) < 0.1 and abs(x.var() - 4.0) < 0.2


def test_bad_object(mod):
    with pytest.raises((AttributeError, TypeError, ValueError)):
        mod.raw(object(), 3)
