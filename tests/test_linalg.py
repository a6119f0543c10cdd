"""arraycore.linalg against numpy.linalg: values across dtypes, stacks and
layouts (Hypothesis), defining identities for the decompositions whose signs
are not unique (qr, svd, eigh, eig), empty matrices, errors, the lazy loading
of the BLAS/LAPACK library, threadpoolctl, threads and matmul on BLAS."""
import glob
import os
import subprocess
import sys
import threading

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

import arraycore as ac

L = ac.linalg
DTYPES = ["float32", "float64", "complex64", "complex128"]
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def tol(dt):
    return 2e-3 if dt in ("float32", "complex64") else 1e-9


def rand(rng, shape, dt):
    x = rng.standard_normal(shape)
    if dt.startswith("complex"):
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


def layout(x, kind):
    """x as an arraycore array in the given memory layout (values unchanged)."""
    if kind == "C":
        return ac.asarray(x)
    if kind == "F":
        return ac.matrix_transpose(ac.asarray(np.ascontiguousarray(np.swapaxes(x, -1, -2))))
    if kind == "strided":
        big = np.zeros(x.shape[:-1] + (2 * x.shape[-1],), dtype=x.dtype)
        big[..., ::2] = x
        return ac.asarray(big)[..., ::2]
    if kind == "swapped":
        return ac.asarray(x.astype(x.dtype.newbyteorder(">")))
    raise ValueError(kind)


def close(a, b, t, scale=1.0):
    a = np.asarray(a)
    b = np.asarray(b)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert a.dtype == b.dtype, (a.dtype, b.dtype)
    if a.size:
        np.testing.assert_allclose(a, b, rtol=t * scale, atol=t * scale)


cases = st.tuples(st.sampled_from(DTYPES),
                  st.sampled_from([(), (2,), (3, 1), (0,)]),
                  st.integers(0, 7),
                  st.sampled_from(["C", "F", "strided", "swapped"]),
                  st.integers(0, 2 ** 32 - 1))


def well_conditioned(rng, batch, n, dt):
    x = rand(rng, batch + (n, n), dt)
    return (x + n * np.eye(n)).astype(dt)


def hpd(rng, batch, n, dt):
    x = rand(rng, batch + (n, n), dt)
    return (x @ np.conj(np.swapaxes(x, -1, -2)) + n * np.eye(n)).astype(dt)


@SETTINGS
@given(cases)
def test_lu_family(case):
    dt, batch, n, kind, seed = case
    rng = np.random.default_rng(seed)
    x = well_conditioned(rng, batch, n, dt)
    a = layout(x, kind)
    t = tol(dt)
    close(L.det(a), np.linalg.det(x), t, 10 ** max(n - 3, 0))
    s1, s2 = L.slogdet(a), np.linalg.slogdet(x)
    close(s1.sign, s2.sign, t)
    close(s1.logabsdet, s2.logabsdet, t)
    close(L.inv(a), np.linalg.inv(x), t, 10)
    b = rand(rng, batch + (n, 3), dt)
    close(L.solve(a, layout(b, kind)), np.linalg.solve(x, b), t, 10)
    v = rand(rng, (n,), dt)
    close(L.solve(a, ac.asarray(v)), np.linalg.solve(x, v), t, 10)


@SETTINGS
@given(cases)
def test_hermitian_family(case):
    dt, batch, n, kind, seed = case
    rng = np.random.default_rng(seed)
    x = hpd(rng, batch, n, dt)
    a = layout(x, kind)
    t = tol(dt) * max(n, 1) * 10
    close(L.cholesky(a), np.linalg.cholesky(x), t)
    close(L.cholesky(a, upper=True), np.linalg.cholesky(x, upper=True), t)
    close(L.eigvalsh(a), np.linalg.eigvalsh(x), t, n + 1)
    w, v = L.eigh(a)
    w, v = np.asarray(w), np.asarray(v)
    assert w.dtype == np.linalg.eigvalsh(x).dtype and v.dtype == x.dtype
    vh = np.conj(np.swapaxes(v, -1, -2))
    close(v @ (w[..., :, None] * vh), x, t, n + 1)
    close(vh @ v, np.broadcast_to(np.eye(n, dtype=dt), x.shape), t)


