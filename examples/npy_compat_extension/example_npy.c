/*
 * example_npy.c -- the "example_wrapper" of NumPy's "How to extend NumPy",
 * written in NumPy's spellings and compiled against arraycore through
 * <arraycore/npy_compat.h>.
 *
 *   example_npy.example_wrapper(a, b, out)   out += a * b
 *   example_npy.trace(a)                     sum of the diagonal, by strides
 */
#include <arraycore/npy_compat.h>

static PyObject *
example_wrapper(PyObject *dummy, PyObject *args)
{
    PyObject *arg1 = NULL, *arg2 = NULL, *out = NULL;
    PyObject *arr1 = NULL, *arr2 = NULL, *oarr = NULL;
    npy_intp i, j, n0, n1;
    int nd, k;
    (void)dummy;

    if (!PyArg_ParseTuple(args, "OOO!", &arg1, &arg2,
        &PyArray_Type, &out)) return NULL;

    arr1 = PyArray_FROM_OTF(arg1, NPY_DOUBLE, NPY_ARRAY_IN_ARRAY);
    if (arr1 == NULL) return NULL;
    arr2 = PyArray_FROM_OTF(arg2, NPY_DOUBLE, NPY_ARRAY_IN_ARRAY);
    if (arr2 == NULL) goto fail;
#if NPY_API_VERSION >= 0x0000000c
    oarr = PyArray_FROM_OTF(out, NPY_DOUBLE, NPY_ARRAY_INOUT_ARRAY2);
#else
    oarr = PyArray_FROM_OTF(out, NPY_DOUBLE, NPY_ARRAY_INOUT_ARRAY);
#endif
    if (oarr == NULL) goto fail;

    /* code that makes use of arguments */
    nd = PyArray_NDIM(oarr);
    if (nd < 1 || nd > 2 || PyArray_NDIM(arr1) != nd || PyArray_NDIM(arr2) != nd) {
        PyErr_SetString(PyExc_ValueError, "example_wrapper: arrays must be 1-d or 2-d alike");
        goto fail;
    }
    for (k = 0; k < nd; k++) {
        if (PyArray_DIM(arr1, k) != PyArray_DIM(oarr, k)
                || PyArray_DIM(arr2, k) != PyArray_DIM(oarr, k)) {
            PyErr_SetString(PyExc_ValueError, "example_wrapper: shapes differ");
            goto fail;
        }
    }
    n0 = PyArray_DIM(oarr, 0);
    n1 = nd == 2 ? PyArray_DIM(oarr, 1) : 1;
    for (i = 0; i < n0; i++) {
        for (j = 0; j < n1; j++) {
            double *o = (double *)(nd == 1 ? PyArray_GETPTR1(oarr, i) : PyArray_GETPTR2(oarr, i, j));
            double *x = (double *)(nd == 1 ? PyArray_GETPTR1(arr1, i) : PyArray_GETPTR2(arr1, i, j));
            double *y = (double *)(nd == 1 ? PyArray_GETPTR1(arr2, i) : PyArray_GETPTR2(arr2, i, j));
            *o += *x * *y;
        }
    }

    Py_DECREF(arr1);
    Py_DECREF(arr2);
#if NPY_API_VERSION >= 0x0000000c
    PyArray_ResolveWritebackIfCopy(oarr);
#endif
    Py_DECREF(oarr);
    Py_INCREF(Py_None);
    return Py_None;

 fail:
    Py_XDECREF(arr1);
    Py_XDECREF(arr2);
#if NPY_API_VERSION >= 0x0000000c
    PyArray_DiscardWritebackIfCopy(oarr);
#endif
    Py_XDECREF(oarr);
    return NULL;
}

static PyObject *
trace(PyObject *dummy, PyObject *arg)
{
    PyObject *arr;
    npy_intp i, n;
    double s = 0.0;
    (void)dummy;
    arr = PyArray_FROM_OTF(arg, NPY_DOUBLE, NPY_ARRAY_ALIGNED | NPY_ARRAY_NOTSWAPPED);
    if (arr == NULL) return NULL;
    if (PyArray_NDIM(arr) != 2) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_ValueError, "trace: need a 2-d array");
        return NULL;
    }
    n = PyArray_DIM(arr, 0) < PyArray_DIM(arr, 1) ? PyArray_DIM(arr, 0) : PyArray_DIM(arr, 1);
    for (i = 0; i < n; i++) {
        s += *(npy_float64 *)PyArray_GETPTR2(arr, i, i);
    }
    Py_DECREF(arr);
    return PyFloat_FromDouble(s);
}

static PyMethodDef mymethods[] = {
    {"example_wrapper", example_wrapper, METH_VARARGS, "out += a * b"},
    {"trace", trace, METH_O, "The sum of the diagonal of a 2-d array."},
    {NULL, NULL, 0, NULL} /* Sentinel */
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "example_npy", NULL, -1, mymethods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_example_npy(void)
{
    import_array();
    return PyModule_Create(&moduledef);
}
