"""The process-wide thread pool (issue 15, "the second core"; src/ac_pool.c):
results identical for every thread count (element-wise functions, add
reductions; dtypes, strided inputs, special values), floating-point errors
raised in a worker reported as errstate says, the size from the environment
(bad values fall back), set/get_num_threads, threadpoolctl, fork(), Ctrl-C,
concurrent callers, and no threads for a process that never needs them."""
import os
import subprocess
import sys
import textwrap
import threading
import warnings

import numpy as np
import pytest

import arraycore as ac
from arraycore import _threads

pytestmark = pytest.mark.arraycore_only

N = 300_001          # above every function's parallel threshold, odd length


@pytest.fixture
def threads():
    """Run the test body at chosen pool sizes; restore the size after."""
    old = ac.get_num_threads()
    yield ac.set_num_threads
    ac.set_num_threads(old)


def _run(code, env=None, timeout=300):
    e = dict(os.environ)
    for k in ("ARRAYCORE_NUM_THREADS", "OMP_NUM_THREADS"):
        e.pop(k, None)
    e.update(env or {})
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                       text=True, cwd="/", env=e, timeout=timeout)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _bits(a):
    return np.asarray(a).tobytes()


def _values(dt, n=N, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n) * 3.0
    if np.dtype(dt).kind == "c":
        x = x + 1j * rng.standard_normal(n)
    x = x.astype(dt)
    # special values spread over the run, so some land in every piece
    idx = rng.integers(0, n, 64)
    specials = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-310, 700.0, -750.0],
                        dtype=np.float64)
    x[idx] = specials[np.arange(64) % 8].astype(dt)
    return x


UNARY = ["exp", "log", "sin", "cos", "tan", "tanh", "sqrt", "expm1", "log1p",
         "asinh", "atan", "cbrt", "exp2", "log2", "log10"]
BINARY = ["pow", "atan2", "hypot", "logaddexp", "fmod", "remainder"]


