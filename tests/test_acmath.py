"""The core math library <arraycore/acmath.h> and the vector exp/log kernels.

* A C test extension (tests/capi_src/acmath_testmod.c), compiled as C and as
  C++ against the installed headers, runs the header's functions over sweeps
  that are compared with NumPy: every half-precision bit pattern, random and
  special floats, complex branch cuts and special values.
* A Cython module does `from arraycore cimport acmath`.
* The vector kernels (src/ac_vmath.c, reached through the test-support module
  tests/capi_src/vmath_testmod.pyx, built here against the C core) are compared with NumPy and with long-double
  references at every dispatch level, and ARRAYCORE_CPU selects the level.
"""
import math
import os
import subprocess
import sys
from decimal import Decimal, getcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _capi_build as B

ac = pytest.importorskip("arraycore")
vm, VM_DIR = B.build_vmath_test()


# ---------------------------------------------------------------- building
def _build(tmp_path_factory, lang):
    inc = B.ac_include()
    out = tmp_path_factory.mktemp("acmath_" + lang)
    name = "acmath_" + lang
    so = out / (name + B.ext_suffix())
    cmd = B.compile_cmd(os.path.join(B.CAPI_SRC, "acmath_testmod.c"), str(so),
                        defines=(f'MODNAME="{name}"', f"MODNAME_ID={name}"),
                        cxx=(lang == "cxx"), extra=("-lm",))
    assert inc in " ".join(cmd)
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, " ".join(cmd) + "\n" + r.stdout + r.stderr
    return B.load_module(name, str(so))


@pytest.fixture(scope="module", params=["c", "cxx"])
def cm(request, tmp_path_factory):
    return _build(tmp_path_factory, request.param)


@pytest.fixture(scope="module")
def cm_c(tmp_path_factory):
    return _build(tmp_path_factory, "c")


def f64(b):
    return np.frombuffer(b, dtype=np.float64)


def f32(b):
    return np.frombuffer(b, dtype=np.float32)


def ulp_diff(a, b):
    """Distance in units in the last place between float arrays of one dtype
    (nan vs nan counts 0, nan vs non-nan infinity)."""
    a = np.asarray(a)
    b = np.asarray(b)
    it = np.int64 if a.dtype == np.float64 else np.int32
    low = np.iinfo(it).min

    def ordered(v):                      # monotonic integer image of the floats
        i = v.view(it)
        return np.where(i < 0, low - i, i).astype(np.int64)

    ia, ib = ordered(a), ordered(b)
    same_side = (ia >= 0) == (ib >= 0)
    d = np.where(same_side, np.abs(ia - ib).astype(np.float64),
                 np.abs(ia.astype(np.float64)) + np.abs(ib.astype(np.float64)))
    d[np.isnan(a) & np.isnan(b)] = 0
    d[np.isnan(a) ^ np.isnan(b)] = np.inf
    return d


def same_bits_or_both_nan(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    it = np.int64 if a.dtype.itemsize == 8 else (np.int32 if a.dtype.itemsize == 4 else np.int16)
    eq = a.view(it) == b.view(it)
    return eq | (np.isnan(a) & np.isnan(b))


def special_floats(dt):
    fi = np.finfo(dt)
    base = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, -3.0, 1e-3, 7.5, -7.5, 1e10, -1e10,
            fi.max, -fi.max, fi.tiny, -fi.tiny, fi.smallest_subnormal, -fi.smallest_subnormal,
            fi.eps, np.inf, -np.inf, np.nan, -np.nan, 100.0, -100.0, 710.0, -746.0]
    return np.array(base, dtype=dt)


def random_floats(dt, n, rng):
    """Random finite and non-finite values over the whole exponent range
    (random bit patterns) plus uniform values."""
    it = np.uint64 if dt == np.float64 else np.uint32
    bits = rng.integers(0, np.iinfo(it).max, size=n, dtype=it, endpoint=True)
    x = np.concatenate([bits.view(dt), rng.uniform(-50, 50, n).astype(dt),
                        special_floats(dt)])
    return x


