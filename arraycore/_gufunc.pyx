# arraycore/_gufunc.pyx -- generalized ufuncs: core-dimension signatures
# ("(m,n),(n,p)->(m,p)", fixed sizes "(3)", optional "n?"), the call with
# broadcasting of loop dimensions, axes=/axis=/keepdims=, allocated outputs;
# and the linear algebra built on them: matmul (the @ operator), vecdot,
# tensordot.  Type resolution and loop running are _ufunc's.
import re

from libc.stdint cimport intptr_t
from arraycore._types cimport *
from arraycore._dtype cimport (
    dtype, descr_from_tidx, can_cast_descr, ACX_NTYPES, SAME_KIND_CASTING)
from arraycore._core cimport (
    ndarray, new_array, copy_array, broadcast_shapes_c, broadcast_strides_n, size_of,
    shape_tuple, normalize_axis, check_writeable, copy_into, transpose_view, overlaps)
from arraycore._convert cimport _asarray
from arraycore._ufunc cimport (
    ufunc, ACUFuncGenericFunction, resolve, new_ufunc, AC_UFUNC_MAXARGS, fpe_check,
    gufunc_impl)
from arraycore._errstate cimport (sigint_on, sigint_done, clear_fpe,
                                   ac_sigint_ignore_in_thread)
from arraycore._driver cimport (ac_drive, AC_DRIVE_COALESCE, AC_DRIVE_BADARGS,
    AC_DRIVE_INTERRUPTED)
from arraycore._ufunc import UFuncTypeError

cdef extern from "ac_umath.h":
    int ac_loop_error

cdef extern from "ac_matmul.h":
    int ac_matmul(int tidx, ac_intp n, ac_intp k, ac_intp m,
                  const char *A, ac_intp a_rs, ac_intp a_cs,
                  const char *B, ac_intp b_rs, ac_intp b_cs,
                  char *C, ac_intp c_rs, ac_intp c_cs) nogil
    int ac_matmul_blas_worthy(int tidx, ac_intp n, ac_intp k, ac_intp m) nogil
    int ac_matmul_many(int tidx, ac_intp N, ac_intp n, ac_intp k, ac_intp m,
                       const char *A, ac_intp ao, ac_intp a_rs, ac_intp a_cs,
                       const char *B, ac_intp bo, ac_intp b_rs, ac_intp b_cs,
                       char *C, ac_intp co, ac_intp c_rs, ac_intp c_cs) nogil
    void ac_vecdot_many(int tidx, ac_intp N, ac_intp n, const char *x, ac_intp xo,
                        ac_intp xs, const char *y, ac_intp yo, ac_intp ys,
                        char *out, ac_intp oo) nogil

cdef extern from "ac_lapack.h":
    int ac_blas_loaded() nogil

cdef extern from "arraycore/acufunc.h":
    enum:
        ACUFunc_None

cdef enum:
    MAXD = AC_MAXDIMS
    MAXCORE = 32
    NOGIL_WORK = 32768
    SIGINT_WORK = 1 << 22       # work this large also installs the Ctrl-C handler
                                # (three system calls; below it Python sees a
                                # Ctrl-C when the call returns)
    GUFUNC_CHUNK = 4096         # outer iterations per loop call (Ctrl-C granularity)


# ----------------------------------------------------------------------------
# signatures
# ----------------------------------------------------------------------------
_DIM = re.compile(r"^\s*(?:([A-Za-z_]\w*)|(\d+))\s*(\?)?\s*$")


cdef class CoreSignature:
    """A parsed core signature: per operand the list of its core dimensions,
    each (dim index, fixed size or -1, optional)."""
    cdef readonly tuple ops          # nargs tuples of (index, size, optional)
    cdef readonly tuple names        # unique dim names/sizes, in order of appearance
    cdef readonly int nin, nout

    def __repr__(self):
        return f"CoreSignature({self.ops!r})"


