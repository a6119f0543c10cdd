/*
 * ac_iter.c -- the iteration engine of ACIter / arraycore.nditer: axis
 * ordering (C, F, K with negative-stride flipping), coalescing, the iternext
 * functions (per element, external loop, buffered), ranged iteration,
 * multi-index and flat-index tracking, the cast buffers, and the
 * "all axes but k" slice walker.  Plain C: no Python objects, no GIL.
 */
#include "ac_iter.h"
#include <stdlib.h>
#include <string.h>

#define ST(it, d) ((it)->strides + (size_t)(d) * (it)->ntot)

static inline ac_intp iabs(ac_intp x) { return x < 0 ? -x : x; }

/* ------------------------------------------------------------ memory */

static size_t layout_size(int cap, int nop, int ntot)
{
    size_t s = 0;
    s += 4 * sizeof(ac_intp) * (size_t)cap;          /* shape coords origshape + pad */
    s += sizeof(ac_intp) * (size_t)cap * ntot;       /* strides */
    s += sizeof(int) * (size_t)cap;                  /* perm */
    s += sizeof(char *) * (size_t)ntot * 3;          /* baseptrs ptrs bufptrs */
    s += sizeof(ac_intp) * (size_t)ntot * 2;         /* baseoffsets innerstrides */
    s += sizeof(char *) * (size_t)nop;               /* buffers */
    s += sizeof(int) * (size_t)nop;                  /* opflags */
    s += sizeof(ac_opinfo) * (size_t)nop * 2;        /* opinfo bufinfo */
    s += sizeof(void *) * (size_t)nop * 3;           /* opobjs opdescrs writeback */
    return s + 64;
}

static void layout(ACIter *it)
{
    char *p = (char *)(it + 1);
    int cap = it->cap_ndim, nop = it->nop, ntot = it->ntot;
#define TAKE(field, type, n) it->field = (type *)p; p += sizeof(type) * (size_t)(n)
    TAKE(shape, ac_intp, cap);
    TAKE(coords, ac_intp, cap);
    TAKE(origshape, ac_intp, cap);
    p += sizeof(ac_intp) * (size_t)cap;
    TAKE(strides, ac_intp, (size_t)cap * ntot);
    TAKE(baseoffsets, ac_intp, ntot);
    TAKE(innerstrides, ac_intp, ntot);
    TAKE(baseptrs, char *, ntot);
    TAKE(ptrs, char *, ntot);
    TAKE(bufptrs, char *, ntot);
    TAKE(buffers, char *, nop);
    TAKE(opobjs, void *, nop);
    TAKE(opdescrs, void *, nop);
    TAKE(writeback, void *, nop);
    TAKE(opinfo, ac_opinfo, nop);
    TAKE(bufinfo, ac_opinfo, nop);
    TAKE(perm, int, cap);
    TAKE(opflags, int, nop);
#undef TAKE
    it->dataptrs = (it->flags & ACI_BUFMODE) ? it->bufptrs : it->ptrs;
}

ACIter *aci_alloc(int ndim, int nop, int has_index)
{
    int cap = ndim > 0 ? ndim : 1;
    int ntot = nop + (has_index ? 1 : 0);
    size_t total = sizeof(ACIter) + layout_size(cap, nop, ntot);
    ACIter *it = (ACIter *)calloc(1, total);
    if (it == NULL) {
        return NULL;
    }
    it->cap_ndim = cap;
    it->nop = nop;
    it->ntot = ntot;
    it->orig_ndim = ndim;
    it->ndim = cap;
    if (has_index) {
        it->flags |= ACI_HASINDEX;
    }
    layout(it);
    return it;
}

void aci_free(ACIter *it)
{
    int op;
    if (it == NULL) {
        return;
    }
    for (op = 0; op < it->nop; op++) {
        if (it->buffers[op] != NULL) {
            ac_data_free(it->buffers[op]);
        }
    }
    free(it);
}

