"""Rules 3 and 4 (docs/rule-hidden-weights.md, docs/rule-hidden-biases.md): every equation the pages type, listed
and checked.

A mutation audit of the typed math found that only each page's final rule was tied to a check
(test_rule_pages.FINAL_RULES): a sign flipped in the gradient-descent step, an index swapped in a chain-rule factor
or ``= 1`` made ``= 0`` went unnoticed. Here, per page, in page order and as typed, are listed: its display equations
(``markdown_displays``), its inline statements (``markdown_inline_statements``: ``$...$`` with a relation), and the
same two kinds in the source of its exec blocks (rule 3 derives its six factors in one; ``block_tex``). The page must
have exactly these, so an edit of any of them fails; and each is paired with a check of what it states:

* derived facts: a sympy identity on the slides' network written here from the slides' definitions, never from the
  page's TeX: inputs x_1, x_2, three hidden neurons (logsig, as the pages say, or any activation ``h`` where a line
  is general), one output 4 (linear, or any activation ``g`` where a line writes f'(v_j)), E = ½ Σ_j e_j², and
  where a line sums over the outputs a network with two outputs 4 and 5;
* notation and definitions (``$j = 4$``, ``$\\eta > 0$``, ``$y_{hi} = f(v_i)$``): a check of what they name
  (backprop.labels' numbering, the package's forward pass, error, cost and step, its refusal of η ≤ 0);
* NOT_FACTS: a statement of a value the block fills in for the worked example alone (``$w_{4{{i}}}(0) = ...$``),
  checked on the rendered pages by test_rule_pages.

The pages' inline expressions (``markdown_inline_expressions``: formulas with no relation of their own that the prose
says something of, "the bracket $\\sum_j e_j f'(v_j) w_{ji}(n)$ ... times $f'(v_i)$ it is $\\delta_i$") are listed
too, each with a check of what its sentence says: the audit's $f'(v_i)$ for $f'(v_j)$ in that bracket went unseen.

test_the_checks_can_fail runs the same checks on wrong equations (a sign flipped, an index swapped, a factor set to
0 or dropped) and asserts that they fail.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable
from functools import cache

import numpy as np
import pytest
import sympy as sp

import backprop
from backprop import examples, labels, rules
from backprop.train import step as train_step
from tests.support import oracle
from tests.support.pages import (
    exec_block_math,
    markdown_displays,
    markdown_inline_expressions,
    markdown_inline_statements,
    norm_tex,
)
from tests.support.symbolic import ETA_S, identical

ETA = ETA_S  # the learning rate, a positive symbol
HIDDEN, INPUTS = (1, 2, 3), (1, 2)
W_IK = [(i, k) for i in HIDDEN for k in INPUTS]  # the six hidden weights' indices
B_I = [(i,) for i in HIDDEN]  # the three hidden biases'


def logsig(u):
    return 1 / (1 + sp.exp(-u))


def purelin(u):
    return u


g = sp.Function("g")  # any output activation
h = sp.Function("h")  # any hidden activation


class Net:
    """The slides' network in sympy: inputs x_k, hidden neurons i = 1, 2, 3 with activation ``hidden``, output neurons
    j = 4, 5, ... with activation ``out``, from the slides' definitions: v_i = Σ_k w_ik x_k + b_i, y_hi = f(v_i),
    v_j = Σ_i w_ji y_hi + b_j, y_j = f(v_j), e_j = d_j - y_j, E = Σ_j ½ e_j²."""

    def __init__(self, n_out: int = 1, out: Callable = purelin, hidden: Callable = logsig):
        def sym(name: str) -> sp.Symbol:
            return sp.Symbol(name, real=True)

        self.out_f, self.hidden_f = out, hidden
        self.outs = tuple(range(4, 4 + n_out))
        self.x = {k: sym(f"x_{k}") for k in INPUTS}
        self.w = {(i, k): sym(f"w_{i}{k}") for i in HIDDEN for k in INPUTS}
        self.w |= {(j, i): sym(f"w_{j}{i}") for j in self.outs for i in HIDDEN}
        self.b = {n: sym(f"b_{n}") for n in (*HIDDEN, *self.outs)}
        self.d = {j: sym(f"d_{j}") for j in self.outs}
        self.v = {i: sum(self.w[i, k] * self.x[k] for k in INPUTS) + self.b[i] for i in HIDDEN}
        self.y_h = {i: hidden(self.v[i]) for i in HIDDEN}
        self.v |= {j: self.output_field(j, self.y_h) for j in self.outs}
        self.y = {j: out(self.v[j]) for j in self.outs}
        self.e = {j: self.d[j] - self.y[j] for j in self.outs}
        self.E = self.cost(self.y)

    def output_field(self, j: int, y_h: dict) -> sp.Expr:
        return sum(self.w[j, i] * y_h[i] for i in HIDDEN) + self.b[j]

    def cost(self, y: dict) -> sp.Expr:
        return sp.Rational(1, 2) * sum((self.d[j] - y[j]) ** 2 for j in self.outs)

    def grad(self, theta: sp.Symbol) -> sp.Expr:
        """∂E/∂θ, sympy's derivative of the whole cost."""
        return sp.diff(self.E, theta)

    def f_prime(self, n: int) -> sp.Expr:
        """f'(v_n): the derivative of neuron n's activation, at its field."""
        t = sp.Symbol("t", real=True)
        return sp.diff((self.hidden_f if n in HIDDEN else self.out_f)(t), t).subs(t, self.v[n])

    def delta(self, n: int) -> sp.Expr:
        """The local gradient δ_n = -∂E/∂v_n: E written with neuron n's field as a variable s, differentiated in s."""
        s = sp.Symbol("s", real=True)
        if n in HIDDEN:
            y_h = {**self.y_h, n: self.hidden_f(s)}
            y = {j: self.out_f(self.output_field(j, y_h)) for j in self.outs}
        else:
            y = {**self.y, n: self.out_f(s)}
        return -sp.diff(self.cost(y), s).subs(s, self.v[n])

    def slope_in_hidden_output(self, i: int) -> sp.Expr:
        """∂E/∂y_hi: E written with y_hi as a variable Y, differentiated in Y."""
        Y = sp.Symbol("Y", real=True)
        y = {j: self.out_f(self.output_field(j, {**self.y_h, i: Y})) for j in self.outs}
        return sp.diff(self.cost(y), Y).subs(Y, self.y_h[i])


@cache
def nets(name: str) -> Net:
    return {"slides": lambda: Net(),  # logsig hidden, one linear output 4
            "general": lambda: Net(out=g, hidden=h),  # one output, any activations
            "two": lambda: Net(n_out=2, out=g, hidden=h),  # two outputs 4, 5: a sum over j has two terms
            "linear-any-hidden": lambda: Net(hidden=h),  # the slides' linear output, any hidden activation
            }[name]()


SLIDES, GENERAL, ANY = ("slides",), ("slides", "general"), ("slides", "general", "two")


_u = sp.Symbol("u", real=True)
#: Functions put for ``g`` and ``h`` where a difference is first tried at a point: if it is not 0 there, the two
#: sides differ, which sympy's simplify is slow to give up on.
_PROBE_FUNCTIONS = {g: sp.Lambda(_u, sp.sin(_u) + _u**2 / 3), h: sp.Lambda(_u, sp.tanh(_u) + _u**3 / 5)}


def differs_at_a_point(diff: sp.Expr) -> bool:
    """Whether ``diff`` is clearly not 0 at one random point (any g and h made concrete functions)."""
    concrete = diff.subs(_PROBE_FUNCTIONS).doit()
    rng = np.random.default_rng(11)
    point = {s: sp.Float(rng.uniform(-1.5, 1.5)) for s in sorted(concrete.free_symbols, key=str)}
    value = complex(concrete.xreplace(point).evalf(30))
    return abs(value) > 1e-12


