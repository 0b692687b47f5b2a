"""Self-tests: each detector the page tests rely on FIRES on a page broken on purpose.

A broken page is a copy of a built page (same depth, so its relative links to assets still work) with one fault
injected at the top of the article, served from the test server's overlay directory at ``/selftest-<name>/``.
Each test asserts the problem reported names the injected fault, so a detector that reports something else
(or nothing) fails here.
"""

from __future__ import annotations

import pytest

from tests.support.browser import (
    COLOUR_RULES,
    DESKTOP,
    PHONE,
    TabStalled,
    new_tab,
    shifts_on_two_loads,
    stall_behind,
    tabs_in,
)

pytestmark = pytest.mark.browser

ARTICLE = '<article class="md-content__inner md-typeset">'
TEMPLATE_PAGE = "notation/index.html"  # any page one level deep
PRERENDERED = '<meta name="mathjax-prerendered" content="true">'  # hooks/mathjax_prerender.py
CONFIG_SCRIPT = '<script src="../javascripts/mathjax-config.js"></script>'
CLIENT_SCRIPT = '<script src="../assets/mathjax/tex-chtml.js"></script>'


def broken_page(server, name: str, fault: str, client_mathjax: bool = False) -> str:
    """A copy of a built page with ``fault`` at the top of its article, served at /selftest-<name>/.

    ``client_mathjax``: make the copy typeset in the browser even when the site pre-renders its math at build time
    (there a TeX fault fails the build; the browser detectors still guard the client-side mode).
    """
    html = (server.site_dir / TEMPLATE_PAGE).read_text(encoding="utf-8")
    assert ARTICLE in html, f"{TEMPLATE_PAGE} no longer has {ARTICLE!r}: update the self-tests"
    html = html.replace(ARTICLE, ARTICLE + fault, 1)
    if client_mathjax and CLIENT_SCRIPT not in html:
        assert CONFIG_SCRIPT in html, f"{TEMPLATE_PAGE} does not load {CONFIG_SCRIPT}: update the self-tests"
        html = html.replace(PRERENDERED, "").replace(CONFIG_SCRIPT, CONFIG_SCRIPT + CLIENT_SCRIPT, 1)
    return server.add_page(f"selftest-{name}", html)


def fired(problems: list[str], *needles: str) -> bool:
    return any(all(n in p for n in needles) for p in problems)


def test_undefined_macro_is_a_mathjax_error(tab, server):
    fault = r'<div class="arithmatex">\[ y = \notamacro{x} \]</div>'
    tab.visit(broken_page(server, "undefined-macro", fault, client_mathjax=True))
    problems = tab.math_problems()
    assert fired(problems, "MathJax error", "notamacro"), problems


def test_unbalanced_brace_is_untypeset_math(tab, server):
    # MathJax does not even find the closing \] inside an open brace: raw TeX stays, and no error is raised
    fault = r'<div class="arithmatex">\[ y = \frac{1}{2 \]</div>'
    tab.visit(broken_page(server, "unbalanced-brace", fault, client_mathjax=True))
    problems = tab.math_problems()
    assert fired(problems, "untypeset math", r"\frac{1}{2"), problems


def test_tex_outside_math_elements_is_reported(tab, server):
    # what a notebook's markdown cell gives when nothing wraps its math for MathJax
    tab.visit(broken_page(server, "raw-tex", "<p>$$v_i = w_{i1} x_1 + b_i$$ and $y_{hi}$</p>"))
    problems = tab.math_problems()
    assert fired(problems, "TeX outside any math element", "w_{i1}"), problems


def test_formula_without_assistive_mathml_is_reported(tab, server):
    fault = r'<div class="arithmatex">\[ e = d - y \]</div>'
    tab.visit(broken_page(server, "no-assistive-mml", fault, client_mathjax=True))
    assert not fired(tab.math_problems(), "assistive MathML")
    tab.page.evaluate("() => document.querySelectorAll('mjx-assistive-mml').forEach((el) => el.remove())")
    problems = tab.math_problems()
    assert fired(problems, "lack assistive MathML"), problems


def test_font_the_browser_refuses_is_reported(tab, server):
    """A font file the browser's font sanitizer rejects (here: not a font at all), as MathJax_Zero cut to no
    character was."""
    fault = ('<style>@font-face { font-family: SelftestBroken; src: url("../sitemap.xml") format("woff2"); }</style>'
             '<p style="font-family: SelftestBroken, sans-serif">drawn in a font that never loads</p>')
    tab.visit(broken_page(server, "broken-font", fault))
    problems = tab.font_problems()
    assert fired(problems, "web font failed to load", "SelftestBroken"), problems


def test_a_preloaded_font_the_page_does_not_draw_with_is_reported(tab, server):
    """A preload of MathJax's Fraktur font, which no formula of the page uses: fetched for nothing."""
    html = (server.site_dir / TEMPLATE_PAGE).read_text(encoding="utf-8")
    preload = ('<link rel="preload" href="../assets/mathjax/prerender-fonts/MathJax_Fraktur-Regular.woff2" as="font" '
               'type="font/woff2" crossorigin>')
    tab.visit(server.add_page("selftest-unused-preload", html.replace("</head>", preload + "</head>", 1)))
    problems = tab.font_problems()
    assert fired(problems, "preloaded font not drawn with", "MathJax_Fraktur-Regular.woff2"), problems


