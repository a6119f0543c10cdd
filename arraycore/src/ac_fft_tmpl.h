/*
 * ac_fft_tmpl.h -- the FFT kernels of src/ac_fft.c, written once and included
 * twice: with R = double, FN(x) = x##_d and with R = float, FN(x) = x##_f, so
 * single precision is computed in single precision.
 *
 * Complex plans: n = p1 * p2 * ... * pm; each stage is a Stockham autosort
 * pass (decimation in frequency, out of place, no bit reversal): with l1 the
 * product of the radices already done and ido = n / (l1 * p),
 *     ch[i + ido*(k + l1*q)] = w_L^(i*q) * sum_j cc[i + ido*(j + p*k)] w_p^(j*q)
 * for k < l1, i < ido, q < p, L = p*ido, w_L = exp(sign * 2 pi i / L).  Radix 2
 * and 4 are written out; odd radices use the symmetric pairing
 * (t_j +- t_{p-j}), specialised for 3, 5, 7 by constant propagation.
 * Lengths whose large prime factors would make those passes slow use
 * Bluestein's chirp-z algorithm on a smooth length m >= 2n - 1.
 * Every twiddle comes from ac_fft_root (exact octant reduction of k/n, long
 * double sin/cos), never from repeated multiplication.
 */

typedef struct { R r, i; } FN(cpx);

/* a*b + c: fused (one rounding) in the AVX2 instances, whose FMA the
 * across-the-batch kernels (ac_fft_vec.h) use in the same places, so a lane
 * gives the same bits alone and in a batch; two roundings elsewhere (the
 * baseline instances; the long double one, which only builds plan tables) */
static inline R FN(fma)(R a, R b, R c)
{
#ifdef AC_FFT_VEC
    if (sizeof(R) == sizeof(double))
        return (R)__builtin_fma((double)a, (double)b, (double)c);
    return (R)__builtin_fmaf((float)a, (float)b, (float)c);
#else
    return a * b + c;
#endif
}

typedef struct FN(cplan_s) {
    ac_intp n;
    int nfct;
    ac_intp fct[64];
    FN(cpx) *tw[2][64];        /* per stage, [forward, backward]: (p-1)*ido twiddles */
    R *rc[64], *rs[64];        /* odd radices: cos, sin(2 pi m / p), m < p; then
                                * (rs[s] + p) the low parts sin - (R)sin, then
                                * (rs[s] + 2p) cos - (R)cos */
    int xodd;                  /* odd radices >= 11 with the exact roots (passodd) */
    /* Bluestein */
    ac_intp m;                 /* 0: no Bluestein */
    struct FN(cplan_s) *sub;   /* plan of length m */
    FN(cpx) *chirp;            /* exp(-i pi k^2 / n), k < n */
    FN(cpx) *bk;               /* FFT_m of the conjugate chirp, / m */
    void *mem;                 /* one allocation for the tables above */
} FN(cplan);

/* scratch (complex elements) that cplan_exec needs besides the data */
static ac_intp FN(cplan_work)(const FN(cplan) *p)
{
    return p->m ? 2 * p->m : p->n;
}

/* ------------------------------------------------------------------------ */
/* passes                                                                    */
/* ------------------------------------------------------------------------ */

/* The twiddles e^{i pi/4 (2j+1)} = (+-c, +-c), c = sqrt(1/2) rounded: c alone
 * is 0.44 ulp high (6.8e-17 relative), so every product by one is scaled up
 * by that much, the same way each time: a systematic error, not a random
 * one (a quarter of the outputs of the radix-4 pass with ido = 4 get it; the real transforms
 * of 256 through the half length measured a +0.22 ulp scale error, 1.002x
 * NumPy's error).  Those products take the exact twiddle, w + wl (wl the
 * rounding error of c, with w's signs), its low part folded into the
 * product's first rounding: the same roundings as the plain product.
 * AC_FFT_Q8/Q8L: c and its rounding error in R. */
#define AC_FFT_Q8 ((R)0.7071067811865475244008443621048490393L)
#define AC_FFT_Q8L ((R)(0.7071067811865475244008443621048490393L - (long double)AC_FFT_Q8))

/* the indices i < ido at which a radix-f (2 or 4) pass has such twiddles,
 * ascending: w_L^(i q) (L = f ido) at an odd multiple of pi/4 */
static inline int FN(q8_points)(int f, ac_intp ido, ac_intp *sp)
{
    int c = 0;
    if (f == 2) {              /* 4 i / ido odd */
        if (ido % 4 == 0) { sp[c++] = ido / 4; sp[c++] = 3 * ido / 4; }
        return c;
    }
    /* 2 i q / ido odd: q = 1: ido/2; q = 2: ido/4, 3ido/4; q = 3: ido/6, ido/2, 5ido/6 */
    if (ido % 6 == 0) sp[c++] = ido / 6;
    if (ido % 4 == 0) sp[c++] = ido / 4;
    if (ido % 2 == 0) sp[c++] = ido / 2;
    if (ido % 4 == 0) sp[c++] = 3 * ido / 4;
    if (ido % 6 == 0) sp[c++] = 5 * ido / 6;
    return c;
}

/* (ur + i ui) w: the plain product (each part one product rounded, fused
 * with the other), or, w an odd multiple of pi/4, with the exact twiddle */
static inline __attribute__((always_inline)) FN(cpx) FN(cmul_q8)(R ur, R ui, FN(cpx) w)
{
    /* branch-free: the low parts are 0 for other twiddles, which then give
     * the plain product's bits (fma(-ui, wi, -0) rounds -ui wi once) */
    const R c = AC_FFT_Q8, l = AC_FFT_Q8L;
    const int q8 = (w.r == c || w.r == -c) && (w.i == c || w.i == -c);
    const R wrl = q8 ? (w.r > 0 ? l : -l) : 0, wil = q8 ? (w.i > 0 ? l : -l) : 0;
    FN(cpx) o;
    o.r = FN(fma)(ur, w.r, FN(fma)(-ui, w.i, FN(fma)(ur, wrl, -(ui * wil))));
    o.i = FN(fma)(ur, w.i, FN(fma)(ui, w.r, FN(fma)(ur, wil, ui * wrl)));
    return o;
}

static void FN(pass2)(ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc,
                      FN(cpx) *restrict ch, const FN(cpx) *restrict tw, int x)
{
    ac_intp sp[6];
    const int nsp = x ? FN(q8_points)(2, ido, sp) : 0;
    for (ac_intp k = 0; k < l1; k++) {
        const FN(cpx) *c0 = cc + ido * (2 * k), *c1 = c0 + ido;
        FN(cpx) *h0 = ch + ido * k, *h1 = ch + ido * (k + l1);
        h0[0].r = c0[0].r + c1[0].r; h0[0].i = c0[0].i + c1[0].i;
        h1[0].r = c0[0].r - c1[0].r; h1[0].i = c0[0].i - c1[0].i;
        ac_intp i = 1;
        for (int e = 0; ; e++) {
            /* plain twiddles up to the next pi/4 one */
            const ac_intp end = e < nsp ? sp[e] : ido;
            for (; i < end; i++) {
                R ar = c0[i].r, ai = c0[i].i, br = c1[i].r, bi = c1[i].i;
                h0[i].r = ar + br; h0[i].i = ai + bi;
                R dr = ar - br, di = ai - bi, wr = tw[i].r, wi = tw[i].i;
                h1[i].r = FN(fma)(dr, wr, -(di * wi));
                h1[i].i = FN(fma)(dr, wi, di * wr);
            }
            if (e == nsp) break;
            R ar = c0[i].r, ai = c0[i].i, br = c1[i].r, bi = c1[i].i;
            h0[i].r = ar + br; h0[i].i = ai + bi;
            h1[i] = FN(cmul_q8)(ar - br, ai - bi, tw[i]);
            i++;
        }
    }
}

/* pass4's outputs at the indices with a pi/4 twiddle again, those products
 * exact: the plain loop is left whole (split around these indices, or with
 * this loop inlined after it, the pass measured up to 1.6x slower) */
