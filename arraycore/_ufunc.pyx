# arraycore/_ufunc.pyx -- the ufunc object and the one engine that calls
# inner loops: type resolution (exact match, then the first loop reachable by
# safe casts, Python scalars weak as in NEP 50), broadcasting, output
# allocation, casting of operands, overlap handling, where= masks, and the
# methods reduce / accumulate / reduceat / outer / at.  The built-in ufuncs
# are created here from the generated table (tools/ufunc_table.py).
# Generalized ufuncs (core dimensions) live in _gufunc.pyx and plug in here.
from cpython.ref cimport PyObject
from libc.string cimport memcpy, memset, memcmp
from libc.stdlib cimport malloc, free
from libc.stdint cimport uintptr_t
from libc.signal cimport signal as c_signal, SIGINT, SIG_ERR

from arraycore._types cimport *
from arraycore._dtype cimport (
    dtype, descr_from_tidx, as_dtype, as_dtype_or_none, can_cast_descr, promote_many,
    result_type_weak, parse_casting, native, dtype_for_pyscalar,
    ACX_BOOL, ACX_INT64, ACX_UINT64, ACX_FLOAT16, ACX_FLOAT64, ACX_COMPLEX64,
    ACX_COMPLEX128, ACX_NTYPES, SAFE_CASTING, SAME_KIND_CASTING, UNSAFE_CASTING,
    NO_CASTING)
from arraycore._core cimport (
    ndarray, new_array, make_view, empty_like_array, broadcast_shapes_c,
    broadcast_strides, copy_into, copy_array, size_of, shape_tuple,
    normalize_axis, setitem_ptr, getitem_ptr, fill_array, parse_order,
    check_writeable, overlaps, same_view)
from arraycore._convert cimport _asarray, as_array
from arraycore._iter cimport (
    ACIter, aci_next_fn, iter_build, iter_release, iter_get_next, iter_check_error,
    AC_ITER_EXTERNAL_LOOP, AC_ITER_BUFFERED, AC_ITER_GROWINNER, AC_ITER_ZEROSIZE_OK,
    AC_ITER_COPY_IF_OVERLAP, AC_ITER_READONLY, AC_ITER_WRITEONLY, AC_ITER_ALLOCATE,
    AC_ITER_NBO, AC_ITER_ALIGNED, AC_ITER_NO_BROADCAST)

cdef extern from "ac_umath.h":
    ctypedef struct ac_ufunc_spec:
        const char *name
        int nin, nout, ntypes
        const char *identity
        const char *doc
        const char *aliases
        const unsigned char *types
        ACUFuncGenericFunction *funcs
    const ac_ufunc_spec ac_builtin_ufuncs[]
    const int ac_n_builtin_ufuncs
    int ac_sigint_flag
    int ac_ufunc_run(int ndim, const ac_intp *shape, int nop, char **ptrs,
                     const ac_intp *strides, int key_op,
                     ACUFuncGenericFunction loop, void *data) nogil

cdef extern from "arraycore/acufunc.h":
    enum:
        ACUFunc_Zero, ACUFunc_One, ACUFunc_MinusOne, ACUFunc_None
        ACUFunc_ReorderableNone, ACUFunc_IdentityValue

cdef extern from "Python.h":
    int PyErr_CheckSignals() except -1
    void PyErr_SetInterrupt()

cdef str _CHARS = "?bBhHiIlLefdFD"
cdef enum:
    UF_COMPARISON = 1           # Python ints out of the array's range still compare exactly
    UF_NO_BOOL = 2              # all-bool inputs are an error (subtract, negative)
    UF_INT_POW = 4              # integer powers refuse negative exponents (pow)
    UF_QUIET_NAN = 8            # NaN inputs are not "invalid" (comparisons, max/min, sign)

cdef enum:
    BUFFERED_MIN = 65536        # casts of smaller operands copy them whole
    NOGIL_SIZE = 8192           # loops at least this long run without the GIL
    MAXD = AC_MAXDIMS

_NoValue = object()


class UFuncTypeError(TypeError):
    """No loop of a ufunc matches its inputs, or an output cannot hold the result."""


# ----------------------------------------------------------------------------
# interrupts (AC_SIGINT_ON / AC_SIGINT_OFF): one handler for the process
# ----------------------------------------------------------------------------
ctypedef void (*sighandler_t)(int) noexcept nogil
cdef int _sigint_depth = 0
cdef sighandler_t _sigint_old = NULL

cdef void _sigint_handler(int sig) noexcept nogil:
    global ac_sigint_flag
    ac_sigint_flag = 1

cdef void sigint_on() noexcept:
    """Install the polling SIGINT handler (GIL held; nests)."""
    global _sigint_depth, _sigint_old, ac_sigint_flag
    cdef sighandler_t old
    if _sigint_depth == 0:
        ac_sigint_flag = 0
        old = c_signal(SIGINT, _sigint_handler)
        if old == SIG_ERR:        # not the main thread's business: just poll nothing
            return
        _sigint_old = old
    _sigint_depth += 1

cdef int sigint_off() noexcept:
    """Undo sigint_on; returns 1 (and re-raises SIGINT to Python) if one arrived."""
    global _sigint_depth, ac_sigint_flag
    cdef int hit = ac_sigint_flag
    if _sigint_depth == 0:
        return 0
    _sigint_depth -= 1
    if _sigint_depth == 0:
        c_signal(SIGINT, _sigint_old)
        ac_sigint_flag = 0
        if hit:
            PyErr_SetInterrupt()
    return hit

cdef int sigint_pending() noexcept nogil:
    return ac_sigint_flag


# ----------------------------------------------------------------------------
# floating-point errors: NumPy's seterr/geterr/errstate, per context
# ----------------------------------------------------------------------------
import contextvars as _contextvars
import contextlib as _contextlib
import warnings as _warnings

cdef extern from "arraycore/acmath.h":
    enum:
        AC_FPE_DIVIDEBYZERO, AC_FPE_OVERFLOW, AC_FPE_UNDERFLOW, AC_FPE_INVALID

cdef extern from "ac_umath.h":
    int ac_fpe_fetch_clear() nogil

_ERR_KINDS = ("divide", "over", "under", "invalid")
_ERR_MODES = ("ignore", "warn", "raise", "call", "print", "log")
# per kind: 0 ignore, 1 warn, 2 raise (NumPy's defaults: warn, but ignore underflow)
_errstate = _contextvars.ContextVar("arraycore_errstate", default=(1, 1, 0, 1))
cdef tuple _FPE_BITS = ((AC_FPE_DIVIDEBYZERO, "divide by zero"), (AC_FPE_OVERFLOW, "overflow"),
                        (AC_FPE_UNDERFLOW, "underflow"), (AC_FPE_INVALID, "invalid value"))


cdef int _fpe_report(object name, int st) except -1:
    modes = _errstate.get()
    for i in range(4):
        bit, what = _FPE_BITS[i]
        if st & bit:
            m = modes[i]
            if m == 2:
                raise FloatingPointError(f"{what} encountered in {name}")
            if m == 1:
                _warnings.warn(f"{what} encountered in {name}", RuntimeWarning, stacklevel=2)
    return 0


cdef int fpe_check(ufunc uf) except -1:
    """Report the floating-point exceptions the last loop raised (call
    ac_fpe_fetch_clear() before the loop).  Ordered comparisons raise the
    invalid flag on NaN in C; ufuncs that only compare ignore it, as NumPy's
    quiet SIMD comparisons do."""
    cdef int st = ac_fpe_fetch_clear()
    if uf._flags & UF_QUIET_NAN:
        st &= ~AC_FPE_INVALID
    if st:
        _fpe_report(uf.__name__, st)
    return 0


def geterr():
    """How floating-point errors are handled: {'divide', 'over', 'under',
    'invalid'} -> 'ignore' | 'warn' | 'raise'."""
    modes = _errstate.get()
    return {k: _ERR_MODES[m] for k, m in zip(_ERR_KINDS, modes)}


