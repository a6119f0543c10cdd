/*
 * ac_matmul.c -- matmul and vecdot kernels for every dense type (see
 * ac_matmul.h): simple strided loops per type.
 */
#include "ac_matmul.h"   /* first: it includes Python.h */
#include <stdint.h>
#include <string.h>

#define AT(T, p, s, i) (*(const T *)((p) + (s) * (i)))


#define REAL_KERNELS(name, T, ACC_T, LOAD, STORE)                             \
static void mm_##name(ac_intp n, ac_intp k, ac_intp m,                        \
                      const char *A, ac_intp a_rs, ac_intp a_cs,              \
                      const char *B, ac_intp b_rs, ac_intp b_cs,              \
                      char *C, ac_intp c_rs, ac_intp c_cs)                    \
{                                                                             \
    for (ac_intp i = 0; i < n; i++) {                                         \
        for (ac_intp j = 0; j < m; j++) {                                     \
            ACC_T acc = 0;                                                    \
            const char *a = A + a_rs * i, *b = B + b_cs * j;                  \
            for (ac_intp p = 0; p < k; p++)                                   \
                acc += LOAD(T, a + a_cs * p) * LOAD(T, b + b_rs * p);         \
            STORE(T, C + c_rs * i + c_cs * j, acc);                           \
        }                                                                     \
    }                                                                         \
}                                                                             \
static void vd_##name(ac_intp n, const char *x, ac_intp xs,                   \
                      const char *y, ac_intp ys, char *out)                   \
{                                                                             \
    ACC_T acc = 0;                                                            \
    for (ac_intp i = 0; i < n; i++)                                           \
        acc += LOAD(T, x + xs * i) * LOAD(T, y + ys * i);                     \
    STORE(T, out, acc);                                                       \
}

/* integers wrap: accumulate in uint64_t (arithmetic mod 2**64), truncate */
#define LD_INT(T, p) ((uint64_t)(int64_t)(*(const T *)(p)))
#define LD_UINT(T, p) ((uint64_t)(*(const T *)(p)))
#define ST_INT(T, p, v) (*(T *)(p) = (T)(v))
#define LD_F(T, p) (*(const T *)(p))
#define ST_F(T, p, v) (*(T *)(p) = (T)(v))
#define LD_HALF(T, p) ac_half_to_float(*(const ac_half *)(p))
#define ST_HALF(T, p, v) (*(ac_half *)(p) = ac_float_to_half(v))

REAL_KERNELS(i8, int8_t, uint64_t, LD_INT, ST_INT)
REAL_KERNELS(u8, uint8_t, uint64_t, LD_UINT, ST_INT)
REAL_KERNELS(i16, int16_t, uint64_t, LD_INT, ST_INT)
REAL_KERNELS(u16, uint16_t, uint64_t, LD_UINT, ST_INT)
REAL_KERNELS(i32, int32_t, uint64_t, LD_INT, ST_INT)
REAL_KERNELS(u32, uint32_t, uint64_t, LD_UINT, ST_INT)
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
    for (ac_intp i = 0; i < n; i++)                                           \
        for (ac_intp j = 0; j < m; j++) {                                     \
            R re = 0, im = 0;                                                 \
            const char *a = A + a_rs * i, *b = B + b_cs * j;                  \
            for (ac_intp p = 0; p < k; p++) {                                 \
                CT x = AT(CT, a, a_cs, p), y = AT(CT, b, b_rs, p);            \
                re += x.real * y.real - x.imag * y.imag;                      \
                im += x.real * y.imag + x.imag * y.real;                      \
            }                                                                 \
            CT *c = (CT *)(C + c_rs * i + c_cs * j);                          \
            c->real = re; c->imag = im;                                       \
        }                                                                     \
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

int ac_matmul(int tidx, ac_intp n, ac_intp k, ac_intp m,
              const char *A, ac_intp a_rs, ac_intp a_cs,
              const char *B, ac_intp b_rs, ac_intp b_cs,
              char *C, ac_intp c_rs, ac_intp c_cs)
{
    if (tidx < 0 || tidx >= ACX_NTYPES || n <= 0 || m <= 0)
        return 0;
    mm_table[tidx](n, k, m, A, a_rs, a_cs, B, b_rs, b_cs, C, c_rs, c_cs);
    return 0;
}

void ac_vecdot(int tidx, ac_intp n, const char *x, ac_intp xs,
               const char *y, ac_intp ys, char *out)
{
    if (tidx < 0 || tidx >= ACX_NTYPES)
        return;
    vd_table[tidx](n, x, xs, y, ys, out);
}
