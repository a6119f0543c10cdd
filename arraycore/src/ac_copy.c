/*
 * ac_copy.c -- THE copy/cast engine (ac_copy_nd): contiguous memcpy runs,
 * blocked transposes, buffered casts for swapped or misaligned operands,
 * and byte swapping; it walks its operands with the one loop driver
 * (ac_driver.c), so long copies stop on Ctrl-C; long 1-d runs are split
 * over the thread pool.  No Python objects, no GIL.
 */
#include "ac_internal.h"
#include "ac_pool.h"
#include "ac_cpu.h"
#include <stdlib.h>
#include <string.h>
#if AC_HAVE_DISPATCH
#include <immintrin.h>
#endif

static inline ac_intp ac_abs(ac_intp x) { return x < 0 ? -x : x; }

/* ------------------------------------------------------------ byte swap */
void ac_byteswap(char *p, ac_intp stride, ac_intp n, int itemsize, int is_complex)
{
    ac_intp i;
    if (is_complex) {
        int half = itemsize / 2;
        ac_byteswap(p, stride, n, half, 0);
        ac_byteswap(p + half, stride, n, half, 0);
        return;
    }
    switch (itemsize) {
    case 1:
        return;
    case 2:
        for (i = 0; i < n; i++, p += stride) {
            uint16_t v; memcpy(&v, p, 2); v = __builtin_bswap16(v); memcpy(p, &v, 2);
        }
        return;
    case 4:
        for (i = 0; i < n; i++, p += stride) {
            uint32_t v; memcpy(&v, p, 4); v = __builtin_bswap32(v); memcpy(p, &v, 4);
        }
        return;
    case 8:
        for (i = 0; i < n; i++, p += stride) {
            uint64_t v; memcpy(&v, p, 8); v = __builtin_bswap64(v); memcpy(p, &v, 8);
        }
        return;
    default:
        for (i = 0; i < n; i++, p += stride) {
            int a = 0, b = itemsize - 1;
            while (a < b) { char t = p[a]; p[a] = p[b]; p[b] = t; a++; b--; }
        }
    }
}

/* ------------------------------------------------------- plain copies */
/* Strided element copy of `size` bytes; memcpy with a constant size is a
 * single load/store and is safe for unaligned data. */
#define AC_DEFINE_STRIDED_COPY(N)                                            \
static void copy_strided_##N(char *dst, ac_intp ds, const char *src,          \
                             ac_intp ss, ac_intp n)                           \
{                                                                             \
    ac_intp i;                                                                \
    for (i = 0; i < n; i++) {                                                 \
        memcpy(dst + i * ds, src + i * ss, N);                                \
    }                                                                         \
}
AC_DEFINE_STRIDED_COPY(1)
AC_DEFINE_STRIDED_COPY(2)
AC_DEFINE_STRIDED_COPY(4)
AC_DEFINE_STRIDED_COPY(8)
AC_DEFINE_STRIDED_COPY(16)

#if AC_HAVE_DISPATCH
/* A contiguous run whose ends are not co-aligned (their addresses differ
 * modulo 64): glibc's memmove copies such runs of a few KB and more with
 * `rep movsb`, which on Zen 4 ran 20-25% slower than with co-aligned ends
 * (2000 rows of 16000 bytes from NumPy's arrays, 16 bytes into a page, into
 * ours, 64-byte aligned: 2.0 ms against 1.65; a pad's interior).  This loop
 * aligns its stores and takes unaligned loads: the same speed either way. */
#define AC_BYTES_MIN 2048
static AC_TARGET_AVX2 void copy_bytes_avx2(char *d, const char *s, size_t n)
{
    size_t i = (32 - ((uintptr_t)d & 31)) & 31;
    memcpy(d, s, i);
    for (; i + 128 <= n; i += 128) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(s + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(s + i + 32));
        __m256i c = _mm256_loadu_si256((const __m256i *)(s + i + 64));
        __m256i e = _mm256_loadu_si256((const __m256i *)(s + i + 96));
        _mm256_store_si256((__m256i *)(d + i), a);
        _mm256_store_si256((__m256i *)(d + i + 32), b);
        _mm256_store_si256((__m256i *)(d + i + 64), c);
        _mm256_store_si256((__m256i *)(d + i + 96), e);
    }
    memcpy(d + i, s + i, n - i);
}
#endif

