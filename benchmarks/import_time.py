"""The time `import arraycore` takes (issue 11), beside `import numpy`.

    python benchmarks/import_time.py [runs]

Runs each import in a fresh interpreter (from /, so the installed package is
the one imported) `runs` times (default 21) and prints the median and the
best of `python -X importtime`'s cumulative time of the top-level package,
and the CPU time of the import (steadier than wall time on a loaded
machine).  The ratio is arraycore's time / NumPy's.  What arraycore loads
lazily (the NumPy-named functions, the file functions, the subpackages,
the NumPy protocols) is not part of this time: see tests/test_import_time.py.
Measure on a regular install: an editable one checks for a rebuild (runs
ninja) on each import, which the wall times then include.
"""
import statistics
import subprocess
import sys

CPU = ("import time; t = time.process_time(); import {m}; "
       "print(time.process_time() - t)")


def importtime_us(module):
    r = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                       capture_output=True, text=True, cwd="/", check=True)
    for line in r.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == module:
            return int(parts[1])
    raise RuntimeError(f"no importtime line for {module}")


def cpu_ms(module):
    r = subprocess.run([sys.executable, "-c", CPU.format(m=module)],
                       capture_output=True, text=True, cwd="/", check=True)
    return float(r.stdout) * 1e3


def main(runs):
    res = {}
    for module in ("arraycore", "numpy"):
        wall = [importtime_us(module) / 1e3 for _ in range(runs)]
        cpu = [cpu_ms(module) for _ in range(runs)]
        res[module] = statistics.median(wall)
        print(f"import {module:9s}: -X importtime median {statistics.median(wall):7.2f} ms "
              f"(best {min(wall):6.2f}), CPU median {statistics.median(cpu):7.2f} ms  "
              f"({runs} runs)")
    print(f"ratio arraycore / numpy (median wall): {res['arraycore'] / res['numpy']:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
