/*
 * ac_fft.h -- private: arraycore's FFT engine (src/ac_fft.c, compiled into
 * libaccore).  Plain C, no Python objects, callable without the GIL.
 *
 * Complex transforms of any length n >= 1 (mixed-radix Stockham passes of
 * radix 2, 3, 4, 5, 7 and any odd radix; Bluestein's chirp-z for lengths
 * with a large prime factor), real transforms through a half-length complex
 * transform, in double and in single precision.  Plans are cached per
 * (length, real/complex, precision) in a bounded cache behind a mutex.
 *
 * ac_fft_execute runs one transform along one axis of a strided N-d space:
 * the other (outer) dimensions are the batch, visited in blocks of lanes that
 * are gathered into contiguous buffers (so axis 0 of a C array reads whole
 * cache lines), optionally split into at most `nthreads` pieces run on the
 * process-wide pool (ac_pool.h), with ac_sigint_flag
 * polled between blocks.
 */
#ifndef ARRAYCORE_AC_FFT_H
#define ARRAYCORE_AC_FFT_H

#include "arraycore/actypes.h"
#include "ac_export.h"

/* AC_FFT_C2C/R2C/C2R, AC_FFT_DOUBLE/FLOAT, the AC_FFT_E* codes and the
 * opaque plan type: the public header (the C-API's ACFFT_* entries use them) */
#include "arraycore/acfft.h"

/* More precisions for ac_fft_execute (not a plan's): single-precision data
 * computed with the double plan, in cache-sized blocks of lanes widened to
 * double and rounded once into the output (arraycore.fft's single-precision
 * transforms: the error of rounding the exact result, ~0.2 ulp RMS).  _IN:
 * single input, double output; _OUT: double input, single output (the first
 * and last passes of an n-d transform, whose intermediates stay double). */
#define AC_FFT_FLOAT_WIDE 2
#define AC_FFT_FLOAT_IN 3
#define AC_FFT_FLOAT_OUT 4

/*
 * One transform of length n along one axis.
 *   kind, prec (AC_FFT_DOUBLE, AC_FFT_FLOAT or AC_FFT_FLOAT_*), forward
 *   (sign -1 when non-zero, +1 otherwise; R2C is always forward and C2R
 *   always backward), fct: the scale applied to the result.
 *   nouter, outer[nouter], istr[nouter], ostr[nouter]: the batch dimensions
 *   (byte strides of input and output).
 *   in, iax (byte stride along the axis), nin: elements available along the
 *   axis (the input is cropped to, or zero-padded up to, what the transform
 *   reads: n for C2C/R2C, n/2+1 for C2R).
 *   out, oax: the output along the axis (n, n/2+1 or n elements).
 * in and out may be the same memory with the same layout (in place).
 * Data must be native and aligned (complex = two reals).
 */
AC_EXPORT int ac_fft_execute(int kind, int prec, int forward, ac_intp n, double fct,
                             int nouter, const ac_intp *outer,
                             const char *in, const ac_intp *istr, ac_intp iax, ac_intp nin,
                             char *out, const ac_intp *ostr, ac_intp oax,
                             int nthreads);

/* The plan cache: drop every cached plan (plans in use stay alive until
 * their last user is done); the number of cached plans. */
AC_EXPORT void ac_fft_cache_clear(void);
AC_EXPORT int ac_fft_cache_size(void);

/* Opaque plans for C callers (plan once, execute many times on strided
 * 1-d data).  ac_fft_plan_new returns NULL for bad arguments or no memory. */
typedef ACFFT_Plan ac_fft_plan;
AC_EXPORT ac_fft_plan *ac_fft_plan_new(int kind, int prec, ac_intp n);
AC_EXPORT void ac_fft_plan_free(ac_fft_plan *p);
/* howmany transforms, input k at in + k*idist, its elements iax apart (bytes),
 * likewise the output; returns 0 or an AC_FFT_E* code. */
AC_EXPORT int ac_fft_plan_execute(const ac_fft_plan *p, int forward, double fct, ac_intp howmany,
                                  const char *in, ac_intp idist, ac_intp iax,
                                  char *out, ac_intp odist, ac_intp oax);

#endif
