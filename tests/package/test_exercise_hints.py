"""The exercises' own hints: every formula they show is true, and every classic wrong answer is the slip it names.

A student who types a classic wrong answer into an exercise gets a hint (``backprop/exercises/_derivation.py``,
``_further.py``, ``_gradient.py`` and ``_code.py``). The hints that come from the homework catalogue
(``homework.hint``) are checked in
``test_homework.py``; the ones the exercises write themselves are checked here, for the default example and each
example of ``tests/examples/`` (the catalogue is built in this process from each file's practice example):

* each formula ("=" or "≈") of a hint is an entry of ``FORMULAS``, true in sympy or numerically against the plain-math
  oracle (``tests/support/oracle.py``), the plain-Python reference network's central differences
  (``tests/support/reference_net.py``) or, for what ``train`` returns, a plain-math training loop; a completeness
  test fails when a hint shows a formula no entry checks, and each check refuses a changed formula;
* each statement in words about ``train``'s costs or a derivative is an entry of ``CLAIMS``;
* the value each classic mistake holds is the slip its label names, worked out again here in plain ``math``
  (``SLIPS``; ``FUNCTION_SLIPS`` for the exercises whose answer is a function, against sympy), for every mistake.

Nothing here takes an expected value from ``backprop``: the package gives the hints, the mistakes' values and, for the
claims about it, ``train``'s output, and the weights and data of the training exercise (``Network.random``,
``regression_data``), which it draws.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from backprop import Network, activations, examples, homework, train
from backprop import exercises as ex
from tests.support import oracle, reference_net
from tests.support.exercise_weights import (
    BOX_ATOL,
    BOX_RTOL,
    GC_ATOL,
    GC_RTOL,
    ITERATION_CATALOGUE,
    ITERATION_SLIPS,
    OI_ATOL,
    OI_RTOL,
    WANTED,
    box_weights,
    gradient_weight,
    iteration_weight,
    two_output_example,
)
from tests.support.hints import formula_spans as find_formulas
from tests.support.slips import SLOPE_OF_FIELD, slipped

# --- the examples and the hints a student sees for each ---------------------------------------------------------

EXAMPLE_FILES = list(dict.fromkeys([oracle.example_file().resolve(), *oracle.all_example_files()]))
SHORT = {"logsig": "logsig", "tansig": "tanh"}  # how the hints name the hidden activations


@functools.cache
def catalogue(path: Path) -> ex.Catalogue:
    return ex.catalogue(examples.load(path).practice)


def _homework_hints(example: examples.Example) -> set[str]:
    """Every hint of the homework catalogue, for the networks an exercise of ``example`` writes hints for, with the
    example of each rule where a hint writes one out (test_homework checks those)."""
    nets = [example.net, ex.other_hidden_network(example), ex.two_output_network(example)[0]]
    hints = set()
    for m in homework.MISTAKES:
        hints.add(m.hint)
        for net in nets if hasattr(m, "hint_for") else ():
            for rule in (1, 2, 3, 4):
                try:
                    hints.add(m.hint_for(net, rule))
                except ValueError:  # a slip this network cannot show
                    pass
    return hints


def shown_hints(cat: ex.Catalogue) -> list[tuple[str, str]]:
    """(exercise, text) for every hint a student can see: each mistake's hint and box hints, and the words for an
    unlisted number."""
    found = []
    for name in cat:
        exercise = cat[name]
        texts = [m.hint for m in exercise.mistakes] + [h for m in exercise.mistakes for _, h in
                                                        getattr(m, "box_hints", ())]
        if isinstance(exercise, ex.NumericExercise):
            texts.append(exercise.otherwise)
        found += [(name, text) for text in dict.fromkeys(texts)]
    return found


@functools.cache
def own_hints(path: Path) -> tuple[tuple[str, str], ...]:
    """The hints the exercises write themselves (not the homework catalogue's, checked in test_homework.py)."""
    cat = catalogue(path)
    theirs = _homework_hints(cat.example)
    return tuple((name, text) for name, text in shown_hints(cat) if text not in theirs)


# --- one practice example in plain math ------------------------------------------------------------------------


def central(cost: Callable[[dict], float], p: dict, name: str, index: tuple[int, ...], h: float) -> float:
    """(cost(θ + h) − cost(θ − h)) / 2h for the parameter ``p[name][index]`` of a plain dict network."""
    moved = []
    for sign in (1, -1):
        q = {**p, name: [list(row) if isinstance(row, list) else row for row in p[name]]}
        if len(index) == 2:
            q[name][index[0]][index[1]] += sign * h
        else:
            q[name][index[0]] += sign * h
        moved.append(cost(q))
    return (moved[0] - moved[1]) / (2 * h)


def minus_eta_fd(p: dict, cost: Callable[[dict], float], h: float = 1e-6) -> dict[str, list]:
    """-η ∂cost/∂θ by central differences, for every weight and bias of the plain dict network ``p``."""
    out: dict[str, list] = {}
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        rows = p[name]
        if isinstance(rows[0], list):
            out[name] = [[-p["eta"] * central(cost, p, name, (r, c), h) for c in range(len(row))]
                         for r, row in enumerate(rows)]
        else:
            out[name] = [-p["eta"] * central(cost, p, name, (r,), h) for r in range(len(rows))]
    return out


def reference_cost(p: dict) -> float:
    """E of the plain-Python reference network (its own forward pass and cost) on the example's sample."""
    d = p["d"] if isinstance(p["d"], list) else [p["d"]]
    net = {key: p[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output")}
    net |= {"hidden": p.get("hidden", "logsig"), "output": p.get("output", "purelin")}
    return reference_net.cost(net, [float(v) for v in p["x"]], [float(v) for v in d])


def chosen(weight: tuple[str, int, int]) -> tuple[str, tuple[int, int]]:
    """A weight of tests/support/exercise_weights.py as the package gives it: its label and (i, k)."""
    name, i, k = weight
    return name, (i, k)


@functools.cache
def world(path: Path) -> dict:
    """Everything the checks need about one example's practice example, in plain math (oracle, reference network)."""
    data = oracle.load_example(path)
    p = {**oracle.practice_of(data)}
    p.setdefault("hidden", "logsig")
    it = oracle.iteration(p)
    hidden = it["hidden"]
    other = "logsig" if hidden == "tansig" else "tansig"
    q = {**p, "hidden": other}  # exercise 9: the other hidden activation
    w4, b4, d = p["w_output"][0], p["b_output"][0], float(p["d"])
    two = two_output_example(p)  # exercise 10: output 5
    w4_next = [w4[i] + it["dw_output"][0][i] for i in range(3)]
    it_bug = oracle.iteration(p, back_weights=[w4_next])  # the hidden rules fed with w_4i(n+1)
    return {
        "p": p, "it": it, "hidden": hidden, "other": other, "q": q, "it_q": oracle.iteration(q),
        "two": two, "it_two": oracle.iteration(two), "out": len(p["b_hidden"]) + 1,  # the output neuron's number
        "x": [float(v) for v in p["x"]], "d": d, "eta": float(p["eta"]), "w4": w4, "b4": b4, "w4_next": w4_next,
        "it_bug": it_bug, "oi": chosen(iteration_weight(p, it)),  # exercise 8's weight: its label and (i, k)
        "gc": chosen(gradient_weight(p, it)),  # exercise 11's weight: its label and (i, k)
        "fd": minus_eta_fd(p, reference_cost), "fd_two": minus_eta_fd(two, reference_cost),
        "worked": oracle.iteration({"hidden": "logsig", **data}),  # the worked example: the derivation pages print it
        "worked_ex": {"hidden": "logsig", **data},
    }


def sig(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def outer(delta: list[float], x: list[float]) -> list[list[float]]:
    return [[di * xk for xk in x] for di in delta]


# --- the formulas the hints show ----------------------------------------------------------------------------------
#
# Each entry: the exercises whose hints show it, the text as shown (or a function of the example's plain-math world,
# where the text names the example's neurons or activation), the world it is checked in, and its sides, which must
# all be equal: sympy expressions (their differences simplify to 0) or, "numeric", lists of floats computed from the
# example's world (equal within 1e-7). A formula shown for an example is checked on that example.

V, E_S, D_S, Y_S, H = sp.symbols("v e d y h", real=True)
X_S = sp.symbols("x_1 x_2", real=True)
W_IK, B_I = sp.symbols("w_i1 w_i2", real=True), sp.Symbol("b_i", real=True)
W_4I, Y_HI, B_4 = sp.symbols("w_41 w_42 w_43", real=True), sp.symbols("y_h1 y_h2 y_h3", real=True), sp.Symbol("b_4")
LOGSIG = 1 / (1 + sp.exp(-V))


@dataclass(frozen=True)
class Formula:
    where: tuple[str, ...]
    text: str | Callable[[dict], str]
    world: str  # "sympy" or "numeric"
    sides: Callable[[dict | None], list]

    def text_for(self, w: dict) -> str:
        return self.text(w) if callable(self.text) else self.text


def _hidden_outputs(w: dict, example: str, f: Callable[[float], float]) -> list[list[float]]:
    """[the oracle's y_hi, the activation's f(v_i) in plain math, the hint's formula] of ``example``'s network."""
    it = w[example]
    return [it["y_hidden"], [reference_net.F[it["hidden"]][0](v) for v in it["v_hidden"]],
            [f(v) for v in it["v_hidden"]]]


def _slope(f: Callable[[float], float], v: float, h: float = 1e-5) -> float:
    """f'(v) by a central difference."""
    return (f(v + h) - f(v - h)) / (2 * h)


def _gradient_gc(w: dict) -> float:
    """∂E/∂w_ik of exercise 11's weight from the oracle's local gradient: −δ_i x_k."""
    i, k = w["gc"][1]
    return -w["it"]["delta_hidden"][i] * w["x"][k]


def _central_gc(w: dict, h: float = ex.GRADCHECK_H) -> float:
    """(E(w_ik + h) − E(w_ik − h)) / 2h of exercise 11's weight with the oracle's forward pass and cost."""
    return central(lambda q: oracle.cost(q, oracle.forward(q)["y_output"]), w["p"], "w_hidden", w["gc"][1], h)


def _dw_gc(w: dict, values: dict) -> float:
    """The entry of exercise 11's weight in a w_hidden of ``values`` (the oracle's Δw, or −η ∂E/∂w)."""
    i, k = w["gc"][1]
    return values["w_hidden" if "w_hidden" in values else "dw_hidden"][i][k]


def _weights(values: dict) -> list[float]:
    return [v for name in ("w_hidden", "w_output") for row in values[name] for v in row]


def _deltas(w: dict) -> list[float]:
    """The oracle's Δw of every weight, in the order of `_weights`."""
    return _weights({"w_hidden": w["it"]["dw_hidden"], "w_output": w["it"]["dw_output"]})


FORMULAS = [
    # exercise 1's hints, and exercise 4's ∂v_4/∂w_4i = y_hi, are the catalogue's (no-output-bias, fields-for-outputs,
    # rule1-no-y): test_homework checks their formulas
    # exercise 2, the logistic sigmoid's derivative
    Formula(("sigmoid-derivative",), "d/dv (1 + e^(−v))^(−1) = −(1 + e^(−v))^(−2) · (−e^(−v))", "sympy",
            lambda _: [sp.diff((1 + sp.exp(-V)) ** -1, V), -(1 + sp.exp(-V)) ** -2 * (-sp.exp(-V))]),
    Formula(("sigmoid-derivative",), "f'(v) = e^(−v) / (1 + e^(−v))²", "sympy",
            lambda _: [sp.diff(LOGSIG, V), sp.exp(-V) / (1 + sp.exp(-V)) ** 2]),
    Formula(("sigmoid-derivative",), "logsig'(v) = e^(−v) / (1 + e^(−v))²", "sympy",  # a hidden layer other than logsig
            lambda _: [sp.diff(LOGSIG, V), sp.exp(-V) / (1 + sp.exp(-V)) ** 2]),
    Formula(("sigmoid-derivative",), "s = logsig(v), is logsig'(v) = s(1 − s)", "sympy",  # s: logsig's own output
            lambda _: [sp.diff(LOGSIG, V), LOGSIG * (1 - LOGSIG)]),
    Formula(("sigmoid-derivative",), "s = logsig(v), logsig'(v) = s(1 − s): evaluate it at s = logsig(v_1)", "numeric",
            lambda w: [[sig(_v1(w)) * (1 - sig(_v1(w)))], [_slope(sig, _v1(w))]]),  # at v_1, by a central difference
    # exercise 3, tanh's derivative
    Formula(("tanh-derivative",), "tanh'(v) = 1 − tanh²(v) = sech²(v)", "sympy",
            lambda _: [sp.diff(sp.tanh(V), V), 1 - sp.tanh(V) ** 2, sp.sech(V) ** 2]),
    Formula(("tanh-derivative",), "tanh'(v) = sech²(v) = 1/cosh²(v)", "sympy",
            lambda _: [sp.diff(sp.tanh(V), V), sp.sech(V) ** 2, 1 / sp.cosh(V) ** 2]),
    Formula(("tanh-derivative",), "t = tanh(v), is tanh'(v) = 1 − t²", "sympy",  # t: tanh's own output
            lambda _: [sp.diff(sp.tanh(V), V), 1 - sp.tanh(V) ** 2]),
    Formula(("tanh-derivative",), "t = tanh(v), tanh'(v) = 1 − t²: evaluate it at t = tanh(v_2)", "numeric",
            lambda w: [[1 - math.tanh(_v2(w)) ** 2], [_slope(math.tanh, _v2(w))]]),  # at v_2, by a central difference
    Formula(("tanh-derivative",), "(cosh² − sinh²)/cosh² = 1 − tanh²", "sympy",  # the quotient rule on sinh/cosh
            lambda _: [sp.diff(sp.sinh(V) / sp.cosh(V), V), (sp.cosh(V) ** 2 - sp.sinh(V) ** 2) / sp.cosh(V) ** 2,
                       1 - sp.tanh(V) ** 2]),
    # exercises 4 to 7: the new value a student may type for the update (the oracle's new values against old + Δ)
    Formula(("output-weights",), lambda w: "w_{0}i(n+1) = w_{0}i(n) + Δw_{0}i".format(w["out"]), "numeric",
            lambda w: [w["it"]["w_output_new"][0], [a + b for a, b in zip(w["w4"], w["it"]["dw_output"][0])]]),
    Formula(("output-bias",), lambda w: "b_{0}(n+1) = b_{0}(n) + Δb_{0}".format(w["out"]), "numeric",
            lambda w: [w["it"]["b_output_new"], [w["b4"] + w["it"]["db_output"][0]]]),
    Formula(("hidden-weights",), "w_ik(n+1) = w_ik(n) + Δw_ik", "numeric",
            lambda w: [[v for row in w["it"]["w_hidden_new"] for v in row],
                       [a + b for row, dw in zip(w["p"]["w_hidden"], w["it"]["dw_hidden"]) for a, b in zip(row, dw)]]),
    Formula(("tansig-hidden",), "w_ik(n+1) = w_ik(n) + Δw_ik", "numeric",  # exercise 9's network
            lambda w: [[v for row in w["it_q"]["w_hidden_new"] for v in row],
                       [a + b for row, dw in zip(w["q"]["w_hidden"], w["it_q"]["dw_hidden"])
                        for a, b in zip(row, dw)]]),
    Formula(("two-outputs",), "w_ik(n+1) = w_ik(n) + Δw_ik", "numeric",  # exercise 10's network
            lambda w: [[v for row in w["it_two"]["w_hidden_new"] for v in row],
                       [a + b for row, dw in zip(w["two"]["w_hidden"], w["it_two"]["dw_hidden"])
                        for a, b in zip(row, dw)]]),
    Formula(("hidden-biases",), "b_i(n+1) = b_i(n) + Δb_i", "numeric",
            lambda w: [w["it"]["b_hidden_new"], [a + b for a, b in zip(w["p"]["b_hidden"], w["it"]["db_hidden"])]]),
    # exercise 8, one iteration
    Formula(("one-iteration",), "w(n+1) = w(n) + Δw(n)", "numeric",  # where gradient descent puts every weight
            lambda w: [[a + b for a, b in zip(_weights(w["p"]), _deltas(w))],
                       [a + b for a, b in zip(_weights(w["p"]), _weights(w["fd"]))]]),
    Formula(("one-iteration", "derive-logsig-output"), "Δw = −η ∂E/∂w", "numeric",
            lambda w: [_deltas(w), _weights(w["fd"])]),
    # exercise 1's flipped exponent: the logistic sigmoid as its hint writes it (a logsig hidden layer's)
    Formula(("forward-pass",), "y_hi = 1/(1 + e^(−v_i))", "numeric",
            lambda w: _hidden_outputs(w, "it", lambda v: 1 / (1 + math.exp(-v)))),
    # exercise 9, the other hidden activation
    Formula(("tansig-hidden",), lambda w: "y_hi = " + {"logsig": "1/(1 + e^(−v_i))", "tansig": "tanh(v_i)"}[
        w["other"]], "numeric",
        lambda w: _hidden_outputs(w, "it_q", {"logsig": lambda v: 1 / (1 + math.exp(-v)), "tansig": math.tanh}[
            w["other"]])),
    Formula(("tansig-hidden", "derive-logsig-output"), "e = d − y", "numeric",  # the e of Δb_4 = η e = −η ∂E/∂b_4
            lambda w: [[w["eta"] * (w["d"] - w["it"]["y"])], w["fd"]["b_output"]]),
    # exercise 10, two outputs
    # (its "j = 4, 5" of the sum over the outputs is the catalogue's first-output-only hint: test_homework.py)
    Formula(("two-outputs",), lambda w: "e_{0} = d_{0} − y_{0}".format(w["out"]), "numeric",  # each error, its target
            lambda w: [[_e_two(w)[0]], [w["two"]["d"][0] - w["it_two"]["y_output"][0]]]),
    Formula(("two-outputs",), lambda w: "e_{0} = d_{0} − y_{0}".format(w["out"] + 1), "numeric",
            lambda w: [[_e_two(w)[1]], [w["two"]["d"][1] - w["it_two"]["y_output"][1]]]),
    Formula(("two-outputs",), lambda w: "Σ_j e_j w_ji = e_{0} w_{0}i + e_{1} w_{1}i".format(w["out"], w["out"] + 1),
            "numeric",  # the sum over every output j, and its two terms one by one
            lambda w: [[sum(e * row[i] for e, row in zip(_e_two(w), w["two"]["w_output"], strict=True))
                        for i in range(3)], [_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i)
                                             for i in range(3)]]),
    Formula(("two-outputs",), "E = ½ Σ_j e_j²", "numeric",  # the cost whose descent the rules of exercise 10 follow
            lambda w: [[v for row in w["it_two"]["dw_hidden"] for v in row],
                       [v for row in w["fd_two"]["w_hidden"] for v in row]]),
    # exercise 11, the gradient check
    Formula(("gradient-check",), lambda w: "Δ{0} = −η ∂E/∂{0}".format(w["gc"][0]), "numeric",
            lambda w: [[_dw_gc(w, w["it"])], [_dw_gc(w, w["fd"])]]),
    Formula(("gradient-check",), lambda w: "∂E/∂{0} ≈ (E({0} + h) − E({0} − h)) / 2h".format(w["gc"][0]), "numeric",
            lambda w: [[_gradient_gc(w)], [_central_gc(w)]]),
    Formula(("gradient-check",), "E = ½ e²", "numeric",  # the cost whose central difference is rule 3's gradient
            lambda w: [[_gradient_gc(w)], [_central_gc(w)]]),
    # exercise 12's fix, whose check draws random logsig and tanh networks: its hint on a dropped f'(v_i)
    Formula(("spot-the-bug-fix",), "δ_i = f'(v_i) w_4i δ_4", "numeric",  # δ_i = −∂E/∂b_i, by central differences
            lambda w: [[db / w["eta"] for db in w["fd"]["b_hidden"]],
                       [_slope(reference_net.F[w["hidden"]][0], v) * w["w4"][i] * w["it"]["delta_output"][0]
                        for i, v in enumerate(w["it"]["v_hidden"])]]),
    Formula(("spot-the-bug-fix",), "f'(v_i) = f.derivative_from_output(y_hi)", "numeric",  # both activations
            lambda w: [[activations.get(h).derivative_from_output(reference_net.F[h][0](v))
                        for h in ("logsig", "tansig") for v in w["it"]["v_hidden"]],
                       [_slope(reference_net.F[h][0], v) for h in ("logsig", "tansig") for v in w["it"]["v_hidden"]]]),
    # exercise 14, a derivation with a logsig output
    Formula(("derive-logsig-output",), "f'(v_j) = y(1 − y)", "sympy",
            lambda _: [sp.diff(LOGSIG, V), LOGSIG * (1 - LOGSIG)]),  # y = f(v_j)
    Formula(("derive-logsig-output",), "∂E/∂y = −e", "sympy",  # E = ½e², e = d − y
            lambda _: [sp.diff((D_S - Y_S) ** 2 / 2, Y_S), -(D_S - Y_S)]),
    Formula(("derive-logsig-output",), "f'(v_i) = y_hi(1 − y_hi)", "sympy",
            lambda _: [sp.diff(LOGSIG, V), LOGSIG * (1 - LOGSIG)]),  # y_hi = f(v_i)
    Formula(("derive-logsig-output",), "∂E/∂e = e", "sympy",  # E = ½e²
            lambda _: [sp.diff(E_S**2 / 2, E_S), E_S]),
    Formula(("derive-logsig-output",), "∂v_i/∂w_ik = x_k", "sympy",
            lambda _: [sp.Matrix([sp.diff(W_IK[0] * X_S[0] + W_IK[1] * X_S[1] + B_I, w) for w in W_IK]),
                       sp.Matrix(X_S)]),
]


def _is_zero(expr) -> bool:
    """tanh, sech and the logistic as exponentials, then a rational function's normal form: 0 exactly when equal."""
    if isinstance(expr, sp.MatrixBase):
        return all(_is_zero(e) for e in expr)
    return sp.cancel(sp.expand(sp.sympify(expr).rewrite(sp.exp))) == 0


def _flat(value) -> list[float]:
    return [float(v) for v in np.ravel(np.array(value, dtype=float))]


def sides_equal(world_name: str, sides: list) -> bool:
    first, *rest = sides
    if world_name == "sympy":
        return all(_is_zero(side - first) for side in rest)
    first = _flat(first)
    return all(len(_flat(side)) == len(first) and all(
        math.isclose(a, b, rel_tol=1e-7, abs_tol=1e-10) for a, b in zip(_flat(side), first)) for side in rest)


def examples_showing(formula: Formula) -> list[Path]:
    """The example files for which one of the formula's exercises shows its text."""
    return [path for path in EXAMPLE_FILES
            if any(name in formula.where and formula.text_for(world(path)) in text for name, text in own_hints(path))]


@pytest.mark.parametrize("formula", FORMULAS, ids=[f"{f.where[0]}-{n}" for n, f in enumerate(FORMULAS)])
def test_each_hint_formula_is_shown_and_true(formula):
    shown_for = examples_showing(formula)
    assert shown_for, f"no exercise of {formula.where} shows {formula.text_for(world(EXAMPLE_FILES[0]))!r} any more"
    if formula.world == "sympy":
        assert sides_equal("sympy", formula.sides(None)), formula.text_for(world(shown_for[0]))
    for path in shown_for:
        assert sides_equal(formula.world, formula.sides(world(path))), (path.stem, formula.text_for(world(path)))


# --- every formula a hint shows is a checked one ---------------------------------------------------------------

_FUNCTIONS = {"tanh", "sech", "cosh", "sinh", "exp"}  # words that are math


def _is_math(token: str) -> bool:
    """A token of a formula: anything but an English word (a run of ASCII letters, save one-letter symbols and the
    names of functions)."""
    word = token.strip("()")
    return not (word.isascii() and word.isalpha() and (len(word) > 1 or word in "aAI") and word not in _FUNCTIONS)


def formula_spans(hint: str) -> list[str]:
    """Each formula with "=" or "≈" in a hint (`tests.support.hints.formula_spans`)."""
    return find_formulas(hint, _is_math, ("=", "≈"))


def unchecked_formulas(hints, w: dict) -> list[tuple[str, str]]:
    """(exercise, formula) for every formula of ``hints`` ((exercise, text) pairs) that no FORMULAS entry for that
    exercise shows, with the labels of the example whose plain-math world is ``w``."""
    return [(name, span) for name, text in hints for span in formula_spans(text)
            if not any(name in f.where and span in f.text_for(w) for f in FORMULAS)]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_formula_of_an_exercise_hint_is_checked(path):
    hints = own_hints(path)
    assert unchecked_formulas(hints, world(path)) == []
    assert sum(len(formula_spans(text)) for _, text in hints) >= 20, "the spans are found"


def test_the_hints_name_the_neurons_of_a_network_with_four_hidden_neurons():
    """With four hidden neurons the output is neuron 5 (the slides number the neurons through the layers): every
    exercise builds, its formulas are the checked ones written with 5, and no hint or slip names an output neuron 4."""
    net = Network.random(2, 4, 1, seed=5)
    example = examples.Example(net, np.array([0.4, -0.7]), 0.3, 0.5, "four hidden neurons")
    cat = ex.catalogue(example)
    theirs = _homework_hints(example)
    own = [(name, text) for name, text in shown_hints(cat) if text not in theirs]
    plain = {"w_hidden": net.w_hidden.tolist(), "b_hidden": net.b_hidden.tolist(), "w_output": net.w_output.tolist(),
             "b_output": net.b_output.tolist(), "hidden": "logsig", "x": [0.4, -0.7], "d": 0.3, "eta": 0.5}
    assert unchecked_formulas(own, {"out": len(net.b_hidden) + 1, "hidden": "logsig", "other": "tansig",
                                    "gc": chosen(gradient_weight(plain, oracle.iteration(plain)))}) == []
    slips = [m.slip for name in cat if isinstance(cat[name], ex.NumericExercise) for m in cat[name].mistakes]
    # the exercises' own hints and the catalogue's they take; the fix exercise's are about its random 2-3-1 networks
    shown = [text for name, text in shown_hints(cat) if isinstance(cat[name], ex.NumericExercise)]
    for text in shown + slips:
        assert not re.search(r"[vb]_4\b|w_4i|output 4\b|j = 4", text), text
    assert any("w_5i" in text for _, text in own) and any("∂v_5/∂w_5i = y_hi" in text for text in shown)


def misnamed(text: str, example_hidden: str) -> bool:
    """A derivative exercise's hint that speaks of the hidden layer (its y_hi or rules: not what the exercise asks) or,
    where the example's hidden layer is not logsig, writes logsig as f (that example's f is its own activation)."""
    writes_f = re.search(r"\bf'?\(", text) is not None
    return "y_hi" in text or "hidden" in text or (example_hidden != "logsig" and writes_f)


def test_the_derivative_exercises_hints_are_about_their_own_function():
    """logsig'(v_1) and tanh'(v_2) on every example, a tansig hidden layer too: the hints name the function the exercise
    is about, never the example's hidden outputs y_hi (y_h1 = tanh(v_1) for a tansig layer) or its f."""
    assert any(world(path)["hidden"] == "tansig" for path in EXAMPLE_FILES), "an example with a tansig hidden layer"
    for path in EXAMPLE_FILES:
        hidden, cat = world(path)["hidden"], catalogue(path)
        for name in ("sigmoid-derivative", "tanh-derivative"):
            assert [m.hint for m in cat[name].mistakes if misnamed(m.hint, hidden)] == [], (path.stem, name)
    # the hints these exercises gave before, for an example with a tansig hidden layer, are refused
    assert misnamed("That is f(v_1) itself; the derivative is f(v_1)(1 − f(v_1)).", "tansig")
    assert misnamed("f'(v_i) written with the output uses y_hi = f(v_i), not v_i: here f'(v_i) = 1 − y_hi² (tansig).",
                    "tansig")
    assert not misnamed("That is f(v_1) itself; the derivative is f(v_1)(1 − f(v_1)).", "logsig")


def test_the_homework_hints_left_out_here_are_the_catalogues():
    """What this module leaves to test_homework.py is a homework catalogue hint, word for word; the rest is here."""
    cat = catalogue(EXAMPLE_FILES[0])
    own = set(own_hints(EXAMPLE_FILES[0]))
    theirs = [(name, text) for name, text in shown_hints(cat) if (name, text) not in own]
    assert theirs and all(text in _homework_hints(cat.example) for _, text in theirs)
    assert ("output-weights", homework.hint("sign-flipped")) in theirs
    assert any(name == "tanh-derivative" and text.startswith("Square the tanh") for name, text in own)


def _changed(world_name: str, side):
    """2 · side + 1, entry by entry."""
    if world_name == "sympy":
        return side.applyfunc(lambda e: 2 * e + 1) if isinstance(side, sp.MatrixBase) else 2 * side + 1
    return [2 * v + 1 for v in _flat(side)]


def test_an_unchecked_or_wrong_hint_formula_is_reported():
    """A new or changed formula is reported, and every check refuses its formula changed (2 · side + 1) or a classic
    wrong formula."""
    w = world(EXAMPLE_FILES[0])
    assert formula_spans("The sign: ∂E/∂w_11 ≈ (E(w_11 + h) − E(w_11 − h)) / 2h, the cost at w_11 + h first.") == [
        "∂E/∂w_11 ≈ (E(w_11 + h) − E(w_11 − h)) / 2h"]
    assert formula_spans("with tanh the forward pass changes too (y_hi = tanh(v_i), so y and e change).") == [
        "y_hi = tanh(v_i)"]
    assert unchecked_formulas([("output-weights", "That is w_4i(n+1) = w_4i(n) + Δw_4i: the update.")], w) == []
    assert unchecked_formulas([("output-weights", "That is w_4i(n+1) = w_4i(n) − Δw_4i: the update.")], w) == [
        ("output-weights", "w_4i(n+1) = w_4i(n) − Δw_4i")]
    assert unchecked_formulas([("output-weights", "That is w_5i(n+1) = w_5i(n) + Δw_5i: the update.")], w) == [
        ("output-weights", "w_5i(n+1) = w_5i(n) + Δw_5i")], "a neuron label that is not this network's"
    assert unchecked_formulas([("gradient-check", "∂E/∂w_11 ≈ (E(w_11 + h) − E(w_11)) / h.")], w) == [
        ("gradient-check", "∂E/∂w_11 ≈ (E(w_11 + h) − E(w_11)) / h")]
    assert unchecked_formulas([("tanh-derivative", "Use E = ½ Σ_j e_j².")], w) == [
        ("tanh-derivative", "E = ½ Σ_j e_j²")], "a formula counts only for the exercises its entry names"
    for formula in FORMULAS:
        path = examples_showing(formula)[0]
        sides = formula.sides(None if formula.world == "sympy" else world(path))
        changed = [*sides[:-1], _changed(formula.world, sides[-1])]
        assert not sides_equal(formula.world, changed), formula.text_for(world(path))
    wrong = [  # classic wrong formulas, each against the truth its entry uses
        ("sympy", [sp.diff(LOGSIG, V), sp.exp(-V) / (1 + sp.exp(-V))]),  # the unsquared denominator
        ("sympy", [sp.diff(LOGSIG, V), 1 - LOGSIG**2]),  # tanh's 1 − y² for logsig
        ("sympy", [sp.diff(sp.tanh(V), V), sp.tanh(V) * (1 - sp.tanh(V))]),  # logsig's y(1 − y) for tanh
        ("numeric", [[_v1(w) * (1 - _v1(w))], [_slope(sig, _v1(w))]]),  # s(1 − s) at s = v_1
        ("sympy", [sp.diff(sp.tanh(V), V), 1 - sp.tanh(V)]),  # tanh' = 1 − tanh
        ("sympy", [sp.diff(sp.tanh(V), V), sp.sech(V)]),  # tanh' = sech
        ("sympy", [sp.diff(sp.sinh(V) / sp.cosh(V), V), (sp.cosh(V) ** 2 + sp.sinh(V) ** 2) / sp.cosh(V) ** 2]),
        ("sympy", [sp.diff((D_S - Y_S) ** 2 / 2, Y_S), D_S - Y_S]),  # ∂E/∂y = e
        ("numeric", [[_dw_gc(w, w["it"])], [-_dw_gc(w, w["fd"])]]),  # Δw = +η ∂E/∂w
        ("numeric", [[_gradient_gc(w)], [-_central_gc(w)]]),  # the central difference the other way round
        ("numeric", [[_gradient_gc(w)], [2 * _central_gc(w)]]),  # divided by h
        ("numeric", [[w["eta"] * (w["it"]["y"] - w["d"])], w["fd"]["b_output"]]),  # e = y − d
    ]
    for world_name, sides in wrong:
        assert not sides_equal(world_name, sides)
    # E = ½ (Σ_j e_j)²: its descent is not the rules' of exercise 10
    cost_of_sum = lambda p: 0.5 * sum(d - y for d, y in zip(p["d"], reference_net.forward(  # noqa: E731
        {**p, "output": "purelin"}, w["x"])[1])) ** 2
    assert not sides_equal("numeric", [w["it_two"]["dw_hidden"], minus_eta_fd(w["two"], cost_of_sum)["w_hidden"]])


# --- statements in words: train's costs, a derivative, the gradient -------------------------------------------------


def plain_training(n_samples: int, epochs: int, shuffle: bool, seed: int = ex.TRAIN_SEED):
    """Online training of the training exercise's network written with loops and math (logsig hidden, linear output):
    the mean over each epoch of E(n) = ½ e(n)², each measured before its sample's update, and the trained weights."""
    net = Network.random(2, ex.TRAIN_HIDDEN, 1, seed=ex.TRAIN_SEED)
    X, D = examples.regression_data(ex.TRAIN_SAMPLES, seed=ex.TRAIN_SEED)
    X, D = X[:n_samples].tolist(), D[:n_samples].tolist()
    w, b = net.w_hidden.tolist(), net.b_hidden.tolist()
    w4, b4, eta, hidden = net.w_output[0].tolist(), float(net.b_output[0]), ex.TRAIN_ETA, range(ex.TRAIN_HIDDEN)
    rng = np.random.default_rng(seed)  # train's documented shuffling: a new permutation each epoch
    epoch_costs, epoch_sums = [], []
    for _ in range(epochs):
        total = 0.0
        for n in (rng.permutation(n_samples).tolist() if shuffle else range(n_samples)):
            x = X[n]
            yh = [sig(w[i][0] * x[0] + w[i][1] * x[1] + b[i]) for i in hidden]
            e = D[n] - (sum(w4[i] * yh[i] for i in hidden) + b4)
            total += 0.5 * e * e
            delta = [e * w4[i] * yh[i] * (1 - yh[i]) for i in hidden]
            w4, b4 = [w4[i] + eta * e * yh[i] for i in hidden], b4 + eta * e
            w = [[w[i][k] + eta * delta[i] * x[k] for k in range(2)] for i in hidden]
            b = [b[i] + eta * delta[i] for i in hidden]
        epoch_costs.append(total / n_samples)
        epoch_sums.append(total)
    after = [0.5 * (D[n] - (sum(w4[i] * sig(w[i][0] * X[n][0] + w[i][1] * X[n][1] + b[i]) for i in hidden) + b4)) ** 2
             for n in range(n_samples)]
    return {"costs": epoch_costs, "sums": epoch_sums, "trained": sum(after) / n_samples}


@functools.cache
def exercise_training() -> dict:
    """The training exercise's run (its settings, all samples and epochs), in plain math."""
    return plain_training(ex.TRAIN_SAMPLES, ex.TRAIN_EPOCHS, shuffle=True)


SMALL = {"n_samples": 12, "epochs": 4}  # a short run: train against the loop


def _train_costs(shuffle: bool) -> list[float]:
    net = Network.random(2, ex.TRAIN_HIDDEN, 1, seed=ex.TRAIN_SEED)
    X, D = examples.regression_data(ex.TRAIN_SAMPLES, seed=ex.TRAIN_SEED)
    n = SMALL["n_samples"]
    return train(net, X[:n], D[:n], ex.TRAIN_ETA, SMALL["epochs"], shuffle=shuffle, seed=ex.TRAIN_SEED)[1].tolist()


def _same(a, b) -> bool:
    return len(_flat(a)) == len(_flat(b)) and all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
                                                  for x, y in zip(_flat(a), _flat(b)))


def _costs_are_epoch_means() -> bool:
    """train's costs[t], with and without shuffling, is the mean of E(n) over epoch t + 1 of the loop."""
    return all(_same(_train_costs(shuffle), plain_training(**SMALL, shuffle=shuffle)["costs"])
               for shuffle in (False, True))


def _first_epoch_alone() -> bool:
    """costs[0] of a longer run is the whole cost of a one-epoch run: epoch 1."""
    net = Network.random(2, ex.TRAIN_HIDDEN, 1, seed=ex.TRAIN_SEED)
    X, D = examples.regression_data(ex.TRAIN_SAMPLES, seed=ex.TRAIN_SEED)
    n = SMALL["n_samples"]
    one = train(net, X[:n], D[:n], ex.TRAIN_ETA, 1)[1].tolist()
    return _same(one, plain_training(n, 1, shuffle=False)["costs"]) and _same(one[0], _train_costs(False)[0])


def _last_epoch() -> bool:
    """The exercise's costs[-1] is the loop's last epoch (measured during it), and that epoch is the one named."""
    run = exercise_training()
    return _same(ex.training_costs()[-1], run["costs"][-1]) and len(run["costs"]) == ex.TRAIN_EPOCHS


# (exercise, the words as shown, the check)
CLAIMS = [
    ("sigmoid-derivative", "the derivative is f(v_1)(1 − f(v_1))",
     lambda: _is_zero(sp.diff(LOGSIG, V) - LOGSIG * (1 - LOGSIG))),
    ("sigmoid-derivative", "That is logsig(v_1) itself; the derivative is logsig(v_1)(1 − logsig(v_1))",
     lambda: _is_zero(sp.diff(LOGSIG, V) - LOGSIG * (1 - LOGSIG))),  # a hidden layer other than logsig
    ("gradient-check", "the gradient is −Δw_11/η", lambda: all(  # the central difference of the oracle's cost
        math.isclose(-_dw_gc(world(p), world(p)["it"]) / world(p)["eta"], _central_gc(world(p)), rel_tol=1e-7,
                     abs_tol=1e-10) for p in EXAMPLE_FILES)),
    ("gradient-check", "divides by 2h, the distance between w_11 + h and w_11 − h",
     lambda: _is_zero((W_IK[0] + H) - (W_IK[0] - H) - 2 * H)),
    ("training", "train returns the mean cost per sample, not the sum", _costs_are_epoch_means),
    ("training", "costs[0] is epoch 1", _first_epoch_alone),
    ("training", "costs[0] is the first epoch; the final cost is costs[-1]", _first_epoch_alone),
    ("training", "costs[t] is the mean cost of epoch t + 1", _costs_are_epoch_means),
    ("training", f"costs[-1] is what train measured during epoch {ex.TRAIN_EPOCHS}: each E(n) on its sample just "
                 "before that sample's update", _last_epoch),
    ("tansig-hidden", "updates (exercise 6)", lambda: [p.checks for p in ex.PAGES if p.number == 6] == [
        ("hidden-weights",)]),
]


@pytest.mark.parametrize(("name", "words", "holds"), CLAIMS, ids=[f"{c[0]}-{n}" for n, c in enumerate(CLAIMS)])
def test_each_statement_in_words_is_shown_and_true(name, words, holds):
    assert any(n == name and words in text for path in EXAMPLE_FILES for n, text in own_hints(path)), words
    assert holds(), words


def test_the_statements_about_train_can_fail():
    """The loop tells a sum from a mean, and epoch 1 from epoch 2."""
    loop = plain_training(**SMALL, shuffle=False)
    costs = _train_costs(False)
    assert not _same(costs, loop["sums"])
    assert not _same(costs[0], loop["costs"][1])
    assert not _same(_train_costs(True), loop["costs"]), "the shuffled run is another run"


# --- the value each classic mistake holds is the slip it names ---------------------------------------------------
#
# For each exercise, its slips by label (a function of the example's world where the label names an activation or a
# neuron): a phrase its hint has, and the value of the slip worked out in plain math. Every mistake of every example's
# catalogue must be one of them.


# The update that moves up the gradient with the error right, Δθ = +η ∂E/∂θ (homework's updates-sign-flipped): the same
# number as the flipped sign of e = y - d, so the boxes name both.
UPDATES_FLIPPED = "the updates' sign flipped, e right"
# The pairs of slips that give one number by nature, which the boxes name together.
SAME_NUMBER = [{"the flipped sign", UPDATES_FLIPPED}, {"dividing by h", "the cost without its ½"},
               # a new value θ − Δθ: the flipped error or updates added, or the right update subtracted (exercise 12)
               {"the flipped sign", "the update subtracted from θ(n)"},
               {UPDATES_FLIPPED, "the update subtracted from θ(n)"},
               # exercise 11: the central difference's sign, or rule 3's gradient taken as +Δw_ik/η
               {"the flipped sign", "the update over η, its minus left out"}]


def _at_v(name: str, fields: list[float]) -> list[float]:
    """The activation ``name``'s derivative at each field v_i, as a function of v: f'(v) = f'_y(f(v))."""
    return [oracle.F_PRIME_FROM_Y[name](oracle.F[name](v)) for v in fields]


#: A row of the derivative table with its minus written as a plus, by activation (the common-mistakes page's mistake 5).
PLUS_FROM_Y = {"logsig": lambda y: y * (1 + y), "tansig": lambda y: 1 + y * y}
PLUS = "a plus for the minus in f'(v_i)"
UNSQUARED = "1 − y_hi for tanh's 1 − y_hi²"
AT_OUTPUT = "f'(y_hi) in place of f'(v_i)"


def _if_tansig(key: str) -> Callable[[dict], str | None]:
    """The label of the slip that leaves tanh's square out, or None where the world's ``key`` layer ("hidden", or
    exercise 9's "other") is not tansig: no square to leave out."""
    return lambda w: UNSQUARED if w[key] == "tansig" else None


def _hidden_rule(w: dict, e: float, back: list[float], f_prime: list[float]) -> list[list[float]]:
    """Δw_ik = η e back_i f'_i x_k."""
    return outer([w["eta"] * e * back[i] * f_prime[i] for i in range(3)], w["x"])


def _no_bias_forward(w: dict) -> list[float]:
    p = w["p"]
    f = reference_net.F[w["hidden"]][0]
    yh = [f(sum(p["w_hidden"][i][k] * w["x"][k] for k in range(2))) for i in range(3)]
    return [yh[1], sum(w["w4"][i] * yh[i] for i in range(3)) + w["b4"]]


def _fields_forward(w: dict) -> list[float]:
    v = w["it"]["v_hidden"]
    return [v[1], sum(w["w4"][i] * v[i] for i in range(3)) + w["b4"]]


def _flipped(w: dict) -> list[float]:
    """w_41, exercise 8's w_ik and y(n+1) after every update with its sign flipped, w(n) − Δw(n)."""
    (i_oi, k_oi), p, it = w["oi"][1], w["p"], w["it"]
    flipped = {**p,
               "w_hidden": [[p["w_hidden"][i][k] - it["dw_hidden"][i][k] for k in range(2)] for i in range(3)],
               "b_hidden": [p["b_hidden"][i] - it["db_hidden"][i] for i in range(3)],
               "w_output": [[p["w_output"][0][i] - it["dw_output"][0][i] for i in range(3)]],
               "b_output": [p["b_output"][0] - it["db_output"][0]]}
    return [flipped["w_output"][0][0], flipped["w_hidden"][i_oi][k_oi], oracle.forward(flipped)["y_output"][0]]


def _step_with_eta(w: dict, eta: float) -> list[float]:
    """w_41, exercise 8's w_ik and y(n+1) after the oracle's step with the learning rate ``eta``: 2η doubles every
    update (the ½ of E left out), η = 1 leaves η out."""
    stepped = oracle.iteration({**w["p"], "eta": eta})
    return [stepped["w_output_new"][0][0], _at_oi(w, stepped["w_hidden_new"]), stepped["y_next"]]


def _doubled_step(w: dict) -> list[float]:
    """Every update doubled, w(n) + 2Δw(n): the step with 2η."""
    return _step_with_eta(w, 2 * w["eta"])


def _unscaled_step(w: dict) -> list[float]:
    """Every update without its η, w(n) + Δw(n)/η: the step with η = 1."""
    return _step_with_eta(w, 1.0)


def _at_oi(w: dict, w_hidden: list) -> float:
    """The entry of exercise 8's hidden weight w_ik in a w_hidden of the oracle (w_ik(n+1), Δw_ik, ...)."""
    i, k = w["oi"][1]
    return w_hidden[i][k]


def _spot(w: dict) -> tuple[str, float, float, float]:
    """Exercise 12's parameter: the first of b_1, b_2, b_3, w_11, ... that the bug (hidden rules with w_4i(n+1))
    moves beyond its box's tolerance 10^-6 + 10^-5 |Δ|, Δ its update, both the buggy value and the buggy value as
    the page prints it (six decimals); else the one the bug moves most for its tolerance. Its label, its right new
    value, the buggy one and its update."""
    it, bug, p = w["it"], w["it_bug"], w["p"]
    candidates = [(f"b_{i + 1}", p["b_hidden"][i], it["db_hidden"][i], bug["db_hidden"][i]) for i in range(3)]
    candidates += [(f"w_{i + 1}{k + 1}", p["w_hidden"][i][k], it["dw_hidden"][i][k], bug["dw_hidden"][i][k])
                   for i in range(3) for k in range(2)]

    def apart(old: float, delta: float, bad: float) -> float:
        return min(abs(v - (old + delta)) for v in (old + bad, round(old + bad, 6))) / (1e-6 + 1e-5 * abs(delta))

    label, old, delta, bad = next((c for c in candidates if apart(*c[1:]) > 1),
                                  max(candidates, key=lambda c: apart(*c[1:])))
    return label, old + delta, old + bad, delta


def _spot_step(w: dict) -> list[str]:
    """Exercise 12's parameter as the trace names its new value: ``["b1(n+1)"]``."""
    return [_spot(w)[0].replace("_", "") + "(n+1)"]


def _spot_worked(w: dict) -> float:
    """Exercise 12's parameter's new value in the worked example (the derivation pages print it)."""
    name = _spot(w)[0]
    if name.startswith("b_"):
        return w["worked"]["b_hidden_new"][int(name[2]) - 1]
    return w["worked"]["w_hidden_new"][int(name[2]) - 1][int(name[3]) - 1]


def _if_bias(label: str, bias: bool = True) -> Callable[[dict], str | None]:
    """A slip's label where exercise 12 asks for a hidden bias (``bias``) or a hidden weight (not), else None: a slip
    of an input the parameter asked for does not have."""
    return lambda w: label if _spot(w)[0].startswith("b_") == bias else None


def _unless_equal_inputs(label: str) -> Callable[[dict], str | None]:
    """A slip's label, or None where x_1 = x_2 (the two inputs swapped change nothing)."""
    return lambda w: None if w["x"][0] == w["x"][1] else label


def _rounded_central(w: dict, k: int) -> float:
    """Exercise 11's central difference of the two costs rounded to ``k`` decimals."""
    return central(lambda q: round(oracle.cost(q, oracle.forward(q)["y_output"]), k), w["p"], "w_hidden", w["gc"][1],
                   ex.GRADCHECK_H)


def _y_rounded_central(w: dict) -> float:
    """Exercise 11's central difference of the costs of the two outputs y(w_ik ± h) rounded to six decimals."""
    return central(lambda q: 0.5 * (w["d"] - round(oracle.forward(q)["y_output"][0], 6)) ** 2, w["p"], "w_hidden",
                   w["gc"][1], ex.GRADCHECK_H)


def _beyond(w: dict, value: float, label: str) -> str | None:
    """``label`` where exercise 11's box tells ``value`` from the right answer (10^-6 + 0.001 % of it, the rule of
    every exercise), else None: a rounding that keeps enough digits is no slip there."""
    right = _central_gc(w)
    return label if abs(value - right) > 1e-6 + 1e-5 * abs(right) else None


def _partial(w: dict, *updated: str) -> list[float]:
    """Exercise 8's answer from a network only part of which was updated, the parameter arrays ``updated`` (the
    oracle's new values; ``"w_41"`` and ``"w_ik"`` for those two entries alone): w_41(n+1) and w_ik(n+1) right, y(n+1)
    of that network."""
    p, new = w["p"], w["it"]["new"]
    net = {**p, **{name: new[name] for name in ("w_hidden", "b_hidden", "w_output", "b_output") if name in updated}}
    if "w_41" in updated:  # the two entries the boxes ask about
        (i, k), w_output = w["oi"][1], [list(row) for row in p["w_output"]]
        w_output[0][0] = new["w_output"][0][0]
        w_hidden = [list(row) for row in p["w_hidden"]]
        w_hidden[i][k] = new["w_hidden"][i][k]
        net = {**p, "w_output": w_output, "w_hidden": w_hidden}
    y_next = oracle.forward(net, w["x"])["y_output"][0]
    return [new["w_output"][0][0], _at_oi(w, new["w_hidden"]), y_next]


def _v1(w: dict) -> float:
    return w["it"]["v_hidden"][0]


def _v2(w: dict) -> float:
    return w["it"]["v_hidden"][1]


def _two_outputs(w: dict, back: Callable[[int], float]) -> list[list[float]]:
    return outer([w["eta"] * back(i) * w["it_two"]["fp_hidden"][i] for i in range(3)], w["x"])


def _e_two(w: dict) -> list[float]:
    return w["it_two"]["e_list"]


def _w_two(w: dict, j: int, i: int) -> float:
    return w["two"]["w_output"][j][i]


def _training(w: dict, cost: float, first_offset: int = 0) -> list[float]:
    costs = exercise_training()["costs"]
    first = next(t for t, c in enumerate(costs, start=1) if c < ex.TRAIN_THRESHOLD)
    return [cost, first + first_offset]


def _itself(w: dict) -> str:
    """The sigmoid-derivative exercise writes logsig as f where the example's hidden layer is logsig, else as logsig."""
    return ("f" if w["hidden"] == "logsig" else "logsig") + "(v_1) itself"


def _picked(rows: dict, steps):
    return [_picked(rows, s) if isinstance(s, list) else rows[s] for s in steps]


def _catalogue(name: str, key: str, steps: Callable[[dict], list]) -> Callable[[dict], list]:
    """The catalogue's slip ``name`` in plain math (``tests/support/slips.py``) on the world's network ``key`` ("p",
    exercise 9's "q", exercise 10's "two"), at the trace's ``steps`` (nested as the answer is)."""
    return lambda w: _picked(slipped(name, w[key]), steps(w))


def _out_weights(w: dict) -> list[str]:
    return [f"Δw{w['out']}{i}" for i in (1, 2, 3)]


def _hidden_weights(w: dict) -> list[list[str]]:
    return [[f"Δw{i}{k}" for k in (1, 2)] for i in (1, 2, 3)]


def _hidden_biases(w: dict) -> list[str]:
    return [f"Δb{i}" for i in (1, 2, 3)]


def _iteration_steps(w: dict) -> list[str]:  # exercise 8's: w_41(n+1), its hidden weight w_ik(n+1), y(n+1)
    i, k = w["oi"][1]
    return [f"w{w['out']}1(n+1)", f"w{i + 1}{k + 1}(n+1)", "y(n+1)"]


COST = "the cost E in place of the error e"
NO_X = "leaving out x_k (which gives Δb_i)"
DOUBLED = "the ½ of E left out (every update doubled)"  # ∂E/∂e = 2e: every update twice the right one
FP_FORMULA = {"logsig": "y_hi(1 − y_hi)", "tansig": "1 − y_hi²"}  # f'(v_i) written with the output

# exercise -> [(slip label, a phrase of its hint, its value)]; a label or phrase may be a function of the world
#: The worked example's right numbers typed into an exercise on the practice example: copied from the derivation pages.
WORKED = "the worked example's numbers"

SLIPS: dict[str, list[tuple]] = {
    "forward-pass": [
        (WORKED, "the worked example's", lambda w: [w["worked"]["y_hidden"][1], w["worked"]["y"]]),
        ("leaving out the hidden biases b_i", "hidden biases", _no_bias_forward),
        (lambda w: f"leaving out the output bias b_{w['out']}", "output bias",
         lambda w: [w["it"]["y_hidden"][1], w["it"]["y"] - w["b4"]]),
        (lambda w: f"a {SHORT[w['hidden']]} at the output", "linear (purelin)",
         lambda w: [w["it"]["y_hidden"][1], reference_net.F[w["hidden"]][0](w["it"]["v_output"][0])]),
        ("the fields v_i in place of the hidden outputs y_hi", "You used the fields v_i", _fields_forward),
        # the slides' logistic sigmoid on a tanh practice example (or tanh on a logsig one): the other sigmoid's y_hi
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with",
         lambda w: [reference_net.F[w["other"]][0](w["it"]["v_hidden"][1]), w["it_q"]["y"]]),
        # a logsig hidden layer's only: 1/(1 + e^(v_i)) in every neuron, by hand
        (lambda w: "the exponent's sign flipped, 1/(1 + e^(v_i))" if w["hidden"] == "logsig" else None,
         "The exponent's sign", lambda w: [1 / (1 + math.exp(w["it"]["v_hidden"][1])),
                                            sum(wi / (1 + math.exp(v)) for wi, v in zip(w["w4"], w["it"]["v_hidden"]))
                                            + w["b4"]]),
    ],
    "sigmoid-derivative": [
        ("the lost minus sign", "The sign", lambda w: -sig(_v1(w)) * (1 - sig(_v1(w)))),
        (_itself, _itself, lambda w: sig(_v1(w))),
        ("the tanh form 1 − y²", "tanh's derivative 1 − y² fed with logsig(v_1)", lambda w: 1 - sig(_v1(w)) ** 2),
        ("v_1(1 − v_1)", "not at v_1", lambda w: _v1(w) * (1 - _v1(w))),
        ("an unsquared denominator", "The denominator is squared",
         lambda w: math.exp(-_v1(w)) / (1 + math.exp(-_v1(w)))),
        ("tanh's derivative", "That is tanh's derivative at v_1", lambda w: 1 - math.tanh(_v1(w)) ** 2),
        ("s(1 − s) fed with tanh(v_1)", "fed with tanh(v_1)",
         lambda w: math.tanh(_v1(w)) * (1 - math.tanh(_v1(w)))),
    ],
    "tanh-derivative": [
        ("1 − tanh v, unsquared", "Square the tanh", lambda w: 1 - math.tanh(_v2(w))),
        ("sech v, unsquared", "sech is squared", lambda w: 1 / math.cosh(_v2(w))),
        ("the logsig form y(1 − y)", "logsig's derivative y(1 − y) fed with tanh(v_2)",
         lambda w: math.tanh(_v2(w)) * (1 - math.tanh(_v2(w)))),
        ("1 − v_2²", "not at v_2", lambda w: 1 - _v2(w) ** 2),  # the output's formula fed with the field (a student's)
        ("tanh(v_2) itself", "That is tanh(v_2) itself", lambda w: math.tanh(_v2(w))),  # as exercise 2's f(v_1)
        ("1 + tanh² v", "The sign", lambda w: 1 + math.tanh(_v2(w)) ** 2),
        ("the flipped sign", "is positive", lambda w: -(1 - math.tanh(_v2(w)) ** 2)),
        ("the logistic sigmoid's derivative", "logistic sigmoid's derivative at v_2",
         lambda w: sig(_v2(w)) * (1 - sig(_v2(w)))),
    ],
    "output-weights": [
        (WORKED, "the worked example's", lambda w: w["worked"]["dw_output"][0]),
        ("the flipped sign", "Your sign is flipped", lambda w: [-v for v in w["it"]["dw_output"][0]]),
        (UPDATES_FLIPPED, "your e = d − y is right",
         lambda w: [-w["eta"] * w["it"]["e"] * y for y in w["it"]["y_hidden"]]),
        ("forgetting η", "learning rate η", lambda w: [w["it"]["e"] * y for y in w["it"]["y_hidden"]]),
        ("v_i in place of y_hi", "not v_i", lambda w: [w["eta"] * w["it"]["e"] * v for v in w["it"]["v_hidden"]]),
        ("leaving out y_hi", "multiply by the hidden output", lambda w: [w["eta"] * w["it"]["e"]] * 3),
        (DOUBLED, "twice the right ones", lambda w: [2 * v for v in w["it"]["dw_output"][0]]),  # ∂E/∂e = 2e
        (lambda w: f"the new value w_{w['out']}i(n+1) in place of the update", "the task asks for the update",
         lambda w: w["it"]["w_output_new"][0]),
        (COST, "not the cost", _catalogue("cost-for-error", "p", _out_weights)),  # a student's review
    ],
    "output-bias": [
        (WORKED, "the worked example's", lambda w: w["worked"]["db_output"][0]),
        ("the flipped sign", "Your sign is flipped", lambda w: -w["eta"] * w["it"]["e"]),
        (UPDATES_FLIPPED, "your e = d − y is right", lambda w: w["eta"] * -w["it"]["e"]),  # +η ∂E/∂b_4, ∂E/∂b_4 = -e
        ("forgetting η", "learning rate η", lambda w: w["it"]["e"]),
        ("the cost E in place of the error e", "not the cost", lambda w: w["eta"] * w["it"]["E"]),
        ("multiplying by the hidden outputs y_hi", "A bias has input 1",
         lambda w: w["eta"] * w["it"]["e"] * sum(w["it"]["y_hidden"])),
        (DOUBLED, "twice the right ones", lambda w: 2 * w["it"]["db_output"][0]),
        (lambda w: f"the new value b_{w['out']}(n+1) in place of the update", "the task asks for the update",
         lambda w: w["it"]["b_output_new"][0]),
    ],
    "hidden-weights": [
        (WORKED, "the worked example's", lambda w: w["worked"]["dw_hidden"]),
        (_unless_equal_inputs("the inputs x_1 and x_2 swapped"), "its own input x_k",  # Δw_i2 for Δw_i1 (a reviewer's)
         lambda w: [list(reversed(row)) for row in w["it"]["dw_hidden"]]),
        ("the updated weights w_4i(n+1)", "updated output weights",
         lambda w: _hidden_rule(w, w["it"]["e"], w["w4_next"], w["it"]["fp_hidden"])),
        ("dropping f'(v_i)", "You dropped f'(v_i)", lambda w: _hidden_rule(w, w["it"]["e"], w["w4"], [1.0] * 3)),
        ("the flipped sign", "Your sign is flipped", lambda w: [[-v for v in row] for row in w["it"]["dw_hidden"]]),
        (UPDATES_FLIPPED, "your e = d − y is right",
         lambda w: _hidden_rule(w, -w["it"]["e"], w["w4"], w["it"]["fp_hidden"])),  # +η ∂E/∂w_ik
        ("f'(v_i) computed from v_i", "not v_i", lambda w: _hidden_rule(
            w, w["it"]["e"], w["w4"], [oracle.F_PRIME_FROM_Y[w["hidden"]](v) for v in w["it"]["v_hidden"]])),
        (AT_OUTPUT, "applies f twice", lambda w: _hidden_rule(
            w, w["it"]["e"], w["w4"], [SLOPE_OF_FIELD[w["hidden"]](y) for y in w["it"]["y_hidden"]])),
        ("y_hi in place of f'(v_i)", "where its derivative f'(v_i) belongs",
         lambda w: _hidden_rule(w, w["it"]["e"], w["w4"], w["it"]["y_hidden"])),
        ("leaving out w_4i", "through w_4i", lambda w: _hidden_rule(w, w["it"]["e"], [1.0] * 3, w["it"]["fp_hidden"])),
        ("forgetting η", "learning rate η", lambda w: [[v / w["eta"] for v in row] for row in w["it"]["dw_hidden"]]),
        (DOUBLED, "twice the right ones", lambda w: [[2 * v for v in row] for row in w["it"]["dw_hidden"]]),
        # a TA's: x_k left out (each Δw_ik is Δb_i), the new weight typed, the other sigmoid's derivative
        ("leaving out x_k (which gives Δb_i)", "you left out the input x_k",
         lambda w: [[v, v] for v in w["it"]["db_hidden"]]),
        ("the new value w_ik(n+1) in place of the update", "the task asks for the update",
         lambda w: w["it"]["w_hidden_new"]),
        ("another activation's derivative", "another activation's derivative", lambda w: _hidden_rule(
            w, w["it"]["e"], w["w4"], [oracle.F_PRIME_FROM_Y[w["other"]](y) for y in w["it"]["y_hidden"]])),
        # the other sigmoid's derivative at the field (logsig'(v_i), the slides', on a tanh network): a student's
        ("another activation's derivative at v_i", "'s derivative at the field",
         lambda w: _hidden_rule(w, w["it"]["e"], w["w4"], _at_v(w["other"], w["it"]["v_hidden"]))),
        (PLUS, "has a plus where its minus belongs", lambda w: _hidden_rule(
            w, w["it"]["e"], w["w4"], [PLUS_FROM_Y[w["hidden"]](y) for y in w["it"]["y_hidden"]])),
        (_if_tansig("hidden"), "has lost its square",
         lambda w: _hidden_rule(w, w["it"]["e"], w["w4"], [1 - y for y in w["it"]["y_hidden"]])),
        (COST, "not the cost", _catalogue("cost-for-error", "p", _hidden_weights)),
        # the slides' sigmoid on a tanh practice example, or tanh on a logsig one (an exercises review)
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with",
         lambda w: w["it_q"]["dw_hidden"]),
    ],
    "hidden-biases": [
        (WORKED, "the worked example's", lambda w: w["worked"]["db_hidden"]),
        ("the updated weights w_4i(n+1)", "updated output weights",
         lambda w: [w["eta"] * w["it"]["e"] * w["w4_next"][i] * w["it"]["fp_hidden"][i] for i in range(3)]),
        ("dropping f'(v_i)", "You dropped f'(v_i)", lambda w: [w["eta"] * w["it"]["e"] * v for v in w["w4"]]),
        ("the flipped sign", "Your sign is flipped", lambda w: [-v for v in w["it"]["db_hidden"]]),
        (UPDATES_FLIPPED, "your e = d − y is right",
         lambda w: [w["eta"] * -w["it"]["e"] * w["w4"][i] * w["it"]["fp_hidden"][i] for i in range(3)]),
        # exercise 6's two slips in f'(v_i) and w_4i, which exercise 7 did not name (a reviewer)
        ("f'(v_i) computed from v_i", "not v_i", lambda w: [
            w["eta"] * w["it"]["e"] * w4 * oracle.F_PRIME_FROM_Y[w["hidden"]](v)
            for w4, v in zip(w["w4"], w["it"]["v_hidden"])]),
        (AT_OUTPUT, "applies f twice", lambda w: [
            w["eta"] * w["it"]["e"] * w4 * SLOPE_OF_FIELD[w["hidden"]](y)
            for w4, y in zip(w["w4"], w["it"]["y_hidden"])]),
        ("y_hi in place of f'(v_i)", "where its derivative f'(v_i) belongs",
         lambda w: [w["eta"] * w["it"]["e"] * w4 * y for w4, y in zip(w["w4"], w["it"]["y_hidden"])]),
        ("leaving out w_4i", "through w_4i", lambda w: [w["eta"] * w["it"]["e"] * f for f in w["it"]["fp_hidden"]]),
        ("multiplying by the input x_1 (which gives Δw_i1)", "A bias has input 1",
         lambda w: [row[0] for row in w["it"]["dw_hidden"]]),
        ("multiplying by the input x_2 (which gives Δw_i2)", "A bias has input 1",
         lambda w: [row[1] for row in w["it"]["dw_hidden"]]),
        ("forgetting η", "learning rate η", lambda w: [v / w["eta"] for v in w["it"]["db_hidden"]]),
        (DOUBLED, "twice the right ones", lambda w: [2 * v for v in w["it"]["db_hidden"]]),
        ("the new value b_i(n+1) in place of the update", "the task asks for the update",
         lambda w: w["it"]["b_hidden_new"]),
        ("another activation's derivative", "another activation's derivative", lambda w: [
            w["eta"] * w["it"]["e"] * w4 * oracle.F_PRIME_FROM_Y[w["other"]](y)
            for w4, y in zip(w["w4"], w["it"]["y_hidden"])]),
        ("another activation's derivative at v_i", "'s derivative at the field", lambda w: [
            w["eta"] * w["it"]["e"] * w4 * f for w4, f in zip(w["w4"], _at_v(w["other"], w["it"]["v_hidden"]))]),
        (PLUS, "has a plus where its minus belongs", lambda w: [
            w["eta"] * w["it"]["e"] * w4 * PLUS_FROM_Y[w["hidden"]](y) for w4, y in zip(w["w4"], w["it"]["y_hidden"])]),
        (_if_tansig("hidden"), "has lost its square", lambda w: [
            w["eta"] * w["it"]["e"] * w4 * (1 - y) for w4, y in zip(w["w4"], w["it"]["y_hidden"])]),
        (COST, "not the cost", _catalogue("cost-for-error", "p", _hidden_biases)),
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with",
         lambda w: w["it_q"]["db_hidden"]),
    ],
    "one-iteration": [  # w_41, exercise 8's hidden weight w_ik (w["oi"]) and y
        (WORKED, "the worked example's", lambda w: [w["worked"]["w_output_new"][0][0],
                                                    _at_oi(w, w["worked"]["w_hidden_new"]), w["worked"]["y_next"]]),
        ("the updated weights w_4i(n+1) in the hidden rules", "updated output weights",
         lambda w: [w["it"]["w_output_new"][0][0], _at_oi(w, w["it_bug"]["w_hidden_new"]), w["it_bug"]["y_next"]]),
        ("y(n) given as y(n+1)", "run the forward pass again",
         lambda w: [w["it"]["w_output_new"][0][0], _at_oi(w, w["it"]["w_hidden_new"]), w["it"]["y"]]),
        ("the updates Δ given as the new weights", "θ(n+1) = θ(n) + Δθ(n)",
         lambda w: [w["it"]["dw_output"][0][0], _at_oi(w, w["it"]["dw_hidden"]), w["it"]["y"]]),
        ("the flipped sign", "Your sign is flipped", _flipped),
        ("no update (the values of time n)", "before the step",  # the weights of time n, and y(n)
         lambda w: [w["w4"][0], _at_oi(w, w["p"]["w_hidden"]), w["it"]["y"]]),
        ("forgetting η", "learning rate η", _unscaled_step),  # every update without η: the step of η = 1
        (DOUBLED, "twice the right ones", _doubled_step),  # every update doubled: the step of 2η
        # the catalogue's slips in the hidden rules, in rule 1 and in every rule (a student's review)
        ("dropping f'(v_i)", "You dropped f'(v_i)",
         _catalogue("no-hidden-derivative", "p", _iteration_steps)),
        ("f'(v_i) computed from v_i", "not v_i", _catalogue("derivative-of-v", "p", _iteration_steps)),
        (AT_OUTPUT, "applies f twice", _catalogue("derivative-at-output", "p", _iteration_steps)),
        ("y_hi in place of f'(v_i)", "where its derivative f'(v_i) belongs",
         _catalogue("output-for-derivative", "p", _iteration_steps)),
        ("leaving out w_4i", "through w_4i", _catalogue("no-output-weight", "p", _iteration_steps)),
        (NO_X, "you left out the input x_k", _catalogue("rule3-no-x", "p", _iteration_steps)),
        ("another activation's derivative", "another activation's derivative",
         _catalogue("wrong-derivative", "p", _iteration_steps)),
        ("another activation's derivative at v_i", "'s derivative at the field",
         _catalogue("other-derivative-of-v", "p", _iteration_steps)),
        (PLUS, "has a plus where its minus belongs", _catalogue("derivative-plus-sign", "p", _iteration_steps)),
        (_if_tansig("hidden"), "has lost its square", _catalogue("derivative-unsquared", "p", _iteration_steps)),
        ("v_i in place of y_hi", "not v_i", _catalogue("rule1-uses-v", "p", _iteration_steps)),
        ("leaving out y_hi", "multiply by the hidden output", _catalogue("rule1-no-y", "p", _iteration_steps)),
        (COST, "not the cost", _catalogue("cost-for-error", "p", _iteration_steps)),
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with",
         lambda w: [w["it_q"]["w_output_new"][0][0], _at_oi(w, w["it_q"]["w_hidden_new"]), w["it_q"]["y_next"]]),
        # y(n+1) of a network updated in part (a reviewer's)
        ("the output layer alone updated", "you left the hidden layer's weights and biases at time n",
         lambda w: _partial(w, "w_output", "b_output")),
        ("the hidden layer alone updated", "you left the output layer's weights and bias (w_4i and b_4) at time n",
         lambda w: _partial(w, "w_hidden", "b_hidden")),
        ("the weights updated, the biases not", "you left the biases at time n",
         lambda w: _partial(w, "w_hidden", "w_output")),
        ("every update but b_4's", "you left b_4 at time n", lambda w: _partial(w, "w_hidden", "b_hidden", "w_output")),
        (lambda w: f"only w_41 and {w['oi'][0]} updated", "the two the boxes ask about", lambda w: _partial(w, "w_41")),
        # a bias's rule with an input: only y(n+1) moves (a student's review)
        ("multiplying by the input x_1 (which gives Δw_i1)", "A bias has input 1",
         _catalogue("bias-input-x1", "p", _iteration_steps)),
        ("multiplying by the input x_2 (which gives Δw_i2)", "A bias has input 1",
         _catalogue("bias-input-x2", "p", _iteration_steps)),
        ("multiplying by the hidden outputs y_hi", "A bias has input 1",
         _catalogue("output-bias-with-y", "p", _iteration_steps)),
        # each Δw_ik times the other input, as exercise 6 names it (an exercises review)
        (_unless_equal_inputs("the inputs x_1 and x_2 swapped in rule 3"), "its own input x_k",
         _catalogue("swapped-inputs", "p", _iteration_steps)),
    ],
    "tansig-hidden": [
        (WORKED, "the worked example's", lambda w: w["worked"]["dw_hidden"]),
        (_unless_equal_inputs("the inputs x_1 and x_2 swapped"), "its own input x_k",
         lambda w: [list(reversed(row)) for row in w["it_q"]["dw_hidden"]]),
        (lambda w: f"the {SHORT[w['hidden']]} derivative {FP_FORMULA[w['hidden']]}", "another activation's derivative",
         lambda w: _hidden_rule(w, w["it_q"]["e"], w["w4"],
                                [oracle.F_PRIME_FROM_Y[w["hidden"]](y) for y in w["it_q"]["y_hidden"]])),
        (lambda w: f"the {SHORT[w['hidden']]} derivative at v_i", "'s derivative at the field",
         lambda w: _hidden_rule(w, w["it_q"]["e"], w["w4"], _at_v(w["hidden"], w["it_q"]["v_hidden"]))),
        # the swapped network's own derivative with its minus written as a plus (1 + y² for tanh)
        (PLUS, "has a plus where its minus belongs", lambda w: _hidden_rule(
            w, w["it_q"]["e"], w["w4"], [PLUS_FROM_Y[w["other"]](y) for y in w["it_q"]["y_hidden"]])),
        (_if_tansig("other"), "has lost its square",  # the swapped network's tanh without its square
         lambda w: _hidden_rule(w, w["it_q"]["e"], w["w4"], [1 - y for y in w["it_q"]["y_hidden"]])),
        # the derivative swapped and the forward pass not: the example's own y_hi and e (a student's)
        (lambda w: f"the {SHORT[w['other']]} derivative on the {SHORT[w['hidden']]} forward pass",
         "You changed the derivative but not the forward pass", lambda w: _hidden_rule(
             w, w["it"]["e"], w["w4"], [oracle.F_PRIME_FROM_Y[w["other"]](y) for y in w["it"]["y_hidden"]])),
        (lambda w: f"the {SHORT[w['hidden']]} network's updates", "forward pass changes too",
         lambda w: w["it"]["dw_hidden"]),
        ("dropping f'(v_i)", "You dropped f'(v_i)", lambda w: _hidden_rule(w, w["it_q"]["e"], w["w4"], [1.0] * 3)),
        (lambda w: f"the error of the {SHORT[w['hidden']]} network", "own forward pass",
         lambda w: _hidden_rule(w, w["it"]["e"], w["w4"], w["it_q"]["fp_hidden"])),
        # exercise 6's slips of the hidden rule, which exercise 9 did not name (a student's review)
        ("the updated weights w_4i(n+1)", "updated output weights", lambda w: _hidden_rule(
            w, w["it_q"]["e"], [a + b for a, b in zip(w["w4"], w["it_q"]["dw_output"][0])], w["it_q"]["fp_hidden"])),
        ("f'(v_i) computed from v_i", "not v_i", lambda w: _hidden_rule(
            w, w["it_q"]["e"], w["w4"], [oracle.F_PRIME_FROM_Y[w["other"]](v) for v in w["it_q"]["v_hidden"]])),
        (AT_OUTPUT, "applies f twice", lambda w: _hidden_rule(
            w, w["it_q"]["e"], w["w4"], [SLOPE_OF_FIELD[w["other"]](y) for y in w["it_q"]["y_hidden"]])),
        ("y_hi in place of f'(v_i)", "where its derivative f'(v_i) belongs",
         lambda w: _hidden_rule(w, w["it_q"]["e"], w["w4"], w["it_q"]["y_hidden"])),
        ("leaving out w_4i", "through w_4i", lambda w: _hidden_rule(w, w["it_q"]["e"], [1.0] * 3,
                                                                    w["it_q"]["fp_hidden"])),
        (NO_X, "you left out the input x_k", _catalogue("rule3-no-x", "q", _hidden_weights)),
        (COST, "not the cost", _catalogue("cost-for-error", "q", _hidden_weights)),
        ("the new value w_ik(n+1) in place of the update", "the task asks for the update",
         lambda w: w["it_q"]["w_hidden_new"]),
        ("the flipped sign", "Your sign is flipped", lambda w: [[-v for v in row] for row in w["it_q"]["dw_hidden"]]),
        (UPDATES_FLIPPED, "your e = d − y is right",
         lambda w: _hidden_rule(w, -w["it_q"]["e"], w["w4"], w["it_q"]["fp_hidden"])),
        ("forgetting η", "learning rate η", lambda w: [[v / w["eta"] for v in row] for row in w["it_q"]["dw_hidden"]]),
        (DOUBLED, "twice the right ones", lambda w: [[2 * v for v in row] for row in w["it_q"]["dw_hidden"]]),
    ],
    "two-outputs": [
        (lambda w: f"leaving out output {w['out'] + 1}", lambda w: f"Only output {w['out']} is in your sum",
         lambda w: _two_outputs(w, lambda i: _e_two(w)[0] * _w_two(w, 0, i))),
        (lambda w: f"leaving out output {w['out']}", lambda w: f"Only output {w['out'] + 1} is in your sum",
         lambda w: _two_outputs(w, lambda i: _e_two(w)[1] * _w_two(w, 1, i))),
        # the other sigmoid's two-output network, and the worked example's Δw_ik of rule 3's page (a reviewer's)
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with",
         lambda w: oracle.iteration({**w["two"], "hidden": w["other"]})["dw_hidden"]),
        (WORKED, "the worked example's", lambda w: w["worked"]["dw_hidden"]),
        # each error sent back through the first output's weights, and the two inputs swapped (a reviewer's)
        (lambda w: f"w_{w['out']}i for both outputs", "through its own weight",
         lambda w: _two_outputs(w, lambda i: sum(_e_two(w)) * _w_two(w, 0, i))),
        (_unless_equal_inputs("the inputs x_1 and x_2 swapped"), "its own input x_k",
         lambda w: [list(reversed(row)) for row in w["it_two"]["dw_hidden"]]),
        ("averaging over the outputs", "don't average",  # the mean over j of ½e_j² in place of their sum
         lambda w: _two_outputs(w, lambda i: (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i)) / 2)),
        ("(Σ_j e_j)(Σ_j w_ji)", "sum of products",
         lambda w: _two_outputs(w, lambda i: sum(_e_two(w)) * (_w_two(w, 0, i) + _w_two(w, 1, i)))),
        (lambda w: f"swapping d_{w['out']} and d_{w['out'] + 1}", "You swapped the targets",  # e_4 = d_5 - y_4, ...
         lambda w: _two_outputs(w, lambda i: (_e_two(w)[0] - 2 * w["d"]) * _w_two(w, 0, i)
                                + (_e_two(w)[1] + 2 * w["d"]) * _w_two(w, 1, i))),
        ("forgetting η", "learning rate η",
         lambda w: _two_outputs(w, lambda i: (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i))
                                / w["eta"])),
        (DOUBLED, "twice the right ones",
         lambda w: _two_outputs(w, lambda i: 2 * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i)))),
        # the hidden rule's slips of exercise 6, which exercise 10 did not name (a student's review), for two outputs
        ("the flipped sign", "Your sign is flipped", lambda w: [[-v for v in row] for row in w["it_two"]["dw_hidden"]]),
        (UPDATES_FLIPPED, "your e_j = d_j − y_j is right",
         lambda w: [[-v for v in row] for row in w["it_two"]["dw_hidden"]]),
        ("dropping f'(v_i)", "You dropped f'(v_i)", lambda w: outer(
            [w["eta"] * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i)) for i in range(3)], w["x"])),
        ("the updated weights w_ji(n+1)", "updated output weights", lambda w: _two_outputs(w, lambda i: sum(
            _e_two(w)[j] * (_w_two(w, j, i) + w["it_two"]["dw_output"][j][i]) for j in range(2)))),
        ("f'(v_i) computed from v_i", "not v_i", lambda w: outer(
            [w["eta"] * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i))
             * oracle.F_PRIME_FROM_Y[w["hidden"]](w["it_two"]["v_hidden"][i]) for i in range(3)], w["x"])),
        (AT_OUTPUT, "applies f twice", lambda w: outer(
            [w["eta"] * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i))
             * SLOPE_OF_FIELD[w["hidden"]](w["it_two"]["y_hidden"][i]) for i in range(3)], w["x"])),
        ("y_hi in place of f'(v_i)", "where its derivative f'(v_i) belongs", lambda w: outer(
            [w["eta"] * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i))
             * w["it_two"]["y_hidden"][i] for i in range(3)], w["x"])),
        ("leaving out w_ji", "through its own weight w_ji",
         lambda w: _two_outputs(w, lambda i: _e_two(w)[0] + _e_two(w)[1])),
        ("another activation's derivative", "another activation's derivative", lambda w: outer(
            [w["eta"] * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i))
             * oracle.F_PRIME_FROM_Y[w["other"]](w["it_two"]["y_hidden"][i]) for i in range(3)], w["x"])),
        ("another activation's derivative at v_i", "'s derivative at the field", lambda w: outer(
            [w["eta"] * (_e_two(w)[0] * _w_two(w, 0, i) + _e_two(w)[1] * _w_two(w, 1, i))
             * _at_v(w["other"], w["it_two"]["v_hidden"])[i] for i in range(3)], w["x"])),
        (NO_X, "you left out the input x_k", _catalogue("rule3-no-x", "two", _hidden_weights)),
        (COST, "not the cost", _catalogue("cost-for-error", "two", _hidden_weights)),
        ("the new value w_ik(n+1) in place of the update", "the task asks for the update",
         lambda w: w["it_two"]["w_hidden_new"]),
    ],
    "gradient-check": [
        (lambda w: f"the update Δ{w['gc'][0]}", "That is the update", lambda w: _dw_gc(w, w["it"])),
        ("the flipped sign", "The sign", lambda w: -_central_gc(w)),
        ("the update over η, its minus left out", "rule 3's gradient is −Δ", lambda w: _dw_gc(w, w["it"]) / w["eta"]),
        ("dividing by h", "divides by 2h", lambda w: 2 * _central_gc(w)),
        ("the cost without its ½", "without the ½", lambda w: central(  # E = e², not ½ e²: a student's review
            lambda q: 2 * oracle.cost(q, oracle.forward(q)["y_output"]), w["p"], "w_hidden", w["gc"][1],
            ex.GRADCHECK_H)),
        ("a factor η", "no η", lambda w: w["eta"] * _central_gc(w)),
        # each cost as the pages print it, six decimals (a reviewer's -0.050000), or with other too few digits
        *[(lambda w, k=k: _beyond(w, _rounded_central(w, k), f"each cost rounded to {k} decimals"),
           "keep at least 11 decimals", lambda w, k=k: _rounded_central(w, k)) for k in range(6, 11)],
        (lambda w: _beyond(w, _y_rounded_central(w), "each y rounded to six decimals"), "keep every digit of y",
         _y_rounded_central),
        # the other sigmoid's network, and the worked example's central difference (the verification page prints it)
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with", lambda w: central(
            lambda q: oracle.cost(q, oracle.forward(q)["y_output"]), w["q"], "w_hidden", w["gc"][1], ex.GRADCHECK_H)),
        (WORKED, "the worked example's", lambda w: central(
            lambda q: oracle.cost(q, oracle.forward(q)["y_output"]), w["worked_ex"], "w_hidden", w["gc"][1],
            ex.GRADCHECK_H)),
    ],
    "spot-the-bug": [
        ("the buggy code's value", "buggy code", lambda w: round(_spot(w)[2], 6)),  # as the page prints it
        (lambda w: f"the update Δ{_spot(w)[0]} given as the new value", "θ(n+1) = θ(n) + Δθ(n)",
         lambda w: _spot(w)[3]),
        (lambda w: f"no update ({_spot(w)[0]}(n) given as {_spot(w)[0]}(n+1))", "before the step",
         lambda w: _spot(w)[1] - _spot(w)[3]),  # the value of time n: the right new value less its update
        # the slips of the hidden rules and of the new value, as exercise 8's box names them (a reviewer's)
        ("the flipped sign", "Your sign is flipped", _catalogue("sign-flipped", "p", _spot_step)),
        (UPDATES_FLIPPED, "your e = d − y is right", _catalogue("updates-sign-flipped", "p", _spot_step)),
        ("forgetting η", "learning rate η", _catalogue("no-eta", "p", _spot_step)),
        ("dropping f'(v_i)", "You dropped f'(v_i)", _catalogue("no-hidden-derivative", "p", _spot_step)),
        ("f'(v_i) computed from v_i", "not v_i", _catalogue("derivative-of-v", "p", _spot_step)),
        (AT_OUTPUT, "applies f twice", _catalogue("derivative-at-output", "p", _spot_step)),
        ("another activation's derivative", "another activation's derivative",
         _catalogue("wrong-derivative", "p", _spot_step)),
        ("another activation's derivative at v_i", "'s derivative at the field",
         _catalogue("other-derivative-of-v", "p", _spot_step)),
        (PLUS, "has a plus where its minus belongs", _catalogue("derivative-plus-sign", "p", _spot_step)),
        (_if_tansig("hidden"), "has lost its square", _catalogue("derivative-unsquared", "p", _spot_step)),
        ("y_hi in place of f'(v_i)", "where its derivative f'(v_i) belongs",
         _catalogue("output-for-derivative", "p", _spot_step)),
        ("leaving out w_4i", "through w_4i", _catalogue("no-output-weight", "p", _spot_step)),
        (DOUBLED, "twice the right ones", _catalogue("derivative-without-half", "p", _spot_step)),
        (COST, "not the cost", _catalogue("cost-for-error", "p", _spot_step)),
        ("the update subtracted from θ(n)", "The new value adds the update",
         _catalogue("subtracted-update", "p", _spot_step)),
        (_if_bias("multiplying by the input x_1 (which gives Δw_i1)"), "A bias has input 1",
         _catalogue("bias-input-x1", "p", _spot_step)),
        (_if_bias("multiplying by the input x_2 (which gives Δw_i2)"), "A bias has input 1",
         _catalogue("bias-input-x2", "p", _spot_step)),
        (_if_bias(NO_X, bias=False), "you left out the input x_k", _catalogue("rule3-no-x", "p", _spot_step)),
        (WORKED, "the worked example's", _spot_worked),
        ("the other sigmoid in the hidden layer", "You computed the hidden layer with",
         _catalogue("other-hidden-activation", "p", _spot_step)),
    ],
    "training": [
        ("counting epochs from 0", "Epochs count from 1",
         lambda w: _training(w, exercise_training()["costs"][-1], -1)),
        ("the first epoch's cost as the final one", "costs[0] is the first epoch",
         lambda w: _training(w, exercise_training()["costs"][0])),
        ("the summed cost", "not the sum", lambda w: _training(w, exercise_training()["sums"][-1])),
        ("the trained network's cost after training", "trained network's mean cost",
         lambda w: _training(w, exercise_training()["trained"])),
        ("the two numbers swapped", "[final mean cost, first epoch below the threshold]",
         lambda w: _training(w, round(exercise_training()["costs"][-1], 6))[::-1]),  # the cost as the task asks it
    ],
}


