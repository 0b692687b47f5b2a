"""The search index's section titles as the table of contents writes them: plain text, not TeX.

Material's search plugin takes a section's title from its heading's HTML, where the math is still arithmatex's
``\\(f'(v)\\)``; the results list shows it as typed (a reviewer: "2. Dropping \\(f'(v)\\)", "Choosing \\(h\\)"). Every
heading with math has a plain ``data-toc-label`` (tests/site/test_build.py), the title the table of contents shows;
after the search plugin has written the index, this hook gives those sections that title. (The sections' text keeps
its TeX: it is what a reader's search words are matched against, and no plain label exists for it.)
"""

from __future__ import annotations

import json
from pathlib import Path

_labels: dict[str, str] = {}  # search location ("rule-output-bias/#each-bias", "page/" for its first section) -> title


def on_config(config, **kwargs):
    _labels.clear()  # mkdocs serve: a new build, new pages


def on_page_context(context, page, config, nav, **kwargs):
    def walk(items, first: bool) -> None:
        for n, item in enumerate(items):
            # the search plugin's first section of a page (its h1) has no id in its location
            _labels[page.url if first and n == 0 and item.level == 1 else f"{page.url}#{item.id}"] = item.title
            walk(item.children, False)

    walk(page.toc.items, True)
    return context


def on_post_build(config, **kwargs):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        label = _labels.get(doc["location"])
        if label and "\\(" in doc["title"]:
            doc["title"] = label
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
