"""Fuzzing in the suite: random calls of public functions, ndarray methods and
operators, ufunc methods and C-API entries with hostile arguments
(tests/_fuzz.py builds them), run in batches in worker subprocesses so that
a crash is caught and reported with its seed, index and call.

- ARRAYCORE_FUZZ_CALLS: calls per run (default 3000: a few seconds; CI runs
  at least 20000).
- ARRAYCORE_FUZZ_SEED: the seed (default: a new one each run, printed).
- One call is reproduced with ``python tests/_fuzz.py SEED INDEX 1 -v``.
"""
import os
import random
import subprocess
import sys

import pytest

ac = pytest.importorskip("arraycore")

HERE = os.path.dirname(os.path.abspath(__file__))
CALLS = int(os.environ.get("ARRAYCORE_FUZZ_CALLS", "3000"))
BATCH = int(os.environ.get("ARRAYCORE_FUZZ_BATCH", "1000"))
SEED = int(os.environ.get("ARRAYCORE_FUZZ_SEED", str(random.SystemRandom().randrange(2 ** 31))))


@pytest.fixture(scope="module")
def capi_path(tmp_path_factory):
    """The C-API test extension, built against the installed package (None
    when the headers are not installed, e.g. an editable install)."""
    import _capi_build as B
    try:
        B.ac_include()
        B.compilers()
    except pytest.skip.Exception:
        return None
    out = tmp_path_factory.mktemp("fuzz_capi")
    target = os.path.join(out, "capi_fuzzmod" + B.ext_suffix())
    B.run_parallel([B.compile_cmd(os.path.join(HERE, "capi_src", "capi_testmod.c"), target,
                                  defines=("MODNAME=capi_fuzzmod",))])
    return target


def _batch(seed, start, count, journal, capi):
    env = dict(os.environ)
    env["ARRAYCORE_FUZZ_JOURNAL"] = journal
    # 3 GB of address space per worker (it needs about 0.3): a hostile size
    # is a MemoryError, not a legitimate 5 GB result that takes longer than a
    # call's 30 s on a loaded machine (seed 1939601455 call 9488: pad by 92)
    env.setdefault("ARRAYCORE_FUZZ_RLIMIT_GB", "3")
    if capi:
        env["ARRAYCORE_FUZZ_CAPI"] = capi
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        r = subprocess.run([sys.executable, os.path.join(HERE, "_fuzz.py"), str(seed),
                            str(start), str(count)], capture_output=True, text=True,
                           env=env, timeout=600,
                           cwd=os.path.dirname(journal))   # files a call writes (a.dump) land there
    except subprocess.TimeoutExpired:
        return "hang (600 s)", _last(journal), ""
    if r.returncode == 0 and f"DONE {count}" in r.stdout:
        return None, None, r.stdout
    what = (f"crash (signal {-r.returncode})" if r.returncode < 0
            else f"exit code {r.returncode}")
    return what, _last(journal), r.stdout + r.stderr[-4000:]


def _last(journal):
    try:
        with open(journal) as f:
            return f.read().strip()
    except OSError:
        return "?"


def test_fuzz(tmp_path, capi_path):
    print(f"\nfuzz seed {SEED}: {CALLS} calls in batches of {BATCH} "
          f"(ARRAYCORE_FUZZ_SEED={SEED} ARRAYCORE_FUZZ_CALLS={CALLS} to repeat)")
    failures = []
    for start in range(0, CALLS, BATCH):
        n = min(BATCH, CALLS - start)
        what, last, out = _batch(SEED, start, n, str(tmp_path / f"journal{start}"), capi_path)
        if what is not None:
            idx = last.split("\n", 1)[0] if last else "?"
            failures.append(f"{what} at call {last!r}\n  reproduce: python tests/_fuzz.py "
                            f"{SEED} {idx} 1 -v\n{out}")
            if len(failures) >= 3:
                break
    assert not failures, "\n\n".join(failures)


def test_fuzz_is_reproducible():
    """A call depends on its seed and index only."""
    import _fuzz

    def desc(i):
        try:
            return _fuzz.make_call(12345, i)[0].split(" at 0x")[0]
        except Exception as e:          # the worker skips such calls the same way
            return f"build failed: {type(e).__name__}"
    a = [desc(i) for i in range(200)]
    assert a == [desc(i) for i in range(200)]
    assert len(set(a)) > 150
