/*
 * ac_take.c -- integer-array indexing kernels (issue 15): gathers and
 * scatters of whole elements through int64 indices or byte offsets, with
 * one typed loop per element size (1, 2, 4, 8, 16 bytes; memcpy otherwise)
 * instead of a copy call per element.  Plain C, no Python objects.
 */
#include "ac_take.h"
#include "ac_cpu.h"
#include <string.h>
#include <stdint.h>

typedef struct { uint64_t a, b; } ac_take_u128;

/* ---------------------------------------------------------------- take
 * For contiguous elements (sstride == the element size: a[i] of a 1-d
 * contiguous a, take along the last axis), groups of 8 indices are wrapped
 * and checked together without branches, then their elements copied (a group holding a bad index is left to the
 * one-by-one loop, which copies the good ones before it and reports it):
 * one predictable branch per group instead of two per element.  A source
 * of contiguous elements is read by scaled addressing, `(const T *)src + j`:
 * the multiply by the stride in front of every load cost more than the rest
 * of the loop (10k random float64, in L2, on Zen 4: 0.72 ns an element with
 * per-element checks and the multiply, 0.63 grouped, 0.55 grouped and
 * scaled; strided sources measured no faster grouped, and are left to the
 * one-by-one loop).  Where gathers are fast (ac_cpu_fast_gather), 4- and 8-byte
 * contiguous elements are fetched by AVX2 gathers, 8 indices a group, and
 * the loops below only finish the tail: in L2 as fast or faster (float32),
 * from L3 30% faster (1M random float64: 1.18 ms against 1.70). */
#define AC_TAKE_GROUP 8
#define AC_TAKE_LOOP(T)                                                       \
    if (sstride == (ac_intp)sizeof(T)) {                                      \
        for (; i + AC_TAKE_GROUP <= n; i += AC_TAKE_GROUP) {                  \
            ac_int64 jj[AC_TAKE_GROUP];                                       \
            uint64_t bad = 0;                                                 \
            int k;                                                            \
            for (k = 0; k < AC_TAKE_GROUP; k++) {                             \
                ac_int64 j = idx[i + k];                                      \
                j += (j >> 63) & dim;                                         \
                bad |= (uint64_t)j >= (uint64_t)dim;                          \
                jj[k] = j;                                                    \
            }                                                                 \
            if (bad) {                                                        \
                break;                                                        \
            }                                                                 \
            for (k = 0; k < AC_TAKE_GROUP; k++) {                             \
                memcpy(dst + (i + k) * (ac_intp)sizeof(T),                    \
                       (const T *)src + jj[k], sizeof(T));                    \
            }                                                                 \
        }                                                                     \
    }                                                                         \
    for (; i < n; i++) {                                                      \
        ac_int64 j = idx[i];                                                  \
        if (j < 0) { j += dim; }                                              \
        if ((uint64_t)j >= (uint64_t)dim) { return i; }                       \
        memcpy(dst + i * (ac_intp)sizeof(T), src + j * sstride, sizeof(T));   \
    }                                                                         \
    return -1;

#if AC_HAVE_DISPATCH
#include <immintrin.h>
/* dst[i] = src[idx[i]] (4- or 8-byte elements, src contiguous) for the
 * leading groups of 8 indices that are all in [-dim, dim), dim > 0; returns
 * how many were done (the caller's loops finish, and find a bad index) */
static AC_TARGET_AVX2 ac_intp take_gather_avx2(char *dst, const char *src, ac_intp dim,
                                               const ac_int64 *idx, ac_intp n, int itemsize)
{
    const __m256i vd = _mm256_set1_epi64x(dim);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i bias = _mm256_set1_epi64x(INT64_MIN);
    /* unsigned j > dim - 1, as a signed compare of both sides biased */
    const __m256i lim = _mm256_xor_si256(_mm256_set1_epi64x(dim - 1), bias);
    ac_intp i;
    for (i = 0; i + 8 <= n; i += 8) {
        __m256i j0 = _mm256_loadu_si256((const __m256i *)(idx + i));
        __m256i j1 = _mm256_loadu_si256((const __m256i *)(idx + i + 4));
        __m256i bad;
        j0 = _mm256_add_epi64(j0, _mm256_and_si256(_mm256_cmpgt_epi64(zero, j0), vd));
        j1 = _mm256_add_epi64(j1, _mm256_and_si256(_mm256_cmpgt_epi64(zero, j1), vd));
        bad = _mm256_or_si256(_mm256_cmpgt_epi64(_mm256_xor_si256(j0, bias), lim),
                              _mm256_cmpgt_epi64(_mm256_xor_si256(j1, bias), lim));
        if (!_mm256_testz_si256(bad, bad)) {
            break;
        }
        if (itemsize == 8) {
            _mm256_storeu_si256((__m256i *)(dst + i * 8),
                                _mm256_i64gather_epi64((const long long *)src, j0, 8));
            _mm256_storeu_si256((__m256i *)(dst + i * 8 + 32),
                                _mm256_i64gather_epi64((const long long *)src, j1, 8));
        }
        else {
            _mm_storeu_si128((__m128i *)(dst + i * 4),
                             _mm256_i64gather_epi32((const int *)src, j0, 4));
            _mm_storeu_si128((__m128i *)(dst + i * 4 + 16),
                             _mm256_i64gather_epi32((const int *)src, j1, 4));
        }
    }
    return i;
}
#endif

