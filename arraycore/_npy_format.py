"""NumPy's binary .npy format (versions 1.0, 2.0 and 3.0) for arraycore arrays.

A .npy file is: the magic string b'\\x93NUMPY', one byte major and one byte
minor version, the header length as a little-endian unsigned int (2 bytes in
1.0, 4 bytes in 2.0 and 3.0), then the header: the repr of a Python dict
literal with the keys 'descr' (the dtype's str, e.g. '<f8'), 'fortran_order'
(bool) and 'shape' (a tuple of ints), padded with spaces and ended by '\\n'
so that magic + length + header is a multiple of 64 bytes; the raw item
bytes follow, in C order (or Fortran order when 'fortran_order' is True).
Versions 1.0 and 2.0 encode the header in latin-1, 3.0 in UTF-8.

Headers are read with ast.literal_eval (never eval) after a size limit, and
checked key by key; every malformed file gives a ValueError.  The header a
writer produces matches NumPy's byte for byte (sorted keys, the spare spaces
NumPy leaves so the growth axis can take up to 21 digits, the 64-byte
alignment), so files round-trip between the two libraries unchanged.
"""
import ast
import io
import mmap
import os
import re
import struct
import warnings

MAGIC_PREFIX = b"\x93NUMPY"
MAGIC_LEN = len(MAGIC_PREFIX) + 2
ARRAY_ALIGN = 64
# NumPy leaves room in the header so the length of the growth axis (the
# first, or last for Fortran order) can be rewritten in place up to this
# many digits; written here too, so headers are identical.
GROWTH_AXIS_MAX_DIGITS = 21
MAX_HEADER_SIZE = 10000          # the default limit on a header read
_KEYS = ("descr", "fortran_order", "shape")
_LEN_FMT = {(1, 0): "<H", (2, 0): "<I", (3, 0): "<I"}
_ENCODING = {(1, 0): "latin1", (2, 0): "latin1", (3, 0): "utf8"}
_COPY_CHUNK = 1 << 24            # bytes per write of a non-contiguous array
_PREALLOCATE_MIN = 1 << 20       # reserve disk blocks before writes this large
_PLAIN_FILES = (io.FileIO, io.BufferedWriter, io.BufferedRandom)


def _ac():
    import arraycore
    return arraycore


def _check_version(version):
    if version not in (None, (1, 0), (2, 0), (3, 0)):
        raise ValueError(f"we only support format version (1,0), (2,0) and (3,0), not {version!r}")


def magic(major, minor):
    """The magic string of a .npy file of the given version."""
    if not (0 <= major <= 255 and 0 <= minor <= 255):
        raise ValueError("version must be 0 <= major, minor <= 255")
    return MAGIC_PREFIX + bytes([major, minor])


def _read_exactly(fp, n, what):
    data = fp.read(n)
    if not isinstance(data, bytes):
        raise ValueError("the file must be opened in binary mode to read a .npy file")
    if len(data) != n:
        raise ValueError(f"not a .npy file or a truncated one: expected {n} bytes of {what}, "
                         f"the file holds {len(data)}")
    return data


def read_magic(fp):
    """The (major, minor) version of the .npy file at fp's position."""
    m = _read_exactly(fp, MAGIC_LEN, "magic string")
    if m[:-2] != MAGIC_PREFIX:
        raise ValueError(f"the magic string is not correct; expected {MAGIC_PREFIX!r}, "
                         f"got {m[:-2]!r}: not a .npy file")
    return m[-2], m[-1]


def dtype_to_descr(dt):
    """The 'descr' of a dtype (its str: byte order, kind, size)."""
    return _ac().dtype(dt).str


def descr_to_dtype(descr, allow_pickle=True):
    """The arraycore dtype of a header's 'descr' (a clear error for the
    dtypes arraycore cannot hold: objects, strings, records, datetimes...)."""
    if not isinstance(descr, str):
        raise ValueError(f"the .npy header's descr {descr!r} is a structured or unsupported "
                         "dtype: arraycore arrays hold bool, integers, floats and complex numbers")
    if descr.lstrip("<>=|").startswith("O"):
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        raise ValueError("the .npy file holds an object array (pickled Python objects): "
                         "arraycore arrays cannot hold Python objects")
    try:
        return _ac().dtype(descr)
    except TypeError:
        raise ValueError(f"the .npy file's dtype {descr!r} is not supported by arraycore "
                         "(bool, int8..uint64, float16/32/64, complex64/128)") from None


