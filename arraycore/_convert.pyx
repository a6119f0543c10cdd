# arraycore/_convert.pyx -- conversion: asarray (nested sequences, Python
# scalars, PEP 3118 buffers, __array_interface__, __array__, DLPack), the
# C-API's requirement handling (from_any: AC_ARRAY_* contiguity, alignment,
# copies, write-back) and the export side (DLPack capsules,
# __array_interface__, __array__).  The one home for turning foreign objects
# into arrays: as_array is the helper every module converts operands with.
cimport cython
from cpython.buffer cimport (PyObject_CheckBuffer, PyObject_GetBuffer, PyBuffer_Release,
                             PyBuffer_IsContiguous, PyBUF_RECORDS_RO, PyBUF_WRITABLE,
                             PyBUF_FORMAT, PyBUF_ND, PyBUF_STRIDES)
from cpython.memoryview cimport PyMemoryView_GET_BUFFER
from cpython.pycapsule cimport (PyCapsule_New, PyCapsule_IsValid, PyCapsule_GetPointer,
    PyCapsule_SetName, PyCapsule_GetName)
from cpython.ref cimport Py_INCREF, Py_DECREF, PyObject
from cpython.float cimport PyFloat_AS_DOUBLE
from libc.stdlib cimport malloc, free
from libc.stdint cimport int64_t, uint64_t, uintptr_t
from libc.string cimport memcpy

from arraycore._types cimport *
from arraycore._dtype cimport dtype as Descr
from arraycore._dtype cimport (SAFE_CASTING, as_dtype, as_dtype_or_none, descr_from_tidx, native,
    promote, promote_many, dtype_for_pyscalar, can_cast_descr,
    ACX_BOOL, ACX_INT8, ACX_UINT8, ACX_INT16, ACX_UINT16, ACX_INT32, ACX_UINT32,
    ACX_INT64, ACX_UINT64, ACX_FLOAT16, ACX_FLOAT32, ACX_FLOAT64, ACX_COMPLEX64,
    ACX_COMPLEX128)
from arraycore._core cimport (ndarray, new_array, new_from_shape, make_view, copy_into,
    copy_array, setitem_ptr, size_of, size_mul, size_add, update_flags, shape_tuple, AC_ARRAY_RO_SOURCE,
    core_impl)
import sys
from collections.abc import Sequence as _Sequence

cdef extern from "ac_dlpack.h":
    enum:
        AC_DLPACK_MAJOR
        AC_DLPACK_MINOR
    unsigned long long AC_DLPACK_FLAG_READ_ONLY
    unsigned long long AC_DLPACK_FLAG_IS_COPIED
    enum:
        acDLInt, acDLUInt, acDLFloat, acDLBfloat, acDLComplex, acDLBool, acDLCPU
    ctypedef struct acDLPackVersion:
        unsigned int major
        unsigned int minor
    ctypedef struct acDLDevice:
        int device_type
        int device_id
    ctypedef struct acDLDataType:
        unsigned char code
        unsigned char bits
        unsigned short lanes
    ctypedef struct acDLTensor:
        void *data
        acDLDevice device
        int ndim
        acDLDataType dtype
        int64_t *shape
        int64_t *strides
        uint64_t byte_offset
    ctypedef struct acDLManagedTensor:
        acDLTensor dl_tensor
        void *manager_ctx
        void (*deleter)(acDLManagedTensor *)
    ctypedef struct acDLManagedTensorVersioned:
        acDLPackVersion version
        void *manager_ctx
        void (*deleter)(acDLManagedTensorVersioned *)
        uint64_t flags
        acDLTensor dl_tensor


# ================================================================= asarray

def asarray(obj, /, *, dtype=None, device=None, copy=None):
    """Convert the input to an array.

    obj: an array, a nested sequence of Python scalars or arrays, a Python
    scalar, an object exporting the buffer protocol, ``__array_interface__``,
    ``__array__`` or DLPack.  copy=True always copies, copy=False never does
    (ValueError when a copy would be needed), None copies only when needed.
    """
    if device is not None and device != "cpu":
        raise ValueError(f"unsupported device {device!r}: arraycore only has 'cpu'")
    return _asarray(obj, as_dtype_or_none(dtype), copy)


cdef extern from "Python.h":
    int Py_EnterRecursiveCall(const char *where) except -1
    void Py_LeaveRecursiveCall()


cdef extern from *:
    """
    /* nesting depth of conversions in this thread (see _asarray); this
       module is conversion's one home, so the counter is its own, not the
       core library's (no ac_ name: test_packaging keeps those in libaccore) */
    static __thread int convert_depth = 0;
    """
    int convert_depth


# THE depth limit of nested conversion.  Python's own limit is not enough:
# from CPython 3.12 on Py_EnterRecursiveCall counts against the C recursion
# limit (10,000 on 3.13), and 10,000 levels of _asarray -> from_sequence ->
# _discover -> __array__ overflow an 8 MB C stack (sooner under ASan).  No
# real array-like nests conversions this deep (nested lists count as one).
cdef enum:
    MAX_CONVERT_DEPTH = 1000


cdef ndarray _asarray(object obj, Descr dt, object copy):
    """THE recursion limit of conversion: every nested conversion (an
    __array__ returning another array-like, a Sequence holding array-likes or
    itself) comes back through here, and each level counts against both
    MAX_CONVERT_DEPTH (per thread) and the interpreter's recursion limit:
    RecursionError, never a C stack overflow.  Nested lists are bounded by
    AC_MAXDIMS in _discover."""
    global convert_depth
    t = type(obj)
    if t is ndarray:
        return _from_array(<ndarray>obj, dt, copy)
    if convert_depth >= MAX_CONVERT_DEPTH:
        raise RecursionError(f"maximum nesting depth of array conversion ({MAX_CONVERT_DEPTH}) "
                             "exceeded: an __array__ or a sequence that contains itself?")
    Py_EnterRecursiveCall(" while converting an object to an arraycore array")
    convert_depth += 1
    try:
        return _asarray_impl(obj, dt, copy)
    finally:
        convert_depth -= 1
        Py_LeaveRecursiveCall()


