/*
 * ac_intcmp.c -- exact comparison loops of a signed integer with a uint64
 * (see ac_intcmp.h).  A negative signed element is below every uint64; a
 * non-negative one compares as uint64.  Each loop is written as "signed OP
 * unsigned"; the unsigned-left order uses the mirrored operator (u < s is
 * s > u).  Contiguous runs, and runs with one side constant, have their own
 * branch-free loops so the compiler can vectorize them.
 */
#include "ac_intcmp.h"

/* s OP u, s signed (already widened to ac_int64), u ac_uint64: 0 or 1 */
#define ICMP_EQ(s, u) (((s) >= 0) & ((ac_uint64)(s) == (u)))
#define ICMP_NE(s, u) (((s) < 0) | ((ac_uint64)(s) != (u)))
#define ICMP_LT(s, u) (((s) < 0) | ((ac_uint64)(s) < (u)))
#define ICMP_LE(s, u) (((s) < 0) | ((ac_uint64)(s) <= (u)))
#define ICMP_GT(s, u) (((s) >= 0) & ((ac_uint64)(s) > (u)))
#define ICMP_GE(s, u) (((s) >= 0) & ((ac_uint64)(s) >= (u)))

/* One loop: signed type ST at operand IS, uint64 at operand IU, output 2. */
#define ICMP_LOOP(NAME, ST, CMP, IS, IU)                                        \
static void NAME(char **args, const ac_intp *dims, const ac_intp *steps,       \
                 void *data)                                                   \
{                                                                              \
    ac_intp n = dims[0], i;                                                    \
    const char *ps = args[IS], *pu = args[IU];                                 \
    char *po = args[2];                                                        \
    ac_intp ss = steps[IS], su = steps[IU], so = steps[2];                     \
    (void)data;                                                                \
    if (so == 1 && ss == (ac_intp)sizeof(ST) && su == 8) {                     \
        const ST *s = (const ST *)ps;                                          \
        const ac_uint64 *u = (const ac_uint64 *)pu;                            \
        ac_bool *o = (ac_bool *)po;                                            \
        for (i = 0; i < n; i++) {                                              \
            ac_int64 sv = s[i];                                                \
            o[i] = (ac_bool)CMP(sv, u[i]);                                     \
        }                                                                      \
    }                                                                          \
    else if (so == 1 && ss == 0 && su == 8) {                                  \
        const ac_int64 sv = *(const ST *)ps;                                   \
        const ac_uint64 *u = (const ac_uint64 *)pu;                            \
        ac_bool *o = (ac_bool *)po;                                            \
        for (i = 0; i < n; i++) {                                              \
            o[i] = (ac_bool)CMP(sv, u[i]);                                     \
        }                                                                      \
    }                                                                          \
    else if (so == 1 && ss == (ac_intp)sizeof(ST) && su == 0) {                \
        const ST *s = (const ST *)ps;                                          \
        const ac_uint64 uv = *(const ac_uint64 *)pu;                           \
        ac_bool *o = (ac_bool *)po;                                            \
        for (i = 0; i < n; i++) {                                              \
            ac_int64 sv = s[i];                                                \
            o[i] = (ac_bool)CMP(sv, uv);                                       \
        }                                                                      \
    }                                                                          \
    else {                                                                     \
        for (i = 0; i < n; i++, ps += ss, pu += su, po += so) {                \
            ac_int64 sv = *(const ST *)ps;                                     \
            *(ac_bool *)po = (ac_bool)CMP(sv, *(const ac_uint64 *)pu);         \
        }                                                                      \
    }                                                                          \
}

/* The twelve loops of one signed type: six operators, both orders.  With
 * the uint64 on the left, "u OP s" is "s MIRROR(OP) u". */
#define ICMP_TYPE(T, ST)                                                       \
    ICMP_LOOP(icmp_##T##_eq_s, ST, ICMP_EQ, 0, 1)                              \
    ICMP_LOOP(icmp_##T##_ne_s, ST, ICMP_NE, 0, 1)                              \
    ICMP_LOOP(icmp_##T##_lt_s, ST, ICMP_LT, 0, 1)                              \
    ICMP_LOOP(icmp_##T##_le_s, ST, ICMP_LE, 0, 1)                              \
    ICMP_LOOP(icmp_##T##_gt_s, ST, ICMP_GT, 0, 1)                              \
    ICMP_LOOP(icmp_##T##_ge_s, ST, ICMP_GE, 0, 1)                              \
    ICMP_LOOP(icmp_##T##_eq_u, ST, ICMP_EQ, 1, 0)                              \
    ICMP_LOOP(icmp_##T##_ne_u, ST, ICMP_NE, 1, 0)                              \
    ICMP_LOOP(icmp_##T##_lt_u, ST, ICMP_GT, 1, 0)                              \
    ICMP_LOOP(icmp_##T##_le_u, ST, ICMP_GE, 1, 0)                              \
    ICMP_LOOP(icmp_##T##_gt_u, ST, ICMP_LT, 1, 0)                              \
    ICMP_LOOP(icmp_##T##_ge_u, ST, ICMP_LE, 1, 0)                              \
    static const ACUFuncGenericFunction icmp_##T[2][AC_ICMP_N] = {             \
        {icmp_##T##_eq_u, icmp_##T##_ne_u, icmp_##T##_lt_u,                    \
         icmp_##T##_le_u, icmp_##T##_gt_u, icmp_##T##_ge_u},                   \
        {icmp_##T##_eq_s, icmp_##T##_ne_s, icmp_##T##_lt_s,                    \
         icmp_##T##_le_s, icmp_##T##_gt_s, icmp_##T##_ge_s}};

ICMP_TYPE(i8, ac_int8)
ICMP_TYPE(i16, ac_int16)
ICMP_TYPE(i32, ac_int32)
ICMP_TYPE(i64, ac_int64)

AC_EXPORT ACUFuncGenericFunction ac_intcmp_loop(int op, int signed_size, int signed_left)
{
    int side = signed_left ? 1 : 0;
    if (op < 0 || op >= AC_ICMP_N) {
        return NULL;
    }
    switch (signed_size) {
    case 1: return icmp_i8[side][op];
    case 2: return icmp_i16[side][op];
    case 4: return icmp_i32[side][op];
    case 8: return icmp_i64[side][op];
    default: return NULL;
    }
}
