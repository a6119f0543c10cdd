"""Tests of the matmul / vecdot C kernels (arraycore/src/ac_matmul.c).

The kernels are plain C under the `matmul` and `vecdot` gufuncs; here they are
compiled with src/ac_cpu.c, src/ac_driver.c and src/ac_pool.c into a small test extension
(tests/capi_src/matmul_testmod.c) and called on raw addresses of NumPy arrays,
so that every layout (C, F, strided, negative and zero strides) and every
dispatch level (ARRAYCORE_CPU=baseline|avx2 in a subprocess) is checked
against NumPy.  Float results are compared with a tolerance scaled by
|A| @ |B|; integers and bool exactly.

Run `python tests/test_matmul_kernel.py` for a float64/float32 timing next to
NumPy's `x @ y`.
"""
import os
import subprocess
import sys
import sysconfig
import tempfile
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SRC = os.path.join(REPO, "arraycore", "src")

TOOLS = os.path.join(REPO, "tools")
sys.path.insert(0, TOOLS)
try:
    import dtype_table            # the one dtype table (dense order = ACX_*)
finally:
    sys.path.pop(0)
DTYPES = [d.name for d in dtype_table.DTYPES]
TIDX = {name: i for i, name in enumerate(DTYPES)}   # ACX_BOOL .. ACX_COMPLEX128
LAYOUTS = ["C", "F", "strided", "negative", "zero_row", "zero_col"]


# ---------------------------------------------------------------- building
def build(outdir):
    """Compile the test extension (with the kernels) into outdir; return the
    path of the shared object."""
    import _capi_build as B

    so = os.path.join(outdir, "matmul_testmod" + B.ext_suffix())
    # ac_internal.h includes the generated ac_dtypes.h (tools/gen_dtypes.py)
    subprocess.run([sys.executable, os.path.join(TOOLS, "gen_dtypes.py"), "--outdir", outdir],
                   check=True)
    extra = ["-O3", "-fno-strict-aliasing", "-ffp-contract=fast", "-pthread",
             "-I" + SRC, "-I" + outdir, os.path.join(SRC, "ac_matmul.c"), os.path.join(SRC, "ac_cpu.c"),
             os.path.join(SRC, "ac_driver.c"),      # the SIGINT flag the GEMM polls
             os.path.join(SRC, "ac_pool.c")]        # long vecdot batches split over it
    cmd = B.compile_cmd(os.path.join(B.CAPI_SRC, "matmul_testmod.c"), so, extra=extra)
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, f"build failed: {' '.join(cmd)}\n{r.stdout}{r.stderr}"
    return so


def load(so):
    import importlib.util

    spec = importlib.util.spec_from_file_location("matmul_testmod", so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def so_path(tmp_path_factory):
    sys.path.insert(0, HERE)
    return build(str(tmp_path_factory.mktemp("matmul")))


@pytest.fixture(scope="module")
def mod(so_path):
    return load(so_path)


# ---------------------------------------------------------------- operands
def values(rng, shape, dtype):
    dt = np.dtype(dtype)
    if dt == np.bool_:
        return rng.random(shape) < 0.3
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, size=shape, dtype=dt, endpoint=True)
    if dt.kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)
    return rng.standard_normal(shape).astype(dt)


def layout(vals, how):
    """A view holding `vals` (2-d) with the memory layout `how`.  For the zero
    layouts the values are first made constant along that axis."""
    r, c = vals.shape
    if how == "C":
        return np.ascontiguousarray(vals)
    if how == "F":
        return np.asfortranarray(vals)
    if how == "strided":
        buf = np.zeros((2 * r + 1, 3 * c + 1), vals.dtype)
        v = buf[1::2, 1::3][:r, :c]
        v[...] = vals
        return v
    if how == "negative":
        buf = np.ascontiguousarray(vals[::-1, ::-1])
        return buf[::-1, ::-1]
    if how == "zero_row":   # row stride 0 (all rows equal)
        return np.broadcast_to(vals[:1], (r, c)) if r else vals
    if how == "zero_col":   # column stride 0
        return np.broadcast_to(vals[:, :1], (r, c)) if c else vals
    raise ValueError(how)


def addr(a):
    return a.__array_interface__["data"][0]


def run_matmul(mod, a, b, out_layout="C"):
    n, k = a.shape
    m = b.shape[1]
    c0 = np.full((n, m), 7, a.dtype)        # garbage the kernel must overwrite
    c = layout(c0, out_layout if out_layout in ("C", "F", "strided", "negative") else "C")
    r = mod.matmul(TIDX[a.dtype.name], n, k, m, addr(a), *a.strides, addr(b), *b.strides,
                   addr(c), *c.strides)
    assert r == 0
    return c