@pytest.mark.parametrize("viewport, fetched", [(DESKTOP, True), (PHONE, False)], ids=["desktop", "phone"])
def test_a_preload_for_wide_windows_only_is_reported_only_where_it_is_fetched(browser, server, viewport, fetched):
    """The same unused preload, for wide windows only (media, as hooks/first_screen.py writes it): fetched for
    nothing on a desktop, not fetched at all on a phone."""
    html = (server.site_dir / TEMPLATE_PAGE).read_text(encoding="utf-8")
    preload = ('<link rel="preload" href="../assets/mathjax/prerender-fonts/MathJax_Fraktur-Regular.woff2" as="font" '
               'type="font/woff2" crossorigin media="(min-width: 60em)">')
    url = server.add_page("selftest-wide-preload", html.replace("</head>", preload + "</head>", 1))
    tab = new_tab(browser, server, viewport=viewport, color_scheme="light")
    try:
        tab.visit(url)
        problems = tab.font_problems()
    finally:
        tab.close()
    assert fired(problems, "preloaded font not drawn with", "MathJax_Fraktur-Regular.woff2") is fetched, problems


def test_console_error_and_uncaught_error_are_caught(tab, server):
    tab.visit(broken_page(server, "console-error", '<script>console.error("selftest: injected console error");'
                                                   'throw new Error("selftest: uncaught");</script>'))
    problems = tab.network_problems()
    assert fired(problems, "console error", "selftest: injected console error"), problems
    assert fired(problems, "uncaught page error", "selftest: uncaught"), problems


def test_request_to_another_host_is_blocked_and_reported(tab, server):
    tab.visit(broken_page(server, "external-image", '<img alt="x" src="https://example.com/selftest.png">'))
    problems = tab.network_problems()
    assert fired(problems, "request to another host (blocked)", "https://example.com/selftest.png"), problems


def test_missing_file_is_an_http_error(tab, server):
    tab.visit(broken_page(server, "missing-file", '<img alt="x" src="selftest-missing.png">'))
    problems = tab.network_problems()
    assert fired(problems, "HTTP 404", "selftest-missing.png"), problems


def test_axe_and_figure_check_catch_an_image_without_alt(tab, server):
    tab.visit(broken_page(server, "image-without-alt", '<img src="../assets/images/favicon.png" id="selftest-img">'))
    assert fired(tab.axe_problems(), "axe image-alt (critical)", "#selftest-img"), tab.axe_problems()
    assert fired(tab.figure_problems(), "figure without text alternative", "selftest-img"), tab.figure_problems()


def test_axe_colour_rules_catch_low_contrast(tab, server):
    tab.visit(broken_page(server, "low-contrast",
                          '<p id="selftest-grey" style="color:#888;background:#999">hard to read</p>'))
    tab.use_scheme("slate")
    try:
        problems = tab.axe_problems(rules=COLOUR_RULES)
    finally:
        tab.use_scheme("default")
    assert fired(problems, "axe color-contrast (serious)", "#selftest-grey"), problems


def test_overflow_on_a_phone_is_reported(tab, server):
    fault = ('<div id="selftest-wide" style="width:900px">too wide</div>'
             r'<div class="arithmatex" style="overflow:visible">\[' + " + ".join(f"w_{{{i}}}" for i in range(60))
             + r"\]</div>")
    tab.visit(broken_page(server, "overflow", fault, client_mathjax=True))
    tab.page.set_viewport_size(PHONE)
    try:
        problems = tab.overflow_problems()
    finally:
        tab.page.set_viewport_size({"width": 1280, "height": 900})
    assert fired(problems, "px wide in a 375px viewport"), problems
    assert fired(problems, "does not scroll inside its box"), problems


def test_a_display_equation_too_wide_for_a_desktop_is_reported(tab, server):
    """test_pages.WIDE_DISPLAY_MATH finds a display equation of sixty terms at 1280 px, in a closed collapsible box."""
    from tests.browser.test_pages import WIDE_DISPLAY_MATH

    terms = " + ".join(f"w_{{{i}}}" for i in range(60))
    fault = rf'<details><summary>box</summary><div class="arithmatex">\[{terms}\]</div></details>'
    tab.visit(broken_page(server, "wide-display", fault, client_mathjax=True))
    problems = tab.page.evaluate(WIDE_DISPLAY_MATH)
    assert fired(problems, "px wider than its box", "w0+w1+w2"), problems
    assert tab.page.evaluate("() => document.querySelector('article details').open") is False, "put back as it was"


# A block at the top of the article that grows after the first frame: everything below it moves.
GROWS = ('<div id="selftest-grow" style="height:0"></div><script>requestAnimationFrame(() => setTimeout(() => '
         '{ document.getElementById("selftest-grow").style.height = "400px"; }, 0));</script>')