def _same_for_all_counts(threads, compute, counts=(1, 2, 3)):
    res = []
    for t in counts:
        threads(t)
        res.append(compute())
    for t, r in zip(counts[1:], res[1:]):
        assert _bits(r) == _bits(res[0]), f"{t} threads differ from 1"
    return res[0]


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("dt", ["float32", "float64", "complex128"])
def test_unary_identical_for_every_thread_count(threads, name, dt):
    f = getattr(ac, name, None)
    if f is None:
        f = getattr(ac, {"exp2": "exp2"}.get(name, name))
    x = _values(dt)
    a = ac.asarray(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            f(a[:4])
        except TypeError:       # no complex loop (cbrt, exp2, ...): nothing to split
            pytest.skip(f"{name} has no {dt} loop")
        r = _same_for_all_counts(threads, lambda: f(a))
        # strided input and output views
        _same_for_all_counts(threads, lambda: f(a[::3]))
        out = ac.empty((2 * len(x),), dtype=r.dtype)
        _same_for_all_counts(threads, lambda: (f(a, out=out[::2]), out)[1])
        # and NumPy agrees where both compute the same function
        if dt == "float64" and name in ("sin", "cos", "tan", "tanh", "sqrt", "atan"):
            np.testing.assert_allclose(np.asarray(r), getattr(np, name)(x), rtol=1e-15,
                                       equal_nan=True)


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("dt", ["float32", "float64"])
def test_binary_identical_for_every_thread_count(threads, name, dt):
    f = getattr(ac, name)
    x = ac.asarray(np.abs(_values(dt, seed=1)))
    y = ac.asarray(_values(dt, seed=2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        _same_for_all_counts(threads, lambda: f(x, y))
        _same_for_all_counts(threads, lambda: f(x[1::2], y[::-2][:150000]))
        _same_for_all_counts(threads, lambda: f(x, 1.5))       # a scalar operand


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_accumulate_and_in_place_stay_sequential_where_needed(threads):
    # accumulate reads the output one step behind: it must not be split;
    # out= the input itself (in place) may be
    x = _values("float64", 400_000, seed=4)
    a = ac.asarray(np.abs(x))
    with ac.errstate(all="ignore"):
        r = _same_for_all_counts(threads, lambda: ac.logaddexp.accumulate(a))
        threads(1)
        want = np.logaddexp.accumulate(np.abs(x))
        np.testing.assert_allclose(np.asarray(r), want, rtol=1e-12, equal_nan=True)
        r2 = _same_for_all_counts(threads, lambda: ac.hypot.accumulate(a[::2]))
        np.testing.assert_allclose(np.asarray(r2), np.hypot.accumulate(np.abs(x)[::2]),
                                   rtol=1e-12, equal_nan=True)

        def in_place():
            b = ac.asarray(np.abs(x))
            ac.sin(b, out=b)
            return b
        _same_for_all_counts(threads, in_place)
        # an output overlapping its input shifted by one element (out= a view)
        def shifted():
            b = ac.asarray(np.abs(x))
            ac.sin(b[:-1], out=b[1:])
            return b
        _same_for_all_counts(threads, shifted)


def test_workers_take_part(threads):
    # the pool is really used: over a few large calls a worker runs pieces
    threads(2)
    a = ac.asarray(_values("float64", 2_000_000))
    before = _threads._worker_pieces()
    for _ in range(40):
        with ac.errstate(all="ignore"):
            ac.sin(a)
        if _threads._worker_pieces() > before:
            break
    assert _threads._worker_pieces() > before
    assert _threads._workers_started() >= 1


# memory-bound loops (add, comparisons, bitwise, casts of one loop) split from
# 2 * 2**18 elements: every dtype class, scalars, strided and in-place operands
MEMBOUND = [("add", "float64"), ("subtract", "int64"), ("multiply", "complex128"),
            ("greater", "float64"), ("equal", "int32"), ("bitwise_and", "uint8"),
            ("maximum", "float32"), ("logical_or", "bool"), ("divide", "float16")]


@pytest.mark.parametrize("name,dt", MEMBOUND)
def test_memory_bound_identical_for_every_thread_count(threads, name, dt):
    n = 2 ** 19 + 4097
    f = getattr(ac, name)
    x = _values("float64", n, seed=11)
    y = _values("float64", n, seed=12)
    if dt == "bool":
        x, y = x > 0, y > 1
    elif np.dtype(dt).kind in "iu":
        x = (np.nan_to_num(x * 100, posinf=0, neginf=0) % 200).astype(dt)
        y = (np.nan_to_num(y * 100, posinf=0, neginf=0) % 200).astype(dt)
    else:
        x, y = x.astype(dt), y.astype(dt)
    a, b = ac.asarray(x), ac.asarray(y)
    ref = getattr(np, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = _same_for_all_counts(threads, lambda: f(a, b))
        np.testing.assert_array_equal(np.asarray(r), ref(x, y))
        _same_for_all_counts(threads, lambda: f(a[1::2], b[::2][:-1]))
        _same_for_all_counts(threads, lambda: f(a, y[0].item()))    # a Python scalar

        def in_place():
            c = ac.asarray(x, copy=True)
            if np.asarray(r).dtype == x.dtype:
                f(c, b, out=c)
            return c
        _same_for_all_counts(threads, in_place)


def test_memory_bound_loops_use_the_pool(threads):
    threads(2)
    a = ac.asarray(np.arange(2 ** 21, dtype=np.float64))
    before = _threads._worker_pieces()
    for _ in range(40):
        ac.add(a, 1.0)
        if _threads._worker_pieces() > before:
            break
    assert _threads._worker_pieces() > before
    # and below the threshold (2 * 2**18 elements) it never does
    small = a[: 2 ** 19 - 1]
    before = _threads._worker_pieces()
    for _ in range(20):
        ac.add(small, 1.0)
    assert _threads._worker_pieces() == before


def test_memory_bound_shifted_output_stays_sequential(threads):
    # out= the input shifted by one element: the loop reads what an earlier
    # piece would write, so the run must not be split
    x = np.arange(2 ** 20, dtype=np.float64)

    def shifted():
        c = ac.asarray(x, copy=True)
        ac.add(c[:-1], 1.0, out=c[1:])
        return c
    r = _same_for_all_counts(threads, shifted)
    want = x.copy()
    np.add(want[:-1], 1.0, out=want[1:])
    np.testing.assert_array_equal(np.asarray(r), want)


@pytest.mark.parametrize("dt", ["bool", "int8", "float64", "complex64", "float16"])
def test_count_nonzero_identical_for_every_thread_count(threads, dt):
    # counted in pieces of >= 2**18 elements on the pool, the parts added
    rng = np.random.default_rng(21)
    n = 3 * 2 ** 20 + 17
    x = rng.integers(0, 3, n).astype(dt)
    if dt == "float64":
        x[::7] = -0.0
        x[5::11] = np.nan
    a = ac.asarray(x)
    for view, ref in ((a, x), (a[::3], x[::3]), (a[5:], x[5:])):
        c = _same_for_all_counts(threads, lambda: ac.count_nonzero(view))
        assert int(c) == int(np.count_nonzero(ref))
    if x.itemsize < 8:          # short pieces: the caller may take them all
        return
    before = _threads._worker_pieces()
    threads(2)
    for _ in range(20):
        ac.count_nonzero(a)
        if _threads._worker_pieces() > before:
            break
    assert _threads._worker_pieces() > before


@pytest.mark.parametrize("dt", ["float64", "float32", "complex128", "int64", "bool"])
def test_vecdot_identical_for_every_thread_count(threads, dt):
    # batches of >= 2**18 products split over the pool, each dot as alone
    rng = np.random.default_rng(23)
    x = (rng.standard_normal((700, 400)) * 10).astype(dt)
    y = (rng.standard_normal((700, 400)) * 10).astype(dt)
    a, b = ac.asarray(x), ac.asarray(y)
    for u, v, ref in ((a, b, np.vecdot(x, y)), (a[:, ::2], b[:, 1::2], np.vecdot(x[:, ::2], y[:, 1::2])),
                      (a.T, b.T, np.vecdot(x.T, y.T))):
        got = _same_for_all_counts(threads, lambda: ac.vecdot(u, v))
        np.testing.assert_allclose(np.asarray(got).astype(ref.dtype), ref, rtol=1e-4 if dt == "float32" else 1e-10,
                                   atol=0.02 if dt == "float32" else 0)
    if x.itemsize < 8:          # short pieces: the caller may take them all
        return
    before = _threads._worker_pieces()
    threads(2)
    for _ in range(20):
        ac.vecdot(a, b)
        if _threads._worker_pieces() > before:
            break
    assert _threads._worker_pieces() > before


@pytest.mark.parametrize("dt", ["float64", "float32", "complex128", "int64"])
def test_matmul_stack_identical_for_every_thread_count(threads, dt):
    # stacks of products BLAS runs on one thread split over the pool
    rng = np.random.default_rng(29)
    x = (rng.standard_normal((60, 48, 40)) * 4).astype(dt)
    y = (rng.standard_normal((60, 40, 56)) * 4).astype(dt)
    a, b = ac.asarray(x), ac.asarray(y)
    tol = dict(rtol=1e-4, atol=1e-3) if dt == "float32" else dict(rtol=1e-10, atol=1e-9)
    for u, v, ref in ((a, b, x @ y), (a[::2], b[1::2], x[::2] @ y[1::2]),
                      (ac.permute_dims(b, (0, 2, 1)), ac.permute_dims(a, (0, 2, 1)),
                       y.transpose(0, 2, 1) @ x.transpose(0, 2, 1))):
        got = _same_for_all_counts(threads, lambda: ac.matmul(u, v))
        np.testing.assert_allclose(np.asarray(got), ref, **tol)
    before = _threads._worker_pieces()
    threads(2)
    for _ in range(20):
        ac.matmul(a, b)
        if _threads._worker_pieces() > before:
            break
    assert _threads._worker_pieces() > before


def test_copies_and_casts_identical_for_every_thread_count(threads):
    # long 1-d runs of ac_copy_nd (copies, direct casts) go to the pool
    x = _values("float64", 2 ** 20 + 2 ** 18 + 3, seed=31)
    a = ac.asarray(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for make, ref in (
                (lambda: ac.asarray(a, copy=True), lambda: x.copy()),
                (lambda: ac.asarray(a[::-2], copy=True), lambda: x[::-2].copy()),
                (lambda: ac.astype(a, ac.float32), lambda: x.astype(np.float32)),
                (lambda: ac.astype(a, ac.complex128), lambda: x.astype(np.complex128)),
                (lambda: ac.astype(a[1::3], ac.float16), lambda: x[1::3].astype(np.float16))):
            r = _same_for_all_counts(threads, make)
            np.testing.assert_array_equal(np.asarray(r), ref())

        def setitem():
            b = ac.zeros(2 * len(x))
            b[::2] = a
            b[1::2] = ac.astype(a, ac.float32)
            return b
        _same_for_all_counts(threads, setitem)

        def overlapping():            # a copy onto itself shifted: never split
            b = ac.asarray(x, copy=True)
            b[1:] = b[:-1]
            return b
        r = _same_for_all_counts(threads, overlapping)
        want = x.copy()
        want[1:] = want[:-1].copy()
        np.testing.assert_array_equal(np.asarray(r), want)
    threads(2)
    before = _threads._worker_pieces()
    for _ in range(20):
        ac.asarray(a, copy=True)
        if _threads._worker_pieces() > before:
            break
    assert _threads._worker_pieces() > before


SUM_SIZES = [2 ** 21 + 12345, 3 * 2 ** 21, 5_000_003]


@pytest.mark.parametrize("dt", ["float64", "float32", "complex128", "complex64",
                                "int64", "int32", "uint8"])
def test_sums_identical_for_every_thread_count(threads, dt):
    rng = np.random.default_rng(5)
    n = SUM_SIZES[hash(dt) % 3]
    if np.dtype(dt).kind in "iu":
        x = rng.integers(0, 200, n).astype(dt)
    else:
        x = (rng.standard_normal(n) * 10 ** rng.uniform(-3, 6, n)).astype(dt)
        if np.dtype(dt).kind == "c":
            x = x * (1 + 0.5j)
    a = ac.asarray(x)
    for view in (a, a[::3], a[7:]):
        s = _same_for_all_counts(threads, lambda: ac.sum(view))
        if np.dtype(dt).kind in "iu":
            assert int(s) == int(np.sum(np.asarray(view).astype(np.int64)))
        else:
            ref = np.sum(np.asarray(view).astype(np.complex256 if x.dtype.kind == "c"
                                                  else np.longdouble))
            assert abs(complex(s) - complex(ref)) <= 1e-4 * float(np.sum(np.abs(
                np.asarray(view).astype(np.float64 if x.dtype.kind != "c" else
                                        np.complex128))))


def test_float64_sum_bits_of_all_sizes(threads):
    # every pairwise split (sizes around the leaf and chunk edges), strided too
    rng = np.random.default_rng(9)
    x = rng.standard_normal(2 ** 21 + 2 ** 17 + 5)
    a = ac.asarray(x)
    for n in (2 ** 17, 2 ** 17 + 1, 2 ** 18 - 8, 1_000_003, 2 ** 21, 2 ** 21 + 2 ** 17 + 5):
        _same_for_all_counts(threads, lambda: ac.sum(a[:n]))
        _same_for_all_counts(threads, lambda: ac.sum(a[:n][::-1]))
    # signed zeros: the sign of a zero sum does not depend on the threads
    z = ac.asarray(np.full(2 ** 19, -0.0))
    _same_for_all_counts(threads, lambda: ac.sum(z))
    _same_for_all_counts(threads, lambda: ac.add.reduce(z[1:], initial=-0.0))
    # NaN and infinities propagate as with one thread
    y = x.copy()
    y[2 ** 20 + 3] = np.inf
    assert _bits(_same_for_all_counts(threads, lambda: ac.sum(ac.asarray(y)))) == \
        _bits(ac.asarray(np.inf))


@pytest.mark.parametrize("dt", ["float64", "float32", "int64", "uint16", "int8"])
def test_max_min_identical_for_every_thread_count(threads, dt):
    rng = np.random.default_rng(11)
    n = 2 ** 21 + 2 ** 18 + 3
    if np.dtype(dt).kind in "iu":
        x = rng.integers(0, 100, n).astype(dt)
    else:
        x = rng.standard_normal(n).astype(dt)
    a = ac.asarray(x)
    for f, g in ((ac.max, np.max), (ac.min, np.min)):
        for view in (a, a[::2], a[5:]):
            r = _same_for_all_counts(threads, lambda: f(view))
            assert _bits(r) == _bits(np.asarray(g(np.asarray(view))))
    if np.dtype(dt).kind == "f":
        # zeros of both signs as the extreme, NaNs with payloads: the first
        # NaN (its payload) and the serial fold's zero, for every count
        z = np.zeros(n, dtype=dt)
        z[rng.integers(0, n, 1000)] = -0.0
        z[::7] = -0.0
        az = ac.asarray(z)
        _same_for_all_counts(threads, lambda: ac.max(az))
        _same_for_all_counts(threads, lambda: ac.min(az))
        ib = np.uint64 if dt == "float64" else np.uint32
        for pos in (3, 2 ** 16 + 1, 2 ** 20 + 77, n - 1):
            y = x.copy()
            yb = y.view(ib)
            yb[pos] = np.array(np.nan, dtype=dt).view(ib) | 5
            yb[pos + (n - pos) // 2] = np.array(np.nan, dtype=dt).view(ib) | 9
            ay = ac.asarray(y)
            with ac.errstate(invalid="ignore"):
                r = _same_for_all_counts(threads, lambda: ac.max(ay))
                assert _bits(r) == _bits(np.array(y[pos]))
                _same_for_all_counts(threads, lambda: ac.min(ay))


@pytest.mark.parametrize("dt", ["float64", "float32", "complex128", "int64", "uint8"])
def test_kept_axis_reductions_identical_for_every_thread_count(threads, dt):
    # sum/max keeping an axis (short inner runs): the kept axis is cut into
    # bands over the pool; every output element folds in the one-thread order
    rng = np.random.default_rng(17)
    if np.dtype(dt).kind in "iu":
        x = rng.integers(0, 100, (1203, 997)).astype(dt)
    else:
        x = (rng.standard_normal((1203, 997)) * 10 ** rng.uniform(-3, 6, (1203, 997))).astype(dt)
        if np.dtype(dt).kind == "c":
            x = x * (1 - 0.5j)
        x[rng.integers(0, 1203, 40), rng.integers(0, 997, 40)] = np.nan
        x[5, 3] = np.inf
        x[:, 17] = -0.0
    a = ac.asarray(x)
    cube = ac.reshape(a[:1200, :996], (40, 30, 996))
    cases = [lambda: ac.sum(a, axis=0), lambda: ac.sum(a, axis=1),
             lambda: ac.sum(a[::-1, 1::2], axis=0), lambda: ac.sum(a.T, axis=1),
             lambda: ac.sum(cube, axis=(0, 1)), lambda: ac.sum(cube, axis=(0, 2)),
             lambda: ac.sum(cube, axis=1)]
    if np.dtype(dt).kind != "c":
        cases += [lambda: ac.max(a, axis=0), lambda: ac.min(a, axis=1),
                  lambda: ac.max(cube, axis=(0, 1))]
    with ac.errstate(invalid="ignore", over="ignore"):
        for f in cases:
            r = _same_for_all_counts(threads, f)
            assert r.shape == f().shape
    with ac.errstate(invalid="ignore"):
        ac.set_num_threads(2)
        pairs = [(ac.sum, np.sum)] + ([(ac.max, np.max)] if np.dtype(dt).kind != "c" else [])
        for f, g in pairs:
            got = np.asarray(f(a, axis=0))
            want = g(x, axis=0)
            if np.dtype(dt).kind in "iu":
                assert np.array_equal(got, want.astype(got.dtype))
            else:
                np.testing.assert_allclose(got, want, rtol=1e-5 if dt == "float32" else 1e-12,
                                           equal_nan=True)
    # an out= that is a view of another array still gets every element
    if dt == "float64":
        big = ac.zeros((3, 997))
        ac.add.reduce(a, axis=0, out=big[1])
        assert np.array_equal(np.asarray(big[1]), np.asarray(ac.sum(a, axis=0)), equal_nan=True)
        assert not np.any(np.asarray(big[0])) and not np.any(np.asarray(big[2]))


def test_in_place_rows_in_bands_identical_for_every_thread_count(threads):
    # a += b / maximum(a, b, out=a) over short rows take the band split too
    # (the output is the first input): the same bits as one thread, NumPy's
    rng = np.random.default_rng(19)
    x = rng.standard_normal((3001, 203))
    y = rng.standard_normal((3001, 203))
    x[::97, 5] = np.nan
    row = rng.standard_normal(203)
    for f, g, other in ((ac.add, np.add, y), (ac.maximum, np.maximum, y),
                        (ac.add, np.add, row), (ac.minimum, np.minimum, row[::-1])):
        def compute():
            a = ac.asarray(x.copy())
            f(a, ac.asarray(other), out=a)
            return a
        r = _same_for_all_counts(threads, compute)
        assert _bits(r) == _bits(g(x, other))
    # the input overlapping the output: the plain walk (one thread's order)
    def overlapping():
        a = ac.asarray(x.copy())
        ac.add(a, a[::-1], out=a)
        return a
    r = _same_for_all_counts(threads, overlapping)
    assert _bits(r) == _bits(x + x[::-1])


@pytest.mark.parametrize("n", [2 ** 17 + 7, 2 ** 21 + 1234])   # just past the threshold, long
@pytest.mark.parametrize("dt", ["float64", "float32", "int64", "uint32"])
def test_sort_identical_for_every_thread_count(threads, dt, n):
    # long sorts run the two sides of their first partition on two threads
    rng = np.random.default_rng(13)
    if np.dtype(dt).kind in "iu":
        x = rng.integers(0, 2 ** 31, n).astype(dt)
    else:
        x = rng.standard_normal(n).astype(dt)
        x[rng.integers(0, n, 500)] = -0.0
        x[rng.integers(0, n, 500)] = 0.0
        x[rng.integers(0, n, 50)] = np.nan
        x[rng.integers(0, n, 50)] = -np.inf
    a = ac.asarray(x)
    want = np.sort(x)
    if np.dtype(dt).kind in "iu":
        want_desc = want[::-1]
    else:       # NaNs first, then the values from the largest down
        want_desc = np.concatenate([want[np.isnan(want)], want[~np.isnan(want)][::-1]])
    for desc, w in ((False, want), (True, want_desc)):
        r = _same_for_all_counts(threads, lambda: ac.sort(a, descending=desc))
        np.testing.assert_array_equal(np.asarray(r), w)
    _same_for_all_counts(threads, lambda: ac.sort(a, stable=False))


def _sort_shapes(dt, n, rng):
    """Inputs for the split logic: random with duplicates, all equal, sorted,
    reversed, few distinct values; floats also with NaN payloads and signed
    zeros (some only in the second half, some only in the first)."""
    if np.dtype(dt).kind in "iu":
        x = rng.integers(0, 2 ** 31, n).astype(dt)
    else:
        x = (rng.standard_normal(n) * 100).astype(dt)
    shapes = [x, x[rng.integers(0, 40, n)], np.full(n, x[1]), np.sort(x),
              np.sort(x)[::-1].copy()]
    if np.dtype(dt).kind == "f":
        ib = np.dtype(f"u{np.dtype(dt).itemsize}")
        top = np.array(1, ib) << np.array(8 * np.dtype(dt).itemsize - 1, ib)
        y = x.copy()
        idx = rng.integers(0, n, n // 64)
        y[idx] = np.where(rng.random(len(idx)) < 0.5, -0.0, 0.0).astype(dt)
        idx = rng.integers(0, n, n // 64)
        nan = np.array(np.nan, dtype=dt).view(ib)
        y.view(ib)[idx] = (nan | rng.integers(1, 999, len(idx)).astype(ib)
                           | np.where(rng.random(len(idx)) < 0.5, top, np.array(0, ib)))
        shapes.append(y)
        z = x.copy()            # specials only in the second half
        z[n // 2 + 3::7] = -0.0
        z[n // 2 + 5::11] = 0.0
        z.view(ib)[n - 9] = nan | 5
        z.view(ib)[n // 2 + 1] = nan | top | 3
        shapes.append(z)
        z = x.copy()            # ... and mostly in the first
        z[: n // 3] = 0.0
        z[5] = -0.0
        z[-4:] = np.nan
        shapes.append(z)
    return shapes


@pytest.mark.parametrize("n", [2 ** 19 + 5, 2 ** 20 + 37])   # just past the parallel
@pytest.mark.parametrize("dt", ["float64", "float32", "int64", "uint32"])  # first pass / 4 parts
def test_sort_split_identical_for_every_thread_count(threads, dt, n):
    # the first partition on two threads (a block swap joins the halves,
    # specials of the second half appended afterwards), then each side split
    # again into four pool pieces: the same bits as one thread, and NumPy's
    # stable order of equal keys (signed zeros, NaN payloads)
    rng = np.random.default_rng(n)
    for x in _sort_shapes(dt, n, rng):
        a = ac.asarray(x)
        want = np.sort(x, kind="stable")
        r = _same_for_all_counts(threads, lambda: ac.sort(a))
        assert _bits(r) == _bits(want)
        r = _same_for_all_counts(threads, lambda: ac.sort(a, stable=False))
        assert _bits(r) == _bits(want)
        _same_for_all_counts(threads, lambda: ac.sort(a, descending=True))


def test_errstate_from_a_worker(threads):
    # the overflowing / dividing elements sit in the last piece of the run
    x = np.zeros(2_000_000)
    x[-5] = 1000.0
    y = np.ones(2_000_000)
    y[-7] = 0.0
    a, b = ac.asarray(x), ac.asarray(y)
    c = ac.asarray(np.where(x > 0, np.inf, 0.0))
    for t in (1, 2, 3):
        threads(t)
        for _ in range(5):       # whichever thread gets the last piece
            with ac.errstate(over="raise"):
                with pytest.raises(FloatingPointError, match="overflow"):
                    ac.exp(a)
            with ac.errstate(divide="raise"):
                with pytest.raises(FloatingPointError, match="divide by zero"):
                    ac.log(b)          # y[-7] == 0: log(0)
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                ac.sin(c)          # sin(inf) in the last piece
            assert [str(m.message) for m in w] == ["invalid value encountered in sin"]
            with ac.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("error")
                ac.exp(a)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                ac.sin(a)        # no stale flag is left behind in any thread


def test_set_and_get_num_threads(threads):
    old = ac.get_num_threads()
    assert old >= 1
    assert ac.set_num_threads(3) == old
    assert ac.get_num_threads() == 3
    assert ac.set_num_threads(1) == 3
    for bad in (0, -3, 257):
        with pytest.raises(ValueError, match="between 1 and"):
            ac.set_num_threads(bad)
    for bad in (1.5, "2", True):
        with pytest.raises(TypeError):
            ac.set_num_threads(bad)
    assert ac.get_num_threads() == 1
    ac.set_num_threads(None)
    assert ac.get_num_threads() == _threads._default_num_threads()


def test_environment_variables():
    cpus = len(os.sched_getaffinity(0))
    code = "import arraycore as ac; print(ac.get_num_threads())"
    cases = [
        ({}, cpus),
        ({"ARRAYCORE_NUM_THREADS": "3"}, 3),
        ({"ARRAYCORE_NUM_THREADS": " 5 "}, 5),
        ({"OMP_NUM_THREADS": "4"}, 4),
        ({"OMP_NUM_THREADS": "4,2"}, 4),          # OpenMP's nested list: the first
        ({"ARRAYCORE_NUM_THREADS": "2", "OMP_NUM_THREADS": "7"}, 2),
        ({"ARRAYCORE_NUM_THREADS": "abc", "OMP_NUM_THREADS": "3"}, 3),   # ignored
        ({"ARRAYCORE_NUM_THREADS": "0"}, cpus),
        ({"ARRAYCORE_NUM_THREADS": "-3"}, cpus),
        ({"ARRAYCORE_NUM_THREADS": "2.5"}, cpus),
        ({"ARRAYCORE_NUM_THREADS": ""}, cpus),
        ({"OMP_NUM_THREADS": "x"}, cpus),
        ({"ARRAYCORE_NUM_THREADS": "100000"}, 256),   # at most AC_POOL_MAX
    ]
    for env, want in cases:
        assert int(_run(code, env)) == want, env


def test_no_threads_at_import_or_for_small_work():
    out = _run("""
        import os
        def tasks():
            return len(os.listdir('/proc/self/task'))
        n0 = tasks()
        import arraycore as ac
        from arraycore import _threads
        for n in (8, 10_000):      # below every threshold
            a = ac.ones(n)
            ac.sin(a); ac.exp(a); ac.sqrt(a); ac.pow(a, a); ac.sum(a)
        ac.sum(ac.ones(100_000)); ac.exp(ac.ones(50_000))
        print(n0, tasks(), _threads._workers_started())
        ac.sin(ac.ones(1_000_000))
        print(tasks(), _threads._workers_started())
    """, {"ARRAYCORE_NUM_THREADS": "4"})
    first, second = out.split("\n")[:2]
    n0, n1, started = map(int, first.split())
    assert n1 == n0 and started == 0
    n2, started = map(int, second.split())
    assert started >= 1 and n2 == n0 + started


def test_one_thread_starts_nothing():
    out = _run("""
        import arraycore as ac
        from arraycore import _threads
        ac.sin(ac.ones(3_000_000)); ac.sum(ac.ones(3_000_000))
        print(_threads._workers_started())
    """, {"ARRAYCORE_NUM_THREADS": "1"})
    assert int(out) == 0


def test_threadpoolctl_controls_the_pool():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    for first in ("arraycore", "threadpoolctl"):     # both import orders
        other = "threadpoolctl" if first == "arraycore" else "arraycore"
        out = _run(f"""
            import {first}, {other}
            import arraycore as ac
            from arraycore import _threads
            from threadpoolctl import threadpool_info, threadpool_limits
            mine = [i for i in threadpool_info() if i['user_api'] == 'arraycore']
            assert len(mine) == 1 and mine[0]['prefix'] == 'libaccore', mine
            print(mine[0]['num_threads'], ac.get_num_threads())
            with threadpool_limits(1):
                print(ac.get_num_threads())
                ac.sin(ac.ones(3_000_000))
            with threadpool_limits({{'arraycore': 2}}):
                print(ac.get_num_threads())
            print(ac.get_num_threads(), _threads._workers_started())
        """, {"ARRAYCORE_NUM_THREADS": "3"})
        assert out.split() == ["3", "3", "1", "2", "3", "0"], (first, out)
    del threadpoolctl


def test_fork_child_after_the_parent_used_the_pool():
    out = _run("""
        import multiprocessing as mp
        import numpy as np
        import arraycore as ac
        from arraycore import _threads
        ac.set_num_threads(2)
        a = ac.asarray(np.linspace(0, 10, 2_000_000))
        ref = np.asarray(ac.sin(a)).tobytes(), float(ac.sum(a))

        def child(q):
            q.put((np.asarray(ac.sin(a)).tobytes() == ref[0], float(ac.sum(a)) == ref[1],
                   _threads._workers_started()))

        ctx = mp.get_context("fork")
        for _ in range(3):
            q = ctx.Queue()
            p = ctx.Process(target=child, args=(q,))
            p.start()
            same_sin, same_sum, started = q.get(timeout=120)
            p.join(120)
            assert p.exitcode == 0 and same_sin and same_sum, (same_sin, same_sum)
            print(started)
    """)
    # the child made its own worker (the parent's do not exist there)
    assert out.split() == ["1", "1", "1"]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_concurrent_callers_and_nesting(threads):
    # Python threads calling parallel kernels at once: one job runs on the
    # pool, the others inline; every result is the one-thread result
    threads(1)
    a = ac.asarray(_values("float64", 1_000_000, seed=3))
    want_sin, want_sum = _bits(ac.sin(a)), _bits(ac.sum(a))
    threads(3)
    errors = []

    def work():
        try:
            for _ in range(5):
                assert _bits(ac.sin(a)) == want_sin
                assert _bits(ac.sum(a)) == want_sum
        except BaseException as e:      # pragma: no cover - reported below
            errors.append(e)

    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(300)
    assert not errors, errors


_CTRL_C = """
import os, signal, sys, threading, time
signal.signal(signal.SIGINT, signal.default_int_handler)
import numpy as np
import arraycore as ac
ac.set_num_threads(2)
n = int(sys.argv[2])
a = ac.asarray(np.linspace(1e5, 1e9, n))       # large arguments: slow sin
ac.sin(a[:100_000])
t0 = time.perf_counter()
if sys.argv[1] == "full":
    ac.sin(a)
    print("FULL", time.perf_counter() - t0)
    sys.exit(0)
threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
try:
    ac.sin(a)
    print("COMPLETED", time.perf_counter() - t0)
except KeyboardInterrupt:
    print("INTERRUPTED", time.perf_counter() - t0)
x = ac.asarray(np.linspace(0, 1, 1_000_000))
assert np.array_equal(np.asarray(ac.sin(x)), np.sin(np.linspace(0, 1, 1_000_000)))
print("HEALTHY")
"""


def test_ctrl_c_stops_a_long_parallel_call(tmp_path):
    script = tmp_path / "ctrl_c.py"
    script.write_text(_CTRL_C)

    def full_time(n):
        r = subprocess.run([sys.executable, str(script), "full", str(n)], capture_output=True,
                           text=True, cwd=str(tmp_path), timeout=600)
        assert r.returncode == 0, r.stderr
        return float(r.stdout.split()[1])
    n = 8_000_000
    t_full = full_time(n)
    if t_full < 2.0:
        n = min(60_000_000, int(n * 2.0 / max(t_full, 0.05)) + 1)
        t_full = full_time(n)
    if t_full < 0.6:
        pytest.skip(f"the workload took only {t_full:.2f} s here")
    r = subprocess.run([sys.executable, str(script), "interrupt", str(n)], capture_output=True,
                       text=True, cwd=str(tmp_path), timeout=600)
    assert r.returncode == 0, r.stderr
    words = r.stdout.split()
    assert words[0] == "INTERRUPTED", r.stdout
    assert float(words[1]) < 0.2 + max(0.5, t_full / 4), (r.stdout, t_full)
    assert "HEALTHY" in r.stdout


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_streamed_outputs_match_numpy(threads):
    """Calls moving more than the last-level cache with a small output (a bool
    result of float64 inputs) write it with non-temporal stores from an L1
    block on the pool's pieces (src/ac_ufunc_run.c, elem_stream): the values,
    the output's own alignment (any byte offset of an out= view), a scalar
    operand and two array operands, and an output over the inputs' memory."""
    rng = np.random.default_rng(7)
    n = 6_000_011                          # 48 MB of float64, an odd length
    x = rng.random(n)
    x[::97] = np.nan
    y = rng.random(n)
    ax, ay = ac.asarray(x), ac.asarray(y)
    old = ac.get_num_threads()
    ac.set_num_threads(threads)
    try:
        np.testing.assert_array_equal(np.asarray(ax > 0.5), x > 0.5)
        np.testing.assert_array_equal(np.asarray(ac.less(ax, ay)), x < y)
        np.testing.assert_array_equal(np.asarray(ac.isnan(ax)), np.isnan(x))
        for off in (0, 1, 7, 15, 64):
            buf = np.zeros(n + 80, dtype=bool)
            o = ac.asarray(buf)[off:off + n]
            r = ac.greater(ax, ay, out=o)
            assert r is o
            np.testing.assert_array_equal(buf[off:off + n], x > y)
            assert not buf[:off].any() and not buf[off + n:].any()
        # the output over the first input's own bytes: taken apart first
        z = x.copy()
        az = ac.asarray(z)
        zb = ac.asarray(z.view(bool))[:n]
        want = x > 0.5
        ac.greater(az, 0.5, out=zb)
        np.testing.assert_array_equal(z.view(bool)[:n], want)
    finally:
        ac.set_num_threads(old)


@pytest.mark.parametrize("dt", ["float32", "float64"])
def test_argmax_argmin_on_the_pool_match_numpy(dt):
    """argmax/argmin of runs of 2**20 elements and more are split over the
    pool (src/ac_stats.c, ac_arg_split): the first extreme whatever the split
    (ties in different pieces, -0.0 and +0.0), the first NaN, any thread
    count."""
    rng = np.random.default_rng(11)
    n = (1 << 21) + 12345
    cases = []
    x = rng.random(n).astype(dt)
    cases.append(x)
    y = rng.integers(-5, 5, n).astype(dt)          # many ties, across pieces
    cases.append(y)
    z = np.zeros(n, dtype=dt)
    z[n // 3] = -0.0
    z[5] = -0.0                                    # all zeros: index 0 both ways
    cases.append(z)
    w = x.copy()
    w[n - 7] = np.nan
    w[n // 2 + 1] = np.nan                        # the first NaN wins
    cases.append(w)
    v = x.copy()
    v[n - 1] = 2.0
    v[0] = -1.0                                   # the extremes at the ends
    cases.append(v)
    old = ac.get_num_threads()
    try:
        for t in (1, 2, 3):
            ac.set_num_threads(t)
            for c in cases:
                a = ac.asarray(c)
                assert int(ac.argmax(a)) == int(np.argmax(c)), (t, c[:3])
                assert int(ac.argmin(a)) == int(np.argmin(c)), (t, c[:3])
    finally:
        ac.set_num_threads(old)
