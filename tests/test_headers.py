"""Every installed public header compiles on its own, in C and in C++ (and in
C under CPython's limited API), against the installed include directory; the
consumer options AC_TARGET_VERSION and AC_NO_DEPRECATED_API hide what they
should.
"""
import os
import subprocess

import pytest

import _capi_build as B

pytest.importorskip("arraycore")

EXPECTED = {"arraycore.h", "npy_compat.h", "actypes.h", "acconfig.h", "acapitypes.h",
            "_ac_api.h", "aciter.h", "aciter_api.h"}


def _headers():
    import arraycore
    d = os.path.join(arraycore.get_include(), "arraycore")
    if not os.path.isdir(d):
        return sorted(EXPECTED)
    return sorted(f for f in os.listdir(d) if f.endswith(".h"))


def _compile(tmp_path, code, *, lang="c", defines=(), werror=True, limited=False):
    cc, cxx = B.compilers()
    src = tmp_path / ("t.cpp" if lang == "c++" else "t.c")
    src.write_text(code)
    if lang == "c++":
        if cxx is None:
            pytest.skip("no C++ compiler")
        cmd = cxx + ["-std=c++11"]
    else:
        cmd = cc + ["-std=" + lang if lang != "c" else "-std=c99"]
    cmd += ["-fsyntax-only", "-Wall", "-Wextra", "-I" + B.py_include(), "-I" + B.ac_include()]
    if werror:
        cmd.append("-Werror")
    if limited:
        cmd.append("-DPy_LIMITED_API=0x030A0000")
    cmd += [f"-D{d}" for d in defines] + [str(src)]
    return subprocess.run(cmd, capture_output=True, text=True)


def test_installed_header_set():
    B.ac_include()
    assert EXPECTED <= set(_headers())


@pytest.mark.parametrize("header", _headers())
@pytest.mark.parametrize("lang,limited", [("c", False), ("c11", False), ("c++", False),
                                          ("c", True)])
def test_header_alone(tmp_path, header, lang, limited):
    r = _compile(tmp_path, f"#include <arraycore/{header}>\n", lang=lang, limited=limited)
    assert r.returncode == 0, r.stderr


def test_umbrella_defines_versions_and_entries(tmp_path):
    code = """
#include <arraycore/arraycore.h>
#if !defined(AC_ABI_VERSION) || !defined(AC_API_VERSION) || AC_TARGET_VERSION != AC_API_VERSION
#error "versions"
#endif
#if !defined(ACArray_FromAny) || !defined(ACArray_FROM_OTF) || !defined(ACArray_DescrFromTypeNum)
#error "entries"
#endif
#ifndef AC_PACKAGE_VERSION
#error "acconfig"
#endif
static int f(PyObject *args) {
    PyObject *o;
    return PyArg_ParseTuple(args, "O!O&", &ACArray_Type, &o, ACArray_DescrConverter, &o);
}
int g(PyObject *args) { return f(args); }
"""
    for lang, limited in [("c", False), ("c++", False), ("c", True)]:
        r = _compile(tmp_path, code, lang=lang, limited=limited)
        assert r.returncode == 0, (lang, limited, r.stderr)


def test_target_version_hides_newer_entries(tmp_path):
    code = """
#include <arraycore/arraycore.h>
#if defined(ACArray_FromAny) || defined(ACArray_FROM_OTF) || defined(ACArray_Type)
#error "visible"
#endif
"""
    r = _compile(tmp_path, code, defines=("AC_TARGET_VERSION=0",))
    assert r.returncode == 0, r.stderr
    r = _compile(tmp_path, code)
    assert r.returncode != 0 and "visible" in r.stderr


def test_no_deprecated_api(tmp_path):
    code = """
#include <arraycore/arraycore.h>
#if defined(ACArray_DescrFromTypeNum) || defined(ACArray_ContiguousFromObject)
#error "deprecated visible"
#endif
#ifndef ACArray_DescrFromType
#error "current hidden"
#endif
"""
    r = _compile(tmp_path, code, defines=("AC_NO_DEPRECATED_API",))
    assert r.returncode == 0, r.stderr


def test_deprecated_entry_warns(tmp_path):
    code = """
#include <arraycore/arraycore.h>
PyObject *f(void) { return (PyObject *)ACArray_DescrFromTypeNum(AC_DOUBLE); }
"""
    r = _compile(tmp_path, code, werror=False)
    assert r.returncode == 0 and "deprecated" in r.stderr, r.stderr
    r = _compile(tmp_path, code.replace("DescrFromTypeNum", "DescrFromType"))
    assert r.returncode == 0, r.stderr


def test_npy_compat_spellings(tmp_path):
    code = """
#include <arraycore/npy_compat.h>
static PyObject *f(PyObject *dummy, PyObject *args)
{
    PyObject *arg1 = NULL, *out = NULL, *arr1 = NULL, *oarr = NULL;
    npy_intp dims[2] = {2, 3};
    PyArray_Descr *d = PyArray_DescrFromType(NPY_DOUBLE);
    (void)dummy;
    if (!PyArg_ParseTuple(args, "OO!", &arg1, &PyArray_Type, &out)) return NULL;
    arr1 = PyArray_FROM_OTF(arg1, NPY_DOUBLE, NPY_ARRAY_IN_ARRAY);
#if NPY_API_VERSION >= 0x0000000c
    oarr = PyArray_FROM_OTF(out, NPY_DOUBLE, NPY_ARRAY_INOUT_ARRAY2);
#else
#error "NPY_API_VERSION"
#endif
    if (PyArray_NDIM(oarr) == 2 && PyArray_DIM(oarr, 0) > 0) {
        *(npy_float64 *)PyArray_GETPTR2(oarr, 0, 0) = *(double *)PyArray_DATA(arr1);
    }
    PyArray_ResolveWritebackIfCopy(oarr);
    PyArray_DiscardWritebackIfCopy(oarr);
    Py_XDECREF(d);
    Py_XDECREF(arr1);
    Py_XDECREF(oarr);
    return PyArray_SimpleNew(2, dims, NPY_INT64);
}
PyObject *g(PyObject *a) { return f(NULL, a); }
PyMODINIT_FUNC PyInit_x(void) { import_array(); return NULL; }
"""
    for lang in ("c", "c++"):
        r = _compile(tmp_path, code, lang=lang)
        assert r.returncode == 0, (lang, r.stderr)
