"""backprop.readings: the rule pages' readings are written from the worked example in use when they are called.

What the sentences say, branch by branch, is checked on the pages against the oracle (tests/pages/test_rule_pages.py,
tests/pages/test_reading_the_rule.py); here, the two things the module itself promises: it reads ``backprop.examples``
at call time, and it stops on an example its sentences are not true of.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from backprop import Network, examples, readings, show
from tests.support import oracle, pages

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
    net = Network(w_hidden=np.array(ex["w_hidden"]), b_hidden=np.array(ex["b_hidden"]),
                  w_output=np.array(ex["w_output"]), b_output=np.array(ex["b_output"]), hidden=ex["hidden"],
                  output=ex["output"])
    for name, value in (("NET", net), ("X", np.array(ex["x"], dtype=float)), ("D", ex["d"]), ("ETA", ex["eta"])):
        monkeypatch.setattr(examples, name, value)
    y_new = it["y"] + sum(dw * y for dw, y in zip(it["dw_output"][0], it["y_hidden"], strict=True))
    text = " ".join(readings.rule_1().split())
    assert f"the three steps take $y$ from ${num(it['y'])}$ to ${num(y_new)}$" in text, text


def test_rule_1_stops_on_an_output_that_is_not_linear(monkeypatch):
    """Its last bullet says the output's slope is 1: with a logistic output that is false, and it stops, naming the
    sentence and the output, instead of printing it."""
    monkeypatch.setattr(examples, "NET", replace(examples.NET, output="logsig"))
    with pytest.raises(show.ExampleError, match=r"the output is linear, f'\(v_4\) = 1.*output = logsig"):
        readings.rule_1()


def patch_example(monkeypatch, ex: dict) -> None:
    """``ex`` as the worked example in use, patched into backprop.examples as the page tests do."""
    net = Network(w_hidden=np.array(ex["w_hidden"]), b_hidden=np.array(ex["b_hidden"]),
                  w_output=np.array(ex["w_output"]), b_output=np.array(ex["b_output"]), hidden=ex["hidden"],
                  output=ex["output"])
    for name, value in (("NET", net), ("X", np.array(ex["x"], dtype=float)), ("D", ex["d"]), ("ETA", ex["eta"])):
        monkeypatch.setattr(examples, name, value)


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


def test_rule_2_step_reads_the_example_when_called(monkeypatch):
    """Imported (and called) with the example in use, then called with another example patched in: it writes that
    example's step, the oracle's y, Δb_4 and b_4(1), with the given eta, d and b_4(0) as given."""
    readings.rule_2_step()
    current = oracle.iteration(oracle.load_example())
    path = next(p for p in oracle.all_example_files()
                if num(oracle.iteration(oracle.load_example(p))["db_output"][0]) != num(current["db_output"][0]))
    ex = oracle.load_example(path)
    it = oracle.iteration(ex)
    patch_example(monkeypatch, ex)
    text = " ".join(readings.rule_2_step().split())
    db, b_old = it["db_output"][0], ex["b_output"][0]
    assert re.search(rf"= {re.escape(given(ex['eta']))} \\cdot \({re.escape(given(ex['d']))} - "
                     rf"\(?{re.escape(num(it['y']))}\)?\) (=|\\approx) {re.escape(num(db))} \\\\", text), text
    assert re.search(rf"b_4\(1\) &= b_4\(0\) \+ \\Delta b_4\(0\) = {re.escape(given(b_old))} \+ .*"
                     rf"(=|\\approx) {re.escape(num(b_old + db))} \\end\{{aligned\}}", text), text


def test_rule_2_step_stops_on_a_hidden_output_of_1(monkeypatch):
    """'|Δb_4| > |Δw_4i| for every i' rests on |f(v_i)| < 1: with a hidden output of exactly 1 in floating point (a
    logistic neuron at v_3 = 40, which the loader refuses as saturated) Δw_43 = Δb_4, and it stops, naming the
    sentence and Δb_4, instead of printing it."""
    ex = {**oracle.shipped(), "hidden": "logsig", "x": [0.0, 0.0], "b_hidden": [0.0, 0.0, 40.0]}
    it = oracle.iteration(ex)
    assert it["y_hidden"][2] == 1.0 and it["dw_output"][0][2] == it["db_output"][0] != 0  # the premise
    patch_example(monkeypatch, ex)
    with pytest.raises(show.ExampleError, match=rf"the sentence '\|Δb_4\| > \|Δw_4i\|' is not true.*"
                                                rf"db = {re.escape(num(it['db_output'][0]))}"):
        readings.rule_2_step()
