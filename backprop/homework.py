r"""Check my homework: a student's numbers for one iteration $n \to n+1$, step by step, against the right ones.

A student computes one online iteration by hand, in the order ``python -m backprop trace`` prints it:
the forward pass, the error and the cost, the four rules' updates, the new weights and biases, and then the
same input through the updated network. `check` takes their values for any of those steps and says, for
each, right or wrong; at the first wrong step it names the classic mistake(s) that give that value::

    >>> from backprop import examples, homework
    >>> report = homework.check(examples.NET, examples.X, examples.D, examples.ETA, {"v1": 0.3, "dw41": -0.05})
    >>> report.ok, report.first_wrong.name, [m.name for m in report.likely]

**The steps** (`names`): for the slides' 2-3-1 network

    v1 v2 v3  y_h1 y_h2 y_h3  v4  y  e  E
    Δw41 Δw42 Δw43 Δb4  Δw11 Δw12 Δw21 Δw22 Δw31 Δw32  Δb1 Δb2 Δb3
    w41(n+1) w42(n+1) w43(n+1) b4(n+1)  w11(n+1) ... w32(n+1)  b1(n+1) b2(n+1) b3(n+1)
    y(n+1) E(n+1)

where $y(n+1)$ is the updated network's output for the same $x$ and $E(n+1) = \tfrac12 (d - y(n+1))^2$.
In a student's answers ``d`` may stand for ``Δ``: ``dw41``, ``db4`` (`ALIASES`).

**The checking rule.** A value is right when $|\text{given} - \text{right}| \le 10^{-6} + 10^{-3}\,|\text{right}|$
(`ATOL`, `RTOL`: the exercises' tolerance). Steps are checked in trace order; at the first wrong step the
likely mistakes are those of `MISTAKES` whose value at that step matches the given one by the same rule
(with the mistake's value in place of the right one) while differing from the right value by that rule.
If none does, the report says so.

**The catalogue** (`MISTAKES`): each classic mistake is one function ``fn(net, x, d, eta)`` that computes the
whole trace (every step above) with that one slip and everything else right, so a slip early in the
iteration carries into every later step, as it does on paper. The site's live page implements the same slips
in JavaScript under the same names, and its tests prove the two agree; its hints come from here.
Every rule below is written with the local gradients

$$
\delta_j = e_j\, f'(v_j), \qquad \delta_i = f'(v_i) \sum_j \delta_j\, w_{ji}(n),
$$

$$
\Delta w_{ji} = \eta\, \delta_j\, y_{hi}, \quad \Delta b_j = \eta\, \delta_j \cdot 1, \quad
\Delta w_{ik} = \eta\, \delta_i\, x_k, \quad \Delta b_i = \eta\, \delta_i \cdot 1, \quad
\theta(n+1) = \theta(n) + \Delta\theta(n),
$$

(for the slides' linear output $j = 4$, $f'(v_4) = 1$ and $\delta_4 = e$), and each slip changes one factor.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike

from . import activations, labels
from ._checks import as_array, as_target, check_eta
from .activations import Array
from .network import ForwardPass, Network, forward
from .rules import delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output
from .train import step

RTOL = 1e-3  # the exercises' tolerance (backprop.exercises.RTOL, ATOL): six significant digits typed pass
ATOL = 1e-6
#: ASCII spellings accepted in a student's answers: a leading ``d`` for ``Δ`` (``dw41``, ``db4``).
ALIASES = {"d": "Δ"}

Trace = dict[str, float]


def close(given: float, to: float) -> bool:
    r"""The checking rule: $|\text{given} - \text{to}| \le$ `ATOL` $+$ `RTOL` $\cdot |\text{to}|$."""
    return abs(given - to) <= ATOL + RTOL * abs(to)


# --------------------------------------------------------------------------------------------
# One iteration, named as the trace names it


@dataclass(frozen=True)
class Updates:
    r"""The four rules' updates: $\Delta w_{ji}$ (n_out, n_hidden), $\Delta b_j$, $\Delta w_{ik}$ (n_hidden, n_in),
    $\Delta b_i$."""

    dw_output: Array
    db_output: Array
    dw_hidden: Array
    db_hidden: Array


def _names_and_values(fp: ForwardPass, d: Array, u: Updates, new: Network, y_next: Array) -> Trace:
    """Every step of one iteration in trace order, named in the slides' numbering (hidden 1.., outputs after)."""
    n_in, n_hidden, n_out = fp.x.shape[0], fp.y_hidden.shape[0], fp.y_output.shape[0]
    hid, out = labels.hidden_neurons(n_hidden), labels.output_neurons(n_hidden, n_out)  # 1, 2, 3 and 4
    single = n_out == 1

    def w(a: int, b: int) -> str:
        return labels.weight(a, b, sep="")

    e, e_next = d - fp.y_output, d - y_next
    rows: list[tuple[str, float]] = []
    rows += [(f"v{i}", v) for i, v in zip(hid, fp.v_hidden)]
    rows += [(f"y_h{i}", y) for i, y in zip(hid, fp.y_hidden)]
    rows += [(f"v{j}", v) for j, v in zip(out, fp.v_output)]
    rows += [("y" if single else f"y{j}", y) for j, y in zip(out, fp.y_output)]
    rows += [("e" if single else f"e{j}", ej) for j, ej in zip(out, e)]
    rows += [("E", 0.5 * np.sum(e**2))]
    rows += [(f"Δ{w(j, i)}", u.dw_output[a, b]) for a, j in enumerate(out) for b, i in enumerate(hid)]
    rows += [(f"Δb{j}", u.db_output[a]) for a, j in enumerate(out)]
    rows += [(f"Δ{w(i, k + 1)}", u.dw_hidden[a, k]) for a, i in enumerate(hid) for k in range(n_in)]
    rows += [(f"Δb{i}", u.db_hidden[a]) for a, i in enumerate(hid)]
    rows += [(f"{w(j, i)}(n+1)", new.w_output[a, b]) for a, j in enumerate(out) for b, i in enumerate(hid)]
    rows += [(f"b{j}(n+1)", new.b_output[a]) for a, j in enumerate(out)]
    rows += [(f"{w(i, k + 1)}(n+1)", new.w_hidden[a, k]) for a, i in enumerate(hid) for k in range(n_in)]
    rows += [(f"b{i}(n+1)", new.b_hidden[a]) for a, i in enumerate(hid)]
    rows += [("y(n+1)" if single else f"y{j}(n+1)", y) for j, y in zip(out, y_next)]
    rows += [("E(n+1)", 0.5 * np.sum(e_next**2))]
    return {name: float(value) for name, value in rows}