def same(a, b) -> bool:
    """a equals b: as values where they are not sympy's (a label's list, a decided sign), else sympy proves it."""
    if not all(isinstance(s, sp.Basic | int | float) and not isinstance(s, bool) for s in (a, b)):
        return a == b
    return identical(a, b, differs=differs_at_a_point)


def holds(groups: list[tuple]) -> bool:
    """Every group's members are equal (sympy: their difference simplifies to 0)."""
    return all(same(a, b) for group in groups for a, b in itertools.pairwise(group))


def on(which: tuple[str, ...], indices: list[tuple], *sides: Callable) -> list[tuple]:
    """The groups a statement says are equal: each side, a function of (net, *index), at each index on each network."""
    return [tuple(side(nets(name), *idx) for side in sides) for name in which for idx in indices]


# --- The parameters and the sides every update states --------------------------------------------------------------

def w_ik(net: Net, i: int, k: int) -> sp.Symbol:
    return net.w[i, k]


def b_i(net: Net, i: int) -> sp.Symbol:
    return net.b[i]


def minus_eta_grad(param: Callable) -> Callable:
    """Δθ = -η ∂E/∂θ, what each update is to equal."""
    return lambda net, *idx: -ETA * net.grad(param(net, *idx))


def gradient_step(param: Callable) -> Callable:
    """θ(n+1) = θ(n) - η ∂E/∂θ(n)."""
    return lambda net, *idx: param(net, *idx) - ETA * net.grad(param(net, *idx))


def f(net: Net, i: int) -> sp.Expr:
    """f(v_i), the hidden activation at v_i."""
    return net.hidden_f(net.v[i])


def e_4(net: Net) -> sp.Expr:
    return net.d[4] - net.y[4]


def descends(param: Callable, step: Callable, indices: list[tuple]) -> list[tuple]:
    """θ(n+1) = θ(n) + Δθ with Δθ = ``step`` is a step of gradient descent: moving θ by t Δθ changes E at the rate
    -η (∂E/∂θ)² at t = 0, which is never positive for η > 0 (sympy decides the sign)."""
    t, D = sp.symbols("t D", real=True)
    groups = []
    for idx in indices:
        net = nets("slides")
        theta = param(net, *idx)
        rate = sp.diff(net.E.subs(theta, theta + t * D), t).subs(t, 0).subs(D, step(net, *idx))
        groups += [(rate, -ETA * net.grad(theta) ** 2), ((-ETA * net.grad(theta) ** 2).is_nonpositive, True)]
    return groups


def output_factors(net: Net, i: int, j: int) -> list[sp.Expr]:
    """The chain's first four factors, each from its own definition: ∂E_j/∂e_j (E_j = ½ e_j²), ∂e_j/∂y_j
    (e_j = d_j - y_j), ∂y_j/∂v_j (y_j = f(v_j)), ∂v_j/∂y_hi (v_j = Σ_i w_ji y_hi + b_j)."""
    eps, y_j = sp.symbols("epsilon upsilon", real=True)
    Y = {n: sp.Symbol(f"Y_{n}", real=True) for n in HIDDEN}
    return [sp.diff(sp.Rational(1, 2) * eps**2, eps).subs(eps, net.e[j]), sp.diff(net.d[j] - y_j, y_j),
            net.f_prime(j), sp.diff(net.output_field(j, Y), Y[i])]


def chain(param: Callable) -> Callable:
    """The product of the six factors, the last two ∂y_hi/∂v_i (y_hi = f(v_i)) and ∂v_i/∂θ (v_i as defined)."""
    def product(net: Net, i: int, *k: int) -> sp.Expr:
        (j,) = net.outs
        return sp.Mul(*output_factors(net, i, j), net.f_prime(i), sp.diff(net.v[i], param(net, i, *k)))
    return product


def eta_positive() -> list[tuple]:
    """Why η > 0: a step -η ∂E/∂θ changes E at the rate -η (∂E/∂θ)², not positive only for η ≥ 0; and the package
    refuses η ≤ 0."""
    G = sp.Symbol("G", real=True)
    negative = sp.Symbol("eta_neg", negative=True)
    fp = backprop.forward(examples.NET, examples.X)

    def refused(eta: float) -> bool:
        try:
            rules.delta_w_hidden(fp, examples.D, eta)
        except ValueError:
            return True
        return False

    return [((-ETA * G**2).is_nonpositive, True), ((-negative * G**2).is_nonnegative, True),
            (refused(0.0), True), (refused(-0.5), True), (refused(0.5), False)]


def one_output_is_4() -> list[tuple]:
    """The slides number the neurons through the layers: hidden 1, 2, 3, then the one output 4."""
    return [(list(labels.hidden_neurons(3)), [1, 2, 3]), (list(labels.output_neurons(3)), [4])]


