"""backprop.readings: the rule pages' readings are written from the worked example in use when they are called.

What the sentences say, branch by branch, is checked on the pages against the oracle (tests/pages/test_rule_pages.py,
tests/pages/test_reading_the_rule.py); here, the two things the module itself promises: it reads ``backprop.examples``
at call time, and it stops on an example its sentences are not true of.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from backprop import examples, readings, show
from tests.support import oracle, pages
from tests.support.patch import patch_example

num, given = oracle.number_string, pages.given


def test_rule_1_reads_the_example_when_called(monkeypatch):
    """Imported (and called) with the example in use, then called with another one patched into backprop.examples, as
    the page tests do: it writes the other example's numbers, the oracle's y and y with the three output steps taken
    (the hidden outputs held)."""
    readings.rule_1()
    in_use = num(oracle.iteration(oracle.load_example())["y"])
    ex = next(ex for ex in map(oracle.load_example, oracle.all_example_files())  # one whose y prints otherwise
              if num(oracle.iteration(ex)["y"]) != in_use)
    it = oracle.iteration(ex)
    patch_example(monkeypatch, ex)
    y_new = it["y"] + sum(dw * y for dw, y in zip(it["dw_output"][0], it["y_hidden"], strict=True))
    text = " ".join(readings.rule_1().split())
    assert f"the three steps take $y$ from ${num(it['y'])}$ to ${num(y_new)}$" in text, text


def test_rule_1_stops_on_an_output_that_is_not_linear(monkeypatch):
    """Its last bullet says the output's slope is 1: with a logistic output that is false, and it stops, naming the
    sentence and the output, instead of printing it."""
    monkeypatch.setattr(examples, "NET", replace(examples.NET, output="logsig"))
    with pytest.raises(show.ExampleError, match=r"the output is linear, f'\(v_4\) = 1.*output = logsig"):
        readings.rule_1()


def test_rule_3_reads_the_example_when_called(monkeypatch):
    """Imported (and called) with the example in use, then called with an example of the other hidden activation
    patched into backprop.examples (the page tests patch the output weights only): it writes that example's numbers,
    the oracle's f'(v_i) range and largest local gradient, and that activation's bound, f'(v) <= 1/4 or 1."""
    readings.rule_3()
    current = oracle.load_example()
    path = next(p for p in oracle.all_example_files() if oracle.load_example(p)["hidden"] != current["hidden"])
    ex = oracle.load_example(path)
    it = oracle.iteration(ex)
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_3().split())
    fp = it["fp_hidden"]
    slow = [i + 1 for i, f in enumerate(fp) if num(f) == num(min(fp))]
    assert len(slow) == 1  # the premise: one neuron's slope prints as the smallest
    assert (f"Here $f'(v_i)$ lies between ${num(min(fp))}$ (neuron {slow[0]}) and ${num(max(fp))}$ "
            f"({pages.neurons_printed_at(fp, num(max(fp)))}).") in text, text
    j = max(range(3), key=lambda n: abs(it["delta_hidden"][n])) + 1
    assert f"neuron {j} gets the local gradient largest in size, $\\delta_{j} = {num(it['delta_hidden'][j - 1])}$" \
        in text, text
    logsig = ex["hidden"] == "logsig"
    bound = r"\tfrac{1}{4}" if logsig else "1"  # f'(0), the oracle's: 1/4 for logsig, 1 for tanh
    assert oracle.F_PRIME_FROM_Y[ex["hidden"]](0.5 if logsig else 0.0) == (0.25 if logsig else 1.0)
    assert f"$f'(v) \\le {bound}$, the value at $v = 0$" in text, text
    assert ("passes back only a quarter of the error" in text) == logsig


def test_rule_3_gives_no_reason_where_the_steepest_slope_is_not_one_as_printed(monkeypatch):
    """Two neurons with the largest output weight whose local gradients print alike but whose slopes print apart (the
    oracle's: f'(v_1) = 0.196612, f'(v_2) = 0.196611, v_i = b_i with x = 0): 'of the neurons with the largest weight,
    neurons 1 and 2 have the steepest slopes' would name two different printed slopes as the steepest. The example
    is one the loader accepts, and the reading stopped the build on it; it now names the neurons and gives no
    reason."""
    ex = {"w_hidden": [[0.3, 0.2], [0.3, 0.2], [0.3, 0.2]], "b_hidden": [1.000004, 1.000005, 3.0],
          "w_output": [[0.5, 0.5, 0.5]], "b_output": [0.0], "hidden": "logsig", "output": "purelin",
          "x": [0.0, 0.0], "d": 2.0, "eta": 0.5}
    it = oracle.iteration(ex)
    assert num(it["fp_hidden"][0]) != num(it["fp_hidden"][1])  # the premise, as printed
    assert num(it["delta_hidden"][0]) == num(it["delta_hidden"][1]) != num(it["delta_hidden"][2])
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_3().split())
    assert (f"and neurons 1 and 2 get the local gradients largest in size, $|\\delta_i| = "
            f"{num(abs(it['delta_hidden'][0]))}$ for each. *") in text, text
    assert "steepest slope" not in text


@pytest.mark.parametrize("ex", [
    {"w_hidden": [[0.1, 0.2]] * 3, "b_hidden": [0.1] * 3, "w_output": [[0.7, 0.7, 0.7]], "hidden": "logsig"},
    # tanh: the same sizes with other signs (y_h1 < 0 = -y_h2, w_43 = -w_41), so each size is |y_hi|, |w_4i|, |δ_i|
    {"w_hidden": [[-0.2, -0.1], [0.2, 0.1], [0.2, 0.1]], "b_hidden": [0.0] * 3, "w_output": [[0.7, 0.7, -0.7]],
     "hidden": "tansig"},
], ids=["alike", "alike in size"])
def test_three_neurons_alike_are_said_to_be_alike_not_the_largest(monkeypatch, ex):
    """A reviewer's example of three identical hidden neurons: "neurons 1, 2 and 3 get the local gradients largest in
    size" and "sent the strongest ones" compared each with nothing. With every value alike in size (the oracle's),
    rules 1 and 3 say they are of the same size."""
    ex = {**ex, "b_output": [0.4], "output": "purelin", "x": [1.0, 0.5], "d": 1.0, "eta": 0.5}
    it = oracle.iteration(ex)
    assert len({num(abs(v)) for v in it["y_hidden"]}) == len({num(abs(v)) for v in it["delta_hidden"]}) == 1
    patch_example(monkeypatch, ex)
    rule_1, rule_3 = (" ".join(text.split()) for text in (readings.rule_1(), readings.rule_3()))
    assert (f"Here every hidden neuron sent a signal of the same size, $|y_{{hi}}| = {num(abs(it['y_hidden'][0]))}$, "
            f"so every output weight takes a step of the same size.") in rule_1, rule_1
    assert (f"Here every output weight has the same size, $|w_{{4i}}| = 0.7$, and every hidden neuron gets a local "
            f"gradient of the same size, $|\\delta_i| = {num(abs(it['delta_hidden'][0]))}$.") in rule_3, rule_3
    assert "largest in size" not in rule_3 and "strongest" not in rule_1


@pytest.mark.parametrize("w_output", [[0.0, -1.1, 0.45], [0.0, 0.7, 0.0], [0.0, 0.0, 0.0]],
                         ids=["w_41 = 0", "w_41 = w_43 = 0", "every w_4i = 0"])
def test_rule_3_says_which_neurons_an_output_weight_of_0_leaves_unblamed(monkeypatch, w_output):
    """A reviewer's example with w_41 = 0: the table's row of neuron 1 was 0 and the reading said nothing of why. It
    now names the neurons whose output weight is 0, with δ_i = 0 and no step of theirs, as the oracle computes them;
    with every w_4i = 0 it says so instead of naming weights "largest in size" at |w_4i| = 0."""
    ex = {"w_hidden": [[0.9, -0.4], [-0.7, 0.2], [0.0, 1.5]], "b_hidden": [-0.2, 0.0, 0.15],
          "w_output": [w_output], "b_output": [-0.35], "hidden": "logsig", "output": "purelin",
          "x": [2.0, -3.0], "d": 0.2, "eta": 0.05}
    it = oracle.iteration(ex)
    zero = [i for i in range(3) if it["delta_hidden"][i] == 0 and it["db_hidden"][i] == 0
            and it["dw_hidden"][i] == [0.0, 0.0]]
    assert zero == [i for i, w in enumerate(w_output) if w == 0]  # the oracle's: exactly these neurons stay
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_3().split())
    if len(zero) == 3:
        assert ("Here every $w_{4i}$ is 0: no hidden neuron is blamed, so every $\\delta_i$ is 0 and no hidden weight "
                "or bias moves.") in text, text
        assert "largest in size" not in text
    elif len(zero) == 1:
        assert ("With $w_{41} = 0$, neuron 1 is not blamed at all: $\\delta_1 = 0$, and its weights and bias do not "
                "move.") in text, text
    else:
        assert ("With $w_{41} = w_{43} = 0$, neurons 1 and 3 are not blamed at all: $\\delta_1 = \\delta_3 = 0$, and "
                "their weights and biases do not move.") in text, text
    ex["w_output"] = [[0.25, -1.1, 0.45]]
    patch_example(monkeypatch, ex)
    assert "not blamed" not in readings.rule_3() and "every $w_{4i}$ is 0" not in readings.rule_3()


@pytest.mark.parametrize("w_output", [[0.0, -1.1, 0.45], [0.0, 0.7, 0.0], [0.25, -1.1, 0.45]],
                         ids=["w_41 = 0", "w_41 = w_43 = 0", "none 0"])
def test_rule_1_says_an_output_weight_of_0_moves_all_the_same(monkeypatch, w_output):
    """A TA's example with w_42 = 0: "w_42 takes the largest step" was true, and odd to read of a weight that carried
    nothing to y. The reading adds that the weight's own value is no factor of rule 1, where a weight of 0 moves (the
    oracle's Δw_4i, not 0)."""
    ex = {"w_hidden": [[0.9, -0.4], [-0.7, 0.2], [0.0, 1.5]], "b_hidden": [-0.2, 0.0, 0.15],
          "w_output": [w_output], "b_output": [-0.35], "hidden": "logsig", "output": "purelin",
          "x": [2.0, -3.0], "d": 0.2, "eta": 0.05}
    it = oracle.iteration(ex)
    zero = [i for i, w in enumerate(w_output) if w == 0]
    assert all(it["dw_output"][0][i] != 0 for i in zero), "the premise: each weight of 0 moves"
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_1().split())
    if not zero:
        assert "no factor of the rule" not in text, text
    elif len(zero) == 1:
        assert ("The weight's own value is no factor of the rule: $w_{41} = 0$ passed nothing on to $y$, and still "
                "moves, in proportion to $y_{h1}$.") in text, text
    else:
        assert ("The weight's own value is no factor of the rule: $w_{41} = w_{43} = 0$ passed nothing on to $y$, and "
                "still move, each in proportion to its $y_{hi}$.") in text, text


