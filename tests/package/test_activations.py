"""Activations and their derivatives against hand values, sympy, and central finite differences."""

from __future__ import annotations

import inspect
import math
import re
import warnings

import numpy as np
import pytest
import sympy as sp

from backprop import activations
from backprop.activations import (
    ACTIVATIONS,
    logsig,
    logsig_derivative,
    logsig_derivative_from_output,
    purelin,
    purelin_derivative,
    purelin_derivative_from_output,
    tansig,
    tansig_derivative,
    tansig_derivative_from_output,
)

V = np.linspace(-6.0, 6.0, 61)  # includes 0 and both signs


# --- hand-computed values --------------------------------------------------------------------------------


def test_logsig_hand_values():
    assert logsig(0.0) == 0.5
    assert logsig_derivative(0.0) == 0.25
    assert logsig_derivative_from_output(0.5) == 0.25
    for v in [-3.0, -0.5, 0.2, 1.0, 4.0]:
        s = 1.0 / (1.0 + math.exp(-v))
        assert logsig(v) == pytest.approx(s, rel=1e-15)
        assert logsig_derivative(v) == pytest.approx(math.exp(-v) / (1.0 + math.exp(-v)) ** 2, rel=1e-13)


def test_logsig_is_odd_about_one_half():
    # f(-v) = 1 - f(v), an identity the code never uses
    np.testing.assert_allclose(logsig(-V), 1.0 - logsig(V), rtol=0, atol=1e-15)


def test_tansig_hand_values_from_math_module():
    assert tansig(0.0) == 0.0
    assert tansig_derivative(0.0) == 1.0
    assert tansig_derivative_from_output(0.0) == 1.0
    assert tansig_derivative_from_output(0.6) == pytest.approx(0.64, rel=1e-15)  # 1 - 0.6^2
    for v in [-3.0, -0.5, 0.2, 1.0, 4.0]:
        assert tansig(v) == pytest.approx(math.tanh(v), rel=1e-15)
        assert tansig_derivative(v) == pytest.approx(1.0 / math.cosh(v) ** 2, rel=1e-12)
        assert tansig(v) == pytest.approx((math.exp(v) - math.exp(-v)) / (math.exp(v) + math.exp(-v)), rel=1e-14)


def test_purelin_hand_values():
    for v in [-3.0, 0.0, 2.5]:
        assert purelin(v) == v
        assert purelin_derivative(v) == 1.0
        assert purelin_derivative_from_output(v) == 1.0


@pytest.mark.parametrize(
    ("name", "point", "value", "slope"),
    [
        # logsig(ln 3) = 1 / (1 + 1/3) = 3/4, slope 3/4 * 1/4 = 3/16
        ("logsig", sp.log(3), sp.Rational(3, 4), sp.Rational(3, 16)),
        # tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 3/5, sech^2 = 1 - 9/25 = 16/25
        ("tansig", sp.log(2), sp.Rational(3, 5), sp.Rational(16, 25)),
        ("purelin", sp.Rational(7, 4), sp.Rational(7, 4), sp.Integer(1)),
    ],
)
def test_exact_values_from_sympy(name, point, value, slope):
    v = sp.Symbol("v", real=True)
    f = {"logsig": 1 / (1 + sp.exp(-v)), "tansig": sp.tanh(v), "purelin": v}[name]
    assert sp.nsimplify(sp.simplify(f.subs(v, point))) == value
    assert sp.simplify(sp.diff(f, v).subs(v, point)) == slope
    act = ACTIVATIONS[name]
    x = float(point)
    assert act.f(x) == pytest.approx(float(value), rel=1e-15, abs=1e-15)
    assert act.derivative(x) == pytest.approx(float(slope), rel=1e-14)
    assert act.derivative_from_output(float(value)) == pytest.approx(float(slope), rel=1e-14)


