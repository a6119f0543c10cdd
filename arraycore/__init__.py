"""arraycore: an n-dimensional array core for Python, Cython and C.

``import arraycore as ac`` gives a complete Python Array API standard
namespace; ``cimport arraycore`` and ``#include <arraycore/arraycore.h>``
give the same arrays to Cython and C.  This module only re-exports.
"""
__version__ = "0.1.0"
__array_api_version__ = "2025.12"

from arraycore._dtype import (
    dtype, result_type, can_cast, promote_types, finfo, iinfo, isdtype,
    bool_ as bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,
    float16, float32, float64, complex64, complex128,
)
from arraycore._core import ndarray
from arraycore._convert import asarray, from_dlpack
from arraycore._creation import (
    empty, zeros, ones, full, empty_like, zeros_like, ones_like, full_like,
    arange, linspace, eye, tril, triu, meshgrid,
)
from arraycore._manip import (
    reshape, permute_dims, swapaxes, matrix_transpose, expand_dims, squeeze,
    flip, moveaxis, broadcast_to, broadcast_arrays, broadcast_shapes, unstack,
    concat, stack, roll, repeat, tile, take, take_along_axis,
)
from arraycore._errstate import seterr, geterr, errstate
from arraycore._ufunc import ufunc, UFuncTypeError
from arraycore._ufunc import (  # the element-wise functions (tools/ufunc_table.py)
    add, subtract, multiply, divide, floor_divide, remainder, pow, negative, positive,
    abs, square, reciprocal, sign, equal, not_equal, less, less_equal, greater,
    greater_equal, maximum, minimum, logical_and, logical_or, logical_xor, logical_not,
    bitwise_and, bitwise_or, bitwise_xor, bitwise_invert, bitwise_left_shift,
    bitwise_right_shift, isnan, isinf, isfinite, signbit, floor, ceil, trunc, round,
    sqrt, exp, expm1, log, log1p, log2, log10, logaddexp, sin, cos, tan, asin, acos,
    atan, sinh, cosh, tanh, asinh, acosh, atanh, atan2, hypot, copysign, nextafter,
    conj, real, imag,
)
from arraycore._stats import (
    sum, prod, max, min, mean, var, std, cumulative_sum, cumulative_prod, all, any,
    count_nonzero, argmax, argmin,
)
from arraycore._elementwise import where, clip, diff
from arraycore._sort import (
    sort, argsort, searchsorted, nonzero, isin,
    unique_all, unique_counts, unique_inverse, unique_values,
)
from arraycore._gufunc import matmul, vecdot, tensordot
# advanced indexing and the ndarray's operators; with the imports above
# (_convert, _manip, _stats, _elementwise) they fill _core's table of
# implementations (core_impl in _core.pxd)
from arraycore import _indexing, _operators  # noqa: F401
from arraycore._info import __array_namespace_info__
from arraycore._iter import nditer
from arraycore._classic_iter import flatiter, broadcast, ndindex, ndenumerate

e = 2.718281828459045
pi = 3.141592653589793
inf = float("inf")
nan = float("nan")
newaxis = None


def astype(x, dtype, /, *, copy=True, device=None):
    """x cast to `dtype` (a copy unless copy=False and no cast is needed)."""
    return x.astype(dtype, copy=copy, device=device)


def get_include():
    """The directory holding arraycore's C headers (arraycore/arraycore.h)."""
    import os
    return os.path.join(os.path.dirname(__file__), "include")


try:  # the C-API helpers (arraycore-config, pkg-config dir) when built
    from arraycore._configtool import get_include  # noqa: F811
except ImportError:
    pass

# the linalg extension (issue 9); BLAS/LAPACK is loaded on first use only
from arraycore import linalg  # noqa: E402
