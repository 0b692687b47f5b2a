r"""The catalogue of classic mistakes: each one whole iteration with one slip, named, with its hint.

Each mistake is a function ``fn(net, x, d, eta)`` that returns the whole trace (`backprop._trace.trace`'s
steps) with that one slip and everything else right, so a slip early in the iteration carries into every
later step, as it does on paper. Most slips replace one factor of the rules written with the local
gradients (`backprop._trace.Factors`),

$$
\Delta w_{ji} = \eta\, \delta_j\, y_{hi}, \quad \Delta b_j = \eta\, \delta_j \cdot 1, \quad
\Delta w_{ik} = \eta\, \delta_i\, x_k, \quad \Delta b_i = \eta\, \delta_i \cdot 1, \quad
\theta(n+1) = \theta(n) + \Delta\theta(n);
$$

the others change the forward pass or the new value. `_mistake` registers each function with its name, its
hint and the slip in a few words, each typed once; `MISTAKES` keeps them in the order the site lists them. The
exercises' answer boxes take their slips from here (by name), and the site's live page has the same slips in
JavaScript under the same names. The public names are re-exported, and documented, by
`backprop.homework`. How a hint is written for a network is in `backprop._hints`. Over 300 lines because it is
the catalogue, one entry per slip with its hint beside it: split, a slip and its hint would sit in different
files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import ArrayLike

from . import activations, examples, labels
from ._checks import as_input
from ._hints import F_PRIME_TEXT, F_TEXT, SHORT, HintText, Notation, write
from ._trace import Factors, Trace, iteration, updates
from .activations import Array
from .network import ForwardPass, Network, _unchecked, checked_network, forward


@dataclass(frozen=True)
class Mistake:
    """A classic mistake: its name, the hint a student who made it gets, and the whole trace with that one slip.

    ``hint`` is the hint for the site's worked example (`backprop.examples.NET`, the slides' 2-3-1 network);
    `hint_for` writes it for any network, with that network's labels.
    """

    name: str
    hint: str
    fn: Callable[[Network, ArrayLike, ArrayLike, float], Trace]
    #: The hint as written once, for any network (``hint`` is it for the worked example); None: ``hint`` always.
    template: HintText | None = field(default=None, repr=False, compare=False)
    #: The slip in a few words, as the exercises' notes list it ("forgetting η"), written once for any network.
    slip: HintText = field(default="", repr=False, compare=False)

    def hint_for(self, net: Network | None = None, rule: int = 1) -> str:
        """The hint for a student who computed with ``net`` (its sizes, labels and both activations); without ``net``,
        the worked example's, ``hint``. ``rule`` (1 to 4): the rule a hint that writes one out as its example shows
        (`Notation.rule`), for a student who was working on that rule."""
        if net is None or self.template is None:
            return self.hint
        return write(self.template, replace(Notation.of(net), rule=rule))

    def slip_for(self, net: Network | None = None) -> str:
        """The slip in a few words, in ``net``'s labels (the worked example's without ``net``): "leaving out the
        output bias b_4"."""
        return write(self.slip, Notation.of(examples.site_network() if net is None else net))


class NotApplicable(ValueError):
    """A slip that this network cannot show (``bias-input-x2`` with one input, ``wrong-derivative`` with a hidden
    activation added with `backprop.activations.register`): `check` leaves it out."""


_CATALOGUE: list[Mistake] = []


def _mistake(name: str, template: HintText, *,
             slip: HintText) -> Callable[[Callable[..., Trace]], Callable[..., Trace]]:
    """Register ``fn`` in the catalogue under ``name`` with its hint, written once as ``template`` (text, or a function
    of the network's `Notation`), and the slip in a few words; its docstring gets the hint for the worked example."""

    def register(fn: Callable[..., Trace]) -> Callable[..., Trace]:
        hint = write(template, Notation.of(examples.site_network()))  # works whatever the example file holds
        fn.__doc__ = f"{fn.__doc__.rstrip()}\n\n    Hint: {hint}\n"
        _CATALOGUE.append(Mistake(name, hint, fn, template, slip))
        return fn

    return register


def _plus_rule(n: Notation) -> str:
    """Rule `Notation.rule` written out with its plus sign, for the first output: ``w_4i = +η e y_hi`` (rule 1),
    ``b_4 = +η e``, ``w_ik = +η e w_4i f'(v_i) x_k``, ``b_i = +η e w_4i f'(v_i)``; with several outputs the hidden
    rules send back Σ_j e_j w_ji. With a nonlinear output its f'(v_j) is a factor of the rule, given where the
    notation knows it."""
    f_prime = n.output_f_prime(n.first)
    factor = "" if n.output == "purelin" else f" f'(v_{n.first})"
    e = f"{n.at('e', n.first)}{factor}"
    if n.rule in (3, 4):
        each = "" if n.output == "purelin" else " f'(v_j)"
        back = f"{e} {labels.weight(n.first, 'i')}" if n.n_out == 1 else f"Σ_j e_j{each} w_ji"
        example = f"w_ik = +η {back} f'(v_i) x_k" if n.rule == 3 else f"b_i = +η {back} f'(v_i)"
        factor = factor if n.n_out == 1 else ""  # the sum's f'(v_j), for every j: no one output's to give
    else:
        example = f"{labels.weight(n.first, 'i')} = +η {e} y_hi" if n.rule == 1 else f"{labels.bias(n.first)} = +η {e}"
    if factor and f_prime is not None:
        example += f" with f'(v_{n.first}) = {f_prime}"
    return example


