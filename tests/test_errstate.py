"""arraycore._errstate and arraycore._reduction: floating-point error state
per context, stale FPU flags forgotten before a loop, errors of the reduction
methods reported under the ufunc's name, Ctrl-C stopping each call path and
reduction (with Python's own handler back afterwards), and the reduction
methods' dtype= / pickling by name."""
import contextvars
import os
import pickle
import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest

import arraycore as ac
from _helpers import IS_NUMPY, assert_array

pytestmark = pytest.mark.skipif(IS_NUMPY, reason="arraycore's own modules")


def test_public_names_come_from_errstate():
    from arraycore import _errstate
    assert ac.seterr is _errstate.seterr
    assert ac.geterr is _errstate.geterr
    assert ac.errstate is _errstate.errstate


def test_errstate_is_per_context():
    def inner():
        ac.seterr(divide="raise")
        with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
            ac.asarray([1.0]) / 0.0
        return ac.geterr()["divide"]

    assert contextvars.copy_context().run(inner) == "raise"
    assert ac.geterr()["divide"] == "warn"          # the outer context is untouched
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        ac.asarray([1.0]) / 0.0
    assert [str(m.message) for m in rec] == ["divide by zero encountered in divide"]


@pytest.mark.parametrize("call", ["fast", "strided", "reduce", "reduce_flat", "at"])
def test_stale_fpu_flags_are_not_reported(call):
    """A flag Python's own float arithmetic left in the FPU status must not be
    reported by the next loop (each loop clears the status first)."""
    big = ac.asarray([1.0, 2.0, 3.0])
    with ac.errstate(all="raise"):
        for _ in range(2):
            x = float("1e308")
            assert x * 10.0 == float("inf")                 # raises the overflow flag
            assert float("inf") - float("inf") != 0.0       # and the invalid flag
            if call == "fast":
                ac.add(big, big)
            elif call == "strided":
                ac.add(big[::2], 1.0)
            elif call == "reduce":
                ac.add.reduce(ac.ones((3, 4)), axis=0)
            elif call == "reduce_flat":
                ac.add.reduce(big)
            else:
                y = ac.zeros(3)
                ac.add.at(y, ac.asarray([0, 0, 2]), 1.0)
                assert_array(y, np.array([2.0, 0.0, 1.0]))


def test_reduction_errors_are_reported_under_the_ufunc_name():
    with ac.errstate(over="raise"):
        with pytest.raises(FloatingPointError, match="overflow encountered in multiply"):
            ac.multiply.reduce(ac.full((2, 8), 1e300), axis=1)
        with pytest.raises(FloatingPointError, match="overflow encountered in add"):
            ac.add.accumulate(ac.full(4, 1e308))
        y = ac.full(2, 1e308)
        with pytest.raises(FloatingPointError, match="overflow encountered in add"):
            ac.add.at(y, ac.asarray([0, 0]), 1e308)
    # comparisons are quiet about NaN inputs, in reductions too
    with ac.errstate(invalid="raise"):
        assert float(ac.maximum.reduce(ac.asarray([1.0, np.nan, 2.0]))) != 0.0


def test_reduceat_dtype_and_methods_pickle_by_name():
    x = np.arange(10, dtype=np.int8) * 20
    idx = np.array([0, 4, 1, 7])
    got = ac.add.reduceat(ac.asarray(x), ac.asarray(idx), dtype="int64")
    assert_array(got, np.add.reduceat(x, idx, dtype=np.int64))
    assert np.asarray(got).dtype == np.int64
    for uf in (ac.add, ac.maximum, ac.matmul):
        assert pickle.loads(pickle.dumps(uf)) is uf
    r = pickle.loads(pickle.dumps(ac.add)).reduce(ac.arange(5))
    assert int(r) == 10


