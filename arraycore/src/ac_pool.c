/*
 * ac_pool.c -- THE process-wide pool of worker threads (see ac_pool.h):
 * lazily started pthreads that claim the pieces of one job at a time from an
 * atomic counter, with the caller taking part; the size from the
 * environment or ac_pool_set_threads; floating-point flags and loop errors
 * handed back to the caller; reset in a fork()ed child.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* (as Python's pyconfig.h defines it, when that comes first) */
#endif
#include <errno.h>
#include <fenv.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ac_pool.h"
#include "ac_driver.h"
#include "arraycore/acmath.h"

/* ------------------------------------------------------------ the state */
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_cv = PTHREAD_COND_INITIALIZER;   /* a job was posted */
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;   /* a worker left a job */

static atomic_int pool_size = 0;        /* 0: not read from the environment yet */
static atomic_int busy = 0;             /* a job is running (one at a time) */
static int nstarted = 0;                /* workers started (under mtx) */
static int atfork_done = 0;

/* the current job (fields under mtx, counters atomic) */
static unsigned long job_gen = 0;
static int job_open = 0;                /* workers may still join */
static int job_limit = 0;               /* workers 0 .. job_limit - 1 may join */
static int job_active = 0;              /* workers inside the job */
static int job_joined = 0;              /* workers that joined it */
static ac_pool_fn job_fn;
static void *job_ctx;
static ac_intp job_n;
static fenv_t job_env;
static int job_sigign;
static atomic_long job_next;
static atomic_int job_fpe;
static atomic_int job_err;

static _Thread_local int in_piece = 0;
static unsigned long start_gen[AC_POOL_MAX];   /* job_gen when worker k started */
static atomic_long worker_pieces = 0;          /* pieces run by workers (tests) */

/* ---------------------------------------------------- the size to use */
/* a whole number >= 1 (OMP_NUM_THREADS may list one per nesting level:
 * "4,2" gives 4); -1 for anything else */
static int parse_count(const char *s)
{
    long v = 0;
    int digits = 0;
    if (s == NULL) {
        return -1;
    }
    while (*s == ' ' || *s == '\t') s++;
    while (*s >= '0' && *s <= '9') {
        if (v < 1000000) v = v * 10 + (*s - '0');
        s++;
        digits++;
    }
    while (*s == ' ' || *s == '\t') s++;
    if (digits == 0 || (*s != '\0' && *s != ',') || v < 1) {
        return -1;
    }
    return v > AC_POOL_MAX ? AC_POOL_MAX : (int)v;
}

static int cpus_available(void)
{
    int n = 0;
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        n = CPU_COUNT(&set);
    }
#endif
    if (n < 1) {
        long v = sysconf(_SC_NPROCESSORS_ONLN);
        n = v > 0 ? (int)v : 1;
    }
    return n > AC_POOL_MAX ? AC_POOL_MAX : n;
}

int ac_pool_default_threads(void)
{
    int n = parse_count(getenv("ARRAYCORE_NUM_THREADS"));
    if (n < 1) {
        n = parse_count(getenv("OMP_NUM_THREADS"));
    }
    return n >= 1 ? n : cpus_available();
}

int ac_pool_get_threads(void)
{
    int n = atomic_load(&pool_size);
    if (n == 0) {
        int want = ac_pool_default_threads(), expected = 0;
        atomic_compare_exchange_strong(&pool_size, &expected, want);
        n = atomic_load(&pool_size);
    }
    return n;
}

int ac_pool_set_threads(int n)
{
    int old = ac_pool_get_threads();
    if (n < 1) n = 1;
    if (n > AC_POOL_MAX) n = AC_POOL_MAX;
    atomic_store(&pool_size, n);
    return old;
}

int ac_pool_started(void)
{
    int n;
    pthread_mutex_lock(&mtx);
    n = nstarted;
    pthread_mutex_unlock(&mtx);
    return n;
}

ac_intp ac_pool_worker_pieces(void)
{
    return (ac_intp)atomic_load(&worker_pieces);
}

int ac_pool_in_piece(void)
{
    return in_piece;
}

/* ------------------------------------------------------------- fork() */
static void atfork_prepare(void) { pthread_mutex_lock(&mtx); }
static void atfork_parent(void) { pthread_mutex_unlock(&mtx); }
static void atfork_child(void)
{
    /* the workers do not exist here: start from nothing (they are made
     * again on the first job); the size setting is kept */
    pthread_mutex_init(&mtx, NULL);
    pthread_cond_init(&wake_cv, NULL);
    pthread_cond_init(&done_cv, NULL);
    nstarted = 0;
    job_open = 0;
    job_active = 0;
    job_joined = 0;
    job_limit = 0;
    atomic_store(&busy, 0);
}

/* ------------------------------------------------------------ the work */
static ac_intp run_pieces(ac_intp n, ac_pool_fn fn, void *ctx)
{
    ac_intp done = 0;
    for (;;) {
        ac_intp i = (ac_intp)atomic_fetch_add(&job_next, 1);
        if (i >= n) {
            break;
        }
        fn(ctx, i);
        done++;
    }
    return done;
}

