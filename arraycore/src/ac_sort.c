/*
 * ac_sort.c -- sorting, searching and set kernels for the 14 dtypes: stable
 * sort and argsort (ascending and descending), searchsorted, isin, unique
 * and nonzero.  Plain C, no Python objects, no GIL.
 *
 * Real types (bool, integers, floats) are sorted through an order-preserving
 * unsigned key of the same width: integers flip their sign bit, floats flip
 * all bits when negative and the sign bit otherwise, with -0.0 mapped to
 * +0.0 and every NaN to the largest key (NaNs last, all equal).  Keys are
 * sorted by a stable LSD radix sort (passes whose digit is constant are
 * skipped) or, for short lanes, a merge sort; descending order complements
 * the keys, which keeps the sort stable.  Because the key forgets the sign
 * of zero and NaN payloads, a value sort puts the original zeros and NaNs
 * back into their blocks in their original order (which is what a stable
 * sort of the values gives).  The radix paths first check whether the keys
 * are already in order (or strictly decreasing), which costs one pass that
 * stops at the first element out of line.  A value sort of 32-/64-bit keys
 * takes the vectorized quicksort of ac_simdsort.c when the CPU has a SIMD
 * level for it (order among equal keys is invisible there).  Complex types
 * use a merge sort with NumPy's ordering (argsort merges (value, index)
 * pairs, no indirection).  Each algorithm is written once, as a macro
 * instantiated per key width or per complex type.
 */
#include "ac_sort.h"
#include "ac_cpu.h"
#include "ac_simdsort.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define AC_INSERTION_MAX 16     /* insertion sort below this length */
#define AC_RADIX_MIN 128         /* merge sort below this length, radix from it */
#define AC_RADIX_WIDE_MIN 65536 /* 8-bit digits below this length, wider from it */
#define AC_RADIX_MAXBUCKETS 2048
#define AC_RADIX_MAXPASS 8
#define AC_SIMD_ARGSORT_MIN 16   /* vectorized argsort from this length */

#if defined(__GNUC__) || defined(__clang__)
#define AC_MAYBE_UNUSED __attribute__((unused))
#define AC_PREFETCH(p) __builtin_prefetch(p)
#else
#define AC_MAYBE_UNUSED
#define AC_PREFETCH(p) ((void)0)
#endif

typedef struct {
    ac_intp nnan, nzero, nneg;  /* float keys: NaNs, zeros, values < 0 */
} ac_sortcnt;

/* ====================================================== comparison sorts
 * Stable merge sort (insertion sort for short runs) of values, and of
 * indices by the values they point at.  LT(a, b) is the strict order. */
#define AC_DEFINE_CMPSORT(S, T, LT)                                           \
AC_MAYBE_UNUSED static void isort_##S(T *v, ac_intp n)                        \
{                                                                             \
    ac_intp i, j;                                                             \
    for (i = 1; i < n; i++) {                                                 \
        T t = v[i];                                                           \
        for (j = i; j > 0 && LT(t, v[j - 1]); j--) {                          \
            v[j] = v[j - 1];                                                  \
        }                                                                     \
        v[j] = t;                                                             \
    }                                                                         \
}                                                                             \
AC_MAYBE_UNUSED static void msort_##S(T *v, ac_intp n, T *buf)                \
{                                                                             \
    ac_intp h;                                                                \
    T *a, *ae, *b, *be, *o;                                                   \
    if (n <= AC_INSERTION_MAX) {                                              \
        isort_##S(v, n);                                                      \
        return;                                                               \
    }                                                                         \
    h = n / 2;                                                                \
    msort_##S(v, h, buf);                                                     \
    msort_##S(v + h, n - h, buf);                                             \
    if (!LT(v[h], v[h - 1])) {                                                \
        return;                                                               \
    }                                                                         \
    memcpy(buf, v, (size_t)h * sizeof(T));                                    \
    a = buf; ae = buf + h; b = v + h; be = v + n; o = v;                      \
    while (a < ae && b < be) {       /* branch-free: select, then advance */ \
        const T va = *a, vb = *b;                                             \
        const int tb = LT(vb, va);                                            \
        *o++ = tb ? vb : va;                                                  \
        b += tb;                                                              \
        a += !tb;                                                             \
    }                                                                         \
    while (a < ae) { *o++ = *a++; }                                           \
}                                                                             \
AC_MAYBE_UNUSED static void aisort_##S(const T *v, ac_int64 *ix, ac_intp n)   \
{                                                                             \
    ac_intp i, j;                                                             \
    for (i = 1; i < n; i++) {                                                 \
        ac_int64 t = ix[i];                                                   \
        for (j = i; j > 0 && LT(v[t], v[ix[j - 1]]); j--) {                   \
            ix[j] = ix[j - 1];                                                \
        }                                                                     \
        ix[j] = t;                                                            \
    }                                                                         \
}                                                                             \
AC_MAYBE_UNUSED static void amsort_##S(const T *v, ac_int64 *ix, ac_intp n, ac_int64 *buf)\
{                                                                             \
    ac_intp h;                                                                \
    ac_int64 *a, *ae, *b, *be, *o;                                            \
    if (n <= AC_INSERTION_MAX) {                                              \
        aisort_##S(v, ix, n);                                                 \
        return;                                                               \
    }                                                                         \
    h = n / 2;                                                                \
    amsort_##S(v, ix, h, buf);                                                \
    amsort_##S(v, ix + h, n - h, buf);                                        \
    if (!LT(v[ix[h]], v[ix[h - 1]])) {                                        \
        return;                                                               \
    }                                                                         \
    memcpy(buf, ix, (size_t)h * sizeof(ac_int64));                            \
    a = buf; ae = buf + h; b = ix + h; be = ix + n; o = ix;                   \
    while (a < ae && b < be) {                                                \
        const ac_int64 ia = *a, ib = *b;                                      \
        const int tb = LT(v[ib], v[ia]);                                      \
        *o++ = tb ? ib : ia;                                                  \
        b += tb;                                                              \
        a += !tb;                                                             \
    }                                                                         \
    while (a < ae) { *o++ = *a++; }                                           \
}

/* ====================================================== radix sort
 * Stable LSD radix sort of n keys (with an int64 payload when ix is not
 * NULL), digits of RB bits, ping-ponging between (k, ix) and (tk, tix).
 * Returns 1 when the result ended in the temporary buffers. */
