/*
 * ac_simdsort.c -- unstable vectorized quicksort of unsigned 32- and 64-bit
 * keys, the engine of the value sorts in src/ac_sort.c (which map every
 * real type to order-preserving unsigned keys and restore signed zeros and
 * NaN payloads afterwards, so instability is never observable).
 *
 * Per SIMD level (chosen at run time through ac_cpu.h):
 *  - AVX-512: in-place two-way partitions.  One register of keys is kept
 *    back from each end of the range, which leaves room to write; each step
 *    reads the next register from the side with less room (chosen without a
 *    branch), compresses the keys below the pivot to the left write front
 *    and the others to the right one (masked stores, never
 *    memory-destination compresses, which are slow on some CPUs).  Ranges
 *    of up to 16 registers (128 x 64-bit or 256 x 32-bit keys) are sorted
 *    in registers by generated straight-line code (ac_sortnet.h, from
 *    tools/gen_sortnet.py): column networks and transposes, then bitonic
 *    merges, with every operation on padding registers left out.
 *  - AVX2: the same partition with permutation tables in place of the
 *    compresses; short ranges by insertion sort.
 * Pivots are medians of 16 or 64 samples.  Duplicates: when no key is
 * below the pivot, a second partition by "<= pivot" splits off the block of
 * keys equal to it (which is then done), so runs of equal keys cost one
 * extra pass and never degrade the recursion.  After 2 log2(n) + 4 levels
 * the sort gives up (returns 0) and the caller's radix sort finishes.
 * Long sorts into a new array (AVX-512) sort the two sides of their first,
 * sampled partition as two pieces of the thread pool (src/ac_pool.c); longer
 * ones also run that first pass on two threads (first_part512) and split
 * each side once more, so four parts share the pool (sort_sides512): the
 * sorted keys, and the kept NaNs and zeros, do not depend on which thread
 * did what.
 */
#include "ac_simdsort.h"
#include "ac_cpu.h"
#include "ac_pool.h"
#include <stdlib.h>
#include <string.h>

#define AC_SS_LEAF_REGS 16
#define AC_SS_UNROLL 16          /* registers read per partition step (long ranges) */
#define AC_SS_UNROLL_SHORT 4     /* ... short ranges */
#define AC_SS_UNROLL256 8        /* AVX2: registers read per partition step */

static int ac_ss_depth(ac_intp n)
{
    int depth = 4;
    for (; n > 1; n >>= 1) {
        depth += 2;
    }
    return depth;
}

#if AC_HAVE_DISPATCH
#include <immintrin.h>

#define AC_T512 __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,popcnt")))
#define AC_T256 __attribute__((target("avx2,fma,popcnt")))
#define AC_INL inline __attribute__((always_inline))

/* The partitions of long ranges prefetch the block they will read two
 * steps later on the side they read now: both read fronts move through
 * memory (the right one backwards), and ranges past the L2 cache otherwise
 * wait for each first load of a step (10M float64 on one thread: 98 -> 85
 * ms; 128 to 320 keys ahead measured alike). */
#define AC_SS_PF_BYTES 2048
static AC_INL void ac_ss_prefetch(const void *at, int left, ac_intp bytes)
{
    const char *pf = (const char *)at + (left ? AC_SS_PF_BYTES : -AC_SS_PF_BYTES);
    ac_intp o;
    for (o = 0; o < bytes; o += 64) {
        __builtin_prefetch(pf + o, 0, 3);
    }
}

/* ====================================================== AVX-512 */

/* Min/max and masked compares of the key flavours: unsigned keys (u64,
 * u32) and float values (f64, f32: the FP-domain sort of float arrays,
 * NaNs replaced by infinities beforehand, where the FP min/max of this CPU
 * are cheaper than the integer ones) on the same __m512i registers. */
static AC_INL AC_T512 __m512i ac_fmin64(__m512i a, __m512i b)
{
    return _mm512_castpd_si512(_mm512_min_pd(_mm512_castsi512_pd(a), _mm512_castsi512_pd(b)));
}
static AC_INL AC_T512 __m512i ac_fmax64(__m512i a, __m512i b)
{
    return _mm512_castpd_si512(_mm512_max_pd(_mm512_castsi512_pd(a), _mm512_castsi512_pd(b)));
}
static AC_INL AC_T512 __m512i ac_fmin32(__m512i a, __m512i b)
{
    return _mm512_castps_si512(_mm512_min_ps(_mm512_castsi512_ps(a), _mm512_castsi512_ps(b)));
}
static AC_INL AC_T512 __m512i ac_fmax32(__m512i a, __m512i b)
{
    return _mm512_castps_si512(_mm512_max_ps(_mm512_castsi512_ps(a), _mm512_castsi512_ps(b)));
}
#define ac_min512_u64 _mm512_min_epu64
#define ac_max512_u64 _mm512_max_epu64
#define ac_min512_u32 _mm512_min_epu32
#define ac_max512_u32 _mm512_max_epu32
#define ac_min512_f64 ac_fmin64
#define ac_max512_f64 ac_fmax64
#define ac_min512_f32 ac_fmin32
#define ac_max512_f32 ac_fmax32
#define AC_CMPLT_u64(m, a, b) _mm512_mask_cmplt_epu64_mask(m, a, b)
#define AC_CMPLE_u64(m, a, b) _mm512_mask_cmple_epu64_mask(m, a, b)
#define AC_CMPLT_u32(m, a, b) _mm512_mask_cmplt_epu32_mask(m, a, b)
#define AC_CMPLE_u32(m, a, b) _mm512_mask_cmple_epu32_mask(m, a, b)
#define AC_CMPLT_f64(m, a, b) _mm512_mask_cmp_pd_mask(m, _mm512_castsi512_pd(a), \
                                                      _mm512_castsi512_pd(b), _CMP_LT_OQ)
#define AC_CMPLE_f64(m, a, b) _mm512_mask_cmp_pd_mask(m, _mm512_castsi512_pd(a), \
                                                      _mm512_castsi512_pd(b), _CMP_LE_OQ)
#define AC_CMPLT_f32(m, a, b) _mm512_mask_cmp_ps_mask(m, _mm512_castsi512_ps(a), \
                                                      _mm512_castsi512_ps(b), _CMP_LT_OQ)
#define AC_CMPLE_f32(m, a, b) _mm512_mask_cmp_ps_mask(m, _mm512_castsi512_ps(a), \
                                                      _mm512_castsi512_ps(b), _CMP_LE_OQ)

/* one layer of compare-exchanges (cx): lane i meets lane perm[i]; lanes in
 * `hi` keep the larger key.  The networks were checked by the 0-1
 * principle.  Per flavour S with its MIN and MAX: net sorts one register
 * (8 keys: a 19-comparator, 6-layer network; 16 keys: Batcher's odd-even
 * merge sort, 63 comparators in 10 layers), bitonic sorts a bitonic one
 * (half-cleaners at distances NL/2 .. 1). */
#define AC_DEFINE_NETS64(S, MIN, MAX)                                         \
static AC_INL AC_T512 __m512i cx_##S(__m512i v, __m512i perm, __mmask8 hi)    \
{                                                                             \
    __m512i w = _mm512_permutexvar_epi64(perm, v);                            \
    return _mm512_mask_blend_epi64(hi, MIN(v, w), MAX(v, w));                 \
}                                                                             \
static AC_INL AC_T512 __m512i net_##S(__m512i v)                              \
{                                                                             \
    v = cx_##S(v, _mm512_set_epi64(5, 4, 7, 6, 1, 0, 3, 2), 0xCC);            \
    v = cx_##S(v, _mm512_set_epi64(3, 2, 1, 0, 7, 6, 5, 4), 0xF0);            \
    v = cx_##S(v, _mm512_set_epi64(6, 7, 4, 5, 2, 3, 0, 1), 0xAA);            \
    v = cx_##S(v, _mm512_set_epi64(7, 6, 3, 2, 5, 4, 1, 0), 0x30);            \
    v = cx_##S(v, _mm512_set_epi64(7, 3, 5, 1, 6, 2, 4, 0), 0x50);            \
    v = cx_##S(v, _mm512_set_epi64(7, 5, 6, 3, 4, 1, 2, 0), 0x54);            \
    return v;                                                                 \
}                                                                             \
static AC_INL AC_T512 __m512i bitonic_##S(__m512i v)                          \
{                                                                             \
    v = cx_##S(v, _mm512_set_epi64(3, 2, 1, 0, 7, 6, 5, 4), 0xF0);            \
    v = cx_##S(v, _mm512_set_epi64(5, 4, 7, 6, 1, 0, 3, 2), 0xCC);            \
    v = cx_##S(v, _mm512_set_epi64(6, 7, 4, 5, 2, 3, 0, 1), 0xAA);            \
    return v;                                                                 \
}                                                                             \

