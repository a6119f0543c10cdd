"""Helpers shared by the Python-level tests.

Every test is written once against the namespace ``xp`` (``arraycore``, or
``numpy`` in the ``ARRAYCORE_TEST_XP=numpy`` self-check mode) and compared with
NumPy, the oracle.  arraycore has no scalar types: indexing with integers gives
0-d arrays, so results are compared through ``np.asarray`` (the buffer protocol),
never by type.
"""
import gc
import importlib
import os
import sys

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

XP_NAME = os.environ.get("ARRAYCORE_TEST_XP", "arraycore")
xp = importlib.import_module(XP_NAME)
IS_NUMPY = xp is np

BOOL_NAMES = ["bool"]
INT_NAMES = ["int8", "int16", "int32", "int64"]
UINT_NAMES = ["uint8", "uint16", "uint32", "uint64"]
REAL_FLOAT_NAMES = ["float16", "float32", "float64"]
COMPLEX_NAMES = ["complex64", "complex128"]
INTEGRAL_NAMES = INT_NAMES + UINT_NAMES
FLOAT_NAMES = REAL_FLOAT_NAMES + COMPLEX_NAMES
NUMERIC_NAMES = INTEGRAL_NAMES + FLOAT_NAMES
DTYPE_NAMES = BOOL_NAMES + NUMERIC_NAMES          # the 14 dtypes of arraycore
# The dtypes named by the Array API standard (no float16).
STANDARD_DTYPE_NAMES = [n for n in DTYPE_NAMES if n != "float16"]

# Memory layouts the arrays built by `layout_pair` can have.
LAYOUTS = ["C", "F", "permuted", "strided", "negative", "broadcast",
           "byteswapped", "misaligned"]
WRITABLE_LAYOUTS = [lay for lay in LAYOUTS if lay != "broadcast"]


# --------------------------------------------------------------------------
# dtypes
# --------------------------------------------------------------------------
def xdt(name):
    """The namespace's dtype object for a dtype name ('float64', ...)."""
    if IS_NUMPY:  # numpy.float64 is a scalar type; the dtype is what arraycore has
        return np.dtype(name)
    return getattr(xp, name)


def npdt(d):
    """NumPy dtype for a dtype name, an xp dtype, or a NumPy dtype."""
    if isinstance(d, (str, np.dtype)):
        return np.dtype(d)
    if IS_NUMPY:
        return np.dtype(d)
    return np.dtype(d.str)


def dtype_name(d):
    return npdt(d).name


# --------------------------------------------------------------------------
# conversion and comparison
# --------------------------------------------------------------------------
def is_xp_array(x):
    if IS_NUMPY:
        return isinstance(x, (np.ndarray, np.generic))
    return isinstance(x, xp.ndarray)


def to_numpy(x):
    """The values of an xp array as a NumPy array (zero-copy through the
    buffer protocol), after checking it is an xp array whose shape and dtype
    NumPy sees the same way."""
    if IS_NUMPY:
        return np.asarray(x)
    assert isinstance(x, xp.ndarray), f"expected an arraycore ndarray, got {type(x)!r}"
    a = np.asarray(x)
    assert a.shape == tuple(x.shape), (a.shape, x.shape)
    assert a.dtype == npdt(x.dtype), (a.dtype, x.dtype)
    return a


def _native(dt):
    return dt.newbyteorder("=") if dt.byteorder not in "|=" else dt


def assert_array(x, expected, *, exact_byteorder=True, strides=False, err_msg=""):
    """x (an xp array) equals `expected` (NumPy array or value) in shape, dtype and
    values (NaNs compare equal, +0.0 == -0.0).  With exact_byteorder=False a result
    in the other byte order is accepted.  With strides=True the strides must be
    equivalent to the expected array's (see `assert_strides`)."""
    expected = np.asarray(expected)
    got = to_numpy(x)
    assert got.shape == expected.shape, f"shape {got.shape} != {expected.shape} {err_msg}"
    if exact_byteorder:
        assert got.dtype == expected.dtype, f"dtype {got.dtype} != {expected.dtype} {err_msg}"
    else:
        assert _native(got.dtype) == _native(expected.dtype), (
            f"dtype {got.dtype} != {expected.dtype} {err_msg}")
    np.testing.assert_array_equal(got, expected.astype(got.dtype, copy=False)
                                  if got.dtype != expected.dtype else expected,
                                  err_msg=err_msg)
    if strides:
        assert_strides(x, expected)