static __attribute__((noinline)) void
FN(pass4_q8)(ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc, FN(cpx) *restrict ch,
             const FN(cpx) *restrict tw, const R sgn, const ac_intp *sp, int nsp)
{
    const FN(cpx) *w1 = tw, *w2 = tw + ido, *w3 = tw + 2 * ido;
    for (ac_intp k = 0; k < l1; k++) {
        const FN(cpx) *c0 = cc + ido * (4 * k), *c1 = c0 + ido, *c2 = c1 + ido, *c3 = c2 + ido;
        FN(cpx) *h1 = ch + ido * (k + l1), *h2 = ch + ido * (k + 2 * l1), *h3 = ch + ido * (k + 3 * l1);
        for (int e = 0; e < nsp; e++) {
            const ac_intp i = sp[e];
            R d02r = c0[i].r - c2[i].r, d02i = c0[i].i - c2[i].i;
            R s02r = c0[i].r + c2[i].r, s02i = c0[i].i + c2[i].i;
            R s13r = c1[i].r + c3[i].r, s13i = c1[i].i + c3[i].i;
            R e13r = -sgn * (c1[i].i - c3[i].i), e13i = sgn * (c1[i].r - c3[i].r);
            h1[i] = FN(cmul_q8)(d02r + e13r, d02i + e13i, w1[i]);
            h2[i] = FN(cmul_q8)(s02r - s13r, s02i - s13i, w2[i]);
            h3[i] = FN(cmul_q8)(d02r - e13r, d02i - e13i, w3[i]);
        }
    }
}

static inline __attribute__((always_inline)) void
FN(pass4_body)(ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc,
               FN(cpx) *restrict ch, const FN(cpx) *restrict tw, const R sgn, int x)
{
    const FN(cpx) *w1 = tw, *w2 = tw + ido, *w3 = tw + 2 * ido;
    if (ido == 1) {
        /* the last pass: no twiddles (they are 1), one butterfly per k */
        for (ac_intp k = 0; k < l1; k++) {
            const FN(cpx) *c = cc + 4 * k;
            R s02r = c[0].r + c[2].r, s02i = c[0].i + c[2].i;
            R d02r = c[0].r - c[2].r, d02i = c[0].i - c[2].i;
            R s13r = c[1].r + c[3].r, s13i = c[1].i + c[3].i;
            R e13r = -sgn * (c[1].i - c[3].i), e13i = sgn * (c[1].r - c[3].r);
            ch[k].r = s02r + s13r; ch[k].i = s02i + s13i;
            ch[k + 2 * l1].r = s02r - s13r; ch[k + 2 * l1].i = s02i - s13i;
            ch[k + l1].r = d02r + e13r; ch[k + l1].i = d02i + e13i;
            ch[k + 3 * l1].r = d02r - e13r; ch[k + 3 * l1].i = d02i - e13i;
        }
        return;
    }
    ac_intp sp[6];
    const int nsp = x ? FN(q8_points)(4, ido, sp) : 0;
    for (ac_intp k = 0; k < l1; k++) {
        const FN(cpx) *c0 = cc + ido * (4 * k), *c1 = c0 + ido, *c2 = c1 + ido, *c3 = c2 + ido;
        FN(cpx) *h0 = ch + ido * k, *h1 = ch + ido * (k + l1), *h2 = ch + ido * (k + 2 * l1),
                *h3 = ch + ido * (k + 3 * l1);
#define AC_FFT_P4BF                                                                 \
            R s02r = c0[i].r + c2[i].r, s02i = c0[i].i + c2[i].i;                   \
            R d02r = c0[i].r - c2[i].r, d02i = c0[i].i - c2[i].i;                   \
            R s13r = c1[i].r + c3[i].r, s13i = c1[i].i + c3[i].i;                   \
            /* w (t1 - t3) with w = sgn * i */                                      \
            R e13r = -sgn * (c1[i].i - c3[i].i), e13i = sgn * (c1[i].r - c3[i].r);  \
            R u0r = s02r + s13r, u0i = s02i + s13i;                                 \
            R u2r = s02r - s13r, u2i = s02i - s13i;                                 \
            R u1r = d02r + e13r, u1i = d02i + e13i;                                 \
            R u3r = d02r - e13r, u3i = d02i - e13i;                                 \
            h0[i].r = u0r; h0[i].i = u0i;
        for (ac_intp i = 0; i < ido; i++) {
            AC_FFT_P4BF
            /* (the twiddles of i = 0 are exactly 1) */
            h1[i].r = FN(fma)(u1r, w1[i].r, -(u1i * w1[i].i)); h1[i].i = FN(fma)(u1r, w1[i].i, u1i * w1[i].r);
            h2[i].r = FN(fma)(u2r, w2[i].r, -(u2i * w2[i].i)); h2[i].i = FN(fma)(u2r, w2[i].i, u2i * w2[i].r);
            h3[i].r = FN(fma)(u3r, w3[i].r, -(u3i * w3[i].i)); h3[i].i = FN(fma)(u3r, w3[i].i, u3i * w3[i].r);
        }
#undef AC_FFT_P4BF
    }
    if (nsp) FN(pass4_q8)(ido, l1, cc, ch, tw, sgn, sp, nsp);
}

static void FN(pass4)(ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc,
                      FN(cpx) *restrict ch, const FN(cpx) *restrict tw, R sgn, int x)
{
    if (sgn < 0) FN(pass4_body)(ido, l1, cc, ch, tw, (R)-1, x);
    else FN(pass4_body)(ido, l1, cc, ch, tw, (R)1, x);
}

/* odd radix p (inlined with a constant p for 3, 5, 7): cs/sn[m] = cos/sin(2 pi m/p) */
static inline __attribute__((always_inline)) void
FN(passodd)(const int p, ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc,
            FN(cpx) *restrict ch, const FN(cpx) *restrict tw, R sgn,
            const R *cs, const R *sn, const int X)
{
    const int h = (p - 1) / 2;     /* <= 254: the planner keeps odd radices <= 509 */
    FN(cpx) s[255], d[255];
    for (ac_intp k = 0; k < l1; k++) {
        const FN(cpx) *c = cc + ido * (p * k);
        for (ac_intp i = 0; i < ido; i++) {
            R t0r = c[i].r, t0i = c[i].i;
            R ar0 = t0r, ai0 = t0i;
            for (int j = 1; j <= h; j++) {
                const FN(cpx) *a = c + ido * j + i, *b = c + ido * (p - j) + i;
                s[j].r = a->r + b->r; s[j].i = a->i + b->i;
                d[j].r = a->r - b->r; d[j].i = a->i - b->i;
                ar0 += s[j].r; ai0 += s[j].i;
            }
            ch[ido * k + i].r = ar0; ch[ido * k + i].i = ai0;
            for (int q = 1; q <= h; q++) {
                /* p >= 11: four partial sums (terms j = 1, 2, 3, 4 mod 4)
                 * added at the end: each running sum takes a quarter of the
                 * roundings at a lower magnitude (for large p this is what
                 * keeps the direct sum as accurate as NumPy's) */
                R Ar_, Ai_, Br_, Bi_;
                int m = 0, j = 1;
                if (h < 4) {               /* radix 7: one running sum */
                    Ar_ = t0r; Ai_ = t0i; Br_ = 0; Bi_ = 0;
                    for (; j <= h; j++) {
                        m += q; if (m >= p) m -= p;
                        Ar_ = FN(fma)(s[j].r, cs[m], Ar_); Ai_ = FN(fma)(s[j].i, cs[m], Ai_);
                        Br_ = FN(fma)(d[j].r, sn[m], Br_); Bi_ = FN(fma)(d[j].i, sn[m], Bi_);
                    }
                } else {
                    R a0r, a0i, a1r, a1i, a2r, a2i, a3r, a3i;
                    R b0r, b0i, b1r, b1i, b2r, b2i, b3r, b3i;
                    /* X (the plan's xodd): the exact roots, cos + its
                     * rounding error (sn + 2p), sin + its (sn + p): the low
                     * parts' sums first, folded into each sum's first
                     * product (no extra rounding at the sums' magnitude) */
                    R lar = 0, lai = 0, lbr = 0, lbi = 0;
                    if (X) {
                        const R *sl = sn + p, *cl = sn + 2 * p;
                        int mm = 0;
                        for (int jj = 1; jj <= h; jj++) {
                            mm += q; if (mm >= p) mm -= p;
                            lar = FN(fma)(s[jj].r, cl[mm], lar); lai = FN(fma)(s[jj].i, cl[mm], lai);
                            lbr = FN(fma)(d[jj].r, sl[mm], lbr); lbi = FN(fma)(d[jj].i, sl[mm], lbi);
                        }
                    }
#define AC_FFT_TERM0(U)                                                             \
                    m += q; if (m >= p) m -= p;                                     \
                    a##U##r = s[j].r * cs[m]; a##U##i = s[j].i * cs[m];             \
                    b##U##r = d[j].r * sn[m]; b##U##i = d[j].i * sn[m]; j++;
#define AC_FFT_TERM(U)                                                              \
                    m += q; if (m >= p) m -= p;                                     \
                    a##U##r = FN(fma)(s[j].r, cs[m], a##U##r);                      \
                    a##U##i = FN(fma)(s[j].i, cs[m], a##U##i);                      \
                    b##U##r = FN(fma)(d[j].r, sn[m], b##U##r);                      \
                    b##U##i = FN(fma)(d[j].i, sn[m], b##U##i); j++;
                    m += q; if (m >= p) m -= p;
                    a0r = FN(fma)(s[j].r, cs[m], lar); a0i = FN(fma)(s[j].i, cs[m], lai);
                    b0r = FN(fma)(d[j].r, sn[m], lbr); b0i = FN(fma)(d[j].i, sn[m], lbi); j++;
                    AC_FFT_TERM0(1) AC_FFT_TERM0(2) AC_FFT_TERM0(3)
                    for (; j + 3 <= h; ) {
                        AC_FFT_TERM(0) AC_FFT_TERM(1) AC_FFT_TERM(2) AC_FFT_TERM(3)
                    }
                    if (j <= h) { AC_FFT_TERM(0) }
                    if (j <= h) { AC_FFT_TERM(1) }
                    if (j <= h) { AC_FFT_TERM(2) }
#undef AC_FFT_TERM0
#undef AC_FFT_TERM
                    Ar_ = t0r + ((a0r + a2r) + (a1r + a3r));
                    Ai_ = t0i + ((a0i + a2i) + (a1i + a3i));
                    Br_ = (b0r + b2r) + (b1r + b3r);
                    Bi_ = (b0i + b2i) + (b1i + b3i);
                }
                /* u_q = A + i sgn B, u_{p-q} = A - i sgn B */
                R uqr = Ar_ - sgn * Bi_, uqi = Ai_ + sgn * Br_;
                R upr = Ar_ + sgn * Bi_, upi = Ai_ - sgn * Br_;
                FN(cpx) *hq = ch + ido * (k + l1 * q) + i, *hp = ch + ido * (k + l1 * (p - q)) + i;
                if (ido == 1) {            /* the last pass: twiddles are 1 */
                    hq->r = uqr; hq->i = uqi; hp->r = upr; hp->i = upi;
                    continue;
                }
                /* (the twiddles of i = 0 are exactly 1) */
                const FN(cpx) *wq = tw + (q - 1) * ido + i, *wp = tw + (p - q - 1) * ido + i;
                hq->r = FN(fma)(uqr, wq->r, -(uqi * wq->i)); hq->i = FN(fma)(uqr, wq->i, uqi * wq->r);
                hp->r = FN(fma)(upr, wp->r, -(upi * wp->i)); hp->i = FN(fma)(upr, wp->i, upi * wp->r);
            }
        }
    }
}

