"""benchmarks/reading_time.py: the reading measure counts a tiny hand-made page as a reader sees it.

The expected counts are worked out by hand from the page below, not taken from the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import reading_time

# A page shaped like mkdocs-material's output: header and nav outside the article; inside it a heading with its
# permalink, prose with two inline formulas, a display formula, a collapsed box, an open box, a tab set that opens on
# its second tab (the result, as markdown-exec's source="tabbed-right" writes it), code, a figure and a script.
PAGE = """<html><head><title>Not counted either</title></head><body>
<header>Site name and search: four words</header>
<nav><a href="#">Home</a> <a href="#">Rule 1</a></nav>
<article class="md-content__inner md-typeset">
<h1 id="t">Rule one<a class="headerlink" href="#t">¶</a></h1>
<p>The error <span class="arithmatex"><mjx-container><mjx-c>e</mjx-c></mjx-container></span> is
<span class="arithmatex">\\(d - y\\)</span> here.</p>
<div class="arithmatex"><mjx-container display="true"><mjx-c>many glyphs</mjx-c></mjx-container></div>
<details class="warning"><summary>If your slides say</summary>
<p>ten words that a reader only sees after one click here</p>
<div class="arithmatex">\\[ x \\]</div>
</details>
<details class="note" open="open"><summary>Open box</summary><p>three more words</p></details>
<div class="tabbed-set tabbed-alternate" data-tabs="1:2">
<input checked="checked" id="a1" name="a" type="radio"><input id="a2" name="a" type="radio">
<div class="tabbed-labels"><label for="a1">Result</label><label for="a2">Source</label></div>
<div class="tabbed-content">
<div class="tabbed-block"><p>Shown result words <span class="arithmatex">\\(E\\)</span></p></div>
<div class="tabbed-block"><pre><code>hidden = source(code, words)</code></pre>
<div class="arithmatex">\\[ y \\]</div></div>
</div></div>
<pre><code>visible code line</code></pre>
<figure><svg><text>tick 0.5</text></svg><figcaption>Figure 1. A caption.</figcaption></figure>
<script>var notCounted = 1;</script>
<br><img src="x.png" alt="an image">
</article>
<footer>Footer words not counted</footer>
</body></html>"""


def test_counts_what_a_reader_sees_without_a_click():
    reading = reading_time.read_html(PAGE)
    # "Rule one" 2; "The error [e] is [d - y] here." 4 words + 2 formulas = 6; "If your slides say" 4;
    # "Open box" 2 + "three more words" 3; "Shown result words [E]" 3 + 1; "visible code line" 3;
    # "Figure 1. A caption." 4.
    assert reading.words == 2 + 6 + 4 + 5 + 4 + 3 + 4
    assert reading.displays == 1  # the collapsed box's and the hidden tab's displays are not counted
    assert reading.seconds == pytest.approx(60 * 28 / 200 + 15)
    # of those: code "visible code line" 3; the inline formulas e, d - y and E: 3; no table
    assert (reading.code, reading.table, reading.inline) == (3, 0, 3)
    assert reading.prose_seconds == pytest.approx(60 * 22 / 200 + 15)


def test_prose_only_leaves_out_tables_too():
    page = """<article><p>four words of prose</p><table><tr><th>step</th><th>value</th></tr>
    <tr><td>v1</td><td>0.5</td></tr></table></article>"""
    reading = reading_time.read_html(page)
    assert (reading.words, reading.table) == (8, 4)
    assert reading.prose_seconds == pytest.approx(60 * 4 / 200)


def test_a_tab_set_without_a_checked_input_opens_on_its_first_tab():
    page = """<article><div class="tabbed-set"><input id="a"><input id="b">
    <div class="tabbed-content"><div class="tabbed-block">one two</div><div class="tabbed-block">three</div></div>
    </div></article>"""
    assert reading_time.read_html(page) == reading_time.Reading(2, 0)


def test_nested_tab_sets_and_boxes():
    page = """<article><div class="tabbed-set"><input><input checked>
    <div class="tabbed-content"><div class="tabbed-block">hidden</div><div class="tabbed-block">shown
      <div class="tabbed-set"><input checked><input>
      <div class="tabbed-content"><div class="tabbed-block">inner shown</div><div class="tabbed-block">no</div></div>
      </div>
      <details><summary>title</summary><details open><summary>inner</summary>not seen</details></details>
    </div></div></div></article>"""
    assert reading_time.read_html(page).words == len("shown inner shown title".split())


def test_the_path_is_the_derivation_section_without_the_live_example(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("""site_url: !ENV [SITE_URL, "x"]
nav:
  - Home: index.md
  - The derivation:
      - A: a.md
      - "Reference: useful derivatives": useful.md
      - B: b.md
      - Live worked example: live-example.md
  - Errata: errata.md
""", encoding="utf-8")
    assert reading_time.derivation_pages(config) == ["a.md", "b.md"]
    assert reading_time.built_file(tmp_path, "a.md") == tmp_path / "a" / "index.html"
