#!/usr/bin/env python
"""tools/gen_sortnet.py -- generate ac_sortnet.h, the in-register sorts of the
short ranges ("leaves") of the vectorized quicksort in src/ac_simdsort.c.

    python tools/gen_sortnet.py OUTPUT.h

For every register count R = 1 .. 16 and flavour S (AVX-512: 8 lanes of
64-bit or 16 of 32-bit unsigned keys, u64/u32, or of doubles/floats without
NaNs, f64/f32, compared by the FP min/max; AVX2: R = 1 .. 8 of 4 or 8
lanes of keys, 16 ymm registers) it writes one straight-line function

    static AC_T512 void snet512_<S>_<R>(KT *k, ac_intp n)   /* n in (NL(R-1), NL R] */
    static AC_T256 void snet256_<S>_<R>(KT *k, ac_intp n)

that loads the n keys into R registers (the last one padded with the largest
key), sorts them and stores them back.  Straight-line code (no loops, no
arrays) keeps every register in a register: the compiler never has to spill
an array indexed at run time.

The sort is a bitonic merge sort over P = 2**ceil(log2 R) registers in which
registers R .. P-1 are padding (every key the largest).  The generator runs
the network symbolically and leaves out every operation whose result it
knows: min(x, PAD) = x and max(x, PAD) = PAD, so a compare-exchange with a
pad register is a no-op or a renaming, and pad registers are never sorted.
R = 12 therefore costs far less than R = 16 and no block is padded to a
power of two.  Steps:
 1. every register sorted: a full group of NL registers sorts its columns
    with Batcher's odd-even merge sort across registers (min/max only, no
    shuffles) and is transposed; the registers of a partial group are sorted
    one by one with an in-register network (C helpers net_u64/net_u32);
 2. merges of sorted runs of s registers into runs of 2s: key j of the
    first run against key 2s NL - 1 - j of the second (one reversal), which
    leaves two bitonic halves; half-cleaners between registers, then inside
    each register (C helpers bitonic2_u64 for two registers at once,
    bitonic_u<W> for one).
For the key-index sort of argsort it also writes snetp512_u64_<R>(k, ix, n),
R = 1 .. 8: the same merges on pairs of registers (keys and their int64
indices), with compare-exchanges that never move equal keys (see
PairEmitter).

The comparator lists are checked here by the 0-1 principle, and the whole
generated merge network is checked on random inputs by simulation.
"""
import itertools
import random
import sys

MAXR = 16      # AVX-512: 32 registers
MAXR256 = 8    # AVX2: 16 registers
MAXRPAIR = 8   # AVX-512 key-index pairs: two registers each


def oddeven_pairs(n):
    """Batcher's odd-even merge sort of n = 2**m inputs: (i, j), i < j,
    min to i.  Written from the definition: sort both halves, then merge
    the odd and the even subsequences and fix neighbours."""
    out = []

    def merge(lo, length, step):
        # merge the sorted subsequences lo, lo + step, ... (length/step items,
        # both halves sorted)
        if 2 * step < length:
            merge(lo, length, 2 * step)
            merge(lo + step, length, 2 * step)
            for i in range(lo + step, lo + length - step, 2 * step):
                out.append((i, i + step))
        else:
            out.append((lo, lo + step))

    def sort(lo, length):
        if length > 1:
            half = length // 2
            sort(lo, half)
            sort(lo + half, half)
            merge(lo, length, 1)

    sort(0, n)
    return out


def check_network(n, pairs):
    for bits in itertools.product((0, 1), repeat=n):
        v = list(bits)
        for i, j in pairs:
            if v[i] > v[j]:
                v[i], v[j] = v[j], v[i]
        assert v == sorted(v), (n, bits)


PAD = None


