r"""A parameter's backward path: from the cost $E$ back to it through the network, each edge with its local derivative.

Each rule's chain multiplies one local derivative per edge of a path through the network, from the
cost $E$ back to the parameter. For a hidden weight $w_{ik}$ (rule 3) the path is
$x_k \to v_i \to y_{hi} \to v_4 \to y \to e \to E$ and

$$
\frac{\partial E}{\partial w_{ik}} =
\frac{\partial E}{\partial e}\,\frac{\partial e}{\partial y}\,\frac{\partial y}{\partial v_4}\,
\frac{\partial v_4}{\partial y_{hi}}\,\frac{\partial y_{hi}}{\partial v_i}\,\frac{\partial v_i}{\partial w_{ik}}
= e \cdot (-1) \cdot f'(v_4) \cdot w_{4i} \cdot f'(v_i) \cdot x_k .
$$

`backward_path` computes such a path for any network with one output (compute), and `chosen_path` which one a page
draws (one whose chain does not print as 0); `backprop.figures` draws it over the slides' 2-3-1 network (show) and
is where pages import them from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import labels, show
from .network import ForwardPass
from .rules import error, f_prime_hidden, f_prime_output

#: The parameters a path can end at, as `Network` names them, and the slides' rule for each.
PARAMETERS = {"w_output": 1, "b_output": 2, "w_hidden": 3, "b_hidden": 4}


@dataclass(frozen=True)
class Edge:
    r"""One edge of a path, drawn from ``tail`` to ``head`` (the forward direction), and its local derivative.

    Attributes
    ----------
    tail, head : str
        Node names: ``x1``, ``x2``, ``bias_hidden`` (the hidden layer's input 1), ``v1``, ``y_h1``, ...,
        ``bias_output``, ``v4``, ``y``, ``e``, ``E``.
    local : str
        TeX of the local derivative, $\partial\,\text{head} / \partial\,\text{tail}$, or
        $\partial\,\text{head} / \partial\,\text{parameter}$ on the parameter's own edge.
    formula : str
        TeX of what it equals: ``x_2``, ``f'(v_1)``, ``w_{41}``, ``-1`` ...
    value : float
        Its value in the example.
    exact : bool
        Whether the value is written as it is (``0.5``, ``1``), not to the site's decimals (``0.500000``): a value
        the example gives (an input $x_k$, a weight $w_{4i}$ at $n = 0$) or a constant of the network (a linear
        output's $f'(v_4) = 1$).
    """

    tail: str
    head: str
    local: str
    formula: str
    value: float
    exact: bool = False

    @property
    def text(self) -> str:
        """The value as the pages write it: as it is (`exact`), or to the site's decimals."""
        return show.given(self.value) if self.exact else show.num(self.value)


@dataclass(frozen=True)
class Path:
    r"""The path of one parameter, from the cost back to it: ``edges[0]`` ends at $E$, ``edges[-1]`` is the
    parameter's own edge.

    Attributes
    ----------
    parameter : {"w_output", "b_output", "w_hidden", "b_hidden"}
    rule : int
        The slides' rule (1)-(4) for this parameter.
    name : str
        TeX of the parameter: ``w_{41}``, ``b_4``, ``w_{12}``, ``b_1``.
    edges : tuple of Edge
    """

    parameter: str
    rule: int
    name: str
    edges: tuple[Edge, ...]

    @property
    def gradient(self) -> float:
        r"""$\partial E / \partial\,\text{parameter}$: the product of the edges' values."""
        return math.prod(edge.value for edge in self.edges)


def _index(name: str, value: object, size: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an int from 1 to {size}, got {type(value).__name__}")
    if not 1 <= value <= size:
        raise ValueError(f"{name} must be from 1 to {size}, got {value}")
    return int(value)


def backward_path(fp: ForwardPass, d: ArrayLike, parameter: str, i: int = 1, k: int = 1) -> Path:
    r"""The path from $E$ back to one parameter, each edge with its local derivative's value.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass of a network with one output neuron $j$ (the slides' 4).
    d : float or array_like, shape (1,)
        The target $d(n)$.
    parameter : {"w_output", "b_output", "w_hidden", "b_hidden"}
        Rule (1) $w_{ji}$, rule (2) $b_j$, rule (3) $w_{ik}$ or rule (4) $b_i$.
    i, k : int
        The hidden neuron $i$ and the input $k$, numbered from 1 as in the slides (``k`` is used by
        ``w_hidden`` only, ``i`` by all but ``b_output``).

    Returns
    -------
    Path
        Rule 1: $y_{hi} \to v_j \to y \to e \to E$ (the first edge is $w_{ji}$); rule 2: $1 \to v_j \to \dots$;
        rule 3: $x_k \to v_i \to y_{hi} \to v_j \to \dots$ (the first edge is $w_{ik}$); rule 4: $1 \to v_i \to \dots$.
    """
    if parameter not in PARAMETERS:
        raise ValueError(f"parameter must be one of {', '.join(PARAMETERS)}, got {parameter!r}")
    net = fp.net
    if net.n_out != 1:
        raise ValueError(f"a path runs back from one output; this network has {net.n_out} outputs (with several, "
                         "a hidden parameter's derivative is a sum over the outputs, not one path)")
    i = _index("i", i, net.n_hidden)
    k = _index("k", k, net.n_in)
    j = labels.output_neurons(net.n_hidden)[0]  # the output neuron's number: 4 in the slides
    index = {"w_output": (0, i - 1), "b_output": (0,), "w_hidden": (i - 1, k - 1), "b_hidden": (i - 1,)}[parameter]
    name = labels.tex(labels.parameter(parameter, index, net.n_hidden))  # TeX: b_4, w_{42}

    # From E back to v_j: the same three edges for every parameter.
    edges = [
        Edge("e", "E", r"\partial E / \partial e", "e", float(error(fp, d)[0])),
        Edge("y", "e", r"\partial e / \partial y", "-1", -1.0),
        Edge(f"v{j}", "y", rf"\partial y / \partial v_{j}", f"f'(v_{j})", float(f_prime_output(fp)[0]),
             exact=net.output == "purelin"),
    ]
    if parameter in ("w_hidden", "b_hidden"):  # on through w_ji to hidden neuron i
        edges += [
            Edge(f"y_h{i}", f"v{j}", rf"\partial v_{j} / \partial y_{{h{i}}}", f"w_{{{j}{i}}}",
                 float(net.w_output[0, i - 1]), exact=True),
            Edge(f"v{i}", f"y_h{i}", rf"\partial y_{{h{i}}} / \partial v_{i}", f"f'(v_{i})",
                 float(f_prime_hidden(fp)[i - 1])),
        ]
    # The parameter's own edge: the derivative of the field it enters with respect to it is what it multiplies.
    tail, head, formula, value = {
        "w_output": (f"y_h{i}", f"v{j}", f"y_{{h{i}}}", fp.y_hidden[i - 1]),
        "b_output": ("bias_output", f"v{j}", "1", 1.0),
        "w_hidden": (f"x{k}", f"v{i}", f"x_{k}", fp.x[k - 1]),
        "b_hidden": ("bias_hidden", f"v{i}", "1", 1.0),
    }[parameter]
    edges.append(Edge(tail, head, rf"\partial v_{head[1:]} / \partial {name}", formula, float(value),
                      exact=parameter == "w_hidden"))  # the input x_k; y_hi, on rule 1's edge, is computed
    return Path(parameter, PARAMETERS[parameter], name, tuple(edges))


# --------------------------------------------------------------------------------------------
# Which path a page draws: one whose chain shows at the pages' decimals


def _does_not_show(edge: Edge) -> bool:
    """Whether an edge's value is 0, or is written far off where the pages write it (`Edge.text`, `show.coarse`): a
    product of the printed factors would then be 0, or off by as much."""
    return edge.value == 0 or (float(edge.text) != edge.value and show.coarse(edge.value))


def _printed(value: float) -> str:
    """How the figure's labels would write a value that does not show, in parentheses: ``($0.000000$ at the figure's 6
    decimals)``, or for one written as a far digit ``($0.000001$ at the figure's 6 decimals, more than 5 % off)``; the
    formulas beside it write such a value in scientific notation (`show.in_scientific`)."""
    far = f", more than {round(show.COARSE * 100)} % off" if show.rounded(value) != 0 else ""
    return f"(${show.num(value)}$ at the figure's {show.DECIMALS} decimals{far})"


def zeros(path: Path) -> list[str]:
    r"""The factors of a path that do not show, as TeX phrases: ``the factor $x_2 = 0$``, or, for one that is not 0,
    with its value: ``the factor $f'(v_3) = 2.1 \times 10^{-9}$ ($0.000000$ at the figure's 6 decimals)``, or
    ``($0.000001$ at the figure's 6 decimals, more than 5 % off)`` for a value of $5.0 \times 10^{-7}$."""
    return [f"the factor ${edge.formula} = 0$" if edge.value == 0 else
            f"the factor ${edge.formula} = {show.sci(edge.value)}$ {_printed(edge.value)}"
            for edge in path.edges if _does_not_show(edge)]


def blank(path: Path) -> str:
    r"""What of a path does not show, as a clause of `chosen_path`'s sentence (``has the factor $x_2 = 0$, so its
    product is $0.000000$ at the figure's 6 decimals``), or ``""`` when every factor and the product
    $\partial E / \partial \theta$
    show (print within `show.COARSE` of their values, `show.coarse`)."""
    factors = zeros(path)
    product_blank = show.rounded(path.gradient) == 0 or show.coarse(path.gradient)
    if factors:
        product = ("" if not product_blank else ", so its product is 0" if path.gradient == 0 else  # a factor 0
                   f", so its product is ${show.num(path.gradient)}$ at the figure's {show.DECIMALS} decimals")
        return f"has {show.and_list(factors)}{product}"
    if product_blank:
        return (f"has the product $\\partial E / \\partial {path.name} = {show.sci(path.gradient)}$ "
                f"{_printed(path.gradient)}")
    return ""


#: What a page calls the parameters of each rule, for `chosen_path`'s sentence.
_KINDS = {"w_output": "output weight", "b_output": "output bias", "w_hidden": "hidden weight",
          "b_hidden": "hidden bias"}


def chosen_path(fp: ForwardPass, d: ArrayLike, parameter: str, i: int = 1, k: int = 1) -> tuple[Path, str]:
    r"""The path a page draws for ``parameter``, and the sentence for its caption that says why (``""`` for the usual).

    The usual one, ``(i, k)``, unless a factor of its chain or their product prints as 0 or far off (`blank`): a
    figure whose product reads $0.000000$ teaches nothing of the chain, and one whose factors read $0.000001$ for
    $5.0 \times 10^{-7}$ multiplies to twice its product. Then the parameter of the same rule with the largest
    gradient in size among those whose chain shows (the first of a tie, in the order $i$, then $k$), as the rule
    pages' finite-difference tips choose the largest update; if there is none, the usual one, and the sentence says
    that every path of the rule has a 0 in this example (a factor exactly 0, naming them, where each path has one).
    """
    usual = backward_path(fp, d, parameter, i=i, k=k)
    why = blank(usual)
    if not why:
        return usual, ""
    net = fp.net
    indices = {"w_output": [(n, 1) for n in range(1, net.n_hidden + 1)], "b_output": [(1, 1)],
               "w_hidden": [(n, m) for n in range(1, net.n_hidden + 1) for m in range(1, net.n_in + 1)],
               "b_hidden": [(n, 1) for n in range(1, net.n_hidden + 1)]}[parameter]
    paths = [backward_path(fp, d, parameter, i=n, k=m) for n, m in indices]
    showing = [path for path in paths if not blank(path)]
    kind = _KINDS[parameter]
    if not showing:
        zeros = [[edge.formula for edge in path.edges if edge.value == 0] for path in paths]
        if all(zeros):  # a factor exactly 0 on every path (x = (0, 0)): not the figure's decimals, as below reads
            factors = show.and_list([f"${formula} = 0$" for formula in sorted({f for z in zeros for f in z})])
            return usual, (f"In this example the path of every {kind} has a factor that is exactly 0 (here {factors}); "
                           f"this one {why}.")
        return usual, (f"In this example the path of every {kind} has a number that the figure's {show.DECIMALS} "
                       f"decimals write as 0, or more than {round(show.COARSE * 100)} % off; this one {why}.")
    best = max(showing, key=lambda path: abs(path.gradient))  # max keeps the first of a tie
    # a tie as written (x_1 = x_2 gives w_i1 and w_i2 the same gradient): the figure draws the first of them
    tied = [path for path in showing if show.exact(abs(path.gradient)) == show.exact(abs(best.gradient))]
    largest = (f"the {kind} with the largest gradient in size" if len(tied) == 1 else
               f"the first of {show.and_list([f'${path.name}$' for path in tied])}, the {kind}s with the largest "
               f"gradient in size, alike")
    return best, (f"The figure draws ${best.name}$ here, {largest}, rather than the usual ${usual.name}$, whose path "
                  f"{why}.")
