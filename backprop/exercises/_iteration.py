r"""Exercise 8, one iteration: the new weights w_41(n+1) and w_ik(n+1), and the output y(n+1) of the updated network,
with the weight w_ik chosen from the numbers (`one_iteration_weight`) and the words on where the step moved y
(`iteration_outcome`). Its slips are those of the rules (`_derivation`'s lists, from the catalogue) carried through
the update, and its own: y(n) for y(n+1), the updates for the new values, a network updated in part.
"""

from __future__ import annotations

import numpy as np

from .. import examples, homework, labels, show
from ..examples import Example
from ..network import Network, forward
from ..rules import delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output
from ..train import step
from ._derivation import DERIVATIVE_SLIPS
from ._numeric import Box, Mistake, NumericExercise
from ._sample import (
    OTHER_SIGMOID_WORDS,
    carried,
    label,
    output_weight,
    sample_pass,
    slips,
    step_name,
    swapped_inputs,
    with_worked,
)
from ._weights import first_hidden_weight, slips_named


def _one_iteration_exercise(ex: Example, index: tuple[int, int]) -> NumericExercise:
    """Exercise 8 asking for w_41(n+1), w_ik(n+1) and y(n+1), ``index`` = (i, k) of w_ik counted from 0."""
    p = sample_pass(ex)
    net, x = p.net, p.x
    new = step(net, x, p.d, p.eta)
    y_next = float(forward(new, x).y_output[0])
    dw_out, db_out = delta_w_output(p.fp, p.d, p.eta), delta_b_output(p.fp, p.d, p.eta)
    dw_hid, db_hid = delta_w_hidden(p.fp, p.d, p.eta), delta_b_hidden(p.fp, p.d, p.eta)
    flipped = Network(net.w_hidden - dw_hid, net.b_hidden - db_hid, net.w_output - dw_out, net.b_output - db_out,
                      hidden=net.hidden)
    y_flipped = float(forward(flipped, x).y_output[0])
    sign = "Your sign is flipped: the rule is w(n+1) = w(n) + Δw(n) with Δw = −η ∂E/∂w"
    # where y is typed (check, the y(n+1) box): where y went, against where the right step took it. "Away from d"
    # only when the right step brought y closer (a large η can take it further too); else "the other way" only when
    # the two went opposite ways from y(n); else nothing
    if abs(p.d - y_flipped) > abs(p.d - p.y) and abs(p.d - y_next) < abs(p.d - p.y):
        away = "; your y moved away from d, where the right step brings it closer"
    elif (y_flipped - p.y) * (y_next - p.y) < 0:
        away = "; your y(n+1) lies on the other side of y(n) from the right one"
    else:
        away = ""
    # no update at all: the values of time n, which a box calls right when the update is within its tolerance
    stayed = "That is the value of time n, before the step: add its update Δ(n)."
    y_hint = "y(n+1) is the output of the updated network on the same input x: run the forward pass again."
    # in a weight's box: the weight itself, which moved with the gradient instead of against it
    uphill = ", a step against the gradient; your weight moved with it"
    steps = _iteration_steps(net, index)
    partial = [Mistake([new.w_output[0, 0], new.w_hidden[index], y], hint, slip, in_boxes=(2,))
               for y, hint, slip in _partial_updates(net, new, x, index)]
    return NumericExercise(
        "one-iteration",
        right=[new.w_output[0, 0], new.w_hidden[index], y_next],
        # the new weights' tolerance is measured against their updates; y(n+1) (None) keeps the rule on its value
        change=[dw_out[0, 0], dw_hid[index], None],
        carried=carried(net, x, p.d, p.eta, steps),
        boxes=(Box(label("w_output", (0, 0), net) + "(n+1)", (0,)), Box(label("w_hidden", index, net) + "(n+1)", (1,)),
               Box("y(n+1)", (2,))),
        mistakes=(
            # w_41(n+1) comes from rule 1, which the hidden rules' slips leave alone: about the other two boxes
            *slips(net, x, p.d, p.eta, ["updated-output-weights"], steps, (3,), in_boxes=(1, 2), words={
                "updated-output-weights": f"the updated weights {output_weight(net)}(n+1) in the hidden rules"}),
            Mistake([new.w_output[0, 0], new.w_hidden[index], p.y], y_hint, "y(n) given as y(n+1)", in_boxes=(2,)),
            # its y(n+1) entry is y(n) too: the y box gives the hint above (one hint, not two for one number)
            Mistake([net.w_output[0, 0], net.w_hidden[index], p.y], stayed, "no update (the values of time n)",
                    box_hints=((2, y_hint),), missing_update=True),
            # its third entry is y(n) too, but it is about the weights: the y(n+1) box gives the hint above
            Mistake([dw_out[0, 0], dw_hid[index], p.y], homework.hint("delta-as-new-value", p.net),
                    "the updates Δ given as the new weights", in_boxes=(0, 1)),
            Mistake([flipped.w_output[0, 0], flipped.w_hidden[index], y_flipped], f"{sign}{away}.", "the flipped sign",
                    box_hints=((0, f"{sign}{uphill}."), (1, f"{sign}{uphill}."))),
            # every update without its η, and every update doubled (the step of twice the η)
            *slips(net, x, p.d, p.eta, ["no-eta", "derivative-without-half"], steps, (3,)),
            # a slip in the hidden rules (w_41(n+1) right), in rule 1 (w_ik(n+1) right), in every rule
            *slips(net, x, p.d, p.eta, ["no-hidden-derivative", "derivative-of-v", "derivative-at-output",
                                        "output-for-derivative",
                                        "no-output-weight", "rule3-no-x", *DERIVATIVE_SLIPS], steps, (3,),
                   in_boxes=(1, 2)),
            *slips(net, x, p.d, p.eta, ["rule1-uses-v", "rule1-no-y"], steps, (3,), in_boxes=(0, 2)),
            *slips(net, x, p.d, p.eta, ["cost-for-error", "other-hidden-activation"], steps, (3,),
                   words=OTHER_SIGMOID_WORDS),
            # each Δw_ik times the other input, as exercise 6 names it (an exercises review): w_41(n+1) is right
            *swapped_inputs(net, x, p.d, p.eta, steps, (3,), in_boxes=(1, 2)),
            # a slip in a bias's rule (2) or (4) moves only y(n+1): a student's Δb_i = Δw_i1 got the generic message
            # in the y(n+1) box, where `trace --check` named it
            *slips(net, x, p.d, p.eta, ["bias-input-x1", "bias-input-x2", "output-bias-with-y"], steps, (3,),
                   in_boxes=(2,)),
            *partial,
        ),
    )


