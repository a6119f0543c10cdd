"""Data exchange: the buffer protocol both ways, __array_interface__, __array__,
DLPack both ways; Python conversions (tolist, item, int/float/complex/bool/index);
repr/str in NumPy's style; import without NumPy."""
import array
import ctypes
import gc
import hashlib
import math
import os
import subprocess
import tempfile
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _helpers import (DTYPE_NAMES, IS_NUMPY, LAYOUTS, WRITABLE_LAYOUTS, XP_NAME,
                      assert_array, assert_strides, data_ptr, np_arrays, npdt, pairs,
                      shapes, shares_memory, to_numpy, xdt, xp)

import numpy.testing as npt


# ============================================================ buffer protocol: export
@given(pairs())
def test_memoryview_export(pair):
    n, x = pair
    mv = memoryview(x)
    assert mv.ndim == n.ndim
    assert mv.shape == n.shape
    assert mv.itemsize == n.itemsize
    assert mv.nbytes == n.nbytes
    assert mv.readonly == (not n.flags.writeable)
    if n.size:   # strides of axes of extent 1 may be normalised (NumPy does)
        assert all(mv.strides[i] == x.strides[i] for i, m in enumerate(n.shape) if m > 1)
    assert mv.c_contiguous == n.flags.c_contiguous
    assert mv.f_contiguous == n.flags.f_contiguous
    # NumPy parses the format string back to the same dtype and sees the same memory
    back = np.asarray(mv)
    assert back.dtype == n.dtype
    npt.assert_array_equal(back, n)
    assert mv.tobytes() == n.tobytes()
    if n.size:
        assert np.shares_memory(back, n)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_buffer_format_strings(name):
    x = xp.zeros((2,), dtype=xdt(name))
    fmt = memoryview(x).format
    # formats NumPy (and Cython typed memoryviews) understand for this dtype
    expected = memoryview(np.zeros(2, dtype=name)).format
    allowed = {expected, "=" + expected, "@" + expected}
    if name == "int64":
        allowed |= {"q", "=q", "@q"}
    if name == "uint64":
        allowed |= {"Q", "=Q", "@Q"}
    assert fmt in allowed, (name, fmt)
    swapped = np.zeros(2, dtype=np.dtype(name).newbyteorder("S"))
    if swapped.dtype.byteorder not in "=|":
        fmt2 = memoryview(xp.asarray(swapped)).format
        assert fmt2[0] in "<>!" and np.asarray(memoryview(xp.asarray(swapped))).dtype == \
            swapped.dtype


@given(pairs())
def test_numpy_asarray_of_array_is_zero_copy(pair):
    n, x = pair
    a = np.asarray(x)
    assert a.dtype == n.dtype and a.shape == n.shape
    npt.assert_array_equal(a, n)
    if n.size:
        assert data_ptr(a) == data_ptr(x) == data_ptr(n)
        assert_strides(a, n)    # axes of extent 1 may carry any stride
    assert a.flags.writeable == n.flags.writeable


def test_numpy_view_writes_into_array():
    x = xp.zeros((2, 3), dtype=xp.int32)
    a = np.asarray(x)
    a[1, 2] = 7
    assert int(x[1, 2]) == 7
    mv = memoryview(x)
    mv[0, 1] = 5
    assert int(x[0, 1]) == 5


@pytest.mark.parametrize("i", range(3))
def test_readonly_export(i):
    ro = np.arange(6.0)
    ro.flags.writeable = False
    x = [xp.broadcast_to(xp.asarray([1.0, 2.0]), (3, 2)), xp.asarray(ro),
         xp.asarray(memoryview(b"abcdefgh"))][i]
    assert memoryview(x).readonly
    assert not np.asarray(x).flags.writeable
    with pytest.raises((TypeError, BufferError)):
        (ctypes.c_char * 1).from_buffer(x)       # asks for a writable buffer


