r"""docs/live-example.md: its inline expressions, listed and checked.

The live page has no display equations and no inline statement with a relation; its typed math is formulas and
numbers the prose says something of (``markdown_inline_expressions``): how the engine writes a number
("like $1 \times 10^{-7}$", "$1.234568 \times 10^{13}$"), what each update is ("$\eta\, \delta$ times what its
parameter multiplies"), the finite difference beside it, and the homework check's tolerance
("within $10^{-6} + 0.1\,\%$"). They are listed in page order, as typed, so that an edit of one fails the listing
test, and each is paired with a check of what its sentence says: the page's engine (docs/javascripts/
backprop-engine.js, run in mini-racer as test_live_engine does), the package's homework check and gradient check, and
the oracle's updates in plain math. test_live_engine checks the engine against the package on many networks.

The steps' formulas, which backprop.live writes in the page's exec blocks (every variant: each activation's y, f'(v)
and rule 2's linear and general forms), are listed too (``STEP_TEX``), as the rendered page shows them, and each is
read into sympy and proven on the network of each pair of activations it is shown for, every name defined from the
slides (``LiveNet``): the page's formulas were the only ones no test checked.
"""

from __future__ import annotations

import functools
import html
import itertools
import math
import re
from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pytest
import sympy as sp
from sympy.parsing.sympy_parser import parse_expr

from backprop import examples, forward, gradcheck, homework, rules, show
from tests.support import ROOT, oracle
from tests.support.js import script
from tests.support.pages import markdown_inline_expressions, norm_tex
from tests.support.reference_net import ETA, WORKED, D, X, finite_differences, flat, updates
from tests.support.snippets import render_page
from tests.support.symbolic import ETA_S, SymbolicNet, identical

PAGE = "live-example"
ENGINE = ROOT / "docs" / "javascripts" / "backprop-engine.js"


@pytest.fixture(scope="module")
def js():
    pytest.importorskip("py_mini_racer", reason="mini-racer missing: pip install -e '.[docs]'")
    with script(ENGINE) as call:
        yield call


Check = Callable[..., bool]  # called with the engine


def written_as(value: float, spec: str, tex: str) -> Check:
    """The engine writes ``value`` in a formula (``{{v}}``, or ``{{v:given}}`` for a value the reader gives) as
    ``tex``."""
    field = "{{v:given}}" if spec == "given" else "{{v}}"
    return lambda js: js(f"(v) => BackpropEngine.tex('{field}', {{v: v}})", value) == tex


def operands(step: str, op: str) -> tuple[str, str, str] | None:
    """The two written numbers and the result of a step ``a - b = c`` or ``a + (b) = c`` (a negative number in
    parentheses), whose "=" says the written numbers give the result; None for any other form."""
    m = re.fullmatch(rf"(-?[\d.]+) {re.escape(op)} \(?(-?[\d.]+)\)? = (.*)", step)
    return m.groups() if m else None


def tiny_given(js) -> bool:
    """A given value that six decimals would print as 0, or as a digit far off, is written as typed: 10^-7 -> 1 ×
    10^-7, not 0; 6 × 10^-7 not as 0.000001 (67 % off); 0.0000123 keeps 0.000012 (2.4 % off); never with more than
    the page's 13 significant digits."""
    return (show.num(1e-7) == "0.000000" and written_as(1e-7, "given", r"1 \times 10^{-7}")(js)
            and show.num(6e-7) == "0.000001" and written_as(6e-7, "given", r"6 \times 10^{-7}")(js)
            and written_as(1.23e-5, "given", "0.000012")(js)
            # a weight an applied step left at a double's rounding noise: 13 significant digits, not 17
            and written_as(1.1102230246251565e-16, "given", r"1.110223024625 \times 10^{-16}")(js))


def below_ten_to_minus_5_in_two_digits(js) -> bool:
    """A computed value below 10^-5 in size is written with two significant digits (9.4e-6 as 9.4 × 10^-6, 3.7e-8 as
    3.7 × 10^-8); from 10^-5 on with six decimals (1.23e-5 as 0.000012, two digits already)."""
    return (written_as(9.4e-6, "num", r"9.4 \times 10^{-6}")(js)
            and written_as(3.7e-8, "num", r"3.7 \times 10^{-8}")(js) and written_as(1.23e-5, "num", "0.000012")(js))


