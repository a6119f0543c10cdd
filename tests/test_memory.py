"""Memory: no reference leaks across repeated creation, views, indexing,
conversion and export; views and exports keep memory alive; bad shapes and
huge allocations give ValueError / MemoryError; allocations are 64-byte
aligned and visible to tracemalloc."""
import array
import os
import gc
import sys
import textwrap
import subprocess
import tracemalloc

import numpy as np
import pytest

from _helpers import DTYPE_NAMES, data_ptr, to_numpy, xdt, xp

N = 300


def refcount_deltas(objs, fn, n=N):
    """Changes of sys.getrefcount of each of objs over n calls of fn."""
    fn()
    fn()
    gc.collect()
    before = [sys.getrefcount(o) for o in objs]
    for _ in range(n):
        fn()
    gc.collect()
    after = [sys.getrefcount(o) for o in objs]
    return [a - b for a, b in zip(after, before)]


def refcount_delta(obj, fn, n=N):
    return refcount_deltas([obj], fn, n)[0]


# ---------------------------------------------------------------- reference counts
def _ops(x, lst, n):
    """name -> callable exercising one path; each must not leak references."""
    idx = xp.asarray([0, 2, 1])
    mask = xp.asarray([True, False, True, False])
    return {
        "asarray(list)": lambda: xp.asarray(lst),
        "asarray(list, dtype)": lambda: xp.asarray(lst, dtype=xp.float32),
        "asarray(numpy)": lambda: xp.asarray(n),
        "asarray(array)": lambda: xp.asarray(x),
        "asarray(copy=True)": lambda: xp.asarray(x, copy=True),
        "zeros": lambda: xp.zeros((3, 4)),
        "full": lambda: xp.full((2,), 1.5),
        "slice": lambda: x[1:3],
        "int index": lambda: x[1],
        "tuple index": lambda: x[1, ...],
        "int array index": lambda: x[idx],
        "bool mask": lambda: x[mask],
        "setitem": lambda: x.__setitem__(slice(0, 2), 1.0),
        "setitem array": lambda: x.__setitem__(idx, xp.asarray([1.0, 2.0, 3.0])),
        "reshape": lambda: xp.reshape(x, (2, 2)),
        "permute_dims": lambda: xp.permute_dims(xp.reshape(x, (2, 2)), (1, 0)),
        "broadcast_to": lambda: xp.broadcast_to(x, (3, 4)),
        "T": lambda: xp.reshape(x, (2, 2)).T,
        "astype": lambda: xp.astype(x, xp.int32),
        "concat": lambda: xp.concat([x, x]),
        "memoryview": lambda: memoryview(x).tobytes(),
        "np.asarray": lambda: np.asarray(x),
        "__array__": lambda: x.__array__(),
        "__array_interface__": lambda: x.__array_interface__,
        "__dlpack__": lambda: x.__dlpack__(),
        "__dlpack__ versioned": lambda: x.__dlpack__(max_version=(1, 0)),
        "np.from_dlpack": lambda: np.from_dlpack(x),
        "from_dlpack(numpy)": lambda: xp.from_dlpack(n),
        "tolist": lambda: x.tolist(),
        "item": lambda: x[0].item(),
        "float": lambda: float(x[0]),
        "repr": lambda: repr(x),
        "iter": lambda: list(x),
        "shape/strides": lambda: (x.shape, x.strides, x.dtype, x.flags, x.device),
        "IndexError": lambda: _swallow(lambda: x[10], IndexError),
        "ValueError(reshape)": lambda: _swallow(lambda: xp.reshape(x, (3,)), ValueError),
        "ragged": lambda: _swallow(lambda: xp.asarray([[1, 2], [3]]), ValueError),
        "bad dtype": lambda: _swallow(lambda: xp.zeros(2, dtype="foo"), TypeError),
    }


def _swallow(fn, exc):
    try:
        fn()
    except exc:
        pass
    else:
        raise AssertionError(f"{exc.__name__} not raised")


OP_NAMES = list(_ops(None, None, None).keys())


@pytest.mark.parametrize("name", OP_NAMES)
def test_no_reference_leaks(name):
    lst = [1.0, 2.0, 3.0, 4.0]
    n = np.arange(4.0)
    x = xp.asarray(n.copy())
    fn = _ops(x, lst, n)[name]
    objs = (x, lst, n, lst[0], xp.float64, xp.float32)
    deltas = refcount_deltas(objs, fn)
    for obj, d in zip(objs, deltas):
        assert d == 0, f"{name}: refcount of {type(obj).__name__} grew by {d} over {N} calls"


