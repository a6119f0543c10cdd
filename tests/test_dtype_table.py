"""The one dtype table (tools/dtype_table.py) and the pieces generated from it:
the C enumeration ACX_* (ac_dtypes.h), the Cython declarations, the _dtype
data, the cast table (gen_casts.py) and the ufunc loops (gen_loops.py) must
agree with the table as seen from Python."""
import importlib.util
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

import arraycore as ac
from arraycore import _dtype

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "tools")


def _load_table():
    spec = importlib.util.spec_from_file_location(
        "dtype_table", os.path.join(TOOLS, "dtype_table.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


T = _load_table()
DTYPES = T.DTYPES


def test_table_shape():
    assert len(DTYPES) == len(_dtype._TABLE) == len(_dtype._ACX)
    assert T.CHARS == "".join(d.char for d in DTYPES)
    # promotion order: bool, then integers, then floats, then complex
    rank = [{"b": 0, "i": 1, "u": 1, "f": 2, "c": 3}[d.kind] for d in DTYPES]
    assert rank == sorted(rank)


@pytest.mark.parametrize("i", range(len(DTYPES)), ids=[d.name for d in DTYPES])
def test_dtype_matches_table(i):
    d = DTYPES[i]
    # the dense index and the C type as the compiler saw them (ac_dtypes.h)
    assert _dtype._ACX[i] == i
    assert _dtype._CTYPE_SIZES[i] == d.itemsize
    assert _dtype._TABLE[i][:7] == (d.name, d.kind, d.char, d.itemsize, d.alignment,
                                    d.buffer, d.aliases)
    # the dtype object (generated _dtype_table.pxi)
    dt = ac.dtype(d.name)
    assert dt is getattr(_dtype, d.attr)
    assert dt.name == d.name
    assert dt.kind == d.kind and dt.char == d.char
    assert dt.itemsize == d.itemsize and dt.alignment == d.alignment
    assert dt.num == np.dtype(d.name).num          # NumPy's type numbers
    assert dt.itemsize == np.dtype(d.name).itemsize
    assert dt.alignment == np.dtype(d.name).alignment
    assert _dtype.FORMATS[i] == d.buffer
    for spelling in (d.char,) + d.aliases:
        assert ac.dtype(spelling) is dt, spelling
    if d.kind == "f":
        mant, maxexp = d.finfo
        fi, nfi = ac.finfo(dt), np.finfo(d.name)
        assert (fi.bits, fi.eps, fi.max, fi.smallest_normal) == \
            (nfi.bits, float(nfi.eps), float(nfi.max), float(nfi.smallest_normal))
    if d.kind == "c":
        assert ac.finfo(dt).dtype == ac.dtype(d.component)


@pytest.mark.parametrize("i", range(len(DTYPES)), ids=[d.name for d in DTYPES])
def test_ufunc_loops_use_the_dense_order(i):
    d = DTYPES[i]
    # every type has an add loop; its signature is spelled with the table's chars
    assert f"{d.char}{d.char}->{d.char}" in ac.add.types
    x = ac.ones(3, dtype=d.name)
    r = ac.add(x, x)
    assert r.dtype == ac.dtype(d.name)
    assert np.array_equal(np.asarray(r), np.add(np.ones(3, d.name), np.ones(3, d.name)))


def test_cast_table_uses_the_dense_order():
    # every (source, destination) loop of the generated cast table
    for a in DTYPES:
        src = np.array([0, 1, 3, 1], dtype=a.name)
        x = ac.asarray(src)
        for b in DTYPES:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                want = src.astype(b.name)
                got = x.astype(b.name)
            assert got.dtype == ac.dtype(b.name)
            assert np.array_equal(np.asarray(got), want), (a.name, b.name)


def test_generated_files(tmp_path):
    subprocess.run([sys.executable, os.path.join(TOOLS, "gen_dtypes.py"),
                    "--outdir", str(tmp_path)], check=True)
    files = sorted(os.listdir(tmp_path))
    assert files == ["_dtype_enum.pxi", "_dtype_table.pxi", "ac_dtypes.h"]
    for f in files:
        first = (tmp_path / f).read_text().splitlines()[0]
        assert "generated" in first and "do not edit" in first, f
    h = (tmp_path / "ac_dtypes.h").read_text()
    for i, d in enumerate(DTYPES):
        assert f"ACX_{d.name.upper()} = {i}," in h
    assert f"ACX_NTYPES = {len(DTYPES)}" in h
    assert f'#define ACX_CHARS "{T.CHARS}"' in h
    sizes = ", ".join(str(d.itemsize) for d in DTYPES)
    assert f"#define ACX_ITEMSIZES {{{sizes}}}" in h