OLD_NUMPY_EMPTY = pytest.mark.skipif(
    tuple(int(v) for v in np.__version__.split(".")[:2]) < (2, 3),
    reason="the oracle, NumPy < 2.3 (the newest for Python 3.10), raises on empty "
           "matrices in matrix_rank/vector_norm where NumPy 2.3+ returns a result")


@OLD_NUMPY_EMPTY
@SETTINGS
@given(cases, st.integers(0, 7), st.booleans())
def test_svd_qr(case, m, full):
    dt, batch, n, kind, seed = case
    rng = np.random.default_rng(seed)
    x = rand(rng, batch + (m, n), dt)
    a = layout(x, kind)
    t = tol(dt) * 10
    U, S, Vh = (np.asarray(r) for r in L.svd(a, full_matrices=full))
    u2, s2, v2 = np.linalg.svd(x, full_matrices=full)
    assert (U.shape, S.shape, Vh.shape) == (u2.shape, s2.shape, v2.shape)
    assert (U.dtype, S.dtype, Vh.dtype) == (u2.dtype, s2.dtype, v2.dtype)
    close(S, s2, t)
    k = S.shape[-1]
    close((U[..., :, :k] * S[..., None, :]) @ Vh[..., :k, :], x, t)
    close(L.svdvals(a), s2, t)
    for mode in ("reduced", "complete"):
        Q, R = (np.asarray(r) for r in L.qr(a, mode=mode))
        q2, r2 = np.linalg.qr(x, mode=mode)
        assert (Q.shape, R.shape, Q.dtype, R.dtype) == (q2.shape, r2.shape, q2.dtype, r2.dtype)
        close(Q @ R, x, t)
        qh = np.conj(np.swapaxes(Q, -1, -2))
        close(qh @ Q, np.broadcast_to(np.eye(Q.shape[-1], dtype=dt), qh.shape[:-1] +
                                      (Q.shape[-1],)), t)
        assert np.all(np.tril(R, -1) == 0)
    close(L.pinv(a), np.linalg.pinv(x), t, 10)
    close(L.matrix_rank(a), np.linalg.matrix_rank(x), 0)


@SETTINGS
@given(cases)
def test_eig(case):
    dt, batch, n, kind, seed = case
    rng = np.random.default_rng(seed)
    x = rand(rng, batch + (n, n), dt)
    a = layout(x, kind)
    w, v = (np.asarray(r) for r in L.eig(a))
    ct = np.result_type(dt, np.complex64)
    assert w.dtype == ct and v.dtype == ct and w.shape == x.shape[:-1]
    close(x @ v, v * w[..., None, :], tol(dt) * 100)
    nv = np.linalg.norm(v, axis=-2) if n else np.ones(w.shape)
    close(nv, np.ones(w.shape, dtype=nv.dtype), tol(dt) * 10)
    wv = np.asarray(L.eigvals(a))
    assert wv.shape == w.shape and wv.dtype == w.dtype
    if n and w.size:
        close(np.sort_complex(wv.reshape(-1, n)), np.sort_complex(w.reshape(-1, n)),
              tol(dt) * 100)


def test_eig_real_pairs():
    x = np.array([[0.0, -2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 3.0]])
    w, v = (np.asarray(r) for r in L.eig(ac.asarray(x)))
    assert w.dtype == np.complex128
    np.testing.assert_allclose(np.sort_complex(w), np.sort_complex(np.linalg.eigvals(x)),
                               atol=1e-12)
    np.testing.assert_allclose(x @ v, v * w, atol=1e-12)


