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
from tests.support.paths import expected_gradient, expected_path, list_problems, num, shown, svg_problems
from tests.support.snippets import DOCS, collect, pages_with, prose_with, render_block

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
    assert lines[end + 1:end + 6] == ['--8<-- "snippets/rules-example.md"', "", '--8<-- "snippets/rounding.md"', "",
                                      "## The path, drawn"], (
        f"{page}: the worked example and how its numbers are rounded, then the figure's section, must follow the "
        "first paragraph")
    block = figure_block(page)
    prose = [ln for ln in lines[end + 6:block.line - 1] if ln.strip()]
    assert 1 <= len(prose) <= 4, f"{page}: {len(prose)} lines of prose before the figure, expected 2-4"
    first_display = next(n for n, ln in enumerate(lines, start=1) if ln.strip().startswith("$$"))
    assert block.line < first_display, f"{page}: the figure must come before the first display equation"


@pytest.mark.parametrize("page", PAGES)
def test_the_figure_draws_the_rules_path_with_the_oracles_values(page):
    parameter, i, k, rule, name = PAGES[page]
    out = render_block(figure_block(page))
    ex = oracle.load_example()
    i, k, _ = expected_choice(ex, parameter, i, k)  # the usual parameter, unless its chain has a 0 as printed
    name = tex_name(parameter, i, k)
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
    # the caption, named with its formulas in words (hooks/math_names.py), which the figure's name is read from
    assert f"(rule {rule})" in figure and re.search(rf'<figcaption aria-label="[^"]*\(rule {rule}\)', figure)
    ex = oracle.load_example()
    expected = expected_path(ex, parameter, *expected_choice(ex, parameter, i, k)[:2])
    assert len(items) == len(expected) + 1
    for edge in expected:
        if edge.tail != "y" and not edge.tail.startswith("bias"):  # not the constants -1 and 1
            assert shown(edge).replace("-", "−") in figure


# --- which parameter: the usual one, unless its chain has a 0 as printed, or a factor printed with one digit ---------

def prints_as_0(edge) -> bool:
    return float(shown(edge)) == 0


def does_not_show(edge) -> bool:
    """0, or printed far off (0.000001 for 5.0e-7): a product of the printed factors is then 0, or off as much."""
    return edge.value == 0 or (float(shown(edge)) != edge.value and oracle.printed_far_off(edge.value))


def product_shows(value: float) -> bool:
    return float(num(value)) != 0 and not oracle.printed_far_off(value)


def expected_choice(ex: dict, parameter: str, i: int, k: int) -> tuple[int, int, bool]:
    """(i, k) of the parameter the figure should draw, and whether it is the usual one: the usual one unless a factor
    of its chain or their product prints as 0; else, of the rule's parameters whose chain shows, the one with the
    largest gradient in size (the first of a tie); else the usual one. From the oracle's paths."""
    def shows(n: int, m: int) -> bool:
        return not any(does_not_show(e) for e in expected_path(ex, parameter, n, m)) and \
            product_shows(expected_gradient(ex, parameter, n, m))

    if shows(i, k):
        return i, k, True
    pairs = {"w_output": [(n, 1) for n in (1, 2, 3)], "w_hidden": [(n, m) for n in (1, 2, 3) for m in (1, 2)],
             "b_hidden": [(n, 1) for n in (1, 2, 3)], "b_output": [(1, 1)]}[parameter]
    showing = [p for p in pairs if shows(*p)]
    if not showing:
        return i, k, True
    best = max(showing, key=lambda p: abs(expected_gradient(ex, parameter, *p)))
    return best[0], best[1], False


def sci(value: float) -> str:
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def tex_name(parameter: str, i: int, k: int) -> str:
    return {"w_output": f"w_{{4{i}}}", "b_output": "b_4", "w_hidden": f"w_{{{i}{k}}}", "b_hidden": f"b_{i}"}[parameter]


