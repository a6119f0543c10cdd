"""dtype objects: construction, attributes, equality, promotion, casting,
finfo/iinfo and isdtype, checked against NumPy."""
import itertools
import pickle
import sys

import numpy as np
import pytest

from _helpers import (COMPLEX_NAMES, DTYPE_NAMES, INTEGRAL_NAMES, IS_NUMPY,
                      REAL_FLOAT_NAMES, STANDARD_DTYPE_NAMES, npdt, xdt, xp)

NON_NATIVE = ">" if sys.byteorder == "little" else "<"
NATIVE = "<" if sys.byteorder == "little" else ">"

ATTRS = ["name", "kind", "char", "itemsize", "alignment", "byteorder", "num", "str"]


def check_attrs(d, expected):
    for attr in ATTRS:
        assert getattr(d, attr) == getattr(expected, attr), (attr, getattr(d, attr),
                                                              getattr(expected, attr))


# ---------------------------------------------------------------- construction
@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_namespace_dtypes_match_numpy(name):
    d = xp.dtype(name)
    check_attrs(d, np.dtype(name))
    assert d == xdt(name)
    # the namespace attribute itself is a dtype (not a scalar type) in arraycore
    if not IS_NUMPY:
        assert isinstance(xdt(name), xp.dtype)
        check_attrs(xdt(name), np.dtype(name))


SPECS = [
    # canonical spellings and character codes
    "bool", "?", "b1", "int8", "i1", "b", "uint8", "u1", "B",
    "int16", "i2", "h", "uint16", "u2", "H", "int32", "i4", "i", "uint32", "u4", "I",
    "int64", "i8", "l", "uint64", "u8", "L", "float16", "f2", "e",
    "float32", "f4", "f", "float64", "f8", "d", "complex64", "c8", "F",
    "complex128", "c16", "D",
    # explicit byte orders
    "<f8", ">f8", "=f8", "<i4", ">i4", ">u2", "<u8", ">c16", "<c8", ">f2", "|b1", "|i1",
    "|u1", ">i1", "<?",
]


@pytest.mark.parametrize("spec", SPECS)
def test_dtype_from_string_matches_numpy(spec):
    d = xp.dtype(spec)
    check_attrs(d, np.dtype(spec))


@pytest.mark.parametrize("spec,name", [("q", "int64"), ("Q", "uint64"),
                                       ("int", "int64"), ("float", "float64"),
                                       ("complex", "complex128")])
def test_dtype_aliases(spec, name):
    assert xp.dtype(spec) == xdt(name)


@pytest.mark.parametrize("pytype,name", [(bool, "bool"), (int, "int64"),
                                         (float, "float64"), (complex, "complex128")])
def test_dtype_from_python_type(pytype, name):
    assert xp.dtype(pytype) == xdt(name)
    check_attrs(xp.dtype(pytype), np.dtype(name))


@pytest.mark.parametrize("spec", ["float64", ">f8", "<i2", "bool", "complex64", ">u8", "float16"])
def test_dtype_from_numpy_dtype(spec):
    d = xp.dtype(np.dtype(spec))
    check_attrs(d, np.dtype(spec))
    assert d == xp.dtype(spec)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_dtype_from_numpy_scalar_type(name):
    # np.float32 and friends (what NumPy users pass as dtype=)
    assert xp.dtype(getattr(np, name if name != "bool" else "bool_")) == xdt(name)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_dtype_from_dtype_roundtrip(name):
    d = xdt(name)
    assert xp.dtype(d) == d
    swapped = xp.dtype(NON_NATIVE + np.dtype(name).str[1:])
    assert xp.dtype(swapped) == swapped
    assert xp.dtype(swapped.str) == swapped


@pytest.mark.parametrize("bad", ["foo", "float65", "i3", "int63", "complex32", "fp8"])
def test_dtype_unknown_name_raises(bad):
    with pytest.raises(TypeError):
        xp.dtype(bad)


