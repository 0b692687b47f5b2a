"""``backprop.figures``: each rule's backward path, its labels' values, its highlighted edges and its text alternative.

Expected values come from ``tests/support/oracle.py`` (plain ``math``, reading the example files with ``json``) for
the default example and those of ``tests/examples/``; the expected paths are written out in ``tests/support/paths.py``
from the slides' chains, not taken from the module. The checkers there return a list of problems, and
``test_the_checkers_fire`` proves that each one reports a wrong value, a wrong edge and a wrong list item.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from backprop import Network, figures, forward
from tests.support import oracle
from tests.support.paths import (
    SVG,
    expected_gradient,
    expected_path,
    list_problems,
    shown,
    svg_problems,
)

FILES = oracle.all_example_files()
IDS = [f.stem for f in FILES]
NETWORK_KEYS = ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")
# Every parameter of each rule, as (parameter, i, k): all 13 of the 2-3-1 network.
ALL = ([("w_output", i, 1) for i in (1, 2, 3)] + [("b_output", 1, 1)]
       + [("w_hidden", i, k) for i in (1, 2, 3) for k in (1, 2)] + [("b_hidden", i, 1) for i in (1, 2, 3)])


def package_path(ex: dict, parameter: str, i: int, k: int) -> figures.Path:
    net = Network(**{key: ex[key] for key in NETWORK_KEYS if key in ex})
    return figures.backward_path(forward(net, ex["x"]), ex["d"], parameter, i=i, k=k)


# --- the values -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", FILES, ids=IDS)
@pytest.mark.parametrize(("parameter", "i", "k"), ALL)
def test_each_edge_has_the_oracles_value(file, parameter, i, k):
    ex = oracle.load_example(file)
    path = package_path(ex, parameter, i, k)
    expected = expected_path(ex, parameter, i, k)
    assert [(e.tail, e.head) for e in path.edges] == [(e.tail, e.head) for e in expected]
    assert [e.value for e in path.edges] == pytest.approx([e.value for e in expected], rel=1e-12, abs=1e-15)
    assert [e.exact for e in path.edges] == [e.exact for e in expected]
    assert path.gradient == pytest.approx(expected_gradient(ex, parameter, i, k), rel=1e-10, abs=1e-15)


@pytest.mark.parametrize("file", FILES, ids=IDS)
@pytest.mark.parametrize(("parameter", "i", "k"), ALL)
def test_the_drawing_highlights_and_labels_the_rules_path(file, parameter, i, k):
    ex = oracle.load_example(file)
    path = package_path(ex, parameter, i, k)
    assert svg_problems(figures.svg(path), expected_path(ex, parameter, i, k)) == []


@pytest.mark.parametrize("file", FILES, ids=IDS)
@pytest.mark.parametrize(("parameter", "i", "k"), ALL)
def test_the_text_alternative_lists_the_same_values(file, parameter, i, k):
    ex = oracle.load_example(file)
    path = package_path(ex, parameter, i, k)
    name = {"w_output": f"w_{{4{i}}}", "b_output": "b_4", "w_hidden": f"w_{{{i}{k}}}", "b_hidden": f"b_{i}"}[parameter]
    problems = list_problems(figures.text_alternative(path), expected_path(ex, parameter, i, k), name,
                             expected_gradient(ex, parameter, i, k))
    assert problems == []


def test_the_text_alternative_writes_a_small_factor_as_the_formulas_do():
    """A TA's example with a saturated tanh neuron: v_2 = 6.5, f'(v_2) = 1/cosh² 6.5 ≈ 9.0 × 10⁻⁶. The list under the
    figure wrote it 0.000009, as the figure's label does, so its factors multiplied to 1 % less than the product
    beside them; the pages' formulas write a value below 10⁻⁵ with two significant digits, and so does the list now."""
    ex = {"w_hidden": [[0.5, 0.5], [3.0, -1.0], [0.7, -0.3]], "b_hidden": [0.1, 0.5, -0.2],
          "w_output": [[-1.5, 2.0, 0.4]], "b_output": [0.3], "hidden": "tansig", "output": "purelin",
          "x": [1.5, -1.5], "d": -1.0, "eta": 0.8}
    f_prime = 1 / math.cosh(3.0 * 1.5 - 1.0 * -1.5 + 0.5) ** 2
    assert f"{f_prime:.1e}" == "9.0e-06", "the premise"
    expected = expected_path(ex, "w_hidden", 2, 2)
    text = figures.text_alternative(package_path(ex, "w_hidden", 2, 2))
    assert list_problems(text, expected, "w_{22}", expected_gradient(ex, "w_hidden", 2, 2)) == []
    assert r"f'(v_2) = 9.0 \times 10^{-6}$" in text and "0.000009" not in text
    assert f">{shown(expected[4])}<" in figures.svg(package_path(ex, "w_hidden", 2, 2))  # the label keeps 0.000009
    assert shown(expected[4]) == "0.000009"