def _label(value, w: dict) -> str:
    return value(w) if callable(value) else value


def mistakes_and_slips(path: Path):
    """(exercise, mistake, its SLIPS entry or None) for every mistake of every numeric exercise of the example."""
    w, cat = world(path), catalogue(path)
    for name in cat:
        if isinstance(cat[name], ex.NumericExercise):
            for m in cat[name].mistakes:
                entries = [s for s in SLIPS.get(name, []) if _label(s[0], w) == m.slip]
                yield name, m, entries[0] if len(entries) == 1 else None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_each_mistakes_value_is_the_slip_its_label_names(path):
    w = world(path)
    seen = set()
    for name, m, slip in mistakes_and_slips(path):
        assert slip is not None, f"{name}: no plain-math slip for {m.slip!r} (or more than one)"
        label, phrase, value = slip
        assert _label(phrase, w) in m.hint, (name, m.slip, m.hint)
        np.testing.assert_allclose(m.value, value(w), rtol=1e-7, atol=1e-10, err_msg=f"{name}: {m.slip}")
        seen.add((name, _label(label, w)))
    listed = {(name, _label(s[0], w)) for name, slips in SLIPS.items() for s in slips}
    assert seen == listed - {(name, None) for name in SLIPS}, "every slip is listed"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_unsquared_denominator_is_also_one_minus_the_sigmoid(path):
    """A student's review: 1 − f(v_1), the factor f(v_1) left out of f(v_1)(1 − f(v_1)), was told only "The denominator
    is squared": e^(−v) / (1 + e^(−v)) is 1 − f(v) exactly. The hint names both (plain math)."""
    w = world(path)
    [m] = [m for m in catalogue(path)["sigmoid-derivative"].mistakes if m.slip == "an unsquared denominator"]
    assert math.isclose(float(m.value), 1 - sig(_v1(w)), rel_tol=1e-12)
    f = "f" if w["hidden"] == "logsig" else "logsig"
    assert f"Your number is also 1 − {f}(v_1): if that is what you computed, multiply it by {f}(v_1)." in m.hint


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_gradient_check_asks_for_a_weight_whose_input_and_gradient_are_not_zero(path):
    """Exercise 11 asked for ∂E/∂w_11 on every example: with x_1 = 0 (zero-input-large-eta) that is 0, and so is each
    slip's value (−η·0, −0, 2·0, η·0), which the box could tell from none. It asks for the first w_ik whose input x_k
    and gradient are not 0 (worked out here with the oracle), each slip lies outside the box's tolerance of the right
    value, and its box and hints name that weight and no other."""
    w, exercise = world(path), catalogue(path)["gradient-check"]
    name, (i, k) = w["gc"]
    g = _gradient_gc(w)
    assert w["x"][k] != 0 and abs(g) > GC_ATOL, (path.stem, name, g)
    assert [b.label for b in exercise.boxes] == [f"∂E/∂{name}"]
    assert (exercise.rtol, exercise.atol) == (GC_RTOL, GC_ATOL)
    right = float(exercise.right)
    assert math.isclose(right, g, rel_tol=1e-6, abs_tol=1e-9), (path.stem, right, g)
    for m in exercise.mistakes:
        assert abs(float(m.value) - right) > GC_ATOL + GC_RTOL * abs(right), (path.stem, m.slip)
        assert abs(float(m.value) - g) > GC_ATOL + GC_RTOL * abs(g), (path.stem, m.slip)
    assert exercise.undetectable == () and exercise.note() == ""
    texts = [m.hint for m in exercise.mistakes] + [m.slip for m in exercise.mistakes] + [exercise.otherwise]
    others = {f"w_{a + 1}{b + 1}" for a in range(len(w["p"]["w_hidden"])) for b in range(len(w["x"]))} - {name}
    assert [t for t in texts if any(re.search(rf"{o}\b", t) for o in others)] == [], path.stem
    assert sum(name in t for t in texts) >= 3, "the update's hint and slip and the sign's and 2h's hints name it"
    assert ex.gradient_check_weight(catalogue(path).example) == (name, (i, k))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_gradient_checks_box_is_stricter_where_the_central_difference_is_far_closer(path):
    """A student's review: the index said exercise 11's page says why its box is stricter, and the page did not. It
    says the central difference lies within gradient_check_gap() of rule 3's gradient where that is below 1 % of the
    box's relative tolerance; the oracle's central difference and gradient agree that it is."""
    w, exercise = world(path), catalogue(path)["gradient-check"]
    oracle_gap = abs(_central_gc(w) - _gradient_gc(w)) / abs(_gradient_gc(w))
    gap = ex.gradient_check_gap(catalogue(path).example)
    assert oracle_gap < exercise.rtol / 100 and gap < exercise.rtol / 100, (path.stem, oracle_gap, gap)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_one_iteration_asks_for_a_weight_whose_input_and_update_are_not_zero(path):
    """Exercise 8 asked for w_11(n+1) on every example: with x_1 = 0 (zero-input-large-eta) Δw_11 = 0, so the answer
    was w_11(n), printed on the forward-pass page, and the flipped sign gave it too. It asks for the first w_ik whose
    input x_k and update are not 0 and whose box tells each slip about it from the right value (worked out here with
    the oracle); its box, hints and slips name that weight and no other hidden weight."""
    w, exercise = world(path), catalogue(path)["one-iteration"]
    name, (i, k) = w["oi"]
    dw = w["eta"] * w["it"]["delta_hidden"][i] * w["x"][k]
    assert w["x"][k] != 0 and dw != 0, (path.stem, name, dw)
    assert [b.label for b in exercise.boxes] == ["w_41(n+1)", f"{name}(n+1)", "y(n+1)"]
    assert (exercise.rtol, exercise.atol) == (OI_RTOL, OI_ATOL)
    right = float(exercise.right[1])
    assert math.isclose(right, w["p"]["w_hidden"][i][k] + dw, rel_tol=1e-9, abs_tol=1e-12), (path.stem, right)
    tolerance = OI_ATOL + OI_RTOL * abs(dw)  # a new weight's box: measured against its update
    assert abs(right - w["p"]["w_hidden"][i][k]) > tolerance, "w_ik(n+1) is not w_ik(n)"
    about = [m for m in exercise.mistakes if m.about(1)]
    # and the worked example's numbers, where its w_ik(n+1) is not within the box's tolerance of the right one
    shown = {slip for name, slip in ITERATION_CATALOGUE.items()  # tanh's square is left out of a tansig layer's only
             if name != "derivative-unsquared" or w["hidden"] == "tansig"}
    assert {m.slip for m in about} - {WORKED} == {*ITERATION_SLIPS, *shown}
    for m in about:
        assert abs(float(m.value[1]) - right) > tolerance, (path.stem, m.slip)
    assert exercise.undetectable == () and exercise.box_note(1) == ""
    texts = ([b.label for b in exercise.boxes] + [m.hint for m in exercise.mistakes]
             + [m.slip for m in exercise.mistakes] + [h for m in exercise.mistakes for _, h in m.box_hints]
             + [exercise.otherwise] + [exercise.box_note(n) for n in range(3)])
    others = {f"w_{a + 1}{b + 1}" for a in range(len(w["p"]["w_hidden"])) for b in range(len(w["x"]))} - {name}
    assert [t for t in texts if any(re.search(rf"{o}\b", t) for o in others)] == [], path.stem
    assert ex.one_iteration_weight(catalogue(path).example) == (name, (i, k))