# A teaching assistant's three examples: x_2 = 0 (t1: rule 3's w_22 has the factor x_2 = 0), an output weight whose
# product prints as 0 (t3b: y_h2 = -0.000001, dE/dw_42 = -4.8e-7) and x = (0, 0) (z4: every hidden weight's path has
# an input 0, so rule 3 keeps w_22 and says so).
TA_EXAMPLES = {
    "t1": {"w_hidden": [[-0.8, 0.4], [0.6, -0.9], [0.05, 0.3]], "b_hidden": [0.2, -0.1, -0.15],
           "w_output": [[-1.2, 0.7, 0.4]], "b_output": [-0.3], "hidden": "tansig", "output": "purelin",
           "x": [-1.5, 0.0], "d": -2.0, "eta": 0.05},
    "t3b": {"w_hidden": [[0.5, 0.5], [0.2, 0.6], [1.0, 0.3]], "b_hidden": [0.1, -0.000001, -0.2],
            "w_output": [[0.9, -0.6, 0.5]], "b_output": [0.05], "hidden": "tansig", "output": "purelin",
            "x": [0.6, -0.2], "d": 0.0, "eta": 0.0001},
    "z4": {"w_hidden": [[0.3, -0.7], [-0.5, 0.2], [0.9, 0.4]], "b_hidden": [0.0, 1.2, -1.5],
           "w_output": [[0.7, -0.4, 0.6]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
           "x": [0.0, 0.0], "d": 1.5, "eta": 1.5},
}
# What each should draw where it differs from the usual, by hand from the premises the test checks.
SWITCHED = {("t1", "rule-hidden-weights"): (3, 1), ("t3b", "rule-output-weights"): (3, 1)}
KEPT_WITH_A_ZERO = {("z4", "rule-hidden-weights")}


def test_expected_choice_by_hand():
    """The premises of the examples: t1's x_2 = 0 and t3b's dE/dw_42 of 4.8e-7 (a product printed as 0), z4's x = 0."""
    t1, t3b, z4 = TA_EXAMPLES["t1"], TA_EXAMPLES["t3b"], TA_EXAMPLES["z4"]
    assert t1["x"][1] == 0 and expected_choice(t1, "w_hidden", 2, 2) == (3, 1, False)
    assert num(expected_gradient(t3b, "w_output", 2, 1)) == "0.000000" != num(oracle.iteration(t3b)["y_hidden"][1])
    assert expected_choice(t3b, "w_output", 2, 1) == (3, 1, False)
    assert z4["x"] == [0.0, 0.0] and expected_choice(z4, "w_hidden", 2, 2) == (2, 2, True)


@pytest.mark.parametrize("name", TA_EXAMPLES)
def test_the_figure_draws_a_parameter_whose_chain_shows(tmp_path, name):
    """The figures always drew w_42, w_22 and b_2: with x_2 = 0 rule 3's taught the chain through 'x_2 = 0' to
    'dE/dw_22 = 0.000000', and with t3b rule 1's ended in 'dE/dw_42 = 0.000000'. Each keeps its parameter unless a
    factor of its chain or their product prints as 0, else draws the rule's parameter with the largest gradient whose
    chain shows, and its caption says why; where none shows (z4's rule 3) it says so. Against the oracle's paths."""
    ex = TA_EXAMPLES[name]
    pages = [page for page in PAGES if page != "rule-output-bias"]
    rendered = pages_with(tmp_path, ex, pages)
    for page in pages:
        parameter, i, k, rule, usual_name = PAGES[page]
        n, m, usual = expected_choice(ex, parameter, i, k)
        assert ((n, m) if not usual else None) == SWITCHED.get((name, page)), (name, page)
        out = rendered[page]
        figure = out[out.index('<figure class="bp-path-figure"'):out.index("</figure>")]
        expected = expected_path(ex, parameter, n, m)
        svg = re.search(r"<svg.*?</svg>", figure, re.S)[0]
        assert svg_problems(svg, expected) == [], (name, page)
        drawn = tex_name(parameter, n, m)
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S)[1]
        assert caption.startswith(f"The path of ${drawn}$ (rule {rule})"), caption
        gradient = expected_gradient(ex, parameter, i, k)
        zeros = [e for e in expected_path(ex, parameter, i, k) if prints_as_0(e)]
        if (name, page) in SWITCHED:
            kind = {"w_output": "output weight", "w_hidden": "hidden weight"}[parameter]
            why = (f"The figure draws ${drawn}$ here, the {kind} with the largest gradient in size, rather than the "
                   f"usual ${usual_name}$, whose path has ")
            # a factor 0 makes the product 0, not a rounding (a reviewer)
            why += (("the factor $x_2 = 0$, so its product is 0." if gradient == 0 else
                     "the factor $x_2 = 0$, so its product is $0.000000$ at the figure's 6 decimals.") if zeros else
                    f"the product $\\partial E / \\partial {usual_name} = {sci(gradient)}$ ($0.000000$ at the "
                    "figure's 6 decimals).")
            assert caption.endswith(why), caption
        elif (name, page) in KEPT_WITH_A_ZERO:
            assert [e.tail for e in zeros] == ["x2"] and gradient == 0
            # x = (0, 0): a factor exactly 0 on every path, named, not read as the figure's rounding (a reviewer)
            assert caption.endswith("In this example the path of every hidden weight has a factor that is exactly 0 "
                                    "(here $x_1 = 0$ and $x_2 = 0$); this one has the factor $x_2 = 0$, so its product "
                                    "is 0."), caption
        else:
            assert caption.endswith(f"their product is $\\partial E / \\partial {drawn}$."), caption
        items = out[out.index("</figure>"):].split("\n\n")[1]
        assert list_problems(items, expected, drawn, expected_gradient(ex, parameter, n, m)) == [], (name, page)


