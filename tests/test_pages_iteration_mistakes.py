"""Pages 10-13: one iteration and training, verification, common mistakes, notation.

Every expected number here is recomputed independently of the package, in plain ``math`` loops
written in the slides' index notation, and then looked up in the built HTML (6 decimals, as the
pages print them). The package is used only for its worked-example *inputs*, and the test checks
those against values typed here from the slides' example.
"""

from __future__ import annotations

import copy
import html
import itertools
import math
import re
import warnings
from html.parser import HTMLParser

import numpy as np
import pytest

from backprop import Network, examples

# ---------------------------------------------------------------------------------------------
# An independent reference: the 2-layer network and its rules in plain Python, index by index.
# ---------------------------------------------------------------------------------------------

F = {  # name: (f(v), f'(v) written with y = f(v))
    "logsig": (lambda v: 1.0 / (1.0 + math.exp(-v)), lambda y: y * (1.0 - y)),
    "tansig": (math.tanh, lambda y: 1.0 - y * y),
    "purelin": (lambda v: v, lambda y: 1.0),
}

# The worked example, typed from the course: x = (1, 0.5), d = 1, eta = 0.5.
WORKED = {
    "w_hidden": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
    "b_hidden": [0.1, 0.2, 0.3],
    "w_output": [[0.7, 0.8, 0.9]],
    "b_output": [0.4],
    "hidden": "logsig",
    "output": "purelin",
}
X, D, ETA = [1.0, 0.5], [1.0], 0.5
ORDER = ("w_output", "b_output", "w_hidden", "b_hidden")  # the order the pages print them in


def forward(p: dict, x: list[float]) -> tuple[list[float], list[float]]:
    """Hidden outputs y_hi = f(sum_k w_ik x_k + b_i) and outputs y_j = f(sum_i w_ji y_hi + b_j)."""
    f_h, f_o = F[p["hidden"]][0], F[p["output"]][0]
    y_h = [f_h(sum(w * xk for w, xk in zip(row, x)) + b) for row, b in zip(p["w_hidden"], p["b_hidden"])]
    y = [f_o(sum(w * yh for w, yh in zip(row, y_h)) + b) for row, b in zip(p["w_output"], p["b_output"])]
    return y_h, y


def cost(p: dict, x: list[float], d: list[float]) -> float:
    _, y = forward(p, x)
    return 0.5 * sum((dj - yj) ** 2 for dj, yj in zip(d, y))


def updates(p: dict, x, d, eta, *, e_sign=1.0, w_back=None, f_h_prime=None, f_o_prime=True, outputs=None) -> dict:
    """The four rules, index by index. The keyword arguments inject each classic mistake:

    e_sign=-1: e = y - d; w_back: the output weights used in the hidden sum; f_h_prime: the hidden
    derivative (None = right one, False = dropped, or a function of y); f_o_prime=False: f'(v_j)
    dropped; outputs: the j that the hidden sum runs over.
    """
    y_h, y = forward(p, x)
    dfo = F[p["output"]][1] if f_o_prime else (lambda _y: 1.0)
    dfh = F[p["hidden"]][1] if f_h_prime is None else (f_h_prime or (lambda _y: 1.0))
    e = [e_sign * (dj - yj) for dj, yj in zip(d, y)]
    delta_j = [ej * dfo(yj) for ej, yj in zip(e, y)]
    w_back = p["w_output"] if w_back is None else w_back
    js = range(len(y)) if outputs is None else outputs
    delta_i = [dfh(y_h[i]) * sum(w_back[j][i] * delta_j[j] for j in js) for i in range(len(y_h))]
    return {
        "w_output": [[eta * dj * yh for yh in y_h] for dj in delta_j],
        "b_output": [eta * dj for dj in delta_j],
        "w_hidden": [[eta * di * xk for xk in x] for di in delta_i],
        "b_hidden": [eta * di for di in delta_i],
    }


def apply(p: dict, delta: dict) -> dict:
    new = copy.deepcopy(p)
    for name in ORDER:
        if isinstance(new[name][0], list):
            new[name] = [[w + dw for w, dw in zip(r, dr)] for r, dr in zip(new[name], delta[name])]
        else:
            new[name] = [w + dw for w, dw in zip(new[name], delta[name])]
    return new


def flat(values: dict, names=ORDER) -> list[float]:
    out: list[float] = []
    for name in names:
        for v in values[name]:
            out.extend(v if isinstance(v, list) else [v])
    return out


