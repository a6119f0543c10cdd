"""The C-API, through a test extension (tests/capi_src/capi_testmod.c) compiled
in this test run against the installed headers, in several variants: lazy
import (no import call), import in module init, CPython's limited API, C++,
and a target API version that is too new.  Also: bad input never crashes,
the lazy import and the ImportError stubs, version mismatch messages, the
API lock file and the generated reference page.
"""
import os
import subprocess
import tempfile
import sys
import textwrap

import pytest

import _capi_build as B

ac = pytest.importorskip("arraycore")
np = pytest.importorskip("numpy")

AC_BOOL, AC_BYTE, AC_UBYTE, AC_SHORT, AC_USHORT, AC_INT, AC_UINT = range(7)
AC_LONG, AC_ULONG, AC_LONGLONG, AC_ULONGLONG, AC_FLOAT, AC_DOUBLE = range(7, 13)
AC_LONGDOUBLE, AC_CFLOAT, AC_CDOUBLE = 13, 14, 15
AC_HALF, AC_NOTYPE = 23, 25
C_CONTIGUOUS, F_CONTIGUOUS, OWNDATA = 0x1, 0x2, 0x4
FORCECAST, ENSURECOPY, ENSUREARRAY, ELEMENTSTRIDES = 0x10, 0x20, 0x40, 0x80
ALIGNED, NOTSWAPPED, WRITEABLE = 0x100, 0x200, 0x400
WRITEBACKIFCOPY, ENSURENOCOPY = 0x2000, 0x4000
CARRAY = C_CONTIGUOUS | ALIGNED | WRITEABLE
IN_ARRAY = C_CONTIGUOUS | ALIGNED
INOUT_ARRAY = CARRAY | WRITEBACKIFCOPY
ANYORDER, CORDER, FORTRANORDER, KEEPORDER = -1, 0, 1, 2

SRC = os.path.join(B.CAPI_SRC, "capi_testmod.c")

# variant -> (defines, C++?, limited API?)
VARIANTS = {
    "capi_testmod": ((), False, False),
    "capi_testmod_init": (("TEST_IMPORT_IN_INIT",), False, False),
    "capi_testmod_limited": ((), False, True),
    "capi_testmod_cxx": ((), True, False),
    "capi_testmod_target": (("TEST_IMPORT_IN_INIT", "AC_TARGET_VERSION=0x7fffffff"),
                            False, False),
}


@pytest.fixture(scope="session")
def capi_build(tmp_path_factory):
    """Compile every variant once per session (2 at a time); return the dir."""
    B.ac_include()
    out = tmp_path_factory.mktemp("capi_ext")
    cmds = []
    for name, (defines, cxx, limited) in VARIANTS.items():
        target = os.path.join(out, name + B.ext_suffix(limited))
        cmds.append(B.compile_cmd(SRC, target, defines=(f"MODNAME={name}",) + defines,
                                  cxx=cxx, limited=limited))
    B.run_parallel(cmds)
    return str(out)


def _path(build, name):
    return os.path.join(build, name + B.ext_suffix(VARIANTS[name][2]))


@pytest.fixture(scope="session")
def m(capi_build):
    return B.load_module("capi_testmod", _path(capi_build, "capi_testmod"))


@pytest.fixture(scope="session", params=["capi_testmod", "capi_testmod_init",
                                         "capi_testmod_limited", "capi_testmod_cxx"])
def anym(request, capi_build):
    return B.load_module(request.param, _path(capi_build, request.param))


def npa(a):
    return np.asarray(a)


# ------------------------------------------------------------------ versions

def test_versions_match_table(m):
    from arraycore import _capi
    abi, api, target = m.versions()
    assert (abi, api) == (_capi.ABI_VERSION, _capi.API_VERSION)
    assert target == api
    spec = _load_spec()
    assert (abi, api) == (spec.ABI_VERSION, spec.API_VERSION)
    assert _capi.TABLE_SIZE == spec.TABLE_SIZE


def test_capsule_header_slots():
    import ctypes
    from arraycore import _capi
    spec = _load_spec()
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype = ctypes.POINTER(ctypes.c_void_p)
    get.argtypes = [ctypes.py_object, ctypes.c_char_p]
    t = get(_capi._C_API, spec.CAPSULE_NAME.encode())
    assert [t[0], t[1], t[2]] == [spec.ABI_VERSION, spec.API_VERSION, spec.TABLE_SIZE]
    assert t[3] == id(ac.ndarray) and t[4] == id(ac.dtype)
    for e in spec.ENTRIES[5:]:
        assert bool(t[e.slot]) != e.removed, e.name


