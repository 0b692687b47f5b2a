r"""The backward flow, drawn: one parameter's path from the cost back to it, each edge with its value.

A rule's chain multiplies one local derivative per edge of a path from the cost $E$ back to the parameter
(`backprop._paths`, whose `backward_path`, `Path` and `Edge` are imported from here). `figure` draws such a path over
the slides' 2-3-1 network as inline SVG, with a caption and the same edges and values as a list that a screen reader
reads:

    >>> from backprop import examples, figures, forward
    >>> path = figures.backward_path(forward(examples.NET, examples.X), examples.D, "w_hidden", i=1, k=2)
    >>> [edge.formula for edge in path.edges]
    ['e', '-1', "f'(v_4)", 'w_{41}', "f'(v_1)", 'x_2']
    >>> html = figures.figure(path)

A page draws the path of one parameter of its rule; `chosen_path` keeps the page's usual one unless a factor of its
chain or their product prints as 0 (an input $x_k = 0$, a saturated neuron), where the figure would teach a chain that
ends in $0.000000$: it then draws the parameter of the same rule with the largest gradient in size whose chain shows,
and gives the sentence that says why, which `figure` adds to the caption.

The SVG is built by hand from a table of coordinates, not with matplotlib (`show.svg`), because here that is
simpler: the figure is a diagram with no axes or data to scale, and its elements need what matplotlib does not
write: classes that the site's stylesheet colours for the light and dark palettes (matplotlib's SVG has fixed
colours, of which `show.svg` can only turn black into the text colour), labels that stay one ``<text>`` each, and
a ``data-edge`` on each edge and label naming the edge, which the tests read.
"""

from __future__ import annotations

import math
from decimal import Decimal
from html import escape

from . import show
from ._paths import PARAMETERS, Edge, Path, backward_path, blank, chosen_path, zeros

__all__ = [
    "FONT", "LABEL_BELOW", "NETWORK_EDGES", "NODES", "NODE_TEXT", "PARAMETERS", "RADIUS",
    "Edge", "Path", "aria_label", "backward_path", "blank", "caption", "chosen_path", "figure", "svg",
    "text_alternative", "zeros",
]

#: Where each node of the 2-3-1 network is drawn (SVG units), and the circles' radius. The columns are as close as
#: the labels allow: along the level middle row the labels alternate above and below the path, so two labels on the
#: same side, two edges apart, must not meet (8 digits are about 90 units wide); the figure is then narrow enough for
#: its labels to be drawn at about 15 px on a 360 px phone.
RADIUS = 19
_COLUMNS = {"input": 22, "v": 102, "y_h": 158, "v4": 228, "y": 284, "e": 340, "E": 392}
_ROWS = (40, 130, 220)
NODES = {
    **{name: (_COLUMNS["input"], row) for name, row in zip(("x1", "x2", "bias_hidden"), _ROWS)},
    **{f"v{i}": (_COLUMNS["v"], row) for i, row in enumerate(_ROWS, start=1)},
    **{f"y_h{i}": (_COLUMNS["y_h"], row) for i, row in enumerate(_ROWS, start=1)},
    "v4": (_COLUMNS["v4"], _ROWS[1]), "bias_output": (_COLUMNS["v4"], _ROWS[2]),
    "y": (_COLUMNS["y"], _ROWS[1]), "e": (_COLUMNS["e"], _ROWS[1]), "E": (_COLUMNS["E"], _ROWS[1]),
}
#: What each node shows (plain text: the SVG is an image, its text alternative is the list after it).
NODE_TEXT = {
    "x1": "x₁", "x2": "x₂", "bias_hidden": "1", "bias_output": "1",
    "v1": "v₁", "v2": "v₂", "v3": "v₃", "y_h1": "yₕ₁", "y_h2": "yₕ₂", "y_h3": "yₕ₃",
    "v4": "v₄", "y": "y", "e": "e", "E": "E",
}
#: Every edge of the network, forward: inputs to fields, fields to outputs, hidden outputs to v4, then on to E.
NETWORK_EDGES = (
    [(tail, f"v{i}") for i in (1, 2, 3) for tail in ("x1", "x2", "bias_hidden")]
    + [(f"v{i}", f"y_h{i}") for i in (1, 2, 3)]
    + [(f"y_h{i}", "v4") for i in (1, 2, 3)]
    + [("bias_output", "v4"), ("v4", "y"), ("y", "e"), ("e", "E")]
)
#: The kinds of level edge whose label goes below them, by their tail (the others' go above, and so do the labels of
#: slanting edges): along a level path the labels alternate, so that two neighbours' values never run into each other.
LABEL_BELOW = ("y", "y_h", "x")
_SUB = str.maketrans("0123456789h", "₀₁₂₃₄₅₆₇₈₉ₕ")
FONT = 19  # SVG units


