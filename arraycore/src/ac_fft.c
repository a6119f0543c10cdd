/*
 * ac_fft.c -- arraycore's FFT engine (see ac_fft.h): exact twiddles
 * (ac_fft_root), the planner's choices (factorisation, Bluestein, smooth
 * lengths), the kernels for double and float (ac_fft_tmpl.h included twice),
 * the bounded thread-safe plan cache, the batch driver split over the
 * process-wide pool (ac_pool.h),
 * and the plan-and-execute pair for C callers.
 */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <float.h>
#include <pthread.h>
#include "ac_fft.h"
#include "ac_internal.h"   /* ac_data_alloc: the scratch blocks */
#include "ac_driver.h"
#include "ac_cpu.h"
#include "ac_pool.h"

/* cos and sin of 2 pi j / n (0 <= j < n), with the angle reduced exactly to
 * [0, pi/4] by integer arithmetic on 8j against 8n, then evaluated in long
 * double: the values rounded to double (or float) are correct to the last
 * bit or within it. */
static void ac_fft_root(unsigned long long j, unsigned long long n, long double *c, long double *s)
{
    unsigned long long A = 8 * j;
    int neg_s = 0, neg_c = 0, swap = 0;
    if (A > 4 * n) { A = 8 * n - A; neg_s = 1; }
    if (A > 2 * n) { A = 4 * n - A; neg_c = 1; }
    if (A > n) { A = 2 * n - A; swap = 1; }
    long double th = (3.141592653589793238462643383279502884L / 4) * (long double)A / (long double)n;
    long double cc, ss;
    if (A == 0) { cc = 1; ss = 0; }
    else if (A == n) { cc = ss = 0.7071067811865475244008443621048490393L; }
    else { cc = cosl(th); ss = sinl(th); }
    if (swap) { long double t = cc; cc = ss; ss = t; }
    if (neg_c) cc = -cc;
    if (neg_s) ss = -ss;
    *c = cc; *s = ss;
}

/* Direct passes or Bluestein for a length n with a large prime factor.
 * Accuracy decides as much as speed: Bluestein's two transforms of length
 * m >= 2n round more often than one direct odd-radix pass (measured up to
 * 1.4x NumPy's error for factors 61..127 where NumPy's pocketfft runs direct
 * passes), while where NumPy runs Bluestein ours is the more accurate one (its
 * kernel is computed in long double).  So: direct passes for prime factors up
 * to 127; Bluestein above AC_FFT_MAXDIRECT (the largest odd pass); between
 * the two, the choice of a cost model of the same shape as NumPy's (operation
 * counts ~ length * sum of factors, Bluestein ~ 3 transforms of the smallest
 * 11-smooth m >= 2L - 1; a real transform's direct passes cost half), so both
 * libraries take the same algorithm there.  rlen: the length of the even real
 * transform whose half-length complex plan this is (0 for a complex
 * transform or an odd real one, which runs a full complex transform). */
#define AC_FFT_MAXDIRECT 509
static double ac_fft_cost(ac_intp n)
{
    double c = 0;
    ac_intp r = n;
    while (r % 2 == 0) { c += 2; r /= 2; }
    for (ac_intp f = 3; f * f <= r; f += 2)
        while (r % f == 0) { c += f <= 5 ? (double)f : 1.1 * (double)f; r /= f; }
    if (r > 1) c += r <= 5 ? (double)r : 1.1 * (double)r;
    return c * (double)n;
}

static int ac_fft_use_bluestein(ac_intp n, ac_intp rlen)
{
    ac_intp r = n, big = 1;
    while (r % 2 == 0) r /= 2;
    for (ac_intp f = 3; f * f <= r; f += 2)
        while (r % f == 0) { big = f; r /= f; }
    if (r > big) big = r;
    if (big <= 127) return 0;
    if (big > AC_FFT_MAXDIRECT) return 1;
    ac_intp L = rlen ? rlen : n;
    if (big * big <= L) return 0;
    ac_intp m = 2 * L - 1;
    for (;; m++) {              /* the smallest 11-smooth length >= 2L - 1 */
        ac_intp t = m;
        static const int sp[5] = {2, 3, 5, 7, 11};
        for (int i = 0; i < 5; i++) while (t % sp[i] == 0) t /= sp[i];
        if (t == 1) break;
    }
    double direct = ac_fft_cost(L) * (rlen ? 0.5 : 1.0);
    return 3.0 * ac_fft_cost(m) < direct;
}

