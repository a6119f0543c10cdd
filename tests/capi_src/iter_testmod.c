/*
 * iter_testmod.c -- a test extension for the iterator part of the arraycore
 * C-API (tests/test_iter_capi.py compiles it): the flat, multi and
 * neighborhood iterators through their macros, NpyIter through NumPy's
 * spellings (npy_compat.h), ACIter_ForEachSlice, and bad calls.
 */
#include <arraycore/npy_compat.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

static PyObject *
item_bytes(const char *p, npy_intp itemsize)
{
    return PyBytes_FromStringAndSize(p, itemsize);
}

/* flat_bytes(a): the elements' bytes in flat-iterator order (ITER_NEXT) */
static PyObject *
t_flat_bytes(PyObject *self, PyObject *arg)
{
    PyArrayIterObject *it = (PyArrayIterObject *)PyArray_IterNew(arg);
    PyObject *out;
    npy_intp isz;
    (void)self;
    if (it == NULL) {
        return NULL;
    }
    isz = PyArray_ITEMSIZE(it->ao);
    out = PyList_New(0);
    while (out != NULL && PyArray_ITER_NOTDONE(it)) {
        PyObject *b = item_bytes((const char *)PyArray_ITER_DATA(it), isz);
        if (b == NULL || PyList_Append(out, b) < 0) {
            Py_XDECREF(b);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(b);
        PyArray_ITER_NEXT(it);
    }
    Py_DECREF(it);
    return out;
}

/* flat_goto(a, i, coords): bytes at flat index i (GOTO1D) and at coords (GOTO),
   and the index GOTO computed */
static PyObject *
t_flat_goto(PyObject *self, PyObject *args)
{
    PyObject *a, *coords, *r = NULL, *b1 = NULL, *b2 = NULL;
    Py_ssize_t i, k, n;
    npy_intp dest[NPY_MAXDIMS];
    PyArrayIterObject *it;
    (void)self;
    if (!PyArg_ParseTuple(args, "OnO", &a, &i, &coords)) {
        return NULL;
    }
    it = (PyArrayIterObject *)PyArray_IterNew(a);
    if (it == NULL) {
        return NULL;
    }
    n = PySequence_Size(coords);
    for (k = 0; k < n && k < NPY_MAXDIMS; k++) {
        PyObject *c = PySequence_GetItem(coords, k);
        dest[k] = c ? PyLong_AsSsize_t(c) : -1;
        Py_XDECREF(c);
    }
    if (PyErr_Occurred()) {
        goto done;
    }
    PyArray_ITER_GOTO1D(it, i);
    b1 = item_bytes(it->dataptr, PyArray_ITEMSIZE(it->ao));
    PyArray_ITER_GOTO(it, dest);
    b2 = item_bytes(it->dataptr, PyArray_ITEMSIZE(it->ao));
    if (b1 && b2) {
        r = Py_BuildValue("OOn", b1, b2, (Py_ssize_t)it->index);
    }
done:
    Py_XDECREF(b1);
    Py_XDECREF(b2);
    Py_DECREF(it);
    return r;
}

/* all_but_axis(a, axis): (axis chosen, [bytes of the first element of each 1-d run]) */
static PyObject *
t_all_but_axis(PyObject *self, PyObject *args)
{
    PyObject *a, *out;
    int axis;
    PyArrayIterObject *it;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oi", &a, &axis)) {
        return NULL;
    }
    it = (PyArrayIterObject *)PyArray_IterAllButAxis(a, &axis);
    if (it == NULL) {
        return NULL;
    }
    out = PyList_New(0);
    while (out && PyArray_ITER_NOTDONE(it)) {
        PyObject *b = item_bytes(it->dataptr, PyArray_ITEMSIZE(it->ao));
        if (b == NULL || PyList_Append(out, b) < 0) {
            Py_XDECREF(b);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(b);
        PyArray_ITER_NEXT(it);
    }
    Py_DECREF(it);
    if (out == NULL) {
        return NULL;
    }
    return Py_BuildValue("iN", axis, out);
}

/* multi_bytes(a, b): [(bytes_a, bytes_b)] through PyArray_MultiIterNew and its macros */
static PyObject *
t_multi_bytes(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *out;
    PyArrayMultiIterObject *m;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    m = (PyArrayMultiIterObject *)PyArray_MultiIterNew(2, a, b);
    if (m == NULL) {
        return NULL;
    }
    out = PyList_New(0);
    while (out && PyArray_MultiIter_NOTDONE(m)) {
        PyObject *t = Py_BuildValue(
            "(NN)",
            item_bytes((const char *)PyArray_MultiIter_DATA(m, 0), PyArray_ITEMSIZE(m->iters[0]->ao)),
            item_bytes((const char *)PyArray_MultiIter_DATA(m, 1), PyArray_ITEMSIZE(m->iters[1]->ao)));
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(t);
        PyArray_MultiIter_NEXT(m);
    }
    if (out != NULL) {
        PyObject *r = Py_BuildValue("(Nni)", out, (Py_ssize_t)PyArray_MultiIter_SIZE(m),
                                    PyArray_MultiIter_NDIM(m));
        Py_DECREF(m);
        return r;
    }
    Py_DECREF(m);
    return NULL;
}

/* neighborhood(a, bounds, mode, fill): for every position of a flat iterator
   over a, the list of the neighborhood's element bytes */
static PyObject *
t_neighborhood(PyObject *self, PyObject *args)
{
    PyObject *a, *bounds_obj, *fill, *out = NULL;
    int mode, nd;
    Py_ssize_t k, nb;
    npy_intp bounds[2 * NPY_MAXDIMS];
    PyArrayIterObject *it;
    PyArrayNeighborhoodIterObject *nit;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOiO", &a, &bounds_obj, &mode, &fill)) {
        return NULL;
    }
    nb = PySequence_Size(bounds_obj);
    if (nb < 0) {
        return NULL;
    }
    for (k = 0; k < nb && k < 2 * NPY_MAXDIMS; k++) {
        PyObject *c = PySequence_GetItem(bounds_obj, k);
        bounds[k] = c ? PyLong_AsSsize_t(c) : -1;
        Py_XDECREF(c);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    it = (PyArrayIterObject *)PyArray_IterNew(a);
    if (it == NULL) {
        return NULL;
    }
    nit = (PyArrayNeighborhoodIterObject *)PyArray_NeighborhoodIterNew(
        it, bounds, mode, fill == Py_None ? NULL : fill);
    if (nit == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    nd = (int)nit->nd;
    (void)nd;
    out = PyList_New(0);
    while (out && PyArray_ITER_NOTDONE(it)) {
        npy_intp j;
        PyObject *row = PyList_New(0);
        if (row == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyArrayNeighborhoodIter_Reset(nit);
        for (j = 0; j < nit->size; j++) {
            PyObject *b = item_bytes(nit->dataptr, PyArray_ITEMSIZE(it->ao));
            if (b == NULL || PyList_Append(row, b) < 0) {
                Py_XDECREF(b);
                Py_CLEAR(row);
                break;
            }
            Py_DECREF(b);
            PyArrayNeighborhoodIter_Next(nit);
        }
        if (row == NULL || PyList_Append(out, row) < 0) {
            Py_XDECREF(row);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(row);
        PyArray_ITER_NEXT(it);
    }
    Py_DECREF(nit);
    Py_DECREF(it);
    return out;
}

/* ------------------------------------------------------------- NpyIter */

/* nditer_sum(a, order, buffersize): the sum of a's elements as doubles
   through a buffered external loop (casting unsafely to double) */
static PyObject *
t_nditer_sum(PyObject *self, PyObject *args)
{
    PyObject *a;
    int order;
    Py_ssize_t bufsize;
    PyArray_Descr *dbl;
    NpyIter *it;
    NpyIter_IterNextFunc *next;
    char **dataptr;
    npy_intp *strideptr, *sizeptr;
    double total = 0.0;
    PyArrayObject *op[1];
    npy_uint32 op_flags[1] = {NPY_ITER_READONLY | NPY_ITER_NBO | NPY_ITER_ALIGNED};
    PyArray_Descr *dts[1];
    (void)self;
    if (!PyArg_ParseTuple(args, "Oin", &a, &order, &bufsize)) {
        return NULL;
    }
    dbl = PyArray_DescrFromType(NPY_DOUBLE);
    if (dbl == NULL) {
        return NULL;
    }
    op[0] = (PyArrayObject *)a;
    dts[0] = dbl;
    it = NpyIter_AdvancedNew(1, op, NPY_ITER_EXTERNAL_LOOP | NPY_ITER_BUFFERED |
                             NPY_ITER_ZEROSIZE_OK, (NPY_ORDER)order, NPY_UNSAFE_CASTING,
                             op_flags, dts, -1, NULL, NULL, bufsize);
    Py_DECREF(dbl);
    if (it == NULL) {
        return NULL;
    }
    if (NpyIter_GetIterSize(it) > 0) {
        next = NpyIter_GetIterNext(it, NULL);
        if (next == NULL) {
            NpyIter_Deallocate(it);
            return NULL;
        }
        dataptr = NpyIter_GetDataPtrArray(it);
        strideptr = NpyIter_GetInnerStrideArray(it);
        sizeptr = NpyIter_GetInnerLoopSizePtr(it);
        Py_BEGIN_ALLOW_THREADS
        do {
            char *p = dataptr[0];
            npy_intp s = strideptr[0], n = *sizeptr;
            while (n--) {
                total += *(double *)p;
                p += s;
            }
        } while (next(it));
        Py_END_ALLOW_THREADS
        if (PyErr_Occurred()) {
            NpyIter_Deallocate(it);
            return NULL;
        }
    }
    if (!NpyIter_Deallocate(it)) {
        return NULL;
    }
    return PyFloat_FromDouble(total);
}

/* nditer_add(a, b): a + b as float64 into an allocated output (MultiNew,
   buffering, broadcasting); returns the output operand */
static PyObject *
t_nditer_add(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *ret;
    PyArrayObject *op[3];
    npy_uint32 op_flags[3] = {NPY_ITER_READONLY, NPY_ITER_READONLY,
                              NPY_ITER_WRITEONLY | NPY_ITER_ALLOCATE};
    PyArray_Descr *dts[3];
    NpyIter *it;
    NpyIter_IterNextFunc *next;
    char **d;
    npy_intp *s, *n;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    op[0] = (PyArrayObject *)a;
    op[1] = (PyArrayObject *)b;
    op[2] = NULL;
    dts[0] = dts[1] = dts[2] = PyArray_DescrFromType(NPY_DOUBLE);
    if (dts[0] == NULL) {
        return NULL;
    }
    it = NpyIter_MultiNew(3, op, NPY_ITER_EXTERNAL_LOOP | NPY_ITER_BUFFERED |
                          NPY_ITER_ZEROSIZE_OK, NPY_KEEPORDER, NPY_SAME_KIND_CASTING,
                          op_flags, dts);
    Py_DECREF(dts[0]);
    if (it == NULL) {
        return NULL;
    }
    if (NpyIter_GetIterSize(it) > 0) {
        next = NpyIter_GetIterNext(it, NULL);
        d = NpyIter_GetDataPtrArray(it);
        s = NpyIter_GetInnerStrideArray(it);
        n = NpyIter_GetInnerLoopSizePtr(it);
        do {
            npy_intp i;
            for (i = 0; i < *n; i++) {
                *(double *)(d[2] + i * s[2]) = *(double *)(d[0] + i * s[0]) +
                                               *(double *)(d[1] + i * s[1]);
            }
        } while (next(it));
    }
    ret = (PyObject *)NpyIter_GetOperandArray(it)[2];
    Py_INCREF(ret);
    if (!NpyIter_Deallocate(it)) {
        Py_DECREF(ret);
        return NULL;
    }
    return ret;
}

/* nditer_multi_index(a, order): [(multi_index, c_index)] and the shape */
static PyObject *
t_nditer_multi_index(PyObject *self, PyObject *args)
{
    PyObject *a, *out;
    int order, nd, k;
    NpyIter *it;
    NpyIter_IterNextFunc *next;
    NpyIter_GetMultiIndexFunc *get;
    npy_intp mi[NPY_MAXDIMS], shape[NPY_MAXDIMS], *index;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oi", &a, &order)) {
        return NULL;
    }
    it = NpyIter_New((PyArrayObject *)a, NPY_ITER_MULTI_INDEX | NPY_ITER_C_INDEX |
                     NPY_ITER_ZEROSIZE_OK, (NPY_ORDER)order, NPY_NO_CASTING, NULL);
    if (it == NULL) {
        return NULL;
    }
    nd = NpyIter_GetNDim(it);
    if (!NpyIter_GetShape(it, shape)) {
        NpyIter_Deallocate(it);
        return NULL;
    }
    out = PyList_New(0);
    next = NpyIter_GetIterNext(it, NULL);
    get = NpyIter_GetGetMultiIndex(it, NULL);
    index = NpyIter_GetIndexPtr(it);
    if (next == NULL || get == NULL || index == NULL) {
        Py_XDECREF(out);
        NpyIter_Deallocate(it);
        return NULL;
    }
    if (NpyIter_GetIterSize(it) > 0) {
        do {
            PyObject *t = PyTuple_New(nd), *e;
            get(it, mi);
            for (k = 0; k < nd && t; k++) {
                PyTuple_SET_ITEM(t, k, PyLong_FromSsize_t(mi[k]));
            }
            e = Py_BuildValue("(Nn)", t, (Py_ssize_t)*index);
            if (e == NULL || PyList_Append(out, e) < 0) {
                Py_XDECREF(e);
                Py_CLEAR(out);
                break;
            }
            Py_DECREF(e);
        } while (next(it));
    }
    {
        PyObject *shp = PyTuple_New(nd);
        for (k = 0; k < nd && shp; k++) {
            PyTuple_SET_ITEM(shp, k, PyLong_FromSsize_t(shape[k]));
        }
        NpyIter_Deallocate(it);
        if (out == NULL) {
            Py_XDECREF(shp);
            return NULL;
        }
        return Py_BuildValue("(NN)", out, shp);
    }
}

/* nditer_ranged(a, start, end): values (as bytes) of a ranged iteration,
   with positions moved by GotoIterIndex/ResetToIterIndexRange, and a copy */
static PyObject *
t_nditer_ranged(PyObject *self, PyObject *args)
{
    PyObject *a, *out;
    Py_ssize_t start, end;
    NpyIter *it, *c;
    NpyIter_IterNextFunc *next;
    char **d;
    npy_intp istart, iend, isz;
    (void)self;
    if (!PyArg_ParseTuple(args, "Onn", &a, &start, &end)) {
        return NULL;
    }
    it = NpyIter_New((PyArrayObject *)a, NPY_ITER_RANGED | NPY_ITER_ZEROSIZE_OK,
                     NPY_CORDER, NPY_NO_CASTING, NULL);
    if (it == NULL) {
        return NULL;
    }
    isz = PyArray_ITEMSIZE(NpyIter_GetOperandArray(it)[0]);
    if (!NpyIter_ResetToIterIndexRange(it, start, end, NULL)) {
        NpyIter_Deallocate(it);
        return NULL;
    }
    NpyIter_GetIterIndexRange(it, &istart, &iend);
    out = PyList_New(0);
    if (start < end) {
        c = NpyIter_Copy(it);
        if (c == NULL) {
            Py_DECREF(out);
            NpyIter_Deallocate(it);
            return NULL;
        }
        NpyIter_Deallocate(it);
        it = c;
        next = NpyIter_GetIterNext(it, NULL);
        d = NpyIter_GetDataPtrArray(it);
        do {
            PyObject *b = item_bytes(d[0], isz);
            PyList_Append(out, b);
            Py_DECREF(b);
        } while (next(it));
    }
    NpyIter_Deallocate(it);
    return Py_BuildValue("(Nnn)", out, (Py_ssize_t)istart, (Py_ssize_t)iend);
}


/* misc(a, b): the remaining NpyIter/ACIter entries on a buffered float32 view
   of a (float64), and ResetBasePointers onto b (same shape and layout as a) */
static PyObject *
t_misc(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *view = NULL, *types = NULL, *r = NULL;
    PyArrayObject *op[1];
    npy_uint32 fl[1] = {NPY_ITER_READONLY};
    PyArray_Descr *dts[1];
    NpyIter *it;
    NpyIter_IterNextFunc *next;
    char *base[1];
    npy_intp fixed[1], shape[NPY_MAXDIMS], bsize;
    double total = 0.0;
    int ext, req, buf, ndim;
    PyObject *bc = NULL;
    npy_intp dims[2] = {2, 3};
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    op[0] = (PyArrayObject *)a;
    dts[0] = PyArray_DescrFromType(NPY_FLOAT);
    it = NpyIter_AdvancedNew(1, op, NPY_ITER_BUFFERED | NPY_ITER_MULTI_INDEX,
                             NPY_CORDER, NPY_SAME_KIND_CASTING, fl, dts, -1, NULL, NULL, 4);
    Py_DECREF(dts[0]);
    if (it == NULL) {
        return NULL;
    }
    ext = NpyIter_HasExternalLoop(it);
    req = NpyIter_RequiresBuffering(it);
    buf = NpyIter_IsBuffered(it);
    bsize = NpyIter_GetBufferSize(it);
    NpyIter_GetInnerFixedStrideArray(it, fixed);
    view = NpyIter_GetIterView(it, 0);
    if (view == NULL) {
        goto fail;
    }
    if (NpyIter_GetDescrArray(it)[0]->type_num != NPY_FLOAT ||
            NpyIter_GetInitialDataPtrArray(it)[0] != PyArray_BYTES((PyArrayObject *)a)) {
        PyErr_SetString(PyExc_AssertionError, "descr or initial pointer wrong");
        goto fail;
    }
    if (!NpyIter_RemoveMultiIndex(it) || !NpyIter_EnableExternalLoop(it)) {
        goto fail;
    }
    ndim = NpyIter_GetNDim(it);
    if (!NpyIter_GetShape(it, shape)) {
        goto fail;
    }
    base[0] = PyArray_BYTES((PyArrayObject *)b);
    if (!NpyIter_ResetBasePointers(it, base, NULL)) {
        goto fail;
    }
    next = NpyIter_GetIterNext(it, NULL);
    if (next == NULL) {
        goto fail;
    }
    {
        char **d = NpyIter_GetDataPtrArray(it);
        npy_intp *s = NpyIter_GetInnerStrideArray(it), *n = NpyIter_GetInnerLoopSizePtr(it);
        do {
            npy_intp i;
            for (i = 0; i < *n; i++) {
                total += *(float *)(d[0] + i * s[0]);
            }
        } while (next(it));
    }
    types = Py_BuildValue("(OOO)", (PyObject *)&PyArrayIter_Type,
                          (PyObject *)&PyArrayMultiIter_Type,
                          (PyObject *)&PyArrayNeighborhoodIter_Type);
    bc = PyArray_BroadcastToShape(a, dims, 2);
    if (types == NULL || bc == NULL) {
        goto fail;
    }
    r = Py_BuildValue("{s:i,s:i,s:i,s:n,s:n,s:O,s:i,s:n,s:d,s:O,s:n}",
                      "ext", ext, "req", req, "buf", buf, "bufsize", (Py_ssize_t)bsize,
                      "fixed", (Py_ssize_t)fixed[0], "view", view, "ndim", ndim,
                      "shape0", (Py_ssize_t)shape[0], "total", total, "types", types,
                      "bcsize", (Py_ssize_t)((PyArrayIterObject *)bc)->size);
fail:
    Py_XDECREF(view);
    Py_XDECREF(types);
    Py_XDECREF(bc);
    NpyIter_Deallocate(it);
    return r;
}

/* goto_index(a, i): the multi-index after NpyIter_GotoIndex (C index) */
static PyObject *
t_goto_index(PyObject *self, PyObject *args)
{
    PyObject *a, *t;
    Py_ssize_t i;
    int k, nd;
    npy_intp mi[NPY_MAXDIMS];
    NpyIter *it;
    (void)self;
    if (!PyArg_ParseTuple(args, "On", &a, &i)) {
        return NULL;
    }
    it = NpyIter_New((PyArrayObject *)a, NPY_ITER_MULTI_INDEX | NPY_ITER_F_INDEX,
                     NPY_KEEPORDER, NPY_NO_CASTING, NULL);
    if (it == NULL) {
        return NULL;
    }
    if (!NpyIter_GotoIndex(it, i)) {
        NpyIter_Deallocate(it);
        return NULL;
    }
    nd = NpyIter_GetNDim(it);
    NpyIter_GetGetMultiIndex(it, NULL)(it, mi);
    t = PyTuple_New(nd);
    for (k = 0; k < nd && t; k++) {
        PyTuple_SET_ITEM(t, k, PyLong_FromSsize_t(mi[k]));
    }
    NpyIter_Deallocate(it);
    return t;
}

/* ------------------------------------------------------ ForEachSlice */

/* cumsum along the one kept axis: ops[0] input (double), ops[1] output */
static int
cumsum_slice(char **d, const npy_intp *shape, const npy_intp *strides, void *ctx)
{
    double acc = 0.0;
    npy_intp i;
    (*(npy_intp *)ctx)++;
    for (i = 0; i < shape[0]; i++) {
        acc += *(double *)(d[0] + i * strides[0]);
        *(double *)(d[1] + i * strides[1]) = acc;
    }
    return 0;
}

static int
stop_slice(char **d, const npy_intp *shape, const npy_intp *strides, void *ctx)
{
    (void)d; (void)shape; (void)strides;
    return ++(*(npy_intp *)ctx) == 3 ? 7 : 0;
}

/* cumsum(a, out, axis): returns (result code, number of slices) */
static PyObject *
t_cumsum(PyObject *self, PyObject *args)
{
    PyObject *a, *out;
    int axis, r;
    npy_intp count = 0;
    PyArrayObject *ops[2];
    npy_uint32 fl[2] = {NPY_ITER_READONLY, NPY_ITER_WRITEONLY};
    (void)self;
    if (!PyArg_ParseTuple(args, "OOi", &a, &out, &axis)) {
        return NULL;
    }
    ops[0] = (PyArrayObject *)a;
    ops[1] = (PyArrayObject *)out;
    r = ACIter_ForEachSlice(2, ops, fl, 1, &axis, cumsum_slice, &count);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(in)", r, (Py_ssize_t)count);
}

/* stop_early(a): the walk stops when the callback returns 7 at the 3rd slice */
static PyObject *
t_stop_early(PyObject *self, PyObject *a)
{
    npy_intp count = 0;
    int r;
    PyArrayObject *ops[1];
    (void)self;
    ops[0] = (PyArrayObject *)a;
    r = ACIter_ForEachSlice(1, ops, NULL, 0, NULL, stop_slice, &count);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(in)", r, (Py_ssize_t)count);
}

/* a slow callback: `spins` dependent multiply-adds per slice (no GIL) */
static int
spin_slice(char **d, const npy_intp *shape, const npy_intp *strides, void *ctx)
{
    npy_intp *st = (npy_intp *)ctx;      /* st[0] spins, st[1] slices seen */
    volatile double acc = *(double *)d[0];
    npy_intp i;
    (void)shape; (void)strides;
    for (i = 0; i < st[0]; i++) {
        acc = acc * 0.999999 + 1e-9;
    }
    st[1]++;
    return 0;
}

/* long_slices(a, spins): every 0-d slice of a through spin_slice; returns
 * (result code, slices seen), or raises (KeyboardInterrupt on Ctrl-C) */
static PyObject *
t_long_slices(PyObject *self, PyObject *args)
{
    PyObject *a;
    Py_ssize_t spins;
    npy_intp st[2];
    PyArrayObject *ops[1];
    int r;
    (void)self;
    if (!PyArg_ParseTuple(args, "On", &a, &spins)) {
        return NULL;
    }
    st[0] = spins;
    st[1] = 0;
    ops[0] = (PyArrayObject *)a;
    r = ACIter_ForEachSlice(1, ops, NULL, 0, NULL, spin_slice, st);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(in)", r, (Py_ssize_t)st[1]);
}

/* --------------------------------------------------------- bad calls */

#define EXPECT_ERR(expr, exc)                                              \
    do {                                                                   \
        if (!(expr)) {                                                     \
            PyErr_Format(PyExc_AssertionError, "no error from: %s", #expr); \
            return NULL;                                                   \
        }                                                                  \
        if (!PyErr_ExceptionMatches(exc)) {                                \
            return NULL; /* the unexpected exception propagates */         \
        }                                                                  \
        PyErr_Clear();                                                     \
    } while (0)

static PyObject *
t_bad_calls(PyObject *self, PyObject *arr)
{
    npy_intp i0 = 0, i1 = 0, shape[1] = {4};
    npy_uint32 fl[1] = {NPY_ITER_READONLY};
    npy_uint32 badfl[1] = {NPY_ITER_ALIGNED};
    PyArrayObject *ops[1];
    char *msg = NULL;
    NpyIter *it;
    int zero = 0;
    (void)self;
    ops[0] = (PyArrayObject *)arr;
    EXPECT_ERR(PyArray_IterNew(NULL) == NULL, PyExc_TypeError);
    EXPECT_ERR(PyArray_MultiIterNew(0) == NULL, PyExc_ValueError);
    EXPECT_ERR(PyArray_BroadcastToShape(arr, shape, 1) == NULL, PyExc_ValueError);
    EXPECT_ERR(PyArray_NeighborhoodIterNew(NULL, shape, 0, NULL) == NULL, PyExc_TypeError);
    EXPECT_ERR(PyArray_NeighborhoodIterNew((PyArrayIterObject *)arr, shape, 0, NULL) == NULL,
               PyExc_TypeError);
    EXPECT_ERR(NpyIter_New(NULL, 0, NPY_KEEPORDER, NPY_NO_CASTING, NULL) == NULL,
               PyExc_TypeError);
    EXPECT_ERR(NpyIter_MultiNew(1, ops, 0, NPY_KEEPORDER, NPY_NO_CASTING, badfl, NULL) == NULL,
               PyExc_ValueError);
    EXPECT_ERR(NpyIter_MultiNew(0, ops, 0, NPY_KEEPORDER, NPY_NO_CASTING, fl, NULL) == NULL,
               PyExc_ValueError);
    EXPECT_ERR(NpyIter_MultiNew(1, NULL, 0, NPY_KEEPORDER, NPY_NO_CASTING, fl, NULL) == NULL,
               PyExc_TypeError);
    EXPECT_ERR(NpyIter_MultiNew(1, ops, NPY_ITER_READONLY, NPY_KEEPORDER, NPY_NO_CASTING, fl,
                                NULL) == NULL, PyExc_ValueError);
    EXPECT_ERR(NpyIter_MultiNew(1, ops, 0, NPY_KEEPORDER, (NPY_CASTING)17, fl, NULL) == NULL,
               PyExc_ValueError);
    EXPECT_ERR(NpyIter_GetIterNext(NULL, NULL) == NULL, PyExc_TypeError);
    EXPECT_ERR(NpyIter_GetDataPtrArray(NULL) == NULL, PyExc_TypeError);
    EXPECT_ERR(NpyIter_GetIterSize(NULL) == -1, PyExc_TypeError);
    EXPECT_ERR(!NpyIter_Reset(NULL, NULL), PyExc_TypeError);
    EXPECT_ERR(ACIter_HasIndex(NULL) == 0, PyExc_TypeError);
    EXPECT_ERR(ACIter_ForEachSlice(1, ops, NULL, 1, NULL, stop_slice, &i0) == -1,
               PyExc_ValueError);
    EXPECT_ERR(ACIter_ForEachSlice(1, ops, NULL, 0, NULL, NULL, &i0) == -1, PyExc_TypeError);
    /* NULL is accepted by Deallocate */
    if (!NpyIter_Deallocate(NULL)) {
        return NULL;
    }
    /* an iterator, misused */
    it = NpyIter_New(ops[0], 0, NPY_KEEPORDER, NPY_NO_CASTING, NULL);
    if (it == NULL) {
        return NULL;
    }
    EXPECT_ERR(NpyIter_GetGetMultiIndex(it, NULL) == NULL, PyExc_ValueError);
    EXPECT_ERR(NpyIter_GetIndexPtr(it) == NULL, PyExc_ValueError);
    EXPECT_ERR(!NpyIter_GotoMultiIndex(it, shape), PyExc_ValueError);
    EXPECT_ERR(!NpyIter_GotoIterIndex(it, 1000), PyExc_IndexError);
    EXPECT_ERR(!NpyIter_RemoveAxis(it, 0), PyExc_RuntimeError);
    EXPECT_ERR(!NpyIter_ResetToIterIndexRange(it, 0, 1, NULL), PyExc_ValueError);
    /* with an errmsg pointer: a message and no exception */
    if (NpyIter_ResetToIterIndexRange(it, 0, 1, &msg) || msg == NULL || PyErr_Occurred()) {
        NpyIter_Deallocate(it);
        PyErr_SetString(PyExc_AssertionError, "errmsg convention not followed");
        return NULL;
    }
    (void)i1;
    (void)zero;
    NpyIter_Deallocate(it);
    return PyUnicode_FromString(msg);
}

/* readonly_write(a): writing to a read-only operand is refused */
static PyObject *
t_readonly_write(PyObject *self, PyObject *a)
{
    PyArrayObject *ops[1];
    npy_uint32 fl[1] = {NPY_ITER_READWRITE};
    NpyIter *it;
    (void)self;
    ops[0] = (PyArrayObject *)a;
    it = NpyIter_MultiNew(1, ops, 0, NPY_KEEPORDER, NPY_NO_CASTING, fl, NULL);
    if (it != NULL) {
        NpyIter_Deallocate(it);
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyMethodDef methods[] = {
    {"flat_bytes", t_flat_bytes, METH_O, NULL},
    {"flat_goto", t_flat_goto, METH_VARARGS, NULL},
    {"all_but_axis", t_all_but_axis, METH_VARARGS, NULL},
    {"multi_bytes", t_multi_bytes, METH_VARARGS, NULL},
    {"neighborhood", t_neighborhood, METH_VARARGS, NULL},
    {"nditer_sum", t_nditer_sum, METH_VARARGS, NULL},
    {"nditer_add", t_nditer_add, METH_VARARGS, NULL},
    {"nditer_multi_index", t_nditer_multi_index, METH_VARARGS, NULL},
    {"nditer_ranged", t_nditer_ranged, METH_VARARGS, NULL},
    {"cumsum", t_cumsum, METH_VARARGS, NULL},
    {"misc", t_misc, METH_VARARGS, NULL},
    {"goto_index", t_goto_index, METH_VARARGS, NULL},
    {"stop_early", t_stop_early, METH_O, NULL},
    {"long_slices", t_long_slices, METH_VARARGS, NULL},
    {"bad_calls", t_bad_calls, METH_O, NULL},
    {"readonly_write", t_readonly_write, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "iter_testmod", NULL, -1, methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_iter_testmod(void)
{
    import_array();
    return PyModule_Create(&moduledef);
}