class Emitter:
    """Straight-line code over symbolic registers: a name, or PAD.  isa 512
    (AVX-512) or 256 (AVX2: no unsigned 64-bit min/max, a helper does it)."""

    def __init__(self, w, nl, isa=512, fl="u"):
        self.w, self.nl, self.isa = w, nl, isa
        self.S = f"{fl}{w}"               # flavour: u64, u32 (keys), f64, f32 (floats)
        self.vt = "__m512i" if isa == 512 else "__m256i"
        self.sfx = "" if isa == 512 else "256"
        self.lines = []
        self.count = 0
        self.sim = {}          # name -> list of lanes (simulation)

    def fresh(self):
        self.count += 1
        return f"r{self.count}"

    def emit(self, expr, lanes):
        name = self.fresh()
        self.lines.append(f"    const {self.vt} {name} = {expr};")
        self.sim[name] = lanes
        return name

    def lanes(self, x):
        return [float("inf")] * self.nl if x is PAD else self.sim[x]

    def minmax(self, a, b):
        if b is PAD:
            return a, PAD
        if a is PAD:
            return b, PAD
        la, lb = self.sim[a], self.sim[b]
        llo = [min(x, y) for x, y in zip(la, lb)]
        lhi = [max(x, y) for x, y in zip(la, lb)]
        if self.isa == 256 and self.w == 64:
            lo, hi = self.fresh(), self.fresh()
            self.lines.append(f"    __m256i {lo} = {a}, {hi} = {b};")
            self.lines.append(f"    minmax256_u64(&{lo}, &{hi});")
            self.sim[lo], self.sim[hi] = llo, lhi
            return lo, hi
        if self.isa == 512:
            lo = self.emit(f"ac_min512_{self.S}({a}, {b})", llo)
            hi = self.emit(f"ac_max512_{self.S}({a}, {b})", lhi)
        else:
            lo = self.emit(f"_mm256_min_epu{self.w}({a}, {b})", llo)
            hi = self.emit(f"_mm256_max_epu{self.w}({a}, {b})", lhi)
        return lo, hi

    def rev(self, a):
        return self.emit(f"rev{self.sfx}_{self.S}({a})", self.sim[a][::-1])

    def sort1(self, a):
        return self.emit(f"net{self.sfx}_{self.S}({a})", sorted(self.sim[a]))

    def clean1(self, a):
        # a bitonic register, sorted
        return self.emit(f"bitonic{self.sfx}_{self.S}({a})", sorted(self.sim[a]))

    def clean2(self, a, b):
        # two bitonic registers, each sorted (64-bit: one helper for both)
        x, y = self.fresh(), self.fresh()
        self.lines.append(f"    __m512i {x} = {a}, {y} = {b};")
        self.lines.append(f"    bitonic2_{self.S}(&{x}, &{y});")
        self.sim[x] = sorted(self.sim[a])
        self.sim[y] = sorted(self.sim[b])
        return x, y

    def op2(self, expr, a, b, lanes_of):
        return self.emit(expr, lanes_of(self.sim[a], self.sim[b]))

    def transpose256(self, regs):
        """AVX2: 4 x 4 (64-bit) or 8 x 8 (32-bit) transpose by unpacks and
        128-bit lane permutes (simulated lane by lane)."""
        nl = self.nl

        def unpack(x, y, hi, width):
            # per 128-bit half: interleave the low (or high) half-elements
            per = 128 // width            # elements per 128-bit half
            out = []
            for base in range(0, nl, per):
                xs, ys = x[base:base + per], y[base:base + per]
                half = per // 2
                src = range(half, per) if hi else range(half)
                for q in src:
                    out += [xs[q], ys[q]]
            return out

        def unpack_w(xl, yl, hi, width):
            # width in bits of the interleaved unit, lanes of W bits
            g = width // self.w
            xs = [xl[i:i + g] for i in range(0, nl, g)]
            ys = [yl[i:i + g] for i in range(0, nl, g)]
            per = 128 // width
            out = []
            for base in range(0, len(xs), per):
                half = per // 2
                for q in (range(half, per) if hi else range(half)):
                    out += xs[base + q] + ys[base + q]
            return out

        def perm2(xl, yl, imm):
            h = nl // 2
            pick = {0: xl[:h], 1: xl[h:], 2: yl[:h], 3: yl[h:]}
            return pick[imm & 3] + pick[(imm >> 4) & 3]

        u = list(regs)
        if self.w == 64:
            a, b, c, d = u
            t0 = self.op2(f"_mm256_unpacklo_epi64({a}, {b})", a, b,
                          lambda x, y: unpack_w(x, y, 0, 64))
            t1 = self.op2(f"_mm256_unpackhi_epi64({a}, {b})", a, b,
                          lambda x, y: unpack_w(x, y, 1, 64))
            t2 = self.op2(f"_mm256_unpacklo_epi64({c}, {d})", c, d,
                          lambda x, y: unpack_w(x, y, 0, 64))
            t3 = self.op2(f"_mm256_unpackhi_epi64({c}, {d})", c, d,
                          lambda x, y: unpack_w(x, y, 1, 64))
            out = []
            for (x, y, imm) in ((t0, t2, 0x20), (t1, t3, 0x20), (t0, t2, 0x31), (t1, t3, 0x31)):
                out.append(self.op2(f"_mm256_permute2x128_si256({x}, {y}, {imm:#x})", x, y,
                                    lambda p, q, imm=imm: perm2(p, q, imm)))
            return out
        # 32-bit, 8 x 8
        t = []
        for i in range(0, 8, 2):
            x, y = u[i], u[i + 1]
            t.append(self.op2(f"_mm256_unpacklo_epi32({x}, {y})", x, y,
                              lambda p, q: unpack_w(p, q, 0, 32)))
            t.append(self.op2(f"_mm256_unpackhi_epi32({x}, {y})", x, y,
                              lambda p, q: unpack_w(p, q, 1, 32)))
        # t[0], t[1]: rows 0,1 lo/hi; t[2], t[3]: rows 2,3; t[4..7]: rows 4..7
        q = []
        for base in (0, 4):
            for hi in (0, 1):
                x, y = t[base + hi], t[base + 2 + hi]
                q.append(self.op2(f"_mm256_unpacklo_epi64({x}, {y})", x, y,
                                  lambda p, r: unpack_w(p, r, 0, 64)))
                q.append(self.op2(f"_mm256_unpackhi_epi64({x}, {y})", x, y,
                                  lambda p, r: unpack_w(p, r, 1, 64)))
        # q[0..3]: rows 0-3, columns (0|4), (1|5), (2|6), (3|7); q[4..7]: rows 4-7
        out = [None] * 8
        for c in range(4):
            x, y = q[c], q[4 + c]
            out[c] = self.op2(f"_mm256_permute2x128_si256({x}, {y}, 0x20)", x, y,
                              lambda p, r: perm2(p, r, 0x20))
            out[c + 4] = self.op2(f"_mm256_permute2x128_si256({x}, {y}, 0x31)", x, y,
                                  lambda p, r: perm2(p, r, 0x31))
        return out

    def transpose(self, regs):
        """regs: NL names (a group); returns the transposed group"""
        if self.isa == 256:
            return self.transpose256(regs)
        nl, w = self.nl, self.w
        u = list(regs)
        h = nl // 2
        while h >= 1:
            nu = list(u)
            for i in range(nl):
                if i & h:
                    continue
                x, y = u[i], u[i + h]
                lx, ly = self.sim[x], self.sim[y]
                lo_idx = [(nl + p - h) if (p & h) else p for p in range(nl)]
                hi_idx = [(nl + p) if (p & h) else p + h for p in range(nl)]
                both = lx + ly
                llo = [both[q] for q in lo_idx]
                lhi = [both[q] for q in hi_idx]
                if w == 64 and h == 1:
                    nu[i] = self.emit(f"_mm512_unpacklo_epi64({x}, {y})", llo)
                    nu[i + h] = self.emit(f"_mm512_unpackhi_epi64({x}, {y})", lhi)
                else:
                    def setv(idx):
                        return (f"_mm512_set_epi{w}("
                                + ", ".join(str(q) for q in reversed(idx)) + ")")
                    nu[i] = self.emit(f"_mm512_permutex2var_epi{w}({x}, {setv(lo_idx)}, {y})",
                                      llo)
                    nu[i + h] = self.emit(
                        f"_mm512_permutex2var_epi{w}({x}, {setv(hi_idx)}, {y})", lhi)
            u = nu
            h //= 2
        return u


