"""Exercise notebooks (docs/exercises/NN-name.py, jupytext percent format) as light, offline pages.

mkdocs-jupyter executes and renders them; this hook

* adds a downloadable ``NN-name.ipynb`` (the notebook as shipped: no outputs, ``answer = None``)
  next to each page, which ``overrides/main.html`` links with a download button. Its first cell installs
  ``backprop`` from the wheel this site serves (hooks/package.py) when it is missing, so the notebook runs
  in any Jupyter or Colab that can reach the site; the site's own page does not show that cell;
* post-processes each notebook page: drops nbconvert's inline CSS (~600 KB of JupyterLab styles,
  replaced by ``stylesheets/exercises.css``), its MathJax-2 block (a CDN script that throws after
  instant navigation), the mermaid loader (another CDN import) and the clipboard widget; code cells
  get material's own ``.highlight`` markup, so they share the site's colours, dark mode and copy button; and
  nbconvert's cell ids, ``id="cell-id=3a22592a"``, are written ``id="cell-3a22592a"``: material names a code
  block's copy target after the nearest id, ``#__code_cell-id=3a22592a > code``, not a valid selector with its
  ``=``, so no copy button on an exercise page copied anything;
* wraps the raw ``$...$`` / ``$$...$$`` that nbconvert leaves in markdown (cells and Markdown outputs)
  in ``<span class="arithmatex">\\(...\\)</span>`` / ``\\[...\\]``, exactly what pymdownx.arithmatex
  writes on the other pages, so the site's MathJax set-up typesets them with no special case (its
  ``ignoreHtmlClass: ".*|"`` would skip math inside a ``<p>`` of a ``jp-RenderedMarkdown`` div).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import jupytext
import nbformat
from bs4 import BeautifulSoup
from mkdocs.structure.files import File

NOTEBOOKS = re.compile(r"^exercises/[^/]+\.py$")
MATH = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)


def is_notebook(src_uri: str) -> bool:
    return bool(NOTEBOOKS.match(src_uri))


def ipynb_name(src_uri: str) -> str:
    return PurePosixPath(src_uri).stem + ".ipynb"


INSTALL_CELL = """\
# Installs this course's package from its site when it is missing (Jupyter, Colab or a venv), or again when the one
# installed holds another worked example than this site's (the instructor changed it); else does nothing.
import hashlib
import importlib.util
import pathlib
import subprocess
import sys

SITE_EXAMPLE = "{example}"  # this site's backprop/example.json: the start of its SHA-256


def installed_example():
    spec = importlib.util.find_spec("backprop")  # finds the package without importing it
    example = pathlib.Path(spec.origin).with_name("example.json") if spec and spec.origin else None
    return hashlib.sha256(example.read_bytes()).hexdigest()[:16] if example and example.is_file() else None


if importlib.util.find_spec("backprop") is None:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "{url}"])
elif installed_example() != SITE_EXAMPLE:  # the same version, built with another example: replace it
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps",
                           "--no-cache-dir", "{url}"])
importlib.invalidate_caches()  # so this running kernel finds the package it just installed
"""


def install_cell(url: str, example: str) -> nbformat.NotebookNode:
    """The downloaded notebook's first code cell: ``pip install`` the site's wheel if backprop is missing, or if the
    installed one's example is not the site's (``example``: the start of the SHA-256 of the wheel's example.json,
    ``config.extra["package"]["example"]``, hooks/package.py)."""
    return nbformat.v4.new_code_cell(INSTALL_CELL.format(url=url, example=example), metadata={"tags": ["install"]})


# mkdocs serve rebuilds in one process: what was made from the same input is reused (bounded, cleared when full).
_made: dict[tuple, str] = {}


def _memo(make, *args: str) -> str:
    key = (make.__name__, *args)
    if key not in _made:
        if len(_made) > 200:
            _made.clear()
        _made[key] = make(*args)
    return _made[key]


def download_notebook(source: str, url: str, example: str) -> str:
    """The downloadable .ipynb of a jupytext notebook's ``source``: no outputs, the install cell first."""
    notebook = jupytext.reads(source, fmt="py")
    first_code = next((n for n, c in enumerate(notebook.cells) if c.cell_type == "code"), len(notebook.cells))
    notebook.cells.insert(first_code, install_cell(url, example))
    return jupytext.writes(notebook, fmt="ipynb")


