"""The page as a reader gets it before any script has run, and the fonts it is drawn in.

* Before scripts (every ``.js`` request of the site aborted; the theme's inline head scripts still run, as they do
  before the bundle arrives): every box that scrolls sideways is reachable by keyboard and named, on a phone and a
  desktop, in light and dark (axe: no serious or critical violation). The tab stops come from the HTML
  (hooks/scroll_regions.py), not from a script. axe's colour rules are left to test_pages.py, which runs them on every
  page in light and dark once the scripts ran: the colours are the stylesheets' and the palette the inline head
  script's, the same before the bundle runs as after (and contrast is half of axe's time on a page). Nor does the page
  move while it loads (its layout shifts: CSS alone decides them).
* Text is drawn in the site's own fonts (Roboto, Roboto Mono: hooks/fonts.py), never in a font of the machine: the
  browser suite's Chromium sees only the fallback fonts of ``chromium_env`` (DejaVu), so a glyph missing from the
  cut-down fonts, or a face that failed to load, shows up as DejaVu here. The self-test proves the check fires.
* The theme runs as shipped: no page patches ``XMLHttpRequest``, ``Worker`` or ``DOMContentLoaded``, or holds the
  theme's scripts back.
"""

from __future__ import annotations

import re

import pytest

from tests.support.browser import COLOUR_RULES, DESKTOP, PHONE, new_tab, shifts_on_two_loads
from tests.support.chromium import FALLBACK_FAMILIES
from tests.support.page_list import nav_pages

pytestmark = pytest.mark.browser

PAGES = nav_pages()
# The pages whose boxes scroll sideways (display math, tables, code, tab labels), found by axe at first paint before
# the boxes had tab stops in the HTML; checked in every combination. Every page is checked on a phone in light.
SCROLLING = ["activations/", "cost-function/", "exercises/08-one-iteration/", "exercises/09-tansig-hidden/",
             "notation/"]
SITE_FONTS = ("Roboto",)  # Roboto and Roboto Mono


def before_scripts(browser, server, viewport, scheme: str):
    """A tab whose page scripts (.js files) never load; its palette stored as ``scheme`` by material's own toggle."""
    tab = new_tab(browser, server, viewport=viewport, color_scheme="light")
    tab.visit("")
    tab.use_scheme(scheme)  # stored in localStorage; the inline head script applies it before the bundle
    tab.context.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    return tab


# For the self-test: a block at the top of the article that grows two frames after the load event, once a frame has
# been drawn without it, so that everything below it moves (an inline script: it runs where the .js files do not).
GROWS = ('<div id="selftest-grow" style="height:0"></div><script>addEventListener("load", () => '
         'requestAnimationFrame(() => requestAnimationFrame(() => '
         '{ document.getElementById("selftest-grow").style.height = "400px"; })));</script>')
# Four frames after the load event, then a task: a block that moves in the first frames (GROWS, two frames after
# the load event) has moved and its layout shift has been delivered (a fresh clone's run, reading the shifts right
# after the load event, found none from a block that grew in a frame and a timeout).
SETTLED_JS = """() => new Promise((done) => {
  let frames = 0;
  const next = () => (++frames < 4 ? requestAnimationFrame(next) : setTimeout(done, 0));
  requestAnimationFrame(next);
})"""


def load_without_scripts(tab, path: str):
    tab.page.goto(tab.server.url + path, wait_until="load")
    assert tab.page.evaluate("() => typeof window.document$") == "undefined", "the theme's bundle ran"
    tab.page.evaluate(SETTLED_JS)


def second_load(browser, server, viewport, scheme: str):
    """For `shifts_on_two_loads`: a fresh tab without scripts that loads a path, as the page tests take a second load
    before a layout shift fails a page."""
    def fresh(path: str):
        again = before_scripts(browser, server, viewport, scheme)
        load_without_scripts(again, path)
        return again
    return fresh


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_scrolling_boxes_reachable_before_any_script(browser, server, viewport, scheme):
    tab = before_scripts(browser, server, viewport, scheme)
    try:
        pages = PAGES if (viewport == PHONE and scheme == "default") else SCROLLING
        failures = {}
        fresh = second_load(browser, server, viewport, scheme)
        for path in pages:
            load_without_scripts(tab, path)
            assert tab.scheme() == scheme
            problems = (shifts_on_two_loads(tab, path, fresh) + tab.font_problems()
                        + tab.axe_problems(skip=COLOUR_RULES))  # axe scrolls: the shifts are read first
            if problems:
                failures[path] = problems
        assert not failures, failures
    finally:
        tab.close()


