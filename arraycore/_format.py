"""repr() and str() of arrays, in NumPy's style.

Floats print in positional notation with the shortest digits that identify
them (at most 8 fractional digits), switching to scientific notation for very
large, very small or widely spread magnitudes; arrays over 1000 elements are
summarised with '...'; lines wrap at 75 characters.
"""
import math
import struct
from decimal import Decimal

THRESHOLD = 1000
EDGEITEMS = 3
LINEWIDTH = 75
PRECISION = 8
_DEFAULT_DTYPES = ("float64", "int64", "bool", "complex128")


def _shortest(x, fmtchar):
    """Shortest decimal string that round-trips x at the given float width."""
    if fmtchar == "d":
        return repr(float(x))
    packed = struct.pack(fmtchar, x)
    for k in range(1, 18):
        s = "%.*g" % (k, x)
        try:
            if struct.pack(fmtchar, float(s)) == packed:
                return s
        except OverflowError:
            # a short rounding of a value near the type's maximum (65504 in
            # float16 -> 7e+04) does not fit the type: take more digits
            continue
    return repr(float(x))


def _round_to(x, fmtchar):
    """x rounded to the float type of the struct format character."""
    if fmtchar == "d":
        return x
    try:
        return struct.unpack(fmtchar, struct.pack(fmtchar, x))[0]
    except OverflowError:
        return math.inf


def _positional(x, fmtchar, precision):
    s = _shortest(x, fmtchar)
    if "e" in s or "E" in s:
        s = format(Decimal(s), "f")
    if "." not in s:
        s += "."
    intpart, frac = s.split(".")
    frac = frac.rstrip("0")
    if len(frac) > precision:
        s = "%.*f" % (precision, x)
        s = s.rstrip("0")
        if s.endswith("."):
            pass
        intpart, frac = s.split(".")
    return intpart, frac


def _scientific(x, fmtchar, precision):
    s = _shortest(x, fmtchar)
    d = Decimal(s)
    sign, digits, exp = d.as_tuple()
    digits = "".join(map(str, digits)).rstrip("0") or "0"
    e10 = exp + len("".join(map(str, d.as_tuple()[1]))) - 1 if d != 0 else 0
    mant = digits[0] + "." + digits[1:1 + precision]
    if len(digits) - 1 > precision:
        m = "%.*e" % (precision, abs(x))
        mant, e = m.split("e")
        mant = mant.rstrip("0")
        e10 = int(e)
    return ("-" if x < 0 or (x == 0 and math.copysign(1, x) < 0) else "") + mant, e10


