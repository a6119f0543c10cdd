"""arraycore: an n-dimensional array core for Python, Cython and C.

``import arraycore as ac`` gives a complete Python Array API standard
namespace; ``cimport arraycore`` and ``#include <arraycore/arraycore.h>``
give the same arrays to Cython and C.  This module only re-exports.
"""
__version__ = "0.1.0"
__array_api_version__ = "2025.12"


def _hand_over_if_unbuilt():
    """Make ``import arraycore`` work from the root of a source checkout.

    ``python -m`` and ``python -c`` put the current directory first on
    ``sys.path``, so from a clone's root Python finds this unbuilt source
    folder before the installed package.  When the compiled modules cannot
    be found beside this file, the import is handed over to the installed
    copy (the first ``arraycore`` on ``sys.path`` outside this checkout) or,
    if there is none, the error says exactly what to run.  An editable
    install finds its compiled modules through its own import hook and never
    hands over.  Returns the installed module, or None to go on here.
    """
    import importlib.machinery
    import importlib.util
    import os
    import sys
    if importlib.util.find_spec(__name__ + "._dtype") is not None:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    search = [p for p in sys.path
              if p not in ("", ".") and os.path.abspath(p) != root]
    spec = importlib.machinery.PathFinder.find_spec(__name__, search)
    if spec is None or spec.origin is None or \
            os.path.dirname(os.path.abspath(spec.origin)) == here:
        raise ImportError(
            f"arraycore is not built: Python found the source folder {here}, "
            "which holds no compiled modules, and there is no installed "
            f"arraycore.  Install it first, from {root}: `pip install .` "
            "(or, for development, `pip install --no-build-isolation -e .`).",
            name=__name__)
    installed = importlib.util.module_from_spec(spec)
    sys.modules[__name__] = installed   # what the import statement returns
    spec.loader.exec_module(installed)
    return installed


# The namespace proper: skipped when the import was handed over (above).
if _hand_over_if_unbuilt() is None:
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
        """x cast to `dtype` (a copy unless copy=False and no cast is needed);
        x may be anything asarray accepts (a NumPy array is viewed, not copied)."""
        if not isinstance(x, ndarray):
            x = asarray(x)
        return x.astype(dtype, copy=copy, device=device)


    def get_include():
        """The directory holding arraycore's C headers (arraycore/arraycore.h)."""
        import os
        return os.path.join(os.path.dirname(__file__), "include")


    # issue 11: round(x, decimals=0, out=None) as NumPy's (decimals=0: the ufunc)
    from arraycore._ndmethods import round  # noqa: F811

    try:  # the C-API helpers (arraycore-config, pkg-config dir) when built
        from arraycore._configtool import get_include  # noqa: F811
    except ImportError:
        pass

    # --- file I/O: NumPy's .npy/.npz formats and text files (arraycore._npyio) ---
    from arraycore._npyio import (  # noqa: E402
        save, load, savez, savez_compressed, NpzFile, tofile, fromfile, savetxt, loadtxt,
        genfromtxt,
    )

    # The subpackages (arraycore.fft: the Array API fft extension on the C
    # engine src/ac_fft.c; arraycore.linalg: the linalg extension on LAPACK,
    # loaded on first use; arraycore.random: generators on src/ac_random_*.c)
    # are imported on first use of the attribute, as numpy.random is, so
    # `import arraycore` stays light.
    _SUBPACKAGES = frozenset({"fft", "linalg", "random"})

    def __getattr__(name):
        if name in _SUBPACKAGES:
            import importlib
            return importlib.import_module("arraycore." + name)
        raise AttributeError("module 'arraycore' has no attribute %r" % (name,))

    def __dir__():
        return sorted(set(globals()) | _SUBPACKAGES)

    # --- NumPy-named functions beside the Array API namespace (issue 12) ---
    # NumPy's names, signatures and results; the Array API names above are unchanged.
    from arraycore._np_shape import *  # noqa: E402,F401,F403
    from arraycore._np_logic import *  # noqa: E402,F401,F403
    from arraycore._np_create import *  # noqa: E402,F401,F403
    from arraycore._np_pad import *  # noqa: E402,F401,F403
    from arraycore._np_stats import *  # noqa: E402,F401,F403
    from arraycore._np_math import *  # noqa: E402,F401,F403
    from arraycore._np_select import *  # noqa: E402,F401,F403
    from arraycore._np_poly import *  # noqa: E402,F401,F403
    # --- end of the NumPy-named block ---
