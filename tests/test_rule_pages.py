"""The four rule pages (rules (1)-(4) of the slides): their numbers and their equations.

(a) Every Δ and new value of the worked example is on its page with 6 decimals. The expected values are
    computed twice, by ``backprop`` and by hand formulas in plain ``math``, and must agree first.
(b) Every chain-rule factor, every simplification line and every final rule the pages display is checked
    with sympy against E = ½ e² differentiated directly, for all 13 parameters of the 2-3-1 network, and
    the general hidden rule (with Σ_j) on a network with two outputs.
(c) Every python block of the pages runs on its own in a fresh interpreter.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sympy as sp

import backprop
from backprop import examples, rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = ["rule-output-weights", "rule-output-bias", "rule-hidden-weights", "rule-hidden-biases"]


# --------------------------------------------------------------------------------------------------
# The worked example by hand, in plain math (independent of backprop's numpy code).
# --------------------------------------------------------------------------------------------------

def logsig(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v))


def hand_updates() -> dict[str, tuple[float, float, float]]:
    """name -> (old value, Δ, new value) for all 13 parameters, from the slides' final rules."""
    w_h = examples.NET.w_hidden.tolist()
    b_h = examples.NET.b_hidden.tolist()
    w_o = examples.NET.w_output[0].tolist()
    b_o = float(examples.NET.b_output[0])
    x = examples.X.tolist()
    d, eta = float(examples.D), float(examples.ETA)

    v = [w_h[i][0] * x[0] + w_h[i][1] * x[1] + b_h[i] for i in range(3)]
    f = [logsig(v_i) for v_i in v]
    y = w_o[0] * f[0] + w_o[1] * f[1] + w_o[2] * f[2] + b_o
    out = {}
    for i in range(3):
        dw = eta * (d - y) * f[i]  # rule (1)
        out[f"w4{i + 1}"] = (w_o[i], dw, w_o[i] + dw)
    db = eta * (d - y)  # rule (2)
    out["b4"] = (b_o, db, b_o + db)
    for i in range(3):
        back = eta * (d - y) * w_o[i] * f[i] * (1 - f[i])  # w_4i(n), never w_4i(n+1)
        for k in range(2):
            out[f"w{i + 1}{k + 1}"] = (w_h[i][k], back * x[k], w_h[i][k] + back * x[k])  # rule (3)
        out[f"b{i + 1}"] = (b_h[i], back, b_h[i] + back)  # rule (4)
    return out


def package_updates() -> dict[str, tuple[float, float, float]]:
    """The same table from backprop.rules."""
    net, fp = examples.NET, backprop.forward(examples.NET, examples.X)
    d, eta = examples.D, examples.ETA
    dw_o = rules.delta_w_output(fp, d, eta)
    db_o = rules.delta_b_output(fp, d, eta)
    dw_h = rules.delta_w_hidden(fp, d, eta)
    db_h = rules.delta_b_hidden(fp, d, eta)
    out = {}
    for i in range(3):
        out[f"w4{i + 1}"] = (net.w_output[0, i], dw_o[0, i], net.w_output[0, i] + dw_o[0, i])
        out[f"b{i + 1}"] = (net.b_hidden[i], db_h[i], net.b_hidden[i] + db_h[i])
        for k in range(2):
            out[f"w{i + 1}{k + 1}"] = (net.w_hidden[i, k], dw_h[i, k], net.w_hidden[i, k] + dw_h[i, k])
    out["b4"] = (net.b_output[0], db_o[0], net.b_output[0] + db_o[0])
    return {name: tuple(float(t) for t in triple) for name, triple in out.items()}


PARAMS_OF_PAGE = {
    "rule-output-weights": ["w41", "w42", "w43"],
    "rule-output-bias": ["b4"],
    "rule-hidden-weights": ["w11", "w12", "w21", "w22", "w31", "w32"],
    "rule-hidden-biases": ["b1", "b2", "b3"],
}


