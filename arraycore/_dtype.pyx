# arraycore/_dtype.pyx -- data types: the dtype object and its table, parsing
# of dtype specifications, type promotion (NEP 50 weak Python scalars) and
# casting rules, finfo/iinfo/isdtype.
cimport cython
from arraycore._types cimport (ac_intp, AC_BYTE_ORDER_IS_LITTLE, AC_LONG, AC_ULONG,
    AC_LONGLONG, AC_ULONGLONG, AC_INT64)
from cpython.object cimport PyObject, PyTypeObject, newfunc
from cpython.type cimport PyType_Modified
import sys

# The dtype table (_TABLE: name, kind, char, itemsize, alignment, buffer
# format, further spellings, type number, attribute, finfo), in dense order
# (ACX_*): generated at build time from tools/dtype_table.py.
include "_dtype_table.pxi"

cdef dict _BY_NAME = {}       # every accepted spelling -> native dtype
cdef dict _BY_TYPENUM = {}
cdef str _NATIVE = "<" if AC_BYTE_ORDER_IS_LITTLE else ">"
cdef str _SWAPPED = ">" if AC_BYTE_ORDER_IS_LITTLE else "<"
FORMATS = {}                  # dense index -> PEP 3118 format character(s)
cdef int _KRANK[ACX_NTYPES]   # kind order for same_kind: b < u < i < f < c
cdef int _BITS[ACX_NTYPES]    # bits of precision (see _init_table)


