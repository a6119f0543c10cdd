# arraycore/_core.pyx -- the ndarray type and its views: fields, flags,
# allocation (new_array), views (make_view, transpose, reshape without
# copies), shape/stride arithmetic, the buffer protocol and the import-time
# layout check.  Method bodies are one-line calls: into the per-area parts of
# this module (_core_index.pxi: basic indexing; _core_scalar.pxi: scalars;
# _core_copy.pxi: data movement) or, for what lives above the core
# (operators in _operators, reductions in _stats, ...), through the typed
# table core_impl (_core.pxd), never through Python attributes.
cimport cython
from cpython.object cimport PyTypeObject, PyObject
from cpython.exc cimport PyErr_Fetch, PyErr_Restore
from cpython.buffer cimport PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_ND, PyBUF_STRIDES, \
    PyBUF_C_CONTIGUOUS, PyBUF_F_CONTIGUOUS, PyBUF_ANY_CONTIGUOUS
from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.long cimport PyLong_AsLongLong, PyLong_AsUnsignedLongLong
from cpython.float cimport PyFloat_AS_DOUBLE
from cpython.complex cimport PyComplex_RealAsDouble, PyComplex_ImagAsDouble
from libc.string cimport memcpy, memset
from libc.math cimport INFINITY
from libc.stdint cimport uintptr_t, int64_t, uint64_t

from arraycore._types cimport *
from arraycore._ccore cimport *
from arraycore._driver cimport SIGINT_MIN_BYTES, AC_DRIVE_INTERRUPTED
from arraycore._errstate cimport (sigint_on, sigint_done, report_fpe, clear_fpe, check_fpe,
                                  AC_FPE_OVERFLOW)
from arraycore._dtype cimport dtype as Descr
from arraycore._dtype cimport (dtype, descr_from_tidx, as_dtype, as_dtype_or_none, native,
    can_cast_descr, warn_complex_cast, parse_casting, promote, default_float, dtype_for_pyscalar,
    ACX_BOOL, ACX_INT8, ACX_UINT8, ACX_INT16, ACX_UINT16, ACX_INT32, ACX_UINT32,
    ACX_INT64, ACX_UINT64, ACX_FLOAT16, ACX_FLOAT32, ACX_FLOAT64, ACX_COMPLEX64,
    ACX_COMPLEX128, ACX_NTYPES, UNSAFE_CASTING, SAFE_CASTING, SAME_KIND_CASTING)
from arraycore import _dtype as _dtype_mod
from numbers import Integral as _Integral

cdef extern from "Python.h":
    int PyIndex_Check(object o)
    Py_ssize_t PyNumber_AsSsize_t(object o, object exc) except? -1

cdef extern from *:
    """
    static const Py_ssize_t __ac_array_offsets[7] = {
        offsetof(ACArrayObject, data), offsetof(ACArrayObject, nd),
        offsetof(ACArrayObject, flags), offsetof(ACArrayObject, dimensions),
        offsetof(ACArrayObject, strides), offsetof(ACArrayObject, base),
        offsetof(ACArrayObject, descr)};
    static const Py_ssize_t __ac_descr_offsets[6] = {
        offsetof(ACArray_Descr, type_num), offsetof(ACArray_Descr, kind),
        offsetof(ACArray_Descr, type), offsetof(ACArray_Descr, byteorder),
        offsetof(ACArray_Descr, elsize), offsetof(ACArray_Descr, alignment)};
    """
    const Py_ssize_t __ac_array_offsets[7]
    const Py_ssize_t __ac_descr_offsets[6]

cdef enum:
    GIL_RELEASE_BYTES = 1 << 16     # copies smaller than this keep the GIL

cdef object _format = None         # arraycore._format (repr/str, Python), imported on first use
# NEP 18 dispatch (ndarray.__array_function__), from arraycore._numpy_interop
# on first use: its table (NumPy function -> arraycore's), the array types it
# handles, run_numpy, and the exceptions that hand a call over to NumPy
cdef dict _af_table = None
cdef object _af_handled = None, _af_run_numpy = None
cdef object _af_unsupported = None, _af_no_such_dtype = None


# ------------------------------------------- the table of implementations
# core_impl (declared in _core.pxd, so other modules reach it) is filled by
# the modules above the core when they are imported; `import arraycore`
# imports them all.

cdef object _missing():
    raise RuntimeError("arraycore.ndarray: the implementation of this method is not "
                       "installed (import arraycore, not arraycore._core alone)")


# Until a module installs its entries, each one raises (never a NULL call).
cdef object _no_binary(ACOp op, ndarray a, object o, ACOpSide side): return _missing()
cdef object _no_unary(ACOp op, ndarray a): return _missing()
cdef object _no_array_ufunc(object uf, object method, tuple inputs, dict kwargs):
    return _missing()
cdef object _no_reduce(ndarray a, object axis, object dtype, object out, object keepdims):
    return _missing()
cdef object _no_moment(ndarray a, object axis, object dtype, object out, object ddof,
                       object keepdims):
    return _missing()
cdef object _no_scan(ndarray a, object axis, object dtype, object out): return _missing()
cdef object _no_clip(ndarray a, object lo, object hi, object out): return _missing()
cdef object _no_squeeze(ndarray a, object axis): return _missing()
cdef ndarray _no_convert(object value, dtype dt): return _missing()
cdef object _no_adv_getitem(ndarray a, object key): return _missing()
cdef int _no_adv_setitem(ndarray a, object key, object value) except -1:
    _missing()
    return -1
cdef object _no_array(ndarray a): return _missing()
cdef object _no_to_numpy(ndarray a, object dtype, object copy): return _missing()
cdef object _no_to_dlpack(ndarray a, object stream, object max_version, object dl_device,
                          object copy):
    return _missing()

core_impl.binary = _no_binary
core_impl.unary = _no_unary
core_impl.array_ufunc = _no_array_ufunc
core_impl.sum = core_impl.prod = core_impl.mean = core_impl.max = core_impl.min = _no_reduce
core_impl.argmax = core_impl.argmin = core_impl.all = core_impl.any = _no_reduce
core_impl.var = core_impl.std = _no_moment
core_impl.cumsum = core_impl.cumprod = _no_scan
core_impl.clip = _no_clip
core_impl.squeeze = _no_squeeze
core_impl.asarray_for = _no_convert
core_impl.adv_getitem = _no_adv_getitem
core_impl.adv_setitem = _no_adv_setitem
core_impl.array_interface = core_impl.flat = _no_array
core_impl.to_numpy = _no_to_numpy
core_impl.to_dlpack = _no_to_dlpack


cdef inline object _binary(ACOp op, ndarray a, object o, ACOpSide side):
    return core_impl.binary(op, a, o, side)


cdef inline object _unary(ACOp op, ndarray a):
    return core_impl.unary(op, a)


# ===================================================================== ndarray

