/*
 * capi_testmod.c -- a test extension that calls every entry of the arraycore
 * C-API (tests/test_capi.py compiles it in several variants).  Uses only the
 * limited API of CPython itself, so the same file builds with Py_LIMITED_API.
 *
 * Compile-time options:
 *   MODNAME              the module name (default capi_testmod)
 *   TEST_IMPORT_IN_INIT  call import_arraycore() in module init
 */
#include <arraycore/arraycore.h>
#include <time.h>

#ifndef MODNAME
#define MODNAME capi_testmod
#endif
#define _STR(x) #x
#define STR(x) _STR(x)
#define _CAT(a, b) a##b
#define CAT(a, b) _CAT(a, b)

/* dtype argument: None -> NULL, an int -> ACArray_DescrFromType, anything
   else -> ACArray_DescrConverter (always a new reference or NULL) */
static int
descr_arg(PyObject *o, ACArray_Descr **out)
{
    long n;
    *out = NULL;
    if (o == Py_None) {
        return 0;
    }
    if (PyLong_Check(o)) {
        n = PyLong_AsLong(o);
        if (n == -1 && PyErr_Occurred()) {
            return -1;
        }
        *out = ACArray_DescrFromType((int)n);
        return *out == NULL ? -1 : 0;
    }
    return ACArray_DescrConverter(o, out) ? 0 : -1;
}

static PyObject *
t_from_any(PyObject *self, PyObject *args)
{
    PyObject *op, *dt, *r;
    int mn, mx, req;
    ACArray_Descr *d;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOiii", &op, &dt, &mn, &mx, &req)) {
        return NULL;
    }
    if (descr_arg(dt, &d) < 0) {
        return NULL;
    }
    r = ACArray_FromAny(op, d, mn, mx, req, NULL);
    Py_XDECREF(d);
    return r;
}

static PyObject *
t_check_from_any(PyObject *self, PyObject *args)
{
    PyObject *op, *dt, *r;
    int mn, mx, req;
    ACArray_Descr *d;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOiii", &op, &dt, &mn, &mx, &req)) {
        return NULL;
    }
    if (descr_arg(dt, &d) < 0) {
        return NULL;
    }
    r = ACArray_CheckFromAny(op, d, mn, mx, req, NULL);
    Py_XDECREF(d);
    return r;
}

static PyObject *
t_from_otf(PyObject *self, PyObject *args)
{
    PyObject *op;
    int type, req;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oii", &op, &type, &req)) {
        return NULL;
    }
    return ACArray_FROM_OTF(op, type, req);
}

static PyObject *
t_from_of(PyObject *self, PyObject *args)
{
    PyObject *op;
    int req;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oi", &op, &req)) {
        return NULL;
    }
    return ACArray_FROM_OF(op, req);
}

static PyObject *
t_from_o(PyObject *self, PyObject *op)
{
    (void)self;
    return ACArray_FROM_O(op);
}

/* time_from_any(op, req, n, dtype=None): seconds (processor time) for n calls
   of ACArray_FromAny(op, dtype, 0, 0, req, NULL), or of ACArray_FROM_O(op)
   when req is -1; for benchmarks (no test asserts on times). */
static PyObject *
t_time_from_any(PyObject *self, PyObject *args)
{
    PyObject *op, *dt = Py_None, *r;
    int req;
    long n, i;
    ACArray_Descr *d;
    clock_t t0;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oil|O", &op, &req, &n, &dt)) {
        return NULL;
    }
    if (descr_arg(dt, &d) < 0) {
        return NULL;
    }
    t0 = clock();
    for (i = 0; i < n; i++) {
        if (req == -1) {
            r = ACArray_FROM_O(op);
        }
        else {
            r = ACArray_FromAny(op, d, 0, 0, req, NULL);   /* steals nothing */
        }
        if (r == NULL) {
            Py_XDECREF(d);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_XDECREF(d);
    return PyFloat_FromDouble((double)(clock() - t0) / CLOCKS_PER_SEC);
}

static PyObject *
t_contiguous_from_any(PyObject *self, PyObject *args)
{
    PyObject *op;
    int type, mn, mx;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oiii", &op, &type, &mn, &mx)) {
        return NULL;
    }
    return ACArray_ContiguousFromAny(op, type, mn, mx);
}

