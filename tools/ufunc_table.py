"""The ufunc table: every built-in ufunc of arraycore as data.

tools/gen_loops.py turns this table into arraycore/src/ac_umath_loops.c (one
inner loop per ufunc and type signature, with contiguous and SIMD fast paths)
and arraycore/_ufunc.pyx creates one ufunc object per entry at import.

Each entry: name, nin, identity (None, or a C expression of the identity in
the loop type; "reorderable" for ReorderableNone), docstring, and its loops in
NumPy's order (the first loop every input can be safely cast to wins).
A loop is (signature, expression): the signature uses NumPy's type
characters (? b B h H i I l L e f d F D), the expression is C over the
inputs a, b, c with {S} standing for the computing type's character (float16
computes as f).  `simd` marks the hot loops compiled once per SIMD level.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dtype_table import DTYPES  # noqa: E402


def _of_kind(kinds):
    """The type characters of the given kinds, in dense order (tools/dtype_table.py)."""
    return "".join(d.char for d in DTYPES if d.kind in kinds)


BOOL = _of_kind("b")     # ?
SINT = _of_kind("i")     # bhil
UINT = _of_kind("u")     # BHIL
INTS = _of_kind("iu")    # bBhHiIlL
REAL = _of_kind("f")     # efd
CPLX = _of_kind("c")     # FD
FLOAT = REAL + CPLX
NUM = INTS + FLOAT
ALL = BOOL + NUM


def loops(chars, expr, nin, out=None):
    """One loop per type character c: c * nin -> (out or c)."""
    return [(c * nin + "->" + (out or c), expr) for c in chars]


def U(name, nin, doc, loops_, identity=None, simd=False, alias=(), vec=None, nout=1):
    return dict(name=name, nin=nin, nout=nout, identity=identity, doc=doc,
                loops=loops_, simd=simd, alias=alias, vec=vec or {})


def two_outputs(name, nin, doc, chars, exprs):
    """A ufunc with two outputs of the input type: one loop per type character,
    exprs = (first output's expression, second output's)."""
    return U(name, nin, doc, [(c * nin + "->" + c * 2, exprs) for c in chars], nout=2)


def unary(name, doc, spec, **kw):
    ls = []
    for chars, expr, *out in spec:
        ls += loops(chars, expr, 1, out[0] if out else None)
    return U(name, 1, doc, ls, **kw)


def binary(name, doc, spec, **kw):
    ls = []
    for chars, expr, *out in spec:
        ls += loops(chars, expr, 2, out[0] if out else None)
    return U(name, 2, doc, ls, **kw)


def cmp(name, op, doc, cop):
    return binary(name, doc, [(BOOL + NUM.replace("FD", ""), f"a {op} b", "?"),
                              (CPLX, cop, "?")], simd="wide")


TRUE_DIV_INTS = [(c + c + "->d", "(double)a / (double)b") for c in BOOL + INTS]

UFUNCS = [
    # ---- arithmetic --------------------------------------------------------
    binary("add", "Add arguments element-wise.",
           [(BOOL, "a || b"), (NUM, "a + b")], identity="0", simd=True),
    binary("subtract", "Subtract arguments, element-wise.",
           [(NUM, "a - b")], simd=True),
    binary("multiply", "Multiply arguments element-wise.",
           [(BOOL, "a && b"), (NUM, "a * b")], identity="1", simd=True),
    U("divide", 2, "Divide arguments element-wise (true division).",
      TRUE_DIV_INTS + loops(REAL, "a / b", 2) + loops(CPLX, "ac_cdiv_{S}(a, b)", 2), simd="wide",
      alias=("true_divide",)),
    binary("floor_divide", "The largest integer smaller or equal to the division of the inputs.",
           [(INTS + "efd", "ac_fdiv_{S}(a, b)")]),
    binary("remainder", "Element-wise remainder of division, with the sign of the divisor.",
           [(INTS + "efd", "ac_rem_{S}(a, b)")], alias=("mod",)),
    binary("pow", "First array elements raised to powers from the second array.",
           [(INTS, "ac_pow_{S}(a, b)"), (REAL, "pow(a, b)"), (CPLX, "ac_cpow_{S}(a, b)")], alias=("power",),
           vec={"f": "ac_vpow_f32", "d": "ac_vpow_f64"}),
    unary("negative", "Numerical negative, element-wise.", [(NUM, "-a")], simd=True),
    unary("positive", "Numerical positive, element-wise.", [(NUM, "a")]),
    unary("abs", "Absolute value element-wise.",
          [(BOOL, "a"), (INTS, "ac_abs_{S}(a)"), (REAL, "fabs(a)"),
           ("F", "cabsf(a)", "f"), ("D", "cabs(a)", "d")], simd=True,
          alias=("absolute",)),
    unary("square", "The element-wise square of the input.", [(NUM, "a * a")], simd=True),
    unary("reciprocal", "The reciprocal of the argument, element-wise.",
          [(REAL, "1 / a"), (CPLX, "ac_crecip_{S}(a)")]),
    unary("sign", "An element-wise indication of the sign of a number.",
          [(INTS + REAL + CPLX, "ac_sign_{S}(a)")]),
    # ---- comparisons ---------------------------------------------------------
    cmp("equal", "==", "Return (x1 == x2) element-wise.", "a == b"),
    cmp("not_equal", "!=", "Return (x1 != x2) element-wise.", "a != b"),
    cmp("less", "<", "Return the truth value of (x1 < x2) element-wise.", "ac_clt_{S}(a, b)"),
    cmp("less_equal", "<=", "Return the truth value of (x1 <= x2) element-wise.",
        "ac_cle_{S}(a, b)"),
    cmp("greater", ">", "Return the truth value of (x1 > x2) element-wise.", "ac_clt_{S}(b, a)"),
    cmp("greater_equal", ">=", "Return the truth value of (x1 >= x2) element-wise.",
        "ac_cle_{S}(b, a)"),
    binary("maximum", "Element-wise maximum of array elements (NaN propagates).",
           [(BOOL, "a || b"), (INTS, "a >= b ? a : b"), ("e", "ac_max_first_{S}(a, b)"),
            ("fd" + CPLX, "ac_max_{S}(a, b)")],
           identity="reorderable", simd=True),
    binary("minimum", "Element-wise minimum of array elements (NaN propagates).",
           [(BOOL, "a && b"), (INTS, "a <= b ? a : b"), ("e", "ac_min_first_{S}(a, b)"),
            ("fd" + CPLX, "ac_min_{S}(a, b)")],
           identity="reorderable", simd=True),
    # ---- logical and bitwise -----------------------------------------------
    binary("logical_and", "Compute the truth value of x1 AND x2 element-wise.",
           [(ALL, "(a != 0) && (b != 0)", "?")], identity="1"),
    binary("logical_or", "Compute the truth value of x1 OR x2 element-wise.",
           [(ALL, "(a != 0) || (b != 0)", "?")], identity="0"),
    binary("logical_xor", "Compute the truth value of x1 XOR x2, element-wise.",
           [(ALL, "(a != 0) != (b != 0)", "?")], identity="0"),
    unary("logical_not", "Compute the truth value of NOT x element-wise.",
          [(ALL, "a == 0", "?")]),
    binary("bitwise_and", "Compute the bit-wise AND of two arrays element-wise.",
           [(BOOL, "a && b"), (INTS, "a & b")], identity="-1"),
    binary("bitwise_or", "Compute the bit-wise OR of two arrays element-wise.",
           [(BOOL, "a || b"), (INTS, "a | b")], identity="0"),
    binary("bitwise_xor", "Compute the bit-wise XOR of two arrays element-wise.",
           [(BOOL, "a != b"), (INTS, "a ^ b")], identity="0"),
    unary("bitwise_invert", "Compute bit-wise inversion, or bit-wise NOT, element-wise.",
          [(BOOL, "!a"), (INTS, "~a")], alias=("invert",)),
    binary("bitwise_left_shift", "Shift the bits of an integer to the left.",
           [(INTS, "ac_lshift_{S}(a, b)")], alias=("left_shift",)),
    binary("bitwise_right_shift", "Shift the bits of an integer to the right.",
           [(INTS, "ac_rshift_{S}(a, b)")], alias=("right_shift",)),
    # ---- floating-point classification ---------------------------------------
    unary("isnan", "Test element-wise for NaN.",
          [(BOOL + INTS, "0", "?"), (REAL, "isnan(a)", "?"), (CPLX, "ac_cnan_{S}(a)", "?")]),
    unary("isinf", "Test element-wise for positive or negative infinity.",
          [(BOOL + INTS, "0", "?"), (REAL, "isinf(a)", "?"),
           (CPLX, "isinf(creal(a)) || isinf(cimag(a))", "?")]),
    unary("isfinite", "Test element-wise for finiteness (not infinity and not NaN).",
          [(BOOL + INTS, "1", "?"), (REAL, "isfinite(a)", "?"),
           (CPLX, "isfinite(creal(a)) && isfinite(cimag(a))", "?")]),
    unary("signbit", "Returns element-wise True where the sign bit is set.",
          [(REAL, "signbit(a)", "?")]),
    # ---- rounding ------------------------------------------------------------
    unary("floor", "Return the floor of the input, element-wise.",
          [(BOOL + INTS, "a"), (REAL, "floor(a)")]),
    unary("ceil", "Return the ceiling of the input, element-wise.",
          [(BOOL + INTS, "a"), (REAL, "ceil(a)")]),
    unary("trunc", "Return the truncated value of the input, element-wise.",
          [(BOOL + INTS, "a"), (REAL, "trunc(a)")]),
    unary("round", "Round to the nearest integer (halves to even), element-wise.",
          [(INTS, "a"), (REAL, "rint(a)"), (CPLX, "ac_rint_{S}(a)")], alias=("rint",)),
    # ---- exponents and logarithms --------------------------------------------
    unary("sqrt", "Return the non-negative square-root of an array, element-wise.",
          [(FLOAT, "sqrt(a)")], simd="wide"),
    unary("exp", "Calculate the exponential of all elements in the input array.",
          [(FLOAT, "exp(a)")], vec={"f": "ac_vexp_f32", "d": "ac_vexp_f64"}),
    unary("expm1", "Calculate exp(x) - 1 for all elements in the array.",
          [(REAL, "expm1(a)"), (CPLX, "ac_expm1_{S}(a)")]),
    unary("log", "Natural logarithm, element-wise.", [(FLOAT, "log(a)")],
          vec={"f": "ac_vlog_f32", "d": "ac_vlog_f64"}),
    unary("log1p", "Return the natural logarithm of one plus the input, element-wise.",
          [(REAL, "log1p(a)"), (CPLX, "ac_log1p_{S}(a)")]),
    unary("log2", "Base-2 logarithm of x.", [(REAL, "log2(a)"), (CPLX, "ac_log2_{S}(a)")]),
    unary("log10", "Return the base 10 logarithm of the input array, element-wise.",
          [(REAL, "log10(a)"), (CPLX, "ac_log10_{S}(a)")]),
    binary("logaddexp", "Logarithm of the sum of exponentiations of the inputs.",
           [(REAL, "ac_logaddexp_{S}(a, b)")], identity="-INFINITY"),
    # ---- trigonometric and hyperbolic ----------------------------------------
    *[unary(n, f"{d}, element-wise.", [(FLOAT, f"{c}(a)")], alias=al)
      for n, c, d, al in [
          ("sin", "sin", "Trigonometric sine", ()),
          ("cos", "cos", "Cosine", ()),
          ("tan", "tan", "Compute tangent", ()),
          ("asin", "asin", "Inverse sine", ("arcsin",)),
          ("acos", "acos", "Trigonometric inverse cosine", ("arccos",)),
          ("atan", "atan", "Trigonometric inverse tangent", ("arctan",)),
          ("sinh", "sinh", "Hyperbolic sine", ()),
          ("cosh", "cosh", "Hyperbolic cosine", ()),
          ("tanh", "tanh", "Compute hyperbolic tangent", ()),
          ("asinh", "asinh", "Inverse hyperbolic sine", ("arcsinh",)),
          ("acosh", "acosh", "Inverse hyperbolic cosine", ("arccosh",)),
          ("atanh", "atanh", "Inverse hyperbolic tangent", ("arctanh",)),
      ]],
    binary("atan2", "Element-wise arc tangent of x1/x2 choosing the quadrant correctly.",
           [(REAL, "atan2(a, b)")], alias=("arctan2",)),
    binary("hypot", "Given the legs of a right triangle, return its hypotenuse.",
           [(REAL, "hypot(a, b)")]),
    binary("copysign", "Change the sign of x1 to that of x2, element-wise.",
           [(REAL, "copysign(a, b)")]),
    binary("nextafter", "Return the next floating-point value after x1 towards x2.",
           [("fd", "nextafter(a, b)")]),
    # ---- complex parts -------------------------------------------------------
    unary("conj", "Return the complex conjugate, element-wise.",
          [(INTS + REAL, "a"), (CPLX, "conj(a)")], alias=("conjugate",)),
    unary("real", "The real part of the argument, element-wise.",
          [(BOOL + INTS + REAL, "a"), ("F", "crealf(a)", "f"), ("D", "creal(a)", "d")]),
    unary("imag", "The imaginary part of the argument, element-wise.",
          [(BOOL + INTS + REAL, "0"), ("F", "cimagf(a)", "f"), ("D", "cimag(a)", "d")]),
    # ---- selection (internal: used by where()) -------------------------------
    U("_where", 3, "Select from x1 where the condition is true, else from x2.",
      [("?" + c + c + "->" + c, "a ? b : c") for c in ALL], simd=True),
]

# ---- NumPy-named element-wise functions (issue 12) --------------------------
# Beside the standard's set; NumPy's names, type signatures and results.
UFUNCS += [
    unary("cbrt", "Return the cube-root of an array, element-wise.", [(REAL, "cbrt(a)")]),
    unary("exp2", "Calculate 2**p for all p in the input array.",
          [(REAL, "exp2(a)"),     # complex: exp(p ln 2), the parts scaled, as NumPy's
           ("F", "cexpf(a * 0.693147180559945309417232121458176568f)"),
           ("D", "cexp(a * 0.693147180559945309417232121458176568)")]),
    unary("deg2rad", "Convert angles from degrees to radians.",
          [(REAL, "a * (0.017453292519943295769236907684886127)")], alias=("radians",)),
    unary("rad2deg", "Convert angles from radians to degrees.",
          [(REAL, "a * (57.295779513082320876798154814105170)")], alias=("degrees",)),
    # NumPy's rint has no integer loops (integers give floats); it overrides the alias
    # 'rint' of round above
    unary("rint", "Round elements of the array to the nearest integer (halves to even).",
          [(REAL, "rint(a)"), (CPLX, "ac_rint_{S}(a)")]),
    unary("fabs", "Compute the absolute values element-wise (real floating types).",
          [(REAL, "fabs(a)")]),
    binary("logaddexp2", "Logarithm of the sum of exponentiations of the inputs in base-2.",
           [(REAL, "ac_logaddexp2_{S}(a, b)")], identity="-INFINITY"),
    binary("fmod", "Returns the element-wise remainder of division (sign of the dividend).",
           [(INTS, "ac_fmod_{S}(a, b)"), (REAL, "fmod(a, b)")]),
    two_outputs("modf", 1, "Return the fractional and integral parts of an array, "
                "element-wise (both with the sign of the input).",
                "efd", ("ac_modf_frac_{S}(a)", "ac_modf_int_{S}(a)")),
    two_outputs("divmod", 2, "Return element-wise quotient and remainder simultaneously "
                "(floor_divide and remainder).",
                INTS + "efd", ("ac_fdiv_{S}(a, b)", "ac_rem_{S}(a, b)")),
    binary("heaviside", "Compute the Heaviside step function.",
           [(REAL, "ac_heaviside_{S}(a, b)")]),
    U("float_power", 2, "First array elements raised to powers from the second array, "
      "element-wise, in double precision.",
      [("dd->d", "pow(a, b)"), ("DD->D", "ac_cpow_D(a, b)")], vec={"d": "ac_vpow_f64"}),
    binary("gcd", "Returns the greatest common divisor of |x1| and |x2|.",
           [(INTS, "ac_gcd_{S}(a, b)")], identity="0"),
    binary("lcm", "Returns the lowest common multiple of |x1| and |x2|.",
           [(INTS, "ac_lcm_{S}(a, b)")]),
    binary("fmax", "Element-wise maximum of array elements (NaNs ignored).",
           [(BOOL, "a || b"), (INTS, "a >= b ? a : b"), (REAL, "fmax(a, b)"),
            (CPLX, "ac_fmax_{S}(a, b)")],
           identity="reorderable"),
    binary("fmin", "Element-wise minimum of array elements (NaNs ignored).",
           [(BOOL, "a && b"), (INTS, "a <= b ? a : b"), (REAL, "fmin(a, b)"),
            (CPLX, "ac_fmin_{S}(a, b)")],
           identity="reorderable"),
]