def test_package_matches_hand_formulas():
    hand, package = hand_updates(), package_updates()
    assert sorted(hand) == sorted(package) == sorted(name for names in PARAMS_OF_PAGE.values() for name in names)
    for name in hand:
        assert package[name] == pytest.approx(hand[name], rel=1e-12, abs=1e-15), name


def test_hand_formulas_pinned_values():
    """A few values worked out with a calculator, so the hand formulas above can fail too."""
    hand = hand_updates()
    assert hand["w41"][1] == pytest.approx(-0.2906374895, abs=1e-9)
    assert hand["b4"][1] == pytest.approx(-0.5059470373, abs=1e-9)
    assert hand["w11"][1] == pytest.approx(-0.0865780710, abs=1e-9)
    assert hand["b3"][2] == pytest.approx(0.2146806881, abs=1e-9)


def test_worked_example_claims_in_prose():
    """Claims the pages make in words about the worked example's numbers."""
    hand = hand_updates()
    for i in (1, 2, 3):
        assert hand[f"w{i}2"][1] == pytest.approx(hand[f"w{i}1"][1] / 2)  # "Δw_i2 is half of Δw_i1"
        assert hand[f"b{i}"][1] == pytest.approx(hand[f"w{i}1"][1])  # "Δb_i equals Δw_i1" (x_1 = 1)
        assert abs(hand["b4"][1]) > abs(hand[f"w4{i}"][1])  # "|Δb_4| > |Δw_4i|"
        assert hand[f"w4{i}"][1] < 0  # "all three steps are negative"


def page_html(site_build, page: str) -> str:
    path = site_build.dir / page / "index.html"
    assert path.is_file(), f"{page} was not built"
    return path.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_every_delta_and_new_value(site_build, page):
    html = page_html(site_build, page)
    assert "Being written" not in html
    assert "Traceback" not in html
    package = package_updates()
    for name in PARAMS_OF_PAGE[page]:
        _, delta, new = package[name]
        for label, value in [("Δ" + name, delta), (name + "(1)", new)]:
            assert f"{value:.6f}" in html, f"{page}: {label} = {value:.6f} is not on the page"


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_the_factor_values(site_build, page):
    """The factors' worked-example values: e and f'(v_4) everywhere, f(v_i) where a rule uses it, f'(v_i)
    on the hidden pages."""
    html = page_html(site_build, page)
    fp = backprop.forward(examples.NET, examples.X)
    e = float(rules.error(fp, examples.D)[0])
    assert f"{e:.6f}" in html and f"{float(fp.y_output[0]):.6f}" in html
    assert f"f'(v_4) = {1.0:.6f}" in html
    if page == "rule-output-bias":
        return  # ∂v_4/∂b_4 = 1: no hidden quantity in rule (2)
    for i in range(3):
        y_hi = logsig(float(fp.v_hidden[i]))
        assert f"{y_hi:.6f}" in html
        if page.startswith("rule-hidden"):
            assert f"{y_hi * (1 - y_hi):.6f}" in html


@pytest.mark.slow
@pytest.mark.parametrize("page", ["rule-hidden-weights", "rule-hidden-biases"])
def test_hidden_pages_warn_about_updated_weights_and_the_missing_sum(site_build, page):
    html = page_html(site_build, page)
    assert "never the already-updated" in html
    assert "Slide erratum" in html and 'href="../errata/"' in html


# --------------------------------------------------------------------------------------------------
# (b) The equations, with sympy.
# --------------------------------------------------------------------------------------------------

x1, x2, d, eta = sp.symbols("x1 x2 d eta", real=True)
W = {f"w{i}{k}": sp.Symbol(f"w{i}{k}", real=True) for i in (1, 2, 3) for k in (1, 2)}
W.update({f"w4{i}": sp.Symbol(f"w4{i}", real=True) for i in (1, 2, 3)})
B = {f"b{i}": sp.Symbol(f"b{i}", real=True) for i in (1, 2, 3, 4)}
SYM = {**W, **B}
X_SYM = [x1, x2]


def f(v):
    """logsig, symbolically."""
    return 1 / (1 + sp.exp(-v))


