# arraycore/_driver.pxd -- the loop driver of src/ac_driver.h for arraycore's
# Cython modules, and the Ctrl-C wrapping of their nogil kernels:
#
#     sigint_begin()
#     with nogil:
#         r = kernel(...)          # polls ac_sigint_flag (e.g. through ac_drive)
#     sigint_end(r)                # KeyboardInterrupt when a SIGINT came
#
# Declarations and inline functions only (no module of its own): each module
# calls the driver's C functions it links.
from arraycore._types cimport ac_intp

cdef extern from "ac_driver.h" nogil:
    enum:
        AC_DRIVE_MAXOPS
        AC_DRIVE_COALESCE, AC_DRIVE_SORT, AC_DRIVE_SIMPLIFY
        AC_DRIVE_BADARGS, AC_DRIVE_INTERRUPTED
    ctypedef int (*ac_drive_inner_fn "ac_inner_loop_fn")(
        char **ptrs, ac_intp count, const ac_intp *strides, void *ctx) noexcept nogil
    int ac_sigint_flag
    int ac_loop_error
    int ac_sigint_on()
    int ac_sigint_off()
    int ac_drive_simplify(int ndim, ac_intp *shape, int nop, ac_intp *strides,
                          int key_op, int flags)
    int ac_drive(int ndim, const ac_intp *shape, int nop, char *const *ptrs,
                 const ac_intp *strides, int key_op, int flags, ac_intp chunk,
                 ac_drive_inner_fn inner, void *ctx)

cdef enum:
    # copies moving at least this many bytes watch for Ctrl-C (installing the
    # handler costs two system calls; a 1 MiB copy takes tens of microseconds)
    SIGINT_MIN_BYTES = 1048576

cdef extern from "Python.h":
    int _drv_check_signals "PyErr_CheckSignals"() except -1


cdef inline void sigint_begin() noexcept:
    """Install the polling SIGINT handler around a nogil kernel (nests)."""
    ac_sigint_on()


cdef inline int sigint_end(int r) except -1:
    """Undo sigint_begin; raise KeyboardInterrupt when a SIGINT arrived in
    between or the kernel returned AC_DRIVE_INTERRUPTED (Python's own SIGINT
    handler runs first: ac_sigint_off handed the signal on to it)."""
    if ac_sigint_off() or r == AC_DRIVE_INTERRUPTED:
        _drv_check_signals()
        raise KeyboardInterrupt()
    return 0