def header_data_from_array_1_0(array):
    """The header dict describing an array (its dtype, order and shape)."""
    d = {"shape": tuple(int(n) for n in array.shape)}
    flags = array.flags
    d["fortran_order"] = bool(flags.f_contiguous and not flags.c_contiguous)
    d["descr"] = dtype_to_descr(array.dtype)
    return d


def _header_text(d):
    """The dict literal of a header, as NumPy writes it (keys sorted, and
    spare spaces for the growth axis)."""
    parts = ["{"]
    for key in sorted(d):
        parts.append(f"'{key}': {d[key]!r}, ")
    parts.append("}")
    text = "".join(parts)
    shape = d["shape"]
    if len(shape) > 0:
        grow = shape[-1] if d["fortran_order"] else shape[0]
        text += " " * (GROWTH_AXIS_MAX_DIGITS - len(repr(grow)))
    return text


def _wrap_header(text, version):
    """magic + length + header + padding + newline, or None when the header
    cannot be stored in this version (too long, or not encodable)."""
    fmt = _LEN_FMT[version]
    try:
        raw = text.encode(_ENCODING[version])
    except UnicodeEncodeError:
        return None
    hlen = len(raw) + 1                   # + the final newline
    pad = ARRAY_ALIGN - ((MAGIC_LEN + struct.calcsize(fmt) + hlen) % ARRAY_ALIGN)
    total = hlen + pad
    if total >= 256 ** struct.calcsize(fmt):
        return None
    return magic(*version) + struct.pack(fmt, total) + raw + b" " * pad + b"\n"


def _header_bytes(d, version=None):
    _check_version(version)
    text = _header_text(d)
    if version is not None:
        out = _wrap_header(text, version)
        if out is None:
            raise ValueError(f"the header does not fit in format version {version}")
        return out
    out = _wrap_header(text, (1, 0))
    if out is not None:
        return out
    out = _wrap_header(text, (2, 0))
    if out is not None:
        warnings.warn("Stored array in format 2.0. It can only be read by NumPy >= 1.9",
                      UserWarning, stacklevel=3)
        return out
    out = _wrap_header(text, (3, 0))
    if out is None:
        raise ValueError("the header is too long for any .npy format version")
    warnings.warn("Stored array in format 3.0. It can only be read by NumPy >= 1.17",
                  UserWarning, stacklevel=3)
    return out


def write_array_header_1_0(fp, d):
    fp.write(_header_bytes(d, (1, 0)))


def write_array_header_2_0(fp, d):
    fp.write(_header_bytes(d, (2, 0)))


def _parse_header_text(text, version):
    try:
        d = ast.literal_eval(text)
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError) as e:
        if version <= (2, 0) and re.search(r"\dL\b", text):
            # Python 2 long literals (3L) in files NumPy wrote long ago
            return _parse_header_text(re.sub(r"(\d)L\b", r"\1", text), (3, 0))
        raise ValueError(f"cannot parse the .npy header {text!r}: {e}") from None
    return d


def _read_array_header(fp, version, max_header_size=MAX_HEADER_SIZE):
    if version not in _LEN_FMT:
        raise ValueError(f"unsupported .npy format version {version}; arraycore reads "
                         "1.0, 2.0 and 3.0")
    fmt = _LEN_FMT[version]
    (hlen,) = struct.unpack(fmt, _read_exactly(fp, struct.calcsize(fmt), "header length"))
    if hlen > max_header_size:
        raise ValueError(f"the .npy header is {hlen} bytes, more than max_header_size="
                         f"{max_header_size}: ast.literal_eval is not safe on very large "
                         "input; pass a larger max_header_size if you trust the file")
    raw = _read_exactly(fp, hlen, "header")
    try:
        text = raw.decode(_ENCODING[version])
    except UnicodeDecodeError as e:
        raise ValueError(f"the .npy header is not valid {_ENCODING[version]}: {e}") from None
    if not text.endswith("\n"):
        raise ValueError(f"the .npy header does not end with a newline: {text!r} "
                         "(corrupted or truncated header)")
    d = _parse_header_text(text, version)
    if not isinstance(d, dict):
        raise ValueError(f"the .npy header is not a dictionary: {d!r}")
    if sorted(d) != sorted(_KEYS):
        raise ValueError(f"the .npy header does not have exactly the keys {list(_KEYS)}: "
                         f"{sorted(d)!r}")
    shape = d["shape"]
    if not isinstance(shape, tuple) or not all(
            type(n) is int and n >= 0 for n in shape):
        raise ValueError(f"the .npy header's shape is not a tuple of non-negative ints: "
                         f"{shape!r}")
    if not isinstance(d["fortran_order"], bool):
        raise ValueError(f"the .npy header's fortran_order is not a bool: "
                         f"{d['fortran_order']!r}")
    return shape, d["fortran_order"], d["descr"]


