"""arraycore.linalg -- the Array API linear algebra extension (2025.12) on
LAPACK, plus NumPy's lstsq, norm, cond and multi_dot.

The BLAS/LAPACK library (OpenBLAS of the scipy-openblas64 package) is loaded
on the first call that needs it, not when arraycore is imported.  Inputs of
type float32, float64, complex64 and complex128 are computed in their own
precision; bool and integer inputs are promoted to float64 (as NumPy does);
float16 is refused with TypeError.
"""
from arraycore.linalg._lapack import LinAlgError

__all__ = [
    "cholesky", "cross", "det", "diagonal", "eig", "eigh", "eigvals", "eigvalsh",
    "inv", "matmul", "matrix_norm", "matrix_power", "matrix_rank",
    "matrix_transpose", "outer", "pinv", "qr", "slogdet", "solve", "svd", "svdvals",
    "tensordot", "trace", "vecdot", "vector_norm",
    "lstsq", "norm", "cond", "multi_dot", "LinAlgError",
]
_RESULTS = ("EighResult", "EigResult", "QRResult", "SlogdetResult", "SVDResult")


def __getattr__(name):
    # the functions live in _funcs, imported on first access so that
    # `import arraycore` stays as fast as without linalg
    if name in __all__ or name in _RESULTS:
        from arraycore.linalg import _funcs
        value = getattr(_funcs, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'arraycore.linalg' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__) | set(_RESULTS))
