/*
 * ac_take.c -- integer-array indexing kernels (issue 15): gathers and
 * scatters of whole elements through int64 indices or byte offsets, with
 * one typed loop per element size (1, 2, 4, 8, 16 bytes; memcpy otherwise)
 * instead of a copy call per element.  Plain C, no Python objects.
 */
#include "ac_take.h"
#include <string.h>
#include <stdint.h>

typedef struct { uint64_t a, b; } ac_take_u128;

/* ---------------------------------------------------------------- take */
#define AC_TAKE_LOOP(T)                                                       \
    for (i = 0; i < n; i++) {                                                 \
        ac_int64 j = idx[i];                                                  \
        if (j < 0) { j += dim; }                                              \
        if ((uint64_t)j >= (uint64_t)dim) { return i; }                       \
        memcpy(dst + i * (ac_intp)sizeof(T), src + j * sstride, sizeof(T));   \
    }                                                                         \
    return -1;

ac_intp ac_take_1d(char *dst, const char *src, ac_intp sstride, ac_intp dim,
                   const ac_int64 *idx, ac_intp n, int itemsize)
{
    ac_intp i;
    switch (itemsize) {
    case 1: { AC_TAKE_LOOP(uint8_t) }
    case 2: { AC_TAKE_LOOP(uint16_t) }
    case 4: { AC_TAKE_LOOP(uint32_t) }
    case 8: { AC_TAKE_LOOP(uint64_t) }
    case 16: { AC_TAKE_LOOP(ac_take_u128) }
    default:
        for (i = 0; i < n; i++) {
            ac_int64 j = idx[i];
            if (j < 0) { j += dim; }
            if ((uint64_t)j >= (uint64_t)dim) { return i; }
            memcpy(dst + i * itemsize, src + j * sstride, (size_t)itemsize);
        }
        return -1;
    }
}

/* ---------------------------------------------------------------- put */
#define AC_PUT_LOOP(T)                                                        \
    for (i = 0; i < n; i++) {                                                 \
        ac_int64 j = idx[i];                                                  \
        if (j < 0) { j += dim; }                                              \
        if ((uint64_t)j >= (uint64_t)dim) { return i; }                       \
        memcpy(dst + j * dstride, src + i * vstride, sizeof(T));              \
    }                                                                         \
    return -1;

ac_intp ac_put_1d(char *dst, ac_intp dstride, ac_intp dim, const ac_int64 *idx, ac_intp n,
                  const char *src, ac_intp vstride, int itemsize)
{
    ac_intp i;
    for (i = 0; i < n; i++) {               /* every index checked before any write */
        const ac_int64 j = idx[i];
        if ((uint64_t)(j < 0 ? j + dim : j) >= (uint64_t)dim) {
            return i;
        }
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
            if (j < 0) { j += dim; }
            if ((uint64_t)j >= (uint64_t)dim) { return i; }
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

/* ---------------------------------------------------------------- ufunc.at */
#define AC_AT_LOOP(T, EXPR)                                                   \
    for (i = 0; i < n; i++) {                                                 \
        T *p = (T *)(a + pos[i] * astride);                                   \
        const T y = *(const T *)(b + i * bstride);                            \
        const T x = *p;                                                       \
        *p = (EXPR);                                                          \
    }                                                                         \
    return 0;
/* integers in their unsigned type: wrap-around without undefined behaviour */
#define AC_AT_INT(T, UT)                                                      \
    switch (op) {                                                             \
    case AC_AT_ADD: { AC_AT_LOOP(T, (T)((UT)x + (UT)y)) }                     \
    case AC_AT_SUBTRACT: { AC_AT_LOOP(T, (T)((UT)x - (UT)y)) }                \
    case AC_AT_MULTIPLY: { AC_AT_LOOP(T, (T)((UT)x * (UT)y)) }                \
    }                                                                         \
    return -1;
#define AC_AT_FLOAT(T)                                                        \
    switch (op) {                                                             \
    case AC_AT_ADD: { AC_AT_LOOP(T, x + y) }                                  \
    case AC_AT_SUBTRACT: { AC_AT_LOOP(T, x - y) }                             \
    case AC_AT_MULTIPLY: { AC_AT_LOOP(T, x * y) }                             \
    }                                                                         \
    return -1;

int ac_at_arith(int op, int tidx, char *a, ac_intp astride, const ac_int64 *pos, ac_intp n,
                const char *b, ac_intp bstride)
{
    ac_intp i;
    switch (tidx) {
    case ACX_INT8: AC_AT_INT(int8_t, uint8_t)
    case ACX_UINT8: AC_AT_INT(uint8_t, uint8_t)
    case ACX_INT16: AC_AT_INT(int16_t, uint16_t)
    case ACX_UINT16: AC_AT_INT(uint16_t, uint16_t)
    case ACX_INT32: AC_AT_INT(int32_t, uint32_t)
    case ACX_UINT32: AC_AT_INT(uint32_t, uint32_t)
    case ACX_INT64: AC_AT_INT(int64_t, uint64_t)
    case ACX_UINT64: AC_AT_INT(uint64_t, uint64_t)
    case ACX_FLOAT32: AC_AT_FLOAT(float)
    case ACX_FLOAT64: AC_AT_FLOAT(double)
    default:
        return -1;
    }
}