def _parse_modes(all=None, divide=None, over=None, under=None, invalid=None):
    new = list(_errstate.get())
    for i, v in enumerate((divide, over, under, invalid)):
        v = all if v is None else v
        if v is None:
            continue
        if v not in _ERR_MODES:
            raise ValueError(f"invalid floating-point error mode {v!r}; use one of "
                             "'ignore', 'warn', 'raise'")
        new[i] = {"ignore": 0, "warn": 1, "raise": 2}.get(v, 1)
    return tuple(new)


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set how floating-point errors are handled (in the current context);
    returns the previous settings, as NumPy's seterr."""
    old = geterr()
    _errstate.set(_parse_modes(all, divide, over, under, invalid))
    return old


class errstate(_contextlib.ContextDecorator):
    """Context manager (or decorator) for floating-point error handling:
    ``with errstate(divide='ignore', invalid='raise'): ...``."""

    def __init__(self, *, all=None, divide=None, over=None, under=None, invalid=None,
                 call=None):
        if call is not None:
            raise TypeError("errstate: 'call' is not supported by arraycore")
        self._modes = _parse_modes(all, divide, over, under, invalid)
        self._tokens = []

    def __enter__(self):
        self._tokens.append(_errstate.set(self._modes))
        return self

    def __exit__(self, *exc):
        _errstate.reset(self._tokens.pop())
        return False


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------
cdef inline bint _is_pyscalar(object x):
    t = type(x)
    return t is float or t is int or t is bool or t is complex


cdef inline int _abs_i(ac_intp x) noexcept:
    return -x if x < 0 else x


cdef bint _overlaps(ndarray x, ndarray y) noexcept:
    return overlaps(x, y)       # the one overlap test (_core)


cdef inline bint _direct(ndarray a, int t) noexcept:
    """a can be handed to a loop of type t as it is."""
    return (a.descr.tidx == t and not a.descr.swapped
            and (a.flags & AC_ARRAY_ALIGNED) != 0)


cdef str _dtype_names(list dts):
    return ", ".join(f"dtype('{d}')" if isinstance(d, dtype) else repr(d) for d in dts)