@cython.final
cdef class dtype:
    """dtype(spec)

    A data type: one of bool, int8..int64, uint8..uint64, float16, float32,
    float64, complex64, complex128, in native or swapped byte order.  `spec`
    may be a dtype, a name ('float64', 'f8', '<f8', '>i4'), a Python type
    (bool, int, float, complex) or a NumPy dtype.
    """

    @property
    def kind(self):
        return chr(self._kind)

    @property
    def char(self):
        return chr(self._char)

    @property
    def byteorder(self):
        return chr(self._byteorder)

    @property
    def name(self):
        return self._name

    @property
    def str(self):
        return self._str

    @property
    def isnative(self):
        return not self.swapped

    def newbyteorder(self, new_order="S"):
        if new_order in ("S", "s", "swap"):
            return self._other
        if new_order in ("=", "N", "native", "n"):
            return native(self)
        if new_order in ("<", "L", "little", "l"):
            return self if (self._str[0] != ">") else self._other
        if new_order in (">", "B", "big", "b"):
            return self if (self._str[0] != "<") else self._other
        if new_order in ("|", "I", "i"):
            return self
        raise ValueError(f"{new_order!r} is not a valid byte order")

    def __repr__(self):
        if self.swapped:
            return f"dtype('{self._str}')"
        return f"dtype('{self._name}')"

    def __str__(self):
        return self._str if self.swapped else self._name

    def __eq__(self, other):
        if not isinstance(other, dtype):
            try:
                other = as_dtype(other)
            except TypeError:
                return NotImplemented
        return (self.tidx == (<dtype>other).tidx
                and self.swapped == (<dtype>other).swapped)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        # NumPy's hash of the equal dtype (see _numpy_hash), so that a dtype
        # and the NumPy dtype it equals find the same dict entries
        if not _HASH_READY:
            _fill_hashes()
        return _HASH[self.tidx][1 if self.swapped else 0]

    @property
    def dtype(self):
        """The matching NumPy dtype (byte order kept).  NumPy's dtype
        conversion reads this attribute, so np.dtype(d), np.zeros(..., dtype=d),
        np.issubdtype(d, ...) accept arraycore dtypes; NumPy is imported here,
        on first use, never at arraycore's import."""
        return _numpy_dtype(self)

    # NumPy dtype attributes that libraries written for NumPy read
    @property
    def type(self):
        """The NumPy scalar type of this dtype (NumPy is imported on first use)."""
        return _numpy_dtype(self).type

    @property
    def names(self):
        return None

    @property
    def fields(self):
        return None

    @property
    def subdtype(self):
        return None

    @property
    def shape(self):
        return ()

    @property
    def ndim(self):
        return 0

    @property
    def hasobject(self):
        return False

    @property
    def base(self):
        return self

    @property
    def metadata(self):
        return None

    @property
    def descr(self):
        return [("", self._str)]

    def __reduce__(self):
        return (dtype, (self._str,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# NumPy interop: the hash of each dtype (by dense index, native/swapped), and
# the NumPy dtype objects, made on first request.
cdef Py_hash_t _HASH[ACX_NTYPES][2]
cdef dict _NP_DTYPES = {}


cdef bint _HASH_READY = False


cdef object _numpy_version():
    """The version of the NumPy that `import numpy` would load, read from its
    numpy/version.py without importing it (None when NumPy is not found)."""
    import importlib.util
    import os
    import re
    try:
        spec = importlib.util.find_spec("numpy")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for where in spec.submodule_search_locations:
        try:
            with open(os.path.join(where, "version.py"), encoding="utf-8") as f:
                text = f.read()
        except OSError:
            continue
        m = re.search(r"^(?:__version__|version)\s*(?::\s*str)?\s*=\s*['\"]([0-9]+)\.([0-9]+)",
                      text, re.M)
        if m:
            return (int(m.group(1)), int(m.group(2)))
    try:
        from importlib.metadata import version
        return tuple(int(p) for p in version("numpy").split(".")[:2])
    except Exception:
        return None


cdef object _numpy_flags_item():
    """How NumPy puts a dtype's (zero) flags into its hash tuple: NumPy 2.4
    and later as the integer 0, earlier releases as the one-byte b'\\0'.
    Asked of NumPy itself when it is imported already, else of the version
    of the NumPy that an import would load."""
    np = sys.modules.get("numpy")
    if np is not None:
        try:
            h = hash(np.dtype("f8"))
            if h == hash(("f", _NATIVE, b"\0", 8, 8)):
                return b"\0"
            if h == hash(("f", _NATIVE, 0, 8, 8)):
                return 0
        except Exception:       # a NumPy that is still being imported
            pass
    v = _numpy_version()
    return b"\0" if v is not None and v < (2, 4) else 0


cdef Py_hash_t _numpy_hash(dtype d, object flags):
    """NumPy hashes a built-in dtype as the tuple (kind, byte order with '='
    resolved to the machine's, flags, itemsize, alignment); arraycore's dtypes
    carry no flags (0, as NumPy's numeric dtypes), `flags` is how the NumPy
    release spells them (see _numpy_flags_item).  Computed without NumPy, so
    the hash is the same whether or not NumPy is ever imported."""
    order = "|" if d.itemsize == 1 else d._str[0]
    return hash((chr(d._kind), order, flags, d.itemsize, d.alignment))


cdef int _fill_hashes() except -1:
    """The hash table, on the first hash of a dtype (not at import: finding
    NumPy's version costs a file read)."""
    global _HASH_READY
    cdef int i
    cdef dtype n
    flags = _numpy_flags_item()
    for i in range(ACX_NTYPES):
        n = _D(i)
        _HASH[i][0] = _numpy_hash(n, flags)
        _HASH[i][1] = _numpy_hash(n._other, flags)
    _HASH_READY = True
    return 0


cdef object _numpy_dtype(dtype d):
    key = (d.tidx, d.swapped)
    r = _NP_DTYPES.get(key)
    if r is None:
        import numpy
        r = numpy.dtype(d._str)
        _NP_DTYPES[key] = r
    return r


# descriptors by dense index: borrowed pointers, kept alive by _KEEP
cdef PyObject *_DPTR[ACX_NTYPES]
cdef list _KEEP = []

cdef inline dtype _D(int i):
    return <dtype>_DPTR[i]


cdef dtype _make(int idx, bint swapped):
    name, kind, ch, size, align = _TABLE[idx][:5]
    # Cython's own tp_new (replaced after the table is built, see below)
    cdef dtype d = dtype.__new__(dtype)
    d.num = _TABLE[idx][7]
    d._kind = ord(kind)
    d._char = ord(ch)
    d.itemsize = size
    d.alignment = align
    d.tidx = idx
    d.swapped = swapped
    d._flags = 0
    d._name = name
    d._other = None
    if size == 1:
        d._byteorder = ord("|")
        d._str = "|" + kind + str(size)
    elif swapped:
        d._byteorder = ord(_SWAPPED)
        d._str = _SWAPPED + kind + str(size)
    else:
        d._byteorder = ord("=")
        d._str = _NATIVE + kind + str(size)
    return d


# dtype(spec) returns one of the shared descriptor objects: tp_new is
# replaced by this function (Cython does not allow __new__ on cdef classes).
cdef object _dtype_tp_new(object args, object kwds):
    if kwds:
        if len(args) == 0 and len(kwds) == 1 and "dtype" in kwds:
            args = (kwds["dtype"],)
        else:
            raise TypeError(f"dtype() got unexpected keyword arguments {tuple(kwds)}")
    if len(args) != 1:
        raise TypeError(f"dtype() takes exactly one argument ({len(args)} given)")
    return as_dtype(args[0])


def _init_table():
    cdef int i
    cdef dtype n, s
    for i in range(ACX_NTYPES):
        n = _make(i, False)
        if _TABLE[i][3] == 1:
            s = n
        else:
            s = _make(i, True)
        n._other = s
        s._other = n
        _KEEP.append(n)
        _KEEP.append(s)
        _DPTR[i] = <PyObject *>n
        FORMATS[i] = _TABLE[i][5]
        name = _TABLE[i][0]
        _BY_NAME[name] = n
        _BY_NAME[_TABLE[i][2]] = n
        for alias in _TABLE[i][6]:
            _BY_NAME[alias] = n
        _BY_TYPENUM[n.num] = n
        _KRANK[i] = "buifc".index(_TABLE[i][1])
        # bits of precision carried (for int -> float safety): ints carry
        # their width; a float its storage width, a complex its parts'
        _BITS[i] = 1 if i == ACX_BOOL else n.itemsize * (4 if _TABLE[i][1] == "c" else 8)
    # C spellings that share a size with another type number
    if AC_INT64 == AC_LONG:
        _BY_TYPENUM[AC_LONGLONG] = _D(ACX_INT64)
        _BY_TYPENUM[AC_ULONGLONG] = _D(ACX_UINT64)
    else:
        _BY_TYPENUM[AC_LONG] = _D(ACX_INT64)
        _BY_TYPENUM[AC_ULONG] = _D(ACX_UINT64)

_init_table()
cdef extern from *:
    """
    typedef PyObject *(*__ac_new_impl_fn)(PyObject *, PyObject *);
    static __ac_new_impl_fn __ac_dtype_new_impl = NULL;
    static PyObject *__ac_dtype_tp_new(PyTypeObject *tp, PyObject *args, PyObject *kwds) {
        (void)tp;
        return __ac_dtype_new_impl(args, kwds ? kwds : Py_None);
    }
    static void __ac_set_tp_new(PyTypeObject *tp, void *impl) {
        __ac_dtype_new_impl = (__ac_new_impl_fn)impl;
        tp->tp_new = __ac_dtype_tp_new;
        tp->tp_vectorcall = NULL;   /* calls must go through tp_new */
        PyType_Modified(tp);
    }
    """
    void __ac_set_tp_new(PyTypeObject *tp, void *impl)

__ac_set_tp_new(<PyTypeObject *>dtype, <void *>_dtype_tp_new)


cdef dtype descr_from_tidx(int tidx):
    return _D(tidx)


cdef dtype descr_from_typenum(int num):
    return _BY_TYPENUM.get(num)


cdef dtype native(dtype d):
    return d._other if d.swapped else d


cdef dtype _parse_str(str s):
    cdef dtype d = _BY_NAME.get(s)
    if d is not None:
        return d
    if len(s) >= 2 and s[0] in "<>=|":
        order = s[0]
        d = _BY_NAME.get(s[1:])
        if d is None:
            raise TypeError(f"data type {s!r} not understood")
        if d.itemsize == 1 or order == "=" or order == "|" or order == _NATIVE:
            return d
        return d._other
    raise TypeError(f"data type {s!r} not understood")


cdef dtype as_dtype(object obj):
    if type(obj) is dtype:
        return <dtype>obj
    if isinstance(obj, str):
        return _parse_str(<str>obj)
    if obj is float:
        return _D(ACX_FLOAT64)
    if obj is int:
        return _D(ACX_INT64)
    if obj is bool:
        return _D(ACX_BOOL)
    if obj is complex:
        return _D(ACX_COMPLEX128)
    if obj is None:
        return _D(ACX_FLOAT64)
    # NumPy dtypes (or anything with a dtype-like `.str` and `.kind`), NumPy
    # scalar types, arrays carrying a dtype
    np = sys.modules.get("numpy")
    if np is not None:
        if isinstance(obj, np.dtype):
            if obj.kind not in "biufc" or obj.itemsize > 16 or obj.char in "gG":
                raise TypeError(f"data type {obj!r} is not supported by arraycore")
            return _parse_str(obj.str)
        if isinstance(obj, type) and issubclass(obj, np.generic):
            return as_dtype(np.dtype(obj))
    if isinstance(obj, bytes):
        return _parse_str((<bytes>obj).decode("ascii", "replace"))
    if isinstance(obj, type):
        raise TypeError(f"Cannot interpret '{obj!r}' as a data type")
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


cdef dtype as_dtype_or_none(object obj):
    if obj is None:
        return None
    return as_dtype(obj)


# ------------------------------------------------------------- casting
cdef inline int _krank(int tidx) noexcept:
    # kind order for same_kind: b < u < i < f < c
    return _KRANK[tidx]


cdef bint _SAFE[ACX_NTYPES][ACX_NTYPES]


cdef bint _safe_rule(int a, int b):
    cdef int ka = _krank(a), kb = _krank(b)
    if a == b or a == ACX_BOOL:
        return True
    if b == ACX_BOOL:
        return False
    if ka == 1 and kb == 1 or ka == 2 and kb == 2:          # same int kind
        return _BITS[b] >= _BITS[a]
    if ka == 1 and kb == 2:                                  # unsigned -> signed
        return _BITS[b] > _BITS[a]
    if ka == 2 and kb == 1:
        return False
    if ka <= 2 and kb >= 3:                                  # int -> float/complex
        # float16 holds 8-bit ints, float32 16-bit, float64 everything
        if _BITS[b] == 16:
            return _BITS[a] <= 8
        if _BITS[b] == 32:
            return _BITS[a] <= 16
        return True
    if ka == 3 and kb == 3 or ka == 4 and kb == 4 or ka == 3 and kb == 4:
        return _BITS[b] >= _BITS[a]
    return False


def _init_safe():
    cdef int a, b
    for a in range(ACX_NTYPES):
        for b in range(ACX_NTYPES):
            _SAFE[a][b] = _safe_rule(a, b)

_init_safe()


cdef bint can_cast_descr(dtype frm, dtype to, int casting):
    if casting >= UNSAFE_CASTING:
        return True
    if casting == NO_CASTING:
        return frm.tidx == to.tidx and (frm.swapped == to.swapped or frm.itemsize == 1)
    if frm.tidx == to.tidx:
        return True
    if casting == EQUIV_CASTING:
        return False
    if _SAFE[frm.tidx][to.tidx]:
        return True
    if casting == SAME_KIND_CASTING:
        return _krank(frm.tidx) <= _krank(to.tidx)
    return False


class ComplexWarning(RuntimeWarning):
    """A cast of complex values to a real type, which drops their imaginary
    parts (NumPy's numpy.exceptions.ComplexWarning)."""


cdef int warn_complex_cast(dtype frm, dtype to) except -1:
    """NumPy's ComplexWarning for a cast from a complex type to an integer or
    real type (to bool is a test against zero, not a loss: no warning).
    Called before anything is written, so a warning filter that raises
    leaves the destination as it was."""
    if (frm.tidx == ACX_COMPLEX64 or frm.tidx == ACX_COMPLEX128) and not (
            to.tidx == ACX_COMPLEX64 or to.tidx == ACX_COMPLEX128 or to.tidx == ACX_BOOL):
        import warnings
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=1)
    return 0


cdef int _PROMOTE[ACX_NTYPES][ACX_NTYPES]


def _init_promote():
    cdef int a, b, c
    for a in range(ACX_NTYPES):
        for b in range(ACX_NTYPES):
            _PROMOTE[a][b] = -1
            for c in range(ACX_NTYPES):
                if _SAFE[a][c] and _SAFE[b][c]:
                    _PROMOTE[a][b] = c
                    break

_init_promote()


cdef dtype promote_many(list dtypes):
    """The smallest type every dtype in the list casts to safely (n-ary, so
    the result does not depend on the order of the arguments)."""
    cdef int c
    cdef dtype d, d0
    if len(dtypes) >= 1:
        # all the same dtype (concat of like arrays): that dtype, native
        d0 = <dtype>dtypes[0]
        for d in dtypes:
            if d is not d0:
                break
        else:
            return native(d0)
    for c in range(ACX_NTYPES):
        for d in dtypes:
            if not _SAFE[d.tidx][c]:
                break
        else:
            return _D(c)
    return _D(ACX_COMPLEX128)


cdef dtype promote(dtype a, dtype b):
    if a is b:
        return native(a)
    return _D(_PROMOTE[a.tidx][b.tidx])


cdef int parse_casting(object casting) except -1:
    if casting == "unsafe":
        return UNSAFE_CASTING
    if casting == "same_kind":
        return SAME_KIND_CASTING
    if casting == "safe":
        return SAFE_CASTING
    if casting == "equiv":
        return EQUIV_CASTING
    if casting == "no":
        return NO_CASTING
    raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got {casting!r})")


