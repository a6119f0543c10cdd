# arraycore/_fft.pyx -- the door from arraycore.fft (Python, arraycore/fft/)
# to the C FFT engine (src/ac_fft.c in libaccore): one transform along one
# axis of prepared arrays (native, aligned, of the transform's dtypes), run
# without the GIL and under the Ctrl-C handler; the plan cache controls; and
# the block copy of fftshift/ifftshift (shift_copy).
from arraycore._types cimport *
from arraycore._dtype cimport dtype, UNSAFE_CASTING, ACX_FLOAT32, ACX_FLOAT64, ACX_COMPLEX64, ACX_COMPLEX128
from arraycore._core cimport ndarray, check_writeable, astype_array
from arraycore._errstate cimport sigint_on, sigint_done
from libc.string cimport memcpy

cdef extern from "ac_fft.h" nogil:
    enum:
        AC_FFT_C2C, AC_FFT_R2C, AC_FFT_C2R, AC_FFT_DOUBLE, AC_FFT_FLOAT, AC_FFT_FLOAT_WIDE
        AC_FFT_FLOAT_IN, AC_FFT_FLOAT_OUT
        AC_FFT_EBADARGS, AC_FFT_EINTR, AC_FFT_ENOMEM
    int ac_fft_execute(int kind, int prec, int forward, ac_intp n, double fct,
                       int nouter, const ac_intp *outer,
                       const char *inp, const ac_intp *istr, ac_intp iax, ac_intp nin,
                       char *out, const ac_intp *ostr, ac_intp oax, int nthreads)
    void ac_fft_cache_clear()
    int ac_fft_cache_size()

C2C = AC_FFT_C2C
R2C = AC_FFT_R2C
C2R = AC_FFT_C2R


cdef int _prec(ndarray a, bint cplx) except -1:
    cdef int t = a.descr.tidx
    if cplx and t == ACX_COMPLEX128 or not cplx and t == ACX_FLOAT64:
        return AC_FFT_DOUBLE
    if cplx and t == ACX_COMPLEX64 or not cplx and t == ACX_FLOAT32:
        return AC_FFT_FLOAT
    raise TypeError(f"fft engine: unexpected dtype {a.descr}")


# the smallest batch (lanes x points) split over the pool when workers=None:
# about 0.3 ms of work, where a split's cost (a few microseconds) is noise
cdef ac_intp _AUTO_POINTS = 1 << 16


def execute(ndarray a, ndarray out, int axis, ac_intp n, int kind, bint forward,
            double fct, int workers=1):
    """Transform `a` along `axis` into `out` (same shape except along the
    axis: n for C2C and C2R, n//2+1 for R2C; either may be single or double
    precision, the computation is double); `a` is cropped or zero-padded
    along the axis to what the transform reads.  `a` may be `out` itself
    (same layout) for an in-place C2C of unchanged length.  workers: the
    most pieces of the batch on the pool; 0: the pool decides."""
    cdef int nd = a.nd, d, k = 0, rc, pin, pout
    cdef ac_intp outer[64]
    cdef ac_intp istr[64]
    cdef ac_intp ostr[64]
    cdef ac_intp nout, total = 1
    if kind != AC_FFT_C2C and kind != AC_FFT_R2C and kind != AC_FFT_C2R:
        raise ValueError("fft engine: bad kind")
    if n < 1:
        raise ValueError(f"invalid number of data points ({n}) specified")
    if nd != out.nd or nd < 1 or axis < 0 or axis >= nd:
        raise ValueError("fft engine: bad dimensions")
    pin = _prec(a, kind != AC_FFT_R2C)
    pout = _prec(out, kind != AC_FFT_C2R)
    # single precision is computed in double, rounded once (arraycore/fft/_fft.py)
    if pin == AC_FFT_FLOAT:
        pin = AC_FFT_FLOAT_WIDE if pout == AC_FFT_FLOAT else AC_FFT_FLOAT_IN
    elif pout == AC_FFT_FLOAT:
        pin = AC_FFT_FLOAT_OUT
    for x in (a, out):
        if (<ndarray>x).descr.swapped or not ((<ndarray>x).flags & AC_ARRAY_ALIGNED):
            raise ValueError("fft engine: arrays must be native and aligned")
    check_writeable(out)
    nout = n // 2 + 1 if kind == AC_FFT_R2C else n
    if out.dimensions[axis] != nout:
        raise ValueError("fft engine: output length along the axis")
    for d in range(nd):
        if d == axis:
            continue
        if a.dimensions[d] != out.dimensions[d]:
            raise ValueError("fft engine: shapes differ")
        outer[k] = a.dimensions[d]
        istr[k] = a.strides[d]
        ostr[k] = out.strides[d]
        total *= a.dimensions[d]
        k += 1
    if workers == 0:
        # workers=None: the pool's size (ARRAYCORE_NUM_THREADS, set_num_threads,
        # threadpoolctl) for a batch whose work pays for threads, as the other
        # kernels on the pool; any split gives the same bits
        workers = 1 << 16 if total >= 2 and total * n >= _AUTO_POINTS else 1
    elif workers < 1:
        workers = 1
    total *= n
    if total < 16384:
        rc = ac_fft_execute(kind, pin, forward, n, fct, k, outer, a.data, istr,
                            a.strides[axis], a.dimensions[axis], out.data, ostr,
                            out.strides[axis], 1)
    else:
        sigint_on()
        with nogil:
            rc = ac_fft_execute(kind, pin, forward, n, fct, k, outer, a.data, istr,
                                a.strides[axis], a.dimensions[axis], out.data, ostr,
                                out.strides[axis], workers)
        sigint_done(rc == AC_FFT_EINTR)
    if rc == AC_FFT_ENOMEM:
        raise MemoryError("fft: out of memory for the plan or its buffers")
    if rc != 0:
        raise RuntimeError(f"fft engine failed ({rc})")
    return out


