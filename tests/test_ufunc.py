"""Element-wise ufuncs against NumPy: every loop of every built-in ufunc, over
values with NaN, infinities and signed zeros, in every memory layout; type
resolution (mixed dtypes, NEP 50 Python scalars); out=, where=, casting=,
dtype=; the ndarray operators; __array_ufunc__; bad input."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from hypothesis.extra import numpy as hnp

import arraycore as ac
from _helpers import xp, IS_NUMPY, LAYOUTS, make_layout, to_numpy, assert_array, shapes

ALL_UFUNCS = {k: v for k, v in ac._ufunc.builtin_ufuncs().items()}
NAMES = sorted({u.__name__ for u in ALL_UFUNCS.values()})
NP_FUNC = {"round": np.round, "real": np.real, "imag": np.imag, "conj": np.conjugate}
# results compared with a tolerance (libm implementations differ in the last bits)
INEXACT = {"exp", "expm1", "log", "log1p", "log2", "log10", "logaddexp", "sin", "cos",
           "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
           "atanh", "atan2", "hypot", "pow", "sqrt", "divide", "reciprocal", "sign",
           "abs", "square", "multiply"}
# the NumPy-named ufuncs of issue 12 that go through libm (or a rounded constant)
INEXACT |= {"cbrt", "exp2", "logaddexp2", "float_power", "deg2rad", "rad2deg"}


def npfunc(name):
    return NP_FUNC.get(name) or getattr(np, name)


def xpfunc(name):
    return getattr(xp, name)


def compare(got, exp, name, dt):
    got = to_numpy(got)
    exp = np.asarray(exp)
    assert got.shape == exp.shape, (got.shape, exp.shape)
    assert got.dtype == exp.dtype.newbyteorder("="), (name, got.dtype, exp.dtype)
    if name in INEXACT and exp.dtype.kind in "fc":
        rtol = {2: 2e-3, 4: 4e-6, 8: 4e-15, 16: 4e-15}[exp.dtype.itemsize]
        if exp.dtype.kind == "c":
            rtol = {8: 4e-6, 16: 4e-15}[exp.dtype.itemsize]
            fin = np.isfinite(exp) & np.isfinite(got)
            # complex results: a small error relative to the modulus (components
            # suffer cancellation that the algorithms treat differently)
            err = np.abs(got[fin] - exp[fin])
            assert np.all(err <= 8 * rtol * np.abs(exp[fin]) + np.finfo(exp.real.dtype).tiny * 8), \
                (name, got, exp)
            got, exp = got[~fin], exp[~fin]
        for part in ((got.real, exp.real), (got.imag, exp.imag)) if exp.dtype.kind == "c" \
                else ((got, exp),):
            g, e = part
            np.testing.assert_array_equal(np.isnan(g), np.isnan(e), err_msg=name)
            fin = np.isfinite(e) & np.isfinite(g)
            np.testing.assert_array_equal(g[~fin & ~np.isnan(e)], e[~fin & ~np.isnan(e)],
                                          err_msg=name)
            tiny = np.finfo(e.dtype).tiny
            np.testing.assert_allclose(g[fin], e[fin], rtol=rtol,
                                       atol=tiny * 4 if name not in ("sin", "tan") else
                                       np.finfo(e.dtype).eps, err_msg=name)
    else:
        np.testing.assert_array_equal(got, exp, err_msg=f"{name} {dt}")


def _sig_inputs(name):
    u = ALL_UFUNCS[name]
    return [t.split("->")[0] for t in u.types]


@st.composite
def ufunc_case(draw, name):
    sig = draw(st.sampled_from(_sig_inputs(name)))
    shape = draw(shapes(max_dims=3, max_side=4))
    arrays = []
    for i, c in enumerate(sig):
        dt = np.dtype(c)
        # inputs broadcast against each other: some axes of size 1
        shp = tuple(draw(st.sampled_from([n, 1])) for n in shape) if i else shape
        a = draw(hnp.arrays(dt, shp, elements=_elements(name, dt, i)))
        layout = draw(st.sampled_from(LAYOUTS))
        arrays.append(make_layout(a, layout))
    return sig, arrays


def _elements(name, dt, i):
    if name in ("expm1", "log1p", "multiply", "square", "pow", "divide", "reciprocal") \
            and dt.kind == "c":
        # expm1/log1p: NumPy does not apply the standard's special cases (see
        # test_complex_special_cases_of_the_standard); products: NumPy's SIMD
        # loops fuse multiply-adds, so overflow thresholds differ in the last
        # bit.  Compare on finite, moderate values
        return st.complex_numbers(allow_nan=False, allow_infinity=False,
                                  max_magnitude=1e15, width=8 * dt.itemsize)
    if name in ("pow",) and dt.kind in "iu" and i == 1:
        return st.integers(0, 8 if dt.itemsize > 1 else 3)
    if name in ("bitwise_left_shift", "bitwise_right_shift") and dt.kind in "iu" and i == 1:
        return st.integers(0, 8 * dt.itemsize + 2) if dt.kind == "u" else \
            st.integers(-2, 8 * dt.itemsize + 2)
    return None


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_ufunc_matches_numpy(name, data):
    sig, arrays = data.draw(ufunc_case(name))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exp = npfunc(name)(*arrays)
        got = xpfunc(name)(*[xp.asarray(a) for a in arrays])
        if name == "floor_divide" and not IS_NUMPY:
            exp = _floor_divide_of_the_standard(arrays, exp)
        if name == "divmod" and not IS_NUMPY:       # its quotient is floor_divide's
            exp = (_floor_divide_of_the_standard(arrays, exp[0]), exp[1])
        if name == "sign" and not IS_NUMPY:
            exp = _complex_sign_without_overflow(arrays, exp)
    if isinstance(exp, tuple):                      # two outputs (modf, divmod)
        assert isinstance(got, tuple) and len(got) == len(exp), (name, got)
        for g, e in zip(got, exp):
            compare(g, e, name, sig)
    else:
        compare(got, exp, name, sig)


def _complex_sign_without_overflow(arrays, exp):
    """NumPy's sign, except for finite complex z whose modulus overflows
    (1.3e308 + 1.3e308j: NumPy gives 1j), where arraycore gives z / |z| (from
    z / 4, exact) as the standard defines it."""
    exp = np.asarray(exp)
    if exp.dtype.kind != "c":
        return exp
    a = np.broadcast_to(arrays[0], exp.shape).astype(exp.dtype)
    big = np.isfinite(a) & np.isinf(np.abs(a))
    q = a / 4
    return np.where(big, q / np.abs(q), exp)


def _floor_divide_of_the_standard(arrays, exp):
    """NumPy's floor_divide with the Array API's cases for infinite operands,
    which arraycore follows (a deliberate difference, docs/python_api.rst):
    +-inf // finite nonzero and finite // +-inf are the quotient a / b."""
    exp = np.asarray(exp)
    if exp.dtype.kind != "f":
        return exp
    a, b = (np.broadcast_to(x, exp.shape).astype(exp.dtype) for x in arrays)
    q = a / b
    fix = (np.isinf(a) & np.isfinite(b) & (b != 0)) | (np.isfinite(a) & np.isinf(b))
    return np.where(fix, q, exp)


