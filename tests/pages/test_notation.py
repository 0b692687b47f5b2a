"""Page: notation (docs/notation.md).

For whatever worked example is in use (``backprop/example.json`` or ``$BACKPROP_EXAMPLE``), every number this page
prints about it (the matrix form's values, the batch form's outputs) and its symbol table's package expressions are
compared with an independent computation: plain ``math`` loops in the slides' index notation
(``tests/support/oracle.py`` and ``tests/support/reference_net.py``), never the package. No value of the example is
typed here. The matrix form is checked against the index form, and scikit-learn's layout against a real
``MLPRegressor``.

The text checked is the page's Markdown with each ``exec`` block replaced by what it prints, run in this process
(fast, and for any example: ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json pytest
tests/pages/test_notation.py``). Its built HTML (the same numbers, figures with text alternatives) is checked in
test_built_pages.py. The equation checks at the end tie its displays, its index-form / matrix-form table, the
formulas of other books and libraries and its symbol table to the page's text and check them with sympy
(``tests/support/symbolic.py``), numpy transcriptions and the oracle."""

from __future__ import annotations

import ast
import inspect
import re
import warnings
from functools import cache

import numpy as np
import pytest
import sympy as sp

from backprop import Network
from tests.support import oracle
from tests.support.check_words import ONE_SATURATED
from tests.support.pages import (
    given,
    markdown_displays,
    markdown_inline_expressions,
    markdown_says,
    norm_tex,
    numbers_in,
    page_text,
    prose,
    s6,
    six,
    table_rows,
)
from tests.support.reference_net import ETA, EX, ORDER, WORKED, D, F, X, forward, updates
from tests.support.snippets import DOCS, pages_with, prose_with
from tests.support.symbolic import ETA_S, SymbolicNet

# ---------------------------------------------------------------------------------------------
# Notation: the matrix form equals the index form; scikit-learn stores the transpose
# ---------------------------------------------------------------------------------------------


def matrix_form(p: dict, x, d, eta) -> dict:
    """The notation page's formulas, in numpy: delta2 = e * f'(v2), delta1 = f'(v1) * (W2^T delta2)."""
    f_h, df_h = F[p["hidden"]]
    f_o, df_o = F[p["output"]]
    W1, b1, W2, b2 = (np.array(p[k], dtype=float) for k in ("w_hidden", "b_hidden", "w_output", "b_output"))
    x, d = np.array(x, dtype=float), np.array(d, dtype=float)
    y_h = np.vectorize(f_h)(W1 @ x + b1)
    y = np.vectorize(f_o)(W2 @ y_h + b2)
    delta2 = (d - y) * np.vectorize(df_o)(y)
    delta1 = np.vectorize(df_h)(y_h) * (W2.T @ delta2)
    return {"w_output": eta * np.outer(delta2, y_h), "b_output": eta * delta2,
            "w_hidden": eta * np.outer(delta1, x), "b_hidden": eta * delta1}


@pytest.mark.parametrize("hidden", ["logsig", "tansig", "purelin"])
@pytest.mark.parametrize("output", ["logsig", "tansig", "purelin"])
def test_matrix_form_equals_index_form(hidden, output):
    rng = np.random.default_rng(7)
    for n_in, n_hidden, n_out in [(2, 3, 1), (3, 4, 2), (1, 2, 3)]:
        p = Network.random(n_in, n_hidden, n_out, seed=int(rng.integers(1000)), hidden=hidden, output=output).to_dict()
        x, d = rng.uniform(-2, 2, n_in).tolist(), rng.uniform(-1, 1, n_out).tolist()
        by_matrix = matrix_form(p, x, d, 0.3)
        by_index = updates(p, x, d, 0.3)
        for name in ORDER:
            np.testing.assert_allclose(by_matrix[name], np.array(by_index[name]), rtol=1e-12, atol=1e-15)


def check_value_column(text: str, m: dict) -> None:
    """The value column: every array entry with the site's 6 decimals, never a negative zero; below 10^-5 (a
    reviewer's saturated neuron: [[-0.000001, 0.000000], ...] for -6.4e-7 and -4.8e-7) with two significant digits,
    as the blocks print such a value. ``m`` is the oracle's matrix form."""
    cells = re.findall(r"\| `(\[.*?\])` \|", text)
    assert len(cells) == 4
    number = r"-?\d+\.\d+(?:e[-+]\d+)?"
    for cell in cells:
        for n in re.findall(number, cell):
            assert re.fullmatch(r"-?\d+\.\d{6}|-?\d\.\de-\d\d", n) and not re.fullmatch(r"-0\.0+", n), (n, cell)
    for name, cell in zip(ORDER, cells):  # in the page's order: rules (1) to (4), row by row
        assert re.findall(number, cell) == [f"{v:.1e}" if oracle.in_scientific(v) else s6(v)
                                            for v in np.ravel(m[name])], name


SATURATED_ONE = {**oracle.shipped(), "w_hidden": [[4.0, 6.0], [-6.0, 0.0], [0.2, -0.3]], "b_hidden": [1.0, 0.5, 0.0],
                 "w_output": [[2.0, -1.5, 0.8]], "b_output": [-0.5], "x": [1.2, 0.9], "d": 1.5, "eta": 0.05}


def test_notation_page_writes_tiny_matrix_entries_with_two_digits(tmp_path):
    ex = SATURATED_ONE
    m = matrix_form(ex, ex["x"], [ex["d"]], ex["eta"])
    assert any(oracle.in_scientific(v) for v in np.ravel(m["w_hidden"]))  # the premise: a tiny ΔW^(1) entry
    check_value_column(pages_with(tmp_path, ex, ("notation",))["notation"], m)


def test_notation_page_shows_the_matrix_form_values():
    text = page_text("notation")
    shown = numbers_in(text)
    m = matrix_form(WORKED, X, D, ETA)
    delta2, delta1 = m["b_output"] / ETA, m["b_hidden"] / ETA
    # the local gradients in the sentence, as formulas write them (two significant digits below 10^-5), the arrays'
    # entries in the table with six decimals
    written = {name: ", ".join(oracle.formula_string(v) for v in values) for name, values in (("2", delta2),
                                                                                            ("1", delta1))}
    assert f"$\\delta^{{(2)}} = [{written['2']}]$, $\\delta^{{(1)}} = [{written['1']}]$" in text
    entries = np.concatenate([m[k].ravel() for k in ORDER])
    assert six(v for v in entries if not oracle.in_scientific(v)) <= shown
    assert f"With the example's `{WORKED['hidden']}` hidden layer" in text
    check_value_column(text, m)
    # and the batch form's outputs: y for three inputs, from the index-form forward pass, with its activation's name
    others = [x for x in ([0.0, 0.0], [-1.0, 2.0], [1.0, 1.0]) if x != list(X)][:2]  # three samples, not X twice
    ys = [forward(WORKED, x)[1][0] for x in (X, *others)]
    (a, b), (c, d), (g, h) = [[given(v) for v in x] for x in (X, *others)]  # a TA: the inputs were not named
    assert f"`X` holds one input per row: $({a}, {b})$, $({c}, {d})$ and $({g}, {h})$; the first is the " \
           f"worked example's. Batch form `{WORKED['hidden']}(X @ w_hidden.T + b_hidden) @ w_output.T + b_output`: " \
           f"{', '.join(s6(y) for y in ys)};" in prose("notation")