def parse_signature(str sig, int nin=-1, int nout=-1):
    """Parse '(i),(i)->()' style signatures; ValueError when malformed."""
    if not isinstance(sig, str) or "->" not in sig or sig.count("->") != 1:
        raise ValueError(f"invalid gufunc signature {sig!r}: it must contain one '->'")
    lhs, rhs = sig.split("->")
    names = []
    ops = []
    counts = []
    for side in (lhs, rhs):
        side = side.strip()
        ops_side = re.findall(r"\(([^()]*)\)", side)
        rebuilt = ",".join(f"({o})" for o in ops_side)
        if side.replace(" ", "") != rebuilt.replace(" ", "") or not ops_side:
            raise ValueError(f"invalid gufunc signature {sig!r}: expected a comma-separated "
                             f"list of parenthesized dimension lists, got {side!r}")
        counts.append(len(ops_side))
        for o in ops_side:
            dims = []
            if o.strip():
                for part in o.split(","):
                    m = _DIM.match(part)
                    if m is None:
                        raise ValueError(f"invalid gufunc signature {sig!r}: bad dimension "
                                         f"{part.strip()!r}")
                    key = m.group(1) if m.group(1) else int(m.group(2))
                    if key not in names:
                        names.append(key)
                    dims.append((names.index(key), key if isinstance(key, int) else -1,
                                 m.group(3) is not None))
            ops.append(tuple(dims))
    if nin >= 0 and (counts[0] != nin or counts[1] != nout):
        raise ValueError(f"gufunc signature {sig!r} has {counts[0]} inputs and {counts[1]} "
                         f"outputs, but the ufunc has {nin} and {nout}")
    if len(ops) > AC_UFUNC_MAXARGS or len(names) > MAXCORE or \
            len(ops) + sum([len(o) for o in ops]) > AC_UFUNC_MAXARGS * (1 + MAXCORE):
        # the call's steps[] holds one step per operand and per core dimension
        raise ValueError(f"invalid gufunc signature {sig!r}: too many operands or core "
                         f"dimensions (at most {AC_UFUNC_MAXARGS} operands, {MAXCORE} "
                         f"distinct core dimensions, {AC_UFUNC_MAXARGS * (1 + MAXCORE)} "
                         "operand and core-dimension entries)")
    cdef CoreSignature cs = CoreSignature.__new__(CoreSignature)
    cs.ops = tuple(ops)
    cs.names = tuple(names)
    cs.nin = counts[0]
    cs.nout = counts[1]
    return cs


cdef ufunc new_gufunc(str name, int nin, int nout, int ntypes, const unsigned char *types,
                      ACUFuncGenericFunction *funcs, void **data, str doc, str signature):
    cdef CoreSignature cs = <CoreSignature>parse_signature(signature, nin, nout)
    cdef ufunc uf = new_ufunc(name, nin, nout, ntypes, types, funcs, data, ACUFunc_None,
                              None, doc)
    uf._signature = signature
    uf._core = cs
    return uf


# ----------------------------------------------------------------------------
# the call
# ----------------------------------------------------------------------------
cdef tuple _axes_of(ufunc uf, CoreSignature cs, object axes, object axis):
    """Per operand, the tuple of its core axes (or None for 'the last ones')."""
    cdef int k
    if axes is not None and axis is not None:
        raise TypeError(f"{uf.__name__}(): cannot specify both 'axis' and 'axes'")
    if axis is not None:
        for k in range(uf.nin):
            if len(cs.ops[k]) != 1:
                raise TypeError(f"{uf.__name__}(): 'axis' can only be used with a single "
                                "shared core dimension")
        return tuple([(axis,)] * uf.nin + [()] * uf.nout)
    if axes is None:
        return None
    if not isinstance(axes, list):
        raise TypeError(f"{uf.__name__}(): 'axes' must be a list")
    axes = list(axes)
    if len(axes) == uf.nin and all(len(cs.ops[uf.nin + k]) == 0 for k in range(uf.nout)):
        axes += [()] * uf.nout
    if len(axes) != uf.nargs:
        raise ValueError(f"{uf.__name__}(): 'axes' must have {uf.nargs} entries, "
                         f"got {len(axes)}")
    res = []
    for k, ax in enumerate(axes):
        if isinstance(ax, int):
            ax = (ax,)
        if not isinstance(ax, tuple):
            raise TypeError(f"{uf.__name__}(): each entry of 'axes' must be a tuple of ints")
        res.append(ax)
    return tuple(res)


