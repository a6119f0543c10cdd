/*
 * arraycore/arraycore.h -- the arraycore C-API.  Include this one header:
 *
 *     #include <arraycore/arraycore.h>
 *
 * with the include directory from arraycore.get_include(),
 * `arraycore-config --cflags` or pkg-config's `arraycore` package.
 *
 *   acconfig.h     system configuration (type sizes, byte order, version)
 *   actypes.h      C types, type numbers, flags, object layouts, inline accessors
 *   acapitypes.h   ACArray_Dims and small inline helpers
 *   aciter.h       iterator types, flags and macros (ACIter, ACArray_ITER_*, ...)
 *   acfft.h        the FFT plan type and constants (ACFFT_Plan, AC_FFT_*)
 *   _ac_api.h      (generated) the function table: AC_ABI_VERSION,
 *                  AC_API_VERSION, import_arraycore(), every ACArray_* entry
 *   aciter_api.h   iterator helpers on the table (ACArray_MultiIterNew)
 *
 * The entries import the table on first use; calling import_arraycore() in
 * module init is optional (it reports a broken installation early).
 * Options: AC_TARGET_VERSION, AC_NO_DEPRECATED_API (see _ac_api.h).
 */
#ifndef ARRAYCORE_ARRAYCORE_H
#define ARRAYCORE_ARRAYCORE_H

#include <Python.h>
#include "arraycore/acconfig.h"
#include "arraycore/actypes.h"
#include "arraycore/acapitypes.h"
#include "arraycore/aciter.h"
#include "arraycore/acfft.h"
#include "arraycore/acufunc.h"
#include "arraycore/_ac_api.h"
#include "arraycore/aciter_api.h"

#endif /* ARRAYCORE_ARRAYCORE_H */