def check_matmul(c, a, b):
    dt = a.dtype
    if dt.kind in "biu":
        np.testing.assert_array_equal(c, a @ b)     # NumPy wraps integers too
        return
    k = a.shape[1]
    wide = np.complex128 if dt.kind == "c" else np.float64
    exact = a.astype(wide) @ b.astype(wide)
    mag = np.abs(a).astype(np.float64) @ np.abs(b).astype(np.float64)
    eps_acc = np.finfo(np.float32 if dt == np.float16 else dt).eps
    eps_out = np.finfo(dt).eps
    bound = 2 * ((k + 2) * eps_acc + eps_out) * mag + np.finfo(dt).tiny
    err = np.abs(c.astype(wide) - exact)
    assert np.all(err <= bound), (dt, a.shape, b.shape, float(np.max(err - bound)))


def run_vecdot(mod, x, y):
    out = np.full(1, 7, x.dtype)
    mod.vecdot(TIDX[x.dtype.name], x.shape[0], addr(x), x.strides[0], addr(y),
               y.strides[0], addr(out))
    return out[0]


def check_vecdot(v, x, y):
    dt = x.dtype
    if dt == np.bool_:
        assert v == bool(np.any(x & y))
        return
    if dt.kind in "iu":
        with np.errstate(over="ignore"):
            assert v == np.sum(x * y, dtype=dt)
        return
    wide = np.complex128 if dt.kind == "c" else np.float64
    exact = np.sum(np.conj(x.astype(wide)) * y.astype(wide))
    ref = np.vecdot(x.astype(wide), y.astype(wide))
    assert abs(exact - ref) <= 1e-12 * (1 + np.sum(np.abs(x) * np.abs(y)))
    mag = float(np.sum(np.abs(x).astype(np.float64) * np.abs(y).astype(np.float64)))
    eps_acc = np.finfo(np.float32 if dt == np.float16 else dt).eps
    bound = 2 * ((x.shape[0] + 2) * eps_acc + np.finfo(dt).eps) * mag + np.finfo(dt).tiny
    assert abs(complex(v) - complex(exact)) <= bound, (dt, x.shape, v, exact)


def vec_layout(vals, how):
    if how == "C":
        return np.ascontiguousarray(vals)
    if how == "strided":
        buf = np.zeros(3 * vals.shape[0] + 1, vals.dtype)
        buf[1::3][:vals.shape[0]] = vals
        return buf[1::3][:vals.shape[0]]
    if how == "negative":
        return np.ascontiguousarray(vals[::-1])[::-1]
    if how == "zero":
        return np.broadcast_to(vals[:1], vals.shape) if vals.shape[0] else vals
    raise ValueError(how)


# Shapes around the register tiles and cache blocks of the float GEMM.
SWEEP_SHAPES = [(0, 0, 0), (0, 3, 2), (2, 0, 3), (3, 2, 0), (1, 1, 1), (1, 7, 1),
                (1, 50, 37), (45, 60, 1), (1, 300, 1), (2, 40, 1), (1, 40, 3), (3, 5, 70),
                (8, 8, 8), (12, 9, 12), (40, 30, 33),
                (5, 1, 9), (7, 13, 5), (9, 17, 33), (17, 3, 31), (33, 65, 25),
                (64, 64, 64)]
BIG_SHAPES = [(70, 300, 50), (130, 257, 301), (300, 520, 20), (9, 30, 2100)]


def sweep(mod, seed=0):
    """Every dtype, the sweep shapes and all layouts, plus big float shapes
    crossing the cache blocks; used at each dispatch level."""
    rng = np.random.default_rng(seed)
    for dt in DTYPES:
        for i, (n, k, m) in enumerate(SWEEP_SHAPES):
            la = LAYOUTS[i % len(LAYOUTS)]
            lb = LAYOUTS[(i * 5 + 1) % len(LAYOUTS)]
            a = layout(values(rng, (n, k), dt), la)
            b = layout(values(rng, (k, m), dt), lb)
            for lc in ("C", "F", "negative"):
                check_matmul(run_matmul(mod, a, b, lc), a, b)
        for n in (0, 1, 3, 8, 31, 64, 1001):
            for lx, ly in (("C", "C"), ("strided", "negative"), ("zero", "C")):
                x = vec_layout(values(rng, n, dt), lx)
                y = vec_layout(values(rng, n, dt), ly)
                check_vecdot(run_vecdot(mod, x, y), x, y)
    for dt in ("float32", "float64", "complex128", "int32"):
        for n, k, m in BIG_SHAPES:
            for la, lb in (("C", "C"), ("F", "strided"), ("negative", "F")):
                a = layout(values(rng, (n, k), dt), la)
                b = layout(values(rng, (k, m), dt), lb)
                check_matmul(run_matmul(mod, a, b), a, b)


# ---------------------------------------------------------------- tests
def test_sweep(mod):
    sweep(mod)


