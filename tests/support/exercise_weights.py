"""The hidden weights the exercises about the w_ik ask for, chosen again in plain math from the oracle's iteration (the
package chooses them in backprop/exercises/_weights.py). Exercises 8 and 11 ask for one: the first w_ik (w_11, w_12,
w_21, ...) whose input x_k is not 0 and whose answer box tells every classic slip from the right answer (for 11,
among those whose central difference agrees with the rule to many digits); each returns the label and (i, k) from 0.
Exercises 6, 9 and 10 ask for some of the six Δw_ik: `box_weights`.
"""

from __future__ import annotations

import math

from tests.support import oracle
from tests.support.slips import SLOPE_OF_FIELD, slipped

GC_ATOL, GC_RTOL = 1e-6, 1e-5  # exercise 11's answer box, the index page's rule: |x − a| ≤ 10^-6 + 10^-5 |a|
# exercise 8's boxes for a new weight, as its page states them: |x − a| ≤ 10^-6 + 10^-5 |Δθ| for the weight's update
# Δθ (Δw_ik for w_ik(n+1))
OI_ATOL, OI_RTOL = 1e-6, 1e-5
BOX_ATOL, BOX_RTOL = 1e-6, 1e-5  # exercises 6, 9 and 10's answer boxes, as the index page states them

#: The Δw_ik the boxes of exercises 6, 9 and 10 ask for where each tells every slip apart, (i, k) from 0: both inputs
#: of neuron 1 and neuron 3's w_32; two neurons and two inputs; two neurons, whose sums over j differ.
WANTED = {"hidden-weights": [(0, 0), (0, 1), (2, 1)], "tansig-hidden": [(0, 0), (1, 1)],
          "two-outputs": [(0, 0), (2, 0)]}


#: Exercise 11's h, and how closely its central difference must agree with rule 3's gradient, relatively, on the
#: weight it asks about (its intro: "many digits").
GC_H, GC_AGREEMENT = 1e-5, 1e-5


def central_difference(example: dict, i: int, k: int, h: float = GC_H) -> float:
    """(E(w_ik + h) − E(w_ik − h)) / 2h, with the oracle's cost: plain math."""
    def cost(w: float) -> float:
        w_hidden = [list(row) for row in example["w_hidden"]]
        w_hidden[i][k] = w
        moved = {**example, "w_hidden": w_hidden}
        return oracle.cost(moved, oracle.forward(moved)["y_output"])

    w = example["w_hidden"][i][k]
    return (cost(w + h) - cost(w - h)) / (2 * h)


def gradient_weight(example: dict, it: dict) -> tuple[str, int, int]:
    """Exercise 11's weight: among the w_ik whose input x_k is not 0 and whose central difference agrees with the
    gradient g = −δ_i x_k to GC_AGREEMENT, the first (w_11, w_12, w_21, ...) whose g lies beyond the box's tolerance of
    each slip (the update −η g, −g, 2g, η g), and of those the first whose box's relative part, GC_RTOL |g|, is at
    least GC_ATOL if any is; else the one with the fewest slips within the tolerance (the first of equals); else w_11.
    ``it``: the oracle's iteration."""
    x, eta = [float(v) for v in example["x"]], float(example["eta"])
    measurable = []
    for i in range(len(example["w_hidden"])):
        for k in range(len(x)):
            g = -it["delta_hidden"][i] * x[k]
            c = central_difference(example, i, k)
            if x[k] != 0 and g != 0 and abs(c - g) < GC_AGREEMENT * max(abs(c), abs(g)):
                measurable.append((i, k, g))

    def within(g: float) -> int:  # how many slips the box takes for right
        return sum(abs(s - g) <= GC_ATOL + GC_RTOL * abs(g) for s in (-eta * g, -g, 2 * g, eta * g))

    told = [(i, k, g) for i, k, g in measurable if within(g) == 0]
    sized = [(i, k) for i, k, g in told if GC_RTOL * abs(g) >= GC_ATOL]
    fewest = min(measurable, key=lambda m: within(m[2]), default=(0, 0, 0.0))[:2]
    i, k = next(iter(sized), next(((i, k) for i, k, _ in told), fewest))
    return f"w_{i + 1}{k + 1}", i, k