def _sign_flipped_hint(n: Notation) -> str:
    return (f"Your sign is flipped: the error is {n.at('e')} = {n.at('d')} − {n.at('y')}, not {n.at('y')} − "
            f"{n.at('d')}, and with it the rule Δθ = −η ∂E/∂θ for any weight or bias θ comes out with a plus sign, "
            f"e.g. Δ{_plus_rule(n)}.")


@_mistake("sign-flipped", _sign_flipped_hint, slip="the flipped sign")
def sign_flipped(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every update with the wrong sign: the error taken as $e_j = y_j - d_j$ and the rules applied to it as
    written, which is $\Delta\theta = +\eta\, \partial E/\partial\theta$.

    In numbers: the row $e$ is the right one negated ($y - d$; $E$ is unchanged), every $\Delta$ is the right one
    negated, and so every new value is $\theta(n) - \Delta\theta_{\text{right}}$. The forward pass at $n$ is right.
    A student who writes $e = d - y$ and then flips the sign of the updates first differs at a $\Delta$, with the
    same value there.
    """
    return _error_rows_negated(iteration(net, x, d, eta, slip=lambda f: replace(f, e=-f.e)))


def _updates_sign_flipped_hint(n: Notation) -> str:
    return (f"Your updates' sign is flipped: your {n.at('e')} = {n.at('d')} − {n.at('y')} is right, and with it "
            f"Δθ = −η ∂E/∂θ for any weight or bias θ gives every rule a plus sign, e.g. Δ{_plus_rule(n)}; yours "
            "move up the gradient.")


@_mistake("updates-sign-flipped", _updates_sign_flipped_hint, slip="the updates' sign flipped, e right")
def updates_sign_flipped(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every update with the wrong sign, the error right: $e_j = d_j - y_j$ as it should be, and then
    $\Delta\theta = +\eta\, \partial E/\partial\theta$ (a live page's reviewer gave $e$ right and $\Delta w_{41}$
    negated, which ``sign-flipped``, whose $e$ is $y - d$, could not explain).

    In numbers: the forward pass, $e$ and $E$ right, every $\Delta$ the right one negated, every new value
    $\theta(n) - \Delta\theta_{\text{right}}$: ``sign-flipped``'s rows but $e$'s.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, e=-f.e))


def _error_rows_negated(t: Trace) -> Trace:
    """The trace with its error rows ``e`` (``e4``, ``e5``, ... for several outputs) as the student wrote them,
    $y - d$; the cost $E$ is the same either way."""
    return {name: -value if name == "e" or (name[:1] == "e" and name[1:].isdigit()) else value
            for name, value in t.items()}


@_mistake("no-eta", "You forgot the learning rate η: every Δ is η times the rest of its rule.", slip="forgetting η")
def no_eta(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The learning rate left out of every rule: $\Delta\theta = -\partial E/\partial\theta$, i.e. the right
    $\Delta\theta / \eta$; the new values are $\theta(n) + \Delta\theta/\eta$.

    With $\eta = 1$ this slip gives the right numbers and cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, eta=1.0))


@_mistake("updated-output-weights", lambda n: f"You used the updated output weights {n.w_out}(n+1) in the hidden "
                                              f"rules; they use the weights at time n: compute every Δ first, then "
                                              f"update all weights and biases.",
          slip=lambda n: f"the updated weights {n.w_out}(n+1)")
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


def _no_output_derivative_hint(n: Notation) -> str:
    neuron = "the output neuron's" if n.n_out == 1 else "each output neuron's"
    f_prime = n.output_f_prime()
    if n.output == "purelin":  # f' = 1: the slip changes nothing, and check() never names it
        return f"You dropped f'({n.v_out}), {neuron} derivative; this output is linear (purelin), where it is 1."
    own = f" ({n.output})" if f_prime is None else f": here f'({n.v_out}) = {f_prime} ({n.output})"
    return (f"You dropped f'({n.v_out}), {neuron} derivative{own}, a factor of all four rules. The slides' rules "
            "have none only because their output is linear (purelin).")


@_mistake("no-output-derivative", _no_output_derivative_hint, slip=lambda n: f"dropping f'({n.v_out})")
def no_output_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The output neuron's derivative left out of all four rules: $f'(v_j)$ replaced by $1$, so $\delta_j = e_j$
    as in the slides' rules, whose output is linear; for one sigmoid output $\Delta w_{4i} = \eta\, e\, y_{hi}$ and
    $\Delta w_{ik} = \eta\, e\, w_{4i}\, f'(v_i)\, x_k$. The forward pass is right. (The common-mistakes page's
    mistake 2, on a tansig output.)

    With a linear (purelin) output $f'(v_j) = 1$ anyway and this slip cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_output=np.ones_like(f.f_prime_output)))


def _own_hidden_derivative(n: Notation) -> str:
    """The hidden layer's own derivative for a hint: ``: here f'(v_i) = y_hi(1 − y_hi) (logsig)``, or `` (name)`` for
    an activation with no formula here."""
    f_prime = n.hidden_f_prime
    return f" ({n.hidden})" if f_prime is None else f": here f'(v_i) = {f_prime} ({n.hidden})"


@_mistake("no-hidden-derivative",
          lambda n: f"You dropped f'(v_i), the hidden neuron's derivative{_own_hidden_derivative(n)}.",
          slip="dropping f'(v_i)")
def no_hidden_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden neuron's derivative left out of rules (3) and (4): $f'(v_i)$ replaced by $1$, so
    $\Delta w_{ik} = \eta\, e\, w_{4i}\, x_k$ and $\Delta b_i = \eta\, e\, w_{4i}$ for the slides.

    With a linear (purelin) hidden layer $f'(v_i) = 1$ anyway and this slip cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=np.ones_like(f.f_prime_hidden)))


@_mistake("derivative-of-v", lambda n: "f'(v_i) written with the output uses y_hi = f(v_i), not v_i"
                                       + (_own_hidden_derivative(n) if n.hidden_f_prime else "") + ".",
          slip="f'(v_i) computed from v_i")
def derivative_of_v(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden derivative's formula in terms of the output, evaluated at the field $v_i$ where $y_{hi}$ belongs:
    $v_i(1 - v_i)$ for logsig, $1 - v_i^2$ for tansig ($1$ for purelin, where the slip cannot be seen), in rules
    (3) and (4).
    """
    net = checked_network(net)  # before its activation is read
    f_prime = activations.get(net.hidden).derivative_from_output  # y (1 - y), 1 - y², 1
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=f_prime(f.fp.v_hidden)))