cdef ndarray _asarray_impl(object obj, Descr dt, object copy):
    cdef ndarray a
    t = type(obj)
    if t is ndarray:
        return _from_array(<ndarray>obj, dt, copy)
    if t is list or t is tuple:
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array from a sequence (copy=False)")
        return from_sequence(obj, dt)
    if t is float or t is int or t is bool or t is complex:
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array from a Python scalar (copy=False)")
        return from_scalar(obj, dt)
    if isinstance(obj, ndarray):
        return _from_array(<ndarray>obj, dt, copy)
    if PyObject_CheckBuffer(obj) and not isinstance(obj, str):
        a = from_buffer(obj)
        return _from_array(a, dt, copy, True)
    if hasattr(obj, "__array_interface__"):
        a = from_array_interface(obj)
        return _from_array(a, dt, copy, True)
    if hasattr(obj, "__dlpack__"):
        a = from_dlpack(obj)
        return _from_array(a, dt, copy, True)
    if hasattr(obj, "__array__"):
        try:
            res = obj.__array__(copy=copy)
        except TypeError:
            res = obj.__array__()
        a = _asarray(res, None, None)
        return _from_array(a, dt, copy, True)
    if isinstance(obj, (bool, int, float, complex)):
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array from a Python scalar (copy=False)")
        return from_scalar(obj, dt)
    if hasattr(obj, "__float__") or hasattr(obj, "__index__") or hasattr(obj, "__complex__"):
        return from_scalar(_py_scalar(obj), dt)
    if isinstance(obj, (str, bytes)):
        raise TypeError(f"arraycore arrays cannot hold {type(obj).__name__} objects")
    if isinstance(obj, _Sequence):
        # range and other sequence types (not sets, dicts or iterators)
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array from a sequence (copy=False)")
        return from_sequence(list(obj), dt)
    # sets, dicts, generators and other objects: not array-likes
    raise TypeError(f"cannot convert an object of type {type(obj).__name__!r} to an array")


cdef ndarray _from_array(ndarray a, Descr dt, object copy, bint fresh=False):
    """Apply the dtype and copy rules to an array (fresh: it is a new view of
    foreign memory, so returning it is not returning the caller's object)."""
    if dt is None or dt == a.descr:
        if copy:
            return copy_array(a, AC_KEEPORDER)
        return a
    if copy is False:
        raise ValueError(f"Unable to avoid copy while converting from {a.descr} to {dt} (copy=False)")
    return copy_array(a, AC_KEEPORDER, dt)


cdef ndarray as_array(object x, object copy=None):
    """x as an array: x itself when it is one (and no copy is asked for),
    else converted by asarray's rules with dtype discovery."""
    if not copy and isinstance(x, ndarray):
        return <ndarray>x
    return _asarray(x, None, copy)


cdef ndarray _asarray_for(object value, Descr target):
    """The array to assign from `value` into an array of dtype `target`."""
    if type(value) is list or type(value) is tuple:
        return from_sequence(value, target)
    return _asarray(value, None, None)


core_impl.asarray_for = _asarray_for


# ============================================== the C-API's requirements

cdef inline bint _need(int req, int flag) noexcept:
    return (req & flag) != 0


