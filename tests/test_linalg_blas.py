"""matmul on BLAS beyond one gemm call and on gemv, and the small-matrix
kernels of the complex types (issue 9): numpy as the oracle.

Products larger than 2**33 multiply-adds run as several gemm calls (chunks of
the inner dimension accumulated with beta = 1; panels of rows when C is
large; src/ac_matmul.c, matmul_blas_pieces) so Ctrl-C is seen between them;
here every layout of the operands and of the output must still give numpy's
product.  Stacks of complex matrices with n <= 8 go through our own LU
kernels (src/ac_linalg_small.c) for det, inv and solve.  Last, non-finite
input where NumPy's answer is defined by which triangle LAPACK reads."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

import arraycore as ac

L = ac.linalg


def _as_layout(x, kind):
    if kind == "C":
        return ac.asarray(x)
    return ac.matrix_transpose(ac.asarray(np.ascontiguousarray(x.T)))     # F order


def _close(got, want, rtol):
    got = np.asarray(got)
    assert got.shape == want.shape and got.dtype == want.dtype
    scale = np.abs(want).max()
    assert np.abs(got - want).max() <= rtol * scale, np.abs(got - want).max() / scale


@pytest.mark.parametrize("n,k,m", [(2100, 2100, 2100),      # chunks of k
                                   (4200, 2100, 1000)])     # C > 2**22: row panels too
def test_matmul_in_pieces_float64_layouts(n, k, m):
    rng = np.random.default_rng(11)
    x = rng.standard_normal((n, k))
    y = rng.standard_normal((k, m))
    want = x @ y
    for kx, ky in (("C", "C"), ("F", "C"), ("C", "F"), ("F", "F")):
        _close(_as_layout(x, kx) @ _as_layout(y, ky), want, 1e-13 * k)
    # an F-ordered output: the product is written transposed (C^T = B^T A^T)
    out = ac.matrix_transpose(ac.empty((m, n), dtype=ac.float64))
    ac.matmul(ac.asarray(x), ac.asarray(y), out=out)
    _close(out, want, 1e-13 * k)


@pytest.mark.parametrize("dt", ["float32", "complex64", "complex128"])
def test_matmul_in_pieces_other_types(dt):
    rng = np.random.default_rng(12)
    n = k = m = 2050
    x = rng.standard_normal((n, k))
    y = rng.standard_normal((k, m))
    if dt.startswith("complex"):
        x = x + 1j * rng.standard_normal((n, k))
        y = y + 1j * rng.standard_normal((k, m))
    x = x.astype(dt)
    y = y.astype(dt)
    want = (x.astype("complex128" if dt.startswith("complex") else "float64")
            @ y).astype(dt)
    t = 1e-6 if dt in ("float32", "complex64") else 1e-13
    _close(ac.asarray(x) @ ac.asarray(y), want, t * k)


@pytest.mark.parametrize("dt", ["float32", "float64"])
@pytest.mark.parametrize("n,k", [(700, 300), (1, 70000), (70000, 1), (3, 40000)])
def test_matvec_on_gemv(dt, n, k):
    # matrix @ vector and vector @ matrix of >= 65536 multiply-adds run on
    # BLAS gemv: every layout of the matrix, strided vectors and outputs
    rng = np.random.default_rng(14)
    a = rng.standard_normal((n, k)).astype(dt)
    v = rng.standard_normal(k).astype(dt)
    want = a.astype("float64") @ v.astype("float64")
    t = (1e-5 if dt == "float32" else 1e-13) * max(k, 1)
    vs = (ac.asarray(v), ac.asarray(np.repeat(v, 2))[::2])
    for A in (_as_layout(a, "C"), _as_layout(a, "F"), ac.asarray(np.repeat(a, 2, axis=1))[:, ::2]):
        for V in vs:
            _close(A @ V, want.astype(dt), t)
            _close(V @ ac.matrix_transpose(A), want.astype(dt), t)
            o = ac.empty((2 * n,), dtype=A.dtype)[::2]
            ac.matmul(A, V, out=o)
            _close(o, want.astype(dt), t)
    # a stack of matrices against one vector: gemv per matrix
    s = np.stack([a, -a])
    _close(ac.asarray(s) @ vs[0], np.stack([want, -want]).astype(dt), t)


# ---- complex stacks of small matrices -------------------------------------
CPLX = ["complex64", "complex128"]


def _rand(rng, shape, dt):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CPLX), st.integers(1, 8), st.sampled_from([(), (5,), (2, 3)]),
       st.integers(0, 3), st.integers(0, 2 ** 32 - 1))
def test_complex_small_inv_solve_det(dt, n, batch, k, seed):
    rng = np.random.default_rng(seed)
    a = (_rand(rng, batch + (n, n), dt) + 2 * n * np.eye(n)).astype(dt)
    t = 2e-5 if dt == "complex64" else 1e-12
    inv = np.asarray(L.inv(ac.asarray(a)))
    assert inv.dtype == a.dtype
    np.testing.assert_allclose(inv, np.linalg.inv(a), rtol=t * 10, atol=t * 10)
    if k:
        b = _rand(rng, batch + (n, k), dt)
        x = np.asarray(L.solve(ac.asarray(a), ac.asarray(b)))
        assert x.dtype == a.dtype
        np.testing.assert_allclose(x, np.linalg.solve(a, b), rtol=t * 10, atol=t * 10)
    d = np.asarray(L.det(ac.asarray(a)))
    np.testing.assert_allclose(d, np.linalg.det(a), rtol=t * 100)


@pytest.mark.parametrize("dt", CPLX)
def test_complex_small_singular(dt):
    a = np.zeros((4, 3, 3), dtype=dt)
    a[:] = np.eye(3)
    a[2, 1] = a[2, 0] * (1 + 2j)            # matrix 2: two proportional rows
    with pytest.raises(L.LinAlgError, match="Singular"):
        L.inv(ac.asarray(a))
    with pytest.raises(L.LinAlgError, match="Singular"):
        L.solve(ac.asarray(a), ac.asarray(np.ones((4, 3, 1), dtype=dt)))
    assert complex(np.asarray(L.det(ac.asarray(a)))[2]) == 0


@pytest.mark.parametrize("dt", CPLX)
def test_complex_small_nan(dt):
    a = np.eye(3, dtype=dt)
    a[1, 1] = complex("nan+1j")
    with np.errstate(all="ignore"):
        want = np.linalg.inv(a)
    got = np.asarray(L.inv(ac.asarray(a)))
    assert np.isnan(got).any() and np.isnan(want).any()


@pytest.mark.parametrize("dt", ["float32", "float64", "complex64", "complex128"])
def test_eigh_ignores_the_unread_triangle(dt):
    # eigh/eigvalsh read the lower triangle: a NaN above it changes nothing
    # (NumPy's results); a NaN in the lower triangle is a LinAlgError
    rng = np.random.default_rng(13)
    h = rng.standard_normal((2, 4, 4)).astype(dt)
    h = (h + np.conj(np.swapaxes(h, -1, -2))).astype(dt)
    up = h.copy()
    up[1, 0, 3] = np.nan
    t = 1e-4 if dt in ("float32", "complex64") else 1e-12
    np.testing.assert_allclose(np.asarray(L.eigvalsh(ac.asarray(up))),
                               np.linalg.eigvalsh(up), rtol=t, atol=t)
    np.testing.assert_allclose(np.asarray(L.eigh(ac.asarray(up)).eigenvalues),
                               np.linalg.eigh(up).eigenvalues, rtol=t, atol=t)
    low = h.copy()
    low[1, 3, 0] = np.nan
    with pytest.raises(L.LinAlgError):
        L.eigvalsh(ac.asarray(low))
    with pytest.raises(np.linalg.LinAlgError):
        np.linalg.eigvalsh(low)
    for bad in (np.inf, -np.inf):
        low[1, 3, 0] = bad
        for f in (L.eigh, L.eigvalsh):
            with pytest.raises(L.LinAlgError, match="infs or NaNs"):
                f(ac.asarray(low))
    # garbage (not a mirror image) above the diagonal: the eigenvectors too
    # are those of the Hermitian matrix the lower triangle defines, and match
    # NumPy's (same triangle read), through a strided (non-contiguous) input
    g = h.copy()
    iu = np.triu_indices(4, 1)
    g[:, iu[0], iu[1]] = (rng.standard_normal((2, iu[0].size)) * 7).astype(dt)
    g[0, 0, 2] = np.nan
    big = np.zeros((2, 4, 8), dtype=dt)
    big[:, :, ::2] = g
    ga = ac.asarray(big)[:, :, ::2]
    w, v = (np.asarray(r) for r in L.eigh(ga))
    w2, v2 = np.linalg.eigh(g)
    np.testing.assert_allclose(w, w2, rtol=t, atol=t)
    np.testing.assert_allclose(np.asarray(L.eigvalsh(ga)), w2, rtol=t, atol=t)
    herm = np.tril(g) + np.conj(np.swapaxes(np.tril(g, -1), -1, -2))
    herm = np.where(np.isnan(herm), 0, herm)        # the NaN sits in the upper part
    herm[:, range(4), range(4)] = herm[:, range(4), range(4)].real
    vh = np.conj(np.swapaxes(v, -1, -2))
    np.testing.assert_allclose(v @ (w[..., :, None] * vh), herm, rtol=10 * t, atol=10 * t)
    np.testing.assert_allclose(np.abs(vh @ v2), np.abs(np.conj(np.swapaxes(v2, -1, -2)) @ v2),
                               rtol=10 * t, atol=10 * t)
    assert v.flags.c_contiguous or v.size == 0


@pytest.mark.parametrize("dt", ["float32", "float64", "complex128"])
@pytest.mark.parametrize("where", ["lower", "upper", "diag", "none"])
def test_nonfinite_checks(dt, where):
    # the one-pass finiteness checks of svd/svdvals/eig (whole matrix) and
    # eigh/eigvalsh (the lower triangle) against NumPy's errors
    x = np.eye(5, dtype=dt) + np.arange(25).reshape(5, 5) / 100
    x = np.stack([x, x + 1, x])
    pos = {"lower": (2, 4, 1), "upper": (2, 1, 4), "diag": (2, 3, 3)}.get(where)
    for bad in (np.nan, np.inf):
        y = x.copy()
        if pos:
            y[pos] = bad
        pairs = [(L.eigvals, np.linalg.eigvals), (L.eigvalsh, np.linalg.eigvalsh),
                 (L.eigh, np.linalg.eigh)]
        if bad != np.inf:
            # (NumPy's svd turns an inf into NaN results; ours raises)
            pairs += [(L.svdvals, lambda z: np.linalg.svd(z, compute_uv=False)),
                      (L.svd, np.linalg.svd)]
        for ours, theirs in pairs:
            try:
                theirs(y)
                fails = False
            except np.linalg.LinAlgError:
                fails = True
            if ours in (L.eigvalsh, L.eigh) and where == "upper":
                assert not fails
            if fails:
                with pytest.raises(L.LinAlgError):
                    ours(ac.asarray(y))
            elif bad != np.inf:
                # (with an inf, NumPy's eigh and svd give NaN results where
                # its eigvalsh raises; ours raise throughout)
                ours(ac.asarray(y))


# ---- float64 solve of 5x5 .. 8x8 on AVX-512 ---------------------------------
_SOLVE8 = r"""
import numpy as np, arraycore as ac, sys
rng = np.random.default_rng(int(sys.argv[1]))
out = []
for n in (5, 6, 7, 8):
    for k in (1, 2, 3):
        mats = [rng.standard_normal((40, n, n)),                      # random
                rng.integers(-3, 4, (40, n, n)).astype(float),        # ties of |pivot|
                rng.standard_normal((40, n, n)) * np.logspace(-150, 150, n),   # badly scaled
                rng.standard_normal((40, n, n)) * 1e-300]             # subnormal pivots
        for a in mats:
            b = rng.standard_normal((40, n, k))
            for i in range(40):      # one matrix at a time: singular ones raise
                try:
                    x = np.asarray(ac.linalg.solve(ac.asarray(a[i]), ac.asarray(b[i])))
                    out.append(x.tobytes().hex())
                except ac.linalg.LinAlgError as e:
                    out.append(str(e))
        a = rng.standard_normal((6, n, n))
        a[1, 0, 0] = np.nan
        a[2, n - 1, 1] = np.inf
        a[3, :, 2] = 0.0                                             # singular
        a[4, 1] = a[4, 0]                                            # singular
        for i in range(6):
            try:
                with np.errstate(all="ignore"):
                    x = np.asarray(ac.linalg.solve(ac.asarray(a[i]), ac.asarray(b[i])))
                out.append(x.tobytes().hex())
            except ac.linalg.LinAlgError as e:
                out.append(str(e))