# A reviewer's example: tansig, v_2 = 7.947, so f'(v_2) = 5.0e-7, which six decimals write 0.000001, twice its size:
# rule 4's figure drew b_2, whose printed factors multiply to twice the dE/db_2 it printed.
FAR_OFF = {"w_hidden": [[5.7, 0.55], [-1.1, -5.72], [6.1, 5.343]], "b_hidden": [2.3, 7.947, 3.11],
           "w_output": [[-0.359, -2.1, -7.77]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
           "x": [0.0, 0.0], "d": -2.6, "eta": 2.0}


def test_the_figure_draws_no_path_with_a_factor_printed_far_off(tmp_path):
    """FAR_OFF's rule 4 draws the hidden bias with the largest gradient whose chain shows, not b_2, and says why:
    f'(v_2) (the oracle's) prints as 0.000001; and the rule 3 page names that slope in scientific notation where it
    says how far the slopes range."""
    f_prime = oracle.iteration(FAR_OFF)["fp_hidden"]
    assert num(f_prime[1]) == "0.000001" and f_prime[1] < 0.55e-6  # the premise: printed twice its size
    n, _, usual = expected_choice(FAR_OFF, "b_hidden", 2, 1)
    assert not usual and n != 2
    rendered = pages_with(tmp_path, FAR_OFF, ["rule-hidden-biases", "rule-hidden-weights"])
    figure = rendered["rule-hidden-biases"]
    caption = re.sub(r"\s+", " ", re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S)[1])
    assert caption.startswith(f"The path of $b_{n}$ (rule 4)"), caption
    assert (f"rather than the usual $b_2$, whose path has the factor $f'(v_2) = {sci(f_prime[1])}$ ($0.000001$ at "
            "the figure's 6 decimals, more than 5 % off)") in caption, caption
    lowest = min(range(3), key=lambda i: f_prime[i])
    said = re.sub(r"\s+", " ", rendered["rule-hidden-weights"])
    assert f"Here $f'(v_i)$ lies between ${sci(f_prime[lowest])}$ (neuron {lowest + 1}) and " in said


def test_the_slopes_range_writes_its_top_in_scientific_notation_where_it_prints_far_off(tmp_path):
    """A reviewer's example (tansig, every v_i above 7): the largest slope, f'(v_1) = 2.6e-6 (the oracle's), printed
    as 0.000003, 17 % off. Both ends of the range are now written in scientific notation where they print far off."""
    ex = {**FAR_OFF, "b_hidden": [7.13, 7.947, 9.0]}
    f_prime = oracle.iteration(ex)["fp_hidden"]
    top = max(f_prime)
    assert abs(float(num(top)) - top) > 0.05 * top  # the premise: far off
    said = prose_with(tmp_path, ex, "rule-hidden-weights")
    top_neuron = f_prime.index(top) + 1
    assert f"and ${sci(top)}$ (neuron {top_neuron})." in said and f"and ${num(top)}$" not in said


def test_a_caption_names_a_tie_and_a_product_that_is_0(tmp_path):
    """A reviewer's example: x_1 = x_2 gives w_11 and w_12 the same gradient, the largest, and w_42 = 0 makes w_22's
    exactly 0. The caption called w_11 "the hidden weight with the largest gradient" and w_22's product "0.000000 at
    the figure's 6 decimals", as if it were a rounding. From the oracle."""
    ex = {"w_hidden": [[0.3, -0.2], [0.5, 0.1], [-0.4, 0.6]], "b_hidden": [0.0, 0.1, -0.2],
          "w_output": [[0.6, 0.0, -0.5]], "b_output": [0.3], "hidden": "logsig", "output": "purelin",
          "x": [0.7, 0.7], "d": 1.2, "eta": 0.0001}
    it = oracle.iteration(ex)
    dw = [abs(v) for row in it["dw_hidden"] for v in row]
    assert dw[0] == dw[1] == max(dw) and it["dw_hidden"][1][1] == 0  # the premise
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    assert ("The figure draws $w_{11}$ here, the first of $w_{11}$ and $w_{12}$, the hidden weights with the largest "
            "gradient in size, alike, rather than the usual $w_{22}$, whose path has the factor $w_{42} = 0$, so its "
            "product is 0.") in text
