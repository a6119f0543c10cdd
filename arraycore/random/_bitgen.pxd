# arraycore/random/_bitgen.pxd -- the BitGenerator base type: its C state and
# the ac_bitgen_t the Generator draws through.
from arraycore.random._crandom cimport ac_bitgen_t

cdef class BitGenerator:
    cdef ac_bitgen_t _bitgen
    cdef void *_state
    cdef int _kind
    cdef object _seed_seq
    cdef public object lock
    cdef object _capsule
    cdef int _alloc(self, size_t nbytes, int kind) except -1
