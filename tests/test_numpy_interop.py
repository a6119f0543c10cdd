"""NumPy interoperability (issue 11): arraycore dtypes as NumPy dtypes (and
their hashes), __array_function__ (arraycore's implementation or NumPy's on
zero-copy views), the __array_ufunc__ fallback, 0-d iteration, __format__ and
the NumPy-named ndarray methods, checked against NumPy."""
import pickle
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import arraycore as ac
from _helpers import (DTYPE_NAMES, LAYOUTS, NUMERIC_NAMES, REAL_FLOAT_NAMES, assert_array,
                      layout_pair, np_arrays, shares_memory)

pytestmark = pytest.mark.arraycore_only

ALL_DTYPES = [ac.dtype(n) for n in DTYPE_NAMES] + \
    [ac.dtype(n).newbyteorder() for n in DTYPE_NAMES if ac.dtype(n).itemsize > 1]


# ----------------------------------------------------------------- dtypes
@pytest.mark.parametrize("d", ALL_DTYPES, ids=lambda d: d.str)
def test_np_dtype_of_every_dtype(d):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nd = np.dtype(d)
    assert isinstance(nd, np.dtype)
    assert nd.str == d.str and nd == np.dtype(d.str)
    assert d.dtype is nd                     # cached
    assert d == nd and nd == d
    assert hash(d) == hash(nd)
    assert {nd: "x"}[d] == "x" and {d: "y"}[nd] == "y"
    assert np.zeros(3, dtype=d).dtype == nd
    assert ac.dtype(nd) is d


@pytest.mark.parametrize("a", ALL_DTYPES, ids=lambda d: d.str)
@pytest.mark.parametrize("b", ALL_DTYPES, ids=lambda d: d.str)
def test_dtype_equality_and_hash_agree_with_numpy(a, b):
    na, nb = np.dtype(a.str), np.dtype(b.str)
    assert (a == b) == (na == nb) == (a == nb)
    if a == nb:
        assert hash(a) == hash(nb)


def test_hash_does_not_need_numpy():
    code = ("import sys, arraycore as ac; h = hash(ac.float64); "
            "assert 'numpy' not in sys.modules; import numpy as np; "
            "assert h == hash(np.dtype('f8')) == hash(ac.float64); "
            "assert np.dtype(ac.int32) == np.int32")
    subprocess.run([sys.executable, "-c", code], check=True, cwd="/")


def test_numpy_dtype_functions():
    assert np.issubdtype(ac.float32, np.floating)
    assert not np.issubdtype(ac.int8, np.floating)
    assert np.issubdtype(ac.uint16, np.unsignedinteger)
    assert np.result_type(ac.int8, ac.float32) == np.float32
    assert np.result_type(ac.asarray([1], dtype=ac.int16), ac.uint8) == np.int16
    assert np.can_cast(ac.float32, np.float64)
    assert not np.can_cast(ac.float64, np.float32)
    assert np.can_cast(ac.asarray([1.0]).dtype, ac.complex128)
    assert np.promote_types(ac.int8, ac.uint8) == np.int16
    assert np.finfo(ac.float32).eps == np.finfo(np.float32).eps
    assert np.empty((2, 2), dtype=ac.complex64).dtype == np.complex64


@pytest.mark.parametrize("spec", [np.float64, np.dtype("f4"), float, int, bool, complex,
                                  np.int16, np.dtype(">i4"), ac.uint8])
def test_isdtype_accepts_what_constructors_accept(spec):
    d = ac.dtype(spec)
    for kind in ("bool", "signed integer", "unsigned integer", "integral",
                 "real floating", "complex floating", "numeric"):
        assert ac.isdtype(spec, kind) == ac.isdtype(d, kind)
        assert ac.isdtype(spec, kind) == np.isdtype(np.dtype(d), kind)
    assert ac.isdtype(spec, d)
    assert ac.isdtype(d, spec)


def test_isdtype_rejects_non_dtypes():
    with pytest.raises(TypeError):
        ac.isdtype("not a dtype", "numeric")
    with pytest.raises(TypeError):
        ac.isdtype(object, "numeric")


# ----------------------------------------------------------------- __array_function__
def _np(x):
    return np.asarray(x)


