"""The four update rules against an independent plain-math oracle, hand values, a published example, sympy, and
finite differences of E.

The expected values for the worked example come from ``tests/support/oracle.py``, which reads the example file itself
(``backprop/example.json`` or ``$BACKPROP_EXAMPLE``) and computes with ``math``: these tests hold for any example.
"""

from __future__ import annotations

import inspect
import math
import random

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop import examples, rules
from backprop.network import ForwardPass, Network, forward
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


@pytest.mark.parametrize("hidden, output, n_out", [("logsig", "purelin", 1), ("tansig", "logsig", 2)])
def test_each_local_gradient_is_one_product_that_rules_3_and_4_share(hidden, output, n_out):
    """δ_i = [Σ_j δ_j w_ji] f'(v_i) is computed once and both hidden rules take it, so where x_1 = 1 the update
    Δb_i = η δ_i is Δw_i1 = η δ_i x_1 to the bit (a code review found them a last bit apart in 132 of 200 random
    networks while rule 4 grouped (η Σ) f'); the homework trace (`rules`) and the catalogue's iteration with no
    slip (`_trace.updates`) agree to the bit on every step, E of several outputs included."""
    from backprop import homework
    from backprop._trace import iteration

    rng = random.Random(41)
    for seed in range(100):
        net = Network.random(2, 3, n_out, seed=seed, hidden=hidden, output=output)
        x, d, eta = np.array([1.0, rng.uniform(-2, 2)]), np.array([rng.uniform(-2, 2) for _ in range(n_out)]), 0.37
        fp = forward(net, x)
        np.testing.assert_array_equal(delta_b_hidden(fp, d, eta), delta_w_hidden(fp, d, eta)[:, 0])
        assert homework.trace(net, x, d, eta) == iteration(net, x, d, eta)
        assert cost(fp, d) == homework.trace(net, x, d, eta)["E"]


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


# --- the equations the docstrings show (the API reference renders them) ---------------------------------
#
# Each entry: the object whose docstring shows the TeX (asserted to be there, verbatim), the public function that
# computes what it states, the networks it is stated for ("general": two outputs with a nonlinear output activation,
# so f'(v_j) and the sum over j matter; "slides": 2-3-1, logsig hidden, linear output), and the TeX written again in
# plain math over the oracle's forward pass (q below), never from backprop.

def plain_problem(seed: int, hidden: str, output: str, n_out: int) -> dict:
    rng = random.Random(seed)
    u = lambda: rng.uniform(-1.5, 1.5)  # noqa: E731
    return {"w_hidden": [[u(), u()] for _ in range(3)], "b_hidden": [u() for _ in range(3)],
            "w_output": [[u() for _ in range(3)] for _ in range(n_out)], "b_output": [u() for _ in range(n_out)],
            "hidden": hidden, "output": output, "x": [rng.uniform(-2, 2) for _ in range(2)],
            "d": [rng.uniform(-1, 1) for _ in range(n_out)], "eta": rng.uniform(0.05, 1.5)}


GENERAL = [plain_problem(s, h, o, 2) for s, (h, o) in enumerate([("logsig", "tansig"), ("tansig", "logsig"),
                                                                    ("logsig", "logsig")])]
SLIDES = [plain_problem(10 + s, "logsig", "purelin", 1) for s in range(3)]


def quantities(ex: dict) -> dict:
    """The oracle's forward pass and the factors the docstrings name, in plain math."""
    fp = oracle.forward(ex)
    q = {"x": fp["x"], "d": ex["d"], "eta": ex["eta"], "v_i": fp["v_hidden"], "y_hi": fp["y_hidden"],
         "y_j": fp["y_output"], "w_ji": ex["w_output"], "I": range(3), "K": range(2), "J": range(len(ex["d"]))}
    q["fp_i"] = [oracle.F_PRIME_FROM_Y[ex["hidden"]](y) for y in q["y_hi"]]
    q["fp_j"] = [oracle.F_PRIME_FROM_Y[ex["output"]](y) for y in q["y_j"]]
    q["e_j"] = [q["d"][j] - q["y_j"][j] for j in q["J"]]
    return q


def back_sum(q: dict, i: int) -> float:
    """sum_j e_j(n) f'(v_j(n)) w_ji(n)"""
    return sum(q["e_j"][j] * q["fp_j"][j] * q["w_ji"][j][i] for j in q["J"])


f_logsig = oracle.F["logsig"]

