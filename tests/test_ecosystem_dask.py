"""dask with arraycore chunks (issue 11): dask.array on one machine (threaded
and synchronous schedulers) and on a dask.distributed LocalCluster with
worker processes (arrays pickled with protocol 5, data out of band).
NumPy is the oracle: the same graphs on NumPy chunks."""
import os
import pickle

import numpy as np
import pytest

import arraycore as ac
from _helpers import assert_array

da = pytest.importorskip("dask.array")

pytestmark = pytest.mark.arraycore_only


def _pair(shape=(12, 10), chunks=(5, 4), dtype="float64"):
    n = (np.arange(np.prod(shape)).reshape(shape) % 17 - 6).astype(dtype)
    return da.from_array(ac.asarray(n), chunks=chunks), da.from_array(n, chunks=chunks)


WORKLOADS = {
    "elementwise": lambda d, m: (d * 2 + 1) / 3 - m.abs(d),
    "ufunc": lambda d, m: np.exp(d / 10) + np.cbrt(d),
    "sum": lambda d, m: d.sum(),
    "sum axis": lambda d, m: d.sum(axis=0),
    "mean": lambda d, m: d.mean(axis=1),
    "std": lambda d, m: d.std(),
    "var ddof": lambda d, m: d.var(axis=0, ddof=1),
    "max": lambda d, m: d.max(axis=1),
    "argmax": lambda d, m: d.argmax(axis=0),
    "argmin flat": lambda d, m: d.argmin(),
    "matmul": lambda d, m: d @ d.T,
    "dot": lambda d, m: d.dot(d.T),
    "slicing": lambda d, m: d[2:9, ::3],
    "mask": lambda d, m: d[d > 3],
    "rechunk": lambda d, m: d.rechunk((3, 7)) + 0,
    "concatenate": lambda d, m: m.concatenate([d, d[:, :3]], axis=1),
    "where": lambda d, m: m.where(d > 0, d, -d),
    "cumsum": lambda d, m: d.cumsum(axis=0),
    "cumsum 1": lambda d, m: d.cumsum(axis=1),
    "astype": lambda d, m: d.astype("float32") + 1,
    "transpose": lambda d, m: d.T[1:4],
    "map_blocks": lambda d, m: d.map_blocks(lambda b: b * 2, dtype=d.dtype),
}


@pytest.mark.parametrize("name", list(WORKLOADS))
@pytest.mark.parametrize("scheduler", ["threads", "sync"])
def test_dask_arraycore_chunks_match_numpy_chunks(name, scheduler):
    d, n = _pair()
    assert isinstance(d._meta, ac.ndarray)
    got = WORKLOADS[name](d, da).compute(scheduler=scheduler)
    want = WORKLOADS[name](n, da).compute(scheduler=scheduler)
    assert isinstance(got, ac.ndarray), type(got)
    if np.asarray(want).dtype.kind == "f":
        np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12, atol=1e-12)
        assert np.asarray(got).dtype == np.asarray(want).dtype
    else:
        assert_array(got, np.asarray(want))


def test_dask_int_and_bool_chunks():
    d, n = _pair(dtype="int32")
    for f in (lambda x: x.sum(axis=1), lambda x: (x > 2).any(axis=0), lambda x: x // 3,
              lambda x: x.max()):
        got = f(d).compute()
        assert isinstance(got, ac.ndarray)
        assert_array(got, np.asarray(f(n).compute()))


def test_map_blocks_with_arraycore_meta():
    m = da.map_blocks(lambda b: ac.ones(b.shape) * 3, da.zeros((6, 8), chunks=3),
                      dtype=ac.float64, meta=ac.empty((0, 0)))
    assert isinstance(m._meta, ac.ndarray)
    r = (m.sum(axis=0) + m[0]).compute()
    assert isinstance(r, ac.ndarray)
    assert_array(r, np.full(8, 21.0))


def test_protocol5_pickle_is_out_of_band_and_zero_copy():
    a = ac.asarray(np.arange(1000.0).reshape(10, 100))
    bufs = []
    data = pickle.dumps(a, protocol=5, buffer_callback=bufs.append)
    assert len(bufs) == 1 and len(data) < 200          # the data is not in the pickle
    b = pickle.loads(data, buffers=bufs)
    assert_array(b, np.asarray(a))
    assert np.shares_memory(np.asarray(a), np.asarray(b))   # rebuilt over the buffer
    for x in (a.T, a[:, ::3], ac.asarray(2.5), ac.zeros((0, 4), dtype=ac.int8),
              ac.asarray(np.arange(5, dtype=">i4"))):
        for proto in (2, 4, 5):
            y = pickle.loads(pickle.dumps(x, protocol=proto))
            assert y.dtype == x.dtype and y.shape == x.shape
            assert_array(y, np.asarray(x))


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, memory_limit="1GB")
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.mark.slow
def test_distributed_cluster_workloads(client):
    d, n = _pair(shape=(40, 30), chunks=(10, 10))
    for name in ("sum", "std", "argmax", "matmul", "mask", "cumsum", "where", "rechunk",
                 "concatenate", "astype", "ufunc"):
        got = client.compute(WORKLOADS[name](d, da)).result(timeout=600)
        want = WORKLOADS[name](n, da).compute(scheduler="sync")
        assert isinstance(got, ac.ndarray), (name, type(got))
        np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12, err_msg=name)


@pytest.mark.slow
@pytest.mark.skipif("libasan" in os.environ.get("LD_PRELOAD", ""),
                    reason="under ASan (tools/sanitize.sh) a worker's memory is inflated past the "
                           "per-worker limit this test sets, and dask kills it (KilledWorker, "
                           "CPython 3.13); the regular runs of every interpreter run it")
def test_distributed_two_gigabytes_larger_than_a_worker(client):
    n = 12_500_000                        # 100 MB chunks
    k = 20                                # 2 GB in all, each worker's limit is 1 GB

    def block(n, block_id=None):
        # one chunk of the 2 GB array, made on the worker.  Defined here, not
        # at module level, so that cloudpickle sends it by value: the worker
        # processes cannot import this test module (`tests` is not a package
        # on their path), and a function pickled by reference made them fail
        # to deserialize the task and leave the computation hanging.
        start = block_id[0] * n
        return (ac.arange(start, start + n, dtype=ac.float64) % 1000.0) * 0.5

    x = da.map_blocks(block, n, chunks=((n,) * k,), dtype=ac.float64,
                      meta=ac.empty((0,)))
    total = client.compute(x.sum()).result(timeout=300)
    assert isinstance(total, ac.ndarray)
    # the closed form; and one process gives what the cluster gives (on the
    # first two chunks, to keep the test short)
    per_period = 0.5 * (999 * 1000 / 2)
    exact = per_period * (n * k // 1000)
    assert float(total) == pytest.approx(exact, rel=1e-9)
    part = x[:2 * n].sum()
    assert float(client.compute(part).result(timeout=300)) == float(part.compute(scheduler="sync"))
