r"""Exercises 12-14, about code: a bug to find and fix in one iteration, a training run and its loss curve, and a
derivation of one's own written as a Python function.

Each builder takes the example whose numbers the exercises use (the training exercise has a task of its own, and the
derivation no numbers); the buggy implementations exercise 12 shows and checks against are here, beside it.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import numpy as np

from .. import activations, examples, homework, show
from ..examples import Example
from ..network import Network, forward
from ..rules import cost, delta_b_hidden, delta_w_hidden, error
from ..train import step, train
from ._functions import FunctionExercise, FunctionMistake
from ._numeric import Box, Mistake, NumericExercise
from ._sample import (
    OTHER_SIGMOID_WORDS,
    carried_of,
    label,
    output_weight,
    sample_pass,
    slips,
    step_name,
    with_worked,
)


def _slipped_step(net: Network, x: np.ndarray, d: float, eta: float, *, back_next: bool = False,
                  f_prime: bool = True, hidden: str = "", e_sign: float = 1.0) -> Network:
    """One online iteration, laid out as exercise 12's code, with classic slips switched on: ``back_next``, the hidden
    rules fed with w_4i(n+1) (the exercise's bug); ``f_prime`` False, f'(v_i) dropped; ``hidden`` "sign" or "eta",
    the hidden rules' step taken up the gradient or without η; ``e_sign`` -1, the error taken as y - d everywhere."""
    fp = forward(net, x)
    e = e_sign * float(error(fp, d)[0])
    w_ji = net.w_output + eta * e * fp.y_hidden  # rule 1 applied at once ...
    b_j = net.b_output + eta * e
    slope = activations.get(net.hidden).derivative_from_output(fp.y_hidden) if f_prime else 1.0
    delta_i = e * (w_ji if back_next else net.w_output)[0] * slope  # ... so with the bug this uses w_4i(n+1)
    size = {"": eta, "sign": -eta, "eta": 1.0}[hidden]
    return Network(net.w_hidden + size * np.outer(delta_i, x), net.b_hidden + size * delta_i, w_ji, b_j,
                   hidden=net.hidden)


def _buggy_step_updated_weights(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    """The spot-the-bug implementation: the output weights are updated before the hidden rules use them."""
    return _slipped_step(net, x, d, eta, back_next=True)


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
        # worked out by hand from the page's six-decimal values, b_i(n+1) can be off by its update's carried error (a
        # TA's hand path at η = 5 was refused by 3.9e-6 against 3.4e-6), as exercise 8's boxes allow for
        carried=np.asarray(carried_of(ex.net, ex.x, ex.d, ex.eta, attr)[index]),
        boxes=(Box(f"{label}(n+1)"),),
        mistakes=(
            # the number the page prints (six decimals), which is what a reader copies from the buggy code's output
            Mistake(show.rounded(getattr(buggy, attr)[index]),
                    f"That is what the buggy code prints; it uses {w_4i}(n+1) in the hidden rule. What does the rule "
                    f"with {w_4i}(n) give?", "the buggy code's value"),
            Mistake(delta[index], homework.hint("delta-as-new-value", ex.net),
                    f"the update Δ{label} given as the new value"),
            # no step at all: the box calls it right when the update is within the tolerance (the page then says so)
            Mistake(getattr(ex.net, attr)[index], f"That is {label}(n), before the step: add its update Δ{label}(n).",
                    f"no update ({label}(n) given as {label}(n+1))", missing_update=True),
        ),
    )


def spot_the_bug_parameter(example: Example | None = None) -> tuple[str, str, tuple[int, ...]]:
    """The hidden parameter the spot-the-bug exercise asks for: the first of b_1, b_2, b_3, w_11, w_12, ... whose new
    value the bug changes by more than its answer box's tolerance, so that the box says "Not yet" both to the buggy
    value and to the number the buggy code prints (six decimals), and whose update is beyond it too, so that it says
    "Not yet" to the value at time n (no update); failing that, the first the bug changes so.

    When there is none (the bug changes each new value by η e (w_4i(n+1) − w_4i(n)) f'(v_i) x_k, that is by
    η e y_hi / w_4i of its update: nothing when e = 0, and less than the box's 10^-6 + 0.001 % of the update when η is
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

    def apart(candidate: tuple[str, str, tuple[int, ...]]) -> tuple[float, bool]:
        """How far the bug moves the new value, in units of the box's tolerance (the exact and the printed value); and
        whether the right step moves it beyond that tolerance too, so that the value at time n (no update) is wrong
        as well: b_1 does not move where w_41 = 0, and the box called "no update" right (a TA)."""
        _, attr, index = candidate
        e = _spot_the_bug_exercise(ex, *candidate)
        right, allowed, bad = float(e.right), e.allowed(()), float(getattr(buggy, attr)[index])
        return (min(abs(v - right) for v in (bad, show.rounded(bad))) / allowed,
                abs(float(getattr(ex.net, attr)[index]) - right) > allowed)

    moved = [apart(c) for c in candidates]
    for wanted in (lambda m: m[0] > 1 and m[1], lambda m: m[0] > 1):
        found = next((c for c, m in zip(candidates, moved, strict=True) if wanted(m)), None)
        if found:
            return found
    return candidates[int(np.argmax([m[0] for m in moved]))]


#: The classic slips of the hidden rules and of the new value that exercise 12's box names as exercise 8's do: a student
#: who fixes the bug can make them too (a reviewer typed six of them and read the generic reply to each). The flipped
#: error, the flipped updates and the subtracted update give one new value: the box names the three (a reviewer's
#: student had flipped e and added, and read only "the new value adds the update"; an exercises review's 1 + y_hi² for
#: tanh's derivative got the generic reply).
#: f'(y_h) for f'(v), a slope function of the field called with the output, is the classic bug of such code.
SPOT_SLIPS = ("sign-flipped", "updates-sign-flipped", "no-eta", "no-hidden-derivative", "derivative-of-v",
              "derivative-at-output", "wrong-derivative", "other-derivative-of-v", "derivative-plus-sign",
              "derivative-unsquared", "output-for-derivative", "no-output-weight", "derivative-without-half",
              "cost-for-error", "subtracted-update", "other-hidden-activation")
#: The slip of an input where none belongs (a bias) or left out (a weight), by the parameter asked for.
SPOT_INPUT_SLIPS = {"b_hidden": ("bias-input-x1", "bias-input-x2"), "w_hidden": ("rule3-no-x",)}


def spot_the_bug(ex: Example) -> NumericExercise:
    name, attr, index = spot_the_bug_parameter(ex)
    exercise = _spot_the_bug_exercise(ex, name, attr, index)
    steps = [step_name(attr, index, ex.net, new=True)]  # "b1(n+1)"
    more = slips(ex.net, ex.x, ex.d, ex.eta, [*SPOT_SLIPS, *SPOT_INPUT_SLIPS[attr]], steps,
                 rule=4 if attr == "b_hidden" else 3, words=OTHER_SIGMOID_WORDS)
    return with_worked(replace(exercise, mistakes=(*exercise.mistakes, *more)), ex, steps)


def _random_case(rng: np.random.Generator) -> dict[str, object]:
    """A random network, sample and η for the fix exercise: a logsig or a tanh hidden layer, drawn, so that a fixed
    step which hard-codes one activation fails (a reviewer's logsig-only fix passed a tanh practice example)."""
    hidden = str(rng.choice(["logsig", "tansig"]))
    net = Network.random(2, 3, 1, seed=int(rng.integers(2**31)), hidden=hidden)
    return {"net": net, "x": rng.uniform(-1, 1, 2), "d": float(rng.uniform(-1, 1)), "eta": 0.5}


def spot_the_bug_fix(ex: Example) -> FunctionExercise:
    return FunctionExercise(
        "spot-the-bug-fix",
        reference=step,
        points=_random_case,
        mistakes=(
            FunctionMistake(_buggy_step_updated_weights, homework.hint("updated-output-weights")),
            # in the fix's own words: the catalogue's hint names the worked example's activation, and the check
            # draws logsig and tanh networks alike (a student's review)
            FunctionMistake(lambda net, x, d, eta: _slipped_step(net, x, d, eta, f_prime=False),
                            "You dropped f'(v_i), the hidden neuron's derivative, from the hidden rules: δ_i = "
                            "f'(v_i) w_4i δ_4, with f'(v_i) = f.derivative_from_output(y_hi) for the network's own "
                            "activation (y_hi(1 − y_hi) for logsig, 1 − y_hi² for tanh), as buggy_step has it."),
            FunctionMistake(lambda net, x, d, eta: _slipped_step(net, x, d, eta, hidden="sign"),
                            "The sign in the hidden rules: your hidden weights and biases moved up the gradient, "
                            "while the output weights moved down it. Each hidden update is +η times δ_i "
                            "(delta_hidden in buggy_step, which carries the error d − y) times its input (1 for a "
                            "bias)."),
            FunctionMistake(lambda net, x, d, eta: _slipped_step(net, x, d, eta, hidden="eta"),
                            "You left η out of the hidden rules: each hidden update is η times δ_i (delta_hidden in "
                            "buggy_step) times its input (1 for a bias), as each output update is η times δ_4 "
                            "times its input."),
            FunctionMistake(lambda net, x, d, eta: _slipped_step(net, x, d, eta, e_sign=-1.0),
                            homework.hint("sign-flipped")),
            FunctionMistake(lambda net, x, d, eta: _slipped_step(net, x, d, 1.0), homework.hint("no-eta")),
            FunctionMistake(lambda net, x, d, eta: net, "Your function returns the network of time n: compute the "
                            "four rules' Δ, then return a new Network with each θ(n) + Δθ(n)."),
        ),
        # right on the logsig networks, wrong only on tanh ones: the logistic sigmoid hard-coded, as the slides have it
        only_wrong_at=((lambda case: case["net"].hidden == "tansig",
                        "Your function is right on the random networks with a logsig hidden layer and wrong on those "
                        "with a tanh one: use the network's own activation, f = activations.get(net.hidden), for "
                        "y_hi = f.f(v_i) and f'(v_i) = f.derivative_from_output(y_hi), as buggy_step does."),),
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
            # the cost as six decimals: typed into the count's entry, which takes a number only exactly
            Mistake([first, round(float(costs[-1]), 6)], "The two numbers are swapped: the answer is [final mean "
                    "cost, first epoch below the threshold].", "the two numbers swapped",
                    box_hints=((0, "That is the first epoch below the threshold, the other box's number: this box "
                                   "asks for the final mean cost."),
                               (1, "That is the final mean cost, the other box's number: this box asks for the first "
                                   "epoch below the threshold."))),
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
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -2 * e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k,
                            "Twice the right value: the ½ of E makes ∂E/∂e = e, not 2e."),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * (1 - y**2) * w_ji * y_hi * (1 - y_hi) * x_k,
                            "The output neuron is logsig: f'(v_j) = y(1 − y), not tanh's 1 − y²."),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * (1 - y_hi**2) * x_k,
                            "The hidden neurons are logsig: f'(v_i) = y_hi(1 − y_hi), not tanh's 1 − y_hi²."),
        ),
    )

