/*
 * ac_stats.c -- typed kernels of the statistics functions that are not
 * ufunc loops: argmax/argmin over one strided run (NaN wins, first
 * occurrence, as NumPy) for every dtype, and the fused pairwise sum of
 * squared deviations that var/std use for float32/float64 (one pass over the
 * data instead of NumPy's three, same accuracy as pairwise summation); the
 * truth-value scans behind count_nonzero, any and all (one pass over any
 * layout through ac_drive, vectorizable inner loops, any/all stop at the
 * first deciding element).
 */
#include <math.h>
#include <string.h>
#include "ac_internal.h"
#include "ac_stats.h"
#include "ac_pool.h"
#include "ac_mask.h"
#include "ac_cpu.h"
#include "ac_umath_reduce.h"   /* the lane vector types */

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
AC_ARG_FLOAT(float32_serial, float, AC_LOAD_PLAIN)
AC_ARG_FLOAT(float64_serial, double, AC_LOAD_PLAIN)

/* float32/float64, contiguous and long enough: one pass of independent
 * vector lanes, four accumulators deep (the compare-and-select chains
 * overlap), each lane keeping its extreme and the block where it first
 * appeared (strict comparisons: a later equal element never replaces it).
 * The answer is the least index among the lanes holding the extreme (-0.0
 * and +0.0 compare equal), and elements past the last full block come after
 * every lane; a NaN never enters a lane (comparisons with it are false), and
 * when one was seen the first NaN's index is found instead.  The same index
 * as the serial scan: the first occurrence of the extreme, or the first NaN.
 * float32's block indices are 32-bit, so runs of 2**31 elements or more take
 * the serial scan. */
/* the lanes' width per level: what fits four accumulators and their block
 * indices in registers (16 bytes at SSE2, 32 at AVX2, 64 at AVX-512); the
 * vector types (ac_rvd16 ...) are the max/min reductions' (ac_umath_reduce.h) */
#define AC_ARGEXT_STEP(K, VT, VI, OP)                                               \
    memcpy(&v, p + i + K * W, sizeof(VT));                                    \
    g = v OP acc##K;                                                          \
    acc##K = (VT)(((VI)v & g) | ((VI)acc##K & ~g));                           \
    at##K = (blk & g) | (at##K & ~g);                                         \
    nan |= v != v;
#define AC_ARGEXT_BODY(T, IT, VT, VI, OP)                                     \
    enum { W = sizeof(VT) / sizeof(T) };                                      \
    VT acc0, acc1, acc2, acc3, v; VI at0 = {0}, at1 = {0}, at2 = {0}, at3 = {0}; \
    VI nan, g, blk;                                                           \
    ac_intp i, best = -1; T m = 0;                                            \
    memcpy(&acc0, p, sizeof(VT)); memcpy(&acc1, p + W, sizeof(VT));           \
    memcpy(&acc2, p + 2 * W, sizeof(VT)); memcpy(&acc3, p + 3 * W, sizeof(VT)); \
    nan = (acc0 != acc0) | (acc1 != acc1) | (acc2 != acc2) | (acc3 != acc3);  \
    for (i = 4 * W; i + 4 * W <= n; i += 4 * W) {                             \
        blk = (VI){0} + (IT)i;                                                \
        AC_ARGEXT_STEP(0, VT, VI, OP) AC_ARGEXT_STEP(1, VT, VI, OP)                      \
        AC_ARGEXT_STEP(2, VT, VI, OP) AC_ARGEXT_STEP(3, VT, VI, OP)                      \
    }                                                                         \
    {                                                                         \
        IT any = 0;                                                           \
        VT accs[4] = {acc0, acc1, acc2, acc3}; VI ats[4] = {at0, at1, at2, at3}; \
        for (int j = 0; j < W; j++) any |= nan[j];                            \
        if (any) return -1;                                                   \
        for (int k = 0; k < 4; k++)                                           \
            for (int j = 0; j < W; j++) {                                     \
                T x = accs[k][j];                                             \
                ac_intp ix = (ac_intp)ats[k][j] + k * W + j;                  \
                if (best < 0 || x OP m || (x == m && ix < best)) { m = x; best = ix; } \
            }                                                                 \
    }                                                                         \
    for (; i < n; i++) {                                                      \
        T x = p[i];                                                           \
        if (x != x) return -1;                                                \
        if (x OP m) { m = x; best = i; }                                      \
    }                                                                         \
    return best;
