r"""Every typed equation of docs/errata.md, listed and checked with sympy.

A mutation audit edited the page's typed math (an index swapped in a correction, ``1 - s(z)`` made ``1 + s(z)``, a
sign flipped in the csch row, a factor f'(v_j) dropped, a square dropped from the cost) and every test stayed green:
test_errata.py proves each erratum, but nothing tied those proofs to the formulas the page shows. Here the page's math
is listed in page order, as typed, with a check of each, so that any edit fails the listing test:

* its display equations (``markdown_displays``) and inline statements (``markdown_inline_statements``: ``$...$``
  with a relation);
* its inline expressions (``markdown_inline_expressions``): a formula the prose says something of without a relation
  of its own, "(S1) equals $-s'(z)$", "$f'(v_i)$ is $f(v_i)(1 - f(v_i))$";
* the TeX typed in its exec blocks (``exec_block_math``).

The page quotes each slide's wrong formula beside its correction. A quoted slide formula is checked to be wrong and a
correction to be right: where test_errata.py already proves it (the slide's version differs from sympy's truth, the
correction equals it) that proof is the check (``proof``: it runs there, as that module's test), not a second copy of
it; the other lines are checked here with sympy on the slides' network (test_errata's ``network``: logsig hidden, a
linear output or any output activation ``g``), or against the oracle's forward pass (plain ``math``) for a definition,
with the rule pages' checks where the page repeats their definitions (``test_equations_rules_1_2``). A sentence about
the page's own check blocks ("at $z = -4, \dots, 4$", "less than $10^{-6}$ of the largest") is checked against the
block's code. A statement that only names something is in ``NOT_FACTS`` with the reason; one the page gets wrong is in
``KNOWN_WRONG`` (an expected failure, strict: it fails the suite once the page is right, to be moved back).
"""

from __future__ import annotations

import inspect
import itertools
import math
from collections.abc import Callable
from functools import cache

import numpy as np
import pytest
import sympy as sp

import backprop
from backprop import activations, judged, labels, readings_errata, rules
from tests.pages import test_errata as proofs
from tests.pages.test_equations_rules_1_2 import (
    F_PRIME_1,
    SLIDES,
    close,
    code_tex,
    cost_is_half_the_squared_error,
    cost_is_the_sum_over_outputs,
    error_is_target_minus_output,
    is_output,
    linear_output,
    output_field_is_the_sum,
    output_is_f_of_its_field,
    samples,
)
from tests.support import DOCS, oracle
from tests.support.pages import (
    code_math,
    markdown_displays,
    markdown_inline_expressions,
    markdown_inline_statements,
    norm_tex,
)
from tests.support.snippets import collect
from tests.support.symbolic import ETA_S as ETA
from tests.support.symbolic import identical

Check = Callable[[], bool]
HALF = sp.Rational(1, 2)
T = sp.Dummy("t")
z, x, t = proofs.z, proofs.xs, proofs.t  # z and x real (the sigmoid slide's), t real and not 0 (the table's x)
U = proofs.U  # 1 + e^{-z}
S = proofs.logsig(z)  # s(z)
DS = proofs.DS  # s'(z), sympy's
g = sp.Function("g")  # any output activation


# --- how a check is put together ----------------------------------------------------------------------------------


def proof(test: Callable[[], None]) -> Check:
    """test_errata's proof of an erratum or remark (it asserts, with sympy, that the slide's version differs from the
    truth and the correction equals it; or that the slides' lines it names are right), as a check. The proof runs
    once, as test_errata's own test (it reads no line of the page, so running it here too would prove nothing more):
    the check is that it is that module's registered proof, a test pytest collects there."""
    def check() -> bool:
        registered = test in proofs.ERRATA.values() or test in proofs.REMARKS.values()
        return registered and test.__name__.startswith("test_") and getattr(proofs, test.__name__) is test
    return check


def all_of(*checks: Check) -> Check:
    return lambda: all(check() for check in checks)


def apart_at_a_point(gap: sp.Expr) -> bool:
    """``gap`` is clearly not 0 at one random point (any ``g`` made tanh)."""
    gap = gap.replace(g, sp.Lambda(T, sp.tanh(T))).doit()
    rng = np.random.default_rng(5)  # values of the size of the slides' (large ones saturate f and make gaps tiny)
    point = {s: sp.Float(rng.uniform(-1.0, 1.0)) for s in sorted(gap.free_symbols, key=str)}
    value = sp.N(gap.xreplace(point), 30)
    return bool(value.is_number and abs(value) > 1e-12)


def same(a: sp.Expr, b: sp.Expr) -> bool:
    """a = b for every value of the symbols (``tests.support.symbolic.identical``)."""
    return identical(a, b, differs=apart_at_a_point)


def equal(*exprs: sp.Expr) -> Check:
    """Every expression equal to the next, as functions (hyperbolic functions written with exp)."""
    return lambda: all(same(sp.sympify(a).rewrite(sp.exp), sp.sympify(b).rewrite(sp.exp))
                       for a, b in itertools.pairwise(exprs))


@cache
def block_code(page: str, n: int) -> str:
    """The code of the page's n-th exec block (from 0), whitespace normalised."""
    return norm_tex([s.code for s in collect(DOCS / f"{page}.md") if 'exec="1"' in s.info][n])


def code_says(n: int, *lines: str, page: str = "errata") -> Check:
    """What a sentence says of the page's n-th check block is what its code does: it holds each of ``lines``."""
    return lambda: all(norm_tex(line) in block_code(page, n) for line in lines)


SIGMOID, TABLE, SUM_OVER_OUTPUTS, REMARK, CHECKED = 2, 3, 4, 5, 6  # the page's exec blocks, by section


# --- the sigmoid and the table of derivatives ----------------------------------------------------------------------


def logsig_is(formula: Callable[[sp.Expr], sp.Expr]) -> Check:
    """The slides' logsig, as the package and the oracle compute it, is ``formula`` (at v = -8, -7, ..., 8)."""
    def check() -> bool:
        values = [(v, formula(sp.Float(v))) for v in np.linspace(-8.0, 8.0, 17)]
        return all(close(activations.logsig(v), f) and close(oracle.F["logsig"](v), f) for v, f in values)
    return check


def logsig_slope_is(rhs: Callable[[sp.Expr], sp.Expr]) -> Check:
    """f'(v) = ``rhs`` of f(v), for the logsig f (sympy's derivative)."""
    return equal(sp.diff(S, z), rhs(S))


