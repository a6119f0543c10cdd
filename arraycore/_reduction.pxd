# arraycore/_reduction.pxd -- the ufunc methods reduce, accumulate, reduceat
# and at (see _reduction.pyx), for _ufunc's methods and for _stats.
from arraycore._dtype cimport dtype
from arraycore._ufunc cimport ufunc

# axis: None, an int or a tuple of ints; marks red[0:nd]; returns how many
cdef int reduce_axes(object axis, int nd, char *red) except -1
# ufunc.reduce: dt None for the default loop type; initial NOVALUE (or None) for
# the ufunc's identity; where True or a boolean mask
cdef object ufunc_reduce(ufunc uf, object a, object axis, dtype dt, object out,
                         bint keepdims, object initial, object where)
cdef object ufunc_accumulate(ufunc uf, object arr, object axis, dtype dt, object out)
cdef object ufunc_reduceat(ufunc uf, object arr, object indices, object axis, dtype dt,
                           object out)
cdef object ufunc_at(ufunc uf, object arr, object indices, object b)
