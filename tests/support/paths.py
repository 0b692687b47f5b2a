"""The backward path of each rule, written out from the slides' chains with the oracle's values, and the checks of a
drawn path: tests/package/test_figures.py checks ``backprop.figures`` with them, tests/pages/test_path_figures.py the
figures the rule pages show. Each checker returns a list of problems, empty when the figure is right."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import NamedTuple

from tests.support import oracle

SVG = "{http://www.w3.org/2000/svg}"


num = oracle.number_string  # a number as the site writes it


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


def shown(edge: Expected) -> str:
    """How the figure writes an edge's value: 6 decimals, but the constants de/dy = -1 and dv/db = 1 as they are,
    and a value of the example file as the file gives it (0.5, -0.25)."""
    if edge.tail == "y" or edge.tail.startswith("bias"):
        return str(int(edge.value))
    if edge.exact:
        return repr(float(edge.value)).removesuffix(".0")
    return num(edge.value)


def _as_given(edge: Expected) -> bool:
    """Whether the figure writes an edge's value as it is: a constant (-1, 1) or a number of the example file."""
    return edge.tail == "y" or edge.tail.startswith("bias") or edge.exact


def listed(edge: Expected) -> str:
    """How the figure's text alternative, a list of formulas, writes an edge's value: as `shown`, but a computed value
    as the formulas write it (`oracle.formula_string`: ``9.0 \\times 10^{-6}`` where the labels write 0.000009)."""
    return shown(edge) if _as_given(edge) else oracle.formula_string(edge.value)


def listed_value(edge: Expected) -> float:
    """The number a reader reads from `listed`."""
    return float(shown(edge)) if _as_given(edge) else oracle.formula_value(edge.value)


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
        if m["eq"].rsplit("=", 1)[1].strip() != listed(edge):
            problems.append(f"{item!r}: the value of {edge.tail} -> {edge.head} is {listed(edge)}")
    # "=" where the listed values multiply to the shown derivative once rounded, "\approx" where they do not.
    product = math.prod(listed_value(edge) for edge in expected)
    relation = oracle.formula_rel(product, gradient)
    if not items[-1].endswith(f"\\partial E / \\partial {name} {relation} {oracle.formula_string(gradient)}$"):
        problems.append(f"{items[-1]!r}: the product is dE/d{name} {relation} {oracle.formula_string(gradient)}")
    return problems
