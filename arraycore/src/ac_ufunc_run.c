/*
 * ac_ufunc_run.c -- ufunc inner loops on the one loop driver (ac_drive:
 * dimensions simplified with the key operand's strides first, chunked runs,
 * Ctrl-C polling), and the split of long runs over the thread pool
 * (src/ac_pool.c) for the built-in loops a cost table names:
 *  - element-wise: a run of a compute-bound float/complex loop (exp, sin,
 *    pow, ...) is cut into pieces at multiples of AC_PAR_GRAIN elements from
 *    the run's start, so every element takes the same code path (vector
 *    block, alignment peel) as in one call: results are bit-identical;
 *  - add reductions of a long run into one element: the pairwise sum's own
 *    recursion (halves rounded down to a multiple of 8) is walked down to
 *    leaves of at most AC_PAR_LEAF elements, the leaves are summed by the
 *    loop itself in parallel, and the leaf sums are added back up the same
 *    tree: the bits of the one-thread sum, whatever the thread count;
 *  - max/min reductions (real types): blocks of AC_PAR_LEAF folded in
 *    parallel, then folded in order into the output (the operations keep
 *    the leftmost of equal values and the first NaN, so this is the serial
 *    fold's result).
 * Streaming output: a memory-bound element-wise call that moves more than
 * the last-level cache holds and whose output is small beside its inputs
 * (a > 0.5: 1 byte out per 8 in) writes that output through a small L1
 * block and non-temporal stores (elem_stream): a plain store first reads the
 * line it writes ("read for ownership"), a tenth of the traffic of a > 0.5.
 */
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include "ac_umath.h"
#include "ac_pool.h"
#include "ac_cpu.h"
#if AC_HAVE_DISPATCH
#include <immintrin.h>
#define AC_HAVE_STREAM 1
#else
#define AC_HAVE_STREAM 0
#endif

/* --------------------------------------------------------- cost table */
#define AC_PAR_GRAIN ((ac_intp)4096)     /* element-wise cut points: multiples */
#define AC_PAR_LEAF  ((ac_intp)65536)    /* largest leaf of a parallel sum */
#define AC_PAR_MAXLEAVES 256
#define AC_PAR_MEMBOUND ((ac_intp)1 << 18)  /* element-wise pieces of other loops */
#define AC_STREAM_MIN ((ac_intp)48 << 20)   /* bytes a call moves: beyond the LLC */
#define AC_STREAM_BLK 8192                  /* bytes of output per L1 block */

enum { PAR_NONE = 0, PAR_ELEMWISE = 1, PAR_SUM = 2, PAR_FOLD = 3 };

/* Per element cost class of a loop -> the smallest piece worth a thread:
 * libm calls and complex math (~10-50 ns) from 8192 elements, vectorized
 * transcendentals (exp, log: ~1 ns) from 32768, sqrt/divide-like
 * operations near memory speed from 65536.  Every other loop (add,
 * multiply, comparisons, ...: memory-bound) from AC_PAR_MEMBOUND elements,
 * pieces beyond the caches: one core does not saturate this machine's
 * memory bandwidth (benchmarks/threads.py, the memory-bound cases). */
static const struct { const char *name; ac_intp min_piece; } par_costs[] = {
    {"sin", 8192}, {"cos", 8192}, {"tan", 8192}, {"asin", 8192}, {"acos", 8192},
    {"atan", 8192}, {"sinh", 8192}, {"cosh", 8192}, {"tanh", 8192},
    {"asinh", 8192}, {"acosh", 8192}, {"atanh", 8192}, {"atan2", 8192},
    {"pow", 8192}, {"float_power", 8192}, {"hypot", 8192}, {"cbrt", 8192},
    {"exp2", 8192}, {"expm1", 8192}, {"log2", 8192}, {"log10", 8192},
    {"log1p", 8192}, {"logaddexp", 8192}, {"logaddexp2", 8192},
    {"fmod", 8192}, {"remainder", 8192}, {"floor_divide", 8192},
    {"exp", 32768}, {"log", 32768},
    {"sqrt", 65536},
};

typedef struct {
    ACUFuncGenericFunction fn;
    int kind;             /* reductions into one element: PAR_SUM, PAR_FOLD or PAR_NONE */
    int tidx;             /* the output's dense type */
    ac_intp min_piece;    /* the smallest reduction leaf worth a thread */
    ac_intp elem_min;     /* element-wise: the smallest piece worth a thread; 0: never */
} par_entry;