def test_noncontiguous_simple_buffer_request_fails():
    x = xp.asarray(np.arange(8.0))[::2]
    with pytest.raises((BufferError, ValueError)):
        hashlib.sha1(x)                          # PyBUF_SIMPLE needs contiguous memory
    y = xp.asarray(np.arange(8.0))
    assert hashlib.sha1(y).digest() == hashlib.sha1(np.arange(8.0).tobytes()).digest()


def test_buffer_export_0d_and_empty():
    x = xp.asarray(2.5)
    mv = memoryview(x)
    assert mv.ndim == 0 and mv.shape == () and mv.tobytes() == np.asarray(2.5).tobytes()
    e = xp.zeros((0, 3), dtype=xp.int16)
    mv = memoryview(e)
    assert mv.shape == (0, 3) and mv.nbytes == 0


# ============================================================ buffer protocol: import
def test_asarray_bytes_is_readonly_uint8():
    x = xp.asarray(memoryview(b"\x01\x02\xff"))
    assert x.dtype == xp.uint8 and x.shape == (3,)
    assert not x.flags.writeable
    assert_array(x, np.asarray([1, 2, 255], dtype=np.uint8))


@pytest.mark.arraycore_only
def test_asarray_bytes_object_directly():
    # arraycore has no string dtype: bytes are a read-only uint8 buffer
    x = xp.asarray(b"\x01\x02\xff")
    assert x.dtype == xp.uint8 and x.shape == (3,)
    assert not x.flags.writeable
    assert_array(x, np.asarray([1, 2, 255], dtype=np.uint8))


def test_asarray_bytearray_zero_copy_and_keeps_export():
    ba = bytearray(b"\x00\x01\x02\x03")
    x = xp.asarray(ba)
    assert x.dtype == xp.uint8 and x.flags.writeable
    x[0] = 65
    assert ba[0] == 65
    with pytest.raises(BufferError):
        ba.extend(b"xx")          # the array holds the buffer export while alive
    del x
    gc.collect()
    ba.extend(b"xx")              # released with the array


@pytest.mark.parametrize("code", list("bBhHiIlLqQfd"))
def test_asarray_array_array(code):
    src = array.array(code, [1, 2, 3, 4])
    expected = np.asarray(src)
    x = xp.asarray(src)
    assert_array(x, expected)
    x[1] = 9
    assert src[1] == 9            # zero-copy


def test_asarray_memoryview_shapes_and_strides():
    raw = bytearray(np.arange(24, dtype=np.float64).tobytes())
    mv = memoryview(raw).cast("d", shape=[4, 6])
    n = np.asarray(mv)
    for view_np, view_mv in [(n, mv)]:
        x = xp.asarray(view_mv)
        assert_array(x, view_np)
        assert data_ptr(x) == data_ptr(view_np)
    flat = memoryview(raw).cast("d")
    for sl in [slice(None, None, 2), slice(None, None, -1), slice(3, None, -3), slice(5, 5)]:
        x = xp.asarray(flat[sl])
        assert_array(x, np.asarray(flat)[sl])
        if len(flat[sl]):
            assert shares_memory(x, np.asarray(flat))


@given(pairs())
def test_asarray_numpy_array_zero_copy(pair):
    n, x = pair   # layout_pair makes x with xp.asarray(n)
    assert x.shape == n.shape
    assert npdt(x.dtype) == n.dtype                      # byte order kept
    assert x.flags.writeable == n.flags.writeable
    if n.size:
        assert data_ptr(x) == data_ptr(n)
    assert_array(x, n, strides=True)


@given(pairs(layouts=WRITABLE_LAYOUTS, shape=shapes(min_dims=1, min_side=1)))
def test_asarray_numpy_array_writes_through(pair):
    n, x = pair
    one = True if n.dtype == bool else 1
    expected = n.copy()
    expected[(0,) * n.ndim] = one
    x[(0,) * n.ndim] = one
    npt.assert_array_equal(n, expected)