static void *worker_main(void *arg)
{
    int id = (int)(ac_intp)arg;
    unsigned long seen;
    pthread_mutex_lock(&mtx);
    seen = start_gen[id];     /* the job it was started for is still to come */
    for (;;) {
        ac_pool_fn fn;
        void *ctx;
        ac_intp n;
        int fl, err, old_ign;
        while (!(job_open && job_gen != seen && id < job_limit)) {
            if (job_gen != seen && !(job_open && id < job_limit)) {
                seen = job_gen;   /* a job this worker sits out (or missed) */
            }
            pthread_cond_wait(&wake_cv, &mtx);
        }
        seen = job_gen;
        job_active++;
        job_joined++;
        fn = job_fn;
        ctx = job_ctx;
        n = job_n;
        fesetenv(&job_env);       /* the caller's rounding and FTZ/DAZ modes */
        old_ign = ac_sigint_ignore;
        ac_sigint_ignore = job_sigign;
        pthread_mutex_unlock(&mtx);

        ac_clear_floatstatus();
        ac_loop_error = 0;
        in_piece = 1;
        atomic_fetch_add(&worker_pieces, (long)run_pieces(n, fn, ctx));
        in_piece = 0;
        fl = ac_clear_floatstatus();
        if (fl) {
            atomic_fetch_or(&job_fpe, fl);
        }
        err = ac_loop_error;
        if (err) {
            int zero = 0;
            atomic_compare_exchange_strong(&job_err, &zero, err);
            ac_loop_error = 0;
        }
        ac_sigint_ignore = old_ign;

        pthread_mutex_lock(&mtx);
        if (--job_active == 0) {
            pthread_cond_signal(&done_cv);
        }
    }
    return NULL;
}

/* start workers until `want` exist (under mtx); returns how many exist */
static int start_workers(int want)
{
    if (!atfork_done) {
        if (pthread_atfork(atfork_prepare, atfork_parent, atfork_child) != 0) {
            return nstarted;    /* no fork safety: stay single-threaded */
        }
        atfork_done = 1;
    }
    /* workers block every signal (they inherit the creator's mask): signals
     * such as SIGINT keep going to the application's own threads */
    sigset_t all, old;
    int masked;
    sigfillset(&all);
    masked = pthread_sigmask(SIG_BLOCK, &all, &old) == 0;
    while (nstarted < want) {
        pthread_t th;
        pthread_attr_t attr;
        int ok;
        if (pthread_attr_init(&attr) != 0) {
            break;
        }
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        start_gen[nstarted] = job_gen;
        ok = pthread_create(&th, &attr, worker_main, (void *)(ac_intp)nstarted) == 0;
        pthread_attr_destroy(&attr);
        if (!ok) {
            break;
        }
        nstarted++;
    }
    if (masked) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    return nstarted;
}

static int run_inline(ac_intp npieces, ac_pool_fn fn, void *ctx)
{
    int was = in_piece;
    in_piece = 1;
    for (ac_intp i = 0; i < npieces; i++) {
        fn(ctx, i);
    }
    in_piece = was;
    return 1;
}

int ac_pool_run(ac_intp npieces, ac_pool_fn fn, void *ctx)
{
    int size, want, zero = 0, fl, err, joined;
    if (npieces <= 0) {
        return 1;
    }
    size = ac_pool_get_threads();
    if (npieces == 1 || size <= 1 || in_piece ||
            !atomic_compare_exchange_strong(&busy, &zero, 1)) {
        return run_inline(npieces, fn, ctx);
    }
    want = size - 1;
    if (want > npieces - 1) {
        want = (int)(npieces - 1);
    }
    pthread_mutex_lock(&mtx);
    want = start_workers(want) < want ? nstarted : want;
    if (want < 1) {
        pthread_mutex_unlock(&mtx);
        atomic_store(&busy, 0);
        return run_inline(npieces, fn, ctx);
    }
    job_fn = fn;
    job_ctx = ctx;
    job_n = npieces;
    fegetenv(&job_env);
    job_sigign = ac_sigint_ignore;
    atomic_store(&job_next, 0);
    atomic_store(&job_fpe, 0);
    atomic_store(&job_err, 0);
    job_limit = want;
    job_joined = 0;
    job_gen++;
    job_open = 1;
    pthread_cond_broadcast(&wake_cv);
    pthread_mutex_unlock(&mtx);

    in_piece = 1;
    run_pieces(npieces, fn, ctx);
    in_piece = 0;

    /* every piece is claimed: close the job and wait for the workers that
     * joined it (one that is still asleep never joins) */
    pthread_mutex_lock(&mtx);
    job_open = 0;
    while (job_active > 0) {
        pthread_cond_wait(&done_cv, &mtx);
    }
    joined = job_joined;
    pthread_mutex_unlock(&mtx);

    fl = atomic_load(&job_fpe);
    err = atomic_load(&job_err);
    atomic_store(&busy, 0);
    if (fl & AC_FPE_DIVIDEBYZERO) ac_set_floatstatus_divbyzero();
    if (fl & AC_FPE_OVERFLOW) ac_set_floatstatus_overflow();
    if (fl & AC_FPE_UNDERFLOW) ac_set_floatstatus_underflow();
    if (fl & AC_FPE_INVALID) ac_set_floatstatus_invalid();
    if (err && !ac_loop_error) {
        ac_loop_error = err;
    }
    return 1 + joined;
}
