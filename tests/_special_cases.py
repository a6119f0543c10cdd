"""The special cases of the Array API 2025.12 element-wise functions, as data.

One entry per bullet of the "Special cases" sections of
``src/array_api_stubs/_2025_12/elementwise_functions.py`` (data-apis/array-api),
written out by hand as value in -> value out: nothing is read from the
standard at run time.  Bullets that the standard states through another
function ("as if implemented as -1j * asinh(x*1j)", "as x * x", "the same
rules as addition", the change of base of log2/log10, component-wise rounding
and addition of complex numbers) are derived from that function's entries by
the transformations at the end of this file and are marked ``derived``.

tests/test_array_api_letter_special.py runs the table against arraycore in
every form the standard covers (function, operator, reflected and in-place
operator; 0-d and 1-d arrays; Python scalar operands).

Input tokens name a value or a class of values: "+0", "-0", "±0" (both zeros),
"+inf", "-inf", "±inf", "nan", "nan+"/"nan-" (NaN with sign bit 0/1), "pos"
(finite > 0), "neg" (finite < 0), "nzf" (nonzero finite), "fin" (finite,
zeros included), "any" (finite, infinities and NaN), ">1", "<-1", "<1", "|x|>1",
"|x|<1", "intv" (integer-valued finite), "odd+"/"odd-" (odd integers of one
sign), "nodd+"/"nodd-" (values of one sign that are not odd integers), "nint-"
(negative finite non-integers), "half" (halfway between two integers), or a
number ("1", "-1", "0.5").
Output tokens: "+0", "-0", "0" (a zero of either sign), "±inf", "nan",
"nan+"/"nan-", "pos"/"neg" (any non-NaN value with sign bit 0/1), numbers,
"pi", "pi/2", "3pi/4", ... (an approximation is enough), True/False, or a
function of the input values (``lambda x1, x2: ...``).
"""
import math

INF = math.inf
NAN = math.nan

_POS = (0.5, 1.0, 2.0, 3.25, 1e30)
_NEG = tuple(-v for v in _POS)
_NZF = _POS + _NEG
_FIN = _NZF + (0.0, -0.0)
_INPUTS = {
    "+0": (0.0,), "-0": (-0.0,), "±0": (0.0, -0.0),
    "+inf": (INF,), "-inf": (-INF,), "±inf": (INF, -INF),
    "nan": (NAN,), "nan+": (NAN,), "nan-": (math.copysign(NAN, -1.0),),
    "pos": _POS, "neg": _NEG, "nzf": _NZF, "fin": _FIN,
    "any": _FIN + (INF, -INF, NAN), "notnan": _FIN + (INF, -INF),
    ">1": (1.5, 2.0, 1e30), "<-1": (-1.5, -2.0, -1e30),
    "<1": (0.5, 0.0, -0.0, -1.0, -5.0), "|x|>1": (1.5, -1.5, 2.0, -3.0, 1e30),
    "|x|<1": (0.5, -0.5, 0.25, -0.75), "intv": (-3.0, -1.0, 2.0, 7.0, 1e30),
    "odd+": (1.0, 3.0, 5.0), "odd-": (-1.0, -3.0, -5.0),
    "nodd+": (0.5, 2.0, 4.0, 2.5), "nodd-": (-0.5, -2.0, -4.0, -2.5),
    "nint-": (-0.5, -2.5, -3.75), "nint": (0.5, -2.5, 3.75, -0.25),
    "half": (0.5, 1.5, 2.5, -0.5, -1.5, -2.5),
    "ne1": (0.5, 2.0, -1.0, 0.0, INF, NAN), "ne0": _NZF + (INF, -INF, NAN),
}


def values(token):
    """The representative values of an input token."""
    if token in _INPUTS:
        return _INPUTS[token]
    return (float(token),)


class Case:
    """One bullet: func applied to inputs (one token per argument; a complex
    argument is a (real, imag) pair of tokens) gives out."""
    __slots__ = ("func", "args", "out", "complex", "derived", "note")

    def __init__(self, func, args, out, complex=False, derived=False, note=""):
        self.func, self.args, self.out = func, tuple(args), out
        self.complex, self.derived, self.note = complex, derived, note

    def __repr__(self):
        kind = "complex" if self.complex else "real"
        return f"{self.func}[{kind}]{self.args}->{self.out!r}"


CASES = []


def R(func, *args_out, note=""):
    """A real-valued bullet: R("add", "+inf", "-inf", "nan")."""
    *args, out = args_out
    CASES.append(Case(func, args, out, note=note))