def random_network(n_out: int) -> tuple[backprop.Network, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    net = backprop.Network.random(2, 3, n_out, seed=7, hidden="logsig", output="purelin")
    return net, rng.uniform(-1.5, 1.5, 2), rng.uniform(-1, 1, n_out)


def cost_sums_the_outputs(n_out: int) -> Callable:
    """E = Σ_j E_j, E_j = ½ e_j²: the package's cost, on a network with ``n_out`` outputs (one: E = E_4)."""
    def check() -> list[tuple]:
        net, x, d = random_network(n_out)
        fp = backprop.forward(net, x)
        e = [d[j] - fp.y_output[j] for j in range(n_out)]
        return [(len(fp.y_output), n_out),
                (bool(np.isclose(backprop.cost(fp, d), sum(0.5 * e_j**2 for e_j in e), rtol=1e-14)), True)]
    return check


def purelin_slope() -> list[tuple]:
    """The slides' output is linear, y_j = f(v_j) = v_j: f'(v_j) = 1 (sympy, and the package's purelin)."""
    v = sp.Symbol("v", real=True)
    package = backprop.activations.get("purelin")
    return [(sp.diff(purelin(v), v), 1),
            (bool(np.all(package.derivative(np.array([-2.0, 0.0, 3.5])) == 1)), True)]


def logsig_slope() -> list[tuple]:
    v = sp.Symbol("v", real=True)
    return [(sp.diff(logsig(v), v), logsig(v) * (1 - logsig(v)))]


# f'(v) written with the field, as the page writes it for a neuron whose written y keeps too few digits of f'(v):
# each form typed here as TeX and as sympy, for each hidden activation.
SLOPE_FROM_THE_FIELD = {"logsig": (r"\frac{e^{-{{v}}}}{\big(1 + e^{-{{v}}}\big)^2}",
                                   lambda v: sp.exp(-v) / (1 + sp.exp(-v)) ** 2),
                        "tansig": (r"\frac{1}{\cosh^2 {{v}}}", lambda v: 1 / sp.cosh(v) ** 2)}


def slope_from_the_field() -> list[tuple]:
    """The form of f'(v) with v that the page writes (show.ACTIVATION_TEX's "f_prime_v") is the one typed here, and
    is the derivative of the activation's definition."""
    v = sp.Symbol("v", real=True)
    definition = {"logsig": logsig(v), "tansig": sp.tanh(v)}
    pairs = []
    for name, (tex, form) in SLOPE_FROM_THE_FIELD.items():
        pairs.append((backprop.show.ACTIVATION_TEX[name]["f_prime_v"], tex))
        pairs.append((sp.simplify((sp.diff(definition[name], v) - form(v)).rewrite(sp.exp)), 0))
    return pairs


def worked_example_at_n_0() -> list[tuple]:
    """n = 0 names the worked example's first iteration: the network the pages compute with is the example file's as
    given, before any update."""
    ex = oracle.load_example()
    net = examples.NET
    return [(net.w_hidden.tolist(), ex["w_hidden"]), (net.b_hidden.tolist(), ex["b_hidden"]),
            (net.w_output.tolist(), ex["w_output"]), (net.b_output.tolist(), ex["b_output"])]


def bias_moves_without_inputs() -> list[tuple]:
    """With x = (0, 0) every Δw_ik = -η ∂E/∂w_ik is 0, while Δb_i = η δ_i, 0 only where δ_i is (e.g. w_4i = 0)."""
    net = nets("slides")
    zero = {net.x[1]: 0, net.x[2]: 0}
    groups = [((-ETA * net.grad(net.w[i, k])).subs(zero), 0) for i, k in W_IK]
    for i in HIDDEN:
        db = -ETA * net.grad(net.b[i])
        groups += [(db.subs(zero), (ETA * net.delta(i)).subs(zero)), (db.subs({net.w[4, i]: 0}), 0),
                   ((ETA * net.delta(i)).subs({net.w[4, i]: 0}), 0)]
    return groups


def weight_step_sign(x_sign: int, same_sign: bool) -> Callable:
    """Δw_ik = Δb_i x_k has the sign of Δb_i (``same_sign``) or the opposite one where x_k has the sign ``x_sign``:
    sympy decides the sign of Δw_ik / Δb_i with x_k a positive or a negative symbol."""
    def check() -> list[tuple]:
        net, p = nets("slides"), sp.Symbol("p", positive=True)
        groups = []
        for i, k in W_IK:
            ratio = sp.simplify(net.grad(net.w[i, k]) / net.grad(net.b[i])).subs(net.x[k], x_sign * p)
            groups.append(((ratio.is_positive if same_sign else ratio.is_negative), True))
        return groups
    return check


def forward_defines(layer: str) -> Callable:
    """The package's forward pass computes the slides' definitions (numpy, here): v_i = Σ_k w_ik x_k + b_i
    ("v_hidden"), y_hi = f(v_i) with the logsig ("y_hidden"), v_j = Σ_i w_ji y_hi + b_j ("v_output"), y_j = f(v_j)
    with the linear output, y_j = v_j ("y_output")."""
    def check() -> list[tuple]:
        net, x, _ = random_network(1)
        fp = backprop.forward(net, x)
        v_h = net.w_hidden @ x + net.b_hidden
        y_h = 1 / (1 + np.exp(-v_h))
        v_o = net.w_output @ y_h + net.b_output
        want = {"v_hidden": v_h, "y_hidden": y_h, "v_output": v_o, "y_output": v_o}[layer]
        return [(bool(np.allclose(getattr(fp, layer), want, rtol=1e-14)), True)]
    return check


def error_is_d_minus_y() -> list[tuple]:
    net, x, d = random_network(2)
    fp = backprop.forward(net, x)
    return [(bool(np.allclose(rules.error(fp, d), d - fp.y_output, rtol=1e-14)), True)]


def numbered(names: range, listed: list[int]) -> Callable:
    return lambda: [(list(names), listed)]


def step_applies(field: str, rule: Callable) -> Callable:
    """θ(1) = θ(0) + Δθ(0): the package's iteration (backprop.train.step) adds to each weight the update the slides'
    formulas give, in plain ``math`` (the oracle's, not the package's rule); ``rule`` is the package's function for
    that update, whose update the step must also be."""
    def check() -> list[tuple]:
        net, x, d = random_network(1)
        new = train_step(net, x, d, 0.4)
        ex = {"w_hidden": net.w_hidden.tolist(), "b_hidden": net.b_hidden.tolist(), "w_output": net.w_output.tolist(),
              "b_output": net.b_output.tolist(), "hidden": net.hidden, "output": net.output, "x": x.tolist(),
              "d": d.tolist(), "eta": 0.4}
        step = np.array(oracle.iteration(ex)["dw_hidden" if field == "w_hidden" else "db_hidden"])
        oracle_new = getattr(net, field) + step
        return [(bool(np.allclose(getattr(new, field), oracle_new, rtol=1e-13, atol=1e-15)), True),
                (bool(np.allclose(rule(backprop.forward(net, x), d, 0.4), step, rtol=1e-13, atol=1e-15)), True)]
    return check


def input_zero_stills_its_weights() -> list[tuple]:
    """With x_k = 0, ∂E/∂w_ik = 0 for every hidden neuron i: a weight on that input does not move."""
    net = nets("slides")
    return [(net.grad(net.w[i, k]).subs(net.x[k], 0), 0) for i, k in W_IK]


def input_one_makes_weight_step_bias_step() -> list[tuple]:
    """With x_k = 1, Δw_ik = Δb_i for every hidden neuron i."""
    net = nets("slides")
    return [(net.grad(net.w[i, k]).subs(net.x[k], 1), net.grad(net.b[i]).subs(net.x[k], 1)) for i, k in W_IK]


def weight_steps_in_ratio_of_inputs() -> list[tuple]:
    """Δw_i2 / Δw_i1 = x_2 / x_1: the two weights of a hidden neuron share every factor but the input."""
    net = nets("slides")
    return [(sp.simplify(net.grad(net.w[i, 2]) / net.grad(net.w[i, 1])), net.x[2] / net.x[1]) for i in HIDDEN]


# --- Rule 3: docs/rule-hidden-weights.md ---------------------------------------------------------------------------

RULE_3_DISPLAYS = [
    # The goal: one step of gradient descent.
    (r"w_{ik}(n+1) = w_{ik}(n) + \Delta w_{ik}(n) = w_{ik}(n) - \eta \frac{\partial E(n)}{\partial w_{ik}(n)}",
     lambda: descends(w_ik, minus_eta_grad(w_ik), W_IK)),
    # The chain rule: the six factors, each from its definition, multiply to the derivative (any output activation).
    (r"\frac{\partial E_j(n)}{\partial w_{ik}(n)} = \frac{\partial E_j(n)}{\partial e_j(n)}\, "
     r"\frac{\partial e_j(n)}{\partial y_j(n)}\, \frac{\partial y_j(n)}{\partial v_j(n)}\, "
     r"\frac{\partial v_j(n)}{\partial y_{hi}(n)}\, \frac{\partial y_{hi}(n)}{\partial v_i(n)}\, "
     r"\frac{\partial v_i(n)}{\partial w_{ik}(n)}",
     lambda: on(GENERAL, W_IK, lambda net, i, k: net.grad(net.w[i, k]), chain(w_ik))),
    # Simplifying: each line is w_ik(n) - η ∂E/∂w_ik; the first for any activations, the next two the slides'.
    (r"w_{ik}(n+1) = w_{ik}(n) - \eta\, e_j(n)\,(-1)\, f'(v_j(n))\, w_{ji}(n)\, f'(v_i(n))\, x_k(n)",
     lambda: on(GENERAL, W_IK, gradient_step(w_ik), lambda net, i, k: net.w[i, k] - ETA * net.e[4] * (-1)
                * net.f_prime(4) * net.w[4, i] * net.f_prime(i) * net.x[k])),
    (r"= w_{ik}(n) - \eta\, e_j(n)\,(-1)\,(1)\, w_{ji}(n)\, \big[f(v_i(n))\big(1 - f(v_i(n))\big)\big]\, x_k(n)",
     lambda: on(SLIDES, W_IK, gradient_step(w_ik), lambda net, i, k: net.w[i, k] - ETA * net.e[4] * (-1) * 1
                * net.w[4, i] * (f(net, i) * (1 - f(net, i))) * net.x[k])),
    (r"= w_{ik}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, w_{ji}(n)\, \big[f(v_i(n))\big(1 - f(v_i(n))\big)\big]\, "
     r"x_k(n)",
     lambda: on(SLIDES, W_IK, gradient_step(w_ik), lambda net, i, k: net.w[i, k] + ETA * (net.d[4] - net.y[4])
                * net.w[4, i] * (f(net, i) * (1 - f(net, i))) * net.x[k])),
    # The rule's box.
    (r"\Delta w_{ik}(n) = \eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n)",
     lambda: on(SLIDES, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * e_4(net) * net.w[4, i] * f(net, i)
                * (1 - f(net, i)) * net.x[k])),
    # Several outputs: ∂E/∂y_hi sums the chains through each output (two outputs 4 and 5, any activations).
    (r"\frac{\partial E(n)}{\partial y_{hi}(n)} = \sum_j \frac{\partial E_j(n)}{\partial e_j(n)}\, "
     r"\frac{\partial e_j(n)}{\partial y_j(n)}\, \frac{\partial y_j(n)}{\partial v_j(n)}\, "
     r"\frac{\partial v_j(n)}{\partial y_{hi}(n)} = -\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)",
     lambda: on(ANY, B_I, lambda net, i: net.slope_in_hidden_output(i),
                lambda net, i: sum(sp.Mul(*output_factors(net, i, j)) for j in net.outs),
                lambda net, i: -sum(net.e[j] * net.f_prime(j) * net.w[j, i] for j in net.outs))),
    (r"\Delta w_{ik}(n) = \eta\, \Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big]\, f'(v_i(n))\, x_k(n)",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * sum(
         net.e[j] * net.f_prime(j) * net.w[j, i] for j in net.outs) * net.f_prime(i) * net.x[k])),
    # The local gradient δ_i = -∂E/∂v_i (Net.delta), and rule 3 in rule 1's shape.
    (r"\delta_i(n) = -\frac{\partial E(n)}{\partial v_i(n)} = f'(v_i(n))\, w_{4i}(n)\, \delta_4(n)",
     lambda: on(GENERAL, B_I, lambda net, i: net.delta(i),
                lambda net, i: net.f_prime(i) * net.w[4, i] * net.e[4] * net.f_prime(4))),  # δ_4 = e f'(v_4)
    (r"\Delta w_{ik}(n) = \eta\, \delta_i(n)\, x_k(n)",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * net.delta(i) * net.x[k])),
]

