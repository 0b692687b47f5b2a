r"""Every typed inline equation of the home page (docs/index.md), the teaching page (docs/teaching.md) and
docs/useful-derivatives.md, listed and checked, as test_equations_errata does for the errata page (whose check helpers
this module imports).

A mutation audit edited the home page's ``error $e = d - y =`` to ``e = y - d`` and no test failed: the line is
typed in an exec block, and test_home reads only the prose's sentence. Here each page's inline statements
(``markdown_inline_statements``), its inline expressions the prose says something of (``markdown_inline_expressions``)
and the TeX typed in its exec blocks (``code_tex``) are listed in page order, as typed, so that any edit fails the
listing test, each with a check of what it states:

* the home page's error, cost and gradient step against the oracle's iteration and sympy's derivatives of the slides'
  network (the rule pages' ``samples``), and what the package prints there against the oracle; the teaching page's
  limits on an example ($\eta > 0$, $e = 0$, $x = (0, 0)$) in sympy;
* the useful derivatives with test_useful_derivatives' sympy rows and facts (reused, not copied): a row the slides
  print wrong is checked wrong, a correction right, a row's domain ($x > 0$, $x \neq 0$) by the row holding there.

The display equations of useful-derivatives are listed by test_useful_derivatives (the home and teaching pages have
none).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp

import backprop
from backprop import activations, examples, rules
from tests.pages import test_useful_derivatives as ud
from tests.pages.test_equations_errata import (
    Check,
    all_of,
    central_difference_is_the_slope,
    code_says,
    cosh_squared_at_most_minus_1,
    csch_squared_tends_to_0,
    equal,
    logsig_is,
)
from tests.pages.test_equations_rules_1_2 import (
    SLIDES,
    close,
    code_tex,
    cost_is_half_the_squared_error,
    eta_is_positive,
    is_output,
    samples,
)
from tests.pages.test_forward_activations_cost import weight_feeds, weights_go_to_i_from_k
from tests.support import oracle
from tests.support.pages import markdown_inline_expressions, markdown_inline_statements, markdown_says, norm_tex
from tests.support.symbolic import ETA_S as ETA

# --- the home page: the slides' network (the rule pages' SLIDES: logsig hidden, linear output 4) --------------------

PARAMETERS = [*(SLIDES.w[4, i] for i in (1, 2, 3)), SLIDES.b[4], *(SLIDES.w[i, k] for i in (1, 2, 3) for k in (1, 2)),
              *(SLIDES.b[i] for i in (1, 2, 3))]


def oracle_updates(it: dict) -> list[float]:
    """The oracle's Δθ, in the order of PARAMETERS."""
    return [*it["dw_output"][0], it["db_output"][0], *(dw for row in it["dw_hidden"] for dw in row), *it["db_hidden"]]


def error_is(rule) -> Check:
    """e = ``rule``(d, y): the oracle's error, and the error the package prints, on random networks."""
    def check() -> bool:
        for _, it in samples():
            printed = rules.error(backprop.forward(network_of(it), np.array(it["x"])), it["d"])[0]
            if not (close(rule(it["d"], it["y"]), it["e"]) and close(rule(it["d"], it["y"]), printed)):
                return False
        return True
    return check


def network_of(it: dict) -> backprop.Network:
    """The package's network of an oracle iteration's weights (before the step)."""
    w = [np.array(it["new"][key], dtype=float) - np.array(step, dtype=float) for key, step in
         (("w_hidden", it["dw_hidden"]), ("b_hidden", it["db_hidden"]), ("w_output", it["dw_output"]),
          ("b_output", it["db_output"]))]
    return backprop.Network(*w, hidden=it["hidden"], output=it["output"])


def steps_are(step) -> Check:
    """Δθ = ``step``(∂E/∂θ) for every weight and bias: the oracle's updates against sympy's derivatives of E."""
    def check() -> bool:
        return all(close(step(sp.diff(SLIDES.E, theta)).xreplace(p), dtheta)
                   for p, it in samples() for theta, dtheta in zip(PARAMETERS, oracle_updates(it), strict=True))
    return check


def one_iteration() -> bool:
    """n -> n+1: the package's step (all four rules from the values at n) gives the oracle's new weights."""
    for _, it in samples():
        new = backprop.step(network_of(it), np.array(it["x"]), it["d"], it["eta"])
        for key in ("w_hidden", "b_hidden", "w_output", "b_output"):
            if not np.allclose(getattr(new, key), it["new"][key], rtol=1e-12, atol=1e-15):
                return False
    return True