# ---------------------------------------------------------------- constants
def _pi(prec):
    getcontext().prec = prec + 10
    # Machin: pi = 16 atan(1/5) - 4 atan(1/239)
    def atan_inv(k):
        x = Decimal(1) / k
        x2 = x * x
        s, t, n = Decimal(0), x, 1
        while True:
            term = t / n
            if term == 0 or abs(term) < Decimal(10) ** -(prec + 5):
                break
            s += term if (n // 2) % 2 == 0 else -term
            t *= x2
            n += 2
        return s
    return 16 * atan_inv(5) - 4 * atan_inv(239)


def test_constants(cm):
    getcontext().prec = 50
    pi = _pi(50)
    e = Decimal(1).exp()
    ln2, ln10 = Decimal(2).ln(), Decimal(10).ln()
    gamma = Decimal(str(np.euler_gamma))     # only double-exact below
    exact = {"E": e, "LOG2E": 1 / ln2, "LOG10E": 1 / ln10, "LOGE2": ln2, "LOGE10": ln10,
             "PI": pi, "PI_2": pi / 2, "PI_4": pi / 4, "1_PI": 1 / pi, "2_PI": 2 / pi,
             "SQRT2": Decimal(2).sqrt(), "SQRT1_2": 1 / Decimal(2).sqrt(), "EULER": gamma}
    c = cm.constants()
    for name, ref in exact.items():
        d, f, npy = c[name]
        assert d == float(ref), name                       # correctly rounded double
        assert np.float32(f) == np.float32(float(ref)), name
        assert npy == d, name
    assert c["E"][0] == np.e and c["PI"][0] == np.pi and c["EULER"][0] == np.euler_gamma
    assert c["INFINITY"] == (np.inf, np.inf)
    assert all(math.isnan(v) for v in c["NAN"])
    assert c["PZERO"] == (0.0, 0.0) and math.copysign(1, c["PZERO"][0]) == 1
    assert all(v == 0 and math.copysign(1, v) == -1 for v in c["NZERO"])


def test_classification_and_accessors(cm):
    flags, cplx = cm.misc()
    assert flags == (1, 1, 1, 1, 0, 0, 0, 1)
    assert cplx == (1.5, 3.0, -1.0, 4.0)


# ------------------------------------------------------ IEEE and real helpers
@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_spacing_nextafter(cm, dt):
    rng = np.random.default_rng(1)
    t = "d" if dt == np.float64 else "f"
    conv = f64 if t == "d" else f32
    x = random_floats(dt, 3000, rng)
    y = np.concatenate([random_floats(dt, 3000, rng)[:x.size - 8],
                        np.array([np.inf, -np.inf, 0.0, -0.0, np.nan, 1, -1, 5], dtype=dt)])
    rng.shuffle(y)
    with np.errstate(all="ignore"):
        assert same_bits_or_both_nan(conv(cm.real1("spacing", t, x)), np.spacing(x)).all()
        assert same_bits_or_both_nan(conv(cm.real2("nextafter", t, x, y)),
                                     np.nextafter(x, y)).all()
        assert same_bits_or_both_nan(conv(cm.real2("copysign", t, x, y)),
                                     np.copysign(x, y)).all()
    if t == "d":
        assert (f64(cm.real1("npy_spacing", "d", x)).view(np.int64)
                == f64(cm.real1("spacing", "d", x)).view(np.int64)).all()


@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_logaddexp_degrees(cm, dt):
    rng = np.random.default_rng(2)
    t = "d" if dt == np.float64 else "f"
    conv = f64 if t == "d" else f32
    sp = special_floats(dt)
    a = np.concatenate([rng.uniform(-800, 800, 4000).astype(dt), np.repeat(sp, sp.size)])
    b = np.concatenate([rng.uniform(-800, 800, 4000).astype(dt), np.tile(sp, sp.size)])
    with np.errstate(all="ignore"):
        for name, ref in [("logaddexp", np.logaddexp(a, b)), ("logaddexp2", np.logaddexp2(a, b))]:
            got = conv(cm.real2(name, t, a, b))
            fin = np.isfinite(ref)
            assert (np.isnan(got) == np.isnan(ref)).all(), name
            assert (got[~fin & ~np.isnan(ref)] == ref[~fin & ~np.isnan(ref)]).all(), name
            assert ulp_diff(got[fin], ref[fin]).max() <= 2, name
        for name, ref in [("deg2rad", np.deg2rad(a)), ("rad2deg", np.rad2deg(a))]:
            got = conv(cm.real1(name, t, a))
            assert ulp_diff(got, ref).max() <= 1, name
    if t == "d":
        assert same_bits_or_both_nan(f64(cm.real2("npy_logaddexp", "d", a, b)),
                                     f64(cm.real2("logaddexp", "d", a, b))).all()


@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_divmod_python_semantics(cm, dt):
    rng = np.random.default_rng(3)
    t = "d" if dt == np.float64 else "f"
    conv = f64 if t == "d" else f32
    sp = np.array([0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 7.0, -7.0, 1e-300 if t == "d" else 1e-40,
                   np.inf, -np.inf, np.nan, 3.0, -0.5], dtype=dt)
    a = np.concatenate([rng.uniform(-100, 100, 3000).astype(dt),
                        rng.integers(-20, 20, 3000).astype(dt), np.repeat(sp, sp.size)])
    b = np.concatenate([rng.uniform(-10, 10, 3000).astype(dt),
                        rng.integers(-5, 5, 3000).astype(dt), np.tile(sp, sp.size)])
    with np.errstate(all="ignore"):
        q_ref, m_ref = np.divmod(a, b)
        fd_ref = np.floor_divide(a, b)
        r_ref = np.remainder(a, b)
    for name, ref in [("divmod_q", q_ref), ("divmod_m", m_ref), ("floor_divide", fd_ref),
                      ("remainder", r_ref)]:
        got = conv(cm.real2(name, t, a, b))
        ok = same_bits_or_both_nan(got, ref)
        assert ok.all(), (name, a[~ok][:5], b[~ok][:5], got[~ok][:5], ref[~ok][:5])
    # Python's own float divmod agrees where it is defined
    if t == "d":
        for x, y in [(7.0, -2.0), (-7.0, 2.0), (-0.0, 5.0), (5.5, 0.5), (-1e-300, 1.0)]:
            q = f64(cm.real2("divmod_q", "d", np.array([x]), np.array([y])))[0]
            m = f64(cm.real2("divmod_m", "d", np.array([x]), np.array([y])))[0]
            pq, pm = divmod(x, y)
            assert (q, math.copysign(1, q)) == (pq, math.copysign(1, pq))
            assert (m, math.copysign(1, m)) == (pm, math.copysign(1, pm))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.floats(width=64), st.floats(width=64)), min_size=1, max_size=20))
def test_real_helpers_property(cm_c, pairs):
    """Python-float pairs from Hypothesis (infinities, nans, zeros of both
    signs, subnormals included): the helpers agree with NumPy bit for bit."""
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    with np.errstate(all="ignore"):
        refs = {"divmod_q": np.divmod(a, b)[0], "divmod_m": np.divmod(a, b)[1],
                "floor_divide": np.floor_divide(a, b), "remainder": np.remainder(a, b),
                "nextafter": np.nextafter(a, b), "copysign": np.copysign(a, b)}
        la = np.logaddexp(a, b)
    for name, ref in refs.items():
        assert same_bits_or_both_nan(f64(cm_c.real2(name, "d", a, b)), ref).all(), name
    got = f64(cm_c.real2("logaddexp", "d", a, b))
    fin = np.isfinite(la)
    assert (np.isnan(got) == np.isnan(la)).all()
    assert (got[~fin & ~np.isnan(la)] == la[~fin & ~np.isnan(la)]).all()
    assert ulp_diff(got[fin], la[fin]).max(initial=0) <= 2
    with np.errstate(all="ignore"):
        sp = np.spacing(a)
    assert same_bits_or_both_nan(f64(cm_c.real1("spacing", "d", a)), sp).all()


def test_floatstatus(cm):
    steps, (dz, ov, un, inv) = cm.floatstatus()
    assert (dz, ov, un, inv) == (1, 2, 4, 8)
    assert steps[0] == 0
    assert steps[1] == dz
    assert steps[2] & ov and not steps[2] & (dz | inv)
    assert steps[3] & un and not steps[3] & (dz | ov | inv)
    assert steps[4] == inv
    assert steps[5] == dz
    assert steps[6] == ov | inv
    assert steps[7] == un and steps[8] == un
    assert cm.clear_status() == 0


# ------------------------------------------------------------------ halfs
ALL_HALF = np.arange(65536, dtype=np.uint16)


def test_half_to_float_double_all_patterns(cm):
    ref32 = ALL_HALF.view(np.float16).astype(np.float32)
    got32 = f32(cm.half1("to_float", ALL_HALF))
    assert same_bits_or_both_nan(got32, ref32).all()
    # NaNs keep their sign and payload exactly
    assert (got32.view(np.uint32)[np.isnan(ref32)]
            == ((ALL_HALF[np.isnan(ref32)].astype(np.uint32) & 0x8000) << 16
                | 0x7f800000 | (ALL_HALF[np.isnan(ref32)].astype(np.uint32) & 0x3ff) << 13)).all()
    got64 = f64(cm.half1("to_double", ALL_HALF))
    with np.errstate(invalid="ignore"):
        ref64 = ref32.astype(np.float64)
    assert same_bits_or_both_nan(got64, ref64).all()


def test_half_roundtrip_all_patterns(cm):
    f = f32(cm.half1("to_float", ALL_HALF))
    d = f64(cm.half1("to_double", ALL_HALF))
    back_f = np.frombuffer(cm.to_half("f", f), dtype=np.uint16)
    back_d = np.frombuffer(cm.to_half("d", d), dtype=np.uint16)
    assert (back_f == ALL_HALF).all()
    assert (back_d == ALL_HALF).all()


def _midpoints(dt):
    """Values exactly between adjacent halfs and one ulp (of dt) either side:
    the round-half-even cases, the overflow threshold and subnormals."""
    h = ALL_HALF[(ALL_HALF & 0x7fff) < 0x7c00]
    lo = h.view(np.float16).astype(dt)
    with np.errstate(over="ignore"):
        nxt = np.nextafter(h.view(np.float16), np.copysign(np.float16(np.inf), h.view(np.float16)))
    mid = (lo + (nxt.astype(dt) - lo) / 2).astype(dt)
    return np.concatenate([mid, np.nextafter(mid, dt(np.inf)), np.nextafter(mid, dt(-np.inf))])