_SIGINT = r"""
import os, signal, threading, time
signal.signal(signal.SIGINT, signal.default_int_handler)   # Ctrl-C reaches Python even when this was started with SIGINT ignored (a background job)
import arraycore as ac

def timed(name, fn):
    fn()                       # warm: the first call also faults in fresh pages
    t = time.perf_counter(); fn(); full = time.perf_counter() - t
    delay = min(0.3, full / 10)
    threading.Timer(delay, os.kill, (os.getpid(), signal.SIGINT)).start()
    t = time.perf_counter()
    try:
        fn()
        state = "completed"
    except KeyboardInterrupt:
        state = "interrupted"
    el = time.perf_counter() - t - delay
    try:                       # absorb a signal that came too late
        time.sleep(delay + 1.0)
    except KeyboardInterrupt:
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    print(name, state, el, full, flush=True)

x = ac.broadcast_to(ac.asarray(0.5), (20_000_000,))
timed("strided", lambda: ac.sin(x))
x32 = ac.broadcast_to(ac.asarray(0.5, dtype=ac.float32), (20_000_000,))
timed("buffered", lambda: ac.sin(x32, dtype=ac.float64))
m = ac.broadcast_to(ac.asarray(0.5), (8000, 8000))
timed("reduce", lambda: [ac.add.reduce(m, axis=0) for _ in range(8)])
y = ac.ones((2000, 2000))
timed("accumulate", lambda: [ac.multiply.accumulate(y, axis=0) for _ in range(10)])
z = ac.ones(4_000_000)
timed("reduce_flat", lambda: [ac.add.reduce(z) for _ in range(200)])
# healthy afterwards
assert float(ac.add.reduce(ac.arange(10.0))) == 45.0
print("ok", flush=True)
"""


def test_ctrl_c_stops_each_call_path():
    r = subprocess.run([sys.executable, "-c", _SIGINT], capture_output=True, text=True,
                       timeout=600, cwd=os.path.dirname(os.path.abspath(__file__)))
    assert r.returncode == 0, r.stdout + r.stderr
    lines = {ln.split()[0]: ln.split()[1:] for ln in r.stdout.splitlines()}
    assert "ok" in lines, r.stdout
    for name in ("strided", "buffered", "reduce", "accumulate", "reduce_flat"):
        state, el, full = lines[name]
        assert state == "interrupted", r.stdout
        assert float(el) < 0.5 * float(full) + 0.2, r.stdout     # stopped early


# ------------------------------------------------ the exceptions of casts
NAN, INF = float("nan"), float("inf")
CASTS = [
    ([1e300, 1.0], "float64", "int64"), ([NAN, 2.0], "float64", "int32"),
    ([INF], "float32", "int64"), ([1e40], "float64", "uint32"), ([-INF], "float64", "int8"),
    ([300.0, 1.0], "float64", "int8"),             # within int32: NumPy's silent wrap
    ([1e300, 1.0], "float64", "float32"), ([1e-300], "float64", "float32"),
    ([1e10, 1.0], "float64", "float16"), ([70000.0], "float32", "float16"),
    ([complex(1e300, 1)], "complex128", "complex64"), ([1e300], "complex128", "float32"),
    ([NAN], "float64", "bool"), ([1.5, -2.5], "float64", "int64"), ([2**40], "int64", "float16"),
    ([70000], "uint32", "float16"), ([30000], "int16", "float16"), ([2**63], "uint64", "float16"),
]


@pytest.mark.parametrize("src,sdt,dt", CASTS, ids=lambda v: str(v))
@pytest.mark.parametrize("n", [1, 100_000])
def test_cast_exceptions_as_numpy(src, sdt, dt, n):
    # a narrowing cast reports what NumPy reports ("invalid value" /
    # "overflow encountered in cast"), through errstate, on every path that
    # casts (astype, asarray with a dtype, assignment into another dtype)
    # and for arrays split over the thread pool too
    vals = np.array((src * n)[:max(n, len(src))], dtype=sdt)

    def messages(fn, mod):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = fn(mod)
        # (NumPy's ComplexWarning for complex -> real is not this test's)
        return np.asarray(r), sorted({str(x.message) for x in w if "in cast" in str(x.message)})

    with np.errstate(under="ignore"):
        e, expect = messages(lambda m: vals.astype(dt), np)
    for fn in (lambda m: ac.astype(ac.asarray(vals), ac.dtype(dt)),
               lambda m: ac.asarray(ac.asarray(vals), dtype=ac.dtype(dt)),
               lambda m: _assigned(ac.asarray(vals), dt)):
        got, msgs = messages(fn, ac)
        assert msgs == expect, (msgs, expect)
        np.testing.assert_array_equal(got, e)
    if expect:
        with ac.errstate(all="raise"), pytest.raises(FloatingPointError, match="in cast"), \
                warnings.catch_warnings():
            warnings.simplefilter("ignore", ac.ComplexWarning)
            ac.astype(ac.asarray(vals), ac.dtype(dt))
        with ac.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("error")
            warnings.simplefilter("ignore", ac.ComplexWarning)
            ac.astype(ac.asarray(vals), ac.dtype(dt))


