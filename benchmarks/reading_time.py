"""How long the derivation path takes to read: words at 200 a minute plus 15 s per display equation.

    .venv/bin/python -m benchmarks.reading_time SITE_DIR        # a built site, e.g. site-pages/ of make build-pages

What a reader sees without clicking counts; what a click reveals does not:

* counted: the article's text (prose, tables, code shown on the page, captions), each inline formula as one word,
  each display formula as 15 s, the summary line of a collapsed box;
* not counted: the inside of a collapsed box (``<details>`` without ``open``), every tab but the one a tab set opens
  on, the tab labels, the permalink signs, figures' drawings (their captions count), scripts and styles.

The pages are those of the nav section "The derivation" in mkdocs.yml, in nav order, without the live example (a
tool, not reading) and without pages whose nav title says they are a reference or an appendix.

A second figure, **prose only**, leaves out the words of code, of tables and the inline formulas: what a reader reads
as sentences. Issue 16 gives about 55 minutes for the path before it; the full measure gives 76.8 for that state and
prose only 59.1, so the issue's count was narrower than either; benchmarks/README.md compares the two states in both.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.support import ROOT

WORDS_PER_MINUTE = 200
SECONDS_PER_DISPLAY = 15
SECTION = "The derivation"
NOT_READING = ("live-example.md",)
REFERENCE = re.compile(r"\b(reference|appendix)\b", re.I)

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "svg", "noscript", "template"}


@dataclass(frozen=True)
class Reading:
    """What one page asks of a reader: ``words`` (inline formulas as one word each) and ``displays``; of the words,
    ``code`` in code blocks, ``table`` in tables and ``inline`` formulas."""

    words: int
    displays: int
    code: int = 0
    table: int = 0
    inline: int = 0

    @property
    def seconds(self) -> float:
        r"""$60\,\text{words}/200 + 15\,\text{displays}$."""
        return 60 * self.words / WORDS_PER_MINUTE + SECONDS_PER_DISPLAY * self.displays

    @property
    def prose_seconds(self) -> float:
        """`seconds` without the words of code, of tables and the inline formulas."""
        prose = self.words - self.code - self.table - self.inline
        return 60 * prose / WORDS_PER_MINUTE + SECONDS_PER_DISPLAY * self.displays


@dataclass
class _Open:
    """One open element: its tag, whether it hides what it holds, whether it is a formula, a collapsed box."""

    tag: str
    hides: bool = False
    math: bool = False
    collapsed: bool = False
    tabs: list[int] | None = None  # a .tabbed-set: [inputs seen, index of the checked one, blocks seen]


class _Reader(HTMLParser):
    """Counts the visible words and display formulas of the first ``<article>`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.done = False
        self.words = 0
        self.displays = 0
        self.code = 0
        self.table = 0
        self.inline = 0

    def _hidden(self) -> bool:
        return any(o.hides or o.math for o in self.stack)

    def _tab_set(self) -> list[int] | None:
        return next((o.tabs for o in reversed(self.stack) if o.tabs is not None), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done or (not self.stack and tag != "article"):
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "input":
            tabs = self._tab_set()
            if tabs is not None:
                if "checked" in a:
                    tabs[1] = tabs[0]
                tabs[0] += 1
            return
        if tag in _VOID:
            return
        parent = self.stack[-1] if self.stack else None
        o = _Open(tag, hides=tag in _SKIP or bool(classes & {"headerlink", "tabbed-labels"}))
        if parent is not None and parent.collapsed and tag != "summary":
            o.hides = True  # the inside of a collapsed box
        if tag == "details":
            o.collapsed = "open" not in a
        if "tabbed-set" in classes:
            o.tabs = [0, 0, 0]
        if "tabbed-block" in classes:
            tabs = self._tab_set()
            if tabs is not None:
                o.hides = o.hides or tabs[2] != tabs[1]  # a tab the set does not open on
                tabs[2] += 1
        if "arithmatex" in classes:
            if not self._hidden() and not o.hides:
                if tag == "div":
                    self.displays += 1
                else:
                    self.words += 1
                    self.inline += 1
            o.math = True
        self.stack.append(o)

    def handle_endtag(self, tag: str) -> None:
        if self.done or tag in _VOID or not any(o.tag == tag for o in self.stack):
            return
        while self.stack.pop().tag != tag:
            pass
        self.done = not self.stack

    def handle_data(self, data: str) -> None:
        if not self.stack or self._hidden() or self.stack[-1].collapsed:
            return
        words = len(data.split())
        self.words += words
        tags = {o.tag for o in self.stack}
        if tags & {"pre", "code"}:
            self.code += words
        elif "table" in tags:
            self.table += words


def read_html(html: str) -> Reading:
    """The `Reading` of one built page's article."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return Reading(reader.words, reader.displays, reader.code, reader.table, reader.inline)


def derivation_pages(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The Markdown files of the nav section `SECTION`, in order, without the live example and reference pages."""
    text = config.read_text(encoding="utf-8")
    nav = yaml.load(text, Loader=_IgnoreTags)["nav"]
    (section,) = [entry[SECTION] for entry in nav if isinstance(entry, dict) and SECTION in entry]
    pages = []
    for entry in section:
        title, path = next(iter(entry.items())) if isinstance(entry, dict) else ("", entry)
        if path in NOT_READING or REFERENCE.search(title):
            continue
        pages.append(path)
    return pages


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's ``!ENV`` tags read as plain values."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def built_file(site: Path, page: str) -> Path:
    """Where mkdocs writes ``page`` (use_directory_urls): ``rule-x.md`` -> ``rule-x/index.html``."""
    stem = page.removesuffix(".md")
    return site / ("index.html" if stem == "index" else f"{stem}/index.html")


def path_reading(site: Path, pages: list[str] | None = None) -> dict[str, Reading]:
    """page -> `Reading` for the derivation path of a built ``site``."""
    return {page: read_html(built_file(site, page).read_text(encoding="utf-8"))
            for page in (pages or derivation_pages())}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    readings = path_reading(Path(argv[0]))
    print(f"{'page':<32} {'words':>6} {'displays':>8} {'minutes':>8} {'prose only':>10}")
    for page, r in readings.items():
        print(f"{page:<32} {r.words:>6} {r.displays:>8} {r.seconds / 60:>8.1f} {r.prose_seconds / 60:>10.1f}")
    words = sum(r.words for r in readings.values())
    displays = sum(r.displays for r in readings.values())
    total = sum(r.seconds for r in readings.values())
    prose = sum(r.prose_seconds for r in readings.values())
    print(f"{'total (' + str(len(readings)) + ' pages)':<32} {words:>6} {displays:>8} {total / 60:>8.1f} "
          f"{prose / 60:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
