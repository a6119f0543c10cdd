/*
 * ac_matmul.c -- matmul and vecdot kernels for every dense type (see
 * ac_matmul.h).  float32/float64 matmul: a packed, cache-blocked GEMM
 * (GotoBLAS/BLIS loop order) whose register-tiled micro-kernel is written
 * with GCC vector extensions and compiled once per dispatch level; products
 * of at least 2**21 multiply-adds are split over two threads by columns of C.
 * Small float products (B within 64 KiB) skip packing and keep rows of C in
 * vector registers; matrix-vector products use dot/axpy kernels.  Contiguous
 * float32/float64 vecdot uses vector accumulators per level.  The other types
 * (and tiny strided float products) use simple strided loops.  The GEMM
 * polls ac_sigint_flag between blocks of A, so a long product stops on Ctrl-C
 * (only when the calling thread watches Ctrl-C: AC_SIGINT_SEEN, ac_driver.h).
 */
#include "ac_matmul.h"   /* first: it includes Python.h */
#include <time.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include "ac_cpu.h"
#include "ac_pool.h"

#define AT(T, p, s, i) (*(const T *)((p) + (s) * (i)))


/* ---- the simple loops ----------------------------------------------------
 * matmul: for a block of up to JB columns of C, each row of C is accumulated
 * in a local array (acc[j] += A[i, p] * B[p, j] over p, then stored), so
 * that B is read along its rows (vectorizable when they are contiguous).
 * Each element still sums its k products in order. */
#define JB 256

/* real types: accumulator type ACC_T, LOAD(T, ACC_T, ptr), STORE(T, ptr, v) */
#define REAL_KERNELS(name, T, ACC_T, LOAD, STORE)                             \
static void mm_##name(ac_intp n, ac_intp k, ac_intp m,                        \
                      const char *A, ac_intp a_rs, ac_intp a_cs,              \
                      const char *B, ac_intp b_rs, ac_intp b_cs,              \
                      char *C, ac_intp c_rs, ac_intp c_cs)                    \
{                                                                             \
    ACC_T acc[JB];                                                            \
    for (ac_intp j0 = 0; j0 < m; j0 += JB) {                                  \
        ac_intp jn = m - j0 < JB ? m - j0 : JB;                               \
        const char *Bj = B + b_cs * j0;                                       \
        for (ac_intp i = 0; i < n; i++) {                                     \
            const char *a = A + a_rs * i;                                     \
            for (ac_intp j = 0; j < jn; j++)                                  \
                acc[j] = 0;                                                   \
            for (ac_intp p = 0; p < k; p++) {                                 \
                ACC_T av = LOAD(T, ACC_T, a + a_cs * p);                      \
                const char *b = Bj + b_rs * p;                                \
                if (b_cs == (ac_intp)sizeof(T))                               \
                    for (ac_intp j = 0; j < jn; j++)                          \
                        acc[j] += av * LOAD(T, ACC_T, b + (ac_intp)sizeof(T) * j); \
                else                                                          \
                    for (ac_intp j = 0; j < jn; j++)                          \
                        acc[j] += av * LOAD(T, ACC_T, b + b_cs * j);          \
            }                                                                 \
            char *c = C + c_rs * i + c_cs * j0;                               \
            for (ac_intp j = 0; j < jn; j++)                                  \
                STORE(T, c + c_cs * j, acc[j]);                               \
        }                                                                     \
    }                                                                         \
}                                                                             \
static void vd_##name(ac_intp n, const char *x, ac_intp xs,                   \
                      const char *y, ac_intp ys, char *out)                   \
{                                                                             \
    ACC_T acc = 0;                                                            \
    for (ac_intp i = 0; i < n; i++)                                           \
        acc += LOAD(T, ACC_T, x + xs * i) * LOAD(T, ACC_T, y + ys * i);       \
    STORE(T, out, acc);                                                       \
}

/* integers wrap: accumulate in an unsigned type at least as wide (uint32_t
 * or uint64_t: arithmetic modulo 2**32 or 2**64), then truncate */
#define LD_INT(T, ACC, p) ((ACC)(int64_t)(*(const T *)(p)))
#define LD_UINT(T, ACC, p) ((ACC)(*(const T *)(p)))
#define ST_INT(T, p, v) (*(T *)(p) = (T)(v))
#define LD_F(T, ACC, p) (*(const T *)(p))
#define ST_F(T, p, v) (*(T *)(p) = (T)(v))
#define LD_HALF(T, ACC, p) ac_half_to_float(*(const ac_half *)(p))
#define ST_HALF(T, p, v) (*(ac_half *)(p) = ac_float_to_half(v))

REAL_KERNELS(i8, int8_t, uint32_t, LD_INT, ST_INT)
REAL_KERNELS(u8, uint8_t, uint32_t, LD_UINT, ST_INT)
REAL_KERNELS(i16, int16_t, uint32_t, LD_INT, ST_INT)
REAL_KERNELS(u16, uint16_t, uint32_t, LD_UINT, ST_INT)
REAL_KERNELS(i32, int32_t, uint32_t, LD_INT, ST_INT)
REAL_KERNELS(u32, uint32_t, uint32_t, LD_UINT, ST_INT)
REAL_KERNELS(i64, int64_t, uint64_t, LD_INT, ST_INT)
REAL_KERNELS(u64, uint64_t, uint64_t, LD_UINT, ST_INT)
REAL_KERNELS(f16, ac_half, float, LD_HALF, ST_HALF)
REAL_KERNELS(f32, float, float, LD_F, ST_F)
REAL_KERNELS(f64, double, double, LD_F, ST_F)

/* ---- bool: OR of ANDs (any nonzero byte is true) ---------------------- */
static void mm_bool(ac_intp n, ac_intp k, ac_intp m,
                    const char *A, ac_intp a_rs, ac_intp a_cs,
                    const char *B, ac_intp b_rs, ac_intp b_cs,
                    char *C, ac_intp c_rs, ac_intp c_cs)
{
    for (ac_intp i = 0; i < n; i++)
        for (ac_intp j = 0; j < m; j++) {
            const char *a = A + a_rs * i, *b = B + b_cs * j;
            ac_bool r = 0;
            for (ac_intp p = 0; p < k; p++)
                if (a[a_cs * p] && b[b_rs * p]) { r = 1; break; }
            *(ac_bool *)(C + c_rs * i + c_cs * j) = r;
        }
}

static void vd_bool(ac_intp n, const char *x, ac_intp xs,
                    const char *y, ac_intp ys, char *out)
{
    ac_bool r = 0;
    for (ac_intp i = 0; i < n; i++)
        if (x[xs * i] && y[ys * i]) { r = 1; break; }
    *(ac_bool *)out = r;
}

