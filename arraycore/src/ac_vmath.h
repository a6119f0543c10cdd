/*
 * ac_vmath.h -- contiguous vector kernels for exp, log (src/ac_vmath.c) and
 * pow (src/ac_vpow.c), float64 and float32, picked at run time by the SIMD
 * dispatch level (ac_cpu.h).  Internal: plain C, no Python objects.
 *
 * Each kernel maps n contiguous elements of `in` to `out`; `out` may be the
 * same pointer as `in` (not a partial overlap).  Accuracy: within 1 ulp of
 * the correctly rounded result (float32 is computed in double and rounded
 * once); IEEE special values exactly (exp: -inf -> 0, +inf -> inf, nan ->
 * nan, overflow -> inf, subnormal results rounded; log: +-0 -> -inf raising
 * divide-by-zero, negative -> nan raising invalid, inf -> inf, subnormal
 * inputs exact).  Dispatch levels differ by at most 1 ulp (FMA contraction
 * in the AVX clones).  Floating-point flags: exactly those libm raises
 * (overflow/underflow for exp, divide-by-zero/invalid for log), inexact aside.
 */
#ifndef ARRAYCORE_AC_VMATH_H
#define ARRAYCORE_AC_VMATH_H

#include "arraycore/actypes.h"
#include "ac_export.h"

AC_EXPORT void ac_vexp_f64(const double *in, double *out, ac_intp n);
AC_EXPORT void ac_vlog_f64(const double *in, double *out, ac_intp n);
AC_EXPORT void ac_vexp_f32(const float *in, float *out, ac_intp n);
AC_EXPORT void ac_vlog_f32(const float *in, float *out, ac_intp n);

/* out[i] = pow(x[i], y[i]) for n contiguous elements; out may be x or y (not
 * a partial overlap).  Accuracy: float64 within 1 ulp of the correctly
 * rounded result (double-double log, ~0.52 ulp), float32 computed in double
 * and rounded once.  Special values, overflow, underflow, subnormal x and
 * negative x: as libm's pow/powf (which computes those lanes), with the
 * flags libm raises (inexact aside). */
AC_EXPORT void ac_vpow_f64(const double *x, const double *y, double *out, ac_intp n);
AC_EXPORT void ac_vpow_f32(const float *x, const float *y, float *out, ac_intp n);

/* Tests and benchmarks: run kernel `op` (AC_VMATH_EXP_F64 ...) compiled for
 * dispatch level `level` (AC_CPU_BASELINE ...), lowered to what this CPU
 * supports.  Returns the level used, or -1 for an unknown op. */
enum { AC_VMATH_EXP_F64 = 0, AC_VMATH_LOG_F64, AC_VMATH_EXP_F32, AC_VMATH_LOG_F32,
       AC_VMATH_POW_F64, AC_VMATH_POW_F32, AC_VMATH_NOPS };
AC_EXPORT int ac_vmath_at_level(int op, int level, const void *in, void *out, ac_intp n);
/* ... the same for the two-input kernels (AC_VMATH_POW_F64, AC_VMATH_POW_F32) */
AC_EXPORT int ac_vpow_at_level(int op, int level, const void *x, const void *y, void *out,
                               ac_intp n);

#endif
