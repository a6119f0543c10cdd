# arraycore/_driver.pxd -- the loop driver of src/ac_driver.h (in libaccore)
# for arraycore's Cython modules.  Ctrl-C around a nogil kernel is
# _errstate's (sigint_on / sigint_done, on the driver's one handler):
#
#     sigint_on()
#     with nogil:
#         r = kernel(...)          # polls ac_sigint_flag (e.g. through ac_drive)
#     sigint_done(r == AC_DRIVE_INTERRUPTED)   # KeyboardInterrupt when a SIGINT came
from arraycore._types cimport ac_intp

cdef extern from "ac_driver.h" nogil:
    enum:
        AC_DRIVE_MAXOPS
        AC_DRIVE_COALESCE, AC_DRIVE_SORT, AC_DRIVE_SIMPLIFY
        AC_DRIVE_BADARGS, AC_DRIVE_INTERRUPTED
    ctypedef int (*ac_drive_inner_fn "ac_inner_loop_fn")(
        char **ptrs, ac_intp count, const ac_intp *strides, void *ctx) noexcept nogil
    int ac_loop_error
    int ac_drive_simplify(int ndim, ac_intp *shape, int nop, ac_intp *strides,
                          int key_op, int flags)
    int ac_drive(int ndim, const ac_intp *shape, int nop, char *const *ptrs,
                 const ac_intp *strides, int key_op, int flags, ac_intp chunk,
                 ac_drive_inner_fn inner, void *ctx)

cdef enum:
    # copies moving at least this many bytes watch for Ctrl-C (installing the
    # handler costs two system calls; a 1 MiB copy takes tens of microseconds)
    SIGINT_MIN_BYTES = 1048576
