/*
 * ac_fft_vec.h -- batched FFT kernels of src/ac_fft.c vectorized ACROSS the
 * batch: VL lanes (transforms of the same length) are transformed at once,
 * one SIMD register holding the same element of VL different lanes, so every
 * butterfly is a full-width vector operation with no shuffles.  Included by
 * ac_fft_tmpl.h (inside the AVX2 instances only, AC_FFT_VEC defined) with
 *   R  the real type (double or float), FN(x) the instance's names,
 *   V  a GCC vector of VL R's (32 bytes: 4 doubles or 8 floats).
 * The passes are those of ac_fft_tmpl.h, the same sums in the same order, on
 * FN(vcpx) = {V r, i} elements, twiddles and constants from the scalar plan;
 * every product that is added to something is fused with it (VFMA(a, b, c)
 * = a*b + c rounded once, the FMA instructions of this level), which rounds
 * less than the baseline kernels do: the real transforms' error stays within
 * NumPy's only with it (tests/test_fft_accuracy.py; ac_fft.c defines VFMA
 * and VB, the broadcast of a scalar).  Lanes are gathered
 * from any stride (axis 0 of a C array reads VL adjacent elements: one cache
 * line), transformed in an aligned buffer, and scattered with the scale.
 * Used for complex plans without Bluestein (and the real plans on them) of
 * length up to AC_FFT_VEC_MAXN (contiguous lanes) or AC_FFT_VEC_MAXN_STRIDED.
 */

typedef struct { V r, i; } FN(vcpx);

static const V FN(vzero) = {0};

/* (ur + i ui)(wr + i wi), each part one product rounded, fused with the other */
#define AC_VCMUL(or_, oi_, ur, ui, wr, wi)                                      \
    do { V wr_ = VB(wr), wi_ = VB(wi), ur_ = (ur), ui_ = (ui);                    \
         (or_) = VFMA(ur_, wr_, -(ui_ * wi_));                                    \
         (oi_) = VFMA(ur_, wi_, ui_ * wr_); } while (0)

/* cmul_q8 across the lanes: the same operations */
static inline __attribute__((always_inline)) void
FN(vcmul_q8)(V ur, V ui, FN(cpx) w, V *o_r, V *o_i)
{
    const R c = AC_FFT_Q8;
    if ((w.r == c || w.r == -c) && (w.i == c || w.i == -c)) {
        const V wr = VB(w.r), wi = VB(w.i);
        const V wrl = VB(w.r > 0 ? AC_FFT_Q8L : -AC_FFT_Q8L), wil = VB(w.i > 0 ? AC_FFT_Q8L : -AC_FFT_Q8L);
        *o_r = VFMA(ur, wr, VFMA(-ui, wi, VFMA(ur, wrl, -(ui * wil))));
        *o_i = VFMA(ur, wi, VFMA(ui, wr, VFMA(ur, wil, ui * wrl)));
    } else {
        AC_VCMUL(*o_r, *o_i, ur, ui, w.r, w.i);
    }
}

static void FN(vpass2)(ac_intp ido, ac_intp l1, const FN(vcpx) *restrict cc,
                       FN(vcpx) *restrict ch, const FN(cpx) *restrict tw, int x)
{
    ac_intp sp[6];
    const int nsp = x ? FN(q8_points)(2, ido, sp) : 0;
    for (ac_intp k = 0; k < l1; k++) {
        const FN(vcpx) *c0 = cc + ido * (2 * k), *c1 = c0 + ido;
        FN(vcpx) *h0 = ch + ido * k, *h1 = ch + ido * (k + l1);
        h0[0].r = c0[0].r + c1[0].r; h0[0].i = c0[0].i + c1[0].i;
        h1[0].r = c0[0].r - c1[0].r; h1[0].i = c0[0].i - c1[0].i;
        ac_intp i = 1;
        for (int e = 0; ; e++) {
            const ac_intp end = e < nsp ? sp[e] : ido;
            for (; i < end; i++) {
                V ar = c0[i].r, ai = c0[i].i, br = c1[i].r, bi = c1[i].i;
                h0[i].r = ar + br; h0[i].i = ai + bi;
                V dr = ar - br, di = ai - bi;
                AC_VCMUL(h1[i].r, h1[i].i, dr, di, tw[i].r, tw[i].i);
            }
            if (e == nsp) break;
            V ar = c0[i].r, ai = c0[i].i, br = c1[i].r, bi = c1[i].i;
            h0[i].r = ar + br; h0[i].i = ai + bi;
            FN(vcmul_q8)(ar - br, ai - bi, tw[i], &h1[i].r, &h1[i].i);
            i++;
        }
    }
}