# ---------------------------------------------------------------- resolution
BINARY = [n for n in NAMES if ALL_UFUNCS[n].nin == 2]
DT = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
      "float16", "float32", "float64", "complex64", "complex128"]


@pytest.mark.parametrize("name", ["add", "multiply", "less", "maximum", "divide",
                                  "floor_divide", "bitwise_and", "atan2", "logical_or"])
@pytest.mark.parametrize("d1", DT)
def test_mixed_dtypes(name, d1):
    for d2 in DT:
        a = np.array([1, 0, 3], dtype=d1)
        b = np.array([2, 5, 1], dtype=d2)
        try:
            with np.errstate(all="ignore"):
                exp = npfunc(name)(a, b)
        except TypeError:
            with pytest.raises(TypeError, match=name):
                xpfunc(name)(xp.asarray(a), xp.asarray(b))
            continue
        got = xpfunc(name)(xp.asarray(a), xp.asarray(b))
        compare(got, exp, name, (d1, d2))


@pytest.mark.parametrize("d", DT)
@pytest.mark.parametrize("scalar", [True, 2, -3, 2.5, -0.0, float("inf"), 1 + 2j])
@pytest.mark.parametrize("name", ["add", "multiply", "subtract", "less", "maximum", "divide"])
def test_python_scalars_are_weak(name, d, scalar):
    a = np.array([1, 0, 3], dtype=d)
    for args in ((a, scalar), (scalar, a)):
        try:
            with np.errstate(all="ignore"):
                exp = npfunc(name)(*args)
        except (TypeError, OverflowError) as e:
            with pytest.raises(type(e)):
                xpfunc(name)(*[xp.asarray(x) if isinstance(x, np.ndarray) else x
                               for x in args])
            continue
        with np.errstate(all="ignore"):
            got = xpfunc(name)(*[xp.asarray(x) if isinstance(x, np.ndarray) else x
                                 for x in args])
        compare(got, exp, name, args)


def test_negative_integer_powers_are_an_error():
    with pytest.raises(ValueError, match="negative integer powers"):
        xp.pow(xp.asarray([2, 3]), -1)
    with pytest.raises(ValueError, match="negative integer powers"):
        xp.asarray([2, 3]) ** xp.asarray([1, -2])
    assert_array(xp.pow(xp.asarray([2, 3]), 2), [4, 9])
    assert_array(xp.pow(xp.asarray([2.0]), -1), [0.5])


def test_scalar_out_of_range_is_overflow_error():
    with pytest.raises(OverflowError):
        xp.asarray([1, 2], dtype=xp.int8) + 300


def test_only_scalars_give_default_types():
    assert_array(xp.add(1, 2), np.add(1, 2))
    assert_array(xp.multiply(1.5, 2), np.multiply(1.5, 2))
    assert_array(xp.less(1, 2.5), np.less(1, 2.5))


