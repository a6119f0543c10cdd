/*
 * arraycore/acmath.h -- arraycore's core math library, header-only.
 *
 *     #include <arraycore/acmath.h>       (C99 or later, or C++11 or later)
 *
 * Everything here is a macro or a `static inline` function: a consumer links
 * no arraycore library (only the system's libm).  It holds
 *
 *   constants      AC_PI, AC_E, ... (double), AC_PIf, ... (float),
 *                  AC_PIl, ... (long double), AC_INFINITY, AC_NAN, AC_PZERO,
 *                  AC_NZERO
 *   IEEE helpers   ac_isnan, ac_isinf, ac_isfinite, ac_signbit (type-generic
 *                  macros), ac_copysign[f|l], ac_nextafter[f|l], ac_spacing[f|l]
 *   libm wrappers  ac_sin, ac_expf, ac_hypotl, ... (the C99 functions under
 *                  arraycore's prefix, for code written against this header)
 *   half floats    ac_half (IEEE binary16 bits): conversions to and from
 *                  float/double (round-half-even, overflow to inf, subnormals),
 *                  classification, comparisons, ac_half_nextafter/_spacing
 *   complex        ac_cpack[f], ac_creal[f], ac_cimag[f], ac_csetreal[f],
 *                  ac_csetimag[f] and the elementary functions ac_cabs ...
 *                  ac_catanh for ac_cdouble and ac_cfloat (suffix f), with
 *                  the branch cuts and special values of C99 Annex G
 *   NumPy-style    ac_logaddexp[f], ac_logaddexp2[f], ac_deg2rad[f],
 *   helpers        ac_rad2deg[f], ac_divmod[f], ac_floor_divide[f],
 *                  ac_remainder[f] (Python's sign rules for floats)
 *   FP status      ac_get_floatstatus, ac_clear_floatstatus,
 *                  ac_set_floatstatus_divbyzero/overflow/underflow/invalid and
 *                  the AC_FPE_* flags
 *
 * The complex functions call the C99 complex functions of the C library when
 * compiled as C (through the compiler's __builtin_ names with GCC and Clang,
 * so that <complex.h> and its `I` and `complex` macros stay out of the
 * consumer's namespace) and std::complex (which the C++ library implements
 * with the same C99 functions) when compiled as C++; ac_cdouble/ac_cfloat
 * keep their struct layout (actypes.h) either way.  The NumPy spellings (npy_isnan, NPY_PI,
 * npy_half_to_float, npy_cpack, ...) are in <arraycore/npy_compat.h>.
 */
#ifndef ARRAYCORE_ACMATH_H
#define ARRAYCORE_ACMATH_H

#include "arraycore/actypes.h"

#ifdef __cplusplus
#include <cmath>
#include <cfloat>
#include <cstring>
#include <complex>
#include <fenv.h>
#else
#include <math.h>
#include <float.h>
#include <string.h>
#include <fenv.h>
#if !defined(__GNUC__) && !defined(__clang__)
#include <complex.h>
#endif
#endif

/* ================================================================ constants */
#define AC_E         2.718281828459045235360287471352662498   /* e */
#define AC_LOG2E     1.442695040888963407359924681001892137   /* log_2 e */
#define AC_LOG10E    0.434294481903251827651128918916605082   /* log_10 e */
#define AC_LOGE2     0.693147180559945309417232121458176568   /* log_e 2 */
#define AC_LOGE10    2.302585092994045684017991454684364208   /* log_e 10 */
#define AC_PI        3.141592653589793238462643383279502884   /* pi */
#define AC_PI_2      1.570796326794896619231321691639751442   /* pi/2 */
#define AC_PI_4      0.785398163397448309615660845819875721   /* pi/4 */
#define AC_1_PI      0.318309886183790671537767526745028724   /* 1/pi */
#define AC_2_PI      0.636619772367581343075535053490057448   /* 2/pi */
#define AC_EULER     0.577215664901532860606512090082402431   /* Euler's gamma */
#define AC_SQRT2     1.414213562373095048801688724209698079   /* sqrt(2) */
#define AC_SQRT1_2   0.707106781186547524400844362104849039   /* 1/sqrt(2) */

#define AC_Ef        2.718281828459045235360287471352662498F
#define AC_LOG2Ef    1.442695040888963407359924681001892137F
#define AC_LOG10Ef   0.434294481903251827651128918916605082F
#define AC_LOGE2f    0.693147180559945309417232121458176568F
#define AC_LOGE10f   2.302585092994045684017991454684364208F
#define AC_PIf       3.141592653589793238462643383279502884F
#define AC_PI_2f     1.570796326794896619231321691639751442F
#define AC_PI_4f     0.785398163397448309615660845819875721F
#define AC_1_PIf     0.318309886183790671537767526745028724F
#define AC_2_PIf     0.636619772367581343075535053490057448F
#define AC_EULERf    0.577215664901532860606512090082402431F
#define AC_SQRT2f    1.414213562373095048801688724209698079F
#define AC_SQRT1_2f  0.707106781186547524400844362104849039F