ac_intp ac_take_1d(char *dst, const char *src, ac_intp sstride, ac_intp dim,
                   const ac_int64 *idx, ac_intp n, int itemsize)
{
    ac_intp i = 0;
#if AC_HAVE_DISPATCH
    if ((itemsize == 8 || itemsize == 4) && sstride == itemsize && dim > 0 && n >= 8
            && ac_cpu_fast_gather()) {
        i = take_gather_avx2(dst, src, dim, idx, n, itemsize);
    }
#endif
    switch (itemsize) {
    case 1: { AC_TAKE_LOOP(uint8_t) }
    case 2: { AC_TAKE_LOOP(uint16_t) }
    case 4: { AC_TAKE_LOOP(uint32_t) }
    case 8: { AC_TAKE_LOOP(uint64_t) }
    case 16: { AC_TAKE_LOOP(ac_take_u128) }
    default:
        for (; i < n; i++) {
            ac_int64 j = idx[i];
            if (j < 0) { j += dim; }
            if ((uint64_t)j >= (uint64_t)dim) { return i; }
            memcpy(dst + i * itemsize, src + j * sstride, (size_t)itemsize);
        }
        return -1;
    }
}

/* ---------------------------------------------------------------- put
 * Every index is checked before any write (a bad one leaves dst as it was),
 * but cheaply: the check is a branch-free pass over blocks of indices that
 * the compiler vectorizes (a flag per block; only a block holding a bad
 * index is searched), and the writes then wrap negative indices without a
 * branch and prefetch the rows AC_PUT_AHEAD indices ahead (random writes
 * into a large array are cache misses; the prefetch overlaps them). */
#define AC_PUT_BLOCK 2048
#define AC_PUT_AHEAD 16
/* One value (vstride 0), the a[i] = scalar of everyday code, is held in a
 * register (the element-by-element load of the general loop, from memory
 * the stores might alias, cost ~20% at 1M random float64 on Zen 4) and its
 * prefetch runs 32 indices ahead (16, 48, 64 measured worse or no better).
 * Contiguous rows (dstride == the element size, every 1-d contiguous a) are
 * addressed as `(T *)dst + j`: a multiply by the stride in front of every
 * store cost 25% (Zen 4: 1M random float64, one value, 1.18 ms scaled
 * against 1.50 with the multiply; 1.36 without any prefetch).  The prefetch
 * loops stop AHEAD short of the end, so they need no end test. */
#define AC_PUT_ONE_AHEAD 32
#define AC_PUT_AT_C(T, j) ((char *)((T *)dst + (j)))
#define AC_PUT_AT_S(T, j) (dst + (j) * dstride)
#define AC_PUT_RUN(T, AT)                                                     \
    i = 0;                                                                    \
    if (vstride == 0) {                                                       \
        T v;                                                                  \
        memcpy(&v, src, sizeof(T));                                           \
        if (big) {                                                            \
            for (; i + AC_PUT_ONE_AHEAD < n; i++) {                           \
                ac_int64 j = idx[i], f = idx[i + AC_PUT_ONE_AHEAD];           \
                j += (j >> 63) & dim;                                         \
                f += (f >> 63) & dim;                                         \
                AC_TAKE_PREFETCHW(AT(T, f));                                  \
                memcpy(AT(T, j), &v, sizeof(T));                              \
            }                                                                 \
        }                                                                     \
        for (; i < n; i++) {                                                  \
            ac_int64 j = idx[i];                                              \
            j += (j >> 63) & dim;                                             \
            memcpy(AT(T, j), &v, sizeof(T));                                  \
        }                                                                     \
        return -1;                                                            \
    }                                                                         \
    if (big) {                                                                \
        for (; i + AC_PUT_AHEAD < n; i++) {                                   \
            ac_int64 j = idx[i], f = idx[i + AC_PUT_AHEAD];                   \
            j += (j >> 63) & dim;                                             \
            f += (f >> 63) & dim;                                             \
            AC_TAKE_PREFETCHW(AT(T, f));                                      \
            memcpy(AT(T, j), src + i * vstride, sizeof(T));                   \
        }                                                                     \
    }                                                                         \
    for (; i < n; i++) {                                                      \
        ac_int64 j = idx[i];                                                  \
        j += (j >> 63) & dim;                                                 \
        memcpy(AT(T, j), src + i * vstride, sizeof(T));                       \
    }                                                                         \
    return -1;