def test_slide_identities_hold_symbolically():
    """The slides' results s'(z) = s(z)(1 - s(z)) and tanh'(z) = 1 - tanh^2(z) = sech^2(z)."""
    z = sp.Symbol("z", real=True)
    s = 1 / (1 + sp.exp(-z))
    assert sp.simplify(sp.diff(s, z) - s * (1 - s)) == 0
    assert sp.simplify(sp.diff(s, z) - sp.exp(-z) / (1 + sp.exp(-z)) ** 2) == 0
    assert sp.simplify(sp.diff(sp.tanh(z), z) - (1 - sp.tanh(z) ** 2)) == 0
    assert sp.simplify((sp.diff(sp.tanh(z), z) - sp.sech(z) ** 2).rewrite(sp.exp)) == 0


@pytest.mark.parametrize("name", ["logsig", "tansig"])
def test_sympy_lambdified_against_package_on_a_grid(name):
    v = sp.Symbol("v", real=True)
    f = {"logsig": 1 / (1 + sp.exp(-v)), "tansig": sp.tanh(v)}[name]
    f_num = sp.lambdify(v, f, "math")
    df_num = sp.lambdify(v, sp.diff(f, v), "math")
    act = ACTIVATIONS[name]
    for x in V:
        assert act.f(x) == pytest.approx(f_num(float(x)), rel=1e-14, abs=1e-15)
        assert act.derivative(x) == pytest.approx(df_num(float(x)), rel=1e-12, abs=1e-15)


