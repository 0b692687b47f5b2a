r"""``backprop.show``, the one way the site writes a number: against strings written out by hand.

The rules: six decimals and never "-0.000000"; a negative number in parentheses after an operator, after a
power's brace, or carrying a power (``0.3 \cdot (-1.0)``, ``e^{-(-0.2)}``, ``(-0.197375)^2``), and none where it
starts an expression; ``=`` or ``\approx`` from what a reader can add up; sentences chosen from a sign or stopped
with a message naming the page, the sentence and the numbers.
"""

from __future__ import annotations

import inspect
import math
import re
from decimal import Decimal

import numpy as np
import pytest

from backprop import show

# --- hidden_fields, fields_rounded -----------------------------------------------------------------------------


def test_hidden_fields_write_0_where_the_written_numbers_cancel_and_keep_every_other_field():
    """Hand values: 0.5 · 0.6 + 0.375 · (-0.8) + 0 is 0 (fractions), its plain-math double is not; 0.3 · 0.6 + 0.4 ·
    (-0.8) + 0.2 = 0.06; 0.1234567 - 0.123457 = -3e-7 as typed, a field of its own, though its written digits (0.123457
    - 0.123457) cancel: kept. Nothing passed in is modified."""
    from fractions import Fraction

    from backprop import Network, forward

    w = np.array([[0.5, 0.375], [0.3, 0.4], [0.1234567, -0.123457]])
    net = Network(w_hidden=w, b_hidden=np.array([0.0, 0.2, 0.0]), w_output=np.ones((1, 3)), b_output=np.zeros(1))
    x = np.array([0.6, -0.8])
    assert Fraction("0.5") * Fraction("0.6") + Fraction("0.375") * Fraction("-0.8") == 0
    double = 0.5 * 0.6 + 0.375 * -0.8 + 0.0
    assert double != 0  # the premise: binary floating point keeps a rounding
    fields = show.hidden_fields(net, x)
    assert fields[0] == 0.0 and fields[1] == pytest.approx(0.06, abs=1e-15)
    assert fields[1:].tolist() == forward(net, x).v_hidden[1:].tolist()  # the package's own doubles, unchanged
    assert fields[2] == pytest.approx(0.1234567 * 0.6 + 0.123457 * 0.8, abs=1e-15)
    assert show.fields_rounded(net, x) == [(1, pytest.approx(double, abs=1e-16))]
    kept = show.hidden_fields(net, np.array([1.0, 1.0]))
    assert kept[2] == pytest.approx(-3e-7, rel=1e-6) and show.fields_rounded(net, np.array([1.0, 1.0])) == []
    assert x.tolist() == [0.6, -0.8] and net.w_hidden[0].tolist() == [0.5, 0.375]


# --- num, rounded ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0.5, None, "0.500000"),
        (-0.5, None, "-0.500000"),
        (1.23456789, None, "1.234568"),
        (3, None, "3.000000"),
        (np.float64(-0.25), None, "-0.250000"),
        (-1e-9, None, "0.000000"),  # never "-0.000000"
        (-0.0, None, "0.000000"),
        (-4e-7, None, "0.000000"),
        (-6e-7, None, "-0.000001"),
        (1.23456789, 3, "1.235"),
        (-0.4, 0, "0"),  # never "-0"
        (-1.6, 0, "-2"),
        (2.0, 10, "2.0000000000"),
    ],
)
def test_num(value, decimals, text):
    assert show.num(value, decimals) == text


def test_decimals_are_six():
    assert show.DECIMALS == 6


def test_rounded_is_what_the_reader_sees():
    assert show.rounded(0.1234567) == 0.123457
    assert show.rounded(-0.0000004) == 0.0
    assert show.rounded(2.71828, 2) == 2.72