#define PAR_HASH 1024     /* open addressing on the loop pointer */
static par_entry par_tab[PAR_HASH];
static pthread_once_t par_once = PTHREAD_ONCE_INIT;

static size_t par_slot(ACUFuncGenericFunction fn)
{
    size_t h = (size_t)fn;
    h ^= h >> 17;
    h *= (size_t)0x9E3779B97F4A7C15ull;
    return (h >> 20) & (PAR_HASH - 1);
}

/* record a loop's element-wise piece (kind PAR_ELEMWISE) or its reduction
   kind, keeping what an earlier call recorded for the same loop */
static void par_add(ACUFuncGenericFunction fn, int kind, int tidx, ac_intp min_piece)
{
    size_t i = par_slot(fn), k;
    for (k = 0; k < PAR_HASH; k++, i = (i + 1) & (PAR_HASH - 1)) {
        if (par_tab[i].fn == NULL || par_tab[i].fn == fn) {
            par_tab[i].fn = fn;
            par_tab[i].tidx = tidx;
            if (kind == PAR_ELEMWISE) {
                par_tab[i].elem_min = min_piece;
            }
            else {
                par_tab[i].kind = kind;
                par_tab[i].min_piece = min_piece;
            }
            return;
        }
    }
}

static const par_entry *par_find(ACUFuncGenericFunction fn)
{
    size_t i = par_slot(fn), k;
    for (k = 0; k < PAR_HASH; k++, i = (i + 1) & (PAR_HASH - 1)) {
        if (par_tab[i].fn == fn) {
            return &par_tab[i];
        }
        if (par_tab[i].fn == NULL) {
            return NULL;
        }
    }
    return NULL;
}

static int is_inexact(int t)
{
    return t == ACX_FLOAT16 || t == ACX_FLOAT32 || t == ACX_FLOAT64 ||
           t == ACX_COMPLEX64 || t == ACX_COMPLEX128;
}

/* the built-in loops that may run in parallel, from the generated table */
static void par_build(void)
{
    for (int u = 0; u < ac_n_builtin_ufuncs; u++) {
        const ac_ufunc_spec *s = &ac_builtin_ufuncs[u];
        int nargs = s->nin + s->nout;
        ac_intp min_piece = 0;
        for (size_t c = 0; c < sizeof(par_costs) / sizeof(par_costs[0]); c++) {
            if (strcmp(s->name, par_costs[c].name) == 0) {
                min_piece = par_costs[c].min_piece;
            }
        }
        for (int t = 0; t < s->ntypes; t++) {
            const unsigned char *ty = s->types + (size_t)t * (size_t)nargs;
            int ok = 1;
            if (s->nout == 1) {
                ac_intp mp = AC_PAR_MEMBOUND;
                for (int k = 0; k < nargs; k++) {
                    ok &= is_inexact(ty[k]);
                }
                if (min_piece > 0 && ok) {
                    /* complex math costs more than the real one */
                    mp = ty[nargs - 1] >= ACX_COMPLEX64 ? 8192 : min_piece;
                }
                par_add(s->funcs[t], PAR_ELEMWISE, ty[nargs - 1], mp);
            }
            if (strcmp(s->name, "add") == 0 && nargs == 3 && ty[0] == ty[1] &&
                     ty[1] == ty[2] && ty[0] != ACX_BOOL && ty[0] != ACX_FLOAT16) {
                /* sums: integers wrap (any order gives the same bits),
                 * float32/64 and complex add pairwise in their own type */
                par_add(s->funcs[t], PAR_SUM, ty[0], 2 * AC_PAR_LEAF);
            }
            else if ((strcmp(s->name, "maximum") == 0 || strcmp(s->name, "minimum") == 0) &&
                     nargs == 3 && ty[0] == ty[1] && ty[1] == ty[2] && ty[0] != ACX_BOOL &&
                     ty[0] != ACX_FLOAT16 && ty[0] < ACX_COMPLEX64) {
                /* max/min keep the leftmost of equals and the first NaN:
                 * associative, so folding blocks in order is the serial fold */
                par_add(s->funcs[t], PAR_FOLD, ty[0], 2 * AC_PAR_LEAF);
            }
        }
    }
}

