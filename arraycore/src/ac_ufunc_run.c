/*
 * ac_ufunc_run.c -- the N-d runner of ufunc inner loops (see ac_umath.h):
 * dimension simplification through ac_simplify_dims, then the outer
 * dimensions walked with an odometer, handing 1-d runs to the loop.
 */
#include <string.h>
#include "ac_umath.h"

volatile sig_atomic_t ac_sigint_flag = 0;
_Thread_local int ac_loop_error = 0;

#define AC_RUN_CHUNK ((ac_intp)1 << 21)

int ac_ufunc_run(int ndim, const ac_intp *shape, int nop, char **ptrs,
                 const ac_intp *strides, int key_op,
                 ACUFuncGenericFunction loop, void *data)
{
    ac_intp sh[AC_MAXDIMS], idx[AC_MAXDIMS];
    ac_intp st[AC_UFUNC_MAXARGS * AC_MAXDIMS];
    ac_intp inner[AC_UFUNC_MAXARGS];
    char *p[AC_UFUNC_MAXARGS];
    int perm[AC_UFUNC_MAXARGS];
    int op, d, nd;

    if (nop > AC_UFUNC_MAXARGS || ndim > AC_MAXDIMS || nop < 1) {
        return -1;
    }
    for (d = 0; d < ndim; d++) {
        if (shape[d] == 0) {
            return 0;
        }
        sh[d] = shape[d];
    }
    /* operand key_op first for the sort, the others after in order */
    perm[0] = key_op;
    for (op = 0, d = 1; op < nop; op++) {
        if (op != key_op) perm[d++] = op;
    }
    if (nop <= AC_LOOP_MAXOPS) {
        ac_intp tmp[AC_LOOP_MAXOPS * AC_MAXDIMS];
        for (op = 0; op < nop; op++) {
            memcpy(tmp + op * AC_MAXDIMS, strides + perm[op] * AC_MAXDIMS,
                   sizeof(ac_intp) * ndim);
        }
        nd = ac_simplify_dims(ndim, sh, nop, tmp);
        for (op = 0; op < nop; op++) {
            memcpy(st + perm[op] * AC_MAXDIMS, tmp + op * AC_MAXDIMS, sizeof(ac_intp) * nd);
        }
    }
    else {   /* many operands: keep the dims as they are */
        nd = ndim;
        memcpy(st, strides, sizeof(ac_intp) * AC_MAXDIMS * nop);
    }
    for (op = 0; op < nop; op++) {
        p[op] = ptrs[op];
        inner[op] = nd > 0 ? st[op * AC_MAXDIMS + nd - 1] : 0;
    }
    ac_intp count = nd > 0 ? sh[nd - 1] : 1;
    memset(idx, 0, sizeof(idx));
    for (;;) {
        /* one inner run, in chunks */
        ac_intp done = 0;
        while (done < count) {
            ac_intp n = count - done;
            char *q[AC_UFUNC_MAXARGS];
            if (n > AC_RUN_CHUNK) n = AC_RUN_CHUNK;
            for (op = 0; op < nop; op++) q[op] = p[op] + done * inner[op];
            loop(q, &n, inner, data);
            done += n;
            if (ac_sigint_flag) return 1;
        }
        if (nd <= 1) return 0;
        d = nd - 2;
        for (;;) {
            idx[d]++;
            for (op = 0; op < nop; op++) p[op] += st[op * AC_MAXDIMS + d];
            if (idx[d] < sh[d]) break;
            for (op = 0; op < nop; op++) p[op] -= st[op * AC_MAXDIMS + d] * sh[d];
            idx[d] = 0;
            if (d == 0) return 0;
            d--;
        }
    }
}