#define AC_PUT_LOOP(T)                                                        \
    if (dstride == (ac_intp)sizeof(T)) {                                      \
        AC_PUT_RUN(T, AC_PUT_AT_C)                                            \
    }                                                                         \
    AC_PUT_RUN(T, AC_PUT_AT_S)

#if defined(__GNUC__) || defined(__clang__)
#define AC_TAKE_PREFETCHW(p) __builtin_prefetch((p), 1)
#else
#define AC_TAKE_PREFETCHW(p) ((void)(p))
#endif

/* the position of the first index of idx[0, n) outside [-dim, dim), or -1
 * (compiled for the baseline and AVX2, where 64-bit compares are native) */
#define AC_DEFINE_FIRST_BAD(NAME, TARGET)                                     \
static TARGET ac_intp NAME(const ac_int64 *idx, ac_intp n, ac_intp dim)       \
{                                                                             \
    ac_intp b, i;                                                             \
    for (b = 0; b < n; b += AC_PUT_BLOCK) {                                   \
        const ac_intp e = n - b < AC_PUT_BLOCK ? n : b + AC_PUT_BLOCK;        \
        uint64_t bad = 0;                                                     \
        for (i = b; i < e; i++) {           /* vectorized: no early exit */   \
            const ac_int64 j = idx[i];                                        \
            bad |= (uint64_t)((uint64_t)(j + ((j >> 63) & dim)) >= (uint64_t)dim); \
        }                                                                     \
        if (bad) {                                                            \
            for (i = b; i < e; i++) {                                         \
                const ac_int64 j = idx[i];                                    \
                if ((uint64_t)(j + ((j >> 63) & dim)) >= (uint64_t)dim) {     \
                    return i;                                                 \
                }                                                             \
            }                                                                 \
        }                                                                     \
    }                                                                         \
    return -1;                                                                \
}
AC_DEFINE_FIRST_BAD(first_bad_base, )
#if AC_HAVE_DISPATCH
AC_DEFINE_FIRST_BAD(first_bad_avx2, AC_TARGET_AVX2)
#endif

static ac_intp first_bad_index(const ac_int64 *idx, ac_intp n, ac_intp dim)
{
#if AC_HAVE_DISPATCH
    if (ac_cpu_level() >= AC_CPU_AVX2) {
        return first_bad_avx2(idx, n, dim);
    }
#endif
    return first_bad_base(idx, n, dim);
}

ac_intp ac_put_1d(char *dst, ac_intp dstride, ac_intp dim, const ac_int64 *idx, ac_intp n,
                  const char *src, ac_intp vstride, int itemsize)
{
    ac_intp i;
    /* prefetch only when the rows written do not fit in the caches */
    const int big = (double)dim * (double)(dstride < 0 ? -dstride : dstride) > 1048576.0;
    const ac_intp bad = first_bad_index(idx, n, dim);
    if (bad >= 0) {
        return bad;
    }
    switch (itemsize) {
    case 1: { AC_PUT_LOOP(uint8_t) }
    case 2: { AC_PUT_LOOP(uint16_t) }
    case 4: { AC_PUT_LOOP(uint32_t) }
    case 8: { AC_PUT_LOOP(uint64_t) }
    case 16: { AC_PUT_LOOP(ac_take_u128) }
    default:
        for (i = 0; i < n; i++) {
            ac_int64 j = idx[i];
            j += (j >> 63) & dim;
            memcpy(dst + j * dstride, src + i * vstride, (size_t)itemsize);
        }
        return -1;
    }
}

