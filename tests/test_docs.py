"""The documentation builds with Sphinx, warnings being errors, and lists the
whole public Python namespace."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
PAGES = ["index", "python_api", "cython_guide", "c_guide", "capi_reference", "architecture",
         "development", "interop"]


def test_docs_build_without_warnings(tmp_path):
    import sphinx  # noqa: F401 -- in the test extras; an ImportError fails this test
    out = tmp_path / "html"
    r = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(tmp_path / "doctrees"), DOCS, str(out)],
        capture_output=True, text=True, cwd=str(tmp_path), timeout=600)
    assert r.returncode == 0, f"sphinx-build failed:\n{r.stdout}\n{r.stderr}"
    for page in PAGES:
        assert (out / f"{page}.html").is_file(), page
    capi = (out / "capi_reference.html").read_text(encoding="utf-8")
    assert "ACArray_FromAny" in capi and "ACArray_ResolveWritebackIfCopy" in capi


DIRECTIVE = re.compile(r"^(\s*)\.\. (?:py:)?(?:function|data|class|attribute|method)::\s*(.*)$")


def documented_names(text):
    """Names declared by object directives, including the extra signatures a
    directive lists on its continuation lines."""
    names = set()
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = DIRECTIVE.match(lines[i])
        if not m:
            i += 1
            continue
        targets = [m.group(2)]
        col = lines[i].index("::") + 3          # continuation lines align with the first target
        i += 1
        while i < len(lines) and lines[i].strip() and not lines[i].strip().startswith(":") \
                and len(lines[i]) - len(lines[i].lstrip()) == col:
            targets.append(lines[i].strip())
            i += 1
        for t in targets:
            n = re.match(r"[A-Za-z_]\w*", t)
            if n:
                names.add(n.group(0))
    return names


def public_names():
    code = ("import arraycore, types, json; print(json.dumps(sorted(n for n in dir(arraycore) "
            "if not n.startswith('_') and not isinstance(getattr(arraycore, n), "
            "types.ModuleType))))")
    # a neutral working directory, so the source tree cannot shadow the installed package
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=os.path.abspath(os.sep), timeout=600)
    assert r.returncode == 0, r.stderr
    return set(json.loads(r.stdout))


def test_python_api_page_lists_every_public_name():
    with open(os.path.join(DOCS, "python_api.rst"), encoding="utf-8") as f:
        documented = documented_names(f.read())
    missing = sorted(public_names() - documented)
    assert not missing, f"public names missing from docs/python_api.rst: {missing}"


def test_documented_names_parser():
    text = (".. function:: a(x)\n              b(y)\n\n   body\n\n"
            ".. data:: c\n          d\n\n.. class:: E\n\n   .. method:: f()\n")
    assert documented_names(text) == {"a", "b", "c", "d", "E", "f"}
