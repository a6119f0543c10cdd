# arraycore/_iter.pyx -- the general multi-operand iterator: the one builder
# of ACIter engines (operand conversion, flags, dtypes and casting, op_axes,
# broadcasting, allocated outputs, reductions, buffers and copies), the
# Python `nditer` on top of it, and the "all axes but k" slice walker.  The
# engine itself (ordering, coalescing, iternext, buffering) is plain C in
# src/ac_iter.c; the C-API entries (ACIter_*) are thin wrappers in _capi.pyx.
from cpython.ref cimport Py_INCREF, Py_XDECREF, PyObject
from cpython.mem cimport PyMem_Free, PyMem_Calloc
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from libc.string cimport memset
from arraycore._types cimport *
from arraycore._ccore cimport *
from arraycore._dtype cimport (dtype, as_dtype, native, can_cast_descr, warn_complex_cast,
    promote_many,
    parse_casting, SAFE_CASTING)
from arraycore._core cimport (ndarray, new_array, make_view, copy_array, copy_into,
    opinfo_of, shape_tuple, shape_from_obj, broadcast_shapes_c, parse_order,
    normalize_axis, size_of, overlaps, same_view)
from arraycore._convert cimport _asarray
from arraycore._driver cimport AC_DRIVE_INTERRUPTED
from arraycore._errstate cimport sigint_on, sigint_done

cdef extern from "Python.h":
    void PyErr_SetString(object type, const char *message)

cdef enum:
    DEFAULT_BUFSIZE = 8192

_GLOBAL_FLAGS = {
    "c_index": AC_ITER_C_INDEX, "f_index": AC_ITER_F_INDEX,
    "multi_index": AC_ITER_MULTI_INDEX, "external_loop": AC_ITER_EXTERNAL_LOOP,
    "common_dtype": AC_ITER_COMMON_DTYPE, "refs_ok": AC_ITER_REFS_OK,
    "zerosize_ok": AC_ITER_ZEROSIZE_OK, "reduce_ok": AC_ITER_REDUCE_OK,
    "ranged": AC_ITER_RANGED, "buffered": AC_ITER_BUFFERED,
    "growinner": AC_ITER_GROWINNER, "delay_bufalloc": AC_ITER_DELAY_BUFALLOC,
    "dont_negate_strides": AC_ITER_DONT_NEGATE_STRIDES,
    "copy_if_overlap": AC_ITER_COPY_IF_OVERLAP,
}
_OP_FLAGS = {
    "readwrite": AC_ITER_READWRITE, "readonly": AC_ITER_READONLY,
    "writeonly": AC_ITER_WRITEONLY, "nbo": AC_ITER_NBO, "aligned": AC_ITER_ALIGNED,
    "contig": AC_ITER_CONTIG, "copy": AC_ITER_COPY, "updateifcopy": AC_ITER_UPDATEIFCOPY,
    "allocate": AC_ITER_ALLOCATE, "no_subtype": AC_ITER_NO_SUBTYPE,
    "virtual": AC_ITER_VIRTUAL, "no_broadcast": AC_ITER_NO_BROADCAST,
    "writemasked": AC_ITER_WRITEMASKED, "arraymask": AC_ITER_ARRAYMASK,
    "overlap_assume_elementwise": AC_ITER_OVERLAP_ASSUME_ELEMENTWISE,
}
_CASTING_NAMES = ("no", "equiv", "safe", "same_kind", "unsafe")


cdef inline bint _popcount_gt1(ac_uint32 x) noexcept:
    return (x & (x - 1)) != 0


# ------------------------------------------------------------------ builder

