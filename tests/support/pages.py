"""The site's pages as the tests read them: the Python blocks of a Markdown file, what an ``exec="1"`` block prints
when run as the build runs it, and a whole page rendered so, with the example in use or with another example file.

For the page tests of tests/pages/ (home, iteration and training, common mistakes, verification, notation): numbers
as the site writes them (`six`, `s6`, `given`), a page's rendered text (`page_text`, `prose`, cached per process) and
the same for every example file (`example_pages`, `example_prose`), its 6-decimal numbers and tables, its display
equations (`markdown_displays`, `markdown_says`), and the checks of a page of the built site (its numbers, its
figures' text alternatives)."""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from tests.support import oracle

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NO_RUN = "no-run"

# pymdownx.snippets' include line (files are looked up in docs/), and a markdown-exec block of a page.
SNIPPET = re.compile(r'^[ \t]*--8<-- "([^"]+)"[ \t]*$', re.M)
EXEC = re.compile(r'^(?P<indent>[ ]*)```python exec="1"[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$', re.M | re.S)
# An opening fence: indentation, 3+ backticks or tildes, then the info string.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")


@dataclass(frozen=True)
class Snippet:
    path: Path  # the Markdown file
    line: int  # 1-based line of the opening fence
    info: str  # the fence's info string, e.g. 'python exec="1" source="above"'
    code: str

    @property
    def where(self) -> str:
        try:
            return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"
        except ValueError:
            return f"{self.path.as_posix()}:{self.line}"

    @property
    def runnable(self) -> bool:
        return NO_RUN not in classes(self.info)


def language(info: str) -> str:
    """The language of a fence: ``python exec="1"`` -> python, ``{ .python .no-run }`` -> python."""
    info = info.strip()
    if info.startswith("{"):
        first = re.search(r"\.([\w+-]+)", info)
        return first.group(1).lower() if first else ""
    return re.split(r"[\s{]", info, maxsplit=1)[0].lower()


def classes(info: str) -> set[str]:
    """The ``.class`` names of a fence's attribute list (both ``{ .python .x }`` and ``python { .x }``)."""
    braces = re.search(r"\{(.*)\}", info)
    return set(re.findall(r"(?:^|\s)\.([\w-]+)", braces.group(1))) if braces else set()