static inline __attribute__((always_inline)) void
FN(vpass4_body)(ac_intp ido, ac_intp l1, const FN(vcpx) *restrict cc,
                FN(vcpx) *restrict ch, const FN(cpx) *restrict tw, const R sgn, int x)
{
    const FN(cpx) *w1 = tw, *w2 = tw + ido, *w3 = tw + 2 * ido;
    ac_intp sp[6];
    const int nsp = ido == 1 || !x ? 0 : FN(q8_points)(4, ido, sp);
    for (ac_intp k = 0; k < l1; k++) {
        const FN(vcpx) *c0 = cc + ido * (4 * k), *c1 = c0 + ido, *c2 = c1 + ido, *c3 = c2 + ido;
        FN(vcpx) *h0 = ch + ido * k, *h1 = ch + ido * (k + l1), *h2 = ch + ido * (k + 2 * l1),
                 *h3 = ch + ido * (k + 3 * l1);
#define AC_FFT_VP4BF                                                                \
            V s02r = c0[i].r + c2[i].r, s02i = c0[i].i + c2[i].i;                   \
            V d02r = c0[i].r - c2[i].r, d02i = c0[i].i - c2[i].i;                   \
            V s13r = c1[i].r + c3[i].r, s13i = c1[i].i + c3[i].i;                   \
            V e13r = -sgn * (c1[i].i - c3[i].i), e13i = sgn * (c1[i].r - c3[i].r);  \
            V u0r = s02r + s13r, u0i = s02i + s13i;                                 \
            V u2r = s02r - s13r, u2i = s02i - s13i;                                 \
            V u1r = d02r + e13r, u1i = d02i + e13i;                                 \
            V u3r = d02r - e13r, u3i = d02i - e13i;                                 \
            h0[i].r = u0r; h0[i].i = u0i;
        ac_intp i = 0;
        for (int e = 0; ; e++) {
            const ac_intp end = e < nsp ? sp[e] : ido;
            for (; i < end; i++) {
                AC_FFT_VP4BF
                if (ido == 1) {
                    h1[i].r = u1r; h1[i].i = u1i;
                    h2[i].r = u2r; h2[i].i = u2i;
                    h3[i].r = u3r; h3[i].i = u3i;
                    continue;
                }
                AC_VCMUL(h1[i].r, h1[i].i, u1r, u1i, w1[i].r, w1[i].i);
                AC_VCMUL(h2[i].r, h2[i].i, u2r, u2i, w2[i].r, w2[i].i);
                AC_VCMUL(h3[i].r, h3[i].i, u3r, u3i, w3[i].r, w3[i].i);
            }
            if (e == nsp) break;
            {
                AC_FFT_VP4BF
                FN(vcmul_q8)(u1r, u1i, w1[i], &h1[i].r, &h1[i].i);
                FN(vcmul_q8)(u2r, u2i, w2[i], &h2[i].r, &h2[i].i);
                FN(vcmul_q8)(u3r, u3i, w3[i], &h3[i].r, &h3[i].i);
            }
            i++;
        }
#undef AC_FFT_VP4BF
    }
}

static void FN(vpass4)(ac_intp ido, ac_intp l1, const FN(vcpx) *restrict cc,
                       FN(vcpx) *restrict ch, const FN(cpx) *restrict tw, R sgn, int x)
{
    if (sgn < 0) FN(vpass4_body)(ido, l1, cc, ch, tw, (R)-1, x);
    else FN(vpass4_body)(ido, l1, cc, ch, tw, (R)1, x);
}

#define AC_FFT_VPUT(q, vr, vi)                                                   \
    do { FN(vcpx) *o_ = ch + ido * (k + l1 * (q)) + i;                           \
         if (ido > 1) { const FN(cpx) *w_ = tw + ((q) - 1) * ido + i;            \
                        AC_VCMUL(o_->r, o_->i, (vr), (vi), w_->r, w_->i); }      \
         else { o_->r = (vr); o_->i = (vi); } } while (0)

static void FN(vpass3)(ac_intp ido, ac_intp l1, const FN(vcpx) *restrict cc,
                       FN(vcpx) *restrict ch, const FN(cpx) *restrict tw, R sgn,
                       const R *cs, const R *sn)
{
    const R c1 = cs[1], s1 = sgn * sn[1], s1l = sgn * sn[3 + 1];   /* as pass3 */
    for (ac_intp k = 0; k < l1; k++) {
        const FN(vcpx) *c = cc + ido * (3 * k);
        for (ac_intp i = 0; i < ido; i++) {
            V x0r = c[i].r, x0i = c[i].i;
            V sr = c[ido + i].r + c[2 * ido + i].r, si = c[ido + i].i + c[2 * ido + i].i;
            V dr = c[ido + i].r - c[2 * ido + i].r, di = c[ido + i].i - c[2 * ido + i].i;
            V ar = VFMA(VB(c1), sr, x0r), ai = VFMA(VB(c1), si, x0i);
            V br = VFMA(VB(s1), dr, s1l * dr), bi = VFMA(VB(s1), di, s1l * di);
            ch[ido * k + i].r = x0r + sr; ch[ido * k + i].i = x0i + si;
            AC_FFT_VPUT(1, ar - bi, ai + br);
            AC_FFT_VPUT(2, ar + bi, ai - br);
        }
    }
}

