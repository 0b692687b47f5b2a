"""The generated loop of backprop._unrolled: made from step's arithmetic and the registry, and debuggable.

That it computes what ``step`` computes is tested in test_train.py (every activation pair, one and two outputs,
shuffling, divergence) on both of train's paths; here: what it is made of, and that a debugger can see it.
"""

from __future__ import annotations

import linecache
import traceback

import numpy as np
import pytest

from backprop import Network, _unrolled, activations, forward, step, train
from backprop.train import _iteration


def source(*sizes: int, hidden: str = "logsig", output: str = "purelin") -> str:
    return _unrolled.source(Network.random(*sizes, hidden=hidden, output=output), _iteration)


def test_the_slides_network_reads_like_the_slides():
    text = source(2, 3, 1)
    for line in ["v1 = ((w1_1 * x1) + (w1_2 * x2)) + b1", "y_h1 = f_h(v1)", "v4 = (((w4_1 * y_h1) + (w4_2 * y_h2))"
                 " + (w4_3 * y_h3)) + b4", "e4 = d4 - v4", "f_prime_h1 = y_h1 * (1.0 - y_h1)",
                 "back1 = e4 * w4_1", "delta1 = back1 * f_prime_h1", "w1_1 + (eta * (delta1 * x1)),",
                 "b4 + (eta * e4),", "for [x1, x2], [d4] in zip("]:
        assert line in text, line  # purelin's y = v and f' = 1 leave no line: y4 is v4 and e4 f'(v4) is e4
    compile(text, "<test>", "exec")


@pytest.mark.parametrize(("hidden", "output"), [("logsig", "purelin"), ("tansig", "logsig")])
def test_formulas_come_from_the_registry(hidden, output):
    text = source(2, 3, 2, hidden=hidden, output=output)
    for word in ("exp", "tanh"):  # a formula that calls a library is called by name: f_h(v1), f_o(v4)
        assert word not in text, word
    assert f"hidden {hidden} (f_h), output {output} (f_o)" in text
    arithmetic = {"logsig": "{y} * (1.0 - {y})", "tansig": "1.0 - ({y} * {y})"}  # f' from y, as registered
    assert f"f_prime_h1 = {arithmetic[hidden].format(y='y_h1')}" in text
    if output in arithmetic:
        assert f"f_prime_o5 = {arithmetic[output].format(y='y5')}" in text


def train_and_step(net: Network, X: list, D: list, eta: float) -> tuple[Network, Network]:
    """``net`` after one epoch of ``train`` (the generated loop) and after ``step`` on each sample in order."""
    reference = net
    for x, d in zip(X, D, strict=True):
        reference = step(reference, x, d, eta)
    return train(net, X, D, eta)[0], reference


def assert_same_network(a: Network, b: Network) -> None:
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=0, atol=1e-15, err_msg=name)


def test_a_registered_formula_of_plain_arithmetic_is_written_out():
    activations.register("half", lambda v: 0.5 * v, lambda y: 0.5)
    try:
        text = source(2, 3, 1, output="half")
        net = Network.random(2, 3, 1, seed=2, output="half")
        trained, reference = train_and_step(net, [[0.5, -1.0], [2.0, 0.25], [-0.3, 0.9]], [0.3, -0.2, 0.1], 0.5)
    finally:
        del activations.ACTIVATIONS["half"]
    assert "y4 = 0.5 * v4" in text and " = e4 * 0.5" in text  # e_j f'(v_j) with f' = 0.5
    assert_same_network(trained, reference)


def test_a_formula_with_a_numpy_constant_is_written_with_the_number():
    """A code review's ``C = np.float64(0.5)``, ``lambda v: C * v``: register and step took it, and train's generated
    loop wrote ``t * np.float64(0.5)``, a NameError (no np there); the constant is written as the float it is."""
    half = np.float64(0.5)
    activations.register("half-np", lambda v: half * v, lambda y: half)
    try:
        text = source(2, 3, 1, hidden="half-np")
        net = Network.random(2, 3, 1, seed=3, hidden="half-np")
        trained, reference = train_and_step(net, [[0.5, -1.0], [2.0, 0.25]], [0.3, -0.2], 0.5)
    finally:
        del activations.ACTIVATIONS["half-np"]
    assert "np.float64" not in text and "y_h1 = 0.5 * v1" in text
    assert_same_network(trained, reference)


def test_a_formula_that_gives_numpys_0d_array_is_taken_and_trained_with():
    """A review: register refused ``np.where(v > 0, v, 0.01 * v)``, whose result for a number is a 0-d array, after
    the check for one number per number came in; it is one number, and train (which calls it by name, as it
    branches) equals step sample by sample. Leaky ReLU by hand on one sample checks step's first hidden output."""
    activations.register("leaky-np", lambda v: np.where(v > 0, v, 0.01 * v), lambda y: np.where(y > 0, 1.0, 0.01))
    try:
        net = Network.random(2, 3, 1, seed=1, hidden="leaky-np")
        trained, reference = train_and_step(net, [[0.5, -1.0], [2.0, 0.25]], [0.3, -0.2], 0.1)
        v1 = net.w_hidden[0, 0] * 0.5 + net.w_hidden[0, 1] * -1.0 + net.b_hidden[0]
        y1 = forward(net, [0.5, -1.0]).y_hidden[0]
    finally:
        del activations.ACTIVATIONS["leaky-np"]
    assert y1 == pytest.approx(v1 if v1 > 0 else 0.01 * v1, rel=1e-15)
    assert_same_network(trained, reference)


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
