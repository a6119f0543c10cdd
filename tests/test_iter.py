"""The iterators from Python: nditer (orders, coalescing, external loop,
indices, buffering and casting, allocated outputs, reductions, ranges,
positioning, copies), the flat iterator (a.flat), broadcast, ndindex and
ndenumerate.  NumPy's np.nditer / np.broadcast / a.flat are the oracle; bad
input raises the exception NumPy raises."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from _helpers import (DTYPE_NAMES, LAYOUTS, NUMERIC_NAMES, WRITABLE_LAYOUTS, IS_NUMPY,
                      assert_array, layout_pair, npdt, pairs, xp)

ORDERS = ["C", "F", "K", "A"]


def values(it):
    """The values an iterator hands out, stacked (per operand when several)."""
    out = []
    for v in it:
        if isinstance(v, tuple):
            out.append(tuple(np.array(np.asarray(x)) for x in v))
        else:
            out.append(np.array(np.asarray(v)))
    return out


def stack(vals, nop=None):
    if nop is None:
        return np.array(vals) if vals else np.array([])
    return [np.array([v[i] for v in vals]) for i in range(nop)]


def tup(v):
    return v if isinstance(v, tuple) else (v,)


def eq(got, exp):
    """Two NumPy-convertible results are equal: shape, dtype (any byte order)
    and values (NaN equal to NaN)."""
    got, exp = np.asarray(got), np.asarray(exp)
    assert got.shape == exp.shape, (got.shape, exp.shape)
    if got.size:
        assert got.dtype.newbyteorder("=") == exp.dtype.newbyteorder("="), (got.dtype, exp.dtype)
    np.testing.assert_array_equal(got, exp)


def chunks(it):
    """The chunks of an external loop, copied as they come (buffered chunks
    are views of the iterator's buffers, overwritten by the next one)."""
    out = []
    for c in it:
        out.append(tuple(np.array(np.asarray(x)) for x in c) if isinstance(c, tuple)
                   else np.array(np.asarray(c)))
    return out


def concat(chunks):
    return np.concatenate([np.asarray(c).reshape(-1) for c in chunks]) if chunks else np.array([])


@st.composite
def broadcastable(draw, k=None, dtype_names=DTYPE_NAMES, layouts=LAYOUTS, min_side=1):
    k = k or draw(st.integers(1, 3))
    bs = draw(hnp.mutually_broadcastable_shapes(num_shapes=k, min_dims=0, max_dims=4,
                                                min_side=min_side, max_side=4))
    out = []
    for shp in bs.input_shapes:
        name = draw(st.sampled_from(dtype_names))
        a = draw(hnp.arrays(np.dtype(name), shp))
        layout = draw(st.sampled_from(layouts))
        out.append(layout_pair(a, layout, draw(st.permutations(range(a.ndim)))))
    return out


# ------------------------------------------------------------ one operand

@given(pairs(min_side=1), st.sampled_from(ORDERS))
def test_nditer_values_and_order(p, order):
    n, x = p
    got = stack(values(xp.nditer(x, order=order)))
    exp = stack(values(np.nditer(n, order=order)))
    eq(got, exp)


@given(pairs(min_side=1), st.sampled_from(ORDERS))
def test_nditer_multi_index_and_indices(p, order):
    n, x = p
    for flag in ("c_index", "f_index"):
        it = xp.nditer(x, ["multi_index", flag], order=order)
        ref = np.nditer(n, ["multi_index", flag], order=order)
        assert it.shape == ref.shape
        got = [(it.multi_index, it.index, np.asarray(v).tobytes()) for v in it]
        exp = [(ref.multi_index, ref.index, np.asarray(v).tobytes()) for v in ref]
        assert got == exp
        assert it.finished


@given(pairs(min_side=1), st.sampled_from(ORDERS))
def test_nditer_index_without_multi_index(p, order):
    n, x = p
    it = xp.nditer(x, ["c_index"], order=order)
    ref = np.nditer(n, ["c_index"], order=order)
    assert [it.index for _ in it] == [ref.index for _ in ref]


@given(pairs(min_side=0), st.sampled_from(ORDERS))
def test_nditer_external_loop(p, order):
    n, x = p
    got = chunks(xp.nditer(x, ["external_loop", "zerosize_ok"], order=order))
    exp = chunks(np.nditer(n, ["external_loop", "zerosize_ok"], order=order))
    for c in got:
        assert c.ndim == 1
    eq(concat(got), concat(exp).astype(n.dtype))
    ref = np.nditer(n, ["external_loop", "zerosize_ok"], order=order)
    it = xp.nditer(x, ["external_loop", "zerosize_ok"], order=order)
    assert it.itersize == ref.itersize
    if n.size:
        assert it.ndim == ref.ndim and it.shape == ref.shape   # coalescing as NumPy's


def test_nditer_coalesces():
    a = xp.asarray(np.arange(24).reshape(2, 3, 4))
    assert xp.nditer(a).ndim == 1 and xp.nditer(a).shape == (24,)
    assert xp.nditer(a, ["multi_index"]).shape == (2, 3, 4)
    assert len(chunks(xp.nditer(a, ["external_loop"]))) == 1
    t = xp.permute_dims(a, (2, 0, 1))
    got = list(xp.nditer(t, ["external_loop"], order="K"))
    assert len(got) == 1           # memory order: one contiguous run
    assert_array(got[0], np.arange(24))


def test_nditer_0d_and_empty():
    it = xp.nditer(xp.asarray(5.0))
    assert it.ndim == 0 and it.shape == () and it.itersize == 1
    assert [float(v) for v in it] == [5.0]
    with pytest.raises(ValueError, match="zero-sized"):
        xp.nditer(xp.zeros((2, 0)))
    it = xp.nditer(xp.zeros((2, 0)), ["zerosize_ok"])
    assert it.finished and it.itersize == 0 and list(it) == []
    with pytest.raises(ValueError):
        it.value


# ------------------------------------------------------------ several operands

@given(broadcastable(), st.sampled_from(ORDERS))
def test_nditer_broadcasting(ps, order):
    ns = [n for n, _ in ps]
    xs = [x for _, x in ps]
    it = xp.nditer(xs, ["multi_index"], order=order)
    ref = np.nditer(ns, ["multi_index"], order=order)
    assert it.shape == ref.shape and it.itersize == ref.itersize
    got = [(it.multi_index,) + tuple(np.asarray(v).tobytes() for v in tup(vs)) for vs in it]
    exp = [(ref.multi_index,) + tuple(np.asarray(v).tobytes() for v in tup(vs)) for vs in ref]
    assert got == exp


@given(broadcastable(), st.sampled_from(ORDERS))
def test_nditer_external_loop_several(ps, order):
    ns = [n for n, _ in ps]
    xs = [x for _, x in ps]
    got = chunks(xp.nditer(xs, ["external_loop"], order=order))
    exp = chunks(np.nditer(ns, ["external_loop"], order=order))
    for i in range(len(ps)):
        eq(concat([tup(c)[i] for c in got]), concat([tup(c)[i] for c in exp]).astype(ns[i].dtype))


@given(broadcastable(dtype_names=NUMERIC_NAMES, layouts=WRITABLE_LAYOUTS), st.sampled_from(ORDERS))
def test_nditer_allocated_output(ps, order):
    ns = [n for n, _ in ps]
    xs = [x for _, x in ps]
    it = xp.nditer(xs + [None], order=order)
    ref = np.nditer(ns + [None], order=order)
    for vs in it:
        np.asarray(vs[-1])[...] = np.asarray(vs[0])      # copy (and cast) operand 0
    for vs in ref:
        vs[-1][...] = vs[0]
    out, eout = it.operands[-1], ref.operands[-1]
    assert_array(out, eout, exact_byteorder=False)   # allocated in native byte order
    if eout.size and not IS_NUMPY:
        assert np.asarray(out).strides == eout.strides   # the same memory layout


def test_nditer_readwrite_writes_through():
    n = np.arange(12.0).reshape(3, 4)[:, ::2]
    x = xp.asarray(n.copy())
    x_full = xp.asarray(np.arange(12.0).reshape(3, 4))
    xs = x_full[:, ::2]
    with xp.nditer(xs, op_flags=["readwrite"]) as it:
        for v in it:
            v[...] = float(v) * 10
    assert_array(x_full, np.where(np.arange(4) % 2 == 0, np.arange(12.0).reshape(3, 4) * 10,
                                  np.arange(12.0).reshape(3, 4)))
    del x


# ------------------------------------------------------------ buffering and casting

CASTS = [("int8", "float64"), ("uint8", "int16"), ("float32", "float64"), ("int32", "int64"),
         ("float16", "float32"), ("bool", "int8"), ("complex64", "complex128"),
         ("int16", "complex64")]


@given(st.sampled_from(CASTS), st.data(), st.sampled_from(ORDERS), st.booleans(),
       st.sampled_from([1, 3, 7, 8192]))
def test_nditer_buffered_cast_read(cast, data, order, external, bufsize):
    src, dst = cast
    a = data.draw(hnp.arrays(np.dtype(src), hnp.array_shapes(min_dims=0, max_dims=3,
                                                              min_side=1, max_side=5)))
    layout = data.draw(st.sampled_from(LAYOUTS))
    n, x = layout_pair(a, layout)
    flags = ["buffered"] + (["external_loop"] if external else [])
    it = xp.nditer(x, flags, op_dtypes=[dst], order=order, buffersize=bufsize)
    ref = np.nditer(n, flags, op_dtypes=[dst], order=order, buffersize=bufsize)
    got = concat(chunks(it)) if external else stack(values(it))
    exp = concat(chunks(ref)) if external else stack(values(ref))
    eq(got, exp.astype(dst))
    assert it.dtypes[0] == xp.asarray(np.zeros(0, dst)).dtype


@pytest.mark.filterwarnings("ignore::numpy.exceptions.ComplexWarning")
@given(st.sampled_from([c for c in CASTS if c[0] != "bool"]), st.data(),
       st.sampled_from(ORDERS), st.booleans(), st.sampled_from([1, 2, 5, 8192]))
def test_nditer_buffered_cast_readwrite(cast, data, order, external, bufsize):
    src, dst = cast
    a = data.draw(hnp.arrays(np.dtype(src), hnp.array_shapes(min_dims=0, max_dims=3,
                                                              min_side=1, max_side=5),
                             elements=st.integers(0, 50)))
    layout = data.draw(st.sampled_from(WRITABLE_LAYOUTS))
    n, x = layout_pair(a, layout)
    flags = ["buffered"] + (["external_loop"] if external else [])
    kw = dict(op_flags=["readwrite"], op_dtypes=[dst], order=order, buffersize=bufsize,
              casting="unsafe")
    with xp.nditer(x, flags, **kw) as it:
        for v in it:
            w = np.asarray(v)
            w[...] = w * 2 + 1
    with np.nditer(n, flags, **kw) as it:
        for v in it:
            v[...] = v * 2 + 1
    assert_array(x, n)


def test_nditer_casting_rules():
    x = xp.asarray(np.arange(3.0))
    with pytest.raises(TypeError, match="could not be cast"):
        xp.nditer(x, ["buffered"], op_dtypes=["int32"])
    with pytest.raises(TypeError, match="could not be cast"):
        xp.nditer(x, ["buffered"], op_flags=["readwrite"], op_dtypes=["float32"])
    with pytest.raises(TypeError, match="copying or buffering"):
        xp.nditer(x, op_dtypes=["float32"], casting="unsafe")
    it = xp.nditer(x, ["buffered"], op_dtypes=["int32"], casting="unsafe")
    assert [int(v) for v in it] == [0, 1, 2]


@pytest.mark.parametrize("flag", ["copy", "updateifcopy"])
def test_nditer_copy_flags(flag):
    n = np.arange(6, dtype=np.int16).reshape(2, 3)
    x = xp.asarray(n.copy())
    rw = "readonly" if flag == "copy" else "readwrite"
    with xp.nditer(x, op_flags=[rw, flag], op_dtypes=["float64"], casting="unsafe") as it:
        assert it.operands[0].dtype == xp.float64
        for v in it:
            if flag == "updateifcopy":
                v[...] = float(v) + 100
        vals = it.operands[0]
        assert_array(vals, (n + (100 if flag == "updateifcopy" else 0)).astype(np.float64))
    assert_array(x, n + (100 if flag == "updateifcopy" else 0))


def test_nditer_nbo_aligned_contig_buffer():
    for layout in ("byteswapped", "misaligned", "strided"):
        n, x = layout_pair(np.arange(10, dtype=np.int32), layout)
        flags = {"byteswapped": ["nbo"], "misaligned": ["aligned"], "strided": ["contig"]}[layout]
        it = xp.nditer(x, ["buffered", "external_loop"], op_flags=["readonly"] + flags)
        eq(concat(chunks(it)), np.arange(10, dtype=np.int32))
        it.reset()
        for c in it:
            assert c.flags["ALIGNED"]
            assert c.strides[0] == c.itemsize


# ------------------------------------------------------------ reductions

# integers: the sums are exact in any order (float64 sums of them too)
@given(pairs(dtype_names=["int16", "int32", "uint8"], min_dims=1, max_dims=3, min_side=1),
       st.data(), st.booleans())
@pytest.mark.filterwarnings("ignore:overflow:RuntimeWarning")
def test_nditer_reduction(p, data, buffered):
    n, x = p
    nd = n.ndim
    keep = data.draw(st.lists(st.booleans(), min_size=nd, max_size=nd))
    op_axes = [None, [i if keep[i] else -1 for i in range(nd)]]
    op_axes[1] = [sum(keep[:i]) if keep[i] else -1 for i in range(nd)]
    flags = ["reduce_ok"] + (["buffered", "delay_bufalloc"] if buffered else [])
    kw = dict(op_flags=[["readonly"], ["readwrite", "allocate"]], op_axes=op_axes)
    if buffered:
        kw["op_dtypes"] = [None, "float64"]
        kw["casting"] = "unsafe"
    with xp.nditer([x, None], flags, **kw) as it:
        np.asarray(it.operands[1])[...] = 0
        it.reset()
        for a, b in it:
            nb = np.asarray(b)
            nb[...] = nb + np.asarray(a)
        res = it.operands[1]
    axes = tuple(i for i in range(nd) if not keep[i])
    dt = np.dtype(np.float64) if buffered else n.dtype.newbyteorder("=")
    exp = n.astype(dt).sum(axis=axes, dtype=dt)
    np.testing.assert_array_equal(np.asarray(res), exp)


def test_nditer_reduction_errors():
    a = xp.zeros((2, 3))
    b = xp.zeros((1, 3))
    with pytest.raises(ValueError, match="reduction"):
        xp.nditer([a, b], op_flags=[["readonly"], ["readwrite"]])
    with pytest.raises(ValueError, match="write-only"):
        xp.nditer([a, b], ["reduce_ok"], op_flags=[["readonly"], ["writeonly"]])
    it = xp.nditer([a, b], ["reduce_ok"], op_flags=[["readonly"], ["readwrite"]])
    assert it.itersize == 6
    with pytest.raises(ValueError, match="non-broadcastable"):
        xp.nditer([a, xp.zeros(3)], op_flags=[["readonly"], ["readonly", "no_broadcast"]])


# ------------------------------------------------------------ ranges, positions

@given(pairs(min_side=1, min_dims=1), st.data(), st.booleans())
def test_nditer_ranged(p, data, buffered):
    n, x = p
    size = n.size
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    flags = ["ranged"] + (["buffered", "external_loop"] if buffered else [])
    it = xp.nditer(x, flags)
    ref = np.nditer(n, flags)
    it.iterrange = (start, end)
    ref.iterrange = (start, end)
    assert it.iterrange == (start, end)
    got = concat(chunks(it)) if buffered else stack(values(it))
    exp = concat(chunks(ref)) if buffered else stack(values(ref))
    eq(got.reshape(-1), exp.reshape(-1).astype(n.dtype))


@given(pairs(min_side=1, min_dims=1), st.data(), st.sampled_from(ORDERS))
def test_nditer_goto(p, data, order):
    n, x = p
    it = xp.nditer(x, ["multi_index", "c_index"], order=order)
    ref = np.nditer(n, ["multi_index", "c_index"], order=order)
    i = data.draw(st.integers(0, n.size - 1))
    it.iterindex = i
    ref.iterindex = i
    assert it.multi_index == ref.multi_index and it.index == ref.index
    mi = tuple(data.draw(st.integers(0, s - 1)) for s in n.shape)
    it.multi_index = mi
    ref.multi_index = mi
    assert it.iterindex == ref.iterindex and it.index == ref.index
    assert np.asarray(it.value).tobytes() == np.asarray(ref.value).tobytes()
    k = data.draw(st.integers(0, n.size - 1))
    it.index = k
    ref.index = k
    assert it.iterindex == ref.iterindex and it.multi_index == ref.multi_index
    rest = [np.asarray(v).tobytes() for v in it]
    exp = [np.asarray(v).tobytes() for v in ref]
    assert rest == exp


def test_nditer_goto_errors():
    it = xp.nditer(xp.zeros((2, 3)), ["multi_index"])
    with pytest.raises(IndexError):
        it.multi_index = (2, 0)
    with pytest.raises(ValueError):
        it.multi_index = (0,)
    with pytest.raises(ValueError, match="index"):
        it.index
    with pytest.raises(IndexError):
        it.iterindex = 6
    with pytest.raises(ValueError, match="ranged"):
        it.iterrange = (0, 2)
    it2 = xp.nditer(xp.zeros((2, 3)))
    with pytest.raises(ValueError, match="multi-index"):
        it2.multi_index


# ------------------------------------------------------------ changing an iterator

@given(broadcastable(min_side=1), st.data())
def test_nditer_remove_axis(ps, data):
    ns = [n for n, _ in ps]
    xs = [x for _, x in ps]
    it = xp.nditer(xs, ["multi_index"])
    ref = np.nditer(ns, ["multi_index"])
    if ref.ndim == 0:
        return
    ax = data.draw(st.integers(0, ref.ndim - 1))
    it.remove_axis(ax)
    ref.remove_axis(ax)
    assert it.shape == ref.shape
    got = [(it.multi_index,) + tuple(np.asarray(v).tobytes() for v in tup(vs)) for vs in it]
    exp = [(ref.multi_index,) + tuple(np.asarray(v).tobytes() for v in tup(vs)) for vs in ref]
    assert got == exp


@given(pairs(min_side=1))
def test_nditer_remove_multi_index_enable_external(p):
    n, x = p
    it = xp.nditer(x, ["multi_index"])
    ref = np.nditer(n, ["multi_index"])
    it.remove_multi_index()
    ref.remove_multi_index()
    assert not it.has_multi_index
    assert it.shape == ref.shape
    it.enable_external_loop()
    ref.enable_external_loop()
    eq(concat(chunks(it)), concat(chunks(ref)).astype(n.dtype))


def test_nditer_copy_and_reset():
    x = xp.asarray(np.arange(10))
    it = xp.nditer(x, ["c_index"])
    for _ in range(4):
        next(it)
    c = it.copy()
    assert c.index == it.index == 3
    assert [int(v) for v in c] == list(range(4, 10))   # as NumPy's copy
    assert it.index == 3
    assert [int(v) for v in it] == list(range(4, 10))
    it.reset()
    assert [int(v) for v in it] == list(range(10))
    it.reset()
    n = 0
    while not it.finished:
        n += 1
        it.iternext()
    assert n == 10


def test_nditer_properties_and_close():
    x = xp.asarray(np.arange(6.0).reshape(2, 3))
    it = xp.nditer([x, None], ["multi_index"], [["readonly"], ["writeonly", "allocate"]],
                   op_dtypes=[None, "float32"])
    ref = np.nditer([np.arange(6.0).reshape(2, 3), None], ["multi_index"],
                    [["readonly"], ["writeonly", "allocate"]], op_dtypes=[None, "float32"])
    assert it.nop == 2 and it.ndim == ref.ndim and it.itersize == ref.itersize
    assert it.has_multi_index and not it.has_index and not it.has_delayed_bufalloc
    assert [str(d) for d in it.dtypes] == [str(d) for d in ref.dtypes]
    assert it.operands[0] is x
    views = it.itviews
    assert tuple(views[0].shape) == tuple(ref.itviews[0].shape)
    assert len(it) == 2
    assert float(it[0]) == 0.0
    it[1] = 7.0
    assert float(it.operands[1][0, 0]) == 7.0
    it.close()
    with pytest.raises(ValueError):
        it.operands
    with pytest.raises(StopIteration):
        next(it)                # as NumPy: a closed iterator is exhausted
    with pytest.raises(ValueError):
        it.value
    it.close()    # twice is fine


# ------------------------------------------------------------ bad input

def test_nditer_bad_flags():
    x = xp.zeros(3)
    with pytest.raises(ValueError, match="Unexpected iterator"):
        xp.nditer(x, ["bogus"])
    with pytest.raises(ValueError, match="per-op"):
        xp.nditer(x, op_flags=["bogus"])
    with pytest.raises(ValueError, match="Only one"):
        xp.nditer(x, op_flags=["readonly", "writeonly"])
    with pytest.raises(ValueError, match="None of the iterator flags"):
        xp.nditer(x, op_flags=["aligned"])
    with pytest.raises(ValueError, match="EXTERNAL_LOOP"):
        xp.nditer(x, ["external_loop", "multi_index"])
    with pytest.raises(ValueError, match="EXTERNAL_LOOP"):
        xp.nditer(x, ["external_loop", "c_index"])
    with pytest.raises(ValueError, match="RANGED"):
        xp.nditer(x, ["external_loop", "ranged"])
    with pytest.raises(ValueError):
        xp.nditer(x, ["c_index", "f_index"])
    with pytest.raises(TypeError):
        xp.nditer(x, [1])
    with pytest.raises(ValueError):
        xp.nditer(x, order="Q")
    with pytest.raises(ValueError):
        xp.nditer(x, casting="bogus")


def test_nditer_bad_operands():
    with pytest.raises(ValueError, match="broadcast"):
        xp.nditer([xp.zeros(3), xp.zeros(4)])
    with pytest.raises(TypeError, match="result type"):
        xp.nditer([None])
    with pytest.raises(ValueError, match="ALLOCATE"):
        xp.nditer([xp.zeros(3), None], op_flags=[["readonly"], ["readonly"]])
    with pytest.raises(ValueError, match="duplicate"):
        xp.nditer([xp.zeros((2, 2))], op_axes=[[0, 0]])
    with pytest.raises(ValueError):
        xp.nditer([xp.zeros((2, 2))], op_axes=[[0, 5]])
    with pytest.raises(ValueError):
        xp.nditer([xp.zeros(2), xp.zeros(2)], op_axes=[[0], [0, 1]])
    with pytest.raises(ValueError):
        xp.nditer([])
    ro = xp.broadcast_to(xp.zeros(3), (2, 3))
    with pytest.raises(ValueError, match="read-only"):
        xp.nditer(ro, op_flags=["readwrite"])
    it = xp.nditer(xp.zeros(3))
    v = next(it)
    with pytest.raises(ValueError):
        v[...] = 1.0           # read-only operands give read-only views


def test_nditer_itershape_and_op_axes():
    a = np.arange(3.0)
    x = xp.asarray(a)
    it = xp.nditer([x, None], op_axes=[[-1, 0], [0, 1]], itershape=(4, -1))
    ref = np.nditer([a, None], op_axes=[[-1, 0], [0, 1]], itershape=(4, -1))
    assert it.shape == ref.shape
    for u, v in it:
        np.asarray(v)[...] = np.asarray(u)
    for u, v in ref:
        v[...] = u
    assert_array(it.operands[1], ref.operands[1])


def test_nditer_common_dtype():
    it = xp.nditer([xp.zeros(2, dtype=xp.int8), xp.zeros(2, dtype=xp.float32)],
                   ["common_dtype", "buffered"])
    ref = np.nditer([np.zeros(2, np.int8), np.zeros(2, np.float32)],
                    ["common_dtype", "buffered"])
    assert [str(d) for d in it.dtypes] == [str(d) for d in ref.dtypes]


def test_nditer_delay_bufalloc_requires_reset():
    it = xp.nditer(xp.zeros(3), ["buffered", "delay_bufalloc"], op_dtypes=["float32"],
                   casting="same_kind")
    assert it.has_delayed_bufalloc
    with pytest.raises(ValueError, match="delayed"):
        it.value
    with pytest.raises(ValueError, match="delayed"):
        next(it)
    it.reset()
    assert [float(v) for v in it] == [0.0, 0.0, 0.0]


# ------------------------------------------------------------ flat iterator

@given(pairs(min_side=0))
def test_flat_iteration(p):
    n, x = p
    f = x.flat
    assert len(f) == n.size
    got = [np.asarray(v, dtype=n.dtype) for v in f]
    exp = list(n.flat)
    eq(np.array(got, dtype=n.dtype).reshape(-1), np.array(exp, dtype=n.dtype).reshape(-1))


@given(pairs(min_side=1, min_dims=1), st.data())
def test_flat_indexing(p, data):
    n, x = p
    size = n.size
    i = data.draw(st.integers(-size, size - 1))
    nat = n.dtype.newbyteorder("=")
    assert np.asarray(x.flat[i]).astype(nat).tobytes() == np.asarray(n.flat[i]).astype(nat).tobytes()
    sl = slice(data.draw(st.integers(-size, size)), data.draw(st.integers(-size, size)),
               data.draw(st.sampled_from([None, 1, 2, -1, -3])))
    assert_array(x.flat[sl], n.flat[sl])
    idx = data.draw(st.lists(st.integers(0, size - 1), max_size=5))
    assert_array(x.flat[xp.asarray(np.array(idx, dtype=np.int64))], n.flat[np.array(idx, dtype=np.int64)])
    assert_array(x.flat.copy(), n.flatten())


@given(pairs(dtype_names=["int16", "float64"], min_side=1, min_dims=1, layouts=WRITABLE_LAYOUTS),
       st.data())
def test_flat_setitem(p, data):
    n, x = p
    size = n.size
    i = data.draw(st.integers(-size, size - 1))
    x.flat[i] = 7
    n.flat[i] = 7
    sl = slice(data.draw(st.integers(0, size)), None, data.draw(st.sampled_from([1, 2])))
    x.flat[sl] = [1, 2]
    n.flat[sl] = [1, 2]
    assert_array(x, n)


def test_flat_coords_index_base():
    n = np.arange(6).reshape(2, 3)
    for arr in (n, n.T, n[:, ::2]):
        x = xp.asarray(arr)
        f = x.flat
        nf = arr.flat
        assert f.base is x
        for _ in range(arr.size):
            assert f.index == nf.index and f.coords == nf.coords
            assert int(next(f)) == int(next(nf))
        with pytest.raises(StopIteration):
            next(f)
    with pytest.raises(IndexError):
        xp.asarray(n).flat[6]
    ro = xp.broadcast_to(xp.zeros(3), (2, 3))
    with pytest.raises(ValueError, match="read-only"):
        ro.flat[0] = 1
    with pytest.raises(TypeError):
        xp.flatiter()


# ------------------------------------------------------------ broadcast

@given(broadcastable(k=None, min_side=0))
def test_broadcast_object(ps):
    ns = [n for n, _ in ps]
    xs = [x for _, x in ps]
    b = xp.broadcast(*xs)
    r = np.broadcast(*ns)
    assert b.shape == r.shape and b.size == r.size and b.nd == r.nd == b.ndim
    assert b.numiter == r.numiter and b.index == 0
    got = [tuple(np.asarray(v, dtype=n.dtype).tobytes() for v, n in zip(t, ns)) for t in b]
    exp = [tuple(np.asarray(v, dtype=n.dtype).tobytes() for v, n in zip(t, ns)) for t in r]
    assert got == exp
    assert b.index == r.index
    b.reset()
    assert b.index == 0
    assert len(b.iters) == len(ns)
    b2 = xp.broadcast(b, xs[0])
    assert b2.numiter == len(ns) + 1


def test_broadcast_errors():
    with pytest.raises(ValueError):
        xp.broadcast(xp.zeros(3), xp.zeros(4))
    b = xp.broadcast()
    assert b.shape == () and b.size == 1 and b.numiter == 0
    assert xp.broadcast(*([xp.zeros(1)] * 64)).numiter == 64
    with pytest.raises(ValueError):
        xp.broadcast(*([xp.zeros(1)] * 65))


def test_ndindex_ndenumerate():
    assert list(xp.ndindex(2, 3)) == list(np.ndindex(2, 3))
    assert list(xp.ndindex((2, 0))) == list(np.ndindex((2, 0)))
    assert list(xp.ndindex()) == list(np.ndindex())
    n = np.arange(6).reshape(3, 2).T
    got = [(i, int(v)) for i, v in xp.ndenumerate(xp.asarray(n))]
    assert got == [(i, int(v)) for i, v in np.ndenumerate(n)]


# ------------------------------------------------------------ overlap

@pytest.mark.parametrize("shift", [1, -1, 0])
def test_nditer_copy_if_overlap(shift):
    base = np.arange(12.0)
    n = base.copy()
    x = xp.asarray(base.copy())
    src_n, dst_n = (n[:-1], n[1:]) if shift == 1 else ((n[1:], n[:-1]) if shift == -1 else (n, n))
    src_x, dst_x = (x[:-1], x[1:]) if shift == 1 else ((x[1:], x[:-1]) if shift == -1 else (x, x))
    flags = ["copy_if_overlap"]
    of = [["readonly"], ["writeonly"]]
    with np.nditer([src_n, dst_n], flags, of) as it:
        for a, b in it:
            b[...] = a * 2
    with xp.nditer([src_x, dst_x], flags, of) as it:
        for a, b in it:
            np.asarray(b)[...] = np.asarray(a) * 2
    assert_array(x, n)
    # the overlap removed: the result equals the out-of-place one
    expect = base.copy()
    expect_dst = (expect[1:], expect[:-1], expect)[[1, -1, 0].index(shift)]
    expect_dst[...] = (base[:-1], base[1:], base)[[1, -1, 0].index(shift)] * 2
    assert_array(x, expect)


def test_nditer_overlap_same_layout():
    x = xp.asarray(np.arange(5.0))
    # the same memory in the same layout: element i only meets element i
    it = xp.nditer([x, x], ["copy_if_overlap"], [["readonly"], ["readwrite"]])
    assert it.operands[0] is x           # not copied
    it.close()
    it = xp.nditer([x[::-1], x], ["copy_if_overlap"], [["readonly"], ["readwrite"]])
    assert not np.shares_memory(np.asarray(it.operands[0]), np.asarray(it.operands[1]))
    it.close()


@pytest.mark.arraycore_only
def test_nditer_empty_operand_outside_op_axes():
    # the empty axis is not iterated, but nothing may be read from the operand
    with pytest.raises(ValueError, match="zero-sized"):
        xp.nditer(xp.zeros((2, 0)), op_axes=[[0]])
    it = xp.nditer(xp.zeros((2, 0)), ["zerosize_ok"], op_axes=[[0]])
    assert it.itersize == 0 and list(it) == []