def prepare(ndarray a, dtype dt):
    """`a` itself when it already is a native, aligned array of dtype `dt`
    (the engine's requirement), else a converted copy."""
    if a.descr is dt and (a.flags & AC_ARRAY_ALIGNED):
        return a
    return astype_array(a, dt, True, UNSAFE_CASTING)


def cache_clear():
    """Drop every cached FFT plan."""
    ac_fft_cache_clear()


def cache_size():
    """How many FFT plans are cached (at most 24)."""
    return ac_fft_cache_size()


def shift_copy(ndarray x, ndarray out, shifts):
    """out[i] = x[(i - shifts) mod shape] along every dimension (np.roll of
    all axes at once): out is a new C-contiguous array of x's shape and dtype
    (any byte order: the items are copied as bytes).  Each output row along
    the last axis is at most two memcpy calls when x's last axis is
    contiguous, else a strided item loop, without the GIL."""
    cdef int nd = x.nd, d
    cdef ac_intp sh[64]
    cdef ac_intp idx[64]
    cdef ac_intp isz = x.descr.itemsize, m, k, rows = 1, r, j
    cdef ac_intp xs, total = 1
    cdef char *src
    cdef char *dst = out.data
    cdef char *row
    if out.nd != nd or out.descr.itemsize != isz or not (out.flags & AC_ARRAY_C_CONTIGUOUS):
        raise ValueError("shift_copy: out must be a new C-contiguous array like x")
    if len(shifts) != nd:
        raise ValueError("shift_copy: one shift per dimension")
    for d in range(nd):
        if out.dimensions[d] != x.dimensions[d]:
            raise ValueError("shift_copy: shapes differ")
        total *= x.dimensions[d]
        if x.dimensions[d]:
            sh[d] = shifts[d] % x.dimensions[d]
        else:
            sh[d] = 0
        idx[d] = 0
    if total == 0:
        return out
    if nd == 0:
        memcpy(dst, x.data, isz)
        return out
    for d in range(nd - 1):
        rows *= x.dimensions[d]
    m = x.dimensions[nd - 1]
    k = sh[nd - 1]
    xs = x.strides[nd - 1]
    with nogil:
        for r in range(rows):
            # the source row: each outer index i_d reads (i_d - sh_d) mod n_d
            row = x.data
            for d in range(nd - 1):
                j = idx[d] - sh[d]
                if j < 0:
                    j += x.dimensions[d]
                row += j * x.strides[d]
            if xs == isz:
                memcpy(dst + k * isz, row, (m - k) * isz)
                memcpy(dst, row + (m - k) * isz, k * isz)
            else:
                for j in range(m):
                    src = row + ((j - k + m) % m) * xs
                    memcpy(dst + j * isz, src, isz)
            dst += m * isz
            # next outer index (C order)
            d = nd - 2
            while d >= 0:
                idx[d] += 1
                if idx[d] < x.dimensions[d]:
                    break
                idx[d] = 0
                d -= 1
    return out
