/*
 * ac_driver.c -- THE N-d strided loop driver (see ac_driver.h): dimension
 * simplification (drop length-1 dims, sort by strides, coalesce), the
 * odometer over the outer dimensions, chunked inner runs with Ctrl-C and
 * loop-error polling between them; and the home of the SIGINT flag with the
 * handler that sets it.  No Python objects; ac_sigint_off hands a caught
 * SIGINT to Python with the async-signal-safe PyErr_SetInterrupt.
 */
#include <Python.h>
#include <string.h>
#include "ac_driver.h"

volatile sig_atomic_t ac_sigint_flag = 0;
_Thread_local int ac_loop_error = 0;
_Thread_local int ac_sigint_ignore = 0;

void ac_sigint_ignore_in_thread(int delta)
{
    ac_sigint_ignore += delta;
}

int ac_sigint_seen(void)
{
    return AC_SIGINT_SEEN();
}

/* ------------------------------------------------------------- SIGINT */
/* The handler only sets the flag while some caller is between ac_sigint_on
 * and ac_sigint_off.  Outside that it hands the signal to Python itself
 * (PyErr_SetInterrupt is async-signal-safe): when another library replaced
 * our handler while a kernel ran, ac_sigint_off leaves that one in place, so
 * ours may come back later without a caller, and must not swallow Ctrl-C. */
typedef void (*ac_sighandler)(int);
static volatile sig_atomic_t sigint_depth = 0;
static ac_sighandler sigint_old = NULL;

static void sigint_handler(int sig)
{
    (void)sig;
    if (sigint_depth > 0) {
        ac_sigint_flag = 1;
    }
    else {
        PyErr_SetInterrupt();
    }
}

int ac_sigint_on(void)
{
    if (sigint_depth == 0) {
        ac_sighandler old;
        ac_sigint_flag = 0;
        old = signal(SIGINT, sigint_handler);
        if (old == SIG_ERR) {
            return -1;
        }
        if (old != sigint_handler) {   /* not our own, left behind (above) */
            sigint_old = old;
        }
    }
    sigint_depth++;
    return 0;
}

int ac_sigint_off(void)
{
    int hit = ac_sigint_flag != 0;
    struct sigaction cur;
    if (sigint_depth == 0) {
        return 0;
    }
    if (--sigint_depth == 0) {
        /* put the previous handler back unless another one replaced ours
         * meanwhile (that one restores ours later, which then forwards) */
        if (sigaction(SIGINT, NULL, &cur) == 0 && !(cur.sa_flags & SA_SIGINFO) &&
                cur.sa_handler == sigint_handler) {
            signal(SIGINT, sigint_old);
        }
        ac_sigint_flag = 0;
        if (hit) {
            PyErr_SetInterrupt();
        }
    }
    return hit;
}

/* ------------------------------------------------------ simplification */
static inline ac_intp ac_abs(ac_intp x) { return x < 0 ? -x : x; }

int ac_drive_simplify(int ndim, ac_intp *shape, int nop, ac_intp *strides,
                      int key_op, int flags)
{
    int order[AC_DRIVE_MAXOPS];
    int i, j, k, op, out;
    if (!(flags & AC_DRIVE_SIMPLIFY)) {
        return ndim;
    }
    /* drop length-1 dimensions (they move no pointer) */
    if (flags & AC_DRIVE_COALESCE) {
        out = 0;
        for (i = 0; i < ndim; i++) {
            if (shape[i] == 1) {
                continue;
            }
            shape[out] = shape[i];
            for (op = 0; op < nop; op++) {
                strides[op * AC_MAXDIMS + out] = strides[op * AC_MAXDIMS + i];
            }
            out++;
        }
        ndim = out;
    }
    if (flags & AC_DRIVE_SORT) {
        /* stable insertion sort: largest |stride| outermost, compared on
         * operand key_op first, then the others in order */
        order[0] = key_op;
        for (op = 0, k = 1; op < nop; op++) {
            if (op != key_op) {
                order[k++] = op;
            }
        }
        for (i = 1; i < ndim; i++) {
            for (j = i; j > 0; j--) {
                int swap = 0;
                for (k = 0; k < nop; k++) {
                    const ac_intp *s = strides + order[k] * AC_MAXDIMS;
                    ac_intp a = ac_abs(s[j - 1]), b = ac_abs(s[j]);
                    if (a != b) {
                        swap = a < b;
                        break;
                    }
                }
                if (!swap) {
                    break;
                }
                {
                    ac_intp t = shape[j]; shape[j] = shape[j - 1]; shape[j - 1] = t;
                }
                for (op = 0; op < nop; op++) {
                    ac_intp *s = strides + op * AC_MAXDIMS;
                    ac_intp t = s[j]; s[j] = s[j - 1]; s[j - 1] = t;
                }
            }
        }
    }
    /* coalesce: dims out and i merge when every operand has
     * stride[out] == shape[i] * stride[i] */
    if ((flags & AC_DRIVE_COALESCE) && ndim > 1) {
        out = 0;
        for (i = 1; i < ndim; i++) {
            int ok = 1;
            for (op = 0; op < nop; op++) {
                const ac_intp *s = strides + op * AC_MAXDIMS;
                if (s[out] != shape[i] * s[i]) {
                    ok = 0;
                    break;
                }
            }
            if (ok) {
                shape[out] *= shape[i];
            }
            else {
                out++;
                shape[out] = shape[i];
            }
            for (op = 0; op < nop; op++) {
                strides[op * AC_MAXDIMS + out] = strides[op * AC_MAXDIMS + i];
            }
        }
        ndim = out + 1;
    }
    return ndim;
}

