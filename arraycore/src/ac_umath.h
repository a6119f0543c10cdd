/*
 * ac_umath.h -- private declarations of the ufunc engine's C side: the
 * table of built-in ufuncs generated from tools/ufunc_table.py, and the
 * N-d runner that drives an inner loop over broadcast operands.
 */
#ifndef ARRAYCORE_AC_UMATH_H
#define ARRAYCORE_AC_UMATH_H

#include <signal.h>
#include "ac_internal.h"
#include "arraycore/acufunc.h"

typedef struct {
    const char *name;
    int nin, nout, ntypes;
    const char *identity;      /* NULL, "reorderable", or a Python literal */
    const char *doc;
    const char *aliases;       /* comma separated NumPy names, or "" */
    const unsigned char *types;   /* ntypes * (nin + nout) dense indices */
    ACUFuncGenericFunction *funcs;
} ac_ufunc_spec;

extern AC_EXPORT const ac_ufunc_spec ac_builtin_ufuncs[];
extern AC_EXPORT const int ac_n_builtin_ufuncs;

#define AC_UFUNC_MAXARGS 32

/* ac_loop_error and ac_sigint_flag: see ac_driver.h (included by ac_internal.h) */

/* Run `loop` over an N-d space shared by `nop` operands with the driver
 * (ac_drive).  strides are laid out [op * AC_MAXDIMS + d]; dimensions are
 * simplified (length-1 dropped, sorted with operand `key_op`'s strides
 * first, coalesced).  Long inner runs are cut in chunks and ac_sigint_flag
 * is polled between calls.
 * Returns 0, or 1 when interrupted, or -1 for too many operands/dims. */
AC_EXPORT int ac_ufunc_run(int ndim, const ac_intp *shape, int nop, char **ptrs,
                 const ac_intp *strides, int key_op,
                 ACUFuncGenericFunction loop, void *data);

#endif