/* ---- complex: (re, im) pairs, no conjugation in matmul ---------------- */
#define COMPLEX_KERNELS(name, CT, R)                                          \
static void mm_##name(ac_intp n, ac_intp k, ac_intp m,                        \
                      const char *A, ac_intp a_rs, ac_intp a_cs,              \
                      const char *B, ac_intp b_rs, ac_intp b_cs,              \
                      char *C, ac_intp c_rs, ac_intp c_cs)                    \
{                                                                             \
    R re[JB], im[JB];                                                         \
    for (ac_intp j0 = 0; j0 < m; j0 += JB) {                                  \
        ac_intp jn = m - j0 < JB ? m - j0 : JB;                               \
        const char *Bj = B + b_cs * j0;                                       \
        for (ac_intp i = 0; i < n; i++) {                                     \
            const char *a = A + a_rs * i;                                     \
            for (ac_intp j = 0; j < jn; j++)                                  \
                re[j] = im[j] = 0;                                            \
            for (ac_intp p = 0; p < k; p++) {                                 \
                CT x = AT(CT, a, a_cs, p);                                    \
                const char *b = Bj + b_rs * p;                                \
                if (b_cs == (ac_intp)sizeof(CT)) {                            \
                    const CT *bc = (const CT *)b;                             \
                    for (ac_intp j = 0; j < jn; j++) {                        \
                        re[j] += x.real * bc[j].real - x.imag * bc[j].imag;   \
                        im[j] += x.real * bc[j].imag + x.imag * bc[j].real;   \
                    }                                                         \
                }                                                             \
                else                                                          \
                    for (ac_intp j = 0; j < jn; j++) {                        \
                        CT y = AT(CT, b, b_cs, j);                            \
                        re[j] += x.real * y.real - x.imag * y.imag;           \
                        im[j] += x.real * y.imag + x.imag * y.real;           \
                    }                                                         \
            }                                                                 \
            char *c = C + c_rs * i + c_cs * j0;                               \
            for (ac_intp j = 0; j < jn; j++) {                                \
                CT *cp = (CT *)(c + c_cs * j);                                \
                cp->real = re[j];                                             \
                cp->imag = im[j];                                             \
            }                                                                 \
        }                                                                     \
    }                                                                         \
}                                                                             \
static void vd_##name(ac_intp n, const char *xp, ac_intp xs,                  \
                      const char *yp, ac_intp ys, char *out)                  \
{                                                                             \
    R re = 0, im = 0;                                                         \
    for (ac_intp i = 0; i < n; i++) {                                         \
        CT x = AT(CT, xp, xs, i), y = AT(CT, yp, ys, i);                      \
        re += x.real * y.real + x.imag * y.imag;                              \
        im += x.real * y.imag - x.imag * y.real;                              \
    }                                                                         \
    CT *c = (CT *)out;                                                        \
    c->real = re; c->imag = im;                                               \
}

COMPLEX_KERNELS(c64, ac_complex64, float)
COMPLEX_KERNELS(c128, ac_complex128, double)

/* ---- packed, blocked GEMM for float32 / float64 ------------------------
 * Loop order jc (NC columns of C) > pc (KC of k) > ic (MC rows) > jr (NR) >
 * ir (MR): a KC x NC panel of B and an MC x KC block of A are packed into
 * MR-row / NR-column slivers padded with zeros, so the micro-kernel always
 * computes a full MR x NR tile from two contiguous streams; only the valid
 * part of the tile is stored.  The first k block overwrites C, later ones
 * add to it (so C is never read before it is written). */
typedef struct {
    ac_intp n, k, m;
    const char *A; ac_intp a_rs, a_cs;
    const char *B; ac_intp b_rs, b_cs;
    char *C; ac_intp c_rs, c_cs;
    int watch_sigint;   /* the calling thread sees Ctrl-C (AC_SIGINT_SEEN there):
                         * the helper thread has its own, unset, ac_sigint_ignore,
                         * so both poll this copy of the caller's choice */
} gemm_args;

typedef int (*gemm_fn)(const gemm_args *g, ac_intp width, ac_intp *next);

static ac_intp min_ip(ac_intp a, ac_intp b) { return a < b ? a : b; }
static ac_intp round_up(ac_intp a, ac_intp b) { return (a + b - 1) / b * b; }

static void *gemm_alloc(size_t nbytes)
{
    void *p = NULL;
    if (posix_memalign(&p, 64, nbytes ? nbytes : 64) != 0)
        return NULL;
    return p;
}

/* Products whose packed blocks fit in this many bytes pack on the stack. */
#define GEMM_STACK_BYTES 24576

#define GEMM_DEFINE(SUF, T, VB, MR, NV, KC, MC, NC, ATTR)                     \
typedef T SUF##_vec __attribute__((vector_size(VB)));                         \
typedef T SUF##_uvec __attribute__((vector_size(VB), aligned(sizeof(T))));    \
enum { SUF##_VL = (VB) / sizeof(T), SUF##_NR = (NV) * ((VB) / sizeof(T)) };   \
                                                                              \
ATTR static void SUF##_pack_a(ac_intp mc, ac_intp kc, const char *A,          \
                              ac_intp rs, ac_intp cs, T *restrict dst)        \
{                                                                             \
    for (ac_intp i0 = 0; i0 < mc; i0 += MR, dst += (MR) * kc) {              \
        ac_intp mr = min_ip(MR, mc - i0);                                     \
        const char *a = A + i0 * rs;                                          \
        if (mr == (MR) && rs == (ac_intp)sizeof(T)) {                         \
            for (ac_intp p = 0; p < kc; p++) {                                \
                const T *src = (const T *)(a + p * cs);                       \
                for (int i = 0; i < (MR); i++)                                \
                    dst[p * (MR) + i] = src[i];                               \
            }                                                                 \
            continue;                                                         \
        }                                                                     \
        for (ac_intp i = 0; i < mr; i++) {                                    \
            const char *src = a + i * rs;                                     \
            for (ac_intp p = 0; p < kc; p++)                                  \
                dst[p * (MR) + i] = *(const T *)(src + p * cs);               \
        }                                                                     \
        for (ac_intp i = mr; i < (MR); i++)                                   \
            for (ac_intp p = 0; p < kc; p++)                                  \
                dst[p * (MR) + i] = 0;                                        \
    }                                                                         \
}                                                                             \
                                                                              \