static void FN(vpass5)(ac_intp ido, ac_intp l1, const FN(vcpx) *restrict cc,
                       FN(vcpx) *restrict ch, const FN(cpx) *restrict tw, R sgn,
                       const R *cs, const R *sn)
{
    const R c1 = cs[1], c2 = cs[2], s1 = sgn * sn[1], s2 = sgn * sn[2];
    for (ac_intp k = 0; k < l1; k++) {
        const FN(vcpx) *c = cc + ido * (5 * k);
        for (ac_intp i = 0; i < ido; i++) {
            V x0r = c[i].r, x0i = c[i].i;
            const FN(vcpx) *x1 = c + ido + i, *x2 = c + 2 * ido + i, *x3 = c + 3 * ido + i,
                           *x4 = c + 4 * ido + i;
            V s1r = x1->r + x4->r, s1i = x1->i + x4->i, d1r = x1->r - x4->r, d1i = x1->i - x4->i;
            V s2r = x2->r + x3->r, s2i = x2->i + x3->i, d2r = x2->r - x3->r, d2i = x2->i - x3->i;
            const V C1 = VB(c1), C2 = VB(c2), S1 = VB(s1), S2 = VB(s2);
            V a1r = VFMA(C2, s2r, VFMA(C1, s1r, x0r)), a1i = VFMA(C2, s2i, VFMA(C1, s1i, x0i));
            V a2r = VFMA(C1, s2r, VFMA(C2, s1r, x0r)), a2i = VFMA(C1, s2i, VFMA(C2, s1i, x0i));
            V b1r = VFMA(S1, d1r, S2 * d2r), b1i = VFMA(S1, d1i, S2 * d2i);
            V b2r = VFMA(S2, d1r, -(S1 * d2r)), b2i = VFMA(S2, d1i, -(S1 * d2i));
            ch[ido * k + i].r = x0r + s1r + s2r; ch[ido * k + i].i = x0i + s1i + s2i;
            AC_FFT_VPUT(1, a1r - b1i, a1i + b1r);
            AC_FFT_VPUT(4, a1r + b1i, a1i - b1r);
            AC_FFT_VPUT(2, a2r - b2i, a2i + b2r);
            AC_FFT_VPUT(3, a2r + b2i, a2i - b2r);
        }
    }
}
#undef AC_FFT_VPUT

/* odd radix p >= 7: the symmetric pairing of passodd, with its partial sums
 * (one running sum for p = 7, four for p >= 11) */
