"""The fuzz worker of tests/test_fuzz.py: random calls of arraycore's public
functions, ndarray methods and operators, ufunc methods and C-API entries
(through the C-API test extension, when it was built) with hostile
arguments.  Call i of a run is built from random.Random(f"{seed}:{i}") alone,
so one call is reproduced by its seed and index:

    python tests/_fuzz.py SEED START COUNT      # a batch, as the test runs it
    python tests/_fuzz.py SEED INDEX 1 -v       # one call, printed before it runs

Every call may raise any Exception: that is the library saying no.  What
counts as a failure: the process dying (a crash; the parent reads the last
call from the journal file), SystemError (a C function returned an error
without an exception, or the reverse) and exceptions that are not
Exception subclasses (KeyboardInterrupt, ...).  The worker writes the call
about to run to $ARRAYCORE_FUZZ_JOURNAL before running it.
"""
import gc
import math
import operator
import os
import random
import signal
import sys
import warnings
from collections.abc import Sequence

import arraycore as ac

try:
    import numpy as np
except ImportError:          # pragma: no cover - numpy is in the test extras
    np = None

# functions left out: they wait, print or touch files; nothing else is
_SKIP_FUNCS = {"get_include", "nditer", "ndenumerate", "ndindex", "errstate"}
_DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
           "uint64", "float16", "float32", "float64", "complex64", "complex128"]
_BAD_DTYPES = ["<f8", ">f8", ">i4", ">c16", "f", "i", "O", "U5", "S3", "V8", "float128",
               "datetime64", "", "xyz", "int64,int64"]
# hostile integers; no mid-size values (2**31 .. 2**44) that a shape could
# turn into an allocation that succeeds and is then filled
_INTS = [0, 1, 2, 3, -1, -2, 7, 63, 64, 65, -64, -65, 2 ** 45, -2 ** 45, 2 ** 62, -2 ** 62,
         2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64 - 1, 2 ** 64, -2 ** 63 - 1, 10 ** 30, -10 ** 30]
_FLOATS = [0.0, -0.0, 0.5, -1.5, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan,
           65504.0, 2.0 ** 63, 1e19]
_SMALL_SHAPES = [(), (0,), (1,), (3,), (2, 3), (3, 0, 2), (2, 1, 3), (1,) * 64, (4, 4),
                 (1, 2, 1, 2)]


# ----------------------------------------------------- hostile objects
class SelfArray:
    def __array__(self, dtype=None, copy=None):
        return self


class GarbageArray:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"GarbageArray({self.v!r})"

    def __array__(self, dtype=None, copy=None):
        return self.v


class RaisingArray:
    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("__array__ refuses")


class LyingSeq(Sequence):
    """A Sequence whose __len__ lies about what __getitem__ gives."""
    def __init__(self, n, real, item):
        self.n, self.real, self.item = n, real, item

    def __repr__(self):
        return f"LyingSeq({self.n}, {self.real}, {self.item!r})"

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self.item] * len(range(*i.indices(self.real)))
        if 0 <= i < self.real:
            return self.item
        raise IndexError(i)


class SelfSeq(Sequence):
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i in (0, 1):
            return self
        raise IndexError(i)


class BadIndex:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"BadIndex({self.v!r})"

    def __index__(self):
        if isinstance(self.v, BaseException):
            raise self.v
        return self.v


class BadLen:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"BadLen({self.n})"

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, int) and not 0 <= i < 3:
            raise IndexError(i)
        return 1.0


class LyingInterface:
    def __init__(self, d):
        self.__array_interface__ = d

    def __repr__(self):
        return f"LyingInterface({self.__array_interface__!r})"


class LyingDLPack:
    def __init__(self, ret):
        self.ret = ret

    def __repr__(self):
        return f"LyingDLPack({self.ret!r})"

    def __dlpack__(self, **kw):
        if isinstance(self.ret, BaseException):
            raise self.ret
        return self.ret

    def __dlpack_device__(self):
        return (1, 0)


class BadFloat:
    def __float__(self):
        raise ValueError("no float")


