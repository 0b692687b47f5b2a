"""The generated loop of backprop._unrolled: made from step's arithmetic and the registry, and debuggable.

That it computes what ``step`` computes is tested in test_train.py (every activation pair, one and two outputs,
shuffling, divergence) on both of train's paths; here: what it is made of, and that a debugger can see it.
"""

from __future__ import annotations

import linecache
import traceback

import pytest

from backprop import Network, _unrolled, activations, train
from backprop.train import _iteration


def source(*sizes: int, hidden: str = "logsig", output: str = "purelin") -> str:
    return _unrolled.source(Network.random(*sizes, hidden=hidden, output=output), _iteration)


def test_the_slides_network_reads_like_the_slides():
    text = source(2, 3, 1)
    for line in ["v1 = ((w1_1 * x1) + (w1_2 * x2)) + b1", "y_h1 = f_h(v1)", "v4 = (((w4_1 * y_h1) + (w4_2 * y_h2))"
                 " + (w4_3 * y_h3)) + b4", "y4 = f_o(v4)", "e4 = d4 - y4", "delta4 = e4 * f_prime_o4",
                 "back1 = delta4 * w4_1", "delta1 = back1 * f_prime_h1", "w1_1 + (eta * (delta1 * x1)),",
                 "b4 + ((eta * e4) * f_prime_o4),",
                 "for [x1, x2], [d4] in zip("]:
        assert line in text, line
    compile(text, "<test>", "exec")


@pytest.mark.parametrize(("hidden", "output"), [("logsig", "purelin"), ("tansig", "logsig")])
def test_no_formula_is_written_in_it(hidden, output):
    text = source(2, 3, 2, hidden=hidden, output=output)
    for word in ("exp", "tanh", "1.0 -", "1.0 /"):  # the activations come from the registry, called by name
        assert word not in text, word
    assert f"hidden {hidden} (f_h), output {output} (f_o)" in text


def test_every_new_value_is_computed_before_any_weight_changes():
    """The hidden rules must read w_ji(n): the new weights are assigned together, after every update is computed."""
    lines = source(2, 3, 1).splitlines()
    assign = next(n for n, line in enumerate(lines) if line.strip().startswith("w1_1, w1_2,"))
    assert not any(line.strip().startswith(("w4_1 =", "w1_1 =", "b4 =")) for line in lines)
    assert all(" = " not in line for line in lines[assign + 1:] if line.startswith("            "))


def test_which_networks_take_it():
    assert _unrolled.worth_it(Network.random(2, 3, 1)) and _unrolled.worth_it(Network.random(3, 8, 5))
    assert not _unrolled.worth_it(Network.random(2, 30, 1))


def test_a_traceback_shows_the_generated_line():
    def fragile(v):
        if abs(v) > 50:
            raise ArithmeticError(f"fragile got {v}")
        return v

    activations.register("fragile", fragile, lambda y: 1.0)
    try:
        net = Network.random(2, 3, 1, seed=0, hidden="fragile")
        with pytest.raises(ArithmeticError, match="fragile got") as info:
            train(net, [[1000.0, 1000.0]], [0.0], 0.1)
    finally:
        del activations.ACTIVATIONS["fragile"]
    frames = [f for f in traceback.extract_tb(info.value.__traceback__) if f.filename.startswith("<backprop._unrolled")]
    assert frames and frames[0].line.startswith("y_h") and "f_h(v" in frames[0].line
    assert linecache.getline(frames[0].filename, frames[0].lineno).strip() == frames[0].line
