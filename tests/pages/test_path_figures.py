"""The backward-flow figure of each rule page (``backprop.figures``): where the page puts it, which path it draws, and
that the strict build renders it with its caption and its text alternative.

The page's block is run here as the build runs it; the values are checked against ``tests/support/oracle.py`` for the
example in use (``BACKPROP_EXAMPLE=tests/examples/X.json`` runs the same checks on another one).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.support import oracle
from tests.support.paths import expected_gradient, expected_path, list_problems, shown, svg_problems
from tests.support.snippets import DOCS, collect, render_block

# page -> (parameter, i, k, rule, TeX name): the parameter each page's figure shows.
PAGES = {
    "rule-output-weights": ("w_output", 2, 1, 1, "w_{42}"),
    "rule-output-bias": ("b_output", 1, 1, 2, "b_4"),
    "rule-hidden-weights": ("w_hidden", 2, 2, 3, "w_{22}"),
    "rule-hidden-biases": ("b_hidden", 2, 1, 4, "b_2"),
}
CALL = "figures.figure("


def figure_block(page: str):
    blocks = [s for s in collect(DOCS / f"{page}.md") if CALL in s.code]
    assert len(blocks) == 1, f"{page}: {len(blocks)} blocks draw a path figure, expected one"
    return blocks[0]


@pytest.mark.parametrize("page", PAGES)
def test_the_figure_follows_the_first_paragraph(page):
    """Title, the first paragraph, the worked example's numbers (the figure's values come from them), then the short
    "The path, drawn" section with the block, before any display math."""
    lines = (DOCS / f"{page}.md").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and not lines[1].strip()
    end = lines.index("", 2)  # the blank line after the first paragraph
    assert lines[end + 1:end + 4] == ['--8<-- "snippets/rules-example.md"', "", "## The path, drawn"], (
        f"{page}: the worked example, then the figure's section, must follow the first paragraph")
    block = figure_block(page)
    prose = [ln for ln in lines[end + 4:block.line - 1] if ln.strip()]
    assert 1 <= len(prose) <= 4, f"{page}: {len(prose)} lines of prose before the figure, expected 2-4"
    first_display = next(n for n, ln in enumerate(lines, start=1) if ln.strip().startswith("$$"))
    assert block.line < first_display, f"{page}: the figure must come before the first display equation"


@pytest.mark.parametrize("page", PAGES)
def test_the_figure_draws_the_rules_path_with_the_oracles_values(page):
    parameter, i, k, rule, name = PAGES[page]
    out = render_block(figure_block(page))
    ex = oracle.load_example()
    expected = expected_path(ex, parameter, i, k)
    svg = re.search(r"<svg.*?</svg>", out, re.S)[0]
    assert ET.fromstring(svg).get("data-parameter") == parameter
    assert svg_problems(svg, expected) == []
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", out, re.S)[1]
    assert caption.startswith(f"The path of ${name}$ (rule {rule})"), caption
    after = out[out.index("</figure>"):]
    assert list_problems(after, expected, name, expected_gradient(ex, parameter, i, k)) == []


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_the_built_page_shows_the_figure(site_build, page):
    """In the strict build's HTML: the figure with its SVG image (named), its caption, then the list of the path."""
    parameter, i, k, rule, _ = PAGES[page]
    html = (site_build.dir / page / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<figure class="bp-path-figure">(.*?)</figure>\s*<ul>(.*?)</ul>', html, re.S)
    assert m, f"{page}: no path figure followed by its list"
    figure, items = m[1], re.findall(r"<li>", m[2])
    assert f'data-parameter="{parameter}"' in figure and 'role="img"' in figure and 'aria-label="The 2-3-1' in figure
    assert f"(rule {rule})" in figure and "<figcaption>" in figure
    expected = expected_path(oracle.load_example(), parameter, i, k)
    assert len(items) == len(expected) + 1
    for edge in expected:
        if edge.tail != "y" and not edge.tail.startswith("bias"):  # not the constants -1 and 1
            assert shown(edge).replace("-", "−") in figure
