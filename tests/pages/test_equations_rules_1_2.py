r"""Every typed equation of the pages of rules (1) and (2), docs/rule-output-weights.md and docs/rule-output-bias.md,
and of the definitions both include (docs/snippets/rules-definitions.md), listed and checked with sympy.

A mutation audit found that only each page's final rule was tied to a check: a sign flipped in the gradient step
(``- \eta`` -> ``+ \eta``), an index swapped (``w_{ij}``) or a factor dropped in a derivation line left every test
green. Here each page's display equations and inline statements (``markdown_displays`` and
``markdown_inline_statements``: typed math outside code blocks), and the TeX typed inside its ``exec`` blocks (the
factor lines, the local gradient, the table headers: shown to the reader too), are listed in page order with a check
of each, so that any edit of typed math fails the listing test and the check says whether the new equation is true.

A check is a sympy transcription of what the equation says, compared on the slides' network
(``tests/support/symbolic.py``: x, w, b, d as symbols, logsig hidden layer) with each named quantity computed from
its definition, never from the page: a partial derivative is ``sp.diff`` of the cost written as a function of that
variable, Δθ(n) the gradient-descent step -η ∂E(n)/∂θ, δ_j = -∂E/∂v_j. Two networks: ``SLIDES``, the pages' 2-3-1
with the linear output, and ``GENERAL``, 2-3-2 with an undefined output activation g (so f'(v_j) stays a factor and
the cost has two terms), for the lines the pages state for any output activation. A definition (the forward pass,
e = d - y, E = ½ e²) is checked against the oracle's forward pass in plain ``math`` (``tests/support/oracle.py``). A
statement that only names something (``$n = 0$``) is in ``NOT_FACTS`` with the reason. Numbers filled into a
template (``{{e}}``) are the oracle's by ``test_rule_pages``; the checks here cover the symbols before them.

The pages' inline expressions (``markdown_inline_expressions``: a formula with no relation of its own that the prose
says something of, "the fraction is $\eta\,\big(1 + \sum_i y_{hi}^2\big)$") are listed too, each with a check of what
its sentence says: a mutation audit dropped that square and no test noticed. A bare name the prose says something of
("the outer product ... with the hidden outputs $y_{hi}$") is tied to its sentence by ``markdown_says``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

import numpy as np
import pytest
import sympy as sp

import backprop
from backprop import examples, labels, readings_rule_2, rules
from tests.support import oracle
from tests.support.pages import (
    exec_block_math,
    markdown_displays,
    markdown_inline_expressions,
    markdown_inline_statements,
    markdown_says,
    norm_tex,
)
from tests.support.symbolic import ETA_S as ETA
from tests.support.symbolic import SymbolicNet

HALF = sp.Rational(1, 2)
T = sp.Dummy("t")
g = sp.Function("g")  # any output activation


def logsig(v: sp.Expr) -> sp.Expr:
    """The slides' hidden f(v) = 1 / (1 + e^{-v})."""
    return 1 / (1 + sp.exp(-v))


class Model:
    """The slides' network (``SymbolicNet``'s symbols and fields, logsig hidden) with the output activation ``out``,
    and the quantities the rules name, each from its definition."""

    def __init__(self, n_out: int, out: Callable[[sp.Expr], sp.Expr]):
        net = SymbolicNet(n_out=n_out)
        self.outs, self.x, self.w, self.b, self.d, self.v = net.outs, net.x, net.w, net.b, net.d, net.v
        self.y_h = {i: logsig(net.v[i]) for i in (1, 2, 3)}
        self.out = out
        self.y = {j: out(net.v[j]) for j in self.outs}
        self.e = {j: self.d[j] - self.y[j] for j in self.outs}
        self.E_j = {j: HALF * self.e[j] ** 2 for j in self.outs}
        self.E = sum(self.E_j.values())
        self.s = {j: sp.Symbol(f"s_{j}") for j in self.outs}  # the output fields as free variables

    def param(self, kind: str, j: int, i: int) -> sp.Symbol:
        return self.w[j, i] if kind == "w" else self.b[j]

    def step(self, theta: sp.Symbol) -> sp.Expr:
        """Δθ(n): the step of gradient descent on the sample's cost, -η ∂E(n)/∂θ."""
        return -ETA * sp.diff(self.E, theta)

    def f_prime(self, v: sp.Expr) -> sp.Expr:
        """The output activation's derivative at v."""
        return sp.diff(self.out(T), T).subs(T, v)

    def dE_dv(self, j: int, only: int | None = None) -> sp.Expr:
        """∂E/∂v_j (or ∂E_only/∂v_j): the cost written as a function of the output fields, differentiated."""
        cost = sum(HALF * (self.d[k] - self.out(self.s[k])) ** 2 for k in self.outs if only in (None, k))
        return sp.diff(cost, self.s[j]).subs({self.s[k]: self.v[k] for k in self.outs}, simultaneous=True)

    def delta(self, j: int) -> sp.Expr:
        """The local gradient δ_j = -∂E/∂v_j."""
        return -self.dE_dv(j)

    def factors(self, j: int, theta: sp.Symbol) -> list[sp.Expr]:
        """∂E_j/∂e_j, ∂e_j/∂y_j, ∂y_j/∂v_j, ∂v_j/∂θ: each the derivative of its own definition, at the network."""
        e, y = sp.symbols("e y")
        return [sp.diff(HALF * e**2, e).subs(e, self.e[j]), sp.diff(self.d[j] - y, y), self.f_prime(self.v[j]),
                sp.diff(self.v[j], theta)]


SLIDES = Model(1, lambda v: v)  # the pages' network: linear (purelin) output neuron 4
GENERAL = Model(2, g)  # outputs 4 and 5 with any activation g
BOTH = (SLIDES, GENERAL)


POINT = SymbolicNet(n_out=2).point | {ETA: sp.Float(0.37)}  # one random point of GENERAL's symbols


def at_point(expr: sp.Expr) -> sp.Expr:
    """``expr`` at ``POINT`` with g = tanh: a number, unless the expression has other symbols."""
    return sp.sympify(expr).replace(g, sp.Lambda(T, sp.tanh(T))).doit().xreplace(POINT).evalf()