def _array(rng, small=True):
    dt = rng.choice(_DTYPES)
    shape = rng.choice(_SMALL_SHAPES)
    n = 1
    for s in shape:
        n *= s
    kind = dt[0]
    if dt == "bool":
        vals = [rng.random() < 0.5 for _ in range(n)]
    elif kind in "iu":
        lo, hi = (0, 255) if kind == "u" else (-128, 127)
        vals = [rng.randint(lo, hi) for _ in range(n)]
    else:
        vals = [rng.choice([0.0, 1.5, -2.0, math.nan, math.inf, 3.0]) for _ in range(n)]
    a = ac.asarray(vals, dtype=dt).reshape(shape)
    r = rng.random()
    if a.ndim >= 1 and r < 0.15:
        a = a[::-1]
    elif a.ndim >= 1 and r < 0.3:
        a = a[::2]
    elif a.ndim >= 2 and r < 0.4:
        a = a.mT
    elif r < 0.45:
        a = ac.broadcast_to(a, (2,) + tuple(a.shape))
    elif r < 0.5 and np is not None:
        # read-only, through the buffer protocol
        na = np.asarray(a.tolist(), dtype=dt) if a.ndim else np.asarray(a.tolist(), dtype=dt)
        na.flags.writeable = False
        a = ac.asarray(na)
    elif r < 0.55 and np is not None and a.ndim >= 1 and dt not in ("bool",):
        # byte-swapped and misaligned data
        na = np.asarray(a.tolist(), dtype=np.dtype(dt).newbyteorder())
        buf = np.zeros(na.nbytes + 1, dtype=np.uint8)
        mis = buf[1:].view(na.dtype).reshape(na.shape) if na.size else na
        mis[...] = na
        a = ac.asarray(mis)
    return a


def _value(rng, depth=0):
    r = rng.random()
    if r < 0.35:
        return _array(rng)
    if r < 0.47:
        return rng.choice(_INTS)
    if r < 0.53:
        return rng.choice(_FLOATS)
    if r < 0.56:
        return rng.choice([True, False, 1j, complex(math.nan, 1), None, Ellipsis])
    if r < 0.62:
        return rng.choice([
            slice(None, None, 2 ** 63 - 1), slice(None, None, -2 ** 63 + 1),
            slice(-2 ** 63, 2 ** 63 - 1), slice(None, None, 0), slice(1, -1, 2),
            slice(None, None, -1), slice(2 ** 62, None), slice(BadIndex(3), None),
            slice(None, None, BadIndex(OverflowError("x")))])
    if r < 0.68 and depth < 2:
        return tuple(_value(rng, depth + 1) for _ in range(rng.randint(0, 4)))
    if r < 0.74:
        return rng.choice(_LISTS)()
    if r < 0.9:
        return rng.choice(_HOSTILE)()
    if r < 0.95:
        return rng.choice(["x", b"ab", {"a": 1}, {1, 2}, object(), lambda: 0, print,
                           memoryview(b"abcdefgh"), bytearray(8), range(5),
                           range(0, 2 ** 63 - 1, 2 ** 62), iter([1, 2])])
    if np is not None:
        return rng.choice([np.arange(6.0).reshape(2, 3), np.float16(65504), np.int64(-1),
                           np.uint64(2 ** 64 - 1), np.zeros((2, 0)), np.array(1.5),
                           np.arange(4)[::-1], np.ones(3, dtype=">i2")])
    return 0


def _index(rng):
    """An index: basic, advanced, mixed, with Ellipsis and None, hostile parts."""
    parts = []
    for _ in range(rng.randint(0, 5)):
        r = rng.random()
        if r < 0.25:
            parts.append(rng.choice([0, 1, -1, 2, -3, 2 ** 63 - 1, -2 ** 63, 5]))
        elif r < 0.45:
            parts.append(slice(rng.choice([None, 0, 1, -1, 2 ** 63 - 1, -2 ** 63]),
                               rng.choice([None, 0, 2, -1, 2 ** 63 - 1, -2 ** 63]),
                               rng.choice([None, 1, 2, -1, -2, 2 ** 63 - 1, -2 ** 63 + 1])))
        elif r < 0.55:
            parts.append(Ellipsis)
        elif r < 0.62:
            parts.append(None)
        elif r < 0.8:
            parts.append(ac.asarray(rng.choice([[0, 1], [-1, 0, 0], [[0], [1]], [], [2 ** 62],
                                                [0, -2 ** 63]]), dtype="int64"))
        elif r < 0.9:
            parts.append(ac.asarray(rng.choice([[True, False], [True], [], [[True, False]]]),
                                    dtype="bool"))
        else:
            parts.append(rng.choice([True, False, [0, 1], [[0, 1]], BadIndex(1),
                                     BadIndex(2 ** 70), 1.5, "a"]))
    return tuple(parts) if rng.random() < 0.8 or len(parts) != 1 else parts[0]