def trace(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every step of one online iteration $n \to n+1$, right, by name in the order a student computes them.

    The forward pass ($v_i$, $y_{hi}$, $v_j$, $y_j$), $e_j = d_j - y_j$, $E = \tfrac12 \sum_j e_j^2$, the four
    rules of `backprop.rules`, the new values of `backprop.train.step`, and the same input through the updated
    network: $y(n+1)$ and $E(n+1)$.

    Parameters
    ----------
    net : Network
        The weights at time $n$.
    x : array_like, shape (n_in,)
    d : float or array_like, shape (n_out,)
    eta : float

    Returns
    -------
    dict
        Step name (``"v1"``, ``"Δw41"``, ``"w41(n+1)"``, ``"E(n+1)"``, ...) to its value, in trace order.
    """
    fp = forward(net, x)
    d, eta = as_target(d, net.n_out), check_eta(eta)
    u = Updates(delta_w_output(fp, d, eta), delta_b_output(fp, d, eta),
                delta_w_hidden(fp, d, eta), delta_b_hidden(fp, d, eta))
    new = step(net, fp.x, d, eta)
    return _names_and_values(fp, d, u, new, forward(new, fp.x).y_output)


def names(n_in: int = 2, n_hidden: int = 3, n_out: int = 1) -> tuple[str, ...]:
    """The step names of a network of these sizes, in trace order (default: the slides' 2-3-1 network)."""
    net = Network.random(n_in, n_hidden, n_out, seed=0)
    return tuple(trace(net, np.zeros(n_in), np.zeros(n_out), 1.0))


# --------------------------------------------------------------------------------------------
# The same iteration with one slip: the factors of the rules, each replaceable


@dataclass(frozen=True)
class Factors:
    r"""The factors of the four rules for one sample; a classic mistake replaces one of them.

    $$
    \Delta w_{ji} = \eta\, e_j f'(v_j)\, y_{hi}, \quad \Delta b_j = \eta\, e_j f'(v_j) \cdot 1, \quad
    \Delta w_{ik} = \eta \Big[\sum_j e_j f'(v_j)\, w_{ji}\Big] f'(v_i)\, x_k, \quad
    \Delta b_i = \eta \Big[\sum_j e_j f'(v_j)\, w_{ji}\Big] f'(v_i) \cdot 1.
    $$
    """

    fp: ForwardPass  # the forward pass the rules are applied to: v_i, y_hi, v_j, y_j
    eta: float  # η
    e: Array  # e_j = d_j − y_j, shape (n_out,)
    f_prime_output: Array  # f'(v_j), from y_j
    w_back: Array  # w_ji(n): the weights the hidden rules send the error back through
    f_prime_hidden: Array  # f'(v_i), from y_hi
    output_weight_input: Array  # ∂v_j/∂w_ji = y_hi
    output_bias_input: float  # ∂v_j/∂b_j = 1
    hidden_weight_input: Array  # ∂v_i/∂w_ik = x_k
    hidden_bias_input: float  # ∂v_i/∂b_i = 1


def right_factors(net: Network, fp: ForwardPass, d: Array, eta: float) -> Factors:
    """The factors as the slides' rules have them, for the forward pass ``fp`` of ``net``."""
    return Factors(
        fp=fp,
        eta=eta,
        e=d - fp.y_output,
        f_prime_output=activations.get(net.output).derivative_from_output(fp.y_output),
        w_back=net.w_output,
        f_prime_hidden=activations.get(net.hidden).derivative_from_output(fp.y_hidden),
        output_weight_input=fp.y_hidden,
        output_bias_input=1.0,
        hidden_weight_input=fp.x,
        hidden_bias_input=1.0,
    )


def updates(f: Factors) -> Updates:
    r"""The four rules from their factors: $\delta_j = e_j f'(v_j)$, $\delta_i = f'(v_i) \sum_j \delta_j w_{ji}$,
    then $\Delta w_{ji} = \eta \delta_j y_{hi}$, $\Delta b_j = \eta \delta_j$, $\Delta w_{ik} = \eta \delta_i x_k$,
    $\Delta b_i = \eta \delta_i$ (each times its input)."""
    delta_j = f.e * f.f_prime_output
    delta_i = f.f_prime_hidden * (delta_j @ f.w_back)
    return Updates(
        dw_output=f.eta * np.outer(delta_j, f.output_weight_input),
        db_output=f.eta * delta_j * f.output_bias_input,
        dw_hidden=f.eta * np.outer(delta_i, f.hidden_weight_input),
        db_hidden=f.eta * delta_i * f.hidden_bias_input,
    )


def _add(old: Array, delta: Array) -> Array:
    return old + delta  # θ(n+1) = θ(n) + Δθ(n)


def iteration(
    net: Network,
    x: ArrayLike,
    d: ArrayLike,
    eta: float,
    *,
    forward_pass: Callable[[Network, Array], ForwardPass] = forward,
    slip: Callable[[Factors], Factors] = lambda f: f,
    new_value: Callable[[Array, Array], Array] = _add,
) -> Trace:
    r"""Every step of one iteration as a student computes it, with an optional slip in one place.

    ``forward_pass(net, x)`` is used at time $n$ and again for $y(n+1)$ (a student who slips in the forward pass
    slips twice); ``slip`` replaces factors of the four rules; ``new_value(old, delta)`` makes $\theta(n+1)$.
    Without any, the result equals `trace` (to rounding). The rows $e$ and $E$ are $d - y$ and
    $\tfrac12\sum_j e_j^2$ of the forward pass used.
    """
    x = as_array("x", x, 1, (net.n_in,))
    d, eta = as_target(d, net.n_out), check_eta(eta)
    fp = forward_pass(net, x)
    u = updates(slip(right_factors(net, fp, d, eta)))
    new = Network(new_value(net.w_hidden, u.dw_hidden), new_value(net.b_hidden, u.db_hidden),
                  new_value(net.w_output, u.dw_output), new_value(net.b_output, u.db_output),
                  hidden=net.hidden, output=net.output)
    return _names_and_values(fp, d, u, new, forward_pass(new, x).y_output)


# --------------------------------------------------------------------------------------------
# The catalogue of classic mistakes


@dataclass(frozen=True)
class Mistake:
    """A classic mistake: its name, the hint a student who made it gets, and the whole trace with that one slip."""

    name: str
    hint: str
    fn: Callable[[Network, ArrayLike, ArrayLike, float], Trace]


class NotApplicable(ValueError):
    """A slip that this network cannot show (``bias-input-x2`` with one input): `check` leaves it out."""


_CATALOGUE: list[Mistake] = []


def _mistake(name: str, hint: str) -> Callable[[Callable[..., Trace]], Callable[..., Trace]]:
    """Register ``fn`` in the catalogue under ``name``; its docstring gets the hint (typed once, here)."""

    def register(fn: Callable[..., Trace]) -> Callable[..., Trace]:
        fn.__doc__ = f"{fn.__doc__.rstrip()}\n\n    Hint: {hint}\n"
        _CATALOGUE.append(Mistake(name, hint, fn))
        return fn

    return register


@_mistake("sign-flipped", "The sign is flipped: Δθ = −η ∂E/∂θ, and with e = d − y every rule comes out with a "
                          "plus sign, e.g. Δw_4i = +η e y_hi.")
def sign_flipped(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every update with the wrong sign: $\Delta\theta = +\eta\, \partial E/\partial\theta$.

    In numbers: every $\Delta$ is the right one negated ($-\eta$ where $\eta$ belongs), and so every new value is
    $\theta(n) - \Delta\theta_{\text{right}}$. The forward pass at $n$ is right.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, eta=-f.eta))


@_mistake("no-eta", "You forgot the learning rate η: every Δ is η times the rest of its rule.")
def no_eta(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The learning rate left out of every rule: $\Delta\theta = -\partial E/\partial\theta$, i.e. the right
    $\Delta\theta / \eta$; the new values are $\theta(n) + \Delta\theta/\eta$.

    With $\eta = 1$ this slip gives the right numbers and cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, eta=1.0))