def output_field_slope_in_hidden_output() -> list[tuple]:
    """∂v_4/∂y_hi = w_4i: v_4 with y_hi made a variable Y, differentiated in Y."""
    Y = sp.Symbol("Y", real=True)
    return on(SLIDES, B_I, lambda net, i: sp.diff(net.output_field(4, {**net.y_h, i: Y}), Y),
              lambda net, i: net.w[4, i])


def output_field_slope_in_output_weight() -> list[tuple]:
    """∂v_4/∂w_4i = y_hi, rule 1's last factor."""
    return on(SLIDES, B_I, lambda net, i: sp.diff(net.v[4], net.w[4, i]), lambda net, i: net.y_h[i])


def only_neuron_is_term_holds_w_ik() -> list[tuple]:
    """Of the terms w_ji y_hi that v_j adds up, only neuron i's depends on w_ik (on networks with one and two
    outputs): the TA's missing step, why the chain has no sum over hidden neurons."""
    return [((sp.diff(net.w[j, m] * net.y_h[m], net.w[i, k]) == 0) == (m != i), True)
            for net in (nets("slides"), nets("two")) for j in net.outs for i, k in W_IK for m in HIDDEN]


RULE_3_INLINE = [
    # the path's edge from y_hi to v_4 (a TA: rule 1 labels it y_hi, rule 3 w_4i, and neither page said why)
    (r"\partial v_4 / \partial y_{hi} = w_{4i}", output_field_slope_in_hidden_output),
    (r"\partial v_4 / \partial w_{4i} = y_{hi}", output_field_slope_in_output_weight),
    (r"\eta > 0", eta_positive),
    (r"j = 4", one_output_is_4),
    (r"E = E_4", cost_sums_the_outputs(1)),
    (r"y_{hi} = f(v_i)", forward_defines("y_hidden")),
    (r"j = 4", one_output_is_4),
    (r"y_{hi} = f(v_i)", forward_defines("y_hidden")),
    (r"f'(v_j) = 1", purelin_slope),
    (r"j = 4", one_output_is_4),
    (r"f'(v_i) = f(v_i)\big(1 - f(v_i)\big)", logsig_slope),
    (r"E(n) = \sum_j E_j(n)", cost_sums_the_outputs(2)),
    (r"\delta_i = f'(v_i) \sum_j w_{ji}\, \delta_j",
     lambda: on(ANY, B_I, lambda net, i: net.delta(i),
                lambda net, i: net.f_prime(i) * sum(net.w[j, i] * net.delta(j) for j in net.outs))),
    (r"n = 0", worked_example_at_n_0),
    (r"\Delta w_{ik} = \eta\, f'(v_i)\, w_{4i}\, \delta_4\, x_k",
     lambda: on(GENERAL, W_IK, minus_eta_grad(w_ik),
                lambda net, i, k: ETA * net.f_prime(i) * net.w[4, i] * net.delta(4) * net.x[k])),
    (r"\Delta w_{ik} = \eta\, \delta_i\, x_k",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * net.delta(i) * net.x[k])),
]


# --- Rule 4: docs/rule-hidden-biases.md ----------------------------------------------------------------------------

RULE_4_DISPLAYS = [
    (r"b_i(n+1) = b_i(n) + \Delta b_i(n) = b_i(n) - \eta \frac{\partial E(n)}{\partial b_i(n)}",
     lambda: descends(b_i, minus_eta_grad(b_i), B_I)),
    (r"\frac{\partial E_j(n)}{\partial b_i(n)} = \frac{\partial E_j(n)}{\partial e_j(n)}\, "
     r"\frac{\partial e_j(n)}{\partial y_j(n)}\, \frac{\partial y_j(n)}{\partial v_j(n)}\, "
     r"\frac{\partial v_j(n)}{\partial y_{hi}(n)}\, \frac{\partial y_{hi}(n)}{\partial v_i(n)}\, "
     r"\frac{\partial v_i(n)}{\partial b_i(n)}",
     lambda: on(GENERAL, B_I, lambda net, i: net.grad(net.b[i]), chain(b_i))),
    (r"\frac{\partial v_i(n)}{\partial b_i(n)} = 1",
     lambda: on(SLIDES, B_I, lambda net, i: sp.diff(net.v[i], net.b[i]), lambda net, i: 1)),
    (r"b_i(n+1) = b_i(n) - \eta\, e_j(n)\,(-1)\, f'(v_j(n))\, w_{ji}(n)\, f'(v_i(n))\,(1)",
     lambda: on(GENERAL, B_I, gradient_step(b_i), lambda net, i: net.b[i] - ETA * net.e[4] * (-1)
                * net.f_prime(4) * net.w[4, i] * net.f_prime(i) * 1)),
    (r"= b_i(n) - \eta\, e_j(n)\,(-1)\,(1)\, w_{ji}(n)\, \big[f(v_i(n))\big(1 - f(v_i(n))\big)\big]\,(1)",
     lambda: on(SLIDES, B_I, gradient_step(b_i), lambda net, i: net.b[i] - ETA * net.e[4] * (-1) * 1
                * net.w[4, i] * (f(net, i) * (1 - f(net, i))) * 1)),
    (r"= b_i(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, w_{ji}(n)\, \big[f(v_i(n))\big(1 - f(v_i(n))\big)\big]",
     lambda: on(SLIDES, B_I, gradient_step(b_i), lambda net, i: net.b[i] + ETA * (net.d[4] - net.y[4])
                * net.w[4, i] * (f(net, i) * (1 - f(net, i))))),
    (r"\Delta b_i(n) = \eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)",
     lambda: on(SLIDES, B_I, minus_eta_grad(b_i), lambda net, i: ETA * e_4(net) * net.w[4, i] * f(net, i)
                * (1 - f(net, i)))),
]

