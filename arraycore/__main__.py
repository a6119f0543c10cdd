"""python -m arraycore: versions, build and machine facts, then a short self-check.

Exit status 0 when the self-check passes, 1 otherwise.
"""
import os
import platform
import sys


def _cpu_features():
    wanted = ("sse2", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw")
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    have = set(line.split(":", 1)[1].split())
                    return [w for w in wanted if w in have]
    except OSError:
        pass
    return []


def _self_check():
    import arraycore as ac
    failures = []

    def check(name, cond):
        print(f"  {'ok  ' if cond else 'FAIL'} {name}")
        if not cond:
            failures.append(name)

    a = ac.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    check("asarray of nested lists", a.shape == (2, 3) and a.dtype == ac.float64)
    check("views share memory", float(a.T[2, 1]) == 6.0 and a.T.base is a)
    b = a.astype(ac.int32)
    check("astype", b.dtype == ac.int32 and b.tolist() == [[1, 2, 3], [4, 5, 6]])
    check("indexing", float(a[1, -1]) == 6.0 and a[:, ::2].tolist() == [[1.0, 3.0], [4.0, 6.0]])
    check("buffer export", memoryview(a).shape == (2, 3) and memoryview(a).format == "d")
    z = ac.zeros((4, 4), dtype=ac.dtype(">f8"))
    z[1:3, 1:3] = 7
    check("byte-swapped assignment", float(z[2, 2]) == 7.0 and float(z[0, 0]) == 0.0)
    c = ac.from_dlpack(a)
    check("DLPack round trip", c.tolist() == a.tolist())
    check("ufuncs and broadcasting", (a * 2.0 + ac.asarray([1.0, 0.0, -1.0])).tolist()
          == [[3.0, 4.0, 5.0], [9.0, 10.0, 11.0]])
    check("reductions", float(ac.sum(a)) == 21.0 and ac.max(a, axis=0).tolist() == [4, 5, 6])
    check("matmul", (a @ a.T).tolist() == [[14.0, 32.0], [32.0, 77.0]])
    check("sort", ac.sort(ac.asarray([3, 1, 2])).tolist() == [1, 2, 3])
    try:
        from arraycore import _capi
        check("C-API table importable", _capi.ABI_VERSION >= 1)
    except ImportError as exc:
        check(f"C-API table importable ({exc})", False)
    return failures


def main():
    import arraycore as ac
    print(f"arraycore {ac.__version__} (Array API {ac.__array_api_version__})")
    try:
        from arraycore import _capi
        print(f"C-API: ABI version {_capi.ABI_VERSION}, API version {_capi.API_VERSION:#x}, "
              f"{_capi.TABLE_SIZE} slots")
    except (ImportError, AttributeError) as exc:
        print(f"C-API: not available ({exc})")
    try:
        from arraycore import _build_info as bi
        print(f"built with {bi.COMPILER} {bi.COMPILER_VERSION}, Cython {bi.CYTHON_VERSION}, "
              f"buildtype {bi.BUILDTYPE}, for {bi.HOST_CPU}")
    except ImportError:
        print("build info: not available (source tree?)")
    print(f"Python {platform.python_version()} on {platform.machine()} ({sys.platform})")
    from arraycore import _ufunc
    print(f"SIMD: run-time dispatch level {_ufunc.cpu_dispatch_level()} (ARRAYCORE_CPU="
          f"baseline|avx2 lowers it); CPU features: {', '.join(_cpu_features()) or 'unknown'}")
    inc = ac.get_include()
    print(f"include dir: {inc}")
    try:
        from arraycore._configtool import get_pkgconfigdir as pkgconfig_dir
        print(f"pkg-config dir: {pkgconfig_dir()}")
    except ImportError:
        print(f"pkg-config dir: {os.path.join(os.path.dirname(ac.__file__), 'lib', 'pkgconfig')}")
    print("self-check:")
    failures = _self_check()
    if failures:
        print(f"self-check FAILED: {len(failures)} problem(s)")
        return 1
    print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