/* radix 3 and 5 written out (constants from the plan's exact tables) */
#define AC_FFT_PUT(q, vr, vi)                                                    \
    do { FN(cpx) *o_ = ch + ido * (k + l1 * (q)) + i;                            \
         if (TW) { const FN(cpx) *w_ = tw + ((q) - 1) * ido + i;                 \
                   R r_ = (vr), i_ = (vi);                                       \
                   o_->r = FN(fma)(r_, w_->r, -(i_ * w_->i));                    \
                   o_->i = FN(fma)(r_, w_->i, i_ * w_->r); }                     \
         else { o_->r = (vr); o_->i = (vi); } } while (0)

static inline __attribute__((always_inline)) void
FN(pass3_body)(const int TW, ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc,
               FN(cpx) *restrict ch, const FN(cpx) *restrict tw, const R sgn,
               const R *cs, const R *sn)
{
    /* sin(2 pi/3) = sqrt(3)/2 as s1 + s1l (sn[3 + 1], its rounding error):
     * the rounded constant alone is 0.52 ulp low, a bias of every radix-3
     * pass's outputs 1 and 2 (-0.17 ulp of the RMS per pass, measured; 5
     * passes (n = 243) made the real transforms' error a systematic -0.9 ulp
     * scale, more than NumPy's error where its 1/n rounding cancels it) */
    const R c1 = cs[1], s1 = sgn * sn[1], s1l = sgn * sn[3 + 1];
    for (ac_intp k = 0; k < l1; k++) {
        const FN(cpx) *c = cc + ido * (3 * k);
        for (ac_intp i = 0; i < ido; i++) {
            R x0r = c[i].r, x0i = c[i].i;
            R sr = c[ido + i].r + c[2 * ido + i].r, si = c[ido + i].i + c[2 * ido + i].i;
            R dr = c[ido + i].r - c[2 * ido + i].r, di = c[ido + i].i - c[2 * ido + i].i;
            R ar = FN(fma)(c1, sr, x0r), ai = FN(fma)(c1, si, x0i);
            R br = FN(fma)(s1, dr, s1l * dr), bi = FN(fma)(s1, di, s1l * di);   /* u1 = A + i B, u2 = A - i B */
            ch[ido * k + i].r = x0r + sr; ch[ido * k + i].i = x0i + si;
            AC_FFT_PUT(1, ar - bi, ai + br);
            AC_FFT_PUT(2, ar + bi, ai - br);
        }
    }
}

static inline __attribute__((always_inline)) void
FN(pass5_body)(const int TW, ac_intp ido, ac_intp l1, const FN(cpx) *restrict cc,
               FN(cpx) *restrict ch, const FN(cpx) *restrict tw, const R sgn,
               const R *cs, const R *sn)
{
    const R c1 = cs[1], c2 = cs[2], s1 = sgn * sn[1], s2 = sgn * sn[2];
    for (ac_intp k = 0; k < l1; k++) {
        const FN(cpx) *c = cc + ido * (5 * k);
        for (ac_intp i = 0; i < ido; i++) {
            R x0r = c[i].r, x0i = c[i].i;
            const FN(cpx) *x1 = c + ido + i, *x2 = c + 2 * ido + i, *x3 = c + 3 * ido + i,
                          *x4 = c + 4 * ido + i;
            R s1r = x1->r + x4->r, s1i = x1->i + x4->i, d1r = x1->r - x4->r, d1i = x1->i - x4->i;
            R s2r = x2->r + x3->r, s2i = x2->i + x3->i, d2r = x2->r - x3->r, d2i = x2->i - x3->i;
            R a1r = FN(fma)(c2, s2r, FN(fma)(c1, s1r, x0r)), a1i = FN(fma)(c2, s2i, FN(fma)(c1, s1i, x0i));
            R a2r = FN(fma)(c1, s2r, FN(fma)(c2, s1r, x0r)), a2i = FN(fma)(c1, s2i, FN(fma)(c2, s1i, x0i));
            R b1r = FN(fma)(s1, d1r, s2 * d2r), b1i = FN(fma)(s1, d1i, s2 * d2i);
            R b2r = FN(fma)(s2, d1r, -(s1 * d2r)), b2i = FN(fma)(s2, d1i, -(s1 * d2i));
            ch[ido * k + i].r = x0r + s1r + s2r; ch[ido * k + i].i = x0i + s1i + s2i;
            AC_FFT_PUT(1, a1r - b1i, a1i + b1r);
            AC_FFT_PUT(4, a1r + b1i, a1i - b1r);
            AC_FFT_PUT(2, a2r - b2i, a2i + b2r);
            AC_FFT_PUT(3, a2r + b2i, a2i - b2r);
        }
    }
}
#undef AC_FFT_PUT

#define AC_FFT_DISPATCH(BODY)                                                       \
    if (ido == 1) {                                                                 \
        if (sgn < 0) BODY(0, ido, l1, cc, ch, tw, (R)-1, cs, sn);                   \
        else BODY(0, ido, l1, cc, ch, tw, (R)1, cs, sn);                            \
    } else {                                                                        \
        if (sgn < 0) BODY(1, ido, l1, cc, ch, tw, (R)-1, cs, sn);                   \
        else BODY(1, ido, l1, cc, ch, tw, (R)1, cs, sn);                            \
    }
static void FN(pass3)(ac_intp ido, ac_intp l1, const FN(cpx) *cc, FN(cpx) *ch,
                      const FN(cpx) *tw, R sgn, const R *cs, const R *sn)
{ AC_FFT_DISPATCH(FN(pass3_body)) }
static void FN(pass5)(ac_intp ido, ac_intp l1, const FN(cpx) *cc, FN(cpx) *ch,
                      const FN(cpx) *tw, R sgn, const R *cs, const R *sn)
{ AC_FFT_DISPATCH(FN(pass5_body)) }
#undef AC_FFT_DISPATCH
#define AC_FFT_ODD(P) \
    if (sgn < 0) FN(passodd)(P, ido, l1, cc, ch, tw, (R)-1, cs, sn, 0); \
    else FN(passodd)(P, ido, l1, cc, ch, tw, (R)1, cs, sn, 0);
static void FN(pass7)(ac_intp ido, ac_intp l1, const FN(cpx) *cc, FN(cpx) *ch,
                      const FN(cpx) *tw, R sgn, const R *cs, const R *sn)
{ AC_FFT_ODD(7) }
#undef AC_FFT_ODD
static void FN(passg)(int p, ac_intp ido, ac_intp l1, const FN(cpx) *cc, FN(cpx) *ch,
                      const FN(cpx) *tw, R sgn, const R *cs, const R *sn, int x)
{
    if (x) FN(passodd)(p, ido, l1, cc, ch, tw, sgn, cs, sn, 1);
    else FN(passodd)(p, ido, l1, cc, ch, tw, sgn, cs, sn, 0);
}

