#!/usr/bin/env python
"""Print the polynomial coefficients of arraycore/src/ac_vmath.c (float64).

exp: exp(r) = 1 + r + r**2 * G(r) for |r| <= ln2/2, G of degree 9
     interpolating (exp(r) - 1 - r)/r**2 at the 10 Chebyshev nodes.
log: log(1 + f) = f - f*f/2 + s*(f*f/2 + R(z)), s = f/(2 + f), z = s*s,
     R(z) = 2z/3 + 2z**2/5 + ... = z*Q(z) for z in [0, zmax], zmax =
     ((sqrt2 - 1)/(sqrt2 + 1))**2, Q of degree 6 interpolating R(z)/z at the 7
     Chebyshev nodes.
Interpolation at Chebyshev nodes is a near-minimax fit; it is done in exact
rational arithmetic from 60-digit function values and rounded to double once.
Not run by the build: the constants are checked in; rerun to verify them.
"""
import math
from decimal import Decimal as D, getcontext
from fractions import Fraction as Fr

getcontext().prec = 60
SMAX = (D(2).sqrt() - 1) / (D(2).sqrt() + 1)
ZMAX = SMAX * SMAX * D("1.0001")


def q(z):
    """R(z)/z = sum_{j>=1} 2 z**(j-1) / (2j + 1), to 45 digits."""
    s, t, j = D(0), D(1), 1
    while True:
        term = 2 * t / (2 * j + 1)
        if term < D(10) ** -45:
            return s
        s += term
        t *= z
        j += 1


def g(r):
    """(exp(r) - 1 - r)/r**2 = sum_{n>=2} r**(n-2)/n!, to 45 digits."""
    s, t, n, f = D(0), D(1), 2, D(2)
    while True:
        term = t / f
        if abs(term) < D(10) ** -45:
            return s
        s += term
        t *= r
        n += 1
        f *= n


def fit(func, lo, hi, deg):
    """Coefficients (constant first) of the polynomial of degree deg that
    interpolates func at the Chebyshev nodes of [lo, hi]."""
    mid, half = (Fr(lo) + Fr(hi)) / 2, (Fr(hi) - Fr(lo)) / 2
    nodes = [mid + half * Fr(math.cos((2 * k + 1) * math.pi / (2 * deg + 2)))
             for k in range(deg + 1)]
    vals = [Fr(func(D(n.numerator) / D(n.denominator))) for n in nodes]
    n = len(nodes)
    coef = list(vals)                       # Newton divided differences
    for j in range(1, n):
        for i in range(n - 1, j - 1, -1):
            coef[i] = (coef[i] - coef[i - 1]) / (nodes[i] - nodes[i - j])
    poly = [Fr(0)] * n                      # expand the Newton form
    for i in range(n - 1, -1, -1):
        new = [Fr(0)] * n
        for k in range(n - 1):
            new[k + 1] += poly[k]
        for k in range(n):
            new[k] -= nodes[i] * poly[k]
        new[0] += coef[i]
        poly = new
    return [float(c) for c in poly]


def max_rel_error(func, c, lo, hi, points=400):
    worst = D(0)
    for i in range(points + 1):
        x = lo + (hi - lo) * (i + D("0.001")) / (points + D("0.002"))
        approx = D(0)
        for ci in reversed(c):
            approx = approx * x + D(ci)
        worst = max(worst, abs(approx / func(x) - 1))
    return worst


if __name__ == "__main__":
    half_ln2 = D(2).ln() / 2 * D("1.0001")
    c = fit(g, -half_ln2, half_ln2, 9)
    for k, ci in enumerate(c):
        print(f"#define G{k} {ci.hex()}")
    print(f"/* max relative error of G: {float(max_rel_error(g, c, -half_ln2, half_ln2)):.2e} */")
    c = fit(q, D(0), ZMAX, 6)
    for k, ci in enumerate(c):
        print(f"#define Q{k}  {ci.hex()}")
    print(f"/* max relative error of Q: {float(max_rel_error(q, c, D(0), ZMAX)):.2e} */")