#define AC_DEFINE_RADIX(S, KT, NBITS, RB, HT)                                 \
static int radix_##S(KT *k, KT *tk, ac_int64 *ix, ac_int64 *tix, ac_intp n,   \
                     ac_intp *hist)                                           \
{                                                                             \
    enum { NPASS = (NBITS + RB - 1) / RB, NB = 1 << RB, MASK = NB - 1 };      \
    int p, flip = 0;                                                          \
    ac_intp i, d;                                                             \
    KT *src = k, *dst = tk;                                                   \
    ac_int64 *isrc = ix, *idst = tix;                                         \
    HT *hs = (HT *)hist;                                                      \
    memset(hs, 0, sizeof(HT) * NPASS * NB);                                   \
    for (i = 0; i < n; i++) {                                                 \
        KT key = k[i];                                                        \
        for (p = 0; p < NPASS; p++) {                                         \
            hs[p * NB + (ac_intp)((key >> (p * RB)) & MASK)]++;               \
        }                                                                     \
    }                                                                         \
    for (p = 0; p < NPASS; p++) {                                             \
        HT *h = hs + p * NB, sum = 0;                                         \
        const int sh = p * RB;                                                \
        if (h[(ac_intp)((src[0] >> sh) & MASK)] == n) {                       \
            continue;                                                         \
        }                                                                     \
        for (d = 0; d < NB; d++) {                                            \
            HT c = h[d]; h[d] = sum; sum += c;                                \
        }                                                                     \
        if (isrc != NULL) {                                                   \
            for (i = 0; i < n; i++) {                                         \
                KT key = src[i];                                              \
                HT o = h[(ac_intp)((key >> sh) & MASK)]++;                    \
                dst[o] = key;                                                 \
                idst[o] = isrc[i];                                            \
            }                                                                 \
            { ac_int64 *t = isrc; isrc = idst; idst = t; }                    \
        }                                                                     \
        else {                                                                \
            for (i = 0; i < n; i++) {                                         \
                KT key = src[i];                                              \
                dst[h[(ac_intp)((key >> sh) & MASK)]++] = key;                \
            }                                                                 \
        }                                                                     \
        { KT *t = src; src = dst; dst = t; }                                  \
        flip ^= 1;                                                            \
    }                                                                         \
    return flip;                                                              \
}

#define AC_PLAIN_LT(a, b) ((a) < (b))


/* ====================================================== SIMD key sort
 * For a value sort the order among equal keys cannot be seen, so 32- and
 * 64-bit keys take the unstable vectorized quicksort of src/ac_simdsort.c
 * (AVX-512 or AVX2, chosen at run time); it returns 0, leaving a
 * permutation of the keys, when it declines, and the caller sorts as usual. */
#define AC_SIMD_SORTKEYS_k32(k, t, n) ((void)(t), ac_simdsort_u32(k, n))
#define AC_SIMD_SORTKEYS_k64(k, t, n) ((void)(t), ac_simdsort_u64(k, n))
#define AC_SIMD_SORTKEYS_k8(k, t, n) 0
#define AC_SIMD_SORTKEYS_k16(k, t, n) 0

/* Per key width: the sorts, argsorts and the binary search on keys.  Radix
 * digits are 8 bits for short lanes (small histograms) and RB bits for long
 * ones (fewer passes). */
#define AC_DEFINE_WIDTH(S, KT, NBITS, RB)                                     \
AC_DEFINE_CMPSORT(S, KT, AC_PLAIN_LT)                                         \
AC_DEFINE_RADIX(S##_narrow, KT, NBITS, 8, uint32_t)                           \
AC_DEFINE_RADIX(S##_wide, KT, NBITS, RB, ac_intp)                             \
static int radix_##S(KT *k, KT *tk, ac_int64 *ix, ac_int64 *tix, ac_intp n,   \
                     ac_intp *hist)                                           \
{                                                                             \
    if (n < AC_RADIX_WIDE_MIN) {                                              \
        return radix_##S##_narrow(k, tk, ix, tix, n, hist);                   \
    }                                                                         \
    return radix_##S##_wide(k, tk, ix, tix, n, hist);                         \
}                                                                             \
/* sorted keys end in k or tk: returns which */                               \
/* already in order (1), or in strictly decreasing order (-1)?  The merge  \
 * sort adapts to sorted input by itself, the radix sort does not; the test \
 * stops at the first element out of line. */                               \
static int runs_##S(const KT *k, ac_intp n)                                   \
{                                                                             \
    ac_intp i;                                                                \
    if (n < 2 || k[1] >= k[0]) {                                              \
        for (i = 1; i < n; i++) {                                             \
            if (k[i] < k[i - 1]) { return 0; }                                \
        }                                                                     \
        return 1;                                                             \
    }                                                                         \
    for (i = 1; i < n; i++) {                                                 \
        if (k[i] >= k[i - 1]) { return 0; }                                   \
    }                                                                         \
    return -1;                                                                \
}                                                                             \
static KT *sortkeys_##S(KT *k, KT *tk, ac_intp n, ac_intp *hist)              \
{                                                                             \
    if (n >= AC_RADIX_MIN) {                                                  \
        switch (runs_##S(k, n)) {                                             \
        case 1:                                                               \
            return k;                                                         \
        case -1: {                                                            \
            ac_intp i;                                                        \
            for (i = 0; i < n / 2; i++) {                                     \
                KT t = k[i]; k[i] = k[n - 1 - i]; k[n - 1 - i] = t;           \
            }                                                                 \
            return k;                                                         \
        }                                                                     \
        }                                                                     \
    }                                                                         \
    if (AC_SIMD_SORTKEYS_##S(k, tk, n)) {                                     \
        return k;                                                             \
    }                                                                         \
    if (n < AC_RADIX_MIN) {                                                   \
        msort_##S(k, n, tk);                                                  \
        return k;                                                             \
    }                                                                         \
    return radix_##S(k, tk, NULL, NULL, n, hist) ? tk : k;                    \
}                                                                             \
/* the stable order of k (ix filled here); *ks gets the sorted keys when     \
 * wanted (ks != NULL) */                                                     \
static ac_int64 *argsortkeys_##S(KT *k, KT *tk, ac_int64 *ix, ac_int64 *tix,  \
                                 ac_intp n, ac_intp *hist, KT **ks)           \
{                                                                             \
    ac_intp i;                                                                \
    for (i = 0; i < n; i++) {                                                 \
        ix[i] = i;                                                            \
    }                                                                         \
    if (n < AC_RADIX_MIN) {                                                   \
        amsort_##S(k, ix, n, tix);                                            \
        if (ks != NULL) {                                                     \
            for (i = 0; i < n; i++) {                                         \
                tk[i] = k[ix[i]];                                             \
            }                                                                 \
            *ks = tk;                                                         \
        }                                                                     \
        return ix;                                                            \
    }                                                                         \
    switch (runs_##S(k, n)) {             /* no ties when strictly decreasing */ \
    case 1:                                                                   \
        if (ks != NULL) { *ks = k; }                                          \
        return ix;                                                            \
    case -1:                                                                  \
        for (i = 0; i < n; i++) {                                             \
            ix[i] = n - 1 - i;                                                \
            tk[i] = k[n - 1 - i];                                             \
        }                                                                     \
        if (ks != NULL) { *ks = tk; }                                         \
        return ix;                                                            \
    }                                                                         \
    if (radix_##S(k, tk, ix, tix, n, hist)) {                                 \
        if (ks != NULL) { *ks = tk; }                                         \
        return tix;                                                           \
    }                                                                         \
    if (ks != NULL) { *ks = k; }                                              \
    return ix;                                                                \
}                                                                             \
/* first i with a[i] >= q (right: a[i] > q); branch-free halving */           \
static ac_intp lbound_##S(const KT *a, ac_intp n, KT q)                       \
{                                                                             \
    const KT *b = a;                                                          \
    if (n == 0) { return 0; }                                                 \
    while (n > 1) {                                                           \
        ac_intp h = n >> 1;                                                   \
        AC_PREFETCH(b + (h >> 1));                                            \
        AC_PREFETCH(b + h + (h >> 1));                                        \
        b = (b[h - 1] < q) ? b + h : b;                                       \
        n -= h;                                                               \
    }                                                                         \
    return (b - a) + (*b < q);                                                \
}                                                                             \
static ac_intp rbound_##S(const KT *a, ac_intp n, KT q)                       \
{                                                                             \
    const KT *b = a;                                                          \
    if (n == 0) { return 0; }                                                 \
    while (n > 1) {                                                           \
        ac_intp h = n >> 1;                                                   \
        AC_PREFETCH(b + (h >> 1));                                            \
        AC_PREFETCH(b + h + (h >> 1));                                        \
        b = (b[h - 1] <= q) ? b + h : b;                                      \
        n -= h;                                                               \
    }                                                                         \
    return (b - a) + (*b <= q);                                               \
}