def logsig_output_slope() -> bool:
    """1/f'(v_4) = 1/(y(1 - y)) for a logsig output y = f(v_4), "at least 4": y(1 - y) is at most 1/4 on (0, 1)."""
    y = sp.Symbol("y", positive=True)
    return logsig_slope_is(lambda f: f * (1 - f))() and sp.minimum(1 / (y * (1 - y)), y, sp.Interval.open(0, 1)) == 4


def logsig_between_0_and_1() -> bool:
    """The logsig's values lie between 0 and 1: it rises (s' > 0) from 0 at -oo to 1 at +oo."""
    return sp.limit(S, z, -sp.oo) == 0 and sp.limit(S, z, sp.oo) == 1 and DS.is_positive


def central_difference_is_the_slope() -> bool:
    """(f(z+h) - f(z-h))/(2h) -> f'(z) as h -> 0, for any f: its Taylor series in h starts with f'(z)."""
    h, f = sp.Symbol("h", positive=True), sp.Function("f")
    return sp.series((f(z + h) - f(z - h)) / (2 * h), h, 0, 2).removeO().doit() == sp.diff(f(z), z)


def row_holds(f: Callable[[sp.Expr], sp.Expr], rhs: Callable[[sp.Expr], sp.Expr]) -> Check:
    """d/dx f(x) = rhs(x) (test_errata's ``derivative_row_holds``)."""
    return lambda: proofs.derivative_row_holds(f, rhs, t)


def row_is_wrong(name: str) -> Check:
    """The slide's row ``name`` (test_errata's ``WRONG_ROWS``, as printed) is not the derivative."""
    return lambda: not proofs.derivative_row_holds(*proofs.WRONG_ROWS[name], t)


def cosh_squared_at_most_minus_1() -> bool:
    """-cosh² x = -1 - sinh² x, at most -1."""
    return equal(-sp.cosh(t) ** 2, -1 - sp.sinh(t) ** 2)() and (sp.sinh(t) ** 2).is_nonnegative


def csch_squared_tends_to_0() -> bool:
    return sp.limit(-sp.csch(t) ** 2, t, sp.oo) == 0 and sp.limit(-sp.csch(t) ** 2, t, -sp.oo) == 0


def coth_and_csch_need_x_nonzero() -> bool:
    """coth x and csch x (and so their derivatives) are undefined at x = 0 and finite at every other point tried."""
    return (sp.coth(0) == sp.zoo and sp.csch(0) == sp.zoo
            and all(sp.coth(u).is_finite and sp.csch(u).is_finite
                    for u in (-2, -sp.Rational(1, 2), sp.Rational(1, 3), 3)))


def ln_needs_x_positive() -> bool:
    """ln x (and log_a x) is real only for x > 0; 1/x, the derivative of ln|x|, needs x != 0."""
    return (not sp.log(-2).is_real and sp.log(sp.Rational(1, 2)).is_real and sp.log(0) == sp.zoo
            and 1 / sp.Integer(0) == sp.zoo)


def base_a_needs_a_positive_and_log_a_needs_a_not_1() -> bool:
    """a^x is real for every real x only for a > 0 ((-2)^{1/2} is not), and log_a x = ln x / ln a needs ln a != 0,
    a != 1."""
    return (not (sp.Integer(-2) ** sp.Rational(1, 2)).is_real and (sp.Integer(2) ** sp.Rational(1, 2)).is_real
            and sp.log(3) / sp.log(1) == sp.zoo and (sp.log(3) / sp.log(2)).is_finite)


# --- the network ---------------------------------------------------------------------------------------------------


@cache
def net(n_out: int, output: str) -> dict:
    """test_errata's 2-3-n_out network (logsig hidden), with a linear output or any output activation ``g``."""
    return proofs.network(n_out, {"linear": lambda v: v, "g": g}[output])


def g_prime(v: sp.Expr) -> sp.Expr:
    return sp.diff(g(T), T).subs(T, v)


def sum_over_outputs(n: dict, i: int) -> sp.Expr:
    """Σ_j e_j f'(v_j) w_ji for hidden neuron i (from 0), f = g."""
    return sum(n["e"][j] * g_prime(n["v_o"][j]) * n["w_out"][j][i] for j in range(len(n["e"])))


def hidden_updates_are(bracket: Callable[[dict, int], sp.Expr]) -> Check:
    """θ(n) - η ∂E/∂θ = θ(n) + η [bracket] f(v_i)(1 - f(v_i)) x_k for θ = w_ik, and with 1 for x_k for θ = b_i: on a
    2-3-2 network with any output activation g, ∂E/∂θ sympy's derivative of the total cost."""
    def check() -> bool:
        n = net(2, "g")
        for i in range(3):
            slope = n["y_h"][i] * (1 - n["y_h"][i])
            for theta, factor in [*((proofs.W_HID[i][k], proofs.X[k]) for k in range(2)), (proofs.B_HID[i], 1)]:
                if not same(theta - ETA * sp.diff(n["E"], theta), theta + ETA * bracket(n, i) * slope * factor):
                    return False
        return True
    return check


def output_rule_line(line: Callable[[dict, int], sp.Expr]) -> Check:
    """w_ji(n) - η ∂E_j/∂w_ji = ``line`` for each hidden i, on one output with any activation g."""
    def check() -> bool:
        n = net(1, "g")
        return all(same(n["w_out"][0][i] - ETA * sp.diff(n["E_j"][0], n["w_out"][0][i]), line(n, i)) for i in range(3))
    return check


def one_outputs_cost_suffices() -> bool:
    """∂E/∂w_ji = ∂E_j/∂w_ji (and for b_j): on two outputs, w_ji and b_j reach only output j."""
    n = net(2, "g")
    return all(same(sp.diff(n["E"], theta), sp.diff(n["E_j"][j], theta))
               for j in range(2) for theta in (*n["w_out"][j], n["b_out"][j]))


def zero_input_no_hidden_step() -> bool:
    """At an input x_k = 0 the update of every w_ik is 0, whatever the rest (and not 0 otherwise)."""
    n = net(2, "linear")
    return all(sp.diff(n["E"], proofs.W_HID[i][k]).subs(proofs.X[k], 0) == 0
               and sp.diff(n["E"], proofs.W_HID[i][k]) != 0 for i in range(3) for k in range(2))