ACIter *aci_copy(ACIter *it)
{
    size_t total = sizeof(ACIter) + layout_size(it->cap_ndim, it->nop, it->ntot);
    ACIter *c = (ACIter *)malloc(total);
    int op;
    if (c == NULL) {
        return NULL;
    }
    memcpy(c, it, total);
    layout(c);
    for (op = 0; op < c->nop; op++) {
        c->buffers[op] = NULL;
    }
    for (op = 0; op < c->nop; op++) {
        if (it->buffers[op] != NULL) {
            size_t n = (size_t)(it->buffersize * it->bufinfo[op].itemsize);
            c->buffers[op] = (char *)ac_data_alloc(n ? n : 1, 0);
            if (c->buffers[op] == NULL) {
                aci_free(c);
                return NULL;
            }
            memcpy(c->buffers[op], it->buffers[op], n);
            if (it->opflags[op] & ACI_OP_BUFFER) {
                c->bufptrs[op] = c->buffers[op] + (it->bufptrs[op] - it->buffers[op]);
            }
        }
    }
    return c;
}

/* ------------------------------------------------------------ ordering */

void aci_best_order(int ndim, int nop, const ac_intp *strides, int order, int *perm)
{
    /* NumPy's rule, worked innermost first: an axis moves inward past the
     * axes with larger strides for every operand that decides (operands
     * with a zero stride on either axis do not decide; undecided pairs are
     * skipped, not stopped at).  C and F orders are forced. */
    int np_perm[AC_MAXDIMS];
    int i0, i1, op, d;
    for (d = 0; d < ndim; d++) {
        perm[d] = (order == AC_FORTRANORDER) ? ndim - 1 - d : d;
    }
    if (order != AC_KEEPORDER) {
        return;
    }
    for (d = 0; d < ndim; d++) {
        np_perm[d] = ndim - 1 - d;
    }
    for (i0 = 1; i0 < ndim; i0++) {
        int ipos = i0, j0 = np_perm[i0];
        for (i1 = i0 - 1; i1 >= 0; i1--) {
            int j1 = np_perm[i1], ambig = 1, shouldswap = 0;
            for (op = 0; op < nop; op++) {
                ac_intp s0 = strides[op * ndim + j0], s1 = strides[op * ndim + j1];
                if (s0 != 0 && s1 != 0) {
                    if (iabs(s1) <= iabs(s0)) {
                        shouldswap = 0;
                    }
                    else if (ambig) {
                        shouldswap = 1;
                    }
                    ambig = 0;
                }
            }
            if (!ambig) {
                if (shouldswap) {
                    ipos = i1;
                }
                else {
                    break;
                }
            }
        }
        if (ipos != i0) {
            for (i1 = i0; i1 > ipos; i1--) {
                np_perm[i1] = np_perm[i1 - 1];
            }
            np_perm[ipos] = j0;
        }
    }
    for (d = 0; d < ndim; d++) {
        perm[d] = np_perm[ndim - 1 - d];
    }
}

void aci_coalesce(ACIter *it)
{
    int ntot = it->ntot, nd = it->ndim, out = 0, d, op;
    if (nd <= 1) {
        return;
    }
    for (d = 0; d < nd; d++) {
        if (it->shape[d] == 0) {
            /* an empty iteration is one empty axis */
            it->ndim = 1;
            it->shape[0] = 0;
            it->perm[0] = it->perm[d];
            memmove(ST(it, 0), ST(it, d), sizeof(ac_intp) * (size_t)ntot);
            return;
        }
    }
    for (d = 1; d < nd; d++) {
        ac_intp *so = ST(it, out), *si = ST(it, d);
        int ok = 1;
        if (it->shape[out] == 1) {
            /* the outer one has extent 1: take the inner's strides */
            for (op = 0; op < ntot; op++) {
                so[op] = si[op];
            }
            it->shape[out] = it->shape[d];
            it->perm[out] = it->perm[d];
            continue;
        }
        if (it->shape[d] != 1) {
            for (op = 0; op < ntot; op++) {
                if (so[op] != it->shape[d] * si[op]) {
                    ok = 0;
                    break;
                }
            }
        }
        if (ok) {
            if (it->shape[d] != 1) {
                it->shape[out] *= it->shape[d];
                for (op = 0; op < ntot; op++) {
                    so[op] = si[op];
                }
            }
        }
        else {
            out++;
            it->shape[out] = it->shape[d];
            memmove(ST(it, out), si, sizeof(ac_intp) * (size_t)ntot);
            it->perm[out] = it->perm[d];
        }
    }
    it->ndim = out + 1;
}