# Exercises 6, 9 and 10's right Δw_ik in plain math: the example's network, the other hidden activation, two outputs.
UPDATES = {"hidden-weights": "it", "tansig-hidden": "it_q", "two-outputs": "it_two"}


@pytest.mark.parametrize("name", list(UPDATES))
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_update_boxes_ask_for_weights_whose_input_and_update_are_not_zero(path, name):
    """Exercises 6, 9 and 10 asked for fixed Δw_ik whatever the example (Δw_11, Δw_12, Δw_32; Δw_11, Δw_22; Δw_11,
    Δw_31): with x_1 = 0 (zero-input-large-eta) each Δw_i1 is 0, and so is every slip's, which the box then called
    right. Each box asks for a Δw_ik whose input x_k and update are not 0 and that lies outside the box's tolerance of
    each slip (the plain-math SLIPS above, and the package's mistakes); the boxes are the oracle's choice, which keeps
    the exercise's own boxes where they tell every slip apart (the default example's), and cover two neurons."""
    w, exercise = world(path), catalogue(path)[name]
    chosen = box_weights(name, w["p"], w["it"])
    assert [(b.label, b.index) for b in exercise.boxes] == [(f"Δ{label}", (i, k)) for label, i, k in chosen]
    assert ex.box_weights(name, catalogue(path).example) == [(label, (i, k)) for label, i, k in chosen]
    assert len(chosen) == len(WANTED[name]) and len({i for _, i, _ in chosen}) >= 2, "two hidden neurons at least"
    if oracle.practice_of(oracle.load_example(path)) == oracle.SHIPPED["practice"]:  # the shipped practice example
        assert [(i, k) for _, i, k in chosen] == WANTED[name], "the default example keeps the exercise's own boxes"
    right = w[UPDATES[name]]["dw_hidden"]
    np.testing.assert_allclose(exercise.right, right, rtol=1e-9, atol=1e-12)
    slips = [value(w) for label, _, value in SLIPS[name] if _label(label, w) is not None]  # those this example shows
    assert len(slips) == len(exercise.mistakes)
    for label, i, k in chosen:
        r = right[i][k]
        assert w["x"][k] != 0 and r != 0, (path.stem, name, label)
        for value in [s[i][k] for s in slips] + [float(m.value[i, k]) for m in exercise.mistakes]:
            assert abs(value - r) > BOX_ATOL + BOX_RTOL * abs(r), (path.stem, name, label, value, r)
    assert (exercise.rtol, exercise.atol) == (BOX_RTOL, BOX_ATOL)
    assert exercise.undetectable == () and [exercise.box_note(n) for n in range(len(chosen))] == [""] * len(chosen)


