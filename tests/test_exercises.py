"""backprop.exercises: every checker against answers worked out here by hand, with plain math.

The right values below are computed from the worked example's definition with ``math`` only, never
with the package's rules, and each classic mistake is re-derived by hand too: a checker that had the
wrong right answer, or a hint on the wrong mistake, fails here.
"""

from __future__ import annotations

import html
import json
import math
import re
from html.parser import HTMLParser

import numpy as np
import pytest

import backprop
from backprop import Network, examples, step
from backprop import exercises as ex

# The worked example, typed from its definition (the first test checks backprop.examples matches).
W = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
B = [0.1, 0.2, 0.3]
W4 = [0.7, 0.8, 0.9]
B4 = 0.4
X1, X2 = 1.0, 0.5
D = 1.0
ETA = 0.5


def sig(v: float) -> float:
    return 1 / (1 + math.exp(-v))


V = [W[i][0] * X1 + W[i][1] * X2 + B[i] for i in range(3)]  # 0.3, 0.7, 1.1
YH = [sig(v) for v in V]
Y = sum(W4[i] * YH[i] for i in range(3)) + B4
E = D - Y
FP = [yh * (1 - yh) for yh in YH]  # f'(v_i)
XS = [X1, X2]

HAND = {
    "forward-pass": [YH[1], Y],
    "sigmoid-derivative": FP[0],
    "tanh-derivative": 1 / math.cosh(V[1]) ** 2,
    "output-weights": [ETA * E * YH[i] for i in range(3)],
    "output-bias": ETA * E,
    "hidden-weights": [[ETA * E * W4[i] * FP[i] * XS[k] for k in range(2)] for i in range(3)],
    "hidden-biases": [ETA * E * W4[i] * FP[i] for i in range(3)],
}


def hand_one_iteration() -> list[float]:
    w4n = [W4[i] + ETA * E * YH[i] for i in range(3)]
    b4n = B4 + ETA * E
    delta = [E * W4[i] * FP[i] for i in range(3)]  # w_4i(n)
    wn = [[W[i][k] + ETA * delta[i] * XS[k] for k in range(2)] for i in range(3)]
    bn = [B[i] + ETA * delta[i] for i in range(3)]
    yh = [sig(wn[i][0] * X1 + wn[i][1] * X2 + bn[i]) for i in range(3)]
    return [w4n[0], wn[0][0], sum(w4n[i] * yh[i] for i in range(3)) + b4n]


def hand_tanh() -> list[list[float]]:
    yh = [math.tanh(v) for v in V]
    e = D - (sum(W4[i] * yh[i] for i in range(3)) + B4)
    return [[ETA * e * W4[i] * (1 - yh[i] ** 2) * XS[k] for k in range(2)] for i in range(3)]


def hand_two_outputs() -> list[list[float]]:
    w5, b5, d5 = [0.9, 0.8, 0.7], -0.4, -1.0
    e4 = D - (sum(W4[i] * YH[i] for i in range(3)) + B4)
    e5 = d5 - (sum(w5[i] * YH[i] for i in range(3)) + b5)
    return [[ETA * (e4 * W4[i] + e5 * w5[i]) * FP[i] * XS[k] for k in range(2)] for i in range(3)]


HAND["one-iteration"] = hand_one_iteration()
HAND["tansig-hidden"] = hand_tanh()
HAND["two-outputs"] = hand_two_outputs()
HAND["gradient-check"] = -E * W4[0] * FP[0] * X1  # the exact derivative; the central difference is within 1e-9
HAND["spot-the-bug"] = W[0][0] + ETA * E * W4[0] * FP[0] * X1

NUMERIC = [name for name in ex.EXERCISES if isinstance(ex.get(name), ex.NumericExercise)]


def test_worked_example_is_the_one_typed_here():
    assert examples.NET.w_hidden.tolist() == W and examples.NET.b_hidden.tolist() == B
    assert examples.NET.w_output.tolist() == [W4] and examples.NET.b_output.tolist() == [B4]
    assert examples.X.tolist() == [X1, X2] and (examples.D, examples.ETA) == (D, ETA)