def derivative_field(name: str, example: dict, it: dict) -> int:
    """The hidden neuron (from 0) at whose field exercise 2 (``name`` "sigmoid-derivative") asks for logsig' and
    exercise 3 ("tanh-derivative") for tanh': neuron 1 (exercise 2) or 2 (exercise 3), unless its box takes 0 or one
    of the classic slips for right (within 10^-6 + 10^-5 |a| of the right a); else the first other whose box takes
    none; else the one whose box takes the fewest. ``it``: ``oracle.iteration(example)``."""
    def taken(i: int) -> int:
        v = it["v_hidden"][i]
        s = 1 / (1 + math.exp(-v))
        if name == "sigmoid-derivative":
            a = s * (1 - s)
            slips = (-a, s, 1 - s * s, v * (1 - v), math.exp(-v) / (1 + math.exp(-v)))
        else:
            t = math.tanh(v)
            a = 1 - t * t
            slips = (1 - t, 1 / math.cosh(v), t * (1 - t), 1 + t * t, s * (1 - s), -a)
        return sum(abs(wrong - a) <= 1e-6 + 1e-5 * abs(a) for wrong in (0.0, *slips))

    first = 0 if name == "sigmoid-derivative" else 1
    order = [first] + [i for i in range(len(it["v_hidden"])) if i != first]
    return next((i for i in order if taken(i) == 0), min(order, key=taken))


#: Exercise 8's slips about a hidden weight, by the names its page gives them, in the order `iteration_slips` computes.
ITERATION_SLIPS = ("the updated weights w_4i(n+1) in the hidden rules", "no update (the values of time n)",
                   "the updates Δ given as the new weights", "the flipped sign", "forgetting η",
                   "the ½ of E left out (every update doubled)")
#: ... and the catalogue's slips of the hidden rules and of every rule it names, by the catalogue's name and words
#: (their values in plain math: `tests.support.slips.slipped`).
ITERATION_CATALOGUE = {"no-hidden-derivative": "dropping f'(v_i)", "derivative-of-v": "f'(v_i) computed from v_i",
                       "derivative-at-output": "f'(y_hi) in place of f'(v_i)",
                       "output-for-derivative": "y_hi in place of f'(v_i)", "no-output-weight": "leaving out w_4i",
                       "rule3-no-x": "leaving out x_k (which gives Δb_i)",
                       "wrong-derivative": "another activation's derivative",
                       "other-derivative-of-v": "another activation's derivative at v_i",
                       "derivative-plus-sign": "a plus for the minus in f'(v_i)",
                       "derivative-unsquared": "1 − y_hi for tanh's 1 − y_hi²",
                       "cost-for-error": "the cost E in place of the error e",
                       "other-hidden-activation": "the other sigmoid in the hidden layer",
                       "swapped-inputs": "the inputs x_1 and x_2 swapped in rule 3"}


def iteration_slips(example: dict, it: dict) -> dict[tuple[int, int], list[str]]:
    """Exercise 8's boxes, one per w_ik whose input x_k is not 0 and whose update Δw_ik = η δ_i x_k is not 0: the
    slips about it each takes for right (`ITERATION_SLIPS`), within 10^-6 + 10^-3 |Δw_ik| of the right w_ik(n+1) =
    w_ik + Δw_ik: the hidden rules fed with w_4i(n+1), no update, w_ik(n), the update Δw_ik given as the new value and
    the flipped sign w_ik − Δw_ik. ``it``: ``oracle.iteration(example)``."""
    x, eta = [float(v) for v in example["x"]], float(example["eta"])
    w4_next = [w + dw for w, dw in zip(example["w_output"][0], it["dw_output"][0])]
    bug = oracle.iteration(example, back_weights=[w4_next])
    # the slips this hidden layer can show (tanh's square is left out of a tansig layer's f' only)
    shown = {name: words for name, words in ITERATION_CATALOGUE.items()
             if name != "derivative-unsquared" or it["hidden"] == "tansig"}
    catalogue = {name: slipped(name, {**example, "hidden": it["hidden"]}) for name in shown}
    moving = {}  # (i, k) -> the slips the box takes for right
    for i in range(len(example["w_hidden"])):
        for k in range(len(x)):
            dw = eta * it["delta_hidden"][i] * x[k]
            right = example["w_hidden"][i][k] + dw
            slips = (bug["w_hidden_new"][i][k], example["w_hidden"][i][k], dw, example["w_hidden"][i][k] - dw,
                     example["w_hidden"][i][k] + dw / eta, example["w_hidden"][i][k] + 2 * dw,
                     *(catalogue[name][f"w{i + 1}{k + 1}(n+1)"] for name in shown))
            if x[k] != 0 and dw != 0:
                moving[i, k] = [name for name, s in zip((*ITERATION_SLIPS, *shown.values()), slips,
                                                        strict=True)
                                if abs(s - right) <= OI_ATOL + OI_RTOL * abs(dw)]
    return moving


