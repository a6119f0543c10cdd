"""What `import arraycore` loads (issue 11): the NumPy-named functions
(_np_*.py), the file functions (_npyio, _npy_format), the NumPy protocols
(_numpy_interop), pickle and the subpackages are loaded on first use, while
dir(arraycore), `from arraycore import *` and NumPy's dispatch stay complete."""
import importlib
import subprocess
import sys

import pytest

import arraycore as ac

pytestmark = pytest.mark.arraycore_only

LAZY = ["arraycore._np_shape", "arraycore._np_logic", "arraycore._np_create",
        "arraycore._np_pad", "arraycore._np_stats", "arraycore._np_math",
        "arraycore._np_select", "arraycore._np_kernels", "arraycore._npyio",
        "arraycore._npy_format", "arraycore._numpy_interop", "arraycore.lib",
        "arraycore.fft", "arraycore.linalg", "arraycore.random", "numpy", "pickle", "zipfile"]


def _run(code):
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_import_loads_none_of_the_lazy_modules():
    # what the import adds to what the interpreter (site, .pth hooks) had
    out = _run("import sys; before = set(sys.modules); import arraycore; "
               "print(' '.join(sorted(set(sys.modules) - before)))")
    loaded = set(out.split())
    assert "arraycore._core" in loaded
    assert not loaded & set(LAZY), sorted(loaded & set(LAZY))


def test_lazy_table_is_each_modules_all():
    for mod, names in ac._LAZY_MODULES.items():
        m = importlib.import_module("arraycore." + mod)
        assert names.split() == list(m.__all__), mod
        for n in names.split():
            assert getattr(ac, n) is getattr(m, n), n


def test_first_use_loads_the_module_and_binds_its_names():
    out = _run("import sys, arraycore as ac\n"
               "assert 'arraycore._np_pad' not in sys.modules\n"
               "p = ac.pad\n"
               "assert 'arraycore._np_pad' in sys.modules\n"
               "assert 'pad' in vars(ac) and ac.pad is p\n"
               "assert 'arraycore._np_math' not in sys.modules\n"
               "print(ac.pad(ac.arange(2), 1).tolist(), ac.save.__module__)")
    assert out.split("\n")[0] == "[0, 0, 1, 0] arraycore._npyio"


def test_dir_and_star_import_are_complete():
    out = _run("import arraycore as ac\n"
               "names = set(dir(ac))\n"
               "ns = {}\n"
               "exec('from arraycore import *', ns)\n"
               "for mod, lazy in ac._LAZY_MODULES.items():\n"
               "    for n in lazy.split():\n"
               "        assert n in names and n in ns, n\n"
               "for n in ('fft', 'linalg', 'random', 'lib'):\n"
               "    assert n in names\n"
               "public = {n for n in vars(ac) if not n.startswith('_')} - {'fft', 'linalg', "
               "'random', 'lib'}\n"
               "assert public <= set(ns), public - set(ns)\n"
               "print(len(ns))")
    assert int(out) > 300
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        ac.no_such_name       # noqa: B018


def test_numpy_dispatch_works_in_a_fresh_process():
    pytest.importorskip("numpy")
    out = _run("import numpy as np, arraycore as ac\n"
               "a = ac.arange(6.0)\n"
               "r = np.pad(a, 1)\n"
               "c = np.cumsum(a)\n"
               "e = np.einsum('i,i', a, a)\n"
               "s = np.load\n"
               "print(type(r).__module__, type(c).__module__, float(e), r.shape)")
    assert out.split() == ["arraycore._core", "arraycore._core", "55.0", "(8,)"]


def test_round_keeps_both_forms():
    x = ac.asarray([1.25, 2.5, -0.5])
    assert ac.round(x).tolist() == [1.0, 2.0, -0.0]
    assert ac.round(x, 1).tolist() == [1.2, 2.5, -0.5]
    out = ac.empty(3)
    assert ac.round(x, decimals=1, out=out) is out
