/*
 * arraycore/acfft.h -- the FFT engine's public C types and constants: the
 * opaque plan (ACFFT_Plan) and the numbers the ACFFT_* entries of the C-API
 * take and return.  Part of the public C-API: include <arraycore/arraycore.h>.
 * Needs nothing from the API table; the engine itself lives in libaccore
 * (src/ac_fft.c), whose private header includes this one.
 */
#ifndef ARRAYCORE_ACFFT_H
#define ARRAYCORE_ACFFT_H

#ifdef __cplusplus
extern "C" {
#endif

/* kinds of transform */
#define AC_FFT_C2C 0   /* complex -> complex: n points in and out            */
#define AC_FFT_R2C 1   /* n real points -> n/2+1 complex (always forward)    */
#define AC_FFT_C2R 2   /* n/2+1 complex (Hermitian half) -> n real (backward) */

/* precisions: complex = two reals of this precision, interleaved */
#define AC_FFT_DOUBLE 0
#define AC_FFT_FLOAT 1

/* return values of ACFFT_Execute besides 0 (no exception is set: it runs
   without the GIL) */
#define AC_FFT_EBADARGS (-1)   /* NULL plan or howmany < 0              */
#define AC_FFT_EINTR (-2)      /* Ctrl-C seen (inside AC_SIGINT_ON)     */
#define AC_FFT_ENOMEM (-3)     /* a work buffer could not be allocated  */

/* A plan: one transform kind, precision and length, reusable from any number
   of threads at once.  Made by ACFFT_PlanNew, released by ACFFT_PlanFree. */
typedef struct ACFFT_PlanInternal ACFFT_Plan;

#ifdef __cplusplus
}
#endif

#endif /* ARRAYCORE_ACFFT_H */