def read_array_header_1_0(fp, max_header_size=MAX_HEADER_SIZE):
    """(shape, fortran_order, descr) of a 1.0 header at fp's position."""
    return _read_array_header(fp, (1, 0), max_header_size)


def read_array_header_2_0(fp, max_header_size=MAX_HEADER_SIZE):
    """(shape, fortran_order, descr) of a 2.0 header at fp's position."""
    return _read_array_header(fp, (2, 0), max_header_size)


def _read_header(fp, max_header_size, allow_pickle):
    version = read_magic(fp)
    shape, fortran, descr = _read_array_header(fp, version, max_header_size)
    dt = descr_to_dtype(descr, allow_pickle)
    return shape, fortran, dt


def _count(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _byte_view(a):
    """A flat writable/readable byte memoryview of a contiguous array."""
    mv = memoryview(a)
    return mv.cast("B") if mv.ndim != 1 or mv.format != "B" else mv


# --------------------------------------------------------------- writing

def _reversed_axes(a):
    return _ac().permute_dims(a, tuple(range(a.ndim - 1, -1, -1)))


def _preallocate(fp, nbytes):
    """Reserve the file's disk blocks for the nbytes about to be written at
    its position, when fp is a file object of the io module itself (not a
    wrapper whose fileno() names an underlying file written differently, as
    gzip's does; see _np_kernels.preallocate).  Small writes are left alone."""
    if nbytes < _PREALLOCATE_MIN or type(fp) not in _PLAIN_FILES:
        return
    try:
        fd = fp.fileno()
        fp.flush()
        pos = os.lseek(fd, 0, os.SEEK_CUR)
    except (AttributeError, OSError, ValueError):   # io.UnsupportedOperation too
        return
    from arraycore._np_kernels import preallocate
    preallocate(fd, pos, nbytes)


def _write_data(fp, a, fortran):
    if a.size == 0:
        return
    _preallocate(fp, a.nbytes)
    src = _reversed_axes(a) if fortran else a
    if src.flags.c_contiguous:
        if src.ndim == 0:
            fp.write(src.tobytes())
        else:
            fp.write(_byte_view(src))
        return
    # a non-contiguous array: C-order copies of blocks of rows
    if src.ndim == 0:
        fp.write(src.tobytes())
        return
    row = src.nbytes // src.shape[0] if src.shape[0] else 1
    step = max(1, _COPY_CHUNK // max(row, 1))
    for i in range(0, src.shape[0], step):
        block = src[i:i + step].copy(order="C")
        fp.write(_byte_view(block) if block.flags.c_contiguous else block.tobytes())


def write_array(fp, array, version=None, allow_pickle=True, pickle_kwargs=None):
    """Write an array (header and data) to a binary file object."""
    a = _ac().asarray(array)
    d = header_data_from_array_1_0(a)
    fp.write(_header_bytes(d, version))
    _write_data(fp, a, d["fortran_order"])


# --------------------------------------------------------------- reading

def _readinto_all(fp, mv):
    """Fill the byte memoryview from fp; the number of bytes read."""
    n = len(mv)
    got = 0
    readinto = getattr(fp, "readinto", None)
    while got < n:
        if readinto is not None:
            k = readinto(mv[got:])
        else:
            chunk = fp.read(n - got)
            k = len(chunk)
            mv[got:got + k] = chunk
        if not k:
            break
        got += k
    return got


def _new_array(shape, fortran, dt):
    ac = _ac()
    flat = ac.empty((_count(shape),), dtype=dt)
    return flat


def _shape_flat(flat, shape, fortran):
    ac = _ac()
    if fortran:
        return ac.permute_dims(ac.reshape(flat, tuple(reversed(shape))),
                               tuple(range(len(shape) - 1, -1, -1)))
    return ac.reshape(flat, shape)


def _remaining(fp, size=None):
    """Bytes left in fp after its position, when that is cheap to know (a
    real file, an in-memory file, or a zip member of known `size`)."""
    try:
        if size is not None:
            return size - fp.tell()
        if isinstance(fp, io.BytesIO):
            return len(fp.getbuffer()) - fp.tell()
        return os.fstat(fp.fileno()).st_size - fp.tell()
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None


def read_array(fp, allow_pickle=False, pickle_kwargs=None, *, max_header_size=MAX_HEADER_SIZE,
               _size=None):
    """Read an array from a binary file object holding a .npy file."""
    shape, fortran, dt = _read_header(fp, max_header_size, allow_pickle)
    n = _count(shape)
    nbytes = n * dt.itemsize
    left = _remaining(fp, _size)
    if left is not None and left < nbytes:
        # before allocating: a corrupted header may claim terabytes
        raise ValueError(f"the .npy header claims {nbytes} bytes of data ({shape} of "
                         f"{dt}) but the file holds only {left}: truncated file")
    flat = _new_array(shape, fortran, dt)
    if nbytes:
        got = _readinto_all(fp, _byte_view(flat))
        if got != nbytes:
            raise ValueError(f"the .npy header claims {nbytes} bytes of data ({shape} of "
                             f"{dt}) but the file holds only {got}: truncated file")
    return _shape_flat(flat, shape, fortran)


_MMAP_ACCESS = {"r": mmap.ACCESS_READ, "c": mmap.ACCESS_COPY, "r+": mmap.ACCESS_WRITE,
                "readonly": mmap.ACCESS_READ, "copyonwrite": mmap.ACCESS_COPY,
                "readwrite": mmap.ACCESS_WRITE, "w+": mmap.ACCESS_WRITE,
                "write": mmap.ACCESS_WRITE}


def _map(path, offset, shape, fortran, dt, mode):
    ac = _ac()
    nbytes = _count(shape) * dt.itemsize
    access = _MMAP_ACCESS[mode]
    with open(path, "r+b" if access == mmap.ACCESS_WRITE else "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size < offset + nbytes:
            raise ValueError(f"the .npy header claims {nbytes} bytes of data ({shape} of {dt}) "
                             f"but the file holds only {max(size - offset, 0)}: truncated file")
        if nbytes == 0:
            return _shape_flat(ac.empty((0,), dtype=dt), shape, fortran)
        mm = mmap.mmap(f.fileno(), offset + nbytes, access=access)
    flat = ac.asarray(_Interface(mm, offset, _count(shape), dt))
    return _shape_flat(flat, shape, fortran)


class _Interface:
    """Typed items over a byte buffer (an mmap), for asarray: the array
    interface takes any dtype string and keeps the buffer alive."""

    def __init__(self, buf, offset, n, dt):
        self.__array_interface__ = {"data": buf, "offset": offset, "shape": (n,),
                                    "typestr": dt.str, "version": 3}


def open_memmap(filename, mode="r+", dtype=None, shape=None, fortran_order=False,
                version=None, *, max_header_size=MAX_HEADER_SIZE):
    """A memory-mapped arraycore array over a .npy file.

    mode 'r' (read-only), 'r+' (read-write), 'c' (copy-on-write: writes stay
    in memory) map an existing file; 'w+' creates (or overwrites) the file
    with the given dtype, shape and order, then maps it read-write.
    """
    if hasattr(filename, "read") or hasattr(filename, "write"):
        raise ValueError("Filename must be a string or a path-like object. "
                         "Memmap cannot use existing file handles.")
    path = os.fspath(filename)
    if mode not in _MMAP_ACCESS:
        raise ValueError(f"mode must be one of 'r', 'r+', 'c', 'w+', not {mode!r}")
    if mode in ("w+", "write"):
        _check_version(version)
        if shape is None:
            raise ValueError("open_memmap with mode 'w+' needs a shape")
        dt = _ac().dtype(float if dtype is None else dtype)
        shape = tuple(int(n) for n in (shape if isinstance(shape, (tuple, list)) else (shape,)))
        fortran = bool(fortran_order) and len(shape) > 1
        d = {"descr": dt.str, "fortran_order": fortran, "shape": shape}
        header = _header_bytes(d, version)
        with open(path, "wb") as f:
            f.write(header)
            nbytes = _count(shape) * dt.itemsize
            if nbytes:
                f.seek(len(header) + nbytes - 1)
                f.write(b"\0")
        return _map(path, len(header), shape, fortran, dt, mode)
    with open(path, "rb") as f:
        shape, fortran, dt = _read_header(f, max_header_size, False)
        offset = f.tell()
    return _map(path, offset, shape, fortran, dt, mode)


def isfileobj(f):
    return isinstance(f, (io.FileIO, io.BufferedReader, io.BufferedWriter))
