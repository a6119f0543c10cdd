# arraycore/_ufunc.pyx -- the ufunc object and the one engine that calls
# inner loops: type resolution (exact match, then the first loop reachable by
# safe casts, Python scalars weak as in NEP 50, cached per type pair) and the
# three call paths (the keyword-less fast path, the buffered iterator path,
# the general strided path with broadcasting, output allocation, operand
# casts, overlap copies and where= masks), plus construction of ufuncs (the
# built-ins from the generated table, tools/ufunc_table.py), pickling by
# name, and the ndarray operators / NumPy's __array_ufunc__.
# The methods reduce / accumulate / reduceat / at run in _reduction.pyx;
# Ctrl-C and floating-point error reporting are _errstate's; generalized
# ufuncs (core dimensions) live in _gufunc.pyx and plug in here.
from libc.string cimport memcpy, memset, memcmp
from libc.stdlib cimport malloc, free
from cpython.long cimport PyLong_AsLongLongAndOverflow
from cpython.object cimport PyObject, PyTypeObject

from arraycore._types cimport *
from arraycore._dtype cimport (
    dtype, descr_from_tidx, as_dtype, as_dtype_or_none, can_cast_descr, promote_many,
    result_type_weak, parse_casting, native, dtype_for_pyscalar,
    ACX_BOOL, ACX_INT64, ACX_UINT64, ACX_FLOAT16, ACX_FLOAT64, ACX_COMPLEX64,
    ACX_COMPLEX128, ACX_NTYPES, SAFE_CASTING, SAME_KIND_CASTING, UNSAFE_CASTING,
    NO_CASTING, ACX_INT8, ACX_INT16, ACX_INT32, ACX_UINT8, ACX_UINT16, ACX_UINT32)
from arraycore._core cimport (
    ndarray, new_array, empty_like_array, broadcast_shapes_c, broadcast_strides,
    copy_into, copy_array, shape_tuple, setitem_ptr, parse_order, check_writeable,
    overlaps, same_view)
from arraycore._convert cimport _asarray, as_array
from arraycore._iter cimport (
    ACIter, aci_next_fn, iter_build, iter_release, iter_get_next, iter_check_error,
    AC_ITER_EXTERNAL_LOOP, AC_ITER_BUFFERED, AC_ITER_GROWINNER, AC_ITER_ZEROSIZE_OK,
    AC_ITER_COPY_IF_OVERLAP, AC_ITER_READONLY, AC_ITER_WRITEONLY, AC_ITER_ALLOCATE,
    AC_ITER_NBO, AC_ITER_ALIGNED, AC_ITER_NO_BROADCAST)
from arraycore._driver cimport SIGINT_MIN_BYTES
from arraycore._errstate cimport (
    ac_sigint_ignore_in_thread,
    sigint_on, sigint_done, sigint_pending, clear_fpe, check_fpe, AC_FPE_INVALID)
from arraycore._reduction cimport (
    ufunc_reduce, ufunc_accumulate, ufunc_reduceat, ufunc_at)

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
    int ac_ufunc_run(int ndim, const ac_intp *shape, int nop, char **ptrs,
                     const ac_intp *strides, int key_op,
                     ACUFuncGenericFunction loop, void *data) nogil

from arraycore._dtype cimport ACX_CHARS
cdef str _CHARS = ACX_CHARS.decode("ascii")     # type characters in dense order
cdef enum:
    UF_COMPARISON = 1           # Python ints out of the array's range still compare exactly
    UF_NO_BOOL = 2              # all-bool inputs are an error (subtract, negative)
    UF_INT_POW = 4              # integer powers refuse negative exponents (pow)
    UF_QUIET_NAN = 8            # NaN inputs are not "invalid" (comparisons, max/min, sign)
    UF_LOGICAL = 16             # truth values: Python ints of any size take part (logical_*)
cdef enum:
    BUFFERED_MIN = 65536        # casts of smaller operands copy them whole

