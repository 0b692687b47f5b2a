"""What a reader does on the site, in headless Chromium: instant navigation, search, copy a code block, answer boxes."""

from __future__ import annotations

import io
import json
import math
import re
from urllib.parse import unquote

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.support import oracle
from tests.support.browser import COUNT_PAGES_JS, DESKTOP, PHONE, new_tab
from tests.support.page_list import nav_pages

pytestmark = pytest.mark.browser

PAGES = nav_pages()

def test_instant_navigation_keeps_math_typeset(tab):
    """Walk the whole site with the footer's "Next" links, then go back twice: no full reload, math typeset."""
    tab.visit("")
    tab.page.evaluate(COUNT_PAGES_JS)  # and a marker a full reload would wipe out
    seen = [tab.page.url]
    while (next_link := tab.page.locator("a.md-footer__link--next")).count():
        href = next_link.first.get_attribute("href")
        tab.follow(next_link.first.click)
        here = tab.page.url.split("#")[0]  # navigation.tracking adds the heading in view as a #fragment
        assert here.rstrip("/").endswith(href.strip("./").rstrip("/")), (tab.page.url, href)
        assert tab.page.evaluate("() => window.__noFullReload === true"), f"full page reload on the way to {href}"
        problems = tab.math_problems()
        assert not problems, f"after instant navigation to {tab.page.url}: {problems}"
        seen.append(here)
    assert len(seen) == len(PAGES), f"the footer links reach {len(seen)} pages, the nav has {len(PAGES)}"

    for expected in (seen[-2], seen[-3]):
        tab.follow(tab.page.go_back)
        assert tab.page.url.split("#")[0] == expected
        assert tab.page.evaluate("() => window.__noFullReload === true"), "going back reloaded the page"
        assert not tab.math_problems(), f"after going back to {expected}: {tab.math_problems()}"
    assert not tab.network_problems(), tab.network_problems()


def test_search_finds_hidden_biases_offline(tab):
    """Typing "hidden bias" into material's search lists the hidden-biases rule, with no request elsewhere."""
    tab.visit("")
    tab.page.keyboard.press("/")  # material's shortcut to focus the search box
    expect(tab.page.locator("input.md-search__input")).to_be_focused()
    tab.page.keyboard.type("hidden bias", delay=40)
    results = tab.page.locator(".md-search-result__list a.md-search-result__link")
    # The list is drawn anew after each key, so it is read in one piece once the link is there (CI read it link by
    # link while the last keys redrew it, and waited for the 84th link of a list that had become shorter).
    wanted = tab.page.locator(".md-search-result__list a.md-search-result__link[href*='rule-hidden-biases/']")
    expect(results.first).to_be_visible(timeout=15_000)
    try:
        expect(wanted.first).to_be_attached(timeout=15_000)
    except AssertionError:
        pass  # the message below lists what the search did show
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(re.search(r"(^|/)rule-hidden-biases/", h or "") for h in hrefs), hrefs
    assert not tab.network_problems(), tab.network_problems()


def _first_page_with_code(site_dir, exercise: bool) -> str:
    for path in PAGES:
        if path.startswith("exercises/") == exercise and '<div class="highlight"><pre' in (
                site_dir / path / "index.html").read_text(encoding="utf-8"):
            return path
    pytest.fail("no page of the site has a highlighted code block to copy")


@pytest.mark.parametrize("exercise", [False, True], ids=["page", "exercise"])
def test_copy_button_copies_the_code(fresh_tab, server, site_build, exercise):
    """The copy button of a code block puts exactly that block's code on the clipboard, on a page and on an exercise
    (a reviewer: none on an exercise page copied anything, its target `#__code_cell-id=... > code` not a selector)."""
    path = _first_page_with_code(site_build.dir, exercise)
    fresh_tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    fresh_tab.visit(path)
    # Blocks below the screen skip their style and layout (content-visibility: auto) until they come into view: which
    # code block is visible (not in a hidden content tab), and its innerText, are only known once it is rendered.
    # Rendered at once here (a test-only style), so the first visible block is found the same way on every load.
    fresh_tab.page.add_style_tag(content="* { content-visibility: visible !important; }")
    block = fresh_tab.page.locator("div.highlight pre:visible").first  # not one in a hidden content tab
    block.scroll_into_view_if_needed()
    code = block.locator("code").inner_text()
    assert code.strip(), f"the first code block on {path} is empty"
    fresh_tab.page.evaluate("() => navigator.clipboard.writeText('clipboard before the click')")
    block.hover()
    # material 9.8: <nav class="md-code__nav"><button class="md-code__button" data-md-type="copy" ...>
    target = f"#{block.get_attribute('id')} > code"
    fresh_tab.page.locator(f'button[data-md-type="copy"][data-clipboard-target="{target}"]').click()
    copied = fresh_tab.page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == code.strip(), f"copied {copied[:200]!r}, the block shows {code[:200]!r}"


# ----------------------------------------------------------------------------------------------------------------
# Answer boxes (DOM contract in docs/javascripts/exercises.js).


def _exercise_pages(site_dir) -> list[str]:
    return [p for p in PAGES if p.startswith("exercises/")
            and 'class="bp-answer"' in (site_dir / p / "index.html").read_text(encoding="utf-8")]


def _answer(tab, form, text: str, typed: bool = True) -> tuple[str, str]:
    """Type ``text`` into the box with the keyboard and press Enter; return (data-state, message shown).

    ``typed=False``: the text arrives in one input event, as pasted text does, instead of one key press per
    character (a hint's value has 18 characters; the verdict is the same, and pages/test_answer_boxes.py checks it for
    many more inputs)."""
    box = form.locator(".bp-answer__input")
    box.focus()
    tab.page.keyboard.press("Control+A")
    tab.page.keyboard.press("Backspace")
    if typed:
        tab.page.keyboard.type(text)
    else:
        tab.page.keyboard.insert_text(text)
    tab.page.keyboard.press("Enter")
    expect(form).to_have_attribute("data-state", re.compile(".+"))
    state = form.get_attribute("data-state")
    message = form.locator(".bp-answer__result").inner_text()
    form.evaluate("(f) => f.removeAttribute('data-state')")  # so the next answer's verdict is awaited afresh
    return state, message


