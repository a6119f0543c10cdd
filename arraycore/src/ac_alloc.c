/*
 * ac_alloc.c -- the data allocator: 64-byte aligned blocks, visible to
 * tracemalloc under arraycore's own domain, and a small cache of freed large
 * blocks.  Callable without the GIL.
 *
 * The cache: a freed block of at least AC_CACHE_MIN bytes is kept (up to
 * AC_CACHE_SLOTS blocks and ARRAYCORE_ALLOC_CACHE_MB megabytes in all,
 * default 256, 0 turns it off) and handed to the next uncleared request it
 * fits (at most a quarter larger).  A large block that came from mmap is
 * otherwise unmapped by free and the next one page-faults every page
 * again: for a 10M float64 result that is as long as the arithmetic.  Old
 * blocks are freed first when the cache is full.  Off under AddressSanitizer
 * (so it sees every use after free).
 *
 * Small blocks (up to AC_SMALL_MAX bytes) are rounded up to a multiple of 64
 * bytes (their size class) and a freed one is kept on its thread's list for
 * that class (at most AC_SMALL_KEEP per class), to be handed to the next
 * request of the class on that thread: malloc and free cost a small array
 * as much as the rest of its creation.  The lists are thread-local (no lock)
 * and emptied when their thread ends.  Off under AddressSanitizer too.
 */
#include "ac_internal.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define AC_CACHE_ENABLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AC_CACHE_ENABLED 0
#endif
#endif
#ifndef AC_CACHE_ENABLED
#define AC_CACHE_ENABLED 1
#endif

/* Large blocks ask the kernel for transparent huge pages: far fewer page
 * faults when a fresh block is first touched. */
#define AC_HUGEPAGE_MIN (4u << 20)

static void ac_advise_hugepages(char *p, size_t n)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    uintptr_t start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)p + n) & ~(uintptr_t)4095;
    if (end > start) {
        (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
#else
    (void)p; (void)n;
#endif
}

/* ------------------------------------------------------ large-block cache */
#define AC_CACHE_MIN ((size_t)4 << 20)
#define AC_CACHE_SLOTS 8

static struct { char *raw; size_t total; } cache[AC_CACHE_SLOTS];
static int cache_n;
static size_t cache_bytes;
static size_t cache_cap = (size_t)-1;      /* read from the environment once */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_atfork_prepare(void) { pthread_mutex_lock(&cache_lock); }
static void cache_atfork_release(void) { pthread_mutex_unlock(&cache_lock); }

static void cache_init(void)
{
    const char *e = getenv("ARRAYCORE_ALLOC_CACHE_MB");
    long mb = 256;
    if (e != NULL && *e != '\0') {
        char *end;
        long v = strtol(e, &end, 10);
        if (*end == '\0' && v >= 0 && v <= (1L << 20)) {
            mb = v;             /* a bad value keeps the default */
        }
    }
    cache_cap = AC_CACHE_ENABLED ? (size_t)mb << 20 : 0;
    (void)pthread_atfork(cache_atfork_prepare, cache_atfork_release, cache_atfork_release);
}

/* a cached block for `total` bytes (its own size in *got), or NULL */
static char *cache_take(size_t total, size_t *got)
{
    char *raw = NULL;
    int best = -1;
    pthread_mutex_lock(&cache_lock);
    /* the smallest that fits; of equal ones the newest (its pages are the
       likeliest still in cache) */
    for (int i = cache_n - 1; i >= 0; i--) {
        if (cache[i].total >= total && cache[i].total - total <= total / 4 &&
                (best < 0 || cache[i].total < cache[best].total)) {
            best = i;
        }
    }
    if (best >= 0) {
        raw = cache[best].raw;
        *got = cache[best].total;
        cache_bytes -= cache[best].total;
        cache_n--;
        memmove(&cache[best], &cache[best + 1], (size_t)(cache_n - best) * sizeof(cache[0]));
    }
    pthread_mutex_unlock(&cache_lock);
    return raw;
}

/* keep a freed block if it fits, else free it (outside the lock) */
static void cache_put(char *raw, size_t total)
{
    char *drop[AC_CACHE_SLOTS + 1];
    int ndrop = 0;
    pthread_mutex_lock(&cache_lock);
    if (total > cache_cap) {
        drop[ndrop++] = raw;
    }
    else {
        /* the oldest blocks make room */
        while (cache_n > 0 && (cache_n == AC_CACHE_SLOTS || cache_bytes + total > cache_cap)) {
            drop[ndrop++] = cache[0].raw;
            cache_bytes -= cache[0].total;
            memmove(&cache[0], &cache[1], (size_t)(cache_n - 1) * sizeof(cache[0]));
            cache_n--;
        }
        cache[cache_n].raw = raw;
        cache[cache_n].total = total;
        cache_n++;
        cache_bytes += total;
    }
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < ndrop; i++) {
        free(drop[i]);
    }
}