@OLD_NUMPY_EMPTY
@SETTINGS
@given(cases, st.sampled_from(["fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]))
def test_norms(case, ord):
    dt, batch, n, kind, seed = case
    rng = np.random.default_rng(seed)
    x = rand(rng, batch + (n, n + 1), dt)
    a = layout(x, kind)
    t = tol(dt) * 10
    if n > 0 or ord in ("fro", "nuc"):
        close(L.matrix_norm(a, ord=ord), np.linalg.matrix_norm(x, ord=ord), t)
        close(L.matrix_norm(a, ord=ord, keepdims=True),
              np.linalg.matrix_norm(x, ord=ord, keepdims=True), t)
    vord = {"fro": 2, "nuc": 0}.get(ord, ord)
    if x.size or vord not in (-np.inf,):
        with np.errstate(divide="ignore"):
            ref = np.linalg.vector_norm(x, ord=vord)
        close(L.vector_norm(a, ord=vord), ref, t)
        if x.ndim >= 2 and x.shape[-1]:
            with np.errstate(divide="ignore"):
                ref = np.linalg.vector_norm(x, ord=vord, axis=(-1, 0), keepdims=True)
            close(L.vector_norm(a, ord=vord, axis=(-1, 0), keepdims=True), ref, t)
    close(L.norm(a), np.linalg.norm(x), t)


@OLD_NUMPY_EMPTY
@pytest.mark.parametrize("shape", [(0, 0), (3, 0), (0, 3), (2, 0, 0), (0, 2, 2)])
def test_empty_matrix_norms(shape):
    # the largest of no values is 0 (ord 1, 2, inf), the smallest an error
    x = np.zeros(shape)
    a = ac.asarray(x)
    for ord in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
        for keep in (False, True):
            try:
                want = np.linalg.matrix_norm(x, ord=ord, keepdims=keep)
            except ValueError:
                with pytest.raises(ValueError):
                    L.matrix_norm(a, ord=ord, keepdims=keep)
                continue
            close(L.matrix_norm(a, ord=ord, keepdims=keep), want, 0)
        if x.ndim == 2:
            try:
                want = np.linalg.norm(x, ord)
            except ValueError:
                with pytest.raises(ValueError):
                    L.norm(a, ord)
                continue
            close(L.norm(a, ord), np.asarray(want), 0)


def test_vector_norm_scaling_and_specials():
    # no overflow/underflow where the norm itself is representable (NumPy's
    # plain sum of squares gives inf/0 there): the reference is math.hypot
    import math
    for v in ([1e200, 1e200], [1e-200, 3e-200], [np.inf, 1.0], [np.nan, 1.0], [0.0, 0.0],
              [3.0, 4.0]):
        x = np.array(v)
        close(L.vector_norm(ac.asarray(x)), np.float64(math.hypot(*v)), 1e-12)
    x = np.arange(12.0).reshape(3, 4)
    close(L.vector_norm(ac.asarray(x), ord=3.5, axis=0), np.linalg.vector_norm(x, ord=3.5, axis=0),
          1e-12)


def test_ints_and_bools_promote():
    x = np.array([[2, 1], [1, 3]])
    for f in ("det", "inv", "cholesky", "eigvalsh", "svdvals", "pinv"):
        r = getattr(L, f)(ac.asarray(x))
        close(r, getattr(np.linalg, f)(x) if f != "svdvals" else
              np.linalg.svd(x, compute_uv=False), 1e-12)
    assert L.det(ac.asarray(np.eye(2, dtype=bool))).dtype == ac.float64
    with pytest.raises(TypeError):
        L.det(ac.ones((2, 2), dtype=ac.float16))


def test_simple_functions():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 4, 5))
    a = ac.asarray(x)
    for off in (-5, -1, 0, 2, 7):
        close(L.diagonal(a, offset=off), np.linalg.diagonal(x, offset=off), 0)
        close(L.trace(a, offset=off), np.linalg.trace(x, offset=off), 1e-12)
    close(L.trace(ac.asarray(np.ones((3, 3), dtype=np.int8))), np.full((), 3, dtype=np.int64),
          0)
    close(L.outer(a[0, 0], a[1, 1]), np.linalg.outer(x[0, 0], x[1, 1]), 1e-12)
    p, q = rng.standard_normal((4, 3)), rng.standard_normal((3,))
    close(L.cross(ac.asarray(p), ac.asarray(q)), np.linalg.cross(p, q), 1e-12)
    close(L.cross(ac.asarray(p.T), ac.asarray(p.T), axis=-2), np.cross(p.T, p.T, axis=-2),
          1e-12)
    with pytest.raises(ValueError):
        L.cross(ac.asarray(p), ac.asarray(p), axis=0)
    with pytest.raises(ValueError):
        L.cross(ac.ones((4, 2)), ac.ones((4, 2)))
    close(L.matmul(a, ac.matrix_transpose(a)), x @ np.swapaxes(x, -1, -2), 1e-12)
    close(L.vecdot(a, a), np.linalg.vecdot(x, x), 1e-12)
    close(L.tensordot(a, a, axes=([1, 2], [1, 2])), np.tensordot(x, x, axes=([1, 2], [1, 2])),
          1e-12)
    close(L.matrix_transpose(a), np.linalg.matrix_transpose(x), 0)


@pytest.mark.parametrize("p", [0, 1, 2, 5, -1, -3])
def test_matrix_power(p):
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 4, 4)) + 4 * np.eye(4)
    close(L.matrix_power(ac.asarray(x), p), np.linalg.matrix_power(x, p), 1e-9)
    xi = np.array([[1, 1], [0, 1]])
    if p >= 0:
        close(L.matrix_power(ac.asarray(xi), p), np.linalg.matrix_power(xi, p), 0)