#define AC_DEFINE_NETS32(S, MIN, MAX)                                         \
static AC_INL AC_T512 __m512i cx_##S(__m512i v, __m512i perm, __mmask16 hi)   \
{                                                                             \
    __m512i w = _mm512_permutexvar_epi32(perm, v);                            \
    return _mm512_mask_blend_epi32(hi, MIN(v, w), MAX(v, w));                 \
}                                                                             \
static AC_INL AC_T512 __m512i net_##S(__m512i v)                              \
{                                                                             \
    v = cx_##S(v, _mm512_set_epi32(14, 15, 12, 13, 10, 11, 8, 9, 6, 7, 4, 5, 2, 3, 0, 1), 0xAAAA); \
    v = cx_##S(v, _mm512_set_epi32(13, 12, 15, 14, 9, 8, 11, 10, 5, 4, 7, 6, 1, 0, 3, 2), 0xCCCC); \
    v = cx_##S(v, _mm512_set_epi32(15, 13, 14, 12, 11, 9, 10, 8, 7, 5, 6, 4, 3, 1, 2, 0), 0x4444); \
    v = cx_##S(v, _mm512_set_epi32(11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4), 0xF0F0); \
    v = cx_##S(v, _mm512_set_epi32(15, 14, 11, 10, 13, 12, 9, 8, 7, 6, 3, 2, 5, 4, 1, 0), 0x3030); \
    v = cx_##S(v, _mm512_set_epi32(15, 13, 14, 11, 12, 9, 10, 8, 7, 5, 6, 3, 4, 1, 2, 0), 0x5454); \
    v = cx_##S(v, _mm512_set_epi32(7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8), 0xFF00); \
    v = cx_##S(v, _mm512_set_epi32(15, 14, 13, 12, 7, 6, 5, 4, 11, 10, 9, 8, 3, 2, 1, 0), 0x0F00); \
    v = cx_##S(v, _mm512_set_epi32(15, 14, 11, 10, 13, 12, 7, 6, 9, 8, 3, 2, 5, 4, 1, 0), 0x3330); \
    v = cx_##S(v, _mm512_set_epi32(15, 13, 14, 11, 12, 9, 10, 7, 8, 5, 6, 3, 4, 1, 2, 0), 0x5554); \
    return v;                                                                 \
}                                                                             \
static AC_INL AC_T512 __m512i bitonic_##S(__m512i v)                          \
{                                                                             \
    v = cx_##S(v, _mm512_set_epi32(7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8), 0xFF00); \
    v = cx_##S(v, _mm512_set_epi32(11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4), 0xF0F0); \
    v = cx_##S(v, _mm512_set_epi32(13, 12, 15, 14, 9, 8, 11, 10, 5, 4, 7, 6, 1, 0, 3, 2), 0xCCCC); \
    v = cx_##S(v, _mm512_set_epi32(14, 15, 12, 13, 10, 11, 8, 9, 6, 7, 4, 5, 2, 3, 0, 1), 0xAAAA); \
    return v;                                                                 \
}                                                                             \

AC_DEFINE_NETS64(u64, ac_min512_u64, ac_max512_u64)
AC_DEFINE_NETS64(f64, ac_min512_f64, ac_max512_f64)
AC_DEFINE_NETS32(u32, ac_min512_u32, ac_max512_u32)
AC_DEFINE_NETS32(f32, ac_min512_f32, ac_max512_f32)

static AC_INL AC_T512 __m512i rev_u64(__m512i v)
{
    return _mm512_permutexvar_epi64(_mm512_set_epi64(0, 1, 2, 3, 4, 5, 6, 7), v);
}
static AC_INL AC_T512 __m512i rev_u32(__m512i v)
{
    return _mm512_permutexvar_epi32(
        _mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), v);
}

/* The lane order that puts the lanes of mask m first and the others after
 * them (each in lane order), one byte per lane: entry m of 256.  Made by
 * listing the set bits of m, then the clear ones. */
static const uint64_t ac_ss_perm8[256] = {
    0x0706050403020100ull, 0x0706050403020100ull, 0x0706050403020001ull, 0x0706050403020100ull,
    0x0706050403010002ull, 0x0706050403010200ull, 0x0706050403000201ull, 0x0706050403020100ull,
    0x0706050402010003ull, 0x0706050402010300ull, 0x0706050402000301ull, 0x0706050402030100ull,
    0x0706050401000302ull, 0x0706050401030200ull, 0x0706050400030201ull, 0x0706050403020100ull,
    0x0706050302010004ull, 0x0706050302010400ull, 0x0706050302000401ull, 0x0706050302040100ull,
    0x0706050301000402ull, 0x0706050301040200ull, 0x0706050300040201ull, 0x0706050304020100ull,
    0x0706050201000403ull, 0x0706050201040300ull, 0x0706050200040301ull, 0x0706050204030100ull,
    0x0706050100040302ull, 0x0706050104030200ull, 0x0706050004030201ull, 0x0706050403020100ull,
    0x0706040302010005ull, 0x0706040302010500ull, 0x0706040302000501ull, 0x0706040302050100ull,
    0x0706040301000502ull, 0x0706040301050200ull, 0x0706040300050201ull, 0x0706040305020100ull,
    0x0706040201000503ull, 0x0706040201050300ull, 0x0706040200050301ull, 0x0706040205030100ull,
    0x0706040100050302ull, 0x0706040105030200ull, 0x0706040005030201ull, 0x0706040503020100ull,
    0x0706030201000504ull, 0x0706030201050400ull, 0x0706030200050401ull, 0x0706030205040100ull,
    0x0706030100050402ull, 0x0706030105040200ull, 0x0706030005040201ull, 0x0706030504020100ull,
    0x0706020100050403ull, 0x0706020105040300ull, 0x0706020005040301ull, 0x0706020504030100ull,
    0x0706010005040302ull, 0x0706010504030200ull, 0x0706000504030201ull, 0x0706050403020100ull,
    0x0705040302010006ull, 0x0705040302010600ull, 0x0705040302000601ull, 0x0705040302060100ull,
    0x0705040301000602ull, 0x0705040301060200ull, 0x0705040300060201ull, 0x0705040306020100ull,
    0x0705040201000603ull, 0x0705040201060300ull, 0x0705040200060301ull, 0x0705040206030100ull,
    0x0705040100060302ull, 0x0705040106030200ull, 0x0705040006030201ull, 0x0705040603020100ull,
    0x0705030201000604ull, 0x0705030201060400ull, 0x0705030200060401ull, 0x0705030206040100ull,
    0x0705030100060402ull, 0x0705030106040200ull, 0x0705030006040201ull, 0x0705030604020100ull,
    0x0705020100060403ull, 0x0705020106040300ull, 0x0705020006040301ull, 0x0705020604030100ull,
    0x0705010006040302ull, 0x0705010604030200ull, 0x0705000604030201ull, 0x0705060403020100ull,
    0x0704030201000605ull, 0x0704030201060500ull, 0x0704030200060501ull, 0x0704030206050100ull,
    0x0704030100060502ull, 0x0704030106050200ull, 0x0704030006050201ull, 0x0704030605020100ull,
    0x0704020100060503ull, 0x0704020106050300ull, 0x0704020006050301ull, 0x0704020605030100ull,
    0x0704010006050302ull, 0x0704010605030200ull, 0x0704000605030201ull, 0x0704060503020100ull,
    0x0703020100060504ull, 0x0703020106050400ull, 0x0703020006050401ull, 0x0703020605040100ull,
    0x0703010006050402ull, 0x0703010605040200ull, 0x0703000605040201ull, 0x0703060504020100ull,
    0x0702010006050403ull, 0x0702010605040300ull, 0x0702000605040301ull, 0x0702060504030100ull,
    0x0701000605040302ull, 0x0701060504030200ull, 0x0700060504030201ull, 0x0706050403020100ull,
    0x0605040302010007ull, 0x0605040302010700ull, 0x0605040302000701ull, 0x0605040302070100ull,
    0x0605040301000702ull, 0x0605040301070200ull, 0x0605040300070201ull, 0x0605040307020100ull,
    0x0605040201000703ull, 0x0605040201070300ull, 0x0605040200070301ull, 0x0605040207030100ull,
    0x0605040100070302ull, 0x0605040107030200ull, 0x0605040007030201ull, 0x0605040703020100ull,
    0x0605030201000704ull, 0x0605030201070400ull, 0x0605030200070401ull, 0x0605030207040100ull,
    0x0605030100070402ull, 0x0605030107040200ull, 0x0605030007040201ull, 0x0605030704020100ull,
    0x0605020100070403ull, 0x0605020107040300ull, 0x0605020007040301ull, 0x0605020704030100ull,
    0x0605010007040302ull, 0x0605010704030200ull, 0x0605000704030201ull, 0x0605070403020100ull,
    0x0604030201000705ull, 0x0604030201070500ull, 0x0604030200070501ull, 0x0604030207050100ull,
    0x0604030100070502ull, 0x0604030107050200ull, 0x0604030007050201ull, 0x0604030705020100ull,
    0x0604020100070503ull, 0x0604020107050300ull, 0x0604020007050301ull, 0x0604020705030100ull,
    0x0604010007050302ull, 0x0604010705030200ull, 0x0604000705030201ull, 0x0604070503020100ull,
    0x0603020100070504ull, 0x0603020107050400ull, 0x0603020007050401ull, 0x0603020705040100ull,
    0x0603010007050402ull, 0x0603010705040200ull, 0x0603000705040201ull, 0x0603070504020100ull,
    0x0602010007050403ull, 0x0602010705040300ull, 0x0602000705040301ull, 0x0602070504030100ull,
    0x0601000705040302ull, 0x0601070504030200ull, 0x0600070504030201ull, 0x0607050403020100ull,
    0x0504030201000706ull, 0x0504030201070600ull, 0x0504030200070601ull, 0x0504030207060100ull,
    0x0504030100070602ull, 0x0504030107060200ull, 0x0504030007060201ull, 0x0504030706020100ull,
    0x0504020100070603ull, 0x0504020107060300ull, 0x0504020007060301ull, 0x0504020706030100ull,
    0x0504010007060302ull, 0x0504010706030200ull, 0x0504000706030201ull, 0x0504070603020100ull,
    0x0503020100070604ull, 0x0503020107060400ull, 0x0503020007060401ull, 0x0503020706040100ull,
    0x0503010007060402ull, 0x0503010706040200ull, 0x0503000706040201ull, 0x0503070604020100ull,
    0x0502010007060403ull, 0x0502010706040300ull, 0x0502000706040301ull, 0x0502070604030100ull,
    0x0501000706040302ull, 0x0501070604030200ull, 0x0500070604030201ull, 0x0507060403020100ull,
    0x0403020100070605ull, 0x0403020107060500ull, 0x0403020007060501ull, 0x0403020706050100ull,
    0x0403010007060502ull, 0x0403010706050200ull, 0x0403000706050201ull, 0x0403070605020100ull,
    0x0402010007060503ull, 0x0402010706050300ull, 0x0402000706050301ull, 0x0402070605030100ull,
    0x0401000706050302ull, 0x0401070605030200ull, 0x0400070605030201ull, 0x0407060503020100ull,
    0x0302010007060504ull, 0x0302010706050400ull, 0x0302000706050401ull, 0x0302070605040100ull,
    0x0301000706050402ull, 0x0301070605040200ull, 0x0300070605040201ull, 0x0307060504020100ull,
    0x0201000706050403ull, 0x0201070605040300ull, 0x0200070605040301ull, 0x0207060504030100ull,
    0x0100070605040302ull, 0x0107060504030200ull, 0x0007060504030201ull, 0x0706050403020100ull,
};


