# arraycore/_convert.pxd -- conversion of foreign objects into arrays (see _convert.pyx).
from arraycore._dtype cimport dtype
from arraycore._core cimport ndarray

cdef ndarray _asarray(object obj, dtype dt, object copy)   # dt None: discover
cdef ndarray from_sequence(object seq, dtype dt)
cdef ndarray from_scalar(object x, dtype dt)
cdef ndarray from_buffer(object obj)