@_mistake("updated-output-weights", "You used the updated output weights w_4i(n+1) in the hidden rules; they use "
                                    "the weights at time n: compute every Δ first, then update all weights.")
def updated_output_weights(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden rules (3) and (4) fed with the output weights already updated:
    $\delta_i = f'(v_i) \sum_j \delta_j\, w_{ji}(n+1)$ with $w_{ji}(n+1) = w_{ji}(n) + \Delta w_{ji}(n)$ (the right
    $\Delta w_{ji}$); for the slides $\Delta w_{ik} = \eta\, e\, w_{4i}(n+1)\, f'(v_i)\, x_k$.

    Rules (1) and (2) and the output layer's new values are right.
    """
    def slip(f: Factors) -> Factors:
        w_next = f.w_back + updates(f).dw_output  # w_ji(n+1), from the right rule (1)
        return replace(f, w_back=w_next)

    return iteration(net, x, d, eta, slip=slip)


@_mistake("no-hidden-derivative", "You dropped f'(v_i), the derivative of the hidden neuron: y_hi(1 − y_hi) for "
                                  "logsig, 1 − y_hi² for tanh.")
def no_hidden_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden neuron's derivative left out of rules (3) and (4): $f'(v_i)$ replaced by $1$, so
    $\Delta w_{ik} = \eta\, e\, w_{4i}\, x_k$ and $\Delta b_i = \eta\, e\, w_{4i}$ for the slides.

    With a linear (purelin) hidden layer $f'(v_i) = 1$ anyway and this slip cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=np.ones_like(f.f_prime_hidden)))


@_mistake("derivative-of-v", "f'(v_i) written with the output uses y_hi = f(v_i), not v_i: y_hi(1 − y_hi) for "
                             "logsig, 1 − y_hi² for tanh.")
def derivative_of_v(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden derivative's formula in terms of the output, evaluated at the field $v_i$ where $y_{hi}$ belongs:
    $v_i(1 - v_i)$ for logsig, $1 - v_i^2$ for tansig ($1$ for purelin, where the slip cannot be seen), in rules
    (3) and (4).
    """
    f_prime = activations.get(net.hidden).derivative_from_output  # y (1 - y), 1 - y², 1
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=f_prime(f.fp.v_hidden)))


