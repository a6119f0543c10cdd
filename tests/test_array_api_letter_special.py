"""Every special case of the Array API 2025.12 element-wise functions and
operators, value in -> value out (sign of zero included), against arraycore.

The cases are data (tests/_special_cases.py, one entry per bullet of the
standard's "Special cases" sections, written out by hand).  Each case runs in
every form the standard makes it apply to: the function on 0-d and on 1-d
arrays (long enough for the contiguous and SIMD loops), with a Python scalar
operand on either side, and, where the function has an operator, the
operator, the reflected operator (Python scalar on the left) and the
in-place operator (on 0-d and 1-d arrays), in float32 and float64 (complex64
and complex128 for the complex cases).  test_table_counts prints how many
cases the table holds.

The special cases of the array object (__bool__, __complex__, __float__,
__int__) are at the end.
"""
import math
import operator
import struct

import numpy as np
import pytest

from _helpers import xp as ac
from _special_cases import CASES, values, _const

REAL_DTYPES = ("float32", "float64")
COMPLEX_DTYPES = ("complex64", "complex128")
_TOL = {"float32": 2e-6, "float64": 4e-15, "complex64": 2e-6, "complex128": 4e-15}

# the operators of the element-wise functions: (operator, in-place operator)
BINARY_OPS = {
    "add": (operator.add, operator.iadd), "subtract": (operator.sub, operator.isub),
    "multiply": (operator.mul, operator.imul), "divide": (operator.truediv, operator.itruediv),
    "floor_divide": (operator.floordiv, operator.ifloordiv),
    "remainder": (operator.mod, operator.imod), "pow": (operator.pow, operator.ipow),
    "equal": (operator.eq, None), "not_equal": (operator.ne, None),
}
UNARY_OPS = {"abs": operator.abs}


# ------------------------------------------------------------------ helpers
def _round_to(v, dt):
    """v as the dtype holds it (float32 rounds; NaN keeps its sign bit)."""
    if isinstance(v, complex):
        return complex(_round_to(v.real, dt), _round_to(v.imag, dt))
    if dt in ("float32", "complex64"):
        return float(np.float32(v))
    return float(v)


def _dt(name):
    return getattr(ac, name)


def _real_dt(dt):
    return {"complex64": "float32", "complex128": "float64"}.get(dt, dt)


def _same(got, exp, dt):
    """Whether a result value matches an expected token; None if it does."""
    if exp is None:
        return True
    if isinstance(exp, bool):
        return type(got) is bool and got is exp
    if isinstance(exp, tuple) and exp[0] == "approx":
        return (not math.isnan(got) and math.isclose(got, exp[1], rel_tol=_TOL[dt])
                and math.copysign(1, got) == math.copysign(1, exp[1]))
    if isinstance(exp, str):
        if exp == "nan":
            return math.isnan(got)
        if exp in ("nan+", "nan-"):
            return math.isnan(got) and (math.copysign(1, got) < 0) == (exp == "nan-")
        if exp in ("pos", "neg"):
            return not math.isnan(got) and (math.copysign(1, got) < 0) == (exp == "neg")
        if exp in ("0", "±0"):
            return got == 0
        if exp == "±inf":
            return math.isinf(got)
        if exp.startswith("±"):
            return _same(abs(got), exp[1:], dt)
        if "pi" in exp:
            return _same(got, ("approx", _const(exp)), dt)
        exp = float(exp.replace("inf", "Infinity") if "inf" in exp else exp)
    if isinstance(exp, float) and math.isnan(exp):
        return math.isnan(got)
    if isinstance(exp, float) and exp != 0 and not math.isinf(exp) and \
            isinstance(got, float) and not math.isnan(got):
        # "x1", "abs(x2)", ...: exact in the dtype
        exp = _round_to(exp, dt)
    return (got == exp and not (isinstance(got, float) and math.isnan(got))
            and math.copysign(1, got) == math.copysign(1, exp))


def _np_rounded(func, x1, x2, dt):
    """The correctly rounded result of the remaining cases, NumPy as the
    oracle (IEEE arithmetic in the dtype; Python's % for remainder)."""
    t = np.dtype(dt).type
    with np.errstate(all="ignore"):
        if func == "add":
            return float(t(x1) + t(x2))
        if func == "subtract":
            return float(t(x1) - t(x2))
        if func == "multiply":
            return float(t(x1) * t(x2))
        if func == "divide":
            return float(t(x1) / t(x2))
        if func == "floor_divide":
            return float(np.floor_divide(t(x1), t(x2)))
        if func == "remainder":
            return float(np.remainder(t(x1), t(x2)))
    raise AssertionError(func)


