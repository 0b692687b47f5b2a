"""hooks/math_names.py: headings, table headers, box titles and links that hold a formula are named with it.

Chromium leaves MathML out of a name computed from content (a reviewer's "2. Dropping" for "2. Dropping f′(v)"): the
hook gives such elements an aria-label. Checked on MathML written by hand here, against the labels the pages' authors
wrote for the table of contents (the built site), and in Chromium (tests/browser/test_interactions.py)."""

from __future__ import annotations

import html
import re

import pytest

from tests.support.hooks import load_hook
from tests.support.page_list import nav_pages


@pytest.fixture(scope="module")
def hook():
    return load_hook("math_names")


def formula(mathml: str) -> str:
    """A pre-rendered formula as hooks/mathjax_prerender.py writes one: the drawing, then the assistive MathML."""
    return (f'<span class="arithmatex"><mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true">'
            f'<mjx-mi>drawn</mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math>{mathml}</math>'
            "</mjx-assistive-mml></mjx-container></span>")


F_PRIME_OF_V = "<msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>v</mi><mo>)</mo>"
HALF_E_SQUARED = ("<mi>E</mi><mo>=</mo><mstyle><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"
                  "<msup><mi>e</mi><mn>2</mn></msup>")
UPDATE = ("<mi>Δ</mi><msub><mi>w</mi><mrow><mi>i</mi><mi>k</mi></mrow></msub><mo>(</mo><mn>0</mn><mo>)</mo><mo>=</mo>"
          "<mi>η</mi><mspace width=\"0.167em\"></mspace><msub><mi>δ</mi><mi>i</mi></msub>")


@pytest.mark.parametrize(("element", "label"), [
    (f'<h2 id="x">2. Dropping {formula(F_PRIME_OF_V)}<a class="headerlink" href="#x">&para;</a></h2>',
     "2. Dropping f′(v)"),
    (f"<th>{formula(HALF_E_SQUARED)}</th>", "E = ½e²"),
    (f'<th style="text-align: right;">{formula(UPDATE)}</th>', "Δwik(0) = η δi"),
    (f"<summary>Use {formula('<msub><mi>w</mi><mrow><mi>j</mi><mi>i</mi></mrow></msub>')} &amp; more</summary>",
     "Use wji & more"),
    (f'<a href="#n">at time {formula("<mi>n</mi><mo>+</mo><mn>1</mn>")}</a>', "at time n + 1"),
    (f"<th>{formula('<mfrac><mi>d</mi><mrow><mi>d</mi><mi>x</mi></mrow></mfrac>')} of</th>", "d/dx of"),
    (f"<th>{formula('<msup><mi>e</mi><mrow><mo>−</mo><msub><mi>v</mi><mi>i</mi></msub></mrow></msup>')}</th>",
     "e^(−vi)"),
])
def test_an_element_holding_a_formula_is_named_with_it(hook, element, label):
    opening = element.index(">")  # the label goes at the end of the element's opening tag, and nothing else changes
    named = f'{element[:opening]} aria-label="{html.escape(label)}"{element[opening:]}'
    assert hook.name(f"<p>before</p>{element}<p>after</p>") == f"<p>before</p>{named}<p>after</p>"


# A reviewer's MathML, and the site's own forms: sums, functions, relations, tables, nested fractions, roots, accents
SUM = ("<msub><mi>v</mi><mi>i</mi></msub><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mrow>"
       "<mi>i</mi><mi>k</mi></mrow></msub><msub><mi>x</mi><mi>k</mi></msub><mo>+</mo><msub><mi>b</mi><mi>i</mi></msub>")
COTH = ("<mfrac><mi>d</mi><mrow><mi>d</mi><mi>x</mi></mrow></mfrac><mo>(</mo><mi>coth</mi><mo>&#x2061;</mo><mi>x</mi>"
        "<mo>)</mo><mo>=</mo><mo>−</mo><mi>cosh</mi><mo>&#x2061;</mo><mi>x</mi><mi>coth</mi><mo>&#x2061;</mo><mi>x</mi>")


