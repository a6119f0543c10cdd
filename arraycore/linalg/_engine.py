"""arraycore/linalg/_engine.py -- finding and loading the BLAS/LAPACK library.

The library is OpenBLAS as packaged for Python by ``scipy-openblas64`` (ILP64,
symbols ``scipy_<routine>64_``).  Nothing is loaded when arraycore is imported:
the first linalg call (or the first large matmul) calls :func:`ensure`, which
finds the library's path and hands it to the C core (``src/ac_lapack.c``:
dlopen + dlsym into a table of function pointers).

One OpenBLAS per process: NumPy's wheels carry the same build
(``numpy.libs/libscipy_openblas64_-<hash>.so``).  Two copies in one process
each keep a pool of worker threads that spin after a call, and on a machine
with few cores each copy's spinners take the cores the other's next call
needs (measured on 2 cores: cholesky of 500x500 550 ms instead of 1.6 ms in
both libraries, matmul 1024 2.5x slower).  So when NumPy is installed with
its bundled copy, that copy is the one loaded (found on disk, NumPy is not
imported; when NumPy is imported later, the dynamic loader finds the copy
already loaded under its soname and shares it); else the scipy-openblas64
package's.  ``ARRAYCORE_BLAS_LIBRARY`` names another library with the same
symbols and takes precedence; ``ARRAYCORE_BLAS_LIBRARY=scipy-openblas64``
asks for the package's copy.
"""
import glob
import importlib.util
import os
import sys
import threading

from arraycore.linalg import _lapack

_lock = threading.Lock()
_failed = None
_loaded_path = None


def _numpy_copy():
    """The path of NumPy's bundled scipy-openblas64 library, or None (NumPy
    absent, built against another BLAS, or not a Linux wheel)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        spec = importlib.util.find_spec("numpy")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    pkg = list(spec.submodule_search_locations)[0]
    libs = sorted(glob.glob(os.path.join(os.path.dirname(pkg), "numpy.libs",
                                         "libscipy_openblas64_*.so*")))
    return libs[0] if len(libs) == 1 else None


def _package_copy():
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


def _candidates():
    env = os.environ.get("ARRAYCORE_BLAS_LIBRARY")
    if env and env != "scipy-openblas64":
        return [env]
    first = None if env else _numpy_copy()
    return ([first] if first else []) + [_package_copy]


def library_path():
    """The path of the OpenBLAS shared library arraycore uses (loaded), or
    would load first."""
    if _lapack.loaded() and _loaded_path is not None:
        return _loaded_path
    c = _candidates()[0]
    return c() if callable(c) else c


def ensure():
    """Load the library once; raises ImportError when it cannot be found."""
    global _failed, _loaded_path
    if _lapack.loaded():
        return
    with _lock:
        if _lapack.loaded():
            return
        if _failed is not None:
            raise ImportError(_failed)
        errors = []
        for c in _candidates():
            try:
                path = c() if callable(c) else c
                _lapack.load(path)
                _loaded_path = path
                return
            except ImportError as e:
                # (NumPy's copy lacking a routine: the package's is next)
                errors.append(str(e))
        _failed = (f"arraycore.linalg needs the BLAS/LAPACK library of the "
                   f"scipy-openblas64 package: {'; '.join(errors)}")
        raise ImportError(_failed)


def try_ensure():
    """ensure() for the matmul path: returns True when BLAS is usable (never
    raises; without the library matmul keeps its own kernels)."""
    try:
        ensure()
        return True
    except Exception:
        return False
