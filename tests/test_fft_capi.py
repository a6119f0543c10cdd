"""The FFT engine through the C-API (ACFFT_PlanNew / ACFFT_Execute /
ACFFT_PlanFree, API 0x3), driven from Cython (`cimport arraycore as ac`,
compiled in this test run against the installed headers and __init__.pxd):
plans made with the GIL, transforms run inside a `nogil` loop on raw strided
memory of arraycore arrays, checked against numpy.fft; bad arguments give
ValueError from ACFFT_PlanNew and codes (no crash) from ACFFT_Execute."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import _capi_build as B

ac = pytest.importorskip("arraycore")
pytest.importorskip("Cython")

PYX = r'''
# cython: language_level=3, boundscheck=False, wraparound=False
cimport arraycore as ac

def lines(ac.ndarray a, ac.ndarray out, int kind, int precision, int forward,
          double fct, int axis, bint one_call):
    """Transform every line of 2-d `a` along `axis` into `out` (made by the
    caller with the right shape and dtype).  one_call: a single ACFFT_Execute
    for the whole batch; else one call per line inside a nogil loop."""
    cdef int other = 1 - axis
    cdef ac.intp_t n = (out.shape[axis] if kind == ac.AC_FFT_C2R else a.shape[axis])
    cdef ac.intp_t howmany = a.shape[other], k
    cdef ac.ACFFT_Plan *plan = ac.ACFFT_PlanNew(kind, precision, n)
    cdef int rc = 0
    try:
        with nogil:
            if one_call:
                rc = ac.ACFFT_Execute(plan, forward, fct, howmany, a.data, a.strides[other],
                                      a.strides[axis], out.data, out.strides[other],
                                      out.strides[axis])
            else:
                for k in range(howmany):
                    rc = ac.ACFFT_Execute(plan, forward, fct, 1,
                                          a.data + k * a.strides[other], 0, a.strides[axis],
                                          out.data + k * out.strides[other], 0,
                                          out.strides[axis])
                    if rc != 0:
                        break
    finally:
        ac.ACFFT_PlanFree(plan)
    return rc

def plan_new(int kind, int precision, ac.intp_t n):
    cdef ac.ACFFT_Plan *plan = ac.ACFFT_PlanNew(kind, precision, n)
    ac.ACFFT_PlanFree(plan)
    return True

def execute_null():
    cdef double x[2]
    return ac.ACFFT_Execute(NULL, 1, 1.0, 1, <char *>x, 0, 16, <char *>x, 0, 16)

def execute_negative_howmany():
    cdef double x[2]
    cdef ac.ACFFT_Plan *plan = ac.ACFFT_PlanNew(ac.AC_FFT_C2C, ac.AC_FFT_DOUBLE, 1)
    try:
        return ac.ACFFT_Execute(plan, 1, 1.0, -1, <char *>x, 0, 16, <char *>x, 0, 16)
    finally:
        ac.ACFFT_PlanFree(plan)

def free_null():
    return ac.ACFFT_PlanFree(NULL)

def constants():
    return dict(C2C=ac.AC_FFT_C2C, R2C=ac.AC_FFT_R2C, C2R=ac.AC_FFT_C2R,
                DOUBLE=ac.AC_FFT_DOUBLE, FLOAT=ac.AC_FFT_FLOAT,
                EBADARGS=ac.AC_FFT_EBADARGS, EINTR=ac.AC_FFT_EINTR,
                ENOMEM=ac.AC_FFT_ENOMEM, API=ac.AC_API_VERSION)
'''


@pytest.fixture(scope="module")
def cyfft(tmp_path_factory):
    return B.build_cython_module(tmp_path_factory.mktemp("cython_fft_ext"), "ac_cy_fft", PYX)


def test_constants_and_version(cyfft):
    k = cyfft.constants()
    assert (k["C2C"], k["R2C"], k["C2R"]) == (0, 1, 2)
    assert (k["DOUBLE"], k["FLOAT"]) == (0, 1)
    assert (k["EBADARGS"], k["EINTR"], k["ENOMEM"]) == (-1, -2, -3)
    assert k["API"] >= 3


_KINDS = ["c2c", "r2c", "c2r"]


@given(kind=st.sampled_from(_KINDS), single=st.booleans(), n=st.integers(1, 70),
       rows=st.integers(0, 5), axis=st.integers(0, 1), forward=st.booleans(),
       strided=st.booleans(), one_call=st.booleans(),
       norm=st.sampled_from(["backward", "ortho", "forward"]))
def test_lines_match_numpy(cyfft, kind, single, n, rows, axis, forward, strided, one_call,
                           norm):
    rng = np.random.default_rng(n * 131 + rows)
    cdt, rdt = (np.complex64, np.float32) if single else (np.complex128, np.float64)
    step = 2 if strided else 1
    nin = n // 2 + 1 if kind == "c2r" else n
    shape = (nin * step, rows) if axis == 0 else (rows, nin * step)
    if kind == "r2c":
        src = rng.standard_normal(shape).astype(rdt)
    else:
        src = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(cdt)
    src = src[::step] if axis == 0 else src[:, ::step]
    a = ac.asarray(src)
    if a.shape != src.shape:
        pytest.fail("asarray changed the shape")
    nout = n // 2 + 1 if kind == "r2c" else n
    oshape = (nout, rows) if axis == 0 else (rows, nout)
    out = ac.zeros(oshape, dtype=rdt if kind == "c2r" else cdt)
    if kind == "c2c" and forward:
        exp = np.fft.fft(src, axis=axis, norm=norm)
    elif kind == "c2c":
        exp = np.fft.ifft(src, axis=axis, norm=norm)
    elif kind == "r2c":
        exp = np.fft.rfft(src, axis=axis, norm=norm)
    else:
        exp = np.fft.irfft(src, n, axis=axis, norm=norm)
    # the engine scales by fct: NumPy's norms written as factors
    inverse = kind == "c2r" or (kind == "c2c" and not forward)
    fct = {"backward": 1.0 / n if inverse else 1.0, "ortho": 1.0 / np.sqrt(n),
           "forward": 1.0 if inverse else 1.0 / n}[norm]
    prec = 1 if single else 0
    rc = cyfft.lines(a, out, _KINDS.index(kind), prec, int(forward), fct, axis, one_call)
    assert rc == 0
    got = np.asarray(out)
    tol = 2e-5 if single else 1e-12
    scale = max(1.0, float(np.abs(exp).max()) if exp.size else 1.0)
    np.testing.assert_allclose(got, exp.astype(got.dtype), rtol=0, atol=tol * scale * np.log2(n + 1))


def test_in_place(cyfft):
    src = (np.arange(24.0) + 1j * np.arange(24.0)[::-1]).reshape(3, 8)
    a = ac.asarray(src.copy())
    assert cyfft.lines(a, a, 0, 0, 1, 1.0, 1, True) == 0
    np.testing.assert_allclose(np.asarray(a), np.fft.fft(src, axis=1), atol=1e-12)


def test_bad_arguments(cyfft):
    with pytest.raises(ValueError, match="kind"):
        cyfft.plan_new(3, 0, 8)
    with pytest.raises(ValueError, match="precision"):
        cyfft.plan_new(0, 2, 8)
    with pytest.raises(ValueError, match="length"):
        cyfft.plan_new(0, 0, 0)
    with pytest.raises(ValueError, match="length"):
        cyfft.plan_new(1, 0, -5)
    assert cyfft.plan_new(0, 1, 1009)        # a prime: Bluestein
    k = cyfft.constants()
    assert cyfft.execute_null() == k["EBADARGS"]
    assert cyfft.execute_negative_howmany() == k["EBADARGS"]
    assert cyfft.free_null() == 0
