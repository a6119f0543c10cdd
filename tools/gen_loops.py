#!/usr/bin/env python
"""Generate arraycore/src/ac_umath_loops.c from tools/ufunc_table.py (the
types: tools/dtype_table.py).

    python tools/gen_loops.py OUTPUT.c

Every loop has NumPy's generic signature
    void loop(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)
and handles any strides.  On top of the strided loop it has:
- a reduction path (args[0] == args[2] and zero steps on both: the
  accumulator stays in a register; float add sums pairwise; float
  maximum/minimum over a contiguous run use 16 vectorized lanes,
  src/ac_umath_reduce.h);
- for the `simd` ufuncs, contiguous paths (all contiguous, or one scalar
  input), compiled for the baseline and AVX2 (and AVX-512 for simd="wide",
  the compute-bound ones) and chosen at run time with ac_cpu_level().
The file ends with the table (ac_builtin_ufuncs) _ufunc.pyx builds ufuncs from.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ufunc_table import UFUNCS  # noqa: E402
from dtype_table import DTYPES, BY_NAME, CHARS  # noqa: E402  (CHARS: dense order, ACX_*)

# per type character: the C type loops load/store, and the one they compute in
STORE_T = {d.char: d.loop_ctype for d in DTYPES}
COMP_T = {d.char: BY_NAME[d.compute].loop_ctype for d in DTYPES}
SIMD_TYPES = "fdilIL?"             # types that get per-ISA contiguous clones
PAIRWISE = "efdFD"
ARGS = "abc"
IDENT = {None: "NULL", "reorderable": '"reorderable"'}


def load(c, ptr):
    if c == "e":
        return f"ac_half_to_float(*(const ac_uint16 *)({ptr}))"
    return f"*(const {STORE_T[c]} *)({ptr})"


def store(c, ptr, val):
    if c == "e":
        return f"*(ac_uint16 *)({ptr}) = ac_float_to_half({val});"
    if c == "?":
        return f"*(ac_bool *)({ptr}) = (ac_bool)(({val}) != 0);"
    return f"*({STORE_T[c]} *)({ptr}) = ({STORE_T[c]})({val});"


def cname(name, sig):
    return "ac_ufl_%s_%s" % (name.lstrip("_"), "".join(
        {"?": "bool"}.get(c, c) for c in sig.replace("->", "_")))


def pairwise_fn(c):
    """Pairwise summation (blocks of 128 summed with 8 accumulators, halves
    recursively): a strided version and, for native types, a contiguous one
    the compiler can vectorize (the 8 accumulators are the SIMD lanes)."""
    t = COMP_T[c]
    out = []
    for suffix, ld, arg in (("", lambda p: load(c, p), "const char *p, ac_intp n, ac_intp s"),
                            ("_contig_pf", lambda p: f"(({t})q[{p}])",
                             f"const {STORE_T[c]} *q, ac_intp n"),
                            ("_contig", lambda p: f"(({t})q[{p}])",
                             f"const {STORE_T[c]} *q, ac_intp n")):
        if suffix and c == "e":
            continue
        at = (lambda i: f"p + ({i}) * s") if not suffix else (lambda i: i)
        # contiguous sums of at least 1 MB (beyond L2) take the
        # _pf twin, which requests the lines 2 KB ahead: they stream from
        # memory, and the out-of-order window alone keeps too few misses in
        # flight (10M float64: 0.55 -> 0.43 ns an element); in cache the
        # prefetches would only cost.  Not on AMD (ac_cpu_stream_prefetch:
        # Zen 4 streams faster without).  Same arithmetic, same bits.
        pf = ("\n            __builtin_prefetch((const char *)(q + i) + 2048, 0, 3);"
              if suffix == "_contig_pf" else "")
        top = (f"\n    if (n >= (1 << 20) / (ac_intp)sizeof(*q) && ac_cpu_stream_prefetch())"
               f"\n        return ac_pairwise_{c}_contig_pf(q, n);"
               if suffix == "_contig" else "")
        rec = ("ac_pairwise_{c}{sx}(p, n2, s) + ac_pairwise_{c}{sx}(p + n2 * s, n - n2, s)"
               if not suffix else
               "ac_pairwise_{c}{sx}(q, n2) + ac_pairwise_{c}{sx}(q + n2, n - n2)")
        out.append(f"""