def test_lstsq_cond_multi_dot():
    rng = np.random.default_rng(3)
    for m, n, k in ((6, 3, None), (6, 3, 2), (3, 6, 2), (4, 4, 1), (0, 3, 2)):
        a = rng.standard_normal((m, n))
        b = rng.standard_normal((m,) if k is None else (m, k))
        r1 = L.lstsq(ac.asarray(a), ac.asarray(b))
        r2 = np.linalg.lstsq(a, b)
        for u, v in zip(r1[:2], r2[:2]):
            close(u, v, 1e-9)
        assert r1[2] == r2[2]
        close(r1[3], r2[3], 1e-9)
    a = rng.standard_normal((5, 5))
    for p in (None, 2, -2, 1, -1, np.inf, "fro"):
        close(L.cond(ac.asarray(a), p), np.linalg.cond(a, p), 1e-8)
    mats = [rng.standard_normal(s) for s in ((10,), (10, 3), (3, 40), (40, 2), (2,))]
    close(L.multi_dot([ac.asarray(m) for m in mats]), np.linalg.multi_dot(mats), 1e-9)
    mats = [rng.standard_normal(s) for s in ((7, 10), (10, 3), (3, 4))]
    close(L.multi_dot([ac.asarray(m) for m in mats]), np.linalg.multi_dot(mats), 1e-9)
    x = rng.standard_normal((3, 4, 5))
    for kw in ({}, {"ord": 1, "axis": 1}, {"ord": "nuc", "axis": (2, 0)},
               {"axis": (0, 1), "keepdims": True}, {"ord": np.inf, "axis": -1}):
        close(L.norm(ac.asarray(x), **kw), np.linalg.norm(x, **kw), 1e-9)


@OLD_NUMPY_EMPTY
def test_empty_matrices():
    for shape in ((0, 0), (3, 0, 0)):
        x = np.zeros(shape)
        a = ac.asarray(x)
        close(L.det(a), np.linalg.det(x), 0)
        close(L.inv(a), np.linalg.inv(x), 0)
        close(L.cholesky(a), np.linalg.cholesky(x), 0)
        close(L.eigvalsh(a), np.linalg.eigvalsh(x), 0)
        close(L.slogdet(a).logabsdet, np.linalg.slogdet(x).logabsdet, 0)
    for shape in ((0, 3), (3, 0), (2, 0, 4)):
        x = np.zeros(shape)
        a = ac.asarray(x)
        for fm in (True, False):
            for r1, r2 in zip(L.svd(a, full_matrices=fm), np.linalg.svd(x, full_matrices=fm)):
                close(r1, r2, 0)
        for mode in ("reduced", "complete"):
            for r1, r2 in zip(L.qr(a, mode=mode), np.linalg.qr(x, mode=mode)):
                close(r1, r2, 0)
        close(L.pinv(a), np.linalg.pinv(x), 0)
        close(L.matrix_rank(a), np.linalg.matrix_rank(x), 0)