@pytest.mark.parametrize("dt", [np.float32, np.float64])
def test_to_half_rounding(cm, dt):
    rng = np.random.default_rng(4)
    t = "d" if dt == np.float64 else "f"
    it = np.uint64 if dt == np.float64 else np.uint32
    bits = rng.integers(0, np.iinfo(it).max, size=100000, dtype=it, endpoint=True)
    x = np.concatenate([bits.view(dt), rng.uniform(-70000, 70000, 20000).astype(dt),
                        rng.uniform(-1e-4, 1e-4, 20000).astype(dt), _midpoints(dt),
                        special_floats(dt)])
    with np.errstate(all="ignore"):
        ref = x.astype(np.float16)
    got = np.frombuffer(cm.to_half(t, x), dtype=np.uint16)
    fin = ~np.isnan(x)
    assert (got[fin] == ref.view(np.uint16)[fin]).all()
    nan_got = got[~fin]
    assert (((nan_got & 0x7c00) == 0x7c00) & ((nan_got & 0x3ff) != 0)).all()
    assert ((nan_got >> 15) == np.signbit(x[~fin])).all()


def test_half_classify(cm):
    h = ALL_HALF.view(np.float16)
    for name, ref in [("isnan", np.isnan(h)), ("isinf", np.isinf(h)),
                      ("isfinite", np.isfinite(h)), ("signbit", np.signbit(h)),
                      ("iszero", h == 0)]:
        got = np.frombuffer(cm.half1(name, ALL_HALF), dtype=np.uint8).astype(bool)
        assert (got == ref).all(), name


def test_half_spacing_all_patterns(cm):
    with np.errstate(all="ignore"):
        ref = np.spacing(ALL_HALF.view(np.float16))
    got = np.frombuffer(cm.half1("spacing", ALL_HALF), dtype=np.uint16).view(np.float16)
    assert same_bits_or_both_nan(got, ref).all()


def _half_pairs(rng, n):
    special = np.array([0x0000, 0x8000, 0x0001, 0x8001, 0x3c00, 0xbc00, 0x7bff, 0xfbff,
                        0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7c01, 0x03ff, 0x0400, 0x8400],
                       dtype=np.uint16)
    a = np.concatenate([rng.integers(0, 65536, n, dtype=np.uint16), np.repeat(special, 16)])
    b = np.concatenate([rng.integers(0, 65536, n, dtype=np.uint16), np.tile(special, 16)])
    # also neighbours and equal values
    a = np.concatenate([a, a[:2000], a[:2000]])
    b = np.concatenate([b, a[:2000], (a[:2000] ^ 0x8000).astype(np.uint16)])
    return a, b


def test_half_comparisons(cm):
    a, b = _half_pairs(np.random.default_rng(5), 50000)
    fa, fb = a.view(np.float16), b.view(np.float16)
    for name, ref in [("eq", fa == fb), ("ne", fa != fb), ("lt", fa < fb), ("le", fa <= fb),
                      ("gt", fa > fb), ("ge", fa >= fb)]:
        got = np.frombuffer(cm.half2(name, a, b), dtype=np.uint8).astype(bool)
        assert (got == ref).all(), name


def test_half_nextafter_copysign(cm):
    a, b = _half_pairs(np.random.default_rng(6), 50000)
    with np.errstate(all="ignore"):
        ref = np.nextafter(a.view(np.float16), b.view(np.float16))
    # C99 (and NumPy >= 2.5): y when x == y, so nextafter(+0, -0) is -0;
    # older NumPy returned x there
    eq = a.view(np.float16) == b.view(np.float16)
    ref[eq] = b.view(np.float16)[eq]
    got = np.frombuffer(cm.half2("nextafter", a, b), dtype=np.uint16).view(np.float16)
    assert same_bits_or_both_nan(got, ref).all()
    got = np.frombuffer(cm.half2("copysign", a, b), dtype=np.uint16)
    assert (got == ((a & 0x7fff) | (b & 0x8000))).all()


# ---------------------------------------------------------------- complex
def _cvalues(dt, rng):
    v = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.0, 1e-20, -1e-20, 1e300, -1e300,
         np.inf, -np.inf, np.nan]
    if dt == np.complex64:
        v = [x if abs(x) < 1e30 or not np.isfinite(x) else np.copysign(1e30, x) for x in v]
    re = np.repeat(v, len(v))
    im = np.tile(v, len(v))
    grid = np.empty(re.size, dtype=dt)
    grid.real = re
    grid.imag = im
    rnd = np.empty(4000, dtype=dt)
    rnd.real = rng.standard_normal(4000) * np.exp(rng.uniform(-5, 5, 4000))
    rnd.imag = rng.standard_normal(4000) * np.exp(rng.uniform(-5, 5, 4000))
    return grid, rnd


CFUNCS = [("exp", np.exp), ("log", np.log), ("sqrt", np.sqrt), ("sin", np.sin),
          ("cos", np.cos), ("tan", np.tan), ("sinh", np.sinh), ("cosh", np.cosh),
          ("tanh", np.tanh), ("asin", np.arcsin), ("acos", np.arccos), ("atan", np.arctan),
          ("asinh", np.arcsinh), ("acosh", np.arccosh), ("atanh", np.arctanh),
          ("abs", np.abs), ("arg", np.angle)]


def _call_c(cm, name, z):
    t = "d" if z.dtype == np.complex128 else "f"
    r = np.frombuffer(cm.cplx1(name, t, np.ascontiguousarray(z)), dtype=z.dtype)
    return r


def _close(got, ref, tol):
    """Component-wise: same nan-ness, equal infinities, else within tol
    relative to |ref| (complex magnitude)."""
    ok = np.ones(got.shape, dtype=bool)
    with np.errstate(all="ignore"):
        scale = np.abs(ref.astype(np.complex128))
    scale = np.where(np.isfinite(scale), scale, 0.0)
    for g, r in ((got.real, ref.real), (got.imag, ref.imag)):
        g = g.astype(np.float64)
        r = r.astype(np.float64)
        nan = np.isnan(r)
        inf = np.isinf(r)
        fin = ~nan & ~inf
        ok &= np.where(nan, np.isnan(g), True)
        ok &= np.where(inf, g == r, True)
        with np.errstate(all="ignore"):
            ok &= np.where(fin, np.abs(g - r) <= tol * np.maximum(scale, np.abs(r)) + 1e-300, True)
    return ok


_NUMPY_C99_COMPLEX = np.lib.NumpyVersion(np.__version__) >= "2.3.0"


