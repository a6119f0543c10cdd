/*
 * example_npy.c -- the "example_wrapper" of NumPy's "How to extend NumPy",
 * written in NumPy's spellings and compiled against arraycore through
 * <arraycore/npy_compat.h>.
 *
 *   example_npy.example_wrapper(a, b, out)   out += a * b
 *   example_npy.trace(a)                     sum of the diagonal, by strides
 *   example_npy.logit(x)                     a ufunc with float32/float64 loops
 *   example_npy.expm1(x)                     a ufunc from libm through PyUFunc_d_d
 *   example_npy.inner1d(a, b)                a gufunc "(i),(i)->()"
 */
#include <math.h>
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

/* ---- ufuncs, as in NumPy's "Writing your own ufunc" ---------------------- */
static void
double_logit(char **args, const npy_intp *dimensions, const npy_intp *steps, void *data)
{
    npy_intp i;
    npy_intp n = dimensions[0];
    char *in = args[0], *out = args[1];
    npy_intp in_step = steps[0], out_step = steps[1];
    double tmp;
    (void)data;

    for (i = 0; i < n; i++) {
        tmp = *(double *)in;
        tmp /= 1 - tmp;
        *((double *)out) = log(tmp);
        in += in_step;
        out += out_step;
    }
}

static void
float_logit(char **args, const npy_intp *dimensions, const npy_intp *steps, void *data)
{
    npy_intp i;
    npy_intp n = dimensions[0];
    char *in = args[0], *out = args[1];
    npy_intp in_step = steps[0], out_step = steps[1];
    float tmp;
    (void)data;

    for (i = 0; i < n; i++) {
        tmp = *(float *)in;
        tmp /= 1 - tmp;
        *((float *)out) = logf(tmp);
        in += in_step;
        out += out_step;
    }
}

static PyUFuncGenericFunction logit_funcs[2] = {&float_logit, &double_logit};
static const char logit_types[4] = {NPY_FLOAT, NPY_FLOAT, NPY_DOUBLE, NPY_DOUBLE};

/* a libm function through the generic loops: the function is the loop's data */
static PyUFuncGenericFunction expm1_funcs[2] = {PyUFunc_f_f_As_d_d, PyUFunc_d_d};
static void *expm1_data[2];
static const char expm1_types[4] = {NPY_FLOAT, NPY_FLOAT, NPY_DOUBLE, NPY_DOUBLE};

static void
double_inner1d(char **args, const npy_intp *dimensions, const npy_intp *steps, void *data)
{
    npy_intp N = dimensions[0], n = dimensions[1], k, i;
    (void)data;
    for (k = 0; k < N; k++) {
        char *a = args[0] + k * steps[0], *b = args[1] + k * steps[1];
        double s = 0.0;
        for (i = 0; i < n; i++) {
            s += *(double *)(a + i * steps[3]) * *(double *)(b + i * steps[4]);
        }
        *(double *)(args[2] + k * steps[2]) = s;
    }
}

static PyUFuncGenericFunction inner1d_funcs[1] = {&double_inner1d};
static const char inner1d_types[3] = {NPY_DOUBLE, NPY_DOUBLE, NPY_DOUBLE};

static int
add_ufuncs(PyObject *m)
{
    PyObject *logit, *expm1_uf, *inner1d;

    logit = PyUFunc_FromFuncAndData(logit_funcs, NULL, logit_types, 2, 1, 1,
                                    PyUFunc_None, "logit", "logit_docstring", 0);
    if (logit == NULL || PyModule_AddObject(m, "logit", logit) < 0) {
        Py_XDECREF(logit);
        return -1;
    }
    expm1_data[0] = (void *)expm1;
    expm1_data[1] = (void *)expm1;
    expm1_uf = PyUFunc_FromFuncAndData(expm1_funcs, expm1_data, expm1_types, 2, 1, 1,
                                       PyUFunc_None, "expm1", "exp(x) - 1, from libm", 0);
    if (expm1_uf == NULL || PyModule_AddObject(m, "expm1", expm1_uf) < 0) {
        Py_XDECREF(expm1_uf);
        return -1;
    }
    inner1d = PyUFunc_FromFuncAndDataAndSignature(inner1d_funcs, NULL, inner1d_types, 1,
                                                  2, 1, PyUFunc_None, "inner1d",
                                                  "inner product", 0, "(i),(i)->()");
    if (inner1d == NULL || PyModule_AddObject(m, "inner1d", inner1d) < 0) {
        Py_XDECREF(inner1d);
        return -1;
    }
    return 0;
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
    PyObject *m;
    import_array();
    import_ufunc();
    m = PyModule_Create(&moduledef);
    if (m == NULL) return NULL;
    if (add_ufuncs(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