def test_errors():
    assert issubclass(L.LinAlgError, ValueError)
    sing = ac.asarray([[1.0, 2.0], [2.0, 4.0]])
    for f in (L.inv, lambda a: L.solve(a, ac.ones(2))):
        with pytest.raises(L.LinAlgError, match="Singular"):
            f(sing)
    with pytest.raises(L.LinAlgError, match="Singular"):
        L.inv(ac.zeros((20, 20)))
    with pytest.raises(L.LinAlgError, match="Singular"):
        L.solve(ac.zeros((20, 20)), ac.ones((20, 2)))
    with pytest.raises(L.LinAlgError, match="positive definite"):
        L.cholesky(ac.asarray([[1.0, 2.0], [2.0, 1.0]]))
    for f in (L.det, L.inv, L.cholesky, L.eigh, L.eig, L.slogdet):
        with pytest.raises(L.LinAlgError, match="square"):
            f(ac.ones((2, 3)))
        with pytest.raises(L.LinAlgError, match="two-dimensional"):
            f(ac.ones(3))
    with pytest.raises(ValueError):
        L.solve(ac.ones((3, 3)), ac.ones(4))
    with pytest.raises(ValueError):
        L.solve(ac.ones((2, 3, 3)), ac.ones((4, 3, 1)))
    with pytest.raises(ValueError):
        L.qr(ac.ones((2, 2)), mode="r")
    with pytest.raises(ValueError):
        L.matrix_norm(ac.ones((2, 2)), ord=3)
    nanm = ac.asarray([[np.nan, 1.0], [1.0, 1.0]])
    for f in (L.svd, L.svdvals, L.eig, L.eigvals, L.eigh):
        with pytest.raises(L.LinAlgError):
            f(nanm)
    assert np.isnan(np.asarray(L.det(nanm)))
    r = np.asarray(L.inv(nanm))
    assert np.isnan(r).any()


def test_solve_broadcasting():
    rng = np.random.default_rng(4)
    a = rng.standard_normal((2, 1, 3, 3)) + 3 * np.eye(3)
    b = rng.standard_normal((4, 3, 2))
    close(L.solve(ac.asarray(a), ac.asarray(b)), np.linalg.solve(a, b), 1e-10)
    v = rng.standard_normal(3)
    close(L.solve(ac.asarray(a), ac.asarray(v)), np.linalg.solve(a, v), 1e-10)
    for n in (3, 20):
        a = rng.standard_normal((5, n, n)) + n * np.eye(n)
        b = rng.standard_normal((5, n, 4))
        close(L.solve(ac.asarray(a).astype(ac.float32), ac.asarray(b)),
              np.linalg.solve(a.astype(np.float32), b), 1e-9)


def test_large_lapack_paths():
    # n > 8: the LAPACK paths of det/inv/solve, and float32 in its own precision
    rng = np.random.default_rng(5)
    for dt in DTYPES:
        x = well_conditioned(rng, (3,), 30, dt)
        close(L.det(ac.asarray(x)), np.linalg.det(x), tol(dt), 1e3)
        close(L.inv(ac.asarray(x)), np.linalg.inv(x), tol(dt), 10)
        b = rand(rng, (3, 30, 2), dt)
        close(L.solve(ac.asarray(x), ac.asarray(b)), np.linalg.solve(x, b), tol(dt), 10)


