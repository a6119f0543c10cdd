# arraycore/random/__init__.pxd -- `cimport arraycore.random`: the bit
# generator struct (NumPy's bitgen_t layout) taken from a BitGenerator's
# capsule, and the distribution functions as `noexcept nogil` C functions
# (include/arraycore/acrandom.h).  Call import_arraycore_random() once (at
# module import) before the ac_random_* functions; hold the bit generator's
# `lock` (or own the generator) while drawing.
from libc.stdint cimport uint64_t, uint32_t, int64_t
from cpython.pycapsule cimport PyCapsule_GetPointer

cdef extern from "arraycore/acrandom.h":
    ctypedef struct ac_bitgen_t:
        void *state
        uint64_t (*next_uint64)(void *st) noexcept nogil
        uint32_t (*next_uint32)(void *st) noexcept nogil
        double (*next_double)(void *st) noexcept nogil
        uint64_t (*next_raw)(void *st) noexcept nogil

    int import_arraycore_random() except -1
    double ac_random_standard_uniform(ac_bitgen_t *bg) noexcept nogil
    double ac_random_standard_normal(ac_bitgen_t *bg) noexcept nogil
    double ac_random_standard_exponential(ac_bitgen_t *bg) noexcept nogil
    double ac_random_standard_gamma(ac_bitgen_t *bg, double shape) noexcept nogil
    double ac_random_normal(ac_bitgen_t *bg, double loc, double scale) noexcept nogil
    double ac_random_uniform(ac_bitgen_t *bg, double low, double range) noexcept nogil
    double ac_random_beta(ac_bitgen_t *bg, double a, double b) noexcept nogil
    int64_t ac_random_poisson(ac_bitgen_t *bg, double lam) noexcept nogil
    int64_t ac_random_binomial(ac_bitgen_t *bg, int64_t n, double p) noexcept nogil
    uint64_t ac_random_bounded_uint64(ac_bitgen_t *bg, uint64_t off, uint64_t rng) noexcept nogil


cdef inline ac_bitgen_t *bitgen_of(object bit_generator) except NULL:
    """the ac_bitgen_t of a BitGenerator (or of a Generator's bit generator)"""
    if hasattr(bit_generator, "bit_generator"):
        bit_generator = bit_generator.bit_generator
    return <ac_bitgen_t *>PyCapsule_GetPointer(bit_generator.capsule, "BitGenerator")