# --- tex -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "values", "text"),
    [
        # the module's own examples
        (r"{{a}} \cdot {{b}} + {{c}}", {"a": 0.5, "b": -1.0, "c": -0.25}, r"0.500000 \cdot (-1.000000) + (-0.250000)"),
        (r"e^{-{{v}}}", {"v": -0.2}, r"e^{-(-0.200000)}"),
        # after an operator: parentheses for a negative, none for a positive
        (r"1 - {{y}}", {"y": -0.3}, r"1 - (-0.300000)"),
        (r"1 - {{y}}", {"y": 0.3}, r"1 - 0.300000"),
        (r"x \cdot {{w}}", {"w": -2.0}, r"x \cdot (-2.000000)"),
        # a power: the base in parentheses (exercise 3's 1 - (-0.197375)^2, not 1 - -0.197375^2)
        (r"1 - {{y}}^2", {"y": -0.197375}, r"1 - (-0.197375)^2"),
        (r"{{y}}^2", {"y": -0.5}, r"(-0.500000)^2"),
        (r"{{y}} ^{2}", {"y": -0.5}, r"(-0.500000) ^{2}"),
        (r"{{y}}^2", {"y": 0.5}, r"0.500000^2"),
        (r"e^{{{v}}}", {"v": -1.5}, r"e^{(-1.500000)}"),  # in a power's brace
        # where a negative starts an expression: no parentheses
        (r"{{a}} + 1", {"a": -0.5}, r"-0.500000 + 1"),
        (r"v = {{a}}", {"a": -0.5}, r"v = -0.500000"),
        (r"f({{a}})", {"a": -1.0}, r"f(-1.000000)"),
        (r"({{a}}, {{b}})", {"a": -1.0, "b": -2.0}, r"(-1.000000, -2.000000)"),
        (r"[{{a}}]", {"a": -1.0}, r"[-1.000000]"),
        (r"\frac{{{a}}}{2}", {"a": -1.0}, r"\frac{-1.000000}{2}"),
        (r"&= {{a}}", {"a": -1.0}, r"&= -1.000000"),
        (r"a \\ {{b}}", {"b": -1.0}, r"a \\ -1.000000"),
        (r"\approx {{a}}", {"a": -1.5}, r"\approx -1.500000"),
        (r"\quad {{a}}", {"a": -1.5}, r"\quad -1.500000"),
        (r"\left({{a}}\right)", {"a": -1.5}, r"\left(-1.500000\right)"),
        (r"|{{a}}|", {"a": -1.5}, r"|-1.500000|"),
        (r"$ {{a}}", {"a": -1.5}, r"$ -1.500000"),
        # TeX's own single braces are left alone; spaces inside a field are allowed
        (r"w_{11} x_{1} + {{ b }}", {"b": 0.1}, r"w_{11} x_{1} + 0.100000"),
        # a format spec, ints, numpy scalars and one-element arrays
        (r"2 \cdot {{a:.2f}}", {"a": -0.5}, r"2 \cdot (-0.50)"),
        (r"{{a:.3f}}", {"a": -0.12345}, r"-0.123"),
        (r"x - {{n}}", {"n": -2}, r"x - (-2)"),
        (r"x_{{{k}}}", {"k": 2}, r"x_{2}"),
        (r"{{n:03d}}", {"n": 7}, r"007"),
        (r"1 + {{a}}", {"a": np.float64(-0.25)}, r"1 + (-0.250000)"),
        (r"1 + {{a}}", {"a": np.array([-0.25])}, r"1 + (-0.250000)"),
        (r"1 + {{n}}", {"n": np.int64(-3)}, r"1 + (-3)"),
        # strings and bools as they are (TeX chosen from the numbers)
        (r"y {{rel}} d", {"rel": r"<"}, r"y < d"),
        (r"1 - {{s}}", {"s": "-x"}, r"1 - -x"),
        (r"{{b}}", {"b": True}, r"True"),
        # never "-0.000000", so never "(-0.000000)"
        (r"x - {{a:printed}}", {"a": -1e-9}, r"x - 0.000000"),
        # a value of which six decimals keep fewer than two digits (below 10^-5), or write it more than 5 % off: two
        # significant digits in scientific notation, a product, so in parentheses where a negative number is;
        # :printed writes it as a table prints it
        (r"x - {{a}}", {"a": -1e-9}, r"x - (-1.0 \times 10^{-9})"),
        (r"f'(v) = {{y}}", {"y": 3.7266e-6}, r"f'(v) = 3.7 \times 10^{-6}"),
        (r"{{y}}^2", {"y": 3e-8}, r"(3.0 \times 10^{-8})^2"),
        (r"0.5 \cdot {{y}} \cdot 2", {"y": 9.4e-7}, r"0.5 \cdot (9.4 \times 10^{-7}) \cdot 2"),  # 0.000001: 6 % off
        (r"0.5 \cdot {{y}}", {"y": 9.6e-7}, r"0.5 \cdot (9.6 \times 10^{-7})"),  # 4 % off, but one digit
        (r"0.5 \cdot {{y}}", {"y": 5e-6}, r"0.5 \cdot (5.0 \times 10^{-6})"),  # exact, but one digit
        (r"0.5 \cdot {{y}}", {"y": 0.0000123}, r"0.5 \cdot 0.000012"),  # two digits: as printed
        (r"0.5 \cdot {{y}}", {"y": 9.96e-6}, r"0.5 \cdot 0.000010"),  # prints as 0.000010: two digits
        (r"x \cdot {{a:printed}}", {"a": 3.7266e-6}, r"x \cdot 0.000004"),
        (r"x \cdot {{a:printed}}", {"a": -0.25}, r"x \cdot (-0.250000)"),
        # a value used twice
        (r"{{y}}\,(1 - {{y}})", {"y": -0.25}, r"-0.250000\,(1 - (-0.250000))"),
    ],
)
def test_tex(template, values, text):
    assert show.tex(template, **values) == text


def test_tex_names_a_field_without_value():
    with pytest.raises(KeyError, match=r"no value for the field \{\{b\}\}"):
        show.tex(r"{{a}} + {{b}}", a=1.0)


def test_tex_refuses_what_it_cannot_show():
    with pytest.raises(TypeError, match="cannot show a list"):
        show.tex(r"{{a}}", a=[1.0, 2.0])
    with pytest.raises(TypeError, match="cannot show a ndarray"):
        show.tex(r"{{a}}", a=np.array([1.0, 2.0]))


@pytest.mark.parametrize(
    ("template", "values", "text"),
    [
        # exercise 12's sentence: a number in prose after a word is no operand, so no operator's parentheses
        (r"With it, $b_{1}(n+1) = {{right}}$, where the buggy code gives {{buggy}}.", {"right": -0.25, "buggy": -0.26},
         r"With it, $b_{1}(n+1) = -0.250000$, where the buggy code gives -0.260000."),
        # prose before, between and after math; math still gets them, inline and displayed
        (r"from {{a}} to {{b}}: $1 - {{b}}$ and $$x \cdot {{a}}$$ then {{a}}^2", {"a": -0.5, "b": -0.25},
         r"from -0.500000 to -0.250000: $1 - (-0.250000)$ and $$x \cdot (-0.500000)$$ then -0.500000^2"),
        # an escaped dollar is a dollar sign: prose goes on, and the real math after it is still math
        (r"costs \$ {{a}}, $y - {{a}}$", {"a": -1.0}, r"costs \$ -1.000000, $y - (-1.000000)$"),
        # a template without $ is TeX throughout, as before
        (r"y - {{a}}", {"a": -1.0}, r"y - (-1.000000)"),
        # a number in scientific notation in prose is math of its own
        (r"the code gives {{a}}, $y - {{a}}$", {"a": -3e-8},
         r"the code gives $-3.0 \times 10^{-8}$, $y - (-3.0 \times 10^{-8})$"),
    ],
)
def test_tex_leaves_prose_of_a_markdown_template_alone(template, values, text):
    assert show.tex(template, **values) == text


def test_tex_ignores_extra_values_and_leaves_a_template_without_fields_alone():
    assert show.tex(r"\frac{1}{2}", a=1.0) == r"\frac{1}{2}"


# --- eq --------------------------------------------------------------------------------------------------


def test_eq_is_equals_when_the_shown_operands_give_the_shown_result():
    assert show.eq(0.1 + 0.2, 0.3) == "="
    assert show.eq(0.5, 0.5000001) == "="
    assert show.eq(-1e-9, 0.0) == "="  # "0.000000" both


