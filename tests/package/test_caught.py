"""backprop.caught: the gradient check of a right and a mistaken update, against the plain-Python rules and central
differences of tests/support/reference_net.py, and hand values of the relative error."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Network, forward, rules, show, step
from backprop import caught as caught_module
from backprop.caught import (
    MistakeCheck,
    PageCheck,
    alike_note,
    check_mistake,
    differences_note,
    factor_r,
    largest_factor_off_one,
    magnitude_tex,
    mistake_1_small,
    orders_apart,
    page_checks,
    require_caught,
    slip_too_small,
    summary,
)
from tests.support.reference_net import apply, finite_differences, flat, network_of, relative_error, updates
from tests.support.reference_net import forward as reference_forward

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
    """r = |a - c| / (|a| + |c|) with c = a: a doubled update reads 1/3, a flipped one 1, on every entry."""
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
    """The slip shifts the gradients by more than 1e-4, but within the allowance: the message says the gradients it
    moves are too small for the check (a small e, or saturated neurons)."""
    with pytest.raises(show.ExampleError, match=r"the gradients the slip moves lie within .* the error e \(here "
                       r"0\.0015\) and are tiny on saturated neurons"):
        require_caught("7 (a slip)", MistakeCheck(right=1e-9, wrong=0.0, plain_wrong=0.02), e=0.0015)
    with pytest.raises(show.ExampleError) as raised:  # a slip too small in itself: no such reason given
        require_caught("7 (a slip)", MistakeCheck(right=1e-9, wrong=2e-5, plain_wrong=2e-5), e=0.0015)
    assert "lie within" not in str(raised.value)


def test_require_caught_messages_name_the_mistake_and_say_when_e_is_small():
    """The message every block of the common-mistakes page stops the build with (its blocks call require_caught with
    their mistake's number): it names the mistake and gives the numbers; when the mistake's plain relative error is a
    bug's but its gaps lie within what the central difference can be off by, it says e is too small for the check."""
    with pytest.raises(show.ExampleError) as failed:  # the mistake's gaps within the difference's own error
        require_caught("3 (the slip)", MistakeCheck(right=1e-9, wrong=0.0, plain_wrong=0.5), 1e-12)
    said = str(failed.value)
    assert "the gradient check catches mistake 3 (the slip)" in said
    assert "right = 1e-09, wrong = 0.000000, wrong_plain = 0.500000, e = 1e-12" in said
    assert "why = the gradients the slip moves lie within what the central difference alone can be off by: they " \
           "shrink with the error e (here 1e-12) and are tiny on saturated neurons" in said
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


def test_factor_r_hand_values():
    """|k - 1|/(k + 1): a factor of 4 reads 0.6, 1 reads 0, 1/4 reads 0.6; about 2e-4 off 1 is where 1e-4 lies."""
    assert factor_r([4.0, 1.0, 0.25]) == pytest.approx([0.6, 0.0, 0.6], abs=1e-15)
    k = 1 + largest_factor_off_one()
    assert float(factor_r(k)) == pytest.approx(1e-4, rel=1e-12) and largest_factor_off_one() == pytest.approx(2e-4,
                                                                                                          rel=1e-3)


def test_slip_too_small_is_a_plain_miss_with_the_right_rules_right():
    assert slip_too_small(MistakeCheck(right=1e-10, wrong=2e-5, plain_wrong=2e-5))
    assert not slip_too_small(MistakeCheck(right=1e-10, wrong=0.0, plain_wrong=0.02))  # a small e: not the slip
    assert not slip_too_small(MistakeCheck(right=3e-7, wrong=2e-5, plain_wrong=2e-5))  # the right rules fail
    assert not slip_too_small(MistakeCheck(right=1e-10, wrong=0.5, plain_wrong=0.5))  # caught


def test_summary_names_what_is_caught_and_what_is_not():
    """Hand-made checks: the orders of magnitude are floor(log10(min wrong/right)) of the caught ones, the missed ones
    are named with their r, grouped by whether they change nothing."""
    def check(name, right, wrong, same=False):
        return PageCheck(name, MistakeCheck(right, wrong, wrong), same)

    said = summary([check("1", 1e-10, 9.8e-5), check("2", 1e-10, 0.5), check("3", 2e-9, 1.0),
                    check("5", 2e-11, 2e-11, same=True)])
    assert said.startswith("On this example the gradient check catches mistake 2 and mistake 3, each reading at least "
                           "8 orders of magnitude above the correct rules. It does not catch mistake 5, which changes "
                           "nothing here (r = 2.0e-11, as for the correct rules), nor mistake 1 (r = 9.8e-05), which "
                           "moves the gradients too little for the $10^{-4}$ that reads as a bug: their sections say "
                           "why.")
    every = summary([check("1", 1e-10, 0.3), check("2", 1e-11, 0.5)])
    assert "catches every one of them: each of its 2 checks above reads the mistake as a bug, at least 9 orders" \
        in every
    assert "It does not catch" not in every


def test_orders_apart_rounds_down_as_at_least():
    """Hand values: the whole orders of magnitude between two r, rounded down ('at least'), as the summary has always
    said them; the verification page rounded (7.2e9 read '10 orders'), now one rule for both pages."""
    assert orders_apart(6.8e-1, 9.4e-11) == "at least 9 orders of magnitude"  # 7.2e9: 9.86 orders
    assert orders_apart(1.0, 1e-3) == "at least 3 orders of magnitude"
    assert orders_apart(2.5e-5, 1e-6) == "at least one order of magnitude"
    assert orders_apart(9e-6, 1e-6) is None and orders_apart(1e-4, 0.0) is None
    assert summary([PageCheck("2", MistakeCheck(1e-10, 9.8e-1, 9.8e-1), False)]).count("at least 9 orders") == 1


def test_magnitude_tex_hand_values():
    """Three decimals where they show three significant digits, scientific notation (TeX) otherwise: never nine
    digits before the point nor Python's 1.44999e-05."""
    assert magnitude_tex(4.51) == "4.510" and magnitude_tex(0.25) == "0.250" and magnitude_tex(-9999.0) == "-9999.000"
    assert magnitude_tex(108254989.675) == r"1.08 \times 10^{8}" and magnitude_tex(0.0123) == r"1.23 \times 10^{-2}"
    assert magnitude_tex(1.44999e-05, 6) == r"1.45 \times 10^{-5}" and magnitude_tex(0.0249985, 6) == "0.024998"
    assert magnitude_tex(0.0) == "0.000"


def test_mistake_1_small_names_the_factor_that_keeps_the_step_small():
    """Delta w_4i = eta e y_hi: the factor at most the square root of the step is named (hand values: the second
    review's B, eta e = 1.45e-5 with y_hi up to 1; its E, eta e = 0.025 with y_hi up to 3e-6; both 0.01)."""
    b, e = mistake_1_small(1.44999e-05, 0.999999991), mistake_1_small(0.0249985, 3e-6)
    both = mistake_1_small(0.01, 0.01)
    assert b == {"tex": r"$\eta e = 1.45 \times 10^{-5}$ is small", "larger": r"A larger $\eta$ or error shows it"}
    assert e == {"tex": r"$\eta e = 0.024998$, but every $|y_{hi}|$ is at most $3.00 \times 10^{-6}$",
                 "larger": r"Hidden outputs $y_{hi}$ further from 0 show it"}
    assert both["tex"] == r"both $\eta e = 0.010000$ and every $|y_{hi}|$, at most $0.010000$, are small"


@pytest.mark.parametrize("hidden", ["logsig", "tansig"])
def test_page_checks_read_as_the_reference_does(hidden):
    """Each of the seven checks against reference_net's plain relative error of the same slip; mistake 4 on the page's
    2-3-2 network (seed 0, d = (1, 0), the example's hidden activation)."""
    (net, x, d, eta), (p, px, pd, peta) = problem(hidden)
    p232 = network_of({**Network.random(2, 3, 2, seed=0, hidden=hidden).to_dict(), "x": px, "d": 0.0, "eta": peta})[0]
    right = updates(p, px, pd, peta)
    as_net = {name: {**p, "hidden": name} for name in ("logsig", "tansig")}
    expected = [
        relative_error(updates(p, px, pd, peta, w_back=apply(p, right)["w_output"]), p, px, pd, peta, HIDDEN),
        relative_error(updates(p, px, pd, peta, f_h_prime=False), p, px, pd, peta, HIDDEN),
        relative_error(updates({**p, "output": "tansig"}, px, pd, peta, f_o_prime=False), {**p, "output": "tansig"},
                       px, pd, peta, OUTPUT),
        1.0,
        relative_error(updates(p232, px, [1.0, 0.0], peta, outputs=[0]), p232, px, [1.0, 0.0], peta, HIDDEN),
        relative_error(updates(as_net["logsig"], px, pd, peta, f_h_prime=lambda y: y * (1 + y)), as_net["logsig"], px,
                       pd, peta, HIDDEN),
        relative_error(updates(as_net["tansig"], px, pd, peta, f_h_prime=lambda y: 1 + y * y), as_net["tansig"], px,
                       pd, peta, HIDDEN),
    ]
    checks = page_checks(net, x, d, eta)
    assert [c.mistake[0] for c in checks] == ["1", "2", "2", "3", "4", "5", "5"]
    for c, r in zip(checks, expected):
        assert c.found.right < 1e-7 and c.found.wrong == pytest.approx(r, rel=1e-4) and not c.unchanged, c.mistake


def test_differences_note_says_once_what_two_columns_share():
    """A reviewer read "Where the wrong column prints 0.000000, an update is below its last decimal, at most 1.1e-9 in
    size. Where the difference column prints 0.000000, the difference is below its last decimal, at most 1.1e-9 in
    size." back to back (the right update 0, the wrong one its difference). Said once where the two say the same;
    apart where they do not. Hand values."""
    assert differences_note([0.4, 0.0], [0.5, 3e-7]) == (
        r"Where the wrong and the difference columns print $0.000000$, an update or a difference is below its last "
        r"decimal, at most $3.0 \times 10^{-7}$ in size.")
    assert differences_note([0.4, 1e-7], [0.5, 3e-7]) == (
        r"Where the right and wrong columns print $0.000000$, an update is below its last decimal, at most "
        r"$3.0 \times 10^{-7}$ in size. Where the difference column prints $0.000000$, the difference is below its "
        r"last decimal, at most $2.0 \times 10^{-7}$ in size.")


def test_differences_note_names_the_rows_whose_two_columns_print_alike():
    """A reviewer's small η printed four rows of the wrong-order table with the same number under "right" and "wrong":
    those rows are named, and only they (not a row whose two print differently, nor one whose two are equal, nor one
    whose two print as 0, which the zero note covers). Hand values."""
    labels = ["w_{11}", "w_{12}", "w_{21}", "b_1", "b_2"]
    right = [-2.41e-5, 0.25, 0.3, 1e-8, 0.0000244]
    wrong = [-2.44e-5, 0.26, 0.3, 2e-8, 0.0000236]  # -0.000024 twice; apart; equal; 0 twice; 0.000024 twice
    assert alike_note(right, wrong, labels) == (
        r"In the rows of $\Delta w_{11}$ and $\Delta b_2$ the right and wrong columns print alike: the mistake changes "
        "them by less than one unit of the last decimal.")
    assert alike_note(right[:2], wrong[:2], labels[:2]) == (
        r"In the row of $\Delta w_{11}$ the right and wrong columns print alike: the mistake changes it by less than "
        "one unit of the last decimal.")
    assert alike_note(right[1:4], wrong[1:4], labels[1:4]) == ""
    assert alike_note(right, wrong, labels) in differences_note(right, wrong, labels)
    assert "alike" not in differences_note(right, wrong)  # no labels: no row to name


def test_differences_note_writes_a_difference_that_prints_one_digit_with_two():
    """A TA's tansig example: common mistakes' fifth table printed differences of 2.14e-6, 8.54e-6 and 4.27e-6 as
    -0.000002, 0.000009 and 0.000004, one digit each (5 to 7 % off), with no word; the rows are named, with two digits
    (hand values), and a difference of six printed digits is not."""
    labels = ["w_{21}", "w_{22}", "b_2", "w_{31}"]
    right = [0.25, -0.125, 0.5, 0.375]
    wrong = [0.25 - 2.14e-6, -0.125 + 8.54e-6, 0.5 + 4.27e-6, 0.375 + 0.25]
    assert (r"In the difference column, the rows of $\Delta w_{21}$, $\Delta w_{22}$ and $\Delta b_2$ print with one "
            r"digit: they are $-2.1 \times 10^{-6}$, $8.5 \times 10^{-6}$ and $4.3 \times 10^{-6}$.") \
        in differences_note(right, wrong, labels)
    assert "difference column" not in differences_note(right[3:], wrong[3:], labels[3:])


def test_the_docstring_equations_hold():
    """The equations the reference page of backprop.caught shows: an update read as a gradient, the package's rules
    against the plain-Python cost's central differences (reference_net), and the new output weights of mistake 1's
    docstring against the plain-Python forward pass."""
    assert r"\Delta\theta = -\eta\, \partial E/\partial\theta" in caught_module.__doc__
    assert r"w_{4i}(n+1) = w_{4i}(n) + \eta e\, y_{hi}" in mistake_1_small.__doc__
    (net, x, d, eta), (p, px, pd, peta) = problem("tansig", "purelin", seed=2)
    fp = forward(net, x)
    slopes = finite_differences(p, px, pd)
    found = {"w_hidden": rules.delta_w_hidden(fp, d, eta), "b_hidden": rules.delta_b_hidden(fp, d, eta),
             "w_output": rules.delta_w_output(fp, d, eta), "b_output": rules.delta_b_output(fp, d, eta)}
    for name, delta in found.items():  # Δθ = −η ∂E/∂θ
        assert np.allclose(delta.ravel(), -peta * np.ravel(slopes[name]), rtol=1e-6, atol=1e-9), name
    y_h, y = reference_forward(p, px)
    e = pd[0] - y[0]
    assert np.allclose(step(net, x, d, eta).w_output[0], [w + peta * e * yh for w, yh in zip(p["w_output"][0], y_h)],
                       rtol=1e-12, atol=1e-15)


def test_r_text_writes_a_relative_error_near_1_with_the_digits_that_tell_it_from_1():
    """A TA's saturated example: dropping f'(v_1) gave r = 0.9985, printed 1.0e+00 beside "a wrong sign gives r = 1
    exactly". Hand values: the fewest digits that do not print 1, and 1 itself as before."""
    from backprop.caught import r_text

    assert r_text(1.0) == "1.0e+00" and r_text(0.68) == "6.8e-01"
    for r, text in ((0.9984, "9.98e-01"), (0.99925, "9.99e-01"), (0.999998, "9.99998e-01"), (0.99996, "9.9996e-01")):
        assert r_text(r) == text, (r, r_text(r))


def test_r_text_writes_a_relative_error_near_WRONG_with_the_digits_that_tell_its_side():
    """9.999e-05 printed 1.00e-04, the threshold itself, on the side of a bug. Hand values: the fewest digits that do
    not print 10^-4, and 10^-4 itself with one decimal."""
    from backprop.caught import WRONG, r_text

    assert WRONG == 1e-4 and r_text(1e-4) == "1.0e-04" and r_text(1e-7) == "1.0e-07"
    assert r_text(9.997e-8) == "9.997e-08" and r_text(1.0004e-7) == "1.0004e-07"  # 10^-7, RIGHT, likewise
    for r, text in ((9.97e-5, "9.97e-05"), (1.0196e-4, "1.02e-04"), (9.999e-5, "9.999e-05"),
                    (1.00004e-4, "1.00004e-04"), (9.94e-5, "9.9e-05"), (1.06e-4, "1.1e-04")):
        assert r_text(r) == text, (r, r_text(r))