@pytest.mark.parametrize("name", OP_NAMES)
def test_bounded_tracemalloc_growth(name):
    lst = [1.0, 2.0, 3.0, 4.0]
    n = np.arange(4.0)
    x = xp.asarray(n.copy())
    fn = _ops(x, lst, n)[name]
    for _ in range(50):
        fn()
    gc.collect()
    tracemalloc.start()
    try:
        for _ in range(20):
            fn()
        gc.collect()
        start, _ = tracemalloc.get_traced_memory()
        for _ in range(1000):
            fn()
        gc.collect()
        end, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert end - start < 32 * 1024, f"{name}: {end - start} bytes retained after 1000 calls"


def test_dtype_objects_not_leaked():
    dts = [xdt(name) for name in DTYPE_NAMES]

    def make_all():
        for name, d in zip(DTYPE_NAMES, dts):
            xp.zeros(3, dtype=d)
            xp.dtype(name)
            xp.zeros(3, dtype=name).dtype
            xp.asarray([1, 2], dtype=d)[0]
    assert refcount_deltas(dts, make_all, n=50) == [0] * len(dts)


# ---------------------------------------------------------------- lifetime
def _churn():
    # allocate and free a lot so freed memory would be reused and overwritten
    for _ in range(20):
        junk = [xp.full((1000,), 12345.0) for _ in range(10)]
        del junk
    gc.collect()


def test_view_keeps_base_alive():
    x = xp.asarray(np.arange(100.0))
    v = x[10:20]
    t = xp.reshape(x, (10, 10)).T
    del x
    _churn()
    np.testing.assert_array_equal(to_numpy(v), np.arange(10.0, 20.0))
    np.testing.assert_array_equal(to_numpy(t), np.arange(100.0).reshape(10, 10).T)


def test_memoryview_keeps_memory_alive():
    x = xp.asarray(np.arange(100.0))
    mv = memoryview(x)
    del x
    _churn()
    assert mv.tolist() == list(np.arange(100.0))
    mv.release()


def test_numpy_view_keeps_memory_alive():
    x = xp.asarray(np.arange(100.0))
    a = np.asarray(x)
    del x
    _churn()
    np.testing.assert_array_equal(a, np.arange(100.0))


def test_imported_buffer_kept_alive():
    buf = array.array("d", range(100))
    x = xp.asarray(buf)
    del buf
    _churn()
    np.testing.assert_array_equal(to_numpy(x), np.arange(100.0))
    n = np.arange(100.0)
    y = xp.asarray(n)[::3]
    del n
    _churn()
    np.testing.assert_array_equal(to_numpy(y), np.arange(100.0)[::3])


def test_base_chain_released():
    import weakref
    n = np.arange(10.0)
    r = weakref.ref(n)
    x = xp.asarray(n)
    v = x[2:][::2]
    del n, x
    gc.collect()
    assert r() is not None
    del v
    gc.collect()
    assert r() is None, "the imported NumPy array outlived every arraycore view of it"


def test_memoryview_release_drops_export():
    x = xp.zeros(10)
    before = sys.getrefcount(x)
    mv = memoryview(x)
    assert sys.getrefcount(x) > before
    mv.release()
    gc.collect()
    assert sys.getrefcount(x) == before


def test_unconsumed_dlpack_capsule_released():
    x = xp.zeros(10)
    before = sys.getrefcount(x)
    for kwargs in ({}, {"max_version": (1, 0)}):
        cap = x.__dlpack__(**kwargs)
        del cap
        gc.collect()
        assert sys.getrefcount(x) == before


def test_consumed_dlpack_released_with_consumer():
    x = xp.zeros(10)
    before = sys.getrefcount(x)
    a = np.from_dlpack(x)
    assert sys.getrefcount(x) > before
    del a
    gc.collect()
    assert sys.getrefcount(x) == before
    n = np.zeros(10)
    nb = sys.getrefcount(n)
    y = xp.from_dlpack(n)
    del y
    gc.collect()
    assert sys.getrefcount(n) == nb


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("fn", ["zeros", "ones", "empty"])
def test_negative_shape_valueerror(fn):
    with pytest.raises(ValueError):
        getattr(xp, fn)((3, -2))


@pytest.mark.parametrize("shape", [(2**62, 2**62), (2**63 - 1, 2), (2**40, 2**40, 2**40),
                                   (2**61,)], ids=repr)
def test_shape_overflowing_intp_valueerror(shape):
    # (2**61,) float64 has a size that fits but nbytes that does not
    with pytest.raises(ValueError):
        xp.zeros(shape)
    with pytest.raises(ValueError):
        xp.empty(shape)


