#!/usr/bin/env python
"""Generate arraycore/src/ac_vpow_tables.h, the tables of the pow kernels
(arraycore/src/ac_vpow.c).

    python tools/gen_vpow_tables.py arraycore/src/ac_vpow_tables.h

log part: a positive normal x is written 2**e * z with z in [z0, 2*z0),
z0 ~ sqrt(1/2), and the interval cut into 128 pieces by the top 7 bits of
(bits(x) + ONE_BITS - LOG_OFF)'s mantissa (equal pieces of the bit pattern).
For piece i the kernel multiplies z by invc[i] ~ 1/center (r = z*invc - 1,
|r| < 2**-8) and adds -log(invc[i]), tabulated as logc_hi[i] (a multiple of
2**-43, so that e*LN2_HI + logc_hi is exact) plus logc_lo[i] (the rest,
rounded to double) and, for float32, logc[i] (the value rounded once).  The
piece holding 1.0 has 1.0 at its middle (in bits) and invc = 1, log c = 0, so
that x near 1 is reduced exactly.
exp part: 2**(j/128), j = 0..127, as one 64-bit word each: the mantissa
bits of its double rounding (the kernel adds the exponent) and, in the 12 bits
above, the relative rounding error (2**(j/128) - hi) / hi in units of 2**-63
(one gather per lookup instead of two).
AVX-512 float64 kernel: a 32-piece log table (invc searched so that
-log(invc) needs no low part) and 2**(j/16) with its relative error as two
16-entry tables, small enough for registers, and its near-minimax series
(Chebyshev interpolation); the search uses NumPy's long double as a filter.
All values come from 50-digit decimal arithmetic, rounded to double once.
Not run by the build: the header is checked in; rerun to verify it.
"""
import struct
import sys
from decimal import Decimal as D, getcontext
from fractions import Fraction as Fr

getcontext().prec = 50
N_LOG = 128
N_EXP = 128
ONE_BITS = 0x3FF0000000000000
SQRT1_2_BITS = 0x3FE6A09E667F3BCD
STEP = 1 << 45                 # one piece of the log table, in bits


def u2d(u):
    return struct.unpack("<d", struct.pack("<Q", u))[0]


def d2u(d):
    return struct.unpack("<Q", struct.pack("<d", d))[0]


def to_double(x):
    """Round a Decimal or Fraction to the nearest double (ties to even)."""
    return float(Fr(x))


def ln(x):
    return D(x).ln()