cdef dtype default_int():
    return _D(ACX_INT64)

cdef dtype default_float():
    return _D(ACX_FLOAT64)

cdef dtype default_complex():
    return _D(ACX_COMPLEX128)


cdef dtype dtype_for_pyscalar(object x):
    t = type(x)
    if t is bool:
        return _D(ACX_BOOL)
    if t is int:
        return _D(ACX_INT64)
    if t is float:
        return _D(ACX_FLOAT64)
    if t is complex:
        return _D(ACX_COMPLEX128)
    if isinstance(x, bool):
        return _D(ACX_BOOL)
    if isinstance(x, int):
        return _D(ACX_INT64)
    if isinstance(x, float):
        return _D(ACX_FLOAT64)
    if isinstance(x, complex):
        return _D(ACX_COMPLEX128)
    return None


cdef inline int _scalar_kind(object x):
    # 0 bool, 1 int, 2 float, 3 complex
    if isinstance(x, bool):
        return 0
    if isinstance(x, int):
        return 1
    if isinstance(x, float):
        return 2
    return 3


cdef dtype result_type_weak(dtype d, object scalar):
    """The result of combining an array of dtype d with a Python scalar (NEP 50)."""
    cdef int sk = _scalar_kind(scalar)
    cdef int k = _krank(d.tidx)
    d = native(d)
    if sk == 0:
        return d
    if sk == 1:
        return d if k >= 1 else _D(ACX_INT64)
    if sk == 2:
        return d if k >= 3 else _D(ACX_FLOAT64)
    # complex
    if k == 4:
        return d
    if d.tidx == ACX_FLOAT32 or d.tidx == ACX_FLOAT16:
        return _D(ACX_COMPLEX64)
    return _D(ACX_COMPLEX128)