def _complex_warnings(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = fn()
    return r, [str(x.message) for x in w if issubclass(x.category, RuntimeWarning)
               and "imaginary" in str(x.message)]


@pytest.mark.parametrize("sdt", ["complex64", "complex128"])
@pytest.mark.parametrize("dt", ["bool", "int8", "uint32", "int64", "float16", "float32",
                                "float64", "complex64", "complex128"])
def test_complex_to_real_casts_warn_as_numpy(sdt, dt):
    # NumPy's ComplexWarning: every cast from complex to a real or integer
    # type, whatever the values (imaginary parts of 0, empty arrays); none to
    # bool or complex.  On each path that casts, before anything is written.
    for vals in ([1 + 2j, 3 - 0j], [], [2 + 0j]):
        x = np.array(vals, dtype=sdt)
        e, expect = _complex_warnings(lambda: x.astype(dt))
        assert len(expect) == (dt not in ("bool", "complex64", "complex128"))
        paths = [lambda: ac.astype(ac.asarray(x), ac.dtype(dt)),
                 lambda: ac.asarray(x).astype(ac.dtype(dt)),
                 lambda: ac.asarray(ac.asarray(x), dtype=ac.dtype(dt)),
                 lambda: _assigned(ac.asarray(x), dt)]
        for fn in paths:
            got, msgs = _complex_warnings(fn)
            assert msgs == expect, (fn, msgs, expect)
            np.testing.assert_array_equal(np.asarray(got), e)
    # ufuncs: an output of a real type, small (a copy) and large (the
    # buffered iterator); the iterator itself
    c = ac.asarray(np.array([1 + 2j, 3 + 4j], dtype=sdt))
    if dt not in ("bool", "complex64", "complex128"):
        for n in (1, 50_000):
            big = ac.asarray(np.tile(np.array([1 + 2j, 3 + 4j], dtype=sdt), n))
            out = ac.zeros(2 * n, dtype=ac.dtype(dt))
            _, msgs = _complex_warnings(lambda: ac.add(big, big, out=out, casting="unsafe"))
            assert len(msgs) == 1
            np.testing.assert_array_equal(np.asarray(out), np.tile([2, 6], n).astype(dt))
        _, msgs = _complex_warnings(lambda: ac.nditer(c, flags=["buffered"], casting="unsafe",
                                                      op_dtypes=[ac.dtype(dt)]))
        assert len(msgs) == 1
    # a filter that raises leaves the destination untouched
    if dt in ("int64", "float64"):
        dst = ac.full(2, 7, dtype=ac.dtype(dt))
        with warnings.catch_warnings():
            warnings.simplefilter("error", ac.ComplexWarning)
            with pytest.raises(ac.ComplexWarning, match="imaginary"):
                dst[...] = c
            with pytest.raises(ac.ComplexWarning):
                ac.multiply(c, c, out=dst, casting="unsafe")
        np.testing.assert_array_equal(np.asarray(dst), [7, 7])
    assert issubclass(ac.ComplexWarning, RuntimeWarning)


def _assigned(x, dt):
    out = ac.zeros(x.shape, dtype=ac.dtype(dt))
    out[...] = x
    return out


def test_half_arithmetic_overflow_warns_as_numpy():
    a = np.array([60000.0, 1.0], dtype=np.float16)
    for op in ("multiply", "add"):
        with warnings.catch_warnings(record=True) as we:
            warnings.simplefilter("always")
            e = getattr(np, op)(a, a)
        with warnings.catch_warnings(record=True) as wg:
            warnings.simplefilter("always")
            g = getattr(ac, op)(ac.asarray(a), ac.asarray(a))
        assert_array(g, e)
        assert sorted(str(x.message) for x in wg) == sorted(str(x.message) for x in we)