cdef ACIter *iter_build(list ops, ac_uint32 flags, list op_flags, object op_dtypes,
                        int order, int casting, object op_axes, object itershape,
                        ac_intp buffersize) except NULL:
    cdef int nop = len(ops), i, j, d, ndim, nd, oa_ndim = -1, ax, k, alloc_nd
    cdef ac_uint32 f, rw
    cdef ndarray arr
    cdef dtype dt, common = None
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp ms[AC_MAXDIMS]
    cdef ac_intp ashape[AC_MAXDIMS]
    cdef ac_intp astrides[AC_MAXDIMS]
    cdef int amap[AC_MAXDIMS]
    cdef int perm[AC_MAXDIMS]
    cdef int axmap[AC_MAXARGS][AC_MAXDIMS]    # iteration dim -> operand axis (-1: none)
    cdef ac_intp running
    cdef ac_intp *ostr = NULL
    cdef ACIter *it = NULL
    cdef bint any_buf = False, needbuf, is_f
    if nop < 1 or nop > AC_MAXARGS:
        raise ValueError(f"an iterator needs between 1 and {AC_MAXARGS} operands, got {nop}")
    if len(op_flags) != nop:
        raise ValueError(f"op_flags must have one entry per operand ({nop}), got {len(op_flags)}")
    if flags & AC_ITER_PER_OP_FLAGS:
        raise ValueError("a per-operand flag was given as a global iterator flag")
    if (flags & AC_ITER_C_INDEX) and (flags & AC_ITER_F_INDEX):
        raise ValueError("Iterator flags C_INDEX and F_INDEX cannot both be specified")
    if (flags & AC_ITER_EXTERNAL_LOOP) and (flags & (AC_ITER_C_INDEX | AC_ITER_F_INDEX
                                                      | AC_ITER_MULTI_INDEX)):
        raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                         "multi-index is being tracked")
    if (flags & AC_ITER_RANGED) and (flags & AC_ITER_EXTERNAL_LOOP) and \
            not (flags & AC_ITER_BUFFERED):
        raise ValueError("Iterator flag RANGED cannot be used with the flag EXTERNAL_LOOP "
                         "unless BUFFERED is also enabled")
    if order not in (AC_CORDER, AC_FORTRANORDER, AC_KEEPORDER, AC_ANYORDER):
        raise ValueError(f"invalid iteration order {order}")
    if casting < 0 or casting > 4:
        raise ValueError(f"invalid casting level {casting}")
    if buffersize < 0:
        raise ValueError("buffersize must be >= 0")
    if buffersize == 0:
        buffersize = DEFAULT_BUFSIZE
    if op_dtypes is None:
        dts = [None] * nop
    else:
        dts = list(op_dtypes)
        if len(dts) != nop:
            raise ValueError(f"op_dtypes must have one entry per operand ({nop}), got {len(dts)}")
        dts = [None if x is None else as_dtype(x) for x in dts]
    arrays = [None] * nop
    originals = [None] * nop
    cdef int rflags[AC_MAXARGS]
    cdef bint bufneeded[AC_MAXARGS]
    cdef ac_uint32 opfl[AC_MAXARGS]
    cdef bint any_none = False
    for i in range(nop):
        f = op_flags[i]
        opfl[i] = f
        bufneeded[i] = False
        if f & AC_ITER_GLOBAL_FLAGS:
            raise ValueError(f"a global iterator flag was given in op_flags of operand {i}")
        rw = f & (AC_ITER_READWRITE | AC_ITER_READONLY | AC_ITER_WRITEONLY)
        if rw == 0:
            raise ValueError("None of the iterator flags READWRITE, READONLY, or WRITEONLY "
                             "were specified for an operand")
        if _popcount_gt1(rw):
            raise ValueError("Only one of the iterator flags READWRITE, READONLY, and "
                             "WRITEONLY may be specified for an operand")
        if f & (AC_ITER_WRITEMASKED | AC_ITER_ARRAYMASK | AC_ITER_VIRTUAL):
            raise ValueError("the iterator flags WRITEMASKED, ARRAYMASK and VIRTUAL are "
                             "not supported by arraycore")
        if (f & AC_ITER_COPY) and rw != AC_ITER_READONLY and not (f & AC_ITER_UPDATEIFCOPY):
            raise ValueError("If an iterator operand is writeable, must use the flag "
                             "UPDATEIFCOPY instead of COPY")
        rflags[i] = (ACI_OP_READ if rw != AC_ITER_WRITEONLY else 0) | \
                    (ACI_OP_WRITE if rw != AC_ITER_READONLY else 0)
        o = ops[i]
        if o is None:
            any_none = True
            if not (f & AC_ITER_ALLOCATE):
                raise ValueError("Iterator operand was NULL, but neither the ALLOCATE nor "
                                 "the VIRTUAL flag was specified")
            if rw == AC_ITER_READONLY:
                raise ValueError(f"Iterator operand {i} is to be allocated, but is flagged "
                                 "read-only")
            continue
        if isinstance(o, ndarray):
            arr = <ndarray>o
        else:
            arr = _asarray(o, None, None)
        if (rflags[i] & ACI_OP_WRITE) and not (arr.flags & AC_ARRAY_WRITEABLE):
            raise ValueError("operand array with iterator write flag set is read-only")
        arrays[i] = arr
    # data types
    present = [(<ndarray>a).descr for a in arrays if a is not None] \
        if (any_none or (flags & AC_ITER_COMMON_DTYPE)) else None
    if flags & AC_ITER_COMMON_DTYPE:
        if not present and all(x is None for x in dts):
            raise TypeError("no arrays or types available to calculate result type")
        cands = present + [x for x in dts if x is not None]
        if all(c is cands[0] or c == cands[0] for c in cands):
            common = <dtype>cands[0]      # one dtype: kept as it is (byte order too)
        else:
            common = promote_many(cands)
        dts = [common if x is None else x for x in dts]
    for i in range(nop):
        if arrays[i] is None and dts[i] is None:
            if not present:
                raise TypeError("no arrays or types available to calculate result type")
            if common is None:
                common = promote_many(present)
            dts[i] = common
    # op_axes and the number of iteration dimensions
    if op_axes is not None:
        op_axes = list(op_axes)
        if len(op_axes) != nop:
            raise ValueError(f"op_axes must have one entry per operand ({nop}), got {len(op_axes)}")
        for i in range(nop):
            if op_axes[i] is not None:
                op_axes[i] = [int(x) for x in op_axes[i]]
                if oa_ndim < 0:
                    oa_ndim = len(op_axes[i])
                elif len(op_axes[i]) != oa_ndim:
                    raise ValueError("each entry of op_axes must have the same length")
        if oa_ndim < 0:
            raise ValueError("If op_axes is provided, at least one list of axes must be "
                             "contained within it")
    if itershape is not None:
        itershape = [int(x) for x in itershape]
        if oa_ndim >= 0 and len(itershape) != oa_ndim:
            raise ValueError("itershape must have as many entries as the op_axes entries")
    if oa_ndim >= 0:
        ndim = oa_ndim
    else:
        ndim = 0
        for a in arrays:
            if a is not None and (<ndarray>a).nd > ndim:
                ndim = (<ndarray>a).nd
        if itershape is not None:
            if len(itershape) < ndim:
                raise ValueError(f"itershape {tuple(itershape)} has fewer dimensions than "
                                 f"an operand ({ndim})")
            ndim = len(itershape)
    if ndim > AC_MAXDIMS:
        raise ValueError(f"too many iteration dimensions ({ndim})")
    for d in range(ndim):
        shape[d] = 1
    if itershape is not None:
        off = ndim - len(itershape)
        for d in range(len(itershape)):
            if itershape[d] >= 0:
                shape[off + d] = itershape[d]
            elif itershape[d] != -1:
                raise ValueError("itershape entries must be >= 0, or -1 for unspecified")
    # the axis map of each operand, and the broadcast shape
    for i in range(nop):
        if op_axes is not None and op_axes[i] is not None:
            nd = (<ndarray>arrays[i]).nd if arrays[i] is not None else -1
            seen = set()
            for d in range(ndim):
                ax = op_axes[i][d]
                if ax >= (1 << 30):
                    ax -= (1 << 30)      # AC_ITER_REDUCTION_AXIS: treated as an axis
                if ax < -1 or (nd >= 0 and ax >= nd):
                    raise ValueError(f"The 'op_axes' provided to the iterator constructor for "
                                     f"operand {i} contained invalid values {op_axes[i]}")
                if ax >= 0 and ax in seen:
                    raise ValueError(f"The 'op_axes' provided to the iterator constructor for "
                                     f"operand {i} contained duplicate value {ax}")
                seen.add(ax)
                axmap[i][d] = ax
        else:
            nd = (<ndarray>arrays[i]).nd if arrays[i] is not None else ndim
            if nd > ndim:
                raise ValueError(f"operand {i} has more dimensions ({nd}) than the "
                                 f"iteration ({ndim})")
            for d in range(ndim):
                axmap[i][d] = d - (ndim - nd) if d >= ndim - nd else -1
    try:
        for i in range(nop):
            if arrays[i] is None:
                continue
            arr = <ndarray>arrays[i]
            for d in range(ndim):
                ms[d] = arr.dimensions[axmap[i][d]] if axmap[i][d] >= 0 else 1
            broadcast_shapes_c(ndim, shape, ndim, ms)
    except ValueError:
        shapes = " ".join(str(shape_tuple((<ndarray>a).nd, (<ndarray>a).dimensions)).replace(" ", "")
                          for a in arrays if a is not None)
        raise ValueError(f"operands could not be broadcast together with shapes {shapes}") from None
    # copy_if_overlap: operands whose memory overlaps a written operand's are
    # replaced by copies (written ones get a write-back copy)
    if flags & AC_ITER_COPY_IF_OVERLAP:
        for i in range(nop):
            if arrays[i] is None:
                continue
            for j in range(nop):
                if j == i or arrays[j] is None or not (rflags[j] & ACI_OP_WRITE):
                    continue
                if not overlaps(<ndarray>arrays[i], <ndarray>arrays[j]):
                    continue
                if same_view(<ndarray>arrays[i], <ndarray>arrays[j]):
                    continue              # element i only meets element i (as NumPy)
                if rflags[i] & ACI_OP_WRITE:
                    if j > i:
                        continue          # the later operand of a written pair is copied
                    originals[i] = arrays[i]
                arrays[i] = copy_array(<ndarray>arrays[i], AC_KEEPORDER)
                break
    if itershape is not None:
        off = ndim - len(itershape)
        for d in range(len(itershape)):
            if itershape[d] >= 0 and shape[off + d] != itershape[d]:
                shapes = " ".join(str(shape_tuple((<ndarray>a).nd, (<ndarray>a).dimensions)).replace(" ", "")
                                  for a in arrays if a is not None)
                raise ValueError(f"operands could not be broadcast together with shapes "
                                 f"{shapes} and requested shape {tuple(itershape)}")
    # casting, buffering and copies
    for i in range(nop):
        f = opfl[i]
        if arrays[i] is None:
            dt = <dtype>dts[i]
            continue
        arr = <ndarray>arrays[i]
        if dts[i] is None:
            dts[i] = arr.descr
        dt = <dtype>dts[i]
        if dt is not arr.descr and dt != arr.descr:
            if (rflags[i] & ACI_OP_READ) and not can_cast_descr(arr.descr, dt, casting):
                raise TypeError(f"Iterator operand {i} dtype could not be cast from "
                                f"{arr.descr!r} to {dt!r} according to the rule "
                                f"'{_CASTING_NAMES[casting]}'")
            if (rflags[i] & ACI_OP_WRITE) and not can_cast_descr(dt, arr.descr, casting):
                raise TypeError(f"Iterator requested dtype could not be cast from {dt!r} "
                                f"to {arr.descr!r}, the operand {i} dtype, according to the "
                                f"rule '{_CASTING_NAMES[casting]}'")
            # NumPy's ComplexWarning, at construction (before any element moves)
            if rflags[i] & ACI_OP_READ:
                warn_complex_cast(arr.descr, dt)
            if rflags[i] & ACI_OP_WRITE:
                warn_complex_cast(dt, arr.descr)
            needbuf = True
        else:
            needbuf = bool(((f & AC_ITER_ALIGNED) and not (arr.flags & AC_ARRAY_ALIGNED))
                           or ((f & AC_ITER_NBO) and dt.swapped))
        if needbuf and (f & AC_ITER_NBO) and dt.swapped:
            dts[i] = dt = native(dt)
        if needbuf and not (flags & AC_ITER_BUFFERED):
            if arr.nd == 0 and not (rflags[i] & ACI_OP_WRITE):
                f |= AC_ITER_COPY         # 0-d inputs are copied implicitly (as NumPy)
            if (rflags[i] & ACI_OP_WRITE) and not (f & AC_ITER_UPDATEIFCOPY):
                raise TypeError("Iterator operand required copying or buffering, but "
                                "neither copying nor buffering was enabled")
            if not (rflags[i] & ACI_OP_WRITE) and not (f & (AC_ITER_COPY | AC_ITER_UPDATEIFCOPY)):
                raise TypeError("Iterator operand required copying or buffering, but "
                                "neither copying nor buffering was enabled")
            tmp = copy_array(arr, AC_KEEPORDER, native(dt))
            if rflags[i] & ACI_OP_WRITE:
                originals[i] = arr
            arrays[i] = arr = <ndarray>tmp
            dts[i] = arr.descr
        else:
            bufneeded[i] = needbuf
    # operand strides in iteration space; reductions and broadcasting checks
    ostr = <ac_intp *>PyMem_Calloc((nop * ndim if nop * ndim > 0 else 1), sizeof(ac_intp))
    if ostr == NULL:
        raise MemoryError()
    try:
        for i in range(nop):
            f = opfl[i]
            if arrays[i] is None:
                continue
            arr = <ndarray>arrays[i]
            for d in range(ndim):
                ax = axmap[i][d]
                if ax < 0 and (f & AC_ITER_NO_BROADCAST):
                    _check_broadcast_op(i, d, arr, ax, f, rflags[i], flags, ndim, shape)
                if ax >= 0 and arr.dimensions[ax] == shape[d] and shape[d] != 1:
                    ostr[i * ndim + d] = arr.strides[ax]
                else:
                    ostr[i * ndim + d] = 0      # broadcast, or extent 1 (as NumPy)
                    if shape[d] != 1:
                        _check_broadcast_op(i, d, arr, ax, f, rflags[i], flags, ndim, shape)
        # allocated outputs: laid out in the iteration order of the others
        if order == AC_ANYORDER:
            is_f = True
            for a in arrays:
                if a is not None and not ((<ndarray>a).flags & AC_ARRAY_F_CONTIGUOUS):
                    is_f = False
            order = AC_FORTRANORDER if (is_f and ndim > 1) else AC_CORDER
        aci_best_order(ndim, nop, ostr, order, perm)
        for i in range(nop):
            if arrays[i] is not None:
                continue
            f = opfl[i]
            alloc_nd = 0
            for d in range(ndim):
                amap[d] = -1
                if axmap[i][d] >= 0:
                    if axmap[i][d] >= ndim:
                        raise ValueError(f"The 'op_axes' provided to the iterator constructor "
                                         f"for operand {i} contained invalid values")
                    amap[d] = axmap[i][d]
                    alloc_nd += 1
                elif shape[d] != 1:
                    _check_broadcast_op(i, d, None, -1, f, rflags[i], flags, ndim, shape)
            for d in range(ndim):
                if amap[d] >= alloc_nd:
                    raise ValueError(f"The 'op_axes' provided to the iterator constructor for "
                                     f"operand {i} must name the axes 0..{alloc_nd - 1}")
                if amap[d] >= 0:
                    ashape[amap[d]] = shape[d]
            dt = native(<dtype>dts[i])
            running = dt.itemsize
            for k in range(ndim - 1, -1, -1):
                d = perm[k]
                if amap[d] >= 0:
                    astrides[amap[d]] = running
                    running *= shape[d] if shape[d] > 0 else 1
            # zero-filled when it is read (read-write reductions), else uninitialised
            arr = new_array(dt, alloc_nd, ashape, astrides, NULL, 0, None,
                            (rflags[i] & ACI_OP_READ) != 0)
            arrays[i] = arr
            dts[i] = dt
            for d in range(ndim):
                ostr[i * ndim + d] = astrides[amap[d]] if (amap[d] >= 0 and shape[d] != 1) else 0
        # an empty operand empties the iteration, also when op_axes leave its
        # empty axis out (nothing may be read from it)
        op_empty = False
        for a in arrays:
            if size_of((<ndarray>a).nd, (<ndarray>a).dimensions) == 0:
                op_empty = True
        if (op_empty or size_of(ndim, shape) == 0) and not (flags & AC_ITER_ZEROSIZE_OK):
            raise ValueError("Iteration of zero-sized operands is not enabled")
        # the engine
        it = aci_alloc(ndim, nop, (flags & (AC_ITER_C_INDEX | AC_ITER_F_INDEX)) != 0)
        if it == NULL:
            raise MemoryError()
        it.flags |= flags
        for d in range(ndim):
            it.origshape[d] = shape[d]
        for i in range(nop):
            arr = <ndarray>arrays[i]
            dt = <dtype>dts[i]
            it.baseptrs[i] = arr.data
            it.opflags[i] = rflags[i] | (ACI_OP_BUFFER if bufneeded[i] else 0)
            opinfo_of(arr.descr, (arr.flags & AC_ARRAY_ALIGNED) != 0, &it.opinfo[i])
            opinfo_of(native(dt), True, &it.bufinfo[i])
            Py_INCREF(arr)
            it.opobjs[i] = <void *>arr
            Py_INCREF(dt)
            it.opdescrs[i] = <void *>dt
            if originals[i] is not None:
                Py_INCREF(originals[i])
                it.writeback[i] = <void *>originals[i]
        aci_setup(it, ostr, order)
        if op_empty and it.itersize > 0:
            it.itersize = it.iterend = it.iterindex = 0
            it.flags |= ACI_EMPTY
            it.innersize = 0
        # CONTIG operands whose inner stride is not their item size
        if not (flags & AC_ITER_BUFFERED):
            for i in range(nop):
                if (opfl[i] & AC_ITER_CONTIG) and \
                        it.strides[(it.ndim - 1) * it.ntot + i] != it.bufinfo[i].itemsize:
                    raise TypeError("Iterator operand required copying or buffering, but "
                                    "neither copying nor buffering was enabled")
        else:
            for i in range(nop):
                if (opfl[i] & AC_ITER_CONTIG) and \
                        it.strides[(it.ndim - 1) * it.ntot + i] != it.bufinfo[i].itemsize:
                    it.opflags[i] |= ACI_OP_BUFFER
                    bufneeded[i] = True
        for i in range(nop):
            if bufneeded[i]:
                any_buf = True
        it.buffersize = buffersize
        if any_buf and _multirow_ok(it, flags):
            # chunks may span rows: every operand goes through a buffer (the
            # ones needing no cast keep their own dtype, copied aligned)
            it.flags |= ACI_MULTIROW
            for i in range(nop):
                if not bufneeded[i]:
                    it.bufinfo[i] = it.opinfo[i]
                    it.bufinfo[i].aligned = 1
                    it.opflags[i] |= ACI_OP_BUFFER
                    bufneeded[i] = True
        if any_buf:
            for i in range(nop):
                if bufneeded[i]:
                    it.buffers[i] = <char *>ac_data_alloc(<size_t>(buffersize * it.bufinfo[i].itemsize), 0)
                    if it.buffers[i] == NULL:
                        raise MemoryError()
            it.flags |= ACI_BUFMODE
            it.dataptrs = it.bufptrs
            if not (flags & AC_ITER_DELAY_BUFALLOC):
                aci_reset(it)
                iter_check_error(it)
            else:
                it.iterindex = it.iterend   # nothing valid until reset
    except BaseException:
        PyMem_Free(ostr)
        if it != NULL:
            _free_refs(it)
        raise
    PyMem_Free(ostr)
    return it


