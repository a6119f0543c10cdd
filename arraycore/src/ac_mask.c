/*
 * ac_mask.c -- boolean-mask kernels of advanced indexing: a[mask] (compress)
 * and a[mask] = v (expand) when the array and its same-shaped mask are
 * contiguous.  Branch-free: every element is stored and the output position
 * advances by the mask byte's truth, so the loop's speed does not depend on
 * how the mask's bits fall.  Elements move as fixed-size words (1, 2, 4, 8
 * or 16 bytes), other sizes byte-wise.
 */
#include <string.h>
#include "ac_mask.h"
#include "ac_cpu.h"

/* Byte-lane counters: 64 lanes of 8 bits, flushed every 255 blocks of 64
 * bytes; the lane loop vectorizes (compare, subtract) at every SIMD level,
 * compiled once per level and chosen at run time (ac_cpu.h). */
#define AC_MASK_COUNT_BODY                                                    \
    ac_intp count = 0, i = 0;                                                 \
    while (n - i >= 64) {                                                     \
        ac_intp blocks = (n - i) / 64;                                        \
        if (blocks > 255) blocks = 255;                                       \
        ac_uint8 acc[64] = {0};                                               \
        for (ac_intp b = 0; b < blocks; b++) {                                \
            const ac_uint8 *q = mask + i + 64 * b;                            \
            for (int j = 0; j < 64; j++) acc[j] += q[j] != 0;                 \
        }                                                                     \
        for (int j = 0; j < 64; j++) count += acc[j];                         \
        i += 64 * blocks;                                                     \
    }                                                                         \
    for (; i < n; i++) count += mask[i] != 0;                                 \
    return count;

static ac_intp ac_mask_count_base(const ac_uint8 *mask, ac_intp n) { AC_MASK_COUNT_BODY }
#if AC_HAVE_DISPATCH
AC_TARGET_AVX2 static ac_intp ac_mask_count_avx2(const ac_uint8 *mask, ac_intp n)
{ AC_MASK_COUNT_BODY }
AC_TARGET_AVX512 static ac_intp ac_mask_count_avx512(const ac_uint8 *mask, ac_intp n)
{ AC_MASK_COUNT_BODY }
#endif

ac_intp ac_mask_count(const ac_uint8 *mask, ac_intp n)
{
#if AC_HAVE_DISPATCH
    int level = ac_cpu_level();
    if (level >= AC_CPU_AVX512) return ac_mask_count_avx512(mask, n);
    if (level >= AC_CPU_AVX2) return ac_mask_count_avx2(mask, n);
#endif
    return ac_mask_count_base(mask, n);
}

typedef struct { ac_uint64 lo, hi; } ac_word16;

/* The last element of dst may be written past k (branch-free stores), so the
 * stores go to dst[k] only while k stays below the selected count: the
 * caller's dst has exactly that many elements, and the store at a rejected
 * position is overwritten by the next selected one or never happens at the
 * end (the guard `k < total`). */
#define AC_COMPRESS(T)                                                        \
    do {                                                                      \
        T *d = (T *)dst; const T *s = (const T *)src; ac_intp k = 0;          \
        for (ac_intp i = 0; i < n; i++) {                                     \
            if (k < total) d[k] = s[i];                                       \
            k += mask[i] != 0;                                                \
        }                                                                     \
        return k;                                                             \
    } while (0)

ac_intp ac_mask_compress(char *dst, const char *src, const ac_uint8 *mask,
                         ac_intp n, ac_intp itemsize)
{
    ac_intp total = ac_mask_count(mask, n);
    switch (itemsize) {
    case 1: AC_COMPRESS(ac_uint8);
    case 2: AC_COMPRESS(ac_uint16);
    case 4: AC_COMPRESS(ac_uint32);
    case 8: AC_COMPRESS(ac_uint64);
    case 16: AC_COMPRESS(ac_word16);
    default: {
        ac_intp k = 0;
        for (ac_intp i = 0; i < n; i++)
            if (mask[i]) memcpy(dst + (k++) * itemsize, src + i * itemsize, (size_t)itemsize);
        return k;
    }
    }
}

/* a[mask] = v: blends, so the loop has no data-dependent branch (every
 * element of the destination is rewritten, the unselected ones with their
 * own value); the source index advances with the mask.  One version per
 * SIMD level. */
#define AC_EXPAND(T)                                                          \
    do {                                                                      \
        T *d = (T *)dst;                                                      \
        if (src_step == 0) {                                                  \
            T v; memcpy(&v, src, sizeof(T));                                  \
            for (ac_intp i = 0; i < n; i++) d[i] = mask[i] ? v : d[i];        \
        } else {                                                              \
            const T *s = (const T *)src; ac_intp k = 0, last = src_count - 1; \
            if (last < 0) return;                                             \
            for (ac_intp i = 0; i < n; i++) {                                 \
                T x = s[k < last ? k : last];                                 \
                d[i] = mask[i] ? x : d[i];                                    \
                k += mask[i] != 0;                                            \
            }                                                                 \
        }                                                                     \
        return;                                                               \
    } while (0)

#define AC_EXPAND_BODY                                                        \
    switch (itemsize) {                                                       \
    case 1: AC_EXPAND(ac_uint8);                                              \
    case 2: AC_EXPAND(ac_uint16);                                             \
    case 4: AC_EXPAND(ac_uint32);                                             \
    case 8: AC_EXPAND(ac_uint64);                                             \
    default:                                                                  \
        for (ac_intp i = 0; i < n; i++)                                       \
            if (mask[i]) {                                                    \
                memcpy(dst + i * itemsize, src, (size_t)itemsize);            \
                src += src_step;                                              \
            }                                                                 \
    }

#define AC_EXPAND_ARGS char *dst, const char *src, ac_intp src_step, ac_intp src_count, \
                       const ac_uint8 *mask, ac_intp n, ac_intp itemsize
static void ac_mask_expand_base(AC_EXPAND_ARGS) { AC_EXPAND_BODY }
#if AC_HAVE_DISPATCH
AC_TARGET_AVX2 static void ac_mask_expand_avx2(AC_EXPAND_ARGS) { AC_EXPAND_BODY }
AC_TARGET_AVX512 static void ac_mask_expand_avx512(AC_EXPAND_ARGS) { AC_EXPAND_BODY }
#endif

void ac_mask_expand(AC_EXPAND_ARGS)
{
#if AC_HAVE_DISPATCH
    int level = ac_cpu_level();
    if (level >= AC_CPU_AVX512) {
        ac_mask_expand_avx512(dst, src, src_step, src_count, mask, n, itemsize);
        return;
    }
    if (level >= AC_CPU_AVX2) {
        ac_mask_expand_avx2(dst, src, src_step, src_count, mask, n, itemsize);
        return;
    }
#endif
    ac_mask_expand_base(dst, src, src_step, src_count, mask, n, itemsize);
}
