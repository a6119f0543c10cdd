"""Exact comparisons of signed integer arrays with uint64 arrays (issue 16):
the dedicated loops of src/ac_intcmp.c, checked against NumPy 2 (which
compares int64 with uint64 exactly) across memory layouts, broadcasting,
both argument orders, every comparison (function and operator forms, with
and without out=) and the extreme values 0, -1, 2**63-1, 2**63, 2**64-1.
Also integer arrays in any layout against Python ints beyond int64/uint64.
"""
import operator

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from _helpers import LAYOUTS, make_layout

import arraycore as ac

OPS = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
OPERATORS = {"equal": operator.eq, "not_equal": operator.ne, "less": operator.lt,
             "less_equal": operator.le, "greater": operator.gt,
             "greater_equal": operator.ge}
SIGNED = ["int8", "int16", "int32", "int64"]
EXTREMES = [0, -1, 1, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64 - 1, 2 ** 63 - 2, 127, -128]


def _elements(dt):
    """Values of dtype dt: the extremes it can hold, its limits, and any."""
    info = np.iinfo(dt)
    pool = [v for v in EXTREMES + [int(info.min), int(info.max)] if info.min <= v <= info.max]
    return st.one_of(st.sampled_from(pool), st.integers(int(info.min), int(info.max)))


@st.composite
def operand(draw, dt, shape):
    """(numpy array, arraycore array) of dtype dt and shape in a drawn layout,
    sharing memory."""
    a = draw(hnp.arrays(np.dtype(dt), shape, elements=_elements(dt)))
    layout = draw(st.sampled_from(LAYOUTS))
    perm = draw(st.permutations(range(a.ndim)))
    n = make_layout(a, layout, perm)
    return n, ac.asarray(n)


@st.composite
def signed_uint64_case(draw):
    shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=4,
                                                    max_side=4))
    sdt = draw(st.sampled_from(SIGNED))
    s = draw(operand(sdt, shapes.input_shapes[0]))
    u = draw(operand("uint64", shapes.input_shapes[1]))
    return s, u, shapes.result_shape


def _check(r, expected):
    r_np = np.asarray(r)
    assert r_np.dtype == np.bool_
    assert r_np.shape == np.shape(expected)
    assert r_np.tolist() == np.asarray(expected).tolist()


@settings(max_examples=300)
@given(signed_uint64_case(), st.sampled_from(OPS), st.booleans(),
       st.sampled_from(["func", "operator", "out", "where", "outer"]), st.data())
def test_signed_vs_uint64_matches_numpy(case, op, signed_left, form, data):
    (sn, sa), (un, ua), shape = case
    xn, yn, xa, ya = (sn, un, sa, ua) if signed_left else (un, sn, ua, sa)
    expected = getattr(np, op)(xn, yn)
    assert expected.shape == shape
    if form == "where":
        mask = data.draw(hnp.arrays(np.bool_, shape))
        start = data.draw(hnp.arrays(np.bool_, shape))
        out = ac.asarray(start.copy())
        r = getattr(ac, op)(xa, ya, where=ac.asarray(mask), out=out)
        assert r is out
        expected = getattr(np, op)(xn, yn, where=mask, out=start.copy())
    elif form == "outer":
        r = getattr(ac, op).outer(xa, ya)
        expected = getattr(np, op).outer(xn, yn)
    elif form == "func":
        r = getattr(ac, op)(xa, ya)
    elif form == "operator":
        r = OPERATORS[op](xa, ya)
    else:
        out = ac.ones(shape, dtype=ac.bool) if expected.size else ac.empty(shape, dtype=ac.bool)
        r = getattr(ac, op)(xa, ya, out=out)
        assert r is out
    _check(r, expected)
    # the inputs are left as they were
    assert np.asarray(sa).tolist() == sn.tolist()
    assert np.asarray(ua).tolist() == un.tolist()