@pytest.mark.parametrize("dt", DTYPES)
def test_workspace_routines_larger_sizes(dt):
    # the routines that ask LAPACK for their workspace first (getri, geqrf,
    # orgqr, gesdd, syevd/heevd, geev, gelsd), at sizes where the blocked
    # code paths and large workspaces are used, in every precision
    rng = np.random.default_rng(11)
    t = tol(dt)
    for m, n in ((45, 30), (30, 45), (40, 40)):
        a = rand(rng, (2, m, n), dt)
        x = ac.asarray(a)
        for mode in ("reduced", "complete"):
            q, r = L.qr(x, mode=mode)
            q, r = np.asarray(q), np.asarray(r)
            close(q @ r, a, t, 50)
            close(np.conj(np.swapaxes(q, -1, -2)) @ q, np.broadcast_to(
                np.eye(q.shape[-1], dtype=dt), (2, q.shape[-1], q.shape[-1])), t, 50)
        for full in (False, True):
            u, s, vh = (np.asarray(v) for v in L.svd(x, full_matrices=full))
            k = min(m, n)
            close((u[..., :, :k] * s[..., None, :].astype(dt)) @ vh[..., :k, :], a, t, 50)
            close(s, np.linalg.svd(a, compute_uv=False), t, 50)
        close(L.svdvals(x), np.linalg.svd(a, compute_uv=False), t, 50)
        sol = np.asarray(L.lstsq(x[0], ac.asarray(a[1][:, :3]))[0])
        close(sol, np.linalg.lstsq(a[0], a[1][:, :3])[0], t, 500)
    # a rank-deficient least-squares problem: the minimum-norm solution
    a = (rand(rng, (40, 5), dt) @ rand(rng, (5, 30), dt)).astype(dt)
    b = rand(rng, (40, 2), dt)
    r1 = L.lstsq(ac.asarray(a), ac.asarray(b))
    # the default rcond is the input type's own machine precision: NumPy
    # computes float32/complex64 in float64 with float64's (rank 30 here)
    r2 = np.linalg.lstsq(a, b, rcond=np.finfo(dt).eps * 40)
    assert r1[2] == r2[2] == 5
    close(r1[0], r2[0], t, 500)
    close(r1[3], r2[3], t, 500)
    h = hpd(rng, (2,), 50, dt)
    w, v = L.eigh(ac.asarray(h))
    w, v = np.asarray(w), np.asarray(v)
    close(w, np.linalg.eigvalsh(h), t, 500)
    close(h @ v, v * w[..., None, :].astype(dt), t, 500)
    close(L.eigvalsh(ac.asarray(h)), np.linalg.eigvalsh(h), t, 500)
    g = well_conditioned(rng, (2,), 40, dt)
    w, v = L.eig(ac.asarray(g))
    w, v = np.asarray(w), np.asarray(v)
    close(g.astype(w.dtype) @ v, v * w[..., None, :], t, 500)
    np.testing.assert_allclose(np.sort_complex(w.ravel()),
                               np.sort_complex(np.linalg.eigvals(g).ravel()),
                               rtol=t * 500, atol=t * 500)
    close(L.inv(ac.asarray(g)), np.linalg.inv(g), t, 50)


@pytest.mark.parametrize("dt", DTYPES + ["int64"])
@pytest.mark.parametrize("n,k,m", [(40, 50, 60), (3, 300, 200), (128, 1, 128),
                                   (200, 200, 1)])
def test_matmul_blas_layouts(dt, n, k, m):
    rng = np.random.default_rng(6)
    x = rand(rng, (n, k), dt) if dt != "int64" else rng.integers(-9, 9, (n, k))
    y = rand(rng, (k, m), dt) if dt != "int64" else rng.integers(-9, 9, (k, m))
    t = tol(dt) * k if dt != "int64" else 0
    for kx in ("C", "F", "strided"):
        for ky in ("C", "F"):
            close(layout(x, kx) @ layout(y, ky), x @ y, t)
    s = np.stack([x, x + 1])
    close(L.matmul(ac.asarray(s), ac.asarray(y)), s @ y, t * 2)
    o = ac.matrix_transpose(ac.empty((m, n), dtype=ac.asarray(x).dtype))
    ac.matmul(ac.asarray(x), ac.asarray(y), out=o)
    close(o, x @ y, t)


def test_threads():
    rng = np.random.default_rng(7)
    mats = [well_conditioned(rng, (20,), 12, "float64") for _ in range(4)]
    errs = []

    def work(x):
        try:
            for _ in range(20):
                close(L.inv(ac.asarray(x)), np.linalg.inv(x), 1e-8)
                close(L.det(ac.asarray(x)), np.linalg.det(x), 1e-8, 1e3)
                w = np.asarray(L.eigvalsh(ac.asarray(x + np.swapaxes(x, -1, -2))))
                close(w, np.linalg.eigvalsh(x + np.swapaxes(x, -1, -2)), 1e-8, 100)
        except Exception as e:    # pragma: no cover - reported below
            errs.append(e)
    ts = [threading.Thread(target=work, args=(m,)) for m in mats]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errs, errs


