/*
 * ac_ufunc_run.c -- ufunc inner loops on the one loop driver (ac_drive:
 * dimensions simplified with the key operand's strides first, chunked runs,
 * Ctrl-C polling), and the floating-point status read after each run.
 */
#include <string.h>
#include "ac_umath.h"

/* the driver's inner function over a ufunc loop */
typedef struct {
    ACUFuncGenericFunction loop;
    void *data;
} run_ctx;

static int run_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    run_ctx *ctx = (run_ctx *)vctx;
    ctx->loop(ptrs, &count, strides, ctx->data);
    return 0;
}

int ac_ufunc_run(int ndim, const ac_intp *shape, int nop, char **ptrs,
                 const ac_intp *strides, int key_op,
                 ACUFuncGenericFunction loop, void *data)
{
    run_ctx ctx;
    int r;
    if (nop > AC_UFUNC_MAXARGS || nop < 1) {
        return -1;
    }
    ctx.loop = loop;
    ctx.data = data;
    r = ac_drive(ndim, shape, nop, ptrs, strides, key_op, AC_DRIVE_SIMPLIFY, 0,
                 run_inner, &ctx);
    if (r == AC_DRIVE_INTERRUPTED) {
        return 1;
    }
    return r == AC_DRIVE_BADARGS ? -1 : 0;
}