def test_a_mistake_with_another_value_than_its_slip_is_reported():
    """Each slip's plain-math value tells it from the right answer and from the other slips of its exercise, but the
    pairs that give one number by nature (`SAME_NUMBER`: the boxes name both)."""
    path = oracle.DEFAULT_FILE
    w, cat = world(path), catalogue(path)
    for name, slips in SLIPS.items():
        right = np.array(cat[name].right, dtype=float)
        slips = [s for s in slips if _label(s[0], w) is not None]  # not a slip of the parameter asked for here
        values = [np.array(s[2](w), dtype=float) for s in slips]
        labels = [_label(s[0], w) for s in slips]
        for n, value in enumerate(values):
            assert not np.allclose(value, right, rtol=1e-7, atol=1e-10), (name, labels[n])
            for m in range(n + 1, len(values)):
                same = np.allclose(value, values[m], rtol=1e-7, atol=1e-10)
                assert same == ({labels[n], labels[m]} in SAME_NUMBER or _same_here(name, {labels[n], labels[m]}, w)), \
                    (name, labels[n], labels[m])


def _same_here(name: str, pair: set, w: dict) -> bool:
    """A pair of slips that gives one number where exercise 12's bias b_i(n+1) has w_4i = 0.5 (the shipped practice
    example's b_1): leaving w_4i out doubles the update, as the cost without its ½ does."""
    if name != "spot-the-bug" or pair != {"leaving out w_4i", DOUBLED} or not _spot(w)[0].startswith("b_"):
        return False
    return w["w4"][int(_spot(w)[0][2]) - 1] == 0.5  # 1/w_41 = 2: without w_41 the update doubles (not at -0.5)


