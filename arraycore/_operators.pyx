# arraycore/_operators.pyx -- the ndarray's operators (a + b, a += b, -a, a @ b,
# divmod, comparisons), a.dot/a.round/a.conj, temporary elision, and NumPy's
# __array_ufunc__ routed to arraycore's ufuncs.  Nothing here is called by
# name: at import it installs its entries in _core's table (core_impl), and
# the ndarray methods call them as C functions.
from arraycore._types cimport *
from arraycore._dtype cimport SAME_KIND_CASTING
from arraycore._core cimport (ndarray, size_of, core_impl, ACOp, ACOpSide,
    AC_OP_ADD, AC_OP_SUBTRACT, AC_OP_MULTIPLY, AC_OP_DIVIDE, AC_OP_FLOOR_DIVIDE,
    AC_OP_REMAINDER, AC_OP_POW, AC_OP_AND, AC_OP_OR, AC_OP_XOR, AC_OP_LSHIFT,
    AC_OP_RSHIFT, AC_OP_MATMUL, AC_OP_LT, AC_OP_LE, AC_OP_EQ, AC_OP_NE, AC_OP_GT,
    AC_OP_GE, AC_OP_NEGATIVE, AC_OP_POSITIVE, AC_OP_ABS, AC_OP_INVERT, AC_OP_CONJ,
    AC_OP_ROUND, AC_OP_DIVMOD, AC_OP_COUNT, AC_OP_LEFT, AC_OP_RIGHT, AC_OP_INPLACE,
    AC_OP_CALL)
from arraycore._convert cimport as_array
from arraycore._ufunc cimport ufunc, ufunc_call, get_ufunc, _call_fast, gufunc_impl
from arraycore._gufunc import matmul as _matmul

import sys as _sys
import opcode as _opcode     # (dis would import much more)

cdef extern from "Python.h":
    Py_ssize_t _ac_refcnt "Py_REFCNT"(object o)


# The ufunc of each operator, indexed by ACOp (AC_OP_DIVMOD has none: it is
# floor_divide and remainder).
cdef dict _NAMES = {
    AC_OP_ADD: "add", AC_OP_SUBTRACT: "subtract", AC_OP_MULTIPLY: "multiply",
    AC_OP_DIVIDE: "divide", AC_OP_FLOOR_DIVIDE: "floor_divide",
    AC_OP_REMAINDER: "remainder", AC_OP_POW: "pow", AC_OP_AND: "bitwise_and",
    AC_OP_OR: "bitwise_or", AC_OP_XOR: "bitwise_xor",
    AC_OP_LSHIFT: "bitwise_left_shift", AC_OP_RSHIFT: "bitwise_right_shift",
    AC_OP_LT: "less", AC_OP_LE: "less_equal", AC_OP_EQ: "equal", AC_OP_NE: "not_equal",
    AC_OP_GT: "greater", AC_OP_GE: "greater_equal", AC_OP_NEGATIVE: "negative",
    AC_OP_POSITIVE: "positive", AC_OP_ABS: "abs", AC_OP_INVERT: "bitwise_invert",
    AC_OP_CONJ: "conj", AC_OP_ROUND: "round",
}


cdef tuple _make_ufs():
    cdef int i
    ufs = []
    for i in range(AC_OP_COUNT):
        if i == AC_OP_MATMUL:
            ufs.append(_matmul)
        elif i == AC_OP_DIVMOD:
            ufs.append(None)
        else:
            ufs.append(get_ufunc(_NAMES[i]))
    return tuple(ufs)


cdef tuple _UFS = _make_ufs()


# ------------------------------------------------------- temporary elision
cdef object _getframe = _sys._getframe
# the opcodes of `a + b`, `a - b`, `a * b`, `a / b`: BINARY_OP from Python
# 3.11 on, one opcode per operator before
cdef frozenset _BINARY_OPS = frozenset(
    _opcode.opmap[n] for n in ("BINARY_OP", "BINARY_ADD", "BINARY_SUBTRACT",
                            "BINARY_MULTIPLY", "BINARY_TRUE_DIVIDE") if n in _opcode.opmap)
cdef enum:
    ELIDE_BYTES = 1 << 18