@_mistake("derivative-at-output", lambda n: "You took the hidden derivative at the output, f'(y_hi), which applies f "
                                            "twice; it belongs at the field v_i"
                                            + (_own_hidden_derivative(n) if n.hidden_f_prime else "") + ".",
          slip="f'(y_hi) in place of f'(v_i)")
def derivative_at_output(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden derivative taken at the output $y_{hi}$ where the field $v_i$ belongs, in rules (3) and (4):
    $f'(y_{hi}) = f(y_{hi})\,(1 - f(y_{hi}))$ for logsig, $1 - \tanh^2 y_{hi}$ for tansig ($1$ for purelin, where the
    slip cannot be seen). In code: a slope function of the field called with the layer's output, ``f_prime(y_h)``
    where ``f_prime(v)`` belongs.
    """
    net = checked_network(net)  # before its activation is read
    slope = activations.get(net.hidden).derivative  # f'(v), a function of the field
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=slope(f.fp.y_hidden)))


#: The derivative a student takes by mistake: the other sigmoid's (logsig for a purelin layer too).
OTHER_DERIVATIVE = {"logsig": "tansig", "tansig": "logsig", "purelin": "logsig"}


def _hidden_in(table: dict[str, object], table_name: str, net: Network, name: str, needs: str) -> Network:
    """``net`` checked (before its activation is read: a message naming net, as the other slips give), if ``table``
    has its hidden activation; else `NotApplicable`: the slip ``name`` needs ``needs``, which this layer has not."""
    net = checked_network(net)
    if net.hidden not in table:
        raise NotApplicable(f"{name} needs {needs}; the hidden activation {net.hidden!r} has none ({table_name})")
    return net


def _own_derivative(n: Notation) -> str:
    """The hidden layer's own derivative for the two hints below: ``this hidden layer is logsig, so f'(v_i) =
    y_hi(1 − y_hi) with y_hi = f(v_i)``; for an activation with no formula here, that f'(v_i) is its own."""
    f_prime = n.hidden_f_prime
    if f_prime is None:
        return f"f'(v_i) is the derivative of this hidden layer's own activation, {n.hidden}"
    output = " with y_hi = f(v_i)" if "y_hi" in f_prime else ""
    return f"this hidden layer is {n.hidden}, so f'(v_i) = {f_prime}{output}"


def _wrong_derivative_hint(n: Notation) -> str:
    start = f"In the hidden rules you used another activation's derivative: {_own_derivative(n)}"
    if n.hidden_f_prime is None:
        return f"{start}."
    others = [f"{name}'s {text.format(y='y_hi')}" for name, text in F_PRIME_TEXT.items() if name != n.hidden]
    return f"{start}, not {' or '.join(others)}."


@_mistake("wrong-derivative", _wrong_derivative_hint, slip="another activation's derivative")
def wrong_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The other sigmoid's derivative in rules (3) and (4), written with the right output $y_{hi}$:
    $1 - y_{hi}^2$ (tansig's) for a logsig hidden layer, $y_{hi}(1 - y_{hi})$ (logsig's) for a tansig or a
    purelin hidden layer (`OTHER_DERIVATIVE`). The output layer's $f'(v_j)$ is right. A hidden activation added
    with `backprop.activations.register` has no other derivative a student takes by mistake: it raises
    `NotApplicable`, and `check` names the other mistakes.
    """
    net = _hidden_in(OTHER_DERIVATIVE, "OTHER_DERIVATIVE", net, "wrong-derivative",
                     "another activation's derivative taken by mistake")
    other = activations.get(OTHER_DERIVATIVE[net.hidden]).derivative_from_output
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=other(f.fp.y_hidden)))


def _other_derivative_of_v_hint(n: Notation) -> str:
    if n.hidden_f_prime is None or n.hidden not in OTHER_DERIVATIVE:
        return f"In the hidden rules you used another activation's derivative: {_own_derivative(n)}."
    other = OTHER_DERIVATIVE[n.hidden]
    at_v = f"{other}'(v_i) = {F_PRIME_TEXT[other].format(y='s')} with s = {F_TEXT[other].format(v='v_i')}"
    return f"In the hidden rules you used {other}'s derivative at the field, {at_v}: {_own_derivative(n)}."


@_mistake("other-derivative-of-v", _other_derivative_of_v_hint,
          slip="another activation's derivative at v_i")
def other_derivative_of_v(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The other sigmoid's derivative in rules (3) and (4), taken at the field $v_i$ as a derivative of $v$:
    $\operatorname{logsig}'(v_i) = s(1 - s)$ with $s = \operatorname{logsig}(v_i)$ for a tansig or a purelin hidden
    layer (the slides' derivative, which a student of a tanh network carries over), $1 - \tanh^2 v_i$ for a logsig
    one (`OTHER_DERIVATIVE`). Unlike `wrong_derivative`, it is not fed with this layer's output $y_{hi}$. The output
    layer's $f'(v_j)$ is right; a registered hidden activation raises `NotApplicable`, as there.
    """
    net = _hidden_in(OTHER_DERIVATIVE, "OTHER_DERIVATIVE", net, "other-derivative-of-v",
                     "another activation's derivative taken by mistake")
    other = activations.get(OTHER_DERIVATIVE[net.hidden]).derivative  # f'(v) of the other sigmoid, as a function of v
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=other(f.fp.v_hidden)))