def _partial_updates(net: Network, new: Network, x: np.ndarray, index: tuple[int, int]) -> list[tuple[float, str, str]]:
    """y(n+1) of a network only part of which was updated (a reviewer's student updated the output layer only, and
    read a hint about rule 3): (y(n+1), hint, slip) for the output layer alone, the hidden layer alone, the weights
    without the biases, all but the output bias, and the two weights the boxes ask about alone."""
    w_4, b_4, w_ik = (label(*entry, net) for entry in (("w_output", (0, 0)), ("b_output", (0,)), ("w_hidden", index)))
    count = net.w_hidden.size + net.b_hidden.size + net.w_output.size + net.b_output.size
    every = f"y(n+1) is the output of the network with all {count} of its weights and biases updated: "

    def y(w_hidden, b_hidden, w_output, b_output) -> float:
        return float(forward(Network(w_hidden, b_hidden, w_output, b_output, hidden=net.hidden, output=net.output),
                             x).y_output[0])

    two_w_output, two_w_hidden = net.w_output.copy(), net.w_hidden.copy()
    two_w_output[0, 0], two_w_hidden[index] = new.w_output[0, 0], new.w_hidden[index]
    return [
        (y(net.w_hidden, net.b_hidden, new.w_output, new.b_output), every + "you left the hidden layer's weights and "
         "biases at time n.", "the output layer alone updated"),
        (y(new.w_hidden, new.b_hidden, net.w_output, net.b_output), every + f"you left the output layer's weights and "
         f"bias ({output_weight(net)} and {b_4}) at time n.", "the hidden layer alone updated"),
        (y(new.w_hidden, net.b_hidden, new.w_output, net.b_output), every + "you left the biases at time n.",
         "the weights updated, the biases not"),
        (y(new.w_hidden, new.b_hidden, new.w_output, net.b_output), every + f"you left {b_4} at time n.",
         f"every update but {b_4}'s"),
        (y(two_w_hidden, net.b_hidden, two_w_output, net.b_output),
         every + f"you updated only {w_4} and {w_ik}, the two the boxes ask about.", f"only {w_4} and {w_ik} updated"),
    ]


def one_iteration_weight(example: Example | None = None) -> tuple[str, tuple[int, int]]:
    """The hidden weight exercise 8 asks for at n+1: the first of w_11, w_12, w_21, ... whose input x_k and update are
    not 0 and whose box tells each classic mistake from the right answer, else the one whose box takes the fewest for
    right, else w_11 (`first_hidden_weight`). Returns its label (``"w_11"``) and its index in ``w_hidden``."""
    ex = examples.PRACTICE if example is None else example
    p = sample_pass(ex)
    chosen = first_hidden_weight(ex, lambda ik: _one_iteration_exercise(ex, ik), delta_w_hidden(p.fp, p.d, p.eta), 1)
    return label("w_hidden", chosen, ex.net), chosen


