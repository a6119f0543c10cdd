# arraycore/random/_crandom.pxd -- the C engine of arraycore.random
# (src/ac_random.h, acrandom.h) for the Cython modules of the package.
from libc.stdint cimport uint64_t, uint32_t, int64_t

cdef extern from "ac_random.h" nogil:
    ctypedef struct ac_bitgen_t:
        void *state
        uint64_t (*next_uint64)(void *st) noexcept nogil
        uint32_t (*next_uint32)(void *st) noexcept nogil
        double (*next_double)(void *st) noexcept nogil
        uint64_t (*next_raw)(void *st) noexcept nogil
    ctypedef struct ac_random_api_t:
        pass
    ctypedef unsigned long long ac_u128 "ac_u128"
    ctypedef struct ac_pcg64_state:
        ac_u128 state
        ac_u128 inc
        int has_uint32
        uint32_t uinteger
    ctypedef struct ac_philox_state:
        uint64_t ctr[4]
        uint64_t key[2]
        uint64_t buffer[4]
        int buffer_pos
        int has_uint32
        uint32_t uinteger
    ctypedef struct ac_sfc64_state:
        uint64_t s[4]
        int has_uint32
        uint32_t uinteger
    ctypedef struct ac_mt19937_state:
        uint32_t key[624]
        int pos
    enum:
        AC_BG_PCG64, AC_BG_PCG64DXSM, AC_BG_PHILOX, AC_BG_SFC64, AC_BG_MT19937
    void ac_bitgen_init(ac_bitgen_t *bg, int kind, void *state)
    void ac_pcg64_seed(ac_pcg64_state *st, ac_u128 seed, ac_u128 inc, int dxsm)
    void ac_pcg64_advance(ac_pcg64_state *st, ac_u128 delta, int dxsm)
    void ac_philox_advance(ac_philox_state *st, const uint64_t *step)
    void ac_sfc64_seed(ac_sfc64_state *st, const uint64_t *seed)
    void ac_mt19937_gen(ac_mt19937_state *st)
    void ac_mt19937_seed_legacy(ac_mt19937_state *st, uint32_t seed)
    void ac_mt19937_jump(ac_mt19937_state *st)

    double ac_rand_double(ac_bitgen_t *bg)
    float ac_rand_float(ac_bitgen_t *bg)
    double ac_rand_normal(ac_bitgen_t *bg)
    double ac_rand_exponential(ac_bitgen_t *bg)
    double ac_rand_gamma(ac_bitgen_t *bg, double shape)
    double ac_rand_beta(ac_bitgen_t *bg, double a, double b)
    int64_t ac_rand_poisson(ac_bitgen_t *bg, double lam)
    int64_t ac_rand_binomial(ac_bitgen_t *bg, int64_t n, double p)
    uint64_t ac_rand_interval(ac_bitgen_t *bg, uint64_t max)
    uint64_t ac_rand_bounded_u64(ac_bitgen_t *bg, uint64_t off, uint64_t rng)
    enum:
        AC_D_UNIFORM, AC_D_NORMAL, AC_D_EXPONENTIAL, AC_D_GAMMA, AC_D_BETA,
        AC_D_CHISQUARE, AC_D_LOGNORMAL, AC_D_LAPLACE, AC_D_LOGISTIC, AC_D_GUMBEL,
        AC_D_WEIBULL, AC_D_PARETO, AC_D_POWER, AC_D_RAYLEIGH, AC_D_TRIANGULAR,
        AC_D_VONMISES, AC_D_CAUCHY, AC_D_STANDARD_T, AC_D_F, AC_D_STD_NORMAL,
        AC_D_STD_EXP, AC_D_STD_GAMMA
    void ac_rand_fill_cont(ac_bitgen_t *bg, int op, Py_ssize_t n, double *out,
                           const double *a, Py_ssize_t sa, const double *b,
                           Py_ssize_t sb, const double *c, Py_ssize_t sc)
    enum:
        AC_D_POISSON, AC_D_BINOMIAL, AC_D_GEOMETRIC, AC_D_NEGBINOMIAL, AC_D_HYPERGEOM
    void ac_rand_fill_disc(ac_bitgen_t *bg, int op, Py_ssize_t n, int64_t *out,
                           const double *a, Py_ssize_t sa, const double *b,
                           Py_ssize_t sb, const double *c, Py_ssize_t sc)
    void ac_rand_fill_double(ac_bitgen_t *bg, Py_ssize_t n, double *out)
    void ac_rand_fill_float(ac_bitgen_t *bg, Py_ssize_t n, float *out)
    void ac_rand_fill_normal_f(ac_bitgen_t *bg, Py_ssize_t n, float *out)
    void ac_rand_fill_exponential_f(ac_bitgen_t *bg, Py_ssize_t n, float *out)
    void ac_rand_fill_gamma_f(ac_bitgen_t *bg, Py_ssize_t n, float *out, float shape)
    void ac_rand_fill_bounded(ac_bitgen_t *bg, int itemsize, int is_bool, Py_ssize_t n,
                              void *out, const uint64_t *offs, Py_ssize_t so,
                              const uint64_t *rngs, Py_ssize_t sr)
    void ac_rand_shuffle(ac_bitgen_t *bg, Py_ssize_t n, Py_ssize_t itemsize,
                         Py_ssize_t stride, char *data, char *buf)
    void ac_rand_shuffle_int(ac_bitgen_t *bg, int64_t n, int64_t first, int64_t *data)
    int ac_rand_floyd(ac_bitgen_t *bg, int64_t pop, int64_t size, int shuffle, int64_t *out)
    void ac_rand_multinomial(ac_bitgen_t *bg, int64_t n, int64_t *out, const double *pix,
                             Py_ssize_t d)
    ac_random_api_t *ac_random_api()
    void ac_rand_prepare_out(void *p, size_t nbytes)
