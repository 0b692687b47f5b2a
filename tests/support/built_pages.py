"""The checks of a page of the built site: the numbers of the rendered Markdown are in its HTML, and its figures
have text alternatives."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from tests.support.pages import numbers_in, page_text


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
    """The page's figures: each <svg> an image with a label of some length (its <title> too; or named by its own
    <title> and other elements, aria-labelledby), drawn in the text colour on a transparent ground; each <img> with
    an alt text."""
    source = built(site_build, name)
    figures = _Figures()
    figures.feed(source)
    if name == "iteration-and-training":
        assert len(figures.svgs) >= 2, "the loss curve and the fitted function"
    for svg in figures.svgs:
        if svg.get("aria-hidden") == "true":
            continue
        assert svg.get("role") == "img"
        if "aria-labelledby" in svg:  # named by its own elements (a hand-drawn SVG): the <title> among them
            ids = svg["aria-labelledby"].split()
            named = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", m[2])).split())
                     for i in ids for m in [re.search(rf'<(\w+)[^>]*\bid="{re.escape(i)}"[^>]*>(.*?)</\1>', source,
                                                     re.S)] if m]
            assert len(named) == len(ids) and len(" ".join(named)) > 40, (ids, named)
            assert " ".join(svg["title"].split()) in named, (svg["title"], named)
            continue
        assert len(svg.get("aria-label", "")) > 40, svg.get("aria-label")
        assert svg["title"].strip() == svg["aria-label"].strip()
    for img in figures.imgs:
        assert img.get("alt", "").strip(), img
    article = source[source.index("<article"):source.index("</article>")]
    for svg in re.findall(r"<svg.*?</svg>", article, re.S):  # drawn in the text colour, transparent
        assert "#000000" not in svg and "#ffffff" not in svg.lower()
        assert 'fill="currentColor"' in svg