static inline __attribute__((always_inline)) void
FN(vpassodd)(const int p, ac_intp ido, ac_intp l1, const FN(vcpx) *restrict cc,
                         FN(vcpx) *restrict ch, const FN(cpx) *restrict tw, R sgn,
                         const R *cs, const R *sn, const int X)
{
    const int h = (p - 1) / 2;
    FN(vcpx) s[255], d[255];
    for (ac_intp k = 0; k < l1; k++) {
        const FN(vcpx) *c = cc + ido * (p * k);
        for (ac_intp i = 0; i < ido; i++) {
            V t0r = c[i].r, t0i = c[i].i;
            V ar0 = t0r, ai0 = t0i;
            for (int j = 1; j <= h; j++) {
                const FN(vcpx) *a = c + ido * j + i, *b = c + ido * (p - j) + i;
                s[j].r = a->r + b->r; s[j].i = a->i + b->i;
                d[j].r = a->r - b->r; d[j].i = a->i - b->i;
                ar0 += s[j].r; ai0 += s[j].i;
            }
            ch[ido * k + i].r = ar0; ch[ido * k + i].i = ai0;
            for (int q = 1; q <= h; q++) {
                V Ar_, Ai_, Br_, Bi_;
                int m = 0, j = 1;
                if (h < 4) {
                    Ar_ = t0r; Ai_ = t0i; Br_ = FN(vzero); Bi_ = FN(vzero);
                    for (; j <= h; j++) {
                        m += q; if (m >= p) m -= p;
                        V cm = VB(cs[m]), sm = VB(sn[m]);
                        Ar_ = VFMA(s[j].r, cm, Ar_); Ai_ = VFMA(s[j].i, cm, Ai_);
                        Br_ = VFMA(d[j].r, sm, Br_); Bi_ = VFMA(d[j].i, sm, Bi_);
                    }
                } else {
                    V a0r, a0i, a1r, a1i, a2r, a2i, a3r, a3i;
                    V b0r, b0i, b1r, b1i, b2r, b2i, b3r, b3i;
                    V lar = FN(vzero), lai = FN(vzero), lbr = FN(vzero), lbi = FN(vzero);
                    if (X) {             /* as passodd */
                        const R *sl = sn + p, *cl = sn + 2 * p;
                        int mm = 0;
                        for (int jj = 1; jj <= h; jj++) {
                            mm += q; if (mm >= p) mm -= p;
                            V clm = VB(cl[mm]), slm = VB(sl[mm]);
                            lar = VFMA(s[jj].r, clm, lar); lai = VFMA(s[jj].i, clm, lai);
                            lbr = VFMA(d[jj].r, slm, lbr); lbi = VFMA(d[jj].i, slm, lbi);
                        }
                    }
#define AC_FFT_VTERM0(U)                                                            \
                    m += q; if (m >= p) m -= p;                                     \
                    a##U##r = s[j].r * cs[m]; a##U##i = s[j].i * cs[m];             \
                    b##U##r = d[j].r * sn[m]; b##U##i = d[j].i * sn[m]; j++;
#define AC_FFT_VTERM(U)                                                             \
                    m += q; if (m >= p) m -= p;                                     \
                    { V cm = VB(cs[m]), sm = VB(sn[m]);                             \
                      a##U##r = VFMA(s[j].r, cm, a##U##r); a##U##i = VFMA(s[j].i, cm, a##U##i); \
                      b##U##r = VFMA(d[j].r, sm, b##U##r); b##U##i = VFMA(d[j].i, sm, b##U##i); } j++;
                    m += q; if (m >= p) m -= p;
                    {
                        V cm = VB(cs[m]), sm = VB(sn[m]);
                        a0r = VFMA(s[j].r, cm, lar); a0i = VFMA(s[j].i, cm, lai);
                        b0r = VFMA(d[j].r, sm, lbr); b0i = VFMA(d[j].i, sm, lbi); j++;
                    }
                    AC_FFT_VTERM0(1) AC_FFT_VTERM0(2) AC_FFT_VTERM0(3)
                    for (; j + 3 <= h; ) {
                        AC_FFT_VTERM(0) AC_FFT_VTERM(1) AC_FFT_VTERM(2) AC_FFT_VTERM(3)
                    }
                    if (j <= h) { AC_FFT_VTERM(0) }
                    if (j <= h) { AC_FFT_VTERM(1) }
                    if (j <= h) { AC_FFT_VTERM(2) }
#undef AC_FFT_VTERM0
#undef AC_FFT_VTERM
                    Ar_ = t0r + ((a0r + a2r) + (a1r + a3r));
                    Ai_ = t0i + ((a0i + a2i) + (a1i + a3i));
                    Br_ = (b0r + b2r) + (b1r + b3r);
                    Bi_ = (b0i + b2i) + (b1i + b3i);
                }
                V uqr = Ar_ - sgn * Bi_, uqi = Ai_ + sgn * Br_;
                V upr = Ar_ + sgn * Bi_, upi = Ai_ - sgn * Br_;
                FN(vcpx) *hq = ch + ido * (k + l1 * q) + i, *hp = ch + ido * (k + l1 * (p - q)) + i;
                if (ido == 1) {
                    hq->r = uqr; hq->i = uqi; hp->r = upr; hp->i = upi;
                    continue;
                }
                const FN(cpx) *wq = tw + (q - 1) * ido + i, *wp = tw + (p - q - 1) * ido + i;
                AC_VCMUL(hq->r, hq->i, uqr, uqi, wq->r, wq->i);
                AC_VCMUL(hp->r, hp->i, upr, upi, wp->r, wp->i);
            }
        }
    }
}

/* a complex plan on VL lanes: a -> result (a or w, returned); w: n
 * elements of scratch, 2m for a Bluestein plan (vexec_work).  Bluestein:
 * the same products, sums and sub-transforms in the same order as
 * cplan_exec's, each lane's (so a lane gives the same bits alone and in a
 * batch), the chirp and kernel values broadcast across the lanes. */
static ac_intp FN(vexec_work)(const FN(cplan) *p)
{
    return p->m ? 2 * p->m : p->n;
}

static FN(vcpx) *FN(vexec)(const FN(cplan) *p, int sign, FN(vcpx) *a, FN(vcpx) *w)
{
    ac_intp n = p->n;
    if (p->m) {
        ac_intp m = p->m;
        FN(vcpx) *b = w, *w2 = w + m;
        const FN(cpx) *ch = p->chirp, *bk = p->bk;
        const R cj = sign < 0 ? 1 : -1;
        for (ac_intp k = 0; k < n; k++) {
            V xr = a[k].r, xi = cj * a[k].i, cr = VB(ch[k].r), ci = VB(ch[k].i);
            b[k].r = xr * cr - xi * ci;
            b[k].i = xr * ci + xi * cr;
        }
        for (ac_intp k = n; k < m; k++) { b[k].r = FN(vzero); b[k].i = FN(vzero); }
        FN(vcpx) *r = FN(vexec)(p->sub, -1, b, w2);
        for (ac_intp k = 0; k < m; k++) {
            V xr = r[k].r, xi = r[k].i, br = VB(bk[k].r), bi = VB(bk[k].i);
            V yr = xr * br - xi * bi, yi = xr * bi + xi * br;
            r[k].r = yr; r[k].i = -yi;
        }
        FN(vcpx) *o = (r == b) ? w2 : b;
        FN(vcpx) *q = FN(vexec)(p->sub, -1, r, o);
        for (ac_intp k = 0; k < n; k++) {
            V xr = q[k].r, xi = -q[k].i, cr = VB(ch[k].r), ci = VB(ch[k].i);
            V yr = xr * cr - xi * ci, yi = xr * ci + xi * cr;
            a[k].r = yr; a[k].i = cj * yi;
        }
        return a;
    }
    if (n == 1) return a;
    R sgn = (R)sign;
    int dir = sign < 0 ? 0 : 1;
    FN(vcpx) *cc = a, *chh = w;
    ac_intp l1 = 1;
    for (int s = 0; s < p->nfct; s++) {
        ac_intp f = p->fct[s], ido = n / (l1 * f);
        const FN(cpx) *tw = p->tw[dir][s];
        switch (f) {
        case 2: FN(vpass2)(ido, l1, cc, chh, tw, p->xodd); break;
        case 4: FN(vpass4)(ido, l1, cc, chh, tw, sgn, p->xodd); break;
        case 3: FN(vpass3)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        case 5: FN(vpass5)(ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s]); break;
        default:
            if (p->xodd) FN(vpassodd)((int)f, ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s], 1);
            else FN(vpassodd)((int)f, ido, l1, cc, chh, tw, sgn, p->rc[s], p->rs[s], 0);
            break;
        }
        FN(vcpx) *t = cc; cc = chh; chh = t;
        l1 *= f;
    }
    return cc;
}

