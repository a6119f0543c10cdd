"""The functions of arraycore.fft: argument checks (axes, n/s, norm,
dtypes), dtype preparation and output allocation in Python; every transform
along an axis is one call of the C engine through arraycore._fft.execute.

Dtypes: the result has the input's precision (float16 gives single);
the complex transforms promote real floating inputs to complex.
Single-precision data are computed in double and rounded once (the engine's
AC_FFT_FLOAT_WIDE: cache-sized blocks of lanes widened, transformed with the
double plan, rounded into the output): their error is that of rounding the
exact result, ~0.2 ulp RMS at every length, where single-precision
arithmetic gives ~1 ulp growing with log2(n).  NumPy 2 computes them in
double too where its scale is 1 (fft, rfft with norm="backward": bit for bit
the cast-compute-round result) and in single precision elsewhere (ifft's
1/n, ortho), so ours is never the less accurate.  The engine's
single-precision plans remain for C callers (ACFFT_PlanNew).  Integer and boolean inputs are refused
(TypeError): the standard defines the transforms on floating point only."""
import math
import operator

import arraycore as _ac
from arraycore import _fft as _eng

_C2C, _R2C, _C2R = _eng.C2C, _eng.R2C, _eng.C2R
_NORMS = ("backward", "ortho", "forward")

_f32, _f64 = _ac.float32, _ac.float64
_c64, _c128 = _ac.complex64, _ac.complex128
_REAL_OF = {_f32: _f32, _f64: _f64, _c64: _f32, _c128: _f64, _ac.float16: _f32}
_CPLX_OF = {_f32: _c64, _f64: _c128, _c64: _c64, _c128: _c128, _ac.float16: _c64}


def _asarray(x):
    if not isinstance(x, _ac.ndarray):
        x = _ac.asarray(x)
    return x


def _floating(x, fname):
    dt = x.dtype.newbyteorder("=") if x.dtype.byteorder not in "=|" else x.dtype
    if dt not in _REAL_OF:
        raise TypeError(f"{fname}: expected a floating-point array, got dtype {x.dtype}")
    return dt


_prepared = _eng.prepare      # x as a native, aligned array of dtype dt (copy when needed)


def _check_norm(norm):
    if norm is None:
        return "backward"
    if norm not in _NORMS:
        raise ValueError(f'norm must be "backward", "ortho" or "forward", got {norm!r}')
    return norm


def _scale(norm, npts, inverse):
    """The factor applied to the result: `inverse` names the transforms whose
    'backward' normalization divides by n (ifft, irfft, ...)."""
    if norm == "ortho":
        return 1.0 / math.sqrt(npts)
    if (norm == "backward") == inverse:
        return 1.0 / npts
    return 1.0


def _workers(workers):
    """SciPy's `workers`, except None: the process-wide pool decides (a
    batch of at least 65536 points in all is split over its threads, as
    arraycore's other large kernels are; set_num_threads(1) or
    threadpoolctl's limits make it one).  k >= 1 splits the batch into at
    most k pieces; a negative value wraps around os.cpu_count() (-1: all
    CPUs, -2: all but one, ...), below -os.cpu_count() a ValueError; 0 a
    ValueError.  The pieces run on the pool, so its size bounds the threads
    used as well.  Any split gives the same bits."""
    if workers is None:
        return 0
    try:
        w = operator.index(workers)
    except TypeError:
        raise TypeError(f"workers must be an integer, got {type(workers).__name__}") from None
    if w == 0:
        raise ValueError("workers must not be zero")
    if w < 0:
        import os
        ncpu = os.cpu_count() or 1
        if w < -ncpu:
            raise ValueError(f"workers value out of range; got {w}, must not be less than {-ncpu}")
        w += 1 + ncpu
    return min(w, 1 << 16)


def _axis(axis, nd, fname):
    try:
        a = operator.index(axis)
    except TypeError:
        raise TypeError(f"{fname}: axis must be an integer, got {axis!r}") from None
    if nd == 0:
        raise ValueError(f"{fname}: the input must have at least one dimension")
    if not -nd <= a < nd:
        raise ValueError(f"{fname}: axis {a} is out of bounds for an array of dimension {nd}")
    return a % nd