/* the most lanes one block of the batch driver holds */
#define AC_FFT_MAXB 64

typedef struct {
    int kind, forward;
    ac_intp n;
    double fct;
    int nouter;
    const ac_intp *outer, *istr, *ostr;
    const char *in;
    ac_intp iax, nin;
    char *out;
    ac_intp oax;
    int watch_sigint;   /* the calling thread sees Ctrl-C (AC_SIGINT_SEEN there);
                         * the pool's pieces poll the flag only then */
    int wide;           /* double plan, single-precision data: 1 the input,
                         * 2 the output, 3 both (AC_FFT_FLOAT_WIDE/_IN/_OUT) */
} ac_fft_job;

/* the byte offsets of lane L (an index into the outer dimensions, C order)
 * in the input and the output */
static inline void fft_lane_offsets(const ac_fft_job *j, ac_intp L, ac_intp *io, ac_intp *oo)
{
    ac_intp i = 0, o = 0;
    for (int d = j->nouter - 1; d >= 0; d--) {
        ac_intp ix = L % j->outer[d];
        L /= j->outer[d];
        i += ix * j->istr[d];
        o += ix * j->ostr[d];
    }
    *io = i;
    *oo = o;
}

/* long double first: the Bluestein kernels of the other two are computed
 * with it (only the plans are used in this precision) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define R long double
#define FN(x) x##_l
#include "ac_fft_tmpl.h"
#undef R
#undef FN
#pragma GCC diagnostic pop
#define R double
#define FN(x) x##_d
#include "ac_fft_tmpl.h"
#undef R
#undef FN
#define R float
#define FN(x) x##_f
#include "ac_fft_tmpl.h"
#undef R
#undef FN

/* The kernels again for AVX2 (+FMA), chosen at run time by ac_cpu_level() as
 * the ufunc loops are (also on AVX-512 machines).  The plans are built by the
 * baseline instances (same layouts) and only executed here.  These instances
 * fuse the products of their butterflies, twiddles and real split/merge
 * with the sums they feed (FN(fma), explicit: the real transforms need it to
 * stay within NumPy's error), the baseline ones cannot: the two levels'
 * results differ by roundings (tests/test_fft_accuracy.py bounds each). */
#if AC_HAVE_DISPATCH
#define AC_FFT_HAVE_AVX2 1
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
/* these instances also transform VL lanes at once across the batch
 * (ac_fft_vec.h, included by the template when AC_FFT_VEC is defined) */
#include <immintrin.h>
typedef double ac_fft_v4d __attribute__((vector_size(32)));
typedef float ac_fft_v8f __attribute__((vector_size(32)));
/* VL x VL transposes of R's in registers (ac_fft_vec.h: VL contiguous rows
 * of VL/2 complex elements <-> VL/2 elements of VL lanes, pure data movement) */
static inline __attribute__((always_inline)) void ac_fft_tr_4d(ac_fft_v4d *v)
{
    __m256d t0 = _mm256_unpacklo_pd((__m256d)v[0], (__m256d)v[1]);   /* a0 b0 a2 b2 */
    __m256d t1 = _mm256_unpackhi_pd((__m256d)v[0], (__m256d)v[1]);   /* a1 b1 a3 b3 */
    __m256d t2 = _mm256_unpacklo_pd((__m256d)v[2], (__m256d)v[3]);
    __m256d t3 = _mm256_unpackhi_pd((__m256d)v[2], (__m256d)v[3]);
    v[0] = (ac_fft_v4d)_mm256_permute2f128_pd(t0, t2, 0x20);
    v[1] = (ac_fft_v4d)_mm256_permute2f128_pd(t1, t3, 0x20);
    v[2] = (ac_fft_v4d)_mm256_permute2f128_pd(t0, t2, 0x31);
    v[3] = (ac_fft_v4d)_mm256_permute2f128_pd(t1, t3, 0x31);
}

