/*
 * ac_internal.h -- private C declarations shared by arraycore's C sources and
 * Cython modules (never installed): the dense type index used by the loop
 * tables, the aligned allocator, the N-d strided loop driver (ac_driver.h),
 * copies and casts (ac_copy.c).  The C core handles no Python objects; it
 * sees Python's headers only through the public struct layouts of
 * actypes.h, and calls Python only for tracemalloc (ac_alloc.c) and to hand
 * a caught SIGINT on (ac_driver.c).
 */
#ifndef ARRAYCORE_AC_INTERNAL_H
#define ARRAYCORE_AC_INTERNAL_H

#include "arraycore/actypes.h"
#include "ac_export.h"

/* Dense type index ACX_* (in promotion order: the key of every loop table),
 * ACX_NTYPES and ACX_CHARS: generated at build time from tools/dtype_table.py. */
#include "ac_dtypes.h"

/* ---- allocation: 64-byte aligned, visible to tracemalloc ------------ */
#define AC_DATA_ALIGNMENT 64
AC_EXPORT void *ac_data_alloc(size_t nbytes, int zero);
AC_EXPORT void ac_data_free(void *ptr);
#define AC_TRACEMALLOC_DOMAIN 389047

/* ---- half precision and the rest of the core math library ----------
 * ac_float_to_half, ac_half_to_float, ... are the public inline functions
 * of <arraycore/acmath.h> (their one home). */
#include "arraycore/acmath.h"

/* ---- the N-d strided loop driver, the SIGINT flag, the loop error -- */
#include "ac_driver.h"
#include "ac_size.h"

/* ---- casts and copies -----------------------------------------------
 * A strided 1-d cast between two types given by dense index, with the
 * source and destination in native byte order and aligned. */
typedef void (*ac_cast_fn)(const char *src, ac_intp sstride,
                           char *dst, ac_intp dstride, ac_intp n);
extern ac_cast_fn ac_cast_table[ACX_NTYPES][ACX_NTYPES];

/* Description of one operand of a copy: dense type index, itemsize, whether
 * its bytes are swapped relative to the machine and whether it is aligned. */
typedef struct {
    int tidx;
    int itemsize;
    int swapped;
    int aligned;
} ac_opinfo;

/* Copy (and cast) `src` into `dst` over an N-d space: both operands have
 * shape `shape` (broadcast strides of 0 allowed on src).  Handles byte
 * order, alignment and type conversion; needs no GIL.  Returns 0, -1 on
 * allocation failure or bad arguments (no exception set), or
 * AC_DRIVE_INTERRUPTED when a Ctrl-C stopped it (ac_sigint_on). */
AC_EXPORT int ac_copy_nd(int ndim, const ac_intp *shape,
               char *dst, const ac_intp *dst_strides, const ac_opinfo *dinfo,
               const char *src, const ac_intp *src_strides, const ac_opinfo *sinfo);

/* Swap the bytes of n items of size `itemsize` (complex: per component). */
AC_EXPORT void ac_byteswap(char *p, ac_intp stride, ac_intp n, int itemsize, int is_complex);

#endif
