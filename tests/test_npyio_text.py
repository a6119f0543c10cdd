"""loadtxt (the C parser and the Python path), savetxt, genfromtxt and
tofile/fromfile against NumPy: the same arrays from the same text, the same
text from the same arrays, errors where NumPy errs."""
import gzip
import io
import math
import struct
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from _helpers import DTYPE_NAMES, IS_NUMPY, pairs, shapes, xp

pytestmark = pytest.mark.arraycore_only


def same(x, n):
    assert isinstance(x, xp.ndarray), type(x)
    assert tuple(x.shape) == n.shape, (x.shape, n.shape)
    assert np.dtype(x.dtype.str) == n.dtype, (x.dtype, n.dtype)
    assert np.asarray(x).tobytes() == np.ascontiguousarray(n).tobytes()


def both(text, **kw):
    """(arraycore result or exception type, NumPy result or exception type)."""
    out = []
    for lib in (xp, np):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if lib is np and np.lib.NumpyVersion(np.__version__) < "2.3.0" and \
                        np.dtype(kw.get("dtype", float)).kind in "iu":
                    # NumPy < 2.3 (Python 3.10's newest is 2.2) only warns with a
                    # DeprecationWarning where newer NumPy raises (an integer
                    # column holding "1.0", "1e3" or an out-of-range value):
                    # arraycore raises as newer NumPy does, so that warning
                    # counts as NumPy's ValueError here (bool columns keep
                    # the warning in newer NumPy too)
                    warnings.simplefilter("error", DeprecationWarning)
                out.append(lib.loadtxt(io.StringIO(text), **kw))
        except (ValueError, TypeError) as e:
            out.append(type(e))
        except DeprecationWarning:
            out.append(ValueError)
    return out


def check_both(text, **kw):
    a, n = both(text, **kw)
    if n is ValueError or n is TypeError:
        assert a is n, f"NumPy raised {n}, arraycore gave {a!r}"
    else:
        assert not isinstance(a, type), f"arraycore raised {a}, NumPy gave {n!r}"
        same(a, n)


# ---------------------------------------------------------------- numbers

finite = st.floats(allow_nan=False, allow_infinity=False)


@given(st.lists(st.floats(), min_size=1, max_size=30),
       st.sampled_from(["%r", "%.18e", "%.17g", "%.6f", "%g", "%.3e", "%.25e"]))
def test_floats_bit_exact(values, fmt):
    text = "\n".join((repr(v) if fmt == "%r" else fmt % v) for v in values)
    check_both(text)


@given(st.lists(st.integers(0, 2 ** 64 - 1), min_size=1, max_size=10),
       st.integers(-400, 400), st.booleans())
def test_long_mantissas_and_exponents(mants, exp, neg):
    text = "\n".join(f"{'-' if neg else ''}{m}e{exp}" for m in mants)
    text += "\n0.000000000000000000000000000123456789012345678901234567e5"
    check_both(text)


@pytest.mark.parametrize("s", ["inf", "-inf", "nan", "-nan", "+1.5", ".5", "5.", "1E5",
                               "1e-400", "1e400", "4.9406564584124654e-324",
                               "2.2250738585072011e-308", "1.7976931348623157e308",
                               "9007199254740993", "0.1", "1_0", "0x10", "1e", "e5", "",
                               "--1", "1.2.3", "  3.5  ", "Infinity", "1d5", "١"])
def test_float_spellings(s):
    check_both(s + "\n2\n" if s.strip() else "2\n,\n", delimiter=",")


@pytest.mark.parametrize("name", [n for n in DTYPE_NAMES if n[0] in "iub"])
@given(vals=st.lists(st.integers(-2 ** 65, 2 ** 65), min_size=1, max_size=8))
@settings(max_examples=25)
def test_integers_range_checked(name, vals):
    check_both(" ".join(str(v) for v in vals), dtype=name)


@pytest.mark.parametrize("s", ["1.0", "+5", "-0", "07", " 12 ", "1e3", "0x1", "", "-"])
@pytest.mark.parametrize("name", ["int8", "uint16", "int64", "uint64", "bool"])
def test_integer_spellings(s, name):
    check_both(s + ",1", delimiter=",", dtype=name)


