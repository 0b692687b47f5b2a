"""The four update rules against an independent plain-math oracle, hand values, a published example, sympy, and
finite differences of E.

The expected values for the worked example come from ``tests/support/oracle.py``, which reads the example file itself
(``backprop/example.json`` or ``$BACKPROP_EXAMPLE``) and computes with ``math``: these tests hold for any example.
"""

from __future__ import annotations

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
from tests.support import oracle

EX = oracle.load_example()  # the example file, read with json
IT = oracle.iteration(EX)  # every intermediate, by the oracle
D, ETA = EX["d"], EX["eta"]


def network_of(ex: dict) -> Network:
    return Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"],
                   hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))


# --- the oracle itself, against values known without it --------------------------------------------------


def test_oracle_reproduces_the_hand_worked_network():
    it = oracle.iteration(oracle.HAND)
    for name, want in oracle.HAND_VALUES.items():
        np.testing.assert_allclose(it[name], want, rtol=1e-15, atol=1e-15, err_msg=name)


def published_pairs(got, published):
    """(computed, printed) for every number the article prints, walking nested lists; None: not printed."""
    if isinstance(published, list):
        for g, p in zip(got, published, strict=True):
            yield from published_pairs(g, p)
    elif published is not None:
        yield got, published


def test_oracle_reproduces_mazurs_published_example():
    it = oracle.iteration(oracle.MAZUR)
    checked = 0
    for name, published in oracle.MAZUR_PUBLISHED.items():
        for value, text in published_pairs(it[name], published):
            assert oracle.as_published(value, text) == text, (name, value, text)
            checked += 1
    assert checked == 15  # every number listed above


def test_oracle_reads_the_example_file_the_package_reads():
    assert oracle.example_file().resolve() == examples.current_file().resolve()


# --- the worked example: the package against the oracle --------------------------------------------------


def test_package_holds_the_example_the_oracle_reads():
    np.testing.assert_array_equal(examples.NET.w_hidden, EX["w_hidden"])
    np.testing.assert_array_equal(examples.NET.b_hidden, EX["b_hidden"])
    np.testing.assert_array_equal(examples.NET.w_output, EX["w_output"])
    np.testing.assert_array_equal(examples.NET.b_output, EX["b_output"])
    assert (examples.NET.hidden, examples.NET.output) == (EX.get("hidden", "logsig"), EX.get("output", "purelin"))
    np.testing.assert_array_equal(examples.X, EX["x"])
    assert (examples.D, examples.ETA) == (EX["d"], EX["eta"])


def test_hidden_fields_of_a_hand_network_are_exact():
    """v_i = w_i1 x_1 + w_i2 x_2 + b_i comes out exactly where the arithmetic is exact (HAND: 1 - 1 + ln 3, ...)."""
    fp = forward(network_of(oracle.HAND), oracle.HAND["x"])
    np.testing.assert_allclose(fp.v_hidden, oracle.HAND_VALUES["v_hidden"], rtol=0, atol=1e-15)
    assert fp.v_hidden[1] == 0.0
    np.testing.assert_allclose(fp.y_hidden, oracle.HAND_VALUES["y_hidden"], rtol=1e-15)


@pytest.fixture
def fp():
    return forward(examples.NET, examples.X)


def test_error_and_cost_against_the_oracle(fp):
    assert error(fp, D)[0] == pytest.approx(IT["e"], abs=1e-15)
    assert cost(fp, D) == pytest.approx(IT["E"], abs=1e-15)
    assert f_prime_output(fp)[0] == 1.0  # purelin output: f'(v_4) = 1
    np.testing.assert_allclose(f_prime_output(fp), IT["fp_output"], rtol=1e-15)
    np.testing.assert_allclose(f_prime_hidden(fp), IT["fp_hidden"], rtol=1e-14)


def test_rule_1_output_weights_against_the_oracle(fp):
    got = delta_w_output(fp, D, ETA)
    assert got.shape == (1, 3)
    np.testing.assert_allclose(got, IT["dw_output"], rtol=1e-14, atol=0)


def test_rule_2_output_bias_against_the_oracle(fp):
    got = delta_b_output(fp, D, ETA)
    assert got.shape == (1,)
    assert got[0] == pytest.approx(IT["db_output"][0], rel=1e-15)


