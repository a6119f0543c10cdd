# arraycore/_reduction.pyx -- the ufunc methods that fold or scatter:
# reduce (axis parsing, identities, the stride-0 output trick, whole-array
# reductions in one loop call, where= masks), accumulate, reduceat and the
# unbuffered in-place `at`.  They run the loops of the ufunc object through
# _ufunc's resolution and runner (typed calls both ways: _ufunc.pxd and
# _reduction.pxd).  Neither module's body uses the other's Python-level
# state at import, so either can be imported first.
from libc.string cimport memcpy, memset

from arraycore._types cimport *
from arraycore._dtype cimport (
    dtype, descr_from_tidx, result_type_weak, native,
    ACX_BOOL, ACX_INT64, ACX_UINT64, SAFE_CASTING, SAME_KIND_CASTING, UNSAFE_CASTING)
from arraycore._core cimport (
    ndarray, new_array, make_view, empty_like_array, copy_into, copy_array, size_of,
    shape_tuple, normalize_axis, setitem_ptr, getitem_ptr, fill_array, check_writeable, overlaps)
from arraycore._convert cimport _asarray, as_array
from arraycore._errstate cimport clear_fpe
from arraycore._ufunc cimport (
    ufunc, ufunc_call, get_ufunc, _find_loop, run_loop, _run_flat, fpe_check,
    _direct, _is_pyscalar, check_out_cast, ufunc_type_error, NOVALUE,
    NOGIL_SIZE, MAXD, ACUFunc_Zero, ACUFunc_One, ACUFunc_MinusOne, ACUFunc_IdentityValue)


# ----------------------------------------------------------------------------
# reduce
# ----------------------------------------------------------------------------
cdef int reduce_axes(object axis, int nd, char *red) except -1:
    """Mark the reduced axes in red[]; returns how many."""
    cdef int i, n = 0, ax
    memset(red, 0, nd)
    if axis is None:
        for i in range(nd):
            red[i] = 1
        return nd
    if not isinstance(axis, tuple):
        axis = (axis,)
    for x in axis:
        if not isinstance(x, int) and not hasattr(x, "__index__"):
            raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
        ax = normalize_axis(x, nd)
        if red[ax]:
            raise ValueError("duplicate value in 'axis'")
        red[ax] = 1
        n += 1
    return n


cdef int _check_method(ufunc uf, str method, object out) except -1:
    """The checks every fold method makes first: a generalized ufunc has no
    element-wise fold, and `out` is an arraycore array (or None)."""
    if uf._core is not None:
        raise TypeError(f"method {method} is not allowed in ufunc with non-trivial "
                        f"signature (generalized ufunc {uf.__name__})")
    if out is not None and not isinstance(out, ndarray):
        raise TypeError(f"{uf.__name__}.{method}(): 'out' must be an arraycore array, "
                        f"not {type(out).__name__}")
    return 0


cdef object _identity_for(ufunc uf, dtype d):
    if uf._identity == ACUFunc_Zero:
        return False if d.tidx == ACX_BOOL else 0
    if uf._identity == ACUFunc_One:
        return True if d.tidx == ACX_BOOL else 1
    if uf._identity == ACUFunc_MinusOne:
        if d.tidx == ACX_BOOL:
            return True
        if d.kind == "u":
            # all bits set, as a Python int (a C shift overflows for 32/64 bits)
            return (<object>1 << (8 * d.itemsize)) - 1
        return -1
    if uf._identity == ACUFunc_IdentityValue:
        return uf._identity_value
    return NOVALUE


cdef dtype _default_reduce_dtype(ufunc uf, dtype d):
    """add/multiply reduce small integers and bool in the default integer;
    logical_and/or/xor fold truth values (bool) whatever the input type."""
    if uf.__name__ in ("logical_and", "logical_or", "logical_xor"):
        return descr_from_tidx(ACX_BOOL)
    if uf.__name__ in ("add", "multiply"):
        if d.tidx == ACX_BOOL or (d.kind == "i" and d.itemsize < 8):
            return descr_from_tidx(ACX_INT64)
        if d.kind == "u" and d.itemsize < 8:
            return descr_from_tidx(ACX_UINT64)
    return native(d)