/* the index of the extreme of p[0..n) (n >= 4 lanes' worth), or -1 when a
 * NaN is present */
#define AC_ARGEXT(NAME, S, T, IT, V, I, OP)                                   \
static ac_intp ac_argext_##NAME##_##S##_base(const T *p, ac_intp n)           \
{ AC_ARGEXT_BODY(T, IT, ac_rv##V##16, ac_rv##I##16, OP) }                     \
AC_ARGEXT_CLONES(NAME, S, T, IT, V, I, OP)                                    \
static ac_intp ac_argext_##NAME##_##S(const T *p, ac_intp n)                  \
{                                                                             \
    AC_ARGEXT_DISPATCH(NAME, S)                                               \
    return ac_argext_##NAME##_##S##_base(p, n);                               \
}
#if AC_HAVE_DISPATCH
#define AC_ARGEXT_CLONES(NAME, S, T, IT, V, I, OP)                            \
static AC_TARGET_AVX2 ac_intp ac_argext_##NAME##_##S##_avx2(const T *p, ac_intp n) \
{ AC_ARGEXT_BODY(T, IT, ac_rv##V##32, ac_rv##I##32, OP) }                     \
static AC_TARGET_AVX512 ac_intp ac_argext_##NAME##_##S##_avx512(const T *p, ac_intp n) \
{ AC_ARGEXT_BODY(T, IT, ac_rv##V##64, ac_rv##I##64, OP) }
#define AC_ARGEXT_DISPATCH(NAME, S)                                           \
    {                                                                         \
        int lvl = ac_cpu_level();                                             \
        if (lvl >= AC_CPU_AVX512) return ac_argext_##NAME##_##S##_avx512(p, n); \
        if (lvl >= AC_CPU_AVX2) return ac_argext_##NAME##_##S##_avx2(p, n);   \
    }
#else
#define AC_ARGEXT_CLONES(NAME, S, T, IT, V, I, OP)
#define AC_ARGEXT_DISPATCH(NAME, S)
#endif
AC_ARGEXT(max, d, double, ac_int64, d, l, >)
AC_ARGEXT(min, d, double, ac_int64, d, l, <)
AC_ARGEXT(max, f, float, ac_int32, f, i, >)
AC_ARGEXT(min, f, float, ac_int32, f, i, <)

/* argmax/argmin of long contiguous float runs on the thread pool: pieces
 * searched apart (each gives its first extreme, or -1 for a NaN), then
 * combined in order: the first piece with a NaN gives the first NaN, else
 * the first of the pieces' extremes that no later one beats.  The serial
 * answer for any split. */
#define AC_ARG_PAR_MIN ((ac_intp)1 << 20)
#define AC_ARG_MAXP 64
typedef struct {
    ac_intp (*fn)(const void *, ac_intp);
    const char *p;
    ac_intp isz, n, piece;
    ac_intp r[AC_ARG_MAXP];
} ac_arg_job;

static void ac_arg_piece(void *vctx, ac_intp i)
{
    ac_arg_job *j = (ac_arg_job *)vctx;
    ac_intp start = i * j->piece;
    ac_intp n = j->n - start < j->piece ? j->n - start : j->piece;
    j->r[i] = j->fn(j->p + start * j->isz, n);
}

/* the number of pieces run (their results in j->r), or 0: not worth the pool */
static ac_intp ac_arg_split(ac_arg_job *j, ac_intp (*fn)(const void *, ac_intp),
                            const char *p, ac_intp n, ac_intp isz)
{
    int threads;
    ac_intp piece, np;
    if (n < AC_ARG_PAR_MIN || ac_pool_in_piece() || (threads = ac_pool_get_threads()) < 2) {
        return 0;
    }
    piece = (n + 2 * threads - 1) / (2 * threads);
    if (piece < AC_ARG_PAR_MIN / 2) piece = AC_ARG_PAR_MIN / 2;
    piece = (piece + 63) / 64 * 64;
    np = (n + piece - 1) / piece;
    if (np > AC_ARG_MAXP) {
        return 0;
    }
    j->fn = fn;
    j->p = p;
    j->isz = isz;
    j->n = n;
    j->piece = piece;
    ac_pool_run(np, ac_arg_piece, j);
    return np;
}

#define AC_ARG_PAR(VFN, NAME, T, OP, c, n, p)                                 \
    {                                                                         \
        ac_arg_job j;                                                         \
        ac_intp np = ac_arg_split(&j, VFN, c, n, sizeof(T)), best = -1;       \
        for (ac_intp i = 0; i < np; i++) {                                    \
            ac_intp st = i * j.piece, ix;                                     \
            if (j.r[i] < 0)                                                   \
                return st + ac_first_nan_##NAME(p + st, n - st < j.piece ? n - st : j.piece); \
            ix = st + j.r[i];                                                 \
            if (best < 0 || p[ix] OP p[best]) best = ix;                      \
        }                                                                     \
        if (np > 0) return best;                                              \
    }

#define AC_ARG_FLOAT_FAST(NAME, T, S)                                         \
static ac_intp ac_first_nan_##NAME(const T *p, ac_intp n) {                   \
    for (ac_intp i0 = 0; i0 < n; i0 += 256) {                                 \
        ac_intp e = n - i0 < 256 ? n - i0 : 256; int hit = 0;                 \
        for (ac_intp i = i0; i < i0 + e; i++) hit |= p[i] != p[i];            \
        if (hit) for (ac_intp i = i0; i < i0 + e; i++) if (p[i] != p[i]) return i; \
    }                                                                         \
    return 0;                                                                 \
}                                                                             \
static ac_intp ac_argmax##NAME##_v(const void *p, ac_intp n) {               \
    return ac_argext_max_##S((const T *)p, n);                                \
}                                                                             \
static ac_intp ac_argmin##NAME##_v(const void *p, ac_intp n) {               \
    return ac_argext_min_##S((const T *)p, n);                                \
}                                                                             \
static ac_intp ac_argmax_##NAME(const char *c, ac_intp n, ac_intp s) {        \
    const T *p = (const T *)c; ac_intp r;                                     \
    if (s != (ac_intp)sizeof(T) || n < 4 * (64 / (ac_intp)sizeof(T))         \
            || (sizeof(T) == 4 && n >= ((ac_intp)1 << 31)))                   \
        return ac_argmax_##NAME##_serial(c, n, s);                            \
    AC_ARG_PAR(ac_argmax##NAME##_v, NAME, T, >, c, n, p)                      \
    r = ac_argext_max_##S(p, n);                                              \
    return r >= 0 ? r : ac_first_nan_##NAME(p, n);                            \
}                                                                             \
static ac_intp ac_argmin_##NAME(const char *c, ac_intp n, ac_intp s) {        \
    const T *p = (const T *)c; ac_intp r;                                     \
    if (s != (ac_intp)sizeof(T) || n < 4 * (64 / (ac_intp)sizeof(T))         \
            || (sizeof(T) == 4 && n >= ((ac_intp)1 << 31)))                   \
        return ac_argmin_##NAME##_serial(c, n, s);                            \
    AC_ARG_PAR(ac_argmin##NAME##_v, NAME, T, <, c, n, p)                      \
    r = ac_argext_min_##S(p, n);                                              \
    return r >= 0 ? r : ac_first_nan_##NAME(p, n);                            \
}
AC_ARG_FLOAT_FAST(float32, float, f)
AC_ARG_FLOAT_FAST(float64, double, d)
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

/* ---- truth-value scans: count_nonzero, any, all -------------------------- */
/* Whether one element is non-zero ("true"): integers and bool by value,
 * floats by value (-0.0 is zero, NaN is not), float16 by its bits without
 * the sign, complex when either part is. */
#define AC_NZ_PLAIN(T, p) (*(const T *)(p) != 0)
#define AC_NZ_HALF(T, p) ((*(const ac_uint16 *)(p) & 0x7fffu) != 0)
#define AC_NZ_COMPLEX(T, p) (((const T *)(p))[0] != 0 || ((const T *)(p))[1] != 0)

/* ctx of the scans: the running count, or for any/all nothing (the inner
 * function's return value 1 stops ac_drive at the first deciding element) */
#define AC_TRUTH(NAME, T, NZ, ACC)                                            \
static int ac_countnz_##NAME(char **ptrs, ac_intp n, const ac_intp *st,     \
                             void *ctx) {                                    \
    const char *p = ptrs[0]; ac_intp s = st[0];                               \
    if (sizeof(T) == 1 && s == 1) {                                           \
        *(ac_intp *)ctx += ac_mask_count((const ac_uint8 *)p, n);      \
        return 0;                                                             \
    }                                                                         \
    ACC c = 0;                  /* n <= AC_DRIVE_CHUNK: ACC cannot wrap */   \
    if (s == (ac_intp)sizeof(T))    /* contiguous: a constant stride */      \
        for (ac_intp i = 0; i < n; i++) c += NZ(T, p + i * (ac_intp)sizeof(T)); \
    else                                                                      \
        for (ac_intp i = 0; i < n; i++) c += NZ(T, p + i * s);               \
    *(ac_intp *)ctx += (ac_intp)c;                                            \
    return 0;                                                                 \
}                                                                             \
static int ac_anynz_##NAME(char **ptrs, ac_intp n, const ac_intp *st,       \
                           void *ctx) {                                      \
    const char *p = ptrs[0]; ac_intp s = st[0];                               \
    (void)ctx;                                                                \
    for (ac_intp i0 = 0; i0 < n; i0 += 1024) {  /* blocks: exit early */    \
        ac_intp e = n - i0 < 1024 ? n - i0 : 1024; ACC c = 0;                 \
        for (ac_intp i = i0; i < i0 + e; i++) c |= NZ(T, p + i * s);         \
        if (c) return 1;                                                      \
    }                                                                         \
    return 0;                                                                 \
}                                                                             \
static int ac_allnz_##NAME(char **ptrs, ac_intp n, const ac_intp *st,       \
                           void *ctx) {                                      \
    const char *p = ptrs[0]; ac_intp s = st[0];                               \
    (void)ctx;                                                                \
    for (ac_intp i0 = 0; i0 < n; i0 += 1024) {                                \
        ac_intp e = n - i0 < 1024 ? n - i0 : 1024; ACC c = 1;                 \
        for (ac_intp i = i0; i < i0 + e; i++) c &= NZ(T, p + i * s);         \
        if (!c) return 1;                                                     \
    }                                                                         \
    return 0;                                                                 \
}