# ----------------------------------------------------------------------------
# the ufunc object
# ----------------------------------------------------------------------------
cdef class ufunc:
    """A function that operates on arrays element by element, with
    broadcasting, type casting and the reduce/accumulate/outer/at methods."""

    def __cinit__(self):
        self._types = NULL
        self._funcs = NULL
        self._data = NULL
        memset(self._cache, 0xff, sizeof(self._cache))

    def __dealloc__(self):
        free(self._types)
        free(self._funcs)
        free(self._data)

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'arraycore.ufunc' instances directly; "
                        "use ACUFunc_FromFuncAndData (C or cimport arraycore)")

    @property
    def __doc__(self):
        return self._doc

    @property
    def types(self):
        cdef int i, k
        res = []
        for i in range(self.ntypes):
            s = "".join(_CHARS[self._types[i * self.nargs + k]] for k in range(self.nin))
            s += "->" + "".join(_CHARS[self._types[i * self.nargs + k]]
                                for k in range(self.nin, self.nargs))
            res.append(s)
        return res

    @property
    def identity(self):
        return self._identity_value

    @property
    def signature(self):
        return self._signature

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __reduce__(self):
        # built-ins and the linear-algebra gufuncs pickle by name; others are
        # made by C code and cannot be rebuilt from a pickle
        return (_ufunc_by_name, (self.__name__,))

    def __call__(self, *args, **kwargs):
        if not kwargs and self._core is None:
            r = _call_fast(self, args)
            if r is not None:
                return r
        return self._call(args, **kwargs)

    def _call(self, args, out=None, where=True, casting="same_kind", order="K",
              dtype=None, signature=None, subok=True, axes=None, axis=None, keepdims=False):
        cdef int nargs = len(<tuple>args)
        sig = None
        if nargs > self.nin:
            if nargs > self.nargs:
                raise TypeError(f"{self.__name__}() takes from {self.nin} to {self.nargs} "
                                f"positional arguments but {nargs} were given")
            if out is not None:
                raise TypeError(f"{self.__name__}(): cannot specify 'out' as both a "
                                "positional and keyword argument")
            out = args[self.nin:]
            args = args[:self.nin]
        elif nargs < self.nin:
            raise TypeError(f"{self.__name__}() takes from {self.nin} to {self.nargs} "
                            f"positional arguments but {nargs} were given")
        if out is not None:
            out = _normalize_out(self, out)
        if dtype is not None:
            sig = as_dtype(dtype)
        if signature is not None:
            sig = _sig_out_dtype(self, signature)
        if self._core is not None:
            return _gufunc_call(self, args, out, where, parse_casting(casting), sig,
                                axes, axis, keepdims)
        if axes is not None or axis is not None or keepdims:
            raise TypeError(f"{self.__name__}(): 'axes', 'axis' and 'keepdims' are only "
                            "for generalized ufuncs")
        return ufunc_call(self, args, out, where, parse_casting(casting), sig,
                          parse_order(order))

    # ------------------------------------------------------------ methods
    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False,
               initial=_NoValue, where=True):
        """Reduce array's dimensions in `axis` by applying the ufunc along them."""
        if out is not None:
            out = _normalize_out(self, out)[0]
        return ufunc_reduce(self, array, axis, as_dtype_or_none(dtype), out, keepdims,
                            initial, where)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """Accumulate the result of applying the ufunc along `axis`."""
        if out is not None:
            out = _normalize_out(self, out)[0]
        return _accumulate(self, array, axis, as_dtype_or_none(dtype), out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """Reductions over the slices indices[i]:indices[i+1] along `axis`."""
        return _reduceat(self, array, indices, axis, dtype, out)

    def outer(self, A, B, /, **kwargs):
        """Apply the ufunc to all pairs (a, b) with a in A and b in B."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary functions")
        a = as_array(A)
        b = as_array(B)
        sa = shape_tuple(a.nd, a.dimensions)
        sb = shape_tuple(b.nd, b.dimensions)
        a2 = a.reshape(sa + (1,) * b.nd)
        return self(a2, b, **kwargs)

    def at(self, a, indices, b=None, /):
        """Unbuffered in-place a[indices] = ufunc(a[indices], b): repeated indices
        accumulate."""
        return _at(self, a, indices, b)


cdef tuple _normalize_out(ufunc uf, object out):
    if isinstance(out, tuple):
        if len(<tuple>out) != uf.nout:
            raise ValueError(f"{uf.__name__}(): the 'out' tuple must have exactly "
                             f"{uf.nout} entries: one per ufunc output")
    else:
        if uf.nout != 1:
            raise ValueError(f"{uf.__name__}(): 'out' must be a tuple of {uf.nout} arrays")
        out = (out,)
    for o in <tuple>out:
        if o is not None and not isinstance(o, ndarray):
            raise TypeError(f"{uf.__name__}(): return arrays must be of arraycore.ndarray "
                            f"type, not {type(o).__name__}")
    if all(o is None for o in <tuple>out):
        return None
    return <tuple>out


cdef dtype _sig_out_dtype(ufunc uf, object signature):
    """signature= as a type string ('dd->d') or a tuple of dtypes: the output dtype."""
    if isinstance(signature, str):
        if "->" not in signature:
            raise ValueError(f"{uf.__name__}(): signature must contain '->'")
        outs = signature.split("->")[1].strip()
        if len(outs) != uf.nout:
            raise ValueError(f"{uf.__name__}(): signature has the wrong number of outputs")
        return as_dtype(outs[0])
    if isinstance(signature, tuple):
        if len(<tuple>signature) != uf.nargs:
            raise ValueError(f"{uf.__name__}(): signature tuple must have {uf.nargs} entries")
        o = signature[uf.nin]
        return None if o is None else as_dtype(o)
    raise TypeError(f"{uf.__name__}(): signature must be a string or a tuple")


# ----------------------------------------------------------------------------
# type resolution
# ----------------------------------------------------------------------------
cdef int _find_loop(ufunc uf, const int *tin, dtype sig, int casting) except -2:
    """Index of the loop for dense input types tin: an exact match, else the
    first loop every input can be cast to safely (with `casting` when an
    output dtype is forced).  -1 when none matches."""
    cdef int i, k, t, nargs = uf.nargs, nin = uf.nin
    cdef bint ok
    cdef int rule = SAFE_CASTING
    if sig is not None:
        rule = casting if casting > SAFE_CASTING else SAFE_CASTING
    # exact match
    for i in range(uf.ntypes):
        ok = True
        for k in range(nin):
            if uf._types[i * nargs + k] != tin[k]:
                ok = False
                break
        if ok and sig is not None and uf._types[i * nargs + nin] != sig.tidx:
            ok = False
        if ok:
            return i
    for i in range(uf.ntypes):
        if sig is not None and uf._types[i * nargs + nin] != sig.tidx:
            continue
        ok = True
        for k in range(nin):
            t = uf._types[i * nargs + k]
            if t != tin[k] and not can_cast_descr(descr_from_tidx(tin[k]),
                                                  descr_from_tidx(t), rule):
                ok = False
                break
        if ok:
            return i
    return -1


cdef int resolve(ufunc uf, list ins, int *tin, dtype sig, int casting) except -1:
    """Fill tin with the dense types the inputs take part with (weak Python
    scalars take the kind-appropriate type of the arrays) and return the loop."""
    cdef int k, key = 0, li, nin = uf.nin
    cdef bint any_weak = False, any_arr = False
    cdef list adt
    cdef dtype pd
    for k in range(nin):
        x = ins[k]
        if isinstance(x, ndarray):
            tin[k] = (<ndarray>x).descr.tidx
            any_arr = True
        else:
            any_weak = True
            tin[k] = -1
    if any_weak:
        if any_arr:
            adt = [(<ndarray>x).descr for x in ins if isinstance(x, ndarray)]
            pd = promote_many(adt) if len(adt) > 1 else native(<dtype>adt[0])
            for k in range(nin):
                if tin[k] < 0:
                    tin[k] = result_type_weak(pd, ins[k]).tidx
                    if uf._flags & UF_COMPARISON and type(ins[k]) is int:
                        tin[k] = _int_fitting(tin[k], ins[k])
        else:
            for k in range(nin):
                tin[k] = dtype_for_pyscalar(ins[k]).tidx
    if sig is None and nin <= 2:
        key = tin[0] if nin == 1 else tin[0] * ACX_NTYPES + tin[1]
        li = uf._cache[key]
        if li >= 0:
            return li
    if uf._flags & UF_NO_BOOL and all(tin[k] == ACX_BOOL for k in range(nin)):
        raise UFuncTypeError(f"arraycore boolean {uf.__name__} is not supported; use "
                             "logical_xor / logical_not (or bitwise_xor / bitwise_invert)")
    li = _find_loop(uf, tin, sig, casting)
    if li < 0:
        names = [descr_from_tidx(tin[k]) for k in range(nin)]
        extra = f" and output dtype {sig}" if sig is not None else ""
        raise UFuncTypeError(f"ufunc '{uf.__name__}' did not contain a loop with signature "
                             f"matching types ({_dtype_names(names)}){extra}")
    if sig is None and nin <= 2:
        uf._cache[key] = li
    return li


cdef int _int_fitting(int t, object v):
    """For comparisons: the type t if the Python int v fits it, else int64,
    uint64 or float64 (so that the comparison is exact, as in NumPy)."""
    cdef dtype d = descr_from_tidx(t)
    if d.kind == "i":
        if -(1 << (8 * d.itemsize - 1)) <= v < (1 << (8 * d.itemsize - 1)):
            return t
    elif d.kind == "u":
        if 0 <= v < (1 << (8 * d.itemsize)):
            return t
    else:
        return t
    if -(1 << 63) <= v < (1 << 63):
        return ACX_INT64
    if 0 <= v < (1 << 64):
        return ACX_UINT64
    return ACX_FLOAT64


# ----------------------------------------------------------------------------
# the call
# ----------------------------------------------------------------------------
cdef ndarray _alloc_out(list ins, dtype d, int nd, const ac_intp *shape, int order):
    """A new output of shape `shape`, laid out like the first input of that shape (K)."""
    cdef ndarray a
    cdef int i
    cdef bint same
    if order == AC_FORTRANORDER:
        return new_array(d, nd, shape, NULL, NULL, 0, None, False, True)
    if order == AC_KEEPORDER or order == AC_ANYORDER:
        for x in ins:
            if isinstance(x, ndarray) and (<ndarray>x).nd == nd and nd > 1:
                a = <ndarray>x
                if a.flags & AC_ARRAY_C_CONTIGUOUS:
                    break
                same = True
                for i in range(nd):
                    if a.dimensions[i] != shape[i] or a.strides[i] == 0:
                        same = False
                        break
                if same:
                    return empty_like_array(a, d, AC_KEEPORDER)
                break
    return new_array(d, nd, shape, NULL, NULL, 0, None)


cdef int run_loop(ACUFuncGenericFunction fn, void *data, int nd, const ac_intp *shape,
                  int nop, char **ptrs, const ac_intp *strides, int key_op) except -1:
    """Run an inner loop over the N-d space (without the GIL and with Ctrl-C
    polling when it is long)."""
    cdef ac_intp n = 1
    cdef int i, r
    for i in range(nd):
        n *= shape[i]
    if n < NOGIL_SIZE:
        r = ac_ufunc_run(nd, shape, nop, ptrs, strides, key_op, fn, data)
    else:
        sigint_on()
        with nogil:
            r = ac_ufunc_run(nd, shape, nop, ptrs, strides, key_op, fn, data)
        if sigint_off() or r == 1:
            PyErr_CheckSignals()
            raise KeyboardInterrupt()
    if r < 0:
        raise ValueError("too many operands or dimensions for a ufunc loop")
    return 0


cdef object ufunc_call(ufunc uf, tuple args, object out, object where,
                       int casting, dtype sig, int order):
    cdef int nin = uf.nin, nout = uf.nout, nargs = uf.nargs
    cdef int tin[AC_UFUNC_MAXARGS]
    cdef char sbuf[AC_UFUNC_MAXARGS][16]
    cdef char *ptrs[AC_UFUNC_MAXARGS]
    cdef ac_intp strides[AC_UFUNC_MAXARGS * MAXD]
    cdef ac_intp shape[MAXD]
    cdef int nd = 0, k, i, li, t
    cdef ndarray a, o
    cdef dtype d
    cdef bint masked = where is not True
    cdef list ins = list(args)
    cdef list outs = [None] * nout          # the arrays the loop writes
    cdef list finals = [None] * nout        # what the caller gets
    cdef ac_intp *st
    # inputs: arrays stay, Python scalars stay weak, anything else converts
    for k in range(nin):
        x = ins[k]
        if type(x) is not ndarray and not isinstance(x, ndarray) and not _is_pyscalar(x):
            ins[k] = _asarray(x, None, None)
    li = resolve(uf, ins, tin, sig, casting)
    cdef const unsigned char *lt = uf._types + li * nargs
    if uf._flags & UF_INT_POW and descr_from_tidx(lt[1]).kind == "i":
        _check_exponents(ins[1])
    # broadcast shape of the inputs (and the given outputs)
    for x in ins:
        if isinstance(x, ndarray) and (<ndarray>x).nd > nd:
            nd = (<ndarray>x).nd
    if out is not None:
        for o in out:
            if o is not None and o.nd > nd:
                nd = o.nd
    for i in range(nd):
        shape[i] = 1
    for x in ins:
        if isinstance(x, ndarray):
            a = <ndarray>x
            broadcast_shapes_c(nd, shape, a.nd, a.dimensions)
    # outputs
    for k in range(nout):
        d = descr_from_tidx(lt[nin + k])
        o = None if out is None else out[k]
        if o is None:
            continue
        check_writeable(o)
        if o.nd != nd or any(o.dimensions[i] != shape[i] for i in range(nd)):
            raise ValueError(f"{uf.__name__}(): non-broadcastable output operand with shape "
                             f"{shape_tuple(o.nd, o.dimensions)} doesn't match the broadcast "
                             f"shape {shape_tuple(nd, shape)}")
        if not can_cast_descr(d, o.descr, casting):
            raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' output from {d!r} to "
                                 f"{o.descr!r} with casting rule '{_casting_name(casting)}'")
        finals[k] = o
    # input casts (checked before anything is written)
    for k in range(nin):
        x = ins[k]
        if isinstance(x, ndarray) and (<ndarray>x).descr.tidx != lt[k]:
            if not can_cast_descr((<ndarray>x).descr, descr_from_tidx(lt[k]), casting):
                raise UFuncTypeError(
                    f"Cannot cast ufunc '{uf.__name__}' input {k} from "
                    f"{(<ndarray>x).descr!r} to {descr_from_tidx(lt[k])!r} with casting "
                    f"rule '{_casting_name(casting)}'")
    if masked:
        return _masked_call(uf, ins, finals, where, casting, sig, order, nd, shape)
    # large operands that need a cast, a byte swap or alignment: buffered
    # iteration (small ones are copied: cheaper than building an iterator)
    cdef ac_intp total = 1
    for i in range(nd):
        total *= shape[i]
    if total >= BUFFERED_MIN:
        for k in range(nin):
            x = ins[k]
            if isinstance(x, ndarray) and not _direct(<ndarray>x, lt[k]):
                return _call_buffered(uf, li, ins, finals, order)
        for k in range(nout):
            o = finals[k]
            if o is not None and not _direct(o, lt[nin + k]):
                return _call_buffered(uf, li, ins, finals, order)
    # operands of the loop
    for k in range(nin):
        x = ins[k]
        t = lt[k]
        st = strides + k * MAXD
        if isinstance(x, ndarray):
            a = <ndarray>x
            if not _direct(a, t):
                a = copy_array(a, AC_KEEPORDER, descr_from_tidx(t))
            else:
                for o in finals:
                    if o is not None and o is not a and _overlaps(a, o) and not same_view(a, o):
                        a = copy_array(a, AC_KEEPORDER)
                        break
            ins[k] = a
            broadcast_strides(a, nd, shape, st)
            ptrs[k] = a.data
        else:
            setitem_ptr(descr_from_tidx(t), sbuf[k], x)
            ptrs[k] = sbuf[k]
            for i in range(nd):
                st[i] = 0
    for k in range(nout):
        o = finals[k]
        t = lt[nin + k]
        if o is None:
            o = _alloc_out(ins, descr_from_tidx(t), nd, shape, order)
            finals[k] = o
        elif not _direct(o, t):
            o = _alloc_out([o], descr_from_tidx(t), nd, shape, AC_KEEPORDER)
        outs[k] = o
        ptrs[nin + k] = o.data
        memcpy(strides + (nin + k) * MAXD, o.strides, sizeof(ac_intp) * nd)
    ac_fpe_fetch_clear()
    run_loop(uf._funcs[li], uf._data[li], nd, shape, nargs, ptrs, strides,
             _key_operand(ins, nin))
    fpe_check(uf)
    for k in range(nout):
        if outs[k] is not finals[k]:
            copy_into(<ndarray>finals[k], <ndarray>outs[k])
    if nout == 1:
        return finals[0]
    return tuple(finals)


cdef object _call_buffered(ufunc uf, int li, list ins, list finals, int order):
    """The call through the general iterator (src/ac_iter.c): operands that are
    not in the loop's types (or byte-swapped, or misaligned) are cast in
    buffers of 8192 elements instead of whole-array copies; outputs are
    allocated by the iterator (K order) or written back through buffers; an
    output overlapping an input makes the iterator copy that input first."""
    cdef int nin = uf.nin, nout = uf.nout, nargs = uf.nargs, k
    cdef const unsigned char *lt = uf._types + li * nargs
    cdef ACIter *it
    cdef aci_next_fn nxt
    cdef ACUFuncGenericFunction fn = uf._funcs[li]
    cdef void *data = uf._data[li]
    cdef ndarray z
    cdef bint big
    cdef int r = 0
    ops = []
    for k in range(nin):
        x = ins[k]
        if isinstance(x, ndarray):
            ops.append(x)
        else:
            z = new_array(descr_from_tidx(lt[k]), 0, NULL, NULL, NULL, 0, None)
            setitem_ptr(z.descr, z.data, x)
            ops.append(z)
    for k in range(nout):
        ops.append(finals[k])
    op_flags = [AC_ITER_READONLY | AC_ITER_NBO | AC_ITER_ALIGNED] * nin + \
        [AC_ITER_WRITEONLY | AC_ITER_ALLOCATE | AC_ITER_NBO | AC_ITER_ALIGNED |
         AC_ITER_NO_BROADCAST] * nout
    op_dtypes = [descr_from_tidx(lt[k]) for k in range(nargs)]
    it = iter_build(ops, AC_ITER_EXTERNAL_LOOP | AC_ITER_BUFFERED | AC_ITER_GROWINNER |
                    AC_ITER_ZEROSIZE_OK | AC_ITER_COPY_IF_OVERLAP, op_flags, op_dtypes,
                    AC_KEEPORDER if order != AC_FORTRANORDER else AC_FORTRANORDER,
                    UNSAFE_CASTING, None, None, 8192)
    try:
        ac_fpe_fetch_clear()
        if it.itersize > 0:
            nxt = iter_get_next(it)
            big = it.itersize >= NOGIL_SIZE
            if big:
                sigint_on()
                with nogil:
                    r = _buffered_loop(it, nxt, fn, data)
                if sigint_off() or r == 1:
                    PyErr_CheckSignals()
                    raise KeyboardInterrupt()
            else:
                _buffered_loop(it, nxt, fn, data)
            iter_check_error(it)
        fpe_check(uf)
        res = [<object>it.opobjs[nin + k] for k in range(nout)]
    finally:
        iter_release(it)
    for k in range(nout):
        if finals[k] is not None:
            res[k] = finals[k]
    return res[0] if nout == 1 else tuple(res)


cdef int _buffered_loop(ACIter *it, aci_next_fn nxt, ACUFuncGenericFunction fn,
                        void *data) noexcept nogil:
    while True:
        fn(it.dataptrs, &it.innersize, it.innerstrides, data)
        if ac_sigint_flag:
            return 1
        if not nxt(it):
            return 0


cdef object _call_fast(ufunc uf, tuple args):
    """The common case without keywords: one output, inputs that are native
    aligned arrays of the loop's types (or Python scalars), all C-contiguous
    with equal shapes.  Returns None when the general path must run."""
    cdef int nin = uf.nin, k, li, nd = -1
    cdef int tin[3]
    cdef char sbuf[3][16]
    cdef char *ptrs[4]
    cdef ac_intp steps[4]
    cdef ac_intp n = 1
    cdef ndarray a, first = None, res
    cdef const unsigned char *lt
    cdef bint any_weak = False
    if uf.nout != 1 or nin > 3 or len(args) != nin or uf._flags & UF_INT_POW:
        return None
    for k in range(nin):
        x = args[k]
        if type(x) is ndarray:
            a = <ndarray>x
            if not (a.flags & AC_ARRAY_C_CONTIGUOUS) or a.descr.swapped or \
                    not (a.flags & AC_ARRAY_ALIGNED):
                return None
            if first is None:
                first = a
            elif a.nd != first.nd or memcmp(a.dimensions, first.dimensions,
                                            a.nd * sizeof(ac_intp)) != 0:
                return None
            tin[k] = a.descr.tidx
        elif type(x) is float or type(x) is int or type(x) is bool or type(x) is complex:
            any_weak = True
            tin[k] = -1
        else:
            return None
    if first is None:
        return None
    if any_weak:
        for k in range(nin):
            if tin[k] < 0:
                if uf._flags & UF_COMPARISON and type(args[k]) is int:
                    return None
                tin[k] = result_type_weak(first.descr, args[k]).tidx
        for k in range(nin):    # weak scalars with arrays of several types: general path
            if type(args[k]) is ndarray and tin[k] != first.descr.tidx:
                return None
    if nin <= 2:
        li = uf._cache[tin[0] if nin == 1 else tin[0] * ACX_NTYPES + tin[1]]
        if li < 0:
            return None
    else:
        li = _find_loop(uf, tin, None, SAFE_CASTING)
        if li < 0:
            return None
    lt = uf._types + li * uf.nargs
    for k in range(nin):
        x = args[k]
        if type(x) is ndarray:
            if (<ndarray>x).descr.tidx != lt[k]:
                return None
            ptrs[k] = (<ndarray>x).data
            steps[k] = (<ndarray>x).descr.itemsize
        else:
            setitem_ptr(descr_from_tidx(lt[k]), sbuf[k], x)
            ptrs[k] = sbuf[k]
            steps[k] = 0
    res = new_array(descr_from_tidx(lt[nin]), first.nd, first.dimensions, NULL, NULL, 0, None)
    ptrs[nin] = res.data
    steps[nin] = res.descr.itemsize
    for k in range(first.nd):
        n *= first.dimensions[k]
    ac_fpe_fetch_clear()
    if n < NOGIL_SIZE:
        uf._funcs[li](ptrs, &n, steps, uf._data[li])
    else:
        _run_flat(uf, li, n, nin + 1, ptrs, steps)
    fpe_check(uf)
    return res


cdef int _run_flat(ufunc uf, int li, ac_intp n, int nop, char **ptrs,
                   const ac_intp *steps) except -1:
    cdef ac_intp strides[AC_UFUNC_MAXARGS * MAXD]
    cdef int k
    for k in range(nop):
        strides[k * MAXD] = steps[k]
    return run_loop(uf._funcs[li], uf._data[li], 1, &n, nop, ptrs, strides, 0)


cdef int _check_exponents(object x) except -1:
    """NumPy's rule: integers to negative integer powers are an error."""
    if _is_pyscalar(x):
        neg = x < 0
    else:
        neg = bool(ufunc_reduce(_UFUNCS["logical_or"],
                                ufunc_call(_UFUNCS["less"], (x, 0), None, True,
                                           SAME_KIND_CASTING, None, AC_KEEPORDER),
                                None, None, None, False, _NoValue, True))
    if neg:
        raise ValueError("Integers to negative integer powers are not allowed.")
    return 0


cdef int _key_operand(list ins, int nin):
    """The operand whose memory order leads the loop: the first array input."""
    cdef int k
    for k in range(nin):
        if isinstance(ins[k], ndarray) and (<ndarray>ins[k]).nd > 0:
            return k
    return nin


cdef object _masked_call(ufunc uf, list ins, list finals, object where, int casting,
                         dtype sig, int order, int nd, ac_intp *shape):
    """out[where] = ufunc(*ins)[where]; elsewhere out keeps its values."""
    cdef ndarray m = as_array(where)
    cdef int k
    if m.descr.tidx != ACX_BOOL:
        raise TypeError(f"{uf.__name__}(): 'where' must be a boolean array, not {m.descr}")
    cdef int mnd = max(nd, m.nd)
    cdef ac_intp mshape[MAXD]
    for k in range(mnd):
        mshape[k] = 1
    broadcast_shapes_c(mnd, mshape, nd, shape + 0)
    broadcast_shapes_c(mnd, mshape, m.nd, m.dimensions)
    if mnd != nd or any(mshape[k] != shape[k] for k in range(nd)):
        raise ValueError(f"{uf.__name__}(): 'where' mask of shape "
                         f"{shape_tuple(m.nd, m.dimensions)} cannot be broadcast to "
                         f"{shape_tuple(nd, shape)}")
    res = ufunc_call(uf, tuple(ins), None, True, casting, sig, order)
    if uf.nout == 1:
        res = (res,)
    for k in range(uf.nout):
        r = <ndarray>res[k]
        o = finals[k]
        if o is None:
            o = new_array(r.descr, nd, shape, NULL, NULL, 0, None, True)
            finals[k] = o
        ufunc_call(_where_uf, (m, r, o), (o,), True, UNSAFE_CASTING,
                   (<ndarray>o).descr, AC_KEEPORDER)
    if uf.nout == 1:
        return finals[0]
    return tuple(finals)


cdef str _casting_name(int casting):
    return ("no", "equiv", "safe", "same_kind", "unsafe")[casting]


# ----------------------------------------------------------------------------
# reductions
# ----------------------------------------------------------------------------
cdef int reduce_axes(object axis, int nd, char *red) except -1:
    """Mark the reduced axes in red[]; returns how many."""
    cdef int i, n = 0, ax
    memset(red, 0, nd)
    if axis is None:
        for i in range(nd):
            red[i] = 1
        return nd
    if not isinstance(axis, tuple):
        axis = (axis,)
    for x in axis:
        if not isinstance(x, int) and not hasattr(x, "__index__"):
            raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
        ax = normalize_axis(x, nd)
        if red[ax]:
            raise ValueError("duplicate value in 'axis'")
        red[ax] = 1
        n += 1
    return n


cdef object _identity_for(ufunc uf, dtype d):
    if uf._identity == ACUFunc_Zero:
        return False if d.tidx == ACX_BOOL else 0
    if uf._identity == ACUFunc_One:
        return True if d.tidx == ACX_BOOL else 1
    if uf._identity == ACUFunc_MinusOne:
        if d.tidx == ACX_BOOL:
            return True
        if d.kind == "u":
            return (1 << (8 * d.itemsize)) - 1
        return -1
    if uf._identity == ACUFunc_IdentityValue:
        return uf._identity_value
    return _NoValue


cdef dtype _default_reduce_dtype(ufunc uf, dtype d):
    """add/multiply reduce small integers and bool in the default integer."""
    if uf.__name__ in ("add", "multiply"):
        if d.tidx == ACX_BOOL or (d.kind == "i" and d.itemsize < 8):
            return descr_from_tidx(ACX_INT64)
        if d.kind == "u" and d.itemsize < 8:
            return descr_from_tidx(ACX_UINT64)
    return native(d)


cdef object ufunc_reduce(ufunc uf, object arr, object axis, dtype dt, object out,
                         bint keepdims, object initial, object where):
    cdef ndarray a = as_array(arr)
    cdef ndarray o, src
    cdef int nd = a.nd, i, j, li, nred
    cdef char red[MAXD]
    cdef ac_intp oshape[MAXD]
    cdef ac_intp rshape[MAXD]         # out shape with 1s on reduced axes
    cdef ac_intp ostrides[MAXD]
    cdef ac_intp strides[3 * MAXD]
    cdef char *ptrs[3]
    cdef int tin[2]
    cdef dtype d
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"reduce only supported for binary functions ({uf.__name__})")
    if uf._core is not None:
        raise TypeError(f"reduce not supported for generalized ufunc {uf.__name__}")
    nred = reduce_axes(axis, nd, red)
    d = dt if dt is not None else _default_reduce_dtype(uf, a.descr)
    tin[0] = d.tidx
    tin[1] = d.tidx
    li = _find_loop(uf, tin, d if dt is not None else None, UNSAFE_CASTING)
    if li < 0 or uf._types[li * 3] != uf._types[li * 3 + 2] or \
            uf._types[li * 3 + 1] != uf._types[li * 3 + 2]:
        raise UFuncTypeError(f"ufunc '{uf.__name__}' has no reduction loop for {d!r}")
    d = descr_from_tidx(uf._types[li * 3])
    ident = _identity_for(uf, d)
    if initial is not _NoValue and initial is not None:
        ident = initial
    has_ident = ident is not _NoValue
    if nred == nd and not keepdims and out is None and where is True and \
            (nd <= 1 or (a.flags & AC_ARRAY_C_CONTIGUOUS)) and _direct(a, d.tidx):
        r = _reduce_flat(uf, li, a, d, ident, has_ident)
        if r is not None:
            return r
    # output shape
    j = 0
    for i in range(nd):
        rshape[i] = 1 if red[i] else a.dimensions[i]
        if not red[i]:
            oshape[j] = a.dimensions[i]
            j += 1
        elif keepdims:
            oshape[j] = 1
            j += 1
    if not has_ident:
        for i in range(nd):
            if red[i] and a.dimensions[i] == 0:
                raise ValueError(f"zero-size array to reduction operation {uf.__name__} "
                                 "which has no identity")
    if where is not True:
        if not has_ident:
            raise ValueError(f"reduction operation '{uf.__name__}' does not have an identity, "
                             "so to use a where mask one has to specify 'initial'")
        src = ufunc_call(_where_uf, (where, a, ident), None, True, UNSAFE_CASTING, d,
                         AC_KEEPORDER)
        if src.nd != nd:
            raise ValueError("the 'where' mask must broadcast to the reduced array's shape")
        return ufunc_reduce(uf, src, axis, d, out, keepdims, initial if has_ident and
                            initial is not _NoValue else _NoValue, True)
    # the result array (native loop type); copied to `out` at the end if needed
    final = out
    if out is not None:
        check_writeable(out)
        if (<ndarray>out).nd != j or any((<ndarray>out).dimensions[i] != oshape[i] for i in range(j)):
            raise ValueError(f"output parameter for reduction operation {uf.__name__} has the "
                             f"wrong shape {shape_tuple((<ndarray>out).nd, (<ndarray>out).dimensions)}"
                             f", expected {shape_tuple(j, oshape)}")
        if not can_cast_descr(d, (<ndarray>out).descr, SAME_KIND_CASTING):
            raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' output from {d!r} to "
                                 f"{(<ndarray>out).descr!r} with casting rule 'same_kind'")
    if a.descr is not d or not (a.flags & AC_ARRAY_ALIGNED):
        a = copy_array(a, AC_KEEPORDER, d)
    elif out is not None and _overlaps(a, <ndarray>out):
        a = copy_array(a, AC_KEEPORDER)
    if out is not None and _direct(<ndarray>out, d.tidx) and not _overlaps(a, <ndarray>out):
        o = <ndarray>out
    else:
        o = new_array(d, j, oshape, NULL, NULL, 0, None)
    # view of o with the reduced axes as length-1 (stride 0) axes
    j = 0
    for i in range(nd):
        if red[i]:
            ostrides[i] = 0
            if keepdims:
                j += 1
        else:
            ostrides[i] = o.strides[j]
            j += 1
    if nred == 0:
        _copy_reshaped(o, a)
        src = None
    elif has_ident:
        fill_array(o, ident)
        src = a
    elif nred == 1:
        # no identity: start from the first slice along the reduced axis
        for i in range(nd):
            if red[i]:
                break
        memcpy(rshape, a.dimensions, nd * sizeof(ac_intp))
        rshape[i] = 1
        first = make_view(a, nd, rshape, a.strides, a.data)
        _copy_reshaped(o, first)
        rshape[i] = a.dimensions[i] - 1
        src = make_view(a, nd, rshape, a.strides, a.data + a.strides[i])
    else:
        # no identity over several axes: one axis at a time (exact for min/max)
        res = a
        axes = sorted([i for i in range(nd) if red[i]], reverse=True)
        for ax in axes:
            res = ufunc_reduce(uf, res, ax, d, None, True, _NoValue, True)
        res = res.reshape(shape_tuple(o.nd, o.dimensions))
        copy_into(o, res)
        src = None
    if src is not None:
        ptrs[0] = o.data
        ptrs[1] = src.data
        ptrs[2] = o.data
        memcpy(strides, ostrides, sizeof(ac_intp) * nd)
        memcpy(strides + MAXD, src.strides, sizeof(ac_intp) * nd)
        memcpy(strides + 2 * MAXD, ostrides, sizeof(ac_intp) * nd)
        ac_fpe_fetch_clear()
        run_loop(uf._funcs[li], uf._data[li], nd, src.dimensions, 3, ptrs, strides, 1)
        fpe_check(uf)
    if final is not None:
        if final is not o:
            copy_into(<ndarray>final, o)
        return final
    return o