/* ------------------------------------------------------------------------ */
/* complex plans                                                             */
/* ------------------------------------------------------------------------ */

static void FN(cplan_free)(FN(cplan) *p)
{
    if (p == NULL) return;
    FN(cplan_free)(p->sub);
    free(p->mem);
    free(p);
}

static FN(cpx) *FN(cplan_exec)(const FN(cplan) *p, int sign, FN(cpx) *a, FN(cpx) *w);

/* rlen: the length of the real transform this plan serves, 0 if none
 * (see ac_fft_use_bluestein) */
static FN(cplan) *FN(cplan_new2)(ac_intp n, ac_intp rlen)
{
    FN(cplan) *p = calloc(1, sizeof(FN(cplan)));
    if (p == NULL) return NULL;
    p->n = n;
    /* the half-length plan of a real transform: exact constants, which the
     * split's roundings on top need: odd radices >= 11 with their roots'
     * rounding errors (passodd; each root's is a random +-0.3 ulp, summing
     * to a scale error of up to ~0.15 ulp per pass: 416, 832 = 2^5, 2^6 x 13
     * were 1.003x NumPy's error, now 0.993) and the pi/4 twiddles of the
     * radix-2/4 passes exact (cmul_q8: 256 was 1.004x, now 0.978).  They
     * cost ~15% of such a transform's time (the pi/4 ones: up to 1.6x for a
     * complex 4096, three of every four butterflies of its ido = 4 pass
     * computed twice); the complex and odd real transforms, already within
     * NumPy's error, do without them, and so do real lengths beyond 16384
     * (where the time counts more: rfft of 2^20 was 8.8 ms without, 10.6
     * with; irfft of 2^19+1 bins 10.7 and 12.4) */
    p->xodd = rlen != 0 && rlen == 2 * n && rlen <= 16384;
    if (ac_fft_use_bluestein(n, rlen)) {
        ac_intp m = 1;                    /* a power of two: radix-4 passes are the most accurate */
        while (m < 2 * n - 1) m *= 2;
        p->m = m;
        p->sub = FN(cplan_new2)(m, 0);
        p->mem = malloc(sizeof(FN(cpx)) * (size_t)(n + m));
        if (p->sub == NULL || p->mem == NULL) { FN(cplan_free)(p); return NULL; }
        p->chirp = p->mem;
        p->bk = p->chirp + n;
        /* chirp_k = exp(-i pi k^2 / n) = root(k^2 mod 2n, 2n), conjugated */
        for (ac_intp k = 0; k < n; k++) {
            unsigned long long k2 = ((unsigned long long)k * (unsigned long long)k)
                                    % (2ULL * (unsigned long long)n);
            long double c, s;
            ac_fft_root(k2, 2ULL * (unsigned long long)n, &c, &s);
            p->chirp[k].r = (R)c; p->chirp[k].i = (R)-s;
        }
        /* bk = FFT_m(conj chirp) / m, computed in long double from the exact
         * chirp and rounded once: the convolution kernel carries no error of
         * its own */
        FN(cpx) *b = p->bk;
        cplan_l *lp = (sizeof(R) == sizeof(long double)) ? NULL : cplan_new2_l(m, 0);
        cpx_l *lb = malloc(sizeof(cpx_l) * (size_t)m);
        cpx_l *lw = malloc(sizeof(cpx_l) * (size_t)(lp ? cplan_work_l(lp) : 1));
        if (lb == NULL || lw == NULL || (lp == NULL && sizeof(R) != sizeof(long double))) {
            free(lb); free(lw); cplan_free_l(lp); FN(cplan_free)(p); return NULL;
        }
        for (ac_intp k = 0; k < m; k++) { lb[k].r = 0; lb[k].i = 0; }
        for (ac_intp k = 0; k < n; k++) {
            unsigned long long k2 = ((unsigned long long)k * (unsigned long long)k)
                                    % (2ULL * (unsigned long long)n);
            long double c, s;
            ac_fft_root(k2, 2ULL * (unsigned long long)n, &c, &s);
            lb[k].r = c; lb[k].i = s;
            if (k) lb[m - k] = lb[k];
        }
        if (lp) {
            cpx_l *res = cplan_exec_l(lp, -1, lb, lw);
            long double inv = 1.0L / (long double)m;
            for (ac_intp k = 0; k < m; k++) { b[k].r = (R)(res[k].r * inv); b[k].i = (R)(res[k].i * inv); }
        } else {
            /* the long double instance itself: plain transform in its own precision */
            for (ac_intp k = 0; k < m; k++) { b[k].r = (R)lb[k].r; b[k].i = (R)lb[k].i; }
            FN(cpx) *work = malloc(sizeof(FN(cpx)) * (size_t)FN(cplan_work)(p->sub));
            if (work == NULL) { free(lb); free(lw); FN(cplan_free)(p); return NULL; }
            FN(cpx) *res = FN(cplan_exec)(p->sub, -1, b, work);
            R inv = (R)(1.0L / (long double)m);
            for (ac_intp k = 0; k < m; k++) { b[k].r = res[k].r * inv; b[k].i = res[k].i * inv; }
            free(work);
        }
        free(lb); free(lw); cplan_free_l(lp);
        return p;
    }
    /* factors: 4s first, then 2, 3, 5, 7, then other odd primes */
    ac_intp r = n;
    int nf = 0;
    while (r % 4 == 0) { p->fct[nf++] = 4; r /= 4; }
    if (r % 2 == 0) {               /* the one radix 2 goes first (long runs) */
        for (int q = nf; q > 0; q--) p->fct[q] = p->fct[q - 1];
        p->fct[0] = 2; nf++; r /= 2;
    }
    for (ac_intp f = 3; f * f <= r; f += 2)
        while (r % f == 0) { p->fct[nf++] = f; r /= f; }
    if (r > 1) p->fct[nf++] = r;
    p->nfct = nf;
    /* table sizes: 2 directions * (p-1)*ido per stage, plus roots of odd radices > 7 */
    size_t ntw = 0, nroot = 0;
    ac_intp l1 = 1;
    for (int s = 0; s < nf; s++) {
        ac_intp f = p->fct[s], ido = n / (l1 * f);
        ntw += 2 * (size_t)((f - 1) * ido);
        if (f > 7 || f == 3 || f == 5 || f == 7) nroot += 4 * (size_t)f;
        l1 *= f;
    }
    p->mem = malloc(sizeof(FN(cpx)) * ntw + sizeof(R) * nroot + 16);
    if (p->mem == NULL) { free(p); return NULL; }
    FN(cpx) *t = p->mem;
    R *rt = (R *)(t + ntw);
    l1 = 1;
    for (int s = 0; s < nf; s++) {
        ac_intp f = p->fct[s], ido = n / (l1 * f);
        p->tw[0][s] = t; t += (f - 1) * ido;
        p->tw[1][s] = t; t += (f - 1) * ido;
        for (ac_intp q = 1; q < f; q++)
            for (ac_intp i = 0; i < ido; i++) {
                long double c, sn;
                /* w_L^(i q) = root(i*q*l1, n) */
                ac_fft_root((unsigned long long)i * q * l1 % n, (unsigned long long)n, &c, &sn);
                p->tw[0][s][(q - 1) * ido + i].r = (R)c;
                p->tw[0][s][(q - 1) * ido + i].i = (R)-sn;
                p->tw[1][s][(q - 1) * ido + i].r = (R)c;
                p->tw[1][s][(q - 1) * ido + i].i = (R)sn;
            }
        if (f > 7 || f == 3 || f == 5 || f == 7) {
            p->rc[s] = rt; p->rs[s] = rt + f;
            for (ac_intp q = 0; q < f; q++) {
                long double c, sn;
                ac_fft_root((unsigned long long)q, (unsigned long long)f, &c, &sn);
                rt[q] = (R)c; rt[f + q] = (R)sn;
                rt[2 * f + q] = (R)(sn - (long double)(R)sn);
                rt[3 * f + q] = (R)(c - (long double)(R)c);
            }
            rt += 4 * f;
        }
        l1 *= f;
    }
    return p;
}

static FN(cplan) *FN(cplan_new)(ac_intp n)
{
    return FN(cplan_new2)(n, 0);
}

/* Transform a[0..n) in the direction `sign` (-1 forward, +1 backward),
 * unnormalized; w has cplan_work(p) elements.  Returns where the result is
 * (a or w). */
