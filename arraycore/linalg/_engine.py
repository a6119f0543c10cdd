"""arraycore/linalg/_engine.py -- finding and loading the BLAS/LAPACK library.

The library is OpenBLAS as packaged for Python by ``scipy-openblas64`` (ILP64,
symbols ``scipy_<routine>64_``).  Nothing is loaded when arraycore is imported:
the first linalg call (or the first large matmul) calls :func:`ensure`, which
asks the package for the library's path and hands it to the C core
(``src/ac_lapack.c``: dlopen + dlsym into a table of function pointers).
``ARRAYCORE_BLAS_LIBRARY`` names another library with the same symbols.
"""
import os
import sys
import threading

from arraycore.linalg import _lapack

_lock = threading.Lock()
_failed = None


def library_path():
    """The path of the OpenBLAS shared library arraycore uses."""
    env = os.environ.get("ARRAYCORE_BLAS_LIBRARY")
    if env:
        return env
    import scipy_openblas64 as so
    name = so.get_library()
    libdir = so.get_lib_dir()
    if sys.platform == "win32":
        cands = [name + ".dll", "lib" + name + ".dll"]
        libdir = os.path.join(os.path.dirname(libdir), "lib")
    elif sys.platform == "darwin":
        cands = ["lib" + name + ".dylib"]
    else:
        cands = ["lib" + name + ".so"]
    for c in cands:
        p = os.path.join(libdir, c)
        if os.path.exists(p):
            return p
    return os.path.join(libdir, cands[0])


def ensure():
    """Load the library once; raises ImportError when it cannot be found."""
    global _failed
    if _lapack.loaded():
        return
    with _lock:
        if _lapack.loaded():
            return
        if _failed is not None:
            raise ImportError(_failed)
        try:
            _lapack.load(library_path())
        except ImportError as e:
            _failed = (f"arraycore.linalg needs the BLAS/LAPACK library of the "
                       f"scipy-openblas64 package: {e}")
            raise ImportError(_failed) from None


def try_ensure():
    """ensure() for the matmul path: returns True when BLAS is usable (never
    raises; without the library matmul keeps its own kernels)."""
    try:
        ensure()
        return True
    except Exception:
        return False