# ---------------------------------------------------------------- keyword arguments
def test_out_and_casting():
    a = xp.asarray([1.0, 2.0, 3.0])
    o = xp.empty(3)
    r = xp.add(a, 1.0, out=o)
    assert r is o
    assert_array(o, [2.0, 3.0, 4.0])
    r = xp.add(a, a, out=(o,))
    assert r is o
    oi = xp.zeros(3, dtype=xp.int64)
    with pytest.raises(TypeError, match="add"):
        xp.add(a, a, out=oi)
    assert_array(oi, np.zeros(3, dtype=np.int64))       # left unchanged
    xp.add(a, a, out=oi, casting="unsafe")
    assert_array(oi, [2, 4, 6])
    with pytest.raises(ValueError):
        xp.add(a, a, out=xp.empty(4))
    with pytest.raises(ValueError):
        xp.add(xp.ones((2, 3)), 1.0, out=xp.empty(3))      # out cannot broadcast
    with pytest.raises(TypeError):
        xp.add(a, a, out=[1, 2, 3])
    # out in another dtype and byte order
    ob = np.zeros(3, dtype=">f4")
    xob = xp.asarray(ob)
    xp.add(a, a, out=xob)
    np.testing.assert_array_equal(ob, [2, 4, 6])


def test_out_overlapping_input():
    n = np.arange(10.0)
    x = xp.asarray(n.copy())
    xp.add(x[:-1], x[1:], out=x[1:])
    n[1:] = n[:-1] + n[1:]
    assert_array(x, n)
    x = xp.asarray(np.arange(10.0))
    xp.negative(x[::-1], out=x)
    assert_array(x, -np.arange(10.0)[::-1])



@pytest.mark.parametrize("form", ["kw", "kwtuple", "positional"])
@pytest.mark.parametrize("case", ["fresh", "in_place", "second_in_place", "overlap_shift",
                                  "read_only", "other_dtype", "other_shape", "strided",
                                  "scalar", "swapped"])
def test_out_forms_match_numpy(form, case):
    """The call forms out=o, out=(o,) and f(x, y, o) on every kind of output
    (the fast path takes the plain ones; the rest must still get NumPy's
    result or NumPy's error)."""
    base = np.arange(1.0, 13.0)

    def run(mod, arr):
        buf = arr(base.copy())
        a, b = buf[:6], arr(np.linspace(-2.0, 3.0, 6))
        if case == "fresh":
            o = mod.zeros(6)
        elif case == "in_place":
            o = a
        elif case == "second_in_place":
            a, o = b, b
        elif case == "overlap_shift":
            o = buf[1:7]                 # partly over a
        elif case == "other_dtype":
            o = mod.zeros(6, dtype=mod.float32)
        elif case == "other_shape":
            o = mod.zeros(5)
        elif case == "strided":
            o = mod.zeros(12)[::2]
        elif case == "scalar":
            b = 2.5
            o = mod.zeros(6)
        else:
            o = arr(np.zeros(6, dtype=">f8"))
        call = {"kw": lambda: mod.subtract(a, b, out=o),
                "kwtuple": lambda: mod.subtract(a, b, out=(o,)),
                "positional": lambda: mod.subtract(a, b, o)}[form]
        try:
            r = call()
        except (TypeError, ValueError) as e:
            return type(e), np.asarray(buf).copy()
        assert r is o
        return np.asarray(o).copy(), np.asarray(buf).copy()

    if case == "read_only":             # a read-only NumPy buffer, imported without a copy
        ro = np.zeros(6)
        ro.flags.writeable = False
        o = xp.asarray(ro)
        with pytest.raises(ValueError):
            {"kw": lambda: xp.subtract(xp.asarray(base[:6]), 1.0, out=o),
             "kwtuple": lambda: xp.subtract(xp.asarray(base[:6]), 1.0, out=(o,)),
             "positional": lambda: xp.subtract(xp.asarray(base[:6]), 1.0, o)}[form]()
        assert not ro.any()
        return
    want = run(np, np.asarray)
    got = run(xp, lambda v: xp.asarray(v))
    if isinstance(want[0], type):
        assert got[0] is want[0]
    else:
        np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])


def test_where():
    a = xp.asarray([1.0, 2.0, 3.0, 4.0])
    o = xp.full(4, -1.0)
    m = xp.asarray([True, False, True, False])
    xp.add(a, 10.0, out=o, where=m)
    assert_array(o, [11.0, -1.0, 13.0, -1.0])
    r = xp.add(a, 10.0, where=xp.asarray(True))
    assert_array(r, [11.0, 12.0, 13.0, 14.0])
    with pytest.raises(ValueError):
        xp.add(a, 1.0, out=o, where=xp.asarray([True, False]))


def test_dtype_and_signature():
    a = xp.asarray([1, 2, 3], dtype=xp.int32)
    assert_array(xp.add(a, a, dtype=xp.float64), np.add(np.int32([1, 2, 3]),
                                                        np.int32([1, 2, 3]), dtype=np.float64))
    assert_array(xp.add(a, a, signature="dd->d"), [2.0, 4.0, 6.0])
    with pytest.raises(TypeError):
        xp.add(a, a, dtype=xp.int8, casting="safe")


def test_order():
    a = xp.ones((3, 4))
    assert xp.add(a, a, order="F").flags.f_contiguous
    t = xp.ones((4, 3)).T
    r = xp.add(t, t)
    assert r.strides == t.strides                  # K keeps the layout


