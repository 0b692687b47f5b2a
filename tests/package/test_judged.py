"""backprop.judged: which gradients the gradient check's allowance and its floor decide, on hand gradients."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Network, judged
from backprop.gradcheck import FLOOR, relative_error
from backprop.judged import allowance_plain_r, floor_rows


def test_allowance_plain_r_is_the_largest_plain_r_of_the_rows_set_to_0():
    """Hand values: a row with plain r = 0.5 (a = 3e-8, c = 1e-8: gap 2e-8 over 4e-8) within its allowance, one with
    plain r 2e-6 outside it, one already below RIGHT: only the first is set to 0, so 0.5 is what its plain r reads."""
    analytic = {"w": np.array([3e-8, 1.0, 1.0])}
    numerical = {"w": np.array([1e-8, 1.0 + 4e-6, 1.0 + 1e-10])}
    cut = {"w": np.zeros(3)}
    assert allowance_plain_r(analytic, numerical, 3e-8, cut) == pytest.approx(0.5)
    assert allowance_plain_r(analytic, numerical, 0.0, cut) == 0.0  # no allowance: nothing set to 0
    assert allowance_plain_r(analytic, numerical, 0.0, {"w": np.array([3e-8, 0.0, 0.0])}) == pytest.approx(0.5)


def test_floor_rows_names_the_zero_and_the_tiny_gradients():
    """Hand gradients: exactly 0 in both, or |a| + |c| below 1e-8; a weight whose input is 0 explains its zero."""
    net = Network.random(2, 3, 1, seed=0)
    x = np.array([0.0, 0.7])
    zeros = {name: np.full(getattr(net, name).shape, 0.5) for name in ("w_hidden", "b_hidden", "w_output", "b_output")}
    a, c = {k: v.copy() for k, v in zeros.items()}, {k: v.copy() for k, v in zeros.items()}
    a["w_hidden"][:, 0] = c["w_hidden"][:, 0] = 0.0  # x_1 = 0
    a["b_hidden"][1], c["b_hidden"][1] = 3e-9, 0.0
    assert floor_rows(net, x, a, c) == (["$w_{11}$", "$w_{21}$", "$w_{31}$"], ["$b_2$"], True)
    a["b_output"][0] = c["b_output"][0] = 0.0  # a bias: nothing multiplies it by 0
    assert floor_rows(net, x, a, c, skip=["$w_{21}$"]) == (["$b_4$", "$w_{11}$", "$w_{31}$"], ["$b_2$"], False)


def test_floor_sentence_of_one_zero_gradient_says_a_weight_not_each():
    """A reviewer's tanh example with v_2 = -0.5 * 0.6 + (-1.0) * (-0.3) + 0 = 0, so y_h2 = 0 and only w_42's gradient
    is 0: the sentence said "(each a weight whose input ... is 0)" of one weight. Hand gradients, 0.5 elsewhere."""
    from backprop.judged import floor_sentence

    net = Network([[0.5, 1.0], [-0.5, -1.0], [0.4, 0.2]], [0.000001, 0.0, 0.1], [[0.6, -0.7, 0.5]], [0.2],
                  hidden="tansig")
    x = np.array([0.6, -0.3])
    grads = {name: np.full(getattr(net, name).shape, 0.5) for name in ("w_hidden", "b_hidden", "w_output", "b_output")}
    grads["w_output"][0, 1] = 0.0
    said = floor_sentence(net, x, grads, {k: v.copy() for k, v in grads.items()})
    assert said.startswith("The gradient of $w_{42}$ is exactly 0 in the rules and in the central difference alike "
                           "(a weight whose input, an $x_k$ or $y_{hi}$, is 0), so its relative error"), said


def test_the_docstring_equations_hold():
    """floor_rows' docstring: a gradient exactly 0 in both columns has r = 0/10^-8 = 0, by the floor (hand values)."""
    assert "$0/10^{-8} = 0$" in judged.floor_rows.__doc__
    assert FLOOR == 1e-8 and 0 / 1e-8 == 0
    assert float(relative_error(np.zeros(1), np.zeros(1))[0]) == 0.0