def test_at_least_twelve_exercises_cover_the_issue():
    wanted = {"forward-pass", "sigmoid-derivative", "tanh-derivative", "output-weights", "output-bias",
              "hidden-weights", "hidden-biases", "one-iteration", "tansig-hidden", "two-outputs",
              "gradient-check", "spot-the-bug", "spot-the-bug-fix", "training", "derive-logsig-output"}
    assert wanted <= set(ex.EXERCISES) and len(ex.EXERCISES) >= 12


@pytest.mark.parametrize("name", sorted(HAND))
def test_right_answer_worked_by_hand_is_accepted(name):
    feedback = ex.check(name, HAND[name])
    assert feedback.ok is True, feedback.message
    assert feedback.message.startswith("Right")


@pytest.mark.parametrize("name", sorted(HAND))
def test_answer_rounded_to_six_decimals_is_accepted(name):
    rounded = np.round(np.array(HAND[name], dtype=float), 6)
    assert ex.check(name, rounded.tolist()).ok is True


@pytest.mark.parametrize("name", NUMERIC)
def test_every_listed_mistake_is_rejected_with_its_own_hint(name):
    exercise = ex.get(name)
    assert exercise.mistakes, f"{name} lists no classic mistake"
    for mistake in exercise.mistakes:
        feedback = ex.check(name, mistake.value.tolist())
        assert feedback.ok is False
        assert feedback.message == f"Not yet. {mistake.hint}"


# Classic mistakes re-derived by hand: (exercise, wrong answer, a phrase its hint must contain).
W4_NEXT = [W4[i] + ETA * E * YH[i] for i in range(3)]
HAND_MISTAKES = [
    ("hidden-weights", [[ETA * E * W4_NEXT[i] * FP[i] * XS[k] for k in range(2)] for i in range(3)], "w_4i(n+1)"),
    ("hidden-weights", [[ETA * E * W4[i] * XS[k] for k in range(2)] for i in range(3)], "dropped f'(v_i)"),
    ("hidden-biases", [ETA * E * W4_NEXT[i] * FP[i] for i in range(3)], "w_4i(n+1)"),
    ("hidden-biases", [ETA * E * W4[i] for i in range(3)], "dropped f'(v_i)"),
    ("output-bias", -ETA * E, "sign"),
    ("output-bias", E, "learning rate"),
    ("output-weights", [ETA * E * V[i] for i in range(3)], "not v_i"),
    ("sigmoid-derivative", -FP[0], "sign"),
    ("sigmoid-derivative", 1 - YH[0] ** 2, "tanh"),
    ("tanh-derivative", 1 - math.tanh(V[1]), "Square"),
    ("forward-pass", [YH[1], Y - B4], "output bias"),
    ("forward-pass", [YH[1], sig(Y)], "linear"),
    ("one-iteration", [ETA * E * YH[0], ETA * E * W4[0] * FP[0] * X1, Y], "updates Δ"),
    ("tansig-hidden", [[ETA * (D - (sum(W4[j] * math.tanh(V[j]) for j in range(3)) + B4)) * W4[i]
                        * math.tanh(V[i]) * (1 - math.tanh(V[i])) * XS[k] for k in range(2)] for i in range(3)],
     "logsig derivative"),
    ("two-outputs", [[ETA * E * W4[i] * FP[i] * XS[k] for k in range(2)] for i in range(3)], "Only output 4"),
    ("gradient-check", ETA * E * W4[0] * FP[0] * X1, "update"),
    ("spot-the-bug", W[0][0] + ETA * E * W4_NEXT[0] * FP[0] * X1, "buggy code"),
]


@pytest.mark.parametrize(("name", "wrong", "phrase"), HAND_MISTAKES)
def test_mistake_worked_by_hand_gets_the_targeted_hint(name, wrong, phrase):
    feedback = ex.check(name, wrong)
    assert feedback.ok is False
    assert phrase in feedback.message


