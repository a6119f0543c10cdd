/* ac_random.h -- the engine of arraycore.random (plain C, no Python objects):
 * the bit generators' states and step functions (ac_random_bitgen.c) and the
 * distributions and array fills (ac_random_dist.c).  The bit-generator
 * interface ac_bitgen_t (NumPy's bitgen_t layout) is public: acrandom.h. */
#ifndef AC_RANDOM_H
#define AC_RANDOM_H

#include <stdint.h>
#include <stddef.h>
#include "ac_export.h"
#include "arraycore/acrandom.h"

typedef unsigned __int128 ac_u128;

/* --- bit generators --- */
typedef struct { ac_u128 state, inc; int has_uint32; uint32_t uinteger; } ac_pcg64_state;
typedef struct { uint64_t ctr[4], key[2], buffer[4]; int buffer_pos; int has_uint32;
                 uint32_t uinteger; } ac_philox_state;
typedef struct { uint64_t s[4]; int has_uint32; uint32_t uinteger; } ac_sfc64_state;
typedef struct { uint32_t key[624]; int pos; } ac_mt19937_state;

/* PCG64's step, inlined by the bulk fills of ac_random_dist.c (the function
 * ac_pcg64_next64 is what ac_bitgen_t holds; fills compare against it). */
#define AC_PCG_MULT (((ac_u128)0x2360ED051FC65DA4ULL << 64) | 0x4385DF649FCCF645ULL)
static inline uint64_t ac_pcg64_step(ac_pcg64_state *st)
{
    st->state = st->state * AC_PCG_MULT + st->inc;
    uint64_t hi = (uint64_t)(st->state >> 64), lo = (uint64_t)st->state;
    unsigned rot = (unsigned)(hi >> 58);
    uint64_t v = hi ^ lo;
    return (v >> rot) | (v << ((-rot) & 63));
}
uint64_t ac_pcg64_next64(void *st);

enum { AC_BG_PCG64 = 0, AC_BG_PCG64DXSM = 1, AC_BG_PHILOX = 2, AC_BG_SFC64 = 3,
       AC_BG_MT19937 = 4 };

/* fills `bg` with the functions of generator `kind` over `state` */
AC_EXPORT void ac_bitgen_init(ac_bitgen_t *bg, int kind, void *state);
AC_EXPORT void ac_pcg64_seed(ac_pcg64_state *st, ac_u128 seed, ac_u128 inc, int dxsm);
AC_EXPORT void ac_pcg64_advance(ac_pcg64_state *st, ac_u128 delta, int dxsm);
AC_EXPORT void ac_philox_advance(ac_philox_state *st, const uint64_t step[4]);
AC_EXPORT void ac_sfc64_seed(ac_sfc64_state *st, const uint64_t seed[3]);
AC_EXPORT void ac_mt19937_gen(ac_mt19937_state *st);
AC_EXPORT void ac_mt19937_seed_legacy(ac_mt19937_state *st, uint32_t seed);
/* NumPy's MT19937.jumped(): 2^128 words ahead (ac_random_bitgen.c) */
AC_EXPORT void ac_mt19937_jump(ac_mt19937_state *st);

/* --- distributions (ac_random_dist.c) --- */
AC_EXPORT double ac_rand_double(ac_bitgen_t *bg);
AC_EXPORT float ac_rand_float(ac_bitgen_t *bg);
AC_EXPORT double ac_rand_normal(ac_bitgen_t *bg);
AC_EXPORT float ac_rand_normal_f(ac_bitgen_t *bg);
AC_EXPORT double ac_rand_exponential(ac_bitgen_t *bg);
AC_EXPORT float ac_rand_exponential_f(ac_bitgen_t *bg);
AC_EXPORT double ac_rand_gamma(ac_bitgen_t *bg, double shape);
AC_EXPORT float ac_rand_gamma_f(ac_bitgen_t *bg, float shape);
AC_EXPORT double ac_rand_beta(ac_bitgen_t *bg, double a, double b);
AC_EXPORT int64_t ac_rand_poisson(ac_bitgen_t *bg, double lam);
AC_EXPORT int64_t ac_rand_binomial(ac_bitgen_t *bg, int64_t n, double p);
AC_EXPORT int64_t ac_rand_hypergeometric(ac_bitgen_t *bg, int64_t good, int64_t bad,
                                         int64_t sample);