DOCSTRING_EQUATIONS = [
    (rules, r"$E(n) = \tfrac12 \sum_j e_j(n)^2$", cost, "general",
     lambda q: 0.5 * sum((q["d"][j] - q["y_j"][j]) ** 2 for j in q["J"])),
    (rules, r"$e_j(n) = d_j(n) - y_j(n)$", error, "general", lambda q: [q["d"][j] - q["y_j"][j] for j in q["J"]]),
    (rules, r"The slides have a single linear output ($j = 4$, $f'(v_4) = 1$)", f_prime_output, "slides",
     lambda q: [1.0]),
    (error, r"$e_j(n) = d_j(n) - y_j(n)$", error, "general", lambda q: [q["d"][j] - q["y_j"][j] for j in q["J"]]),
    (cost, r"$E(n) = \tfrac12 \sum_j e_j(n)^2$", cost, "general",
     lambda q: 0.5 * sum((q["d"][j] - q["y_j"][j]) ** 2 for j in q["J"])),
    (cost, r"(the slides' $\tfrac12 e(n)^2$)", cost, "slides", lambda q: 0.5 * (q["d"][0] - q["y_j"][0]) ** 2),
    (f_prime_hidden, r"for logsig $f(v_i)(1 - f(v_i))$", f_prime_hidden, "slides",
     lambda q: [f_logsig(v) * (1 - f_logsig(v)) for v in q["v_i"]]),
    (delta_w_output, r"$\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, y_{hi}(n)$", delta_w_output, "general",
     lambda q: [[q["eta"] * q["e_j"][j] * q["fp_j"][j] * q["y_hi"][i] for i in q["I"]] for j in q["J"]]),
    (delta_w_output, r"$\eta\,(d(n) - y(n))\, f(v_i(n))$", delta_w_output, "slides",
     lambda q: [[q["eta"] * (q["d"][0] - q["y_j"][0]) * f_logsig(q["v_i"][i]) for i in q["I"]]]),
    (delta_b_output, r"$\Delta b_j(n) = \eta\, e_j(n)\, f'(v_j(n)) \cdot 1$", delta_b_output, "general",
     lambda q: [q["eta"] * q["e_j"][j] * q["fp_j"][j] * 1 for j in q["J"]]),
    (delta_b_output, r"$\eta\,(d(n) - y(n))$", delta_b_output, "slides",
     lambda q: [q["eta"] * (q["d"][0] - q["y_j"][0])]),
    (delta_w_hidden, r"$\Delta w_{ik}(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n))\, x_k(n)$",
     delta_w_hidden, "general",
     lambda q: [[q["eta"] * back_sum(q, i) * q["fp_i"][i] * q["x"][k] for k in q["K"]] for i in q["I"]]),
    (delta_w_hidden, r"$\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))\, x_k(n)$", delta_w_hidden,
     "slides", lambda q: [[q["eta"] * (q["d"][0] - q["y_j"][0]) * q["w_ji"][0][i] * f_logsig(q["v_i"][i])
                           * (1 - f_logsig(q["v_i"][i])) * q["x"][k] for k in q["K"]] for i in q["I"]]),
    (delta_b_hidden, r"$\Delta b_i(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n)) \cdot 1$",
     delta_b_hidden, "general", lambda q: [q["eta"] * back_sum(q, i) * q["fp_i"][i] * 1 for i in q["I"]]),
    (delta_b_hidden, r"$\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))$", delta_b_hidden, "slides",
     lambda q: [q["eta"] * (q["d"][0] - q["y_j"][0]) * q["w_ji"][0][i] * f_logsig(q["v_i"][i])
                * (1 - f_logsig(q["v_i"][i])) for i in q["I"]]),
]


