"""Sphinx configuration for the arraycore documentation.

Only core Sphinx is used (no extra themes or extensions), so the docs build
with nothing but ``pip install sphinx``.  Build them with

    sphinx-build -W -b html docs docs/_build/html

The C-API reference page (capi_reference.rst) is generated from the API
specification by ``tools/generate_api.py``; the ``builder-inited`` hook below
regenerates it on every build, so the page cannot go stale.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def _version():
    # read pyproject.toml rather than importing arraycore: the docs build must not
    # depend on which arraycore (installed or source tree) the current directory finds
    try:
        with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
            m = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
        return m.group(1) if m else "unknown"
    except OSError:
        return "unknown"


project = "arraycore"
author = "the arraycore developers"
copyright = "the arraycore developers"
release = _version()
version = ".".join(release.split(".")[:2])

extensions = []                 # core Sphinx only
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "**/_build", "architecture.md", "README.md"]
templates_path = []
highlight_language = "python3"
pygments_style = "sphinx"
nitpicky = False

html_theme = "alabaster"        # ships with Sphinx
html_static_path = []
html_title = f"arraycore {release}"
html_show_sourcelink = False


# --------------------------------------------------------------------------
# regenerate the C-API reference page from the API specification
# --------------------------------------------------------------------------
GENERATOR = os.path.join(ROOT, "tools", "generate_api.py")
CAPI_PAGE = os.path.join(HERE, "capi_reference.rst")


def regenerate_capi_reference(app):
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    if not os.path.exists(GENERATOR):
        if not os.path.exists(CAPI_PAGE):
            logger.warning("tools/generate_api.py is missing and so is docs/capi_reference.rst")
        return
    fd, tmp = tempfile.mkstemp(suffix=".rst")
    os.close(fd)
    try:
        r = subprocess.run([sys.executable, GENERATOR, "--rst", tmp], cwd=ROOT,
                           capture_output=True, text=True)
        if r.returncode != 0:
            logger.warning("tools/generate_api.py --rst failed (exit %d):\n%s%s",
                           r.returncode, r.stdout, r.stderr)
            return
        with open(tmp, encoding="utf-8") as f:
            new = f.read()
        old = None
        if os.path.exists(CAPI_PAGE):
            with open(CAPI_PAGE, encoding="utf-8") as f:
                old = f.read()
        if new != old:           # write only on change: keeps incremental builds quiet
            with open(CAPI_PAGE, "w", encoding="utf-8") as f:
                f.write(new)
            logger.info("regenerated docs/capi_reference.rst from tools/api_spec.py")
    finally:
        os.unlink(tmp)


def setup(app):
    app.connect("builder-inited", regenerate_capi_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