def Z(func, a, b, r, i=None, note=""):
    """A complex bullet of a unary function: a + bj -> r + ij (i is None when
    the result is real, as for abs/isnan)."""
    out = r if i is None else (r, i)
    CASES.append(Case(func, [(a, b)], out, complex=True, note=note))


# ---------------------------------------------------------------- real, unary
R("abs", "nan", "nan"); R("abs", "-0", "+0"); R("abs", "-inf", "+inf")
R("acos", "nan", "nan"); R("acos", ">1", "nan"); R("acos", "<-1", "nan"); R("acos", "1", "+0")
R("acosh", "nan", "nan"); R("acosh", "<1", "nan"); R("acosh", "1", "+0")
R("acosh", "+inf", "+inf")
for f in ("asin",):
    R(f, "nan", "nan"); R(f, ">1", "nan"); R(f, "<-1", "nan"); R(f, "+0", "+0"); R(f, "-0", "-0")
R("asinh", "nan", "nan"); R("asinh", "+0", "+0"); R("asinh", "-0", "-0")
R("asinh", "+inf", "+inf"); R("asinh", "-inf", "-inf")
R("atan", "nan", "nan"); R("atan", "+0", "+0"); R("atan", "-0", "-0")
R("atan", "+inf", "pi/2"); R("atan", "-inf", "-pi/2")
R("atanh", "nan", "nan"); R("atanh", "<-1", "nan"); R("atanh", ">1", "nan")
R("atanh", "-1", "-inf"); R("atanh", "1", "+inf"); R("atanh", "+0", "+0"); R("atanh", "-0", "-0")
for f in ("ceil", "floor", "trunc", "round"):
    R(f, "intv", lambda x: x, note="already integer-valued")
    R(f, "+inf", "+inf"); R(f, "-inf", "-inf"); R(f, "+0", "+0"); R(f, "-0", "-0")
    R(f, "nan", "nan")
R("round", "half", lambda x: math.copysign(float(round(x)), x), note="ties to even")
R("cos", "nan", "nan"); R("cos", "+0", "1"); R("cos", "-0", "1"); R("cos", "+inf", "nan")
R("cos", "-inf", "nan")
R("cosh", "nan", "nan"); R("cosh", "+0", "1"); R("cosh", "-0", "1"); R("cosh", "+inf", "+inf")
R("cosh", "-inf", "+inf")
R("exp", "nan", "nan"); R("exp", "+0", "1"); R("exp", "-0", "1"); R("exp", "+inf", "+inf")
R("exp", "-inf", "+0")
R("expm1", "nan", "nan"); R("expm1", "+0", "+0"); R("expm1", "-0", "-0")
R("expm1", "+inf", "+inf"); R("expm1", "-inf", "-1")
R("isfinite", "±inf", False); R("isfinite", "nan", False); R("isfinite", "fin", True)
R("isinf", "±inf", True); R("isinf", "fin", False); R("isinf", "nan", False)
R("isnan", "nan", True); R("isnan", "notnan", False)
for f in ("log", "log2", "log10"):
    R(f, "nan", "nan"); R(f, "neg", "nan"); R(f, "±0", "-inf"); R(f, "1", "+0")
    R(f, "+inf", "+inf")
R("log1p", "nan", "nan"); R("log1p", "<-1", "nan"); R("log1p", "-1", "-inf")
R("log1p", "-0", "-0"); R("log1p", "+0", "+0"); R("log1p", "+inf", "+inf")
R("sign", "neg", "-1"); R("sign", "±0", "0"); R("sign", "pos", "1"); R("sign", "nan", "nan")
R("signbit", "+0", False); R("signbit", "-0", True); R("signbit", "+inf", False)
R("signbit", "-inf", True); R("signbit", "pos", False); R("signbit", "neg", True)
R("signbit", "nan+", False); R("signbit", "nan-", True)
R("sin", "nan", "nan"); R("sin", "+0", "+0"); R("sin", "-0", "-0"); R("sin", "±inf", "nan")
R("sinh", "nan", "nan"); R("sinh", "+0", "+0"); R("sinh", "-0", "-0")
R("sinh", "+inf", "+inf"); R("sinh", "-inf", "-inf")
R("sqrt", "nan", "nan"); R("sqrt", "neg", "nan"); R("sqrt", "+0", "+0"); R("sqrt", "-0", "-0")
R("sqrt", "+inf", "+inf")
R("tan", "nan", "nan"); R("tan", "+0", "+0"); R("tan", "-0", "-0"); R("tan", "±inf", "nan")
R("tanh", "nan", "nan"); R("tanh", "+0", "+0"); R("tanh", "-0", "-0")
R("tanh", "+inf", "1"); R("tanh", "-inf", "-1")