static void copy_bytes(char *dst, const char *src, size_t nb)
{
#if AC_HAVE_DISPATCH
    if (nb >= AC_BYTES_MIN && (((uintptr_t)dst ^ (uintptr_t)src) & 63) != 0 &&
            (dst + nb <= src || src + nb <= dst) && ac_cpu_level() >= AC_CPU_AVX2) {
        copy_bytes_avx2(dst, src, nb);
        return;
    }
#endif
    memmove(dst, src, nb);
}

static void copy_strided_any(char *dst, ac_intp ds, const char *src, ac_intp ss,
                             ac_intp n, int size)
{
    if (ds == size && ss == size) {
        copy_bytes(dst, src, (size_t)(n * size));
        return;
    }
    if (ss == 0) {
        /* broadcast one value */
        switch (size) {
        case 8: { uint64_t v; memcpy(&v, src, 8);
                  if (ds == 8 && ((uintptr_t)dst & 7) == 0) {
                      uint64_t *d = (uint64_t *)dst; ac_intp i;
                      for (i = 0; i < n; i++) d[i] = v;
                      return;
                  }
                  break; }
        default: break;
        }
    }
    switch (size) {
    case 1: copy_strided_1(dst, ds, src, ss, n); return;
    case 2: copy_strided_2(dst, ds, src, ss, n); return;
    case 4: copy_strided_4(dst, ds, src, ss, n); return;
    case 8: copy_strided_8(dst, ds, src, ss, n); return;
    case 16: copy_strided_16(dst, ds, src, ss, n); return;
    default: {
        ac_intp i;
        for (i = 0; i < n; i++) memcpy(dst + i * ds, src + i * ss, (size_t)size);
    }
    }
}

typedef struct {
    int size;
} plain_ctx;

static int plain_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    plain_ctx *ctx = (plain_ctx *)vctx;
    copy_strided_any(ptrs[0], strides[0], ptrs[1], strides[1], count, ctx->size);
    return 0;
}

/* ------------------------------------------- long runs on the thread pool
 * A run of at least 2 * AC_COPY_PIECE elements whose destination does not
 * overlap its source is copied (or cast) in pieces on the pool (src/ac_pool.c):
 * one core does not saturate the memory bandwidth.  Each element is copied
 * by the same code whatever the split, so the result is the same. */
#define AC_COPY_PIECE ((ac_intp)1 << 18)
typedef struct {
    ac_inner_loop_fn inner;
    void *ctx;
    char *ptrs[2];
    ac_intp strides[2];
    ac_intp count, piece;
} par_copy_job;

static void par_copy_piece(void *vctx, ac_intp i)
{
    par_copy_job *j = (par_copy_job *)vctx;
    ac_intp start = i * j->piece;
    ac_intp n = j->count - start < j->piece ? j->count - start : j->piece;
    char *q[2] = {j->ptrs[0] + start * j->strides[0], j->ptrs[1] + start * j->strides[1]};
    if (AC_SIGINT_SEEN()) {
        return;
    }
    (void)j->inner(q, n, j->strides, j->ctx);
}

/* the byte range [lo, hi) a run of n elements of `size` bytes touches */
static void run_span(const char *p, ac_intp stride, ac_intp n, int size,
                     const char **lo, const char **hi)
{
    *lo = p;
    *hi = p + size;
    if (stride < 0) *lo += (n - 1) * stride;
    else *hi += (n - 1) * stride;
}