cdef ndarray _core_last(ndarray a, tuple ax, int ncore, str name, int k):
    """a with the core axes `ax` moved to the end (a view)."""
    cdef int nd = a.nd, i
    if len(ax) != ncore:
        raise ValueError(f"{name}(): operand {k} has {ncore} core dimensions, but 'axes' "
                         f"gives {len(ax)}")
    norm = [normalize_axis(x, nd) for x in ax]
    if len(set(norm)) != len(norm):
        raise ValueError(f"{name}(): repeated axis in 'axes' for operand {k}")
    perm = [i for i in range(nd) if i not in norm] + norm
    return transpose_view(a, tuple(perm))


cdef ufunc _matmul_uf = None       # set once matmul exists (below)
cdef int _blas_tried = 0


cdef void _load_blas() noexcept with gil:
    # the first product large enough for BLAS loads it (arraycore.linalg's
    # engine); without the library our own kernels keep running
    global _blas_tried
    if _blas_tried:
        return
    _blas_tried = 1
    try:
        from arraycore.linalg._engine import try_ensure
        try_ensure()
    except BaseException:
        pass



cdef object _matmul_fast(ndarray a, ndarray b):
    """a @ b for 1-d/2-d native aligned operands of one dtype, straight to the
    kernel (no broadcasting machinery); None when the general call is needed."""
    cdef int t = a.descr.tidx
    cdef ac_intp n = 1, k, k2, m = 1, a_rs = 0, a_cs, b_rs, b_cs = 0, c_rs, c_cs
    cdef ac_intp shp[2]
    cdef int nd = 0, r
    cdef ndarray c
    if (b.descr.tidx != t or a.descr.swapped or b.descr.swapped
            or not (a.flags & AC_ARRAY_ALIGNED) or not (b.flags & AC_ARRAY_ALIGNED)
            or a.nd < 1 or a.nd > 2 or b.nd < 1 or b.nd > 2):
        return None
    if a.nd == 2:
        n = a.dimensions[0]
        k = a.dimensions[1]
        a_rs = a.strides[0]
        a_cs = a.strides[1]
        shp[nd] = n
        nd += 1
    else:
        k = a.dimensions[0]
        a_cs = a.strides[0]
    if b.nd == 2:
        k2 = b.dimensions[0]
        m = b.dimensions[1]
        b_rs = b.strides[0]
        b_cs = b.strides[1]
        shp[nd] = m
        nd += 1
    else:
        k2 = b.dimensions[0]
        b_rs = b.strides[0]
    if k != k2:
        return None
    c = new_array(a.descr, nd, shp, NULL, NULL, 0, None)
    c_rs = (m if b.nd == 2 else 1) * c.descr.itemsize if a.nd == 2 else 0
    c_cs = c.descr.itemsize
    if not _blas_tried and not ac_blas_loaded() and ac_matmul_blas_worthy(t, n, k, m):
        _load_blas()
    clear_fpe()
    cdef double work = <double>n * <double>k * <double>m
    if work >= SIGINT_WORK:
        sigint_on()
        with nogil:
            r = ac_matmul(t, n, k, m, a.data, a_rs, a_cs, b.data, b_rs, b_cs,
                          c.data, c_rs, c_cs)
        sigint_done(r > 0)
    else:
        ac_sigint_ignore_in_thread(1)   # another thread's Ctrl-C is not ours
        if work >= NOGIL_WORK:
            with nogil:
                r = ac_matmul(t, n, k, m, a.data, a_rs, a_cs, b.data, b_rs, b_cs,
                              c.data, c_rs, c_cs)
        else:
            r = ac_matmul(t, n, k, m, a.data, a_rs, a_cs, b.data, b_rs, b_cs,
                          c.data, c_rs, c_cs)
        ac_sigint_ignore_in_thread(-1)
    if r < 0:
        raise MemoryError("matmul: out of memory for the kernel's work buffers")
    fpe_check(_matmul_uf)
    return c


