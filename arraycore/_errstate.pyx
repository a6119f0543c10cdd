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

cdef void sigint_on() noexcept:
    """Install the polling SIGINT handler around a long loop (GIL held; nests)."""
    ac_sigint_on()


cdef int sigint_off() noexcept:
    """Undo sigint_on; returns 1 (and hands SIGINT on to Python) if one arrived."""
    return ac_sigint_off()


cdef int sigint_pending() noexcept nogil:
    return ac_sigint_flag


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