def _plain(tex: str) -> str:
    """TeX of a node or formula as plain text with Unicode subscripts: ``f'(v_{4})`` -> ``f′(v₄)``."""
    text = tex.replace("'", "′").replace("-", "−")
    out, pos = [], 0
    while pos < len(text):
        if text[pos] == "_":
            if text[pos + 1] == "{":
                end = text.index("}", pos)
                out.append(text[pos + 2:end].translate(_SUB))
                pos = end + 1
            else:
                out.append(text[pos + 1].translate(_SUB))
                pos += 2
        else:
            out.append(text[pos])
            pos += 1
    return "".join(out)


def _label_lines(edge: Edge) -> list[str]:
    """An edge's label: what the local derivative equals, then its value (one line for a constant, -1 or 1)."""
    if edge.formula in ("1", "-1"):
        return [_plain(edge.formula)]
    return [_plain(edge.formula), edge.text.replace("-", "−")]


def _ends(tail: str, head: str) -> tuple[float, float, float, float]:
    """The edge's end points on the two circles' rims."""
    (x1, y1), (x2, y2) = NODES[tail], NODES[head]
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return x1 + ux * RADIUS, y1 + uy * RADIUS, x2 - ux * RADIUS, y2 - uy * RADIUS


def _half_size(lines: list[str]) -> tuple[float, float]:
    """Half the width and height of a label (at about 0.6 em a character)."""
    return max(len(line) for line in lines) * FONT * 0.3, len(lines) * FONT * 0.6