cdef object _reduce_flat(ufunc uf, int li, ndarray a, dtype d, object ident, bint has_ident):
    """The whole of a 1-d or C-contiguous array reduced to a 0-d array with
    one loop call (the accumulator stays in a register; float add sums
    pairwise).  None when the general path must run (empty, no identity)."""
    cdef ac_intp n = size_of(a.nd, a.dimensions)
    cdef ac_intp s = a.strides[0] if a.nd == 1 else d.itemsize
    cdef char *ptrs[3]
    cdef ac_intp steps[3]
    cdef char *src = a.data
    cdef ndarray o
    if n == 0 and not has_ident:
        return None
    o = new_array(d, 0, NULL, NULL, NULL, 0, None)
    if has_ident:
        fill_array(o, ident)
    else:
        memcpy(o.data, a.data, d.itemsize)
        src = a.data + s
        n -= 1
    ptrs[0] = o.data
    ptrs[1] = src
    ptrs[2] = o.data
    steps[0] = 0
    steps[1] = s
    steps[2] = 0
    ac_fpe_fetch_clear()
    if n < NOGIL_SIZE:
        if n > 0:
            uf._funcs[li](ptrs, &n, steps, uf._data[li])
    else:
        _run_flat(uf, li, n, 3, ptrs, steps)
    fpe_check(uf)
    return o


