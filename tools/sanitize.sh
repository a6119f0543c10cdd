#!/usr/bin/env bash
# tools/sanitize.sh -- build arraycore with AddressSanitizer and
# UndefinedBehaviorSanitizer (meson's b_sanitize=address,undefined) into a
# separate virtual environment and run the test suite under it; any sanitizer
# report fails the run (exit 1), even one from a subprocess whose test passed.
#
#   tools/sanitize.sh                      # the whole suite
#   tools/sanitize.sh tests/test_ufunc.py  # pytest arguments: a subset
#
# Environment: PYTHON (default python3), AC_SANITIZE_DIR (default
# ./build-sanitize: the venv, the meson build dir, the reports),
# ARRAYCORE_FUZZ_CALLS (the fuzz test's share; default here 5000),
# AC_SANITIZE_VENV (install into this existing venv, which has the test
# dependencies, instead of making one on PYTHON's site-packages),
# AC_SANITIZE_SKIP_BUILD=1 (run on the existing instrumented build).
# How it works: the interpreter itself is not instrumented, so libasan is
# LD_PRELOADed (its runtime must come first) and PYTHONMALLOC=malloc routes
# every Python allocation through malloc, where ASan sees it.  Leak detection
# is off (the interpreter keeps memory until exit); huge allocations return
# NULL (MemoryError) instead of aborting, as without ASan.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PY="${PYTHON:-python3}"
DIR="${AC_SANITIZE_DIR:-$ROOT/build-sanitize}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
VENV="$DIR/venv"
LOGS="$DIR/reports"
t0=$(date +%s)

if [ -n "${AC_SANITIZE_VENV:-}" ]; then
    # an existing virtual environment that holds the test dependencies
    # (.ci/run's for one interpreter): the instrumented build goes into it
    VENV="$(cd "$AC_SANITIZE_VENV" && pwd)"
elif [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv --system-site-packages "$VENV"
fi
# numpy, pytest, hypothesis, meson come from the base interpreter (CI installs
# ".[test]" there first) or from AC_SANITIZE_VENV; arraycore itself is built
# here, instrumented.
if [ -z "${AC_SANITIZE_SKIP_BUILD:-}" ]; then     # set it to reuse the last build
    "$VENV/bin/python" -m pip install --no-build-isolation --no-deps --force-reinstall \
        -Csetup-args=-Db_sanitize=address,undefined \
        -Csetup-args=-Dc_args=-fno-sanitize-recover=all \
        -Cbuild-dir="$DIR/build" "$ROOT"
fi
t1=$(date +%s)
echo "== sanitizer build: $((t1 - t0)) s"

CC="$("$VENV/bin/python" -c 'import sysconfig; print((sysconfig.get_config_var("CC") or "cc").split()[0])')"
ASAN_LIB="$("$CC" -print-file-name=libasan.so)"
if [ ! -e "$ASAN_LIB" ]; then
    echo "libasan.so not found (compiler $CC)" >&2
    exit 2
fi
# libstdc++ is preloaded too: ASan's __cxa_throw interceptor looks the real
# one up when it starts, and without it a C++ extension loaded later
# (matplotlib's ft2font) aborts at its first exception
STDCXX_LIB="$("$CC" -print-file-name=libstdc++.so.6)"
[ -e "$STDCXX_LIB" ] || STDCXX_LIB=""
rm -rf "$LOGS"
mkdir -p "$LOGS"
export LD_PRELOAD="$ASAN_LIB${STDCXX_LIB:+ $STDCXX_LIB}${LD_PRELOAD:+ $LD_PRELOAD}"
export PYTHONMALLOC=malloc
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:halt_on_error=1:abort_on_error=1:verify_asan_link_order=0:log_path=$LOGS/asan:log_exe_name=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$LOGS/ubsan"
export ARRAYCORE_FUZZ_CALLS="${ARRAYCORE_FUZZ_CALLS:-5000}"
# instrumented code runs about 3x slower: timing tests (Ctrl-C latency) scale
# their bounds by this
export ARRAYCORE_TEST_TIME_SCALE="${ARRAYCORE_TEST_TIME_SCALE:-4}"
# ASan reserves terabytes of address space: no address-space limit in the fuzz workers
export ARRAYCORE_FUZZ_RLIMIT_GB=""
if [ "$#" -eq 0 ]; then
    set -- "$ROOT/tests"
fi
# run from outside the clone so that ./arraycore (the sources) cannot shadow
# the instrumented installation
status=0
(cd "$DIR" && "$VENV/bin/python" -m pytest -p no:cacheprovider -q "$@") || status=$?
t2=$(date +%s)
echo "== sanitized suite: $((t2 - t1)) s (exit $status)"

# a report is an ERROR of ASan or a UBSan "runtime error"; ASan's WARNINGs
# (a huge allocation refused with allocator_may_return_null: MemoryError)
# are not
reports=$(grep -l -E "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" -r "$LOGS" | sort || true)
if [ -n "$reports" ]; then
    echo "== SANITIZER REPORTS:"
    for f in $reports; do
        echo "---- $f"
        head -60 "$f"
    done
    exit 1
fi
echo "== no sanitizer reports"
exit "$status"
