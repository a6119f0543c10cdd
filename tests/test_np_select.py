"""NumPy-named sorting/selection, unique and set functions, window functions
(issue 12), against NumPy over dtypes, shapes and layouts."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from _helpers import xp, pairs, assert_array, to_numpy, DTYPE_NAMES

S = settings(max_examples=40, deadline=None)
ORDERED = [n for n in DTYPE_NAMES]


def same(got, exp):
    if isinstance(exp, tuple):
        assert isinstance(got, tuple) and len(got) == len(exp)
        for g, e in zip(got, exp):
            same(g, e)
    else:
        assert_array(got, exp, exact_byteorder=False)


def _ints(n):
    return n if n.dtype.kind != "f" else np.nan_to_num(n)


@S
@given(pairs(["int8", "float64", "bool", "uint16"], min_dims=1, max_dims=2), st.data())
def test_lexsort(nx, data):
    n, x = nx
    m = data.draw(pairs([n.dtype.name], shape=n.shape))[0]
    ax = data.draw(st.integers(-n.ndim, n.ndim - 1))
    same(xp.lexsort((x, xp.asarray(m)), axis=ax), np.lexsort((n, m), axis=ax))
    same(xp.lexsort(xp.asarray(np.stack([n, m]))), np.lexsort(np.stack([n, m])))


@S
@given(pairs(ORDERED, min_dims=1, max_dims=3, min_side=1), st.data())
def test_partition(nx, data):
    n, x = nx
    ax = data.draw(st.integers(-n.ndim, n.ndim - 1))
    size = n.shape[ax]
    kth = data.draw(st.integers(-size, size - 1) |
                    st.lists(st.integers(0, size - 1), min_size=1, max_size=3))
    p = to_numpy(xp.partition(x, kth, axis=ax))
    srt = np.sort(n, axis=ax)
    assert p.dtype.newbyteorder("=") == n.dtype.newbyteorder("=")
    ks = [kth] if isinstance(kth, int) else kth
    pm = np.moveaxis(p, ax, -1)
    sm = np.moveaxis(srt, ax, -1)
    for k in ks:
        k %= size
        np.testing.assert_array_equal(pm[..., k], sm[..., k])
    # the multiset of each lane is unchanged
    np.testing.assert_array_equal(np.sort(pm, axis=-1), sm)
    ip = to_numpy(xp.argpartition(x, kth, axis=ax))
    taken = np.take_along_axis(n, ip, axis=ax)
    tm = np.moveaxis(taken, ax, -1)
    for k in ks:
        np.testing.assert_array_equal(tm[..., k % size], sm[..., k % size])
    with pytest.raises(ValueError):
        xp.partition(x, size, axis=ax)


def test_partition_big_and_flat():
    rng = np.random.default_rng(3)
    for dt in ["float64", "float32", "int64", "int16", "uint8"]:
        a = (rng.random((7, 3001)) * 200 - 100).astype(dt)
        k = [0, 17, 1500, 3000]
        p = to_numpy(xp.partition(xp.asarray(a), k))
        s = np.sort(a, axis=-1)
        np.testing.assert_array_equal(p[:, k], s[:, k])
        assert (p[:, :17] <= p[:, 17:18]).all() and (p[:, 18:] >= p[:, 17:18]).all()
    a = rng.random(50)
    a[::5] = np.nan
    p = to_numpy(xp.partition(xp.asarray(a), 45, axis=None))
    np.testing.assert_array_equal(p[45], np.sort(a)[45])


@S
@given(pairs(DTYPE_NAMES, max_dims=3))
def test_argwhere_flatnonzero_extract(nx):
    n, x = nx
    same(xp.argwhere(x), np.argwhere(n))
    same(xp.flatnonzero(x), np.flatnonzero(n))
    c = (np.arange(n.size) % 3 == 0).reshape(n.shape)
    same(xp.extract(xp.asarray(c), x), np.extract(c, n))


@S
@given(pairs(["float64", "int8", "int64", "complex64"], min_dims=1, max_dims=2), st.data())
def test_select_piecewise(nx, data):
    n, x = nx
    n = np.nan_to_num(n)
    x = xp.asarray(n)
    c1 = n.real > 0
    c2 = n.real < -1
    same(xp.select([xp.asarray(c1), xp.asarray(c2)], [x, x * 2], default=-7),
         np.select([c1, c2], [n, n * 2], default=-7))
    same(xp.select([xp.asarray(c1)], [1.5]), np.select([c1], [1.5]))
    with pytest.raises(TypeError):
        xp.select([x], [x])
    fl = [0, lambda v: v * 3]
    same(xp.piecewise(x, [xp.asarray(c1)], fl), np.piecewise(n, [c1], fl))
    same(xp.piecewise(x, [xp.asarray(c1), xp.asarray(c2)], [1, 2, 3]),
         np.piecewise(n, [c1, c2], [1, 2, 3]))
    with pytest.raises(ValueError):
        xp.piecewise(x, [xp.asarray(c1)], [1, 2, 3])


@S
@given(pairs(["float64", "int32", "uint8", "bool"], min_dims=1, max_dims=3, min_side=1),
       st.data())
def test_place_put(nx, data):
    n, x = nx
    n2 = n.copy()
    x2 = xp.asarray(n.copy())
    mask = (np.arange(n.size) % 2 == 0).reshape(n.shape)
    vals = data.draw(st.sampled_from([[1], [1, 2, 3], [0]]))
    np.place(n2, mask, vals)
    xp.place(x2, xp.asarray(mask), vals)
    same(x2, n2)
    ind = data.draw(st.lists(st.integers(-n.size, n.size - 1), min_size=1, max_size=5))
    v = data.draw(st.sampled_from([[5], [1, 0], [7, 8, 9, 10, 11]]))
    n3 = n.copy()
    x3 = xp.asarray(n.copy(order="F"))
    np.put(n3, ind, v)
    xp.put(x3, ind, v)
    same(x3, n3)
    for mode in ["wrap", "clip"]:
        big = [i + 3 * n.size for i in ind]
        n4 = n.copy()
        x4 = xp.asarray(n.copy())
        np.put(n4, big, v, mode=mode)
        xp.put(x4, big, v, mode=mode)
        same(x4, n4)
    with pytest.raises(IndexError):
        xp.put(xp.asarray(n.copy()), [n.size], [1])


@S
@given(pairs(["float64", "int16"], min_dims=1, max_dims=3, min_side=1), st.data())
def test_put_along_axis_compress_choose(nx, data):
    n, x = nx
    ax = data.draw(st.integers(0, n.ndim - 1))
    idx = np.argsort(n, axis=ax)[tuple(slice(0, 1) if d == ax else slice(None)
                                       for d in range(n.ndim))]
    n2 = n.copy()
    x2 = xp.asarray(n.copy())
    np.put_along_axis(n2, idx, 99, axis=ax)
    xp.put_along_axis(x2, xp.asarray(idx), 99, axis=ax)
    same(x2, n2)
    cond = data.draw(st.lists(st.booleans(), min_size=0, max_size=n.shape[ax]))
    same(xp.compress(cond, x, axis=ax), np.compress(cond, n, axis=ax))
    same(xp.compress(cond, x), np.compress(cond, n))
    sel = (np.arange(n.size) % 3).reshape(n.shape)
    ch = [n, n * 2, np.zeros_like(n)]
    same(xp.choose(xp.asarray(sel), [xp.asarray(c) for c in ch]), np.choose(sel, ch))
    same(xp.choose(xp.asarray(sel + 2), [xp.asarray(c) for c in ch], mode="wrap"),
         np.choose(sel + 2, ch, mode="wrap"))
    same(xp.choose(xp.asarray(sel + 2), [xp.asarray(c) for c in ch], mode="clip"),
         np.choose(sel + 2, ch, mode="clip"))
    with pytest.raises(ValueError):
        xp.choose(xp.asarray(sel + 3), [xp.asarray(c) for c in ch])


@S
@given(pairs(["float64", "int8", "uint8", "bool", "float32", "complex128"], max_dims=3),
       st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_unique(nx, ri, rv, rc, eqnan):
    n, x = nx
    e = np.unique(n, return_index=ri, return_inverse=rv, return_counts=rc, equal_nan=eqnan)
    g = xp.unique(x, return_index=ri, return_inverse=rv, return_counts=rc, equal_nan=eqnan)
    same(g, e)


@S
@given(pairs(["int8", "float32", "bool"], min_dims=1, max_dims=3), st.data(), st.booleans(),
       st.booleans())
def test_unique_axis(nx, data, ri, rc):
    n, x = nx
    n = np.nan_to_num(n)
    n = (n % 3).astype(n.dtype) if n.dtype.kind != "b" else n
    x = xp.asarray(n)
    ax = data.draw(st.integers(-n.ndim, n.ndim - 1))
    try:
        e = np.unique(n, return_index=ri, return_inverse=True, return_counts=rc, axis=ax)
    except (ValueError, TypeError):
        return
    g = xp.unique(x, return_index=ri, return_inverse=True, return_counts=rc, axis=ax)
    # NumPy's inverse for axis is 1-d (or shaped); compare values
    same(g[0], e[0])
    if ri:
        same(g[1], e[1])
    np.testing.assert_array_equal(to_numpy(g[1 + ri]).ravel(), np.asarray(e[1 + ri]).ravel())
    if rc:
        same(g[-1], e[-1])


@S
@given(pairs(["int16", "float64", "uint8"], max_dims=2), st.data(), st.booleans())
def test_set_functions(nx, data, ri):
    n, x = nx
    m = data.draw(pairs([n.dtype.name], max_dims=2))[0]
    y = xp.asarray(m)
    same(xp.union1d(x, y), np.union1d(n, m))
    same(xp.intersect1d(x, y), np.intersect1d(n, m))
    if ri:
        same(xp.intersect1d(x, y, return_indices=True), np.intersect1d(n, m, return_indices=True))
    same(xp.setdiff1d(x, y), np.setdiff1d(n, m))
    same(xp.setxor1d(x, y), np.setxor1d(n, m))
    u1, u2 = np.unique(n), np.unique(m)
    same(xp.intersect1d(xp.asarray(u1), xp.asarray(u2), assume_unique=True),
         np.intersect1d(u1, u2, assume_unique=True))
    same(xp.setdiff1d(xp.asarray(u1), xp.asarray(u2), assume_unique=True),
         np.setdiff1d(u1, u2, assume_unique=True))
    same(xp.setxor1d(xp.asarray(u1), xp.asarray(u2), assume_unique=True),
         np.setxor1d(u1, u2, assume_unique=True))


@pytest.mark.parametrize("M", [-1, 0, 1, 2, 3, 10, 51])
def test_windows(M):
    for f in ["hanning", "hamming", "blackman", "bartlett"]:
        e = getattr(np, f)(M)
        g = to_numpy(getattr(xp, f)(M))
        assert g.dtype == e.dtype and g.shape == e.shape
        np.testing.assert_allclose(g, e, rtol=1e-13, atol=1e-15)
    for beta in [0.0, 5.0, 14.0, 40.0]:
        if M < 1:
            continue
        e = np.kaiser(M, beta)
        np.testing.assert_allclose(to_numpy(xp.kaiser(M, beta)), e, rtol=1e-12, atol=1e-15)
    v = np.linspace(-30, 30, 41)
    np.testing.assert_allclose(to_numpy(xp.i0(xp.asarray(v))), np.i0(v), rtol=1e-13)
