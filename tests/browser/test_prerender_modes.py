"""Both MathJax modes in Chromium: pre-rendered at build time (hooks/mathjax_prerender.py) and client-side.

The session's ``site_build`` is built in the mode mkdocs.yml sets (pre-rendered); this file builds the site a second
time in the other mode (``MATHJAX_PRERENDER=0``/``1``) and serves it on its own port. For a set of pages, in both
modes, light and dark, on a full load and after instant navigation: math typeset with assistive MathML, no MathJax
error, no console/page/HTTP error, axe clean; pre-rendered pages request no MathJax JavaScript at all. The two modes
must also agree: the same formulas (assistive MathML) at the same size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import new_tab
from tests.support.server import Server, serve
from tests.support.site import BuildFailed, mkdocs_build

pytestmark = pytest.mark.browser

# The heaviest derivation page, a rule page, a notebook exercise, the home page (figures), the errata (most math).
PAGES = ["errata/", "rule-hidden-weights/", "exercises/04-output-weights/", ""]
MODES = ["prerender", "client"]


def site_mode(site_dir: Path) -> str:
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    return "prerender" if 'name="mathjax-prerendered"' in page else "client"


@pytest.fixture(scope="session")
def servers(site_build, server, tmp_path_factory) -> Iterator[dict[str, Server]]:
    """{"prerender": Server, "client": Server}: the session's build, and the site built again in the other mode."""
    first = site_mode(site_build.dir)
    other = "client" if first == "prerender" else "prerender"
    try:
        built = mkdocs_build(tmp_path_factory.mktemp(f"site-{other}"),
                             MATHJAX_PRERENDER="1" if other == "prerender" else "0")
    except BuildFailed as exc:
        pytest.fail(f"{other} mode: {exc}", pytrace=False)
    out, port = built.dir, built.port
    assert site_mode(out) == other
    httpd, srv = serve(out, port, tmp_path_factory.mktemp("overlay-other"))
    yield {first: server, other: srv}
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def tabs(browser, servers) -> Iterator[dict[str, object]]:
    """One tab per mode, recording every request (to tell whether MathJax JavaScript was fetched), for each test: a
    fresh clone's run found the client-side mode's tab, shared by the session, no longer scrolling
    rule-hidden-weights/ (30 s) and then loading no page at all, the Chromium stall test_pages.py and test_live.py
    give each test a tab for."""
    made = {}
    for mode, srv in servers.items():
        tab = new_tab(browser, srv, color_scheme="light", viewport={"width": 1280, "height": 900})
        tab.requests = []
        tab.page.on("request", lambda r, t=tab: t.requests.append(r.url))
        made[mode] = tab
    yield made
    for tab in made.values():
        tab.close()


NOTEBOOK_DOLLARS_JS = """() => [...document.querySelectorAll('.jp-RenderedMarkdown')]
  .flatMap((cell) => [...cell.querySelectorAll('p, li, h1, h2, h3, td')])
  .filter((el) => !el.closest('code, pre') && /\\$[^$]+\\$/.test(
    [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')))
  .map((el) => el.textContent.trim().slice(0, 80))"""


def mathjax_scripts(tab) -> list[str]:
    return [u for u in tab.requests if "/assets/mathjax/" in u and u.endswith(".js")]


def problems_on(tab, mode: str, axe: bool = True) -> list[str]:
    problems = tab.math_problems() + tab.network_problems()
    problems += [f"raw $...$ left in a notebook cell: {t!r}" for t in tab.page.evaluate(NOTEBOOK_DOLLARS_JS)]
    if tab.math_state()["containers"] == 0:
        problems.append("no formula on the page")
    if mode == "prerender" and mathjax_scripts(tab):
        problems.append(f"pre-rendered page fetched MathJax JavaScript: {mathjax_scripts(tab)}")
    if mode == "client" and not any(u.endswith("/assets/mathjax/tex-chtml.js") for u in tab.requests):
        problems.append("client-side mode did not load tex-chtml.js")
    if axe:
        problems += tab.axe_problems()
    return problems


def visit(tab, path: str):
    tab.requests.clear()
    tab.visit(path)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_in_both_modes(tabs, mode, path):
    tab = tabs[mode]
    visit(tab, path)
    if tab.scheme() != "default":  # an earlier dark-mode test left the palette switched in this tab
        tab.page.locator("form[data-md-component=palette] label:visible").first.click()
    problems = problems_on(tab, mode)
    assert not problems, f"{mode} {tab.page.url}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("mode", MODES)