def test_every_variant_works(anym):
    a = ac.asarray([[1.0, 2.0], [3.0, 4.0]])
    r = anym.from_otf([[1, 2], [3, 4]], AC_DOUBLE, IN_ARRAY)
    assert r.dtype == ac.float64 and r.tolist() == a.tolist()
    assert anym.parse_types(a, a.dtype) is True
    v = ac.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])[:, ::2]
    assert anym.inout(v, 2.0, 0) == (1, 1)
    assert anym.check(a) is True and anym.check([1]) is False
    assert all(exc is not None or case in _NO_ERROR for case, exc, _ in anym.bad_calls([1]))


# ------------------------------------------------------------------ FromAny

def test_from_any_converts_and_keeps_arrays(m):
    r = m.from_any([[1, 2], [3, 4]], None, 0, 0, 0)
    assert isinstance(r, ac.ndarray) and r.dtype == ac.int64 and r.shape == (2, 2)
    a = ac.asarray([1.0, 2.0])
    assert m.from_any(a, None, 0, 0, 0) is a
    assert m.from_any(a, AC_DOUBLE, 0, 0, IN_ARRAY) is a
    assert m.from_o(a) is a
    assert m.from_of(a, 0) is a
    r = m.from_any(3.5, AC_DOUBLE, 0, 0, 0)
    assert r.shape == () and float(r) == 3.5
    r = m.from_any([1, 2], AC_FLOAT, 0, 0, 0)     # Python values convert directly
    assert r.dtype == ac.float32
    r = m.from_any(bytearray(b"\x01\x02"), None, 0, 0, 0)
    assert r.dtype == ac.uint8 and r.tolist() == [1, 2]


def test_from_any_uses_the_typed_converter(capi_build):
    """The C-API converts with _convert's own functions: rebinding
    arraycore.asarray (before the C-API is first used) changes nothing."""
    code = textwrap.dedent(f"""
        import importlib.util
        import arraycore as ac
        def rebound(*args, **kwargs):
            raise AssertionError("the C-API called arraycore.asarray")
        ac.asarray = rebound
        spec = importlib.util.spec_from_file_location(
            "capi_testmod", {_path(capi_build, "capi_testmod")!r})
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        assert m.from_any([[1, 2], [3, 4]], None, 0, 0, 0).tolist() == [[1, 2], [3, 4]]
        assert m.from_any(2.5, None, 0, 0, 0).dtype == ac.float64
        assert m.from_any(bytearray(b"\\x01"), None, 0, 0, 0).tolist() == [1]
        assert m.from_o([1.0]).tolist() == [1.0]
        assert m.contiguous_from_any([[1.0]], {AC_DOUBLE}, 0, 0).shape == (1, 1)
        print("ok")
    """)
    # from outside the source tree: `python -c` puts the working directory first
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=tempfile.gettempdir())
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr


def test_from_any_timing_helper(m):
    # the benchmark entry runs (times are reported, never asserted)
    a = ac.asarray([1.0, 2.0])
    assert m.time_from_any(a, IN_ARRAY, 10) >= 0.0
    assert m.time_from_any(a, -1, 10) >= 0.0
    assert m.time_from_any([1.0], 0, 3, AC_DOUBLE) >= 0.0
    with pytest.raises(ValueError, match="shallow|ENSURENOCOPY|copy"):
        m.time_from_any([1.0], ENSURENOCOPY, 1)


def test_from_any_depth(m):
    assert m.from_any([[1.0]], None, 2, 2, 0).ndim == 2
    with pytest.raises(ValueError, match="shallow"):
        m.from_any([1.0], None, 2, 0, 0)
    with pytest.raises(ValueError, match="deep"):
        m.from_any([[[1.0]]], None, 0, 2, 0)
    assert m.from_any(1.0, None, 0, 0, 0).ndim == 0


def test_from_any_contiguity(m):
    a = ac.reshape(ac.arange(12.0), (3, 4))
    t = a.T
    r = m.from_any(t, None, 0, 0, C_CONTIGUOUS)
    assert r is not t and r.flags.c_contiguous and r.tolist() == t.tolist()
    r = m.from_any(a, None, 0, 0, F_CONTIGUOUS)
    assert r.flags.f_contiguous and r.tolist() == a.tolist()
    assert m.from_any(t, None, 0, 0, F_CONTIGUOUS) is t
    v = a[:, ::2]
    r = m.from_any(v, None, 0, 0, ENSURECOPY)
    assert r is not v and r.tolist() == v.tolist()
    r = m.from_any(a, None, 0, 0, ENSURECOPY)
    assert r is not a and r.flags.owndata
    r = m.contiguous_from_any(v, AC_NOTYPE, 0, 0)
    assert r.flags.c_contiguous and r.dtype == ac.float64
    r = m.contiguous_from_any([[1, 2]], AC_DOUBLE, 2, 2)
    assert r.dtype == ac.float64 and r.flags.c_contiguous