static inline __attribute__((always_inline)) void ac_fft_tr_8f(ac_fft_v8f *v)
{
    __m256 t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps((__m256)v[i], (__m256)v[i + 1]);      /* a0 b0 a1 b1 | a4 b4 a5 b5 */
        t[i + 1] = _mm256_unpackhi_ps((__m256)v[i], (__m256)v[i + 1]);  /* a2 b2 a3 b3 | a6 b6 a7 b7 */
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = _mm256_shuffle_ps(t[i], t[i + 2], 0x44);          /* a0 b0 c0 d0 | a4 .. */
        u[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], 0xEE);      /* a1 b1 c1 d1 | a5 .. */
        u[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0x44);  /* a2 .. | a6 .. */
        u[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0xEE);  /* a3 .. | a7 .. */
    }
    for (int i = 0; i < 4; i++) {
        v[i] = (ac_fft_v8f)_mm256_permute2f128_ps(u[i], u[i + 4], 0x20);
        v[i + 4] = (ac_fft_v8f)_mm256_permute2f128_ps(u[i], u[i + 4], 0x31);
    }
}

#define AC_FFT_VEC 1
#define R double
#define V ac_fft_v4d
#define VL 4
#define VTR(v) ac_fft_tr_4d(v)
#define VFMA(a, b, c) ((V)_mm256_fmadd_pd((a), (b), (c)))
#define VB(x) ((V)_mm256_set1_pd(x))
#define FN(x) x##_d_avx2
#include "ac_fft_tmpl.h"
#undef R
#undef V
#undef VL
#undef VFMA
#undef VB
#undef VTR
#undef FN
#define R float
#define V ac_fft_v8f
#define VL 8
#define VTR(v) ac_fft_tr_8f(v)
#define VFMA(a, b, c) ((V)_mm256_fmadd_ps((a), (b), (c)))
#define VB(x) ((V)_mm256_set1_ps(x))
#define FN(x) x##_f_avx2
#include "ac_fft_tmpl.h"
#undef R
#undef V
#undef VL
#undef VFMA
#undef VB
#undef VTR
#undef FN
#undef AC_FFT_VEC
#pragma GCC diagnostic pop
#pragma GCC pop_options

/* and for AVX-512 (the level of the ufunc loops' widest kernels): the same
 * kernels, 8 double / 16 float lanes across the batch, the same fused
 * products (so the same bits as the AVX2 instances) */
#define AC_FFT_HAVE_AVX512 1
#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma")
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
typedef double ac_fft_v8d __attribute__((vector_size(64)));
typedef float ac_fft_v16f __attribute__((vector_size(64)));
/* the same transposes at AVX-512 (see the AVX2 ones): log2(VL) stages of
 * block swaps, each pair of rows (i, i + s) exchanging the off-diagonal
 * s-blocks of their 2s x 2s block (two-source permutes) */
static inline __attribute__((always_inline)) void ac_fft_tr_8d(ac_fft_v8d *v)
{
    static const long long ix[3][2][8] = {
        {{0, 8, 2, 10, 4, 12, 6, 14}, {1, 9, 3, 11, 5, 13, 7, 15}},
        {{0, 1, 8, 9, 4, 5, 12, 13}, {2, 3, 10, 11, 6, 7, 14, 15}},
        {{0, 1, 2, 3, 8, 9, 10, 11}, {4, 5, 6, 7, 12, 13, 14, 15}}};
    for (int st = 0, s = 1; st < 3; st++, s *= 2) {
        __m512i lo = _mm512_loadu_si512(ix[st][0]), hi = _mm512_loadu_si512(ix[st][1]);
        for (int i = 0; i < 8; i++) {
            if (i & s) continue;
            __m512d a = (__m512d)v[i], b = (__m512d)v[i + s];
            v[i] = (ac_fft_v8d)_mm512_permutex2var_pd(a, lo, b);
            v[i + s] = (ac_fft_v8d)_mm512_permutex2var_pd(a, hi, b);
        }
    }
}

