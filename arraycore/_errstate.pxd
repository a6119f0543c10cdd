# arraycore/_errstate.pxd -- Ctrl-C and floating-point error reporting for
# every module that runs long C loops: cimport these (see _errstate.pyx).
#
#   sigint_on()                   before a long loop (GIL held; nests)
#   sigint_pending()              polled by the loop, GIL or not
#   sigint_off()                  after it: 1 if Ctrl-C came (Python is told)
#   sigint_done(stopped)          sigint_off + raise KeyboardInterrupt when
#                                 Ctrl-C came or the loop says it stopped
#   clear_fpe()                   before a loop: forget stale FPU flags
#   check_fpe(name, ignore)       after it: report the raised flags as the
#                                 calling context's errstate says
#   report_fpe(name, bits)        report AC_FPE_* bits found otherwise, the same way
cdef extern from "ac_driver.h":
    int ac_sigint_flag          # the C core's one flag (libaccore), polled by C loops
    int ac_sigint_on()          # the one SIGINT handler of the process (C, libaccore)
    int ac_sigint_off()
    void ac_sigint_ignore_in_thread(int delta)   # loops of this thread ignore Ctrl-C
    int ac_sigint_seen() nogil                   # the flag, unless this thread ignores it

cdef extern from "arraycore/acmath.h":
    enum:
        AC_FPE_DIVIDEBYZERO, AC_FPE_OVERFLOW, AC_FPE_UNDERFLOW, AC_FPE_INVALID
    int ac_clear_floatstatus() nogil

cdef void sigint_on() noexcept
cdef int sigint_off() noexcept
cdef int sigint_pending() noexcept nogil
cdef int sigint_done(bint stopped) except -1
cdef int check_fpe(object name, int ignore) except -1
cdef int report_fpe(object name, int st) except -1


cdef inline int clear_fpe() noexcept nogil:
    """Clear the floating-point status (acmath.h); returns the AC_FPE_* bits
    that were set."""
    return ac_clear_floatstatus()