/* ---------------------------------------------------- element-wise */
static int run_independent(char **ptrs, ac_intp count, const ac_intp *strides, int nop);

typedef struct {
    ACUFuncGenericFunction loop;
    void *data;
    int nop;
    char **ptrs;
    const ac_intp *strides;
    ac_intp count, piece;
    ac_intp stream_osz;     /* > 0: stream the output, of this itemsize */
} elem_job;

#if AC_HAVE_STREAM
/* bytes from the L1 block to d with 32-byte non-temporal stores (AVX: on
 * Zen 4 16-byte ones are slower than plain stores, 32 and 64-byte ones
 * write 80 MB in 3.4 ms where plain stores take 4.6-5.6) */
static AC_TARGET_AVX2 void stream_copy(char *d, const char *buf, size_t bytes)
{
    size_t h = (size_t)(-(uintptr_t)d & 31), k;
    if (h > bytes) {
        h = bytes;
    }
    memcpy(d, buf, h);
    for (k = h; k + 128 <= bytes; k += 128) {
        __m256i a0 = _mm256_loadu_si256((const __m256i *)(buf + k));
        __m256i a1 = _mm256_loadu_si256((const __m256i *)(buf + k + 32));
        __m256i a2 = _mm256_loadu_si256((const __m256i *)(buf + k + 64));
        __m256i a3 = _mm256_loadu_si256((const __m256i *)(buf + k + 96));
        _mm256_stream_si256((__m256i *)(d + k), a0);
        _mm256_stream_si256((__m256i *)(d + k + 32), a1);
        _mm256_stream_si256((__m256i *)(d + k + 64), a2);
        _mm256_stream_si256((__m256i *)(d + k + 96), a3);
    }
    for (; k + 32 <= bytes; k += 32) {
        _mm256_stream_si256((__m256i *)(d + k), _mm256_loadu_si256((const __m256i *)(buf + k)));
    }
    memcpy(d + k, buf + k, bytes - k);
}

/* The loop over n elements with its output in an L1 block at the output's
 * own alignment modulo 64 (so every operand is aligned as in one plain call:
 * the same code path, the same bits), each block then copied out with
 * non-temporal stores. */
static void elem_stream(const elem_job *j, char **q, ac_intp n)
{
    /* (on the stack: a thread-local of this size would keep the library's
     * thread-locals out of static TLS, see ac_alloc.c) */
    char scratch[AC_STREAM_BLK + 128] __attribute__((aligned(64)));
    const int out = j->nop - 1;
    const ac_intp osz = j->stream_osz, blk = AC_STREAM_BLK / osz;
    char *qq[AC_UFUNC_MAXARGS];
    char *dst = q[out];
    char *buf = scratch + ((uintptr_t)dst & 63);
    for (ac_intp off = 0; off < n; off += blk) {
        ac_intp m = n - off < blk ? n - off : blk;
        char *d = dst + off * osz;
        size_t bytes = (size_t)(m * osz);
        for (int op = 0; op < out; op++) {
            qq[op] = q[op] + off * j->strides[op];
        }
        qq[out] = buf;
        j->loop(qq, &m, j->strides, j->data);
        stream_copy(d, buf, bytes);
    }
    _mm_sfence();       /* the streamed lines are visible before the piece ends */
}
#endif

static void elem_piece(void *vctx, ac_intp i)
{
    elem_job *j = (elem_job *)vctx;
    char *q[AC_UFUNC_MAXARGS];
    ac_intp start = i * j->piece;
    ac_intp n = j->count - start < j->piece ? j->count - start : j->piece;
    if (AC_SIGINT_SEEN()) {
        return;     /* the driver reports the interrupt after this chunk */
    }
    for (int op = 0; op < j->nop; op++) {
        q[op] = j->ptrs[op] + start * j->strides[op];
    }
#if AC_HAVE_STREAM
    if (j->stream_osz > 0) {
        elem_stream(j, q, n);
        return;
    }
#endif
    j->loop(q, &n, j->strides, j->data);
}

/* the output's itemsize when the call should stream its output (see the top
 * of the file): a memory-bound built-in loop (a cheap exact operation: the
 * block split cannot change a bit), a contiguous output apart from every
 * input, and more bytes moved than the caches hold; else 0 */
