/*
 * ac_driver.h -- private: THE N-d strided loop driver every kernel walks its
 * operands with (copies and casts, ufunc and gufunc loops, sorting lanes,
 * ACIter_ForEachSlice), the one SIGINT flag it polls and the thread-local
 * loop error it reports.  Plain C, no Python objects: callers release the
 * GIL around it.
 *
 * The one stride layout: strides[op * AC_MAXDIMS + d] (operand-major, a
 * fixed row of AC_MAXDIMS per operand), dimensions outermost first.
 */
#ifndef ARRAYCORE_AC_DRIVER_H
#define ARRAYCORE_AC_DRIVER_H

#include <signal.h>
#include "arraycore/actypes.h"
#include "ac_export.h"

/* most operands a driven walk takes (AC_MAXARGS of aciter.h) */
#define AC_DRIVE_MAXOPS 64

/* The inner function: `count` steps from ptrs[op], advancing each operand by
 * strides[op] bytes (the innermost dimension's strides).  Returns 0 to go on;
 * any other value stops the walk and is returned by ac_drive. */
typedef int (*ac_inner_loop_fn)(char **ptrs, ac_intp count,
                                const ac_intp *strides, void *ctx);

/* flags of ac_drive / ac_drive_simplify */
#define AC_DRIVE_COALESCE 1   /* drop length-1 dims, merge adjacent dims */
#define AC_DRIVE_SORT     2   /* reorder dims by |stride| (key operand first):
                                 the visiting order changes */
#define AC_DRIVE_SIMPLIFY (AC_DRIVE_COALESCE | AC_DRIVE_SORT)

/* what ac_drive returns besides 0 and the inner function's own values */
#define AC_DRIVE_BADARGS     (-1)   /* too many operands or dimensions */
#define AC_DRIVE_INTERRUPTED (-2)   /* ac_sigint_flag was seen */

/* the default longest inner run between two Ctrl-C polls (elements) */
#define AC_DRIVE_CHUNK ((ac_intp)1 << 21)

/* Set by the SIGINT handler ac_sigint_on installs; polled between chunks. */
extern AC_EXPORT volatile sig_atomic_t ac_sigint_flag;

/* Non-zero in a thread whose loops must not stop on Ctrl-C: Python delivers
 * KeyboardInterrupt to the main thread only, so a loop run by another Python
 * thread ignores the flag (ac_sigint_ignore_in_thread, from _errstate's
 * sigint_on/off).  Poll with AC_SIGINT_SEEN(), not the flag itself. */
extern _Thread_local int ac_sigint_ignore;
AC_EXPORT void ac_sigint_ignore_in_thread(int delta);
AC_EXPORT int ac_sigint_seen(void);
#define AC_SIGINT_SEEN() (ac_sigint_flag && !ac_sigint_ignore)

/* Set (to an errno value, e.g. ENOMEM) by a loop that failed: loops cannot
 * raise.  ac_drive clears it when it starts, stops when it becomes non-zero
 * and returns it; the caller reports it and clears it. */
extern AC_EXPORT _Thread_local int ac_loop_error;

/* Install the polling SIGINT handler (nests; the GIL serializes callers).
 * Returns 0, or -1 when the handler could not be installed (nothing polls). */
AC_EXPORT int ac_sigint_on(void);
/* Undo ac_sigint_on; returns 1 when a SIGINT arrived in between (the caller
 * hands it on to Python: PyErr_SetInterrupt, then KeyboardInterrupt). */
AC_EXPORT int ac_sigint_off(void);

/* Simplify an iteration space in place: shape[ndim] and strides[op *
 * AC_MAXDIMS + d] of `nop` operands, as `flags` asks (AC_DRIVE_COALESCE
 * drops length-1 dims and merges dim d into d+1 where every operand allows
 * it; AC_DRIVE_SORT first orders the dims by decreasing |stride| of operand
 * `key_op`, ties broken by the other operands).  Returns the new ndim. */
int ac_drive_simplify(int ndim, ac_intp *shape, int nop, ac_intp *strides,
                      int key_op, int flags);

/* Walk an N-d space shared by `nop` operands (shape[ndim], strides[op *
 * AC_MAXDIMS + d], read only), simplified as `flags` asks, calling `inner`
 * on runs of the innermost dimension of at most `chunk` steps (<= 0: the
 * default AC_DRIVE_CHUNK) and polling ac_sigint_flag and ac_loop_error
 * after each call.  A zero-size space calls nothing; a 0-d space is one
 * run of one step.  Returns 0 when done, the first non-zero value of inner,
 * the value of ac_loop_error, AC_DRIVE_INTERRUPTED or AC_DRIVE_BADARGS. */
AC_EXPORT int ac_drive(int ndim, const ac_intp *shape, int nop, char *const *ptrs,
             const ac_intp *strides, int key_op, int flags, ac_intp chunk,
             ac_inner_loop_fn inner, void *ctx);

#endif