def _deep_list(n):
    x = [1.0]
    for _ in range(n):
        x = [x]
    return x


def _cyclic():
    x = [1]
    x.append(x)
    return x


_LISTS = [
    lambda: [1, 2, 3], lambda: [[1, 2], [3]], lambda: [[1, 2], [3, 4]],
    lambda: [1.5, 2 ** 63, -1], lambda: [2 ** 64], lambda: [[[]]], lambda: [],
    lambda: _deep_list(70), lambda: _deep_list(3000), _cyclic,
    lambda: [ac.ones(2), [1, 2]], lambda: [1, "a"], lambda: [None],
    lambda: [[1, 2]] * 3, lambda: (1j, 2), lambda: [True, 2.5],
]

_HOSTILE = [
    SelfArray, RaisingArray, SelfSeq, BadFloat,
    lambda: GarbageArray(5), lambda: GarbageArray("x"), lambda: GarbageArray(SelfArray()),
    lambda: GarbageArray([1, 2]), lambda: GarbageArray(None),
    lambda: LyingSeq(10, 2, 1.0), lambda: LyingSeq(1, 5, 2.0), lambda: LyingSeq(2 ** 62, 1, 1),
    lambda: LyingSeq(3, 3, SelfSeq()), lambda: BadLen(-1), lambda: BadLen(2 ** 62),
    lambda: BadIndex(2 ** 70), lambda: BadIndex(-2 ** 63), lambda: BadIndex(2 ** 63 - 1),
    lambda: BadIndex(ValueError("no")), lambda: BadIndex(3),
    lambda: LyingInterface({"shape": (3,), "typestr": "<f8", "version": 3,
                            "data": b"\0" * 8}),
    lambda: LyingInterface({"shape": (-1,), "typestr": "<f8", "version": 3,
                            "data": b"\0" * 8}),
    lambda: LyingInterface({"shape": (2 ** 62, 4), "typestr": "<f8", "version": 3,
                            "data": b"\0" * 8}),
    lambda: LyingInterface({"shape": (2,), "typestr": "zz", "version": 3, "data": b"ab"}),
    lambda: LyingInterface({"shape": (2,), "typestr": "<i4", "version": 3,
                            "data": b"\0" * 8, "strides": (4, 4)}),
    lambda: LyingInterface({"shape": (2,), "typestr": "<i4", "version": 3,
                            "data": b"\0" * 8, "strides": (2 ** 62,)}),
    lambda: LyingInterface({"shape": (70,) * 70, "typestr": "<i1", "version": 3,
                            "data": b"\0"}),
    lambda: LyingInterface(None), lambda: LyingInterface({"version": 3}),
    lambda: LyingDLPack(5), lambda: LyingDLPack(None), lambda: LyingDLPack(b"x"),
    lambda: LyingDLPack(TypeError("no dlpack")),
]