def y_in_a_small_difference_gets_its_decimals(js) -> bool:
    """With d typed as the worked example's y prints (e = d - y below 10^-5), the e step writes y with more than six
    decimals, and d - y as written gives e's two significant digits exactly (six decimals of y give 0)."""
    y = float(forward(examples.NET, examples.X).y_output[0])
    d = show.rounded(y)
    e_step = js("(net, x, d, eta) => BackpropEngine.substitutions(net, x, d, eta).e", examples.NET.to_dict(),
                list(examples.X), d, examples.ETA)
    found = operands(e_step, "-")
    if not found:
        return False
    minuend, subtrahend, result = found
    written = Decimal(minuend) - Decimal(subtrahend)
    return (show.in_scientific(d - y) and len(subtrahend.split(".")[1]) > show.DECIMALS
            and result == show.sci(d - y) and Decimal(f"{written:.1e}") == Decimal(f"{d - y:.1e}"))


def update_in_a_small_sum_gets_its_decimals(js) -> bool:
    """A reviewer's network with every hidden weight 10 (x = (1, 0.5), d = 1, η = 0.5): Δw_43 nearly cancels w_43 =
    0.9 (the oracle's w_43(n+1) = 6.4e-7), and six decimals of the update gave "0.9 + (-0.899999) ≈ 6.4e-7", whose
    numbers give 1.0e-6. The update is written with the decimals the sum needs, and the sum of the written numbers
    gives the written result exactly."""
    example = {"w_hidden": [[10.0, 10.0]] * 3, "b_hidden": [0.0] * 3, "w_output": [[0.7, 0.8, 0.9]],
               "b_output": [0.4], "hidden": "logsig", "output": "purelin", "x": [1.0, 0.5], "d": 1.0, "eta": 0.5}
    new = 0.9 + oracle.iteration(example)["dw_output"][0][2]
    step = js("(e) => BackpropEngine.substitutions(e, e.x, e.d, e.eta)['w43(n+1)']", example)
    found = operands(step, "+")
    if not found or not show.in_scientific(new):
        return False
    old, update, result = found
    return (old == "0.9" and update.startswith("-") and len(update.split(".")[1]) > show.DECIMALS
            and result == show.sci(new)
            and f"{Decimal(old) + Decimal(update):.1e}" == f"{Decimal(repr(new)):.1e}")


