# arraycore/_ufunc.pxd -- the ufunc object: one home for type resolution,
# broadcasting of operands, output allocation and running inner loops
# (_ufunc.pyx); shared with _reduction, _gufunc, _stats and _capi.
from arraycore._types cimport ac_intp, AC_MAXDIMS, AC_ARRAY_ALIGNED
from arraycore._dtype cimport dtype
from arraycore._core cimport ndarray

cdef extern from "ac_umath.h":
    ctypedef void (*ACUFuncGenericFunction)(char **args, const ac_intp *dimensions,
                                            const ac_intp *steps, void *data) noexcept nogil
    enum:
        AC_UFUNC_MAXARGS

cdef extern from "arraycore/acufunc.h":
    enum:
        ACUFunc_Zero, ACUFunc_One, ACUFunc_MinusOne, ACUFunc_None
        ACUFunc_ReorderableNone, ACUFunc_IdentityValue

cdef enum:
    NOGIL_SIZE = 8192           # loops at least this long run without the GIL
    MAXD = AC_MAXDIMS

cdef class ufunc:
    cdef readonly object __name__
    cdef readonly int nin
    cdef readonly int nout
    cdef readonly int nargs
    cdef readonly int ntypes
    cdef unsigned char *_types          # ntypes * nargs dense type indices (owned)
    cdef ACUFuncGenericFunction *_funcs # ntypes loops (owned array)
    cdef void **_data                   # ntypes loop data pointers (owned array)
    cdef int _identity                  # ACUFunc_* identity kind
    cdef object _identity_value         # the identity as a Python value (or None)
    cdef object _doc
    cdef object _keep                   # objects kept alive for external loops
    cdef int _flags                     # UF_* behaviour bits of built-ins
    cdef signed char _cache[196]        # nin <= 2: dense input types -> loop (-1 unknown)
    # generalized ufuncs
    cdef object _signature              # the signature string, or None
    cdef object _core                   # parsed core dims (see _gufunc), or None
    cdef void *_vectorcall              # the vectorcallfunc of calls (PEP 590)
    cdef object __weakref__

cdef object NOVALUE                     # "argument not given" (reduce's initial=)

# Call a ufunc: args are the inputs (arrays or scalars); out None or a tuple
# of nout arrays/None; where True or a mask; casting a Casting value;
# sig None or the output dtype.  Returns an array (nout == 1) or a tuple.
cdef object ufunc_call(ufunc uf, tuple args, object out, object where,
                       int casting, dtype sig, int order)
cdef object _call_fast(ufunc uf, tuple args, object out=*)  # None: take the general path
cdef ufunc get_ufunc(str name)
# type resolution: the loop for dense input types tin (-1: none); resolve
# also fills tin from the inputs (weak Python scalars) and raises when none
cdef int _find_loop(ufunc uf, const int *tin, dtype sig, int casting) except -2
cdef int resolve(ufunc uf, list ins, int *tin, dtype sig, int casting) except -1
# running loops: over an N-d space (strides [op * MAXD + d]), or 1-d
cdef int run_loop(ACUFuncGenericFunction fn, void *data, int nd, const ac_intp *shape,
                  int nop, char **ptrs, const ac_intp *strides, int key_op) except -1
cdef int _run_flat(ufunc uf, int li, ac_intp n, int nop, char **ptrs,
                   const ac_intp *steps) except -1
cdef int fpe_check(ufunc uf) except -1                     # report FP exceptions of a loop
# construction
cdef ufunc new_ufunc(str name, int nin, int nout, int ntypes, const unsigned char *types,
                     ACUFuncGenericFunction *funcs, void **data, int identity,
                     object identity_value, str doc)
cdef int register_loop(ufunc uf, const unsigned char *types, ACUFuncGenericFunction fn,
                       void *data) except -1
# helpers
cdef int check_out_cast(ufunc uf, dtype d, dtype to, int casting) except -1
cdef object ufunc_type_error(str msg)                      # a UFuncTypeError(msg)


cdef inline bint _is_pyscalar(object x):
    t = type(x)
    return t is float or t is int or t is bool or t is complex


cdef inline bint _direct(ndarray a, int t) noexcept:
    """a can be handed to a loop of type t as it is."""
    return (a.descr.tidx == t and not a.descr.swapped
            and (a.flags & AC_ARRAY_ALIGNED) != 0)
# The generalized-ufunc call: _gufunc installs it at import (a C function
# pointer, so gufunc calls and a @ b do not go through Python).
ctypedef object (*gufunc_call_fn)(ufunc uf, tuple args, object out, object where,
                                  int casting, dtype sig, object axes, object axis,
                                  object keepdims)
cdef gufunc_call_fn gufunc_impl