# --- the exercises whose answer is a function: each wrong function is the slip its hint names ----------------------
#
# A chain x_k -> v_i = w_ik x_k + b_i -> y_hi -> v_j = w_ji y_hi + b_j -> y -> E = ½(d − y)², in sympy, with the
# activations of each slip: its derivative at random points, against the wrong function fed e = d − y, y, y_hi.

SX, SW_IK, SB_I, SW_JI, SB_J, SD = sp.symbols("x w_ik b_i w_ji b_j d", real=True)


def _logsig(t):
    return 1 / (1 + sp.exp(-t))


@functools.cache
def chain(hidden: str, output: str, wrt: str) -> Callable:
    """∂E/∂(w_ik or b_i) of the chain with these activations, and its e, y and y_hi, as one numeric function."""
    f = {"logsig": _logsig, "tansig": sp.tanh, "purelin": lambda t: t}
    v_i = SW_IK * SX + SB_I
    y_hi = f[hidden](v_i)
    y = f[output](SW_JI * y_hi + SB_J)
    cost = (SD - y) ** 2 / 2
    slope = sp.diff(cost, {"w_ik": SW_IK, "b_i": SB_I}[wrt])
    return sp.lambdify((SX, SW_IK, SB_I, SW_JI, SB_J, SD), [slope, SD - y, y, y_hi], "math")