def cost_gets_the_decimals_it_needs(js) -> bool:
    """After five applied steps of the shipped worked example, E(n+1) = 1/2 (d - y(n+1))^2 is about 8.7e-11 and
    d - y(n+1) about -1.3e-5: six decimals of y(n+1) give d - y(n+1) its two digits but E only 8.5e-11. The E(n+1)
    step writes y(n+1) with more decimals, and 1/2 (d - y(n+1))^2 as written gives E(n+1)'s two significant digits
    exactly."""
    from backprop import Network, cost, step

    ex = oracle.shipped()  # the premise needs its numbers: another example is five steps from elsewhere
    net = Network(**{key: ex[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")})
    x, d, eta = np.array(ex["x"]), ex["d"], ex["eta"]
    for _ in range(5):
        net = step(net, x, d, eta)
    after = step(net, x, d, eta)
    E_next = float(cost(forward(after, x), d))
    six = (Decimal(show.given(d)) - Decimal(show.num(forward(after, x).y_output[0]))) ** 2 / 2
    formula = js("(net, x, d, eta) => BackpropEngine.substitutions(net, x, d, eta)['E(n+1)']", net.to_dict(),
                 list(x), d, eta)
    m = re.fullmatch(r"\\frac\{1\}\{2\} \\cdot \((-?[\d.]+) - (-?[\d.]+)\)\^2 = (.*)", formula)
    if not m or f"{six:.1e}" == f"{E_next:.1e}":  # the premise: six decimals would not give E's two digits
        return False
    d, y, result = m.groups()
    return (len(y.split(".")[1]) > show.DECIMALS and result == show.sci(E_next)
            and f"{(Decimal(d) - Decimal(y)) ** 2 / 2:.1e}" == f"{E_next:.1e}")


def digits_beyond_15_at_a_doubles_last_digits(js) -> bool:
    """The slides' network with d = 0.12345678 after 20 applied steps: e = d - y is at a double's last digits, and
    the e step writes both numbers with more than 15 significant digits, each the exact decimal of its double rounded
    where e needs it, so that the written numbers give e (the package's stepped network, exact decimals here)."""
    from backprop import Network, step

    net = Network([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], [0.1, 0.2, 0.3], [[0.7, 0.8, 0.9]], [0.4])
    x, d = [1.0, 0.5], 0.12345678
    for _ in range(20):
        net = step(net, x, d, 0.5)
    y = float(forward(net, x).y_output[0])
    e_step = js("(net, d) => BackpropEngine.substitutions(net, [1, 0.5], d, 0.5).e", net.to_dict(), d)
    found = operands(e_step, "-")
    if not found or d - y == 0:
        return False
    minuend, subtrahend, _ = found
    places = len(subtrahend.split(".")[1])
    return (all(len(text.replace(".", "").lstrip("0")) > 15 for text in (minuend, subtrahend))
            and Decimal(minuend) == round(Decimal(d), places) and Decimal(subtrahend) == round(Decimal(y), places)
            and f"{Decimal(minuend) - Decimal(subtrahend):.1e}" == f"{Decimal(d) - Decimal(y):.1e}")


def large_written_in_powers(js) -> bool:
    """From 10^13 on a computed number is written with 6 decimals of its mantissa, times a power of 10 (the engine
    keeps 13 significant digits)."""
    return written_as(1234567.8e7, "num", r"1.234568 \times 10^{13}")(js) and js(
        "() => BackpropEngine.SIGNIFICANT") == 13


def update_is_eta_delta_times_input(js) -> bool:
    """Every update is η δ times what its parameter multiplies: y_hi for w_4i, 1 for b_4, x_k for w_ik, 1 for b_i (the
    oracle's local gradients), as the package's rules and the engine compute them."""
    it = oracle.iteration(oracle.load_example())
    eta, d4, di, y_h, x = it["eta"], it["delta_output"][0], it["delta_hidden"], it["y_hidden"], it["x"]
    want = [*(eta * d4 * y for y in y_h), eta * d4 * 1, *(eta * di[i] * x[k] for i in range(3) for k in range(2)),
            *(eta * di[i] * 1 for i in range(3))]
    fp = forward(examples.NET, examples.X)
    package = [*rules.delta_w_output(fp, examples.D, examples.ETA).ravel(),
               *rules.delta_b_output(fp, examples.D, examples.ETA),
               *rules.delta_w_hidden(fp, examples.D, examples.ETA).ravel(),
               *rules.delta_b_hidden(fp, examples.D, examples.ETA)]
    engine = js("(net, x, d, eta) => { var u = BackpropEngine.rules(net, x, d, eta); "
                "return [u.dw_output, u.db_output, u.dw_hidden, u.db_hidden].flat(2); }",
                examples.NET.to_dict(), list(examples.X), examples.D, examples.ETA)
    return all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15) for got in (package, engine)
               for a, b in zip(got, want, strict=True))


def finite_difference_is_the_update(js) -> bool:
    """-η (E(θ + h) - E(θ - h))/2h with h = 10^-5 (plain math, the reference network) is each update, up to the
    difference's error; it is what the package's gradient check computes with its default h."""
    numerical = [-ETA * g for g in flat(finite_differences(WORKED, X, D, 1e-5))]
    right = flat(updates(WORKED, X, D, ETA))
    package = gradcheck.numerical_gradient(examples.NET, examples.X, examples.D)
    package = [-ETA * v for name in ("w_output", "b_output", "w_hidden", "b_hidden") for v in
               np.ravel(package[name])]
    return (numerical == pytest.approx(right, rel=1e-6, abs=1e-12) and package == pytest.approx(numerical, rel=1e-9)
            and gradcheck.numerical_gradient.__defaults__ == (1e-5,))


def tolerance_is_atol_plus_rtol(js) -> bool:
    """A value is right within 10^-6 + 0.001 % of the right one: homework's ATOL and RTOL, and the engine's."""
    same_constants = (homework.ATOL, homework.RTOL) == (1e-6, 1e-5) == tuple(js("() => [BackpropEngine.ATOL, "
                                                                               "BackpropEngine.RTOL]"))
    to = -0.734
    return same_constants and homework.tolerance(to) == 1e-6 + 0.00001 * abs(to) == js(
        "(to) => BackpropEngine.tolerance(to)", to)


def new_value_within_its_update(js) -> bool:
    """A new weight θ(n+1) is right within 10^-6 + 0.001 % of its update θ(n+1) - θ(n), in homework and the engine."""
    at_n, to = 0.5, 0.5 + 2e-4
    want = 1e-6 + 0.00001 * abs(to - at_n)
    return homework.tolerance(to, at_n) == pytest.approx(want, rel=1e-12) and js(
        "(to, atN) => BackpropEngine.tolerance(to, atN)", to, at_n) == pytest.approx(want, rel=1e-12)


def value_relative_would_pass_no_update(js) -> bool:
    """With a small step (θ(n) = 0.5, Δθ = 5·10^-6) 0.001 % of the value itself would accept θ(n), no update at all;
    the page's tolerance, 0.001 % of the update, refuses it."""
    at_n, to = 0.5, 0.5 + 5e-6
    return abs(at_n - to) <= homework.ATOL + homework.RTOL * abs(to) and not homework.close(at_n, to, at_n=at_n)


def six_decimals_of_e_times_a_large_eta(js) -> bool:
    """An error e of a few millionths written with six decimals, times a large η (5), is more than 10^-6 from η e."""
    eta, e = 5.0, 3.4e-6
    return abs(eta * float(show.num(e)) - eta * e) > 1e-6 > abs(float(show.num(e)) - e)


def next_values_within_their_change(js) -> bool:
    """y(n+1) and E(n+1) are measured against their change from y(n) and E(n), in homework and the engine: with a tansig
    output the oracle's y(n) and E(n), given for them, are wrong where each change is larger than its tolerance, and
    the oracle's values at n+1, rounded to six decimals, right."""
    ex = {**oracle.load_example(), "output": "tansig"}
    it = oracle.iteration(ex)
    right = oracle.trace_values(it)
    net = {k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output")} | {"hidden": ex.get("hidden", "logsig"),
                                                                                  "output": "tansig"}
    args = (homework.Network(**net), ex["x"], ex["d"], ex["eta"])
    verdicts = []
    for name, at_n in (("y(n+1)", it["y"]), ("E(n+1)", it["E"])):
        if abs(right[name] - at_n) <= 2 * (1e-6 + 1e-3 * abs(right[name] - at_n)):
            return False  # the premise: the change shows
        for value, ok in ((at_n, False), (round(right[name], 6), True)):
            engine = js("(n, x, d, eta, g) => BackpropEngine.check(n, x, d, eta, g).marks[0].ok", net, ex["x"],
                        ex["d"], ex["eta"], {name: value})
            verdicts.append(homework.check(*args, {name: value}).ok == ok == engine)
    return all(verdicts)


EXPRESSIONS = [
    (r"1 \times 10^{-7}", tiny_given),  # "or as you typed them where six would print 0, like $1 \times 10^{-7}$"
    (r"10^{-5}", below_ten_to_minus_5_in_two_digits),  # "or below $10^{-5}$, ... with two significant digits,
    # "and then both numbers of $d - y$ or $\theta + \Delta\theta$ with the decimals that the result needs"
    (r"d - y", y_in_a_small_difference_gets_its_decimals),
    (r"\theta + \Delta\theta", update_in_a_small_sum_gets_its_decimals),
    (r"d - y", cost_gets_the_decimals_it_needs),  # "(or the cost $E$ computed from $d - y$) needs"
    (r"1.234568 \times 10^{13}", large_written_in_powers),  # "from $10^{13}$ on it is written like"
    # "(the numbers of a $d - y$ or $\theta + \Delta\theta$ at a double's last digits are the exception: they are
    # written with every digit up to the one their result needs, as the double holds them)"
    (r"d - y", digits_beyond_15_at_a_doubles_last_digits),
    (r"\theta + \Delta\theta", digits_beyond_15_at_a_doubles_last_digits),
    (r"\eta\, \delta", update_is_eta_delta_times_input),  # "every update below is $\eta\, \delta$ times what its
    (r"1", update_is_eta_delta_times_input),  # parameter multiplies (the input of a weight, $1$ for a bias)"
    # "the same update measured numerically, without the rule, as ... with $h = 10^{-5}$"
    (r"-\eta\, \big(E(\theta + h) - E(\theta - h)\big) / 2h", finite_difference_is_the_update),
    (r"10^{-6} + 0.001\,\%", tolerance_is_atol_plus_rtol),  # "A value is right when it is within ... of the right one,
    (r"\theta(n+1)", new_value_within_its_update),  # and a new weight or bias $\theta(n+1)$ when it is within
    (r"10^{-6} + 0.001\,\%", new_value_within_its_update),  # ... of its update $\Delta\theta$
    (r"0.001\,\%", value_relative_would_pass_no_update),  # (with a small step, $0.001\,\%$ of the value itself would
    # pass no update at all), as are $y(n+1)$ and $E(n+1)$, of their change from $y(n)$ and $E(n)$
    (r"y(n+1)", next_values_within_their_change),
    (r"E(n+1)", next_values_within_their_change),
    # "an error $e$ of a few millionths written with six decimals can put $\eta\, e$ further
    # than $10^{-6}$ from the right update"
    (r"\eta\, e", six_decimals_of_e_times_a_large_eta),
    (r"10^{-6}", six_decimals_of_e_times_a_large_eta),
]


def test_the_page_types_exactly_the_listed_expressions():
    assert markdown_inline_expressions(PAGE) == [norm_tex(tex) for tex, _ in EXPRESSIONS]


@pytest.mark.parametrize(("tex", "check"), [pytest.param(tex, check, id=f"expression{n}")
                                            for n, (tex, check) in enumerate(EXPRESSIONS)])
def test_each_listed_expression_holds(js, tex, check):
    assert check(js), f"what the page says of ${tex}$ does not hold"


def test_the_checks_can_fail(js):
    """Wrong versions fail the same checks: 10^-7 written as 10^{-6} or 0, the mantissa with one digit less, a
    tolerance of 10^-6 + 1 %, and a large η of 1 (which six decimals of e cannot move by 10^-6)."""
    assert not written_as(1e-7, "given", r"1 \times 10^{-6}")(js) and not written_as(1e-7, "given", "0")(js)
    assert not written_as(1234567.8e7, "num", r"1.23457 \times 10^{13}")(js)
    assert homework.tolerance(-0.734) != 1e-6 + 0.01 * 0.734
    assert not abs(1.0 * float(show.num(3.4e-6)) - 3.4e-6) > 1e-6


# --- the steps' formulas (backprop.live), every variant, checked on the network in sympy ----------------------------
#
# A mutation review changed live.py's rule 3 to \Delta w_{ik} = \eta\, \delta_i\, x_i and dropped the 1/2 of E(n+1),
# and no test failed: the page's formulas are written by backprop.live in its exec blocks, not typed in the Markdown.
# Here every formula of every step, in every variant (an activation's, or rule 2's linear output and any other), is
# listed as typed; the page shows exactly these (the rendered page's steps, in order), and each is read into sympy
# (``sides``) and its sides proven equal (``identical``) on the network of each pair of activations it is shown for,
# every name defined from the slides, not from live.py: the fields and the activations, e = d - y, E = 1/2 e^2,
# f'(v) by sp.diff, the local gradient delta_j = -dE/dv_j (E written as a function of the field), the update
# Delta theta = -eta dE/dtheta, theta(n+1) the gradient step from theta(n), and v_4, y, E at (n+1) those of the network
# at new parameters (symbols: the relation holds whatever the step).

STEP_TEX = [  # (step, the variant it is shown for: "hidden:tansig", "output:other"..., None for every network, TeX)
    ("v1", None, r"v_1 = w_{11} x_1 + w_{12} x_2 + b_1"),
    ("v2", None, r"v_2 = w_{21} x_1 + w_{22} x_2 + b_2"),
    ("v3", None, r"v_3 = w_{31} x_1 + w_{32} x_2 + b_3"),
    ("y_h1", "hidden:logsig", r"y_{h1} = f(v_1) = \frac{1}{1 + e^{-v_1}}"),
    ("y_h1", "hidden:tansig", r"y_{h1} = f(v_1) = \tanh v_1"),
    ("y_h1", "hidden:purelin", r"y_{h1} = f(v_1) = v_1"),
    ("y_h2", "hidden:logsig", r"y_{h2} = f(v_2) = \frac{1}{1 + e^{-v_2}}"),
    ("y_h2", "hidden:tansig", r"y_{h2} = f(v_2) = \tanh v_2"),
    ("y_h2", "hidden:purelin", r"y_{h2} = f(v_2) = v_2"),
    ("y_h3", "hidden:logsig", r"y_{h3} = f(v_3) = \frac{1}{1 + e^{-v_3}}"),
    ("y_h3", "hidden:tansig", r"y_{h3} = f(v_3) = \tanh v_3"),
    ("y_h3", "hidden:purelin", r"y_{h3} = f(v_3) = v_3"),
    ("v4", None, r"v_4 = w_{41} y_{h1} + w_{42} y_{h2} + w_{43} y_{h3} + b_4"),
    ("y", "output:logsig", r"y = f(v_4) = \frac{1}{1 + e^{-v_4}}"),
    ("y", "output:tansig", r"y = f(v_4) = \tanh v_4"),
    ("y", "output:purelin", r"y = f(v_4) = v_4"),
    ("e", None, r"e = d - y"),
    ("E", None, r"E = \frac{1}{2} e^2"),
    ("f'(v4)", "output:logsig", r"f'(v_4) = y\,(1 - y)"),
    ("f'(v4)", "output:tansig", r"f'(v_4) = 1 - y^2"),
    ("f'(v4)", "output:purelin", r"f'(v_4) = 1"),
    ("f'(v1)", "hidden:logsig", r"f'(v_1) = y_{h1}\,(1 - y_{h1})"),
    ("f'(v1)", "hidden:tansig", r"f'(v_1) = 1 - y_{h1}^2"),
    ("f'(v1)", "hidden:purelin", r"f'(v_1) = 1"),
    ("f'(v2)", "hidden:logsig", r"f'(v_2) = y_{h2}\,(1 - y_{h2})"),
    ("f'(v2)", "hidden:tansig", r"f'(v_2) = 1 - y_{h2}^2"),
    ("f'(v2)", "hidden:purelin", r"f'(v_2) = 1"),
    ("f'(v3)", "hidden:logsig", r"f'(v_3) = y_{h3}\,(1 - y_{h3})"),
    ("f'(v3)", "hidden:tansig", r"f'(v_3) = 1 - y_{h3}^2"),
    ("f'(v3)", "hidden:purelin", r"f'(v_3) = 1"),
    ("δ4", None, r"\delta_4 = e\, f'(v_4)"),
    ("δ1", None, r"\delta_1 = f'(v_1)\, w_{41}\, \delta_4"),
    ("δ2", None, r"\delta_2 = f'(v_2)\, w_{42}\, \delta_4"),
    ("δ3", None, r"\delta_3 = f'(v_3)\, w_{43}\, \delta_4"),
    # rule 1
    ("Δw41", None, r"\Delta w_{41} = \eta\, \delta_4\, y_{h1}"),
    ("w41(n+1)", None, r"w_{41}(n+1) = w_{41}(n) + \Delta w_{41}"),
    ("Δw42", None, r"\Delta w_{42} = \eta\, \delta_4\, y_{h2}"),
    ("w42(n+1)", None, r"w_{42}(n+1) = w_{42}(n) + \Delta w_{42}"),
    ("Δw43", None, r"\Delta w_{43} = \eta\, \delta_4\, y_{h3}"),
    ("w43(n+1)", None, r"w_{43}(n+1) = w_{43}(n) + \Delta w_{43}"),
    # rule 2: the slides' form for a linear output, the general one for any other
    ("Δb4", "output:purelin", r"\Delta b_4 = \eta\, \delta_4 = \eta\, (d - y)"),
    ("Δb4", "output:other", r"\Delta b_4 = \eta\, \delta_4"),
    ("b4(n+1)", None, r"b_4(n+1) = b_4(n) + \Delta b_4"),
    # rule 3
    ("Δw11", None, r"\Delta w_{11} = \eta\, \delta_1\, x_1"),
    ("w11(n+1)", None, r"w_{11}(n+1) = w_{11}(n) + \Delta w_{11}"),
    ("Δw12", None, r"\Delta w_{12} = \eta\, \delta_1\, x_2"),
    ("w12(n+1)", None, r"w_{12}(n+1) = w_{12}(n) + \Delta w_{12}"),
    ("Δw21", None, r"\Delta w_{21} = \eta\, \delta_2\, x_1"),
    ("w21(n+1)", None, r"w_{21}(n+1) = w_{21}(n) + \Delta w_{21}"),
    ("Δw22", None, r"\Delta w_{22} = \eta\, \delta_2\, x_2"),
    ("w22(n+1)", None, r"w_{22}(n+1) = w_{22}(n) + \Delta w_{22}"),
    ("Δw31", None, r"\Delta w_{31} = \eta\, \delta_3\, x_1"),
    ("w31(n+1)", None, r"w_{31}(n+1) = w_{31}(n) + \Delta w_{31}"),
    ("Δw32", None, r"\Delta w_{32} = \eta\, \delta_3\, x_2"),
    ("w32(n+1)", None, r"w_{32}(n+1) = w_{32}(n) + \Delta w_{32}"),
    # rule 4
    ("Δb1", None, r"\Delta b_1 = \eta\, \delta_1"),
    ("b1(n+1)", None, r"b_1(n+1) = b_1(n) + \Delta b_1"),
    ("Δb2", None, r"\Delta b_2 = \eta\, \delta_2"),
    ("b2(n+1)", None, r"b_2(n+1) = b_2(n) + \Delta b_2"),
    ("Δb3", None, r"\Delta b_3 = \eta\, \delta_3"),
    ("b3(n+1)", None, r"b_3(n+1) = b_3(n) + \Delta b_3"),
    # after the update
    ("y(n+1)", None, r"y(n+1) = f\big(v_4(n+1)\big)"),
    ("E(n+1)", None, r"E(n+1) = \frac{1}{2} \big(d - y(n+1)\big)^2"),
]

ACTIVATION = {"logsig": lambda t: 1 / (1 + sp.exp(-t)), "tansig": sp.tanh, "purelin": lambda t: t}  # the slides' f
HIDDEN = (1, 2, 3)
_T = sp.Dummy("t")


def slope(activation: str, at: sp.Expr) -> sp.Expr:
    """f'(v) at ``at``: sympy's derivative of the activation."""
    return sp.diff(ACTIVATION[activation](_T), _T).xreplace({_T: at})


def half_squared(error: sp.Expr) -> sp.Expr:
    """The cost 1/2 e^2, its square built as written (sympy's automatic checks on the squares are slow, as in
    SymbolicNet)."""
    with sp.evaluate(False):
        return sp.Rational(1, 2) * error**2


class LiveNet:
    """The live page's network in sympy: SymbolicNet's symbols and hidden fields, ``hidden`` and ``output`` as its
    activations, and the meaning of every name a step's formula uses (``names``), each from its definition."""

    def __init__(self, hidden: str, output: str):
        net = SymbolicNet()
        f, g = ACTIVATION[hidden], ACTIVATION[output]
        x, w, b, d = net.x, net.w, net.b, net.d[4]
        params = [*(w[4, i] for i in HIDDEN), b[4], *(w[i, k] for i in HIDDEN for k in x), *(b[i] for i in HIDDEN)]

        def output_field(y_h: dict, weights: dict) -> sp.Expr:
            return sum(weights[w[4, i]] * y_h[i] for i in HIDDEN) + weights[b[4]]

        same = {p: p for p in params}
        v = {i: net.v[i] for i in HIDDEN} | {4: output_field({i: f(net.v[i]) for i in HIDDEN}, same)}
        y = g(v[4])
        cost = half_squared(d - y)
        s = {j: sp.Dummy(f"s{j}") for j in (*HIDDEN, 4)}  # the fields as free variables: E as a function of each
        as_fields = half_squared(d - g(output_field({i: f(s[i]) for i in HIDDEN}, same)))
        delta = {i: -sp.diff(as_fields, s[i]).xreplace({s[k]: v[k] for k in HIDDEN}) for i in HIDDEN}
        delta[4] = -sp.diff(half_squared(d - g(s[4])), s[4]).xreplace({s[4]: v[4]})
        step = {p: -ETA_S * sp.diff(cost, p) for p in params}  # Δθ(n) = -η ∂E(n)/∂θ
        new = {p: sp.Symbol(f"{p.name}'") for p in params}  # any parameters at n+1
        new_hidden = {i: sum(new[w[i, k]] * x[k] for k in x) + new[b[i]] for i in HIDDEN}
        v4_new = output_field({i: f(new_hidden[i]) for i in HIDDEN}, new)
        label = {p: p.name.replace("_", "") for p in params}  # w_41 -> w41, as ``sides`` writes the names
        self.names = (
            {f"x{k}": x[k] for k in x} | {label[p]: p for p in params} | {"eta": ETA_S, "d": d}
            | {f"v{j}": v[j] for j in v} | {f"yh{i}": f(v[i]) for i in HIDDEN} | {"y": y, "e": d - y, "E": cost}
            | {f"f_v{i}": f(v[i]) for i in HIDDEN} | {"f_v4": g(v[4])}
            | {f"fprime_v{i}": slope(hidden, v[i]) for i in HIDDEN} | {"fprime_v4": slope(output, v[4])}
            | {f"delta{j}": delta[j] for j in delta} | {f"Delta{label[p]}": step[p] for p in params}
            | {f"{label[p]}_next": p + step[p] for p in params}  # θ(n+1): the gradient step from θ(n)
            | {"v4_next": v4_new, "f_v4_next": g(v4_new), "y_next": g(v4_new), "E_next": half_squared(d - g(v4_new))})
        at_new = np.random.default_rng(5).uniform(-1.5, 1.5, len(new))
        self.point = net.point | {ETA_S: sp.Float(0.37)} | {
            symbol: sp.Float(value) for symbol, value in zip(new.values(), at_new, strict=True)}

    def differs(self, gap: sp.Expr) -> bool:
        """The two sides apart at the network's random point (a quick "no" before sympy's simplify)."""
        return abs(float(gap.xreplace(self.point))) > 1e-9


@functools.cache
def live_net(hidden: str, output: str) -> LiveNet:
    return LiveNet(hidden, output)


_READ = [  # TeX -> a Python expression of ``LiveNet.names``, in this order
    (r"\\big|\\Big", ""), (r"\\,", " "), (r"\\Delta\s+", "Delta"), (r"\\(eta|delta)(?![a-z])", r"\1"),
    (r"_\{(\w+)\}|_(\w)", r"\1\2"),  # w_{41} -> w41, y_{h1} -> yh1, v_4 -> v4, \delta_4 -> delta4
    (r"\(n\+1\)", "_next"), (r"\(n\)", ""),  # w41(n+1) -> w41_next, w41(n) -> w41
    (r"f'\((\w+)\)", r"fprime_\1"), (r"f\((\w+)\)", r"f_\1"),  # f'(v4) -> fprime_v4, f(v4_next) -> f_v4_next
    (r"(?<!\w)e\^\{([^{}]*)\}", r"exp(\1)"), (r"\\tanh\s+(\w+)", r"tanh(\1)"),  # e^{-v1}; e^2 is the error squared
    (r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))"), (r"\^", "**"),
    (r"(?<=[\w)])\s+(?=[\w(])", "*"),  # a product: eta delta1 x1 -> eta*delta1*x1
]


