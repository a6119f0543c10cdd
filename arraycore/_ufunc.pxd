# arraycore/_ufunc.pxd -- the ufunc object: one home for type resolution,
# broadcasting of operands, output allocation and running inner loops.
from arraycore._types cimport ac_intp
from arraycore._dtype cimport dtype
from arraycore._core cimport ndarray

cdef extern from "ac_umath.h":
    ctypedef void (*ACUFuncGenericFunction)(char **args, const ac_intp *dimensions,
                                            const ac_intp *steps, void *data) noexcept nogil
    enum:
        AC_UFUNC_MAXARGS

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
    cdef object __weakref__

# Call a ufunc: args are the inputs (arrays or scalars); out None or a tuple
# of nout arrays/None; where True or a mask; casting a Casting value;
# sig None or the output dtype.  Returns an array (nout == 1) or a tuple.
cdef object ufunc_call(ufunc uf, tuple args, object out, object where,
                       int casting, dtype sig, int order)
cdef object ufunc_reduce(ufunc uf, object a, object axis, dtype dt, object out,
                         bint keepdims, object initial, object where)
cdef ufunc get_ufunc(str name)
# shared with _gufunc: type resolution, loop running, construction
cdef int resolve(ufunc uf, list ins, int *tin, dtype sig, int casting) except -1
cdef int run_loop(ACUFuncGenericFunction fn, void *data, int nd, const ac_intp *shape,
                  int nop, char **ptrs, const ac_intp *strides, int key_op) except -1
cdef ufunc new_ufunc(str name, int nin, int nout, int ntypes, const unsigned char *types,
                     ACUFuncGenericFunction *funcs, void **data, int identity,
                     object identity_value, str doc)
cdef int register_loop(ufunc uf, const unsigned char *types, ACUFuncGenericFunction fn,
                       void *data) except -1
cdef void sigint_on() noexcept
cdef int sigint_off() noexcept
cdef int sigint_pending() noexcept nogil
cdef bint _overlaps(ndarray x, ndarray y) noexcept      # memory extents intersect
cdef object _call_fast(ufunc uf, tuple args)                # None: take the general path
cdef int fpe_check(ufunc uf) except -1                     # report FP exceptions of a loop
cdef int reduce_axes(object axis, int nd, char *red) except -1   # marks reduced axes; count
# The generalized-ufunc call: _gufunc installs it at import (a C function
# pointer, so gufunc calls and a @ b do not go through Python).
ctypedef object (*gufunc_call_fn)(ufunc uf, tuple args, object out, object where,
                                  int casting, dtype sig, object axes, object axis,
                                  object keepdims)
cdef gufunc_call_fn gufunc_impl