@pytest.mark.parametrize("s", ["1+2j", "(1+2j)", "3", "4j", "-j", "1e3-2.5j", "-1-1j",
                               "1.5e-3+4e+2j", "nan+infj", "(3)", "1+2J", "j", "+j",
                               "1+j", "2e-j", "()", "(1+2j"])
def test_complex_spellings(s):
    check_both(s + " 1", dtype="complex128")


@given(st.lists(st.complex_numbers(allow_nan=False, allow_infinity=False),
                min_size=1, max_size=10))
def test_complex_roundtrip(values):
    text = " ".join(repr(v) for v in values)
    check_both(text, dtype=complex)


@pytest.mark.parametrize("name", ["float16", "float32", "complex64"])
def test_narrow_float_dtypes(name):
    check_both("0.1 1e10 3.4028235e38 70000 -2.5e-8", dtype=name)


# ------------------------------------------------------------- structure

@st.composite
def tables(draw):
    nrows = draw(st.integers(0, 6))
    ncols = draw(st.integers(1, 5))
    vals = draw(st.lists(st.lists(st.integers(-999, 999), min_size=ncols, max_size=ncols),
                         min_size=nrows, max_size=nrows))
    return vals


@given(tbl=tables(),
       delim=st.sampled_from([None, ",", ";", "\t", " ", "|"]),
       pad=st.sampled_from(["", " ", "  "]),
       comments=st.sampled_from([None, "#", "//", ("#", "%")]),
       extra=st.lists(st.sampled_from(["", "# note", "   ", "% pct", "// sl"]), max_size=3),
       skiprows=st.integers(0, 3), max_rows=st.one_of(st.none(), st.integers(0, 4)),
       ndmin=st.sampled_from([0, 1, 2]), unpack=st.booleans(),
       dtype=st.sampled_from(["float64", "int64", "int16", "float32", "uint8"]),
       crlf=st.booleans())
def test_tables_match_numpy(tbl, delim, pad, comments, extra, skiprows, max_rows, ndmin,
                            unpack, dtype, crlf):
    sep = " " if delim is None else delim
    if delim == " ":
        pad = ""
    lines = [sep.join(f"{pad}{v}{pad}" for v in row) for row in tbl]
    for i, e in enumerate(extra):
        lines.insert(min(i * 2, len(lines)), e)
    text = ("\r\n" if crlf else "\n").join(lines)
    check_both(text, delimiter=delim, comments=comments, skiprows=skiprows,
               max_rows=max_rows, ndmin=ndmin, unpack=unpack, dtype=dtype)


@given(tbl=tables(), usecols=st.one_of(
    st.integers(-6, 6), st.lists(st.integers(-6, 6), min_size=1, max_size=4)))
def test_usecols_match_numpy(tbl, usecols):
    text = "\n".join(",".join(str(v) for v in row) for row in tbl)
    check_both(text, delimiter=",", usecols=usecols)


def test_ragged_rows_and_usecols():
    check_both("1,2\n3", delimiter=",")
    check_both("1,2\n3,4,5", delimiter=",", usecols=(0, -1))
    check_both("1,2,\n3,4,", delimiter=",")
    check_both("1  2", delimiter=" ")


def test_empty_input_warns():
    for text in ["", "# only a comment\n\n"]:
        with pytest.warns(UserWarning, match="no data"):
            a = xp.loadtxt(io.StringIO(text))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            n = np.loadtxt(io.StringIO(text))
        same(a, n)
    with pytest.warns(UserWarning):
        a = xp.loadtxt(io.StringIO(""), ndmin=2)
    assert a.shape == (0, 1)


def test_sources(tmp_path):
    n = np.arange(12.0).reshape(4, 3)
    p = tmp_path / "t.txt"
    np.savetxt(p, n)
    same(xp.loadtxt(p), n)
    same(xp.loadtxt(str(p)), n)
    with open(p, "rb") as f:
        same(xp.loadtxt(f), n)
    with open(p) as f:
        same(xp.loadtxt(f), n)
    same(xp.loadtxt(["1 2", "3 4"]), np.array([[1.0, 2.0], [3.0, 4.0]]))
    same(xp.loadtxt([b"1 2\n", b"3 4\n"]), np.array([[1.0, 2.0], [3.0, 4.0]]))
    g = tmp_path / "t.txt.gz"
    with gzip.open(g, "wt") as f:
        f.write("1 2\n3 4\n")
    same(xp.loadtxt(g), np.array([[1.0, 2.0], [3.0, 4.0]]))
    u = tmp_path / "u16.txt"
    u.write_text("1,2\n3,4\n", encoding="utf-16")
    same(xp.loadtxt(u, delimiter=",", encoding="utf-16"),
         np.loadtxt(u, delimiter=",", encoding="utf-16"))