static ac_intp stream_itemsize(const par_entry *pe, char **ptrs, ac_intp count,
                               const ac_intp *strides, int nop, ac_intp total)
{
#if AC_HAVE_STREAM
    static const ac_intp isz[ACX_NTYPES] = ACX_ITEMSIZES;
    const int out = nop - 1;
    ac_intp osz = isz[pe->tidx], per = osz;
    if (pe->elem_min != AC_PAR_MEMBOUND || strides[out] != osz || osz > 16 ||
            count < AC_STREAM_BLK || ac_cpu_level() < AC_CPU_AVX2) {
        return 0;
    }
    for (int k = 0; k < out; k++) {
        if (ptrs[k] == ptrs[out]) {
            return 0;       /* in place: the lines are cached already, no RFO */
        }
        per += strides[k] < 0 ? -strides[k] : strides[k];
    }
    /* only outputs of at most a fifth of the traffic (comparisons, isnan,
       ...: bool results of wide inputs).  Measured on Zen 4, 10M float64,
       two threads: a > 0.5 2.2 -> 1.9 ms streamed, but a + 1 4.4 -> 5.9 ms
       (a full-size output streams slower).  Only on the pool's pieces: on
       one thread plain stores were faster for both. */
    if (5 * osz > per) {
        return 0;
    }
    return total * per >= AC_STREAM_MIN && run_independent(ptrs, count, strides, nop) ? osz : 0;
#else
    (void)pe; (void)ptrs; (void)count; (void)strides; (void)nop; (void)total;
    return 0;
#endif
}

/* ------------------------------------------------------------ sums */
typedef struct {
    ACUFuncGenericFunction loop;
    void *data;
    char *src;
    ac_intp stride, isz;
    int tidx;
    int nleaves;
    ac_intp off[AC_PAR_MAXLEAVES], len[AC_PAR_MAXLEAVES];
    char val[AC_PAR_MAXLEAVES][16];
} sum_job;

/* the leaves of the pairwise recursion over [off, off + n) */
static void sum_leaves(sum_job *j, ac_intp off, ac_intp n)
{
    if (n <= AC_PAR_LEAF || j->nleaves >= AC_PAR_MAXLEAVES - 1) {
        j->off[j->nleaves] = off;
        j->len[j->nleaves] = n;
        j->nleaves++;
        return;
    }
    ac_intp n2 = n / 2;
    n2 -= n2 % 8;
    sum_leaves(j, off, n2);
    sum_leaves(j, off + n2, n - n2);
}

/* the additive identity whose sum with x is x, bit for bit (-0.0) */
static void sum_zero(int tidx, char *dst)
{
    memset(dst, 0, 16);
    if (tidx == ACX_FLOAT32 || tidx == ACX_COMPLEX64) {
        float z = -0.0f;
        memcpy(dst, &z, 4);
        memcpy(dst + 4, &z, 4);
    }
    else if (tidx == ACX_FLOAT64 || tidx == ACX_COMPLEX128) {
        double z = -0.0;
        memcpy(dst, &z, 8);
        memcpy(dst + 8, &z, 8);
    }
}

static void sum_piece(void *vctx, ac_intp i)
{
    sum_job *j = (sum_job *)vctx;
    char *args[3];
    ac_intp steps[3], n = j->len[i];
    if (AC_SIGINT_SEEN()) {
        return;
    }
    sum_zero(j->tidx, j->val[i]);
    args[0] = j->val[i];
    args[1] = j->src + j->off[i] * j->stride;
    args[2] = j->val[i];
    steps[0] = 0;
    steps[1] = j->stride;
    steps[2] = 0;
    j->loop(args, &n, steps, j->data);
}

/* max/min: fold one block from its first element */
static void fold_piece(void *vctx, ac_intp i)
{
    sum_job *j = (sum_job *)vctx;
    char *args[3];
    ac_intp steps[3], n = j->len[i] - 1;
    char *p = j->src + j->off[i] * j->stride;
    if (AC_SIGINT_SEEN()) {
        return;
    }
    memcpy(j->val[i], p, (size_t)j->isz);
    if (n > 0) {
        args[0] = j->val[i];
        args[1] = p + j->stride;
        args[2] = j->val[i];
        steps[0] = 0;
        steps[1] = j->stride;
        steps[2] = 0;
        j->loop(args, &n, steps, j->data);
    }
}

/* add the leaf sums back up the recursion of [off, off + n); *leaf is the
 * next leaf to use; the sum goes to dst */