def equal_pair(a: sp.Expr, b: sp.Expr) -> bool:
    """a = b as functions of the symbols: a sympy identity. Unequal values at one point settle a "no" quickly."""
    if sp.expand(a - b) == 0:
        return True
    gap = at_point(a - b)
    if gap.is_number and abs(complex(gap)) > 1e-9:
        return False
    return sp.simplify(a - b) == 0


def same(*exprs: sp.Expr) -> bool:
    """All equal as functions of the symbols (sympy)."""
    return all(equal_pair(a, b) for a, b in itertools.pairwise(exprs))


Side = Callable[[Model, int, int], sp.Expr]


def holds(models, *sides: Side) -> bool:
    """Every side equal, for each model, each of its outputs j and each hidden neuron i."""
    return all(same(*(side(m, j, i) for side in sides)) for m in models for j in m.outs for i in (1, 2, 3))


def equal(models, *sides: Side) -> Callable[[], bool]:
    return lambda: holds(models, *sides)


def all_of(*checks: Callable[[], bool]) -> Callable[[], bool]:
    return lambda: all(check() for check in checks)


# --- the oracle: random 2-3-n networks of the slides (logsig hidden), in plain math, and the same point for sympy


def samples(n_out: int = 1, output: str = "purelin", count: int = 3):
    """(point, iteration): the symbols' values and the oracle's iteration there, for ``count`` random networks."""
    rng = np.random.default_rng(11 + n_out)

    def u(*shape):
        return rng.uniform(-1.5, 1.5, shape).tolist()

    for _ in range(count):
        ex = {"w_hidden": u(3, 2), "b_hidden": u(3), "w_output": u(n_out, 3), "b_output": u(n_out), "x": u(2),
              "d": u(n_out), "eta": float(rng.uniform(0.05, 1.0)), "output": output}
        point = {ETA: ex["eta"]} | {SLIDES.x[k]: ex["x"][k - 1] for k in (1, 2)}
        for i in (1, 2, 3):
            point |= {SLIDES.w[i, k]: ex["w_hidden"][i - 1][k - 1] for k in (1, 2)}
            point[SLIDES.b[i]] = ex["b_hidden"][i - 1]
        for j in range(4, 4 + n_out):
            point |= {sp.Symbol(f"w_{j}{i}"): ex["w_output"][j - 4][i - 1] for i in (1, 2, 3)}
            point |= {sp.Symbol(f"b_{j}"): ex["b_output"][j - 4], sp.Symbol(f"d_{j}"): ex["d"][j - 4]}
        yield {s: sp.Float(v) for s, v in point.items()}, oracle.iteration(ex)


def close(a, b) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-14)


def new_values_are_the_oracles(kind: str, new: Side) -> Callable[[], bool]:
    """θ(n+1) as ``new`` writes it is the value the oracle's iteration gives θ."""
    def check() -> bool:
        key = "w_output_new" if kind == "w" else "b_output_new"
        return all(close(new(SLIDES, 4, i).xreplace(p), it[key][0][i - 1] if kind == "w" else it[key][0])
                   for p, it in samples() for i in (1, 2, 3))
    return check


def local_gradient_is_the_oracles() -> bool:
    return all(close(SLIDES.delta(4).xreplace(p), it["delta_output"][0]) for p, it in samples())


def cost_is_half_the_squared_error() -> bool:
    """E_j = ½ e_j²: on one output, the oracle's cost of the sympy forward pass's error."""
    return all(close((HALF * SLIDES.e[4] ** 2).xreplace(p), it["E"]) for p, it in samples())


def cost_is_the_sum_over_outputs() -> bool:
    """E = Σ_j E_j, E_j = ½ e_j²: the oracle's cost of two outputs."""
    two = Model(2, lambda v: v)
    return all(close(sum(HALF * two.e[j] ** 2 for j in (4, 5)).xreplace(p), it["E"]) for p, it in samples(2))


def error_is_target_minus_output() -> bool:
    """e_j = d_j - y_j, with the sympy forward pass, against the oracle's errors of two outputs."""
    two = Model(2, lambda v: v)
    return all(close((two.d[j] - two.y[j]).xreplace(p), it["e_list"][j - 4]) for p, it in samples(2) for j in (4, 5))


def output_is_f_of_its_field() -> bool:
    """y_j = f(v_j), with the linear output and with tanh (two outputs): the oracle's outputs."""
    return all(close(act(sp.Float(it["v_output"][j])), it["y_output"][j])
               for output, act in [("purelin", lambda v: v), ("tansig", sp.tanh)]
               for _, it in samples(2, output) for j in (0, 1))


def linear_output() -> bool:
    """f(v) = v: the slides' output (the oracle's default) gives y = v_4."""
    return all(close(it["y"], SLIDES.v[4].xreplace(p)) for p, it in samples())


def output_field_is_the_sum() -> bool:
    """v_j = Σ_i w_ji f(v_i) + b_j, with the oracle's hidden fields."""
    return all(close(sum(SLIDES.w[4, i] * logsig(sp.Float(it["v_hidden"][i - 1])) for i in (1, 2, 3)).xreplace(p)
                     + SLIDES.b[4].xreplace(p), it["v_output"][0]) for p, it in samples())