cdef ndarray from_any(object obj, Descr d, int min_depth, int max_depth, int req,
                      bint check, str fn):
    """ACArray_FromAny/CheckFromAny: obj as an array of dtype d (None: keep or
    discover) meeting the AC_ARRAY_* requirements `req`; `check` adds
    CheckFromAny's NOTSWAPPED/ELEMENTSTRIDES handling; errors name `fn`."""
    cdef ndarray arr, res
    cdef Descr target
    cdef bint is_arr, need_copy, same
    cdef int nd, i, order
    if check and d is not None and _need(req, AC_ARRAY_NOTSWAPPED):
        d = native(d)
    is_arr = isinstance(obj, ndarray)
    if _need(req, AC_ARRAY_WRITEBACKIFCOPY):
        if not is_arr:
            raise TypeError(f"{fn}: AC_ARRAY_WRITEBACKIFCOPY needs an arraycore.ndarray "
                            f"input, got {type(obj).__name__!r}")
        if not ((<ndarray>obj).flags & AC_ARRAY_WRITEABLE):
            raise ValueError(f"{fn}: cannot use a read-only array as an output "
                             "(AC_ARRAY_WRITEBACKIFCOPY needs a writeable array)")
    if is_arr:
        arr = <ndarray>obj
    else:
        copy = False if _need(req, AC_ARRAY_ENSURENOCOPY) else (
            True if _need(req, AC_ARRAY_ENSURECOPY) else None)
        if isinstance(obj, (list, tuple, bool, int, float, complex)):
            # Python values convert straight to the requested type (as in NumPy)
            arr = _asarray(obj, d, copy)
        else:
            # typed data (buffers, __array__, ...): cast below under the rules
            arr = _asarray(obj, None, copy)
    nd = arr.nd
    if min_depth > 0 and nd < min_depth:
        raise ValueError(f"{fn}: object of {nd} dimensions is too shallow for the desired "
                         f"array (min_depth={min_depth})")
    if max_depth > 0 and nd > max_depth:
        raise ValueError(f"{fn}: object of {nd} dimensions is too deep for the desired "
                         f"array (max_depth={max_depth})")
    if d is None:
        target = arr.descr
        if _need(req, AC_ARRAY_NOTSWAPPED) and arr.descr.swapped:
            target = native(arr.descr)
    else:
        target = d
    same = target is arr.descr or target == arr.descr
    if not same and not _need(req, AC_ARRAY_FORCECAST) and \
            not can_cast_descr(arr.descr, target, SAFE_CASTING):
        raise TypeError(f"{fn}: cannot cast array data from {arr.descr!r} to {target!r} "
                        "according to the rule 'safe' (pass AC_ARRAY_FORCECAST to allow it)")
    need_copy = (not same
                 or (is_arr and _need(req, AC_ARRAY_ENSURECOPY))
                 or (_need(req, AC_ARRAY_C_CONTIGUOUS) and not (arr.flags & AC_ARRAY_C_CONTIGUOUS))
                 or (_need(req, AC_ARRAY_F_CONTIGUOUS) and not (arr.flags & AC_ARRAY_F_CONTIGUOUS))
                 or (_need(req, AC_ARRAY_ALIGNED) and not (arr.flags & AC_ARRAY_ALIGNED))
                 or (_need(req, AC_ARRAY_WRITEABLE) and not (arr.flags & AC_ARRAY_WRITEABLE)))
    if not need_copy and check and _need(req, AC_ARRAY_ELEMENTSTRIDES):
        for i in range(nd):
            if arr.strides[i] % arr.descr.itemsize != 0:
                need_copy = True
                break
    if not need_copy:
        return _exact(arr, req)
    if _need(req, AC_ARRAY_ENSURENOCOPY):
        raise ValueError(f"{fn}: a copy is needed to meet the requirements, but "
                         "AC_ARRAY_ENSURENOCOPY was given")
    if _need(req, AC_ARRAY_C_CONTIGUOUS):
        order = AC_CORDER
    elif _need(req, AC_ARRAY_F_CONTIGUOUS):
        order = AC_FORTRANORDER
    else:
        order = AC_KEEPORDER
    res = copy_array(arr, order, target)
    if is_arr and _need(req, AC_ARRAY_WRITEBACKIFCOPY):
        # the copy writes back into the original, which stays read-only
        # until ACArray_ResolveWritebackIfCopy/DiscardWritebackIfCopy
        res.base = arr
        res.flags |= AC_ARRAY_WRITEBACKIFCOPY
        arr.flags &= ~AC_ARRAY_WRITEABLE
    return _exact(res, req)


cdef inline ndarray _exact(ndarray a, int req):
    """AC_ARRAY_ENSUREARRAY: a view of exact type ndarray for a subclass instance."""
    if _need(req, AC_ARRAY_ENSUREARRAY) and type(a) is not ndarray:
        return make_view(a, a.nd, a.dimensions, a.strides, a.data)
    return a


cdef object _py_scalar(object x):
    # NumPy scalars and other number-likes: to the matching Python scalar
    np = sys.modules.get("numpy")
    if np is not None and isinstance(x, np.generic):
        return x.item()
    if hasattr(x, "__index__"):
        return x.__index__()
    if hasattr(x, "__float__"):
        return float(x)
    return complex(x)


cdef ndarray from_scalar(object x, Descr dt):
    cdef ndarray a
    if dt is None:
        dt = dtype_for_pyscalar(x)
        if dt.tidx == ACX_INT64 and type(x) is not bool:
            if x > 9223372036854775807:
                if x <= 18446744073709551615:
                    dt = descr_from_tidx(ACX_UINT64)
                else:
                    raise OverflowError(f"Python integer {x} is too large to convert to an arraycore integer")
            elif x < -9223372036854775808:
                raise OverflowError(f"Python integer {x} is too small to convert to an arraycore integer")
    a = new_array(dt, 0, NULL, NULL, NULL, 0, None)
    setitem_ptr(dt, a.data, x)
    return a


# ----------------------------------------------------- nested sequences

# leaf kinds found while discovering: bool < int < float < complex
cdef enum:
    K_NONE = 0
    K_BOOL = 1
    K_INT = 2
    K_FLOAT = 3
    K_COMPLEX = 4

cdef class _Discovery:
    cdef int nd
    cdef ac_intp shape[AC_MAXDIMS]
    cdef int kind
    cdef list array_dtypes         # dtypes of embedded arrays
    cdef bint big_int              # an int beyond int64
    cdef bint small_int            # an int within int64
    cdef bint neg_int
    cdef bint shape_set