# ------------------------------------------------------------ Python API
def result_type(*arrays_and_dtypes):
    """Returns the dtype that results from applying type promotion to the arguments.

    Python scalars (bool, int, float, complex) take part weakly (NEP 50).
    """
    cdef dtype res = None
    cdef dtype d
    cdef list found = []
    scalars = []
    if len(arrays_and_dtypes) == 0:
        raise ValueError("at least one array or dtype is required")
    for x in arrays_and_dtypes:
        if isinstance(x, (bool, int, float, complex)):
            scalars.append(x)
            continue
        if type(x) is dtype:
            d = <dtype>x
        elif hasattr(x, "dtype") and not isinstance(x, type):
            d = as_dtype(x.dtype)
        else:
            d = as_dtype(x)
        found.append(d)
    if found:
        res = promote_many(found)
    if res is None:
        # scalars only: promote their default types
        for s in scalars:
            d = dtype_for_pyscalar(s)
            res = d if res is None else promote(res, d)
        return res
    for s in scalars:
        res = result_type_weak(res, s)
    return res


def can_cast(from_, to, /, *, casting="safe"):
    """Returns True if a cast from `from_` (dtype or array) to `to` can occur under `casting`."""
    cdef int c = parse_casting(casting)
    if hasattr(from_, "dtype") and not isinstance(from_, (type, dtype)) \
            and not isinstance(from_, str):
        from_ = from_.dtype
    if isinstance(from_, (bool, int, float, complex)):
        raise TypeError("can_cast() does not support Python scalars; use result_type()")
    return can_cast_descr(as_dtype(from_), as_dtype(to), c)


