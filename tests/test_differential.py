"""Differential tests against NumPy (Hypothesis) for the areas issue 16's
attack found wrong answers in: every indexing form (basic, advanced, mixed
with Ellipsis and None, huge slice bounds, setitem including overlapping
values), comparisons and promotion with values at the integer limits and
Python ints beyond them, and the ufunc methods (reduce identities for every
dtype, accumulate, reduceat, outer, at with slices and tuples)."""
import operator

import numpy as np
import pytest
from hypothesis import assume, given, strategies as st

ac = pytest.importorskip("arraycore")

INT_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
ALL_DTYPES = ["bool"] + INT_DTYPES + ["float32", "float64", "complex128"]
BIG = [2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64, -2 ** 63, -2 ** 63 - 1, 10 ** 20, -10 ** 20]


def _same(a, n):
    """arraycore result a equals NumPy result n: dtype, shape and values."""
    n = np.asarray(n)
    assert a.shape == n.shape
    assert str(a.dtype) == str(n.dtype), (a.dtype, n.dtype)
    got = np.asarray(a.tolist(), dtype=n.dtype).reshape(n.shape)
    if n.dtype.kind in "fc":
        np.testing.assert_allclose(got, n, rtol=1e-6, atol=0, equal_nan=True)
    else:
        assert got.tolist() == n.tolist()


def _outcome(fn):
    try:
        return "ok", fn()
    except (IndexError, ValueError, TypeError, OverflowError) as e:
        return type(e).__name__, None


# ------------------------------------------------------------ indexing
_bounds = st.one_of(st.none(), st.integers(-6, 6), st.sampled_from([2 ** 63 - 1, -2 ** 63]))
_steps = st.one_of(st.none(), st.sampled_from([1, 2, 3, -1, -2, 2 ** 63 - 1, -2 ** 63 + 1]))


@st.composite
def index_case(draw):
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=1, max_size=4)))
    parts = []
    used = 0
    ell = False
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["int", "slice", "none", "ell", "arr", "mask"]))
        if kind == "ell":
            if ell:
                continue
            ell = True
            parts.append(Ellipsis)
        elif kind == "none":
            parts.append(None)
        elif used >= len(shape):
            continue
        elif kind == "int":
            n = shape[used]
            if n == 0:
                continue
            parts.append(draw(st.integers(-n, n - 1)))
            used += 1
        elif kind == "slice":
            parts.append(slice(draw(_bounds), draw(_bounds), draw(_steps)))
            used += 1
        elif kind == "arr":
            n = shape[used]
            if n == 0:
                continue
            parts.append(np.array(draw(st.lists(st.integers(-n, n - 1), max_size=3)),
                                  dtype=np.int64))
            used += 1
        elif not ell:
            # a mask's length must match its axis: only before any Ellipsis is
            # that axis known here (`used` counts from the left)
            n = shape[used]
            parts.append(np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)),
                                  dtype=bool))
            used += 1
    return shape, tuple(parts)


def _ac_key(key):
    return tuple(ac.asarray(k) if isinstance(k, np.ndarray) else k for k in key)


@given(index_case())
def test_getitem_matches_numpy(case):
    shape, key = case
    n = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    a = ac.asarray(n)
    kn, _ = _outcome(lambda: n[key])
    ka, r = _outcome(lambda: a[_ac_key(key)])
    assert ka == kn
    if kn == "ok":
        _same(r, n[key])


@given(index_case(), st.booleans())
def test_setitem_matches_numpy(case, overlap):
    shape, key = case
    n = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    a = ac.asarray(n.copy())
    try:
        sel = n[key]
    except (IndexError, ValueError):
        return
    if overlap and sel.ndim >= 1:
        # the value is a view of the array itself (reversed): overlapping memory
        m = n.copy()
        m[key] = m[key][::-1].copy()
        a[_ac_key(key)] = a[_ac_key(key)][::-1]
    else:
        m = n.copy()
        m[key] = -1.0 - np.arange(sel.size).reshape(sel.shape)
        a[_ac_key(key)] = ac.asarray(-1.0 - np.arange(sel.size).reshape(sel.shape))
    _same(a, m)


@given(st.integers(1, 4), st.integers(1, 4), st.sampled_from(["T", "rev", "same", "roll"]))
def test_assign_from_overlapping_view(r, c, kind):
    n = np.arange(float(r * c)).reshape(r, c)
    if kind == "T":
        n = np.arange(float(r * r)).reshape(r, r)
    a = ac.asarray(n.copy())
    m = n.copy()
    if kind == "T":
        m[...] = m.T.copy()
        a[...] = a.T
    elif kind == "rev":
        m[...] = m[::-1, ::-1].copy()
        a[...] = a[::-1, ::-1]
    elif kind == "same":
        a[...] = a
    else:
        m[:, 1:] = m[:, :-1].copy()
        a[:, 1:] = a[:, :-1]
    _same(a, m)


# ------------------------------------------- comparisons and promotion
@st.composite
def limit_array(draw, dtypes=INT_DTYPES):
    dt = draw(st.sampled_from(dtypes))
    info = np.iinfo(dt)
    pool = [info.min, info.min + 1, -1, 0, 1, info.max - 1, info.max]
    vals = draw(st.lists(st.sampled_from([v for v in pool if info.min <= v <= info.max]),
                         min_size=1, max_size=5))
    return np.array(vals, dtype=dt)


_CMP = [operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge]