class _FloatFormatter:
    def __init__(self, values, fmtchar, sign=False):
        self.fmtchar = fmtchar
        self.sign = sign
        finite = [v for v in values if math.isfinite(v)]
        nonzero = [abs(v) for v in finite if v != 0]
        self.exp = False
        if nonzero:
            mx, mn = max(nonzero), min(nonzero)
            # the thresholds compare in the array's own precision (as NumPy's do)
            # (and large values switch at the type's decimal precision: 1e3 for
            # float16, 1e6 for float32, 1e8 for float64)
            lo, hi = _round_to(1e-4, fmtchar), {"e": 1e3, "f": 1e6, "d": 1e8}[fmtchar]
            if mx >= hi or mn < lo or _round_to(mx / mn, fmtchar) > 1e3:
                self.exp = True
        self.pad_left = 0
        self.pad_right = 0
        self.exp_digits = 2
        if self.exp:
            parts = [_scientific(v, fmtchar, PRECISION) for v in finite]
            for m, e in parts:
                ip, fp = m.split(".")
                if sign and not ip.startswith("-"):
                    ip = "+" + ip
                self.pad_left = max(self.pad_left, len(ip))
                self.pad_right = max(self.pad_right, len(fp))
                self.exp_digits = max(self.exp_digits, len(str(abs(e))))
        else:
            for v in finite:
                ip, fp = _positional(v, fmtchar, PRECISION)
                if sign and not ip.startswith("-"):
                    ip = "+" + ip
                self.pad_left = max(self.pad_left, len(ip))
                self.pad_right = max(self.pad_right, len(fp))
        # non-finite values widen the integer part (positional mode only; in
        # scientific mode they are right-aligned to the full width)
        nonfinite = [] if self.exp else [v for v in values if not math.isfinite(v)]
        for v in nonfinite:
            s = "nan" if math.isnan(v) else ("-inf" if v < 0 else "inf")
            if sign and s[0] != "-":
                s = "+" + s
            self.pad_left = max(self.pad_left, len(s) - (self.pad_right + 1))

    def width(self):
        w = self.pad_left + 1 + self.pad_right
        if self.exp:
            w += 2 + self.exp_digits
        return w

    def __call__(self, v):
        if not math.isfinite(v):
            s = "nan" if math.isnan(v) else ("-inf" if v < 0 else "inf")
            if self.sign and s[0] != "-":
                s = "+" + s
            return s.rjust(self.width())
        if self.exp:
            m, e = _scientific(v, self.fmtchar, PRECISION)
            ip, fp = m.split(".")
            if len(fp) < self.pad_right:
                # more digits of the exact value, as NumPy's min_digits does
                ip, rest = ("%.*e" % (self.pad_right, abs(v))).split(".")
                fp, e = rest.split("e")
                e = int(e)
                if m.startswith("-"):
                    ip = "-" + ip
            if self.sign and not ip.startswith("-"):
                ip = "+" + ip
            es = ("-" if e < 0 else "+") + str(abs(e)).rjust(self.exp_digits, "0")
            return ip.rjust(self.pad_left) + "." + fp + "e" + es
        ip, fp = _positional(v, self.fmtchar, PRECISION)
        if self.sign and not ip.startswith("-"):
            ip = "+" + ip
        return ip.rjust(self.pad_left) + "." + fp.ljust(self.pad_right)


def _collect(a, summarize):
    """Flat list of the Python values that will be printed."""
    if a.ndim == 0:
        return [a.item()]
    out = []
    n = a.shape[0]
    if summarize and n > 2 * EDGEITEMS:
        idx = list(range(EDGEITEMS)) + list(range(n - EDGEITEMS, n))
    else:
        idx = range(n)
    for i in idx:
        out.extend(_collect(a[i], summarize))
    return out


