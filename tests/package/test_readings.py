"""backprop.readings: the rule pages' readings are written from the worked example in use when they are called.

What the sentences say, branch by branch, is checked on the pages against the oracle (tests/pages/test_rule_pages.py,
tests/pages/test_reading_the_rule.py); here, the two things the module itself promises: it reads ``backprop.examples``
at call time, and it stops on an example its sentences are not true of.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from backprop import Network, examples, readings, show
from tests.support import oracle

num = oracle.number_string


def test_rule_1_reads_the_example_when_called(monkeypatch):
    """Imported (and called) with the example in use, then called with another one patched into backprop.examples, as
    the page tests do: it writes the other example's numbers, the oracle's y and y with the three output steps taken
    (the hidden outputs held)."""
    readings.rule_1()
    ex = oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json")
    it = oracle.iteration(ex)
    assert num(it["y"]) != num(oracle.iteration(oracle.load_example())["y"])  # the patch changes what is printed
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