cdef ACIter *iter_build_one(ndarray arr) except NULL:
    """iter_build for the everyday call nditer(a): one array operand,
    read-only, no flags, order 'K', default casting and buffer size (none
    of iter_build's lists, parsing or checks apply; the iterator is the same)."""
    cdef int ndim = arr.nd, d
    cdef ac_intp ostr[AC_MAXDIMS]
    cdef ACIter *it
    cdef dtype dt = arr.descr
    if size_of(ndim, arr.dimensions) == 0:
        raise ValueError("Iteration of zero-sized operands is not enabled")
    for d in range(ndim):
        ostr[d] = arr.strides[d] if arr.dimensions[d] != 1 else 0
    it = aci_alloc(ndim, 1, 0)
    if it == NULL:
        raise MemoryError()
    for d in range(ndim):
        it.origshape[d] = arr.dimensions[d]
    it.baseptrs[0] = arr.data
    it.opflags[0] = ACI_OP_READ
    opinfo_of(dt, (arr.flags & AC_ARRAY_ALIGNED) != 0, &it.opinfo[0])
    opinfo_of(native(dt), True, &it.bufinfo[0])
    Py_INCREF(arr)
    it.opobjs[0] = <void *>arr
    Py_INCREF(dt)
    it.opdescrs[0] = <void *>dt
    aci_setup(it, ostr, AC_KEEPORDER)
    it.buffersize = DEFAULT_BUFSIZE
    return it