@pytest.mark.parametrize("dt", [np.complex128, np.complex64])
@pytest.mark.parametrize("name,npf", CFUNCS)
def test_complex_functions(cm, dt, name, npf):
    grid, rnd = _cvalues(dt, np.random.default_rng(7))
    eps = np.finfo(dt).eps
    with np.errstate(all="ignore"):
        ref_r = npf(rnd).astype(dt)
        ref_g = npf(grid).astype(dt)
    got_r = _call_c(cm, name, rnd)
    ok = _close(got_r, ref_r, 8 * eps)
    assert ok.all(), (rnd[~ok][:4], got_r[~ok][:4], ref_r[~ok][:4])
    got_g = _call_c(cm, name, grid)
    if not _NUMPY_C99_COMPLEX:
        # NumPy < 2.3 (the newest on Python 3.10) gives other results than
        # C99 Annex G for some infinite/NaN inputs (unspecified signs of
        # infinities, cacosh(+-0 + iNaN)): there, only finite inputs are
        # compared with it; newer NumPy checks every special value below
        keep = np.isfinite(grid.real) & np.isfinite(grid.imag)
        grid, got_g, ref_g = grid[keep], got_g[keep], ref_g[keep]
    ok = _close(got_g, ref_g, 8 * eps)
    assert ok.all(), (grid[~ok][:4], got_g[~ok][:4], ref_g[~ok][:4])
    # signs of zeros and infinities in special values are NumPy's (C99 Annex G)
    for g, r in ((got_g.real, ref_g.real), (got_g.imag, ref_g.imag)):
        exact = (r == 0) | np.isinf(r)
        assert (np.signbit(g[exact]) == np.signbit(r[exact])).all()


@pytest.mark.parametrize("dt", [np.complex128, np.complex64])
def test_complex_branch_cuts(cm, dt):
    """Values on the cuts: the sign of the zero imaginary part picks the side."""
    cases = [("sqrt", -0.0, -0.0), ("sqrt", -4.0, 0.0), ("sqrt", -4.0, -0.0),
             ("log", -1.0, 0.0), ("log", -1.0, -0.0), ("log", 0.0, 0.0), ("log", -0.0, -0.0),
             ("asin", 2.0, 0.0), ("asin", 2.0, -0.0), ("acos", 2.0, 0.0), ("acos", -2.0, -0.0),
             ("atanh", 2.0, 0.0), ("atanh", 2.0, -0.0), ("atanh", -3.0, 0.0),
             ("acosh", 0.5, 0.0), ("acosh", 0.5, -0.0), ("acosh", -2.0, -0.0),
             ("asinh", 0.0, 2.0), ("asinh", -0.0, 2.0), ("atan", 0.0, 2.0), ("atan", -0.0, -2.0)]
    npf = dict(CFUNCS)
    for name, re, im in cases:
        z = np.empty(1, dtype=dt)
        z.real, z.imag = re, im
        got = _call_c(cm, name, z)[0]
        with np.errstate(all="ignore"):
            ref = dt(npf[name](z)[0])
        assert _close(np.array([got]), np.array([ref]), 8 * np.finfo(dt).eps).all(), (name, z, got, ref)
        for g, r in ((got.real, ref.real), (got.imag, ref.imag)):
            assert np.signbit(g) == np.signbit(r) or np.isnan(r), (name, z, got, ref)
    # the two sides of the cut really differ
    lo = _call_c(cm, "log", np.array([-1 + 0j, complex(-1, -0.0)], dtype=dt))
    assert lo[0].imag == pytest.approx(np.pi, rel=1e-6) and lo[1].imag == pytest.approx(-np.pi, rel=1e-6)
    s = _call_c(cm, "sqrt", np.array([complex(-0.0, -0.0)], dtype=dt))[0]
    assert s.real == 0 and not np.signbit(s.real) and s.imag == 0 and np.signbit(s.imag)
    a = _call_c(cm, "asin", np.array([2 + 0j, complex(2, -0.0)], dtype=dt))
    assert a[0].imag > 0 and a[1].imag < 0


@pytest.mark.parametrize("dt", [np.complex128, np.complex64])
def test_complex_npy_spelling(cm, dt):
    grid, rnd = _cvalues(dt, np.random.default_rng(8))
    for z in (grid, rnd):
        a = _call_c(cm, "sqrt", z)
        b = _call_c(cm, "npy_sqrt", z)
        assert same_bits_or_both_nan(a.view(np.float64 if dt == np.complex128 else np.float32),
                                     b.view(np.float64 if dt == np.complex128 else np.float32)).all()


@pytest.mark.parametrize("dt", [np.complex128, np.complex64])
def test_cpow(cm, dt):
    rng = np.random.default_rng(9)
    n = 3000
    a = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    b = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    # integral real exponents (the repeated-squaring path), zeros, ones
    ints = rng.integers(-12, 13, n).astype(dt)
    zs = np.array([0, 0, 0, 0, 1 + 1j, 2 - 1j, 0, 1j], dtype=dt)
    es = np.array([2, -1, 1j, 0, 0, 0.5, 3 + 0j, 2], dtype=dt)
    A = np.concatenate([a, a, zs])
    E = np.concatenate([b, ints, es])
    t = "d" if dt == np.complex128 else "f"
    got = np.frombuffer(cm.cpow(t, A, E), dtype=dt)
    with np.errstate(all="ignore"):
        ref = np.power(A, E)
    ok = _close(got, ref, 64 * np.finfo(dt).eps)
    assert ok.all(), (A[~ok][:4], E[~ok][:4], got[~ok][:4], ref[~ok][:4])
    # Gaussian integers to small powers are exact
    g = np.array([1 + 2j, -3 + 1j, 2 - 2j], dtype=dt)
    p = np.frombuffer(cm.cpow(t, g, np.full(3, 3, dtype=dt)), dtype=dt)
    assert (p == g * g * g).all()


# ------------------------------------------------------------------ Cython
PYX = r'''
# cython: language_level=3
from arraycore cimport acmath as m

def halfs(double x):
    cdef m.ac_half h = m.ac_double_to_half(x)
    return h, m.ac_half_to_double(h), m.ac_half_isnan(h), m.ac_half_spacing(h)

def reals(double x, double y):
    cdef double mod
    cdef double q = m.ac_divmod(x, y, &mod)
    return (m.ac_logaddexp(x, y), m.ac_logaddexp2(x, y), q, mod, m.ac_spacing(x),
            m.ac_nextafter(x, y), m.ac_deg2rad(x), m.ac_isnan(x), m.ac_signbit(x))

def cplx(double re, double im):
    cdef m.ac_cdouble z = m.ac_cpack(re, im)
    cdef m.ac_cdouble s = m.ac_csqrt(z)
    cdef m.ac_cdouble l = m.ac_clog(z)
    cdef m.ac_cfloat f = m.ac_casinf(m.ac_cpackf(<float>re, <float>im))
    return (complex(m.ac_creal(s), m.ac_cimag(s)), complex(l.real, l.imag),
            complex(m.ac_crealf(f), m.ac_cimagf(f)), m.ac_cabs(z))

def constants():
    return m.AC_PI, m.AC_Ef, m.AC_EULER, m.AC_INFINITY, m.AC_NZERO, m.AC_FPE_INVALID

def status():
    m.ac_clear_floatstatus()
    m.ac_set_floatstatus_overflow()
    return m.ac_clear_floatstatus(), m.ac_get_floatstatus()
'''


@pytest.fixture(scope="module")
def cymath(tmp_path_factory):
    return B.build_cython_module(tmp_path_factory.mktemp("cython_acmath"), "acmath_cy", PYX, extra_link=["-lm"])