@pytest.mark.parametrize(("mathml", "text"), [
    (SUM, "vi = ∑i wik xk + bi"),
    (COTH, "d/dx(coth x) = −cosh x coth x"),
    ("<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi>"
     "<mi>i</mi></msub>", "∑(i = 1 to n) xi"),
    ("<mtable><mtr><mtd><mi>a</mi><mo>=</mo><mn>1</mn></mtd></mtr><mtr><mtd><mi>b</mi><mo>=</mo><mn>2</mn></mtd>"
     "</mtr></mtable>", "a = 1; b = 2"),
    ("<mfrac><mfrac><mi>a</mi><mi>b</mi></mfrac><mi>c</mi></mfrac><mo>,</mo><mfrac><mi>a</mi><mfrac><mi>b</mi>"
     "<mi>c</mi></mfrac></mfrac>", "(a/b)/c, a/(b/c)"),
    ("<mi>x</mi><mtext> for all </mtext><mi>i</mi>", "x for all i"),
    ("<mroot><mi>x</mi><mn>3</mn></mroot>", "3√(x)"),
    ("<mover><mi>y</mi><mo>^</mo></mover>", "y\u0302"),
    ("<msup><mi>e</mi><mrow><mo>−</mo><msub><mi>v</mi><mi>i</mi></msub></mrow></msup>", "e^(−vi)"),
    ("<mi>e</mi><mo>=</mo><mi>d</mi><mo>−</mo><mi>y</mi><mphantom><mi>z</mi></mphantom>", "e = d − y"),
    ("<mi>r</mi><mo>&lt;</mo><mn>1</mn>", "r < 1"),
])
def test_a_formula_is_written_as_plain_text(hook, mathml, text):
    assert hook.formula_text(formula(mathml)) == text


def test_a_relation_in_a_formula_keeps_the_words_after_it(hook):
    """A reviewer: the formula's "<" went back into the HTML and took the words up to the next ">" with it."""
    element = f"<summary>If {formula('<mi>r</mi><mo>&lt;</mo><mn>1</mn>')} and <em>s</em> is 2</summary>"
    assert 'aria-label="If r &lt; 1 and s is 2"' in hook.name(element)


@pytest.mark.parametrize("element", [
    "<h2>No formula here</h2>", f'<th aria-label="given">{formula(HALF_E_SQUARED)}</th>',
    f"<p>A paragraph: {formula(HALF_E_SQUARED)}</p>", f"<td>{formula(HALF_E_SQUARED)}</td>",
])
def test_other_elements_are_left_as_they_are(hook, element):
    """No formula, a name of its own, or an element whose name does not come from its content."""
    assert hook.name(element) == element


@pytest.mark.slow
def test_every_heading_with_a_formula_is_named_as_its_authors_table_of_contents_label(site_build):
    """The authors write each heading with math a plain label for the table of contents (data-toc-label); the name the
    hook gives the heading from its MathML is that label. Every table header, box title and link with a formula is
    named, without TeX."""
    checked = 0
    for path in nav_pages():
        page = (site_build.dir / path / "index.html").read_text(encoding="utf-8")
        toc = {m[1]: " ".join(html.unescape(re.sub(r"<[^>]+>", "", m[2])).split())
               for m in re.finditer(r'<a href="#([^"]+)" class="md-nav__link">(.*?)</a>', page, re.S)}
        body = page[page.index("<article"):page.index("</article>")]
        for m in re.finditer(r"<(h[1-6]|th|summary|a)\b([^>]*)>(.*?)</\1>", body, re.S):
            tag, attrs, inner = m.groups()
            if "<mjx-container" not in inner:
                continue
            label = re.search(r'aria-label="([^"]*)"', attrs)
            assert label and label[1].strip(), f"{path}: <{tag}> holds a formula and has no name"
            assert not re.search(r"[\\{}$]", label[1]), f"{path}: {label[1]!r}"
            heading = re.search(r'id="([^"]+)"', attrs)
            if tag.startswith("h") and heading and heading[1] in toc:
                assert html.unescape(label[1]) == toc[heading[1]], path
                checked += 1
    assert checked >= 10, "the check compared fewer headings with math than the site has"
