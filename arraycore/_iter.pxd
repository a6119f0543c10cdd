# arraycore/_iter.pxd -- the general multi-operand iterator (ACIter) for the
# other modules and the C-API: the engine struct of src/ac_iter.h, its C
# functions, and the one builder from operands + flags (used by nditer and by
# ACIter_New / ACIter_MultiNew / ACIter_AdvancedNew).
from arraycore._types cimport ac_intp, ac_uint32
from arraycore._ccore cimport ac_opinfo

cdef extern from "ac_iter.h":
    ctypedef struct ACIter:
        unsigned int flags
        int ndim, orig_ndim, nop, ntot, cap_ndim
        ac_intp itersize, iterstart, iterend, iterindex
        ac_intp innersize, chunksize, chunkpos, buffersize
        ac_intp *shape
        ac_intp *coords
        ac_intp *strides
        int *perm
        ac_intp *origshape
        char **baseptrs
        ac_intp *baseoffsets
        char **ptrs
        char **bufptrs
        char **dataptrs
        ac_intp *innerstrides
        char **buffers
        int *opflags
        ac_opinfo *opinfo
        ac_opinfo *bufinfo
        int error
        void **opobjs
        void **opdescrs
        void **writeback
        void *pyowner

# function pointer types of the engine (C: ACIter_IterNextFunc *, ACIter_SliceFunc *)
ctypedef int (*aci_next_fn)(ACIter *it) noexcept nogil
ctypedef void (*aci_multi_index_fn)(ACIter *it, ac_intp *out) noexcept nogil
ctypedef int (*aci_slice_fn)(char **dataptrs, const ac_intp *shape,
                             const ac_intp *strides, void *ctx) noexcept nogil

cdef extern from "ac_iter.h":
    enum:
        AC_MAXARGS
        AC_ITER_C_INDEX, AC_ITER_F_INDEX, AC_ITER_MULTI_INDEX, AC_ITER_EXTERNAL_LOOP
        AC_ITER_COMMON_DTYPE, AC_ITER_REFS_OK, AC_ITER_ZEROSIZE_OK, AC_ITER_REDUCE_OK
        AC_ITER_RANGED, AC_ITER_BUFFERED, AC_ITER_GROWINNER, AC_ITER_DELAY_BUFALLOC
        AC_ITER_DONT_NEGATE_STRIDES, AC_ITER_COPY_IF_OVERLAP
        AC_ITER_READWRITE, AC_ITER_READONLY, AC_ITER_WRITEONLY, AC_ITER_NBO
        AC_ITER_ALIGNED, AC_ITER_CONTIG, AC_ITER_COPY, AC_ITER_UPDATEIFCOPY
        AC_ITER_ALLOCATE, AC_ITER_NO_SUBTYPE, AC_ITER_VIRTUAL, AC_ITER_NO_BROADCAST
        AC_ITER_WRITEMASKED, AC_ITER_ARRAYMASK, AC_ITER_OVERLAP_ASSUME_ELEMENTWISE
        AC_ITER_GLOBAL_FLAGS, AC_ITER_PER_OP_FLAGS
        ACI_HASINDEX, ACI_BUFMODE, ACI_DIRTY, ACI_EMPTY, ACI_MULTIROW
        ACI_OP_READ, ACI_OP_WRITE, ACI_OP_BUFFER
    ACIter *aci_alloc(int ndim, int nop, int has_index) nogil
    void aci_free(ACIter *it) nogil
    void aci_best_order(int ndim, int nop, const ac_intp *strides, int order, int *perm) nogil
    void aci_setup(ACIter *it, const ac_intp *ostrides, int order) nogil
    void aci_coalesce(ACIter *it) nogil
    int aci_reset(ACIter *it) nogil
    int aci_goto_iterindex(ACIter *it, ac_intp i) nogil
    int aci_goto_multi_index(ACIter *it, const ac_intp *idx) nogil
    int aci_goto_index(ACIter *it, ac_intp index) nogil
    void aci_get_multi_index(ACIter *it, ac_intp *out) nogil
    ac_intp aci_get_index(ACIter *it) nogil
    int aci_flush(ACIter *it) nogil
    int aci_remove_axis(ACIter *it, int axis) nogil
    ACIter *aci_copy(ACIter *it) nogil
    aci_next_fn aci_get_iternext(ACIter *it) nogil
    int aci_foreach_slice(int ndim, const ac_intp *shape, int nop, char **ptrs,
                          const ac_intp *strides, int k, const int *axes,
                          aci_slice_fn fn, void *ctx) nogil

# Build an iterator.  ops: list of arrays / array-likes / None (allocate);
# op_flags: list of per-operand AC_ITER_* flags; op_dtypes: list of dtype-likes
# or None; op_axes: None or a list (per operand None or a list of axes, -1 for
# a new axis); itershape: None or a sequence (-1 = free).  Raises on bad input.
cdef ACIter *iter_build(list ops, ac_uint32 flags, list op_flags, object op_dtypes,
                        int order, int casting, object op_axes, object itershape,
                        ac_intp buffersize) except NULL
# Write back pending buffers and COPY/UPDATEIFCOPY temporaries, release the
# references and free.  NULL is accepted.  Raises when a write-back failed
# (the iterator is freed anyway).
cdef int iter_release(ACIter *it) except -1
cdef int iter_finish(ACIter *it) except -1      # the write-backs only (nditer.close)
cdef int iter_check_error(ACIter *it) except -1    # MemoryError when a buffer copy failed
# The iternext function to hand out: buffered iterators get a checked one.
cdef aci_next_fn iter_get_next(ACIter *it) noexcept
cdef int iter_reset_range(ACIter *it, ac_intp start, ac_intp end) except -1
cdef int iter_goto_iterindex(ACIter *it, ac_intp i) except -1
cdef int iter_goto_multi_index(ACIter *it, const ac_intp *idx) except -1
cdef int iter_goto_index(ACIter *it, ac_intp i) except -1
cdef int iter_remove_axis(ACIter *it, int axis) except -1
cdef int iter_remove_multi_index(ACIter *it) except -1
cdef int iter_enable_external_loop(ACIter *it) except -1
cdef ACIter *iter_copy(ACIter *it) except NULL
cdef object iter_view(ACIter *it, int i)       # the operand in iteration order
cdef tuple iter_shape(ACIter *it)
# Walk all but the k given axes of the operands broadcast together, without
# the GIL.  op_flags: NULL (all read-only) or per operand AC_ITER_* flags.
cdef int foreach_slice(list ops, const ac_uint32 *op_flags, int k, const int *axes,
                       aci_slice_fn fn, void *ctx) except? -1