def bias_slope_is_1() -> bool:
    n = net(1, "linear")
    return all(sp.diff(n["v_h"][i], proofs.B_HID[i]) == 1 for i in range(3))


def weight_step_is_bias_step_times_y_h() -> bool:
    """Δw_4i = Δb_4 y_hi: -η ∂E/∂w_4i = (-η ∂E/∂b_4) y_hi, for any output activation g."""
    n = net(1, "g")
    return all(same(-ETA * sp.diff(n["E"], n["w_out"][0][i]), -ETA * sp.diff(n["E"], n["b_out"][0]) * n["y_h"][i])
               for i in range(3))


def package_output_rule_keeps_the_factor() -> bool:
    """backprop.rules.delta_w_output returns η e_j f'(v_j) y_hi: against plain math (the oracle's forward pass) for
    the example's weights with a logsig output, where f'(v_j) = y_j (1 - y_j) is not 1."""
    ex = {**oracle.load_example(oracle.DEFAULT_FILE), "output": "logsig"}
    fp = oracle.forward(ex)
    y = fp["y_output"][0]
    expected = [ex["eta"] * (ex["d"] - y) * y * (1 - y) * y_h for y_h in fp["y_hidden"]]
    arrays = (np.array(ex[key], dtype=float) for key in ("w_hidden", "b_hidden", "w_output", "b_output"))
    network = backprop.Network(*arrays, hidden=ex.get("hidden", "logsig"), output="logsig")  # as the oracle's
    got = rules.delta_w_output(backprop.forward(network, np.array(ex["x"])), ex["d"], ex["eta"])[0]
    return all(close(a, b) for a, b in zip(got, expected, strict=True))


# --- the forward pass, against the oracle --------------------------------------------------------------------------


def fields_are(field: Callable[[object, int], sp.Expr]) -> bool:
    """``field(m, i)`` is the oracle's v_i for every hidden neuron i, at every sample point."""
    return all(close(field(SLIDES, i).xreplace(p), it["v_hidden"][i - 1]) for p, it in samples() for i in (1, 2, 3))


def hidden_fields_written_out() -> bool:
    """v_i = w_i1 x_1 + w_i2 x_2 + b_i (the slides' v_1 = w_11 x_1 + w_12 x_2 + b_1, and so on): the oracle's fields."""
    return fields_are(lambda m, i: m.w[i, 1] * m.x[1] + m.w[i, 2] * m.x[2] + m.b[i])


def slide_range_reading_is_the_correction() -> bool:
    """Erratum 1's reading of the slide's k = 1 ~ 3 as the range of the neuron on the left: v_k = sum over i of
    w_ki x_i + b_k for k = 1, 2, 3 is the correction with the letters swapped, the oracle's fields; summed over every
    k as well (the slide as written) it is not, where the neurons' weighted inputs are not all 0."""
    m = SLIDES
    as_range = fields_are(lambda m, k: sum(m.w[k, i] * m.x[i] for i in (1, 2)) + m.b[k])
    as_written = [(sum(m.w[kk, i] * m.x[i] for kk in (1, 2, 3) for i in (1, 2)) + m.b[k]).xreplace(p)
                  for p, _ in samples() for k in (1, 2, 3)]
    fields = [it["v_hidden"][k - 1] for _, it in samples() for k in (1, 2, 3)]
    return as_range and not all(close(a, f) for a, f in zip(as_written, fields))


def exp_is_the_power_of_e() -> bool:
    """exp(-v) is Euler's number to the power -v, and the package's logsig is 1/(1 + exp(-v)) (at a few points)."""
    v = sp.Symbol("v", real=True)
    return sp.simplify(sp.exp(-v) - sp.E ** (-v)) == 0 and all(
        abs(activations.logsig(t) - 1 / (1 + math.exp(-t))) < 1e-15 for t in (-3.0, -0.5, 0.0, 0.7, 4.0))


#: The tanh slide's quotient-rule numerator, each derivative sign on the function after it (the meant reading), and
#: with each sign on the whole product after it.
MEANT_NUMERATOR = sp.diff(sp.sinh(z), z) * sp.cosh(z) - sp.diff(sp.cosh(z), z) * sp.sinh(z)
PRODUCTS_NUMERATOR = sp.diff(sp.sinh(z) * sp.cosh(z), z) - sp.diff(sp.cosh(z) * sp.sinh(z), z)


def numerator_read_as_meant() -> bool:
    """The slide's numerator as meant is cosh² − sinh² (= 1, not 0), the next line's; read over the products, 0."""
    return (sp.simplify(MEANT_NUMERATOR - (sp.cosh(z) ** 2 - sp.sinh(z) ** 2)) == 0
            and sp.simplify(MEANT_NUMERATOR) == 1 and sp.simplify(PRODUCTS_NUMERATOR) == 0)


def hidden_output_is_f_of_its_field() -> bool:
    """y_hi = f(v_i), the logsig: the oracle's hidden outputs."""
    return all(close(proofs.logsig(sp.Float(v)), y) for _, it in samples()
               for v, y in zip(it["v_hidden"], it["y_hidden"], strict=True))


def output_field_is(field: Callable[[list], sp.Expr]) -> Check:
    """v_4 = ``field`` of the hidden outputs y_hi (the oracle's), with the rule pages' symbols w_4i, b_4: the oracle's
    v_4."""
    return lambda: all(close(field([sp.Float(y) for y in it["y_hidden"]]).xreplace(p), it["v_output"][0])
                       for p, it in samples())


def inputs_are(*names: int) -> Check:
    return lambda: list(labels.inputs(2)) == list(names)


def outputs_of_two_are(*names: int) -> Check:
    return lambda: list(labels.output_neurons(3, 2)) == list(names)


LINEAR_OUTPUT = all_of(output_is_f_of_its_field, linear_output)  # y_j = f(v_j) = v_j
V_4 = output_field_is(lambda y_h: sum(SLIDES.w[4, i] * y_h[i - 1] for i in (1, 2, 3)) + SLIDES.b[4])
LOGSIG_SLOPE = logsig_slope_is(lambda f: f * (1 - f))  # f'(x) = f(x)(1 - f(x))
STEP_TO_1_MINUS_S = equal(sp.exp(-z) / U, 1 - S)  # e^{-z}/(1 + e^{-z}) = 1 - s(z)
SIGMOID_PROOF = proof(proofs.test_sigmoid_derivation)
ANY_U = sp.Function("u")(z)