def test_answer_boxes(tab, site_build):
    """Every answer box: right for the right answer, the hint for each classic wrong one, a clear word for junk."""
    pages = _exercise_pages(site_build.dir)
    if not pages:
        pytest.skip("no exercise page with answer boxes (form.bp-answer) in docs/exercises yet")
    checked = 0
    for path in pages:
        tab.visit(path)
        forms = tab.page.locator("form.bp-answer")
        for i in range(forms.count()):
            form = forms.nth(i)
            where = f"{path} box {i + 1} ({form.get_attribute('data-exercise')})"
            expect(form).to_be_visible()  # shipped hidden; exercises.js shows it
            # A notebook cell below the screen is not laid out (content-visibility: auto, extra.css), and Chromium's
            # innerText of it is empty until a frame after it comes into view (a fresh clone's run on a busy host
            # read it empty): the label's text, which needs no layout.
            form.scroll_into_view_if_needed()
            label = form.locator("label").text_content().strip()
            assert label, f"{where}: the input has no label"
            answer = float(form.get_attribute("data-answer"))

            state, message = _answer(tab, form, f"{answer:.6f}")  # what a reader types: six decimals
            assert state == "right" and message.startswith("Right"), f"{where}: {answer:.6f} -> {message!r}"

            hints = json.loads(form.get_attribute("data-hints") or "[]")
            for mistake in hints:  # where two slips give one number, the hint names both (from Python)
                state, message = _answer(tab, form, repr(mistake["value"]), typed=False)
                assert state == "wrong" and mistake["hint"] in message, f"{where}: {mistake} -> {message!r}"

            # a number no listed slip gives: "Not yet." and the words Python put in data-otherwise
            rtol, atol = float(form.get_attribute("data-rtol")), float(form.get_attribute("data-atol"))
            unlisted = 3 * answer + 1.2345
            if not any(abs(unlisted - v) <= atol + rtol * abs(v) for v in [answer, *(h["value"] for h in hints)]):
                state, message = _answer(tab, form, repr(unlisted), typed=False)
                assert state == "wrong" and message == "Not yet. " + form.get_attribute("data-otherwise"), where

            state, message = _answer(tab, form, "one half")
            assert state == "invalid" and "Not a number" in message, f"{where}: 'one half' -> {message!r}"

            # keyboard: Tab from the box reaches its Check button
            form.locator(".bp-answer__input").focus()
            tab.page.keyboard.press("Tab")
            expect(form.locator(".bp-answer__submit")).to_be_focused()
            checked += 1
        # the line a notebook outside the site shows where the boxes are is in the page, and hidden on the site
        elsewhere = tab.page.locator(".bp-answer-elsewhere")
        assert elsewhere.count() >= 1 and all(not line.is_visible() for line in elsewhere.all()), path
        for note in tab.page.locator(".bp-answer-note").all():  # a slip this example cannot tell apart, said
            expect(note.locator("summary")).to_be_visible()  # collapsed: its numbers give the answer away
            expect(note.locator("p")).to_be_hidden()
            note.locator("summary").click()
            expect(note.locator("p")).to_be_visible()
            assert "right answer" in note.inner_text(), f"{path}: {note.inner_text()!r}"
    assert checked
    assert not tab.network_problems(), tab.network_problems()


def test_an_edited_number_loses_the_verdict_of_the_one_before(tab, site_build):
    """A student's review: "Right: 0.121112." stayed under the box after the number was changed to -0.9 (without
    Enter), and the form kept data-state="right". An edit takes the verdict away; Check with nothing typed says so."""
    pages = _exercise_pages(site_build.dir)
    if not pages:
        pytest.skip("no exercise page with answer boxes (form.bp-answer) in docs/exercises yet")
    tab.visit(pages[0])
    form = tab.page.locator("form.bp-answer").first
    form.scroll_into_view_if_needed()
    answer = float(form.get_attribute("data-answer"))
    box, result = form.locator(".bp-answer__input"), form.locator(".bp-answer__result")
    box.fill(f"{answer:.6f}")
    box.press("Enter")
    expect(form).to_have_attribute("data-state", "right")
    box.press("End")
    box.press("Backspace")  # the number changed, not checked again
    expect(form).not_to_have_attribute("data-state", re.compile(".*"))
    expect(result).to_have_text("")
    assert box.get_attribute("aria-invalid") is None
    box.fill("")
    box.press("Enter")
    expect(form).to_have_attribute("data-state", "invalid")
    expect(result).to_have_text(form.get_attribute("data-empty"))
    assert result.inner_text().startswith("Nothing typed yet")


def test_forward_pass_box_expects_the_hand_computed_value(tab, site_build):
    """Independent anchor for the boxes: exercise 1's first box wants y_h2 computed here with plain math from the
    example file's practice example, which the exercises use (the package's own when the file has none; the oracle
    reads it with json)."""
    if "exercises/01-forward-pass/" not in _exercise_pages(site_build.dir):
        pytest.skip("exercise 1 (the forward pass) has no answer box yet")
    example = oracle.load_example().get("practice") or oracle.load_example(oracle.DEFAULT_FILE)["practice"]
    w, b = example["w_hidden"], example["b_hidden"]
    x_1, x_2 = example["x"]
    f = {"logsig": lambda v: 1 / (1 + math.exp(-v)), "tansig": math.tanh}[example.get("hidden", "logsig")]
    y_h2 = f(w[1][0] * x_1 + w[1][1] * x_2 + b[1])
    tab.visit("exercises/01-forward-pass/")
    form = tab.page.locator("form.bp-answer").first
    assert math.isclose(float(form.get_attribute("data-answer")), y_h2, rel_tol=1e-9)
    assert _answer(tab, form, f"{y_h2:.6f}")[0] == "right"


# Runs before any script of the page: counts material's document$ emissions from the moment its bundle publishes it.
BUNDLE_PROBE_JS = """(() => {
  window.__probe = { emissions: 0 };
  let subject;
  Object.defineProperty(window, "document$", {
    configurable: true,
    get: () => subject,
    set: (value) => {
      subject = value;
      value.subscribe(() => { window.__probe.emissions += 1; });
    },
  });
})();"""


def test_material_starts_once_as_shipped(fresh_tab):
    """Material's bundle and extra_javascript run as the theme ships them (plain scripts at the end of <body>): material
    starts exactly once (one document$ emission), and the answer boxes' script has run."""
    page = fresh_tab.page
    page.add_init_script(BUNDLE_PROBE_JS)
    fresh_tab.visit("exercises/01-forward-pass/")
    # A second start would come from a second DOMContentLoaded or a late script: wait until the page has loaded, the
    # network is quiet (search index, sitemap) and two frames are drawn, not for a fixed time.
    page.wait_for_load_state("networkidle")
    fresh_tab.within("two frames after the page went quiet",
                     "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))")
    assert page.evaluate("() => window.__probe.emissions") == 1, "material's document$ fired more than once"
    assert page.evaluate("() => document.documentElement.classList.contains('js')")
    assert page.locator("form.bp-answer[data-bp-ready]").count() > 0, "exercises.js did not start"
    assert not fresh_tab.network_problems(), fresh_tab.network_problems()


