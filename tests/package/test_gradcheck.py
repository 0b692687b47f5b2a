"""The gradient check is small on the real rules and large on broken ones."""

from __future__ import annotations

import importlib
import inspect
import math
import statistics

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


# --- the equations the docstrings show (the API reference renders them) ---------------------------------

GRADCHECK = importlib.import_module("backprop.gradcheck")
PARAMETERS = ("w_hidden", "b_hidden", "w_output", "b_output")


def doc_of(obj) -> str:
    return " ".join(inspect.getdoc(obj).split())


def plain_problem(hidden="logsig", output="tansig", seed=1) -> dict:
    net, x, d = random_problem(hidden, output, n=(2, 3, 2), seed=seed)
    return {**net.to_dict(), "x": x.tolist(), "d": d.tolist(), "eta": 1.0}


def plain_central_difference(ex: dict, name: str, idx: tuple, h: float) -> float:
    """(E(theta_p + h) - E(theta_p - h)) / 2h for one parameter p, by the oracle."""
    costs = []
    for sign in (1, -1):
        moved = {k: [list(r) if isinstance(r, list) else r for r in v] if isinstance(v, list) else v
                 for k, v in ex.items()}
        row = moved[name] if len(idx) == 1 else moved[name][idx[0]]
        row[idx[-1]] += sign * h
        costs.append(oracle.cost(moved, oracle.forward(moved)["y_output"]))
    return (costs[0] - costs[1]) / (2 * h)


def net_of(ex: dict) -> Network:
    return Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden=ex["hidden"],
                   output=ex["output"])


def test_the_numerical_gradient_is_the_central_difference_its_docstrings_show():
    r"""The module's $\dfrac{E(\theta + h) - E(\theta - h)}{2h}$ and numerical_gradient's
    $(E(\theta_p + h) - E(\theta_p - h)) / 2h$, at an h large enough that another difference (one-sided, or over
    h instead of 2h) or the exact gradient would be another number."""
    assert r"$\dfrac{E(\theta + h) - E(\theta - h)}{2h}$, one parameter at a time" in doc_of(GRADCHECK)
    assert r"$(E(\theta_p + h) - E(\theta_p - h)) / 2h$ for every parameter $p$" in doc_of(numerical_gradient)
    ex, h = plain_problem(), 0.3
    got = numerical_gradient(net_of(ex), ex["x"], ex["d"], h)
    exact = analytic_gradient(net_of(ex), ex["x"], ex["d"])
    for name in PARAMETERS:
        for idx in np.ndindex(got[name].shape):
            assert got[name][idx] == pytest.approx(plain_central_difference(ex, name, idx, h), rel=1e-12, abs=1e-14)
    assert not np.allclose(got["w_hidden"], exact["w_hidden"], rtol=1e-3)  # h = 0.3 is far from the limit


def test_the_analytic_gradient_is_minus_the_rules_over_eta_as_its_docstrings_say():
    r"""$\Delta\theta = -\eta\,\partial E/\partial\theta$, so $\partial E/\partial\theta = -\Delta\theta/\eta$
    ("with $\eta = 1$"): against the oracle's rules and against the oracle's central differences."""
    assert r"$\Delta\theta = -\eta\,\partial E/\partial\theta$, so the analytic gradient is $-\Delta\theta/\eta$" \
        in doc_of(GRADCHECK)
    assert r"$\partial E/\partial\theta$ for each parameter array, from the four rules (with $\eta = 1$)" \
        in doc_of(analytic_gradient)
    for hidden, output in [("logsig", "tansig"), ("tansig", "logsig")]:
        ex = {**plain_problem(hidden, output), "eta": 0.7}
        it = oracle.iteration(ex)
        got = analytic_gradient(net_of(ex), ex["x"], ex["d"])
        for name in PARAMETERS:
            want = -np.asarray(it[f"d{name}"]) / 0.7  # the oracle's Δθ: dw_hidden, db_hidden, ...
            np.testing.assert_allclose(got[name], want, rtol=1e-12, atol=1e-15)
            for idx in np.ndindex(want.shape):
                assert want[idx] == pytest.approx(plain_central_difference(ex, name, idx, 1e-6), rel=1e-6, abs=1e-9)