def test_bad_calls():
    a = xp.asarray([1.0])
    with pytest.raises(TypeError, match="add"):
        xp.add(a)
    with pytest.raises(TypeError, match="add"):
        xp.add(a, a, a, a)
    with pytest.raises(TypeError, match="bitwise_and"):
        xp.bitwise_and(a, a)
    with pytest.raises(ValueError):
        xp.add(a, a, out=a, casting="bogus")
    with pytest.raises(ValueError):
        xp.add(xp.ones(3), xp.ones(4))
    ro = xp.asarray(np.ones(3))
    n = np.ones(3)
    n.flags.writeable = False
    with pytest.raises(ValueError):
        xp.add(ro, ro, out=xp.asarray(n))


def test_every_call_form_through_vectorcall():
    # calls arrive by vectorcall: the fast path takes positional inputs, a
    # positional out and out=; every other form goes to ufunc.__call__ with
    # the same results and errors, and no reference is lost or leaked
    import sys
    a = ac.asarray(np.arange(6.0))
    o = ac.empty(6)
    e = np.arange(6.0) * 2
    forms = [lambda: ac.add(a, a), lambda: ac.add(a, a, o), lambda: ac.add(a, a, out=o),
             lambda: ac.add(a, a, out=(o,)), lambda: ac.add(a, a, None),
             lambda: ac.add(a, a, out=None), lambda: ac.add(a, a, o, casting="unsafe"),
             lambda: ac.add(a, a, where=True), lambda: ac.add(*(a, a), **{"out": o}),
             lambda: ac.add.__call__(a, a), lambda: ac.add(a, 1.0 * a, dtype=ac.float64),
             lambda: ac.add(a, a, signature=(None, None, ac.float64))]
    before = (sys.getrefcount(a), sys.getrefcount(o))
    for _ in range(3):
        for f in forms:
            assert_array(f(), e)
    q, r = ac.divmod(a, 4.0)                    # two outputs: the general path
    assert_array(q, np.arange(6.0) // 4) and assert_array(r, np.arange(6.0) % 4)
    assert (sys.getrefcount(a), sys.getrefcount(o)) == before
    with pytest.raises(TypeError, match="unexpected keyword"):
        ac.add(a, a, bogus=1)
    with pytest.raises(TypeError, match="add"):
        ac.add(a, a, o, out=o)
    with pytest.raises(TypeError, match="add"):
        ac.add()
    with pytest.raises(ValueError):
        ac.add(a, a, out=ac.empty(5))
    ro = ac.asarray(np.ones(6))
    n = np.ones(6)
    n.flags.writeable = False
    with pytest.raises(ValueError):
        ac.add(ro, ro, ac.asarray(n))
    assert (sys.getrefcount(a), sys.getrefcount(o)) == before


def test_attributes():
    assert ac.add.nin == 2 and ac.add.nout == 1 and ac.add.nargs == 3
    assert ac.add.identity == 0 and ac.multiply.identity == 1
    assert ac.maximum.identity is None
    assert "dd->d" in ac.add.types and ac.add.ntypes == len(ac.add.types)
    assert ac.add.signature is None
    assert "Add" in ac.add.__doc__
    assert repr(ac.add) == "<ufunc 'add'>"
    assert ac.sqrt.__name__ == "sqrt"


def test_pickle_builtin_ufuncs():
    import pickle
    assert pickle.loads(pickle.dumps(ac.add)) is ac.add
    assert pickle.loads(pickle.dumps(ac.atan2)) is ac.atan2
    assert pickle.loads(pickle.dumps(ac.matmul)) is ac.matmul
    with pytest.raises(LookupError):
        ac._ufunc._ufunc_by_name("no_such_ufunc")


# ---------------------------------------------------------------- operators
OPS = [("__add__", np.add), ("__sub__", np.subtract), ("__mul__", np.multiply),
       ("__truediv__", np.divide), ("__floordiv__", np.floor_divide),
       ("__mod__", np.remainder), ("__pow__", np.power), ("__lt__", np.less),
       ("__le__", np.less_equal), ("__eq__", np.equal), ("__ne__", np.not_equal),
       ("__gt__", np.greater), ("__ge__", np.greater_equal)]


@pytest.mark.parametrize("op,npf", OPS)
@pytest.mark.parametrize("other", [2, 2.5, "array"])
def test_operators(op, npf, other):
    n = np.array([[1.0, -2.0, 3.5], [0.0, 4.0, -1.0]])
    x = xp.asarray(n)
    o = n[1] if other == "array" else other
    xo = xp.asarray(o) if other == "array" else other
    with np.errstate(all="ignore"):
        assert_array(getattr(x, op)(xo), npf(n, o))
        rop = "__r" + op[2:]
        if hasattr(x, rop) and op not in ("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"):
            assert_array(getattr(x, rop)(xo), npf(o, n))


def test_inplace_operators():
    n = np.arange(6.0).reshape(2, 3)
    x = xp.asarray(n.copy())
    ident = id(x)
    x += 1
    x *= xp.asarray([1.0, 2.0, 3.0])
    x -= 0.5
    x /= 2
    x **= 2
    assert id(x) == ident
    assert_array(x, ((((n + 1) * [1.0, 2.0, 3.0]) - 0.5) / 2) ** 2)
    i = xp.asarray([1, 2, 3])
    with pytest.raises(TypeError):
        i += 1.5
    i <<= 2
    i |= 1
    i ^= 3
    i &= 0xFF
    i >>= 1
    assert_array(i, ((((np.array([1, 2, 3]) << 2) | 1) ^ 3) & 0xFF) >> 1)


def test_unary_operators_and_divmod():
    n = np.array([1, -2, 3])
    x = xp.asarray(n)
    assert_array(-x, -n)
    assert_array(+x, +n)
    assert_array(abs(x), abs(n))
    assert_array(~x, ~n)
    q, r = divmod(x, 2)
    assert_array(q, n // 2)
    assert_array(r, n % 2)


def test_operator_with_unknown_object():
    class Other:
        __array_ufunc__ = None

        def __radd__(self, o):
            return "other"

    assert xp.asarray([1.0]) + Other() == "other"
    with pytest.raises(TypeError):
        xp.asarray([1.0]) + object()


@pytest.mark.skipif(IS_NUMPY, reason="arraycore interop")
def test_numpy_ufunc_on_arraycore_arrays():
    x = ac.asarray([1.0, 2.0, 3.0])
    r = np.add(x, 1.0)
    assert isinstance(r, ac.ndarray)
    assert_array(r, [2.0, 3.0, 4.0])
    r = np.arctan2(x, x)
    assert isinstance(r, ac.ndarray)
    r = np.ones(3) + x
    assert isinstance(r, ac.ndarray)
    r = np.add.reduce(x)
    assert isinstance(r, ac.ndarray) and float(r) == 6.0
    o = np.zeros(3)
    np.multiply(x, 2.0, out=o)
    np.testing.assert_array_equal(o, [2.0, 4.0, 6.0])


# ---------------------------------------------------------------- methods
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_reduce_matches_numpy(data):
    name = data.draw(st.sampled_from(["add", "multiply", "maximum", "minimum",
                                      "logical_and", "logical_or", "bitwise_xor"]))
    types = [t[0] for t in ALL_UFUNCS[name].types if t[0] == t[1] == t[-1]]
    dt = np.dtype(data.draw(st.sampled_from(types)))
    shape = data.draw(shapes(min_dims=1, max_dims=3, min_side=1, max_side=6))
    elements = None
    if name == "multiply" and dt.kind == "c":
        # complex products that overflow: NumPy's fused multiply-adds reach
        # inf/nan at other points (see _elements)
        elements = st.complex_numbers(max_magnitude=1e3, allow_nan=False,
                                      allow_infinity=False, width=8 * dt.itemsize)
    a = make_layout(data.draw(hnp.arrays(dt, shape, elements=elements)),
                    data.draw(st.sampled_from(LAYOUTS)))
    nd = a.ndim
    axis = data.draw(st.one_of(st.none(), st.integers(-nd, nd - 1),
                               st.lists(st.integers(0, nd - 1), unique=True,
                                        max_size=nd).map(tuple)))
    keepdims = data.draw(st.booleans())
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exp = npfunc(name).reduce(a, axis=axis, keepdims=keepdims)
        got = getattr(ac, name).reduce(ac.asarray(a), axis=axis, keepdims=keepdims)
    n = "add" if name in ("add", "multiply") and dt.kind in "fc" else name
    compare(got, exp, "multiply" if n == "add" else n, dt)


def test_reduce_options():
    n = np.arange(12.0).reshape(3, 4)
    x = ac.asarray(n)
    assert_array(ac.add.reduce(x, axis=None), np.add.reduce(n, axis=None))
    assert_array(ac.add.reduce(x, axis=1, initial=10.0), np.add.reduce(n, axis=1, initial=10.0))
    m = n > 4
    assert_array(ac.add.reduce(x, axis=0, where=ac.asarray(m)),
                 np.add.reduce(n, axis=0, where=m))
    assert_array(ac.maximum.reduce(x, axis=0, where=ac.asarray(m), initial=-1.0),
                 np.maximum.reduce(n, axis=0, where=m, initial=-1.0))
    # where and initial together: initial counts once, the masked entries not at all
    for name in ("add", "multiply", "maximum", "minimum"):
        assert_array(getattr(ac, name).reduce(x, axis=0, where=ac.asarray(m), initial=-2.0),
                     getattr(np, name).reduce(n, axis=0, where=m, initial=-2.0))
        assert_array(getattr(ac, name).reduce(x, axis=None, where=ac.asarray(m),
                                              initial=3.0),
                     getattr(np, name).reduce(n, axis=None, where=m, initial=3.0))
        for kd in (False, True):     # nothing reduced: initial still applies once
            for src in (n[0, 0], n[0]):
                ax = None if src.ndim == 0 else ()
                assert_array(getattr(ac, name).reduce(ac.asarray(src), axis=ax, keepdims=kd,
                                                      initial=-2.0),
                             getattr(np, name).reduce(src, axis=ax, keepdims=kd,
                                                      initial=-2.0))
    o = ac.empty(4)
    assert ac.add.reduce(x, axis=0, out=o) is o
    assert_array(o, n.sum(0))
    with pytest.raises(ValueError):
        ac.maximum.reduce(ac.empty((0, 3)), axis=0)
    with pytest.raises(ValueError):
        ac.maximum.reduce(x, where=ac.asarray(m))
    with pytest.raises(ValueError):
        ac.add.reduce(x, axis=(0, 0))
    with pytest.raises(ValueError):
        ac.add.reduce(x, axis=0, out=ac.empty(3))
    with pytest.raises(ValueError):
        ac.sqrt.reduce(x)
    assert_array(ac.add.reduce(ac.asarray([True, True])), np.add.reduce([True, True]))
    assert_array(ac.add.reduce(ac.asarray(np.int8([100, 100]))), np.add.reduce(np.int8([100, 100])))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_accumulate_matches_numpy(data):
    name = data.draw(st.sampled_from(["add", "multiply", "maximum", "minimum"]))
    dt = np.dtype(data.draw(st.sampled_from(["int32", "int64", "float64", "float32", "uint8"])))
    shape = data.draw(shapes(min_dims=1, max_dims=3, min_side=0, max_side=5))
    a = make_layout(data.draw(hnp.arrays(dt, shape, elements=st.integers(-3, 3)
                                          if dt.kind in "iu" and dt.kind != "u" else
                                          (st.integers(0, 3) if dt.kind == "u" else None))),
                    data.draw(st.sampled_from(LAYOUTS)))
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1))
    with np.errstate(all="ignore"):
        exp = npfunc(name).accumulate(a, axis=axis)
        got = getattr(ac, name).accumulate(ac.asarray(a), axis=axis)
    compare(got, exp, "add" if dt.kind in "iu" else "multiply", dt)


