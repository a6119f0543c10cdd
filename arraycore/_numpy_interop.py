"""arraycore/_numpy_interop.py -- NumPy's protocols on arraycore arrays.

NEP 18's ``__array_function__`` (the dispatch itself is the ndarray method in
``_core.pyx``; this module gives it the table ``_IMPL``, ``run_numpy`` and the
exceptions that hand a call over to NumPy) and the fallback of ``__array_ufunc__`` for the NumPy (or SciPy) ufuncs
that arraycore has no ufunc of (``ufunc_fallback``).  The rule:

- a NumPy function that arraycore implements (the table ``_IMPL``) runs
  arraycore's implementation, when the call uses only options it supports;
- any other function, or option, runs NumPy's own implementation on
  zero-copy NumPy views of the arraycore arrays among the arguments, and the
  NumPy arrays it returns come back as zero-copy arraycore arrays (dtypes that
  arraycore does not have, e.g. object or strings, stay NumPy arrays), and
  NumPy scalars come back as 0-d arraycore arrays (arraycore has no scalar
  types: its own reductions return 0-d arrays too);
- ``out=`` arraycore arrays are written in place and returned as themselves.

This module is imported on the first call of one of those protocols, i.e.
only by a program that already uses NumPy; NumPy is imported here.
"""
import numpy as _np

import arraycore as _ac
from arraycore._core import ndarray as _ndarray

_NP_NDARRAY = _np.ndarray
_HANDLED = (_ndarray, _NP_NDARRAY)
_concat = _ac.concat


# ------------------------------------------------------ conversions
def _to_np(x, outs):
    """x with every arraycore array (also inside lists, tuples and dicts)
    replaced by a zero-copy NumPy view; outs maps id(view) -> the original."""
    t = type(x)
    if t is _ndarray or isinstance(x, _ndarray):
        v = _np.asarray(x)
        outs[id(v)] = (v, x)
        return v
    if t is list:
        return [_to_np(y, outs) for y in x]
    if t is tuple:
        return tuple(_to_np(y, outs) for y in x)
    if t is dict:
        return {k: _to_np(v, outs) for k, v in x.items()}
    return x


def _wrap(r, outs):
    """NumPy's result with its ndarrays as zero-copy arraycore arrays (the
    NumPy views of out= arrays as the arraycore arrays themselves)."""
    t = type(r)
    if t is _NP_NDARRAY:
        hit = outs.get(id(r))
        if hit is not None and hit[0] is r:
            return hit[1]
        try:
            return _ac.asarray(r)
        except (TypeError, ValueError, BufferError):
            return r            # a dtype arraycore does not have (object, str, ...)
    if isinstance(r, _np.generic) and r.dtype.kind in "biufc":
        # NumPy's scalars: 0-d arrays, as arraycore's own reductions give
        try:
            return _ac.asarray(_np.asarray(r))
        except (TypeError, ValueError, BufferError):
            return r
    if t is tuple:
        return tuple(_wrap(y, outs) for y in r)
    if t is list:
        return [_wrap(y, outs) for y in r]
    if isinstance(r, tuple) and hasattr(r, "_fields"):     # named tuples (np.linalg results)
        return t(*[_wrap(y, outs) for y in r])
    return r


def run_numpy(func, args, kwargs):
    """func (NumPy's implementation) on NumPy views of args; results wrapped."""
    outs = {}
    nargs = _to_np(args, outs)
    nkwargs = _to_np(kwargs, outs)
    impl = getattr(func, "_implementation", func)
    return _wrap(impl(*nargs, **nkwargs), outs)


def as_operand(x):
    """A ufunc operand that arraycore's conversion rejects without copying
    (lists, tuples, NumPy scalars ...), converted as NumPy converts it."""
    # a sequence that contains itself is refused first (RecursionError from
    # arraycore's bounded conversion): NumPy would walk 2**64 items for ever
    try:
        _ac.asarray(x)
    except RecursionError:
        raise
    except Exception:
        pass
    r = _np.asarray(x)
    try:
        return _ac.asarray(r)
    except (TypeError, ValueError, BufferError):
        return r