def _at_points(fn, hidden: str, output: str, wrt: str, sign: float = 1.0) -> bool:
    """fn(e, y, y_hi, w_ji, x_k) == sign · the chain's ∂E/∂wrt at eight random points."""
    rng = np.random.default_rng(7)
    for _ in range(8):
        x, w_ik, b_i, w_ji, b_j, d = (float(v) for v in rng.uniform(-1.5, 1.5, 6))
        slope, e, y, y_hi = chain(hidden, output, wrt)(x, w_ik, b_i, w_ji, b_j, d)
        if not math.isclose(fn(e=e, y=y, y_hi=y_hi, w_ji=w_ji, x_k=x), sign * slope, rel_tol=1e-9, abs_tol=1e-12):
            return False
    return True


# derive-logsig-output: (a phrase of the hint, the slip as a chain: hidden, output, derivative with respect to, sign)
FUNCTION_SLIPS = [
    ("the linear-output formula", ("logsig", "purelin", "w_ik", 1.0)),
    ("∂E/∂y = −e", ("logsig", "logsig", "w_ik", -1.0)),  # the sign lost: +e where ∂E/∂y = −e
    ("You dropped the hidden neuron's own derivative", ("purelin", "logsig", "w_ik", 1.0)),  # f'(v_i) taken as 1
    ("∂v_i/∂w_ik = x_k", ("logsig", "logsig", "b_i", 1.0)),  # no x_k: the bias's derivative
    ("∂E/∂e = e, not 2e", ("logsig", "logsig", "w_ik", 2.0)),  # E without its ½: twice the slope
    ("The output neuron is logsig", ("logsig", "tansig", "w_ik", 1.0)),  # tanh's slope at the output
    ("The hidden neurons are logsig", ("tansig", "logsig", "w_ik", 1.0)),  # tanh's slope at the hidden neuron
]