def test_asarray_numpy_dtype_override_copies():
    n = np.arange(4, dtype=np.int32)
    x = xp.asarray(n, dtype=xp.float64)
    assert_array(x, n.astype(np.float64))
    assert not shares_memory(x, n)


# ============================================================ __array_interface__ / __array__
@given(pairs())
def test_array_interface_export(pair):
    n, x = pair
    ai = x.__array_interface__
    assert ai["version"] == 3
    assert tuple(ai["shape"]) == n.shape
    assert ai["typestr"] == n.dtype.str
    ptr, ro = ai["data"]
    assert ro == (not n.flags.writeable)
    if n.size:
        assert ptr == data_ptr(n)
    if ai.get("strides") is None:
        assert n.flags.c_contiguous
    elif n.size:
        assert all(ai["strides"][i] == n.strides[i] for i, m in enumerate(n.shape) if m > 1)


class InterfaceOnly:
    """Exposes memory only through __array_interface__."""

    def __init__(self, base):
        self._base = base
        self.__array_interface__ = dict(base.__array_interface__)


@given(pairs())
def test_array_interface_roundtrip(pair):
    n, x = pair
    # NumPy reads arraycore's interface ...
    a = np.asarray(InterfaceOnly(x))
    npt.assert_array_equal(a, n)
    assert a.dtype == n.dtype
    # ... and arraycore reads NumPy's, zero-copy
    y = xp.asarray(InterfaceOnly(n))
    assert_array(y, n)
    if n.size:
        assert data_ptr(y) == data_ptr(n)
    assert y.flags.writeable == n.flags.writeable


def test_array_interface_keeps_owner_alive():
    n = np.arange(5.0)
    y = xp.asarray(InterfaceOnly(n))
    del n
    gc.collect()
    np.testing.assert_array_equal(to_numpy(y), np.arange(5.0))


class ArrayOnly:
    def __init__(self, a):
        self.a = a
        self.calls = []

    def __array__(self, dtype=None, copy=None):
        self.calls.append((dtype, copy))
        return self.a if dtype is None else self.a.astype(dtype)


def test_asarray_of_dunder_array_object():
    n = np.arange(6, dtype=np.int16).reshape(2, 3)
    obj = ArrayOnly(n)
    assert_array(xp.asarray(obj), n)
    assert_array(xp.asarray(obj, dtype=xp.float32), n.astype(np.float32))


@given(pairs())
def test_dunder_array_copy_semantics(pair):
    n, x = pair
    a = x.__array__()
    assert isinstance(a, np.ndarray)
    npt.assert_array_equal(a, n)
    c = x.__array__(copy=True)
    npt.assert_array_equal(c, n)
    if n.size:
        assert not np.shares_memory(c, n)
        assert np.shares_memory(x.__array__(copy=False), n)
        assert np.shares_memory(np.asarray(x, copy=False), n)
        assert not np.shares_memory(np.array(x), n)
    f = x.__array__(np.dtype("complex128") if n.dtype.kind == "c" else np.float64)
    npt.assert_array_equal(f, n.astype(f.dtype))


def test_dunder_array_copy_false_with_cast_raises():
    x = xp.asarray([1, 2, 3])
    with pytest.raises(ValueError):
        np.array(x, dtype=np.float32, copy=False)
    with pytest.raises(ValueError):
        x.__array__(np.float32, copy=False)


# ============================================================ DLPack
def capsule_name(cap):
    get = ctypes.pythonapi.PyCapsule_GetName
    get.restype = ctypes.c_char_p
    get.argtypes = [ctypes.py_object]
    return get(cap)


DLPACK_LAYOUTS = [lay for lay in LAYOUTS if lay not in ("byteswapped", "misaligned")]


@given(pairs(layouts=DLPACK_LAYOUTS))
def test_numpy_from_dlpack_of_array(pair):
    n, x = pair
    assert tuple(x.__dlpack_device__()) == (1, 0)
    a = np.from_dlpack(x)
    assert a.dtype == n.dtype and a.shape == n.shape
    npt.assert_array_equal(a, n)
    if n.size:
        assert np.shares_memory(a, n)
    assert a.flags.writeable == n.flags.writeable      # DLPack 1.x read-only flag