static FN(cpx) *FN(cplan_exec)(const FN(cplan) *p, int sign, FN(cpx) *a, FN(cpx) *w)
{
    ac_intp n = p->n;
    if (p->m) {
        ac_intp m = p->m;
        FN(cpx) *b = w, *w2 = w + m;
        const FN(cpx) *ch = p->chirp, *bk = p->bk;
        /* backward through conjugation: conj(F(conj(x))) */
        R cj = sign < 0 ? 1 : -1;
        for (ac_intp k = 0; k < n; k++) {
            R xr = a[k].r, xi = cj * a[k].i;
            b[k].r = xr * ch[k].r - xi * ch[k].i;
            b[k].i = xr * ch[k].i + xi * ch[k].r;
        }
        for (ac_intp k = n; k < m; k++) { b[k].r = 0; b[k].i = 0; }
        FN(cpx) *r = FN(cplan_exec)(p->sub, -1, b, w2);
        for (ac_intp k = 0; k < m; k++) {
            R xr = r[k].r, xi = r[k].i;
            /* times bk, then conjugate: the backward transform as conj(F(conj)) */
            R yr = xr * bk[k].r - xi * bk[k].i, yi = xr * bk[k].i + xi * bk[k].r;
            r[k].r = yr; r[k].i = -yi;
        }
        FN(cpx) *o = (r == b) ? w2 : b;
        FN(cpx) *q = FN(cplan_exec)(p->sub, -1, r, o);
        /* q = conj(IFFT_unnorm(...)); result_k = chirp_k * conj(q_k) */
        for (ac_intp k = 0; k < n; k++) {
            R xr = q[k].r, xi = -q[k].i;
            R yr = xr * ch[k].r - xi * ch[k].i, yi = xr * ch[k].i + xi * ch[k].r;
            a[k].r = yr; a[k].i = cj * yi;
        }
        return a;
    }
    if (n == 1) return a;
    R sgn = (R)sign;
    int dir = sign < 0 ? 0 : 1;
    FN(cpx) *cc = a, *chh = w;
    ac_intp l1 = 1;
    for (int s = 0; s < p->nfct; s++) {
        ac_intp f = p->fct[s], ido = n / (l1 * f);
        const FN(cpx) *tw = p->tw[dir][s];
        switch (f) {
        case 2: FN(pass2)(ido, l1, cc, chh, tw, p->xodd); break;
        case 4: FN(pass4)(ido, l1, cc, chh, tw, sgn, p->xodd); break;
        case 3: FN(pass3)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        case 5: FN(pass5)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        case 7: FN(pass7)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        default: FN(passg)((int)f, ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s], p->xodd); break;
        }
        FN(cpx) *t = cc; cc = chh; chh = t;
        l1 *= f;
    }
    return cc;
}

/* src -> dst (n elements each; src == dst allowed), no copy in or out: the
 * first pass reads src, the last writes dst.  t1: cplan_work(p) elements,
 * t2: n elements (used when src == dst and the pass count is odd). */
static void FN(cplan_run)(const FN(cplan) *p, int sign, const FN(cpx) *src, FN(cpx) *dst,
                          FN(cpx) *t1, FN(cpx) *t2)
{
    ac_intp n = p->n;
    if (p->m || p->nfct == 0) {
        if (dst != src) memcpy(dst, src, sizeof(FN(cpx)) * (size_t)n);
        FN(cpx) *r = FN(cplan_exec)(p, sign, dst, t1);
        if (r != dst) memcpy(dst, r, sizeof(FN(cpx)) * (size_t)n);
        return;
    }
    R sgn = (R)sign;
    int dir = sign < 0 ? 0 : 1, k = p->nfct;
    const FN(cpx) *cc = src;
    ac_intp l1 = 1;
    for (int s = 0; s < k; s++) {
        ac_intp f = p->fct[s], ido = n / (l1 * f);
        FN(cpx) *chh = ((k - 1 - s) % 2 == 0) ? dst : t1;
        if (s == 0 && chh == src) chh = t2;
        const FN(cpx) *tw = p->tw[dir][s];
        switch (f) {
        case 2: FN(pass2)(ido, l1, cc, chh, tw, p->xodd); break;
        case 4: FN(pass4)(ido, l1, cc, chh, tw, sgn, p->xodd); break;
        case 3: FN(pass3)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        case 5: FN(pass5)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        case 7: FN(pass7)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        default: FN(passg)((int)f, ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s], p->xodd); break;
        }
        cc = chh;
        l1 *= f;
    }
    if (cc != dst)      /* one pass, in place: it went through t2 */
        memcpy(dst, cc, sizeof(FN(cpx)) * (size_t)n);
}

/* ------------------------------------------------------------------------ */
/* real plans: n even through a complex plan of n/2, n odd through n         */
/* ------------------------------------------------------------------------ */

typedef struct {
    ac_intp n;
    int half;           /* through a complex transform of n/2 (even n >= 32) */
    FN(cplan) *cp;      /* n/2 (half) or n */
    FN(cpx) *rtw;       /* exp(-2 pi i k / n), k < n/2 (even n) */
} FN(rplan);

static void FN(rplan_free)(FN(rplan) *p)
{
    if (p == NULL) return;
    FN(cplan_free)(p->cp);
    free(p->rtw);
    free(p);
}

static FN(rplan) *FN(rplan_new)(ac_intp n)
{
    FN(rplan) *p = calloc(1, sizeof(FN(rplan)));
    if (p == NULL) return NULL;
    p->n = n;
    /* short lengths through the full complex transform: their error is then
     * the complex transform's (the half-length split adds a rounding: even
     * n of 8..112 measured up to 1.11x NumPy's error through the half).
     * From 128 the half length when the half is 7-smooth (radix 2..7
     * passes only: every such n of 128..254 measured <= 0.98x NumPy's error
     * at every dispatch level, 262144 values each; 208 = 16 x 13 through its
     * 13-pass 1.00): half the work, rfft of 128-point rows 1.5x faster */
    int even = (n % 2 == 0) && n >= 128;
    if (even && n < 256) {
        ac_intp h = n / 2;
        for (int f = 2; f <= 7; f++) while (h % f == 0) h /= f;
        even = h == 1;
    }
    /* nor an even length up to 32768 whose half needs Bluestein (n = 2 x a
     * large prime, ...): the split's roundings on top of the chirp
     * transform's measured up to 1.03x NumPy's error (irfft, n = 1018 =
     * 2 x 509), one chirp transform of the full length (NumPy's algorithm
     * there, with our long-double kernel) 0.77x.  It costs twice the half
     * length's chirp transform (a power of two >= 2n - 1), still faster than
     * NumPy's up to there (its convolution buffers stay in cache; 2 x 65537
     * measured 1.3x NumPy's time); above, the half length: our chirp
     * transform's error is ~0.5x NumPy's there, the split's share small. */
    if (even && n <= 32768 && ac_fft_use_bluestein(n / 2, n)) even = 0;
    p->half = even;
    /* an odd length runs the full complex transform of n, planned as a real
     * transform of n (rlen = n): where NumPy runs real direct passes (prime
     * factors up to its real cost model's bound), so do we: Bluestein there
     * measured up to 1.29x NumPy's error */
    p->cp = FN(cplan_new2)(even ? n / 2 : n, n);
    if (p->cp == NULL) { free(p); return NULL; }
    if (even) {
        p->rtw = malloc(sizeof(FN(cpx)) * (size_t)(n / 2 + 1));
        if (p->rtw == NULL) { FN(rplan_free)(p); return NULL; }
        for (ac_intp k = 0; k < n / 2; k++) {
            long double c, s;
            ac_fft_root((unsigned long long)k, (unsigned long long)n, &c, &s);
            p->rtw[k].r = (R)c; p->rtw[k].i = (R)-s;
        }
    }
    return p;
}

/* work (complex elements) besides the n/2+1 (even) or n (odd) data buffer */
static ac_intp FN(rplan_work)(const FN(rplan) *p)
{
    return FN(cplan_work)(p->cp) + p->n / 2 + 2;
}

/* One pair of outputs of the real split (R2C: X_k, X_{h-k} from the
 * half-length transform's Z_k, Z_{h-k}) and of the merge (C2R: Z_k, Z_{h-k}
 * from X_k, X_{h-k}); t = exp(-2 pi i k / n).  Outputs may alias inputs.
 * These passes are O(n), but their roundings add to the half-length
 * transform's, on every bin: at the AVX2 level the twiddle products are
 * fused (FMA; the same operations as ac_fft_vec.h's, so a lane gives the same
 * bits alone and in a batch); the baseline instances, which have no FMA,
 * compute the pair in a wider type (x87 long double for double, double for
 * float) and round each output component once (without it they measured up
 * to 1.05x NumPy's error, NumPy's real radix passes rounding less than a
 * split with unfused products). */
