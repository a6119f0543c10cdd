# tests/capi_src/vmath_testmod.pyx -- TEST AND BENCHMARK SUPPORT ONLY, not an API.
#
# Not part of the package: tests/_capi_build.py compiles it at test time and
# links it to the package's C core (libaccore), whose exported kernels it calls.
#
# Exposes the internal vector kernels of src/ac_vmath.c (exp/log, float64 and
# float32) and src/ac_vpow.c (pow) to tests/test_acmath.py and
# benchmarks/run.py: run one kernel on C-contiguous buffers, at the dispatch
# level in use or at a chosen lower one.
from cpython.buffer cimport PyObject_GetBuffer, PyBuffer_Release, PyBUF_C_CONTIGUOUS, PyBUF_FORMAT, PyBUF_WRITABLE

cdef extern from "ac_cpu.h" nogil:
    int ac_cpu_level()
    const char *ac_cpu_level_name(int level)

cdef extern from "ac_vmath.h" nogil:
    enum:
        AC_VMATH_EXP_F64
        AC_VMATH_LOG_F64
        AC_VMATH_EXP_F32
        AC_VMATH_LOG_F32
        AC_VMATH_POW_F64
        AC_VMATH_POW_F32
    ctypedef Py_ssize_t ac_intp
    void ac_vexp_f64(const double *inp, double *out, ac_intp n)
    void ac_vlog_f64(const double *inp, double *out, ac_intp n)
    void ac_vexp_f32(const float *inp, float *out, ac_intp n)
    void ac_vlog_f32(const float *inp, float *out, ac_intp n)
    int ac_vmath_at_level(int op, int level, const void *inp, void *out, ac_intp n)
    void ac_vpow_f64(const double *x, const double *y, double *out, ac_intp n)
    void ac_vpow_f32(const float *x, const float *y, float *out, ac_intp n)
    int ac_vpow_at_level(int op, int level, const void *x, const void *y, void *out, ac_intp n)

LEVELS = ("baseline", "avx2", "avx512")
_OPS = {("exp", "d"): AC_VMATH_EXP_F64, ("log", "d"): AC_VMATH_LOG_F64,
        ("exp", "f"): AC_VMATH_EXP_F32, ("log", "f"): AC_VMATH_LOG_F32}


def level():
    """The name of the dispatch level in use ("baseline", "avx2", "avx512")."""
    return ac_cpu_level_name(ac_cpu_level()).decode()


def run(str name, src, dst, level=None):
    """dst[:] = name(src) for C-contiguous float64 or float32 buffers of one
    length (dst may be src).  `level`: None for the run-time dispatch, or a
    level name to run that clone (lowered to the level in use).  Returns the
    level that ran."""
    cdef Py_buffer bi, bo
    cdef int op, lev, used = -1
    cdef ac_intp n
    if level is None:
        lev = -1
    elif level in LEVELS:
        lev = LEVELS.index(level)
    else:
        raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")
    PyObject_GetBuffer(src, &bi, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT)
    try:
        PyObject_GetBuffer(dst, &bo, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE)
        try:
            fi = (<bytes>bi.format).decode().lstrip("@=")
            fo = (<bytes>bo.format).decode().lstrip("@=")
            if fi != fo or (name, fi) not in _OPS:
                raise TypeError(f"need two float64 or two float32 buffers for {name!r}, "
                                f"got formats {fi!r} and {fo!r}")
            if bi.len != bo.len:
                raise ValueError("src and dst differ in length")
            op = _OPS[(name, fi)]
            n = bi.len // bi.itemsize
            with nogil:
                if lev >= 0:
                    used = ac_vmath_at_level(op, lev, bi.buf, bo.buf, n)
                else:
                    used = ac_cpu_level()
                    if op == AC_VMATH_EXP_F64:
                        ac_vexp_f64(<const double *>bi.buf, <double *>bo.buf, n)
                    elif op == AC_VMATH_LOG_F64:
                        ac_vlog_f64(<const double *>bi.buf, <double *>bo.buf, n)
                    elif op == AC_VMATH_EXP_F32:
                        ac_vexp_f32(<const float *>bi.buf, <float *>bo.buf, n)
                    else:
                        ac_vlog_f32(<const float *>bi.buf, <float *>bo.buf, n)
        finally:
            PyBuffer_Release(&bo)
    finally:
        PyBuffer_Release(&bi)
    return LEVELS[used]


def _level_index(level):
    if level is None:
        return -1
    if level in LEVELS:
        return LEVELS.index(level)
    raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")


def run_pow(x, y, dst, level=None):
    """dst[:] = pow(x, y) for C-contiguous float64 or float32 buffers of one
    length and format (dst may be x or y).  `level` as for run().  Returns the
    level that ran."""
    cdef Py_buffer bx, by, bo
    cdef int op, lev = _level_index(level), used = -1
    cdef ac_intp n
    PyObject_GetBuffer(x, &bx, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT)
    try:
        PyObject_GetBuffer(y, &by, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT)
        try:
            PyObject_GetBuffer(dst, &bo, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE)
            try:
                fmts = {(<bytes>b).decode().lstrip("@=") for b in (bx.format, by.format, bo.format)}
                if len(fmts) != 1 or fmts.copy().pop() not in ("d", "f"):
                    raise TypeError(f"need three float64 or three float32 buffers, got {fmts}")
                if bx.len != by.len or bx.len != bo.len:
                    raise ValueError("x, y and dst differ in length")
                op = AC_VMATH_POW_F64 if fmts.pop() == "d" else AC_VMATH_POW_F32
                n = bx.len // bx.itemsize
                with nogil:
                    if lev >= 0:
                        used = ac_vpow_at_level(op, lev, bx.buf, by.buf, bo.buf, n)
                    else:
                        used = ac_cpu_level()
                        if op == AC_VMATH_POW_F64:
                            ac_vpow_f64(<const double *>bx.buf, <const double *>by.buf,
                                        <double *>bo.buf, n)
                        else:
                            ac_vpow_f32(<const float *>bx.buf, <const float *>by.buf,
                                        <float *>bo.buf, n)
            finally:
                PyBuffer_Release(&bo)
        finally:
            PyBuffer_Release(&by)
    finally:
        PyBuffer_Release(&bx)
    return LEVELS[used]