def test_from_any_nocopy(m):
    a = ac.reshape(ac.arange(6.0), (2, 3))
    assert m.from_any(a, None, 0, 0, ENSURENOCOPY | C_CONTIGUOUS) is a
    with pytest.raises(ValueError):
        m.from_any(a.T, None, 0, 0, ENSURENOCOPY | C_CONTIGUOUS)
    with pytest.raises(ValueError):
        m.from_any([1.0, 2.0], None, 0, 0, ENSURENOCOPY)


def test_from_any_casting_rules(m):
    a = ac.asarray([1.5, -2.5])
    with pytest.raises(TypeError, match="safe"):
        m.from_any(a, AC_INT, 0, 0, 0)
    r = m.from_any(a, AC_INT, 0, 0, FORCECAST)
    assert r.dtype == ac.int32 and r.tolist() == [1, -2]
    i = ac.asarray([1, 2], dtype=ac.int32)
    r = m.from_any(i, AC_DOUBLE, 0, 0, 0)   # safe
    assert r.dtype == ac.float64 and r.tolist() == [1.0, 2.0]
    r = m.from_otf(np.arange(3, dtype=np.int16), AC_DOUBLE, IN_ARRAY)
    assert r.dtype == ac.float64 and r.tolist() == [0.0, 1.0, 2.0]
    with pytest.raises(TypeError):
        m.from_otf(np.arange(3.0), AC_FLOAT, IN_ARRAY)


def test_from_any_byteorder_alignment_writeable(m):
    big = ac.asarray(np.arange(4, dtype=">f8"))
    swapped = big.dtype
    assert swapped.byteorder == ">" and swapped != ac.float64
    r = m.from_any(big, None, 0, 0, NOTSWAPPED)
    assert r.dtype == ac.float64 and r.tolist() == [0.0, 1.0, 2.0, 3.0]
    r = m.from_otf(big, AC_DOUBLE, IN_ARRAY)
    assert r.dtype == ac.float64 and r.tolist() == [0.0, 1.0, 2.0, 3.0]
    # CheckFromAny turns an explicit swapped dtype into a native one
    r = m.check_from_any([1.0, 2.0], swapped, 0, 0, NOTSWAPPED)
    assert r.dtype == ac.float64
    r = m.from_any([1.0, 2.0], swapped, 0, 0, 0)
    assert r.dtype == swapped and r.tolist() == [1.0, 2.0]
    # misaligned memory
    ba = bytearray(8 * 4 + 1)
    mis = ac.asarray(memoryview(ba)[1:].cast("d"))
    assert not mis.flags.aligned
    r = m.from_any(mis, None, 0, 0, ALIGNED)
    assert r.flags.aligned and r is not mis
    # read-only input with WRITEABLE: a writeable copy
    ro = ac.broadcast_to(ac.asarray([1.0, 2.0]), (2, 2))
    assert not ro.flags.writeable
    r = m.from_any(ro, None, 0, 0, CARRAY)
    assert r.flags.writeable and r.tolist() == ro.tolist()


def test_check_from_any_elementstrides(m):
    ba = bytearray(40)
    odd = m.from_bytearray(ba, (3,), AC_DOUBLE, (9,), 1)
    assert odd.strides == (9,)
    r = m.check_from_any(odd, None, 0, 0, ELEMENTSTRIDES)
    assert r.strides == (8,)
    good = ac.asarray([1.0, 2.0, 3.0, 4.0])[::2]
    assert m.check_from_any(good, None, 0, 0, ELEMENTSTRIDES) is good


# ------------------------------------------------------------ WRITEBACKIFCOPY

def test_inout_no_copy_needed(m):
    a = ac.asarray([1.0, 2.0, 3.0])
    assert m.inout(a, 10.0, 0) == (0, 0)
    assert a.tolist() == [10.0, 20.0, 30.0]