# ------------------------------------------------------ ufuncs
def ufunc_fallback(npufunc, method, inputs, kwargs):
    """A NumPy/SciPy ufunc arraycore has no ufunc of (or a method arraycore's
    ufunc lacks): NumPy runs it on views; results come back as arraycore arrays."""
    outs = {}
    ninputs = _to_np(inputs, outs)
    nkwargs = _to_np(kwargs, outs)
    if method == "__call__":
        r = npufunc(*ninputs, **nkwargs)
    else:
        r = getattr(npufunc, method)(*ninputs, **nkwargs)
    return _wrap(r, outs)


# ------------------------------------------------------ __array_function__
class _Unsupported(Exception):
    """An option arraycore's implementation does not take: NumPy's runs."""


def _plain(**opts):
    """Raise _Unsupported unless every option has its default value (None)."""
    for v in opts.values():
        if v is not None:
            raise _Unsupported


def _concatenate(arrays, axis=0, out=None, *, dtype=None, casting=None):
    if out is not None or dtype is not None or casting is not None:
        raise _Unsupported
    return _concat(arrays, axis=axis)


def _stack(arrays, axis=0, out=None, *, dtype=None, casting=None):
    _plain(out=out, dtype=dtype, casting=casting)
    return _ac.stack(arrays, axis=axis)


def _where(condition, *xy):
    if len(xy) != 2:
        raise _Unsupported          # np.where(cond): nonzero
    return _ac.where(condition, xy[0], xy[1])


def _reduction(fn, needs_inexact=False):
    def impl(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=None):
        _plain(out=out, initial=initial, where=where)
        x = _ac.asarray(a)
        if needs_inexact and x.dtype.kind not in "fc":
            raise _Unsupported
        if dtype is not None:
            return fn(x, axis=axis, dtype=dtype, keepdims=bool(keepdims))
        return fn(x, axis=axis, keepdims=bool(keepdims))
    return impl


def _minmax(fn):
    def impl(a, axis=None, out=None, keepdims=False, initial=None, where=None):
        _plain(out=out, initial=initial, where=where)
        return fn(_ac.asarray(a), axis=axis, keepdims=bool(keepdims))
    return impl


def _moment(fn):
    def impl(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=None,
             mean=None, correction=None):
        _plain(dtype=dtype, out=out, where=where, mean=mean)
        x = _ac.asarray(a)
        if x.dtype.kind not in "fc":
            raise _Unsupported
        c = ddof if correction is None else correction
        return fn(x, axis=axis, correction=c, keepdims=bool(keepdims))
    return impl


def _argminmax(fn):
    def impl(a, axis=None, out=None, *, keepdims=False):
        _plain(out=out)
        return fn(_ac.asarray(a), axis=axis, keepdims=bool(keepdims))
    return impl


def _sorter(fn):
    def impl(a, axis=-1, kind=None, order=None, *, stable=None):
        _plain(order=order)
        if axis is None:
            raise _Unsupported
        return fn(_ac.asarray(a), axis=axis, stable=bool(stable) or kind == "stable")
    return impl


class _NoSuchDtype(TypeError):
    """A *_like function asked for a dtype arraycore arrays cannot hold (e.g.
    a structured dtype): the TypeError array libraries without it raise
    (dask, for one, then keeps its intermediates in a dict)."""


def _like(fn, new, with_value=False):
    def impl(prototype, *args, dtype=None, order="K", subok=True, shape=None, device=None):
        args = list(args)
        value = args.pop(0) if with_value and args else None
        if with_value and value is None:
            raise _Unsupported
        names = ["dtype", "order", "subok", "shape"]
        given = dict(zip(names, args))
        dtype = given.get("dtype", dtype)
        order = given.get("order", order)
        shape = given.get("shape", shape)
        if order not in ("K", "C", "A"):
            raise _Unsupported
        if dtype is not None:
            try:
                dtype = _ac.dtype(dtype)
            except TypeError:
                raise _NoSuchDtype(f"arraycore arrays cannot hold the dtype {dtype!r}") from None
        x = _ac.asarray(prototype)
        if shape is not None:
            shape = (shape,) if isinstance(shape, int) else tuple(shape)
            dt = x.dtype if dtype is None else dtype
            if with_value:
                return new(shape, value, dtype=dt, device=device)
            return new(shape, dtype=dt, device=device)
        if with_value:
            return fn(x, value, dtype=dtype, device=device)
        return fn(x, dtype=dtype, device=device)
    return impl


