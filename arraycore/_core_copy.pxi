# arraycore/_core_copy.pxi -- part of the _core module (included by _core.pyx):
# data movement.  The one home of copy_into (broadcast + cast + overlap
# handling on ac_copy_nd; the floating-point exceptions of a narrowing cast
# reported through errstate), copies, casts (astype), write-back resolution,
# the overlap test of two arrays and the result of a method's out= argument.


cdef void opinfo_of(dtype d, bint aligned, ac_opinfo *info) noexcept:
    info.tidx = d.tidx
    info.itemsize = <int>d.itemsize
    info.swapped = d.swapped
    info.aligned = aligned


cdef bint _extent(ndarray a, char **lo, char **hi) noexcept:
    """The bytes [lo, hi) a's elements occupy; False when a is empty."""
    cdef int i
    cdef ac_intp span
    lo[0] = a.data
    hi[0] = a.data + a.descr.itemsize
    for i in range(a.nd):
        if a.dimensions[i] == 0:
            return False
        span = a.strides[i] * (a.dimensions[i] - 1)
        if span < 0:
            lo[0] += span
        else:
            hi[0] += span
    return True


cdef bint overlaps(ndarray a, ndarray b) noexcept:
    """Whether the memory of a and b may overlap: their extents intersect
    (conservative: interleaved strided views count as overlapping)."""
    cdef char *alo
    cdef char *ahi
    cdef char *blo
    cdef char *bhi
    if not _extent(a, &alo, &ahi) or not _extent(b, &blo, &bhi):
        return False
    return alo < bhi and blo < ahi


cdef bint same_view(ndarray a, ndarray b) noexcept:
    """Whether a and b address the same elements at the same indices (same
    data pointer, shape, itemsize, and strides wherever a dimension exceeds 1)."""
    cdef int i
    if a.data != b.data or a.nd != b.nd or a.descr.itemsize != b.descr.itemsize:
        return False
    for i in range(a.nd):
        if a.dimensions[i] != b.dimensions[i] or \
                (a.strides[i] != b.strides[i] and a.dimensions[i] > 1):
            return False
    return True


cdef bint _same_elements(ndarray dst, char *sdata, const ac_intp *sstrides) noexcept:
    """Whether a source at sdata with strides sstrides (already broadcast to
    dst's shape) reads exactly the element dst writes at every index: the one
    case of overlapping memory (overlaps(): extents) a copy can go through
    without a temporary.  a[...] = a.T starts at the same address but is not
    this case."""
    cdef int i
    if sdata != dst.data:
        return False
    for i in range(dst.nd):
        if dst.dimensions[i] > 1 and sstrides[i] != dst.strides[i]:
            return False
    return True


cdef inline int _float_rank(int t) noexcept:
    # the precision of a float type's parts: half, single, double
    return 2 if t == ACX_FLOAT64 or t == ACX_COMPLEX128 else (
        0 if t == ACX_FLOAT16 else 1)


cdef inline bint _cast_may_raise(int s, int d) noexcept:
    """Whether a cast from type s to type d can raise a floating-point
    exception: float or complex to an integer (invalid: NaN, inf, out of
    range) or to a float of less precision (overflow, underflow), and an
    integer wider than 16 bits to float16 (overflow beyond 65504)."""
    if s < ACX_FLOAT16:
        return d == ACX_FLOAT16 and s >= ACX_INT32
    if ACX_INT8 <= d <= ACX_UINT64:
        return True
    return d >= ACX_FLOAT16 and _float_rank(d) < _float_rank(s)


