/*
 * ufuncs.c -- ufuncs and generalized ufuncs written in C on arraycore's
 * C-API (module example_ufunc).
 *
 *   logit(x)            log(x / (1 - x)): hand-written float32 and float64 loops
 *   cbrt(x), hypot(x, y) libm functions through the generic helper loops
 *                        (ACUFunc_d_d, ACUFunc_f_f_As_d_d, ACUFunc_dd_d ...)
 *   inner1d(a, b)        gufunc "(i),(i)->()"; add_int64_loop() adds an int64
 *                        loop to it with ACUFunc_RegisterLoopForType
 *   cross3(a, b)         gufunc with fixed core size "(3),(3)->(3)"
 *   leibniz_pi(n)        a long computation without the GIL that Ctrl-C stops
 *                        (AC_SIGINT_ON / AC_SIGINT_PENDING() / AC_SIGINT_OFF)
 *   gufunc_with_signature(sig), misuse(what)
 *                        what the C-API does with bad arguments: Python
 *                        exceptions, never a crash
 *
 * Loops run without the GIL: they only read args/dimensions/steps/data.
 * Builds with the full C-API and with CPython's limited API.
 */
#include <math.h>
#include <string.h>
#include <arraycore/arraycore.h>

/* ---------------------------------------------------------------- logit */
/* One loop per type.  args[0] is the input, args[1] the output; steps are in
   bytes.  The contiguous case gets a plain indexed loop the compiler can
   vectorize; anything else is walked by its strides. */
static void
logit_double(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)
{
    ac_intp i, n = dimensions[0];
    char *in = args[0], *out = args[1];
    ac_intp is = steps[0], os = steps[1];
    (void)data;
    if (is == sizeof(double) && os == sizeof(double)) {
        const double *x = (const double *)in;
        double *y = (double *)out;
        for (i = 0; i < n; i++) {
            y[i] = log(x[i] / (1.0 - x[i]));
        }
        return;
    }
    for (i = 0; i < n; i++, in += is, out += os) {
        double x = *(const double *)in;
        *(double *)out = log(x / (1.0 - x));
    }
}

static void
logit_float(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)
{
    ac_intp i, n = dimensions[0];
    char *in = args[0], *out = args[1];
    ac_intp is = steps[0], os = steps[1];
    (void)data;
    for (i = 0; i < n; i++, in += is, out += os) {
        float x = *(const float *)in;
        *(float *)out = logf(x / (1.0f - x));
    }
}

/* The loop table: loop k has the type numbers types[k*nargs ...].  The C-API
   copies these arrays, so they need not be static; they are here for clarity. */
static ACUFuncGenericFunction logit_funcs[] = {logit_float, logit_double};
static const char logit_types[] = {AC_FLOAT, AC_FLOAT, AC_DOUBLE, AC_DOUBLE};

/* ------------------------------------------------- libm through helpers */
/* The helper loops take the scalar function as their data pointer. */
static ACUFuncGenericFunction cbrt_funcs[] = {ACUFunc_e_e_As_f_f, ACUFunc_f_f_As_d_d,
                                              ACUFunc_d_d};
static void *cbrt_data[3];
static const char cbrt_types[] = {AC_HALF, AC_HALF, AC_FLOAT, AC_FLOAT,
                                  AC_DOUBLE, AC_DOUBLE};

static ACUFuncGenericFunction hypot_funcs[] = {ACUFunc_ff_f_As_dd_d, ACUFunc_dd_d};
static void *hypot_data[2];
static const char hypot_types[] = {AC_FLOAT, AC_FLOAT, AC_FLOAT,
                                   AC_DOUBLE, AC_DOUBLE, AC_DOUBLE};

/* ------------------------------------------------------------- inner1d */
/* A generalized loop: dimensions[0] is the outer (loop) count, dimensions[1]
   the core size i; steps[0..2] are the outer steps of a, b and out, steps[3]
   and steps[4] the strides of a and b along i. */
#define INNER1D_LOOP(NAME, T)                                                  \
static void                                                                    \
NAME(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data) \
{                                                                              \
    ac_intp N = dimensions[0], n = dimensions[1], k, i;                        \
    ac_intp s0 = steps[0], s1 = steps[1], s2 = steps[2];                       \
    ac_intp is0 = steps[3], is1 = steps[4];                                    \
    (void)data;                                                                \
    for (k = 0; k < N; k++) {                                                  \
        const char *a = args[0] + k * s0, *b = args[1] + k * s1;               \
        T s = 0;                                                               \
        for (i = 0; i < n; i++, a += is0, b += is1) {                          \
            s += *(const T *)a * *(const T *)b;                                \
        }                                                                      \
        *(T *)(args[2] + k * s2) = s;                                          \
    }                                                                          \
}
INNER1D_LOOP(inner1d_float, float)
INNER1D_LOOP(inner1d_double, double)
INNER1D_LOOP(inner1d_int64, ac_int64)

static ACUFuncGenericFunction inner1d_funcs[] = {inner1d_float, inner1d_double};
static const char inner1d_types[] = {AC_FLOAT, AC_FLOAT, AC_FLOAT,
                                     AC_DOUBLE, AC_DOUBLE, AC_DOUBLE};

