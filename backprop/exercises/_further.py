r"""Exercises 9 and 10, the rules beyond the slides' network: the other hidden activation and two outputs (the
gradient check of exercise 11 is in `_gradient`).

Each builder takes the example whose numbers the exercises use; the weights they ask for are chosen in `_weights`.
Exercises 9 and 10 name the hidden rule's slips of exercise 6 from the homework catalogue (`HIDDEN_RULE_SLIPS`), for
their own network, beside the slips of their own subject (the other activation, the second output).
Exercises 12-14, about code, are in `_code`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import activations, examples, labels
from ..examples import Example
from ..network import Network, forward
from ..rules import delta_w_hidden, error
from ._derivation import DERIVATIVE_SLIPS, HIDDEN_RULE_SLIPS
from ._numeric import Mistake, NumericExercise
from ._sample import (
    F_PRIME_TEXT,
    F_TEXT,
    OTHER_SIGMOID_WORDS,
    SHORT,
    SWAPPED_WORDS,
    carried_of,
    new_value,
    sample_pass,
    slips,
    steps_of,
    swapped_inputs,
    with_worked,
)
from ._weights import with_weight_boxes


def other_hidden(hidden: str) -> str:
    """The hidden activation exercise 9 swaps in: tansig for a logsig example, logsig for a tansig one."""
    return "logsig" if hidden == "tansig" else "tansig"


def other_hidden_network(example: Example | None = None) -> Network:
    """Exercise 9's network: the practice network (of ``example`` if given) with the other hidden activation."""
    net = (example or examples.PRACTICE).net
    return replace(net, hidden=other_hidden(net.hidden))  # a Network is a dataclass: its checks run again


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
            *slips(q.net, q.x, q.d, q.eta, DERIVATIVE_SLIPS, steps, right.shape,
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
            *swapped_inputs(q.net, q.x, q.d, q.eta, steps, right.shape, words=SWAPPED_WORDS),  # as exercises 6, 10
        ),
    )
    # two neurons, two inputs; and the worked example's Δw_ik, which rule 3's page prints, as exercises 6 and 10
    return with_worked(with_weight_boxes(exercise, q.x, ((0, 0), (1, 1))), ex, steps_of(ex.net, "w_hidden"))


def two_outputs(ex: Example) -> NumericExercise:
    net, d = two_output_network(ex)
    fp = forward(net, ex.x)
    e = error(fp, d)
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    right = delta_w_hidden(fp, d, ex.eta)
    o4, o5 = labels.output_neurons(net.n_hidden, net.n_out)
    steps = steps_of(net, "w_hidden")

    def rule(back: np.ndarray) -> np.ndarray:
        return np.outer(ex.eta * back * f_prime, ex.x)

    exercise = NumericExercise(
        "two-outputs",
        right=right,
        carried=carried_of(net, ex.x, d, ex.eta, "w_hidden"),
        mistakes=(
            *slips(net, ex.x, d, ex.eta, ["first-output-only"], steps, right.shape, rule=3,
                   words={"first-output-only": f"leaving out output {o5}"}),  # the check's slip, in the box's words
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
            # Δw_i2's input where Δw_i1's belongs (a reviewer's)
            *swapped_inputs(net, ex.x, d, ex.eta, steps, right.shape, words=SWAPPED_WORDS),
            Mistake(rule(error(fp, d[::-1]) @ net.w_output),  # where w_5i = w_4i this is right: the notes say so
                    f"You swapped the targets: each output's error is against its own, e_{o4} = d_{o4} − y_{o4} and "
                    f"e_{o5} = d_{o5} − y_{o5}.", f"swapping d_{o4} and d_{o5}"),
            *slips(net, ex.x, d, ex.eta, [*HIDDEN_RULE_SLIPS, "no-eta", "derivative-without-half", "wrong-derivative",
                                          "other-derivative-of-v", "rule3-no-x", "cost-for-error"],
                   steps, right.shape,
                   rule=3),
            new_value("w_ik", net.w_hidden + right),
            # the slides' logistic sigmoid on a tanh network (or tanh on a logsig one): a reviewer's
            *slips(net, ex.x, d, ex.eta, ["other-hidden-activation"], steps, right.shape,
                   words=OTHER_SIGMOID_WORDS),
        ),
    )
    # two neurons, whose sums over j differ; and the worked example's Δw_ik, which rule 3's page prints (a reviewer's)
    return with_worked(with_weight_boxes(exercise, ex.x, ((0, 0), (2, 0))), ex, steps_of(ex.net, "w_hidden"))