#define AC_El        2.718281828459045235360287471352662498L
#define AC_LOG2El    1.442695040888963407359924681001892137L
#define AC_LOG10El   0.434294481903251827651128918916605082L
#define AC_LOGE2l    0.693147180559945309417232121458176568L
#define AC_LOGE10l   2.302585092994045684017991454684364208L
#define AC_PIl       3.141592653589793238462643383279502884L
#define AC_PI_2l     1.570796326794896619231321691639751442L
#define AC_PI_4l     0.785398163397448309615660845819875721L
#define AC_1_PIl     0.318309886183790671537767526745028724L
#define AC_2_PIl     0.636619772367581343075535053490057448L
#define AC_EULERl    0.577215664901532860606512090082402431L
#define AC_SQRT2l    1.414213562373095048801688724209698079L
#define AC_SQRT1_2l  0.707106781186547524400844362104849039L

#define AC_INFINITY  ((double)INFINITY)
#define AC_NAN       ((double)NAN)
#define AC_PZERO     (0.0)
#define AC_NZERO     (-0.0)
#define AC_INFINITYF ((float)INFINITY)
#define AC_NANF      ((float)NAN)
#define AC_PZEROF    (0.0F)
#define AC_NZEROF    (-0.0F)
#define AC_INFINITYL ((long double)INFINITY)
#define AC_NANL      ((long double)NAN)
#define AC_PZEROL    (0.0L)
#define AC_NZEROL    (-0.0L)

/* ============================================================ IEEE helpers */
/* Type-generic (float, double, long double); the result is an int, non-zero
   when true. */
#ifdef __cplusplus
#define ac_isnan(x)    ((int)std::isnan(x))
#define ac_isinf(x)    ((int)std::isinf(x))
#define ac_isfinite(x) ((int)std::isfinite(x))
#define ac_signbit(x)  ((int)std::signbit(x))
#define AC__M(fn) std::fn
#define AC__MF(fn) std::fn
#define AC__ML(fn) std::fn
#else
#define ac_isnan(x)    (isnan(x) != 0)
#define ac_isinf(x)    (isinf(x) != 0)
#define ac_isfinite(x) (isfinite(x) != 0)
#define ac_signbit(x)  (signbit(x) != 0)
#define AC__M(fn) fn
#define AC__MF(fn) fn##f
#define AC__ML(fn) fn##l
#endif

/* The C99 libm functions under arraycore's prefix: ac_sin(double),
   ac_sinf(float), ac_sinl(long double), ... */
#define AC__LIBM1(name)                                                      \
    static inline double ac_##name(double x) { return AC__M(name)(x); }       \
    static inline float ac_##name##f(float x) { return AC__MF(name)(x); }     \
    static inline long double ac_##name##l(long double x) { return AC__ML(name)(x); }
#define AC__LIBM2(name)                                                      \
    static inline double ac_##name(double x, double y)                        \
        { return AC__M(name)(x, y); }                                          \
    static inline float ac_##name##f(float x, float y)                        \
        { return AC__MF(name)(x, y); }                                         \
    static inline long double ac_##name##l(long double x, long double y)      \
        { return AC__ML(name)(x, y); }

AC__LIBM1(sin) AC__LIBM1(cos) AC__LIBM1(tan) AC__LIBM1(asin) AC__LIBM1(acos)
AC__LIBM1(atan) AC__LIBM1(sinh) AC__LIBM1(cosh) AC__LIBM1(tanh)
AC__LIBM1(asinh) AC__LIBM1(acosh) AC__LIBM1(atanh) AC__LIBM1(exp)
AC__LIBM1(exp2) AC__LIBM1(expm1) AC__LIBM1(log) AC__LIBM1(log2)
AC__LIBM1(log10) AC__LIBM1(log1p) AC__LIBM1(sqrt) AC__LIBM1(cbrt)
AC__LIBM1(fabs) AC__LIBM1(floor) AC__LIBM1(ceil) AC__LIBM1(trunc)
AC__LIBM1(rint)
AC__LIBM2(hypot) AC__LIBM2(atan2) AC__LIBM2(pow) AC__LIBM2(fmod)
AC__LIBM2(copysign) AC__LIBM2(nextafter)
#undef AC__LIBM1
#undef AC__LIBM2

static inline double ac_modf(double x, double *ip) { return AC__M(modf)(x, ip); }
static inline float ac_modff(float x, float *ip) { return AC__MF(modf)(x, ip); }
static inline double ac_frexp(double x, int *e) { return AC__M(frexp)(x, e); }
static inline float ac_frexpf(float x, int *e) { return AC__MF(frexp)(x, e); }
static inline double ac_ldexp(double x, int e) { return AC__M(ldexp)(x, e); }
static inline float ac_ldexpf(float x, int e) { return AC__MF(ldexp)(x, e); }