def sides(tex: str, net: LiveNet) -> list[sp.Expr]:
    """Each side of the chain of equations ``tex`` as a sympy expression of ``net``'s symbols; every name must be one
    ``net.names`` defines."""
    text = tex
    for pattern, replacement in _READ:
        text = re.sub(pattern, replacement, text)
    assert not re.search(r"[\\{}']", text), f"{tex!r} read as {text!r}"
    known = net.names | {"exp": sp.exp, "tanh": sp.tanh}
    unknown = set(re.findall(r"[A-Za-z_]\w*", text)) - set(known)
    assert not unknown, f"{tex!r}: {sorted(unknown)} are not defined"
    return [parse_expr(side, local_dict=known) for side in text.split("=")]


def holds_on(tex: str, net: LiveNet) -> bool:
    """Every side of ``tex`` equal to the next on ``net``, as a sympy identity."""
    return all(identical(a, b, net.differs) for a, b in itertools.pairwise(sides(tex, net)))


def networks_shown(when: str | None) -> list[tuple[str, str]]:
    """The (hidden, output) activations for which the page shows a formula of variant ``when``: as live.js selects
    (``output:other`` for any output but purelin), every pair for a formula without variants."""
    pairs = [(h, o) for h in ACTIVATION for o in ACTIVATION]
    if when is None:
        return pairs
    layer, act = when.split(":")
    if act == "other":
        return [(h, o) for h, o in pairs if o != "purelin"]
    return [(h, o) for h, o in pairs if (h, o)[layer == "output"] == act]


