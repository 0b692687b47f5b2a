"""The pages on paper: a reader's Print, or Save as PDF (docs/stylesheets: the ``@media print`` rules, and
docs/javascripts/later-fonts.js).

A print review found a table's last column and wide formulas cut at the paper's edge, copy and Check buttons on
paper, worked solutions printed right under the answer boxes, pale dark-palette colours on white paper, and italic
words missing: the faces only blocks below the screen draw with had never been fetched, and a printout does not wait
for a font. The page is laid out here as it prints, at the width of an A4 sheet less material's margins (605 px at
96 dpi), and its print media emulated.
"""

from __future__ import annotations

import re

import pytest

from tests.support.browser import new_tab

pytestmark = pytest.mark.browser

PAPER = {"width": 605, "height": 900}  # A4's 210 mm less material's 2 x 25 mm print margins, at 96 dpi

# What an element loses at the right: past the nearest ancestor that clips (overflow other than visible) or the page.
CLIPPED_JS = """(width) => {
  const clipped = [];
  for (const el of document.querySelectorAll('article table, article mjx-container[display="true"]')) {
    const box = el.getBoundingClientRect();
    if (!box.width) continue;
    let limit = width;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") limit = Math.min(limit, a.getBoundingClientRect().right);
    }
    const own = getComputedStyle(el).overflowX !== "visible" ? box.left + el.scrollWidth : box.right;
    if (own > limit + 1) clipped.push([el.tagName, Math.round(own - limit), el.textContent.slice(0, 60)]);
  }
  return clipped;
}"""


# Whether Roboto's italic face has been loaded (a face only the live page's lower blocks draw with).
ITALIC_LOADED = """() => [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Roboto"
  && f.style === "italic" && f.status === "loaded")"""


@pytest.fixture
def paper(browser, server):
    tab = new_tab(browser, server, viewport=PAPER, color_scheme="light")
    yield tab
    tab.close()


def printed(tab, path: str) -> None:
    tab.visit(path)
    tab.page.emulate_media(media="print")


@pytest.mark.parametrize("path", ["rule-output-weights/", "rule-hidden-weights/", "exercises/04-output-weights/"])
def test_tables_and_formulas_are_not_cut_at_the_papers_edge(paper, path):
    """Rule 1's table of the three new weights lost its last column on paper (46 px past the edge)."""
    printed(paper, path)
    assert paper.page.evaluate(CLIPPED_JS, PAPER["width"]) == []


def test_the_clipping_check_can_fail(paper):
    """On screen, at the paper's width, rule 1's table scrolls inside its box: the check finds what is cut."""
    paper.visit("rule-output-weights/")
    paper.page.emulate_media(media="screen")
    assert paper.page.evaluate(CLIPPED_JS, PAPER["width"]) != []


def test_buttons_and_forms_that_do_nothing_on_paper_are_left_out(paper):
    printed(paper, "exercises/04-output-weights/")
    hidden = """(selectors) => selectors.map((s) => [s, [...document.querySelectorAll(s)].length,
      [...document.querySelectorAll(s)].every((el) => !el.checkVisibility())])"""
    found = paper.page.evaluate(hidden, [".md-code__nav", ".bp-download", ".bp-answer__submit"])
    assert all(count > 0 and gone for _, count, gone in found), found
    solution = paper.page.evaluate(
        "() => getComputedStyle(document.querySelector('details.bp-solution')).breakBefore")
    assert solution == "page", "a worked solution starts a page of its own, which a handout can leave out"
    printed(paper, "live-example/")
    found = paper.page.evaluate(hidden, [".bp-live__buttons", ".bp-hw"])
    assert all(count > 0 and gone for _, count, gone in found), found


def test_a_dark_palette_prints_in_the_light_palettes_colours(paper):
    """A reader in dark mode printed links in #9fb0ff (about 2:1 on white paper): on paper, the light palette's."""
    paper.visit("rule-output-weights/")
    link = "() => getComputedStyle(document.querySelector('article a[href]')).color"
    light = paper.page.evaluate(link)
    paper.use_scheme("slate")
    try:
        dark_on_screen = paper.page.evaluate(link)
        paper.page.emulate_media(media="print")
        assert paper.page.evaluate(link) == light != dark_on_screen
    finally:
        paper.page.emulate_media(media="screen")
        paper.use_scheme("default")


def test_the_faces_of_the_whole_page_are_loaded_once_it_is_idle(paper):
    """The live page's italic words (its first screen has none) were missing on paper: after the load event, at idle,
    every face the article's elements ask for is loaded, the italic one among them."""
    paper.visit("live-example/")
    paper.wait_until("the italic face loaded", ITALIC_LOADED)
    assert paper.page.evaluate("() => document.querySelector('article em') !== null")


def test_without_the_script_the_italic_face_waits_for_a_scroll(browser, server):
    """The check can fail: with docs/javascripts/later-fonts.js not loaded, the live page's italic face is still
    unloaded a second after the load event (nothing on its first screen is italic)."""
    tab = new_tab(browser, server, viewport=PAPER, color_scheme="light")
    try:
        tab.context.route(re.compile(r".*later-fonts\.js(\?.*)?$"), lambda route: route.abort())
        tab.visit("live-example/")
        tab.page.wait_for_timeout(1000)
        assert not tab.page.evaluate(ITALIC_LOADED)
    finally:
        tab.close()
