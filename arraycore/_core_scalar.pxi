# arraycore/_core_scalar.pxi -- part of the _core module (included by _core.pyx):
# single elements as Python scalars and back (getitem_ptr/setitem_ptr with
# range checks and byte swapping), a.item(), a.tolist(), int()/float() of
# arrays, and filling an array with one value.


cdef inline void _load(dtype d, const char *ptr, char *buf) noexcept:
    memcpy(buf, ptr, d.itemsize)
    if d.swapped:
        ac_byteswap(buf, 0, 1, <int>d.itemsize, d.tidx >= ACX_COMPLEX64)


cdef object getitem_ptr(dtype d, const char *ptr):
    cdef char buf[16]
    cdef const char *p = ptr
    if d.swapped or (<uintptr_t>ptr) % d.alignment:
        _load(d, ptr, buf)
        p = buf
    cdef int t = d.tidx
    if t == ACX_FLOAT64:
        return (<double *>p)[0]
    if t == ACX_INT64:
        return (<int64_t *>p)[0]
    if t == ACX_BOOL:
        return (<ac_bool *>p)[0] != 0
    if t == ACX_FLOAT32:
        return <double>(<float *>p)[0]
    if t == ACX_INT32:
        return (<ac_int32 *>p)[0]
    if t == ACX_INT8:
        return (<ac_int8 *>p)[0]
    if t == ACX_UINT8:
        return (<ac_uint8 *>p)[0]
    if t == ACX_INT16:
        return (<ac_int16 *>p)[0]
    if t == ACX_UINT16:
        return (<ac_uint16 *>p)[0]
    if t == ACX_UINT32:
        return (<ac_uint32 *>p)[0]
    if t == ACX_UINT64:
        return (<uint64_t *>p)[0]
    if t == ACX_FLOAT16:
        return ac_half_to_double((<ac_uint16 *>p)[0])
    if t == ACX_COMPLEX64:
        return complex((<float *>p)[0], (<float *>p)[1])
    return complex((<double *>p)[0], (<double *>p)[1])


cdef object _as_int(object value, dtype d):
    if isinstance(value, (float,)) :
        return int(value)
    if isinstance(value, complex):
        raise TypeError(f"cannot assign a complex value to an array of {d.name}")
    try:
        return value.__index__()
    except AttributeError:
        pass
    if hasattr(value, "__float__"):
        return int(float(value))
    raise TypeError(f"cannot assign {type(value).__name__!r} to an array of {d.name}")


cdef inline bint _overflowed(double v, double got) noexcept:
    """A finite Python float v became infinite (got) in a narrower float
    type: the overflow NumPy reports ("overflow encountered in cast"), as the
    errstate says (a warning by default; raised before anything is written
    under errstate(over='raise'))."""
    return (got == INFINITY or got == -INFINITY) and v - v == 0.0


cdef int setitem_ptr(dtype d, char *ptr, object value) except -1:
    cdef char buf[16]
    cdef char *p = buf
    cdef int t = d.tidx
    cdef object iv
    cdef long long ll
    cdef double dv
    cdef bint from_array = isinstance(value, ndarray)
    if from_array:
        if (<ndarray>value).nd != 0:
            value = (<ndarray>value).item()   # raises for size != 1
        else:
            value = getitem_ptr((<ndarray>value).descr, (<ndarray>value).data)
    if t == ACX_FLOAT64:
        (<double *>p)[0] = _as_double(value, d)
    elif t == ACX_FLOAT32:
        dv = _as_double(value, d)
        (<float *>p)[0] = <float>dv
        if _overflowed(dv, (<float *>p)[0]):
            report_fpe("cast", AC_FPE_OVERFLOW)
    elif t == ACX_FLOAT16:
        dv = _as_double(value, d)
        (<ac_uint16 *>p)[0] = ac_double_to_half(dv)
        if _overflowed(dv, ac_half_to_double((<ac_uint16 *>p)[0])):
            report_fpe("cast", AC_FPE_OVERFLOW)
    elif t == ACX_BOOL:
        (<ac_bool *>p)[0] = 1 if value else 0
    elif t == ACX_COMPLEX128 or t == ACX_COMPLEX64:
        try:
            c = complex(value)
        except TypeError:
            raise TypeError(f"cannot assign {type(value).__name__!r} to an array of {d.name}") from None
        if t == ACX_COMPLEX128:
            (<double *>p)[0] = c.real
            (<double *>p)[1] = c.imag
        else:
            (<float *>p)[0] = <float>c.real
            (<float *>p)[1] = <float>c.imag
            if _overflowed(c.real, (<float *>p)[0]) or _overflowed(c.imag, (<float *>p)[1]):
                report_fpe("cast", AC_FPE_OVERFLOW)
    else:
        iv = _as_int(value, d)        # a float is truncated toward zero first
        lo, hi = _INT_RANGE[t]
        if not (lo <= iv <= hi):
            # a Python number out of range (floats too) is an error, as in
            # NumPy; a 0-d array's float value is cast (wraps), as NumPy's
            if isinstance(value, float):
                if not from_array:
                    raise OverflowError(f"Python float {value!r} out of bounds for {d.name}")
            else:
                raise OverflowError(f"Python integer {iv} out of bounds for {d.name}")
            iv = iv % (hi - lo + 1)
            if iv > hi:
                iv -= hi - lo + 1
        if t == ACX_UINT64:
            (<uint64_t *>p)[0] = <uint64_t>PyLong_AsUnsignedLongLong(iv)
        else:
            ll = PyLong_AsLongLong(iv)
            if t == ACX_INT64:
                (<int64_t *>p)[0] = ll
            elif t == ACX_INT32:
                (<ac_int32 *>p)[0] = <ac_int32>ll
            elif t == ACX_UINT32:
                (<ac_uint32 *>p)[0] = <ac_uint32>ll
            elif t == ACX_INT16:
                (<ac_int16 *>p)[0] = <ac_int16>ll
            elif t == ACX_UINT16:
                (<ac_uint16 *>p)[0] = <ac_uint16>ll
            elif t == ACX_INT8:
                (<ac_int8 *>p)[0] = <ac_int8>ll
            else:
                (<ac_uint8 *>p)[0] = <ac_uint8>ll
    if d.swapped:
        ac_byteswap(buf, 0, 1, <int>d.itemsize, t >= ACX_COMPLEX64)
    memcpy(ptr, buf, d.itemsize)
    return 0