cdef int _copy_reshaped(ndarray o, ndarray src) except -1:
    """Copy src (same size as o) into o, reshaping to o's shape."""
    copy_into(o, src.reshape(shape_tuple(o.nd, o.dimensions)))
    return 0


cdef object _accumulate(ufunc uf, object arr, object axis, dtype dt, object out):
    cdef ndarray a = as_array(arr)
    cdef ndarray o
    cdef int nd = a.nd, ax, li, i
    cdef int tin[2]
    cdef ac_intp strides[3 * MAXD]
    cdef ac_intp shape[MAXD]
    cdef char *ptrs[3]
    cdef dtype d
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"accumulate only supported for binary functions ({uf.__name__})")
    if nd == 0:
        raise ValueError("accumulate requires an array of at least one dimension")
    if axis is None:
        raise TypeError("accumulate does not allow multiple axes")
    ax = normalize_axis(axis, nd)
    d = dt if dt is not None else _default_reduce_dtype(uf, a.descr)
    tin[0] = d.tidx
    tin[1] = d.tidx
    li = _find_loop(uf, tin, d if dt is not None else None, UNSAFE_CASTING)
    if li < 0 or uf._types[li * 3] != uf._types[li * 3 + 2] or \
            uf._types[li * 3 + 1] != uf._types[li * 3 + 2]:
        raise UFuncTypeError(f"ufunc '{uf.__name__}' has no accumulation loop for {d!r}")
    d = descr_from_tidx(uf._types[li * 3])
    if out is not None:
        check_writeable(out)
        if (<ndarray>out).nd != nd or any((<ndarray>out).dimensions[i] != a.dimensions[i]
                                          for i in range(nd)):
            raise ValueError("accumulate: 'out' has the wrong shape")
        if not can_cast_descr(d, (<ndarray>out).descr, SAME_KIND_CASTING):
            raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' output from {d!r} to "
                                 f"{(<ndarray>out).descr!r} with casting rule 'same_kind'")
    if a.descr is not d or not (a.flags & AC_ARRAY_ALIGNED) or \
            (out is not None and _overlaps(a, <ndarray>out)):
        a = copy_array(a, AC_KEEPORDER, d)
    if out is not None and _direct(<ndarray>out, d.tidx):
        o = <ndarray>out
    else:
        o = empty_like_array(a, d, AC_KEEPORDER)
    if a.dimensions[ax] > 0:
        idx0 = (slice(None),) * ax + (0,)
        copy_into(o[idx0], a[idx0])
        for i in range(nd):
            shape[i] = a.dimensions[i]
        shape[ax] -= 1
        ptrs[0] = o.data
        ptrs[1] = a.data + a.strides[ax]
        ptrs[2] = o.data + o.strides[ax]
        memcpy(strides, o.strides, sizeof(ac_intp) * nd)
        memcpy(strides + MAXD, a.strides, sizeof(ac_intp) * nd)
        memcpy(strides + 2 * MAXD, o.strides, sizeof(ac_intp) * nd)
        # keep the accumulation axis outermost-or-in-order: the runner only
        # reorders dims, never reverses them, so each step sees its predecessor
        ac_fpe_fetch_clear()
        run_loop(uf._funcs[li], uf._data[li], nd, shape, 3, ptrs, strides, 1)
        fpe_check(uf)
    if out is not None and out is not o:
        copy_into(<ndarray>out, o)
        return out
    return o


