# arraycore/_indexing.pyx -- advanced indexing: integer-array and boolean-mask
# get and set (basic indexing -- ints, slices, Ellipsis, None -- is part of
# the core type in _core.pyx).  NumPy's rules: advanced indices broadcast
# together; their result dimensions replace them in place when they are
# adjacent, and go first otherwise.
from libc.string cimport memcpy
from arraycore._types cimport *
from arraycore._ccore cimport *
from arraycore._dtype cimport dtype as Descr
from arraycore._dtype cimport descr_from_tidx, ACX_INT64, ACX_BOOL
from arraycore._core cimport (ndarray, new_array, make_view, copy_into, copy_array,
    reshape_array, transpose_view, size_of, shape_tuple, check_writeable, opinfo_of,
    assign, broadcast_shapes_c, is_index_int, core_impl, setitem_ptr, overlaps)
from arraycore._convert cimport _asarray, as_array

cdef extern from "ac_mask.h":
    ac_intp ac_mask_count(const ac_uint8 *mask, ac_intp n) nogil
    ac_intp ac_mask_compress(char *dst, const char *src, const ac_uint8 *mask,
                             ac_intp n, ac_intp itemsize) nogil
    void ac_mask_expand(char *dst, const char *src, ac_intp src_step, ac_intp src_count,
                        const ac_uint8 *mask, ac_intp n, ac_intp itemsize) nogil

cdef extern from "ac_take.h":
    ac_intp ac_take_1d(char *dst, const char *src, ac_intp sstride, ac_intp dim,
                       const ac_int64 *idx, ac_intp n, int itemsize) nogil
    ac_intp ac_put_1d(char *dst, ac_intp dstride, ac_intp dim, const ac_int64 *idx,
                      ac_intp n, const char *src, ac_intp vstride, int itemsize) nogil
    void ac_gather_offsets(char *dst, const char *base, const ac_int64 *offs, ac_intp n,
                           int itemsize) nogil
    void ac_scatter_offsets(char *base, const ac_int64 *offs, ac_intp n, const char *src,
                            ac_intp vstride, int itemsize) nogil


# the kernels below run without the GIL from this many bytes moved (the copy
# engine's threshold): releasing and taking it back costs ~0.1 us, more than
# a whole small call's work
cdef enum:
    _NOGIL_BYTES = 65536


cdef inline bint _int_key1(ndarray a, ndarray k) noexcept:
    """Whether a[k] takes the row gather: k a native, aligned, C-contiguous
    int64 array and a C-contiguous with ndim >= 1 (a[i] of everyday code:
    whole rows of a are then the elements picked), or a 1-d of any stride
    (its elements are the rows)."""
    return (a.nd != 0 and k.descr.tidx == ACX_INT64 and not k.descr.swapped
            and k.nd + a.nd - 1 <= AC_MAXDIMS
            and (k.flags & AC_ARRAY_C_CONTIGUOUS) and (k.flags & AC_ARRAY_ALIGNED)
            and (a.nd == 1 or (a.flags & AC_ARRAY_C_CONTIGUOUS)))


cdef ndarray _int_key(ndarray a, tuple key):
    """The key's index array when the key is one index array that _int_key1
    accepts, else None."""
    if len(key) != 1 or type(key[0]) is not ndarray:
        return None
    return <ndarray>key[0] if _int_key1(a, <ndarray>key[0]) else None


cdef ndarray _take_rows(ndarray a, ndarray k):
    """a[k] for _int_key's case: one typed gather of rows (src/ac_take.c)."""
    cdef ac_intp shape[AC_MAXDIMS]
    cdef int i
    cdef ac_intp n = size_of(k.nd, k.dimensions), bad, j
    cdef ac_intp row = size_of(a.nd - 1, a.dimensions + 1) * a.descr.itemsize
    cdef ac_intp sstride = a.strides[0] if a.nd == 1 else row
    for i in range(k.nd):
        shape[i] = k.dimensions[i]
    for i in range(1, a.nd):
        shape[k.nd + i - 1] = a.dimensions[i]
    cdef ndarray res = new_array(a.descr, k.nd + a.nd - 1, shape, NULL, NULL, 0, None)
    cdef const ac_int64 *ip = <const ac_int64 *>k.data
    if row > 0 and row <= 0x7FFFFFFF:
        if n * row < _NOGIL_BYTES:
            bad = ac_take_1d(res.data, a.data, sstride, a.dimensions[0], ip, n, <int>row)
        else:
            with nogil:
                bad = ac_take_1d(res.data, a.data, sstride, a.dimensions[0], ip, n, <int>row)
    else:
        bad = -1
        for j in range(n):
            if ip[j] < -a.dimensions[0] or ip[j] >= a.dimensions[0]:
                bad = j
                break
    if bad >= 0:
        raise IndexError(f"index {ip[bad]} is out of bounds for axis 0 with size "
                         f"{a.dimensions[0]}")
    return res


