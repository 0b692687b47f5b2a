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

A notebook's first heading is a section of its own in the index, under the page's entry, and both carry the exercise's
title (a search review found each exercise listed twice: "6. Rule 3: the hidden weights" and "Exercise 6. Rule 3: the
hidden weights"): its text joins the page's entry, under the nav's title.
"""

from __future__ import annotations

import json
from pathlib import Path

import incremental  # hooks/incremental.py: mkdocs loads a hook with its folder on sys.path

_order: list[str] = []  # every page's url, in the order of a whole build's index
_written: set[str] = set()  # the urls of the pages this build writes
_h1: dict[str, str] = {}  # page url -> its first heading's search location, where that is a section of its own
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
    _h1.clear()
    return files


def on_page_context(context, page, config, nav, **kwargs):
    def walk(items, first: bool) -> None:
        for n, item in enumerate(items):
            # the search plugin's first section of a page (its h1) has no id in its location
            _labels[page.url if first and n == 0 and item.level == 1 else f"{page.url}#{item.id}"] = item.title
            walk(item.children, False)

    _written.add(page.url)
    walk(page.toc.items, True)
    first = page.toc.items[0] if page.toc.items else None
    if first is not None and first.level == 1 and first.id:
        _h1[page.url] = f"{page.url}#{first.id}"
    return context


def one_entry_for_the_title(docs: list[dict], page: str, h1: str) -> list[dict]:
    """A page's entries with its first heading's section (location ``h1``) joined to the page's own entry: its text
    first, as on the page; the page's title kept. Unchanged if either is missing."""
    top = next((doc for doc in docs if doc["location"] == page), None)
    heading = next((doc for doc in docs if doc["location"] == h1), None)
    if top is None or heading is None:
        return docs
    joined = {**top, "text": " ".join(t for t in (heading["text"], top["text"]) if t)}
    return [joined if doc is top else doc for doc in docs if doc is not heading]


def on_post_build(config, **kwargs):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    kept, runs = incremental.shares("search"), last_runs(index["docs"])
    for page in _written:
        docs = runs.get(page, [])  # none: its text is all excluded from search
        if page in _h1:
            docs = one_entry_for_the_title(docs, page, _h1[page])
        kept[page] = docs
        for doc in docs:
            label = _labels.get(doc["location"])
            if label and "\\(" in doc["title"]:
                doc["title"] = label
    index["docs"] = [doc for page in _order for doc in kept.get(page, [])]
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