ATTR static void SUF##_pack_b(ac_intp kc, ac_intp nc, const char *B,          \
                              ac_intp rs, ac_intp cs, T *restrict dst)        \
{                                                                             \
    enum { NR = SUF##_NR };                                                   \
    for (ac_intp j0 = 0; j0 < nc; j0 += NR, dst += NR * kc) {                 \
        ac_intp nr = min_ip(NR, nc - j0);                                     \
        const char *b = B + j0 * cs;                                          \
        if (nr == NR && cs == (ac_intp)sizeof(T)) {                           \
            for (ac_intp p = 0; p < kc; p++) {                                \
                const T *src = (const T *)(b + p * rs);                       \
                for (int j = 0; j < NR; j++)                                  \
                    dst[p * NR + j] = src[j];                                 \
            }                                                                 \
            continue;                                                         \
        }                                                                     \
        for (ac_intp p = 0; p < kc; p++) {                                    \
            const char *src = b + p * rs;                                     \
            ac_intp j = 0;                                                    \
            for (; j < nr; j++)                                               \
                dst[p * NR + j] = *(const T *)(src + j * cs);                 \
            for (; j < NR; j++)                                               \
                dst[p * NR + j] = 0;                                          \
        }                                                                     \
    }                                                                         \
}                                                                             \
                                                                              \
ATTR static void SUF##_kernel(ac_intp kc, const T *restrict a,                \
                              const T *restrict b, char *C, ac_intp rs,       \
                              ac_intp cs, ac_intp mr, ac_intp nr, int first)  \
{                                                                             \
    enum { NR = SUF##_NR, VL = SUF##_VL };                                    \
    SUF##_vec acc[MR][NV];                                                    \
    _Pragma("GCC unroll 32")                                                  \
    for (int i = 0; i < (MR); i++)                                            \
        _Pragma("GCC unroll 8")                                               \
        for (int v = 0; v < (NV); v++)                                        \
            acc[i][v] = (SUF##_vec){0};                                       \
    for (ac_intp p = 0; p < kc; p++, a += (MR), b += NR) {                    \
        SUF##_vec bv[NV];                                                     \
        _Pragma("GCC unroll 8")                                               \
        for (int v = 0; v < (NV); v++)                                        \
            bv[v] = *(const SUF##_vec *)(b + v * VL);                         \
        _Pragma("GCC unroll 32")                                              \
        for (int i = 0; i < (MR); i++) {                                      \
            T s = a[i];                                                       \
            _Pragma("GCC unroll 8")                                           \
            for (int v = 0; v < (NV); v++)                                    \
                acc[i][v] += bv[v] * s;                                       \
        }                                                                     \
    }                                                                         \
    if (mr == (MR) && nr == NR && cs == (ac_intp)sizeof(T)) {                 \
        _Pragma("GCC unroll 32")                                              \
        for (int i = 0; i < (MR); i++) {                                      \
            SUF##_uvec *c = (SUF##_uvec *)(C + i * rs);                       \
            _Pragma("GCC unroll 8")                                           \
            for (int v = 0; v < (NV); v++) {                                  \
                if (first)                                                    \
                    c[v] = acc[i][v];                                         \
                else                                                          \
                    c[v] += acc[i][v];                                        \
            }                                                                 \
        }                                                                     \
        return;                                                               \
    }                                                                         \
    SUF##_vec tile[MR][NV];                                                   \
    _Pragma("GCC unroll 32")                                                  \
    for (int i = 0; i < (MR); i++)                                            \
        _Pragma("GCC unroll 8")                                               \
        for (int v = 0; v < (NV); v++)                                        \
            tile[i][v] = acc[i][v];                                           \
    for (ac_intp i = 0; i < mr; i++) {                                        \
        const T *t = (const T *)&tile[i][0];                                  \
        char *c = C + i * rs;                                                 \
        if (first)                                                            \
            for (ac_intp j = 0; j < nr; j++)                                  \
                *(T *)(c + j * cs) = t[j];                                    \
        else                                                                  \
            for (ac_intp j = 0; j < nr; j++)                                  \
                *(T *)(c + j * cs) += t[j];                                   \
    }                                                                         \
}                                                                             \
                                                                              \
/* Column panels [c * width, (c + 1) * width) of C, width <= NC a multiple  \
 * of NR: all in turn (next == NULL) or those claimed from *next (shared     \
 * by the threads of one product). */                                        \
ATTR static int SUF##_gemm(const gemm_args *g, ac_intp width, ac_intp *next)  \
{                                                                             \
    enum { NR = SUF##_NR };                                                   \
    if (next == NULL || width > (NC))                                         \
        width = (NC);                                                         \
    ac_intp kcmax = min_ip(KC, g->k);                                         \
    ac_intp mcmax = min_ip(MC, round_up(g->n, MR));                           \
    ac_intp ncmax = min_ip(width, round_up(g->m, NR));                        \
    _Alignas(64) T stackbuf[GEMM_STACK_BYTES / sizeof(T)];                    \
    size_t na = (size_t)round_up(mcmax * kcmax, 64 / sizeof(T));              \
    size_t nb = (size_t)ncmax * kcmax;  /* bbuf 64-byte aligned, after abuf */ \
    int on_stack = (na + nb) * sizeof(T) <= sizeof(stackbuf);                 \
    T *abuf = on_stack ? stackbuf : gemm_alloc(na * sizeof(T));               \
    T *bbuf = on_stack ? stackbuf + na : gemm_alloc(nb * sizeof(T));          \
    if (abuf == NULL || bbuf == NULL) {                                       \
        free(abuf);                                                           \
        free(bbuf);                                                           \
        return -1;                                                            \
    }                                                                         \
    int stopped = 0;                                                          \
    for (ac_intp chunk = 0;; chunk++) {                                       \
        if (next != NULL)                                                     \
            chunk = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED);            \
        ac_intp jc = chunk * width;                                           \
        if (jc >= g->m)                                                       \
            break;                                                            \
        ac_intp nc = min_ip(width, g->m - jc);                                \
        for (ac_intp pc = 0; pc < g->k; pc += KC) {                           \
            ac_intp kc = min_ip(KC, g->k - pc);                               \
            SUF##_pack_b(kc, nc, g->B + pc * g->b_rs + jc * g->b_cs,          \
                         g->b_rs, g->b_cs, bbuf);                             \
            for (ac_intp ic = 0; ic < g->n; ic += MC) {                       \
                ac_intp mc = min_ip(MC, g->n - ic);                           \
                if (g->watch_sigint && ac_sigint_flag) { /* Ctrl-C: C incomplete */ \
                    stopped = 1;                                              \
                    goto done;                                                \
                }                                                             \
                SUF##_pack_a(mc, kc, g->A + ic * g->a_rs + pc * g->a_cs,      \
                             g->a_rs, g->a_cs, abuf);                         \
                for (ac_intp jr = 0; jr < nc; jr += NR)                       \
                    for (ac_intp ir = 0; ir < mc; ir += MR)                   \
                        SUF##_kernel(kc, abuf + ir * kc, bbuf + jr * kc,      \
                                     g->C + (ic + ir) * g->c_rs               \
                                          + (jc + jr) * g->c_cs,              \
                                     g->c_rs, g->c_cs, min_ip(MR, mc - ir),   \
                                     min_ip(NR, nc - jr), pc == 0);           \
            }                                                                 \
        }                                                                     \
    }                                                                         \
done:                                                                         \
    if (!on_stack) {                                                          \
        free(abuf);                                                           \
        free(bbuf);                                                           \
    }                                                                         \
    return stopped;                                                           \
}