def central_differences_are_the_oracles_slopes() -> bool:
    """backprop.gradcheck.numerical_gradient, which the block calls, is ∂E/∂θ: on random 2-3-1 and 2-3-2 networks its
    hidden entries are the oracle's -Δθ/η (plain math) to within a central difference's error."""
    from backprop.gradcheck import numerical_gradient

    rng = np.random.default_rng(7)
    for n_out in (1, 2, 2):
        ex = {"w_hidden": rng.uniform(-1.5, 1.5, (3, 2)).tolist(), "b_hidden": rng.uniform(-1.5, 1.5, 3).tolist(),
              "w_output": rng.uniform(-1.5, 1.5, (n_out, 3)).tolist(), "b_output": rng.uniform(-1, 1, n_out).tolist(),
              "x": rng.uniform(-1.5, 1.5, 2).tolist(), "d": rng.uniform(-1, 1, n_out).tolist(), "eta": 0.3}
        it = oracle.iteration(ex)
        net = backprop.Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"])
        slope = numerical_gradient(net, ex["x"], ex["d"], 1e-6)
        exact = np.concatenate([np.ravel(it["dw_hidden"]), it["db_hidden"]]) / -ex["eta"]
        if not np.allclose(np.concatenate([slope["w_hidden"].ravel(), slope["b_hidden"]]), exact, atol=1e-8):
            return False
    return True


# Erratum 5's check compares with -η ∂E/∂θ of every hidden weight and bias, from finite differences of E.
FINITE_DIFFERENCES = all_of(
    code_says(SUM_OVER_OUTPUTS, "slope = numerical_gradient(net, x, d, h)",
              'return -eta * np.concatenate([slope["w_hidden"].ravel(), slope["b_hidden"]])'),
    central_differences_are_the_oracles_slopes)

# --------------------------------------------------------------------------------------------------------------------
# docs/errata.md
# --------------------------------------------------------------------------------------------------------------------

def differs(*exprs: sp.Expr) -> Check:
    """Each expression is not s'(z) (sympy's), as a function of z (and of the slide's x)."""
    return lambda: all(not same(sp.sympify(e).rewrite(sp.exp), DS.rewrite(sp.exp)) for e in exprs)


# Erratum 3's lines as the page types them, transcribed here beside their TeX (test_errata proves the same of its own
# transcription): the slide's (S1) to (S4) are not s'(z), (S5) is; each corrected line is. (S3) as the text reads it,
# and as the product whose brackets were lost.
SIGMOID_SLIDE_LINES = all_of(
    differs((1 / U) ** 2 * sp.diff(U, z), (1 / U) ** 2 * sp.exp(-z) * (-1), (1 / U) * (1 / U) - sp.exp(-x),
            (1 / U) * (1 / U) * (-sp.exp(-z)), (1 / U) * (-sp.exp(-z) / U)),
    equal(S * (1 - S), DS))
SIGMOID_CORRECTED_LINES = equal(sp.diff(U**-1, z), -U**-2 * sp.diff(U, z), -U**-2 * sp.exp(-z) * (-1),
                                sp.exp(-z) / U**2, (1 / U) * (sp.exp(-z) / U), S * (1 - S), DS)


def hidden_fields_summed_over_the_inputs() -> bool:
    """Erratum 1's and 2's correction, v_i = sum over k of w_ik x_k + b_i for i = 1, 2, 3: the oracle's fields."""
    return fields_are(lambda m, i: sum(m.w[i, k] * m.x[k] for k in (1, 2)) + m.b[i])


def hidden_fields_summed_over_the_neurons_are_wrong() -> bool:
    """Erratum 2's slide, v_i = sum over i of w_ik x_k + b_i (the sum over the neurons, for an input k): not the
    oracle's fields, for either k."""
    return not any(fields_are(lambda m, i, k=k: sum(m.w[j, k] * m.x[k] for j in (1, 2, 3)) + m.b[i]) for k in (1, 2))