def test_the_derivation_exercises_reference_is_the_chain_rule():
    exercise = ex.get("derive-logsig-output")
    assert _at_points(exercise.reference, "logsig", "logsig", "w_ik")
    assert not _at_points(exercise.reference, "logsig", "purelin", "w_ik"), "the check can fail"


def test_each_wrong_function_of_the_derivation_is_the_slip_its_hint_names():
    exercise = ex.get("derive-logsig-output")
    assert len(exercise.mistakes) == len(FUNCTION_SLIPS)
    for m in exercise.mistakes:
        [chain_of] = [c for phrase, c in FUNCTION_SLIPS if phrase in m.hint]
        assert _at_points(m.function, *chain_of), m.hint
        assert not _at_points(m.function, "logsig", "logsig", "w_ik"), f"{m.hint}: the slip is not the right formula"


def _plain_step(net: Network, x, d: float, eta: float, back: str = "n", f_prime: bool = True,
                hidden_size: float | None = None) -> list[float]:
    """One online iteration in plain math, flattened; ``back="n+1"``: the hidden rules see w_4i(n+1); ``f_prime``
    False: f'(v_i) dropped; ``hidden_size``: the hidden rules' step in place of η (-η flips their sign, 1 drops η)."""
    w, b, w4, b4 = net.w_hidden.tolist(), net.b_hidden.tolist(), net.w_output[0].tolist(), float(net.b_output[0])
    f, fp = reference_net.F[net.hidden]
    yh = [f(w[i][0] * x[0] + w[i][1] * x[1] + b[i]) for i in range(3)]
    e = d - (sum(w4[i] * yh[i] for i in range(3)) + b4)
    w4_new = [w4[i] + eta * e * yh[i] for i in range(3)]
    through = w4_new if back == "n+1" else w4
    delta = [e * through[i] * (fp(yh[i]) if f_prime else 1.0) for i in range(3)]
    size = eta if hidden_size is None else hidden_size
    return ([w[i][k] + size * delta[i] * x[k] for i in range(3) for k in range(2)]
            + [b[i] + size * delta[i] for i in range(3)] + w4_new + [b4 + eta * e])