#: A row of the derivative table with its sign flipped, written with the output y = f(v): the common-mistakes
#: page's mistake 5 (logsig's y(1 + y), tansig's 1 + y²); a purelin layer's f' = 1 has no sign to flip.
PLUS_SIGN = {"logsig": lambda y: y * (1 + y), "tansig": lambda y: 1 + y**2}


def _derivative_plus_sign_hint(n: Notation) -> str:
    start = "In the hidden rules your f'(v_i) has a plus where its minus belongs"
    if n.hidden not in PLUS_SIGN or n.hidden_f_prime is None:
        return f"{start}: {_own_derivative(n)}."
    return f"{start}: {_own_derivative(n)}, not {n.hidden_f_prime.replace('−', '+')}."


@_mistake("derivative-plus-sign", _derivative_plus_sign_hint, slip="a plus for the minus in f'(v_i)")
def derivative_plus_sign(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""A wrong row of the derivative table in rules (3) and (4), its minus written as a plus (`PLUS_SIGN`):
    $f'(v_i) = y_{hi}(1 + y_{hi})$ for a logsig hidden layer, $1 + y_{hi}^2$ for a tansig one (the common-mistakes
    page's mistake 5). The output layer's $f'(v_j)$ is right; a purelin or a registered hidden activation raises
    `NotApplicable`.
    """
    net = _hidden_in(PLUS_SIGN, "PLUS_SIGN", net, "derivative-plus-sign", "a minus in f'(v_i) to flip")
    wrong = PLUS_SIGN[net.hidden]
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=wrong(f.fp.y_hidden)))


#: tanh's derivative without its square, written with the output y = f(v): ``1 - y`` for ``1 - y**2`` (the slides'
#: tanh derivation ends in 1 - tanh²(z)); the other activations' derivatives have no square to leave out.
UNSQUARED = {"tansig": lambda y: 1 - y}


def _derivative_unsquared_hint(n: Notation) -> str:
    if n.hidden not in UNSQUARED or n.hidden_f_prime is None:  # no square to lose (the slip raises NotApplicable)
        return f"In the hidden rules your f'(v_i) is not this layer's own: {_own_derivative(n)}."
    return (f"In the hidden rules your f'(v_i) has lost its square: {_own_derivative(n)}, not "
            f"{n.hidden_f_prime.replace('²', '')}.")


@_mistake("derivative-unsquared", _derivative_unsquared_hint, slip="1 − y_hi for tanh's 1 − y_hi²")
def derivative_unsquared(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Tanh's derivative without its square in rules (3) and (4) (`UNSQUARED`): $1 - y_{hi}$ for
    $f'(v_i)$ where $1 - y_{hi}^2$ belongs, for a tansig hidden layer. The output layer's $f'(v_j)$ is right; a logsig,
    purelin or registered hidden activation raises `NotApplicable`.
    """
    net = _hidden_in(UNSQUARED, "UNSQUARED", net, "derivative-unsquared", "a square in f'(v_i) to leave out")
    wrong = UNSQUARED[net.hidden]
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=wrong(f.fp.y_hidden)))


@_mistake("output-for-derivative", lambda n: f"You used the hidden neuron's output y_hi where its derivative "
                                             f"f'(v_i) belongs{_own_hidden_derivative(n)}.",
          slip="y_hi in place of f'(v_i)")
def output_for_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden neuron's output $y_{hi}$ in rules (3) and (4) where its derivative $f'(v_i)$ belongs:
    $\delta_i = y_{hi} \sum_j \delta_j\, w_{ji}$, so $\Delta w_{ik} = \eta\, e\, w_{4i}\, y_{hi}\, x_k$ for the slides
    (a live page's reviewer wrote $y_{hi}$ for the logistic's $y_{hi}(1 - y_{hi})$). The output layer's $f'(v_j)$ is
    right.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_hidden=f.fp.y_hidden))


def _sigmoid_output(net: Network, name: str) -> Network:
    """``net`` checked, if its output is a sigmoid (logsig or tansig); else `NotApplicable`: a linear output's slope is
    1, and these slips at it are not what a student of its rules writes."""
    net = checked_network(net)  # before its activation is read
    if net.output not in ("logsig", "tansig"):
        raise NotApplicable(f"{name} needs a sigmoid output (logsig or tansig); this output is {net.output!r}")
    return net


