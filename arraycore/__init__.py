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
        dtype, result_type, can_cast, promote_types, finfo, iinfo, isdtype, ComplexWarning,
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
        try:  # the C-API helpers (arraycore-config, pkg-config dir) when built
            from arraycore._configtool import get_include as installed_include
        except ImportError:
            import os
            return os.path.join(os.path.dirname(__file__), "include")
        return installed_include()


    # issue 11: round(x, decimals=0, out=None) as NumPy's (decimals=0: the
    # ufunc; other decimals and out= in _ndmethods, loaded on first need)
    _round_ufunc = round

    def round(x, /, decimals=0, out=None):  # noqa: F811
        """Round to the nearest integer, halves to even (decimals=0), or to
        `decimals` decimals as NumPy's round; out= receives the result."""
        if decimals == 0 and out is None:
            return _round_ufunc(x)
        from arraycore._ndmethods import round_
        return round_(x, decimals, out)

    # The subpackages (arraycore.fft: the Array API fft extension on the C
    # engine src/ac_fft.c; arraycore.linalg: the linalg extension on LAPACK,
    # loaded on first use; arraycore.random: generators on src/ac_random_*.c)
    # are imported on first use of the attribute, as numpy.random is, so
    # `import arraycore` stays light.  So are (issue 11) the
    # NumPy-named functions beside the Array API namespace (issue 12: NumPy's
    # names, signatures and results, in _np_*.py) and the file functions
    # (NumPy's .npy/.npz formats and text files, in _npyio.py): `import
    # arraycore` loads none of them.  _LAZY_MODULES says which module holds
    # which names (each module's __all__; tests/test_import_time.py checks
    # they agree); the first look-up of one name binds all of its module's.
    _SUBPACKAGES = frozenset({"fft", "linalg", "random", "lib"})
    _LAZY_MODULES = {
        "_npyio": (
            "save load savez savez_compressed NpzFile tofile fromfile savetxt loadtxt "
            "genfromtxt"),
        "_np_shape": (
            "absolute arcsin arccos arctan arcsinh arccosh arctanh arctan2 power invert "
            "left_shift right_shift true_divide mod conjugate concatenate cumsum cumprod "
            "transpose around amax amin array asanyarray ascontiguousarray asfortranarray "
            "ravel atleast_1d atleast_2d atleast_3d hstack vstack dstack column_stack "
            "row_stack split array_split hsplit vsplit dsplit append insert delete resize "
            "rollaxis block trim_zeros shape ndim size"),
        "_np_logic": (
            "allclose isclose array_equal array_equiv isreal iscomplex isrealobj iscomplexobj "
            "isposinf isneginf isscalar"),
        "_np_create": (
            "identity diag diagflat tri vander logspace geomspace fromfunction frombuffer "
            "fromiter indices mgrid ogrid ix_ copy ravel_multi_index unravel_index "
            "diag_indices diag_indices_from tril_indices triu_indices tril_indices_from "
            "triu_indices_from"),
        "_np_pad": (
            "pad"),
        "_np_stats": (
            "median percentile quantile average ptp histogram histogram2d histogramdd "
            "histogram_bin_edges bincount digitize cov corrcoef nansum nanprod nanmean nanvar "
            "nanstd nanmin nanmax nanargmin nanargmax nanmedian nanpercentile nanquantile "
            "nancumsum nancumprod"),
        "_np_math": (
            "einsum einsum_path dot inner outer kron cross convolve correlate interp gradient "
            "trapezoid ediff1d fix sinc modf divmod nan_to_num angle unwrap vdot rint cbrt "
            "exp2 deg2rad rad2deg radians degrees fabs logaddexp2 fmod heaviside float_power "
            "gcd lcm fmax fmin"),
        "_np_select": (
            "lexsort partition argpartition argwhere flatnonzero extract select piecewise "
            "place put put_along_axis compress choose unique union1d intersect1d setdiff1d "
            "setxor1d hanning hamming blackman bartlett kaiser i0"),
        "_np_poly": (
            "polyfit polyval roots poly polyder polyint polyadd polysub polymul polydiv "
            "RankWarning"),
        # issue 15: the size of the C core's thread pool (src/ac_pool.c)
        "_threads": (
            "get_num_threads set_num_threads"),
    }
    _LAZY = {name: mod for mod, names in _LAZY_MODULES.items() for name in names.split()}

    def __getattr__(name):
        mod = _LAZY.get(name)
        if mod is not None:
            import importlib
            m = importlib.import_module("arraycore." + mod)
            g = globals()
            for n in _LAZY_MODULES[mod].split():
                g[n] = getattr(m, n)
            return g[name]
        if name in _SUBPACKAGES:
            import importlib
            return importlib.import_module("arraycore." + name)
        raise AttributeError("module 'arraycore' has no attribute %r" % (name,))

    def __dir__():
        return sorted(set(globals()) | _SUBPACKAGES | set(_LAZY))

    # `from arraycore import *`: every public name, the lazy ones included
    # (the star import looks each up, which loads their modules)
    __all__ = sorted({n for n in globals() if not n.startswith("_")} | set(_LAZY))

    # issue 15: arraycore's thread pool under threadpoolctl.  threadpoolctl is
    # not imported here (it costs import time): its controller class
    # (_threadpoolctl.py) is registered now if threadpoolctl is already
    # loaded, else by a one-shot finder when it is first imported.
    def _hook_threadpoolctl():
        import sys
        if "threadpoolctl" in sys.modules:
            try:
                from arraycore._threadpoolctl import register
                register(sys.modules["threadpoolctl"])
            except Exception:   # an old threadpoolctl (< 3.5): nothing to do
                pass
            return

        class _ThreadpoolctlFinder:
            @staticmethod
            def find_spec(name, path=None, target=None):
                if name != "threadpoolctl":
                    return None
                try:
                    sys.meta_path.remove(_ThreadpoolctlFinder)
                except ValueError:
                    pass
                import importlib.util
                spec = importlib.util.find_spec(name)
                loader = getattr(spec, "loader", None)
                if loader is None or not hasattr(loader, "exec_module"):
                    return spec
                run = loader.exec_module

                def exec_module(module):
                    run(module)
                    try:
                        from arraycore._threadpoolctl import register
                        register(module)
                    except Exception:
                        pass
                loader.exec_module = exec_module
                return spec

        sys.meta_path.insert(0, _ThreadpoolctlFinder)

    _hook_threadpoolctl()
    del _hook_threadpoolctl