/* The distance from x to the next representable number away from zero, with
   x's sign (NumPy's spacing): spacing(1.0) == DBL_EPSILON, spacing(-1.0) ==
   -DBL_EPSILON, spacing(+-0.0) == +smallest subnormal, spacing(inf) and
   spacing(nan) are nan, spacing(largest finite) is inf. */
static inline double ac_spacing(double x)
{
    if (ac_isinf(x)) {
        return AC_NAN;
    }
    if (x == 0) {
        return ac_nextafter(0, 1);
    }
    return ac_nextafter(x, ac_copysign(AC_INFINITY, x)) - x;
}
static inline float ac_spacingf(float x)
{
    if (ac_isinf(x)) {
        return AC_NANF;
    }
    if (x == 0) {
        return ac_nextafterf(0, 1);
    }
    return ac_nextafterf(x, ac_copysignf(AC_INFINITYF, x)) - x;
}
static inline long double ac_spacingl(long double x)
{
    if (ac_isinf(x)) {
        return AC_NANL;
    }
    if (x == 0) {
        return ac_nextafterl(0, 1);
    }
    return ac_nextafterl(x, ac_copysignl(AC_INFINITYL, x)) - x;
}

/* ================================================== floating-point status */
#define AC_FPE_DIVIDEBYZERO 1
#define AC_FPE_OVERFLOW     2
#define AC_FPE_UNDERFLOW    4
#define AC_FPE_INVALID      8

#ifndef FE_DIVBYZERO
#define AC__FE_DIVBYZERO 0
#else
#define AC__FE_DIVBYZERO FE_DIVBYZERO
#endif
#ifndef FE_OVERFLOW
#define AC__FE_OVERFLOW 0
#else
#define AC__FE_OVERFLOW FE_OVERFLOW
#endif
#ifndef FE_UNDERFLOW
#define AC__FE_UNDERFLOW 0
#else
#define AC__FE_UNDERFLOW FE_UNDERFLOW
#endif
#ifndef FE_INVALID
#define AC__FE_INVALID 0
#else
#define AC__FE_INVALID FE_INVALID
#endif
#define AC__FE_ALL (AC__FE_DIVBYZERO | AC__FE_OVERFLOW | AC__FE_UNDERFLOW | AC__FE_INVALID)

/* The raised FE_* flags of both the x87 status word and the SSE MXCSR (libm
   and glibc's feraiseexcept may raise through either): what fetestexcept
   reads, inline.  On x86-64 the flags are the low bits of both registers;
   the call to libm's fetestexcept cost 11 ns where the two reads cost 5
   (Zen 4), twice in every ufunc call.  The "memory" clobber keeps stores
   of the computation before the read, as the call did. */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__SSE__) && \
        (defined(__GNUC__) || defined(__clang__)) && defined(FE_INVALID) && \
        FE_INVALID == 0x01 && FE_DIVBYZERO == 0x04 && FE_OVERFLOW == 0x08 && \
        FE_UNDERFLOW == 0x10
static inline int ac__fetest(void)
{
    unsigned short sw;
    unsigned int csr;
    __asm__ __volatile__("fnstsw %0" : "=am"(sw) : : "memory");
    __asm__ __volatile__("stmxcsr %0" : "=m"(csr) : : "memory");
    return (int)((sw | csr) & AC__FE_ALL);
}
#else
static inline int ac__fetest(void) { return fetestexcept(AC__FE_ALL); }
#endif

/* The AC_FPE_* flags raised since they were last cleared.  `param` (any
   pointer to memory the preceding computation wrote, or NULL) is read
   through a volatile access so that the compiler cannot move that
   computation after the status check. */
static inline int ac_get_floatstatus_barrier(char *param)
{
    int st;
    if (param != NULL) {
        volatile char c = *(volatile char *)param;
        (void)c;
    }
    st = ac__fetest();
    return ((st & AC__FE_DIVBYZERO) ? AC_FPE_DIVIDEBYZERO : 0)
         | ((st & AC__FE_OVERFLOW) ? AC_FPE_OVERFLOW : 0)
         | ((st & AC__FE_UNDERFLOW) ? AC_FPE_UNDERFLOW : 0)
         | ((st & AC__FE_INVALID) ? AC_FPE_INVALID : 0);
}
static inline int ac_get_floatstatus(void)
{
    char c = 0;
    return ac_get_floatstatus_barrier(&c);
}
/* Clear the flags; returns those that were set.  The read covers both the
   SSE and the x87 status (libm may raise flags through either); clearing
   only when something is set keeps the common case to the reads. */