@pytest.mark.parametrize("make", [
    lambda: ac.reshape(ac.arange(12.0), (3, 4))[:, ::2],               # non-contiguous
    lambda: ac.reshape(ac.arange(12.0), (3, 4)).T,                     # Fortran order
    lambda: ac.asarray([[1, 2], [3, 4]], dtype=ac.int32),             # another dtype
    lambda: ac.asarray(np.arange(6, dtype=">f8").reshape(2, 3)),       # byte-swapped
    lambda: ac.asarray(memoryview(bytearray(8 * 6 + 1))[1:].cast("d")),  # misaligned
])
def test_inout_writeback(m, make):
    a = make()
    expect = (npa(a) * 3).tolist()
    rc, had_flag = m.inout(a, 3.0, 0)
    assert (rc, had_flag) == (1, 1)
    assert a.tolist() == expect
    assert a.flags.writeable


def test_inout_discard(m):
    a = ac.reshape(ac.arange(6.0), (2, 3))[:, ::2]
    before = a.tolist()
    assert m.inout(a, 3.0, 1) == (1, 1)
    assert a.tolist() == before and a.flags.writeable


def test_inout_pending_copy(m):
    base = ac.reshape(ac.arange(6.0), (2, 3))
    a = base[:, ::2]
    c = m.inout_take(a)
    assert c.flags.writebackifcopy and c.base is a
    assert not a.flags.writeable          # locked while the write-back is pending
    c[0, 0] = 100.0
    assert m.resolve(c) == 1
    assert float(a[0, 0]) == 100.0 and float(base[0, 0]) == 100.0 and a.flags.writeable
    assert not c.flags.writebackifcopy
    assert m.resolve(c) == 0 and m.discard(c) == 0
    assert m.resolve(None) == 0 and m.discard(None) == 0
    assert m.resolve(ac.asarray([1.0])) == 0


def test_pending_copy_written_back_on_dealloc(m):
    # an unresolved write-back copy that dies writes back (with a warning),
    # and an exception being handled at that moment survives
    base = ac.reshape(ac.arange(6.0), (2, 3))
    a = base[:, ::2]
    c = m.inout_take(a)
    c[0, 0] = 100.0
    with pytest.warns(RuntimeWarning, match="WRITEBACKIFCOPY"):
        try:
            raise KeyError("kept")
        except KeyError as e:
            del c
            assert sys.exc_info()[1] is e
    assert float(a[0, 0]) == 100.0 and float(base[0, 0]) == 100.0 and a.flags.writeable


def test_inout_refuses(m):
    ro = ac.broadcast_to(ac.asarray([1.0, 2.0]), (2, 2))
    with pytest.raises(ValueError, match="read-only"):
        m.inout(ro, 2.0, 0)
    with pytest.raises(TypeError, match="ndarray"):
        m.inout([1.0, 2.0], 2.0, 0)
    with pytest.raises(TypeError):
        m.resolve([1.0])
    with pytest.raises(TypeError):
        m.inout(ac.asarray([1.5j]), 2.0, 0)   # complex -> float64 is not safe


# ------------------------------------------------------------------ creation

def test_simple_new_and_new(m):
    a = m.simple_new((2, 3), AC_FLOAT)
    assert a.shape == (2, 3) and a.dtype == ac.float32 and a.flags.c_contiguous
    assert a.flags.owndata and a.flags.writeable
    assert m.simple_new((), AC_DOUBLE).shape == ()
    b = m.new((4,), AC_SHORT, 2, 0)
    assert b.dtype == ac.int16 and b.shape == (4,)
    f = m.new((2, 3), AC_DOUBLE, 0, 1)        # flags != 0 with data NULL: Fortran
    assert f.flags.f_contiguous and not f.flags.c_contiguous
    for tn, name in [(AC_BOOL, "bool"), (AC_BYTE, "int8"), (AC_UBYTE, "uint8"),
                     (AC_HALF, "float16"), (AC_CFLOAT, "complex64"),
                     (AC_CDOUBLE, "complex128"), (AC_LONG, "int64"),
                     (AC_ULONGLONG, "uint64")]:
        assert m.simple_new((1,), tn).dtype == ac.dtype(name)


def test_new_from_descr_wraps_memory(m):
    ba = bytearray(16)
    a = m.from_bytearray(ba, (2,), AC_DOUBLE)
    assert a.base is ba and not a.flags.owndata and a.flags.writeable
    a[1] = 2.0
    assert bytes(ba[8:]) == np.float64(2.0).tobytes()
    ro = m.from_bytearray(ba, (2,), AC_DOUBLE, None, 0)
    assert not ro.flags.writeable
    with pytest.raises(ValueError):
        ro[0] = 1.0
    s = m.static_data()
    assert s.tolist() == [[1, 2, 3], [4, 5, 6]] and not s.flags.owndata


