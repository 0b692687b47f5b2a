r"""Exercises 9-11, the rules beyond the slides' network: the other hidden activation, two outputs, and a gradient
check of rule 3 against central differences.

Each builder takes the example whose numbers the exercises use; the weights they ask for are chosen in `_weights`.
Exercises 9 and 10 name the hidden rule's slips of exercise 6 from the homework catalogue (`HIDDEN_RULE_SLIPS`), for
their own network, beside the slips of their own subject (the other activation, the second output).
Exercises 12-14, about code, are in `_code`.
"""

from __future__ import annotations

import math

import numpy as np

from .. import activations, examples, labels, show
from ..examples import Example
from ..gradcheck import analytic_gradient, numerical_gradient
from ..network import Network, forward
from ..rules import delta_w_hidden, error
from ._derivation import HIDDEN_RULE_SLIPS
from ._feedback import ATOL, percent
from ._numeric import Box, Mistake, NumericExercise
from ._sample import F_PRIME_TEXT, F_TEXT, SHORT, carried_of, label, new_value, sample_pass, slips, steps_of
from ._weights import first_hidden_weight, told_apart, with_weight_boxes


def other_hidden(hidden: str) -> str:
    """The hidden activation exercise 9 swaps in: tansig for a logsig example, logsig for a tansig one."""
    return "logsig" if hidden == "tansig" else "tansig"


def other_hidden_network(example: Example | None = None) -> Network:
    """Exercise 9's network: the practice network (of ``example`` if given) with the other hidden activation."""
    net = (example or examples.PRACTICE).net
    return Network(net.w_hidden, net.b_hidden, net.w_output, net.b_output, hidden=other_hidden(net.hidden))


def two_output_network(example: Example | None = None) -> tuple[Network, np.ndarray]:
    """Exercise 10's network and targets: the practice network with a second linear output neuron 5.

    Output 5 has the weights w_5i = (w_42, w_43, w_41), output 4's turned by one place, so that a hidden neuron feeds
    both outputs through the same weight only where two of output 4's weights are equal (reversed, w_52 was always
    w_42, and at neuron 2 the slip (Σ_j e_j)(Σ_j w_ji) was twice the right sum and swapped targets were right), the
    bias b_5 = −b_4 and the target d_5 = −d.
    """
    ex = example or examples.PRACTICE
    net, w4 = ex.net, ex.net.w_output[0]
    two = Network(net.w_hidden, net.b_hidden, np.vstack([w4, np.roll(w4, -1)]),
                  np.array([net.b_output[0], -net.b_output[0]]), hidden=net.hidden)
    return two, np.array([ex.d, -ex.d])


def tansig_hidden(ex: Example) -> NumericExercise:
    """Exercise 9: the hidden rule with the other hidden activation (tanh for the slides' logsig, and back)."""
    own, other = ex.net.hidden, other_hidden(ex.net.hidden)
    p, q = sample_pass(ex), sample_pass(ex, other_hidden_network(ex))  # the example's network, and the swapped one
    right = delta_w_hidden(q.fp, q.d, q.eta)
    steps = steps_of(q.net, "w_hidden")
    exercise = NumericExercise(
        "tansig-hidden",
        right=right,
        carried=carried_of(q.net, q.x, q.d, q.eta, "w_hidden"),
        mistakes=(
            *slips(q.net, q.x, q.d, q.eta, ["wrong-derivative", "other-derivative-of-v"], steps, right.shape,
                   words={"wrong-derivative": f"the {SHORT[own]} derivative {F_PRIME_TEXT[own]}",
                          "other-derivative-of-v": f"the {SHORT[own]} derivative at v_i"}),
            # the derivative swapped, the forward pass not: the example's y_hi and e with the other f' (a student's)
            Mistake(q.eta * np.outer(activations.get(other).derivative_from_output(p.fp.y_hidden)
                                     * p.net.w_output[0] * error(p.fp, p.d)[0], p.x),
                    f"You changed the derivative but not the forward pass: with {SHORT[other]} hidden neurons "
                    f"y_hi = {F_TEXT[other]}, so y and e change too, and the new derivative takes the new y_hi.",
                    f"the {SHORT[other]} derivative on the {SHORT[own]} forward pass"),
            Mistake(delta_w_hidden(p.fp, p.d, p.eta),
                    f"Those are the {SHORT[own]} network's updates (exercise 6): with {SHORT[other]} the forward "
                    f"pass changes too (y_hi = {F_TEXT[other]}, so y and e change).",
                    f"the {SHORT[own]} network's updates"),
            Mistake(np.outer(q.eta * p.e * q.w4 * q.f_prime, q.x),
                    f"The error e = d − y must come from the {SHORT[other]} network's own forward pass.",
                    f"the error of the {SHORT[own]} network"),
            *slips(q.net, q.x, q.d, q.eta, [*HIDDEN_RULE_SLIPS, "no-eta", "derivative-without-half", "rule3-no-x",
                                            "cost-for-error"], steps, right.shape, rule=3),
            new_value("w_ik", q.net.w_hidden + right),
        ),
    )
    return with_weight_boxes(exercise, q.x, ((0, 0), (1, 1)))  # two neurons, two inputs