def finite_differences(p: dict, x, d, h: float = 1e-6) -> dict:
    """Central differences of the plain-Python cost, one parameter at a time."""
    grads = {}
    for name in ORDER:
        rows = p[name] if isinstance(p[name][0], list) else [p[name]]
        g = []
        for r, row in enumerate(rows):
            g_row = []
            for c in range(len(row)):
                moved = []
                for sign in (1, -1):
                    q = copy.deepcopy(p)
                    target = q[name][r] if isinstance(p[name][0], list) else q[name]
                    target[c] += sign * h
                    moved.append(cost(q, x, d))
                g_row.append((moved[0] - moved[1]) / (2 * h))
            g.append(g_row)
        grads[name] = g if isinstance(p[name][0], list) else g[0]
    return grads


def relative_error(delta: dict, p: dict, x, d, eta, names=ORDER) -> float:
    """Largest |a - n| / (|a| + |n|) between a = -delta/eta and central differences n."""
    num = flat(finite_differences(p, x, d), names)
    ana = [-v / eta for v in flat(delta, names)]
    return max(abs(a - n) / max(abs(a) + abs(n), 1e-8) for a, n in zip(ana, num))


def numbers_in(page_html: str) -> set[str]:
    """Every number printed with exactly 6 decimals in the page's text."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page_html))
    return set(re.findall(r"(?<![\d.])-?\d+\.\d{6}(?!\d)", text))


def six(values) -> set[str]:
    return {f"{v:.6f}" for v in values}


def page(site_build, name: str) -> str:
    return (site_build.dir / name / "index.html").read_text(encoding="utf-8")


def test_worked_example_inputs_are_the_slides_example():
    """The package's worked example is the one typed above, so the hand values below apply to it."""
    assert examples.NET.to_dict() == WORKED
    assert examples.X.tolist() == X and [examples.D] == D and examples.ETA == ETA


def test_reference_is_a_gradient():
    """The hand-written rules above are themselves right: they agree with central differences."""
    assert relative_error(updates(WORKED, X, D, ETA), WORKED, X, D, ETA) < 1e-7
    net = Network.random(3, 4, 2, seed=5, hidden="tansig", output="logsig").to_dict()
    x, d = [0.3, -1.0, 2.0], [0.2, 0.9]
    assert relative_error(updates(net, x, d, 0.1), net, x, d, 0.1) < 1e-6


# ---------------------------------------------------------------------------------------------
# (a) One iteration and training
# ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_iteration_page_shows_every_new_value(site_build):
    shown = numbers_in(page(site_build, "iteration-and-training"))
    delta = updates(WORKED, X, D, ETA)
    new = apply(WORKED, delta)
    assert len(flat(new)) == 13
    assert six(flat(new)) <= shown, "w(n+1), b(n+1) by hand"
    assert six(flat(delta)) <= shown, "the thirteen updates by hand"
    # Hand check of one value, fully by hand: w41(n+1) = 0.7 + 0.5 (1 - y) f(0.3).
    y_h1 = 1 / (1 + math.exp(-(0.1 * 1 + 0.2 * 0.5 + 0.1)))
    assert f"{0.7 + 0.5 * (1 - forward(WORKED, X)[1][0]) * y_h1:.6f}" in shown


@pytest.mark.slow
def test_iteration_page_cost_before_and_after(site_build):
    shown = numbers_in(page(site_build, "iteration-and-training"))
    before, after = cost(WORKED, X, D), cost(apply(WORKED, updates(WORKED, X, D, ETA)), X, D)
    assert after < before
    assert six([before, after]) <= shown


@pytest.mark.slow
def test_iteration_page_shows_the_wrong_order_numbers(site_build):
    """The hidden updates computed with w_4i(n+1) are shown and differ from the right ones."""
    shown = numbers_in(page(site_build, "iteration-and-training"))
    w_next = apply(WORKED, updates(WORKED, X, D, ETA))["w_output"]
    wrong = updates(WORKED, X, D, ETA, w_back=w_next)
    right = updates(WORKED, X, D, ETA)
    names = ("w_hidden", "b_hidden")
    assert six(flat(wrong, names)) <= shown
    assert min(abs(a - b) for a, b in zip(flat(wrong, names), flat(right, names))) > 1e-3


@pytest.mark.slow
def test_training_page_shows_learning(site_build):
    """The trained network's costs shown on the page went down (an independent re-run of the training)."""
    shown_html = page(site_build, "iteration-and-training")
    Xs, Ds = examples.regression_data(200, seed=0)
    assert np.allclose(Ds, 0.5 * np.sin(np.pi * Xs[:, 0]) + 0.25 * Xs[:, 1])
    match = re.search(r"first epoch \(during training\)\s*</td>\s*<td[^>]*>([\d.]+)</td>", shown_html)
    last = re.search(r"last epoch \(during training\)\s*</td>\s*<td[^>]*>([\d.]+)</td>", shown_html)
    assert match and last
    assert float(last.group(1)) < float(match.group(1)) / 10


