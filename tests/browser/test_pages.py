"""Every page of the built site in a real (headless) Chromium: math typeset, no errors, offline, accessible.

Run: ``.venv/bin/pytest tests/browser -q`` (needs ``apt-get install chromium``). The detectors used here are
proven to fire by ``test_selftest.py``.

Each page is loaded once (the module-scoped ``site_page`` fixture groups the tests by page): light-mode checks,
then the same page switched to dark with material's palette toggle, then narrowed to a phone's width.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.support.browser import COLOUR_RULES, DESKTOP, PHONE, Tab, new_tab, shifts_on_two_loads
from tests.support.page_list import nav_pages

pytestmark = pytest.mark.browser

PAGES = nav_pages()


def report(url: str, problems: list[str]) -> str:
    return f"{len(problems)} problem(s) on {url}:\n  " + "\n  ".join(problems)


@dataclass
class SitePage:
    tab: Tab
    path: str
    load_problems: list[str]  # console/page/HTTP/offline problems recorded while the page loaded
    shift_problems: list[str]  # its layout shifts while it loaded, read before any test scrolls or switches palette


@pytest.fixture(scope="module", params=PAGES, ids=lambda p: p or "home")
def site_page(request, browser, server) -> Iterator[SitePage]:
    """Each page in a tab of its own: in a fresh clone's full run the session's shared tab, after some thirty pages,
    stopped drawing frames on reference/network/ (the scroll's requestAnimationFrame never fired) and the next test's
    call into the page never returned, which held the whole run; test_live.py's tabs are per test for the same reason
    (Chromium's headless compositor, not the site)."""
    tab = new_tab(browser, server, viewport=DESKTOP, color_scheme="light")
    try:
        tab.visit(request.param)
        tab.use_scheme("default")
        yield SitePage(tab, request.param, tab.network_problems(), shifts_on_two_loads(tab, request.param))
    finally:
        tab.close()



def test_every_page_is_tested(pages):
    """The pages below are taken from mkdocs.yml's nav; the built sitemap must not list any other page."""
    assert set(pages) == set(PAGES), f"sitemap only: {set(pages) - set(PAGES)}; nav only: {set(PAGES) - set(pages)}"


def test_light(site_page):
    """Math typeset (with assistive MathML), no console/page/HTTP error, nothing from other hosts, every web font
    loaded, the page did not move while it loaded, axe clean."""
    tab = site_page.tab
    problems = (site_page.load_problems + site_page.shift_problems + tab.math_problems() + tab.font_problems()
                + tab.axe_problems() + tab.figure_problems())
    assert not problems, report(tab.page.url, problems)


def test_dark(site_page):
    """Dark palette via material's toggle: the colour rules of axe pass too, and math is untouched."""
    tab = site_page.tab
    tab.use_scheme("slate")
    try:
        problems = tab.axe_problems(rules=COLOUR_RULES) + tab.math_problems()
        assert not problems, report(f"{tab.page.url} (dark)", problems)
    finally:
        tab.use_scheme("default")


# Display equations wider than their box at 1280 px, every block drawn and every collapsible box open (the visible tab
# of a tabbed block only); the page is put back as it was.
WIDE_DISPLAY_MATH = """() => {
  const root = document.documentElement, laidOut = root.classList.contains("bp-laid-out");
  const closed = [...document.querySelectorAll("article details:not([open])")];
  root.classList.add("bp-laid-out");
  closed.forEach((d) => { d.open = true; });
  const wide = [...document.querySelectorAll('article mjx-container[display="true"]')]
    .filter((box) => box.scrollWidth > box.clientWidth + 1)
    .map((box) => `a display equation is ${box.scrollWidth - box.clientWidth} px wider than its box: `
      + (box.getAttribute("data-tex") || box.textContent).trim().slice(0, 100));
  closed.forEach((d) => { d.open = false; });
  if (!laidOut) root.classList.remove("bp-laid-out");
  return wide;
}"""


def test_desktop_display_math_fits(site_page):
    """At 1280x900 no display equation scrolls sideways: a review found worked solutions and the errata's hidden
    rules 32 to 276 px too wide there, set side by side on one line; each is now one equation to a line."""
    tab = site_page.tab
    problems = tab.page.evaluate(WIDE_DISPLAY_MATH)
    assert not problems, report(tab.page.url, problems)


# The notebook cells narrower than the notebook: a reviewer's first cell of each exercise, beside the floated
# "Download notebook" button, was laid out in what was left of the line (74 px of 375), its title broken inside words.
NARROW_CELLS = """() => [...document.querySelectorAll('.jp-Notebook > .jp-Cell')].filter((cell) =>
    cell.getBoundingClientRect().width < 0.9 * cell.parentElement.getBoundingClientRect().width)
  .map((cell) => `notebook cell ${cell.id} is ${Math.round(cell.getBoundingClientRect().width)} px wide`)"""


def test_phone(site_page):
    """At 375x740 the page does not scroll sideways; long display math scrolls inside its own box; every notebook
    cell is as wide as the notebook."""
    tab = site_page.tab
    tab.page.set_viewport_size(PHONE)
    try:
        tab.within("two frames after narrowing to a phone",
                   "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        problems = tab.overflow_problems() + tab.math_problems() + tab.page.evaluate(NARROW_CELLS)
        assert not problems, report(f"{tab.page.url} (375x740)", problems)
    finally:
        tab.page.set_viewport_size(DESKTOP)