#if AC_CACHE_ENABLED
/* ------------------------------------------------------ small-block cache */
#define AC_SMALL_MAX 1024
#define AC_SMALL_CLASSES (AC_SMALL_MAX / AC_DATA_ALIGNMENT)
#define AC_SMALL_KEEP 8

typedef struct {
    int n[AC_SMALL_CLASSES];
    char *raw[AC_SMALL_CLASSES][AC_SMALL_KEEP];
} small_cache_t;

/* The thread's cache is reached through one thread-local pointer: with the
 * module's few thread-locals (this, the driver's flags) a few dozen bytes,
 * the loader can give them static TLS space, and a TLS-descriptor access
 * (-mtls-dialect=gnu2, meson.build) is then an offset load, where a
 * 1 KB cache as a thread-local of this dlopen'ed library cost a
 * __tls_get_addr call on every allocation and free (~5% of a small array's
 * life).  The cache is allocated on the thread's first use; NULL before,
 * AC_SMALL_GONE once the thread-exit hook has run. */
static _Thread_local small_cache_t *small_cache_p;
#define AC_SMALL_GONE ((small_cache_t *)1)
static pthread_key_t small_key;
static pthread_once_t small_once = PTHREAD_ONCE_INIT;
static int small_key_ok;

/* at thread exit: give the thread's kept blocks back */
static void small_cache_release(void *arg)
{
    small_cache_t *c = (small_cache_t *)arg;
    for (int k = 0; k < AC_SMALL_CLASSES; k++) {
        while (c->n[k] > 0) {
            free(c->raw[k][--c->n[k]]);
        }
    }
    free(c);
    small_cache_p = AC_SMALL_GONE;  /* blocks freed later in the thread's exit: not kept */
}

static void small_key_init(void)
{
    small_key_ok = pthread_key_create(&small_key, small_cache_release) == 0;
}

/* first use on a thread: the cache and its exit hook (out of line) */
static __attribute__((noinline)) small_cache_t *small_cache_register(void)
{
    if (small_cache_p == AC_SMALL_GONE) {
        return NULL;
    }
    pthread_once(&small_once, small_key_init);
    if (!small_key_ok) {
        return NULL;
    }
    small_cache_t *c = (small_cache_t *)calloc(1, sizeof(small_cache_t));
    if (c == NULL) {
        return NULL;
    }
    if (pthread_setspecific(small_key, c) != 0) {
        free(c);
        return NULL;
    }
    small_cache_p = c;
    return c;
}

/* this thread's cache, or NULL when blocks cannot be kept (no exit hook) */
static inline small_cache_t *small_cache_get(void)
{
    small_cache_t *c = small_cache_p;
    if (__builtin_expect((uintptr_t)c > (uintptr_t)AC_SMALL_GONE, 1)) {
        return c;
    }
    return small_cache_register();
}
#endif

/* Each block is over-allocated: the byte just before the aligned pointer
 * tells where the raw block is.  Small blocks: it is the offset back to the
 * raw block, 1..64.  Small blocks of a size class (AC_CACHE_ENABLED only)
 * record the class + 1 in the byte before the offset byte (malloc's blocks
 * are at least 8-byte aligned, so the offset is at least 8 and that byte is
 * inside the block); other small blocks record 0 there.
 *
 * Paged blocks (at least AC_PAGED_MIN bytes): the byte is AC_PAGED_MARK and
 * the data starts on a page boundary, with the raw pointer and the raw
 * block's size in the two words below the boundary.  Why a page boundary:
 * a loop that stores to one array while it loads from another stalls when
 * the store address is a little above the load address modulo 4096 (the
 * CPU takes the later load for a read of the earlier store, "4K aliasing").
 * NumPy's large arrays start 16 bytes into a page; 64-byte aligned results
 * landed 48..112 bytes above them and element-wise loops on L2/L3-sized
 * arrays ran 10-15% slower than on page-placed ones.  On a page boundary a
 * result is never a little above an input from NumPy (16) or from us (0). */
