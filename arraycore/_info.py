"""The Array API inspection namespace: __array_namespace_info__()."""


class _Info:
    """What this arraycore namespace supports (Array API inspection utilities)."""

    def capabilities(self):
        return {"boolean indexing": True, "data-dependent shapes": True, "max dimensions": 64}

    def default_device(self):
        return "cpu"

    def devices(self):
        return ["cpu"]

    def default_dtypes(self, *, device=None):
        import arraycore as ac
        return {"real floating": ac.float64, "complex floating": ac.complex128,
                "integral": ac.int64, "indexing": ac.int64}

    def dtypes(self, *, device=None, kind=None):
        import arraycore as ac
        names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                 "uint64", "float32", "float64", "complex64", "complex128"]
        all_ = {n: ac.dtype(n) for n in names}
        if kind is None:
            return all_
        return {n: d for n, d in all_.items() if ac.isdtype(d, kind)}


def __array_namespace_info__():
    """The inspection namespace of arraycore."""
    return _Info()