/* stepfull512: a full register of 64-bit keys in the middle of a
 * partition, where both write fronts have a register of room: one
 * permutation puts the keys going left first and the others last, and two
 * plain stores write it at both fronts (the extra lanes land in free room
 * and are overwritten later); cheaper than two compresses and two masked
 * stores.  bitonic2: two bitonic registers sorted at once, each layer of
 * half-cleaners gathering the pairs of both into two registers (one min,
 * one max). */
#define AC_DEFINE_STEP64(S, MIN, MAX, CMPLT, CMPLE)                           \
static AC_INL AC_T512 void stepfull512_##S(uint64_t *k, __m512i v, __m512i pv, const int LE, \
                                          ac_intp *wl, ac_intp *wr)           \
{                                                                             \
    const __mmask8 lt = LE ? CMPLE((__mmask8)0xFF, v, pv) : CMPLT((__mmask8)0xFF, v, pv); \
    const int nl = _mm_popcnt_u32((unsigned)lt);                              \
    const __m512i idx = _mm512_cvtepu8_epi64(_mm_cvtsi64_si128((long long)ac_ss_perm8[lt])); \
    const __m512i w = _mm512_permutexvar_epi64(idx, v);                       \
    _mm512_storeu_si512((void *)(k + *wl), w);                                \
    _mm512_storeu_si512((void *)(k + *wr - 8), w);                            \
    *wl += nl;                                                                \
    *wr -= 8 - nl;                                                            \
}                                                                             \
static AC_INL AC_T512 void bitonic2_##S(__m512i *a, __m512i *b)               \
{                                                                             \
    __m512i x = _mm512_permutex2var_epi64(*a, _mm512_set_epi64(11, 10, 9, 8, 3, 2, 1, 0), *b); \
    __m512i y = _mm512_permutex2var_epi64(*a, _mm512_set_epi64(15, 14, 13, 12, 7, 6, 5, 4), *b); \
    __m512i lo = MIN(x, y), hi = MAX(x, y);                                   \
    x = _mm512_permutex2var_epi64(lo, _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0), hi); \
    y = _mm512_permutex2var_epi64(lo, _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2), hi); \
    lo = MIN(x, y);                                                           \
    hi = MAX(x, y);                                                           \
    x = _mm512_unpacklo_epi64(lo, hi);                                        \
    y = _mm512_unpackhi_epi64(lo, hi);                                        \
    lo = MIN(x, y);                                                           \
    hi = MAX(x, y);                                                           \
    *a = _mm512_permutex2var_epi64(lo, _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0), hi); \
    *b = _mm512_permutex2var_epi64(lo, _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4), hi); \
}                                                                             \

AC_DEFINE_STEP64(u64, ac_min512_u64, ac_max512_u64, AC_CMPLT_u64, AC_CMPLE_u64)
AC_DEFINE_STEP64(f64, ac_min512_f64, ac_max512_f64, AC_CMPLT_f64, AC_CMPLE_f64)
#define rev_f64 rev_u64
#define rev_f32 rev_u32

/* Per key width W (NL lanes a register, mask type MT):
 *  - leaf: up to 16 registers of keys sorted in registers by the generated
 *    straight-line networks of ac_sortnet.h (tools/gen_sortnet.py: exactly
 *    ceil(n / NL) registers, the operations on padding left out);
 *  - part: the in-place two-way partition (see the file comment);
 *  - qsort: the recursion. */
#define AC_SORTNET_512
#include "ac_sortnet.h"
#undef AC_SORTNET_512
#define AC_SS_STEPFULL_u64(k, v, pv, full, LE, wl, wr) stepfull512_u64(k, v, pv, LE, wl, wr)
#define AC_SS_STEPFULL_u32(k, v, pv, full, LE, wl, wr) step512_u32(k, v, pv, full, LE, wl, wr)
#define AC_SS_STEPFULL_f64(k, v, pv, full, LE, wl, wr) stepfull512_f64(k, v, pv, LE, wl, wr)
#define AC_SS_STEPFULL_f32(k, v, pv, full, LE, wl, wr) step512_f32(k, v, pv, full, LE, wl, wr)
#define AC_DEFINE_512(S, W, KT, MT, NL)                                       \
static AC_INL AC_T512 MT lowmask_##S(int c)                                  \
{                                                                             \
    return (MT)(((uint32_t)1 << c) - 1);                                      \
}                                                                             \
static AC_INL AC_T512 void leaf_##S(KT *k, ac_intp n)                       \
{                                                                             \
    snet512_##S(k, n);                                                       \
}                                                                             \
/* the median of 16 or 64 keys spread over the range */                      \
static AC_T512 KT pivot512_##S(const KT *k, ac_intp n)                       \
{                                                                             \
    KT s[64];                                                                 \
    const int ns = n >= 8192 ? 64 : 16;                                       \
    const ac_intp step = n / ns;                                              \
    int i;                                                                    \
    for (i = 0; i < ns; i++) {                                                \
        s[i] = k[i * step + step / 2];                                        \
    }                                                                         \
    leaf_##S(s, ns);                                                         \
    return s[ns / 2];                                                         \
}                                                                             \
/* keys of one register go left (below the pivot, or not above it when LE) \
 * or right; `valid` marks the lanes that hold keys */                       \
static AC_INL AC_T512 void step512_##S(KT *k, __m512i v, __m512i pv, MT valid, \
                                        const int LE, ac_intp *wl, ac_intp *wr) \
{                                                                             \
    const MT lt = LE ? AC_CMPLE_##S(valid, v, pv)                            \
                     : AC_CMPLT_##S(valid, v, pv);                            \
    const MT ge = (MT)(valid & (MT)~lt);                                      \
    const int nl = _mm_popcnt_u32((unsigned)lt);                              \
    const int ng = _mm_popcnt_u32((unsigned)ge);                              \
    _mm512_mask_storeu_epi##W(k + *wl, lowmask_##S(nl),                      \
                              _mm512_maskz_compress_epi##W(lt, v));           \
    _mm512_mask_storeu_epi##W(k + *wr - ng, lowmask_##S(ng),                 \
                              _mm512_maskz_compress_epi##W(ge, v));           \
    *wl += nl;                                                                \
    *wr -= ng;                                                                \
}                                                                             \
/* reorder k[0, n), n >= 2 (UN + 1) NL, so the keys below p (not above it \
 * when LE) come first; returns their count.  UN + 1 registers are kept    \
 * back from each end and UN are read a step from the side with less room: \
 * the load addresses of a step do not wait for the compresses of the one  \
 * before, and the side read always keeps a register of room (its room     \
 * never shrinks, the other's stays above half the total minus a step), so \
 * no masked store's 64 bytes overlap a later load (which would stall). */  \
