"""Ctrl-C stops the long C kernels that run without the GIL on the one loop
driver (src/ac_driver.c): a copy with a cast, a sort, a matmul over a stack
and one large product (the GEMM polls the same flag), reductions and ACIter_ForEachSlice called from C.  Each case runs in a fresh
process: a timer thread sends SIGINT while the kernel runs (every workload
takes well over a second uninterrupted, checked by
test_workloads_are_long), the kernel must raise KeyboardInterrupt within
0.2 s of the signal, and afterwards the process is healthy: Python's SIGINT
handler is back, arraycore computes correctly and a later Ctrl-C interrupts
plain Python."""
import os
import subprocess
import tempfile
import sys

import pytest

import _capi_build as B

ac = pytest.importorskip("arraycore")

HERE = os.path.dirname(os.path.abspath(__file__))
# the allowed latency after the signal: 0.2 s, scaled by
# ARRAYCORE_TEST_TIME_SCALE where the code runs slower by design
# (tools/sanitize.sh sets 4: the instrumented kernels take longer between
# their polls of the Ctrl-C flag)
LATENCY = 0.2 * float(os.environ.get("ARRAYCORE_TEST_TIME_SCALE", "1"))

_SCRIPT = r"""
import os, signal, sys, threading, time
signal.signal(signal.SIGINT, signal.default_int_handler)   # Ctrl-C reaches Python even when this was started with SIGINT ignored (a background job)
sys.path[:0] = {paths!r}
import numpy as np
import arraycore as ac
{setup}

def work():
{work}

fired = []
def fire():
    fired.append(time.perf_counter())
    os.kill(os.getpid(), signal.SIGINT)

mode = {mode!r}
if mode == "full":
    t0 = time.perf_counter()
    work()
    print("FULL", time.perf_counter() - t0)
    sys.exit(0)

timer = threading.Timer(globals().get('DELAY', {delay}), fire)
t0 = time.perf_counter()
timer.start()
try:
    work()
    state = "completed"
except KeyboardInterrupt:
    state = "interrupted"
t1 = time.perf_counter()
timer.join()
if state == "completed":
    try:                    # a signal that came after the kernel: absorb it
        time.sleep(1.0)
    except KeyboardInterrupt:
        pass
latency = t1 - fired[0] if fired else -1.0
print("RESULT", state, latency, t1 - t0)
{after}
# healthy: Python's handler is back, arraycore computes, Ctrl-C reaches Python
assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
n = np.arange(12.0).reshape(3, 4)
x = ac.asarray(n)
assert float(ac.sum(x)) == 66.0
assert ac.sort(x[:, ::-1], axis=1).tolist() == n.tolist()
assert ac.matmul(x, x.mT).tolist() == (n @ n.T).tolist()
y = ac.zeros((3, 4), dtype=ac.float32)
y[...] = x.T.mT
assert y.tolist() == x.tolist()
threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
t = time.perf_counter()
try:
    time.sleep(10)
    print("PYTHON completed")
except KeyboardInterrupt:
    print("PYTHON interrupted", time.perf_counter() - t)
"""

# name: (setup, work body, check after the interrupt)
CASES = {
    # a casting copy (float64 broadcast into float16) through copy_into:
    # the part of dst not reached yet keeps its zeros
    "copy": (
        "N = 300_000_000\n"
        "src = ac.broadcast_to(ac.asarray(1.5), (N,))\n"
        "dst = ac.zeros((N,), dtype=ac.float16)\n",
        "    dst[...] = src\n",
        "print('TAIL', float(dst[-1]))\n",
    ),
    # a sort along the last axis of 2000 lanes (complex: merge sort)
    "sort": (
        "x = ac.asarray(np.random.default_rng(0).standard_normal((2000, 10000)) + 1j)\n",
        "    ac.sort(x, axis=1)\n",
        "",
    ),
    # an argsort of the same lanes
    "argsort": (
        "x = ac.asarray(np.random.default_rng(0).standard_normal((2000, 10000)) + 1j)\n",
        "    ac.argsort(x, axis=1)\n",
        "",
    ),
    # a matmul over a stack of 6000 128x128 products (the gufunc loop dims)
    "matmul": (
        "m = ac.asarray(np.random.default_rng(0).standard_normal((128, 128)))\n"
        "a = ac.broadcast_to(m, (6000, 128, 128))\n",
        "    ac.matmul(a, m)\n",
        "",
    ),
    # one 2-d product (the blocked GEMM polls between blocks of A)
    "matmul_2d": (
        "a = ac.asarray(np.random.default_rng(0).standard_normal((6000, 6000)))\n",
        "    ac.matmul(a, a)\n",
        "",
    ),
    # reductions: a whole-array sum and a sum along axis 0
    "sum": (
        "b = ac.broadcast_to(ac.asarray(1.0), (5_000_000_000,))\n",
        "    ac.sum(b)\n",
        "",
    ),
    "sum_axis0": (
        "b = ac.broadcast_to(ac.asarray(1.0), (100_000, 50_000))\n",
        "    ac.sum(b, axis=0)\n",
        "",
    ),
    # var: a sum (the ufunc engine), then the fused pass of squared
    # deviations (src/ac_stats.c), which the signal reaches (DELAY: the time
    # of the sum, measured here, and 0.4 s)
    "var": (
        "b = ac.broadcast_to(ac.asarray(1.0), (2_000_000_000,))\n"
        "t = time.perf_counter(); ac.sum(b); DELAY = time.perf_counter() - t + 0.4\n",
        "    ac.var(b)\n",
        "",
    ),
    # ACIter_ForEachSlice from C (tests/capi_src/iter_testmod.c): 0-d slices
    # of 200M elements, a slow callback on each
    "foreach_slice": (
        "import importlib.util\n"
        "spec = importlib.util.spec_from_file_location('iter_testmod', {modpath!r})\n"
        "it_mod = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(it_mod)\n"
        "a = ac.broadcast_to(ac.asarray(0.5), (200_000_000,))\n",
        "    it_mod.long_slices(a, 20)\n",
        "assert it_mod.long_slices(ac.zeros((3, 4)), 1) == (0, 12)\n",
    ),
}