@pytest.mark.parametrize("level", ["baseline", "avx2"])
def test_sweep_at_level(so_path, level):
    code = (f"import sys; sys.path.insert(0, {HERE!r}); import test_matmul_kernel as t; "
            f"m = t.load({so_path!r}); print(m.level()); t.sweep(m, seed=1)")
    env = dict(os.environ, ARRAYCORE_CPU=level)
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                       text=True, timeout=600, cwd=tempfile.gettempdir())
    assert r.returncode == 0, r.stdout + r.stderr
    got = r.stdout.split()[0]
    # the level in use is the requested one, or lower if the CPU lacks it
    assert got in (["baseline"] if level == "baseline" else ["baseline", "avx2"])


@settings(max_examples=60, deadline=None)
@given(dt=st.sampled_from(DTYPES), n=st.integers(0, 40), k=st.integers(0, 40),
       m=st.integers(0, 40), la=st.sampled_from(LAYOUTS), lb=st.sampled_from(LAYOUTS),
       lc=st.sampled_from(["C", "F", "strided", "negative"]), seed=st.integers(0, 2**32 - 1))
def test_matmul_property(mod, dt, n, k, m, la, lb, lc, seed):
    rng = np.random.default_rng(seed)
    a = layout(values(rng, (n, k), dt), la)
    b = layout(values(rng, (k, m), dt), lb)
    check_matmul(run_matmul(mod, a, b, lc), a, b)


@settings(max_examples=60, deadline=None)
@given(dt=st.sampled_from(DTYPES), n=st.integers(0, 300),
       lx=st.sampled_from(["C", "strided", "negative", "zero"]),
       ly=st.sampled_from(["C", "strided", "negative", "zero"]), seed=st.integers(0, 2**32 - 1))
def test_vecdot_property(mod, dt, n, lx, ly, seed):
    rng = np.random.default_rng(seed)
    x = vec_layout(values(rng, n, dt), lx)
    y = vec_layout(values(rng, n, dt), ly)
    check_vecdot(run_vecdot(mod, x, y), x, y)


def test_output_only_written_in_place(mod):
    """The kernel writes exactly the n x m elements of C: the gaps of a
    strided output keep their values."""
    rng = np.random.default_rng(3)
    for dt in ("float64", "float32", "int16", "complex64"):
        a = values(rng, (37, 29), dt)
        b = values(rng, (29, 41), dt)
        buf = np.full((2 * 37, 2 * 41), 5, dt)
        c = buf[::2, ::2]
        mod.matmul(TIDX[dt], 37, 29, 41, addr(a), *a.strides, addr(b), *b.strides,
                   addr(c), *c.strides)
        check_matmul(c, a, b)
        assert np.all(buf[1::2] == 5) and np.all(buf[:, 1::2] == 5)


def test_special_values(mod):
    """inf and nan propagate like NumPy's (k == 0 gives zeros, not nan)."""
    for dt in ("float32", "float64"):
        a = np.array([[np.inf, 1.0], [np.nan, 0.0]], dt)
        b = np.array([[1.0, 0.0], [2.0, 3.0]], dt)
        c = run_matmul(mod, a, b)
        with np.errstate(invalid="ignore"):
            np.testing.assert_array_equal(c, a @ b)
        e = run_matmul(mod, np.ones((3, 0), dt), np.ones((0, 2), dt))
        np.testing.assert_array_equal(e, np.zeros((3, 2), dt))


# ---------------------------------------------------------------- timing
def bench(mod, sizes=(64, 128, 256, 512, 1024), reps=5):
    """Best-of-`reps` time of the kernel and of NumPy's `x @ y` per size."""
    rng = np.random.default_rng(0)
    for dt in ("float64", "float32"):
        for s in sizes:
            a = rng.standard_normal((s, s)).astype(dt)
            b = rng.standard_normal((s, s)).astype(dt)
            c = np.empty((s, s), dt)
            args = (TIDX[dt], s, s, s, addr(a), *a.strides, addr(b), *b.strides,
                    addr(c), *c.strides)
            t_ac = t_np = float("inf")
            for _ in range(reps):
                t0 = time.perf_counter()
                mod.matmul(*args)
                t1 = time.perf_counter()
                a @ b
                t2 = time.perf_counter()
                t_ac, t_np = min(t_ac, t1 - t0), min(t_np, t2 - t1)
            gf = 2 * s ** 3 / t_ac / 1e9
            print(f"{dt:8s} {s:5d}: ac {t_ac * 1e3:8.3f} ms ({gf:6.1f} GFLOP/s)  "
                  f"numpy {t_np * 1e3:8.3f} ms  ratio {t_ac / t_np:5.2f}  [{mod.level()}]")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    with tempfile.TemporaryDirectory() as d:
        bench(load(build(d)))