def two_outputs(ex: Example) -> NumericExercise:
    net, d = two_output_network(ex)
    fp = forward(net, ex.x)
    e = error(fp, d)
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    right = delta_w_hidden(fp, d, ex.eta)
    o4, o5 = labels.output_neurons(net.n_hidden, net.n_out)

    def rule(back: np.ndarray) -> np.ndarray:
        return np.outer(ex.eta * back * f_prime, ex.x)

    exercise = NumericExercise(
        "two-outputs",
        right=right,
        carried=carried_of(net, ex.x, d, ex.eta, "w_hidden"),
        mistakes=(
            Mistake(rule(e[0] * net.w_output[0]), f"Only output {o4} is in your sum: hidden neuron i feeds every "
                    f"output j, so sum e_j w_ji over j = {o4}, {o5}.", f"leaving out output {o5}"),
            Mistake(rule(e[1] * net.w_output[1]), f"Only output {o5} is in your sum: add the term of output {o4}.",
                    f"leaving out output {o4}"),
            Mistake(right / 2, "Sum over j, don't average: E = ½ Σ_j e_j², so each output adds its own term.",
                    "averaging over the outputs"),
            Mistake(rule(np.sum(e) * np.sum(net.w_output, axis=0)),
                    "Σ_j e_j w_ji is a sum of products, not (Σ_j e_j)(Σ_j w_ji).", "(Σ_j e_j)(Σ_j w_ji)"),
            # each error sent back through the first output's weights (a reviewer's η(e_4 + e_5) w_4i f'(v_i) x_k)
            Mistake(rule(np.sum(e) * net.w_output[0]), f"Each output's error reaches hidden neuron i through its own "
                    f"weight: Σ_j e_j w_ji = e_{o4} {labels.weight(o4, 'i')} + e_{o5} {labels.weight(o5, 'i')}, not "
                    f"(e_{o4} + e_{o5}) {labels.weight(o4, 'i')}.", f"{labels.weight(o4, 'i')} for both outputs"),
            # Δw_i2's input where Δw_i1's belongs (a reviewer's): every column of the answer swapped
            Mistake(rule(e @ net.w_output)[:, ::-1], "Each Δw_ik takes its own input x_k: Δw_i1 is times x_1, Δw_i2 "
                    "times x_2.", "the inputs x_1 and x_2 swapped"),
            Mistake(rule(error(fp, d[::-1]) @ net.w_output),  # where w_5i = w_4i this is right: the notes say so
                    f"You swapped the targets: each output's error is against its own, e_{o4} = d_{o4} − y_{o4} and "
                    f"e_{o5} = d_{o5} − y_{o5}.", f"swapping d_{o4} and d_{o5}"),
            *slips(net, ex.x, d, ex.eta, [*HIDDEN_RULE_SLIPS, "no-eta", "derivative-without-half", "wrong-derivative",
                                          "other-derivative-of-v", "rule3-no-x", "cost-for-error"],
                   steps_of(net, "w_hidden"), right.shape,
                   rule=3),
            new_value("w_ik", net.w_hidden + right),
        ),
    )
    return with_weight_boxes(exercise, ex.x, ((0, 0), (2, 0)))  # two neurons, whose sums over j differ


GRADCHECK_H = 1e-5


GRADCHECK_RTOL = 1e-4  # the gradient check's box: a central difference is good to far more digits than 0.1 %


def gradient_check_decimals() -> int:
    """How many decimals of each cost E(w ± h) exercise 11 needs: each cost rounded to k decimals is off by at most
    half a unit of the k-th, so their difference by 10^-k and the central difference by 10^-k / 2h; k decimals are
    enough when that is within the box's absolute tolerance (atol), even for an answer near zero (11 for h = 10^-5)."""
    return math.ceil(-math.log10(2 * GRADCHECK_H * ATOL))