#if !defined(AC_FFT_VEC)
#if LDBL_MANT_DIG == 64
#define AC_FFT_WIDE_D long double
#else
#define AC_FFT_WIDE_D double
#endif
typedef __typeof__(__builtin_choose_expr(sizeof(R) == sizeof(float), (double)0,
                                         (AC_FFT_WIDE_D)0)) FN(wide);
#undef AC_FFT_WIDE_D
#endif

static inline void FN(split_pair)(FN(cpx) zk, FN(cpx) zm, FN(cpx) t, FN(cpx) *xk, FN(cpx) *xm)
{
    /* E = (Z_k + conj Z_{h-k})/2, O = (Z_k - conj Z_{h-k})/(2i), u = t O:
     * X_k = E + u and (t_{h-k} = -conj t) X_{h-k} = conj(E - u) */
#ifdef AC_FFT_VEC
    R ar = zk.r, ai = zk.i, br = zm.r, bi = -zm.i;
    R er = (R)0.5 * (ar + br), ei = (R)0.5 * (ai + bi);
    R dr = (R)0.5 * (ar - br), di = (R)0.5 * (ai - bi);
    R ur = FN(fma)(t.r, di, t.i * dr), ui = FN(fma)(t.i, di, -(t.r * dr));
    xk->r = er + ur; xk->i = ei + ui;
    xm->r = er - ur; xm->i = ui - ei;
#else
    typedef FN(wide) W;
    W ar = zk.r, ai = zk.i, br = zm.r, bi = -(W)zm.i;
    W er = (W)0.5 * (ar + br), ei = (W)0.5 * (ai + bi);
    W dr = (W)0.5 * (ar - br), di = (W)0.5 * (ai - bi);
    W ur = (W)t.r * di + (W)t.i * dr, ui = (W)t.i * di - (W)t.r * dr;
    xk->r = (R)(er + ur); xk->i = (R)(ei + ui);
    xm->r = (R)(er - ur); xm->i = (R)(ui - ei);
#endif
}

static inline void FN(merge_pair)(FN(cpx) xk, FN(cpx) xm, FN(cpx) t, FN(cpx) *zk, FN(cpx) *zm)
{
    /* S = X_k + conj X_{h-k}, D = X_k - conj X_{h-k}, v = i D conj(t):
     * Z_k = S + v and (t_{h-k} = -conj t) Z_{h-k} = conj(S - v) */
#ifdef AC_FFT_VEC
    R ar = xk.r, ai = xk.i, br = xm.r, bi = -xm.i;
    R sr = ar + br, si = ai + bi, dr = ar - br, di = ai - bi;
    R tr = t.r, ti = -t.i;
    R er = FN(fma)(dr, tr, -(di * ti)), ei = FN(fma)(dr, ti, di * tr);
    zk->r = sr - ei; zk->i = si + er;
    zm->r = sr + ei; zm->i = er - si;
#else
    typedef FN(wide) W;
    W ar = xk.r, ai = xk.i, br = xm.r, bi = -(W)xm.i;
    W sr = ar + br, si = ai + bi, dr = ar - br, di = ai - bi;
    W tr = t.r, ti = -(W)t.i;
    W er = dr * tr - di * ti, ei = dr * ti + di * tr;
    zk->r = (R)(sr - ei); zk->i = (R)(si + er);
    zm->r = (R)(sr + ei); zm->i = (R)(er - si);
#endif
}

static void FN(rsplit)(const FN(rplan) *p, const FN(cpx) *z, FN(cpx) *o);
static void FN(rmerge)(const FN(rplan) *p, const FN(cpx) *X, FN(cpx) *z);

/* forward: x (n reals, stored at the start of buf as complex pairs when n is
 * even, as complex with zero imaginary parts when n is odd) -> n/2+1 complex,
 * returned pointer (into buf or w). buf holds max(n/2+1, n odd: n) elements. */
static FN(cpx) *FN(rplan_fwd)(const FN(rplan) *p, FN(cpx) *buf, FN(cpx) *w)
{
    if (!p->half) return FN(cplan_exec)(p->cp, -1, buf, w);
    FN(cpx) *z = FN(cplan_exec)(p->cp, -1, buf, w);
    FN(cpx) *o = (z == buf) ? w : buf;
    if (o == w) o = w + FN(cplan_work)(p->cp);   /* keep clear of the plan's scratch */
    FN(rsplit)(p, z, o);
    return o;
}

/* the n/2 + 1 bins of a real transform from the half-length complex one z
 * (o and z distinct) */
static void FN(rsplit)(const FN(rplan) *p, const FN(cpx) *z, FN(cpx) *o)
{
    ac_intp h = p->n / 2;
    const FN(cpx) *t = p->rtw;
    o[0].r = z[0].r + z[0].i; o[0].i = 0;
    o[h].r = z[0].r - z[0].i; o[h].i = 0;
    for (ac_intp k = 1; k <= h - k; k++) {
        /* E = (Z_k + conj Z_{h-k})/2, O = (Z_k - conj Z_{h-k})/(2i), u = t_k O:
         * X_k = E + u and (t_{h-k} = -conj t_k) X_{h-k} = conj(E - u) */
        ac_intp m = h - k;
        FN(split_pair)(z[k], z[m], t[k], &o[k], &o[m]);
    }
}

/* backward: X (n/2+1 complex in buf; for odd n, buf has room for n and the
 * Hermitian extension is built here) -> n reals, returned as a pointer to
 * complex storage: even n: n/2 pairs (x_2j, x_2j+1); odd n: n complex whose
 * real parts are the result (*stride2 = 1 then). */
static FN(cpx) *FN(rplan_bwd)(const FN(rplan) *p, FN(cpx) *buf, FN(cpx) *w, int *odd)
{
    ac_intp n = p->n;
    buf[0].i = 0;
    if (n % 2 == 0) buf[n / 2].i = 0;
    if (!p->half) {
        for (ac_intp k = 1; k <= n / 2; k++) { buf[n - k].r = buf[k].r; buf[n - k].i = -buf[k].i; }
        *odd = 1;
        return FN(cplan_exec)(p->cp, 1, buf, w);
    }
    *odd = 0;
    ac_intp h = n / 2;
    buf[h].i = 0;
    FN(cpx) *z = w + FN(cplan_work)(p->cp);
    FN(rmerge)(p, buf, z);
    FN(cpx) *r = FN(cplan_exec)(p->cp, 1, z, buf);
    return r;
}

/* rsplit in place: z (h + 1 slots, the first h the half-length transform)
 * becomes the n/2 + 1 bins; outputs k and h - k are made together from the
 * same two inputs */
static void FN(rsplit_inplace)(const FN(rplan) *p, FN(cpx) *z)
{
    ac_intp h = p->n / 2;
    const FN(cpx) *t = p->rtw;
    R z0r = z[0].r, z0i = z[0].i;
    for (ac_intp k = 1; k <= h - k; k++) {
        /* as rsplit: X_k = E + u, X_{h-k} = conj(E - u), u = t_k O */
        ac_intp m = h - k;
        FN(split_pair)(z[k], z[m], t[k], &z[k], &z[m]);
    }
    z[0].r = z0r + z0i; z[0].i = 0;
    z[h].r = z0r - z0i; z[h].i = 0;
}

/* the half-length complex input z (h = n/2 elements) of a C2R transform from
 * the n/2 + 1 bins X (not modified: the imaginary parts of X_0 and X_h are
 * taken as 0):  Z_k = (X_k + conj X_{h-k}) + i (X_k - conj X_{h-k}) e^{+2 pi i k/n} */
static void FN(rmerge)(const FN(rplan) *p, const FN(cpx) *X, FN(cpx) *z)
{
    ac_intp h = p->n / 2;
    const FN(cpx) *t = p->rtw;
    z[0].r = X[0].r + X[h].r; z[0].i = X[0].r - X[h].r;
    for (ac_intp k = 1; k <= h - k; k++) {
        /* S = X_k + conj X_{h-k}, D = X_k - conj X_{h-k}, v = i D conj(t_k):
         * Z_k = S + v and (t_{h-k} = -conj t_k) Z_{h-k} = conj(S - v) */
        ac_intp m = h - k;
        FN(merge_pair)(X[k], X[m], t[k], &z[k], &z[m]);
    }
}

#ifdef AC_FFT_VEC
#include "ac_fft_vec.h"
#endif

/* the scale of a value when it is not a plain product (run_lanes' `divide`):
 * 1: x / dv (fct = 1/dv rounded), correctly rounded; at the AVX2 level by
 * correcting x fct with its exact residual (FMA), elsewhere a division;
 * 2: x (fct + dv), dv the rounding error of fct (1/sqrt(D) of the ortho
 * norm): the product with the exact factor, rounded once (FMA; elsewhere in
 * the wider type) */
