"""The arraycore C-API specification: the single source of truth.

Everything the C-API exposes through its function table is listed here, each
entry at a FIXED slot of the table.  ``tools/generate_api.py`` writes from this
file, at build time:

* ``_ac_api.h``: the table access macros, ``import_arraycore()``, the lazy
  import and the per-entry stubs (installed as ``arraycore/_ac_api.h``);
* ``_ac_api.pxi``: the Cython declarations (included by ``arraycore/__init__.pxd``);
* ``_capi_table.pxi``: the table-filling code of ``arraycore/_capi.pyx``, with a
  typed function-pointer check of every implementation;
* ``capi_reference.rst``: the C-API reference page.

Rules
-----
* Slots are append-only.  Never reorder, renumber or change a released entry
  (``tools/api_lock.txt`` holds a hash of each released slot; the generator
  and the tests fail when one changes).  To retire an entry, set
  ``removed=True``: its slot stays in the table as NULL and its name leaves
  the header.
* Every new entry gets ``added=`` the API version that introduces it, and
  ``API_VERSION`` is raised to that version in the same change.
* Any change to the meaning of an existing slot, or to the public struct
  layouts, bumps ``ABI_VERSION`` (consumers must then be rebuilt).

Conventions of every function (the C-API is "safe by default"):
no function steals a reference; every returned object is a new reference;
cleanup functions accept NULL; on error a function returns NULL (pointer
results), -1 (int results) or 0 (converters, predicates) with an exception
set; a NULL or non-array argument raises TypeError instead of crashing.
Call every function with the GIL held.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ABI version: bumped on an incompatible change (struct layout, slot meaning).
# import_arraycore() requires it to match exactly.
ABI_VERSION = 1

# API (feature) version: raised when entries are appended.  import_arraycore()
# requires the installed table's API version to be >= the consumer's target
# (AC_TARGET_VERSION, default: the version of the header it was compiled with).
API_VERSION = 0x3

# The history of API versions, for the docs and the AC_<n>_API_VERSION macros.
API_VERSIONS = {
    0x1: "arraycore 0.1: the first C-API",
    0x2: "arraycore 0.2: ufuncs, generalized ufuncs, interrupts, iterators",
    0x3: "arraycore 0.3: FFT plans (ACFFT_*)",
}

CAPSULE_MODULE = "arraycore._capi"
CAPSULE_ATTR = "_C_API"
CAPSULE_NAME = CAPSULE_MODULE + "." + CAPSULE_ATTR


@dataclass(frozen=True)
class Entry:
    """One slot of the C-API table.

    kind: "const" (an integer stored in the slot), "type" (a type object),
    "function".
    error: for functions, what an error returns: "NULL"; "-1"; "0" (0 is
    never a success value: converters); "0?" (0 is also a valid answer:
    check PyErr_Occurred()).
    """

    slot: int
    name: str
    kind: str
    doc: str
    ret: str = ""
    args: tuple = ()           # ((C type, name), ...)
    added: int = 0x1
    error: str = ""
    deprecated: str = ""       # non-empty: deprecated, the text says what to use
    removed: bool = False
    notes: tuple = ()          # longer doc paragraphs for the reference page
    impl: str = ""             # name of the implementing cdef function in _capi.pyx
    value: str = ""            # for "const": the C expression stored in the slot
    nogil: bool = False        # Cython may call it without the GIL (it cannot fail)

    def signature(self) -> str:
        """The canonical text that the lock file hashes."""
        if self.kind == "function":
            args = ", ".join(f"{t} {n}" for t, n in self.args) or "void"
            return f"{self.slot}|{self.kind}|{self.ret} {self.name}({args})"
        return f"{self.slot}|{self.kind}|{self.name}"


def _a(text: str) -> tuple:
    """Parse 'type name, type name' into ((type, name), ...)."""
    out = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        i = max(part.rfind(" "), part.rfind("*"))
        ctype, name = part[: i + 1].strip(), part[i + 1 :].strip()
        out.append((ctype, name))
    return tuple(out)


def F(slot, name, ret, args, doc, *, error, added=0x1, deprecated="",
      removed=False, notes=(), impl=None, nogil=False):
    return Entry(slot=slot, name=name, kind="function", doc=doc, ret=ret,
                 args=_a(args), added=added, error=error, deprecated=deprecated,
                 removed=removed, notes=tuple(notes),
                 impl=impl or ("capi_" + name.split("_", 1)[1]), nogil=nogil)


ENTRIES = [
    # ---- the header of the table --------------------------------------
    Entry(0, "AC_ABI_VERSION", "const", "The ABI version of the table (compared exactly).",
          value="AC_ABI_VERSION"),
    Entry(1, "AC_API_VERSION", "const", "The API (feature) version of the table (a minimum).",
          value="AC_API_VERSION"),
    Entry(2, "AC_API_TABLE_SIZE", "const", "The number of slots in the table.",
          value="AC_API_TABLE_SIZE"),
    Entry(3, "ACArray_Type", "type",
          "The ndarray type object (arraycore.ndarray).", impl="ndarray",
          notes=("Use as ``&ACArray_Type``, e.g. with ``PyArg_ParseTuple``'s "
                 "``\"O!\"``; ``ACArray_TypeObject()`` returns the same pointer.  "
                 "Works under the limited API too (it is a type-object getter "
                 "underneath).",)),
    Entry(4, "ACArrayDescr_Type", "type",
          "The dtype type object (arraycore.dtype).", impl="dtype",
          notes=("``ACArrayDescr_TypeObject()`` returns the same pointer.",)),

    # ---- conversion from any object --------------------------------------
    F(5, "ACArray_FromAny", "PyObject *",
      "PyObject *op, ACArray_Descr *dtype, int min_depth, int max_depth, "
      "int requirements, PyObject *context",
      "Convert any array-like object to an array that meets `requirements`.",
      error="NULL",
      notes=(
          "``dtype`` may be NULL (or None): keep the input's data type.  It is "
          "NOT stolen (unlike NumPy).  ``min_depth``/``max_depth`` bound the "
          "number of dimensions (0 means no bound): ValueError when outside.  "
          "``context`` is unused and must be NULL.",
          "``requirements`` is an OR of ``AC_ARRAY_*`` flags.  "
          "C_CONTIGUOUS, F_CONTIGUOUS, ALIGNED, WRITEABLE, NOTSWAPPED: a copy is "
          "made when the input does not meet them.  ENSURECOPY: always copy.  "
          "ENSURENOCOPY: ValueError instead of copying.  ENSUREARRAY: the result "
          "is an ``arraycore.ndarray``, not a subclass.  FORCECAST: allow any "
          "cast to ``dtype``; without it only safe casts are allowed "
          "(TypeError otherwise).",
          "WRITEBACKIFCOPY (part of ``AC_ARRAY_INOUT_ARRAY``): the input must "
          "be a writeable array (TypeError for other objects, ValueError for "
          "a read-only array, both raised up front).  When a copy is needed "
          "the result has the WRITEBACKIFCOPY flag and ``base`` set to the "
          "original, which is made read-only until "
          "``ACArray_ResolveWritebackIfCopy`` writes the copy back (or "
          "``ACArray_DiscardWritebackIfCopy`` drops it).",
      )),
    F(6, "ACArray_CheckFromAny", "PyObject *",
      "PyObject *op, ACArray_Descr *dtype, int min_depth, int max_depth, "
      "int requirements, PyObject *context",
      "As ACArray_FromAny, also honouring NOTSWAPPED for an explicit dtype and ELEMENTSTRIDES.",
      error="NULL",
      notes=("With ``AC_ARRAY_NOTSWAPPED`` a byte-swapped ``dtype`` is replaced by "
             "its native-order twin; with ``AC_ARRAY_ELEMENTSTRIDES`` a copy is "
             "made unless every stride is a multiple of the item size.",)),
    F(7, "ACArray_ContiguousFromAny", "PyObject *",
      "PyObject *op, int type_num, int min_depth, int max_depth",
      "A C-contiguous, aligned, writeable array (AC_ARRAY_DEFAULT) of type `type_num` (AC_NOTYPE: keep).",
      error="NULL"),
    F(8, "ACArray_ResolveWritebackIfCopy", "int", "ACArrayObject *arr",
      "Write a WRITEBACKIFCOPY copy back into its original and clear the flag.",
      error="-1",
      notes=("Returns 1 when it wrote back, 0 when there was nothing to do "
             "(also for NULL), -1 with an exception set on error.  The original "
             "becomes writeable again.",)),
    F(9, "ACArray_DiscardWritebackIfCopy", "int", "ACArrayObject *arr",
      "Drop a pending WRITEBACKIFCOPY without writing back; NULL is accepted.",
      error="-1",
      notes=("Returns 1 when a pending write-back was dropped, 0 when there was "
             "nothing to do (also for NULL), -1 with an exception set for a "
             "non-array.  The original becomes writeable again.",)),

    # ---- creation ----------------------------------------------------------
    F(10, "ACArray_NewFromDescr", "PyObject *",
      "PyTypeObject *subtype, ACArray_Descr *descr, int nd, const ac_intp *dims, "
      "const ac_intp *strides, void *data, int flags, PyObject *obj",
      "A new array of data type `descr`, allocated or wrapping `data`.",
      error="NULL",
      notes=("``subtype`` must be NULL or ``&ACArray_Type``.  ``descr`` is not "
             "stolen.  With ``data`` NULL the memory is allocated (uninitialised), "
             "in Fortran order when ``flags`` is non-zero (as in NumPy); ``strides`` "
             "must then be NULL.  With ``data`` given, the array is a view of it: ``strides`` "
             "NULL means contiguous (Fortran order if ``flags`` has "
             "AC_ARRAY_F_CONTIGUOUS), ``flags & AC_ARRAY_WRITEABLE`` decides "
             "whether it is writeable, and ``obj`` (may be NULL) becomes its "
             "``base`` and keeps the memory alive.",)),
    F(11, "ACArray_New", "PyObject *",
      "PyTypeObject *subtype, int nd, const ac_intp *dims, int type_num, "
      "const ac_intp *strides, void *data, int itemsize, int flags, PyObject *obj",
      "ACArray_NewFromDescr with the data type given by its type number.",
      error="NULL",
      notes=("``itemsize`` is 0 or the type's item size (ValueError otherwise).",)),
    F(12, "ACArray_SimpleNew", "PyObject *", "int nd, const ac_intp *dims, int type_num",
      "A new uninitialised C-contiguous array.", error="NULL"),
    F(13, "ACArray_SimpleNewFromData", "PyObject *",
      "int nd, const ac_intp *dims, int type_num, void *data",
      "A writeable C-contiguous array viewing `data` (the caller keeps it alive).",
      error="NULL"),
    F(14, "ACArray_Zeros", "PyObject *",
      "int nd, const ac_intp *dims, ACArray_Descr *descr, int fortran",
      "A new zero-filled array (descr NULL: float64).", error="NULL"),
    F(15, "ACArray_Empty", "PyObject *",
      "int nd, const ac_intp *dims, ACArray_Descr *descr, int fortran",
      "A new uninitialised array (descr NULL: float64).", error="NULL"),
    F(16, "ACArray_NewCopy", "PyObject *", "ACArrayObject *arr, AC_ORDER order",
      "A copy of `arr` in the given memory order.", error="NULL"),
    F(17, "ACArray_CastToType", "PyObject *",
      "ACArrayObject *arr, ACArray_Descr *descr, int fortran",
      "A copy of `arr` cast (unsafely) to `descr`.", error="NULL"),
    F(18, "ACArray_CopyInto", "int", "ACArrayObject *dst, ACArrayObject *src",
      "Copy `src`, broadcast and cast, into `dst`; 0 or -1.", error="-1"),
    F(19, "ACArray_FillWithScalar", "int", "ACArrayObject *arr, PyObject *obj",
      "Set every element of `arr` to the scalar `obj`; 0 or -1.", error="-1"),

    # ---- shape ---------------------------------------------------------------
    F(20, "ACArray_Newshape", "PyObject *",
      "ACArrayObject *arr, ACArray_Dims *newshape, AC_ORDER order",
      "`arr` with a new shape (one entry may be -1): a view when possible.",
      error="NULL"),
    F(21, "ACArray_Transpose", "PyObject *", "ACArrayObject *arr, ACArray_Dims *permute",
      "A view with the axes permuted (`permute` NULL reverses them).", error="NULL"),
    F(22, "ACArray_Return", "PyObject *", "ACArrayObject *arr",
      "A new reference to `arr` itself (arraycore has no scalar types).",
      error="NULL",
      notes=("0-d arrays are returned as they are.  Unlike NumPy's, it does not "
             "steal the reference: ``r = ACArray_Return(a); Py_DECREF(a);``.  "
             "NULL passes an already-set error through (TypeError if none).",)),

    # ---- data types --------------------------------------------------------
    F(23, "ACArray_DescrFromType", "ACArray_Descr *", "int type_num",
      "The (new reference to the) native dtype of a type number.", error="NULL",
      notes=("ValueError for an unknown type number.",)),
    F(24, "ACArray_CanCastTypeTo", "int",
      "ACArray_Descr *fromtype, ACArray_Descr *totype, AC_CASTING casting",
      "1 if `fromtype` can be cast to `totype` under `casting`, else 0.", error="0?"),
    F(25, "ACArray_PromoteTypes", "ACArray_Descr *", "ACArray_Descr *type1, ACArray_Descr *type2",
      "The smallest dtype both can be safely cast to.", error="NULL"),
    F(26, "ACArray_Check", "int", "PyObject *op",
      "1 if `op` is an arraycore.ndarray or a subclass, else 0 (also for NULL).",
      error="0?",
      notes=("Returns 0 with ImportError set if arraycore cannot be imported.",)),
    F(27, "ACArray_CheckExact", "int", "PyObject *op",
      "1 if the type of `op` is exactly arraycore.ndarray, else 0.", error="0?"),

    # ---- converters (PyArg_ParseTuple "O&") ----------------------------------
    F(28, "ACArray_DescrConverter", "int", "PyObject *obj, ACArray_Descr **out",
      "\"O&\" converter: any dtype-like object to a new dtype reference (None: float64).",
      error="0",
      notes=("Returns 1, or 0 with an exception set.  The caller owns "
             "``*out`` and must ``Py_XDECREF`` it (also when a later argument "
             "fails to parse: initialise it to NULL).",)),
    F(29, "ACArray_IntpConverter", "int", "PyObject *obj, ACArray_Dims *out",
      "\"O&\" converter: an integer or a sequence of integers to an ACArray_Dims.",
      error="0",
      notes=("``out->ptr`` is allocated: free it with ``ACDimMem_FREE(out->ptr)`` "
             "or ``ACArray_DimsFree(out)``.",)),
    F(30, "ACArray_AxisConverter", "int", "PyObject *obj, int *axis",
      "\"O&\" converter: an integer axis, or None to AC_RAVEL_AXIS.", error="0"),
    F(31, "ACArray_OrderConverter", "int", "PyObject *obj, AC_ORDER *order",
      "\"O&\" converter: 'C', 'F', 'A', 'K' to AC_ORDER (None leaves it unchanged).",
      error="0"),

    # ---- element access ----------------------------------------------------
    F(32, "ACArray_GetPtr", "void *", "ACArrayObject *arr, const ac_intp *ind",
      "Pointer to the element at the index `ind` (ndim entries, bounds checked).",
      error="NULL",
      notes=("IndexError when an index is out of range (negative indices are "
             "not wrapped).",)),

    # ---- deprecated ------------------------------------------------------------
    F(33, "ACArray_DescrFromTypeNum", "ACArray_Descr *", "int type_num",
      "Deprecated alias of ACArray_DescrFromType.", error="NULL",
      deprecated="use ACArray_DescrFromType", impl="capi_DescrFromType"),

    # ---- ufuncs (API 0x2) ---------------------------------------------------------
    F(34, "ACUFunc_FromFuncAndData", "PyObject *",
      "ACUFuncGenericFunction *func, void **data, const char *types, int ntypes, "
      "int nin, int nout, int identity, const char *name, const char *doc, int unused",
      "A new ufunc with `ntypes` inner loops: loop i is func[i] with data[i] for the type "
      "numbers types[i*(nin+nout) ...].", error="NULL", added=0x2,
      notes=("The arrays are copied (they need not outlive the call); `data` may be NULL. "
             "`identity` is one of the ACUFunc_* identity constants.  ValueError for a NULL "
             "loop, an unknown type number, or nin/nout out of range (nin + nout <= 32).",
             "The loops are called without the GIL and must not touch Python objects.")),
    F(35, "ACUFunc_FromFuncAndDataAndSignature", "PyObject *",
      "ACUFuncGenericFunction *func, void **data, const char *types, int ntypes, "
      "int nin, int nout, int identity, const char *name, const char *doc, int unused, "
      "const char *signature",
      "As ACUFunc_FromFuncAndData, with a core signature such as \"(m,n),(n,p)->(m,p)\" "
      "(NULL: an element-wise ufunc).", error="NULL", added=0x2,
      notes=("Generalized loops get dimensions[0] = the outer count, then the core "
             "dimension sizes in order of first appearance; steps has the nargs outer "
             "steps, then each operand's core strides.  A malformed signature is a "
             "ValueError.",)),
    F(36, "ACUFunc_RegisterLoopForType", "int",
      "PyObject *ufunc, int usertype, ACUFuncGenericFunction function, "
      "const int *arg_types, void *data",
      "Add (or replace) the loop of `ufunc` for the type numbers arg_types[0..nargs-1] "
      "(NULL: `usertype` for every argument).", error="-1", added=0x2),
    F(37, "ACUFunc_SigintOn", "int", "",
      "Start watching for Ctrl-C (AC_SIGINT_ON): returns 0.", error="-1", added=0x2,
      impl="capi_SigintOn"),
    F(38, "ACUFunc_SigintOff", "int", "",
      "Stop watching (AC_SIGINT_OFF): 1 if Ctrl-C arrived (Python then raises "
      "KeyboardInterrupt), else 0.", error="-1", added=0x2, impl="capi_SigintOff"),
    F(39, "ACUFunc_SigintPending", "int", "",
      "1 if Ctrl-C arrived since AC_SIGINT_ON (AC_SIGINT_PENDING); safe without the GIL.",
      error="0?", added=0x2, impl="capi_SigintPending", nogil=True,
      notes=("Cython declares it ``noexcept nogil``: poll it inside ``with nogil`` "
             "blocks.  Call AC_SIGINT_ON first (with the GIL), which also imports the "
             "table.",)),
    # ---- iterators (arraycore/aciter.h; API 0x2) --------------------------------
    F(40, "ACArray_IterNew", "PyObject *", "PyObject *op",
      "A flat iterator (ACArrayIterObject, arraycore.flatiter) over an array.",
      error="NULL", added=0x2, impl="capi_IterNew",
      notes=("Non-arrays are converted first.  Walk it with the ``ACArray_ITER_*`` "
             "macros of ``aciter.h``; the iterator keeps the array alive.",)),
    F(41, "ACArray_IterAllButAxis", "PyObject *", "PyObject *op, int *axis",
      "A flat iterator over every axis of `op` but `*axis` (negative: the axis of smallest stride, stored back).",
      error="NULL", added=0x2, impl="capi_IterAllButAxis"),
    F(42, "ACArray_BroadcastToShape", "PyObject *", "PyObject *op, const ac_intp *dims, int nd",
      "A flat iterator over `op` broadcast to the shape `dims`.",
      error="NULL", added=0x2, impl="capi_BroadcastToShape"),
    F(43, "ACArray_MultiIterFromObjects", "PyObject *", "PyObject **objs, int n",
      "A broadcasting multi-iterator (ACArrayMultiIterObject, arraycore.broadcast) over `n` objects.",
      error="NULL", added=0x2, impl="capi_MultiIterFromObjects",
      notes=("``ACArray_MultiIterNew(n, ...)`` (variadic, in ``aciter.h``) calls it.",)),
    F(44, "ACArray_NeighborhoodIterNew", "PyObject *",
      "ACArrayIterObject *iter, const ac_intp *bounds, int mode, PyObject *fill",
      "A neighborhood iterator around the position of flat iterator `iter`.",
      error="NULL", added=0x2, impl="capi_NeighborhoodIterNew",
      notes=("``bounds`` holds 2*nd relative bounds (lo, hi inclusive per axis); "
             "``mode`` is one of ``AC_NEIGHBORHOOD_ITER_{ZERO,ONE,CONSTANT,CIRCULAR,"
             "MIRROR}_PADDING``; ``fill`` (constant mode only, else may be NULL) is "
             "any object whose first element gives the constant.  The base iterator "
             "keeps its coordinates up to date from then on.",)),
    F(45, "ACArrayIter_TypeObject", "PyTypeObject *", "",
      "The flat iterator type (arraycore.flatiter).", error="NULL", added=0x2,
      impl="capi_IterTypeObject"),
    F(46, "ACArrayMultiIter_TypeObject", "PyTypeObject *", "",
      "The multi-iterator type (arraycore.broadcast).", error="NULL", added=0x2,
      impl="capi_MultiIterTypeObject"),
    F(47, "ACArrayNeighborhoodIter_TypeObject", "PyTypeObject *", "",
      "The neighborhood iterator type.", error="NULL", added=0x2,
      impl="capi_NeighborhoodIterTypeObject"),
    F(48, "ACIter_New", "ACIter *",
      "ACArrayObject *op, ac_uint32 flags, AC_ORDER order, AC_CASTING casting, ACArray_Descr *dtype",
      "A general iterator over one array (read-only; dtype NULL: the array's).",
      error="NULL", added=0x2, impl="capi_IterNew1"),
    F(49, "ACIter_MultiNew", "ACIter *",
      "int nop, ACArrayObject **op, ac_uint32 flags, AC_ORDER order, AC_CASTING casting, "
      "ac_uint32 *op_flags, ACArray_Descr **op_dtypes",
      "A general iterator over `nop` operands broadcast together.",
      error="NULL", added=0x2, impl="capi_IterMultiNew",
      notes=("``op[i]`` may be NULL with ``AC_ITER_ALLOCATE``; ``op_dtypes`` may be NULL "
             "or hold NULLs.  Nothing is stolen.  Free with ``ACIter_Deallocate``.",)),
    F(50, "ACIter_AdvancedNew", "ACIter *",
      "int nop, ACArrayObject **op, ac_uint32 flags, AC_ORDER order, AC_CASTING casting, "
      "ac_uint32 *op_flags, ACArray_Descr **op_dtypes, int oa_ndim, int **op_axes, "
      "const ac_intp *itershape, ac_intp buffersize",
      "ACIter_MultiNew with op_axes, an iteration shape and a buffer size.",
      error="NULL", added=0x2, impl="capi_IterAdvancedNew",
      notes=("``oa_ndim`` -1 (or 0 with ``op_axes`` NULL) means no ``op_axes``; "
             "``op_axes[i]`` may be NULL; entries -1 are new axes.  ``itershape`` "
             "(NULL, or ``oa_ndim`` entries, -1 for free) and ``buffersize`` (0: "
             "default) as in NumPy.",)),
    F(51, "ACIter_Deallocate", "int", "ACIter *iter",
      "Write back (buffers, UPDATEIFCOPY copies), release and free an iterator; NULL is accepted.",
      error="-1", added=0x2, impl="capi_IterDeallocate",
      notes=("Returns 0, or -1 with an exception set when a write-back failed "
             "(the iterator is freed in both cases).  NumPy's NpyIter_Deallocate "
             "returns NPY_SUCCEED/NPY_FAIL: ``npy_compat.h`` converts.",)),
    F(52, "ACIter_Copy", "ACIter *", "ACIter *iter",
      "An independent copy of an iterator at its position.", error="NULL", added=0x2,
      impl="capi_IterCopy"),
    F(53, "ACIter_Reset", "int", "ACIter *iter, char **errmsg",
      "Back to the start of the iteration range; 0 or -1.", error="-1", added=0x2,
      impl="capi_IterReset",
      notes=("With ``errmsg`` non-NULL no exception is set on error; ``*errmsg`` "
             "points at a static message instead (as NumPy).",)),
    F(54, "ACIter_ResetToIterIndexRange", "int",
      "ACIter *iter, ac_intp istart, ac_intp iend, char **errmsg",
      "Restrict a RANGED iterator to [istart, iend) and reset; 0 or -1.", error="-1",
      added=0x2, impl="capi_IterResetToIterIndexRange"),
    F(55, "ACIter_ResetBasePointers", "int", "ACIter *iter, char **baseptrs, char **errmsg",
      "Reset with new base data pointers (same layouts); 0 or -1.", error="-1", added=0x2,
      impl="capi_IterResetBasePointers"),
    F(56, "ACIter_GotoIterIndex", "int", "ACIter *iter, ac_intp iterindex",
      "Jump to an iteration index within the range; 0 or -1.", error="-1", added=0x2,
      impl="capi_IterGotoIterIndex"),
    F(57, "ACIter_GotoMultiIndex", "int", "ACIter *iter, const ac_intp *multi_index",
      "Jump to a multi-index (MULTI_INDEX iterators); 0 or -1.", error="-1", added=0x2,
      impl="capi_IterGotoMultiIndex"),
    F(58, "ACIter_GotoIndex", "int", "ACIter *iter, ac_intp index",
      "Jump to a flat C or F index (C_INDEX/F_INDEX iterators); 0 or -1.", error="-1",
      added=0x2, impl="capi_IterGotoIndex"),
    F(59, "ACIter_GetIterIndex", "ac_intp", "ACIter *iter",
      "The current iteration index.", error="-1", added=0x2, impl="capi_IterGetIterIndex"),
    F(60, "ACIter_GetIterSize", "ac_intp", "ACIter *iter",
      "The number of elements iterated (the whole range).", error="-1", added=0x2,
      impl="capi_IterGetIterSize"),
    F(61, "ACIter_GetIterIndexRange", "int", "ACIter *iter, ac_intp *istart, ac_intp *iend",
      "The iteration range [istart, iend); 0 or -1.", error="-1", added=0x2,
      impl="capi_IterGetIterIndexRange"),
    F(62, "ACIter_GetIterNext", "ACIter_IterNextFunc *", "ACIter *iter, char **errmsg",
      "The function that advances the iterator: 1 while more, 0 at the end.",
      error="NULL", added=0x2, impl="capi_IterGetIterNext",
      notes=("Call it without the GIL if you like; a failed buffer copy makes it "
             "return 0 with MemoryError set (it takes the GIL for that).  Fetch it "
             "again after RemoveAxis, RemoveMultiIndex or EnableExternalLoop.",)),
    F(63, "ACIter_GetGetMultiIndex", "ACIter_GetMultiIndexFunc *", "ACIter *iter, char **errmsg",
      "The function that stores the current multi-index (MULTI_INDEX iterators).",
      error="NULL", added=0x2, impl="capi_IterGetGetMultiIndex"),
    F(64, "ACIter_GetDataPtrArray", "char **", "ACIter *iter",
      "The current data pointers, one per operand (updated in place by iternext).",
      error="NULL", added=0x2, impl="capi_IterGetDataPtrArray"),
    F(65, "ACIter_GetInitialDataPtrArray", "char **", "ACIter *iter",
      "The data pointers at iteration index 0 (not buffered).", error="NULL", added=0x2,
      impl="capi_IterGetInitialDataPtrArray"),
    F(66, "ACIter_GetIndexPtr", "ac_intp *", "ACIter *iter",
      "Where the current C or F index is kept (C_INDEX/F_INDEX iterators).", error="NULL",
      added=0x2, impl="capi_IterGetIndexPtr"),
    F(67, "ACIter_GetInnerStrideArray", "ac_intp *", "ACIter *iter",
      "The inner-loop strides, one per operand.", error="NULL", added=0x2,
      impl="capi_IterGetInnerStrideArray"),
    F(68, "ACIter_GetInnerLoopSizePtr", "ac_intp *", "ACIter *iter",
      "Where the inner-loop size is kept (EXTERNAL_LOOP; else it is 1).", error="NULL",
      added=0x2, impl="capi_IterGetInnerLoopSizePtr"),
    F(69, "ACIter_GetInnerFixedStrideArray", "int", "ACIter *iter, ac_intp *out_strides",
      "Inner strides that stay fixed for the whole iteration; 0 or -1.", error="-1",
      added=0x2, impl="capi_IterGetInnerFixedStrideArray"),
    F(70, "ACIter_GetNDim", "int", "ACIter *iter",
      "Dimensions iterated (the multi-index length with MULTI_INDEX).", error="-1",
      added=0x2, impl="capi_IterGetNDim"),
    F(71, "ACIter_GetNOp", "int", "ACIter *iter", "The number of operands.", error="-1",
      added=0x2, impl="capi_IterGetNOp"),
    F(72, "ACIter_GetShape", "int", "ACIter *iter, ac_intp *outshape",
      "The iteration shape (as nditer.shape); 0 or -1.", error="-1", added=0x2,
      impl="capi_IterGetShape"),
    F(73, "ACIter_GetOperandArray", "ACArrayObject **", "ACIter *iter",
      "The operands (borrowed references; allocated outputs included).", error="NULL",
      added=0x2, impl="capi_IterGetOperandArray"),
    F(74, "ACIter_GetDescrArray", "ACArray_Descr **", "ACIter *iter",
      "The data types the operands are seen with (borrowed).", error="NULL", added=0x2,
      impl="capi_IterGetDescrArray"),
    F(75, "ACIter_GetIterView", "PyObject *", "ACIter *iter, ac_intp i",
      "Operand i viewed in iteration order (new reference).", error="NULL", added=0x2,
      impl="capi_IterGetIterView"),
    F(76, "ACIter_HasMultiIndex", "int", "ACIter *iter", "1 if a multi-index is tracked.",
      error="0?", added=0x2, impl="capi_IterHasMultiIndex"),
    F(77, "ACIter_HasIndex", "int", "ACIter *iter", "1 if a C or F index is tracked.",
      error="0?", added=0x2, impl="capi_IterHasIndex"),
    F(78, "ACIter_HasExternalLoop", "int", "ACIter *iter", "1 with EXTERNAL_LOOP.",
      error="0?", added=0x2, impl="capi_IterHasExternalLoop"),
    F(79, "ACIter_RequiresBuffering", "int", "ACIter *iter",
      "1 if some operand goes through a cast buffer.", error="0?", added=0x2,
      impl="capi_IterRequiresBuffering"),
    F(80, "ACIter_IsBuffered", "int", "ACIter *iter", "1 if built with BUFFERED.",
      error="0?", added=0x2, impl="capi_IterIsBuffered"),
    F(81, "ACIter_GetBufferSize", "ac_intp", "ACIter *iter",
      "The buffer size in elements (0 when not buffered).", error="-1", added=0x2,
      impl="capi_IterGetBufferSize"),
    F(82, "ACIter_RemoveAxis", "int", "ACIter *iter, int axis",
      "Stop iterating over an axis (MULTI_INDEX iterators); resets; 0 or -1.", error="-1",
      added=0x2, impl="capi_IterRemoveAxis"),
    F(83, "ACIter_RemoveMultiIndex", "int", "ACIter *iter",
      "Stop tracking the multi-index (axes coalesce); resets; 0 or -1.", error="-1",
      added=0x2, impl="capi_IterRemoveMultiIndex"),
    F(84, "ACIter_EnableExternalLoop", "int", "ACIter *iter",
      "Hand out 1-d inner loops from now on; resets; 0 or -1.", error="-1", added=0x2,
      impl="capi_IterEnableExternalLoop"),
    F(85, "ACIter_ForEachSlice", "int",
      "int nop, ACArrayObject **ops, const ac_uint32 *op_flags, int k, const int *axes, "
      "ACIter_SliceFunc *fn, void *ctx",
      "Call fn, without the GIL, on every k-d slice (the `axes` kept) of the operands broadcast together.",
      error="-1", added=0x2, impl="capi_IterForEachSlice",
      notes=("The helper NumPy lacks: iterate over all axes but k of N broadcast "
             "operands.  ``fn(dataptrs, shape, strides, ctx)`` gets the kept axes' "
             "``shape[k]`` and ``strides[op * k + j]``; it must not touch Python "
             "objects.  ``op_flags`` may be NULL (all read-only) or give "
             "``AC_ITER_READONLY``/``READWRITE``/``WRITEONLY`` per operand (written "
             "operands must be writeable and not broadcast along the walked axes; "
             "along the kept axes fn sees their zero strides).  No casts: fn gets "
             "the operands' memory as it is (byte order, alignment).  Returns 0 when every "
             "slice was visited, fn's first non-zero return value when it stopped "
             "the walk (return positive values), or -1 with an exception set on bad "
             "input.",)),

    # ---- FFT plans (the engine of arraycore.fft, on raw strided memory) ---
    F(86, "ACFFT_PlanNew", "ACFFT_Plan *", "int kind, int precision, ac_intp n",
      "A plan for transforms of length n: kind AC_FFT_C2C, AC_FFT_R2C or AC_FFT_C2R, "
      "precision AC_FFT_DOUBLE or AC_FFT_FLOAT.",
      error="NULL", added=0x3, impl="capi_FFTPlanNew",
      notes=("ValueError for a bad kind or precision or n < 1, MemoryError when the "
             "plan cannot be allocated.  Plans of the same (kind, precision, n) share "
             "arraycore's cached twiddles and factorization, so making one is cheap "
             "after the first.  A plan is immutable and may be used by any number of "
             "threads at once; release it with ACFFT_PlanFree.",)),
    F(87, "ACFFT_Execute", "int",
      "const ACFFT_Plan *plan, int forward, double fct, ac_intp howmany, const char *in, "
      "ac_intp idist, ac_intp istride, char *out, ac_intp odist, ac_intp ostride",
      "Run `howmany` transforms of the plan on raw strided memory; callable without the GIL.",
      error="-1", added=0x3, impl="capi_FFTExecute", nogil=True,
      notes=("Transform k reads its input at ``in + k * idist`` with elements "
             "``istride`` bytes apart and writes ``out + k * odist``, elements "
             "``ostride`` bytes apart (strides and distances in bytes, any sign).  "
             "C2C reads and writes n complex values and is forward (exponent -1) when "
             "``forward`` is non-zero; R2C reads n reals and writes n/2+1 complex "
             "values; C2R reads n/2+1 complex values (the imaginary parts of the first "
             "and, for even n, the last are ignored) and writes n reals.  Every output "
             "is multiplied by ``fct`` (1.0: unnormalized; 1.0/n: NumPy's backward "
             "normalization of the inverse).  Data must be native-endian and aligned "
             "to its real type; ``in`` and ``out`` may be the same memory with the same "
             "layout (in place); other overlaps are undefined.",
             "Returns 0, or a negative code without setting an exception (it may run "
             "without the GIL): ``AC_FFT_EBADARGS`` (NULL plan, ``howmany`` < 0), "
             "``AC_FFT_ENOMEM``, or ``AC_FFT_EINTR`` when Ctrl-C arrived inside "
             "``AC_SIGINT_ON`` (checked between blocks of transforms).  Raise from the "
             "code after taking the GIL back.",)),
    F(88, "ACFFT_PlanFree", "int", "ACFFT_Plan *plan",
      "Release a plan (NULL is accepted); always returns 0; callable without the GIL.",
      error="-1", added=0x3, impl="capi_FFTPlanFree", nogil=True),
]


@dataclass(frozen=True)
class Macro:
    """A macro of the generated header, built on the table entries."""

    name: str
    params: str                # "(m, type, req)", or "" for an object-like macro
    body: str
    doc: str
    added: int = 0x1
    deprecated: str = ""
    uses: tuple = field(default_factory=tuple)   # entries it needs


MACROS = [
    Macro("ACArray_FROM_OTF", "(m, type, req)", "_ac_from_otf((m), (type), (req))",
          "ACArray_FromAny with the data type given by number (AC_NOTYPE: keep), "
          "no depth limits; ENSURECOPY adds AC_ARRAY_DEFAULT.",
          uses=("ACArray_FromAny", "ACArray_DescrFromType")),
    Macro("ACArray_FROM_OT", "(m, type)", "_ac_from_otf((m), (type), 0)",
          "ACArray_FROM_OTF with no requirements.",
          uses=("ACArray_FromAny", "ACArray_DescrFromType")),
    Macro("ACArray_FROM_OF", "(m, req)", "ACArray_CheckFromAny((m), NULL, 0, 0, (req), NULL)",
          "ACArray_CheckFromAny keeping the data type.", uses=("ACArray_CheckFromAny",)),
    Macro("ACArray_FROM_O", "(m)", "ACArray_FromAny((m), NULL, 0, 0, 0, NULL)",
          "Any object to an array, copying only when needed.", uses=("ACArray_FromAny",)),
    Macro("ACArray_FROMANY", "(m, type, min, max, req)",
          "_ac_fromany((m), (type), (min), (max), (req))",
          "ACArray_FROM_OTF with depth limits.",
          uses=("ACArray_FromAny", "ACArray_DescrFromType")),
    Macro("ACArray_ContiguousFromObject", "(op, type, min_depth, max_depth)",
          "ACArray_ContiguousFromAny((op), (type), (min_depth), (max_depth))",
          "Deprecated spelling of ACArray_ContiguousFromAny.",
          deprecated="use ACArray_ContiguousFromAny", uses=("ACArray_ContiguousFromAny",)),
]


def by_slot() -> dict:
    return {e.slot: e for e in ENTRIES}


def validate() -> None:
    """Structural checks of the spec (slots dense and unique, names unique)."""
    slots = [e.slot for e in ENTRIES]
    if slots != list(range(len(ENTRIES))):
        raise ValueError(f"slots must be 0..{len(ENTRIES) - 1} in order, got {slots}")
    names = [e.name for e in ENTRIES]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise ValueError(f"duplicate entry names: {sorted(dup)}")
    for e in ENTRIES:
        if e.added > API_VERSION:
            raise ValueError(f"{e.name}: added in 0x{e.added:x} > API_VERSION 0x{API_VERSION:x}")
        if e.added not in API_VERSIONS:
            raise ValueError(f"{e.name}: API version 0x{e.added:x} not in API_VERSIONS")
        if e.kind == "function" and e.error not in ("NULL", "-1", "0", "0?"):
            raise ValueError(f"{e.name}: bad error spec {e.error!r}")
    if [e.slot for e in ENTRIES[:5]] != [0, 1, 2, 3, 4]:
        raise ValueError("slots 0..4 are the table header")


TABLE_SIZE = len(ENTRIES)