static inline int ac_clear_floatstatus_barrier(char *param)
{
    int st = ac_get_floatstatus_barrier(param);
    if (st) {
        feclearexcept(AC__FE_ALL);
    }
    return st;
}
static inline int ac_clear_floatstatus(void)
{
    char c = 0;
    return ac_clear_floatstatus_barrier(&c);
}
static inline void ac_set_floatstatus_divbyzero(void) { feraiseexcept(AC__FE_DIVBYZERO); }
static inline void ac_set_floatstatus_overflow(void) { feraiseexcept(AC__FE_OVERFLOW); }
static inline void ac_set_floatstatus_underflow(void) { feraiseexcept(AC__FE_UNDERFLOW); }
static inline void ac_set_floatstatus_invalid(void) { feraiseexcept(AC__FE_INVALID); }

/* ============================================================ half floats */
/* ac_half (actypes.h) holds the bits of an IEEE 754 binary16 number. */
#define AC_HALF_ZERO   ((ac_half)0x0000u)
#define AC_HALF_PZERO  ((ac_half)0x0000u)
#define AC_HALF_NZERO  ((ac_half)0x8000u)
#define AC_HALF_ONE    ((ac_half)0x3c00u)
#define AC_HALF_NEGONE ((ac_half)0xbc00u)
#define AC_HALF_PINF   ((ac_half)0x7c00u)
#define AC_HALF_NINF   ((ac_half)0xfc00u)
#define AC_HALF_NAN    ((ac_half)0x7e00u)
#define AC_MAX_HALF    ((ac_half)0x7bffu)

/* float bits -> half bits, rounding to nearest even; too large -> inf, with
   the overflow flag raised (as NumPy's conversion: errstate reports it);
   NaNs keep their sign and the top of their payload (a payload that would
   vanish becomes the quiet bit). */
static inline ac_half ac_floatbits_to_halfbits(ac_uint32 x)
{
    ac_uint32 absx = x & 0x7fffffffu, e, mant, shift, rem, halfway, result;
    ac_half sign = (ac_half)((x >> 16) & 0x8000u);
    if (absx >= 0x7f800000u) {                    /* inf or nan */
        if (absx > 0x7f800000u) {
            ac_half m = (ac_half)((absx >> 13) & 0x3ffu);
            return (ac_half)(sign | 0x7c00u | (m ? m : 0x200u));
        }
        return (ac_half)(sign | 0x7c00u);
    }
    if (absx >= 0x477ff000u) {                    /* rounds to infinity */
        ac_set_floatstatus_overflow();
        return (ac_half)(sign | 0x7c00u);
    }
    e = absx >> 23;
    if (e < 113) {                                /* below 2**-14: subnormal */
        if (e < 102) {                            /* below 2**-25: zero */
            return sign;
        }
        mant = (absx & 0x7fffffu) | 0x800000u;
        shift = 126 - e;
        result = mant >> shift;
        rem = mant & ((1u << shift) - 1u);
        halfway = 1u << (shift - 1);
        if (rem > halfway || (rem == halfway && (result & 1u))) {
            result++;
        }
        return (ac_half)(sign | result);
    }
    result = ((e - 112) << 10) | ((absx & 0x7fffffu) >> 13);
    rem = absx & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (result & 1u))) {
        result++;                                 /* may carry into inf: right */
    }
    return (ac_half)(sign | result);
}

/* double bits -> half bits, rounding once (no double rounding via float);
   overflow as above. */
static inline ac_half ac_doublebits_to_halfbits(ac_uint64 x)
{
    ac_uint64 absx = x & 0x7fffffffffffffffULL, e, mant, shift, rem, halfway, result;
    ac_half sign = (ac_half)((x >> 48) & 0x8000u);
    if (absx >= 0x7ff0000000000000ULL) {
        if (absx > 0x7ff0000000000000ULL) {
            ac_half m = (ac_half)((absx >> 42) & 0x3ffu);
            return (ac_half)(sign | 0x7c00u | (m ? m : 0x200u));
        }
        return (ac_half)(sign | 0x7c00u);
    }
    if (absx >= 0x40effe0000000000ULL) {           /* rounds to infinity */
        ac_set_floatstatus_overflow();
        return (ac_half)(sign | 0x7c00u);
    }
    e = absx >> 52;
    if (e < 1009) {
        if (e < 998) {
            return sign;
        }
        mant = (absx & 0xfffffffffffffULL) | 0x10000000000000ULL;
        shift = 1051 - e;
        result = mant >> shift;
        rem = mant & ((1ULL << shift) - 1ULL);
        halfway = 1ULL << (shift - 1);
        if (rem > halfway || (rem == halfway && (result & 1u))) {
            result++;
        }
        return (ac_half)(sign | result);
    }
    result = ((e - 1008) << 10) | ((absx & 0xfffffffffffffULL) >> 42);
    rem = absx & 0x3ffffffffffULL;
    if (rem > 0x20000000000ULL || (rem == 0x20000000000ULL && (result & 1u))) {
        result++;
    }
    return (ac_half)(sign | result);
}