def test_converters_and_quotechar():
    text = '"1,5";2\n"3";4\n'
    same(xp.loadtxt(io.StringIO(text), delimiter=";", quotechar='"',
                    converters={0: lambda s: float(s.replace(",", "."))}),
         np.loadtxt(io.StringIO(text), delimiter=";", quotechar='"',
                    converters={0: lambda s: float(s.replace(",", "."))}))
    same(xp.loadtxt(io.StringIO("1 2\n3 4"), converters=lambda s: float(s) * 2),
         np.loadtxt(io.StringIO("1 2\n3 4"), converters=lambda s: float(s) * 2))


def test_bad_arguments():
    with pytest.raises(ValueError):
        xp.loadtxt(io.StringIO("1"), ndmin=3)
    with pytest.raises(ValueError):
        xp.loadtxt(io.StringIO("1"), comments="")
    with pytest.raises(TypeError):
        xp.loadtxt(io.StringIO("1"), dtype="U3")
    with pytest.raises(ValueError, match="line 2, column 2"):
        xp.loadtxt(io.StringIO("1 2\n3 x\n"))
    with pytest.raises(ValueError, match="invalid column index"):
        xp.loadtxt(io.StringIO("1 2\n3 4\n"), usecols=5)
    with pytest.raises(FileNotFoundError):
        xp.loadtxt("/nonexistent/dir/file.txt")


# ------------------------------------------------------------------ savetxt

@given(pair=pairs(dtype_names=["float64", "float32", "int32", "uint8", "int64", "bool"],
                  shape=shapes(min_dims=1, max_dims=2, min_side=1, max_side=4)),
       fmt=st.sampled_from(["%.18e", "%d", "%s", "%.3f", "%10.4g"]),
       delimiter=st.sampled_from([" ", ",", "\t", " | "]))
def test_savetxt_matches_numpy(pair, fmt, delimiter):
    n, x = pair
    f1, f2 = io.BytesIO(), io.BytesIO()
    try:
        np.savetxt(f1, n, fmt=fmt, delimiter=delimiter)
    except (TypeError, ValueError, OverflowError) as e:
        with pytest.raises(type(e)):
            xp.savetxt(f2, x, fmt=fmt, delimiter=delimiter)
        return
    if fmt == "%s" and n.dtype.kind == "f" and n.dtype.itemsize < 8:
        return   # str() of a NumPy float32 scalar vs of the Python float it holds
    xp.savetxt(f2, x, fmt=fmt, delimiter=delimiter)
    assert f2.getvalue() == f1.getvalue()


def test_savetxt_options(tmp_path):
    n = np.arange(6.0).reshape(2, 3)
    x = xp.asarray(n)
    for kw in [dict(header="a b c\nsecond"), dict(footer="end", comments="% "),
               dict(fmt=["%d", "%.2f", "%e"], delimiter=","), dict(fmt="%d,%d;%d"),
               dict(newline="\r\n", header="h"), dict(fmt="%.1f", delimiter=",")]:
        f1, f2 = io.StringIO(), io.StringIO()
        np.savetxt(f1, n, **kw)
        xp.savetxt(f2, x, **kw)
        assert f2.getvalue() == f1.getvalue(), kw
    c = np.array([[1 + 2j, -3.5j]])
    for kw in [{}, dict(fmt="%.3e"), dict(fmt="%.2f%+.2fj %.2f%+.2fj")]:
        f1, f2 = io.BytesIO(), io.BytesIO()
        np.savetxt(f1, c, **kw)
        xp.savetxt(f2, xp.asarray(c), **kw)
        assert f2.getvalue() == f1.getvalue(), kw
    p1, p2 = tmp_path / "a.txt.gz", tmp_path / "b.txt"
    xp.savetxt(p1, x)
    np.savetxt(p2, n)
    assert gzip.open(p1).read() == p2.read_bytes()
    with pytest.raises(ValueError, match="1D or 2D"):
        xp.savetxt(io.BytesIO(), xp.zeros((2, 2, 2)))
    with pytest.raises(ValueError):
        xp.savetxt(io.BytesIO(), x, fmt="%d %d")