def _npoints(n, default, fname):
    if n is None:
        n = default
    else:
        try:
            n = operator.index(n)
        except TypeError:
            raise TypeError(f"{fname}: n must be an integer, got {n!r}") from None
    if n < 1:
        raise ValueError(f"{fname}: invalid number of data points ({n}) specified")
    return n


def _shape_with(shape, axis, m):
    s = list(shape)
    s[axis] = m
    return tuple(s)


def _run(x, out_dtype, axis, n, kind, forward, fct, workers, out=None):
    """One engine call: x (prepared) along `axis` into a new array."""
    m = n // 2 + 1 if kind == _R2C else n
    if out is None:
        out = _ac.empty(_shape_with(x.shape, axis, m), dtype=out_dtype)
    return _eng.execute(x, out, axis, n, kind, forward, fct, workers)


# ---------------------------------------------------------------------------
# 1-d transforms
# ---------------------------------------------------------------------------
def _c2c(x, n, axis, norm, forward, workers, fname):
    x = _asarray(x)
    dt = _CPLX_OF[_floating(x, fname)]
    ax = _axis(axis, x.ndim, fname)
    n = _npoints(n, x.shape[ax], fname)
    norm = _check_norm(norm)
    x = _prepared(x, dt)
    return _run(x, dt, ax, n, _C2C, forward, _scale(norm, n, not forward), _workers(workers))


def fft(x, /, *, n=None, axis=-1, norm="backward", workers=None):
    """One-dimensional discrete Fourier transform along `axis` (complex
    result of x's precision; real input is promoted).  `n` crops or
    zero-pads the axis; `norm`: "backward" (no scaling), "ortho", "forward"."""
    return _c2c(x, n, axis, norm, True, workers, "fft")


def ifft(x, /, *, n=None, axis=-1, norm="backward", workers=None):
    """One-dimensional inverse discrete Fourier transform along `axis`
    ("backward" scales by 1/n)."""
    return _c2c(x, n, axis, norm, False, workers, "ifft")


def rfft(x, /, *, n=None, axis=-1, norm="backward", workers=None):
    """Discrete Fourier transform of real input: n//2 + 1 complex bins along
    `axis`."""
    x = _asarray(x)
    rdt = _floating(x, "rfft")
    if x.dtype.kind == "c":
        raise TypeError("rfft: expected a real floating-point array, got complex")
    rdt = _REAL_OF[rdt]
    ax = _axis(axis, x.ndim, "rfft")
    n = _npoints(n, x.shape[ax], "rfft")
    norm = _check_norm(norm)
    x = _prepared(x, rdt)
    return _run(x, _CPLX_OF[rdt], ax, n, _R2C, True, _scale(norm, n, False), _workers(workers))


def _c2r(x, n, axis, norm, inverse, conj, workers, fname):
    x = _asarray(x)
    dt = _CPLX_OF[_floating(x, fname)]
    ax = _axis(axis, x.ndim, fname)
    n = _npoints(n, 2 * (x.shape[ax] - 1), fname)
    norm = _check_norm(norm)
    x = _prepared(x, dt)
    if conj:
        x = _ac.conj(x)
    return _run(x, _REAL_OF[dt], ax, n, _C2R, False, _scale(norm, n, inverse), _workers(workers))


def irfft(x, /, *, n=None, axis=-1, norm="backward", workers=None):
    """Inverse of rfft: n real points (default 2*(m-1) for m bins) along
    `axis`; the imaginary parts of the zero (and Nyquist) bins are ignored."""
    return _c2r(x, n, axis, norm, True, False, workers, "irfft")


def hfft(x, /, *, n=None, axis=-1, norm="backward", workers=None):
    """Discrete Fourier transform of a signal with Hermitian symmetry given
    by its first half: n real points (default 2*(m-1))."""
    return _c2r(x, n, axis, norm, False, True, workers, "hfft")


def ihfft(x, /, *, n=None, axis=-1, norm="backward", workers=None):
    """Inverse of hfft: n//2 + 1 complex bins of a real signal."""
    x = _asarray(x)
    rdt = _floating(x, "ihfft")
    if x.dtype.kind == "c":
        raise TypeError("ihfft: expected a real floating-point array, got complex")
    rdt = _REAL_OF[rdt]
    ax = _axis(axis, x.ndim, "ihfft")
    n = _npoints(n, x.shape[ax], "ihfft")
    norm = _check_norm(norm)
    x = _prepared(x, rdt)
    r = _run(x, _CPLX_OF[rdt], ax, n, _R2C, True, _scale(norm, n, True), _workers(workers))
    return _ac.conj(r)