cdef bint _multirow_ok(ACIter *it, ac_uint32 flags) noexcept:
    """Buffered chunks may cross rows when the inner dimension is shorter than
    a buffer, no index is tracked, and no written operand is reduced (a
    reduced element must map to one buffer slot)."""
    cdef int i, d
    if flags & (AC_ITER_C_INDEX | AC_ITER_F_INDEX | AC_ITER_MULTI_INDEX):
        return False
    if it.shape[it.ndim - 1] >= it.buffersize:
        return False
    for i in range(it.nop):
        if it.opflags[i] & ACI_OP_WRITE:
            for d in range(it.ndim):
                if it.shape[d] > 1 and it.strides[d * it.ntot + i] == 0:
                    return False
    return True


cdef int _check_broadcast_op(int i, int d, ndarray arr, int ax, ac_uint32 f, int rfl,
                             ac_uint32 flags, int ndim, ac_intp *shape) except -1:
    """Operand i does not span iteration dimension d (extent shape[d] > 1)."""
    opshape = "()" if arr is None else str(shape_tuple(arr.nd, arr.dimensions)).replace(" ", "")
    bshape = str(shape_tuple(ndim, shape)).replace(" ", "")
    if f & AC_ITER_NO_BROADCAST:
        raise ValueError(f"non-broadcastable operand with shape {opshape} doesn't match the "
                         f"broadcast shape {bshape}")
    if rfl & ACI_OP_WRITE:
        if not (flags & AC_ITER_REDUCE_OK):
            if arr is not None and ax >= 0:
                raise ValueError(f"output operand requires a reduction along dimension {d}, "
                                 "but the reduction is not enabled. The dimension size of 1 "
                                 "does not match the expected output shape.")
            raise ValueError(f"non-broadcastable output operand with shape {opshape} doesn't "
                             f"match the broadcast shape {bshape}")
        if not (rfl & ACI_OP_READ):
            raise ValueError("output operand requires a reduction, but is flagged as "
                             "write-only, not read-write")
    return 0