cdef bint _usable_as_is(ndarray v, ndarray a) noexcept:
    """Whether the values v can be read by the scatter as they are: a's type,
    C-contiguous and aligned, and no byte of them in a's memory (so no write
    changes a value still to be read; NumPy's rule too, which copies only
    overlapping values).  Saves a copy of all the values (1M float64: ~0.4 ms)."""
    if v.descr is not a.descr and not (v.descr.tidx == a.descr.tidx
                                       and v.descr.swapped == a.descr.swapped
                                       and v.descr.itemsize == a.descr.itemsize):
        return False
    if not (v.flags & AC_ARRAY_C_CONTIGUOUS) or not (v.flags & AC_ARRAY_ALIGNED):
        return False
    return not overlaps(v, a)


cdef int _put_rows(ndarray a, ndarray k, object value) except -1:
    """a[k] = value for _int_key's case on a 1-d a, when value is one element
    (any 0-d value) or one per index (k's shape); returns 0 when done, 1 when
    the general path must take it."""
    cdef ndarray vals
    cdef ac_intp n = size_of(k.nd, k.dimensions), bad, vstride
    cdef int i
    cdef double buf[2]          # one element of up to 16 bytes, aligned
    cdef const char *vp
    if a.nd != 1:
        return 1
    t = type(value)
    if (t is float or t is int or t is bool or t is complex) and a.descr.itemsize <= 16:
        # a Python scalar: converted into one element here, as _asarray's
        # 0-d array would hold it (setitem_ptr), with no array made
        setitem_ptr(a.descr, <char *>buf, value)
        vp = <const char *>buf
        vstride = 0
    else:
        if isinstance(value, ndarray):
            vals = <ndarray>value
        else:
            vals = _asarray(value, a.descr, None)
        if vals.nd == 0:
            vstride = 0
        elif vals.nd == k.nd:
            for i in range(k.nd):
                if vals.dimensions[i] != k.dimensions[i]:
                    return 1
            vstride = a.descr.itemsize
        else:
            return 1
        if not _usable_as_is(vals, a):
            vals = copy_array(vals, AC_CORDER, a.descr)     # cast once; a copy: value may alias a
        vp = vals.data
    cdef const ac_int64 *ip = <const ac_int64 *>k.data
    if n * a.descr.itemsize < _NOGIL_BYTES:
        bad = ac_put_1d(a.data, a.strides[0], a.dimensions[0], ip, n, vp, vstride,
                        <int>a.descr.itemsize)
    else:
        with nogil:
            bad = ac_put_1d(a.data, a.strides[0], a.dimensions[0], ip, n, vp, vstride,
                            <int>a.descr.itemsize)
    if bad >= 0:
        raise IndexError(f"index {ip[bad]} is out of bounds for axis 0 with size "
                         f"{a.dimensions[0]}")
    return 0


cdef ndarray _whole_mask(ndarray a, tuple key):
    """The key's mask when the key is one bool array of a's whole shape (the
    a[mask] of everyday code), else None."""
    cdef ndarray m
    cdef int i
    if len(key) != 1 or not isinstance(key[0], ndarray):
        return None
    m = <ndarray>key[0]
    if m.descr.tidx != ACX_BOOL or m.nd != a.nd or a.nd == 0:
        return None
    for i in range(a.nd):
        if m.dimensions[i] != a.dimensions[i]:
            return None
    return m if m.flags & AC_ARRAY_C_CONTIGUOUS else copy_array(m, AC_CORDER)