STEP_HTML = re.compile(r'<div class="bp-step" data-step="([^"]+)"><span class="bp-step__tex">(.*?)</span> '
                       r'<span class="bp-step__num"')
FORMULA_HTML = re.compile(r'(?:<span data-when="([^"]+)"( hidden)?>)?<span class="arithmatex">\\\((.*?)\\\)</span>')


def step_formulas(text: str) -> list[tuple[str, str | None, str]]:
    """(step, variant or None, TeX) of every formula of every step in the HTML ``text``, in order."""
    return [(html.unescape(key), when or None, html.unescape(tex)) for key, formula in STEP_HTML.findall(text)
            for when, _, tex in FORMULA_HTML.findall(formula)]


def test_the_page_shows_exactly_the_listed_step_formulas():
    """The rendered page's steps (its exec blocks run as the build runs them) write exactly the listed formulas."""
    assert step_formulas(render_page(PAGE)) == STEP_TEX


@pytest.mark.parametrize(("step", "when", "tex"), [pytest.param(*entry, id=f"{entry[0]}-{entry[1] or 'all'}")
                                                   for entry in STEP_TEX])
def test_each_step_formula_holds_for_every_network_it_is_shown_for(step, when, tex):
    wrong = [pair for pair in networks_shown(when) if not holds_on(tex, live_net(*pair))]
    assert wrong == [], f"{step}: ${tex}$ does not hold for (hidden, output) = {wrong}"


