/*
 * ac_intcmp.h -- exact comparison loops between a signed integer operand
 * (int8/16/32/64) and a uint64 operand: no common integer type holds both,
 * so each element is compared by sign first, then as uint64 (NumPy 2's
 * results).  Called from _ufunc.pyx (_exact_int_compare), driven by
 * ac_ufunc_run like any inner loop (strides and broadcasting there).
 */
#ifndef ARRAYCORE_AC_INTCMP_H
#define ARRAYCORE_AC_INTCMP_H
#include "ac_internal.h"
#include "arraycore/acufunc.h"

/* Comparison codes (the order of _ufunc.pyx's table). */
enum { AC_ICMP_EQ = 0, AC_ICMP_NE, AC_ICMP_LT, AC_ICMP_LE, AC_ICMP_GT, AC_ICMP_GE,
       AC_ICMP_N };

/* The inner loop for `op` (AC_ICMP_*) with operands (args[0], args[1]) ->
 * bool args[2], where the signed operand has `signed_size` bytes (1, 2, 4
 * or 8) and is args[0] when signed_left, else args[1] (the other is uint64).
 * Operands must be native and aligned.  NULL for an unknown combination. */
AC_EXPORT ACUFuncGenericFunction ac_intcmp_loop(int op, int signed_size, int signed_left);
#endif
