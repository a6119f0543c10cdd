"""The three projects in examples/ build with meson against the INSTALLED
arraycore (found through `dependency('arraycore')` with
PKG_CONFIG_PATH=$(arraycore-config --pkgconfigdir), or through the
get_include() fallback), import from their build directories and work:
the C extension (also under CPython's limited API), the same extension in
NumPy spellings through npy_compat.h, and the Cython extension.

The ufunc parts (example_ufunc in c_extension, the ufuncs of example_npy and
cyexample) are checked against NumPy: element-wise ufuncs over dtypes and
layouts, broadcasting, out=, dtype resolution and reduce; generalized ufuncs
with loop-dimension broadcasting, core-dimension errors and axes=; the
C-API's answers to bad arguments; and Ctrl-C in long C loops.
"""
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import _capi_build as B
import _helpers as H

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
    if hasattr(mod, "fft_rows"):        # the C extension (API 0x3), not npy_compat
        src = np.arange(35.0).reshape(5, 7) ** 1.5 - 3j
        for v in (src, src[::2, ::-1], src.T, ac.asarray(src.real)):
            got = mod.fft_rows(v)
            v = np.asarray(v)
            np.testing.assert_allclose(np.asarray(got), np.fft.fft(v, axis=1), rtol=1e-12,
                                       atol=1e-9)
        with pytest.raises(ValueError):
            mod.fft_rows([1.0, 2.0])
        with pytest.raises(ValueError):
            mod.fft_rows(np.zeros((3, 0)))


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


# --------------------------------------------------------------------------
# ufuncs and generalized ufuncs of the examples
# --------------------------------------------------------------------------
_UFUNC_BUILDS = ["c", "c_limited"]
_SETTINGS = settings(max_examples=40, deadline=None)
_FLOAT_LAYOUTS = H.LAYOUTS


def _expected_loop(loops, *dtypes):
    """NumPy's loop selection: the first loop (a tuple of input dtype names)
    that every input casts to safely; None when there is none."""
    for loop in loops:
        if all(np.can_cast(d, np.dtype(t), "safe") for d, t in zip(dtypes, loop)):
            return loop
    return None


def _close(got, want, dt):
    got = np.asarray(got)
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    rtol = {np.float16: 1e-3, np.float32: 1e-5}.get(want.dtype.type, 1e-13)
    np.testing.assert_allclose(got, want, rtol=rtol, atol=0, equal_nan=True)


def _logit_np(x):
    with np.errstate(all="ignore"):
        return np.log(x / (x.dtype.type(1) - x))


@pytest.fixture(scope="module", params=_UFUNC_BUILDS)
def ufmod(request, built):
    return _load(built, request.param, "example_ufunc")[0]


@_SETTINGS
@given(H.pairs(dtype_names=H.DTYPE_NAMES))
def test_c_logit_against_numpy(ufmod, pair):
    n, x = pair
    loop = _expected_loop([("float32",), ("float64",)], n.dtype)
    if loop is None:                        # complex: no loop
        with pytest.raises(TypeError):
            ufmod.logit(x)
        return
    r = ufmod.logit(x)
    assert isinstance(r, ac.ndarray) and r.shape == n.shape
    _close(r, _logit_np(n.astype(loop[0])), loop[0])


@_SETTINGS
@given(H.pairs(dtype_names=H.INTEGRAL_NAMES + H.REAL_FLOAT_NAMES + ["bool"]))
def test_c_cbrt_helper_loops(ufmod, pair):
    n, x = pair
    loop = _expected_loop([("float16",), ("float32",), ("float64",)], n.dtype)
    r = ufmod.cbrt(x)
    want = np.cbrt(n.astype(loop[0]))
    _close(r, want, loop[0])


