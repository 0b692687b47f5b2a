r"""Exercises 9-14, beyond the slides' one iteration: the other hidden activation, two outputs, a gradient check,
a bug to find and fix, training, and a derivation of one's own.

Each builder takes the example whose numbers the exercises use (the training exercise has a task of its own).
Over 300 lines because each exercise is read in one place, its builder beside its mistakes, hints and the helpers
only it uses (the buggy implementations of exercise 12); the weights exercises 9-11 ask for are chosen in `_weights`.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from .. import activations, examples, homework, labels, show
from ..examples import Example
from ..gradcheck import numerical_gradient
from ..network import Network, forward
from ..rules import cost, delta_b_hidden, delta_w_hidden, error
from ..train import step, train
from ._derivation import F_PRIME_TEXT, F_TEXT, SHORT, label, output_weight, sample_pass
from ._feedback import ATOL
from ._functions import FunctionExercise, FunctionMistake
from ._numeric import Box, Mistake, NumericExercise
from ._weights import first_hidden_weight, with_weight_boxes


def other_hidden(hidden: str) -> str:
    """The hidden activation exercise 9 swaps in: tansig for a logsig example, logsig for a tansig one."""
    return "logsig" if hidden == "tansig" else "tansig"


def other_hidden_network(example: Example | None = None) -> Network:
    """Exercise 9's network: the practice network (of ``example`` if given) with the other hidden activation."""
    net = (example or examples.PRACTICE).net
    return Network(net.w_hidden, net.b_hidden, net.w_output, net.b_output, hidden=other_hidden(net.hidden))


def two_output_network(example: Example | None = None) -> tuple[Network, np.ndarray]:
    """Exercise 10's network and targets: the practice network with a second linear output neuron 5.

    Output 5 has the weights w_5i = (w_43, w_42, w_41), the bias b_5 = −b_4 and the target d_5 = −d.
    """
    ex = example or examples.PRACTICE
    net, w4 = ex.net, ex.net.w_output[0]
    two = Network(net.w_hidden, net.b_hidden, np.vstack([w4, w4[::-1]]),
                  np.array([net.b_output[0], -net.b_output[0]]), hidden=net.hidden)
    return two, np.array([ex.d, -ex.d])