# Not tracked by Python's cycle collector, as NumPy's ndarray is not: an
# array refers only to its dtype and its base, and a cycle would need a base
# (e.g. a buffer exporter) that refers back to the array.  Tracking cost every
# small array a tenth of its life (GC_Track/UnTrack and the collections its
# allocations trigger).
@cython.freelist(64)
@cython.no_gc
cdef class ndarray:
    """An n-dimensional array of one dtype.  Create arrays with the
    functions of the namespace (asarray, zeros, empty, ...)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("arraycore.ndarray cannot be created directly; "
                        "use arraycore.asarray, empty, zeros, ...")

    # No __dealloc__: _array_release (below) runs from the type's tp_dealloc,
    # installed at import, without the exception save/restore Cython wraps
    # every __dealloc__ in (a fifth of a small view's life).

    # ---------------------------------------------------------- attributes
    @property
    def shape(self):
        return shape_tuple(self.nd, self.dimensions)

    @property
    def strides(self):
        return shape_tuple(self.nd, self.strides)

    @property
    def ndim(self):
        return self.nd

    @property
    def size(self):
        cdef ac_intp n = 1
        cdef int i
        for i in range(self.nd):
            n *= self.dimensions[i]
        return n

    @property
    def itemsize(self):
        return self.descr.itemsize

    @property
    def nbytes(self):
        return self.size * self.descr.itemsize

    @property
    def dtype(self):
        return self.descr

    @property
    def base(self):
        return self.base

    @property
    def device(self):
        return "cpu"

    @property
    def flags(self):
        return flagsobj.__new__(flagsobj, self)

    @property
    def data(self):
        return memoryview(self)

    @property
    def T(self):
        if self.nd > 2:
            raise ValueError("x.T requires x to have at most 2 dimensions; use permute_dims or mT")
        return transpose_view(self, None)

    @property
    def mT(self):
        if self.nd < 2:
            raise ValueError("x.mT requires x to have at least 2 dimensions")
        return swap_axes_view(self, self.nd - 2, self.nd - 1)

    # ------------------------------------------------------------ protocol
    def __len__(self):
        if self.nd == 0:
            raise TypeError("len() of unsized object")
        return self.dimensions[0]

    @property
    def flat(self):  # A flat iterator over the array (filled by arraycore._classic_iter).
        return core_impl.flat(self)

    def __iter__(self):
        # not a generator: iter() of a 0-d array fails at once (np.iterable,
        # matplotlib and others test iterability with iter())
        if self.nd == 0:
            raise TypeError("iteration over a 0-d array")
        return _rows(self)

    def __bool__(self):
        cdef ac_intp n = size_of(self.nd, self.dimensions)
        if n != 1:
            raise ValueError(f"the truth value of an array with {n} elements is ambiguous")
        return bool(getitem_ptr(self.descr, self.data))

    def __int__(self):
        v = _scalar_value(self, "int")
        if isinstance(v, complex):
            raise TypeError("int() argument must not be a complex array")
        return int(v)

    def __float__(self):
        return scalar_float(self)

    def __complex__(self, /):
        v = _scalar_value(self, "complex")
        if type(v) is float and v != v:
            return complex(v, v)        # the standard: a real NaN is NaN + NaN j
        return complex(v)

    def __index__(self):
        if self.descr._kind != b"i" and self.descr._kind != b"u":
            raise TypeError("only integer arrays with one element can be converted to an index")
        if self.nd != 0:
            raise TypeError("only 0-d integer arrays can be converted to an index")
        return getitem_ptr(self.descr, self.data)

    def __array_namespace__(self, /, *, api_version=None):
        if api_version is not None and api_version not in ("2021.12", "2022.12", "2023.12",
                                                           "2024.12", "2025.12"):
            raise ValueError(f"unsupported API version {api_version!r}")
        import arraycore
        return arraycore

    def to_device(self, device, /, *, stream=None):
        if stream is not None:
            raise ValueError("arraycore arrays live on the CPU: stream must be None")
        if device != "cpu" and device is not None:
            raise ValueError(f"unsupported device {device!r}: arraycore only has 'cpu'")
        return self

    def __repr__(self):
        global _format
        if _format is None:
            from arraycore import _format as f
            _format = f
        return _format.array_repr(self)

    def __str__(self):
        global _format
        if _format is None:
            from arraycore import _format as f
            _format = f
        return _format.array_str(self)

    def __hash__(self):
        raise TypeError("unhashable type: 'arraycore.ndarray' (arrays are mutable)")

    def __copy__(self):
        return copy_array(self, AC_KEEPORDER)

    def __deepcopy__(self, memo):
        return copy_array(self, AC_KEEPORDER)

    def __reduce__(self):
        from arraycore import _convert
        return (_convert._rebuild, (self.tobytes(), self.descr.str, self.shape))

    # -------------------------------------------------------------- methods
    def item(self, *args):
        """The element as a Python scalar: a.item() for size-1 arrays, a.item(i) or a.item(i, j, ...)."""
        return item_of(self, args)

    def tolist(self):
        """The array as nested Python lists of Python scalars (a scalar for 0-d arrays)."""
        return _tolist(self, 0, self.data)

    def tobytes(self, order="C"):
        return to_bytes(self, order)

    def tofile(self, fid, sep="", format="%s"):
        # the array's items to a file (binary or text); lives in arraycore._npyio
        from arraycore._npyio import tofile
        return tofile(self, fid, sep, format)

    def fill(self, value):
        """Fill the array with a scalar value (cast to the array's dtype)."""
        fill_array(self, value)

    def copy(self, order="C"):
        """A copy of the array; order 'C', 'F', 'A' or 'K'."""
        return copy_array(self, parse_order(order))

    def astype(self, dtype, order="K", casting="unsafe", copy=True, *, device=None):
        """The array cast to `dtype` (a copy unless copy=False and no cast is needed)."""
        return astype_method(self, dtype, order, casting, copy, device)

    def reshape(self, *shape, order="C", copy=None):
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        return reshape_array(self, shape, order, copy)

    def view(self, dtype=None):
        cdef Descr d
        if dtype is None:
            return make_view(self, self.nd, self.dimensions, self.strides, self.data)
        d = as_dtype(dtype)
        if d.itemsize != self.descr.itemsize:
            return _view_resized(self, d)
        return make_view(self, self.nd, self.dimensions, self.strides, self.data, d)

    def ravel(self, order="C"):
        return reshape_array(self, (-1,), order, None)

    def flatten(self, order="C"):
        return reshape_array(copy_array(self, parse_order(order)), (-1,), order, None)

    def transpose(self, *axes):
        if len(axes) == 0:
            return transpose_view(self, None)
        if len(axes) == 1 and not isinstance(axes[0], int):
            axes = axes[0]
        return transpose_view(self, axes)

    def swapaxes(self, axis1, axis2):
        return swap_axes_view(self, normalize_axis(axis1, self.nd), normalize_axis(axis2, self.nd))

    def squeeze(self, axis=None):
        return core_impl.squeeze(self, axis)

    # ------------------------- NumPy's ndarray methods and protocols (issue 11)
    # Views (real, imag) are made here; the others are one-line calls into
    # arraycore/_ndmethods.py (pure Python on the namespace's functions).
    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError(f"format spec must be a str, not {type(spec).__name__}")
        if self.nd == 0:
            return format(getitem_ptr(self.descr, self.data), spec)
        if spec:
            raise TypeError("unsupported format string passed to arraycore.ndarray.__format__")
        return str(self)

    @property
    def real(self):
        return _component_view(self, 0)

    @real.setter
    def real(self, value):
        assign(_component_view(self, 0), value)

    @property
    def imag(self):
        return _component_view(self, 1)

    @imag.setter
    def imag(self, value):
        assign(_component_view(self, 1), value)

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        _methods().sort(self, axis, kind, order, stable)
    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        return _methods().argsort(self, axis, kind, order, stable)
    def partition(self, kth, axis=-1, kind="introselect", order=None):
        _methods().partition(self, kth, axis, kind, order)
    def argpartition(self, kth, axis=-1, kind="introselect", order=None):
        return _methods().argpartition(self, kth, axis, kind, order)
    def searchsorted(self, v, side="left", sorter=None):
        return _methods().searchsorted(self, v, side, sorter)
    def nonzero(self):
        return _methods().nonzero(self)
    def take(self, indices, axis=None, out=None, mode="raise"):
        method_out_first(out)
        return _methods().take(self, indices, axis, out, mode)
    def put(self, indices, values, mode="raise"):
        _methods().put(self, indices, values, mode)
    def repeat(self, repeats, axis=None):
        return _methods().repeat(self, repeats, axis)
    def compress(self, condition, axis=None, out=None):
        method_out_first(out)
        return _methods().compress(self, condition, axis, out)
    def choose(self, choices, out=None, mode="raise"):
        method_out_first(out)
        return _methods().choose(self, choices, out, mode)
    def diagonal(self, offset=0, axis1=0, axis2=1):
        return _methods().diagonal(self, offset, axis1, axis2)
    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        method_out_first(out)
        return _methods().trace(self, offset, axis1, axis2, dtype, out)
    def byteswap(self, inplace=False):
        return _methods().byteswap(self, inplace)
    def setflags(self, write=None, align=None, uic=None):
        _methods().setflags(self, write, align, uic)
    def __reduce_ex__(self, protocol):
        # protocol 5: the data as a PickleBuffer (out of band when the pickler
        # takes buffers: dask.distributed, multiprocessing with protocol 5)
        if protocol >= 5:
            return _methods().reduce_buffer(self)
        return self.__reduce__()

    @property
    def __array_priority__(self):
        return 0.0

    def dumps(self):
        return _methods().dumps(self)
    def dump(self, file):
        _methods().dump(self, file)

    # -------------------------------------------------------------- indexing
    def __getitem__(self, key):
        return getitem(self, key)

    def __setitem__(self, key, value):
        setitem(self, key, value)

    # ------------------------------------------------------------ operators
    # Each operator is one call through the table (ACOp names the ufunc;
    # _operators.pyx implements them, with temporary elision).  The Array
    # API's binary operators carry a text signature (inspect.signature():
    # (self, other, /), as the standard writes them); Cython embeds none for
    # special methods.
    @cython.embedsignature(False)
    def __add__(self, other, /):
        "__add__($self, other, /)\n--\n\nself + other."
        return _binary(AC_OP_ADD, self, other, AC_OP_LEFT)
    def __radd__(self, o): return _binary(AC_OP_ADD, self, o, AC_OP_RIGHT)
    def __iadd__(self, o): return _binary(AC_OP_ADD, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __sub__(self, other, /):
        "__sub__($self, other, /)\n--\n\nself - other."
        return _binary(AC_OP_SUBTRACT, self, other, AC_OP_LEFT)
    def __rsub__(self, o): return _binary(AC_OP_SUBTRACT, self, o, AC_OP_RIGHT)
    def __isub__(self, o): return _binary(AC_OP_SUBTRACT, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __mul__(self, other, /):
        "__mul__($self, other, /)\n--\n\nself * other."
        return _binary(AC_OP_MULTIPLY, self, other, AC_OP_LEFT)
    def __rmul__(self, o): return _binary(AC_OP_MULTIPLY, self, o, AC_OP_RIGHT)
    def __imul__(self, o): return _binary(AC_OP_MULTIPLY, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __truediv__(self, other, /):
        "__truediv__($self, other, /)\n--\n\nself / other."
        return _binary(AC_OP_DIVIDE, self, other, AC_OP_LEFT)
    def __rtruediv__(self, o): return _binary(AC_OP_DIVIDE, self, o, AC_OP_RIGHT)
    def __itruediv__(self, o): return _binary(AC_OP_DIVIDE, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __floordiv__(self, other, /):
        "__floordiv__($self, other, /)\n--\n\nself // other."
        return _binary(AC_OP_FLOOR_DIVIDE, self, other, AC_OP_LEFT)
    def __rfloordiv__(self, o): return _binary(AC_OP_FLOOR_DIVIDE, self, o, AC_OP_RIGHT)
    def __ifloordiv__(self, o): return _binary(AC_OP_FLOOR_DIVIDE, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __mod__(self, other, /):
        "__mod__($self, other, /)\n--\n\nself % other."
        return _binary(AC_OP_REMAINDER, self, other, AC_OP_LEFT)
    def __rmod__(self, o): return _binary(AC_OP_REMAINDER, self, o, AC_OP_RIGHT)
    def __imod__(self, o): return _binary(AC_OP_REMAINDER, self, o, AC_OP_INPLACE)
    def __pow__(self, o, mod):
        return _binary(AC_OP_POW, self, o, AC_OP_LEFT) if mod is None else NotImplemented
    def __rpow__(self, o, mod):
        return _binary(AC_OP_POW, self, o, AC_OP_RIGHT) if mod is None else NotImplemented
    def __ipow__(self, o): return _binary(AC_OP_POW, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __and__(self, other, /):
        "__and__($self, other, /)\n--\n\nself & other."
        return _binary(AC_OP_AND, self, other, AC_OP_LEFT)
    def __rand__(self, o): return _binary(AC_OP_AND, self, o, AC_OP_RIGHT)
    def __iand__(self, o): return _binary(AC_OP_AND, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __or__(self, other, /):
        "__or__($self, other, /)\n--\n\nself | other."
        return _binary(AC_OP_OR, self, other, AC_OP_LEFT)
    def __ror__(self, o): return _binary(AC_OP_OR, self, o, AC_OP_RIGHT)
    def __ior__(self, o): return _binary(AC_OP_OR, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __xor__(self, other, /):
        "__xor__($self, other, /)\n--\n\nself ^ other."
        return _binary(AC_OP_XOR, self, other, AC_OP_LEFT)
    def __rxor__(self, o): return _binary(AC_OP_XOR, self, o, AC_OP_RIGHT)
    def __ixor__(self, o): return _binary(AC_OP_XOR, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __lshift__(self, other, /):
        "__lshift__($self, other, /)\n--\n\nself << other."
        return _binary(AC_OP_LSHIFT, self, other, AC_OP_LEFT)
    def __rlshift__(self, o): return _binary(AC_OP_LSHIFT, self, o, AC_OP_RIGHT)
    def __ilshift__(self, o): return _binary(AC_OP_LSHIFT, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __rshift__(self, other, /):
        "__rshift__($self, other, /)\n--\n\nself >> other."
        return _binary(AC_OP_RSHIFT, self, other, AC_OP_LEFT)
    def __rrshift__(self, o): return _binary(AC_OP_RSHIFT, self, o, AC_OP_RIGHT)
    def __irshift__(self, o): return _binary(AC_OP_RSHIFT, self, o, AC_OP_INPLACE)
    @cython.embedsignature(False)
    def __matmul__(self, other, /):
        "__matmul__($self, other, /)\n--\n\nself @ other."
        return _binary(AC_OP_MATMUL, self, other, AC_OP_LEFT)
    def __rmatmul__(self, o): return _binary(AC_OP_MATMUL, self, o, AC_OP_RIGHT)
    def __imatmul__(self, o): return _binary(AC_OP_MATMUL, self, o, AC_OP_INPLACE)
    def __divmod__(self, o): return _binary(AC_OP_DIVMOD, self, o, AC_OP_LEFT)
    def __rdivmod__(self, o): return _binary(AC_OP_DIVMOD, self, o, AC_OP_RIGHT)
    def __lt__(self, o): return _binary(AC_OP_LT, self, o, AC_OP_LEFT)
    def __le__(self, o): return _binary(AC_OP_LE, self, o, AC_OP_LEFT)
    def __eq__(self, o): return _binary(AC_OP_EQ, self, o, AC_OP_LEFT)
    def __ne__(self, o): return _binary(AC_OP_NE, self, o, AC_OP_LEFT)
    def __gt__(self, o): return _binary(AC_OP_GT, self, o, AC_OP_LEFT)
    def __ge__(self, o): return _binary(AC_OP_GE, self, o, AC_OP_LEFT)
    def __neg__(self): return _unary(AC_OP_NEGATIVE, self)
    def __pos__(self): return _unary(AC_OP_POSITIVE, self)
    def __abs__(self): return _unary(AC_OP_ABS, self)
    def __invert__(self): return _unary(AC_OP_INVERT, self)

    # ------------------------------------------- NumPy-style method spellings
    # (each one typed call through the table: _stats, _elementwise, _operators)
    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.sum(self, axis, dtype, out, keepdims)
    def prod(self, axis=None, dtype=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.prod(self, axis, dtype, out, keepdims)
    def mean(self, axis=None, dtype=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.mean(self, axis, dtype, out, keepdims)
    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, correction=None):
        method_out_first(out)
        return core_impl.var(self, axis, dtype, out, _ddof(ddof, correction), keepdims)
    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, correction=None):
        method_out_first(out)
        return core_impl.std(self, axis, dtype, out, _ddof(ddof, correction), keepdims)
    def max(self, axis=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.max(self, axis, None, out, keepdims)
    def min(self, axis=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.min(self, axis, None, out, keepdims)
    def argmax(self, axis=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.argmax(self, axis, None, out, keepdims)
    def argmin(self, axis=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.argmin(self, axis, None, out, keepdims)
    def all(self, axis=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.all(self, axis, None, out, keepdims)
    def any(self, axis=None, out=None, keepdims=False):
        method_out_first(out)
        return core_impl.any(self, axis, None, out, keepdims)
    def cumsum(self, axis=None, dtype=None, out=None):
        method_out_first(out)
        return core_impl.cumsum(self, axis, dtype, out)
    def cumprod(self, axis=None, dtype=None, out=None):
        method_out_first(out)
        return core_impl.cumprod(self, axis, dtype, out)
    def clip(self, min=None, max=None, out=None):
        method_out_first(out)
        return core_impl.clip(self, min, max, out)
    def conj(self): return _unary(AC_OP_CONJ, self)
    def conjugate(self): return _unary(AC_OP_CONJ, self)
    def round(self, decimals=0, out=None):
        method_out_first(out)
        if decimals == 0 and out is None:
            return _unary(AC_OP_ROUND, self)
        return _methods().round_(self, decimals, out)
    def dot(self, o): return _binary(AC_OP_MATMUL, self, o, AC_OP_CALL)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return core_impl.array_ufunc(ufunc, method, inputs, kwargs)

    def __array_function__(self, func, types, args, kwargs):
        # NEP 18, the one dispatcher (the rule: arraycore/_numpy_interop.py):
        # arraycore's implementation of func when it has one and takes this
        # call (it raises _Unsupported, TypeError or ValueError otherwise),
        # else NumPy's on zero-copy views; NotImplemented when another
        # library's arrays take part.  Reached only by programs using NumPy.
        global _af_table, _af_handled, _af_run_numpy, _af_unsupported, _af_no_such_dtype
        if _af_table is None:
            from arraycore import _numpy_interop as m
            _af_handled = m._HANDLED
            _af_run_numpy = m.run_numpy
            _af_unsupported = (m._Unsupported, TypeError, ValueError)
            _af_no_such_dtype = m._NoSuchDtype
            _af_table = m._IMPL
        for t in types:
            if t is not ndarray and not issubclass(t, _af_handled):
                return NotImplemented
        impl = _af_table.get(func)
        if impl is not None:
            try:
                return impl(*args, **kwargs)
            except _af_no_such_dtype:
                raise
            except _af_unsupported:
                pass            # NumPy's implementation decides (its result or its error)
        return _af_run_numpy(func, args, kwargs)

    # -------------------------------------------------------------- exchange
    @property
    def __array_interface__(self):
        return core_impl.array_interface(self)

    def __array__(self, dtype=None, copy=None):
        return core_impl.to_numpy(self, dtype, copy)

    def __array_namespace_info__(self):
        from arraycore._info import __array_namespace_info__
        return __array_namespace_info__()

    def __dlpack__(self, /, *, stream=None, max_version=None, dl_device=None, copy=None):
        return core_impl.to_dlpack(self, stream, max_version, dl_device, copy)

    def __dlpack_device__(self, /):
        return (1, 0)

    def __getbuffer__(self, Py_buffer *buf, int flags):
        cdef dtype d = self.descr
        if flags & PyBUF_WRITABLE and not (self.flags & AC_ARRAY_WRITEABLE):
            raise BufferError("the array is read-only")
        if (flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS and not (self.flags & AC_ARRAY_C_CONTIGUOUS):
            raise BufferError("the array is not C-contiguous")
        if (flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS and not (self.flags & AC_ARRAY_F_CONTIGUOUS):
            raise BufferError("the array is not Fortran-contiguous")
        if (flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS and not (
                self.flags & (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS)):
            raise BufferError("the array is not contiguous")
        if (flags & PyBUF_STRIDES) != PyBUF_STRIDES and not (self.flags & AC_ARRAY_C_CONTIGUOUS):
            raise BufferError("the array is not C-contiguous: strides are needed")
        buf.buf = self.data
        buf.obj = self
        buf.len = size_of(self.nd, self.dimensions) * d.itemsize
        buf.readonly = 0 if (self.flags & AC_ARRAY_WRITEABLE) else 1
        buf.itemsize = d.itemsize
        buf.format = _buffer_format(d) if (flags & PyBUF_FORMAT) else NULL
        buf.ndim = self.nd
        buf.shape = self.dimensions if (flags & PyBUF_ND) == PyBUF_ND else NULL
        buf.strides = self.strides if (flags & PyBUF_STRIDES) == PyBUF_STRIDES else NULL
        buf.suboffsets = NULL
        buf.internal = NULL

    def __releasebuffer__(self, Py_buffer *buf):
        pass


# ------------------------------------ helpers of the NumPy-named methods (issue 11)
cdef object _methods_mod = None   # arraycore._ndmethods, imported on first use


cdef object _methods():
    global _methods_mod
    if _methods_mod is None:
        from arraycore import _ndmethods as m
        _methods_mod = m
    return _methods_mod


def _rows(ndarray a):
    """The iterator of iter(a): views of a[0], a[1], ..."""
    cdef ac_intp i
    for i in range(a.dimensions[0]):
        yield index_view(a, i)


cdef object _ddof(object ddof, object correction):
    if correction is None:
        return ddof
    if ddof != 0:
        raise ValueError("ddof and correction can't be provided simultaneously")
    return correction


cdef ndarray _component_view(ndarray a, int part):
    """a.real (part 0) / a.imag (part 1): for complex arrays a view of the
    float parts (same strides, imag one part further on); for other arrays
    a itself (real) or read-only zeros (imag), as NumPy's."""
    cdef Descr d = a.descr
    cdef Descr c
    cdef ndarray z
    if d._kind != b"c":
        if part == 0:
            return make_view(a, a.nd, a.dimensions, a.strides, a.data)
        z = new_array(d, a.nd, a.dimensions, NULL, NULL, 0, None, True)
        z.flags &= ~AC_ARRAY_WRITEABLE
        return z
    c = as_dtype("f%d" % (d.itemsize // 2))
    if d.swapped:
        c = c._other
    return make_view(a, a.nd, a.dimensions, a.strides, a.data + part * c.itemsize, c)


cdef ndarray _view_resized(ndarray a, Descr d):
    """a.view(d) for a dtype of another itemsize: the last axis (contiguous)
    is re-cut into elements of d; its length in bytes must divide evenly."""
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef ac_intp nbytes
    cdef int i, last = a.nd - 1
    if a.nd == 0:
        raise ValueError("Changing the dtype of a 0d array is only supported if the "
                         "itemsize is unchanged")
    if a.dimensions[last] != 1 and a.strides[last] != a.descr.itemsize \
            and size_of(a.nd, a.dimensions) != 0:
        raise ValueError("To change to a dtype of a different size, the last axis "
                         "must be contiguous")
    nbytes = a.dimensions[last] * a.descr.itemsize
    if nbytes % d.itemsize != 0:
        raise ValueError("When changing to a different itemsize, the size of the last "
                         "axis must divide evenly into the new itemsize")
    for i in range(a.nd):
        shape[i] = a.dimensions[i]
        strides[i] = a.strides[i]
    shape[last] = nbytes // d.itemsize
    strides[last] = d.itemsize
    return make_view(a, a.nd, shape, strides, a.data, d)


# Arrays are made only by arraycore's own functions: ndarray.__new__ from
# Python would give an object without a dtype or data.  Internal creation
# calls Cython's allocator directly, not through the type slot.
cdef extern from *:
    """
    static PyObject *__ac_array_tp_new(PyTypeObject *tp, PyObject *args, PyObject *kwds) {
        (void)args; (void)kwds;
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances directly; use "
                     "arraycore.asarray, empty, zeros, ...", tp->tp_name);
        return NULL;
    }
    static void __ac_block_tp_new(PyTypeObject *tp) {
        tp->tp_new = __ac_array_tp_new;
        tp->tp_vectorcall = NULL;
        PyType_Modified(tp);
    }
    """
    void __ac_block_tp_new(PyTypeObject *tp)


# Releasing an array's memory.  Cython wraps a __dealloc__ in an exception
# save/restore; only the write-back below can run Python code, so the type's
# tp_dealloc is wrapped instead: _array_release frees the shape and data
# (saving the exception state only around a write-back), then Cython's own
# deallocator clears base and descr and returns the object to the free list.
cdef extern from *:
    """
    static destructor __ac_cy_array_dealloc;
    static void (*__ac_array_release)(PyObject *);
    static void __ac_array_dealloc(PyObject *o) {
        /* alive while released: the release function holds references */
        Py_SET_REFCNT(o, 1);
        __ac_array_release(o);
        Py_SET_REFCNT(o, 0);
        __ac_cy_array_dealloc(o);
    }
    static void __ac_wrap_tp_dealloc(PyTypeObject *tp, void (*release)(PyObject *)) {
        __ac_array_release = release;
        __ac_cy_array_dealloc = tp->tp_dealloc;
        tp->tp_dealloc = __ac_array_dealloc;
        PyType_Modified(tp);
    }
    """
    void __ac_wrap_tp_dealloc(PyTypeObject *tp, void (*release)(PyObject *) noexcept)


cdef void _array_release(PyObject *o) noexcept:
    cdef ndarray self = <ndarray>o
    cdef PyObject *et
    cdef PyObject *ev
    cdef PyObject *tb
    if self.flags & AC_ARRAY_WRITEBACKIFCOPY and isinstance(self.base, ndarray):
        # an unresolved write-back copy: write it back rather than lose data
        PyErr_Fetch(&et, &ev, &tb)
        _writeback_on_dealloc(self)
        PyErr_Restore(et, ev, tb)
    if self.dimensions != NULL and self.dimensions != self._inline:
        PyMem_Free(self.dimensions)
    self.dimensions = NULL
    if self._alloc != NULL:
        ac_data_free(self._alloc)
        self._alloc = NULL


cdef void _writeback_on_dealloc(ndarray self) noexcept:
    import warnings
    try:
        warnings.warn("arraycore array with WRITEBACKIFCOPY deallocated without "
                      "ACArray_ResolveWritebackIfCopy; writing back", RuntimeWarning)
        resolve_writeback(self, False)
    except Exception:
        pass


# buffer format strings by [swapped][dense index]; static storage
cdef const char *_FMT_NATIVE[ACX_NTYPES]
cdef const char *_FMT_SWAPPED[ACX_NTYPES]
cdef bytes _fmt_keep = b""
_fmt_list = []

def _init_formats():
    cdef int i
    cdef bytes b
    swp = ">" if AC_BYTE_ORDER_IS_LITTLE else "<"
    for i in range(ACX_NTYPES):
        f = _dtype_mod.FORMATS[i]
        b = f.encode()
        _fmt_list.append(b)
        _FMT_NATIVE[i] = <const char *>b
        b = (swp + f).encode()
        _fmt_list.append(b)
        _FMT_SWAPPED[i] = <const char *>b

_init_formats()


cdef inline char *_buffer_format(dtype d) noexcept:
    if d.swapped:
        return <char *>_FMT_SWAPPED[d.tidx]
    return <char *>_FMT_NATIVE[d.tidx]


# ------------------------------------------------------------ flags object
@cython.final
cdef class flagsobj:
    """The flags of an array: C_CONTIGUOUS, F_CONTIGUOUS, OWNDATA, WRITEABLE,
    ALIGNED, WRITEBACKIFCOPY; as items (f['WRITEABLE']) or attributes."""
    cdef ndarray arr

    def __cinit__(self, ndarray arr):
        self.arr = arr

    cdef bint _get(self, str key) except -1:
        cdef int f = self.arr.flags
        k = key.upper()
        if k in ("C_CONTIGUOUS", "C", "CONTIGUOUS"):
            return f & AC_ARRAY_C_CONTIGUOUS != 0
        if k in ("F_CONTIGUOUS", "F", "FORTRAN"):
            return f & AC_ARRAY_F_CONTIGUOUS != 0
        if k in ("OWNDATA", "O"):
            return f & AC_ARRAY_OWNDATA != 0
        if k in ("WRITEABLE", "W"):
            return f & AC_ARRAY_WRITEABLE != 0
        if k in ("ALIGNED", "A"):
            return f & AC_ARRAY_ALIGNED != 0
        if k in ("WRITEBACKIFCOPY", "X"):
            return f & AC_ARRAY_WRITEBACKIFCOPY != 0
        raise KeyError(key)

    def __getitem__(self, key):
        return self._get(key)

    def __setitem__(self, key, value):
        k = key.upper()
        if k in ("WRITEABLE", "W"):
            set_writeable(self.arr, value)
        else:
            raise KeyError(f"flag {key!r} cannot be set")

    def __getattr__(self, name):
        try:
            return self._get(name)
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value

    def __eq__(self, other):
        if isinstance(other, flagsobj):
            return self.arr.flags == (<flagsobj>other).arr.flags
        return NotImplemented

    def __repr__(self):
        names = ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY")
        return "\n".join(f"  {n} : {self._get(n)}" for n in names)


cdef int set_writeable(ndarray a, object value) except -1:
    cdef object b
    if value:
        if a.flags & AC_ARRAY_RO_SOURCE:
            raise ValueError("cannot set WRITEABLE flag to True of this array: its memory is read-only")
        b = a.base
        if isinstance(b, ndarray) and not ((<ndarray>b).flags & AC_ARRAY_WRITEABLE):
            raise ValueError("cannot set WRITEABLE flag to True of this array: its base is read-only")
        a.flags |= AC_ARRAY_WRITEABLE
    else:
        a.flags &= ~AC_ARRAY_WRITEABLE
    return 0


# ============================================================ construction

cdef int set_shape(ndarray a, int nd) except -1:
    if nd < 0 or nd > AC_MAXDIMS:
        raise ValueError(f"maximum supported dimension for an array is {AC_MAXDIMS}, found {nd}")
    if a.dimensions != NULL and a.dimensions != a._inline:
        PyMem_Free(a.dimensions)
        a.dimensions = NULL
    if nd <= AC_INLINE_DIMS:
        a.dimensions = a._inline
    else:
        a.dimensions = <ac_intp *>PyMem_Malloc(2 * nd * sizeof(ac_intp))
        if a.dimensions == NULL:
            raise MemoryError()
    a.strides = a.dimensions + nd
    a.nd = nd
    return 0


cdef inline ndarray _alloc() :
    return ndarray.__new__(ndarray)


cdef void update_flags(ndarray a) noexcept:
    cdef int i
    if a.nd == 0:
        a.flags = (a.flags & ~AC_ARRAY_UPDATE_ALL) | AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS
        if ((<uintptr_t>a.data) & <uintptr_t>(a.descr.alignment - 1)) == 0:
            a.flags |= AC_ARRAY_ALIGNED
        return
    cdef ac_intp sd, dim, size = 1
    cdef bint c = True, f = True, aligned
    cdef ac_intp itemsize = a.descr.itemsize, al = a.descr.alignment
    if a.nd == 1:               # the commonest view: the general rules, unrolled
        dim = a.dimensions[0]
        sd = a.strides[0]
        a.flags &= ~(AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS | AC_ARRAY_ALIGNED)
        if dim <= 1 or sd == itemsize:
            a.flags |= AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS
        if ((<uintptr_t>a.data) & <uintptr_t>(al - 1)) == 0 and (dim <= 1 or (sd & (al - 1)) == 0):
            a.flags |= AC_ARRAY_ALIGNED
        return
    for i in range(a.nd):
        if a.dimensions[i] == 0:
            size = 0
    a.flags &= ~(AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS | AC_ARRAY_ALIGNED)
    if size != 0:
        sd = itemsize
        for i in range(a.nd - 1, -1, -1):
            dim = a.dimensions[i]
            if dim != 1:
                if a.strides[i] != sd:
                    c = False
                    break
                sd *= dim
        sd = itemsize
        for i in range(a.nd):
            dim = a.dimensions[i]
            if dim != 1:
                if a.strides[i] != sd:
                    f = False
                    break
                sd *= dim
    if c:
        a.flags |= AC_ARRAY_C_CONTIGUOUS
    if f:
        a.flags |= AC_ARRAY_F_CONTIGUOUS
    aligned = ((<uintptr_t>a.data) & <uintptr_t>(al - 1)) == 0
    if aligned and size != 0:
        for i in range(a.nd):
            if a.dimensions[i] > 1 and (a.strides[i] & (al - 1)) != 0:
                aligned = False
                break
    if aligned:
        a.flags |= AC_ARRAY_ALIGNED


cdef extern from "ac_size.h":
    int ac_size_mul(ac_intp a, ac_intp b, ac_intp *out) nogil
    int ac_size_add(ac_intp a, ac_intp b, ac_intp *out) nogil
    int ac_size_sub(ac_intp a, ac_intp b, ac_intp *out) nogil


cdef ac_intp size_mul(ac_intp a, ac_intp b) except? -1:
    """a * b, or ValueError when it overflows the index type (the one helper,
    src/ac_size.h, that every size, length and byte count goes through)."""
    cdef ac_intp r
    if ac_size_mul(a, b, &r) != 0:
        raise ValueError("array is too big; a size overflows the index type")
    return r


cdef ac_intp size_add(ac_intp a, ac_intp b) except? -1:
    cdef ac_intp r
    if ac_size_add(a, b, &r) != 0:
        raise ValueError("array is too big; a size overflows the index type")
    return r


cdef ac_intp size_sub(ac_intp a, ac_intp b) except? -1:
    cdef ac_intp r
    if ac_size_sub(a, b, &r) != 0:
        raise ValueError("array is too big; a size overflows the index type")
    return r


cdef ac_intp size_of(int nd, const ac_intp *shape) except -1:
    cdef ac_intp n = 1
    cdef int i
    cdef bint zero = False
    for i in range(nd):
        if shape[i] < 0:
            raise ValueError("negative dimensions are not allowed")
        if shape[i] == 0:
            zero = True
    if zero:
        return 0
    for i in range(nd):
        if ac_size_mul(n, shape[i], &n) != 0:
            raise ValueError("array is too big; the size of the shape overflows the index type")
    return n


cdef extern from *:
    """
    #define AC_MAX_INTP_VALUE PY_SSIZE_T_MAX
    """
    ac_intp AC_MAX_INTP_VALUE


cdef ndarray new_array(dtype descr, int nd, const ac_intp *shape,
                       const ac_intp *strides, char *data, int flags,
                       object base, bint zero=False, bint fortran=False):
    cdef ndarray a
    cdef ac_intp n, nbytes, sd
    cdef int i
    if nd == 1 and data == NULL and strides == NULL:
        # the commonest request, a new contiguous vector: the general path
        # below, unrolled (same checks, same errors)
        n = shape[0]
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        nbytes = size_mul(n, descr.itemsize)
        a = _alloc()
        a.descr = descr
        a.dimensions = a._inline
        a.strides = a._inline + 1
        a.nd = 1
        a.dimensions[0] = n
        a.strides[0] = descr.itemsize
        a._alloc = ac_data_alloc(<size_t>nbytes, zero)
        if a._alloc == NULL:
            raise MemoryError(f"Unable to allocate {nbytes} bytes for an array with shape "
                              f"{shape_tuple(nd, shape)} and data type {descr.name}")
        a.data = <char *>a._alloc
        a.flags = AC_ARRAY_OWNDATA | AC_ARRAY_WRITEABLE
        update_flags(a)
        return a
    if nd <= 1 and nd >= 0 and data != NULL:
        # a 0-d or 1-d view (nditer's values and external loops, scalar
        # views): the general path below, unrolled
        if nd == 1 and shape[0] < 0:
            raise ValueError("negative dimensions are not allowed")
        a = _alloc()
        a.descr = descr
        a.dimensions = a._inline
        a.strides = a._inline + nd
        a.nd = nd
        if nd == 1:
            a.dimensions[0] = shape[0]
            a.strides[0] = strides[0] if strides != NULL else descr.itemsize
        a.data = data
        a.flags = flags & (AC_ARRAY_WRITEABLE | AC_ARRAY_RO_SOURCE)
        a.base = base
        update_flags(a)
        return a
    a = _alloc()
    a.descr = descr
    set_shape(a, nd)
    n = size_of(nd, shape)
    for i in range(nd):
        a.dimensions[i] = shape[i]
    cdef ac_intp lo = 0, hi = 0, span
    if data == NULL:
        if strides != NULL and n > 0:
            # allocate the extent the given strides address (NewFromDescr semantics)
            for i in range(nd):
                span = size_mul(strides[i], shape[i] - 1)
                if span < 0:
                    lo = size_add(lo, span)
                else:
                    hi = size_add(hi, span)
            nbytes = size_add(size_sub(hi, lo), descr.itemsize)
        else:
            nbytes = size_mul(n, descr.itemsize)
            strides = NULL
        a._alloc = ac_data_alloc(<size_t>nbytes, zero)
        if a._alloc == NULL:
            raise MemoryError(f"Unable to allocate {nbytes} bytes for an array with shape "
                              f"{shape_tuple(nd, shape)} and data type {descr.name}")
        a.data = <char *>a._alloc - lo
        a.flags = AC_ARRAY_OWNDATA | AC_ARRAY_WRITEABLE
    else:
        a.data = data
        a.flags = flags & (AC_ARRAY_WRITEABLE | AC_ARRAY_RO_SOURCE)
        a.base = base
    if strides != NULL:
        for i in range(nd):
            a.strides[i] = strides[i]
    else:
        sd = descr.itemsize
        if fortran:
            for i in range(nd):
                a.strides[i] = sd
                sd *= shape[i] if shape[i] else 1
        else:
            for i in range(nd - 1, -1, -1):
                a.strides[i] = sd
                sd *= shape[i] if shape[i] else 1
    update_flags(a)
    return a


cdef extern from *:
    """
    /* an exact int that fits an ac_intp into *out (1), else 0 with no error set */
    static CYTHON_INLINE int __ac_exact_index(PyObject *v, Py_ssize_t *out) {
        int overflow;
        long long x;
        if (!PyLong_CheckExact(v)) {
            return 0;
        }
        x = PyLong_AsLongLongAndOverflow(v, &overflow);
        if (overflow || x < PY_SSIZE_T_MIN || x > PY_SSIZE_T_MAX) {
            return 0;
        }
        *out = (Py_ssize_t)x;
        return 1;
    }
    """
    bint __ac_exact_index(PyObject *v, ac_intp *out) noexcept
    Py_ssize_t PyTuple_GET_SIZE(object t)
    PyObject *PyTuple_GET_ITEM(object t, Py_ssize_t i)     # borrowed


cdef int shape_from_obj(object shape, ac_intp *out, bint allow_negative=False) except -1:
    cdef int nd, i
    if type(shape) is tuple:
        # the common case, a tuple of non-negative ints: no error paths to set up
        nd = <int>PyTuple_GET_SIZE(shape)
        if nd <= AC_MAXDIMS:
            for i in range(nd):
                if not __ac_exact_index(PyTuple_GET_ITEM(shape, i), &out[i]) or (
                        out[i] < 0 and not allow_negative):
                    break
            else:
                return nd
        # anything else: the general path below gives the error
    if PyIndex_Check(shape):
        out[0] = PyNumber_AsSsize_t(shape, OverflowError)
        if out[0] < 0 and not allow_negative:
            raise ValueError("negative dimensions are not allowed")
        return 1
    if type(shape) is tuple:
        seq = <tuple>shape
    else:
      try:
        seq = tuple(shape)
      except TypeError:
        raise TypeError(f"expected a sequence of integers or a single integer, got {type(shape).__name__!r}") from None
    nd = len(seq)
    if nd > AC_MAXDIMS:
        raise ValueError(f"maximum supported dimension for an array is {AC_MAXDIMS}, found {nd}")
    for i in range(nd):
        v = seq[i]
        if type(v) is int:
            try:
                out[i] = <ac_intp>v
            except OverflowError:
                raise ValueError("array is too big; a dimension overflows the index type") from None
            if out[i] < 0 and not allow_negative:
                raise ValueError("negative dimensions are not allowed")
            continue
        if not PyIndex_Check(v):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
        try:
            out[i] = PyNumber_AsSsize_t(v, OverflowError)
        except OverflowError:
            raise ValueError("array is too big; a dimension overflows the index type") from None
        if out[i] < 0 and not allow_negative:
            raise ValueError("negative dimensions are not allowed")
    return nd


cdef ndarray new_from_shape(dtype descr, object shape, bint zero=False, bint fortran=False):
    cdef ac_intp dims[AC_MAXDIMS]
    cdef int nd = shape_from_obj(shape, dims)
    return new_array(descr, nd, dims, NULL, NULL, 0, None, zero, fortran)


cdef extern from *:
    """
    static PyObject *__ac_shape_tuple(int nd, const Py_ssize_t *shape) {
        int i;
        PyObject *t = PyTuple_New(nd);
        if (t == NULL) {
            return NULL;
        }
        for (i = 0; i < nd; i++) {
            PyObject *v = PyLong_FromSsize_t(shape[i]);
            if (v == NULL) {
                Py_DECREF(t);
                return NULL;
            }
            PyTuple_SET_ITEM(t, i, v);
        }
        return t;
    }
    """
    tuple __ac_shape_tuple(int nd, const ac_intp *shape)


cdef tuple shape_tuple(int nd, const ac_intp *shape):
    return __ac_shape_tuple(nd, shape)

cdef int normalize_axis(ac_intp axis, int nd) except -1:
    if axis < -nd or axis >= nd:
        raise IndexError(f"axis {axis} is out of bounds for array of dimension {nd}")
    if axis < 0:
        axis += nd
    return <int>axis


cdef int broadcast_shapes_c(int nd_out, ac_intp *out, int nd, const ac_intp *shape) except -1:
    """Broadcast `shape` into `out` (right-aligned, nd_out >= nd); out holds the running result."""
    cdef int i, j
    for i in range(nd):
        j = nd_out - nd + i
        if shape[i] == out[j]:
            continue
        if out[j] == 1:
            out[j] = shape[i]
        elif shape[i] != 1:
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape: "
                             f"mismatch in dimension {j} ({out[j]} vs {shape[i]})")
    return 0


cdef int broadcast_strides(ndarray a, int nd, const ac_intp *shape, ac_intp *out) noexcept:
    """The strides that view `a` broadcast to `shape` (nd >= a.nd): 0 on new
    and stretched axes.  Returns 0, or 1 when a cannot broadcast to shape."""
    return broadcast_strides_n(a.nd, a.dimensions, a.strides, nd, shape, out)


cdef int broadcast_strides_n(int a_nd, const ac_intp *a_dims, const ac_intp *a_strides,
                             int nd, const ac_intp *shape, ac_intp *out) noexcept:
    """The same for the leading a_nd dimensions of an array (gufunc loop dims)."""
    cdef int i, j
    if nd < a_nd:
        return 1
    for i in range(nd):
        j = i - (nd - a_nd)
        if j < 0:
            out[i] = 0
        elif a_dims[j] == shape[i]:
            out[i] = a_strides[j]
        elif a_dims[j] == 1:
            out[i] = 0
        else:
            return 1
    return 0


cdef int _order_of(ndarray a, int order) noexcept:
    """Resolve A/K orders to C or F for allocating a result like `a`."""
    if order == AC_ANYORDER or order == AC_KEEPORDER:
        if (a.flags & AC_ARRAY_F_CONTIGUOUS) and not (a.flags & AC_ARRAY_C_CONTIGUOUS):
            return AC_FORTRANORDER
        return AC_CORDER
    return order


cdef ndarray empty_like_array(ndarray a, dtype descr, int order):
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int perm[AC_MAXDIMS]
    cdef int i, j, t, nd = a.nd
    cdef ac_intp sd
    if descr is None:
        descr = a.descr
    if order == AC_KEEPORDER and nd > 1 and not (a.flags & (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS)):
        # keep the memory order of the axes of `a` (by |stride|, stable)
        for i in range(nd):
            perm[i] = i
        for i in range(1, nd):
            j = i
            while j > 0 and _abs(a.strides[perm[j - 1]]) < _abs(a.strides[perm[j]]):
                t = perm[j]; perm[j] = perm[j - 1]; perm[j - 1] = t
                j -= 1
        sd = descr.itemsize
        for i in range(nd - 1, -1, -1):
            strides[perm[i]] = sd
            sd *= a.dimensions[perm[i]] if a.dimensions[perm[i]] else 1
        res = new_array(descr, nd, a.dimensions, NULL, NULL, 0, None)
        for i in range(nd):
            (<ndarray>res).strides[i] = strides[i]
        update_flags(res)
        return res
    return new_array(descr, nd, a.dimensions, NULL, NULL, 0, None, False,
                     _order_of(a, order) == AC_FORTRANORDER)


cdef inline ac_intp _abs(ac_intp x) noexcept:
    return -x if x < 0 else x


cdef ndarray make_view(ndarray a, int nd, const ac_intp *shape, const ac_intp *strides,
                       char *data, dtype descr=None):
    cdef ndarray v = _alloc()
    cdef int i
    v.descr = a.descr if descr is None else descr
    if nd <= AC_INLINE_DIMS:
        v.dimensions = v._inline
        v.strides = v._inline + nd
        v.nd = nd
    else:
        set_shape(v, nd)
    for i in range(nd):
        v.dimensions[i] = shape[i]
        v.strides[i] = strides[i]
    v.data = data
    v.flags = a.flags & (AC_ARRAY_WRITEABLE | AC_ARRAY_RO_SOURCE)
    # the base is the object that owns the memory: collapse chains of views
    if a.base is not None and not (a.flags & AC_ARRAY_OWNDATA) and not (a.flags & AC_ARRAY_WRITEBACKIFCOPY):
        v.base = a.base
    else:
        v.base = a
    update_flags(v)
    return v


cdef int check_writeable(ndarray a) except -1:
    if not (a.flags & AC_ARRAY_WRITEABLE):
        raise ValueError("assignment destination is read-only")
    return 0


cdef int parse_order(object order) except? -9:
    if order is None or order == "K" or order == "k":
        return AC_KEEPORDER
    if order == "C" or order == "c":
        return AC_CORDER
    if order == "F" or order == "f":
        return AC_FORTRANORDER
    if order == "A" or order == "a":
        return AC_ANYORDER
    raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


# ================================================================ views

cdef ndarray transpose_view(ndarray a, object axes):
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int i, nd = a.nd, ax
    cdef char seen[AC_MAXDIMS]
    if axes is None:
        for i in range(nd):
            shape[i] = a.dimensions[nd - 1 - i]
            strides[i] = a.strides[nd - 1 - i]
    else:
        axes = tuple(axes)
        if len(axes) != nd:
            raise ValueError("axes don't match array")
        memset(seen, 0, nd)
        for i in range(nd):
            ax = normalize_axis(axes[i], nd)
            if seen[ax]:
                raise ValueError("repeated axis in transpose")
            seen[ax] = 1
            shape[i] = a.dimensions[ax]
            strides[i] = a.strides[ax]
    return make_view(a, nd, shape, strides, a.data)


cdef ndarray swap_axes_view(ndarray a, int i, int j):
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int k
    for k in range(a.nd):
        shape[k] = a.dimensions[k]
        strides[k] = a.strides[k]
    shape[i], shape[j] = a.dimensions[j], a.dimensions[i]
    strides[i], strides[j] = a.strides[j], a.strides[i]
    return make_view(a, a.nd, shape, strides, a.data)


cdef int _nocopy_strides(ndarray a, int new_nd, const ac_intp *newdims,
                         ac_intp *newstrides, bint is_f) noexcept:
    """Strides that view `a` with shape newdims without copying, or -1."""
    cdef ac_intp olddims[AC_MAXDIMS]
    cdef ac_intp oldstrides[AC_MAXDIMS]
    cdef int oldnd = 0, oi, oj, ni, nj, ok, nk
    cdef ac_intp np_, op_, last
    for oi in range(a.nd):
        if a.dimensions[oi] != 1:
            olddims[oldnd] = a.dimensions[oi]
            oldstrides[oldnd] = a.strides[oi]
            oldnd += 1
    oi = 0; oj = 1; ni = 0; nj = 1
    while ni < new_nd and oi < oldnd:
        np_ = newdims[ni]
        op_ = olddims[oi]
        while np_ != op_:
            if np_ < op_:
                np_ *= newdims[nj]
                nj += 1
            else:
                op_ *= olddims[oj]
                oj += 1
        for ok in range(oi, oj - 1):
            if is_f:
                if oldstrides[ok + 1] != olddims[ok] * oldstrides[ok]:
                    return -1
            else:
                if oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1]:
                    return -1
        if is_f:
            newstrides[ni] = oldstrides[oi]
            for nk in range(ni + 1, nj):
                newstrides[nk] = newstrides[nk - 1] * newdims[nk - 1]
        else:
            newstrides[nj - 1] = oldstrides[oj - 1]
            for nk in range(nj - 1, ni, -1):
                newstrides[nk - 1] = newstrides[nk] * newdims[nk]
        ni = nj
        nj += 1
        oi = oj
        oj += 1
    if ni >= 1:
        last = newstrides[ni - 1]
        if is_f:
            last *= newdims[ni - 1]
    else:
        last = a.descr.itemsize
    for nk in range(ni, new_nd):
        newstrides[nk] = last
    return 0


cdef ndarray reshape_array(ndarray a, object shape, object order, object copy):
    cdef ac_intp dims[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int nd, i, unknown = -1
    cdef ac_intp known = 1, size = size_of(a.nd, a.dimensions)
    cdef bint is_f
    cdef int o = parse_order(order)
    if o == AC_KEEPORDER:
        raise ValueError("order 'K' is not permitted for reshaping")
    is_f = o == AC_FORTRANORDER or (o == AC_ANYORDER and (a.flags & AC_ARRAY_F_CONTIGUOUS)
                                     and not (a.flags & AC_ARRAY_C_CONTIGUOUS))
    if PyIndex_Check(shape):
        shape = (shape,)
    shape = tuple(shape)
    nd = len(shape)
    if nd > AC_MAXDIMS:
        raise ValueError(f"maximum supported dimension for an array is {AC_MAXDIMS}, found {nd}")
    for i in range(nd):
        dims[i] = PyNumber_AsSsize_t(shape[i], ValueError)
        if dims[i] == -1:
            if unknown >= 0:
                raise ValueError("can only specify one unknown dimension")
            unknown = i
        elif dims[i] < 0:
            raise ValueError("negative dimensions not allowed, except for a single -1")
        else:
            if dims[i] != 0 and known > AC_MAX_INTP_VALUE // dims[i]:
                raise ValueError("array is too big; the size of the shape overflows the index type")
            known *= dims[i]
    if unknown >= 0:
        if known == 0 or size % known != 0:
            raise ValueError(f"cannot reshape array of size {size} into shape {shape}")
        dims[unknown] = size // known
    elif known != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {shape}")
    if copy:
        src = copy_array(a, AC_FORTRANORDER if is_f else AC_CORDER)
        return make_view(src, nd, dims, _contig_strides(src.descr.itemsize, nd, dims, strides, is_f), src.data)
    if size == 0 or _nocopy_strides(a, nd, dims, strides, is_f) == 0:
        if size == 0:
            _contig_strides(a.descr.itemsize, nd, dims, strides, is_f)
        return make_view(a, nd, dims, strides, a.data)
    if copy is False:
        raise ValueError("Unable to avoid creating a copy while reshaping")
    src = copy_array(a, AC_FORTRANORDER if is_f else AC_CORDER)
    return make_view(src, nd, dims, _contig_strides(src.descr.itemsize, nd, dims, strides, is_f), src.data)


cdef ac_intp *_contig_strides(ac_intp itemsize, int nd, const ac_intp *dims,
                              ac_intp *strides, bint is_f) noexcept:
    cdef int i
    cdef ac_intp sd = itemsize
    if is_f:
        for i in range(nd):
            strides[i] = sd
            sd *= dims[i] if dims[i] else 1
    else:
        for i in range(nd - 1, -1, -1):
            strides[i] = sd
            sd *= dims[i] if dims[i] else 1
    return strides


include "_core_index.pxi"
include "_core_scalar.pxi"
include "_core_copy.pxi"


# ------------------------------------------------- import-time layout check
cdef Py_ssize_t _find_ptr(char *obj, void *value):
    # offset of the first pointer-sized slot of `obj` holding `value`
    cdef Py_ssize_t off
    for off in range(0, (<PyTypeObject *>ndarray).tp_basicsize, sizeof(void *)):
        if (<void **>(obj + off))[0] == value:
            return off
    return -1

def _check_layout():
    """The Cython objects must match the public C structs of actypes.h."""
    cdef ndarray a = new_array(descr_from_tidx(ACX_FLOAT64), 0, NULL, NULL, NULL, 0, None)
    cdef char *base = <char *><void *>a
    cdef dtype d = descr_from_tidx(ACX_FLOAT64)
    cdef char *dbase = <char *><void *>d
    sentinel = object()
    a.base = sentinel
    got = [<char *>&a.data - base, <char *>&a.nd - base, <char *>&a.flags - base,
           <char *>&a.dimensions - base, <char *>&a.strides - base,
           _find_ptr(base, <void *>sentinel), _find_ptr(base, <void *>d),
           <char *>&d.num - dbase, <char *>&d._kind - dbase, <char *>&d._char - dbase,
           <char *>&d._byteorder - dbase, <char *>&d.itemsize - dbase,
           <char *>&d.alignment - dbase]
    want = [__ac_array_offsets[i] for i in range(7)] + [__ac_descr_offsets[i] for i in range(6)]
    checks = zip(got, want)
    for got, want in checks:
        if got != want:
            raise ImportError(f"arraycore was built with a struct layout that does not match "
                              f"its headers (offset {got} != {want})")

_check_layout()
__ac_block_tp_new(<PyTypeObject *>ndarray)
__ac_wrap_tp_dealloc(<PyTypeObject *>ndarray, _array_release)
__ac_block_tp_new(<PyTypeObject *>flagsobj)
