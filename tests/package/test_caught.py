"""backprop.caught: the gradient check of a right and a mistaken update, against the plain-Python rules and central
differences of tests/support/reference_net.py, and hand values of the relative error."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Network, show
from backprop.caught import MistakeCheck, check_mistake, require_caught
from tests.support.reference_net import finite_differences, flat, network_of, relative_error, updates

HIDDEN = ["w_hidden", "b_hidden"]
OUTPUT = ["w_output", "b_output"]


def problem(hidden="logsig", output="purelin", seed=1):
    """A 2-3-1 network (weights drawn by Network.random), a sample and eta, as reference_net takes them and as
    backprop does."""
    net = Network.random(2, 3, 1, seed=seed, hidden=hidden, output=output)
    ex = {**{k: v for k, v in net.to_dict().items() if k not in ("hidden", "output")},
          "hidden": hidden, "output": output, "x": [0.8, -1.3], "d": 0.9, "eta": 0.4}
    return (net, np.array(ex["x"]), np.array([ex["d"]]), ex["eta"]), network_of(ex)


@pytest.mark.parametrize("mistake", [dict(e_sign=-1.0), dict(f_h_prime=False), dict(outputs=[]), dict(x_input=False)],
                         ids=["flipped-sign", "no-f-prime", "no-back-sum", "no-x"])
@pytest.mark.parametrize("hidden", ["logsig", "tansig"])
def test_reads_the_right_rules_as_right_and_a_mistake_as_the_reference_does(hidden, mistake):
    (net, x, d, eta), (p, px, pd, peta) = problem(hidden)
    right, wrong = updates(p, px, pd, peta), updates(p, px, pd, peta, **mistake)
    found = check_mistake(net, x, d, eta, HIDDEN, flat(right, HIDDEN), flat(wrong, HIDDEN))
    expected = relative_error(wrong, p, px, pd, peta, HIDDEN)  # plain Python, its own h
    assert found.right < 1e-7 < 1e-4 < found.wrong
    assert found.plain_wrong == pytest.approx(expected, rel=1e-4)
    assert found.wrong == pytest.approx(expected, rel=1e-4)  # no allowance where the plain error reads as a bug


def test_hand_values_of_a_doubled_and_a_flipped_update():
    """r = |a - n| / (|a| + |n|) with n = a: a doubled update reads 1/3, a flipped one 1, on every entry."""
    (net, x, d, eta), (p, px, pd, peta) = problem("tansig", "tansig", seed=3)
    right = np.array(flat(updates(p, px, pd, peta), OUTPUT))
    assert check_mistake(net, x, d, eta, OUTPUT, right, 2 * right).wrong == pytest.approx(1 / 3, rel=1e-6)
    assert check_mistake(net, x, d, eta, OUTPUT, right, -right).wrong == pytest.approx(1.0, rel=1e-6)


def test_the_order_of_the_names_is_the_order_of_the_updates():
    """The same updates given in another order of parameters read the same."""
    (net, x, d, eta), (p, px, pd, peta) = problem()
    right, wrong = updates(p, px, pd, peta), updates(p, px, pd, peta, f_h_prime=False)
    names = ["b_hidden", "w_output", "w_hidden"]
    found = check_mistake(net, x, d, eta, names, flat(right, names), flat(wrong, names))
    assert found.right < 1e-7 and found.wrong == pytest.approx(relative_error(wrong, p, px, pd, peta, names), rel=1e-4)
    scrambled = check_mistake(net, x, d, eta, names, flat(right, names[::-1]), flat(right, names[::-1]))
    assert scrambled.right > 1e-4  # right updates under the wrong names read as a bug


def test_nothing_passed_in_is_changed():
    (net, x, d, eta), (p, px, pd, peta) = problem()
    right = np.array(flat(updates(p, px, pd, peta), HIDDEN))
    wrong = 2 * right
    before = [a.copy() for a in (x, d, right, wrong, net.w_hidden, net.b_hidden, net.w_output, net.b_output)]
    check_mistake(net, x, d, eta, HIDDEN, right, wrong)
    after = (x, d, right, wrong, net.w_hidden, net.b_hidden, net.w_output, net.b_output)
    assert all(np.array_equal(a, b) for a, b in zip(before, after))


def test_require_caught_passes_a_caught_mistake_and_names_one_that_is_not():
    require_caught("7 (a slip)", MistakeCheck(right=1e-9, wrong=0.5, plain_wrong=0.5), e=0.3)
    with pytest.raises(show.ExampleError, match=r"catches mistake 7 \(a slip\).*right = 1e-09.*wrong = 2e-05"):
        require_caught("7 (a slip)", MistakeCheck(right=1e-9, wrong=2e-5, plain_wrong=2e-5), e=0.3)
    with pytest.raises(show.ExampleError, match=r"right = 3e-07"):  # the right rules above RIGHT: not caught either
        require_caught("7 (a slip)", MistakeCheck(right=3e-7, wrong=0.5, plain_wrong=0.5), e=0.3)


def test_require_caught_says_when_the_error_is_too_small_for_the_check():
    """The slip shifts the gradients by more than 1e-4, but within the allowance: the message says e is too small."""
    with pytest.raises(show.ExampleError, match=r"e = 0\.0015 is so small that the gradients"):
        require_caught("7 (a slip)", MistakeCheck(right=1e-9, wrong=0.0, plain_wrong=0.02), e=0.0015)
    with pytest.raises(show.ExampleError) as raised:  # a slip too small in itself: no such reason given
        require_caught("7 (a slip)", MistakeCheck(right=1e-9, wrong=2e-5, plain_wrong=2e-5), e=0.0015)
    assert "is so small" not in str(raised.value)


def test_require_caught_messages_name_the_mistake_and_say_when_e_is_small():
    """The message every block of the common-mistakes page stops the build with (its blocks call require_caught with
    their mistake's number): it names the mistake and gives the numbers; when the mistake's plain relative error is a
    bug's but its gaps lie within what the central difference can be off by, it says e is too small for the check."""
    with pytest.raises(show.ExampleError) as failed:  # the mistake's gaps within the difference's own error
        require_caught("3 (the slip)", MistakeCheck(right=1e-9, wrong=0.0, plain_wrong=0.5), 1e-12)
    said = str(failed.value)
    assert "the gradient check catches mistake 3 (the slip)" in said
    assert "right = 1e-09, wrong = 0.000000, wrong_plain = 0.500000, e = 1e-12" in said
    assert "why = e = 1e-12 is so small that the gradients, which shrink with e, lie within what the central " \
           "difference alone can be off by" in said
    with pytest.raises(show.ExampleError) as failed:  # the right rules above 1e-7: no word of e
        require_caught("2 (x)", MistakeCheck(right=2e-7, wrong=0.5, plain_wrong=0.5), 0.3)
    assert "right = 2e-07, wrong = 0.500000, wrong_plain = 0.500000, e = 0.300000)" in str(failed.value)


def test_the_reference_finite_differences_are_independent_of_backprop():
    """The premise of the tests above: reference_net's central differences agree with the rules it writes by hand."""
    _, (p, px, pd, peta) = problem()
    num, ana = flat(finite_differences(p, px, pd)), [-v / peta for v in flat(updates(p, px, pd, peta))]
    assert max(abs(a - n) / (abs(a) + abs(n)) for a, n in zip(ana, num)) < 1e-6


def test_the_module_example_runs():
    import doctest

    import backprop.caught

    result = doctest.testmod(backprop.caught)
    assert result.attempted > 0 and result.failed == 0