def test_rule_3_hidden_weights_against_the_oracle(fp):
    got = delta_w_hidden(fp, D, ETA)
    assert got.shape == (3, 2)
    np.testing.assert_allclose(got, IT["dw_hidden"], rtol=1e-14, atol=0)


def test_rule_4_hidden_biases_against_the_oracle(fp):
    got = delta_b_hidden(fp, D, ETA)
    assert got.shape == (3,)
    np.testing.assert_allclose(got, IT["db_hidden"], rtol=1e-14, atol=0)


@pytest.mark.parametrize("ex", [oracle.HAND, oracle.MAZUR], ids=["hand", "mazur"])
def test_every_rule_on_fixed_networks(ex):
    """The four rules on the hand-worked network and on Mazur's, where the oracle is checked above."""
    it = oracle.iteration(ex)
    want = oracle.HAND_VALUES if ex is oracle.HAND else it
    fp = forward(network_of(ex), ex["x"])
    d = np.atleast_1d(ex["d"]) if isinstance(ex["d"], list) else ex["d"]
    np.testing.assert_allclose(delta_w_output(fp, d, ex["eta"]), want["dw_output"], rtol=1e-14)
    np.testing.assert_allclose(delta_b_output(fp, d, ex["eta"]), want["db_output"], rtol=1e-14)
    np.testing.assert_allclose(delta_w_hidden(fp, d, ex["eta"]), want["dw_hidden"], rtol=1e-14)
    np.testing.assert_allclose(delta_b_hidden(fp, d, ex["eta"]), want["db_hidden"], rtol=1e-14)
    assert cost(fp, d) == pytest.approx(want["E"], rel=1e-15)


def test_rules_are_linear_in_eta(fp):
    for rule in (delta_w_output, delta_b_output, delta_w_hidden, delta_b_hidden):
        np.testing.assert_allclose(rule(fp, D, 0.25), 0.5 * rule(fp, D, 0.5), rtol=1e-15)


SYMPY_F = {"logsig": lambda v: 1 / (1 + sp.exp(-v)), "tansig": sp.tanh, "purelin": lambda v: v}


def test_every_rule_against_sympy_derivatives_of_E(fp):
    """Δθ = -η ∂E/∂θ with E built symbolically from the network's definition and differentiated by sympy."""
    w = sp.Matrix(3, 2, lambda i, k: sp.Symbol(f"w{i + 1}{k + 1}"))
    b = sp.Matrix(3, 1, lambda i, _: sp.Symbol(f"b{i + 1}"))
    w4 = sp.Matrix(1, 3, lambda _, i: sp.Symbol(f"w4{i + 1}"))
    b4, x1, x2, d = sp.symbols("b4 x1 x2 d")
    v = w * sp.Matrix([x1, x2]) + b
    y_h = v.applyfunc(SYMPY_F[EX.get("hidden", "logsig")])
    y = SYMPY_F[EX.get("output", "purelin")]((w4 * y_h)[0] + b4)
    E = sp.Rational(1, 2) * (d - y) ** 2
    values = {x1: EX["x"][0], x2: EX["x"][1], d: D, b4: EX["b_output"][0]}
    values |= {w[i, k]: EX["w_hidden"][i][k] for i in range(3) for k in range(2)}
    values |= {b[i]: EX["b_hidden"][i] for i in range(3)} | {w4[i]: EX["w_output"][0][i] for i in range(3)}

    def minus_eta_grad(theta):
        return -ETA * float(sp.diff(E, theta).evalf(subs=values, n=30))

    assert float(E.evalf(subs=values, n=30)) == pytest.approx(cost(fp, D), rel=1e-14)
    dw4 = delta_w_output(fp, D, ETA)
    dw = delta_w_hidden(fp, D, ETA)
    db = delta_b_hidden(fp, D, ETA)
    for i in range(3):
        assert dw4[0, i] == pytest.approx(minus_eta_grad(w4[i]), rel=1e-13, abs=1e-300)
        assert db[i] == pytest.approx(minus_eta_grad(b[i]), rel=1e-13, abs=1e-300)
        for k in range(2):
            assert dw[i, k] == pytest.approx(minus_eta_grad(w[i, k]), rel=1e-13, abs=1e-300)
    assert delta_b_output(fp, D, ETA)[0] == pytest.approx(minus_eta_grad(b4), rel=1e-13, abs=1e-300)


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