/* inout(arr, factor, discard): multiply every element of the double INOUT
   view by factor; resolve (or discard) the write-back; return its result. */
static PyObject *
t_inout(PyObject *self, PyObject *args)
{
    PyObject *op, *o;
    double factor;
    int discard, rc, flags_before;
    ac_intp i, n;
    double *p;
    (void)self;
    if (!PyArg_ParseTuple(args, "Odi", &op, &factor, &discard)) {
        return NULL;
    }
    o = ACArray_FROM_OTF(op, AC_DOUBLE, AC_ARRAY_INOUT_ARRAY);
    if (o == NULL) {
        return NULL;
    }
    flags_before = ACArray_FLAGS(o);
    n = ACArray_SIZE(o);
    p = (double *)ACArray_DATA(o);
    for (i = 0; i < n; i++) {
        p[i] *= factor;
    }
    rc = discard ? ACArray_DiscardWritebackIfCopy(o) : ACArray_ResolveWritebackIfCopy(o);
    Py_DECREF(o);
    if (rc < 0) {
        return NULL;
    }
    return Py_BuildValue("ii", rc, (flags_before & AC_ARRAY_WRITEBACKIFCOPY) != 0);
}

/* take an INOUT copy and return it without resolving (the test resolves) */
static PyObject *
t_inout_take(PyObject *self, PyObject *op)
{
    (void)self;
    return ACArray_FROM_OTF(op, AC_DOUBLE, AC_ARRAY_INOUT_ARRAY);
}

static PyObject *
t_resolve(PyObject *self, PyObject *op)
{
    int rc;
    (void)self;
    rc = ACArray_ResolveWritebackIfCopy(op == Py_None ? NULL : (ACArrayObject *)op);
    if (rc < 0) {
        return NULL;
    }
    return PyLong_FromLong(rc);
}

static PyObject *
t_discard(PyObject *self, PyObject *op)
{
    int rc;
    (void)self;
    rc = ACArray_DiscardWritebackIfCopy(op == Py_None ? NULL : (ACArrayObject *)op);
    if (rc < 0) {
        return NULL;
    }
    return PyLong_FromLong(rc);
}

/* a tuple of ints to a C shape */
static int
shape_arg(PyObject *t, ac_intp *dims, int *nd)
{
    Py_ssize_t i, n;
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "shape must be a tuple");
        return -1;
    }
    n = PyTuple_Size(t);
    if (n > AC_MAXDIMS) {
        PyErr_SetString(PyExc_ValueError, "too many dims");
        return -1;
    }
    for (i = 0; i < n; i++) {
        dims[i] = PyLong_AsSsize_t(PyTuple_GetItem(t, i));
        if (dims[i] == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    *nd = (int)n;
    return 0;
}

static PyObject *
t_simple_new(PyObject *self, PyObject *args)
{
    PyObject *shape;
    int type, nd, ndarg = -1;
    ac_intp dims[AC_MAXDIMS];
    (void)self;
    if (!PyArg_ParseTuple(args, "Oi|i", &shape, &type, &ndarg)) {
        return NULL;
    }
    if (shape_arg(shape, dims, &nd) < 0) {
        return NULL;
    }
    return ACArray_SimpleNew(ndarg >= 0 ? ndarg : nd, dims, type);
}

static PyObject *
t_new(PyObject *self, PyObject *args)
{
    PyObject *shape;
    int type, nd, itemsize, flags;
    ac_intp dims[AC_MAXDIMS];
    (void)self;
    if (!PyArg_ParseTuple(args, "Oiii", &shape, &type, &itemsize, &flags)) {
        return NULL;
    }
    if (shape_arg(shape, dims, &nd) < 0) {
        return NULL;
    }
    return ACArray_New(&ACArray_Type, nd, dims, type, NULL, NULL, itemsize, flags, NULL);
}

/* view the memory of a bytearray as an array (the bytearray is the base) */
static PyObject *
t_from_bytearray(PyObject *self, PyObject *args)
{
    PyObject *ba, *shape, *strides_o = Py_None;
    int type, nd, snd, writeable = 1;
    ac_intp dims[AC_MAXDIMS], strides[AC_MAXDIMS];
    ACArray_Descr *d;
    PyObject *r;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!Oi|Oi", &PyByteArray_Type, &ba, &shape, &type,
                          &strides_o, &writeable)) {
        return NULL;
    }
    if (shape_arg(shape, dims, &nd) < 0) {
        return NULL;
    }
    if (strides_o != Py_None && shape_arg(strides_o, strides, &snd) < 0) {
        return NULL;
    }
    d = ACArray_DescrFromType(type);
    if (d == NULL) {
        return NULL;
    }
    r = ACArray_NewFromDescr(NULL, d, nd, dims, strides_o == Py_None ? NULL : strides,
                             PyByteArray_AsString(ba),
                             writeable ? AC_ARRAY_WRITEABLE : 0, ba);
    Py_DECREF(d);
    return r;
}