DISPLAYS = [
    # 1. slide, and corrected
    (r"v_k = \sum_{k=1 \sim 3,\ i=1 \sim 2} w_{ki}\, x_i + b_k",
     all_of(slide_range_reading_is_the_correction, proof(proofs.test_forward_index))),
    (r"v_i = \sum_{k=1}^{2} w_{ik}\, x_k + b_i, \qquad i = 1, 2, 3",
     all_of(hidden_fields_summed_over_the_inputs, proof(proofs.test_forward_index))),
    # 2.
    (r"v_i = \sum_i w_{ik}\, x_k + b_i", all_of(hidden_fields_summed_over_the_neurons_are_wrong,
                                                 proof(proofs.test_sum_index))),
    (r"v_i = \sum_k w_{ik}\, x_k + b_i", all_of(hidden_fields_summed_over_the_inputs, proof(proofs.test_sum_index))),
    # 3. the sigmoid's derivation, the slide's lines (S1)-(S5) and the corrected (C1)-(C4)
    (r"\begin{aligned} \frac{ds(z)}{dz} &= \left(\frac{1}{1 + e^{-z}}\right)^{2} \frac{d}{dz} (1 + e^{-z}) && "
     r"\text{(S1)}\\ &= \left(\frac{1}{1 + e^{-z}}\right)^{2} e^{-z} (-1) && \text{(S2)}\\ &= \left(\frac{1}{1 + "
     r"e^{-z}}\right) \left(\frac{1}{1 + e^{-z}}\right) - e^{-x} && \text{(S3)}\\ &= \left(\frac{1}{1 + e^{-z}}"
     r"\right) \left(\frac{-e^{-z}}{1 + e^{-z}}\right) && \text{(S4)}\\ &= s(z) (1 - s(z)) && \text{(S5)} "
     r"\end{aligned}", all_of(SIGMOID_SLIDE_LINES, SIGMOID_PROOF)),
    (r"\begin{aligned} \frac{ds(z)}{dz} &= \frac{d}{dz} \left(1 + e^{-z}\right)^{-1} = -\left(1 + e^{-z}\right)^{-2} "
     r"\frac{d}{dz} \left(1 + e^{-z}\right) && \text{(C1)}\\ &= -\left(1 + e^{-z}\right)^{-2} e^{-z} (-1) = "
     r"\frac{e^{-z}}{\left(1 + e^{-z}\right)^{2}} && \text{(C2)}\\ &= \left(\frac{1}{1 + e^{-z}}\right) "
     r"\left(\frac{e^{-z}}{1 + e^{-z}}\right) && \text{(C3)}\\ &= s(z) (1 - s(z)), \quad\text{because}\quad "
     r"\frac{e^{-z}}{1 + e^{-z}} = \frac{(1 + e^{-z}) - 1}{1 + e^{-z}} = 1 - s(z) && \text{(C4)} \end{aligned}",
     all_of(SIGMOID_CORRECTED_LINES, STEP_TO_1_MINUS_S, equal(((1 + sp.exp(-z)) - 1) / U, 1 - S), SIGMOID_PROOF)),
    # 4. the table's two rows
    (r"\frac{d}{dx}(\coth x) = -\cosh^2 x \qquad\qquad \frac{d}{dx}(\cosh x) = -\cosh x \coth x",
     all_of(row_is_wrong("coth"), row_is_wrong("cosh, last row"))),
    (r"\frac{d}{dx}(\coth x) = -\operatorname{csch}^2 x \qquad\qquad \frac{d}{dx}(\operatorname{csch} x) = "
     r"-\operatorname{csch} x \coth x", all_of(row_holds(sp.coth, lambda v: -sp.csch(v) ** 2),
                                                 row_holds(sp.csch, lambda v: -sp.csch(v) * sp.coth(v)),
                                                 proof(proofs.test_derivative_table))),
    # 5. the hidden rules with one E_j (exact for one output only), and summed over the outputs
    (r"\begin{aligned} w_{ik}(n+1) &= w_{ik}(n) - \eta \frac{\partial E_j(n)}{\partial w_{ik}(n)}\\ &= w_{ik}(n) + "
     r"\eta\, \big(d_j(n) - y_j(n)\big)\, w_{ji}(n)\, \big[f(v_i(n))\big(1 - f(v_i(n))\big)\big]\, x_k(n)\\ "
     r"b_i(n+1) &= b_i(n) - \eta \frac{\partial E_j(n)}{\partial b_i(n)}\\ &= b_i(n) + \eta\, \big(d_j(n) - "
     r"y_j(n)\big)\, w_{ji}(n)\, \big[f(v_i(n))\big(1 - f(v_i(n))\big)\big] \end{aligned}",
     proof(proofs.test_sum_over_outputs)),
    (r"\begin{aligned} E(n) &= \sum_j E_j(n) = \frac12 \sum_j e_j(n)^2\\ w_{ik}(n+1) &= w_{ik}(n) - \eta "
     r"\frac{\partial E(n)}{\partial w_{ik}(n)}\\ &= w_{ik}(n) + \eta \Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big] "
     r"f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n)\\ b_i(n+1) &= b_i(n) - \eta \frac{\partial E(n)}{\partial b_i(n)}\\ "
     r"&= b_i(n) + \eta \Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big] f(v_i(n))\big(1 - f(v_i(n))\big) "
     r"\end{aligned}",
     all_of(cost_is_the_sum_over_outputs, hidden_updates_are(sum_over_outputs), proof(proofs.test_sum_over_outputs))),
    # the remark: the output rules for the slides' linear output, and for any output activation
    (r"\begin{aligned} w_{ji}(n+1) &= w_{ji}(n) - \eta \frac{\partial E_j(n)}{\partial w_{ji}(n)} = w_{ji}(n) + "
     r"\eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n))\\ b_j(n+1) &= b_j(n) - \eta \frac{\partial E_j(n)}{\partial "
     r"b_j(n)} = b_j(n) + \eta\, \big(d_j(n) - y_j(n)\big) \end{aligned}", proof(proofs.test_output_derivative)),
    (r"\begin{aligned} w_{ji}(n+1) &= w_{ji}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, f'(v_j(n))\, f(v_i(n))\\ "
     r"b_j(n+1) &= b_j(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, f'(v_j(n))\\ &\text{which for a linear output, } "
     r"f'(v_j) = 1\text{, is the slides' } w_{ji}(n+1) = w_{ji}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, "
     r"f(v_i(n)) \end{aligned}", all_of(proof(proofs.test_output_derivative), F_PRIME_1)),
]