/* 1 when the run was done on the pool */
static int par_copy(ac_inner_loop_fn inner, void *ctx, char **ptrs, ac_intp count,
                    const ac_intp *strides, int dsize, int ssize)
{
    const char *dlo, *dhi, *slo, *shi;
    int threads;
    if (count < 2 * AC_COPY_PIECE || ac_pool_in_piece() || strides[0] == 0 ||
            (threads = ac_pool_get_threads()) < 2) {
        return 0;
    }
    run_span(ptrs[0], strides[0], count, dsize, &dlo, &dhi);
    run_span(ptrs[1], strides[1], count, ssize, &slo, &shi);
    if (dlo < shi && slo < dhi) {
        return 0;
    }
    par_copy_job j;
    ac_intp piece = (count + 2 * threads - 1) / (2 * threads);
    if (piece < AC_COPY_PIECE) piece = AC_COPY_PIECE;
    j.inner = inner;
    j.ctx = ctx;
    j.ptrs[0] = ptrs[0];
    j.ptrs[1] = ptrs[1];
    j.strides[0] = strides[0];
    j.strides[1] = strides[1];
    j.count = count;
    j.piece = piece;
    ac_pool_run((count + piece - 1) / piece, par_copy_piece, &j);
    return 1;
}

static int plain_par_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    plain_ctx *ctx = (plain_ctx *)vctx;
    if (par_copy(plain_inner, vctx, ptrs, count, strides, ctx->size, ctx->size)) {
        return 0;
    }
    return plain_inner(ptrs, count, strides, vctx);
}

/* Blocked copy of a 2-d block where the destination's inner stride is small
 * and the source's is large (a transpose).  The tile size was measured on a
 * 4000x4000 float64 transpose: 256 (0.49x NumPy) beat 16..128 (0.5-0.8x);
 * the strided side's hardware prefetch matters more than L1 residency. */
#define AC_TILE 256
#define AC_DEFINE_TILED(N, T)                                                 \
static void copy_tiled_##N(char *dst, ac_intp d0, ac_intp d1,                 \
                           const char *src, ac_intp s0, ac_intp s1,           \
                           ac_intp n0, ac_intp n1)                            \
{                                                                             \
    ac_intp ib, jb, i, j, iend, jend;                                         \
    for (ib = 0; ib < n0; ib += AC_TILE) {                                    \
        iend = ib + AC_TILE < n0 ? ib + AC_TILE : n0;                         \
        for (jb = 0; jb < n1; jb += AC_TILE) {                                \
            jend = jb + AC_TILE < n1 ? jb + AC_TILE : n1;                     \
            for (i = ib; i < iend; i++) {                                     \
                char *d = dst + i * d0;                                       \
                const char *s = src + i * s0;                                 \
                for (j = jb; j < jend; j++) {                                 \
                    T v;                                                      \
                    memcpy(&v, s + j * s1, sizeof(T));                        \
                    memcpy(d + j * d1, &v, sizeof(T));                        \
                }                                                             \
            }                                                                 \
        }                                                                     \
    }                                                                         \
}
AC_DEFINE_TILED(8, uint64_t)
AC_DEFINE_TILED(4, uint32_t)
AC_DEFINE_TILED(2, uint16_t)
AC_DEFINE_TILED(1, uint8_t)

#if AC_HAVE_DISPATCH
/* The pure transpose of 8-byte elements (source contiguous down the
 * destination's columns, destination rows contiguous), AVX2: 4x4 blocks, four
 * 32-byte loads down the source, transposed in registers (unpack, then swap
 * the 128-bit halves; bit moves only, NaN payloads kept), four 32-byte
 * stores.  The scalar loop took 2.3 cycles an element on a 100x100 float64
 * transpose (1.8x NumPy's time); this one about 0.6. */
