/*
 * ac_dlpack.h -- the DLPack 1.x structures arraycore exchanges (written from
 * the DLPack specification; ABI-compatible with dlpack.h).  Private header.
 */
#ifndef ARRAYCORE_AC_DLPACK_H
#define ARRAYCORE_AC_DLPACK_H
#include <stdint.h>

#define AC_DLPACK_MAJOR 1
#define AC_DLPACK_MINOR 0
#define AC_DLPACK_FLAG_READ_ONLY 1ULL
#define AC_DLPACK_FLAG_IS_COPIED 2ULL

enum { acDLInt = 0, acDLUInt = 1, acDLFloat = 2, acDLBfloat = 4, acDLComplex = 5, acDLBool = 6 };
enum { acDLCPU = 1 };

typedef struct { uint32_t major; uint32_t minor; } acDLPackVersion;
typedef struct { int32_t device_type; int32_t device_id; } acDLDevice;
typedef struct { uint8_t code; uint8_t bits; uint16_t lanes; } acDLDataType;
typedef struct {
    void *data;
    acDLDevice device;
    int32_t ndim;
    acDLDataType dtype;
    int64_t *shape;
    int64_t *strides;
    uint64_t byte_offset;
} acDLTensor;
typedef struct acDLManagedTensor {
    acDLTensor dl_tensor;
    void *manager_ctx;
    void (*deleter)(struct acDLManagedTensor *self);
} acDLManagedTensor;
typedef struct acDLManagedTensorVersioned {
    acDLPackVersion version;
    void *manager_ctx;
    void (*deleter)(struct acDLManagedTensorVersioned *self);
    uint64_t flags;
    acDLTensor dl_tensor;
} acDLManagedTensorVersioned;

#endif