def test_scroll_check_fires_on_a_box_without_a_tab_stop(browser, server):
    """Self-test: a code block wider than the page (it scrolls in its own box) without a tab stop, as the hook would
    leave one it missed, is reported at first paint."""
    html = (server.site_dir / "notation/index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    fault = '<div class="highlight"><pre><code id="selftest-scroll">' + "x = x + 1; " * 100 + "</code></pre></div>"
    url = server.add_page("selftest-scroll-box", html.replace(article, article + fault, 1))
    tab = before_scripts(browser, server, DESKTOP, "default")
    try:
        load_without_scripts(tab, url.removeprefix(server.url))
        problems = tab.axe_problems()
        assert any("scrollable-region-focusable" in p and "#selftest-scroll" in p for p in problems), problems
    finally:
        tab.close()


def test_a_page_that_moves_before_any_script_on_every_load_is_reported(browser, server):
    """Self-test: a block at the top of the article that grows after the first frame (an inline script, which runs
    where the site's .js files do not) moves the page on every load; the check, which takes a second load before it
    fails a page, reports both."""
    html = (server.site_dir / "notation/index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    url = server.add_page("selftest-first-paint-shift", html.replace(article, article + GROWS, 1))
    path = url.removeprefix(server.url)
    tab = before_scripts(browser, server, PHONE, "default")
    try:
        load_without_scripts(tab, path)
        problems = shifts_on_two_loads(tab, path, second_load(browser, server, PHONE, "default"))
        assert len(problems) == 1 and "and on a second load: layout shift" in problems[0], problems
    finally:
        tab.close()


def fonts_used(tab, selector: str, limit: int = 40) -> dict[str, set[str]]:
    """{family: {text of the elements drawn with it}} for the rendered elements matching ``selector``, from Chromium
    itself (CSS.getPlatformFontsForNode: the fonts that drew the element's own text)."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found: dict[str, set[str]] = {}
        for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"][:limit]:
            text = cdp.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
            for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                found.setdefault(font["familyName"], set()).add(re.sub(r"<[^>]+>", "", text)[:60])
        return found
    finally:
        cdp.detach()


TEXT = ("article h1, article h2, article > p, article li, article td, .md-nav__link, .md-header__topic, "
        "article pre code, article code")


@pytest.mark.parametrize("path", ["", "rule-hidden-weights/", "exercises/08-one-iteration/", "errata/",
                                  "reference/homework/"])
def test_text_is_drawn_in_the_sites_fonts(tab, path):
    tab.visit(path)
    tab.settle_fonts()
    used = fonts_used(tab, TEXT)
    assert "Roboto" in used, used
    # Chromium names a face by its own name table: "Roboto", "Roboto Light", "Roboto Mono", ...
    strangers = {family: sorted(texts)[:5] for family, texts in used.items() if not family.startswith(SITE_FONTS)}
    assert not strangers, f"text drawn in fonts other than the site's on {path}: {strangers}"


def test_font_check_fires_on_text_in_another_font(tab, server):
    """Self-test: a paragraph whose font is not the site's is drawn in the fixed fallback, and reported."""
    html = (server.site_dir / "notation/index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    fault = '<p id="selftest-font" style="font-family: NoSuchFont, sans-serif">drawn in the fallback</p>'
    tab.visit(server.add_page("selftest-font", html.replace(article, article + fault, 1)))
    used = fonts_used(tab, "#selftest-font")
    assert set(used) & FALLBACK_FAMILIES, used


PATCHES = {
    "XMLHttpRequest.prototype": re.compile(r"XMLHttpRequest\.prototype\.(open|send)\s*="),
    "window.Worker": re.compile(r"window\.Worker\s*="),
    "a second DOMContentLoaded": re.compile(r"new Event\(\s*[\"']DOMContentLoaded"),
    "held scripts": re.compile(r"<template[^>]*>\s*<script"),
}


def test_no_patches_of_the_theme_or_the_browser(site_build):
    found = {}
    for page in site_build.dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        hits = [name for name, pattern in PATCHES.items() if pattern.search(text)]
        if hits:
            found[str(page.relative_to(site_build.dir))] = hits
    for script in (site_build.dir / "javascripts").glob("*.js"):
        hits = [name for name, pattern in PATCHES.items() if pattern.search(script.read_text(encoding="utf-8"))]
        if hits:
            found[script.name] = hits
    assert not found, found
    # the patterns themselves find what they are for
    assert all(p.search(s) for p, s in zip(PATCHES.values(), [
        "XMLHttpRequest.prototype.send = f", "window.Worker = f", 'new Event("DOMContentLoaded")',
        '<template id="x"><script src="a.js"></script></template>']))
