"""backprop.judged: which gradients the gradient check's allowance and its floor decide, on hand gradients."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Network, judged
from backprop.gradcheck import analytic_gradient
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
    # |a| + |c| is what the floor bounds, not |a| alone (a mutation audit): 6e-9 + 6e-9 is above 1e-8, 4e-9 + 4e-9 not
    a["b_hidden"][1], c["b_hidden"][1] = 6e-9, 6e-9
    a["b_hidden"][2], c["b_hidden"][2] = 4e-9, 4e-9
    a["b_output"][0], c["b_output"][0] = 6e-9, -6e-9  # |a| + |c| = 1.2e-8, though |a + c| = 0
    assert floor_rows(net, x, a, c)[1] == ["$b_3$"]


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
    """floor_rows' docstring: a gradient exactly 0 in both columns has r = 0/10^-8 = 0, by the floor. On a network
    whose input x_1 is 0, the rules and the plain-Python central differences (reference_net) both give exactly 0 for
    every w_i1; floor_rows names those, and the plain relative error of each, by hand, is 0 (a reviewer: the test
    did not call floor_rows)."""
    from tests.support.reference_net import finite_differences

    assert "$0/10^{-8} = 0$" in judged.floor_rows.__doc__
    net = Network.random(2, 3, 1, seed=4)
    x, d = np.array([0.0, 0.9]), np.array([0.3])
    ex = {**{k: v for k, v in net.to_dict().items() if k not in ("hidden", "output")}, "hidden": "logsig",
          "output": "purelin"}
    numerical = {k: np.array(v, dtype=float) for k, v in finite_differences(ex, x.tolist(), d.tolist()).items()}
    analytic = {k: np.array(v, dtype=float) for k, v in analytic_gradient(net, x, d).items()}
    zero, _, explained = floor_rows(net, x, analytic, numerical)
    assert zero == ["$w_{11}$", "$w_{21}$", "$w_{31}$"] and explained
    for i in range(3):
        a, c = analytic["w_hidden"][i, 0], numerical["w_hidden"][i, 0]
        assert a == c == 0 and abs(a - c) / max(abs(a) + abs(c), 1e-8) == 0


def test_zero_factor_names_the_output_weight_first_then_the_input():
    """Hand values: w_42 = 0 zeroes hidden neuron 2's weights and bias, x_1 = 0 every w_i1; w_21 has both, and the
    output weight is named; output parameters and the others have none."""
    net = Network([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], [0.1, 0.2, 0.3], [[0.7, 0.0, 0.9]], [0.4])
    x = [0.0, 0.5]
    found = {(name, index): judged.zero_factor(net, x, name, index)
             for name in ("w_hidden", "b_hidden", "w_output", "b_output")
             for index in np.ndindex(getattr(net, name).shape)}
    assert {key: f for key, f in found.items() if f is not None} == {
        ("w_hidden", (0, 0)): "x_1 = 0", ("w_hidden", (1, 0)): "w_{42} = 0", ("w_hidden", (1, 1)): "w_{42} = 0",
        ("w_hidden", (2, 0)): "x_1 = 0", ("b_hidden", (1,)): "w_{42} = 0"}
    # and each named update is exactly 0 by the plain-math oracle, as is the cost's central difference in it
    from tests.support import oracle
    from tests.support.reference_net import finite_differences

    ex = {**{k: v for k, v in net.to_dict().items() if k not in ("hidden", "output")}, "hidden": "logsig",
          "output": "purelin", "x": x, "d": 1.0, "eta": 0.5}
    it, slopes = oracle.iteration(ex), finite_differences(ex, x, [1.0])
    for (name, index) in [key for key, f in found.items() if f is not None]:
        update = it["dw_hidden" if name == "w_hidden" else "db_hidden"]
        slope = slopes[name]
        for n in index:
            update, slope = update[n], slope[n]
        assert update == 0 and slope == 0, (name, index)


def test_nudge_noise_bounds_the_tips_central_difference_and_sets_their_switch():
    """The rule pages' tips check an update by -eta times a central difference with h = 1e-6. For a network with a
    saturated hidden neuron (v_3 = 25) and a large cost, the plain-math oracle's central differences stay within
    nudge_noise of every update (a bound), and that saturated neuron's updates are within NUDGE_SHARE times it, while
    the worked example's shipped updates are far above it."""
    from tests.support import oracle
    from tests.support.reference_net import finite_differences

    ex = {"w_hidden": [[0.4, -0.2], [-0.3, 0.6], [12.0, 1.0]], "b_hidden": [0.1, -0.2, 0.3],
          "w_output": [[0.5, -0.4, 0.8]], "b_output": [-0.1], "hidden": "logsig", "output": "purelin",
          "x": [2.0, 0.5], "d": 9.0, "eta": 0.5}
    net = Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"])
    noise = judged.nudge_noise(net, ex["x"], [ex["d"]], ex["eta"])
    it, slopes = oracle.iteration(ex), finite_differences(ex, ex["x"], [ex["d"]], h=judged.NUDGE_H)
    for name, key in (("w_hidden", "dw_hidden"), ("b_hidden", "db_hidden"), ("w_output", "dw_output")):
        updates, fd = np.array(it[key], dtype=float), -ex["eta"] * np.array(slopes[name], dtype=float)
        assert np.all(np.abs(fd - updates) <= noise), name
    assert abs(it["db_hidden"][2]) <= judged.NUDGE_SHARE * noise and abs(it["dw_hidden"][2][1]) <= 100 * noise
    assert min(abs(it["db_hidden"][i]) for i in (0, 1)) > judged.NUDGE_SHARE * noise
    shipped = oracle.SHIPPED
    shipped_net = Network(shipped["w_hidden"], shipped["b_hidden"], shipped["w_output"], shipped["b_output"])
    shipped_noise = judged.nudge_noise(shipped_net, shipped["x"], [shipped["d"]], shipped["eta"])
    shipped_it = oracle.iteration(shipped)
    assert min(abs(v) for row in shipped_it["dw_hidden"] for v in row) > 1000 * shipped_noise