static inline __attribute__((always_inline)) void ac_fft_tr_16f(ac_fft_v16f *v)
{
    static const int ix[4][2][16] = {
        {{0, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30},
         {1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31}},
        {{0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24, 25, 12, 13, 28, 29},
         {2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26, 27, 14, 15, 30, 31}},
        {{0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27},
         {4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31}},
        {{0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23},
         {8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31}}};
    for (int st = 0, s = 1; st < 4; st++, s *= 2) {
        __m512i lo = _mm512_loadu_si512(ix[st][0]), hi = _mm512_loadu_si512(ix[st][1]);
        for (int i = 0; i < 16; i++) {
            if (i & s) continue;
            __m512 a = (__m512)v[i], b = (__m512)v[i + s];
            v[i] = (ac_fft_v16f)_mm512_permutex2var_ps(a, lo, b);
            v[i + s] = (ac_fft_v16f)_mm512_permutex2var_ps(a, hi, b);
        }
    }
}

#define AC_FFT_VEC 1
#define R double
#define V ac_fft_v8d
#define VL 8
#define VTR(v) ac_fft_tr_8d(v)
#define VFMA(a, b, c) ((V)_mm512_fmadd_pd((a), (b), (c)))
#define VB(x) ((V)_mm512_set1_pd(x))
#define FN(x) x##_d_avx512
#include "ac_fft_tmpl.h"
#undef R
#undef V
#undef VL
#undef VFMA
#undef VB
#undef VTR
#undef FN
#define R float
#define V ac_fft_v16f
#define VL 16
#define VTR(v) ac_fft_tr_16f(v)
#define VFMA(a, b, c) ((V)_mm512_fmadd_ps((a), (b), (c)))
#define VB(x) ((V)_mm512_set1_ps(x))
#define FN(x) x##_f_avx512
#include "ac_fft_tmpl.h"
#undef R
#undef V
#undef VL
#undef VFMA
#undef VB
#undef VTR
#undef FN
#undef AC_FFT_VEC
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

/* ------------------------------------------------------------------------ */
/* the plan cache                                                            */
/* ------------------------------------------------------------------------ */

#define AC_FFT_CACHE 24

struct fft_cached {
    int kind;      /* 0 complex, 1 real (R2C and C2R share a plan) */
    int prec;
    ac_intp n;
    void *impl;
    int refs;      /* the cache's reference + users' */
    unsigned long long used;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct fft_cached *cache[AC_FFT_CACHE];
static unsigned long long cache_clock;

static void plan_destroy(struct fft_cached *p)
{
    if (p->kind == 0) {
        if (p->prec == AC_FFT_DOUBLE) cplan_free_d(p->impl); else cplan_free_f(p->impl);
    } else {
        if (p->prec == AC_FFT_DOUBLE) rplan_free_d(p->impl); else rplan_free_f(p->impl);
    }
    free(p);
}

static struct fft_cached *plan_build(int kind, int prec, ac_intp n)
{
    struct fft_cached *p = calloc(1, sizeof(*p));
    if (p == NULL) return NULL;
    p->kind = kind; p->prec = prec; p->n = n; p->refs = 1;
    if (kind == 0) p->impl = prec == AC_FFT_DOUBLE ? (void *)cplan_new_d(n) : (void *)cplan_new_f(n);
    else p->impl = prec == AC_FFT_DOUBLE ? (void *)rplan_new_d(n) : (void *)rplan_new_f(n);
    if (p->impl == NULL) { free(p); return NULL; }
    return p;
}

static void plan_release(struct fft_cached *p)
{
    int last;
    pthread_mutex_lock(&cache_lock);
    last = (--p->refs == 0);
    pthread_mutex_unlock(&cache_lock);
    if (last) plan_destroy(p);
}

/* a plan with one reference for the caller (plan_release when done) */
static struct fft_cached *plan_get(int kind, int prec, ac_intp n)
{
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < AC_FFT_CACHE; i++) {
        struct fft_cached *p = cache[i];
        if (p && p->kind == kind && p->prec == prec && p->n == n) {
            p->refs++;
            p->used = ++cache_clock;
            pthread_mutex_unlock(&cache_lock);
            return p;
        }
    }
    pthread_mutex_unlock(&cache_lock);
    /* built outside the lock (long for large n); a racing builder of the
     * same plan just adds a duplicate that ages out */
    struct fft_cached *p = plan_build(kind, prec, n);
    if (p == NULL) return NULL;
    struct fft_cached *evict = NULL;
    pthread_mutex_lock(&cache_lock);
    int slot = -1;
    for (int i = 0; i < AC_FFT_CACHE; i++)
        if (cache[i] == NULL) { slot = i; break; }
    if (slot < 0) {
        slot = 0;
        for (int i = 1; i < AC_FFT_CACHE; i++)
            if (cache[i]->used < cache[slot]->used) slot = i;
        evict = cache[slot];
        if (--evict->refs != 0) evict = NULL;   /* still in use: its last user frees it */
    }
    cache[slot] = p;
    p->refs++;
    p->used = ++cache_clock;
    pthread_mutex_unlock(&cache_lock);
    if (evict) plan_destroy(evict);
    return p;
}

