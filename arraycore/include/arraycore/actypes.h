/*
 * arraycore/actypes.h -- the C types, type numbers, flags and object layouts
 * of arraycore.  Part of the public C-API; include <arraycore/arraycore.h>.
 *
 * The object structs below declare only the public prefix of each object.
 * The real objects may be larger (private fields follow); never allocate
 * or copy them yourself, and prefer the accessor macros.
 */
#ifndef ARRAYCORE_ACTYPES_H
#define ARRAYCORE_ACTYPES_H

#include <Python.h>
#include <stdint.h>
#include <stddef.h>
#include "arraycore/acconfig.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- C types */
typedef Py_ssize_t ac_intp;
typedef size_t ac_uintp;
typedef unsigned char ac_bool;
typedef int8_t ac_int8;
typedef int16_t ac_int16;
typedef int32_t ac_int32;
typedef int64_t ac_int64;
typedef uint8_t ac_uint8;
typedef uint16_t ac_uint16;
typedef uint32_t ac_uint32;
typedef uint64_t ac_uint64;
typedef uint16_t ac_float16;   /* storage only: IEEE binary16 bits */
typedef uint16_t ac_half;
typedef float ac_float32;
typedef double ac_float64;
typedef struct { float real, imag; } ac_complex64;
typedef struct { double real, imag; } ac_complex128;

/* C spellings */
typedef signed char ac_byte;
typedef unsigned char ac_ubyte;
typedef short ac_short;
typedef unsigned short ac_ushort;
typedef int ac_int;
typedef unsigned int ac_uint;
typedef long ac_long;
typedef unsigned long ac_ulong;
typedef long long ac_longlong;
typedef unsigned long long ac_ulonglong;
typedef float ac_float;
typedef double ac_double;
typedef ac_complex64 ac_cfloat;
typedef ac_complex128 ac_cdouble;

#define AC_INTP_FMT "zd"
#define AC_UINTP_FMT "zu"
#define AC_MAX_INTP PY_SSIZE_T_MAX
#define AC_MIN_INTP PY_SSIZE_T_MIN

/* Maximum number of dimensions of an array. */
#define AC_MAXDIMS 64

/* ------------------------------------------------------- type numbers */
/* NumPy's numeric values, so that code and data keyed on them agree. */
enum AC_TYPES {
    AC_BOOL = 0,
    AC_BYTE = 1, AC_UBYTE = 2,
    AC_SHORT = 3, AC_USHORT = 4,
    AC_INT = 5, AC_UINT = 6,
    AC_LONG = 7, AC_ULONG = 8,
    AC_LONGLONG = 9, AC_ULONGLONG = 10,
    AC_FLOAT = 11, AC_DOUBLE = 12, AC_LONGDOUBLE = 13,
    AC_CFLOAT = 14, AC_CDOUBLE = 15, AC_CLONGDOUBLE = 16,
    AC_HALF = 23,
    AC_NOTYPE = 25
};

#define AC_INT8 AC_BYTE
#define AC_UINT8 AC_UBYTE
#define AC_INT16 AC_SHORT
#define AC_UINT16 AC_USHORT
#define AC_INT32 AC_INT
#define AC_UINT32 AC_UINT
#if AC_SIZEOF_LONG == 8
#define AC_INT64 AC_LONG
#define AC_UINT64 AC_ULONG
#else
#define AC_INT64 AC_LONGLONG
#define AC_UINT64 AC_ULONGLONG
#endif
#define AC_FLOAT16 AC_HALF
#define AC_FLOAT32 AC_FLOAT
#define AC_FLOAT64 AC_DOUBLE
#define AC_COMPLEX64 AC_CFLOAT
#define AC_COMPLEX128 AC_CDOUBLE
#if AC_SIZEOF_INTP == 8
#define AC_INTP AC_INT64
#define AC_UINTP AC_UINT64
#else
#define AC_INTP AC_INT32
#define AC_UINTP AC_UINT32
#endif