# --------------------------------------------------------------- real, binary
R("add", "nan", "any", "nan"); R("add", "any", "nan", "nan")
R("add", "+inf", "-inf", "nan"); R("add", "-inf", "+inf", "nan")
R("add", "+inf", "+inf", "+inf"); R("add", "-inf", "-inf", "-inf")
R("add", "+inf", "fin", "+inf"); R("add", "-inf", "fin", "-inf")
R("add", "fin", "+inf", "+inf"); R("add", "fin", "-inf", "-inf")
R("add", "-0", "-0", "-0"); R("add", "-0", "+0", "+0"); R("add", "+0", "-0", "+0")
R("add", "+0", "+0", "+0")
R("add", "±0", "nzf", lambda x1, x2: x2); R("add", "nzf", "±0", lambda x1, x2: x1)
R("add", "nzf", "nzf", lambda x1, x2: 0.0 if x2 == -x1 else None,
  note="x2 == -x1 gives +0 (the pairs where x2 != -x1 are checked by the rounding bullet)")
R("add", "nzf", "nzf", "rounded:add", note="remaining cases: the rounded sum")

R("multiply", "nan", "any", "nan"); R("multiply", "any", "nan", "nan")
R("multiply", "±inf", "±0", "nan"); R("multiply", "±0", "±inf", "nan")
R("multiply", "pos", "pos", "pos"); R("multiply", "neg", "neg", "pos")
R("multiply", "+0", "pos", "+0"); R("multiply", "-0", "neg", "+0")
R("multiply", "pos", "neg", "neg"); R("multiply", "neg", "pos", "neg")
R("multiply", "-0", "pos", "-0"); R("multiply", "+0", "neg", "-0")
R("multiply", "±inf", "±inf", lambda x1, x2: math.copysign(INF, x1 * x2))
R("multiply", "±inf", "nzf", lambda x1, x2: math.copysign(INF, x1 * x2))
R("multiply", "nzf", "±inf", lambda x1, x2: math.copysign(INF, x1 * x2))
R("multiply", "nzf", "nzf", "rounded:multiply", note="remaining cases: the rounded product")


def _division(f):
    """The bullets divide and floor_divide share (floor_divide follows the
    standard, not Python's floor semantics, for infinite operands)."""
    R(f, "nan", "any", "nan"); R(f, "any", "nan", "nan")
    R(f, "±inf", "±inf", "nan"); R(f, "±0", "±0", "nan")
    R(f, "+0", "pos", "+0"); R(f, "-0", "pos", "-0"); R(f, "+0", "neg", "-0")
    R(f, "-0", "neg", "+0")
    R(f, "pos", "+0", "+inf"); R(f, "pos", "-0", "-inf"); R(f, "neg", "+0", "-inf")
    R(f, "neg", "-0", "+inf")
    R(f, "+inf", "pos", "+inf"); R(f, "+inf", "neg", "-inf"); R(f, "-inf", "pos", "-inf")
    R(f, "-inf", "neg", "+inf")
    R(f, "pos", "+inf", "+0"); R(f, "pos", "-inf", "-0"); R(f, "neg", "+inf", "-0")
    R(f, "neg", "-inf", "+0")
    R(f, "pos", "pos", "pos"); R(f, "neg", "neg", "pos")
    R(f, "pos", "neg", "neg"); R(f, "neg", "pos", "neg")
    R(f, "nzf", "nzf", "rounded:" + f, note="remaining cases: the rounded quotient")


_division("divide")
_division("floor_divide")

f = "remainder"
R(f, "nan", "any", "nan"); R(f, "any", "nan", "nan")
R(f, "±inf", "±inf", "nan"); R(f, "±0", "±0", "nan")
R(f, "+0", "pos", "+0"); R(f, "-0", "pos", "+0"); R(f, "+0", "neg", "-0"); R(f, "-0", "neg", "-0")
R(f, "pos", "+0", "nan"); R(f, "pos", "-0", "nan"); R(f, "neg", "+0", "nan")
R(f, "neg", "-0", "nan")
R(f, "+inf", "pos", "nan"); R(f, "+inf", "neg", "nan"); R(f, "-inf", "pos", "nan")
R(f, "-inf", "neg", "nan")
R(f, "pos", "+inf", lambda x1, x2: x1); R(f, "pos", "-inf", lambda x1, x2: x2)
R(f, "neg", "+inf", lambda x1, x2: x2); R(f, "neg", "-inf", lambda x1, x2: x1)
R(f, "nzf", "nzf", "rounded:remainder", note="remaining cases: Python's %")