def _formatter(a, values):
    kind = a.dtype.kind
    if kind == "b":
        return lambda v: ("True" if v else "False").rjust(5)
    if kind in "iu":
        width = max((len(str(v)) for v in values), default=1)
        return lambda v: str(v).rjust(width)
    fmtchar = {2: "e", 4: "f", 8: "d", 16: "d"}[a.dtype.itemsize if kind == "f" else a.dtype.itemsize // 2]
    if kind == "f":
        return _FloatFormatter(values, fmtchar)
    re = _FloatFormatter([v.real for v in values], fmtchar)
    im = _FloatFormatter([v.imag for v in values], fmtchar, sign=True)

    def cfmt(v):
        # the imaginary part at full width, its trailing padding moved after 'j'
        i = im(v.imag)
        body = i.rstrip()
        return re(v.real) + body + "j" + " " * (len(i) - len(body))
    return cfmt


def _extend(s, line, word, width, prefix):
    if len(line) + len(word) > width and len(line) > len(prefix):
        s += line.rstrip() + "\n"
        line = prefix
    return s, line + word


def _format_array(a, fmt, sep, prefix, suffix, summarize):
    """Nested brackets with NumPy's line wrapping: rows wrap at LINEWIDTH
    (less the suffix on the last line), continuation lines are indented under
    the opening bracket, and ']' of every level counts against the width."""
    def rec(x, hanging, width):
        if x.ndim == 0:
            return fmt(x.item())
        nxt_hanging = hanging + " "
        nxt_width = width - 1
        n = x.shape[0]
        summary = summarize and n > 2 * EDGEITEMS
        lead = EDGEITEMS if summary else n
        trail = EDGEITEMS if summary else 0
        if x.ndim == 1:
            elem_width = width - max(len(sep.rstrip()), 1)
            out, line = "", hanging
            for i in range(lead if trail or summary else n - 1):
                out, line = _extend(out, line, rec(x[i], nxt_hanging, nxt_width), elem_width, hanging)
                line += sep
            if summary:
                out, line = _extend(out, line, "...", elem_width, hanging)
                line += sep
            for i in range(trail, 1, -1):
                out, line = _extend(out, line, rec(x[n - i], nxt_hanging, nxt_width), elem_width, hanging)
                line += sep
            out, line = _extend(out, line, rec(x[n - 1], nxt_hanging, nxt_width), elem_width, hanging)
            out += line
        else:
            out = ""
            line_sep = sep.rstrip() + "\n" * (x.ndim - 1)
            for i in range(lead if summary else n - 1):
                out += hanging + rec(x[i], nxt_hanging, nxt_width) + line_sep
            if summary:
                out += hanging + "..." + line_sep
            for i in range(trail, 1, -1):
                out += hanging + rec(x[n - i], nxt_hanging, nxt_width) + line_sep
            out += hanging + rec(x[n - 1], nxt_hanging, nxt_width)
        return "[" + out[len(hanging):] + "]"
    return rec(a, " " * (len(prefix) + 1), LINEWIDTH - len(suffix))


def _scalar_str(a):
    v = a.item()
    kind = a.dtype.kind
    if kind in "biu":
        return str(v)
    fmtchar = {2: "e", 4: "f", 8: "d"}[a.dtype.itemsize if kind == "f" else a.dtype.itemsize // 2]

    def one(x):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        if x != 0 and (abs(x) < 1e-4 or abs(x) >= {"e": 1e3, "f": 1e6, "d": 1e16}[fmtchar]):
            m, e = _scientific(x, fmtchar, 17)
            m = m.rstrip("0").rstrip(".") if "." in m else m
            return f"{m}e{'-' if e < 0 else '+'}{abs(e):02d}"
        s = _shortest(x, fmtchar)
        if "e" in s:
            s = format(Decimal(s), "f")
        return s if "." in s else s + ".0"
    if kind == "f":
        return one(v)
    im = one(v.imag)
    sign = "" if im.startswith("-") else "+"
    if v.real == 0 and math.copysign(1, v.real) > 0:
        return f"{one(v.imag)}j".replace(".0j", "j")
    return f"({one(v.real)}{sign}{im}j)".replace(".0j", "j").replace(".0+", "+").replace(".0-", "-")


def array_str(a):
    if a.ndim == 0:
        return _scalar_str(a)
    if a.size == 0:
        return "[]"
    summarize = a.size > THRESHOLD
    values = _collect(a, summarize)
    fmt = _formatter(a, values)
    return _format_array(a, fmt, " ", "", "", summarize)


def array_repr(a):
    name = a.dtype.name
    dt = name if a.dtype.byteorder in ("=", "|") else f"'{a.dtype.str}'"
    extras = []
    if a.size == 0:
        body = "[]"
        if a.shape != (0,):
            extras.append(f"shape={a.shape}")
        extras.append(f"dtype={dt}")
    else:
        summarize = a.size > THRESHOLD
        if a.ndim == 0:
            v = a.item()
            body = _formatter(a, [v])(v).strip()
        else:
            values = _collect(a, summarize)
            body = _format_array(a, _formatter(a, values), ", ", "array(", ")", summarize)
        if summarize:
            extras.append(f"shape={a.shape}")
        if name not in _DEFAULT_DTYPES or a.dtype.byteorder not in ("=", "|"):
            extras.append(f"dtype={dt}")
    if not extras:
        return f"array({body})"
    head = f"array({body},"
    tail = ", ".join(extras) + ")"
    last_line = len(head) - (head.rfind("\n") + 1)
    spacer = "\n" + " " * len("array(") if last_line + len(tail) + 1 > LINEWIDTH else " "
    return head + spacer + tail