def iteration_slips_taken(example: dict, it: dict) -> dict[tuple[int, int], int]:
    """How many slips each of exercise 8's boxes takes for right (`iteration_slips`)."""
    return {ik: len(names) for ik, names in iteration_slips(example, it).items()}


def iteration_weight(example: dict, it: dict) -> tuple[str, int, int]:
    """Exercise 8's weight: the first w_ik (`iteration_slips_taken`) whose box tells each slip about it from the right
    w_ik(n+1), else the one whose box takes the fewest for right. ``it``: ``oracle.iteration(example)``."""
    moving = iteration_slips_taken(example, it)
    assert moving, "no hidden weight of this example has an update"
    i, k = min(moving, key=moving.get)  # the first that tells every slip apart, else the one that takes the fewest
    return f"w_{i + 1}{k + 1}", i, k


def _rule(eta: float, back: list[float], fp: list[float], x: list[float]) -> list[list[float]]:
    """Δw_ik = η · back_i · f'(v_i) · x_k, where back_i is what reaches hidden neuron i (e w_4i, or Σ_j e_j w_ji)."""
    return [[eta * back[i] * fp[i] * xk for xk in x] for i in range(len(back))]


def _hidden_rule_slips(eta: float, back: list[float], back_next: list[float], back_unweighted: list[float], it: dict,
                       hidden: str, x: list[float]) -> list[list[list[float]]]:
    """The hidden rule's classic slips for what reaches hidden neuron i (``back``: e w_4i, or Σ_j e_j w_ji), in the
    catalogue's order: fed with w_ji(n+1) (``back_next``), f'(v_i) dropped, the sign flipped (twice: e = y − d, and
    +η ∂E/∂w), f' fed with v_i, f' taken at y_hi, y_hi for f'(v_i), w_ji left out (``back_unweighted``), η left out,
    every update doubled. ``it``: the oracle's iteration of the network whose hidden layer is ``hidden``."""
    fp, right = it["fp_hidden"], _rule(eta, back, it["fp_hidden"], x)
    flipped = [[-v for v in row] for row in right]
    return [_rule(eta, back_next, fp, x), _rule(eta, back, [1.0] * len(back), x), flipped, flipped,
            _rule(eta, back, [oracle.F_PRIME_FROM_Y[hidden](v) for v in it["v_hidden"]], x),
            _rule(eta, back, [SLOPE_OF_FIELD[hidden](y) for y in it["y_hidden"]], x),
            _rule(eta, back, it["y_hidden"], x), _rule(eta, back_unweighted, fp, x),
            [[v / eta for v in row] for row in right], [[2 * v for v in row] for row in right]]


def two_output_example(example: dict) -> dict:
    """Exercise 10's network as exercise 10 defines it, a plain example dict: ``example``'s with a second output
    neuron 5 whose weights are w_5i = (w_42, w_43, w_41), bias b_5 = −b_4 and target d_5 = −d."""
    w4, b4, d = example["w_output"][0], example["b_output"][0], float(example["d"])
    return {**example, "w_output": [w4, [w4[1], w4[2], w4[0]]], "b_output": [b4, -b4], "d": [d, -d]}


def _catalogue_updates(name: str, example: dict) -> list[list[float]]:
    """The Δw_ik the catalogue's slip ``name`` gives, in plain math (`tests.support.slips.slipped`)."""
    rows = slipped(name, example)
    return [[rows[f"Δw{i + 1}{k + 1}"] for k in range(len(example["x"]))] for i in range(len(example["w_hidden"]))]