cdef int _fold_loop(ufunc uf, dtype dt, dtype adt, str what) except -1:
    """The loop a reduction or an accumulation runs, of types (d, d) -> d: d
    is dt when given, else the input's dtype adt (bool and small integers
    widened for add and multiply)."""
    cdef int tin[2]
    cdef int li
    cdef dtype d = dt if dt is not None else _default_reduce_dtype(uf, adt)
    tin[0] = d.tidx
    tin[1] = d.tidx
    li = _find_loop(uf, tin, dt, UNSAFE_CASTING)
    if li < 0 or uf._types[li * 3] != uf._types[li * 3 + 2] or \
            uf._types[li * 3 + 1] != uf._types[li * 3 + 2]:
        raise ufunc_type_error(f"ufunc '{uf.__name__}' has no {what} loop for {d!r}")
    return li


cdef object ufunc_reduce(ufunc uf, object arr, object axis, dtype dt, object out,
                         bint keepdims, object initial, object where):
    cdef ndarray a = as_array(arr)
    cdef ndarray o, src
    cdef int nd = a.nd, i, j, li, nred
    cdef char red[MAXD]
    cdef ac_intp oshape[MAXD]
    cdef ac_intp rshape[MAXD]         # out shape with 1s on reduced axes
    cdef ac_intp ostrides[MAXD]
    cdef ac_intp strides[3 * MAXD]
    cdef char *ptrs[3]
    cdef dtype d
    _check_method(uf, "reduce", out)
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"reduce only supported for binary functions ({uf.__name__})")
    nred = reduce_axes(axis, nd, red)
    li = _fold_loop(uf, dt, a.descr, "reduction")
    d = descr_from_tidx(uf._types[li * 3])
    ident = _identity_for(uf, d)
    # what the entries `where` leaves out become: the ufunc's own identity
    # (`initial` is then applied once, by the reduction); without one,
    # `initial` (min/max and the like, for which op(initial, initial) is initial)
    masked_fill = ident
    if initial is not NOVALUE and initial is not None:
        ident = initial
        if masked_fill is NOVALUE:
            masked_fill = initial
    has_ident = ident is not NOVALUE
    if nred == nd and not keepdims and out is None and where is True and \
            (nd <= 1 or (a.flags & AC_ARRAY_C_CONTIGUOUS)) and _direct(a, d.tidx):
        r = _reduce_flat(uf, li, a, d, ident, has_ident)
        if r is not None:
            return r
    # output shape
    j = 0
    for i in range(nd):
        rshape[i] = 1 if red[i] else a.dimensions[i]
        if not red[i]:
            oshape[j] = a.dimensions[i]
            j += 1
        elif keepdims:
            oshape[j] = 1
            j += 1
    if not has_ident:
        for i in range(nd):
            if red[i] and a.dimensions[i] == 0:
                raise ValueError(f"zero-size array to reduction operation {uf.__name__} "
                                 "which has no identity")
    if where is not True:
        if not has_ident:
            raise ValueError(f"reduction operation '{uf.__name__}' does not have an identity, "
                             "so to use a where mask one has to specify 'initial'")
        src = ufunc_call(get_ufunc("_where"), (where, a, masked_fill), None, True, UNSAFE_CASTING, d,
                         AC_KEEPORDER)
        if src.nd != nd:
            raise ValueError("the 'where' mask must broadcast to the reduced array's shape")
        return ufunc_reduce(uf, src, axis, d, out, keepdims, initial if has_ident and
                            initial is not NOVALUE else NOVALUE, True)
    # the result array (native loop type); copied to `out` at the end if needed
    final = out
    if out is not None:
        check_writeable(out)
        if (<ndarray>out).nd != j or any((<ndarray>out).dimensions[i] != oshape[i] for i in range(j)):
            raise ValueError(f"output parameter for reduction operation {uf.__name__} has the "
                             f"wrong shape {shape_tuple((<ndarray>out).nd, (<ndarray>out).dimensions)}"
                             f", expected {shape_tuple(j, oshape)}")
        check_out_cast(uf, d, (<ndarray>out).descr, SAME_KIND_CASTING)
    if a.descr is not d or not (a.flags & AC_ARRAY_ALIGNED):
        a = copy_array(a, AC_KEEPORDER, d)
    elif out is not None and overlaps(a, <ndarray>out):
        a = copy_array(a, AC_KEEPORDER)
    if out is not None and _direct(<ndarray>out, d.tidx) and not overlaps(a, <ndarray>out):
        o = <ndarray>out
    else:
        o = new_array(d, j, oshape, NULL, NULL, 0, None)
    # view of o with the reduced axes as length-1 (stride 0) axes
    j = 0
    for i in range(nd):
        if red[i]:
            ostrides[i] = 0
            if keepdims:
                j += 1
        else:
            ostrides[i] = o.strides[j]
            j += 1
    if nred == 0 and (initial is NOVALUE or initial is None):
        _copy_reshaped(o, a)
        src = None
    elif has_ident:         # (also no reduced axis with `initial`: op(initial, a))
        fill_array(o, ident)
        src = a
    elif nred == 1:
        # no identity: start from the first slice along the reduced axis
        for i in range(nd):
            if red[i]:
                break
        memcpy(rshape, a.dimensions, nd * sizeof(ac_intp))
        rshape[i] = 1
        first = make_view(a, nd, rshape, a.strides, a.data)
        _copy_reshaped(o, first)
        rshape[i] = a.dimensions[i] - 1
        src = make_view(a, nd, rshape, a.strides, a.data + a.strides[i])
    else:
        # no identity over several axes: one axis at a time (exact for min/max)
        res = a
        axes = sorted([i for i in range(nd) if red[i]], reverse=True)
        for ax in axes:
            res = ufunc_reduce(uf, res, ax, d, None, True, NOVALUE, True)
        res = res.reshape(shape_tuple(o.nd, o.dimensions))
        copy_into(o, res)
        src = None
    if src is not None:
        ptrs[0] = o.data
        ptrs[1] = src.data
        ptrs[2] = o.data
        memcpy(strides, ostrides, sizeof(ac_intp) * nd)
        memcpy(strides + MAXD, src.strides, sizeof(ac_intp) * nd)
        memcpy(strides + 2 * MAXD, ostrides, sizeof(ac_intp) * nd)
        clear_fpe()
        run_loop(uf._funcs[li], uf._data[li], nd, src.dimensions, 3, ptrs, strides, 1)
        fpe_check(uf)
    if final is not None:
        if final is not o:
            copy_into(<ndarray>final, o)
        return final
    return o