def test_outer_reduceat_at():
    a = np.arange(1.0, 4.0)
    b = np.arange(4.0)
    assert_array(ac.multiply.outer(ac.asarray(a), ac.asarray(b)), np.multiply.outer(a, b))
    x = np.arange(10.0)
    idx = np.array([0, 4, 1, 7])
    assert_array(ac.add.reduceat(ac.asarray(x), ac.asarray(idx)), np.add.reduceat(x, idx))
    n = np.zeros(5)
    y = ac.asarray(n.copy())
    ac.add.at(y, ac.asarray([0, 1, 1, 4, 4, 4]), 1.0)
    np.add.at(n, [0, 1, 1, 4, 4, 4], 1.0)
    assert_array(y, n)
    n = np.arange(5.0)
    y = ac.asarray(n.copy())
    ac.negative.at(y, ac.asarray([0, 2]))
    np.negative.at(n, [0, 2])
    assert_array(y, n)
    with pytest.raises(ValueError):
        ac.add.at(y, ac.asarray([0]))
    with pytest.raises(IndexError):
        ac.add.at(y, ac.asarray([10]), 1.0)


def test_interrupt_macros_exist_in_header():
    import os
    h = open(os.path.join(ac.get_include(), "arraycore", "acufunc.h")).read()
    assert "AC_SIGINT_ON" in h and "AC_SIGINT_OFF" in h