@_SETTINGS
@given(st.data())
def test_c_hypot_broadcasting_and_resolution(ufmod, data):
    a = data.draw(H.np_arrays(H.INTEGRAL_NAMES + ["float32", "float64"], max_dims=3))
    bshape = data.draw(H.value_shapes(a.shape))
    b = data.draw(H.np_arrays(["int8", "int16", "float32", "float64"], shape=bshape))
    la = data.draw(st.sampled_from(_FLOAT_LAYOUTS))
    na, xa = H.layout_pair(a, la)
    nb, xb = H.layout_pair(b, "C")
    loop = _expected_loop([("float32", "float32"), ("float64", "float64")],
                          na.dtype, nb.dtype)
    r = ufmod.hypot(xa, xb)
    with np.errstate(all="ignore"):
        want = np.hypot(na.astype(loop[0]), nb.astype(loop[1]))
    _close(r, want, loop[0])
    # the other order broadcasts the same way
    assert ufmod.hypot(xb, xa).shape == want.shape


def test_c_ufunc_out_and_reduce(ufmod):
    rng = np.random.default_rng(1)
    xn = rng.uniform(0.01, 0.99, (4, 6))
    # out=: a strided float64 view is written in place and returned
    base = ac.zeros((4, 12))
    o = base[:, ::2]
    r = ufmod.logit(ac.asarray(xn), out=o)
    assert r is o
    np.testing.assert_allclose(np.asarray(base)[:, ::2], _logit_np(xn), rtol=1e-13)
    assert (np.asarray(base)[:, 1::2] == 0).all()
    # out= of another dtype: the result is cast (float64 -> float32 same kind)
    o32 = ac.zeros((4, 6), dtype=ac.float32)
    ufmod.logit(ac.asarray(xn), out=o32)
    np.testing.assert_allclose(np.asarray(o32), _logit_np(xn).astype(np.float32), rtol=1e-6)
    # out= that cannot hold the result
    with pytest.raises(TypeError):
        ufmod.logit(ac.asarray(xn), out=ac.zeros((4, 6), dtype=ac.int64))
    with pytest.raises(ValueError):
        ufmod.logit(ac.asarray(xn), out=ac.zeros((3, 6)))
    # in place on a transposed view
    t = ac.asarray(xn.copy()).T
    ufmod.logit(t, out=t)
    np.testing.assert_allclose(np.asarray(t), _logit_np(xn).T, rtol=1e-13)
    # where=: masked elements of out are left alone
    ow = ac.asarray(np.full(6, 7.0))
    mask = np.array([True, False, True, True, False, False])
    ufmod.logit(ac.asarray(xn[0]), out=ow, where=ac.asarray(mask))
    np.testing.assert_allclose(np.asarray(ow), np.where(mask, _logit_np(xn[0]), 7.0),
                               rtol=1e-13)
    # Python scalars and lists
    assert float(ufmod.logit(0.5)) == 0.0
    np.testing.assert_allclose(np.asarray(ufmod.cbrt([8, 27])), [2.0, 3.0])
    # reduce, accumulate, outer of the binary helper-loop ufunc (identity 0)
    yn = rng.normal(size=(3, 5))
    y = ac.asarray(yn)
    assert ufmod.hypot.identity == 0
    for axis in (0, 1, None, (0, 1)):
        _close(ufmod.hypot.reduce(y, axis=axis), np.hypot.reduce(yn, axis=axis), "float64")
    _close(ufmod.hypot.reduce(y, axis=1, keepdims=True),
           np.hypot.reduce(yn, axis=1, keepdims=True), "float64")
    _close(ufmod.hypot.reduce(ac.zeros((0,))), np.hypot.reduce(np.zeros(0)), "float64")
    _close(ufmod.hypot.accumulate(y, axis=1), np.hypot.accumulate(yn, axis=1), "float64")
    _close(ufmod.hypot.outer(y[0], y[1]), np.hypot.outer(yn[0], yn[1]), "float64")
    # a unary ufunc has no reduce; the element-wise ufuncs report themselves
    with pytest.raises(ValueError):
        ufmod.logit.reduce(y)
    assert ufmod.logit.types == ["f->f", "d->d"]
    assert ufmod.cbrt.types == ["e->e", "f->f", "d->d"]
    assert ufmod.logit.identity is None and ufmod.logit.signature is None
    assert (ufmod.logit.nin, ufmod.logit.nout) == (1, 1)
    assert ufmod.logit.__name__ == "logit"