def on_files(files, config, **kwargs):
    for file in list(files):
        if file.abs_src_path and is_notebook(file.src_uri):
            source, url = Path(file.abs_src_path).read_text(encoding="utf-8"), config.extra["package"]["url"]
            example = config.extra["package"]["example"]
            stem = PurePosixPath(file.src_uri).stem
            uri = f"exercises/{stem}/{ipynb_name(file.src_uri)}"  # beside the page's index.html
            content = _memo(download_notebook, source, url, example)
            files.append(File.generated(config, uri, content=content))
    return files


def on_page_context(context, page, config, nav, **kwargs):
    if is_notebook(page.file.src_uri):
        page.meta["notebook_download"] = ipynb_name(page.file.src_uri)  # relative to the page
    return context


def on_page_content(html, page, config, files, **kwargs):
    if not is_notebook(page.file.src_uri):
        return html
    return _memo(clean_notebook_html, html)


def clean_notebook_html(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all("style"):
        tag.decompose()
    for tag in soup.find_all("script"):
        if tag.get("type") != "application/vnd.jupyter.widget-state+json":
            tag.decompose()  # clipboard widget, MathJax 2 (CDN) and its config, mermaid loader (CDN)
    for tag in soup.find_all(class_=["zeroclipboard-container", "clipboard-copy-txt"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: s.__class__.__name__ == "Comment"):
        comment.extract()
    for block in soup.select("div.highlight-ipynb"):
        pre = block.find("pre")
        code = soup.new_tag("code")
        for child in list(pre.children):
            code.append(child.extract())
        pre.append(code)
        block["class"] = ["language-python", "highlight"]
    for cell in soup.find_all(id=re.compile(r"^cell-id=")):
        cell["id"] = "cell-" + cell["id"].removeprefix("cell-id=")
    for empty in soup.select("div.jp-Collapser"):
        empty.decompose()
    for markdown in soup.select(".jp-RenderedMarkdown"):
        wrap_math(soup, markdown)
    # Out of the search index (material's data-search-exclude): a heading's "¶" link, which ended every exercise's
    # title there ("Exercise 6. Rule 3: the hidden weights¶"), the code cells, which became the results' snippets
    # ("from backprop import examples, show ..."), and the answer boxes and the line that stands for them outside the
    # site ("(On the course site an answer box appears here.)"): a search review
    for junk in soup.select("a.anchor-link, .jp-CodeCell .jp-InputArea, form.bp-answer, .bp-answer-elsewhere"):
        junk["data-search-exclude"] = ""
    # mkdocs-jupyter ends an .ipynb page (hooks/notebook_cache.py's executed copy) with a <style>, dropped above:
    # without the whitespace around it the page is the page of the .py source
    return str(soup).rstrip() + "\n"


def wrap_math(soup: BeautifulSoup, root) -> None:
    """Turn ``$x$`` into arithmatex's ``<span class="arithmatex">\\(x\\)</span>`` (and $$ into \\[ \\])."""
    for text in list(root.find_all(string=MATH)):
        if text.find_parent(["code", "pre", "script"]) or text.__class__.__name__ == "Comment":
            continue
        pieces, last = [], 0
        for match in MATH.finditer(text):
            pieces.append(text[last:match.start()])
            span = soup.new_tag("span", attrs={"class": "arithmatex"})
            display, inline = match.group(1), match.group(2)
            span.string = f"\\[{display}\\]" if display is not None else f"\\({inline}\\)"
            pieces.append(span)
            last = match.end()
        pieces.append(text[last:])
        for piece in pieces:
            text.insert_before(piece)
        text.extract()