def test_cython_cimport_acmath(cymath):
    for x in [1.0, 65504.0, 65520.0, 1e-7, -2.5, float("nan")]:
        h, back, isnan, sp = cymath.halfs(x)
        with np.errstate(over="ignore"):
            ref = np.array([x]).astype(np.float16)
        assert (h == ref.view(np.uint16)[0]) or (isnan and np.isnan(ref[0]))
        assert back == float(ref[0]) or (np.isnan(back) and np.isnan(ref[0]))
        with np.errstate(all="ignore"):
            rs = np.spacing(ref)[0]
        assert np.array([sp], dtype=np.uint16).view(np.float16)[0] == rs or np.isnan(rs)
    for x, y in [(1.5, -2.0), (-7.0, 2.0), (700.0, 701.0), (0.0, -0.0)]:
        r = cymath.reals(x, y)
        with np.errstate(invalid="ignore", divide="ignore"):
            q, mod = np.divmod(x, y)
        assert r[0] == pytest.approx(np.logaddexp(x, y), rel=1e-15)
        assert r[1] == pytest.approx(np.logaddexp2(x, y), rel=1e-15)
        assert same_bits_or_both_nan(np.array(r[2:4]), np.array([q, mod])).all()
        assert r[4] == np.spacing(x) and r[5] == np.nextafter(x, y)
        assert r[6] == np.deg2rad(x) and r[7] is False and r[8] == np.signbit(x)
    s, lg, asf, ab = cymath.cplx(-1.0, -0.0)
    assert s == np.sqrt(complex(-1.0, -0.0)) and np.signbit(s.imag)
    assert lg == np.log(complex(-1.0, -0.0))
    assert asf == pytest.approx(complex(np.arcsin(np.complex64(complex(-1.0, -0.0)))), rel=1e-6)
    assert ab == 1.0
    pi, ef, euler, inf, nz, finv = cymath.constants()
    assert (pi, euler, inf) == (np.pi, np.euler_gamma, np.inf)
    assert np.float32(ef) == np.float32(np.e) and nz == 0 and math.copysign(1, nz) == -1
    assert finv == 8
    assert cymath.status() == (2, 0)


def test_headers_installed():
    inc = B.ac_include()
    assert os.path.exists(os.path.join(inc, "arraycore", "acmath.h"))
    assert os.path.exists(os.path.join(B.ac_cython_include(), "arraycore", "acmath.pxd"))


# ------------------------------------------------------------ vector kernels
LEVELS = ["baseline", "avx2", "avx512"]


def _kernel(name, x, level=None, out=None):
    if out is None:
        out = np.empty_like(x)
    vm.run(name, x, out, level)
    return out


def _exp_inputs(dt, rng):
    if dt == np.float64:
        lo, hi, sub = -745.2, 709.8, (-745.2, -708.0)
    else:
        lo, hi, sub = -103.98, 88.73, (-103.98, -87.3)
    with np.errstate(over="ignore"):
        return _exp_inputs_(dt, rng, lo, hi, sub)


def _exp_inputs_(dt, rng, lo, hi, sub):
    return np.concatenate([
        rng.uniform(lo, hi, 20000), rng.uniform(-1, 1, 5000), rng.uniform(*sub, 3000),
        rng.uniform(-1e-8, 1e-8, 1000),
        special_floats(dt).astype(np.float64),
        [hi - 0.01, hi + 0.01, lo + 0.01, lo - 0.01, -1e300, 1e300, 0.5 * np.log(2)]
    ]).astype(dt)


def _log_inputs(dt, rng):
    it = np.uint64 if dt == np.float64 else np.uint32
    pos_bits = rng.integers(0, np.iinfo(it).max >> 1, size=20000, dtype=it)
    x = np.concatenate([pos_bits.view(dt),                   # every exponent, subnormals
                        rng.uniform(0.5, 2.0, 5000).astype(dt),
                        (1 + rng.uniform(-1e-6, 1e-6, 2000)).astype(dt),
                        special_floats(dt),
                        -rng.uniform(0, 1e10, 100).astype(dt)])
    return x


def _reference(name, x):
    """Nearly correctly rounded results: long double for float64 inputs,
    float64 for float32 inputs."""
    wide = np.longdouble if x.dtype == np.float64 else np.float64
    with np.errstate(all="ignore"):
        return getattr(np, name)(x.astype(wide)).astype(x.dtype)


@pytest.mark.parametrize("dt", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["exp", "log"])
@pytest.mark.parametrize("level", LEVELS)
def test_vector_kernel_accuracy(name, dt, level):
    rng = np.random.default_rng(10)
    x = (_exp_inputs if name == "exp" else _log_inputs)(dt, rng)
    got = _kernel(name, x, level)
    ref = _reference(name, x)
    with np.errstate(all="ignore"):
        npref = getattr(np, name)(x)
    d = ulp_diff(got, ref)
    assert d.max() <= 1, (x[d > 1][:5], got[d > 1][:5], ref[d > 1][:5])
    # NumPy's own float32 exp/log are up to ~4 ulp off (its SIMD code's bound)
    assert ulp_diff(got, npref).max() <= (2 if dt == np.float64 else 5)
    # IEEE special values exactly as NumPy: nan, infinities, zeros, exp(0),
    # log(1)
    sp = special_floats(dt)
    with np.errstate(all="ignore"):
        ref = getattr(np, name)(sp)
    exact = ~np.isfinite(ref) | (ref == 0) | (sp == (0 if name == "exp" else 1))
    assert exact.sum() >= 12
    assert same_bits_or_both_nan(_kernel(name, sp, level)[exact], ref[exact]).all()


@pytest.mark.parametrize("dt", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["exp", "log"])
def test_vector_kernel_levels_agree(name, dt):
    rng = np.random.default_rng(11)
    x = (_exp_inputs if name == "exp" else _log_inputs)(dt, rng)
    outs = [_kernel(name, x, lev) for lev in LEVELS]
    for o in outs[1:]:
        assert ulp_diff(o, outs[0]).max() <= 1
    assert ulp_diff(_kernel(name, x), outs[-1]).max() == 0      # the dispatch: highest level


@pytest.mark.parametrize("dt", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["exp", "log"])
def test_vector_kernel_lengths_inplace_unaligned(name, dt):
    rng = np.random.default_rng(12)
    base = (_exp_inputs if name == "exp" else _log_inputs)(dt, rng)[:200]
    ref = _reference(name, base)
    for n in [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 127, 199]:
        for off in (0, 1):
            for level in LEVELS:
                buf = np.zeros(n + off + 1, dtype=dt)
                buf[-1] = 42                                  # a guard after the end
                src = buf[off:off + n]
                src[...] = base[:n]
                _kernel(name, src, level, out=src)            # in place
                assert ulp_diff(src, ref[:n]).max(initial=0) <= 1
                assert buf[-1] == 42 and (off == 0 or buf[0] == 0)


@pytest.mark.parametrize("dt", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["exp", "log"])
def test_vector_kernel_fast_and_full_paths_agree(name, dt):
    """Blocks whose inputs are all ordinary take the fast path; one special
    value in a block sends it down the full path.  Same inputs, both paths:
    within 1 ulp of each other (FMA contraction may differ between them, and
    float32 fast paths compute in float), and of the reference."""
    rng = np.random.default_rng(14)
    if name == "exp":
        x = rng.uniform(-80, 80, 4096).astype(dt)
        spoil = dt(np.nan)
    else:
        x = np.exp(rng.uniform(-80, 80, 4096)).astype(dt)
        spoil = dt(0.0)
    for level in LEVELS:
        fast = _kernel(name, x, level)
        y = x.copy()
        y[::512] = spoil                       # one special value per block
        full = _kernel(name, y, level)
        keep = np.ones(x.size, dtype=bool)
        keep[::512] = False
        assert ulp_diff(full[keep], fast[keep]).max() <= 1, level
        ref = _reference(name, x)
        assert ulp_diff(fast, ref).max() <= 1 and ulp_diff(full[keep], ref[keep]).max() <= 1


