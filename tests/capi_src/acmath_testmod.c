/*
 * acmath_testmod.c -- a test extension over <arraycore/acmath.h>, compiled by
 * tests/test_acmath.py as C and as C++ against the installed headers.  Every
 * function maps packed arrays (bytes-like) to packed arrays (bytes), so that
 * the tests compare whole sweeps with NumPy at once.  It also uses the NumPy
 * spellings of <arraycore/npy_compat.h>.
 */
#define PY_SSIZE_T_CLEAN
#include <arraycore/npy_compat.h>   /* includes <arraycore/acmath.h> */

typedef double (*d1_fn)(double);
typedef float (*f1_fn)(float);
typedef double (*d2_fn)(double, double);
typedef float (*f2_fn)(float, float);
typedef ac_cdouble (*c1_fn)(ac_cdouble);
typedef ac_cfloat (*cf1_fn)(ac_cfloat);

static double w_divmod_q(double a, double b) { double m; return ac_divmod(a, b, &m); }
static double w_divmod_m(double a, double b) { double m; (void)ac_divmod(a, b, &m); return m; }
static float w_divmodf_q(float a, float b) { float m; return ac_divmodf(a, b, &m); }
static float w_divmodf_m(float a, float b) { float m; (void)ac_divmodf(a, b, &m); return m; }

static const struct { const char *name; d1_fn fn; } D1[] = {
    {"spacing", ac_spacing}, {"deg2rad", ac_deg2rad}, {"rad2deg", ac_rad2deg},
    {"npy_spacing", npy_spacing}, {"exp", ac_exp}, {"log1p", ac_log1p}, {NULL, NULL}};
static const struct { const char *name; f1_fn fn; } F1[] = {
    {"spacing", ac_spacingf}, {"deg2rad", ac_deg2radf}, {"rad2deg", ac_rad2degf},
    {"exp", ac_expf}, {NULL, NULL}};
static const struct { const char *name; d2_fn fn; } D2[] = {
    {"nextafter", ac_nextafter}, {"copysign", ac_copysign}, {"logaddexp", ac_logaddexp},
    {"logaddexp2", ac_logaddexp2}, {"floor_divide", ac_floor_divide},
    {"remainder", ac_remainder}, {"divmod_q", w_divmod_q}, {"divmod_m", w_divmod_m},
    {"npy_logaddexp", npy_logaddexp}, {NULL, NULL}};
static const struct { const char *name; f2_fn fn; } F2[] = {
    {"nextafter", ac_nextafterf}, {"copysign", ac_copysignf}, {"logaddexp", ac_logaddexpf},
    {"logaddexp2", ac_logaddexp2f}, {"floor_divide", ac_floor_dividef},
    {"remainder", ac_remainderf}, {"divmod_q", w_divmodf_q}, {"divmod_m", w_divmodf_m},
    {NULL, NULL}};

static ac_cdouble w_cabs(ac_cdouble z) { return ac_cpack(ac_cabs(z), 0.0); }
static ac_cdouble w_carg(ac_cdouble z) { return ac_cpack(ac_carg(z), 0.0); }
static ac_cfloat w_cabsf(ac_cfloat z) { return ac_cpackf(ac_cabsf(z), 0.0f); }
static ac_cfloat w_cargf(ac_cfloat z) { return ac_cpackf(ac_cargf(z), 0.0f); }

#define CENTRY(n) {#n, ac_c##n, ac_c##n##f}
static const struct { const char *name; c1_fn fn; cf1_fn fnf; } C1[] = {
    CENTRY(exp), CENTRY(log), CENTRY(sqrt), CENTRY(sin), CENTRY(cos), CENTRY(tan),
    CENTRY(sinh), CENTRY(cosh), CENTRY(tanh), CENTRY(asin), CENTRY(acos), CENTRY(atan),
    CENTRY(asinh), CENTRY(acosh), CENTRY(atanh), {"abs", w_cabs, w_cabsf},
    {"arg", w_carg, w_cargf}, {"npy_sqrt", npy_csqrt, npy_csqrtf}, {NULL, NULL, NULL}};

static PyObject *bad_name(const char *name)
{
    PyErr_Format(PyExc_ValueError, "unknown function %s", name);
    return NULL;
}

