"""arraycore.lib.stride_tricks -- views of an array's memory with other
shapes and strides, with the names and signatures of NumPy's
``numpy.lib.stride_tricks``:

- ``as_strided(x, shape=None, strides=None, subok=False, writeable=True)``,
- ``sliding_window_view(x, window_shape, axis=None, *, subok=False,
  writeable=False)``,

both returning arraycore arrays that share x's memory (no copy).  Unlike
NumPy's ``as_strided``, which trusts its caller, arraycore's refuses (with a
ValueError) a view that would address a byte outside the memory x's array
(or the array x is a view of) holds: a bad call is an exception, never a
read of foreign memory.

The view is made through ``__array_interface__``: a small holder object
publishes x's data pointer with the new shape and strides and keeps x alive;
``asarray`` turns it into an arraycore array whose base is the holder.
"""
import operator

from arraycore._core import ndarray
from arraycore._convert import asarray

__all__ = ["as_strided", "sliding_window_view"]


class _StridedHolder:
    """Publishes a pointer into `owner`'s memory with a shape and strides
    (``__array_interface__``, version 3) and keeps `owner` alive as long as
    the arraycore view made from it."""
    __slots__ = ("__array_interface__", "owner")

    def __init__(self, owner, iface):
        self.owner = owner
        self.__array_interface__ = iface


def _ints(value, what):
    try:
        return (operator.index(value),)
    except TypeError:
        pass
    try:
        return tuple(operator.index(v) for v in value)
    except TypeError:
        raise TypeError(f"{what} must be an integer or a sequence of integers, "
                        f"got {value!r}") from None


def _extent(a):
    """(lowest, highest + 1) byte address that array `a` addresses, or None
    when it has no elements."""
    if 0 in a.shape:
        return None
    lo = hi = a.__array_interface__["data"][0]
    for n, s in zip(a.shape, a.strides):
        if s < 0:
            lo += s * (n - 1)
        else:
            hi += s * (n - 1)
    return lo, hi + a.itemsize


def _memory_bounds(x):
    """The byte ranges that views of x may address: x's own elements and
    those of the array (or buffer) x is a view of."""
    spans = [_extent(x)]
    base = x.base
    if isinstance(base, ndarray):
        spans.append(_extent(base))
    elif base is not None:
        try:
            mv = memoryview(base)
        except TypeError:
            mv = None
        if mv is not None and mv.c_contiguous and mv.nbytes:
            spans.append(_extent(asarray(mv)))
    return [s for s in spans if s is not None]


def _view(x, shape, strides, writeable):
    ptr = x.__array_interface__["data"][0]
    readonly = not (writeable and x.flags["WRITEABLE"])
    iface = {"version": 3, "typestr": x.dtype.str, "shape": tuple(shape),
             "strides": tuple(strides), "data": (ptr, readonly)}
    return asarray(_StridedHolder(x, iface))


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """A view of x's memory with the given shape and (byte) strides.

    `shape` and `strides` default to x's.  The view starts at x's first
    element; it is writeable when `writeable` is true and x is writeable.
    ValueError when the view would address memory outside the array x is
    a view of (NumPy does not check this)."""
    x = asarray(x)
    shape = tuple(x.shape) if shape is None else _ints(shape, "shape")
    strides = tuple(x.strides) if strides is None else _ints(strides, "strides")
    if len(shape) != len(strides):
        raise ValueError(f"as_strided: shape {shape} and strides {strides} differ in length")
    if any(n < 0 for n in shape):
        raise ValueError(f"as_strided: negative dimensions are not allowed: {shape}")
    if 0 not in shape:
        ptr = x.__array_interface__["data"][0]
        lo = hi = ptr
        for n, s in zip(shape, strides):
            if s < 0:
                lo += s * (n - 1)
            else:
                hi += s * (n - 1)
        hi += x.itemsize
        if not any(a <= lo and hi <= b for a, b in _memory_bounds(x)):
            raise ValueError(
                f"as_strided: shape {shape} with strides {strides} addresses memory "
                f"outside the array (of {x.dtype}, shape {tuple(x.shape)}) it is a view of")
    return _view(x, shape, strides, writeable)


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """Every window of `window_shape` sliding over x along `axis` (all axes
    when None), as a view: the result's shape is x's with each windowed axis
    shortened by (window - 1), followed by the window's own axes.  Read-only
    unless writeable=True (then writing one element changes every window
    that holds it)."""
    x = asarray(x)
    window_shape = _ints(window_shape, "window_shape")
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    nd = x.ndim
    if axis is None:
        axis = tuple(range(nd))
        if len(window_shape) != nd:
            raise ValueError(
                f"Since axis is `None`, must provide window_shape for all dimensions of "
                f"`x`; got {len(window_shape)} window_shape elements and `x.ndim` is {nd}.")
    else:
        axis = _ints(axis, "axis")
        for ax in axis:
            if not -nd <= ax < nd:
                raise ValueError(f"axis {ax} is out of bounds for array of dimension {nd}")
        axis = tuple(ax % nd for ax in axis)
        if len(window_shape) != len(axis):
            raise ValueError(
                f"Must provide matching length window_shape and axis; got "
                f"{len(window_shape)} window_shape elements and {len(axis)} axes elements.")
    shape = list(x.shape)
    for ax, w in zip(axis, window_shape):
        if shape[ax] < w:
            raise ValueError("window shape cannot be larger than input array shape")
        shape[ax] -= w - 1
    out_shape = tuple(shape) + window_shape
    out_strides = tuple(x.strides) + tuple(x.strides[ax] for ax in axis)
    return _view(x, out_shape, out_strides, writeable)
