"""hooks/mathjax_prerender.py: math typeset at build time by MathJax in V8.

Independent references: MathJax's client-side rules as documented (delimiters, escapes, what is searched), the
TeX written here by hand, a tiny strict mkdocs build that must fail on bad TeX, and the built site's own pages
(the site_build fixture, built in the mode mkdocs.yml sets: pre-rendered).
"""

from __future__ import annotations

import html
import logging
import os
import re
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest

from tests.support import ROOT
from tests.support.hooks import load_hook

HOOK = ROOT / "hooks" / "mathjax_prerender.py"

pytest.importorskip("py_mini_racer", reason="mini-racer missing: pip install -e '.[docs]'")


@pytest.fixture(scope="module")
def hook():
    return load_hook("mathjax_prerender")


def containers(out: str) -> list[str]:
    return re.findall(r"<mjx-container\b.*?</mjx-container>", out, flags=re.S)


def tex_of(container: str) -> str:
    return html.unescape(re.search(r'data-tex="([^"]*)"', container)[1])


# ---------------------------------------------------------------------------------------------------------------
# One formula


def test_formula_has_chtml_assistive_mathml_and_tex_source(hook):
    out = hook.prerender_page(r'<p><span class="arithmatex">\(e = d - y\)</span></p>', "p.md")
    [c] = containers(out)
    assert 'jax="CHTML"' in c and "<mjx-math" in c
    assert "<mjx-assistive-mml" in c and "<math" in c  # what screen readers read
    assert re.search(r"<mi>e</mi>\s*<mo>=</mo>\s*<mi>d</mi>\s*<mo>(?:−|&#x2212;)</mo>\s*<mi>y</mi>", c), c
    assert tex_of(c) == "e = d - y"
    assert 'display="true"' not in c.split(">", 1)[0]  # inline
    assert r"\(" not in out and r"\)" not in out  # delimiters replaced, like client-side MathJax does
    assert out.startswith('<p><span class="arithmatex"><mjx-container')


def test_what_every_formula_repeats_is_left_out_but_not_from_its_text(hook):
    tex = r"""\text{keep unselectable="on" here} + f'(v)"""  # f' gets data-mjx-alternate from MathJax
    [c] = containers(hook.prerender_page(f'<p><span class="arithmatex">\\({html.escape(tex)}\\)</span></p>', "p.md"))
    assert c.startswith('<mjx-container class="MathJax" jax="CHTML" data-tex=')  # style: in the stylesheet
    assert "<math>" in c and "xmlns" not in c and "data-mjx-" not in c
    assert re.findall(r"<mjx-assistive-mml[^>]*>", c) == ['<mjx-assistive-mml display="inline">']
    assert '<mtext>keep unselectable="on" here</mtext>' in c and tex_of(c) == tex
    css = hook.STATE.renderer.stylesheet()
    rule = re.search(r'mjx-container\[jax="CHTML"\] \{\s*font-size: 119\.5%;\s*position: relative;\s*\}', css)
    assert rule, css[-300:]


def test_math_is_scaled_to_the_text_fonts_ex_height(hook):
    """Roboto 2.138 (the site's text font) has an x-height of 1082/2048 em, MathJax's TeX fonts 0.442 em: the math is
    set at 119.5 % of the text so the two x-heights match (client-side MathJax measures the same in the browser)."""
    assert hook.text_ex_height() == 1082 / 2048
    assert hook.SCALE == pytest.approx(1082 / 2048 / 0.442, abs=5e-4)


def test_display_math_and_html_escaped_tex(hook):
    # arithmatex escapes the TeX; MathJax must see a < b, and data-tex must round-trip it
    out = hook.prerender_page(r'<div class="arithmatex">\[a &lt; b \quad \text{&amp;} \]</div>', "p.md")
    [c] = containers(out)
    assert 'display="true"' in c.split(">", 1)[0]
    assert tex_of(c) == r"a < b \quad \text{&} "
    assert "<mo>&lt;</mo>" in c