/* half bits -> float bits / double bits (exact). */
static inline ac_uint32 ac_halfbits_to_floatbits(ac_half h)
{
    ac_uint32 sign = ((ac_uint32)h & 0x8000u) << 16;
    ac_uint32 e = ((ac_uint32)h >> 10) & 0x1fu;
    ac_uint32 m = (ac_uint32)h & 0x3ffu;
    if (e == 0) {
        if (m == 0) {
            return sign;
        }
        e = 113;                                  /* normalize the subnormal */
        while (!(m & 0x400u)) {
            m <<= 1;
            e--;
        }
        return sign | (e << 23) | ((m & 0x3ffu) << 13);
    }
    if (e == 31) {
        return sign | 0x7f800000u | (m << 13);
    }
    return sign | ((e + 112) << 23) | (m << 13);
}
static inline ac_uint64 ac_halfbits_to_doublebits(ac_half h)
{
    ac_uint64 sign = ((ac_uint64)h & 0x8000u) << 48;
    ac_uint64 e = ((ac_uint64)h >> 10) & 0x1fu;
    ac_uint64 m = (ac_uint64)h & 0x3ffu;
    if (e == 0) {
        if (m == 0) {
            return sign;
        }
        e = 1009;
        while (!(m & 0x400u)) {
            m <<= 1;
            e--;
        }
        return sign | (e << 52) | ((m & 0x3ffu) << 42);
    }
    if (e == 31) {
        return sign | 0x7ff0000000000000ULL | (m << 42);
    }
    return sign | ((e + 1008) << 52) | (m << 42);
}

static inline ac_half ac_float_to_half(float f)
{
    ac_uint32 x;
    memcpy(&x, &f, sizeof(x));
    return ac_floatbits_to_halfbits(x);
}
static inline ac_half ac_double_to_half(double d)
{
    ac_uint64 x;
    memcpy(&x, &d, sizeof(x));
    return ac_doublebits_to_halfbits(x);
}
static inline float ac_half_to_float(ac_half h)
{
    ac_uint32 x = ac_halfbits_to_floatbits(h);
    float f;
    memcpy(&f, &x, sizeof(f));
    return f;
}
static inline double ac_half_to_double(ac_half h)
{
    ac_uint64 x = ac_halfbits_to_doublebits(h);
    double d;
    memcpy(&d, &x, sizeof(d));
    return d;
}

static inline int ac_half_isnan(ac_half h) { return (h & 0x7c00u) == 0x7c00u && (h & 0x03ffu) != 0; }
static inline int ac_half_isinf(ac_half h) { return (h & 0x7fffu) == 0x7c00u; }
static inline int ac_half_isfinite(ac_half h) { return (h & 0x7c00u) != 0x7c00u; }
static inline int ac_half_signbit(ac_half h) { return (h & 0x8000u) != 0; }
static inline int ac_half_iszero(ac_half h) { return (h & 0x7fffu) == 0; }
static inline ac_half ac_half_copysign(ac_half x, ac_half y)
{
    return (ac_half)((x & 0x7fffu) | (y & 0x8000u));
}

/* Comparisons as IEEE defines them: false when either is nan, -0 == +0.
   The _nonan forms assume neither argument is nan. */
static inline int ac_half_eq_nonan(ac_half a, ac_half b)
{
    return a == b || ((a | b) & 0x7fffu) == 0;
}
static inline int ac_half_lt_nonan(ac_half a, ac_half b)
{
    if (a & 0x8000u) {
        if (b & 0x8000u) {
            return (a & 0x7fffu) > (b & 0x7fffu);
        }
        return a != 0x8000u || b != 0;            /* -x < +y unless both zero */
    }
    if (b & 0x8000u) {
        return 0;
    }
    return a < b;
}
static inline int ac_half_le_nonan(ac_half a, ac_half b)
{
    return ac_half_lt_nonan(a, b) || ac_half_eq_nonan(a, b);
}
static inline int ac_half_eq(ac_half a, ac_half b)
{
    return !ac_half_isnan(a) && !ac_half_isnan(b) && ac_half_eq_nonan(a, b);
}
static inline int ac_half_ne(ac_half a, ac_half b) { return !ac_half_eq(a, b); }
static inline int ac_half_lt(ac_half a, ac_half b)
{
    return !ac_half_isnan(a) && !ac_half_isnan(b) && ac_half_lt_nonan(a, b);
}
static inline int ac_half_le(ac_half a, ac_half b)
{
    return !ac_half_isnan(a) && !ac_half_isnan(b) && ac_half_le_nonan(a, b);
}
static inline int ac_half_gt(ac_half a, ac_half b) { return ac_half_lt(b, a); }
static inline int ac_half_ge(ac_half a, ac_half b) { return ac_half_le(b, a); }