_BIG_INTS = [2 ** 63, 2 ** 64 - 1, 2 ** 64, 10 ** 30, -2 ** 63 - 1, -2 ** 64, -1, 0,
             2 ** 63 - 1, -2 ** 63]


@given(st.sampled_from(SIGNED + ["uint8", "uint16", "uint32", "uint64"]), st.data(),
       st.sampled_from(_BIG_INTS), st.sampled_from(OPS), st.booleans())
def test_integer_array_vs_python_int_beyond_range(dt, data, v, op, array_left):
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4))
    n, a = data.draw(operand(dt, shape))
    f_ac, f_np = getattr(ac, op), getattr(np, op)
    if array_left:
        _check(f_ac(a, v), f_np(n, v))
    else:
        _check(f_ac(v, a), f_np(v, n))


@pytest.mark.parametrize("dt", SIGNED + ["uint8", "uint16", "uint32", "uint64"])
def test_contiguous_array_vs_python_int_at_the_type_limits(dt):
    # the fast path compares in the array's type when the int is one of its
    # values; one step beyond the limits goes to the exact general path
    info = np.iinfo(dt)
    lo, hi = int(info.min), int(info.max)
    n = np.array([lo, lo + 1, -1 if lo < 0 else 0, 0, 1, hi - 1, hi] * 3, dtype=dt)
    a = ac.asarray(n)
    for v in (lo - 1, lo, lo + 1, -1, 0, 1, hi - 1, hi, hi + 1, 2 ** 64, -2 ** 64):
        for op in OPS:
            _check(getattr(ac, op)(a, v), getattr(np, op)(n, v))
            _check(getattr(ac, op)(v, a), getattr(np, op)(v, n))
            _check(OPERATORS[op](a, v), OPERATORS[op](n, v))


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("sdt", SIGNED)
def test_long_runs_without_the_gil(op, sdt):
    """Long operands (the loop runs without the GIL, in chunks), contiguous,
    strided, reversed and with one side broadcast along an axis."""
    rng = np.random.default_rng(16)
    info = np.iinfo(sdt)
    n = 40_000
    s = rng.integers(info.min, info.max, size=n, dtype=sdt, endpoint=True)
    u = rng.integers(0, 2 ** 64 - 1, size=n, dtype=np.uint64, endpoint=True)
    s[::7] = -1
    s[1::7] = 0
    u[::5] = 2 ** 63
    u[2::11] = 2 ** 64 - 1
    u[3::13] = np.uint64(max(int(info.max), 0))
    u[4::17] = 0
    f_ac, f_np = getattr(ac, op), getattr(np, op)
    sa, ua = ac.asarray(s), ac.asarray(u)
    _check(f_ac(sa, ua), f_np(s, u))
    _check(f_ac(ua, sa), f_np(u, s))
    _check(f_ac(sa[::3], ua[::-3]), f_np(s[::3], u[::-3]))
    s2, u2 = s.reshape(200, 200), u[:200]
    _check(f_ac(ac.asarray(s2), ac.asarray(u2)), f_np(s2, u2))
    _check(f_ac(ac.asarray(u2), ac.asarray(s2).T), f_np(u2, s2.T))
    # a 0-d side
    _check(f_ac(sa, ac.asarray(np.uint64(2 ** 63))), f_np(s, np.uint64(2 ** 63)))
    _check(f_ac(ac.asarray(np.int64(-1)), ua), f_np(np.int64(-1), u))


def test_bad_broadcast_and_bad_out_raise():
    s = ac.asarray([-1, 0, 1], dtype=ac.int64)
    u = ac.asarray([0, 1], dtype=ac.uint64)
    with pytest.raises(ValueError):
        ac.less(s, u)
    u3 = ac.asarray([0, 1, 2 ** 64 - 1], dtype=ac.uint64)
    with pytest.raises(ValueError):
        ac.less(s, u3, out=ac.empty(2, dtype=ac.bool))
    ro = ac.empty(3, dtype=ac.bool)
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        ac.less(s, u3, out=ro)