cdef object gufunc_call(ufunc uf, tuple args, object out, object where, int casting,
                        dtype sig, object axes, object axis, object keepdims):
    if (uf is _matmul_uf and out is None and sig is None and axes is None
            and axis is None and not keepdims and where is True
            and type(args[0]) is ndarray and type(args[1]) is ndarray):
        r = _matmul_fast(<ndarray>args[0], <ndarray>args[1])
        if r is not None:
            return r
    cdef CoreSignature cs = <CoreSignature>uf._core
    cdef int nin = uf.nin, nout = uf.nout, nargs = uf.nargs
    cdef int k, i, j, li, nloop = 0, nc, ndim_names = len(cs.names)
    cdef int tin[AC_UFUNC_MAXARGS]
    cdef ac_intp sizes[MAXCORE]
    cdef ac_intp lshape[MAXD]
    cdef ac_intp lstrides[AC_UFUNC_MAXARGS * MAXD]
    cdef ac_intp dims[1 + MAXCORE]
    cdef ac_intp steps[AC_UFUNC_MAXARGS * (1 + MAXCORE)]
    cdef char *ptrs[AC_UFUNC_MAXARGS]
    cdef ndarray a, o
    cdef list ins, views, outs, finals
    cdef list present                       # per operand: its core dims actually present
    cdef dtype d
    if where is not True:
        raise TypeError(f"{uf.__name__}(): 'where' is not supported by generalized ufuncs")
    if ndim_names > MAXCORE:
        raise ValueError(f"{uf.__name__}(): too many core dimensions")
    if nargs + sum([len(op) for op in cs.ops]) > AC_UFUNC_MAXARGS * (1 + MAXCORE):
        # steps[] holds one outer step per operand and one per core dimension
        # of each operand (a name repeated across operands counts each time)
        raise ValueError(f"{uf.__name__}(): too many core dimensions over all operands")
    ax_list = _axes_of(uf, cs, axes, axis)
    ins = []
    for k in range(nin):
        x = args[k]
        ins.append(x if type(x) is ndarray else _asarray(x, None, None))
    li = resolve(uf, ins, tin, sig, casting)
    cdef const unsigned char *lt = uf._types + li * nargs
    for k in range(nin):
        a = <ndarray>ins[k]
        if a.descr.tidx != lt[k]:
            if not can_cast_descr(a.descr, descr_from_tidx(lt[k]), casting):
                raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' input {k} from "
                                     f"{a.descr!r} to {descr_from_tidx(lt[k])!r}")
    # core dims of the inputs: optional dims missing from short operands
    for i in range(ndim_names):
        sizes[i] = -1
    missing = set()
    present = []
    views = []
    for k in range(nin):
        a = <ndarray>ins[k]
        core = cs.ops[k]
        nc = len(core)
        if a.nd < nc:
            opt = [x3 for x3 in core if x3[2]]
            if a.nd >= nc - len(opt):
                drop = nc - a.nd
                # drop optional dims (NumPy drops them where they sit)
                keep = list(core)
                for dd in (opt[:drop] if len(opt) > 1 and drop < len(opt) else opt):
                    keep.remove(dd)
                    missing.add(dd[0])
                core = tuple(keep)
                nc = len(core)
        if a.nd < nc:
            raise ValueError(f"{uf.__name__}: Input operand {k} does not have enough "
                             f"dimensions (has {a.nd}, gufunc core with signature "
                             f"{uf._signature} requires {nc})")
        if ax_list is not None:
            a = _core_last(a, ax_list[k], nc, uf.__name__, k)
        for j in range(nc):
            idx, fixed, _ = core[j]
            n = a.dimensions[a.nd - nc + j]
            if fixed >= 0 and n != fixed:
                raise ValueError(f"{uf.__name__}: Input operand {k} has a mismatch in its "
                                 f"core dimension {j}, with gufunc signature "
                                 f"{uf._signature} (size {n} is different from {fixed})")
            if sizes[idx] == -1:
                sizes[idx] = n
            elif sizes[idx] != n:
                raise ValueError(f"{uf.__name__}: Input operand {k} has a mismatch in its "
                                 f"core dimension {j}, with gufunc signature "
                                 f"{uf._signature} (size {n} is different from "
                                 f"{sizes[idx]})")
        present.append(core)
        views.append(a)
        if a.nd - nc > nloop:
            nloop = a.nd - nc
    for i in range(ndim_names):
        if sizes[i] == -1 and i in missing:
            sizes[i] = 1
    # loop (broadcast) shape
    for i in range(nloop):
        lshape[i] = 1
    for k in range(nin):
        a = <ndarray>views[k]
        broadcast_shapes_c(nloop, lshape, a.nd - len(present[k]), a.dimensions)
    # outputs: given ones are checked, missing ones allocated (core dims last)
    outs = []
    finals = []
    for k in range(nout):
        core = tuple(x3 for x3 in cs.ops[nin + k] if x3[0] not in missing)
        present.append(core)
        d = descr_from_tidx(lt[nin + k])
        oshape = list(shape_tuple(nloop, lshape))
        for idx, fixed, _ in core:
            if sizes[idx] == -1:
                if fixed >= 0:
                    sizes[idx] = fixed
                else:
                    raise ValueError(f"{uf.__name__}: output core dimension "
                                     f"{cs.names[idx]!r} is not determined by the inputs")
            oshape.append(sizes[idx])
        given = None if out is None else out[k]
        if given is not None:
            o = <ndarray>given
            check_writeable(o)
            if not can_cast_descr(d, o.descr, casting):
                raise UFuncTypeError(f"Cannot cast ufunc '{uf.__name__}' output from {d!r} "
                                     f"to {o.descr!r} with casting rule")
            ov = o if ax_list is None else _core_last(o, ax_list[nin + k], len(core),
                                                     uf.__name__, nin + k)
            if shape_tuple(ov.nd, ov.dimensions) != tuple(oshape):
                raise ValueError(f"{uf.__name__}: output operand {k} has shape "
                                 f"{shape_tuple(o.nd, o.dimensions)}, expected "
                                 f"{tuple(oshape)}")
            finals.append(o)
            if ov.descr.tidx == d.tidx and not ov.descr.swapped and \
                    (ov.flags & AC_ARRAY_ALIGNED) and not _overlap_any(ov, views):
                outs.append(ov)
            else:
                outs.append(None)
                finals[k] = (o, ov)
        else:
            finals.append(None)
            outs.append(None)
        if outs[k] is None:
            outs[k] = _new_c(d, oshape)
    # inputs in the loop's types
    for k in range(nin):
        a = <ndarray>views[k]
        if a.descr.tidx != lt[k] or a.descr.swapped or not (a.flags & AC_ARRAY_ALIGNED):
            views[k] = copy_array(a, AC_KEEPORDER, descr_from_tidx(lt[k]))
    # pointers, loop strides, core dims and core strides
    cdef int s = nargs
    for k in range(nargs):
        a = <ndarray>(views[k] if k < nin else outs[k - nin])
        core = present[k]
        nc = len(core)
        ptrs[k] = a.data
        # loop strides of operand k over the loop shape (broadcast)
        if broadcast_strides_n(a.nd - nc, a.dimensions, a.strides, nloop, lshape,
                               lstrides + k * MAXD) != 0:
            raise ValueError(f"{uf.__name__}: operand {k} with loop shape "
                             f"{shape_tuple(a.nd - nc, a.dimensions)} cannot be broadcast "
                             f"to {shape_tuple(nloop, lshape)}")
    dims[0] = 0
    for i in range(ndim_names):
        dims[1 + i] = sizes[i]
    for k in range(nargs):
        a = <ndarray>(views[k] if k < nin else outs[k - nin])
        full = cs.ops[k]
        core = present[k]
        j = a.nd - len(core)
        for d3 in full:
            if d3[0] in missing:
                steps[s] = 0
            else:
                steps[s] = a.strides[j]
                j += 1
            s += 1
    _run_gufunc(uf, li, nloop, lshape, nargs, ptrs, lstrides, dims, steps)
    # results
    res = []
    for k in range(nout):
        f = finals[k]
        if f is None:
            r = outs[k]
            if ax_list is not None:
                r = _core_back(r, ax_list[nin + k], len(present[nin + k]))
            if keepdims:
                r = _keepdims(r, ax_list, present, nin, views)
            res.append(r)
        elif isinstance(f, tuple):
            copy_into(<ndarray>f[1], <ndarray>outs[k])
            res.append(f[0])
        else:
            res.append(f)
    return res[0] if nout == 1 else tuple(res)