@pytest.mark.arraycore_only
@pytest.mark.parametrize("bad", ["O", "U8", "S4", "M8[s]", "V8", "f16", "object", "",
                                 "f8,i4", "float128"])
def test_dtype_unsupported_numpy_name_raises(bad):
    # names NumPy knows but arraycore has no dtype for
    with pytest.raises(TypeError):
        xp.dtype(bad)


@pytest.mark.arraycore_only
@pytest.mark.parametrize("bad", [object, str, bytes, [1, 2], 3.5, {}])
def test_dtype_bad_object_raises(bad):
    with pytest.raises(TypeError):
        xp.dtype(bad)


# ---------------------------------------------------------------- equality, hash
def test_equality_and_hash():
    all_dtypes = [xp.dtype(n) for n in DTYPE_NAMES]
    for a, b in itertools.product(all_dtypes, repeat=2):
        assert (a == b) == (npdt(a) == npdt(b))
        assert (a != b) == (npdt(a) != npdt(b))
    for name in DTYPE_NAMES:
        assert hash(xp.dtype(name)) == hash(xp.dtype(np.dtype(name).str))
        assert hash(xp.dtype(name)) == hash(xdt(name))
    # usable as dict keys, one entry per distinct dtype
    table = {d: d.name for d in all_dtypes + [xp.dtype(n) for n in DTYPE_NAMES]}
    assert len(table) == 14


@pytest.mark.parametrize("name", ["int16", "int32", "int64", "uint16", "uint32", "uint64",
                                  "float16", "float32", "float64", "complex64", "complex128"])
def test_byteorder_distinguishes(name):
    native = xp.dtype(NATIVE + np.dtype(name).str[1:])
    swapped = xp.dtype(NON_NATIVE + np.dtype(name).str[1:])
    assert native == xdt(name)
    assert swapped != native
    assert swapped.name == native.name
    assert swapped.byteorder == NON_NATIVE and native.byteorder == "="
    assert hash(xp.dtype(swapped.str)) == hash(swapped)


def test_single_byte_dtypes_ignore_byteorder():
    for name in ["bool", "int8", "uint8"]:
        c = np.dtype(name).char
        assert xp.dtype(">" + c) == xp.dtype("<" + c) == xdt(name)
        assert xp.dtype(">" + c).byteorder == "|"


@pytest.mark.arraycore_only
def test_dtype_not_equal_to_unrelated_objects():
    d = xdt("float64")
    assert not (d == object())
    assert d != object()
    assert d != 3


@pytest.mark.arraycore_only
def test_dtype_pickle_and_repr():
    for name in DTYPE_NAMES:
        d = xdt(name)
        assert pickle.loads(pickle.dumps(d)) == d
        assert name in repr(d)
        assert str(d) == name
    swapped = xp.dtype(">f8")
    assert pickle.loads(pickle.dumps(swapped)) == swapped


def test_array_dtype_is_namespace_dtype():
    for name in DTYPE_NAMES:
        x = xp.zeros((2,), dtype=xdt(name))
        assert x.dtype == xdt(name)
        assert hash(x.dtype) == hash(xdt(name))


# ---------------------------------------------------------------- result_type
@pytest.mark.parametrize("a,b", list(itertools.combinations_with_replacement(DTYPE_NAMES, 2)))
def test_result_type_pairs_match_numpy(a, b):
    expected = np.result_type(np.dtype(a), np.dtype(b))
    assert npdt(xp.result_type(xdt(a), xdt(b))) == expected
    assert npdt(xp.result_type(xdt(b), xdt(a))) == expected


def test_result_type_many_and_arrays():
    x = xp.zeros((2,), dtype=xp.int8)
    y = xp.zeros((2,), dtype=xp.uint8)
    assert xp.result_type(x, y) == xp.int16
    assert xp.result_type(x, y, xp.float32) == xp.float32
    assert xp.result_type(xp.int8, xp.int16, xp.int32) == xp.int32
    assert xp.result_type(xp.float32) == xp.float32
    assert xp.result_type(x) == xp.int8