# ---------------------------------------------------------------------------------------------
# (b) Common mistakes: each wrong variant differs from the right one and fails the gradient check
# ---------------------------------------------------------------------------------------------

NET_232 = Network.random(2, 3, 2, seed=0).to_dict()  # the page's 2-3-2 network (random inputs)
D_232 = [1.0, 0.0]


def _mistakes() -> dict[str, tuple[dict, dict, dict, list[str]]]:
    """name: (network, right updates, wrong updates, the arrays the mistake touches)."""
    w_next = apply(WORKED, updates(WORKED, X, D, ETA))["w_output"]
    tansig_out = {**WORKED, "output": "tansig"}
    tansig_hidden = {**WORKED, "hidden": "tansig"}
    hidden = ["w_hidden", "b_hidden"]
    return {
        "1 output weights first": (WORKED, updates(WORKED, X, D, ETA),
                                   updates(WORKED, X, D, ETA, w_back=w_next), hidden),
        "2 f'(v_i) dropped": (WORKED, updates(WORKED, X, D, ETA),
                              updates(WORKED, X, D, ETA, f_h_prime=False), ["w_hidden"]),
        "2 f'(v_j) dropped, tansig output": (tansig_out, updates(tansig_out, X, D, ETA),
                                             updates(tansig_out, X, D, ETA, f_o_prime=False),
                                             ["w_output", "b_output"]),
        "3 e = y - d": (WORKED, updates(WORKED, X, D, ETA), updates(WORKED, X, D, ETA, e_sign=-1.0), ["w_output"]),
        "4 no sum over outputs": (NET_232, updates(NET_232, X, D_232, ETA),
                                  updates(NET_232, X, D_232, ETA, outputs=[0]), ["w_hidden"]),
        "5 logsig f' = y(1 + y)": (WORKED, updates(WORKED, X, D, ETA),
                                   updates(WORKED, X, D, ETA, f_h_prime=lambda y: y * (1 + y)), ["w_hidden"]),
        "5 tansig f' = 1 + y^2": (tansig_hidden, updates(tansig_hidden, X, D, ETA),
                                  updates(tansig_hidden, X, D, ETA, f_h_prime=lambda y: 1 + y * y), ["w_hidden"]),
    }


MISTAKES = _mistakes()


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_changes_the_numbers_and_fails_the_gradient_check(name):
    net, right, wrong, names = MISTAKES[name]
    d = D_232 if net is NET_232 else D
    assert max(abs(a - b) for a, b in zip(flat(right, names), flat(wrong, names))) > 1e-3
    assert relative_error(right, net, X, d, ETA, names) < 1e-7
    assert relative_error(wrong, net, X, d, ETA, names) > 0.1


@pytest.mark.slow
@pytest.mark.parametrize("name", MISTAKES)
def test_mistakes_page_shows_the_numbers(site_build, name):
    shown = numbers_in(page(site_build, "common-mistakes"))
    _, right, wrong, names = MISTAKES[name]
    if name.startswith("3"):  # the page shows the cost over five steps instead of the updates
        return
    assert six(flat(wrong, names)) <= shown, f"{name}: wrong updates"
    assert six(flat(right, names)) <= shown, f"{name}: right updates"


@pytest.mark.slow
def test_mistakes_page_gradient_ascent_grows_the_cost(site_build):
    shown = numbers_in(page(site_build, "common-mistakes"))
    right = wrong = WORKED
    right_costs, wrong_costs = [], []
    for _ in range(5):
        right_costs.append(cost(right, X, D))
        wrong_costs.append(cost(wrong, X, D))
        right = apply(right, updates(right, X, D, ETA))
        wrong = apply(wrong, updates(wrong, X, D, ETA, e_sign=-1.0))
    assert all(b > a for a, b in itertools.pairwise(wrong_costs))
    assert all(b < a for a, b in itertools.pairwise(right_costs))
    assert six(right_costs + wrong_costs) <= shown


@pytest.mark.slow
def test_mistakes_page_slides_hyperbolic_rows(site_build):
    """The coth / csch rows: the finite difference matches the corrected row, not the slides'."""
    shown = numbers_in(page(site_build, "common-mistakes"))
    x = 0.7
    csch, coth = 1 / math.sinh(x), math.cosh(x) / math.sinh(x)
    assert six([-(csch**2), -math.cosh(x) ** 2, -csch * coth, -math.cosh(x) * coth]) <= shown


