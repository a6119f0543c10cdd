"""The Array API 2025.12, to the letter: signatures, tuple results, the
namespace version and the inspection namespace.

The expected signatures are data written here from the 2025.12 stubs
(data-apis/array-api, src/array_api_stubs/_2025_12/; the data type,
searching, sorting and utility functions, which that folder does not hold in
the copy read, from the 2024.12 stubs the 2025.12 changelog leaves
unchanged).  Nothing is read from the standard at run time.  Each signature
is compared by introspection (inspect.signature) with arraycore's: the
standard's parameters must all be there, in order, with the same kind
(positional-only, positional-or-keyword, keyword-only, *args), name and
default.  arraycore may add parameters (the standard allows it) only after
the standard's positional ones and only with a default.

The extensions (linalg and fft, from linalg.py and fft.py of the same
stubs) are tables of their own in EXTENSIONS; every name there is checked the
same way.  The special cases are in test_array_api_letter_special.py.
"""
import inspect
import math
import types

import pytest

import arraycore as ac

# --------------------------------------------------- the main namespace
_UNARY = """abs acos acosh asin asinh atan atanh bitwise_invert ceil conj cos cosh exp expm1
    floor imag isfinite isinf isnan log log1p log2 log10 logical_not negative positive real
    reciprocal round sign signbit sin sinh square sqrt tan tanh trunc""".split()
_BINARY = """add atan2 bitwise_and bitwise_left_shift bitwise_or bitwise_right_shift bitwise_xor
    copysign divide equal floor_divide greater greater_equal hypot less less_equal logaddexp
    logical_and logical_or logical_xor maximum minimum multiply nextafter not_equal pow
    remainder subtract""".split()