cdef object _reduce_flat(ufunc uf, int li, ndarray a, dtype d, object ident, bint has_ident):
    """The whole of a 1-d or C-contiguous array reduced to a 0-d array with
    one loop call (the accumulator stays in a register; float add sums
    pairwise).  None when the general path must run (empty, no identity)."""
    cdef ac_intp n = size_of(a.nd, a.dimensions)
    cdef ac_intp s = a.strides[0] if a.nd == 1 else d.itemsize
    cdef char *ptrs[3]
    cdef ac_intp steps[3]
    cdef char *src = a.data
    cdef ndarray o
    if n == 0 and not has_ident:
        return None
    o = new_array(d, 0, NULL, NULL, NULL, 0, None)
    if has_ident:
        fill_array(o, ident)
    else:
        memcpy(o.data, a.data, d.itemsize)
        src = a.data + s
        n -= 1
    ptrs[0] = o.data
    ptrs[1] = src
    ptrs[2] = o.data
    steps[0] = 0
    steps[1] = s
    steps[2] = 0
    clear_fpe()
    if n < NOGIL_SIZE:
        if n > 0:
            uf._funcs[li](ptrs, &n, steps, uf._data[li])
    else:
        _run_flat(uf, li, n, 3, ptrs, steps)
    fpe_check(uf)
    return o


cdef int _copy_reshaped(ndarray o, ndarray src) except -1:
    """Copy src (same size as o) into o, reshaping to o's shape."""
    copy_into(o, src.reshape(shape_tuple(o.nd, o.dimensions)))
    return 0


