/*
 * matmul_testmod.c -- a test extension over the internal kernels of
 * arraycore/src/ac_matmul.c (compiled into it, with src/ac_cpu.c, by
 * tests/test_matmul_kernel.py).  Operands are passed as raw addresses plus
 * byte strides: the Python side keeps the NumPy arrays alive.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "ac_matmul.h"
#include "ac_cpu.h"

/* matmul(tidx, n, k, m, A, a_rs, a_cs, B, b_rs, b_cs, C, c_rs, c_cs) -> int */
static PyObject *matmul(PyObject *self, PyObject *args)
{
    int tidx;
    Py_ssize_t n, k, m, ars, acs, brs, bcs, crs, ccs;
    PyObject *pa, *pb, *pc;
    if (!PyArg_ParseTuple(args, "innnOnnOnnOnn", &tidx, &n, &k, &m, &pa, &ars, &acs,
                          &pb, &brs, &bcs, &pc, &crs, &ccs))
        return NULL;
    char *a = PyLong_AsVoidPtr(pa), *b = PyLong_AsVoidPtr(pb), *c = PyLong_AsVoidPtr(pc);
    if (PyErr_Occurred())
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = ac_matmul(tidx, n, k, m, a, ars, acs, b, brs, bcs, c, crs, ccs);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(r);
}

/* vecdot(tidx, n, x, xs, y, ys, out) */
static PyObject *vecdot(PyObject *self, PyObject *args)
{
    int tidx;
    Py_ssize_t n, xs, ys;
    PyObject *px, *py, *po;
    if (!PyArg_ParseTuple(args, "inOnOnO", &tidx, &n, &px, &xs, &py, &ys, &po))
        return NULL;
    char *x = PyLong_AsVoidPtr(px), *y = PyLong_AsVoidPtr(py), *o = PyLong_AsVoidPtr(po);
    if (PyErr_Occurred())
        return NULL;
    ac_vecdot(tidx, n, x, xs, y, ys, o);
    Py_RETURN_NONE;
}

static PyObject *level(PyObject *self, PyObject *args)
{
    return PyUnicode_FromString(ac_cpu_level_name(ac_cpu_level()));
}

static PyMethodDef methods[] = {
    {"matmul", matmul, METH_VARARGS, "ac_matmul on raw addresses"},
    {"vecdot", vecdot, METH_VARARGS, "ac_vecdot on raw addresses"},
    {"level", level, METH_NOARGS, "the dispatch level in use"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "matmul_testmod", NULL, -1, methods};

PyMODINIT_FUNC PyInit_matmul_testmod(void) { return PyModule_Create(&moddef); }