def test_tolerance_is_relative_plus_absolute():
    right = ETA * E  # about -0.506
    assert ex.check("output-bias", right * (1 + 0.9e-3)).ok is True
    assert ex.check("output-bias", right * (1 - 0.9e-3)).ok is True
    assert ex.check("output-bias", right * (1 + 1.2e-3)).ok is False
    exercise = ex.get("output-bias")
    assert exercise.rtol == 1e-3 and exercise.atol == 1e-6


def test_unlisted_wrong_answer_is_not_yet_without_a_listed_hint():
    feedback = ex.check("output-bias", 0.123)
    assert feedback.ok is False and feedback.message.startswith("Not yet")
    assert all(m.hint not in feedback.message for m in ex.get("output-bias").mistakes)


def test_array_answer_reports_which_entries_are_off():
    wrong = [list(row) for row in HAND["hidden-weights"]]
    wrong[2][1] += 0.1
    feedback = ex.check("hidden-weights", wrong)
    assert feedback.ok is False and "(2, 1)" in feedback.message


@pytest.mark.parametrize("name", list(ex.EXERCISES))
def test_no_answer_yet_does_not_raise(name, monkeypatch):
    monkeypatch.delenv(ex.STRICT_ENV, raising=False)
    feedback = ex.check(name, None)
    assert feedback.ok is None and feedback.message.startswith("No answer yet")
    assert not feedback


@pytest.mark.parametrize("answer", ["0.5", "abc", [1, 2], [[1, 2]], float("nan"), object()])
def test_malformed_answers_say_not_yet_and_never_raise(answer, monkeypatch):
    monkeypatch.delenv(ex.STRICT_ENV, raising=False)
    feedback = ex.check("output-bias", answer)
    assert feedback.ok is False and feedback.message.startswith("Not yet")


def test_answer_is_not_modified():
    answer = np.array(HAND["hidden-weights"])
    before = answer.copy()
    as_list = [list(r) for r in HAND["hidden-weights"]]
    ex.check("hidden-weights", answer)
    ex.check("hidden-weights", as_list)
    assert np.array_equal(answer, before) and as_list == [list(r) for r in HAND["hidden-weights"]]


def test_strict_mode_raises_unless_right(monkeypatch):
    monkeypatch.setenv(ex.STRICT_ENV, "1")
    assert ex.check("output-bias", ETA * E).ok is True
    with pytest.raises(AssertionError, match="No answer yet"):
        ex.check("output-bias", None)
    with pytest.raises(AssertionError, match="sign"):
        ex.check("output-bias", -ETA * E)


def test_unknown_exercise_names_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown exercise 'nope'.*forward-pass"):
        ex.check("nope", 1.0)


def test_a_mistake_as_close_as_the_right_answer_is_refused():
    with pytest.raises(ValueError, match="as close as the right answer"):
        ex.NumericExercise("x", "x", right=1.0, mistakes=(ex.Mistake(1.0000001, "no"),))


# --- the function checkers ---------------------------------------------------------------------


def hand_dE_dw_ik(e, y, y_hi, w_ji, x_k):
    return -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k


def test_formula_checker_accepts_the_right_formula_written_differently():
    def mine(e, y, y_hi, w_ji, x_k):
        f_out, f_hid = y - y * y, y_hi - y_hi**2
        return -(e * f_out) * (w_ji * f_hid * x_k)

    assert ex.check("derive-logsig-output", mine).ok is True
    assert ex.check("derive-logsig-output", hand_dE_dw_ik).ok is True


@pytest.mark.parametrize(("wrong", "phrase"), [
    (lambda e, y, y_hi, w_ji, x_k: -e * w_ji * y_hi * (1 - y_hi) * x_k, "linear-output"),
    (lambda e, y, y_hi, w_ji, x_k: e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k, "sign"),
    (lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * x_k, "f'(v_i)"),
])
def test_formula_checker_rejects_classic_wrong_formulas_with_hints(wrong, phrase):
    feedback = ex.check("derive-logsig-output", wrong)
    assert feedback.ok is False and phrase in feedback.message


