#!/usr/bin/env python
"""Print the coefficients Q0..Q6 of arraycore/src/ac_vmath.c (float64 log).

log(1 + f) = f - f*f/2 + s*(f*f/2 + R(z)), s = f/(2 + f), z = s*s, with
R(z) = 2z/3 + 2z**2/5 + 2z**3/7 + ... for z in [0, zmax], zmax =
((sqrt2 - 1)/(sqrt2 + 1))**2.  R(z) = z*Q(z): Q of degree 6 interpolates
R(z)/z at the 7 Chebyshev nodes of [0, zmax] (a near-minimax fit), computed
in exact rational arithmetic from 60-digit values and rounded to double once.
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


def fit(deg):
    nodes = [Fr(ZMAX) * Fr(1 + math.cos((2 * k + 1) * math.pi / (2 * deg + 2))) / 2
             for k in range(deg + 1)]
    vals = [Fr(q(D(n.numerator) / D(n.denominator))) for n in nodes]
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


def max_rel_error(c, points=400):
    worst = D(0)
    for i in range(points + 1):
        z = ZMAX * (i + D("0.001")) / points
        approx = sum(D(ci) * z ** k for k, ci in enumerate(c))
        worst = max(worst, abs(approx / q(z) - 1))
    return worst


if __name__ == "__main__":
    c = fit(6)
    for k, ci in enumerate(c):
        print(f"#define Q{k}  {ci.hex()}")
    print(f"/* max relative error of Q: {float(max_rel_error(c)):.2e} */")