def test_vector_kernel_flags(cm):
    """log(0) raises divide-by-zero, log(-1) invalid, exp(1000) overflow,
    exp(-720) underflow (float32: exp(-720) underflows too); plain inputs,
    infinities and nans raise none of divide-by-zero, overflow, invalid."""
    for level in LEVELS:
        for name, x, flag in [("log", [1.0, 0.0, 3.0], 1), ("log", [2.0, -1.0], 8),
                              ("exp", [1.0, 1000.0], 2), ("exp", [1.0, -720.0, 0.5], 4)]:
            for dt in (np.float64, np.float32):
                a = np.array(x * 9, dtype=dt)
                cm.clear_status()
                _kernel(name, a, level)
                assert cm.get_status() & flag, (name, x, level)
        for name, x in [("log", [1.0, 2.0, 1e-300, 1e300, np.inf, np.nan]),
                        ("exp", [1.0, -2.0, 700.0, np.nan])]:
            a = np.array(x * 9)
            cm.clear_status()
            _kernel(name, a, level)
            assert cm.get_status() & (1 | 2 | 8) == 0, (name, x, level)


def test_vector_kernel_bad_input():
    x = np.ones(4)
    with pytest.raises(TypeError):
        vm.run("exp", x, np.ones(4, dtype=np.float32))
    with pytest.raises(TypeError):
        vm.run("sin", x, x)
    with pytest.raises(ValueError):
        vm.run("exp", x, np.ones(3))
    with pytest.raises(ValueError):
        vm.run("exp", x, x, "sse9")
    with pytest.raises((ValueError, BufferError, TypeError)):
        vm.run("exp", np.ones(8)[::2], np.ones(4))
    with pytest.raises((ValueError, BufferError, TypeError)):
        ro = np.ones(4)
        ro.flags.writeable = False
        vm.run("exp", x, ro)