def test_formula_checker_rejects_an_unlisted_wrong_formula():
    feedback = ex.check("derive-logsig-output", lambda e, y, y_hi, w_ji, x_k: -e * y * w_ji * y_hi * x_k)
    assert feedback.ok is False and "random points" in feedback.message


def test_formula_checker_reports_a_function_that_raises_or_a_number():
    assert "ZeroDivisionError" in ex.check("derive-logsig-output", lambda **kw: 1 / 0).message
    assert "TypeError" in ex.check("derive-logsig-output", lambda a: a).message
    assert "wants a function" in ex.check("derive-logsig-output", 0.5).message


def hand_step(net, x, d, eta):
    """One online iteration written out with loops, independent of backprop.rules."""
    yh = [sig(sum(net.w_hidden[i][k] * x[k] for k in range(2)) + net.b_hidden[i]) for i in range(3)]
    e = d - (sum(net.w_output[0][i] * yh[i] for i in range(3)) + net.b_output[0])
    delta = [e * net.w_output[0][i] * yh[i] * (1 - yh[i]) for i in range(3)]
    return Network(
        [[net.w_hidden[i][k] + eta * delta[i] * x[k] for k in range(2)] for i in range(3)],
        [net.b_hidden[i] + eta * delta[i] for i in range(3)],
        [[net.w_output[0][i] + eta * e * yh[i] for i in range(3)]],
        [net.b_output[0] + eta * e],
    )


def hand_buggy_step(net, x, d, eta):
    yh = [sig(sum(net.w_hidden[i][k] * x[k] for k in range(2)) + net.b_hidden[i]) for i in range(3)]
    e = d - (sum(net.w_output[0][i] * yh[i] for i in range(3)) + net.b_output[0])
    w4 = [net.w_output[0][i] + eta * e * yh[i] for i in range(3)]  # updated first: the bug
    delta = [e * w4[i] * yh[i] * (1 - yh[i]) for i in range(3)]
    return Network(
        [[net.w_hidden[i][k] + eta * delta[i] * x[k] for k in range(2)] for i in range(3)],
        [net.b_hidden[i] + eta * delta[i] for i in range(3)],
        [w4],
        [net.b_output[0] + eta * e],
    )


def test_fix_checker_accepts_a_hand_written_step_and_the_reference():
    assert ex.check("spot-the-bug-fix", hand_step).ok is True
    assert ex.check("spot-the-bug-fix", step).ok is True


def test_fix_checker_recognises_the_bug():
    feedback = ex.check("spot-the-bug-fix", hand_buggy_step)
    assert feedback.ok is False and "updated output weights" in feedback.message


def test_the_hand_written_step_is_right_on_the_worked_example():
    # ties the fix exercise's notion of "right" to the hand values above
    new = hand_step(examples.NET, examples.X, D, ETA)
    assert new.w_hidden[0, 0] == pytest.approx(HAND["spot-the-bug"], rel=1e-12)


# --- training -------------------------------------------------------------------------------------


def test_training_answer_matches_a_hand_written_online_loop():
    net = Network.random(2, ex.TRAIN_HIDDEN, 1, seed=ex.TRAIN_SEED)
    X, Dv = examples.regression_data(200, seed=ex.TRAIN_SEED)
    w, b, w4, b4 = net.w_hidden.copy(), net.b_hidden.copy(), net.w_output[0].copy(), float(net.b_output[0])
    rng = np.random.default_rng(ex.TRAIN_SEED)
    costs = []
    for _ in range(ex.TRAIN_EPOCHS):
        total = 0.0
        for n in rng.permutation(len(X)):
            yh = 1 / (1 + np.exp(-(w @ X[n] + b)))
            e = Dv[n] - (w4 @ yh + b4)
            total += 0.5 * e * e
            delta = e * w4 * yh * (1 - yh)
            w4, b4 = w4 + ex.TRAIN_ETA * e * yh, b4 + ex.TRAIN_ETA * e
            w, b = w + ex.TRAIN_ETA * np.outer(delta, X[n]), b + ex.TRAIN_ETA * delta
        costs.append(total / len(X))
    first = next(t for t, c in enumerate(costs, start=1) if c < ex.TRAIN_THRESHOLD)
    assert ex.check("training", [costs[-1], first]).ok is True
    assert "Epochs count from 1" in ex.check("training", [costs[-1], first - 1]).message