/* the longest lanes taken VL at a time: contiguous ones up to 4096 (beyond,
 * the VL-lane buffers leave the L2 cache and lane by lane in place is faster:
 * complex 128x8192 and 64x16384 measured 1.1-1.7x NumPy's time across the
 * batch at AVX-512, 0.8-1.0 lane by lane), strided ones up to 65536 (lane by
 * lane they would be gathered one at a time: 1.2-1.8x NumPy's time measured
 * for axis 0 of 8192x64 and 16384x32 arrays, 0.8-1.0 across the batch) */
#define AC_FFT_VEC_MAXN 4096
#define AC_FFT_VEC_MAXN_STRIDED 65536

/* the scale of one vector: times fct, or divided by dv (= 1/fct, an
 * integer): y = x fct, corrected by the exact residual x - y dv (one FMA):
 * the correctly rounded quotient (Markstein's correction of a product by a
 * correctly rounded reciprocal), at a multiply's cost, not a division's */
static inline V FN(vsc)(V x, int divide, R dv, R fct)
{
    V f = VB(fct);
    if (divide == 2) return VFMA(x, f, x * VB(dv));   /* times fct + dv (sdiv) */
    V y = x * f;
    if (!divide) return y;
    return VFMA(VFMA(-y, VB(dv), x), f, y);
}

static void FN(vscale)(FN(vcpx) *a, ac_intp cnt, int divide, R dv, R fct)
{
    for (ac_intp k = 0; k < cnt; k++) {
        a[k].r = FN(vsc)(a[k].r, divide, dv, fct);
        a[k].i = FN(vsc)(a[k].i, divide, dv, fct);
    }
}

/* can the lanes of this job go VL at a time?  the complex plan they run no
 * longer than the limit above; a Bluestein plan when its convolution length
 * is within the contiguous limit (either axis: its buffers, 2m + n, are
 * what must stay in cache) */
static int FN(vec_ok)(int kind, const void *plan, int strided)
{
    const FN(cplan) *cp = kind == AC_FFT_C2C ? plan : ((const FN(rplan) *)plan)->cp;
    if (cp->m) return cp->m <= AC_FFT_VEC_MAXN;
    return cp->n >= 2 &&
           cp->n <= (strided ? AC_FFT_VEC_MAXN_STRIDED : AC_FFT_VEC_MAXN);
}

/* the plan's scratch in vec_lanes (w there) */
static ac_intp FN(vec_wsz)(int kind, const void *plan, ac_intp n)
{
    const FN(cplan) *cp = kind == AC_FFT_C2C ? plan : ((const FN(rplan) *)plan)->cp;
    ac_intp ws = FN(vexec_work)(cp);
    return ws > n + 2 ? ws : n + 2;
}

/* elements of FN(vcpx) vec_lanes needs: the data (n + 2), the plan's
 * scratch, the C2R merge's (n + 2) */
static ac_intp FN(vec_work)(int kind, const void *plan, ac_intp n)
{
    return 2 * (n + 2) + FN(vec_wsz)(kind, plan, n);
}

/* element (k, lane l) of a vcpx array seen as R's (the build has
 * -fno-strict-aliasing) */
#define AC_VRE(a, k, l) (((R *)(a))[2 * VL * (k) + (l)])
#define AC_VIM(a, k, l) (((R *)(a))[2 * VL * (k) + VL + (l)])

/* Contiguous complex lanes in tiles: VL/2 elements (VL R's, one vector) of
 * each of the VL lanes <-> VL/2 elements across the lanes (VL vectors: the
 * real parts of element c across the lanes, then its imaginary parts), one
 * VL x VL transpose of R's in registers (VTR, ac_fft.c): vector loads and
 * stores in place of an element-by-element gather and scatter, which took
 * as long as the transform itself for 256 lanes of 4096 points. */
static inline __attribute__((always_inline)) void
FN(vtile_in)(const R *const *rows, ac_intp k, FN(vcpx) *dst)
{
    V v[VL];
    for (int l = 0; l < VL; l++) memcpy(&v[l], rows[l] + 2 * k, sizeof(V));
    VTR(v);
    for (int c = 0; c < VL; c++) ((V *)dst)[c] = v[c];
}

static inline __attribute__((always_inline)) void
FN(vtile_out)(const FN(vcpx) *src, R *const *rows, ac_intp k)
{
    V v[VL];
    for (int c = 0; c < VL; c++) v[c] = ((const V *)src)[c];
    VTR(v);
    for (int l = 0; l < VL; l++) memcpy(rows[l] + 2 * k, &v[l], sizeof(V));
}

/* VL lanes of the job: inputs at in + ioff[l], outputs at out + ooff[l];
 * buf: vec_work(kind, plan, n) aligned elements.  divide/dv/fct: the scale, as in
 * run_lanes (scale = 0: none). */