f = "pow"
R(f, "ne1", "nan", "nan"); R(f, "any", "+0", "1"); R(f, "any", "-0", "1")
R(f, "nan", "ne0", "nan")
R(f, "|x|>1", "+inf", "+inf"); R(f, "|x|>1", "-inf", "+0")
R(f, "1", "+inf", "1"); R(f, "-1", "+inf", "1")
R(f, "1", "-inf", "1"); R(f, "-1", "-inf", "1")
R(f, "1", "notnan", "1")
R(f, "|x|<1", "+inf", "+0"); R(f, "|x|<1", "-inf", "+inf")
R(f, "+inf", "pos", "+inf"); R(f, "+inf", "neg", "+0")
R(f, "-inf", "odd+", "-inf"); R(f, "-inf", "nodd+", "+inf")
R(f, "-inf", "odd-", "-0"); R(f, "-inf", "nodd-", "+0")
R(f, "+0", "pos", "+0"); R(f, "+0", "neg", "+inf")
R(f, "-0", "odd+", "-0"); R(f, "-0", "nodd+", "+0")
R(f, "-0", "odd-", "-inf"); R(f, "-0", "nodd-", "+inf")
R(f, "neg", "nint", "nan")

f = "atan2"
R(f, "nan", "any", "nan"); R(f, "any", "nan", "nan")
R(f, "pos", "+0", "pi/2"); R(f, "pos", "-0", "pi/2")
R(f, "+0", "pos", "+0"); R(f, "+0", "+0", "+0"); R(f, "+0", "-0", "pi"); R(f, "+0", "neg", "pi")
R(f, "-0", "pos", "-0"); R(f, "-0", "+0", "-0"); R(f, "-0", "-0", "-pi"); R(f, "-0", "neg", "-pi")
R(f, "neg", "+0", "-pi/2"); R(f, "neg", "-0", "-pi/2")
R(f, "pos", "+inf", "+0"); R(f, "pos", "-inf", "pi"); R(f, "neg", "+inf", "-0")
R(f, "neg", "-inf", "-pi")
R(f, "+inf", "fin", "pi/2"); R(f, "-inf", "fin", "-pi/2")
R(f, "+inf", "+inf", "pi/4"); R(f, "+inf", "-inf", "3pi/4"); R(f, "-inf", "+inf", "-pi/4")
R(f, "-inf", "-inf", "-3pi/4")

f = "copysign"
R(f, "notnan", "neg", lambda x1, x2: -abs(x1)); R(f, "notnan", "-0", lambda x1, x2: -abs(x1))
R(f, "notnan", "+0", lambda x1, x2: abs(x1)); R(f, "notnan", "pos", lambda x1, x2: abs(x1))
R(f, "notnan", "nan-", lambda x1, x2: -abs(x1)); R(f, "notnan", "nan+", lambda x1, x2: abs(x1))
R(f, "nan", "neg", "nan-"); R(f, "nan", "-0", "nan-"); R(f, "nan", "+0", "nan+")
R(f, "nan", "pos", "nan+"); R(f, "nan", "nan-", "nan-"); R(f, "nan", "nan+", "nan+")

f = "hypot"
R(f, "±inf", "any", "+inf"); R(f, "any", "±inf", "+inf")
R(f, "±0", "notnan", lambda x1, x2: abs(x2)); R(f, "notnan", "±0", lambda x1, x2: abs(x1))
R(f, "fin", "nan", "nan"); R(f, "nan", "nan", "nan"); R(f, "nan", "fin", "nan")

R("logaddexp", "nan", "any", "nan"); R("logaddexp", "any", "nan", "nan")
R("logaddexp", "+inf", "notnan", "+inf"); R("logaddexp", "notnan", "+inf", "+inf")
for f in ("maximum", "minimum"):
    R(f, "nan", "any", "nan"); R(f, "any", "nan", "nan")
R("nextafter", "nan", "any", "nan"); R("nextafter", "any", "nan", "nan")
R("nextafter", "-0", "+0", "+0"); R("nextafter", "+0", "-0", "-0")