def no_error_no_step() -> bool:
    """e = 0 leaves nothing to learn: with d = y every slope of E is 0 (and not otherwise)."""
    at_target = {SLIDES.d[4]: SLIDES.y[4]}
    return all(sp.diff(SLIDES.E, theta).subs(at_target) == 0 != sp.diff(SLIDES.E, theta) for theta in PARAMETERS)


def zero_input_no_hidden_gradient() -> bool:
    """x = (0, 0): every hidden weight's gradient is 0 (a hidden bias's is not)."""
    zero = {SLIDES.x[1]: 0, SLIDES.x[2]: 0}
    return (all(sp.diff(SLIDES.E, SLIDES.w[i, k]).subs(zero) == 0 for i in (1, 2, 3) for k in (1, 2))
            and all(sp.diff(SLIDES.E, SLIDES.b[i]).subs(zero) != 0 for i in (1, 2, 3)))


def given(name: str) -> Check:
    """The example's x, d or η as the page prints them (backprop.examples) are the example file's."""
    def check() -> bool:
        ex = oracle.load_example(oracle.example_file())
        return bool(np.array_equal(np.ravel({"x": examples.X, "d": examples.D, "eta": examples.ETA}[name]),
                                   np.ravel(ex[name])))
    return check


def output_is_the_oracles() -> bool:
    """The network output y the page prints (the package's forward pass of the example) is the oracle's y_4."""
    ex = oracle.load_example(oracle.example_file())
    return close(backprop.forward(examples.NET, examples.X).y_output[0], oracle.iteration(ex)["y"])


ERROR = error_is(lambda d, y: d - y)  # e = d - y
GRADIENT_STEP = steps_are(lambda slope: -ETA * slope)  # Δw = -η ∂E/∂w

INDEX_INLINE = [
    (r"e = d - y", ERROR),
    (r"E = \tfrac12 e^2", cost_is_half_the_squared_error),
    (r"\Delta w = -\eta\, \partial E / \partial w", GRADIENT_STEP),
    (r"\eta > 0", eta_is_positive),
    (r"n \to n+1", one_iteration),
]

TEACHING_INLINE = [  # the example's limits
    (r"\eta > 0", eta_is_positive),
    (r"e = 0", no_error_no_step),
    (r"E = \tfrac12 e^2", cost_is_half_the_squared_error),
    (r"x = (0, 0)", zero_input_no_hidden_gradient),
]

def smallest_normal_double() -> bool:
    """"below the smallest normal double (about 2.2 × 10^-308)": sys.float_info.min, the loader's bound."""
    import sys

    return f"{sys.float_info.min:.1e}" == "2.2e-308"


INDEX_EXPRESSIONS = [
    (r"4", is_output(4)),  # "one linear output neuron $4$"
]

TEACHING_EXPRESSIONS = [
    (r"2.2 \times 10^{-308}", smallest_normal_double),  # the loader's refusals: "below the smallest normal double"
]

# The home page's sentence of names (a mutation audit made its $w_{ik}$ a $w_{ki}$ and no test failed): as typed, with
# the package's weight layout (w_hidden[i-1][k-1] multiplies x_k in v_i, w_output[0][i-1] multiplies y_hi in v_4).
INDEX_NAMES = (r"Hidden neuron $i$ weights input $k$ with $w_{ik}$. The output neuron weights hidden neuron $i$ with "
               r"$w_{4i}$.", weights_go_to_i_from_k)

INDEX_CODE = [
    (r"x = ({{x1:given}}, {{x2:given}})", given("x")),
    (r"d = {{d:given}}", given("d")),
    (r"\eta = {{eta:given}}", given("eta")),
    (r"y = {{y}}", output_is_the_oracles),
    (r"e = d - y = {{d:given}} - {{y}} {{rel}} {{e}}", ERROR),
    (r"E = \tfrac12 e^2 = \tfrac12 \cdot {{e}}^2 {{rel}} {{E}}", cost_is_half_the_squared_error),
    # the paragraph on numbers
    (r"=", None),
    (r"\approx", None),
    (r"v = {{v:given}}", None),
    (r"f'(v) = {{slope}}", lambda: slope_is_the_logistic_ones()),
]


def slope_is_the_logistic_ones() -> bool:
    """The paragraph on numbers: its f'(v) is the logistic slope at its v (test_home, in plain math)."""
    from tests.pages.test_home import test_home_page_says_how_numbers_are_written

    test_home_page_says_how_numbers_are_written()
    return True