@given(limit_array(), limit_array(), st.sampled_from(_CMP))
def test_compare_arrays_at_limits(x, y, op):
    k = min(len(x), len(y))
    x, y = x[:k], y[:k]
    _same(op(ac.asarray(x), ac.asarray(y)), op(x, y))


@given(limit_array(), st.one_of(st.sampled_from(BIG), st.integers(-300, 300)),
       st.sampled_from(_CMP), st.booleans())
def test_compare_with_python_int(x, v, op, swap):
    a = ac.asarray(x)
    if swap:
        _same(op(v, a), op(v, x))
    else:
        _same(op(a, v), op(x, v))


@given(limit_array(), limit_array(), st.sampled_from([operator.add, operator.mul,
                                                      operator.sub]))
def test_promotion_of_arrays_at_limits(x, y, op):
    k = min(len(x), len(y))
    x, y = x[:k], y[:k]
    with np.errstate(all="ignore"):
        n = op(x, y)
    with ac.errstate(all="ignore"):
        r = op(ac.asarray(x), ac.asarray(y))
    _same(r, n)


@given(limit_array(), st.one_of(st.sampled_from(BIG), st.integers(-300, 300)))
def test_promotion_with_python_int(x, v):
    kn, n = _outcome(lambda: np.add(x, v))
    with ac.errstate(all="ignore"):
        ka, r = _outcome(lambda: ac.add(ac.asarray(x), v))
    assert ka == kn
    if kn == "ok":
        _same(r, n)


# ------------------------------------------------------ ufunc methods
_REDUCERS = ["add", "multiply", "maximum", "minimum", "bitwise_and", "bitwise_or",
             "bitwise_xor", "logical_and", "logical_or", "logical_xor"]


def _applicable(name, dt):
    if name.startswith("bitwise"):
        return dt == "bool" or dt in INT_DTYPES
    if name.startswith("logical"):
        return dt == "bool"          # arraycore's logical ufuncs take bool (Array API)
    return True


@st.composite
def method_case(draw):
    name = draw(st.sampled_from(_REDUCERS))
    dt = draw(st.sampled_from([d for d in ALL_DTYPES if _applicable(name, d)]))
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=1, max_size=3)))
    size = int(np.prod(shape))
    if dt == "bool":
        vals = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    elif dt in INT_DTYPES:
        info = np.iinfo(dt)
        vals = draw(st.lists(st.sampled_from([info.min, info.max, 0, 1, 3, info.max - 2]),
                             min_size=size, max_size=size))
    else:
        vals = draw(st.lists(st.sampled_from([0.0, 1.5, -2.0, 3.0]), min_size=size,
                             max_size=size))
    return name, np.array(vals, dtype=dt).reshape(shape)


@given(method_case(), st.data())
def test_reduce_and_accumulate(case, data):
    name, n = case
    a = ac.asarray(n)
    f_np, f_ac = getattr(np, name), getattr(ac, name)
    axis = data.draw(st.sampled_from([None, 0, -1] + ([(0, n.ndim - 1)] if n.ndim > 1 else [])))
    with np.errstate(all="ignore"), ac.errstate(all="ignore"):
        kn, rn = _outcome(lambda: f_np.reduce(n, axis=axis))
        ka, ra = _outcome(lambda: f_ac.reduce(a, axis=axis))
        assert ka == kn, (name, n.dtype, axis)
        if kn == "ok":
            _same(ra, rn)
        ax = data.draw(st.integers(-n.ndim, n.ndim - 1))
        kn, rn = _outcome(lambda: f_np.accumulate(n, axis=ax))
        ka, ra = _outcome(lambda: f_ac.accumulate(a, axis=ax))
        assert ka == kn
        if kn == "ok":
            _same(ra, rn)


@given(method_case(), st.data())
def test_reduceat_and_outer(case, data):
    name, n = case
    assume(n.ndim >= 1 and n.shape[0] > 0)
    a = ac.asarray(n)
    f_np, f_ac = getattr(np, name), getattr(ac, name)
    idx = data.draw(st.lists(st.integers(0, n.shape[0] - 1), min_size=1, max_size=4))
    with np.errstate(all="ignore"), ac.errstate(all="ignore"):
        _same(f_ac.reduceat(a, idx, axis=0), f_np.reduceat(n, idx, axis=0))
        v = n.reshape(-1)[:3]
        _same(f_ac.outer(ac.asarray(v), ac.asarray(v)), f_np.outer(v, v))


@given(method_case(), st.data())
def test_at_with_slices_and_tuples(case, data):
    name, n = case
    assume(n.size > 0 and name in ("add", "multiply", "maximum", "minimum", "bitwise_or"))
    key = tuple(data.draw(st.one_of(
        st.integers(-s, s - 1),
        st.builds(slice, st.none() | st.integers(-4, 4), st.none() | st.integers(-4, 4),
                  st.sampled_from([None, 1, 2, -1, -2])),
        st.lists(st.integers(-s, s - 1), min_size=1, max_size=4).map(np.array)))
        for s in n.shape[:data.draw(st.integers(1, n.ndim))])
    k_ac = tuple(ac.asarray(k) if isinstance(k, np.ndarray) else k for k in key)
    m, a = n.copy(), ac.asarray(n.copy())
    b = np.array(1, dtype=n.dtype) if n.dtype != bool else np.array(True)
    with np.errstate(all="ignore"), ac.errstate(all="ignore"):
        kn, _ = _outcome(lambda: getattr(np, name).at(m, key, b))
        ka, _ = _outcome(lambda: getattr(ac, name).at(a, k_ac, ac.asarray(b)))
    assert ka == kn
    if kn == "ok":
        _same(a, m)