/* ------------------------------------------------------------- flags */
#define AC_ARRAY_C_CONTIGUOUS    0x0001
#define AC_ARRAY_F_CONTIGUOUS    0x0002
#define AC_ARRAY_OWNDATA         0x0004
#define AC_ARRAY_FORCECAST       0x0010
#define AC_ARRAY_ENSURECOPY      0x0020
#define AC_ARRAY_ENSUREARRAY     0x0040
#define AC_ARRAY_ELEMENTSTRIDES  0x0080
#define AC_ARRAY_ALIGNED         0x0100
#define AC_ARRAY_NOTSWAPPED      0x0200
#define AC_ARRAY_WRITEABLE       0x0400
#define AC_ARRAY_WRITEBACKIFCOPY 0x2000
#define AC_ARRAY_ENSURENOCOPY    0x4000

#define AC_ARRAY_BEHAVED      (AC_ARRAY_ALIGNED | AC_ARRAY_WRITEABLE)
#define AC_ARRAY_BEHAVED_NS   (AC_ARRAY_BEHAVED | AC_ARRAY_NOTSWAPPED)
#define AC_ARRAY_CARRAY       (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_BEHAVED)
#define AC_ARRAY_CARRAY_RO    (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_ALIGNED)
#define AC_ARRAY_FARRAY       (AC_ARRAY_F_CONTIGUOUS | AC_ARRAY_BEHAVED)
#define AC_ARRAY_FARRAY_RO    (AC_ARRAY_F_CONTIGUOUS | AC_ARRAY_ALIGNED)
#define AC_ARRAY_DEFAULT      AC_ARRAY_CARRAY
#define AC_ARRAY_IN_ARRAY     AC_ARRAY_CARRAY_RO
#define AC_ARRAY_OUT_ARRAY    AC_ARRAY_CARRAY
#define AC_ARRAY_INOUT_ARRAY  (AC_ARRAY_CARRAY | AC_ARRAY_WRITEBACKIFCOPY)
#define AC_ARRAY_IN_FARRAY    AC_ARRAY_FARRAY_RO
#define AC_ARRAY_OUT_FARRAY   AC_ARRAY_FARRAY
#define AC_ARRAY_INOUT_FARRAY (AC_ARRAY_FARRAY | AC_ARRAY_WRITEBACKIFCOPY)
#define AC_ARRAY_UPDATE_ALL   (AC_ARRAY_C_CONTIGUOUS | AC_ARRAY_F_CONTIGUOUS | AC_ARRAY_ALIGNED)

/* ------------------------------------------------------------ orders */
typedef enum {
    AC_ANYORDER = -1,
    AC_CORDER = 0,
    AC_FORTRANORDER = 1,
    AC_KEEPORDER = 2
} AC_ORDER;

/* --------------------------------------------------------- casting */
typedef enum {
    AC_NO_CASTING = 0,
    AC_EQUIV_CASTING = 1,
    AC_SAFE_CASTING = 2,
    AC_SAME_KIND_CASTING = 3,
    AC_UNSAFE_CASTING = 4
} AC_CASTING;

/* ------------------------------------------------------ object layouts */

/* The data-type descriptor (arraycore.dtype). */
typedef struct ACArray_Descr {
    PyObject_HEAD
    int type_num;       /* AC_BOOL ... AC_CDOUBLE, AC_HALF */
    char kind;          /* 'b', 'i', 'u', 'f', 'c' */
    char type;          /* the type character: '?', 'b', 'B', 'h', ... */
    char byteorder;     /* '=' native, '<' little, '>' big, '|' not applicable */
    char flags;         /* reserved */
    ac_intp elsize;     /* bytes per element */
    ac_intp alignment;  /* required alignment in bytes */
} ACArray_Descr;

/* The array object (arraycore.ndarray). */
typedef struct ACArrayObject {
    PyObject_HEAD
    char *data;             /* first element */
    int nd;                 /* number of dimensions */
    int flags;              /* AC_ARRAY_* flags */
    ac_intp *dimensions;    /* shape, nd entries */
    ac_intp *strides;       /* strides in bytes, nd entries */
    PyObject *base;         /* owner of the memory, or NULL */
    ACArray_Descr *descr;   /* the data type; never NULL */
} ACArrayObject;

/* Byte offsets of the public fields, checked against the Cython-generated
 * objects when arraycore._core is imported. */
#define AC_ARRAYOBJECT_PUBLIC_SIZE (sizeof(ACArrayObject))

/* ---------------------------------------------------- inline accessors */
/* These need nothing from the API table: valid only for real arrays. */
#define AC_ARR(obj) ((ACArrayObject *)(obj))