def _run(code):
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd="/", timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_import_does_not_load_blas():
    out = _run(
        "import arraycore as ac\n"
        "maps = lambda: open('/proc/self/maps').read()\n"
        "print('openblas64_' in maps())\n"
        "ac.linalg.det(ac.eye(3))\n"
        "print('openblas64_' in maps())\n")
    assert out.split() == ["False", "True"]


def test_threadpoolctl():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    out = _run(
        "import arraycore as ac\n"
        "from threadpoolctl import threadpool_info, threadpool_limits\n"
        "ac.linalg.inv(ac.eye(3))\n"
        "mine = [i for i in threadpool_info() if 'scipy_openblas64' in i['filepath']]\n"
        "print(len(mine))\n"
        "with threadpool_limits(1):\n"
        "    print([i['num_threads'] for i in threadpool_info()\n"
        "           if 'scipy_openblas64' in i['filepath']])\n")
    lines = out.split("\n")
    assert lines[0] == "1"
    assert lines[1] == "[1]"
    del threadpoolctl


_ONE_COPY = (
    "import sys\n"
    "{first}\n"
    "{second}\n"
    "ac.linalg.det(ac.eye(3)); np.linalg.det(np.eye(3))\n"
    "from arraycore.linalg import _engine\n"
    "maps = {{l.split()[-1] for l in open('/proc/self/maps') if 'openblas64_' in l}}\n"
    "print(len(maps), _engine.library_path() in maps)\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
@pytest.mark.parametrize("numpy_first", [True, False])
def test_one_openblas_with_numpy(numpy_first):
    """With NumPy's wheel installed, arraycore loads NumPy's bundled copy of the
    same OpenBLAS build, so the process holds one copy (one pool of threads),
    whichever library comes first."""
    np_libs = glob.glob(os.path.join(os.path.dirname(os.path.dirname(np.__file__)),
                                     "numpy.libs", "libscipy_openblas64_*.so*"))
    if len(np_libs) != 1:
        pytest.skip("NumPy without a bundled scipy-openblas64 copy")
    imp = ["import numpy as np", "import arraycore as ac"]
    out = _run(_ONE_COPY.format(first=imp[not numpy_first], second=imp[numpy_first]))
    assert out.split() == ["1", "True"]


def test_package_copy_on_request_and_as_fallback():
    """ARRAYCORE_BLAS_LIBRARY=scipy-openblas64 loads the package's copy; when
    the first candidate cannot be loaded, the package's copy is next."""
    code = ("import os, arraycore as ac\n"
            "from arraycore.linalg import _engine\n"
            "import scipy_openblas64\n"
            "{setup}\n"
            "print(float(ac.linalg.det(ac.eye(3) * 2.0)))\n"
            "print(_engine.library_path().startswith(os.path.dirname(scipy_openblas64.__file__)))\n")
    env = dict(os.environ, ARRAYCORE_BLAS_LIBRARY="scipy-openblas64")
    r = subprocess.run([sys.executable, "-c", code.format(setup="")], capture_output=True,
                       text=True, cwd="/", timeout=300, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["8.0", "True"]
    out = _run(code.format(setup="_engine._numpy_copy = lambda: '/nonexistent/libscipy_openblas64_-x.so'"))
    assert out.split() == ["8.0", "True"]


_CTRL_C = r"""
import os, signal, threading, time
signal.signal(signal.SIGINT, signal.default_int_handler)
import arraycore as ac
a = ac.eye(48) * 2.0 + ac.ones((48, 48)) / 100
stack = ac.broadcast_to(a, (40000, 48, 48))
ac.linalg.inv(stack[:10])
threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
t0 = time.perf_counter()
try:
    ac.linalg.inv(stack)
    print("completed", time.perf_counter() - t0)
except KeyboardInterrupt:
    print("interrupted", time.perf_counter() - t0)
assert float(ac.linalg.det(ac.eye(3) * 2.0)) == 8.0
"""


def test_ctrl_c_between_matrices():
    # 40000 LAPACK inversions of 48x48 take seconds; SIGINT after 0.3 s stops
    # the stack between two matrices and raises KeyboardInterrupt
    out = _run(_CTRL_C).split()
    assert out[0] == "interrupted", out
