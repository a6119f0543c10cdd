# arraycore/_errstate.pyx -- the state a loop reports into: Ctrl-C (one
# SIGINT handler for the process, installed around long loops, that only
# sets flags the loops poll) and floating-point errors (NumPy's
# seterr/geterr/errstate, per context, and the report of the FPU flags a
# loop raised).  The typed entries are declared in _errstate.pxd.

cdef extern from "Python.h":
    int PyErr_CheckSignals() except -1

import contextvars as _contextvars
import contextlib as _contextlib
import warnings as _warnings


# ----------------------------------------------------------------------------
# interrupts (AC_SIGINT_ON / AC_SIGINT_OFF): one handler for the process
# ----------------------------------------------------------------------------
# C loops poll the C core's ac_sigint_flag: one variable in the process, in
# libaccore, set by the one handler src/ac_driver.c installs (ac_sigint_on);
# these are its typed doors for Cython.

cdef extern from "pythread.h":
    unsigned long PyThread_get_thread_ident() nogil

cdef unsigned long _main_ident = 0
cdef bint _main_known = False


cdef bint _in_main_thread() noexcept:
    """Whether the caller is Python's main thread (the only one Python hands
    KeyboardInterrupt to); looked up once, again after a fork."""
    global _main_ident, _main_known
    if not _main_known:
        try:
            import threading
            _main_ident = threading.main_thread().ident
            _main_known = True
        except BaseException:
            return True
    return PyThread_get_thread_ident() == _main_ident


def _forget_main_thread():
    global _main_known
    _main_known = False


import os as _os
if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_forget_main_thread)


cdef void sigint_on() noexcept:
    """Install the polling SIGINT handler around a long loop (GIL held; nests).
    In any other thread than the main one, the loop ignores Ctrl-C instead:
    KeyboardInterrupt is the main thread's (as for any Python code)."""
    if _in_main_thread():
        ac_sigint_on()
    else:
        ac_sigint_ignore_in_thread(1)


cdef int sigint_off() noexcept:
    """Undo sigint_on; returns 1 (and hands SIGINT on to Python) if one arrived."""
    if _in_main_thread():
        return ac_sigint_off()
    ac_sigint_ignore_in_thread(-1)
    return 0


cdef int sigint_pending() noexcept nogil:
    return ac_sigint_seen()


cdef int sigint_done(bint stopped) except -1:
    """sigint_off() after a loop; raises KeyboardInterrupt (after Python's own
    handlers ran) when Ctrl-C came or the loop reports it stopped early."""
    if sigint_off() or stopped:
        PyErr_CheckSignals()
        raise KeyboardInterrupt()
    return 0


# ----------------------------------------------------------------------------
# floating-point errors: NumPy's seterr/geterr/errstate, per context
# ----------------------------------------------------------------------------
_ERR_KINDS = ("divide", "over", "under", "invalid")
_ERR_MODES = ("ignore", "warn", "raise", "call", "print", "log")
# per kind: 0 ignore, 1 warn, 2 raise (NumPy's defaults: warn, but ignore underflow)
_modes = _contextvars.ContextVar("arraycore_errstate", default=(1, 1, 0, 1))
cdef tuple _FPE_BITS = ((AC_FPE_DIVIDEBYZERO, "divide by zero"), (AC_FPE_OVERFLOW, "overflow"),
                        (AC_FPE_UNDERFLOW, "underflow"), (AC_FPE_INVALID, "invalid value"))


cdef int check_fpe(object name, int ignore) except -1:
    """Report the floating-point exceptions raised since clear_fpe() (the
    AC_FPE_* bits in `ignore` left out) as the errstate of the calling
    context says: warn (RuntimeWarning) or raise (FloatingPointError),
    naming `name`.  Clears the flags."""
    cdef int st = clear_fpe() & ~ignore
    if st == 0:
        return 0
    return report_fpe(name, st)


cdef int report_fpe(object name, int st) except -1:
    """Report the AC_FPE_* bits `st` (not read from the FPU: a condition the
    caller found itself) as check_fpe does."""
    cdef int i
    if st == 0:
        return 0
    modes = _modes.get()
    for i in range(4):
        bit, what = _FPE_BITS[i]
        if st & bit:
            m = modes[i]
            if m == 2:
                raise FloatingPointError(f"{what} encountered in {name}")
            if m == 1:
                _warnings.warn(f"{what} encountered in {name}", RuntimeWarning, stacklevel=2)
    return 0


def geterr():
    """How floating-point errors are handled: {'divide', 'over', 'under',
    'invalid'} -> 'ignore' | 'warn' | 'raise'."""
    modes = _modes.get()
    return {k: _ERR_MODES[m] for k, m in zip(_ERR_KINDS, modes)}


def _parse_modes(all=None, divide=None, over=None, under=None, invalid=None):
    new = list(_modes.get())
    for i, v in enumerate((divide, over, under, invalid)):
        v = all if v is None else v
        if v is None:
            continue
        if v not in _ERR_MODES:
            raise ValueError(f"invalid floating-point error mode {v!r}; use one of "
                             "'ignore', 'warn', 'raise'")
        new[i] = {"ignore": 0, "warn": 1, "raise": 2}.get(v, 1)
    return tuple(new)


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set how floating-point errors are handled (in the current context);
    returns the previous settings, as NumPy's seterr."""
    old = geterr()
    _modes.set(_parse_modes(all, divide, over, under, invalid))
    return old


class errstate(_contextlib.ContextDecorator):
    """Context manager (or decorator) for floating-point error handling:
    ``with errstate(divide='ignore', invalid='raise'): ...``."""

    def __init__(self, *, all=None, divide=None, over=None, under=None, invalid=None,
                 call=None):
        if call is not None:
            raise TypeError("errstate: 'call' is not supported by arraycore")
        self._modes = _parse_modes(all, divide, over, under, invalid)
        self._tokens = []

    def __enter__(self):
        self._tokens.append(_modes.set(self._modes))
        return self

    def __exit__(self, *exc):
        _modes.reset(self._tokens.pop())
        return False