FUNCS = [
    ("concatenate", lambda m, a: m.concatenate([a, a], axis=-1)),
    ("concatenate None", lambda m, a: m.concatenate([a, a], axis=None)),
    ("stack", lambda m, a: m.stack([a, a], axis=1)),
    ("where", lambda m, a: m.where(a > 2, a, 0)),
    ("sum", lambda m, a: m.sum(a, axis=0)),
    ("sum keepdims", lambda m, a: m.sum(a, axis=1, keepdims=True)),
    ("prod", lambda m, a: m.prod(a)),
    ("mean", lambda m, a: m.mean(a, axis=1)),
    ("var", lambda m, a: m.var(a, ddof=1)),
    ("std", lambda m, a: m.std(a, axis=0)),
    ("max", lambda m, a: m.max(a, axis=1)),
    ("amin", lambda m, a: m.amin(a)),
    ("argmax", lambda m, a: m.argmax(a, axis=1)),
    ("argmin flat", lambda m, a: m.argmin(a)),
    ("sort", lambda m, a: m.sort(a, axis=0)),
    ("argsort", lambda m, a: m.argsort(a, kind="stable")),
    ("copy", lambda m, a: m.copy(a)),
    ("zeros_like", lambda m, a: m.zeros_like(a)),
    ("full_like", lambda m, a: m.full_like(a, 7)),
    ("transpose", lambda m, a: m.transpose(a)),
    ("ravel", lambda m, a: m.ravel(a)),
    ("clip", lambda m, a: m.clip(a, 2, 8)),
    ("round", lambda m, a: m.round(a / 7, 2)),
    ("dot", lambda m, a: m.dot(a, a.T)),
    ("squeeze", lambda m, a: m.squeeze(a[None])),
    ("moveaxis", lambda m, a: m.moveaxis(a, 0, 1)),
    ("broadcast_to", lambda m, a: m.broadcast_to(a[0], (2, 4))),
    # NumPy-named functions (issue 12): arraycore's since they are in _IMPL
    ("unique", lambda m, a: m.unique(a)),
    ("cumsum", lambda m, a: m.cumsum(a, axis=0)),
    ("diff", lambda m, a: m.diff(a)),
    ("flip", lambda m, a: m.flip(a)),
    ("tile", lambda m, a: m.tile(a, 2)),
    ("outer", lambda m, a: m.outer(a[0], a[1])),
    ("median", lambda m, a: m.median(a, axis=0)),
    ("percentile", lambda m, a: m.percentile(a, 30, axis=1)),
    ("linalg.norm", lambda m, a: m.linalg.norm(a, axis=1)),
    ("nonzero", lambda m, a: m.nonzero(a > 3)),
    ("split", lambda m, a: m.split(a, 2, axis=1)),
    ("unique counts", lambda m, a: m.unique(a, return_counts=True)),
    ("pad", lambda m, a: m.pad(a, 1)),
    ("einsum", lambda m, a: m.einsum("ij,kj->ik", a, a)),
]


def _compare(got, want):
    if isinstance(want, (tuple, list)):
        assert type(got) is type(want) and len(got) == len(want)
        for g, w in zip(got, want):
            _compare(g, w)
    elif isinstance(want, np.ndarray):
        assert isinstance(got, ac.ndarray), type(got)
        if want.dtype.kind in "fc":
            # arraycore's own implementations (the NumPy-named functions of
            # issue 12) may round differently in the last place (as
            # tests/test_np_*.py allow): same dtype and shape, values close
            g = np.asarray(got)
            assert g.dtype == want.dtype and g.shape == want.shape
            rtol = 1e-12 if want.dtype in (np.float64, np.complex128) else 1e-5
            np.testing.assert_allclose(g, want, rtol=rtol, atol=0, equal_nan=True)
        else:
            assert_array(got, want)
    else:
        assert got == want or (got != got and want != want)


@pytest.mark.parametrize("name,f", FUNCS, ids=[n for n, _ in FUNCS])
@pytest.mark.parametrize("dt", ["float64", "int32", "float32"])
def test_array_function_matches_numpy(name, f, dt):
    n = np.arange(12, dtype=dt).reshape(3, 4) % 5
    a = ac.asarray(n)
    want = f(np, n)
    got = f(np, a)
    if np.isscalar(want) and not isinstance(got, ac.ndarray):
        assert got == want
        return
    if isinstance(got, ac.ndarray) and got.ndim == 0 and np.ndim(want) == 0:
        assert got.dtype == np.asarray(want).dtype and got.item() == pytest.approx(want)
        return
    _compare(got, want)


def test_array_function_fallback_views_are_zero_copy():
    a = ac.asarray(np.arange(6.0).reshape(2, 3))
    r = np.ravel(a)                        # arraycore's: a view
    assert shares_memory(r, a)
    t = np.atleast_2d(a)                   # NumPy's implementation: still a view
    assert isinstance(t, ac.ndarray) and shares_memory(t, a)
    r = np.real(a)
    assert isinstance(r, ac.ndarray) and shares_memory(r, a)


def test_array_function_out_written_in_place():
    a = ac.asarray(np.arange(6.0).reshape(2, 3))
    out = ac.zeros(3)
    r = np.sum(a, axis=0, out=out)          # out=: NumPy's implementation into the view
    assert r is out
    assert_array(out, np.arange(6.0).reshape(2, 3).sum(axis=0))
    out2 = ac.zeros((2, 6))
    r = np.concatenate([a, a], axis=1, out=out2)
    assert r is out2 and out2[1, 4] == 4.0
    o = ac.zeros((2, 3))
    assert np.cumsum(a, axis=1, out=o) is o


def test_array_function_mixed_with_numpy_and_lists():
    a = ac.asarray([1.0, 2.0])
    r = np.concatenate([np.array([0.0]), a, [3.0]])
    assert isinstance(r, ac.ndarray)
    assert_array(r, np.array([0.0, 1.0, 2.0, 3.0]))


def test_array_function_defers_to_other_libraries():
    class Other:
        def __array_function__(self, func, types, args, kwargs):
            return "other"

    assert np.concatenate([ac.asarray([1.0]), Other()]) == "other"