/* NewFromDescr with NULL data and explicit strides: new memory laid out by them */
static PyObject *
t_new_with_strides(PyObject *self, PyObject *args)
{
    PyObject *shape, *strides_o;
    int type, nd, snd;
    ac_intp dims[AC_MAXDIMS], strides[AC_MAXDIMS];
    ACArray_Descr *d;
    PyObject *r;
    (void)self;
    if (!PyArg_ParseTuple(args, "OiO", &shape, &type, &strides_o)) {
        return NULL;
    }
    if (shape_arg(shape, dims, &nd) < 0 || shape_arg(strides_o, strides, &snd) < 0) {
        return NULL;
    }
    if (snd != nd) {
        PyErr_SetString(PyExc_ValueError, "shape and strides differ in length");
        return NULL;
    }
    d = ACArray_DescrFromType(type);
    if (d == NULL) {
        return NULL;
    }
    r = ACArray_NewFromDescr(NULL, d, nd, dims, strides, NULL, 0, NULL);
    Py_DECREF(d);
    return r;
}

static double static_data[6] = {1, 2, 3, 4, 5, 6};

static PyObject *
t_static_data(PyObject *self, PyObject *noargs)
{
    ac_intp dims[2] = {2, 3};
    (void)self;
    (void)noargs;
    return ACArray_SimpleNewFromData(2, dims, AC_DOUBLE, static_data);
}

static PyObject *
t_zeros_empty(PyObject *self, PyObject *args)
{
    PyObject *shape, *dt;
    int nd, fortran, zero;
    ac_intp dims[AC_MAXDIMS];
    ACArray_Descr *d;
    PyObject *r;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOii", &shape, &dt, &fortran, &zero)) {
        return NULL;
    }
    if (shape_arg(shape, dims, &nd) < 0 || descr_arg(dt, &d) < 0) {
        return NULL;
    }
    r = zero ? ACArray_Zeros(nd, dims, d, fortran) : ACArray_Empty(nd, dims, d, fortran);
    Py_XDECREF(d);
    return r;
}

static PyObject *
t_new_copy(PyObject *self, PyObject *args)
{
    PyObject *a;
    int order;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oi", &a, &order)) {
        return NULL;
    }
    return ACArray_NewCopy(a, (AC_ORDER)order);
}

static PyObject *
t_cast(PyObject *self, PyObject *args)
{
    PyObject *a, *r;
    int type, fortran;
    ACArray_Descr *d;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oii", &a, &type, &fortran)) {
        return NULL;
    }
    d = ACArray_DescrFromType(type);
    if (d == NULL) {
        return NULL;
    }
    r = ACArray_CastToType(a, d, fortran);
    Py_DECREF(d);
    return r;
}

static PyObject *
t_copy_into(PyObject *self, PyObject *args)
{
    PyObject *dst, *src;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &dst, &src)) {
        return NULL;
    }
    if (ACArray_CopyInto(dst, src) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
t_fill(PyObject *self, PyObject *args)
{
    PyObject *a, *v;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &v)) {
        return NULL;
    }
    if (ACArray_FillWithScalar(a, v) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
t_newshape(PyObject *self, PyObject *args)
{
    PyObject *a, *r;
    ACArray_Dims shape = {NULL, 0};
    AC_ORDER order = AC_CORDER;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO&|O&", &a, ACArray_IntpConverter, &shape,
                          ACArray_OrderConverter, &order)) {
        ACArray_DimsFree(&shape);
        return NULL;
    }
    r = ACArray_Newshape(a, &shape, order);
    ACDimMem_FREE(shape.ptr);
    return r;
}