#if AC_HAVE_DISPATCH
#define AC_MM_TARGET_512 __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,prefer-vector-width=512")))
#else
#define AC_MM_TARGET_512
#endif

/*          suffix     T       VB  MR NV   KC    MC    NC */
GEMM_DEFINE(d_base,   double, 16,  4, 2, 256,  128, 2048, )
GEMM_DEFINE(d_avx2,   double, 32,  6, 2, 256,  120, 2048, AC_TARGET_AVX2)
GEMM_DEFINE(d_avx512, double, 64,  8, 3, 256,  128, 2040, AC_MM_TARGET_512)
GEMM_DEFINE(s_base,   float,  16,  4, 2, 256,  128, 2048, )
GEMM_DEFINE(s_avx2,   float,  32,  6, 2, 256,  120, 2048, AC_TARGET_AVX2)
GEMM_DEFINE(s_avx512, float,  64,  8, 3, 256,  128, 2016, AC_MM_TARGET_512)

static const gemm_fn gemm_d[3] = {d_base_gemm, d_avx2_gemm, d_avx512_gemm};
static const gemm_fn gemm_s[3] = {s_base_gemm, s_avx2_gemm, s_avx512_gemm};

/* Products this small go to the simple loops (no packing, no allocation). */
#define GEMM_MIN_WORK 4096
/* Products this large are split over two threads by columns of C. */
#define GEMM_THREAD_WORK ((ac_intp)1 << 21)

typedef struct {
    gemm_fn fn;
    const gemm_args *g;
    ac_intp width;
    ac_intp *next;
    int result;
} gemm_job;

static void *gemm_thread(void *arg)
{
    gemm_job *job = (gemm_job *)arg;
    job->result = job->fn(job->g, job->width, job->next);
    return NULL;
}

/* Large products: two threads claim column panels of C (4 in all, each a
 * multiple of the register tile `nr` wide) from a shared counter, so that a
 * thread slowed down by a busy core does fewer.  Each panel packs all of A
 * again (a cost of about 8 / width of the product), hence few panels. */
static int gemm_run(gemm_fn fn, const gemm_args *g, ac_intp nr)
{
    double work = (double)g->n * (double)g->k * (double)g->m;
    if (work >= (double)GEMM_THREAD_WORK && g->m >= 2 * nr) {
        ac_intp next = 0;
        ac_intp width = (g->m + 4 * nr - 1) / (4 * nr) * nr;   /* 4 panels */
        gemm_job job = {fn, g, width, &next, 0};
        pthread_t th;
        if (pthread_create(&th, NULL, gemm_thread, &job) == 0) {
            int r = fn(g, width, &next);
            pthread_join(th, NULL);
            return (r < 0 || job.result < 0) ? -1 : (r || job.result);
        }
    }
    return fn(g, 0, NULL);
}

/* ---- vector kernels: dot products and axpy (vecdot, matrix-vector) ---- */
#define VEC_DEFINE(SUF, T, VB, ATTR)                                          \
typedef T SUF##_dvec __attribute__((vector_size(VB), aligned(sizeof(T))));    \
ATTR static T SUF##_dot(ac_intp n, const T *x, const T *y)                    \
{                                                                             \
    enum { VL = (VB) / sizeof(T) };                                           \
    SUF##_dvec s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};                        \
    ac_intp i = 0;                                                            \
    for (; i + 4 * VL <= n; i += 4 * VL) {                                    \
        const SUF##_dvec *xv = (const SUF##_dvec *)(x + i);                   \
        const SUF##_dvec *yv = (const SUF##_dvec *)(y + i);                   \
        s0 += xv[0] * yv[0];                                                  \
        s1 += xv[1] * yv[1];                                                  \
        s2 += xv[2] * yv[2];                                                  \
        s3 += xv[3] * yv[3];                                                  \
    }                                                                         \
    for (; i + VL <= n; i += VL)                                              \
        s0 += *(const SUF##_dvec *)(x + i) * *(const SUF##_dvec *)(y + i);    \
    s0 = (s0 + s1) + (s2 + s3);                                               \
    T r = 0;                                                                  \
    for (int j = 0; j < VL; j++)                                              \
        r += s0[j];                                                           \
    for (; i < n; i++)                                                        \
        r += x[i] * y[i];                                                     \
    return r;                                                                 \
}                                                                             \
/* y[0:m] += a * x[0:m] */                                                    \
ATTR static void SUF##_axpy(ac_intp m, T a, const T *restrict x,              \
                            T *restrict y)                                    \
{                                                                             \
    for (ac_intp j = 0; j < m; j++)                                           \
        y[j] += a * x[j];                                                     \
}                                                                             \
/* C[i] (stride cs bytes) = dot(row i of A (rs bytes apart), x), n rows */    \
ATTR static void SUF##_dots(ac_intp n, ac_intp k, const char *A, ac_intp rs,  \
                            const T *x, char *C, ac_intp cs)                  \
{                                                                             \
    for (ac_intp i = 0; i < n; i++)                                           \
        *(T *)(C + i * cs) = SUF##_dot(k, (const T *)(A + i * rs), x);        \
}                                                                             \
/* C[0:m] = sum_p a[p] * row p of B (rows rs bytes apart), C contiguous */    \
ATTR static void SUF##_axpys(ac_intp k, ac_intp m, const char *a, ac_intp as, \
                             const char *B, ac_intp rs, T *C)                 \
{                                                                             \
    for (ac_intp j = 0; j < m; j++)                                           \
        C[j] = 0;                                                             \
    for (ac_intp p = 0; p < k; p++)                                           \
        SUF##_axpy(m, *(const T *)(a + p * as), (const T *)(B + p * rs), C);  \
}

VEC_DEFINE(d_base, double, 16, )
VEC_DEFINE(d_avx2, double, 32, AC_TARGET_AVX2)
VEC_DEFINE(d_avx512, double, 64, AC_MM_TARGET_512)
VEC_DEFINE(s_base, float, 16, )
VEC_DEFINE(s_avx2, float, 32, AC_TARGET_AVX2)
VEC_DEFINE(s_avx512, float, 64, AC_MM_TARGET_512)