cdef bint _overlap_any(ndarray o, list views):
    cdef ndarray a
    for a in views:
        if overlaps(a, o):
            return True
    return False


cdef ndarray _new_c(dtype d, list shape):
    cdef ac_intp shp[MAXD]
    cdef int i
    for i in range(len(shape)):
        shp[i] = shape[i]
    return new_array(d, len(shape), shp, NULL, NULL, 0, None)


cdef object _core_back(ndarray r, tuple ax, int nc):
    """Move the trailing core axes of an allocated output to the requested positions."""
    cdef int nd = r.nd
    if nc == 0:
        return r
    target = [normalize_axis(x, nd) for x in ax]
    rest = [i for i in range(nd) if i not in target]
    perm = [0] * nd
    loop_axes = list(range(nd - nc))
    for pos, src in zip(rest, loop_axes):
        perm[pos] = src
    for pos, src in zip(target, range(nd - nc, nd)):
        perm[pos] = src
    return transpose_view(r, tuple(perm))


cdef object _keepdims(ndarray r, object ax_list, list present, int nin, list views):
    """keepdims: put the input's core axes back as length-1 axes."""
    nc = len(present[0])
    if any(len(present[k]) != nc for k in range(nin)) or r.nd != (<ndarray>views[0]).nd - nc:
        raise ValueError("keepdims requires all inputs to have the same number of core "
                         "dimensions and outputs without core dimensions")
    nd = r.nd + nc
    pos = list(range(nd - nc, nd)) if ax_list is None else \
        sorted(normalize_axis(x, nd) for x in ax_list[0])
    shp = list(shape_tuple(r.nd, r.dimensions))
    for p in pos:
        shp.insert(p, 1)
    return r.reshape(tuple(shp))


