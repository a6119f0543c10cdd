/*
 * ac_npfuncs.c -- C kernels of the NumPy-named functions (arraycore/_np_*.py
 * through arraycore/_np_kernels.pyx): introselect (partition, median,
 * percentile, quantile), bincount and the uniform-bin histogram.  Counting
 * and the min/max before it split large inputs over the thread pool
 * (src/ac_pool.c): integer counts are the same for any split.
 *
 * Plain C, no Python objects, callable without the GIL.  Data is native byte
 * order, aligned and contiguous within a lane.  Float ordering is NumPy's
 * (NaNs last).
 */
#include <string.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "ac_npfuncs.h"
#include "ac_cpu.h"
#include "ac_pool.h"

/* ---------------------------------------------------------------------------
 * introselect: quickselect with a median-of-3 pivot; when the recursion
 * budget (2 log2 n) runs out, the range is heap-sorted (worst case n log n).
 * Several order statistics: select the middle one, then recurse on the two
 * sides with the kth values that fall in each.
 * ------------------------------------------------------------------------- */
#define AC_LT_INT(a, b) ((a) < (b))
#define AC_LT_FLT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

#define AC_DEFINE_SELECT(NAME, T, LT)                                          \
static void NAME##_sift(T *v, ac_intp start, ac_intp n)                       \
{                                                                             \
    ac_intp root = start;                                                     \
    for (;;) {                                                                \
        ac_intp child = 2 * root + 1;                                         \
        if (child >= n) return;                                               \
        if (child + 1 < n && LT(v[child], v[child + 1])) child++;             \
        if (!LT(v[root], v[child])) return;                                   \
        T t = v[root]; v[root] = v[child]; v[child] = t;                      \
        root = child;                                                         \
    }                                                                         \
}                                                                             \
static void NAME##_heapsort(T *v, ac_intp n)                                  \
{                                                                             \
    for (ac_intp s = n / 2 - 1; s >= 0; s--) NAME##_sift(v, s, n);            \
    for (ac_intp e = n - 1; e > 0; e--) {                                     \
        T t = v[0]; v[0] = v[e]; v[e] = t;                                    \
        NAME##_sift(v, 0, e);                                                 \
    }                                                                         \
}                                                                             \
static void NAME##_one(T *v, ac_intp lo, ac_intp hi, ac_intp k, int depth)    \
{                                                                             \
    while (hi > lo) {                                                         \
        if (k == lo || k == hi) {    /* an extreme: one scan and a swap */     \
            ac_intp b = lo;                                                   \
            if (k == lo) { for (ac_intp i = lo + 1; i <= hi; i++) if (LT(v[i], v[b])) b = i; } \
            else { for (ac_intp i = lo + 1; i <= hi; i++) if (!LT(v[i], v[b])) b = i; }        \
            T t0 = v[k]; v[k] = v[b]; v[b] = t0;                              \
            return;                                                           \
        }                                                                     \
        if (hi - lo < 16) {                                                   \
            for (ac_intp i = lo + 1; i <= hi; i++) {                          \
                T x = v[i]; ac_intp j = i;                                    \
                while (j > lo && LT(x, v[j - 1])) { v[j] = v[j - 1]; j--; }   \
                v[j] = x;                                                     \
            }                                                                 \
            return;                                                           \
        }                                                                     \
        if (depth-- <= 0) { NAME##_heapsort(v + lo, hi - lo + 1); return; }   \
        ac_intp mid = lo + (hi - lo) / 2;                                     \
        T t;                                                                  \
        if (LT(v[mid], v[lo])) { t = v[mid]; v[mid] = v[lo]; v[lo] = t; }     \
        if (LT(v[hi], v[mid])) {                                              \
            t = v[hi]; v[hi] = v[mid]; v[mid] = t;                            \
            if (LT(v[mid], v[lo])) { t = v[mid]; v[mid] = v[lo]; v[lo] = t; } \
        }                                                                     \
        T pivot = v[mid];                                                     \
        v[mid] = v[hi - 1]; v[hi - 1] = pivot;                                \
        ac_intp i = lo, j = hi - 1;                                           \
        for (;;) {                                                            \
            do i++; while (LT(v[i], pivot));                                  \
            do j--; while (LT(pivot, v[j]));                                  \
            if (i >= j) break;                                                \
            t = v[i]; v[i] = v[j]; v[j] = t;                                  \
        }                                                                     \
        v[hi - 1] = v[i]; v[i] = pivot;                                       \
        if (k == i) return;                                                   \
        if (k < i) hi = i - 1; else lo = i + 1;                               \
    }                                                                         \
}                                                                             \
/* Floyd and Rivest's SELECT for large ranges: a pivot chosen by recursively   \
 * selecting in a sample around k, so one partition pass usually leaves only   \
 * a small range around k (about 1.5 n comparisons instead of 3 n). */         \
static void NAME##_fr(T *v, ac_intp left, ac_intp right, ac_intp k, int depth) \
{                                                                             \
    while (right - left > 600) {                                              \
        if (depth-- <= 0) { NAME##_heapsort(v + left, right - left + 1); return; } \
        double n = (double)(right - left + 1), i = (double)(k - left + 1);    \
        double z = log(n), s = 0.5 * exp(2.0 * z / 3.0);                      \
        double sd = 0.5 * sqrt(z * s * (n - s) / n) * (i - n / 2 < 0 ? -1.0 : 1.0); \
        ac_intp nl = (ac_intp)floor((double)k - i * s / n + sd);              \
        ac_intp nr = (ac_intp)floor((double)k + (n - i) * s / n + sd);        \
        if (nl < left) nl = left;                                             \
        if (nr > right) nr = right;                                           \
        NAME##_fr(v, nl, nr, k, depth);                                       \
        T t = v[k], tmp;                                                      \
        ac_intp a = left, b = right;                                          \
        tmp = v[left]; v[left] = v[k]; v[k] = tmp;                            \
        if (LT(t, v[right])) { tmp = v[right]; v[right] = v[left]; v[left] = tmp; } \
        while (a < b) {                                                       \
            tmp = v[a]; v[a] = v[b]; v[b] = tmp; a++; b--;                    \
            while (LT(v[a], t)) a++;                                          \
            while (LT(t, v[b])) b--;                                          \
        }                                                                     \
        if (!LT(v[left], t) && !LT(t, v[left])) {                             \
            tmp = v[left]; v[left] = v[b]; v[b] = tmp;                        \
        } else {                                                              \
            b++; tmp = v[b]; v[b] = v[right]; v[right] = tmp;                 \
        }                                                                     \
        if (b == k) return;                                                   \
        if (b < k) left = b + 1; else right = b - 1;                          \
    }                                                                         \
    NAME##_one(v, left, right, k, depth);                                     \
}                                                                             \
static void NAME##_multi(T *v, ac_intp lo, ac_intp hi, const ac_intp *kth,    \
                         ac_intp nk, int depth)                               \
{                                                                             \
    while (nk > 0 && hi > lo) {                                               \
        ac_intp m = nk / 2, k = kth[m];                                       \
        if (k == lo || k == hi) NAME##_one(v, lo, hi, k, depth);              \
        else NAME##_fr(v, lo, hi, k, depth);                                  \
        NAME##_multi(v, lo, k - 1, kth, m, depth);                            \
        lo = k + 1; kth += m + 1; nk -= m + 1;                                \
    }                                                                         \
}

AC_DEFINE_SELECT(sel_b, int8_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_B, uint8_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_h, int16_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_H, uint16_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_i, int32_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_I, uint32_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_l, int64_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_L, uint64_t, AC_LT_INT)
AC_DEFINE_SELECT(sel_f, float, AC_LT_FLT)
AC_DEFINE_SELECT(sel_d, double, AC_LT_FLT)
/* lanes without NaN: the plain comparison (faster inner loops) */
AC_DEFINE_SELECT(sel_fq, float, AC_LT_INT)
AC_DEFINE_SELECT(sel_dq, double, AC_LT_INT)

static int ac_has_nan_f(const float *p, ac_intp n)
{
    int r = 0;
    for (ac_intp i = 0; i < n; i++) r |= (p[i] != p[i]);
    return r;
}

static int ac_has_nan_d(const double *p, ac_intp n)
{
    int r = 0;
    for (ac_intp i = 0; i < n; i++) r |= (p[i] != p[i]);
    return r;
}

/* argpartition: the same selection on (value, index) pairs, ordered by value */
#define AC_LT_PAIR_INT(a, b) ((a).v < (b).v)
#define AC_LT_PAIR_FLT(a, b) ((a).v < (b).v || ((b).v != (b).v && (a).v == (a).v))
#define AC_DEFINE_PAIR(S, T) typedef struct { T v; ac_int64 i; } pair_##S;
AC_DEFINE_PAIR(b, int8_t)
AC_DEFINE_PAIR(B, uint8_t)
AC_DEFINE_PAIR(h, int16_t)
AC_DEFINE_PAIR(H, uint16_t)
AC_DEFINE_PAIR(i, int32_t)
AC_DEFINE_PAIR(I, uint32_t)
AC_DEFINE_PAIR(l, int64_t)
AC_DEFINE_PAIR(L, uint64_t)
AC_DEFINE_PAIR(f, float)
AC_DEFINE_PAIR(d, double)
AC_DEFINE_SELECT(asel_b, pair_b, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_B, pair_B, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_h, pair_h, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_H, pair_H, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_i, pair_i, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_I, pair_I, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_l, pair_l, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_L, pair_L, AC_LT_PAIR_INT)
AC_DEFINE_SELECT(asel_f, pair_f, AC_LT_PAIR_FLT)
AC_DEFINE_SELECT(asel_d, pair_d, AC_LT_PAIR_FLT)

#define AC_ARGSEL_CASE(ACX, S, T)                                             \
    case ACX: {                                                               \
        pair_##S *w = (pair_##S *)malloc((size_t)n * sizeof(pair_##S));       \
        if (w == NULL) return -2;                                             \
        for (ac_intp L = 0; L < nlanes; L++) {                                \
            const T *p = (const T *)(data + L * lanestride);                  \
            ac_int64 *o = out + L * n;                                        \
            for (ac_intp j = 0; j < n; j++) { w[j].v = p[j]; w[j].i = j; }    \
            asel_##S##_multi(w, 0, n - 1, kth, nk, depth);                    \
            for (ac_intp j = 0; j < n; j++) o[j] = w[j].i;                    \
        }                                                                     \
        free(w);                                                              \
        return 0;                                                             \
    }

int ac_argselect_lanes(int tidx, const char *data, ac_intp nlanes, ac_intp lanestride,
                       ac_intp n, const ac_intp *kth, ac_intp nk, ac_int64 *out)
{
    int depth = 2 * 64 + 4;
    switch (tidx) {
    AC_ARGSEL_CASE(ACX_BOOL, B, uint8_t)
    AC_ARGSEL_CASE(ACX_UINT8, B, uint8_t)
    AC_ARGSEL_CASE(ACX_INT8, b, int8_t)
    AC_ARGSEL_CASE(ACX_INT16, h, int16_t)
    AC_ARGSEL_CASE(ACX_UINT16, H, uint16_t)
    AC_ARGSEL_CASE(ACX_INT32, i, int32_t)
    AC_ARGSEL_CASE(ACX_UINT32, I, uint32_t)
    AC_ARGSEL_CASE(ACX_INT64, l, int64_t)
    AC_ARGSEL_CASE(ACX_UINT64, L, uint64_t)
    AC_ARGSEL_CASE(ACX_FLOAT32, f, float)
    AC_ARGSEL_CASE(ACX_FLOAT64, d, double)
    default: return -1;
    }
}

static int ac_depth(ac_intp n)
{
    int d = 0;
    while (n > 1) { n >>= 1; d++; }
    return 2 * d + 4;
}

int ac_select_lanes(int tidx, char *data, ac_intp nlanes, ac_intp lanestride, ac_intp n,
                    const ac_intp *kth, ac_intp nk)
{
    int depth = ac_depth(n);
    for (ac_intp L = 0; L < nlanes; L++) {
        char *p = data + L * lanestride;
        switch (tidx) {
        case ACX_BOOL:
        case ACX_UINT8: sel_B_multi((uint8_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_INT8: sel_b_multi((int8_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_INT16: sel_h_multi((int16_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_UINT16: sel_H_multi((uint16_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_INT32: sel_i_multi((int32_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_UINT32: sel_I_multi((uint32_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_INT64: sel_l_multi((int64_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_UINT64: sel_L_multi((uint64_t *)p, 0, n - 1, kth, nk, depth); break;
        case ACX_FLOAT32:
            if (ac_has_nan_f((const float *)p, n)) sel_f_multi((float *)p, 0, n - 1, kth, nk, depth);
            else sel_fq_multi((float *)p, 0, n - 1, kth, nk, depth);
            break;
        case ACX_FLOAT64:
            if (ac_has_nan_d((const double *)p, n)) sel_d_multi((double *)p, 0, n - 1, kth, nk, depth);
            else sel_dq_multi((double *)p, 0, n - 1, kth, nk, depth);
            break;
        default: return -1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * bincount: counts (or sums of weights) of the non-negative int64 values.
 * ------------------------------------------------------------------------- */
/* Counting: a repeated value makes each increment wait for the previous
 * store to the same counter (store-to-load forwarding), so with enough data
 * the elements are counted round-robin into four sub-histograms (malloc'ed,
 * kept small enough for the cache) that are then added; otherwise, or if
 * the allocation fails, straight into counts. */
#define BINCOUNT_SUB 4
#define BINCOUNT_SUB_MAX_BINS 16384     /* 4 x 16384 x 8 bytes = 512 KiB */
/* the pool takes inputs of at least this many elements (8 MB), in one piece
 * per thread, each counting into a histogram of its own, when the
 * histograms are small beside the input */
#define BINCOUNT_PAR_MIN ((ac_intp)1 << 20)

static void count_into(const ac_int64 *x, ac_intp n, ac_intp nbins, ac_int64 *counts)
{
    ac_intp i = 0;
    ac_int64 *sub = NULL;
    if (nbins > 0 && nbins <= BINCOUNT_SUB_MAX_BINS && n >= 8 * nbins && n >= 4096)
        sub = (ac_int64 *)calloc((size_t)(BINCOUNT_SUB - 1) * (size_t)nbins,
                                 sizeof(ac_int64));
    if (sub != NULL) {
        ac_int64 *c1 = sub, *c2 = sub + nbins, *c3 = sub + 2 * nbins;
        for (; i + 4 <= n; i += 4) {
            counts[x[i]]++; c1[x[i + 1]]++; c2[x[i + 2]]++; c3[x[i + 3]]++;
        }
        for (ac_intp b = 0; b < nbins; b++)
            counts[b] += c1[b] + c2[b] + c3[b];
        free(sub);
    }
    else {
        for (; i + 4 <= n; i += 4) {
            counts[x[i]]++; counts[x[i + 1]]++; counts[x[i + 2]]++; counts[x[i + 3]]++;
        }
    }
    for (; i < n; i++) counts[x[i]]++;
}

typedef struct {
    const ac_int64 *x;
    ac_intp n, piece, nbins;
    ac_int64 *counts;       /* piece 0's histogram: the result */
    ac_int64 *more;         /* the other pieces' histograms, nbins each */
} bincount_job;

static void bincount_piece(void *vctx, ac_intp k)
{
    bincount_job *j = (bincount_job *)vctx;
    ac_intp start = k * j->piece;
    ac_intp n = j->n - start < j->piece ? j->n - start : j->piece;
    count_into(j->x + start, n, j->nbins,
               k == 0 ? j->counts : j->more + (k - 1) * j->nbins);
}

void ac_bincount(const ac_int64 *x, ac_intp n, const double *w, ac_intp nbins,
                 ac_int64 *counts, double *sums)
{
    if (w == NULL) {
        int threads;
        if (n >= BINCOUNT_PAR_MIN && nbins <= n / 16 && !ac_pool_in_piece()
                && (threads = ac_pool_get_threads()) > 1) {
            bincount_job j;
            if (threads > 16) threads = 16;
            j.more = (ac_int64 *)calloc((size_t)(threads - 1) * (size_t)nbins,
                                        sizeof(ac_int64));
            if (j.more != NULL) {
                j.x = x;
                j.n = n;
                j.piece = (n + threads - 1) / threads;
                j.nbins = nbins;
                j.counts = counts;
                ac_pool_run((n + j.piece - 1) / j.piece, bincount_piece, &j);
                for (int t = 0; t < threads - 1; t++) {
                    const ac_int64 *c = j.more + (ac_intp)t * nbins;
                    for (ac_intp b = 0; b < nbins; b++) counts[b] += c[b];
                }
                free(j.more);
                return;
            }
        }
        count_into(x, n, nbins, counts);
    }
    else {
        /* weights: summed in input order, one thread (float sums depend on
         * the order; NumPy's is this one) */
        for (ac_intp i = 0; i < n; i++) sums[x[i]] += w[i];
    }
}

/* min and max of int64 values (n >= 1): eight independent lanes of
 * branch-free min/max the compiler turns into vector code, compiled for
 * each dispatch level (AVX-512 has a 64-bit vector min/max, AVX2 a compare
 * and blend). */
#define MINMAX_I64_BODY                                                        \
    {                                                                         \
        ac_int64 lo[8], hi[8], l, h;                                          \
        ac_intp i = 0;                                                        \
        int j;                                                                \
        for (j = 0; j < 8; j++)                                               \
            lo[j] = hi[j] = x[0];                                             \
        for (; i + 8 <= n; i += 8)                                            \
            for (j = 0; j < 8; j++) {                                         \
                ac_int64 v = x[i + j];                                        \
                lo[j] = v < lo[j] ? v : lo[j];                                \
                hi[j] = v > hi[j] ? v : hi[j];                                \
            }                                                                 \
        for (; i < n; i++) {                                                  \
            lo[0] = x[i] < lo[0] ? x[i] : lo[0];                              \
            hi[0] = x[i] > hi[0] ? x[i] : hi[0];                              \
        }                                                                     \
        l = lo[0];                                                            \
        h = hi[0];                                                            \
        for (j = 1; j < 8; j++) {                                             \
            l = lo[j] < l ? lo[j] : l;                                        \
            h = hi[j] > h ? hi[j] : h;                                        \
        }                                                                     \
        *mn = l;                                                              \
        *mx = h;                                                              \
    }

static void minmax_i64_base(const ac_int64 *x, ac_intp n, ac_int64 *mn, ac_int64 *mx)
MINMAX_I64_BODY
#if AC_HAVE_DISPATCH
AC_TARGET_AVX2 static void minmax_i64_avx2(const ac_int64 *x, ac_intp n, ac_int64 *mn,
                                           ac_int64 *mx)
MINMAX_I64_BODY
AC_TARGET_AVX512 static void minmax_i64_avx512(const ac_int64 *x, ac_intp n, ac_int64 *mn,
                                               ac_int64 *mx)
MINMAX_I64_BODY
#endif

static void minmax_i64_one(const ac_int64 *x, ac_intp n, ac_int64 *mn, ac_int64 *mx)
{
#if AC_HAVE_DISPATCH
    int lev = ac_cpu_level();
    if (lev == AC_CPU_AVX512) {
        minmax_i64_avx512(x, n, mn, mx);
        return;
    }
    if (lev == AC_CPU_AVX2) {
        minmax_i64_avx2(x, n, mn, mx);
        return;
    }
#endif
    minmax_i64_base(x, n, mn, mx);
}

/* large inputs: one piece per thread (at most 16), the pieces' extremes
 * combined */
typedef struct {
    const ac_int64 *x;
    ac_intp n, piece;
    ac_int64 lo[16], hi[16];
} minmax_job;

static void minmax_piece(void *vctx, ac_intp k)
{
    minmax_job *j = (minmax_job *)vctx;
    ac_intp start = k * j->piece;
    ac_intp n = j->n - start < j->piece ? j->n - start : j->piece;
    minmax_i64_one(j->x + start, n, &j->lo[k], &j->hi[k]);
}

void ac_minmax_i64(const ac_int64 *x, ac_intp n, ac_int64 *mn, ac_int64 *mx)
{
    int threads;
    if (n >= BINCOUNT_PAR_MIN && !ac_pool_in_piece() && (threads = ac_pool_get_threads()) > 1) {
        minmax_job j;
        ac_intp np;
        if (threads > 16) threads = 16;
        j.x = x;
        j.n = n;
        j.piece = (n + threads - 1) / threads;
        np = (n + j.piece - 1) / j.piece;
        ac_pool_run(np, minmax_piece, &j);
        *mn = j.lo[0];
        *mx = j.hi[0];
        for (ac_intp k = 1; k < np; k++) {
            if (j.lo[k] < *mn) *mn = j.lo[k];
            if (j.hi[k] > *mx) *mx = j.hi[k];
        }
        return;
    }
    minmax_i64_one(x, n, mn, mx);
}

/* ---------------------------------------------------------------------------
 * histogram with nbins equal bins on [lo, hi]: the bin of x is guessed from
 * (x - lo) * nbins / (hi - lo) and corrected against the edges (so the
 * result depends only on the edges, as NumPy's); x outside [lo, hi] and NaN
 * are not counted; the last bin is closed.
 * ------------------------------------------------------------------------- */
void ac_hist_uniform(const double *x, ac_intp n, const double *w, double lo, double hi,
                     ac_intp nbins, const double *edges, ac_int64 *counts, double *sums)
{
    double span = hi - lo;
    for (ac_intp i = 0; i < n; i++) {
        double v = x[i];
        if (!(v >= lo && v <= hi)) continue;
        ac_intp b = (ac_intp)(((v - lo) / span) * (double)nbins);
        if (b >= nbins) b = nbins - 1;
        if (b < 0) b = 0;
        if (v < edges[b]) b--;
        else if (b != nbins - 1 && v >= edges[b + 1]) b++;
        if (b < 0) b = 0;
        if (b >= nbins) b = nbins - 1;
        if (w == NULL) counts[b]++;
        else sums[b] += w[i];
    }
}