void ac_fft_cache_clear(void)
{
    struct fft_cached *drop[AC_FFT_CACHE];
    int nd = 0;
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < AC_FFT_CACHE; i++) {
        if (cache[i] && --cache[i]->refs == 0) drop[nd++] = cache[i];
        cache[i] = NULL;
    }
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < nd; i++) plan_destroy(drop[i]);
}

int ac_fft_cache_size(void)
{
    int k = 0;
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < AC_FFT_CACHE; i++) k += cache[i] != NULL;
    pthread_mutex_unlock(&cache_lock);
    return k;
}

/* ------------------------------------------------------------------------ */
/* execution, split over the process-wide pool                              */
/* ------------------------------------------------------------------------ */

typedef struct {
    const ac_fft_job *job;
    const struct fft_cached *plan;
    ac_intp lo, hi;
    int rc;
} ac_fft_part;

static int run_widened(const ac_fft_part *t);

static int run_part(ac_fft_part *t)
{
    if (t->job->wide) return run_widened(t);
#ifdef AC_FFT_HAVE_AVX512
    if (ac_cpu_level() >= AC_CPU_AVX512) {
        if (t->plan->prec == AC_FFT_DOUBLE) return run_lanes_d_avx512(t->job, t->plan->impl, t->lo, t->hi);
        return run_lanes_f_avx512(t->job, t->plan->impl, t->lo, t->hi);
    }
#endif
#ifdef AC_FFT_HAVE_AVX2
    if (ac_cpu_level() >= AC_CPU_AVX2) {
        if (t->plan->prec == AC_FFT_DOUBLE) return run_lanes_d_avx2(t->job, t->plan->impl, t->lo, t->hi);
        return run_lanes_f_avx2(t->job, t->plan->impl, t->lo, t->hi);
    }
#endif
    if (t->plan->prec == AC_FFT_DOUBLE) return run_lanes_d(t->job, t->plan->impl, t->lo, t->hi);
    return run_lanes_f(t->job, t->plan->impl, t->lo, t->hi);
}

/* AC_FFT_FLOAT_WIDE/_IN/_OUT: single-precision data through the double
 * plan.  The lanes go in blocks of about 1 MB of doubles, small enough to
 * stay in L2: a block's input is copied (widened) into a contiguous double
 * block, zero-padded to what the transform reads, transformed there by the
 * double engine (its contiguous paths: direct, or VL lanes across the
 * block), and the result copied (rounded once) into the output.  The casts
 * cost two passes over cached data instead of two over memory, and no
 * array-sized temporary. */