ctypedef struct _walk_ctx:
    ACUFuncGenericFunction fn
    void *data
    int nargs
    ac_intp *dims
    ac_intp *steps


cdef int _walk_inner(char **ptrs, ac_intp count, const ac_intp *strides,
                     void *vctx) noexcept nogil:
    """The loop driver's inner function: one call of the gufunc loop on a run
    of the innermost loop dimension (its outer steps first in `steps`)."""
    cdef _walk_ctx *c = <_walk_ctx *>vctx
    cdef int k
    for k in range(c.nargs):
        c.steps[k] = strides[k]
    c.dims[0] = count
    c.fn(ptrs, c.dims, c.steps, c.data)
    return 0


cdef int _run_gufunc(ufunc uf, int li, int nloop, const ac_intp *lshape, int nargs,
                     char **ptrs, const ac_intp *lstrides, ac_intp *dims,
                     ac_intp *steps) except -1:
    """Walk the loop dimensions with the loop driver (lstrides in its layout,
    [arg * AC_MAXDIMS + d]; adjacent dims coalesced, C order kept), calling
    the loop on chunks of runs of the innermost loop dimension."""
    cdef _walk_ctx c
    cdef ac_intp total = 1, work = 1, chunk
    cdef int i, r = 0
    cdef bint big
    for i in range(nloop):
        total *= lshape[i]
        if lshape[i] == 0:
            return 0
    for i in range(1, len((<CoreSignature>uf._core).names) + 1):
        work *= dims[i] if dims[i] > 0 else 1
    c.fn = uf._funcs[li]
    c.data = uf._data[li]
    c.nargs = nargs
    c.dims = dims
    c.steps = steps
    # outer iterations per loop call: about 2**21 units of core work between
    # two Ctrl-C polls, at most GUFUNC_CHUNK
    chunk = (1 << 21) // work
    chunk = 1 if chunk < 1 else (GUFUNC_CHUNK if chunk > GUFUNC_CHUNK else chunk)
    big = total * work >= NOGIL_WORK
    clear_fpe()
    if total * work >= SIGINT_WORK:
        sigint_on()
        with nogil:
            r = ac_drive(nloop, lshape, nargs, ptrs, lstrides, 0, AC_DRIVE_COALESCE, chunk,
                         _walk_inner, &c)
        sigint_done(r == AC_DRIVE_INTERRUPTED)
    else:
        ac_sigint_ignore_in_thread(1)   # another thread's Ctrl-C is not ours
        if big:
            with nogil:
                r = ac_drive(nloop, lshape, nargs, ptrs, lstrides, 0, AC_DRIVE_COALESCE,
                             chunk, _walk_inner, &c)
        else:
            r = ac_drive(nloop, lshape, nargs, ptrs, lstrides, 0, AC_DRIVE_COALESCE, chunk,
                         _walk_inner, &c)
        ac_sigint_ignore_in_thread(-1)
    global ac_loop_error
    if ac_loop_error:
        ac_loop_error = 0
        raise MemoryError(f"{uf.__name__}: out of memory for the loop's work buffers")
    if r == AC_DRIVE_BADARGS:
        raise ValueError(f"{uf.__name__}: too many operands or dimensions for a loop")
    fpe_check(uf)
    return 0


