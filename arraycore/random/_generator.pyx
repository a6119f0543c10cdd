# arraycore/random/_generator.pyx -- Generator: NumPy's Generator interface
# over a BitGenerator, filling arraycore arrays in C loops with the GIL
# released (src/ac_random_dist.c).  Stream-compatible with NumPy for random,
# integers, uniform, standard_normal/normal (up to the ziggurat tables: see
# docs), standard_exponential/exponential, permutation, shuffle and choice;
# the other distributions are correct in distribution.  Parameters broadcast
# as arrays; bad parameters raise as NumPy does.
import operator
import math
from cpython.pycapsule cimport PyCapsule_New
from libc.stdint cimport uint64_t, int64_t, uint32_t, uint8_t
from libc.string cimport memcpy
from libc.stdlib cimport malloc, free
from libc.math cimport isfinite, isnan
from arraycore.random._crandom cimport *
from arraycore.random._bitgen cimport BitGenerator
from arraycore._core cimport ndarray, new_from_shape, copy_array
from arraycore._dtype cimport dtype as Dtype, as_dtype
from arraycore._convert cimport as_array
from arraycore._types cimport ac_intp

import arraycore as _ac
from arraycore.random._bitgen import PCG64

__all__ = ["Generator", "default_rng"]

_RANDOM_API = PyCapsule_New(<void *>ac_random_api(), "arraycore.random._RANDOM_API", NULL)

cdef Dtype F64 = as_dtype("float64")
cdef Dtype F32 = as_dtype("float32")
cdef Dtype I64 = as_dtype("int64")
cdef Dtype U64 = as_dtype("uint64")

# integer dtypes: (itemsize, signed, min, max)
cdef dict _INT_INFO = {
    "bool": (1, False, 0, 1), "int8": (1, True, -2**7, 2**7 - 1),
    "int16": (2, True, -2**15, 2**15 - 1), "int32": (4, True, -2**31, 2**31 - 1),
    "int64": (8, True, -2**63, 2**63 - 1), "uint8": (1, False, 0, 2**8 - 1),
    "uint16": (2, False, 0, 2**16 - 1), "uint32": (4, False, 0, 2**32 - 1),
    "uint64": (8, False, 0, 2**64 - 1),
}


cdef dict _DT_CACHE = {}


cdef Dtype _dt(object d):
    """as_dtype, with the dtypes named by strings cached"""
    cdef object r = _DT_CACHE.get(d) if type(d) is str else None
    if r is None:
        r = as_dtype(d)
        if type(d) is str:
            _DT_CACHE[d] = r
    return <Dtype>r


cdef ndarray _alloc_out(Dtype dt, object shape):
    """a new uninitialised array for results (huge pages asked for big ones)"""
    cdef ndarray o = new_from_shape(dt, shape)
    cdef Py_ssize_t n = out_size(o)
    if n * dt.itemsize >= (4 << 20):
        ac_rand_prepare_out(o.data, n * dt.itemsize)
    return o


cdef inline bint _is_pyscalar(object x):
    return type(x) is float or type(x) is int


cdef ndarray _f64(object x):
    """a parameter as a float64 array"""
    cdef ndarray a = as_array(x)
    if a.descr is not F64:
        a = _ac.asarray(a, dtype=F64)
    return a


cdef ndarray _contig(ndarray a, tuple shape):
    """a broadcast to shape, C-contiguous float64 (a copy when needed)"""
    if tuple(a.shape) != shape:
        a = _ac.broadcast_to(a, shape)
    if not (<object>a).flags.c_contiguous:
        a = copy_array(a, 0)
    return a


cdef enum:
    C_NONNEG, C_POS, C_POS_NAN, C_PROB, C_FINITE

cdef dict _CONDS = {"nonneg": C_NONNEG, "pos": C_POS, "pos_nan": C_POS_NAN, "prob": C_PROB,
                    "finite": C_FINITE}


cdef inline bint _bad_value(double v, int c) noexcept:
    if c == C_NONNEG:
        return v < 0
    if c == C_POS:
        return v <= 0
    if c == C_POS_NAN:
        return not v > 0
    if c == C_PROB:
        return not (0 <= v <= 1)
    return not isfinite(v)


cdef object _check(object x, str cond, str msg):
    """raise ValueError(msg) when any value of x violates the constraint"""
    cdef int c = _CONDS[cond]
    cdef bint bad
    if type(x) is float or type(x) is int:
        bad = _bad_value(<double>x, c)
    else:
        a = _f64(x)
        if c == C_NONNEG:
            bad = bool(_ac.any(a < 0))
        elif c == C_POS:
            bad = bool(_ac.any(a <= 0))
        elif c == C_POS_NAN:
            bad = not bool(_ac.all(a > 0))
        elif c == C_PROB:
            bad = not bool(_ac.all((a >= 0) & (a <= 1)))
        else:
            bad = not bool(_ac.all(_ac.isfinite(a)))
    if bad:
        raise ValueError(msg)


cdef tuple _shape_of_size(object size):
    if type(size) is int:
        if <Py_ssize_t>size < 0:
            raise ValueError("negative dimensions are not allowed")
        return (size,)
    if isinstance(size, (int,)) or hasattr(size, "__index__") and not isinstance(size, tuple):
        n = operator.index(size)
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        return (n,)
    try:
        shape = tuple(operator.index(s) for s in size)
    except TypeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(size).__name__)
    for s in shape:
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
    return shape


