"""tools/gen_ziggurat.py -- generate the 256-strip ziggurat tables of arraycore.random.

Writes ac_random_zig.h (build directory): the strip tables of the normal and
exponential ziggurats (Marsaglia & Tsang, "The Ziggurat Method for Generating
Random Variables", J. Stat. Softw. 5, 2000) in the 256-strip layout of NumPy's
Generator, for float64 (52-bit draws for the normal, 53-bit for the
exponential) and float32 (23-bit draws).

x[255] = r is where the tail starts, x[0] = 0 the top; every strip has the
area v of the base strip (the rectangle under f(r) plus the tail).  Walking
down from r:  x[i-1] = f^-1(f(x[i]) + v / x[i]).  Then
    k[i] = round(x[i-1] / x[i] * 2**bits)   (k[0] = round(r f(r) / v * 2**bits))
    w[i] = x[i] / 2**bits                   (w[0] = v / f(r) / 2**bits)
    f[i] = f(x[i])
The normal's recurrence runs in double precision (each operation rounded once,
exp and log correctly rounded, so no libm matters) with v = 0.0049286732339746519;
the exponential's with 50-digit decimals and its exact v = (r + 1) exp(-r).
The float32 exponential tables w and f are the double ones written with 9
significant digits and that decimal rounded to float32 (as a C compiler reads
a 9-digit float literal): rounding the double directly differs in 4 entries.
These choices are the ones whose tables reproduce NumPy's streams
(tests/test_random_streams.py checks them draw by draw).
One entry is rounded by hand: f[38] = exp(-0.5 * x[38] * x[38]) is a near
tie (the exact value lies 0.498 ulp above the double below it), and NumPy's
table holds the double above, where a correctly rounded exp (glibc's too)
gives the double below.  NumPy's recursion carried that value into x[37] and
every strip above it, so the streams of the top 37 strips depend on it.
Nothing else reproduces it (long-double or 50-digit recursions, an
fdlibm-style exp, other evaluation orders, nearby v and r were all tried), so
NOR_F38_UP names the exception and rounds that one entry up, in the table and
in the recursion.  With it, every x, k, w and f entry gives NumPy's streams
draw by draw (tests/test_random_streams.py).
Usage: python gen_ziggurat.py OUTPUT
"""
import decimal
import fractions
import math
import struct
import sys

NOR_R = 3.6541528853610087963519472518
NOR_V = 0.0049286732339746519
EXP_R = "7.6971174701310497140446280481"
# the one entry rounded up instead of to nearest (see above)
NOR_F38_UP = 38


def f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def f32_bits(x):
    return struct.unpack('<I', struct.pack('<f', x))[0]


def f32_of_bits(b):
    return struct.unpack('<f', struct.pack('<I', b))[0]


def f32_from_decimal(text):
    """the float32 nearest to the decimal `text` (ties to even), exactly"""
    q = fractions.Fraction(text)
    c = f32(float(q))
    best = None
    for b in (f32_bits(c) - 1, f32_bits(c), f32_bits(c) + 1):
        cand = f32_of_bits(b)
        key = (abs(fractions.Fraction(cand) - q), b & 1)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1]


def f32_9digits(x):
    """x written with 9 significant digits, read back as a float32"""
    return f32_from_decimal('%.8e' % x)


def cr_exp(t):
    """exp(t) correctly rounded to double (40-digit decimal, then the nearest
    double): the same on every platform, whatever its libm"""
    with decimal.localcontext() as ctx:
        ctx.prec = 40
        return float(decimal.Decimal(t).exp())


def cr_log(t):
    """log(t) correctly rounded to double (as cr_exp)"""
    with decimal.localcontext() as ctx:
        ctx.prec = 40
        return float(decimal.Decimal(t).ln())


def normal_pdf(t):
    return cr_exp(-0.5 * t * t)


def normal_f(x, i):
    """f[i] = f(x[i]), correctly rounded except the entry NOR_F38_UP"""
    f = normal_pdf(x[i])
    return math.nextafter(f, math.inf) if i == NOR_F38_UP else f


def normal_x():
    """x[0..255]: the recursion in double precision, each operation rounded
    once (IEEE division, addition, sqrt; correctly rounded exp and log)"""
    x = [0.0] * 256
    x[255] = NOR_R
    for i in range(255, 1, -1):
        x[i - 1] = math.sqrt(-2.0 * cr_log(normal_f(x, i) + NOR_V / x[i]))
    return x


def normal_tables(bits):
    x = normal_x()
    scale = float(2 ** bits)
    k = [0] + [int(round(x[i - 1] / x[i] * scale)) for i in range(1, 256)]
    k[0] = int(round(x[255] * normal_pdf(x[255]) / NOR_V * scale))
    w = [t / scale for t in x]
    w[0] = NOR_V / normal_pdf(x[255]) / scale
    f = [normal_f(x, i) for i in range(256)]
    return k, w, f


def exp_tables(bits):
    D = decimal.Decimal
    with decimal.localcontext() as ctx:
        ctx.prec = 50
        r = D(EXP_R)
        v = (r + 1) * (-r).exp()
        x = [D(0)] * 256
        x[255] = r
        for i in range(255, 1, -1):
            x[i - 1] = -((-x[i]).exp() + v / x[i]).ln()
        scale = D(2) ** bits
        k = [0] + [int((x[i - 1] / x[i] * scale).to_integral_value(decimal.ROUND_HALF_EVEN))
                   for i in range(1, 256)]
        k[0] = int((r * (-r).exp() / v * scale).to_integral_value(decimal.ROUND_HALF_EVEN))
        w = [float(t / scale) for t in x]
        w[0] = float(v / (-r).exp() / scale)
        f = [float((-t).exp()) for t in x]
    return k, w, f


def emit(out, name, ctype, values, fmt):
    out.append('static const %s %s[256] = {' % (ctype, name))
    for i in range(0, 256, 4):
        out.append('    ' + ', '.join(fmt(v) for v in values[i:i + 4]) + ',')
    out.append('};')


def main():
    out = ['/* ac_random_zig.h -- generated by tools/gen_ziggurat.py: do not edit. */',
           '#include <stdint.h>']
    u64 = lambda v: '0x%016xULL' % v
    u32 = lambda v: '0x%08xU' % v
    dbl = lambda v: float.hex(v)
    flt = lambda v: float.hex(f32(v)) + 'f'
    flt9 = lambda v: float.hex(f32_9digits(v)) + 'f'
    for tag, fn, bits in (('nor', normal_tables, 52), ('exp', exp_tables, 53)):
        k, w, f = fn(bits)
        emit(out, 'ac_zig_k%s' % tag, 'uint64_t', k, u64)
        emit(out, 'ac_zig_w%s' % tag, 'double', w, dbl)
        emit(out, 'ac_zig_f%s' % tag, 'double', f, dbl)
        k, w, f = fn(23)
        emit(out, 'ac_zig_k%s_f' % tag, 'uint32_t', k, u32)
        emit(out, 'ac_zig_w%s_f' % tag, 'float', w, flt9 if tag == 'exp' else flt)
        emit(out, 'ac_zig_f%s_f' % tag, 'float', f, flt9 if tag == 'exp' else flt)
    with open(sys.argv[1], 'w') as fh:
        fh.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