/* ---------------------------------------------------------------- offsets */
ac_intp ac_index_offsets(ac_int64 *offs, const ac_int64 *idx, ac_intp n, ac_intp dim,
                         ac_intp stride)
{
    ac_intp i;
    for (i = 0; i < n; i++) {
        ac_int64 j = idx[i];
        if (j < 0) { j += dim; }
        if ((uint64_t)j >= (uint64_t)dim) { return i; }
        offs[i] += j * stride;
    }
    return -1;
}

#define AC_GATHER_LOOP(T)                                                     \
    for (i = 0; i < n; i++) {                                                 \
        memcpy(dst + i * (ac_intp)sizeof(T), base + offs[i], sizeof(T));      \
    }                                                                         \
    return;

void ac_gather_offsets(char *dst, const char *base, const ac_int64 *offs, ac_intp n,
                       int itemsize)
{
    ac_intp i;
    switch (itemsize) {
    case 1: { AC_GATHER_LOOP(uint8_t) }
    case 2: { AC_GATHER_LOOP(uint16_t) }
    case 4: { AC_GATHER_LOOP(uint32_t) }
    case 8: { AC_GATHER_LOOP(uint64_t) }
    case 16: { AC_GATHER_LOOP(ac_take_u128) }
    default:
        for (i = 0; i < n; i++) {
            memcpy(dst + i * itemsize, base + offs[i], (size_t)itemsize);
        }
    }
}

#define AC_SCATTER_LOOP(T)                                                    \
    for (i = 0; i < n; i++) {                                                 \
        memcpy(base + offs[i], src + i * vstride, sizeof(T));                 \
    }                                                                         \
    return;

void ac_scatter_offsets(char *base, const ac_int64 *offs, ac_intp n, const char *src,
                        ac_intp vstride, int itemsize)
{
    ac_intp i;
    switch (itemsize) {
    case 1: { AC_SCATTER_LOOP(uint8_t) }
    case 2: { AC_SCATTER_LOOP(uint16_t) }
    case 4: { AC_SCATTER_LOOP(uint32_t) }
    case 8: { AC_SCATTER_LOOP(uint64_t) }
    case 16: { AC_SCATTER_LOOP(ac_take_u128) }
    default:
        for (i = 0; i < n; i++) {
            memcpy(base + offs[i], src + i * vstride, (size_t)itemsize);
        }
    }
}

/* ---------------------------------------------------------------- ufunc.at
 * a[pos[i]] = a[pos[i]] OP b[i * bstride] in index order, one typed loop per
 * (op, type).  Positions may be negative (wrapped here, branch-free: the
 * caller checked them against `wrap`, the length of a's one axis); rows of
 * a large array are prefetched AC_PUT_AHEAD indices ahead.  The element
 * formulas are those of the ufuncs' own loops (tools/ufunc_table.py):
 * maximum/minimum propagate NaN as `(x > y || x != x) ? x : y`, fmax/fmin
 * are C's, integers wrap in their unsigned type.  maximum/minimum are
 * written `x != x ? x : (x > y ? x : y)`, the same values: the inner select
 * compiles to maxsd/minsd and the NaN test is a branch that random data
 * does not mispredict (a branch on x > y did: 3x NumPy's time). */
#include <math.h>

#define AC_AT_ELEM_C(T, q) ((T *)a + (q))
#define AC_AT_ELEM_S(T, q) ((T *)(a + (q) * astride))
#define AC_AT_RUN(T, EXPR, AT)                                                \
    i = 0;                                                                    \
    if (big) {                                                                \
        for (; i + AC_PUT_AHEAD < n; i++) {                                   \
            ac_int64 q = pos[i], f = pos[i + AC_PUT_AHEAD];                   \
            T *p;                                                             \
            q += (q >> 63) & wrap;                                            \
            f += (f >> 63) & wrap;                                            \
            p = AT(T, q);                                                     \
            AC_TAKE_PREFETCHW(AT(T, f));                                      \
            {                                                                 \
                const T y = *(const T *)(b + i * bstride);                    \
                const T x = *p;                                               \
                *p = (EXPR);                                                  \
            }                                                                 \
        }                                                                     \
    }                                                                         \
    for (; i < n; i++) {                                                      \
        ac_int64 q = pos[i];                                                  \
        T *p;                                                                 \
        q += (q >> 63) & wrap;                                                \
        p = AT(T, q);                                                         \
        {                                                                     \
            const T y = *(const T *)(b + i * bstride);                        \
            const T x = *p;                                                   \
            *p = (EXPR);                                                      \
        }                                                                     \
    }                                                                         \
    return 0;
/* contiguous elements (astride == the element size, every 1-d contiguous
 * a) by scaled addressing, as the put loops: no multiply in front of the
 * load and store */