def test_savetxt_loadtxt_roundtrip(tmp_path):
    n = np.random.default_rng(3).standard_normal((50, 7))
    p = tmp_path / "r.csv"
    xp.savetxt(p, xp.asarray(n), delimiter=",")
    same(xp.loadtxt(p, delimiter=","), n)
    assert np.array_equal(np.loadtxt(p, delimiter=","), n)


# --------------------------------------------------------- tofile/fromfile

@given(pair=pairs(shape=shapes(max_dims=3, max_side=4)))
@settings(max_examples=40)
def test_tofile_binary_matches_numpy(tmp_path_factory, pair):
    n, x = pair
    d = tmp_path_factory.mktemp("tf")
    x.tofile(d / "a.bin")
    xp.tofile(x, d / "c.bin")
    n.tofile(d / "b.bin")
    assert (d / "a.bin").read_bytes() == (d / "b.bin").read_bytes()
    assert (d / "c.bin").read_bytes() == (d / "b.bin").read_bytes()
    flat = np.fromfile(d / "b.bin", dtype=n.dtype)
    same(xp.fromfile(d / "a.bin", dtype=x.dtype), flat)


@pytest.mark.parametrize("name", ["float64", "int32", "uint8", "complex128", "bool",
                                  "float32"])
@pytest.mark.parametrize("sep", [",", " ", "\n", " ; "])
def test_tofile_text_matches_numpy(tmp_path, name, sep):
    n = (np.arange(-3, 7) * 1.25 + (1j if name.startswith("c") else 0)).astype(name)
    n[2] = n[3] if name == "bool" else n[2]
    xp.asarray(n).tofile(tmp_path / "a.txt", sep=sep)
    n.tofile(tmp_path / "b.txt", sep=sep)
    assert (tmp_path / "a.txt").read_text() == (tmp_path / "b.txt").read_text()
    if name[0] not in "cb":
        same(xp.fromfile(tmp_path / "b.txt", dtype=name, sep=sep),
             np.fromfile(tmp_path / "b.txt", dtype=name, sep=sep))
    xp.asarray(n).tofile(tmp_path / "f.txt", sep=sep, format="%.3f" if name[0] != "c"
                         else "%s")
    n.tofile(tmp_path / "g.txt", sep=sep, format="%.3f" if name[0] != "c" else "%s")
    assert (tmp_path / "f.txt").read_text() == (tmp_path / "g.txt").read_text()


def test_fromfile_count_offset(tmp_path):
    n = np.arange(20, dtype="<i4")
    p = tmp_path / "a.bin"
    n.tofile(p)
    for kw in [dict(count=5), dict(offset=8), dict(offset=8, count=3), dict(count=-1),
               dict(count=0), dict(count=50), dict(offset=76, count=3)]:
        same(xp.fromfile(p, dtype="int32", **kw), np.fromfile(p, dtype="int32", **kw))
    with open(p, "rb") as f:
        a = xp.fromfile(f, dtype="int32", count=4)
        b = xp.fromfile(f, dtype="int32", count=4)
    same(b, n[4:8])
    same(a, n[:4])
    with pytest.raises(TypeError, match="binary"):
        xp.fromfile(p, sep=",", offset=3)
    t = tmp_path / "t.txt"
    t.write_text("1, 2,3 ,4")
    same(xp.fromfile(t, sep=",", count=2), np.fromfile(t, sep=",", count=2))
    same(xp.fromfile(t, sep=","), np.fromfile(t, sep=","))


# --------------------------------------------------------------- genfromtxt