# --- docs/useful-derivatives.md: test_useful_derivatives' rows and facts, in sympy ---------------------------------


def holds(f: sp.Expr, g: sp.Expr, domain: str) -> Check:
    """d/dx f = g on ``domain`` ("all", "positive", "nonzero"), with test_useful_derivatives' sympy."""
    return lambda: all(ud.is_zero(residual) for residual in ud.branches(sp.diff(f, ud.x) - g, domain))


def row(name: str) -> Check:
    """test_useful_derivatives' row d/dx ``name``, on the domain it is claimed for."""
    (check,) = [holds(f, g, domain) for tex_f, _, f, g, domain in ud.ROWS if tex_f == name]
    return check


def is_wrong(f: sp.Expr, g: sp.Expr) -> Check:
    """d/dx f is not g."""
    return lambda: not ud.is_zero(sp.diff(f, ud.x) - g)


def slide_row_is_wrong(n: int) -> Check:
    """test_useful_derivatives' SLIDE_WRONG row n, as the slides print it, is not the derivative."""
    _, f, wrong = ud.SLIDE_WRONG[n]
    return is_wrong(f, wrong)


def fact(n: int) -> Check:
    """test_useful_derivatives' FACTS entry n: each of its sides equal to the next."""
    return lambda: all(ud.is_zero(left - right) for left, right in itertools.pairwise(ud.FACTS[n][1]))


def tansig_is_sinh_over_cosh() -> bool:
    """tanh z = sinh z / cosh z, and the package's tansig is it (at z = -4, ..., 4)."""
    z = sp.Symbol("z", real=True)
    return equal(sp.tanh(z), sp.sinh(z) / sp.cosh(z))() and all(
        close(activations.tansig(v), sp.sinh(v) / sp.cosh(v)) for v in np.linspace(-4.0, 4.0, 9))


DERIVATIVES_INLINE = [
    (r"\frac{d}{dx} e^x = e^x", fact(0)),
    (r"\frac{d}{dz} e^{-z} = -e^{-z}", fact(1)),
    (r"\frac{d}{dx}\sinh x = \cosh x", fact(2)),
    (r"\frac{d}{dx}\cosh x = \sinh x", fact(3)),
    (r"\frac{d}{dx}\tanh x = \operatorname{sech}^2 x", fact(4)),
    (r"\frac{d}{dx} a^x = a^x \ln a", fact(5)),
    (r"a^x = e^{x \ln a}", equal(ud.a**ud.x, sp.exp(ud.x * sp.log(ud.a)))),
    (r"h = 10^{-5}", all_of(code_says(0, "h = 1e-5", page="useful-derivatives"),
                            code_says(1, "x, h = 1.0, 1e-5", page="useful-derivatives"))),
    (r"\frac{d}{dx}(\coth x) = -\cosh^2 x", slide_row_is_wrong(0)),  # the warning's title: the slides' row
    (r"\frac{d}{dx}\frac{\cosh x}{\sinh x} = \frac{\sinh^2 x - \cosh^2 x}{\sinh^2 x} = \frac{-1}{\sinh^2 x}", fact(6)),
    (r"\operatorname{csch} x = 1/\sinh x", fact(7)),
    (r"-\cosh^2 x \le -1", cosh_squared_at_most_minus_1),
    (r"\frac{d}{dx}(\cosh x) = -\cosh x \coth x", slide_row_is_wrong(1)),
    (r"\frac{d}{dx}\cosh x = \sinh x", row(r"\cosh x")),
    (r"\operatorname{csch} = 1/\sinh", fact(7)),
    (r"\frac{d}{dx}(\sinh x)^{-1} = -\frac{\cosh x}{\sinh^2 x} = -\operatorname{csch} x \coth x", fact(8)),
]

DERIVATIVES_EXPRESSIONS = [
    (r"\frac{1}{1 + e^{-z}}", logsig_is(lambda v: 1 / (1 + sp.exp(-v)))),  # "the logistic sigmoid"
    (r"\frac{\sinh z}{\cosh z}", tansig_is_sinh_over_cosh),  # "the hyperbolic tangent"
    (r"\frac{f(x + h) - f(x - h)}{2h}", central_difference_is_the_slope),
    (r"0", csch_squared_tends_to_0),  # "coth x flattens out for large |x|, so its slope must tend to 0"
]

