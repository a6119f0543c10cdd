"""NumPy-named math beside the Array API namespace: einsum and einsum_path
(pairwise contractions through matmul), dot, inner, outer, kron, cross,
convolve, correlate, interp, gradient, trapezoid, ediff1d, and the
element-wise functions that are Python compositions in NumPy too (fix, sinc,
nan_to_num, angle, unwrap).  The new element-wise ufuncs (cbrt, exp2,
deg2rad, fmod, gcd, fmax, and the two-output modf and divmod, ...) are in
tools/ufunc_table.py.

einsum: every subscript string is reduced to a sequence of pairwise
contractions; each contraction lays its operands out as (batch, kept,
summed) and (batch, summed, kept) and runs one batched matmul, so large
contractions run at matmul speed.  optimize=True/'greedy' picks the pair
whose result is smallest at each step; 'optimal' searches every order (up to
10 operands; greedy beyond); optimize=False contracts left to right.
"""
import math
import operator

from arraycore._convert import asarray
from arraycore._creation import zeros, empty, arange
from arraycore._manip import (reshape, permute_dims, moveaxis, broadcast_to, concat,
                              broadcast_arrays)
from arraycore._gufunc import matmul, tensordot
from arraycore._sort import searchsorted, argsort
from arraycore._elementwise import where as _where, diff as _diff
from arraycore import _ufunc as _u
from arraycore import _stats
from arraycore._ufunc import (  # noqa: F401  (re-exported: tools/ufunc_table.py)
    rint, cbrt, exp2, deg2rad, rad2deg, radians, degrees, fabs, logaddexp2, fmod, heaviside,
    float_power, gcd, lcm, fmax, fmin, modf, divmod,
)

__all__ = ["einsum", "einsum_path", "dot", "inner", "outer", "kron", "cross", "convolve",
           "correlate", "interp", "gradient", "trapezoid", "ediff1d", "fix", "sinc", "modf",
           "divmod", "nan_to_num", "angle", "unwrap", "vdot",
           "rint", "cbrt", "exp2", "deg2rad", "rad2deg", "radians", "degrees", "fabs", "logaddexp2",
           "fmod", "heaviside", "float_power", "gcd", "lcm", "fmax", "fmin"]

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _dt(name):
    import arraycore
    return getattr(arraycore, name)


# --------------------------------------------------------------------------
# einsum
# --------------------------------------------------------------------------
def _sublist_to_str(sub):
    out = []
    for s in sub:
        if s is Ellipsis:
            out.append("...")
        else:
            s = operator.index(s)
            if not 0 <= s < 52:
                raise ValueError("subscript is not within the valid range [0, 52)")
            out.append(_LETTERS[s])
    return "".join(out)


def _parse(subscripts, operands):
    if not isinstance(subscripts, str):
        # interleaved form: op0, sub0, op1, sub1, ..., [subout]
        args = [subscripts] + list(operands)
        ops, subs = [], []
        i = 0
        while i + 1 < len(args):
            ops.append(args[i])
            subs.append(_sublist_to_str(args[i + 1]))
            i += 2
        out = _sublist_to_str(args[i]) if i < len(args) else None
        subscripts = ",".join(subs) + ("->" + out if out is not None else "")
        operands = ops
    ops = [asarray(o) for o in operands]
    s = subscripts.replace(" ", "")
    if "->" in s:
        ins, out = s.split("->", 1)
        if "->" in out or "-" in out.replace("->", "") or ">" in out:
            raise ValueError("einsum: invalid subscript string (more than one '->')")
    else:
        if "-" in s or ">" in s:
            raise ValueError("einsum: subscripts have an unmatched '-' or '>'")
        ins, out = s, None
    terms = ins.split(",")
    if len(terms) != len(ops):
        raise ValueError(f"einsum: {len(terms)} subscript terms but {len(ops)} operands")
    for t in terms + ([out] if out else []):
        for c in t.replace("...", ""):
            if c not in _LETTERS:
                raise ValueError(f"einsum: invalid subscript {c!r}: use letters a-z, A-Z")
        if t.count("...") > 1 or (t.replace("...", "").count(".") > 0):
            raise ValueError("einsum: invalid use of '.' in the subscripts")
    used = set("".join(terms) + (out or ""))
    free = [c for c in _LETTERS if c not in used]
    # ellipsis: the broadcast dims, labelled by free letters, right-aligned
    ell_n = 0
    for t, o in zip(terms, ops):
        nnamed = len(t.replace("...", ""))
        if "..." in t:
            if o.ndim < nnamed:
                raise ValueError("einsum: operand has fewer dimensions than subscripts")
            ell_n = max(ell_n, o.ndim - nnamed)
        elif o.ndim != nnamed:
            raise ValueError(f"einsum: operand has {o.ndim} dimensions but subscripts "
                             f"{t!r} give {nnamed}")
    ell = "".join(free[:ell_n])
    new_terms = []
    for t, o in zip(terms, ops):
        if "..." in t:
            k = o.ndim - len(t.replace("...", ""))
            t = t.replace("...", ell[ell_n - k:] if k else "")
        new_terms.append(t)
    if out is None:
        counts = {}
        for t in new_terms:
            for c in t:
                counts[c] = counts.get(c, 0) + 1
        out = ell + "".join(sorted(c for c, n in counts.items()
                                   if n == 1 and c not in ell))
    else:
        if "..." in out:
            out = out.replace("...", ell)
        elif ell_n and any(True for t in terms if "..." in t):
            # dims under an ellipsis not in the output are summed (NumPy allows it only
            # when they broadcast; we sum them)
            pass
        if len(set(out)) != len(out):
            raise ValueError("einsum: output subscript appears more than once")
        allin = set("".join(new_terms))
        for c in out:
            if c not in allin:
                raise ValueError(f"einsum: output subscript {c!r} does not appear in the "
                                 "inputs")
    return new_terms, out, ops