def _expected(case, vals, dt):
    """The expected output of case for the input values vals (flattened
    components for complex cases)."""
    out = case.out
    if isinstance(out, str) and out.startswith("rounded:"):
        return _np_rounded(out.split(":")[1], vals[0], vals[1], dt)
    if callable(out):
        return out(*vals)
    if case.complex and isinstance(out, tuple) and out[0] != "approx":
        res = []
        for k, comp in enumerate(out):
            if callable(comp):
                comp = comp(*vals[k::2])
            res.append(comp)
        return tuple(res)
    return out


def _combos(case):
    """Every combination of the representative input values of the case:
    tuples of one Python value per argument (complex for complex args)."""
    combos = [()]
    for arg in case.args:
        if isinstance(arg, tuple):
            vs = [complex(a, b) for a in values(arg[0]) for b in values(arg[1])]
        else:
            vs = list(values(arg))
        combos = [c + (v,) for c in combos for v in vs]
    return combos


def _flat(combo):
    out = []
    for v in combo:
        out += [v.real, v.imag] if isinstance(v, complex) else [v]
    return tuple(out)


def _as_py(r):
    """A 0-d result as a Python value."""
    if r.dtype == ac.bool:
        return bool(r)
    if ac.isdtype(r.dtype, "complex floating"):
        return complex(r)
    return float(r)


def _check_value(got, exp, dt):
    if isinstance(exp, tuple) and exp and exp[0] != "approx":
        if not isinstance(got, complex):
            return False
        return _same(got.real, exp[0], _real_dt(dt)) and _same(got.imag, exp[1], _real_dt(dt))
    if isinstance(got, complex):
        return False
    return _same(got, exp, _real_dt(dt))


