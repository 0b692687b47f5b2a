"""``backprop.figures``: each rule's backward path, its labels' values, its highlighted edges and its text alternative.

Expected values come from ``tests/support/oracle.py`` (plain ``math``, reading the example files with ``json``) for
the default example and the three of ``tests/examples/``; the expected paths are written out here from the slides'
chains, not taken from the module. The checkers return a list of problems, and ``test_the_checkers_fire`` proves
that each one reports a wrong value, a wrong edge and a wrong list item.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import NamedTuple

import numpy as np
import pytest

from backprop import Network, figures, forward
from tests.support import oracle

FILES = oracle.all_example_files()
IDS = [f.stem for f in FILES]
SVG = "{http://www.w3.org/2000/svg}"
NETWORK_KEYS = ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")
# Every parameter of each rule, as (parameter, i, k): all 13 of the 2-3-1 network.
ALL = ([("w_output", i, 1) for i in (1, 2, 3)] + [("b_output", 1, 1)]
       + [("w_hidden", i, k) for i in (1, 2, 3) for k in (1, 2)] + [("b_hidden", i, 1) for i in (1, 2, 3)])


def num(value: float) -> str:
    (text,) = oracle.number_strings([value])
    return text


class Expected(NamedTuple):
    tail: str
    head: str
    value: float  # the local derivative's value
    exact: bool = False  # written as it is (0.5, not 0.500000): a number of the example file (x_k, w_4i), or the
    # linear output's f'(v_4) = 1


def expected_path(ex: dict, parameter: str, i: int, k: int) -> list[Expected]:
    """The edges from E back to the parameter, by the slides' chains and the oracle."""
    it = oracle.iteration(ex)
    path = [Expected("e", "E", it["e"]), Expected("y", "e", -1.0),
            Expected("v4", "y", it["fp_output"][0], exact=ex["output"] == "purelin")]
    if parameter == "w_output":  # rule 1: dv4/dw4i = y_hi
        return [*path, Expected(f"y_h{i}", "v4", it["y_hidden"][i - 1])]
    if parameter == "b_output":  # rule 2: dv4/db4 = 1
        return [*path, Expected("bias_output", "v4", 1.0)]
    path += [Expected(f"y_h{i}", "v4", ex["w_output"][0][i - 1], exact=True),
             Expected(f"v{i}", f"y_h{i}", it["fp_hidden"][i - 1])]
    if parameter == "w_hidden":  # rule 3: dvi/dwik = x_k
        return [*path, Expected(f"x{k}", f"v{i}", ex["x"][k - 1], exact=True)]
    return [*path, Expected("bias_hidden", f"v{i}", 1.0)]  # rule 4: dvi/dbi = 1


def expected_gradient(ex: dict, parameter: str, i: int, k: int) -> float:
    """dE/d(parameter) = -Δ/η from the oracle's update rules."""
    it = oracle.iteration(ex)
    delta = {"w_output": lambda: it["dw_output"][0][i - 1], "b_output": lambda: it["db_output"][0],
             "w_hidden": lambda: it["dw_hidden"][i - 1][k - 1], "b_hidden": lambda: it["db_hidden"][i - 1]}[parameter]()
    return -delta / it["eta"]


def package_path(ex: dict, parameter: str, i: int, k: int) -> figures.Path:
    net = Network(**{key: ex[key] for key in NETWORK_KEYS if key in ex})
    return figures.backward_path(forward(net, ex["x"]), ex["d"], parameter, i=i, k=k)


def shown(edge: Expected) -> str:
    """How the figure writes an edge's value: 6 decimals, but the constants de/dy = -1 and dv/db = 1 as they are,
    and a value of the example file as the file gives it (0.5, -0.25)."""
    if edge.tail == "y" or edge.tail.startswith("bias"):
        return str(int(edge.value))
    if edge.exact:
        return repr(float(edge.value)).removesuffix(".0")
    return num(edge.value)