cdef bint _can_elide(ndarray a, object o):
    """Temporary elision: `a` is a large temporary nobody else holds (the
    interpreter's stack is its only reference, and the running instruction is
    the binary operator itself), so `a op o` may be computed into `a` in place
    when the result has a's dtype and shape.  Saves one allocation and one
    pass over memory in expressions like a * 2.0 + 1.0."""
    cdef ndarray b
    cdef int i, j
    if _ac_refcnt(a) != 1 or not _BINARY_OPS:
        return False
    if (a.flags & (AC_ARRAY_OWNDATA | AC_ARRAY_WRITEABLE | AC_ARRAY_ALIGNED)) != \
            (AC_ARRAY_OWNDATA | AC_ARRAY_WRITEABLE | AC_ARRAY_ALIGNED) or a.descr.swapped:
        return False
    if a.base is not None or size_of(a.nd, a.dimensions) * a.descr.itemsize < ELIDE_BYTES:
        return False
    t = type(o)
    k = a.descr.kind
    if t is float:
        if k != "f" and k != "c":
            return False
    elif t is int:
        if k == "b":
            return False
    elif t is complex:
        if k != "c":
            return False
    elif t is ndarray:
        b = <ndarray>o
        if b.descr is not a.descr or b.nd > a.nd:
            return False
        for i in range(b.nd):
            j = a.nd - b.nd + i
            if b.dimensions[i] != a.dimensions[j] and b.dimensions[i] != 1:
                return False
    else:
        return False
    f = _getframe(0)
    try:
        return f.f_code.co_code[f.f_lasti] in _BINARY_OPS
    except (IndexError, AttributeError):
        return False


cdef inline bint _elidable(ACOp op, ndarray a, ACOpSide side):
    """The operators that may reuse a temporary: + - * on either side, / on the
    left of a float or complex array."""
    if op == AC_OP_ADD or op == AC_OP_SUBTRACT or op == AC_OP_MULTIPLY:
        return side == AC_OP_LEFT or side == AC_OP_RIGHT
    if op == AC_OP_DIVIDE:
        return side == AC_OP_LEFT and (a.descr._kind == b"f" or a.descr._kind == b"c")
    return False


cdef inline bint _accepts(object o):
    """Whether an operator should handle `o` (else NotImplemented lets the other
    operand try): arrays, Python scalars, sequences and array-likes, unless
    they opt out with __array_ufunc__ = None."""
    t = type(o)
    if t is ndarray or t is float or t is int or t is bool or t is complex:
        return True
    if getattr(t, "__array_ufunc__", 0) is None:
        return False
    return (isinstance(o, (ndarray, int, float, complex, list, tuple))
            or hasattr(o, "__array_interface__") or hasattr(o, "__array__")
            or hasattr(o, "__dlpack__"))


# ------------------------------------------------------------ the operators
cdef object _call(ACOp op, object x, object y, object out):
    """The ufunc of `op` on (x, y), into out when given."""
    cdef ufunc uf = <ufunc>_UFS[op]
    cdef tuple args = (x, y)
    cdef tuple outs = None if out is None else (out,)
    if uf._core is not None:        # matmul: the generalized call
        return gufunc_impl(uf, args, outs, True, SAME_KIND_CASTING, None, None, None, False)
    if out is None:
        r = _call_fast(uf, args)
        if r is not None:
            return r
    return ufunc_call(uf, args, outs, True, SAME_KIND_CASTING, None, AC_KEEPORDER)


cdef object binary_op(ACOp op, ndarray a, object o, ACOpSide side):
    """a op o (AC_OP_LEFT), o op a (AC_OP_RIGHT), a op= o (AC_OP_INPLACE) or
    the method form a.dot(o) (AC_OP_CALL)."""
    # the elision test comes first: it needs a's reference count as the caller left it
    if _elidable(op, a, side) and _can_elide(a, o):
        return _call(op, a, o, a) if side == AC_OP_LEFT else _call(op, o, a, a)
    if side != AC_OP_CALL and not _accepts(o):
        return NotImplemented
    if op == AC_OP_DIVMOD:
        if side == AC_OP_RIGHT:
            return (_call(AC_OP_FLOOR_DIVIDE, o, a, None), _call(AC_OP_REMAINDER, o, a, None))
        return (_call(AC_OP_FLOOR_DIVIDE, a, o, None), _call(AC_OP_REMAINDER, a, o, None))
    if side == AC_OP_RIGHT:
        return _call(op, o, a, None)
    if side == AC_OP_INPLACE:
        return _call(op, a, o, a)
    return _call(op, a, o, None)