def _sizes(terms, ops):
    size = {}
    for t, o in zip(terms, ops):
        for c, n in zip(t, o.shape):
            if c in size and size[c] != n:
                if size[c] == 1:
                    size[c] = n
                elif n != 1:
                    raise ValueError(f"einsum: operands could not be broadcast together: "
                                     f"dimension {c!r} has sizes {size[c]} and {n}")
            elif c not in size:
                size[c] = n
    return size


def _diagonal(o, t):
    """Operand o with term t having repeated letters: take the diagonal, so each
    letter appears once."""
    while len(set(t)) != len(t):
        for c in t:
            if t.count(c) > 1:
                break
        i = t.index(c)
        j = t.index(c, i + 1)
        n = o.shape[i]
        if o.shape[j] != n:
            raise ValueError(f"einsum: dimensions of the repeated subscript {c!r} differ")
        o = moveaxis(o, (i, j), (-2, -1))
        rest = [x for k, x in enumerate(t) if k not in (i, j)]
        idx = arange(n, dtype=_dt("int64"))
        o = o[..., idx, idx]
        t = "".join(rest) + c
    return o, t


def _prep(terms, ops, out, size):
    """Squeeze broadcast size-1 dims, take diagonals, sum letters used only once."""
    res = []
    for k, (t, o) in enumerate(zip(terms, ops)):
        keep = [i for i, c in enumerate(t) if not (o.shape[i] == 1 and size[c] != 1)]
        if len(keep) != len(t):
            o = reshape(o, tuple(o.shape[i] for i in keep))
            t = "".join(t[i] for i in keep)
        o, t = _diagonal(o, t)
        others = set(out)
        for k2, t2 in enumerate(terms):
            if k2 != k:
                others |= set(t2)
        lone = [i for i, c in enumerate(t) if c not in others]
        if lone:
            o = _stats.sum(o, axis=tuple(lone), dtype=o.dtype)
            t = "".join(c for i, c in enumerate(t) if i not in lone)
        res.append((t, o))
    return res


