"""Activations and their derivatives against hand values, sympy, and central finite differences."""

from __future__ import annotations

import math
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


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_from_output_agrees_with_derivative(name):
    act = ACTIVATIONS[name]
    np.testing.assert_allclose(act.derivative_from_output(act.f(V)), act.derivative(V), rtol=1e-12, atol=1e-15)


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


@pytest.mark.parametrize("bad", ["sigmoid", "LOGSIG", "", None, 3])
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