@given(pairs(layouts=DLPACK_LAYOUTS))
def test_from_dlpack_of_numpy_array(pair):
    n, _ = pair
    x = xp.from_dlpack(n)
    assert_array(x, n)
    if n.size:
        assert data_ptr(x) == data_ptr(n)
    assert x.flags.writeable == n.flags.writeable


@given(pairs(layouts=DLPACK_LAYOUTS))
def test_from_dlpack_copy_keyword(pair):
    n, x = pair
    c = xp.from_dlpack(n, copy=True)
    assert_array(c, n)
    if n.size:
        assert not shares_memory(c, n)
    assert c.flags.writeable
    s = xp.from_dlpack(x, copy=False)
    if n.size:
        assert shares_memory(s, x)
    c2 = np.from_dlpack(x, copy=True)
    npt.assert_array_equal(c2, n)
    if n.size:
        assert not np.shares_memory(c2, n)


def test_from_dlpack_roundtrip_self_and_device():
    x = xp.asarray([1.0, 2.0, 3.0])
    y = xp.from_dlpack(x)
    assert shares_memory(x, y)
    z = xp.from_dlpack(x, device=x.device)
    assert shares_memory(x, z)


def test_dlpack_capsule_names():
    x = xp.asarray([1.0, 2.0])
    assert capsule_name(x.__dlpack__()) == b"dltensor"
    assert capsule_name(x.__dlpack__(max_version=(1, 0))) == b"dltensor_versioned"
    assert capsule_name(x.__dlpack__(max_version=(1, 5))) == b"dltensor_versioned"
    assert capsule_name(x.__dlpack__(max_version=(0, 8))) == b"dltensor"
    assert capsule_name(x.__dlpack__(stream=None, max_version=(1, 0), dl_device=(1, 0),
                                     copy=False)) == b"dltensor_versioned"


def test_dlpack_unversioned_readonly_refused():
    ro = xp.broadcast_to(xp.asarray([1.0, 2.0]), (2, 2))
    with pytest.raises(BufferError):
        ro.__dlpack__()        # DLPack 0.x cannot carry the read-only flag


def test_dlpack_byteswapped_refused():
    x = xp.asarray(np.arange(3, dtype=np.dtype("f8").newbyteorder("S")))
    with pytest.raises(BufferError):
        x.__dlpack__(max_version=(1, 0))


def test_dlpack_bad_device_refused():
    x = xp.asarray([1.0])
    with pytest.raises((BufferError, ValueError)):
        x.__dlpack__(dl_device=(2, 0))


class CapsuleHolder:
    def __init__(self, cap):
        self.cap = cap

    def __dlpack__(self, **kwargs):
        return self.cap

    def __dlpack_device__(self):
        return (1, 0)


@pytest.mark.parametrize("versioned", [False, True])
def test_dlpack_capsule_used_twice_raises(versioned):
    x = xp.asarray([1.0, 2.0, 3.0])
    cap = x.__dlpack__(max_version=(1, 0)) if versioned else x.__dlpack__()
    holder = CapsuleHolder(cap)
    y = xp.from_dlpack(holder)
    assert_array(y, np.asarray([1.0, 2.0, 3.0]))
    assert capsule_name(cap).startswith(b"used_")
    with pytest.raises(Exception) as info:
        xp.from_dlpack(holder)
    assert isinstance(info.value, (ValueError, BufferError, TypeError, RuntimeError))
    # a capsule NumPy consumed cannot be consumed again either
    cap2 = x.__dlpack__(max_version=(1, 0))
    np.from_dlpack(CapsuleHolder(cap2))
    with pytest.raises((ValueError, BufferError, TypeError, RuntimeError)):
        xp.from_dlpack(CapsuleHolder(cap2))