static inline void *ACArray_DATA(void *arr) { return (void *)AC_ARR(arr)->data; }
static inline char *ACArray_BYTES(void *arr) { return AC_ARR(arr)->data; }
static inline int ACArray_NDIM(const void *arr) { return ((const ACArrayObject *)arr)->nd; }
static inline ac_intp *ACArray_DIMS(void *arr) { return AC_ARR(arr)->dimensions; }
static inline ac_intp *ACArray_SHAPE(void *arr) { return AC_ARR(arr)->dimensions; }
static inline ac_intp *ACArray_STRIDES(void *arr) { return AC_ARR(arr)->strides; }
static inline ac_intp ACArray_DIM(void *arr, int i) { return AC_ARR(arr)->dimensions[i]; }
static inline ac_intp ACArray_STRIDE(void *arr, int i) { return AC_ARR(arr)->strides[i]; }
static inline ACArray_Descr *ACArray_DESCR(void *arr) { return AC_ARR(arr)->descr; }
static inline PyObject *ACArray_BASE(void *arr) { return AC_ARR(arr)->base; }
static inline int ACArray_TYPE(void *arr) { return AC_ARR(arr)->descr->type_num; }
static inline ac_intp ACArray_ITEMSIZE(void *arr) { return AC_ARR(arr)->descr->elsize; }
static inline int ACArray_FLAGS(void *arr) { return AC_ARR(arr)->flags; }
static inline int ACArray_CHKFLAGS(void *arr, int flags) { return (AC_ARR(arr)->flags & flags) == flags; }
static inline int ACArray_IS_C_CONTIGUOUS(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_C_CONTIGUOUS); }
static inline int ACArray_IS_F_CONTIGUOUS(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_F_CONTIGUOUS); }
static inline int ACArray_ISWRITEABLE(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_WRITEABLE); }
static inline int ACArray_ISALIGNED(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_ALIGNED); }
static inline int ACArray_ISCARRAY(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_CARRAY); }
static inline int ACArray_ISFARRAY(void *arr) { return ACArray_CHKFLAGS(arr, AC_ARRAY_FARRAY); }
static inline ac_intp ACArray_SIZE(void *arr)
{
    ac_intp n = 1;
    int i;
    for (i = 0; i < AC_ARR(arr)->nd; i++) {
        n *= AC_ARR(arr)->dimensions[i];
    }
    return n;
}
static inline ac_intp ACArray_NBYTES(void *arr) { return ACArray_SIZE(arr) * ACArray_ITEMSIZE(arr); }

static inline void *ACArray_GETPTR1(void *arr, ac_intp i)
{
    return (void *)(AC_ARR(arr)->data + i * AC_ARR(arr)->strides[0]);
}
static inline void *ACArray_GETPTR2(void *arr, ac_intp i, ac_intp j)
{
    return (void *)(AC_ARR(arr)->data + i * AC_ARR(arr)->strides[0]
                    + j * AC_ARR(arr)->strides[1]);
}
static inline void *ACArray_GETPTR3(void *arr, ac_intp i, ac_intp j, ac_intp k)
{
    return (void *)(AC_ARR(arr)->data + i * AC_ARR(arr)->strides[0]
                    + j * AC_ARR(arr)->strides[1] + k * AC_ARR(arr)->strides[2]);
}
static inline void *ACArray_GETPTR4(void *arr, ac_intp i, ac_intp j, ac_intp k, ac_intp l)
{
    return (void *)(AC_ARR(arr)->data + i * AC_ARR(arr)->strides[0]
                    + j * AC_ARR(arr)->strides[1] + k * AC_ARR(arr)->strides[2]
                    + l * AC_ARR(arr)->strides[3]);
}

/* Descriptor accessors */
static inline ac_intp ACDataType_ELSIZE(const ACArray_Descr *d) { return d->elsize; }
static inline ac_intp ACDataType_ALIGNMENT(const ACArray_Descr *d) { return d->alignment; }
static inline int ACDataType_ISNOTSWAPPED(const ACArray_Descr *d) { return d->byteorder != (AC_BYTE_ORDER_IS_LITTLE ? '>' : '<'); }

#ifdef __cplusplus
}
#endif
#endif /* ARRAYCORE_ACTYPES_H */
