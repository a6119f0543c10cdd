# arraycore/_convert.pxd -- conversion of foreign objects into arrays (see _convert.pyx).
from arraycore._dtype cimport dtype
from arraycore._core cimport ndarray

cdef ndarray _asarray(object obj, dtype dt, object copy)   # dt None: discover
cdef ndarray from_sequence(object seq, dtype dt)
cdef ndarray from_scalar(object x, dtype dt)
cdef ndarray from_buffer(object obj)
# obj as an array meeting the C-API's AC_ARRAY_* requirements (ACArray_FromAny)
cdef ndarray from_any(object obj, dtype d, int min_depth, int max_depth, int req,
                      bint check, str fn)
# THE convert-to-array helper: x itself when it is an ndarray (and copy is not
# asked for), else asarray(x, copy=copy)
cdef ndarray as_array(object x, object copy=*)
