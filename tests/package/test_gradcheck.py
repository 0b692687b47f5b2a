"""The gradient check is small on the real rules and large on broken ones."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import examples, rules
from backprop.gradcheck import analytic_gradient, gradient_check, numerical_gradient
from backprop.network import Network
from tests.support import oracle

PAIRS = [(h, o) for h in ("logsig", "tansig", "purelin") for o in ("logsig", "tansig", "purelin")]


def random_problem(hidden="logsig", output="purelin", n=(3, 5, 2), seed=0):
    rng = np.random.default_rng(seed)
    net = Network.random(*n, seed=seed, hidden=hidden, output=output)
    return net, rng.uniform(-1.5, 1.5, n[0]), rng.uniform(-1, 1, n[2])


def test_small_on_the_worked_example():
    assert gradient_check(examples.NET, examples.X, examples.D) < 1e-6


@pytest.mark.parametrize(("hidden", "output"), PAIRS)
def test_small_for_every_activation_pair(hidden, output):
    net, x, d = random_problem(hidden, output)
    assert gradient_check(net, x, d) < 1e-6


@pytest.mark.parametrize("ex", [oracle.load_example(), oracle.HAND], ids=["worked-example", "hand"])
def test_numerical_gradient_against_hand_differences(ex):
    """Move w41 by hand and difference E: the package's central differences must agree."""
    net = Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"],
                  hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))
    x, d = ex["x"], ex["d"]
    h = 1e-6

    y_h = oracle.forward(ex)["y_hidden"]  # the hidden outputs, in plain math
    (w41, w42, w43), (b4,) = ex["w_output"][0], ex["b_output"]

    def E(w41):
        y = w41 * y_h[0] + w42 * y_h[1] + w43 * y_h[2] + b4  # purelin output
        return 0.5 * (d - y) ** 2

    by_hand = (E(w41 + h) - E(w41 - h)) / (2 * h)
    assert numerical_gradient(net, x, d, h)["w_output"][0, 0] == pytest.approx(by_hand, rel=1e-12)
    assert by_hand == pytest.approx(-oracle.iteration(ex)["dw_output"][0][0] / ex["eta"], rel=1e-6)  # -∂E/∂w41


def test_analytic_gradient_is_minus_the_rules_at_unit_eta():
    net, x, d = random_problem()
    g = analytic_gradient(net, x, d)
    assert set(g) == {"w_hidden", "b_hidden", "w_output", "b_output"}
    for name in g:
        assert g[name].shape == getattr(net, name).shape
    numerical = numerical_gradient(net, x, d)
    for name in g:
        np.testing.assert_allclose(g[name], numerical[name], rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("hidden", ["logsig", "tansig"])
def test_large_when_a_hidden_rule_drops_f_prime(monkeypatch, hidden):
    net, x, d = random_problem(hidden=hidden)
    assert gradient_check(net, x, d) < 1e-6
    monkeypatch.setattr(rules, "f_prime_hidden", lambda fp: np.ones_like(fp.y_hidden))  # forget f'(v_i)
    assert gradient_check(net, x, d) > 0.1


@pytest.mark.parametrize("output", ["logsig", "tansig"])
def test_large_when_an_output_rule_drops_f_prime(monkeypatch, output):
    net, x, d = random_problem(output=output)
    assert gradient_check(net, x, d) < 1e-6
    monkeypatch.setattr(rules, "f_prime_output", lambda fp: np.ones_like(fp.y_output))  # forget f'(v_j)
    assert gradient_check(net, x, d) > 0.1


def test_large_when_one_rule_has_the_wrong_sign(monkeypatch):
    import backprop.gradcheck as gc

    net, x, d = random_problem()
    monkeypatch.setattr(gc, "delta_b_output", lambda fp, d, eta: -rules.delta_b_output(fp, d, eta))
    assert gradient_check(net, x, d) > 0.5


def test_large_when_the_slides_single_output_formula_is_used_for_two_outputs(monkeypatch):
    """Using only output 1's error in the hidden rules (no sum over j) is caught."""
    import backprop.gradcheck as gc

    net, x, d = random_problem(n=(2, 3, 2))

    def first_output_only(fp, d, eta):
        e = rules.error(fp, d)[:1]
        return eta * np.outer(e @ fp.net.w_output[:1] * rules.f_prime_hidden(fp), fp.x)

    monkeypatch.setattr(gc, "delta_w_hidden", first_output_only)
    assert gradient_check(net, x, d) > 0.01
