/* arraycore/src/ac_size.h -- THE overflow-checked size arithmetic of the
 * package: every size, length, extent and byte count that is computed from
 * user-controlled numbers (shapes, strides, slice steps, bounds) goes through
 * these.  Each returns 0 and stores the result, or returns -1 (result left
 * unspecified) when it does not fit in ac_intp.  The Cython side is
 * _core.pyx's size_mul/size_add/size_sub (ValueError on overflow); the C
 * kernels call these directly.  Header-only, no Python. */
#ifndef AC_SIZE_H
#define AC_SIZE_H

#include <stddef.h>
#include "arraycore/actypes.h"

static inline int ac_size_mul(ac_intp a, ac_intp b, ac_intp *out)
{
    return __builtin_mul_overflow(a, b, out) ? -1 : 0;
}

static inline int ac_size_add(ac_intp a, ac_intp b, ac_intp *out)
{
    return __builtin_add_overflow(a, b, out) ? -1 : 0;
}

static inline int ac_size_sub(ac_intp a, ac_intp b, ac_intp *out)
{
    return __builtin_sub_overflow(a, b, out) ? -1 : 0;
}

#endif