# --- checkers: a list of problems, empty when the figure is right ----------------------------------------------


def svg_problems(svg: str, expected: list[tuple[str, str, float]]) -> list[str]:
    """The highlighted edges are exactly the expected path; each carries a label with the expected value; the other
    edges of the network are drawn and not highlighted; the SVG is an image with a name."""
    root = ET.fromstring(svg)
    problems = []
    if root.get("role") != "img" or not root.get("aria-label") or root.find(f"{SVG}title") is None:
        problems.append("the SVG needs role=img, an aria-label and a <title>")
    lines = root.findall(f"{SVG}line")
    on = [ln.get("data-edge") for ln in lines if "bp-on-path" in ln.get("class", "").split()]
    want = [f"{edge.tail}-{edge.head}" for edge in expected]
    if sorted(on) != sorted(want):
        problems.append(f"highlighted edges {sorted(on)}, the rule's path is {sorted(want)}")
    drawn = [ln.get("data-edge") for ln in lines]
    if len(drawn) != 19 or len(set(drawn)) != 19:  # 9 into the hidden fields, 3 + 3 hidden, 4 from the output on
        problems.append(f"the network has 19 edges, each drawn once; drawn: {drawn}")
    labels = {t.get("data-edge"): [s.text.replace("−", "-") for s in t.findall(f"{SVG}tspan")]
              for t in root.iter(f"{SVG}text") if "bp-label" in t.get("class", "")}
    if sorted(labels) != sorted(want):
        problems.append(f"labelled edges {sorted(labels)}, the rule's path is {sorted(want)}")
    for edge in expected:
        label = labels.get(f"{edge.tail}-{edge.head}", [])
        if not label or label[-1] != shown(edge):
            problems.append(f"the label of {edge.tail}-{edge.head} is {label}, its value is {shown(edge)}")
    return problems


ITEM = re.compile(r"^- \$(?P<tail>[^$]+) \\to (?P<head>[^$]+)\$: \$(?P<eq>[^$]+)\$$")


def tex_node(name: str) -> str:
    return {"bias_hidden": "1", "bias_output": "1", "y_h1": "y_{h1}", "y_h2": "y_{h2}", "y_h3": "y_{h3}"}.get(
        name, f"{name[0]}_{name[1:]}" if len(name) > 1 else name)


def list_problems(text: str, expected: list[Expected], name: str, gradient: float) -> list[str]:
    """The text alternative lists the same edges in the same order (from E back), each ending with its value, then the
    product."""
    items = [line for line in text.splitlines() if line.startswith("- ")]
    problems = []
    if len(items) != len(expected) + 1:
        return [f"{len(items)} list items for a path of {len(expected)} edges and its product"]
    for item, edge in zip(items, expected, strict=False):
        m = ITEM.match(item)
        if not m or (m["tail"], m["head"]) != (tex_node(edge.tail), tex_node(edge.head)):
            problems.append(f"{item!r} is not the edge {edge.tail} -> {edge.head}")
            continue
        if m["eq"].rsplit("=", 1)[1].strip() != shown(edge):
            problems.append(f"{item!r}: the value of {edge.tail} -> {edge.head} is {shown(edge)}")
    # "=" where the listed values multiply to the shown derivative once rounded, "\approx" where they do not.
    product = math.prod(float(shown(edge)) for edge in expected)
    relation = "=" if float(f"{product:.6f}") == float(num(gradient)) else "\\approx"  # -0.000000 is 0
    if not items[-1].endswith(f"\\partial E / \\partial {name} {relation} {num(gradient)}$"):
        problems.append(f"{items[-1]!r}: the product is dE/d{name} {relation} {num(gradient)}")
    return problems


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


def test_the_checkers_fire():
    """Each checker reports a wrong value, a wrong highlighted edge and a wrong list item."""
    ex = oracle.load_example()
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
