# arraycore/_ccore.pxd -- entry points of the C core (libaccore, src/ac_internal.h)
# for arraycore's Cython modules: the aligned allocator, half-precision
# conversions, the copy/cast engine and byte swapping.  The loop driver is in
# _driver.pxd; the types these use are in _types.pxd.
from arraycore._types cimport ac_intp

cdef extern from "ac_internal.h":
    ctypedef struct ac_opinfo:
        int tidx
        int itemsize
        int swapped
        int aligned
    void *ac_data_alloc(size_t nbytes, int zero) nogil
    void ac_data_free(void *ptr) nogil
    unsigned short ac_float_to_half(float f) nogil
    unsigned short ac_double_to_half(double d) nogil
    float ac_half_to_float(unsigned short h) nogil
    double ac_half_to_double(unsigned short h) nogil
    int ac_copy_nd(int ndim, const ac_intp *shape,
                   char *dst, const ac_intp *dst_strides, const ac_opinfo *dinfo,
                   const char *src, const ac_intp *src_strides, const ac_opinfo *sinfo) nogil
    void ac_byteswap(char *p, ac_intp stride, ac_intp n, int itemsize, int is_complex) nogil