static PyObject *
t_transpose(PyObject *self, PyObject *args)
{
    PyObject *a, *perm = Py_None, *r;
    ACArray_Dims p = {NULL, 0};
    (void)self;
    if (!PyArg_ParseTuple(args, "O|O", &a, &perm)) {
        return NULL;
    }
    if (perm != Py_None && !ACArray_IntpConverter(perm, &p)) {
        return NULL;
    }
    r = ACArray_Transpose(a, perm == Py_None ? NULL : &p);
    ACArray_DimsFree(&p);
    return r;
}

static PyObject *
t_return(PyObject *self, PyObject *a)
{
    (void)self;
    return ACArray_Return(a == Py_None ? NULL : (ACArrayObject *)a);
}

static PyObject *
t_descr_from_type(PyObject *self, PyObject *args)
{
    int n;
    (void)self;
    if (!PyArg_ParseTuple(args, "i", &n)) {
        return NULL;
    }
    return (PyObject *)ACArray_DescrFromType(n);
}

static PyObject *
t_can_cast(PyObject *self, PyObject *args)
{
    ACArray_Descr *a = NULL, *b = NULL;
    int casting, r;
    (void)self;
    if (!PyArg_ParseTuple(args, "O&O&i", ACArray_DescrConverter, &a,
                          ACArray_DescrConverter, &b, &casting)) {
        Py_XDECREF(a);
        return NULL;
    }
    r = ACArray_CanCastTypeTo(a, b, (AC_CASTING)casting);
    Py_DECREF(a);
    Py_DECREF(b);
    if (r == 0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
t_promote(PyObject *self, PyObject *args)
{
    ACArray_Descr *a = NULL, *b = NULL, *r;
    (void)self;
    if (!PyArg_ParseTuple(args, "O&O&", ACArray_DescrConverter, &a,
                          ACArray_DescrConverter, &b)) {
        Py_XDECREF(a);
        return NULL;
    }
    r = ACArray_PromoteTypes(a, b);
    Py_DECREF(a);
    Py_DECREF(b);
    return (PyObject *)r;
}

static PyObject *
t_check(PyObject *self, PyObject *o)
{
    int r = ACArray_Check(o == Py_None ? NULL : o);
    (void)self;
    if (r == 0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
t_check_exact(PyObject *self, PyObject *o)
{
    int r = ACArray_CheckExact(o);
    (void)self;
    if (r == 0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
t_conv_descr(PyObject *self, PyObject *args)
{
    ACArray_Descr *d = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "O&", ACArray_DescrConverter, &d)) {
        return NULL;
    }
    return (PyObject *)d;
}

static PyObject *
t_conv_intp(PyObject *self, PyObject *args)
{
    ACArray_Dims d = {NULL, 0};
    PyObject *t;
    int i;
    (void)self;
    if (!PyArg_ParseTuple(args, "O&", ACArray_IntpConverter, &d)) {
        return NULL;
    }
    t = PyTuple_New(d.len);
    for (i = 0; t != NULL && i < d.len; i++) {
        PyTuple_SetItem(t, i, PyLong_FromSsize_t(d.ptr[i]));
    }
    ACArray_DimsFree(&d);
    return t;
}

static PyObject *
t_conv_axis(PyObject *self, PyObject *args)
{
    int axis = 12345;
    (void)self;
    if (!PyArg_ParseTuple(args, "O&", ACArray_AxisConverter, &axis)) {
        return NULL;
    }
    if (axis == AC_RAVEL_AXIS) {
        return PyUnicode_FromString("ravel");
    }
    return PyLong_FromLong(axis);
}

static PyObject *
t_conv_order(PyObject *self, PyObject *args)
{
    AC_ORDER order = (AC_ORDER)99;
    (void)self;
    if (!PyArg_ParseTuple(args, "O&", ACArray_OrderConverter, &order)) {
        return NULL;
    }
    return PyLong_FromLong((long)order);
}

static PyObject *
t_getptr(PyObject *self, PyObject *args)
{
    PyObject *a, *idx;
    ac_intp ind[AC_MAXDIMS];
    int nd;
    double *p;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O", &ACArray_Type, &a, &idx)) {
        return NULL;
    }
    if (shape_arg(idx, ind, &nd) < 0) {
        return NULL;
    }
    if (nd != ACArray_NDIM(a)) {
        PyErr_SetString(PyExc_ValueError, "index length");
        return NULL;
    }
    p = (double *)ACArray_GetPtr(a, ind);
    if (p == NULL) {
        return NULL;
    }
    return PyFloat_FromDouble(*p);
}

/* GETPTR1..4 against GetPtr on a double array */
static PyObject *
t_getptr_macros(PyObject *self, PyObject *a)
{
    ac_intp ind[4] = {0, 0, 0, 0};
    void *m = NULL, *f;
    (void)self;
    if (!ACArray_Check(a)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "need an array");
        }
        return NULL;
    }
    switch (ACArray_NDIM(a)) {
        case 1: ind[0] = ACArray_DIM(a, 0) - 1; m = ACArray_GETPTR1(a, ind[0]); break;
        case 2: ind[0] = ACArray_DIM(a, 0) - 1; ind[1] = ACArray_DIM(a, 1) - 1;
                m = ACArray_GETPTR2(a, ind[0], ind[1]); break;
        case 3: ind[0] = ACArray_DIM(a, 0) - 1; ind[1] = ACArray_DIM(a, 1) - 1;
                ind[2] = ACArray_DIM(a, 2) - 1;
                m = ACArray_GETPTR3(a, ind[0], ind[1], ind[2]); break;
        case 4: ind[0] = ACArray_DIM(a, 0) - 1; ind[1] = ACArray_DIM(a, 1) - 1;
                ind[2] = ACArray_DIM(a, 2) - 1; ind[3] = ACArray_DIM(a, 3) - 1;
                m = ACArray_GETPTR4(a, ind[0], ind[1], ind[2], ind[3]); break;
        default:
            PyErr_SetString(PyExc_ValueError, "1 to 4 dims");
            return NULL;
    }
    f = ACArray_GetPtr(a, ind);
    if (f == NULL) {
        return NULL;
    }
    return PyBool_FromLong(m == f);
}

/* "O!" with &ACArray_Type and &ACArrayDescr_Type */
static PyObject *
t_parse_types(PyObject *self, PyObject *args)
{
    PyObject *a, *d;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O!", &ACArray_Type, &a, &ACArrayDescr_Type, &d)) {
        return NULL;
    }
    return PyBool_FromLong((PyObject *)ACArray_TypeObject() == (PyObject *)Py_TYPE(a)
                           && (PyObject *)ACArrayDescr_TypeObject() == (PyObject *)Py_TYPE(d));
}