V_HIDDEN = [W[f"w{i}1"] * x1 + W[f"w{i}2"] * x2 + B[f"b{i}"] for i in (1, 2, 3)]  # v_i
Y_HIDDEN = [f(v) for v in V_HIDDEN]  # y_hi = f(v_i)
V4 = sum(W[f"w4{i}"] * Y_HIDDEN[i - 1] for i in (1, 2, 3)) + B["b4"]  # v_4
Y = V4  # purelin
E = sp.Rational(1, 2) * (d - Y) ** 2  # E = E_4 = ½ e²


def is_zero(expr) -> bool:
    expr = sp.simplify(expr)
    return expr == 0


def slides_delta(name: str):
    """The final rule displayed on the page for one parameter (the slides' one-output form)."""
    kind, idx = name[0], name[1:]
    if name.startswith("w4"):
        i = int(idx[1])
        return eta * (d - Y) * Y_HIDDEN[i - 1]  # rule (1)
    if name == "b4":
        return eta * (d - Y)  # rule (2)
    i = int(idx[0])
    back = eta * (d - Y) * W[f"w4{i}"] * Y_HIDDEN[i - 1] * (1 - Y_HIDDEN[i - 1])
    if kind == "w":
        return back * X_SYM[int(idx[1]) - 1]  # rule (3)
    return back  # rule (4)


@pytest.mark.parametrize("name", sorted(SYM))
def test_every_expansion_is_minus_eta_times_the_gradient(name):
    """All 3 + 1 + 6 + 3 concrete expansions equal -η ∂E/∂θ of the symbolic 2-3-1 network."""
    assert is_zero(-eta * sp.diff(E, SYM[name]) - slides_delta(name))


def test_expansions_at_the_worked_example_match_the_package():
    """sympy's gradient, evaluated at the worked example, against backprop (13 numbers)."""
    values = {x1: examples.X[0], x2: examples.X[1], d: examples.D, eta: examples.ETA}
    for i in (1, 2, 3):
        values[B[f"b{i}"]] = examples.NET.b_hidden[i - 1]
        values[W[f"w4{i}"]] = examples.NET.w_output[0, i - 1]
        for k in (1, 2):
            values[W[f"w{i}{k}"]] = examples.NET.w_hidden[i - 1, k - 1]
    values[B["b4"]] = examples.NET.b_output[0]
    package = package_updates()
    for name, sym in SYM.items():
        exact = float((-eta * sp.diff(E, sym)).subs(values))
        assert package[name][1] == pytest.approx(exact, rel=1e-12), name


# The chain-rule factors, each from its own definition, on generic symbols.
e_, y_, vj, yhi, vi, wji, wik, bj, bi, xk, other = sp.symbols("e y v_j y_hi v_i w_ji w_ik b_j b_i x_k other")


def test_each_chain_rule_factor():
    assert sp.diff(sp.Rational(1, 2) * e_**2, e_) == e_  # ∂E_j/∂e_j = e_j
    assert sp.diff(d - y_, y_) == -1  # ∂e_j/∂y_j = -1
    assert sp.diff(vj, vj) == 1  # ∂y_j/∂v_j = f'(v_j) = 1 (purelin: y_j = v_j)
    v_j = wji * yhi + other + bj  # v_j = Σ_i w_ji y_hi + b_j, "other" = the other terms of the sum
    assert sp.diff(v_j, wji) == yhi  # ∂v_j/∂w_ji = y_hi = f(v_i)
    assert sp.diff(v_j, bj) == 1  # ∂v_j/∂b_j = 1
    assert sp.diff(v_j, yhi) == wji  # ∂v_j/∂y_hi = w_ji(n)
    assert is_zero(sp.diff(f(vi), vi) - f(vi) * (1 - f(vi)))  # ∂y_hi/∂v_i = f(v_i)(1 - f(v_i))
    v_i = wik * xk + other + bi  # v_i = Σ_k w_ik x_k + b_i
    assert sp.diff(v_i, wik) == xk  # ∂v_i/∂w_ik = x_k
    assert sp.diff(v_i, bi) == 1  # ∂v_i/∂b_i = 1