def definitions_are_the_forward_pass() -> bool:
    """The included definitions, row by row, each side evaluated (sympy) against the oracle's forward pass."""
    m = SLIDES
    for p, it in samples():
        n = {"v_i": it["v_hidden"], "y_hi": it["y_hidden"], "v_j": it["v_output"][0], "y_j": it["y"], "e": it["e"]}
        rows = [
            [it["E"], HALF * sp.Float(n["e"]) ** 2],  # E_j(n) = ½ e_j(n)²
            [n["e"], m.d[4].xreplace(p) - n["y_j"]],  # e_j(n) = d_j(n) - y_j(n)
            [n["y_j"], m.out(sp.Float(n["v_j"])), n["v_j"]],  # y_j = f(v_j) = v_j
            [n["v_j"], sum(m.w[4, i] * n["y_hi"][i - 1] for i in (1, 2, 3)) + m.b[4],  # v_j = Σ_i w_ji y_hi + b_j
             sum(m.w[4, i] * logsig(sp.Float(n["v_i"][i - 1])) for i in (1, 2, 3)) + m.b[4]],  # = Σ_i w_ji f(v_i) + b_j
            *([n["y_hi"][i - 1], logsig(sp.Float(n["v_i"][i - 1])), 1 / (1 + sp.exp(-sp.Float(n["v_i"][i - 1])))]
              for i in (1, 2, 3)),  # y_hi = f(v_i) = 1 / (1 + e^{-v_i})
            *([n["v_i"][i - 1], sum(m.w[i, k] * m.x[k] for k in (1, 2)) + m.b[i]] for i in (1, 2, 3)),  # v_i
        ]
        for row in rows:
            values = [sp.sympify(side).xreplace(p) for side in row]
            if not all(close(a, b) for a, b in itertools.pairwise(values)):
                return False
    return True


def eta_is_positive() -> bool:
    """η > 0: the package refuses any other, and with η > 0 the step lowers the cost (its slope -η (∂E/∂θ)² <= 0)."""
    net = backprop.Network.random(2, 3, 1, seed=1)
    for bad in (0.0, -0.1):
        try:
            backprop.step(net, [0.5, -1.0], 0.3, bad)
            return False
        except ValueError:
            pass
    theta = SLIDES.w[4, 1]
    grad = sp.Symbol("G", real=True)  # ∂E/∂θ, any value
    slope = sp.diff(SLIDES.E, theta) * SLIDES.step(theta)  # dE along the step, to first order
    return same(slope, -ETA * sp.diff(SLIDES.E, theta) ** 2) and (-ETA * grad**2).is_nonpositive


def zero_input_no_step() -> bool:
    """f(v_i) = 0 leaves w_4i where it is: with the hidden outputs as free variables, Δw_4i = 0 at y_hi = 0."""
    y = {i: sp.Symbol(f"y_h{i}") for i in (1, 2, 3)}
    cost = HALF * (SLIDES.d[4] - sum(SLIDES.w[4, i] * y[i] for i in (1, 2, 3)) - SLIDES.b[4]) ** 2
    return all(sp.diff(cost, SLIDES.w[4, i]).subs(y[i], 0) == 0 and sp.diff(cost, SLIDES.w[4, i]) != 0
               for i in (1, 2, 3))


def is_output(j: int) -> Callable[[], bool]:
    return lambda: list(labels.output_neurons(3)) == [j] == SLIDES.outs


def hidden_are(*names: int) -> Callable[[], bool]:
    return lambda: list(labels.hidden_neurons(3)) == list(names)


# --- the transcriptions shared by the two pages, θ the weight w_ji (rule 1) or the bias b_j (rule 2) -----------------


def goal(kind: str) -> Callable[[], bool]:
    """θ(n+1) = θ(n) + Δθ(n) = θ(n) - η ∂E_j(n)/∂θ(n): the page's step (with E_j) is gradient descent on E, and it is
    the oracle's new value."""
    def by_page(m: Model, j: int, i: int) -> sp.Expr:
        return m.param(kind, j, i) - ETA * sp.diff(m.E_j[j], m.param(kind, j, i))

    return all_of(equal(BOTH, lambda m, j, i: m.param(kind, j, i) + m.step(m.param(kind, j, i)), by_page),
                  new_values_are_the_oracles(kind, by_page))


def chain(kind: str) -> Callable[[], bool]:
    """∂E_j/∂θ = ∂E_j/∂e_j ∂e_j/∂y_j ∂y_j/∂v_j ∂v_j/∂θ."""
    return equal(BOTH, lambda m, j, i: sp.diff(m.E_j[j], m.param(kind, j, i)),
                 lambda m, j, i: sp.Mul(*m.factors(j, m.param(kind, j, i))))


def simplifying(kind: str, models, line: Side) -> Callable[[], bool]:
    """One of the slides' lines: θ(n+1) = θ(n) - η ∂E_j/∂θ, written as ``line``."""
    return equal(models, lambda m, j, i: m.param(kind, j, i) - ETA * sp.diff(m.E_j[j], m.param(kind, j, i)), line)


def new_value(kind: str, line: Side) -> Callable[[], bool]:
    """θ(n+1) = θ(n) + Δθ(n), and = ``line``, on the slides' network."""
    return equal([SLIDES], lambda m, j, i: m.param(kind, j, i) + m.step(m.param(kind, j, i)), line)


def delta_is(kind: str, models, *lines: Side) -> Callable[[], bool]:
    """Δθ(n) = each of ``lines``."""
    return equal(models, lambda m, j, i: m.step(m.param(kind, j, i)), *lines)


W, B = "w", "b"  # θ = w_ji (rule 1), θ = b_j (rule 2)
f = logsig  # the pages' f(v_i)


def factor(n: int, kind: str = W) -> Side:
    return lambda m, j, i: m.factors(j, m.param(kind, j, i))[n]


# The first three factors and the local gradient, the same on both pages.
FACTOR_1 = (r"\frac{\partial E_j(n)}{\partial e_j(n)} = e_j(n) = d_j(n) - y_j(n) = {{d:given}} - {{y}} {{rel}} {{e}}",
            equal(BOTH, factor(0), lambda m, j, i: m.e[j], lambda m, j, i: m.d[j] - m.y[j]))
FACTOR_2 = (r"\frac{\partial e_j(n)}{\partial y_j(n)} = -1", equal(BOTH, factor(1), lambda m, j, i: sp.Integer(-1)))
FACTOR_3 = (r"\frac{\partial y_j(n)}{\partial v_j(n)} = f'(v_j(n)) = 1, \qquad f'(v_4) = {{f_prime_v4}}",
            equal([SLIDES], factor(2), lambda m, j, i: m.f_prime(m.v[j]), lambda m, j, i: 1,
                  lambda m, j, i: m.f_prime(m.v[4])))