static void sum_combine(sum_job *j, ac_intp off, ac_intp n, int *leaf, char *dst)
{
    if (n <= AC_PAR_LEAF || (j->off[*leaf] == off && j->len[*leaf] == n)) {
        memcpy(dst, j->val[*leaf], (size_t)j->isz);
        (*leaf)++;
        return;
    }
    char a[16], b[16];
    char *args[3] = {a, b, dst};
    ac_intp steps[3] = {j->isz, j->isz, j->isz}, one = 1;
    ac_intp n2 = n / 2;
    n2 -= n2 % 8;
    sum_combine(j, off, n2, leaf, a);
    sum_combine(j, off + n2, n - n2, leaf, b);
    j->loop(args, &one, steps, j->data);
}

/* Pieces may run in any order only when no input reads what another piece
 * writes: every input either is the output itself (same start, same
 * stride) or lies apart from it (memory extents, padded by the largest
 * itemsize).  accumulate's loop reads the output one step behind: never. */
static int run_independent(char **ptrs, ac_intp count, const ac_intp *strides, int nop)
{
    const int out = nop - 1;
    char *olo = ptrs[out], *ohi = ptrs[out];
    if (strides[out] < 0) olo += (count - 1) * strides[out];
    else ohi += (count - 1) * strides[out];
    ohi += 16;
    for (int k = 0; k < out; k++) {
        char *lo = ptrs[k], *hi = ptrs[k];
        if (ptrs[k] == ptrs[out] && strides[k] == strides[out]) {
            continue;
        }
        if (strides[k] < 0) lo += (count - 1) * strides[k];
        else hi += (count - 1) * strides[k];
        hi += 16;
        if (lo < ohi && olo < hi) {
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------ the driver's inner */
typedef struct {
    ACUFuncGenericFunction loop;
    void *data;
    int nop;
    const par_entry *par;   /* NULL: never parallel */
    ac_intp total;          /* elements of the whole call (the driver runs chunks) */
} run_ctx;

static int run_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    run_ctx *ctx = (run_ctx *)vctx;
    const par_entry *pe = ctx->par;
    ac_intp osz = 0;
    if (pe != NULL && strides[ctx->nop - 1] != 0 && pe->elem_min > 0) {
        osz = stream_itemsize(pe, ptrs, count, strides, ctx->nop, ctx->total);
    }
    if (pe != NULL && !ac_pool_in_piece() &&
            (strides[ctx->nop - 1] != 0 ? pe->elem_min > 0 && count >= 2 * pe->elem_min
                                         : pe->kind != PAR_NONE && count >= 2 * pe->min_piece)) {
        int threads = ac_pool_get_threads();
        if (threads > 1 && strides[ctx->nop - 1] != 0) {      /* the output moves */
            if (run_independent(ptrs, count, strides, ctx->nop)) {
                elem_job j;
                ac_intp piece = (count + 4 * threads - 1) / (4 * threads);
                if (piece < pe->elem_min) piece = pe->elem_min;
                piece = (piece + AC_PAR_GRAIN - 1) / AC_PAR_GRAIN * AC_PAR_GRAIN;
                j.loop = ctx->loop;
                j.data = ctx->data;
                j.nop = ctx->nop;
                j.ptrs = ptrs;
                j.strides = strides;
                j.count = count;
                j.piece = piece;
                j.stream_osz = osz;
                ac_pool_run((count + piece - 1) / piece, elem_piece, &j);
                return 0;
            }
        }
        else if (threads > 1 && (pe->kind == PAR_SUM || pe->kind == PAR_FOLD) && ctx->nop == 3 &&
                 ptrs[0] == ptrs[2] && strides[0] == 0 && strides[2] == 0 &&
                 strides[1] != 0) {
            static const ac_intp isz[ACX_NTYPES] = ACX_ITEMSIZES;
            sum_job *j = count <= AC_PAR_LEAF * (AC_PAR_MAXLEAVES - 1) ?
                         (sum_job *)malloc(sizeof(sum_job)) : NULL;
            if (j != NULL) {
                char total[16];
                char *args[3];
                ac_intp steps[3], one = 1;
                int leaf = 0;
                j->loop = ctx->loop;
                j->data = ctx->data;
                j->src = ptrs[1];
                j->stride = strides[1];
                j->tidx = pe->tidx;
                j->isz = isz[pe->tidx];
                j->nleaves = 0;
                if (pe->kind == PAR_FOLD) {
                    /* blocks of AC_PAR_LEAF, folded in order into the output */
                    for (ac_intp off = 0; off < count; off += AC_PAR_LEAF) {
                        j->off[j->nleaves] = off;
                        j->len[j->nleaves] = count - off < AC_PAR_LEAF ? count - off : AC_PAR_LEAF;
                        j->nleaves++;
                    }
                    ac_pool_run(j->nleaves, fold_piece, j);
                    if (!AC_SIGINT_SEEN()) {
                        /* out = fold(out, block folds...), as the serial fold */
                        ac_intp nb = j->nleaves;
                        char *vals = (char *)malloc((size_t)(nb * j->isz));
                        if (vals != NULL) {
                            for (ac_intp b = 0; b < nb; b++) {
                                memcpy(vals + b * j->isz, j->val[b], (size_t)j->isz);
                            }
                            args[0] = ptrs[0];
                            args[1] = vals;
                            args[2] = ptrs[0];
                            steps[0] = 0;
                            steps[1] = j->isz;
                            steps[2] = 0;
                            ctx->loop(args, &nb, steps, ctx->data);
                            free(vals);
                        }
                        else {
                            ctx->loop(ptrs, &count, strides, ctx->data);
                        }
                    }
                    free(j);
                    return 0;
                }
                sum_leaves(j, 0, count);
                ac_pool_run(j->nleaves, sum_piece, j);
                if (!AC_SIGINT_SEEN()) {
                    sum_combine(j, 0, count, &leaf, total);
                    /* out = out + total, as the loop's own `a += pairwise` */
                    args[0] = ptrs[0];
                    args[1] = total;
                    args[2] = ptrs[0];
                    steps[0] = 0;
                    steps[1] = j->isz;
                    steps[2] = 0;
                    ctx->loop(args, &one, steps, ctx->data);
                }
                free(j);
                return 0;
            }
        }
    }
    ctx->loop(ptrs, &count, strides, ctx->data);
    return 0;
}

/* ------------------------------------------------- reductions in bands
 * A reduction that keeps some axes (sum(M, axis=0), max(M, axis=1)) runs as
 * out = op(out, a) over the whole array; when its inner runs are too short
 * for the paths above, the kept axis is cut into one band per thread: each
 * output element still folds its inputs in the same order, by the same
 * loop, so the bits are the one-thread ones.  The dims come simplified
 * (ac_drive_simplify), and each band is walked without simplifying again. */
typedef struct {
    run_ctx *ctx;
    int nd, dim;
    ac_intp band;                       /* elements of `dim` per band */
    ac_intp shape[AC_MAXDIMS];
    ac_intp strides[3 * AC_MAXDIMS];
    char *ptrs[3];
    int res[AC_POOL_MAX];
} band_job;

static void band_piece(void *vctx, ac_intp i)
{
    band_job *j = (band_job *)vctx;
    ac_intp sh[AC_MAXDIMS], start = i * j->band;
    char *p[3];
    memcpy(sh, j->shape, sizeof(ac_intp) * (size_t)j->nd);
    sh[j->dim] = j->shape[j->dim] - start < j->band ? j->shape[j->dim] - start : j->band;
    for (int op = 0; op < 3; op++) {
        p[op] = j->ptrs[op] + start * j->strides[op * AC_MAXDIMS + j->dim];
    }
    j->res[i] = ac_drive(j->nd, sh, 3, p, j->strides, 0, 0, 0, run_inner, j->ctx);
}

/* the bytes [lo, hi) an operand's elements start in */
static void extent(int nd, const ac_intp *shape, const ac_intp *st, char *p,
                   char **lo, char **hi)
{
    *lo = *hi = p;
    for (int d = 0; d < nd; d++) {
        if (st[d] < 0) *lo += (shape[d] - 1) * st[d];
        else *hi += (shape[d] - 1) * st[d];
    }
    *hi += 16;
}

/* 1: ran in bands; 0: not applicable (the caller runs the plain walk) */
static int run_bands(run_ctx *ctx, int ndim, const ac_intp *shape, char **ptrs,
                     const ac_intp *strides, int key_op, int *result)
{
    const par_entry *pe = ctx->par;
    band_job *j;
    int threads, nd, dim = -1, inner_reduced;
    ac_intp sh[AC_MAXDIMS], st[3 * AC_MAXDIMS], len, nbands;
    char *olo, *ohi, *ilo, *ihi;
    if (pe == NULL || (pe->kind != PAR_SUM && pe->kind != PAR_FOLD) || ctx->nop != 3 ||
            ptrs[0] != ptrs[2] || ctx->total < 2 * AC_PAR_MEMBOUND || ndim < 2 ||
            ac_pool_in_piece() || (threads = ac_pool_get_threads()) < 2) {
        return 0;
    }
    for (int d = 0; d < ndim; d++) {
        if (strides[d] != strides[2 * AC_MAXDIMS + d]) {
            return 0;
        }
        sh[d] = shape[d];
    }
    for (int op = 0; op < 3; op++) {
        memcpy(st + op * AC_MAXDIMS, strides + op * AC_MAXDIMS, sizeof(ac_intp) * (size_t)ndim);
    }
    nd = ac_drive_simplify(ndim, sh, 3, st, key_op, AC_DRIVE_SIMPLIFY);
    if (nd < 2) {
        return 0;
    }
    /* the inner runs the paths above split already */
    inner_reduced = st[nd - 1] == 0;
    len = sh[nd - 1];
    if (inner_reduced ? len >= 2 * pe->min_piece : pe->elem_min > 0 && len >= 2 * pe->elem_min) {
        return 0;
    }
    /* the band axis: the outermost kept one long enough for every thread,
     * else the longest kept one */
    for (int d = 0; d < nd; d++) {
        if (st[d] != 0 && (dim < 0 || (sh[dim] < 2 * threads && sh[d] > sh[dim]))) {
            dim = d;
        }
    }
    if (dim < 0 || sh[dim] < 2) {
        return 0;
    }
    /* the input must not overlap the output */
    extent(nd, sh, st, ptrs[0], &olo, &ohi);
    extent(nd, sh, st + AC_MAXDIMS, ptrs[1], &ilo, &ihi);
    if (ilo < ohi && olo < ihi) {
        return 0;
    }
    j = (band_job *)malloc(sizeof(band_job));
    if (j == NULL) {
        return 0;
    }
    nbands = threads < sh[dim] ? threads : sh[dim];
    j->band = (sh[dim] + nbands - 1) / nbands;
    if (dim == nd - 1) {    /* inner bands: whole 64-byte lines of output */
        j->band = (j->band + 15) / 16 * 16;
    }
    nbands = (sh[dim] + j->band - 1) / j->band;
    j->ctx = ctx;
    j->nd = nd;
    j->dim = dim;
    memcpy(j->shape, sh, sizeof(ac_intp) * (size_t)nd);
    memcpy(j->strides, st, sizeof(st));
    memcpy(j->ptrs, ptrs, sizeof(j->ptrs));
    ac_pool_run(nbands, band_piece, j);
    *result = 0;
    for (ac_intp b = 0; b < nbands; b++) {
        if (j->res[b] != 0) {
            *result = j->res[b];
            if (*result > 0) {
                ac_loop_error = *result;
            }
            break;
        }
    }
    if (*result == 0 && AC_SIGINT_SEEN()) {
        *result = AC_DRIVE_INTERRUPTED;
    }
    free(j);
    return 1;
}

int ac_ufunc_run(int ndim, const ac_intp *shape, int nop, char **ptrs,
                 const ac_intp *strides, int key_op,
                 ACUFuncGenericFunction loop, void *data)
{
    run_ctx ctx;
    int r;
    ac_intp n = 1;
    if (nop > AC_UFUNC_MAXARGS || nop < 1) {
        return -1;
    }
    ctx.loop = loop;
    ctx.data = data;
    ctx.nop = nop;
    ctx.par = NULL;
    for (int d = 0; d < ndim; d++) {
        n *= shape[d];
    }
    ctx.total = n;
    if (n >= 2 * AC_PAR_GRAIN && data == NULL) {
        pthread_once(&par_once, par_build);
        ctx.par = par_find(loop);
    }
    if (!run_bands(&ctx, ndim, shape, ptrs, strides, key_op, &r)) {
        r = ac_drive(ndim, shape, nop, ptrs, strides, key_op, AC_DRIVE_SIMPLIFY, 0,
                     run_inner, &ctx);
    }
    if (r == AC_DRIVE_INTERRUPTED) {
        return 1;
    }
    return r == AC_DRIVE_BADARGS ? -1 : 0;
}