# ---------------------------------------------------------------------------
# n-d transforms
# ---------------------------------------------------------------------------
def _axes_s(x, s, axes, fname, last_half=False):
    """Resolved (axes, sizes): unique, in range; s entries -1 mean the input's
    size (for irfftn the last one defaults to 2*(m-1))."""
    nd = x.ndim
    if axes is None:
        if s is not None:
            raise ValueError(f"{fname}: s given without axes (the standard requires axes)")
        axes = list(range(nd))
    else:
        if isinstance(axes, int) or not hasattr(axes, "__len__"):
            raise TypeError(f"{fname}: axes must be a sequence of integers")
        axes = [_axis(a, nd, fname) for a in axes]
    if len(set(axes)) != len(axes):
        raise ValueError(f"{fname}: repeated axes in {tuple(axes)}")
    if s is None:
        s = [-1] * len(axes)
    else:
        if isinstance(s, int) or not hasattr(s, "__len__"):
            raise TypeError(f"{fname}: s must be a sequence of integers")
        s = [operator.index(v) for v in s]
        if len(s) != len(axes):
            raise ValueError(f"{fname}: s and axes have different lengths ({len(s)} and {len(axes)})")
    sizes = []
    for i, (a, v) in enumerate(zip(axes, s)):
        if v == -1:
            v = x.shape[a]
            if last_half and i == len(axes) - 1:
                v = 2 * (v - 1)
        if v < 1:
            raise ValueError(f"{fname}: invalid number of data points ({v}) specified")
        sizes.append(v)
    return axes, sizes


_WIDE = {_c64: _c128, _c128: _c128}


def _c2c_axes(x, axes, sizes, forward, fct, w, fresh, dt):
    """C2C along several axes (last listed first); in place on arrays this
    function made itself.  The scale is applied once, in the last pass,
    which writes dtype dt; the passes before it keep double precision."""
    for k in range(len(axes) - 1, -1, -1):
        a, m = axes[k], sizes[k]
        f = fct if k == 0 else 1.0
        odt = dt if k == 0 else _WIDE[x.dtype]
        if fresh and x.shape[a] == m and x.dtype == odt:
            _eng.execute(x, x, a, m, _C2C, forward, f, w)
        else:
            x = _run(x, odt, a, m, _C2C, forward, f, w)
            fresh = True
    return x


def _c2cn(x, s, axes, norm, forward, workers, fname):
    x = _asarray(x)
    dt = _CPLX_OF[_floating(x, fname)]
    axes, sizes = _axes_s(x, s, axes, fname)
    norm = _check_norm(norm)
    x = _prepared(x, dt)
    if not axes:
        return _ac.asarray(x, copy=True)
    fct = _scale(norm, math.prod(sizes), not forward)
    return _c2c_axes(x, axes, sizes, forward, fct, _workers(workers), False, dt)


def fftn(x, /, *, s=None, axes=None, norm="backward", workers=None):
    """n-dimensional discrete Fourier transform over `axes` (all by
    default), each cropped or zero-padded to the size in `s` (-1: keep)."""
    return _c2cn(x, s, axes, norm, True, workers, "fftn")


def ifftn(x, /, *, s=None, axes=None, norm="backward", workers=None):
    """n-dimensional inverse discrete Fourier transform."""
    return _c2cn(x, s, axes, norm, False, workers, "ifftn")