cdef int _discover(object obj, int depth, _Discovery d) except -1:
    cdef ac_intp n, i
    cdef ndarray arr
    cdef int k
    t = type(obj)
    if t is list or t is tuple:
        n = len(obj)
        if not d.shape_set:
            if depth >= AC_MAXDIMS:
                raise ValueError(f"the nested sequence is deeper than {AC_MAXDIMS} dimensions")
            if depth == d.nd:
                d.shape[depth] = n
                d.nd = depth + 1
        if depth >= d.nd or d.shape[depth] != n:
            raise ValueError("setting an array element with a sequence: the requested array "
                             "has an inhomogeneous shape (ragged nested sequence)")
        if n == 0:
            if depth + 1 < d.nd:
                raise ValueError("setting an array element with a sequence: the requested "
                                 "array has an inhomogeneous shape (ragged nested sequence)")
            d.shape_set = True
            return 0
        for i in range(n):
            _discover(obj[i], depth + 1, d)
        return 0
    # a leaf (scalar or array)
    if t is float:
        k = K_FLOAT
    elif t is int:
        k = K_INT
        if obj > 9223372036854775807 or obj < -9223372036854775808:
            d.big_int = True
            if obj < 0:
                d.neg_int = True
        else:
            d.small_int = True
    elif t is bool:
        k = K_BOOL
    elif t is complex:
        k = K_COMPLEX
    elif isinstance(obj, ndarray):
        arr = <ndarray>obj
        _leaf_shape(arr.nd, arr.dimensions, depth, d)
        d.array_dtypes.append(arr.descr)
        return 0
    elif isinstance(obj, (str, bytes)):
        raise TypeError(f"arraycore arrays cannot hold {type(obj).__name__} objects")
    elif isinstance(obj, bool):
        k = K_BOOL
    elif isinstance(obj, int):
        k = K_INT
    elif isinstance(obj, float):
        k = K_FLOAT
    elif isinstance(obj, complex):
        k = K_COMPLEX
    elif PyObject_CheckBuffer(obj) or hasattr(obj, "__array_interface__") or hasattr(obj, "__array__") \
            or hasattr(obj, "__dlpack__") or isinstance(obj, _Sequence):
        arr = _asarray(obj, None, None)
        _leaf_shape(arr.nd, arr.dimensions, depth, d)
        d.array_dtypes.append(arr.descr)
        return 0
    elif hasattr(obj, "__index__"):
        k = K_INT
    elif hasattr(obj, "__float__"):
        k = K_FLOAT
    elif hasattr(obj, "__complex__"):
        k = K_COMPLEX
    else:
        raise TypeError(f"cannot convert an object of type {type(obj).__name__!r} to an array element")
    _leaf_shape(0, NULL, depth, d)
    if k > d.kind:
        d.kind = k
    return 0


cdef int _leaf_shape(int nd, const ac_intp *shape, int depth, _Discovery d) except -1:
    cdef int i
    if not d.shape_set:
        if depth + nd > AC_MAXDIMS:
            raise ValueError(f"the nested sequence is deeper than {AC_MAXDIMS} dimensions")
        for i in range(nd):
            d.shape[depth + i] = shape[i]
        d.nd = depth + nd
        d.shape_set = True
        return 0
    if d.nd != depth + nd:
        raise ValueError("setting an array element with a sequence: the requested array has an "
                         "inhomogeneous shape (ragged nested sequence)")
    for i in range(nd):
        if d.shape[depth + i] != shape[i]:
            raise ValueError("setting an array element with a sequence: the requested array has "
                             "an inhomogeneous shape (ragged nested sequence)")
    return 0


cdef Descr _discovered_dtype(_Discovery d):
    cdef Descr res = promote_many(d.array_dtypes) if d.array_dtypes else None
    cdef Descr s
    if d.kind == K_NONE:
        return res if res is not None else descr_from_tidx(ACX_FLOAT64)
    if d.kind == K_BOOL:
        s = descr_from_tidx(ACX_BOOL)
    elif d.kind == K_INT:
        if d.big_int:
            if d.neg_int:
                raise OverflowError("Python integer out of bounds for int64")
            s = descr_from_tidx(ACX_UINT64)
            if d.small_int:        # int64 and uint64 values promote to float64
                s = promote(s, descr_from_tidx(ACX_INT64))
        else:
            s = descr_from_tidx(ACX_INT64)
    elif d.kind == K_FLOAT:
        s = descr_from_tidx(ACX_FLOAT64)
    else:
        s = descr_from_tidx(ACX_COMPLEX128)
    return s if res is None else promote_many(d.array_dtypes + [s])


cdef int _fill(ndarray a, object obj, int depth, char *p) except -1:
    cdef ac_intp i, n
    cdef ndarray sub
    t = type(obj)
    if t is list or t is tuple:
        n = len(obj)
        if depth == a.nd - 1 and a.descr.tidx == ACX_FLOAT64 and not a.descr.swapped:
            for i in range(n):
                item = obj[i]
                if type(item) is float:
                    (<double *>(p + i * a.strides[depth]))[0] = PyFloat_AS_DOUBLE(item)
                else:
                    setitem_ptr(a.descr, p + i * a.strides[depth], item)
            return 0
        for i in range(n):
            _fill(a, obj[i], depth + 1, p + i * a.strides[depth])
        return 0
    if depth == a.nd:
        return setitem_ptr(a.descr, p, obj if not isinstance(obj, ndarray) else obj)
    # an embedded array (or array-like) filling the remaining dimensions
    src = obj if isinstance(obj, ndarray) else _asarray(obj, None, None)
    sub = make_view(a, a.nd - depth, a.dimensions + depth, a.strides + depth, p)
    return copy_into(sub, <ndarray>src)


cdef extern from *:
    """
    /* A flat list or tuple of exact Python floats and ints (the commonest
       input) converts in two C passes: its kind, then the values.  No Python
       code runs in either (exact types only), so the items cannot change
       underneath.  Kind: 1 all floats, 2 all ints, 3 both, 0 anything else. */
    static int ac_conv_flat_kind(PyObject *seq) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), i;
        PyObject **items = PySequence_Fast_ITEMS(seq);
        int k = 0;
        for (i = 0; i < n; i++) {
            PyTypeObject *t = Py_TYPE(items[i]);
            if (t == &PyFloat_Type) k |= 1;
            else if (t == &PyLong_Type) k |= 2;
            else return 0;
        }
        return k;
    }
    /* 0 done; 1 an int beyond float64 (the general path decides) */
    static int ac_conv_flat_f8(PyObject *seq, double *out) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), i;
        PyObject **items = PySequence_Fast_ITEMS(seq);
        for (i = 0; i < n; i++) {
            PyObject *v = items[i];
            if (Py_TYPE(v) == &PyFloat_Type) out[i] = PyFloat_AS_DOUBLE(v);
            else {
                out[i] = PyLong_AsDouble(v);
                if (out[i] == -1.0 && PyErr_Occurred()) { PyErr_Clear(); return 1; }
            }
        }
        return 0;
    }
    /* 0 done; 1 an int beyond int64 (the general path decides) */
    static int ac_conv_flat_i8(PyObject *seq, long long *out) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), i;
        PyObject **items = PySequence_Fast_ITEMS(seq);
        int overflow;
        for (i = 0; i < n; i++) {
            out[i] = PyLong_AsLongLongAndOverflow(items[i], &overflow);
            if (overflow) return 1;
            if (out[i] == -1 && PyErr_Occurred()) { PyErr_Clear(); return 1; }
        }
        return 0;
    }
    """
    int ac_conv_flat_kind(object seq)
    int ac_conv_flat_f8(object seq, double *out)
    int ac_conv_flat_i8(object seq, long long *out)