AC_TRUTH(bool, ac_uint8, AC_NZ_PLAIN, ac_intp)
AC_TRUTH(int8, ac_int8, AC_NZ_PLAIN, ac_intp)
AC_TRUTH(uint8, ac_uint8, AC_NZ_PLAIN, ac_intp)
AC_TRUTH(int16, ac_int16, AC_NZ_PLAIN, ac_uint32)
AC_TRUTH(uint16, ac_uint16, AC_NZ_PLAIN, ac_uint32)
AC_TRUTH(int32, ac_int32, AC_NZ_PLAIN, ac_uint32)
AC_TRUTH(uint32, ac_uint32, AC_NZ_PLAIN, ac_uint32)
AC_TRUTH(int64, ac_int64, AC_NZ_PLAIN, ac_uint64)
AC_TRUTH(uint64, ac_uint64, AC_NZ_PLAIN, ac_uint64)
AC_TRUTH(float16, ac_uint16, AC_NZ_HALF, ac_uint32)
AC_TRUTH(float32, float, AC_NZ_PLAIN, ac_uint32)
AC_TRUTH(float64, double, AC_NZ_PLAIN, ac_uint64)
AC_TRUTH(complex64, float, AC_NZ_COMPLEX, ac_uint32)
AC_TRUTH(complex128, double, AC_NZ_COMPLEX, ac_uint64)