def test_eq_reads_a_coarse_result_as_tex_writes_it():
    # 3.7266e-06 is written 3.7 \times 10^{-6}: its last digit is 10^-7, half of which is 5e-8
    assert show.eq(3.7e-6, 3.7266e-6) == "="
    assert show.eq(3.74e-6, 3.7266e-6) == "="
    assert show.eq(3.76e-6, 3.7266e-6) == r"\approx"
    assert show.eq(4e-6, 3.7266e-6) == r"\approx"  # what six decimals, 0.000004, would have called "="
    # the case that made this rule: f'(v_2) = 7.5e-7 printed as 0.000001 gave "0.000001 · (-2.1) · 7.491003 ≈ -0.000008"
    # while the printed factors give -0.000016; written as tex writes them, the factors give the result
    f_prime, w, delta_4 = 7.5e-7, -2.1, 7.491003
    assert show.eq(show.written(f_prime) * w * delta_4, f_prime * w * delta_4) == "="
    assert show.eq(show.rounded(f_prime) * w * delta_4, f_prime * w * delta_4) == r"\approx"


@pytest.mark.parametrize(("value", "read"), [
    (0.1234567, 0.123457), (3.7266e-6, 3.7e-6), (-1e-9, -1e-9), (0.0, 0.0), (9.6e-7, 9.6e-7), (9.4e-7, 9.4e-7),
    (0.0000123, 0.000012), (5.04e-6, 5.0e-6),
    (-5.0048e-7, -5.0e-7),
])
def test_written_is_the_number_a_formula_shows(value, read):
    assert show.written(value) == read


def test_eq_is_approx_when_they_do_not():
    # the cost page's case: 0.828335 + 0.116598 = 0.944933, while the exact sum prints as 0.944934
    assert show.eq(show.rounded(0.8283354) + show.rounded(0.1165984), 0.8283354 + 0.1165984) == r"\approx"
    assert show.eq(1.24, 1.26, 1) == r"\approx"
    assert show.eq(1.24, 1.21, 1) == "="


@pytest.mark.parametrize(("value", "text"), [
    (5.043e-6, r"5.1 \times 10^{-6}"), (5.0e-6, r"5.0 \times 10^{-6}"), (9.91e-6, r"1.0 \times 10^{-5}"),
    (-1.23e-7, r"-1.3 \times 10^{-7}"), (2.6700001e-6, r"2.7 \times 10^{-6}"),
])
def test_sci_up_rounds_a_bound_up(value, text):
    """A bound a sentence says "at most" of is rounded up in size (5.04e-6 "at most 5.0e-6" was false); hand values."""
    assert show.sci(value, up=True) == text


def test_eq_judges_written_numbers_exactly():
    """A sum of written numbers that is a tie with the printed result gets "\\approx" (a reader rounding half up and one
    rounding half down print different last digits), though doubles put it on the printed side: the reviewer's
    2.636633 · 4860 + (-0.00255) · 0.85 is 12814.0342125 exactly, and 12814.034212499999 in doubles."""
    tie = Decimal("2.636633") * 4860 + Decimal("-0.00255") * Decimal("0.85")
    assert tie == Decimal("12814.0342125")  # the premise, by hand: 12814.036380 - 0.0021675
    in_doubles = 2.636633 * 4860 + (-0.00255) * 0.85
    assert abs(Decimal(in_doubles) - Decimal("12814.034212")) < Decimal("0.0000005")  # the premise: doubles miss it
    assert show.eq(show.exact(2.636633) * 4860 + show.exact(-0.00255) * show.exact(0.85), in_doubles) == r"\approx"
    assert show.eq(Decimal("12814.0342124999"), in_doubles) == "="  # just inside the half unit
    assert show.eq(Decimal("0.5") * Decimal("0.25"), 0.125) == "="
    assert show.exact(3.7266e-6) == Decimal("0.0000037") and show.exact(0.1234567) == Decimal("0.123457")
    with pytest.raises(TypeError):
        _ = 0.5 * show.exact(0.25) ** 2  # a float would bring a double's rounding back: refused by Decimal


# --- apart -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second", "text"), [
    # a finite difference and the exact value on two sides of a rounding boundary: both shown, and their gap
    (("fd", 0.2500004999), ("exact", 0.2500005001), "fd = 0.250000, exact = 0.250001, apart by 2e-10"),
    (("-eta * dE/dw32", -0.04266012), ("Δw_32(0)", -0.04266009), "-eta * dE/dw32 = -0.042660, Δw_32(0) = -0.042660, "
                                                                   "apart by 3e-08"),
    # below 10^-3 in size both in scientific notation (six decimals would print -1e-9 as "-0.000000" or hide it)
    (("a", -1e-9), ("b", 0.0), "a = -1.000000e-09, b = 0.000000e+00, apart by 1e-09"),
    (("a", 3.21098e-6), ("b", 3.21101e-6), "a = 3.210980e-06, b = 3.211010e-06, apart by 3e-11"),  # a rule 3 tip
    (("a", 0.0), ("b", 0.0), "a = 0.000000, b = 0.000000, apart by 0"),
    (("a", 0.5), ("b", 0.5), "a = 0.500000, b = 0.500000, apart by 0"),  # no gap: 0, not "0e+00"
    (("a", np.float64(1.0)), ("b", 3.0), "a = 1.000000, b = 3.000000, apart by 2e+00"),
])
def test_apart_writes_both_values_and_their_gap(first, second, text):
    assert show.apart(first, second) == text


def test_apart_writes_values_between_1e_4_and_1e_3_in_scientific_notation():
    """A mutation review: apart() switching to scientific notation only below 10^-4 passed the tests; its docstring
    says below 10^-3, where six decimals would print 3.21098e-4 and 3.21101e-4 alike as 0.000321."""
    assert f"{3.21098e-4:.6f}" == f"{3.21101e-4:.6f}" == "0.000321"  # the premise: six decimals hide the gap
    assert show.apart(("a", 3.21098e-4), ("b", 3.21101e-4)) == "a = 3.210980e-04, b = 3.211010e-04, apart by 3e-09"
    assert show.apart(("a", 1e-3), ("b", 1e-3)) == "a = 0.001000, b = 0.001000, apart by 0"  # 10^-3 itself: decimals


# --- largest ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "indices"), [
    ([0.5, -0.9, 0.2], [1]),  # in size: the negative one
    ([0.9, -0.9, 0.5], [0, 1]),  # an exact tie names each
    ([0.9, -0.90000001, 0.5], [0, 1]),  # both printed 0.900000: a tie the reader sees names each too
    ([0.1234564, 0.1234566, 0.1], [1]),  # 0.123456 and 0.123457: one is larger as printed
    ([0.0, 0.0, 0.0], [0, 1, 2]),
    (np.array([-2e-7, 1e-7]), [0, 1]),  # both 0.000000
])
def test_largest_compares_sizes_as_printed(values, indices):
    assert show.largest(values) == indices