def test_too_small_to_nudge_says_which_update_and_the_bound():
    """Hand values: an update of 6.5e-13 under a bound of 2e-10 (at least 1/100 of it) with a checkable largest
    update; and a largest update that is too small as well, which every_update_too_small says alone too."""
    one = judged.too_small_to_nudge(r"\Delta w_{32}(0)", 6.5e-13, r"\Delta w_{12}(0)", 0.031, 2e-10)
    assert one == (r" (the one with the largest update in size here: $\Delta w_{32}(0) = 6.5 \times 10^{-13}$ is "
                   r"too small to check this way, since rounding alone can move $-\eta$ times a central difference "
                   r"with $h = 10^{-6}$ by up to $2.0 \times 10^{-10}$, more than that update itself)")
    every = judged.too_small_to_nudge(r"\Delta b_1(0)", 1e-9, r"\Delta b_2(0)", -3e-9, 2e-10)
    clause = (r", though every update is too small to check this way: rounding alone can move $-\eta$ times a central "
              r"difference with $h = 10^{-6}$ by up to $2.0 \times 10^{-10}$, at least $1/100$ of the largest, "
              r"$\Delta b_2(0) = -3.0 \times 10^{-9}$, so the two values printed can differ by that much")
    assert every == " (the one with the largest update in size here" + clause + ")"
    assert judged.every_update_too_small(r"\Delta b_2(0)", -3e-9, 2e-10) == clause
    assert judged.every_update_too_small(r"\Delta b_2(0)", -3e-8, 2e-10) == ""  # 150 times the bound


def test_too_small_to_nudge_says_a_bound_larger_than_the_update_is_larger():
    """A reviewer: a saturated example's tip said the bound 9.0e-9 was "at least 1/100" of an update of 9.1e-10, true
    but ten times short of it. Hand values: a bound above the update is "more than that update itself" (and more than
    the largest update, where every one is too small); a bound of exactly the update is still "at least 1/100"."""
    one = judged.too_small_to_nudge(r"\Delta b_1(0)", -9.1e-10, r"\Delta b_2(0)", 0.031, 9e-9)
    assert one.endswith(r"by up to $9.0 \times 10^{-9}$, more than that update itself)")
    every = judged.every_update_too_small(r"\Delta b_2(0)", -3e-9, 4e-9)
    assert every == (r", though every update is too small to check this way: rounding alone can move $-\eta$ times a "
                     r"central difference with $h = 10^{-6}$ by up to $4.0 \times 10^{-9}$, more than the largest "
                     r"itself, $\Delta b_2(0) = -3.0 \times 10^{-9}$, so the two values printed can differ by that "
                     "much")
    level = judged.too_small_to_nudge(r"\Delta b_1(0)", 2.04e-10, r"\Delta b_2(0)", 0.031, 2e-10)
    assert level.endswith(r"= 2.0 \times 10^{-10}$ is too small to check this way, since rounding alone can move "
                          r"$-\eta$ times a central difference with $h = 10^{-6}$ by up to $2.0 \times 10^{-10}$, as "
                          r"large as that update)")
    # as written: a bound of 1.04e-9, rounded up to 1.1e-9, beside an update of 1.07e-9 written 1.1e-9 is "as large";
    # beside 1.02e-9, written 1.0e-9, "more than" (a reviewer: 1.0e-9 "more than" 1.0e-9 read as a contradiction)
    assert judged.too_small_to_nudge("a", 1.07e-9, "b", 0.031, 1.04e-9).endswith(r"as large as that update)")
    assert judged.too_small_to_nudge("a", -1.02e-9, "b", 0.031, 1.04e-9).endswith(r"more than that update itself)")
    assert judged.too_small_to_nudge("a", 2.2e-10, "b", 0.031, 2e-10).endswith(r"at least $1/100$ of that update)")


def test_agrees_holds_each_update_to_its_own_size_plus_the_differences_error():
    """A TA's example: a saturated neuron's Δw_11 = 3.9e-6 beside a largest update of 6.0 'agreed' within 10^-6 of the
    largest (6.0e-6), as a formula giving 0 would have. Hand values: within 10^-6 of the update's own size plus the
    finite difference's own error, and no more."""
    assert r"|\Delta - \Delta_{fd}| \le 10^{-6}\,|\Delta_{fd}| + \epsilon" in judged.agrees.__doc__
    assert judged.AGREE == 1e-6
    assert not judged.agrees(0.0, 3.9e-6, 1e-8)  # 0 for 3.9e-6: off by all of it
    assert not judged.agrees(-3.9e-6, 3.9e-6, 1e-8)  # a flipped sign
    assert judged.agrees(3.9e-6 + 1e-8, 3.9e-6, 1.0001e-8)  # within the difference's own error
    assert not judged.agrees(3.9e-6 + 1e-8, 3.9e-6, 0.5e-8)
    assert judged.agrees(6.0 + 5.9e-6, 6.0, 0.0) and not judged.agrees(6.0 + 6.1e-6, 6.0, 0.0)  # 10^-6 of 6.0
    assert judged.agrees(-6.0 - 5.9e-6, -6.0, 0.0)