@pytest.mark.parametrize("shape, strides", [
    ((2, 3), (8, 16)),            # Fortran-like
    ((2, 3), (-24, 8)),           # negative outer stride
    ((4,), (16,)),                # gaps between elements
    ((3, 2), (-8, -24)),          # all negative
    ((0, 3), (24, 8)),            # empty
])
def test_new_from_descr_allocates_with_strides(m, shape, strides):
    a = m.new_with_strides(shape, AC_DOUBLE, strides)
    assert a.shape == shape and a.flags.owndata and a.flags.writeable
    if 0 not in shape:
        assert a.strides == strides
    vals = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    a[...] = ac.asarray(vals)
    np.testing.assert_array_equal(np.asarray(a), vals)
    assert ac.asarray(a).__array_interface__["data"][0] != 0


def test_new_from_descr_strides_overflow(m):
    with pytest.raises(ValueError):
        m.new_with_strides((2, 2**40), AC_DOUBLE, (8, 2**40))


def test_zeros_empty(m):
    z = m.zeros_empty((2, 3), AC_INT, 0, 1)
    assert z.dtype == ac.int32 and z.tolist() == [[0] * 3] * 2
    f = m.zeros_empty((2, 3), None, 1, 1)
    assert f.dtype == ac.float64 and f.flags.f_contiguous
    e = m.zeros_empty((5,), "c8", 0, 0)
    assert e.dtype == ac.complex64 and e.shape == (5,)


def test_copy_cast_copyinto_fill(m):
    a = ac.reshape(ac.arange(6.0), (2, 3))
    c = m.new_copy(a, FORTRANORDER)
    assert c.flags.f_contiguous and c.tolist() == a.tolist() and c is not a
    assert m.new_copy(a.T, ANYORDER).flags.f_contiguous
    assert m.new_copy(a.T, CORDER).flags.c_contiguous
    assert m.new_copy(a, KEEPORDER).flags.c_contiguous
    with pytest.raises(ValueError):
        m.new_copy(a, 7)
    i = m.cast(a, AC_SHORT, 1)
    assert i.dtype == ac.int16 and i.flags.f_contiguous and i.tolist() == [[0, 1, 2], [3, 4, 5]]
    dst = ac.zeros((2, 3))
    m.copy_into(dst, ac.asarray([1.0, 2.0, 3.0]))
    assert dst.tolist() == [[1, 2, 3], [1, 2, 3]]
    with pytest.raises(ValueError):
        m.copy_into(dst, ac.asarray([1.0, 2.0]))
    with pytest.raises(ValueError):
        m.copy_into(ac.broadcast_to(ac.asarray([1.0]), (3,)), ac.asarray([1.0]))
    m.fill(dst, 7)
    assert dst.tolist() == [[7.0] * 3] * 2
    with pytest.raises(ValueError):
        m.fill(ac.broadcast_to(ac.asarray([1.0]), (3,)), 1.0)


def test_newshape_transpose_return(m):
    a = ac.reshape(ac.arange(6.0), (2, 3))
    r = m.newshape(a, (3, -1))
    assert r.shape == (3, 2) and r.tolist() == npa(a).reshape(3, -1).tolist()
    r = m.newshape(a, (3, 2), "F")
    assert r.tolist() == npa(a).reshape((3, 2), order="F").tolist()
    r = m.newshape(a, 6)
    assert r.shape == (6,)
    with pytest.raises(ValueError):
        m.newshape(a, (4, 2))
    with pytest.raises(ValueError):
        m.newshape(a, (6,), "K")
    t = m.transpose(ac.reshape(ac.arange(24.0), (2, 3, 4)))
    assert t.shape == (4, 3, 2)
    t = m.transpose(ac.reshape(ac.arange(24.0), (2, 3, 4)), (1, 0, 2))
    assert t.shape == (3, 2, 4) and t.tolist() == npa(ac.reshape(ac.arange(24.0), (2, 3, 4))).transpose(1, 0, 2).tolist()
    for bad in [(0, 0, 1), (0, 1), (0, 1, 5)]:
        with pytest.raises(ValueError):
            m.transpose(ac.zeros((2, 3, 4)), bad)
    z = ac.asarray(5.0)
    before = sys.getrefcount(z)
    r = m.ret(z)
    assert r is z and r.shape == ()
    del r
    assert sys.getrefcount(z) == before