def _gradient_check_exercise(ex: Example, index: tuple[int, int]) -> NumericExercise:
    """Exercise 11 asking for ∂E/∂w_ik, ``index`` = (i, k) counted from 0."""
    numeric = float(numerical_gradient(ex.net, ex.x, ex.d, GRADCHECK_H)["w_hidden"][index])
    p = sample_pass(ex)
    w = label("w_hidden", index, ex.net)
    return NumericExercise(
        "gradient-check",
        right=numeric,
        boxes=(Box("∂E/∂" + w),),
        rtol=GRADCHECK_RTOL,
        mistakes=(
            Mistake(delta_w_hidden(p.fp, p.d, p.eta)[index],
                    f"That is the update Δ{w} = −η ∂E/∂{w}; the gradient is −Δ{w}/η.", f"the update Δ{w}"),
            Mistake(-numeric, f"The sign: ∂E/∂{w} ≈ (E({w} + h) − E({w} − h)) / 2h, the cost at {w} + h first.",
                    "the flipped sign"),
            Mistake(2 * numeric, f"A central difference divides by 2h, the distance between {w} + h and {w} − h.",
                    "dividing by h"),
            Mistake(2 * numeric, "The cost is E = ½ e²: without the ½ each cost, and so their difference, is twice "
                    "as large.", "the cost without its ½"),  # the same number as dividing by h: the box names both
            Mistake(ex.eta * numeric, "The gradient has no η; η belongs to the update.", "a factor η"),
            # the trap the page warns of: each cost as the pages print numbers (a reviewer's -0.050000)
            Mistake(_central_of_printed_costs(ex, index),
                    f"Each cost rounded to six decimals, as the pages print numbers, leaves their difference only a "
                    f"few units of its last decimal: keep at least {gradient_check_decimals()} decimals of each "
                    f"E({w} ± h).", "each cost rounded to six decimals"),
        ),
    )


def _central_of_printed_costs(ex: Example, index: tuple[int, int]) -> float:
    """Exercise 11's central difference worked out from the two costs E(w_ik ± h) as the pages print numbers."""
    def printed_cost(step: float) -> float:
        w = ex.net.w_hidden.copy()
        w[index] += step
        moved = Network(w, ex.net.b_hidden, ex.net.w_output, ex.net.b_output, hidden=ex.net.hidden)
        return show.rounded(0.5 * float(error(forward(moved, ex.x), ex.d)[0]) ** 2)

    return (printed_cost(GRADCHECK_H) - printed_cost(-GRADCHECK_H)) / (2 * GRADCHECK_H)


#: How closely exercise 11's central difference must agree with rule 3's gradient, relatively, on the weight it asks
#: about: five significant digits, the "many digits" its intro promises, far more than the first digits a slip changes.
GRADCHECK_AGREEMENT = 1e-5


def _measurable(ex: Example) -> np.ndarray:
    """Exercise 11's central differences for the hidden weights, where each agrees with rule 3's gradient to
    `GRADCHECK_AGREEMENT`, else 0: a gradient so close to 0 that the rounding of the costs (or of a hidden output near
    1) swamps its central difference cannot be checked by one to many digits."""
    numeric = numerical_gradient(ex.net, ex.x, ex.d, GRADCHECK_H)["w_hidden"]
    exact = analytic_gradient(ex.net, ex.x, ex.d)["w_hidden"]
    agrees = np.abs(numeric - exact) < GRADCHECK_AGREEMENT * np.maximum(np.abs(numeric), np.abs(exact))
    return np.where(agrees, numeric, 0.0)


def gradient_check_weight(example: Example | None = None) -> tuple[str, tuple[int, int]]:
    """The hidden weight the gradient-check exercise asks for: the first of w_11, w_12, w_21, ... whose input x_k is
    not 0, whose central difference agrees with rule 3's gradient to many digits (`GRADCHECK_AGREEMENT`; with x_k = 0
    the gradient is 0, and so is every slip's value) and whose gradient is far enough from 0 that each mistake's value
    lies outside the box's tolerance of it, among those the first whose box is as strict as its page says, 0.01 % of
    the gradient at least as wide as the 10^-6 added to it (`_sized`), if any is; else the one whose box tells the most
    mistakes apart; else w_11 (`first_hidden_weight`). Returns its label (``"w_11"``) and its index in ``w_hidden``.
    """
    ex = examples.PRACTICE if example is None else example
    measurable = _measurable(ex)
    chosen = first_hidden_weight(ex, lambda ik: _gradient_check_exercise(ex, ik), measurable,
                                 prefer=_sized(measurable))
    return label("w_hidden", chosen, ex.net), chosen


