"""save/load, savez/NpzFile, memory maps and NumPy's .npy format (versions
1.0, 2.0, 3.0): byte-for-byte agreement with NumPy both ways across dtypes,
byte orders and layouts, and a clear error for every kind of bad file."""
import io
import os
import pickle
import warnings
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from _helpers import DTYPE_NAMES, IS_NUMPY, pairs, shapes, xp

pytestmark = pytest.mark.arraycore_only

fmt = pytest.importorskip("arraycore._npy_format") if not IS_NUMPY else None


def np_bytes(n, **kw):
    f = io.BytesIO()
    np.save(f, n, **kw)
    return f.getvalue()


def ac_bytes(x):
    f = io.BytesIO()
    xp.save(f, x)
    return f.getvalue()


def same(x, n):
    """x (arraycore) equals n (NumPy) in shape, dtype (with byte order) and
    values, NaNs included."""
    assert isinstance(x, xp.ndarray)
    assert tuple(x.shape) == n.shape
    assert np.dtype(x.dtype.str) == n.dtype
    got = np.asarray(x)
    assert got.tobytes() == np.ascontiguousarray(n).tobytes()


# ------------------------------------------------------------ round trips

@given(pairs(shape=shapes(max_dims=4, max_side=4)))
def test_save_matches_numpy_byte_for_byte(pair):
    n, x = pair
    raw = ac_bytes(x)
    assert raw == np_bytes(n)
    back = np.load(io.BytesIO(raw))
    assert back.dtype == n.dtype and back.shape == n.shape
    assert back.tobytes() == np.ascontiguousarray(n).tobytes()


@given(pairs(shape=shapes(max_dims=4, max_side=4)))
def test_load_numpy_file(pair):
    n, _ = pair
    x = xp.load(io.BytesIO(np_bytes(n)))
    same(x, n)
    if n.flags.f_contiguous and not n.flags.c_contiguous:
        assert x.flags.f_contiguous
    assert x.flags.writeable


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("order", ["<", ">"])
@pytest.mark.parametrize("shape", [(), (0,), (3, 0), (5,), (2, 3), (2, 3, 4)])
@pytest.mark.parametrize("layout", ["C", "F"])
def test_every_dtype_order_layout(tmp_path, name, order, shape, layout):
    rng = np.random.default_rng(0)
    n = (rng.standard_normal(shape) * 100).astype(name).astype(np.dtype(name).newbyteorder(order))
    if layout == "F":
        n = np.asfortranarray(n)
    p1, p2 = tmp_path / "ac.npy", tmp_path / "np.npy"
    xp.save(p1, xp.asarray(n))
    np.save(p2, n)
    assert p1.read_bytes() == p2.read_bytes()
    same(xp.load(p2), n)
    m = xp.load(p2, mmap_mode="r")
    same(m, n)


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
@given(pair=pairs(shape=shapes(max_dims=3, max_side=3)))
@settings(max_examples=20)
def test_versions_both_ways(version, pair):
    n, x = pair
    f1, f2 = io.BytesIO(), io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.lib.format.write_array(f1, n, version=version)
        fmt.write_array(f2, x, version=version)
    assert f1.getvalue() == f2.getvalue()
    assert f2.getvalue()[6:8] == bytes(version)
    same(xp.load(io.BytesIO(f1.getvalue())), n)
    back = np.load(io.BytesIO(f2.getvalue()))
    assert back.tobytes() == np.ascontiguousarray(n).tobytes()


def test_header_too_long_for_1_0_switches_to_2_0():
    # a header longer than 65535 bytes (a shape with many long numbers)
    d = {"descr": "<f8", "fortran_order": False, "shape": tuple([10 ** 18] * 4000)}
    with pytest.warns(UserWarning, match="format 2.0"):
        raw = fmt._header_bytes(d)
    assert raw[6:8] == b"\x02\x00"
    assert len(raw) % 64 == 0 and raw.endswith(b"\n")
    if hasattr(np.lib.format, "_wrap_header"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref = np.lib.format._wrap_header(fmt._header_text(d), (2, 0))
        assert raw == ref
    # a 2.0 file NumPy writes with such a header reads back (max_header_size)
    f = io.BytesIO(raw)
    assert fmt.read_magic(f) == (2, 0)
    shape, fortran, descr = fmt.read_array_header_2_0(f, max_header_size=10 ** 7)
    assert shape == d["shape"] and fortran is False and descr == "<f8"


def test_header_layout_rules():
    raw = ac_bytes(xp.zeros((3, 4)))
    assert raw[:6] == b"\x93NUMPY" and raw[6:8] == b"\x01\x00"
    hlen = int.from_bytes(raw[8:10], "little")
    assert (10 + hlen) % 64 == 0
    header = raw[10:10 + hlen].decode("latin1")
    assert header.endswith("\n")
    assert header.startswith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }")