@pytest.mark.parametrize(("values", "indices"), [
    ([0.5, -0.9, 0.2], [2]),
    ([0.8220014, 0.8220006, 0.9], [0, 1]),  # both printed 0.822001: a tie the reader sees names each
    ([0.000335, 0.00033500004, 0.244458], [0, 1]),  # an exact tie and one within the last decimal
    ([0.1234564, 0.1234566, 0.2], [0]),  # 0.123456 and 0.123457: one is smaller as printed
    ([-0.3, 0.3, 0.30000001], [0, 1, 2]),  # in size, as printed
    (np.array([2e-7, -1e-7, 0.1]), [0, 1]),  # both 0.000000
])
def test_smallest_compares_sizes_as_printed(values, indices):
    assert show.smallest(values) == indices


# --- pick, and_list, require -----------------------------------------------------------------------------


def test_pick_chooses_by_sign():
    assert show.pick(0.3, "grows", "shrinks") == "grows"
    assert show.pick(-1e-12, "grows", "shrinks") == "shrinks"
    assert show.pick(0.0, "grows", "shrinks", "stays") == "stays"
    assert show.pick(np.float64(-2.0), "positive", "negative") == "negative"


def test_pick_without_a_zero_word_stops_at_zero():
    with pytest.raises(show.ExampleError, match=r"nonzero number here \('grows' or 'shrinks'\), got 0"):
        show.pick(0.0, "grows", "shrinks")
    assert issubclass(show.ExampleError, AssertionError)


@pytest.mark.parametrize(("items", "text"), [(["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"),
                                             (("x", "y"), "x and y")])
def test_and_list(items, text):
    assert show.and_list(items) == text


def test_require_passes_silently():
    assert show.require(True, "anything", e=1.0) is None
    assert show.require(1, "anything") is None


def test_require_names_page_sentence_and_numbers(monkeypatch):
    monkeypatch.setattr(show, "current_page", "rule-output-weights.md")
    with pytest.raises(show.ExampleError) as info:
        show.require(False, "All three steps are negative", e=0.25, count=3, v=-1e-9, word="up", y=-0.5)
    assert str(info.value) == (
        "rule-output-weights.md: the sentence 'All three steps are negative' is not true of this worked example "
        "(e = 0.250000, count = 3, v = -1e-09, word = up, y = -0.500000). Change the page or the example.")


@pytest.mark.parametrize(("value", "text"), [(-1e-9, "-1e-09"), (1.23456789e-7, "1.23457e-07"), (0.0, "0.000000"),
                                             (0.0123456789, "0.0123457"), (np.float64(4e-6), "4e-06"),
                                             (0.5, "0.500000"), (-2.25, "-2.250000"), (np.array([3e-10]), "3e-10")])
def test_require_gives_a_number_the_decimals_would_hide_with_six_significant_digits(monkeypatch, value, text):
    """With the site's 6 decimals a tiny number read 0.000000 in the message (v = -1e-9 above), which says nothing of
    why the sentence failed; below 0.1 in size a number is given with six significant digits (hand strings)."""
    monkeypatch.setattr(show, "current_page", "p.md")
    with pytest.raises(show.ExampleError) as info:
        show.require(False, "s", v=value)
    assert str(info.value) == f"p.md: the sentence 's' is not true of this worked example (v = {text}). Change the " \
                              "page or the example."


def test_pick_names_the_page_where_it_stops(monkeypatch):
    """pick's error named no page, so a build stopped by it said neither where nor why; it names the page as require
    does."""
    monkeypatch.setattr(show, "current_page", "verification.md")
    with pytest.raises(show.ExampleError, match=r"^verification\.md: a sentence needs a nonzero number here "
                                                r"\('gains' or 'loses'\), got 0\. Change the page or the example\.$"):
        show.pick(0.0, "gains", "loses")


def test_require_without_numbers(monkeypatch):
    monkeypatch.setattr(show, "current_page", "p.md")
    with pytest.raises(show.ExampleError) as info:
        show.require(0, "x_1 = 1")
    assert str(info.value) == "p.md: the sentence 'x_1 = 1' is not true of this worked example. Change the page or " \
                              "the example."


COPIED = ("This code, copied from a page of the site, stops here rather than print a sentence its numbers make false: "
          "with numbers of your own, change the sentence or leave this check out.")


def test_require_outside_a_build_speaks_to_the_reader_who_copied_the_code(monkeypatch):
    """A reader who ran a page's training block with another eta was told '?: ... is not true of this worked example
    ... Change the page or the example': a page named '?', an example they had not changed, an order for the site's
    author. Outside a build (no $BACKPROP_PAGE) the message is about their numbers."""
    monkeypatch.setattr(show, "current_page", "?")
    with pytest.raises(show.ExampleError) as info:
        show.require(0, "the mean cost does not fall epoch by epoch", rises=0)
    assert str(info.value) == f"the sentence 'the mean cost does not fall epoch by epoch' is not true of these " \
                              f"numbers (rises = 0). {COPIED}"
    with pytest.raises(show.ExampleError) as info:
        show.pick(0.0, "gains", "loses")
    assert str(info.value) == f"a sentence needs a nonzero number here ('gains' or 'loses'), got 0. {COPIED}"


def test_require_in_an_exercise_names_the_notebook_and_the_practice_example(monkeypatch):
    """A check that failed in an exercise notebook named its page '?' and blamed 'this worked example', though the
    exercises use the practice example: the notebook's kernel gets $BACKPROP_PAGE (hooks/notebook_cache.py)."""
    monkeypatch.setattr(show, "current_page", "exercises/11-gradient-check.py")
    with pytest.raises(show.ExampleError) as info:
        show.require(0, "the gradient is not 0", rule=0.0)
    assert str(info.value) == ("exercises/11-gradient-check.py: the sentence 'the gradient is not 0' is not true of "
                               "the practice example (rule = 0.000000). Change the page or the example.")


def test_current_page_is_read_from_the_environment(tmp_path):
    import os
    import subprocess
    import sys

    code = "from backprop import show; print(show.current_page)"
    env = {**os.environ, "BACKPROP_PAGE": "exercises/02-sigmoid-derivative.py"}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.strip() == "exercises/02-sigmoid-derivative.py", out.stderr


# --- table -----------------------------------------------------------------------------------------------


def test_table():
    text = show.table(["$i$", "$v_i$", "note"], [[1, 0.25, "a"], [2, np.float64(-0.5), "b"], [3, -1e-9, ""]], "clr")
    assert text == ("| $i$ | $v_i$ | note |\n"
                    "|:-:|---|--:|\n"
                    "| 1 | 0.250000 | a |\n"
                    "| 2 | -0.500000 | b |\n"
                    "| 3 | 0.000000 |  |")


def test_table_writes_a_0d_array_as_a_number():
    """What an activation returns for one v (a 0-d array) gets the site's decimals, not numpy's 17 digits."""
    assert show.table(["f(v)"], [[np.asarray(0.11920292202211755)]]) == "| f(v) |\n|---|\n| 0.119203 |"


def test_table_aligns_left_by_default():
    assert show.table(["a", "b"], [[1.5, 2]]) == "| a | b |\n|---|---|\n| 1.500000 | 2 |"


def test_table_checks_its_shape():
    with pytest.raises(ValueError, match="align has 1 letters for 2 columns"):
        show.table(["a", "b"], [], "l")
    with pytest.raises(ValueError, match=r"a row has 1 cells for 2 columns: \['1.000000'\]"):
        show.table(["a", "b"], [[1.0]])


# --- the activations' TeX --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("act", "v", "text"),
    [
        ("logsig", -0.2, r"\frac{1}{1 + e^{-(-0.200000)}}"),
        ("logsig", 0.3, r"\frac{1}{1 + e^{-0.300000}}"),
        ("tansig", -0.2, r"\tanh (-0.200000)"),
        ("tansig", 0.3, r"\tanh 0.300000"),
        ("purelin", -0.2, r"-0.200000"),
        ("logsig", "v_1", r"\frac{1}{1 + e^{-v_1}}"),
    ],
)
def test_f_tex(act, v, text):
    assert show.f_tex(act, v) == text