def gradient_check_gap(example: Example | None = None) -> float:
    r"""How far exercise 11's right answer, the central difference with $h$ = `GRADCHECK_H` on the weight it asks
    about, lies from rule 3's gradient $\partial E/\partial w_{ik}$ there, relative to the gradient: what lets its box
    be stricter than the others, where it is far below `GRADCHECK_RTOL`."""
    ex = examples.PRACTICE if example is None else example
    index = gradient_check_weight(ex)[1]
    central = numerical_gradient(ex.net, ex.x, ex.d, GRADCHECK_H)["w_hidden"][index]
    exact = analytic_gradient(ex.net, ex.x, ex.d)["w_hidden"][index]
    return float(abs(central - exact) / abs(exact)) if exact else math.inf


def _sized(gradients: np.ndarray) -> np.ndarray:
    """Where a gradient is large enough that its box's relative tolerance, `GRADCHECK_RTOL` of it, is at least the
    absolute `ATOL` (10^-6): a reviewer's practice example asked about a saturated neuron's w_11, whose gradient of
    5.6e-5 made the box 1.8 % wide, and whose update and "η ∂E/∂w" slips (5.6e-8) were within it of 0."""
    return np.abs(gradients) * GRADCHECK_RTOL >= ATOL


def gradient_check_why(example: Example | None = None) -> str:
    """Why exercise 11 asks about another weight than w_11, as a sentence in parentheses after a space for each weight
    before the one it asks about (w_11, w_12, w_21, ...), in Markdown; empty when it asks about w_11. Weights whose
    input x_k is 0 share one sentence."""
    ex = examples.PRACTICE if example is None else example
    chosen = gradient_check_weight(ex)[1]
    order = [(i, k) for i in range(ex.net.n_hidden) for k in range(ex.net.n_in)]
    skipped = order[:order.index(chosen)]
    parts, zero = [], {}
    for ik in skipped:
        if ex.x[ik[1]] == 0:
            zero.setdefault(ik[1], []).append(ik)
        else:
            parts.append((ik, rf" (Not ${labels.tex(label('w_hidden', ik, ex.net))}$: {_why_not(ex, ik)}.)"))
    for k, weights in zero.items():
        names = " or ".join(f"${labels.tex(label('w_hidden', ik, ex.net))}$" for ik in weights)
        one = len(weights) == 1
        grad = (rf"$\partial E/\partial {labels.tex(label('w_hidden', weights[0], ex.net))} = 0$" if one
                else "their gradients are 0")
        parts.append((weights[0], f" (Not {names}: the practice example has $x_{k + 1} = 0$, so {grad} and every "
                                  "slip would give 0 too.)"))
    return "".join(text for _, text in sorted(parts))


def _why_not(ex: Example, index: tuple[int, int]) -> str:
    """Why exercise 11 does not ask about the hidden weight at ``index`` (whose input is not 0), in Markdown."""
    gradient = float(analytic_gradient(ex.net, ex.x, ex.d)["w_hidden"][index])
    if gradient == 0:
        return "its gradient is 0 here, and so is every slip's value"
    if _measurable(ex)[index] == 0:  # its central difference agrees with it to fewer digits than GRADCHECK_AGREEMENT
        numeric = float(numerical_gradient(ex.net, ex.x, ex.d, GRADCHECK_H)["w_hidden"][index])
        apart = abs(numeric - gradient) / max(abs(numeric), abs(gradient))
        digits = max(0, math.floor(-math.log10(apart)))  # significant digits the two share, about
        shared = ("in no significant digit" if digits == 0 else
                  f"to only about {digits} significant digit{'' if digits == 1 else 's'}")
        return show.tex(r"a central difference agrees with its gradient, ${{g}}$, {{shared}} here, where this exercise "
                        r"wants {{wanted}}", g=show.sci(gradient, 3), shared=shared,
                        wanted=round(-math.log10(GRADCHECK_AGREEMENT)))
    e = _gradient_check_exercise(ex, index)
    if not told_apart(e, e.boxes[0].index, e.mistakes):
        return "its gradient is too close to 0 here for the answer box to tell a slip from it"
    # its box tells every slip apart but is wider than the page says: the choice prefers a box as strict as the page
    share = 100 * (ATOL / abs(gradient) + GRADCHECK_RTOL)  # the box's width, relative to the answer
    return show.tex(r"its gradient, ${{g}}$, is so small here that its box would allow {{share}} % of it, where the "
                    r"box means to allow {{meant}}", g=gradient, share=f"{share:.2g}", meant=percent(GRADCHECK_RTOL))


def gradient_check(ex: Example) -> NumericExercise:
    return _gradient_check_exercise(ex, gradient_check_weight(ex)[1])