void aci_setup(ACIter *it, const ac_intp *ostrides, int order)
{
    int ond = it->orig_ndim, nop = it->nop, ntot = it->ntot, d, op;
    ac_intp size = 1;
    for (d = 0; d < ond; d++) {
        size *= it->origshape[d];
    }
    it->itersize = size;
    if (size == 0) {
        it->flags |= ACI_EMPTY;
    }
    if (ond == 0) {
        it->ndim = 1;
        it->shape[0] = 1;
        it->perm[0] = 0;
        for (op = 0; op < ntot; op++) {
            ST(it, 0)[op] = 0;
            it->baseoffsets[op] = 0;
        }
    }
    else {
        aci_best_order(ond, nop, ostrides, order, it->perm);
        it->ndim = ond;
        for (d = 0; d < ond; d++) {
            int ax = it->perm[d];
            it->shape[d] = it->origshape[ax];
            for (op = 0; op < nop; op++) {
                ST(it, d)[op] = ostrides[op * ond + ax];
            }
        }
        for (op = 0; op < ntot; op++) {
            it->baseoffsets[op] = 0;
        }
        /* K order: flip the axes along which every operand walks backwards */
        if (order == AC_KEEPORDER && !(it->flags & AC_ITER_DONT_NEGATE_STRIDES)) {
            for (d = 0; d < ond; d++) {
                int anyneg = 0, allok = 1;
                for (op = 0; op < nop; op++) {
                    ac_intp s = ST(it, d)[op];
                    if (s < 0) {
                        anyneg = 1;
                    }
                    else if (s > 0) {
                        allok = 0;
                    }
                }
                if (anyneg && allok && it->shape[d] > 1) {
                    for (op = 0; op < nop; op++) {
                        ac_intp s = ST(it, d)[op];
                        it->baseoffsets[op] += s * (it->shape[d] - 1);
                        ST(it, d)[op] = -s;
                    }
                    it->perm[d] = -1 - it->perm[d];
                }
            }
        }
        /* the flat index as a pseudo-operand */
        if (it->flags & ACI_HASINDEX) {
            ac_intp f = 1;
            ac_intp istr[AC_MAXDIMS];
            int ax;
            if (it->flags & AC_ITER_C_INDEX) {
                for (ax = ond - 1; ax >= 0; ax--) {
                    istr[ax] = f;
                    f *= it->origshape[ax];
                }
            }
            else {
                for (ax = 0; ax < ond; ax++) {
                    istr[ax] = f;
                    f *= it->origshape[ax];
                }
            }
            for (d = 0; d < ond; d++) {
                int p = it->perm[d];
                if (p < 0) {
                    ax = -1 - p;
                    it->baseoffsets[nop] += istr[ax] * (it->shape[d] - 1);
                    ST(it, d)[nop] = -istr[ax];
                }
                else {
                    ST(it, d)[nop] = istr[p];
                }
            }
            it->baseptrs[nop] = NULL;
        }
    }
    for (op = 0; op < ntot; op++) {
        it->baseptrs[op] += it->baseoffsets[op];
    }
    if (!(it->flags & AC_ITER_MULTI_INDEX)) {
        aci_coalesce(it);
    }
    it->iterstart = 0;
    it->iterend = size;
    for (op = 0; op < ntot; op++) {
        it->innerstrides[op] = ST(it, it->ndim - 1)[op];
    }
    it->dataptrs = (it->flags & ACI_BUFMODE) ? it->bufptrs : it->ptrs;
    aci_reset(it);
}