def _candidates(edge: Edge, lines: list[str]) -> list[tuple[float, float]]:
    """Where an edge's label may go, best first: beside the edge, clear of its line, on the preferred side (above;
    below for `LABEL_BELOW`) then the other, at the middle then nearer either end, then a little further out; on a
    level edge also clear of the two circles at its ends."""
    ax, ay, bx, by = _ends(edge.tail, edge.head)
    length = math.hypot(bx - ax, by - ay)
    nx, ny = (by - ay) / length, -(bx - ax) / length  # a unit normal ...
    below = abs(ny) > 0.9 and edge.tail.rstrip("0123456789") in LABEL_BELOW  # a level edge's label may go below
    if (ny > 0) != below:
        nx, ny = -nx, -ny  # ... pointing to the preferred side
    half_w, half_h = _half_size(lines)
    gap = abs(nx) * half_w + abs(ny) * half_h + 6  # the box's reach towards the line, and some air
    if abs(ny) > 0.9:  # a level edge: above (or below) the circles at its ends, which a long label would touch
        gap = max(gap, RADIUS + half_h + 2)
    return [(ax + (bx - ax) * t + side * nx * (gap + extra), ay + (by - ay) * t + side * ny * (gap + extra))
            for side in (1, -1) for extra in (0, 12) for t in (0.5, 0.35, 0.65, 0.2, 0.8)]


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes (centre x, centre y, half width, half height) overlap."""
    return abs(a[0] - b[0]) < a[2] + b[2] and abs(a[1] - b[1]) < a[3] + b[3]


def _place_labels(path: Path) -> list[tuple[Edge, list[str], float, float, float, float]]:
    """Each edge's label lines, centre, half width and half height: the first candidate place that covers no node and
    no label placed before it; else the first that covers no label (on a path through the top or bottom row, where
    the faint edges cross, a label may have to cover a node of the network); else the first."""
    nodes = [(x, y, RADIUS + 1, RADIUS + 1) for x, y in NODES.values()]
    placed = []
    for edge in path.edges:
        lines = _label_lines(edge)
        half_w, half_h = _half_size(lines)
        places = _candidates(edge, lines)
        others = [(x, y, w, h) for _, _, x, y, w, h in placed]
        x, y = next((p for obstacles in (nodes + others, others) for p in places
                     if not any(_overlaps((*p, half_w, half_h), box) for box in obstacles)), places[0])
        placed.append((edge, lines, x, y, half_w, half_h))
    return placed


def _arrowhead(edge: Edge) -> str:
    """A triangle at the tail end of a path edge, pointing back: the way the derivative travels."""
    ax, ay, bx, by = _ends(edge.tail, edge.head)
    length = math.hypot(bx - ax, by - ay)
    ux, uy = (ax - bx) / length, (ay - by) / length  # backwards
    size, half = 11, 5.5
    base_x, base_y = ax - ux * size, ay - uy * size
    points = [(ax, ay), (base_x - uy * half, base_y + ux * half), (base_x + uy * half, base_y - ux * half)]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def caption(path: Path, why: str = "") -> str:
    r"""The figure's caption, Markdown with TeX: which parameter, its rule and its edge, and how to read the labels;
    then ``why``, `chosen_path`'s sentence on why this parameter is drawn (none for the usual one)."""
    last = path.edges[-1]
    return (f"The path of ${path.name}$ (rule {path.rule}): from the cost $E$ back along the arrows to ${path.name}$, "
            f"the edge from ${_tex_node(last.tail)}$ to ${_tex_node(last.head)}$. Each highlighted edge carries its "
            f"local derivative's value in the worked example; their product is $\\partial E / \\partial {path.name}$."
            + (f" {why}" if why else ""))


def aria_label(path: Path) -> str:
    """The SVG's accessible name: what it shows, in plain text, and where its values are written out."""
    name = path.name.replace("_", "").replace("{", "").replace("}", "")  # w42, as a screen reader spells it
    return (f"The 2-3-1 network with rule {path.rule}'s path for {name} highlighted, from the cost E back to {name}. "
            "The list after the figure gives each edge of the path and its value.")