def _contract(ta, a, tb, b, needed):
    """Contract two operands; letters in both and not needed later are summed."""
    from arraycore._dtype import result_type
    batch = [c for c in ta if c in tb and c in needed]
    summed = [c for c in ta if c in tb and c not in needed]
    ka = [c for c in ta if c not in tb]
    kb = [c for c in tb if c not in ta]
    # letters only in one operand and not needed: sum them first
    la = [c for c in ka if c not in needed]
    if la:
        a = _stats.sum(a, axis=tuple(ta.index(c) for c in la), dtype=a.dtype)
        ta = "".join(c for c in ta if c not in la)
        ka = [c for c in ka if c not in la]
    lb = [c for c in kb if c not in needed]
    if lb:
        b = _stats.sum(b, axis=tuple(tb.index(c) for c in lb), dtype=b.dtype)
        tb = "".join(c for c in tb if c not in lb)
        kb = [c for c in kb if c not in lb]
    sa = dict(zip(ta, a.shape))
    sb = dict(zip(tb, b.shape))
    nb = math.prod(sa[c] for c in batch)
    nka = math.prod(sa[c] for c in ka)
    nkb = math.prod(sb[c] for c in kb)
    ns = math.prod(sa[c] for c in summed)
    dt = result_type(a, b)
    a = permute_dims(a, tuple(ta.index(c) for c in batch + ka + summed))
    b = permute_dims(b, tuple(tb.index(c) for c in batch + summed + kb))
    a = reshape(a.astype(dt, copy=False), (nb, nka, ns))
    b = reshape(b.astype(dt, copy=False), (nb, ns, nkb))
    if ns == 0:
        r = zeros((nb, nka, nkb), dtype=dt)
    elif dt.kind == "b":
        r = _stats.any(_u.logical_and(a[:, :, :, None], b[:, None, :, :]), axis=2)
    else:
        r = matmul(a, b)
    shape = tuple(sa[c] for c in batch) + tuple(sa[c] for c in ka) + \
        tuple(sb[c] for c in kb)
    return "".join(batch + ka + kb), reshape(r, shape)


def _greedy_path(terms, size, out):
    """A contraction order: at each step the pair with the smallest result."""
    terms = list(terms)
    path = []
    while len(terms) > 1:
        best = None
        for i in range(len(terms)):
            for j in range(i + 1, len(terms)):
                rest = set(out)
                for k, t in enumerate(terms):
                    if k not in (i, j):
                        rest |= set(t)
                res = [c for c in dict.fromkeys(terms[i] + terms[j]) if c in rest]
                rsize = math.prod(size.get(c, 1) for c in res)
                cost = math.prod(size.get(c, 1) for c in set(terms[i] + terms[j]))
                key = (rsize, cost)
                if best is None or key < best[0]:
                    best = (key, i, j, "".join(res))
        _, i, j, r = best
        path.append((i, j))
        terms = [t for k, t in enumerate(terms) if k not in (i, j)] + [r]
    return path


# 'optimal' searches every contraction order up to this many operands
_OPTIMAL_MAX = 10


def _optimal_path(terms, size, out):
    """The pairwise order of least total cost, searched exhaustively: over the
    subsets S of the operands (dynamic programming, O(3^n)), best(S) is the
    cheapest split S = A + B of best(A) + best(B) + the cost of contracting
    their two results, a contraction costing the product of the sizes of the
    letters it touches (as the greedy order's tie-break).  The tree is then
    written as NumPy's path: position pairs in the current operand list, each
    result appended at the end."""
    n = len(terms)
    letters = [set(t) for t in terms]
    outs = set(out)
    full = (1 << n) - 1

    def prod(cs):
        p = 1
        for c in cs:
            p *= size.get(c, 1)
        return p

    # the letters a subset's result keeps: its own that occur outside it or in out
    res = {}
    for m in range(1, full + 1):
        mine, other = set(), set(outs)
        for k in range(n):
            (mine if m >> k & 1 else other).update(letters[k])
        res[m] = frozenset(mine & other)
    best = {1 << k: (0, None) for k in range(n)}
    for m in range(1, full + 1):
        if m in best:
            continue
        low = m & -m                       # splits with A holding the lowest operand
        sub = (m - 1) & m
        cand = None
        while sub:
            if sub & low:
                a, b = sub, m ^ sub
                if a in best and b in best:
                    c = best[a][0] + best[b][0] + prod(res[a] | res[b])
                    if cand is None or c < cand[0]:
                        cand = (c, (a, b))
            sub = (sub - 1) & m
        best[m] = cand
    items = [1 << k for k in range(n)]
    path = []

    def emit(m):
        split = best[m][1]
        if split is None:
            return
        a, b = split
        emit(a)
        emit(b)
        i, j = sorted((items.index(a), items.index(b)))
        path.append((i, j))
        del items[j], items[i]
        items.append(m)

    emit(full)
    return path


def _run(terms, ops, out, path):
    size = _sizes(terms, ops)
    items = _prep(terms, ops, out, size)
    for (i, j) in path:
        if i > j:
            i, j = j, i
        (ta, a), (tb, b) = items[i], items[j]
        rest = [items[k] for k in range(len(items)) if k not in (i, j)]
        needed = set(out)
        for t, _ in rest:
            needed |= set(t)
        tr, r = _contract(ta, a, tb, b, needed)
        items = rest + [(tr, r)]
    (t, o), = items
    extra = [i for i, c in enumerate(t) if c not in out]
    if extra:
        o = _stats.sum(o, axis=tuple(extra), dtype=o.dtype)
        t = "".join(c for c in t if c in out)
    o = permute_dims(o, tuple(t.index(c) for c in out))
    return o