F_PRIME_1 = equal([SLIDES], lambda m, j, i: m.f_prime(m.v[j]), lambda m, j, i: 1)  # f'(v_j) = 1 (linear output)

# --------------------------------------------------------------------------------------------------------------------
# docs/rule-output-weights.md
# --------------------------------------------------------------------------------------------------------------------

RULE_1_DISPLAYS = [
    (r"w_{ji}(n+1) = w_{ji}(n) + \Delta w_{ji}(n) = w_{ji}(n) - \eta \frac{\partial E_j(n)}{\partial w_{ji}(n)}",
     goal(W)),
    (r"\frac{\partial E_j(n)}{\partial w_{ji}(n)} = \frac{\partial E_j(n)}{\partial e_j(n)}\, \frac{\partial e_j(n)}"
     r"{\partial y_j(n)}\, \frac{\partial y_j(n)}{\partial v_j(n)}\, \frac{\partial v_j(n)}{\partial w_{ji}(n)}",
     chain(W)),
    (r"w_{ji}(n+1) = w_{ji}(n) - \eta\, e_j(n)\,(-1)\, f'(v_j(n))\, f(v_i(n))",
     simplifying(W, BOTH, lambda m, j, i: m.w[j, i] - ETA * m.e[j] * (-1) * m.f_prime(m.v[j]) * f(m.v[i]))),
    (r"= w_{ji}(n) - \eta\, e_j(n)\,(-1)\,(1)\, f(v_i(n))",
     simplifying(W, [SLIDES], lambda m, j, i: m.w[j, i] - ETA * m.e[j] * (-1) * 1 * f(m.v[i]))),
    (r"= w_{ji}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n))",
     simplifying(W, [SLIDES], lambda m, j, i: m.w[j, i] + ETA * (m.d[j] - m.y[j]) * f(m.v[i]))),
    (r"\Delta w_{ji}(n) = \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n)) = \eta\, e_j(n)\, y_{hi}(n)",
     delta_is(W, [SLIDES], lambda m, j, i: ETA * (m.d[j] - m.y[j]) * f(m.v[i]),
              lambda m, j, i: ETA * m.e[j] * m.y_h[i])),
    (r"w_{ji}(n+1) = w_{ji}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n))",
     new_value(W, lambda m, j, i: m.w[j, i] + ETA * (m.d[j] - m.y[j]) * f(m.v[i]))),
    (r"\frac{\partial E_j(n)}{\partial e_j(n)}\, \frac{\partial e_j(n)}{\partial y_j(n)}\, \frac{\partial y_j(n)}"
     r"{\partial v_j(n)} = \frac{\partial E_j(n)}{\partial v_j(n)} = \frac{\partial E(n)}{\partial v_j(n)} = "
     r"-e_j(n)\, f'(v_j(n))",
     equal(BOTH, lambda m, j, i: sp.Mul(*m.factors(j, m.w[j, i])[:3]), lambda m, j, i: m.dE_dv(j, only=j),
           lambda m, j, i: m.dE_dv(j), lambda m, j, i: -m.e[j] * m.f_prime(m.v[j]))),
    (r"\delta_j(n) = -\frac{\partial E(n)}{\partial v_j(n)} = e_j(n)\, f'(v_j(n))",
     all_of(equal(BOTH, lambda m, j, i: m.delta(j), lambda m, j, i: m.e[j] * m.f_prime(m.v[j])),
            local_gradient_is_the_oracles)),
    (r"\Delta w_{ji}(n) = \eta\, \delta_j(n)\, y_{hi}(n)",
     delta_is(W, BOTH, lambda m, j, i: ETA * m.delta(j) * m.y_h[i])),
    (r"w_{4i}(n+1) = w_{4i}(n) + \Delta w_{4i}(n) = w_{4i}(n) + \eta\, \big(d(n) - y(n)\big)\, f(v_i(n))",
     all_of(is_output(4), new_value(W, lambda m, j, i: m.w[4, i] + ETA * (m.d[4] - m.y[4]) * f(m.v[i])))),
]

RULE_1_INLINE = [
    # the path's last edge (a TA: rule 3 labels the same edge w_4i): the derivative with respect to the weight
    (r"\partial v_4 / \partial w_{4i} = y_{hi}",
     equal([SLIDES], lambda m, j, i: sp.diff(m.v[4], m.w[4, i]), lambda m, j, i: m.y_h[i])),
    (r"j = 4", is_output(4)),
    (r"n = 0, 1, 2, \dots", None),
    (r"\eta > 0", eta_is_positive),
    (r"E_j(n) = \tfrac12 e_j(n)^2", cost_is_half_the_squared_error),
    (r"E(n) = \sum_j E_j(n)", cost_is_the_sum_over_outputs),
    (r"\partial E(n) / \partial w_{ji}(n) = \partial E_j(n) / \partial w_{ji}(n)",
     equal([GENERAL], lambda m, j, i: sp.diff(m.E, m.w[j, i]), lambda m, j, i: sp.diff(m.E_j[j], m.w[j, i]))),
    (r"j = 4", is_output(4)),
    (r"n = 0", None),
    (r"f'(v_j) = 1", F_PRIME_1),
    (r"f'(v_j) = 1", F_PRIME_1),
    (r"e_j = d_j - y_j", error_is_target_minus_output),
    (r"f'(v_j) = 1", F_PRIME_1),
    (r"\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, f(v_i(n))",
     delta_is(W, BOTH, lambda m, j, i: ETA * m.e[j] * m.f_prime(m.v[j]) * f(m.v[i]))),
    (r"i = 1, 2, 3", hidden_are(1, 2, 3)),
    (r"n = 0", None),
    (r"\delta_4 = e", equal([SLIDES], lambda m, j, i: m.delta(4), lambda m, j, i: m.e[4])),
    (r"\Delta w_{4i} = \eta\, \delta_4\, y_{hi}", delta_is(W, [SLIDES], lambda m, j, i: ETA * m.delta(4) * m.y_h[i])),
    (r"\delta_4 = e\, f'(v_4)", equal(BOTH, lambda m, j, i: m.delta(4), lambda m, j, i: m.e[4] * m.f_prime(m.v[4]))),
    (r"\delta_j = e_j\, f'(v_j)", equal(BOTH, lambda m, j, i: m.delta(j), lambda m, j, i: m.e[j] * m.f_prime(m.v[j]))),
]