static {t} ac_pairwise_{c}{suffix}({arg})
{{{top}
    if (n < 8) {{
        /* from the first element, not from +0: +0 + -0 is +0, and a sum of
           negative zeros (a += b with 0-d -0.0 operands) must stay -0 */
        if (n == 0) return 0;
        {t} r = {ld(at("0"))};
        for (ac_intp i = 1; i < n; i++) r += {ld(at("i"))};
        return r;
    }}
    if (n <= 128) {{
        {t} r[8];
        ac_intp i;
        for (int j = 0; j < 8; j++) r[j] = {ld(at("j"))};
        for (i = 8; i < n - (n % 8); i += 8) {{{pf}
            for (int j = 0; j < 8; j++) r[j] += {ld(at("i + j"))};
        }}
        {t} res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += {ld(at("i"))};
        return res;
    }}
    ac_intp n2 = n / 2;
    n2 -= n2 % 8;
    return {rec.format(c=c, sx=suffix)};
}}
""")
    return "".join(out)


def contig_variants(nin):
    """Index-stride patterns of the contiguous paths: 1 = contiguous, 0 = scalar."""
    if nin == 1:
        return [(1,)]
    if nin == 2:
        return [(1, 1), (1, 0), (0, 1)]
    return [(1,) * nin]


def gen_two_output_loop(u, sig, exprs):
    """The strided loop of a two-output ufunc (modf, divmod): each element's
    inputs loaded once, each output stored from its own expression."""
    ins, outs = sig.split("->")
    nin = len(ins)
    name = cname(u["name"], sig)
    S = "f" if ins[0] == "e" else ins[0]
    L = [f"static void {name}(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)",
         "{", "    const ac_intp n = dimensions[0];", "    (void)data;"]
    for k in range(nin + 2):
        L.append(f"    char *p{k} = args[{k}]; const ac_intp s{k} = steps[{k}];")
    adv = ", ".join(f"p{k} += s{k}" for k in range(nin + 2))
    L.append(f"    for (ac_intp k = 0; k < n; k++, {adv}) {{")
    for k, c in enumerate(ins):
        L.append(f"        const {COMP_T[c]} {ARGS[k]} = {load(c, f'p{k}')};")
    for j, (c, e) in enumerate(zip(outs, exprs)):
        L.append(f"        {store(c, f'p{nin + j}', e.replace('{S}', S))}")
    L.append("    }")
    L.append("}")
    return name, "\n".join(L) + "\n"


def gen_loop(u, sig, expr):
    if u["nout"] == 2:
        return gen_two_output_loop(u, sig, expr)
    ins, outs = sig.split("->")
    nin = len(ins)
    out = outs[0]
    name = cname(u["name"], sig)
    S = "f" if ins[0] == "e" else ins[0]
    e = expr.replace("{S}", S)
    code = []
    simd = u["simd"] and "e" not in sig
    isa_clones = simd and all(c in SIMD_TYPES for c in sig if c not in "->")
    # memory-bound loops run as fast (or faster) with 256-bit vectors; only
    # compute-bound ones (simd="wide") get an AVX-512 clone
    wide = u["simd"] == "wide"
    variants = contig_variants(nin) if simd else []
    # contiguous kernels
    for v in variants:
        vname = name + "_c" + "".join(map(str, v))
        params = ", ".join(f"const {STORE_T[c]} *{ARGS[k]}p" for k, c in enumerate(ins))
        decls = " ".join(f"const {COMP_T[c]} {ARGS[k]} = {ARGS[k]}p[{'i' if v[k] else '0'}];"
                         for k, c in enumerate(ins))
        body = (f"(ac_intp n, {params}, {STORE_T[out]} *op)\n{{\n"
                f"    for (ac_intp i = 0; i < n; i++) {{ {decls} "
                f"op[i] = ({STORE_T[out]})({'(' + e + ') != 0' if out == '?' else e}); }}\n}}\n")
        if isa_clones:
            code.append("#if AC_HAVE_DISPATCH\n"
                        + (f"static AC_TARGET_AVX512 void {vname}_avx512{body}" if wide else "")
                        + f"static AC_TARGET_AVX2 void {vname}_avx2{body}#endif\n")
        code.append(f"static void {vname}_base{body}")
    # the generic loop
    L = [f"static void {name}(char **args, const ac_intp *dimensions, const ac_intp *steps, void *data)",
         "{", "    const ac_intp n = dimensions[0];", "    (void)data;"]
    for k in range(nin + 1):
        L.append(f"    char *p{k} = args[{k}]; const ac_intp s{k} = steps[{k}];")
    reorder = nin == 2 and u["identity"] is not None and ins[0] == ins[1] == out
    if reorder:
        L.append("    if (p0 == p2 && s0 == 0 && s2 == 0) {")
        L.append(f"        {COMP_T[out]} a = {load(out, 'p0')};")
        if u["name"] == "add" and out in PAIRWISE:
            if out != "e":
                L.append(f"        if (n > 0 && s1 == sizeof({STORE_T[out]})) a += ac_pairwise_{out}_contig((const {STORE_T[out]} *)p1, n);")
                L.append(f"        else if (n > 0) a += ac_pairwise_{out}(p1, n, s1);")
            else:
                L.append(f"        if (n > 0) a += ac_pairwise_{out}(p1, n, s1);")
        else:
            if u["name"] in ("maximum", "minimum") and out in "fd":
                # contiguous: 16 vectorized lanes (src/ac_umath_reduce.h), same result
                L.append(f"        if (s1 == sizeof({STORE_T[out]}) && n >= AC_REDEXT_LANES) {{")
                L.append(f"            a = ac_redext_{u['name'][:3]}_{out}(a, (const {STORE_T[out]} *)p1, n);")
                L.append(f"            {store(out, 'p0', 'a')}")
                L.append("            return;")
                L.append("        }")
            if out in "?bBhHiIlLqQ":
                # integers and bool, contiguous: an indexed fold the compiler
                # vectorizes (their folds are associative, so the result is
                # exact in any order), per SIMD level for the simd ufuncs
                T, CT = STORE_T[out], COMP_T[out]
                rbody = (f"(const {T} *q, ac_intp n, {CT} a)\n{{\n"
                         f"    for (ac_intp k = 0; k < n; k++) {{ const {CT} b = q[k]; a = {e}; }}\n"
                         f"    return a;\n}}\n")
                rname = name + "_red"
                if isa_clones:
                    # AVX-512 too: it has the 64-bit integer min/max AVX2 lacks
                    code.append("#if AC_HAVE_DISPATCH\n"
                                + f"static AC_TARGET_AVX512 {CT} {rname}_avx512{rbody}"
                                + f"static AC_TARGET_AVX2 {CT} {rname}_avx2{rbody}#endif\n")
                code.append(f"static {CT} {rname}_base{rbody}")
                L.append(f"        if (s1 == sizeof({T})) {{")
                if isa_clones:
                    L.append("#if AC_HAVE_DISPATCH")
                    L.append("            int lvl = ac_cpu_level();")
                    L.append(f"            if (lvl >= AC_CPU_AVX512) a = {rname}_avx512((const {T} *)p1, n, a);")
                    L.append(f"            else if (lvl >= AC_CPU_AVX2) a = {rname}_avx2((const {T} *)p1, n, a);")
                    L.append(f"            else a = {rname}_base((const {T} *)p1, n, a);")
                    L.append("#else")
                    L.append(f"            a = {rname}_base((const {T} *)p1, n, a);")
                    L.append("#endif")
                else:
                    L.append(f"            a = {rname}_base((const {T} *)p1, n, a);")
                L.append(f"            {store(out, 'p0', 'a')}")
                L.append("            return;")
                L.append("        }")
            L.append(f"        for (ac_intp k = 0; k < n; k++, p1 += s1) {{ const {COMP_T[out]} b = {load(out, 'p1')}; a = {e}; }}")
        L.append(f"        {store(out, 'p0', 'a')}")
        L.append("        return;")
        L.append("    }")
    for v in variants:
        vname = name + "_c" + "".join(map(str, v))
        conds = [f"s{k} == {('sizeof(' + STORE_T[c] + ')') if v[k] else '0'}"
                 for k, c in enumerate(ins)]
        conds.append(f"s{nin} == sizeof({STORE_T[out]})")
        # no partial overlap between the output and a contiguous input
        for k in range(nin):
            if v[k]:
                conds.append(f"(p{k} == p{nin} || p{k} + n * s{k} <= p{nin} || p{nin} + n * s{nin} <= p{k})")
        cargs = ", ".join(f"(const {STORE_T[c]} *)p{k}" for k, c in enumerate(ins))
        call = f"(n, {cargs}, ({STORE_T[out]} *)p{nin})"
        L.append(f"    if ({' && '.join(conds)}) {{")
        if isa_clones:
            L.append("#if AC_HAVE_DISPATCH")
            L.append("        int lvl = ac_cpu_level();")
            if wide:
                L.append(f"        if (lvl >= AC_CPU_AVX512) {vname}_avx512{call};")
                L.append(f"        else if (lvl >= AC_CPU_AVX2) {vname}_avx2{call};")
            else:
                L.append(f"        if (lvl >= AC_CPU_AVX2) {vname}_avx2{call};")
            L.append(f"        else {vname}_base{call};")
            L.append("#else")
            L.append(f"        {vname}_base{call};")
            L.append("#endif")
        else:
            L.append(f"        {vname}_base{call};")
        L.append("        return;")
        L.append("    }")
    vec = u["vec"].get(ins[0]) if nin == 1 and ins[0] == out else None
    if vec:
        T = STORE_T[out]
        L.append(f"    if (s0 == sizeof({T}) && s1 == sizeof({T}) && (p0 == p1 || p0 + n * s0 <= p1 || p1 + n * s1 <= p0)) {{")
        L.append(f"        {vec}((const {T} *)p0, ({T} *)p1, n);")
        L.append("        return;")
        L.append("    }")
        L.append(f"    {{   /* strided: through a contiguous buffer, so results never depend on the layout */")
        L.append(f"        {T} buf[256];")
        L.append("        for (ac_intp k0 = 0; k0 < n; k0 += 256) {")
        L.append("            ac_intp m = n - k0 < 256 ? n - k0 : 256;")
        L.append(f"            for (ac_intp k = 0; k < m; k++) buf[k] = *(const {T} *)(p0 + (k0 + k) * s0);")
        L.append(f"            {vec}(buf, buf, m);")
        L.append(f"            for (ac_intp k = 0; k < m; k++) *({T} *)(p1 + (k0 + k) * s1) = buf[k];")
        L.append("        }")
        L.append("        return;")
        L.append("    }")
    vec2 = u["vec"].get(ins[0]) if nin == 2 and ins[0] == ins[1] == out else None
    if vec2:
        T = STORE_T[out]
        L.append(f"    if (s0 == sizeof({T}) && s1 == sizeof({T}) && s2 == sizeof({T})"
                 " && (p0 == p2 || p0 + n * s0 <= p2 || p2 + n * s2 <= p0)"
                 " && (p1 == p2 || p1 + n * s1 <= p2 || p2 + n * s2 <= p1)) {")
        L.append(f"        {vec2}((const {T} *)p0, (const {T} *)p1, ({T} *)p2, n);")
        L.append("        return;")
        L.append("    }")
        # one operand broadcast (a scalar base or exponent), the other and
        # the output contiguous: the scalar repeated in a buffer once
        for k, o in ((1, 0), (0, 1)):
            L.append(f"    if (s{k} == 0 && s{o} == sizeof({T}) && s2 == sizeof({T})"
                     f" && (p{o} == p2 || p{o} + n * s{o} <= p2 || p2 + n * s2 <= p{o})) {{")
            L.append(f"        {T} rep[256];")
            L.append(f"        for (ac_intp k = 0; k < 256; k++) rep[k] = *(const {T} *)p{k};")
            L.append("        for (ac_intp k0 = 0; k0 < n; k0 += 256) {")
            L.append("            ac_intp m = n - k0 < 256 ? n - k0 : 256;")
            args = ["rep", f"(const {T} *)p{o} + k0"] if k == 0 else [f"(const {T} *)p{o} + k0", "rep"]
            L.append(f"            {vec2}({args[0]}, {args[1]}, ({T} *)p2 + k0, m);")
            L.append("        }")
            L.append("        return;")
            L.append("    }")
        L.append("    {   /* strided: through contiguous buffers */")
        L.append(f"        {T} bx[256], by[256];")
        L.append("        for (ac_intp k0 = 0; k0 < n; k0 += 256) {")
        L.append("            ac_intp m = n - k0 < 256 ? n - k0 : 256;")
        L.append("            for (ac_intp k = 0; k < m; k++) {")
        L.append(f"                bx[k] = *(const {T} *)(p0 + (k0 + k) * s0);")
        L.append(f"                by[k] = *(const {T} *)(p1 + (k0 + k) * s1);")
        L.append("            }")
        L.append(f"            {vec2}(bx, by, bx, m);")
        L.append(f"            for (ac_intp k = 0; k < m; k++) *({T} *)(p2 + (k0 + k) * s2) = bx[k];")
        L.append("        }")
        L.append("        return;")
        L.append("    }")
    adv = ", ".join(f"p{k} += s{k}" for k in range(nin + 1))
    L.append(f"    for (ac_intp k = 0; k < n; k++, {adv}) {{")
    for k, c in enumerate(ins):
        L.append(f"        const {COMP_T[c]} {ARGS[k]} = {load(c, f'p{k}')};")
    L.append(f"        {store(out, f'p{nin}', e)}")
    L.append("    }")
    L.append("}")
    code.append("\n".join(L) + "\n")
    return name, "\n".join(code)


def main(out_path):
    parts = ["/* Generated by tools/gen_loops.py from tools/ufunc_table.py -- do not edit. */",
             "#include <stdint.h>",
             "#include \"ac_internal.h\"",
             "#include \"ac_cpu.h\"",
             "#include \"ac_umath.h\"",
             "#include \"ac_umath_helpers.h\"",
             "#include \"ac_umath_reduce.h\"",
             "#include \"ac_npfuncs_umath.h\"",
             "#include \"ac_vmath.h\"",
             "#include <tgmath.h>",
             ""]
    for c in PAIRWISE:
        parts.append(pairwise_fn(c))
    table = []
    for u in UFUNCS:
        fnames, types = [], []
        for sig, expr in u["loops"]:
            fn, code = gen_loop(u, sig, expr)
            parts.append(code)
            fnames.append(fn)
            types.extend(CHARS.index(c) for c in sig.replace("->", ""))
        key = u["name"].lstrip("_")
        parts.append(f"static ACUFuncGenericFunction ac_funcs_{key}[] = {{{', '.join(fnames)}}};")
        parts.append(f"static const unsigned char ac_types_{key}[] = {{{', '.join(map(str, types))}}};")
        ident = IDENT.get(u["identity"], '"%s"' % u["identity"])
        doc = u["doc"].replace('"', '\\"')
        alias = ",".join(u["alias"])
        table.append(f'    {{"{u["name"]}", {u["nin"]}, {u["nout"]}, {len(fnames)}, {ident}, '
                     f'"{doc}", "{alias}", ac_types_{key}, ac_funcs_{key}}},')
    parts.append("const ac_ufunc_spec ac_builtin_ufuncs[] = {")
    parts.extend(table)
    parts.append("};")
    parts.append(f"const int ac_n_builtin_ufuncs = {len(UFUNCS)};")
    with open(out_path, "w") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