NOVALUE = object()      # "not given" (reduce's initial=); also for _stats
_NoValue = NOVALUE


class UFuncTypeError(TypeError):
    """No loop of a ufunc matches its inputs, or an output cannot hold the result."""


cdef object ufunc_type_error(str msg):
    return UFuncTypeError(msg)


cdef int check_out_cast(ufunc uf, dtype d, dtype to, int casting) except -1:
    """UFuncTypeError unless the loop's output type d casts to the output's."""
    if not can_cast_descr(d, to, casting):
        raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' output from {d!r} to "
                             f"{to!r} with casting rule '{_casting_name(casting)}'")
    return 0


cdef int fpe_check(ufunc uf) except -1:
    """Report the floating-point exceptions of uf's last loop (clear_fpe()
    before it).  Ordered comparisons raise the invalid flag on NaN in C;
    ufuncs that only compare ignore it, as NumPy's quiet SIMD comparisons do."""
    return check_fpe(uf.__name__, AC_FPE_INVALID if uf._flags & UF_QUIET_NAN else 0)


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------



cdef str _dtype_names(list dts):
    return ", ".join(f"dtype('{d}')" if isinstance(d, dtype) else repr(d) for d in dts)


# ----------------------------------------------------------------------------
# the ufunc object
# ----------------------------------------------------------------------------
class _SignatureOf:
    """ufunc.__signature__: what inspect.signature() shows of a ufunc.  The
    inputs are positional-only and named as the Array API names them (x for
    one input, x1, x2, ... otherwise); out and the keywords of the call follow,
    with their defaults.  None on the class itself (the type is not called)."""

    def __get__(self, uf, owner=None):
        if uf is None:
            return None
        from inspect import Parameter, Signature
        cdef_nin = (<ufunc>uf).nin
        names = ["x"] if cdef_nin == 1 else [f"x{k + 1}" for k in range(cdef_nin)]
        ps = [Parameter(n, Parameter.POSITIONAL_ONLY) for n in names]
        ps.append(Parameter("out", Parameter.POSITIONAL_OR_KEYWORD, default=None))
        kws = [("where", True), ("casting", "same_kind"), ("order", "K"), ("dtype", None),
               ("subok", True), ("signature", None)]      # NumPy's order
        if (<ufunc>uf)._core is not None:
            kws += [("axes", None), ("axis", None), ("keepdims", False)]
        ps += [Parameter(n, Parameter.KEYWORD_ONLY, default=v) for n, v in kws]
        return Signature(ps)