cdef void _free_refs(ACIter *it) noexcept:
    cdef int i
    for i in range(it.nop):
        Py_XDECREF(<PyObject *>it.opobjs[i])
        Py_XDECREF(<PyObject *>it.opdescrs[i])
        Py_XDECREF(<PyObject *>it.writeback[i])
        it.opobjs[i] = NULL
        it.opdescrs[i] = NULL
        it.writeback[i] = NULL
    aci_free(it)


cdef int iter_finish(ACIter *it) except -1:
    """Write pending buffers and COPY/UPDATEIFCOPY temporaries back (once)."""
    cdef int i
    if aci_flush(it) < 0:
        raise MemoryError("nditer: writing back a buffer failed")
    for i in range(it.nop):
        if it.writeback[i] != NULL:
            orig = <object>it.writeback[i]
            Py_XDECREF(<PyObject *>it.writeback[i])
            it.writeback[i] = NULL
            copy_into(<ndarray>orig, <ndarray>it.opobjs[i])
    return 0


cdef int iter_release(ACIter *it) except -1:
    if it == NULL:
        return 0
    try:
        iter_finish(it)
    finally:
        _free_refs(it)
    return 0


cdef void _set_nomem() noexcept with gil:
    PyErr_SetString(MemoryError, b"arraycore iterator: a buffer copy failed (out of memory)")


cdef int iter_check_error(ACIter *it) except -1:
    if it.error:
        it.error = 0
        raise MemoryError("arraycore iterator: a buffer copy failed (out of memory)")
    return 0


cdef aci_next_fn _raw_buffered = NULL

cdef int _next_checked(ACIter *it) noexcept nogil:
    cdef int r = _raw_buffered(it)
    if it.error:
        it.error = 0
        _set_nomem()
        return 0
    return r


cdef aci_next_fn iter_get_next(ACIter *it) noexcept:
    global _raw_buffered
    cdef aci_next_fn f = aci_get_iternext(it)
    if it.flags & ACI_BUFMODE and not (it.flags & ACI_EMPTY):
        _raw_buffered = f
        return _next_checked
    return f


cdef int iter_reset_range(ACIter *it, ac_intp start, ac_intp end) except -1:
    if not (it.flags & AC_ITER_RANGED):
        raise ValueError("Cannot call ResetToIterIndexRange on an iterator without "
                         "requesting ranged iteration support in the constructor")
    if start < 0 or end > it.itersize or start > end:
        raise ValueError(f"Out-of-bounds range [{start}, {end}) passed to "
                         f"ResetToIterIndexRange (iterator size {it.itersize})")
    it.iterstart = start
    it.iterend = end
    aci_reset(it)
    iter_check_error(it)
    return 0


cdef int iter_goto_iterindex(ACIter *it, ac_intp i) except -1:
    if i < it.iterstart or i >= it.iterend:
        raise IndexError(f"Iterator GotoIterIndex called with an iterindex ({i}) outside "
                         f"the iteration range [{it.iterstart}, {it.iterend})")
    if aci_goto_iterindex(it, i) < 0:
        iter_check_error(it)
        raise IndexError("Iterator GotoIterIndex failed")
    return 0


cdef int iter_goto_multi_index(ACIter *it, const ac_intp *idx) except -1:
    if not (it.flags & AC_ITER_MULTI_INDEX):
        raise ValueError("Cannot call GotoMultiIndex on an iterator without requesting "
                         "a multi-index in the constructor")
    if it.flags & AC_ITER_EXTERNAL_LOOP:
        raise ValueError("Cannot call GotoMultiIndex on an iterator which has the flag "
                         "EXTERNAL_LOOP")
    if aci_goto_multi_index(it, idx) < 0:
        iter_check_error(it)
        raise IndexError("Iterator GotoMultiIndex called with an out-of-bounds multi-index")
    return 0


cdef int iter_goto_index(ACIter *it, ac_intp i) except -1:
    if not (it.flags & ACI_HASINDEX):
        raise ValueError("Cannot call GotoIndex on an iterator without requesting a C "
                         "or Fortran index in the constructor")
    if aci_goto_index(it, i) < 0:
        iter_check_error(it)
        raise IndexError("Iterator GotoIndex called with an out-of-bounds index")
    return 0