f = "equal"
R(f, "nan", "any", False); R(f, "any", "nan", False)
R(f, "+inf", "+inf", True); R(f, "-inf", "-inf", True)
R(f, "-0", "±0", True); R(f, "+0", "±0", True)
R(f, "fin", "fin", lambda x1, x2: x1 == x2, note="finite and equal: True; else the remaining cases: False")
R(f, "±inf", "fin", False)
f = "not_equal"
R(f, "nan", "any", True); R(f, "any", "nan", True)
R(f, "+inf", "-inf", True); R(f, "-inf", "+inf", True)
R(f, "fin", "fin", lambda x1, x2: x1 != x2, note="finite and unequal: True; else the remaining cases: False")
R(f, "±0", "±0", False)

f = "clip"
R(f, "nan", "-1", "1", "nan"); R(f, "0.5", "nan", "1", "nan"); R(f, "0.5", "-1", "nan", "nan")

# ------------------------------------------------------------ complex, unary
f = "abs"
Z(f, "±inf", "any", "+inf"); Z(f, "any", "±inf", "+inf")
Z(f, "±0", "notnan", lambda a, b: abs(b)); Z(f, "notnan", "±0", lambda a, b: abs(a))
Z(f, "nan", "fin", "nan"); Z(f, "fin", "nan", "nan"); Z(f, "nan", "nan", "nan")

f = "acos"
Z(f, "±0", "+0", "pi/2", "-0"); Z(f, "±0", "nan", "pi/2", "nan")
Z(f, "fin", "+inf", "pi/2", "-inf"); Z(f, "nzf", "nan", "nan", "nan")
Z(f, "-inf", "pos", "pi", "-inf"); Z(f, "+inf", "pos", "+0", "-inf")
Z(f, "-inf", "+inf", "3pi/4", "-inf"); Z(f, "+inf", "+inf", "pi/4", "-inf")
Z(f, "±inf", "nan", "nan", "±inf"); Z(f, "nan", "fin", "nan", "nan")
Z(f, "nan", "+inf", "nan", "-inf"); Z(f, "nan", "nan", "nan", "nan")

f = "acosh"
Z(f, "±0", "+0", "+0", "pi/2"); Z(f, "fin", "+inf", "+inf", "pi/2")
Z(f, "nzf", "nan", "nan", "nan"); Z(f, "+0", "nan", "nan", "±pi/2")
Z(f, "-inf", "pos", "+inf", "pi"); Z(f, "+inf", "pos", "+inf", "+0")
Z(f, "-inf", "+inf", "+inf", "3pi/4"); Z(f, "+inf", "+inf", "+inf", "pi/4")
Z(f, "±inf", "nan", "+inf", "nan"); Z(f, "nan", "fin", "nan", "nan")
Z(f, "nan", "+inf", "+inf", "nan"); Z(f, "nan", "nan", "nan", "nan")

f = "asinh"
Z(f, "+0", "+0", "+0", "+0"); Z(f, "pos", "+inf", "+inf", "pi/2")
Z(f, "fin", "nan", "nan", "nan"); Z(f, "+inf", "pos", "+inf", "+0")
Z(f, "+inf", "+inf", "+inf", "pi/4"); Z(f, "nan", "+0", "nan", "+0")
Z(f, "nan", "nzf", "nan", "nan"); Z(f, "nan", "+inf", "±inf", "nan")
Z(f, "nan", "nan", "nan", "nan")

f = "atanh"
Z(f, "+0", "+0", "+0", "+0"); Z(f, "+0", "nan", "+0", "nan"); Z(f, "1", "+0", "+inf", "+0")
Z(f, "pos", "+inf", "+0", "pi/2"); Z(f, "nzf", "nan", "nan", "nan")
Z(f, "+inf", "pos", "+0", "pi/2"); Z(f, "+inf", "+inf", "+0", "pi/2")
Z(f, "+inf", "nan", "+0", "nan"); Z(f, "nan", "fin", "nan", "nan")
Z(f, "nan", "+inf", "0", "pi/2"); Z(f, "nan", "nan", "nan", "nan")

_CIS = {
    "inf*cis(b)": lambda a, b: (math.copysign(INF, math.cos(b)), math.copysign(INF, math.sin(b))),
    "0*cis(b)": lambda a, b: (math.copysign(0.0, math.cos(b)), math.copysign(0.0, math.sin(b))),
    "inf*cis(b)-1": lambda a, b: (math.copysign(INF, math.cos(b)), math.copysign(INF, math.sin(b))),
    "0*cis(b)-1": lambda a, b: (-1.0, math.copysign(0.0, math.sin(b))),
}