def promote_types(type1, type2):
    """The smallest dtype to which both types may be safely cast."""
    return promote(as_dtype(type1), as_dtype(type2))


class finfo_object:
    """Machine limits of a floating-point data type (see finfo)."""

    def __init__(self, bits, eps, max, min, smallest_normal, dtype):
        self.bits = bits
        self.eps = eps
        self.max = max
        self.min = min
        self.smallest_normal = smallest_normal
        self.tiny = smallest_normal
        self.dtype = dtype
        self.resolution = {16: 1e-3, 32: 1e-6, 64: 1e-15}[bits]

    def __repr__(self):
        return (f"finfo(resolution={self.resolution}, min={self.min:.6e}, "
                f"max={self.max:.6e}, dtype={self.dtype.name})")


class iinfo_object:
    """Machine limits of an integer data type (see iinfo)."""

    def __init__(self, bits, max, min, dtype):
        self.bits = bits
        self.max = max
        self.min = min
        self.dtype = dtype

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype.name})"


# floating types: dense index -> (bits, eps, max, smallest normal), from the
# table's (mantissa bits, maximum exponent)
cdef dict _FINFO = {
    i: (8 * row[3], 2.0 ** -row[9][0], (2.0 - 2.0 ** -row[9][0]) * 2.0 ** row[9][1],
        2.0 ** (1 - row[9][1]))
    for i, row in enumerate(_TABLE) if row[9] is not None
}