/* The next half after x in the direction of y (x itself when x == y; nan when
   either is nan); raises overflow when a finite x steps to infinity. */
static inline ac_half ac_half_nextafter(ac_half x, ac_half y)
{
    ac_half r;
    if (ac_half_isnan(x) || ac_half_isnan(y)) {
        return AC_HALF_NAN;
    }
    if (ac_half_eq_nonan(x, y)) {
        return y;           /* C99: y when x == y (so +0 toward -0 gives -0) */
    }
    if (ac_half_iszero(x)) {
        return (ac_half)((y & 0x8000u) | 1u);     /* smallest subnormal toward y */
    }
    /* away from zero when y is beyond x on x's side, else toward zero */
    if (ac_half_lt_nonan(x, y) == !ac_half_signbit(x)) {
        r = (ac_half)(x + 1u);
    }
    else {
        r = (ac_half)(x - 1u);
    }
    if (ac_half_isinf(r)) {
        ac_set_floatstatus_overflow();
    }
    return r;
}

/* NumPy's spacing for halfs: the distance from h to the next half toward
   +inf (positive for every finite h, unlike ac_spacing's sign rule), inf
   (raising overflow) for the largest half, nan for inf and nan. */
static inline ac_half ac_half_spacing(ac_half h)
{
    ac_half n;
    if (!ac_half_isfinite(h)) {
        return AC_HALF_NAN;
    }
    if (h == AC_MAX_HALF) {
        ac_set_floatstatus_overflow();
        return AC_HALF_PINF;
    }
    n = ac_half_nextafter(h, AC_HALF_PINF);
    return ac_float_to_half(ac_half_to_float(n) - ac_half_to_float(h));  /* exact */
}

/* ================================================================ complex */
static inline ac_cdouble ac_cpack(double re, double im)
{
    ac_cdouble z;
    z.real = re;
    z.imag = im;
    return z;
}
static inline ac_cfloat ac_cpackf(float re, float im)
{
    ac_cfloat z;
    z.real = re;
    z.imag = im;
    return z;
}
static inline double ac_creal(ac_cdouble z) { return z.real; }
static inline double ac_cimag(ac_cdouble z) { return z.imag; }
static inline float ac_crealf(ac_cfloat z) { return z.real; }
static inline float ac_cimagf(ac_cfloat z) { return z.imag; }
static inline void ac_csetreal(ac_cdouble *z, double v) { z->real = v; }
static inline void ac_csetimag(ac_cdouble *z, double v) { z->imag = v; }
static inline void ac_csetrealf(ac_cfloat *z, float v) { z->real = v; }
static inline void ac_csetimagf(ac_cfloat *z, float v) { z->imag = v; }

/* Conversions between the struct types and the language's complex types. */
#ifdef __cplusplus
typedef std::complex<double> ac__cxd;
typedef std::complex<float> ac__cxf;
static inline ac__cxd ac__tocx(ac_cdouble z) { return ac__cxd(z.real, z.imag); }
static inline ac__cxf ac__tocxf(ac_cfloat z) { return ac__cxf(z.real, z.imag); }
static inline ac_cdouble ac__fromcx(ac__cxd c) { return ac_cpack(c.real(), c.imag()); }
static inline ac_cfloat ac__fromcxf(ac__cxf c) { return ac_cpackf(c.real(), c.imag()); }
#define AC__CX(cname, cppname) std::cppname
#else
typedef double _Complex ac__cxd;
typedef float _Complex ac__cxf;
static inline ac__cxd ac__tocx(ac_cdouble z)
{
    ac__cxd c;
    memcpy(&c, &z, sizeof(c));                    /* same layout (C99 6.2.5) */
    return c;
}
static inline ac__cxf ac__tocxf(ac_cfloat z)
{
    ac__cxf c;
    memcpy(&c, &z, sizeof(c));
    return c;
}
static inline ac_cdouble ac__fromcx(ac__cxd c)
{
    ac_cdouble z;
    memcpy(&z, &c, sizeof(z));
    return z;
}
static inline ac_cfloat ac__fromcxf(ac__cxf c)
{
    ac_cfloat z;
    memcpy(&z, &c, sizeof(z));
    return z;
}
#if defined(__GNUC__) || defined(__clang__)
/* the compiler's builtins: no <complex.h>, so no `I`/`complex` macros and no
   cexp, cpow, ... declared in the consumer's namespace */
#define AC__CX(cname, cppname) __builtin_##cname
#else
#define AC__CX(cname, cppname) cname
#endif
#endif