static void FN(vec_lanes)(const ac_fft_job *j, const void *plan, const ac_intp *ioff,
                          const ac_intp *ooff, FN(vcpx) *buf, int scale, int divide,
                          R dv, R fct)
{
    const ac_intp n = j->n, iax = j->iax, oax = j->oax;
    const int kind = j->kind;
    ac_intp need = kind == AC_FFT_C2R ? n / 2 + 1 : n;
    ac_intp cnt = j->nin < need ? j->nin : need;
    FN(vcpx) *a = buf, *w = buf + (n + 2), *z = w + FN(vec_wsz)(kind, plan, n);
    if (kind == AC_FFT_C2C) {
        const FN(cplan) *cp = plan;
        ac_intp k = 0;
        if (iax == (ac_intp)sizeof(FN(cpx))) {
            const R *rows[VL];
            for (int l = 0; l < VL; l++) rows[l] = (const R *)(j->in + ioff[l]);
            for (; k + VL / 2 <= cnt; k += VL / 2) FN(vtile_in)(rows, k, a + k);
        }
        for (; k < cnt; k++)
            for (int l = 0; l < VL; l++) {
                const FN(cpx) *s = (const FN(cpx) *)(j->in + ioff[l] + k * iax);
                AC_VRE(a, k, l) = s->r; AC_VIM(a, k, l) = s->i;
            }
        for (k = cnt; k < n; k++) { a[k].r = FN(vzero); a[k].i = FN(vzero); }
        FN(vcpx) *r = FN(vexec)(cp, j->forward ? -1 : 1, a, w);
        if (scale) FN(vscale)(r, n, divide, dv, fct);
        k = 0;
        if (oax == (ac_intp)sizeof(FN(cpx))) {
            R *rows[VL];
            for (int l = 0; l < VL; l++) rows[l] = (R *)(j->out + ooff[l]);
            for (; k + VL / 2 <= n; k += VL / 2) FN(vtile_out)(r + k, rows, k);
        }
        for (; k < n; k++)
            for (int l = 0; l < VL; l++) {
                FN(cpx) *d = (FN(cpx) *)(j->out + ooff[l] + k * oax);
                d->r = AC_VRE(r, k, l); d->i = AC_VIM(r, k, l);
            }
        return;
    }
    const FN(rplan) *rp = plan;
    if (kind == AC_FFT_R2C) {
        if (rp->half) {
            ac_intp h = n / 2;
            /* x_{2k} + i x_{2k+1} (contiguous rows: the pairs in tiles) */
            ac_intp i = 0;
            if (iax == (ac_intp)sizeof(R)) {
                const R *rows[VL];
                for (int l = 0; l < VL; l++) rows[l] = (const R *)(j->in + ioff[l]);
                for (; 2 * i + VL <= cnt; i += VL / 2) FN(vtile_in)(rows, i, a + i);
                i *= 2;
            }
            for (; i < n; i++)
                for (int l = 0; l < VL; l++) {
                    R v = i < cnt ? *(const R *)(j->in + ioff[l] + i * iax) : 0;
                    if (i % 2 == 0) AC_VRE(a, i / 2, l) = v; else AC_VIM(a, i / 2, l) = v;
                }
            FN(vcpx) *zz = FN(vexec)(rp->cp, -1, a, w);
            const FN(cpx) *t = rp->rtw;
            /* the split of rsplit_inplace, written straight to the lanes
             * (the lanes' bases held in registers: the unrolled lane loops
             * would reload them after every store otherwise, the build
             * having no strict aliasing) */
            char *ob[VL];
#pragma GCC unroll 16
            for (int l = 0; l < VL; l++) ob[l] = j->out + ooff[l];
            {
                V x0 = zz[0].r + zz[0].i, xh = zz[0].r - zz[0].i;
                if (scale) { x0 = FN(vsc)(x0, divide, dv, fct); xh = FN(vsc)(xh, divide, dv, fct); }
                for (int l = 0; l < VL; l++) {
                    FN(cpx) *d0 = (FN(cpx) *)(j->out + ooff[l]);
                    FN(cpx) *dh = (FN(cpx) *)(j->out + ooff[l] + h * oax);
                    d0->r = x0[l]; d0->i = 0;
                    dh->r = xh[l]; dh->i = 0;
                }
            }
            for (ac_intp k = 1; k <= h - k; k++) {
                ac_intp m = h - k;
                V ar = zz[k].r, ai = zz[k].i, br = zz[m].r, bi = -zz[m].i;
                V er = (R)0.5 * (ar + br), ei = (R)0.5 * (ai + bi);
                V dr = (R)0.5 * (ar - br), di = (R)0.5 * (ai - bi);
                V tr = VB(t[k].r), ti = VB(t[k].i);
                V ur = VFMA(tr, di, ti * dr), ui = VFMA(ti, di, -(tr * dr));
                FN(vcpx) xk, xm;
                xk.r = er + ur; xk.i = ei + ui;
                xm.r = er - ur; xm.i = ui - ei;
                if (scale) {
                    xk.r = FN(vsc)(xk.r, divide, dv, fct); xk.i = FN(vsc)(xk.i, divide, dv, fct);
                    xm.r = FN(vsc)(xm.r, divide, dv, fct); xm.i = FN(vsc)(xm.i, divide, dv, fct);
                }
                const ac_intp ko = k * oax, mo = m * oax;
#pragma GCC unroll 16
                for (int l = 0; l < VL; l++) {
                    FN(cpx) *dk = (FN(cpx) *)(ob[l] + ko);
                    FN(cpx) *dm = (FN(cpx) *)(ob[l] + mo);
                    dk->r = xk.r[l]; dk->i = xk.i[l];
                    dm->r = xm.r[l]; dm->i = xm.i[l];
                }
            }
            return;
        }
        for (ac_intp k = 0; k < n; k++)
            for (int l = 0; l < VL; l++) {
                AC_VRE(a, k, l) = k < cnt ? *(const R *)(j->in + ioff[l] + k * iax) : 0;
                AC_VIM(a, k, l) = 0;
            }
        FN(vcpx) *r = FN(vexec)(rp->cp, -1, a, w);
        if (scale) FN(vscale)(r, n / 2 + 1, divide, dv, fct);
        for (ac_intp k = 0; k <= n / 2; k++)
            for (int l = 0; l < VL; l++) {
                FN(cpx) *d = (FN(cpx) *)(j->out + ooff[l] + k * oax);
                d->r = AC_VRE(r, k, l); d->i = AC_VIM(r, k, l);
            }
        return;
    }
    /* C2R: the n/2 + 1 bins (imaginary parts of X_0 and X_{n/2} ignored) */
    ac_intp hb = n / 2, k0 = 0;
    if (iax == (ac_intp)sizeof(FN(cpx))) {
        const R *rows[VL];
        for (int l = 0; l < VL; l++) rows[l] = (const R *)(j->in + ioff[l]);
        for (; k0 + VL / 2 <= cnt && k0 + VL / 2 <= hb + 1; k0 += VL / 2)
            FN(vtile_in)(rows, k0, a + k0);
    }
    for (ac_intp k = k0; k <= hb; k++)
        for (int l = 0; l < VL; l++) {
            if (k < cnt) {
                const FN(cpx) *s = (const FN(cpx) *)(j->in + ioff[l] + k * iax);
                AC_VRE(a, k, l) = s->r; AC_VIM(a, k, l) = s->i;
            } else {
                AC_VRE(a, k, l) = 0; AC_VIM(a, k, l) = 0;
            }
        }
    a[0].i = FN(vzero);
    if (n % 2 == 0) a[hb].i = FN(vzero);
    if (rp->half) {
        const FN(cpx) *t = rp->rtw;
        /* rmerge into z */
        z[0].r = a[0].r + a[hb].r; z[0].i = a[0].r - a[hb].r;
        for (ac_intp k = 1; k <= hb - k; k++) {
            ac_intp m = hb - k;
            V ar = a[k].r, ai = a[k].i, br = a[m].r, bi = -a[m].i;
            V sr = ar + br, si = ai + bi, dr = ar - br, di = ai - bi;
            V er, ei;
            AC_VCMUL(er, ei, dr, di, t[k].r, -t[k].i);
            z[k].r = sr - ei; z[k].i = si + er;
            z[m].r = sr + ei; z[m].i = er - si;
        }
        FN(vcpx) *r = FN(vexec)(rp->cp, 1, z, w);
        if (scale) FN(vscale)(r, hb, divide, dv, fct);
        ac_intp k = 0;
        if (oax == (ac_intp)sizeof(R)) {
            R *rows[VL];
            for (int l = 0; l < VL; l++) rows[l] = (R *)(j->out + ooff[l]);
            for (; k + VL / 2 <= hb; k += VL / 2) FN(vtile_out)(r + k, rows, k);
        }
        for (; k < hb; k++)
            for (int l = 0; l < VL; l++) {
                *(R *)(j->out + ooff[l] + (2 * k) * oax) = AC_VRE(r, k, l);
                *(R *)(j->out + ooff[l] + (2 * k + 1) * oax) = AC_VIM(r, k, l);
            }
        return;
    }
    for (ac_intp k = 1; k <= hb; k++) { a[n - k].r = a[k].r; a[n - k].i = -a[k].i; }
    FN(vcpx) *r = FN(vexec)(rp->cp, 1, a, w);
    if (scale) FN(vscale)(r, n, divide, dv, fct);
    for (ac_intp k = 0; k < n; k++)
        for (int l = 0; l < VL; l++)
            *(R *)(j->out + ooff[l] + k * oax) = AC_VRE(r, k, l);
}
/* C2C lanes on a strided axis, G groups of VL at once (lanes gathered in
 * blocks): for each point k the G*VL lanes' elements are read together
 * (adjacent lanes, as the columns of axis 0 of a C array, are one contiguous
 * run of G*VL elements: whole cache lines, and each line of the array is
 * read once, where a group at a time reads a fraction of a line per row and
 * thrashes the cache sets when the row stride is a power of two); then each
 * group is transformed and the block scattered likewise.  buf: 2 G (n + 2)
 * aligned elements. */