cdef object _reduceat(ufunc uf, object arr, object indices, object axis, object dtype_, object out):
    cdef ndarray a = as_array(arr)
    cdef ndarray idx = as_array(indices)
    cdef int ax = normalize_axis(axis, a.nd)
    cdef ac_intp n = a.dimensions[ax], i, m, s, e
    if idx.nd != 1:
        raise ValueError("reduceat: indices must be one-dimensional")
    if idx.descr.kind not in "iu":
        raise TypeError("reduceat: indices must be integers")
    idl = idx.tolist()
    pieces = []
    m = len(idl)
    for i in range(m):
        s = idl[i]
        if s < 0 or s >= n:
            raise IndexError(f"index {s} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
        e = idl[i + 1] if i + 1 < m else n
        if e < 0 or e > n:
            raise IndexError(f"index {e} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
        pre = (slice(None),) * ax
        if e > s:
            pieces.append(uf.reduce(a[pre + (slice(s, e),)], axis=ax, dtype=dtype_,
                                    keepdims=True))
        else:
            pieces.append(a[pre + (slice(s, s + 1),)])
    from arraycore._manip import concat
    if m == 0:
        shp = list(shape_tuple(a.nd, a.dimensions))
        shp[ax] = 0
        from arraycore._creation import empty
        res = empty(tuple(shp), dtype=a.descr)
    else:
        res = concat(pieces, axis=ax)
    if out is not None:
        copy_into(<ndarray>out, res)
        return out
    return res


cdef object _at(ufunc uf, object arr, object indices, object b):
    cdef ndarray a = <ndarray>arr if isinstance(arr, ndarray) else None
    cdef ndarray bb = None, pos
    cdef ac_intp i, n, off, q
    cdef int k, li
    cdef int tin[2]
    cdef char *ptrs[3]
    cdef ac_intp steps[3]
    cdef ac_intp one = 1
    if a is None:
        raise TypeError("ufunc.at: the first argument must be an arraycore array")
    check_writeable(a)
    if uf.nout != 1 or uf.nin not in (1, 2) or uf._core is not None:
        raise ValueError(f"ufunc.at is only supported for unary and binary ufuncs")
    if uf.nin == 2 and b is None:
        raise ValueError("second operand needed for ufunc.at with a binary ufunc")
    if uf.nin == 1 and b is not None:
        raise ValueError("second operand provided when ufunc is unary")
    from arraycore._creation import arange
    from arraycore._manip import broadcast_to
    cdef ac_intp j, dim0
    cdef ac_int64 *wp
    ind = indices if isinstance(indices, ndarray) or _is_pyscalar(indices) else None
    if a.nd == 1 and isinstance(ind, ndarray) and (<ndarray>ind).descr.kind in "iu":
        # one integer index array into a 1-d array: the positions are the
        # indices themselves (bounds-checked, negatives wrapped)
        pos = copy_array(<ndarray>ind, AC_CORDER, descr_from_tidx(ACX_INT64))
        wp = <ac_int64 *>pos.data
        dim0 = a.dimensions[0]
        for j in range(size_of(pos.nd, pos.dimensions)):
            if wp[j] < 0:
                wp[j] += dim0
            if wp[j] < 0 or wp[j] >= dim0:
                raise IndexError(f"index {wp[j] - dim0 if wp[j] < 0 else wp[j]} is out of "
                                 f"bounds for axis 0 with size {dim0}")
    else:
        pos = arange(size_of(a.nd, a.dimensions), dtype="int64").reshape(
            shape_tuple(a.nd, a.dimensions))[indices]
    pshape = shape_tuple(pos.nd, pos.dimensions)
    tin[0] = a.descr.tidx
    if uf.nin == 2:
        if _is_pyscalar(b):
            tin[1] = result_type_weak(a.descr, b).tidx
        else:
            bb = as_array(b)
            tin[1] = bb.descr.tidx
    li = _find_loop(uf, tin, None, SAFE_CASTING)
    if li < 0:
        li = _find_loop(uf, tin, a.descr, UNSAFE_CASTING)
    if li < 0:
        raise UFuncTypeError(f"ufunc '{uf.__name__}' did not contain a loop for ufunc.at")
    cdef const unsigned char *lt = uf._types + li * uf.nargs
    cdef dtype d0 = descr_from_tidx(lt[0])
    cdef dtype dout = descr_from_tidx(lt[uf.nin])
    if not can_cast_descr(dout, a.descr, SAME_KIND_CASTING):
        raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' output from {dout!r} to "
                             f"{a.descr!r} with casting rule 'same_kind'")
    pos = pos.reshape(-1)
    n = pos.dimensions[0]
    cdef ac_intp bstride = 0
    if uf.nin == 2:
        if bb is None:
            bb = _asarray(b, descr_from_tidx(lt[1]), None)
        if bb.nd == 0:      # one value for every index: stride 0
            bb = copy_array(bb, AC_CORDER, descr_from_tidx(lt[1]))
        else:
            bb = copy_array(broadcast_to(bb, pshape).reshape(-1), AC_CORDER,
                            descr_from_tidx(lt[1]))
            bstride = bb.strides[0] if bb.nd == 1 else 0
    cdef char abuf[16]
    cdef char obuf[16]
    cdef const ac_int64 *pp = <const ac_int64 *>pos.data
    cdef bint direct = _direct(a, lt[0]) and a.descr.tidx == lt[uf.nin]
    if direct:
        # the element is its own input and output: one loop call per index, in C
        steps[0] = steps[1] = steps[2] = 0
        ac_fpe_fetch_clear()
        for i in range(n):
            q = pp[i]
            if a.nd == 1:
                off = q * a.strides[0]
            else:
                off = 0
                for k in range(a.nd - 1, -1, -1):
                    off += (q % a.dimensions[k]) * a.strides[k]
                    q //= a.dimensions[k]
            ptrs[0] = a.data + off
            if uf.nin == 2:
                ptrs[1] = bb.data + i * bstride
                ptrs[2] = a.data + off
            else:
                ptrs[1] = a.data + off
            uf._funcs[li](ptrs, &one, steps, uf._data[li])
        fpe_check(uf)
        return None
    for i in range(n):
        off = 0
        q = pp[i]
        for k in range(a.nd - 1, -1, -1):
            off += (q % a.dimensions[k]) * a.strides[k]
            q //= a.dimensions[k]
        v = getitem_ptr(a.descr, a.data + off)
        setitem_ptr(d0, abuf, v)
        ptrs[0] = abuf
        if uf.nin == 2:
            ptrs[1] = bb.data + i * bstride
            ptrs[2] = obuf
        else:
            ptrs[1] = obuf
        steps[0] = steps[1] = steps[2] = 0
        uf._funcs[li](ptrs, &one, steps, uf._data[li])
        setitem_ptr(a.descr, a.data + off, getitem_ptr(dout, obuf))
    fpe_check(uf)
    return None


# ----------------------------------------------------------------------------
# construction
# ----------------------------------------------------------------------------
cdef ufunc new_ufunc(str name, int nin, int nout, int ntypes, const unsigned char *types,
                     ACUFuncGenericFunction *funcs, void **data, int identity,
                     object identity_value, str doc):
    """A ufunc owning copies of the type/loop arrays."""
    cdef ufunc uf = ufunc.__new__(ufunc)
    cdef int nargs = nin + nout
    if nin < 0 or nout < 1 or nargs > AC_UFUNC_MAXARGS:
        raise ValueError(f"ufunc {name!r}: invalid number of inputs/outputs ({nin}, {nout})")
    uf.__name__ = name
    uf.nin = nin
    uf.nout = nout
    uf.nargs = nargs
    uf.ntypes = ntypes
    uf._types = <unsigned char *>malloc(max(1, ntypes * nargs))
    uf._funcs = <ACUFuncGenericFunction *>malloc(max(1, ntypes) * sizeof(ACUFuncGenericFunction))
    uf._data = <void **>malloc(max(1, ntypes) * sizeof(void *))
    if uf._types == NULL or uf._funcs == NULL or uf._data == NULL:
        raise MemoryError()
    if ntypes:
        memcpy(uf._types, types, ntypes * nargs)
        memcpy(uf._funcs, funcs, ntypes * sizeof(ACUFuncGenericFunction))
        if data != NULL:
            memcpy(uf._data, data, ntypes * sizeof(void *))
        else:
            memset(uf._data, 0, ntypes * sizeof(void *))
    uf._identity = identity
    if identity == ACUFunc_Zero:
        identity_value = 0
    elif identity == ACUFunc_One:
        identity_value = 1
    elif identity == ACUFunc_MinusOne:
        identity_value = -1
    elif identity == ACUFunc_None or identity == ACUFunc_ReorderableNone:
        identity_value = None
    uf._identity_value = identity_value
    uf._doc = doc
    uf._signature = None
    uf._core = None
    return uf


cdef int register_loop(ufunc uf, const unsigned char *types, ACUFuncGenericFunction fn,
                       void *data) except -1:
    """Add (or replace) the loop for one type signature."""
    cdef int i, k, nargs = uf.nargs
    cdef bint same
    cdef unsigned char *nt
    cdef ACUFuncGenericFunction *nf
    cdef void **nd_
    for k in range(nargs):
        if types[k] >= ACX_NTYPES:
            raise ValueError(f"register loop for {uf.__name__}: invalid type number at "
                             f"position {k}")
    for i in range(uf.ntypes):
        same = True
        for k in range(nargs):
            if uf._types[i * nargs + k] != types[k]:
                same = False
                break
        if same:
            uf._funcs[i] = fn
            uf._data[i] = data
            memset(uf._cache, 0xff, sizeof(uf._cache))
            return 0
    nt = <unsigned char *>malloc((uf.ntypes + 1) * nargs)
    nf = <ACUFuncGenericFunction *>malloc((uf.ntypes + 1) * sizeof(ACUFuncGenericFunction))
    nd_ = <void **>malloc((uf.ntypes + 1) * sizeof(void *))
    if nt == NULL or nf == NULL or nd_ == NULL:
        free(nt); free(nf); free(nd_)
        raise MemoryError()
    memcpy(nt, uf._types, uf.ntypes * nargs)
    memcpy(nt + uf.ntypes * nargs, types, nargs)
    memcpy(nf, uf._funcs, uf.ntypes * sizeof(ACUFuncGenericFunction))
    nf[uf.ntypes] = fn
    memcpy(nd_, uf._data, uf.ntypes * sizeof(void *))
    nd_[uf.ntypes] = data
    free(uf._types); free(uf._funcs); free(uf._data)
    uf._types = nt
    uf._funcs = nf
    uf._data = nd_
    uf.ntypes += 1
    memset(uf._cache, 0xff, sizeof(uf._cache))
    return 0


cdef dict _UFUNCS = {}          # name -> ufunc (built-ins, with NumPy aliases)


cdef ufunc get_ufunc(str name):
    return _UFUNCS[name]


cdef void _make_builtins() except *:
    cdef int i, ident
    cdef const ac_ufunc_spec *s
    cdef ufunc uf
    for i in range(ac_n_builtin_ufuncs):
        s = &ac_builtin_ufuncs[i]
        idv = None
        if s.identity == NULL:
            ident = ACUFunc_None
        else:
            lit = s.identity.decode()
            if lit == "reorderable":
                ident = ACUFunc_ReorderableNone
            elif lit == "0":
                ident = ACUFunc_Zero
            elif lit == "1":
                ident = ACUFunc_One
            elif lit == "-1":
                ident = ACUFunc_MinusOne
            elif lit == "-INFINITY":
                ident = ACUFunc_IdentityValue
                idv = float("-inf")
            else:
                raise ValueError(f"unknown identity {lit!r}")
        name = s.name.decode()
        uf = new_ufunc(name, s.nin, s.nout, s.ntypes, s.types, s.funcs, NULL, ident, idv,
                       s.doc.decode())
        if name in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
                    "divide"):
            uf._flags |= UF_COMPARISON
        if name in ("subtract", "negative"):
            uf._flags |= UF_NO_BOOL
        if name == "pow":
            uf._flags |= UF_INT_POW
        if name in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
                    "maximum", "minimum", "sign", "logical_and", "logical_or", "logical_xor",
                    "logical_not", "_where", "isnan", "isinf", "isfinite", "signbit",
                    "floor", "ceil", "trunc", "round"):
            uf._flags |= UF_QUIET_NAN
        _UFUNCS[name] = uf
        for al in s.aliases.decode().split(","):
            if al:
                _UFUNCS[al] = uf