# --- finite differences and the two forms of the derivative ----------------------------------------------


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_central_differences(name):
    act = ACTIVATIONS[name]
    h = 1e-5
    numeric = (act.f(V + h) - act.f(V - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(V), numeric, rtol=0, atol=1e-9)


#: Each slope in another form than the package's y(1 − y) and 1 − y² (a code review: the test compared `derivative`
#: with `derivative_from_output(f(v))`, which is how `derivative` is defined): e^(−v) / (1 + e^(−v))², sech² v, 1.
SLOPE_BY_HAND = {"logsig": lambda v: math.exp(-v) / (1 + math.exp(-v)) ** 2, "tansig": lambda v: 1 / math.cosh(v) ** 2,
                 "purelin": lambda v: 1.0}


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_both_forms_of_the_derivative_are_the_slope_written_another_way(name):
    act = ACTIVATIONS[name]
    by_hand = [SLOPE_BY_HAND[name](v) for v in V]
    np.testing.assert_allclose(act.derivative_from_output(act.f(V)), by_hand, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(act.derivative(V), by_hand, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_elementwise_on_arrays_and_shapes_kept(name):
    act = ACTIVATIONS[name]
    grid = V.reshape(61, 1)
    assert act.f(grid).shape == grid.shape
    assert act.derivative(grid).shape == grid.shape
    np.testing.assert_array_equal(act.f(grid)[:, 0], [act.f(float(x)) for x in V])


# --- extremes --------------------------------------------------------------------------------------------


def test_logsig_extremes_exact_and_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            assert logsig(-1000.0) == 0.0
            assert logsig(1000.0) == 1.0
            np.testing.assert_array_equal(logsig(np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0])
            np.testing.assert_array_equal(logsig_derivative(np.array([-1000.0, 1000.0])), [0.0, 0.0])
            np.testing.assert_array_equal(logsig_derivative_from_output(logsig(np.array([-800.0, 800.0]))), [0, 0])
            assert 0.0 < logsig(-700.0) < 1e-300  # still positive where a double can hold it


def test_tansig_extremes_exact_and_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            np.testing.assert_array_equal(tansig(np.array([-1000.0, 1000.0])), [-1.0, 1.0])
            np.testing.assert_array_equal(tansig_derivative(np.array([-1000.0, 1000.0])), [0.0, 0.0])


# --- lookup and purity -----------------------------------------------------------------------------------


def test_get_returns_each_table_entry():
    for name in ["logsig", "tansig", "purelin"]:
        assert activations.get(name) is ACTIVATIONS[name]
        assert activations.get(name).name == name


@pytest.mark.parametrize(("bad", "said"), [(None, "None"), (3, "int 3")])
def test_an_activation_name_that_is_not_a_string_is_a_type_error_as_in_register(bad, said):
    with pytest.raises(TypeError, match=f"^an activation's name must be a string, got {said}$"):
        activations.get(bad)


@pytest.mark.parametrize("bad", ["sigmoid", "LOGSIG", ""])
def test_unknown_activation_lists_known_names(bad):
    with pytest.raises(ValueError, match="unknown activation") as info:
        activations.get(bad)
    for known in ["logsig", "tansig", "purelin"]:
        assert known in str(info.value)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_inputs_not_modified_and_not_shared(name):
    act = ACTIVATIONS[name]
    v = np.array([-1.0, 0.0, 2.0])
    kept = v.copy()
    for fn in (act.f, act.derivative, act.derivative_from_output):
        out = fn(v)
        assert not np.shares_memory(out, v)
    np.testing.assert_array_equal(v, kept)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_help_shows_the_array_forms_signature(name):
    """A code review: help(logsig) showed logsig(v: float) -> float, the scalar formula's signature functools.wraps
    copies, for a function that takes and returns arrays."""
    act = ACTIVATIONS[name]
    for fn, argument in ((act.f, "v"), (act.derivative, "v"), (act.derivative_from_output, "y")):
        assert str(inspect.signature(fn)) == f"({argument}: 'ArrayLike', /) -> 'Array'", fn.__name__

BAD_ARGUMENTS = [
    (None, TypeError, r"v must be numeric, got None$"),
    ("0.3", TypeError, r"v must be numeric, got text '0\.3' \(write the number without quotes\)$"),
    (True, TypeError, r"v must be numeric, got the boolean True$"),
    (np.array([1 + 2j]), TypeError, r"v must be numeric, found the complex number \(1\+2j\) at index \(0,\)$"),
    ([[0.1], [0.2, 0.3]], ValueError, r"v is ragged, not an array: the entry at index \(0,\) has 1 entry, the one at "
                                      r"index \(1,\) has 2 entries$"),
    (10**400, ValueError, r"v must be finite, got an integer of 401 digits, beyond a double's range"),
    ([0.3, math.nan], ValueError, r"v must be a number, found nan at index \(1,\)$"),
]


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize(("bad", "error", "match"), BAD_ARGUMENTS, ids=[repr(b)[:20] for b, _, _ in BAD_ARGUMENTS])
def test_bad_arguments_are_named_not_a_silent_nan(name, bad, error, match):
    """A student's review: logsig(None) gave nan, logsig('0.3') 0.574, logsig(True) 0.731 and a complex number its real
    part's value (numpy's conversions). Each function of the table names its argument and the entry (derivatives
    written with the output call it y)."""
    act = ACTIVATIONS[name]
    for role, fn in (("", act.f), ("_derivative", act.derivative), ("_derivative_from_output",
                                                                    act.derivative_from_output)):
        argument = "y" if role == "_derivative_from_output" else "v"
        with pytest.raises(error, match=rf"^{name}{role}: " + re.sub(r"^v ", f"{argument} ", match)):
            fn(bad)


def test_a_registered_activations_bad_argument_is_named_by_the_activation():
    """A code review's: register("softsign", lambda v: ..., lambda y: ...) named its bad argument "<lambda>: v must be
    numeric", and a formula like math.tanh "tanh: x must be numeric" (no input x). Each names the activation and
    which of its functions; an argument other than v or y is "its argument"."""
    soft = activations.register("softsign-named", softsign, lambda y: (1.0 - abs(y)) ** 2)
    same = activations.register("tanh-named", math.tanh, lambda y: 1.0 - y * y)
    try:
        for fn, start in ((soft.f, "softsign-named: v"), (soft.derivative, "softsign-named derivative: v"),
                          (soft.derivative_from_output, "softsign-named derivative_from_output: y"),
                          (same.f, "tanh-named: its argument")):
            with pytest.raises(TypeError, match=rf"^{re.escape(start)} must be numeric, got None$"):
                fn(None)
    finally:
        del ACTIVATIONS["softsign-named"], ACTIVATIONS["tanh-named"]


def test_infinities_are_numbers_an_activation_takes():
    """inf is no bad argument: logsig and tanh saturate (1 and -1), purelin keeps it, as in plain math."""
    assert logsig(math.inf) == 1.0 and logsig(-math.inf) == 0.0 and tansig(-math.inf) == -1.0
    assert purelin(math.inf) == math.inf


# --- registering a new activation ------------------------------------------------------------------------


def softsign(v):
    return v / (1.0 + abs(v))


def softsign_derivative_from_output(y):
    return (1.0 - abs(y)) ** 2  # f'(v) = 1 / (1 + |v|)^2 and 1 - |y| = 1 / (1 + |v|)


@pytest.fixture
def registered_softsign():
    act = activations.register("softsign", softsign, softsign_derivative_from_output)
    try:
        yield act
    finally:
        del ACTIVATIONS["softsign"]


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_a_registered_activation_works_in_network_forward_step_and_train(registered_softsign, n_hidden):
    from backprop import Network, forward, gradient_check, step, train

    assert activations.get("softsign") is registered_softsign
    assert registered_softsign.derivative(0.5) == pytest.approx(1 / 1.5**2, rel=1e-15)  # from v, derived
    for hidden, output in [("softsign", "purelin"), ("logsig", "softsign"), ("softsign", "softsign")]:
        net = Network.random(2, n_hidden, 1, seed=4, hidden=hidden, output=output)
        x, d, eta = np.array([0.7, -1.2]), 0.3, 0.5
        fp = forward(net, x)
        f = {"softsign": lambda v: v / (1 + abs(v)), "logsig": lambda v: 1 / (1 + math.exp(-v)),
             "purelin": lambda v: v}
        y_h = [f[hidden](sum(net.w_hidden[i, k] * x[k] for k in range(2)) + net.b_hidden[i]) for i in range(n_hidden)]
        np.testing.assert_allclose(fp.y_hidden, y_h, rtol=1e-14)
        assert gradient_check(net, x, d) < 1e-6  # the rules with its derivative agree with finite differences
        one = step(net, x, d, eta)
        trained, costs = train(net, [x], [d], eta)
        for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
            np.testing.assert_allclose(getattr(trained, name), getattr(one, name), rtol=0, atol=1e-15)
        assert (trained.hidden, trained.output) == (hidden, output)
        assert costs[0] == pytest.approx(0.5 * (d - fp.y_output[0]) ** 2, rel=1e-14)


def test_registration_refuses_a_derivative_that_is_not_the_slope_of_f():
    with pytest.raises(ValueError, match=r"'softsign'.*derivative_from_output does not match the slope of f"):
        activations.register("softsign", softsign, lambda y: 1.0 - np.abs(y))  # forgot the square
    assert "softsign" not in ACTIVATIONS


@pytest.mark.parametrize(("role", "args"), [
    ("f", (lambda v: np.array([v]), lambda y: 1.0)),
    ("derivative_from_output", (lambda v: v, lambda y: np.array([1.0]))),
    ("derivative", (lambda v: v, lambda y: 1.0, lambda v: complex(1.0, 0.0))),
])
def test_registration_refuses_a_formula_that_gives_no_number_for_a_number(role, args):
    """A code review's ``lambda v: np.array([v])``: its array form gave the right numbers, so register, Network and
    forward took it, and train's generated loop failed inside (AttributeError: no attribute 'name')."""
    try:
        with pytest.raises(ValueError, match=rf"^activation 'boxed': {role} must give a number for a number, got "
                                             rf"(ndarray|complex) "):
            activations.register("boxed", *args)
        assert "boxed" not in ACTIVATIONS
    finally:
        ACTIVATIONS.pop("boxed", None)  # registered by a failing run: the other tests' table stays as it was


def test_registration_refuses_a_wrong_derivative_from_v():
    with pytest.raises(ValueError, match=r"derivative does not match"):
        activations.register("softsign", softsign, softsign_derivative_from_output, derivative=softsign)
    assert "softsign" not in ACTIVATIONS


def test_registration_refuses_a_derivative_two_percent_off():
    """A mutation review: the slope check loosened to rtol 0.1 and atol 0.01 passed the tests, and with it tanh's
    f'(y) = 1 - y^2 written 2 % too large would be registered and trained with."""
    before = dict(ACTIVATIONS)
    with pytest.raises(ValueError, match=r"^activation 'tanh-off': derivative_from_output does not match the slope "):
        activations.register("tanh-off", math.tanh, lambda y: 1.02 * (1.0 - y * y))
    assert ACTIVATIONS == before
    exact = activations.register("tanh-off", math.tanh, lambda y: 1.0 - y * y)  # the premise: the right one passes
    try:
        assert activations.get("tanh-off") is exact
    finally:
        del ACTIVATIONS["tanh-off"]


@pytest.mark.parametrize(("args", "error", "match"), [
    (("logsig", logsig, logsig_derivative_from_output), ValueError, r"'logsig' is already registered"),
    (("", softsign, softsign_derivative_from_output), ValueError, r"blank"),  # a string: blank, as its docstring says
    ((None, softsign, softsign_derivative_from_output), TypeError, r"non-empty string"),
    (("softsign", "v / (1 + |v|)", softsign_derivative_from_output), TypeError, r"f must be callable, got str"),
    (("softsign", softsign, None), TypeError, r"derivative_from_output must be callable"),
    (("softsign", lambda v: v.sum(), softsign_derivative_from_output), ValueError,
     r"f fails on the number 0\.3: AttributeError"),
    (("softsign", math.log, softsign_derivative_from_output), ValueError, r"f fails on .*math domain error"),
    (("softsign", lambda v: "v", softsign_derivative_from_output), ValueError,
     r"f must give a number for a number, got str 'v' for 0\.3"),
    (("softsign", lambda v: math.inf, softsign_derivative_from_output), ValueError, r"f must give finite numbers"),
])
def test_registration_refuses_what_cannot_work_with_a_clear_error(args, error, match):
    with pytest.raises(error, match=match):
        activations.register(*args)
    assert "softsign" not in ACTIVATIONS and ACTIVATIONS["logsig"].f is logsig


def test_the_formulas_are_the_array_forms_one_number_at_a_time():
    for act in ACTIVATIONS.values():
        for fn in (act.f, act.derivative, act.derivative_from_output):
            assert [fn.formula(float(v)) for v in V] == fn(V).tolist()


# --- the equations the docstrings show (the API reference renders them) ---------------------------------
#
# Each entry: the object, the TeX its docstring shows (asserted to be there, verbatim), and what the TeX says in
# sympy: ("f", expr) is f(v) itself, ("f'", expr) is f'(v) as a function of v, ("f'(y)", expr) is f'(v) as a
# function of y = f(v). The activation is named by the object's first word. Each is checked symbolically against
# sympy's own f and diff(f, v), and numerically against the object at several points, so a wrong equation fails
# whether it is the docstring or the transcription here that changed.

sv, sy, st = sp.Symbol("v", real=True), sp.Symbol("y", real=True), sp.Symbol("t", positive=True)
SYMPY_F = {"logsig": 1 / (1 + sp.exp(-sv)), "tansig": sp.tanh(sv), "purelin": sv}
LOGSIG_V = SYMPY_F["logsig"]

DOCSTRING_EQUATIONS = [
    (activations, r"$f'(v) = f(v)\,(1 - f(v))$", "logsig", "f'", LOGSIG_V * (1 - LOGSIG_V)),
    (activations, r"| `logsig`  | $1 / (1 + e^{-v})$ |", "logsig", "f", 1 / (1 + sp.exp(-sv))),
    (activations, r"| $1 / (1 + e^{-v})$ | $e^{-v} / (1 + e^{-v})^2$ |", "logsig", "f'",
     sp.exp(-sv) / (1 + sp.exp(-sv)) ** 2),
    (activations, r"| $e^{-v} / (1 + e^{-v})^2$ | $y\,(1 - y)$    |", "logsig", "f'(y)", sy * (1 - sy)),
    (activations, r"| `tansig`  | $\tanh v$          |", "tansig", "f", sp.tanh(sv)),
    (activations, r"| $\tanh v$          | $\operatorname{sech}^2 v$ |", "tansig", "f'", sp.sech(sv) ** 2),
    (activations, r"| $\operatorname{sech}^2 v$ | $1 - y^2$       |", "tansig", "f'(y)", 1 - sy**2),
    (activations, r"| `purelin` | $v$                |", "purelin", "f", sv),
    (activations, r"| $v$                | $1$                       |", "purelin", "f'", sp.Integer(1)),
    (activations, r"| $1$                       | $1$             |", "purelin", "f'(y)", sp.Integer(1)),
    (logsig, r"$f(v) = \dfrac{1}{1 + e^{-v}}$", "logsig", "f", 1 / (1 + sp.exp(-sv))),
    (logsig_derivative, r"$f'(v) = \dfrac{e^{-v}}{(1 + e^{-v})^2}$", "logsig", "f'",
     sp.exp(-sv) / (1 + sp.exp(-sv)) ** 2),
    (logsig_derivative, r"$f(v)(1 - f(v))$, `logsig_derivative_from_output`", "logsig", "f'",
     LOGSIG_V * (1 - LOGSIG_V)),
    (logsig_derivative_from_output, r"$f'(v) = y\,(1 - y)$ where $y = f(v)$", "logsig", "f'(y)", sy * (1 - sy)),
    (tansig, r"$f(v) = \tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$", "tansig", "f", sp.tanh(sv)),
    (tansig, r"$f(v) = \tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$", "tansig", "f",
     (sp.exp(sv) - sp.exp(-sv)) / (sp.exp(sv) + sp.exp(-sv))),
    (tansig_derivative, r"$f'(v) = \operatorname{sech}^2 v = 1 / \cosh^2 v$", "tansig", "f'", sp.sech(sv) ** 2),
    (tansig_derivative, r"$f'(v) = \operatorname{sech}^2 v = 1 / \cosh^2 v$", "tansig", "f'", 1 / sp.cosh(sv) ** 2),
    (tansig_derivative, r"$1 - \tanh^2 v$, `tansig_derivative_from_output`", "tansig", "f'", 1 - sp.tanh(sv) ** 2),
    (tansig_derivative_from_output, r"$f'(v) = 1 - y^2$ where $y = \tanh v$", "tansig", "f'(y)", 1 - sy**2),
    (purelin, r"$f(v) = v$", "purelin", "f", sv),
    (purelin_derivative, r"$f'(v) = 1$", "purelin", "f'", sp.Integer(1)),
    (purelin_derivative_from_output, r"$f'(v) = 1$, whatever the output", "purelin", "f'(y)", sp.Integer(1)),
]


def sympy_zero(expr: sp.Expr) -> bool:
    """``expr`` is 0 for every real v: written with t = e^v it is a rational function of t, which cancel decides."""
    return sp.cancel(expr.rewrite(sp.exp).subs(sp.exp(sv), st)) == 0


def stated_derivative(name: str, kind: str, expr: sp.Expr) -> sp.Expr:
    """What the TeX says f'(v) is, as a function of v (y = f(v) put in for the form written with the output)."""
    return expr.subs(sy, SYMPY_F[name]) if kind == "f'(y)" else expr


def equation_holds(obj, name: str, kind: str, expr: sp.Expr) -> bool:
    """The transcription ``expr`` is the activation's f or f' (sympy), and the object computes it (numerically)."""
    truth = SYMPY_F[name] if kind == "f" else sp.diff(SYMPY_F[name], sv)
    stated = expr if kind == "f" else stated_derivative(name, kind, expr)
    if not sympy_zero(stated - truth):
        return False
    if not callable(obj) or obj is activations:  # a module's table: its rows are the functions' formulas
        act = ACTIVATIONS[name]
        obj = {"f": act.f, "f'": act.derivative, "f'(y)": act.derivative_from_output}[kind]
    at = sy if kind == "f'(y)" else sv
    formula = sp.lambdify(at, expr, "math")
    points = [-2.5, -0.4, 0.0, 0.3, 1.7] if kind != "f'(y)" else [float(SYMPY_F[name].subs(sv, p).evalf())
                                                                    for p in (-2.5, -0.4, 0.0, 0.3, 1.7)]
    return all(math.isclose(float(obj(p)), float(formula(p)), rel_tol=1e-12, abs_tol=1e-15) for p in points)


@pytest.mark.parametrize(("obj", "tex", "name", "kind", "expr"), DOCSTRING_EQUATIONS,
                         ids=[f"{getattr(e[0], '__name__', 'module')}-{i}" for i, e in enumerate(DOCSTRING_EQUATIONS)])
def test_each_docstring_equation_is_shown_and_true(obj, tex, name, kind, expr):
    assert tex in inspect.getdoc(obj), f"{getattr(obj, '__name__', obj)}: the docstring no longer shows {tex}"
    assert equation_holds(obj, name, kind, expr), f"{tex}: not {name}'s {kind}"


def test_the_docstring_equation_check_can_fail():
    """A slip in an equation (the slides' lost minus sign, tanh's f' without the square, a wrong f) is caught."""
    assert not equation_holds(logsig_derivative, "logsig", "f'", -sp.exp(-sv) / (1 + sp.exp(-sv)) ** 2)
    assert not equation_holds(logsig_derivative, "logsig", "f'", sp.exp(sv) / (1 + sp.exp(-sv)) ** 2)
    assert not equation_holds(tansig_derivative_from_output, "tansig", "f'(y)", 1 - sy)
    assert not equation_holds(logsig_derivative_from_output, "logsig", "f'(y)", sy * (1 + sy))
    assert not equation_holds(logsig, "logsig", "f", 1 / (1 + sp.exp(sv)))
    # a true formula that the object does not compute: the numeric half fails
    assert not equation_holds(tansig, "logsig", "f", 1 / (1 + sp.exp(-sv)))


# --- what the review found: names, and what an overflow of a formula gives ---------------------------------------


@pytest.mark.parametrize("name", [" ", "   ", "logsig ", " softsign", "\tsoftsign\n"])
def test_registration_refuses_a_blank_or_padded_name(name):
    """" " and "logsig " were registered: a name no one types back, or one that looks like a built-in's."""
    with pytest.raises(ValueError, match=rf"^an activation's name must not be blank or have spaces around it, got "
                                         rf"{re.escape(repr(name))}$"):
        activations.register(name, softsign, softsign_derivative_from_output)
    assert set(ACTIVATIONS) == {"logsig", "tansig", "purelin"}


def test_elementwise_says_what_an_overflow_of_a_formula_gives():
    """The docstring said "an overflow gives inf", which is true of Python's float arithmetic and false of math.exp
    and **, which raise OverflowError (plain Python, below); it now says both."""
    assert math.isinf(1e308 * 10.0)
    for formula, v in [(math.exp, 1000.0), (lambda v: 10.0 ** v, 400.0)]:
        with pytest.raises(OverflowError):
            formula(v)
        with pytest.raises(OverflowError):
            activations.elementwise(formula)(np.array([0.0, v]))
    assert math.isinf(float(activations.elementwise(lambda v: v * 10.0)(1e308)))
    doc = " ".join(inspect.getdoc(activations.elementwise).split())
    assert "an overflow gives inf," not in doc
    assert "(``1e308 * 10``) gives inf, but ``math.exp`` and ``**`` raise ``OverflowError``" in doc


SOFTPLUS = ("softplus", lambda v: math.log1p(math.exp(v)), lambda y: 1 - math.exp(-y))  # the review's activation


@pytest.fixture
def softplus():
    act = activations.register(*SOFTPLUS)
    yield act
    del ACTIVATIONS["softplus"]


def test_a_registered_activation_that_overflows_is_named_by_forward_and_the_rules(softplus):
    """math.exp(1000) raises OverflowError (plain Python); forward let it out bare, "math range error", naming
    nothing. It is a FloatingPointError naming the activation, the formula and its argument."""
    from backprop import ForwardPass, Network, forward
    from backprop.rules import f_prime_hidden

    with pytest.raises(OverflowError):
        math.exp(1000.0)
    net = Network([[1.0, 0.0]], [0.0], [[1.0]], [0.0], hidden=softplus.name)
    assert forward(net, [2.0, 0.0]).y_hidden[0] == pytest.approx(math.log1p(math.exp(2.0)), rel=1e-15)
    with pytest.raises(FloatingPointError, match=r"^activation 'softplus': f\(v = 1000\.0\) overflows \(math range "
                                                 r"error\): its result is beyond a double's range$"):
        forward(net, [1000.0, 0.0])
    hand_built = ForwardPass(net, [0.0, 0.0], [0.0], [-1000.0], [0.0], [0.0])  # f'(y) = 1 - exp(-y) at y = -1000
    with pytest.raises(FloatingPointError, match=r"^activation 'softplus': derivative_from_output\(y = -1000\.0\) "
                                                 r"overflows"):
        f_prime_hidden(hand_built)
    assert "FloatingPointError" in inspect.getdoc(activations.register)


def _logsig_slope(v: float) -> float:
    """f'(v) of logsig in plain math, from e^{-|v|} (f' is even): no digit lost for any v."""
    z = math.exp(-abs(v))
    return z / (1.0 + z) ** 2


def _tansig_slope(v: float) -> float:
    """sech² v = 4 e^{-2|v|} / (1 + e^{-2|v|})², in plain math: no digit lost for any v."""
    z = math.exp(-2.0 * abs(v))
    return 4.0 * z / (1.0 + z) ** 2


def test_the_derivatives_from_v_are_what_their_docstrings_say():
    """A reviewer: the docstrings said "computed stably"; for large positive v logsig's loses every digit
    (0.0 at v = 40, true 4.248e-18) and tansig's at |v| = 19. They now say what is computed (through the output, the
    rules' slope), that it never overflows, and what it loses where; each claim checked here in plain math."""
    for v in (1.0, 10.0, 20.0, 30.0, 36.0, 40.0, 300.0):  # v <= 0: right to rounding, any size
        assert logsig_derivative(-v) == pytest.approx(_logsig_slope(v), rel=1e-14)
    for v in (5.0, 10.0, 20.0, 30.0, 35.0):  # v > 0: a relative error of the order of 2^-53 e^v, 0.1 % at 30
        off = abs(float(logsig_derivative(v)) - _logsig_slope(v)) / _logsig_slope(v)
        assert off <= 2.0 ** -51 * math.exp(v)
    assert 5e-4 < abs(float(logsig_derivative(30.0)) / _logsig_slope(30.0) - 1) < 2e-3
    assert 1e-13 < abs(float(logsig_derivative(10.0)) / _logsig_slope(10.0) - 1) < 1e-11
    assert logsig_derivative(36.6) > 0 and logsig_derivative(36.8) == logsig_derivative(40.0) == 0.0
    assert _logsig_slope(40.0) == pytest.approx(4.248e-18, rel=1e-3)
    for v in (5.0, 10.0, 15.0, 18.0):  # tansig: either sign alike, of the order of 2^-55 e^{2|v|}
        for signed in (v, -v):
            off = abs(float(tansig_derivative(signed)) - _tansig_slope(v)) / _tansig_slope(v)
            assert off <= 2.0 ** -53 * math.exp(2 * v)
    assert 1e-9 < abs(float(tansig_derivative(10.0)) / _tansig_slope(10.0) - 1) < 1e-7
    assert 1e-4 < abs(float(tansig_derivative(15.0)) / _tansig_slope(15.0) - 1) < 3e-4
    assert tansig_derivative(18.9) > 0 and tansig_derivative(19.0) == tansig_derivative(-19.0) == 0.0
    assert _tansig_slope(19.0) == pytest.approx(1.256e-16, rel=1e-3)
    assert math.isfinite(math.cosh(355.0) ** 2)  # where 1 / cosh² v would overflow, and 1 - tanh² v does not
    with pytest.raises(OverflowError):
        math.cosh(356.0) ** 2
    for fn, v in ((logsig_derivative, 1000.0), (tansig_derivative, 1000.0)):  # never overflows: 0, not an error
        assert fn(v) == fn(-v) == 0.0
    for fn, words in ((logsig_derivative, ("For $v \\le 0$ it is as accurate as $f(v)$", "0.1 % at $v = 30$",
                                           "$v \\approx 36.7$", "at $v = 40$ the slope is $4.2 \\cdot 10^{-18}$")),
                      (tansig_derivative, ("from $|v| \\approx 355$ on", "$10^{-8}$ at $|v| = 10$",
                                           "0.02 % at $|v| = 15$", "$|v| \\approx 19.0$",
                                           "at $v = 19$ the slope is $1.3 \\cdot 10^{-16}$"))):
        doc = " ".join(inspect.getdoc(fn).split())
        assert "stabl" not in doc and "never overflows" in doc and "the rules" in doc, fn.__name__
        for said in words:
            assert said in doc, (fn.__name__, said)