# The TeX typed in the page's exec blocks: displays ($$), inline statements ($), and aligned rows the block assembles.
RULE_1_CODE = [
    FACTOR_1,
    FACTOR_2,
    FACTOR_3,
    (r"\frac{\partial v_j(n)}{\partial w_{ji}(n)} = y_{hi}(n) = f(v_i(n))",
     equal(BOTH, factor(3), lambda m, j, i: m.y_h[i], lambda m, j, i: f(m.v[i]))),
    (r"E_j(n) = \tfrac12 e_j(n)^2", cost_is_half_the_squared_error),
    (r"e_j(n) = d_j(n) - y_j(n)", error_is_target_minus_output),
    (r"y_j = f(v_j)", output_is_f_of_its_field),
    (r"f(v_j) = v_j", linear_output),
    (r"v_j = \sum_i w_{ji} f(v_i) + b_j", output_field_is_the_sum),
    (r"\frac{\partial v_4}{\partial w_{4{{i}}}} &= f(v_{{i}}) = {{f_v}} {{rel}} {{y_hi}}",
     equal([SLIDES], lambda m, j, i: sp.diff(m.v[4], m.w[4, i]), lambda m, j, i: f(m.v[i]))),
    (r"\delta_4 = e\, f'(v_4) = {{e}} \cdot {{f_prime_v4}} {{rel}} {{delta_4}}",
     equal(BOTH, lambda m, j, i: m.delta(4), lambda m, j, i: m.e[4] * m.f_prime(m.v[4]))),
    (r"\Delta w_{4i}(0) = \eta\, \delta_4\, f(v_i)",
     delta_is(W, [SLIDES], lambda m, j, i: ETA * m.delta(4) * f(m.v[i]))),
    (r"w_{4i}(1) = w_{4i}(0) + \Delta w_{4i}(0)",
     new_values_are_the_oracles(W, lambda m, j, i: m.w[4, i] + m.step(m.w[4, i]))),
    (r"e = d - y {{cmp}} 0", equal([SLIDES], lambda m, j, i: m.e[4], lambda m, j, i: m.d[4] - m.y[4])),
    (r"f(v_i) = 0", zero_input_no_step),
    (r"\Delta w_{4{{i}}} = {{step}}", None),
]

# --------------------------------------------------------------------------------------------------------------------
# docs/rule-output-bias.md
# --------------------------------------------------------------------------------------------------------------------

RULE_2_DISPLAYS = [
    (r"b_j(n+1) = b_j(n) + \Delta b_j(n) = b_j(n) - \eta \frac{\partial E_j(n)}{\partial b_j(n)}", goal(B)),
    (r"\frac{\partial E_j(n)}{\partial b_j(n)} = \frac{\partial E_j(n)}{\partial e_j(n)}\, \frac{\partial e_j(n)}"
     r"{\partial y_j(n)}\, \frac{\partial y_j(n)}{\partial v_j(n)}\, \frac{\partial v_j(n)}{\partial b_j(n)}",
     chain(B)),
    (r"\frac{\partial v_j(n)}{\partial b_j(n)} = 1", equal(BOTH, factor(3, B), lambda m, j, i: sp.Integer(1))),
    (r"b_j(n+1) = b_j(n) - \eta\, e_j(n)\,(-1)\, f'(v_j(n))\,(1)",
     simplifying(B, BOTH, lambda m, j, i: m.b[j] - ETA * m.e[j] * (-1) * m.f_prime(m.v[j]) * 1)),
    (r"= b_j(n) - \eta\, e_j(n)\,(-1)\,(1)\,(1)",
     simplifying(B, [SLIDES], lambda m, j, i: m.b[j] - ETA * m.e[j] * (-1) * 1 * 1)),
    (r"= b_j(n) + \eta\, \big(d_j(n) - y_j(n)\big)",
     simplifying(B, [SLIDES], lambda m, j, i: m.b[j] + ETA * (m.d[j] - m.y[j]))),
    (r"\Delta b_j(n) = \eta\, \big(d_j(n) - y_j(n)\big) = \eta\, e_j(n)",
     delta_is(B, [SLIDES], lambda m, j, i: ETA * (m.d[j] - m.y[j]), lambda m, j, i: ETA * m.e[j])),
    (r"b_j(n+1) = b_j(n) + \eta\, \big(d_j(n) - y_j(n)\big)",
     new_value(B, lambda m, j, i: m.b[j] + ETA * (m.d[j] - m.y[j]))),
    (r"b_4(n+1) = b_4(n) + \Delta b_4(n) = b_4(n) + \eta\, \big(d(n) - y(n)\big)",
     all_of(is_output(4), new_value(B, lambda m, j, i: m.b[4] + ETA * (m.d[4] - m.y[4])))),
]

RULE_2_INLINE = [
    (r"j = 4", is_output(4)),
    (r"\eta > 0", eta_is_positive),
    (r"\Delta b_4 = \eta\, \delta_4 \cdot 1", delta_is(B, [SLIDES], lambda m, j, i: ETA * m.delta(4) * 1)),
    (r"\Delta b_j(n) = \eta\, \delta_j(n) \cdot 1", delta_is(B, BOTH, lambda m, j, i: ETA * m.delta(j) * 1)),
    (r"\delta_j = e_j\, f'(v_j)", equal(BOTH, lambda m, j, i: m.delta(j), lambda m, j, i: m.e[j] * m.f_prime(m.v[j]))),
    (r"\Delta b_j(n) = \eta\, e_j(n)\, f'(v_j(n))",
     delta_is(B, BOTH, lambda m, j, i: ETA * m.e[j] * m.f_prime(m.v[j]))),
    (r"f'(v_j) = 1", F_PRIME_1),
    (r"j = 4", is_output(4)),
    (r"n = 0", None),
    (r"\Delta b_4 = \eta\, e", delta_is(B, [SLIDES], lambda m, j, i: ETA * m.e[4])),
    # "rule (2) is its `db_output` line, `eta * delta_j * output_bias_input`: $\eta$ times the local gradient
    # $\delta_j = e_j\, f'(v_j)$ (the line `delta_j = ...`) times the bias's input 1"
    (r"\delta_j = e_j\, f'(v_j)", all_of(equal(BOTH, lambda m, j, i: m.delta(j),
                                                lambda m, j, i: m.e[j] * m.f_prime(m.v[j])),
                                          lambda: package_b_output_is_eta_delta_j())),  # defined below
]

