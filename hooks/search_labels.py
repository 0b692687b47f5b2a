"""The search index: its section titles as the table of contents writes them (plain text, not TeX), and every page's
entries after a rebuild of `make serve` that wrote only some pages.

Material's search plugin takes a section's title from its heading's HTML, where the math is still arithmatex's
``\\(f'(v)\\)``; the results list shows it as typed (a reviewer: "2. Dropping \\(f'(v)\\)", "Choosing \\(h\\)"). Every
heading with math has a plain ``data-toc-label`` (tests/site/test_build.py), the title the table of contents shows;
after the search plugin has written the index, this hook gives those sections that title. (The sections' text keeps
its TeX: it is what a reader's search words are matched against, and no plain label exists for it.)

Under ``mkdocs serve --dirty`` (hooks/incremental.py) the plugin merges the pages written now into the index it kept:
it drops the kept entries whose location starts with the first new page's (the home page's, "", starts every one) and
appends the new ones. So this hook keeps each page's entries itself: a page written now gives the last run of its
entries in the index (the appended ones), any other page keeps those it gave before, and the index lists them in the
pages' order, as a whole build does.
"""

from __future__ import annotations

import json
from pathlib import Path

import incremental  # hooks/incremental.py: mkdocs loads a hook with its folder on sys.path

_order: list[str] = []  # every page's url, in the order of a whole build's index
_written: set[str] = set()  # the urls of the pages this build writes
_labels: dict[str, str] = {}  # search location ("rule-output-bias/#each-bias", "page/" for its first section) -> title


def page_of(location: str) -> str:
    """The url of the page a search location is on ("rule-output-bias/#each-bias" -> "rule-output-bias/")."""
    return location.split("#", 1)[0]


def last_runs(docs: list[dict]) -> dict[str, list[dict]]:
    """Each page's last run of consecutive entries in ``docs`` (the plugin adds a page's entries one after another)."""
    runs: dict[str, list[dict]] = {}
    previous = None
    for doc in docs:
        page = page_of(doc["location"])
        if page != previous:
            runs[page] = []
            previous = page
        runs[page].append(doc)
    return runs


def on_files(files, config, **kwargs):
    _order[:] = ["" if f.url in (".", "./") else f.url for f in files.documentation_pages()]  # as Page.url
    _written.clear()
    _labels.clear()
    return files


def on_page_context(context, page, config, nav, **kwargs):
    def walk(items, first: bool) -> None:
        for n, item in enumerate(items):
            # the search plugin's first section of a page (its h1) has no id in its location
            _labels[page.url if first and n == 0 and item.level == 1 else f"{page.url}#{item.id}"] = item.title
            walk(item.children, False)

    _written.add(page.url)
    walk(page.toc.items, True)
    return context


def on_post_build(config, **kwargs):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    kept, runs = incremental.shares("search"), last_runs(index["docs"])
    for page in _written:
        docs = kept[page] = runs.get(page, [])  # none: its text is all excluded from search
        for doc in docs:
            label = _labels.get(doc["location"])
            if label and "\\(" in doc["title"]:
                doc["title"] = label
    index["docs"] = [doc for page in _order for doc in kept.get(page, [])]
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
