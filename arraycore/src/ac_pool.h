/*
 * ac_pool.h -- THE process-wide pool of worker threads (issue 15, "the
 * second core"): one home for every kernel that splits its work over
 * threads.  Plain C (pthreads), no Python objects; call it without the GIL.
 *
 * - Lazy: no thread exists until the first ac_pool_run that has more than one
 *   piece of work and a size above one; a process that never gets there
 *   starts none.
 * - Size: ARRAYCORE_NUM_THREADS, else OMP_NUM_THREADS (its first entry), else
 *   the CPUs the process may run on (sched_getaffinity); a value that is not
 *   a whole number >= 1 is ignored (the next source applies); at most
 *   AC_POOL_MAX.  ac_pool_set_threads changes it at run time.
 * - The caller takes part: it claims pieces like the workers do (an atomic
 *   counter), so a busy worker never holds the job back for long.
 * - Nested or concurrent use runs inline: a piece that calls ac_pool_run
 *   again, or a second thread arriving while the pool runs a job, runs its
 *   pieces itself, in order.  Never a deadlock.
 * - Thread state comes back to the caller: each worker clears its
 *   floating-point status before its pieces, and the flags it raised are
 *   raised again in the caller's thread after the job (so errstate sees
 *   exactly what one thread would have raised); the first ac_loop_error a
 *   worker sets becomes the caller's; workers ignore Ctrl-C when the caller
 *   does (ac_sigint_ignore).
 * - Workers block every signal, so SIGINT & co. reach the application's
 *   threads; a long job stops early when a piece sees ac_sigint_flag.
 * - fork(): the child starts with no workers (pthread_atfork); the pool is
 *   made again on its first use there.
 */
#ifndef ARRAYCORE_AC_POOL_H
#define ARRAYCORE_AC_POOL_H

#include "arraycore/actypes.h"
#include "ac_export.h"

#define AC_POOL_MAX 256

/* one piece of a job: `piece` in [0, npieces) */
typedef void (*ac_pool_fn)(void *ctx, ac_intp piece);

/* Run fn(ctx, 0) ... fn(ctx, npieces - 1), each exactly once, on up to
 * ac_pool_get_threads() threads (the caller one of them).  Which thread runs
 * a piece is not fixed, so a piece's result must depend on its index only.
 * Returns the number of threads that took part (1: it ran inline). */
AC_EXPORT int ac_pool_run(ac_intp npieces, ac_pool_fn fn, void *ctx);

/* The pool's size (threads a job may use, the caller included; >= 1). */
AC_EXPORT int ac_pool_get_threads(void);
/* Set the size (clamped to 1 .. AC_POOL_MAX); returns the previous one.
 * Workers beyond it stay asleep; new ones start on the next job. */
AC_EXPORT int ac_pool_set_threads(int n);
/* The size the environment asks for (ARRAYCORE_NUM_THREADS, OMP_NUM_THREADS,
 * the CPUs available), as at start-up. */
AC_EXPORT int ac_pool_default_threads(void);
/* Worker threads started so far (0 until the first parallel job). */
AC_EXPORT int ac_pool_started(void);
/* Pieces the workers (not the callers) have run so far (for tests). */
AC_EXPORT ac_intp ac_pool_worker_pieces(void);
/* Non-zero inside a piece (a worker's or the caller's): nested work inline. */
AC_EXPORT int ac_pool_in_piece(void);

#endif