def test_sklearn_stores_the_transpose():
    """A real MLPRegressor: coefs_[0] is (n_in, n_hidden), and our weights transposed reproduce our outputs."""
    sklearn_nn = pytest.importorskip("sklearn.neural_network")
    from sklearn.exceptions import ConvergenceWarning

    activation = {"logsig": "logistic", "tansig": "tanh"}[WORKED["hidden"]]  # the example's, in sklearn's name
    rng = np.random.default_rng(0)
    Xs = rng.uniform(-1, 1, (20, 2))
    model = sklearn_nn.MLPRegressor(hidden_layer_sizes=(3,), activation=activation, max_iter=1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(Xs, Xs[:, 0])
    assert model.coefs_[0].shape == (2, 3) and model.coefs_[1].shape == (3, 1)
    assert np.array(WORKED["w_hidden"]).shape == (3, 2)
    model.coefs_ = [np.array(WORKED["w_hidden"], dtype=float).T, np.array(WORKED["w_output"], dtype=float).T]
    model.intercepts_ = [np.array(WORKED["b_hidden"], dtype=float), np.array(WORKED["b_output"], dtype=float)]
    np.testing.assert_allclose(model.predict(Xs), [forward(WORKED, x.tolist())[1][0] for x in Xs], rtol=1e-12)
    # and the page says so
    assert re.search(r"`coefs_\[0\]` = `w_hidden\.T` \| \(2, 3\)", page_text("notation"))



# ---------------------------------------------------------------------------------------------
# Every equation the page shows, tied to the page text: display equations (the page's displays are exactly the
# listed ones) and inline statements of fact, checked with sympy (derivatives of a symbolic network) or the oracle.
# ---------------------------------------------------------------------------------------------

NOTATION_DISPLAYS = [
    r"W^{(1)} = [w_{ik}] = \begin{bmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \\ w_{31} & w_{32} \end{bmatrix}, "
    r"\qquad b^{(1)} = \begin{bmatrix} b_1 \\ b_2 \\ b_3 \end{bmatrix},",
    r"W^{(2)} = [w_{ji}] = \begin{bmatrix} w_{41} & w_{42} & w_{43} \end{bmatrix}, "
    r"\qquad b^{(2)} = \begin{bmatrix} b_4 \end{bmatrix}.",
]
# The index-form / matrix-form table, row by row as the page writes it.
NOTATION_TABLE = [
    ("hidden field", r"$v_i = \sum_k w_{ik} x_k + b_i$", r"$v^{(1)} = W^{(1)} x + b^{(1)}$"),
    ("hidden output", r"$y_{hi} = f(v_i)$", r"$y_h = f(v^{(1)})$"),
    ("output field", r"$v_j = \sum_i w_{ji} y_{hi} + b_j$", r"$v^{(2)} = W^{(2)} y_h + b^{(2)}$"),
    ("output, error", r"$y_j = f(v_j)$, $e_j = d_j - y_j$", r"$y = f(v^{(2)})$, $e = d - y$"),
    ("output local gradient", r"$\delta_j = e_j\, f'(v_j)$", r"$\delta^{(2)} = e \odot f'(v^{(2)})$"),
    ("hidden local gradient", r"$\delta_i = f'(v_i) \sum_j w_{ji}\, \delta_j$",
     r"$\delta^{(1)} = f'(v^{(1)}) \odot \big(W^{(2)\top} \delta^{(2)}\big)$"),
    ("rule (1)", r"$\Delta w_{ji} = \eta\, \delta_j\, y_{hi}$", r"$\Delta W^{(2)} = \eta\, \delta^{(2)} y_h^\top$"),
    ("rule (2)", r"$\Delta b_j = \eta\, \delta_j$", r"$\Delta b^{(2)} = \eta\, \delta^{(2)}$"),
    ("rule (3)", r"$\Delta w_{ik} = \eta\, \delta_i\, x_k$", r"$\Delta W^{(1)} = \eta\, \delta^{(1)} x^\top$"),
    ("rule (4)", r"$\Delta b_i = \eta\, \delta_i$", r"$\Delta b^{(1)} = \eta\, \delta^{(1)}$"),
]


def test_notation_page_shows_exactly_the_checked_display_equations():
    assert markdown_displays("notation") == [norm_tex(tex) for tex in NOTATION_DISPLAYS]


def test_notation_matrices_are_the_oracles_forward_pass():
    """The page's bmatrix layouts (read from the page's TeX) give the oracle's fields: W^(1) x + b^(1) = v_i and
    W^(2) y_h + b^(2) = v_4, for the example in use."""
    it = oracle.iteration(EX)
    values = {f"w_{{{i + 1}{k + 1}}}": WORKED["w_hidden"][i][k] for i in range(3) for k in range(2)}
    values |= {f"w_{{4{i + 1}}}": WORKED["w_output"][0][i] for i in range(3)}
    values |= {f"b_{i + 1}": WORKED["b_hidden"][i] for i in range(3)} | {"b_4": WORKED["b_output"][0]}
    W1, b1, W2, b2 = (np.array([[values[c.strip()] for c in row.split("&")] for row in body.split(r"\\")])
                      for tex in NOTATION_DISPLAYS
                      for body in re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", tex))
    np.testing.assert_allclose(W1 @ np.array(X) + b1.ravel(), it["v_hidden"], rtol=1e-12)
    np.testing.assert_allclose(W2 @ np.array(it["y_hidden"]) + b2.ravel(), it["v_output"], rtol=1e-12)
    assert not np.allclose(W1[::-1] @ np.array(X) + b1.ravel(), it["v_hidden"])  # the check can fail


def test_notation_table_is_the_checked_index_and_matrix_forms():
    """The rows as listed; each index form is the oracle's (plain math), each matrix form its numpy transcription,
    on a 2-output network with a tansig output, so that no factor hides behind a 1 and the sum over j has two terms."""
    text = (DOCS / "notation.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z(), 0-9]+) \| (.*?) \| (.*?) \|$", text, re.M)
    assert [r for r in rows if r[0] in {name for name, *_ in NOTATION_TABLE}] == NOTATION_TABLE
    p = Network.random(2, 3, 2, seed=4, hidden="logsig", output="tansig").to_dict()
    ex = {**p, "x": [0.7, -1.2], "d": [0.3, -0.5], "eta": 0.2}
    it = oracle.iteration(ex)
    W1, b1, W2, b2 = (np.array(p[k], dtype=float) for k in ("w_hidden", "b_hidden", "w_output", "b_output"))
    x, d, eta = np.array(ex["x"]), np.array(ex["d"]), ex["eta"]
    v1 = W1 @ x + b1
    y_h = 1 / (1 + np.exp(-v1))
    v2 = W2 @ y_h + b2
    y = np.tanh(v2)
    e = d - y
    delta2 = e * (1 - np.tanh(v2) ** 2)
    delta1 = (y_h * (1 - y_h)) * (W2.T @ delta2)
    for ours, theirs in [(v1, it["v_hidden"]), (y_h, it["y_hidden"]), (v2, it["v_output"]), (e, it["e"]),
                         (delta2, it["delta_output"]), (delta1, it["delta_hidden"]),
                         (eta * np.outer(delta2, y_h), it["dw_output"]), (eta * delta2, it["db_output"]),
                         (eta * np.outer(delta1, x), it["dw_hidden"]), (eta * delta1, it["db_hidden"])]:
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)
    assert not np.allclose(delta1, (y_h * (1 - y_h)) * (W2.T @ delta2)[::-1])  # the check can fail


def test_notation_local_gradients_are_minus_dE_dv():
    """delta_j = -dE/dv_j and delta_i = -dE/dv_i; with the linear output delta_4 = e, and the slides' rule (3) is
    eta delta_i x_k; E = e^2/2 is e^T e / 2."""
    for sentence in [r"$\delta_j = -\partial E/\partial v_j$ and $\delta_i = -\partial E/\partial v_i$",
                     r"With the slides' linear output $\delta_4 = e$, and rule (3) of the slides, for their logistic "
                     r"hidden neurons, $\eta\, e\, w_{4i}\, f(v_i)(1 - f(v_i))\, x_k$, is $\eta\, \delta_i\, x_k$",
                     r"| $E = \tfrac12 e^2$ (the slides' $E_j = \tfrac12 e_j^2$) | $E = \tfrac12 e^\top e$ |"]:
        assert markdown_says("notation", sentence), sentence
    for output, n_out in [("tansig", 2), ("purelin", 1)]:
        net = SymbolicNet(n_out=n_out, output=output)
        s = {j: sp.Symbol(f"s_{j}") for j in [1, 2, 3, *net.outs]}  # the fields as free variables
        y_h = {i: net.f(s[i]) for i in (1, 2, 3)}
        ys = {j: net.f_out(sum(net.w[j, i] * y_h[i] for i in (1, 2, 3)) + net.b[j]) for j in net.outs}
        E_of_hidden = sp.Rational(1, 2) * sum((net.d[j] - ys[j]) ** 2 for j in net.outs)
        E_of_out = sp.Rational(1, 2) * sum((net.d[j] - net.f_out(s[j])) ** 2 for j in net.outs)
        point = net.point | {s[i]: net.v[i].xreplace(net.point) for i in (1, 2, 3)}
        point |= {s[j]: sum(net.w[j, i] * net.f(point[s[i]]) for i in (1, 2, 3)).xreplace(point) + point[net.b[j]]
                  for j in net.outs}
        fprime_out = {"tansig": lambda t: 1 - sp.tanh(t) ** 2, "purelin": lambda t: 1}[output]
        delta_j = {j: (net.d[j] - net.f_out(s[j])) * fprime_out(s[j]) for j in net.outs}
        for j in net.outs:
            assert float((delta_j[j] + sp.diff(E_of_out, s[j])).xreplace(point)) == pytest.approx(0, abs=1e-12)
        for i in (1, 2, 3):
            delta_i = net.f(s[i]) * (1 - net.f(s[i])) * sum(net.w[j, i] * delta_j[j] for j in net.outs)
            assert float((delta_i + sp.diff(E_of_hidden, s[i])).xreplace(point)) == pytest.approx(0, abs=1e-12)
            if output == "purelin":  # delta_4 = e, so the slides' rule (3) is eta delta_i x_k
                assert delta_j[4] == net.d[4] - s[4]
                slides_rule_3 = ETA_S * (net.d[4] - s[4]) * net.w[4, i] * net.f(s[i]) * (1 - net.f(s[i])) * net.x[1]
                gap = (slides_rule_3 - ETA_S * delta_i * net.x[1]).xreplace({ETA_S: 1})
                assert float(gap.xreplace(point)) == pytest.approx(0, abs=1e-12)
    e_vec = sp.Matrix(sp.symbols("e_1 e_2"))
    assert sp.expand((e_vec.T * e_vec)[0] / 2 - sum(c**2 for c in e_vec) / 2) == 0


# The tabs "Other books and libraries": each source's formulas, as the page writes them, transcribed into numpy on a
# 2-3-2 network (logsig hidden, tansig output: no factor hides behind a 1 and the sum over the outputs has two
# terms) and compared with the oracle's iteration and with central differences of the oracle's cost.


class OtherBooks:
    """The network, the oracle's iteration and the finite-difference gradients each source's formulas are held to."""

    def __init__(self, n_out: int = 2, output: str = "tansig"):
        p = Network.random(2, 3, n_out, seed=4, hidden="logsig", output=output).to_dict()
        self.ex = {**p, "x": [0.7, -1.2], "d": [0.3, -0.5][:n_out], "eta": 0.2}
        self.it = it = oracle.iteration(self.ex)
        self.W1, self.b1, self.W2, self.b2 = (np.array(p[k], dtype=float)
                                              for k in ("w_hidden", "b_hidden", "w_output", "b_output"))
        self.x, self.d, self.eta = np.array(self.ex["x"]), np.array(self.ex["d"]), self.ex["eta"]
        self.f1, self.df1 = (lambda v: 1 / (1 + np.exp(-v))), (lambda v: np.exp(-v) / (1 + np.exp(-v)) ** 2)
        self.f2, self.df2 = {"tansig": (np.tanh, lambda v: 1 / np.cosh(v) ** 2),
                             "purelin": (lambda v: v, lambda v: np.ones_like(v))}[output]
        self.v1, self.y_h, self.v2, self.y = (np.array(it[k]) for k in ("v_hidden", "y_hidden", "v_output",
                                                                           "y_output"))
        self.e, self.E = np.array(it["e_list"]), it["E"]
        self.delta2, self.delta1 = np.array(it["delta_output"]), np.array(it["delta_hidden"])
        self.dW2, self.db2, self.dW1, self.db1 = (np.array(it[k]) for k in ("dw_output", "db_output", "dw_hidden",
                                                                              "db_hidden"))
        self.new = {k: np.array(it[f"{k}_new"]) for k in ("w_hidden", "b_hidden", "w_output", "b_output")}

    def cost_of(self, **params) -> float:
        """The oracle's E with some parameters replaced."""
        ex = {**self.ex, **{k: np.asarray(v).tolist() for k, v in params.items()}}
        return oracle.cost(ex, oracle.forward(ex)["y_output"])

    @cache  # noqa: B019  (two instances, kept for the session)
    def grad(self, name: str, h: float = 1e-6) -> np.ndarray:
        """dE/dtheta by central differences of the oracle's cost, for one parameter array."""
        theta = np.array(self.ex[name], dtype=float)
        g = np.zeros_like(theta)
        for idx in np.ndindex(theta.shape):
            plus, minus = theta.copy(), theta.copy()
            plus[idx] += h
            minus[idx] -= h
            g[idx] = (self.cost_of(**{name: plus}) - self.cost_of(**{name: minus})) / (2 * h)
        return g

    @cache  # noqa: B019
    def grad_fields(self, h: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """dE/dv_j, dE/dy_hi and dE/dv_i by central differences, each field perturbed in plain math."""
        def E_out(v2):
            return 0.5 * float(np.sum((self.d - self.f2(v2)) ** 2))

        def E_yh(y_h):
            return E_out(self.W2 @ y_h + self.b2)

        def E_hid(v1):
            return E_yh(self.f1(v1))

        def central(fun, at):
            return np.array([(fun(at + h * u) - fun(at - h * u)) / (2 * h) for u in np.eye(len(at))])

        return central(E_out, self.v2), central(E_yh, self.y_h), central(E_hid, self.v1)


def _close(a, b, tol=1e-12) -> bool:
    return np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=tol, atol=tol)


def _fd(a, b) -> bool:  # a finite difference of h = 1e-6 agrees to about 1e-10
    return _close(a, b, 1e-8)


def _sklearn_sgd_step(n: OtherBooks) -> dict:
    """One step of a real MLPRegressor (solver sgd, no momentum, no penalty, one sample) from our weights."""
    sklearn_nn = pytest.importorskip("sklearn.neural_network")
    model = sklearn_nn.MLPRegressor(hidden_layer_sizes=(3,), activation="logistic", solver="sgd", alpha=0.0,
                                    momentum=0.0, nesterovs_momentum=False, learning_rate_init=n.eta, batch_size=1,
                                    shuffle=False)
    X, y = n.x[None, :], n.d.copy()
    model.partial_fit(X, y)  # sets up the layers and the optimizer; the weights are replaced next
    model.coefs_ = [n.W1.T.copy(), n.W2.T.copy()]
    model.intercepts_ = [n.b1.copy(), n.b2.copy()]
    model.partial_fit(X, y)
    return {"w_hidden": model.coefs_[0].T, "w_output": model.coefs_[1].T, "b_hidden": model.intercepts_[0],
            "b_output": model.intercepts_[1]}


def _sklearn_source_and_loss(n: OtherBooks) -> bool:
    """scikit-learn's own code: deltas[last] = activations[-1] - y, and its squared loss is E / n_out."""
    pytest.importorskip("sklearn")
    from sklearn.neural_network import _base, _multilayer_perceptron

    source = inspect.getsource(_multilayer_perceptron.BaseMultilayerPerceptron._backprop)
    return ("deltas[last] = activations[-1] - y" in source
            and _close(_base.squared_loss(n.d[None, :], n.y[None, :]), n.E / len(n.d)))


def _nielsen_deltas(n: OtherBooks) -> tuple[np.ndarray, np.ndarray]:
    dL = (n.y - n.d) * n.df2(n.v2)  # delta^L = (a^L - y) ⊙ sigma'(z^L), Nielsen's y being the target
    return dL, (n.W2.T @ dL) * n.df1(n.v1)  # delta^l = ((w^{l+1})^T delta^{l+1}) ⊙ sigma'(z^l)


def _goodfellow_back(n: OtherBooks) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    g2 = -(n.d - n.f2(n.v2)) * n.df2(n.v2)  # g = grad_{a^(2)} J for J = E
    g_h = n.W2.T @ g2  # g <- grad_{h^(1)} J = W^(2)T g
    return g2, g_h, g_h * n.df1(n.v1)  # then g <- g ⊙ f'(a^(1))


def _haykin_bias_as_weight(n: OtherBooks) -> bool:
    x1 = np.append(n.x, 1.0)  # the fixed input +1
    return _close(np.column_stack([n.W1, n.b1]) @ x1, n.v1) and \
        _close(np.column_stack([n.W2, n.b2]) @ np.append(n.y_h, 1.0), n.v2)


def _batch(n: OtherBooks) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([n.x, [0.0, 0.0], [-1.0, 2.0]])
    fields = [np.array(oracle.forward(n.ex, row.tolist())["v_hidden"]) for row in X]
    return X, np.array(fields)


def _batch_layouts(n: OtherBooks) -> bool:
    X, fields = _batch(n)
    torch_weight, sklearn_coefs = n.W1.copy(), np.ascontiguousarray(n.W1.T)  # as each library stores the layer
    return _close(X @ torch_weight.T + n.b1, fields) and _close(X @ sklearn_coefs + n.b1, fields)


def _mse_is_mean_of_e2(n: OtherBooks) -> bool:
    mse = float(np.mean(n.e ** 2))
    return _close(mse, 2 * n.E / len(n.e)) and (len(n.e) != 1 or not _close(mse, n.E))


# (tab, the formula as the page writes it, its check). "" is the text above the tabs. The checks return True when
# the source's formula, transcribed into numpy, gives the oracle's numbers (or the finite-difference gradient).
OTHER_BOOKS = [
    ("", r"Haykin uses $e = d - y$ and $\delta = -\partial E/\partial v$ with updates $+\eta\,\delta\cdots$",
     lambda n: _fd(n.delta2, -n.grad_fields()[0]) and _fd(n.delta1, -n.grad_fields()[2])
     and _fd(n.dW2, -n.eta * n.grad("w_output")) and _fd(n.dW1, -n.eta * n.grad("w_hidden"))),
    ("", r"most modern texts and libraries use $\delta = \partial E/\partial v$ (or a gradient $g$) and subtract",
     lambda n: _fd(-n.delta2, n.grad_fields()[0]) and _fd(n.W2 - n.eta * n.grad("w_output"), n.new["w_output"])),
    # the column "the slides / backprop", the same in each tab
    ("*", r"| $e_j = d_j - y_j$; $\delta_j = e_j f'(v_j)$ |",
     lambda n: _close(n.d - n.y, n.e) and _close(n.e * n.df2(n.v2), n.delta2)),
    ("*", r"| $w \leftarrow w + \eta\,\delta\,y$ |",
     lambda n: _close(n.W2 + n.eta * np.outer(n.delta2, n.y_h), n.new["w_output"])
     and _close(n.W1 + n.eta * np.outer(n.delta1, n.x), n.new["w_hidden"])),
    ("Haykin", r"$y_j(n) = \varphi_j(v_j(n))$", lambda n: _close(n.f2(n.v2), n.y) and _close(n.f1(n.v1), n.y_h)),
    ("Haykin", r"bias $b_j = w_{j0}$ on a fixed input $+1$", _haykin_bias_as_weight),
    ("Haykin", r"$e_j(n) = d_j(n) - y_j(n)$", lambda n: _close(n.d - n.y, n.e)),
    ("Haykin", r"local gradient $\delta_j(n) = e_j(n)\,\varphi_j'(v_j(n))$",
     lambda n: _close(n.e * n.df2(n.v2), n.delta2) and _fd(n.e * n.df2(n.v2), -n.grad_fields()[0])),
    ("Haykin", r"hidden: $\varphi_j'(v_j(n)) \sum_k \delta_k(n)\, w_{kj}(n)$",  # j hidden, k the outputs
     lambda n: _close([n.df1(n.v1[j]) * sum(n.delta2[k] * n.W2[k, j] for k in range(len(n.d))) for j in range(3)],
                      n.delta1)),
    ("Haykin", r"$\Delta w_{ji}(n) = \eta\,\delta_j(n)\,y_i(n)$",  # y_i: the hidden outputs, or the inputs
     lambda n: _close(n.eta * np.outer(n.delta2, n.y_h), n.dW2) and _close(n.eta * np.outer(n.delta1, n.x), n.dW1)),
    ("Nielsen", r"$z^l = w^l a^{l-1} + b^l$",
     lambda n: _close(n.W1 @ n.x + n.b1, n.v1) and _close(n.W2 @ n.y_h + n.b2, n.v2)),
    ("Nielsen", r"$a^l = \sigma(z^l)$", lambda n: _close(n.f1(n.v1), n.y_h) and _close(n.f2(n.v2), n.y)),
    ("Nielsen", r"$\delta^l = \partial C/\partial z^l$ (**opposite sign**)",
     lambda n: _fd(_nielsen_deltas(n)[0], n.grad_fields()[0]) and _fd(_nielsen_deltas(n)[1], n.grad_fields()[2])),
    ("Nielsen", r"$\delta^L = (a^L - y) \odot \sigma'(z^L)$", lambda n: _close(_nielsen_deltas(n)[0], -n.delta2)),
    ("Nielsen", r"$\delta^l = ((w^{l+1})^\top \delta^{l+1}) \odot \sigma'(z^l)$",
     lambda n: _close(_nielsen_deltas(n)[1], -n.delta1)),
    ("Nielsen", r"$w \leftarrow w - \eta\, \delta^l (a^{l-1})^\top$",
     lambda n: _close(n.W2 - n.eta * np.outer(_nielsen_deltas(n)[0], n.y_h), n.new["w_output"])
     and _close(n.W1 - n.eta * np.outer(_nielsen_deltas(n)[1], n.x), n.new["w_hidden"])),
    ("Goodfellow et al.", r"$a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}$",
     lambda n: _close(n.b1 + n.W1 @ n.x, n.v1) and _close(n.b2 + n.W2 @ n.y_h, n.v2)),
    ("Goodfellow et al.", r"$h^{(k)} = f(a^{(k)})$", lambda n: _close(n.f1(n.v1), n.y_h) and _close(n.f2(n.v2), n.y)),
    ("Goodfellow et al.", r"gradient $g = \nabla_{a^{(k)}} J$ (**opposite sign**)",
     lambda n: _fd(_goodfellow_back(n)[0], n.grad_fields()[0]) and _close(_goodfellow_back(n)[0], -n.delta2)),
    ("Goodfellow et al.", r"going back, $g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)\top} g$, "
                          r"then $g \leftarrow g \odot f'(a^{(k-1)})$",
     lambda n: _fd(_goodfellow_back(n)[1], n.grad_fields()[1]) and _fd(_goodfellow_back(n)[2], n.grad_fields()[2])
     and _close(_goodfellow_back(n)[2], -n.delta1)),
    ("Goodfellow et al.", r"$\nabla_{W^{(k)}} J = g\, h^{(k-1)\top}$, subtracted",
     lambda n: _fd(np.outer(_goodfellow_back(n)[0], n.y_h), n.grad("w_output"))
     and _fd(np.outer(_goodfellow_back(n)[2], n.x), n.grad("w_hidden"))
     and _close(n.W1 - n.eta * np.outer(_goodfellow_back(n)[2], n.x), n.new["w_hidden"])),
    ("MATLAB", r"net input $n = Wp + b$", lambda n: _close(n.W1 @ n.x + n.b1, n.v1)),
    ("MATLAB", r"$a = f(n)$, e.g. `a = logsig(n)`", lambda n: _close(n.f1(n.v1), n.y_h)),
    ("MATLAB", r"`net.IW{1,1}` ($S^1 \times R$) = `w_hidden`, `net.LW{2,1}` ($S^2 \times S^1$) = `w_output`",
     lambda n: n.W1.shape == (len(n.y_h), len(n.x)) and n.W2.shape == (len(n.y), len(n.y_h))),
    ("MATLAB", r"$e = t - y$ with targets $t$ (`gsubtract(t, y)`), the slides' sign", lambda n: _close(n.d - n.y, n.e)),
    ("MATLAB", r"the default performance function `mse` is the **mean** of $e^2$, without the $\tfrac12$",
     _mse_is_mean_of_e2),
    ("PyTorch", r"`nn.Linear(in_features, out_features)` computes $x W^\top + b$",
     lambda n: _close(n.x[None, :] @ n.W1.T + n.b1, n.v1[None, :])),
    ("PyTorch", r"`weight` shape `(out_features, in_features)`: row = receiving, like `w_hidden`",
     lambda n: n.W1.shape == (len(n.v1), len(n.x))),
    ("PyTorch", r"autograd's `.grad` $= \partial E/\partial\theta$ (**opposite sign**)",
     lambda n: all(_fd(n.grad(k), -np.array(n.it[f"d{k[0]}{k[1:]}"]) / n.eta)
                   for k in ("w_output", "b_output", "w_hidden", "b_hidden"))),
    ("PyTorch", r"`nn.MSELoss` is the **mean** of $e^2$, without the $\tfrac12$", _mse_is_mean_of_e2),
    ("PyTorch", r"`optimizer.step()`: $\theta \leftarrow \theta - \eta\,\partial E/\partial\theta$",
     lambda n: all(_fd(np.array(n.ex[k]) - n.eta * n.grad(k), n.new[k])
                   for k in ("w_output", "b_output", "w_hidden", "b_hidden"))),
    ("scikit-learn", r"`X @ coefs_[0] + intercepts_[0]`, samples in rows",
     lambda n: _close(_batch(n)[0] @ n.W1.T + n.b1, _batch(n)[1])),
    ("scikit-learn", r"`deltas[last] = y_pred - y` (**opposite sign**); loss $\tfrac12$ mean of $e^2$",
     lambda n: _close(n.y - n.d, -n.e) and (n.ex["output"] != "purelin" or _close(n.y - n.d, -n.delta2))
     and _sklearn_source_and_loss(n)),
    ("scikit-learn", r"solvers `sgd`, `adam`, `lbfgs` subtract the gradient",
     # on the one-output network, whose squared loss is E itself (with two outputs it is E / 2)
     lambda n: len(n.d) > 1 or all(_close(v, n.new[k]) for k, v in _sklearn_sgd_step(n).items())),
    ("note", r"write the layer as $X W^\top + b$ (PyTorch, which stores $W$ like us) or $X W + b$ (scikit-learn, "
             r"which stores $W^\top$)",
     lambda n: _batch_layouts(n)),
]


def notation_tabs() -> dict[str, str]:
    """The text above the tabs (""), each tab's text by its name, and the note after them ("note")."""
    text = (DOCS / "notation.md").read_text(encoding="utf-8")
    section = text[text.index("## Other books and libraries"):text.index("### The layouts, computed")]
    parts = re.split(r'^=== "(.*?)"\n', section, flags=re.M)
    tabs = {"": parts[0], **dict(zip(parts[1::2], parts[2::2]))}
    last = list(tabs)[-1]
    tabs[last], _, tabs["note"] = tabs[last].partition('!!! note "Row vectors and transposes"')
    return tabs


@cache
def other_books_nets() -> tuple[OtherBooks, OtherBooks]:
    return OtherBooks(2, "tansig"), OtherBooks(1, "purelin")  # the second as scikit-learn's identity output


@pytest.mark.parametrize("tab, formula, check", OTHER_BOOKS, ids=lambda v: v if isinstance(v, str) else "")
def test_notation_other_books_formulas_give_our_numbers(tab, formula, check):
    """Each source's formula is on the page in its tab, and, transcribed into numpy, gives the oracle's iteration
    (with the opposite sign where the page says so) on a 2-3-2 tansig-output and a 2-3-1 linear-output network."""
    tabs = notation_tabs()
    for name in ([n for n in tabs if n not in ("", "note")] if tab == "*" else [tab]):
        assert norm_tex(formula) in norm_tex(tabs[name]), (name, formula)
    for net in other_books_nets():
        assert check(net), (tab, formula, net.ex["output"])


def test_notation_other_books_every_formula_is_checked():
    """Every math span with = or a left arrow in the tabs (and the text around them) is in a checked formula."""
    tabs = notation_tabs()
    assert set(tabs) == {"", "Haykin", "Nielsen", "Goodfellow et al.", "MATLAB", "PyTorch", "scikit-learn", "note"}
    checked = {(tab, span) for tab, formula, _ in OTHER_BOOKS for span in re.findall(r"\$[^$]+\$", formula)}
    for tab, text in tabs.items():
        for span in re.findall(r"\$[^$]+\$", text):
            if re.search(r"=|\\leftarrow", span):
                assert (tab, span) in checked or ("*", span) in checked, (tab, span)


def test_notation_other_books_checks_can_fail():
    """A slipped sign or a missing factor is refused: Nielsen's delta^L with the slides' sign, Goodfellow's step
    without f', Haykin's hidden sum over the wrong index, PyTorch's step added instead of subtracted."""
    n = other_books_nets()[0]
    assert not _close((n.d - n.y) * n.df2(n.v2), -n.delta2)
    assert not _fd(_goodfellow_back(n)[1], n.grad_fields()[2])
    assert not _close([n.df1(n.v1[j]) * sum(n.delta2[k] * n.W2[k, k] for k in range(2)) for j in range(3)], n.delta1)
    assert not _fd(n.W2 + n.eta * n.grad("w_output"), n.new["w_output"])
    assert not _close(np.mean(n.e ** 2) / 2, 2 * n.E / len(n.e))


# The table "Slides, matrix form and package names": each row's package expressions, evaluated on the worked
# example, give the oracle's value of the row's symbol, with the shape the row states; its equations hold.
SYMBOL_ROWS = {  # the slides' column -> the oracle's value(s) of the row, in the order of the package column
    r"$x_k$": lambda it: [it["x"], it["x"]],
    r"$w_{ik}$": lambda it: [WORKED["w_hidden"]],
    r"$b_i$": lambda it: [WORKED["b_hidden"]],
    r"$v_i$": lambda it: [it["v_hidden"]],
    r"$y_{hi} = f(v_i)$": lambda it: [[oracle.F[it["hidden"]](v) for v in it["v_hidden"]]],  # y_hi = f(v_i)
    r"$w_{ji}$ (the slides' $w_{4i}$)": lambda it: [WORKED["w_output"]],
    r"$b_j$ ($b_4$)": lambda it: [WORKED["b_output"]],
    r"$v_j$ ($v_4$)": lambda it: [it["v_output"]],
    r"$y_j$ ($y$)": lambda it: [it["y_output"]],
    r"$d_j$, $e_j = d_j - y_j$": lambda it: [D, [d - y for d, y in zip(D, it["y_output"])]],  # e_j = d_j - y_j
    # E = e^2 / 2, which with one output is the slides' E_j = e_j^2 / 2
    r"$E = \tfrac12 e^2$ (the slides' $E_j = \tfrac12 e_j^2$)": lambda it: [0.5 * it["e"] ** 2],
    r"$f'(v_i)$, $f'(v_j)$": lambda it: [it["fp_hidden"], it["fp_output"]],
    r"$\delta_j$, $\delta_i$": lambda it: [it["delta_output"], it["delta_hidden"]],
    r"$\eta$": lambda it: [ETA],
    r"$\Delta w_{ji}$, $\Delta b_j$, $\Delta w_{ik}$, $\Delta b_i$":
        lambda it: [it["dw_output"], it["db_output"], it["dw_hidden"], it["db_hidden"]],
    "logsig, purelin (and $\\tanh$)": None,  # names, no value
}


def test_notation_symbol_table_names_the_oracles_values():
    """Each `backprop` expression of the table, on the worked example, is the oracle's value of the slides' symbol
    in its row (y_hi computed as f(v_i), e_j as d_j - y_j, E as e^2 / 2), with the row's shape."""
    from backprop import forward as package_forward
    from backprop import rules

    text = (DOCS / "notation.md").read_text(encoding="utf-8")
    rows = table_rows(text, "slides")
    assert [row[0] for row in rows] == list(SYMBOL_ROWS)
    it = oracle.iteration(EX)
    net = Network(**{k: np.array(v, dtype=float) if k[:2] in ("w_", "b_") else v for k, v in WORKED.items()})
    x, d, eta = np.array(X), np.array(D), ETA
    fp = package_forward(net, x)
    namespace = {"fp": fp, "net": net, "x": x, "d": d, "eta": eta, **{n: getattr(rules, n) for n in dir(rules)}}
    for slides, _matrix, package, shape in rows:
        expected = SYMBOL_ROWS[slides]
        if expected is None:
            assert package == '`"logsig"`, `"tansig"`, `"purelin"`'
            continue
        exprs = re.findall(r"`([^`]+)`", package)
        values = [eval(expr, namespace) for expr in exprs]  # the page's own code column
        values = [v(fp, d, eta) if callable(v) else v for v in values]  # the four rule functions
        shapes = [ast.literal_eval(s) for s in re.findall(r"\([\d, ]*\)", shape)]
        for k, (value, want) in enumerate(zip(values, expected(it), strict=True)):
            np.testing.assert_allclose(value, want, rtol=1e-12, atol=1e-15, err_msg=f"{slides}: {exprs[k]}")
            if shapes:  # one shape for the row, or one per expression
                assert np.shape(value) == shapes[min(k, len(shapes) - 1)], (slides, exprs[k], shape)
            elif shape == "scalar":
                assert np.ndim(value) == 0, (slides, exprs[k])
            else:
                assert shape == "as the parameter" and np.shape(value) == np.shape(getattr(net, exprs[k][6:])), slides



# ---------------------------------------------------------------------------------------------
# Every inline EXPRESSION of the page (``markdown_inline_expressions``: a formula with no relation of its own that the
# prose says something of, "row $i$ of $W^{(2)\top}$ is column $i$ of $W^{(2)}$", "$S^1 \times R$"), listed in page
# order as typed, each with a check of what its sentence says. A mutation audit made that $W^{(2)\top}$ a $W^{(2)}$
# and no test failed: the listing test now does. The checks are the other books' (``OTHER_BOOKS``, by its formula:
# the source's formula transcribed into numpy gives the oracle's iteration on both of ``other_books_nets``) or the
# package's weight layout, with numbers.
# ---------------------------------------------------------------------------------------------


def book(tab: str, start: str):
    """The check of the OTHER_BOOKS formula of ``tab`` that starts with ``start``, on both networks."""
    (check,) = [check for name, formula, check in OTHER_BOOKS if name == tab and formula.startswith(start)]
    return lambda: all(check(n) for n in other_books_nets())


def slides_rule_3_is_eta_delta_i_x_k() -> bool:
    """On the slides' network (logsig hidden, one linear output: delta_4 = e), the oracle's Δw_ik is
    η e w_4i f(v_i)(1 - f(v_i)) x_k, and η δ_i x_k with the oracle's δ_i."""
    n = other_books_nets()[1]
    slides = n.eta * n.e[0] * np.outer(n.W2[0] * n.y_h * (1 - n.y_h), n.x)
    return n.ex["output"] == "purelin" and _close(n.delta2, n.e) and _close(slides, n.dW1) \
        and _close(n.eta * np.outer(n.delta1, n.x), n.dW1)


def sum_over_j_is_the_product() -> bool:
    """Σ_j w_ji δ_j, for each hidden neuron i, is entry i of W^(2)ᵀ δ^(2), and δ_i is f'(v_i) times it (the
    oracle's δ_i), on two outputs (a sum of two terms)."""
    n = other_books_nets()[0]
    sums = [sum(n.W2[j, i] * n.delta2[j] for j in range(len(n.d))) for i in range(3)]
    return len(n.d) == 2 and _close(sums, n.W2.T @ n.delta2) and _close(n.y_h * (1 - n.y_h) * (n.W2.T @ n.delta2),
                                                                         n.delta1)


def columns_leave_the_hidden_neurons() -> bool:
    """Row i of W^(2)ᵀ is column i of W^(2) (the package's w_output), and those are the weights leaving hidden
    neuron i: nudging w_output[j, i] by 0.1 moves only the field of output j, by 0.1 y_hi."""
    from backprop import forward as package_forward

    net = Network.random(2, 3, 2, seed=4)
    x = np.array([0.7, -1.2])
    before = package_forward(net, x)
    for i in range(3):
        if not np.array_equal(net.w_output.T[i], net.w_output[:, i]):
            return False
        for j in range(2):
            w = net.w_output.copy()
            w[j, i] += 0.1
            moved = package_forward(Network(net.w_hidden, net.b_hidden, w, net.b_output), x).v_output - before.v_output
            if not _close(moved, 0.1 * before.y_hidden[i] * np.eye(2)[j]):
                return False
    return True


def rows_receive() -> bool:
    """w^l_jk from neuron k of layer l-1 to neuron j of layer l: the output layer's weights (n_out, n_hidden), rows
    the receiving neurons, give z^l = w^l a^{l-1} + b^l (Nielsen's tab)."""
    return all(n.W2.shape == (len(n.y), len(n.y_h)) for n in other_books_nets()) and book("Nielsen", "$z^l")()


SLIDES_UPDATE = book("*", r"| $w \leftarrow w + \eta")  # the column "the slides / backprop" of every tab
LAYOUTS = book("note", "write the layer")
MATLAB_SHAPES = book("MATLAB", "`net.IW{1,1}`")

NOTATION_EXPRESSIONS = [
    # "rule (3) of the slides, for their logistic hidden neurons, $\eta\, e\, w_{4i}\, f(v_i)(1 - f(v_i))\, x_k$,
    # is $\eta\, \delta_i\, x_k$"
    (r"\eta\, e\, w_{4i}\, f(v_i)(1 - f(v_i))\, x_k", slides_rule_3_is_eta_delta_i_x_k),
    (r"\eta\, \delta_i\, x_k", slides_rule_3_is_eta_delta_i_x_k),
    (r"W^{(2)\top}\delta^{(2)}", sum_over_j_is_the_product),  # "The sum over $j$ in $\delta_i$ is the product"
    (r"W^{(2)\top}", columns_leave_the_hidden_neurons),  # "row $i$ of $W^{(2)\top}$ is column $i$ of $W^{(2)}$"
    (r"+\eta\,\delta\cdots", book("", "Haykin uses")),  # "Haykin uses e = d - y and δ = -∂E/∂v with updates"
    (r"+1", book("Haykin", "bias")),  # "bias $b_j = w_{j0}$ on a fixed input $+1$"
    (r"\varphi_j'(v_j(n)) \sum_k \delta_k(n)\, w_{kj}(n)", book("Haykin", "hidden:")),
    (r"w \leftarrow w + \eta\,\delta\,y", SLIDES_UPDATE),  # Haykin's tab
    (r"l-1", rows_receive),
    (r"w \leftarrow w + \eta\,\delta\,y", SLIDES_UPDATE),  # Nielsen's
    (r"w \leftarrow w - \eta\, \delta^l (a^{l-1})^\top", book("Nielsen", r"$w \leftarrow")),
    (r"g \leftarrow g \odot f'(a^{(k-1)})", book("Goodfellow et al.", "going back")),
    (r"w \leftarrow w + \eta\,\delta\,y", SLIDES_UPDATE),  # Goodfellow's
    (r"S^1 \times R", MATLAB_SHAPES),  # "`net.IW{1,1}` ($S^1 \times R$) = `w_hidden`"
    (r"S^2 \times S^1", MATLAB_SHAPES),
    (r"w \leftarrow w + \eta\,\delta\,y", SLIDES_UPDATE),  # MATLAB's
    (r"x W^\top + b", book("PyTorch", "`nn.Linear")),  # "`nn.Linear(...)` computes"
    (r"w \leftarrow w + \eta\,\delta\,y", SLIDES_UPDATE),  # PyTorch's
    (r"\theta \leftarrow \theta - \eta\,\partial E/\partial\theta", book("PyTorch", "`optimizer.step()`")),
    (r"w \leftarrow w + \eta\,\delta\,y", SLIDES_UPDATE),  # scikit-learn's
    # "write the layer as $X W^\top + b$ (PyTorch, which stores $W$ like us) or $X W + b$ (scikit-learn, which
    # stores $W^\top$)"
    (r"X W^\top + b", LAYOUTS),
    (r"X W + b", LAYOUTS),
    (r"W^\top", LAYOUTS),
]


def test_notation_page_types_exactly_the_listed_expressions():
    assert markdown_inline_expressions("notation") == [norm_tex(tex) for tex, _ in NOTATION_EXPRESSIONS]


@pytest.mark.parametrize(("tex", "check"), NOTATION_EXPRESSIONS, ids=[str(n) for n in range(len(NOTATION_EXPRESSIONS))])
def test_notation_each_listed_expression_says_what_holds(tex, check):
    assert check(), f"{tex!r}: what its sentence says does not hold"


def test_notation_expression_checks_can_fail():
    """Wrong versions fail: an OTHER_BOOKS formula that is not there; the slides' rule (3) without f'(v_i) (a factor
    dropped); the product's entries in the wrong order (an index swapped); δ_i with f(v_i) for f'(v_i)."""
    with pytest.raises(ValueError):
        book("Nielsen", r"$w \leftarrow w + \eta")
    n = other_books_nets()[1]
    assert not _close(n.eta * n.e[0] * np.outer(n.W2[0], n.x), n.dW1)
    n = other_books_nets()[0]
    assert not _close([sum(n.W2[j, i] * n.delta2[j] for j in range(2)) for i in range(3)], (n.W2.T @ n.delta2)[::-1])
    assert not _close(n.y_h * (n.W2.T @ n.delta2), n.delta1)


def test_the_batch_form_has_three_different_samples_when_x_is_0(tmp_path):
    """A reviewer's example with x = (0, 0): the batch [X, (0, 0), (-1, 2)] held the same sample twice, so the batch
    form showed two equal outputs, which looks like a bug. Its samples are now X and two others (plain math here)."""
    ex = {"w_hidden": [[5.7, 0.55], [-1.1, -5.72], [6.1, 5.343]], "b_hidden": [2.3, 7.947, 3.11],
          "w_output": [[-0.359, -2.1, -7.77]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
          "x": [0.0, 0.0], "d": -2.6, "eta": 2.0}
    text = prose_with(tmp_path, ex, "notation")
    ys = [oracle.forward(ex, x)["y_output"][0] for x in ([0.0, 0.0], [-1.0, 2.0], [1.0, 1.0])]
    assert len({s6(y) for y in ys}) == 3  # the premise: three samples, three outputs
    assert f"+ b_output`: {', '.join(s6(y) for y in ys)}; one sample at a time with `forward`:" in text, text[-800:]




def test_a_difference_of_the_two_forms_is_counted_in_units_of_the_last_place(tmp_path):
    """The page said the largest difference "is rounding: ... can differ in its last bit", and "where a difference
    such as e = d − y subtracts two nearly equal numbers ..." for 8.9e-16 in Δb^(2) = 3.499369, two units of its last
    place, with e = 2 − 0.600252. It now counts the units (numpy's spacing of the value printed, here), and speaks of
    nearly equal numbers only beyond a few units."""
    said = prose_with(tmp_path, ONE_SATURATED, "notation")
    m = re.search(r"The largest difference, (\S+), is (\d+) units? in the last place of the value it is in \((\S+)\): "
                  r"the two forms multiply and add the same numbers in another order, and a floating-point result can "
                  r"differ in its last bits with the order(\.|, more where)", said)
    assert m, said[said.find("largest difference"):][:400]
    units = float(m[1]) / np.spacing(abs(float(m[3])))
    assert abs(int(m[2]) - units) <= 0.5 + 0.05 * units, (m[2], units)  # the gap is printed with two digits
    assert (m[4] == ".") == (int(m[2]) <= 4)
