# cython: language_level=3, boundscheck=False, wraparound=False
"""cimport arraycore: typed arrays walked by their strides, typed memoryviews,
and the C-API from Cython (no import call needed); a ufunc (sinc) and a
generalized ufunc (weighted_mean) made with ACUFunc_FromFuncAndData."""
cimport arraycore as ac


def stride_sum(ac.ndarray a):
    """The sum of a 2-d float64 array of any layout, walked by its strides."""
    cdef ac.intp_t i, j
    cdef ac.float64_t s = 0
    cdef char *row
    if a.ndim != 2 or a.dtype.num != ac.AC_DOUBLE:
        raise ValueError("stride_sum: need a 2-d float64 array")
    for i in range(a.shape[0]):
        row = a.data + i * a.strides[0]
        for j in range(a.shape[1]):
            s += (<ac.float64_t *>(row + j * a.strides[1]))[0]
    return s


def row_sums(double[:, ::1] m):
    """Row sums of a C-contiguous float64 array (a typed memoryview: no copy),
    returned as a new arraycore array made through the C-API."""
    cdef Py_ssize_t i, j
    cdef ac.intp_t n = m.shape[0]
    cdef ac.ndarray out = ac.ACArray_SimpleNew(1, &n, ac.AC_DOUBLE)
    cdef double *o = <double *>out.data
    cdef double s
    for i in range(m.shape[0]):
        s = 0
        for j in range(m.shape[1]):
            s += m[i, j]
        o[i] = s
    return out


def scale(double[:, ::1] m, double factor):
    """Multiply in place through the memoryview."""
    cdef Py_ssize_t i, j
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] *= factor


def as_float64(obj):
    """Any array-like to a C-contiguous float64 arraycore array."""
    return ac.ACArray_FROM_OTF(obj, ac.AC_DOUBLE, ac.AC_ARRAY_IN_ARRAY)


# ------------------------------------------------------------------ ufuncs
# A ufunc from a plain C-level scalar function: the generic loop ACUFunc_d_d
# calls the function given as the loop's data on every element.
from libc.math cimport sin, NAN

cdef double sinc_scalar(double x) noexcept nogil:
    """sin(pi x) / (pi x), 1 at 0."""
    if x == 0:
        return 1.0
    x *= 3.141592653589793
    return sin(x) / x

cdef ac.ACUFuncGenericFunction sinc_funcs[1]
cdef void *sinc_data[1]
cdef char sinc_types[2]
sinc_funcs[0] = ac.ACUFunc_d_d
sinc_data[0] = <void *>sinc_scalar
sinc_types[0] = sinc_types[1] = ac.AC_DOUBLE
sinc = ac.ACUFunc_FromFuncAndData(sinc_funcs, sinc_data, sinc_types, 1, 1, 1,
                                  ac.ACUFunc_None, "sinc",
                                  "sin(pi x) / (pi x), float64", 0)


# A generalized ufunc "(n),(n)->()": the weighted mean sum(x*w) / sum(w) of
# the last axis.  The loop gets the outer count and the core size in
# dimensions[0:2], the outer steps of x, w, out in steps[0:3] and the strides
# of x and w along n in steps[3:5]: each outer step is a pair of strided 1-d
# views.
cdef double _wmean(const char *x, ac.intp_t sx, const char *w, ac.intp_t sw,
                   ac.intp_t n) noexcept nogil:
    cdef ac.intp_t i
    cdef double num = 0, den = 0, wi
    for i in range(n):
        wi = (<const double *>(w + i * sw))[0]
        num += wi * (<const double *>(x + i * sx))[0]
        den += wi
    return num / den if den != 0 else NAN

cdef void wmean_loop(char **args, const ac.intp_t *dimensions, const ac.intp_t *steps,
                     void *data) noexcept nogil:
    cdef ac.intp_t k
    for k in range(dimensions[0]):
        (<double *>(args[2] + k * steps[2]))[0] = _wmean(
            args[0] + k * steps[0], steps[3], args[1] + k * steps[1], steps[4],
            dimensions[1])

cdef ac.ACUFuncGenericFunction wmean_funcs[1]
cdef char wmean_types[3]
wmean_funcs[0] = wmean_loop
wmean_types[0] = wmean_types[1] = wmean_types[2] = ac.AC_DOUBLE
weighted_mean = ac.ACUFunc_FromFuncAndDataAndSignature(
    wmean_funcs, NULL, wmean_types, 1, 2, 1, ac.ACUFunc_None, "weighted_mean",
    "sum(x * w) / sum(w) over the last axis (nan when sum(w) == 0)", 0, "(n),(n)->()")