# ----------------------------------------------------------------------------
# accumulate, reduceat
# ----------------------------------------------------------------------------
cdef object ufunc_accumulate(ufunc uf, object arr, object axis, dtype dt, object out):
    cdef ndarray a = as_array(arr)
    cdef ndarray o
    cdef int nd = a.nd, ax, li, i
    cdef ac_intp strides[3 * MAXD]
    cdef ac_intp shape[MAXD]
    cdef char *ptrs[3]
    cdef dtype d
    _check_method(uf, "accumulate", out)
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"accumulate only supported for binary functions ({uf.__name__})")
    if nd == 0:
        raise ValueError("accumulate requires an array of at least one dimension")
    if axis is None:
        raise TypeError("accumulate does not allow multiple axes")
    ax = normalize_axis(axis, nd)
    li = _fold_loop(uf, dt, a.descr, "accumulation")
    d = descr_from_tidx(uf._types[li * 3])
    if out is not None:
        check_writeable(out)
        if (<ndarray>out).nd != nd or any((<ndarray>out).dimensions[i] != a.dimensions[i]
                                          for i in range(nd)):
            raise ValueError("accumulate: 'out' has the wrong shape")
        check_out_cast(uf, d, (<ndarray>out).descr, SAME_KIND_CASTING)
    if a.descr is not d or not (a.flags & AC_ARRAY_ALIGNED) or \
            (out is not None and overlaps(a, <ndarray>out)):
        a = copy_array(a, AC_KEEPORDER, d)
    if out is not None and _direct(<ndarray>out, d.tidx):
        o = <ndarray>out
    else:
        o = empty_like_array(a, d, AC_KEEPORDER)
    if a.dimensions[ax] > 0:
        idx0 = (slice(None),) * ax + (0,)
        copy_into(o[idx0], a[idx0])
        for i in range(nd):
            shape[i] = a.dimensions[i]
        shape[ax] -= 1
        ptrs[0] = o.data
        ptrs[1] = a.data + a.strides[ax]
        ptrs[2] = o.data + o.strides[ax]
        memcpy(strides, o.strides, sizeof(ac_intp) * nd)
        memcpy(strides + MAXD, a.strides, sizeof(ac_intp) * nd)
        memcpy(strides + 2 * MAXD, o.strides, sizeof(ac_intp) * nd)
        # keep the accumulation axis outermost-or-in-order: the runner only
        # reorders dims, never reverses them, so each step sees its predecessor
        clear_fpe()
        run_loop(uf._funcs[li], uf._data[li], nd, shape, 3, ptrs, strides, 1)
        fpe_check(uf)
    if out is not None and out is not o:
        copy_into(<ndarray>out, o)
        return out
    return o