typedef double (*dot_d_fn)(ac_intp, const double *, const double *);
typedef float (*dot_s_fn)(ac_intp, const float *, const float *);
typedef void (*dots_fn)(ac_intp, ac_intp, const char *, ac_intp, const void *, char *, ac_intp);
typedef void (*axpys_fn)(ac_intp, ac_intp, const char *, ac_intp, const char *, ac_intp, void *);
static const dot_d_fn dot_d[3] = {d_base_dot, d_avx2_dot, d_avx512_dot};
static const dot_s_fn dot_s[3] = {s_base_dot, s_avx2_dot, s_avx512_dot};
static const dots_fn dots_d[3] = {(dots_fn)d_base_dots, (dots_fn)d_avx2_dots, (dots_fn)d_avx512_dots};
static const dots_fn dots_s[3] = {(dots_fn)s_base_dots, (dots_fn)s_avx2_dots, (dots_fn)s_avx512_dots};
static const axpys_fn axpys_d[3] = {(axpys_fn)d_base_axpys, (axpys_fn)d_avx2_axpys, (axpys_fn)d_avx512_axpys};
static const axpys_fn axpys_s[3] = {(axpys_fn)s_base_axpys, (axpys_fn)s_avx2_axpys, (axpys_fn)s_avx512_axpys};

/* Matrix-vector products (n == 1 or m == 1) of float32/float64 with unit
 * strides where these kernels need them.  Returns 1 if done, 0 if not. */
static int float_gemv(int dbl, ac_intp n, ac_intp k, ac_intp m,
                      const char *A, ac_intp a_rs, ac_intp a_cs,
                      const char *B, ac_intp b_rs, ac_intp b_cs,
                      char *C, ac_intp c_rs, ac_intp c_cs)
{
    int lev = ac_cpu_level();
    ac_intp sz = dbl ? 8 : 4;
    const dots_fn dots = dbl ? dots_d[lev] : dots_s[lev];
    const axpys_fn axpys = dbl ? axpys_d[lev] : axpys_s[lev];
    if (m == 1) {               /* C[:, 0] = A @ B[:, 0] */
        if (a_cs == sz && b_rs == sz) {
            dots(n, k, A, a_rs, B, C, c_rs);
            return 1;
        }
        if (a_rs == sz && c_rs == sz) {
            axpys(k, n, B, b_rs, A, a_cs, C);
            return 1;
        }
    }
    if (n == 1) {               /* C[0, :] = A[0, :] @ B */
        if (b_rs == sz && a_cs == sz) {
            dots(m, k, B, b_cs, A, C, c_cs);
            return 1;
        }
        if (b_cs == sz && c_cs == sz) {
            axpys(k, m, A, a_cs, B, b_rs, C);
            return 1;
        }
    }
    return 0;
}

/* ---- small products without packing --------------------------------------
 * Rows of C in vector registers: for each row i and block of columns,
 * acc[v] += A[i, p] * B[p, j + v*VL ...] over p, B read straight from memory
 * (unit column stride), then half vectors, the last columns by scalars.  For
 * products up to about 67**3 multiply-adds with B within 64 KiB, where
 * packing costs more than it saves. */
#define SMALL_MAX_B_BYTES 65536
#define SMALL_MAX_WORK 300000

/* rows [i0, i1) of C, RB rows at a time (independent accumulator chains) */
#define SMALL_ROWS_RB(T, SUF_VEC, NVV, RB, i0, i1)                            \
    for (ac_intp i = (i0); i + (RB) <= (i1); i += (RB)) {                     \
        SUF_VEC acc[RB][NVV];                                                 \
        _Pragma("GCC unroll 8")                                               \
        for (int r = 0; r < (RB); r++)                                        \
            _Pragma("GCC unroll 8")                                           \
            for (int v = 0; v < (NVV); v++)                                   \
                acc[r][v] = (SUF_VEC){0};                                     \
        const char *a = A + i * a_rs;                                         \
        for (ac_intp p = 0; p < k; p++) {                                     \
            const SUF_VEC *b = (const SUF_VEC *)((const T *)(B + p * b_rs) + j); \
            _Pragma("GCC unroll 8")                                           \
            for (int r = 0; r < (RB); r++) {                                  \
                T s = *(const T *)(a + r * a_rs + p * a_cs);                  \
                _Pragma("GCC unroll 8")                                       \
                for (int v = 0; v < (NVV); v++)                               \
                    acc[r][v] += b[v] * s;                                    \
            }                                                                 \
        }                                                                     \
        _Pragma("GCC unroll 8")                                               \
        for (int r = 0; r < (RB); r++) {                                      \
            SUF_VEC *c = (SUF_VEC *)((T *)(C + (i + r) * c_rs) + j);          \
            _Pragma("GCC unroll 8")                                           \
            for (int v = 0; v < (NVV); v++)                                   \
                c[v] = acc[r][v];                                             \
        }                                                                     \
    }
#define SMALL_ROWS(T, SUF_VEC, NVV, RB)                                       \
    {                                                                         \
        ac_intp nb = n / (RB) * (RB);                                         \
        SMALL_ROWS_RB(T, SUF_VEC, NVV, RB, 0, nb)                             \
        SMALL_ROWS_RB(T, SUF_VEC, NVV, 1, nb, n)                              \
    }

#define SMALL_DEFINE(SUF, T, VB, ATTR)                                        \
typedef T SUF##_svec __attribute__((vector_size(VB), aligned(sizeof(T))));    \
typedef T SUF##_hvec __attribute__((vector_size((VB) / 2 >= 2 * sizeof(T)     \
                                   ? (VB) / 2 : (VB)), aligned(sizeof(T))));  \