def test_paths_and_suffixes(tmp_path):
    a = xp.arange(5)
    xp.save(tmp_path / "noext", a)
    assert (tmp_path / "noext.npy").exists()
    xp.save(str(tmp_path / "s.npy"), a)
    same(xp.load(str(tmp_path / "s.npy")), np.arange(5))
    xp.savez(tmp_path / "z", a)
    assert (tmp_path / "z.npz").exists()
    with open(tmp_path / "f.npy", "wb") as f:
        xp.save(f, a)
        xp.save(f, a + 1)
    with open(tmp_path / "f.npy", "rb") as f:       # two arrays in one file
        same(xp.load(f), np.arange(5))
        same(xp.load(f), np.arange(5) + 1)
    same(xp.load(tmp_path / "f.npy"), np.arange(5))
    xp.save(tmp_path / "l.npy", [[1.5, 2.5]])       # array-likes are converted
    same(xp.load(tmp_path / "l.npy"), np.array([[1.5, 2.5]]))


# ------------------------------------------------------------ memory maps

def test_mmap_modes(tmp_path):
    p = tmp_path / "m.npy"
    n = np.arange(12.0).reshape(3, 4)
    np.save(p, n)
    r = xp.load(p, mmap_mode="r")
    same(r, n)
    assert not r.flags.writeable
    with pytest.raises((ValueError, TypeError)):
        r[0, 0] = 5.0
    del r
    w = xp.load(p, mmap_mode="r+")
    assert w.flags.writeable
    w[1, 2] = -7.0
    del w
    assert np.load(p)[1, 2] == -7.0
    c = xp.load(p, mmap_mode="c")
    c[0, 0] = 99.0
    assert float(c[0, 0]) == 99.0
    del c
    assert np.load(p)[0, 0] == 0.0


def test_mmap_fortran_empty_0d(tmp_path):
    for n in (np.asfortranarray(np.arange(6, dtype=">i2").reshape(2, 3)),
              np.zeros((0, 5), "c8"), np.array(3.25, "f4")):
        p = tmp_path / "m.npy"
        np.save(p, n)
        m = xp.load(p, mmap_mode="r")
        same(m, n)


def test_open_memmap_create(tmp_path):
    p = tmp_path / "w.npy"
    m = fmt.open_memmap(p, mode="w+", dtype="int32", shape=(4, 2), fortran_order=True)
    m[...] = xp.reshape(xp.arange(8, dtype="int32"), (4, 2))
    del m
    ref = np.arange(8, dtype="int32").reshape(4, 2)
    back = np.load(p)
    assert np.array_equal(back, ref) and back.flags.f_contiguous
    with pytest.raises(ValueError, match="file handles"):
        fmt.open_memmap(io.BytesIO(), mode="r")


def test_mmap_truncated_file(tmp_path):
    p = tmp_path / "t.npy"
    np.save(p, np.arange(100.0))
    raw = p.read_bytes()
    p.write_bytes(raw[:-8])
    with pytest.raises(ValueError, match="truncated"):
        xp.load(p, mmap_mode="r")
    with pytest.raises(ValueError, match="truncated"):
        xp.load(p)


# ------------------------------------------------------------------- .npz

