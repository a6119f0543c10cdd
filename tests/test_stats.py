"""Statistical, searching and utility functions against NumPy: sum, prod, min,
max, mean, var, std, cumulative_sum, cumulative_prod, all, any, count_nonzero,
argmax, argmin, where, clip, diff -- over dtypes, layouts, axes and keepdims,
with NaN/inf values, and their bad inputs."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from hypothesis.extra import numpy as hnp

from _helpers import xp, LAYOUTS, make_layout, to_numpy, assert_array, shapes

NUMERIC = ["int8", "uint8", "int16", "int32", "uint32", "int64", "uint64", "float16",
           "float32", "float64", "complex64", "complex128"]
ALLD = ["bool"] + NUMERIC


def close(got, exp, rtol=None):
    got = to_numpy(got)
    exp = np.asarray(exp)
    assert got.shape == exp.shape, (got.shape, exp.shape)
    assert got.dtype == exp.dtype, (got.dtype, exp.dtype)
    if exp.dtype.kind in "fc":
        if rtol is None:
            rtol = {2: 1e-2, 4: 1e-4, 8: 1e-10}[np.dtype(exp.dtype.char.lower()).itemsize
                                                if exp.dtype.kind == "c" else exp.dtype.itemsize]
        np.testing.assert_allclose(got, exp, rtol=rtol, atol=rtol, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, exp)


@st.composite
def case(draw, dtypes=ALLD, min_side=0, elements=None):
    dt = np.dtype(draw(st.sampled_from(dtypes)))
    shape = draw(shapes(min_dims=0, max_dims=3, min_side=min_side, max_side=5))
    if elements is None and dt.kind in "fc":
        elements = st.floats(-100, 100, width=8 * dt.itemsize // (2 if dt.kind == "c" else 1))
        if dt.kind == "c":
            elements = st.complex_numbers(max_magnitude=100, allow_nan=False,
                                          allow_infinity=False, width=8 * dt.itemsize)
    elif elements is None and dt.kind in "iu":
        info = np.iinfo(dt)
        elements = st.integers(max(info.min, -20), min(info.max, 20))
    a = draw(hnp.arrays(dt, shape, elements=elements))
    a = make_layout(a, draw(st.sampled_from(LAYOUTS)))
    nd = a.ndim
    axis = draw(st.one_of(st.none(), st.integers(-nd, nd - 1) if nd else st.none(),
                          st.lists(st.integers(0, nd - 1), unique=True, max_size=nd).map(tuple)
                          if nd else st.none()))
    return a, axis, draw(st.booleans())


def _np(name):
    return {"cumulative_sum": np.cumulative_sum, "cumulative_prod": np.cumulative_prod}.get(
        name, getattr(np, name))


@pytest.mark.parametrize("name", ["sum", "prod", "mean", "max", "min", "all", "any",
                                  "count_nonzero"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_reductions(name, data):
    dts = ALLD if name not in ("mean",) else ["float32", "float64", "complex128", "int32", "float16"]
    if name == "prod":
        # float16 products overflow at different points depending on where the
        # float accumulator is rounded back to half between loop calls
        dts = [d for d in dts if d != "float16"]
    a, axis, keepdims = data.draw(case(dts))
    kwargs = dict(axis=axis, keepdims=keepdims)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exp = _np(name)(a, **kwargs)
        except ValueError:
            with pytest.raises(ValueError):
                getattr(xp, name)(xp.asarray(a), **kwargs)
            return
        got = getattr(xp, name)(xp.asarray(a), **kwargs)
    if name == "mean" and a.dtype == np.float16:
        close(got, exp, rtol=2e-2)
    else:
        close(got, exp)


@pytest.mark.parametrize("name", ["var", "std"])
@settings(max_examples=60, deadline=None)
@given(data=st.data(), correction=st.sampled_from([0, 1, 0.5]))
def test_var_std(name, data, correction):
    a, axis, keepdims = data.draw(case(["float32", "float64", "complex128", "int64"]))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exp = getattr(np, name)(a, axis=axis, keepdims=keepdims, ddof=correction)
        got = getattr(xp, name)(xp.asarray(a), axis=axis, keepdims=keepdims,
                                correction=correction)
    close(got, exp, rtol=1e-3 if a.dtype == np.float32 else 1e-9)


def test_var_fast_path_accuracy():
    rng = np.random.default_rng(1)
    n = rng.standard_normal(100_003) * 1e3 + 1e6
    for a in (n, n[::3], n.astype(np.float32)):
        close(xp.var(xp.asarray(a)), np.var(a.astype(np.float64)).astype(a.dtype),
              rtol=1e-6 if a.dtype == np.float32 else 1e-9)
        close(xp.std(xp.asarray(a), correction=1), np.std(a.astype(np.float64), ddof=1)
              .astype(a.dtype), rtol=1e-6 if a.dtype == np.float32 else 1e-9)


@pytest.mark.parametrize("name", ["var", "std"])
@settings(max_examples=60, deadline=None)
@given(data=st.data(), correction=st.sampled_from([0, 1, 0.5]))
def test_var_std_float16(name, data, correction):
    # float16: NumPy's float16 sums, divided by the count in float64
    a, axis, keepdims = data.draw(case(["float16"], elements=st.floats(-20, 20, width=16)))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exp = getattr(np, name)(a, axis=axis, keepdims=keepdims, ddof=correction)
        got = getattr(xp, name)(xp.asarray(a), axis=axis, keepdims=keepdims,
                                correction=correction)
    close(got, exp, rtol=2e-3)


@pytest.mark.parametrize("name", ["var", "std"])
def test_var_std_float16_more_values_than_float16_holds(name):
    # 70,000 is inf in float16: the variance divides in float64 (it was 0)
    n = (np.random.default_rng(3).normal(size=(2, 70000)) * 1e-2).astype(np.float16)
    for a, axis in [(n[0], None), (n, 1), (n.T, 0), (n[:, ::2], None)]:
        exp = getattr(np, name)(a, axis=axis, ddof=1)
        got = getattr(xp, name)(xp.asarray(a), axis=axis, correction=1)
        close(got, exp, rtol=2e-3)
        assert float(np.max(to_numpy(got))) > 0


def test_pairwise_sum_accuracy():
    # a naive running sum loses ~1e-9 relative here; pairwise stays near 1e-15
    n = np.full(10_000_001, 0.1)
    got = float(xp.sum(xp.asarray(n)))
    assert abs(got - 1000000.1) < 1e-6
    assert abs(got - float(np.sum(n))) <= abs(float(np.sum(n)) - 1000000.1) + 1e-6


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@settings(max_examples=60, deadline=None)
@given(data=st.data(), include_initial=st.booleans())
def test_cumulative(name, data, include_initial):
    a, _, _ = data.draw(case(ALLD))
    if a.ndim == 0:
        with pytest.raises(ValueError):
            getattr(xp, name)(xp.asarray(a))
        return
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1))
    with np.errstate(all="ignore"):
        exp = _np(name)(a, axis=axis, include_initial=include_initial)
        got = getattr(xp, name)(xp.asarray(a), axis=axis, include_initial=include_initial)
    close(got, exp)
    if a.ndim > 1:
        with pytest.raises(ValueError):
            getattr(xp, name)(xp.asarray(a))


@pytest.mark.parametrize("name", ["argmax", "argmin"])
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_argmax_argmin(name, data):
    dt = np.dtype(data.draw(st.sampled_from(ALLD)))
    shape = data.draw(shapes(min_dims=0, max_dims=3, min_side=0, max_side=5))
    a = make_layout(data.draw(hnp.arrays(dt, shape)), data.draw(st.sampled_from(LAYOUTS)))
    axis = data.draw(st.none() | (st.integers(-a.ndim, a.ndim - 1) if a.ndim else st.none()))
    keepdims = data.draw(st.booleans())
    try:
        exp = getattr(np, name)(a, axis=axis, keepdims=keepdims)
    except ValueError:
        with pytest.raises(ValueError):
            getattr(xp, name)(xp.asarray(a), axis=axis, keepdims=keepdims)
        return
    got = getattr(xp, name)(xp.asarray(a), axis=axis, keepdims=keepdims)
    assert_array(got, np.asarray(exp).astype(np.int64))


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_where(data):
    dt = data.draw(st.sampled_from(ALLD))
    shape = data.draw(shapes(max_dims=3, max_side=4))
    c = make_layout(data.draw(hnp.arrays(np.bool_, shape)), data.draw(st.sampled_from(LAYOUTS)))
    x1 = data.draw(hnp.arrays(np.dtype(dt), shape[1:] if shape else ()))
    x2 = data.draw(st.sampled_from([0, 1.5, True]) | hnp.arrays(np.dtype(dt), shape))
    exp = np.where(c, x1, x2)
    got = xp.where(xp.asarray(c), xp.asarray(x1),
                   xp.asarray(x2) if isinstance(x2, np.ndarray) else x2)
    assert_array(got, exp)


def test_where_scalars_and_errors():
    assert_array(xp.where(xp.asarray([True, False]), 1.0, 2), np.where([True, False], 1.0, 2))
    with pytest.raises(ValueError):
        xp.where(xp.asarray([True, False]), xp.ones(3), 0.0)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_clip(data):
    dt = data.draw(st.sampled_from(["int8", "int32", "float32", "float64", "uint16"]))
    a = data.draw(hnp.arrays(np.dtype(dt), shapes(max_dims=2, max_side=5)))
    lo = data.draw(st.none() | st.integers(0, 5))
    hi = data.draw(st.none() | st.integers(5, 10))
    with np.errstate(all="ignore"):
        exp = np.clip(a, lo, hi) if (lo is not None or hi is not None) else a.copy()
    got = xp.clip(xp.asarray(a), lo, hi)
    assert_array(got, exp)


def test_clip_arrays():
    n = np.array([-3.0, 0.5, np.nan, 7.0])
    assert_array(xp.clip(xp.asarray(n), xp.asarray([0.0, 0.0, 0.0, 0.0]), 5.0),
                 np.clip(n, 0.0, 5.0))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_diff(data):
    dt = data.draw(st.sampled_from(["bool", "int16", "float64", "complex64", "uint8"]))
    shape = data.draw(shapes(min_dims=1, max_dims=3, max_side=5))
    a = make_layout(data.draw(hnp.arrays(np.dtype(dt), shape)),
                    data.draw(st.sampled_from(LAYOUTS)))
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1))
    n = data.draw(st.integers(0, 3))
    pre = data.draw(st.sampled_from([None, 0]))
    with np.errstate(all="ignore"):
        kw = {} if pre is None else {"prepend": pre, "append": pre}
        exp = np.diff(a, n=n, axis=axis, **kw)
        got = xp.diff(xp.asarray(a), n=n, axis=axis, **kw)
    assert_array(got, exp)


@pytest.mark.parametrize("n", [3, 4, 10 ** 9, 10 ** 30])
@pytest.mark.parametrize("dt", ["float64", "bool", "int8"])
def test_diff_order_past_the_length(n, dt):
    """n beyond the axis length: NumPy's empty result at once (the fuzz's
    n = 10**30 looped n times without a way to stop it)"""
    x = np.asarray([[1, 0, 3], [4, 5, 0]], dtype=dt)
    got = xp.diff(xp.asarray(x), n=n, axis=1)
    want = np.diff(x, n=min(n, 4), axis=1)
    assert got.shape == want.shape and str(got.dtype) == str(want.dtype)


def test_diff_order_must_be_an_integer():
    with pytest.raises(TypeError):
        xp.diff(xp.asarray([1.0, 2.0]), n=1.0)


def test_bad_inputs():
    x = xp.ones((2, 3))
    with pytest.raises(Exception):
        xp.sum(x, axis=2)
    with pytest.raises(ValueError):
        xp.sum(x, axis=(0, 0))
    with pytest.raises(ValueError):
        xp.max(xp.empty((0,)))
    with pytest.raises(ValueError):
        xp.argmax(xp.empty((0,)))
    with pytest.raises(ValueError):
        xp.diff(xp.asarray(1.0))
    with pytest.raises(ValueError):
        xp.diff(x, n=-1)
    with pytest.raises(TypeError):
        xp.sum(x, axis=1.5)


@pytest.mark.skipif(xp is np, reason="arraycore's ndarray methods")
def test_numpy_style_methods():
    n = np.arange(12.0).reshape(3, 4) - 5.5
    x = xp.asarray(n)
    close(x.sum(), n.sum())
    close(x.sum(0), n.sum(0))
    close(x.sum(axis=1, keepdims=True), n.sum(axis=1, keepdims=True))
    close(x.prod(1), n.prod(1))
    close(x.mean(0), n.mean(0))
    close(x.std(ddof=1), n.std(ddof=1))
    close(x.var(1), n.var(1))
    close(x.max(), n.max())
    close(x.min(axis=0), n.min(axis=0))
    assert_array(x.argmax(1), n.argmax(1))
    assert_array(x.argmin(), np.int64(n.argmin()))
    assert_array(x.all(0), n.all(0))
    assert_array(x.any(), n.any())
    close(x.cumsum(), n.cumsum())
    close(x.cumsum(1), n.cumsum(1))
    close(x.clip(-1, 1), n.clip(-1, 1))
    close(x.round(), n.round())
    close(x.dot(x.T), n.dot(n.T))
    o = xp.empty(4)
    assert x.sum(0, out=o) is o
    close(o, n.sum(0))
    with pytest.raises(TypeError):
        x.sum(bogus=1)
    with pytest.raises(TypeError):
        x.sum(0, axis=1)


def test_many_dimensions():
    n = np.arange(6.0).reshape((1,) * 38 + (2, 3))
    x = xp.asarray(n)
    assert_array(xp.argmax(x, axis=-1), np.argmax(n, axis=-1))
    close(xp.var(x, keepdims=True), np.var(n, keepdims=True))
    close(xp.mean(x, axis=(0, 39)), np.mean(n, axis=(0, 39)))


@pytest.mark.arraycore_only
def test_methods_do_not_go_through_python_names(monkeypatch):
    # a.sum(), a.clip(), a + b ... are typed calls into their modules:
    # rebinding the Python names of the implementations changes nothing
    import arraycore
    from arraycore import _stats, _elementwise, _ufunc

    def rebound(*args, **kwargs):
        raise AssertionError("called through a Python name")

    a = xp.asarray([[1.0, -2.0], [3.0, 4.0]])
    for mod, names in ((_stats, ("sum", "mean", "std", "max", "argmax", "all")),
                       (_elementwise, ("clip",)), (_ufunc, ("add", "negative")),
                       (arraycore, ("sum", "clip", "add", "matmul", "asarray"))):
        for name in names:
            monkeypatch.setattr(mod, name, rebound)
    assert float(a.sum()) == 6.0 and float(a.mean()) == 1.5
    assert float(a.max()) == 4.0 and int(a.argmax()) == 3 and not bool(a.all() == 0)
    assert a.std() >= 0 and a.clip(0, 1).tolist() == [[1.0, 0.0], [1.0, 1.0]]
    assert (a + a).tolist() == [[2.0, -4.0], [6.0, 8.0]] and (-a)[0, 1] == 2.0
    assert (a @ a).tolist() == [[-5.0, -10.0], [15.0, 10.0]]
    a[[0]] = [[7.0, 8.0]]
    assert a.tolist() == [[7.0, 8.0], [3.0, 4.0]]