ATTR static void SUF##_small(ac_intp n, ac_intp k, ac_intp m,                 \
                             const char *A, ac_intp a_rs, ac_intp a_cs,       \
                             const char *B, ac_intp b_rs,                     \
                             char *C, ac_intp c_rs)                           \
{                                                                             \
    enum { VL = (VB) / sizeof(T) };                                           \
    ac_intp j = 0;                                                            \
    for (; j + 4 * VL <= m; j += 4 * VL) {                                    \
        SMALL_ROWS(T, SUF##_svec, 4, 2)                                        \
    }                                                                         \
    for (; j + VL <= m; j += VL) {                                            \
        SMALL_ROWS(T, SUF##_svec, 1, 4)                                        \
    }                                                                         \
    for (; j + (ac_intp)(sizeof(SUF##_hvec) / sizeof(T)) <= m;                \
         j += sizeof(SUF##_hvec) / sizeof(T)) {                               \
        SMALL_ROWS(T, SUF##_hvec, 1, 4)                                        \
    }                                                                         \
    for (; j < m; j++)                                                        \
        for (ac_intp i = 0; i < n; i++) {                                     \
            const char *a = A + i * a_rs;                                     \
            T acc = 0;                                                        \
            for (ac_intp p = 0; p < k; p++)                                   \
                acc += *(const T *)(a + p * a_cs) * ((const T *)(B + p * b_rs))[j]; \
            ((T *)(C + i * c_rs))[j] = acc;                                   \
        }                                                                     \
}

SMALL_DEFINE(d_base, double, 16, )
SMALL_DEFINE(d_avx2, double, 32, AC_TARGET_AVX2)
SMALL_DEFINE(d_avx512, double, 64, AC_MM_TARGET_512)
SMALL_DEFINE(s_base, float, 16, )
SMALL_DEFINE(s_avx2, float, 32, AC_TARGET_AVX2)
SMALL_DEFINE(s_avx512, float, 64, AC_MM_TARGET_512)

typedef void (*small_fn)(ac_intp, ac_intp, ac_intp, const char *, ac_intp, ac_intp,
                         const char *, ac_intp, char *, ac_intp);
static const small_fn small_d[3] = {d_base_small, d_avx2_small, d_avx512_small};
static const small_fn small_s[3] = {s_base_small, s_avx2_small, s_avx512_small};

/* ---- dispatch by type -------------------------------------------------- */
typedef void (*mm_fn)(ac_intp, ac_intp, ac_intp, const char *, ac_intp, ac_intp,
                      const char *, ac_intp, ac_intp, char *, ac_intp, ac_intp);
typedef void (*vd_fn)(ac_intp, const char *, ac_intp, const char *, ac_intp, char *);

static const mm_fn mm_table[ACX_NTYPES] = {
    mm_bool, mm_i8, mm_u8, mm_i16, mm_u16, mm_i32, mm_u32, mm_i64, mm_u64,
    mm_f16, mm_f32, mm_f64, mm_c64, mm_c128};
static const vd_fn vd_table[ACX_NTYPES] = {
    vd_bool, vd_i8, vd_u8, vd_i16, vd_u16, vd_i32, vd_u32, vd_i64, vd_u64,
    vd_f16, vd_f32, vd_f64, vd_c64, vd_c128};

/* ---- BLAS gemm (src/ac_lapack.c, loaded at run time) ------------------- */
/* Set by ac_blas_load once the library is loaded (NULL before: our kernels);
 * a pointer rather than a call into ac_lapack.c keeps this file standalone. */
ac_matmul_gemm_fn ac_matmul_gemm = NULL;
ac_matmul_gemv_fn ac_matmul_gemv = NULL;

/* How an r x c operand with byte strides rs, cs reads in column-major BLAS
 * terms: 'R' row-major (its memory is the transpose, leading dimension *ld),
 * 'C' column-major, 0 when BLAS cannot address it (then our kernels run). */
static char blas_layout(ac_intp r, ac_intp c, ac_intp rs, ac_intp cs, ac_intp es,
                        ac_intp *ld)
{
    if (cs == es && (r == 1 || (rs > 0 && rs % es == 0 && rs / es >= c))) {
        *ld = r == 1 ? (c > 0 ? c : 1) : rs / es;
        return 'R';
    }
    if (rs == es && (c == 1 || (cs > 0 && cs % es == 0 && cs / es >= r))) {
        *ld = c == 1 ? (r > 0 ? r : 1) : cs / es;
        return 'C';
    }
    return 0;
}

/* C = A B (+ C when acc) through gemm, operands passed as they lie (a
 * row-major operand is a transposed column-major one, so nothing is copied).
 * 0 on success, -1 if the layout or the type does not suit BLAS. */
static int matmul_blas(int tidx, ac_intp n, ac_intp k, ac_intp m,
                       const char *A, ac_intp a_rs, ac_intp a_cs,
                       const char *B, ac_intp b_rs, ac_intp b_cs,
                       char *C, ac_intp c_rs, ac_intp c_cs, int acc)
{
    ac_intp es = (tidx == ACX_FLOAT32) ? 4 : (tidx == ACX_COMPLEX128) ? 16 : 8;
    ac_intp lda = 0, ldb = 0, ldc = 0;
    ac_matmul_gemm_fn gemm = __atomic_load_n(&ac_matmul_gemm, __ATOMIC_ACQUIRE);
    char la = blas_layout(n, k, a_rs, a_cs, es, &lda);
    char lb = blas_layout(k, m, b_rs, b_cs, es, &ldb);
    char lc = blas_layout(n, m, c_rs, c_cs, es, &ldc);
    if (!la || !lb || !lc || gemm == NULL)
        return -1;
    if (lc == 'R')      /* C^T (m x n) = B^T A^T */
        return gemm(tidx, lb == 'R' ? 'N' : 'T', la == 'R' ? 'N' : 'T', m, n, k,
                          B, ldb, A, lda, C, ldc, acc);
    return gemm(tidx, la == 'C' ? 'N' : 'T', lb == 'C' ? 'N' : 'T', n, m, k,
                      A, lda, B, ldb, C, ldc, acc);
}

/* A single gemm call cannot be interrupted, so a large product runs as
 * pieces with Ctrl-C checked between them, each sized from the speed the
 * previous one showed so that it lasts about BLAS_PIECE_SECONDS whatever the
 * machine and its load (Ctrl-C latency stays bounded; a fast machine makes
 * few calls).  The cut follows the blocking gemm does inside one call: the
 * inner dimension is cut into chunks (C += A[:, l:l+kc] B[l:l+kc, :], beta = 1
 * after the first: C is read and written once per chunk, as gemm does per
 * block of its own; chunks above BLAS_KC_ROUND are whole multiples of it, so
 * gemm's own k-blocks stay whole), and only a C larger than BLAS_PANEL_ELEMS
 * is first cut into panels of at least 64 rows (B's chunk is then packed once
 * per panel; cutting rows of a smaller C measured up to 1.4x slower than
 * cutting k).  Products up to BLAS_ONE_CALL_WORK (2048 x 2048 x 2048) are one
 * call: every call is a barrier for gemm's threads, and on a loaded 2-core
 * machine (OpenBLAS called directly, alternating) a 2048 float64 product cut
 * into six pieces of ~50 ms took 11-14% longer than one call, four equal
 * pieces 6%, two 2%.  Beyond that the pieces last about BLAS_PIECE_SECONDS,
 * so Ctrl-C stops a long product within 0.2 s (tests/test_interrupt.py); a
 * product of one call (0.25 s for 2048 on this machine) is waited for, as
 * NumPy's always is.  Returns 0, 1 when ac_sigint_flag stopped it (C is
 * incomplete), -1 when BLAS cannot take the operands. */
#define BLAS_ONE_CALL_WORK 8589934592.0         /* 2**33 multiply-adds */
#define BLAS_FIRST_PIECE 268435456.0            /* 2**28 */
#define BLAS_PIECE_SECONDS 0.08
#define BLAS_PANEL_ELEMS 4194304.0              /* 2**22 elements of C */
#define BLAS_MIN_KC 128
#define BLAS_KC_ROUND 256

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int matmul_blas_pieces(int tidx, ac_intp n, ac_intp k, ac_intp m,
                              const char *A, ac_intp a_rs, ac_intp a_cs,
                              const char *B, ac_intp b_rs, ac_intp b_cs,
                              char *C, ac_intp c_rs, ac_intp c_cs)
{
    ac_intp bn = n, bm = m, i, j, l, kc;
    double work = BLAS_FIRST_PIECE;             /* multiply-adds of the next piece */
    if ((double)n * (double)k * (double)m <= BLAS_ONE_CALL_WORK)
        return matmul_blas(tidx, n, k, m, A, a_rs, a_cs, B, b_rs, b_cs, C, c_rs, c_cs, 0);
    if ((double)n * (double)m > BLAS_PANEL_ELEMS) {
        double q = BLAS_PANEL_ELEMS / (double)m;
        bn = q < 64 ? 64 : (ac_intp)q;
        if (bn > n)
            bn = n;
    }
    for (i = 0; i < n; i += bn) {
        ac_intp rn = n - i < bn ? n - i : bn;
        for (j = 0; j < m; j += bm) {
            ac_intp rm = m - j < bm ? m - j : bm;
            for (l = 0; l < k; l += kc) {
                double t0, dt, q = work / ((double)rn * (double)rm);
                kc = q < BLAS_MIN_KC ? BLAS_MIN_KC : q > (double)k ? k : (ac_intp)q;
                if (kc > BLAS_KC_ROUND)
                    kc -= kc % BLAS_KC_ROUND;
                if (kc > k - l)
                    kc = k - l;
                if (AC_SIGINT_SEEN())
                    return 1;
                t0 = now_seconds();
                if (matmul_blas(tidx, rn, kc, rm, A + i * a_rs + l * a_cs, a_rs, a_cs,
                                B + l * b_rs + j * b_cs, b_rs, b_cs,
                                C + i * c_rs + j * c_cs, c_rs, c_cs, l > 0) != 0)
                    return -1;
                dt = now_seconds() - t0;
                q = (double)rn * (double)rm * (double)kc;   /* what this piece did */
                /* the next piece lasts about BLAS_PIECE_SECONDS at this speed,
                 * growing at most 4x a step */
                work = dt > 0 ? q * (BLAS_PIECE_SECONDS / dt) : 4.0 * q;
                if (work > 4.0 * q)
                    work = 4.0 * q;
            }
        }
    }
    return AC_SIGINT_SEEN() ? 1 : 0;
}

/* A matrix-vector product (n == 1 or m == 1) through gemv: the matrix as it
 * lies ('R' row-major is a transposed column-major one), the vectors with
 * their positive element strides.  0 on success, -1 if BLAS cannot take it. */
static int matvec_blas(int tidx, ac_intp n, ac_intp k, ac_intp m,
                       const char *A, ac_intp a_rs, ac_intp a_cs,
                       const char *B, ac_intp b_rs, ac_intp b_cs,
                       char *C, ac_intp c_rs, ac_intp c_cs)
{
    ac_intp es = (tidx == ACX_FLOAT32) ? 4 : 8, ld = 0, xs, ys, rows;
    ac_matmul_gemv_fn gemv = __atomic_load_n(&ac_matmul_gemv, __ATOMIC_ACQUIRE);
    const char *M, *x;
    char lay;
    if (gemv == NULL || k < 1)
        return -1;
    if (m == 1) {               /* C[:, 0] = A B[:, 0] */
        lay = blas_layout(n, k, a_rs, a_cs, es, &ld);
        M = A; x = B; xs = b_rs; ys = c_rs; rows = n;
    }
    else {                      /* C[0, :] = B^T A[0, :] */
        lay = blas_layout(m, k, b_cs, b_rs, es, &ld);     /* B^T: m x k */
        M = B; x = A; xs = a_cs; ys = c_cs; rows = m;
    }
    if (!lay || xs <= 0 || ys <= 0 || xs % es || ys % es)
        return -1;
    if (lay == 'R')             /* column-major k x rows: y = M^T x */
        return gemv(tidx, 'T', k, rows, M, ld, x, xs / es, C, ys / es);
    return gemv(tidx, 'N', rows, k, M, ld, x, xs / es, C, ys / es);
}

int ac_matmul_blas_worthy(int tidx, ac_intp n, ac_intp k, ac_intp m)
{
    double w = (double)n * (double)k * (double)m;
    if (k <= 0 || n <= 0 || m <= 0)
        return 0;
    if (tidx == ACX_COMPLEX64 || tidx == ACX_COMPLEX128)
        return w >= AC_BLAS_MIN_WORK_COMPLEX;
    if (tidx == ACX_FLOAT32 || tidx == ACX_FLOAT64) {
        if (n == 1 && m == 1)
            return 0;
        if (n == 1 || m == 1)                   /* gemv */
            return w >= AC_BLAS_MIN_GEMV;
        return w >= AC_BLAS_MIN_WORK;
    }
    return 0;
}

int ac_matmul(int tidx, ac_intp n, ac_intp k, ac_intp m,
              const char *A, ac_intp a_rs, ac_intp a_cs,
              const char *B, ac_intp b_rs, ac_intp b_cs,
              char *C, ac_intp c_rs, ac_intp c_cs)
{
    if (tidx < 0 || tidx >= ACX_NTYPES || n <= 0 || m <= 0)
        return 0;
    if (ac_matmul_gemm != NULL && ac_matmul_blas_worthy(tidx, n, k, m)
            && !((tidx == ACX_FLOAT32 || tidx == ACX_FLOAT64) && (n == 1 || m == 1))) {
        /* the layout check comes first, so a tiled run never stops half-way
         * for a reason other than Ctrl-C */
        ac_intp l1, es = (tidx == ACX_FLOAT32) ? 4 : (tidx == ACX_COMPLEX128) ? 16 : 8;
        if (blas_layout(n, k, a_rs, a_cs, es, &l1) && blas_layout(k, m, b_rs, b_cs, es, &l1)
                && blas_layout(n, m, c_rs, c_cs, es, &l1)) {
            int r = matmul_blas_pieces(tidx, n, k, m, A, a_rs, a_cs, B, b_rs, b_cs,
                                       C, c_rs, c_cs);
            if (r >= 0)
                return r;
        }
    }
    if ((tidx == ACX_FLOAT64 || tidx == ACX_FLOAT32) && k > 0 && (n == 1) != (m == 1)
            && (double)k * (double)(n > m ? n : m) >= AC_BLAS_MIN_GEMV
            && matvec_blas(tidx, n, k, m, A, a_rs, a_cs, B, b_rs, b_cs, C, c_rs, c_cs) == 0)
        return 0;
    if ((tidx == ACX_FLOAT64 || tidx == ACX_FLOAT32) && k > 0 && (n == 1 || m == 1)
            && float_gemv(tidx == ACX_FLOAT64, n, k, m, A, a_rs, a_cs, B, b_rs, b_cs,
                          C, c_rs, c_cs))
        return 0;
    if ((tidx == ACX_FLOAT64 || tidx == ACX_FLOAT32) && k > 0) {
        ac_intp sz = tidx == ACX_FLOAT64 ? 8 : 4;
        if (b_cs == sz && c_cs == sz && (double)k * (double)m * sz <= SMALL_MAX_B_BYTES
                && (double)n * (double)k * (double)m <= SMALL_MAX_WORK) {
            (sz == 8 ? small_d : small_s)[ac_cpu_level()](n, k, m, A, a_rs, a_cs,
                                                          B, b_rs, C, c_rs);
            return 0;
        }
    }
    if ((tidx == ACX_FLOAT64 || tidx == ACX_FLOAT32) && k > 0
            && (double)n * (double)k * (double)m >= GEMM_MIN_WORK) {
        gemm_args g = {n, k, m, A, a_rs, a_cs, B, b_rs, b_cs, C, c_rs, c_cs,
                       !ac_sigint_ignore};
        int lev = ac_cpu_level();
        if (tidx == ACX_FLOAT64)
            return gemm_run(gemm_d[lev], &g, lev == 2 ? 24 : lev == 1 ? 8 : 4);
        return gemm_run(gemm_s[lev], &g, lev == 2 ? 48 : lev == 1 ? 16 : 8);
    }
    mm_table[tidx](n, k, m, A, a_rs, a_cs, B, b_rs, b_cs, C, c_rs, c_cs);
    return 0;
}

void ac_vecdot(int tidx, ac_intp n, const char *x, ac_intp xs,
               const char *y, ac_intp ys, char *out)
{
    if (tidx < 0 || tidx >= ACX_NTYPES)
        return;
    if (tidx == ACX_FLOAT64 && xs == 8 && ys == 8) {
        *(double *)out = dot_d[ac_cpu_level()](n, (const double *)x, (const double *)y);
        return;
    }
    if (tidx == ACX_FLOAT32 && xs == 4 && ys == 4) {
        *(float *)out = dot_s[ac_cpu_level()](n, (const float *)x, (const float *)y);
        return;
    }
    vd_table[tidx](n, x, xs, y, ys, out);
}

typedef struct {
    int t;
    ac_intp N, n, xo, xs, yo, ys, oo, npieces;
    const char *x, *y;
    char *out;
} vecdot_job;

static void vecdot_piece(void *ctx, ac_intp k)
{
    const vecdot_job *j = ctx;
    ac_intp lo = j->N * k / j->npieces, hi = j->N * (k + 1) / j->npieces;
    for (ac_intp i = lo; i < hi; i++)
        ac_vecdot(j->t, j->n, j->x + i * j->xo, j->xs, j->y + i * j->yo, j->ys, j->out + i * j->oo);
}

void ac_vecdot_many(int tidx, ac_intp N, ac_intp n, const char *x, ac_intp xo, ac_intp xs,
                    const char *y, ac_intp yo, ac_intp ys, char *out, ac_intp oo)
{
    /* the pool from 2^18 products on (1000 x 1000 float64 rows: 16 MB read
     * from L3 or memory, one core's bandwidth the limit) */
    vecdot_job j = {tidx, N, n, xo, xs, yo, ys, oo, 1, x, y, out};
    int th = ac_pool_get_threads();
    if (th > 1 && N >= 2 && (double)N * (double)n >= 262144.0 && !ac_pool_in_piece()) {
        j.npieces = N < 4 * th ? N : 4 * th;
        ac_pool_run(j.npieces, vecdot_piece, &j);
        return;
    }
    vecdot_piece(&j, 0);
}

typedef struct {
    int t;
    ac_intp N, n, k, m, ao, a_rs, a_cs, bo, b_rs, b_cs, co, c_rs, c_cs, npieces;
    const char *A, *B;
    char *C;
    int rc;          /* the first failure (atomic), 0 while none */
} matmul_job;

static void matmul_piece(void *ctx, ac_intp p)
{
    matmul_job *j = ctx;
    ac_intp lo = j->N * p / j->npieces, hi = j->N * (p + 1) / j->npieces;
    for (ac_intp i = lo; i < hi; i++) {
        if (__atomic_load_n(&j->rc, __ATOMIC_RELAXED)) return;
        int r = ac_matmul(j->t, j->n, j->k, j->m, j->A + i * j->ao, j->a_rs, j->a_cs,
                          j->B + i * j->bo, j->b_rs, j->b_cs, j->C + i * j->co, j->c_rs, j->c_cs);
        if (r) {
            int zero = 0;
            __atomic_compare_exchange_n(&j->rc, &zero, r, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
            return;
        }
    }
}

int ac_matmul_many(int tidx, ac_intp N, ac_intp n, ac_intp k, ac_intp m,
                   const char *A, ac_intp ao, ac_intp a_rs, ac_intp a_cs,
                   const char *B, ac_intp bo, ac_intp b_rs, ac_intp b_cs,
                   char *C, ac_intp co, ac_intp c_rs, ac_intp c_cs)
{
    matmul_job j = {tidx, N, n, k, m, ao, a_rs, a_cs, bo, b_rs, b_cs, co, c_rs, c_cs, 1,
                    A, B, C, 0};
    double w = (double)n * (double)k * (double)m;
    int th = ac_pool_get_threads();
    /* products BLAS runs on one thread (OpenBLAS splits a gemm of more than
     * 64^3 itself: nesting would oversubscribe), from 2^20 multiply-adds in
     * the stack (~100 us on one core; the gufunc driver hands over stacks in
     * chunks of a few hundred KB: 19 products of 48x40 @ 40x56) (100 x 64^3:
     * 1.0 -> 0.75 of NumPy's time on 2 cores), the output's products apart
     * (C is written by one product each) */
    if (th > 1 && N >= 2 && w <= 262144.0 && w * (double)N >= 1048576.0 && co != 0
            && !ac_pool_in_piece()) {
        j.npieces = N < 4 * th ? N : 4 * th;
        ac_pool_run(j.npieces, matmul_piece, &j);
        return j.rc;
    }
    matmul_piece(&j, 0);
    return j.rc;
}