/* Call entries with NULL and wrong arguments: a list of (case, exception type
   name or None, return value) -- none may crash. */
static PyObject *
t_bad_calls(PyObject *self, PyObject *notarray)
{
    PyObject *res = PyList_New(0), *r, *et;
    ac_intp dims[2] = {2, -1};
    int rc;
#define RECORD_OBJ(name, expr)                                                \
    do {                                                                      \
        PyObject *_r = (PyObject *)(expr);                                    \
        PyObject *_t, *_v, *_tb;                                              \
        PyErr_Fetch(&_t, &_v, &_tb);                                          \
        et = _t ? PyObject_GetAttrString(_t, "__name__") : (Py_INCREF(Py_None), Py_None); \
        r = Py_BuildValue("(sNO)", name, et, _r ? Py_True : Py_False);        \
        Py_XDECREF(_t); Py_XDECREF(_v); Py_XDECREF(_tb); Py_XDECREF(_r);      \
        PyList_Append(res, r); Py_DECREF(r);                                  \
    } while (0)
#define RECORD_INT(name, expr)                                                \
    do {                                                                      \
        PyObject *_t, *_v, *_tb;                                              \
        rc = (expr);                                                          \
        PyErr_Fetch(&_t, &_v, &_tb);                                          \
        et = _t ? PyObject_GetAttrString(_t, "__name__") : (Py_INCREF(Py_None), Py_None); \
        r = Py_BuildValue("(sNi)", name, et, rc);                             \
        Py_XDECREF(_t); Py_XDECREF(_v); Py_XDECREF(_tb);                      \
        PyList_Append(res, r); Py_DECREF(r);                                  \
    } while (0)
    (void)self;
    if (res == NULL) {
        return NULL;
    }
    RECORD_OBJ("FromAny(NULL)", ACArray_FromAny(NULL, NULL, 0, 0, 0, NULL));
    RECORD_OBJ("FromAny(dtype=non-dtype)", ACArray_FromAny(notarray, (ACArray_Descr *)notarray, 0, 0, 0, NULL));
    RECORD_OBJ("CheckFromAny(NULL)", ACArray_CheckFromAny(NULL, NULL, 0, 0, 0, NULL));
    RECORD_OBJ("ContiguousFromAny(NULL)", ACArray_ContiguousFromAny(NULL, AC_DOUBLE, 0, 0));
    RECORD_OBJ("ContiguousFromAny(bad type)", ACArray_ContiguousFromAny(notarray, 1000, 0, 0));
    RECORD_INT("Resolve(NULL)", ACArray_ResolveWritebackIfCopy(NULL));
    RECORD_INT("Resolve(non-array)", ACArray_ResolveWritebackIfCopy(notarray));
    RECORD_INT("Discard(NULL)", ACArray_DiscardWritebackIfCopy(NULL));
    RECORD_INT("Discard(non-array)", ACArray_DiscardWritebackIfCopy(notarray));
    RECORD_OBJ("NewFromDescr(NULL descr)", ACArray_NewFromDescr(NULL, NULL, 1, dims, NULL, NULL, 0, NULL));
    RECORD_OBJ("NewFromDescr(bad subtype)", ACArray_NewFromDescr(&PyLong_Type, NULL, 1, dims, NULL, NULL, 0, NULL));
    RECORD_OBJ("New(bad type)", ACArray_New(NULL, 1, dims, 1000, NULL, NULL, 0, 0, NULL));
    RECORD_OBJ("New(negative dim)", ACArray_New(NULL, 2, dims, AC_DOUBLE, NULL, NULL, 0, 0, NULL));
    RECORD_OBJ("New(NULL dims)", ACArray_New(NULL, 2, NULL, AC_DOUBLE, NULL, NULL, 0, 0, NULL));
    RECORD_OBJ("New(nd=-1)", ACArray_New(NULL, -1, dims, AC_DOUBLE, NULL, NULL, 0, 0, NULL));
    RECORD_OBJ("New(nd=65)", ACArray_New(NULL, 65, dims, AC_DOUBLE, NULL, NULL, 0, 0, NULL));
    RECORD_OBJ("New(bad itemsize)", ACArray_New(NULL, 1, dims, AC_DOUBLE, NULL, NULL, 3, 0, NULL));
    RECORD_OBJ("SimpleNew(negative)", ACArray_SimpleNew(2, dims, AC_DOUBLE));
    RECORD_OBJ("Zeros(NULL dims)", ACArray_Zeros(3, NULL, NULL, 0));
    RECORD_OBJ("Empty(non-dtype)", ACArray_Empty(1, dims, (ACArray_Descr *)notarray, 0));
    RECORD_OBJ("NewCopy(NULL)", ACArray_NewCopy(NULL, AC_CORDER));
    RECORD_OBJ("NewCopy(non-array)", ACArray_NewCopy(notarray, AC_CORDER));
    RECORD_OBJ("CastToType(NULL)", ACArray_CastToType(NULL, NULL, 0));
    RECORD_INT("CopyInto(NULL, NULL)", ACArray_CopyInto(NULL, NULL));
    RECORD_INT("CopyInto(non-array)", ACArray_CopyInto(notarray, notarray));
    RECORD_INT("FillWithScalar(NULL)", ACArray_FillWithScalar(NULL, Py_None));
    RECORD_OBJ("Newshape(NULL)", ACArray_Newshape(NULL, NULL, AC_CORDER));
    RECORD_OBJ("Transpose(non-array)", ACArray_Transpose(notarray, NULL));
    RECORD_OBJ("Return(non-array)", ACArray_Return(notarray));
    RECORD_OBJ("Return(NULL)", ACArray_Return(NULL));
    RECORD_OBJ("DescrFromType(1000)", ACArray_DescrFromType(1000));
    RECORD_OBJ("DescrFromType(-1)", ACArray_DescrFromType(-1));
    RECORD_INT("CanCastTypeTo(NULL)", ACArray_CanCastTypeTo(NULL, NULL, AC_SAFE_CASTING));
    RECORD_OBJ("PromoteTypes(NULL)", ACArray_PromoteTypes(NULL, NULL));
    RECORD_INT("Check(NULL)", ACArray_Check(NULL));
    RECORD_INT("CheckExact(NULL)", ACArray_CheckExact(NULL));
    RECORD_INT("DescrConverter(NULL out)", ACArray_DescrConverter(notarray, NULL));
    RECORD_INT("IntpConverter(NULL out)", ACArray_IntpConverter(notarray, NULL));
    RECORD_INT("AxisConverter(NULL out)", ACArray_AxisConverter(notarray, NULL));
    RECORD_INT("OrderConverter(NULL out)", ACArray_OrderConverter(notarray, NULL));
    RECORD_OBJ("GetPtr(NULL)", ACArray_GetPtr(NULL, NULL) == NULL ? NULL : (Py_INCREF(Py_None), Py_None));
    RECORD_OBJ("GetPtr(non-array)", ACArray_GetPtr(notarray, dims) == NULL ? NULL : (Py_INCREF(Py_None), Py_None));
    return res;
#undef RECORD_OBJ
#undef RECORD_INT
}