MAIN = {
    **{n: "(x, /)" for n in _UNARY},
    **{n: "(x1, x2, /)" for n in _BINARY},
    "clip": "(x, /, min=None, max=None)",
    # creation_functions.py
    "arange": "(start, /, stop=None, step=1, *, dtype=None, device=None)",
    "asarray": "(obj, /, *, dtype=None, device=None, copy=None)",
    "empty": "(shape, *, dtype=None, device=None)",
    "empty_like": "(x, /, *, dtype=None, device=None)",
    "eye": "(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None)",
    "from_dlpack": "(x, /, *, device=None, copy=None)",
    "full": "(shape, fill_value, *, dtype=None, device=None)",
    "full_like": "(x, /, fill_value, *, dtype=None, device=None)",
    "linspace": "(start, stop, /, num, *, dtype=None, device=None, endpoint=True)",
    "meshgrid": "(*arrays, indexing='xy')",
    "ones": "(shape, *, dtype=None, device=None)",
    "ones_like": "(x, /, *, dtype=None, device=None)",
    "tril": "(x, /, *, k=0)",
    "triu": "(x, /, *, k=0)",
    "zeros": "(shape, *, dtype=None, device=None)",
    "zeros_like": "(x, /, *, dtype=None, device=None)",
    # data_type_functions.py
    "astype": "(x, dtype, /, *, copy=True, device=None)",
    "can_cast": "(from_, to, /)",
    "finfo": "(type, /)",
    "iinfo": "(type, /)",
    "isdtype": "(dtype, kind)",
    "result_type": "(*arrays_and_dtypes)",
    # indexing_functions.py
    "take": "(x, indices, /, *, axis=None)",
    "take_along_axis": "(x, indices, /, *, axis=-1)",
    # linear_algebra_functions.py
    "matmul": "(x1, x2, /)",
    "matrix_transpose": "(x, /)",
    "tensordot": "(x1, x2, /, *, axes=2)",
    "vecdot": "(x1, x2, /, *, axis=-1)",
    # manipulation_functions.py
    "broadcast_arrays": "(*arrays)",
    "broadcast_shapes": "(*shapes)",
    "broadcast_to": "(x, /, shape)",
    "concat": "(arrays, /, *, axis=0)",
    "expand_dims": "(x, /, axis)",
    "flip": "(x, /, *, axis=None)",
    "moveaxis": "(x, source, destination, /)",
    "permute_dims": "(x, /, axes)",
    "repeat": "(x, repeats, /, *, axis=None)",
    "reshape": "(x, /, shape, *, copy=None)",
    "roll": "(x, /, shift, *, axis=None)",
    "squeeze": "(x, /, axis)",
    "stack": "(arrays, /, *, axis=0)",
    "tile": "(x, repetitions, /)",
    "unstack": "(x, /, *, axis=0)",
    # searching_functions.py
    "argmax": "(x, /, *, axis=None, keepdims=False)",
    "argmin": "(x, /, *, axis=None, keepdims=False)",
    "count_nonzero": "(x, /, *, axis=None, keepdims=False)",
    "nonzero": "(x, /)",
    "searchsorted": "(x1, x2, /, *, side='left', sorter=None)",
    "where": "(condition, x1, x2, /)",
    # set_functions.py
    "isin": "(x1, x2, /, *, invert=False)",
    "unique_all": "(x, /)",
    "unique_counts": "(x, /)",
    "unique_inverse": "(x, /)",
    "unique_values": "(x, /)",
    # sorting_functions.py
    "argsort": "(x, /, *, axis=-1, descending=False, stable=True)",
    "sort": "(x, /, *, axis=-1, descending=False, stable=True)",
    # statistical_functions.py
    "cumulative_prod": "(x, /, *, axis=None, dtype=None, include_initial=False)",
    "cumulative_sum": "(x, /, *, axis=None, dtype=None, include_initial=False)",
    "max": "(x, /, *, axis=None, keepdims=False)",
    "mean": "(x, /, *, axis=None, keepdims=False)",
    "min": "(x, /, *, axis=None, keepdims=False)",
    "prod": "(x, /, *, axis=None, dtype=None, keepdims=False)",
    "std": "(x, /, *, axis=None, correction=0.0, keepdims=False)",
    "sum": "(x, /, *, axis=None, dtype=None, keepdims=False)",
    "var": "(x, /, *, axis=None, correction=0.0, keepdims=False)",
    # utility_functions.py
    "all": "(x, /, *, axis=None, keepdims=False)",
    "any": "(x, /, *, axis=None, keepdims=False)",
    "diff": "(x, /, *, axis=-1, n=1, prepend=None, append=None)",
    # info.py
    "__array_namespace_info__": "()",
}

# array_object.py: the methods (self included) and the properties
_OPS = "add and eq floordiv ge gt le lshift lt matmul mod mul ne or pow rshift sub truediv xor"
ARRAY_METHODS = {
    **{f"__{n}__": "(self, other, /)" for n in _OPS.split()},
    **{f"__{n}__": "(self, /)" for n in "abs bool complex float index int invert neg pos".split()},
    "__array_namespace__": "(self, /, *, api_version=None)",
    "__dlpack__": "(self, /, *, stream=None, max_version=None, dl_device=None, copy=None)",
    "__dlpack_device__": "(self, /)",
    "__getitem__": "(self, key, /)",
    "__setitem__": "(self, key, value, /)",
    "to_device": "(self, device, /, *, stream=None)",
}
ARRAY_PROPERTIES = ("dtype", "device", "mT", "ndim", "shape", "size", "T")

# info.py: the methods of the object __array_namespace_info__() returns (bound)
INFO_METHODS = {
    "capabilities": "()",
    "default_device": "()",
    "default_dtypes": "(*, device=None)",
    "devices": "()",
    "dtypes": "(*, device=None, kind=None)",
}