def test_the_step_checks_can_fail():
    """The mutations the review made, and a formula shown for the wrong activation, fail the same checks."""
    slides, tansig = live_net("logsig", "purelin"), live_net("tansig", "logsig")
    assert not holds_on(r"\Delta w_{12} = \eta\, \delta_1\, x_1", slides)  # x_i for x_k
    assert not holds_on(r"E(n+1) = \big(d - y(n+1)\big)^2", slides)  # the 1/2 dropped
    assert not holds_on(r"E = e^2", tansig)
    assert not holds_on(r"\Delta b_4 = \eta\, \delta_4 = \eta\, (d - y)", tansig)  # the linear form, any output
    assert not holds_on(r"f'(v_4) = y\,(1 - y)", live_net("logsig", "tansig"))
    assert not holds_on(r"\delta_1 = f'(v_1)\, w_{42}\, \delta_4", tansig)
    assert not holds_on(r"w_{41}(n+1) = w_{41}(n) - \Delta w_{41}", slides)
    assert not holds_on(r"y(n+1) = f\big(v_4(n)\big)", slides)
    assert not holds_on(r"y_{h1} = f(v_1) = \tanh v_1", slides)
    # the reading: a fraction, e^{...} as the exponential and e^2 as the error squared, a product, (n+1)
    assert sides(r"E = \frac{1}{2} e^2", slides)[1] == sp.Rational(1, 2) * slides.names["e"] ** 2
    assert sides(r"\frac{1}{1 + e^{-v_1}}", slides) == [1 / (1 + sp.exp(-slides.names["v1"]))]
    assert sides(r"\eta\, \delta_1\, x_2", slides) == [ETA_S * slides.names["delta1"] * slides.names["x2"]]
    with pytest.raises(AssertionError, match="not defined"):
        sides(r"\Delta w_{44} = 0", slides)


def test_every_formula_the_page_shows_holds_listed_or_not():
    """A formula the page shows that the table does not list (an edit of live.py) fails the listing test; here it is
    checked as the listed ones are, so that the failure says whether the new formula is true."""
    unlisted = [entry for entry in step_formulas(render_page(PAGE)) if entry not in STEP_TEX]
    wrong = [(step, tex) for step, when, tex in unlisted
             if not all(holds_on(tex, live_net(*pair)) for pair in networks_shown(when))]
    assert wrong == []