_make_builtins()
cdef ufunc _where_uf = _UFUNCS["_where"]

# the generalized-ufunc call, installed by _gufunc at import
cdef object _gufunc_call(ufunc uf, tuple args, object out, object where, int casting,
                         dtype sig, object axes, object axis, object keepdims):
    if gufunc_impl == NULL:
        import arraycore._gufunc   # noqa: F401  (installs gufunc_impl, see _ufunc.pxd)
    return gufunc_impl(uf, args, out, where, casting, sig, axes, axis, keepdims)


cdef extern from "ac_cpu.h":
    int ac_cpu_level()
    const char *ac_cpu_level_name(int level)


def cpu_dispatch_level():
    """The SIMD level the hot loops run at: 'avx512', 'avx2' or 'baseline'."""
    return ac_cpu_level_name(ac_cpu_level()).decode()


def _ufunc_by_name(name):
    """The built-in ufunc (or matmul/vecdot gufunc) called `name` (for pickle)."""
    uf = _UFUNCS.get(name)
    if uf is None:
        from arraycore import _gufunc
        uf = {"matmul": _gufunc.matmul, "vecdot": _gufunc._vecdot_uf}.get(name)
    if uf is None:
        raise LookupError(f"no arraycore ufunc named {name!r} (only built-in ufuncs unpickle)")
    return uf


def builtin_ufuncs():
    """name -> ufunc for every built-in ufunc (NumPy aliases included)."""
    return {k: v for k, v in _UFUNCS.items() if not k.startswith("_")}


# ----------------------------------------------------------------------------
# the module namespace (the ndarray operators and NumPy's __array_ufunc__ are
# in _operators.pyx)
# ----------------------------------------------------------------------------
for _n, _u in list(_UFUNCS.items()):
    if not _n.startswith("_"):
        globals()[_n] = _u
