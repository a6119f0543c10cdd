/*
 * ac_stats.c -- typed kernels of the statistics functions that are not
 * ufunc loops: argmax/argmin over one strided run (NaN wins, first
 * occurrence, as NumPy) for every dtype, and the fused pairwise sum of
 * squared deviations that var/std use for float32/float64 (one pass over the
 * data instead of NumPy's three, same accuracy as pairwise summation).
 */
#include <math.h>
#include "ac_internal.h"
#include "ac_stats.h"

/* ---- argmax / argmin ----------------------------------------------------- */
#define AC_LOAD_PLAIN(T, p) (*(const T *)(p))
#define AC_LOAD_HALF(T, p) ac_half_to_float(*(const ac_uint16 *)(p))

/* integers and bool: plain comparisons */
#define AC_ARG_INT(NAME, T)                                                   \
static ac_intp ac_argmax_##NAME(const char *p, ac_intp n, ac_intp s) {       \
    ac_intp best = 0; T m = *(const T *)p;                                   \
    for (ac_intp i = 1; i < n; i++) {                                        \
        T v = *(const T *)(p + i * s);                                       \
        if (v > m) { m = v; best = i; }                                      \
    }                                                                         \
    return best;                                                              \
}                                                                             \
static ac_intp ac_argmin_##NAME(const char *p, ac_intp n, ac_intp s) {       \
    ac_intp best = 0; T m = *(const T *)p;                                   \
    for (ac_intp i = 1; i < n; i++) {                                        \
        T v = *(const T *)(p + i * s);                                       \
        if (v < m) { m = v; best = i; }                                      \
    }                                                                         \
    return best;                                                              \
}

/* real floating: the first NaN wins */
#define AC_ARG_FLOAT(NAME, T, LOAD)                                           \
static ac_intp ac_argmax_##NAME(const char *p, ac_intp n, ac_intp s) {       \
    ac_intp best = 0; T m = LOAD(T, p);                                      \
    if (m != m) return 0;                                                     \
    for (ac_intp i = 1; i < n; i++) {                                        \
        T v = LOAD(T, p + i * s);                                            \
        if (!(v <= m)) { m = v; best = i; if (v != v) return i; }            \
    }                                                                         \
    return best;                                                              \
}                                                                             \
static ac_intp ac_argmin_##NAME(const char *p, ac_intp n, ac_intp s) {       \
    ac_intp best = 0; T m = LOAD(T, p);                                      \
    if (m != m) return 0;                                                     \
    for (ac_intp i = 1; i < n; i++) {                                        \
        T v = LOAD(T, p + i * s);                                            \
        if (!(v >= m)) { m = v; best = i; if (v != v) return i; }            \
    }                                                                         \
    return best;                                                              \
}

/* complex: lexicographic, a NaN in either part wins */
#define AC_ARG_COMPLEX(NAME, R)                                               \
static ac_intp ac_argmax_##NAME(const char *p, ac_intp n, ac_intp s) {       \
    ac_intp best = 0; R mr = ((const R *)p)[0], mi = ((const R *)p)[1];      \
    if (mr != mr || mi != mi) return 0;                                       \
    for (ac_intp i = 1; i < n; i++) {                                        \
        R vr = ((const R *)(p + i * s))[0], vi = ((const R *)(p + i * s))[1]; \
        if (vr != vr || vi != vi) return i;                                   \
        if (vr > mr || (vr == mr && vi > mi)) { mr = vr; mi = vi; best = i; } \
    }                                                                         \
    return best;                                                              \
}                                                                             \
static ac_intp ac_argmin_##NAME(const char *p, ac_intp n, ac_intp s) {       \
    ac_intp best = 0; R mr = ((const R *)p)[0], mi = ((const R *)p)[1];      \
    if (mr != mr || mi != mi) return 0;                                       \
    for (ac_intp i = 1; i < n; i++) {                                        \
        R vr = ((const R *)(p + i * s))[0], vi = ((const R *)(p + i * s))[1]; \
        if (vr != vr || vi != vi) return i;                                   \
        if (vr < mr || (vr == mr && vi < mi)) { mr = vr; mi = vi; best = i; } \
    }                                                                         \
    return best;                                                              \
}

AC_ARG_INT(bool, ac_bool)
AC_ARG_INT(int8, ac_int8)
AC_ARG_INT(uint8, ac_uint8)
AC_ARG_INT(int16, ac_int16)
AC_ARG_INT(uint16, ac_uint16)
AC_ARG_INT(int32, ac_int32)
AC_ARG_INT(uint32, ac_uint32)
AC_ARG_INT(int64, ac_int64)
AC_ARG_INT(uint64, ac_uint64)
AC_ARG_FLOAT(float16, float, AC_LOAD_HALF)
AC_ARG_FLOAT(float32, float, AC_LOAD_PLAIN)
AC_ARG_FLOAT(float64, double, AC_LOAD_PLAIN)
AC_ARG_COMPLEX(complex64, float)
AC_ARG_COMPLEX(complex128, double)

/* indexed by the dense type index (ACX_FOR_EACH: tools/dtype_table.py) */
#define AC_ARGMAX_ENTRY(NAME, name, ctype, size) ac_argmax_##name,
#define AC_ARGMIN_ENTRY(NAME, name, ctype, size) ac_argmin_##name,
ac_arg_fn ac_argmax_table[ACX_NTYPES] = {ACX_FOR_EACH(AC_ARGMAX_ENTRY)};
ac_arg_fn ac_argmin_table[ACX_NTYPES] = {ACX_FOR_EACH(AC_ARGMIN_ENTRY)};

/* ---- sum of squared deviations, pairwise --------------------------------- */
#define AC_SUMSQ(NAME, T)                                                     \
double ac_sumsqdev_##NAME(const char *p, ac_intp n, ac_intp s, double mean)   \
{                                                                             \
    if (n < 8) {                                                              \
        double r = 0;                                                         \
        for (ac_intp i = 0; i < n; i++) {                                    \
            double d = (double)*(const T *)(p + i * s) - mean; r += d * d;    \
        }                                                                     \
        return r;                                                             \
    }                                                                         \
    if (n <= 128) {                                                           \
        double r[8]; ac_intp i;                                               \
        for (int j = 0; j < 8; j++) {                                         \
            double d = (double)*(const T *)(p + j * s) - mean; r[j] = d * d;  \
        }                                                                     \
        for (i = 8; i < n - (n % 8); i += 8)                                  \
            for (int j = 0; j < 8; j++) {                                     \
                double d = (double)*(const T *)(p + (i + j) * s) - mean;      \
                r[j] += d * d;                                                \
            }                                                                 \
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])); \
        for (; i < n; i++) {                                                  \
            double d = (double)*(const T *)(p + i * s) - mean; res += d * d;  \
        }                                                                     \
        return res;                                                           \
    }                                                                         \
    if (n > 65536 && AC_SIGINT_SEEN()) { /* Ctrl-C: the result is dropped */ \
        return 0.0;                                                           \
    }                                                                         \
    ac_intp n2 = n / 2;                                                       \
    n2 -= n2 % 8;                                                             \
    return ac_sumsqdev_##NAME(p, n2, s, mean) + ac_sumsqdev_##NAME(p + n2 * s, n - n2, s, mean); \
}

AC_SUMSQ(float64, double)
AC_SUMSQ(float32, float)
