/*
 * arraycore/acufunc.h -- the ufunc types of the C-API: the generic inner
 * loop signature, identity constants, and the interrupt macros.
 * Included by arraycore/arraycore.h; the functions are in the API table.
 */
#ifndef ARRAYCORE_ACUFUNC_H
#define ARRAYCORE_ACUFUNC_H

#include "arraycore/actypes.h"
#include "arraycore/acmath.h"

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


/* Generic helper loops (NumPy's PyUFunc_d_d ... family): pass one of these as
 * the loop and the scalar function as its `data`:
 *     ACUFunc_d_d:  data is double (*)(double)
 *     ACUFunc_dd_d: data is double (*)(double, double)
 *     ACUFunc_f_f_As_d_d: float data computed by a double function
 *     ACUFunc_e_e_As_f_f / _As_d_d: float16 data computed in float / double
 *     ACUFunc_D_D:  data is void (*)(const ac_cdouble *in, ac_cdouble *out)
 *     ACUFunc_DD_D: data is void (*)(const ac_cdouble *, const ac_cdouble *, ac_cdouble *)
 */
#define _AC_UNARY_LOOP(NAME, TIN, TOUT, FT, CALL)                              \
static inline void NAME(char **args, const ac_intp *dimensions,               \
                        const ac_intp *steps, void *func)                     \
{                                                                             \
    ac_intp i, n = dimensions[0];                                             \
    char *ip = args[0], *op = args[1];                                        \
    FT f = (FT)func;                                                          \
    for (i = 0; i < n; i++, ip += steps[0], op += steps[1]) {                 \
        TIN x = *(const TIN *)ip;                                             \
        *(TOUT *)op = CALL;                                                   \
    }                                                                         \
}
#define _AC_BINARY_LOOP(NAME, TIN, TOUT, FT, CALL)                             \
static inline void NAME(char **args, const ac_intp *dimensions,               \
                        const ac_intp *steps, void *func)                     \
{                                                                             \
    ac_intp i, n = dimensions[0];                                             \
    char *ip1 = args[0], *ip2 = args[1], *op = args[2];                       \
    FT f = (FT)func;                                                          \
    for (i = 0; i < n; i++, ip1 += steps[0], ip2 += steps[1], op += steps[2]) { \
        TIN x = *(const TIN *)ip1, y = *(const TIN *)ip2;                     \
        *(TOUT *)op = CALL;                                                   \
    }                                                                         \
}
typedef double (*ACUFunc_dfunc1)(double);
typedef double (*ACUFunc_dfunc2)(double, double);
typedef float (*ACUFunc_ffunc1)(float);
typedef float (*ACUFunc_ffunc2)(float, float);
typedef void (*ACUFunc_Dfunc1)(const ac_cdouble *, ac_cdouble *);
typedef void (*ACUFunc_Dfunc2)(const ac_cdouble *, const ac_cdouble *, ac_cdouble *);
typedef void (*ACUFunc_Ffunc1)(const ac_cfloat *, ac_cfloat *);
typedef void (*ACUFunc_Ffunc2)(const ac_cfloat *, const ac_cfloat *, ac_cfloat *);

_AC_UNARY_LOOP(ACUFunc_d_d, double, double, ACUFunc_dfunc1, f(x))
_AC_UNARY_LOOP(ACUFunc_f_f, float, float, ACUFunc_ffunc1, f(x))
_AC_UNARY_LOOP(ACUFunc_f_f_As_d_d, float, float, ACUFunc_dfunc1, (float)f((double)x))
_AC_UNARY_LOOP(ACUFunc_e_e_As_f_f, ac_uint16, ac_uint16, ACUFunc_ffunc1,
               ac_float_to_half(f(ac_half_to_float(x))))
_AC_UNARY_LOOP(ACUFunc_e_e_As_d_d, ac_uint16, ac_uint16, ACUFunc_dfunc1,
               ac_double_to_half(f(ac_half_to_double(x))))
_AC_BINARY_LOOP(ACUFunc_dd_d, double, double, ACUFunc_dfunc2, f(x, y))
_AC_BINARY_LOOP(ACUFunc_ff_f, float, float, ACUFunc_ffunc2, f(x, y))
_AC_BINARY_LOOP(ACUFunc_ff_f_As_dd_d, float, float, ACUFunc_dfunc2,
                (float)f((double)x, (double)y))
_AC_BINARY_LOOP(ACUFunc_ee_e_As_ff_f, ac_uint16, ac_uint16, ACUFunc_ffunc2,
                ac_float_to_half(f(ac_half_to_float(x), ac_half_to_float(y))))
_AC_BINARY_LOOP(ACUFunc_ee_e_As_dd_d, ac_uint16, ac_uint16, ACUFunc_dfunc2,
                ac_double_to_half(f(ac_half_to_double(x), ac_half_to_double(y))))

#define _AC_CUNARY_LOOP(NAME, T, FT)                                            \
static inline void NAME(char **args, const ac_intp *dimensions,               \
                        const ac_intp *steps, void *func)                     \
{                                                                             \
    ac_intp i, n = dimensions[0];                                             \
    char *ip = args[0], *op = args[1];                                        \
    FT f = (FT)func;                                                          \
    for (i = 0; i < n; i++, ip += steps[0], op += steps[1]) {                 \
        T x = *(const T *)ip, r;                                              \
        f(&x, &r);                                                            \
        *(T *)op = r;                                                         \
    }                                                                         \
}
#define _AC_CBINARY_LOOP(NAME, T, FT)                                           \
static inline void NAME(char **args, const ac_intp *dimensions,               \
                        const ac_intp *steps, void *func)                     \
{                                                                             \
    ac_intp i, n = dimensions[0];                                             \
    char *ip1 = args[0], *ip2 = args[1], *op = args[2];                       \
    FT f = (FT)func;                                                          \
    for (i = 0; i < n; i++, ip1 += steps[0], ip2 += steps[1], op += steps[2]) { \
        T x = *(const T *)ip1, y = *(const T *)ip2, r;                        \
        f(&x, &y, &r);                                                        \
        *(T *)op = r;                                                         \
    }                                                                         \
}
_AC_CUNARY_LOOP(ACUFunc_D_D, ac_cdouble, ACUFunc_Dfunc1)
_AC_CUNARY_LOOP(ACUFunc_F_F, ac_cfloat, ACUFunc_Ffunc1)
_AC_CBINARY_LOOP(ACUFunc_DD_D, ac_cdouble, ACUFunc_Dfunc2)
_AC_CBINARY_LOOP(ACUFunc_FF_F, ac_cfloat, ACUFunc_Ffunc2)

#ifdef __cplusplus
}
#endif
#endif