# ---------------------------------------------------------------- data types

def test_descr_from_type(m):
    names = {AC_BOOL: "bool", AC_BYTE: "int8", AC_UBYTE: "uint8", AC_SHORT: "int16",
             AC_USHORT: "uint16", AC_INT: "int32", AC_UINT: "uint32", AC_LONG: "int64",
             AC_ULONG: "uint64", AC_LONGLONG: "int64", AC_ULONGLONG: "uint64",
             AC_FLOAT: "float32", AC_DOUBLE: "float64", AC_CFLOAT: "complex64",
             AC_CDOUBLE: "complex128", AC_HALF: "float16"}
    for num, name in names.items():
        d = m.descr_from_type(num)
        assert isinstance(d, ac.dtype) and d == ac.dtype(name)
    for bad in (AC_LONGDOUBLE, AC_NOTYPE, -1, 1000):
        with pytest.raises(ValueError):
            m.descr_from_type(bad)


DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
          "uint64", "float16", "float32", "float64", "complex64", "complex128"]


def test_can_cast_and_promote_match_python(m):
    levels = ["no", "equiv", "safe", "same_kind", "unsafe"]
    for a in DTYPES:
        for b in DTYPES:
            for lvl, name in enumerate(levels):
                assert m.can_cast(a, b, lvl) == ac.can_cast(ac.dtype(a), ac.dtype(b), casting=name), (a, b, name)
            assert m.promote(a, b) == ac.promote_types(a, b)
    with pytest.raises(ValueError):
        m.can_cast("f8", "f8", 9)


def test_check(m):
    a = ac.asarray([1.0])
    assert m.check(a) and m.check_exact(a)
    assert not m.check(np.asarray([1.0])) and not m.check_exact([1.0])
    assert m.check(None) is False   # NULL


# ---------------------------------------------------------------- converters

def test_converters(m):
    assert m.conv_descr("f4") == ac.float32
    assert m.conv_descr(ac.int8) == ac.int8
    assert m.conv_descr(None) == ac.float64
    assert m.conv_descr(float) == ac.float64
    with pytest.raises(TypeError):
        m.conv_descr("not a dtype")
    assert m.conv_intp(3) == (3,)
    assert m.conv_intp((1, -2, 3)) == (1, -2, 3)
    assert m.conv_intp([]) == ()
    with pytest.raises(TypeError):
        m.conv_intp("ab")
    with pytest.raises(TypeError):
        m.conv_intp(1.5)
    with pytest.raises(ValueError):
        m.conv_intp(tuple(range(65)))
    assert m.conv_axis(None) == "ravel"
    assert m.conv_axis(-2) == -2
    with pytest.raises(TypeError):
        m.conv_axis("x")
    assert [m.conv_order(o) for o in "CFAK"] == [CORDER, FORTRANORDER, ANYORDER, KEEPORDER]
    assert m.conv_order("f") == FORTRANORDER
    assert m.conv_order(None) == 99          # None leaves the value
    with pytest.raises(ValueError):
        m.conv_order("X")
    with pytest.raises(TypeError):
        m.conv_order(1)


# ------------------------------------------------------------ element access

def test_getptr(m):
    a = ac.reshape(ac.arange(24.0), (2, 3, 4))
    assert m.getptr(a, (1, 2, 3)) == 23.0
    v = a[:, ::-1, 1::2]
    assert m.getptr(v, (1, 0, 1)) == npa(v)[1, 0, 1]
    with pytest.raises(IndexError):
        m.getptr(a, (2, 0, 0))
    with pytest.raises(IndexError):
        m.getptr(a, (0, -1, 0))
    assert m.getptr(ac.asarray(4.0), ()) == 4.0
    for shape in [(5,), (3, 4), (2, 3, 4), (2, 3, 2, 3)]:
        x = ac.reshape(ac.arange(float(np.prod(shape) * 2)), shape[:-1] + (shape[-1] * 2,))
        x = x[..., ::2]
        assert m.getptr_macros(x) is True
    with pytest.raises(TypeError):
        m.getptr_macros([1.0])


def test_type_objects_with_parse_tuple(m):
    a = ac.asarray([1.0])
    assert m.parse_types(a, a.dtype) is True
    with pytest.raises(TypeError):
        m.parse_types([1.0], a.dtype)
    with pytest.raises(TypeError):
        m.parse_types(a, "f8")


# ------------------------------------------------------------------ bad input