RULE_2_CODE = [
    FACTOR_1,
    FACTOR_2,
    FACTOR_3,
    (r"\frac{\partial v_j(n)}{\partial b_j(n)} = 1", equal(BOTH, factor(3, B), lambda m, j, i: sp.Integer(1))),
    (r"E_j(n) = \tfrac12 e_j(n)^2", cost_is_half_the_squared_error),
    (r"e_j(n) = d_j(n) - y_j(n)", error_is_target_minus_output),
    (r"y_j = f(v_j) = v_j", all_of(output_is_f_of_its_field, linear_output)),
    (r"v_j = \sum_i w_{ji} f(v_i) + b_j", output_field_is_the_sum),
]

# --- what the pages' sentences say of their inline expressions ------------------------------------------------------


def minus_signs_cancel(kind: str) -> Callable[[], bool]:
    """The factor -1 of ∂e_j/∂y_j and the minus sign of gradient descent cancel: ∂e_j/∂y_j = -1, and -η times the
    chain's product is +η e_j f'(v_j) ∂v_j/∂θ."""
    return all_of(equal(BOTH, factor(1, kind), lambda m, j, i: sp.Integer(-1)),
                  equal(BOTH, lambda m, j, i: -ETA * sp.Mul(*m.factors(j, m.param(kind, j, i))),
                        lambda m, j, i: ETA * m.e[j] * m.f_prime(m.v[j]) * factor(3, kind)(m, j, i)))


def output_steps_move_y(with_bias: bool, fraction: Callable[[Model], sp.Expr]) -> Callable[[], bool]:
    """Rule 1's steps of w_4i (and rule 2's of b_4, ``with_bias``), the hidden outputs as they are, change the linear
    output y = v_4 by ``fraction`` times e: v_4 with each moved parameter θ replaced by θ + Δθ, minus v_4."""
    def check() -> bool:
        m = SLIDES
        moved = [m.w[4, i] for i in (1, 2, 3)] + ([m.b[4]] if with_bias else [])
        change = m.v[4].xreplace({theta: theta + m.step(theta) for theta in moved}) - m.v[4]
        return same(change, fraction(m) * m.e[4])
    return check


def two_tansig_outputs():
    """A random 2-3-2 network of the slides with tansig outputs (so f'(v_j) is not 1): the example dict, the package's
    forward pass of it, and the oracle's iteration (plain math)."""
    rng = np.random.default_rng(29)
    ex = {"w_hidden": rng.uniform(-1.5, 1.5, (3, 2)).tolist(), "b_hidden": rng.uniform(-1, 1, 3).tolist(),
          "w_output": rng.uniform(-1.5, 1.5, (2, 3)).tolist(), "b_output": rng.uniform(-1, 1, 2).tolist(),
          "x": rng.uniform(-1.5, 1.5, 2).tolist(), "d": rng.uniform(-1, 1, 2).tolist(), "eta": 0.3,
          "output": "tansig"}
    net = backprop.Network(*(np.array(ex[key]) for key in ("w_hidden", "b_hidden", "w_output", "b_output")),
                           output="tansig")
    return ex, backprop.forward(net, np.array(ex["x"])), oracle.iteration(ex)


def in_the_package_source(line: str) -> bool:
    """The rule pages quote a line of ``rules._from_factors``: it is there."""
    import inspect

    return norm_tex(line) in norm_tex(inspect.getsource(rules._from_factors))


def package_w_output_is_the_outer_product() -> bool:
    """rules.delta_w_output is η times the outer product of the local gradients δ_j (the oracle's e_j f'(v_j)) with
    the hidden outputs y_hi (the oracle's): entry (j, i) is η δ_j y_hi, on two tansig outputs."""
    ex, fp, it = two_tansig_outputs()
    got = rules.delta_w_output(fp, ex["d"], ex["eta"])
    want = [[ex["eta"] * it["delta_output"][j] * it["y_hidden"][i] for i in range(3)] for j in range(2)]
    deltas_are_e_f_prime = all(close(it["delta_output"][j], it["e_list"][j] * it["fp_output"][j]) for j in (0, 1))
    return (got.shape == (2, 3) and deltas_are_e_f_prime and all(close(a, b) for a, b in zip(got.ravel(),
                                                                                               np.ravel(want))))


def package_b_output_is_eta_delta_j() -> bool:
    """rules.delta_b_output is η δ_j with δ_j = e_j f'(v_j) (times the bias's input 1), the oracle's e_j and f'(v_j),
    on two tansig outputs; and the page's quoted lines are the package's."""
    ex, fp, it = two_tansig_outputs()
    got = rules.delta_b_output(fp, ex["d"], ex["eta"])
    want = [ex["eta"] * it["e_list"][j] * it["fp_output"][j] for j in (0, 1)]
    return (in_the_package_source("db_output=eta * delta_j * output_bias_input,")
            and in_the_package_source("delta_j = e * f_prime_j") and all(
                close(a, b) for a, b in zip(got, want, strict=True)))


def minus_eta_slope_is_the_bias_step() -> bool:
    """-η times the slope of E in b_4, a central difference of the package's cost with b_4 nudged by ±h, is the rule's
    Δb_4(0) on the worked example, up to the difference's error."""
    net, h = examples.NET, 1e-5

    def cost_at(b4: float) -> float:
        moved = backprop.Network(net.w_hidden, net.b_hidden, net.w_output, np.array([b4]), hidden=net.hidden,
                                 output=net.output)
        return backprop.cost(backprop.forward(moved, examples.X), examples.D)

    b4 = float(net.b_output[0])
    slope = (cost_at(b4 + h) - cost_at(b4 - h)) / (2 * h)
    rule = rules.delta_b_output(backprop.forward(net, examples.X), examples.D, examples.ETA)[0]
    return math.isclose(-examples.ETA * slope, rule, rel_tol=1e-6, abs_tol=1e-12)


