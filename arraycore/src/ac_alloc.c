/*
 * ac_alloc.c -- the data allocator: 64-byte aligned blocks, visible to
 * tracemalloc under arraycore's own domain.  Callable without the GIL.
 */
#include "ac_internal.h"
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
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

/* Each block is over-allocated by AC_DATA_ALIGNMENT bytes; the byte just
 * before the aligned pointer records the offset back to the raw block. */
void *ac_data_alloc(size_t nbytes, int zero)
{
    size_t total;
    char *raw, *aligned;
    if (nbytes == 0) {
        nbytes = 1;
    }
    if (nbytes > (size_t)PY_SSIZE_T_MAX - AC_DATA_ALIGNMENT) {
        return NULL;
    }
    total = nbytes + AC_DATA_ALIGNMENT;
    /* calloc pays off for large blocks (fresh pages are already zero) */
    raw = (zero && total > 16384) ? (char *)calloc(total, 1) : (char *)malloc(total);
    if (raw == NULL) {
        return NULL;
    }
    aligned = (char *)(((uintptr_t)raw + AC_DATA_ALIGNMENT) & ~(uintptr_t)(AC_DATA_ALIGNMENT - 1));
    aligned[-1] = (char)(aligned - raw);
    if (total >= AC_HUGEPAGE_MIN) {
        ac_advise_hugepages(raw, total);
    }
    if (zero && total <= 16384) {
        memset(aligned, 0, nbytes);
    }
    PyTraceMalloc_Track(AC_TRACEMALLOC_DOMAIN, (uintptr_t)aligned, nbytes);
    return aligned;
}

void ac_data_free(void *ptr)
{
    char *aligned = (char *)ptr;
    if (aligned == NULL) {
        return;
    }
    PyTraceMalloc_Untrack(AC_TRACEMALLOC_DOMAIN, (uintptr_t)aligned);
    free(aligned - (unsigned char)aligned[-1]);
}