/* -------------------------------------------------------------- cross3 */
/* "(3),(3)->(3)": the ufunc machinery checks that the core size is 3
   (ValueError otherwise), so dimensions[1] == 3 here. */
static void
cross3_double(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)
{
    ac_intp N = dimensions[0], k;
    ac_intp sa = steps[3], sb = steps[4], so = steps[5];
    (void)data;
    for (k = 0; k < N; k++) {
        const char *a = args[0] + k * steps[0], *b = args[1] + k * steps[1];
        char *o = args[2] + k * steps[2];
#define A(j) (*(const double *)(a + (j) * sa))
#define B(j) (*(const double *)(b + (j) * sb))
        double c0 = A(1) * B(2) - A(2) * B(1);
        double c1 = A(2) * B(0) - A(0) * B(2);
        double c2 = A(0) * B(1) - A(1) * B(0);
#undef A
#undef B
        /* written after all reads: out may be one of the inputs */
        *(double *)o = c0;
        *(double *)(o + so) = c1;
        *(double *)(o + 2 * so) = c2;
    }
}

static ACUFuncGenericFunction cross3_funcs[] = {cross3_double};
static const char cross3_types[] = {AC_DOUBLE, AC_DOUBLE, AC_DOUBLE};

/* ---------------------------------------------- RegisterLoopForType */
static PyObject *inner1d_ufunc = NULL;   /* the module's inner1d (owned ref) */

/* Add an int64 loop to inner1d.  arg_types NULL means "usertype for every
   argument": (int64, int64) -> int64.  Registering again replaces the loop. */
static PyObject *
add_int64_loop(PyObject *self, PyObject *noargs)
{
    (void)self; (void)noargs;
    if (ACUFunc_RegisterLoopForType(inner1d_ufunc, AC_INT64, inner1d_int64,
                                    NULL, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ Ctrl-C */
/* pi by the Leibniz series with n terms.  The work runs without the GIL in
   chunks; between chunks it polls AC_SIGINT_PENDING() and stops early on
   Ctrl-C.  AC_SIGINT_OFF hands the interrupt back to Python, and
   PyErr_CheckSignals() then raises KeyboardInterrupt. */
static PyObject *
leibniz_pi(PyObject *self, PyObject *arg)
{
    long long n, k = 0;
    double s = 0.0;
    int stopped = 0;
    (void)self;
    n = PyLong_AsLongLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "leibniz_pi: n must be >= 0");
        return NULL;
    }
    AC_SIGINT_ON
    Py_BEGIN_ALLOW_THREADS
    while (k < n) {
        long long end = n - k > (1 << 20) ? k + (1 << 20) : n;
        if (AC_SIGINT_PENDING()) {
            stopped = 1;
            break;
        }
        for (; k < end; k++) {
            s += (k & 1 ? -4.0 : 4.0) / (double)(2 * k + 1);
        }
    }
    Py_END_ALLOW_THREADS
    AC_SIGINT_OFF
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    if (stopped) {   /* interrupted, but the Python handler did not raise */
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return NULL;
    }
    return PyFloat_FromDouble(s);
}

/* ------------------------------------------------------ bad arguments */
static void
noop_loop(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)
{
    (void)args; (void)dimensions; (void)steps; (void)data;
}

/* inner1d's loops under any signature: a malformed one is a ValueError. */
static PyObject *
gufunc_with_signature(PyObject *self, PyObject *args)
{
    const char *sig;
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &sig)) {
        return NULL;
    }
    return ACUFunc_FromFuncAndDataAndSignature(inner1d_funcs, NULL, inner1d_types, 2, 2, 1,
                                               ACUFunc_None, "inner1d_sig", NULL, 0, sig);
}

/* Each misuse of the ufunc C-API, by name; each returns NULL with an
   exception set. */
