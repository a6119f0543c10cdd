"""Where arraycore's C headers and pkg-config file are: ``arraycore.get_include()``
and the ``arraycore-config`` console script.

    arraycore-config --cflags          # -I<site-packages>/arraycore/include
    arraycore-config --pkgconfigdir    # for PKG_CONFIG_PATH (dependency('arraycore'))
    arraycore-config --cython-include  # for cython -I (cimport arraycore)
    arraycore-config --version

This module must stay importable without the compiled parts of arraycore.
"""

from __future__ import annotations

import os
import sys

_PKGDIR = os.path.dirname(os.path.abspath(__file__))

__all__ = ["get_include", "get_pkgconfigdir", "get_cython_include", "main"]


def _has_generated(pkgdir: str) -> bool:
    return os.path.exists(os.path.join(pkgdir, "include", "arraycore", "_ac_api.h"))


def _editable_tree():
    """For a meson-python editable install: the package's headers, .pxd files
    and pkg-config file live partly in the source tree and partly in the
    build directory.  Mirror them (symlinks, refreshed on each call) into one
    tree inside the build directory, laid out like an installed package, and
    return its ``arraycore`` directory (None when not an editable install)."""
    try:
        import importlib.resources as res
        root = res.files("arraycore")
        if type(root).__name__ != "MesonpyTraversable":
            return None
        pxi = str(root / "_ac_api.pxi")
    except Exception:
        return None
    if not os.path.exists(pxi):
        return None
    pkg = os.path.join(os.path.dirname(os.path.dirname(pxi)), "arraycore-editable-tree",
                       "arraycore")

    def mirror(trav, *parts):
        src = str(trav)
        if not os.path.exists(src):
            return
        dst = os.path.join(pkg, *parts)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.islink(dst) and os.readlink(dst) == src:
            return
        if os.path.lexists(dst):
            os.remove(dst)
        try:
            os.symlink(src, dst)
        except OSError:
            import shutil
            shutil.copyfile(src, dst)

    try:
        for f in (root / "include" / "arraycore").iterdir():
            if f.name.endswith(".h"):
                mirror(f, "include", "arraycore", f.name)
        mirror(root / "__init__.pxd", "__init__.pxd")
        mirror(root / "acmath.pxd", "acmath.pxd")
        mirror(root / "_ac_api.pxi", "_ac_api.pxi")
        # pkg-config resolves ${pcfiledir} without following links: copy
        pc = str(root / "lib" / "pkgconfig" / "arraycore.pc")
        dst = os.path.join(pkg, "lib", "pkgconfig", "arraycore.pc")
        with open(pc, encoding="utf-8") as f:
            text = f.read()
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        current = None
        if os.path.isfile(dst) and not os.path.islink(dst):
            with open(dst, encoding="utf-8") as f:
                current = f.read()
        if current != text:
            if os.path.lexists(dst):
                os.remove(dst)
            with open(dst, "w", encoding="utf-8") as f:
                f.write(text)
    except OSError:
        return None
    return pkg


def _pkgdir() -> str:
    if _has_generated(_PKGDIR):
        return _PKGDIR
    return _editable_tree() or _PKGDIR


def get_include() -> str:
    """The directory to add to the C include path (``-I``) so that
    ``#include <arraycore/arraycore.h>`` works."""
    return os.path.join(_pkgdir(), "include")


def get_pkgconfigdir() -> str:
    """The directory holding ``arraycore.pc``: put it on ``PKG_CONFIG_PATH``."""
    return os.path.join(_pkgdir(), "lib", "pkgconfig")


def get_cython_include() -> str:
    """The directory to give ``cython -I`` so that ``cimport arraycore`` finds
    ``arraycore/__init__.pxd`` (usually site-packages itself)."""
    return os.path.dirname(_pkgdir())


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("arraycore")
    except Exception:
        pass
    try:  # the headers know the version they were built with
        with open(os.path.join(get_include(), "arraycore", "acconfig.h")) as f:
            for line in f:
                if line.startswith("#define AC_PACKAGE_VERSION"):
                    return line.split('"')[1]
    except OSError:
        pass
    return "unknown"


def main(argv=None) -> int:
    import argparse  # only the console script needs it (keeps `import arraycore` fast)
    p = argparse.ArgumentParser(
        prog="arraycore-config",
        description="Print the build flags of arraycore's C-API.")
    p.add_argument("--cflags", action="store_true", help="compiler flags (-I...)")
    p.add_argument("--includedir", action="store_true", help="the include directory")
    p.add_argument("--cython-include", action="store_true",
                   help="the directory for `cython -I` (holds arraycore/__init__.pxd)")
    p.add_argument("--pkgconfigdir", action="store_true",
                   help="the directory of arraycore.pc, for PKG_CONFIG_PATH")
    p.add_argument("--version", action="store_true", help="the arraycore version")
    args = p.parse_args(argv)
    out = []
    if args.cflags:
        out.append("-I" + get_include())
    if args.includedir:
        out.append(get_include())
    if args.cython_include:
        out.append(get_cython_include())
    if args.pkgconfigdir:
        out.append(get_pkgconfigdir())
    if args.version:
        out.append(_version())
    if not out:
        p.print_help()
        return 1
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
