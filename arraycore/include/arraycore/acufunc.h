/*
 * arraycore/acufunc.h -- the ufunc types of the C-API: the generic inner
 * loop signature, identity constants, and the interrupt macros.
 * Included by arraycore/arraycore.h; the functions are in the API table.
 */
#ifndef ARRAYCORE_ACUFUNC_H
#define ARRAYCORE_ACUFUNC_H

#include "arraycore/actypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An inner loop: n = dimensions[0] elements; args[i] points at operand i
 * (inputs then outputs) and advances by steps[i] bytes.  Generalized ufunc
 * loops also get the core dimension sizes in dimensions[1:] and the core
 * strides in steps[nargs:].  Loops run without the GIL. */
typedef void (*ACUFuncGenericFunction)(char **args, const ac_intp *dimensions,
                                       const ac_intp *steps, void *data);

/* Identities (the values of NumPy's PyUFunc_Zero ... constants). */
#define ACUFunc_Zero 0
#define ACUFunc_One 1
#define ACUFunc_MinusOne 2
#define ACUFunc_None (-1)
#define ACUFunc_ReorderableNone (-2)
#define ACUFunc_IdentityValue (-3)

/* Interrupts: a long loop between AC_SIGINT_ON and AC_SIGINT_OFF polls
 * AC_SIGINT_PENDING() and stops early when it is true; AC_SIGINT_OFF gives
 * the interrupt back to Python, which raises KeyboardInterrupt.  Call ON and
 * OFF with the GIL held (the loop in between may release it):
 *
 *     AC_SIGINT_ON
 *     Py_BEGIN_ALLOW_THREADS
 *     for (i = 0; i < n && !AC_SIGINT_PENDING(); i++) { ... }
 *     Py_END_ALLOW_THREADS
 *     AC_SIGINT_OFF
 *
 * Unlike NumPy's setjmp-based macros nothing jumps: the loop decides where it
 * is safe to stop, so no memory is leaked and no state is left half-written.
 */
#define AC_SIGINT_ON { ACUFunc_SigintOn();
#define AC_SIGINT_OFF ACUFunc_SigintOff(); }
#define AC_SIGINT_PENDING() ACUFunc_SigintPending()

#ifdef __cplusplus
}
#endif
#endif
