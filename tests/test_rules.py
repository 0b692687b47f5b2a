"""The four update rules against the worked example done by hand, sympy, and finite differences of E."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop import examples
from backprop.network import Network, forward
from backprop.rules import (
    cost,
    delta_b_hidden,
    delta_b_output,
    delta_w_hidden,
    delta_w_output,
    error,
    f_prime_hidden,
    f_prime_output,
)

# The worked example written out again by hand: the test must not read it from the package.
W_IK = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]  # w11 w12 / w21 w22 / w31 w32
B_I = [0.1, 0.2, 0.3]  # b1 b2 b3
W_4I = [0.7, 0.8, 0.9]  # w41 w42 w43
B_4 = 0.4
X1, X2 = 1.0, 0.5
D = 1.0
ETA = 0.5


def by_hand() -> dict[str, float]:
    """Every quantity of one iteration, from the slides' final formulas, in plain scalar arithmetic."""
    x = [X1, X2]
    v = [W_IK[i][0] * X1 + W_IK[i][1] * X2 + B_I[i] for i in range(3)]  # v_i = w_i1 x1 + w_i2 x2 + b_i
    f = [1.0 / (1.0 + math.exp(-vi)) for vi in v]  # y_hi = f(v_i) = 1 / (1 + e^{-v_i})
    v4 = W_4I[0] * f[0] + W_4I[1] * f[1] + W_4I[2] * f[2] + B_4
    y = v4  # y = f(v_4) = v_4
    e = D - y
    out = {"v1": v[0], "v2": v[1], "v3": v[2], "y_h1": f[0], "y_h2": f[1], "y_h3": f[2],
           "v4": v4, "y": y, "e": e, "E": 0.5 * e * e}
    for i in range(3):
        out[f"Δw4{i + 1}"] = ETA * (D - y) * f[i]  # rule (1): η (d - y) f(v_i)
    out["Δb4"] = ETA * (D - y)  # rule (2): η (d - y)
    for i in range(3):
        for k in range(2):  # rule (3): η (d - y) w_4i f(v_i)(1 - f(v_i)) x_k
            out[f"Δw{i + 1}{k + 1}"] = ETA * (D - y) * W_4I[i] * f[i] * (1 - f[i]) * x[k]
    for i in range(3):  # rule (4): η (d - y) w_4i f(v_i)(1 - f(v_i))
        out[f"Δb{i + 1}"] = ETA * (D - y) * W_4I[i] * f[i] * (1 - f[i])
    return out


HAND = by_hand()


def test_worked_example_is_the_one_written_here():
    np.testing.assert_array_equal(examples.NET.w_hidden, W_IK)
    np.testing.assert_array_equal(examples.NET.b_hidden, B_I)
    np.testing.assert_array_equal(examples.NET.w_output, [W_4I])
    np.testing.assert_array_equal(examples.NET.b_output, [B_4])
    assert (examples.NET.hidden, examples.NET.output) == ("logsig", "purelin")
    np.testing.assert_array_equal(examples.X, [X1, X2])
    assert (examples.D, examples.ETA) == (D, ETA)


def test_hand_fields_are_the_round_numbers_the_docs_promise():
    assert (HAND["v1"], HAND["v2"], HAND["v3"]) == pytest.approx((0.3, 0.7, 1.1), abs=1e-15)


@pytest.fixture
def fp():
    return forward(examples.NET, examples.X)


def test_error_and_cost_by_hand(fp):
    assert error(fp, D)[0] == pytest.approx(HAND["e"], abs=1e-15)
    assert cost(fp, D) == pytest.approx(HAND["E"], abs=1e-15)
    assert f_prime_output(fp)[0] == 1.0
    f = [HAND[f"y_h{i}"] for i in (1, 2, 3)]
    np.testing.assert_allclose(f_prime_hidden(fp), [fi * (1 - fi) for fi in f], rtol=1e-15)


def test_rule_1_output_weights_by_hand(fp):
    got = delta_w_output(fp, D, ETA)
    assert got.shape == (1, 3)
    np.testing.assert_allclose(got[0], [HAND["Δw41"], HAND["Δw42"], HAND["Δw43"]], rtol=1e-14, atol=0)


def test_rule_2_output_bias_by_hand(fp):
    got = delta_b_output(fp, D, ETA)
    assert got.shape == (1,)
    assert got[0] == pytest.approx(HAND["Δb4"], rel=1e-15)


def test_rule_3_hidden_weights_by_hand(fp):
    got = delta_w_hidden(fp, D, ETA)
    assert got.shape == (3, 2)
    want = [[HAND[f"Δw{i}{k}"] for k in (1, 2)] for i in (1, 2, 3)]
    np.testing.assert_allclose(got, want, rtol=1e-14, atol=0)


def test_rule_4_hidden_biases_by_hand(fp):
    got = delta_b_hidden(fp, D, ETA)
    assert got.shape == (3,)
    np.testing.assert_allclose(got, [HAND["Δb1"], HAND["Δb2"], HAND["Δb3"]], rtol=1e-14, atol=0)


def test_rules_are_linear_in_eta(fp):
    for rule in (delta_w_output, delta_b_output, delta_w_hidden, delta_b_hidden):
        np.testing.assert_allclose(rule(fp, D, 0.25), 0.5 * rule(fp, D, 0.5), rtol=1e-15)