_KWARGS = {
    "axis": lambda rng: rng.choice([None, 0, 1, -1, 63, -65, 2 ** 63, (0, 0), (0, 1), "x",
                                    BadIndex(1), 1.5]),
    "dtype": lambda rng: rng.choice(_DTYPES + _BAD_DTYPES + [None, int, float, 5]),
    "out": lambda rng: rng.choice([None, _array(rng), 3, "x", (None,), (_array(rng),),
                                   ac.zeros(3), ac.zeros((2, 3)), [0.0, 0.0]]),
    "keepdims": lambda rng: rng.choice([True, False, "x"]),
    "copy": lambda rng: rng.choice([True, False, None, "x"]),
    "casting": lambda rng: rng.choice(["no", "equiv", "safe", "same_kind", "unsafe", "x", 3]),
    "order": lambda rng: rng.choice(["C", "F", "A", "K", "x", None]),
    "where": lambda rng: rng.choice([True, False, _array(rng), [True, False]]),
    "initial": lambda rng: rng.choice(_INTS + _FLOATS + [None]),
    "k": lambda rng: rng.choice(_INTS),
    "shape": lambda rng: rng.choice([(2 ** 62, 4), (-1,), (2 ** 63 - 1,), (3, -1), (1,) * 65,
                                     (2, 3), (), 2 ** 45, BadIndex(2)]),
    "signature": lambda rng: rng.choice(["dd->d", "ii->i", ("f8", "f8", "f8"), "x", 5]),
    "device": lambda rng: rng.choice([None, "cpu", "gpu"]),
}

_UFUNCS = sorted(n for n in dir(ac) if isinstance(getattr(ac, n), ac.ufunc))
_FUNCS = sorted(n for n in dir(ac) if not n.startswith("_") and callable(getattr(ac, n))
                and n not in _SKIP_FUNCS and not isinstance(getattr(ac, n), ac.ufunc)
                and not isinstance(getattr(ac, n), type))
_METHODS = sorted(n for n in dir(ac.ndarray) if not n.startswith("__") or n in (
    "__getitem__", "__setitem__", "__array__", "__dlpack__", "__array_namespace__",
    "__reduce__", "__setstate__", "__len__", "__iter__", "__index__", "__int__",
    "__float__", "__complex__", "__bool__", "__format__", "__copy__", "__deepcopy__"))
_OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
        operator.mod, operator.pow, operator.matmul, operator.and_, operator.or_,
        operator.xor, operator.lshift, operator.rshift, operator.lt, operator.le,
        operator.eq, operator.ne, operator.ge, operator.gt, operator.iadd, operator.isub,
        operator.imul, operator.itruediv, operator.ifloordiv, operator.imod, operator.ipow,
        operator.imatmul, operator.iand, operator.ior, operator.ilshift, operator.contains,
        operator.getitem, operator.setitem, divmod]
_UNARY = [operator.neg, operator.pos, abs, operator.invert, len, iter, bool, int, float,
          complex, repr, str, hash, operator.index, list]
# C-API entries of the test extension that are unchecked by design (raw
# pointers from Python ints, the macros that do no bounds checks, timing)
_CAPI_SKIP = {"getptr", "getptr_macros", "static_data", "time_from_any", "bad_calls",
              "versions", "import_arraycore", "from_bytearray", "inout_take"}


_PLAIN = {"axis": [0, -1, None, 1], "dtype": ["float64", "int32", None, "bool"],
          "keepdims": [True, False], "copy": [None, True], "order": ["C", "F", "K"],
          "casting": ["same_kind", "unsafe", "safe"], "where": [True],
          "initial": [0, 1], "k": [0, 1, -1], "shape": [(2, 3), (6,), -1],
          "device": ["cpu", None], "out": [None], "signature": [None]}


def _params(fn):
    """The keyword parameters fn accepts (None: unknown)."""
    import inspect
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    return {p.name for p in sig.parameters.values()
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)}


def _kwargs(rng, names, fn=None):
    """0-2 keyword arguments, mostly among those fn accepts; values hostile
    half of the time."""
    accepted = _params(fn) if fn is not None else None
    pool = [n for n in names if accepted is None or n in accepted] or names
    kw = {}
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        n = rng.choice(pool)
        kw[n] = _KWARGS[n](rng) if rng.random() < 0.5 else rng.choice(_PLAIN[n])
    return kw