def _path_for(terms, ops, out, optimize):
    n = len(terms)
    if isinstance(optimize, (list, tuple)) and optimize and optimize[0] == "einsum_path":
        path = [tuple(p) for p in optimize[1:]]
    elif optimize is False or optimize is None or n <= 2:
        path = [(0, 1)] * (n - 1)
    elif optimize == "optimal" and n <= _OPTIMAL_MAX:
        path = _optimal_path(terms, _sizes(terms, ops), out)
    elif optimize in (True, "greedy", "optimal"):
        size = _sizes(terms, ops)
        path = _greedy_path(terms, size, out)
    else:
        raise TypeError(f"einsum: did not understand the path (optimize={optimize!r})")
    return path


def _is_matmul(terms, out, ops):
    """True when two operands contract as a (stacked) matrix product as they
    lie: 'P ij, P jk -> P ik' with distinct letters and equal batch shapes
    (no broadcasting), so einsum can call matmul without its bookkeeping."""
    (ta, tb), (a, b) = terms, ops
    n = len(ta)
    if n < 2 or len(tb) != n or len(out) != n or len(set(ta + tb)) != n + 1:
        return False
    p, i, j, k = ta[:-2], ta[-2], ta[-1], tb[-1]
    if tb != p + j + k or out != p + i + k:
        return False
    return a.shape[:-2] == b.shape[:-2] and a.shape[-1] == b.shape[-2]


def einsum(subscripts, *operands, out=None, dtype=None, order="K", casting="safe",
           optimize=False):
    """Einstein summation (NumPy's subscripts, ellipsis and interleaved forms)."""
    terms, outs, ops = _parse(subscripts, operands)
    if dtype is not None:
        from arraycore._dtype import dtype as _dtype_of
        dt = _dtype_of(dtype)
        for o in ops:
            if not _cast_ok(o.dtype, dt, casting):
                raise TypeError(f"einsum: cannot cast {o.dtype} to {dt} with casting "
                                f"{casting!r}")
        ops = [o.astype(dt) for o in ops]
    path = _path_for(terms, ops, outs, optimize)
    if len(ops) == 1:
        path = []
    if len(ops) == 2 and _is_matmul(terms, outs, ops):
        res = matmul(ops[0], ops[1])        # the contraction is exactly a matmul
    else:
        res = _run(terms, ops, outs, path)
    if out is not None:
        out[...] = res
        return out
    return res


def _cast_ok(frm, to, casting):
    """NumPy's casting levels: 'no'/'equiv' (same type), 'safe', 'same_kind', 'unsafe'."""
    from arraycore._dtype import can_cast
    if casting == "unsafe":
        return True
    if casting in ("no", "equiv"):
        return frm == to
    if can_cast(frm, to):
        return True
    if casting == "same_kind":
        order = "biufc"
        kf = "i" if frm.kind == "u" else frm.kind
        kt = "i" if to.kind == "u" else to.kind
        return order.index(kf) <= order.index(kt)
    if casting != "safe":
        raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or "
                         f"'unsafe' (got {casting!r})")
    return False


def einsum_path(subscripts, *operands, optimize="greedy", einsum_call=False):
    """(path, report): the pairwise contraction order einsum(optimize=...) uses."""
    terms, outs, ops = _parse(subscripts, operands)
    if optimize is False:
        path = [(0, 1)] * (len(ops) - 1)
    else:
        path = _path_for(terms, ops, outs, "greedy" if optimize is True else optimize)
    size = _sizes(terms, ops)
    naive = math.prod(size.values()) * max(len(ops), 1) if size else 0
    lines = ["  Complete contraction:  " + ",".join(terms) + "->" + outs,
             "         Naive scaling:  %d" % len(size),
             "  Naive FLOP count:  %.3e" % naive,
             "  Contraction order:  " + " ".join(str(p) for p in path)]
    return ["einsum_path"] + path, "\n".join(lines)