f = "cosh"
Z(f, "+0", "+0", "1", "+0"); Z(f, "+0", "+inf", "nan", "0"); Z(f, "+0", "nan", "nan", "0")
Z(f, "nzf", "+inf", "nan", "nan"); Z(f, "nzf", "nan", "nan", "nan")
Z(f, "+inf", "+0", "+inf", "+0")
CASES.append(Case(f, [("+inf", "nzf")], _CIS["inf*cis(b)"], complex=True))
Z(f, "+inf", "+inf", "±inf", "nan"); Z(f, "+inf", "nan", "+inf", "nan")
Z(f, "nan", "±0", "nan", "0"); Z(f, "nan", "nzf", "nan", "nan"); Z(f, "nan", "nan", "nan", "nan")

for f, one in (("exp", "1"), ("expm1", "0")):
    m1 = "" if f == "exp" else "-1"
    Z(f, "±0", "+0", one, "+0")
    Z(f, "fin", "+inf", "nan", "nan"); Z(f, "fin", "nan", "nan", "nan")
    Z(f, "+inf", "+0", "+inf", "+0")
    CASES.append(Case(f, [("-inf", "fin")], _CIS["0*cis(b)" + m1], complex=True))
    CASES.append(Case(f, [("+inf", "nzf")], _CIS["inf*cis(b)" + m1], complex=True))
    if f == "exp":
        Z(f, "-inf", "+inf", "0", "0"); Z(f, "-inf", "nan", "0", "0")
    else:
        Z(f, "-inf", "+inf", "-1", "0"); Z(f, "-inf", "nan", "-1", "0")
    Z(f, "+inf", "+inf", "±inf", "nan"); Z(f, "+inf", "nan", "±inf", "nan")
    Z(f, "nan", "+0", "nan", "+0"); Z(f, "nan", "ne0", "nan", "nan"); Z(f, "nan", "nan", "nan", "nan")

Z("isfinite", "nan", "any", False); Z("isfinite", "any", "nan", False)
Z("isfinite", "±inf", "any", False); Z("isfinite", "any", "±inf", False)
Z("isfinite", "fin", "fin", True)
Z("isinf", "±inf", "any", True); Z("isinf", "fin", "±inf", True); Z("isinf", "nan", "±inf", True)
Z("isinf", "fin", "fin", False); Z("isinf", "nan", "fin", False); Z("isinf", "fin", "nan", False)
Z("isnan", "nan", "any", True); Z("isnan", "any", "nan", True); Z("isnan", "notnan", "notnan", False)

f = "log"
Z(f, "-0", "+0", "-inf", "pi"); Z(f, "+0", "+0", "-inf", "+0")
Z(f, "fin", "+inf", "+inf", "pi/2"); Z(f, "fin", "nan", "nan", "nan")
Z(f, "-inf", "pos", "+inf", "pi"); Z(f, "+inf", "pos", "+inf", "+0")
Z(f, "-inf", "+inf", "+inf", "3pi/4"); Z(f, "+inf", "+inf", "+inf", "pi/4")
Z(f, "±inf", "nan", "+inf", "nan"); Z(f, "nan", "fin", "nan", "nan")
Z(f, "nan", "+inf", "+inf", "nan"); Z(f, "nan", "nan", "nan", "nan")

f = "log1p"
Z(f, "-1", "+0", "-inf", "+0")
Z(f, "fin", "+inf", "+inf", "pi/2"); Z(f, "fin", "nan", "nan", "nan")
Z(f, "-inf", "pos", "+inf", "pi"); Z(f, "+inf", "pos", "+inf", "+0")
Z(f, "-inf", "+inf", "+inf", "3pi/4"); Z(f, "+inf", "+inf", "+inf", "pi/4")
Z(f, "±inf", "nan", "+inf", "nan"); Z(f, "nan", "fin", "nan", "nan")
Z(f, "nan", "+inf", "+inf", "nan"); Z(f, "nan", "nan", "nan", "nan")

Z("sign", "±0", "±0", "0", "0"); Z("sign", "nan", "any", "nan", "nan")
Z("sign", "any", "nan", "nan", "nan")