AC_DEFINE_WIDTH(k8, uint8_t, 8, 8)
AC_DEFINE_WIDTH(k16, uint16_t, 16, 8)
AC_DEFINE_WIDTH(k32, uint32_t, 32, 11)
AC_DEFINE_WIDTH(k64, uint64_t, 64, 11)

/* ====================================================== keys per real type
 * key_T(p): the key of the element at p; val_T(k, p): the element of key k
 * (exact except for zeros and NaNs, which the value sort restores). */
static inline uint8_t key_BOOL(const char *p) { return *(const uint8_t *)p != 0; }
static inline void val_BOOL(uint8_t k, char *p) { *(uint8_t *)p = k; }

#define AC_INT_KEY(NAME, CT, KT, FLIP)                                        \
static inline KT key_##NAME(const char *p) { return (KT)((KT)*(const CT *)p ^ (KT)(FLIP)); } \
static inline void val_##NAME(KT k, char *p) { *(CT *)p = (CT)(KT)(k ^ (KT)(FLIP)); }

AC_INT_KEY(INT8, int8_t, uint8_t, 0x80u)
AC_INT_KEY(UINT8, uint8_t, uint8_t, 0)
AC_INT_KEY(INT16, int16_t, uint16_t, 0x8000u)
AC_INT_KEY(UINT16, uint16_t, uint16_t, 0)
AC_INT_KEY(INT32, int32_t, uint32_t, 0x80000000u)
AC_INT_KEY(UINT32, uint32_t, uint32_t, 0)
AC_INT_KEY(INT64, int64_t, uint64_t, 0x8000000000000000ull)
AC_INT_KEY(UINT64, uint64_t, uint64_t, 0)

/* INF: the bits of +inf; magnitudes above it are NaNs */
#define AC_FLOAT_KEY(NAME, KT, SIGN, INF)                                     \
static inline KT key_##NAME(const char *p)                                    \
{                                                                             \
    KT u, m;                                                                  \
    memcpy(&u, p, sizeof(KT));                                                \
    m = (KT)(u & (KT)~(KT)(SIGN));                                            \
    if (m > (KT)(INF)) { return (KT)~(KT)0; }                                 \
    if (m == 0) { return (KT)(SIGN); }                                        \
    return (u & (KT)(SIGN)) ? (KT)~u : (KT)(u | (KT)(SIGN));                  \
}                                                                             \
static inline void val_##NAME(KT k, char *p)                                  \
{                                                                             \
    KT u = (k & (KT)(SIGN)) ? (KT)(k ^ (KT)(SIGN)) : (KT)~k;                  \
    memcpy(p, &u, sizeof(KT));                                                \
}

AC_FLOAT_KEY(FLOAT16, uint16_t, 0x8000u, 0x7c00u)
AC_FLOAT_KEY(FLOAT32, uint32_t, 0x80000000u, 0x7f800000u)
AC_FLOAT_KEY(FLOAT64, uint64_t, 0x8000000000000000ull, 0x7ff0000000000000ull)

/* Per real type: keys of a strided lane (complemented when descending, with
 * the counts of NaNs, zeros and negatives for floats), values back from
 * keys, and the original NaNs and zeros of a lane in their order. */
#define AC_DEFINE_REAL(NAME, KT, ISFLOAT)                                     \
static void keys_##NAME(const char *src, ac_intp stride, ac_intp n, void *out_, \
                        int desc, ac_sortcnt *c)                              \
{                                                                             \
    KT *out = (KT *)out_;                                                     \
    const KT x = desc ? (KT)~(KT)0 : 0;                                       \
    const KT zero = (KT)((KT)1 << (sizeof(KT) * 8 - 1));                      \
    ac_intp i, nnan = 0, nzero = 0, nneg = 0;                                 \
    if (!(ISFLOAT) || c == NULL) {                                            \
        for (i = 0; i < n; i++) {                                             \
            out[i] = (KT)(key_##NAME(src + i * stride) ^ x);                  \
        }                                                                     \
        if (c != NULL) { c->nnan = c->nzero = c->nneg = 0; }                  \
        return;                                                               \
    }                                                                         \
    for (i = 0; i < n; i++) {                                                 \
        KT k = key_##NAME(src + i * stride);                                  \
        nnan += (k == (KT)~(KT)0);                                            \
        nzero += (k == zero);                                                 \
        nneg += (k < zero);                                                   \
        out[i] = (KT)(k ^ x);                                                 \
    }                                                                         \
    c->nnan = nnan; c->nzero = nzero; c->nneg = nneg;                         \
}                                                                             \
static void vals_##NAME(const void *k_, ac_intp n, int desc, char *dst, ac_intp stride) \
{                                                                             \
    const KT *k = (const KT *)k_;                                             \
    const KT x = desc ? (KT)~(KT)0 : 0;                                       \
    ac_intp i;                                                                \
    for (i = 0; i < n; i++) {                                                 \
        val_##NAME((KT)(k[i] ^ x), dst + i * stride);                         \
    }                                                                         \
}                                                                             \
static uint64_t key1_##NAME(const char *p) { return key_##NAME(p); }          \
static void specials_##NAME(const char *src, ac_intp stride, ac_intp n,      \
                            char *nans, char *zeros)                          \
{                                                                             \
    const KT zero = (KT)((KT)1 << (sizeof(KT) * 8 - 1));                      \
    ac_intp i;                                                                \
    for (i = 0; i < n; i++) {                                                 \
        KT k = key_##NAME(src + i * stride);                                  \
        if (k == (KT)~(KT)0) { memcpy(nans, src + i * stride, sizeof(KT)); nans += sizeof(KT); } \
        else if (k == zero) { memcpy(zeros, src + i * stride, sizeof(KT)); zeros += sizeof(KT); } \
    }                                                                         \
}