cdef object unary_op(ACOp op, ndarray a):
    """-a, +a, abs(a), ~a, a.conj(), a.round()."""
    cdef ufunc uf = <ufunc>_UFS[op]
    cdef tuple args = (a,)
    r = _call_fast(uf, args)
    if r is not None:
        return r
    return ufunc_call(uf, args, None, True, SAME_KIND_CASTING, None, AC_KEEPORDER)


# ------------------------------------------------------- NumPy's ufuncs
cdef tuple _METHODS = ("__call__", "reduce", "accumulate", "reduceat", "outer", "at")


cdef inline bint _is_pyscalar(object x):
    t = type(x)
    return t is float or t is int or t is bool or t is complex


cdef dict _NP_UFUNCS = {}       # NumPy ufunc -> arraycore's of the same name, or None
cdef object _interop = None     # arraycore._numpy_interop, imported on first use


cdef object _numpy_interop():
    global _interop
    if _interop is None:
        from arraycore import _numpy_interop as m
        _interop = m
    return _interop


cdef object _ours(object npufunc):
    """arraycore's ufunc for a NumPy ufunc: only NumPy's own ufuncs (an
    attribute of numpy under their name) map to arraycore's of that name;
    SciPy's and other libraries' ufuncs never do (names may collide)."""
    try:
        return _NP_UFUNCS[npufunc]
    except (KeyError, TypeError):
        pass
    name = getattr(npufunc, "__name__", None)
    np = _sys.modules.get("numpy")
    ours = None
    if type(name) is str and not name.startswith("_") and np is not None \
            and getattr(np, name, None) is npufunc:
        if name == "matmul":
            ours = _matmul
        else:
            try:
                ours = get_ufunc(name)
            except KeyError:
                ours = None
    try:
        _NP_UFUNCS[npufunc] = ours
    except TypeError:
        pass
    return ours


cdef object _operand(object x):
    """A ufunc operand: arrays and Python scalars as they are, array-likes
    viewed without copying, anything else (lists, tuples, NumPy scalars)
    converted as NumPy converts it."""
    if type(x) is ndarray or _is_pyscalar(x) or x is None:
        return x
    try:
        return as_array(x, False)
    except (ValueError, TypeError, BufferError):
        return _numpy_interop().as_operand(x)


cdef object array_ufunc(object npufunc, object method, tuple inputs, dict kwargs):
    """A NumPy ufunc applied to arraycore arrays: run arraycore's ufunc of the
    same name on them (NumPy arrays among the operands are viewed, not copied);
    NumPy's and SciPy's ufuncs that arraycore lacks run NumPy's loops on views
    (arraycore/_numpy_interop.py)."""
    cdef ufunc ours = <ufunc>_ours(npufunc)
    if ours is None or method not in _METHODS:
        return _numpy_interop().ufunc_fallback(npufunc, method, inputs, kwargs)
    if not kwargs and method == "__call__" and ours._core is None:
        r = _call_fast(ours, inputs)
        if r is not None:
            return r
    conv = [_operand(x) for x in inputs]
    out = kwargs.get("out")
    if out is not None:
        outs = out if isinstance(out, tuple) else (out,)
        kwargs = dict(kwargs)
        kwargs["out"] = tuple(o if o is None or isinstance(o, ndarray)
                              else as_array(o, False) for o in outs)
        if len(kwargs["out"]) == 1 and method != "__call__":
            kwargs["out"] = kwargs["out"][0]
    if "subok" in kwargs:
        kwargs = dict(kwargs)
        kwargs.pop("subok")
    if method == "__call__":
        return ours(*conv, **kwargs)
    return getattr(ours, method)(*conv, **kwargs)


core_impl.binary = binary_op
core_impl.unary = unary_op
core_impl.array_ufunc = array_ufunc