cdef int iter_remove_axis(ACIter *it, int axis) except -1:
    if not (it.flags & AC_ITER_MULTI_INDEX):
        raise RuntimeError("Iterator RemoveAxis may only be called if a multi-index is "
                           "being tracked")
    if it.flags & ACI_HASINDEX:
        raise RuntimeError("Iterator RemoveAxis may not be called if an index is being tracked")
    if axis < 0 or axis >= it.orig_ndim:
        raise ValueError("axis out of bounds in iterator RemoveAxis")
    if aci_remove_axis(it, axis) < 0:
        iter_check_error(it)
        raise ValueError("axis out of bounds in iterator RemoveAxis")
    return 0


cdef int iter_remove_multi_index(ACIter *it) except -1:
    if it.flags & AC_ITER_MULTI_INDEX:
        it.flags &= ~AC_ITER_MULTI_INDEX
        aci_flush(it)
        aci_coalesce(it)
        aci_reset(it)
        iter_check_error(it)
    return 0


cdef int iter_enable_external_loop(ACIter *it) except -1:
    if it.flags & AC_ITER_MULTI_INDEX:
        raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                         "multi-index is being tracked")
    if it.flags & ACI_HASINDEX:
        raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                         "multi-index is being tracked")
    if (it.flags & AC_ITER_RANGED) and not (it.flags & AC_ITER_BUFFERED):
        raise ValueError("Iterator flag RANGED cannot be used with the flag EXTERNAL_LOOP "
                         "unless BUFFERED is also enabled")
    if not (it.flags & AC_ITER_EXTERNAL_LOOP):
        it.flags |= AC_ITER_EXTERNAL_LOOP
        aci_reset(it)
        iter_check_error(it)
    return 0


cdef ACIter *iter_copy(ACIter *it) except NULL:
    cdef ACIter *c
    cdef int i
    c = aci_copy(it)
    if c == NULL:
        raise MemoryError()
    for i in range(c.nop):
        Py_XINCREF_v(c.opobjs[i])
        Py_XINCREF_v(c.opdescrs[i])
        Py_XINCREF_v(c.writeback[i])
    return c


cdef inline void Py_XINCREF_v(void *p) noexcept:
    if p != NULL:
        Py_INCREF(<object>p)


cdef object iter_view(ACIter *it, int i):
    """Operand i viewed with the iteration's shape and strides."""
    cdef ac_intp shp[AC_MAXDIMS]
    cdef ac_intp st[AC_MAXDIMS]
    cdef int d, nd = it.ndim if it.orig_ndim > 0 else 0
    cdef ndarray arr = <ndarray>it.opobjs[i]
    for d in range(nd):
        shp[d] = it.shape[d]
        st[d] = it.strides[d * it.ntot + i]
    return new_array(arr.descr, nd, shp, st, it.baseptrs[i], arr.flags & AC_ARRAY_WRITEABLE, arr)


cdef tuple iter_shape(ACIter *it):
    if it.orig_ndim == 0:
        return ()
    if it.flags & AC_ITER_MULTI_INDEX:
        return shape_tuple(it.orig_ndim, it.origshape)
    # as NumPy's NpyIter_GetShape: the (coalesced) iteration axes, innermost first
    return shape_tuple(it.ndim, it.shape)[::-1]


# ------------------------------------------------------------ slice walker

cdef inline bint _is_kept(int d, int k, const int *kax) noexcept:
    cdef int j
    for j in range(k):
        if kax[j] == d:
            return True
    return False


cdef int foreach_slice(list ops, const ac_uint32 *op_flags, int k, const int *axes,
                       aci_slice_fn fn, void *ctx) except? -1:
    cdef int nop = len(ops), ndim = 0, i, d, j, r
    cdef ndarray arr
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp ms[AC_MAXDIMS]
    cdef int kax[AC_MAXDIMS]
    cdef char *ptrs[AC_MAXARGS]
    cdef ac_intp *st
    if nop < 1 or nop > AC_MAXARGS:
        raise ValueError(f"ACIter_ForEachSlice needs between 1 and {AC_MAXARGS} operands, got {nop}")
    if fn == NULL:
        raise TypeError("ACIter_ForEachSlice: NULL callback")
    arrs = []
    for o in ops:
        if not isinstance(o, ndarray):
            raise TypeError(f"ACIter_ForEachSlice: expected arraycore.ndarray operands, "
                            f"got {type(o).__name__!r}")
        arrs.append(o)
        if (<ndarray>o).nd > ndim:
            ndim = (<ndarray>o).nd
    if k < 0 or k > ndim:
        raise ValueError(f"ACIter_ForEachSlice: k={k} must be within [0, {ndim}]")
    if k > 0 and axes == NULL:
        raise ValueError("ACIter_ForEachSlice: NULL axes")
    for j in range(k):
        kax[j] = normalize_axis(axes[j], ndim)
        for i in range(j):
            if kax[i] == kax[j]:
                raise ValueError(f"ACIter_ForEachSlice: repeated axis {kax[j]}")
    for d in range(ndim):
        shape[d] = 1
    try:
        for o in arrs:
            broadcast_shapes_c(ndim, shape, (<ndarray>o).nd, (<ndarray>o).dimensions)
    except ValueError:
        shapes = " ".join(str(shape_tuple((<ndarray>a).nd, (<ndarray>a).dimensions)).replace(" ", "")
                          for a in arrs)
        raise ValueError(f"operands could not be broadcast together with shapes {shapes}") from None
    # the driver's stride layout: st[op * AC_MAXDIMS + axis]
    st = <ac_intp *>PyMem_Calloc(nop * AC_MAXDIMS, sizeof(ac_intp))
    if st == NULL:
        raise MemoryError()
    try:
        for i in range(nop):
            arr = <ndarray>arrs[i]
            if op_flags != NULL:
                if op_flags[i] & (AC_ITER_READWRITE | AC_ITER_WRITEONLY):
                    if not (arr.flags & AC_ARRAY_WRITEABLE):
                        raise ValueError("operand array with iterator write flag set is read-only")
                    # written operands may not be broadcast along the walked
                    # axes (slices would write the same memory); along the
                    # kept axes the callback sees the zero strides itself
                    for d in range(ndim):
                        j = d - (ndim - arr.nd)
                        if _is_kept(d, k, kax):
                            continue
                        if shape[d] != 1 and (j < 0 or arr.dimensions[j] != shape[d]):
                            raise ValueError(f"non-broadcastable output operand {i} with shape "
                                             f"{shape_tuple(arr.nd, arr.dimensions)} doesn't "
                                             f"match the broadcast shape {shape_tuple(ndim, shape)}")
            for d in range(ndim):
                j = d - (ndim - arr.nd)
                st[i * AC_MAXDIMS + d] = arr.strides[j] if (j >= 0 and arr.dimensions[j] == shape[d]) else 0
            ptrs[i] = arr.data
        sigint_on()
        with nogil:
            r = aci_foreach_slice(ndim, shape, nop, ptrs, st, k, kax, fn, ctx)
        sigint_done(r == AC_DRIVE_INTERRUPTED)
    finally:
        PyMem_Free(st)
    return r