@pytest.mark.parametrize("env", ["baseline", "avx2"])
def test_dispatch_env(env):
    """ARRAYCORE_CPU lowers the dispatch level: the kernels then run that
    clone and give the same results."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[2])\n"
        "import numpy as np, vmath_testmod as v\n"
        "rng = np.random.default_rng(13)\n"
        "x = rng.uniform(-700, 700, 1001); y = np.exp(rng.uniform(-700, 700, 1001))\n"
        "a = np.empty_like(x); b = np.empty_like(x)\n"
        "print(v.level(), v.run('exp', x, a), v.run('log', y, b), v.run('exp', x, a, 'avx512'))\n"
        "np.save(__import__('sys').argv[1], np.stack([a, b]))\n"
    )
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "r.npy")
        env_ = dict(os.environ, ARRAYCORE_CPU=env)
        r = subprocess.run([sys.executable, "-c", code, f, VM_DIR], cwd=d, env=env_,
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        assert r.stdout.split() == [env] * 4
        got = np.load(f)
    rng = np.random.default_rng(13)
    x = rng.uniform(-700, 700, 1001)
    y = np.exp(rng.uniform(-700, 700, 1001))
    assert ulp_diff(got[0], _kernel("exp", x, env)).max() == 0
    assert ulp_diff(got[1], _kernel("log", y, env)).max() == 0


# ------------------------------------------------------------ pow kernels
# src/ac_vpow.c through vm.run_pow, and the pow ufunc that calls it.
def _pow(x, y, level=None, out=None):
    if out is None:
        out = np.empty_like(x)
    vm.run_pow(x, y, out, level)
    return out


def _pow_inputs(dt, rng):
    """(x, y) pairs of many kinds: ordinary, x near 1 with huge y, results
    near the overflow and underflow thresholds and subnormal, negative x with
    integer y, and every pair of special values."""
    n = 4000
    big = 709.0 if dt == np.float64 else 88.5
    tiny = 745.0 if dt == np.float64 else 103.0
    x1 = rng.uniform(0.0, 1e3, n)
    y1 = rng.uniform(-8, 8, n)
    x2 = 1 + rng.uniform(-1e-3, 1e-3, n)                        # x near 1 ...
    y2 = rng.uniform(-1, 1, n) * (5e5 if dt == np.float64 else 5e4)   # ... huge y
    x3 = np.exp(rng.uniform(-8, 8, n))
    y3 = big / np.log(x3) * rng.uniform(0.98, 1.005, n)           # near overflow
    x4 = np.exp(rng.uniform(-8, 8, n))
    y4 = -tiny / np.log(x4) * rng.uniform(0.94, 1.02, n)          # near/below DBL_MIN
    x5 = -rng.uniform(0.0, 50.0, n)                               # negative x ...
    y5 = np.floor(rng.uniform(-60, 60, n))                        # ... integer y
    x6 = np.exp(rng.uniform(-700, 700, n)) if dt == np.float64 else np.exp(rng.uniform(-87, 88, n))
    y6 = rng.uniform(-1.2, 1.2, n)                                # the whole exponent range
    sp = special_floats(dt).astype(np.float64)
    sp = np.concatenate([sp, [2.5, -2.5, 1.5, -0.5, 0.25]])
    xs, ys = np.meshgrid(sp, sp)
    with np.errstate(all="ignore"):
        x = np.concatenate([x1, x2, x3, x4, x5, x6, xs.ravel()]).astype(dt)
        y = np.concatenate([y1, y2, y3, y4, y5, y6, ys.ravel()]).astype(dt)
    return x, y


def _pow_reference(x, y):
    """Nearly correctly rounded: long double (80-bit on x86-64) for float64,
    float64 for float32 (then one rounding)."""
    wide = np.longdouble if x.dtype == np.float64 else np.float64
    with np.errstate(all="ignore"):
        return np.power(x.astype(wide), y.astype(wide)).astype(x.dtype)


_EXTENDED = np.finfo(np.longdouble).nmant >= 63


def _correctly_rounded_pow(x, y):
    """pow(x, y) for finite x > 0, correctly rounded to double, from 60-digit
    decimal exp(y ln x) (float() of a Fraction rounds once, subnormals too)."""
    from fractions import Fraction
    getcontext().prec = 60
    v = (Decimal(float(y)) * Decimal(float(x)).ln()).exp()
    try:
        return float(Fraction(v))
    except OverflowError:
        return math.inf


@pytest.mark.parametrize("dt", [np.float64, np.float32])
@pytest.mark.parametrize("level", LEVELS)
def test_pow_kernel_accuracy(dt, level):
    rng = np.random.default_rng(20)
    x, y = _pow_inputs(dt, rng)
    got = _pow(x, y, level)
    with np.errstate(all="ignore"):
        npref = np.power(x, y)
    if dt == np.float64 and not _EXTENDED:
        assert ulp_diff(got, npref).max() <= 2
        return
    d = ulp_diff(got, _pow_reference(x, y))
    # float64: ~0.51 ulp from the exact value (within 1 of the correctly
    # rounded result); float32: computed in double, rounded once
    assert d.max() <= 1, (x[d > 1][:5], y[d > 1][:5], got[d > 1][:5])
    assert ulp_diff(got, npref).max() <= 2
    # special values exactly as NumPy (nan, infinities, zeros, exact results)
    exact = ~np.isfinite(npref) | (npref == 0) | (np.abs(y) <= 1) & np.isin(np.abs(x), [0, 1])
    assert exact.sum() > 300
    assert same_bits_or_both_nan(got[exact], npref[exact]).all()


def test_pow_kernel_correctly_rounded_sample():
    """Against exact decimal arithmetic on a sample (no long double needed):
    float64 results within 1 ulp of the correctly rounded ones, including x
    near 1 with huge y and results near DBL_MAX and DBL_MIN."""
    rng = np.random.default_rng(21)
    x, y = _pow_inputs(np.float64, rng)
    pick = np.concatenate([np.arange(k * 4000, k * 4000 + 60) for k in range(6)])
    x, y = x[pick], y[pick]
    x = np.abs(x)
    x[x == 0] = 0.5
    got = _pow(x, y)
    ref = np.array([_correctly_rounded_pow(a, b) for a, b in zip(x, y)])
    d = ulp_diff(got, ref)
    assert d.max() <= 1, (x[d > 1], y[d > 1])
    # most results are the correctly rounded one
    assert (d == 0).mean() > 0.99


@pytest.mark.parametrize("level", LEVELS)
def test_pow_f32_kernel_ulp_sample(level):
    """float32 pow against pow in double (|error| <= 2**-52 relative, far
    below float's ulp) in fractions of an ulp: the AVX-512 kernel (log2 and
    exp2 in double, its own tables) within 0.53 ulp (measured 0.509 on 1.2e8
    pairs), the others within 1; x over the whole float range with |y log2 x|
    up to 127, and x near 1 with huge y (the relative accuracy of log2 near
    1).  Long enough for the AVX-512 kernel's pipelined loop, with special
    values in some blocks only (its careful loop)."""
    rng = np.random.default_rng(25)
    n = 60000
    x1 = np.exp(rng.uniform(np.log(1e-38), np.log(3e38), n)).astype(np.float32)
    x2 = (1 + rng.uniform(-3e-2, 3e-2, n)).astype(np.float32)
    x = np.concatenate([x1, x2])
    with np.errstate(all="ignore"):
        y = (rng.uniform(-126, 127, 2 * n) / np.log2(x.astype(np.float64))).astype(np.float32)
    y[~np.isfinite(y)] = 3.0
    x[5000:5003] = [0.0, -2.0, np.inf]        # one block with special lanes
    out = np.empty_like(x)
    used = vm.run_pow(x, y, out, level)
    with np.errstate(all="ignore"):
        ref = np.power(x.astype(np.float64), y.astype(np.float64))
    r32 = ref.astype(np.float32)
    normal = np.isfinite(r32) & (np.abs(r32) >= np.finfo(np.float32).tiny)
    assert normal.mean() > 0.99
    # ulp of the float interval holding ref (half below a power of two)
    below = np.abs(ref) < np.abs(r32)
    r32n = r32[normal]
    ulp = np.where(below[normal], np.spacing(np.nextafter(np.abs(r32n), np.float32(0))),
                   np.spacing(np.abs(r32n))).astype(np.float64)
    err = np.abs(out[normal].astype(np.float64) - ref[normal]) / ulp
    assert err.max() <= (0.53 if used == "avx512" else 1.0), (used, err.max())
    # zeros, infinities, nans as NumPy's
    sp = ~normal & ((r32 == 0) | ~np.isfinite(r32))
    with np.errstate(all="ignore"):
        assert same_bits_or_both_nan(out[sp], np.power(x[sp], y[sp])).all()


@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_pow_kernel_one_and_exact_logs(dt):
    """x = 1 has log exactly 0 on the fast path (|y log x| <= 708), whatever
    y; exact powers of two to small integer powers are exact."""
    y = np.array([1e20, -1e25, 1e28, 3e29, -3e29, 1e15, 2.0, 0.5, 1e30, 7.0], dtype=dt)
    x = np.ones_like(y)
    x2 = np.array([2.0, 0.5, 4.0, 0.25, 8.0, 1024.0, 2.0**-20, 16.0, 0.125, 2.0], dtype=dt)
    y2 = np.array([3, -3, 5, 2, -4, 3, 2, 0.5, -2, 10], dtype=dt)
    for level in LEVELS:
        assert (_pow(x, y, level) == 1).all(), level
        with np.errstate(all="ignore"):
            assert same_bits_or_both_nan(_pow(x2, y2, level), np.power(x2, y2)).all(), level


@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_pow_kernel_levels_agree_and_paths(dt):
    rng = np.random.default_rng(22)
    x, y = _pow_inputs(dt, rng)
    outs = [_pow(x, y, lev) for lev in LEVELS]
    for o in outs[1:]:
        assert ulp_diff(o, outs[0]).max() <= 1
    assert ulp_diff(_pow(x, y), outs[-1]).max() == 0      # the dispatch: highest level
    # a block with one special lane (libm for that lane) gives the same
    # results for the others as an all-ordinary block
    x = rng.uniform(0.1, 20, 4096).astype(dt)
    y = rng.uniform(-5, 5, 4096).astype(dt)
    for level in LEVELS:
        fast = _pow(x, y, level)
        x2 = x.copy()
        x2[::512] = -1.5                               # nan (invalid) lanes
        full = _pow(x2, y, level)
        keep = np.ones(x.size, dtype=bool)
        keep[::512] = False
        assert (full[keep] == fast[keep]).all()
        assert np.isnan(full[~keep]).all()


@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_pow_kernel_lengths_inplace_unaligned(dt):
    rng = np.random.default_rng(23)
    bx = rng.uniform(0.1, 20, 1100).astype(dt)
    by = rng.uniform(-5, 5, 1100).astype(dt)
    bx[::37] = -2.0
    by[::37] = 3.0
    ref = _pow_reference(bx, by)
    for n in [0, 1, 3, 7, 8, 9, 16, 17, 33, 511, 512, 513, 1100]:
        for off in (0, 1):
            for level in LEVELS:
                for inplace in ("x", "y"):
                    buf = np.zeros(n + off + 1, dtype=dt)
                    buf[-1] = 42
                    dst = buf[off:off + n]
                    if inplace == "x":
                        dst[...] = bx[:n]
                        _pow(dst, by[:n].copy(), level, out=dst)
                    else:
                        dst[...] = by[:n]
                        _pow(bx[:n].copy(), dst, level, out=dst)
                    assert ulp_diff(dst, ref[:n]).max(initial=0) <= 1
                    assert buf[-1] == 42 and (off == 0 or buf[0] == 0)


def test_pow_kernel_flags(cm):
    """The flags libm raises: divide-by-zero for 0**negative, invalid for
    negative**non-integer, overflow, underflow; none of divide-by-zero,
    overflow, invalid for ordinary inputs, nans, infinities, 1**nan, x**0."""
    for level in LEVELS:
        for dt in (np.float64, np.float32):
            big = 400.0 if dt == np.float64 else 60.0
            for x, y, flag in [([2.0, 0.0, 3.0], [1.5, -1.0, 2.0], 1),
                               ([2.0, -0.0, 3.0], [1.5, -3.0, 2.0], 1),
                               ([2.0, -2.0], [1.0, 0.5], 8),
                               ([2.0, 10.0], [3.0, big], 2),
                               ([2.0, -10.0], [3.0, big + 1], 2),
                               ([2.0, 10.0, 3.0], [3.0, -big, 0.5], 4)]:
                a = np.array(x * 9, dtype=dt)
                b = np.array(y * 9, dtype=dt)
                cm.clear_status()
                _pow(a, b, level)
                assert cm.get_status() & flag, (x, y, level, dt)
                assert cm.get_status() & ~flag & (1 | 2 | 8) == 0, (x, y, level, dt)
            for x, y in [([1.0, 2.0, 0.5, 1e-300 if dt == np.float64 else 1e-38], [2.0, 0.5, -3.0, 1.0]),
                         ([np.nan, 2.0, 1.0, np.inf, -np.inf, 5.0], [2.0, np.nan, np.nan, 2.0, 3.0, 0.0]),
                         ([np.nan, 0.0, -1.0, 0.5], [0.0, 2.0, np.inf, np.inf])]:
                a = np.array(x * 9, dtype=dt)
                b = np.array(y * 9, dtype=dt)
                cm.clear_status()
                _pow(a, b, level)
                assert cm.get_status() & (1 | 2 | 8) == 0, (x, y, level, dt)


def test_pow_kernel_bad_input():
    x = np.ones(4)
    with pytest.raises(TypeError):
        vm.run_pow(x, x, np.ones(4, dtype=np.float32))
    with pytest.raises(ValueError):
        vm.run_pow(x, x, np.ones(3))
    with pytest.raises(ValueError):
        vm.run_pow(x, x, x, "sse9")
    with pytest.raises((ValueError, BufferError, TypeError)):
        vm.run_pow(np.ones(8)[::2], x, x)


@pytest.mark.parametrize("dt", ["float64", "float32", "float16"])
def test_pow_ufunc_layouts(dt):
    """The pow ufunc (contiguous: the kernels; strided and broadcast: through
    buffers) against NumPy, in every layout; results never depend on it."""
    rng = np.random.default_rng(24)
    x = rng.uniform(-10, 10, 3001).astype(dt)
    y = rng.uniform(-4, 4, 3001).astype(dt)
    y[::3] = np.round(y[::3])
    def close(a, b):        # NumPy's float16 pow: float's, rounded once, as ours
        if dt == "float16":
            return same_bits_or_both_nan(a, b).all()
        return ulp_diff(a, b).max() <= (2 if dt == "float64" else 1)

    with np.errstate(all="ignore"):
        want = np.power(x, y)
    ax, ay = ac.asarray(x), ac.asarray(y)
    with ac.errstate(all="ignore"):
        got = ac.pow(ax, ay).__array__()
        assert close(got, want)
        # strided views
        g2 = ac.pow(ax[::3], ay[::3]).__array__()
        assert same_bits_or_both_nan(g2, got[::3]).all()
        g3 = ac.pow(ax[::-2][:1500], ay[1::2][::-1]).__array__()
        with np.errstate(all="ignore"):
            w3 = np.power(x[::-2][:1500], y[1::2][::-1])
        assert close(g3, w3)
        # a scalar exponent and a scalar base (stride 0)
        for s in (2.5, 2.0, -1.5, 3.0):
            gs = ac.pow(ax, np.dtype(dt).type(s)).__array__()
            ref = ac.pow(ax, ac.asarray(np.full_like(x, s))).__array__()
            assert same_bits_or_both_nan(gs, ref).all()
            gb = ac.pow(np.dtype(dt).type(abs(s)), ay).__array__()
            ref = ac.pow(ac.asarray(np.full_like(y, abs(s))), ay).__array__()
            assert same_bits_or_both_nan(gb, ref).all()
        # 2-d, non-contiguous columns
        X = ac.asarray(x[:3000].reshape(60, 50))
        Y = ac.asarray(y[:3000].reshape(60, 50))
        gc = ac.pow(X[:, ::2], Y[:, 1::2]).__array__()
        with np.errstate(all="ignore"):
            wc = np.power(x[:3000].reshape(60, 50)[:, ::2], y[:3000].reshape(60, 50)[:, 1::2])
        assert close(gc, wc)
        # in place: out is x, out is y
        bx = ac.asarray(x.copy())
        ac.pow(bx, ay, out=bx)
        assert same_bits_or_both_nan(bx.__array__(), got).all()
        by = ac.asarray(y.copy())
        ac.pow(ax, by, out=by)
        assert same_bits_or_both_nan(by.__array__(), got).all()


def test_pow_ufunc_errstate():
    """Floating-point errors of the vector path reach errstate as NumPy's."""
    cases = [([0.0, 2.0], [-1.0, 2.0], "divide"), ([-2.0, 2.0], [0.5, 2.0], "invalid"),
             ([10.0, 2.0], [400.0, 2.0], "over"), ([10.0, 2.0], [-400.0, 2.0], "under")]
    for x, y, kind in cases:
        for dt in ("float64", "float32"):
            a = ac.asarray(np.array(x * 600, dtype=dt))
            b = ac.asarray(np.array(y * 600, dtype=dt))
            with ac.errstate(all="ignore", **{kind: "raise"}):
                with pytest.raises(FloatingPointError):
                    ac.pow(a, b)
            with ac.errstate(all="raise"):
                ac.pow(ac.asarray(np.full(600, 3.0, dtype=dt)), ac.asarray(np.full(600, 0.5, dtype=dt)))
    # the error in the last piece of a pool-split call (another thread)
    before = ac.get_num_threads()
    try:
        ac.set_num_threads(2)
        for x, y, kind in cases:
            a = np.full(400_000, 2.0)
            b = np.full(400_000, 1.5)
            a[-5], b[-5] = x[0], y[0]
            with ac.errstate(all="ignore", **{kind: "raise"}):
                with pytest.raises(FloatingPointError):
                    ac.pow(ac.asarray(a), ac.asarray(b))
    finally:
        ac.set_num_threads(before)


