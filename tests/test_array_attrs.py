"""ndarray attributes and simple methods: shape strides ndim size itemsize
nbytes dtype device T mT base flags; __len__ __iter__ __bool__ __int__
__float__ __complex__ __index__; fill, copy(order=), astype, to_device;
__array_namespace__, __array_namespace_info__, __array_api_version__."""
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _helpers import (DTYPE_NAMES, IS_NUMPY, NUMERIC_NAMES, STANDARD_DTYPE_NAMES,
                      WRITABLE_LAYOUTS, assert_array, assert_strides, npdt, pairs, shapes,
                      shares_memory, xdt, xp)


# ---------------------------------------------------------------- basic attributes
@given(pairs())
def test_basic_attributes(pair):
    n, x = pair
    assert x.shape == n.shape and isinstance(x.shape, tuple)
    assert all(type(s) is int for s in x.shape)
    assert x.ndim == n.ndim and type(x.ndim) is int
    assert x.size == n.size and type(x.size) is int
    assert x.itemsize == n.itemsize
    assert x.nbytes == n.nbytes
    assert npdt(x.dtype) == n.dtype
    assert isinstance(x.strides, tuple) and len(x.strides) == n.ndim
    assert_strides(x, n)   # axes of extent 1 may carry any stride


@given(shapes(max_dims=5), st.sampled_from(DTYPE_NAMES))
def test_new_array_strides_are_numpy_c_strides(shape, name):
    x = xp.zeros(shape, dtype=xdt(name))
    n = np.zeros(shape, dtype=name)
    if n.size:
        assert tuple(x.strides) == n.strides


@given(pairs())
def test_flags_match_numpy(pair):
    n, x = pair
    f = x.flags
    assert f.c_contiguous == n.flags.c_contiguous
    assert f.f_contiguous == n.flags.f_contiguous
    assert f.writeable == n.flags.writeable
    assert f.aligned == n.flags.aligned
    assert f.writebackifcopy is False
    for key in ["C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY"]:
        assert f[key] == n.flags[key], key
    if not IS_NUMPY:   # (np.asarray(n) is n itself)
        assert f["OWNDATA"] is False and f.owndata is False    # imported memory is not owned


def test_flags_of_new_arrays_and_views():
    x = xp.zeros((3, 4))
    assert x.flags.owndata and x.flags["OWNDATA"]
    assert x.flags.c_contiguous and not x.flags.f_contiguous
    assert x.flags.aligned and x.flags.writeable
    v = x.T
    assert not v.flags.owndata
    assert v.flags.f_contiguous and not v.flags.c_contiguous
    s = x[:, ::2]
    assert not s.flags.c_contiguous and not s.flags.f_contiguous
    one = xp.zeros((1, 5))[:, ::1]
    assert one.flags.c_contiguous
    e = xp.zeros((0, 3))
    assert e.flags.c_contiguous and e.flags.f_contiguous
    with pytest.raises(KeyError):
        x.flags["NOT_A_FLAG"]
    r = repr(x.flags)
    assert "C_CONTIGUOUS : True" in r and "WRITEABLE : True" in r


def test_flags_writeable_can_be_cleared():
    x = xp.asarray([1.0, 2.0, 3.0])
    x.flags.writeable = False
    assert not x.flags.writeable and not x.flags["WRITEABLE"]
    with pytest.raises(ValueError):
        x[0] = 5.0
    v = x[1:]
    assert not v.flags.writeable
    x.flags.writeable = True
    x[0] = 5.0
    assert float(x[0]) == 5.0


@pytest.mark.arraycore_only
def test_flags_writeable_cannot_be_set_on_readonly_import():
    ro = np.arange(3.0)
    ro.flags.writeable = False
    x = xp.asarray(ro)
    with pytest.raises(ValueError):
        x.flags.writeable = True


def test_base():
    o = xp.zeros((4, 5))
    assert o.base is None
    v = o[1:]
    assert v.base is o
    assert v[1:].base is o          # collapsed to the owner, as in NumPy
    assert xp.reshape(o, (20,)).base is o
    assert o.T.base is o
    assert xp.asarray(o, copy=True).base is None
    n = np.arange(3.0)
    x = xp.asarray(n)
    if not IS_NUMPY:
        assert x.base is not None   # keeps the exporter alive