# ------------------------------------------------------------------ nditer

cdef ac_uint32 _parse_flags(object names, dict table, str what) except? 0xffffffff:
    cdef ac_uint32 f = 0
    if names is None:
        return 0
    if isinstance(names, str):
        names = (names,)
    for n in names:
        if isinstance(n, bytes):
            n = (<bytes>n).decode()
        if not isinstance(n, str):
            raise TypeError(f"iterator {what} flags must be strings, got {type(n).__name__!r}")
        v = table.get(n)
        if v is None:
            if what == "per-op":
                raise ValueError(f'Unexpected per-op iterator flag "{n}"')
            raise ValueError(f'Unexpected iterator global flag "{n}"')
        f |= <ac_uint32>v
    return f


cdef class nditer:
    """Efficient multi-dimensional iterator object to iterate over arrays
    (arraycore's NpyIter, with NumPy's nditer interface)."""
    cdef ACIter *it
    cdef aci_next_fn nextfn
    cdef bint started, finished, closed, delayed
    cdef int nop
    cdef bint single
    cdef object __weakref__

    def __cinit__(self, *args, **kwargs):
        self.it = NULL
        self.closed = True

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", op_axes=None, itershape=None, buffersize=0):
        cdef ac_uint32 gf
        cdef int o, c
        if self.it != NULL:
            raise RuntimeError("nditer.__init__ called twice")
        if (flags is None and op_flags is None and op_dtypes is None and op_axes is None
                and itershape is None and isinstance(op, ndarray)
                and type(order) is str and order == "K"
                and type(casting) is str and casting == "safe"
                and type(buffersize) is int and buffersize == 0):
            # nditer(a): the common call, without the general path's parsing
            self.it = iter_build_one(<ndarray>op)
            self.single = True
            self.nop = 1
            self.closed = False
            self.delayed = False
            self._restart()
            return
        single_op = not isinstance(op, (tuple, list))
        ops = [op] if single_op else list(op)
        nop = len(ops)
        self.single = nop == 1      # one operand: values are arrays, not tuples
        gf = _parse_flags(flags, _GLOBAL_FLAGS, "global")
        if op_flags is None:
            opf = [AC_ITER_READONLY if x is not None else (AC_ITER_WRITEONLY | AC_ITER_ALLOCATE)
                   for x in ops]
        else:
            if isinstance(op_flags, (tuple, list)) and len(op_flags) > 0 and \
                    all(isinstance(x, (tuple, list)) for x in op_flags):
                if len(op_flags) != nop:
                    raise ValueError(f"op_flags must be a tuple/list matching the number of "
                                     f"ops ({nop})")
                opf = [_parse_flags(x, _OP_FLAGS, "per-op") for x in op_flags]
            else:
                opf = [_parse_flags(op_flags, _OP_FLAGS, "per-op")] * nop
        if op_dtypes is not None and single_op and not isinstance(op_dtypes, (tuple, list)):
            op_dtypes = [op_dtypes]
        if op_axes is not None and single_op and len(op_axes) > 0 and \
                not isinstance(op_axes[0], (tuple, list)) and op_axes[0] is not None:
            op_axes = [op_axes]
        o = parse_order(order)
        c = parse_casting(casting)
        self.it = iter_build(ops, gf, opf, op_dtypes, o, c, op_axes, itershape,
                             int(buffersize))
        self.nop = nop
        self.closed = False
        self.delayed = (gf & AC_ITER_DELAY_BUFALLOC) != 0 and (self.it.flags & ACI_BUFMODE) != 0
        self._restart()

    cdef void _restart(self) noexcept:
        self.nextfn = aci_get_iternext(self.it)   # raw: errors checked after each call
        self.started = False
        self.finished = self.it.iterend <= self.it.iterstart or (self.it.flags & ACI_EMPTY) != 0

    def __dealloc__(self):
        if self.it != NULL:
            try:
                iter_release(self.it)
            except BaseException:
                pass
            self.it = NULL

    cdef int _check(self) except -1:
        if self.closed or self.it == NULL:
            raise ValueError("Iterator is invalid")
        return 0

    cdef int _check_value(self) except -1:
        self._check()
        if self.delayed:
            raise ValueError("Iterator construction used delayed buffer allocation, and no "
                             "reset has been done yet")
        if self.finished:
            raise ValueError("Iterator is past the end")
        return 0

    # ---- iteration
    def __iter__(self):
        return self

    def __next__(self):
        if self.closed:
            raise StopIteration       # as NumPy's: a closed iterator is exhausted
        self._check()
        if self.delayed:
            raise ValueError("Iterator construction used delayed buffer allocation, and no "
                             "reset has been done yet")
        if self.started:
            if self.finished or not self.nextfn(self.it):
                self.finished = True
                iter_check_error(self.it)
                raise StopIteration
        else:
            self.started = True
            if self.finished:
                raise StopIteration
        return self._value()

    def iternext(self):
        """Advance; True while there is more, False at the end."""
        self._check()
        if self.delayed:
            raise ValueError("Iterator construction used delayed buffer allocation, and no "
                             "reset has been done yet")
        self.started = True
        if self.finished:
            return False
        if not self.nextfn(self.it):
            self.finished = True
            iter_check_error(self.it)
            return False
        return True

    def reset(self):
        """Back to the start of the iteration range."""
        self._check()
        aci_reset(self.it)
        iter_check_error(self.it)
        self.delayed = False
        self._restart()

    cdef object _view(self, int i):
        cdef ACIter *it = self.it
        cdef dtype dt = <dtype>it.opdescrs[i]
        cdef ac_intp n = it.innersize
        cdef ac_intp s = it.innerstrides[i]
        cdef int fl = AC_ARRAY_WRITEABLE if (it.opflags[i] & ACI_OP_WRITE) else 0
        if it.flags & AC_ITER_EXTERNAL_LOOP:
            return new_array(dt, 1, &n, &s, it.dataptrs[i], fl, self)
        return new_array(dt, 0, NULL, NULL, it.dataptrs[i], fl, self)

    cdef object _value(self):
        cdef int i
        if self.single:
            return self._view(0)
        t = PyTuple_New(self.nop)          # filled in place: no list per step
        for i in range(self.nop):
            v = self._view(i)
            Py_INCREF(v)
            PyTuple_SET_ITEM(t, i, v)
        return t

    @property
    def value(self):
        self._check_value()
        return self._value()

    def __len__(self):          # as NumPy's: the number of operands (it[i] indexes them)
        self._check()
        return self.nop

    def __getitem__(self, i):
        self._check_value()
        vals = [self._view(k) for k in range(self.nop)]
        return vals[i]

    def __setitem__(self, i, value):
        self._check_value()
        cdef int k
        idx = range(self.nop)[i]
        if isinstance(idx, int):
            self._view(idx)[...] = value
        else:
            for k, v in zip(idx, value):
                self._view(k)[...] = v

    # ---- positions
    @property
    def iterindex(self):
        self._check()
        return self.it.iterindex

    @iterindex.setter
    def iterindex(self, value):
        self._check()
        iter_goto_iterindex(self.it, value)
        self.finished = False
        self.started = False

    @property
    def iterrange(self):
        self._check()
        return (self.it.iterstart, self.it.iterend)

    @iterrange.setter
    def iterrange(self, value):
        self._check()
        start, end = value
        iter_reset_range(self.it, start, end)
        self.delayed = False
        self._restart()

    @property
    def itersize(self):
        self._check()
        return self.it.itersize

    @property
    def multi_index(self):
        cdef ac_intp idx[AC_MAXDIMS]
        self._check()
        if not (self.it.flags & AC_ITER_MULTI_INDEX):
            raise ValueError("Iterator is not tracking a multi-index")
        self._check_value()
        aci_get_multi_index(self.it, idx)
        return shape_tuple(self.it.orig_ndim, idx)

    @multi_index.setter
    def multi_index(self, value):
        cdef ac_intp idx[AC_MAXDIMS]
        cdef int d
        self._check()
        if not (self.it.flags & AC_ITER_MULTI_INDEX):
            raise ValueError("Iterator is not tracking a multi-index")
        value = tuple(value)
        if len(value) != self.it.orig_ndim:
            raise ValueError("Wrong number of indices")
        for d in range(self.it.orig_ndim):
            idx[d] = value[d]
        iter_goto_multi_index(self.it, idx)
        self.finished = False
        self.started = False

    @property
    def index(self):
        self._check()
        if not (self.it.flags & ACI_HASINDEX):
            raise ValueError("Iterator does not have an index")
        self._check_value()
        return aci_get_index(self.it)

    @index.setter
    def index(self, value):
        self._check()
        if not (self.it.flags & ACI_HASINDEX):
            raise ValueError("Iterator does not have an index")
        iter_goto_index(self.it, value)
        self.finished = False
        self.started = False

    # ---- description
    @property
    def operands(self):
        cdef int i
        self._check()
        return tuple([<object>self.it.opobjs[i] for i in range(self.nop)])

    @property
    def dtypes(self):
        cdef int i
        self._check()
        return tuple([<object>self.it.opdescrs[i] for i in range(self.nop)])

    @property
    def itviews(self):
        cdef int i
        self._check()
        return tuple([iter_view(self.it, i) for i in range(self.nop)])

    @property
    def shape(self):
        self._check()
        return iter_shape(self.it)

    @property
    def ndim(self):
        self._check()
        if self.it.orig_ndim == 0:
            return 0
        return self.it.orig_ndim if (self.it.flags & AC_ITER_MULTI_INDEX) else self.it.ndim

    @property
    def nop(self):
        return self.nop

    @property
    def has_index(self):
        self._check()
        return (self.it.flags & ACI_HASINDEX) != 0

    @property
    def has_multi_index(self):
        self._check()
        return (self.it.flags & AC_ITER_MULTI_INDEX) != 0

    @property
    def has_delayed_bufalloc(self):
        self._check()
        return self.delayed

    @property
    def iterationneedsapi(self):
        return False

    @property
    def finished(self):
        self._check()
        return bool(self.finished)

    # ---- changes
    def remove_axis(self, int i):
        """Stop iterating over axis i (needs a multi-index); resets."""
        self._check()
        iter_remove_axis(self.it, i)
        self._restart()

    def remove_multi_index(self):
        """Stop tracking the multi-index (dimensions coalesce); resets."""
        self._check()
        iter_remove_multi_index(self.it)
        self._restart()

    def enable_external_loop(self):
        """Switch to handing out 1-d inner loops; resets."""
        self._check()
        iter_enable_external_loop(self.it)
        self._restart()

    def copy(self):
        """An independent copy of the iterator at its current position."""
        cdef nditer c = nditer.__new__(nditer)
        self._check()
        c._adopt(iter_copy(self.it), self)
        return c

    cdef void _adopt(self, ACIter *it, nditer other) noexcept:
        if self.it != NULL:
            _free_refs(self.it)
        self.it = it
        self.nop = other.nop
        self.single = other.single
        self.closed = False
        self.delayed = other.delayed
        self.nextfn = aci_get_iternext(it)
        self.started = other.started
        self.finished = other.finished

    def __copy__(self):
        return self.copy()

    def close(self):
        """Write back buffered and copied operands; the iterator is unusable
        afterwards.  Its memory (buffers that value views may still point
        into) is freed with the object."""
        if not self.closed and self.it != NULL:
            self.closed = True
            iter_finish(self.it)
        self.closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
        return False