def test_a_page_that_moves_while_it_loads_is_reported(tab, server):
    """A block at the top of the article that grows after the first frame moves everything below it: a layout shift
    the reader did not ask for, named with what moved."""
    tab.visit(broken_page(server, "shift", GROWS))
    problems = tab.shift_problems()
    assert fired(problems, "layout shift", "while loading"), problems


def test_a_page_that_moves_on_every_load_is_reported_after_two(tab, server):
    """shifts_on_two_loads, which the page tests use: a page that moves on every load is reported, with both loads."""
    path = broken_page(server, "shift-twice", GROWS)
    tab.visit(path)
    problems = shifts_on_two_loads(tab, path)
    assert fired(problems, "layout shift", "and on a second load: layout shift"), problems


def test_full_reload_wipes_the_instant_navigation_marker(tab):
    tab.visit("")
    tab.page.evaluate("() => { window.__noFullReload = true; }")
    tab.page.reload()
    assert tab.page.evaluate("() => window.__noFullReload") is None


# A tab that stops drawing frames (TabStalled): Chromium's compositor does it rarely and on no page in particular, so
# here the page's requestAnimationFrame is made to never call back, which is what the page sees of it.
NO_FRAMES_JS = "() => { window.requestAnimationFrame = () => 0; }"
A_FRAME_JS = "() => new Promise((drawn) => requestAnimationFrame(drawn))"


def test_a_tab_that_stops_drawing_frames_is_replaced_and_named(browser, server):
    tab = new_tab(browser, server, viewport=DESKTOP, color_scheme="light")
    try:
        tab.visit("notation/")
        stalled = tab.page
        assert tab.draws_frames()
        stalled.evaluate(NO_FRAMES_JS)
        assert not tab.draws_frames(timeout=1_000)
        with pytest.raises(TabStalled, match="had stopped drawing frames"):
            tab.within("a frame", A_FRAME_JS, timeout=1_000)
        assert stalled.is_closed() and tab.page is not stalled
        assert tab.page.url == server.url + "notation/" and tab.math_state()["containers"] > 0
        assert tab.draws_frames()
    finally:
        tab.close()


def test_a_playwright_action_that_timed_out_on_a_stalled_tab_is_named_a_stall(browser, server, tab):
    """What tests/browser/conftest.py makes of a Playwright action's timeout: TabStalled where a tab of the test
    stopped drawing frames (the one that did, replaced), nothing where every tab still draws them."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    tab.visit("notation/")
    other = new_tab(browser, server, viewport=DESKTOP, color_scheme="light")
    try:
        other.visit("errata/")
        with pytest.raises(PlaywrightTimeout) as timed_out:
            other.page.wait_for_function("() => false", timeout=1_000)
        found = tabs_in({"tab": tab, "site_page": type("SitePage", (), {"tab": other})(), "n": 1})
        assert list(found) == ["tab", "site_page"]
        assert stall_behind(found, timed_out.value) is None
        stalled = other.page
        stalled.evaluate(NO_FRAMES_JS)
        error = stall_behind(tabs_in({"tabs": {"one": tab, "two": other}}), timed_out.value)
        assert isinstance(error, TabStalled) and "tabs[two]: a Playwright action" in str(error), error
        assert other.page is not stalled and other.draws_frames() and other.page.url == server.url + "errata/"
    finally:
        other.close()


def test_a_step_that_never_ends_on_a_tab_that_draws_frames_is_a_plain_failure(tab):
    tab.visit("notation/")
    page = tab.page
    with pytest.raises(AssertionError, match="a promise that never settles: not done within 1000 ms") as failed:
        tab.within("a promise that never settles", "() => new Promise(() => {})", timeout=1_000)
    with pytest.raises(AssertionError, match="never true: not done within 1000 ms") as failed_too:
        tab.wait_until("never true", "() => false", timeout=1_000)
    assert not isinstance(failed.value, TabStalled) and not isinstance(failed_too.value, TabStalled)
    assert tab.page is page


def test_a_page_whose_own_task_holds_its_main_thread_is_not_called_a_stall(tab):
    """A page script that holds the main thread answers no script and draws no frame: that is the site's, not
    Chromium's, so the step fails for good, saying so (a reviewer's 40 s busy loop was called a compositor stall)."""
    tab.visit("notation/")
    page = tab.page
    page.evaluate("() => { setTimeout(() => { const end = Date.now() + 8000; while (Date.now() < end) {} }, 0); }")
    with pytest.raises(AssertionError, match="a task of the page holds its main thread") as failed:
        tab.wait_until("never true", "() => false", timeout=1_000)
    assert not isinstance(failed.value, TabStalled) and tab.page is page
    page.wait_for_function("() => true", timeout=20_000)  # the loop has ended: the tab is usable again


def test_browser_tests_run_again_only_when_their_tab_stalled(request):
    """pytest-rerunfailures runs a browser test once more on TabStalled alone (tests/browser/conftest.py)."""
    marker = request.node.get_closest_marker("flaky")
    assert marker is not None and marker.kwargs == {"reruns": 1, "only_rerun": [TabStalled]}