gufunc_impl = gufunc_call       # ufunc.__call__ of gufuncs (see _ufunc.pxd)


# ----------------------------------------------------------------------------
# matmul and vecdot on the C kernels (src/ac_matmul.c)
# ----------------------------------------------------------------------------
cdef void _matmul_loop(char **args, const ac_intp *dims, const ac_intp *steps,
                       void *data) noexcept nogil:
    # dims: N, n, k, m; steps: 3 outer, then a_n, a_k, b_k, b_m, c_n, c_m
    global ac_loop_error
    cdef ac_intp i, N = dims[0]
    cdef int t = <int><intptr_t>data, r
    if not _blas_tried and not ac_blas_loaded() and \
            ac_matmul_blas_worthy(t, dims[1], dims[2], dims[3]):
        _load_blas()
    r = ac_matmul_many(t, N, dims[1], dims[2], dims[3],
                       args[0], steps[0], steps[3], steps[4],
                       args[1], steps[1], steps[5], steps[6],
                       args[2], steps[2], steps[7], steps[8])
    if r < 0:
        ac_loop_error = 12          # ENOMEM: reported by _run_gufunc
    # r > 0: Ctrl-C: the driver stops, sigint_done raises


cdef void _vecdot_loop(char **args, const ac_intp *dims, const ac_intp *steps,
                       void *data) noexcept nogil:
    ac_vecdot_many(<int><intptr_t>data, dims[0], dims[1], args[0], steps[0], steps[3],
                   args[1], steps[1], steps[4], args[2], steps[2])