f = "sinh"
Z(f, "+0", "+0", "+0", "+0"); Z(f, "+0", "+inf", "0", "nan"); Z(f, "+0", "nan", "0", "nan")
Z(f, "pos", "+inf", "nan", "nan"); Z(f, "pos", "nan", "nan", "nan")
Z(f, "+inf", "+0", "+inf", "+0")
CASES.append(Case(f, [("+inf", "pos")], _CIS["inf*cis(b)"], complex=True))
Z(f, "+inf", "+inf", "±inf", "nan"); Z(f, "+inf", "nan", "±inf", "nan")
Z(f, "nan", "+0", "nan", "+0"); Z(f, "nan", "nzf", "nan", "nan"); Z(f, "nan", "nan", "nan", "nan")

f = "sqrt"
Z(f, "±0", "+0", "+0", "+0"); Z(f, "any", "+inf", "+inf", "+inf")
Z(f, "fin", "nan", "nan", "nan"); Z(f, "-inf", "pos", "+0", "+inf")
Z(f, "+inf", "pos", "+inf", "+0"); Z(f, "-inf", "nan", "nan", "±inf")
Z(f, "+inf", "nan", "+inf", "nan"); Z(f, "nan", "fin", "nan", "nan")
Z(f, "nan", "nan", "nan", "nan")

f = "tanh"
Z(f, "+0", "+0", "+0", "+0"); Z(f, "nzf", "+inf", "nan", "nan"); Z(f, "+0", "+inf", "+0", "nan")
Z(f, "nzf", "nan", "nan", "nan"); Z(f, "+0", "nan", "+0", "nan")
# "1 + 0j": the sign of the zero is sin(2b)'s in C99 (ctanh), so either zero
Z(f, "+inf", "pos", "1", "0"); Z(f, "+inf", "+inf", "1", "0"); Z(f, "+inf", "nan", "1", "0")
Z(f, "nan", "+0", "nan", "+0"); Z(f, "nan", "nzf", "nan", "nan"); Z(f, "nan", "nan", "nan", "nan")

# complex binary bullets: equality, and the all-NaN products and quotients
for f, res in (("equal", False), ("not_equal", True)):
    for k in range(4):
        toks = ["fin"] * 4
        toks[k] = "nan"
        CASES.append(Case(f, [(toks[0], toks[1]), (toks[2], toks[3])], res, complex=True,
                          note="a, b, c or d is NaN"))
CASES.append(Case("equal", [("fin", "fin"), ("fin", "fin")], lambda a, b, c, d: a == c and b == d,
                  complex=True, note="a == c AND b == d"))
CASES.append(Case("not_equal", [("fin", "fin"), ("fin", "fin")],
                  lambda a, b, c, d: a != c or b != d, complex=True, note="a != c OR b != d"))
for f in ("multiply", "divide"):
    CASES.append(Case(f, [("nan", "nan"), ("nan", "nan")], ("nan", "nan"), complex=True))
CASES.append(Case("add", [("-0", "+0"), ("-0", "-0")], ("-0", "+0"), complex=True,
                  note="the example of the standard: (-0 + 0j) + (-0 - 0j)"))


# --------------------------------------------------- derived from the above
def _neg_token(t):
    """The token of the negated values of t (for subtract = add of -x2)."""
    swap = {"+0": "-0", "-0": "+0", "+inf": "-inf", "-inf": "+inf", "pos": "neg", "neg": "pos",
            "nan+": "nan-", "nan-": "nan+"}
    if t in swap:
        return swap[t]
    if t in ("±0", "±inf", "nan", "nzf", "fin", "any", "notnan"):
        return t
    raise ValueError(t)