def test_from_dlpack_of_non_exporter_raises():
    with pytest.raises((TypeError, AttributeError)):
        xp.from_dlpack([1, 2, 3])


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_dlpack_all_dtypes(name):
    n = np.arange(4).astype(name)
    x = xp.asarray(n)
    npt.assert_array_equal(np.from_dlpack(x), n)
    assert np.from_dlpack(x).dtype == n.dtype
    assert_array(xp.from_dlpack(n), n)


def test_dlpack_keeps_memory_alive():
    x = xp.asarray(np.arange(1000.0))
    cap_consumer = np.from_dlpack(x)
    del x
    gc.collect()
    npt.assert_array_equal(cap_consumer, np.arange(1000.0))
    n = np.arange(1000.0)
    y = xp.from_dlpack(n)
    del n
    gc.collect()
    npt.assert_array_equal(to_numpy(y), np.arange(1000.0))


# ============================================================ Python conversions
@given(np_arrays(shape=shapes(max_dims=3)))
def test_tolist_matches_numpy(a):
    x = xp.asarray(a)
    got = x.tolist()
    exp = a.tolist()
    assert_same_python(got, exp)


def assert_same_python(got, exp):
    if isinstance(exp, list):
        assert isinstance(got, list) and len(got) == len(exp)
        for g, e in zip(got, exp):
            assert_same_python(g, e)
        return
    assert type(got) is type(exp), (got, exp)
    if isinstance(exp, float) and math.isnan(exp):
        assert math.isnan(got)
    elif isinstance(exp, complex) and (math.isnan(exp.real) or math.isnan(exp.imag)):
        assert repr(got) == repr(exp)
    else:
        assert got == exp
        if isinstance(exp, float):
            assert math.copysign(1, got) == math.copysign(1, exp)


@given(np_arrays(shape=st.just(())))
def test_0d_conversions_match_numpy(a):
    x = xp.asarray(a)
    assert_same_python(x.item(), a.item())
    assert_same_python(x.tolist(), a.tolist())
    assert bool(x) == bool(a)
    if a.dtype.kind != "c":
        v = a.item()
        if not (isinstance(v, float) and not math.isfinite(v)):
            assert_same_python(int(x), int(a))
        assert_same_python(float(x), float(a))
    exp_c = complex(a)
    if a.dtype.kind == "f" and math.isnan(a.item()) and not IS_NUMPY:
        # the Array API: complex() of a real NaN is NaN + NaN j (NumPy: NaN + 0j)
        exp_c = complex(math.nan, math.nan)
    assert_same_python(complex(x), exp_c)
    if a.dtype.kind in "iu":
        assert_same_python(x.__index__(), a.__index__())
        lst = list(range(300))
        if -300 <= int(a) < 300:
            assert lst[x] == lst[int(a)]          # __index__ lets a 0-d array index a list


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_item_with_index_arguments(name):
    n = np.arange(6).astype(name).reshape(2, 3)
    x = xp.asarray(n)
    for args in [(0,), (5,), (-1,), (1, 2), (0, -1)]:
        assert_same_python(x.item(*args), n.item(*args))


def test_item_errors():
    with pytest.raises(ValueError):
        xp.asarray([1, 2]).item()
    with pytest.raises(ValueError):
        xp.zeros((0,)).item()
    with pytest.raises(IndexError):
        xp.asarray([1, 2]).item(2)


def test_int_float_errors():
    with pytest.raises(TypeError):
        int(xp.asarray([1, 2]))
    with pytest.raises(TypeError):
        float(xp.asarray([1.0, 2.0]))
    with pytest.raises(TypeError):
        float(xp.asarray(1 + 2j))
    with pytest.raises(TypeError):
        int(xp.asarray(1 + 2j))
    with pytest.raises(ValueError):
        int(xp.asarray(math.nan))
    with pytest.raises(OverflowError):
        int(xp.asarray(math.inf))
    with pytest.raises(ValueError):
        bool(xp.asarray([True, False]))
    with pytest.raises(TypeError):
        xp.asarray(1.0).__index__()
    with pytest.raises(TypeError):
        [1, 2, 3][xp.asarray(1.5)]
    assert [1, 2, 3][xp.asarray(1)] == 2
    assert [1, 2, 3][xp.asarray(2, dtype=xp.uint8)] == 3