def _dtype_of(type_or_array):
    if hasattr(type_or_array, "dtype") and not isinstance(type_or_array, (type, dtype, str)):
        return as_dtype(type_or_array.dtype)
    return as_dtype(type_or_array)


def finfo(type, /):
    """Machine limits for floating-point data types (bits, eps, max, min, smallest_normal, dtype)."""
    cdef dtype d = native(_dtype_of(type))
    cdef int t = d.tidx
    if _COMPONENT[t] >= 0:
        t = _COMPONENT[t]
    if t not in _FINFO:
        raise ValueError(f"finfo() requires a floating-point data type, not {d.name}")
    bits, eps, mx, tiny = _FINFO[t]
    return finfo_object(bits, eps, mx, -mx, tiny, _D(t))


def iinfo(type, /):
    """Machine limits for integer data types (bits, max, min, dtype)."""
    cdef dtype d = native(_dtype_of(type))
    if d._kind == b"i":
        bits = d.itemsize * 8
        return iinfo_object(bits, 2 ** (bits - 1) - 1, -2 ** (bits - 1), d)
    if d._kind == b"u":
        bits = d.itemsize * 8
        return iinfo_object(bits, 2 ** bits - 1, 0, d)
    raise ValueError(f"iinfo() requires an integer data type, not {d.name}")


cdef dict _KINDS = {
    "bool": "b",
    "signed integer": "i",
    "unsigned integer": "u",
    "integral": "iu",
    "real floating": "f",
    "complex floating": "c",
    "numeric": "iufc",
}


def isdtype(dtype, kind):
    """Returns True if dtype is of the given kind (a dtype, a kind name, or a tuple of them)."""
    return _isdtype(dtype, kind)


cdef object _isdtype(object dtype_, object kind):
    cdef dtype d
    if isinstance(dtype_, dtype):
        d = <dtype>dtype_
    elif isinstance(dtype_, str) or dtype_ is None:
        raise TypeError(f"isdtype() expects a dtype as its first argument, got {type(dtype_).__name__}")
    else:
        # what the constructors accept: NumPy dtypes and scalar types, Python types
        try:
            d = as_dtype(dtype_)
        except TypeError:
            raise TypeError(f"isdtype() expects a dtype as its first argument, "
                            f"got {type(dtype_).__name__}") from None
    if isinstance(kind, tuple):
        return any(_isdtype(d, k) for k in kind)
    if isinstance(kind, dtype):
        return d == kind
    if not isinstance(kind, str) and kind is not None:
        try:
            return d == as_dtype(kind)
        except TypeError:
            pass
    if isinstance(kind, str):
        kinds = _KINDS.get(kind)
        if kinds is None:
            raise ValueError(f"unknown dtype kind {kind!r}")
        return chr(d._kind) in kinds
    raise TypeError(f"kind must be a dtype, a string or a tuple, not {type(kind).__name__}")


# the Array API dtype objects (bool_, int8, ..., complex128): attributes named
# by the table
for _i, _row in enumerate(_TABLE):
    globals()[_row[8]] = _D(_i)
del _i, _row