AC_DEFINE_REAL(BOOL, uint8_t, 0)
AC_DEFINE_REAL(INT8, uint8_t, 0)
AC_DEFINE_REAL(UINT8, uint8_t, 0)
AC_DEFINE_REAL(INT16, uint16_t, 0)
AC_DEFINE_REAL(UINT16, uint16_t, 0)
AC_DEFINE_REAL(INT32, uint32_t, 0)
AC_DEFINE_REAL(UINT32, uint32_t, 0)
AC_DEFINE_REAL(INT64, uint64_t, 0)
AC_DEFINE_REAL(UINT64, uint64_t, 0)
AC_DEFINE_REAL(FLOAT16, uint16_t, 1)
AC_DEFINE_REAL(FLOAT32, uint32_t, 1)
AC_DEFINE_REAL(FLOAT64, uint64_t, 1)

typedef struct {
    int width;          /* key bytes == itemsize */
    int isfloat;
    void (*keys)(const char *, ac_intp, ac_intp, void *, int, ac_sortcnt *);
    void (*vals)(const void *, ac_intp, int, char *, ac_intp);
    void (*specials)(const char *, ac_intp, ac_intp, char *, char *);
    uint64_t (*key1)(const char *);     /* the key of one element, widened */
} ac_realtype;

#define AC_RT(NAME, W, F) {W, F, keys_##NAME, vals_##NAME, specials_##NAME, key1_##NAME}
static const ac_realtype ac_realtypes[ACX_FLOAT64 + 1] = {
    AC_RT(BOOL, 1, 0), AC_RT(INT8, 1, 0), AC_RT(UINT8, 1, 0),
    AC_RT(INT16, 2, 0), AC_RT(UINT16, 2, 0), AC_RT(INT32, 4, 0),
    AC_RT(UINT32, 4, 0), AC_RT(INT64, 8, 0), AC_RT(UINT64, 8, 0),
    AC_RT(FLOAT16, 2, 1), AC_RT(FLOAT32, 4, 1), AC_RT(FLOAT64, 8, 1),
};