AC_EXPORT double ac_rand_vonmises(ac_bitgen_t *bg, double mu, double kappa);
AC_EXPORT int64_t ac_rand_geometric(ac_bitgen_t *bg, double p);
AC_EXPORT uint64_t ac_rand_interval(ac_bitgen_t *bg, uint64_t max);
AC_EXPORT uint64_t ac_rand_bounded_u64(ac_bitgen_t *bg, uint64_t off, uint64_t rng);

/* Parametrised continuous distributions over arrays: op codes for
 * ac_rand_fill_cont (out[i] = dist(param arrays a, b, c at i); a parameter
 * pointer with stride 0 is a scalar). */
enum {
    AC_D_UNIFORM, AC_D_NORMAL, AC_D_EXPONENTIAL, AC_D_GAMMA, AC_D_BETA,
    AC_D_CHISQUARE, AC_D_LOGNORMAL, AC_D_LAPLACE, AC_D_LOGISTIC, AC_D_GUMBEL,
    AC_D_WEIBULL, AC_D_PARETO, AC_D_POWER, AC_D_RAYLEIGH, AC_D_TRIANGULAR,
    AC_D_VONMISES, AC_D_CAUCHY, AC_D_STANDARD_T, AC_D_F, AC_D_STD_NORMAL,
    AC_D_STD_EXP, AC_D_STD_GAMMA, AC_D_NONCENTRAL_CHISQ, AC_D_WALD
};
AC_EXPORT void ac_rand_fill_cont(ac_bitgen_t *bg, int op, ptrdiff_t n, double *out,
                                 const double *a, ptrdiff_t sa, const double *b,
                                 ptrdiff_t sb, const double *c, ptrdiff_t sc);
enum { AC_D_POISSON, AC_D_BINOMIAL, AC_D_GEOMETRIC, AC_D_NEGBINOMIAL, AC_D_HYPERGEOM,
       AC_D_LOGSERIES, AC_D_ZIPF };
AC_EXPORT void ac_rand_fill_disc(ac_bitgen_t *bg, int op, ptrdiff_t n, int64_t *out,
                                 const double *a, ptrdiff_t sa, const double *b,
                                 ptrdiff_t sb, const double *c, ptrdiff_t sc);
AC_EXPORT void ac_rand_fill_double(ac_bitgen_t *bg, ptrdiff_t n, double *out);
AC_EXPORT void ac_rand_fill_float(ac_bitgen_t *bg, ptrdiff_t n, float *out);
AC_EXPORT void ac_rand_fill_normal_f(ac_bitgen_t *bg, ptrdiff_t n, float *out);
AC_EXPORT void ac_rand_fill_exponential_f(ac_bitgen_t *bg, ptrdiff_t n, float *out);
AC_EXPORT void ac_rand_fill_gamma_f(ac_bitgen_t *bg, ptrdiff_t n, float *out, float shape);

/* bounded integers as NumPy's Generator.integers: values off + [0, rng] of a
 * type of `itemsize` bytes (1, 2, 4, 8; is_bool for bool), Lemire's method;
 * offs/rngs strided (stride 0: scalar), written to out (n items). */
AC_EXPORT void ac_rand_fill_bounded(ac_bitgen_t *bg, int itemsize, int is_bool, ptrdiff_t n,
                                    void *out, const uint64_t *offs, ptrdiff_t so,
                                    const uint64_t *rngs, ptrdiff_t sr);
/* Fisher-Yates as Generator.shuffle (masked draws): n items of itemsize
 * bytes at stride apart; buf holds one item. */
AC_EXPORT void ac_rand_shuffle(ac_bitgen_t *bg, ptrdiff_t n, ptrdiff_t itemsize,
                               ptrdiff_t stride, char *data, char *buf);
/* the int64 shuffle of choice (Lemire draws) of items first..n-1 */
AC_EXPORT void ac_rand_shuffle_int(ac_bitgen_t *bg, int64_t n, int64_t first, int64_t *data);
/* Floyd's sampling of `size` distinct values of [0, pop) as NumPy's choice */
AC_EXPORT int ac_rand_floyd(ac_bitgen_t *bg, int64_t pop, int64_t size, int shuffle,
                            int64_t *out);
AC_EXPORT void ac_rand_multinomial(ac_bitgen_t *bg, int64_t n, int64_t *out, const double *pix,
                                   ptrdiff_t d);
AC_EXPORT ac_random_api_t *ac_random_api(void);
AC_EXPORT void ac_rand_prepare_out(void *p, size_t nbytes);

#endif