RULE_4_INLINE = [
    (r"\eta > 0", eta_positive),
    (r"j = 4", one_output_is_4),  # "The slides write ... With their single output $j = 4$, $E = E_4$ and the two are
    (r"E = E_4", cost_sums_the_outputs(1)),  # the same" (a reviewer: rule 3 said so, rule 4 did not)
    (r"\Delta b_i = \eta\, \delta_i \cdot 1",
     lambda: on(ANY, B_I, minus_eta_grad(b_i), lambda net, i: ETA * net.delta(i) * 1)),
    (r"j = 4", one_output_is_4),
    (r"f'(v_i) = f(v_i)\big(1 - f(v_i)\big)", logsig_slope),
    (r"n = 0", worked_example_at_n_0),
    (r"\delta_i = 0", bias_moves_without_inputs),  # "it still moves (unless δ_i = 0)"
    (r"\Delta w_{ik} = \Delta b_i\, x_k",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: minus_eta_grad(b_i)(net, i) * net.x[k])),
    (r"x_k > 0", weight_step_sign(1, same_sign=True)),  # "has the bias's sign where x_k > 0"
    (r"x_k < 0", weight_step_sign(-1, same_sign=False)),  # "and the opposite sign where x_k < 0"
]


# --- The TeX the pages' exec blocks print as typed ------------------------------------------------------------------
# Rule 3 derives its six factors inside an exec block (each with the example's value after \qquad), and the blocks
# of both pages print typed formulas around their numbers: the audit's `= x_k(n),` -> `= x_i(n),` in factor 6
# survived. They are listed here as the blocks' source types them ({{...}} is a template field the block fills in,
# show.tex's syntax). The values filled in are the oracle's, checked on the rendered pages by test_rule_pages (and
# the example's f' by test_example_activation_formulas): those statements of a value alone are in NOT_FACTS.


def block_tex(page: str) -> tuple[list[str], list[str]]:
    """The display equations ($$ on their own lines, then the rows of an aligned display a block assembles,
    ``show.tex(r"... &= ...")``) and the inline statements ($...$ with a relation, as
    pages.markdown_inline_statements reads them) in the source of the page's exec blocks, whitespace normalised, in
    order."""
    blocks = exec_block_math(page)
    return ([tex for displays, _, _ in blocks for tex in displays] + [tex for _, _, rows in blocks for tex in rows],
            [tex for _, inline, _ in blocks for tex in inline])


RULE_3_BLOCK_DISPLAYS = [
    # Factors 1 to 3 together, any output activation: their product is e_4 (-1) f'(v_4) = -δ_4 = ∂E/∂v_4 (written
    # -δ_j(n) for the chain's general output j, as rule 1 defines it; a reviewer: "-δ_4" after a chain in j)
    (r"\frac{\partial E_j(n)}{\partial e_j(n)}\, \frac{\partial e_j(n)}{\partial y_j(n)}\, "
     r"\frac{\partial y_j(n)}{\partial v_j(n)} = e_j(n) \cdot (-1) \cdot f'(v_j(n)) = -\delta_j(n), \quad "
     r"\delta_4 = {{delta_4}}",
     lambda: on(GENERAL, [(1,)], lambda net, i: sp.Mul(*output_factors(net, i, 4)[:3]),
                lambda net, i: net.e[4] * (-1) * net.f_prime(4), lambda net, i: -net.delta(4))),
    # Then one by one.
    (r"\frac{\partial E_j(n)}{\partial e_j(n)} = e_j(n) = d_j(n) - y_j(n) = {{d:given}} - {{y}} {{rel}} {{e}}",
     lambda: on(GENERAL, [(1,)], lambda net, i: output_factors(net, i, 4)[0], lambda net, i: net.e[4],
                lambda net, i: net.d[4] - net.y[4])),
    (r"\frac{\partial e_j(n)}{\partial y_j(n)} = -1",
     lambda: on(GENERAL, [(1,)], lambda net, i: output_factors(net, i, 4)[1], lambda net, i: -1)),
    (r"\frac{\partial y_j(n)}{\partial v_j(n)} = f'(v_j(n)) = 1, \qquad f'(v_4) = {{f_prime_v4}}",
     lambda: on(SLIDES, [(1,)], lambda net, i: sp.diff(net.y[4], net.b[4]),  # y_4 moves with v_4 as with b_4
                lambda net, i: net.f_prime(4), lambda net, i: 1)),
    (r"\frac{\partial v_j(n)}{\partial y_{hi}(n)} = w_{ji}(n), \qquad w_{41}(0) = {{w_41:given}}, \quad "
     r"w_{42}(0) = {{w_42:given}}, \quad w_{43}(0) = {{w_43:given}}",
     lambda: [(output_factors(net, i, j)[3], net.w[j, i]) for net in (nets("two"),) for j in net.outs
              for i in HIDDEN]),
    (r"\frac{\partial y_{hi}(n)}{\partial v_i(n)} = f'(v_i(n)) = {{f_prime_vi}}",
     lambda: on(GENERAL, B_I, lambda net, i: sp.diff(net.y_h[i], net.b[i]),  # v_i moves with b_i, coefficient 1
                lambda net, i: net.f_prime(i))),
    (r"\frac{\partial v_i(n)}{\partial w_{ik}(n)} = x_k(n), \qquad x_1 = {{x_1:given}}, \quad x_2 = {{x_2:given}}",
     lambda: on(SLIDES, W_IK, lambda net, i, k: sp.diff(net.v[i], net.w[i, k]), lambda net, i, k: net.x[k])),
    # For each weight, with the example's f'(v_i) filled in: any hidden activation, the slides' linear output.
    (r"\begin{aligned} w_{ik}(n+1) &= w_{ik}(n) + \Delta w_{ik}(n) \\ &= w_{ik}(n) + \eta\, \big(d(n) - y(n)\big)\, "
     r"w_{4i}(n)\, {{f_prime_n}}\, x_k(n) \end{aligned}",
     lambda: on(("linear-any-hidden",), W_IK, gradient_step(w_ik), lambda net, i, k: net.w[i, k] + ETA
                * e_4(net) * net.w[4, i] * net.f_prime(i) * net.x[k])),
    # The aligned rows: f'(v_i) of each neuron (the example's formula, filled in), then δ_i = f'(v_i) w_4i δ_4.
    (r"f'(v_{{i}}) &= {{formula}} {{rel}} {{f_prime}}", None),
    (r"\delta_{{i}} &= f'(v_{{i}})\, w_{4{{i}}}\, \delta_4 = {{fp}} \cdot {{w:given}} \cdot {{d4}}",
     lambda: on(GENERAL, B_I, lambda net, i: net.delta(i),
                lambda net, i: net.f_prime(i) * net.w[4, i] * net.delta(4))),
]

VALUE = "a value or formula the block fills in for the example, checked on the rendered page elsewhere"