# --- the answer box HTML ---------------------------------------------------------------------------


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": a, "tags": []})
        elif self.forms:
            self.forms[-1]["tags"].append((tag, a))


@pytest.mark.parametrize("name", NUMERIC)
def test_answer_box_follows_the_dom_contract(name):
    exercise = ex.get(name)
    parser = _Forms()
    parser.feed(ex.answer_box(name)._repr_html_())
    assert len(parser.forms) == len(exercise.boxes)
    for form, box in zip(parser.forms, exercise.boxes, strict=True):
        a = form["attrs"]
        assert a["class"] == "bp-answer" and "hidden" in a
        expected = np.array(HAND[name] if name in HAND else exercise.right, dtype=float)[box.index]
        assert float(a["data-answer"]) == pytest.approx(float(expected), rel=1e-9)
        assert float(a["data-rtol"]) == exercise.rtol and float(a["data-atol"]) == exercise.atol
        hints = json.loads(a["data-hints"])
        assert hints and all(set(h) == {"value", "hint"} for h in hints)
        tags = dict(form["tags"])
        assert tags["input"]["class"] == "bp-answer__input" and tags["label"]["for"] == tags["input"]["id"]
        assert tags["button"]["type"] == "submit"
        assert tags["p"] == {"class": "bp-answer__result", "aria-live": "polite"}


def test_answer_box_ids_are_unique_across_all_exercises():
    ids = []
    for name in NUMERIC:
        parser = _Forms()
        parser.feed(ex.answer_box(name)._repr_html_())
        ids += [dict(f["tags"])["input"]["id"] for f in parser.forms]
    assert len(ids) == len(set(ids))


def test_function_exercises_have_no_answer_box():
    with pytest.raises(ValueError, match="no answer box"):
        ex.answer_box("derive-logsig-output")


def test_fill_formats_numbers_and_refuses_missing_fields():
    assert ex.fill(r"$w_{11} = {{w}}$, n = {{n}}", w=0.1, n=3) == r"$w_{11} = 0.100000$, n = 3"
    with pytest.raises(KeyError, match="missing"):
        ex.fill("{{missing}}")


def test_loss_curve_is_an_svg_with_a_text_alternative():
    costs = [0.5, 0.1, 0.01, 0.002]
    figure = ex.loss_curve(costs, threshold=0.005)
    assert figure._repr_html_().startswith('<svg class="bp-loss-curve" role="img"')
    assert "<title>Mean cost per epoch on a log scale: 0.500000 at epoch 1, 0.002000 at epoch 4" in figure.markup
    assert figure.markup.count("<polyline") == 1 and "stroke-dasharray" in figure.markup
    for bad in ([1.0], [0.1, -0.1], [[0.1, 0.2]], [0.1, float("nan")]):
        with pytest.raises(ValueError, match="costs must be"):
            ex.loss_curve(bad)
    assert costs == [0.5, 0.1, 0.01, 0.002]


def test_each_answer_box_has_one_hint_per_wrong_value():
    """The site's box shows the first hint whose value matches: a value listed twice would hide the second hint."""
    for name in ex.names():
        exercise = ex.get(name)
        if not hasattr(exercise, "form_html"):
            continue
        for attr in re.findall(r'data-hints="([^"]*)"', exercise.form_html()):
            values = [h["value"] for h in json.loads(html.unescape(attr))]
            assert len(values) == len(set(values)), name


def test_one_iteration_box_for_y_next_explains_y_n():
    y_n = float(backprop.forward(examples.NET, examples.X).y_output[0])
    box = ex.get("one-iteration").form_html().split("</form>")[2]
    hints = json.loads(html.unescape(re.search(r'data-hints="([^"]*)"', box).group(1)))
    assert next(h["hint"] for h in hints if abs(h["value"] - y_n) < 1e-9).startswith("y(n+1) is the output")
