r"""docs/live-example.md: its inline expressions, listed and checked.

The live page has no display equations and no inline statement with a relation; its typed math is formulas and
numbers the prose says something of (``markdown_inline_expressions``): how the engine writes a number
("like $1 \times 10^{-7}$", "$1.234568 \times 10^{13}$"), what each update is ("$\eta\, \delta$ times what its
parameter multiplies"), the finite difference beside it, and the homework check's tolerance
("within $10^{-6} + 0.1\,\%$"). They are listed in page order, as typed, so that an edit of one fails the listing
test, and each is paired with a check of what its sentence says: the page's engine (docs/javascripts/
backprop-engine.js, run in mini-racer as test_live_engine does), the package's homework check and gradient check, and
the oracle's updates in plain math. test_live_engine checks the engine against the package on many networks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pytest

from backprop import examples, forward, gradcheck, homework, rules, show
from tests.support import ROOT, oracle
from tests.support.js import script
from tests.support.pages import markdown_inline_expressions, norm_tex
from tests.support.reference_net import ETA, WORKED, D, X, finite_differences, flat, updates

pytest.importorskip("py_mini_racer", reason="mini-racer missing: pip install -e '.[docs]'")

PAGE = "live-example"
ENGINE = ROOT / "docs" / "javascripts" / "backprop-engine.js"


@pytest.fixture(scope="module")
def js():
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
    """A value is right within 10^-6 + 0.1 % of the right one: homework's ATOL and RTOL, and the engine's."""
    same_constants = (homework.ATOL, homework.RTOL) == (1e-6, 1e-3) == tuple(js("() => [BackpropEngine.ATOL, "
                                                                               "BackpropEngine.RTOL]"))
    to = -0.734
    return same_constants and homework.tolerance(to) == 1e-6 + 0.001 * abs(to) == js(
        "(to) => BackpropEngine.tolerance(to)", to)


def new_value_within_its_update(js) -> bool:
    """A new weight θ(n+1) is right within 10^-6 + 0.1 % of its update θ(n+1) - θ(n), in homework and the engine."""
    at_n, to = 0.5, 0.5 + 2e-4
    want = 1e-6 + 0.001 * abs(to - at_n)
    return homework.tolerance(to, at_n) == pytest.approx(want, rel=1e-12) and js(
        "(to, atN) => BackpropEngine.tolerance(to, atN)", to, at_n) == pytest.approx(want, rel=1e-12)


def value_relative_would_pass_no_update(js) -> bool:
    """With a small step (θ(n) = 0.5, Δθ = 10^-4) 0.1 % of the value itself would accept θ(n), no update at all; the
    page's tolerance, 0.1 % of the update, refuses it."""
    at_n, to = 0.5, 0.5 + 1e-4
    return abs(at_n - to) <= homework.ATOL + homework.RTOL * abs(to) and not homework.close(at_n, to, at_n=at_n)


def six_decimals_of_e_times_a_large_eta(js) -> bool:
    """An error e of a few millionths written with six decimals, times a large η (5), is more than 10^-6 from η e."""
    eta, e = 5.0, 3.4e-6
    return abs(eta * float(show.num(e)) - eta * e) > 1e-6 > abs(float(show.num(e)) - e)


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
    (r"10^{-6} + 0.1\,\%", tolerance_is_atol_plus_rtol),  # "A value is right when it is within ... of the right one,
    (r"\theta(n+1)", new_value_within_its_update),  # and a new weight or bias $\theta(n+1)$ when it is within
    (r"10^{-6} + 0.1\,\%", new_value_within_its_update),  # ... of its update $\Delta\theta$
    (r"0.1\,\%", value_relative_would_pass_no_update),  # (with a small step, $0.1\,\%$ of the value itself would
    # pass no update at all)"; "an error $e$ of a few millionths written with six decimals can put $\eta\, e$ further
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