static AC_TARGET_AVX2 void copy_tiled_8_avx2(char *dst, ac_intp d0, const char *src,
                                             ac_intp s1, ac_intp n0, ac_intp n1)
{
    ac_intp ib, jb, i, j, iend, jend;
    for (ib = 0; ib < n0; ib += AC_TILE) {
        iend = ib + AC_TILE < n0 ? ib + AC_TILE : n0;
        for (jb = 0; jb < n1; jb += AC_TILE) {
            jend = jb + AC_TILE < n1 ? jb + AC_TILE : n1;
            for (i = ib; i + 4 <= iend; i += 4) {
                const char *s = src + i * 8;
                char *d = dst + i * d0;
                for (j = jb; j + 4 <= jend; j += 4) {
                    __m256d r0 = _mm256_loadu_pd((const double *)(s + j * s1));
                    __m256d r1 = _mm256_loadu_pd((const double *)(s + (j + 1) * s1));
                    __m256d r2 = _mm256_loadu_pd((const double *)(s + (j + 2) * s1));
                    __m256d r3 = _mm256_loadu_pd((const double *)(s + (j + 3) * s1));
                    __m256d t0 = _mm256_unpacklo_pd(r0, r1);
                    __m256d t1 = _mm256_unpackhi_pd(r0, r1);
                    __m256d t2 = _mm256_unpacklo_pd(r2, r3);
                    __m256d t3 = _mm256_unpackhi_pd(r2, r3);
                    _mm256_storeu_pd((double *)(d + j * 8), _mm256_permute2f128_pd(t0, t2, 0x20));
                    _mm256_storeu_pd((double *)(d + d0 + j * 8),
                                     _mm256_permute2f128_pd(t1, t3, 0x20));
                    _mm256_storeu_pd((double *)(d + 2 * d0 + j * 8),
                                     _mm256_permute2f128_pd(t0, t2, 0x31));
                    _mm256_storeu_pd((double *)(d + 3 * d0 + j * 8),
                                     _mm256_permute2f128_pd(t1, t3, 0x31));
                }
                for (; j < jend; j++) {
                    for (ac_intp k = 0; k < 4; k++) {
                        memcpy(d + k * d0 + j * 8, s + k * 8 + j * s1, 8);
                    }
                }
            }
            for (; i < iend; i++) {
                for (j = jb; j < jend; j++) {
                    memcpy(dst + i * d0 + j * 8, src + i * 8 + j * s1, 8);
                }
            }
        }
    }
}
#endif

static void copy_tiled_2d(char *dst, ac_intp d0, ac_intp d1,
                          const char *src, ac_intp s0, ac_intp s1,
                          ac_intp n0, ac_intp n1, int size)
{
    ac_intp ib, jb, i, iend, jend;
    switch (size) {
    case 8:
#if AC_HAVE_DISPATCH
        if (s0 == 8 && d1 == 8 && ac_cpu_level() >= AC_CPU_AVX2) {
            copy_tiled_8_avx2(dst, d0, src, s1, n0, n1);
            return;
        }
#endif
        copy_tiled_8(dst, d0, d1, src, s0, s1, n0, n1);
        return;
    case 4: copy_tiled_4(dst, d0, d1, src, s0, s1, n0, n1); return;
    case 2: copy_tiled_2(dst, d0, d1, src, s0, s1, n0, n1); return;
    case 1: copy_tiled_1(dst, d0, d1, src, s0, s1, n0, n1); return;
    default: break;
    }
    for (ib = 0; ib < n0; ib += AC_TILE) {
        iend = ib + AC_TILE < n0 ? ib + AC_TILE : n0;
        for (jb = 0; jb < n1; jb += AC_TILE) {
            jend = jb + AC_TILE < n1 ? jb + AC_TILE : n1;
            for (i = ib; i < iend; i++) {
                copy_strided_any(dst + i * d0 + jb * d1, d1,
                                 src + i * s0 + jb * s1, s1, jend - jb, size);
            }
        }
    }
}

/* a band of rows of a transpose-like 2-d block: the driver walks the rows
 * (count rows from ptrs, row strides), the columns are in the context */
typedef struct {
    ac_intp n1, ds1, ss1;
    int size;
} tiled_ctx;

static int tiled_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    tiled_ctx *ctx = (tiled_ctx *)vctx;
    copy_tiled_2d(ptrs[0], strides[0], ctx->ds1, ptrs[1], strides[1], ctx->ss1,
                  count, ctx->n1, ctx->size);
    return 0;
}