def make_call(seed, i, capi=None):
    """The i-th call of run `seed`: (description, thunk)."""
    rng = random.Random(f"{seed}:{i}")
    kind = rng.random()
    if kind < 0.4:
        name = rng.choice(_FUNCS)
        fn = getattr(ac, name)
        args = [_array(rng) if rng.random() < 0.5 else _value(rng)
                for _ in range(rng.choice([0, 1, 1, 2, 2, 3]))]
        kw = _kwargs(rng, ["axis", "dtype", "out", "keepdims", "copy", "k", "shape",
                           "device", "order"], fn)
        label = f"ac.{name}"
    elif kind < 0.6:
        a = _array(rng) if rng.random() < 0.9 else _value(rng)
        name = rng.choice(_METHODS)
        attr = getattr(a, name, None)
        if not callable(attr):
            return f"getattr({a!r:.200}, {name!r})", (lambda: getattr(a, name))
        fn = attr
        args = [_value(rng) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
        kw = _kwargs(rng, ["axis", "dtype", "out", "keepdims", "copy", "order"], fn)
        if not isinstance(a, ac.ndarray):
            # a NumPy receiver: NumPy's own method.  NumPy itself walks a
            # self-containing sequence without end (np.int64(-1).choose(...,
            # (LyingSeq(3, 3, SelfSeq()), ...)) hangs with no arraycore
            # object involved), so those values go only to arraycore's code
            args = [_numpy_safe(v) for v in args]
            kw = {k: _numpy_safe(v) for k, v in kw.items()}
            if all(_plain(v) for v in list(args) + list(kw.values())):
                # no arraycore code can run: a SystemError is NumPy's own
                # (np.array(1.5).__format__(-1) raises one), not a finding
                fn = _numpy_own(fn)
        label = f"<{a!r:.300}>.{name}"
    elif kind < 0.75:
        if rng.random() < 0.25:
            fn = rng.choice(_UNARY)
            args = [_array(rng) if rng.random() < 0.8 else _value(rng)]
        else:
            fn = rng.choice(_OPS)
            x, y = _array(rng), _value(rng)
            args = [x, y] if rng.random() < 0.6 else [y, x]
            if fn is operator.setitem:
                args = [_array(rng), _index(rng) if rng.random() < 0.7 else _value(rng),
                        _value(rng)]
            elif fn is operator.getitem:
                args = [_array(rng), _index(rng) if rng.random() < 0.7 else _value(rng)]
            if fn is operator.setitem and rng.random() < 0.3:
                # the value overlaps the target: a view of the same array
                t = args[0]
                args[2] = t.mT if t.ndim >= 2 and rng.random() < 0.5 else (
                    t[::-1] if t.ndim else t)
        kw = {}
        label = getattr(fn, "__name__", repr(fn))
    elif kind < 0.95 or capi is None:
        uf = getattr(ac, rng.choice(_UFUNCS))
        meth = rng.choice(["__call__", "reduce", "accumulate", "reduceat", "outer", "at"])
        fn = getattr(uf, meth)
        if meth == "at":
            args = [_array(rng), _value(rng)] + ([_value(rng)] if uf.nin == 2 else [])
            kw = {}
        elif meth == "reduceat":
            args = [_array(rng), rng.choice([[0, 1], [0], [], [5, 0], [-1],
                                             [2 ** 63 - 1], _value(rng)])]
            kw = _kwargs(rng, ["axis", "dtype", "out"])
        elif meth in ("reduce", "accumulate"):
            args = [_array(rng) if rng.random() < 0.85 else _value(rng)]
            kw = _kwargs(rng, ["axis", "dtype", "out"] + (
                ["keepdims", "initial", "where"] if meth == "reduce" else []))
        else:
            n = uf.nin if meth == "__call__" else 2
            args = [_array(rng) if rng.random() < 0.7 else _value(rng) for _ in range(n)]
            if rng.random() < 0.15:       # the output overlapping an input
                args.append(args[0])
            kw = _kwargs(rng, ["out", "dtype", "casting", "where", "order", "signature"])
        label = f"ac.{uf.__name__}.{meth}"
    else:
        name = rng.choice(sorted(n for n in dir(capi) if not n.startswith("_")
                                 and callable(getattr(capi, n)) and n not in _CAPI_SKIP))
        fn = getattr(capi, name)
        args = [rng.choice([_value, lambda r: r.choice(_INTS), _KWARGS["shape"],
                            lambda r: r.randint(-1, 25), _array])(rng)
                for _ in range(rng.choice([0, 1, 2, 3, 4]))]
        kw = {}
        label = f"capi.{name}"
    desc = f"{label}(" + ", ".join([_short(a) for a in args] +
                                   [f"{k}={_short(v)}" for k, v in kw.items()]) + ")"
    return desc, (lambda: fn(*args, **kw))


def _self_containing(v, depth=0):
    if isinstance(v, SelfSeq):
        return True
    if depth > 3:
        return False
    if isinstance(v, LyingSeq):
        return _self_containing(v.item, depth + 1)
    if isinstance(v, (list, tuple)):
        return any(_self_containing(x, depth + 1) for x in v)
    return False


def _plain(v, depth=0):
    """v holds only Python scalars, strings, None and NumPy objects: nothing
    through which arraycore's code could be reached"""
    if v is None or type(v) in (bool, int, float, complex, str, bytes):
        return True
    if type(v).__module__ == "numpy" and isinstance(v, (np.ndarray, np.generic)):
        return True
    if type(v) in (list, tuple) and depth < 4:
        return all(_plain(x, depth + 1) for x in v)
    return False


def _numpy_own(fn):
    """fn, with a SystemError (NumPy's own, see _plain) turned into an ordinary exception"""
    def call(*args, **kw):
        try:
            return fn(*args, **kw)
        except SystemError as e:
            raise RuntimeError(f"NumPy's own SystemError: {e}") from None
    return call


def _numpy_safe(v):
    """v, or a plain list in place of a self-containing sequence (which
    NumPy's own code walks without end)"""
    return [1, 2] if _self_containing(v) else v


def _short(v):
    try:
        s = repr(v)
    except Exception as e:       # a hostile repr
        s = f"<unrepresentable {type(v).__name__}: {type(e).__name__}>"
    return s if len(s) < 300 else s[:300] + "..."


def _load_capi():
    path = os.environ.get("ARRAYCORE_FUZZ_CAPI")
    if not path:
        return None
    import importlib.util
    name = os.path.basename(path).split(".")[0]
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class CallTimeout(BaseException):
    """One call ran longer than _CALL_SECONDS (Python-level hang)."""


_CALL_SECONDS = float(os.environ.get("ARRAYCORE_FUZZ_CALL_SECONDS", "30"))


def _alarm(signum, frame):
    raise CallTimeout(f"the call ran longer than {_CALL_SECONDS} s")


def main(argv):
    seed, start, count = int(argv[1]), int(argv[2]), int(argv[3])
    verbose = "-v" in argv
    journal = os.environ.get("ARRAYCORE_FUZZ_JOURNAL")
    if os.environ.get("ARRAYCORE_FUZZ_RLIMIT_GB") and "asan" not in os.environ.get(
            "LD_PRELOAD", ""):
        import resource
        lim = int(float(os.environ["ARRAYCORE_FUZZ_RLIMIT_GB"]) * 2 ** 30)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
    capi = _load_capi()
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _alarm)
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(3000)
    jf = open(journal, "w") if journal else None
    real_stdout = sys.stdout
    if not verbose:
        sys.stdout = open(os.devnull, "w")     # calls may print (repr of huge things)
    bad = []
    raised = 0
    for i in range(start, start + count):
        try:
            desc, thunk = make_call(seed, i, capi)
        except Exception as e:                 # building hostile values may fail: skip
            desc, thunk = f"<build failed: {type(e).__name__}: {e}>", (lambda: None)
        if jf is not None:
            jf.seek(0)
            jf.write(f"{i}\n{desc}\n")
            jf.truncate()
            jf.flush()
        if verbose:
            print(f"[{seed}:{i}] {desc}", file=real_stdout, flush=True)
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, _CALL_SECONDS)
        try:
            thunk()
        except SystemError as e:
            bad.append(f"[{seed}:{i}] {desc}\n    SystemError: {e}")
        except Exception:
            raised += 1
        except BaseException as e:
            bad.append(f"[{seed}:{i}] {desc}\n    {type(e).__name__}: {e}")
        finally:
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)
        if i % 200 == 0:
            gc.collect()
    sys.stdout = real_stdout
    for b in bad:
        print("BAD", b)
    print(f"{count - raised} calls returned, {raised} raised an Exception")
    print(f"DONE {count}")
    return 3 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