# ------------------------------------------------------------ the evaluation
def _forms(case, dt):
    """(form name, callable(list of input tuples) -> list of results)."""
    f = getattr(ac, case.func)
    nargs = len(case.args)

    def arrays(rows, k):
        return ac.asarray([r[k] for r in rows], dtype=_dt(dt))

    def zero_d(call):
        def run(rows):
            return [_as_py(call(*[ac.asarray(v, dtype=_dt(dt)) for v in r])) for r in rows]
        return run

    def one_d(call):
        def run(rows):
            n = len(rows)
            reps = -(-40 // n)          # at least 40 elements: vector bodies and tails
            tiled = rows * reps
            res = call(*[arrays(tiled, k) for k in range(nargs)])
            got = [_as_py(res[i]) for i in range(len(tiled))]
            # every copy of a row must agree with the first (same loop, other lane)
            for i in range(n, len(tiled)):
                if not _same_any(got[i], got[i % n]):
                    return [("lane-mismatch", got[i % n], got[i])] * n
            return got[:n]
        return run

    forms = [("f(0-d)", zero_d(f)), ("f(1-d)", one_d(f))]
    if nargs == 2:
        def scalar_left(rows):
            return [_as_py(f(r[0], ac.asarray(r[1], dtype=_dt(dt)))) for r in rows]

        def scalar_right(rows):
            return [_as_py(f(ac.asarray(r[0], dtype=_dt(dt)), r[1])) for r in rows]
        forms += [("f(scalar, array)", scalar_left), ("f(array, scalar)", scalar_right)]
    if case.func in BINARY_OPS:
        op, iop = BINARY_OPS[case.func]
        forms += [("operator 0-d", zero_d(op)), ("operator 1-d", one_d(op)),
                  ("reflected operator", lambda rows: [
                      _as_py(op(r[0], ac.asarray(r[1], dtype=_dt(dt)))) for r in rows]),
                  ("operator, scalar right", lambda rows: [
                      _as_py(op(ac.asarray(r[0], dtype=_dt(dt)), r[1])) for r in rows])]
        if iop is not None:
            def inplace0(rows, iop=iop):
                out = []
                for r in rows:
                    a = ac.asarray(r[0], dtype=_dt(dt))
                    a = iop(a, ac.asarray(r[1], dtype=_dt(dt)))
                    out.append(_as_py(a))
                return out

            def inplace0_scalar(rows, iop=iop):
                out = []
                for r in rows:
                    a = ac.asarray(r[0], dtype=_dt(dt))
                    b = iop(a, r[1])
                    assert b is a
                    out.append(_as_py(a))
                return out

            def inplace1(rows, iop=iop):
                def call(x, y):
                    z = iop(x, y)
                    assert z is x
                    return x
                return one_d(call)(rows)
            forms += [("in-place 0-d", inplace0), ("in-place 0-d, scalar", inplace0_scalar),
                      ("in-place 1-d", inplace1)]
    if case.func in UNARY_OPS:
        op = UNARY_OPS[case.func]
        forms += [("operator 0-d", zero_d(op)), ("operator 1-d", one_d(op))]
    return forms


def _same_any(a, b):
    if isinstance(a, tuple) or isinstance(b, tuple):
        return a == b
    if isinstance(a, complex) and isinstance(b, complex):
        return _same_any(a.real, b.real) and _same_any(a.imag, b.imag)
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


def _key(row):
    return tuple(struct.pack("<dd", v.real, v.imag) if isinstance(v, complex)
                 else struct.pack("<d", v) for v in row)


def run_case(case):
    """The failures of one case: a list of (dtype, form, inputs, got, expected)."""
    failures = []
    dts = COMPLEX_DTYPES if case.complex else REAL_DTYPES
    for dt in dts:
        rows = []
        for combo in _combos(case):
            rows.append(tuple(_round_to(v, dt) for v in combo))
        # drop the duplicates float32 rounding may make (keyed by bits: NaN signs count)
        rows = list({_key(r): r for r in rows}.values())
        exps = [_expected(case, _flat(r), dt) for r in rows]
        if all(e is None for e in exps):
            continue
        for name, form in _forms(case, dt):
            if case.func == "clip" and name != "f(0-d)" and name != "f(1-d)":
                continue
            with np.errstate(all="ignore"), ac.errstate(all="ignore"):
                try:
                    got = form(rows)
                except Exception as e:          # noqa: BLE001 - reported as a failure
                    failures.append((dt, name, rows, f"raised {e!r}", exps))
                    continue
            for r, g, e in zip(rows, got, exps):
                if not _check_value(g, e, dt):
                    failures.append((dt, name, r, g, e))
    return failures


def _case_id(c):
    return f"{c.func}-{'complex' if c.complex else 'real'}-" + "-".join(
        "/".join(a) if isinstance(a, tuple) else str(a) for a in c.args)


# The cases NumPy 2.4 gets wrong (the ARRAYCORE_TEST_XP=numpy self-check
# skips them; every other case of the table passes on NumPy too, which checks
# the table): floor_divide with an infinite operand (NumPy follows Python's
# floor semantics, NaN and -1.0), x ** 0.5 computed as sqrt (pow(-inf, 0.5)
# is NaN, pow(-0, 0.5) is -0), complex expm1 at infinities and NaN, and
# complex sign with one NaN and one infinite component.
NUMPY_DEVIATES = {
    "floor_divide-real-+inf-pos", "floor_divide-real-+inf-neg", "floor_divide-real--inf-pos",
    "floor_divide-real--inf-neg", "floor_divide-real-pos--inf", "floor_divide-real-neg-+inf",
    "pow-real--inf-nodd+", "pow-real--0-nodd+",
    "expm1-complex-+inf/+0", "expm1-complex--inf/fin", "expm1-complex--inf/+inf",
    "expm1-complex--inf/nan", "expm1-complex-+inf/+inf", "expm1-complex-+inf/nan",
    "expm1-complex-nan/+0", "sign-complex-nan/any", "sign-complex-any/nan",
}


def _params():
    out = []
    for c in CASES:
        cid = _case_id(c)
        marks = [pytest.mark.arraycore_only] if cid in NUMPY_DEVIATES else []
        out.append(pytest.param(c, id=cid, marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_special_case(case):
    failures = run_case(case)
    assert not failures, "\n".join(
        f"{case!r} [{dt}, {form}] in={r} got={g!r} expected={e!r}"
        for dt, form, r, g, e in failures[:10])


def test_table_counts():
    """The table covers every element-wise function of the standard that has
    special cases, real and complex; prints the counts for the report."""
    funcs = {c.func for c in CASES}
    with_cases = {
        "abs", "acos", "acosh", "add", "asin", "asinh", "atan", "atan2", "atanh", "ceil",
        "clip", "copysign", "cos", "cosh", "divide", "equal", "exp", "expm1", "floor",
        "floor_divide", "hypot", "isfinite", "isinf", "isnan", "log", "log1p", "log2",
        "log10", "logaddexp", "maximum", "minimum", "multiply", "nextafter", "not_equal",
        "pow", "reciprocal", "remainder", "round", "sign", "signbit", "sin", "sinh",
        "square", "sqrt", "subtract", "tan", "tanh", "trunc"}
    assert with_cases <= funcs, with_cases - funcs
    complex_funcs = {c.func for c in CASES if c.complex}
    assert {"abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp",
            "expm1", "isfinite", "isinf", "isnan", "log", "log1p", "log2", "log10", "sign",
            "sin", "sinh", "sqrt", "tan", "tanh", "equal", "not_equal", "add", "multiply",
            "divide", "round", "square"} <= complex_funcs
    n_direct = sum(not c.derived for c in CASES)
    print(f"\nspecial-case table: {len(CASES)} cases ({n_direct} bullets of the standard, "
          f"{len(CASES) - n_direct} derived), {len(funcs)} functions")
    assert len(CASES) > 500


# ------------------------------------------- floor_divide and remainder agree
@pytest.mark.parametrize("dt", REAL_DTYPES)
def test_floor_divide_remainder_identity(dt):
    """x1 == x2 * floor_divide(x1, x2) + remainder(x1, x2) wherever the right
    side is finite, over finite, zero and infinite operands."""
    vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 7.0, -7.0, 1e30, -1e30,
            math.inf, -math.inf, 3.0e-5, -3.0e-5]
    x1 = ac.asarray([a for a in vals for b in vals], dtype=dt)
    x2 = ac.asarray([b for a in vals for b in vals], dtype=dt)
    with ac.errstate(all="ignore"), np.errstate(all="ignore"):
        q = x1 // x2
        r = x1 % x2
        rebuilt = np.asarray(x2) * np.asarray(q) + np.asarray(r)
    n1 = np.asarray(x1)
    ok = np.isfinite(rebuilt)
    assert ok.sum() > len(vals) * 6
    # exact up to the rounding of x2 * q + r (which cancels when q == -1)
    eps = np.finfo(dt).eps
    with np.errstate(all="ignore"):
        scale = np.abs(np.asarray(x2) * np.asarray(q)) + np.abs(np.asarray(r))
        err = np.abs(rebuilt - n1)
        assert (err[ok] <= 2 * eps * scale[ok]).all(), (n1[ok][err[ok] > 2 * eps * scale[ok]])
        # and the quotient of the finite, nonzero operands is NumPy's (= Python's)
        fin = np.isfinite(n1) & np.isfinite(np.asarray(x2)) & (np.asarray(x2) != 0)
        np.testing.assert_array_equal(np.asarray(q)[fin],
                                      np.floor_divide(n1, np.asarray(x2))[fin])


# --------------------------------------------------- the array object's cases
def test_bool_special_cases():
    for dt in REAL_DTYPES:
        assert bool(ac.asarray(math.nan, dtype=dt)) is True
        assert bool(ac.asarray(math.inf, dtype=dt)) is True
        assert bool(ac.asarray(-math.inf, dtype=dt)) is True
        assert bool(ac.asarray(0.0, dtype=dt)) is False
        assert bool(ac.asarray(-0.0, dtype=dt)) is False
    for dt in COMPLEX_DTYPES:       # the logical OR of bool(real) and bool(imag)
        for re in (0.0, -0.0, 1.0, math.nan, math.inf):
            for im in (0.0, -0.0, 2.0, math.nan, -math.inf):
                assert bool(ac.asarray(complex(re, im), dtype=dt)) is (bool(re) or bool(im))


@pytest.mark.arraycore_only       # NumPy: complex(NaN) is NaN + 0j
def test_complex_special_cases():
    assert complex(ac.asarray(True)) == 1 + 0j and type(complex(ac.asarray(True))) is complex
    assert complex(ac.asarray(False)) == 0j
    for dt in REAL_DTYPES:
        z = complex(ac.asarray(math.nan, dtype=dt))
        assert math.isnan(z.real) and math.isnan(z.imag), z        # NaN + NaN j
        z = complex(ac.asarray(math.inf, dtype=dt))
        assert z.real == math.inf and z.imag == 0 and math.copysign(1, z.imag) > 0
        z = complex(ac.asarray(-math.inf, dtype=dt))
        assert z.real == -math.inf and z.imag == 0 and math.copysign(1, z.imag) > 0
        for v in (1.5, -0.0, 0.0, -3.0):
            z = complex(ac.asarray(v, dtype=_dt(dt)))
            assert z.real == v and math.copysign(1, z.real) == math.copysign(1, v)
            assert z.imag == 0 and math.copysign(1, z.imag) > 0


def test_float_special_cases():
    assert float(ac.asarray(True)) == 1.0 and type(float(ac.asarray(True))) is float
    assert float(ac.asarray(False)) == 0.0
    with pytest.raises(TypeError):
        float(ac.asarray(1 + 2j))


def test_int_special_cases():
    assert int(ac.asarray(True)) == 1 and type(int(ac.asarray(True))) is int
    assert int(ac.asarray(False)) == 0
    for dt in REAL_DTYPES:
        assert int(ac.asarray(2.75, dtype=dt)) == 2
        assert int(ac.asarray(-2.75, dtype=dt)) == -2
        assert int(ac.asarray(-0.0, dtype=dt)) == 0
        with pytest.raises(OverflowError):
            int(ac.asarray(math.inf, dtype=dt))
        with pytest.raises(OverflowError):
            int(ac.asarray(-math.inf, dtype=dt))
        with pytest.raises(ValueError):
            int(ac.asarray(math.nan, dtype=dt))
    with pytest.raises(TypeError):
        int(ac.asarray(1 + 2j))


# ------------------------------------------------------- integer operands
@pytest.mark.parametrize("dt", ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                                "uint64"])
def test_integer_operands(dt):
    """The bullets that hold for integers too: rounding an integer-valued
    x_i gives x_i (same dtype), and sign is -1, 0 or +1."""
    vals = [0, 1, 2, 7, 100] + ([-1, -3, -100] if dt.startswith("int") else [200])
    x = ac.asarray(vals, dtype=_dt(dt))
    for f in ("ceil", "floor", "trunc", "round"):
        r = getattr(ac, f)(x)
        assert r.dtype == x.dtype and r.tolist() == vals, f
    s = ac.sign(x)
    assert s.dtype == x.dtype and s.tolist() == [(v > 0) - (v < 0) for v in vals]


# --------------------------------------- the statistical functions' cases
@pytest.mark.parametrize("dt", REAL_DTYPES + COMPLEX_DTYPES)
def test_statistical_special_cases(dt):
    """statistical_functions.py: the empty sum is 0 and product 1, the mean
    of nothing is NaN (NaN + NaN j), var/std are NaN when M - correction <= 0,
    NaN propagates through max/min/mean/var/std, and the cumulative sums and
    products apply add and multiply (so -inf + inf and inf * 0 are NaN)."""
    D = _dt(dt)
    cplx = dt.startswith("complex")
    empty = ac.zeros(0, dtype=D)
    with np.errstate(all="ignore"), ac.errstate(all="ignore"):
        assert complex(ac.sum(empty)) == 0 and complex(ac.prod(empty)) == 1
        m = complex(ac.mean(empty))
        assert math.isnan(m.real) and (math.isnan(m.imag) if cplx else True)
        if not cplx:
            for c in (2, 3.5):
                assert math.isnan(float(ac.var(ac.ones(2, dtype=D), correction=c)))
                assert math.isnan(float(ac.std(ac.ones(2, dtype=D), correction=c)))
            assert math.isnan(float(ac.var(empty))) and math.isnan(float(ac.std(empty)))
            x = ac.asarray([1.0, math.nan, -2.0], dtype=D)
            for f in ("max", "min", "mean", "var", "std", "sum", "prod"):
                assert math.isnan(float(getattr(ac, f)(x))), f
            cs = ac.cumulative_sum(ac.asarray([-math.inf, math.inf, 1.0], dtype=D))
            assert cs.tolist()[0] == -math.inf and all(math.isnan(v) for v in cs.tolist()[1:])
            cp = ac.cumulative_prod(ac.asarray([math.inf, 0.0, 1.0], dtype=D))
            assert cp.tolist()[0] == math.inf and all(math.isnan(v) for v in cp.tolist()[1:])
        else:
            x = ac.asarray([complex(math.nan, 0.0), 1 + 1j], dtype=D)
            assert math.isnan(complex(ac.mean(x)).real)      # a NaN real part stays NaN
            assert math.isnan(complex(ac.sum(x)).real)
