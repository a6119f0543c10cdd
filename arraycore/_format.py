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
        if struct.pack(fmtchar, float(s)) == packed:
            return s
    return repr(float(x))


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
            if mx >= 1e8 or mn < 1e-4 or mx / mn > 1e3:
                self.exp = True
        self.pad_left = 0
        self.pad_right = 0
        self.exp_digits = 2
        if self.exp:
            parts = [_scientific(v, fmtchar, PRECISION) for v in finite]
            for m, e in parts:
                ip, fp = m.split(".")
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
        nonfinite = [v for v in values if not math.isfinite(v)]
        for v in nonfinite:
            s = "nan" if math.isnan(v) else ("-inf" if v < 0 else "inf")
            if sign and s[0] != "-":
                s = "+" + s
            self.pad_left = max(self.pad_left, len(s) - (self.pad_right + 1))

    def __call__(self, v):
        if not math.isfinite(v):
            s = "nan" if math.isnan(v) else ("-inf" if v < 0 else "inf")
            if self.sign and s[0] != "-":
                s = "+" + s
            width = self.pad_left + 1 + self.pad_right
            if self.exp:
                width += 2 + self.exp_digits
            return s.rjust(width)
        if self.exp:
            m, e = _scientific(v, self.fmtchar, PRECISION)
            if self.sign and not m.startswith("-"):
                m = "+" + m
            ip, fp = m.split(".")
            es = ("-" if e < 0 else "+") + str(abs(e)).rjust(self.exp_digits, "0")
            return ip.rjust(self.pad_left) + "." + fp.ljust(self.pad_right, "0") + "e" + es
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
        return lambda v: ("True" if v else "False").rjust(5 if any(not x for x in values) else 4)
    if kind in "iu":
        width = max((len(str(v)) for v in values), default=1)
        return lambda v: str(v).rjust(width)
    fmtchar = {2: "e", 4: "f", 8: "d", 16: "d"}[a.dtype.itemsize if kind == "f" else a.dtype.itemsize // 2]
    if kind == "f":
        return _FloatFormatter(values, fmtchar)
    re = _FloatFormatter([v.real for v in values], fmtchar)
    im = _FloatFormatter([v.imag for v in values], fmtchar, sign=True)
    return lambda v: re(v.real) + im(v.imag) + "j"


def _format_array(a, fmt, sep, prefix_len, summarize):
    """Nested brackets with line wrapping (NumPy's layout, simplified)."""
    def rec(x, indent, depth):
        if x.ndim == 0:
            return fmt(x.item())
        n = x.shape[0]
        if summarize and n > 2 * EDGEITEMS:
            idx = list(range(EDGEITEMS)) + [None] + list(range(n - EDGEITEMS, n))
        else:
            idx = list(range(n))
        if x.ndim == 1:
            words = ["..." if i is None else fmt(x[i].item()) for i in idx]
            lines = []
            line = "["
            for j, w in enumerate(words):
                piece = w + (sep.rstrip() if j < len(words) - 1 else "]")
                if len(line) + len(piece) + (1 if line != "[" and not line.endswith(" ") else 0) > LINEWIDTH - indent and line != "[":
                    lines.append(line.rstrip())
                    line = " " * 1 + piece + (" " if sep.endswith(" ") and j < len(words) - 1 else "")
                else:
                    line += piece + (" " if sep.endswith(" ") and j < len(words) - 1 else "")
            lines.append(line)
            return ("\n" + " " * indent).join(lines)
        parts = []
        for i in idx:
            if i is None:
                parts.append("...")
            else:
                parts.append(rec(x[i], indent + 1, depth + 1))
        blank = "\n" * (x.ndim - 1)
        joiner = sep.rstrip() + blank + " " * (indent + 1) if sep.strip() else blank + " " * (indent + 1)
        if not sep.strip():
            joiner = "\n" * (x.ndim - 1) + " " * (indent + 1)
        return "[" + joiner.join(parts) + "]"
    return rec(a, prefix_len, 0)


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
        s = _shortest(x, fmtchar)
        return s if ("." in s or "e" in s or "n" in s) else s + ".0"
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
    return _format_array(a, fmt, " ", 0, summarize)


def array_repr(a):
    name = a.dtype.name
    suffix = "" if name in _DEFAULT_DTYPES else f", dtype={name}"
    if a.dtype.byteorder not in ("=", "|"):
        suffix = f", dtype='{a.dtype.str}'"
    if a.ndim == 0:
        v = a.item()
        return f"array({_formatter(a, [v])(v).strip()}{suffix})"
    if a.size == 0:
        if a.shape == (0,):
            return f"array([], dtype={name})"
        return f"array([], shape={a.shape}, dtype={name})"
    summarize = a.size > THRESHOLD
    values = _collect(a, summarize)
    fmt = _formatter(a, values)
    body = _format_array(a, fmt, ", ", len("array("), summarize)
    if summarize:
        suffix = f", shape={a.shape}" + suffix
    return f"array({body}{suffix})"