@st.composite
def _gufunc_operands(draw, core_a, core_b, dtype="float64"):
    """Two arrays with broadcastable loop dimensions in front of the given core
    shapes, in drawn layouts."""
    loop = draw(H.shapes(min_dims=0, max_dims=3, min_side=0, max_side=4))
    la = draw(H.value_shapes(loop))
    lb = draw(H.value_shapes(loop))
    elems = st.floats(-100, 100, width=64)
    a = draw(hnp.arrays(dtype, la + core_a, elements=elems))
    b = draw(hnp.arrays(dtype, lb + core_b, elements=elems))
    na, xa = H.layout_pair(a, draw(st.sampled_from(_FLOAT_LAYOUTS)))
    nb, xb = H.layout_pair(b, draw(st.sampled_from(_FLOAT_LAYOUTS)))
    return na, xa, nb, xb


@_SETTINGS
@given(st.integers(0, 6).flatmap(lambda n: _gufunc_operands((n,), (n,))))
def test_c_inner1d_against_numpy(ufmod, ops):
    na, xa, nb, xb = ops
    r = ufmod.inner1d(xa, xb)
    want = np.einsum("...i,...i->...", na, nb)
    assert r.shape == want.shape and np.asarray(r).dtype == np.float64
    np.testing.assert_allclose(np.asarray(r), want, rtol=1e-12, atol=1e-9)


@_SETTINGS
@given(_gufunc_operands((3,), (3,)))
def test_c_cross3_against_numpy(ufmod, ops):
    na, xa, nb, xb = ops
    r = ufmod.cross3(xa, xb)
    want = np.cross(na, nb)
    assert r.shape == want.shape
    np.testing.assert_allclose(np.asarray(r), want, rtol=1e-12, atol=1e-9)


def test_c_gufunc_errors_axes_out(ufmod):
    rng = np.random.default_rng(2)
    an, bn = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    a, b = ac.asarray(an), ac.asarray(bn)
    assert ufmod.inner1d.signature == "(i),(i)->()"
    assert ufmod.cross3.signature == "(3),(3)->(3)"
    # core dimension mismatch, too few dimensions, fixed-size mismatch
    with pytest.raises(ValueError):
        ufmod.inner1d(ac.ones(3), ac.ones(4))
    with pytest.raises(ValueError):
        ufmod.inner1d(ac.ones((2, 3)), ac.ones((3, 4)))
    with pytest.raises(ValueError):
        ufmod.inner1d(ac.asarray(1.0), ac.ones(1))
    with pytest.raises(ValueError):
        ufmod.cross3(ac.ones(4), ac.ones(4))
    with pytest.raises(ValueError):
        ufmod.cross3(ac.ones((2, 3)), ac.ones((2, 2)))
    # loop dimensions that do not broadcast
    with pytest.raises(ValueError):
        ufmod.inner1d(ac.ones((2, 3)), ac.ones((5, 3)))
    # axes=: the core dimension elsewhere
    _close(ufmod.inner1d(a, b, axes=[(0,), (0,), ()]), np.einsum("ij,ij->j", an, bn), "float64")
    _close(ufmod.inner1d(a.T, b, axes=[(0,), (1,), ()]), np.einsum("ij,ij->i", an, bn),
           "float64")
    _close(ufmod.cross3(a.T, b.T, axes=[(0,), (0,), (0,)]), np.cross(an, bn).T, "float64")
    _close(ufmod.cross3(a.T, b, axes=[(0,), (1,), (1,)]), np.cross(an, bn), "float64")
    # outputs without core dimensions may be left out of axes (as in NumPy)
    _close(ufmod.inner1d(a, b, axes=[(0,), (0,)]), np.einsum("ij,ij->j", an, bn), "float64")
    with pytest.raises(ValueError):
        ufmod.inner1d(a, b, axes=[(0,)])
    with pytest.raises(ValueError):
        ufmod.cross3(a, b, axes=[(1,), (1,)])
    with pytest.raises((ValueError, IndexError)):
        ufmod.inner1d(a, b, axes=[(5,), (0,), ()])
    # out=, including an output that is one of the inputs
    o = ac.zeros(4)
    assert ufmod.inner1d(a, b, out=o) is o
    _close(o, np.einsum("ij,ij->i", an, bn), "float64")
    c = ac.asarray(an.copy())
    ufmod.cross3(c, b, out=c)
    _close(c, np.cross(an, bn), "float64")
    with pytest.raises(ValueError):
        ufmod.cross3(a, b, out=ac.zeros((4, 2)))
    # float32 loop, and no loop for complex
    r32 = ufmod.inner1d(a.astype(ac.float32), b.astype(ac.float32))
    assert r32.dtype == ac.float32
    with pytest.raises(TypeError):
        ufmod.inner1d(ac.asarray([1j]), ac.asarray([1j]))
    # a gufunc has no reduce
    with pytest.raises(TypeError):
        ufmod.inner1d.reduce(a)