def test_pow_ufunc_overlap():
    """Outputs overlapping the inputs (shifted, reversed, a scalar taken from
    the output): results as if the inputs had been copied first."""
    x = np.linspace(0.5, 3, 2000)
    y = np.linspace(-2, 2, 1999)

    def fresh(u, v):
        return ac.pow(ac.asarray(np.array(u, copy=True)), ac.asarray(np.array(v, copy=True))).__array__()

    a = ac.asarray(x.copy())
    ac.pow(a[:-1], ac.asarray(y), out=a[1:])
    assert np.array_equal(a.__array__()[1:], fresh(x[:-1], y))
    a = ac.asarray(x.copy())
    ac.pow(a[1:], ac.asarray(y), out=a[:-1])
    assert np.array_equal(a.__array__()[:-1], fresh(x[1:], y))
    a = ac.asarray(x.copy())
    ac.pow(a[::-1], a, out=a)
    assert np.array_equal(a.__array__(), fresh(x[::-1], x))
    a = ac.asarray(x.copy())
    ac.pow(a, a[0], out=a)
    assert np.array_equal(a.__array__(), fresh(x, np.full_like(x, x[0])))
    a = ac.asarray(x.copy())
    ac.pow(a[-1], a, out=a)
    assert np.array_equal(a.__array__(), fresh(np.full_like(x, x[-1]), x))