/* ------------------------------------------------------------ buffers */

static int copy1(char *dst, ac_intp ds, const ac_opinfo *di,
                 const char *src, ac_intp ss, const ac_opinfo *si, ac_intp n)
{
    ac_intp shape[1];
    ac_intp dst_s[1], src_s[1];
    int r;
    shape[0] = n;
    dst_s[0] = ds;
    src_s[0] = ss;
    r = ac_copy_nd(1, shape, dst, dst_s, di, src, src_s, si);
    /* a Ctrl-C is not a failed copy: the loop running on the buffers polls
     * the flag itself and stops */
    return r == AC_DRIVE_INTERRUPTED ? 0 : r;
}

/* Multi-row chunks: copy n elements of operand op, in iteration order from
 * the current position, between the operand and its buffer. */
static int run_copy(ACIter *it, int op, ac_intp n, int to_buffer)
{
    int nd = it->ndim, d;
    ac_intp c[AC_MAXDIMS];
    char *p = it->ptrs[op], *b = it->buffers[op];
    ac_intp isz = it->bufinfo[op].itemsize;
    ac_intp si = ST(it, nd - 1)[op];
    memcpy(c, it->coords, sizeof(ac_intp) * (size_t)nd);
    while (n > 0) {
        ac_intp seg = it->shape[nd - 1] - c[nd - 1];
        int r;
        if (nd >= 2 && c[nd - 1] == 0 && n >= 2 * it->shape[nd - 1]) {
            /* whole rows of the current row group: one 2-d copy */
            ac_intp rowlen = it->shape[nd - 1];
            ac_intp m = n / rowlen, avail = it->shape[nd - 2] - c[nd - 2];
            ac_intp shp[2], os[2], bs[2];
            if (m > avail) {
                m = avail;
            }
            if (m >= 2) {
                shp[0] = m;
                shp[1] = rowlen;
                os[0] = ST(it, nd - 2)[op];
                os[1] = si;
                bs[0] = rowlen * isz;
                bs[1] = isz;
                r = to_buffer ? ac_copy_nd(2, shp, b, bs, &it->bufinfo[op], p, os, &it->opinfo[op])
                              : ac_copy_nd(2, shp, p, os, &it->opinfo[op], b, bs, &it->bufinfo[op]);
                if (r < 0 && r != AC_DRIVE_INTERRUPTED) {
                    return -1;
                }
                b += m * rowlen * isz;
                n -= m * rowlen;
                /* move to row c[nd-2] + m (carry when the group ends) */
                p += (m - 1) * os[0];
                c[nd - 2] += m - 1;
                c[nd - 1] = rowlen - 1;
                p += (rowlen - 1) * si;
                seg = 1;
                goto advance;
            }
        }
        if (seg > n) {
            seg = n;
        }
        r = to_buffer ? copy1(b, isz, &it->bufinfo[op], p, si, &it->opinfo[op], seg)
                      : copy1(p, si, &it->opinfo[op], b, isz, &it->bufinfo[op], seg);
        if (r < 0) {
            return -1;
        }
        b += seg * isz;
        n -= seg;
        p += (seg - 1) * si;
        c[nd - 1] += seg - 1;
        seg = 1;
advance:
        /* step one element past the last one copied */
        p += seg * si;
        c[nd - 1] += seg;
        if (c[nd - 1] < it->shape[nd - 1]) {
            continue;
        }
        p -= it->shape[nd - 1] * si;
        c[nd - 1] = 0;
        for (d = nd - 2; d >= 0; d--) {
            ac_intp s = ST(it, d)[op];
            if (++c[d] < it->shape[d]) {
                p += s;
                break;
            }
            p -= s * (it->shape[d] - 1);
            c[d] = 0;
        }
    }
    return 0;
}