# ---------------------------------------------------------------------------------------------
# Verification page
# ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_verification_page_shows_the_gradient(site_build):
    shown = numbers_in(page(site_build, "verification"))
    grad = flat(finite_differences(WORKED, X, D))
    assert six(grad) <= shown
    broken = updates(WORKED, X, D, 1.0, f_h_prime=False)
    assert six(-v for v in flat(broken, ["w_hidden"])) <= shown


# ---------------------------------------------------------------------------------------------
# (c) Notation: the matrix form equals the index form; scikit-learn stores the transpose
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


@pytest.mark.slow
def test_notation_page_shows_the_matrix_form_values(site_build):
    shown = numbers_in(page(site_build, "notation"))
    m = matrix_form(WORKED, X, D, ETA)
    delta2, delta1 = m["b_output"] / ETA, m["b_hidden"] / ETA
    assert six(list(delta2) + list(delta1)) <= shown
    assert six(np.concatenate([m[k].ravel() for k in ORDER])) <= shown
    # and the batch form's outputs: y for three inputs, from the index-form forward pass
    ys = [forward(WORKED, x)[1][0] for x in ([1.0, 0.5], [0.0, 0.0], [-1.0, 2.0])]
    assert six(ys) <= shown


@pytest.mark.slow
def test_sklearn_stores_the_transpose(site_build):
    """A real MLPRegressor: coefs_[0] is (n_in, n_hidden), and our weights transposed reproduce our outputs."""
    sklearn_nn = pytest.importorskip("sklearn.neural_network")
    from sklearn.exceptions import ConvergenceWarning

    rng = np.random.default_rng(0)
    Xs = rng.uniform(-1, 1, (20, 2))
    model = sklearn_nn.MLPRegressor(hidden_layer_sizes=(3,), activation="logistic", max_iter=1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(Xs, Xs[:, 0])
    assert model.coefs_[0].shape == (2, 3) and model.coefs_[1].shape == (3, 1)
    assert np.array(WORKED["w_hidden"]).shape == (3, 2)
    model.coefs_ = [np.array(WORKED["w_hidden"]).T, np.array(WORKED["w_output"]).T]
    model.intercepts_ = [np.array(WORKED["b_hidden"]), np.array(WORKED["b_output"])]
    np.testing.assert_allclose(model.predict(Xs), [forward(WORKED, x.tolist())[1][0] for x in Xs], rtol=1e-12)
    # and the page says so
    text = html.unescape(re.sub(r"<[^>]+>", " ", page(site_build, "notation")))
    assert re.search(r"coefs_\[0\]\s*=\s*w_hidden\.T\s*\(2, 3\)", text)


# ---------------------------------------------------------------------------------------------
# (d) Figures have text alternatives and read in light and dark mode
# ---------------------------------------------------------------------------------------------


class _Figures(HTMLParser):
    """Collects the <svg> and <img> elements inside the page's <article>, with their <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.svgs: list[dict] = []
        self.imgs: list[dict] = []
        self._title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article += 1
        elif self.in_article and tag == "svg":
            self.svgs.append({**attrs, "title": ""})
        elif self.in_article and tag == "img":
            self.imgs.append(attrs)
        elif tag == "title" and self.svgs:
            self._title = True

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag == "title":
            self._title = False

    def handle_data(self, data):
        if self._title:
            self.svgs[-1]["title"] += data


@pytest.mark.slow
@pytest.mark.parametrize("name", ["iteration-and-training", "verification", "common-mistakes", "notation"])
def test_figures_have_text_alternatives(site_build, name):
    source = page(site_build, name)
    figures = _Figures()
    figures.feed(source)
    if name == "iteration-and-training":
        assert len(figures.svgs) >= 2, "the loss curve and the fitted function"
    for svg in figures.svgs:
        if svg.get("aria-hidden") == "true":
            continue
        assert svg.get("role") == "img"
        assert len(svg.get("aria-label", "")) > 40, svg.get("aria-label")
        assert svg["title"].strip() == svg["aria-label"].strip()
    for img in figures.imgs:
        assert img.get("alt", "").strip(), img
    article = source[source.index("<article"):source.index("</article>")]
    for svg in re.findall(r"<svg.*?</svg>", article, re.S):  # drawn in the text colour, transparent
        assert "#000000" not in svg and "#ffffff" not in svg.lower()
        assert 'fill="currentColor"' in svg