#define AC_AT_LOOP(T, EXPR)                                                   \
    if (astride == (ac_intp)sizeof(T)) {                                      \
        AC_AT_RUN(T, EXPR, AC_AT_ELEM_C)                                      \
    }                                                                         \
    AC_AT_RUN(T, EXPR, AC_AT_ELEM_S)
/* integers in their unsigned type: wrap-around without undefined behaviour */
#define AC_AT_INT(T, UT)                                                      \
    switch (op) {                                                             \
    case AC_AT_ADD: { AC_AT_LOOP(T, (T)((UT)x + (UT)y)) }                     \
    case AC_AT_SUBTRACT: { AC_AT_LOOP(T, (T)((UT)x - (UT)y)) }                \
    case AC_AT_MULTIPLY: { AC_AT_LOOP(T, (T)((UT)x * (UT)y)) }                \
    case AC_AT_MAXIMUM: case AC_AT_FMAX: { AC_AT_LOOP(T, x >= y ? x : y) }    \
    case AC_AT_MINIMUM: case AC_AT_FMIN: { AC_AT_LOOP(T, x <= y ? x : y) }    \
    case AC_AT_AND: { AC_AT_LOOP(T, (T)(x & y)) }                             \
    case AC_AT_OR: { AC_AT_LOOP(T, (T)(x | y)) }                              \
    case AC_AT_XOR: { AC_AT_LOOP(T, (T)(x ^ y)) }                             \
    }                                                                         \
    return -1;
#define AC_AT_FLOAT(T, FMAX, FMIN)                                            \
    switch (op) {                                                             \
    case AC_AT_ADD: { AC_AT_LOOP(T, x + y) }                                  \
    case AC_AT_SUBTRACT: { AC_AT_LOOP(T, x - y) }                             \
    case AC_AT_MULTIPLY: { AC_AT_LOOP(T, x * y) }                             \
    case AC_AT_MAXIMUM: { AC_AT_LOOP(T, x != x ? x : (x > y ? x : y)) }       \
    case AC_AT_MINIMUM: { AC_AT_LOOP(T, x != x ? x : (x < y ? x : y)) }       \
    case AC_AT_FMAX: { AC_AT_LOOP(T, FMAX(x, y)) }                            \
    case AC_AT_FMIN: { AC_AT_LOOP(T, FMIN(x, y)) }                            \
    }                                                                         \
    return -1;
/* complex: add and subtract, part by part */
typedef struct { float re, im; } ac_at_c64;
typedef struct { double re, im; } ac_at_c128;
#define AC_AT_CPLX(T)                                                         \
    switch (op) {                                                             \
    case AC_AT_ADD: { AC_AT_LOOP(T, ((T){x.re + y.re, x.im + y.im})) }        \
    case AC_AT_SUBTRACT: { AC_AT_LOOP(T, ((T){x.re - y.re, x.im - y.im})) }   \
    }                                                                         \
    return -1;

int ac_at_arith(int op, int tidx, char *a, ac_intp astride, ac_intp wrap, const ac_int64 *pos,
                ac_intp n, const char *b, ac_intp bstride)
{
    ac_intp i;
    const int big = n > 64
        && (double)wrap * (double)(astride < 0 ? -astride : astride) > 1048576.0;
    switch (tidx) {
    case ACX_INT8: AC_AT_INT(int8_t, uint8_t)
    case ACX_UINT8: AC_AT_INT(uint8_t, uint8_t)
    case ACX_INT16: AC_AT_INT(int16_t, uint16_t)
    case ACX_UINT16: AC_AT_INT(uint16_t, uint16_t)
    case ACX_INT32: AC_AT_INT(int32_t, uint32_t)
    case ACX_UINT32: AC_AT_INT(uint32_t, uint32_t)
    case ACX_INT64: AC_AT_INT(int64_t, uint64_t)
    case ACX_UINT64: AC_AT_INT(uint64_t, uint64_t)
    case ACX_FLOAT32: AC_AT_FLOAT(float, (float)fmax, (float)fmin)
    case ACX_FLOAT64: AC_AT_FLOAT(double, fmax, fmin)
    case ACX_COMPLEX64: AC_AT_CPLX(ac_at_c64)
    case ACX_COMPLEX128: AC_AT_CPLX(ac_at_c128)
    default:
        return -1;
    }
}

ac_intp ac_index_check(const ac_int64 *idx, ac_intp n, ac_intp dim)
{
    return first_bad_index(idx, n, dim);
}
