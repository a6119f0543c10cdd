/*
 * example.c -- the "example_wrapper" of NumPy's "How to extend NumPy", in
 * arraycore's spelling.
 *
 *   example.example_wrapper(a, b, out)   out += a * b   (a, b: any array-likes)
 *   example.trace(a)                     sum of the diagonal, by strides
 *   example.fft_rows(a)                  FFT of each row of a 2-d array, on
 *                                        arraycore's engine without the GIL
 *
 * Builds with the full C-API and with CPython's limited API
 * (meson setup -Dlimited_api=true).
 */
#include <arraycore/arraycore.h>

static PyObject *
example_wrapper(PyObject *dummy, PyObject *args)
{
    PyObject *arg1 = NULL, *arg2 = NULL, *out = NULL;
    PyObject *arr1 = NULL, *arr2 = NULL, *oarr = NULL;
    ac_intp i, j, n0, n1;
    int nd;
    (void)dummy;

    if (!PyArg_ParseTuple(args, "OOO!", &arg1, &arg2, &ACArray_Type, &out)) {
        return NULL;
    }

    arr1 = ACArray_FROM_OTF(arg1, AC_DOUBLE, AC_ARRAY_IN_ARRAY);
    if (arr1 == NULL) {
        return NULL;
    }
    arr2 = ACArray_FROM_OTF(arg2, AC_DOUBLE, AC_ARRAY_IN_ARRAY);
    if (arr2 == NULL) {
        goto fail;
    }
    /* the output: a C-contiguous, aligned, writeable float64 array; when `out`
       is not one already this is a copy that is written back at the end */
    oarr = ACArray_FROM_OTF(out, AC_DOUBLE, AC_ARRAY_INOUT_ARRAY);
    if (oarr == NULL) {
        goto fail;
    }

    nd = ACArray_NDIM(oarr);
    if (nd < 1 || nd > 2 || ACArray_NDIM(arr1) != nd || ACArray_NDIM(arr2) != nd) {
        PyErr_SetString(PyExc_ValueError, "example_wrapper: arrays must be 1-d or 2-d alike");
        goto fail;
    }
    for (i = 0; i < nd; i++) {
        if (ACArray_DIM(arr1, (int)i) != ACArray_DIM(oarr, (int)i)
                || ACArray_DIM(arr2, (int)i) != ACArray_DIM(oarr, (int)i)) {
            PyErr_SetString(PyExc_ValueError, "example_wrapper: shapes differ");
            goto fail;
        }
    }

    /* stride-aware element access */
    n0 = ACArray_DIM(oarr, 0);
    n1 = nd == 2 ? ACArray_DIM(oarr, 1) : 1;
    for (i = 0; i < n0; i++) {
        for (j = 0; j < n1; j++) {
            double *o, *x, *y;
            if (nd == 1) {
                o = (double *)ACArray_GETPTR1(oarr, i);
                x = (double *)ACArray_GETPTR1(arr1, i);
                y = (double *)ACArray_GETPTR1(arr2, i);
            }
            else {
                o = (double *)ACArray_GETPTR2(oarr, i, j);
                x = (double *)ACArray_GETPTR2(arr1, i, j);
                y = (double *)ACArray_GETPTR2(arr2, i, j);
            }
            *o += *x * *y;
        }
    }

    Py_DECREF(arr1);
    Py_DECREF(arr2);
    if (ACArray_ResolveWritebackIfCopy(oarr) < 0) {
        Py_DECREF(oarr);
        return NULL;
    }
    Py_DECREF(oarr);
    Py_RETURN_NONE;

 fail:
    Py_XDECREF(arr1);
    Py_XDECREF(arr2);
    ACArray_DiscardWritebackIfCopy(oarr);   /* NULL is fine */
    Py_XDECREF(oarr);
    return NULL;
}

/* The sum of the diagonal of a 2-d array of any layout: no copy unless the
   data is not float64, aligned and in native byte order. */