def svg(path: Path) -> str:
    """The 2-3-1 network as inline SVG: every edge faint, the path's edges highlighted, labelled and arrowed.

    The viewBox holds the network and the path's labels, whichever path it is (the labels of a path through the
    top or bottom row stick out of the network's rows).
    """
    unknown = sorted({n for edge in path.edges for n in (edge.tail, edge.head)} - NODES.keys())
    if unknown:
        raise ValueError(f"the figure draws the slides' 2-3-1 network; this path has the nodes {unknown}")
    on_path = {(edge.tail, edge.head) for edge in path.edges}
    nodes_on_path = {n for edge in on_path for n in edge}
    placed = _place_labels(path)
    reach = RADIUS + 2  # a circle and half its stroke
    left = min([x - reach for x, _ in NODES.values()] + [x - w for _, _, x, _, w, _ in placed])
    top = min([y - reach for _, y in NODES.values()] + [y - h for _, _, _, y, _, h in placed])
    right = max([x + reach for x, _ in NODES.values()] + [x + w for _, _, x, _, w, _ in placed])
    bottom = max([y + reach for _, y in NODES.values()] + [y + h for _, _, _, y, _, h in placed])
    left, top, right, bottom = math.floor(left), math.floor(top), math.ceil(right), math.ceil(bottom)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left} {top} {right - left} {bottom - top}" '
             f'class="bp-path" role="img" aria-label="{escape(aria_label(path), quote=True)}" '
             f'data-parameter="{path.parameter}" font-size="{FONT}" fill="currentColor">',
             f"<title>{escape(aria_label(path))}</title>"]
    for tail, head in NETWORK_EDGES:
        if (tail, head) not in on_path:
            x1, y1, x2, y2 = _ends(tail, head)
            parts.append(f'<line class="bp-edge" data-edge="{tail}-{head}" x1="{x1:.1f}" y1="{y1:.1f}" '
                         f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="currentColor" opacity="0.3"/>')
    for edge in path.edges:
        x1, y1, x2, y2 = _ends(edge.tail, edge.head)
        parts.append(f'<line class="bp-edge bp-on-path" data-edge="{edge.tail}-{edge.head}" x1="{x1:.1f}" '
                     f'y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="currentColor" stroke-width="3.5"/>')
        parts.append(f'<polygon class="bp-arrow" points="{_arrowhead(edge)}"/>')
    for name, (x, y) in NODES.items():
        kind = "bp-input" if name.startswith(("x", "bias")) else "bp-node"
        on = " bp-on-path" if name in nodes_on_path else ""
        parts.append(f'<circle class="{kind}{on}" data-node="{name}" cx="{x}" cy="{y}" r="{RADIUS}" fill="none" '
                     f'stroke="currentColor"/>')
        parts.append(f'<text x="{x}" y="{y}" dy="0.35em" text-anchor="middle">{NODE_TEXT[name]}</text>')
    for edge, lines, x, y, _, _ in placed:
        first = y - (len(lines) - 1) * FONT * 0.55
        spans = "".join(f'<tspan x="{x:.1f}" y="{first + n * FONT * 1.1:.1f}" dy="0.35em">{escape(line)}</tspan>'
                        for n, line in enumerate(lines))
        parts.append(f'<text class="bp-label" data-edge="{edge.tail}-{edge.head}" text-anchor="middle">{spans}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _tex_node(name: str) -> str:
    """TeX of a node: ``y_h2`` -> ``y_{h2}``, ``v4`` -> ``v_4``, a bias input -> ``1``."""
    if name.startswith("bias"):
        return "1"
    if name.startswith("y_h"):
        return f"y_{{h{name[3:]}}}"
    return f"{name[0]}_{name[1:]}" if len(name) > 1 else name


def text_alternative(path: Path) -> str:
    r"""The path as a Markdown list, from $E$ back to the parameter: each edge, its local derivative and value, the
    value written as a formula writes it (`show.tex`; the figure's labels keep the site's decimals)."""
    items = []
    for edge in path.edges:
        # a formula's digits (show.tex): 9.0 × 10⁻⁶ where the figure's six decimals write 0.000009 (a TA multiplied
        # the list's factors and got 1 % less than its product)
        value = "" if edge.formula in ("1", "-1") else show.tex(" = {{v:given}}" if edge.exact else " = {{v}}",
                                                                  v=edge.value)
        items.append(f"- ${_tex_node(edge.tail)} \\to {_tex_node(edge.head)}$: "
                     f"${edge.local} = {edge.formula}{value}$")
    # "=" only where the product of the values as listed rounds to the derivative shown (show.eq), as on the pages.
    listed = (Decimal(edge.text) if edge.exact else show.exact(edge.value) for edge in path.edges)
    relation = show.eq(math.prod(listed, start=Decimal(1)), path.gradient)
    items.append(show.tex(f"- the product: $\\partial E / \\partial {path.name} {{{{rel}}}} {{{{g}}}}$",
                          rel=relation, g=path.gradient))
    return "\n".join(items)


def figure(path: Path, why: str = "") -> str:
    """The figure for a page: the SVG and its caption (with ``why``, `chosen_path`'s sentence), then
    `text_alternative` (Markdown and HTML)."""
    return (f'<figure class="bp-path-figure" markdown="1">\n<div class="bp-path-drawing">{svg(path)}</div>\n'
            f'<figcaption markdown="span">{caption(path, why)}</figcaption>\n</figure>\n\n'
            f"{text_alternative(path)}\n")