cdef int copy_into(ndarray dst, ndarray src) except -1:
    cdef ac_intp sstrides[AC_MAXDIMS]
    cdef ac_opinfo dinfo, sinfo
    cdef int i, j, r
    cdef ac_intp nbytes
    cdef bint watch
    cdef bint fpe = _cast_may_raise(src.descr.tidx, dst.descr.tidx)
    check_writeable(dst)
    if src.nd > dst.nd:
        # allow leading length-1 dims on src (as NumPy does)
        for i in range(src.nd - dst.nd):
            if src.dimensions[i] != 1:
                raise ValueError(f"could not broadcast input array from shape {src.shape} "
                                 f"into shape {dst.shape}")
        src = make_view(src, dst.nd, src.dimensions + (src.nd - dst.nd),
                        src.strides + (src.nd - dst.nd), src.data)
    if broadcast_strides(src, dst.nd, dst.dimensions, sstrides) != 0:
        raise ValueError(f"could not broadcast input array from shape {src.shape} "
                         f"into shape {dst.shape}")
    if overlaps(dst, src) and not (src.descr.itemsize == dst.descr.itemsize and
                                   _same_elements(dst, src.data, sstrides)):
        src = copy_array(src, AC_KEEPORDER)
        broadcast_strides(src, dst.nd, dst.dimensions, sstrides)
    if src.descr.tidx == ACX_COMPLEX64 or src.descr.tidx == ACX_COMPLEX128:
        warn_complex_cast(src.descr, dst.descr)     # before anything is written
    opinfo_of(dst.descr, (dst.flags & AC_ARRAY_ALIGNED) != 0, &dinfo)
    opinfo_of(src.descr, (src.flags & AC_ARRAY_ALIGNED) != 0, &sinfo)
    nbytes = size_of(dst.nd, dst.dimensions) * dst.descr.itemsize
    if fpe:
        clear_fpe()
    if nbytes >= GIL_RELEASE_BYTES:
        watch = nbytes >= SIGINT_MIN_BYTES      # long copies stop on Ctrl-C
        if watch:
            sigint_on()
        with nogil:
            r = ac_copy_nd(dst.nd, dst.dimensions, dst.data, dst.strides, &dinfo,
                           src.data, sstrides, &sinfo)
        if watch:
            sigint_done(r == AC_DRIVE_INTERRUPTED)
    else:
        r = ac_copy_nd(dst.nd, dst.dimensions, dst.data, dst.strides, &dinfo,
                       src.data, sstrides, &sinfo)
    if r != 0:
        raise MemoryError("out of memory while copying")
    if fpe:     # NumPy's "invalid value encountered in cast", as errstate says
        check_fpe("cast", 0)
    return 0


cdef ndarray copy_array(ndarray a, int order, dtype descr=None):
    cdef ndarray res = empty_like_array(a, a.descr if descr is None else descr, order)
    copy_into(res, a)
    return res


cdef ndarray astype_array(ndarray a, dtype descr, bint copy, int casting):
    if not can_cast_descr(a.descr, descr, casting):
        raise TypeError(f"Cannot cast array data from {a.descr!r} to {descr!r}")
    if not copy and descr == a.descr:
        return a
    return copy_array(a, AC_KEEPORDER, descr)


cdef int resolve_writeback(ndarray a, bint discard) except -1:
    """Write a WRITEBACKIFCOPY array back into its base (unless discarding);
    returns 1 when data was written back, 0 when there was nothing to do."""
    cdef ndarray orig
    if not (a.flags & AC_ARRAY_WRITEBACKIFCOPY) or not isinstance(a.base, ndarray):
        return 0
    orig = <ndarray>a.base
    a.flags &= ~AC_ARRAY_WRITEBACKIFCOPY
    orig.flags |= AC_ARRAY_WRITEABLE
    if discard:
        return 0
    copy_into(orig, a)
    return 1



cdef object astype_method(ndarray a, object dtype, object order, object casting, object copy,
                          object device):
    """a.astype(dtype, order, casting, copy, device=device)."""
    if device is not None and device != "cpu":
        raise ValueError(f"unsupported device {device!r}")
    cdef Descr d = as_dtype(dtype)
    cdef int c = parse_casting(casting)
    if not copy and d == a.descr:
        return a
    if not can_cast_descr(a.descr, d, c):
        raise TypeError(f"Cannot cast array data from {a.descr!r} to {d!r} "
                        f"according to the rule {casting!r}")
    return copy_array(a, parse_order(order), d)


cdef bytes to_bytes(ndarray a, object order):
    """a.tobytes(order): the elements' bytes in C (or F) order."""
    cdef ndarray c = a
    if not (a.flags & AC_ARRAY_C_CONTIGUOUS) or order not in ("C", "A", "K"):
        c = copy_array(a, AC_FORTRANORDER if order == "F" else AC_CORDER)
    return (<char *>c.data)[:size_of(c.nd, c.dimensions) * c.descr.itemsize]


cdef int method_out_first(object out) except -1:
    """The out= checks a method makes before it computes anything: an
    arraycore array (or None), writeable."""
    if out is None:
        return 0
    if not isinstance(out, ndarray):
        raise TypeError("out must be an arraycore array")
    return check_writeable(<ndarray>out)


cdef object method_out(object result, object out):
    """What a method given out= returns: out, holding the result (or the result)."""
    if out is None:
        return result
    if not isinstance(out, ndarray):
        raise TypeError("out must be an arraycore array")
    assign(<ndarray>out, result)
    return out