def test_shape_too_large_for_intp_raises():
    with pytest.raises((ValueError, OverflowError)):
        xp.zeros((2**64,))


@pytest.mark.parametrize("shape", [(2**50,), (2**25, 2**25), (2**47, 4)], ids=repr)
def test_allocation_too_large_memoryerror(shape):
    # a few PiB: fits in intp, cannot be allocated on any machine
    with pytest.raises(MemoryError):
        xp.zeros(shape)
    with pytest.raises(MemoryError):
        xp.empty(shape, dtype=xp.complex128)


def test_too_many_dimensions_valueerror():
    with pytest.raises(ValueError):
        xp.zeros((1,) * 65)
    assert xp.zeros((1,) * 64).ndim == 64


def test_huge_broadcast_then_copy_memoryerror():
    b = xp.broadcast_to(xp.zeros(1), (2**25, 2**25))
    assert b.shape == (2**25, 2**25)
    with pytest.raises(MemoryError):
        xp.asarray(b, copy=True)


# ---------------------------------------------------------------- alignment, tracemalloc
@pytest.mark.arraycore_only
@pytest.mark.parametrize("size", [1, 3, 8, 17, 1000, 100_003, 600_001])
def test_data_64_byte_aligned(size):
    makers = [
        lambda: xp.empty((size,), dtype=xp.int8),
        lambda: xp.zeros((size,)),
        lambda: xp.ones((size,), dtype=xp.float32),
        lambda: xp.full((size,), 1j),
        lambda: xp.asarray(list(range(size))),
        lambda: xp.asarray(np.arange(size)[::-1], copy=True),
        lambda: xp.astype(xp.zeros((size,)), xp.float16),
        lambda: xp.concat([xp.zeros((size,)), xp.zeros((1,))]),
        lambda: xp.zeros((size,)).copy(),
        lambda: xp.arange(size),
    ]
    keep = []
    for make in makers:
        for _ in range(4):
            a = make()
            keep.append(a)          # keep alive so addresses differ
            assert data_ptr(a) % 64 == 0, (make, data_ptr(a))



@pytest.mark.arraycore_only
@pytest.mark.parametrize("nbytes", [65535, 65536, 65537, 1 << 20, (4 << 20) + 8, 40 << 20])
def test_large_blocks_start_on_a_page(nbytes):
    """Blocks of at least 64 KB start on a page boundary (4K aliasing with
    NumPy's arrays, which start 16 bytes into a page, see ac_alloc.c), the
    smaller ones on 64 bytes; freed and reused (the 4 MB cache) alike, and
    their data survives a round trip through the cache's header words."""
    for _ in range(3):
        keep = [xp.empty((nbytes,), dtype=xp.uint8), xp.zeros((nbytes,), dtype=xp.uint8),
                xp.full((nbytes,), 7, dtype=xp.uint8)]
        for a in keep:
            if nbytes >= 65536:
                assert data_ptr(a) % 4096 == 0, (nbytes, data_ptr(a))
            else:
                assert data_ptr(a) % 64 == 0
        assert int(xp.sum(keep[1])) == 0 and int(xp.max(keep[2])) == 7
        keep[0][...] = 255
        keep[0][0] = 1
        assert int(xp.sum(xp.astype(keep[0], xp.int64))) == 255 * (nbytes - 1) + 1
        del keep


def test_allocations_visible_to_tracemalloc():
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        a = xp.empty((1_000_000,))
        mid, _ = tracemalloc.get_traced_memory()
        assert mid - before >= 8_000_000
        del a
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
        assert after - before < 100_000
        b = xp.zeros((500, 1000), dtype=xp.float32)
        assert tracemalloc.get_traced_memory()[0] - before >= 2_000_000
        del b
    finally:
        tracemalloc.stop()


def test_small_allocations_visible_to_tracemalloc():
    # small blocks come from a per-thread cache of freed ones: tracemalloc
    # must still count each live array, and no longer count a freed one
    for _ in range(100):
        xp.zeros((100,))            # fill the cache
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        keep = [xp.empty((100,)) for _ in range(200)]      # 800 bytes each
        mid, _ = tracemalloc.get_traced_memory()
        assert mid - before >= 200 * 800
        del keep
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
        assert after - before < 200 * 800 // 4
    finally:
        tracemalloc.stop()