def assert_strides(x, expected):
    """The strides of x and of the NumPy array `expected` address the same
    elements: equal in every axis of extent > 1 (other axes' strides do not
    matter), for non-empty arrays."""
    shape = tuple(x.shape)
    assert shape == expected.shape
    if expected.size == 0:
        return
    got = tuple(x.strides)
    for i, n in enumerate(shape):
        if n > 1:
            assert got[i] == expected.strides[i], (
                f"strides {got} != {expected.strides} (axis {i}) for shape {shape}")


def data_ptr(x):
    """Address of the first element of an xp or NumPy array."""
    return x.__array_interface__["data"][0]


def shares_memory(x, y):
    """Whether two xp arrays (or an xp array and a NumPy array) overlap in memory,
    judged by NumPy on zero-copy exports."""
    a = x if isinstance(x, np.ndarray) else np.asarray(x)
    b = y if isinstance(y, np.ndarray) else np.asarray(y)
    return np.shares_memory(a, b)


def scalar_of(x):
    """The Python scalar of a 0-d (or size-1) xp array."""
    return x.item()


# --------------------------------------------------------------------------
# layouts
# --------------------------------------------------------------------------
def make_layout(a, layout, rng_perm=None):
    """A NumPy array with the values of `a` (for "broadcast": `a`'s first
    element along every axis, broadcast to a.shape) in the given memory layout."""
    a = np.asarray(a)
    nd = a.ndim
    if layout == "C":
        return a.copy(order="C")
    if layout == "F":
        return np.asfortranarray(a) if nd else a.copy()   # asfortranarray makes 0-d 1-d
    if layout == "permuted":
        if nd == 0:
            return a.copy()
        perm = list(rng_perm) if rng_perm is not None else list(range(nd))[::-1]
        base = np.ascontiguousarray(a.transpose(perm))
        return base.transpose(np.argsort(perm))
    if layout == "strided":
        big = np.zeros(tuple(2 * n + 1 for n in a.shape), dtype=a.dtype)
        sl = tuple(slice(1, None, 2) for _ in a.shape) + (Ellipsis,)
        big[sl] = a
        return big[sl]
    if layout == "negative":
        rev = tuple(slice(None, None, -1) for _ in a.shape) + (Ellipsis,)
        return a[rev].copy(order="C")[rev]
    if layout == "broadcast":
        first = a[tuple(slice(0, 1) for _ in a.shape) + (Ellipsis,)]
        return np.broadcast_to(first, a.shape)
    if layout == "byteswapped":
        return a.astype(a.dtype.newbyteorder("S"))
    if layout == "misaligned":
        raw = np.zeros(a.nbytes + a.itemsize + 1, dtype=np.uint8)
        out = raw[1:1 + a.nbytes].view(a.dtype).reshape(a.shape)
        out[...] = a
        return out
    raise ValueError(layout)


def layout_pair(a, layout, perm=None):
    """(n, x): a NumPy array `n` in `layout` and the xp array imported from it
    without a copy (same memory, same strides, same dtype)."""
    n = make_layout(a, layout, perm)
    x = xp.asarray(n)
    return n, x


def shapes(min_dims=0, max_dims=4, min_side=0, max_side=5):
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims,
                            min_side=min_side, max_side=max_side)


def np_arrays(dtype_names=DTYPE_NAMES, shape=None, **shape_kw):
    """Strategy for NumPy arrays of one of the named dtypes (all values, incl.
    NaN, inf, subnormals and signed zeros)."""
    shape = shape if shape is not None else shapes(**shape_kw)
    return st.sampled_from(dtype_names).flatmap(
        lambda name: hnp.arrays(np.dtype(name), shape))


@st.composite
def value_shapes(draw, target_shape):
    """A shape that broadcasts *to* target_shape (a suffix, some axes set to 1)."""
    k = draw(st.integers(0, len(target_shape)))
    suffix = target_shape[len(target_shape) - k:]
    return tuple(draw(st.sampled_from([n, 1])) for n in suffix)


@st.composite
def pairs(draw, dtype_names=DTYPE_NAMES, layouts=LAYOUTS, shape=None, **shape_kw):
    """(n, x): a NumPy array and the equal xp array in a drawn layout."""
    a = draw(np_arrays(dtype_names, shape=shape, **shape_kw))
    layout = draw(st.sampled_from(layouts))
    perm = draw(st.permutations(range(a.ndim)))
    n, x = layout_pair(a, layout, perm)
    return n, x


# --------------------------------------------------------------------------
# reference counts and memory
# --------------------------------------------------------------------------
def refcount_stable(obj, fn, n=200):
    """Run fn() n times; return the change in sys.getrefcount(obj)."""
    fn()
    gc.collect()
    before = sys.getrefcount(obj)
    for _ in range(n):
        fn()
    gc.collect()
    return sys.getrefcount(obj) - before