def test_c_register_loop_for_type(ufmod):
    an = np.arange(-6, 6, dtype=np.int64).reshape(3, 4) * (2 ** 40 + 1)
    bn = np.arange(12, dtype=np.int64).reshape(3, 4) - 3
    a, b = ac.asarray(an), ac.asarray(bn)
    loops = [("float32", "float32"), ("float64", "float64")]
    registered = "ll->l" in ufmod.inner1d.types
    if not registered:
        # int64 inputs go through the float64 loop (int64 -> float32 is unsafe)
        assert _expected_loop(loops, an.dtype, bn.dtype) == ("float64", "float64")
        r = ufmod.inner1d(a, b)
        assert r.dtype == ac.float64
        ntypes = ufmod.inner1d.ntypes
        assert ufmod.add_int64_loop() is None
        assert ufmod.inner1d.ntypes == ntypes + 1
    assert ufmod.inner1d.types[-1] == "ll->l"
    r = ufmod.inner1d(a, b)
    assert r.dtype == ac.int64
    assert np.asarray(r).tolist() == np.einsum("ij,ij->i", an, bn).tolist()   # exact
    # registering again replaces the loop: no new entry
    ntypes = ufmod.inner1d.ntypes
    ufmod.add_int64_loop()
    assert ufmod.inner1d.ntypes == ntypes
    # int32 still takes the float64 loop (the int64 loop comes later in the list)
    r = ufmod.inner1d(a.astype(ac.int32), b.astype(ac.int32))
    want_loop = _expected_loop(loops + [("int64", "int64")], np.int32, np.int32)
    assert np.asarray(r).dtype == np.dtype(want_loop[0])


@pytest.mark.parametrize("what, exc", [
    ("null_loop", ValueError),
    ("null_func_array", ValueError),
    ("null_types", ValueError),
    ("bad_type", ValueError),
    ("negative_type", ValueError),
    ("bad_nin", ValueError),
    ("no_outputs", ValueError),
    ("bad_identity", ValueError),
    ("register_bad_types", ValueError),
    ("register_bad_usertype", ValueError),
    ("register_null_loop", ValueError),
    ("register_not_ufunc", TypeError),
    ("register_null_ufunc", TypeError),
])
def test_c_ufunc_capi_bad_arguments(ufmod, what, exc):
    types = list(ufmod.inner1d.types)
    with pytest.raises(exc):
        ufmod.misuse(what)
    assert ufmod.inner1d.types == types       # nothing was registered
    with pytest.raises(KeyError):
        ufmod.misuse("no such case")


@pytest.mark.parametrize("sig", [
    "", "(i),(i)", "(i),(i)->", "->()", "(i)->()", "(i),(i),(i)->()", "(i),(i)->(),()",
    "(i,),(i)->()", "((i)),(i)->()", "(i),(i)->()->()", "(1x),(i)->()", "(i)(i)->()",
    "(i),(i)->() junk", "(i;j),(i)->()",
])
def test_c_malformed_signature(ufmod, sig):
    with pytest.raises(ValueError):
        ufmod.gufunc_with_signature(sig)