/* real1(name, 'd' or 'f', buffer) */
static PyObject *real1(PyObject *self, PyObject *args)
{
    const char *name, *t;
    Py_buffer b;
    PyObject *out = NULL;
    int i;
    (void)self;
    if (!PyArg_ParseTuple(args, "ssy*", &name, &t, &b)) return NULL;
    if (t[0] == 'd') {
        for (i = 0; D1[i].name && strcmp(D1[i].name, name); i++) {}
        if (D1[i].name) {
            Py_ssize_t k, n = b.len / (Py_ssize_t)sizeof(double);
            out = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(double));
            if (out) {
                const double *x = (const double *)b.buf;
                double *y = (double *)PyBytes_AS_STRING(out);
                for (k = 0; k < n; k++) y[k] = D1[i].fn(x[k]);
            }
        }
        else bad_name(name);
    }
    else {
        for (i = 0; F1[i].name && strcmp(F1[i].name, name); i++) {}
        if (F1[i].name) {
            Py_ssize_t k, n = b.len / (Py_ssize_t)sizeof(float);
            out = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(float));
            if (out) {
                const float *x = (const float *)b.buf;
                float *y = (float *)PyBytes_AS_STRING(out);
                for (k = 0; k < n; k++) y[k] = F1[i].fn(x[k]);
            }
        }
        else bad_name(name);
    }
    PyBuffer_Release(&b);
    return out;
}

