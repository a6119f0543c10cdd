/* acrandom.h -- the public C interface of arraycore.random.
 *
 * ac_bitgen_t has the layout of NumPy's bitgen_t: a state pointer and four
 * function pointers.  A BitGenerator object hands one out through its
 * `capsule` attribute (a PyCapsule named "BitGenerator").  The distribution
 * functions are reached through a table exported by arraycore.random._generator
 * as the capsule `_RANDOM_API`; import_arraycore_random() fetches it (call it
 * once at module init, as import_arraycore()), after which ac_random_*() can
 * be called without the GIL.  Callers must hold the bit generator's `lock`
 * (or own the generator) while drawing.
 */
#ifndef ARRAYCORE_ACRANDOM_H
#define ARRAYCORE_ACRANDOM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ac_bitgen {
    void *state;
    uint64_t (*next_uint64)(void *st);
    uint32_t (*next_uint32)(void *st);
    double (*next_double)(void *st);
    uint64_t (*next_raw)(void *st);
} ac_bitgen_t;

/* The table of distribution functions (append only: its layout is an ABI). */
typedef struct ac_random_api {
    int version;
    double (*standard_uniform)(ac_bitgen_t *);
    double (*standard_normal)(ac_bitgen_t *);
    double (*standard_exponential)(ac_bitgen_t *);
    double (*standard_gamma)(ac_bitgen_t *, double shape);
    double (*normal)(ac_bitgen_t *, double loc, double scale);
    double (*uniform)(ac_bitgen_t *, double low, double range);
    double (*beta)(ac_bitgen_t *, double a, double b);
    int64_t (*poisson)(ac_bitgen_t *, double lam);
    int64_t (*binomial)(ac_bitgen_t *, int64_t n, double p);
    uint64_t (*bounded_uint64)(ac_bitgen_t *, uint64_t off, uint64_t rng);
    float (*standard_uniform_f)(ac_bitgen_t *);
    float (*standard_normal_f)(ac_bitgen_t *);
} ac_random_api_t;

#if !defined(AC_BUILDING_CORE) && defined(Py_PYTHON_H)
static ac_random_api_t *AC_RANDOM_API = NULL;

static int import_arraycore_random(void)
{
    PyObject *mod = PyImport_ImportModule("arraycore.random._generator");
    PyObject *cap;
    if (mod == NULL) return -1;
    cap = PyObject_GetAttrString(mod, "_RANDOM_API");
    Py_DECREF(mod);
    if (cap == NULL) return -1;
    AC_RANDOM_API = (ac_random_api_t *)PyCapsule_GetPointer(cap, "arraycore.random._RANDOM_API");
    Py_DECREF(cap);
    return AC_RANDOM_API == NULL ? -1 : 0;
}

static inline double ac_random_standard_uniform(ac_bitgen_t *b) { return AC_RANDOM_API->standard_uniform(b); }
static inline double ac_random_standard_normal(ac_bitgen_t *b) { return AC_RANDOM_API->standard_normal(b); }
static inline double ac_random_standard_exponential(ac_bitgen_t *b) { return AC_RANDOM_API->standard_exponential(b); }
static inline double ac_random_standard_gamma(ac_bitgen_t *b, double k) { return AC_RANDOM_API->standard_gamma(b, k); }
static inline double ac_random_normal(ac_bitgen_t *b, double loc, double scale) { return AC_RANDOM_API->normal(b, loc, scale); }
static inline double ac_random_uniform(ac_bitgen_t *b, double low, double range) { return AC_RANDOM_API->uniform(b, low, range); }
static inline double ac_random_beta(ac_bitgen_t *b, double a, double c) { return AC_RANDOM_API->beta(b, a, c); }
static inline int64_t ac_random_poisson(ac_bitgen_t *b, double lam) { return AC_RANDOM_API->poisson(b, lam); }
static inline int64_t ac_random_binomial(ac_bitgen_t *b, int64_t n, double p) { return AC_RANDOM_API->binomial(b, n, p); }
static inline uint64_t ac_random_bounded_uint64(ac_bitgen_t *b, uint64_t off, uint64_t rng) { return AC_RANDOM_API->bounded_uint64(b, off, rng); }
#endif

#ifdef __cplusplus
}
#endif
#endif