/* Rows of a 2-d block (the last two dims after simplification), when the
 * driver's cost per run would show: short rows (a pad's side strips: 2000
 * rows of 16 elements; 48 us -> 8 us for float64) and contiguous rows (one
 * copy_bytes each: a strided interior copy, 2000 rows of 2000 float64, was 3-4%
 * slower through the driver, its per-run polling and TLS reads).  The driver
 * walks bands of rows (Ctrl-C is polled between bands); one call copies a
 * band here, row after row, with the row's loop picked once. */
#define AC_SHORT_ROW 64

typedef struct {
    ac_intp n1, ds1, ss1;
    int size;
} rows_ctx;

static int rows_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    rows_ctx *ctx = (rows_ctx *)vctx;
    char *dst = ptrs[0];
    const char *src = ptrs[1];
    ac_intp d0 = strides[0], s0 = strides[1], n1 = ctx->n1, i, j;
    int size = ctx->size;
    if (ctx->ds1 == size && ctx->ss1 == size) {
        size_t nb = (size_t)(n1 * size);
        for (i = 0; i < count; i++, dst += d0, src += s0) {
            copy_bytes(dst, src, nb);
        }
        return 0;
    }
    if (size == 8 && ctx->ds1 == 8 && ctx->ss1 == 0 && s0 == 0) {
        /* one value everywhere (a scalar fill) */
        uint64_t v;
        memcpy(&v, src, 8);
        for (i = 0; i < count; i++, dst += d0) {
            for (j = 0; j < n1; j++) {
                memcpy(dst + 8 * j, &v, 8);
            }
        }
        return 0;
    }
    if (size == 8 && ctx->ds1 == 8) {
        ac_intp ss1 = ctx->ss1;
        for (i = 0; i < count; i++, dst += d0, src += s0) {
            for (j = 0; j < n1; j++) {
                memcpy(dst + 8 * j, src + ss1 * j, 8);
            }
        }
        return 0;
    }
    for (i = 0; i < count; i++, dst += d0, src += s0) {
        copy_strided_any(dst, ctx->ds1, src, ctx->ss1, n1, size);
    }
    return 0;
}

/* ------------------------------------------------------ buffered casts */
#define AC_CHUNK 512

typedef struct {
    ac_opinfo d, s;
    ac_cast_fn cast;          /* native aligned -> native aligned */
    char *buf_src;            /* AC_CHUNK items of the source type */
    char *buf_dst;            /* AC_CHUNK items of the destination type */
} cast_ctx;

static int cast_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    cast_ctx *ctx = (cast_ctx *)vctx;
    char *dst = ptrs[0];
    const char *src = ptrs[1];
    ac_intp ds = strides[0], ss = strides[1];
    int s_direct = !ctx->s.swapped && ctx->s.aligned;
    int d_direct = !ctx->d.swapped && ctx->d.aligned;
    int isz = ctx->s.itemsize, osz = ctx->d.itemsize;

    if (s_direct && d_direct) {
        /* no shared buffers on this path: long runs go to the pool */
        if (!par_copy(cast_inner, vctx, ptrs, count, strides, osz, isz)) {
            ctx->cast(src, ss, dst, ds, count);
        }
        return 0;
    }
    while (count > 0) {
        ac_intp n = count < AC_CHUNK ? count : AC_CHUNK;
        const char *cs = src;
        ac_intp css = ss;
        if (!s_direct) {
            copy_strided_any(ctx->buf_src, isz, src, ss, n, isz);
            if (ctx->s.swapped) {
                ac_byteswap(ctx->buf_src, isz, n, isz, ctx->s.tidx >= ACX_COMPLEX64);
            }
            cs = ctx->buf_src;
            css = isz;
        }
        if (d_direct) {
            ctx->cast(cs, css, dst, ds, n);
        }
        else {
            ctx->cast(cs, css, ctx->buf_dst, osz, n);
            if (ctx->d.swapped) {
                ac_byteswap(ctx->buf_dst, osz, n, osz, ctx->d.tidx >= ACX_COMPLEX64);
            }
            copy_strided_any(dst, ds, ctx->buf_dst, osz, n, osz);
        }
        count -= n;
        src += n * ss;
        dst += n * ds;
    }
    return 0;
}

