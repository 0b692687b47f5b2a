r"""Exercises 1 and 4-7, the derivation step by step: the forward pass and the four rules (exercises 2 and 3 are in
`_derivatives`, exercise 8, one iteration, in `_iteration`). Each builder takes the example whose numbers the
exercises use and returns its exercise: the right answer comes from the package, and each classic mistake is the
package's arithmetic with one slip, with the hint it earns. The slips ``trace --check`` names too come from its
catalogue (`_sample.slips`), so a box and the check name one slip by one number; the others (a new value for its
update, the inputs swapped, e^(v) for e^(−v), the worked example's) are their own. The forward pass of the sample
they start from is `_sample`'s; the weights exercise 6 asks for are chosen in `_weights`.
"""

from __future__ import annotations

from ..examples import Example
from ..rules import delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output
from ._numeric import Box, NumericExercise
from ._sample import (
    OTHER_SIGMOID_WORDS,
    SWAPPED_WORDS,
    carried,
    carried_of,
    flipped_exponent,
    label,
    new_value,
    output_weight,
    sample_pass,
    slips,
    steps_of,
    swapped_inputs,
    with_worked,
)
from ._weights import with_weight_boxes


def forward_pass(ex: Example) -> NumericExercise:
    p = sample_pass(ex)
    steps = ["y_h2", "y"]
    return with_worked(NumericExercise(
        "forward-pass",
        right=[p.y_h[1], p.y],
        carried=carried(p.net, p.x, p.d, p.eta, steps),
        boxes=(Box("y_h2", (0,)), Box("y", (1,))),
        mistakes=(
            *slips(p.net, p.x, p.d, p.eta, ["no-hidden-bias"], steps, (2,)),
            # these two are about the output: y_h2 is untouched (in_boxes), so no box note calls it a coincidence
            *slips(p.net, p.x, p.d, p.eta, ["no-output-bias", "sigmoid-output"], steps, (2,), in_boxes=(1,)),
            *slips(p.net, p.x, p.d, p.eta, ["fields-for-outputs", "other-hidden-activation"], steps, (2,),
                   words=OTHER_SIGMOID_WORDS), *flipped_exponent(p),
        ),
    ), ex, steps)


def output_weights(ex: Example) -> NumericExercise:
    p = sample_pass(ex)
    dw = delta_w_output(p.fp, p.d, p.eta)[0]
    steps = steps_of(p.net, "w_output")[:p.net.n_hidden]  # output 4's
    return with_worked(NumericExercise(
        "output-weights",
        right=dw,
        carried=carried_of(p.net, p.x, p.d, p.eta, "w_output")[0],
        boxes=tuple(Box("Δ" + label("w_output", (0, i), p.net), (i,)) for i in range(p.net.n_hidden)),
        mistakes=(
            *slips(p.net, p.x, p.d, p.eta, ["sign-flipped", "updates-sign-flipped", "no-eta", "rule1-uses-v",
                                            "rule1-no-y", "cost-for-error"], steps, dw.shape),
            new_value(output_weight(p.net), p.w4 + dw),
            *slips(p.net, p.x, p.d, p.eta, ["derivative-without-half"], steps, dw.shape),
        ),
    ), ex, steps)


def output_bias(ex: Example) -> NumericExercise:
    p = sample_pass(ex)
    db = float(delta_b_output(p.fp, p.d, p.eta)[0])
    steps = steps_of(p.net, "b_output")[:1]
    return with_worked(NumericExercise(
        "output-bias",
        right=db,
        carried=carried_of(p.net, p.x, p.d, p.eta, "b_output")[0],
        boxes=(Box("Δ" + label("b_output", (0,), p.net)),),
        mistakes=(
            *slips(p.net, p.x, p.d, p.eta, ["sign-flipped", "updates-sign-flipped", "no-eta", "cost-for-error",
                                            "output-bias-with-y"], steps, rule=2),
            new_value(label("b_output", (0,), p.net), float(p.net.b_output[0]) + db),
            *slips(p.net, p.x, p.d, p.eta, ["derivative-without-half"], steps),
        ),
    ), ex, steps)


#: The catalogue's slips of rules (3) and (4) that exercises 6, 7, 9 and 10 share; then those of f'(v_i) (6, 7, 9).
HIDDEN_RULE_SLIPS = ("updated-output-weights", "no-hidden-derivative", "sign-flipped", "updates-sign-flipped",
                     "derivative-of-v", "derivative-at-output", "output-for-derivative", "no-output-weight")
DERIVATIVE_SLIPS = ["wrong-derivative", "other-derivative-of-v", "derivative-plus-sign", "derivative-unsquared"]


def hidden_weights(ex: Example) -> NumericExercise:
    p = sample_pass(ex)
    dw = delta_w_hidden(p.fp, p.d, p.eta)
    steps = steps_of(p.net, "w_hidden")
    exercise = NumericExercise(
        "hidden-weights",
        right=dw,
        carried=carried_of(p.net, p.x, p.d, p.eta, "w_hidden"),
        mistakes=(
            *slips(p.net, p.x, p.d, p.eta, [*HIDDEN_RULE_SLIPS, "no-eta", "derivative-without-half", "rule3-no-x",
                                            "cost-for-error"], steps, dw.shape, rule=3),
            new_value("w_ik", p.net.w_hidden + dw),
            *slips(p.net, p.x, p.d, p.eta, DERIVATIVE_SLIPS, steps, dw.shape),
            # Δw_i2 typed for Δw_i1 (a reviewer's, as in exercise 10)
            *swapped_inputs(p.net, p.x, p.d, p.eta, steps, dw.shape, words=SWAPPED_WORDS),
            # the slides' sigmoid on a tanh practice example (or tanh on a logsig one), as exercises 1 and 8 name it
            *slips(p.net, p.x, p.d, p.eta, ["other-hidden-activation"], steps, dw.shape, words=OTHER_SIGMOID_WORDS),
        ),
    )
    # both inputs of a neuron, and another neuron
    return with_worked(with_weight_boxes(exercise, p.x, ((0, 0), (0, 1), (2, 1))), ex, steps)


def hidden_biases(ex: Example) -> NumericExercise:
    p = sample_pass(ex)
    db = delta_b_hidden(p.fp, p.d, p.eta)
    steps = steps_of(p.net, "b_hidden")
    return with_worked(NumericExercise(
        "hidden-biases",
        right=db,
        carried=carried_of(p.net, p.x, p.d, p.eta, "b_hidden"),
        boxes=tuple(Box("Δ" + label("b_hidden", (i,), p.net), (i,)) for i in range(p.net.n_hidden)),
        mistakes=(
            *slips(p.net, p.x, p.d, p.eta, [*HIDDEN_RULE_SLIPS, "bias-input-x1", "bias-input-x2", "no-eta",
                                            "derivative-without-half", "cost-for-error"], steps, db.shape, rule=4),
            new_value("b_i", p.net.b_hidden + db),
            *slips(p.net, p.x, p.d, p.eta, DERIVATIVE_SLIPS, steps, db.shape),
            *slips(p.net, p.x, p.d, p.eta, ["other-hidden-activation"], steps, db.shape, words=OTHER_SIGMOID_WORDS),
        ),
    ), ex, steps)