#define AC_TRUTH_ENTRY(NAME, name, ctype, size) \
    {ac_countnz_##name, ac_anynz_##name, ac_allnz_##name},
static const ac_inner_loop_fn ac_truth_table[ACX_NTYPES][3] = {ACX_FOR_EACH(AC_TRUTH_ENTRY)};

/* count_nonzero of long runs on the thread pool: pieces of at least
 * AC_COUNT_PIECE elements and 4 MB (shorter ones end before a worker has
 * woken) counted apart and added (integers: any split gives the same
 * count) */
#define AC_COUNT_PIECE ((ac_intp)1 << 18)
#define AC_COUNT_PIECE_BYTES ((ac_intp)1 << 22)
#define AC_COUNT_MAXP 64
typedef struct {
    ac_inner_loop_fn fn;
    ac_intp total;          /* the running count (ac_drive's ctx) */
    ac_intp min_piece;      /* elements */
    char *p;
    ac_intp stride, n, piece;
    ac_intp part[AC_COUNT_MAXP];
} ac_count_job;

static void ac_count_piece(void *vctx, ac_intp i)
{
    ac_count_job *j = (ac_count_job *)vctx;
    ac_intp start = i * j->piece;
    ac_intp n = j->n - start < j->piece ? j->n - start : j->piece;
    char *q[1] = {j->p + start * j->stride};
    ac_intp c = 0;
    j->fn(q, n, &j->stride, &c);
    j->part[i] = c;
}

static int ac_count_inner(char **ptrs, ac_intp n, const ac_intp *st, void *ctx)
{
    ac_count_job *j = (ac_count_job *)ctx;
    int threads;
    if (n >= 2 * j->min_piece && !ac_pool_in_piece() && (threads = ac_pool_get_threads()) > 1) {
        ac_intp piece = (n + 2 * threads - 1) / (2 * threads), np;
        if (piece < j->min_piece) piece = j->min_piece;
        np = (n + piece - 1) / piece;
        if (np <= AC_COUNT_MAXP) {
            j->p = ptrs[0];
            j->stride = st[0];
            j->n = n;
            j->piece = piece;
            for (ac_intp i = 0; i < np; i++) j->part[i] = 0;
            ac_pool_run(np, ac_count_piece, j);
            for (ac_intp i = 0; i < np; i++) j->total += j->part[i];
            return 0;
        }
    }
    return j->fn(ptrs, n, st, &j->total);
}

int ac_truth_scan(int what, int tidx, int ndim, const ac_intp *shape,
                  const ac_intp *strides, char *data, ac_intp *result)
{
    ac_intp st[AC_MAXDIMS];
    ac_intp count = 0;
    char *ptrs[1] = {data};
    if (what < 0 || what > 2 || tidx < 0 || tidx >= ACX_NTYPES || ndim < 0 || ndim > AC_MAXDIMS)
        return AC_DRIVE_BADARGS;
    for (int d = 0; d < ndim; d++) st[d] = strides[d];
    int r;
    if (ndim <= 1 && (ndim == 0 || (shape[0] > 0 && shape[0] <= AC_COUNT_PIECE))) {
        /* one short run (a small vector, a 0-d array): the kernel itself,
         * without the driver's set-up (a tenth of an 8-element count) */
        ac_intp n = ndim == 0 ? 1 : shape[0];
        if (ndim == 0) st[0] = 0;
        r = ac_truth_table[tidx][what](ptrs, n, st, &count);
    }
    else if (what == AC_TRUTH_COUNT) {
        ac_count_job job;
        static const ac_intp isz[ACX_NTYPES] = ACX_ITEMSIZES;
        job.fn = ac_truth_table[tidx][what];
        job.total = 0;
        job.min_piece = AC_COUNT_PIECE_BYTES / isz[tidx];
        if (job.min_piece < AC_COUNT_PIECE) job.min_piece = AC_COUNT_PIECE;
        r = ac_drive(ndim, shape, 1, ptrs, st, 0, AC_DRIVE_SIMPLIFY, 0, ac_count_inner, &job);
        count = job.total;
    }
    else {
        r = ac_drive(ndim, shape, 1, ptrs, st, 0, AC_DRIVE_SIMPLIFY, 0,
                     ac_truth_table[tidx][what], &count);
    }
    if (r != 0 && r != 1) return r;   /* interrupted, bad arguments */
    if (what == AC_TRUTH_COUNT) *result = count;
    else if (what == AC_TRUTH_ANY) *result = r == 1;
    else *result = r != 1;
    return 0;
}