def _copy(a, order="K", subok=False):
    return _ac.asarray(a).copy(order)


def _transpose(a, axes=None):
    x = _ac.asarray(a)
    return x.transpose() if axes is None else _ac.permute_dims(x, tuple(axes))


def _clip(a, a_min=None, a_max=None, out=None, *, min=None, max=None, **kw):
    _plain(out=out, **kw)
    lo = a_min if min is None else min
    hi = a_max if max is None else max
    return _ac.clip(_ac.asarray(a), lo, hi)


def _round(a, decimals=0, out=None):
    _plain(out=out)
    return _ac.asarray(a).round(decimals)


def _matmul_like(a, b, out=None):
    _plain(out=out)
    x = _ac.asarray(a)
    y = _ac.asarray(b)
    if not (1 <= x.ndim <= 2 and 1 <= y.ndim <= 2):
        raise _Unsupported          # np.dot's N-d rule differs from matmul's
    return _ac.matmul(x, y)


# --- NumPy functions with an arraycore namesake of the same signature
# (the NumPy-named functions of _np_*.py, issue 12, and a few others)
_SAME_SIGNATURE = (
    # _np_shape
    "cumsum", "cumprod", "append", "array_split", "split", "hsplit", "vsplit", "dsplit",
    "atleast_1d", "atleast_2d", "atleast_3d", "hstack", "vstack", "dstack", "column_stack",
    "block", "insert", "delete", "resize", "rollaxis", "trim_zeros", "shape", "ndim", "size",
    # _np_logic
    "allclose", "isclose", "array_equal", "array_equiv", "isreal", "iscomplex",
    "isrealobj", "iscomplexobj", "isposinf", "isneginf",
    # _np_create
    "diag", "diagflat", "vander", "logspace", "geomspace", "ix_", "ravel_multi_index",
    "unravel_index", "diag_indices_from", "tril_indices_from", "triu_indices_from",
    # _np_pad
    "pad",
    # _np_stats
    "median", "percentile", "quantile", "average", "ptp", "histogram", "histogram2d",
    "histogramdd", "histogram_bin_edges", "bincount", "digitize", "cov", "corrcoef",
    "nansum", "nanprod", "nanmean", "nanvar", "nanstd", "nanmin", "nanmax", "nanargmin",
    "nanargmax", "nanmedian", "nanpercentile", "nanquantile", "nancumsum", "nancumprod",
    # _np_math
    "einsum", "inner", "outer", "kron", "cross", "convolve", "correlate", "interp",
    "gradient", "trapezoid", "ediff1d", "fix", "sinc", "nan_to_num", "angle", "unwrap",
    "vdot",
    # _np_select
    "lexsort", "partition", "argpartition", "argwhere", "flatnonzero", "extract", "select",
    "piecewise", "place", "put", "put_along_axis", "compress", "choose", "unique",
    "union1d", "intersect1d", "setdiff1d", "setxor1d", "i0",
    # _np_poly (NumPy's poly1d objects are not taken: they fall back to NumPy)
    "polyfit", "polyval", "roots", "poly", "polyder", "polyint", "polyadd", "polysub",
    "polymul", "polydiv",
    # the Array API namespace, same signature as NumPy's
    "astype", "matrix_transpose", "unstack",
)