def test_savez_both_ways(tmp_path):
    a, b = np.arange(6.0).reshape(2, 3), np.array([True, False])
    xp.savez(tmp_path / "a.npz", xp.asarray(a), flags=xp.asarray(b))
    xp.savez_compressed(tmp_path / "c.npz", xp.asarray(a), flags=xp.asarray(b))
    for name in ("a.npz", "c.npz"):
        with np.load(tmp_path / name) as z:
            assert sorted(z.files) == ["arr_0", "flags"]
            assert np.array_equal(z["arr_0"], a) and np.array_equal(z["flags"], b)
    with zipfile.ZipFile(tmp_path / "c.npz") as zf:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
        member = zf.read("arr_0.npy")
    assert member == np_bytes(a)
    np.savez(tmp_path / "n.npz", a, flags=b)
    with xp.load(tmp_path / "n.npz") as z:
        assert isinstance(z, xp.NpzFile)
        assert sorted(z.files) == ["arr_0", "flags"]
        assert "arr_0" in z and "arr_0.npy" in z and "nope" not in z
        assert len(z) == 2 and sorted(z) == ["arr_0", "flags"]
        same(z["arr_0"], a)
        same(z.f.flags, b)
        with pytest.raises(KeyError, match="not a file"):
            z["nope"]
        assert dict(z.items()).keys() == {"arr_0", "flags"}
    with pytest.raises(ValueError, match="closed"):
        z["arr_0"]


def test_npz_lazy_and_close(tmp_path):
    p = tmp_path / "z.npz"
    np.savez(p, x=np.arange(3))
    z = xp.load(p)
    assert z.fid is not None
    z.close()
    assert z.fid is None and z.zip is None
    z.close()                       # twice is fine


def test_savez_name_clash():
    with pytest.raises(ValueError, match="arr_0"):
        xp.savez(io.BytesIO(), xp.zeros(1), arr_0=xp.zeros(1))


def test_npz_non_npy_member(tmp_path):
    p = tmp_path / "m.npz"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("notes.txt", b"hello")
    with xp.load(p) as z:
        assert z.files == ["notes.txt"]
        assert z["notes.txt"] == b"hello"


# ----------------------------------------------------------------- errors