# cases that are not errors: cleanup/predicates given NULL
_NO_ERROR = {"Resolve(NULL)", "Discard(NULL)", "Check(NULL)", "CheckExact(NULL)"}


def test_bad_calls_raise_never_crash(m):
    results = m.bad_calls([1, 2])
    assert len(results) > 40
    for case, exc, ret in results:
        if case in _NO_ERROR:
            assert exc is None and ret == 0, case
        else:
            assert exc in ("TypeError", "ValueError", "IndexError"), (case, exc)
            assert ret in (False, 0, -1), (case, ret)
            if isinstance(ret, int) and not isinstance(ret, bool) and "Converter" not in case \
                    and "Cast" not in case:
                assert ret == -1, case


def test_no_reference_leaks(m):
    a = ac.reshape(ac.arange(12.0), (3, 4))
    v = a[:, ::2]
    lst = [1.0, 2.0]
    d = ac.float32
    counts = (sys.getrefcount(a), sys.getrefcount(v), sys.getrefcount(lst), sys.getrefcount(d))
    for _ in range(200):
        m.from_otf(v, AC_DOUBLE, IN_ARRAY)
        m.from_any(lst, d, 0, 0, FORCECAST)
        m.inout(v, 1.0, 0)
        m.new_copy(a, CORDER)
        m.transpose(v)
        m.newshape(a, (4, 3))
        m.ret(a)
        m.conv_descr(d)
        m.promote(d, "f8")
        m.can_cast(d, "f8", 2)
        m.bad_calls(lst)
        try:
            m.from_any(a, AC_INT, 0, 0, 0)
        except TypeError:
            pass
    assert counts == (sys.getrefcount(a), sys.getrefcount(v), sys.getrefcount(lst),
                      sys.getrefcount(d))


# --------------------------------------------------- import: lazy, stubs, versions

def _run(build, body):
    code = textwrap.dedent(f"""\
        import sys, importlib.util
        def load(name):
            import os, sysconfig
            path = os.path.join({build!r}, name + sysconfig.get_config_var("EXT_SUFFIX"))
            spec = importlib.util.spec_from_file_location(name, path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
        """) + textwrap.dedent(body)
    r = B.run_python(code)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_lazy_import_without_import_call(capi_build):
    out = _run(capi_build, """\
        m = load("capi_testmod")
        assert "arraycore" not in sys.modules
        r = m.from_otf([[1, 2]], 12, 0)        # first use imports the table
        assert "arraycore._capi" in sys.modules
        assert type(r).__name__ == "ndarray" and r.tolist() == [[1.0, 2.0]]
        print("ok")
        """)
    assert "ok" in out


def test_import_in_init(capi_build):
    out = _run(capi_build, """\
        m = load("capi_testmod_init")
        assert "arraycore._capi" in sys.modules
        print("ok")
        """)
    assert "ok" in out


def _api_version():
    import re
    spec = open(os.path.join(os.path.dirname(__file__), os.pardir, "tools", "api_spec.py")).read()
    return int(re.search(r"^API_VERSION = (0x[0-9a-fA-F]+)", spec, re.M).group(1), 16)


_API = _api_version()


def test_target_version_too_new(capi_build):
    out = _run(capi_build, """\
        try:
            load("capi_testmod_target")
        except ImportError as e:
            print("IMPORTERROR", e)
        """)
    assert "IMPORTERROR" in out and "0x7fffffff" in out and f"0x{_API:x}" in out, out
    assert "AC_TARGET_VERSION" in out


def test_stubs_when_arraycore_cannot_be_imported(capi_build):
    out = _run(capi_build, """\
        sys.modules["arraycore._capi"] = None      # the import fails
        m = load("capi_testmod")
        errs = []
        for f, args in [(m.from_o, ([1],)), (m.from_otf, ([1], 12, 0)),
                        (m.simple_new, ((2,), 12)), (m.check, ([1],)),
                        (m.descr_from_type, (12,)), (m.conv_descr, ("f8",)),
                        (m.import_arraycore, ())]:
            try:
                f(*args)
            except ImportError as e:
                errs.append("ImportError")
            else:
                errs.append("no error")
        print(errs)
        assert set(errs) == {"ImportError"}, errs
        try:
            m.parse_types([1], 1)
        except TypeError as e:
            assert "unavailable" in str(e), e
        else:
            raise AssertionError("O! accepted")
        for case, exc, ret in m.bad_calls([1]):
            assert exc in ("ImportError", "ModuleNotFoundError"), (case, exc)
        print("ok")
        """)
    assert "ok" in out