cdef ndarray _mask_get(ndarray a, ndarray m):
    """a[m] for a mask of a's whole shape: one compress pass (src/ac_mask.c)."""
    cdef ac_intp n = size_of(a.nd, a.dimensions), count, isz = a.descr.itemsize
    if not (a.flags & AC_ARRAY_C_CONTIGUOUS):
        a = copy_array(a, AC_CORDER)
    cdef const ac_uint8 *mp = <const ac_uint8 *>m.data
    with nogil:
        count = ac_mask_count(mp, n)
    cdef ndarray res = new_array(a.descr, 1, &count, NULL, NULL, 0, None)
    with nogil:
        ac_mask_compress(res.data, a.data, mp, n, isz)
    return res


cdef int _mask_set(ndarray a, ndarray m, object value) except -1:
    """a[m] = value for a C-contiguous a and a mask of its whole shape, when
    value is one element or one per selected place; returns 0 when done, 1
    when the general path must take it (other shapes, and their errors)."""
    cdef ac_intp n = size_of(a.nd, a.dimensions), count = 1, step
    cdef ndarray vals
    if isinstance(value, ndarray):
        vals = copy_array(<ndarray>value, AC_CORDER, a.descr)   # a copy: value may alias a
    else:
        vals = _asarray(value, a.descr, None)
        if not (vals.flags & AC_ARRAY_C_CONTIGUOUS) or vals.descr is not a.descr:
            vals = copy_array(vals, AC_CORDER, a.descr)
    if size_of(vals.nd, vals.dimensions) == 1 and vals.nd <= 1:
        step = 0
    elif vals.nd == 1:
        count = ac_mask_count(<const ac_uint8 *>m.data, n)
        if vals.dimensions[0] != count:
            return 1
        step = a.descr.itemsize
    else:
        return 1
    with nogil:
        ac_mask_expand(a.data, vals.data, step, count, <const ac_uint8 *>m.data, n,
                       a.descr.itemsize)
    return 0


cdef list _nonzero(ndarray m):
    """Integer index arrays (one per dimension) of the True entries of a bool array."""
    cdef ac_intp n = size_of(m.nd, m.dimensions), count = 0, i, flat
    cdef int d
    cdef ndarray c = copy_array(m, AC_CORDER) if not (m.flags & AC_ARRAY_C_CONTIGUOUS) else m
    cdef char *p = c.data
    cdef ac_intp *counts
    for i in range(n):
        if p[i]:
            count += 1
    out = []
    cdef list ptrs = []
    for d in range(m.nd):
        out.append(new_array(descr_from_tidx(ACX_INT64), 1, &count, NULL, NULL, 0, None))
    cdef ac_intp k = 0
    cdef ndarray o
    for i in range(n):
        if p[i]:
            flat = i
            for d in range(m.nd - 1, -1, -1):
                o = <ndarray>out[d]
                (<long long *>o.data)[k] = flat % m.dimensions[d]
                flat //= m.dimensions[d]
            k += 1
    return out