def one_iteration_why(example: Example | None = None) -> str:
    """Why exercise 8 asks about another weight than w_11, as a sentence in parentheses after a space, in Markdown;
    empty when it asks about w_11."""
    ex = examples.PRACTICE if example is None else example
    (name, chosen), p = one_iteration_weight(ex), sample_pass(ex)
    if chosen == (0, 0):
        return ""
    if ex.x[0] == 0 or delta_w_hidden(p.fp, p.d, p.eta)[0, 0] == 0:
        why = r"the practice example has $x_1 = 0$, so $\Delta w_{11} = 0$" if ex.x[0] == 0 else "its update is 0 here,"
        return rf" (Not $w_{{11}}$: {why} and $w_{{11}}(n+1)$ would be $w_{{11}}(n)$.)"
    w_11, asked = (  # the classic slips the w_ik(n+1) box (box 1) takes for right, of w_11 and of the one asked about
        slips_named(e, e.boxes[1].index, [m for m in e.mistakes if m.about(1)])
        for e in (_one_iteration_exercise(ex, ik) for ik in ((0, 0), chosen)))
    if not asked:
        return (f" (Not $w_{{11}}$: its box would take the slip{'s' if len(w_11) > 1 else ''} "
                f"{show.and_list([f'“{slip}”' for slip in w_11])} for right here.)")
    return (f" (Not $w_{{11}}$: no weight's box tells every classic slip from the right answer here; $w_{{11}}$'s box "
            f"would take {len(w_11)} of them for right, ${labels.tex(name)}$'s takes {len(asked)}.)")


def one_iteration(ex: Example) -> NumericExercise:
    index = one_iteration_weight(ex)[1]  # chosen without the worked example's numbers, which name no slip of the rules
    return with_worked(_one_iteration_exercise(ex, index), ex, _iteration_steps(ex.net, index))


def _iteration_steps(net: Network, index: tuple[int, int]) -> list[str]:
    """The trace steps exercise 8's boxes ask for: w_41(n+1), w_ik(n+1) of ``index`` = (i, k), y(n+1)."""
    return [step_name("w_output", (0, 0), net, new=True), step_name("w_hidden", index, net, new=True), "y(n+1)"]


def iteration_outcome(d: float, y: float, y_next: float) -> str:
    r"""Exercise 8's words on where one iteration moved the output, as the page prints ``y`` and ``y_next`` (six
    decimals): the same as y(n) when the two print alike (and by how little the step moved it, and which way);
    else closer to ``d`` (and past it, when it went past), as far from it (past it, or on the same side), or further,
    and then whether it went past ``d`` (an overshoot) or away from it on the same side (a step too long for the
    gradient of time n)."""
    if show.num(y) == show.num(y_next):
        way = "towards" if abs(d - y_next) < abs(d - y) else "away from"
        return show.tex(r"the same as $y(n)$ to six decimals: the step moved $y$ by only ${{moved}}$, " + way
                        + r" $d = {{d:given}}$", d=d, moved=show.sci(abs(y_next - y)))
    y, y_next = show.rounded(y), show.rounded(y_next)  # the comparison a reader makes of the printed values
    before, after = show.rounded(abs(d - y)), show.rounded(abs(d - y_next))
    past = (d - y) * (d - y_next) < 0  # d lies between y(n) and y(n+1)
    if after < before:
        return show.tex(r"closer to $d = {{d:given}}$ than $y(n) = {{y}}$ was" + (
            r", though past it, on its other side: a smaller $\eta$ would have landed nearer $d$" if past else ""),
            d=d, y=y)
    if after == before:  # past d (y(n) and y(n+1) print alike otherwise, the first case), but say it as the others do
        return show.tex(r"as far from $d = {{d:given}}$ as $y(n) = {{y}}$ was" + (
            r", but past it, on its other side: a smaller $\eta$ would have landed nearer $d$" if past
            else r", on the same side of $d$"), d=d, y=y)
    if past:
        return show.tex(r"further from $d = {{d:given}}$ than $y(n) = {{y}}$ was: with this $\eta$ the step "
                        r"overshoots, past $d$", d=d, y=y)
    return show.tex(r"further from $d = {{d:given}}$ than $y(n) = {{y}}$ was, on the same side of $d$: with this "
                    r"$\eta$ the step is too long for the gradient at time $n$, which holds only near the weights of "
                    r"time $n$",
                    d=d, y=y)