static AC_INL AC_T512 ac_intp part512r_##S(KT *k, ac_intp n, KT p, const int LE, \
                                            const int UN)                      \
{                                                                             \
    const ac_intp B = (ac_intp)UN * NL, KB = B + NL;                          \
    const __m512i pv = _mm512_set1_epi##W((KT)p);                             \
    const MT full = (MT)~(MT)0;                                               \
    __m512i lv[AC_SS_UNROLL + 1], rv[AC_SS_UNROLL + 1];                       \
    ac_intp wl = 0, wr = n, rl = KB, rr = n - KB;                             \
    ac_intp rem = (rr - rl) % B;                                              \
    int j;                                                                    \
    _Pragma("GCC unroll 17")                                                  \
    for (j = 0; j <= UN; j++) {                                               \
        lv[j] = _mm512_loadu_si512((const void *)(k + j * NL));               \
        rv[j] = _mm512_loadu_si512((const void *)(k + n - KB + j * NL));      \
    }                                                                         \
    /* the remainder first, from the left (its keys land in the kept-back   \
     * ends, never on unread ones) */                                         \
    while (rem > 0) {                                                         \
        const int c = rem >= NL ? NL : (int)rem;                              \
        const MT m = c == NL ? full : lowmask_##S(c);                        \
        const __m512i v = _mm512_maskz_loadu_epi##W(m, k + rl);               \
        rl += c;                                                              \
        rem -= c;                                                             \
        step512_##S(k, v, pv, m, LE, &wl, &wr);                              \
    }                                                                         \
    while (rl < rr) {                                                         \
        /* read from the side with less room left */                         \
        const int left = (rl - wl) <= (wr - rr);                              \
        const ac_intp at = left ? rl : rr - B;                                \
        __m512i v[AC_SS_UNROLL];                                              \
        _Pragma("GCC unroll 16")                                              \
        for (j = 0; j < UN; j++) {                                            \
            v[j] = _mm512_loadu_si512((const void *)(k + at + j * NL));       \
        }                                                                     \
        rl += left ? B : 0;                                                   \
        rr -= left ? 0 : B;                                                   \
        if (UN == AC_SS_UNROLL) {                                             \
            ac_ss_prefetch(k + at, left, B * (ac_intp)sizeof(KT));            \
        }                                                                     \
        _Pragma("GCC unroll 16")                                              \
        for (j = 0; j < UN; j++) {                                            \
            AC_SS_STEPFULL_##S(k, v[j], pv, full, LE, &wl, &wr);             \
        }                                                                     \
    }                                                                         \
    _Pragma("GCC unroll 17")                                                  \
    for (j = 0; j <= UN; j++) {                                               \
        step512_##S(k, lv[j], pv, full, LE, &wl, &wr);                       \
        step512_##S(k, rv[j], pv, full, LE, &wl, &wr);                       \
    }                                                                         \
    return wl;                                                                \
}                                                                             \
static AC_T512 ac_intp part512_lt_##S(KT *k, ac_intp n, KT p)                \
{                                                                             \
    if (n >= 2 * (AC_SS_UNROLL + 1) * NL) {                                   \
        return part512r_##S(k, n, p, 0, AC_SS_UNROLL);                       \
    }                                                                         \
    return part512r_##S(k, n, p, 0, AC_SS_UNROLL_SHORT);                     \
}                                                                             \
static AC_T512 ac_intp part512_le_##S(KT *k, ac_intp n, KT p)                \
{                                                                             \
    if (n >= 2 * (AC_SS_UNROLL + 1) * NL) {                                   \
        return part512r_##S(k, n, p, 1, AC_SS_UNROLL);                       \
    }                                                                         \
    return part512r_##S(k, n, p, 1, AC_SS_UNROLL_SHORT);                     \
}                                                                             \
static AC_T512 int qsort512_##S(KT *k, ac_intp n, int depth)                 \
{                                                                             \
    while (n > AC_SS_LEAF_REGS * NL) {                                        \
        KT p;                                                                 \
        ac_intp l;                                                            \
        if (depth-- <= 0) {                                                   \
            return 0;                                                         \
        }                                                                     \
        p = pivot512_##S(k, n);                                              \
        l = part512_lt_##S(k, n, p);                                         \
        if (l == 0) {                                                         \
            /* p is the least key: split off the keys equal to it */         \
            l = part512_le_##S(k, n, p);                                     \
            k += l;                                                           \
            n -= l;                                                           \
            continue;                                                         \
        }                                                                     \
        if (l < n - l) {                                                      \
            if (!qsort512_##S(k, l, depth)) { return 0; }                    \
            k += l;                                                           \
            n -= l;                                                           \
        }                                                                     \
        else {                                                                \
            if (!qsort512_##S(k + l, n - l, depth)) { return 0; }            \
            n = l;                                                            \
        }                                                                     \
    }                                                                         \
    if (n > 1) {                                                              \
        leaf_##S(k, n);                                                      \
    }                                                                         \
    return 1;                                                                 \
}

AC_DEFINE_512(u64, 64, uint64_t, __mmask8, 8)
AC_DEFINE_512(u32, 32, uint32_t, __mmask16, 16)
AC_DEFINE_512(f64, 64, uint64_t, __mmask8, 8)
AC_DEFINE_512(f32, 32, uint32_t, __mmask16, 16)

/* ====================================================== AVX-512 key-index sort
 * The same quicksort on 64-bit keys that carry a 64-bit index each: every
 * permutation, compress and store of a key register is done to its index
 * register too; compare-exchanges choose with a mask and move both (a lane
 * takes its partner only when the partner's key is strictly on its side,
 * so equal keys never move).  Unstable; the caller restores the input order
 * among equal keys. */
static AC_INL AC_T512 void cxp_u64(__m512i *v, __m512i *x, __m512i perm, __mmask8 hi)
{
    const __m512i w = _mm512_permutexvar_epi64(perm, *v);
    const __m512i wx = _mm512_permutexvar_epi64(perm, *x);
    const __mmask8 t = (__mmask8)((_mm512_cmpgt_epu64_mask(w, *v) & hi)
                                  | (_mm512_cmplt_epu64_mask(w, *v) & (__mmask8)~hi));
    *v = _mm512_mask_mov_epi64(*v, t, w);
    *x = _mm512_mask_mov_epi64(*x, t, wx);
}
static AC_INL AC_T512 void netp_u64(__m512i *v, __m512i *x)
{
    cxp_u64(v, x, _mm512_set_epi64(5, 4, 7, 6, 1, 0, 3, 2), 0xCC);
    cxp_u64(v, x, _mm512_set_epi64(3, 2, 1, 0, 7, 6, 5, 4), 0xF0);
    cxp_u64(v, x, _mm512_set_epi64(6, 7, 4, 5, 2, 3, 0, 1), 0xAA);
    cxp_u64(v, x, _mm512_set_epi64(7, 6, 3, 2, 5, 4, 1, 0), 0x30);
    cxp_u64(v, x, _mm512_set_epi64(7, 3, 5, 1, 6, 2, 4, 0), 0x50);
    cxp_u64(v, x, _mm512_set_epi64(7, 5, 6, 3, 4, 1, 2, 0), 0x54);
}
static AC_INL AC_T512 void bitonicp_u64(__m512i *v, __m512i *x)
{
    cxp_u64(v, x, _mm512_set_epi64(3, 2, 1, 0, 7, 6, 5, 4), 0xF0);
    cxp_u64(v, x, _mm512_set_epi64(5, 4, 7, 6, 1, 0, 3, 2), 0xCC);
    cxp_u64(v, x, _mm512_set_epi64(6, 7, 4, 5, 2, 3, 0, 1), 0xAA);
}
#define AC_PAIR_LEAF_REGS 8
/* up to 8 registers of pairs: the generated networks of ac_sortnet.h */
#define AC_SORTNET_PAIR
#include "ac_sortnet.h"
#undef AC_SORTNET_PAIR
static AC_INL AC_T512 void leafp_u64(uint64_t *k, int64_t *ix, ac_intp n)
{
    snetp512_u64(k, ix, n);
}
static AC_INL AC_T512 void stepp_u64(uint64_t *k, int64_t *ix, __m512i v, __m512i x, __m512i pv,
                                     __mmask8 valid, const int LE, const int full,
                                     ac_intp *wl, ac_intp *wr)
{
    const __mmask8 lt = LE ? _mm512_mask_cmple_epu64_mask(valid, v, pv)
                           : _mm512_mask_cmplt_epu64_mask(valid, v, pv);
    const int nl = _mm_popcnt_u32((unsigned)lt);
    if (full) {
        const __m512i idx = _mm512_cvtepu8_epi64(_mm_cvtsi64_si128((long long)ac_ss_perm8[lt]));
        const __m512i w = _mm512_permutexvar_epi64(idx, v);
        const __m512i wx = _mm512_permutexvar_epi64(idx, x);
        _mm512_storeu_si512((void *)(k + *wl), w);
        _mm512_storeu_si512((void *)(k + *wr - 8), w);
        _mm512_storeu_si512((void *)(ix + *wl), wx);
        _mm512_storeu_si512((void *)(ix + *wr - 8), wx);
        *wl += nl;
        *wr -= 8 - nl;
    }
    else {
        const __mmask8 ge = (__mmask8)(valid & (__mmask8)~lt);
        const int ng = _mm_popcnt_u32((unsigned)ge);
        const __mmask8 ml = (__mmask8)((1u << nl) - 1), mg = (__mmask8)((1u << ng) - 1);
        _mm512_mask_storeu_epi64(k + *wl, ml, _mm512_maskz_compress_epi64(lt, v));
        _mm512_mask_storeu_epi64(ix + *wl, ml, _mm512_maskz_compress_epi64(lt, x));
        _mm512_mask_storeu_epi64(k + *wr - ng, mg, _mm512_maskz_compress_epi64(ge, v));
        _mm512_mask_storeu_epi64(ix + *wr - ng, mg, _mm512_maskz_compress_epi64(ge, x));
        *wl += nl;
        *wr -= ng;
    }
}
#define AC_PAIR_UNROLL 8
static AC_INL AC_T512 ac_intp partpr_u64(uint64_t *k, int64_t *ix, ac_intp n, uint64_t p,
                                         const int LE, const int UN)
{
    const ac_intp B = (ac_intp)UN * 8, KB = B + 8;
    const __m512i pv = _mm512_set1_epi64((long long)p);
    __m512i lv[AC_PAIR_UNROLL + 1], rv[AC_PAIR_UNROLL + 1];
    __m512i lx[AC_PAIR_UNROLL + 1], rx[AC_PAIR_UNROLL + 1];
    ac_intp wl = 0, wr = n, rl = KB, rr = n - KB;
    ac_intp rem = (rr - rl) % B;
    int j;
    for (j = 0; j <= UN; j++) {
        lv[j] = _mm512_loadu_si512((const void *)(k + j * 8));
        lx[j] = _mm512_loadu_si512((const void *)(ix + j * 8));
        rv[j] = _mm512_loadu_si512((const void *)(k + n - KB + j * 8));
        rx[j] = _mm512_loadu_si512((const void *)(ix + n - KB + j * 8));
    }
    while (rem > 0) {
        const int c = rem >= 8 ? 8 : (int)rem;
        const __mmask8 m = (__mmask8)((1u << c) - 1);
        const __m512i v = _mm512_maskz_loadu_epi64(m, k + rl);
        const __m512i x = _mm512_maskz_loadu_epi64(m, ix + rl);
        rl += c;
        rem -= c;
        stepp_u64(k, ix, v, x, pv, m, LE, 0, &wl, &wr);
    }
    while (rl < rr) {
        const int left = (rl - wl) <= (wr - rr);
        const ac_intp at = left ? rl : rr - B;
        __m512i v[AC_PAIR_UNROLL], x[AC_PAIR_UNROLL];
        _Pragma("GCC unroll 8")
        for (j = 0; j < UN; j++) {
            v[j] = _mm512_loadu_si512((const void *)(k + at + j * 8));
            x[j] = _mm512_loadu_si512((const void *)(ix + at + j * 8));
        }
        rl += left ? B : 0;
        rr -= left ? 0 : B;
        if (UN == AC_PAIR_UNROLL) {
            ac_ss_prefetch(k + at, left, B * 8);
            ac_ss_prefetch(ix + at, left, B * 8);
        }
        _Pragma("GCC unroll 8")
        for (j = 0; j < UN; j++) {
            stepp_u64(k, ix, v[j], x[j], pv, 0xFF, LE, 1, &wl, &wr);
        }
    }
    for (j = 0; j <= UN; j++) {
        stepp_u64(k, ix, lv[j], lx[j], pv, 0xFF, LE, 0, &wl, &wr);
        stepp_u64(k, ix, rv[j], rx[j], pv, 0xFF, LE, 0, &wl, &wr);
    }
    return wl;
}
static AC_T512 ac_intp partp_u64(uint64_t *k, int64_t *ix, ac_intp n, uint64_t p, int le)
{
    const int big = n >= 2 * (AC_PAIR_UNROLL + 1) * 8;
    if (le) {
        return big ? partpr_u64(k, ix, n, p, 1, AC_PAIR_UNROLL) : partpr_u64(k, ix, n, p, 1, 3);
    }
    return big ? partpr_u64(k, ix, n, p, 0, AC_PAIR_UNROLL) : partpr_u64(k, ix, n, p, 0, 3);
}
static AC_T512 int qsortp512_u64(uint64_t *k, int64_t *ix, ac_intp n, int depth)
{
    while (n > AC_PAIR_LEAF_REGS * 8) {
        uint64_t p;
        ac_intp l;
        if (depth-- <= 0) {
            return 0;
        }
        p = pivot512_u64(k, n);
        l = partp_u64(k, ix, n, p, 0);
        if (l == 0) {
            l = partp_u64(k, ix, n, p, 1);
            k += l;
            ix += l;
            n -= l;
            continue;
        }
        if (l < n - l) {
            if (!qsortp512_u64(k, ix, l, depth)) { return 0; }
            k += l;
            ix += l;
            n -= l;
        }
        else {
            if (!qsortp512_u64(k + l, ix + l, n - l, depth)) { return 0; }
            n = l;
        }
    }
    if (n > 1) {
        leafp_u64(k, ix, n);
    }
    return 1;
}

/* the two sides of a first partition, sorted as two pool pieces */
#define AC_SS_PAR_MIN ((ac_intp)1 << 17)   /* keys; and each side >= 1/16 of it */
#define AC_SS_PAR4_MIN ((ac_intp)1 << 20)  /* ... each side split again first */
#define AC_SS_PAR1_MIN ((ac_intp)1 << 19)  /* the first pass on two threads */
typedef struct {
    void *d;
    ac_intp l, n;
    ac_intp at[4], len[4];
    int depth, fp;
    int ok[4];
} ac_ss_split;
typedef struct {
    void *d, *spec;
    const void *src;
    ac_intp n, h, k;
    int kind, desc, fp;
    uint64_t p;
    ac_intp l[2];
    ac_intp cnt[2][3];
} ac_ss_first;

/* ------------------------------------------------ keys in place (AVX-512)
 * tokeys: d[i] becomes the key of src[i] (see ac_simdsort.h), NaNs and
 * zeros of float kinds are copied to spec (NaNs from the front, zeros from
 * the back, in reverse) and counted; fromkeys: the inverse map of k into d
 * (k may be d). */
#define AC_DEFINE_KEYS512(W, KT, MT, NL)                                      \
/* PART: d is not src, and the keys are written partitioned around the key  \
 * p (those below it from the front, the others from the back, as part512's \
 * steps do); returns the number below.  FP (floats only): the "keys" are    \
 * the values themselves in the FP domain of the f flavour: negated when     \
 * desc, zeros made +0.0, NaNs made the infinity that sorts last (first     \
 * when desc: -inf after the negation), p and the partition compares in FP. */ \
static AC_INL AC_T512 ac_intp tokeys512r_u##W(KT *d, const KT *src, ac_intp n, int kind, \
                                   int desc, KT *spec, KT *spec_end, ac_intp *cnt, \
                                   const int PART, KT p, const int FP)        \
{                                                                             \
    const __m512i pv = _mm512_set1_epi##W((KT)p);                             \
    ac_intp wl = 0, wr = n;                                                   \
    const KT SIGN = (KT)((KT)1 << (W - 1));                                   \
    const __m512i sign = _mm512_set1_epi##W((KT)SIGN);                        \
    const __m512i inf = _mm512_set1_epi##W(                                   \
        (KT)(W == 64 ? (KT)0x7ff0000000000000ull : (KT)0x7f800000u));         \
    const __m512i ones = _mm512_set1_epi##W(-1);                              \
    const __m512i dx = desc ? ones : _mm512_setzero_si512();                  \
    const __m512i flip = kind == AC_SS_SIGNED ? sign : _mm512_setzero_si512(); \
    ac_intp i, nnan = 0, nzero = 0, nneg = 0;                                 \
    for (i = 0; i < n; i += NL) {                                             \
        const MT m = n - i >= NL ? (MT)~(MT)0 : lowmask_u##W((int)(n - i));   \
        const __m512i u = _mm512_maskz_loadu_epi##W(m, src + i);              \
        __m512i key;                                                          \
        if (kind == AC_SS_FLOAT) {                                            \
            const __m512i mag = _mm512_andnot_si512(sign, u);                 \
            const MT isnan = _mm512_mask_cmpgt_epu##W##_mask(m, mag, inf);    \
            const MT iszero = _mm512_mask_cmpeq_epi##W##_mask(m, mag, _mm512_setzero_si512()); \
            const MT neg = _mm512_mask_cmplt_epi##W##_mask(m, u, _mm512_setzero_si512()); \
            if (FP) {                                                         \
                key = desc ? _mm512_xor_si512(u, sign) : u;                   \
                key = _mm512_mask_mov_epi##W(key, isnan,                      \
                    desc ? _mm512_or_si512(inf, sign) : inf);                 \
                key = _mm512_maskz_mov_epi##W((MT)~iszero, key);              \
            }                                                                 \
            else {                                                            \
                key = _mm512_xor_si512(u, _mm512_or_si512(_mm512_srai_epi##W(u, W - 1), sign)); \
                key = _mm512_mask_mov_epi##W(key, isnan, ones);               \
                key = _mm512_mask_mov_epi##W(key, iszero, sign);              \
                key = _mm512_xor_si512(key, dx);                              \
            }                                                                 \
            nneg += _mm_popcnt_u32((unsigned)(MT)(neg & (MT)~(isnan | iszero))); \
            if ((MT)(isnan | iszero) && spec) {                               \
                int j;                                                        \
                for (j = 0; j < NL && i + j < n; j++) {                       \
                    if ((isnan >> j) & 1) { spec[nnan++] = src[i + j]; }      \
                    else if ((iszero >> j) & 1) { spec_end[-1 - nzero++] = src[i + j]; } \
                }                                                             \
            }                                                                 \
            else if ((MT)(isnan | iszero)) {                                  \
                /* counted only (spec NULL: see first_part512) */            \
                nnan += _mm_popcnt_u32((unsigned)isnan);                      \
                nzero += _mm_popcnt_u32((unsigned)iszero);                    \
            }                                                                 \
        }                                                                     \
        else {                                                                \
            key = _mm512_xor_si512(_mm512_xor_si512(u, flip), dx);            \
        }                                                                     \
        if (PART && FP) {                                                     \
            if (W == 64 && n - i >= 16) {                                     \
                AC_SS_STEPFULL_f##W(d, key, pv, (MT)~(MT)0, 0, &wl, &wr);     \
            }                                                                 \
            else {                                                            \
                step512_f##W(d, key, pv, m, 0, &wl, &wr);                     \
            }                                                                 \
        }                                                                     \
        else if (PART) {                                                      \
            /* full registers with room for two plain stores (64-bit keys) */  \
            if (W == 64 && n - i >= 16) {                                     \
                AC_SS_STEPFULL_u##W(d, key, pv, (MT)~(MT)0, 0, &wl, &wr);     \
            }                                                                 \
            else {                                                            \
                step512_u##W(d, key, pv, m, 0, &wl, &wr);                     \
            }                                                                 \
        }                                                                     \
        else {                                                                \
            _mm512_mask_storeu_epi##W(d + i, m, key);                         \
        }                                                                     \
    }                                                                         \
    cnt[0] = nnan; cnt[1] = nzero; cnt[2] = nneg;                             \
    return wl;                                                                \
}                                                                             \
static AC_T512 void tokeys512_u##W(KT *d, const KT *src, ac_intp n, int kind, \
                                   int desc, KT *spec, ac_intp *cnt)          \
{                                                                             \
    tokeys512r_u##W(d, src, n, kind, desc, spec, spec + n, cnt, 0, 0, 0);               \
}                                                                             \
/* the key of one element (as tokeys512r's) */                               \
static AC_INL KT key1_u##W(KT u, int kind, int desc)                          \
{                                                                             \
    const KT SIGN = (KT)((KT)1 << (W - 1));                                   \
    const KT INF = (KT)(W == 64 ? (KT)0x7ff0000000000000ull : (KT)0x7f800000u); \
    KT key = u;                                                               \
    if (kind == AC_SS_FLOAT) {                                                \
        const KT mag = (KT)(u & (KT)~SIGN);                                   \
        key = mag > INF ? (KT)~(KT)0 : mag == 0 ? SIGN                       \
            : (u & SIGN) ? (KT)~u : (KT)(u ^ SIGN);                           \
    }                                                                         \
    else if (kind == AC_SS_SIGNED) {                                          \
        key = (KT)(u ^ SIGN);                                                 \
    }                                                                         \
    return desc ? (KT)~key : key;                                             \
}                                                                             \
/* the FP-domain value of one float element (as tokeys512r's with FP) */     \
static AC_INL KT fpkey1_u##W(KT u, int desc)                                  \
{                                                                             \
    const KT SIGN = (KT)((KT)1 << (W - 1));                                   \
    const KT INF = (KT)(W == 64 ? (KT)0x7ff0000000000000ull : (KT)0x7f800000u); \
    const KT mag = (KT)(u & (KT)~SIGN);                                       \
    if (mag > INF) {                                                          \
        return desc ? (KT)(INF | SIGN) : INF;                                 \
    }                                                                         \
    if (mag == 0) {                                                           \
        return 0;                                                             \
    }                                                                         \
    return desc ? (KT)(u ^ SIGN) : u;                                         \
}                                                                             \
/* tokeys fused with the quicksort's first partition (d is not src: the     \
 * keys are written partitioned, which saves a pass over memory), then both \
 * parts sorted.  Floats are sorted in the FP domain (f flavour) and come   \
 * back as values (negated back when desc; the caller still puts the NaNs   \
 * and zeros kept in spec into their blocks): returns 2; other kinds leave \
 * sorted keys: 1; 0 when the quicksort declined (d then holds the keys,    \
 * permuted, for the caller's own sort). */                                  \