def update_slips(name: str, example: dict, it: dict) -> tuple[list[list[float]], list[list[list[float]]]]:
    """The right Δw_ik of exercise ``name`` (6 "hidden-weights", 9 "tansig-hidden" or 10 "two-outputs") and the Δw_ik
    each of its classic slips gives, in plain math. ``it``: ``oracle.iteration(example)``."""
    x, eta, hidden = [float(v) for v in example["x"]], float(example["eta"]), it["hidden"]
    w4, e, fp = example["w_output"][0], it["e"], it["fp_hidden"]
    n = range(len(w4))
    if name == "hidden-weights":
        w4_next = [w + dw for w, dw in zip(w4, it["dw_output"][0])]
        f_of_v = [oracle.F_PRIME_FROM_Y[hidden](v) for v in it["v_hidden"]]  # the derivative's formula fed with v_i
        right = _rule(eta, [e * w for w in w4], fp, x)
        other = {"logsig": "tansig", "tansig": "logsig"}[hidden]  # the other sigmoid's derivative, from y_hi
        return right, [_rule(eta, [e * w for w in w4_next], fp, x), _rule(eta, [e * w for w in w4], [1.0] * len(w4), x),
                       [[-v for v in row] for row in right], _rule(eta, [e * w for w in w4], f_of_v, x),
                       _rule(eta, [e * w for w in w4], [SLOPE_OF_FIELD[hidden](y) for y in it["y_hidden"]], x),
                       _rule(eta, [e * w for w in w4], it["y_hidden"], x),  # y_hi in place of f'(v_i)
                       _rule(eta, [e] * len(w4), fp, x), [[v / eta for v in row] for row in right],
                       [[2 * v for v in row] for row in right],
                       [[eta * it["delta_hidden"][i]] * len(x) for i in n],  # x_k left out: Δb_i
                       it["w_hidden_new"],  # the new weight typed for the update
                       _rule(eta, [e * w for w in w4], [oracle.F_PRIME_FROM_Y[other](y) for y in it["y_hidden"]], x),
                       _catalogue_updates("cost-for-error", {**example, "hidden": hidden}),
                       oracle.iteration({**example, "hidden": other})["dw_hidden"],  # the other sigmoid's network
                       [row[::-1] for row in right],  # each Δw_ik times the other input
                       *([_rule(eta, [e * w for w in w4], [1 - y for y in it["y_hidden"]], x)]  # tanh's square dropped
                         if hidden == "tansig" else [])]
    if name == "tansig-hidden":
        other = "logsig" if hidden == "tansig" else "tansig"
        q = oracle.iteration({**example, "hidden": other})  # the same weights, the other hidden activation
        own_f_prime = [oracle.F_PRIME_FROM_Y[hidden](y) for y in q["y_hidden"]]
        right = _rule(eta, [q["e"] * w for w in w4], q["fp_hidden"], x)
        w4_next = [w + dw for w, dw in zip(w4, q["dw_output"][0])]
        return right, [_rule(eta, [q["e"] * w for w in w4], own_f_prime, x), it["dw_hidden"],
                       _rule(eta, [e * w for w in w4], q["fp_hidden"], x),
                       *_hidden_rule_slips(eta, [q["e"] * w for w in w4], [q["e"] * w for w in w4_next], [q["e"]] * 3,
                                           q, other, x),
                       [[eta * q["delta_hidden"][i]] * len(x) for i in n],  # x_k left out: Δb_i
                       _catalogue_updates("cost-for-error", {**example, "hidden": other}), q["w_hidden_new"],
                       *([_rule(eta, [q["e"] * w for w in w4], [1 - y for y in q["y_hidden"]], x)]  # tanh's square
                         if other == "tansig" else [])]
    if name == "two-outputs":
        net_two = two_output_example({**example, "hidden": hidden})
        w5, d = net_two["w_output"][1], float(example["d"])
        two = oracle.iteration(net_two)
        e4, e5 = two["e"]
        right = _rule(eta, [e4 * w4[i] + e5 * w5[i] for i in n], fp, x)
        w4_next, w5_next = ([w + dw for w, dw in zip(row, drow)] for row, drow in zip([w4, w5], two["dw_output"]))
        return right, [_rule(eta, [e4 * w4[i] for i in n], fp, x), _rule(eta, [e5 * w5[i] for i in n], fp, x),
                       [[v / 2 for v in row] for row in right],
                       _rule(eta, [(e4 + e5) * (w4[i] + w5[i]) for i in n], fp, x),
                       # the targets swapped: d_5 = -d against y_4, d against y_5
                       _rule(eta, [(e4 - 2 * d) * w4[i] + (e5 + 2 * d) * w5[i] for i in n], fp, x),
                       *_hidden_rule_slips(eta, [e4 * w4[i] + e5 * w5[i] for i in n],
                                           [e4 * w4_next[i] + e5 * w5_next[i] for i in n], [e4 + e5] * len(w4),
                                           two, hidden, x),
                       _rule(eta, [e4 * w4[i] + e5 * w5[i] for i in n],  # the other sigmoid's derivative
                             [oracle.F_PRIME_FROM_Y[{"logsig": "tansig", "tansig": "logsig"}[hidden]](y)
                              for y in two["y_hidden"]], x),
                       [[eta * two["delta_hidden"][i]] * len(x) for i in n],  # x_k left out: Δb_i
                       _catalogue_updates("cost-for-error", net_two),
                       two["w_hidden_new"]]
    raise ValueError(f"exercise {name!r} does not ask for Δw_ik")


