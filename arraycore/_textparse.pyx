# arraycore/_textparse.pyx -- the fast path of loadtxt: delimited text (bytes)
# to a flat buffer of numbers in one pass, in C.
#
# parse() walks the lines of an ASCII-compatible byte string: it skips the
# first `skiprows` lines, cuts comments, skips blank lines, splits fields on a
# delimiter (or runs of whitespace), picks the `usecols` and converts each
# field to float64, complex128, int64 (range-checked), uint64 or bool, into a
# growing C buffer returned as a bytearray.  Float rows are read in one pass
# (each number parsed where it starts); a row with anything unusual goes
# through the general split-then-convert path, so both give the same result
# and the same errors.
#
# Floats are converted exactly: a plain decimal of at most 19 significant
# digits is m * 10**q; with m <= 2**53 and |q| <= 22 one IEEE multiply or
# divide by an exact power of ten rounds correctly (Clinger's fast path);
# otherwise the Eisel-Lemire algorithm (a 64x128-bit product with a table of
# truncated powers of five) gives the correctly rounded double or declines
# (possible halfway cases, subnormals, overflow), and the declined cases, long
# mantissas, inf and nan go to CPython's correctly rounded
# PyOS_string_to_double.  tests/test_npyio_text.py compares the bits with
# NumPy's parser.
from libc.stdlib cimport malloc, realloc, free
from libc.string cimport memcpy, memchr
from libc.stdint cimport int64_t, uint64_t, uint8_t
from cpython.ref cimport PyObject
from cpython.bytearray cimport PyByteArray_FromStringAndSize

cdef extern from "Python.h":
    double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
    PyObject *PyErr_Occurred()
    void PyErr_Clear()

cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    static inline void ac_tp_mul128(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
        unsigned __int128 r = (unsigned __int128)a * b;
        *hi = (uint64_t)(r >> 64);
        *lo = (uint64_t)r;
    }
    static inline int ac_tp_clz64(uint64_t x) { return __builtin_clzll(x); }
    static inline double ac_tp_from_bits(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
    """
    void ac_tp_mul128(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) noexcept nogil
    int ac_tp_clz64(uint64_t x) noexcept nogil
    double ac_tp_from_bits(uint64_t b) noexcept nogil

cdef double POW10[23]
cdef int _i
POW10[0] = 1.0
for _i in range(1, 23):
    POW10[_i] = POW10[_i - 1] * 10.0

# 5**q for q in [Q_MIN, Q_MAX], each as a 128-bit number with its top bit
# set (high word, low word): truncated for q >= 0 and q < -27, rounded up
# (floor + 1) for -27 <= q < 0, the approximations the Eisel-Lemire error
# analysis assumes.  Computed once at import with Python's big integers.
DEF Q_MIN = -342
DEF Q_MAX = 308
cdef uint64_t POW5[2 * (Q_MAX - Q_MIN + 1)]


def _init_pow5():
    cdef Py_ssize_t i
    mask = (1 << 64) - 1
    for q in range(<object>Q_MIN, <object>Q_MAX + 1):
        if q >= 0:
            v = (<object>5) ** q
            nb = v.bit_length()
            v = v >> (nb - 128) if nb > 128 else v << (128 - nb)
        else:
            p5 = (<object>5) ** -q
            z = p5.bit_length()          # 2**(z-1) <= p5 < 2**z
            if p5 == 1 << (z - 1):
                z -= 1
            b = z + 127 if q >= -27 else 2 * z + 128
            v = (1 << b) // p5 + 1
            nb = v.bit_length()
            if nb > 128:
                v >>= nb - 128
        i = 2 * (q - Q_MIN)
        POW5[i] = v >> 64
        POW5[i + 1] = v & mask

_init_pow5()


cdef bint _eisel_lemire(uint64_t w, int q, bint neg, double *out) noexcept nogil:
    """w * 10**q correctly rounded, for w < 2**64 (nonzero); False in the
    rare cases it cannot decide (then the slow path decides)."""
    cdef int lz, upper, power2
    cdef uint64_t hi, lo, hi2, lo2, mant
    cdef Py_ssize_t i
    if q < Q_MIN or q > Q_MAX:
        return False
    lz = ac_tp_clz64(w)
    w <<= lz
    i = 2 * (q - Q_MIN)
    ac_tp_mul128(w, POW5[i], &hi, &lo)
    if (hi & 0x1FF) == 0x1FF:
        ac_tp_mul128(w, POW5[i + 1], &hi2, &lo2)
        lo += hi2
        if hi2 > lo:
            hi += 1
        if lo == 0xFFFFFFFFFFFFFFFFULL:
            return False
    upper = <int>(hi >> 63)
    mant = hi >> (upper + 9)
    power2 = ((((152170 + 65536) * q) >> 16) + 63) + upper - lz + 1023
    if lo <= 1 and (mant & 3) == 1:
        return False                      # possibly halfway: let the slow path round
    mant += mant & 1
    mant >>= 1
    if mant >= (<uint64_t>2 << 52):
        mant = <uint64_t>1 << 52
        power2 += 1
    mant &= ~(<uint64_t>1 << 52)
    if power2 <= 0 or power2 >= 0x7FF:
        return False                      # subnormal or overflow: the slow path
    out[0] = ac_tp_from_bits(mant | (<uint64_t>power2 << 52) | ((<uint64_t>1 << 63) if neg else 0))
    return True

cdef enum:
    K_FLOAT = 0
    K_COMPLEX = 1
    K_INT = 2
    K_UINT = 3
    K_BOOL = 4

cdef uint64_t TWO53 = 1ULL << 53


cdef inline bint _isspace(char ch) noexcept nogil:
    return ch == c' ' or ch == c'\t' or ch == c'\r' or ch == c'\f' or ch == c'\v'


cdef const char *_scan_double(const char *p, const char *e, double *out) noexcept nogil:
    """Convert the plain decimal number that starts at p (at most 19
    significant digits); the end of the number, or NULL when there is none
    or it needs the slow, general path (inf, nan, long mantissas, ...)."""
    cdef bint neg = False
    cdef uint64_t m = 0
    cdef int nd = 0, ex = 0, e10 = 0, esign = 1
    cdef bint digits = False, edigits = False
    cdef double v
    if p < e and (p[0] == c'-' or p[0] == c'+'):
        neg = p[0] == c'-'
        p += 1
    while p < e and c'0' <= p[0] <= c'9':
        digits = True
        if m or p[0] != c'0':
            nd += 1
            if nd > 19:
                return NULL
            m = m * 10 + <uint64_t>(p[0] - c'0')
        p += 1
    if p < e and p[0] == c'.':
        p += 1
        while p < e and c'0' <= p[0] <= c'9':
            digits = True
            if m or p[0] != c'0':
                nd += 1
                if nd > 19:
                    return NULL
                m = m * 10 + <uint64_t>(p[0] - c'0')
            ex -= 1
            p += 1
    if not digits:
        return NULL
    if p < e and (p[0] == c'e' or p[0] == c'E'):
        p += 1
        if p < e and (p[0] == c'-' or p[0] == c'+'):
            if p[0] == c'-':
                esign = -1
            p += 1
        while p < e and c'0' <= p[0] <= c'9':
            edigits = True
            if e10 < 100000:
                e10 = e10 * 10 + (p[0] - c'0')
            p += 1
        if not edigits:
            return NULL
        ex += esign * e10
    if m == 0:
        out[0] = -0.0 if neg else 0.0
        return p
    if m > TWO53 or ex > 22 or ex < -22:
        return p if _eisel_lemire(m, ex, neg, out) else NULL
    v = <double>m
    if ex >= 0:
        v *= POW10[ex]
    else:
        v /= POW10[-ex]
    out[0] = -v if neg else v
    return p


cdef inline bint _fast_double(const char *p, const char *e, double *out) noexcept nogil:
    """Exact conversion of a whole field that is a plain decimal; False when
    the slow, general path is needed."""
    return _scan_double(p, e, out) == e


cdef bint _slow_double(const char *p, const char *e, double *out):
    """CPython's correctly rounded conversion (inf, nan, long mantissas)."""
    cdef Py_ssize_t n = e - p
    cdef char small[80]
    cdef char *buf = small
    cdef char *end
    cdef double v
    if n <= 0:
        return False
    if n >= 80:
        buf = <char *>malloc(n + 1)
        if buf == NULL:
            raise MemoryError()
    memcpy(buf, p, n)
    buf[n] = 0
    v = PyOS_string_to_double(buf, &end, NULL)
    ok = True
    if PyErr_Occurred() != NULL:
        PyErr_Clear()
        ok = False
    elif end != buf + n:
        ok = False
    if buf != small:
        free(buf)
    if ok:
        out[0] = v
    return ok


cdef inline bint _double(const char *p, const char *e, double *out):
    if _fast_double(p, e, out):
        return True
    return _slow_double(p, e, out)


cdef bint _complex(const char *p, const char *e, double *out):
    """'a', 'bj', 'a+bj', 'a-bj', optionally in parentheses."""
    cdef const char *q
    if e - p >= 2 and p[0] == c'(' and (e - 1)[0] == c')':
        p += 1
        e -= 1
    if p >= e:
        return False
    if (e - 1)[0] != c'j':
        out[1] = 0.0
        return _double(p, e, out)
    # the sign that starts the imaginary part: not the first character, not
    # one after an exponent letter
    q = e - 2
    while q > p:
        if (q[0] == c'+' or q[0] == c'-') and not ((q - 1)[0] == c'e' or (q - 1)[0] == c'E'):
            break
        q -= 1
    if q > p:
        if not _double(p, q, out):
            return False
        p = q
    else:
        out[0] = 0.0
    return _double(p, e - 1, &out[1])         # (NumPy refuses 'j', '+j', '1-j')


cdef bint _uint(const char *p, const char *e, uint64_t *out, bint *neg) noexcept nogil:
    cdef uint64_t v = 0, d
    neg[0] = False
    if p < e and (p[0] == c'-' or p[0] == c'+'):
        neg[0] = p[0] == c'-'
        p += 1
    if p >= e:
        return False
    while p < e:
        if not (c'0' <= p[0] <= c'9'):
            return False
        d = <uint64_t>(p[0] - c'0')
        if v > (0xFFFFFFFFFFFFFFFFULL - d) // 10:
            return False
        v = v * 10 + d
        p += 1
    out[0] = v
    return True


cdef struct Buf:
    char *data
    Py_ssize_t n
    Py_ssize_t cap


cdef int _reserve(Buf *b, Py_ssize_t extra) except -1:
    cdef Py_ssize_t cap
    cdef char *nd
    if b.n + extra <= b.cap:
        return 0
    cap = b.cap * 2 if b.cap else 1 << 16
    while cap < b.n + extra:
        cap *= 2
    nd = <char *>realloc(b.data, cap)
    if nd == NULL:
        raise MemoryError()
    b.data = nd
    b.cap = cap
    return 0


cdef int _fail(const char *p, const char *e, str tname, Py_ssize_t line, Py_ssize_t col) except -1:
    text = (<bytes>p[:e - p]).decode("utf-8", "replace")
    raise ValueError(f"could not convert string {text!r} to {tname} at line {line + 1}, "
                     f"column {col + 1}")


def parse(bytes data, object delimiter, tuple comments, Py_ssize_t skiprows,
          Py_ssize_t max_rows, object usecols, int kind, str tname,
          object lo=None, object hi=None):
    """Parse delimited numbers; (bytearray of items, rows, columns per row).

    delimiter: bytes or None (runs of whitespace); comments: tuple of bytes;
    max_rows < 0 reads all rows; usecols: tuple of ints (negative counts from
    the row's end) or None; kind: 0 float64, 1 complex128, 2 int64 in
    [lo, hi], 3 uint64 <= hi, 4 bool (an integer, nonzero is True).
    """
    cdef const char *s = data
    cdef const char *end = s + len(data)
    cdef const char *ls
    cdef const char *le
    cdef const char *p
    cdef const char *q
    cdef const char *fs
    cdef const char *fe
    cdef const char *cm
    cdef const char *delim = NULL
    cdef Py_ssize_t dlen = 0, i, j, k, nf, ncols = -1, nrows = 0, line = 0
    cdef Py_ssize_t nuse = 0, fcap = 64, itemsize
    cdef Py_ssize_t *fstart = NULL
    cdef Py_ssize_t *fend = NULL
    cdef Py_ssize_t *use = NULL
    cdef Buf b
    cdef double dv
    cdef uint64_t uv
    cdef bint neg, last, fast, row_ok
    cdef char d0
    cdef int64_t ilo = 0, ihi = 0
    cdef uint64_t uhi = 0
    cdef int ncom = len(comments)
    cdef const char *com[8]
    cdef Py_ssize_t comlen[8]
    if ncom > 8:
        raise ValueError("at most 8 comment markers are supported by the fast parser")
    for i in range(ncom):
        com[i] = <bytes>comments[i]
        comlen[i] = len(<bytes>comments[i])
        if comlen[i] == 0:
            raise ValueError("comments cannot be an empty string")
    if delimiter is not None:
        delim = <bytes>delimiter
        dlen = len(<bytes>delimiter)
        if dlen == 0:
            raise ValueError("the delimiter cannot be an empty string")
    if kind == K_INT:
        ilo = lo
        ihi = hi
    elif kind == K_UINT:
        uhi = hi
    itemsize = 16 if kind == K_COMPLEX else (1 if kind == K_BOOL else 8)
    fast = kind == K_FLOAT and usecols is None and dlen <= 1
    d0 = delim[0] if dlen == 1 else 0
    b.data = NULL
    b.n = b.cap = 0
    fstart = <Py_ssize_t *>malloc(fcap * sizeof(Py_ssize_t))
    fend = <Py_ssize_t *>malloc(fcap * sizeof(Py_ssize_t))
    if usecols is not None:
        nuse = len(usecols)
        use = <Py_ssize_t *>malloc((nuse + 1) * sizeof(Py_ssize_t))
    if fstart == NULL or fend == NULL or (usecols is not None and use == NULL):
        free(fstart); free(fend); free(use)
        raise MemoryError()
    try:
        for i in range(nuse):
            use[i] = usecols[i]
        ls = s
        while ls < end:
            if max_rows >= 0 and nrows >= max_rows:
                break
            le = <const char *>memchr(ls, c'\n', end - ls)
            if le == NULL:
                le = end
            p = ls
            ls = le + 1
            line += 1
            if line <= skiprows:
                continue
            if le > p and (le - 1)[0] == c'\r':
                le -= 1                         # a CRLF line end
            # cut the comment
            for k in range(ncom):
                if comlen[k] == 1:
                    cm = <const char *>memchr(p, com[k][0], le - p)
                    if cm != NULL:
                        le = cm
                else:
                    q = p
                    while q + comlen[k] <= le:
                        if q[0] == com[k][0] and memcmp_(q, com[k], comlen[k]):
                            le = q
                            break
                        q += 1
            # a blank line holds no row (with a delimiter, only an empty one:
            # spaces are then a field, as in NumPy)
            q = p
            if delim == NULL:
                while q < le and _isspace(q[0]):
                    q += 1
            if q == le:
                continue
            # the fast path: floats parsed straight from the line, one pass
            if fast:
                nf = 0
                q = p
                row_ok = True
                while True:
                    if delim == NULL:
                        while q < le and _isspace(q[0]):
                            q += 1
                        if q >= le:
                            break
                    else:
                        while q < le and _isspace(q[0]) and q[0] != d0:
                            q += 1
                    _reserve(&b, 8)
                    fe = _scan_double(q, le, <double *>(b.data + b.n))
                    if fe == NULL:
                        row_ok = False
                        break
                    if delim == NULL:
                        if fe < le and not _isspace(fe[0]):
                            row_ok = False
                            break
                        b.n += 8
                        nf += 1
                        q = fe
                    else:
                        while fe < le and _isspace(fe[0]) and fe[0] != d0:
                            fe += 1
                        if fe < le and fe[0] != d0:
                            row_ok = False
                            break
                        b.n += 8
                        nf += 1
                        if fe >= le:
                            break
                        q = fe + 1
                if row_ok:
                    if ncols < 0:
                        ncols = nf
                    elif nf != ncols:
                        raise ValueError(f"the number of columns changed from {ncols} to {nf} "
                                         f"at line {line}; use `usecols` to select a subset "
                                         "and avoid this error")
                    nrows += 1
                    continue
                b.n -= nf * 8                   # the general path redoes this row
            # split
            nf = 0
            if delim == NULL:
                q = p
                while True:
                    while q < le and _isspace(q[0]):
                        q += 1
                    if q >= le:
                        break
                    fs = q
                    while q < le and not _isspace(q[0]):
                        q += 1
                    if nf == fcap:
                        fcap *= 2
                        fstart = <Py_ssize_t *>_realloc_or_fail(fstart, fcap * sizeof(Py_ssize_t))
                        fend = <Py_ssize_t *>_realloc_or_fail(fend, fcap * sizeof(Py_ssize_t))
                    fstart[nf] = fs - s
                    fend[nf] = q - s
                    nf += 1
            else:
                fs = p
                q = p
                while True:
                    while q + dlen <= le and not (q[0] == delim[0] and
                                                  (dlen == 1 or memcmp_(q, delim, dlen))):
                        q += 1
                    last = q + dlen > le
                    fe = le if last else q
                    while fs < fe and _isspace(fs[0]):
                        fs += 1
                    while fe > fs and _isspace((fe - 1)[0]):
                        fe -= 1
                    if nf == fcap:
                        fcap *= 2
                        fstart = <Py_ssize_t *>_realloc_or_fail(fstart, fcap * sizeof(Py_ssize_t))
                        fend = <Py_ssize_t *>_realloc_or_fail(fend, fcap * sizeof(Py_ssize_t))
                    fstart[nf] = fs - s
                    fend[nf] = fe - s
                    nf += 1
                    if last:
                        break
                    q += dlen
                    fs = q
            if usecols is None:
                if ncols < 0:
                    ncols = nf
                elif nf != ncols:
                    raise ValueError(f"the number of columns changed from {ncols} to {nf} at "
                                     f"line {line}; use `usecols` to select a subset and "
                                     "avoid this error")
                k = nf
            else:
                ncols = nuse
                k = nuse
            _reserve(&b, k * itemsize)
            for j in range(k):
                if use != NULL:
                    i = use[j]
                    if i < 0:
                        i += nf
                    if i < 0 or i >= nf:
                        raise ValueError(f"invalid column index {use[j]} at line {line} "
                                         f"with {nf} columns")
                else:
                    i = j
                fs = s + fstart[i]
                fe = s + fend[i]
                if kind == K_FLOAT:
                    if not _double(fs, fe, <double *>(b.data + b.n)):
                        _fail(fs, fe, tname, line - 1, i)
                elif kind == K_COMPLEX:
                    while fs < fe and _isspace(fs[0]):
                        fs += 1
                    if not _complex(fs, fe, <double *>(b.data + b.n)):
                        _fail(fs, fe, tname, line - 1, i)
                else:
                    if not _uint(fs, fe, &uv, &neg):
                        _fail(fs, fe, tname, line - 1, i)
                    if kind == K_INT:
                        if neg:
                            if uv > <uint64_t>(-(ilo + 1)) + 1:
                                _fail(fs, fe, tname, line - 1, i)
                            (<int64_t *>(b.data + b.n))[0] = <int64_t>(0 - uv)
                        else:
                            if uv > <uint64_t>ihi:
                                _fail(fs, fe, tname, line - 1, i)
                            (<int64_t *>(b.data + b.n))[0] = <int64_t>uv
                    elif kind == K_UINT:
                        if neg or uv > uhi:
                            _fail(fs, fe, tname, line - 1, i)
                        (<uint64_t *>(b.data + b.n))[0] = uv
                    else:
                        # bool reads an int64, as NumPy's parser does: a value
                        # outside int64's range is an error, not True
                        if uv > (<uint64_t>1 << 63) - (0 if neg else 1):
                            _fail(fs, fe, tname, line - 1, i)
                        (<uint8_t *>(b.data + b.n))[0] = 1 if uv != 0 else 0
                b.n += itemsize
            nrows += 1
        out = PyByteArray_FromStringAndSize(b.data, b.n)
    finally:
        free(b.data)
        free(fstart)
        free(fend)
        free(use)
    return out, nrows, ncols


cdef inline bint memcmp_(const char *a, const char *b, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(n):
        if a[i] != b[i]:
            return False
    return True


cdef void *_realloc_or_fail(void *p, size_t n) except NULL:
    cdef void *r = realloc(p, n)
    if r == NULL:
        raise MemoryError()
    return r
