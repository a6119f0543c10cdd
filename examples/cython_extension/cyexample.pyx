# cython: language_level=3, boundscheck=False, wraparound=False
"""cimport arraycore: typed arrays walked by their strides, typed memoryviews,
and the C-API from Cython (no import call needed)."""
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