@pytest.mark.parametrize("text,kw", [
    ("1,2,3\n4,,6\n7,8,", dict(delimiter=",")),
    ("1,N/A,3\n4,5,6", dict(delimiter=",", missing_values="N/A")),
    ("1,N/A,3\n4,5,6", dict(delimiter=",", missing_values="N/A", filling_values=-9)),
    ("1,,3\n,5,6", dict(delimiter=",", filling_values=[10, 20, 30])),
    ("1,,3\n,5,6", dict(delimiter=",", filling_values={0: 100, 1: 200})),
    ("1,?,3\n4,5,x", dict(delimiter=",", missing_values={1: "?", 2: "x"})),
    ("# head\n1 2\n3 4\n5 6\n", dict(skip_header=1, skip_footer=1)),
    ("1,2\n3,\n5,6", dict(delimiter=",", dtype=int)),
    ("1,2\n3,\n5,6", dict(delimiter=",", dtype=int, filling_values=0)),
    ("1,2,3\n4,5,6", dict(delimiter=",", usecols=(0, 2))),
    ("1,2,3\n4,5,6\n7,8,9", dict(delimiter=",", max_rows=2)),
    ("1 2\n3 4", dict(unpack=True)),
    ("1 2\n3 4", dict(dtype=None)),
    ("1, 2\n3, 4", dict(delimiter=",", autostrip=True)),
    ("1,2\n3,4,5\n6,7", dict(delimiter=",", invalid_raise=False)),
    ("1,x,3\n4,abc,6", dict(delimiter=",")),
    ("1,x,3\n4,abc,6", dict(delimiter=",", dtype=int, filling_values=9)),
])
def test_genfromtxt_matches_numpy(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = xp.genfromtxt(io.StringIO(text), **kw)
        n = np.genfromtxt(io.StringIO(text), **kw)
    same(a, n)


def test_genfromtxt_errors():
    with pytest.raises(ValueError, match="errors were detected"):
        xp.genfromtxt(io.StringIO("1,2\n3,4,5"), delimiter=",")
    with pytest.raises(TypeError, match="structured"):
        xp.genfromtxt(io.StringIO("a b\n1 2"), names=True)
    with pytest.raises(TypeError, match="structured"):
        xp.genfromtxt(io.StringIO("1 2.5\n3 4.5"), dtype=None)
    with pytest.raises(ValueError, match="could not convert"):
        xp.genfromtxt(io.StringIO("1 x\n3 4"), loose=False)
    with pytest.raises(ValueError):
        np.genfromtxt(io.StringIO("1 x\n3 4"), loose=False)


@given(rows=st.lists(st.lists(st.one_of(
    st.floats().map(repr), st.floats(allow_nan=False).map(lambda v: "%.18e" % v),
    st.sampled_from(["inf", "-nan", "1e", "", "x", "1.5.2", "+.5", "-0", "  7 ", "\t8",
                     "12345678901234567890123", "1e-400", "0.1e-320"])),
    min_size=3, max_size=3), min_size=1, max_size=5),
    delim=st.sampled_from([None, ",", "\t", ";"]))
def test_mixed_fields_fast_and_slow_paths(rows, delim):
    # the one-pass float path hands any unusual field (and its row) to the
    # general path: results and errors must not depend on which path ran
    sep = " " if delim is None else delim
    text = "\n".join(sep.join(r) for r in rows)
    check_both(text, delimiter=delim)


@given(rows=st.lists(st.lists(st.one_of(st.integers(-99, 99).map(str),
                                        st.floats(-1e3, 1e3).map(repr),
                                        st.sampled_from(["", "NA", " ", "?"])),
                              min_size=3, max_size=3), min_size=1, max_size=6),
       missing=st.sampled_from([None, "NA", "NA,?", ["?", "NA", ""]]),
       filling=st.sampled_from([None, 0, -5.5, [1, 2, 3], {1: 7}]),
       dtype=st.sampled_from([float, "float32"]))
def test_genfromtxt_missing_values_match_numpy(rows, missing, filling, dtype):
    text = "\n".join(",".join(r) for r in rows)

    def run(lib):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return lib.genfromtxt(io.StringIO(text), delimiter=",", dtype=dtype,
                                      missing_values=missing, filling_values=filling)
        except ValueError:
            return ValueError

    a, n = run(xp), run(np)
    if n is ValueError:
        assert a is ValueError
    else:
        assert not isinstance(a, type), a
        same(a, n)