static PyObject *
trace(PyObject *dummy, PyObject *arg)
{
    PyObject *arr;
    ac_intp i, n;
    double s = 0.0;
    (void)dummy;
    arr = ACArray_FROM_OTF(arg, AC_DOUBLE, AC_ARRAY_ALIGNED | AC_ARRAY_NOTSWAPPED);
    if (arr == NULL) {
        return NULL;
    }
    if (ACArray_NDIM(arr) != 2) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_ValueError, "trace: need a 2-d array");
        return NULL;
    }
    n = ACArray_DIM(arr, 0) < ACArray_DIM(arr, 1) ? ACArray_DIM(arr, 0) : ACArray_DIM(arr, 1);
    for (i = 0; i < n; i++) {
        s += *(double *)ACArray_GETPTR2(arr, i, i);
    }
    Py_DECREF(arr);
    return PyFloat_FromDouble(s);
}

/* A new n x n identity matrix, made through the C-API. */
static PyObject *
identity(PyObject *dummy, PyObject *args)
{
    Py_ssize_t n, i;
    ac_intp dims[2];
    PyObject *r;
    (void)dummy;
    if (!PyArg_ParseTuple(args, "n", &n)) {
        return NULL;
    }
    dims[0] = dims[1] = n;
    r = ACArray_Zeros(2, dims, NULL, 0);
    if (r == NULL) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        *(double *)ACArray_GETPTR2(r, i, i) = 1.0;
    }
    return r;
}

/* The forward FFT of every row of a 2-d array (any array-like, as complex128)
   through the C-API's FFT plans: plan once, run all rows without the GIL. */
static PyObject *
fft_rows(PyObject *dummy, PyObject *arg)
{
    PyObject *arr, *out;
    ACFFT_Plan *plan;
    ac_intp dims[2];
    int rc;
    (void)dummy;
    arr = ACArray_FROM_OTF(arg, AC_CDOUBLE, AC_ARRAY_IN_ARRAY);
    if (arr == NULL) {
        return NULL;
    }
    if (ACArray_NDIM(arr) != 2 || ACArray_DIM(arr, 1) < 1) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_ValueError, "fft_rows: need a 2-d array with rows of length >= 1");
        return NULL;
    }
    dims[0] = ACArray_DIM(arr, 0);
    dims[1] = ACArray_DIM(arr, 1);
    out = ACArray_SimpleNew(2, dims, AC_CDOUBLE);
    if (out == NULL) {
        Py_DECREF(arr);
        return NULL;
    }
    plan = ACFFT_PlanNew(AC_FFT_C2C, AC_FFT_DOUBLE, dims[1]);
    if (plan == NULL) {
        Py_DECREF(arr);
        Py_DECREF(out);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    /* row k at data + k * stride 0; elements stride 1 apart (bytes) */
    rc = ACFFT_Execute(plan, 1, 1.0, dims[0],
                       (const char *)ACArray_DATA(arr), ACArray_STRIDE(arr, 0),
                       ACArray_STRIDE(arr, 1),
                       (char *)ACArray_DATA(out), ACArray_STRIDE(out, 0),
                       ACArray_STRIDE(out, 1));
    Py_END_ALLOW_THREADS
    ACFFT_PlanFree(plan);
    Py_DECREF(arr);
    if (rc != 0) {
        Py_DECREF(out);
        PyErr_Format(PyExc_RuntimeError, "fft_rows: the FFT failed (code %d)", rc);
        return NULL;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"example_wrapper", example_wrapper, METH_VARARGS, "out += a * b"},
    {"trace", trace, METH_O, "The sum of the diagonal of a 2-d array."},
    {"identity", identity, METH_VARARGS, "An n x n float64 identity matrix."},
    {"fft_rows", fft_rows, METH_O, "The forward FFT of each row of a 2-d array."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "example", "arraycore C-API example", -1, methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_example(void)
{
    /* optional (the C-API imports itself on first use), but reports a
       missing or incompatible arraycore at import time */
    if (import_arraycore() < 0) {
        return NULL;
    }
    return PyModule_Create(&moduledef);
}
