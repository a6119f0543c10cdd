"""Where arraycore's C headers and pkg-config file are: ``arraycore.get_include()``
and the ``arraycore-config`` console script.

    arraycore-config --cflags          # -I<site-packages>/arraycore/include
    arraycore-config --pkgconfigdir    # for PKG_CONFIG_PATH (dependency('arraycore'))
    arraycore-config --version

This module must stay importable without the compiled parts of arraycore.
"""

from __future__ import annotations

import argparse
import os
import sys

_PKGDIR = os.path.dirname(os.path.abspath(__file__))

__all__ = ["get_include", "get_pkgconfigdir", "main"]


def get_include() -> str:
    """The directory to add to the C include path (``-I``) so that
    ``#include <arraycore/arraycore.h>`` works.  Cython finds
    ``cimport arraycore`` through the installed ``arraycore/__init__.pxd``."""
    return os.path.join(_PKGDIR, "include")


def get_pkgconfigdir() -> str:
    """The directory holding ``arraycore.pc``: put it on ``PKG_CONFIG_PATH``."""
    return os.path.join(_PKGDIR, "lib", "pkgconfig")


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
    p = argparse.ArgumentParser(
        prog="arraycore-config",
        description="Print the build flags of arraycore's C-API.")
    p.add_argument("--cflags", action="store_true", help="compiler flags (-I...)")
    p.add_argument("--includedir", action="store_true", help="the include directory")
    p.add_argument("--pkgconfigdir", action="store_true",
                   help="the directory of arraycore.pc, for PKG_CONFIG_PATH")
    p.add_argument("--version", action="store_true", help="the arraycore version")
    args = p.parse_args(argv)
    out = []
    if args.cflags:
        out.append("-I" + get_include())
    if args.includedir:
        out.append(get_include())
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