def test_every_rule_against_sympy_derivatives_of_E(fp):
    """Δθ = -η ∂E/∂θ with E built symbolically from the network's definition and differentiated by sympy."""
    w = sp.Matrix(3, 2, lambda i, k: sp.Symbol(f"w{i + 1}{k + 1}"))
    b = sp.Matrix(3, 1, lambda i, _: sp.Symbol(f"b{i + 1}"))
    w4 = sp.Matrix(1, 3, lambda _, i: sp.Symbol(f"w4{i + 1}"))
    b4, x1, x2, d = sp.symbols("b4 x1 x2 d")
    v = w * sp.Matrix([x1, x2]) + b
    y_h = v.applyfunc(lambda vi: 1 / (1 + sp.exp(-vi)))
    y = (w4 * y_h)[0] + b4
    E = sp.Rational(1, 2) * (d - y) ** 2
    values = {x1: X1, x2: X2, d: D, b4: B_4}
    values |= {w[i, k]: W_IK[i][k] for i in range(3) for k in range(2)}
    values |= {b[i]: B_I[i] for i in range(3)} | {w4[i]: W_4I[i] for i in range(3)}

    def minus_eta_grad(theta):
        return -ETA * float(sp.diff(E, theta).evalf(subs=values, n=30))

    assert float(E.evalf(subs=values, n=30)) == pytest.approx(cost(fp, D), rel=1e-14)
    dw4 = delta_w_output(fp, D, ETA)
    dw = delta_w_hidden(fp, D, ETA)
    db = delta_b_hidden(fp, D, ETA)
    for i in range(3):
        assert dw4[0, i] == pytest.approx(minus_eta_grad(w4[i]), rel=1e-13)
        assert db[i] == pytest.approx(minus_eta_grad(b[i]), rel=1e-13)
        for k in range(2):
            assert dw[i, k] == pytest.approx(minus_eta_grad(w[i, k]), rel=1e-13)
    assert delta_b_output(fp, D, ETA)[0] == pytest.approx(minus_eta_grad(b4), rel=1e-13)


# --- property tests: all nine activation pairs at random sizes, against central differences of E ----------

F = {  # the activations again, written independently of backprop.activations
    "logsig": lambda v: 1.0 / (1.0 + np.exp(-v)),
    "tansig": np.tanh,
    "purelin": lambda v: v,
}
NAMES = list(F)
PAIRS = [(h, o) for h in NAMES for o in NAMES]


def E_of(params: list[np.ndarray], hidden: str, output: str, x: np.ndarray, d: np.ndarray) -> float:
    w_ik, b_i, w_ji, b_j = params
    y = F[output](w_ji @ F[hidden](w_ik @ x + b_i) + b_j)
    return 0.5 * float(np.sum((d - y) ** 2))


def central_differences(params, hidden, output, x, d, h=1e-6):
    grads = []
    for p in range(4):
        g = np.zeros_like(params[p])
        for idx in np.ndindex(params[p].shape):
            plus = [a.copy() for a in params]
            minus = [a.copy() for a in params]
            plus[p][idx] += h
            minus[p][idx] -= h
            g[idx] = (E_of(plus, hidden, output, x, d) - E_of(minus, hidden, output, x, d)) / (2 * h)
        grads.append(g)
    return grads


@st.composite
def problems(draw):
    hidden, output = draw(st.sampled_from(PAIRS))
    n_in, n_hidden, n_out = draw(st.integers(1, 4)), draw(st.integers(1, 6)), draw(st.integers(1, 3))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    net = Network(
        w_hidden=rng.normal(0, 1, (n_hidden, n_in)), b_hidden=rng.normal(0, 1, n_hidden),
        w_output=rng.normal(0, 1, (n_out, n_hidden)), b_output=rng.normal(0, 1, n_out),
        hidden=hidden, output=output,
    )
    x = rng.uniform(-2, 2, n_in)
    d = rng.uniform(-2, 2, n_out)
    eta = draw(st.floats(0.01, 2.0))
    return net, x, d, eta


@settings(max_examples=60, deadline=None)
@given(problems())
def test_rules_are_minus_eta_times_finite_difference_gradient(problem):
    net, x, d, eta = problem
    fp = forward(net, x)
    params = [net.w_hidden.copy(), net.b_hidden.copy(), net.w_output.copy(), net.b_output.copy()]
    g_w_ik, g_b_i, g_w_ji, g_b_j = central_differences(params, net.hidden, net.output, x, d)
    tol = {"rtol": 1e-5, "atol": 1e-7}
    np.testing.assert_allclose(delta_w_output(fp, d, eta), -eta * g_w_ji, **tol)
    np.testing.assert_allclose(delta_b_output(fp, d, eta), -eta * g_b_j, **tol)
    np.testing.assert_allclose(delta_w_hidden(fp, d, eta), -eta * g_w_ik, **tol)
    np.testing.assert_allclose(delta_b_hidden(fp, d, eta), -eta * g_b_i, **tol)
    assert cost(fp, d) == pytest.approx(E_of(params, net.hidden, net.output, x, d), rel=1e-12, abs=1e-300)


@pytest.mark.parametrize(("hidden", "output"), PAIRS)
def test_every_pair_at_least_once(hidden, output):
    """The property test samples pairs at random; this makes sure each of the nine is checked every run."""
    rng = np.random.default_rng(len(hidden) * 7 + len(output))
    net = Network.random(3, 4, 2, seed=1, hidden=hidden, output=output)
    x, d = rng.uniform(-2, 2, 3), rng.uniform(-2, 2, 2)
    fp = forward(net, x)
    params = [net.w_hidden.copy(), net.b_hidden.copy(), net.w_output.copy(), net.b_output.copy()]
    grads = central_differences(params, hidden, output, x, d)
    rules = (delta_w_hidden, delta_b_hidden, delta_w_output, delta_b_output)
    for rule, g in zip(rules, grads):
        np.testing.assert_allclose(rule(fp, d, 0.3), -0.3 * g, rtol=1e-5, atol=1e-7)