def log_offset(step=STEP):
    """LOG_OFF ~ bits(sqrt(1/2)) such that ONE_BITS - LOG_OFF = k*STEP + STEP/2:
    1.0 lies in the middle of piece k."""
    k = (ONE_BITS - SQRT1_2_BITS) // step
    return ONE_BITS - (k * step + step // 2), k


def log_tables(n=N_LOG):
    step = 1 << (52 - n.bit_length() + 1)
    off, kone = log_offset(step)
    invc, hi, lo, full = [], [], [], []
    for i in range(n):
        a = Fr(u2d(off + i * step))
        b = Fr(u2d(off + (i + 1) * step))
        if i == kone:
            ic = 1.0
        else:
            ic = to_double(2 / (a + b))
        lc = -ln(D(ic))                          # exact log of the rounded invc
        h = to_double(Fr(round(lc * 2 ** 43)) / 2 ** 43)
        invc.append(ic)
        hi.append(h)
        lo.append(to_double(lc - D(h)))
        full.append(to_double(lc))
        # |r| bound of the piece
        rmax = max(abs(a * Fr(ic) - 1), abs(b * Fr(ic) - 1))
        assert rmax < Fr(1, n * 2) * Fr(1001, 1000), (i, float(rmax))
    return off, kone, invc, hi, lo, full


def exp_tables():
    """One 64-bit word per j: the 52 mantissa bits of 2**(j/128) rounded to
    double, and above them (where the exponent would be) the rounding's
    relative error in units of 2**-63 plus 2048 (|error| <= 2**-53: 12 bits;
    quantized to 2**-64, far below what matters)."""
    words = []
    for j in range(N_EXP):
        v = (D(2).ln() * j / N_EXP).exp()
        h = to_double(v)
        c = round((v - D(h)) / D(h) * 2 ** 63)
        assert -2048 <= c < 2048
        words.append(((c + 2048) << 52) | (d2u(h) & ((1 << 52) - 1)))
    return words


def exp_tables_split(n):
    """2**(j/n) rounded to double, and its relative rounding error (exact
    value - rounded) / rounded rounded to double, as two tables."""
    hi, corr = [], []
    for j in range(n):
        v = (D(2).ln() * j / n).exp()
        h = to_double(v)
        hi.append(h)
        corr.append(to_double((v - D(h)) / D(h)))
    return hi, corr


def exp_constants(n=N_EXP):
    """N/ln2, and ln2/N as a multiple of 2**-40 (at most 36 bits: k*hi is
    exact for |k| < 2**17) plus the rest."""
    l = D(2).ln() / n
    h = to_double(Fr(round(l * 2 ** 40)) / 2 ** 40)
    return to_double(n / D(2).ln()), h, to_double(l - D(h))


def log32_tables():
    """The AVX-512 kernel's 32-piece log table without a low part: for each
    piece an invc near 1/center such that -log(invc) is within 2**-68.5 times
    min(|log z|, 0.34) over the piece (~2**-77 next to 1.0; 0.34 bounds |log
    x| when e != 0) of a multiple of 2**-43: invc = exp(-m 2**-43) rounded,
    for m near -log(1/center) 2**43, the first m that qualifies (a long double
    filter, then 50-digit decimal arithmetic).  Returns off, kone, invc,
    logc."""
    import numpy as np
    n = 32
    step = 1 << 47
    off, kone = log_offset(step)
    invc, logc = [], []
    for i in range(n):
        a = Fr(u2d(off + i * step))
        b = Fr(u2d(off + (i + 1) * step))
        if i == kone:
            invc.append(1.0)
            logc.append(0.0)
            continue
        mlog = min(abs(ln(to_double(a))), abs(ln(to_double(b))), D("0.34"))
        bound = mlog * D(2) ** D("-68.5")
        k0 = int(round(ln(D(to_double(2 / (a + b)))) * 2 ** 43))   # -log(invc) 2**43 ~ -k0
        found = None
        for blk in range(4096):
            sgn = 1 if blk % 2 == 0 else -1
            ks = -k0 + sgn * np.arange((blk // 2) * 65536, (blk // 2 + 1) * 65536, dtype=np.int64)
            lk = ks.astype(np.longdouble) * np.longdouble(2.0) ** -43
            inv = np.exp(-lk).astype(np.float64)
            eps = -np.log(inv.astype(np.longdouble)) - lk
            for j in np.nonzero(np.abs(eps) < np.longdouble(2.0) ** -61)[0]:
                e = -ln(D(float(inv[j]))) - D(int(ks[j])) / D(2 ** 43)
                if abs(e) < bound:
                    found = (float(inv[j]), int(ks[j]))
                    break
            if found:
                break
        assert found, i
        ic, k = found
        rmax = max(abs(a * Fr(ic) - 1), abs(b * Fr(ic) - 1))
        assert rmax < Fr(1, 64), (i, float(rmax))
        invc.append(ic)
        logc.append(to_double(Fr(k, 2 ** 43)))
    return off, kone, invc, logc


def cheb_fit(f, a, b, deg):
    """Interpolation of f at the deg+1 Chebyshev nodes of [a, b] (near
    minimax), solved in exact rational arithmetic."""
    import math
    n = deg + 1
    xs = [(a + b) / 2 + (b - a) / 2 * Fr(math.cos(math.pi * (2 * i + 1) / (2 * n)))
          for i in range(n)]
    A = [[x ** j for j in range(n)] + [f(x)] for x in xs]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(A[r][c]))
        A[c], A[p] = A[p], A[c]
        for r in range(n):
            if r != c and A[r][c] != 0:
                m = A[r][c] / A[c][c]
                A[r] = [u - m * v for u, v in zip(A[r], A[c])]
    return [to_double(A[i][n] / A[i][i]) for i in range(n)]


def dec(x):
    return D(x.numerator) / D(x.denominator)


def kernel_polys():
    """log: (log1p(r) - r + r**2/2) / r**3 ~ Q(r), degree 7, |r| < 2**-6
    (error relative to log1p(r) 2**-67.6); exp: (exp(r) - 1 - r) / r**2 ~
    P(r), degree 5, |r| < ln2/32 (error 2**-64.4 relative)."""
    getcontext().prec = 80
    fq = lambda x: Fr((((1 + dec(x)).ln() - dec(x) + dec(x) ** 2 / 2)) / dec(x) ** 3)
    fe = lambda x: Fr((dec(x).exp() - 1 - dec(x)) / dec(x) ** 2)
    r = Fr(1, 64) * Fr(1001, 1000)
    q = cheb_fit(fq, -r, r, 7)
    re = Fr(D(2).ln() / 32) * Fr(10001, 10000)
    p = cheb_fit(fe, -re, re, 5)
    getcontext().prec = 50
    return q, p


def log16_f32_tables():
    """The AVX-512 float32 kernel's log2 table: x = 2**e * z with z in [1, 2)
    (vgetmantpd, vgetexppd), piece n = round(15 z) = 15..30 held at n & 15:
    invc ~ 1/center of the piece's part of [1, 2), and log2(1/invc) rounded
    once; the pieces next to 1.0 and 2.0 have invc = 1 and 1/2 exactly (log2
    c = 0 and 1: e + log2 c exact, x near 1 keeps its relative accuracy).
    Returns invc, log2c, rmax (|r| <= 1/30 + tiny)."""
    invc, log2c, rmax = [None] * 16, [None] * 16, Fr(0)
    for n in range(15, 31):
        a = max(Fr(2 * n - 1, 30), Fr(1))
        b = min(Fr(2 * n + 1, 30), Fr(2))
        if n in (15, 30):
            ic, lc = (1.0, 0.0) if n == 15 else (0.5, 1.0)
        else:
            ic = to_double(2 / (a + b))
            lc = to_double(-ln(D(ic)) / D(2).ln())
        invc[n & 15], log2c[n & 15] = ic, lc
        rmax = max(rmax, abs(a * Fr(ic) - 1), abs(b * Fr(ic) - 1))
    assert rmax < Fr(1, 30) * Fr(1001, 1000)
    return invc, log2c, rmax


def f32_polys(rmax):
    """float32 AVX-512: log2(1 + r) = r L(r), L of degree 5 for |r| <= rmax
    (2**-37.9 relative); 2**s = 1 + s E(s), E of degree 3 for s in [0, 1/16)
    (2**-37 relative to 2**s)."""
    getcontext().prec = 80
    ln2 = D(2).ln()
    fl = lambda x: Fr((1 + dec(x)).ln() / ln2 / dec(x))
    fe = lambda x: Fr(((dec(x) * ln2).exp() - 1) / dec(x))
    a = rmax * Fr(1001, 1000)
    L = cheb_fit(fl, -a, a, 5)
    E = cheb_fit(fe, Fr(0), Fr(1, 16) * Fr(1001, 1000), 3)
    getcontext().prec = 50
    return L, E


def fmt(vals):
    out = []
    for k in range(0, len(vals), 4):
        out.append("    " + ", ".join(x.hex() if isinstance(x, float) else "0x%016xULL" % x
                                       for x in vals[k:k + 4]) + ",")
    return "\n".join(out)


def main(path):
    off, kone, invc, hi, lo, full = log_tables()
    words = exp_tables()
    inv, l2h, l2l = exp_constants()
    off32, kone32, invc32, logc32 = log32_tables()
    polq, polp = kernel_polys()
    ehi16, ecorr16 = exp_tables_split(16)
    inv16, l2h16, l2l16 = exp_constants(16)
    invc16, log2c16, rmax16 = log16_f32_tables()
    poll, pole = f32_polys(rmax16)
    text = f"""/* Generated by tools/gen_vpow_tables.py -- do not edit. */
#ifndef ARRAYCORE_AC_VPOW_TABLES_H
#define ARRAYCORE_AC_VPOW_TABLES_H

#define VPOW_LOG_OFF 0x{off:016x}ULL   /* 1.0 in the middle of piece {kone} */
#define VPOW_LOG_N {N_LOG}
#define VPOW_EXP_N {N_EXP}
#define VPOW_INVLN2N {inv.hex()}    /* N/ln2 */
#define VPOW_LN2N_HI {l2h.hex()}    /* ln2/N, 29 bits */
#define VPOW_LN2N_LO {l2l.hex()}    /* ln2/N - VPOW_LN2N_HI */

/* ~1/c of each log piece (1.0 for the piece holding 1.0) */
static const double vpow_invc[{N_LOG}] = {{
{fmt(invc)}
}};
/* -log(invc): a multiple of 2**-43 ... */
static const double vpow_logc_hi[{N_LOG}] = {{
{fmt(hi)}
}};
/* ... plus the rest */
static const double vpow_logc_lo[{N_LOG}] = {{
{fmt(lo)}
}};
/* -log(invc) rounded once (float32) */
static const double vpow_logc[{N_LOG}] = {{
{fmt(full)}
}};
/* 2**(j/128): mantissa bits of the double, and in the top 12 bits
   (2**(j/128) - rounded) / rounded * 2**63 + 2048 */
static const unsigned long long vpow_exp_tab[{N_EXP}] = {{
{fmt(words)}
}};

/* The AVX-512 float64 kernel's tables, small enough to be held in zmm
   registers and looked up with permutes (see ac_vpow.c): log with 32 pieces
   (|r| < 2**-6), invc chosen so that -log(invc) is a multiple of 2**-43 to
   within 2**-70 (2**-77 next to 1.0) of log z: no low part ... */
#define VPOW_LOG32_OFF 0x{off32:016x}ULL   /* 1.0 in the middle of piece {kone32} */
static const double vpow_invc32[32] __attribute__((aligned(64))) = {{
{fmt(invc32)}
}};
static const double vpow_logc32[32] __attribute__((aligned(64))) = {{
{fmt(logc32)}
}};
/* log1p(r) = r - r**2/2 + r**3 Q(r), exp(r) = 1 + r + r**2 P(r) */
{chr(10).join("#define VPOW_Q%d %s" % (j, c.hex()) for j, c in enumerate(polq))}
{chr(10).join("#define VPOW_P%d %s" % (j, c.hex()) for j, c in enumerate(polp))}
/* ... and 2**(j/16) as a double and its relative rounding error */
#define VPOW_INVLN2N16 {inv16.hex()}    /* 16/ln2 */
#define VPOW_LN2N16_HI {l2h16.hex()}    /* ln2/16, 36 bits */
#define VPOW_LN2N16_LO {l2l16.hex()}    /* ln2/16 - VPOW_LN2N16_HI */
static const double vpow_exp16[16] __attribute__((aligned(64))) = {{
{fmt(ehi16)}
}};
static const double vpow_exp16_corr[16] __attribute__((aligned(64))) = {{
{fmt(ecorr16)}
}};

/* The AVX-512 float32 kernel (in double, log2 and exp2): log2 with 16
   pieces, n = round(15 z) for z in [1, 2) at n & 15 (|r| <= 1/30 + tiny),
   ~1/c and log2(c) rounded once (1 and 0, 1/2 and 1 next to 1.0 and 2.0);
   2**(j/16) from vpow_exp16; log2(1 + r) = r L(r), 2**s = 1 + s E(s) for
   s in [0, 1/16) */
static const double vpowf_invc16[16] __attribute__((aligned(64))) = {{
{fmt(invc16)}
}};
static const double vpowf_log2c16[16] __attribute__((aligned(64))) = {{
{fmt(log2c16)}
}};
{chr(10).join("#define VPOWF_L%d %s" % (j, c.hex()) for j, c in enumerate(poll))}
{chr(10).join("#define VPOWF_E%d %s" % (j, c.hex()) for j, c in enumerate(pole))}

#endif
"""
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "arraycore/src/ac_vpow_tables.h")