def collect(path: Path) -> list[Snippet]:
    """The Python code blocks of one Markdown file, also those indented in admonitions and tabs."""
    lines = path.read_text(encoding="utf-8").splitlines()
    snippets, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m["indent"], m["fence"], m["info"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body, j = [], i + 1
        while j < len(lines) and not closing.match(lines[j]):
            body.append(lines[j])
            j += 1
        if language(info) in {"python", "py"}:
            code = "\n".join(ln[len(indent):] if ln.startswith(indent) else ln for ln in body)
            snippets.append(Snippet(path, i + 1, info.strip(), textwrap.dedent(code) + "\n"))
        i = j + 1  # also skips blocks nested in other fences (e.g. a markdown example of a fence)
    return snippets


def collect_all(docs: Path = DOCS) -> list[Snippet]:
    return [s for md in sorted(docs.rglob("*.md")) for s in collect(md)]


def render_block(snippet) -> str:
    """What one ``exec="1"`` block prints, run here in its own namespace, as the build runs it.

    markdown-exec gives the blocks a ``print`` that joins its arguments with a space and ignores ``sep``; so does
    this one, so that a block relying on ``sep`` prints here what it prints on the site.
    """
    buf = io.StringIO()

    def markdown_exec_print(*texts, end="\n", **_ignored):
        buf.write(" ".join(str(t) for t in texts) + end)

    with contextlib.redirect_stdout(buf):
        exec(compile(snippet.code, snippet.where, "exec"), {"__name__": "__main__", "print": markdown_exec_print})
    return buf.getvalue()


def page_markdown(page: str) -> str:
    """The Markdown of ``docs/<page>.md`` with its snippets included, as pymdownx.snippets includes them."""
    return SNIPPET.sub(lambda m: (DOCS / m[1]).read_text(encoding="utf-8"),
                       (DOCS / f"{page}.md").read_text(encoding="utf-8"))


def render_page(page: str, skip: str | None = None) -> str:
    """The Markdown of ``docs/<page>.md`` as the build renders it: snippets included, each ``exec="1"`` block replaced
    by what it prints (`render_block`). A block whose code holds ``skip`` is left out (replaced by nothing)."""
    source = page_markdown(page)

    def output(m: re.Match) -> str:
        if skip is not None and skip in m["body"]:
            return ""
        printed = render_block(Snippet(DOCS / f"{page}.md", source.count("\n", 0, m.start()) + 1, "python exec",
                                       textwrap.dedent(m["body"])))
        assert printed.strip(), f"{page}: a block printed nothing:\n{m['body']}"
        return printed

    return EXEC.sub(output, source)


_RENDER = """
import json, sys
from tests.support.pages import render_page
pages, skip = json.loads(sys.argv[1])
print(json.dumps({page: render_page(page, skip) for page in pages}))
"""


def render_with_example(path: Path, pages: Sequence[str], skip: str | None = None) -> dict[str, str]:
    """page -> `render_page` of it with the example file ``path``: in a process of its own with ``BACKPROP_EXAMPLE``
    naming the file, since backprop reads its example when it is first imported."""
    proc = subprocess.run([sys.executable, "-c", _RENDER, json.dumps([list(pages), skip])], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          env={**os.environ, "BACKPROP_EXAMPLE": str(path)})
    assert proc.returncode == 0, f"rendering {', '.join(pages)} with {path}:\n{proc.stderr}"
    return json.loads(proc.stdout)


# --- the page tests' reading of a page: numbers as the site writes them, a page's text and its equations -----------


def six(values) -> set[str]:
    """Numbers as the site writes them: 6 decimals, never -0.000000."""
    return oracle.number_strings(list(values))


s6 = oracle.number_string  # one number as the site writes it


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@cache
def page_text(page: str) -> str:
    """The page's Markdown as the build renders it for the example in use."""
    return render_page(page)


# The same pages for each example file (the default and tests/examples/*), each rendered in a process of its own
# with BACKPROP_EXAMPLE naming it; the training blocks, which do not use the example, are left out.
EXAMPLE_PAGES = ("iteration-and-training", "common-mistakes")
EXAMPLE_FILES = oracle.all_example_files()


@cache
def example_pages(path: Path) -> dict[str, str]:
    """page -> its Markdown as the build renders it with the example file ``path``."""
    return render_with_example(path, EXAMPLE_PAGES, skip="regression_data")


def example_prose(path: Path, page: str) -> str:
    return re.sub(r"\s+", " ", example_pages(path)[page])


def given(value: float) -> str:
    """A given value as a person writes it: six decimals at most, no trailing zeros (0.5, 1, -2)."""
    text = s6(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def prose(page: str) -> str:
    """The page's text with runs of white space made one space, for finding sentences."""
    return re.sub(r"\s+", " ", page_text(page))


def numbers_in(text: str) -> set[str]:
    """Every number printed with exactly 6 decimals."""
    return set(re.findall(r"(?<![\d.])-?\d+\.\d{6}(?!\d)", text))


def table_rows(text: str, first_header: str) -> list[list[str]]:
    """The body rows of the Markdown table whose header starts with ``| first_header |``, as stripped cells."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def norm_tex(text: str) -> str:
    return " ".join(text.split())


def markdown_says(page: str, tex: str) -> bool:
    """Whether the page's Markdown holds ``tex`` (whitespace normalised: an equation may wrap over lines)."""
    return norm_tex(tex) in norm_tex((DOCS / f"{page}.md").read_text(encoding="utf-8"))


def markdown_displays(page: str) -> list[str]:
    """The display equations of a page's Markdown outside its code blocks, whitespace normalised, in order."""
    text = re.sub(r"^([ \t]*)```.*?^\1```", "", (DOCS / f"{page}.md").read_text(encoding="utf-8"), flags=re.M | re.S)
    return [norm_tex(eq) for eq in re.findall(r"^[ \t]*\$\$\n(.*?)\n[ \t]*\$\$[ \t]*$", text, re.M | re.S)]


# --- the built site: the same numbers in the HTML, and figures with text alternatives ------------------------------


def built(site_build, name: str) -> str:
    return (site_build.dir / (name if name.endswith(".html") else f"{name}/index.html")).read_text(encoding="utf-8")


def html_text(page_html: str) -> str:
    """The page's text: pre-rendered math back to its TeX (kept in data-tex), tags removed, entities decoded."""
    text = re.sub(r'<mjx-container[^>]*data-tex="([^"]*)"[^>]*>.*?</mjx-container>', r" $\1$ ", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


class _Figures(HTMLParser):
    """Collects the <svg> and <img> elements inside the page's <article>, with their <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.svgs: list[dict] = []
        self.imgs: list[dict] = []
        self._title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article += 1
        elif self.in_article and tag == "svg":
            self.svgs.append({**attrs, "title": ""})
        elif self.in_article and tag == "img":
            self.imgs.append(attrs)
        elif tag == "title" and self.svgs:
            self._title = True

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag == "title":
            self._title = False

    def handle_data(self, data):
        if self._title:
            self.svgs[-1]["title"] += data


def assert_built_page_shows_the_numbers(site_build, name: str) -> None:
    """Every 6-decimal number of the rendered Markdown is in the built page (the build ran the same blocks)."""
    page = "index.html" if name == "index" else name
    text = re.sub(r"<svg.*?</svg>", "", page_text(name), flags=re.S)  # a figure's coordinates are not text
    assert numbers_in(text) <= numbers_in(html_text(built(site_build, page)))


def assert_figures_have_text_alternatives(site_build, name: str) -> None:
    """The page's figures: each <svg> an image with a label of some length (its <title> too), drawn in the text
    colour on a transparent ground; each <img> with an alt text."""
    source = built(site_build, name)
    figures = _Figures()
    figures.feed(source)
    if name == "iteration-and-training":
        assert len(figures.svgs) >= 2, "the loss curve and the fitted function"
    for svg in figures.svgs:
        if svg.get("aria-hidden") == "true":
            continue
        assert svg.get("role") == "img"
        assert len(svg.get("aria-label", "")) > 40, svg.get("aria-label")
        assert svg["title"].strip() == svg["aria-label"].strip()
    for img in figures.imgs:
        assert img.get("alt", "").strip(), img
    article = source[source.index("<article"):source.index("</article>")]
    for svg in re.findall(r"<svg.*?</svg>", article, re.S):  # drawn in the text colour, transparent
        assert "#000000" not in svg and "#ffffff" not in svg.lower()
        assert 'fill="currentColor"' in svg