#define AC__CFUNC(acname, cname, cppname)                                     \
    static inline ac_cdouble acname(ac_cdouble z)                             \
        { return ac__fromcx(AC__CX(cname, cppname)(ac__tocx(z))); }            \
    static inline ac_cfloat acname##f(ac_cfloat z)                            \
        { return ac__fromcxf(AC__CX(cname##f, cppname)(ac__tocxf(z))); }

AC__CFUNC(ac_cexp, cexp, exp)
AC__CFUNC(ac_clog, clog, log)
AC__CFUNC(ac_csqrt, csqrt, sqrt)
AC__CFUNC(ac_csin, csin, sin)
AC__CFUNC(ac_ccos, ccos, cos)
AC__CFUNC(ac_ctan, ctan, tan)
AC__CFUNC(ac_csinh, csinh, sinh)
AC__CFUNC(ac_ccosh, ccosh, cosh)
AC__CFUNC(ac_ctanh, ctanh, tanh)
AC__CFUNC(ac_casin, casin, asin)
AC__CFUNC(ac_cacos, cacos, acos)
AC__CFUNC(ac_catan, catan, atan)
AC__CFUNC(ac_casinh, casinh, asinh)
AC__CFUNC(ac_cacosh, cacosh, acosh)
AC__CFUNC(ac_catanh, catanh, atanh)
#undef AC__CFUNC

static inline double ac_cabs(ac_cdouble z) { return ac_hypot(z.real, z.imag); }
static inline float ac_cabsf(ac_cfloat z) { return ac_hypotf(z.real, z.imag); }
static inline double ac_carg(ac_cdouble z) { return ac_atan2(z.imag, z.real); }
static inline float ac_cargf(ac_cfloat z) { return ac_atan2f(z.imag, z.real); }

/* Products and quotients as NumPy's complex multiply and divide compute them
   (the quotient by Smith's method, scaled against overflow). */
#define AC__CMULDIV(T, CT, sfx)                                               \
static inline CT ac__cmul##sfx(CT a, CT b)                                    \
{                                                                             \
    return ac_cpack##sfx(a.real * b.real - a.imag * b.imag,                   \
                         a.real * b.imag + a.imag * b.real);                  \
}                                                                             \
static inline CT ac__cdiv##sfx(CT a, CT b)                                    \
{                                                                             \
    T abr = ac_fabs##sfx(b.real), abi = ac_fabs##sfx(b.imag), rat, scl;       \
    if (abr >= abi) {                                                         \
        if (abr == 0 && abi == 0) {                                           \
            return ac_cpack##sfx(a.real / abr, a.imag / abi);                 \
        }                                                                     \
        rat = b.imag / b.real;                                                \
        scl = (T)1.0 / (b.real + b.imag * rat);                               \
        return ac_cpack##sfx((a.real + a.imag * rat) * scl,                   \
                             (a.imag - a.real * rat) * scl);                  \
    }                                                                         \
    rat = b.real / b.imag;                                                    \
    scl = (T)1.0 / (b.imag + b.real * rat);                                   \
    return ac_cpack##sfx((a.real * rat + a.imag) * scl,                       \
                         (a.imag * rat - a.real) * scl);                      \
}
AC__CMULDIV(double, ac_cdouble, )
AC__CMULDIV(float, ac_cfloat, f)
#undef AC__CMULDIV

/* a ** b with NumPy's rules: anything ** 0 is 1; 0 ** b is 0 for real b > 0
   and nan (raising invalid) otherwise; integral real exponents |n| < 100 by
   repeated squaring (exact for small Gaussian integers); else the C library's
   cpow. */
#define AC__CPOW(T, CT, sfx, cfn, cppfn)                                      \
static inline CT ac_cpow##sfx(CT a, CT b)                                     \
{                                                                             \
    T br = b.real, bi = b.imag;                                               \
    if (br == 0 && bi == 0) {                                                 \
        return ac_cpack##sfx(1, 0);                                           \
    }                                                                         \
    if (a.real == 0 && a.imag == 0) {                                         \
        if (br > 0 && bi == 0) {                                              \
            return ac_cpack##sfx(0, 0);                                       \
        }                                                                     \
        ac_set_floatstatus_invalid();                                         \
        return ac_cpack##sfx((T)AC_NAN, (T)AC_NAN);                           \
    }                                                                         \
    if (bi == 0 && br == ac_floor##sfx(br) && br > -100 && br < 100) {        \
        int n = (int)br, k = n < 0 ? -n : n;                                  \
        CT acc = ac_cpack##sfx(1, 0), p = a;                                  \
        if (n == 1) {                                                         \
            return a;                                                         \
        }                                                                     \
        if (n == 2) {                                                         \
            return ac__cmul##sfx(a, a);                                       \
        }                                                                     \
        if (n == 3) {                                                         \
            return ac__cmul##sfx(ac__cmul##sfx(a, a), a);                     \
        }                                                                     \
        for (;;) {                                                            \
            if (k & 1) {                                                      \
                acc = ac__cmul##sfx(acc, p);                                  \
            }                                                                 \
            k >>= 1;                                                          \
            if (k == 0) {                                                     \
                break;                                                        \
            }                                                                 \
            p = ac__cmul##sfx(p, p);                                          \
        }                                                                     \
        if (n < 0) {                                                          \
            acc = ac__cdiv##sfx(ac_cpack##sfx(1, 0), acc);                    \
        }                                                                     \
        return acc;                                                           \
    }                                                                         \
    return ac__fromcx##sfx(AC__CX(cfn, cppfn)(ac__tocx##sfx(a),               \
                                              ac__tocx##sfx(b)));             \
}
AC__CPOW(double, ac_cdouble, , cpow, pow)
AC__CPOW(float, ac_cfloat, f, cpowf, pow)
#undef AC__CPOW