RULE_3_BLOCK_INLINE = [
    (r"f'(v) = f(v)\big(1 - f(v)\big)", logsig_slope),
    (r"E_j = \tfrac12 e_j^2", cost_sums_the_outputs(1)),
    (r"e_j = d_j - y_j", error_is_d_minus_y),
    (r"y_j = f(v_j)", forward_defines("y_output")),
    (r"E_j(n) = \tfrac12 e_j(n)^2", cost_sums_the_outputs(1)),
    (r"e_j(n) = d_j(n) - y_j(n)", error_is_d_minus_y),
    (r"y_j = f(v_j) = v_j", forward_defines("y_output")),
    (r"v_j = \sum_i w_{ji}\, y_{hi} + b_j", forward_defines("v_output")),
    (r"y_{hi} = f(v_i)", forward_defines("y_hidden")),
    (r"f'(v) = {{f_prime_f}}", None),
    (r"f'(v) = {{f_prime_v}}", slope_from_the_field),
    (r"v_i = \sum_k w_{ik}\, x_k + b_i", forward_defines("v_hidden")),
    (r"f'(v_i) = {{f_prime}}", None),
    (r"\Delta w_{ik}(n) = \eta\, \delta_i(n)\, x_k(n)",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * net.delta(i) * net.x[k])),
    (r"\delta_i(n) = f'(v_i(n))\, w_{4i}(n)\, \delta_4(n)",
     lambda: on(GENERAL, B_I, lambda net, i: net.delta(i),
                lambda net, i: net.f_prime(i) * net.w[4, i] * net.delta(4))),
    (r"n = 0", worked_example_at_n_0),
    (r"w_{4{{i}}}(0) = {{w_now:given}}", None),
    (r"w_{4{{i}}}(1) = {{w_next}}", None),
    (r"w_{4{{i}}}(0) = {{w_now:given}}", None),
    (r"\Delta w_{{{ik}}}(0) = {{right}}", None),
    (r"w_{4{{i}}}(1) = {{w_next}}", None),
    (r"j = 4", one_output_is_4),
    (r"f'(v_i) = {{f_prime}}", None),
    (r"i = 1, 2, 3", numbered(labels.hidden_neurons(3), [1, 2, 3])),
    (r"k = 1, 2", numbered(labels.inputs(2), [1, 2])),
    (r"\Delta w_{ik}(0) = \eta\, \delta_i\, x_k",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * net.delta(i) * net.x[k])),
    (r"w_{ik}(1) = w_{ik}(0) + \Delta w_{ik}(0)", step_applies("w_hidden", rules.delta_w_hidden)),
    (r"x_{{k}} = 0", input_zero_stills_its_weights),  # "x_k = 0, so a weight on the ... input does not move"
    (r"x_2 / x_1 = {{x_2:given}} / {{x_1:given}} {{rel}} {{ratio}}", weight_steps_in_ratio_of_inputs),
    (r"{{ratio}} \cdot {{dw_1}} = {{product}}", None),
    (r"\Delta w_{{{i}}2} = {{dw_2}}", None),
    # rule 3's tip, where Δw_32 is exactly 0: "$\Delta w_{32}(0) = \eta\, \delta_3\, x_2$ is 0, since $x_2 = 0$" (the
    # factor from backprop.judged.zero_factor, checked in test_judged)
    (r"\Delta w_{{32}}(0) = \eta\, \delta_3\, x_2",
     lambda: on(ANY, [(3, 2)], minus_eta_grad(w_ik), lambda net, i, k: ETA * net.delta(i) * net.x[k])),
]

RULE_4_BLOCK_DISPLAYS = [
    (r"\begin{aligned} b_i(n+1) &= b_i(n) + \Delta b_i(n) \\ &= b_i(n) + \eta\, \big(d(n) - y(n)\big)\, "
     r"w_{4i}(n)\, {{f_prime_n}} \end{aligned}",
     lambda: on(("linear-any-hidden",), B_I, gradient_step(b_i), lambda net, i: net.b[i] + ETA * e_4(net)
                * net.w[4, i] * net.f_prime(i))),
]

RULE_4_BLOCK_INLINE = [
    (r"f'(v_i) = {{f_prime}}", None),
    (r"\Delta b_i(n) = \eta\, \delta_i(n) \cdot 1",
     lambda: on(ANY, B_I, minus_eta_grad(b_i), lambda net, i: ETA * net.delta(i) * 1)),
    (r"j = 4", one_output_is_4),
    (r"f'(v_i) = {{f_prime}}", None),
    (r"i = 1, 2, 3", numbered(labels.hidden_neurons(3), [1, 2, 3])),
    (r"\Delta b_i(0) = \eta\, \delta_i", lambda: on(ANY, B_I, minus_eta_grad(b_i), lambda net, i: ETA * net.delta(i))),
    (r"b_i(1) = b_i(0) + \Delta b_i(0)", step_applies("b_hidden", rules.delta_b_hidden)),
    (r"x_{{k}} = 1", input_one_makes_weight_step_bias_step),  # "Because x_k = 1 ..., each Δb_i equals Δw_ik"
    (r"\Delta w_{ik} = \Delta b_i\, x_k",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: minus_eta_grad(b_i)(net, i) * net.x[k])),
    (r"\Delta w_{{{i}}{{k}}} = \Delta b_{{i}}\, x_{{k}} = {{db_i}} \cdot {{x_k:given}} {{rel}} {{dw_ik}}",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik),
                lambda net, i, k: minus_eta_grad(b_i)(net, i) * net.x[k])),
    # rule 4's tip, where Δb_1 is exactly 0: "$\Delta b_1(0) = \eta\, \delta_1$ is 0, since $w_{41} = 0$" (the
    # factor from backprop.judged.zero_factor, checked in test_judged)
    (r"\Delta b_1(0) = \eta\, \delta_1",
     lambda: on(ANY, [(1,)], minus_eta_grad(b_i), lambda net, i: ETA * net.delta(i))),
]

# --- The pages' inline expressions: what each sentence says of its formula ----------------------------------------


def slides_cost_is_output_4s() -> list[tuple]:
    """With one output j = 4, E = E_4 = ½ e_4², so ∂E/∂w_ik = ∂E_4/∂w_ik."""
    return one_output_is_4() + on(SLIDES, W_IK, lambda net, i, k: net.grad(net.w[i, k]),
                                  lambda net, i, k: sp.diff(sp.Rational(1, 2) * e_4(net) ** 2, net.w[i, k]))


def slides_bias_cost_is_output_4s() -> list[tuple]:
    """With one output j = 4, E = E_4 = ½ e_4², so ∂E/∂b_i = ∂E_4/∂b_i."""
    return one_output_is_4() + on(SLIDES, B_I, lambda net, i: net.grad(net.b[i]),
                                  lambda net, i: sp.diff(sp.Rational(1, 2) * e_4(net) ** 2, net.b[i]))


def slides_factor_names() -> list[tuple]:
    """∂v_j/∂f(v_i) and ∂f(v_i)/∂v_i are factors 4 and 5, since y_hi = f(v_i): v_j written in f(v_i) has slope w_ji
    there, as in y_hi; f(v_i) moves with v_i (and so with b_i) at the rate f'(v_i), as y_hi does; and the package's
    y_hi is f(v_i)."""
    net, F = nets("general"), sp.Symbol("F", real=True)
    groups = []
    for i in HIDDEN:
        v_4 = net.output_field(4, {**net.y_h, i: F})  # v_4 with f(v_i) a variable
        groups += [(sp.diff(v_4, F), output_factors(net, i, 4)[3], net.w[4, i]),
                   (sp.diff(h(net.v[i]), net.b[i]), sp.diff(net.y_h[i], net.b[i]), net.f_prime(i))]
    return groups + forward_defines("y_hidden")()


def output_factors_are_minus_delta_4() -> list[tuple]:
    """The first three factors' product is -δ_4 (any output activation)."""
    return on(GENERAL, B_I, lambda net, i: sp.Mul(*output_factors(net, i, 4)[:3]), lambda net, i: -net.delta(4))


def the_sum_over_outputs(param: Callable, indices: list[tuple], times: Callable) -> Callable:
    """With two outputs -η ∂E/∂θ = η [Σ_j e_j f'(v_j) w_ji] f'(v_i) ``times``, and the term of output 4 alone is not
    it: the sum the slides' E_j leaves out matters."""
    def check() -> list[tuple]:
        net = nets("two")

        def term(j: int, i: int) -> sp.Expr:
            return net.e[j] * net.f_prime(j) * net.w[j, i]

        groups = []
        for idx in indices:
            i, step = idx[0], minus_eta_grad(param)(net, *idx)
            groups.append((step, ETA * sum(term(j, i) for j in net.outs) * net.f_prime(i) * times(net, *idx)))
            groups.append((differs_at_a_point(step - ETA * term(4, i) * net.f_prime(i) * times(net, *idx)), True))
        return groups
    return check


def updated_output_weight_is_not_the_gradient() -> list[tuple]:
    """The hidden step with w_4i(n+1) = w_4i(n) + Δw_4i in place of w_4i(n) is not -η ∂E/∂w_ik."""
    net = nets("slides")
    groups = []
    for i, k in W_IK:
        w_next = net.w[4, i] + minus_eta_grad(lambda n, i: n.w[4, i])(net, i)
        wrong = ETA * e_4(net) * w_next * net.f_prime(i) * net.x[k]
        groups.append((differs_at_a_point(minus_eta_grad(w_ik)(net, i, k) - wrong), True))
    return groups