# --------------------------------------------------------------------------
# products
# --------------------------------------------------------------------------
def dot(a, b, out=None):
    """NumPy's dot: products for 0-d, inner product for 1-d, matmul for 2-d, and the
    sum over the last axis of a and the second-to-last of b otherwise."""
    a = asarray(a)
    b = asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        res = _u.multiply(a, b)
    elif b.ndim == 1:
        if a.shape[-1] != b.shape[0]:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned")
        res = tensordot(a, b, axes=([a.ndim - 1], [0]))
    elif a.ndim <= 2 and b.ndim == 2:
        if a.shape[-1] != b.shape[0]:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned")
        res = matmul(a, b)
    else:
        if a.shape[-1] != b.shape[-2]:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned")
        res = tensordot(a, b, axes=([a.ndim - 1], [b.ndim - 2]))
    if out is not None:
        out[...] = res
        return out
    return res


def vdot(a, b):
    """The dot product of the flattened arrays, conjugating the first."""
    a = reshape(asarray(a), (-1,))
    b = reshape(asarray(b), (-1,))
    if a.dtype.kind == "c":
        a = _u.conj(a)
    return dot(a, b)


def inner(a, b, /):
    """Inner product over the last axes."""
    a = asarray(a)
    b = asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return _u.multiply(a, b)
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned")
    return tensordot(a, b, axes=([a.ndim - 1], [b.ndim - 1]))


def outer(a, b, out=None):
    """The outer product of the flattened inputs."""
    a = reshape(asarray(a), (-1, 1))
    b = reshape(asarray(b), (1, -1))
    res = _u.multiply(a, b)
    if out is not None:
        out[...] = res
        return out
    return res


def kron(a, b):
    """The Kronecker product."""
    a = asarray(a)
    b = asarray(b)
    nd = max(a.ndim, b.ndim)
    sa = (1,) * (nd - a.ndim) + tuple(a.shape)
    sb = (1,) * (nd - b.ndim) + tuple(b.shape)
    ai = reshape(a, tuple(x for s in sa for x in (s, 1)))
    bi = reshape(b, tuple(x for s in sb for x in (1, s)))
    res = _u.multiply(ai, bi)
    return reshape(res, tuple(x * y for x, y in zip(sa, sb)))


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """The cross product of vectors of 2 or 3 components."""
    if axis is not None:
        axisa = axisb = axisc = axis
    a = moveaxis(asarray(a), axisa, -1)
    b = moveaxis(asarray(b), axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n"
                         "(dimension must be 2 or 3)")
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a0 * b1 - a1 * b0
    a2 = a[..., 2] if a.shape[-1] == 3 else None
    b2 = b[..., 2] if b.shape[-1] == 3 else None
    if a2 is None:
        c0 = a1 * b2
        c1 = -(a0 * b2)
        c2 = a0 * b1 - a1 * b0
    elif b2 is None:
        c0 = -(a2 * b1)
        c1 = a2 * b0
        c2 = a0 * b1 - a1 * b0
    else:
        c0 = a1 * b2 - a2 * b1
        c1 = a2 * b0 - a0 * b2
        c2 = a0 * b1 - a1 * b0
    c0, c1, c2 = broadcast_arrays(c0, c1, c2)
    from arraycore._manip import stack
    res = stack([c0, c1, c2], axis=-1)
    return moveaxis(res, -1, axisc)


def _corr_full(a, v):
    """full[t] = sum_j a[t + j - (m - 1)] * v[j] (a zero outside), t in [0, n + m - 1)."""
    from arraycore._dtype import result_type
    n, m = a.shape[0], v.shape[0]
    dt = result_type(a, v)
    L = n + m - 1
    res = zeros((L,), dtype=dt)
    ad = a.astype(dt, copy=False)
    if m <= n:
        # one vector op per tap of v
        for j in range(m):
            # a index = t + j - (m - 1), valid for t in [m-1-j, m-1-j+n)
            s = m - 1 - j
            res[s:s + n] += ad * v[j]
    else:
        vd = v.astype(dt, copy=False)
        for i in range(n):
            # term a[i] * v[j] lands at t = i - j + m - 1 for j in [0, m)
            # t from i + m - 1 down to i
            res[i:i + m] += vd[::-1] * ad[i]
    return res


def _check_1d(a, v):
    a = asarray(a)
    v = asarray(v)
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array" if max(a.ndim, v.ndim) > 1
                         else "object of too small depth for desired array")
    if a.shape[0] == 0:
        raise ValueError("a cannot be empty")
    if v.shape[0] == 0:
        raise ValueError("v cannot be empty")
    return a, v


