/*
 * arraycore/aciter_api.h -- iterator helpers built on the C-API table:
 * ACArray_MultiIterNew(n, ...) (variadic, calls ACArray_MultiIterFromObjects).
 * Part of the public C-API: include <arraycore/arraycore.h>.
 */
#ifndef ARRAYCORE_ACITER_API_H
#define ARRAYCORE_ACITER_API_H

#include <stdarg.h>
#include "arraycore/arraycore.h"

#ifdef __cplusplus
extern "C" {
#endif

#if AC_TARGET_VERSION >= 0x00000002
/* A broadcasting multi-iterator over n (1 .. AC_MAXARGS) objects given as
   PyObject * arguments (new reference; NULL with an exception set). */
static inline PyObject *
ACArray_MultiIterNew(int n, ...)
{
    PyObject *objs[AC_MAXARGS];
    va_list va;
    int i;
    if (n < 1 || n > AC_MAXARGS) {
        PyErr_Format(PyExc_ValueError,
                     "ACArray_MultiIterNew: need at least 1 and at most %d objects, got %d",
                     AC_MAXARGS, n);
        return NULL;
    }
    va_start(va, n);
    for (i = 0; i < n; i++) {
        objs[i] = va_arg(va, PyObject *);
    }
    va_end(va);
    return ACArray_MultiIterFromObjects(objs, n);
}
#endif

#ifdef __cplusplus
}
#endif
#endif /* ARRAYCORE_ACITER_API_H */