def output_weight_is_factor_4() -> list[tuple]:
    """∂v_j/∂y_hi is the output weight w_ji (two outputs)."""
    return [(output_factors(net, i, j)[3], net.w[j, i]) for net in (nets("two"),) for j in net.outs for i in HIDDEN]


def bracket_times_slope_is_delta_i() -> list[tuple]:
    """The bracket Σ_j e_j f'(v_j) w_ji(n), times f'(v_i), is δ_i = -∂E/∂v_i (one or two outputs, any activations);
    and the package's ``delta_i`` line computes it: on a random 2-3-2 network with tansig outputs, η back f'(v_i) is the
    oracle's (plain math) Δb_i = η f'(v_i) Σ_j e_j f'(v_j) w_ji."""
    groups = on(ANY, B_I, lambda net, i: net.f_prime(i) * sum(net.e[j] * net.f_prime(j) * net.w[j, i]
                                                              for j in net.outs), lambda net, i: net.delta(i))
    line = "delta_i = _back_sum(delta_j, w_back) * f_prime_i"
    ex = {**oracle.load_example(), "w_output": [[0.3, -0.8, 0.5], [-0.6, 0.4, 0.9]], "b_output": [0.1, -0.2],
          "d": [0.4, -0.3], "output": "tansig"}
    it = oracle.iteration(ex)
    net = backprop.Network(*(np.array(ex[key], dtype=float) for key in ("w_hidden", "b_hidden", "w_output",
                                                                         "b_output")),
                           hidden=ex.get("hidden", "logsig"), output="tansig")  # the oracle's hidden layer
    fp = backprop.forward(net, np.array(ex["x"], dtype=float))
    back = rules._back_sum(rules.error(fp, ex["d"]) * rules.f_prime_output(fp), net.w_output)
    want = [sum(it["e_list"][j] * it["fp_output"][j] * ex["w_output"][j][i] for j in (0, 1)) for i in range(3)]
    db_i = [ex["eta"] * b * f for b, f in zip(want, it["fp_hidden"], strict=True)]
    return [*groups, (line in inspect.getsource(rules._from_factors), True),
            (bool(np.allclose(back, want, rtol=1e-13)), True),
            (bool(np.allclose(rules.delta_b_hidden(fp, ex["d"], ex["eta"]), db_i, rtol=1e-13)), True)]


def first_five_factors_are_minus_delta_i() -> list[tuple]:
    return on(GENERAL, B_I, lambda net, i: sp.Mul(*output_factors(net, i, 4), net.f_prime(i)),
              lambda net, i: -net.delta(i))


def bias_step_has_the_sign_of_e_w_4i() -> list[tuple]:
    """δ_i / (e w_4i) = f'(v_i) > 0 (logsig): Δb_i = η δ_i has the sign of e w_4i."""
    net = nets("slides")
    return [(sp.simplify(net.delta(i) / (e_4(net) * net.w[4, i])).is_positive, True) for i in HIDDEN]


RULE_3_EXPRESSIONS = [
    # "The slides write $\partial E_j(n) / \partial w_{ik}(n)$. With their single output $j = 4$, $E = E_4$ and the two
    # are the same."
    (r"\partial E_j(n) / \partial w_{ik}(n)", slides_cost_is_output_4s),
    # "of the terms $w_{ji}\, y_{hi}$ that $v_j$ adds up over the hidden neurons, only neuron $i$'s own depends on it"
    (r"w_{ji}\, y_{hi}", only_neuron_is_term_holds_w_ik),
    # "The slides write the fourth and fifth factors as $\partial v_j / \partial f(v_i)$ and
    # $\partial f(v_i) / \partial v_i$: the same thing, since $y_{hi} = f(v_i)$."
    (r"\partial v_j / \partial f(v_i)", slides_factor_names),
    (r"\partial f(v_i) / \partial v_i", slides_factor_names),
    # "The first three factors ... their product is $-\delta_j(n)$, minus the output neuron's local gradient
    # ($\delta_4$ in the slides' numbering)"
    (r"-\delta_j(n)", output_factors_are_minus_delta_4),
    (r"f(v_i)\big(1 - f(v_i)\big)", logsig_slope),  # "the slides write the logsig's $f'(v_i)$ as ..."
    # "If your slides say $E_j$ and have no $\sum_j$: several outputs"
    (r"\sum_j", the_sum_over_outputs(w_ik, W_IK, lambda net, i, k: net.x[k])),
    (r"-\delta_4", output_factors_are_minus_delta_4),  # "Rule 1 named the first three factors: their product is"
    # "Use $w_{ji}(n)$, never the already-updated $w_{ji}(n+1)$"
    (r"w_{ji}(n+1)", updated_output_weight_is_not_the_gradient),
    # "The factor $\partial v_j / \partial y_{hi}$ is the output weight at time $n$"
    (r"\partial v_j / \partial y_{hi}", output_weight_is_factor_4),
    # "In the worked example, at $n = 0$, each is $\eta\, \delta_i\, x_k$"
    (r"\eta\, \delta_i\, x_k",
     lambda: on(ANY, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA * net.delta(i) * net.x[k])),
    # "the line `delta_i = ...` is $\delta_i$: the bracket $\sum_j e_j f'(v_j) w_{ji}(n)$ (`_back_sum`, one number per
    # hidden neuron) times $f'(v_i)$ (`f_prime_i`)"
    (r"\sum_j e_j f'(v_j) w_{ji}(n)", bracket_times_slope_is_delta_i),
]

RULE_4_EXPRESSIONS = [
    # "The slides write $\partial E_j(n) / \partial b_i(n)$, as for rule 3."
    (r"\partial E_j(n) / \partial b_i(n)", slides_bias_cost_is_output_4s),
    (r"-\delta_i", first_five_factors_are_minus_delta_i),  # "The first five factors ... their product is $-\delta_i$"
    # "The product of the six factors is $-\delta_i \cdot 1$"
    (r"-\delta_i \cdot 1", lambda: on(GENERAL, B_I, chain(b_i), lambda net, i: -net.delta(i) * 1)),
    (r"\sum_j", the_sum_over_outputs(b_i, B_I, lambda net, i: 1)),  # "If your slides say $E_j$ and have no $\sum_j$"
    # "In the worked example, at $n = 0$, each is $\eta\, \delta_i$"
    (r"\eta\, \delta_i", lambda: on(ANY, B_I, minus_eta_grad(b_i), lambda net, i: ETA * net.delta(i))),
    (r"e\, w_{4i}", bias_step_has_the_sign_of_e_w_4i),  # "Its sign is that of $\delta_i$, the sign of $e\, w_{4i}$"
    # "the same $\delta_i$ as rule 3 (the line `delta_i = ...`: the bracket $\sum_j e_j f'(v_j) w_{ji}(n)$ times
    # $f'(v_i)$)"
    (r"\sum_j e_j f'(v_j) w_{ji}(n)", bracket_times_slope_is_delta_i),
]

# page -> (displays, inline statements, the blocks' displays, the blocks' inline statements, inline expressions)
PAGES = {
    "rule-hidden-weights": (RULE_3_DISPLAYS, RULE_3_INLINE, RULE_3_BLOCK_DISPLAYS, RULE_3_BLOCK_INLINE,
                            RULE_3_EXPRESSIONS),
    "rule-hidden-biases": (RULE_4_DISPLAYS, RULE_4_INLINE, RULE_4_BLOCK_DISPLAYS, RULE_4_BLOCK_INLINE,
                           RULE_4_EXPRESSIONS),
}
KINDS = ("display", "inline", "block-display", "block-inline", "expression")