cdef ndarray from_sequence(object seq, Descr dt):
    cdef _Discovery d = _Discovery.__new__(_Discovery)
    d.array_dtypes = []
    cdef ndarray a
    cdef int kind
    cdef ac_intp n
    if dt is None:
        # the fast path: a flat list/tuple of Python floats and ints
        kind = ac_conv_flat_kind(seq)
        if kind != 0:
            n = len(seq)
            a = new_array(descr_from_tidx(ACX_INT64 if kind == 2 else ACX_FLOAT64), 1, &n,
                          NULL, NULL, 0, None)
            if kind == 2:
                if ac_conv_flat_i8(seq, <long long *>a.data) == 0:
                    return a
            elif ac_conv_flat_f8(seq, <double *>a.data) == 0:
                return a
    _discover(seq, 0, d)
    if dt is None:
        dt = _discovered_dtype(d)
    a = new_array(dt, d.nd, d.shape, NULL, NULL, 0, None)
    _fill(a, seq, 0, a.data)
    return a


# ---------------------------------------------------------- buffers

cdef Descr descr_from_format(str fmt, ac_intp itemsize):
    """The dtype of a PEP 3118 format string (single item types only)."""
    cdef str order = "@"
    cdef Descr d
    f = fmt
    if f and f[0] in "@=<>!":
        order = f[0]
        f = f[1:]
    if f in ("?",):
        d = descr_from_tidx(ACX_BOOL)
    elif f in ("b", "h", "i", "l", "q", "n"):
        d = _sized("i", itemsize, fmt)
    elif f in ("B", "H", "I", "L", "Q", "N"):
        d = _sized("u", itemsize, fmt)
    elif f in ("e", "f", "d"):
        d = _sized("f", itemsize, fmt)
    elif f in ("Zf", "Zd"):
        d = _sized("c", itemsize, fmt)
    elif f == "c":
        d = descr_from_tidx(ACX_UINT8)
    else:
        raise TypeError(f"buffer format {fmt!r} is not supported by arraycore")
    if d.itemsize != itemsize:
        raise TypeError(f"buffer format {fmt!r} does not match its itemsize {itemsize}")
    if (order == "<" and not AC_BYTE_ORDER_IS_LITTLE) or ((order == ">" or order == "!") and AC_BYTE_ORDER_IS_LITTLE):
        return d.newbyteorder("S")
    return d


cdef Descr _sized(str kind, ac_intp itemsize, str fmt):
    try:
        return as_dtype(f"{kind}{itemsize}")
    except TypeError:
        raise TypeError(f"buffer format {fmt!r} with itemsize {itemsize} is not supported") from None


cdef dict _FORMAT_CACHE = {}     # (format bytes, itemsize) -> dtype
# one-character formats in native order ("d", "@d", "=d", "<d" on a little-
# endian machine): the dtype by character, checked against the itemsize
cdef list _FORMAT_CHAR = [None] * 128
cdef char _NATIVE_ORDER = (b"<" if sys.byteorder == "little" else b">")[0]


cdef Descr _format_descr(const char *f, Py_ssize_t itemsize):
    cdef const char *c = f
    cdef Descr d
    if f == NULL:
        c = b"B"
    elif f[0] == b"@" or f[0] == b"=" or f[0] == _NATIVE_ORDER:
        c = f + 1
    if c[0] > 0 and c[1] == 0 and c[0] < 128:
        o = _FORMAT_CHAR[c[0]]
        if o is not None and (<Descr>o).itemsize == itemsize:
            return <Descr>o
    fmt = <bytes>f if f != NULL else b"B"
    d = _FORMAT_CACHE.get((fmt, itemsize))
    if d is None:
        d = descr_from_format(fmt.decode("ascii"), itemsize)
        if len(_FORMAT_CACHE) < 256:
            _FORMAT_CACHE[(fmt, itemsize)] = d
    if c[0] > 0 and c[1] == 0 and c[0] < 128 and not d.swapped:
        _FORMAT_CHAR[c[0]] = d
    return d