def test_dark_mode_and_instant_navigation(tabs, mode):
    """Dark palette, then instant navigation (no full reload) to another page: its math is there and fine too."""
    tab = tabs[mode]
    visit(tab, "rule-output-weights/")
    tab.use_dark_mode()
    problems = problems_on(tab, mode)
    assert not problems, f"{mode} dark {tab.page.url}:\n  " + "\n  ".join(problems)
    tab.page.evaluate("() => { window.__same_document = true; }")  # gone after a full reload
    tab.follow(tab.page.locator("a.md-nav__link[href$='rule-output-bias/']").first.click)
    assert tab.page.url.split("#")[0].endswith("/rule-output-bias/"), tab.page.url
    assert tab.page.evaluate("() => window.__same_document === true"), "navigation reloaded the page"
    problems = problems_on(tab, mode)
    assert not problems, f"{mode} after instant navigation {tab.page.url}:\n  " + "\n  ".join(problems)
    tab.page.locator("form[data-md-component=palette] label:visible").first.click()  # back to light


# The assistive MathML as screen readers get it: a MathML element, compared without the attributes the pre-render
# leaves out on purpose (xmlns: the HTML parser sets the namespace; data-mjx-*: MathJax's notes to itself).
FORMULAS_JS = """() => [...document.querySelectorAll('article mjx-container')].map((c) => {
  const r = c.getBoundingClientRect();
  const math = c.querySelector('mjx-assistive-mml math').cloneNode(true);
  for (const el of [math, ...math.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) {
      if (name === 'xmlns' || name.startsWith('data-mjx-')) el.removeAttribute(name);
    }
  }
  return {
    mml: math.outerHTML,
    mathml: math.namespaceURI === 'http://www.w3.org/1998/Math/MathML',
    fontSize: parseFloat(getComputedStyle(c).fontSize),
    textSize: parseFloat(getComputedStyle(c.parentElement).fontSize),
    width: r.width, height: r.height,
  };
})"""


def shown_in_both_modes(tabs, path):
    shown = {}
    for mode in MODES:
        visit(tabs[mode], path)
        tabs[mode].settle_fonts()
        shown[mode] = tabs[mode].page.evaluate(FORMULAS_JS)
    assert len(shown["prerender"]) == len(shown["client"]) > 0
    # Hidden formulas (collapsed details, other tabs) have no box; the client cannot measure the text around them
    # either, and typesets them at its default scale (113%), which they keep when shown. Compared: visible ones.
    return [(a, b) for a, b in zip(shown["prerender"], shown["client"]) if a["width"] and b["width"]]


@pytest.mark.parametrize("path", ["rule-hidden-weights/", "exercises/04-output-weights/", "errata/"])
def test_both_modes_show_the_same_math_at_the_same_size(tabs, path):
    """Same TeX input and macros: identical assistive MathML (FORMULAS_JS), formula by formula. Same size: the
    pre-render scale is fixed at build time (SCALE in the hook), the client measures the text's x-height around each
    formula; in body text (16px) the two agree within 1%. Elsewhere (admonitions and tables: 12.8px, headings) the
    client's pixel-rounded measurement differs by up to about 5%, so there 6% is allowed."""
    pairs = shown_in_both_modes(tabs, path)
    assert len(pairs) > 10
    assert all(a["mathml"] and b["mathml"] for a, b in pairs)
    different = [(i, a["mml"][:120], b["mml"][:120]) for i, (a, b) in enumerate(pairs) if a["mml"] != b["mml"]]
    assert not different, different[:5]
    for i, (a, b) in enumerate(pairs):
        assert a["textSize"] == b["textSize"]
        tolerance = 0.01 if a["textSize"] == 16 else 0.06
        assert a["fontSize"] == pytest.approx(b["fontSize"], rel=tolerance), (i, a["mml"][:80], a, b)
        assert a["height"] == pytest.approx(b["height"], rel=tolerance, abs=1.0), (i, a["mml"][:80], a, b)


@pytest.mark.parametrize("path", ["errata/", "exercises/10-two-outputs/"])
def test_both_modes_lay_formulas_out_alike(tabs, path):
    """Formula widths agree within 1% in body text (6% elsewhere), on pages with a sub- and superscript on
    one base (msubsup). Client-side MathJax 3.2.2 ships the CSS padding of every subscript (``mjx-script``,
    0.083em) only with msubsup, so on pages without one (and depending on the pages visited before, after instant
    navigation) its subscripts are narrower than MathJax's own layout; the pre-rendered stylesheet always has it."""
    for i, (a, b) in enumerate(shown_in_both_modes(tabs, path)):
        tolerance = 0.01 if a["textSize"] == 16 else 0.06
        assert a["width"] == pytest.approx(b["width"], rel=tolerance, abs=1.0), (i, a["mml"][:80], a, b)