def test_the_default_h_and_its_error_orders_are_what_the_docstring_says():
    r"""$h = 10^{-5} \approx \varepsilon^{1/3}$, truncation error $O(h^2)$ and rounding error $O(\varepsilon/h)$."""
    doc = doc_of(numerical_gradient)
    assert (r"The default $h = 10^{-5} \approx \varepsilon^{1/3}$ balances truncation error ($O(h^2)$) against "
            r"rounding error ($O(\varepsilon/h)$)") in doc
    for fn in (numerical_gradient, gradient_check):
        assert inspect.signature(fn).parameters["h"].default == 1e-5
    assert 0.5 < np.finfo(float).eps ** (1 / 3) / 1e-5 < 2
    ex = plain_problem()
    exact = analytic_gradient(net_of(ex), ex["x"], ex["d"])

    def worst_error(h: float) -> float:
        got = numerical_gradient(net_of(ex), ex["x"], ex["d"], h)
        return max(float(np.abs(got[n] - exact[n]).max()) for n in PARAMETERS)

    ratio = worst_error(1e-2) / worst_error(1e-3)  # O(h^2): a tenth of h, a hundredth of the error
    assert 50 < ratio < 200, ratio
    assert worst_error(1e-5) < worst_error(1e-2) / 100  # the default is far below the truncation error of 1e-2 ...
    assert worst_error(1e-11) > 10 * worst_error(1e-5)  # ... and above the rounding error of a tiny h


def test_the_relative_error_is_the_docstrings_formula(monkeypatch):
    r"""$|a - n| / \max(|a| + |n|, 10^{-8})$: a rule off by a factor 2 gives 1/3 (|2g - g| / (2|g| + |g|), where
    max(|a|, |n|) would give 1/2), and an analytic 1e-9 against a numerical 0 gives 1e-9 / 1e-8 = 0.1."""
    assert r"Relative error $|a - n| / \max(|a| + |n|, 10^{-8})$" in doc_of(gradient_check)
    net, x, d = random_problem()
    right = rules.delta_w_hidden
    monkeypatch.setattr(GRADCHECK, "delta_w_hidden", lambda fp, d, eta: 2 * right(fp, d, eta))
    assert gradient_check(net, x, d) == pytest.approx(1 / 3, rel=1e-6)
    # x = 0: E does not depend on w_ik, so the numerical gradient is exactly 0 there
    monkeypatch.setattr(GRADCHECK, "delta_w_hidden", lambda fp, d, eta: np.full_like(right(fp, d, eta), -1e-9))
    assert numerical_gradient(net, np.zeros(3), d)["w_hidden"].max() == 0
    assert gradient_check(net, np.zeros(3), d) == pytest.approx(0.1, rel=1e-9)


def test_right_rules_give_about_1e_8_and_slips_more_than_1e_4(monkeypatch):
    r"""About $10^{-8}$ or less means the rules are right, anything above $10^{-4}$ means a bug."""
    assert (r"about $10^{-8}$ or less means the rules are right, anything above $10^{-4}$ means a bug"
            in doc_of(gradient_check))
    worst = [gradient_check(*random_problem(h, o, seed=s)) for s in range(3) for h, o in PAIRS]
    assert max(worst) < 1e-6 and statistics.median(worst) < 1e-8
    assert math.isfinite(max(worst))
    monkeypatch.setattr(rules, "f_prime_hidden", lambda fp: np.ones_like(fp.y_hidden))  # a slip: f'(v_i) dropped
    slipped = [gradient_check(*random_problem(h, o, seed=s)) for s in range(3) for h, o in PAIRS if h != "purelin"]
    assert min(slipped) > 1e-4