INLINE = [
    (r"v_j = \sum_i w_{ji} f(v_i) + b_j", output_field_is_the_sum),
    # the summary's quotes of the slides
    (r"v_k = \sum_{k, i} w_{ki} x_i + b_k", proof(proofs.test_forward_index)),
    (r"v_i = \sum_i w_{ik} x_k + b_i", proof(proofs.test_sum_index)),
    (r"\frac{d}{dx}\coth x = -\cosh^2 x", row_is_wrong("coth")),
    (r"\frac{d}{dx}\cosh x = -\cosh x \coth x", row_is_wrong("cosh, last row")),
    (r"E = \sum_j E_j", cost_is_the_sum_over_outputs),
    (r"v_1 = w_{11}x_1 + w_{12}x_2 + b_1", hidden_fields_written_out),
    (r"k = 1 \sim 3", slide_range_reading_is_the_correction),  # "The slide may mean its k = 1 ~ 3 as the range ..."
    # 3.
    (r"s(z) = \dfrac{1}{1 + e^{-z}}", logsig_is(lambda v: 1 / (1 + sp.exp(-v)))),
    (r"u = 1 + e^{-z}", equal(S, (1 + sp.exp(-z)) ** -1)),  # the chain rule on u^{-1}: s = u^{-1}
    (r"z = 0", SIGMOID_PROOF),  # at z = 0, (S3) differs from s'(0) by -e^{-x}
    (r"z = -4, -3, \dots, 4", all_of(code_says(SIGMOID, "z = np.linspace(-4.0, 4.0, 9)"),
                                     lambda: np.array_equal(np.linspace(-4.0, 4.0, 9), np.arange(-4, 5)))),
    (r"x = z", code_says(SIGMOID, "x = z", '"(S3)": (1 / u) * (1 / u) - np.exp(-x),')),
    # 4.
    (r"\operatorname{csch} x = 1/\sinh x", equal(sp.csch(t), 1 / sp.sinh(t))),
    (r"\coth x = \cosh x / \sinh x", equal(sp.coth(t), sp.cosh(t) / sp.sinh(t))),
    (r"(\sinh^2 x - \cosh^2 x)/\sinh^2 x = -1/\sinh^2 x",  # the quotient rule on coth x
     equal(sp.diff(sp.coth(t), t), (sp.sinh(t) ** 2 - sp.cosh(t) ** 2) / sp.sinh(t) ** 2, -1 / sp.sinh(t) ** 2)),
    (r"-\operatorname{csch}^2 x \to 0", csch_squared_tends_to_0),
    (r"x \neq 0", coth_and_csch_need_x_nonzero),  # "both corrected rows hold ... for x != 0"
    (r"x = \pm 0.5, \pm 1, \pm 2, 3", code_says(TABLE, "xs = np.array([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0])")),
    (r"x > 0", code_says(TABLE, "pos = xs[xs > 0]", r'(r"$\ln x$", np.log, lambda t: 1 / t, pos, SLIDE),',
                         r'(r"$\log_a x$", lambda t: np.log(t) / np.log(a), lambda t: 1 / (t * np.log(a)), pos, '
                         'SLIDE),')),  # only the rows of ln x and log_a x
    # 5.
    (r"E_j = \frac12 e_j^2", cost_is_half_the_squared_error),
    (r"\partial E / \partial w_{ji} = \partial E_j / \partial w_{ji}", one_outputs_cost_suffices),
    (r"E = \sum_j E_j", cost_is_the_sum_over_outputs),
    (r"j = 4", is_output(4)),
    (r"v_j = \sum_i w_{ji} f(v_i) + b_j", output_field_is_the_sum),
    (r"x_k = 0", zero_input_no_hidden_step),
    (r"\partial v_i/\partial b_i = 1", bias_slope_is_1),
    # the remark
    (r"y_j = f(v_j) = v_j", LINEAR_OUTPUT),
    (r"f'(v_j) = 1", F_PRIME_1),
    (r"y_j = f(v_j) = v_j", LINEAR_OUTPUT),
    (r"1/f'(v_4) = 1/\big(y(1 - y)\big)", logsig_output_slope),
    # checked and correct
    (r"y_{hi} = f(v_i)", hidden_output_is_f_of_its_field),
    (r"v_4 = \sum_i w_{4i} y_{hi} + b_4", V_4),
    (r"y = f(v_4) = v_4", LINEAR_OUTPUT),
    (r"v_j = \sum_i w_{ji} y_{hi} + b_j", V_4),
    (r"f'(x) = f(x)(1 - f(x))", LOGSIG_SLOPE),
    (r"f'(x) = 1", F_PRIME_1),
    # "the slide gives x > 0 and x != 0 where they are needed, but no condition on the base a ..."
    (r"x > 0", ln_needs_x_positive),
    (r"x \neq 0", ln_needs_x_positive),
    (r"a > 0", base_a_needs_a_positive_and_log_a_needs_a_not_1),
    (r"a \neq 1", base_a_needs_a_positive_and_log_a_needs_a_not_1),
    (r"E_j = \frac12 e_j^2", cost_is_half_the_squared_error),
    (r"e_j = d_j - y_j", error_is_target_minus_output),
    # notation notes
    (r"f(x) = 1/(1 + e^{-x})", logsig_is(lambda v: 1 / (1 + sp.exp(-v)))),
    (r"f(x) = x", linear_output),
    (r"v_4 = w_{41}f(v_1) + \dots", output_field_is_the_sum),
    (r"y = f(v_4) = v_4", LINEAR_OUTPUT),
    # "One letter for the error and for Euler's number" (a TA: the notes had f, x and n, not e)
    (r"e_j(n) = d_j(n) - y_j(n)", error_is_target_minus_output),
    (r"f(v_i) = 1/(1 + e^{-v_i})", logsig_is(lambda v: 1 / (1 + sp.exp(-v)))),
    (r"a = \operatorname{logsig}(n)", None),
    (r"d(n) = d_4(n)", is_output(4)),
    (r"y(n) = y_4(n)", is_output(4)),
]