#: (page, TeX) -> why a typed statement has nothing to check here. Its entries in the lists above have the check None.
NOT_FACTS: dict[tuple[str, str], str] = {
    ("rule-hidden-weights", r"f'(v) = {{f_prime_f}}"): VALUE,
    ("rule-hidden-weights", r"f'(v_{{i}}) &= {{formula}} {{rel}} {{f_prime}}"): VALUE,
    ("rule-hidden-weights", r"f'(v_i) = {{f_prime}}"): VALUE,
    ("rule-hidden-weights", r"w_{4{{i}}}(0) = {{w_now:given}}"): VALUE,
    ("rule-hidden-weights", r"w_{4{{i}}}(1) = {{w_next}}"): VALUE,
    ("rule-hidden-weights", r"\Delta w_{{{ik}}}(0) = {{right}}"): VALUE,
    ("rule-hidden-weights", r"{{ratio}} \cdot {{dw_1}} = {{product}}"): VALUE,
    ("rule-hidden-weights", r"\Delta w_{{{i}}2} = {{dw_2}}"): VALUE,
    ("rule-hidden-biases", r"f'(v_i) = {{f_prime}}"): VALUE,
}

EQUATIONS = [(page, kind, n, tex, check) for page, lists in PAGES.items()
             for kind, listed in zip(KINDS, lists, strict=True)
             for n, (tex, check) in enumerate(listed, start=1)]


@pytest.mark.parametrize("page", PAGES)
def test_the_page_displays_exactly_the_listed_equations(page):
    assert markdown_displays(page) == [norm_tex(tex) for tex, _ in PAGES[page][0]]


@pytest.mark.parametrize("page", PAGES)
def test_the_page_states_exactly_the_listed_inline_formulas(page):
    assert markdown_inline_statements(page) == [norm_tex(tex) for tex, _ in PAGES[page][1]]


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_blocks_print_exactly_the_listed_formulas(page):
    displays, inline = block_tex(page)
    assert displays == [norm_tex(tex) for tex, _ in PAGES[page][2]]
    assert inline == [norm_tex(tex) for tex, _ in PAGES[page][3]]


@pytest.mark.parametrize("page", PAGES)
def test_the_page_types_exactly_the_listed_expressions(page):
    assert markdown_inline_expressions(page) == [norm_tex(tex) for tex, _ in PAGES[page][4]]


def test_every_statement_is_checked_or_said_to_be_no_fact():
    unchecked = {(page, tex) for page, _, _, tex, check in EQUATIONS if check is None}
    assert unchecked == set(NOT_FACTS)


@pytest.mark.parametrize(("page", "kind", "n", "tex", "check"), [e for e in EQUATIONS if e[4] is not None],
                         ids=[f"{page}-{kind}-{n}" for page, kind, n, _, check in EQUATIONS if check is not None])
def test_the_equation_holds(page, kind, n, tex, check):
    groups = check()
    assert groups, f"{page} {kind} {n}: the check compares nothing"
    for group in groups:
        assert holds([group]), f"{page} {kind} {n}: ${tex}$ fails at {group}"


def test_the_checks_can_fail():
    """The same checks on wrong equations, the kinds the mutation audit made: each fails."""
    wrong = {
        # the step with + η ∂E/∂w: an ascent
        "w_ik(n+1) = w_ik(n) + η ∂E/∂w_ik": descends(w_ik, lambda net, i, k: ETA * net.grad(net.w[i, k]), W_IK),
        # ∂v_i/∂b_i = 0 instead of 1
        "∂v_i/∂b_i = 0": on(SLIDES, B_I, lambda net, i: sp.diff(net.v[i], net.b[i]), lambda net, i: 0),
        # rule 3's box with (y - d) for (d - y)
        "Δw_ik = η (y - d) w_4i f(1 - f) x_k": on(SLIDES, W_IK, minus_eta_grad(w_ik), lambda net, i, k: ETA
                                                   * (net.y[4] - net.d[4]) * net.w[4, i] * f(net, i)
                                                   * (1 - f(net, i)) * net.x[k]),
        # δ_i times the other input (the audit's x_i, an input only for i = 1, 2)
        "Δw_ik = η δ_i x_(3-k)": on(SLIDES, W_IK, minus_eta_grad(w_ik),
                                    lambda net, i, k: ETA * net.delta(i) * net.x[3 - k]),
        # f'(v_i) for f(v_i) in the hidden neuron's output
        "Δb_i = η e w_4i f'(v_i)(1 - f'(v_i))": on(SLIDES, B_I, minus_eta_grad(b_i), lambda net, i: ETA * e_4(net)
                                                   * net.w[4, i] * net.f_prime(i) * (1 - net.f_prime(i))),
        # δ_i with f'(v_4) for f'(v_i), on a network whose output is not linear
        "δ_i = f'(v_4) w_4i δ_4": on(GENERAL, B_I, lambda net, i: net.delta(i),
                                     lambda net, i: net.f_prime(4) * net.w[4, i] * net.delta(4)),
        # the general rule with one output's term only, on the network with two
        "Δw_ik = η e_4 f'(v_4) w_4i f'(v_i) x_k, two outputs": on(
            ("two",), W_IK, minus_eta_grad(w_ik),
            lambda net, i, k: ETA * net.e[4] * net.f_prime(4) * net.w[4, i] * net.f_prime(i) * net.x[k]),
        # factor 6 with the other input, and factor 2 without its minus (the rule 3 page's exec block)
        "∂v_i/∂w_ik = x_(3-k)": on(SLIDES, W_IK, lambda net, i, k: sp.diff(net.v[i], net.w[i, k]),
                                   lambda net, i, k: net.x[3 - k]),
        "∂e_j/∂y_j = 1": on(GENERAL, [(1,)], lambda net, i: output_factors(net, i, 4)[1], lambda net, i: 1),
        # notation: the output neuron numbered 1, a weight's step of the bias's sign where x_k < 0
        "j = 1": numbered(labels.output_neurons(3), [1])(),
        "Δw_ik has Δb_i's sign where x_k < 0": weight_step_sign(-1, same_sign=True)(),
        # the inline expressions: the audit's bracket with f'(v_i) for f'(v_j); -δ_4 without ∂e_j/∂y_j = -1; the six
        # factors' product said to be +δ_i; the bias step's sign said to be that of -e w_4i
        "f'(v_i) Σ_j e_j f'(v_i) w_ji = δ_i": on(GENERAL, B_I, lambda net, i: net.f_prime(i) * sum(
            net.e[j] * net.f_prime(i) * net.w[j, i] for j in net.outs), lambda net, i: net.delta(i)),
        "∂E_j/∂e_j ∂y_j/∂v_j = -δ_4": on(GENERAL, B_I, lambda net, i: output_factors(net, i, 4)[0]
                                         * output_factors(net, i, 4)[2], lambda net, i: -net.delta(4)),
        "the six factors' product is δ_i": on(GENERAL, B_I, chain(b_i), lambda net, i: net.delta(i)),
        "Δb_i has the sign of -e w_4i": [(sp.simplify(net.delta(i) / (-e_4(net) * net.w[4, i])).is_positive, True)
                                         for net in (nets("slides"),) for i in HIDDEN],
        # the path's edge from y_hi to v_4 labelled as rule 1 labels it, on rule 3's path
        "∂v_4/∂y_hi = y_hi": on(SLIDES, B_I, lambda net, i: output_field_slope_in_hidden_output()[i - 1][0],
                                lambda net, i: net.y_h[i]),
        # every term of v_j depending on w_ik (a sum over the hidden neurons in the chain)
        "every w_jm y_hm depends on w_ik": [(sp.diff(net.w[4, m] * net.y_h[m], net.w[i, k]) == 0, False)
                                            for net in (nets("slides"),) for i, k in W_IK for m in HIDDEN],
    }
    for name, groups in wrong.items():
        assert not holds(groups), f"the check passes the wrong equation {name}"
    assert not same(False, True) and not same(sp.Integer(1), 0)