static int run_widened(const ac_fft_part *t)
{
    const ac_fft_job *j = t->job;
    const ac_intp n = j->n;
    const int ci = j->kind == AC_FFT_R2C ? 1 : 2, co = j->kind == AC_FFT_C2R ? 1 : 2;
    const ac_intp need = j->kind == AC_FFT_C2R ? n / 2 + 1 : n;
    const ac_intp nout = j->kind == AC_FFT_R2C ? n / 2 + 1 : n;
    const ac_intp cnt = j->nin < need ? j->nin : need;
    /* C2C in place in one buffer (the engine allows it: same layout) */
    const int inplace = j->kind == AC_FFT_C2C;
    const ac_intp ilen = need * ci, olen = nout * co;       /* doubles per lane */
    const ac_intp per = inplace ? ilen : ilen + olen;
    ac_intp B = (ac_intp)((1 << 20) / (8 * per));
    if (B >= 8) B -= B % 8;
    if (B < 1) B = 1;
    if (B > t->hi - t->lo) B = t->hi - t->lo;
    double *tin = ac_data_alloc(sizeof(double) * (size_t)(per * B), 0);
    if (tin == NULL) return AC_FFT_ENOMEM;
    double *tout = inplace ? tin : tin + ilen * B;
    int rc = 0;
    for (ac_intp l0 = t->lo; l0 < t->hi && rc == 0; l0 += B) {
        ac_intp nb = t->hi - l0 < B ? t->hi - l0 : B;
        if (j->watch_sigint && ac_sigint_flag) { rc = AC_FFT_EINTR; break; }
        ac_intp ooff[AC_FFT_MAXB * 4];
        ac_intp nbo = nb <= AC_FFT_MAXB * 4 ? nb : 0;   /* output offsets kept */
        for (ac_intp b = 0; b < nb; b++) {
            ac_intp io, oo;
            fft_lane_offsets(j, l0 + b, &io, &oo);
            if (b < nbo) ooff[b] = oo;
            double *dst = tin + b * ilen;
            const char *src = j->in + io;
            if (!(j->wide & 1)) {
                if (j->iax == ci * (ac_intp)sizeof(double))
                    memcpy(dst, src, sizeof(double) * (size_t)(cnt * ci));
                else
                    for (ac_intp i = 0; i < cnt; i++)
                        for (int c = 0; c < ci; c++) dst[i * ci + c] = ((const double *)(src + i * j->iax))[c];
            } else if (j->iax == ci * (ac_intp)sizeof(float)) {
                const float *s = (const float *)src;
                for (ac_intp i = 0; i < cnt * ci; i++) dst[i] = s[i];
            } else {
                for (ac_intp i = 0; i < cnt; i++)
                    for (int c = 0; c < ci; c++) dst[i * ci + c] = ((const float *)(src + i * j->iax))[c];
            }
            for (ac_intp i = cnt * ci; i < ilen; i++) dst[i] = 0;
        }
        ac_intp ist = ilen * (ac_intp)sizeof(double), ost = olen * (ac_intp)sizeof(double);
        ac_fft_job sub = {j->kind, j->forward, n, j->fct, 1, &nb, &ist, &ost,
                          (const char *)tin, ci * (ac_intp)sizeof(double), need,
                          (char *)tout, co * (ac_intp)sizeof(double), 0, 0};
        ac_fft_part part = {&sub, t->plan, 0, nb, 0};
        rc = run_part(&part);
        if (rc) break;
        for (ac_intp b = 0; b < nb; b++) {
            ac_intp io, oo;
            if (b < nbo) oo = ooff[b];
            else fft_lane_offsets(j, l0 + b, &io, &oo);
            const double *src = tout + b * olen;
            char *dst = j->out + oo;
            if (!(j->wide & 2)) {
                if (j->oax == co * (ac_intp)sizeof(double))
                    memcpy(dst, src, sizeof(double) * (size_t)olen);
                else
                    for (ac_intp i = 0; i < nout; i++)
                        for (int c = 0; c < co; c++) ((double *)(dst + i * j->oax))[c] = src[i * co + c];
            } else if (j->oax == co * (ac_intp)sizeof(float)) {
                float *d = (float *)dst;
                for (ac_intp i = 0; i < olen; i++) d[i] = (float)src[i];
            } else {
                for (ac_intp i = 0; i < nout; i++)
                    for (int c = 0; c < co; c++) ((float *)(dst + i * j->oax))[c] = (float)src[i * co + c];
            }
        }
    }
    ac_data_free(tin);
    return rc;
}

/* The batch split over the process-wide pool (ac_pool.h, the one home for
 * threads): at most `nthreads` pieces of consecutive lanes, each piece's
 * lanes run exactly as they would alone (a piece's result depends on its
 * lanes only, so any split gives the same bits).  The pool runs the pieces
 * inline when it has one thread (set_num_threads(1), threadpoolctl) or when
 * called from inside another piece. */
typedef struct {
    const ac_fft_job *job;
    const struct fft_cached *plan;
    ac_intp lanes, npieces;
    int rc[AC_POOL_MAX];
} ac_fft_split;

static void split_piece(void *ctx, ac_intp k)
{
    ac_fft_split *s = ctx;
    ac_fft_part t = {s->job, s->plan, s->lanes * k / s->npieces, s->lanes * (k + 1) / s->npieces, 0};
    s->rc[k] = run_part(&t);
}

