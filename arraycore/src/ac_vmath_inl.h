/*
 * ac_vmath_inl.h -- what the vector math kernels (ac_vmath.c, ac_vpow.c)
 * share: bit casts, the block size, the AVX-512 target and the
 * floating-point flag fix-up.  Private to those files.
 */
#ifndef ARRAYCORE_AC_VMATH_INL_H
#define ARRAYCORE_AC_VMATH_INL_H

#include <string.h>
#include "arraycore/acmath.h"
#include "ac_cpu.h"

#define AC_VI static inline __attribute__((always_inline))

AC_VI ac_uint64 d2u(double d)
{
    ac_uint64 u;
    memcpy(&u, &d, sizeof(u));
    return u;
}
AC_VI double u2d(ac_uint64 u)
{
    double d;
    memcpy(&d, &u, sizeof(d));
    return d;
}
AC_VI ac_uint32 f2u(float f)
{
    ac_uint32 u;
    memcpy(&u, &f, sizeof(u));
    return u;
}
AC_VI float u2f(ac_uint32 u)
{
    float f;
    memcpy(&f, &u, sizeof(f));
    return f;
}

/* ---- floating-point flags -------------------------------------------
 * The kernels' selects give the special values without the flags libm would
 * raise (the compiler may fold them, and may use signaling compares on nan
 * lanes).  So each loop also collects, by an OR reduction, the flags its
 * inputs call for, and the entry points leave exactly those raised on top
 * of the ones that were raised before the call (inexact aside). */
#define VF_DIVZERO AC__FE_DIVBYZERO
#define VF_OVERFLOW AC__FE_OVERFLOW
#define VF_UNDERFLOW AC__FE_UNDERFLOW
#define VF_INVALID AC__FE_INVALID

/* Run `call` with the flag fix-up described above. */
/* a requested dispatch level (the *_at_level test entries), within what
 * this CPU has */
static inline int ac_vmath_clamp_level(int level)
{
    int cap = ac_cpu_level();
    return level > cap ? cap : level < AC_CPU_BASELINE ? AC_CPU_BASELINE : level;
}

/* The kernels compute with SSE/AVX only, so on x86-64 their flags are the
 * MXCSR's, whose status bits are the FE_* values: reading it alone costs
 * 6 ns where fetestexcept (x87 status word + MXCSR) costs 11, and clearing
 * bits in it 9 ns where feclearexcept (x87 environment save/restore) costs
 * 66 (measured on Zen 4): a tenth of exp's whole call at n = 8. */
#if defined(__x86_64__) && defined(__SSE__)
#include <xmmintrin.h>
_Static_assert(FE_INVALID == 0x01 && FE_DIVBYZERO == 0x04 && FE_OVERFLOW == 0x08 &&
               FE_UNDERFLOW == 0x10, "FE_* flags are the MXCSR status bits");
AC_VI int ac_vf_flags(void) { return (int)(_mm_getcsr() & AC__FE_ALL); }
AC_VI void ac_vf_clear(int f) { _mm_setcsr(_mm_getcsr() & ~(unsigned)f); }
/* (glibc's feraiseexcept sets overflow and underflow in the x87 status word,
 * which these reads do not see: raise them in the MXCSR too) */
AC_VI void ac_vf_raise(int f) { _mm_setcsr(_mm_getcsr() | (unsigned)f); }
#else
AC_VI int ac_vf_flags(void) { return fetestexcept(AC__FE_ALL); }
AC_VI void ac_vf_clear(int f) { feclearexcept(f); }
AC_VI void ac_vf_raise(int f) { feraiseexcept(f); }
#endif

#define AC_WITH_FLAGS(call)                                                 \
    do {                                                                    \
        int before_ = ac_vf_flags(), now_, want_;                           \
        want_ = (int)(call);                                                \
        now_ = ac_vf_flags();                                               \
        if (now_ & ~before_ & ~want_) {                                     \
            ac_vf_clear(now_ & ~before_ & ~want_);                          \
        }                                                                   \
        if (want_ & ~now_) {                                                \
            ac_vf_raise(want_ & ~now_);                                     \
        }                                                                   \
    } while (0)

/* Inputs are processed in blocks of AC_VBLOCK elements (see the loops). */
#define AC_VBLOCK 512

#if AC_HAVE_DISPATCH
#define AC_VTARGET_512 __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,prefer-vector-width=512")))
#else
#define AC_VTARGET_512
#endif

#endif