def test_object_arrays_refused(tmp_path):
    p = tmp_path / "o.npy"
    np.save(p, np.array([1, "a", None], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle=False"):
        xp.load(p)
    with pytest.raises(ValueError, match="object"):
        xp.load(p, allow_pickle=True)


def test_unsupported_dtypes(tmp_path):
    for n in (np.array(["ab", "c"]), np.zeros(2, "M8[s]"),
              np.zeros(2, [("a", "i4"), ("b", "f8")]), np.zeros(2, "V3")):
        p = tmp_path / "u.npy"
        np.save(p, n)
        with pytest.raises(ValueError, match="not supported|structured"):
            xp.load(p)


def test_not_a_npy_file(tmp_path):
    p = tmp_path / "x.npy"
    p.write_bytes(b"hello world, this is text")
    with pytest.raises(ValueError, match="not a .npy"):
        xp.load(p)
    p.write_bytes(b"")
    with pytest.raises(EOFError):
        xp.load(p)
    p.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(ValueError, match="npz"):
        xp.load(p)


def test_pickle_only_when_allowed(tmp_path):
    p = tmp_path / "p.pkl"
    p.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(ValueError, match="allow_pickle"):
        xp.load(p)
    assert xp.load(p, allow_pickle=True) == {"a": 1}
    p.write_bytes(b"\x80\x04 not a real pickle")
    with pytest.raises(pickle.UnpicklingError):
        xp.load(p, allow_pickle=True)


def _npy_with_header(header, data=b"", version=(1, 0)):
    raw = header.encode("latin1")
    fmt_len = 2 if version == (1, 0) else 4
    return (b"\x93NUMPY" + bytes(version) + len(raw).to_bytes(fmt_len, "little") + raw + data)


@pytest.mark.parametrize("header,match", [
    ("{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}", "newline"),
    ("{'descr': '<f8', 'fortran_order': False}\n", "keys"),
    ("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}\n", "keys"),
    ("{'descr': '<f8', 'fortran_order': 0, 'shape': (2,)}\n", "fortran_order"),
    ("{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,)}\n", "shape"),
    ("{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}\n", "shape"),
    ("{'descr': '<f8', 'fortran_order': False, 'shape': [2]}\n", "shape"),
    ("[1, 2, 3]\n", "dictionary"),
    ("{'descr': '<f8', 'fortran_order': False, 'shape': (2,)\n", "parse"),
    ("__import__('os').system('echo pwned')\n", "parse"),
    ("{'descr': '<q9', 'fortran_order': False, 'shape': (2,)}\n", "not supported"),
])
def test_corrupted_headers(header, match):
    raw = _npy_with_header(header, b"\0" * 16)
    with pytest.raises(ValueError, match=match):
        xp.load(io.BytesIO(raw))


def test_unknown_version_and_bad_magic():
    raw = bytearray(np_bytes(np.arange(3)))
    raw[6] = 9
    with pytest.raises(ValueError, match="version"):
        xp.load(io.BytesIO(bytes(raw)))
    with pytest.raises(ValueError, match="magic"):
        fmt.read_array(io.BytesIO(b"\x93NUMPX\x01\x00" + bytes(raw[8:])))


def test_max_header_size():
    d = {"descr": "<f8", "fortran_order": False, "shape": tuple([1] * 60)}
    raw = fmt._header_bytes(d) + b"\0" * 8
    with pytest.raises(ValueError, match="max_header_size"):
        xp.load(io.BytesIO(raw), max_header_size=100)
    same(xp.load(io.BytesIO(raw), max_header_size=1000), np.zeros([1] * 60))
    same(xp.load(io.BytesIO(raw), allow_pickle=True, max_header_size=100),
         np.zeros([1] * 60))


@given(cut=st.integers(0, 300), name=st.sampled_from(DTYPE_NAMES))
@settings(max_examples=60)
def test_truncated_files_clear_error(cut, name):
    raw = np_bytes(np.ones((4, 5), name))
    if cut >= len(raw):
        return
    with pytest.raises((ValueError, EOFError)):
        xp.load(io.BytesIO(raw[:cut]))


@given(pos=st.integers(0, 127), byte=st.integers(0, 255))
@settings(max_examples=150)
def test_corrupted_bytes_never_crash(pos, byte):
    raw = bytearray(np_bytes(np.arange(6.0).reshape(2, 3)))
    raw[pos] = byte
    try:
        x = xp.load(io.BytesIO(bytes(raw)))
    except (ValueError, EOFError):
        return
    assert isinstance(x, xp.ndarray)


def test_unwritable_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing_dir.a.npy"):
        xp.save(tmp_path / "missing_dir" / "a.npy", xp.zeros(3))
    (tmp_path / "d.npy").mkdir()
    with pytest.raises(IsADirectoryError):
        xp.save(tmp_path / "d.npy", xp.zeros(3))
    with pytest.raises(IsADirectoryError):
        xp.savetxt(tmp_path, xp.zeros(3))
    assert sorted(os.listdir(tmp_path)) == ["d.npy"]
    with pytest.raises(FileNotFoundError):
        xp.savez(tmp_path / "missing_dir" / "a.npz", xp.zeros(3))


def test_failed_save_keeps_old_file(tmp_path, monkeypatch):
    p = tmp_path / "keep.npy"
    np.save(p, np.arange(10.0))
    good = p.read_bytes()

    def broken(fp, a, fortran):
        fp.write(b"partial")
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(fmt, "_write_data", broken)
    with pytest.raises(OSError, match="disk full"):
        xp.save(p, xp.arange(1000.0))
    with pytest.raises(OSError, match="disk full"):
        xp.savez(tmp_path / "keep.npz", xp.arange(1000.0))
    assert p.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["keep.npy"]   # no temporary file left


def test_save_over_existing_file_and_failed_final_rename(tmp_path, monkeypatch):
    # an overwrite moves the old file aside, renames the new one in, then
    # drops the old one; when renaming the new file in fails, the old file is
    # put back, and no temporary or aside file is left
    from arraycore import _npyio
    p = tmp_path / "over.npy"
    np.save(p, np.arange(10.0))
    good = p.read_bytes()
    xp.save(p, xp.arange(5))
    same(xp.load(p), np.arange(5))
    assert sorted(os.listdir(tmp_path)) == ["over.npy"]
    np.save(p, np.arange(10.0))
    real_rename = os.rename

    def rename(src, dst):
        if os.path.basename(src).endswith(".tmp"):
            raise OSError("rename failed (simulated)")
        return real_rename(src, dst)

    monkeypatch.setattr(_npyio.os, "rename", rename)
    with pytest.raises(OSError, match="rename failed"):
        xp.save(p, xp.arange(1000.0))
    monkeypatch.undo()
    assert p.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["over.npy"]
    # a new path (nothing to move aside)
    xp.save(tmp_path / "new.npy", xp.arange(3))
    same(xp.load(tmp_path / "new.npy"), np.arange(3))
    assert sorted(os.listdir(tmp_path)) == ["new.npy", "over.npy"]


def test_save_keeps_permissions(tmp_path):
    p = tmp_path / "perm.npy"
    np.save(p, np.arange(3))
    os.chmod(p, 0o640)
    xp.save(p, xp.arange(4))
    assert os.stat(p).st_mode & 0o777 == 0o640
    same(xp.load(p), np.arange(4))


def test_load_text_mode_file_is_clear_error(tmp_path):
    p = tmp_path / "a.npy"
    np.save(p, np.arange(3))
    with open(p, encoding="latin1") as f:
        with pytest.raises(ValueError, match="binary"):
            xp.load(f)


def test_huge_shape_claim_is_value_error(tmp_path):
    # a header claiming far more data than the file holds: an error before
    # any allocation, for files, in-memory files and .npz members
    raw = _npy_with_header(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }"
        + " " * 40 + "\n", b"\0" * 64)
    with pytest.raises(ValueError, match="claims"):
        xp.load(io.BytesIO(raw))
    p = tmp_path / "h.npy"
    p.write_bytes(raw)
    with pytest.raises(ValueError, match="claims"):
        xp.load(p)
    with pytest.raises(ValueError, match="claims"):
        xp.load(p, mmap_mode="r")
    z = tmp_path / "h.npz"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.npy", raw)
    with xp.load(z) as npz:
        with pytest.raises(ValueError, match="claims"):
            npz["big"]


# ---------------------------------------------- disk blocks reserved first

def test_large_writes_reserve_blocks_and_keep_exact_sizes(tmp_path):
    # a write of 1 MiB and more into a plain file reserves its disk blocks
    # first (fallocate, KEEP_SIZE): the file's size and bytes are exactly
    # what was written, at the file's position, whatever came before
    n = np.random.default_rng(5).random(300_000)           # 2.4 MB
    x = xp.asarray(n)
    p = tmp_path / "big.npy"
    xp.save(p, x)
    assert os.path.getsize(p) == len(np_bytes(n))
    same(xp.load(p), n)
    with open(tmp_path / "after.bin", "wb") as f:            # an offset, then the data
        f.write(b"head")
        xp.save(f, x)
        f.write(b"tail")
    raw = (tmp_path / "after.bin").read_bytes()
    assert raw == b"head" + np_bytes(n) + b"tail"
    with open(tmp_path / "append.bin", "wb") as f:
        f.write(b"12345")
    with open(tmp_path / "append.bin", "ab") as f:           # append mode
        x.tofile(f)
    assert (tmp_path / "append.bin").read_bytes() == b"12345" + n.tobytes()
    with open(tmp_path / "rw.bin", "w+b") as f:              # BufferedRandom
        xp.save(f, x)
        f.seek(0)
        same(xp.load(f), n)


def test_preallocate_direct(tmp_path):
    from arraycore._np_kernels import preallocate
    p = tmp_path / "r.bin"
    with open(p, "wb") as f:
        preallocate(f.fileno(), 0, 4 << 20)
        st = os.fstat(f.fileno())
        assert st.st_size == 0                               # the size is kept
        if hasattr(os, "posix_fallocate") and os.uname().sysname == "Linux":
            assert st.st_blocks * 512 >= 4 << 20             # the blocks are reserved
        preallocate(f.fileno(), 0, 0)                        # nothing to do
        preallocate(f.fileno(), -1, 10)
    r, w = os.pipe()                                         # refused: ignored
    try:
        preallocate(w, 0, 1 << 20)
    finally:
        os.close(r)
        os.close(w)
    with pytest.raises(OverflowError):
        preallocate(1 << 40, 0, 10)


def test_wrapped_files_are_not_preallocated(tmp_path):
    # gzip's fileno() names the compressed file: reserving the uncompressed
    # size there would leave megabytes of blocks past its end
    import gzip
    p = tmp_path / "z.npy.gz"
    n = np.zeros(1_000_000)
    with gzip.open(p, "wb") as f:
        xp.save(f, xp.asarray(n))
    assert os.stat(p).st_blocks * 512 < 1 << 20
    with gzip.open(p, "rb") as f:
        same(xp.load(io.BytesIO(f.read())), n)