#: The derivative a student takes by mistake: the other sigmoid's (logsig for a purelin layer too).
OTHER_DERIVATIVE = {"logsig": "tansig", "tansig": "logsig", "purelin": "logsig"}


@_mistake("wrong-derivative", "That is the other sigmoid's derivative: logsig has f'(v) = y(1 − y), tanh has "
                              "f'(v) = 1 − y², with y = f(v).")
def wrong_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The other sigmoid's derivative in rules (3) and (4), written with the right output $y_{hi}$:
    $1 - y_{hi}^2$ (tansig's) for a logsig hidden layer, $y_{hi}(1 - y_{hi})$ (logsig's) for a tansig or a
    purelin hidden layer (`OTHER_DERIVATIVE`). The output layer's $f'(v_j)$ is right.
    """
    other = activations.get(OTHER_DERIVATIVE[net.hidden]).derivative_from_output
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=other(f.fp.y_hidden)))


def _bias_input(k: int) -> Callable[[Network, ArrayLike, ArrayLike, float], Trace]:
    def fn(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
        if net.n_in < k:
            raise NotApplicable(f"bias-input-x{k} needs an input x_{k}; this network has {net.n_in}")
        x_k = float(as_array("x", x, 1, (net.n_in,))[k - 1])
        return iteration(net, x, d, eta, slip=lambda f: replace(f, hidden_bias_input=x_k))

    return fn


@_mistake("bias-input-x1", "A bias has input 1 (∂v_i/∂b_i = 1): no x_k.")
def bias_input_x1(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (4) with the input $x_1$ where the bias's input $1$ belongs: $\Delta b_i = \eta\, \delta_i\, x_1$, which
    is the right $\Delta w_{i1}$; so $b_i(n+1) = b_i(n) + \Delta w_{i1}$.

    When the first input is 1, this slip gives the right numbers and cannot be seen.
    """
    return _bias_input(1)(net, x, d, eta)