@pytest.mark.parametrize("names", [("int8", "uint8", "float16"), ("float16", "int8", "uint8"),
                                   ("uint8", "float16", "int8"), ("int64", "uint64", "float16"),
                                   ("int16", "uint16", "float32", "int8"),
                                   ("bool", "uint32", "int8", "float16", "complex64")],
                         ids="-".join)
def test_result_type_many_mixed_kinds_order_independent(names):
    # NumPy's n-ary promotion does not depend on argument order (it is not a
    # left fold of the pairwise table for mixed kinds)
    expected = np.result_type(*[np.dtype(n) for n in names])
    assert npdt(xp.result_type(*[xdt(n) for n in names])) == expected


def test_result_type_nonnative_inputs():
    d = xp.dtype(NON_NATIVE + "f8")
    assert npdt(xp.result_type(d, xp.float32)) == np.result_type(np.dtype(NON_NATIVE + "f8"),
                                                                  np.float32)


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("scalar", [True, 1, -1, 1.0, 1j], ids=["bool", "int", "negint",
                                                                "float", "complex"])
def test_result_type_python_scalars_weak(name, scalar):
    # NEP 50: Python scalars are weak; NumPy 2 is the oracle.
    expected = np.result_type(np.dtype(name), scalar)
    assert npdt(xp.result_type(xdt(name), scalar)) == expected
    assert npdt(xp.result_type(scalar, xdt(name))) == expected
    x = xp.zeros((1,), dtype=xdt(name))
    assert npdt(xp.result_type(x, scalar)) == expected


def test_result_type_weak_scalars_examples():
    assert xp.result_type(xp.int8, 1) == xp.int8
    assert xp.result_type(xp.uint8, 1) == xp.uint8
    assert xp.result_type(xp.float32, 1.0) == xp.float32
    assert xp.result_type(xp.float16, 1.0) == xp.float16
    assert xp.result_type(xp.float32, 1j) == xp.complex64
    assert xp.result_type(xp.int8, 1.0) == xp.float64
    assert xp.result_type(xp.bool, 1) == xp.int64
    assert xp.result_type(xp.bool, True) == xp.bool


def test_result_type_errors():
    with pytest.raises((TypeError, ValueError)):
        xp.result_type()
    with pytest.raises(TypeError):
        xp.result_type(xp.float64, "foo")


# ---------------------------------------------------------------- can_cast
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("casting", CASTINGS)
def test_can_cast_all_pairs_match_numpy(casting):
    mismatches = []
    for a, b in itertools.product(DTYPE_NAMES, repeat=2):
        got = xp.can_cast(xdt(a), xdt(b), casting=casting)
        exp = np.can_cast(np.dtype(a), np.dtype(b), casting=casting)
        if bool(got) != exp:
            mismatches.append((a, b, got, exp))
    assert not mismatches


def test_can_cast_default_is_safe():
    for a, b in itertools.product(DTYPE_NAMES, repeat=2):
        assert xp.can_cast(xdt(a), xdt(b)) == np.can_cast(np.dtype(a), np.dtype(b)), (a, b)


@pytest.mark.parametrize("casting", CASTINGS)
@pytest.mark.parametrize("name", ["int16", "uint32", "float64", "complex64", "float16"])
def test_can_cast_byteorder(casting, name):
    c = np.dtype(name).str[1:]
    for a, b in [(NATIVE + c, NON_NATIVE + c), (NON_NATIVE + c, NON_NATIVE + c),
                 (NON_NATIVE + c, "f8"), ("i1", NON_NATIVE + c)]:
        got = xp.can_cast(xp.dtype(a), xp.dtype(b), casting=casting)
        assert bool(got) == np.can_cast(np.dtype(a), np.dtype(b), casting=casting), (a, b)