def tansig_hidden(ex: Example) -> NumericExercise:
    """Exercise 9: the hidden rule with the other hidden activation (tanh for the slides' logsig, and back)."""
    own, other = ex.net.hidden, other_hidden(ex.net.hidden)
    p, q = sample_pass(ex), sample_pass(ex, other_hidden_network(ex))  # the example's network, and the swapped one
    right = delta_w_hidden(q.fp, q.d, q.eta)
    exercise = NumericExercise(
        "tansig-hidden",
        right=right,
        mistakes=(
            Mistake(np.outer(q.eta * q.e * q.w4 * p.f.derivative_from_output(q.y_h), q.x),
                    homework.hint("wrong-derivative", q.net), f"the {SHORT[own]} derivative {F_PRIME_TEXT[own]}"),
            Mistake(delta_w_hidden(p.fp, p.d, p.eta),
                    f"Those are the {SHORT[own]} network's updates (exercise 6): with {SHORT[other]} the forward "
                    f"pass changes too (y_hi = {F_TEXT[other]}, so y and e change).",
                    f"the {SHORT[own]} network's updates"),
            Mistake(np.outer(q.eta * q.e * q.w4, q.x), homework.hint("no-hidden-derivative", q.net),
                    "dropping f'(v_i)"),
            Mistake(np.outer(q.eta * p.e * q.w4 * q.f_prime, q.x),
                    f"The error e = d − y must come from the {SHORT[other]} network's own forward pass.",
                    f"the error of the {SHORT[own]} network"),
            Mistake(-right, homework.hint("sign-flipped", q.net), "the flipped sign"),
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
        mistakes=(
            Mistake(rule(e[0] * net.w_output[0]), f"Only output {o4} is in your sum: hidden neuron i feeds every "
                    f"output j, so sum e_j w_ji over j = {o4}, {o5}.", f"leaving out output {o5}"),
            Mistake(rule(e[1] * net.w_output[1]), f"Only output {o5} is in your sum: add the term of output {o4}.",
                    f"leaving out output {o4}"),
            Mistake(right / 2, "Sum over j, don't average: E = ½ Σ_j e_j², so each output adds its own term.",
                    "averaging over the outputs"),
            Mistake(rule(np.sum(e) * np.sum(net.w_output, axis=0)),
                    "Σ_j e_j w_ji is a sum of products, not (Σ_j e_j)(Σ_j w_ji).", "(Σ_j e_j)(Σ_j w_ji)"),
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
            Mistake(ex.eta * numeric, "The gradient has no η; η belongs to the update.", "a factor η"),
        ),
    )


def gradient_check_weight(example: Example | None = None) -> tuple[str, tuple[int, int]]:
    """The hidden weight the gradient-check exercise asks for: the first of w_11, w_12, w_21, ... whose input x_k is
    not 0 and whose gradient is far enough from 0 that each mistake's value lies outside the box's tolerance of it
    (with x_k = 0 the gradient is 0, and so is every slip's value); else the first with x_k != 0 and a gradient
    other than 0; else w_11 (`first_hidden_weight`). Returns its label (``"w_11"``) and its index in ``w_hidden``.
    """
    ex = examples.PRACTICE if example is None else example
    gradient = numerical_gradient(ex.net, ex.x, ex.d, GRADCHECK_H)["w_hidden"]
    chosen = first_hidden_weight(ex, lambda ik: _gradient_check_exercise(ex, ik), gradient)
    return label("w_hidden", chosen, ex.net), chosen


def gradient_check(ex: Example) -> NumericExercise:
    return _gradient_check_exercise(ex, gradient_check_weight(ex)[1])


def _buggy_step_updated_weights(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    """The spot-the-bug implementation: the output weights are updated before the hidden rules use them."""
    fp = forward(net, x)
    e = float(error(fp, d)[0])
    w_ji = net.w_output + eta * e * fp.y_hidden  # rule 1 applied at once ...
    b_j = net.b_output + eta * e
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    delta_i = e * w_ji[0] * f_prime  # ... so this uses w_4i(n+1)
    return Network(net.w_hidden + eta * np.outer(delta_i, x), net.b_hidden + eta * delta_i, w_ji, b_j,
                   hidden=net.hidden)


def _step_without_f_prime(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    fp = forward(net, x)
    e = float(error(fp, d)[0])
    delta_i = e * net.w_output[0]  # f'(v_i) dropped
    return Network(net.w_hidden + eta * np.outer(delta_i, x), net.b_hidden + eta * delta_i,
                   net.w_output + eta * e * fp.y_hidden, net.b_output + eta * e, hidden=net.hidden)


def _spot_the_bug_exercise(ex: Example, label: str, attr: str, index: tuple[int, ...]) -> NumericExercise:
    """Exercise 12 asking for the new value of the hidden parameter ``attr[index]`` (its label ``label``, ``"b_1"``)."""
    p = sample_pass(ex)
    buggy = _buggy_step_updated_weights(ex.net, ex.x, ex.d, ex.eta)
    delta = {"w_hidden": delta_w_hidden, "b_hidden": delta_b_hidden}[attr](p.fp, p.d, p.eta)
    w_4i = output_weight(ex.net)
    return NumericExercise(
        "spot-the-bug",
        right=getattr(step(ex.net, ex.x, ex.d, ex.eta), attr)[index],
        change=delta[index],  # a new value: the tolerance is measured against its update
        boxes=(Box(f"{label}(n+1)"),),
        mistakes=(
            # the number the page prints (six decimals), which is what a reader copies from the buggy code's output
            Mistake(show.rounded(getattr(buggy, attr)[index]),
                    f"That is what the buggy code prints; it uses {w_4i}(n+1) in the hidden rule. What does the rule "
                    f"with {w_4i}(n) give?", "the buggy code's value"),
            Mistake(delta[index], homework.hint("delta-as-new-value", ex.net),
                    f"the update Δ{label} given as the new value"),
        ),
    )


def spot_the_bug_parameter(example: Example | None = None) -> tuple[str, str, tuple[int, ...]]:
    """The hidden parameter the spot-the-bug exercise asks for: the first of b_1, b_2, b_3, w_11, w_12, ... whose new
    value the bug changes by more than its answer box's tolerance, so that the box says "Not yet" both to the buggy
    value and to the number the buggy code prints (six decimals).

    When there is none (the bug changes each new value by η e (w_4i(n+1) − w_4i(n)) f'(v_i) x_k, that is by
    η e y_hi / w_4i of its update: nothing when e = 0, and less than the box's 10^-6 + 0.1 % of the update when η is
    small), the one the bug changes most for its tolerance: the page then says that the box cannot tell the buggy
    code's value from the right one (`NumericExercise.note`).

    A hidden bias comes first because no other exercise asks for one at n+1 (exercise 8 asks for a hidden
    weight at n+1, exercise 8's weight: `one_iteration_weight`).
    Returns its label (``"b_1"``), the `Network` field (``"b_hidden"``) and the index in that array.
    """
    ex = examples.PRACTICE if example is None else example
    buggy = _buggy_step_updated_weights(ex.net, ex.x, ex.d, ex.eta)
    n_hidden, n_in = ex.net.n_hidden, ex.net.n_in
    candidates = [(label("b_hidden", (i,), ex.net), "b_hidden", (i,)) for i in range(n_hidden)]
    candidates += [(label("w_hidden", (i, k), ex.net), "w_hidden", (i, k))
                   for i in range(n_hidden) for k in range(n_in)]

    def apart(candidate: tuple[str, str, tuple[int, ...]]) -> float:
        """How far the bug moves the new value, in units of the box's tolerance (the exact and the printed value)."""
        _, attr, index = candidate
        e = _spot_the_bug_exercise(ex, *candidate)
        bad = float(getattr(buggy, attr)[index])
        return min(abs(v - float(e.right)) for v in (bad, show.rounded(bad))) / e.allowed(())

    moved = [apart(c) for c in candidates]
    return next((c for c, m in zip(candidates, moved, strict=True) if m > 1),
                candidates[int(np.argmax(moved))])


def spot_the_bug(ex: Example) -> NumericExercise:
    return _spot_the_bug_exercise(ex, *spot_the_bug_parameter(ex))


def _random_case(rng: np.random.Generator) -> dict[str, object]:
    net = Network.random(2, 3, 1, seed=int(rng.integers(2**31)))
    return {"net": net, "x": rng.uniform(-1, 1, 2), "d": float(rng.uniform(-1, 1)), "eta": 0.5}


def spot_the_bug_fix(ex: Example) -> FunctionExercise:
    return FunctionExercise(
        "spot-the-bug-fix",
        reference=step,
        points=_random_case,
        mistakes=(
            FunctionMistake(_buggy_step_updated_weights, homework.hint("updated-output-weights")),
            FunctionMistake(_step_without_f_prime, homework.hint("no-hidden-derivative")),
        ),
    )


TRAIN_SEED, TRAIN_HIDDEN, TRAIN_ETA, TRAIN_EPOCHS = 0, 5, 0.3, 60
TRAIN_SAMPLES = 200
TRAIN_THRESHOLD = 0.005  # "the first epoch whose mean cost is below this"


@functools.cache
def _training_run() -> tuple[Network, np.ndarray]:
    X, D = examples.regression_data(TRAIN_SAMPLES, seed=TRAIN_SEED)
    net, costs = train(Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED), X, D, TRAIN_ETA, TRAIN_EPOCHS,
                       shuffle=True, seed=TRAIN_SEED)
    costs.setflags(write=False)
    return net, costs


def training_costs() -> np.ndarray:
    """The mean cost per epoch of the training exercise's run (its own task: neither example plays a part)."""
    return _training_run()[1].copy()


def trained_cost() -> float:
    """The mean cost of the training exercise's trained network over its samples, measured after training: not
    ``costs[-1]``, which ``train`` measured during the last epoch, each sample before its own update."""
    net = _training_run()[0]
    X, D = examples.regression_data(TRAIN_SAMPLES, seed=TRAIN_SEED)
    return float(np.mean([cost(forward(net, x), d) for x, d in zip(X, D, strict=True)]))


def training(ex: Example) -> NumericExercise:
    costs = _training_run()[1]
    below = np.flatnonzero(costs < TRAIN_THRESHOLD)
    if below.size == 0:
        raise RuntimeError("the training exercise's cost never falls below its threshold: change its settings")
    first = int(below[0]) + 1  # epochs count from 1
    last = len(costs)
    return NumericExercise(
        "training",
        right=[costs[-1], first],
        boxes=(Box("final mean cost", (0,)), Box("first epoch below the threshold", (1,), whole=True)),
        otherwise=("costs[t] is the mean cost of epoch t + 1: the final mean cost is the last entry, and the first "
                   "epoch below the threshold is the first whose mean cost is less than it. The worked solution "
                   "below has the steps."),
        mistakes=(
            Mistake([costs[-1], first - 1], "Epochs count from 1: costs[0] is epoch 1, so add 1 to the index.",
                    "counting epochs from 0", in_boxes=(1,)),
            Mistake([costs[0], first], "costs[0] is the first epoch; the final cost is costs[-1].",
                    "the first epoch's cost as the final one", in_boxes=(0,)),
            Mistake([costs[-1] * TRAIN_SAMPLES, first], "train returns the mean cost per sample, not the sum.",
                    "the summed cost", in_boxes=(0,)),
            Mistake([trained_cost(), first],
                    f"That is the trained network's mean cost, measured after epoch {last}. costs[-1] is what train "
                    f"measured during epoch {last}: each E(n) on its sample just before that sample's update.",
                    "the trained network's cost after training", in_boxes=(0,)),
        ),
    )


def _dE_dw_ik_logsig_output(e: float, y: float, y_hi: float, w_ji: float, x_k: float) -> float:
    """∂E/∂w_ik when the output neuron is logsig too: −e · y(1 − y) · w_ji · y_hi(1 − y_hi) · x_k."""
    return -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k


def _formula_point(rng: np.random.Generator) -> dict[str, object]:
    return {"e": rng.uniform(-2, 2), "y": rng.uniform(0.05, 0.95), "y_hi": rng.uniform(0.05, 0.95),
            "w_ji": rng.uniform(-2, 2), "x_k": rng.uniform(-2, 2)}


def derive_logsig_output(ex: Example) -> FunctionExercise:
    return FunctionExercise(
        "derive-logsig-output",
        reference=_dE_dw_ik_logsig_output,
        points=_formula_point,
        mistakes=(
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * w_ji * y_hi * (1 - y_hi) * x_k,
                            "That is the linear-output formula: with a logsig output, f'(v_j) = y(1 − y) joins "
                            "the chain."),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k,
                            "The sign: ∂E/∂y = −e because e = d − y. (It is the update Δw = −η ∂E/∂w that comes "
                            "out with a plus sign.)"),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * x_k,
                            "You dropped the hidden neuron's own derivative f'(v_i) = y_hi(1 − y_hi)."),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi),
                            "∂v_i/∂w_ik = x_k: multiply by the input the weight carries."),
        ),
    )