@pytest.mark.parametrize(
    ("act", "y", "text"),
    [
        ("logsig", 0.25, r"0.250000\,(1 - 0.250000)"),
        ("logsig", "y_{h1}", r"y_{h1}\,(1 - y_{h1})"),
        ("tansig", -0.197375, r"1 - (-0.197375)^2"),
        ("tansig", 0.5, r"1 - 0.500000^2"),
        ("purelin", 0.3, "1"),
    ],
)
def test_f_prime_tex(act, y, text):
    assert show.f_prime_tex(act, y) == text


@pytest.mark.parametrize(
    ("act", "y", "text"),
    [
        ("logsig", "f(v_i)", r"f(v_i)\,(1 - f(v_i))"),  # a product already: as it is
        ("logsig", -0.25, r"\big(-0.250000\,(1 - (-0.250000))\big)"),  # a leading sign: bracketed
        ("tansig", "f(v_i)", r"\big(1 - f(v_i)^2\big)"),  # a difference: bracketed
        ("tansig", -0.5, r"\big(1 - (-0.500000)^2\big)"),
        ("purelin", "y", "1"),
    ],
)
def test_f_prime_factor_tex(act, y, text):
    """f'(v) as a factor of a product: bracketed exactly when it is a sum or difference or starts with a sign."""
    assert show.f_prime_factor_tex(act, y) == text


def test_activation_tex_names_each_activation():
    assert {k: v["name"] for k, v in show.ACTIVATION_TEX.items()} == {
        "logsig": "logistic sigmoid", "tansig": "hyperbolic tangent", "purelin": "linear"}


# --- svg -------------------------------------------------------------------------------------------------


def test_svg_is_inline_themed_and_labelled():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1))
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], color="black")
    text = show.svg(fig, "demo", 'f "and" <g>', max_width="20rem")
    assert text.startswith('<svg role="img" aria-label="f &quot;and&quot; &lt;g&gt;" fill="currentColor" '
                           'style="max-width: 20rem; display: block; margin: 0 auto" ')
    assert "<?xml" not in text and "<metadata>" not in text and "#000000" not in text
    assert "currentColor" in text[text.index(">"):]  # the black line follows the theme's text colour
    assert 'width="100%"' in text
    assert re.match(r"<svg [^>]*><title>f &quot;and&quot; &lt;g&gt;</title>", text)  # the label as its tooltip too
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert ids and all(i.startswith("demo-") for i in ids), ids


def test_given_drops_trailing_zeros_and_keeps_the_number_rounded_uses():
    from backprop import show

    assert [show.given(v) for v in (0.1, 1.0, -0.6, 0.0, -0.0, 2.5e-7, 0.1234567)] == \
        ["0.1", "1", "-0.6", "0", "0", "0", "0.123457"]
    for v in (0.1, -0.6, 0.1234567, 12.0):
        assert float(show.given(v)) == show.rounded(v)
    assert show.tex(r"{{a:given}} \cdot {{b:given}} = {{c}}", a=0.1, b=-1.0, c=-0.1) == r"0.1 \cdot (-1) = -0.100000"


@pytest.mark.parametrize("value, digits, text", [
    (3.5e-9, 2, r"3.5 \times 10^{-9}"), (-1.23e-7, 2, r"-1.2 \times 10^{-7}"), (9.96e-9, 2, r"1.0 \times 10^{-8}"),
    (0.000512, 3, r"5.12 \times 10^{-4}"), (12345.0, 1, r"1 \times 10^{4}")])
def test_sci_writes_a_number_in_tex_scientific_notation(value, digits, text):
    """By hand: the mantissa with ``digits`` significant digits (9.96e-9 rounds up to 1.0 and 10^-8), times a power
    of ten in TeX, not Python's 3.5e-09, which in a formula reads as a product with e."""
    assert show.sci(value, digits) == text