print(len(out)); print("\n".join(out))
"""


@pytest.mark.parametrize("seed", [0, 1])
def test_float64_solve_avx512_kernel_equals_scalar(seed, tmp_path):
    """Stacks of 5x5 .. 8x8 float64 solve run an AVX-512 kernel (columns in
    registers, src/ac_linalg_small.c solve8_d_avx512) where the CPU has it;
    it must give the scalar kernel's bits (ARRAYCORE_CPU=avx2 runs that one),
    the same LinAlgError for singular matrices, and hand NaN, infinity and
    subnormal-pivot cases back to the scalar kernel."""
    import os
    import subprocess
    import sys
    runs = []
    for level in ("avx512", "avx2"):
        env = dict(os.environ, ARRAYCORE_CPU=level)
        r = subprocess.run([sys.executable, "-c", _SOLVE8, str(seed)], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        runs.append(r.stdout)
    assert runs[0] == runs[1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(5, 8), st.sampled_from([(), (7,), (2, 3)]), st.integers(1, 3),
       st.integers(0, 2 ** 32 - 1))
def test_float64_small_solve_matches_numpy(n, batch, k, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal(batch + (n, n)) + n * np.eye(n)
    b = rng.standard_normal(batch + (n, k))
    x = np.asarray(L.solve(ac.asarray(a), ac.asarray(b)))
    np.testing.assert_allclose(x, np.linalg.solve(a, b), rtol=1e-12, atol=1e-12)