def chain_product(name: str):
    """The product of the factors on the page, each evaluated on the network, for one parameter."""
    e = d - Y
    dE_de, de_dy, dy_dv4 = e, -1, 1
    if name.startswith("w4"):
        return dE_de * de_dy * dy_dv4 * Y_HIDDEN[int(name[2]) - 1]
    if name == "b4":
        return dE_de * de_dy * dy_dv4 * 1
    i = int(name[1])
    dv4_dyhi, dyhi_dvi = W[f"w4{i}"], Y_HIDDEN[i - 1] * (1 - Y_HIDDEN[i - 1])
    last = X_SYM[int(name[2]) - 1] if name[0] == "w" else 1
    return dE_de * de_dy * dy_dv4 * dv4_dyhi * dyhi_dvi * last


@pytest.mark.parametrize("name", ["w41", "w43", "b4", "w11", "w32", "b1", "b3"])
def test_chain_rule_product_equals_the_gradient(name):
    assert is_zero(chain_product(name) - sp.diff(E, SYM[name]))


@pytest.mark.parametrize("name", ["w42", "b4", "w21", "b2"])
def test_each_simplification_line(name):
    """The pages' 'Simplifying' lines, in order, for one parameter of each rule: each equals w - η ∂E/∂w."""
    theta, e = SYM[name], d - Y
    target = theta - eta * sp.diff(E, theta)
    if name.startswith("w4") or name == "b4":
        last = Y_HIDDEN[int(name[2]) - 1] if name != "b4" else 1
        lines = [
            theta - eta * e * (-1) * 1 * last,  # - η e_j (-1) f'(v_j) f(v_i) [or (1)], with f'(v_j) = 1
            theta - eta * e * (-1) * (1) * last,  # - η e_j (-1)(1) f(v_i)
            theta + eta * (d - Y) * last,  # + η (d_j - y_j) f(v_i)
        ]
    else:
        i = int(name[1])
        f_i = Y_HIDDEN[i - 1]
        last = X_SYM[int(name[2]) - 1] if name[0] == "w" else 1
        f_prime_i = sp.diff(f(vi), vi).subs(vi, V_HIDDEN[i - 1])  # f'(v_i) as a derivative, not the formula
        lines = [
            theta - eta * e * (-1) * 1 * W[f"w4{i}"] * f_prime_i * last,  # ... f'(v_j) w_ji f'(v_i) x_k
            theta - eta * e * (-1) * (1) * W[f"w4{i}"] * (f_i * (1 - f_i)) * last,  # ... [f(v_i)(1 - f(v_i))]
            theta + eta * (d - Y) * W[f"w4{i}"] * (f_i * (1 - f_i)) * last,  # + η (d_j - y_j) w_ji [...] x_k
        ]
    for n, line in enumerate(lines):
        assert is_zero(line - target), f"{name}: simplification line {n + 1}"