def _output_slope_hint(n: Notation, start: str, other: bool = False) -> str:
    """``start``, then the output's own f'(v_j) for a sigmoid output (and, ``other``, not the other sigmoid's); for a
    linear one, that its slope is 1."""
    if n.output not in ("logsig", "tansig"):
        return f"{start}; this output is linear ({n.output}), whose derivative is 1."
    text = f"{start}: this output is {n.output}, so f'({n.v_out}) = {n.output_f_prime()}"
    if other:
        name = OTHER_DERIVATIVE[n.output]
        text += f", not {name}'s {F_PRIME_TEXT[name].format(y=n.at('y'))}"
    return text + "."


@_mistake("wrong-output-derivative",
          lambda n: _output_slope_hint(n, "At the output you used another activation's derivative", other=True),
          slip="another activation's derivative at the output")
def wrong_output_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The other sigmoid's derivative at a sigmoid output, written with its right output $y_j$: $1 - y_j^2$
    (tansig's) for a logsig output, $y_j(1 - y_j)$ (logsig's) for a tansig one, in every rule; the hidden layer's
    $f'(v_i)$ is right. A linear (purelin) output raises `NotApplicable`.
    """
    net = _sigmoid_output(net, "wrong-output-derivative")
    other = activations.get(OTHER_DERIVATIVE[net.output]).derivative_from_output
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_output=other(f.fp.y_output)))


@_mistake("output-for-output-derivative",
          lambda n: _output_slope_hint(n, f"You used the output {n.at('y')} where its derivative f'({n.v_out}) "
                                          "belongs"),
          slip=lambda n: f"{n.at('y')} in place of f'({n.v_out})")
def output_for_output_derivative(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The output $y_j$ where its derivative $f'(v_j)$ belongs, at a sigmoid output: $\delta_j = e_j\, y_j$ in every
    rule (a live page's reviewer with a logsig output wrote $y$ for $y(1 - y)$). A linear (purelin) output raises
    `NotApplicable`.
    """
    net = _sigmoid_output(net, "output-for-output-derivative")
    return iteration(net, x, d, eta, slip=lambda f: replace(f, f_prime_output=f.fp.y_output))


def _no_output_weight_hint(n: Notation) -> str:
    if n.n_out == 1:
        return f"The error reaches hidden neuron i through {n.w_out}: multiply by it."
    return (f"Each output's error reaches hidden neuron i through its own weight {n.w_out}: weight each output's δ_j "
            f"by its {n.w_out} before you sum over j.")  # a student's review: "multiply by it" was vague for several