#define AC_PAGED_MIN ((size_t)64 << 10)
#define AC_PAGED_PAD ((size_t)4096 + 64)
#define AC_PAGED_MARK 0xFF

void *ac_data_alloc(size_t nbytes, int zero)
{
    size_t total;
    char *raw = NULL, *aligned;
    int large;
    if (nbytes == 0) {
        nbytes = 1;
    }
    if (nbytes > (size_t)PY_SSIZE_T_MAX - AC_PAGED_PAD) {
        return NULL;
    }
#if AC_CACHE_ENABLED
    if (nbytes <= AC_SMALL_MAX) {
        int k = (int)((nbytes - 1) / AC_DATA_ALIGNMENT);
        small_cache_t *c = small_cache_get();
        if (c != NULL && c->n[k] > 0) {
            raw = c->raw[k][--c->n[k]];
        }
        else {
            raw = (char *)malloc((size_t)(k + 2) * AC_DATA_ALIGNMENT);
            if (raw == NULL) {
                return NULL;
            }
        }
        aligned = (char *)(((uintptr_t)raw + AC_DATA_ALIGNMENT) & ~(uintptr_t)(AC_DATA_ALIGNMENT - 1));
        aligned[-1] = (char)(aligned - raw);
        aligned[-2] = (char)(k + 1);
        if (zero) {
            memset(aligned, 0, nbytes);
        }
        PyTraceMalloc_Track(AC_TRACEMALLOC_DOMAIN, (uintptr_t)aligned, nbytes);
        return aligned;
    }
#endif
    if (nbytes < AC_PAGED_MIN) {
        total = nbytes + AC_DATA_ALIGNMENT;
        raw = (zero && total > 16384) ? (char *)calloc(total, 1) : (char *)malloc(total);
        if (raw == NULL) {
            return NULL;
        }
        aligned = (char *)(((uintptr_t)raw + AC_DATA_ALIGNMENT) & ~(uintptr_t)(AC_DATA_ALIGNMENT - 1));
        aligned[-1] = (char)(aligned - raw);
        aligned[-2] = 0;
        if (zero && total <= 16384) {
            memset(aligned, 0, nbytes);
        }
        PyTraceMalloc_Track(AC_TRACEMALLOC_DOMAIN, (uintptr_t)aligned, nbytes);
        return aligned;
    }
    total = nbytes + AC_PAGED_PAD;
    large = nbytes >= AC_CACHE_MIN;
    if (large) {
        pthread_once(&cache_once, cache_init);
        /* cleared requests take fresh pages: calloc's are zero already */
        if (!zero && cache_cap > 0) {
            raw = cache_take(total, &total);
        }
    }
    if (raw == NULL) {
        /* calloc pays off for large blocks (fresh pages are already zero) */
        raw = zero ? (char *)calloc(total, 1) : (char *)malloc(total);
        if (raw == NULL) {
            return NULL;
        }
        if (total >= AC_HUGEPAGE_MIN) {
            ac_advise_hugepages(raw, total);
        }
    }
    aligned = (char *)(((uintptr_t)raw + 64 + 4095) & ~(uintptr_t)4095);
    ((char **)aligned)[-2] = raw;
    ((size_t *)aligned)[-3] = total;
    aligned[-1] = (char)AC_PAGED_MARK;
    PyTraceMalloc_Track(AC_TRACEMALLOC_DOMAIN, (uintptr_t)aligned, nbytes);
    return aligned;
}

void ac_data_free(void *ptr)
{
    char *aligned = (char *)ptr, *raw;
    unsigned off;
    if (aligned == NULL) {
        return;
    }
    PyTraceMalloc_Untrack(AC_TRACEMALLOC_DOMAIN, (uintptr_t)aligned);
    off = (unsigned char)aligned[-1];
    if (off == AC_PAGED_MARK) {
        size_t total = ((size_t *)aligned)[-3];
        raw = ((char **)aligned)[-2];
        if (total >= AC_CACHE_MIN + AC_PAGED_PAD) {
            cache_put(raw, total);
        }
        else {
            free(raw);
        }
        return;
    }
    raw = aligned - off;
#if AC_CACHE_ENABLED
    if (aligned[-2] != 0) {
        int k = (unsigned char)aligned[-2] - 1;
        small_cache_t *c = small_cache_get();
        if (c != NULL && c->n[k] < AC_SMALL_KEEP) {
            c->raw[k][c->n[k]++] = raw;
        }
        else {
            free(raw);
        }
    }
    else
#endif
    {
        free(raw);
    }
}