def _mode_slice(full, n, m, mode, same_start):
    if mode in ("full", 2):
        return full
    if mode in ("valid", 0):
        k = min(n, m)
        return full[k - 1:k - 1 + max(n, m) - k + 1]
    if mode in ("same", 1):
        return full[same_start:same_start + max(n, m)]
    raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")


def correlate(a, v, mode="valid"):
    """Cross-correlation of two 1-d sequences: c[k] = sum_n a[n + k] * conj(v[n])."""
    a, v = _check_1d(a, v)
    n, m = a.shape[0], v.shape[0]
    vc = _u.conj(v) if v.dtype.kind == "c" else v
    full = _corr_full(a, vc)
    k = min(n, m)
    start = (k - 1) // 2 if m <= n else k // 2
    return _mode_slice(full, n, m, mode, start)


def convolve(a, v, mode="full"):
    """Discrete linear convolution of two 1-d sequences."""
    a, v = _check_1d(a, v)
    n, m = a.shape[0], v.shape[0]
    full = _corr_full(a, v[::-1])
    return _mode_slice(full, n, m, mode, (min(n, m) - 1) // 2)


# --------------------------------------------------------------------------
# calculus-like helpers
# --------------------------------------------------------------------------
def interp(x, xp, fp, left=None, right=None, period=None):
    """One-dimensional piecewise-linear interpolation of (xp, fp) at x."""
    x = asarray(x)
    xp = asarray(xp)
    fp = asarray(fp)
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array")
    if xp.shape[0] != fp.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xp.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    if x.dtype.kind == "c" or xp.dtype.kind == "c":
        raise TypeError("x and xp must be real")
    cplx = fp.dtype.kind == "c"
    fdt = _dt("complex128") if cplx else _dt("float64")
    x = x.astype(_dt("float64"))
    xp = xp.astype(_dt("float64"))
    fp = fp.astype(fdt)
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(period)
        left = right = None
        x = x % period
        xp = xp % period
        order = argsort(xp)
        xp = xp[order]
        fp = fp[order]
        xp = concat([xp[-1:] - period, xp, xp[0:1] + period])
        fp = concat([fp[-1:], fp, fp[0:1]])
    n = xp.shape[0]
    xs = reshape(x, (-1,))
    j = searchsorted(xp, xs, side="right") - 1
    jc = _u.minimum(_u.maximum(j, 0), max(n - 2, 0))
    x0 = xp[jc]
    f0 = fp[jc]
    if n > 1:
        x1 = xp[jc + 1]
        f1 = fp[jc + 1]
        from arraycore._errstate import errstate
        with errstate(all="ignore"):
            slope = (f1 - f0) / (x1 - x0)
            res = slope * (xs - x0) + f0
            alt = slope * (xs - x1) + f1
        if cplx:
            bad = _u.logical_or(_u.isnan(_u.real(res)), _u.isnan(_u.imag(res)))
        else:
            bad = _u.isnan(res)
        res = _where(bad, alt, res)
        bad2 = _u.logical_and(_u.isnan(_u.real(res)) if cplx else _u.isnan(res),
                              _u.equal(f0, f1))
        res = _where(bad2, f0, res)
        res = _where(_u.equal(xs, x0), f0, res)
    else:
        res = broadcast_to(f0, tuple(xs.shape)).copy()
    lval = fp[0] if left is None else asarray(left, dtype=fdt)
    rval = fp[-1] if right is None else asarray(right, dtype=fdt)
    res = _where(_u.less(xs, xp[0]), lval, res)
    res = _where(_u.greater(xs, xp[-1]), rval, res)
    res = _where(_u.equal(xs, xp[-1]), fp[-1], res)
    if n > 1:   # NumPy: NaN in, NaN out (a single sample point gives fp[0])
        res = _where(_u.isnan(xs), asarray(float("nan"), dtype=fdt), res)
    return reshape(res, tuple(x.shape))


def gradient(f, *varargs, axis=None, edge_order=1):
    """The gradient by second-order central differences inside, first or second
    order one-sided differences at the edges."""
    f = asarray(f)
    nd = f.ndim
    if axis is None:
        axes = tuple(range(nd))
    elif isinstance(axis, (tuple, list)):
        axes = tuple(operator.index(a) % nd for a in axis)
    else:
        axes = (operator.index(axis) % nd,)
    if len(set(axes)) != len(axes):
        raise ValueError("duplicate value in 'axis'")
    na = len(axes)
    if len(varargs) == 0:
        dx = [1.0] * na
    elif len(varargs) == 1 and asarray(varargs[0]).ndim == 0:
        dx = [varargs[0]] * na
    elif len(varargs) == na:
        dx = list(varargs)
    else:
        raise TypeError("invalid number of arguments")
    if edge_order > 2 or edge_order < 1:
        raise ValueError("'edge_order' greater than 2 not supported")
    otype = f.dtype if f.dtype.kind in "fc" else _dt("float64")
    if f.dtype.kind in "iub":
        f = f.astype(_dt("float64"))
    outs = []
    for ax, d in zip(axes, dx):
        n = f.shape[ax]
        if n < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, "
                             "at least (edge_order + 1) elements are required.")
        dd = asarray(d)
        g = empty(tuple(f.shape), dtype=otype)

        def S(s):
            return (slice(None),) * ax + (s,) + (slice(None),) * (nd - ax - 1)

        def bshape(v):
            shp = [1] * nd
            shp[ax] = v.shape[0]
            return reshape(v, tuple(shp))
        if dd.ndim == 0:
            h = dd.item()
            g[S(slice(1, -1))] = (f[S(slice(2, None))] - f[S(slice(None, -2))]) / (2.0 * h)
            if edge_order == 1:
                g[S(slice(0, 1))] = (f[S(slice(1, 2))] - f[S(slice(0, 1))]) / h
                g[S(slice(-1, None))] = (f[S(slice(-1, None))] - f[S(slice(-2, -1))]) / h
            else:
                g[S(slice(0, 1))] = (-1.5 * f[S(slice(0, 1))] + 2.0 * f[S(slice(1, 2))]
                                     - 0.5 * f[S(slice(2, 3))]) / h
                g[S(slice(-1, None))] = (0.5 * f[S(slice(-3, -2))] - 2.0 *
                                         f[S(slice(-2, -1))] + 1.5 *
                                         f[S(slice(-1, None))]) / h
        else:
            if dd.ndim != 1 or dd.shape[0] != n:
                raise ValueError("when 1d, distances must match the length of the "
                                 "corresponding dimension")
            if dd.dtype.kind in "iub":
                dd = dd.astype(_dt("float64"))
            h = _diff(dd)
            d1 = h[:-1]
            d2 = h[1:]
            a = -(d2) / (d1 * (d1 + d2))
            b = (d2 - d1) / (d1 * d2)
            c = d1 / (d2 * (d1 + d2))
            g[S(slice(1, -1))] = bshape(a) * f[S(slice(None, -2))] + \
                bshape(b) * f[S(slice(1, -1))] + bshape(c) * f[S(slice(2, None))]
            if edge_order == 1:
                g[S(slice(0, 1))] = (f[S(slice(1, 2))] - f[S(slice(0, 1))]) / h[0]
                g[S(slice(-1, None))] = (f[S(slice(-1, None))] - f[S(slice(-2, -1))]) / h[-1]
            else:
                h1, h2 = h[0], h[1]
                a = -(2.0 * h1 + h2) / (h1 * (h1 + h2))
                b = (h1 + h2) / (h1 * h2)
                c = -h1 / (h2 * (h1 + h2))
                g[S(slice(0, 1))] = a * f[S(slice(0, 1))] + b * f[S(slice(1, 2))] + \
                    c * f[S(slice(2, 3))]
                h1, h2 = h[-2], h[-1]
                a = h2 / (h1 * (h1 + h2))
                b = -(h2 + h1) / (h1 * h2)
                c = (2.0 * h2 + h1) / (h2 * (h1 + h2))
                g[S(slice(-1, None))] = a * f[S(slice(-3, -2))] + b * f[S(slice(-2, -1))] + \
                    c * f[S(slice(-1, None))]
        outs.append(g)
    return outs[0] if na == 1 else tuple(outs)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integrate along the axis with the composite trapezoidal rule."""
    y = asarray(y)
    nd = y.ndim
    ax = operator.index(axis) % nd
    s1 = (slice(None),) * ax + (slice(1, None),)
    s2 = (slice(None),) * ax + (slice(None, -1),)
    if x is None:
        d = dx
    else:
        x = asarray(x)
        if x.ndim == 1:
            d = _diff(x)
            shp = [1] * nd
            shp[ax] = d.shape[0]
            d = reshape(d, tuple(shp))
        else:
            d = _diff(x, axis=ax)
    return _stats.sum(d * (y[s1] + y[s2]) / 2.0, axis=ax)


def ediff1d(ary, to_end=None, to_begin=None):
    """Differences between consecutive elements of the flattened array, with values
    prepended (to_begin) and appended (to_end)."""
    from arraycore._dtype import can_cast
    a = reshape(asarray(ary), (-1,))
    dt = a.dtype
    parts = []
    for v, name in ((to_begin, "to_begin"), (to_end, "to_end")):
        if v is None:
            parts.append(None)
            continue
        v = asarray(v)
        if not can_cast(v.dtype, dt, casting="same_kind"):
            raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under "
                            "the `same_kind` rule.")
        parts.append(reshape(v.astype(dt), (-1,)))
    d = a[1:] - a[:-1] if a.shape[0] else empty((0,), dtype=dt)
    seq = [p for p in (parts[0], d, parts[1]) if p is not None]
    return concat(seq) if len(seq) > 1 else d


# --------------------------------------------------------------------------
# element-wise compositions
# --------------------------------------------------------------------------
def fix(x, out=None):
    """Round toward zero."""
    res = _u.trunc(asarray(x))
    if out is not None:
        out[...] = res
        return out
    return res


def sinc(x):
    """The normalized sinc function sin(pi x) / (pi x) (1 at 0)."""
    from arraycore._dtype import finfo
    x = asarray(x)
    x = _u.multiply(math.pi, x)
    eps = finfo(x.dtype).eps if x.dtype.kind == "f" else 1e-20
    y = _where(_u.not_equal(x, 0), x, asarray(eps, dtype=x.dtype))
    return _u.sin(y) / y


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """NaN replaced by `nan`, infinities by `posinf`/`neginf` (largest finite values
    by default)."""
    from arraycore._dtype import finfo
    x = asarray(x)
    if x.dtype.kind not in "fc":
        return x.copy() if copy else x
    if x.dtype.kind == "c":
        re = nan_to_num(_u.real(x), True, nan, posinf, neginf)
        im = nan_to_num(_u.imag(x), True, nan, posinf, neginf)
        res = (re + im * 1j).astype(x.dtype)
    else:
        fi = finfo(x.dtype)
        pi_ = fi.max if posinf is None else posinf
        ni_ = fi.min if neginf is None else neginf
        res = _where(_u.isnan(x), asarray(nan, dtype=x.dtype), x)
        res = _where(_u.logical_and(_u.isinf(res), _u.greater(res, 0)),
                     asarray(pi_, dtype=x.dtype), res)
        res = _where(_u.logical_and(_u.isinf(res), _u.less(res, 0)),
                     asarray(ni_, dtype=x.dtype), res)
    if not copy:
        x[...] = res
        return x
    return res


def angle(z, deg=False):
    """The angle of the complex argument (radians, or degrees with deg=True)."""
    z = asarray(z)
    if z.dtype.kind == "c":
        a = _u.atan2(_u.imag(z), _u.real(z))
    else:
        a = _u.atan2(0, z)
    if deg:
        a = a * (180 / math.pi)
    return a


def unwrap(p, discont=None, axis=-1, *, period=6.283185307179586):
    """Unwrap by taking the complement of large deltas with respect to the period."""
    from arraycore._dtype import result_type
    p = asarray(p)
    nd = p.ndim
    ax = operator.index(axis) % nd
    dd = _diff(p, axis=ax)
    if discont is None:
        discont = period / 2
    s1 = (slice(None),) * ax + (slice(1, None),)
    dt = result_type(dd, period)
    if dt.kind in "iu":
        hi, rem = _pydivmod(period, 2)
        ambiguous = rem == 0
    else:
        hi = period / 2
        ambiguous = True
    lo = -hi
    ddmod = _u.remainder(dd - lo, period) + lo
    if ambiguous:
        ddmod = _where(_u.logical_and(_u.equal(ddmod, lo), _u.greater(dd, 0)),
                       asarray(hi, dtype=ddmod.dtype), ddmod)
    corr = ddmod - dd
    corr = _where(_u.less(_u.abs(dd), discont), asarray(0, dtype=corr.dtype), corr)
    up = p.astype(dt, copy=True)
    up[s1] = p[s1] + _stats.cumulative_sum(corr, axis=ax)
    return up


def _pydivmod(a, b):
    return a // b, a % b
