#!/usr/bin/env python
"""Side-by-side benchmark of arraycore and NumPy, in one process.

Runs the same statement on arraycore and on NumPy, alternating repeats so both
see the same machine state, and prints the median time per call of each, their
ratio (arraycore / NumPy; below 1 means arraycore is faster) and the target the
project set for that ratio (issue 3).

    python benchmarks/run.py                   # everything (about a minute)
    python benchmarks/run.py --only small      # one or more groups, comma separated
    python benchmarks/run.py --quick           # fewer repeats, for a smoke run
    python benchmarks/run.py --json out.json   # also write the results as JSON

Groups: small (n=8 float64 per-call overhead), large (10M float64 copy/astype),
transpose (4000x4000 transposing copy), constant (zero-copy imports: n=10 vs
n=10M), import (`python -c "import arraycore"` vs `python -c "import numpy"`),
ufunc_small (n=8 ufuncs and reductions), ufunc_large (10M ufuncs, reductions,
broadcasting), matmul (512x512 float64), threads (two threads running exp on
their own 10M arrays, against twice the one-thread time; arraycore's own pool
set to 1 thread for it),
vmath (the 10M-element exp/log/pow vector kernels, through the test-only
module tests/capi_src/vmath_testmod.pyx, vs np.exp/np.log/np.power with out=),
sort (1M float64 sort/argsort, unique_values, searchsorted),
iter (nditer, a.flat and broadcast: construction and iteration).
At the end: the geometric mean of the ratios of each size class (n=8,
n=10k, 10M; issue 15's targets 0.4, 0.8, 0.9).

This is a benchmark, not a test: it never fails on a missed target, it reports.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit

GROUPS = ["small", "large", "transpose", "constant", "import", "ufunc_small", "ufunc_large",
          "matmul", "threads", "vmath", "sort", "iter", "counting"]
# run import subprocesses away from the source tree, so `import arraycore` finds the
# installed package and not the uncompiled sources in the current directory
_NEUTRAL_CWD = tempfile.gettempdir()


# ----------------------------------------------------------------------------
# timing
# ----------------------------------------------------------------------------
def _calibrate(timer, min_time):
    """Loop count so that one repeat takes at least min_time seconds."""
    number = 1
    while True:
        t = timer.timeit(number)
        if t >= min_time or number >= 10**7:
            return number
        # aim a bit above min_time in one step when we can
        number = max(number * 2, int(number * min_time * 1.2 / max(t, 1e-9)))


def time_pair(stmt_ac, g_ac, stmt_np, g_np, repeat, min_time):
    """Median seconds per call of the arraycore and the NumPy statement."""
    t_ac = timeit.Timer(stmt_ac, globals=g_ac)
    t_np = timeit.Timer(stmt_np, globals=g_np)
    n_ac = _calibrate(t_ac, min_time)
    n_np = _calibrate(t_np, min_time)
    res_ac, res_np = [], []
    for _ in range(repeat):           # interleave so drift hits both alike
        res_ac.append(t_ac.timeit(n_ac) / n_ac)
        res_np.append(t_np.timeit(n_np) / n_np)
    return statistics.median(res_ac), statistics.median(res_np)


def fmt_time(s):
    if s is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:7.3g} {unit}"
    return f"{s / 1e-9:7.3g} ns"


# ----------------------------------------------------------------------------
# benchmark definitions: (group, name, setup -> (globals_ac, globals_np), stmt_ac, stmt_np,
#                         target ratio, aim ratio or None)
# ----------------------------------------------------------------------------
def small_setup(ac, np):
    lst = [float(i) for i in range(8)]
    a = ac.asarray(lst)
    na = np.asarray(lst)
    return (dict(ac=ac, lst=lst, a=a), dict(np=np, lst=lst, a=na))


def large_setup(ac, np):
    n = np.arange(10_000_000, dtype=np.float64)
    a = ac.asarray(n, copy=True)
    return (dict(ac=ac, a=a), dict(np=np, a=n.copy()))


def transpose_setup(ac, np):
    n = np.arange(4000 * 4000, dtype=np.float64).reshape(4000, 4000)
    a = ac.asarray(n, copy=True)
    return (dict(ac=ac, a=a), dict(np=np, a=n.copy()))


def constant_setup(size):
    def setup(ac, np):
        n = np.arange(size, dtype=np.float64)
        a = ac.asarray(n, copy=True)
        # arraycore imports a NumPy array; NumPy imports an arraycore array
        return (dict(ac=ac, src=n), dict(np=np, src=a))
    return setup


def usmall_setup(ac, np):
    rng = np.random.default_rng(0)
    a, b = rng.random(8), rng.random(8)
    m = a > 0.5
    return (dict(ac=ac, a=ac.asarray(a), b=ac.asarray(b), m=ac.asarray(m)),
            dict(np=np, a=a.copy(), b=b.copy(), m=m.copy()))


def ularge_setup(ac, np):
    rng = np.random.default_rng(0)
    a, b = rng.random(10_000_000), rng.random(10_000_000)
    col, row = rng.random((1000, 1)), rng.random((1, 1000))
    M = rng.random((4000, 2500))
    ai, bi = a.astype(np.int64) + 3, (b * 100).astype(np.int64)
    af, bf = a.astype(np.float32), b.astype(np.float32)
    g_np = dict(np=np, a=a, b=b, col=col, row=row, M=M, ai=ai, bi=bi, af=af, bf=bf)
    g_ac = dict(ac=ac, **{k: ac.asarray(v, copy=True) for k, v in g_np.items() if k != "np"})
    return g_ac, {k: (v.copy() if k != "np" else v) for k, v in g_np.items()}


def matmul_setup(ac, np):
    rng = np.random.default_rng(0)
    x, y = rng.random((512, 512)), rng.random((512, 512))
    return (dict(ac=ac, x=ac.asarray(x), y=ac.asarray(y)), dict(np=np, x=x, y=y))


def vmath_setup(dtype, kind):
    def setup(ac, np):
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
        import _capi_build
        vm, _ = _capi_build.build_vmath_test()
        rng = np.random.default_rng(0)
        if kind == "pow":       # as benchmarks/threads.py's pow
            x = (rng.random(10_000_000) * 10.0 + 0.5).astype(dtype)
            y = (rng.random(10_000_000) * 3.0).astype(dtype)
            return (dict(vm=vm, x=x, y=y, o=np.empty_like(x)),
                    dict(np=np, x=x, y=y, o=np.empty_like(x)))
        if kind == "exp":
            x = rng.uniform(-80, 80, 10_000_000).astype(dtype)
        else:
            x = np.exp(rng.uniform(-80, 80, 10_000_000)).astype(dtype)
        return (dict(vm=vm, x=x, o=np.empty_like(x)), dict(np=np, x=x, o=np.empty_like(x)))
    return setup


def sort_setup(ac, np):
    rng = np.random.default_rng(0)
    n = rng.random(1_000_000)
    rep = rng.integers(0, 1000, 1_000_000)       # int64, many repeats
    srt = np.sort(rng.random(1_000_000))
    q = rng.random(1_000_000)
    return (dict(ac=ac, a=ac.asarray(n, copy=True), r=ac.asarray(rep, copy=True),
                 s=ac.asarray(srt, copy=True), q=ac.asarray(q, copy=True)),
            dict(np=np, a=n.copy(), r=rep.copy(), s=srt.copy(), q=q.copy()))


BENCHMARKS = [
    # n = 8 float64: per-call overhead
    ("small", "asarray(list of 8 floats)", small_setup, "ac.asarray(lst)", "np.asarray(lst)",
     1.0, 0.5),
    ("small", "zeros((8,))", small_setup, "ac.zeros((8,))", "np.zeros((8,))", 1.0, 0.5),
    ("small", "a[1:5]", small_setup, "a[1:5]", "a[1:5]", 1.0, 0.5),
    ("small", "reshape(a, (2, 4))", small_setup, "ac.reshape(a, (2, 4))",
     "np.reshape(a, (2, 4))", 1.0, 0.5),
    ("small", "astype(a, float32)", small_setup, "ac.astype(a, ac.float32)",
     "np.astype(a, np.float32)", 1.0, 0.5),
    ("small", "concat([a, a])", small_setup, "ac.concat([a, a])", "np.concat([a, a])",
     1.0, 0.5),
    ("small", "a[3]", small_setup, "a[3]", "a[3]", 1.2, None),
    ("small", "a[3] = 1.0", small_setup, "a[3] = 1.0", "a[3] = 1.0", 1.2, None),
    ("small", "float(a[0])", small_setup, "float(a[0])", "float(a[0])", 1.2, None),
    # 10M float64: memory bandwidth
    ("large", "copy 10M float64", large_setup, "a.copy()", "a.copy()", 1.05, None),
    ("large", "astype 10M float64->float32", large_setup, "ac.astype(a, ac.float32)",
     "np.astype(a, np.float32)", 1.05, None),
    # ufuncs and reductions, n = 8 float64 (issue 4)
    *[("ufunc_small", n, usmall_setup, sa, sn, t, aim) for n, sa, sn, t, aim in [
        ("a + b", "a + b", "a + b", 1.0, 0.5),
        ("a * 2.0", "a * 2.0", "a * 2.0", 1.0, 0.5),
        ("a > b", "a > b", "a > b", 1.0, 0.5),
        ("exp(a)", "ac.exp(a)", "np.exp(a)", 1.0, 0.5),
        ("where(m, a, b)", "ac.where(m, a, b)", "np.where(m, a, b)", 1.0, 0.5),
        ("sum(a)", "ac.sum(a)", "np.sum(a)", 0.5, 0.2),
        ("mean(a)", "ac.mean(a)", "np.mean(a)", 0.5, 0.2),
        ("max(a)", "ac.max(a)", "np.max(a)", 0.5, 0.2),
    ]],
    # ufuncs and reductions, 10M float64 (issue 4)
    *[("ufunc_large", n, ularge_setup, sa, sn, 1.05, None) for n, sa, sn in [
        ("a + b", "a + b", "a + b"),
        ("a += b", "x = a; x += b", "x = a; x += b"),
        ("a * 2.0 + 1.0", "a * 2.0 + 1.0", "a * 2.0 + 1.0"),
        ("sum(a)", "ac.sum(a)", "np.sum(a)"),
        ("mean(a)", "ac.mean(a)", "np.mean(a)"),
        ("std(a)", "ac.std(a)", "np.std(a)"),
        ("exp(a)", "ac.exp(a)", "np.exp(a)"),
        ("sqrt(a)", "ac.sqrt(a)", "np.sqrt(a)"),
        ("a > 0.5", "a > 0.5", "a > 0.5"),
        ("cumulative_sum(a)", "ac.cumulative_sum(a)", "np.cumulative_sum(a)"),
        ("a[::2] + 1", "a[::2] + 1", "a[::2] + 1"),
        ("(1000,1) + (1,1000)", "col + row", "col + row"),
        ("sum(M 4000x2500, axis=0)", "ac.sum(M, axis=0)", "np.sum(M, axis=0)"),
        ("sum(M 4000x2500, axis=1)", "ac.sum(M, axis=1)", "np.sum(M, axis=1)"),
        ("int64 a + b", "ai + bi", "ai + bi"),
        ("float32 a + b", "af + bf", "af + bf"),
    ]],
    ("matmul", "matmul 512x512 float64", matmul_setup, "x @ y", "x @ y", 3.0, None),
    # blocked transpose
    ("transpose", "4000x4000 a.T.copy(order='C')", transpose_setup, "a.T.copy(order='C')",
     "a.T.copy(order='C')", 0.5, None),
    # vector math kernels, 10M contiguous elements, output preallocated
    ("vmath", "exp 10M float64", vmath_setup("float64", "exp"), "vm.run('exp', x, o)",
     "np.exp(x, out=o)", 1.0, None),
    ("vmath", "log 10M float64", vmath_setup("float64", "log"), "vm.run('log', x, o)",
     "np.log(x, out=o)", 1.0, None),
    ("vmath", "exp 10M float32", vmath_setup("float32", "exp"), "vm.run('exp', x, o)",
     "np.exp(x, out=o)", 1.0, None),
    ("vmath", "log 10M float32", vmath_setup("float32", "log"), "vm.run('log', x, o)",
     "np.log(x, out=o)", 1.0, None),
    ("vmath", "pow 10M float64", vmath_setup("float64", "pow"), "vm.run_pow(x, y, o)",
     "np.power(x, y, out=o)", 1.0, None),
    # float32 pow computes in double (half NumPy's float lanes): ~1.0-1.05
    ("vmath", "pow 10M float32", vmath_setup("float32", "pow"), "vm.run_pow(x, y, o)",
     "np.power(x, y, out=o)", 1.1, None),


    # sorting: 1M random float64 (NumPy's default sort and argsort use AVX-512 when
    # the CPU has it; arraycore sorts stably in both cases)
    ("sort", "sort 1M float64 stable", sort_setup, "ac.sort(a)",
     "np.sort(a, kind='stable')", 1.0, None),
    ("sort", "sort 1M float64 stable=False vs np.sort default", sort_setup,
     "ac.sort(a, stable=False)", "np.sort(a)", 1.5, None),
    ("sort", "argsort 1M float64 stable", sort_setup, "ac.argsort(a)",
     "np.argsort(a, kind='stable')", 1.0, None),
    ("sort", "argsort 1M float64 stable=False vs np.argsort default", sort_setup,
     "ac.argsort(a, stable=False)", "np.argsort(a)", 1.5, None),
    ("sort", "unique_values 1M int64 (1000 distinct)", sort_setup, "ac.unique_values(r)",
     "np.unique_values(r)", 1.0, None),
    ("sort", "searchsorted 1M queries into 1M sorted", sort_setup, "ac.searchsorted(s, q)",
     "np.searchsorted(s, q)", 1.0, None),
]

def iter_setup(ac, np):
    small = np.arange(8.0)
    mid = np.arange(1000.0)
    big = np.arange(1_000_000.0).reshape(1000, 1000)
    g = dict(small=small, mid=mid, big=big, bigT=big.T, col=mid.reshape(1000, 1))
    return ({"ac": ac, **{k: ac.asarray(v) for k, v in g.items()}}, {"np": np, **g})


BENCHMARKS += [
    ("iter", "nditer(a) construction, n=8", iter_setup, "ac.nditer(small)",
     "np.nditer(small)", 1.0, None),
    ("iter", "for x in nditer(a), n=1000", iter_setup, "for x in ac.nditer(mid): pass",
     "for x in np.nditer(mid): pass", 1.0, None),
    ("iter", "nditer([a.T, col, None]) external loop, 1000x1000", iter_setup,
     "for x in ac.nditer([bigT, col, None], ['external_loop']): pass",
     "for x in np.nditer([bigT, col, None], ['external_loop']): pass", 1.0, None),
    ("iter", "buffered cast f8->f4 external loop, 1M", iter_setup,
     "for x in ac.nditer(big, ['external_loop', 'buffered'], op_dtypes=['float32'], "
     "casting='same_kind'): pass",
     "for x in np.nditer(big, ['external_loop', 'buffered'], op_dtypes=['float32'], "
     "casting='same_kind'): pass", 1.0, None),
    ("iter", "list(a.flat), n=1000", iter_setup, "list(mid.flat)", "list(mid.flat)", 1.0, None),
    ("iter", "broadcast(a, col) construction", iter_setup, "ac.broadcast(mid, col)",
     "np.broadcast(mid, col)", 1.0, None),
]

def counting_setup(size):
    def setup(ac, np):
        a = np.random.default_rng(0).random(size)
        m = a > 0.5
        return (dict(ac=ac, a=ac.asarray(a, copy=True), m=ac.asarray(m, copy=True)),
                dict(np=np, a=a.copy(), m=m.copy()))
    return setup


# counting, masks and the extremes (issue 15): 10k and 10M float64
BENCHMARKS += [
    ("counting", f"{name}, n={label}", counting_setup(size), sa, sn, target, None)
    for size, label in [(10_000, "10k"), (10_000_000, "10M")]
    for name, sa, sn, target in [
        ("count_nonzero(a > 0.5)", "ac.count_nonzero(a > 0.5)", "np.count_nonzero(a > 0.5)", 0.8),
        ("count_nonzero(mask)", "ac.count_nonzero(m)", "np.count_nonzero(m)", 0.8),
        ("a[mask]", "a[m]", "a[m]", 0.8),
        ("a[mask] = 0.0", "a[m] = 0.0", "a[m] = 0.0", 0.8),
        ("any(mask)", "ac.any(m)", "np.any(m)", 0.8),
        ("max(a)", "ac.max(a)", "np.max(a)", 0.8),
        ("argmax(a)", "ac.argmax(a)", "np.argmax(a)", 0.8),
    ]
]

CONSTANT = [
    # (name, stmt arraycore, stmt numpy)
    ("asarray(numpy array) / np.asarray(arraycore array)", "ac.asarray(src)",
     "np.asarray(src)"),
    ("from_dlpack(numpy array) / np.from_dlpack(arraycore array)", "ac.from_dlpack(src)",
     "np.from_dlpack(src)"),
]


def target_text(target, aim):
    if target is None:
        return ""
    return f"<= {target:g}" + (f" (aim {aim:g})" if aim else "")


# ----------------------------------------------------------------------------
# import time
# ----------------------------------------------------------------------------
def import_time(module, runs):
    """Minimum wall time of `python -c "import <module>"` over runs subprocesses."""
    code = f"import {module}" if module else "pass"
    best = float("inf")
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # one untimed run first: warms the OS file cache and lets an editable install
    # finish any pending rebuild
    subprocess.run([sys.executable, "-c", code], env=env, cwd=_NEUTRAL_CWD,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", code], env=env, cwd=_NEUTRAL_CWD,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            raise RuntimeError(f"python -c {code!r} failed:\n{r.stderr.decode()}")
        best = min(best, dt)
    return best


def editable_install_note():
    """The meson-python editable loader rebuilds on import, which inflates import
    time; say so when that is what we measure."""
    r = subprocess.run([sys.executable, "-c",
                        "import sys, arraycore; "
                        "print(any('editable' in type(f).__module__.lower() or "
                        "'editable' in type(f).__name__.lower() for f in sys.meta_path))"],
                       capture_output=True, text=True, cwd=_NEUTRAL_CWD)
    return r.stdout.strip() == "True"


# ----------------------------------------------------------------------------
# issue 15: the geometric mean of the ratios of each size class
GEOMEAN_TARGETS = {"n=8": 0.4, "n=10k": 0.8, "10M": 0.9}


def size_class(group, name):
    """The size class of a case: n=8 (the small groups and cases named n=8),
    n=10k (cases named so), 10M (the large and vmath groups and cases named
    10M), else None (matmul, transpose, sort, iteration, imports, ...)."""
    if group in ("small", "ufunc_small") or "n=8" in name:
        return "n=8"
    if "n=10k" in name:
        return "n=10k"
    if group in ("large", "ufunc_large", "vmath") or "10M" in name:
        return "10M"
    return None


def size_geomeans(results):
    """{size class: (geometric mean of its ratios, number of cases)}."""
    logs = {}
    for r in results:
        size = size_class(r.get("group", ""), r.get("name", ""))
        if size is not None and r.get("ratio"):
            logs.setdefault(size, []).append(math.log(r["ratio"]))
    return {size: (math.exp(sum(v) / len(v)), len(v))
            for size, v in sorted(logs.items(), key=lambda kv: list(GEOMEAN_TARGETS).index(kv[0]))}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", default=",".join(GROUPS),
                   help=f"comma-separated groups out of {','.join(GROUPS)}")
    p.add_argument("--repeat", type=int, default=None, help="repeats per statement (median)")
    p.add_argument("--min-time", type=float, default=None,
                   help="seconds each repeat runs at least (calls are looped)")
    p.add_argument("--import-runs", type=int, default=None)
    p.add_argument("--quick", action="store_true", help="fewer repeats")
    p.add_argument("--json", metavar="PATH", help="write the results as JSON")
    args = p.parse_args(argv)

    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    bad = [g for g in groups if g not in GROUPS]
    if bad:
        p.error(f"unknown group(s) {bad}; choose from {GROUPS}")
    repeat = args.repeat or (3 if args.quick else 7)
    min_time = args.min_time or (0.01 if args.quick else 0.05)
    import_runs = args.import_runs or (3 if args.quick else 9)

    import numpy as np
    import arraycore as ac

    print(f"arraycore {getattr(ac, '__version__', '?')}  vs  numpy {np.__version__}  "
          f"(python {sys.version.split()[0]}, {os.cpu_count()} cpus)")
    print(f"median of {repeat} repeats; ratio = arraycore / numpy (lower is better)\n")
    head = f"{'group':<10} {'benchmark':<58} {'arraycore':>10} {'numpy':>10} {'ratio':>7}  target"
    print(head)
    print("-" * len(head))
    results = []

    def report(group, name, t_ac, t_np, target=None, aim=None, note=""):
        ratio = t_ac / t_np if t_ac and t_np else None
        ok = "" if target is None or ratio is None else ("  ok" if ratio <= target else "  MISSED")
        r = "-" if ratio is None else f"{ratio:7.2f}"
        print(f"{group:<10} {name:<58} {fmt_time(t_ac):>10} {fmt_time(t_np):>10} {r:>7}  "
              f"{target_text(target, aim)}{ok}{note}", flush=True)
        results.append(dict(group=group, name=name, arraycore_s=t_ac, numpy_s=t_np,
                            ratio=ratio, target=target, aim=aim,
                            met=None if target is None or ratio is None else ratio <= target))

    t_start = time.perf_counter()
    for group, name, setup, s_ac, s_np, target, aim in BENCHMARKS:
        if group not in groups:
            continue
        g_ac, g_np = setup(ac, np)
        try:
            t_ac, t_np = time_pair(s_ac, g_ac, s_np, g_np, repeat, min_time)
        except Exception as exc:       # report and go on: a benchmark, not a test
            print(f"{group:<10} {name:<58} failed: {type(exc).__name__}: {exc}")
            results.append(dict(group=group, name=name, error=repr(exc)))
            continue
        finally:
            del g_ac, g_np
        report(group, name, t_ac, t_np, target, aim)

    if "constant" in groups:
        for name, s_ac, s_np in CONSTANT:
            times = {}
            for size in (10, 10_000_000):
                g_ac, g_np = constant_setup(size)(ac, np)
                try:
                    times[size] = time_pair(s_ac, g_ac, s_np, g_np, repeat, min_time)
                except Exception as exc:
                    print(f"{'constant':<10} {name} n={size}: failed: {type(exc).__name__}: {exc}")
                    times[size] = (None, None)
                del g_ac, g_np
            for size, (t_ac, t_np) in times.items():
                report("constant", f"{name.split(' / ')[0]} n={size:,}", t_ac, t_np)
            small, big = times[10][0], times[10_000_000][0]
            if small and big:
                growth = big / small
                print(f"{'':<10} {'-> arraycore time n=10M / n=10':<58} {'':>10} {'':>10} "
                      f"{growth:7.2f}  ~1 (constant time){'  ok' if growth < 2 else '  MISSED'}")
                results.append(dict(group="constant", name=name + " growth 10M/10",
                                    ratio=growth, target=2.0, met=growth < 2))

    if "threads" in groups:
        import threading

        def run_threads(mod, arrays):
            def work(x):
                for _ in range(3):
                    mod.exp(x)
            ts = [threading.Thread(target=work, args=(x,)) for x in arrays]
            t0 = time.perf_counter()
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            return time.perf_counter() - t0

        rng = np.random.default_rng(0)
        n1, n2 = rng.random(10_000_000), rng.random(10_000_000)
        # the GIL is released: measured with arraycore's own pool at 1 thread,
        # else the one-thread baseline already runs on both cores
        pool = ac.get_num_threads()
        ac.set_num_threads(1)
        for label, mod, arrays in (("arraycore", ac, (ac.asarray(n1), ac.asarray(n2))),
                                   ("numpy", np, (n1, n2))):
            one = min(run_threads(mod, arrays[:1]) for _ in range(repeat))
            two = min(run_threads(mod, arrays) for _ in range(repeat))
            ratio = two / (2 * one)
            target = 0.65 if label == "arraycore" else None
            ok = "" if target is None else ("  ok" if ratio <= target else "  MISSED")
            print(f"{'threads':<10} {label + ': 2 threads exp 10M / (2 x 1 thread)':<58} "
                  f"{fmt_time(two):>10} {fmt_time(one):>10} {ratio:7.2f}  "
                  f"{'<= 0.65' if target else ''}{ok}", flush=True)
            results.append(dict(group="threads", name=label, two_threads_s=two,
                                one_thread_s=one, ratio=ratio, target=target,
                                met=None if target is None else ratio <= target))
        ac.set_num_threads(pool)

    if "import" in groups:
        try:
            base = import_time(None, import_runs)
            t_ac = import_time("arraycore", import_runs)
            t_np = import_time("numpy", import_runs)
        except RuntimeError as exc:
            print(f"{'import':<10} failed: {exc}")
        else:
            note = ("   [editable install: the import includes meson-python's rebuild "
                    "check; measure an installed wheel]" if editable_install_note() else "")
            report("import", 'python -c "import X" (process, min)', t_ac, t_np, 0.5, None,
                   note)
            report("import", "  the same minus `python -c pass`", t_ac - base, t_np - base)

    geomeans = size_geomeans(results)
    if geomeans:
        print()
        for size, (g, k) in geomeans.items():
            target = GEOMEAN_TARGETS[size]
            print(f"{'geomean':<10} {f'{size} cases ({k})':<58} {'':>10} {'':>10} {g:7.2f}  "
                  f"<= {target}{'  ok' if g <= target else '  MISSED'}")
    print(f"\ntotal {time.perf_counter() - t_start:.1f} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(arraycore=getattr(ac, "__version__", None), numpy=np.__version__,
                           results=results,
                           geomeans={k: v[0] for k, v in geomeans.items()}), f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