static inline R FN(sdiv)(R x, int mode, R dv, R fct)
{
#ifdef AC_FFT_VEC
    if (mode == 2) {
        if (sizeof(R) == sizeof(double))
            return (R)__builtin_fma((double)x, (double)fct, (double)(x * dv));
        return __builtin_fmaf((float)x, (float)fct, (float)(x * dv));
    }
    R y = x * fct;
    if (sizeof(R) == sizeof(double))
        return (R)__builtin_fma((double)__builtin_fma(-(double)y, (double)dv, (double)x),
                                (double)fct, (double)y);
    return __builtin_fmaf(__builtin_fmaf(-(float)y, (float)dv, (float)x), (float)fct, (float)y);
#else
    if (mode == 2) {
        typedef FN(wide) W;
        return (R)((W)x * ((W)fct + (W)dv));
    }
    return x / dv;
#endif
}

/* ------------------------------------------------------------------------ */
/* the batch driver: lanes [lo, hi) of the outer space, in blocks            */
/* ------------------------------------------------------------------------ */

static int FN(run_lanes)(const ac_fft_job *j, const void *plan, ac_intp lo, ac_intp hi)
{
    const ac_intp n = j->n;
    const int kind = j->kind;
    const FN(cplan) *cp = kind == AC_FFT_C2C ? plan : NULL;
    const FN(rplan) *rp = kind == AC_FFT_C2C ? NULL : plan;
    ac_intp D = n + 1, W = cp ? FN(cplan_work)(cp) : FN(rplan_work)(rp);
    ac_intp per = D + W;
    ac_intp B = (ac_intp)((1 << 20) / (per * (ac_intp)sizeof(FN(cpx))));
    if (B < 1) B = 1;
    if (B > 16) B = 16;
    if (B > hi - lo) B = hi - lo;
    if (B < 1) return 0;
    ac_intp memB = B;          /* lanes the lane-by-lane buffers hold */
#ifdef AC_FFT_VEC
    /* VL lanes at a time across the batch (ac_fft_vec.h): blocks of a
     * multiple of VL lanes, the remainder (< VL per block) lane by lane
     * below; C2C lanes on a strided axis in blocks of G groups (up to 64
     * lanes, 2 MB of buffers), gathered together (vec_block_c2c) */
    FN(vcpx) *vbuf = NULL;
    ac_intp vgroups = 0, rlanes = 0;
    char *rbuf = NULL;
    if (hi - lo >= VL &&
        FN(vec_ok)(kind, plan, j->iax != (kind == AC_FFT_R2C ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx))))) {
        size_t vsz;
        if (kind == AC_FFT_C2C && (j->iax != (ac_intp)sizeof(FN(cpx)) || j->oax != (ac_intp)sizeof(FN(cpx)))) {
            vgroups = (ac_intp)((2 << 20) / (2 * (n + 2) * (ac_intp)sizeof(FN(vcpx))));
            if (vgroups > AC_FFT_MAXB / VL) vgroups = AC_FFT_MAXB / VL;
            if (vgroups > (hi - lo) / VL) vgroups = (hi - lo) / VL;
            /* (one group at a time is the path below: measured faster than
             * a block of one, e.g. axis 0 of 4096x256) */
            if (vgroups < 2) vgroups = 0;
            /* (Bluestein plans lane group by lane group: their scratch,
             * 2m, does not fit the blocks' layout) */
            if (((const FN(cplan) *)plan)->m) vgroups = 0;
        }
        /* real lanes on a strided axis (axis 0 of a C array), likewise in
         * blocks of up to 64 lanes: their points read (and written) for all
         * the block's lanes at once into (from) lane-contiguous copies, the
         * lanes transformed VL at a time from there (vec_block_real) */
        if (kind != AC_FFT_C2C && (j->iax != (kind == AC_FFT_R2C ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx))) ||
                                   j->oax != (kind == AC_FFT_C2R ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx))))) {
            ac_intp per_lane = (n + 2) * (ac_intp)sizeof(FN(cpx));   /* both copies */
            rlanes = (ac_intp)((2 << 20) / per_lane);
            if (rlanes > AC_FFT_MAXB) rlanes = AC_FFT_MAXB;
            if (rlanes > hi - lo) rlanes = hi - lo;
            rlanes = rlanes / VL * VL;
            if (rlanes < 2 * VL) rlanes = 0;
        }
        if (vgroups) {
            B = vgroups * VL;
            vsz = sizeof(FN(vcpx)) * (size_t)(2 * vgroups * (n + 2));
        } else if (rlanes) {
            B = rlanes;
            vsz = sizeof(FN(vcpx)) * (size_t)FN(vec_work)(kind, plan, n);
            rbuf = ac_data_alloc((size_t)rlanes * (size_t)(n + 2) * sizeof(FN(cpx)), 0);
            if (rbuf == NULL) return AC_FFT_ENOMEM;
        } else {
            B = B / VL * VL;
            if (B < VL) B = VL;
            vsz = sizeof(FN(vcpx)) * (size_t)FN(vec_work)(kind, plan, n);
        }
        memB = VL - 1 < B ? VL - 1 : B;
        vbuf = ac_data_alloc(vsz, 0);        /* 64-byte aligned */
        if (vbuf == NULL) { ac_data_free(rbuf); return AC_FFT_ENOMEM; }
    }
#endif
    /* the scratch blocks come from the data allocator: a large one is reused
       from its cache instead of page-faulting fresh memory on every call
       (irfft of 2^19+1 bins spent a fifth of its time in page faults) */
    FN(cpx) *mem = ac_data_alloc(sizeof(FN(cpx)) * (size_t)(per * memB), 0);
    if (mem == NULL) {
#ifdef AC_FFT_VEC
        ac_data_free(vbuf);
        ac_data_free(rbuf);
#endif
        return AC_FFT_ENOMEM;
    }
    ac_intp ioff[AC_FFT_MAXB], ooff[AC_FFT_MAXB];
    FN(cpx) *res[AC_FFT_MAXB];
    int oddc[AC_FFT_MAXB];
    const R fct = (R)j->fct;
    const int scale = (j->fct != 1.0);
    /* A scale 1/D with D an integer (the 1/n of a backward inverse, of a
     * "forward" norm, of an n-d transform) divides by D: correctly rounded.
     * Multiplying by the rounded 1/D scales every output by one factor
     * (1 + delta), |delta| up to half an ulp: an error common to all bins
     * that measured up to +8% of irfft's RMS error (n = 1188), where it adds
     * to the transform's own systematic part.  Powers of two: exact either
     * way, multiplied.  (Other factors, ortho's 1/sqrt(n), multiply.) */
    int divide = 0;
    R dv = 1;
    if (scale && j->fct > 0) {
        double D = nearbyint(1.0 / j->fct);
        if (D > 1 && D < 9007199254740992.0 && 1.0 / D == j->fct && (R)D == D) {
            int e;
            divide = frexp(D, &e) != 0.5;     /* not a power of two */
            dv = (R)D;
        } else {
            /* ortho's 1/sqrt(D): the rounded factor is off by up to half an
             * ulp, again common to all outputs (up to 1.09x NumPy's error at
             * n = 22, where the rounding adds to the transform's own bias and
             * NumPy's does not): times the exact factor, fct + dv */
            double D2 = nearbyint(1.0 / (j->fct * j->fct));
            if (D2 > 1 && D2 < 9007199254740992.0 && 1.0 / sqrt(D2) == j->fct) {
                /* (1.0 / sqrt(D) has two roundings: up to ~1.3 ulp off) */
                long double ex = 1.0L / sqrtl((long double)D2);
                if ((long double)fct != ex) {
                    divide = 2;
                    dv = (R)(ex - (long double)fct);
                }
            }
        }
    }
