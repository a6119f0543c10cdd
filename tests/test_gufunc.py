"""Generalized ufuncs: signature parsing, core-dimension checks, broadcasting of
loop dimensions, optional dimensions, axes=/axis=/keepdims=, out=; and
matmul (the @ operator), vecdot and tensordot against NumPy."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import arraycore as ac
from arraycore._gufunc import parse_signature
from _helpers import xp, LAYOUTS, make_layout, to_numpy, assert_array

DT = ["bool", "int8", "uint8", "int16", "int32", "uint32", "int64", "uint64", "float16",
      "float32", "float64", "complex64", "complex128"]


def close(got, exp):
    got = to_numpy(got)
    exp = np.asarray(exp)
    assert got.shape == exp.shape, (got.shape, exp.shape)
    assert got.dtype == exp.dtype, (got.dtype, exp.dtype)
    if exp.dtype.kind in "fc":
        rtol = {"e": 1e-2, "f": 1e-4, "F": 1e-4}.get(exp.dtype.char, 1e-11)
        np.testing.assert_allclose(got, exp, rtol=rtol, atol=rtol * 10)
    else:
        np.testing.assert_array_equal(got, exp)


def _vals(dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return None
    if dt.kind in "iu":
        return st.integers(0 if dt.kind == "u" else -5, 5)
    if dt.kind == "c":
        return st.complex_numbers(max_magnitude=4, allow_nan=False, allow_infinity=False,
                                  width=8 * dt.itemsize)
    return st.floats(-4, 4, width=8 * dt.itemsize)


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_matmul_matches_numpy(data):
    dt = data.draw(st.sampled_from(DT))
    n, k, m = (data.draw(st.integers(0, 7)) for _ in range(3))
    kind = data.draw(st.sampled_from(["mm", "mv", "vm", "vv", "stack", "bcast"]))
    sa, sb = {"mm": ((n, k), (k, m)), "mv": ((n, k), (k,)), "vm": ((k,), (k, m)),
              "vv": ((k,), (k,)), "stack": ((2, n, k), (2, k, m)),
              "bcast": ((3, 1, n, k), (2, k, m))}[kind]
    a = make_layout(data.draw(hnp.arrays(np.dtype(dt), sa, elements=_vals(dt))),
                    data.draw(st.sampled_from(LAYOUTS)))
    b = make_layout(data.draw(hnp.arrays(np.dtype(dt), sb, elements=_vals(dt))),
                    data.draw(st.sampled_from(LAYOUTS)))
    exp = np.matmul(a, b)
    got = xp.matmul(xp.asarray(a), xp.asarray(b))
    close(got, exp)
    close(xp.asarray(a) @ xp.asarray(b), exp)


def test_matmul_mixed_types_and_out():
    a = np.arange(6, dtype=np.int32).reshape(2, 3)
    b = np.arange(12, dtype=np.float32).reshape(3, 4)
    close(xp.matmul(xp.asarray(a), xp.asarray(b)), a @ b)
    o = xp.zeros((2, 4))
    r = xp.matmul(xp.asarray(a), xp.asarray(b), out=o)
    assert r is o
    close(o, (a @ b).astype(np.float64))
    with pytest.raises(ValueError):
        xp.matmul(xp.asarray(a), xp.asarray(b), out=xp.zeros((4, 2)))
    with pytest.raises(TypeError):
        xp.matmul(xp.asarray(a), xp.asarray(b), out=xp.zeros((2, 4), dtype=xp.int8))


def test_matmul_errors():
    with pytest.raises(ValueError, match="mismatch"):
        xp.matmul(xp.ones((2, 3)), xp.ones((2, 3)))
    with pytest.raises(ValueError, match="enough dimensions"):
        xp.matmul(xp.asarray(1.0), xp.ones(3))
    with pytest.raises(ValueError):
        xp.matmul(xp.ones((2, 2, 3)), xp.ones((3, 3, 2)))     # loop dims do not broadcast
    with pytest.raises(TypeError):
        xp.matmul(xp.ones((2, 2)), xp.ones((2, 2)), where=xp.asarray(True))


def test_matmul_large_and_strided():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((130, 70))
    b = rng.standard_normal((70, 90))
    close(xp.asarray(a) @ xp.asarray(b), a @ b)
    close(xp.asarray(a[::2, ::-1]) @ xp.asarray(b[::-1][:, 1::2]), a[::2, ::-1] @ b[::-1][:, 1::2])
    close(xp.asarray(a.T.copy()).T @ xp.asarray(b), a @ b)


def test_matmul_axes():
    rng = np.random.default_rng(1)
    a = rng.standard_normal((3, 4, 2))
    b = rng.standard_normal((4, 5))
    axes = [(0, 1), (0, 1), (0, 1)]
    close(xp.matmul(xp.asarray(a), xp.asarray(b), axes=axes), np.matmul(a, b, axes=axes))
    with pytest.raises(ValueError):
        xp.matmul(xp.asarray(a), xp.asarray(b), axes=[(0, 1)])
    with pytest.raises(ValueError):
        xp.matmul(xp.asarray(a), xp.asarray(b), axes=[(0, 0), (0, 1), (0, 1)])


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_vecdot(data):
    dt = data.draw(st.sampled_from(["int32", "float32", "float64", "complex64", "complex128"]))
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=4))
    a = data.draw(hnp.arrays(np.dtype(dt), shape, elements=_vals(dt)))
    b = data.draw(hnp.arrays(np.dtype(dt), shape[-data.draw(st.integers(1, len(shape))):],
                             elements=_vals(dt)))
    axis = -1 if b.ndim < 2 else data.draw(st.integers(-b.ndim, -1))
    exp = np.vecdot(a, b, axis=axis)
    close(xp.vecdot(xp.asarray(a), xp.asarray(b), axis=axis), exp)


def test_vecdot_keepdims_and_errors():
    a = np.arange(6.0).reshape(2, 3)
    close(ac._gufunc._vecdot_uf(ac.asarray(a), ac.asarray(a), keepdims=True),
          np.vecdot(a, a, keepdims=True))
    with pytest.raises(ValueError):
        xp.vecdot(xp.ones(3), xp.ones(4))
    with pytest.raises(ValueError):
        xp.vecdot(xp.asarray(1.0), xp.ones(4))


@pytest.mark.parametrize("axes", [0, 1, 2, ([1], [0]), ([0, 2], [2, 0]), ((2,), (0,))])
def test_tensordot(axes):
    rng = np.random.default_rng(2)
    a = rng.standard_normal((3, 4, 5))
    b = rng.standard_normal((5, 4, 3))
    if axes in (1, 2):
        b = rng.standard_normal((4, 5, 3)) if axes == 2 else rng.standard_normal((5, 2))
    try:
        exp = np.tensordot(a, b, axes=axes)
    except ValueError:
        with pytest.raises(ValueError):
            xp.tensordot(xp.asarray(a), xp.asarray(b), axes=axes)
        return
    close(xp.tensordot(xp.asarray(a), xp.asarray(b), axes=axes), exp)


def test_matrix_transpose_is_a_view():
    a = xp.asarray(np.arange(6.0).reshape(2, 3))
    t = xp.matrix_transpose(a)
    assert t.shape == (3, 2)
    assert_array(t, np.arange(6.0).reshape(2, 3).T)


# ---------------------------------------------------------------- signatures
def test_signature_parsing():
    cs = parse_signature("(m,n),(n,p)->(m,p)")
    assert cs.nin == 2 and cs.nout == 1
    assert cs.names == ("m", "n", "p")
    assert cs.ops == (((0, -1, False), (1, -1, False)), ((1, -1, False), (2, -1, False)),
                      ((0, -1, False), (2, -1, False)))
    cs = parse_signature("(3),(3)->(3)")
    assert cs.ops[0] == ((0, 3, False),)
    cs = parse_signature("(n?,k),(k,m?)->(n?,m?)")
    assert cs.ops[0][0] == (0, -1, True)
    cs = parse_signature("(i),(i)->()")
    assert cs.ops[2] == ()


@pytest.mark.parametrize("bad", ["(i),(i)", "(i)->(i)->()", "(i,)->()", "i->()",
                                 "(i),(j->()", "(1.5)->()", "(i j)->()", "->()", "(i)->"])
def test_malformed_signatures(bad):
    with pytest.raises(ValueError):
        parse_signature(bad)


def test_signature_must_match_operand_counts():
    with pytest.raises(ValueError):
        parse_signature("(i),(i)->()", 1, 1)


def test_gufunc_attributes():
    assert ac.matmul.signature == "(n?,k),(k,m?)->(n?,m?)"
    assert ac.matmul.nin == 2 and ac.matmul.nout == 1
    assert "dd->d" in ac.matmul.types
    with pytest.raises(TypeError):
        ac.matmul.reduce(ac.ones((2, 2)))
