"""The built site loads nothing from another host: no CDN, no web fonts, no API calls.

Links to other sites (``<a href="https://...">``) are fine: following one is the reader's choice.
Resources are not: scripts, stylesheets, images, fonts, frames, media, and CSS ``url()``/``@import``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# (tag, attribute) pairs whose URL the browser fetches by itself.
RESOURCE_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("frame", "src"),
    ("embed", "src"), ("object", "data"), ("source", "src"), ("source", "srcset"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"), ("image", "href"),
    ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"), ("feimage", "href"),
}
# <link rel=...> values that make the browser fetch (or connect to) the URL.
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload", "prefetch",
                 "modulepreload", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)
JS_IMPORT = re.compile(r"""\bimport\b(?:[\w\s{},*]*\bfrom)?\s*\(?\s*['"]((?:https?:)?//[^'"]+)['"]""")


def is_external(url: str, site_url: str = "") -> bool:
    url = url.strip()
    if site_url and url.startswith(site_url):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme in {"http", "https", "ftp"}


class ResourceFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.resources: list[tuple[str, str]] = []  # (what, url)
        self._in_style = False
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        for name, value in a.items():
            if (tag, name) in RESOURCE_ATTRS:
                urls = [u.split()[0] for u in value.split(",") if u.strip()] if name == "srcset" else [value]
                self.resources += [(f"<{tag} {name}>", u) for u in urls]
        if tag == "link" and set(a.get("rel", "").lower().split()) & FETCHING_RELS:
            self.resources.append((f"<link rel={a['rel']}>", a.get("href", "")))
        if "style" in a:
            self.resources += [("style attribute", u) for u in CSS_URL.findall(a["style"])]
        self._in_style = tag == "style"
        self._in_script = tag == "script" and not a.get("src")

    def handle_data(self, data):
        if self._in_style:
            self.resources += [("<style>", u) for u in CSS_URL.findall(data)]
        if self._in_script:  # an inline module import from a CDN (mermaid loaders do this)
            self.resources += [("inline <script> import", m.group(1)) for m in JS_IMPORT.finditer(data)]

    def handle_endtag(self, tag):
        if tag in {"style", "script"}:
            self._in_style = self._in_script = False


def external_resources(html: str, site_url: str = "") -> list[tuple[str, str]]:
    finder = ResourceFinder()
    finder.feed(html)
    return [(what, url) for what, url in finder.resources if is_external(url, site_url)]


def test_the_finder_tells_resources_from_links():
    html = """
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="canonical" href="https://example.org/page/">
      <script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js"></script>
      <script src="../assets/javascripts/bundle.js"></script>
      <img srcset="a.png 1x, //cdn.example.org/b.png 2x" src="local.png">
      <div style="background: url('https://example.org/bg.png')"></div>
      <style>@import "https://example.org/x.css"; .a { background: url(data:image/png;base64,AA) }</style>
      <a href="https://github.com/backprop-course/backprop">the repository</a>
      <svg><use href="#icon"/></svg>
      <script type="module">import mermaid from "https://cdn.jsdelivr.net/npm/mermaid@10/dist/mermaid.esm.min.mjs";</script>
      <script>document$.subscribe(() => {})</script>
    """
    found = {url for _, url in external_resources(html)}
    assert found == {
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js",
        "//cdn.example.org/b.png",
        "https://example.org/bg.png",
        "https://example.org/x.css",
        "https://cdn.jsdelivr.net/npm/mermaid@10/dist/mermaid.esm.min.mjs",
    }
    # The site's own absolute URL (site_url) is local.
    assert external_resources('<script src="http://127.0.0.1:8000/a.js"></script>', "http://127.0.0.1:8000/") == []


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.slow
def test_no_page_loads_anything_from_another_host(site_build):
    problems = []
    for page in built_pages(site_build.dir):
        html = page.read_text(encoding="utf-8")
        for what, url in external_resources(html, site_build.url):
            problems.append(f"{page.relative_to(site_build.dir)}: {what} {url}")
    assert not problems, "external resources:\n" + "\n".join(problems)


@pytest.mark.slow
def test_no_stylesheet_or_script_fetches_from_another_host(site_build):
    problems = []
    for path in sorted(site_build.dir.rglob("*.css")):
        for url in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
            if is_external(url):
                problems.append(f"{path.relative_to(site_build.dir)}: url({url})")
    for path in sorted(site_build.dir.rglob("*.js")):
        if "assets/mathjax" in path.as_posix():
            continue  # MathJax loads its parts relative to tex-chtml.js (checked in the browser tests)
        for m in JS_IMPORT.finditer(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{path.relative_to(site_build.dir)}: {m.group(0)}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_web_fonts_and_no_repository_api_calls(site_build):
    for page in built_pages(site_build.dir):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site_build.dir)
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, f"{where}: Google Fonts"
        # material fetches stars/forks from api.github.com for an element marked as the source widget
        # (overrides/partials/source.html drops the marker, keeping the plain link).
        assert 'data-md-component="source"' not in html, f"{where}: the repository widget calls api.github.com"