def test_device_and_to_device():
    x = xp.asarray([1, 2, 3])
    d = x.device
    assert d == xp.zeros(1).device
    assert x.to_device(d) is x or shares_memory(x.to_device(d), x)
    y = x.to_device("cpu")
    assert_array(y, np.asarray([1, 2, 3]))
    info = xp.__array_namespace_info__()
    assert d == info.default_device()
    assert d in info.devices()
    with pytest.raises((ValueError, TypeError)):
        x.to_device("gpu:0")


# ---------------------------------------------------------------- T, mT
@given(pairs(shape=shapes(min_dims=2, max_dims=2)))
def test_T(pair):
    n, x = pair
    assert_array(x.T, n.T, strides=True)


@given(pairs(shape=shapes(min_dims=2)))
def test_mT(pair):
    n, x = pair
    assert_array(x.mT, np.swapaxes(n, -1, -2), strides=True)


# ---------------------------------------------------------------- len / iter / scalars
@given(pairs(shape=shapes(min_dims=1)))
def test_len_and_iter(pair):
    n, x = pair
    assert len(x) == len(n)
    items = list(x)
    assert len(items) == n.shape[0]
    for got, exp in zip(items, n):
        # NumPy yields native scalars for 1-d input; arraycore 0-d arrays (views)
        assert_array(got, np.asarray(exp), exact_byteorder=n.ndim > 1)


def test_len_iter_of_0d_raise():
    x = xp.asarray(1.0)
    with pytest.raises(TypeError):
        len(x)
    with pytest.raises(TypeError):
        for _ in x:       # at iter() (NumPy) or at the first next()
            pass


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_dunder_scalars(name):
    n = np.asarray(3, dtype=name) if name != "bool" else np.asarray(True)
    x = xp.asarray(n)
    assert bool(x) is bool(n)
    assert complex(x) == complex(n)
    if n.dtype.kind != "c":
        assert int(x) == int(n) and type(int(x)) is int
        assert float(x) == float(n) and type(float(x)) is float
    if n.dtype.kind in "iu":
        assert x.__index__() == n.__index__() and type(x.__index__()) is int
        assert range(10)[x] == 3
        assert hex(x) == hex(3)


def test_bool_of_size0_and_nan():
    assert bool(xp.asarray(math.nan)) is True
    assert bool(xp.asarray(0.0)) is False
    assert bool(xp.asarray(-0.0)) is False
    assert bool(xp.asarray(0j)) is False
    assert bool(xp.asarray(1j)) is True


# ---------------------------------------------------------------- fill
@given(pairs(layouts=WRITABLE_LAYOUTS), st.data())
def test_fill(pair, data):
    n, x = pair
    kind = n.dtype.kind
    pool = {"b": st.booleans(), "i": st.integers(-100, 100), "u": st.integers(0, 200),
            "f": st.floats(width=16), "c": st.complex_numbers(max_magnitude=1e4)}[kind]
    value = data.draw(pool)
    expected = n.copy()
    expected.fill(value)
    x.fill(value)
    assert_array(x, expected)


def test_fill_casts_and_rejects():
    x = xp.zeros(3, dtype=xp.int16)
    x.fill(2.9)
    assert_array(x, np.full(3, 2, dtype=np.int16))
    with pytest.raises(OverflowError):
        x.fill(2**20)
    with pytest.raises(TypeError):
        xp.zeros(2).fill(1j)
    x.fill(xp.asarray(7))
    assert_array(x, np.full(3, 7, dtype=np.int16))


# ---------------------------------------------------------------- copy / astype
@given(pairs(), st.sampled_from(["C", "F", "A", "K"]))
def test_copy_order(pair, order):
    n, x = pair
    c = x.copy(order=order)
    e = n.copy(order=order)
    assert_array(c, e, exact_byteorder=False)
    if n.size:
        assert not shares_memory(c, x)
    assert c.flags.c_contiguous == e.flags.c_contiguous
    assert c.flags.f_contiguous == e.flags.f_contiguous
    if n.size and order in "CF":
        assert tuple(c.strides) == e.strides or n.ndim == 0 or 1 in n.shape
    assert c.flags.writeable and c.flags.owndata