cdef tuple _prepare(ndarray a, tuple key):
    """Expand the key: returns (view, advanced) where `view` is `a` with basic
    indices applied (advanced positions kept as full axes) and `advanced` is a
    list of (axis in view, int64 index array)."""
    cdef int n_consumed = 0, i
    items = []
    for k in key:
        if k is None or k is Ellipsis:
            items.append(k)
            continue
        if isinstance(k, slice) or is_index_int(k):
            items.append(k)
            n_consumed += 1
            continue
        if isinstance(k, bool):
            # a scalar boolean: a new axis of length 1 (True) or 0 (False)
            items.append(("bool0", bool(k)))
            continue
        if not isinstance(k, (ndarray, list, tuple)) and not hasattr(k, "__array_interface__") \
                and not hasattr(k, "__dlpack__"):
            raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and integer or "
                             f"boolean arrays are valid indices (got {type(k).__name__!r})")
        try:
            arr = as_array(k)
        except (TypeError, ValueError) as exc:
            raise IndexError(f"invalid index: {exc}") from None
        if arr.dtype.kind == "b":
            if (<ndarray>arr).nd == 0:
                items.append(("bool0", bool(arr)))
                continue
            items.append(("mask", arr))
            n_consumed += (<ndarray>arr).nd
            continue
        if arr.dtype.kind not in "iu":
            if (<ndarray>arr).size == 0 and not isinstance(k, ndarray):
                arr = arr.astype("int64")
            else:
                raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and integer or "
                                 "boolean arrays are valid indices")
        items.append(("adv", arr, 0))
        n_consumed += 1
    if n_consumed > a.nd:
        raise IndexError(f"too many indices for array: array is {a.nd}-dimensional, "
                         f"but {n_consumed} were indexed")
    # the advanced indices (arrays, masks, scalar bools, and the ints among
    # them) count as adjacent only when nothing stands between them in the
    # key, not even an Ellipsis that expands to no axis (a[:, i, ..., i])
    adv_at = [j for j, k in enumerate(items)
              if isinstance(k, tuple) or (k is not None and k is not Ellipsis
                                          and not isinstance(k, slice))]
    key_adjacent = all(adv_at[j + 1] == adv_at[j] + 1 for j in range(len(adv_at) - 1))
    # ints become advanced (0-d) indices when arrays are present
    basic = []
    adv_pos = []          # (position in basic key, array)
    n_ell = sum(1 for k in items if k is Ellipsis)
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    out_axis = 0
    expanded = []
    for k in items:
        if k is Ellipsis:
            for _ in range(a.nd - n_consumed):
                expanded.append(slice(None))
        else:
            expanded.append(k)
    if n_ell == 0:
        for _ in range(a.nd - n_consumed):
            expanded.append(slice(None))
    # build the basic key that keeps advanced axes whole
    adv = []
    bool0 = []
    in_axis = 0
    expanded2 = []
    for k in expanded:
        if isinstance(k, tuple) and k[0] == "mask":
            m = <ndarray>k[1]
            for j in range(m.nd):
                # NumPy's rule: a mask axis of length 0 selects nothing whatever
                # the array's length there (n[..., empty_mask] on shape (0, 1))
                if in_axis + j >= a.nd or (a.dimensions[in_axis + j] != m.dimensions[j]
                                           and m.dimensions[j] != 0):
                    raise IndexError(f"boolean index did not match indexed array along axis "
                                     f"{in_axis + j}; size of axis is "
                                     f"{a.dimensions[in_axis + j] if in_axis + j < a.nd else 0} but size "
                                     f"of corresponding boolean axis is {m.dimensions[j]}")
            for z in _nonzero(m):
                expanded2.append(("adv", z, m.nd))
            in_axis += m.nd
        else:
            if not (k is None or (isinstance(k, tuple) and k[0] == "bool0")):
                in_axis += 1
            expanded2.append(k)
    in_axis = 0
    for k in expanded2:
        if k is None:
            basic.append(None)
            out_axis += 1
        elif isinstance(k, tuple) and k[0] == "bool0":
            basic.append(None)
            bool0.append((out_axis, k[1]))
            out_axis += 1
        elif isinstance(k, tuple) and k[0] == "adv":
            basic.append(slice(None))
            adv.append((out_axis, k[1]))
            out_axis += 1
            in_axis += 1
        elif isinstance(k, slice):
            basic.append(k)
            out_axis += 1
            in_axis += 1
        else:
            # an integer alongside arrays: an advanced 0-d index, checked
            # here as NumPy does (even when the arrays select nothing)
            iv = k.__index__()
            if not -a.dimensions[in_axis] <= iv < a.dimensions[in_axis]:
                raise IndexError(f"index {iv} is out of bounds for axis {in_axis} with size "
                                 f"{a.dimensions[in_axis]}")
            basic.append(slice(None))
            adv.append((out_axis, _asarray(int(iv), None, None)))
            out_axis += 1
            in_axis += 1
    view = a[tuple(basic)]
    # scalar booleans act as advanced indices of shape () on a length-1 axis:
    # True selects it, False selects nothing
    for ax, val in bool0:
        adv.append((ax, _asarray([0] if val else [], descr_from_tidx(ACX_INT64), None)))
    adv.sort(key=lambda t: t[0])
    return view, adv, key_adjacent