cdef class Generator:
    """Generator(bit_generator): draws from distributions over a BitGenerator
    (NumPy's Generator; same streams where the docs say so)."""
    cdef public BitGenerator _bit_generator
    cdef ac_bitgen_t *_bg
    cdef public object lock
    cdef object _acq, _rel      # the lock's bound acquire/release (cheap calls)

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("bit_generator must be an arraycore.random BitGenerator")
        self._bit_generator = bit_generator
        self._bg = &(<BitGenerator>bit_generator)._bitgen
        self.lock = bit_generator.lock
        self._acq = self.lock.acquire
        self._rel = self.lock.release

    @property
    def bit_generator(self):
        return self._bit_generator

    def __repr__(self):
        return "Generator(%s) at 0x%X" % (type(self._bit_generator).__name__, id(self))

    def __reduce__(self):
        return (Generator, (self._bit_generator,))

    def spawn(self, int n_children):
        """n_children independent Generators (spawned bit generators)"""
        return [type(self)(g) for g in self._bit_generator.spawn(n_children)]

    # ---- continuous, through one C fill ----
    cdef object _cont(self, int op, object size, object a=None, object b=None, object c=None,
                      int nparams=0):
        cdef double va = 0, vb = 0, vc = 0, r
        cdef ndarray out, pa, pb, pc
        cdef double *da
        cdef double *db
        cdef double *dc
        cdef Py_ssize_t sa = 0, sb = 0, sc = 0, n
        cdef bint scal = ((nparams < 1 or _is_pyscalar(a)) and (nparams < 2 or _is_pyscalar(b))
                          and (nparams < 3 or _is_pyscalar(c)))
        if scal:
            if nparams >= 1: va = a
            if nparams >= 2: vb = b
            if nparams >= 3: vc = c
            if size is None:
                self._acq()
                ac_rand_fill_cont(self._bg, op, 1, &r, &va, 0, &vb, 0, &vc, 0)
                self._rel()
                return r
            out = _alloc_out(F64, _shape_of_size(size))
            n = out_size(out)
            if n < 2048:       # short draws: releasing the GIL costs more than it frees
                self._acq()
                ac_rand_fill_cont(self._bg, op, n, <double *>out.data, &va, 0, &vb, 0, &vc, 0)
                self._rel()
            else:
                with self.lock, nogil:
                    ac_rand_fill_cont(self._bg, op, n, <double *>out.data, &va, 0, &vb, 0,
                                      &vc, 0)
            return out
        params = [_f64(p) for p in (a, b, c)[:nparams]]
        if size is None:
            shape = tuple(_ac.broadcast_shapes(*[p.shape for p in params]))
        else:
            shape = _shape_of_size(size)
            try:
                if tuple(_ac.broadcast_shapes(shape, *[p.shape for p in params])) != shape:
                    raise ValueError
            except ValueError:
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
        ptrs = []
        cdef double *dp[3]
        cdef Py_ssize_t sp[3]
        cdef double vals[3]
        cdef int i
        for i in range(3):
            dp[i] = &vals[i]
            sp[i] = 0
            vals[i] = 0
        for i in range(nparams):
            p = <ndarray>params[i]
            if p.nd == 0:
                vals[i] = p[()]
            else:
                p = _contig(p, shape)
                ptrs.append(p)
                dp[i] = <double *>(<ndarray>p).data
                sp[i] = 1
        if size is None and len(shape) == 0:
            self._acq()
            ac_rand_fill_cont(self._bg, op, 1, &r, dp[0], sp[0], dp[1], sp[1], dp[2], sp[2])
            self._rel()
            return r
        out = _alloc_out(F64, shape)
        n = out_size(out)
        with self.lock, nogil:
            ac_rand_fill_cont(self._bg, op, n, <double *>out.data, dp[0], sp[0], dp[1], sp[1],
                              dp[2], sp[2])
        return out

    cdef object _disc(self, int op, object size, object a, object b=None, object c=None,
                      int nparams=1):
        cdef ndarray out
        cdef int64_t r
        cdef double *dp[3]
        cdef Py_ssize_t sp[3]
        cdef double vals[3]
        cdef int i
        cdef Py_ssize_t n
        params = [_f64(p) for p in (a, b, c)[:nparams]]
        if size is None:
            shape = tuple(_ac.broadcast_shapes(*[p.shape for p in params]))
        else:
            shape = _shape_of_size(size)
            try:
                if tuple(_ac.broadcast_shapes(shape, *[p.shape for p in params])) != shape:
                    raise ValueError
            except ValueError:
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
        keep = []
        for i in range(3):
            dp[i] = &vals[i]
            sp[i] = 0
            vals[i] = 0
        for i in range(nparams):
            p = <ndarray>params[i]
            if p.nd == 0:
                vals[i] = p[()]
            else:
                p = _contig(p, shape)
                keep.append(p)
                dp[i] = <double *>(<ndarray>p).data
                sp[i] = 1
        if size is None and len(shape) == 0:
            self._acq()
            ac_rand_fill_disc(self._bg, op, 1, &r, dp[0], sp[0], dp[1], sp[1], dp[2], sp[2])
            self._rel()
            return int(r)
        out = _alloc_out(I64, shape)
        n = out_size(out)
        with self.lock, nogil:
            ac_rand_fill_disc(self._bg, op, n, <int64_t *>out.data, dp[0], sp[0], dp[1], sp[1],
                              dp[2], sp[2])
        return out

    cdef object _out_check(self, object out, object size, Dtype dt):
        if size is not None and tuple(out.shape) != _shape_of_size(size):
            raise ValueError("size must match out.shape when used together")
        if not isinstance(out, ndarray) or (<ndarray>out).descr is not dt:
            raise TypeError("Supplied output array has the wrong type. Expected %s, got %s"
                            % (dt, getattr(out, "dtype", type(out))))
        if not out.flags.c_contiguous:
            raise ValueError("Supplied output array must be C-contiguous")
        if not out.flags.writeable:
            raise ValueError("output array is read-only")
        return out

    # ---- the stream-compatible core ----
    def random(self, size=None, dtype="float64", out=None):
        """floats in [0, 1): 53-bit doubles (float64) or 24-bit floats (float32)"""
        cdef Dtype dt = _dt(dtype)
        cdef ndarray o
        cdef double r
        cdef Py_ssize_t n
        if dt is not F64 and dt is not F32:
            raise TypeError("Unsupported dtype %r for random" % (dt,))
        if out is not None:
            o = self._out_check(out, size, dt)
        elif size is None:
            if dt is F64:
                self._acq()
                r = self._bg.next_double(self._bg.state)
                self._rel()
                return r
            o = _alloc_out(dt, ())
        else:
            o = _alloc_out(dt, _shape_of_size(size))
        n = out_size(o)
        if n < 2048 and dt is F64:
            self._acq()
            ac_rand_fill_double(self._bg, n, <double *>o.data)
            self._rel()
        else:
            with self.lock, nogil:
                if dt is F64:
                    ac_rand_fill_double(self._bg, n, <double *>o.data)
                else:
                    ac_rand_fill_float(self._bg, n, <float *>o.data)
        return o if (size is not None or out is not None) else o[()]

    def standard_normal(self, size=None, dtype="float64", out=None):
        """N(0, 1) by the 256-strip ziggurat"""
        cdef Dtype dt = _dt(dtype)
        cdef ndarray o
        cdef Py_ssize_t n
        if dt is not F64 and dt is not F32:
            raise TypeError("Unsupported dtype %r for standard_normal" % (dt,))
        if out is None and dt is F64:
            return self._cont(AC_D_STD_NORMAL, size)
        o = self._out_check(out, size, dt) if out is not None else _alloc_out(
            dt, () if size is None else _shape_of_size(size))
        n = out_size(o)
        with self.lock, nogil:
            if dt is F64:
                ac_rand_fill_cont(self._bg, AC_D_STD_NORMAL, n, <double *>o.data,
                                  NULL, 0, NULL, 0, NULL, 0)
            else:
                ac_rand_fill_normal_f(self._bg, n, <float *>o.data)
        return o if (size is not None or out is not None) else o[()]

    def standard_exponential(self, size=None, dtype="float64", method="zig", out=None):
        """Exp(1) by the 256-strip ziggurat ("zig") or by inversion ("inv")"""
        cdef Dtype dt = _dt(dtype)
        cdef ndarray o
        cdef Py_ssize_t n, i
        cdef double *dd
        cdef float *df
        if dt is not F64 and dt is not F32:
            raise TypeError("Unsupported dtype %r for standard_exponential" % (dt,))
        if method not in ("zig", "inv"):
            raise ValueError("'method' argument must be either 'zig' or 'inv'")
        if out is None and dt is F64 and method == "zig":
            return self._cont(AC_D_STD_EXP, size)
        o = self._out_check(out, size, dt) if out is not None else _alloc_out(
            dt, () if size is None else _shape_of_size(size))
        n = out_size(o)
        cdef bint zig = method == "zig"
        with self.lock, nogil:
            if zig:
                if dt is F64:
                    ac_rand_fill_cont(self._bg, AC_D_STD_EXP, n, <double *>o.data,
                                      NULL, 0, NULL, 0, NULL, 0)
                else:
                    ac_rand_fill_exponential_f(self._bg, n, <float *>o.data)
            elif dt is F64:
                dd = <double *>o.data
                for i in range(n):
                    dd[i] = -log1p_(-self._bg.next_double(self._bg.state))
            else:
                df = <float *>o.data
                for i in range(n):
                    df[i] = -log1pf_(-ac_rand_float(self._bg))
        return o if (size is not None or out is not None) else o[()]

    def normal(self, loc=0.0, scale=1.0, size=None):
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_NORMAL, size, loc, scale, None, 2)

    def exponential(self, scale=1.0, size=None):
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_EXPONENTIAL, size, scale, None, None, 1)

    def uniform(self, low=0.0, high=1.0, size=None):
        """low + (high - low) * U"""
        if _is_pyscalar(low) and _is_pyscalar(high):
            rng = float(high) - float(low)
            if not math.isfinite(rng):
                raise OverflowError("high - low range exceeds valid bounds")
            return self._cont(AC_D_UNIFORM, size, float(low), rng, None, 2)
        lo = _f64(low)
        rng = _f64(high) - lo
        if not bool(_ac.all(_ac.isfinite(rng))):
            raise OverflowError("Range exceeds valid bounds")
        return self._cont(AC_D_UNIFORM, size, lo, rng, None, 2)

    def integers(self, low, high=None, size=None, dtype="int64", endpoint=False):
        """integers in [low, high) (or [low, high] with endpoint), Lemire's
        bounded method as NumPy's Generator"""
        cdef Dtype dt = _dt(dtype)
        cdef ndarray o, po, pr
        cdef uint64_t off = 0, rngv = 0
        cdef uint64_t *doff
        cdef uint64_t *drng
        cdef Py_ssize_t so = 0, sr = 0, n
        cdef int itemsize, is_bool
        name = str(dt)
        if name not in _INT_INFO:
            raise TypeError("Unsupported dtype %r for integers" % (name,))
        info = _INT_INFO[name]
        itemsize, signed, tmin, tmax = info
        is_bool = name == "bool"
        if high is None:
            high = low
            low = 0
        mod = (<object>1) << (8 * <object>itemsize)
        if _is_pyscalar(low) and _is_pyscalar(high) or (type(low) is bool or type(high) is bool):
            lo_i, hi_i = _as_int_bound(low), _as_int_bound(high)
            if not endpoint:
                hi_i -= 1
            if lo_i < tmin:
                raise ValueError("low is out of bounds for %s" % name)
            if hi_i > tmax:
                raise ValueError("high is out of bounds for %s" % name)
            if lo_i > hi_i:
                raise ValueError("low > high" if endpoint else "low >= high")
            off = <uint64_t>(lo_i % mod if lo_i >= 0 else (lo_i + (1 << 64)) % mod)
            rngv = <uint64_t>(hi_i - lo_i)
            shape = None if size is None else _shape_of_size(size)
            o = _alloc_out(dt, () if shape is None else shape)
            n = out_size(o)
            if n < 2048:
                self._acq()
                ac_rand_fill_bounded(self._bg, itemsize, is_bool, n, o.data, &off, 0, &rngv, 0)
                self._rel()
            else:
                with self.lock, nogil:
                    ac_rand_fill_bounded(self._bg, itemsize, is_bool, n, o.data, &off, 0,
                                         &rngv, 0)
            return o if size is not None else o[()]
        # array bounds: exact integer checks on int64/uint64 copies
        lo_a = _int_param(low)
        hi_a = _int_param(high)
        if size is None:
            shape = tuple(_ac.broadcast_shapes(lo_a.shape, hi_a.shape))
        else:
            shape = _shape_of_size(size)
        lo_l = _ac.broadcast_to(lo_a, shape).tolist() if shape else [lo_a[()]]
        hi_l = _ac.broadcast_to(hi_a, shape).tolist() if shape else [hi_a[()]]
        lo_f = _flatten(lo_l)
        hi_f = _flatten(hi_l)
        offs, rngs = [], []
        for lv, hv in zip(lo_f, hi_f):
            lv = int(lv)
            hv = int(hv) - (0 if endpoint else 1)
            if lv < tmin:
                raise ValueError("low is out of bounds for %s" % name)
            if hv > tmax:
                raise ValueError("high is out of bounds for %s" % name)
            if lv > hv:
                raise ValueError("low > high" if endpoint else "low >= high")
            offs.append(lv % mod if lv >= 0 else (lv + (1 << 64)) % mod)
            rngs.append(hv - lv)
        po = _ac.asarray(offs, dtype=U64) if offs else _alloc_out(U64, (0,))
        pr = _ac.asarray(rngs, dtype=U64) if rngs else _alloc_out(U64, (0,))
        o = _alloc_out(dt, shape)
        n = out_size(o)
        with self.lock, nogil:
            ac_rand_fill_bounded(self._bg, itemsize, is_bool, n, o.data, <uint64_t *>po.data, 1,
                                 <uint64_t *>pr.data, 1)
        return o if (size is not None or len(shape)) else o[()]

    def bytes(self, Py_ssize_t length):
        """length random bytes (the low bytes of uint32 draws, as NumPy)"""
        if length < 0:
            raise ValueError("negative dimensions are not allowed")
        n4 = (length + 3) // 4
        words = self.integers(0, 4294967296, size=n4, dtype="uint32")
        return bytes(words.tobytes())[:length] if hasattr(words, "tobytes") else \
            b"".join(int(w).to_bytes(4, "little") for w in words.tolist())[:length]

    # ---- permutations ----
    def shuffle(self, x, axis=0):
        """shuffle x in place along axis (Fisher-Yates with masked draws)"""
        cdef ndarray a
        cdef Py_ssize_t n, itemsize, stride
        cdef char *buf
        if isinstance(x, ndarray):
            a = <ndarray>x
            if not (<object>a).flags.writeable:
                raise ValueError("array is read-only")
            if a.nd == 0:
                raise TypeError("shuffle requires an array of at least one dimension")
            ax = operator.index(axis)
            if ax < -a.nd or ax >= a.nd:
                raise _ac.AxisError(ax, a.nd) if hasattr(_ac, "AxisError") else \
                    ValueError("axis %d is out of bounds for array of dimension %d" % (ax, a.nd))
            ax %= a.nd
            if a.nd == 1:
                n = a.shape[0]
                itemsize = a.descr.itemsize
                stride = a.strides[0]
                buf = <char *>malloc(itemsize if itemsize > 0 else 1)
                try:
                    with self.lock, nogil:
                        ac_rand_shuffle(self._bg, n, itemsize, stride, a.data, buf)
                finally:
                    free(buf)
                return None
            v = _ac.moveaxis(a, ax, 0)
            n = v.shape[0]
            for i in range(n - 1, 0, -1):
                self._acq()
                j = ac_rand_interval(self._bg, i)
                self._rel()
                if i == j:
                    continue
                tmp = _ac.asarray(v[j], copy=True)
                v[j] = v[i]
                v[i] = tmp
            return None
        if axis != 0:
            raise NotImplementedError("Axis argument is only supported on ndarray objects")
        n = len(x)
        for i in range(n - 1, 0, -1):
            self._acq()
            j = ac_rand_interval(self._bg, i)
            self._rel()
            x[i], x[j] = x[j], x[i]
        return None

    def permutation(self, x, axis=0):
        """a permuted copy of x, or of arange(x) for an integer x"""
        if _is_int_like(x):
            arr = _ac.arange(operator.index(x), dtype=I64)
            self.shuffle(arr)
            return arr
        arr = _ac.asarray(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        arr = _ac.asarray(arr, copy=True)
        self.shuffle(arr, axis=axis)
        return arr

    def permuted(self, x, axis=None, out=None):
        """x with each 1-d slice along axis shuffled independently (all of x
        when axis is None)"""
        arr = _ac.asarray(x)
        if out is None:
            out = _ac.asarray(arr, copy=True)
        else:
            if not isinstance(out, ndarray) or tuple(out.shape) != tuple(arr.shape):
                raise ValueError("out must have the same shape as x")
            out[...] = arr
        if axis is None:
            flat = _ac.asarray(out, copy=True).reshape(-1)
            self.shuffle(flat)
            out[...] = flat.reshape(out.shape)
            return out
        ax = operator.index(axis)
        if ax < -out.ndim or ax >= out.ndim:
            raise ValueError("axis %d is out of bounds for array of dimension %d" % (ax, out.ndim))
        v = _ac.moveaxis(out, ax, -1)
        import itertools
        for idx in itertools.product(*[range(s) for s in tuple(v.shape)[:v.ndim - 1]]):
            self.shuffle(v[idx])
        return out

    def choice(self, a, size=None, replace=True, p=None, axis=0, bint shuffle=True):
        """a random sample from a (an array, or arange(a) for an integer a),
        NumPy's algorithms: integers or a cdf search with replacement, a tail
        shuffle or Floyd's algorithm without"""
        cdef ndarray idx, cdf, u, pc
        cdef Py_ssize_t i, k, n_out
        cdef double *dc
        cdef double *du
        cdef int64_t *di
        cdef int64_t pop_i, size_i
        if _is_int_like(a) and not hasattr(a, "shape"):
            pop_size = operator.index(a)
            if pop_size <= 0 and (size is None or _nitems_of(size) != 0):
                raise ValueError("a must be a positive integer unless no samples are taken")
            arr = None
        else:
            arr = _ac.asarray(a)
            if arr.ndim == 0:
                raise ValueError("a must be a sequence or an integer, not %s" % type(a))
            ax = operator.index(axis)
            if ax < -arr.ndim or ax >= arr.ndim:
                raise ValueError("axis %d is out of bounds for array of dimension %d"
                                 % (ax, arr.ndim))
            axis = ax % arr.ndim
            pop_size = arr.shape[axis]
            if pop_size == 0 and (size is None or _nitems_of(size) != 0):
                raise ValueError("a cannot be empty unless no samples are taken")
        pvals = None
        if p is not None:
            pa = _f64(p)
            if pa.ndim != 1:
                raise ValueError("p must be 1-dimensional")
            if pa.shape[0] != pop_size:
                raise ValueError("a and p must have same size")
            pvals = pa.tolist()
            if not all(math.isfinite(v) for v in pvals):
                raise ValueError("probabilities contain NaN")
            if any(v < 0 for v in pvals):
                raise ValueError("probabilities are not non-negative")
            s = math.fsum(pvals)
            # NumPy's tolerance: sqrt(float64 eps)
            if abs(s - 1.0) > 1.4901161193847656e-08:
                raise ValueError("probabilities do not sum to 1")
        is_scalar = size is None
        shape = () if size is None else _shape_of_size(size)
        size_n = 1
        for s_ in shape:
            size_n *= s_
        if size_n == 0:
            idx = _alloc_out(I64, shape)
        elif replace:
            if pvals is not None:
                # cumulative sums normalised by the last one, then a
                # right-side search of uniforms
                cdf = _alloc_out(F64, (pop_size,))
                dc = <double *>cdf.data
                pc = (<ndarray>_contig(pa, (pop_size,)))
                _cumsum(<double *>pc.data, dc, pop_size)
                u = self.random(shape)
                idx = _alloc_out(I64, shape)
                _search_right(dc, pop_size, <double *>u.data, <int64_t *>idx.data, size_n)
            else:
                idx = self.integers(0, pop_size, size=shape)
        else:
            if size_n > pop_size:
                raise ValueError("Cannot take a larger sample than population when replace is False")
            if pvals is not None:
                if sum(1 for v in pvals if v > 0) < size_n:
                    raise ValueError("Fewer non-zero entries in p than size")
                pw = list(pvals)
                found = []
                cdf = _alloc_out(F64, (pop_size,))
                pc = _ac.asarray(pw, dtype=F64)
                while len(found) < size_n:
                    u = self.random((size_n - len(found),))
                    for f in found:
                        pw[f] = 0.0
                    pc = _ac.asarray(pw, dtype=F64)
                    _cumsum(<double *>(<ndarray>pc).data, <double *>cdf.data, pop_size)
                    new = _alloc_out(I64, (size_n - len(found),))
                    _search_right(<double *>cdf.data, pop_size, <double *>u.data,
                                  <int64_t *>(<ndarray>new).data, size_n - len(found))
                    seen = set(found)
                    for v in new.tolist():
                        if v not in seen:
                            seen.add(v)
                            found.append(v)
                idx = _ac.asarray(found, dtype=I64).reshape(shape)
            else:
                cutoff = 50 if shuffle else 20
                pop_i = pop_size
                size_i = size_n
                if pop_i > 10000 and size_i > pop_i // cutoff:
                    full = _ac.arange(pop_i, dtype=I64)
                    di = <int64_t *>(<ndarray>full).data
                    with self.lock, nogil:
                        ac_rand_shuffle_int(self._bg, pop_i, pop_i - size_i if pop_i - size_i > 1
                                            else 1, di)
                    idx = _ac.asarray(full[pop_i - size_i:], copy=True).reshape(shape)
                else:
                    idx = _alloc_out(I64, (size_i,))
                    di = <int64_t *>idx.data
                    with self.lock, nogil:
                        k = ac_rand_floyd(self._bg, pop_i, size_i, shuffle, di)
                    if k < 0:
                        raise MemoryError()
                    idx = idx.reshape(shape)
        if arr is None:
            return int(idx[()]) if is_scalar else idx
        if is_scalar:
            res = _ac.take(arr, int(idx[()]), axis=axis)
            return res[()] if arr.ndim == 1 else res
        return _ac.take(arr, idx, axis=axis)

    # ---- the other distributions (correct in distribution) ----
    def standard_gamma(self, shape, size=None, dtype="float64", out=None):
        cdef Dtype dt = _dt(dtype)
        cdef ndarray o
        _check(shape, "nonneg", "shape < 0")
        if dt is F32:
            if not _is_pyscalar(shape):
                res = self._cont(AC_D_STD_GAMMA, size, shape, None, None, 1)
                return _ac.asarray(res, dtype=F32)
            o = self._out_check(out, size, dt) if out is not None else _alloc_out(
                dt, () if size is None else _shape_of_size(size))
            self._acq()
            ac_rand_fill_gamma_f(self._bg, out_size(o), <float *>o.data, <float>shape)
            self._rel()
            return o if (size is not None or out is not None) else o[()]
        if dt is not F64:
            raise TypeError("Unsupported dtype %r for standard_gamma" % (dt,))
        res = self._cont(AC_D_STD_GAMMA, size, shape, None, None, 1)
        if out is not None:
            o = self._out_check(out, size, dt)
            o[...] = res
            return o
        return res

    def gamma(self, shape, scale=1.0, size=None):
        _check(shape, "nonneg", "shape < 0")
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_GAMMA, size, shape, scale, None, 2)

    def beta(self, a, b, size=None):
        _check(a, "pos", "a <= 0")
        _check(b, "pos", "b <= 0")
        return self._cont(AC_D_BETA, size, a, b, None, 2)

    def chisquare(self, df, size=None):
        _check(df, "pos", "df <= 0")
        return self._cont(AC_D_CHISQUARE, size, df, None, None, 1)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        _check(sigma, "nonneg", "sigma < 0")
        return self._cont(AC_D_LOGNORMAL, size, mean, sigma, None, 2)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_LAPLACE, size, loc, scale, None, 2)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_LOGISTIC, size, loc, scale, None, 2)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_GUMBEL, size, loc, scale, None, 2)

    def weibull(self, a, size=None):
        _check(a, "nonneg", "a < 0")
        return self._cont(AC_D_WEIBULL, size, a, None, None, 1)

    def pareto(self, a, size=None):
        _check(a, "pos", "a <= 0")
        return self._cont(AC_D_PARETO, size, a, None, None, 1)

    def power(self, a, size=None):
        _check(a, "pos", "a <= 0")
        return self._cont(AC_D_POWER, size, a, None, None, 1)

    def rayleigh(self, scale=1.0, size=None):
        _check(scale, "nonneg", "scale < 0")
        return self._cont(AC_D_RAYLEIGH, size, scale, None, None, 1)

    def triangular(self, left, mode, right, size=None):
        l, m, r = _f64(left), _f64(mode), _f64(right)
        if bool(_ac.any(l > m)):
            raise ValueError("left > mode")
        if bool(_ac.any(m > r)):
            raise ValueError("mode > right")
        if bool(_ac.any(l == r)):
            raise ValueError("left == right")
        if _is_pyscalar(left) and _is_pyscalar(mode) and _is_pyscalar(right):
            return self._cont(AC_D_TRIANGULAR, size, float(left), float(mode), float(right), 3)
        return self._cont(AC_D_TRIANGULAR, size, l, m, r, 3)

    def vonmises(self, mu, kappa, size=None):
        _check(kappa, "nonneg", "kappa < 0")
        return self._cont(AC_D_VONMISES, size, mu, kappa, None, 2)

    def standard_cauchy(self, size=None):
        return self._cont(AC_D_CAUCHY, size)

    def standard_t(self, df, size=None):
        _check(df, "pos", "df <= 0")
        return self._cont(AC_D_STANDARD_T, size, df, None, None, 1)

    def f(self, dfnum, dfden, size=None):
        _check(dfnum, "pos", "dfnum <= 0")
        _check(dfden, "pos", "dfden <= 0")
        return self._cont(AC_D_F, size, dfnum, dfden, None, 2)

    def poisson(self, lam=1.0, size=None):
        _check(lam, "nonneg", "lam < 0")
        if bool(_ac.any(_f64(lam) > 9.223372006484771e18)) or (
                not _is_pyscalar(lam) and bool(_ac.any(_ac.isnan(_f64(lam))))) or (
                _is_pyscalar(lam) and math.isnan(lam)):
            raise ValueError("lam value too large")
        return self._disc(AC_D_POISSON, size, lam)

    def binomial(self, n, p, size=None):
        na = _f64(n)
        if bool(_ac.any(na < 0)):
            raise ValueError("n < 0")
        _check(p, "prob", "p < 0, p > 1 or p is NaN")
        return self._disc(AC_D_BINOMIAL, size, _ac.floor(na) if na.ndim else float(int(na[()])), p,
                          None, 2)

    def negative_binomial(self, n, p, size=None):
        _check(n, "pos", "n <= 0")
        pa = _f64(p)
        if not bool(_ac.all((pa > 0) & (pa <= 1))):
            raise ValueError("p < 0, p > 1 or p is NaN" if not bool(_ac.all(pa >= 0)) else "p <= 0, p > 1 or p is NaN")
        return self._disc(AC_D_NEGBINOMIAL, size, n, p, None, 2)

    def geometric(self, p, size=None):
        pa = _f64(p)
        if not bool(_ac.all((pa > 0) & (pa <= 1))):
            raise ValueError("p <= 0, p > 1 or p contains NaNs")
        return self._disc(AC_D_GEOMETRIC, size, p)

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        g, b, s = _f64(ngood), _f64(nbad), _f64(nsample)
        if bool(_ac.any(g < 0)):
            raise ValueError("ngood < 0")
        if bool(_ac.any(b < 0)):
            raise ValueError("nbad < 0")
        if bool(_ac.any(s < 0)):
            raise ValueError("nsample < 0")
        if bool(_ac.any(g + b < s)):
            raise ValueError("ngood + nbad < nsample")
        if bool(_ac.any(g + b > 1e9)):
            raise ValueError("ngood + nbad >= 1000000000")
        return self._disc(AC_D_HYPERGEOM, size, _ac.floor(g), _ac.floor(b), _ac.floor(s), 3)

    def multinomial(self, n, pvals, size=None):
        """counts of n draws over len(pvals) categories (sequential binomials)"""
        cdef ndarray o, pv, nn
        cdef int64_t *do
        cdef Py_ssize_t d, m, i
        pv = _ac.asarray(_f64(pvals), copy=True)
        if pv.ndim != 1:
            raise ValueError("pvals must be a one-dimensional array")
        d = pv.shape[0]
        pl = pv.tolist()
        if any(v < 0 or v > 1 or math.isnan(v) for v in pl):
            raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
        if d and math.fsum(pl[:len(pl) - 1]) > 1.0 + 1e-12:
            raise ValueError("sum(pvals[:-1]) > 1.0")
        nn = _ac.asarray(_ac.asarray(n), dtype=I64)
        if bool(_ac.any(nn < 0)):
            raise ValueError("n < 0")
        if size is None:
            bshape = tuple(nn.shape)
        else:
            bshape = _shape_of_size(size)
        nb = _ac.broadcast_to(nn, bshape).reshape(-1).tolist() if bshape else [int(nn[()])]
        o = _alloc_out(I64, bshape + (d,))
        do = <int64_t *>o.data
        pc = <ndarray>_contig(pv, (d,))
        with self.lock:
            for i in range(len(nb)):
                ac_rand_multinomial(self._bg, nb[i], do + i * d, <double *>pc.data, d)
        return o

    def dirichlet(self, alpha, size=None):
        """normalised independent gammas"""
        al = _f64(alpha)
        if al.ndim != 1:
            raise ValueError("alpha must be a one-dimensional array")
        vals = al.tolist()
        if any(v < 0 or math.isnan(v) for v in vals):
            raise ValueError("alpha < 0")
        if not any(v > 0 for v in vals) and len(vals):
            raise ValueError("At least one value of alpha must be positive")
        shape = () if size is None else _shape_of_size(size)
        k = len(vals)
        g = self._cont(AC_D_STD_GAMMA, shape + (k,), _ac.broadcast_to(al, shape + (k,)),
                       None, None, 1)
        return g / _ac.sum(g, axis=-1, keepdims=True)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        """Draws of N(mean, cov): standard normals z of shape size + (n,) (the
        same draws as NumPy's) mapped to mean + z @ F.T, with F from
        arraycore.linalg: U sqrt(S) of the SVD (method="svd"), Q sqrt(|w|) of
        eigh ("eigh", the lower triangle), or the Cholesky factor
        ("cholesky", which raises LinAlgError when cov is not positive
        definite).  For svd/eigh, a cov that is not symmetric positive
        semi-definite within tol warns (RuntimeWarning, check_valid="warn"),
        raises ValueError ("raise") or passes ("ignore")."""
        import warnings
        from arraycore import linalg as _la
        if method not in ("svd", "eigh", "cholesky"):
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        mean_a = as_array(mean)
        cov_a = as_array(cov)
        if mean_a.dtype.kind == "c" or cov_a.dtype.kind == "c":
            raise TypeError("mean and cov must not be complex")
        shape = () if size is None else _shape_of_size(size)
        if mean_a.ndim != 1:
            raise ValueError("mean must be 1 dimensional")
        if cov_a.ndim != 2 or cov_a.shape[0] != cov_a.shape[1]:
            raise ValueError("cov must be 2 dimensional and square")
        n = mean_a.shape[0]
        if n != cov_a.shape[0]:
            raise ValueError("mean and cov must have same length")
        mean_a = _ac.asarray(mean_a, dtype=F64)
        cov_a = _ac.asarray(cov_a, dtype=F64)
        z = self.standard_normal(shape + (n,))
        if n == 0:
            return z
        if method == "svd":
            u, s, vh = _la.svd(cov_a)
        elif method == "eigh":
            s, u = _la.eigh(cov_a)
        else:
            factor = _la.cholesky(cov_a)
        if method != "cholesky" and check_valid != "ignore":
            if check_valid not in ("warn", "raise"):
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            if method == "svd":
                psd = _ac.allclose(_ac.matmul(_ac.matrix_transpose(vh) * s, vh), cov_a,
                                   rtol=tol, atol=tol)
            else:
                psd = not bool(_ac.any(s < -tol))
            if not psd:
                msg = "covariance is not symmetric positive-semidefinite."
                if check_valid == "warn":
                    warnings.warn(msg, RuntimeWarning, stacklevel=2)
                else:
                    raise ValueError(msg)
        if method == "svd":
            factor = u * _ac.sqrt(s)
        elif method == "eigh":
            # |w|: a tiny negative eigenvalue of a semi-definite cov gives no nan
            factor = u * _ac.sqrt(_ac.abs(s))
        x = _ac.reshape(z, (-1, n))
        return _ac.reshape(mean_a + _ac.matmul(x, _ac.matrix_transpose(factor)), shape + (n,))