static int fill_multirow(ACIter *it)
{
    int op;
    ac_intp n = it->iterend - it->iterindex;
    if (n > it->buffersize) {
        n = it->buffersize;
    }
    it->chunksize = n;
    it->chunkpos = 0;
    for (op = 0; op < it->nop; op++) {
        it->bufptrs[op] = it->buffers[op];
        it->innerstrides[op] = it->bufinfo[op].itemsize;
        if ((it->opflags[op] & ACI_OP_READ) && run_copy(it, op, n, 1) < 0) {
            it->error = 1;
            return -1;
        }
    }
    it->flags |= ACI_DIRTY;
    it->innersize = (it->flags & AC_ITER_EXTERNAL_LOOP) ? n : 1;
    return 0;
}

/* Fill the buffers for the chunk starting at the current position. */
static int fill_chunk(ACIter *it)
{
    int nd = it->ndim, op;
    ac_intp n = it->shape[nd - 1] - it->coords[nd - 1];
    ac_intp left = it->iterend - it->iterindex;
    if (it->flags & ACI_MULTIROW) {
        return fill_multirow(it);
    }
    if (n > left) {
        n = left;
    }
    if (n > it->buffersize) {
        n = it->buffersize;
    }
    it->chunksize = n;
    it->chunkpos = 0;
    for (op = 0; op < it->ntot; op++) {
        ac_intp s = ST(it, nd - 1)[op];
        if (op < it->nop && (it->opflags[op] & ACI_OP_BUFFER)) {
            ac_intp isz = it->bufinfo[op].itemsize;
            ac_intp cnt = s == 0 ? 1 : n;
            it->bufptrs[op] = it->buffers[op];
            it->innerstrides[op] = s == 0 ? 0 : isz;
            if ((it->opflags[op] & ACI_OP_READ) && cnt > 0) {
                if (copy1(it->buffers[op], isz, &it->bufinfo[op],
                          it->ptrs[op], s, &it->opinfo[op], cnt) < 0) {
                    it->error = 1;
                    return -1;
                }
            }
        }
        else {
            it->bufptrs[op] = it->ptrs[op];
            it->innerstrides[op] = s;
        }
    }
    it->flags |= ACI_DIRTY;
    it->innersize = (it->flags & AC_ITER_EXTERNAL_LOOP) ? n : 1;
    return 0;
}