/* ------------------------------------------------------------- the walk */
int ac_drive(int ndim, const ac_intp *shape, int nop, char *const *ptrs,
             const ac_intp *strides, int key_op, int flags, ac_intp chunk,
             ac_inner_loop_fn inner, void *ctx)
{
    ac_intp sh[AC_MAXDIMS], idx[AC_MAXDIMS];
    ac_intp st[AC_DRIVE_MAXOPS * AC_MAXDIMS];
    ac_intp in_st[AC_DRIVE_MAXOPS];
    char *p[AC_DRIVE_MAXOPS], *q[AC_DRIVE_MAXOPS];
    ac_intp count;
    int op, d, nd, r, started = 0;

    if (nop < 1 || nop > AC_DRIVE_MAXOPS || ndim < 0 || ndim > AC_MAXDIMS ||
            key_op < 0 || key_op >= nop) {
        return AC_DRIVE_BADARGS;
    }
    for (d = 0; d < ndim; d++) {
        if (shape[d] == 0) {
            return 0;
        }
        sh[d] = shape[d];
    }
    for (op = 0; op < nop; op++) {
        memcpy(st + op * AC_MAXDIMS, strides + op * AC_MAXDIMS, sizeof(ac_intp) * (size_t)ndim);
    }
    nd = ac_drive_simplify(ndim, sh, nop, st, key_op, flags);
    ac_loop_error = 0;
    if (chunk <= 0) {
        chunk = AC_DRIVE_CHUNK;
    }
    count = nd > 0 ? sh[nd - 1] : 1;
    for (op = 0; op < nop; op++) {
        p[op] = ptrs[op];
        in_st[op] = nd > 0 ? st[op * AC_MAXDIMS + nd - 1] : 0;
    }
    if (nd > 1) {
        memset(idx, 0, sizeof(ac_intp) * (size_t)(nd - 1));
    }
    for (;;) {
        /* one run of the innermost dimension, in chunks; the flags are
         * polled between two calls (never after the last one) */
        ac_intp done = 0;
        while (done < count) {
            ac_intp n = count - done < chunk ? count - done : chunk;
            if (started) {
                if (ac_loop_error) {
                    return ac_loop_error;
                }
                if (AC_SIGINT_SEEN()) {
                    return AC_DRIVE_INTERRUPTED;
                }
            }
            started = 1;
            for (op = 0; op < nop; op++) {
                q[op] = p[op] + done * in_st[op];
            }
            r = inner(q, n, in_st, ctx);
            if (r) {
                return r;
            }
            done += n;
        }
        /* advance the odometer over dims nd-2 .. 0 */
        d = nd - 2;
        for (;;) {
            if (d < 0) {
                return ac_loop_error;
            }
            if (++idx[d] < sh[d]) {
                for (op = 0; op < nop; op++) {
                    p[op] += st[op * AC_MAXDIMS + d];
                }
                break;
            }
            for (op = 0; op < nop; op++) {
                p[op] -= st[op * AC_MAXDIMS + d] * (sh[d] - 1);
            }
            idx[d] = 0;
            d--;
        }
    }
}