def first_factors_are_minus_delta(kind: str, product: Callable[[list], sp.Expr]) -> Callable[[], bool]:
    """``product`` of the chain's four factors (∂E_j/∂e_j, ∂e_j/∂y_j, ∂y_j/∂v_j, ∂v_j/∂θ) is -δ_j times what it says."""
    return equal(BOTH, lambda m, j, i: product(m.factors(j, m.param(kind, j, i))), lambda m, j, i: -m.delta(j))


SQUARES = lambda m: sum(m.y_h[i] ** 2 for i in (1, 2, 3))  # noqa: E731  Σ_i y_hi², the hidden outputs as they are
MINUS_SIGNS_CANCEL = minus_signs_cancel(W)

# Rule 1's inline expressions, each with what its sentence says.
RULE_1_EXPRESSIONS = [
    (r"-1", MINUS_SIGNS_CANCEL),  # "The factor $-1$ of $\partial e_j / \partial y_j$ and the minus sign of gradient
    (r"\partial e_j / \partial y_j", MINUS_SIGNS_CANCEL),  # descent cancel"
]

# "the outer product of the local gradients δ_j = e_j f'(v_j) with the hidden outputs y_hi": a bare name, tied to its
# sentence (an edit of the name, $x_k$ for $y_{hi}$, fails test_the_page_says_what_rule_1s_code_multiplies).
RULE_1_CODE_SENTENCE = (r"Rule (1) is its `dw_output` line, `eta * np.outer(delta_j, y_hidden)`: $\eta$ times the "
                        r"outer product of the local gradients $\delta_j = e_j\, f'(v_j)$ (the line `delta_j = ...`) "
                        r"with the hidden outputs $y_{hi}$, one $\Delta w_{ji}$ per pair $(j, i)$.")

RULE_2_EXPRESSIONS = [
    # "The first three factors are rule 1's: together they are $-\delta_j(n)$, minus the local gradient of the output
    # neuron ($\delta_4$ in the slides' numbering)"
    (r"-\delta_j(n)", first_factors_are_minus_delta(B, lambda fs: sp.Mul(*fs[:3]))),
    # "The product of the factors is $-\delta_4 \cdot 1$"
    (r"-\delta_4 \cdot 1", all_of(first_factors_are_minus_delta(B, lambda fs: sp.Mul(*fs)),
                                  equal(BOTH, factor(3, B), lambda m, j, i: sp.Integer(1)))),
    # "the slides' $\eta\, e_j(n)$ uses $f'(v_j) = 1$"
    (r"\eta\, e_j(n)", all_of(delta_is(B, [SLIDES], lambda m, j, i: ETA * m.e[j]), F_PRIME_1)),
    # "with the output weights' steps of rule 1, which add $\eta \sum_i y_{hi}^2$,
    (r"\eta \sum_i y_{hi}^2", output_steps_move_y(False, lambda m: ETA * SQUARES(m))),
    # the fraction is $\eta\,\big(1 + \sum_i y_{hi}^2\big)$ (with the hidden outputs as they are)"
    (r"\eta\,\big(1 + \sum_i y_{hi}^2\big)", output_steps_move_y(True, lambda m: ETA * (1 + SQUARES(m)))),
    # "nudge $b_4$ by $\pm h$, recompute $E$, and $-\eta$ times the slope must equal the rule's $\Delta b_4(0)$"
    (r"-\eta", minus_eta_slope_is_the_bias_step),
]

# --------------------------------------------------------------------------------------------------------------------
# docs/snippets/rules-definitions.md (included by both pages, and by rules 3 and 4)
# --------------------------------------------------------------------------------------------------------------------

DEFINITIONS_DISPLAYS = [
    (r"\begin{aligned} E_j(n) &= \tfrac{1}{2} e_j(n)^2 \\ e_j(n) &= d_j(n) - y_j(n) \\ y_j &= f(v_j) = v_j \\ "
     r"v_j &= \sum_i w_{ji}\, y_{hi} + b_j = \sum_i w_{ji}\, f(v_i) + b_j \\ y_{hi} &= f(v_i) = \frac{1}{1 + e^{-v_i}}"
     r" \\ v_i &= \sum_k w_{ik}\, x_k + b_i \end{aligned}", definitions_are_the_forward_pass),
]

# Statements that name something rather than state a fact the network could contradict.
NOT_FACTS = {
    r"n = 0, 1, 2, \dots": "the numbering of the samples",
    r"n = 0": "the time of the worked example: its weights as the example file gives them",
    r"\Delta w_{4{{i}}} = {{step}}": "a number the block computes (test_rule_pages: tiny steps)",
}

PAGES = {  # page: (displays, inline statements, TeX in exec blocks, inline expressions)
    "rule-output-weights": (RULE_1_DISPLAYS, RULE_1_INLINE, RULE_1_CODE, RULE_1_EXPRESSIONS),
    "rule-output-bias": (RULE_2_DISPLAYS, RULE_2_INLINE, RULE_2_CODE, RULE_2_EXPRESSIONS),
    "snippets/rules-definitions": (DEFINITIONS_DISPLAYS, [], [], []),
}


def code_tex(page: str) -> list[str]:
    """The TeX typed in the page's exec blocks, in order: per block its displays ($$ ... $$), then its inline
    statements ($ ... $ with a relation), then the rows of an aligned display it assembles
    (``show.tex(r"... &= ...")``)."""
    return [tex for displays, inline, rows in exec_block_math(page) for tex in displays + inline + rows]


def entries(kind: int):
    """The listed equations of one kind (0 displays, 1 inline, 2 exec blocks, 3 inline expressions), each with an id
    naming it."""
    return [pytest.param(tex, check, id=f"{page}-{'dice'[kind]}{n}") for page, tables in PAGES.items()
            for n, (tex, check) in enumerate(tables[kind])]