cdef tuple _plan(ndarray view, list adv):
    """Broadcast the index arrays; returns (bshape, offsets array, rest axes,
    adjacent, first advanced axis)."""
    cdef ac_intp bshape[AC_MAXDIMS]
    cdef int bnd = 0, i, j
    cdef ndarray ia
    for ax, arr in adv:
        ia = <ndarray>arr
        if ia.nd > bnd:
            for i in range(bnd - 1, -1, -1):
                bshape[i + ia.nd - bnd] = bshape[i]
            for i in range(ia.nd - bnd):
                bshape[i] = 1
            bnd = ia.nd
    for ax, arr in adv:
        ia = <ndarray>arr
        try:
            broadcast_shapes_c(bnd, bshape, ia.nd, ia.dimensions)
        except ValueError:
            raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                             f"with shapes {' '.join(str(x.shape) for _, x in adv)}") from None
    cdef ac_intp nb = size_of(bnd, bshape)
    cdef ndarray offs = new_array(descr_from_tidx(ACX_INT64), bnd, bshape, NULL, NULL, 0, None, True)
    cdef long long *op = <long long *>offs.data
    cdef ndarray b
    cdef ac_intp k, v, dim, stride
    from arraycore._manip import broadcast_to
    for ax, arr in adv:
        b = copy_array(broadcast_to(arr, shape_tuple(bnd, bshape)), AC_CORDER, descr_from_tidx(ACX_INT64))
        dim = view.dimensions[<int>ax]
        stride = view.strides[<int>ax]
        for k in range(nb):
            v = (<long long *>b.data)[k]
            if v < 0:
                v += dim
            if v < 0 or v >= dim:
                raise IndexError(f"index {(<long long *>b.data)[k]} is out of bounds for axis "
                                 f"{ax} with size {dim}")
            op[k] += v * stride
    axes = [ax for ax, _ in adv]
    adjacent = all(axes[i + 1] == axes[i] + 1 for i in range(len(axes) - 1))
    rest = [i for i in range(view.nd) if i not in axes]
    return offs, rest, adjacent, axes[0]


cdef ndarray _gather(ndarray view, ndarray offs, list rest):
    """result[b..., r...] = view[offset b, rest axes r...]"""
    cdef ac_intp shape[AC_MAXDIMS]
    cdef ac_intp rshape[AC_MAXDIMS]
    cdef ac_intp rstrides[AC_MAXDIMS]
    cdef int nb_nd = offs.nd, nr = len(rest), i
    cdef ac_intp nb = size_of(offs.nd, offs.dimensions), k, chunk
    cdef ac_opinfo info
    if nb_nd + nr > AC_MAXDIMS:
        raise IndexError(f"the result of this index would have {nb_nd + nr} dimensions; "
                         f"the maximum is {AC_MAXDIMS}")
    for i in range(nb_nd):
        shape[i] = offs.dimensions[i]
    for i in range(nr):
        shape[nb_nd + i] = view.dimensions[<int>rest[i]]
        rshape[i] = view.dimensions[<int>rest[i]]
        rstrides[i] = view.strides[<int>rest[i]]
    cdef ndarray res = new_array(view.descr, nb_nd + nr, shape, NULL, NULL, 0, None)
    cdef long long *op = <long long *>offs.data
    cdef ac_intp isz = view.descr.itemsize
    chunk = size_of(nr, rshape) * isz
    opinfo_of(view.descr, False, &info)
    cdef ac_opinfo dinfo = info
    dinfo.aligned = True
    cdef ac_intp dstrides[AC_MAXDIMS]
    for i in range(nr):
        dstrides[i] = res.strides[nb_nd + i]
    if nr == 0:
        with nogil:
            ac_gather_offsets(res.data, view.data, <const ac_int64 *>op, nb, <int>isz)
    else:
        for k in range(nb):
            ac_copy_nd(nr, rshape, res.data + k * chunk, dstrides, &dinfo,
                       view.data + op[k], rstrides, &info)
    return res


cdef object getitem(ndarray a, object key):
    """a[key] for a key with arrays or masks: a tuple, or (from _core's
    getitem, without a tuple made) one ndarray of ndim >= 1."""
    cdef ndarray k
    if type(key) is ndarray:
        if _int_key1(a, <ndarray>key):
            return _take_rows(a, <ndarray>key)
        key = (key,)
    else:
        if type(key) is not tuple:
            key = (key,)
        k = _int_key(a, key)
        if k is not None:
            return _take_rows(a, k)
    cdef ndarray m = _whole_mask(a, key)
    if m is not None and a.flags & AC_ARRAY_ALIGNED:
        return _mask_get(a, m)
    return _getitem_general(a, key)


