"""`cimport arraycore as ac` from a small .pyx compiled in this test run against
the installed arraycore (its __init__.pxd, _ac_api.pxi and headers): typed
ndarray/dtype accessors, the ctypedefs, C-API entries under their C names
with no import call, and typed memoryviews on arraycore arrays.
"""
import os
import subprocess
import sys

import pytest

import _capi_build as B

ac = pytest.importorskip("arraycore")
np = pytest.importorskip("numpy")
pytest.importorskip("Cython")

PYX = r'''
# cython: language_level=3, boundscheck=False, wraparound=False
cimport arraycore as ac

def walk2d(ac.ndarray a):
    """Sum a 2-d float64 array by its strides (any layout)."""
    cdef ac.intp_t i, j
    cdef ac.float64_t s = 0
    cdef char *p = a.data
    if a.ndim != 2 or a.dtype.num != ac.AC_DOUBLE:
        raise ValueError("need a 2-d float64 array")
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += (<ac.float64_t *>(p + i * a.strides[0] + j * a.strides[1]))[0]
    return s

def attrs(ac.ndarray a):
    cdef ac.dtype d = a.dtype
    return dict(ndim=a.ndim, size=a.size, itemsize=a.itemsize, nbytes=a.nbytes,
                c_contig=(a.flags & ac.AC_ARRAY_C_CONTIGUOUS) != 0,
                writeable=(a.flags & ac.AC_ARRAY_WRITEABLE) != 0,
                shape=tuple([a.shape[i] for i in range(a.ndim)]),
                strides=tuple([a.strides[i] for i in range(a.ndim)]),
                num=d.num, dtype_itemsize=d.itemsize, alignment=d.alignment,
                kind=chr(d.kind), byteorder=chr(d.byteorder), isnative=d.isnative,
                has_base=a.base != NULL)

def total_mv(double[:, ::1] m):
    cdef Py_ssize_t i, j
    cdef double s = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j]
    m[0, 0] = -1.0
    return s

def as_carray(obj):
    """Through the C-API: a C-contiguous float64 array (no import call)."""
    cdef ac.ndarray r = ac.ACArray_FromAny(obj, ac.ACArray_DescrFromType(ac.AC_DOUBLE),
                                           0, 0, ac.AC_ARRAY_IN_ARRAY, None)
    return r

def from_otf(obj, int typenum, int req):
    return ac.ACArray_FROM_OTF(obj, typenum, req)

def new_zeros(shape):
    cdef ac.ACArray_Dims d
    ac.ACArray_IntpConverter(shape, &d)
    try:
        return ac.ACArray_Zeros(d.len, d.ptr, None, 0)
    finally:
        ac.ACArray_DimsFree(&d)

def is_array(obj):
    return ac.ACArray_Check(obj) == 1

def can_cast(ac.dtype a, ac.dtype b):
    return ac.ACArray_CanCastTypeTo(a, b, ac.AC_SAFE_CASTING) == 1

def ctypedef_sizes():
    return (sizeof(ac.bool_t), sizeof(ac.int8_t), sizeof(ac.int16_t), sizeof(ac.int32_t),
            sizeof(ac.int64_t), sizeof(ac.uint8_t), sizeof(ac.uint64_t),
            sizeof(ac.float32_t), sizeof(ac.float64_t), sizeof(ac.complex64_t),
            sizeof(ac.complex128_t), sizeof(ac.intp_t))

def versions():
    return (ac.AC_ABI_VERSION, ac.AC_API_VERSION)

def type_object_is(obj):
    return <object>&ac.ACArray_Type is type(obj)
'''


@pytest.fixture(scope="session")
def cymod(tmp_path_factory):
    inc = B.ac_include()
    out = tmp_path_factory.mktemp("cython_ext")
    pyx = out / "ac_cy_test.pyx"
    pyx.write_text(PYX)
    c = out / "ac_cy_test.c"
    site = B.ac_cython_include()               # where arraycore/__init__.pxd is
    r = subprocess.run([sys.executable, "-m", "cython", "-3", "-I", site, str(pyx),
                        "-o", str(c)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    so = out / ("ac_cy_test" + B.ext_suffix())
    cc, _ = B.compilers()
    cmd = cc + ["-shared", "-fPIC", "-O1", "-I" + B.py_include(), "-I" + inc,
                "-Wno-unused-function", str(c), "-o", str(so)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return B.load_module("ac_cy_test", str(so))


def test_walk_by_strides(cymod):
    a = ac.reshape(ac.arange(20.0), (4, 5))
    for v in (a, a.T, a[::2, 1::2], a[::-1, ::-2]):
        assert cymod.walk2d(v) == pytest.approx(float(np.asarray(v).sum()))
    with pytest.raises(TypeError):
        cymod.walk2d([[1.0]])
    with pytest.raises(ValueError):
        cymod.walk2d(ac.zeros((2, 2), dtype=ac.int32))


def test_typed_attributes(cymod):
    a = ac.reshape(ac.arange(6, dtype=ac.int32), (2, 3))
    t = cymod.attrs(a)
    assert t["ndim"] == 2 and t["size"] == 6 and t["itemsize"] == 4 and t["nbytes"] == 24
    assert t["shape"] == (2, 3) and t["strides"] == (12, 4) and t["c_contig"] and t["writeable"]
    assert t["num"] == ac.int32.num and t["dtype_itemsize"] == 4 and t["alignment"] == 4
    assert t["kind"] == "i" and t["isnative"] and t["byteorder"] in "=<>|"
    v = cymod.attrs(a.T)
    assert v["shape"] == (3, 2) and v["strides"] == (4, 12) and not v["c_contig"] and v["has_base"]
    big = cymod.attrs(ac.asarray(np.arange(3, dtype=">f8")))
    assert not big["isnative"] and big["kind"] == "f"


def test_typed_memoryview(cymod):
    a = ac.reshape(ac.arange(6.0), (2, 3))
    assert cymod.total_mv(a) == 15.0
    assert float(a[0, 0]) == -1.0          # the same memory, no copy
    with pytest.raises((ValueError, BufferError)):
        cymod.total_mv(a.T)                  # not C-contiguous


def test_capi_from_cython(cymod):
    r = cymod.as_carray([[1, 2], [3, 4]])
    assert isinstance(r, ac.ndarray) and r.dtype == ac.float64 and r.tolist() == [[1, 2], [3, 4]]
    t = ac.reshape(ac.arange(4.0), (2, 2)).T
    assert cymod.as_carray(t).flags.c_contiguous
    assert cymod.from_otf([1.5], 5, 0x10).dtype == ac.int32     # FORCECAST
    with pytest.raises(TypeError):
        cymod.from_otf(ac.asarray([1.5]), 5, 0)                   # not a safe cast
    z = cymod.new_zeros((2, 3))
    assert z.shape == (2, 3) and z.tolist() == [[0.0] * 3] * 2
    with pytest.raises(TypeError):
        cymod.new_zeros("x")
    assert cymod.is_array(z) and not cymod.is_array([1])
    assert cymod.can_cast(ac.int16, ac.float32) and not cymod.can_cast(ac.float64, ac.int8)
    assert cymod.type_object_is(z)


def test_ctypedefs_and_versions(cymod):
    assert cymod.ctypedef_sizes() == (1, 1, 2, 4, 8, 1, 8, 4, 8, 8, 16, 8 if sys.maxsize > 2**32 else 4)
    from arraycore import _capi
    assert cymod.versions() == (_capi.ABI_VERSION, _capi.API_VERSION)