def test_array_function_like_with_a_dtype_arraycore_lacks_is_typeerror():
    # not handed over to NumPy (which would make a structured NumPy array):
    # the TypeError libraries such as dask expect from an array type without it
    a = ac.asarray([1.0, 2.0])
    for f in (np.zeros_like, np.ones_like, np.empty_like):
        with pytest.raises(TypeError, match="cannot hold the dtype"):
            f(a, dtype=[("x", "f8")])
    with pytest.raises(TypeError, match="cannot hold the dtype"):
        np.full_like(a, 1, dtype=[("x", "f8")])
    r = np.zeros_like(a, dtype="f4")                      # one it has: arraycore's
    assert isinstance(r, ac.ndarray) and r.dtype == ac.float32


def test_array_function_types_decide_before_the_table():
    # a type arraycore does not handle among `types`: NotImplemented, even for
    # a function in its table
    a = ac.asarray([1.0])
    assert a.__array_function__(np.concatenate, (ac.ndarray, int), ([a],), {}) \
        is NotImplemented
    r = a.__array_function__(np.concatenate, (ac.ndarray, np.ndarray), ([a, np.ones(1)],), {})
    assert isinstance(r, ac.ndarray)
    assert_array(r, np.array([1.0, 1.0]))


def test_array_function_unsupported_dtype_result_stays_numpy():
    a = ac.asarray([1, 2])
    r = np.array2string(a)
    assert r == "[1 2]"
    s = np.char.add(np.array(["a"]), "b")      # no arraycore operand: NumPy alone
    assert isinstance(s, np.ndarray)


def test_array_function_errors_are_numpy_errors():
    a = ac.asarray(np.zeros((2, 3)))
    b = ac.asarray(np.zeros((3, 3)))
    with pytest.raises(ValueError):
        np.concatenate([a, b], axis=1)


# ----------------------------------------------------------------- ufuncs
@pytest.mark.parametrize("uf", [np.cbrt, np.deg2rad, np.logaddexp2, np.float_power,
                                np.fmod, np.heaviside, np.spacing, np.exp2, np.rad2deg])
@given(n=np_arrays(REAL_FLOAT_NAMES, shape=(5,)))
def test_ufuncs_arraycore_lacks_run_numpys_loops(uf, n):
    # NumPy ufuncs arraycore lacks run NumPy's loops (exact); those it has
    # since issue 12 (cbrt, exp2, ...) run arraycore's loops, on libm, which
    # may differ from NumPy's SIMD versions in the last place
    a = ac.asarray(n)
    args = (a,) * uf.nin
    with np.errstate(all="ignore"):
        want = uf(*(n,) * uf.nin)
        got = uf(*args)
    assert isinstance(got, ac.ndarray)
    if hasattr(ac, uf.__name__):
        g = np.asarray(got)
        assert g.dtype == want.dtype
        # in the subnormal range an ulp is more than 4 eps relative: allow a few
        # of the smallest subnormal (rad2deg(float32 2.755e-42): NumPy's result
        # is an ulp from the correctly rounded 1.578479e-40, arraycore's is it)
        fi = np.finfo(want.dtype)
        np.testing.assert_allclose(g, want, rtol=4 * fi.eps,
                                   atol=4 * float(fi.smallest_subnormal), equal_nan=True)
    else:
        assert_array(got, want)