cdef ufunc _make_linalg(str name, ACUFuncGenericFunction loop, str sig, str doc):
    cdef unsigned char types[3 * ACX_NTYPES]
    cdef ACUFuncGenericFunction funcs[ACX_NTYPES]
    cdef void *data[ACX_NTYPES]
    cdef int t
    for t in range(ACX_NTYPES):
        types[3 * t] = types[3 * t + 1] = types[3 * t + 2] = t
        funcs[t] = loop
        data[t] = <void *><intptr_t>t
    return new_gufunc(name, 2, 1, ACX_NTYPES, types, funcs, data, doc, sig)


matmul = _make_linalg("matmul", _matmul_loop, "(n?,k),(k,m?)->(n?,m?)",
                      "Matrix product of two arrays (stacks of matrices broadcast; "
                      "1-d operands are vectors).")
_matmul_uf = matmul
_vecdot_uf = _make_linalg("vecdot", _vecdot_loop, "(n),(n)->()",
                          "Vector dot product along an axis: sum(conj(x1) * x2).")


def vecdot(x1, x2, /, *, axis=-1):
    """Vector dot product of x1 and x2 along `axis` (complex: x1 conjugated);
    the other dimensions broadcast."""
    a = x1 if type(x1) is ndarray else _asarray(x1, None, None)
    b = x2 if type(x2) is ndarray else _asarray(x2, None, None)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("vecdot requires arrays with at least one dimension")
    if axis >= 0:
        raise ValueError("vecdot: axis must be negative (counted from the last dimension)")
    nd = max(a.ndim, b.ndim)
    if -axis > nd:
        raise ValueError(f"vecdot: axis {axis} is out of bounds for {nd} dimensions")
    return _vecdot_uf(a, b, axis=axis)     # core-size mismatches: ValueError


def tensordot(x1, x2, /, *, axes=2):
    """Tensor contraction of x1 and x2 over `axes` (an int: the last axes of x1
    with the first of x2; or two sequences of axes)."""
    a = x1 if type(x1) is ndarray else _asarray(x1, None, None)
    b = x2 if type(x2) is ndarray else _asarray(x2, None, None)
    if isinstance(axes, int):
        if axes < 0:
            raise ValueError("tensordot: axes must be a non-negative integer")
        if axes > a.ndim or axes > b.ndim:
            raise ValueError("tensordot: axes exceeds the number of dimensions")
        ax_a = list(range(a.ndim - axes, a.ndim))
        ax_b = list(range(axes))
    else:
        try:
            ax_a, ax_b = axes
        except (TypeError, ValueError):
            raise ValueError("tensordot: axes must be an int or a pair of sequences") from None
        ax_a = [ax_a] if isinstance(ax_a, int) else list(ax_a)
        ax_b = [ax_b] if isinstance(ax_b, int) else list(ax_b)
        if len(ax_a) != len(ax_b):
            raise ValueError("tensordot: the two sequences of axes differ in length")
        ax_a = [normalize_axis(x, a.ndim) for x in ax_a]
        ax_b = [normalize_axis(x, b.ndim) for x in ax_b]
    for i, j in zip(ax_a, ax_b):
        if a.shape[i] != b.shape[j]:
            raise ValueError(f"tensordot: shape mismatch for sum ({a.shape[i]} vs "
                             f"{b.shape[j]})")
    free_a = [i for i in range(a.ndim) if i not in ax_a]
    free_b = [j for j in range(b.ndim) if j not in ax_b]
    k = 1
    for i in ax_a:
        k *= a.shape[i]
    na = 1
    for i in free_a:
        na *= a.shape[i]
    nb = 1
    for j in free_b:
        nb *= b.shape[j]
    am = transpose_view(a, tuple(free_a + ax_a)).reshape((na, k))
    bm = transpose_view(b, tuple(ax_b + free_b)).reshape((k, nb))
    r = matmul(am, bm)
    return r.reshape(tuple(a.shape[i] for i in free_a) + tuple(b.shape[j] for j in free_b))
