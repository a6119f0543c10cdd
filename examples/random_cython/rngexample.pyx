# cython: language_level=3, boundscheck=False, wraparound=False
"""cimport arraycore.random: a bit generator's ac_bitgen_t (from its capsule)
and the distribution functions, used in nogil loops that fill arraycore
arrays."""
cimport arraycore as ac
cimport arraycore.random as acr
from libc.stdint cimport uint64_t

acr.import_arraycore_random()


def normals(gen, ac.intp_t n, double loc=0.0, double scale=1.0):
    """n draws of N(loc, scale**2) into a new float64 array, under the bit
    generator's lock, in a nogil loop"""
    cdef acr.ac_bitgen_t *bg = acr.bitgen_of(gen)
    cdef ac.ndarray out = ac.ACArray_SimpleNew(1, &n, ac.AC_DOUBLE)
    cdef double *o = <double *>out.data
    cdef ac.intp_t i
    lock = gen.lock
    with lock, nogil:
        for i in range(n):
            o[i] = acr.ac_random_normal(bg, loc, scale)
    return out


def fill_uniform(gen, ac.ndarray a):
    """fill a float64 array of any layout with U[0, 1) from next_double"""
    if a.dtype.num != ac.AC_DOUBLE or a.ndim != 1:
        raise ValueError("fill_uniform: need a 1-d float64 array")
    cdef acr.ac_bitgen_t *bg = acr.bitgen_of(gen)
    cdef ac.intp_t i, n = a.shape[0], s = a.strides[0]
    cdef char *p = a.data
    with gen.lock, nogil:
        for i in range(n):
            (<double *>(p + i * s))[0] = bg.next_double(bg.state)
    return a


def raw(gen, ac.intp_t n):
    """n raw 64-bit words, read through next_uint64"""
    cdef acr.ac_bitgen_t *bg = acr.bitgen_of(gen)
    cdef ac.ndarray out = ac.ACArray_SimpleNew(1, &n, ac.AC_ULONGLONG)
    cdef uint64_t *o = <uint64_t *>out.data
    cdef ac.intp_t i
    with gen.lock, nogil:
        for i in range(n):
            o[i] = bg.next_uint64(bg.state)
    return out


def poissons(gen, ac.intp_t n, double lam):
    cdef acr.ac_bitgen_t *bg = acr.bitgen_of(gen)
    cdef ac.ndarray out = ac.ACArray_SimpleNew(1, &n, ac.AC_LONGLONG)
    cdef long long *o = <long long *>out.data
    cdef ac.intp_t i
    with gen.lock, nogil:
        for i in range(n):
            o[i] = acr.ac_random_poisson(bg, lam)
    return out
