/* ac_random_bitgen.c -- the bit generators of arraycore.random: PCG64 (XSL-RR
 * output), PCG64DXSM (DXSM output, cheap multiplier), Philox4x64-10, SFC64 and
 * MT19937, producing the same raw streams as NumPy's for the same state.
 * 32-bit draws of the 64-bit generators use the two halves of one 64-bit word
 * (low half first, high half kept in `uinteger`), as NumPy does. */
#include "ac_random.h"
#include "ac_random_mtjump.h"
#include "ac_cpu.h"

#define AC_PCG_CHEAP 0xda942042e4dd58b5ULL


/* ---- PCG64 ---- */
static inline uint64_t pcg64_next64(void *s) { return ac_pcg64_step((ac_pcg64_state *)s); }
uint64_t ac_pcg64_next64(void *s) { return ac_pcg64_step((ac_pcg64_state *)s); }

static inline uint64_t pcg64dxsm_next64(void *s)
{
    ac_pcg64_state *st = (ac_pcg64_state *)s;
    uint64_t hi = (uint64_t)(st->state >> 64), lo = (uint64_t)st->state | 1;
    hi ^= hi >> 32;
    hi *= AC_PCG_CHEAP;
    hi ^= hi >> 48;
    hi *= lo;
    st->state = st->state * (ac_u128)AC_PCG_CHEAP + st->inc;
    return hi;
}

#define HALVES(name, next64, type)                                             \
    static uint32_t name##_next32(void *s)                                     \
    {                                                                          \
        type *st = (type *)s;                                                  \
        if (st->has_uint32) { st->has_uint32 = 0; return st->uinteger; }       \
        uint64_t v = next64(s);                                                \
        st->has_uint32 = 1;                                                    \
        st->uinteger = (uint32_t)(v >> 32);                                    \
        return (uint32_t)v;                                                    \
    }                                                                          \
    static double name##_nextd(void *s) { return (double)(next64(s) >> 11) * (1.0 / 9007199254740992.0); } \
    static __attribute__((unused)) uint64_t name##_n64(void *s) { return next64(s); }

HALVES(pcg64, pcg64_next64, ac_pcg64_state)
HALVES(pcg64dxsm, pcg64dxsm_next64, ac_pcg64_state)

/* both variants are seeded with the 128-bit multiplier (as NumPy does) */
void ac_pcg64_seed(ac_pcg64_state *st, ac_u128 seed, ac_u128 inc, int dxsm)
{
    ac_u128 mult = AC_PCG_MULT;
    (void)dxsm;
    st->state = 0;
    st->inc = (inc << 1) | 1;
    st->state = st->state * mult + st->inc;
    st->state += seed;
    st->state = st->state * mult + st->inc;
    st->has_uint32 = 0;
    st->uinteger = 0;
}

/* LCG jump ahead by delta steps (Brown, "Random number generation with
 * arbitrary strides", 1994): square-and-multiply on the affine map. */
void ac_pcg64_advance(ac_pcg64_state *st, ac_u128 delta, int dxsm)
{
    ac_u128 cur_mult = dxsm ? (ac_u128)AC_PCG_CHEAP : AC_PCG_MULT, cur_plus = st->inc;
    ac_u128 acc_mult = 1, acc_plus = 0;
    while (delta > 0) {
        if (delta & 1) {
            acc_mult *= cur_mult;
            acc_plus = acc_plus * cur_mult + cur_plus;
        }
        cur_plus = (cur_mult + 1) * cur_plus;
        cur_mult *= cur_mult;
        delta >>= 1;
    }
    st->state = acc_mult * st->state + acc_plus;
    st->has_uint32 = 0;
    st->uinteger = 0;
}