# --------------------------------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_the_page_displays_exactly_the_listed_equations(page):
    assert markdown_displays(page) == [norm_tex(tex) for tex, _ in PAGES[page][0]]


@pytest.mark.parametrize("page", PAGES)
def test_the_page_states_exactly_the_listed_inline_equations(page):
    assert markdown_inline_statements(page) == [norm_tex(tex) for tex, _ in PAGES[page][1]]


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_exec_blocks_type_exactly_the_listed_tex(page):
    assert code_tex(page) == [norm_tex(tex) for tex, _ in PAGES[page][2]]


@pytest.mark.parametrize("page", PAGES)
def test_the_page_types_exactly_the_listed_expressions(page):
    assert markdown_inline_expressions(page) == [norm_tex(tex) for tex, _ in PAGES[page][3]]


def test_the_page_says_what_rule_1s_code_multiplies():
    """The sentence naming the outer product's factors is on the page as typed, and it is what the package does."""
    assert markdown_says("rule-output-weights", RULE_1_CODE_SENTENCE)
    assert in_the_package_source("dw_output=eta * np.outer(delta_j, y_hidden),")
    assert in_the_package_source("delta_j = e * f_prime_j")
    assert package_w_output_is_the_outer_product()


@pytest.mark.parametrize(("tex", "check"), entries(0) + entries(1) + entries(2) + entries(3))
def test_each_listed_equation_holds(tex, check):
    if check is None:
        assert tex in NOT_FACTS, f"{tex!r} has no check and no reason"
    else:
        assert check(), f"{tex!r} does not hold on the slides' network"


# The step rule 2's page shows for the worked example is typed in backprop/readings_rule_2.py (`rule_2_step`), not in
# the page: its rows, each with a check of its symbols (an equation audit found it outside every listing).
READINGS_RULE_2_STEP = [
    (r"\Delta b_4(0) &= \eta\, \delta_4 = \eta\, \big(d - y\big) = {{eta:given}} \cdot ({{d:given}} - {{y}}) {{rel}} "
     r"{{db}}",
     delta_is(B, [SLIDES], lambda m, j, i: ETA * m.delta(4), lambda m, j, i: ETA * (m.d[4] - m.y[4]))),
    (r"b_4(1) &= b_4(0) + \Delta b_4(0) = {{b_old:given}} + {{db}} {{rel_sum}} {{b_new}}",
     new_values_are_the_oracles(B, lambda m, j, i: m.b[4] + m.step(m.b[4]))),
]


def test_the_rule_2_step_the_readings_module_types_is_listed_and_holds():
    aligned = re.search(r"\\begin\{aligned\}(.*?)\\end\{aligned\}", readings_rule_2._RULE_2_STEP, re.S)[1]
    rows = [norm_tex(row) for row in aligned.split(r"\\") if row.strip()]
    assert rows == [norm_tex(tex) for tex, _ in READINGS_RULE_2_STEP]
    for tex, check in READINGS_RULE_2_STEP:
        assert check(), f"{tex!r} does not hold on the slides' network"


def test_not_facts_are_few_and_all_listed():
    listed = [tex for tables in PAGES.values() for table in tables for tex, check in table]
    unchecked = [tex for tables in PAGES.values() for table in tables for tex, check in table if check is None]
    assert set(NOT_FACTS) == set(unchecked) and all(tex in listed for tex in NOT_FACTS)
    assert len(unchecked) * 5 < len(listed)  # most entries are real checks


def test_the_checks_can_fail():
    """Wrong equations (the kinds of edit the audit made) fail the same checks."""
    # the gradient step with + η: not gradient descent
    assert not simplifying(W, BOTH, lambda m, j, i: m.w[j, i] + ETA * sp.diff(m.E_j[j], m.w[j, i]))()
    # the index swapped: ∂E_j/∂w_ij (w_14 is no weight of the network) is not the chain's product
    assert not equal(BOTH, lambda m, j, i: sp.diff(m.E_j[j], sp.Symbol(f"w_{i}{j}")),
                     lambda m, j, i: sp.Mul(*m.factors(j, m.w[j, i])))()
    # y_hi = f'(v_i) instead of f(v_i)
    assert not equal(BOTH, factor(3), lambda m, j, i: sp.diff(logsig(T), T).subs(T, m.v[i]))()
    # (y - d) for (d - y), δ_4 = e f'(v_i), ∂v_j/∂b_j = 0, b_4(n) - η e
    assert not delta_is(W, [SLIDES], lambda m, j, i: ETA * (m.y[j] - m.d[j]) * f(m.v[i]))()
    assert not equal([GENERAL], lambda m, j, i: m.delta(4), lambda m, j, i: m.e[4] * m.f_prime(m.v[i]))()
    assert not equal(BOTH, factor(3, B), lambda m, j, i: sp.Integer(0))()
    assert not new_value(B, lambda m, j, i: m.b[4] - ETA * (m.d[4] - m.y[4]))()
    # against the oracle: a new weight with the step's sign turned; another neuron's label
    assert not new_values_are_the_oracles(W, lambda m, j, i: m.w[4, i] - m.step(m.w[4, i]))()
    assert not is_output(5)() and not hidden_are(0, 1, 2)()
    # the inline expressions' checks: the fraction without the square (the audit's edit) or with its sign turned, the
    # product of the first three factors without f'(v_j), the minus signs made to add, a line the package lacks
    assert not output_steps_move_y(True, lambda m: ETA * (1 + sum(m.y_h[i] for i in (1, 2, 3))))()
    assert not output_steps_move_y(False, lambda m: -ETA * SQUARES(m))()
    assert not first_factors_are_minus_delta(B, lambda fs: fs[0] * fs[1])()
    assert not equal(BOTH, lambda m, j, i: -ETA * sp.Mul(*m.factors(j, m.w[j, i])),
                     lambda m, j, i: -ETA * m.e[j] * m.f_prime(m.v[j]) * m.y_h[i])()
    assert not in_the_package_source("db_output=eta * e * 1.0,")