#define AC_SC(v) (divide ? FN(sdiv)((v), divide, dv, fct) : (v) * fct)
    const int sign = j->forward ? -1 : 1;
    /* elements read along the axis, and written */
    ac_intp need = kind == AC_FFT_C2R ? n / 2 + 1 : n;
    ac_intp cnt = j->nin < need ? j->nin : need;
    ac_intp nout = kind == AC_FFT_R2C ? n / 2 + 1 : n;
    const ac_intp iax = j->iax, oax = j->oax;
    const int rin = (kind == AC_FFT_R2C), rout = (kind == AC_FFT_C2R);
    const ac_intp iesz = rin ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx));
    const ac_intp oesz = rout ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx));
    int rc = 0;
    const int direct = cnt == need && iax == iesz && oax == oesz &&
        (kind == AC_FFT_C2C || (kind != AC_FFT_C2C && rp->half && j->in != j->out));

    for (ac_intp l0 = lo; l0 < hi; l0 += B) {
        ac_intp nb = hi - l0 < B ? hi - l0 : B;
        if (j->watch_sigint && ac_sigint_flag) { rc = AC_FFT_EINTR; break; }
        for (ac_intp b = 0; b < nb; b++)
            fft_lane_offsets(j, l0 + b, &ioff[b], &ooff[b]);
#ifdef AC_FFT_VEC
        if (vbuf) {
            ac_intp nv = nb - nb % VL;
            if (vgroups && nv)
                FN(vec_block_c2c)(j, plan, ioff, ooff, nv / VL, vbuf, scale, divide, dv, fct);
            else if (rlanes && nv)
                FN(vec_block_real)(j, plan, ioff, ooff, nv, vbuf, rbuf, scale, divide, dv, fct);
            else
                for (ac_intp b = 0; b < nv; b += VL)
                    FN(vec_lanes)(j, plan, ioff + b, ooff + b, vbuf, scale, divide, dv, fct);
            if (nv == nb) continue;
            for (ac_intp b = nv; b < nb; b++) { ioff[b - nv] = ioff[b]; ooff[b - nv] = ooff[b]; }
            nb -= nv;
        }
#endif
        /* contiguous lanes, whole: no copies in or out (C2C; R2C through
         * the half-length transform) */
        if (direct) {
            for (ac_intp b = 0; b < nb; b++) {
                FN(cpx) *a = mem + b * per, *w = a + D;
                const FN(cpx) *src = (const FN(cpx) *)(j->in + ioff[b]);
                FN(cpx) *dst = (FN(cpx) *)(j->out + ooff[b]);
                if (kind == AC_FFT_C2C) {
                    FN(cplan_run)(cp, sign, src, dst, w, a);
                } else if (kind == AC_FFT_C2R) {
                    /* z into the real output (n reals = n/2 pairs), then the
                     * half-length backward transform in place there */
                    FN(rmerge)(rp, src, dst);
                    FN(cplan_run)(rp->cp, 1, dst, dst, w, a);
                    if (scale) {
                        R *d = (R *)dst;
                        if (divide) for (ac_intp i = 0; i < n; i++) d[i] = FN(sdiv)(d[i], divide, dv, fct);
                        else for (ac_intp i = 0; i < n; i++) d[i] *= fct;
                    }
                    continue;
                } else {
                    /* R2C: z = FFT_{n/2}(x as pairs) into dst, then the split in place */
                    FN(cplan_run)(rp->cp, -1, src, dst, w, a);
                    FN(rsplit_inplace)(rp, dst);
                }
                if (scale) {
                    if (divide) for (ac_intp i = 0; i < nout; i++) { dst[i].r = FN(sdiv)(dst[i].r, divide, dv, fct); dst[i].i = FN(sdiv)(dst[i].i, divide, dv, fct); }
                    else for (ac_intp i = 0; i < nout; i++) { dst[i].r *= fct; dst[i].i *= fct; }
                }
            }
            continue;
        }
        /* gather */
        if (rin && rp->half) {
            /* even real: n reals packed in the complex buffer */
            if (iax == iesz || nb == 1) {
                for (ac_intp b = 0; b < nb; b++) {
                    R *dst = (R *)(mem + b * per);
                    const char *src = j->in + ioff[b];
                    if (iax == iesz) memcpy(dst, src, sizeof(R) * (size_t)cnt);
                    else for (ac_intp i = 0; i < cnt; i++) dst[i] = *(const R *)(src + i * iax);
                    for (ac_intp i = cnt; i < n; i++) dst[i] = 0;
                }
            } else {
                for (ac_intp i = 0; i < cnt; i++)
                    for (ac_intp b = 0; b < nb; b++)
                        ((R *)(mem + b * per))[i] = *(const R *)(j->in + ioff[b] + i * iax);
                for (ac_intp b = 0; b < nb; b++)
                    for (ac_intp i = cnt; i < n; i++) ((R *)(mem + b * per))[i] = 0;
            }
        } else if (rin) {
            for (ac_intp i = 0; i < cnt; i++)
                for (ac_intp b = 0; b < nb; b++) {
                    FN(cpx) *dst = mem + b * per;
                    dst[i].r = *(const R *)(j->in + ioff[b] + i * iax);
                    dst[i].i = 0;
                }
            for (ac_intp b = 0; b < nb; b++)
                for (ac_intp i = cnt; i < n; i++) { mem[b * per + i].r = 0; mem[b * per + i].i = 0; }
        } else {
            if (iax == iesz || nb == 1) {
                for (ac_intp b = 0; b < nb; b++) {
                    FN(cpx) *dst = mem + b * per;
                    const char *src = j->in + ioff[b];
                    if (iax == iesz) memcpy(dst, src, sizeof(FN(cpx)) * (size_t)cnt);
                    else for (ac_intp i = 0; i < cnt; i++) dst[i] = *(const FN(cpx) *)(src + i * iax);
                }
            } else {
                for (ac_intp i = 0; i < cnt; i++)
                    for (ac_intp b = 0; b < nb; b++)
                        mem[b * per + i] = *(const FN(cpx) *)(j->in + ioff[b] + i * iax);
            }
            for (ac_intp b = 0; b < nb; b++)
                for (ac_intp i = cnt; i < need; i++) { mem[b * per + i].r = 0; mem[b * per + i].i = 0; }
        }
        /* transform */
        for (ac_intp b = 0; b < nb; b++) {
            FN(cpx) *a = mem + b * per, *w = a + D;
            oddc[b] = 0;
            if (kind == AC_FFT_C2C) res[b] = FN(cplan_exec)(cp, sign, a, w);
            else if (kind == AC_FFT_R2C) res[b] = FN(rplan_fwd)(rp, a, w);
            else res[b] = FN(rplan_bwd)(rp, a, w, &oddc[b]);
        }
        /* scatter */
        if (rout && oax != oesz && nb > 1) {
            /* a strided output (axis 0 of a C array): the block's lanes
             * together for each point, so a cache line of adjacent lanes
             * is written at once (lane by lane, each line is revisited once
             * per lane: 1.6x NumPy's time for irfft of axis 0, 1024x1024) */
            for (ac_intp i = 0; i < n; i++)
                for (ac_intp b = 0; b < nb; b++) {
                    R v = oddc[b] ? res[b][i].r : ((const R *)res[b])[i];
                    *(R *)(j->out + ooff[b] + i * oax) = scale ? AC_SC(v) : v;
                }
        } else if (rout) {
            for (ac_intp b = 0; b < nb; b++) {
                char *dst = j->out + ooff[b];
                if (oddc[b]) {
                    const FN(cpx) *s = res[b];
                    for (ac_intp i = 0; i < n; i++)
                        *(R *)(dst + i * oax) = scale ? AC_SC(s[i].r) : s[i].r;
                } else {
                    const R *s = (const R *)res[b];
                    if (oax == oesz && !scale) memcpy(dst, s, sizeof(R) * (size_t)n);
                    else if (oax == oesz) {
                        R *d = (R *)dst;
                        if (divide) for (ac_intp i = 0; i < n; i++) d[i] = FN(sdiv)(s[i], divide, dv, fct);
                        else for (ac_intp i = 0; i < n; i++) d[i] = s[i] * fct;
                    }
                    else for (ac_intp i = 0; i < n; i++) *(R *)(dst + i * oax) = scale ? AC_SC(s[i]) : s[i];
                }
            }
        } else if (oax == oesz || nb == 1) {
            for (ac_intp b = 0; b < nb; b++) {
                const FN(cpx) *s = res[b];
                char *dst = j->out + ooff[b];
                if (oax == oesz) {
                    FN(cpx) *d = (FN(cpx) *)dst;
                    if (!scale) memcpy(d, s, sizeof(FN(cpx)) * (size_t)nout);
                    else if (divide) for (ac_intp i = 0; i < nout; i++) { d[i].r = FN(sdiv)(s[i].r, divide, dv, fct); d[i].i = FN(sdiv)(s[i].i, divide, dv, fct); }
                    else for (ac_intp i = 0; i < nout; i++) { d[i].r = s[i].r * fct; d[i].i = s[i].i * fct; }
                } else {
                    for (ac_intp i = 0; i < nout; i++) {
                        FN(cpx) *d = (FN(cpx) *)(dst + i * oax);
                        if (scale) { d->r = AC_SC(s[i].r); d->i = AC_SC(s[i].i); } else *d = s[i];
                    }
                }
            }
        } else {
            for (ac_intp i = 0; i < nout; i++)
                for (ac_intp b = 0; b < nb; b++) {
                    FN(cpx) *d = (FN(cpx) *)(j->out + ooff[b] + i * oax);
                    if (scale) { d->r = AC_SC(res[b][i].r); d->i = AC_SC(res[b][i].i); } else *d = res[b][i];
                }
        }
    }
    ac_data_free(mem);
#ifdef AC_FFT_VEC
    ac_data_free(vbuf);
    ac_data_free(rbuf);
#endif
    return rc;
#undef AC_SC
}