# NumPy functions that arraycore has a namesake of, deliberately left to
# NumPy's implementation (on zero-copy views), with the reason
NOT_MAPPED = {
    "result_type": "NumPy's returns an np.dtype, which consumers test with isinstance",
    "can_cast": "takes dtypes as much as arrays; NumPy's answer is the same",
    "real": "NumPy's returns a view of the real part (arraycore's ufunc computes a copy)",
    "imag": "NumPy's returns a view of the imaginary part (arraycore's ufunc a copy)",
    "unique_all": "NumPy's named tuple types; NumPy >= 2.3 need not sort the values",
    "unique_counts": "NumPy's named tuple types; NumPy >= 2.3 need not sort the values",
    "unique_inverse": "NumPy's named tuple types; NumPy >= 2.3 need not sort the values",
    "unique_values": "NumPy >= 2.3 returns the values unsorted, arraycore sorted",
    "einsum_path": "the report string is NumPy's own text",
    "linspace": "dispatches on start/stop only; retstep, axis and integer dtypes are NumPy's",
    "save": "NumPy's writer on a zero-copy view writes the same file",
    "savez": "NumPy's writer on a zero-copy view writes the same file",
    "savez_compressed": "NumPy's writer on a zero-copy view writes the same file",
    "savetxt": "NumPy's writer on a zero-copy view writes the same file",
}

_ABSENT = object()


def _reshape(a, /, shape=None, order="C", *, newshape=None, copy=None):
    if order != "C" or newshape is not None or shape is None:
        raise _Unsupported
    return _ac.reshape(_ac.asarray(a), shape, copy=copy)


def _take(a, indices, axis=None, out=None, mode="raise"):
    _plain(out=out)
    x = _ac.asarray(a)
    if mode != "raise" or (axis is None and x.ndim != 1) or not isinstance(indices, _HANDLED):
        raise _Unsupported        # flattening, clip/wrap and scalar indices: NumPy's
    return _ac.take(x, indices, axis=axis)


def _take_along_axis(arr, indices, axis=-1):
    if axis is None:
        raise _Unsupported
    return _ac.take_along_axis(_ac.asarray(arr), _ac.asarray(indices), axis=axis)


def _tile(A, reps):
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    return _ac.tile(_ac.asarray(A), reps)


def _tri(fn):
    def impl(m, k=0):
        x = _ac.asarray(m)
        if x.ndim < 2:
            raise _Unsupported    # NumPy broadcasts a 1-d input to a square matrix
        return fn(x, k=k)
    return impl


def _diff(a, n=1, axis=-1, prepend=_ABSENT, append=_ABSENT):
    x = _ac.asarray(a)
    kw = {}
    for name, v in (("prepend", prepend), ("append", append)):
        if v is _ABSENT:
            continue
        v = _ac.asarray(v)
        if v.ndim == 0:       # NumPy broadcasts a scalar to the other axes
            shape = list(x.shape)
            shape[axis] = 1
            v = _ac.broadcast_to(v, tuple(shape))
        kw[name] = v
    return _ac.diff(x, axis=axis, n=n, **kw)


def _searchsorted(a, v, side="left", sorter=None):
    if not isinstance(v, _HANDLED):
        raise _Unsupported        # a scalar v: NumPy returns a scalar
    return _ac.searchsorted(_ac.asarray(a), _ac.asarray(v), side=side, sorter=sorter)


def _isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    if kind is not None:
        raise _Unsupported
    return _ac.isin(_ac.asarray(element), _ac.asarray(test_elements), invert=invert)


def _meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    if sparse or not copy:
        raise _Unsupported        # NumPy's views (sparse or broadcast)
    return _ac.meshgrid(*[_ac.asarray(x) for x in xi], indexing=indexing)


def _count_nonzero(a, axis=None, *, keepdims=False):
    return _ac.count_nonzero(_ac.asarray(a), axis=axis, keepdims=keepdims)