def computes(fn, formula, ex: dict) -> bool:
    """``fn`` (a public function of backprop.rules) gives what ``formula`` states on the problem ``ex``."""
    fp = forward(network_of(ex), ex["x"])
    args = {"error": (fp, ex["d"]), "cost": (fp, ex["d"]), "f_prime_output": (fp,), "f_prime_hidden": (fp,)}
    got = fn(*args.get(fn.__name__, (fp, ex["d"], ex["eta"])))
    return np.allclose(got, formula(quantities(ex)), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(("obj", "tex", "fn", "where", "formula"), DOCSTRING_EQUATIONS,
                         ids=[f"{getattr(e[0], '__name__', 'module')}-{i}" for i, e in enumerate(DOCSTRING_EQUATIONS)])
def test_each_docstring_equation_is_shown_and_computed(obj, tex, fn, where, formula):
    assert tex in " ".join(inspect.getdoc(obj).split()), f"the docstring no longer shows {tex}"
    for ex in GENERAL if where == "general" else SLIDES:
        assert computes(fn, formula, ex), f"{tex}: not what {fn.__name__} computes ({ex['hidden']}, {ex['output']})"


def test_the_docstring_equation_check_can_fail():
    """A transcription with one slip (a factor dropped, the sum's f'(v_j) left out, y_hi for f(v_i)) is refused."""
    wrong = [
        (delta_w_output, lambda q: [[q["eta"] * q["e_j"][j] * q["y_hi"][i] for i in q["I"]] for j in q["J"]]),
        (delta_b_hidden, lambda q: [q["eta"] * sum(q["e_j"][j] * q["w_ji"][j][i] for j in q["J"]) * q["fp_i"][i]
                                    for i in q["I"]]),
        (error, lambda q: [q["y_j"][j] - q["d"][j] for j in q["J"]]),
        (cost, lambda q: sum((q["d"][j] - q["y_j"][j]) ** 2 for j in q["J"])),
    ]
    for fn, formula in wrong:
        assert not computes(fn, formula, GENERAL[0]), fn.__name__
    assert not computes(delta_w_hidden, lambda q: [[q["eta"] * (q["d"][0] - q["y_j"][0]) * q["w_ji"][0][i]
                                                     * q["x"][k] for k in q["K"]] for i in q["I"]], SLIDES[0])


def test_every_rule_is_minus_eta_times_the_gradient_as_the_module_docstring_says():
    r"""$\Delta = -\eta\,\partial E(n)/\partial(\text{parameter})$, against central differences of the oracle's E."""
    assert r"returns $\Delta = -\eta\,\partial E(n)/\partial(\text{parameter})$" in " ".join(rules.__doc__.split())
    h = 1e-6
    for ex in GENERAL + SLIDES:
        fp = forward(network_of(ex), ex["x"])
        for name, rule in [("w_hidden", delta_w_hidden), ("b_hidden", delta_b_hidden),
                           ("w_output", delta_w_output), ("b_output", delta_b_output)]:
            got = rule(fp, ex["d"], ex["eta"])
            for idx in np.ndindex(got.shape):
                costs = []
                for sign in (1, -1):
                    moved = json_copy(ex)
                    row = moved[name] if len(idx) == 1 else moved[name][idx[0]]
                    row[idx[-1]] += sign * h
                    costs.append(oracle.cost(moved, oracle.forward(moved)["y_output"]))
                gradient = (costs[0] - costs[1]) / (2 * h)
                assert math.isclose(got[idx], -ex["eta"] * gradient, rel_tol=1e-6, abs_tol=1e-9), (name, idx)


def json_copy(ex: dict) -> dict:
    return {k: [list(r) if isinstance(r, list) else r for r in v] if isinstance(v, list) else v for k, v in ex.items()}


@pytest.mark.parametrize("rule", [delta_w_output, delta_b_output, delta_w_hidden, delta_b_hidden])
@pytest.mark.parametrize("instead", [examples.NET, None, {"y_output": [0.5]}], ids=["Network", "None", "dict"])
def test_a_rule_given_no_forward_pass_names_fp(rule, instead):
    """A Network where the forward pass goes (a slip the reference page warns of) raised AttributeError: 'Network'
    object has no attribute 'net', from inside the package; each public function now names its argument."""
    with pytest.raises(TypeError, match=rf"^fp must be a ForwardPass, the result of backprop.forward\(net, x\); "
                                        rf"got {type(instead).__name__}$"):
        rule(instead, examples.D, examples.ETA)


@pytest.mark.parametrize("call", [lambda fp: error(fp, 1.0), lambda fp: cost(fp, 1.0), f_prime_output,
                                  f_prime_hidden], ids=["error", "cost", "f_prime_output", "f_prime_hidden"])
def test_the_rules_factors_given_no_forward_pass_name_fp(call):
    with pytest.raises(TypeError, match=r"^fp must be a ForwardPass.*; got Network$"):
        call(examples.NET)


# --- what the review found: an overflow named, a ForwardPass built by hand checked -------------------------------


def test_a_rule_or_the_cost_that_overflows_names_it(recwarn):
    """Finite inputs whose result passes a double's range in plain math: cost with d = 1e200 (E = e^2 / 2 with e about
    1e200) gave inf, delta_w_hidden with d = -1e308 and eta = 1e308 gave -inf, each with numpy's RuntimeWarning; each
    now raises the FloatingPointError step raises, naming the function and its result, with no warning."""
    fp = forward(examples.NET, examples.X)
    y = IT["y_output"][0]
    assert math.isinf((1e200 - y) * (1e200 - y) / 2)  # the premise, in plain math
    with pytest.raises(FloatingPointError, match=r"^cost overflows: E is inf, though every input is finite: its "
                                                 r"arithmetic passes a double's range \(about ±1\.8e\+308\); choose "
                                                 r"a d nearer the output y$"):
        cost(fp, 1e200)
    assert math.isinf(1e308 * (-1e308 - y))  # eta e, a factor of every update
    with pytest.raises(FloatingPointError, match=r"^delta_w_hidden overflows: Δw_ik is -?inf at index \(0, 0\), "
                                                 r"though every input is finite: .*choose a smaller eta "
                                                 r"\(got 1e\+308\) or smaller inputs$"):
        delta_w_hidden(fp, -1e308, 1e308)
    for rule, name in [(delta_w_output, "Δw_ji"), (delta_b_output, "Δb_j"), (delta_b_hidden, "Δb_i")]:
        with pytest.raises(FloatingPointError, match=rf"^{rule.__name__} overflows: {name} is "):
            rule(fp, -1e308, 1e308)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    assert np.isfinite(delta_w_hidden(fp, -1e100, 1e100)).all()  # 1e200: within range, no error
    with np.errstate(over="ignore", invalid="ignore"):  # the caller asks for the infinity (the module docstring)
        assert math.isinf(cost(fp, 1e200))
    assert 'np.errstate(over="ignore")' in " ".join(rules.__doc__.split())


def hand_built(**fields) -> ForwardPass:
    """The worked example's forward pass, built field by field as a user may, from the oracle's plain-math values."""
    values = {"x": list(EX["x"]), "v_hidden": IT["v_hidden"], "y_hidden": IT["y_hidden"], "v_output": IT["v_output"],
              "y_output": IT["y_output"]}
    return ForwardPass(examples.NET, **(values | fields))


def test_a_forward_pass_built_by_hand_is_checked_field_by_field():
    """The rules took a hand-built ForwardPass as it came: a nan field gave every update nan, silently, and a field of
    the wrong length numpy's broadcast error from inside rules.py. Each field is now checked against fp.net's sizes
    and for finite numbers, the message naming the field; a right one, as lists, gives forward's values."""
    right = delta_w_hidden(hand_built(), D, ETA)
    np.testing.assert_allclose(right, IT["dw_hidden"], rtol=1e-13)
    with pytest.raises(ValueError, match=r"^fp\.y_hidden must be finite, found nan at index \(0,\)$"):
        delta_w_hidden(hand_built(y_hidden=[math.nan, 0.5, 0.5], y_output=[math.nan]), 2, 0.1)
    with pytest.raises(ValueError, match=r"^fp\.y_hidden has shape \(2,\), expected \(3,\) \(axis 0 should be 3: "
                                         r"fp\.net has 3 hidden neurons\)$"):
        delta_w_hidden(hand_built(y_hidden=[0.5, 0.5]), D, ETA)
    with pytest.raises(ValueError, match=r"^fp\.x has shape \(3,\), expected \(2,\) .*fp\.net has 2 inputs\)$"):
        delta_b_output(hand_built(x=[1.0, 2.0, 3.0]), D, ETA)
    with pytest.raises(ValueError, match=r"^fp\.v_output must be finite, found inf"):
        error(hand_built(v_output=[math.inf]), D)
    with pytest.raises(TypeError, match=r"^fp\.y_output must be numeric, found text '0\.5'"):
        f_prime_output(hand_built(y_output=["0.5"]))
    with pytest.raises(TypeError, match=r"^fp\.net must be a Network, got dict$"):
        cost(ForwardPass({}, [1.0], [1.0], [1.0], [1.0], [1.0]), D)
    # a slope that overflows from a hand-built output: y (1 - y) for logsig, 1 - y^2 for tansig, of y = 1e200
    assert math.isinf(1e200 * (1 - 1e200)) and math.isinf(1 - 1e200 * 1e200)
    if examples.NET.hidden in ("logsig", "tansig"):
        with pytest.raises(FloatingPointError, match=r"^f_prime_hidden overflows: f'\(v_i\) is -inf at index \(0,\)"):
            f_prime_hidden(hand_built(y_hidden=[1e200, 0.5, 0.5]))


def test_a_forward_pass_built_by_hand_is_not_modified():
    y_hidden = np.array([math.nan, 0.5, 0.5])
    with pytest.raises(ValueError):
        delta_b_hidden(hand_built(y_hidden=y_hidden), D, ETA)
    assert math.isnan(y_hidden[0]) and y_hidden.flags.writeable
    fp = forward(examples.NET, examples.X)  # forward's own fields cannot be changed behind the rules' back
    with pytest.raises(ValueError, match="read-only"):
        fp.y_hidden[0] = math.nan