def test_divmod_and_multiple_outputs():
    n = np.arange(-5, 6)
    a = ac.asarray(n)
    q, r = np.divmod(a, 3)
    assert_array(q, n // 3)
    assert_array(r, n % 3)
    m, e = np.frexp(ac.asarray([1.0, 8.0]))
    assert_array(m, np.frexp(np.array([1.0, 8.0]))[0])
    assert_array(e, np.frexp(np.array([1.0, 8.0]))[1])


def test_scipy_special_ufuncs_without_array_api():
    special = pytest.importorskip("scipy.special")
    n = np.linspace(-2, 2, 9)
    a = ac.asarray(n)
    for f in (special.erf, special.expit, special.gammaln, special.ndtr):
        got = f(a)
        assert isinstance(got, ac.ndarray)
        assert_array(got, f(n))
    assert_array(special.round(ac.asarray([2.5, 3.5])), special.round(np.array([2.5, 3.5])))


@pytest.mark.parametrize("other", [[1, 2, 3], (0, 1, 2), 2.5, np.float32(2), [[1], [2]]])
def test_ufunc_operands_converted_as_numpy_converts_them(other):
    n = np.arange(3, dtype=np.float32)
    a = ac.asarray(n)
    for uf in (np.add, np.maximum, np.multiply):
        assert_array(uf(a, other), uf(n, other))
        assert_array(uf(other, a), uf(other, n))


def test_ufunc_at_with_lists():
    n = np.zeros(3)
    a = ac.zeros(3)
    np.add.at(n, [0, 0, 2], 1)
    np.add.at(a, [0, 0, 2], 1)
    assert_array(a, n)


def test_ufunc_out_arraycore_written_in_place():
    a = ac.asarray([1.0, 8.0, 27.0])
    out = ac.zeros(3)
    r = np.cbrt(a, out=out)
    assert r is out
    np.testing.assert_allclose(np.asarray(out), [1.0, 2.0, 3.0], rtol=1e-15)  # libm's cbrt
    r = np.add(a, 1, out=out)
    assert r is out and out[0] == 2.0
    n = np.zeros(3)
    np.cbrt(a, out=n)
    assert n[2] == pytest.approx(3.0, rel=1e-15)


def test_ufunc_reduce_fallback():
    n = np.arange(1.0, 7.0).reshape(2, 3)
    a = ac.asarray(n)
    assert_array(np.logaddexp2.reduce(a, axis=0), np.logaddexp2.reduce(n, axis=0))
    assert_array(np.add.reduce(a, axis=1), n.sum(axis=1))


# ----------------------------------------------------------------- protocols
def test_iter_of_0d_fails_at_once():
    z = ac.asarray(1.0)
    with pytest.raises(TypeError):
        iter(z)
    assert not np.iterable(z)
    assert np.iterable(ac.asarray([1.0]))
    assert [x.item() for x in ac.asarray([1, 2])] == [1, 2]


@pytest.mark.parametrize("value,dt,spec", [(3.14159, "float64", ".2f"), (5, "int64", "05d"),
                                           (2.5, "float32", "e"), (True, "bool", ""),
                                           (1 + 2j, "complex128", ".1f"), (7, "uint8", "x")])
def test_format_0d_as_numpy(value, dt, spec):
    n = np.asarray(value, dtype=dt)
    a = ac.asarray(n)
    assert format(a, spec) == format(n, spec)
    assert f"{a}" == f"{n}"


def test_format_nd():
    a = ac.asarray([[1.5, 2.0]])
    assert format(a, "") == str(a)
    assert f"{a[0, 0]:.2f}" == "1.50"
    with pytest.raises(TypeError):
        format(a, ".2f")
    # a spec that is not a str is a TypeError for 0-d and n-d arrays (the
    # fuzzer found a SystemError here)
    for x in (a, a[0, 0], ac.asarray(121, dtype=ac.uint32)):
        with pytest.raises(TypeError, match="format spec must be a str"):
            x.__format__(np.zeros((2, 3)))


# ----------------------------------------------------------------- methods
@given(n=np_arrays(["float64", "float32", "int32", "int8", "uint16"], min_dims=1,
                   max_dims=3, min_side=1), layout=st.sampled_from(LAYOUTS),
       decimals=st.integers(-2, 3))
def test_round_decimals(n, layout, decimals):
    n, a = layout_pair(n, layout)
    with np.errstate(all="ignore"):
        want = np.round(n, decimals)
    if n.dtype.kind in "iu" and decimals < 0:
        # where the rounded value does not fit the integer type (int32
        # 2147483646 to tens is 2147483650) NumPy casts an out-of-range float64
        # back to the type, which C leaves undefined (x86 gives -2147483648,
        # ARM saturates); arraycore rounds exactly in the integer type and
        # wraps, as integer arithmetic does: -2147483646.  Checked as such.
        m = 10 ** -decimals
        info = np.iinfo(n.dtype)
        exact = [(v // m + (1 if (v % m > m - v % m or (v % m == m - v % m and
                                                          (v // m) % 2)) else 0)) * m
                 for v in (int(v) for v in n.ravel())]
        span = 1 << (8 * n.dtype.itemsize)
        wrapped = [(e - info.min) % span + info.min for e in exact]
        want = np.array(wrapped, dtype=want.dtype.newbyteorder("=")).reshape(n.shape)
        fits = np.array([info.min <= e <= info.max for e in exact]).reshape(n.shape)
        with np.errstate(all="ignore"):
            np.testing.assert_array_equal(want[fits], np.round(n, decimals)[fits])
    with ac.errstate(all="ignore"):
        got = a.round(decimals)
        got2 = ac.round(a, decimals=decimals)
    assert_array(got, want, exact_byteorder=False)
    assert_array(got2, want, exact_byteorder=False)


def test_round_complex_and_out():
    n = np.array([1.234 + 5.678j, -0.5 + 2.5j])
    assert_array(ac.asarray(n).round(1), n.round(1))
    out = ac.zeros(2, dtype=ac.complex128)
    assert ac.round(ac.asarray(n), 2, out=out) is out
    assert_array(out, n.round(2))
    assert isinstance(ac.round, type(test_round_complex_and_out))
    assert_array(ac.round(ac.asarray([0.5, 1.5])), np.array([0.0, 2.0]))


@pytest.mark.parametrize("meth", ["var", "std"])
def test_moment_correction(meth):
    n = np.arange(12.0).reshape(3, 4) ** 1.5
    a = ac.asarray(n)
    for c in (0, 1, 2):
        np.testing.assert_allclose(np.asarray(getattr(a, meth)(correction=c, axis=0)),
                                   getattr(n, meth)(ddof=c, axis=0))
        np.testing.assert_allclose(np.asarray(getattr(a, meth)(ddof=c)),
                                   getattr(n, meth)(ddof=c))
    with pytest.raises(ValueError):
        getattr(a, meth)(ddof=1, correction=1)


@pytest.mark.parametrize("dt", ["complex64", "complex128", "float32", "int16"])
@pytest.mark.parametrize("swap", [False, True])
def test_real_imag(dt, swap):
    n = (np.arange(6) * (1 + 2j if dt.startswith("c") else 1)).astype(dt).reshape(2, 3)[:, ::2]
    if swap:
        n = n.astype(n.dtype.newbyteorder())
    a = ac.asarray(n)
    assert_array(a.real, n.real)
    assert_array(a.imag, n.imag)
    if dt.startswith("c"):
        assert shares_memory(a.real, a) and shares_memory(a.imag, a)
        a.imag = 5
        n.imag = 5
        assert_array(a, n)
        a.real[...] = -1
        n.real[...] = -1
        assert_array(a, n)


@given(n=np_arrays(NUMERIC_NAMES, min_dims=1, max_dims=3, min_side=1),
       layout=st.sampled_from(LAYOUTS))
def test_sort_argsort_methods(n, layout):
    n, a = layout_pair(n, layout)
    assert_array(a.argsort(kind="stable"), n.argsort(kind="stable"))
    assert_array(a.argsort(axis=None, kind="stable"), n.argsort(axis=None, kind="stable"))
    if layout != "broadcast":
        m = n.copy()
        m.sort(axis=0)
        a.sort(axis=0)
        assert_array(a, m)


def test_partition_methods():
    n = np.array([5, 1, 4, 2, 3, 9, 0])
    a = ac.asarray(n)
    p = a.argpartition(3)
    assert np.asarray(a)[np.asarray(p)][3] == np.partition(n, 3)[3]
    a.partition(2)
    assert a[2].item() == np.partition(n, 2)[2]
    assert (np.asarray(a)[:2] <= a[2].item()).all()
    with pytest.raises(ValueError):
        a.partition(10)


def test_selection_methods():
    n = np.arange(12.0).reshape(3, 4)
    a = ac.asarray(n)
    assert_array(a.take([[0, 2]], axis=1), n.take([[0, 2]], axis=1))
    assert_array(a.take([5, 1]), n.take([5, 1]))
    assert a.take(5).item() == n.take(5)
    assert_array(a.take([7, -1], mode="wrap"), n.take([7, -1], mode="wrap"))
    assert_array(a.take([20, -3], mode="clip"), n.take([20, -3], mode="clip"))
    assert_array(a.repeat(2), n.repeat(2))
    assert_array(a.repeat(2, axis=0), n.repeat(2, axis=0))
    assert_array(a.compress([True, False, True], axis=0), n.compress([True, False, True], axis=0))
    assert_array(a.compress([0, 1, 1]), n.compress([0, 1, 1]))
    with pytest.raises(IndexError):
        a.compress([0, 0, 0, 0, 1], axis=0)
    for k in (0, 1, -1, 2, 5):
        assert_array(a.diagonal(k), n.diagonal(k))
        assert_array(a.trace(k), n.trace(k))
    m = np.arange(24).reshape(2, 3, 4)
    assert_array(ac.asarray(m).diagonal(1, 0, 2), m.diagonal(1, 0, 2))
    assert_array(ac.asarray(m).trace(axis1=1, axis2=2), m.trace(axis1=1, axis2=2))
    i = np.array([[0, 1], [2, 0]])
    ch = [np.zeros((2, 2)), np.ones((2, 2)) * 5, np.arange(4.0).reshape(2, 2)]
    assert_array(ac.asarray(i).choose([ac.asarray(c) for c in ch]), i.choose(ch))
    with pytest.raises(ValueError):
        ac.asarray([3]).choose(ch)
    assert_array(ac.asarray([1, 3, 5]).searchsorted([2, 5], side="right"),
                 np.array([1, 3, 5]).searchsorted([2, 5], side="right"))
    for got, want in zip(ac.asarray(n > 4).nonzero(), (n > 4).nonzero()):
        assert_array(got, want)


@pytest.mark.parametrize("layout", ["C", "F", "strided"])
def test_put(layout):
    n, a = layout_pair(np.arange(12.0).reshape(3, 4), layout)
    n.put([0, 5, -1], [9, 8])
    a.put([0, 5, -1], [9, 8])
    assert_array(a, n)
    n.put([15], 1, mode="wrap")
    a.put([15], 1, mode="wrap")
    assert_array(a, n)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_byteswap(name):
    n = (np.arange(5) * 37).astype(name)
    a = ac.asarray(n.copy())
    assert_array(a.byteswap(), n.byteswap())
    a.byteswap(inplace=True)
    assert_array(a, n.byteswap())


@pytest.mark.parametrize("frm,to", [("float64", "float32"), ("float32", "float64"),
                                    ("int32", "int8"), ("uint8", "int16"),
                                    ("complex128", "float64"), ("float64", "complex128")])
def test_view_other_itemsize(frm, to):
    n = np.arange(8).astype(frm).reshape(2, 4)
    a = ac.asarray(n)
    assert_array(a.view(to), n.view(to))
    assert shares_memory(a.view(to), a)
    with pytest.raises(ValueError):
        ac.asarray(n.T).view(to)
    with pytest.raises(ValueError):
        ac.asarray(np.zeros(3, dtype="u1")).view(ac.int16)


def test_setflags_dump_dumps(tmp_path):
    a = ac.asarray([1.0, 2.0])
    a.setflags(write=False)
    assert not a.flags.writeable
    with pytest.raises(ValueError):
        a[0] = 3
    a.setflags(write=True)
    a[0] = 3
    b = pickle.loads(a.dumps())
    assert_array(b, np.array([3.0, 2.0]))
    p = tmp_path / "a.pkl"
    a.dump(p)
    with open(p, "rb") as f:
        assert_array(pickle.load(f), np.array([3.0, 2.0]))


def test_every_listed_numpy_method_exists():
    listed = ("real imag sort argsort nonzero take repeat diagonal trace conj cumprod prod "
              "ravel flatten view tobytes byteswap searchsorted squeeze swapaxes transpose "
              "all any min max argmin fill item put compress choose dump dumps round std "
              "var partition argpartition setflags").split()
    a = ac.asarray([1.0])
    for m in listed:
        assert hasattr(np.ndarray, m)
        assert hasattr(a, m), m


# ----------------------------------------------------------------- functions take NumPy arrays
def test_functions_accept_numpy_arrays():
    n = np.arange(3.0)
    a = ac.asarray(n)
    assert_array(ac.concat([n, a]), np.concatenate([n, n]))
    assert_array(ac.stack([n, a]), np.stack([n, n]))
    r = ac.astype(n, ac.float32, device="cpu")
    assert isinstance(r, ac.ndarray)
    assert_array(r, n.astype(np.float32))
    assert_array(ac.astype([1, 2], ac.int8), np.array([1, 2], dtype=np.int8))


ACCEPTS = {
    "concat": lambda x: ac.concat([x, x], axis=0),
    "stack": lambda x: ac.stack([x, x]),
    "broadcast_arrays": lambda x: ac.broadcast_arrays(x, x)[1],
    "meshgrid": lambda x: ac.meshgrid(x[0], x[1])[0],
    "where": lambda x: ac.where(x > 2, x, x),
    "sum": lambda x: ac.sum(x, axis=0),
    "std": lambda x: ac.std(x),
    "argmax": lambda x: ac.argmax(x, axis=1),
    "sort": lambda x: ac.sort(x),
    "unique_values": lambda x: ac.unique_values(x),
    "matmul": lambda x: ac.matmul(x, x.T),
    "tensordot": lambda x: ac.tensordot(x, x, axes=([1], [1])),
    "reshape": lambda x: ac.reshape(x, (-1,)),
    "permute_dims": lambda x: ac.permute_dims(x, (1, 0)),
    "flip": lambda x: ac.flip(x),
    "roll": lambda x: ac.roll(x, 1),
    "repeat": lambda x: ac.repeat(x, 2, axis=0),
    "tile": lambda x: ac.tile(x, (2, 1)),
    "take": lambda x: ac.take(x, ac.asarray([0, 1]), axis=1),
    "clip": lambda x: ac.clip(x, 1.0, 3.0),
    "add": lambda x: ac.add(x, x),
    "sqrt": lambda x: ac.sqrt(x),
    "astype": lambda x: ac.astype(x, ac.float32),
    "zeros_like": lambda x: ac.zeros_like(x),
    "tril": lambda x: ac.tril(x),
    "diff": lambda x: ac.diff(x),
    "isin": lambda x: ac.isin(x, x[0]),
    "cumulative_sum": lambda x: ac.cumulative_sum(x, axis=0),
    "vecdot": lambda x: ac.vecdot(x, x),
}


@pytest.mark.parametrize("name", list(ACCEPTS))
def test_functions_take_numpy_arrays_as_asarray_does(name):
    n = np.arange(6.0).reshape(2, 3)
    got = ACCEPTS[name](n)
    want = ACCEPTS[name](ac.asarray(n))
    assert isinstance(got, ac.ndarray)
    assert_array(got, np.asarray(want))


# ----------------------------------------------------------------- NumPy names arraycore implements
def test_every_numpy_function_arraycore_implements_dispatches_to_it():
    # every public name of arraycore that is also a NumPy function taking part
    # in NEP 18 runs arraycore's implementation, or is listed with the reason
    # NumPy's runs instead
    from arraycore import _numpy_interop as ni
    missing = []
    for name in dir(ac):
        f = getattr(np, name, None)
        if name.startswith("_") or not hasattr(f, "_implementation"):
            continue
        if f not in ni._IMPL and name not in ni.NOT_MAPPED:
            missing.append(name)
    assert not missing, missing
    for name in ni.NOT_MAPPED:
        assert hasattr(ac, name) and getattr(np, name) not in ni._IMPL, name


NATIVE = [   # (name, call): each runs arraycore's implementation (no fallback)
    ("cumsum", lambda m, a: m.cumsum(a, axis=1)),
    ("cumsum flat", lambda m, a: m.cumsum(a)),
    ("cumprod", lambda m, a: m.cumprod(a, axis=0)),
    ("pad constant", lambda m, a: m.pad(a, ((1, 0), (2, 1)))),
    ("pad reflect", lambda m, a: m.pad(a, 2, mode="reflect")),
    ("pad edge", lambda m, a: m.pad(a, 1, mode="edge")),
    ("einsum", lambda m, a: m.einsum("ij,kj->ik", a, a)),
    ("einsum trace", lambda m, a: m.einsum("ii", a[:, :3])),
    ("median", lambda m, a: m.median(a, axis=1)),
    ("percentile", lambda m, a: m.percentile(a, [10, 90], axis=0)),
    ("quantile", lambda m, a: m.quantile(a, 0.3)),
    ("average", lambda m, a: m.average(a, axis=0, weights=[1, 2, 3])),
    ("ptp", lambda m, a: m.ptp(a, axis=1)),
    ("nanmean", lambda m, a: m.nanmean(a, axis=0)),
    ("nansum", lambda m, a: m.nansum(a)),
    ("nanmax", lambda m, a: m.nanmax(a, axis=1)),
    ("histogram", lambda m, a: m.histogram(a, bins=4)),
    ("bincount", lambda m, a: m.bincount(a.ravel().astype(np.int64))),
    ("cov", lambda m, a: m.cov(a)),
    ("outer", lambda m, a: m.outer(a[0], a[1])),
    ("inner", lambda m, a: m.inner(a, a)),
    ("kron", lambda m, a: m.kron(a[:2, :2], a[1:, 2:])),
    ("convolve", lambda m, a: m.convolve(a[0], a[1])),
    ("interp", lambda m, a: m.interp([0.5, 2.5], [0, 1, 2, 3], a[0])),
    ("gradient", lambda m, a: m.gradient(a, axis=1)),
    ("atleast_3d", lambda m, a: m.atleast_3d(a)),
    ("hstack", lambda m, a: m.hstack([a, a])),
    ("vstack", lambda m, a: m.vstack([a, a])),
    ("split", lambda m, a: m.split(a, 2, axis=1)),
    ("array_split", lambda m, a: m.array_split(a, 3, axis=1)),
    ("append", lambda m, a: m.append(a, a, axis=0)),
    ("insert", lambda m, a: m.insert(a, 1, 7, axis=1)),
    ("delete", lambda m, a: m.delete(a, [0, 2], axis=1)),
    ("diag", lambda m, a: m.diag(a, k=1)),
    ("unique", lambda m, a: m.unique(a, return_counts=True)),
    ("intersect1d", lambda m, a: m.intersect1d(a[0], a[1])),
    ("argwhere", lambda m, a: m.argwhere(a > 2)),
    ("flatnonzero", lambda m, a: m.flatnonzero(a)),
    ("partition", lambda m, a: m.sort(m.partition(a, 1, axis=1), axis=1)),
    ("lexsort", lambda m, a: m.lexsort(a)),
    ("select", lambda m, a: m.select([a > 3, a < 1], [a, a * 2], default=-1)),
    ("compress", lambda m, a: m.compress([True, False, True], a, axis=0)),
    ("allclose", lambda m, a: m.allclose(a, a + 1e-12)),
    ("isclose", lambda m, a: m.isclose(a, a[0])),
    ("array_equal", lambda m, a: m.array_equal(a, a)),
    ("shape", lambda m, a: m.shape(a)),
    ("ndim", lambda m, a: m.ndim(a)),
    ("nan_to_num", lambda m, a: m.nan_to_num(a / a)),
    ("reshape", lambda m, a: m.reshape(a, (4, 3))),
    ("roll", lambda m, a: m.roll(a, 2, axis=1)),
    ("flip", lambda m, a: m.flip(a, axis=0)),
    ("expand_dims", lambda m, a: m.expand_dims(a, 1)),
    ("repeat", lambda m, a: m.repeat(a, 2, axis=0)),
    ("take", lambda m, a: m.take(a, a[0].astype(np.int64) % 3, axis=0)),
    ("take_along_axis", lambda m, a: m.take_along_axis(a, m.argsort(a, axis=1), axis=1)),
    ("tile", lambda m, a: m.tile(a, 2)),
    ("tril", lambda m, a: m.tril(a, k=-1)),
    ("triu", lambda m, a: m.triu(a)),
    ("diff", lambda m, a: m.diff(a, n=2, axis=1)),
    ("diff prepend", lambda m, a: m.diff(a, axis=0, prepend=0)),
    ("searchsorted", lambda m, a: m.searchsorted(m.sort(a[0]), a[1])),
    ("isin", lambda m, a: m.isin(a, a[0])),
    ("meshgrid", lambda m, a: m.meshgrid(a[0], a[1], indexing="ij")),
    ("nonzero", lambda m, a: m.nonzero(a)),
    ("count_nonzero", lambda m, a: m.count_nonzero(a, axis=0)),
    ("tensordot", lambda m, a: m.tensordot(a, a, axes=([1], [1]))),
    ("broadcast_arrays", lambda m, a: m.broadcast_arrays(a, a[0])),
    ("astype", lambda m, a: m.astype(a, np.float32)),
    ("matrix_transpose", lambda m, a: m.matrix_transpose(a)),
    ("unstack", lambda m, a: m.unstack(a, axis=1)),
    ("sliding_window_view", lambda m, a: m.lib.stride_tricks.sliding_window_view(a, (2, 2))),
]


@pytest.mark.parametrize("name,f", NATIVE, ids=[n for n, _ in NATIVE])
@pytest.mark.parametrize("dt", ["float64", "int32", "float32"])
def test_numpy_names_run_arraycore_and_match_numpy(name, f, dt, monkeypatch):
    from arraycore import _numpy_interop as ni
    n = np.arange(12, dtype=dt).reshape(3, 4) % 5
    a = ac.asarray(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)     # 0/0 of nan_to_num
        want = f(np, n)

        def no_fallback(func, args, kwargs):
            raise AssertionError(f"NumPy's {func.__name__} ran instead of arraycore's")
        monkeypatch.setattr(ni, "run_numpy", no_fallback)
        got = f(np, a)
    if isinstance(want, tuple) and not isinstance(want, np.ndarray) and \
            type(want) is not tuple:                         # NumPy's named tuples
        want = tuple(want)
    if np.isscalar(want) or isinstance(want, (bool, int, tuple)) and \
            not any(isinstance(w, np.ndarray) for w in (want if isinstance(want, tuple)
                                                        else ())):
        if isinstance(got, ac.ndarray):
            assert got.item() == pytest.approx(want)
        else:
            assert got == want
        return
    if isinstance(got, ac.ndarray) and got.ndim == 0 and np.ndim(want) == 0:
        assert got.dtype == np.asarray(want).dtype and got.item() == pytest.approx(want)
        return
    _compare(got, want)


def test_native_dispatch_out_and_numpy_operands():
    n = np.arange(6.0).reshape(2, 3)
    a = ac.asarray(n)
    out = ac.zeros((2, 3))
    assert np.cumsum(a, axis=1, out=out) is out
    assert_array(out, np.cumsum(n, axis=1))
    r = np.pad(a, 1, constant_values=np.float64(7))
    assert isinstance(r, ac.ndarray)
    assert_array(r, np.pad(n, 1, constant_values=7.0))
    r = np.einsum("ij,ij->i", a, n)                       # a NumPy operand beside
    assert isinstance(r, ac.ndarray)
    assert_array(r, np.einsum("ij,ij->i", n, n))


def test_native_dispatch_falls_back_for_numpy_only_options():
    n = np.arange(6.0)
    a = ac.asarray(n)
    for f in (lambda m, x: m.take(x, [0, 7], mode="clip"),
              lambda m, x: m.tril(x),                     # 1-d: NumPy's square matrix
              lambda m, x: m.searchsorted(x, 2.5),        # scalar v
              lambda m, x: m.meshgrid(x, x, sparse=True)[0],
              lambda m, x: m.reshape(x, (2, 3), order="F")):
        got, want = f(np, a), f(np, n)
        if isinstance(want, np.ndarray):
            assert isinstance(got, ac.ndarray)
            assert_array(got, want)
        else:
            assert got == want


def test_native_dispatch_writes_into_numpy_targets():
    # in-place functions and out= keep NumPy's targets (written, returned)
    n = np.zeros(5)
    np.put(n, [0, 2], ac.asarray([1.0, 2.0]))
    assert n.tolist() == [1.0, 0.0, 2.0, 0.0, 0.0]
    n = np.zeros(4)
    np.place(n, n == 0, ac.asarray([3.0, 4.0]))
    assert n.tolist() == [3.0, 4.0, 3.0, 4.0]
    n = np.zeros((2, 3))
    np.put_along_axis(n, np.array([[0], [1]]), ac.asarray(7.0), axis=1)
    assert n.tolist() == [[7.0, 0.0, 0.0], [0.0, 7.0, 0.0]]
    o = np.zeros(4)
    assert np.cumsum(ac.arange(4.0), out=o) is o and o.tolist() == [0.0, 1.0, 3.0, 6.0]
    o = np.zeros((2, 2))
    assert np.einsum("ij->ji", ac.asarray([[1.0, 2.0], [3.0, 4.0]]), out=o) is o
    assert o.tolist() == [[1.0, 3.0], [2.0, 4.0]]


def test_numpy_buffer_held_while_viewed():
    """asarray of a NumPy array holds NumPy's buffer export (one small holder
    object, not a memoryview) until the view goes: NumPy refuses to resize
    the viewed array meanwhile, and allows it after (nothing else holds it)."""
    import gc
    x = np.arange(10.0)
    a = ac.asarray(x)
    assert np.shares_memory(np.asarray(a), x)
    with pytest.raises((ValueError, BufferError)):
        x.resize(20)
    del a
    gc.collect()
    x.resize(20)
    assert x.shape == (20,)


@pytest.mark.parametrize("dt", ["?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8",
                                "f2", "f4", "f8", "c8", "c16", ">i4", ">f8", "<c16", ">u2"])
def test_numpy_buffer_formats(dt):
    """The dtype read from each buffer format (the one-character fast path
    and the general one, native and swapped byte orders), twice: the first
    call fills the cache the second reads."""
    x = (np.arange(12) % 3).astype(dt).reshape(3, 4)[:, ::2]
    for _ in range(2):
        a = ac.asarray(x)
        assert a.dtype == ac.dtype(x.dtype.str if x.dtype.byteorder != "|" else x.dtype.name)
        np.testing.assert_array_equal(np.asarray(a), x)
        assert np.shares_memory(np.asarray(a), x)