static int run_job(const ac_fft_job *job, const struct fft_cached *plan, ac_intp lanes, int nthreads)
{
    ac_intp np = nthreads;
    int pool = ac_pool_get_threads();
    if (np > pool) np = pool;
    if (np > AC_POOL_MAX) np = AC_POOL_MAX;
    if (np > lanes) np = lanes;
    if (np <= 1 || ac_pool_in_piece()) {
        ac_fft_part t = {job, plan, 0, lanes, 0};
        return run_part(&t);
    }
    ac_fft_split *s = malloc(sizeof(*s));
    if (s == NULL) return AC_FFT_ENOMEM;
    s->job = job; s->plan = plan; s->lanes = lanes; s->npieces = np;
    ac_pool_run(np, split_piece, s);
    int rc = 0;
    for (ac_intp k = 0; k < np && rc == 0; k++) rc = s->rc[k];
    free(s);
    return rc;
}

int ac_fft_execute(int kind, int prec, int forward, ac_intp n, double fct,
                   int nouter, const ac_intp *outer,
                   const char *in, const ac_intp *istr, ac_intp iax, ac_intp nin,
                   char *out, const ac_intp *ostr, ac_intp oax, int nthreads)
{
    if (n < 1 || nin < 0 || nouter < 0 || nouter > 64 || (kind < 0 || kind > 2) ||
        prec < AC_FFT_DOUBLE || prec > AC_FFT_FLOAT_OUT)
        return AC_FFT_EBADARGS;
    int wide = prec == AC_FFT_FLOAT_WIDE ? 3 : prec == AC_FFT_FLOAT_IN ? 1 : prec == AC_FFT_FLOAT_OUT ? 2 : 0;
    if (wide) prec = AC_FFT_DOUBLE;
    ac_intp lanes = 1;
    for (int d = 0; d < nouter; d++) {
        if (outer[d] < 0) return AC_FFT_EBADARGS;
        lanes *= outer[d];
    }
    if (lanes == 0) return 0;
    struct fft_cached *plan = plan_get(kind == AC_FFT_C2C ? 0 : 1, prec, n);
    if (plan == NULL) return AC_FFT_ENOMEM;
    ac_fft_job job = {kind, kind == AC_FFT_R2C ? 1 : kind == AC_FFT_C2R ? 0 : forward,
                      n, fct, nouter, outer, istr, ostr, in, iax, nin, out, oax,
                      !ac_sigint_ignore, wide};
    int rc = run_job(&job, plan, lanes, nthreads);
    plan_release(plan);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* plans for C callers                                                       */
/* ------------------------------------------------------------------------ */

/* the public opaque type (arraycore/acfft.h) */
struct ACFFT_PlanInternal { int kind; struct fft_cached *p; };

ac_fft_plan *ac_fft_plan_new(int kind, int prec, ac_intp n)
{
    if (n < 1 || kind < 0 || kind > 2 || (prec != AC_FFT_DOUBLE && prec != AC_FFT_FLOAT))
        return NULL;
    ac_fft_plan *u = malloc(sizeof(*u));
    if (u == NULL) return NULL;
    u->kind = kind;
    u->p = plan_get(kind == AC_FFT_C2C ? 0 : 1, prec, n);
    if (u->p == NULL) { free(u); return NULL; }
    return u;
}

void ac_fft_plan_free(ac_fft_plan *p)
{
    ac_fft_plan *u = p;
    if (u == NULL) return;
    plan_release(u->p);
    free(u);
}

int ac_fft_plan_execute(const ac_fft_plan *p, int forward, double fct, ac_intp howmany,
                        const char *in, ac_intp idist, ac_intp iax,
                        char *out, ac_intp odist, ac_intp oax)
{
    const ac_fft_plan *u = p;
    if (u == NULL || howmany < 0) return AC_FFT_EBADARGS;
    ac_intp n = u->p->n;
    ac_intp nin = u->kind == AC_FFT_C2R ? n / 2 + 1 : n;
    ac_fft_job job = {u->kind, u->kind == AC_FFT_R2C ? 1 : u->kind == AC_FFT_C2R ? 0 : forward,
                      n, fct, 1, &howmany, &idist, &odist, in, iax, nin, out, oax,
                      !ac_sigint_ignore};
    if (howmany == 0) return 0;
    ac_fft_part part = {&job, u->p, 0, howmany, 0};
    return run_part(&part);
}