static PyObject *
misuse(PyObject *self, PyObject *args)
{
    const char *what;
    ACUFuncGenericFunction null_funcs[1] = {NULL};
    ACUFuncGenericFunction one_func[1] = {noop_loop};
    const char dd[] = {AC_DOUBLE, AC_DOUBLE};
    const char bad_types[] = {AC_DOUBLE, 99};
    const char neg_types[] = {-1, AC_DOUBLE};
    const int bad_arg_types[] = {AC_INT64, 123, AC_INT64};
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &what)) {
        return NULL;
    }
    if (strcmp(what, "null_loop") == 0) {
        return ACUFunc_FromFuncAndData(null_funcs, NULL, dd, 1, 1, 1, ACUFunc_None,
                                       "f", NULL, 0);
    }
    if (strcmp(what, "null_func_array") == 0) {
        return ACUFunc_FromFuncAndData(NULL, NULL, dd, 1, 1, 1, ACUFunc_None, "f", NULL, 0);
    }
    if (strcmp(what, "null_types") == 0) {
        return ACUFunc_FromFuncAndData(one_func, NULL, NULL, 1, 1, 1, ACUFunc_None,
                                       "f", NULL, 0);
    }
    if (strcmp(what, "bad_type") == 0) {
        return ACUFunc_FromFuncAndData(one_func, NULL, bad_types, 1, 1, 1, ACUFunc_None,
                                       "f", NULL, 0);
    }
    if (strcmp(what, "negative_type") == 0) {
        return ACUFunc_FromFuncAndData(one_func, NULL, neg_types, 1, 1, 1, ACUFunc_None,
                                       "f", NULL, 0);
    }
    if (strcmp(what, "bad_nin") == 0) {
        return ACUFunc_FromFuncAndData(one_func, NULL, dd, 1, 40, 1, ACUFunc_None,
                                       "f", NULL, 0);
    }
    if (strcmp(what, "no_outputs") == 0) {
        return ACUFunc_FromFuncAndData(one_func, NULL, dd, 1, 2, 0, ACUFunc_None,
                                       "f", NULL, 0);
    }
    if (strcmp(what, "bad_identity") == 0) {
        return ACUFunc_FromFuncAndData(one_func, NULL, dd, 1, 1, 1, 7, "f", NULL, 0);
    }
    if (strcmp(what, "register_bad_types") == 0) {
        if (ACUFunc_RegisterLoopForType(inner1d_ufunc, 0, inner1d_int64, bad_arg_types,
                                        NULL) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (strcmp(what, "register_bad_usertype") == 0) {
        if (ACUFunc_RegisterLoopForType(inner1d_ufunc, 1000, inner1d_int64, NULL, NULL) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (strcmp(what, "register_null_loop") == 0) {
        if (ACUFunc_RegisterLoopForType(inner1d_ufunc, AC_INT64, NULL, NULL, NULL) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (strcmp(what, "register_not_ufunc") == 0) {
        if (ACUFunc_RegisterLoopForType(Py_None, AC_INT64, inner1d_int64, NULL, NULL) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (strcmp(what, "register_null_ufunc") == 0) {
        if (ACUFunc_RegisterLoopForType(NULL, AC_INT64, inner1d_int64, NULL, NULL) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyErr_Format(PyExc_KeyError, "misuse: unknown case %s", what);
    return NULL;
}

/* ------------------------------------------------------------ module */
static PyMethodDef methods[] = {
    {"add_int64_loop", add_int64_loop, METH_NOARGS,
     "Add an (int64, int64) -> int64 loop to inner1d."},
    {"leibniz_pi", leibniz_pi, METH_O,
     "pi from n terms of the Leibniz series (Ctrl-C stops it)."},
    {"gufunc_with_signature", gufunc_with_signature, METH_VARARGS,
     "inner1d's loops under another signature."},
    {"misuse", misuse, METH_VARARGS, "Call the ufunc C-API with bad arguments."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "example_ufunc", "ufuncs and gufuncs on arraycore's C-API", -1,
    methods, NULL, NULL, NULL, NULL
};

/* Create a ufunc and add it to the module (the reference is consumed). */
static int
add(PyObject *m, const char *name, PyObject *uf)
{
    if (uf == NULL) {
        return -1;
    }
    if (PyModule_AddObject(m, name, uf) < 0) {
        Py_DECREF(uf);
        return -1;
    }
    return 0;
}

PyMODINIT_FUNC
PyInit_example_ufunc(void)
{
    PyObject *m;
    if (import_arraycore() < 0) {
        return NULL;
    }
    m = PyModule_Create(&moduledef);
    if (m == NULL) {
        return NULL;
    }
    cbrt_data[0] = (void *)cbrtf;
    cbrt_data[1] = (void *)cbrt;
    cbrt_data[2] = (void *)cbrt;
    hypot_data[0] = (void *)hypot;
    hypot_data[1] = (void *)hypot;

    if (add(m, "logit", ACUFunc_FromFuncAndData(
                logit_funcs, NULL, logit_types, 2, 1, 1, ACUFunc_None, "logit",
                "logit(x) = log(x / (1 - x)), for float32 and float64", 0)) < 0
        || add(m, "cbrt", ACUFunc_FromFuncAndData(
                cbrt_funcs, cbrt_data, cbrt_types, 3, 1, 1, ACUFunc_None, "cbrt",
                "cube root, from libm's cbrtf and cbrt", 0)) < 0
        || add(m, "hypot", ACUFunc_FromFuncAndData(
                hypot_funcs, hypot_data, hypot_types, 2, 2, 1, ACUFunc_Zero, "hypot",
                "sqrt(x**2 + y**2), from libm; hypot.reduce is the 2-norm", 0)) < 0
        || add(m, "cross3", ACUFunc_FromFuncAndDataAndSignature(
                cross3_funcs, NULL, cross3_types, 1, 2, 1, ACUFunc_None, "cross3",
                "cross product of 3-vectors", 0, "(3),(3)->(3)")) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    inner1d_ufunc = ACUFunc_FromFuncAndDataAndSignature(
        inner1d_funcs, NULL, inner1d_types, 2, 2, 1, ACUFunc_None, "inner1d",
        "inner product over the last axis", 0, "(i),(i)->()");
    if (inner1d_ufunc == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(inner1d_ufunc);      /* one for the module, one kept here */
    if (add(m, "inner1d", inner1d_ufunc) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