/* ======================================================= NumPy-style helpers */
#define AC__REALHELPERS(T, sfx, LN2, LOG2E, PI, NAN_)                         \
/* log(exp(x) + exp(y)) without overflow */                                  \
static inline T ac_logaddexp##sfx(T x, T y)                                   \
{                                                                             \
    T d;                                                                      \
    if (x == y) {                    /* also both +inf or both -inf */       \
        return x + LN2;                                                       \
    }                                                                         \
    d = x - y;                                                                \
    if (d > 0) {                                                              \
        return x + ac_log1p##sfx(ac_exp##sfx(-d));                            \
    }                                                                         \
    if (d <= 0) {                                                             \
        return y + ac_log1p##sfx(ac_exp##sfx(d));                             \
    }                                                                         \
    return d;                        /* a nan */                             \
}                                                                             \
/* log2(2**x + 2**y) without overflow */                                     \
static inline T ac_logaddexp2##sfx(T x, T y)                                  \
{                                                                             \
    T d;                                                                      \
    if (x == y) {                                                             \
        return x + 1;                                                         \
    }                                                                         \
    d = x - y;                                                                \
    if (d > 0) {                                                              \
        return x + LOG2E * ac_log1p##sfx(ac_exp2##sfx(-d));                   \
    }                                                                         \
    if (d <= 0) {                                                             \
        return y + LOG2E * ac_log1p##sfx(ac_exp2##sfx(d));                    \
    }                                                                         \
    return d;                                                                 \
}                                                                             \
static inline T ac_deg2rad##sfx(T x) { return x * (PI / 180); }               \
static inline T ac_rad2deg##sfx(T x) { return x * (180 / PI); }               \
/* Python's divmod for floats: returns floor(a / b) and stores in *mod the  */\
/* remainder a - b * floor(a / b), which has b's sign (or is zero with b's  */\
/* sign); computed from fmod so that the pair is consistent. */              \
static inline T ac_divmod##sfx(T a, T b, T *mod)                              \
{                                                                             \
    T m = ac_fmod##sfx(a, b), q, fq;                                          \
    if (b == 0) {                                                             \
        *mod = m;                    /* nan */                               \
        return a / b;                                                         \
    }                                                                         \
    q = (a - m) / b;                 /* nearly an integer */                 \
    if (m != 0) {                                                             \
        if ((b < 0) != (m < 0)) {    /* move the remainder to b's side */    \
            m += b;                                                           \
            q -= 1;                                                           \
        }                                                                     \
    }                                                                         \
    else {                                                                    \
        m = ac_copysign##sfx(0, b);                                           \
    }                                                                         \
    if (q != 0) {                                                             \
        fq = ac_floor##sfx(q);                                                \
        if (q - fq > (T)0.5) {       /* q was just below an integer */       \
            fq += 1;                                                          \
        }                                                                     \
    }                                                                         \
    else {                                                                    \
        fq = ac_copysign##sfx(0, a / b);                                      \
    }                                                                         \
    *mod = m;                                                                 \
    return fq;                                                                \
}                                                                             \
/* floor(a / b) as Python's // computes it for floats */                     \
static inline T ac_floor_divide##sfx(T a, T b)                                \
{                                                                             \
    T m;                                                                      \
    if (b == 0) {                                                             \
        return a / b;                /* +-inf, or nan for 0 / 0 */           \
    }                                                                         \
    return ac_divmod##sfx(a, b, &m);                                          \
}                                                                             \
/* a - b * floor(a / b) (Python's %), with b's sign */                       \
static inline T ac_remainder##sfx(T a, T b)                                   \
{                                                                             \
    T m;                                                                      \
    if (b == 0) {                                                             \
        return ac_fmod##sfx(a, b);   /* nan */                               \
    }                                                                         \
    ac_divmod##sfx(a, b, &m);                                                 \
    return m;                                                                 \
}
AC__REALHELPERS(double, , AC_LOGE2, AC_LOG2E, AC_PI, AC_NAN)
AC__REALHELPERS(float, f, AC_LOGE2f, AC_LOG2Ef, AC_PIf, AC_NANF)
#undef AC__REALHELPERS

#endif /* ARRAYCORE_ACMATH_H */