def wcag_contrast(fg: str, bg: str) -> float:
    """WCAG 2's contrast ratio of a CSS colour ``fg`` as Chromium computes it ("rgb(r, g, b)" or "rgba(r, g, b, a)",
    its alpha composited over ``bg``) against an opaque ``bg``."""
    def channels(css: str) -> list[float]:
        return [float(c) for c in re.findall(r"[\d.]+", css)]

    *top, alpha = [*channels(fg), 1.0] if len(channels(fg)) == 3 else channels(fg)
    under = channels(bg)[:3]
    mixed = [alpha * t + (1 - alpha) * u for t, u in zip(top, under)]

    def luminance(rgb: list[float]) -> float:
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(mixed), luminance(under)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_phone_reads_tables_code_and_tapped_buttons(browser, server):
    """A reviewer's phone screenshots: every table of four columns scrolled sideways, its last column hidden, though its
    numbers fit (material's 5rem per header cell); a number in a table cell broke inside ("-0.50594" over "7"); a
    tapped Check button stays focused, white on the accent at 4.3:1; the answer box's placeholder was 3.5:1 in dark."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    try:
        tab.visit("forward-pass/")
        # each table in view first: below the screen content-visibility skips its layout, and it measures as fitting
        widths = tab.page.evaluate("""async () => {
            const widths = [];
            for (const t of document.querySelectorAll("article table")) {
                t.scrollIntoView();
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                const wrap = t.closest(".md-typeset__scrollwrap");
                widths.push([wrap.scrollWidth, wrap.clientWidth]);
            }
            return widths;
        }""")
        assert len(widths) >= 3 and all(scroll <= client for scroll, client in widths), widths
        tab.visit("notation/")
        assert tab.page.evaluate("getComputedStyle(document.querySelector('article td code')).wordBreak") == "normal"
        tab.visit("exercises/04-output-weights/")
        for scheme in ("default", "slate"):
            tab.use_scheme(scheme)
            button = tab.page.locator("form.bp-answer button").first
            button.focus()
            # material's colour transition: a bounded wait (an animation in a block the browser skips never ends)
            tab.within("the focused button's colour transition ends", "() => Promise.all(document.querySelector("
                       "'form.bp-answer button').getAnimations().map((a) => a.finished)).then(() => null)")
            colours = button.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
            assert wcag_contrast(*colours) >= 4.5, (scheme, colours)
            field = tab.page.locator("form.bp-answer input").first
            colours = field.evaluate("i => [getComputedStyle(i, '::placeholder').color, "
                                     "getComputedStyle(i).backgroundColor]")
            assert wcag_contrast(*colours) >= 4.5, (scheme, colours)
    finally:
        tab.close()
    assert wcag_contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)") == pytest.approx(21.0)  # the formula, by hand
    assert wcag_contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)
    assert wcag_contrast("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)") == wcag_contrast("rgb(127.5, 127.5, 127.5)",
                                                                                      "rgb(255, 255, 255)")


# A jump's target once the page has stopped moving there: its distance from the top of the window less the scroll
# margin material gives headings (under its header), the scroll and the largest scroll. It waits (bounded) until the
# page has been still for 20 frames with the target in place or the page at its end: the jump itself may come late
# (instant navigation fetches the page first, and a busy host took longer than 20 frames), and a jump that never
# lands returns where it stopped.
LANDED_JS = """async (id) => {
    const measure = () => {
        const target = document.getElementById(id);
        return [Math.round(target.getBoundingClientRect().top - parseFloat(getComputedStyle(target).scrollMarginTop)),
                Math.round(scrollY), document.scrollingElement.scrollHeight - innerHeight,
                Math.round(target.getBoundingClientRect().top), target.matches(":target")];
    };
    let last = null, still = 0;
    for (let frame = 0; frame < 900; frame++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = measure();
        still = last !== null && now.join() === last.join() ? still + 1 : 0;
        last = now;
        if (still >= 20 && (Math.abs(now[0]) <= 2 || now[1] >= now[2] - 2)) break;
    }
    return last;
}"""


def _landed_off(tab, path: str, fragment: str) -> tuple[int, bool]:
    """How far the heading ``fragment`` (without its #) of ``path`` is from where the theme puts it, after a jump
    that was just started, and whether the page is scrolled to its end. Material gives a heading its scroll margin only
    while it is the :target, which after an instant navigation on a slow host it may not be yet (a fresh clone's run
    read the margin as 0 where the heading was in place): then the reference is where the same heading stands after
    a load of the page with the #fragment, which makes it the :target."""
    gap, scrolled, end, top, is_target = tab.within("the jump settles", LANDED_JS, fragment)
    if not is_target:
        tab.visit(f"{path}#{fragment}")
        top_loaded = tab.within("the load's jump settles", LANDED_JS, fragment)[3]
        gap = top - top_loaded
    return gap, scrolled >= end - 2


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_a_jump_to_a_heading_lands_on_it(browser, server, viewport):
    """A phone review: a table-of-contents link on common-mistakes/ left its heading 1,570 px below the top, one on
    reference/caught/ 391 px above it (under the header): blocks below the screen are skipped at a stand-in size
    (extra.css), and the jump was measured against the stand-ins. Every table-of-contents link of four long pages
    (a sample of the API page's), clicked after the page has loaded, and a link to another page's heading, followed
    by instant navigation, leave the heading where the theme puts it, under the header (or the page scrolled to its
    end, where a heading near it cannot go higher)."""
    tab = new_tab(browser, server, viewport=viewport)
    try:
        off = []
        for path in ("common-mistakes/", "errata/", "verification/", "reference/caught/"):
            tab.visit(path)
            ids = tab.page.evaluate("[...new Set([...document.querySelectorAll('.md-nav--secondary a.md-nav__link')]"
                                    ".filter((a) => a.hash && a.pathname === location.pathname).map((a) => a.hash))]")
            for fragment in ids[::max(1, len(ids) // 4)]:
                tab.visit(path)
                tab.page.evaluate("(h) => [...document.querySelectorAll('.md-nav--secondary a.md-nav__link')]"
                                  ".find((a) => a.hash === h).click()", fragment)
                gap, at_end = _landed_off(tab, path, unquote(fragment[1:]))
                if abs(gap) > 2 and not at_end:
                    off.append((path, fragment, gap))
        # what the jump drew is measured too: a formula wider than its paragraph scrolls (scroll-regions.js), which a
        # review found left undone after a table-of-contents click (lifting the skipping fires no event)
        tab.visit("iteration-and-training/")
        tab.page.evaluate("[...document.querySelectorAll('.md-nav--secondary a.md-nav__link')].at(-1).click()")
        tab.within("the jump settles", LANDED_JS, tab.page.evaluate(
            "decodeURIComponent([...document.querySelectorAll('.md-nav--secondary a.md-nav__link')].at(-1).hash"
            ".slice(1))"))
        unmarked = tab.page.evaluate("""() => [...document.querySelectorAll('article mjx-container:not([display])')]
            .filter((m) => {
                let block = m.closest('p, li, td, th, dd, div');
                while (block && block.clientWidth === 0 && block.parentElement) {
                    block = block.parentElement.closest('p, li, td, th, dd, div');
                }
                return block && m.getBoundingClientRect().width > block.clientWidth + 1;
            }).map((m) => m.textContent.slice(0, 40))""")
        assert unmarked == [], unmarked
        if viewport is PHONE:  # the premise: some do scroll on a phone
            assert tab.page.locator("article mjx-container.bp-wide-inline").count() > 0
        tab.visit("notation/")
        link = tab.page.locator("article a[href*='errata/#']").first
        fragment = link.get_attribute("href").split("#")[1]
        tab.follow(link.click)
        gap, at_end = _landed_off(tab, "errata/", unquote(fragment))
        if abs(gap) > 2 and not at_end:
            off.append(("notation/ -> errata/", fragment, gap))
        assert off == [], off
    finally:
        tab.close()


# Headings far down long pages, each loaded afresh with its #fragment (a search review's: a shared link, a bookmark, a
# search result opened in a new tab).
FRAGMENTS = [("errata/", "erratum-sum-over-outputs"), ("iteration-and-training/", "online-training"),
             ("common-mistakes/", "3-flipping-the-sign-of-the-error")]
LAID_OUT = '<script>if (location.hash) document.documentElement.classList.add("bp-laid-out")</script>'


def _loaded_gaps(tab) -> list[tuple[str, int]]:
    """Each FRAGMENTS heading's distance from where the theme puts it (under the header) after a load of its page
    with the #fragment, once the page has stopped moving (or the page scrolled to its end: 0)."""
    gaps = []
    for path, fragment in FRAGMENTS:
        tab.page.goto(f"{tab.server.url}{path}#{fragment}", wait_until="load")
        gap, scrolled, end, _, _ = tab.within("the load's jump settles", LANDED_JS, fragment)
        gaps.append((path, 0 if scrolled >= end - 2 else gap))
    return gaps


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_page_loaded_with_a_fragment_lands_on_its_heading(browser, server, viewport):
    """A search review: a page loaded afresh with a #fragment left its heading 260 to 860 px below the top (the
    browser's jump measured the blocks below the screen at their stand-in size); the head's script lays the article
    out in full first. Without that script (the self-test) the same loads land off."""
    tab = new_tab(browser, server, viewport=viewport)
    try:
        assert all(abs(gap) <= 2 for _, gap in _loaded_gaps(tab)), _loaded_gaps(tab)

        def without_script(route):
            response = route.fetch()
            body = response.text()
            assert LAID_OUT in body, "the script as overrides/main.html writes it"
            route.fulfill(response=response, body=body.replace(LAID_OUT, ""))

        tab.context.route(re.compile(r".*/(errata|iteration-and-training|common-mistakes)/(#.*)?$"), without_script)
        assert any(abs(gap) > 50 for _, gap in _loaded_gaps(tab)), "the check can fail"
    finally:
        tab.close()


@pytest.mark.parametrize(("path", "boxes"), [("cost-function/", "article mjx-container[display=true]"),
                                             ("iteration-and-training/", "article mjx-container.bp-wide-inline")],
                         ids=["display", "inline"])
def test_an_equation_cut_by_a_phones_width_shows_that_it_scrolls(browser, server, path, boxes):
    """A reviewer's phone screenshots: some 150 display equations scroll inside their own box on a phone with nothing
    to say so, and the cut often fell on the result ("E = ... = 0.5119"); another phone review, an inline formula that
    scrolls (scroll-regions.js), cut in the middle of a number. The edge with more of the equation beyond it is
    shaded, the other is the page's white: read from the pixels of the box's edges (the lightest of the middle half of
    the column next to each edge, so that a glyph cut at the edge does not count), at both ends of its scroll."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    try:
        tab.visit(path)
        tab.scroll_through()  # an inline formula is measured, and marked, once it is drawn (scroll-regions.js)
        found = tab.page.locator(boxes)
        box = None
        for i in range(found.count()):
            found.nth(i).scroll_into_view_if_needed()
            if found.nth(i).evaluate("e => e.scrollWidth > e.clientWidth + 20"):
                box = found.nth(i)
                break
        assert box is not None, f"the premise: an equation wider than a phone on {path}"
        edges = {}
        for end in ("start", "end"):
            box.evaluate("(e, end) => { e.scrollLeft = end === 'start' ? 0 : e.scrollWidth; }", end)
            box.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            image = Image.open(io.BytesIO(box.screenshot())).convert("L")
            width, height = image.size
            rows = range(height // 4, 3 * height // 4)
            # one column in from each edge: a formula's width is fractional, and the page-coloured cover of an inline
            # one scrolled to its end stops up to a pixel short of the box's last column (the shadows are 0.6em wide)
            edges[end] = [max(image.getpixel((x, y)) for y in rows) for x in (1, width - 2)]
        assert edges["start"][0] == 255 and edges["start"][1] < 245, edges  # more to the right only
        assert edges["end"][0] < 245 and edges["end"][1] == 255, edges  # more to the left only
    finally:
        tab.close()


def test_a_formula_in_an_inline_paragraph_is_measured_against_its_cell(tab):
    """CI's axe found "n+1" in the API reference's Returns table a scrolling region without a tab stop: the table's
    cells hold their text in an inline <p>, whose clientWidth is 0, so scroll-regions.js took every formula there for
    one wider than its paragraph and made it a box that could scroll by a pixel. It measures the block around it."""
    tab.visit("reference/rules/")
    cells = tab.page.locator("article td mjx-container:not([display=true])")
    assert cells.count() >= 3, "the premise: formulas in the reference's table cells"
    inline_p = cells.first.evaluate("m => { const p = m.closest('p'); return p && p.clientWidth === 0; }")
    assert inline_p, "the premise: the cell's paragraph is an inline box"
    marked = tab.page.evaluate("() => document.querySelectorAll('article td mjx-container.bp-wide-inline').length")
    assert marked == 0, f"{marked} formulas in table cells marked wider than their paragraph at 1280 px"
    assert not tab.axe_problems(), tab.axe_problems()


def test_headings_and_headers_holding_a_formula_are_named_with_it(tab):
    """A reviewer with Chromium's accessibility tree: MathML is left out of a name computed from content, so the
    heading "2. Dropping f′(v)" was announced "2. Dropping" and the column header E = ½e² had no name at all
    (hooks/math_names.py names them). The heading's name is the authors' own table-of-contents label."""
    tab.visit("common-mistakes/")
    heading = tab.page.locator("article h2", has_text="Dropping")
    toc = tab.page.locator('nav.md-nav--secondary a[href$="#2-dropping-fv"]').first.text_content().strip()
    assert toc == "2. Dropping f′(v)", "the premise: the authors' label"
    assert heading.aria_snapshot().startswith(f'- heading "{toc}" [level=2]'), heading.aria_snapshot()
    tab.visit("iteration-and-training/")
    headers = tab.page.locator("article th").evaluate_all("ths => ths.map(th => th.getAttribute('aria-label'))")
    assert "E = ½e²" in headers, headers
    cell = tab.page.locator('article th[aria-label="E = ½e²"]').first
    assert cell.aria_snapshot().startswith('- columnheader "E = ½e²"'), cell.aria_snapshot()


# The changed pixels of a collapsible box's summary when it takes the keyboard's focus: its whole box (the ring is drawn
# inside it), read back from two screenshots. `ring_outside` draws the ring 0.2rem outside, as the theme does.
SUMMARY_FOCUS_JS = """(ringOutside) => {
  if (ringOutside) {
    const style = document.createElement("style");
    style.textContent = ".md-typeset details > summary:focus-visible, .md-typeset details > summary.focus-visible " +
      "{ outline-offset: 0.2rem !important; }";
    document.head.append(style);
  }
  const late = [...document.querySelectorAll("article details > summary")].filter(
    (s) => getComputedStyle(s.parentElement).contentVisibility === "auto");
  const summary = late[late.length - 1];
  summary.setAttribute("data-focus-check", "");
  summary.scrollIntoView({block: "center"});
  return late.length;
}"""


def summary_focus_change(tab, ring_outside: bool) -> tuple[int, int]:
    """(late boxes, pixels changed) on rule-hidden-weights/: the last collapsible box that is paint-contained until
    laid out (extra.css's content-visibility), its summary before and after Tab moves the focus onto it."""
    tab.visit("rule-hidden-weights/")
    late = tab.page.evaluate(SUMMARY_FOCUS_JS, ring_outside)
    summary = tab.page.locator("[data-focus-check]")  # the one the script chose
    box = summary.bounding_box()
    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}
    before = Image.open(io.BytesIO(tab.page.screenshot(clip=clip))).convert("RGB")
    summary.focus()  # then back and forth by keyboard, so that the focus is the keyboard's (:focus-visible)
    tab.page.keyboard.press("Shift+Tab")
    tab.page.keyboard.press("Tab")
    assert tab.page.evaluate("() => document.activeElement.tagName") == "SUMMARY", "the premise: Tab reached it"
    after = Image.open(io.BytesIO(tab.page.screenshot(clip=clip))).convert("RGB")
    changed = int((np.asarray(before) != np.asarray(after)).any(axis=2).sum())  # pixels, any channel
    return late, changed


def test_a_collapsible_box_below_the_screen_shows_its_focus_ring(tab):
    """An accessibility review: material draws a summary's focus ring 0.2rem outside it, and a block below the first
    screen is paint-contained until laid out (content-visibility, extra.css), which clipped the ring away: no pixel
    changed when the last box of rule-hidden-weights/ took the focus. The site draws it just inside the summary."""
    late, changed = summary_focus_change(tab, ring_outside=False)
    assert late > 0, "the premise: a collapsible box below the screen is skipped until laid out"
    assert changed > 100, f"{changed} pixels of the focused summary changed"


def test_the_focus_ring_check_can_fail(tab):
    """The same check with the ring drawn outside, as the theme draws it: nothing of it shows."""
    late, changed = summary_focus_change(tab, ring_outside=True)
    assert late > 0 and changed <= 100, changed  # a few pixels of the box's edge at most (6 in one run)


# A table with a tab stop that scrolls sideways, drawn, in a tab set below the first screen or outside any box: its
# wrapper, marked for the test and scrolled to the middle of the window.
EDGE_BOX_JS = """async (inTabs) => {
  const stops = ".md-typeset__scrollwrap[tabindex='0']";
  const skipped = (s) => getComputedStyle(s).contentVisibility === "auto";
  const boxes = inTabs
    ? [...document.querySelectorAll("article.md-typeset > .tabbed-set")].filter(skipped)
        .flatMap((s) => [...s.querySelectorAll(stops)])
    : [...document.querySelectorAll(stops)].filter((b) => !b.closest(".tabbed-set, details, .admonition"));
  for (const box of boxes.filter((b) => b.checkVisibility())) {
    for (let i = 0; i < 2; i++) {  // the blocks above it, laid out on the way, change their heights once
      box.scrollIntoView({block: "center"});
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    const scrolls = box.getAttribute("tabindex") === "0" && box.scrollWidth > box.clientWidth;  // measured, drawn
    if (scrolls && box.getBoundingClientRect().height < innerHeight - 200) {  // all of it on the screen
      box.setAttribute("data-ring-check", "");
      return true;
    }
  }
  return false;
}"""
# The theme's drawing: extra.css without the site's ring inside a table's wrapper and a tab set's wider cut. (Undone by
# a stylesheet added after load, the cut stayed as drawn: Chromium keeps a contained block's clip until it lays it out.)
THEME_DRAWS = {".md-typeset .md-typeset__scrollwrap:focus-visible,\n": "", "overflow-clip-margin": "--bp-undone"}


def as_the_theme_draws(route):
    css = route.fetch().text()
    for site, theme in THEME_DRAWS.items():
        assert css.count(site) == 1, f"the premise: extra.css has {site!r} once"
        css = css.replace(site, theme)
    route.fulfill(body=css, content_type="text/css")


def edge_ring_rows(tab, path: str, in_tabs: bool, theme: bool = False) -> tuple[int, int, int]:
    """(rows of its left edge that change, of its right edge, its height in rows) when the keyboard's focus reaches
    a table of `path` that scrolls, on a phone, read from two screenshots; `theme` draws it as the theme does."""
    if theme:
        tab.page.route("**/stylesheets/extra.css*", as_the_theme_draws)
    tab.visit(path)
    assert tab.page.evaluate(EDGE_BOX_JS, in_tabs), f"the premise: a table of {path} scrolls ({in_tabs=})"
    box = tab.page.locator("[data-ring-check]")
    edges = box.bounding_box()
    assert edges["x"] <= 0 and edges["x"] + edges["width"] >= PHONE["width"], f"the premise: edge to edge, {edges}"
    top, height = edges["y"], edges["height"]
    clip = {"x": 0, "y": top, "width": PHONE["width"], "height": height}
    before = np.asarray(Image.open(io.BytesIO(tab.page.screenshot(clip=clip))).convert("RGB"))
    # focused as the keyboard focuses (:focus-visible), where it is (a Tab from the box before scrolls the page)
    box.evaluate("(b) => b.focus({focusVisible: true, preventScroll: true})")
    assert box.evaluate("(b) => b === document.activeElement && b.matches(':focus-visible')"), "the premise"
    assert box.bounding_box()["y"] == top, "the premise: the page did not scroll"
    after = np.asarray(Image.open(io.BytesIO(tab.page.screenshot(clip=clip))).convert("RGB"))
    changed = (before != after).any(axis=2)
    # the ring drawn inside the wrapper's edges, 0.1rem (2 px) in: the browser's own, outside, showed one pixel of
    # itself at the screen's edge (a diff review: counting the outer four columns could not tell them apart)
    return int(changed[:, 1:3].any(axis=1).sum()), int(changed[:, -3:-1].any(axis=1).sum()), changed.shape[0]


EDGE_BOXES = [("rule-hidden-weights/", False), ("notation/", True), ("errata/", True)]


@pytest.mark.parametrize(("path", "in_tabs"), EDGE_BOXES)
def test_a_table_shows_its_focus_ring_at_both_edges_on_a_phone(browser, server, path, in_tabs):
    """An accessibility review: on a phone a table's wrapper reaches the screen's edges, where the browser's ring,
    drawn outside it, showed one pixel of itself; and a tab set below the first screen is paint-contained
    (content-visibility): its own edges, 0.8rem short of the screen's, cut the table and the wrapper's ring, which
    showed as a line at its top and bottom only. Focused by keyboard, the wrapper's ring marks both its sides, just
    inside them, along most of their height."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    try:
        left, right, height = edge_ring_rows(tab, path, in_tabs)
        assert left > 0.8 * height and right > 0.8 * height, (left, right, height)
    finally:
        tab.close()


def test_the_edge_ring_check_can_fail(browser, server):
    """The same check with the tab set's cut and the ring drawn as the theme draws them: both sides stay unmarked
    just inside the wrapper's edges."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    try:
        for path, in_tabs in EDGE_BOXES:
            left, right, height = edge_ring_rows(tab, path, in_tabs, theme=True)
            assert max(left, right) < 0.2 * height, (path, in_tabs, left, right, height)
    finally:
        tab.close()


# The top of each table of the page that scrolls and fits below the header, put 10 px under the header's top, then
# focused as the keyboard focuses: where it is then, and where the header ends.
UNDER_HEADER_JS = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const tops = [];
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap[tabindex='0']")) {
    box.scrollIntoView({block: "start"});
    await frame();  // drawn: measured by scroll-regions.js, its stop kept only if it scrolls
    if (box.getAttribute("tabindex") !== "0" || box.getBoundingClientRect().height > innerHeight - 2 * header) continue;
    scrollBy(0, box.getBoundingClientRect().top - 10);
    await frame();
    box.focus({focusVisible: true});
    await frame();
    tops.push(Math.round(box.getBoundingClientRect().top));
    box.blur();
  }
  return {header, tops};
}"""


def test_a_table_the_keyboard_reaches_is_not_left_under_the_sticky_header(browser, server):
    """An accessibility review: on a phone the focus reached a table whose top was under the sticky header, and left
    it there (the browser scrolls a box into view only if it is off the screen). Each table of reference/homework/
    that scrolls and fits below the header, focused with its top under the header, is scrolled to below it."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    try:
        tab.visit("reference/homework/")
        seen = tab.page.evaluate(UNDER_HEADER_JS)
        assert seen["tops"], "the premise: a table of reference/homework/ scrolls and fits below the header"
        assert all(top >= seen["header"] for top in seen["tops"]), seen
    finally:
        tab.close()


PALETTE_RING_JS = """async () => {
    const header = getComputedStyle(document.querySelector(".md-header")).backgroundColor;
    const probe = document.createElement("span");  // the theme's accent, as the browser resolves it
    probe.style.color = "var(--md-accent-fg-color)";
    document.querySelector(".md-header").append(probe);
    const accent = getComputedStyle(probe).color;
    probe.remove();
    return {header, accent};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_controls_focus_ring_stands_out_from_the_header(browser, server, scheme):
    """An accessibility review: the palette toggle's focus ring was the accent colour on the header, indigo on indigo,
    1.6:1 in light. Reached with the keyboard, the focused toggle's ring is at least 3:1 against the header (WCAG
    1.4.11), in both palettes; the theme's own ring colour is not, in light (the premise: the check can fail)."""
    tab = new_tab(browser, server, viewport=DESKTOP, color_scheme=scheme)
    try:
        tab.visit("forward-pass/")
        for _ in range(30):  # Tab from the top until the palette toggle has the focus, as a keyboard user gets there
            tab.page.keyboard.press("Tab")
            if tab.page.evaluate("() => document.activeElement.classList.contains('md-option')"):
                break
        else:
            raise AssertionError("no Tab reached the palette toggle")
        ring = tab.page.evaluate("""() => {
            const label = document.activeElement.nextElementSibling;
            const style = getComputedStyle(label);
            return {color: style.outlineColor, style: style.outlineStyle, shown: !label.hidden,
                    name: document.activeElement.getAttribute("aria-label"),
                    visible: document.activeElement.classList.contains("focus-visible")};
        }""")
        colours = tab.page.evaluate(PALETTE_RING_JS)
        # the Tab lands on the toggle the reader sees, named for what it does (palette.js; in dark the theme's first
        # radio, "Switch to dark mode", had the focus, its label hidden)
        other = {"light": "dark", "dark": "light"}[scheme]
        assert ring["shown"] and ring["name"] == f"Switch to {other} mode", ring
        assert ring["visible"] and ring["style"] != "none", ring
        assert wcag_contrast(ring["color"], colours["header"]) >= 3, (ring, colours)
        if scheme == "light":  # the theme's accent: 1.6:1 on the light palette's header (3.9:1 on the dark one's)
            assert wcag_contrast(colours["accent"], colours["header"]) < 3, ("the premise", colours)
    finally:
        tab.close()


