"""arraycore/_numpy_interop.py -- NumPy's protocols on arraycore arrays.

NEP 18's ``__array_function__`` (the ndarray method calls ``array_function``
here) and the fallback of ``__array_ufunc__`` for the NumPy (or SciPy) ufuncs
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
    return t


_IMPL = _build_table()


def array_function(func, types, args, kwargs):
    """NEP 18: arraycore's implementation of `func` when it has one for this
    call, else NumPy's on zero-copy views (see the module docstring)."""
    for t in types:
        if t is not _ndarray and t is not _NP_NDARRAY and not issubclass(t, _HANDLED):
            return NotImplemented       # another library's arrays take part
    impl = _IMPL.get(func)
    if impl is not None:
        try:
            return impl(*args, **kwargs)
        except _NoSuchDtype:
            raise
        except (_Unsupported, TypeError, ValueError):
            pass        # NumPy's implementation decides (its result or its error)
    return run_numpy(func, args, kwargs)