@pytest.mark.parametrize("path", oracle.all_example_files(), ids=lambda p: p.stem)
def test_rule_1_gives_y_after_the_whole_iteration_beside_the_three_steps(monkeypatch, path):
    """A reviewer's tansig example with η = 1.8: rule 1 said the three steps take y to 1.261943 while one iteration
    showed y(n+1) = 2.465960, with only "the hidden outputs as they are" between them. The reading now gives both:
    the three output weights' steps (y + η e Σ y_hi², the hidden outputs held) and the oracle's y after all thirteen
    steps."""
    ex = oracle.load_example(path)
    it = oracle.iteration(ex)
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_1().split())
    if not any(it["y_hidden"]):  # every y_hi = 0: the three steps are 0
        return
    three = it["y"] + ex["eta"] * it["e"] * sum(y ** 2 for y in it["y_hidden"])
    assert f"the three steps take $y$ from ${num(it['y'])}$ to ${num(three)}$" in text, text
    assert num(it["y_next"]) != num(three)  # the premise: the two print apart
    link = "([one iteration](../iteration-and-training/#one-iteration-on-the-worked-example))"
    assert (f"The other steps move $y$ too: after the whole iteration, all thirteen steps, it is "
            f"${num(it['y_next'])}$, {pages.where_y_next(ex, it)} {link}.") in text, text


def test_the_whole_iteration_past_d_is_said(monkeypatch):
    """A reviewer's tanh example (every w_4i negative, d = -1): two "short of d" for the output's steps, then y after
    the whole iteration, -1.316373, with no word that it is past d (the error turns from -1.055854 to 0.316373). Hand
    values: the reviewer's plain-math iteration of that example."""
    ex = {"w_hidden": [[0.3, 0.9], [-0.6, -0.2], [1.0, -0.7]], "b_hidden": [-0.4, 0.2, 0.1],
          "w_output": [[-0.8, -0.5, -1.2]], "b_output": [0.0], "hidden": "tansig", "output": "purelin",
          "x": [0.5, 1.5], "d": -1.0, "eta": 0.2}
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_1().split())
    assert "take $y$ from $0.055854$ to $-0.147537$, short of $d = -1$." in text, text
    # |e| from 1.055854 to 0.316373: past d, but closer
    assert ("after the whole iteration, all thirteen steps, it is $-1.316373$, past $d = -1$, but closer to it than "
            "before (") in text, text