def told_apart(right: float, slips: list[float]) -> bool:
    """Whether a box whose answer is ``right`` tells each of the ``slips`` values from it."""
    return all(abs(s - right) > BOX_ATOL + BOX_RTOL * abs(right) for s in slips)


def box_weights(name: str, example: dict, it: dict) -> list[tuple[str, int, int]]:
    """The Δw_ik the boxes of exercise ``name`` (6, 9 or 10) ask for: each of ``WANTED[name]`` whose input x_k is not 0,
    whose right Δw_ik is not 0 and whose box tells each slip from it (a good one); in place of one that is not, one not
    yet asked for, the first of: a good one of the same neuron or of a neuron no box asks about yet; one of those
    neurons whose input and Δw_ik are not 0; a good one; one whose input and Δw_ik are not 0; one whose input is not 0;
    else the wanted one itself. Within each, the fewest slips taken for right first, then the same neuron, the same
    input, then w_11, w_12, ... The good ones first (the page works out the first in full), then the others by how
    many slips each takes for right, each kind in the order w_11, w_12, ... A slip within the tolerance of every entry
    counts for none."""
    x = [float(v) for v in example["x"]]
    right, slips = update_slips(name, example, it)
    every = [(i, k) for i in range(len(right)) for k in range(len(x))]
    # a slip within the tolerance of the right answer in every entry (x = (1, 1): "leaving out x_k") counts for none
    slips = [s for s in slips if not all(abs(s[i][k] - right[i][k]) <= BOX_ATOL + BOX_RTOL * abs(right[i][k])
                                         for i, k in every)]

    def good(i: int, k: int) -> bool:
        return x[k] != 0 and right[i][k] != 0 and told_apart(right[i][k], [s[i][k] for s in slips])

    def moving(i: int, k: int) -> bool:
        return x[k] != 0 and right[i][k] != 0

    def taken(i: int, k: int) -> int:  # how many slips the box takes for right
        return sum(abs(s[i][k] - right[i][k]) <= BOX_ATOL + BOX_RTOL * abs(right[i][k]) for s in slips)

    chosen = [ik for ik in WANTED[name] if good(*ik)]
    for i, k in WANTED[name]:
        if good(i, k):
            continue
        own_or_new = {(a, b) for a, b in every if a == i or a not in {n for n, _ in chosen}}
        tiers = (lambda a, b: good(a, b) and (a, b) in own_or_new,  # noqa: B023 (used at once, in this pass)
                 lambda a, b: moving(a, b) and (a, b) in own_or_new,  # noqa: B023
                 good, moving, lambda a, b: x[b] != 0)
        pick = (i, k)
        for tier in tiers:
            free = [ik for ik in every if tier(*ik) and ik not in chosen]
            if free:
                pick = min(free, key=lambda ik: (taken(*ik), ik[0] != i, ik[1] != k, ik))
                break
        chosen.append(pick)
    return [(f"w_{i + 1}{k + 1}", i, k) for i, k in sorted(chosen, key=lambda ik: (not good(*ik), taken(*ik), ik))]