DISPLAY_STOPS_JS = """() => [...document.querySelectorAll('article mjx-container[display="true"]')].map((box) => ({
    scrolls: box.scrollWidth > box.clientWidth + 1, stop: box.getAttribute("tabindex") === "0",
    named: !!box.getAttribute("aria-label")}))"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_display_equation_is_a_tab_stop_only_where_it_scrolls(browser, server, viewport):
    """A keyboard review: every display equation was a Tab stop (the HTML gives each one, so that one that scrolls is
    reachable at the first paint), 21 on rule-hidden-weights/ at 1280 px, where one of them scrolls. Once the page is
    drawn (its collapsible boxes opened, and scrolled through: content-visibility measures a block when it is drawn),
    a display equation has a tab stop exactly where it scrolls, and a name; on a phone some do scroll, and keep
    theirs."""
    tab = new_tab(browser, server, viewport=viewport, color_scheme="light")
    try:
        html = (server.site_dir / "rule-hidden-weights" / "index.html").read_text(encoding="utf-8")
        displays = re.findall(r'<mjx-container[^>]*display="true"[^>]*>', html)
        assert len(displays) > 10 and all('tabindex="0"' in d for d in displays), "the premise: each a stop in the HTML"
        tab.visit("rule-hidden-weights/")
        tab.page.evaluate("() => document.querySelectorAll('article details').forEach((d) => { d.open = true; })")
        tab.scroll_through()  # the opened boxes' "toggle" has fired by the end of it (a task each)
        boxes = tab.page.evaluate(DISPLAY_STOPS_JS)
        assert [b["stop"] for b in boxes] == [b["scrolls"] for b in boxes], boxes
        assert all(b["named"] for b in boxes)
        scrolling = sum(b["scrolls"] for b in boxes)
        if viewport == PHONE:
            assert scrolling > 0, "on a phone some scroll, and keep their stops"
        else:
            assert scrolling < len(boxes) / 2, "most fit, and have no stop"
    finally:
        tab.close()


IN_DRAWER_JS = "() => !!document.activeElement.closest('.md-sidebar--primary')"
# whether the focused element is what a reader sees at its centre (not off the screen, under another pane or
# transparent), once every transition has ended
FOCUS_SEEN_JS = """async () => {
  await new Promise((done) => setTimeout(done, 400));  // the drawer's and panes' transitions: 0.25 s at most
  const el = document.activeElement, box = el.getBoundingClientRect();
  const x = box.left + Math.min(box.width / 2, 20), y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  let seen = !!top && (el.contains(top) || top.contains(el));
  for (let node = el; seen && node; node = node.parentElement) seen = getComputedStyle(node).opacity !== "0";
  return seen;
}"""


def test_the_closed_drawer_on_a_phone_slides_in_while_its_links_have_the_focus(browser, server):
    """An accessibility review: on a phone the theme's menu button is a label that no Tab reaches, so the closed
    navigation drawer's links, moved off the screen, are a keyboard reader's only way to the navigation, and were
    tabbed through unseen (taking them out of the Tab order left none), 47 of 56 in panes of sections not open or under
    the open one. Tabbing from the top of a page, each Tab stop in the closed drawer is seen where it is (the drawer,
    and a section's pane, slide in), and the article is reached after them."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    page = tab.page
    try:
        tab.visit("forward-pass/")
        in_drawer = []
        for _ in range(120):  # past the header's controls and the drawer's links, into the article
            page.keyboard.press("Tab")
            if page.evaluate(IN_DRAWER_JS):
                in_drawer.append(page.evaluate("() => { const el = document.activeElement; "
                                                "return `${el.tagName}.${el.className} ${el.textContent.trim()}`; }"))
                assert page.evaluate(FOCUS_SEEN_JS), f"a drawer stop not seen: {in_drawer[-1]!r}"
            if page.evaluate("() => !!document.activeElement.closest('article')"):
                break
        else:
            raise AssertionError("120 Tabs did not reach the article")
        assert len(in_drawer) > 5, in_drawer  # the premise: the drawer's links are Tab stops
        page.wait_for_timeout(300)  # the drawer slides out again once the focus has left it
        assert page.evaluate("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right") <= 0
    finally:
        tab.close()


# measured with every block laid out (a block skipped by content-visibility reports stale sizes), in the same task, so
# before scroll-regions.js sees the class change
OTHER_STOPS_JS = """() => {
  const root = document.documentElement, laidOut = root.classList.contains("bp-laid-out");
  root.classList.add("bp-laid-out");
  const boxes = [...document.querySelectorAll('.md-typeset table:not([class]), .md-typeset .jp-Cell-inputWrapper, '
      + '.md-typeset .jp-OutputArea-output, .md-typeset .tabbed-labels')]
    .filter((box) => box.checkVisibility())  // not in a content tab not chosen (the next test chooses them)
    .map((box) => {
      const frame = box.closest(".md-typeset__scrollwrap") || box;  // a wrapped table's stop is its wrapper's
      return {what: box.tagName + "." + box.className.split(" ")[0],
              stop: frame.getAttribute("tabindex") === "0" && (frame === box || !box.hasAttribute("tabindex")),
              scrolls: frame.scrollWidth > frame.clientWidth + 1
                || (box.matches(".jp-Cell-inputWrapper, .jp-OutputArea-output")
                    && box.scrollHeight > box.clientHeight + 1)};
    });
  if (!laidOut) root.classList.remove("bp-laid-out");
  return boxes;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["exercises/04-output-weights/", "notation/", "errata/"])
def test_tables_and_notebook_boxes_are_tab_stops_only_where_they_scroll(browser, server, viewport, path):
    """An accessibility review: every data table (116 on the site), every input area and output of a notebook (6 to
    15 an exercise) and every row of content tabs was a Tab stop, with nothing to scroll in most of them. Once drawn,
    each is a stop exactly where it scrolls (a table in the theme's wrapper around it); on a phone some tables do."""
    tab = new_tab(browser, server, viewport=viewport, color_scheme="light")
    try:
        html = (server.site_dir / path / "index.html").read_text(encoding="utf-8")
        assert html.count('<table tabindex="0">') > 1, "the premise: the HTML gives each table a stop"
        tab.visit(path)
        tab.page.evaluate("() => document.querySelectorAll('article details').forEach((d) => { d.open = true; })")
        tab.scroll_through()
        boxes = tab.page.evaluate(OTHER_STOPS_JS)
        assert len(boxes) > 1 and [b["stop"] for b in boxes] == [b["scrolls"] for b in boxes], boxes
        if viewport == DESKTOP:
            assert sum(b["stop"] for b in boxes) < len(boxes) / 2, boxes
    finally:
        tab.close()


# the first drawn display equation and data table whose box scrolls sideways, each marked with a data attribute on
# its stop (a table's wrapper)
SCROLLING_BOXES_JS = """() => {
  const frame = (box) => box.closest(".md-typeset__scrollwrap") || box;
  const scrolls = (box) => frame(box).scrollWidth > frame(box).clientWidth + 1;
  return ['.md-typeset mjx-container[display="true"]', ".md-typeset table:not([class])"].map((selector) => {
    const box = [...document.querySelectorAll(selector)].find((b) => b.checkVisibility() && scrolls(b));
    if (box) frame(box).dataset.bpProbe = selector;
    return !!box && frame(box).getAttribute("tabindex") === "0";
  });
}"""
PROBE_STATE_JS = """(selector) => {
  const box = document.querySelector(`[data-bp-probe='${selector}']`);
  return {stop: box.getAttribute("tabindex") === "0", focused: document.activeElement === box,
          fits: box.scrollWidth <= box.clientWidth + 1};
}"""


def test_the_box_with_the_focus_keeps_its_stop_when_a_resize_makes_it_fit(browser, server):
    """A mutation audit: no test held the box a reader is on through a re-measure, and without scroll-regions.js'
    `box !== document.activeElement` a resize that makes it fit took its stop, and the focus with it. On a phone an
    equation and a table of errata/ scroll; each, focused, keeps its stop when the window is widened to a desktop's and
    it fits; once the focus has left it, the next resize takes the stop. A table's stop is the theme's wrapper
    around it, which scrolls: the table itself, focused, got the theme's focus-visible class and lost its style for
    good (table:not([class]), 12.8 px text and borders, then 16 px and none), and that mark skipped it from then on."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    page = tab.page
    try:
        tab.visit("errata/")
        # every wrapped table's stop is its wrapper's at once, the tables below the screen, not yet drawn, too (a
        # review: Tab reached those tables themselves before they were measured)
        tables, own_stops, wrappers = page.evaluate(
            "() => [document.querySelectorAll('.md-typeset__table > table').length, "
            "document.querySelectorAll('.md-typeset__table > table[tabindex]').length, "
            "document.querySelectorAll('.md-typeset__scrollwrap[role=group][tabindex]').length]")
        assert tables > 1 and own_stops == 0 and wrappers > 0, (tables, own_stops, wrappers)
        page.evaluate("() => document.querySelectorAll('article details').forEach((d) => { d.open = true; })")
        tab.scroll_through()
        assert page.evaluate(SCROLLING_BOXES_JS) == [True, True], "the premise: both kinds scroll, with stops"
        for selector in ('.md-typeset mjx-container[display="true"]', ".md-typeset table:not([class])"):
            page.set_viewport_size(PHONE)
            page.locator(f"[data-bp-probe='{selector}']").focus()
            page.set_viewport_size(DESKTOP)
            page.wait_for_timeout(300)  # a resize marks in the next frame
            state = page.evaluate(PROBE_STATE_JS, selector)
            assert state["fits"], f"the premise: {selector} fits at 1280 px"
            assert state == {"stop": True, "focused": True, "fits": True}, (selector, state)
            assert page.evaluate("() => [...document.querySelectorAll('.md-typeset__table > table')]"
                                 ".every((t) => !t.hasAttribute('class'))"), "a table got a class"
            page.evaluate("() => document.activeElement.blur()")
            page.locator(f"[data-bp-probe='{selector}']").scroll_into_view_if_needed()  # drawn, so a resize marks it
            page.set_viewport_size({**DESKTOP, "width": DESKTOP["width"] - 10})
            page.wait_for_timeout(300)
            assert page.evaluate(PROBE_STATE_JS, selector)["stop"] is False, f"{selector}: its stop was kept unfocused"
    finally:
        tab.close()


def test_the_tables_stops_are_no_landmarks_that_axe_calls_not_unique(browser, server):
    """An accessibility review: named alike, "scrolls sideways", the table wrappers' stops were regions, landmarks,
    and axe found them not unique (landmark-unique) where several tables scroll, on reference/homework/ on a phone.
    They are groups, as the display equations' stops are."""
    tab = new_tab(browser, server, viewport=PHONE, color_scheme="light")
    try:
        tab.visit("reference/homework/")
        landmarks = tab.axe_problems(rules=["landmark-unique"], impacts=("moderate", "serious", "critical"))
        stops = tab.page.evaluate("() => document.querySelectorAll('.md-typeset__scrollwrap[tabindex]').length")
        assert stops > 1, "the premise: several tables scroll, each with its stop"
        assert not [p for p in landmarks if "md-typeset__scrollwrap" in p], landmarks
    finally:
        tab.close()


def test_a_content_tab_chosen_gives_its_boxes_stops_only_where_they_scroll(browser, server):
    """The boxes of a content tab not chosen are not drawn, and kept the HTML's stops: choosing the tab measures them.
    On notation/ at 1280 px each tab of every tab set is chosen in turn (with a click, as a reader does)."""
    tab = new_tab(browser, server, viewport=DESKTOP, color_scheme="light")
    try:
        tab.visit("notation/")
        labels = tab.page.locator("article .tabbed-labels > label")
        assert labels.count() > 1, "the premise: notation/ has content tabs"
        for n in range(labels.count()):
            labels.nth(n).scroll_into_view_if_needed()
            labels.nth(n).click()
            tab.page.wait_for_timeout(100)
        tab.scroll_through()
        boxes = tab.page.evaluate(OTHER_STOPS_JS)
        assert [b["stop"] for b in boxes] == [b["scrolls"] for b in boxes], boxes
    finally:
        tab.close()