def test_quotient_writes_numbers_whose_quotient_is_the_factor_printed():
    from fractions import Fraction

    assert show.quotient(("a", 1.0), ("b", 0.5)) == "$a / b = 1.000000 / 0.500000 = 2.00$"  # hand values
    assert show.quotient(("a", 0.5), ("b", 0.4999)) == "$a / b = 0.500000 / 0.499900 = 1.0002$"  # 1.00 would hide it
    said = show.quotient(("E(n)", 0.000127249), ("E(n+1)", 0.0000878359), "costs")
    # with 6 decimals 0.000127 / 0.000088 = 1.443 prints 1.44, not the 1.45 of the costs: 7 decimals, and said so
    assert round(Fraction("0.000127") / Fraction("0.000088"), 2) != round(Fraction(0.000127249 / 0.0000878359), 2)
    assert said == ("$E(n) / E(n+1) = 0.0001272 / 0.0000878 = 1.45$, the costs written with 7 decimals (the pages' 6 "
                    "are too few for their quotient)")
    assert round(Fraction("0.0001272") / Fraction("0.0000878"), 2) == Fraction("1.45")
    assert show.quotient(("a", 1.0), ("b", 0.25)) == "$a / b = 1.000000 / 0.250000 = 4.00$"  # the docstring's


def test_the_modules_examples_run_as_written():
    import doctest

    result = doctest.testmod(show)
    assert result.attempted >= 4 and result.failed == 0, result


def test_quotient_of_a_number_that_prints_as_zero_is_in_scientific_notation():
    # 0.5 / 8.1e-14 = 6.17e12 (by hand); no number of decimals up to 12 writes 8.1e-14 with a digit that gives it
    assert show.quotient(("a", 0.5), ("b", 8.1e-14), "costs") == (
        r"$a / b = 5.00 \times 10^{-1} / (8.10 \times 10^{-14}) \approx 6.2 \times 10^{12}$, the costs in scientific "
        "notation (b prints as 0.000000)")


def test_slope_lost_words_docstring_example_holds():
    """show.slope_lost_words's docstring: the written y_h1 = 0.999999 of a neuron at v = 13.5 (y = 0.9999986, slope
    1.371e-6, in plain math) keeps too few digits of 1 - y_h1, and $0.999999\\,(1 - 0.999999) = 1.0 \times 10^{-6}$ in
    exact decimals, not the slope's 1.4 \times 10^{-6}. The page's sentence says so."""
    doc = inspect.getdoc(show.slope_lost_words)
    for tex in (r"$y_{h1} = 0.999999$", r"$0.999999\,(1 - 0.999999) = 1.0 \times 10^{-6}$", r"$1.4 \times 10^{-6}$"):
        assert tex in doc, tex
    y = 1 / (1 + math.exp(-13.5))
    slope = math.exp(-13.5) / (1 + math.exp(-13.5)) ** 2
    assert f"{y:.6f}" == "0.999999" and f"{slope:.1e}" == "1.4e-06"
    assert f"{Decimal('0.999999') * (1 - Decimal('0.999999')):.1e}" == "1.0e-6"
    words = show.slope_lost_words("logsig", "y_{h1}", y, slope)
    assert words == (r"$y_{h1} = 0.999999$ keeps too few digits of $1 - y_{h1}$ ($0.999999\,(1 - 0.999999) = "
                     r"1.0 \times 10^{-6}$, not $1.4 \times 10^{-6}$)")
    assert show.slope_lost_words("tansig", "y_{h2}", 0.9999995).endswith("of $1 - y_{h2}^2$")


def test_widened_writes_a_factor_with_the_decimals_its_product_needs():
    """A reviewer's Δb_1 = 1.2465e-5 (six decimals: 0.000012) times x_1 = 0.7: 0.000012 · 0.7 = 8.4e-6, where the
    product is written 8.7e-6. Here 1.2464e-5 (· 0.7 = 8.7248e-6): seven decimals, 0.0000125, give 8.75e-6, a tie;
    eight, 0.00001246, give 8.722e-6, which rounds to it. A factor whose six decimals suffice keeps them; where none
    can serve, the formula keeps its "≈"."""
    value = 1.2464e-5
    product = value * 0.7
    holds = lambda written: show.eq(written * Decimal("0.7"), product) == "="  # noqa: E731
    assert show.widened(value, holds) == (":.8f", Decimal("0.00001246"))
    assert show.widened(0.25, lambda written: written == Decimal("0.25")) == ("", Decimal("0.250000"))
    assert show.widened(value, lambda written: False) == ("", show.exact(value))
    assert show.widened(0.0, holds) == ("", Decimal("0.000000"))


def test_text_writes_the_digits_a_formula_shows():
    """Six decimals, or Python's two significant digits where a formula writes scientific notation (by hand)."""
    from backprop import show

    assert show.text(0.1234567) == "0.123457" and show.text(-2.5) == "-2.500000" and show.text(0.0) == "0.000000"
    assert show.text(1.2078e-07) == "1.2e-07" and show.text(-3e-9) == "-3.0e-09" and show.text(5.0048e-07) == "5.0e-07"


def test_cell_writes_a_table_number_as_a_formula_writes_it():
    """Six decimals, or TeX's two significant digits below 10^-5 (by hand): the tables of the errata, verification
    and common-mistakes pages, where 0.000000 had stood for 2e-7."""
    from backprop import show

    assert show.cell(0.1234567) == "0.123457" and show.cell(-2.5) == "-2.500000" and show.cell(0.0) == "0.000000"
    assert show.cell(2.0064e-07) == r"$2.0 \times 10^{-7}$" and show.cell(-4.8e-7) == r"$-4.8 \times 10^{-7}$"
    assert show.cell(0.000012) == "0.000012"  # 1.2e-5 keeps two digits with six decimals


def test_a_number_of_an_array_is_asked_for_by_name():
    """A reviewer: show.num(fp.y_output) raised numpy's "only 0-dimensional arrays can be converted to Python
    scalars", and show.table wrote the array's repr, "[2.01189407]", into a cell."""
    with pytest.raises(TypeError, match=r"^value must be one number, got an array of shape \(1,\): write each entry "):
        show.num(np.array([2.0]))
    with pytest.raises(TypeError,
                       match=r"^value must be a real number, got text 'x' \(write the number without quotes\)$"):
        show.num("x")
    with pytest.raises(TypeError, match=r"^a table cell holds one number or text, got an array in the row"):
        show.table(["y", "e"], [[np.array([2.0]), 1.0]])
    assert show.num(np.array(0.25)) == "0.250000" and show.num(np.float32(0.5)) == "0.500000"  # one number each
    assert show.table(["y"], [[np.array(0.25)]]).endswith("| 0.250000 |")