static void FN(vec_block_c2c)(const ac_fft_job *j, const FN(cplan) *cp, const ac_intp *ioff,
                              const ac_intp *ooff, ac_intp G, FN(vcpx) *buf, int scale,
                              int divide, R dv, R fct)
{
    const ac_intp n = j->n, iax = j->iax, oax = j->oax, st = n + 2;
    ac_intp cnt = j->nin < n ? j->nin : n;
    FN(vcpx) *res[64];
    for (ac_intp k = 0; k < cnt; k++)
        for (ac_intp g = 0; g < G; g++) {
            FN(vcpx) *a = buf + 2 * g * st;
            for (int l = 0; l < VL; l++) {
                const FN(cpx) *s = (const FN(cpx) *)(j->in + ioff[g * VL + l] + k * iax);
                AC_VRE(a, k, l) = s->r; AC_VIM(a, k, l) = s->i;
            }
        }
    for (ac_intp g = 0; g < G; g++) {
        FN(vcpx) *a = buf + 2 * g * st;
        for (ac_intp k = cnt; k < n; k++) { a[k].r = FN(vzero); a[k].i = FN(vzero); }
        res[g] = FN(vexec)(cp, j->forward ? -1 : 1, a, a + st);
        if (scale) FN(vscale)(res[g], n, divide, dv, fct);
    }
    for (ac_intp k = 0; k < n; k++)
        for (ac_intp g = 0; g < G; g++)
            for (int l = 0; l < VL; l++) {
                FN(cpx) *d = (FN(cpx) *)(j->out + ooff[g * VL + l] + k * oax);
                d->r = AC_VRE(res[g], k, l); d->i = AC_VIM(res[g], k, l);
            }
}
/* R2C/C2R lanes on a strided axis, nv (a multiple of VL, <= 64) at once:
 * the strided side copied point by point across the lanes (adjacent lanes,
 * as the columns of axis 0 of a C array, are one run: whole cache lines)
 * to or from lane-contiguous rows in rbuf (nv * (n + 2) complex elements:
 * the input's rows, then the output's), and vec_lanes run on those rows, VL
 * lanes at a time: pure data movement around the same kernels, so the same
 * bits.  (Lane group by lane group, each group read a fraction of a line per
 * point, thrashing the cache sets on power-of-two strides: irfft along axis
 * 0 of 1024 x 1024 measured 3.5x its time along axis 1.) */