def test_c_signature_variants(ufmod):
    # the same loops under equivalent spellings of the signature
    an, bn = np.arange(6.0).reshape(2, 3), np.ones((2, 3))
    for sig in ("(n),(n)->()", " ( k ) , ( k ) -> ( ) "):
        g = ufmod.gufunc_with_signature(sig)
        _close(g(ac.asarray(an), ac.asarray(bn)), an.sum(axis=1), "float64")
    # an output core dimension no input determines: an error at call time
    g = ufmod.gufunc_with_signature("(i),(i)->(j)")
    with pytest.raises(ValueError):
        g(ac.ones(3), ac.ones(3))


def test_c_leibniz_pi_result(ufmod):
    for n in (0, 1, 7, 1000, 3 * (1 << 20) + 5):
        k = np.arange(n, dtype=np.float64)
        want = float(np.sum(np.where(k % 2 == 0, 4.0, -4.0) / (2 * k + 1)))
        assert ufmod.leibniz_pi(n) == pytest.approx(want, rel=1e-12, abs=1e-15)
    with pytest.raises(ValueError):
        ufmod.leibniz_pi(-1)
    with pytest.raises(TypeError):
        ufmod.leibniz_pi("many")


_SIGINT_CODE = r"""
import os, signal, sys, threading, time
signal.signal(signal.SIGINT, signal.default_int_handler)   # Ctrl-C reaches Python even when this was started with SIGINT ignored (a background job)
sys.path.insert(0, {bdir!r})
import arraycore as ac
import example_ufunc as m

def fire(delay):
    threading.Timer(delay, os.kill, (os.getpid(), signal.SIGINT)).start()

def timed(fn, delay):
    fire(delay)
    t = time.perf_counter()
    try:
        fn()
        state = "completed"
    except KeyboardInterrupt:
        state = "interrupted"
    el = time.perf_counter() - t
    try:                       # absorb a signal that came too late
        time.sleep(delay + 1.0)
    except KeyboardInterrupt:
        pass
    return state, el

# a C function that polls AC_SIGINT_PENDING() without the GIL: about 1e15
# terms would take days
print("leibniz", *timed(lambda: m.leibniz_pi(10 ** 15), 0.3))
# a built-in ufunc over 50M elements (input broadcast: no memory for it)
x = ac.broadcast_to(ac.asarray(0.5), (50_000_000,))
t = time.perf_counter(); ac.sin(x); full = time.perf_counter() - t
print("sin", *timed(lambda: ac.sin(x), full / 10), full)
# a C gufunc loop from the example, also long (the gufunc driver polls
# between calls of the loop: over the outer loop dimensions but the last)
a = ac.broadcast_to(ac.asarray(0.5), (10000, 1000, 30))
t = time.perf_counter(); m.inner1d(a, a); full = time.perf_counter() - t
print("inner1d", *timed(lambda: m.inner1d(a, a), full / 10), full)
# afterwards Python's own handler is back
print("python", *timed(lambda: time.sleep(30), 0.2))
"""