@pytest.mark.parametrize(("value", "far"), [(9.5e-6, True), (-9.5e-6, True), (9.6e-6, False), (1.05e-5, False),
                                            (5e-8, True), (5e-6, False), (5.0048e-07, True), (-9.99999e-07, False)])
def test_coarse_is_more_than_5_percent_off_at_six_decimals(value, far):
    """Hand values: 9.5e-6 prints as 0.000010, 5.3 % off; 9.6e-6 as 0.000010, 4.2 % off; 1.05e-5 as 0.000011 (or
    0.000010), under 5 % either way; 5e-8 as 0; 5e-6 as itself; 5.0048e-07 as 0.000001, twice its size; -9.99999e-07
    as -0.000001, a millionth off. (A mutation audit made the 5 % a 50 % and only the page script's twin noticed.)"""
    assert show.coarse(value) is far


def test_number_word_by_hand():
    """The counts the pages and the exercises write in words: no, one, ..., thirteen; digits from 14 on."""
    assert [show.number_word(n) for n in (0, 1, 3, 6, 13)] == ["no", "one", "three", "six", "thirteen"]
    assert show.number_word(14) == "14" and show.number_word(-1) == "-1"


@pytest.mark.parametrize(("activation", "v"), [("logsig", -355.0), ("logsig", -700.0), ("logsig", 400.0),
                                               ("tansig", -360.0), ("tansig", 372.0), ("logsig", 0.3),
                                               ("tansig", -2.0)])
def test_slope_at_a_field_where_the_formula_as_written_overflows_is_the_slope(activation, v):
    """A live page's reviewer: logsig's e^{-v} / (1 + e^{-v})^2 overflows from v = -355, where the slope is 6.7e-155;
    slope_at gave 0 there ("below any the pages print"), and its twin on the live page wrote that the slope was below
    a double's range. Against mpmath's, to 1e-12 relative, a subnormal tanh slope to its last bits."""
    import mpmath

    with mpmath.workdps(60):
        at = mpmath.mpf(v)
        exact = mpmath.exp(-at) / (1 + mpmath.exp(-at)) ** 2 if activation == "logsig" else 1 / mpmath.cosh(at) ** 2
        assert show.slope_at(activation, v) == pytest.approx(float(exact), rel=1e-12, abs=1e-320)
    assert show.slope_at(activation, v) > 0


def test_slope_at_is_0_only_where_the_slope_itself_underflows():
    """logsig's slope at -746 is 1.0e-324 by hand and tanh's at 380 is 3.5e-330: nearer 0 than the least double."""
    assert show.slope_at("logsig", -746.0) == 0.0 and show.slope_at("tansig", 380.0) == 0.0
    assert show.slope_at("purelin", 1.0) is None


# --- bad input: a message naming it, never nan or inf written into a page -------------------------------------

NET_2_3_1 = dict(w_hidden=[[0.5, 0.375], [0.3, 0.4], [0.1, -0.2]], b_hidden=[0.0, 0.2, 0.0], w_output=[[1.0, 1.0, 1.0]],
                 b_output=[0.0])


@pytest.mark.parametrize(("x", "message"), [
    ([True, 0.5], r"^x must be numeric, found the boolean True at index \(0,\)$"),
    (["1", "0.5"], r"^x must be numeric, found text '1' at index \(0,\) \(write the number without quotes\)$"),
    ([0.5, np.True_], r"^x must be numeric, found the boolean True at index \(1,\)$"),
])
def test_hidden_fields_refuse_an_x_of_booleans_or_text_as_forward_does(x, message):
    """A review: hidden_fields(NET, [True, 0.5]) and (NET, ["1", "0.5"]) returned fields, np.asarray having made 1.0
    and 0.5 of them before forward's check of x; forward refuses both, naming x, the entry and its index."""
    from backprop import Network

    net = Network(**{k: np.array(v) for k, v in NET_2_3_1.items()})
    given = list(x)
    with pytest.raises(TypeError, match=message):
        show.hidden_fields(net, x)
    with pytest.raises(TypeError, match=message):
        show.fields_rounded(net, x)
    assert x == given  # nothing passed in is modified


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_pick_names_nan_or_an_infinity_not_0(value):
    """pick(nan, "a", "b") said it had 'got 0' (nan is neither > 0 nor < 0), and pick(inf, ...) chose a word for an
    overflow; both are named as they are, with or without a zero word. Only 0 is the sentence's ExampleError."""
    shown = "nan" if math.isnan(value) else "inf" if value > 0 else "-inf"
    for words in (("grows", "shrinks"), ("grows", "shrinks", "stays")):
        with pytest.raises(ValueError, match=rf"^value must be finite, got {shown}: ") as info:
            show.pick(value, *words)
        assert not isinstance(info.value, show.ExampleError) and "got 0" not in str(info.value)
    with pytest.raises(show.ExampleError, match=r"got 0"):
        show.pick(0.0, "grows", "shrinks")
    doc = inspect.getdoc(show.pick)
    assert "Only 0 raises it" in doc and "nan" in doc  # the docstring says what the code does


@pytest.mark.parametrize(("value", "message"), [
    (True, r"^value must be a real number, got the boolean True$"),
    (np.True_, r"^value must be a real number, got the boolean True$"),
    ("0.5", r"^value must be a real number, got text '0\.5' \(write the number without quotes\)$"),
    (None, r"^value must be a real number, got None$"),
])
def test_num_refuses_a_boolean_or_text(value, message):
    """num(True) wrote '1.000000' and num("0.5") '0.500000' into a page; the package's other entries refuse both."""
    with pytest.raises(TypeError, match=message):
        show.num(value)
    with pytest.raises(TypeError, match=message):
        show.rounded(value)
    with pytest.raises(TypeError, match=message):
        show.pick(value, "grows", "shrinks")


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_page_writer_names_nan_or_an_infinity_instead_of_writing_it(bad):
    """tex, table, text, cell and given wrote 'nan' or 'inf' into a page; each names the value (a template's field,
    a table's cell by its row and column)."""
    shown = re.escape(str(bad))
    field = r"^the field \{\{y\}\} must be finite, got " + shown + ": "
    calls = [
        (lambda: show.tex(r"1 - {{y}}", y=bad), field),
        (lambda: show.tex(r"{{y:.2f}}", y=np.float64(bad)), field),
        (lambda: show.tex(r"{{y:printed}}", y=np.array([bad])), field),
        (lambda: show.table(["a", "b"], [[0.5, 1.0], [2, bad]]),
         rf"^the table's cell at index \(1, 1\) must be finite, got {shown}: "),
        (lambda: show.text(bad), rf"^value must be finite, got {shown}: "),
        (lambda: show.cell(bad), rf"^value must be finite, got {shown}: "),
        (lambda: show.given(bad), rf"^value must be finite, got {shown}: "),
        (lambda: show.written(bad), rf"^value must be finite, got {shown}: "),
        (lambda: show.apart(("central difference", bad), ("exact", 0.25)),
         rf"^central difference must be finite, got {shown}: "),
    ]
    for call, message in calls:
        with pytest.raises(ValueError, match=message):
            call()