cdef object _getitem_general(ndarray a, tuple key):
    # a function of its own: its generator expression makes Cython allocate
    # a closure on entry, which the fast paths above should not pay for
    view, adv, key_adjacent = _prepare(a, key)
    if not adv:
        return copy_array(view, AC_CORDER) if view is not a else view
    offs, rest, adjacent, first = _plan(<ndarray>view, adv)
    adjacent = adjacent and key_adjacent
    res = _gather(<ndarray>view, <ndarray>offs, rest)
    cdef int nb_nd = (<ndarray>offs).nd
    if adjacent and first > 0:
        # move the broadcast dims to where the advanced indices were
        nrest_before = sum(1 for r in rest if r < first)
        perm = list(range(nb_nd, nb_nd + nrest_before)) + list(range(nb_nd)) + \
            list(range(nb_nd + nrest_before, (<ndarray>res).nd))
        res = copy_array(transpose_view(<ndarray>res, tuple(perm)), AC_CORDER)
    return res


cdef int setitem(ndarray a, object key, object value) except -1:
    """a[key] = value for a key with arrays or masks: a tuple, or (from
    _core's setitem, without a tuple made) one ndarray of ndim >= 1."""
    check_writeable(a)
    cdef ndarray ik = None
    if type(key) is ndarray:
        if _int_key1(a, <ndarray>key):
            ik = <ndarray>key
        key = (key,)
    else:
        if type(key) is not tuple:
            key = (key,)
        ik = _int_key(a, key)
    if ik is not None and (a.flags & AC_ARRAY_ALIGNED):
        if _put_rows(a, ik, value) == 0:
            return 0
    cdef ndarray m = _whole_mask(a, key)
    if m is not None and (a.flags & AC_ARRAY_ALIGNED) and (a.flags & AC_ARRAY_C_CONTIGUOUS):
        if _mask_set(a, m, value) == 0:
            return 0
    return _setitem_general(a, key, value)


cdef int _setitem_general(ndarray a, tuple key, object value) except -1:
    # a function of its own, as _getitem_general
    cdef ndarray vals, view, offs
    cdef ac_intp k, nb, chunk
    cdef ac_intp rshape[AC_MAXDIMS]
    cdef ac_intp rstrides[AC_MAXDIMS]
    cdef ac_intp sstrides[AC_MAXDIMS]
    cdef ac_opinfo dinfo, sinfo
    view_, adv, key_adjacent = _prepare(a, key)
    view = <ndarray>view_
    if not adv:
        return assign(view, value)
    offs_, rest, adjacent, first = _plan(view, adv)
    adjacent = adjacent and key_adjacent
    offs = <ndarray>offs_
    cdef int nb_nd = offs.nd, nr = len(rest), i
    # the selection's shape in result order, then the values broadcast to it
    bsh = offs.shape
    rsh = tuple(view.dimensions[<int>r] for r in rest)
    if adjacent and first > 0:
        nbefore = sum(1 for r in rest if r < first)
        res_shape = rsh[:nbefore] + bsh + rsh[nbefore:]
    else:
        nbefore = -1
        res_shape = bsh + rsh
    from arraycore._manip import broadcast_to
    src = value if isinstance(value, ndarray) else _asarray(value, view.descr, None)
    src = broadcast_to(src, res_shape)
    if nbefore >= 0:
        perm = list(range(nbefore, nbefore + nb_nd)) + list(range(nbefore)) + \
            list(range(nbefore + nb_nd, len(res_shape)))
        src = transpose_view(<ndarray>src, tuple(perm))
    # cast once into the destination dtype, C order (b..., r...)
    vals = copy_array(<ndarray>src, AC_CORDER, view.descr)
    nb = size_of(offs.nd, offs.dimensions)
    for i in range(nr):
        rshape[i] = view.dimensions[<int>rest[i]]
        rstrides[i] = view.strides[<int>rest[i]]
        sstrides[i] = vals.strides[nb_nd + i]
    chunk = size_of(nr, rshape) * view.descr.itemsize
    opinfo_of(view.descr, False, &dinfo)
    sinfo = dinfo
    sinfo.aligned = True
    cdef long long *op = <long long *>offs.data
    if nr == 0:
        with nogil:
            ac_scatter_offsets(view.data, <const ac_int64 *>op, nb, vals.data,
                               view.descr.itemsize, <int>view.descr.itemsize)
        return 0
    for k in range(nb):
        ac_copy_nd(nr, rshape, view.data + op[k], rstrides, &dinfo,
                   vals.data + k * chunk, sstrides, &sinfo)
    return 0


core_impl.adv_getitem = getitem     # a[key] with array or mask indices
core_impl.adv_setitem = setitem