cdef class ufunc:
    """A function that operates on arrays element by element, with
    broadcasting, type casting and the reduce/accumulate/outer/at methods."""

    __signature__ = _SignatureOf()

    def __cinit__(self):
        self._vectorcall = <void *>_ufunc_vectorcall
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
        # Calls arrive by vectorcall (_ufunc_vectorcall, below), which tries
        # the fast path first: this is the general path it falls back to
        # (and what an explicit uf.__call__(...) runs).
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
               initial=NOVALUE, where=True):
        """Reduce array's dimensions in `axis` by applying the ufunc along them."""
        if out is not None:
            out = _normalize_out(self, out)[0]
        return ufunc_reduce(self, array, axis, as_dtype_or_none(dtype), out, keepdims,
                            initial, where)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """Accumulate the result of applying the ufunc along `axis`."""
        if out is not None:
            out = _normalize_out(self, out)[0]
        return ufunc_accumulate(self, array, axis, as_dtype_or_none(dtype), out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """Reductions over the slices indices[i]:indices[i+1] along `axis`."""
        if out is not None:
            out = _normalize_out(self, out)[0]
        return ufunc_reduceat(self, array, indices, axis, as_dtype_or_none(dtype), out)

    def outer(self, A, B, /, **kwargs):
        """Apply the ufunc to all pairs (a, b) with a in A and b in B."""
        if self._core is not None:
            raise TypeError(f"method outer is not allowed in ufunc with non-trivial "
                            f"signature (generalized ufunc {self.__name__})")
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
        return ufunc_at(self, a, indices, b)


cdef tuple _normalize_out(ufunc uf, object out):
    if isinstance(out, tuple):
        if len(<tuple>out) != uf.nout:
            raise ValueError(f"{uf.__name__}(): the 'out' tuple must have exactly "
                             f"{uf.nout} entries: one per ufunc output")
    else:
        if uf.nout != 1:
            raise TypeError(f"{uf.__name__}(): 'out' must be a tuple of {uf.nout} arrays")
        out = (out,)
    cdef bint given = False
    for o in <tuple>out:
        if o is not None:
            if not isinstance(o, ndarray):
                raise TypeError(f"{uf.__name__}(): return arrays must be of arraycore.ndarray "
                                f"type, not {type(o).__name__}")
            given = True
    return <tuple>out if given else None


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
cdef int _loop_with_types(ufunc uf, const unsigned char *types, int n) noexcept:
    """Index of the first loop whose first n types are types[0:n], or -1."""
    cdef int i
    for i in range(uf.ntypes):
        if memcmp(uf._types + i * uf.nargs, types, n) == 0:
            return i
    return -1


cdef int _find_loop(ufunc uf, const int *tin, dtype sig, int casting) except -2:
    """Index of the loop for dense input types tin: an exact match, else the
    first loop every input can be cast to safely (with `casting` when an
    output dtype is forced).  -1 when none matches."""
    cdef int i, k, nin = uf.nin
    cdef int rule = SAFE_CASTING
    cdef unsigned char want[AC_UFUNC_MAXARGS]
    if sig is not None:
        rule = casting if casting > SAFE_CASTING else SAFE_CASTING
    # exact match (of the inputs, and of the output when it is forced)
    for k in range(nin):
        if tin[k] < 0 or tin[k] >= ACX_NTYPES:
            return -1
        want[k] = <unsigned char>tin[k]
    if sig is not None:
        want[nin] = <unsigned char>sig.tidx
    i = _loop_with_types(uf, want, nin + 1 if sig is not None else nin)
    if i >= 0:
        return i
    # first the loops every input reaches by a safe cast; only when none has
    # the forced output type, the loops `casting` allows the inputs into (as
    # NumPy: equal(int64, int8, dtype=bool) compares in int64, not int8)
    i = _first_castable(uf, tin, sig, SAFE_CASTING)
    if i < 0 and rule != SAFE_CASTING:
        i = _first_castable(uf, tin, sig, rule)
    return i


cdef int _first_castable(ufunc uf, const int *tin, dtype sig, int rule) except -2:
    """The first loop (with output type sig, if given) whose input types the
    inputs tin can be cast to under `rule`; -1 when none."""
    cdef int i, k, t, nargs = uf.nargs, nin = uf.nin
    cdef bint ok
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
                    if uf._flags & (UF_COMPARISON | UF_LOGICAL) and type(ins[k]) is int:
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
    bits = <object>(8 * d.itemsize)        # Python ints: a C shift would overflow
    one = <object>1
    if d.kind == "i":
        if -(one << (bits - 1)) <= v < (one << (bits - 1)):
            return t
    elif d.kind == "u":
        if 0 <= v < (one << bits):
            return t
    else:
        return t
    if -9223372036854775808 <= v <= 9223372036854775807:
        return ACX_INT64
    if 0 <= v <= 18446744073709551615:
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
    if n * 8 < SIGINT_MIN_BYTES:
        # a loop of well under a millisecond: no Ctrl-C handler (installing
        # and removing it costs three system calls, a third of a 10k loop);
        # it ignores a Ctrl-C meant for another thread's watched loop, and
        # Python sees one of its own when the call returns
        ac_sigint_ignore_in_thread(1)
        if n < NOGIL_SIZE:
            r = ac_ufunc_run(nd, shape, nop, ptrs, strides, key_op, fn, data)
        else:
            with nogil:
                r = ac_ufunc_run(nd, shape, nop, ptrs, strides, key_op, fn, data)
        ac_sigint_ignore_in_thread(-1)
    else:
        sigint_on()
        with nogil:
            r = ac_ufunc_run(nd, shape, nop, ptrs, strides, key_op, fn, data)
        sigint_done(r == 1)
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
    if uf._flags & UF_COMPARISON and nin == 2 and not masked and \
            (sig is None or sig.tidx == ACX_BOOL) and uf.__name__ in _COMPARISONS:
        r = _exact_int_compare(uf, ins, order)
        if r is not None:
            o = None if out is None else out[0]
            if o is None:
                return r
            check_writeable(o)
            if o.nd != (<ndarray>r).nd or any(o.dimensions[i] != (<ndarray>r).dimensions[i]
                                              for i in range(o.nd)):
                raise ValueError(f"{uf.__name__}(): non-broadcastable output operand with "
                                 f"shape {shape_tuple(o.nd, o.dimensions)} doesn't match the "
                                 f"broadcast shape {(<ndarray>r).shape}")
            check_out_cast(uf, (<ndarray>r).descr, o.descr, casting)
            copy_into(o, <ndarray>r)
            return o
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
        if o.nd != nd or memcmp(o.dimensions, shape, nd * sizeof(ac_intp)) != 0:
            raise ValueError(f"{uf.__name__}(): non-broadcastable output operand with shape "
                             f"{shape_tuple(o.nd, o.dimensions)} doesn't match the broadcast "
                             f"shape {shape_tuple(nd, shape)}")
        check_out_cast(uf, d, o.descr, casting)
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
                    if o is not None and o is not a and overlaps(a, o) and not same_view(a, o):
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
    clear_fpe()
    run_loop(uf._funcs[li], uf._data[li], nd, shape, nargs, ptrs, strides,
             _key_operand(ins, nin))
    fpe_check(uf)
    for k in range(nout):
        if outs[k] is not finals[k]:
            copy_into(<ndarray>finals[k], <ndarray>outs[k])
    if nout == 1:
        return finals[0]
    return tuple(finals)


_COMPARISONS = frozenset(("equal", "not_equal", "less", "less_equal", "greater",
                          "greater_equal"))


cdef str _int_side(object x):
    """How an operand takes part in an exact integer comparison: 'i' (a
    signed integer array), 'U' (a uint64 array), 'u' (a smaller unsigned
    array), '+' / '-' (a Python int above uint64 / below int64), 'p' (a Python
    int in range), '' (anything else)."""
    cdef ndarray a
    if isinstance(x, ndarray):
        a = <ndarray>x
        if a.descr.kind == "i":
            return "i"
        if a.descr.kind == "u":
            return "U" if a.descr.itemsize == 8 else "u"
        return ""
    if type(x) is int:
        if x >= 18446744073709551616:
            return "+"
        if x < -9223372036854775808:
            return "-"
        return "p"
    return ""


cdef object _exact_int_compare(ufunc uf, list ins, int order):
    """Comparisons of integers that no common type holds (int64 with uint64,
    an integer array with a Python int beyond both), exactly, as NumPy 2:
    None when the ordinary loops are exact."""
    cdef str sx = _int_side(ins[0]), sy = _int_side(ins[1])
    cdef str name = uf.__name__
    cdef ndarray arr, r
    cdef ac_intp n
    cdef int i
    x, y = ins[0], ins[1]
    # a Python int the array's signedness cannot reach is beyond every element
    if sx == "i" and sy == "p" and y >= 9223372036854775808:
        sy = "+"
    elif sy == "i" and sx == "p" and x >= 9223372036854775808:
        sx = "+"
    elif sx == "U" and sy == "p" and y < 0:
        sy = "-"
    elif sy == "U" and sx == "p" and x < 0:
        sx = "-"
    if sx in ("i", "u", "U") and sy in ("+", "-") or sy in ("i", "u", "U") and sx in ("+", "-"):
        # an integer array against a Python int out of every integer type:
        # the answer is the same for every element
        big_right = sy in ("+", "-")
        arr = <ndarray>(x if big_right else y)
        above = (sy if big_right else sx) == "+"     # the Python int is above all
        if name == "equal":
            val = False
        elif name == "not_equal":
            val = True
        else:
            arr_is_less = above                      # the array side is the smaller
            if name in ("less", "less_equal"):
                val = arr_is_less if big_right else not arr_is_less
            else:
                val = (not arr_is_less) if big_right else arr_is_less
        r = new_array(descr_from_tidx(ACX_BOOL), arr.nd, arr.dimensions, NULL, NULL, 0, None)
        n = 1
        for i in range(r.nd):
            n *= r.dimensions[i]
        memset(r.data, 1 if val else 0, <size_t>n)      # a new contiguous bool array
        return r
    if not (sx == "i" and sy == "U" or sx == "U" and sy == "i"):
        return None
    return _intcmp_arrays(name, <ndarray>x, <ndarray>y, sx == "i", order)


cdef extern from "ac_intcmp.h":
    ACUFuncGenericFunction ac_intcmp_loop(int op, int signed_size, int signed_left)

# comparison name -> AC_ICMP_* code of src/ac_intcmp.h
cdef dict _ICMP_CODES = {"equal": 0, "not_equal": 1, "less": 2, "less_equal": 3,
                         "greater": 4, "greater_equal": 5}


cdef bint _int_in_type(int t, object v):
    """Whether the Python int v is a value of the integer type t."""
    cdef int ovf = 0
    cdef long long x = PyLong_AsLongLongAndOverflow(v, &ovf)
    if ovf != 0:
        return False
    if t == ACX_INT64:
        return True
    if t == ACX_UINT64 or t == ACX_UINT32:
        return 0 <= x <= (0xFFFFFFFF if t == ACX_UINT32 else 0x7FFFFFFFFFFFFFFF)
    if t == ACX_INT32:
        return -2147483648 <= x <= 2147483647
    if t == ACX_INT16:
        return -32768 <= x <= 32767
    if t == ACX_UINT16:
        return 0 <= x <= 65535
    if t == ACX_INT8:
        return -128 <= x <= 127
    if t == ACX_UINT8:
        return 0 <= x <= 255
    return False        # not an integer type


cdef inline bint _is_signed_tidx(int t) noexcept:
    return t == ACX_INT64 or t == ACX_INT32 or t == ACX_INT16 or t == ACX_INT8


cdef ndarray _intcmp_arrays(str name, ndarray x, ndarray y, bint signed_left, int order):
    """x OP y for a signed integer array and a uint64 array (signed_left: x
    is the signed one), exactly, in one pass of the dedicated loop of
    src/ac_intcmp.c over the broadcast operands."""
    cdef ndarray s = x if signed_left else y
    cdef ACUFuncGenericFunction fn = ac_intcmp_loop(_ICMP_CODES[name], s.descr.itemsize,
                                                    signed_left)
    cdef char *ptrs[3]
    cdef ac_intp strides[3 * MAXD]
    cdef ac_intp shape[MAXD]
    cdef ac_intp n = 1
    cdef int nd = x.nd if x.nd > y.nd else y.nd, i, k
    cdef ndarray a, r
    if fn == NULL:
        raise SystemError(f"no exact comparison loop for {s.descr!r} with uint64")
    if not _direct(x, x.descr.tidx):     # byte-swapped or misaligned: a native copy
        x = copy_array(x, AC_KEEPORDER, descr_from_tidx(x.descr.tidx))
    if not _direct(y, y.descr.tidx):
        y = copy_array(y, AC_KEEPORDER, descr_from_tidx(y.descr.tidx))
    ptrs[0] = x.data
    ptrs[1] = y.data
    # the common case: equal shapes, both C-contiguous: one flat run
    if x.nd == y.nd and x.flags & y.flags & AC_ARRAY_C_CONTIGUOUS and \
            memcmp(x.dimensions, y.dimensions, x.nd * sizeof(ac_intp)) == 0:
        for i in range(x.nd):
            n *= x.dimensions[i]
        if n < NOGIL_SIZE:
            r = new_array(descr_from_tidx(ACX_BOOL), x.nd, x.dimensions, NULL, NULL, 0, None)
            ptrs[2] = r.data
            strides[0] = x.descr.itemsize
            strides[1] = y.descr.itemsize
            strides[2] = 1
            fn(ptrs, &n, strides, NULL)
            return r
    for i in range(nd):
        shape[i] = 1
    broadcast_shapes_c(nd, shape, x.nd, x.dimensions)
    broadcast_shapes_c(nd, shape, y.nd, y.dimensions)
    broadcast_strides(x, nd, shape, strides)
    broadcast_strides(y, nd, shape, strides + MAXD)
    ins = [x, y]
    r = _alloc_out(ins, descr_from_tidx(ACX_BOOL), nd, shape, order)
    ptrs[2] = r.data
    memcpy(strides + 2 * MAXD, r.strides, sizeof(ac_intp) * nd)
    run_loop(fn, NULL, nd, shape, 3, ptrs, strides, _key_operand(ins, 2))
    return r


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
        clear_fpe()
        if it.itersize > 0:
            nxt = iter_get_next(it)
            big = it.itersize >= NOGIL_SIZE
            if big and it.itersize * 8 >= SIGINT_MIN_BYTES:
                sigint_on()
                with nogil:
                    r = _buffered_loop(it, nxt, fn, data)
                sigint_done(r == 1)
            else:                 # short: as in run_loop
                ac_sigint_ignore_in_thread(1)
                if big:
                    with nogil:
                        _buffered_loop(it, nxt, fn, data)
                else:
                    _buffered_loop(it, nxt, fn, data)
                ac_sigint_ignore_in_thread(-1)
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
        if sigint_pending():
            return 1
        if not nxt(it):
            return 0


# Calls by vectorcall (PEP 590): the keyword-less fast path (and f(x, out=o))
# straight from the caller's argument array; anything else builds the tuple
# and dict of a tp_call and runs Cython's (ufunc.__call__).  Saves the
# argument tuple and the always-made **kwargs dict of each small call.
cdef extern from *:
    """
    static ternaryfunc __ac_ufunc_tp_call;   /* Cython's: ufunc.__call__ */
    static PyObject **__ac_tuple_items(PyObject *t) { return &PyTuple_GET_ITEM(t, 0); }
    static PyObject *__ac_ufunc_tp_call_from(PyObject *self, PyObject *const *args,
                                             size_t nargsf, PyObject *kwnames) {
        Py_ssize_t n = PyVectorcall_NARGS(nargsf), i;
        Py_ssize_t nk = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
        PyObject *t, *d = NULL, *r;
        t = PyTuple_New(n);
        if (t == NULL) {
            return NULL;
        }
        for (i = 0; i < n; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(t, i, args[i]);
        }
        if (nk > 0) {
            d = PyDict_New();
            if (d == NULL) {
                Py_DECREF(t);
                return NULL;
            }
            for (i = 0; i < nk; i++) {
                if (PyDict_SetItem(d, PyTuple_GET_ITEM(kwnames, i), args[n + i]) < 0) {
                    Py_DECREF(t);
                    Py_DECREF(d);
                    return NULL;
                }
            }
        }
        r = __ac_ufunc_tp_call(self, t, d);
        Py_DECREF(t);
        Py_XDECREF(d);
        return r;
    }
    static void __ac_ufunc_use_vectorcall(PyTypeObject *tp, Py_ssize_t offset) {
        __ac_ufunc_tp_call = tp->tp_call;
        tp->tp_vectorcall_offset = offset;
        tp->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
        PyType_Modified(tp);
    }
    """
    PyObject **__ac_tuple_items(tuple t)
    object __ac_ufunc_tp_call_from(object self, PyObject **args, size_t nargsf, PyObject *kwnames)
    void __ac_ufunc_use_vectorcall(PyTypeObject *tp, Py_ssize_t offset)
    Py_ssize_t PyVectorcall_NARGS(size_t nargsf)
    Py_ssize_t PyTuple_GET_SIZE(PyObject *t)
    PyObject *PyTuple_GET_ITEM(PyObject *t, Py_ssize_t i)


cdef object _ufunc_vectorcall(object self, PyObject **args, size_t nargsf, PyObject *kwnames):
    cdef ufunc uf = <ufunc>self
    cdef Py_ssize_t n = PyVectorcall_NARGS(nargsf)
    r = None
    if uf._core is None:
        if kwnames == NULL:
            if n == uf.nin + 1 and uf.nout == 1:
                r = _call_fast_v(uf, args, uf.nin, <object>args[uf.nin])      # f(x, out)
            else:
                r = _call_fast_v(uf, args, n, None)
        elif PyTuple_GET_SIZE(kwnames) == 1 and uf.nout == 1 and \
                <object>PyTuple_GET_ITEM(kwnames, 0) == "out":
            o = <object>args[n]                                             # f(x, out=o)
            if type(o) is tuple and len(<tuple>o) == 1:
                o = (<tuple>o)[0]
            if o is not None:
                r = _call_fast_v(uf, args, n, o)
        if r is not None:
            return r
    return __ac_ufunc_tp_call_from(self, args, nargsf, kwnames)


cdef _enable_vectorcall():
    cdef ufunc probe = ufunc.__new__(ufunc)
    __ac_ufunc_use_vectorcall(<PyTypeObject *>ufunc,
                              <char *>&probe._vectorcall - <char *><PyObject *>probe)

_enable_vectorcall()


cdef object _call_fast(ufunc uf, tuple args, object out=None):
    return _call_fast_v(uf, __ac_tuple_items(args), len(args), out)


cdef object _call_fast_v(ufunc uf, PyObject **argv, Py_ssize_t nargs, object out):
    """The common case without keywords but `out`: one output, inputs that
    are native aligned arrays of the loop's types (or Python scalars), all
    C-contiguous with equal shapes; `out`, when given, a writeable native
    aligned C-contiguous array of that shape and of the loop's output type
    that is either one of the inputs or apart from them.  Returns None when
    the general path must run (which also raises the errors)."""
    cdef int nin = uf.nin, k, li, nd = -1
    cdef int tin[3]
    cdef char sbuf[3][16]
    cdef char *ptrs[4]
    cdef ac_intp steps[4]
    cdef ac_intp n = 1
    cdef ndarray a, first = None, res
    cdef const unsigned char *lt
    cdef bint any_weak = False
    if uf.nout != 1 or nin > 3 or nargs != nin:
        return None
    if out is not None and type(out) is not ndarray:
        return None
    if nin == 2 and uf._flags & UF_COMPARISON and type(<object>argv[0]) is ndarray and \
            type(<object>argv[1]) is ndarray:
        # a signed integer array against a uint64 array: the exact loops
        # (with out=, the general path)
        k = (<ndarray>argv[0]).descr.tidx
        li = (<ndarray>argv[1]).descr.tidx
        if (li == ACX_UINT64 and _is_signed_tidx(k) or
                k == ACX_UINT64 and _is_signed_tidx(li)) and uf.__name__ in _ICMP_CODES:
            if out is not None:
                return None
            return _intcmp_arrays(uf.__name__, <ndarray>argv[0], <ndarray>argv[1],
                                  k != ACX_UINT64, AC_KEEPORDER)
    for k in range(nin):
        x = <object>argv[k]
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
                if uf._flags & (UF_COMPARISON | UF_LOGICAL) and type(<object>argv[k]) is int:
                    # a comparison of an integer array with a Python int its
                    # type holds is exact in that type; others (beyond the
                    # type, float or bool arrays) take the exact general path
                    if uf._flags & UF_LOGICAL or not _int_in_type(first.descr.tidx, <object>argv[k]):
                        return None
                    tin[k] = first.descr.tidx
                    continue
                tin[k] = result_type_weak(first.descr, <object>argv[k]).tidx
        for k in range(nin):    # weak scalars with arrays of several types: general path
            if type(<object>argv[k]) is ndarray and tin[k] != first.descr.tidx:
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
    if uf._flags & UF_INT_POW and _is_signed_tidx(lt[1]):
        return None             # signed integer powers: the negative-exponent check
    for k in range(nin):
        x = <object>argv[k]
        if type(x) is ndarray:
            if (<ndarray>x).descr.tidx != lt[k]:
                return None
            ptrs[k] = (<ndarray>x).data
            steps[k] = (<ndarray>x).descr.itemsize
        else:
            setitem_ptr(descr_from_tidx(lt[k]), sbuf[k], x)
            ptrs[k] = sbuf[k]
            steps[k] = 0
    if out is None:
        res = new_array(descr_from_tidx(lt[nin]), first.nd, first.dimensions, NULL, NULL, 0,
                        None)
    elif not _fast_out_ok(<ndarray>out, lt[nin], first, argv, nin):
        return None
    else:
        res = <ndarray>out
    ptrs[nin] = res.data
    steps[nin] = res.descr.itemsize
    for k in range(first.nd):
        n *= first.dimensions[k]
    clear_fpe()
    if n < NOGIL_SIZE:
        uf._funcs[li](ptrs, &n, steps, uf._data[li])
    else:
        _run_flat(uf, li, n, nin + 1, ptrs, steps)
    fpe_check(uf)
    return res


cdef bint _fast_out_ok(ndarray o, int t, ndarray first, PyObject **argv, int nin):
    """Whether `o` can take the fast path's result: writeable, native, aligned,
    C-contiguous, of type t and first's shape, and each input array either
    the same memory as o or apart from it (partial overlap, read-only and
    shape errors go to the general path)."""
    cdef int k
    cdef ndarray a
    cdef char *lo
    cdef char *hi
    if o.descr.tidx != t or o.descr.swapped or \
            (o.flags & (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_ALIGNED | AC_ARRAY_WRITEABLE)) != \
            (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_ALIGNED | AC_ARRAY_WRITEABLE) or \
            o.nd != first.nd or \
            memcmp(o.dimensions, first.dimensions, o.nd * sizeof(ac_intp)) != 0:
        return False
    cdef ac_intp n = 1
    for k in range(o.nd):
        n *= o.dimensions[k]
    lo = o.data
    hi = o.data + n * o.descr.itemsize
    for k in range(nin):
        if type(<object>argv[k]) is ndarray:
            a = <ndarray>argv[k]
            if a.data == o.data and a.descr.itemsize == o.descr.itemsize:
                continue
            if a.data < hi and lo < a.data + n * a.descr.itemsize:
                return False
    return True


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
                                None, None, None, False, NOVALUE, True))
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
    cdef unsigned char *nt
    cdef ACUFuncGenericFunction *nf
    cdef void **nd_
    for k in range(nargs):
        if types[k] >= ACX_NTYPES:
            raise ValueError(f"register loop for {uf.__name__}: invalid type number at "
                             f"position {k}")
    i = _loop_with_types(uf, types, nargs)
    if i >= 0:
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
        if name in ("logical_and", "logical_or", "logical_xor", "logical_not"):
            uf._flags |= UF_LOGICAL
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