def test_a_message_still_names_nan_and_num_refuses_it():
    """require's message names a value that is no number (a sentence false of a nan), while num, which writes into a
    page, refuses nan and the infinities (the example loader asks whether its cost is finite before it prints it)."""
    with pytest.raises(show.ExampleError, match=r"\(v = nan, w = -inf\)"):
        show.require(False, "the cost falls", v=math.nan, w=-math.inf)
    for value in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError, match=r"^value must be finite, got (-?inf|nan): a page never prints"):
            show.num(value)


def test_eq_names_a_shown_or_result_of_nan():
    """eq(nan, 1) raised decimal.InvalidOperation from deep inside; the message names the argument and the value."""
    with pytest.raises(ValueError, match=r"^shown must be finite, got nan: "):
        show.eq(math.nan, 1.0)
    with pytest.raises(ValueError, match=r"^shown must be finite, got nan: "):
        show.eq(Decimal("NaN"), 1.0)
    with pytest.raises(ValueError, match=r"^result must be finite, got inf: "):
        show.eq(1.0, math.inf)
    with pytest.raises(ValueError, match=r"^result must be finite, got nan: "):
        show.eq(Decimal("0.5"), math.nan, 3)


def test_sci_and_num_name_a_value_or_a_count_of_digits_they_cannot_write():
    """sci(nan) raised 'not enough values to unpack', num(0.5, -1) 'Format specifier missing precision', num(0.5, 2.0)
    'Invalid format specifier'."""
    with pytest.raises(ValueError, match=r"^value must be finite, got nan: "):
        show.sci(math.nan)
    with pytest.raises(ValueError, match=r"^value must be finite, got -inf: "):
        show.sci(-math.inf, up=True)
    with pytest.raises(ValueError, match=r"^digits must be an int >= 1, got 0$"):
        show.sci(0.5, 0)
    with pytest.raises(ValueError, match=r"^decimals must be an int >= 0, got -1$"):
        show.num(0.5, -1)
    with pytest.raises(TypeError, match=r"^decimals must be an int >= 0, got float 2\.0$"):
        show.num(0.5, 2.0)
    assert show.num(0.5, 0) == "0" and show.num(0.25, np.int64(1)) == "0.2"  # 0.25 is a tie: to even, as format does


def test_quotient_names_a_bottom_of_0_or_nan():
    """quotient(..., ("b", 0.0)) raised ZeroDivisionError."""
    with pytest.raises(ValueError, match=r"^E\(n\+1\) is 0: E\(n\) / E\(n\+1\) has no quotient$"):
        show.quotient(("E(n)", 0.5), ("E(n+1)", 0.0))
    with pytest.raises(ValueError, match=r"^E\(n\) must be finite, got nan: "):
        show.quotient(("E(n)", math.nan), ("E(n+1)", 0.5))


def test_largest_and_smallest_name_no_values_or_a_nan():
    """largest([]) raised max()'s 'arg is an empty sequence', and largest([nan]) returned [], naming nothing."""
    with pytest.raises(ValueError, match=r"^values is empty: no value is the largest$"):
        show.largest([])
    with pytest.raises(ValueError, match=r"^values is empty: no value is the smallest$"):
        show.smallest(np.array([]))
    with pytest.raises(ValueError, match=r"^values\[0\] must be finite, got nan: "):
        show.largest([math.nan])
    with pytest.raises(ValueError, match=r"^values\[2\] must be finite, got inf: "):
        show.smallest([0.5, -0.25, math.inf], as_written=True)
    assert show.largest(iter([0.5, -0.9])) == [1]  # an iterator is read once


def test_and_list_table_and_number_word_name_what_they_cannot_write():
    """and_list([]) raised IndexError, table(..., align="x") KeyError 'x', number_word(2.0) a TypeError about a tuple
    index, and number_word(True) wrote "one"."""
    with pytest.raises(ValueError, match=r"^items is empty: and_list writes a list of one item or more$"):
        show.and_list([])
    with pytest.raises(ValueError, match=r"^align must have one letter l, c or r per column, got 'lx'$"):
        show.table(["a", "b"], [[1.0, 2.0]], align="lx")
    with pytest.raises(TypeError, match=r"^n must be an int, got float 2\.0$"):
        show.number_word(2.0)
    with pytest.raises(TypeError, match=r"^n must be an int, got the boolean True$"):
        show.number_word(True)
    assert show.number_word(np.int64(2)) == "two"


def test_an_activation_without_tex_is_named_with_the_known_ones(monkeypatch):
    """f_prime_numbers("relu", ...) raised KeyError: 'relu'; an unknown name gets the activations registry's message
    (the known ones), and a registered one that show has no TeX for says so."""
    for call in (lambda: show.f_prime_numbers("relu", 0.5, 0.0, 0.25), lambda: show.f_tex("relu", 0.3),
                 lambda: show.f_prime_tex("relu", "y"), lambda: show.f_prime_factor_tex("relu", "y")):
        with pytest.raises(ValueError, match=r"^unknown activation 'relu'.*; known activations are 'logsig', "
                                             r"'tansig', 'purelin'"):
            call()
    with pytest.raises(TypeError, match=r"^an activation's name must be a string, got None$"):
        show.f_tex(None, 0.3)
    monkeypatch.delitem(show.ACTIVATION_TEX, "purelin")  # registered, but with no TeX here
    with pytest.raises(ValueError, match=r"^show has no TeX for the activation 'purelin'; ACTIVATION_TEX has "
                                         r"'logsig', 'tansig'$"):
        show.f_prime_numbers("purelin", 0.5, 0.5, 1.0)