def _flat_network(net: Network) -> list[float]:
    return [*net.w_hidden.ravel().tolist(), *net.b_hidden.tolist(), *net.w_output.ravel().tolist(),
            *net.b_output.tolist()]


def test_each_wrong_step_of_the_fix_exercise_is_the_slip_its_hint_names():
    exercise = ex.get("spot-the-bug-fix")
    slips = {homework.hint("updated-output-weights"): {"back": "n+1"}, "You dropped f'(v_i)": {"f_prime": False},
             "The sign in the hidden rules": {"hidden_size": -0.5},  # at η = 0.5, below
             "You left η out of the hidden rules": {"hidden_size": 1.0},
             homework.hint("sign-flipped"): {"eta": -0.5},  # e = y - d in every rule: η's sign flipped
             homework.hint("no-eta"): {"eta": 1.0}, "returns the network of time n": {"unchanged": True}}
    named = {m.hint: next(key for key in slips if key in m.hint) for m in exercise.mistakes}
    assert sorted(named.values()) == sorted(slips), "one mistake per slip"
    rng = np.random.default_rng(11)
    for m in exercise.mistakes:
        for hidden in ("logsig", "tansig"):
            net = Network.random(2, 3, 1, seed=int(rng.integers(2**31)), hidden=hidden)
            x, d = rng.uniform(-1, 1, 2).tolist(), float(rng.uniform(-1, 1))
            got = _flat_network(m.function(net, np.array(x), d, 0.5))
            slip = dict(slips[named[m.hint]])
            want = (_flat_network(net) if slip.pop("unchanged", False)
                    else _plain_step(net, x, d, slip.pop("eta", 0.5), **slip))
            assert _same(got, want), m.hint
            assert not _same(got, _plain_step(net, x, d, 0.5)), "the slip changes the step"