@cython.final
@cython.freelist(8)
cdef class _NumPyBuffer:
    """The base of an array that views a numpy.ndarray's buffer: the buffer
    stays acquired (NumPy sees the export) until the array goes.  One small
    object where a memoryview is two (a managed buffer and the view), ~60 ns
    of each asarray(numpy array).  Only for NumPy's own arrays (which cannot
    refer back to ours, so no reference cycle can need the collector);
    other exporters keep a memoryview.  It exports the buffer it holds
    again (memoryview(a.base) sees NumPy's array, as with a memoryview)."""
    cdef Py_buffer view
    cdef bint held

    def __getbuffer__(self, Py_buffer *b, int flags):
        if not self.held:
            raise BufferError("the buffer was released")
        if (flags & PyBUF_WRITABLE) == PyBUF_WRITABLE and self.view.readonly:
            raise BufferError("the buffer is read-only")
        if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES
                and not PyBuffer_IsContiguous(&self.view, b"C")):
            raise BufferError("the buffer is not C-contiguous")
        b.buf = self.view.buf
        b.len = self.view.len
        b.itemsize = self.view.itemsize
        b.readonly = self.view.readonly
        b.format = self.view.format if (flags & PyBUF_FORMAT) == PyBUF_FORMAT else NULL
        if (flags & PyBUF_ND) == PyBUF_ND:
            b.ndim = self.view.ndim
            b.shape = self.view.shape
        else:
            b.ndim = 1
            b.shape = NULL
        b.strides = self.view.strides if (flags & PyBUF_STRIDES) == PyBUF_STRIDES else NULL
        b.suboffsets = NULL
        b.internal = NULL
        b.obj = self

    def __releasebuffer__(self, Py_buffer *b):
        pass

    def __dealloc__(self):
        if self.held:
            self.held = False
            PyBuffer_Release(&self.view)


cdef object _NP_NDARRAY = None      # numpy.ndarray, once seen (numpy is never imported here)


cdef inline bint _is_numpy_array(object obj):
    global _NP_NDARRAY
    t = type(obj)
    if t is _NP_NDARRAY:
        return True
    if _NP_NDARRAY is None and (<type>t).__name__ == "ndarray" and (<type>t).__module__ == "numpy":
        _NP_NDARRAY = t
        return True
    return False


cdef ndarray from_buffer(object obj):
    cdef Py_buffer *view
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int i, nd
    cdef _NumPyBuffer nb
    if _is_numpy_array(obj):
        nb = _NumPyBuffer.__new__(_NumPyBuffer)
        PyObject_GetBuffer(obj, &nb.view, PyBUF_RECORDS_RO)
        nb.held = True
        view = &nb.view
        mv = nb
    else:
        mv = memoryview(obj)
        view = PyMemoryView_GET_BUFFER(mv)
    if view.suboffsets != NULL:
        raise TypeError("buffers with suboffsets are not supported")
    nd = view.ndim
    if nd > AC_MAXDIMS:
        raise ValueError(f"buffer has {nd} dimensions; the maximum is {AC_MAXDIMS}")
    d = _format_descr(view.format, view.itemsize)
    if nd == 0:
        pass
    elif view.shape == NULL:
        nd = 1
        shape[0] = view.len // view.itemsize
        strides[0] = view.itemsize
    else:
        for i in range(nd):
            shape[i] = view.shape[i]
        if view.strides != NULL:
            for i in range(nd):
                strides[i] = view.strides[i]
        else:
            strides[nd - 1] = view.itemsize if nd > 0 else 0
            for i in range(nd - 2, -1, -1):
                strides[i] = strides[i + 1] * shape[i + 1]
    return new_array(d, nd, shape, strides, <char *>view.buf,
                     AC_ARRAY_RO_SOURCE if view.readonly else AC_ARRAY_WRITEABLE, mv)


cdef ndarray from_array_interface(object obj):
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int i, nd
    cdef ndarray a
    iface = obj.__array_interface__
    if not isinstance(iface, dict):
        raise TypeError("__array_interface__ must be a dict")
    if iface.get("mask") is not None:
        raise TypeError("masked __array_interface__ is not supported")
    d = as_dtype(iface["typestr"])
    shp = tuple(iface["shape"])
    nd = len(shp)
    if nd > AC_MAXDIMS:
        raise ValueError(f"too many dimensions ({nd})")
    for i in range(nd):
        shape[i] = shp[i]
    cdef ac_intp n = size_of(nd, shape)          # ValueError: negative or too big
    cdef ac_intp lo = 0, hi = 0, span, off = 0, nbytes
    st = iface.get("strides")
    if st is None:
        if nd > 0:
            strides[nd - 1] = d.itemsize
            for i in range(nd - 2, -1, -1):
                strides[i] = size_mul(strides[i + 1], shape[i + 1] if shape[i + 1] else 1)
    else:
        st = tuple(st)
        if len(st) != nd:
            raise ValueError("__array_interface__ strides do not match its shape")
        for i in range(nd):
            strides[i] = st[i]
    data = iface.get("data")
    if data is None or not isinstance(data, tuple):
        # the data is the object's (or the given object's) buffer: the
        # elements the shape, strides and offset address must lie inside it
        mv = memoryview(obj if data is None else data)
        if not mv.c_contiguous:
            raise ValueError("__array_interface__ data must be a contiguous buffer")
        src = from_buffer(mv)
        ptr = <uintptr_t>src.data
        readonly = not (src.flags & AC_ARRAY_WRITEABLE)
        off = iface.get("offset", 0)
        if n != 0:
            for i in range(nd):
                span = size_mul(strides[i], shape[i] - 1)
                if span < 0:
                    lo = size_add(lo, span)
                else:
                    hi = size_add(hi, span)
            nbytes = mv.nbytes
            if size_add(off, lo) < 0 or size_add(size_add(off, hi), d.itemsize) > nbytes:
                raise ValueError(f"__array_interface__: shape {shp}, strides and offset {off} "
                                 f"address memory outside the {nbytes}-byte buffer")
        ptr += off
        keep = src
    else:
        if len(data) != 2:
            raise ValueError("__array_interface__ data must be a (pointer, read-only) pair")
        ptr = data[0]
        readonly = bool(data[1])
        keep = obj
    if ptr == 0 and n != 0:
        raise ValueError("__array_interface__ data pointer is NULL")
    a = new_array(d, nd, shape, strides, <char *><uintptr_t>ptr,
                  AC_ARRAY_RO_SOURCE if readonly else AC_ARRAY_WRITEABLE, keep)
    return a


# ============================================================ DLPack in