def _fake_capi(abi, api, size=34, capsule=True, name="arraycore._capi._C_API"):
    return f"""\
        import ctypes, types, arraycore
        table = (ctypes.c_void_p * {size})({abi}, {api}, {size})
        cname = ctypes.create_string_buffer({name!r}.encode())
        new = ctypes.pythonapi.PyCapsule_New
        new.restype = ctypes.py_object
        new.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        fake = types.ModuleType("arraycore._capi")
        fake._C_API = new(ctypes.addressof(table), ctypes.addressof(cname), None) if {capsule} else 5
        sys.modules["arraycore._capi"] = fake
        m = load("capi_testmod")
        try:
            m.import_arraycore()
        except ImportError as e:
            print("IMPORTERROR", e)
        try:
            m.from_o([1])
        except ImportError as e:
            print("LAZY", e)
        """


def test_abi_mismatch_message(capi_build):
    out = _run(capi_build, _fake_capi(99, 1))
    assert "IMPORTERROR" in out and "ABI version 1" in out and "99" in out, out
    assert "LAZY" in out


def test_api_too_old_message(capi_build):
    out = _run(capi_build, _fake_capi(1, 0))
    assert "IMPORTERROR" in out and f"0x{_API:x}" in out and "0x0" in out, out


def test_not_a_capsule_and_wrong_name(capi_build):
    out = _run(capi_build, _fake_capi(1, 1, capsule=False))
    assert "IMPORTERROR" in out and "capsule" in out, out
    out = _run(capi_build, _fake_capi(1, 1, name="something.else"))
    assert "IMPORTERROR" in out, out


# --------------------------------------------------------------- spec and lock

def _load_spec():
    sys.path.insert(0, os.path.join(B.REPO, "tools"))
    try:
        import generate_api
    finally:
        sys.path.pop(0)
    return generate_api.load_spec()


def _generator():
    sys.path.insert(0, os.path.join(B.REPO, "tools"))
    try:
        import generate_api
    finally:
        sys.path.pop(0)
    return generate_api


def test_api_lock_holds():
    g = _generator()
    spec = g.load_spec()
    assert g.check_lock(spec) == []
    locked = {slot for slot, _, _ in g.read_lock()}
    assert locked == {e.slot for e in spec.ENTRIES}, "run tools/generate_api.py --update-lock"


def test_api_lock_detects_changes(tmp_path):
    g = _generator()
    with open(g.SPEC_PATH, encoding="utf-8") as f:
        src = f.read()
    changed = src.replace('"int type_num",\n      "The (new reference to the) native dtype',
                          '"long type_num",\n      "The (new reference to the) native dtype')
    assert changed != src
    p = tmp_path / "api_spec.py"
    p.write_text(changed)
    problems = g.check_lock(g.load_spec(str(p)))
    assert any("ACArray_DescrFromType" in x for x in problems), problems
    assert g.main(["--spec", str(p), "--check-lock"]) == 1
    moved = src.replace('F(32, "ACArray_GetPtr"', 'F(99, "ACArray_GetPtr"')
    p.write_text(moved)
    with pytest.raises(ValueError):
        g.load_spec(str(p))            # slots must stay dense and in order


def test_generated_reference_page_is_current(tmp_path):
    g = _generator()
    out = tmp_path / "capi_reference.rst"
    assert g.main(["--rst", str(out)]) == 0
    with open(os.path.join(B.REPO, "docs", "capi_reference.rst")) as f:
        assert f.read() == out.read_text(), \
            "regenerate: python tools/generate_api.py --rst docs/capi_reference.rst"


def test_installed_header_matches_spec():
    g = _generator()
    inc = B.ac_include()
    with open(os.path.join(inc, "arraycore", "_ac_api.h")) as f:
        installed = f.read()
    assert installed == g.gen_header(g.load_spec()), \
        "the installed arraycore is older than tools/api_spec.py: reinstall"


def test_other_import_errors_become_import_error(capi_build):
    out = _run(capi_build, """\
        import types, arraycore
        class Broken(types.ModuleType):
            def __getattr__(self, name):
                raise RuntimeError("boom")
        sys.modules["arraycore._capi"] = Broken("arraycore._capi")
        m = load("capi_testmod")
        try:
            m.import_arraycore()
        except ImportError as e:
            print("IMPORTERROR", e, type(e.__cause__).__name__)
        """)
    assert "IMPORTERROR" in out and "boom" in out and "RuntimeError" in out, out