# the extensions: {"linalg": {name: signature}, "fft": {...}} when they land
_FFT_1D = "(x, /, *, n=None, axis=-1, norm='backward')"
_FFT_ND = "(x, /, *, s=None, axes=None, norm='backward')"
EXTENSIONS = {
    # linalg.py (eig and eigvals: added in 2025.12)
    "linalg": {
        "cholesky": "(x, /, *, upper=False)",
        "cross": "(x1, x2, /, *, axis=-1)",
        "det": "(x, /)",
        "diagonal": "(x, /, *, offset=0)",
        "eig": "(x, /)",
        "eigh": "(x, /)",
        "eigvals": "(x, /)",
        "eigvalsh": "(x, /)",
        "inv": "(x, /)",
        "matmul": "(x1, x2, /)",
        "matrix_norm": "(x, /, *, keepdims=False, ord='fro')",
        "matrix_power": "(x, n, /)",
        "matrix_rank": "(x, /, *, rtol=None)",
        "matrix_transpose": "(x, /)",
        "outer": "(x1, x2, /)",
        "pinv": "(x, /, *, rtol=None)",
        "qr": "(x, /, *, mode='reduced')",
        "slogdet": "(x, /)",
        "solve": "(x1, x2, /)",
        "svd": "(x, /, *, full_matrices=True)",
        "svdvals": "(x, /)",
        "tensordot": "(x1, x2, /, *, axes=2)",
        "trace": "(x, /, *, offset=0, dtype=None)",
        "vecdot": "(x1, x2, /, *, axis=-1)",
        "vector_norm": "(x, /, *, axis=None, keepdims=False, ord=2)",
    },
    # fft.py
    "fft": {
        **{n: _FFT_1D for n in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")},
        **{n: _FFT_ND for n in ("fftn", "ifftn", "rfftn", "irfftn")},
        "fftfreq": "(n, /, *, d=1.0, dtype=None, device=None)",
        "rfftfreq": "(n, /, *, d=1.0, dtype=None, device=None)",
        "fftshift": "(x, /, *, axes=None)",
        "ifftshift": "(x, /, *, axes=None)",
    },
}

# the constants and data types of the namespace
CONSTANTS = {"e": math.e, "inf": math.inf, "nan": math.nan, "pi": math.pi, "newaxis": None}
DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128")


# ------------------------------------------------------------ the comparison
def parse(text):
    """An inspect.Signature from the text of a signature (the defaults are
    Python literals)."""
    ns = {}
    exec(f"def f{text}: pass", ns)      # noqa: S102 - literal data of this file
    return inspect.signature(ns["f"])


_SLOT_WRAPPERS = (types.WrapperDescriptorType, types.MethodWrapperType)


def mismatches(obj, expected, *, fixed_names=False):
    """How obj's signature departs from the expected one (a list of strings;
    empty when it conforms).  fixed_names: the names of positional-only
    parameters are CPython's (slot wrappers name `other` "value") and are not
    compared."""
    try:
        got = inspect.signature(obj)
    except (TypeError, ValueError) as e:
        return [f"no introspectable signature ({e})"]
    exp = parse(expected) if isinstance(expected, str) else expected
    P = inspect.Parameter
    errs = []
    gp, ep = list(got.parameters.values()), list(exp.parameters.values())
    positional = (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)
    g_pos = [p for p in gp if p.kind in positional]
    e_pos = [p for p in ep if p.kind in positional]
    for i, e in enumerate(e_pos):
        if i >= len(g_pos):
            errs.append(f"missing positional parameter {e.name!r}")
            continue
        g = g_pos[i]
        if g.name != e.name and not (fixed_names and e.kind == P.POSITIONAL_ONLY):
            errs.append(f"positional parameter {i} is {g.name!r}, not {e.name!r}")
        if g.kind != e.kind:
            errs.append(f"{e.name!r} is {g.kind.description}, not {e.kind.description}")
        if not _same_default(g.default, e.default):
            errs.append(f"{e.name!r} defaults to {_show(g.default)}, not {_show(e.default)}")
    for g in g_pos[len(e_pos):]:
        if g.default is P.empty:
            errs.append(f"extra positional parameter {g.name!r} has no default")
    e_var = [p for p in ep if p.kind == P.VAR_POSITIONAL]
    g_var = [p for p in gp if p.kind == P.VAR_POSITIONAL]
    if [p.name for p in e_var] != [p.name for p in g_var]:
        errs.append(f"*args: {[p.name for p in g_var]} instead of {[p.name for p in e_var]}")
    g_kw = {p.name: p for p in gp if p.kind == P.KEYWORD_ONLY}
    for e in (p for p in ep if p.kind == P.KEYWORD_ONLY):
        g = g_kw.pop(e.name, None)
        if g is None:
            errs.append(f"missing keyword-only parameter {e.name!r}")
        elif not _same_default(g.default, e.default):
            errs.append(f"{e.name!r} defaults to {_show(g.default)}, not {_show(e.default)}")
    for g in g_kw.values():
        if g.default is P.empty:
            errs.append(f"extra keyword-only parameter {g.name!r} has no default")
    return errs


def _same_default(a, b):
    if a is inspect.Parameter.empty or b is inspect.Parameter.empty:
        return a is b
    return type(a) is type(b) and a == b


def _show(d):
    return "nothing (required)" if d is inspect.Parameter.empty else repr(d)


# ------------------------------------------------------------------- tests
def test_comparison_catches_departures():
    """The comparison itself: each kind of departure is reported."""
    def f(x, /, *, axis=None):
        pass

    assert mismatches(f, "(x, /, *, axis=None)") == []
    assert mismatches(f, "(y, /, *, axis=None)")                   # name
    assert mismatches(f, "(x, *, axis=None)")                      # positional-only marker
    assert mismatches(f, "(x, /, axis=None)")                      # keyword-only marker
    assert mismatches(f, "(x, /, *, axis=0)")                      # default
    assert mismatches(f, "(x, /, *, axis=None, keepdims=False)")   # missing parameter

    def g(x, /, extra, *, axis=None):
        pass
    assert mismatches(g, "(x, /, *, axis=None)")                   # extra without default

    def h(x, /, axis=0):
        pass
    assert mismatches(h, "(x, /, axis)")                            # required in the standard
    assert mismatches(len, "(obj, /)") == []                        # a builtin


@pytest.mark.parametrize("name", sorted(MAIN))
def test_namespace_signature(name):
    assert hasattr(ac, name), f"arraycore has no {name}"
    errs = mismatches(getattr(ac, name), MAIN[name])
    assert not errs, f"{name}{MAIN[name]}: " + "; ".join(errs)


@pytest.mark.parametrize("name", sorted(ARRAY_METHODS))
def test_array_method_signature(name):
    m = getattr(ac.ndarray, name)
    errs = mismatches(m, ARRAY_METHODS[name], fixed_names=isinstance(m, _SLOT_WRAPPERS))
    assert not errs, f"ndarray.{name}{ARRAY_METHODS[name]}: " + "; ".join(errs)


@pytest.mark.parametrize("name", ARRAY_PROPERTIES)
def test_array_properties_are_properties(name):
    attr = inspect.getattr_static(ac.ndarray, name)
    assert isinstance(attr, (property, types.GetSetDescriptorType, types.MemberDescriptorType))
    x = ac.ones((2, 3))
    getattr(x, name)        # readable on an instance


@pytest.mark.parametrize("name", sorted(INFO_METHODS))
def test_info_method_signature(name):
    info = ac.__array_namespace_info__()
    errs = mismatches(getattr(info, name), INFO_METHODS[name])
    assert not errs, f"info.{name}{INFO_METHODS[name]}: " + "; ".join(errs)


@pytest.mark.parametrize("ext,name", [(e, n) for e, t in EXTENSIONS.items() for n in sorted(t)])
def test_extension_signature(ext, name):
    mod = getattr(ac, ext)
    errs = mismatches(getattr(mod, name), EXTENSIONS[ext][name])
    assert not errs, f"{ext}.{name}{EXTENSIONS[ext][name]}: " + "; ".join(errs)


def test_every_public_function_introspects():
    """Not only the standard's: every public function of the namespace (and
    of its extension modules once they exist) has a signature inspect can
    read; Cython functions are compiled with binding (Cython 3's default) and
    ufuncs carry __signature__."""
    mods = [ac] + [getattr(ac, e) for e in ("linalg", "fft", "random") if hasattr(ac, e)]
    checked = 0
    for mod in mods:
        for name in dir(mod):
            obj = getattr(mod, name)
            if name.startswith("_") or isinstance(obj, type) or not callable(obj):
                continue
            try:
                inspect.signature(obj)
            except (TypeError, ValueError) as e:
                pytest.fail(f"{mod.__name__}.{name}: {e}")
            checked += 1
    assert checked > 120


def test_ufunc_signatures_name_the_inputs_and_keywords():
    """Every element-wise function is a ufunc whose signature is
    introspectable: positional-only inputs named as in the standard, then
    out and the keywords (with defaults) a call accepts."""
    sig = inspect.signature(ac.add)
    assert list(sig.parameters)[:3] == ["x1", "x2", "out"]
    assert sig.parameters["out"].default is None
    assert sig.parameters["dtype"].kind is inspect.Parameter.KEYWORD_ONLY
    for name, p in sig.parameters.items():      # each keyword the signature names is accepted
        if p.kind is inspect.Parameter.KEYWORD_ONLY:
            ac.add(ac.ones(2), ac.ones(2), **{name: p.default})
    assert list(inspect.signature(ac.sqrt).parameters)[:2] == ["x", "out"]
    assert "axes" in inspect.signature(ac.matmul).parameters
    assert ac.ufunc.__signature__ is None      # on the class: nothing (it is not called)


def test_operator_signatures_are_callable_as_documented():
    x = ac.asarray([1.0, 2.0])
    assert (ac.ndarray.__add__(x, x) == ac.asarray([2.0, 4.0])).all()
    assert ac.ndarray.__floordiv__(x, 2.0).tolist() == [0.0, 1.0]
    with pytest.raises(TypeError):
        ac.ndarray.__add__(x, other=x)          # positional-only, as the standard writes it


def test_renamed_and_repositioned_parameters():
    assert ac.isdtype(dtype=ac.float32, kind="real floating")
    assert ac.can_cast(ac.int8, ac.int16)
    assert ac.can_cast(ac.int16, ac.int8, casting="unsafe")     # arraycore's extra keyword
    with pytest.raises(TypeError):
        ac.can_cast(ac.int16, ac.int8, "unsafe")                # keyword-only
    with pytest.raises(TypeError):
        ac.asarray([1, 2], ac.float32)                          # dtype is keyword-only
    assert ac.asarray([1, 2], dtype=ac.float32).dtype == ac.float32
    with pytest.raises(TypeError):
        ac.expand_dims(ac.ones(2))                              # axis is required
    with pytest.raises(TypeError):
        ac.squeeze(ac.ones((1, 2)))                             # axis is required
    assert ac.squeeze(ac.ones((1, 2)), 0).shape == (2,)
    assert ac.expand_dims(ac.ones(2), (0, 2)).shape == (1, 2, 1)
    assert ac.ones((1, 2)).squeeze().shape == (2,)              # the NumPy method keeps it
    with pytest.raises(TypeError):
        ac.finfo(type=ac.float32)


# ------------------------------------------------------------ tuple results
def test_results_the_standard_makes_tuples():
    a, b = ac.asarray([1.0, 2.0]), ac.asarray([3.0, 4.0, 5.0])
    for r in (ac.meshgrid(a, b), ac.meshgrid(a, b, indexing="ij"), ac.meshgrid(),
              ac.broadcast_arrays(a, ac.asarray(1.0)), ac.broadcast_arrays(),
              ac.unstack(ac.ones((3, 2)), axis=1), ac.nonzero(ac.asarray([[0, 1], [2, 0]])),
              ac.__array_namespace_info__().devices(), a.__dlpack_device__(),
              ac.broadcast_shapes((2, 1), (3,)), ac.broadcast_shapes(), a.shape):
        assert type(r) is tuple, type(r)
    assert len(ac.meshgrid(a, b)) == 2 and ac.meshgrid(a, b)[0].shape == (3, 2)
    assert [x.shape for x in ac.broadcast_arrays(a, ac.ones((3, 1)))] == [(3, 2), (3, 2)]
    assert len(ac.unstack(ac.ones((3, 2)), axis=1)) == 2
    dev, dev_id = a.__dlpack_device__()
    assert int(dev) == 1 and dev_id == 0            # kDLCPU


@pytest.mark.parametrize("func,fields", [
    ("unique_all", ("values", "indices", "inverse_indices", "counts")),
    ("unique_counts", ("values", "counts")),
    ("unique_inverse", ("values", "inverse_indices")),
])
def test_named_tuple_results(func, fields):
    x = ac.asarray([3, 1, 3, 2, 1, 3])
    r = getattr(ac, func)(x)
    assert isinstance(r, tuple) and r._fields == fields
    for f in fields:
        assert getattr(r, f) is r[fields.index(f)]
        assert getattr(r, f).dtype == (x.dtype if f == "values" else ac.int64)
    assert r.values.tolist() == [1, 2, 3]


def test_finfo_iinfo_objects():
    fi = ac.finfo(ac.complex64)
    assert (fi.bits, fi.dtype) == (32, ac.float32)
    assert fi.eps == 2.0 ** -23 and fi.smallest_normal == 2.0 ** -126 and fi.min == -fi.max
    assert ac.finfo(ac.ones(2)).dtype == ac.float64        # an array works too
    ii = ac.iinfo(ac.uint16)
    assert (ii.bits, ii.min, ii.max, ii.dtype) == (16, 0, 65535, ac.uint16)
    for obj in (fi, ii):
        for attr in ("bits", "max", "min", "dtype"):
            assert hasattr(obj, attr)


# -------------------------------------------------- version and namespace
def test_array_api_version():
    assert ac.__array_api_version__ == "2025.12"


@pytest.mark.parametrize("v", [None, "2021.12", "2022.12", "2023.12", "2024.12", "2025.12"])
def test_array_namespace_accepts_supported_versions(v):
    assert ac.ones(2).__array_namespace__(api_version=v) is ac
    assert ac.asarray(1).__array_namespace__() is ac


@pytest.mark.parametrize("v", ["2020.10", "2020.12", "2026.12", "2025.11", "2025", "", 2025.12,
                               "latest", b"2025.12"])
def test_array_namespace_rejects_other_versions(v):
    with pytest.raises(ValueError):
        ac.ones(2).__array_namespace__(api_version=v)
    with pytest.raises(TypeError):
        ac.ones(2).__array_namespace__("2025.12")       # keyword-only


# ------------------------------------------------------ the inspection object
KINDS = {
    "bool": {"bool"},
    "signed integer": {"int8", "int16", "int32", "int64"},
    "unsigned integer": {"uint8", "uint16", "uint32", "uint64"},
    "real floating": {"float32", "float64"},
    "complex floating": {"complex64", "complex128"},
}
KINDS["integral"] = KINDS["signed integer"] | KINDS["unsigned integer"]
KINDS["numeric"] = KINDS["integral"] | KINDS["real floating"] | KINDS["complex floating"]


def test_capabilities():
    caps = ac.__array_namespace_info__().capabilities()
    assert type(caps) is dict
    # every key of 2025.12 (info.py; _types.Capabilities names the last one "max rank")
    for key in ("boolean indexing", "data-dependent shapes", "max dimensions", "max rank"):
        assert key in caps, key
    assert caps["boolean indexing"] is True and caps["data-dependent shapes"] is True
    assert caps["max dimensions"] == caps["max rank"] == 64
    # the limits are true: 64 dimensions work, 65 do not; boolean masks and
    # data-dependent shapes do
    assert ac.ones((1,) * 64).ndim == 64
    with pytest.raises(ValueError):
        ac.ones((1,) * 65)
    x = ac.asarray([1.0, -2.0, 3.0])
    assert x[x > 0].tolist() == [1.0, 3.0]
    assert ac.unique_values(ac.asarray([2, 2, 1])).shape == (2,)


def test_default_device_and_devices():
    info = ac.__array_namespace_info__()
    assert info.default_device() == "cpu"
    devs = info.devices()
    assert type(devs) is tuple and devs == ("cpu",)
    for d in devs:                      # each one is a valid device= for creation functions
        assert ac.zeros(2, device=d).device == d
    assert ac.ones(2).device in devs


@pytest.mark.parametrize("device", [None, "cpu"])
def test_default_dtypes(device):
    dd = ac.__array_namespace_info__().default_dtypes(device=device)
    assert dd == {"real floating": ac.float64, "complex floating": ac.complex128,
                  "integral": ac.int64, "indexing": ac.int64}
    # and they are the defaults the functions use
    assert ac.asarray(1.0).dtype == dd["real floating"]
    assert ac.asarray(1j).dtype == dd["complex floating"]
    assert ac.asarray(1).dtype == dd["integral"]
    assert ac.argmax(ac.ones(3)).dtype == dd["indexing"]
    assert ac.nonzero(ac.ones(3))[0].dtype == dd["indexing"]


@pytest.mark.parametrize("device", [None, "cpu"])
@pytest.mark.parametrize("kind", [None, *KINDS, ("bool", "real floating"),
                                  ("signed integer", "complex floating"), ()])
def test_dtypes(device, kind):
    got = ac.__array_namespace_info__().dtypes(device=device, kind=kind)
    if kind is None:
        names = set(DTYPES)
    elif isinstance(kind, tuple):
        names = set().union(*(KINDS[k] for k in kind))
    else:
        names = KINDS[kind]
    assert set(got) == names            # canonical names only: no float16
    for n, d in got.items():
        assert d == getattr(ac, n)


def test_info_rejects_other_devices_and_kinds():
    info = ac.__array_namespace_info__()
    with pytest.raises(ValueError):
        info.dtypes(device="gpu")
    with pytest.raises(ValueError):
        info.default_dtypes(device="cuda:0")
    with pytest.raises(ValueError):
        info.dtypes(kind="floating-ish")
    with pytest.raises(TypeError):
        info.dtypes(kind=3)
    with pytest.raises(TypeError):
        info.dtypes("bool")             # keyword-only


def test_namespace_constants_and_dtypes():
    for name, v in CONSTANTS.items():
        got = getattr(ac, name)
        if isinstance(v, float) and math.isnan(v):
            assert math.isnan(got) and type(got) is float
        else:
            assert got == v and type(got) is type(v)
    for n in DTYPES:
        assert ac.isdtype(getattr(ac, n), getattr(ac, n))


# ---------------------------------------------------- a += b keeps -0.0
@pytest.mark.parametrize("dt", ["float16", "float32", "float64", "complex64", "complex128"])
def test_inplace_add_of_negative_zeros(dt):
    """-0.0 + -0.0 is -0.0 in every path: 0-d and size-1 operands reach the
    loop's reduce-like path (output == first input, both stride 0), which
    used to start its sum from +0."""
    neg = complex(-0.0, -0.0) if dt.startswith("complex") else -0.0

    def signs(v):
        v = complex(v)
        return (math.copysign(1, v.real), math.copysign(1, v.imag))

    exp = signs(neg)
    for shape in ((), (1,), (1, 1)):
        a = ac.full(shape, neg, dtype=getattr(ac, dt))
        a += ac.full(shape, neg, dtype=getattr(ac, dt))
        assert signs(a.reshape(()) if shape else a) == exp, (dt, shape)
        a = ac.full(shape, neg, dtype=getattr(ac, dt))
        a += neg                                        # a Python scalar
        assert signs(a.reshape(()) if shape else a) == exp, (dt, shape)
        a = ac.full(shape, neg, dtype=getattr(ac, dt))
        ac.add(a, a, out=a)
        assert signs(a.reshape(()) if shape else a) == exp, (dt, shape)
    # the same loop path with more elements: out[0] += sum(b) over a run
    a = ac.full(1, neg, dtype=getattr(ac, dt))
    b = ac.full(7, neg, dtype=getattr(ac, dt))
    ac.add.at(a, ac.zeros(7, dtype=ac.int64), b)
    assert signs(a[0]) == exp