def gen_leaf(w, R, check_rounds=30, isa=512, seed=0, fl="u"):
    nl = isa // w
    kt = f"uint{w}_t"
    mt = "__mmask8" if w == 64 else "__mmask16"
    P = 1
    while P < R:
        P *= 2
    e = Emitter(w, nl, isa, fl)
    S = e.S
    rnd = random.Random(1000 * w + R + 100000 * seed + isa)
    # inputs, simulated with random keys (the last register's top lanes pad)
    v = []
    for i in range(P):
        if i >= R:
            v.append(PAD)
            continue
        lanes = [rnd.randrange(50) for _ in range(nl)]
        if i < R - 1:
            if isa == 512:
                v.append(e.emit(f"_mm512_loadu_si512((const void *)(k + {nl * i}))", lanes))
            else:
                v.append(e.emit(f"_mm256_loadu_si256((const __m256i *)(k + {nl * i}))", lanes))
        else:
            nvalid = rnd.randrange(1, nl + 1)
            lanes = lanes[:nvalid] + [float("inf")] * (nl - nvalid)
            if isa == 512:
                v.append(e.emit(f"_mm512_mask_loadu_epi{w}(pad, m, k + {nl * i})", lanes))
            else:
                v.append(e.emit("_mm256_blendv_epi8(pad, _mm256_maskload_epi32("
                                f"(const int *)(k + {nl * i}), m), m)", lanes))
    inputs = sorted(x for name in v if name is not PAD for x in e.sim[name])
    # 1. every register sorted
    full = (R // nl) * nl
    pairs = oddeven_pairs(nl)
    for g in range(0, full, nl):
        grp = v[g:g + nl]
        for i, j in pairs:
            grp[i], grp[j] = e.minmax(grp[i], grp[j])
        v[g:g + nl] = e.transpose(grp)
    for i in range(full, R):
        v[i] = e.sort1(v[i])
    # 2. merges
    s = 1
    while s < P:
        for b in range(0, P, 2 * s):
            if all(x is PAD for x in v[b + s:b + 2 * s]):
                continue
            nv = list(v)
            for i in range(s):
                x, y = v[b + i], v[b + 2 * s - 1 - i]
                if y is not PAD:
                    y = e.rev(y)
                nv[b + i], nv[b + s + i] = e.minmax(x, y)
            v = nv
            d = s // 2
            while d >= 1:
                for r in range(b, b + 2 * s):
                    if not ((r - b) & d):
                        v[r], v[r + d] = e.minmax(v[r], v[r + d])
                d //= 2
            real = [r for r in range(b, b + 2 * s) if v[r] is not PAD]
            if w == 64 and isa == 512:
                for t in range(0, len(real) - 1, 2):
                    v[real[t]], v[real[t + 1]] = e.clean2(v[real[t]], v[real[t + 1]])
                if len(real) % 2:
                    v[real[-1]] = e.clean1(v[real[-1]])
            else:
                for r in real:
                    v[r] = e.clean1(v[r])
        s *= 2
    # simulate: the concatenation must be the sorted input
    out = []
    for name in v:
        out += e.lanes(name)
    assert out[:len(inputs)] == inputs, (w, R)
    # stores
    body = list(e.lines)
    for i in range(R):
        src = v[i] if v[i] is not PAD else "pad"
        if isa == 512:
            if i < R - 1:
                body.append(f"    _mm512_storeu_si512((void *)(k + {nl * i}), {src});")
            else:
                body.append(f"    _mm512_mask_storeu_epi{w}(k + {nl * i}, m, {src});")
        else:
            if i < R - 1:
                body.append(f"    _mm256_storeu_si256((__m256i *)(k + {nl * i}), {src});")
            else:
                body.append(f"    _mm256_maskstore_epi32((int *)(k + {nl * i}), m, {src});")
    # padding: the largest key (unsigned: all ones; floats: +infinity)
    padval = "-1" if fl == "u" else ("(long long)0x7ff0000000000000ull" if w == 64
                                     else "(int)0x7f800000")
    if isa == 512:
        head = [
            f"static AC_T512 void snet512_{S}_{R}({kt} *k, ac_intp n)",
            "{",
            f"    const __m512i pad = _mm512_set1_epi{w}({padval});",
            f"    const {mt} m = ({mt})((((uint32_t)1) << (n - {nl * (R - 1)})) - 1);",
        ]
    else:
        head = [
            f"static AC_T256 void snet256_u{w}_{R}({kt} *k, ac_intp n)",
            "{",
            "    const __m256i pad = _mm256_set1_epi32(-1);",
            f"    const __m256i m = lanes256(0, (int)(n - {nl * (R - 1)}) * {w // 32});",
        ]
    if R > 1 and check_rounds:
        # the simulation above used one input; check more inputs
        for r in range(check_rounds):
            gen_leaf(w, R, check_rounds=0, isa=isa, seed=r + 1, fl=fl)
    return head + body + ["}", ""]



class PairEmitter(Emitter):
    """64-bit keys carrying a 64-bit index each (the key-index sort of
    argsort): a symbolic register is (key name, index name) or PAD.  A
    compare-exchange moves a pair only when the other key is strictly on its
    side (equal keys never move), so padding (the largest key, index 0) only
    ever moves up and never passes a real key equal to it; the merges
    therefore reverse back (positions kept), there are no transposes, and no
    operation may meet padding below a real register (asserted)."""

    def __init__(self):
        super().__init__(64, 8, 512, "u")

    def emit2(self, kexpr, xexpr, lanes):
        kn, xn = self.fresh(), self.fresh()
        self.lines.append(f"    const __m512i {kn} = {kexpr};")
        self.lines.append(f"    const __m512i {xn} = {xexpr};")
        self.sim[kn] = lanes
        return (kn, xn)

    def lanes(self, x):
        return [(float("inf"), 0)] * self.nl if x is PAD else self.sim[x[0]]

    def minmax(self, a, b):
        if b is PAD:
            return a, PAD
        assert a is not PAD, "padding below a real register"
        (ak, ax), (bk, bx) = a, b
        la, lb = self.sim[ak], self.sim[bk]
        t = self.fresh()
        self.lines.append(f"    const __mmask8 {t} = _mm512_cmplt_epu64_mask({bk}, {ak});")
        llo = [y if y[0] < x[0] else x for x, y in zip(la, lb)]
        lhi = [x if y[0] < x[0] else y for x, y in zip(la, lb)]
        lo = self.emit2(f"_mm512_mask_mov_epi64({ak}, {t}, {bk})",
                        f"_mm512_mask_mov_epi64({ax}, {t}, {bx})", llo)
        hi = self.emit2(f"_mm512_mask_mov_epi64({bk}, {t}, {ak})",
                        f"_mm512_mask_mov_epi64({bx}, {t}, {ax})", lhi)
        return lo, hi

    def rev(self, a):
        k, x = a
        return self.emit2(f"rev_u64({k})", f"rev_u64({x})", self.sim[k][::-1])

    def _inplace(self, fn, a):
        k, x = a
        kn, xn = self.fresh(), self.fresh()
        self.lines.append(f"    __m512i {kn} = {k}, {xn} = {x};")
        self.lines.append(f"    {fn}(&{kn}, &{xn});")
        self.sim[kn] = sorted(self.sim[k])
        return (kn, xn)

    def sort1(self, a):
        return self._inplace("netp_u64", a)

    def clean1(self, a):
        return self._inplace("bitonicp_u64", a)


def gen_pair_leaf(R, check_rounds=30, seed=0):
    """snetp512_u64_<R>(uint64_t *k, int64_t *ix, n): as gen_leaf, for pairs"""
    nl = 8
    P = 1
    while P < R:
        P *= 2
    e = PairEmitter()
    rnd = random.Random(7000 + R + 100000 * seed)
    nvalid = rnd.randrange(1, nl + 1)
    keys = rnd.sample(range(10 ** 6), R * nl)        # distinct: the order is defined
    v = []
    for i in range(P):
        if i >= R:
            v.append(PAD)
            continue
        lanes = [(keys[i * nl + q], i * nl + q) for q in range(nl)]
        if i < R - 1:
            v.append(e.emit2(f"_mm512_loadu_si512((const void *)(k + {nl * i}))",
                             f"_mm512_loadu_si512((const void *)(ix + {nl * i}))", lanes))
        else:
            lanes = lanes[:nvalid] + [(float("inf"), 0)] * (nl - nvalid)
            v.append(e.emit2(f"_mm512_mask_loadu_epi64(pad, m, k + {nl * i})",
                             f"_mm512_maskz_loadu_epi64(m, ix + {nl * i})", lanes))
    inputs = sorted(x for r in v if r is not PAD for x in e.sim[r[0]] if x[0] != float("inf"))
    # 1. every register sorted by the in-register pair network (a transpose
    # would move padding past equal keys; with R <= 8 there is no full group)
    for i in range(R):
        v[i] = e.sort1(v[i])
    # 2. merges, positions kept (reverse back)
    s = 1
    while s < P:
        for b in range(0, P, 2 * s):
            if all(x is PAD for x in v[b + s:b + 2 * s]):
                continue
            nv = list(v)
            for i in range(s):
                x, y = v[b + i], v[b + 2 * s - 1 - i]
                if y is PAD:
                    continue
                lo, hi = e.minmax(x, e.rev(y))
                nv[b + i], nv[b + 2 * s - 1 - i] = lo, e.rev(hi)
            v = nv
            d = s // 2
            while d >= 1:
                for r in range(b, b + 2 * s):
                    if not ((r - b) & d):
                        v[r], v[r + d] = e.minmax(v[r], v[r + d])
                d //= 2
            for r in range(b, b + 2 * s):
                if v[r] is not PAD:
                    v[r] = e.clean1(v[r])
        s *= 2
    out = []
    for r in v:
        out += e.lanes(r)
    assert out[:len(inputs)] == inputs, R
    body = list(e.lines)
    for i in range(R):
        k, x = v[i]
        if i < R - 1:
            body.append(f"    _mm512_storeu_si512((void *)(k + {nl * i}), {k});")
            body.append(f"    _mm512_storeu_si512((void *)(ix + {nl * i}), {x});")
        else:
            body.append(f"    _mm512_mask_storeu_epi64(k + {nl * i}, m, {k});")
            body.append(f"    _mm512_mask_storeu_epi64(ix + {nl * i}, m, {x});")
    head = [
        f"static AC_T512 void snetp512_u64_{R}(uint64_t *k, int64_t *ix, ac_intp n)",
        "{",
        "    const __m512i pad = _mm512_set1_epi64(-1);",
        f"    const __mmask8 m = (__mmask8)((((uint32_t)1) << (n - {nl * (R - 1)})) - 1);",
    ]
    if check_rounds:
        for r in range(check_rounds):
            gen_pair_leaf(R, check_rounds=0, seed=r + 1)
    return head + body + ["}", ""]

def main():
    out = sys.argv[1]
    for n in (8, 16):
        # 0-1 principle for the column networks (2**16 inputs for 16)
        check_network(n, oddeven_pairs(n))
    lines = [
        "/* ac_sortnet.h -- GENERATED by tools/gen_sortnet.py: do not edit.",
        " * In-register sorts of 1 .. 16 registers of keys (AVX-512; 1 .. 8 for AVX2),",
        " * the leaves of src/ac_simdsort.c's quicksort; included there twice, with",
        " * AC_SORTNET_512 after the AVX-512 helpers they call (net_u*, bitonic_u*,",
        " * bitonic2_u64, rev_u*) and with AC_SORTNET_256 after the AVX2 ones. */",
        "",
    ]
    for isa, maxr, fls in ((512, MAXR, "uf"), (256, MAXR256, "u")):
      lines.append(f"#ifdef AC_SORTNET_{isa}")
      for fl, w in [(fl, w) for fl in fls for w in (64, 32)]:
        S = f"{fl}{w}"
        for R in range(1, maxr + 1):
            lines += gen_leaf(w, R, isa=isa, fl=fl)
        nl = isa // w
        lines.append(f"/* sort k[0, n), 1 <= n <= {nl * maxr} */")
        lines.append(f"static AC_T{isa} void snet{isa}_{S}(uint{w}_t *k, ac_intp n)")
        lines.append("{")
        lines.append(f"    switch ((n + {nl - 1}) / {nl}) {{")
        for R in range(1, maxr + 1):
            lines.append(f"    case {R}: snet{isa}_{S}_{R}(k, n); break;")
        lines.append("    default: break;")
        lines.append("    }")
        lines.append("}")
        lines.append("")
      lines.append(f"#endif  /* AC_SORTNET_{isa} */")
      lines.append("")
    lines.append("#ifdef AC_SORTNET_PAIR")
    for R in range(1, MAXRPAIR + 1):
        lines += gen_pair_leaf(R)
    lines.append(f"/* sort the pairs (k, ix)[0, n) by key, 1 <= n <= {8 * MAXRPAIR} */")
    lines.append("static AC_T512 void snetp512_u64(uint64_t *k, int64_t *ix, ac_intp n)")
    lines.append("{")
    lines.append("    switch ((n + 7) / 8) {")
    for R in range(1, MAXRPAIR + 1):
        lines.append(f"    case {R}: snetp512_u64_{R}(k, ix, n); break;")
    lines += ["    default: break;", "    }", "}", "#endif  /* AC_SORTNET_PAIR */", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