# Formulas the prose says something of, each with the check of what the sentence says (quoted beside it).
EXPRESSIONS = [
    (r"\frac{f(z+h) - f(z-h)}{2h}", central_difference_is_the_slope),  # a finite difference
    (r"10^{-6}", all_of(code_says(SUM_OVER_OUTPUTS, "gap = largest_gap / np.max(np.abs(reference))",
                                  "agrees = gap < 1e-6 or largest_gap <= noise"),  # "less than 10^-6 of the largest"
                        code_says(REMARK, "ok = abs(slides[rule] - exact[rule]) < 1e-6 * largest"))),
    (r"e^{-x}", SIGMOID_PROOF),  # (S3) "subtracts e^{-x}"
    (r"1 - s(z)", STEP_TO_1_MINUS_S),  # "the step to 1 - s(z) is missing"
    (r"u^{-1}", equal(S, U**-1)),  # "the chain rule on u^{-1}"
    (r"-u^{-2}\,u'", equal(sp.diff(ANY_U**-1, z), -(ANY_U**-2) * sp.diff(ANY_U, z))),  # "gives -u^{-2} u'"
    (r"-s'(z)", SIGMOID_PROOF),  # "(S1) equals -s'(z)"
    (r"1 + e^{-z}", SIGMOID_PROOF),  # "(S2) differentiates 1 + e^{-z} correctly and so equals (S1)"
    (r"-e^{-z}/(1 + e^{-z})^2", all_of(equal(-sp.exp(-z) / U**2, -DS),  # "which is negative, but s is increasing"
                                       lambda: (-sp.exp(-z) / U**2).is_negative and DS.is_positive)),
    (r"e^{-x}", SIGMOID_PROOF),  # "(S3) has x where the variable is z"
    (r"1/(1 + e^{-z})^2", SIGMOID_PROOF),  # "it subtracts e^{-x} from 1/(1 + e^{-z})^2"
    (r"-e^{-x}", SIGMOID_PROOF),  # "at z = 0 it differs from s'(0) by -e^{-x}"
    (r"0", lambda: (-sp.exp(-x)).is_zero is False),  # "never 0"
    (r"\frac{1}{1 + e^{-z}} \cdot \frac{1}{1 + e^{-z}} \cdot \left(-e^{-z}\right)", SIGMOID_PROOF),  # "(S2) again"
    (r"-s(z)(1 - s(z))", all_of(SIGMOID_PROOF, equal(-S * (1 - S), -DS))),  # "(S4) equals (S2) exactly"
    (r"+e^{-z}/(1 + e^{-z})", equal((1 / U) * (sp.exp(-z) / U), DS)),  # "the second factor should be"
    (r"e^{-z}/(1 + e^{-z})", STEP_TO_1_MINUS_S),  # "the step that gets from e^{-z}/(1 + e^{-z}) to 1 - s(z)"
    (r"1 - s(z)", STEP_TO_1_MINUS_S),
    (r"-\cosh^2 x", all_of(row_is_wrong("coth"), cosh_squared_at_most_minus_1)),  # "wrong in size: at most -1"
    (r"-1", cosh_squared_at_most_minus_1),
    (r"-\cosh x \coth x", all_of(row_is_wrong("cosh, last row"),  # "the derivative of csch x with cosh for csch"
                                 row_holds(sp.csch, lambda u: -sp.csch(u) * sp.coth(u)))),
    (r"\lvert \text{formula} - \text{slope} \rvert / \max(1, \lvert \text{slope} \rvert)",
     code_says(TABLE, "gap = np.max(np.abs(rhs(t) - slope) / np.maximum(np.abs(slope), 1.0))")),
    (r"-\eta\,\partial E/\partial w_{ik}", FINITE_DIFFERENCES),  # "against -η ∂E/∂w_ik and -η ∂E/∂b_i
    (r"-\eta\,\partial E/\partial b_i", FINITE_DIFFERENCES),  # from finite differences of the total E"
    # erratum 5's check: "A verdict *differs* means a largest difference of $10^{-6}$ of the largest update or more"
    (r"10^{-6}", code_says(SUM_OVER_OUTPUTS, "agrees = gap < 1e-6 or largest_gap <= noise")),
    (r"(1)", F_PRIME_1),  # "Rule (2) shows f'(v_j(n)) becoming (1)"
    (r"w_{ji}(n) - \eta\, e_j(n)(-1) f'(v_j(n)) f(v_i(n))",  # rule (1)'s line
     output_rule_line(lambda n, i: n["w_out"][0][i] - ETA * n["e"][0] * (-1) * g_prime(n["v_o"][0]) * n["y_h"][i])),
    (r"(1)", F_PRIME_1),  # "without writing the (1)"
    (r"\eta\, e_j\, f'(v_j)\, y_{hi}", package_output_rule_keeps_the_factor),  # "delta_w_output returns ..."
    # Checked and correct: "it agrees when the two differ by less than a millionth of it (10^-6 |Δθ|) plus what the
    # finite difference alone can be off by" (judged.agrees, checked by hand values in test_judged)
    (r"10^{-6}\,|\Delta\theta|", all_of(code_says(CHECKED, "ok = judged.agrees(value, exact[name], error)"),
                                       lambda: judged.AGREE == 1e-6)),
    # "f'(v_j(n)) f(v_i(n)) is the purelin's derivative times a logsig output"
    (r"f'(v_j(n))\,f(v_i(n))", all_of(F_PRIME_1, hidden_output_is_f_of_its_field)),
    (r"1", F_PRIME_1),  # "f'(v_j) is 1"
    (r"f(v_i)(1 - f(v_i))", LOGSIG_SLOPE),  # "and f'(v_i) is f(v_i)(1 - f(v_i))"
    (r"e^{-v_i}", exp_is_the_power_of_e),  # "an $e$ with an exponent and no subscript is Euler's number: $e^{-v_i}$"
    (r"e^{-z}", exp_is_the_power_of_e),  # "... and $e^{-z}$, $e^{z}$, $e^{x}$ and $e^{-x}$"
    (r"e^{-x}", exp_is_the_power_of_e),
    (r"\exp(-v_i)", exp_is_the_power_of_e),  # "Writing $\exp(-v_i)$ for the power removes the doubt"
    (r"+1", logsig_between_0_and_1),  # the icon's ticks +1, 0, -1: "the logsig's values lie between 0 and 1"
    (r"0", logsig_between_0_and_1),
    (r"-1", logsig_between_0_and_1),
    (r"\frac{\partial}{\partial z}", None),
    (r"\frac{d}{dz}", None),
    # "What each derivative sign applies to" (an errata audit): the numerator as typed, as meant, and read over the
    # products
    (r"\frac{\partial}{\partial z} \sinh(z) \times \cosh(z) - \frac{\partial}{\partial z} \cosh(z) \times \sinh(z)",
     numerator_read_as_meant),
    (r"\cosh(z) \cosh(z) - \sinh(z) \sinh(z)", all_of(numerator_read_as_meant, equal(MEANT_NUMERATOR,
                                                                                  sp.cosh(z) * sp.cosh(z)
                                                                                  - sp.sinh(z) * sp.sinh(z)))),
    (r"0", numerator_read_as_meant),
    (r"(\sinh z)' \cosh z - (\cosh z)' \sinh z", numerator_read_as_meant),
]

# The TeX typed in the page's exec blocks.
CODE = [
    (r"k=1", inputs_are(1, 2)),  # erratum 2's table: the slide's sum, for each input k it leaves free
    (r"k=2", inputs_are(1, 2)),
    (r"k = 1", inputs_are(1, 2)),
    (r"k = 2", inputs_are(1, 2)),
    (r"e^{-z}/(1 + e^{-z}) = 1 - s(z)", STEP_TO_1_MINUS_S),
    # erratum 5's 2-3-2 network: the worked example's input, the targets it picks, its outputs numbered 4 and 5
    (r"x = ({{x1:given}}, {{x2:given}})", code_says(SUM_OVER_OUTPUTS, "x1=X[0], x2=X[1]")),
    (r"d_{{j4}} = {{d4:given}}", None),
    (r"d_{{j5}} = {{d5:given}}", None),
    (r"j = {{j}}", outputs_of_two_are(4, 5)),  # "slides, $j = 4$ only": was j = 1, 2, found by this module
]

# The TeX typed in backprop.readings_errata, whose notes the blocks print.
READINGS = [
    (r"{{a}} x_1 + {{b}} x_2 = {{s}}", None),  # erratum 1: the other neurons' weighted inputs that cancel
    # "with $x = (...)$ every neuron's weighted input ... is at most ...": the example's input, as the block passes it
    (r"x = ({{x1:given}}, {{x2:given}})", code_says(0, "w, b, x = NET.w_hidden, NET.b_hidden, X",
                                                    "readings_errata.literal_sum(NET, x, literal, explicit)")),
    (r"k = {{k}}", inputs_are(1, 2)),  # erratum 2: "neurons 1 and 3 with $k = 1$"
    (r"x = ({{x1:given}}, {{x2:given}})", code_says(1, "w, b, x = NET.w_hidden, NET.b_hidden, X",
                                                    "readings_errata.sum_over_neurons(NET, x, wrong, explicit)")),
    (r"\eta = {{eta:given}}", None),
    (r"|y_{hi}| = {{y}}", None),  # "the same size as written, $|y_{hi}| = ...$ for each": the tied neurons' size
    (r"\Delta w_{4i} = \Delta b_4\, y_{hi}", weight_step_is_bias_step_times_y_h),
]