def _cumulative(fn):
    def impl(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
        _plain(out=out)
        return fn(_ac.asarray(x), axis=axis, dtype=dtype, include_initial=include_initial)
    return impl


_ARRAY_API_WRAPPERS = {
    "reshape": _reshape,
    "roll": lambda a, shift, axis=None: _ac.roll(_ac.asarray(a), shift, axis=axis),
    "flip": lambda m, axis=None: _ac.flip(_ac.asarray(m), axis=axis),
    "expand_dims": lambda a, axis: _ac.expand_dims(_ac.asarray(a), axis=axis),
    "repeat": lambda a, repeats, axis=None: _ac.repeat(_ac.asarray(a), repeats, axis=axis),
    "take": _take,
    "take_along_axis": _take_along_axis,
    "tile": _tile,
    "tril": _tri(_ac.tril),
    "triu": _tri(_ac.triu),
    "diff": _diff,
    "searchsorted": _searchsorted,
    "isin": _isin,
    "meshgrid": _meshgrid,
    "nonzero": lambda a: _ac.nonzero(_ac.asarray(a)),
    "count_nonzero": _count_nonzero,
    "tensordot": lambda a, b, axes=2: _ac.tensordot(_ac.asarray(a), _ac.asarray(b),
                                                    axes=axes),
    "broadcast_arrays": lambda *args, subok=False: _ac.broadcast_arrays(
        *[_ac.asarray(x) for x in args]),
    "cumulative_sum": _cumulative(_ac.cumulative_sum),
    "cumulative_prod": _cumulative(_ac.cumulative_prod),
}


def _build_table():
    np = _np
    t = {
        np.concatenate: _concatenate, np.stack: _stack, np.where: _where,
        np.sum: _reduction(_ac.sum), np.prod: _reduction(_ac.prod),
        np.mean: _reduction(_ac.mean, True),
        np.max: _minmax(_ac.max), np.min: _minmax(_ac.min),
        np.all: _minmax(_ac.all), np.any: _minmax(_ac.any),
        np.var: _moment(_ac.var), np.std: _moment(_ac.std),
        np.argmax: _argminmax(_ac.argmax), np.argmin: _argminmax(_ac.argmin),
        np.sort: _sorter(_ac.sort), np.argsort: _sorter(_ac.argsort),
        np.empty_like: _like(_ac.empty_like, _ac.empty),
        np.zeros_like: _like(_ac.zeros_like, _ac.zeros),
        np.ones_like: _like(_ac.ones_like, _ac.ones),
        np.full_like: _like(_ac.full_like, _ac.full, True),
        np.copy: _copy, np.transpose: _transpose, np.clip: _clip,
        np.round: _round, np.dot: _matmul_like,
        np.ravel: lambda a, order="C": _ac.asarray(a).ravel(order),
        np.squeeze: lambda a, axis=None: _ac.squeeze(_ac.asarray(a), axis=axis)
        if axis is not None else _ac.asarray(a).squeeze(),
        np.swapaxes: lambda a, axis1, axis2: _ac.swapaxes(_ac.asarray(a), axis1, axis2),
        np.moveaxis: lambda a, source, destination: _ac.moveaxis(_ac.asarray(a), source,
                                                                 destination),
        np.broadcast_to: lambda array, shape, subok=False: _ac.broadcast_to(
            _ac.asarray(array), tuple(shape) if not isinstance(shape, int) else (shape,)),
    }
    for name in ("amax", "amin", "around"):
        if hasattr(np, name):
            t[getattr(np, name)] = t[{"amax": np.max, "amin": np.min,
                                      "around": np.round}[name]]
    # the Array API functions whose NumPy namesakes differ in signature only
    for name, impl in _ARRAY_API_WRAPPERS.items():
        if hasattr(np, name):
            t[getattr(np, name)] = impl
    # the NumPy-named functions (issue 12) and the other functions arraycore
    # implements with NumPy's name and signature: NumPy's function -> arraycore's
    for name in _SAME_SIGNATURE:
        f = getattr(np, name, None)
        if f is not None and f not in t:
            t[f] = getattr(_ac, name)
    lst = getattr(np.lib, "stride_tricks", None)
    if lst is not None:
        from arraycore.lib import stride_tricks
        t[lst.sliding_window_view] = stride_tricks.sliding_window_view
    return t


_IMPL = _build_table()
