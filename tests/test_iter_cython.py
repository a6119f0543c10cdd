"""The iterators from Cython (`cimport arraycore as ac`), compiled in this test
run against the installed __init__.pxd: ACIter driven without the GIL,
ACIter_ForEachSlice with a nogil callback, and the flat iterator macros."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import _capi_build as B
from _sums import assert_sum_close
from _helpers import pairs

ac = pytest.importorskip("arraycore")
pytest.importorskip("Cython")

PYX = r'''
# cython: language_level=3, boundscheck=False, wraparound=False
cimport arraycore as ac

def buffered_sum(ac.ndarray a):
    """Sum as float64 through a buffered external loop, without the GIL."""
    cdef ac.ACIter *it = ac.ACIter_New(a, ac.AC_ITER_EXTERNAL_LOOP | ac.AC_ITER_BUFFERED
                                       | ac.AC_ITER_ZEROSIZE_OK, ac.AC_KEEPORDER,
                                       ac.AC_UNSAFE_CASTING, ac.ACArray_DescrFromType(ac.AC_DOUBLE))
    cdef ac.ACIter_IterNextFunc *nxt
    cdef char **data
    cdef ac.intp_t *stride
    cdef ac.intp_t *size
    cdef ac.intp_t i
    cdef double s = 0
    try:
        if ac.ACIter_GetIterSize(it) == 0:
            return 0.0
        nxt = ac.ACIter_GetIterNext(it, NULL)
        data = ac.ACIter_GetDataPtrArray(it)
        stride = ac.ACIter_GetInnerStrideArray(it)
        size = ac.ACIter_GetInnerLoopSizePtr(it)
        with nogil:
            while True:
                for i in range(size[0]):
                    s += (<double *>(data[0] + i * stride[0]))[0]
                if not nxt(it):
                    break
    finally:
        ac.ACIter_Deallocate(it)
    return s

cdef int _rowsum(char **d, const ac.intp_t *shape, const ac.intp_t *strides,
                 void *ctx) noexcept nogil:
    cdef ac.intp_t i
    cdef double m = 0
    for i in range(shape[0]):
        m += (<double *>(d[0] + i * strides[0]))[0]
    (<double *>d[1])[0] = m
    return 0

def sum_along(ac.ndarray a, ac.ndarray out, int axis):
    """out[...] = sum of a along axis (out has extent 1 there)."""
    cdef ac.ACArrayObject *ops[2]
    cdef ac.uint32_t fl[2]
    ops[0] = <ac.ACArrayObject *>a
    ops[1] = <ac.ACArrayObject *>out
    fl[0] = ac.AC_ITER_READONLY
    fl[1] = ac.AC_ITER_READWRITE    # broadcast along the kept axis only: allowed
    return ac.ACIter_ForEachSlice(2, ops, fl, 1, &axis, _rowsum, NULL)

def flat_sum(a):
    """Sum of a float64 array with the flat iterator macros."""
    it = ac.ACArray_IterNew(a)
    cdef double s = 0
    cdef void *p = <void *>it
    while ac.ACArray_ITER_NOTDONE(p):
        s += (<double *>ac.ACArray_ITER_DATA(p))[0]
        ac.ACArray_ITER_NEXT(p)
    return s
'''


@pytest.fixture(scope="session")
def cyit(tmp_path_factory):
    return B.build_cython_module(tmp_path_factory.mktemp("cython_iter_ext"), "ac_cy_iter", PYX)


@given(pairs(dtype_names=["int8", "uint16", "int32", "float32", "float64"], min_side=0))
def test_cython_buffered_sum(cyit, p):
    n, x = p
    assert_sum_close(cyit.buffered_sum(x), n.astype(np.float64))


@given(pairs(dtype_names=["float64"], min_side=1, min_dims=1, max_dims=3,
             layouts=["C", "F", "permuted", "strided", "negative"]), st.data())
def test_cython_foreach_slice(cyit, p, data):
    n, x = p
    axis = data.draw(st.integers(0, n.ndim - 1))
    out = ac.zeros(tuple(1 if i == axis else s for i, s in enumerate(n.shape)))
    assert cyit.sum_along(x, out, axis) == 0
    with np.errstate(all="ignore"):
        exp = np.sum(n, axis=axis, keepdims=True)
    np.testing.assert_allclose(np.asarray(out), exp, rtol=1e-12, equal_nan=True)


@given(pairs(dtype_names=["float64"], layouts=["C", "F", "permuted", "strided", "negative",
                                              "broadcast"]))
def test_cython_flat_macros(cyit, p):
    n, x = p
    assert_sum_close(cyit.flat_sum(x), n)