# Statements that name something rather than state a fact the network could contradict.
NOT_FACTS = {
    r"a = \operatorname{logsig}(n)": "MATLAB's call, quoted to say how to read it",
    r"\frac{\partial}{\partial z}": "notation: the slide's sign for a derivative",
    r"\frac{d}{dz}": "notation: the usual sign for it",
    r"{{a}} x_1 + {{b}} x_2 = {{s}}": "numbers the block computes (test_errata: the coincidence tests)",
    r"\eta = {{eta:given}}": "the example's η, as given",
    r"|y_{hi}| = {{y}}": "the size the block computes of tied hidden outputs (test_readings_errata: the tie tests)",
    r"d_{{j4}} = {{d4:given}}": "a target erratum 5's block picks for its 2-3-2 network",
    r"d_{{j5}} = {{d5:given}}": "a target erratum 5's block picks for its 2-3-2 network",
}

# Statements the page gets wrong, each with its check (an expected failure, strict: it must still fail).
KNOWN_WRONG: dict[str, str] = {}

TABLES = {"displays": DISPLAYS, "inline": INLINE, "expressions": EXPRESSIONS, "code": CODE, "readings": READINGS}
ON_THE_PAGE = {  # what each table lists: the page's math of that kind, as typed
    "displays": lambda: markdown_displays("errata"),
    "inline": lambda: markdown_inline_statements("errata"),
    "expressions": lambda: markdown_inline_expressions("errata"),
    "code": lambda: code_tex("errata"),
    "readings": lambda: [tex for part in code_math(inspect.getsource(readings_errata)) for tex in part],
}


def entries():
    params = []
    for kind, table in TABLES.items():
        for n, (tex, check) in enumerate(table):
            marks = [pytest.mark.xfail(reason=KNOWN_WRONG[tex], strict=True)] if tex in KNOWN_WRONG else []
            params.append(pytest.param(tex, check, id=f"{kind}{n}", marks=marks))
    return params


# --------------------------------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TABLES)
def test_the_page_types_exactly_the_listed_math(kind):
    assert ON_THE_PAGE[kind]() == [norm_tex(tex) for tex, _ in TABLES[kind]]


@pytest.mark.parametrize(("tex", "check"), entries())
def test_each_listed_equation_holds(tex, check):
    if check is None:
        assert tex in NOT_FACTS, f"{tex!r} has no check and no reason"
    else:
        assert check(), f"{tex!r} does not hold"


def test_not_facts_are_few_and_all_listed():
    listed = [tex for table in TABLES.values() for tex, _ in table]
    unchecked = [tex for table in TABLES.values() for tex, check in table if check is None]
    assert set(NOT_FACTS) == set(unchecked) and set(KNOWN_WRONG) <= set(listed)
    assert len(unchecked) * 10 < len(listed)  # most entries are real checks


def test_the_checks_can_fail():
    """Wrong equations (the kinds of edit the audit made on this page) fail the same checks."""
    # f'(v_i) = f(v_i)(1 + f(v_i)); the step to 1 + s(z)
    assert not logsig_slope_is(lambda f: f * (1 + f))()
    assert not equal(sp.exp(-z) / U, 1 + S)()
    # (C2) with 1 + e^{-z} not squared
    assert not equal(-(U**-2) * sp.exp(-z) * (-1), sp.exp(-z) / U)()
    # the csch row with its sign flipped; -1/sinh^2 x made +1/sinh^2 x
    assert not row_holds(sp.csch, lambda u: sp.csch(u) * sp.coth(u))()
    assert not equal(sp.diff(sp.coth(t), t), 1 / sp.sinh(t) ** 2)()
    # the correction of erratum 5 without f'(v_j), and with w_ij for w_ji (no weight of the network)
    assert not hidden_updates_are(lambda n, i: sum(n["e"][j] * n["w_out"][j][i] for j in range(2)))()
    assert not hidden_updates_are(lambda n, i: sum(n["e"][j] * g_prime(n["v_o"][j]) * sp.Symbol(f"w{i + 1}{j + 4}")
                                                   for j in range(2)))()
    # v_4 with b_i for b_4; the output rule's line with f'(v_j) dropped
    assert not output_field_is(lambda y_h: sum(SLIDES.w[4, i] * y_h[i - 1] for i in (1, 2, 3)) + SLIDES.b[1])()
    assert not output_rule_line(lambda n, i: n["w_out"][0][i] + ETA * n["e"][0] * n["y_h"][i])()
    # a line tied to a test that is not a registered proof, or to a function of its own that pytest never runs
    assert not proof(proofs.test_derivative_table_rows_that_are_right)()
    assert not proof(lambda: None)()
    # a right sigmoid line listed as one of the slide's wrong ones; (C1) with the minus lost, as (S1) loses it
    assert not differs(S * (1 - S))()
    assert not equal(sp.diff(U**-1, z), U**-2 * sp.diff(U, z))()
    # the fields summed over the neurons (erratum 2's slide) for the sum over the inputs
    assert not fields_are(lambda m, i: sum(m.w[j, 1] * m.x[1] for j in (1, 2, 3)) + m.b[i])
    # the code check of a grid the block does not use; a cost without the square
    assert not code_says(SIGMOID, "z = np.linspace(-3.0, 3.0, 7)")()
    assert not all(close(sum(HALF * e for e in it["e_list"]), it["E"]) for _, it in samples(2))


def test_erratum_5s_table_numbers_the_outputs_as_the_slides_do():
    """The block fills "slides, $j = {{j}}$ only" with each output's number: it wrote j + 1 (1 and 2) where the slides
    and the page number the outputs after the three hidden neurons, 4 and 5 (3 + 1 and 3 + 2)."""
    from tests.support.pages import page_text

    rows = [line for line in page_text("errata").splitlines() if "| slides, $j = " in line]
    labels_shown = [line.split("| slides, $j = ")[1].split("$")[0] for line in rows]
    assert labels_shown == [str(3 + 1), str(3 + 2), str(3 + 1)], rows  # 2-3-2: 4 and 5; 2-3-1: 4