@pytest.mark.arraycore_only
def test_size1_ndim1_conversions_follow_numpy2():
    # NumPy 2.4: only 0-d arrays convert to Python scalars
    with pytest.raises(TypeError):
        int(xp.asarray([1]))
    with pytest.raises(TypeError):
        float(xp.asarray([[1.0]]))
    assert bool(xp.asarray([1])) is True
    with pytest.raises(ValueError):
        bool(xp.zeros((0,)))


# ============================================================ repr / str
REPR_CASES = [
    ([1.0, 2.0], None), ([1, 2, 3], None), ([True, False], None), ([], "float32"), ([], None),
    (3.0, None), (7, None), (True, None), ([1, 2], "uint8"), ([1, 2], "int32"),
    ([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], None), ([1 + 2j, 3 - 4j], None),
    ([1 + 2j], "complex64"), ([1.5], "float16"), ([1e20, 1.0], None),
    ([math.nan, math.inf, -math.inf], None), ([0.5, -0.25], "float32"), ([[[1]], [[2]]], "int8"),
    ([-1, 100, 2**40], None), (2.5, "float32"), ([1.0, 2.0, 3.0], ">f8"),
    ([0.1, 1 / 3], None), ([1e-9, 1.0], None), ([-0.0, 0.0], None),
    ([[1.5, 2.25], [3.0, -4.0]], None), (np.zeros((2, 0)).tolist(), None),
]


def _np_and_x(obj, dtype):
    n = np.asarray(obj, dtype=dtype)
    if n.ndim == 2 and n.shape[1] == 0:
        n = np.zeros((2, 0))
    x = xp.asarray(n.copy())
    return n, x


@pytest.mark.parametrize("obj,dtype", REPR_CASES, ids=[repr(c) for c in REPR_CASES])
def test_repr_and_str_match_numpy(obj, dtype):
    n, x = _np_and_x(obj, dtype)
    assert repr(x) == repr(n)
    assert str(x) == str(n)


@given(pairs(shape=shapes(max_dims=3)))
def test_repr_and_str_match_numpy_property(pair):
    # any values (NaN, inf, subnormals, huge and tiny magnitudes), every dtype and layout
    n, x = pair
    assert repr(x) == repr(n)
    assert str(x) == str(n)


def test_repr_summarises_large_arrays():
    n = np.arange(2000)
    x = xp.asarray(n)
    r = repr(x)
    assert "..." in r and r.startswith("array([   0,    1,    2, ..., 1997, 1998, 1999]")
    assert r == repr(n)
    assert str(x) == str(n)
    n2 = np.arange(3000.0).reshape(30, 100)
    x2 = xp.asarray(n2)
    assert "..." in repr(x2) and "..." in str(x2)
    assert repr(x2) == repr(n2)
    assert len(repr(xp.zeros((100, 100, 100)))) < 2000


def test_repr_of_views_and_odd_layouts():
    n = np.arange(12.0).reshape(3, 4)
    x = xp.asarray(n)
    assert repr(x.T) == repr(n.T)
    assert repr(x[::-1, ::2]) == repr(n[::-1, ::2])
    b = xp.broadcast_to(xp.asarray([1, 2]), (2, 2))
    assert repr(b) == repr(np.broadcast_to(np.asarray([1, 2]), (2, 2)))


# ============================================================ import without NumPy
BLOCK_NUMPY = textwrap.dedent("""
    import sys

    class BlockNumpy:
        def find_spec(self, name, path=None, target=None):
            if name == "numpy" or name.startswith("numpy."):
                raise ImportError("numpy is blocked for this test")
            return None

    sys.meta_path.insert(0, BlockNumpy())
""")