int ac_copy_nd(int ndim, const ac_intp *shape,
               char *dst, const ac_intp *dst_strides, const ac_opinfo *dinfo,
               const char *src, const ac_intp *src_strides, const ac_opinfo *sinfo)
{
    ac_intp sh[AC_MAXDIMS];
    ac_intp st[2 * AC_MAXDIMS];
    char *ptrs[2];
    int d, nd, r;

    if (ndim < 0 || ndim > AC_MAXDIMS) {
        return AC_DRIVE_BADARGS;
    }
    for (d = 0; d < ndim; d++) {
        if (shape[d] == 0) {
            return 0;
        }
        sh[d] = shape[d];
        st[d] = dst_strides[d];
        st[AC_MAXDIMS + d] = src_strides[d];
    }
    nd = ac_drive_simplify(ndim, sh, 2, st, 0, AC_DRIVE_SIMPLIFY);
    ptrs[0] = dst;
    ptrs[1] = (char *)src;

    if (dinfo->tidx == sinfo->tidx && dinfo->swapped == sinfo->swapped) {
        int size = dinfo->itemsize;
        if (nd >= 2) {
            ac_intp ds1 = st[nd - 1], ss1 = st[AC_MAXDIMS + nd - 1];
            ac_intp ss0 = st[AC_MAXDIMS + nd - 2];
            if (ac_abs(ss1) > ac_abs(ss0) && ss0 != 0 && sh[nd - 1] >= 8 && sh[nd - 2] >= 8) {
                /* transpose-like: tile the last two dims in bands of rows
                 * (whole tiles, about AC_DRIVE_CHUNK elements a band), the
                 * driver walks the rows and the dims outside them */
                tiled_ctx ctx;
                ac_intp band = (AC_DRIVE_CHUNK / sh[nd - 1]) / AC_TILE * AC_TILE;
                ctx.n1 = sh[nd - 1];
                ctx.ds1 = ds1;
                ctx.ss1 = ss1;
                ctx.size = size;
                return ac_drive(nd - 1, sh, 2, ptrs, st, 0, 0,
                                band > AC_TILE ? band : AC_TILE, tiled_inner, &ctx);
            }
        }
        if (nd >= 2 && sh[nd - 2] >= 4 &&
                (sh[nd - 1] <= AC_SHORT_ROW ||
                 (st[nd - 1] == size && st[AC_MAXDIMS + nd - 1] == size))) {
            rows_ctx ctx;
            ctx.n1 = sh[nd - 1];
            ctx.ds1 = st[nd - 1];
            ctx.ss1 = st[AC_MAXDIMS + nd - 1];
            ctx.size = size;
            return ac_drive(nd - 1, sh, 2, ptrs, st, 0, 0,
                            AC_DRIVE_CHUNK / sh[nd - 1] + 1, rows_inner, &ctx);
        }
        {
            plain_ctx ctx;
            ctx.size = size;
            return ac_drive(nd, sh, 2, ptrs, st, 0, 0, 0, plain_par_inner, &ctx);
        }
    }
    else {
        cast_ctx ctx;
        ctx.d = *dinfo;
        ctx.s = *sinfo;
        ctx.cast = ac_cast_table[sinfo->tidx][dinfo->tidx];
        ctx.buf_src = NULL;
        ctx.buf_dst = NULL;
        if (sinfo->swapped || !sinfo->aligned || dinfo->swapped || !dinfo->aligned) {
            ctx.buf_src = (char *)malloc((size_t)AC_CHUNK * (sinfo->itemsize + dinfo->itemsize) + 32);
            if (ctx.buf_src == NULL) {
                return -1;
            }
            ctx.buf_dst = ctx.buf_src + (((size_t)AC_CHUNK * sinfo->itemsize + 15) & ~(size_t)15);
        }
        r = ac_drive(nd, sh, 2, ptrs, st, 0, 0, 0, cast_inner, &ctx);
        free(ctx.buf_src);
        return r;
    }
}