@pytest.mark.arraycore_only
def test_small_blocks_reused_zeroed_and_across_threads():
    import threading
    for n in (1, 8, 64, 100, 128, 129):
        a = xp.empty((n,), dtype=xp.uint8)
        a[...] = 0xAB
        del a
        z = xp.zeros((n,), dtype=xp.uint8)           # a reused dirty block: cleared
        assert data_ptr(z) % 64 == 0
        assert int(xp.sum(z)) == 0
    # blocks made in one thread and freed in another (and threads that end
    # holding kept blocks)
    made = [xp.full((k % 200 + 1,), float(k)) for k in range(400)]
    errors = []

    def work(part):
        try:
            for k in part:
                assert float(made[k][0]) == float(k)
                made[k] = None
            for k in range(300):
                b = xp.full((k % 130 + 1,), float(k))
                assert data_ptr(b) % 64 == 0 and float(xp.sum(b)) == k * (k % 130 + 1)
        except Exception as e:      # pragma: no cover - reported below
            errors.append(e)

    ts = [threading.Thread(target=work, args=(range(i, 400, 4),)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors, errors
    assert all(m is None for m in made)


def test_large_copy_and_free_does_not_grow():
    x = xp.zeros((1_000_000,))
    gc.collect()
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        for _ in range(20):
            y = xp.asarray(x, copy=True)
            z = xp.astype(x, xp.float32)
            del y, z
        gc.collect()
        end, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert end - start < 100_000


# ---------------------------------------------------------------- the large-block cache
_ASAN = "libasan" in os.environ.get("LD_PRELOAD", "")


@pytest.mark.arraycore_only
@pytest.mark.skipif(_ASAN, reason="the cache is off under AddressSanitizer (by design)")
def test_large_block_cache_reuses_freed_blocks():
    n = 1_234_567                         # 9.9 MB: above the cache's 4 MB floor
    a = xp.empty((n,))
    p = data_ptr(a)
    a[...] = 7.0
    del a
    b = xp.empty((n,))                    # the freed block comes back
    assert data_ptr(b) == p and data_ptr(b) % 64 == 0
    del b
    z = xp.zeros((n,))                    # cleared requests never take a dirty block
    assert data_ptr(z) != p
    assert not bool(xp.any(z != 0.0))
    c = xp.empty((n // 4,))               # far smaller: not served by the 8 MB block
    assert data_ptr(c) != p
    d = xp.empty((n - 1000,))             # a little smaller: served
    assert data_ptr(d) == p
    d[...] = 1.0
    assert float(xp.sum(d)) == n - 1000


@pytest.mark.arraycore_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
@pytest.mark.skipif(_ASAN, reason="AddressSanitizer keeps freed memory in its quarantine")
@pytest.mark.parametrize("mb,kept", [("", 2), ("0", 0), ("80", 1), ("junk", 2)])
def test_large_block_cache_bound(mb, kept):
    # resident memory after freeing three touched 48 MB arrays: the cache keeps
    # blocks up to ARRAYCORE_ALLOC_CACHE_MB (default 256; 0: none; a bad
    # value keeps the default), the rest goes back to the system
    code = textwrap.dedent("""
        import os, arraycore as ac
        def rss():
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        arrs = [ac.ones((6_000_000,)) for _ in range(3)]
        base = rss()
        arrs[0] = None; arrs[1] = None
        print((base - rss()) // (1 << 20))
    """)
    env = dict(os.environ)
    env["ARRAYCORE_ALLOC_CACHE_MB"] = mb
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=env, cwd="/", timeout=120)
    assert r.returncode == 0, r.stderr
    dropped = int(r.stdout)
    assert 2 * 46 - kept * 46 - 8 <= dropped <= 2 * 46 - kept * 46 + 8, (mb, dropped)


# ---------------------------------------------------------------- threads
def test_threads_sharing_arrays():
    """Several threads making views, copies, casts and exports of shared arrays:
    no crash, no exception, right values."""
    import threading

    base = xp.asarray(np.arange(200_000, dtype=np.float64).reshape(400, 500))
    expected_sum = float(np.arange(200_000, dtype=np.float64).reshape(400, 500).T[::3].sum())
    errors = []

    def work():
        try:
            for _ in range(30):
                v = xp.permute_dims(base, (1, 0))[::3]
                c = xp.asarray(v, copy=True)
                f = xp.astype(c, xp.float32)
                a = np.asarray(c)
                assert float(a.sum()) == expected_sum
                assert f.shape == c.shape
                d = np.from_dlpack(xp.asarray(base, copy=True))
                assert d.shape == (400, 500)
                del v, c, f, a, d
        except Exception as exc:   # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