@pytest.fixture(scope="module")
def it_mod_path(tmp_path_factory):
    B.ac_include()
    out = tmp_path_factory.mktemp("iter_ext_sigint")
    target = os.path.join(out, "iter_testmod" + B.ext_suffix())
    B.run_parallel([B.compile_cmd(os.path.join(B.CAPI_SRC, "iter_testmod.c"), target)])
    return target


def _run(name, mode, modpath=None, delay=0.3):
    setup, work, after = CASES[name]
    code = _SCRIPT.format(paths=[HERE], setup=setup.format(modpath=modpath), work=work,
                          after=after, mode=mode, delay=delay)
    # from outside the source tree, so the installed arraycore is imported
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       timeout=300, cwd=tempfile.gettempdir())
    assert r.returncode == 0, r.stdout + r.stderr
    return {ln.split()[0]: ln.split()[1:] for ln in r.stdout.splitlines()}, r.stdout


def _check_interrupted(lines, out):
    state, latency, elapsed = lines["RESULT"]
    assert state == "interrupted", out
    assert 0.0 <= float(latency) < LATENCY, out
    assert lines["PYTHON"][0] == "interrupted", out


@pytest.mark.parametrize("name", [n for n in CASES if n != "foreach_slice"])
def test_ctrl_c_stops_long_kernel(name):
    lines, out = _run(name, "interrupt")
    _check_interrupted(lines, out)
    if name == "copy":
        assert float(lines["TAIL"][0]) == 0.0, out       # stopped before the end


def test_ctrl_c_stops_long_foreach_slice(it_mod_path):
    lines, out = _run("foreach_slice", "interrupt", it_mod_path)
    _check_interrupted(lines, out)


@pytest.mark.parametrize("name", ["copy", "sort", "matmul", "matmul_2d", "sum"])
def test_workloads_are_long(name):
    """Uninterrupted, the workloads run longer than the signal's delay (0.3 s)
    plus the allowed latency (0.2 s), so an interrupt within 0.2 s of the
    signal is the kernel stopping early."""
    lines, out = _run(name, "full")
    assert float(lines["FULL"][0]) > 0.5, out


_THREADS = r"""
import os, signal, sys, threading, time
signal.signal(signal.SIGINT, signal.default_int_handler)   # Ctrl-C reaches Python even when this was started with SIGINT ignored (a background job)
import numpy as np
import arraycore as ac
# a long argsort (module _sort; no copy first) in one thread, a longer copy
# (module _core) in another that starts later and ends later: their handlers
# come and go out of order, and the sort's stays installed; afterwards Ctrl-C
# must still reach Python
x = ac.asarray(np.random.default_rng(0).standard_normal((1000, 10000)) + 1j)
N = 300_000_000
src = ac.broadcast_to(ac.asarray(1.5), (N,))
dst = ac.zeros((N,), dtype=ac.float16)
def copy():
    dst[...] = src
ta = threading.Thread(target=lambda: ac.argsort(x, axis=1))
tb = threading.Thread(target=copy)
ta.start(); time.sleep(0.1); tb.start()
ta.join(); tb.join()
assert float(dst[-1]) == 1.5
threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
t = time.perf_counter()
try:
    time.sleep(10)
    print("PYTHON completed")
except KeyboardInterrupt:
    print("PYTHON interrupted", time.perf_counter() - t)
"""


def test_ctrl_c_reaches_python_after_kernels_in_threads():
    r = subprocess.run([sys.executable, "-c", _THREADS], capture_output=True, text=True,
                       timeout=300, cwd=tempfile.gettempdir())
    assert r.returncode == 0, r.stdout + r.stderr
    state, el = r.stdout.split()[1:3]
    assert state == "interrupted" and float(el) < 2.0, r.stdout