def _run(code):
    env = dict(os.environ)
    # run outside the source tree: `python -c` puts the working directory
    # first on sys.path, where ./arraycore has no compiled modules
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600, env=env, cwd=tempfile.gettempdir())  # editable rebuilds


@pytest.mark.arraycore_only
def test_import_works_with_numpy_blocked():
    code = BLOCK_NUMPY + textwrap.dedent(f"""
        import {XP_NAME} as ac
        assert "numpy" not in sys.modules
        a = ac.asarray([[1.0, 2.0], [3.0, 4.0]])
        b = ac.reshape(a, (4,))[1:3]
        assert b.tolist() == [2.0, 3.0], b.tolist()
        assert repr(ac.zeros(2, dtype=ac.int8)) == "array([0, 0], dtype=int8)", repr(ac.zeros(2, dtype=ac.int8))
        assert ac.result_type(ac.int8, 1.0) == ac.float64
        m = memoryview(a)
        assert m.shape == (2, 2)
        c = ac.from_dlpack(a)
        assert c.tolist() == a.tolist()
        assert float(a[1, 1]) == 4.0
        str(ac.arange(2000))
        print("ok")
    """)
    r = _run(code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("ok")


@pytest.mark.arraycore_only
def test_import_does_not_import_numpy():
    r = _run(f"import sys, {XP_NAME}; print('numpy' in sys.modules)")
    assert r.returncode == 0, r.stderr
    # (the last line: an editable install may print its rebuild first)
    assert r.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("seq", [
    [1.5, -0.0, float("nan"), float("inf")], [1, 2, -3], [1, 2.5], (1.5, 2), [3],
    [2**63 - 1, -2**63], [2**63, 1], [1, 2.0**60, 2**62], [True, 1], [1.0, True],
    [np.float64(1.5), 2.0], [np.int64(3), 4], [1, np.float32(2.5)]])
def test_flat_python_numbers_fast_path_matches_numpy(seq):
    """A flat list/tuple of exact Python floats and ints converts in C; an
    int past int64 or another item type takes the general path: NumPy's
    dtype and values either way"""
    ref = np.asarray(seq)
    got = xp.asarray(seq)
    assert_array(got, ref)


_CAST_LEVELS = r"""
import numpy as np, arraycore as ac, warnings
warnings.simplefilter("ignore")
names = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
         "float32", "float64"]
rng = np.random.default_rng(3)
out = []
for s in names:
    if s.startswith("float"):
        v = np.concatenate([rng.standard_normal(300) * 10.0 ** rng.integers(-45, 45, 300),
                            [np.nan, np.inf, -np.inf, 0.0, -0.0, 3.4e38, 3.5e38, 1e-45, 2**53 + 1.0]])
    else:
        info = np.iinfo(s)
        v = np.concatenate([rng.integers(info.min, info.max, 300, dtype=s, endpoint=True),
                            [info.min, info.max, 0, 1]]).astype(s)
    x = ac.asarray(v.astype(s))
    for d in names:
        if s.startswith("float") and not d.startswith("float"):
            continue                     # float -> int: no SIMD clone
        out.append(np.asarray(ac.astype(x, getattr(ac, d))).tobytes().hex())
print("\n".join(out))
"""


def test_real_casts_same_bits_at_every_simd_level(tmp_path):
    """The contiguous casts between real types have AVX2/AVX-512 clones
    (tools/gen_casts.py); every level gives the baseline's bits: rounding of
    large integers and of doubles to float32, overflow, subnormals, NaN,
    wrapping of integers."""
    import os
    import subprocess
    import sys
    runs = []
    for level in ("avx512", "avx2", "baseline"):
        env = dict(os.environ, ARRAYCORE_CPU=level)
        r = subprocess.run([sys.executable, "-c", _CAST_LEVELS], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        runs.append(r.stdout)
    assert runs[0] == runs[2] and runs[1] == runs[2]