def test_same_formula_is_rendered_once(hook, monkeypatch):
    r = hook.renderer()
    calls = []
    real = r.ctx.call

    def counting(name, *args):
        if name == "bpRender":
            calls.append(args[0])
        return real(name, *args)

    monkeypatch.setattr(r.ctx, "call", counting)
    tex = r"\Delta w_{41}(n) = \eta\, e(n)\, y_{h1}(n) + 0.125"
    page = f'<span class="arithmatex">\\({tex}\\)</span> <span class="arithmatex">\\({tex}\\)</span>'
    first = hook.prerender_page(page, "a.md")
    second = hook.prerender_page(page, "b.md")
    rendered = [item for batch in calls for item in batch]
    assert rendered == [[tex, False]]  # once, although it appears 4 times on 2 pages
    assert first == second and len(containers(first)) == 2
    hook.prerender_page(f'<div class="arithmatex">\\[{tex}\\]</div>', "c.md")  # display is another formula
    assert [item for batch in calls for item in batch][-1] == [tex, True]


def test_packages_not_autoloaded_leave_base_output_alone(hook):
    """braket (in tex-full.js, autoloaded only for \\braket & co.) would turn every | into an ORD-class operator."""
    out = hook.prerender_page(r'<span class="arithmatex">\(|x|\)</span>', "p.md")
    assert re.search(r'<math[^>]*><mo stretchy="false">\|</mo><mi>x</mi><mo stretchy="false">\|</mo></math>', out), out


def test_the_packages_the_client_would_autoload_work(hook):
    page = "".join(f'<span class="arithmatex">\\({t}\\)</span>' for t in [
        r"\boldsymbol{w}", r"\cancel{x}", r"\color{red}{y}", r"\operatorname{sech} v", r"\begin{cases}a\\b\end{cases}",
        r"\bbox[5px]{z}", r"\tfrac12 e^2", r"\begin{aligned}a&=b\\c&=d\end{aligned}",
    ])
    out = hook.prerender_page(page, "p.md")
    assert len(containers(out)) == 8, "a formula failed"


# ---------------------------------------------------------------------------------------------------------------
# TeX errors fail the build, naming page and formula


@pytest.mark.parametrize("tex, message", [
    (r"\sech x", r"Undefined control sequence \sech"),  # noundefined is off: undefined macros are errors
    (r"{x}}", "Extra close brace or missing open brace"),
    (r"{x", "no complete formula (unbalanced braces or delimiters?)"),  # MathJax finds no end: raw TeX in a browser
    (r"\dv{f}{x}", r"Undefined control sequence \dv"),  # physics is in tex-full but not autoloaded
])
def test_tex_error_is_a_warning_naming_page_and_tex(hook, caplog, tex, message):
    caplog.set_level(logging.WARNING, logger="mkdocs")
    page = f'<span class="arithmatex">\\({html.escape(tex)}\\)</span>'
    out = hook.prerender_page(page, "rules/bad-page.md")
    assert not containers(out)
    assert out == page  # left as it was
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert record.name.startswith("mkdocs.")  # mkdocs counts these under --strict
    text = record.getMessage()
    assert "rules/bad-page.md" in text and message in text and tex in text