/* ====================================================== complex types */
#define AC_DEFINE_COMPLEX(S, T)                                               \
static inline int lt_##S(T a, T b)                                            \
{                                                                             \
    if (a.real < b.real) { return a.imag == a.imag || b.imag != b.imag; }     \
    if (a.real > b.real) { return b.imag != b.imag && a.imag == a.imag; }     \
    if (a.real == b.real || (a.real != a.real && b.real != b.real)) {         \
        return a.imag < b.imag || (b.imag != b.imag && a.imag == a.imag);     \
    }                                                                         \
    return b.real != b.real;                                                  \
}                                                                             \
static inline int gt_##S(T a, T b) { return lt_##S(b, a); }                   \
static inline int eq_##S(T a, T b) { return a.real == b.real && a.imag == b.imag; } \
AC_DEFINE_CMPSORT(S##a, T, lt_##S)                                            \
AC_DEFINE_CMPSORT(S##d, T, gt_##S)                                            \
static void csort_##S(T *v, ac_intp n, T *buf, int desc)                      \
{                                                                             \
    if (desc) { msort_##S##d(v, n, buf); } else { msort_##S##a(v, n, buf); } \
}                                                                             \
/* argsort through (value, index) pairs: no indirection in the merges */    \
typedef struct { T v; ac_int64 i; } pair_##S;                                 \
static inline int plt_##S(pair_##S a, pair_##S b) { return lt_##S(a.v, b.v); } \
static inline int pgt_##S(pair_##S a, pair_##S b) { return lt_##S(b.v, a.v); } \
AC_DEFINE_CMPSORT(S##pa, pair_##S, plt_##S)                 \
AC_DEFINE_CMPSORT(S##pd, pair_##S, pgt_##S)                 \
static void cargsort_##S(const char *src, ac_intp stride, ac_intp n,          \
                         pair_##S *p, pair_##S *buf, ac_int64 *out, int desc) \
{                                                                             \
    ac_intp i;                                                                \
    for (i = 0; i < n; i++) {                                                 \
        memcpy(&p[i].v, src + i * stride, sizeof(T));                         \
        p[i].i = i;                                                           \
    }                                                                         \
    if (desc) { msort_##S##pd(p, n, buf); } else { msort_##S##pa(p, n, buf); } \
    for (i = 0; i < n; i++) {                                                 \
        out[i] = p[i].i;                                                      \
    }                                                                         \
}                                                                             \
/* insertion index of q into a (through sorter when not NULL) */            \
static ac_intp clbound_##S(const T *a, ac_intp n, const ac_int64 *sorter,     \
                           T q, int right)                                    \
{                                                                             \
    ac_intp lo = 0, hi = n;                                                   \
    while (lo < hi) {                                                         \
        ac_intp mid = lo + ((hi - lo) >> 1);                                  \
        T m = a[sorter != NULL ? sorter[mid] : mid];                          \
        if (right ? !lt_##S(q, m) : lt_##S(m, q)) { lo = mid + 1; }           \
        else { hi = mid; }                                                    \
    }                                                                         \
    return lo;                                                                \
}

AC_DEFINE_COMPLEX(c64, ac_complex64)
AC_DEFINE_COMPLEX(c128, ac_complex128)

static int ac_is_complex(int tidx) { return tidx == ACX_COMPLEX64 || tidx == ACX_COMPLEX128; }
static int ac_itemsize(int tidx)
{
    static const int sz[ACX_NTYPES] = ACX_ITEMSIZES;
    return sz[tidx];
}

/* bytes per element of the work buffers k and tk: keys or values, or the
 * (value, index) pairs of a complex argsort */
static int ac_work_itemsize(int tidx, int with_index)
{
    if (with_index && tidx == ACX_COMPLEX64) { return (int)sizeof(pair_c64); }
    if (with_index && tidx == ACX_COMPLEX128) { return (int)sizeof(pair_c128); }
    return ac_itemsize(tidx);
}

/* ====================================================== lanes */
typedef struct {
    char *k, *tk;           /* keys or values, n * itemsize each */
    ac_int64 *ix, *tix;     /* argsort payloads, n each */
    ac_intp *hist;
    void *mem;
} ac_sortwork;

static int work_alloc(ac_sortwork *w, ac_intp n, int itemsize, int with_index)
{
    size_t nb = (size_t)n * (size_t)itemsize, ni = with_index ? (size_t)n * 8 : 0;
    size_t nh = n < AC_RADIX_MIN ? 0 : sizeof(ac_intp) * AC_RADIX_MAXPASS
                * (n < AC_RADIX_WIDE_MIN ? 256 : AC_RADIX_MAXBUCKETS);
    char *m = (char *)malloc(2 * nb + 2 * ni + nh + 64);
    if (m == NULL) {
        return -1;
    }
    w->mem = m;
    w->hist = (ac_intp *)m;
    w->ix = (ac_int64 *)(m + nh);
    w->tix = w->ix + (with_index ? n : 0);
    w->k = m + nh + 2 * ni;
    w->tk = w->k + nb;
    return 0;
}

static void strided_copy(char *dst, ac_intp ds, const char *src, ac_intp ss,
                         ac_intp n, int itemsize)
{
    ac_intp i;
    if (ds == itemsize && ss == itemsize) {
        memcpy(dst, src, (size_t)n * (size_t)itemsize);
        return;
    }
    for (i = 0; i < n; i++) {
        memcpy(dst + i * ds, src + i * ss, (size_t)itemsize);
    }
}

static void *sort_keys_w(int width, void *k, void *tk, ac_intp n, ac_intp *hist)
{
    switch (width) {
    case 1: return sortkeys_k8((uint8_t *)k, (uint8_t *)tk, n, hist);
    case 2: return sortkeys_k16((uint16_t *)k, (uint16_t *)tk, n, hist);
    case 4: return sortkeys_k32((uint32_t *)k, (uint32_t *)tk, n, hist);
    default: return sortkeys_k64((uint64_t *)k, (uint64_t *)tk, n, hist);
    }
}

static ac_int64 *argsort_keys_w(int width, void *k, void *tk, ac_int64 *ix, ac_int64 *tix,
                                ac_intp n, ac_intp *hist, void **ks)
{
    switch (width) {
    case 1: return argsortkeys_k8((uint8_t *)k, (uint8_t *)tk, ix, tix, n, hist, (uint8_t **)ks);
    case 2: return argsortkeys_k16((uint16_t *)k, (uint16_t *)tk, ix, tix, n, hist, (uint16_t **)ks);
    case 4: return argsortkeys_k32((uint32_t *)k, (uint32_t *)tk, ix, tix, n, hist, (uint32_t **)ks);
    default: return argsortkeys_k64((uint64_t *)k, (uint64_t *)tk, ix, tix, n, hist, (uint64_t **)ks);
    }
}

/* a contiguous lane of 32-/64-bit elements with AVX-512: keys of src made
 * into data (vectorized; src may be data), sorted there, elements back in
 * place; the original
 * NaNs and zeros were kept in w->tk, w->k is the radix sort's scratch */
static void sort_real_lane_inplace(int tidx, const char *src, char *data, ac_intp n,
                                   int desc, ac_sortwork *w)
{
    const ac_realtype *rt = &ac_realtypes[tidx];
    const int W = rt->width;
    const int kind = rt->isfloat ? AC_SS_FLOAT
        : (tidx == ACX_INT32 || tidx == ACX_INT64) ? AC_SS_SIGNED : AC_SS_UNSIGNED;
    ac_intp cnt[3], nnan, nzero, i;
    char *s;
    int done = 0;
    if (src != data) {
        /* keys written partitioned, then sorted (one pass fewer) */
        done = W == 8
            ? ac_simdsort_tokeys_sort_u64((uint64_t *)data, (const uint64_t *)src, n, kind,
                                          desc, (uint64_t *)w->tk, cnt)
            : ac_simdsort_tokeys_sort_u32((uint32_t *)data, (const uint32_t *)src, n, kind,
                                          desc, (uint32_t *)w->tk, cnt);
    }
    else if (W == 8) {
        ac_simdsort_tokeys_u64((uint64_t *)data, (const uint64_t *)src, n, kind, desc,
                               (uint64_t *)w->tk, cnt);
    }
    else {
        ac_simdsort_tokeys_u32((uint32_t *)data, (const uint32_t *)src, n, kind, desc,
                               (uint32_t *)w->tk, cnt);
    }
    s = done ? data : (char *)sort_keys_w(W, data, w->k, n, w->hist);
    if (done == 2) {
        /* values already (floats sorted as values) */
    }
    else if (W == 8) {
        ac_simdsort_fromkeys_u64((uint64_t *)data, (const uint64_t *)s, n, kind, desc);
    }
    else {
        ac_simdsort_fromkeys_u32((uint32_t *)data, (const uint32_t *)s, n, kind, desc);
    }
    nnan = cnt[0];
    nzero = cnt[1];
    if (nnan || nzero) {
        const ac_intp npos = n - nnan - nzero - cnt[2];
        const ac_intp nanpos = desc ? 0 : n - nnan;
        const ac_intp zeropos = desc ? nnan + npos : cnt[2];
        memcpy(data + nanpos * W, w->tk, (size_t)(nnan * W));
        for (i = 0; i < nzero; i++) {
            memcpy(data + (zeropos + i) * W, w->tk + (n - 1 - i) * W, (size_t)W);
        }
    }
}

/* sort one lane of a real type in place */
static void sort_real_lane(const ac_realtype *rt, char *data, ac_intp n, ac_intp stride,
                           int desc, ac_sortwork *w)
{
    ac_sortcnt c;
    char *s, *other;
    const int W = rt->width;
    if ((W == 4 || W == 8) && stride == W && n >= 2 && ac_simdsort_inplace_ok()
            && ((uintptr_t)data % (uintptr_t)W) == 0) {
        sort_real_lane_inplace((int)(rt - ac_realtypes), data, data, n, desc, w);
        return;
    }
    rt->keys(data, stride, n, w->k, desc, &c);
    s = (char *)sort_keys_w(W, w->k, w->tk, n, w->hist);
    other = (s == w->k) ? w->tk : w->k;
    if (rt->isfloat && (c.nnan || c.nzero)) {
        /* keep the original NaNs and zeros, in order, for their blocks */
        ac_intp npos = n - c.nnan - c.nzero - c.nneg;
        ac_intp nanpos = desc ? 0 : n - c.nnan;
        ac_intp zeropos = desc ? c.nnan + npos : c.nneg;
        rt->specials(data, stride, n, other, other + c.nnan * W);
        rt->vals(s, n, desc, data, stride);
        strided_copy(data + nanpos * stride, stride, other, W, c.nnan, W);
        strided_copy(data + zeropos * stride, stride, other + c.nnan * W, W, c.nzero, W);
        return;
    }
    rt->vals(s, n, desc, data, stride);
}

static void sort_complex_lane(int tidx, char *data, ac_intp n, ac_intp stride, int desc,
                              ac_sortwork *w)
{
    const int isz = ac_itemsize(tidx);
    char *v = (stride == isz) ? data : w->k;
    if (v != data) {
        strided_copy(v, isz, data, stride, n, isz);
    }
    if (tidx == ACX_COMPLEX64) {
        csort_c64((ac_complex64 *)v, n, (ac_complex64 *)w->tk, desc);
    }
    else {
        csort_c128((ac_complex128 *)v, n, (ac_complex128 *)w->tk, desc);
    }
    if (v != data) {
        strided_copy(data, stride, v, isz, n, isz);
    }
}

static int cmp_int64(const void *a, const void *b)
{
    const ac_int64 x = *(const ac_int64 *)a, y = *(const ac_int64 *)b;
    return (x > y) - (x < y);
}

/* The stable order of a lane of 32-/64-bit keys by the vectorized sorts
 * (AVX-512), or NULL when they decline (the caller then sorts as usual).
 * 32-bit keys: (key << 32 | index) sorted as 64-bit keys is stable by
 * construction.  64-bit keys: the unstable key-index quicksort, then every
 * run of equal keys gets its indices in ascending order, which is exactly
 * the stable order. */
static ac_int64 *argsort_lane_simd(const ac_realtype *rt, const char *src, ac_intp n,
                                   ac_intp stride, int desc, ac_sortwork *w)
{
    ac_int64 *ix = w->ix;
    ac_intp i, j;
    rt->keys(src, stride, n, w->k, desc, NULL);
    if (rt->width == 4) {
        /* widen in place, from the end: element i's 8 bytes only cover keys
         * 2i and 2i + 1, which are never needed after key i */
        const uint32_t *k32 = (const uint32_t *)w->k;
        uint64_t *p = (uint64_t *)w->k;             /* k and tk: 8n bytes */
        for (i = n - 1; i >= 0; i--) {
            p[i] = ((uint64_t)k32[i] << 32) | (uint64_t)i;
        }
        if (!ac_simdsort_u64(p, n)) {
            return NULL;
        }
        for (i = 0; i < n; i++) {
            ix[i] = (ac_int64)(p[i] & 0xFFFFFFFFu);
        }
        return ix;
    }
    else {
        const uint64_t *k = (const uint64_t *)w->k;
        for (i = 0; i < n; i++) {
            ix[i] = i;
        }
        if (!ac_simdargsort_u64((uint64_t *)w->k, (int64_t *)ix, n)) {
            return NULL;
        }
        for (i = 0; i + 1 < n; i = j) {
            const uint64_t key = k[i];
            for (j = i + 1; j < n && k[j] == key; j++) {
            }
            if (j - i > 1 && !ac_simdsort_u64((uint64_t *)(ix + i), j - i)) {
                qsort(ix + i, (size_t)(j - i), sizeof(ac_int64), cmp_int64);
            }
        }
        return ix;
    }
}

/* the stable order of one lane into w->ix or w->tix: returns which */
static ac_int64 *argsort_lane(int tidx, const char *src, ac_intp n, ac_intp stride,
                              int desc, ac_sortwork *w)
{
    if (!ac_is_complex(tidx)) {
        const ac_realtype *rt = &ac_realtypes[tidx];
        if ((rt->width == 8 || (rt->width == 4 && n <= (ac_intp)0xFFFFFFFF))
                && n >= AC_SIMD_ARGSORT_MIN && ac_simdsort_inplace_ok()) {
            ac_int64 *r = argsort_lane_simd(rt, src, n, stride, desc, w);
            if (r != NULL) {
                return r;
            }
        }
        rt->keys(src, stride, n, w->k, desc, NULL);
        return argsort_keys_w(rt->width, w->k, w->tk, w->ix, w->tix, n, w->hist, NULL);
    }
    else if (tidx == ACX_COMPLEX64) {
        cargsort_c64(src, stride, n, (pair_c64 *)w->k, (pair_c64 *)w->tk, w->ix, desc);
    }
    else {
        cargsort_c128(src, stride, n, (pair_c128 *)w->k, (pair_c128 *)w->tk, w->ix, desc);
    }
    return w->ix;
}

/* lanes per driver call: about 2**18 elements between two Ctrl-C polls */
static ac_intp lanes_per_chunk(ac_intp n)
{
    ac_intp c = ((ac_intp)1 << 18) / (n > 0 ? n : 1);
    return c > 0 ? c : 1;
}

typedef struct {
    int tidx, desc;
    ac_intp n, stride;
    ac_sortwork w;
} sort_ctx;

/* the driver's inner function: sort `count` lanes starting at ptrs[0] */
static int sort_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    sort_ctx *c = (sort_ctx *)vctx;
    ac_intp l;
    for (l = 0; l < count; l++) {
        char *p = ptrs[0] + l * strides[0];
        if (ac_is_complex(c->tidx)) {
            sort_complex_lane(c->tidx, p, c->n, c->stride, c->desc, &c->w);
        }
        else {
            sort_real_lane(&ac_realtypes[c->tidx], p, c->n, c->stride, c->desc, &c->w);
        }
    }
    return 0;
}

int ac_sort_copy_lane(int tidx, const char *src, char *dst, ac_intp n, int flags)
{
    ac_sortwork w;
    int W;
    if (tidx < 0 || tidx > ACX_FLOAT64 || n < 2 || !ac_simdsort_inplace_ok()) {
        return 0;
    }
    W = ac_realtypes[tidx].width;
    if ((W != 4 && W != 8) || ((uintptr_t)src % (uintptr_t)W) != 0
            || ((uintptr_t)dst % (uintptr_t)W) != 0) {
        return 0;
    }
    if (work_alloc(&w, n, W, 0) < 0) {
        return -1;
    }
    sort_real_lane_inplace(tidx, src, dst, n, (flags & AC_SORT_DESCENDING) != 0, &w);
    free(w.mem);
    return 1;
}

int ac_sort_lanes(int tidx, int nouter, const ac_intp *oshape,
                  char *data, const ac_intp *ostrides,
                  ac_intp n, ac_intp stride, int flags)
{
    sort_ctx c;
    int r;
    if (n <= 1) {
        return 0;
    }
    if (work_alloc(&c.w, n, ac_itemsize(tidx), 0) < 0) {
        return -1;
    }
    c.tidx = tidx;
    c.desc = (flags & AC_SORT_DESCENDING) != 0;
    c.n = n;
    c.stride = stride;
    r = ac_drive(nouter, oshape, 1, &data, ostrides, 0, AC_DRIVE_SIMPLIFY,
                 lanes_per_chunk(n), sort_inner, &c);
    free(c.w.mem);
    return r;
}

typedef struct {
    int tidx, desc;
    ac_intp n, sstride, dstride;
    ac_sortwork w;
} argsort_ctx;

/* the driver's inner function: argsort `count` lanes of ptrs[0] into the
 * int64 lanes of ptrs[1] */
static int argsort_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    argsort_ctx *c = (argsort_ctx *)vctx;
    ac_intp l, i;
    for (l = 0; l < count; l++) {
        const char *s = ptrs[0] + l * strides[0];
        char *d = ptrs[1] + l * strides[1];
        if (c->n == 1) {                            /* nothing to sort */
            *(ac_int64 *)d = 0;
            continue;
        }
        ac_int64 *r = argsort_lane(c->tidx, s, c->n, c->sstride, c->desc, &c->w);
        if (c->dstride == 8) {
            memcpy(d, r, (size_t)c->n * 8);
        }
        else {
            for (i = 0; i < c->n; i++) {
                *(ac_int64 *)(d + i * c->dstride) = r[i];
            }
        }
    }
    return 0;
}

int ac_argsort_lanes(int tidx, int nouter, const ac_intp *oshape,
                     const char *src, ac_intp sstride, char *dst, ac_intp dstride,
                     const ac_intp *ostrides, ac_intp n, int flags)
{
    argsort_ctx c;
    char *ptrs[2];
    int r;
    if (n == 0) {
        return 0;
    }
    if (work_alloc(&c.w, n, ac_work_itemsize(tidx, 1), 1) < 0) {
        return -1;
    }
    c.tidx = tidx;
    c.desc = (flags & AC_SORT_DESCENDING) != 0;
    c.n = n;
    c.sstride = sstride;
    c.dstride = dstride;
    ptrs[0] = (char *)src;
    ptrs[1] = dst;
    r = ac_drive(nouter, oshape, 2, ptrs, ostrides, 0, AC_DRIVE_SIMPLIFY,
                 lanes_per_chunk(n), argsort_inner, &c);
    free(c.w.mem);
    return r;
}

/* ====================================================== searching */
/* few queries into many values: search the values themselves (through the
 * sorter), computing keys only at the probes */
static void search_probing(const ac_realtype *rt, int isz, const char *x1, ac_intp n1,
                           const ac_int64 *sorter, const char *x2, ac_intp n2,
                           ac_int64 *out, int right)
{
    ac_intp i;
    for (i = 0; i < n2; i++) {
        const uint64_t q = rt->key1(x2 + i * isz);
        ac_intp lo = 0, hi = n1;
        while (lo < hi) {
            ac_intp mid = lo + ((hi - lo) >> 1);
            uint64_t km = rt->key1(x1 + (sorter != NULL ? sorter[mid] : mid) * isz);
            if (right ? km <= q : km < q) { lo = mid + 1; } else { hi = mid; }
        }
        out[i] = lo;
    }
}

int ac_searchsorted(int tidx, const char *x1, ac_intp n1, const ac_int64 *sorter,
                    const char *x2, ac_intp n2, ac_int64 *out, int right)
{
    const int isz = ac_itemsize(tidx);
    ac_intp i;
    char *a, *q, *mem;
    if (tidx == ACX_COMPLEX64 || tidx == ACX_COMPLEX128) {
        for (i = 0; i < n2; i++) {
            if (tidx == ACX_COMPLEX64) {
                out[i] = clbound_c64((const ac_complex64 *)x1, n1, sorter,
                                     ((const ac_complex64 *)x2)[i], right);
            }
            else {
                out[i] = clbound_c128((const ac_complex128 *)x1, n1, sorter,
                                      ((const ac_complex128 *)x2)[i], right);
            }
        }
        return 0;
    }
    if (n2 <= n1 / 64) {
        search_probing(&ac_realtypes[tidx], isz, x1, n1, sorter, x2, n2, out, right);
        return 0;
    }
    /* many queries: the keys of x1 in sorted order once, then branch-free
     * searches over them */
    mem = (char *)malloc((size_t)(n1 + (sorter ? n1 : 0) + n2 + 1) * (size_t)isz);
    if (mem == NULL) {
        return -1;
    }
    a = mem;
    {
        const ac_realtype *rt = &ac_realtypes[tidx];
        if (sorter != NULL) {
            char *raw = mem + n1 * isz;
            rt->keys(x1, isz, n1, raw, 0, NULL);
            for (i = 0; i < n1; i++) {
                memcpy(a + i * isz, raw + sorter[i] * isz, (size_t)isz);
            }
        }
        else {
            rt->keys(x1, isz, n1, a, 0, NULL);
        }
        q = mem + (n1 + (sorter ? n1 : 0)) * isz;
        rt->keys(x2, isz, n2, q, 0, NULL);
#define AC_SEARCH_LOOP(S, KT)                                                  \
        if (right) { for (i = 0; i < n2; i++) out[i] = rbound_##S((const KT *)a, n1, ((const KT *)q)[i]); } \
        else { for (i = 0; i < n2; i++) out[i] = lbound_##S((const KT *)a, n1, ((const KT *)q)[i]); }
        switch (isz) {
        case 1: AC_SEARCH_LOOP(k8, uint8_t) break;
        case 2: AC_SEARCH_LOOP(k16, uint16_t) break;
        case 4: AC_SEARCH_LOOP(k32, uint32_t) break;
        default: AC_SEARCH_LOOP(k64, uint64_t) break;
        }
#undef AC_SEARCH_LOOP
    }
    free(mem);
    return 0;
}

/* ====================================================== isin */
int ac_isin(int tidx, const char *x1, ac_intp n1, const char *x2, ac_intp n2,
            ac_bool *out, int invert)
{
    const int isz = ac_itemsize(tidx);
    ac_intp i;
    ac_sortwork w;
    const ac_bool yes = invert ? 0 : 1;
    if (work_alloc(&w, n2 > n1 ? n2 : n1, isz, 0) < 0) {
        return -1;
    }
    if (ac_is_complex(tidx)) {
#define AC_ISIN_COMPLEX(S, T)                                                 \
        {                                                                     \
            T *s = (T *)w.k;                                                  \
            memcpy(s, x2, (size_t)n2 * sizeof(T));                            \
            csort_##S(s, n2, (T *)w.tk, 0);                                   \
            for (i = 0; i < n1; i++) {                                        \
                T v = ((const T *)x1)[i];                                     \
                ac_intp j = clbound_##S(s, n2, NULL, v, 0);                         \
                out[i] = (j < n2 && eq_##S(s[j], v)) ? yes : (ac_bool)!yes;   \
            }                                                                 \
        }
        if (tidx == ACX_COMPLEX64) AC_ISIN_COMPLEX(c64, ac_complex64)
        else AC_ISIN_COMPLEX(c128, ac_complex128)
#undef AC_ISIN_COMPLEX
    }
    else {
        const ac_realtype *rt = &ac_realtypes[tidx];
        char *s, *q;
        rt->keys(x2, isz, n2, w.k, 0, NULL);
        s = (char *)sort_keys_w(isz, w.k, w.tk, n2, w.hist);
        q = (s == w.k) ? w.tk : w.k;      /* the free buffer: keys of x1 */
        rt->keys(x1, isz, n1, q, 0, NULL);
#define AC_ISIN_REAL(S, KT)                                                   \
        {                                                                     \
            const KT *ks = (const KT *)s, *kq = (const KT *)q;                \
            const int fl = rt->isfloat;                                       \
            for (i = 0; i < n1; i++) {                                        \
                KT v = kq[i];                                                 \
                ac_intp j = lbound_##S(ks, n2, v);                            \
                int found = j < n2 && ks[j] == v && !(fl && v == (KT)~(KT)0); \
                out[i] = found ? yes : (ac_bool)!yes;                         \
            }                                                                 \
        }
        switch (isz) {
        case 1: AC_ISIN_REAL(k8, uint8_t) break;
        case 2: AC_ISIN_REAL(k16, uint16_t) break;
        case 4: AC_ISIN_REAL(k32, uint32_t) break;
        default: AC_ISIN_REAL(k64, uint64_t) break;
        }
#undef AC_ISIN_REAL
    }
    free(w.mem);
    return 0;
}

/* ====================================================== unique */
int ac_unique_prepare(ac_unique_state *st, int tidx, const char *x, ac_intp n)
{
    const int isz = ac_itemsize(tidx);
    ac_sortwork w;
    ac_int64 *perm;
    ac_intp i, g = 0;
    st->tidx = tidx;
    st->n = n;
    st->nuniq = 0;
    st->mem = NULL;
    st->perm = NULL;
    st->mark = NULL;
    if (n == 0) {
        return 0;
    }
    if (work_alloc(&w, n, ac_work_itemsize(tidx, 1), 1) < 0) {
        return -1;
    }
    st->mark = (char *)malloc((size_t)n);
    if (st->mark == NULL) {
        free(w.mem);
        return -1;
    }
    st->mem = w.mem;
    if (ac_is_complex(tidx)) {
        perm = w.ix;
        st->mark[0] = 1;
#define AC_UNIQUE_COMPLEX(S, T)                                               \
        {                                                                     \
            const T *v = (const T *)x;                                        \
            cargsort_##S(x, sizeof(T), n, (pair_##S *)w.k, (pair_##S *)w.tk, perm, 0); \
            for (i = 1; i < n; i++) {                                         \
                st->mark[i] = !eq_##S(v[perm[i]], v[perm[i - 1]]);            \
            }                                                                 \
        }
        if (tidx == ACX_COMPLEX64) AC_UNIQUE_COMPLEX(c64, ac_complex64)
        else AC_UNIQUE_COMPLEX(c128, ac_complex128)
#undef AC_UNIQUE_COMPLEX
    }
    else {
        const ac_realtype *rt = &ac_realtypes[tidx];
        void *ks;
        rt->keys(x, isz, n, w.k, 0, NULL);
        perm = argsort_keys_w(isz, w.k, w.tk, w.ix, w.tix, n, w.hist, &ks);
        st->mark[0] = 1;
#define AC_UNIQUE_REAL(KT)                                                    \
        {                                                                     \
            const KT *k = (const KT *)ks;                                     \
            const int fl = rt->isfloat;                                       \
            for (i = 1; i < n; i++) {                                         \
                st->mark[i] = k[i] != k[i - 1] || (fl && k[i] == (KT)~(KT)0); \
            }                                                                 \
        }
        switch (isz) {
        case 1: AC_UNIQUE_REAL(uint8_t) break;
        case 2: AC_UNIQUE_REAL(uint16_t) break;
        case 4: AC_UNIQUE_REAL(uint32_t) break;
        default: AC_UNIQUE_REAL(uint64_t) break;
        }
#undef AC_UNIQUE_REAL
    }
    for (i = 0; i < n; i++) {
        g += st->mark[i];
    }
    st->perm = perm;
    st->nuniq = g;
    return 0;
}

void ac_unique_fill(const ac_unique_state *st, const char *x, char *values,
                    ac_int64 *indices, ac_int64 *inverse, ac_int64 *counts)
{
    const int isz = ac_itemsize(st->tidx);
    ac_intp i, g = -1;
    for (i = 0; i < st->n; i++) {
        ac_int64 p = st->perm[i];
        if (st->mark[i]) {
            g++;
            if (values != NULL) { memcpy(values + g * isz, x + p * isz, (size_t)isz); }
            if (indices != NULL) { indices[g] = p; }
            if (counts != NULL) { counts[g] = 0; }
        }
        if (counts != NULL) { counts[g]++; }
        if (inverse != NULL) { inverse[p] = g; }
    }
}

void ac_unique_free(ac_unique_state *st)
{
    free(st->mem);
    free(st->mark);
    st->mem = NULL;
    st->mark = NULL;
    st->perm = NULL;
}

/* ====================================================== nonzero */
#define AC_NZ_INT(T) (*(const T *)p != 0)
#define AC_NZ_F16 ((*(const uint16_t *)p & 0x7fffu) != 0)
#define AC_NZ_CPLX(T) (((const T *)p)->real != 0 || ((const T *)p)->imag != 0)

/* EXPR tests the element at p; BODY runs for each non-zero one */
#define AC_NZ_SWITCH(BODY)                                                    \
    switch (tidx) {                                                           \
    case ACX_BOOL: case ACX_INT8: case ACX_UINT8: AC_NZ_EACH(AC_NZ_INT(uint8_t), BODY) break;   \
    case ACX_INT16: case ACX_UINT16: AC_NZ_EACH(AC_NZ_INT(uint16_t), BODY) break;              \
    case ACX_INT32: case ACX_UINT32: AC_NZ_EACH(AC_NZ_INT(uint32_t), BODY) break;              \
    case ACX_INT64: case ACX_UINT64: AC_NZ_EACH(AC_NZ_INT(uint64_t), BODY) break;              \
    case ACX_FLOAT16: AC_NZ_EACH(AC_NZ_F16, BODY) break;                      \
    case ACX_FLOAT32: AC_NZ_EACH(AC_NZ_INT(float), BODY) break;               \
    case ACX_FLOAT64: AC_NZ_EACH(AC_NZ_INT(double), BODY) break;              \
    case ACX_COMPLEX64: AC_NZ_EACH(AC_NZ_CPLX(ac_complex64), BODY) break;     \
    default: AC_NZ_EACH(AC_NZ_CPLX(ac_complex128), BODY) break;               \
    }

ac_intp ac_nonzero_count(int tidx, const char *x, ac_intp n)
{
    const int isz = ac_itemsize(tidx);
    ac_intp i, c = 0;
#define AC_NZ_EACH(EXPR, BODY)                                                \
    for (i = 0; i < n; i++) { const char *p = x + i * isz; c += (EXPR) ? 1 : 0; }
    AC_NZ_SWITCH(;)
#undef AC_NZ_EACH
    return c;
}

void ac_nonzero_indices(int tidx, const char *x, int nd, const ac_intp *shape,
                        ac_int64 **outs)
{
    const int isz = ac_itemsize(tidx);
    ac_intp coord[AC_MAXDIMS], i, n = 1, k = 0;
    int d;
    for (d = 0; d < nd; d++) {
        coord[d] = 0;
        n *= shape[d];
    }
    if (n == 0) {
        return;
    }
    if (nd == 1) {
#define AC_NZ_EACH(EXPR, BODY)                                                \
        for (i = 0; i < n; i++) { const char *p = x + i * isz; if (EXPR) { BODY } }
        AC_NZ_SWITCH(outs[0][k++] = i;)
#undef AC_NZ_EACH
        return;
    }
    /* C order: the last coordinate moves fastest */
#define AC_NZ_EACH(EXPR, BODY)                                                \
    for (i = 0; i < n; i++) {                                                 \
        const char *p = x + i * isz;                                          \
        if (EXPR) { BODY }                                                    \
        for (d = nd - 1; d >= 0; d--) {                                       \
            if (++coord[d] < shape[d]) { break; }                             \
            coord[d] = 0;                                                     \
        }                                                                     \
    }
    AC_NZ_SWITCH(
        for (d = 0; d < nd; d++) { outs[d][k] = coord[d]; }
        k++;
    )
#undef AC_NZ_EACH
}