def test_copy_default_is_C():
    x = xp.asarray(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
    assert x.copy().flags.c_contiguous


def test_copy_bad_order():
    with pytest.raises(ValueError):
        xp.zeros(3).copy(order="X")


def _castable_values(n, to):
    """Whether NumPy's astype result for these values is defined behaviour."""
    fk, tk = n.dtype.kind, to.kind
    if fk == "c" and tk != "c":
        return False
    if fk == "f" and tk in "iu":
        if not np.all(np.isfinite(n)):
            return False
        info = np.iinfo(to)
        return bool(np.all((n > info.min - 1) & (n < info.max + 1)))
    return True


@given(pairs(), st.sampled_from(DTYPE_NAMES))
def test_astype_matches_numpy(pair, name):
    n, x = pair
    to = np.dtype(name)
    if not _castable_values(n, to):
        return
    with np.errstate(all="ignore"):
        expected = n.astype(to)
    got = xp.astype(x, xdt(name))
    assert_array(got, expected, exact_byteorder=False)
    if n.size:
        assert not shares_memory(got, x)       # copy=True is the default
    m = x.astype(xdt(name))                     # the method spelling
    assert_array(m, expected, exact_byteorder=False)


@given(pairs())
def test_astype_copy_false_returns_input_when_possible(pair):
    n, x = pair
    assert xp.astype(x, x.dtype, copy=False) is x
    other = "float32" if n.dtype != np.float32 else "float64"
    if not _castable_values(n, np.dtype(other)):
        return
    y = xp.astype(x, xdt(other), copy=False)
    assert npdt(y.dtype) == np.dtype(other)


def test_astype_device_and_errors():
    x = xp.asarray([1, 2])
    assert xp.astype(x, xp.float32, device=x.device).dtype == xp.float32
    with pytest.raises(TypeError):
        xp.astype(x, "foo")


@pytest.mark.parametrize("name", NUMERIC_NAMES)
def test_astype_special_float_values(name):
    n = np.asarray([0.0, -0.0, 1.5, -2.5, 1e10, math.inf, -math.inf, math.nan])
    to = np.dtype(name)
    if to.kind in "iu":
        n = np.asarray([0.0, -0.0, 1.5, 2.5, 100.9, 127.0]) if to.kind == "u" else \
            np.asarray([0.0, -0.0, 1.5, -2.5, -100.9, 127.0])
    with np.errstate(all="ignore"):
        expected = n.astype(to)
    assert_array(xp.astype(xp.asarray(n), xdt(name)), expected)
    # to bool: nonzero (and NaN) is True
    assert_array(xp.astype(xp.asarray(n), xp.bool), n.astype(bool))


# ---------------------------------------------------------------- namespace
def test_array_namespace():
    x = xp.asarray([1.0])
    assert x.__array_namespace__() is xp
    assert x.__array_namespace__(api_version=None) is xp
    with pytest.raises(ValueError):
        x.__array_namespace__(api_version="2099.01")
    for v in ["2023.12", "2024.12"]:
        assert x.__array_namespace__(api_version=v) is xp


@pytest.mark.arraycore_only
def test_array_api_version():
    assert xp.__array_api_version__ == "2025.12"
    x = xp.asarray([1.0])
    assert x.__array_namespace__(api_version="2025.12") is xp


def test_namespace_info():
    info = xp.__array_namespace_info__()
    caps = info.capabilities()
    assert caps["boolean indexing"] is True
    assert caps["data-dependent shapes"] is True
    assert caps.get("max dimensions") == 64
    defaults = info.default_dtypes()
    assert defaults["real floating"] == xp.float64
    assert defaults["complex floating"] == xp.complex128
    assert defaults["integral"] == xp.int64
    assert defaults["indexing"] == xp.int64
    assert defaults == info.default_dtypes(device=info.default_device())
    all_dtypes = info.dtypes()
    for name in STANDARD_DTYPE_NAMES:
        assert all_dtypes[name] == xp.dtype(name) if not IS_NUMPY else \
            all_dtypes[name] == np.dtype(name)
    for kind, names in [("bool", ["bool"]), ("signed integer", ["int8", "int16", "int32", "int64"]),
                        ("unsigned integer", ["uint8", "uint16", "uint32", "uint64"]),
                        ("complex floating", ["complex64", "complex128"])]:
        assert sorted(info.dtypes(kind=kind)) == sorted(names)
    assert set(info.dtypes(kind="real floating")) >= {"float32", "float64"}
    assert set(info.dtypes(kind=("bool", "complex floating"))) == {"bool", "complex64",
                                                                   "complex128"}
    assert info.default_device() in info.devices()


def test_arrays_are_unhashable():
    # mutable containers, as in NumPy
    with pytest.raises(TypeError):
        hash(xp.asarray([1, 2]))
    with pytest.raises(TypeError):
        hash(xp.asarray(1.0))