def test_can_cast_from_array():
    x = xp.zeros((3,), dtype=xp.int16)
    assert xp.can_cast(x, xp.int32)
    assert not xp.can_cast(x, xp.int8)
    assert xp.can_cast(x, xp.float32)
    assert not xp.can_cast(x, xp.float16)


def test_can_cast_bad_casting_raises():
    with pytest.raises(ValueError):
        xp.can_cast(xp.int8, xp.int16, casting="sometimes")


# ---------------------------------------------------------------- finfo / iinfo
@pytest.mark.parametrize("name", REAL_FLOAT_NAMES + COMPLEX_NAMES)
def test_finfo_matches_numpy(name):
    f = xp.finfo(xdt(name))
    e = np.finfo(np.dtype(name))
    assert f.bits == e.bits
    for attr in ["eps", "max", "min", "smallest_normal"]:
        got = getattr(f, attr)
        if not IS_NUMPY:  # the standard says Python floats; NumPy gives NumPy scalars
            assert isinstance(got, float), (attr, type(got))
        assert float(got) == float(getattr(e, attr)), attr
    assert npdt(f.dtype) == e.dtype


@pytest.mark.arraycore_only
@pytest.mark.parametrize("name", REAL_FLOAT_NAMES + COMPLEX_NAMES)
def test_finfo_of_array(name):
    e = np.finfo(np.dtype(name))
    f2 = xp.finfo(xp.zeros((2,), dtype=xdt(name)))
    assert f2.bits == e.bits and f2.eps == float(e.eps)
    assert npdt(f2.dtype) == e.dtype


@pytest.mark.parametrize("name", INTEGRAL_NAMES)
def test_iinfo_matches_numpy(name):
    i = xp.iinfo(xdt(name))
    e = np.iinfo(np.dtype(name))
    assert (i.bits, i.min, i.max) == (e.bits, e.min, e.max)
    assert isinstance(i.max, int) and isinstance(i.min, int)
    assert npdt(i.dtype) == np.dtype(name)


@pytest.mark.arraycore_only
@pytest.mark.parametrize("name", INTEGRAL_NAMES)
def test_iinfo_of_array(name):
    e = np.iinfo(np.dtype(name))
    i2 = xp.iinfo(xp.zeros((2,), dtype=xdt(name)))
    assert (i2.bits, i2.min, i2.max) == (e.bits, e.min, e.max)


@pytest.mark.parametrize("name", ["bool"] + INTEGRAL_NAMES)
def test_finfo_of_non_float_raises(name):
    with pytest.raises((TypeError, ValueError)):
        xp.finfo(xdt(name))


@pytest.mark.parametrize("name", ["bool"] + REAL_FLOAT_NAMES + COMPLEX_NAMES)
def test_iinfo_of_non_integer_raises(name):
    with pytest.raises((TypeError, ValueError)):
        xp.iinfo(xdt(name))


# ---------------------------------------------------------------- isdtype
KINDS = ["bool", "signed integer", "unsigned integer", "integral", "real floating",
         "complex floating", "numeric", ("bool", "complex floating"),
         ("signed integer", "real floating")]


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_isdtype_matches_numpy(kind):
    for name in DTYPE_NAMES:
        expected = np.isdtype(np.dtype(name), kind)
        assert xp.isdtype(xdt(name), kind) == expected, (name, kind)


def test_isdtype_with_dtype_kind():
    for a, b in itertools.product(STANDARD_DTYPE_NAMES, repeat=2):
        assert xp.isdtype(xdt(a), xdt(b)) == (a == b)
    assert xp.isdtype(xp.float32, (xp.float64, xp.float32))
    assert not xp.isdtype(xp.float32, (xp.float64, "integral"))
    assert xp.isdtype(xp.float32, (xp.float64, "real floating"))


def test_isdtype_bad_kind():
    with pytest.raises(ValueError):
        xp.isdtype(xp.float64, "floating-ish")
    with pytest.raises(TypeError):
        xp.isdtype(xp.float64, 3)
