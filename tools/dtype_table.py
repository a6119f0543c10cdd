"""The dtype table: every data type of arraycore, once.

Everything else that lists the dtypes is generated from, or reads, this file:
- tools/gen_dtypes.py writes the private C header ac_dtypes.h (the dense type
  index ACX_* that keys every loop table, included by src/ac_internal.h), the
  Cython declarations _dtype_enum.pxi (included by arraycore/_dtype.pxd) and
  the data of the dtype objects _dtype_table.pxi (included by
  arraycore/_dtype.pyx);
- tools/gen_casts.py (the 14x14 cast loops) and tools/gen_loops.py (the ufunc
  loops, whose signatures use the `char` column) import DTYPES.

The order of DTYPES is the dense type index (ACX_*): promotion order, the
first type every operand casts to safely wins.  Columns:
  name       the dtype's name (and ACX_<NAME> in C)
  char       NumPy's type character (ufunc signatures, dtype.char)
  kind       NumPy's kind: b, i, u, f, c
  itemsize   bytes; alignment: bytes
  ctype      the public C storage type (actypes.h); float16 is its IEEE bits
  loop_ctype the C type the ufunc loops load and store (C99 complex)
  typenum    the public type-number constant (actypes.h: NumPy's values)
  buffer     the PEP 3118 format written for it
  aliases    further spellings dtype() accepts (the name and char always are)
  attr       the attribute of arraycore._dtype holding it (bool_: not `bool`)
  compute    the dtype its arithmetic is carried out in (float16 -> float32)
  component  for complex types, the dtype of each part
  finfo      for floating types: (mantissa bits, maximum exponent)
"""
from collections import namedtuple

DType = namedtuple("DType", "name char kind itemsize alignment ctype loop_ctype typenum "
                            "buffer aliases attr compute component finfo")


def _d(name, char, kind, itemsize, alignment, ctype, loop_ctype, typenum, buffer,
       aliases, attr=None, compute=None, component=None, finfo=None):
    return DType(name, char, kind, itemsize, alignment, ctype, loop_ctype, typenum, buffer,
                 tuple(aliases), attr or name, compute or name, component, finfo)


DTYPES = [
    _d("bool", "?", "b", 1, 1, "ac_bool", "ac_bool", "AC_BOOL", "?",
       ("b1", "bool_"), attr="bool_"),
    _d("int8", "b", "i", 1, 1, "ac_int8", "int8_t", "AC_INT8", "b", ("i1", "byte")),
    _d("uint8", "B", "u", 1, 1, "ac_uint8", "uint8_t", "AC_UINT8", "B", ("u1", "ubyte")),
    _d("int16", "h", "i", 2, 2, "ac_int16", "int16_t", "AC_INT16", "h", ("i2", "short")),
    _d("uint16", "H", "u", 2, 2, "ac_uint16", "uint16_t", "AC_UINT16", "H", ("u2", "ushort")),
    _d("int32", "i", "i", 4, 4, "ac_int32", "int32_t", "AC_INT32", "i", ("i4", "intc")),
    _d("uint32", "I", "u", 4, 4, "ac_uint32", "uint32_t", "AC_UINT32", "I", ("u4", "uintc")),
    _d("int64", "l", "i", 8, 8, "ac_int64", "int64_t", "AC_INT64", "q",
       ("i8", "int", "int_", "intp", "long", "longlong", "q", "p")),
    _d("uint64", "L", "u", 8, 8, "ac_uint64", "uint64_t", "AC_UINT64", "Q",
       ("u8", "uint", "uintp", "ulong", "ulonglong", "Q", "P")),
    _d("float16", "e", "f", 2, 2, "ac_float16", "ac_uint16", "AC_FLOAT16", "e", ("f2", "half"),
       compute="float32", finfo=(10, 15)),
    _d("float32", "f", "f", 4, 4, "ac_float32", "float", "AC_FLOAT32", "f", ("f4", "single"),
       finfo=(23, 127)),
    _d("float64", "d", "f", 8, 8, "ac_float64", "double", "AC_FLOAT64", "d",
       ("f8", "float", "double", "float_"), finfo=(52, 1023)),
    _d("complex64", "F", "c", 8, 4, "ac_complex64", "float _Complex", "AC_COMPLEX64", "Zf",
       ("c8", "csingle"), component="float32"),
    _d("complex128", "D", "c", 16, 8, "ac_complex128", "double _Complex", "AC_COMPLEX128", "Zd",
       ("c16", "complex", "cdouble", "complex_"), component="float64"),
]

BY_NAME = {d.name: d for d in DTYPES}
BY_CHAR = {d.char: d for d in DTYPES}
CHARS = "".join(d.char for d in DTYPES)     # dense order


def acx(d):
    """The C name of a dtype's dense index."""
    return "ACX_" + d.name.upper()


def index(d):
    return DTYPES.index(d)


def _check():
    names = [d.name for d in DTYPES]
    assert len(set(names)) == len(names)
    assert len(set(CHARS)) == len(CHARS)
    spellings = [s for d in DTYPES for s in (d.name, d.char) + d.aliases]
    assert len(set(spellings)) == len(spellings), "a spelling names two dtypes"
    for d in DTYPES:
        assert d.kind in "biufc"
        assert d.compute in BY_NAME
        assert (d.component is not None) == (d.kind == "c")
        assert (d.finfo is not None) == (d.kind == "f")
        if d.component:
            assert BY_NAME[d.component].itemsize * 2 == d.itemsize
            assert BY_NAME[d.component].alignment == d.alignment


_check()