def test_general_hidden_rule_needs_the_sum_over_outputs():
    """With two outputs, Δw_ik = η [Σ_j e_j f'(v_j) w_ji] f'(v_i) x_k; the slides' single-j form is wrong."""
    d5, d6 = sp.symbols("d5 d6", real=True)
    w5 = [sp.Symbol(f"w5{i}", real=True) for i in (1, 2, 3)]
    w6 = [sp.Symbol(f"w6{i}", real=True) for i in (1, 2, 3)]
    b5, b6 = sp.symbols("b5 b6", real=True)
    y5 = sp.tanh(sum(w * y for w, y in zip(w5, Y_HIDDEN)) + b5)  # a non-linear output, to keep f'(v_j)
    y6 = sp.tanh(sum(w * y for w, y in zip(w6, Y_HIDDEN)) + b6)
    e5, e6 = d5 - y5, d6 - y6
    E_total = sp.Rational(1, 2) * (e5**2 + e6**2)  # E = Σ_j E_j
    fp5, fp6 = 1 - y5**2, 1 - y6**2  # tansig f'(v_j)
    f1 = Y_HIDDEN[0]
    general = eta * (e5 * fp5 * w5[0] + e6 * fp6 * w6[0]) * f1 * (1 - f1) * x2  # Δw_12, with Σ_j
    slides = eta * e5 * fp5 * w5[0] * f1 * (1 - f1) * x2  # Δw_12 from E_5 alone
    grad = -eta * sp.diff(E_total, W["w12"])
    # Small values of both signs, so that no neuron saturates and no term vanishes.
    point = {s: sp.Rational((-1) ** n * (n + 3), 40) for n, s in enumerate(sorted(grad.free_symbols, key=str))}
    point[eta] = sp.Rational(1, 2)
    assert abs(float((general - grad).subs(point))) < 1e-12
    assert abs(float((slides - grad).subs(point))) > 1e-3
    general_b = eta * (e5 * fp5 * w5[0] + e6 * fp6 * w6[0]) * f1 * (1 - f1)  # Δb_1, with Σ_j
    grad_b = -eta * sp.diff(E_total, B["b1"])
    assert abs(float((general_b - grad_b).subs(point))) < 1e-12

    # ... and backprop computes the general form (the pages say so).
    net = backprop.Network(
        w_hidden=[[float(point[W[f"w{i}{k}"]]) for k in (1, 2)] for i in (1, 2, 3)],
        b_hidden=[float(point[B[f"b{i}"]]) for i in (1, 2, 3)],
        w_output=[[float(point[w]) for w in w5], [float(point[w]) for w in w6]],
        b_output=[float(point[b5]), float(point[b6])],
        output="tansig",
    )
    fp = backprop.forward(net, [float(point[x1]), float(point[x2])])
    target, rate = [float(point[d5]), float(point[d6])], float(point[eta])
    assert rules.delta_w_hidden(fp, target, rate)[0, 1] == pytest.approx(float(grad.subs(point)), rel=1e-10)
    assert rules.delta_b_hidden(fp, target, rate)[0] == pytest.approx(float(grad_b.subs(point)), rel=1e-10)


# The displayed LaTeX of each page's final rule, so that an edit of the page without an edit of the
# checks above fails here.
FINAL_RULES = {
    "rule-output-weights": [
        r"\Delta w_{ji}(n) = \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n)) = \eta\, e_j(n)\, y_{hi}(n)",
        r"w_{ji}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n))",
        r"\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, f(v_i(n))",
    ],
    "rule-output-bias": [
        r"\Delta b_j(n) = \eta\, \big(d_j(n) - y_j(n)\big) = \eta\, e_j(n)",
        r"b_j(n) + \eta\, \big(d_j(n) - y_j(n)\big)",
    ],
    "rule-hidden-weights": [
        r"\Delta w_{ik}(n) = \eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n)",
        r"\Delta w_{ik}(n) = \eta\, \Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big]\, f'(v_i(n))\, x_k(n)",
    ],
    "rule-hidden-biases": [
        r"\Delta b_i(n) = \eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)",
        r"\Delta b_i(n) = \eta\, \Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big]\, f'(v_i(n))",
    ],
}


@pytest.mark.parametrize("page", PAGES)
def test_checked_equations_are_the_displayed_ones(page):
    source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    for latex in FINAL_RULES[page]:
        assert latex in source, f"{page}.md no longer displays the checked equation {latex!r}"


# --------------------------------------------------------------------------------------------------
# (c) Every python block runs on its own.
# --------------------------------------------------------------------------------------------------

FENCE = re.compile(r"^(?P<indent>[ ]*)```python exec=\"1\"[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.M | re.S)


def exec_blocks(page: str) -> list[str]:
    source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    return [textwrap.dedent(m["body"]) for m in FENCE.finditer(source)]


@pytest.mark.parametrize("page", PAGES)
def test_every_python_block_runs_standalone(page, tmp_path):
    blocks = exec_blocks(page)
    assert len(blocks) >= 5, f"{page}: found only {len(blocks)} python blocks"
    for n, code in enumerate(blocks):
        proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, f"{page} block {n + 1} failed:\n{code}\n{proc.stderr}"
        assert proc.stdout.strip(), f"{page} block {n + 1} printed nothing"

