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

ac_intp ac_mask_count(const ac_uint8 *mask, ac_intp n)
{
    const ac_uint64 lo7 = 0x7f7f7f7f7f7f7f7fULL, ones = 0x0101010101010101ULL;
    ac_intp count = 0, i = 0;
    while (n - i >= 8) {              /* byte-lane counters, flushed every 255 words */
        ac_intp words = (n - i) / 8;
        if (words > 255) words = 255;
        ac_uint64 acc = 0;
        for (ac_intp w = 0; w < words; w++) {
            ac_uint64 v;
            memcpy(&v, mask + i + 8 * w, 8);
            acc += ((((v & lo7) + lo7) | v) >> 7) & ones;   /* 1 per non-zero byte */
        }
        for (int b = 0; b < 8; b++) count += (acc >> (8 * b)) & 0xff;
        i += 8 * words;
    }
    for (; i < n; i++) count += mask[i] != 0;
    return count;
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

#define AC_EXPAND(T)                                                          \
    do {                                                                      \
        T *d = (T *)dst; const char *s = src;                                 \
        for (ac_intp i = 0; i < n; i++)                                       \
            if (mask[i]) { memcpy(&d[i], s, sizeof(T)); s += src_step; }      \
        return;                                                               \
    } while (0)

void ac_mask_expand(char *dst, const char *src, ac_intp src_step,
                    const ac_uint8 *mask, ac_intp n, ac_intp itemsize)
{
    switch (itemsize) {
    case 1: AC_EXPAND(ac_uint8);
    case 2: AC_EXPAND(ac_uint16);
    case 4: AC_EXPAND(ac_uint32);
    case 8: AC_EXPAND(ac_uint64);
    case 16: AC_EXPAND(ac_word16);
    default:
        for (ac_intp i = 0; i < n; i++)
            if (mask[i]) { memcpy(dst + i * itemsize, src, (size_t)itemsize); src += src_step; }
    }
}