@_mistake("bias-input-x2", "A bias has input 1 (∂v_i/∂b_i = 1): no x_k.")
def bias_input_x2(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (4) with the input $x_2$ where the bias's input $1$ belongs: $\Delta b_i = \eta\, \delta_i\, x_2$, the
    right $\Delta w_{i2}$. A network with one input raises `NotApplicable`.
    """
    return _bias_input(2)(net, x, d, eta)


@_mistake("output-bias-with-y", "A bias has input 1: ∂v_4/∂b_4 = 1, no y_hi.")
def output_bias_with_y(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (2) multiplied by the hidden outputs as if they were the bias's input:
    $\Delta b_j = \eta\, \delta_j \sum_i y_{hi}$ (for the slides $\eta\, e\, (y_{h1} + y_{h2} + y_{h3})$).
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, output_bias_input=float(np.sum(f.fp.y_hidden))))


@_mistake("rule1-uses-v", "The input of weight w_4i is y_hi = f(v_i), not v_i.")
def rule1_uses_v(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (1) with the hidden field $v_i$ where the hidden output $y_{hi}$ belongs:
    $\Delta w_{ji} = \eta\, \delta_j\, v_i$ (for the slides $\eta\, e\, v_i$).

    With a linear (purelin) hidden layer $y_{hi} = v_i$ and this slip cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, output_weight_input=f.fp.v_hidden))


@_mistake("cost-for-error", "Use the error e = d − y, not the cost E = ½e²: ∂E/∂e = e.")
def cost_for_error(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The cost $E(n) = \tfrac12 \sum_j e_j^2$ where the error $e_j$ belongs, in all four rules:
    $\delta_j = E\, f'(v_j)$, so $\Delta w_{4i} = \eta\, E\, y_{hi}$, $\Delta b_4 = \eta\, E$,
    $\Delta w_{ik} = \eta\, E\, w_{4i}\, f'(v_i)\, x_k$, $\Delta b_i = \eta\, E\, w_{4i}\, f'(v_i)$ for the slides.

    The rows $e$ and $E$ themselves are right.
    """
    def slip(f: Factors) -> Factors:
        return replace(f, e=np.full_like(f.e, 0.5 * np.sum(f.e**2)))

    return iteration(net, x, d, eta, slip=slip)


def _without_hidden_bias(net: Network, x: Array) -> ForwardPass:
    r"""The forward pass with $v_i = \sum_k w_{ik} x_k$: the hidden biases left out (everything else right)."""
    no_bias = Network(net.w_hidden, np.zeros(net.n_hidden), net.w_output, net.b_output,
                      hidden=net.hidden, output=net.output)
    return forward(no_bias, x)


@_mistake("no-hidden-bias", "You left out the hidden biases b_i: v_i = w_i1 x_1 + w_i2 x_2 + b_i.")
def no_hidden_bias(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The forward pass without the hidden biases, $v_i = \sum_k w_{ik} x_k$, at time $n$ and again for $y(n+1)$.

    The rules are applied right to that forward pass (so $b_i(n+1) = b_i(n) + \Delta b_i$ still moves the biases
    the forward pass ignores).
    """
    return iteration(net, x, d, eta, forward_pass=_without_hidden_bias)


def _hidden_activation_at_output(net: Network, x: Array) -> ForwardPass:
    r"""The forward pass with $y_j = f(v_j)$ for the hidden layer's $f$ where the output's own activation belongs."""
    same = Network(net.w_hidden, net.b_hidden, net.w_output, net.b_output, hidden=net.hidden, output=net.hidden)
    return forward(same, x)


@_mistake("sigmoid-output", "The output neuron has its own activation, not the hidden layer's: in the slides it is "
                            "linear (purelin), y = v_4, with no sigmoid at the output.")
def sigmoid_output(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden layer's sigmoid applied at the output too: $y = f(v_4)$ ($\frac{1}{1 + e^{-v_4}}$ for the slides'
    logsig hidden layer, $\tanh v_4$ for a tansig one) where the linear output has $y = v_4$; at time $n$ and again
    for $y(n+1)$.

    The rules are then applied as the network has them: $f'(v_j)$ is the output activation's derivative written
    with $y$ ($1$ for purelin), fed with that $y$. When the output already has the hidden layer's activation the
    slip cannot be seen.
    """
    return iteration(net, x, d, eta, forward_pass=_hidden_activation_at_output)


@_mistake("subtracted-update", "The new value adds the update: θ(n+1) = θ(n) + Δθ(n); the minus of gradient "
                               "descent is already inside Δθ = −η ∂E/∂θ.")
def subtracted_update(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every update subtracted: $\theta(n+1) = \theta(n) - \Delta\theta(n)$, with every $\Delta$ right.

    The new values equal those of ``sign-flipped``; the $\Delta$ rows tell the two apart.
    """
    return iteration(net, x, d, eta, new_value=lambda old, delta: old - delta)


@_mistake("delta-as-new-value", "Those are the updates Δ; the new value is θ(n+1) = θ(n) + Δθ(n).")
def delta_as_new_value(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The update reported as the new value: $\theta(n+1) = \Delta\theta(n)$, with every $\Delta$ right;
    $y(n+1)$ and $E(n+1)$ are those of a network whose weights and biases are the $\Delta$s.
    """
    return iteration(net, x, d, eta, new_value=lambda old, delta: delta)


#: The classic mistakes, in the order the site lists them: ``Mistake(name, hint, fn)``.
MISTAKES: tuple[Mistake, ...] = tuple(_CATALOGUE)


def mistake(name: str) -> Mistake:
    """The catalogue's mistake called ``name``; an unknown name raises ValueError listing them all."""
    for m in MISTAKES:
        if m.name == name:
            return m
    raise ValueError(f"unknown mistake {name!r}; the mistakes are {', '.join(m.name for m in MISTAKES)}")


def hint(name: str) -> str:
    """The hint of the catalogue's mistake ``name`` (the exercises take theirs from here)."""
    return mistake(name).hint


# --------------------------------------------------------------------------------------------
# Checking a student's answers


@dataclass(frozen=True)
class Step:
    """One step of the trace: its right value, the student's (None if not given), and whether it is right."""

    name: str
    expected: float
    given: float | None

    @property
    def right(self) -> bool | None:
        """True or False for a given value (by `close`), None for a step not given."""
        return None if self.given is None else close(self.given, self.expected)


@dataclass(frozen=True)
class Report:
    """What `check` found: every step in trace order, the first wrong one, and the mistakes that explain it."""

    steps: tuple[Step, ...]
    #: The first given step that is wrong, in trace order; None when every given value is right.
    first_wrong: Step | None
    #: The catalogue's mistakes whose value at ``first_wrong`` matches the given one (and not the right one).
    likely: tuple[Mistake, ...]

    @property
    def given(self) -> tuple[Step, ...]:
        """The steps the student gave, in trace order."""
        return tuple(s for s in self.steps if s.given is not None)

    @property
    def ok(self) -> bool:
        """Whether every given value is right."""
        return self.first_wrong is None

    def to_dict(self) -> dict[str, object]:
        """Plain data (for JSON): the given steps, the first wrong one and its likely mistakes with their hints."""
        return {
            "ok": self.ok,
            "steps": [{"name": s.name, "expected": s.expected, "given": s.given, "right": s.right}
                      for s in self.given],
            "first_wrong": None if self.first_wrong is None else self.first_wrong.name,
            "likely": [{"name": m.name, "hint": m.hint} for m in self.likely],
        }


def canonical(name: str) -> str:
    """A step name as the trace prints it: ``dw41`` -> ``Δw41``, ``db4`` -> ``Δb4`` (`ALIASES`); others unchanged."""
    for ascii_, symbol in ALIASES.items():
        rest = name[len(ascii_):]
        if name.startswith(ascii_) and rest[:1] in ("w", "b") and not rest.endswith("(n+1)"):
            return symbol + rest
    return name


def read_answers(answers: Mapping[str, object], known: tuple[str, ...]) -> dict[str, float]:
    """A student's answers by trace name, checked: step names known (``d`` for ``Δ`` allowed), each given once,
    values real finite numbers, at least one. Errors name the step and the problem."""
    if not isinstance(answers, Mapping):
        raise TypeError(f"the answers must be an object of step names and numbers, not a {type(answers).__name__}")
    if not answers:
        raise ValueError(f"no answers: give a value for at least one of the steps {', '.join(known)}")
    found: dict[str, float] = {}
    spelled: dict[str, str] = {}
    for name, value in answers.items():
        step_name = canonical(name) if isinstance(name, str) else name
        if step_name not in known:
            raise ValueError(f"unknown step {name!r}; the steps are {', '.join(known)} "
                             f"('d' may stand for 'Δ': 'dw41')")
        if step_name in found:
            raise ValueError(f"step {step_name!r} is given twice, as {spelled[step_name]!r} and {name!r}")
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            kind = "text (write the number without quotes)" if isinstance(value, str) else type(value).__name__
            raise TypeError(f"step {name!r} must be a number, got {kind}: {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"step {name!r} must be a finite number, got {value}")
        found[step_name], spelled[step_name] = float(value), name
    return found


def check(net: Network, x: ArrayLike, d: ArrayLike, eta: float, answers: Mapping[str, object]) -> Report:
    r"""Check a student's values for any steps of one iteration of ``net`` on the sample ``x``, ``d``, ``eta``.

    Parameters
    ----------
    net, x, d, eta
        The network at time $n$ and the sample, as for `trace`.
    answers : mapping
        Step name (as `trace` names it, or with ``d`` for ``Δ``) to the student's value.

    Returns
    -------
    Report
        Every step with its right and given value; the first wrong given step in trace order; the catalogue's
        mistakes whose value there is within the tolerance of the given one and not of the right one
        (empty when no classic mistake gives that value).

    Raises
    ------
    ValueError, TypeError
        An unknown step name (the message lists the known ones), a step given twice, a value that is not a finite
        number, or no answers at all.
    """
    expected = trace(net, x, d, eta)
    given = read_answers(answers, tuple(expected))
    steps = tuple(Step(name, value, given.get(name)) for name, value in expected.items())
    first_wrong = next((s for s in steps if s.right is False), None)
    likely: tuple[Mistake, ...] = ()
    if first_wrong is not None:
        likely = tuple(m for m in MISTAKES if _explains(m, first_wrong, net, x, d, eta))
    return Report(steps, first_wrong, likely)


def _explains(m: Mistake, wrong: Step, net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> bool:
    """Whether mistake ``m`` gives the student's value at ``wrong`` and not the right one."""
    try:
        value = m.fn(net, x, d, eta)[wrong.name]
    except NotApplicable:
        return False
    return close(wrong.given, value) and not close(value, wrong.expected)
