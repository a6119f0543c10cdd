/* ac_mask.h -- boolean-mask kernels of advanced indexing (see ac_mask.c). */
#ifndef ARRAYCORE_AC_MASK_H
#define ARRAYCORE_AC_MASK_H
#include "ac_internal.h"

/* The number of non-zero bytes among n contiguous bytes (a bool mask). */
AC_EXPORT ac_intp ac_mask_count(const ac_uint8 *mask, ac_intp n);

/* dst[k++] = src[i] for every i < n with mask[i] != 0: src and dst
 * contiguous, elements of `itemsize` bytes; dst holds ac_mask_count(mask, n)
 * elements.  Returns how many were written. */
AC_EXPORT ac_intp ac_mask_compress(char *dst, const char *src, const ac_uint8 *mask,
                                   ac_intp n, ac_intp itemsize);

/* The reverse: dst[i] = src[k] for every i < n with mask[i] != 0, k counting
 * the selected i (src_step 0 repeats one element: a scalar assigned to every
 * selected place; otherwise src holds src_count = the number of selected
 * places elements, src_step bytes apart).  Unselected elements are
 * rewritten with their own value. */
AC_EXPORT void ac_mask_expand(char *dst, const char *src, ac_intp src_step, ac_intp src_count,
                              const ac_uint8 *mask, ac_intp n, ac_intp itemsize);
#endif