def test_strict_build_fails_on_a_tex_error(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Fine\n\n$$E = \\tfrac12 e^2$$\n", encoding="utf-8")
    (docs / "broken.md").write_text("# Broken\n\nThe slope is $\\sech^2 v$.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: t
        docs_dir: docs
        hooks: [{HOOK}]
        markdown_extensions:
          - pymdownx.arithmatex:
              generic: true
        extra_javascript: [assets/mathjax/tex-chtml.js]
        """), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("MATHJAX_PRERENDER", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert re.search(r"WARNING\s+-\s+MathJax pre-render: TeX error on page 'broken.md'", out), out
    assert r"Undefined control sequence \sech" in out and r"'\\sech^2 v'" in out, out
    # the same site without the bad page builds, pre-rendered, and loads no MathJax JavaScript
    (docs / "broken.md").unlink()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<mjx-container" in page and "tex-chtml.js" not in page
    assert '<meta name="mathjax-prerendered" content="true">' in page
    assert 'href="assets/mathjax/prerender.css"' in page
    css = (tmp_path / "site" / "assets" / "mathjax" / "prerender.css").read_text(encoding="utf-8")
    assert "mjx-container" in css and 'url("prerender-fonts/MathJax_Main-Regular.woff2") format("woff2")' in css
    # the fonts no formula uses are named as MathJax ships them (never fetched, so not converted)
    assert 'url("prerender-fonts/MathJax_Fraktur-Regular.woff") format("woff")' in css
    assert (tmp_path / "site" / "assets" / "mathjax" / "prerender-fonts" / "MathJax_Main-Regular.woff2").is_file()
    # the formulas this build rendered, not the size of the cache a server keeps from build to build
    log = proc.stdout + proc.stderr
    assert "MathJax pre-rendered 1 formulas on 1 pages (1 rendered, the rest from the cache)" in log, log
    not_found = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")  # a template, served at any depth
    assert '<meta name="mathjax-prerendered" content="true">' in not_found
    assert 'href="/assets/mathjax/prerender.css"' in not_found


# ---------------------------------------------------------------------------------------------------------------
# Where math is found: as the client-side configuration (docs/javascripts/mathjax-config.js) finds it


NOTEBOOK = """<div class="jp-Cell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">
<h1 id="x">Title with $n \\to n+1$<a class="anchor-link" href="#x">$not math$</a></h1>
<p>With $E = \\tfrac12 e^2$, a price of \\$5 and <em>$y$</em>:</p>
<p>$$\\frac{\\partial E}{\\partial w_{4i}} = e \\cdot (-1)$$</p>
<ul><li>\\begin{align} x &amp;= 1 \\end{align}</li></ul>
<pre><code>print("$not math$")</code></pre><p><code>$nor this$</code></p>
</div></div>
<p>Outside any cell: $not math$</p>"""


def test_notebook_cells_math_found_like_mathjax_does(hook):
    out = hook.prerender_page(NOTEBOOK, "exercises/x.py")
    found = [(tex_of(c), 'display="true"' in c.split(">", 1)[0]) for c in containers(out)]
    assert found == [
        (r"n \to n+1", False),
        (r"E = \tfrac12 e^2", False),
        ("y", False),  # a class-less child of a cell is searched
        (r"\frac{\partial E}{\partial w_{4i}} = e \cdot (-1)", True),
        (r"\begin{align} x &= 1 \end{align}", True),  # environments are display math
    ]
    assert "a price of $5 and" in out  # \$ is a dollar sign
    assert out.count("$not math$") == 3  # in a classed child, in code, outside the cells
    assert "<code>$nor this$</code>" in out


def test_page_without_math_is_unchanged(hook):
    page = '<p>Price: $5, code <code>\\(x\\)</code>, <span class="other">\\(y\\)</span></p>'
    assert hook.prerender_page(page, "p.md") == page


# ---------------------------------------------------------------------------------------------------------------
# Fonts cut down to the glyphs drawn


def test_drawn_characters_decodes_css_content_strings(hook):
    css = r"""mjx-c.mjx-c1D464.TEX-I::before { padding: 0.443em 0.716em 0.011em 0; content: "w"; }
mjx-c.mjx-c2212::before { content: "\2212"; }
mjx-c.mjx-c22::before { content: "\""; }
mjx-c.mjx-c5C::before { content: "\\"; }
mjx-c.mjx-c2192.mjx-c338::before { content: "\2192\338 x"; }
mjx-c.mjx-c1D400::before { content:"\1D400  "; }
mjx-stretchy-v > mjx-ext { border: 0; }"""
    # by hand: a hex escape eats one following space, a backslash before anything else is that character
    assert hook.drawn_characters(css) == {"w", "\u2212", '"', "\\", "\u2192", "\u0338", "x", "\U0001D400", " "}


FONT_CSS = r"""
.MJX-TEX { font-family: MJXZERO, MJXTEX; }
.TEX-I { font-family: MJXZERO, MJXTEX-I; }
.TEX-B { font-family: MJXZERO, MJXTEX-B; }
mjx-stretchy-v mjx-c, mjx-stretchy-h mjx-c { font-family: MJXZERO, MJXTEX-S1, MJXTEX-S4 ! important; }
@font-face /* 0 */ { font-family: MJXZERO; src: url("prerender-fonts/MathJax_Zero.woff") format("woff"); }
@font-face /* 1 */ { font-family: MJXTEX; src: url("prerender-fonts/MathJax_Main-Regular.woff") format("woff"); }
@font-face /* 2 */ { font-family: MJXTEX-I; src: url("prerender-fonts/MathJax_Math-Italic.woff") format("woff"); }
@font-face /* 3 */ { font-family: MJXTEX-B; src: url("prerender-fonts/MathJax_Main-Bold.woff") format("woff"); }
@font-face /* 4 */ { font-family: MJXTEX-S1; src: url("prerender-fonts/MathJax_Size1-Regular.woff") format("woff"); }
@font-face /* 5 */ { font-family: MJXTEX-S4; src: url("prerender-fonts/MathJax_Size4-Regular.woff") format("woff"); }
mjx-c.mjx-c1D464.TEX-I::before { content: "w"; }
mjx-c.mjx-c1D6FC.TEX-I::before { content: "\3B1"; }
mjx-c.mjx-c3D::before { content: "="; }
"""
ITALIC_W = ('<mjx-math class=" MJX-TEX"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D464 TEX-I"></mjx-c></mjx-mi>'
            "</mjx-math>")
STRETCHY = '<mjx-stretchy-v class="mjx-c28"><mjx-beg><mjx-c></mjx-c></mjx-beg></mjx-stretchy-v>'


def test_fonts_in_use_are_those_of_the_rules_the_math_matches(hook):
    # by hand: .MJX-TEX always (Zero, Main), .TEX-I for the italic w; no TEX-B, no stretchy delimiter
    assert hook.fonts_in_use(FONT_CSS, ITALIC_W) == {
        "MathJax_Zero.woff", "MathJax_Main-Regular.woff", "MathJax_Math-Italic.woff"}
    # a stretchy delimiter adds the families of the stretchy rule (its "! important" is not a family)
    assert hook.fonts_in_use(FONT_CSS, ITALIC_W + STRETCHY) == {
        "MathJax_Zero.woff", "MathJax_Main-Regular.woff", "MathJax_Math-Italic.woff",
        "MathJax_Size1-Regular.woff", "MathJax_Size4-Regular.woff"}


def test_a_first_screen_preloads_the_fonts_its_glyphs_are_fetched_from(hook):
    table = hook.font_files(FONT_CSS)
    # by hand, from FONT_CSS: each class's families in order, MJXZERO first; the stretchy rule's without "! important"
    assert table["MJX-TEX"] == ["MathJax_Zero.woff", "MathJax_Main-Regular.woff"]
    assert table["TEX-I"] == ["MathJax_Zero.woff", "MathJax_Math-Italic.woff"]
    assert table["mjx-stretchy"] == ["MathJax_Zero.woff", "MathJax_Size1-Regular.woff", "MathJax_Size4-Regular.woff"]
    container = '<mjx-container class="MathJax" jax="CHTML">{}</mjx-container>'
    # an italic w only: Zero (every glyph's first family) and Math-Italic, not Main (no glyph without a class)
    assert hook.first_screen_fonts(container.format(ITALIC_W), table) == ["MathJax_Zero.woff",
                                                                          "MathJax_Math-Italic.woff"]
    # "=" has no class of its own (MJX-TEX: Main); a stretchy delimiter's first font is Size1, not Size4
    equals = '<mjx-mo class="mjx-n"><mjx-c class="mjx-c3D"></mjx-c></mjx-mo>'
    assert hook.first_screen_fonts(container.format(ITALIC_W + equals + STRETCHY), table) == [
        "MathJax_Zero.woff", "MathJax_Main-Regular.woff", "MathJax_Math-Italic.woff", "MathJax_Size1-Regular.woff"]
    assert hook.first_screen_fonts("<p>no math</p>", table) == []


def test_fonts_in_use_are_cut_down_to_the_drawn_characters_and_the_others_copied(hook, tmp_path):
    from fontTools.ttLib import TTFont

    hook.write_fonts(FONT_CSS, tmp_path, ITALIC_W)
    written = {f.name: f for f in (tmp_path / "prerender-fonts").iterdir()}
    assert set(written) == {"MathJax_Zero.woff", "MathJax_Main-Regular.woff", "MathJax_Math-Italic.woff",
                            "MathJax_Main-Bold.woff", "MathJax_Size1-Regular.woff", "MathJax_Size4-Regular.woff"}
    for unused in ("MathJax_Main-Bold.woff", "MathJax_Size1-Regular.woff", "MathJax_Size4-Regular.woff"):
        assert written[unused].read_bytes() == (hook.FONT_SOURCE / unused).read_bytes()  # as MathJax ships it
    # Zero has none of the drawn characters (its one is never drawn): whole, since a font cut to no cmap is refused
    assert written["MathJax_Zero.woff"].read_bytes() == (hook.FONT_SOURCE / "MathJax_Zero.woff").read_bytes()
    name = "MathJax_Math-Italic.woff"
    original, subset = TTFont(hook.FONT_SOURCE / name), TTFont(written[name])
    assert subset.flavor == "woff"
    assert {"w", "\u03b1"} <= {chr(c) for c in original.getBestCmap()}  # both in Math-Italic; "=" is not
    assert {chr(c) for c in subset.getBestCmap()} == {"w", "\u03b1"}
    w = original.getBestCmap()[ord("w")]
    assert subset["hmtx"][subset.getBestCmap()[ord("w")]] == original["hmtx"][w]  # same advance and bearing
    assert written[name].stat().st_size < 0.5 * (hook.FONT_SOURCE / name).stat().st_size
    # Main-Regular has an upright w and "=", no lowercase Greek: the subset keeps the drawn characters it has
    assert {chr(c) for c in TTFont(written["MathJax_Main-Regular.woff"]).getBestCmap()} == {"=", "w"}


# ---------------------------------------------------------------------------------------------------------------
# The switch


def config(extra=None, scripts=("javascripts/mathjax-config.js", "assets/mathjax/tex-chtml.js")):
    return SimpleNamespace(extra=extra if extra is not None else {}, extra_javascript=list(scripts))


@pytest.mark.parametrize("extra, env, expected", [
    ({}, None, True),  # on by default
    ({"mathjax": {"prerender": True}}, None, True),
    ({"mathjax": {"prerender": False}}, None, False),
    ({"mathjax": {"prerender": True}}, "0", False),  # the environment wins
    ({"mathjax": {"prerender": False}}, "1", True),
    ({"mathjax": {"prerender": False}}, "off", False),
])
def test_switch(hook, monkeypatch, extra, env, expected):
    if env is None:
        monkeypatch.delenv("MATHJAX_PRERENDER", raising=False)
    else:
        monkeypatch.setenv("MATHJAX_PRERENDER", env)
    cfg = hook.on_config(config(extra))
    assert hook.STATE.enabled is expected
    assert ("assets/mathjax/tex-chtml.js" in cfg.extra_javascript) is not expected
    assert "javascripts/mathjax-config.js" in cfg.extra_javascript  # sets window.mathjaxTypeset in both modes


@pytest.mark.parametrize("extra, env, message", [
    ({"mathjax": {"prerender": "yes"}}, None, "extra.mathjax.prerender in mkdocs.yml must be true or false"),
    ({}, "maybe", "MATHJAX_PRERENDER='maybe'"),
])
def test_bad_switch_values_are_named(hook, monkeypatch, extra, env, message):
    if env is None:
        monkeypatch.delenv("MATHJAX_PRERENDER", raising=False)
    else:
        monkeypatch.setenv("MATHJAX_PRERENDER", env)
    with pytest.raises(ValueError, match=re.escape(message)):
        hook.on_config(config(extra))


def test_v8_context_and_cache_survive_a_reload_of_the_hook(hook, monkeypatch):
    """mkdocs serve loads the config again on every rebuild; a re-imported hook must reuse MathJax and its cache."""
    monkeypatch.delenv("MATHJAX_PRERENDER", raising=False)
    first = hook.renderer()
    hook.prerender_page(r'<span class="arithmatex">\(q_{reload}\)</span>', "p.md")
    again = load_hook("mathjax_prerender", "mathjax_prerender_reloaded")
    again.on_config(config())
    assert again.renderer() is first
    assert ("q_{reload}", False) in again.renderer().cache


# ---------------------------------------------------------------------------------------------------------------
# The built site (pre-rendered, as mkdocs.yml sets it)


def built_pages(site_build):
    return sorted(site_build.dir.rglob("*.html"))


def test_built_site_is_prerendered(site_build):
    if os.environ.get("MATHJAX_PRERENDER", "1") in ("0", "false", "off", "no"):
        pytest.skip("site built with MATHJAX_PRERENDER=0")
    assert re.search(r"MathJax pre-rendered \d+ formulas on \d+ pages .* in [\d.]+ s", site_build.log)
    css_file = site_build.dir / "assets" / "mathjax" / "prerender.css"
    css = css_file.read_text(encoding="utf-8")
    for font in re.findall(r'url\("([^"]+\.woff)"\)', css):
        assert (css_file.parent / font).is_file(), font
    problems = []
    for path in built_pages(site_build):
        page = path.read_text(encoding="utf-8")
        rel = path.relative_to(site_build.dir)
        if "tex-chtml.js" in page:
            problems.append(f"{rel}: loads tex-chtml.js")
        link = re.search(r'<link rel="stylesheet" href="([^"]*prerender\.css)">', page)
        base = site_build.dir if link and link[1].startswith("/") else path.parent  # 404.html: from the root
        if not link or (base / link[1].lstrip("/")).resolve() != css_file.resolve():
            problems.append(f"{rel}: no working link to prerender.css")
        for font in re.findall(r'<link rel="preload" href="([^"]+)" as="font"', page):
            if not (base / font.lstrip("/")).is_file():
                problems.append(f"{rel}: preloads a missing font {font}")
        if "window.mathjaxTypeset = Promise.resolve();" not in page.split('<script id="__config"')[0]:
            problems.append(f"{rel}: does not say its math is done before the theme's scripts")
        for m in re.finditer(r'<(span|div) class="arithmatex">(?!<mjx-container)(.{0,60})', page):
            problems.append(f"{rel}: math left untypeset: {m[2]!r}")
        for c in containers(page):
            if "<mjx-assistive-mml" not in c or "data-tex=" not in c:
                problems.append(f"{rel}: formula without assistive MathML or TeX source: {c[:100]}")
        for cls in re.findall(r'class="mjx-c([0-9A-F]+)', page):
            if f"mjx-c{cls}" not in css:
                problems.append(f"{rel}: glyph mjx-c{cls} has no CSS")
                break
    assert not problems, "\n".join(problems[:20])


def test_built_tex_matches_the_markdown_source(site_build):
    """Every display formula of the cost-function page is there with its TeX, as arithmatex received it."""
    page = (site_build.dir / "cost-function" / "index.html").read_text(encoding="utf-8")
    source = (ROOT / "docs" / "cost-function.md").read_text(encoding="utf-8")
    source = re.sub(r"^```.*?^```$", "", source, flags=re.S | re.M)  # TeX inside Python blocks is not static
    static = [m.strip() for m in re.findall(r"^\$\$\n?(.*?)\n?\$\$$", source, flags=re.S | re.M)]
    shown = [tex_of(c).strip() for c in containers(page)]
    assert static, "no static display math found in the source"
    missing = [t for t in static if t not in shown]
    assert not missing, missing


def test_as_woff2_names_woff2_files_and_write_fonts_writes_them_with_the_same_glyphs(hook, tmp_path):
    from fontTools.ttLib import TTFont

    css = hook.as_woff2(FONT_CSS)
    # by hand: each @font-face's file and format, nothing else of the stylesheet
    assert css.count('.woff2") format("woff2")') == 6 and '.woff")' not in css and 'format("woff")' not in css
    assert css.replace('.woff2") format("woff2")', '.woff") format("woff")') == FONT_CSS
    hook.write_fonts(FONT_CSS, tmp_path / "woff", ITALIC_W)
    hook.write_fonts(css, tmp_path / "woff2", ITALIC_W)
    woff2 = sorted((tmp_path / "woff2" / "prerender-fonts").iterdir())
    assert [f.name for f in woff2] == sorted(f.name + "2" for f in (tmp_path / "woff" / "prerender-fonts").iterdir())
    for served in woff2:
        as_woff = tmp_path / "woff" / "prerender-fonts" / served.name.removesuffix("2")
        font, woff = TTFont(served), TTFont(as_woff)
        assert font.flavor == "woff2" and woff.flavor == "woff"
        assert font.getBestCmap() == woff.getBestCmap(), served.name  # cut (or kept whole) the same way
        assert served.stat().st_size < as_woff.stat().st_size
        for glyph in font.getGlyphOrder():
            assert font["hmtx"][glyph] == woff["hmtx"][glyph], (served.name, glyph)
