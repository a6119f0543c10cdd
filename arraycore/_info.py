"""The Array API inspection namespace: __array_namespace_info__() (2025.12).

capabilities(), default_device(), devices() (a tuple), default_dtypes(*,
device=None) and dtypes(*, device=None, kind=None), as the standard's
info.py describes them.  arraycore has one device, "cpu"; any other device
is a ValueError.
"""

# the data types of the standard, in its order (float16 is arraycore's
# extension and is left out: dtypes() must not list what the standard lacks)
_NAMES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128")
_MAX_DIMS = 64      # AC_MAXDIMS (include/arraycore/actypes.h)


def _check_device(device):
    if device is not None and device != "cpu":
        raise ValueError(f"unsupported device {device!r}: arraycore only has 'cpu'")


class _Info:
    """What this arraycore namespace supports (Array API inspection utilities)."""

    __slots__ = ()

    def capabilities(self):
        """The library's capabilities.  "max dimensions" is the key info.py
        of the 2025.12 stubs requires; "max rank" is the same value under the
        name the stubs' _types.Capabilities gives it."""
        return {"boolean indexing": True, "data-dependent shapes": True,
                "max dimensions": _MAX_DIMS, "max rank": _MAX_DIMS}

    def default_device(self):
        """The default device: "cpu"."""
        return "cpu"

    def devices(self):
        """The devices available at run time, as a tuple (2025.12)."""
        return ("cpu",)

    def default_dtypes(self, *, device=None):
        """The default data type of each kind on `device`."""
        _check_device(device)
        import arraycore as ac
        return {"real floating": ac.float64, "complex floating": ac.complex128,
                "integral": ac.int64, "indexing": ac.int64}

    def dtypes(self, *, device=None, kind=None):
        """The standard's data types supported on `device`, by canonical name;
        only those of `kind` (a kind name or a tuple of them) when given."""
        _check_device(device)
        import arraycore as ac
        all_ = {n: ac.dtype(n) for n in _NAMES}
        if kind is None:
            return all_
        if not isinstance(kind, (str, tuple)) or (
                isinstance(kind, tuple) and not all(isinstance(k, str) for k in kind)):
            raise TypeError(f"kind must be a kind name or a tuple of them, not {kind!r}")
        return {n: d for n, d in all_.items() if ac.isdtype(d, kind)}

    def __repr__(self):
        return "arraycore.__array_namespace_info__()"


_INFO = _Info()


def __array_namespace_info__():
    """The inspection namespace of arraycore."""
    return _INFO