def test_the_local_derivatives_and_formulas_are_the_slides():
    """The TeX of each edge of rule 3's path, as the rule page's chain writes its factors."""
    path = package_path(oracle.load_example(), "w_hidden", 2, 1)
    assert [(e.local, e.formula) for e in path.edges] == [
        (r"\partial E / \partial e", "e"),
        (r"\partial e / \partial y", "-1"),
        (r"\partial y / \partial v_4", "f'(v_4)"),
        (r"\partial v_4 / \partial y_{h2}", "w_{42}"),
        (r"\partial y_{h2} / \partial v_2", "f'(v_2)"),
        (r"\partial v_2 / \partial w_{21}", "x_1"),
    ]
    assert (path.rule, path.name) == (3, "w_{21}")


def test_the_figure_names_its_parameter_and_edge_in_the_caption():
    path = package_path(oracle.load_example(), "w_output", 2, 1)
    text = figures.figure(path)
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", text, re.S)[1]
    assert caption.startswith("The path of $w_{42}$ (rule 1)") and "the edge from $y_{h2}$ to $v_4$" in caption
    assert text.index("<svg") < text.index("<figcaption") < text.index("\n- $e \\to E$")
    assert "w42" in ET.fromstring(figures.svg(path)).get("aria-label")


# The paths the rule pages draw: through the middle row, where the path is level.
PAGE_PATHS = [("w_output", 2, 1), ("b_output", 1, 1), ("w_hidden", 2, 2), ("b_hidden", 2, 1)]


def test_the_drawing_fits_its_box():
    """Every label inside the viewBox (estimated at 0.6 em a character) and no two labels overlapping, on the default
    example and the three others, for every parameter; on the pages' paths no label covers a node either."""
    for file in FILES:
        ex = oracle.load_example(file)
        for parameter, i, k in ALL:
            root = ET.fromstring(figures.svg(package_path(ex, parameter, i, k)))
            left, top, width, height = (float(v) for v in root.get("viewBox").split())
            font = float(root.get("font-size"))
            boxes = []
            for label in root.iter(f"{SVG}text"):
                if "bp-label" not in label.get("class", ""):
                    continue
                spans = label.findall(f"{SVG}tspan")
                x = float(spans[0].get("x"))
                ys = [float(s.get("y")) + 0.35 * font for s in spans]
                half = max(len(s.text) for s in spans) * font * 0.3
                boxes.append((x - half, ys[0] - 0.75 * font, x + half, ys[-1] + 0.25 * font, label.get("data-edge")))
            where = f"{file.stem} {parameter} i={i} k={k}"
            for x0, y0, x1, y1, edge in boxes:
                assert left <= x0 and x1 <= left + width and top <= y0 and y1 <= top + height, \
                    f"{where}: the label of {edge} sticks out of the viewBox"
            nodes = [(float(c.get("cx")) - float(c.get("r")), float(c.get("cy")) - float(c.get("r")),
                      float(c.get("cx")) + float(c.get("r")), float(c.get("cy")) + float(c.get("r")),
                      "node " + c.get("data-node")) for c in root.iter(f"{SVG}circle")]
            others = boxes + (nodes if (parameter, i, k) in PAGE_PATHS else [])
            for a in boxes:
                for b in others:
                    if a is not b:
                        overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                        assert not overlap, f"{where}: the label of {a[4]} overlaps {b[4]}"