cdef object ufunc_reduceat(ufunc uf, object arr, object indices, object axis, dtype dt,
                            object out):
    _check_method(uf, "reduceat", out)
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"reduceat only supported for binary functions ({uf.__name__})")
    cdef ndarray a = as_array(arr)
    cdef ndarray idx = as_array(indices)
    cdef int ax = normalize_axis(axis, a.nd)
    cdef ac_intp n = a.dimensions[ax], i, m, s, e
    if idx.nd != 1:
        raise ValueError("reduceat: indices must be one-dimensional")
    if idx.descr.kind not in "iu":
        raise TypeError("reduceat: indices must be integers")
    # the result's dtype: the fold loop's (an empty range gives a[s] in it)
    cdef dtype d = descr_from_tidx(uf._types[_fold_loop(uf, dt, a.descr, "reduction") * 3])
    idl = idx.tolist()
    pieces = []
    m = len(idl)
    for i in range(m):
        s = idl[i]
        if s < 0 or s >= n:
            raise IndexError(f"index {s} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
        e = idl[i + 1] if i + 1 < m else n
        if e < 0 or e > n:
            raise IndexError(f"index {e} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
        pre = (slice(None),) * ax
        if e > s:
            pieces.append(ufunc_reduce(uf, a[pre + (slice(s, e),)], ax, dt, None, True,
                                       NOVALUE, True))
        else:
            pieces.append(copy_array(a[pre + (slice(s, s + 1),)], AC_KEEPORDER, d))
    from arraycore._manip import concat
    if m == 0:
        shp = list(shape_tuple(a.nd, a.dimensions))
        shp[ax] = 0
        from arraycore._creation import empty
        res = empty(tuple(shp), dtype=d)
    else:
        res = concat(pieces, axis=ax)
    if out is not None:
        copy_into(<ndarray>out, res)
        return out
    return res


# ----------------------------------------------------------------------------
# at: unbuffered, in place
# ----------------------------------------------------------------------------
cdef extern from "ac_take.h":
    int ac_at_arith(int op, int tidx, char *a, ac_intp astride, ac_intp wrap,
                    const ac_int64 *pos, ac_intp n, const char *b, ac_intp bstride) nogil
    ac_intp ac_index_check(const ac_int64 *idx, ac_intp n, ac_intp dim) nogil

cdef object _AT_UFUNCS = None
cdef object _at_arange = None
cdef object _at_broadcast_to = None


cdef int _at_op(ufunc uf):
    """ac_at_arith's op number of the ufunc (AC_AT_ADD, ...), else -1."""
    global _AT_UFUNCS
    cdef int i
    if _AT_UFUNCS is None:
        import arraycore as _ac
        _AT_UFUNCS = (_ac.add, _ac.subtract, _ac.multiply, _ac.maximum, _ac.minimum,
                      _ac.fmax, _ac.fmin, _ac.bitwise_and, _ac.bitwise_or, _ac.bitwise_xor)
    for i in range(len(_AT_UFUNCS)):
        if uf is _AT_UFUNCS[i]:
            return i
    return -1


cdef object ufunc_at(ufunc uf, object arr, object indices, object b):
    cdef ndarray a = <ndarray>arr if isinstance(arr, ndarray) else None
    cdef ndarray bb = None, pos
    cdef ac_intp i, n, off, q
    cdef int k, li
    cdef int tin[2]
    cdef char *ptrs[3]
    cdef ac_intp steps[3]
    cdef ac_intp one = 1
    if a is None:
        raise TypeError("ufunc.at: the first argument must be an arraycore array")
    check_writeable(a)
    if uf.nout != 1 or uf.nin not in (1, 2) or uf._core is not None:
        raise ValueError(f"ufunc.at is only supported for unary and binary ufuncs")
    if uf.nin == 2 and b is None:
        raise ValueError("second operand needed for ufunc.at with a binary ufunc")
    if uf.nin == 1 and b is not None:
        raise ValueError("second operand provided when ufunc is unary")
    global _at_arange, _at_broadcast_to
    if _at_arange is None:      # imported once (an import statement costs per call)
        from arraycore._creation import arange as _ar
        from arraycore._manip import broadcast_to as _bt
        _at_arange, _at_broadcast_to = _ar, _bt
    arange = _at_arange
    broadcast_to = _at_broadcast_to
    cdef ac_intp j, dim0
    cdef ac_int64 *wp
    ind = indices if isinstance(indices, ndarray) or _is_pyscalar(indices) else None
    cdef ac_intp wrap = 0         # positions below 0 count from here (1-d a)
    if a.nd == 1 and isinstance(ind, ndarray) and (<ndarray>ind).descr.kind in "iu":
        # one integer index array into a 1-d array: the positions are the
        # indices themselves (checked here, negatives wrapped where used); a
        # contiguous int64 index array is read in place unless it shares
        # memory with a
        pos = <ndarray>ind
        if not (pos.descr.tidx == ACX_INT64 and not pos.descr.swapped
                and (pos.flags & AC_ARRAY_C_CONTIGUOUS) and (pos.flags & AC_ARRAY_ALIGNED)
                and not overlaps(pos, a)):
            pos = copy_array(<ndarray>ind, AC_CORDER, descr_from_tidx(ACX_INT64))
        wp = <ac_int64 *>pos.data
        dim0 = a.dimensions[0]
        n = size_of(pos.nd, pos.dimensions)
        with nogil:
            j = ac_index_check(wp, n, dim0)
        if j >= 0:
            raise IndexError(f"index {wp[j]} is out of bounds for axis 0 with size {dim0}")
        wrap = dim0
    else:
        pos = arange(size_of(a.nd, a.dimensions), dtype="int64").reshape(
            shape_tuple(a.nd, a.dimensions))[indices]
    pshape = shape_tuple(pos.nd, pos.dimensions)
    tin[0] = a.descr.tidx
    if uf.nin == 2:
        if _is_pyscalar(b):
            tin[1] = result_type_weak(a.descr, b).tidx
        else:
            bb = as_array(b)
            tin[1] = bb.descr.tidx
    li = _find_loop(uf, tin, None, SAFE_CASTING)
    if li < 0:
        li = _find_loop(uf, tin, a.descr, UNSAFE_CASTING)
    if li < 0:
        raise ufunc_type_error(f"ufunc '{uf.__name__}' did not contain a loop for ufunc.at")
    cdef const unsigned char *lt = uf._types + li * uf.nargs
    cdef dtype d0 = descr_from_tidx(lt[0])
    cdef dtype dout = descr_from_tidx(lt[uf.nin])
    check_out_cast(uf, dout, a.descr, SAME_KIND_CASTING)
    # the positions are read as a contiguous int64 run below: a view of
    # arange (a[::2], a[::-1]) is strided, so it is copied first
    if not (pos.nd == 1 and pos.descr.tidx == ACX_INT64 and not pos.descr.swapped
            and (pos.flags & AC_ARRAY_C_CONTIGUOUS) and (pos.flags & AC_ARRAY_ALIGNED)):
        pos = copy_array(pos.reshape(-1), AC_CORDER, descr_from_tidx(ACX_INT64))
    n = pos.dimensions[0]
    cdef ac_intp bstride = 0
    if uf.nin == 2:
        if bb is None:
            bb = _asarray(b, descr_from_tidx(lt[1]), None)
        if bb.nd == 0:      # one value for every index: stride 0
            bb = copy_array(bb, AC_CORDER, descr_from_tidx(lt[1]))
        elif bb.nd == 1 and pos.nd == 1 and bb.dimensions[0] == n and \
                bb.descr.tidx == lt[1] and not bb.descr.swapped and \
                (bb.flags & AC_ARRAY_ALIGNED) and not overlaps(bb, a):
            # one value per index, of the loop's type, apart from a: read in
            # place (a copy of b cost 10% of a 1M-index call)
            bstride = bb.strides[0]
        else:
            bb = copy_array(broadcast_to(bb, pshape).reshape(-1), AC_CORDER,
                            descr_from_tidx(lt[1]))
            bstride = bb.strides[0] if bb.nd == 1 else 0
    cdef double abuf[2]          # one element of any type, aligned for all
    cdef double obuf[2]
    cdef const ac_int64 *pp = <const ac_int64 *>pos.data
    cdef bint direct = _direct(a, lt[0]) and a.descr.tidx == lt[uf.nin]
    cdef int at_op, r
    cdef ac_intp astride = 0
    if a.nd == 1:
        astride = a.strides[0]
    elif a.flags & AC_ARRAY_C_CONTIGUOUS:
        astride = a.descr.itemsize      # flat positions of a C-contiguous array
    if direct and (a.nd == 1 or astride != 0) and uf.nin == 2 and lt[1] == lt[0]:
        # one typed C loop (src/ac_take.c) for the common ops and types
        at_op = _at_op(uf)
        if at_op >= 0:
            clear_fpe()
            with nogil:
                r = ac_at_arith(at_op, lt[0], a.data, astride, wrap, pp, n, bb.data, bstride)
            if r == 0:
                fpe_check(uf)
                return None
    if direct:
        # the element is its own input and output: one loop call per index, in C
        steps[0] = steps[1] = steps[2] = 0
        clear_fpe()
        for i in range(n):
            q = pp[i]
            if q < 0:
                q += wrap
            if a.nd == 1:
                off = q * a.strides[0]
            else:
                off = 0
                for k in range(a.nd - 1, -1, -1):
                    off += (q % a.dimensions[k]) * a.strides[k]
                    q //= a.dimensions[k]
            ptrs[0] = a.data + off
            if uf.nin == 2:
                ptrs[1] = bb.data + i * bstride
                ptrs[2] = a.data + off
            else:
                ptrs[1] = a.data + off
            uf._funcs[li](ptrs, &one, steps, uf._data[li])
        fpe_check(uf)
        return None
    for i in range(n):
        off = 0
        q = pp[i]
        if q < 0:
            q += wrap
        for k in range(a.nd - 1, -1, -1):
            off += (q % a.dimensions[k]) * a.strides[k]
            q //= a.dimensions[k]
        v = getitem_ptr(a.descr, a.data + off)
        setitem_ptr(d0, <char *>abuf, v)
        ptrs[0] = <char *>abuf
        if uf.nin == 2:
            ptrs[1] = bb.data + i * bstride
            ptrs[2] = <char *>obuf
        else:
            ptrs[1] = <char *>obuf
        steps[0] = steps[1] = steps[2] = 0
        uf._funcs[li](ptrs, &one, steps, uf._data[li])
        setitem_ptr(a.descr, a.data + off, getitem_ptr(dout, <char *>obuf))
    fpe_check(uf)
    return None