cdef inline Py_ssize_t out_size(ndarray o):
    cdef Py_ssize_t n = 1
    cdef int i
    for i in range(o.nd):
        n *= o.dimensions[i]
    return n


cdef extern from "math.h" nogil:
    double log1p_ "log1p"(double)
    float log1pf_ "log1pf"(float)


cdef void _cumsum(const double *p, double *out, Py_ssize_t n) noexcept:
    cdef double acc = 0
    cdef Py_ssize_t i
    for i in range(n):
        acc += p[i]
        out[i] = acc
    if n and acc != 0:
        acc = out[n - 1]
        for i in range(n):
            out[i] /= acc


cdef void _search_right(const double *cdf, Py_ssize_t n, const double *u, int64_t *out,
                        Py_ssize_t m) noexcept:
    """for each u, the number of cdf values <= u (searchsorted side='right')"""
    cdef Py_ssize_t i, lo, hi, mid
    for i in range(m):
        lo = 0
        hi = n
        while lo < hi:
            mid = (lo + hi) >> 1
            if cdf[mid] <= u[i]:
                lo = mid + 1
            else:
                hi = mid
        out[i] = lo


cdef object _as_int_bound(object x):
    if type(x) is float:
        if not math.isfinite(x):
            raise OverflowError("cannot convert float infinity/NaN to integer")
        return int(x)
    return operator.index(x)


cdef bint _is_int_like(object x):
    if isinstance(x, bool):
        return True
    if isinstance(x, ndarray):
        return (<ndarray>x).nd == 0 and str(x.dtype).startswith(("int", "uint"))
    try:
        operator.index(x)
        return True
    except TypeError:
        return False


cdef Py_ssize_t _nitems_of(object size):
    n = 1
    for s in _shape_of_size(size):
        n *= s
    return n


cdef object _int_param(object x):
    a = _ac.asarray(x)
    k = str(a.dtype)
    if k.startswith(("int", "uint", "bool")):
        return a
    if k.startswith("float"):
        if not bool(_ac.all(_ac.isfinite(a))):
            raise ValueError("bounds must be finite")
        return _ac.asarray(a, dtype="int64")
    raise TypeError("Unsupported bounds of type %s" % k)


cdef list _flatten(object v):
    if isinstance(v, list):
        out = []
        for e in v:
            out.extend(_flatten(e))
        return out
    return [v]


def default_rng(seed=None):
    """A Generator over PCG64 seeded with seed (None: fresh OS entropy; an
    int, a sequence of ints or a SeedSequence; a BitGenerator or Generator is
    used as is)."""
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    return Generator(PCG64(seed))