def test_labels_of_a_level_path_alternate_above_and_below():
    """Along the level middle row the labels alternate sides, so that two neighbours' numbers never meet: the edges
    out of v_i, v_4 and e are labelled above (a smaller SVG y than the row), those out of x_k, y_hi and y below, as
    LABEL_BELOW says. (A mutation audit swapped every side and no test failed.)"""
    ex = oracle.shipped()
    row = figures.NODES["v4"][1]
    for parameter, i, k in [("w_output", 2, 1), ("w_hidden", 2, 2)]:
        root = ET.fromstring(figures.svg(package_path(ex, parameter, i, k)))
        font = float(root.get("font-size"))
        sides = {}
        for label in root.iter(f"{SVG}text"):
            tail, _, head = (label.get("data-edge") or "").partition("-")
            if "bp-label" not in label.get("class", "") or not figures.NODES[tail][1] == figures.NODES[head][1] == row:
                continue
            spans = label.findall(f"{SVG}tspan")
            top, bottom = float(spans[0].get("y")) - 0.75 * font, float(spans[-1].get("y")) + 0.25 * font
            assert bottom < row or top > row, (tail, head, top, bottom)  # clear of the row's line
            sides[tail] = "below" if top > row else "above"
        want = {tail: "below" if tail.rstrip("0123456789") in ("x", "y_h", "y") else "above" for tail in sides}
        assert sides == want and {"y", "e", "v4"} <= set(sides), (parameter, sides)


def test_the_checkers_fire():
    """Each checker reports a wrong value, a wrong highlighted edge and a wrong list item."""
    ex = oracle.shipped()  # whose w_42 is on no other edge the replaced text could match
    path = package_path(ex, "w_hidden", 2, 2)
    expected = expected_path(ex, "w_hidden", 2, 2)
    svg = figures.svg(path)
    value = shown(expected[3])  # w_42's value on the edge y_h2 -> v4, as given
    assert svg_problems(svg.replace(f">{value}<", ">9.999999<"), expected)
    assert svg_problems(svg, expected_path(ex, "w_hidden", 1, 2))  # another neuron's path
    assert svg_problems(svg.replace('data-edge="v4-y"', 'data-edge="v4-x"'), expected)
    assert svg_problems(svg.replace('role="img" ', ""), expected)
    text = figures.text_alternative(path)
    assert list_problems(text.replace(f"= {value}$", "= 9.999999$"), expected, "w_{22}", path.gradient)
    assert list_problems(text, expected_path(ex, "w_output", 2, 1), "w_{22}", path.gradient)
    assert list_problems(text, expected, "w_{22}", path.gradient + 1)


# --- bad input ---------------------------------------------------------------------------------------------------


def test_bad_input_names_the_problem():
    ex = oracle.load_example()
    net = Network(**{key: ex[key] for key in NETWORK_KEYS if key in ex})
    fp = forward(net, ex["x"])
    with pytest.raises(ValueError, match="parameter must be one of w_output, b_output, w_hidden, b_hidden"):
        figures.backward_path(fp, ex["d"], "w_ik")
    with pytest.raises(ValueError, match="i must be from 1 to 3, got 4"):
        figures.backward_path(fp, ex["d"], "w_output", i=4)
    with pytest.raises(ValueError, match="k must be from 1 to 2, got 0"):
        figures.backward_path(fp, ex["d"], "w_hidden", i=1, k=0)
    with pytest.raises(TypeError, match="i must be an int"):
        figures.backward_path(fp, ex["d"], "w_output", i=1.0)
    two = Network.random(2, 3, 2, seed=0)
    with pytest.raises(ValueError, match="this network has 2 outputs"):
        figures.backward_path(forward(two, ex["x"]), [0.0, 1.0], "w_hidden")
    wide = Network.random(2, 4, 1, seed=0)
    path = figures.backward_path(forward(wide, ex["x"]), 1.0, "w_hidden", i=4, k=1)  # computed for any size ...
    with pytest.raises(ValueError, match=r"draws the slides' 2-3-1 network; this path has the nodes \['v5', 'y_h4'\]"):
        figures.svg(path)  # ... drawn for the slides' network only
    before = net.w_output.copy()
    figures.figure(figures.backward_path(fp, ex["d"], "w_output", i=1))
    assert np.array_equal(net.w_output, before) and math.isfinite(path.gradient)
