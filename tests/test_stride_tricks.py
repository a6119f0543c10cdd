"""xp.lib.stride_tricks (issue 11): sliding_window_view and as_strided as
views of the array's memory, checked against NumPy's numpy.lib.stride_tricks
across dtypes and layouts; their errors; __array_function__ dispatch; and
xarray's rolling, which reaches them as xp.lib.stride_tricks."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from _helpers import (IS_NUMPY, assert_array, layout_pair, np_arrays, pairs, shares_memory,
                      xp)

npst = np.lib.stride_tricks


def _st():
    return xp.lib.stride_tricks


# ------------------------------------------------------------ sliding_window_view
@st.composite
def windows(draw):
    """(n, x, window_shape, axis) with windows that fit (axis None or drawn,
    repeated axes allowed as NumPy allows them)."""
    n, x = draw(pairs(min_dims=0, max_dims=3, max_side=5))
    if n.ndim and draw(st.booleans()):
        axes = draw(st.lists(st.integers(-n.ndim, n.ndim - 1), min_size=1, max_size=3))
        left = list(n.shape)
        shape = []
        for ax in axes:
            w = draw(st.integers(0, left[ax]))
            left[ax] -= w - 1
            shape.append(w)
        return n, x, tuple(shape), tuple(axes)
    shape = tuple(draw(st.integers(0, m)) for m in n.shape)
    return n, x, shape, None


@given(windows())
def test_sliding_window_view_matches_numpy(case):
    n, x, shape, axis = case
    want = npst.sliding_window_view(n, shape, axis=axis)
    got = _st().sliding_window_view(x, shape, axis=axis)
    assert_array(got, want, strides=True)
    if want.size:
        assert shares_memory(got, x)
    assert not got.flags["WRITEABLE"]


@pytest.mark.parametrize("shape,window,axis", [
    ((7,), 3, None), ((7,), 3, 0), ((3, 4), 2, 1), ((3, 4), (2, 2), None),
    ((3, 4), (2, 3), (1, 1)), ((3, 4), 2, -1), ((5,), 0, None), ((2, 3, 4), (2, 2), (0, 2)),
    ((), (), None),
])
def test_sliding_window_view_cases(shape, window, axis):
    n = np.arange(float(np.prod(shape))).reshape(shape)
    n, x = layout_pair(n, "C")
    want = npst.sliding_window_view(n, window, axis=axis)
    got = _st().sliding_window_view(x, window, axis)
    assert_array(got, want, strides=True)


def test_sliding_window_view_writeable():
    n, x = layout_pair(np.arange(6.0), "C")
    v = _st().sliding_window_view(x, 3, writeable=True)
    assert v.flags["WRITEABLE"]
    v[1, 1] = 100.0              # element 2 of x, seen by three windows
    assert float(x[2]) == 100.0
    assert float(v[0, 2]) == 100.0 and float(v[2, 0]) == 100.0
    with pytest.raises((ValueError, TypeError)):
        _st().sliding_window_view(x, 3)[0, 0] = 1.0


def test_sliding_window_view_of_read_only_stays_read_only():
    n = np.arange(6.0)
    n.flags.writeable = False
    x = xp.asarray(n)
    v = _st().sliding_window_view(x, 2, writeable=True)
    assert not v.flags["WRITEABLE"]


@pytest.mark.parametrize("window,axis,match", [
    ((2,), None, "must provide window_shape for all dimensions"),
    ((-1, 2), None, "cannot contain negative values"),
    ((5,), 0, "larger than input array shape"),
    ((2, 2), 0, "matching length window_shape and axis"),
    ((2,), 2, "out of bounds"),
    ((2,), -3, "out of bounds"),
])
def test_sliding_window_view_errors(window, axis, match):
    n, x = layout_pair(np.zeros((3, 4)), "C")
    for mod, arr in ((npst, n), (_st(), x)):
        with pytest.raises((ValueError, IndexError), match=match):
            mod.sliding_window_view(arr, window, axis=axis)


def test_sliding_window_view_type_errors():
    x = xp.asarray([1.0, 2.0])
    with pytest.raises(TypeError):
        _st().sliding_window_view(x, 1.5)
    with pytest.raises(TypeError):
        _st().sliding_window_view(x, 1, axis="0")


# ------------------------------------------------------------ as_strided
@given(np_arrays(shape=st.tuples(st.integers(1, 6), st.integers(1, 6))),
       st.sampled_from(["C", "F", "strided", "negative", "byteswapped", "misaligned"]),
       st.data())
def test_as_strided_matches_numpy(a, layout, data):
    n, x = layout_pair(a, layout)
    # views inside n's own elements: windows along each axis and the diagonal
    r, c = n.shape
    s0, s1 = n.strides
    k = data.draw(st.integers(1, r))
    cases = [
        ((r - k + 1, k, c), (s0, s0, s1)),
        ((min(r, c),), (s0 + s1,)),
        ((c, r), (s1, s0)),
        ((2, 3), (0, 0)),
        (None, None),
    ]
    for shape, strides in cases:
        want = npst.as_strided(n, shape, strides)
        got = _st().as_strided(x, shape, strides)
        assert_array(got, want, strides=True)
        assert shares_memory(got, x)
        assert got.flags["WRITEABLE"] == want.flags["WRITEABLE"]


def test_as_strided_writes_through_and_read_only():
    n, x = layout_pair(np.zeros(6), "C")
    v = _st().as_strided(x, (3, 2), (8, 8))
    v[2, 1] = 5.0
    assert float(x[3]) == 5.0
    r = _st().as_strided(x, (2,), (16,), writeable=False)
    assert not r.flags["WRITEABLE"]
    with pytest.raises((ValueError, TypeError)):
        r[0] = 1.0


def test_as_strided_in_the_array_a_view_is_of():
    # a slice may be widened again inside the array it is a view of
    n = np.arange(10.0)
    x = xp.asarray(n)[2:4]
    got = _st().as_strided(x, (5,), (8,))
    assert_array(got, npst.as_strided(n[2:4], (5,), (8,)))


@pytest.mark.arraycore_only
@pytest.mark.parametrize("shape,strides", [
    ((3, 5), (32, 8)),          # past the end
    ((3,), (-8,)),              # before the start
    ((2,), (2 ** 62,)),         # far away
])
def test_as_strided_refuses_memory_outside_the_array(shape, strides):
    # NumPy trusts its caller here (and reads foreign memory); arraycore refuses
    x = xp.asarray(np.arange(12.0).reshape(3, 4))
    with pytest.raises(ValueError, match="outside the array"):
        _st().as_strided(x, shape, strides)


@pytest.mark.arraycore_only
def test_as_strided_bad_arguments():
    x = xp.asarray(np.arange(4.0))
    with pytest.raises(ValueError, match="differ in length"):
        _st().as_strided(x, (2, 2), (8,))
    with pytest.raises(ValueError, match="negative"):
        _st().as_strided(x, (-1,), (8,))
    with pytest.raises(TypeError):
        _st().as_strided(x, ("a",), (8,))
    assert _st().as_strided(x, (0, 5), (8, 2 ** 40)).shape == (0, 5)   # nothing addressed


@pytest.mark.arraycore_only
def test_stride_tricks_through_numpy_dispatch():
    # np.lib.stride_tricks.* on arraycore arrays run arraycore's (NEP 18)
    import arraycore as ac
    x = ac.asarray(np.arange(6.0))
    v = np.lib.stride_tricks.sliding_window_view(x, 2)
    assert isinstance(v, ac.ndarray) and shares_memory(v, x)
    assert_array(v, npst.sliding_window_view(np.arange(6.0), 2))
    assert "lib" in dir(ac)


# ------------------------------------------------------------ xarray rolling
xr = pytest.importorskip("xarray")


def _rolling_pair():
    n = np.arange(12.0).reshape(3, 4) ** 1.3
    return xr.DataArray(xp.asarray(n), dims=("x", "y")), xr.DataArray(n, dims=("x", "y"))


ROLLING_FILLED = {      # windows filled with a given value: no NaN fill needed
    "construct": lambda d: d.rolling(y=2).construct("w", fill_value=0.0),
    "construct center": lambda d: d.rolling(y=3, center=True).construct("w", fill_value=-1.0),
    "construct 2d": lambda d: d.rolling(x=2, y=3).construct(x="u", y="w", fill_value=0.0),
    "construct then mean": lambda d: d.rolling(y=2).construct("w", fill_value=0.0).mean("w"),
    "construct stride": lambda d: d.rolling(y=2).construct("w", stride=2, fill_value=0.0),
}
ROLLING_NAN = {         # xarray fills the incomplete windows with NaN
    "mean": lambda d: d.rolling(y=2).mean(),
    "sum min_periods": lambda d: d.rolling(y=3, min_periods=1).sum(),
    "max center": lambda d: d.rolling(x=2, center=True).max(),
    "reduce": lambda d: d.rolling(y=2).reduce(np.sum),
    "construct": lambda d: d.rolling(y=2).construct("w"),
}


@pytest.mark.parametrize("name", list(ROLLING_FILLED))
def test_xarray_rolling_matches_numpy(name):
    a, n = _rolling_pair()
    got, want = ROLLING_FILLED[name](a), ROLLING_FILLED[name](n)
    assert isinstance(got.data, type(xp.asarray(0.0))), type(got.data)
    assert got.dims == want.dims
    np.testing.assert_allclose(np.asarray(got.data), want.data, rtol=1e-12)


@pytest.mark.parametrize("name", list(ROLLING_NAN))
def test_xarray_rolling_with_nan_fill(name):
    # The NaN fill asks xarray for the fill value of the array's dtype
    # (xarray/core/dtypes.py maybe_promote), which current xarray releases
    # refuse for every dtype that is not an np.dtype: the limitation of
    # test_xarray_where_requires_numpy_dtypes (docs/interop.rst); the filling
    # after a centred window asks xp.result_type to promote with a NumPy
    # object array (xarray's NA sentinel), a dtype arraycore does not have.
    # Where xarray accepts it (older releases), the result is NumPy's.
    a, n = _rolling_pair()
    want = ROLLING_NAN[name](n)
    try:
        got = ROLLING_NAN[name](a)
    except TypeError as e:
        assert not IS_NUMPY
        assert ("extension array dtype or numpy dtype" in str(e)
                or "dtype('O') is not supported by arraycore" in str(e)), e
        return
    assert got.dims == want.dims
    np.testing.assert_allclose(np.asarray(got.data), want.data, rtol=1e-12, equal_nan=True)