int aci_flush(ACIter *it)
{
    int nd = it->ndim, op;
    if (!(it->flags & ACI_DIRTY)) {
        return 0;
    }
    it->flags &= ~ACI_DIRTY;
    if (it->flags & ACI_MULTIROW) {
        for (op = 0; op < it->nop; op++) {
            if ((it->opflags[op] & ACI_OP_WRITE) && it->chunksize > 0 &&
                    run_copy(it, op, it->chunksize, 0) < 0) {
                it->error = 1;
                return -1;
            }
        }
        return 0;
    }
    for (op = 0; op < it->nop; op++) {
        if ((it->opflags[op] & ACI_OP_BUFFER) && (it->opflags[op] & ACI_OP_WRITE)) {
            ac_intp s = ST(it, nd - 1)[op];
            ac_intp cnt = s == 0 ? 1 : it->chunksize;
            if (cnt > 0 && copy1(it->ptrs[op], s, &it->opinfo[op], it->buffers[op],
                                 it->bufinfo[op].itemsize, &it->bufinfo[op], cnt) < 0) {
                it->error = 1;
                return -1;
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------ positioning */

static void set_position(ACIter *it, ac_intp i)
{
    int nd = it->ndim, d, op;
    it->iterindex = i;
    for (d = nd - 1; d >= 0; d--) {
        ac_intp sh = it->shape[d];
        it->coords[d] = sh > 0 ? i % sh : 0;
        i = sh > 0 ? i / sh : 0;
    }
    for (op = 0; op < it->ntot; op++) {
        char *p = it->baseptrs[op];
        for (d = 0; d < nd; d++) {
            p += it->coords[d] * ST(it, d)[op];
        }
        it->ptrs[op] = p;
    }
}

static int after_move(ACIter *it)
{
    int nd = it->ndim, op;
    if (!(it->flags & ACI_BUFMODE)) {
        for (op = 0; op < it->ntot; op++) {
            it->innerstrides[op] = ST(it, nd - 1)[op];
        }
    }
    if (it->flags & ACI_BUFMODE) {
        if (it->iterindex >= it->iterend) {
            it->chunksize = 0;
            it->innersize = 0;
            return 0;
        }
        return fill_chunk(it);
    }
    if (it->flags & AC_ITER_EXTERNAL_LOOP) {
        ac_intp n = it->shape[nd - 1] - it->coords[nd - 1];
        ac_intp left = it->iterend - it->iterindex;
        it->innersize = n < left ? n : left;
        if (it->innersize < 0) {
            it->innersize = 0;
        }
    }
    else {
        it->innersize = 1;
    }
    return 0;
}

int aci_goto_iterindex(ACIter *it, ac_intp iterindex)
{
    if (aci_flush(it) < 0) {
        return -1;
    }
    if (iterindex < it->iterstart || iterindex > it->iterend ||
            (iterindex == it->iterend && it->iterend > it->iterstart)) {
        return -1;
    }
    set_position(it, iterindex);
    return after_move(it);
}

int aci_reset(ACIter *it)
{
    if (aci_flush(it) < 0) {
        return -1;
    }
    set_position(it, it->iterstart < it->itersize ? it->iterstart : 0);
    it->iterindex = it->iterstart;
    return after_move(it);
}

int aci_goto_multi_index(ACIter *it, const ac_intp *idx)
{
    int d;
    ac_intp i = 0;
    for (d = 0; d < it->ndim && it->orig_ndim > 0; d++) {
        int p = it->perm[d];
        int ax = p < 0 ? -1 - p : p;
        ac_intp c = idx[ax];
        if (c < 0 || c >= it->shape[d]) {
            return -1;
        }
        if (p < 0) {
            c = it->shape[d] - 1 - c;
        }
        i = i * it->shape[d] + c;
    }
    return aci_goto_iterindex(it, i);
}

int aci_goto_index(ACIter *it, ac_intp index)
{
    int d, nop = it->nop;
    ac_intp i = 0;
    if (index < 0 || index >= it->itersize) {
        return -1;
    }
    for (d = 0; d < it->ndim; d++) {
        ac_intp s = ST(it, d)[nop], sh = it->shape[d];
        ac_intp j = s == 0 ? 0 : (index / iabs(s)) % sh;
        ac_intp c = s < 0 ? sh - 1 - j : j;
        i = i * sh + c;
    }
    return aci_goto_iterindex(it, i);
}

void aci_get_multi_index(ACIter *it, ac_intp *out)
{
    int d, nd = it->ndim;
    if (it->orig_ndim == 0) {
        return;
    }
    for (d = 0; d < nd; d++) {
        int p = it->perm[d];
        ac_intp c = it->coords[d];
        if (d == nd - 1) {
            c += it->chunkpos;
        }
        if (p < 0) {
            out[-1 - p] = it->shape[d] - 1 - c;
        }
        else {
            out[p] = c;
        }
    }
}

ac_intp aci_get_index(ACIter *it)
{
    return (ac_intp)(Py_intptr_t)it->dataptrs[it->nop];
}

int aci_remove_axis(ACIter *it, int axis)
{
    int d, k = -1, op, ntot = it->ntot;
    if (!(it->flags & AC_ITER_MULTI_INDEX) || axis < 0 || axis >= it->orig_ndim) {
        return -1;
    }
    if (aci_flush(it) < 0) {
        return -1;
    }
    for (d = 0; d < it->ndim; d++) {
        int p = it->perm[d];
        if ((p < 0 ? -1 - p : p) == axis) {
            k = d;
        }
    }
    if (k < 0) {
        return -1;
    }
    if (it->perm[k] < 0) {
        /* undo the flip: back to element 0 of the axis */
        for (op = 0; op < ntot; op++) {
            ac_intp off = ST(it, k)[op] * (it->shape[k] - 1);
            it->baseptrs[op] += off;
            it->baseoffsets[op] += off;
        }
    }
    for (d = k; d < it->ndim - 1; d++) {
        it->shape[d] = it->shape[d + 1];
        it->perm[d] = it->perm[d + 1];
        memmove(ST(it, d), ST(it, d + 1), sizeof(ac_intp) * (size_t)ntot);
    }
    for (d = 0; d < it->ndim - 1; d++) {
        int p = it->perm[d];
        if (p >= 0 && p > axis) {
            it->perm[d] = p - 1;
        }
        else if (p < 0 && -1 - p > axis) {
            it->perm[d] = p + 1;
        }
    }
    for (d = axis; d < it->orig_ndim - 1; d++) {
        it->origshape[d] = it->origshape[d + 1];
    }
    it->orig_ndim--;
    it->ndim--;
    if (it->ndim == 0) {
        it->ndim = 1;
        it->shape[0] = 1;
        it->perm[0] = 0;
        for (op = 0; op < ntot; op++) {
            ST(it, 0)[op] = 0;
        }
    }
    it->itersize = 1;
    for (d = 0; d < it->ndim; d++) {
        it->itersize *= it->shape[d];
    }
    if (it->orig_ndim == 0) {
        it->itersize = 1;
    }
    it->flags = it->itersize == 0 ? (it->flags | ACI_EMPTY) : (it->flags & ~ACI_EMPTY);
    it->iterstart = 0;
    it->iterend = it->itersize;
    return aci_reset(it);
}

/* ------------------------------------------------------------ iternext */

/* carry into dimensions d, d-1, ... after the inner ones wrapped */
static inline void carry(ACIter *it, int d)
{
    int ntot = it->ntot, op;
    for (; d >= 0; d--) {
        ac_intp *s = ST(it, d);
        if (++it->coords[d] < it->shape[d]) {
            for (op = 0; op < ntot; op++) {
                it->ptrs[op] += s[op];
            }
            return;
        }
        for (op = 0; op < ntot; op++) {
            it->ptrs[op] -= s[op] * (it->shape[d] - 1);
        }
        it->coords[d] = 0;
    }
}

static int next_elem(ACIter *it)
{
    if (++it->iterindex >= it->iterend) {
        return 0;
    }
    carry(it, it->ndim - 1);
    return 1;
}

static int next_elem1(ACIter *it)
{
    /* one operand, one dimension: the common flat walk */
    if (++it->iterindex >= it->iterend) {
        return 0;
    }
    it->ptrs[0] += it->strides[0];
    it->coords[0]++;
    return 1;
}

static int next_external(ACIter *it)
{
    int nd = it->ndim, op;
    ac_intp left;
    it->iterindex += it->innersize;
    if (it->iterindex >= it->iterend) {
        return 0;
    }
    {
        ac_intp *s = ST(it, nd - 1);
        for (op = 0; op < it->ntot; op++) {
            it->ptrs[op] -= s[op] * it->coords[nd - 1];
        }
        it->coords[nd - 1] = 0;
    }
    carry(it, nd - 2);
    left = it->iterend - it->iterindex;
    it->innersize = it->shape[nd - 1] < left ? it->shape[nd - 1] : left;
    return 1;
}

static int next_buffered(ACIter *it)
{
    int nd = it->ndim, op;
    ac_intp n;
    if (!(it->flags & AC_ITER_EXTERNAL_LOOP)) {
        if (++it->chunkpos < it->chunksize) {
            it->iterindex++;
            for (op = 0; op < it->ntot; op++) {
                it->bufptrs[op] += it->innerstrides[op];
            }
            return 1;
        }
        it->chunkpos = 0;
    }
    if (aci_flush(it) < 0) {
        return 0;
    }
    n = it->chunksize;
    it->iterindex += (it->flags & AC_ITER_EXTERNAL_LOOP) ? n : 1;
    if (it->iterindex >= it->iterend) {
        it->chunksize = 0;
        return 0;
    }
    if (it->flags & ACI_MULTIROW) {
        set_position(it, it->iterindex);
        return fill_chunk(it) < 0 ? 0 : 1;
    }
    /* advance the operand position by the chunk */
    {
        ac_intp *s = ST(it, nd - 1);
        it->coords[nd - 1] += n;
        for (op = 0; op < it->ntot; op++) {
            it->ptrs[op] += s[op] * n;
        }
        if (it->coords[nd - 1] >= it->shape[nd - 1]) {
            for (op = 0; op < it->ntot; op++) {
                it->ptrs[op] -= s[op] * it->coords[nd - 1];
            }
            it->coords[nd - 1] = 0;
            carry(it, nd - 2);
        }
    }
    return fill_chunk(it) < 0 ? 0 : 1;
}

static int next_empty(ACIter *it)
{
    (void)it;
    return 0;
}

ACIter_IterNextFunc *aci_get_iternext(ACIter *it)
{
    if (it->flags & ACI_EMPTY) {
        return next_empty;
    }
    if (it->flags & ACI_BUFMODE) {
        return next_buffered;
    }
    if (it->flags & AC_ITER_EXTERNAL_LOOP) {
        return next_external;
    }
    if (it->ndim == 1 && it->ntot == 1) {
        return next_elem1;
    }
    return next_elem;
}

/* ------------------------------------------------------------ slices */

typedef struct {
    ACIter_SliceFunc *fn;
    void *ctx;
    int nop;
    const ac_intp *kshape;
    const ac_intp *kstrides;
} slice_ctx;

/* the driver's inner function: one call of fn per slice of the run */
static int slice_inner(char **ptrs, ac_intp count, const ac_intp *strides, void *vctx)
{
    slice_ctx *c = (slice_ctx *)vctx;
    char *q[AC_MAXARGS];
    ac_intp i;
    int op, r;
    for (i = 0; i < count; i++) {
        for (op = 0; op < c->nop; op++) {
            q[op] = ptrs[op] + i * strides[op];
        }
        r = c->fn(q, c->kshape, c->kstrides, c->ctx);
        if (r) {
            return r;
        }
    }
    return 0;
}

int aci_foreach_slice(int ndim, const ac_intp *shape, int nop, char **ptrs,
                      const ac_intp *strides, int k, const int *axes,
                      ACIter_SliceFunc *fn, void *ctx)
{
    ac_intp kshape[AC_MAXDIMS], kstrides[AC_MAXARGS * AC_MAXDIMS];
    ac_intp oshape[AC_MAXDIMS], ostrides[AC_MAXARGS * AC_MAXDIMS];
    int kept[AC_MAXDIMS];
    int d, j, op, on = 0;
    slice_ctx c;
    if (nop < 1 || nop > AC_MAXARGS || ndim > AC_MAXDIMS) {
        return AC_DRIVE_BADARGS;
    }
    memset(kept, 0, sizeof(kept));
    for (j = 0; j < k; j++) {
        kept[axes[j]] = 1;
        kshape[j] = shape[axes[j]];
        if (kshape[j] == 0) {
            return 0;
        }
        for (op = 0; op < nop; op++) {
            kstrides[op * k + j] = strides[op * AC_MAXDIMS + axes[j]];
        }
    }
    for (d = 0; d < ndim; d++) {
        if (kept[d]) {
            continue;
        }
        oshape[on] = shape[d];
        for (op = 0; op < nop; op++) {
            ostrides[op * AC_MAXDIMS + on] = strides[op * AC_MAXDIMS + d];
        }
        on++;
    }
    c.fn = fn;
    c.ctx = ctx;
    c.nop = nop;
    c.kshape = kshape;
    c.kstrides = kstrides;
    /* C order over the walked axes (coalescing keeps it); Ctrl-C is polled
     * between two slices */
    return ac_drive(on, oshape, nop, ptrs, ostrides, 0, AC_DRIVE_COALESCE, 1,
                    slice_inner, &c);
}