def _derive():
    new = []
    for c in list(CASES):
        if c.func == "add" and not c.complex:
            x1, x2 = c.args
            o = c.out
            if callable(o):
                o = (lambda g: lambda a, b: g(a, -b))(o)
            elif o == "rounded:add":
                o = "rounded:subtract"
            new.append(Case("subtract", [x1, _neg_token(x2)], o, derived=True,
                            note="x1 - x2 == x1 + (-x2)"))
            # complex addition applies the real cases to each component
            if not (isinstance(o, str) and o.startswith("rounded")):
                new.append(Case("add", [(x1, "1"), (x2, "2")], (c.out, "3"), complex=True,
                                derived=True, note="real components"))
                new.append(Case("add", [("1", x1), ("2", x2)], ("3", c.out), complex=True,
                                derived=True, note="imaginary components"))
        if c.func in ("round",) and not c.complex:
            (x,) = c.args
            new.append(Case("round", [(x, "0.5")], (c.out, "+0"), complex=True, derived=True,
                            note="components rounded independently"))
            new.append(Case("round", [("2.5", x)], ("2", c.out), complex=True, derived=True,
                            note="components rounded independently"))
        if c.func == "multiply" and not c.complex and c.args == ("nan", "any"):
            new.append(Case("square", ["nan"], "nan", derived=True, note="as x * x"))
        if c.func == "divide" and not c.complex and c.args[0] in ("pos",) and \
                c.args[1] in ("+0", "-0", "+inf", "-inf"):
            new.append(Case("reciprocal", [c.args[1]], c.out, derived=True, note="as 1.0 / x"))
        if c.complex and c.func in ("asinh", "atanh", "sinh", "tanh", "cosh"):
            # f(x) = -1j * g(x*1j): x*1j rotates (a, b) to (-b, a), -1j * (r + ij) = i - rj
            (a, b) = c.args[0]
            r, i = (None, None) if callable(c.out) else c.out
            target = {"asinh": "asin", "atanh": "atan", "sinh": "sin", "tanh": "tan",
                      "cosh": "cos"}[c.func]
            if callable(c.out):
                g = c.out
                if target == "cos":
                    o = (lambda g: lambda x, y: g(-y, x))(g)
                else:
                    o = (lambda g: lambda x, y: (lambda ri: (ri[1], -ri[0]))(g(-y, x)))(g)
            elif target == "cos":
                o = (r, i)
            else:
                o = (i, _neg_out(r))
            # g(a + bj) = v for the input of g; the input of f is x with x*1j == a + bj:
            # x = b - aj
            new.append(Case(target, [(b, _neg_in(a))], o, complex=True, derived=True,
                            note=f"as {'' if target == 'cos' else '-1j * '}{c.func}(x*1j)"))
        if c.complex and c.func == "log":
            (a, b), (r, i) = c.args[0], c.out
            for t, base in (("log2", 2.0), ("log10", 10.0)):
                new.append(Case(t, [(a, b)], (_div_out(r, base), _div_out(i, base)),
                                complex=True, derived=True, note=f"as log(x) / log({base:g})"))
    CASES.extend(new)
    CASES.append(Case("square", ["±inf"], "+inf", derived=True, note="as x * x"))
    CASES.append(Case("square", ["±0"], "+0", derived=True, note="as x * x"))
    CASES.append(Case("square", ["nzf"], "pos", derived=True, note="as x * x"))
    CASES.append(Case("square", [("nan", "nan")], ("nan", "nan"), complex=True, derived=True,
                      note="as x * x"))
    CASES.append(Case("reciprocal", ["nan"], "nan", derived=True, note="as 1.0 / x"))
    CASES.append(Case("reciprocal", ["pos"], "pos", derived=True, note="as 1.0 / x"))
    CASES.append(Case("reciprocal", ["neg"], "neg", derived=True, note="as 1.0 / x"))
    CASES.append(Case("reciprocal", [("nan", "nan")], ("nan", "nan"), complex=True,
                      derived=True, note="as 1.0 / x"))


def _neg_in(t):
    return {"+0": "-0", "-0": "+0", "+inf": "-inf", "-inf": "+inf", "pos": "neg", "neg": "pos",
            "1": "-1", "-1": "1"}.get(t, t) if t not in ("±0", "±inf", "nan", "nzf", "fin", "any",
                                                          "notnan", "ne0") else t


def _neg_out(t):
    if not isinstance(t, str):
        return t
    if t.startswith("±") or t in ("nan", "0"):
        return t
    if t.startswith("-"):
        return "+" + t[1:] if t[1:] in ("0", "inf") else t[1:]
    if t.startswith("+"):
        return "-" + t[1:]
    return "-" + t


def _div_out(t, base):
    """A result token divided by log(base) (infinities, zeros and NaN keep
    their token; the multiples of pi become numbers)."""
    if t in ("nan", "+0", "-0", "0", "+inf", "-inf", "±inf"):
        return t
    return ("approx", _const(t) / math.log(base))


def _const(t):
    """The number an output token like "3pi/4" or "-pi/2" stands for."""
    s = t.lstrip("+±")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("-")
    if "pi" not in s:
        return sign * float(s)
    num, _, den = s.partition("/")
    k = num.replace("pi", "") or "1"
    return sign * float(k) * math.pi / (float(den) if den else 1.0)


_derive()