@cython.final
cdef class _DLPackOwner:
    """Keeps a consumed DLPack tensor alive; calls its deleter when freed."""
    cdef void *managed
    cdef bint versioned

    def __dealloc__(self):
        cdef acDLManagedTensorVersioned *mv
        cdef acDLManagedTensor *m
        if self.managed == NULL:
            return
        if self.versioned:
            mv = <acDLManagedTensorVersioned *>self.managed
            if mv.deleter != NULL:
                mv.deleter(mv)
        else:
            m = <acDLManagedTensor *>self.managed
            if m.deleter != NULL:
                m.deleter(m)


cdef Descr _descr_from_dl(acDLDataType t):
    if t.lanes != 1:
        raise BufferError("DLPack tensors with vector lanes are not supported")
    code, bits = t.code, t.bits
    if code == acDLBool and bits == 8:
        return descr_from_tidx(ACX_BOOL)
    if code == acDLInt and bits in (8, 16, 32, 64):
        return as_dtype(f"i{bits // 8}")
    if code == acDLUInt and bits in (8, 16, 32, 64):
        return as_dtype(f"u{bits // 8}")
    if code == acDLFloat and bits in (16, 32, 64):
        return as_dtype(f"f{bits // 8}")
    if code == acDLComplex and bits in (64, 128):
        return as_dtype(f"c{bits // 8}")
    raise BufferError(f"DLPack data type (code {code}, bits {bits}) is not supported by arraycore")


cdef tuple _DLPACK_MAX_VERSION = (AC_DLPACK_MAJOR, AC_DLPACK_MINOR)


def from_dlpack(x, /, *, device=None, copy=None):
    """An array from an object supporting the DLPack protocol (__dlpack__)."""
    cdef acDLManagedTensorVersioned *mv = NULL
    cdef acDLManagedTensor *m = NULL
    cdef acDLTensor *t
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp strides[AC_MAXDIMS]
    cdef int i
    cdef bint readonly = False
    cdef _DLPackOwner owner
    if device is not None and device != "cpu" and device != (acDLCPU, 0):
        raise ValueError(f"unsupported device {device!r}")
    export = getattr(x, "__dlpack__", None)
    if export is None:
        raise TypeError(f"{type(x).__name__!r} object does not support the DLPack protocol")
    # (NumPy's arrays are on the CPU: its device query skipped, ~25% of the call)
    if not _is_numpy_array(x) and hasattr(x, "__dlpack_device__"):
        dev = x.__dlpack_device__()
        if int(dev[0]) != acDLCPU:
            raise BufferError(f"DLPack device {tuple(dev)} is not the CPU; arraycore only reads CPU memory")
    try:
        if copy is None and device is None:
            capsule = export(max_version=_DLPACK_MAX_VERSION)
        else:
            capsule = export(max_version=_DLPACK_MAX_VERSION, copy=copy,
                             dl_device=None if device is None else (acDLCPU, 0))
    except TypeError:
        if copy is True:
            capsule = x.__dlpack__()
        else:
            capsule = x.__dlpack__()
    owner = _DLPackOwner.__new__(_DLPackOwner)
    if PyCapsule_IsValid(capsule, "dltensor_versioned"):
        mv = <acDLManagedTensorVersioned *>PyCapsule_GetPointer(capsule, "dltensor_versioned")
        if mv.version.major > AC_DLPACK_MAJOR:
            raise BufferError(f"DLPack version {mv.version.major}.{mv.version.minor} is not supported")
        PyCapsule_SetName(capsule, "used_dltensor_versioned")
        owner.managed = mv
        owner.versioned = True
        t = &mv.dl_tensor
        readonly = (mv.flags & AC_DLPACK_FLAG_READ_ONLY) != 0
    elif PyCapsule_IsValid(capsule, "dltensor"):
        m = <acDLManagedTensor *>PyCapsule_GetPointer(capsule, "dltensor")
        PyCapsule_SetName(capsule, "used_dltensor")
        owner.managed = m
        owner.versioned = False
        t = &m.dl_tensor
    elif PyCapsule_IsValid(capsule, "used_dltensor_versioned") or PyCapsule_IsValid(capsule, "used_dltensor"):
        raise BufferError("this DLPack capsule was already consumed; a capsule can be used only once")
    else:
        raise TypeError("__dlpack__ did not return a DLPack capsule")
    if t.device.device_type != acDLCPU:
        raise BufferError("DLPack tensor is not on the CPU")
    d = _descr_from_dl(t.dtype)
    if t.ndim < 0 or t.ndim > AC_MAXDIMS:
        raise BufferError(f"DLPack tensor has an unsupported number of dimensions ({t.ndim})")
    for i in range(t.ndim):
        shape[i] = t.shape[i]
    if t.strides == NULL:
        if t.ndim > 0:
            strides[t.ndim - 1] = d.itemsize
            for i in range(t.ndim - 2, -1, -1):
                strides[i] = strides[i + 1] * shape[i + 1]
    else:
        for i in range(t.ndim):
            strides[i] = t.strides[i] * d.itemsize
    a = new_array(d, t.ndim, shape, strides, <char *>t.data + t.byte_offset,
                  AC_ARRAY_RO_SOURCE if readonly else AC_ARRAY_WRITEABLE, owner)
    if copy:
        return copy_array(a, AC_KEEPORDER)
    return a


# =========================================================== DLPack out

cdef struct _DLExport:
    acDLManagedTensorVersioned v
    acDLManagedTensor l
    int64_t shape_strides[2 * AC_MAXDIMS]


cdef void _release_ctx(void *ctx) noexcept with gil:
    Py_DECREF(<object>ctx)