static AC_T512 int qsort_any512_u##W(KT *d, ac_intp m, int depth, int fp)  \
{                                                                             \
    return fp ? qsort512_f##W(d, m, depth) : qsort512_u##W(d, m, depth);      \
}                                                                             \
/* job 1, piece i: one more partition of side i (as a qsort512 step), its   \
 * two parts recorded (a block of keys equal to the pivot is done) */        \
static AC_T512 void split2_piece_u##W(void *vctx, ac_intp i)                 \
{                                                                             \
    ac_ss_split *c = (ac_ss_split *)vctx;                                     \
    const ac_intp off = i ? c->l : 0, m = i ? c->n - c->l : c->l;             \
    KT *k = (KT *)c->d + off;                                                 \
    KT p;                                                                     \
    ac_intp l;                                                                \
    if (c->fp) {                                                              \
        p = pivot512_f##W(k, m);                                              \
        l = part512_lt_f##W(k, m, p);                                         \
        if (l == 0) {                                                         \
            const ac_intp e = part512_le_f##W(k, m, p);                       \
            c->at[2 * i] = off + e; c->len[2 * i] = 0;                        \
            c->at[2 * i + 1] = off + e; c->len[2 * i + 1] = m - e;            \
            return;                                                           \
        }                                                                     \
    }                                                                         \
    else {                                                                    \
        p = pivot512_u##W(k, m);                                              \
        l = part512_lt_u##W(k, m, p);                                         \
        if (l == 0) {                                                         \
            const ac_intp e = part512_le_u##W(k, m, p);                       \
            c->at[2 * i] = off + e; c->len[2 * i] = 0;                        \
            c->at[2 * i + 1] = off + e; c->len[2 * i + 1] = m - e;            \
            return;                                                           \
        }                                                                     \
    }                                                                         \
    c->at[2 * i] = off; c->len[2 * i] = l;                                    \
    c->at[2 * i + 1] = off + l; c->len[2 * i + 1] = m - l;                    \
}                                                                             \
/* job 2 (or the only job when the sides are not split again): part i */    \
static AC_T512 void split_piece_u##W(void *vctx, ac_intp i)                  \
{                                                                             \
    ac_ss_split *c = (ac_ss_split *)vctx;                                     \
    c->ok[i] = qsort_any512_u##W((KT *)c->d + c->at[i], c->len[i], c->depth, c->fp); \
}                                                                             \
/* both sides of the partition at l: as pool pieces when both are long     \
 * (each side partitioned once more first when long enough, so the pool   \
 * balances four parts of uneven length) */                                  \