/* ---- Philox 4x64, 10 rounds ---- */
static inline void philox_block(const uint64_t ctr_in[4], const uint64_t key_in[2], uint64_t out[4])
{
    uint64_t c0 = ctr_in[0], c1 = ctr_in[1], c2 = ctr_in[2], c3 = ctr_in[3];
    uint64_t k0 = key_in[0], k1 = key_in[1];
    for (int r = 0; r < 10; r++) {
        if (r) { k0 += 0x9E3779B97F4A7C15ULL; k1 += 0xBB67AE8584CAA73BULL; }
        ac_u128 p0 = (ac_u128)0xD2E7470EE14C6C93ULL * c0;
        ac_u128 p1 = (ac_u128)0xCA5A826395121157ULL * c2;
        uint64_t hi0 = (uint64_t)(p0 >> 64), lo0 = (uint64_t)p0;
        uint64_t hi1 = (uint64_t)(p1 >> 64), lo1 = (uint64_t)p1;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

static inline uint64_t philox_next64(void *s)
{
    ac_philox_state *st = (ac_philox_state *)s;
    if (st->buffer_pos < 4) return st->buffer[st->buffer_pos++];
    for (int i = 0; i < 4; i++)
        if (++st->ctr[i] != 0) break;
    philox_block(st->ctr, st->key, st->buffer);
    st->buffer_pos = 1;
    return st->buffer[0];
}
HALVES(philox, philox_next64, ac_philox_state)

void ac_philox_advance(ac_philox_state *st, const uint64_t step[4])
{
    unsigned carry = 0;
    for (int i = 0; i < 4; i++) {
        ac_u128 s = (ac_u128)st->ctr[i] + step[i] + carry;
        st->ctr[i] = (uint64_t)s;
        carry = (unsigned)(s >> 64);
    }
    st->buffer_pos = 4;
    for (int i = 0; i < 4; i++) st->buffer[i] = 0;
    st->has_uint32 = 0;
    st->uinteger = 0;
}

/* ---- SFC64 (Chris Doty-Humphrey's small fast chaotic generator) ---- */
static inline uint64_t sfc64_next64(void *s)
{
    ac_sfc64_state *st = (ac_sfc64_state *)s;
    uint64_t a = st->s[0], b = st->s[1], c = st->s[2];
    uint64_t tmp = a + b + st->s[3]++;
    st->s[0] = b ^ (b >> 11);
    st->s[1] = c + (c << 3);
    st->s[2] = ((c << 24) | (c >> 40)) + tmp;
    return tmp;
}
HALVES(sfc64, sfc64_next64, ac_sfc64_state)

void ac_sfc64_seed(ac_sfc64_state *st, const uint64_t seed[3])
{
    st->s[0] = seed[0]; st->s[1] = seed[1]; st->s[2] = seed[2]; st->s[3] = 1;
    for (int i = 0; i < 12; i++) (void)sfc64_next64(st);
    st->has_uint32 = 0;
    st->uinteger = 0;
}

/* ---- MT19937 (Matsumoto & Nishimura) ---- */
#define MT_N 624
#define MT_M 397
static inline uint32_t mt_twist(uint32_t u, uint32_t v, uint32_t w)
{
    uint32_t y = (u & 0x80000000U) | (v & 0x7fffffffU);
    return w ^ (y >> 1) ^ ((0U - (y & 1U)) & 0x9908b0dfU);
}

void ac_mt19937_gen(ac_mt19937_state *st)
{
    uint32_t *k = st->key;
    int i;
    for (i = 0; i < MT_N - MT_M; i++) k[i] = mt_twist(k[i], k[i + 1], k[i + MT_M]);
    for (; i < MT_N - 1; i++) k[i] = mt_twist(k[i], k[i + 1], k[i + MT_M - MT_N]);
    k[MT_N - 1] = mt_twist(k[MT_N - 1], k[0], k[MT_M - 1]);
    st->pos = 0;
}

void ac_mt19937_seed_legacy(ac_mt19937_state *st, uint32_t seed)
{
    st->key[0] = seed;
    for (int i = 1; i < MT_N; i++)
        st->key[i] = 1812433253U * (st->key[i - 1] ^ (st->key[i - 1] >> 30)) + (uint32_t)i;
    st->pos = MT_N;
}

/* MT19937.jumped as NumPy's: the state is read as the sliding window of the
 * last 624 words, oldest at `pos` (0 for pos = 624); one step replaces the
 * oldest word by the next word of the recurrence and moves pos on.  The jump
 * evaluates J(step) on that window, J = x^(2^128) mod the characteristic
 * polynomial (tools/gen_mt19937_jump.py), by Horner's scheme:
 *   t = step(t) [+ the original window] for each coefficient from the top.
 * The window sum adds word by word from each one's own pos. */
static void mt_step1(ac_mt19937_state *st)
{
    int p = st->pos;
    int q = p + 1 == MT_N ? 0 : p + 1, r = p + MT_M >= MT_N ? p + MT_M - MT_N : p + MT_M;
    st->key[p] = mt_twist(st->key[p], st->key[q], st->key[r]);
    st->pos = q;
}

/* The base window is read once into bw, oldest word first; t's window
 * (oldest at t.pos) is then two contiguous runs, XORed with bw's words in
 * order: no modulo in the loop, and the runs vectorize (an AVX2 clone where
 * the CPU has it: 1.3x NumPy's time before, with a modulo per run). */
#define AC_MT_JUMP_BODY                                                        \
    {                                                                         \
        uint32_t bw[MT_N];                                                    \
        ac_mt19937_state t = *st;                                             \
        for (int i = 0; i < MT_N; i++) {                                      \
            int k = st->pos + i;                                              \
            bw[i] = st->key[k >= MT_N ? k - MT_N : k];                        \
        }                                                                     \
        for (int i = AC_MT_JUMP_DEGREE - 1; i >= 0; i--) {                    \
            mt_step1(&t);                                                     \
            if ((ac_mt_jump_poly[i >> 5] >> (i & 31)) & 1U) {                 \
                const int tp = t.pos, head = MT_N - tp;                       \
                uint32_t *d = t.key + tp;                                     \
                for (int j = 0; j < head; j++) d[j] ^= bw[j];                 \
                for (int j = 0; j < tp; j++) t.key[j] ^= bw[head + j];        \
            }                                                                 \
        }                                                                     \
        *st = t;                                                              \
    }

static void mt_jump_base(ac_mt19937_state *st) AC_MT_JUMP_BODY
#if AC_HAVE_DISPATCH
static AC_TARGET_AVX2 void mt_jump_avx2(ac_mt19937_state *st) AC_MT_JUMP_BODY
#endif
#undef AC_MT_JUMP_BODY

void ac_mt19937_jump(ac_mt19937_state *st)
{
    if (st->pos >= MT_N) st->pos = 0;
#if AC_HAVE_DISPATCH
    if (ac_cpu_level() >= AC_CPU_AVX2) {
        mt_jump_avx2(st);
        return;
    }
#endif
    mt_jump_base(st);
}

static uint32_t mt_next32(void *s)
{
    ac_mt19937_state *st = (ac_mt19937_state *)s;
    if (st->pos >= MT_N) ac_mt19937_gen(st);
    uint32_t y = st->key[st->pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}
static uint64_t mt_next64(void *s)
{
    uint64_t hi = mt_next32(s);
    return (hi << 32) | mt_next32(s);
}
static double mt_nextd(void *s)
{
    int32_t a = (int32_t)(mt_next32(s) >> 5), b = (int32_t)(mt_next32(s) >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
}
static uint64_t mt_raw(void *s) { return mt_next32(s); }

void ac_bitgen_init(ac_bitgen_t *bg, int kind, void *state)
{
    bg->state = state;
    switch (kind) {
    case AC_BG_PCG64:
        bg->next_uint64 = ac_pcg64_next64; bg->next_uint32 = pcg64_next32;
        bg->next_double = pcg64_nextd; bg->next_raw = ac_pcg64_next64; break;
    case AC_BG_PCG64DXSM:
        bg->next_uint64 = pcg64dxsm_n64; bg->next_uint32 = pcg64dxsm_next32;
        bg->next_double = pcg64dxsm_nextd; bg->next_raw = pcg64dxsm_n64; break;
    case AC_BG_PHILOX:
        bg->next_uint64 = philox_n64; bg->next_uint32 = philox_next32;
        bg->next_double = philox_nextd; bg->next_raw = philox_n64; break;
    case AC_BG_SFC64:
        bg->next_uint64 = sfc64_n64; bg->next_uint32 = sfc64_next32;
        bg->next_double = sfc64_nextd; bg->next_raw = sfc64_n64; break;
    default:
        bg->next_uint64 = mt_next64; bg->next_uint32 = mt_next32;
        bg->next_double = mt_nextd; bg->next_raw = mt_raw; break;
    }
}
