"""What a page weighs as a reader first receives it: its HTML plus every local CSS and JS file it loads, uncompressed.

For bench_site.py's last two rows: the heaviest page of a built site, and the heaviest of the derivation pages (target
<= 2 MB). Files are read from the built site's directory; a URL with a scheme (another host) is not counted, and a file
loaded by two tags is counted once.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or ""):
            self.urls.append(a["href"])


def page_weight(site: Path, page: Path) -> int:
    """Bytes of the page's HTML and of every local CSS/JS file its tags load (an ``@import`` inside a CSS file is not
    followed)."""
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    total, seen = page.stat().st_size, set()
    for url in parser.urls:
        url = url.split("?")[0].split("#")[0]
        if re.match(r"^[a-z]+:", url):
            continue
        path = (page.parent / url).resolve() if not url.startswith("/") else site / url.lstrip("/")
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        total += path.stat().st_size
    return total


def heaviest(site: Path, names: list[str] | None = None) -> tuple[str, int]:
    """(folder, bytes) of the heaviest page of ``site``, or of the pages ``names`` (folders like ``forward-pass``)."""
    pages = sorted(site.rglob("*.html"))
    if names is not None:
        pages = [site / n / "index.html" for n in names if (site / n / "index.html").is_file()]
    weights = {str(p.relative_to(site).parent) or "/": page_weight(site, p) for p in pages}
    name = max(weights, key=weights.get)
    return name, weights[name]