static AC_T512 int sort_sides512_u##W(KT *d, ac_intp n, ac_intp l, int depth, int fp) \
{                                                                             \
    if (n >= AC_SS_PAR_MIN && l >= n / 16 && n - l >= n / 16 &&               \
            ac_pool_get_threads() > 1) {                                      \
        ac_ss_split c;                                                        \
        int i, np = 2;                                                        \
        c.d = d; c.l = l; c.n = n; c.depth = depth; c.fp = fp;                \
        c.at[0] = 0; c.len[0] = l; c.at[1] = l; c.len[1] = n - l;             \
        if (n >= AC_SS_PAR4_MIN && depth > 1) {                               \
            ac_pool_run(2, split2_piece_u##W, &c);                            \
            c.depth = depth - 1;                                              \
            np = 4;                                                           \
        }                                                                     \
        for (i = 0; i < np; i++) {                                            \
            c.ok[i] = 0;                                                      \
        }                                                                     \
        ac_pool_run(np, split_piece_u##W, &c);                                \
        for (i = 0; i < np; i++) {                                            \
            if (!c.ok[i]) {                                                   \
                return 0;                                                     \
            }                                                                 \
        }                                                                     \
        return 1;                                                             \
    }                                                                         \
    return qsort_any512_u##W(d, l, depth, fp) && qsort_any512_u##W(d + l, n - l, depth, fp); \
}                                                                             \
/* the first pass: keys written partitioned around p into d (tokeys512r);  \
 * long inputs on two threads, each half of src into its half of d, then    \
 * the right part of the first half and the left part of the second        \
 * swapped (the shorter of the two) so all keys below p come first.  The   \
 * second half only counts its NaNs and zeros; when it has any, they are   \
 * appended to spec afterwards in src order, as one thread would have. */  \
static AC_T512 void first_piece_u##W(void *vctx, ac_intp i)                  \
{                                                                             \
    ac_ss_first *c = (ac_ss_first *)vctx;                                     \
    const ac_intp off = i ? c->h : 0, m = i ? c->n - c->h : c->h;             \
    KT *d = (KT *)c->d + off, *spec = (KT *)c->spec;                          \
    const KT *src = (const KT *)c->src + off;                                 \
    c->l[i] = c->fp                                                           \
        ? tokeys512r_u##W(d, src, m, c->kind, c->desc, i ? NULL : spec, spec + c->n, \
                          c->cnt[i], 1, (KT)c->p, 1)                          \
        : tokeys512r_u##W(d, src, m, c->kind, c->desc, i ? NULL : spec, spec + c->n, \
                          c->cnt[i], 1, (KT)c->p, 0);                         \
}                                                                             \
static AC_T512 void swap_piece_u##W(void *vctx, ac_intp i)                   \
{                                                                             \
    ac_ss_first *c = (ac_ss_first *)vctx;                                     \
    const ac_intp half = c->k / 2;                                            \
    const ac_intp from = i ? half : 0, to = i ? c->k : half;                  \
    KT *x = (KT *)c->d + c->l[0], *y = (KT *)c->d + c->h + c->l[1] - c->k;    \
    ac_intp j = from;                                                         \
    for (; j + NL <= to; j += NL) {                                           \
        const __m512i a = _mm512_loadu_si512((const void *)(x + j));          \
        const __m512i b = _mm512_loadu_si512((const void *)(y + j));          \
        _mm512_storeu_si512((void *)(x + j), b);                              \
        _mm512_storeu_si512((void *)(y + j), a);                              \
    }                                                                         \
    for (; j < to; j++) {                                                     \
        const KT t = x[j];                                                    \
        x[j] = y[j];                                                          \
        y[j] = t;                                                             \
    }                                                                         \
}                                                                             \
static AC_T512 ac_intp first_part512_u##W(KT *d, const KT *src, ac_intp n, int kind, \
                                          int desc, KT *spec, ac_intp *cnt, KT p, int fp) \
{                                                                             \
    ac_ss_first c;                                                            \
    ac_intp i, nnan, nzero;                                                   \
    if (n < AC_SS_PAR1_MIN || ac_pool_get_threads() < 2 || ac_pool_in_piece()) { \
        return fp ? tokeys512r_u##W(d, src, n, kind, desc, spec, spec + n, cnt, 1, p, 1) \
                  : tokeys512r_u##W(d, src, n, kind, desc, spec, spec + n, cnt, 1, p, 0); \
    }                                                                         \
    c.d = d; c.src = src; c.spec = spec; c.n = n;                             \
    c.h = (n / 2) & ~(ac_intp)(NL - 1);                                       \
    c.kind = kind; c.desc = desc; c.fp = fp; c.p = p;                         \
    ac_pool_run(2, first_piece_u##W, &c);                                     \
    nnan = c.cnt[0][0];                                                       \
    nzero = c.cnt[0][1];                                                      \
    cnt[2] = c.cnt[0][2] + c.cnt[1][2];                                       \
    if (c.cnt[1][0] || c.cnt[1][1]) {                                         \
        const KT SIGN = (KT)((KT)1 << (W - 1));                               \
        const KT INF = (KT)(W == 64 ? (KT)0x7ff0000000000000ull : (KT)0x7f800000u); \
        const __m512i sign = _mm512_set1_epi##W((KT)SIGN);                    \
        const __m512i inf = _mm512_set1_epi##W((KT)INF);                      \
        for (i = c.h; i < n; i += NL) {                                       \
            const MT m = n - i >= NL ? (MT)~(MT)0 : lowmask_u##W((int)(n - i)); \
            const __m512i mag = _mm512_andnot_si512(sign,                     \
                _mm512_maskz_loadu_epi##W(m, src + i));                       \
            const MT sp = (MT)(_mm512_mask_cmpgt_epu##W##_mask(m, mag, inf)   \
                | _mm512_mask_cmpeq_epi##W##_mask(m, mag, _mm512_setzero_si512())); \
            if (sp) {                                                         \
                int j;                                                        \
                for (j = 0; j < NL && i + j < n; j++) {                       \
                    const KT u = src[i + j], a = (KT)(u & (KT)~SIGN);         \
                    if (a > INF) { spec[nnan++] = u; }                        \
                    else if (a == 0) { spec[n - 1 - nzero++] = u; }           \
                }                                                             \
            }                                                                 \
        }                                                                     \
    }                                                                         \
    cnt[0] = nnan;                                                            \
    cnt[1] = nzero;                                                           \
    c.k = c.h - c.l[0] < c.l[1] ? c.h - c.l[0] : c.l[1];                      \
    if (c.k >= AC_SS_PAR1_MIN / 8) {                                          \
        ac_pool_run(2, swap_piece_u##W, &c);                                  \
    }                                                                         \
    else if (c.k > 0) {                                                       \
        swap_piece_u##W(&c, 0);                                               \
        swap_piece_u##W(&c, 1);                                               \
    }                                                                         \
    return c.l[0] + c.l[1];                                                   \
}                                                                             \
static AC_T512 int tokeys_sort512_u##W(KT *d, const KT *src, ac_intp n, int kind, \
                                       int desc, KT *spec, ac_intp *cnt)      \
{                                                                             \
    KT s[64], p;                                                              \
    const ac_intp step = n / 64;                                              \
    const int depth = ac_ss_depth(n);                                         \
    ac_intp l, i;                                                             \
    int j, ok;                                                                \
    /* the FP domain needs denormals compared as they are (no DAZ/FTZ) */   \
    if (W == 64 && kind == AC_SS_FLOAT && !(_mm_getcsr() & 0x8040u)) {        \
        for (j = 0; j < 64; j++) {                                            \
            s[j] = fpkey1_u##W(src[j * step + step / 2], desc);               \
        }                                                                     \
        snet512_f##W(s, 64);                                                  \
        p = s[32];                                                            \
        l = first_part512_u##W(d, src, n, kind, desc, spec, cnt, p, 1);       \
        ok = (l == 0 || l == n) ? qsort512_f##W(d, n, depth)                  \
            : sort_sides512_u##W(d, n, l, depth, 1);                          \
        if (!ok) {                                                            \
            /* the caller's sort takes the keys */                            \
            tokeys512_u##W(d, src, n, kind, desc, spec, cnt);                 \
            return 0;                                                         \
        }                                                                     \
        if (desc) {                                                           \
            const __m512i sign = _mm512_set1_epi##W((KT)((KT)1 << (W - 1)));  \
            for (i = 0; i < n; i += NL) {                                     \
                const MT m = n - i >= NL ? (MT)~(MT)0 : lowmask_u##W((int)(n - i)); \
                _mm512_mask_storeu_epi##W(d + i, m, _mm512_xor_si512(         \
                    _mm512_maskz_loadu_epi##W(m, d + i), sign));              \
            }                                                                 \
        }                                                                     \
        return 2;                                                             \
    }                                                                         \
    for (j = 0; j < 64; j++) {                                                \
        s[j] = key1_u##W(src[j * step + step / 2], kind, desc);               \
    }                                                                         \
    snet512_u##W(s, 64);                                                      \
    p = s[32];                                                                \
    l = first_part512_u##W(d, src, n, kind, desc, spec, cnt, p, 0);           \
    if (l == 0 || l == n) {                                                   \
        return qsort512_u##W(d, n, depth);                                    \
    }                                                                         \
    return sort_sides512_u##W(d, n, l, depth, 0);                             \
}                                                                             \
static AC_T512 void fromkeys512_u##W(KT *d, const KT *k, ac_intp n, int kind, int desc) \
{                                                                             \
    const __m512i sign = _mm512_set1_epi##W((KT)((KT)1 << (W - 1)));          \
    const __m512i ones = _mm512_set1_epi##W(-1);                              \
    const __m512i dx = desc ? ones : _mm512_setzero_si512();                  \
    const __m512i flip = kind == AC_SS_SIGNED ? sign : _mm512_setzero_si512(); \
    ac_intp i;                                                                \
    for (i = 0; i < n; i += NL) {                                             \
        const MT m = n - i >= NL ? (MT)~(MT)0 : lowmask_u##W((int)(n - i));   \
        const __m512i key = _mm512_xor_si512(_mm512_maskz_loadu_epi##W(m, k + i), dx); \
        __m512i u;                                                            \
        if (kind == AC_SS_FLOAT) {                                            \
            const __m512i nk = _mm512_xor_si512(key, ones);                   \
            u = _mm512_xor_si512(key, _mm512_or_si512(_mm512_srai_epi##W(nk, W - 1), sign)); \
        }                                                                     \
        else {                                                                \
            u = _mm512_xor_si512(key, flip);                                  \
        }                                                                     \
        _mm512_mask_storeu_epi##W(d + i, m, u);                               \
    }                                                                         \
}

AC_DEFINE_KEYS512(64, uint64_t, __mmask8, 8)
AC_DEFINE_KEYS512(32, uint32_t, __mmask16, 16)

/* ====================================================== AVX2
 * No compress and no unsigned compares: keys are compared with their sign
 * bits flipped, the lane order comes from ac_ss_perm8 (indexed by the
 * 32-bit lane mask, where a 64-bit lane is two equal bits, so one table
 * serves both widths) and partial registers are read and written through
 * 32-bit lane masks.  Ranges of up to 4 registers are sorted in registers
 * (leaf256). */
static AC_INL AC_T256 __m256i lanes256(int lo, int hi)      /* 32-bit lanes [lo, hi) */
{
    const __m256i iota = _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0);
    return _mm256_andnot_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32(lo), iota),
                               _mm256_cmpgt_epi32(_mm256_set1_epi32(hi), iota));
}

/* compare-exchange layers inside a register (as cx_u64/cx_u32 above): 64-bit
 * lanes by a 4-lane immediate permutation and flipped signed compares,
 * 32-bit lanes by an index permutation and unsigned min/max; `hi` is the
 * 32-bit lane blend mask of the lanes that keep the larger key */
#define AC_CX256_64(v, PERM, HI) do {                                         \
    const __m256i w_ = _mm256_permute4x64_epi64(v, PERM);                     \
    const __m256i s_ = _mm256_set1_epi64x((long long)0x8000000000000000ull);  \
    const __m256i g_ = _mm256_cmpgt_epi64(_mm256_xor_si256(v, s_), _mm256_xor_si256(w_, s_)); \
    const __m256i mn_ = _mm256_blendv_epi8(v, w_, g_), mx_ = _mm256_blendv_epi8(w_, v, g_); \
    v = _mm256_blend_epi32(mn_, mx_, HI);                                     \
} while (0)
#define AC_CX256_32(v, I7, I6, I5, I4, I3, I2, I1, I0, HI) do {               \
    const __m256i w_ = _mm256_permutevar8x32_epi32(v,                         \
        _mm256_set_epi32(I7, I6, I5, I4, I3, I2, I1, I0));                    \
    v = _mm256_blend_epi32(_mm256_min_epu32(v, w_), _mm256_max_epu32(v, w_), HI); \
} while (0)
static AC_INL AC_T256 __m256i net256_u64(__m256i v)        /* 4 keys, 5 comparators */
{
    AC_CX256_64(v, 0xB1, 0xCC);
    AC_CX256_64(v, 0x4E, 0xF0);
    AC_CX256_64(v, 0xD8, 0x30);
    return v;
}
static AC_INL AC_T256 __m256i bitonic256_u64(__m256i v)
{
    AC_CX256_64(v, 0x4E, 0xF0);
    AC_CX256_64(v, 0xB1, 0xCC);
    return v;
}
static AC_INL AC_T256 __m256i net256_u32(__m256i v)        /* the 8-key network of net_u64 */
{
    AC_CX256_32(v, 5, 4, 7, 6, 1, 0, 3, 2, 0xCC);
    AC_CX256_32(v, 3, 2, 1, 0, 7, 6, 5, 4, 0xF0);
    AC_CX256_32(v, 6, 7, 4, 5, 2, 3, 0, 1, 0xAA);
    AC_CX256_32(v, 7, 6, 3, 2, 5, 4, 1, 0, 0x30);
    AC_CX256_32(v, 7, 3, 5, 1, 6, 2, 4, 0, 0x50);
    AC_CX256_32(v, 7, 5, 6, 3, 4, 1, 2, 0, 0x54);
    return v;
}
static AC_INL AC_T256 __m256i bitonic256_u32(__m256i v)
{
    AC_CX256_32(v, 3, 2, 1, 0, 7, 6, 5, 4, 0xF0);
    AC_CX256_32(v, 5, 4, 7, 6, 1, 0, 3, 2, 0xCC);
    AC_CX256_32(v, 6, 7, 4, 5, 2, 3, 0, 1, 0xAA);
    return v;
}
static AC_INL AC_T256 __m256i rev256_u64(__m256i v) { return _mm256_permute4x64_epi64(v, 0x1B); }
static AC_INL AC_T256 __m256i rev256_u32(__m256i v)
{
    return _mm256_permutevar8x32_epi32(v, _mm256_set_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
static AC_INL AC_T256 void minmax256_u64(__m256i *x, __m256i *y)
{
    const __m256i s = _mm256_set1_epi64x((long long)0x8000000000000000ull);
    const __m256i g = _mm256_cmpgt_epi64(_mm256_xor_si256(*x, s), _mm256_xor_si256(*y, s));
    const __m256i mn = _mm256_blendv_epi8(*x, *y, g), mx = _mm256_blendv_epi8(*y, *x, g);
    *x = mn;
    *y = mx;
}
static AC_INL AC_T256 void minmax256_u32(__m256i *x, __m256i *y)
{
    const __m256i mn = _mm256_min_epu32(*x, *y), mx = _mm256_max_epu32(*x, *y);
    *x = mn;
    *y = mx;
}
#define AC_SORTNET_256
#include "ac_sortnet.h"
#undef AC_SORTNET_256
/* sort up to 8 registers of keys: the generated networks of ac_sortnet.h */
#define AC_DEFINE_LEAF256(W, KT, NL)                                          \
static AC_INL AC_T256 void leaf256_u##W(KT *k, ac_intp n)                     \
{                                                                             \
    snet256_u##W(k, n);                                                       \
}
AC_DEFINE_LEAF256(64, uint64_t, 4)
AC_DEFINE_LEAF256(32, uint32_t, 8)

#define ac_set1_256_u64(x) _mm256_set1_epi64x((long long)(x))
#define ac_set1_256_u32(x) _mm256_set1_epi32((int)(x))
#define AC_DEFINE_256(W, KT, NL)                                              \
static AC_INL AC_T256 __m256i sflip256_u##W(__m256i v)                        \
{                                                                             \
    return _mm256_xor_si256(v, ac_set1_256_u##W((KT)1 << (W - 1)));   \
}                                                                             \
/* keys of v (lanes [0, c) valid, the others set to the largest key) going \
 * left or right; `full`: both fronts have a register of room */            \
static AC_INL AC_T256 void step256_u##W(KT *k, __m256i v, __m256i ps, int c,  \
                                        const int LE, const int full,         \
                                        ac_intp *wl, ac_intp *wr)             \
{                                                                             \
    const __m256i vs = sflip256_u##W(v);                                      \
    const __m256i gt = LE ? _mm256_cmpgt_epi##W(vs, ps) : _mm256_cmpgt_epi##W(ps, vs); \
    const int m8 = _mm256_movemask_ps(_mm256_castsi256_ps(gt))                \
                   & ((1 << (c * (W / 32))) - 1);                             \
    /* LE: lanes not above the pivot go left; else lanes below it */         \
    const int lt8 = LE ? (~m8 & ((1 << (c * (W / 32))) - 1)) : m8;           \
    const int nl = _mm_popcnt_u32((unsigned)lt8) / (W / 32);                  \
    const __m256i idx = _mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long)ac_ss_perm8[lt8])); \
    const __m256i w = _mm256_permutevar8x32_epi32(v, idx);                    \
    if (full) {                                                               \
        _mm256_storeu_si256((__m256i *)(k + *wl), w);                         \
        _mm256_storeu_si256((__m256i *)(k + *wr - NL), w);                    \
    }                                                                         \
    else {                                                                    \
        const int ng = c - nl, s = W / 32;                                    \
        _mm256_maskstore_epi32((int *)(k + *wl), lanes256(0, nl * s), w);     \
        _mm256_maskstore_epi32((int *)(k + *wr - ng - nl), lanes256(nl * s, c * s), w); \
    }                                                                         \
    *wl += nl;                                                                \
    *wr -= c - nl;                                                            \
}                                                                             \
/* as part512r (same room invariants), UN registers a step */                \
static AC_INL AC_T256 ac_intp part256r_u##W(KT *k, ac_intp n, KT p, const int LE, \
                                            const int UN)                     \
{                                                                             \
    const ac_intp B = (ac_intp)UN * NL, KB = B + NL;                          \
    const __m256i ps = sflip256_u##W(ac_set1_256_u##W(p));              \
    __m256i lv[AC_SS_UNROLL256 + 1], rv[AC_SS_UNROLL256 + 1];                 \
    ac_intp wl = 0, wr = n, rl = KB, rr = n - KB;                             \
    ac_intp rem = (rr - rl) % B;                                              \
    int j;                                                                    \
    for (j = 0; j <= UN; j++) {                                               \
        lv[j] = _mm256_loadu_si256((const __m256i *)(k + j * NL));            \
        rv[j] = _mm256_loadu_si256((const __m256i *)(k + n - KB + j * NL));   \
    }                                                                         \
    while (rem > 0) {                                                         \
        const int c = rem >= NL ? NL : (int)rem;                              \
        const __m256i v = _mm256_maskload_epi32((const int *)(k + rl),       \
                                                lanes256(0, c * (W / 32)));  \
        rl += c;                                                              \
        rem -= c;                                                             \
        step256_u##W(k, v, ps, c, LE, 0, &wl, &wr);                           \
    }                                                                         \
    while (rl < rr) {                                                         \
        const int left = (rl - wl) <= (wr - rr);                              \
        const ac_intp at = left ? rl : rr - B;                                \
        __m256i v[AC_SS_UNROLL256];                                           \
        _Pragma("GCC unroll 8")                                               \
        for (j = 0; j < UN; j++) {                                            \
            v[j] = _mm256_loadu_si256((const __m256i *)(k + at + j * NL));    \
        }                                                                     \
        rl += left ? B : 0;                                                   \
        rr -= left ? 0 : B;                                                   \
        if (UN == AC_SS_UNROLL256) {                                          \
            ac_ss_prefetch(k + at, left, B * (ac_intp)sizeof(KT));            \
        }                                                                     \
        _Pragma("GCC unroll 8")                                               \
        for (j = 0; j < UN; j++) {                                            \
            step256_u##W(k, v[j], ps, NL, LE, 1, &wl, &wr);                   \
        }                                                                     \
    }                                                                         \
    for (j = 0; j <= UN; j++) {                                               \
        step256_u##W(k, lv[j], ps, NL, LE, 0, &wl, &wr);                      \
        step256_u##W(k, rv[j], ps, NL, LE, 0, &wl, &wr);                      \
    }                                                                         \
    return wl;                                                                \
}                                                                             \
static AC_T256 ac_intp part256_u##W(KT *k, ac_intp n, KT p, int le)           \
{                                                                             \
    const int big = n >= 2 * (AC_SS_UNROLL256 + 1) * NL;                      \
    if (le) {                                                                 \
        return big ? part256r_u##W(k, n, p, 1, AC_SS_UNROLL256)               \
                   : part256r_u##W(k, n, p, 1, 1);                            \
    }                                                                         \
    return big ? part256r_u##W(k, n, p, 0, AC_SS_UNROLL256)                   \
               : part256r_u##W(k, n, p, 0, 1);                                \
}                                                                             \
static AC_T256 int qsort256_u##W(KT *k, ac_intp n, int depth)                 \
{                                                                             \
    while (n > 8 * NL) {                                                      \
        KT s[16], p;                                                          \
        const ac_intp step = n / 16;                                          \
        ac_intp l;                                                            \
        int i;                                                                \
        if (depth-- <= 0) {                                                   \
            return 0;                                                         \
        }                                                                     \
        for (i = 0; i < 16; i++) {                                            \
            s[i] = k[i * step + step / 2];                                    \
        }                                                                     \
        leaf256_u##W(s, 16);                                                  \
        p = s[8];                                                             \
        l = part256_u##W(k, n, p, 0);                                         \
        if (l == 0) {                                                         \
            l = part256_u##W(k, n, p, 1);                                     \
            k += l;                                                           \
            n -= l;                                                           \
            continue;                                                         \
        }                                                                     \
        if (l < n - l) {                                                      \
            if (!qsort256_u##W(k, l, depth)) { return 0; }                    \
            k += l;                                                           \
            n -= l;                                                           \
        }                                                                     \
        else {                                                                \
            if (!qsort256_u##W(k + l, n - l, depth)) { return 0; }            \
            n = l;                                                            \
        }                                                                     \
    }                                                                         \
    if (n > 1) {                                                              \
        leaf256_u##W(k, n);                                                   \
    }                                                                         \
    return 1;                                                                 \
}

AC_DEFINE_256(64, uint64_t, 4)
AC_DEFINE_256(32, uint32_t, 8)

#endif  /* AC_HAVE_DISPATCH */

int ac_simdsort_u64(uint64_t *k, ac_intp n)
{
#if AC_HAVE_DISPATCH
    const int level = ac_cpu_level();
    if (n < 2) {
        return 1;
    }
    if (level >= AC_CPU_AVX512) {
        return qsort512_u64(k, n, ac_ss_depth(n));
    }
    if (level >= AC_CPU_AVX2) {
        return qsort256_u64(k, n, ac_ss_depth(n));
    }
#else
    (void)k; (void)n;
#endif
    return 0;
}

int ac_simdsort_u32(uint32_t *k, ac_intp n)
{
#if AC_HAVE_DISPATCH
    const int level = ac_cpu_level();
    if (n < 2) {
        return 1;
    }
    if (level >= AC_CPU_AVX512) {
        return qsort512_u32(k, n, ac_ss_depth(n));
    }
    if (level >= AC_CPU_AVX2) {
        return qsort256_u32(k, n, ac_ss_depth(n));
    }
#else
    (void)k; (void)n;
#endif
    return 0;
}

int ac_simdsort_inplace_ok(void)
{
#if AC_HAVE_DISPATCH
    return ac_cpu_level() >= AC_CPU_AVX512;
#else
    return 0;
#endif
}

#define AC_DEFINE_KEYS_API(W, KT)                                             \
void ac_simdsort_tokeys_u##W(KT *d, const KT *src, ac_intp n, int kind, int desc, \
                             KT *spec, ac_intp *cnt)                          \
{                                                                             \
    AC_KEYS_CALL(tokeys512_u##W(d, src, n, kind, desc, spec, cnt));           \
}                                                                             \
void ac_simdsort_fromkeys_u##W(KT *d, const KT *k, ac_intp n, int kind, int desc) \
{                                                                             \
    AC_KEYS_CALL(fromkeys512_u##W(d, k, n, kind, desc));                      \
}                                                                             \
int ac_simdsort_tokeys_sort_u##W(KT *d, const KT *src, ac_intp n, int kind, int desc, \
                                 KT *spec, ac_intp *cnt)                      \
{                                                                             \
    if (n < 64) {                                                             \
        AC_KEYS_CALL(tokeys512_u##W(d, src, n, kind, desc, spec, cnt));       \
        return ac_simdsort_u##W(d, n);                                        \
    }                                                                         \
    AC_KEYS_RET(tokeys_sort512_u##W(d, src, n, kind, desc, spec, cnt));       \
}
#if AC_HAVE_DISPATCH
#define AC_KEYS_CALL(call) call
#define AC_KEYS_RET(call) return call
#else
#define AC_KEYS_CALL(call) abort()
#define AC_KEYS_RET(call) abort()
#endif
AC_DEFINE_KEYS_API(64, uint64_t)
AC_DEFINE_KEYS_API(32, uint32_t)

int ac_simdargsort_u64(uint64_t *k, int64_t *ix, ac_intp n)
{
#if AC_HAVE_DISPATCH
    if (n < 2) {
        return 1;
    }
    if (ac_cpu_level() >= AC_CPU_AVX512) {
        return qsortp512_u64(k, ix, n, ac_ss_depth(n));
    }
#else
    (void)k; (void)ix; (void)n;
#endif
    return 0;
}