def rfftn(x, /, *, s=None, axes=None, norm="backward", workers=None):
    """n-dimensional discrete Fourier transform of real input: the last of
    `axes` gets s[-1]//2 + 1 bins, the others their full size."""
    x = _asarray(x)
    rdt = _floating(x, "rfftn")
    if x.dtype.kind == "c":
        raise TypeError("rfftn: expected a real floating-point array, got complex")
    rdt = _REAL_OF[rdt]
    axes, sizes = _axes_s(x, s, axes, "rfftn")
    if not axes:
        raise ValueError("rfftn: at least one axis is needed")
    norm = _check_norm(norm)
    w = _workers(workers)
    x = _prepared(x, rdt)
    fct = _scale(norm, math.prod(sizes), False)
    single = len(axes) == 1
    cdt = _CPLX_OF[rdt]
    r = _run(x, cdt if single else _c128, axes[-1], sizes[-1], _R2C, True, fct if single else 1.0, w)
    if single:
        return r
    return _c2c_axes(r, axes[:-1], sizes[:-1], True, fct, w, True, cdt)


def irfftn(x, /, *, s=None, axes=None, norm="backward", workers=None):
    """Inverse of rfftn: the last of `axes` becomes s[-1] real points
    (default 2*(m-1))."""
    x = _asarray(x)
    dt = _CPLX_OF[_floating(x, "irfftn")]
    axes, sizes = _axes_s(x, s, axes, "irfftn", last_half=True)
    if not axes:
        raise ValueError("irfftn: at least one axis is needed")
    norm = _check_norm(norm)
    w = _workers(workers)
    x = _prepared(x, dt)
    fct = _scale(norm, math.prod(sizes), True)
    if len(axes) > 1:
        x = _c2c_axes(x, axes[:-1], sizes[:-1], False, 1.0, w, False, _c128)
    return _run(x, _REAL_OF[dt], axes[-1], sizes[-1], _C2R, False, fct, w)


# ---------------------------------------------------------------------------
# frequencies and shifts
# ---------------------------------------------------------------------------
def _freq_dtype(dtype, fname):
    if dtype is None:
        return _f64
    dt = _ac.dtype(dtype)
    if dt not in (_f32, _f64):
        raise TypeError(f"{fname}: dtype must be a real floating-point dtype, got {dt}")
    return dt


def _check_device(device):
    if device is not None and device != "cpu":
        raise ValueError(f"unsupported device {device!r}")


def fftfreq(n, /, *, d=1.0, dtype=None, device=None):
    """Sample frequencies of an n-point transform with sample spacing d:
    [0, 1, ..., ceil(n/2)-1, -floor(n/2), ..., -1] / (d*n)."""
    n = operator.index(n)
    if n < 1:
        raise ValueError(f"fftfreq: n must be positive, got {n}")
    dt = _freq_dtype(dtype, "fftfreq")
    _check_device(device)
    val = 1.0 / (n * d)
    k = _ac.concat([_ac.arange(0, (n - 1) // 2 + 1, dtype=_ac.int64),
                    _ac.arange(-(n // 2), 0, dtype=_ac.int64)])
    return (k * val).astype(dt)


def rfftfreq(n, /, *, d=1.0, dtype=None, device=None):
    """Sample frequencies of rfft: [0, 1, ..., n//2] / (d*n)."""
    n = operator.index(n)
    if n < 1:
        raise ValueError(f"rfftfreq: n must be positive, got {n}")
    dt = _freq_dtype(dtype, "rfftfreq")
    _check_device(device)
    val = 1.0 / (n * d)
    return (_ac.arange(0, n // 2 + 1, dtype=_ac.int64) * val).astype(dt)


def _shift(x, axes, inverse, fname):
    x = _asarray(x)
    nd = x.ndim
    if axes is None:
        axes = list(range(nd))
    elif isinstance(axes, int) or not hasattr(axes, "__len__"):
        axes = [_axis(axes, nd, fname)]
    else:
        axes = [_axis(a, nd, fname) for a in axes]
    shift = [0] * nd
    for a in axes:
        m = x.shape[a]
        shift[a] += (m + 1) // 2 if inverse else m // 2
    if nd > 64:
        raise ValueError(f"{fname}: at most 64 dimensions")
    # one pass over the output, rows copied by memcpy (C, arraycore._fft)
    return _eng.shift_copy(x, _ac.empty(x.shape, dtype=x.dtype), shift)


def fftshift(x, /, *, axes=None):
    """Move the zero-frequency bin to the centre along `axes` (all by default)."""
    return _shift(x, axes, False, "fftshift")


def ifftshift(x, /, *, axes=None):
    """Inverse of fftshift."""
    return _shift(x, axes, True, "ifftshift")