@_mistake("no-output-weight", _no_output_weight_hint, slip=lambda n: f"leaving out {n.w_out}")
def no_output_weight(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The output weights left out of rules (3) and (4): $\delta_i = f'(v_i) \sum_j \delta_j$, as if every
    $w_{ji}$ were 1, so $\Delta b_i = \eta\, e\, f'(v_i)$ for the slides. Rules (1) and (2) are right.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, w_back=np.ones_like(f.w_back)))


def _first_output_only_hint(n: Notation) -> str:
    if n.n_out == 1:
        return (f"A hidden neuron's error signal sums over every output neuron it feeds; this network has one, "
                f"neuron {n.first}.")
    outputs = ", ".join(map(str, labels.output_neurons(n.n_hidden, n.n_out)))
    term = "e_j w_ji" if n.output == "purelin" else "e_j f'(v_j) w_ji"  # δ_j, in the words the exercises use
    return (f"Only output {n.first} is in your sum: hidden neuron i feeds every output neuron j, so its error signal "
            f"sums {term} over j = {outputs}.")


@_mistake("first-output-only", _first_output_only_hint, slip="the first output's error alone sent back")
def first_output_only(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rules (3) and (4) with the sum $\sum_j \delta_j\, w_{ji}$ cut to the first output's term, as if every other
    output's weights $w_{ji}$ were 0: the slides' rule, whose one output makes the sum one term, copied to a network
    with several (the common-mistakes page's mistake 4). Rules (1) and (2) are right. A network with one output
    raises `NotApplicable`.
    """
    net = checked_network(net)  # before its sizes are read
    if net.n_out < 2:
        raise NotApplicable(f"first-output-only needs several outputs to leave out; this network has {net.n_out}")

    def slip(f: Factors) -> Factors:
        first = np.zeros_like(f.w_back)
        first[0] = f.w_back[0]
        return replace(f, w_back=first)

    return iteration(net, x, d, eta, slip=slip)


def _bias_input(k: int) -> Callable[[Network, ArrayLike, ArrayLike, float], Trace]:
    def fn(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
        net = checked_network(net)  # before its sizes are read: a message naming net, as the other slips give
        if net.n_in < k:
            raise NotApplicable(f"bias-input-x{k} needs an input x_{k}; this network has {net.n_in}")
        x_k = float(as_input(x, net.n_in)[k - 1])
        return iteration(net, x, d, eta, slip=lambda f: replace(f, hidden_bias_input=x_k))

    return fn


@_mistake("bias-input-x1", "A bias has input 1 (∂v_i/∂b_i = 1): no x_k.",
          slip="multiplying by the input x_1 (which gives Δw_i1)")
def bias_input_x1(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (4) with the input $x_1$ where the bias's input $1$ belongs: $\Delta b_i = \eta\, \delta_i\, x_1$, which
    is the right $\Delta w_{i1}$; so $b_i(n+1) = b_i(n) + \Delta w_{i1}$.

    When the first input is 1, this slip gives the right numbers and cannot be seen.
    """
    return _bias_input(1)(net, x, d, eta)


@_mistake("bias-input-x2", "A bias has input 1 (∂v_i/∂b_i = 1): no x_k.",
          slip="multiplying by the input x_2 (which gives Δw_i2)")
def bias_input_x2(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (4) with the input $x_2$ where the bias's input $1$ belongs: $\Delta b_i = \eta\, \delta_i\, x_2$, the
    right $\Delta w_{i2}$. A network with one input raises `NotApplicable`.
    """
    return _bias_input(2)(net, x, d, eta)


@_mistake("output-bias-with-y", lambda n: f"A bias has input 1: ∂{n.v_out}/∂{n.b_out} = 1, no y_hi.",
          slip="multiplying by the hidden outputs y_hi")
def output_bias_with_y(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (2) multiplied by the hidden outputs as if they were the bias's input:
    $\Delta b_j = \eta\, \delta_j \sum_i y_{hi}$ (for the slides $\eta\, e\, (y_{h1} + y_{h2} + y_{h3})$).
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, output_bias_input=float(np.sum(f.fp.y_hidden))))


@_mistake("rule1-uses-v", lambda n: f"The input of weight {n.w_out} is y_hi = f(v_i), not v_i.",
          slip="v_i in place of y_hi")
def rule1_uses_v(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (1) with the hidden field $v_i$ where the hidden output $y_{hi}$ belongs:
    $\Delta w_{ji} = \eta\, \delta_j\, v_i$ (for the slides $\eta\, e\, v_i$).

    With a linear (purelin) hidden layer $y_{hi} = v_i$ and this slip cannot be seen.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, output_weight_input=f.fp.v_hidden))


@_mistake("rule1-no-y", lambda n: f"∂{n.v_out}/∂{n.w_out} = y_hi: multiply by the hidden output the weight carries.",
          slip="leaving out y_hi")
def rule1_no_y(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (1) without the weight's input: $\Delta w_{ji} = \eta\, \delta_j$ where
    $\Delta w_{ji} = \eta\, \delta_j\, y_{hi}$ belongs, so every $\Delta w_{ji}$ of output $j$ is its $\Delta b_j$
    (for the slides $\Delta w_{4i} = \eta\, e$).
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, output_weight_input=np.ones_like(f.output_weight_input)))


@_mistake("rule3-no-x", "In rule 3 you left out the input x_k: the update of a hidden weight w_ik is η δ_i "
                       "times its own input x_k (∂v_i/∂w_ik is x_k), as the bias's is times its input 1.",
          slip="leaving out x_k (which gives Δb_i)")
def rule3_no_x(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (3) without the weight's input: $\Delta w_{ik} = \eta\, \delta_i$ where
    $\Delta w_{ik} = \eta\, \delta_i\, x_k$ belongs, so every $\Delta w_{ik}$ of neuron $i$ is its $\Delta b_i$.

    Where $x_k = 1$ this slip gives the right $\Delta w_{ik}$ and cannot be seen there; where $x_k = \eta$ it gives
    the value ``no-eta`` gives, and both are named.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, hidden_weight_input=np.ones_like(f.hidden_weight_input)))


@_mistake("swapped-inputs", "Each Δw_ik takes its own input x_k: Δw_i1 is times x_1, Δw_i2 times x_2.",
          slip="the inputs x_1 and x_2 swapped in rule 3")
def swapped_inputs(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Rule (3) with each weight's input taken for the other's: $\Delta w_{i1} = \eta\, \delta_i\, x_2$ and
    $\Delta w_{i2} = \eta\, \delta_i\, x_1$, so each neuron's two updates are the right ones swapped (a reviewer
    gave such a $\Delta w_{11}$ and read "no classic mistake"). A network without exactly two inputs raises
    `NotApplicable`.

    Where $x_1 = x_2$ this slip gives the right numbers and cannot be seen.
    """
    net = checked_network(net)  # before its sizes are read: a message naming net, as the other slips give
    if net.n_in != 2:
        raise NotApplicable(f"swapped-inputs needs exactly two inputs x_1 and x_2; this network has {net.n_in}")
    return iteration(net, x, d, eta, slip=lambda f: replace(f, hidden_weight_input=f.hidden_weight_input[::-1]))


@_mistake("cost-for-error", lambda n: f"Use the error {n.at('e')} = {n.at('d')} − {n.at('y')}, not the cost "
                                      f"E = {n.cost}: ∂E/∂{n.at('e')} = {n.at('e')}.",
          slip="the cost E in place of the error e")
def cost_for_error(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The cost $E(n) = \tfrac12 \sum_j e_j^2$ where the error $e_j$ belongs, in all four rules:
    $\delta_j = E\, f'(v_j)$, so $\Delta w_{4i} = \eta\, E\, y_{hi}$, $\Delta b_4 = \eta\, E$,
    $\Delta w_{ik} = \eta\, E\, w_{4i}\, f'(v_i)\, x_k$, $\Delta b_i = \eta\, E\, w_{4i}\, f'(v_i)$ for the slides.

    The rows $e$ and $E$ themselves are right.
    """
    def slip(f: Factors) -> Factors:
        return replace(f, e=np.full_like(f.e, 0.5 * np.sum(f.e**2)))

    return iteration(net, x, d, eta, slip=slip)


@_mistake("cost-without-half", lambda n: f"The cost is E = {n.cost}, with the ½ (it makes ∂E/∂{n.at('e')} = "
                                         f"{n.at('e')}): you left it out.",
          slip="the cost without its ½")
def cost_without_half(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The cost without its $\tfrac12$, $E(n) = \sum_j e_j^2$, at time $n$ and at $n + 1$: twice the cost. The rules
    are right (each is $-\eta$ times the gradient of $\tfrac12 \sum_j e_j^2$)."""
    return iteration(net, x, d, eta, cost=lambda e: np.sum(e**2))


@_mistake("derivative-without-half", lambda n: f"Your updates are twice the right ones: the cost is E = {n.cost}, "
                                               f"and its ½ makes ∂E/∂{n.at('e')} = {n.at('e')}; the derivative of "
                                               f"the square alone is twice that.",
          slip="the ½ of E left out (every update doubled)")
def derivative_without_half(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The rules derived from the cost without its $\tfrac12$, $\partial E/\partial e_j = 2 e_j$: so
    $\delta_j = 2 e_j\, f'(v_j)$ and every update is twice the right one ($\Delta w_{4i} = 2\eta\, e\, y_{hi}$ for
    the slides). The rows $e$ and $E$ themselves are right.

    With a learning rate of 0.5 its updates are those of ``no-eta``, and both are named.
    """
    return iteration(net, x, d, eta, slip=lambda f: replace(f, e=2.0 * f.e))


def _without_hidden_bias(net: Network, x: Array) -> ForwardPass:
    r"""The forward pass with $v_i = \sum_k w_{ik} x_k$: the hidden biases left out (everything else right)."""
    # unchecked: at n+1 a slip's weights may have overflowed to inf (`iteration` reports that as inf rows)
    return forward(_unchecked(net.w_hidden, np.zeros(net.n_hidden), net.w_output, net.b_output, net.hidden,
                              net.output), x)


@_mistake("no-hidden-bias", lambda n: f"You left out the hidden biases b_i: v_i = {n.hidden_field}.",
          slip="leaving out the hidden biases b_i")
def no_hidden_bias(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The forward pass without the hidden biases, $v_i = \sum_k w_{ik} x_k$, at time $n$ and again for $y(n+1)$.

    The rules are applied right to that forward pass (so $b_i(n+1) = b_i(n) + \Delta b_i$ still moves the biases
    the forward pass ignores).
    """
    return iteration(net, x, d, eta, forward_pass=_without_hidden_bias)


def _without_output_bias(net: Network, x: Array) -> ForwardPass:
    r"""The forward pass with $v_j = \sum_i w_{ji} y_{hi}$: the output biases left out (everything else right)."""
    # unchecked: at n+1 a slip's weights may have overflowed to inf (`iteration` reports that as inf rows)
    return forward(_unchecked(net.w_hidden, net.b_hidden, net.w_output, np.zeros(net.n_out), net.hidden,
                              net.output), x)


@_mistake("no-output-bias", lambda n: f"You left out the output bias {n.b_out}: {n.v_out} = Σ_i {n.w_out} y_hi + "
                                      f"{n.b_out}.",
          slip=lambda n: f"leaving out the output bias {n.b_out}")
def no_output_bias(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The forward pass without the output biases, $v_j = \sum_i w_{ji} y_{hi}$, at time $n$ and again for
    $y(n+1)$; the hidden layer is right. The rules are applied right to that forward pass.
    """
    return iteration(net, x, d, eta, forward_pass=_without_output_bias)


def _fields_as_outputs(net: Network, x: Array) -> ForwardPass:
    r"""The forward pass with $y_{hi} = v_i$: the hidden fields passed on where their outputs belong."""
    # unchecked: at n+1 a slip's weights may have overflowed to inf (`iteration` reports that as inf rows)
    return forward(_unchecked(net.w_hidden, net.b_hidden, net.w_output, net.b_output, "purelin", net.output), x)


def _fields_for_outputs_hint(n: Notation) -> str:
    f = F_TEXT.get(n.hidden)
    y = "y_hi = f(v_i)" + ("" if f is None else f" = {f.format(v='v_i')}")
    return f"You used the fields v_i where the hidden outputs {y} belong."


@_mistake("fields-for-outputs", _fields_for_outputs_hint, slip="the fields v_i in place of the hidden outputs y_hi")
def fields_for_outputs(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The hidden fields where the hidden outputs belong, $y_{hi} = v_i$, at time $n$ and again for $y(n+1)$: so
    $v_4 = \sum_i w_{4i}\, v_i + b_4$ for the slides, and the rules are applied to that forward pass (their
    $y_{hi}$ is $v_i$, in $\Delta w_{ji}$ and in $f'(v_i)$ written with the output).

    With a linear (purelin) hidden layer $y_{hi} = v_i$ and this slip cannot be seen.
    """
    return iteration(net, x, d, eta, forward_pass=_fields_as_outputs)


def _other_hidden_activation_hint(n: Notation) -> str:
    if n.hidden not in OTHER_DERIVATIVE or n.hidden not in F_TEXT:
        return (f"You computed the hidden layer with another activation: y_hi = f(v_i) is this hidden layer's own, "
                f"{n.hidden}.")
    other = OTHER_DERIVATIVE[n.hidden]
    return (f"You computed the hidden layer with {other}, y_hi = {F_TEXT[other].format(v='v_i')}: this hidden layer is "
            f"{n.hidden}, so y_hi = f(v_i) = {F_TEXT[n.hidden].format(v='v_i')} and f'(v_i) = {n.hidden_f_prime}.")


@_mistake("other-hidden-activation", _other_hidden_activation_hint,
          slip=lambda n: f"{OTHER_DERIVATIVE.get(n.hidden, 'another activation')} in the hidden layer")  # as the hint
def other_hidden_activation(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The other sigmoid in the hidden layer, in the forward pass and in the rules' $f'(v_i)$ alike, at time $n$ and
    again for $y(n+1)$: the slides' logistic sigmoid, $y_{hi} = 1/(1 + e^{-v_i})$, for a tansig (or a purelin) hidden
    layer, which a student of a tanh network who follows the slides computes; $\tanh v_i$ for a logsig one
    (`OTHER_DERIVATIVE`). The output's activation is right; a registered hidden activation raises `NotApplicable`.
    """
    net = _hidden_in(OTHER_DERIVATIVE, "OTHER_DERIVATIVE", net, "other-hidden-activation",
                     "another activation taken by mistake")
    other = _unchecked(net.w_hidden, net.b_hidden, net.w_output, net.b_output, OTHER_DERIVATIVE[net.hidden], net.output)
    return iteration(other, x, d, eta)


def _hidden_activation_at_output(net: Network, x: Array) -> ForwardPass:
    r"""The forward pass with $y_j = f(v_j)$ for the hidden layer's $f$ where the output's own activation belongs."""
    # unchecked: at n+1 a slip's weights may have overflowed to inf (`iteration` reports that as inf rows)
    return forward(_unchecked(net.w_hidden, net.b_hidden, net.w_output, net.b_output, net.hidden, net.hidden), x)


def _sigmoid_output_hint(n: Notation) -> str:
    y = f"{n.at('y')} = {n.output_f()}"
    if n.output == "purelin":  # the slides' output: no sigmoid there
        where = "in the slides" if n.slides else "here"
        outputs = "output" if n.n_out == 1 else "outputs"
        hidden = {"logsig": "sigmoid", "tansig": "tanh"}.get(n.hidden, n.hidden)  # what the slip put there
        put = "" if n.hidden == "purelin" else f", with no {hidden} at the {outputs}"  # purelin twice: no slip
        activation = f"{where} it is linear (purelin), {y}{put}"
    else:
        activation = f"here it is {n.output}, {y}" if n.output in F_TEXT else f"here it is {n.output}"
    neurons = "The output neuron has its own activation" if n.n_out == 1 else \
        "The output neurons have their own activation"
    return f"{neurons}, not the hidden layer's: {activation}."


@_mistake("sigmoid-output", _sigmoid_output_hint, slip=lambda n: f"a {SHORT.get(n.hidden, n.hidden)} at the output")
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
                               "descent is already inside Δθ = −η ∂E/∂θ.",
          slip="the update subtracted from θ(n)")
def subtracted_update(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every update subtracted: $\theta(n+1) = \theta(n) - \Delta\theta(n)$, with every $\Delta$ right.

    The new values equal those of ``sign-flipped``; the $\Delta$ rows tell the two apart.
    """
    return iteration(net, x, d, eta, new_value=lambda old, delta: old - delta)


@_mistake("no-update", "Those are the values at time n: the new value adds the update, θ(n+1) = θ(n) + Δθ(n).",
          slip="no update (the values of time n)")
def no_update(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The update left out of the new values: $\theta(n+1) = \theta(n)$, with every $\Delta$ right; $y(n+1)$ and
    $E(n+1)$ are then $y(n)$ and $E(n)$ (a TA gave every new value as the old one and read "no classic mistake")."""
    return iteration(net, x, d, eta, new_value=lambda old, delta: old)


@_mistake("delta-as-new-value", "Those are the updates Δ; the new value is θ(n+1) = θ(n) + Δθ(n).",
          slip="the updates Δ given as the new weights")
def delta_as_new_value(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The update reported as the new value: $\theta(n+1) = \Delta\theta(n)$, with every $\Delta$ right;
    $y(n+1)$ and $E(n+1)$ are those of a network whose weights and biases are the $\Delta$s.
    """
    return iteration(net, x, d, eta, new_value=lambda old, delta: delta)


@_mistake("new-value-as-update", "That is the new value θ(n+1) = θ(n) + Δθ(n): the step asks for the update Δθ(n), "
                                 "which is added to θ(n).",
          slip="the new value θ(n+1) in place of the update")
def new_value_as_update(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""The new value reported as the update: every $\Delta\theta$ row is $\theta(n) + \Delta\theta(n)$, the new
    value, with every new value right (the other way round from ``delta-as-new-value``).
    """
    right = iteration(net, x, d, eta)
    return {name: right[f"{name[1:]}(n+1)"] if name.startswith("Δ") else value for name, value in right.items()}


#: The classic mistakes, in the order the site lists them: ``Mistake(name, hint, fn)``.
MISTAKES: tuple[Mistake, ...] = tuple(_CATALOGUE)


def mistake(name: str) -> Mistake:
    """The catalogue's mistake called ``name``; an unknown name raises ValueError listing them all."""
    for m in MISTAKES:
        if m.name == name:
            return m
    raise ValueError(f"unknown mistake {name!r}; the mistakes are {', '.join(m.name for m in MISTAKES)}")


def hint(name: str, net: Network | None = None) -> str:
    """The hint of the catalogue's mistake ``name`` for a student who computed with ``net``, in its labels (the
    exercises take theirs from here); without ``net``, the worked example's (`backprop.examples.NET`)."""
    return mistake(name).hint_for(net)