static void FN(vec_block_real)(const ac_fft_job *j, const void *plan, const ac_intp *ioff,
                               const ac_intp *ooff, ac_intp nv, FN(vcpx) *vbuf, char *rbuf,
                               int scale, int divide, R dv, R fct)
{
    const ac_intp n = j->n;
    const int kind = j->kind;
    const ac_intp need = kind == AC_FFT_C2R ? n / 2 + 1 : n;
    const ac_intp cnt = j->nin < need ? j->nin : need;
    const ac_intp nout = kind == AC_FFT_R2C ? n / 2 + 1 : n;
    const ac_intp iesz = kind == AC_FFT_R2C ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx));
    const ac_intp oesz = kind == AC_FFT_C2R ? (ac_intp)sizeof(R) : (ac_intp)sizeof(FN(cpx));
    /* each copy's row: (n + 2) / 2 complex elements hold n + 2 >= n / 2 + 1
     * complex or n + 2 >= n reals */
    const ac_intp row = (n + 2) / 2 * (ac_intp)sizeof(FN(cpx));
    char *tin = rbuf, *tout = rbuf + nv * row;
    ac_intp lio[64], loo[64];
    ac_fft_job jj = *j;
    const int cin = j->iax != iesz, cout = j->oax != oesz;
    for (ac_intp b = 0; b < nv; b++) {
        lio[b] = cin ? b * row : ioff[b];
        loo[b] = cout ? b * row : ooff[b];
    }
    if (cin) {
        const ac_intp iax = j->iax;
        for (ac_intp k = 0; k < cnt; k++) {
            const char *src = j->in + k * iax;
            if (iesz == (ac_intp)sizeof(R))
                for (ac_intp b = 0; b < nv; b++)
                    ((R *)(tin + b * row))[k] = *(const R *)(src + ioff[b]);
            else
                for (ac_intp b = 0; b < nv; b++)
                    ((FN(cpx) *)(tin + b * row))[k] = *(const FN(cpx) *)(src + ioff[b]);
        }
        jj.in = tin; jj.iax = iesz; jj.nin = cnt;
    }
    if (cout) { jj.out = tout; jj.oax = oesz; }
    for (ac_intp b = 0; b < nv; b += VL)
        FN(vec_lanes)(&jj, plan, lio + b, loo + b, vbuf, scale, divide, dv, fct);
    if (cout) {
        const ac_intp oax = j->oax;
        for (ac_intp k = 0; k < nout; k++) {
            char *dst = j->out + k * oax;
            if (oesz == (ac_intp)sizeof(R))
                for (ac_intp b = 0; b < nv; b++)
                    *(R *)(dst + ooff[b]) = ((const R *)(tout + b * row))[k];
            else
                for (ac_intp b = 0; b < nv; b++)
                    *(FN(cpx) *)(dst + ooff[b]) = ((const FN(cpx) *)(tout + b * row))[k];
        }
    }
}
#undef AC_VRE
#undef AC_VIM