static PyObject *
t_versions(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    return Py_BuildValue("(iii)", (int)AC_ABI_VERSION, (int)AC_API_VERSION,
                         (int)AC_TARGET_VERSION);
}

static PyObject *
t_import(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    if (import_arraycore() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"from_any", t_from_any, METH_VARARGS, NULL},
    {"check_from_any", t_check_from_any, METH_VARARGS, NULL},
    {"from_otf", t_from_otf, METH_VARARGS, NULL},
    {"from_of", t_from_of, METH_VARARGS, NULL},
    {"from_o", t_from_o, METH_O, NULL},
    {"time_from_any", t_time_from_any, METH_VARARGS, NULL},
    {"contiguous_from_any", t_contiguous_from_any, METH_VARARGS, NULL},
    {"inout", t_inout, METH_VARARGS, NULL},
    {"inout_take", t_inout_take, METH_O, NULL},
    {"resolve", t_resolve, METH_O, NULL},
    {"discard", t_discard, METH_O, NULL},
    {"simple_new", t_simple_new, METH_VARARGS, NULL},
    {"new", t_new, METH_VARARGS, NULL},
    {"from_bytearray", t_from_bytearray, METH_VARARGS, NULL},
    {"static_data", t_static_data, METH_NOARGS, NULL},
    {"new_with_strides", t_new_with_strides, METH_VARARGS, NULL},
    {"zeros_empty", t_zeros_empty, METH_VARARGS, NULL},
    {"new_copy", t_new_copy, METH_VARARGS, NULL},
    {"cast", t_cast, METH_VARARGS, NULL},
    {"copy_into", t_copy_into, METH_VARARGS, NULL},
    {"fill", t_fill, METH_VARARGS, NULL},
    {"newshape", t_newshape, METH_VARARGS, NULL},
    {"transpose", t_transpose, METH_VARARGS, NULL},
    {"ret", t_return, METH_O, NULL},
    {"descr_from_type", t_descr_from_type, METH_VARARGS, NULL},
    {"can_cast", t_can_cast, METH_VARARGS, NULL},
    {"promote", t_promote, METH_VARARGS, NULL},
    {"check", t_check, METH_O, NULL},
    {"check_exact", t_check_exact, METH_O, NULL},
    {"conv_descr", t_conv_descr, METH_VARARGS, NULL},
    {"conv_intp", t_conv_intp, METH_VARARGS, NULL},
    {"conv_axis", t_conv_axis, METH_VARARGS, NULL},
    {"conv_order", t_conv_order, METH_VARARGS, NULL},
    {"getptr", t_getptr, METH_VARARGS, NULL},
    {"getptr_macros", t_getptr_macros, METH_O, NULL},
    {"parse_types", t_parse_types, METH_VARARGS, NULL},
    {"bad_calls", t_bad_calls, METH_O, NULL},
    {"versions", t_versions, METH_NOARGS, NULL},
    {"import_arraycore", t_import, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, STR(MODNAME), NULL, -1, methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
CAT(PyInit_, MODNAME)(void)
{
#ifdef TEST_IMPORT_IN_INIT
    if (import_arraycore() < 0) {
        return NULL;
    }
#endif
    return PyModule_Create(&moduledef);
}