def test_two_threads_compute_correctly():
    import threading
    n1 = np.linspace(-5, 5, 300_000)
    n2 = np.linspace(0, 3, 300_000)
    res = {}

    def work(key, n):
        x = ac.asarray(n)
        for _ in range(5):
            r = ac.exp(x) * 2.0 + x
        res[key] = r

    ts = [threading.Thread(target=work, args=(k, n)) for k, n in (("a", n1), ("b", n2))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    np.testing.assert_allclose(np.asarray(res["a"]), np.exp(n1) * 2.0 + n1, rtol=1e-14, atol=1e-12)
    np.testing.assert_allclose(np.asarray(res["b"]), np.exp(n2) * 2.0 + n2, rtol=1e-14, atol=1e-12)


@pytest.mark.parametrize("level", ["baseline", "avx2"])
def test_dispatch_levels_agree(level, tmp_path):
    """The SIMD clones of the hot loops give the same results at every level."""
    import subprocess
    import sys
    code = (
        "import numpy as np, arraycore as ac\n"
        "rng = np.random.default_rng(0)\n"
        "a = rng.standard_normal(1003); b = rng.standard_normal(1003)\n"
        "x, y = ac.asarray(a), ac.asarray(b)\n"
        "out = [ac.add(x, y), ac.multiply(x, 2.5), ac.divide(2.5, y), ac.less(x, y),\n"
        "       ac.maximum(x, y), ac.sqrt(ac.abs(x)), ac.subtract(x.astype('float32'), 1.5),\n"
        "       ac.add(x.astype('int64'), 3)]\n"
        "np.save(r'%s', np.concatenate([np.asarray(o).astype('f8') for o in out]))\n")
    ref = tmp_path / "ref.npy"
    low = tmp_path / "low.npy"
    env = dict(__import__("os").environ)
    subprocess.run([sys.executable, "-c", code % ref], check=True, cwd=tmp_path, env=env)
    env["ARRAYCORE_CPU"] = level
    subprocess.run([sys.executable, "-c", code % low], check=True, cwd=tmp_path, env=env)
    np.testing.assert_array_equal(np.load(ref), np.load(low))


@pytest.mark.skipif(IS_NUMPY, reason="arraycore memory accounting")
def test_temporaries_are_elided():
    """a * 2.0 + 1.0 computes the addition into the temporary of a * 2.0."""
    import tracemalloc
    a = ac.asarray(np.arange(1_000_000, dtype=np.float64))
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        r = a * 2.0 + 1.0 - 3.0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1.5 * 8_000_000, peak
    assert_array(r, np.arange(1_000_000) * 2.0 + 1.0 - 3.0)
    # a named temporary is never modified behind its owner's back
    t = a * 2.0
    u = t + 1.0
    assert u is not t and float(t[1]) == 2.0 and float(u[1]) == 3.0


def test_complex_special_cases_of_the_standard():
    inf = float("inf")
    r = to_numpy(xp.expm1(xp.asarray([complex(inf, 0.0)])))
    assert r[0] == complex(inf, 0.0)
    r = to_numpy(xp.log1p(xp.asarray([complex(-1.0, 0.0)])))
    assert r[0].real == -inf and r[0].imag == 0.0
    r = to_numpy(xp.sqrt(xp.asarray([complex(-0.0, -0.0), complex(-inf, 1.0)])))
    assert r[0] == 0 and np.signbit(r[0].imag)
    assert r[1] == complex(0.0, inf)
    r = to_numpy(xp.log(xp.asarray([complex(-1.0, 0.0), complex(-1.0, -0.0)])))
    assert r[0].imag == np.pi and r[1].imag == -np.pi


@pytest.mark.parametrize("layout", ["C", "F", "strided", "negative", "byteswapped",
                                    "misaligned", "broadcast", "permuted"])
@pytest.mark.parametrize("dts", [("int32", "float64"), ("float32", "float64"),
                                 ("uint8", "int16"), ("float64", "float64"),
                                 ("complex64", "float64")])
def test_large_operands_needing_casts(layout, dts):
    """Large operands in other dtypes, byte orders or alignments go through the
    buffered iterator: same results as NumPy, for every layout."""
    rng = np.random.default_rng(5)
    shape = (300, 257)
    a = make_layout((rng.random(shape) * 100).astype(dts[0]), layout)
    b = make_layout((rng.random(shape) * 100).astype(dts[1]), "byteswapped"
                    if layout != "byteswapped" else "C")
    with np.errstate(all="ignore"):
        compare(xp.add(xp.asarray(a), xp.asarray(b)), np.add(a, b), "add", dts)
        compare(xp.multiply(xp.asarray(a), 2.5), np.multiply(a, 2.5), "multiply", dts)
        compare(xp.sqrt(xp.asarray(b)), np.sqrt(b), "sqrt", dts)
        compare(xp.less(xp.asarray(a), xp.asarray(b)), np.less(a, b), "less", dts)
    # an output in another dtype / byte order
    o = np.zeros(shape, dtype=">f8")
    r = xp.add(xp.asarray(a.real if a.dtype.kind == "c" else a), xp.asarray(b.real),
               out=xp.asarray(o), casting="unsafe")
    np.testing.assert_allclose(o, np.add(a.real, b.real), rtol=1e-6)
    assert np.asarray(r).dtype == np.dtype(">f8")


def test_large_overlapping_output_with_cast():
    n = np.arange(200_000, dtype=np.float64)
    x = xp.asarray(n.copy())
    xp.add(x[:-1].astype(xp.float32), x[1:], out=x[1:])
    m = n.copy()
    m[1:] = n[:-1].astype(np.float32) + n[1:]
    np.testing.assert_array_equal(np.asarray(x), m)
    y = xp.asarray(np.arange(100_000, dtype=">f8"))
    xp.negative(y[::-1], out=y)
    np.testing.assert_array_equal(np.asarray(y), -np.arange(100_000.0)[::-1])


@pytest.mark.skipif(IS_NUMPY, reason="arraycore's errstate")
def test_floating_point_errors_follow_errstate():
    import warnings as w
    x = ac.asarray([1.0, 0.0, -1.0])
    with w.catch_warnings(record=True) as rec:
        w.simplefilter("always")
        r = x / 0.0
        ac.exp(ac.asarray([1000.0]))
        ac.log(ac.asarray([-1.0]))
        ac.multiply(ac.asarray(np.full(100_000, 1e300)), 1e300)      # long loop
        ac.add.reduce(ac.asarray([1e308, 1e308]))
        ac.matmul(ac.asarray([[1e308]]), ac.asarray([[10.0]]))
    msgs = [str(m.message) for m in rec]
    assert "divide by zero encountered in divide" in msgs
    assert "invalid value encountered in divide" in msgs
    assert "overflow encountered in exp" in msgs
    assert "invalid value encountered in log" in msgs
    assert msgs.count("overflow encountered in multiply") == 1
    assert "overflow encountered in add" in msgs
    assert "overflow encountered in matmul" in msgs
    with w.catch_warnings(record=True) as rec:
        w.simplefilter("always")
        assert_array(ac.asarray([1, 2]) // 0, [0, 0])
        assert_array(ac.asarray([3], dtype=ac.uint8) % 0, np.array([0], dtype=np.uint8))
    msgs = [str(m.message) for m in rec]
    assert msgs == ["divide by zero encountered in floor_divide",
                    "divide by zero encountered in remainder"]
    assert_array(r, np.array([np.inf, np.nan, -np.inf]))
    with w.catch_warnings():
        w.simplefilter("error")
        with ac.errstate(all="ignore"):
            x / 0.0
        with ac.errstate(divide="raise", invalid="ignore"):
            with pytest.raises(FloatingPointError, match="divide by zero"):
                x / 0.0
        ac.asarray([1e-300]) * 1e-300          # underflow is ignored by default
    old = ac.seterr(over="raise")
    try:
        assert ac.geterr()["over"] == "raise"
        with pytest.raises(FloatingPointError):
            ac.exp(ac.asarray([1000.0]))
    finally:
        ac.seterr(**old)
    assert ac.geterr() == {"divide": "warn", "over": "warn", "under": "ignore",
                           "invalid": "warn"}
    with pytest.raises(ValueError):
        ac.errstate(all="bogus")

    @ac.errstate(invalid="ignore")
    def quiet():
        return ac.sqrt(ac.asarray([-1.0]))
    with w.catch_warnings():
        w.simplefilter("error")
        quiet()


@pytest.mark.parametrize("name", ["float16", "float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("op", ["maximum", "minimum"])
def test_maximum_minimum_signed_zero_ties_match_numpy(op, name):
    """Which of -0.0 and +0.0 maximum/minimum return, element-wise (both
    operand orders, every length the loops and reductions split at, strided)
    is NumPy's: the second operand for float32/float64, the first for float16
    and complex types; reduce folds that rule (the last tie for float32/64)."""
    for n in (1, 3, 8, 17, 31, 32, 33, 64, 65, 200, 1001):
        zs = np.zeros(2 * n, dtype=name)
        zs[::2] = -0.0                                   # -0, +0, -0, +0, ...
        for a, b in ((zs[::2], zs[1::2]), (zs[1::2], zs[::2]),
                     (np.ascontiguousarray(zs[::2]), np.ascontiguousarray(zs[1::2]))):
            ref = getattr(np, op)(a, b)
            got = to_numpy(getattr(xp, op)(xp.asarray(a), xp.asarray(b)))
            np.testing.assert_array_equal(np.signbit(got.real), np.signbit(ref.real))
        # reduce is the fold of the element-wise rule (NumPy's own sign for a
        # mix of zeros depends on its SIMD lanes, so the fold is the oracle);
        # with values around the zeros the lane path finds a zero extreme and
        # hands it to the serial fold
        mixed = np.where(np.arange(2 * n) % 3 == 0, -1.0 if op == "maximum" else 1.0, zs)
        for seq in (zs, zs[::-1].copy(), zs[::2].copy(), mixed.astype(name)):
            fold = seq[0]
            for v in seq[1:]:
                fold = getattr(np, op)(fold, v)      # NumPy's element-wise rule
            got = to_numpy(getattr(xp, op).reduce(xp.asarray(seq)))
            assert got == fold and np.signbit(got.real) == np.signbit(fold.real), (n, seq[:4])


@pytest.mark.parametrize("name", ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
                                  "int64", "uint64"])
@pytest.mark.parametrize("op", ["add", "multiply", "maximum", "minimum", "bitwise_and",
                                "bitwise_or", "bitwise_xor"])
def test_integer_reduce_contiguous_fold_matches_numpy(op, name):
    """ufunc.reduce of integers and bool over a contiguous run is an indexed
    fold compiled per SIMD level (vectorized); it wraps around as the loop
    does and equals NumPy's, for lengths around the vector widths, on
    contiguous and strided runs."""
    rng = np.random.default_rng(3)
    info = np.iinfo(name) if name != "bool" else None
    for n in (1, 2, 7, 31, 32, 33, 255, 1000, 4099):
        if name == "bool":
            a = rng.random(n) < 0.5
        else:
            a = rng.integers(info.min, info.max, n, dtype=name, endpoint=True)
        for arr in (a, a[::-1], a[::3]):
            ref = getattr(np, op).reduce(arr)
            got = getattr(xp, op).reduce(xp.asarray(arr))
            assert to_numpy(got) == ref and to_numpy(got).dtype == ref.dtype, (n, op, name)


@pytest.mark.skipif(IS_NUMPY, reason="NumPy's sign overflows here (1j)")
@pytest.mark.parametrize("dt,z", [("complex128", 1.27e308 + 1.27e308j),
                                  ("complex128", -1.7e308 + 1e308j),
                                  ("complex128", 1.7e308 + 1.0j),
                                  ("complex64", 3e38 + 3e38j), ("complex64", -2e38 - 3.4e38j)])
def test_complex_sign_of_huge_values(dt, z):
    # z / |z| where |z| is beyond the type's range: a unit value, no warning
    a = np.array([z, z / 2**40], dtype=dt)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = to_numpy(xp.sign(xp.asarray(a)))
    q = a.astype(np.complex128) / 4
    exp = q / np.abs(q)
    np.testing.assert_allclose(g, exp, rtol=4e-7 if dt == "complex64" else 4e-16)
    np.testing.assert_allclose(np.abs(g), 1, rtol=4e-7 if dt == "complex64" else 4e-16)