/* real2(name, 'd' or 'f', a, b) */
static PyObject *real2(PyObject *self, PyObject *args)
{
    const char *name, *t;
    Py_buffer a, b;
    PyObject *out = NULL;
    int i;
    (void)self;
    if (!PyArg_ParseTuple(args, "ssy*y*", &name, &t, &a, &b)) return NULL;
    if (a.len != b.len) {
        PyErr_SetString(PyExc_ValueError, "lengths differ");
    }
    else if (t[0] == 'd') {
        for (i = 0; D2[i].name && strcmp(D2[i].name, name); i++) {}
        if (D2[i].name) {
            Py_ssize_t k, n = a.len / (Py_ssize_t)sizeof(double);
            out = PyBytes_FromStringAndSize(NULL, a.len);
            if (out) {
                const double *x = (const double *)a.buf, *y = (const double *)b.buf;
                double *r = (double *)PyBytes_AS_STRING(out);
                for (k = 0; k < n; k++) r[k] = D2[i].fn(x[k], y[k]);
            }
        }
        else bad_name(name);
    }
    else {
        for (i = 0; F2[i].name && strcmp(F2[i].name, name); i++) {}
        if (F2[i].name) {
            Py_ssize_t k, n = a.len / (Py_ssize_t)sizeof(float);
            out = PyBytes_FromStringAndSize(NULL, a.len);
            if (out) {
                const float *x = (const float *)a.buf, *y = (const float *)b.buf;
                float *r = (float *)PyBytes_AS_STRING(out);
                for (k = 0; k < n; k++) r[k] = F2[i].fn(x[k], y[k]);
            }
        }
        else bad_name(name);
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return out;
}

/* cplx1(name, 'd' or 'f', buffer of complex128 / complex64) */
static PyObject *cplx1(PyObject *self, PyObject *args)
{
    const char *name, *t;
    Py_buffer b;
    PyObject *out = NULL;
    int i;
    (void)self;
    if (!PyArg_ParseTuple(args, "ssy*", &name, &t, &b)) return NULL;
    for (i = 0; C1[i].name && strcmp(C1[i].name, name); i++) {}
    if (!C1[i].name) {
        bad_name(name);
    }
    else if (t[0] == 'd') {
        Py_ssize_t k, n = b.len / (Py_ssize_t)sizeof(ac_cdouble);
        out = PyBytes_FromStringAndSize(NULL, b.len);
        if (out) {
            const double *x = (const double *)b.buf;
            ac_cdouble *y = (ac_cdouble *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) y[k] = C1[i].fn(ac_cpack(x[2 * k], x[2 * k + 1]));
        }
    }
    else {
        Py_ssize_t k, n = b.len / (Py_ssize_t)sizeof(ac_cfloat);
        out = PyBytes_FromStringAndSize(NULL, b.len);
        if (out) {
            const float *x = (const float *)b.buf;
            ac_cfloat *y = (ac_cfloat *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) y[k] = C1[i].fnf(ac_cpackf(x[2 * k], x[2 * k + 1]));
        }
    }
    PyBuffer_Release(&b);
    return out;
}

/* cpow('d' or 'f', a, b) */
static PyObject *cpow_(PyObject *self, PyObject *args)
{
    const char *t;
    Py_buffer a, b;
    PyObject *out = NULL;
    Py_ssize_t k;
    (void)self;
    if (!PyArg_ParseTuple(args, "sy*y*", &t, &a, &b)) return NULL;
    if (a.len != b.len) {
        PyErr_SetString(PyExc_ValueError, "lengths differ");
    }
    else if ((out = PyBytes_FromStringAndSize(NULL, a.len)) != NULL) {
        if (t[0] == 'd') {
            const ac_cdouble *x = (const ac_cdouble *)a.buf, *y = (const ac_cdouble *)b.buf;
            ac_cdouble *r = (ac_cdouble *)PyBytes_AS_STRING(out);
            for (k = 0; k < a.len / (Py_ssize_t)sizeof(ac_cdouble); k++) r[k] = ac_cpow(x[k], y[k]);
        }
        else {
            const ac_cfloat *x = (const ac_cfloat *)a.buf, *y = (const ac_cfloat *)b.buf;
            ac_cfloat *r = (ac_cfloat *)PyBytes_AS_STRING(out);
            for (k = 0; k < a.len / (Py_ssize_t)sizeof(ac_cfloat); k++) r[k] = ac_cpowf(x[k], y[k]);
        }
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return out;
}

/* half1(name, uint16 buffer): to_float (float32 out), to_double (float64
   out), isnan/isinf/isfinite/signbit/iszero (uint8 out), spacing (uint16) */
static PyObject *half1(PyObject *self, PyObject *args)
{
    const char *name;
    Py_buffer b;
    PyObject *out = NULL;
    Py_ssize_t k, n;
    const ac_half *h;
    (void)self;
    if (!PyArg_ParseTuple(args, "sy*", &name, &b)) return NULL;
    n = b.len / 2;
    h = (const ac_half *)b.buf;
    if (!strcmp(name, "to_float")) {
        if ((out = PyBytes_FromStringAndSize(NULL, n * 4)) != NULL) {
            float *y = (float *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) y[k] = npy_half_to_float(h[k]);
        }
    }
    else if (!strcmp(name, "to_double")) {
        if ((out = PyBytes_FromStringAndSize(NULL, n * 8)) != NULL) {
            double *y = (double *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) y[k] = ac_half_to_double(h[k]);
        }
    }
    else if (!strcmp(name, "spacing")) {
        if ((out = PyBytes_FromStringAndSize(NULL, n * 2)) != NULL) {
            ac_half *y = (ac_half *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) y[k] = ac_half_spacing(h[k]);
        }
    }
    else {
        int (*fn)(ac_half) = !strcmp(name, "isnan") ? ac_half_isnan
                           : !strcmp(name, "isinf") ? ac_half_isinf
                           : !strcmp(name, "isfinite") ? ac_half_isfinite
                           : !strcmp(name, "signbit") ? ac_half_signbit
                           : !strcmp(name, "iszero") ? ac_half_iszero : NULL;
        if (fn == NULL) {
            bad_name(name);
        }
        else if ((out = PyBytes_FromStringAndSize(NULL, n)) != NULL) {
            unsigned char *y = (unsigned char *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) y[k] = (unsigned char)(fn(h[k]) != 0);
        }
    }
    PyBuffer_Release(&b);
    return out;
}

/* half2(name, a, b): eq ne lt le gt ge (uint8 out), nextafter, copysign */
static PyObject *half2(PyObject *self, PyObject *args)
{
    const char *name;
    Py_buffer a, b;
    PyObject *out = NULL;
    Py_ssize_t k, n;
    const ac_half *x, *y;
    (void)self;
    if (!PyArg_ParseTuple(args, "sy*y*", &name, &a, &b)) return NULL;
    n = a.len / 2;
    x = (const ac_half *)a.buf;
    y = (const ac_half *)b.buf;
    if (a.len != b.len) {
        PyErr_SetString(PyExc_ValueError, "lengths differ");
    }
    else if (!strcmp(name, "nextafter") || !strcmp(name, "copysign")) {
        int next = name[0] == 'n';
        if ((out = PyBytes_FromStringAndSize(NULL, n * 2)) != NULL) {
            ac_half *r = (ac_half *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) {
                r[k] = next ? npy_half_nextafter(x[k], y[k]) : ac_half_copysign(x[k], y[k]);
            }
        }
    }
    else {
        int (*fn)(ac_half, ac_half) = !strcmp(name, "eq") ? ac_half_eq
                                    : !strcmp(name, "ne") ? ac_half_ne
                                    : !strcmp(name, "lt") ? ac_half_lt
                                    : !strcmp(name, "le") ? ac_half_le
                                    : !strcmp(name, "gt") ? ac_half_gt
                                    : !strcmp(name, "ge") ? ac_half_ge : NULL;
        if (fn == NULL) {
            bad_name(name);
        }
        else if ((out = PyBytes_FromStringAndSize(NULL, n)) != NULL) {
            unsigned char *r = (unsigned char *)PyBytes_AS_STRING(out);
            for (k = 0; k < n; k++) r[k] = (unsigned char)(fn(x[k], y[k]) != 0);
        }
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return out;
}

/* to_half('f' or 'd', buffer of float32 / float64) -> uint16 buffer */
static PyObject *to_half(PyObject *self, PyObject *args)
{
    const char *t;
    Py_buffer b;
    PyObject *out = NULL;
    Py_ssize_t k, n;
    (void)self;
    if (!PyArg_ParseTuple(args, "sy*", &t, &b)) return NULL;
    n = b.len / (t[0] == 'd' ? 8 : 4);
    if ((out = PyBytes_FromStringAndSize(NULL, n * 2)) != NULL) {
        ac_half *r = (ac_half *)PyBytes_AS_STRING(out);
        for (k = 0; k < n; k++) {
            r[k] = t[0] == 'd' ? npy_double_to_half(((const double *)b.buf)[k])
                               : ac_float_to_half(((const float *)b.buf)[k]);
        }
    }
    PyBuffer_Release(&b);
    return out;
}

static PyObject *constants(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
#define C3(n) #n, AC_##n, (double)AC_##n##f, (double)NPY_##n
    return Py_BuildValue(
        "{s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)s(ddd)"
        "s(dd)s(dd)s(dd)s(dd)}",
        C3(E), C3(LOG2E), C3(LOG10E), C3(LOGE2), C3(LOGE10), C3(PI), C3(PI_2), C3(PI_4),
        C3(1_PI), C3(2_PI), C3(EULER), C3(SQRT2), C3(SQRT1_2),
        "INFINITY", AC_INFINITY, (double)NPY_INFINITYF, "NAN", AC_NAN, (double)AC_NANF,
        "PZERO", AC_PZERO, (double)NPY_PZEROF, "NZERO", AC_NZERO, (double)AC_NZEROF);
#undef C3
}

/* The FP status helpers: each step's flags after clearing, as a tuple. */
static PyObject *floatstatus(PyObject *self, PyObject *noargs)
{
    volatile double big = 1e308, zero = 0.0, one = 1.0, tiny = 1e-308;
    volatile double r;
    int s[9];
    (void)self;
    (void)noargs;
    ac_clear_floatstatus();
    s[0] = ac_get_floatstatus();
    r = one / zero;
    s[1] = ac_clear_floatstatus_barrier((char *)&r);
    r = big * big;
    s[2] = ac_clear_floatstatus_barrier((char *)&r);
    r = tiny * tiny;
    s[3] = ac_clear_floatstatus_barrier((char *)&r);
    r = zero / zero;
    s[4] = npy_clear_floatstatus_barrier((char *)&r);
    ac_set_floatstatus_divbyzero();
    s[5] = ac_clear_floatstatus();
    ac_set_floatstatus_overflow();
    ac_set_floatstatus_invalid();
    s[6] = ac_clear_floatstatus();
    npy_set_floatstatus_underflow();
    s[7] = npy_get_floatstatus();
    s[8] = ac_clear_floatstatus();
    return Py_BuildValue("(iiiiiiiii)(iiii)", s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                         s[7], s[8], AC_FPE_DIVIDEBYZERO, AC_FPE_OVERFLOW,
                         AC_FPE_UNDERFLOW, NPY_FPE_INVALID);
}

static PyObject *get_status(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    return PyLong_FromLong(ac_get_floatstatus());
}

static PyObject *clear_status(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    return PyLong_FromLong(ac_clear_floatstatus());
}

/* Classification macros on the three types, and the accessors. */
static PyObject *misc(PyObject *self, PyObject *noargs)
{
    ac_cdouble z = ac_cpack(1.5, -2.5);
    ac_cfloat zf = npy_cpackf(0.5f, 4.0f);
    float fnan = AC_NANF;
    long double linf = AC_INFINITYL;
    (void)self;
    (void)noargs;
    ac_csetimag(&z, 3.0);
    npy_csetrealf(&zf, -1.0f);
    return Py_BuildValue("(iiiiiiii)(dddd)",
                         ac_isnan(fnan), ac_isinf(linf), ac_isfinite(1.0), ac_signbit(-0.0),
                         npy_signbit(0.0f), ac_isnan(1.0L), npy_isfinite(AC_NAN),
                         ac_isinf(-AC_INFINITYF),
                         ac_creal(z), npy_cimag(z), (double)ac_crealf(zf), (double)ac_cimagf(zf));
}

static PyMethodDef methods[] = {
    {"real1", real1, METH_VARARGS, NULL},
    {"real2", real2, METH_VARARGS, NULL},
    {"cplx1", cplx1, METH_VARARGS, NULL},
    {"cpow", cpow_, METH_VARARGS, NULL},
    {"half1", half1, METH_VARARGS, NULL},
    {"half2", half2, METH_VARARGS, NULL},
    {"to_half", to_half, METH_VARARGS, NULL},
    {"constants", constants, METH_NOARGS, NULL},
    {"floatstatus", floatstatus, METH_NOARGS, NULL},
    {"get_status", get_status, METH_NOARGS, NULL},
    {"clear_status", clear_status, METH_NOARGS, NULL},
    {"misc", misc, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, MODNAME, NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};

#define AC_CAT2(a, b) a##b
#define AC_CAT(a, b) AC_CAT2(a, b)
PyMODINIT_FUNC AC_CAT(PyInit_, MODNAME_ID)(void)
{
    return PyModule_Create(&moddef);
}
