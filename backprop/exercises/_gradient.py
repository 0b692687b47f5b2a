r"""Exercise 11, a gradient check of rule 3 against central differences: the weight it asks about, its box's tolerance
(stricter than the others', where the central difference allows), and the slips of a student's central difference.

The builder takes the example whose numbers the exercises use; `gradient_check_weight` chooses the weight (with
`_weights.first_hidden_weight`).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from .. import examples, homework, labels, show
from ..examples import Example
from ..gradcheck import analytic_gradient, numerical_gradient
from ..network import Network, forward
from ..rules import delta_w_hidden
from ._feedback import ATOL, RTOL, percent
from ._numeric import Box, Mistake, NumericExercise
from ._sample import label, sample_pass, with_worked
from ._weights import first_hidden_weight, told_apart

GRADCHECK_H = 1e-5


# The gradient check's box: the rule of every exercise (it was 0.01 %, stricter than their 0.1 % then); a central
# difference with h = GRADCHECK_H is good to far more digits
GRADCHECK_RTOL = RTOL


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
            # the same number by the other way the task offers (a student's review): rule 3's update over η
            Mistake(delta_w_hidden(p.fp, p.d, p.eta)[index] / p.eta, f"That is Δ{w}/η: rule 3's gradient is −Δ{w}/η, "
                    f"with the minus of Δ{w} = −η ∂E/∂{w}.", "the update over η, its minus left out"),
            Mistake(2 * numeric, f"A central difference divides by 2h, the distance between {w} + h and {w} − h.",
                    "dividing by h"),
            Mistake(2 * numeric, "The cost is E = ½ e²: without the ½ each cost, and so their difference, is twice "
                    "as large.", "the cost without its ½"),  # the same number as dividing by h: the box names both
            Mistake(ex.eta * numeric, "The gradient has no η; η belongs to the update.", "a factor η"),
            *_too_few_digits(ex, index, numeric, w),
            # the slides' logistic sigmoid on a tanh network (or tanh on a logsig one): a reviewer's
            *([] if ex.net.hidden not in homework.OTHER_DERIVATIVE else [
                Mistake(_central(ex, index, net=replace(ex.net, hidden=homework.OTHER_DERIVATIVE[ex.net.hidden])),
                        homework.hint("other-hidden-activation", ex.net), "the other sigmoid in the hidden layer")]),
        ),
    )


def _central(ex: Example, index: tuple[int, int], net: Network | None = None, decimals: int | None = None,
             y_decimals: int | None = None) -> float:
    """Exercise 11's central difference of ``ex`` (with ``net`` in place of its network), worked out from the two
    costs E(w_ik ± h) rounded to ``decimals``, or from the outputs y(w_ik ± h) rounded to ``y_decimals``."""
    net = ex.net if net is None else net

    def cost_at(step: float) -> float:
        w = net.w_hidden.copy()
        w[index] += step
        moved = Network(w, net.b_hidden, net.w_output, net.b_output, hidden=net.hidden, output=net.output)
        y = float(forward(moved, ex.x).y_output[0])
        cost = 0.5 * (ex.d - (y if y_decimals is None else show.rounded(y, y_decimals))) ** 2
        return cost if decimals is None else show.rounded(cost, decimals)

    return (cost_at(GRADCHECK_H) - cost_at(-GRADCHECK_H)) / (2 * GRADCHECK_H)


def _too_few_digits(ex: Example, index: tuple[int, int], right: float, w: str) -> list[Mistake]:
    """The trap the page warns of (a reviewer's -0.050000): the two costs rounded to k decimals, k from the pages' six
    up to one fewer than the task asks for, and each y(w ± h) rounded to six as exercise 1 writes it; each where it
    lies outside the box's tolerance."""
    keep = gradient_check_decimals()
    difference = 2 * GRADCHECK_H * abs(right)  # E(w + h) − E(w − h), to first order
    # its size and the last decimal kept, not "a few units of its last decimal": at 9 decimals it was some 570 units
    found = [(_central(ex, index, decimals=k), f"Each cost rounded to {k} decimals"
              + (", as the pages print numbers," if k == show.DECIMALS else "")
              + f" gives their difference, about {difference:.1e} here, only to the nearest 1e-{k:02d}: too coarse for "
              f"this box; keep at least {keep} decimals of each E({w} ± h).", f"each cost rounded to {k} decimals")
             for k in range(show.DECIMALS, keep)]
    found.append((_central(ex, index, y_decimals=show.DECIMALS), f"Each y({w} ± h) rounded to six decimals, as "
                  f"exercise 1 writes y, leaves the two costs too few digits: keep every digit of y, and at least "
                  f"{keep} decimals of each E({w} ± h).", "each y rounded to six decimals"))
    return [Mistake(value, hint, slip) for value, hint, slip in found
            if abs(value - right) > ATOL + GRADCHECK_RTOL * abs(right)]


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
    lies outside the box's tolerance of it, among those the first whose box is as strict as its page says, 0.001 % of
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
    index = gradient_check_weight(ex)[1]  # chosen without the worked example's number, which names no slip of a rule
    # and the worked example's central difference, which the verification page prints (a reviewer's)
    return with_worked(_gradient_check_exercise(ex, index), ex, lambda worked: _central(worked, index))