def test_sigint_interrupts_long_c_loops(built):
    bdir, _ = built["c"]
    r = B.run_python(_SIGINT_CODE.format(bdir=bdir), timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = {ln.split()[0]: ln.split()[1:] for ln in r.stdout.splitlines()}
    state, el = lines["leibniz"]
    assert state == "interrupted" and float(el) < 10.0, r.stdout
    for name in ("sin", "inner1d"):
        state, el, full = lines[name]
        assert state == "interrupted", r.stdout
        assert float(el) < 0.8 * float(full), r.stdout      # stopped early
    state, el = lines["python"]
    assert state == "interrupted" and float(el) < 10.0, r.stdout


# ---------------------------------------------------------- NumPy spellings
def test_npy_compat_ufuncs(built):
    mod, _ = _load(built, "npy", "example_npy")
    rng = np.random.default_rng(3)
    xn = rng.uniform(0.01, 0.99, (3, 5))
    for dt in ("float32", "float64"):
        x = ac.asarray(xn.astype(dt))
        _close(mod.logit(x), _logit_np(xn.astype(dt)), dt)
        _close(mod.logit(x.T), _logit_np(xn.astype(dt)).T, dt)
        _close(mod.expm1(x[:, ::2]), np.expm1(xn.astype(dt)[:, ::2]), dt)
    # int input to a float-only ufunc: the first loop it casts to safely
    for dt in ("int8", "int16", "int32", "int64", "uint8", "bool"):
        want = _expected_loop([("float32",), ("float64",)], np.dtype(dt))[0]
        xi = np.arange(4).astype(dt)
        _close(mod.expm1(ac.asarray(xi)), np.expm1(xi.astype(want)), want)
    with pytest.raises(TypeError):
        mod.logit(ac.asarray([1j]))
    assert mod.logit.types == ["f->f", "d->d"] and mod.logit.identity is None
    an, bn = rng.normal(size=(2, 4, 3)), rng.normal(size=(4, 3))
    _close(mod.inner1d(ac.asarray(an), ac.asarray(bn)), np.einsum("...i,...i", an, bn),
           "float64")
    with pytest.raises(ValueError):
        mod.inner1d(ac.ones(3), ac.ones(2))


# ------------------------------------------------------------------ Cython
@pytest.fixture(scope="module")
def cymod(built):
    return _load(built, "cython", "cyexample")[0]


@_SETTINGS
@given(H.pairs(dtype_names=H.INTEGRAL_NAMES + H.REAL_FLOAT_NAMES + ["bool"]))
def test_cython_sinc_ufunc(cymod, pair):
    n, x = pair
    r = cymod.sinc(x)                   # one float64 loop: every input casts to it
    with np.errstate(all="ignore"):
        want = np.sinc(n.astype(np.float64))
    _close(r, want, "float64")


@_SETTINGS
@given(st.integers(0, 6).flatmap(lambda n: _gufunc_operands((n,), (n,))))
def test_cython_weighted_mean_gufunc(cymod, ops):
    na, xa, nb, xb = ops
    nb = np.abs(nb) + 0.5                  # positive weights
    xb = ac.asarray(nb)
    r = cymod.weighted_mean(xa, xb)
    with np.errstate(all="ignore"):
        want = (np.einsum("...i,...i->...", na, nb)
                / np.broadcast_to(nb.sum(axis=-1), np.broadcast_shapes(na.shape[:-1],
                                                                      nb.shape[:-1])))
    assert r.shape == want.shape
    np.testing.assert_allclose(np.asarray(r), want, rtol=1e-11, atol=1e-11, equal_nan=True)


def test_cython_ufunc_details(cymod):
    assert cymod.sinc.types == ["d->d"] and cymod.sinc.__name__ == "sinc"
    assert cymod.weighted_mean.signature == "(n),(n)->()"
    o = ac.zeros(3)
    assert cymod.sinc(ac.asarray([0.0, 0.5, 2.0]), out=o) is o
    _close(o, np.sinc([0.0, 0.5, 2.0]), "float64")
    xn = np.arange(12.0).reshape(3, 4)
    w = np.array([1.0, 2.0, 3.0])
    _close(cymod.weighted_mean(ac.asarray(xn), ac.asarray(w), axes=[(0,), (0,), ()]),
           np.average(xn, axis=0, weights=w), "float64")
    assert np.isnan(np.asarray(cymod.weighted_mean(ac.ones(2), ac.zeros(2))))
    with pytest.raises(ValueError):
        cymod.weighted_mean(ac.ones(3), ac.ones(4))
    with pytest.raises(TypeError):
        cymod.sinc(ac.asarray([1j]))
    # int inputs use the float64 loop
    r = cymod.weighted_mean(ac.asarray([1, 2, 3]), ac.asarray([1, 1, 2]))
    assert r.dtype == ac.float64 and float(r) == pytest.approx(9 / 4)