cdef dict _INT_RANGE = {
    ACX_INT8: (-2**7, 2**7 - 1), ACX_UINT8: (0, 2**8 - 1),
    ACX_INT16: (-2**15, 2**15 - 1), ACX_UINT16: (0, 2**16 - 1),
    ACX_INT32: (-2**31, 2**31 - 1), ACX_UINT32: (0, 2**32 - 1),
    ACX_INT64: (-2**63, 2**63 - 1), ACX_UINT64: (0, 2**64 - 1),
}


cdef inline double _as_double(object value, dtype d) except? -1.0:
    if type(value) is float:
        return PyFloat_AS_DOUBLE(value)
    if isinstance(value, complex):
        raise TypeError(f"cannot assign a complex value to an array of {d.name}")
    try:
        return float(value)
    except TypeError:
        raise TypeError(f"cannot assign {type(value).__name__!r} to an array of {d.name}") from None


cdef object scalar_float(ndarray a):
    """float(a): a 0-d aligned native float64 is read directly."""
    if a.nd == 0 and a.descr.tidx == ACX_FLOAT64 and not a.descr.swapped \
            and (a.flags & AC_ARRAY_ALIGNED):
        return (<double *>a.data)[0]
    v = _scalar_value(a, "float")
    if isinstance(v, complex):
        raise TypeError("float() argument must not be a complex array")
    return float(v)


cdef object _scalar_value(ndarray a, str what):
    if a.nd != 0:
        raise TypeError(f"only 0-dimensional arrays can be converted to Python scalars "
                        f"({what}() of an array of shape {a.shape})")
    return getitem_ptr(a.descr, a.data)


cdef object _tolist(ndarray a, int dim, char *p):
    cdef ac_intp i
    if dim == a.nd:
        return getitem_ptr(a.descr, p)
    return [_tolist(a, dim + 1, p + i * a.strides[dim]) for i in range(a.dimensions[dim])]


cdef int fill_array(ndarray a, object value) except -1:
    """Fill `a` with one value: convert it once, then broadcast-copy."""
    cdef char buf[16]
    cdef ac_intp zeros[AC_MAXDIMS]
    cdef ac_opinfo info
    check_writeable(a)
    if isinstance(value, ndarray) and (<ndarray>value).nd != 0:
        if size_of((<ndarray>value).nd, (<ndarray>value).dimensions) != 1:
            return copy_into(a, <ndarray>value)
    setitem_ptr(a.descr, buf, value)
    memset(zeros, 0, sizeof(zeros))
    opinfo_of(a.descr, True, &info)
    info.aligned = (a.flags & AC_ARRAY_ALIGNED) != 0
    cdef ac_opinfo sinfo = info
    sinfo.aligned = False
    if size_of(a.nd, a.dimensions) * a.descr.itemsize >= GIL_RELEASE_BYTES:
        with nogil:
            ac_copy_nd(a.nd, a.dimensions, a.data, a.strides, &info, buf, zeros, &sinfo)
    else:
        ac_copy_nd(a.nd, a.dimensions, a.data, a.strides, &info, buf, zeros, &sinfo)
    return 0



cdef object item_of(ndarray a, tuple args):
    """a.item(*args)."""
    cdef ac_intp off, idx, n
    cdef int i
    if len(args) == 0:
        n = size_of(a.nd, a.dimensions)
        if n != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return getitem_ptr(a.descr, a.data)
    if len(args) == 1 and isinstance(args[0], tuple):
        args = args[0]
    if len(args) == 1 and a.nd != 1:
        # flat index in C order
        n = size_of(a.nd, a.dimensions)
        idx = args[0]
        if idx < 0:
            idx += n
        if idx < 0 or idx >= n:
            raise IndexError(f"index {args[0]} is out of bounds for size {n}")
        off = 0
        for i in range(a.nd - 1, -1, -1):
            off += (idx % a.dimensions[i]) * a.strides[i]
            idx //= a.dimensions[i]
        return getitem_ptr(a.descr, a.data + off)
    if len(args) != a.nd:
        raise IndexError(f"incorrect number of indices for array: got {len(args)}, need {a.nd}")
    off = 0
    for i in range(a.nd):
        idx = args[i]
        if idx < 0:
            idx += a.dimensions[i]
        if idx < 0 or idx >= a.dimensions[i]:
            raise IndexError(f"index {args[i]} is out of bounds for axis {i} with size {a.dimensions[i]}")
        off += idx * a.strides[i]
    return getitem_ptr(a.descr, a.data + off)