DERIVATIVES_CODE = [  # the column "where" of the table: the domain of each row with one
    (r"a > 0", row(r"a^x")),
    (r"x > 0", row(r"\ln x")),
    (r"x \neq 0", row(r"\ln \lvert x \rvert")),
    (r"x > 0", row(r"\log_a x")),
    (r"a > 0", all_of(row(r"\log_a x"), lambda: not sp.log(-2).is_real)),  # ln a, in log_a x = ln x / ln a
    (r"a \neq 1", lambda: sp.log(3) / sp.log(1) == sp.zoo and (sp.log(3) / sp.log(2)).is_finite),  # ln a != 0
    (r"x \neq 0", row(r"\coth x")),
    (r"x \neq 0", row(r"\operatorname{csch} x")),
    (r"\displaystyle \frac{d}{dx} {{f}} = {{g}}", all_of(*(row(tex_f) for tex_f, *_ in ud.ROWS))),  # every row
    (r"a = {{a:g}}", None),
    (r"x =", None),
    (r"x = {{x:g}}", None),
]

NOT_FACTS = {
    r"=": "the sign the paragraph on numbers explains",
    r"\approx": "the sign the paragraph on numbers explains",
    r"v = {{v:given}}": "the field the paragraph on numbers picks for its example",
    r"a = {{a:g}}": "the base the block picks for the rows with a parameter",
    r"x =": "a column header: the points the row is checked at",
    r"x = {{x:g}}": "the point the block picks for its comparison",
}

PAGES = {  # page: (inline statements, inline expressions, TeX in exec blocks)
    "index": (INDEX_INLINE, INDEX_EXPRESSIONS, INDEX_CODE),
    "teaching": (TEACHING_INLINE, TEACHING_EXPRESSIONS, []),
    "useful-derivatives": (DERIVATIVES_INLINE, DERIVATIVES_EXPRESSIONS, DERIVATIVES_CODE),
}
KINDS = ("inline", "expressions", "code")
ON_THE_PAGE = {"inline": markdown_inline_statements, "expressions": markdown_inline_expressions}


def entries():
    return [pytest.param(tex, check, id=f"{page}-{KINDS[kind]}{n}") for page, tables in PAGES.items()
            for kind, table in enumerate(tables) for n, (tex, check) in enumerate(table)]


# --------------------------------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_page_types_exactly_the_listed_math(page, kind):
    on_the_page = ON_THE_PAGE.get(kind, code_tex)(page)
    assert on_the_page == [norm_tex(tex) for tex, _ in PAGES[page][KINDS.index(kind)]]


@pytest.mark.parametrize(("tex", "check"), entries())
def test_each_listed_equation_holds(tex, check):
    if check is None:
        assert tex in NOT_FACTS, f"{tex!r} has no check and no reason"
    else:
        assert check(), f"{tex!r} does not hold"


def test_not_facts_are_few_and_all_listed():
    listed = [tex for tables in PAGES.values() for table in tables for tex, _ in table]
    unchecked = [tex for tables in PAGES.values() for table in tables for tex, check in table if check is None]
    assert set(NOT_FACTS) == set(unchecked)
    assert len(unchecked) * 5 < len(listed)  # most entries are real checks


def test_the_home_pages_sentence_of_weight_names_is_typed_and_holds():
    sentence, check = INDEX_NAMES
    assert markdown_says("index", sentence) and check()


def test_the_checks_can_fail():
    """Wrong equations (the kinds of edit the audit made) fail the same checks."""
    x = ud.x
    assert not error_is(lambda d, y: y - d)()  # e = y - d
    assert not steps_are(lambda slope: ETA * slope)()  # Δw = +η ∂E/∂w
    assert not steps_are(lambda slope: -ETA * slope / 2)()
    # the csch row with its sign flipped, the coth row with csch for sinh; a right row is not "wrong"
    assert not holds(sp.csch(x), sp.csch(x) * sp.coth(x), "nonzero")()
    assert not holds(sp.coth(x), -sp.cosh(x) ** 2, "nonzero")()
    assert not is_wrong(sp.cosh(x), sp.sinh(x))()
    # the weight names swapped: w_ki, and w_i4
    assert not markdown_says("index", r"Hidden neuron $i$ weights input $k$ with $w_{ki}$.")
    assert not weight_feeds("w_hidden", (0, 1), "v_hidden", 1, "x")  # w_12 read as into neuron 2 from input 1
    # a code check of a step the blocks do not use
    assert not code_says(0, "h = 1e-6", page="useful-derivatives")()