cdef void _deleter_versioned(acDLManagedTensorVersioned *self) noexcept nogil:
    if self.manager_ctx != NULL:
        _release_ctx(self.manager_ctx)
    free(self)


cdef void _deleter_legacy(acDLManagedTensor *self) noexcept nogil:
    cdef char *base = <char *>self - (<size_t>&(<_DLExport *>0).l)
    if self.manager_ctx != NULL:
        _release_ctx(self.manager_ctx)
    free(base)


cdef void _capsule_destructor_versioned(object capsule) noexcept:
    cdef acDLManagedTensorVersioned *mv
    if PyCapsule_IsValid(capsule, "dltensor_versioned"):
        mv = <acDLManagedTensorVersioned *>PyCapsule_GetPointer(capsule, "dltensor_versioned")
        mv.deleter(mv)


cdef void _capsule_destructor_legacy(object capsule) noexcept:
    cdef acDLManagedTensor *m
    if PyCapsule_IsValid(capsule, "dltensor"):
        m = <acDLManagedTensor *>PyCapsule_GetPointer(capsule, "dltensor")
        m.deleter(m)


cdef extern from *:
    """
    typedef void (*__ac_capsule_dtor)(PyObject *);
    """
    ctypedef void (*__ac_capsule_dtor)(object)


cdef object to_dlpack(ndarray a, object stream, object max_version, object dl_device,
                      object copy):
    cdef _DLExport *e
    cdef acDLTensor *t
    cdef int i
    cdef bint versioned
    cdef Descr d = a.descr
    cdef bint copied = False
    if stream is not None:
        raise ValueError("stream must be None for arrays on the CPU")
    if dl_device is not None and tuple(dl_device) != (acDLCPU, 0):
        raise BufferError(f"unsupported DLPack device {dl_device!r}; arraycore arrays are on the CPU")
    if d.swapped:
        raise BufferError("DLPack only supports native byte order")
    versioned = max_version is not None and tuple(max_version)[0] >= 1
    if copy:
        a = copy_array(a, AC_KEEPORDER)
        copied = True
    if not versioned and not (a.flags & AC_ARRAY_WRITEABLE):
        raise BufferError("cannot export a read-only array with legacy (unversioned) DLPack; "
                          "pass max_version=(1, 0)")
    e = <_DLExport *>malloc(sizeof(_DLExport))
    if e == NULL:
        raise MemoryError()
    t = &e.v.dl_tensor if versioned else &e.l.dl_tensor
    t.data = a.data
    t.device.device_type = acDLCPU
    t.device.device_id = 0
    t.ndim = a.nd
    t.dtype.lanes = 1
    t.dtype.bits = <unsigned char>(d.itemsize * 8)
    k = d.kind
    t.dtype.code = {"b": acDLBool, "i": acDLInt, "u": acDLUInt, "f": acDLFloat, "c": acDLComplex}[k]
    t.shape = e.shape_strides
    t.strides = e.shape_strides + AC_MAXDIMS
    t.byte_offset = 0
    for i in range(a.nd):
        t.shape[i] = a.dimensions[i]
        if a.strides[i] % d.itemsize != 0:
            free(e)
            raise BufferError("DLPack needs strides that are multiples of the itemsize")
        t.strides[i] = a.strides[i] // d.itemsize
    Py_INCREF(a)
    if versioned:
        e.v.version.major = AC_DLPACK_MAJOR
        e.v.version.minor = AC_DLPACK_MINOR
        e.v.manager_ctx = <void *>a
        e.v.deleter = _deleter_versioned
        e.v.flags = 0
        if not (a.flags & AC_ARRAY_WRITEABLE):
            e.v.flags |= AC_DLPACK_FLAG_READ_ONLY
        if copied:
            e.v.flags |= AC_DLPACK_FLAG_IS_COPIED
        return PyCapsule_New(&e.v, "dltensor_versioned", <__ac_capsule_dtor>_capsule_destructor_versioned)
    e.l.manager_ctx = <void *>a
    e.l.deleter = _deleter_legacy
    return PyCapsule_New(&e.l, "dltensor", <__ac_capsule_dtor>_capsule_destructor_legacy)


# ====================================================== other exports

cdef object array_interface(ndarray a):
    return {
        "shape": a.shape,
        "typestr": a.descr.str,
        "descr": [("", a.descr.str)],
        "data": (<uintptr_t>a.data, not (a.flags & AC_ARRAY_WRITEABLE)),
        "strides": None if (a.flags & AC_ARRAY_C_CONTIGUOUS) else shape_tuple(a.nd, a.strides),
        "version": 3,
    }


cdef object to_numpy(ndarray a, object dtype, object copy):
    import numpy as np
    res = np.asarray(memoryview(a))
    if dtype is not None:
        if copy is False and np.dtype(dtype) != res.dtype:
            raise ValueError("Unable to avoid copy while converting to the requested dtype (copy=False)")
        res = res.astype(dtype, copy=bool(copy))
    elif copy:
        res = res.copy()
    return res


def _rebuild(bytes data, str typestr, tuple shape):
    """Unpickle an array."""
    cdef Descr d = as_dtype(typestr)
    cdef ndarray a = new_from_shape(d, shape)
    cdef ac_intp nbytes = size_mul(size_of(a.nd, a.dimensions), d.itemsize)
    if len(data) != nbytes:
        raise ValueError(f"cannot unpickle an array: the payload has {len(data)} bytes, "
                         f"but shape {shape} of {d} needs {nbytes}")
    memcpy(a.data, <char *>data, nbytes)
    return a


# the ndarray's exchange protocols (__dlpack__, __array_interface__, __array__)
core_impl.to_dlpack = to_dlpack
core_impl.array_interface = array_interface
core_impl.to_numpy = to_numpy
