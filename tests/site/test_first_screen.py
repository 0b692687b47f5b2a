"""hooks/first_screen.py, and the text faces hooks/fonts.py preloads from it: on hand-made pages.

What the first screen is: the article's elements and text in sight (not a closed ``<details>`` beyond its summary,
not a content tab other than the first, not script or style), up to a budget of characters of text, a display
formula counting as several. Which faces a page preloads: body text and bold always, the light face for a title,
italic and mono when the first screen shows an element drawn with them. That the browser then uses every face a page
preloads is checked on the built site by tests/browser (Tab.font_problems).
"""

from __future__ import annotations

import pytest

from tests.support.hooks import load_hook

ARTICLE = '<article class="md-content__inner md-typeset">'


@pytest.fixture(scope="module")
def screen():
    return load_hook("first_screen")


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body><nav>menu</nav>{ARTICLE}{body}</article><footer>f</footer>"


def test_the_article_until_the_budget(screen):
    words = "".join(f"<p>{'x' * 99}</p>" for _ in range(30))  # 3,000 characters of text
    shown = screen.first_screen(page(words), budget=1000)
    assert shown.startswith(ARTICLE) and "menu" not in shown
    assert shown.count("x") == 11 * 99  # whole paragraphs, up to the one that reaches the budget (11 x 99 >= 1000)
    assert screen.first_screen(page("<p>short</p>")).endswith("</article>")
    assert screen.first_screen("<html><body><p>no article</p></body></html>") == ""


def test_what_is_out_of_sight_is_left_out(screen):
    body = ('<details class="note"><summary>A <em>title</em></summary><p>hidden <code>x</code></p></details>'
            '<details open><summary>open</summary><p>shown <kbd>k</kbd></p></details>'
            '<div class="tabbed-set"><div class="tabbed-content"><div class="tabbed-block"><p>first <b>tab</b></p>'
            '</div><div class="tabbed-block"><p>second <i>tab</i></p></div></div></div>'
            '<div class="tabbed-set tabbed-alternate"><input id="a1"><input checked="checked" id="a2">'
            '<div class="tabbed-labels"><label for="a1">Source</label><label for="a2">Result</label></div>'
            '<div class="tabbed-content"><div class="tabbed-block"><pre><samp>source</samp></pre></div>'
            '<div class="tabbed-block"><p>the <dfn>result</dfn> tab</p></div></div></div>'
            '<script>var hidden = "<em>";</script><style>p { color: red }</style><p>after</p>')
    shown = screen.first_screen(page(body))
    for seen in ("<em>title</em>", "<kbd>k</kbd>", "<b>tab</b>", "<dfn>result</dfn>", "after"):
        assert seen in shown, seen
    for unseen in ("hidden", "<code>", "second", "<i>", "<samp>", "var hidden", "color: red"):
        assert unseen not in shown, unseen
    assert shown.count("<em>") == 1  # the summary's, not the one in the script's string


def test_a_stray_end_tag_does_not_end_the_first_screen(screen):
    shown = screen.first_screen(page("<p>one</span> two</p><p>three</p>"))
    assert "two" in shown and "three" in shown and shown.endswith("</article>")


def test_text_counts_but_script_and_style_do_not(screen):
    body = f"<script>{'s' * 500}</script><style>{'c' * 500}</style><p>{'x' * 50}</p><p>{'y' * 50}</p>"
    shown = screen.first_screen(page(body), budget=60)
    assert "x" * 50 in shown and "y" * 50 in shown and "s" * 10 not in shown


def test_a_display_formula_counts_as_several_lines(screen):
    display = '<mjx-container class="MathJax" jax="CHTML" display="true"></mjx-container>'
    body = display + "<p>after the formula</p>"
    assert "after" not in screen.first_screen(page(body), budget=screen.DISPLAY)
    assert "after" in screen.first_screen(page(body), budget=screen.DISPLAY + 5)


def test_the_faces_a_first_screen_draws_with_are_preloaded():
    fonts = load_hook("fonts")
    base = [("roboto-400.woff2", None), ("roboto-700.woff2", None)]  # body text; the header's site name is bold
    assert fonts.preload_fonts("<p>plain text</p>") == base
    assert fonts.preload_fonts("<h1>Title</h1><p>an <em>emphasis</em> and <code>code</code></p>") == [
        *base, ("roboto-300.woff2", None), ("roboto-400-italic.woff2", None), ("roboto-mono-400.woff2", None)]
    # code only inside a closed box, and far below: no mono face up front
    closed = "<details><summary>s</summary><pre><code>x = 1</code></pre></details>"
    far = "<p>" + "x" * 3000 + "</p><p><code>late</code></p>"
    assert fonts.preload_fonts(closed + far) == base


def test_a_face_only_a_desktops_first_screen_draws_with_is_preloaded_for_wide_windows_only(screen):
    fonts = load_hook("fonts")
    # 1500 characters of text: past a phone's first screen (1000), within a desktop's (2000)
    body = "<p>" + "x" * 1500 + "</p><p><em>lower</em> and <code>code</code></p>"
    assert fonts.preload_fonts(body) == [("roboto-400.woff2", None), ("roboto-700.woff2", None),
                                         ("roboto-400-italic.woff2", "(min-width: 60em)"),
                                         ("roboto-mono-400.woff2", "(min-width: 60em)")]
    assert screen.WIDE == "(min-width: 60em)"
    # the order of what ``wanted`` names is kept, the phone's first
    assert screen.preloads(lambda html: ["b", "a"] if "lower" in html else ["a"], page(body)) == [
        ("a", None), ("b", screen.WIDE)]


def test_a_page_read_again_gives_its_own_first_screen(screen):
    """first_screen keeps what it read for a rebuild under `make serve`, where every page is written again and all but
    the edited one unchanged: an edited page, a page of the same length, another budget and the article's content
    alone each get their own reading, and a page read again the same one."""
    first, edited = page("<p>one</p><p>" + "a" * 50 + "</p>"), page("<p>two</p><p>" + "a" * 50 + "</p>")
    assert len(first) == len(edited)
    assert "one" in screen.first_screen(first) and "two" in screen.first_screen(edited)
    assert "two" not in screen.first_screen(first)
    assert "a" * 50 not in screen.first_screen(first, budget=3) and "a" * 50 in screen.first_screen(first)
    assert screen.first_screen("<p>three</p>", whole_page=False) == "<p>three</p>"
    assert screen.first_screen("<p>three</p>") == ""  # no article in it


def test_a_page_read_again_is_not_read_again(screen, monkeypatch):
    """The second reading of the same page, budget and form is the first one's result, without reading it again (what
    a rebuild under `make serve` saves); a page with a lone surrogate in it (text no UTF-8 holds) is read all the
    same."""
    calls = []
    real = screen._first_screen

    def counted(*args):
        calls.append(args[1:])
        return real(*args)

    monkeypatch.setattr(screen, "_first_screen", counted)
    html = page("<p>read once " + "\ud800" + "</p>")
    first = screen.first_screen(html, budget=77)
    assert screen.first_screen(html, budget=77) == first == real(html, 77, True) and "read once" in first
    assert calls == [(77, True)]
