"""The exercise pages' answer boxes: docs/javascripts/exercises.js gives the verdict Python gives, in V8.

One rule: every word and number a box shows comes from the form backprop.exercises writes, and the script's
``judge`` must be ``NumericExercise.box_verdict`` written again. The script runs alone in V8 through mini-racer (no
browser, no DOM); for every box of every exercise, for the example in use and each example of tests/examples,
typed text around the right value, each hint's value, the tolerance's edges and text that is no number get the
same state and the same message from both. The browser tests (tests/browser/test_interactions.py) click the boxes.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from backprop import examples
from backprop import exercises as ex
from backprop.exercises import _rounded as ex_rounded
from tests.support import oracle
from tests.support.js import script

mini_racer = pytest.importorskip("py_mini_racer", reason="mini-racer missing: pip install -e '.[docs]'")

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "exercises.js"


@pytest.fixture(scope="module")
def js():
    with script(SCRIPT) as call:
        yield call


class _Forms(HTMLParser):
    """The data-* attributes of each form, as the browser's ``form.dataset`` holds them (unescaped)."""

    def __init__(self) -> None:
        super().__init__()
        self.datasets: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.datasets.append({k[5:]: v for k, v in attrs if k.startswith("data-")})


def datasets(exercise: ex.NumericExercise) -> list[dict[str, str]]:
    parser = _Forms()
    parser.feed(ex.form_html(exercise))
    return parser.datasets


NOT_NUMBERS = ["", "   ", "abc", "1,2.3", "1.2.3", "--1", "1e", "e3", "0x10", "1/2", "∞", "NaN", "½"]


def typed_texts(exercise: ex.NumericExercise, n: int) -> list[str]:
    """What a student may type into box ``n``: the right value in several spellings, each hint's value, the box's own
    tolerance's edges on both sides (a new weight's or bias's is measured against its update), a far number, and text
    that is no number."""
    index = exercise.boxes[n].index
    right = float(exercise.right[index])
    rtol, atol = exercise.tolerance(index)
    tol = atol + rtol * abs(right)
    values = [right, right + 0.99 * tol, right - 0.99 * tol, right + 1.01 * tol, right - 1.01 * tol,
              right * 3 + 1.2345, -right]
    values += [float(v) for v, _ in exercise.hints(exercise.boxes[n])]
    texts = []
    for v in values:
        texts += [repr(v), f"{v:.6f}", f"{v:.6f}".replace(".", ","), f"{v:.3e}", f" {v:.6f} ".replace("-", "\u2212"),
                  f"({v:.6f})"]
    # the right value rounded to fewer decimals, typed as a student types it (its own verdict, before any slip's)
    texts += [f"{right:.{k}f}" for k in range(1, 6)] + [f"{right:.{k}f}".replace(".", ",") for k in range(1, 6)]
    # ... and cut off after k decimals (0.408 for 0.408539), written by hand from its digits, not by the package
    digits = f"{right:.12f}"
    texts += [digits[:digits.index(".") + 1 + k] for k in range(1, 6)]
    return texts + NOT_NUMBERS


def cases(example: examples.Example) -> list[tuple[str, int, dict[str, str], str, list[str]]]:
    """(exercise, box, the form's data, typed text, Python's verdict) for every box of every numeric exercise."""
    catalogue = ex.catalogue(example)
    out = []
    for name in catalogue:
        exercise = catalogue[name]
        if not isinstance(exercise, ex.NumericExercise):
            continue
        for n, data in enumerate(datasets(exercise)):
            for text in typed_texts(exercise, n):
                out.append((name, n, data, text, list(exercise.box_verdict(n, text))))
    return out


@pytest.mark.parametrize("path", [None, *oracle.other_examples()], ids=lambda p: "in-use" if p is None else p.stem)
def test_the_script_gives_pythons_verdict_for_every_box(js, path):
    example = examples.EXAMPLE if path is None else examples.load(path)
    todo = cases(example)
    got = js("(cases) => cases.map(c => bpAnswerBoxes.judge({dataset: c[2]}, c[3]))", todo)
    states, rounded = set(), 0
    for (name, n, _data, text, want), verdict in zip(todo, got, strict=True):
        assert verdict == want, (name, n, text)
        states.add(want[0])
        rounded += "rounded to" in want[1]
    assert states == {"right", "wrong", "invalid"}  # every branch of the rule was compared
    assert rounded, "a right answer rounded to fewer decimals was compared"
    assert any("cut off after" in w[1] for *_, w in todo), "a right answer cut off was compared"
    assert any(w[0] == "right" and "You gave" in w[1] for *_, w in todo), "a right answer typed with fewer decimals"


@pytest.mark.parametrize("path", [None, *oracle.other_examples()], ids=lambda p: "in-use" if p is None else p.stem)
def test_each_box_is_right_inside_its_own_tolerance_and_wrong_outside(js, path):
    """The edges typed_texts uses are each box's real ones: at 0.99 of its tolerance (10^-6 + 0.1 % of the update for
    a new weight or bias, of the value for any other box) Right, at 1.01 Not yet, in Python and in the script; a count
    (an epoch) Right as itself only, a hundredth off Not yet."""
    catalogue = ex.catalogue(examples.EXAMPLE if path is None else examples.load(path))
    todo = []
    for name in catalogue:
        exercise = catalogue[name]
        if not isinstance(exercise, ex.NumericExercise):
            continue
        for n, (box, data) in enumerate(zip(exercise.boxes, datasets(exercise), strict=True)):
            right = float(exercise.right[box.index])
            rtol, atol = exercise.tolerance(box.index)
            # a count is right only as the whole number: a hundredth off is wrong (its tolerance is 0)
            allowed = atol + rtol * abs(right) if not box.whole else 0.01 / 1.01
            for factor, state in ((0.99, "right"), (-0.99, "right"), (1.01, "wrong"), (-1.01, "wrong")):
                if box.whole and state == "right":
                    factor = 0.0
                text = repr(right + factor * allowed)
                assert exercise.box_verdict(n, text)[0] == state, (name, box.label, factor)
                todo.append((data, text, state))
    got = js("(cases) => cases.map(c => bpAnswerBoxes.judge({dataset: c[0]}, c[1])[0])", todo)
    assert got == [state for _, _, state in todo]


def test_a_right_answer_typed_with_fewer_decimals_than_asked_says_so():
    """A student's review: 0.496 was "Right" in one box (0.06 % off, within the 0.1 % tolerance then) and 0.297 "Not
    yet: that is the right answer rounded to three decimals" in the next, and the first said nothing of the six
    decimals every task asks for. A right number typed with fewer decimals now says so, unless it is the right value
    to six decimals; six or more decimals and a count say nothing more; e-notation counts the decimals of the number
    it writes (3.601e-2 is 0.03601: five; a student's review was told nothing there) (hand values of exercise 4's
    Δw_42, 0.036011..., whose box's tolerance, with its carried error, takes five decimals)."""
    exercise = ex.catalogue(examples.load(oracle.DEFAULT_FILE).practice)["output-weights"]  # the package's own
    n = next(i for i, b in enumerate(exercise.boxes) if b.label.endswith("42"))
    right = float(exercise.right[exercise.boxes[n].index])
    assert f"{right:.6f}" == "0.036011"  # the premise: its Δw_42
    said = ("Right: 0.036011. You gave {} decimals. Give six decimals: with fewer, a classic slip could round to the "
            "same number.")
    assert exercise.box_verdict(n, "0.03601") == ("right", said.format("five"))
    assert exercise.box_verdict(n, "0,03601") == ("right", said.format("five"))
    assert exercise.box_verdict(n, "3.601e-2") == ("right", said.format("five"))
    assert exercise.box_verdict(n, "0.036")[0] == "wrong"  # three decimals: outside 10^-5 of it
    for text in ("0.036011", "0.0360110", "3.6011e-2", "36.011e-3"):
        assert exercise.box_verdict(n, text) == ("right", "Right: 0.036011."), text
    counted = ex.catalogue(examples.load(oracle.DEFAULT_FILE).practice)["training"]
    whole = [i for i, b in enumerate(counted.boxes) if b.whole]
    assert whole and all(counted.fewer_notes(counted.boxes[i]) == [] for i in whole)


def test_python_tells_each_case_apart():
    """The comparison above can fail: Python's verdicts differ where they must (right, a hint, otherwise, invalid)."""
    exercise = ex.get("output-bias")
    right = float(exercise.right)
    [(wrong, hint), *_] = exercise.hints(exercise.boxes[0])
    assert exercise.box_verdict(0, f"{right:.6f}") == ("right", f"Right: {right:.6f}.")
    assert exercise.box_verdict(0, repr(float(wrong))) == ("wrong", f"Not yet. {hint}")
    assert exercise.box_verdict(0, "123.456") == ("wrong", f"Not yet. {ex.OTHERWISE}")
    assert exercise.box_verdict(0, "abc") == ("invalid", ex.INVALID)
    assert exercise.box_verdict(0, "1e400") == ("invalid", ex.INVALID)  # a reviewer's: beyond a double, not "Not yet"
    for nothing in ("", "   ", "( )"):  # a student's review: an empty box was told "Not a number"
        assert exercise.box_verdict(0, nothing) == ("invalid", ex.EMPTY)
    assert ex.EMPTY.startswith("Nothing typed yet")
    data = datasets(exercise)[0]
    assert (data["right"], data["otherwise"], data["invalid"], data["empty"]) == (
        f"Right: {right:.6f}.", ex.OTHERWISE, ex.INVALID, ex.EMPTY)


# A power of ten written out, as the boxes' own messages write one or a calculator does, and what is no such number.
TIMES_TEN = ["\u22121.3396\u00d710\u207b\u00b2", "1.34 x 10^-2", "2.5*10**3", "1.5 \u00d7 10\u207b\u00b9\u2070",
             "\u00d710^2", "1.5x10", "1.5 \u00d7 10^ 3", "1,5\u00d710\u207b\u00b2", "1 000 \u00d7 10^3",
             "1e3\u00d710^2", "1.5 X 10^+2", "2\u00b710\u2074", "-4.0 \u00d7 10\u207b\u00b9\u2070",
             "1.5\u00d710^99999", "1\u00d710\u207b\u2074\u2070\u2070", "1.5 \u00d7 10 ^ \u22123",
             "(\u22120.5 \u00d7 10\u00b3)", "0.5 \u00d7 10\u00b3 0", "1.5 \u00d7 10 \u207b\u00b3", "0\u00d710^3",
             "1.5\u00d710\u2070\u2070\u2070\u2070\u2070", "1.5\u00d710\u207b\u2070\u2070\u2070\u00b9",
             "8.5385 \u00d7 10^(-3)", "8.5385*10^(-3)", "8.5385\u00d710^{-3}", "1.5 \u00d7 10^{ \u22123 }",
             "1.5x10^(3", "1.5x10^{3)", "1\u00d710^()", "(8.5385 \u00d7 10^(-3))"]
# Outer characters JavaScript's trim() and Python's strip() treat differently (a code review): a byte-order mark, the
# information separators, NEL.
OUTER = ["\ufeff1.5", "1.5\ufeff", "\x1c1.5", "1.5\x1f", "\x851.5", "\u20281.5\u3000", "\ufeff"]


# Typed text, number or not, that a box (and the live page's fields, tests/pages/test_live_fields.py) must read as
# Python's parse_typed does: signs, commas, spaces, parentheses, exponents, and what a double cannot hold.
TYPED = ["1", "-1", "+1", "0.5", ".5", "5.", "1,5", "1.000,5", "1e-3", "1E3", "2.5e+2", "\u22120.25", " 0.25\t",
         "1 000", "0,5,1", "\u00a01.5\u00a0", "1 5", "0 5", "12 34", "1 0000", "1 000,5", "-1 000 000", "1\u00a0000",
         "0 500", "(\u22120.290637)", " ( -0.5 ) ", "(1 000,5)", "(1e-3)", "((0.5))", "(0.5", "0.5)", "()", "(-)",
         "1e400", "-1e309", "1.8e308", "\u20130.121112", "- 0.5", "+ 0.5", "\u2013 0.5", "-  1 000", "1e\u20133",
         "0.5 -", "--0.5", "-\ufeff0.5", "-\x1c0.5", "-\x850.5", "-\x1c1 000", "-\u20090.5", "-\t0.5",
         *TIMES_TEN, *OUTER, *NOT_NUMBERS]


@pytest.mark.parametrize("text", TYPED)
def test_the_script_reads_a_typed_number_as_python_does(js, text):
    want = ex.parse_typed(text)
    got = js("(t) => bpAnswerBoxes.parseNumber(t)", text)
    assert got == want and (want is None or np.isfinite(want))
    assert js("(t) => bpAnswerBoxes.typedDecimals(t)", text) == ex_rounded.typed_decimals(text)


@pytest.mark.parametrize("text, value, decimals", [
    ("\u22121.3396\u00d710\u207b\u00b2", -0.013396, 6), ("-4.0 \u00d7 10\u207b\u00b9\u2070", -4e-10, 11),
    ("1.34 x 10^-2", 0.0134, 4), ("2.5*10**3", 2500.0, 0), ("1,5\u00d710\u207b\u00b2", 0.015, 3),
    ("1.5 \u00d7 10 ^ \u22123", 0.0015, 4), ("1 000 \u00d7 10^3", 1e6, 0), ("(\u22120.5 \u00d7 10\u00b3)", -500.0, 0),
    ("\u00d710^2", None, 0), ("1.5x10", None, 0), ("1e3\u00d710^2", None, 0), ("0.5 \u00d7 10\u00b3 0", None, 0),
    ("1.5 \u00d7 10 \u207b\u00b3", 0.0015, 4), ("1.5\u00d710\u2070\u2070\u2070\u2070\u2070", None, 0),
    ("\ufeff1.5", 1.5, 1), ("8.5385 \u00d7 10^(-3)", 0.0085385, 7), ("8.5385\u00d710^{-3}", 0.0085385, 7),
    ("1.5x10^(3", None, 0)])
def test_a_power_of_ten_written_out_is_read(text, value, decimals):
    """A student's review copied a number as the boxes' messages write it, "−1.3396×10⁻²", and read "Not a number";
    a calculator's "1.34 x 10^-2" too. Read as e-notation, decimals as the number it writes (hand values); without a
    number before it, a power alone, or followed by more, it stays no number."""
    assert ex.parse_typed(text) == value
    if value is not None:
        assert ex_rounded.typed_decimals(text) == decimals


@pytest.mark.parametrize("text, value, decimals", [("(\u22120.290637)", -0.290637, 6), (" ( -0.5 ) ", -0.5, 1),
                                                   ("(0,25)", 0.25, 2), ("(2.5e-3)", 0.0025, 4),
                                                   ("((0.5))", None, 0), ("(0.5", None, 1), ("0.5)", None, 0),
                                                   ("()", None, 0)])
def test_a_number_copied_with_its_parentheses_is_read(text, value, decimals):
    """A formula writes a negative number in parentheses, "0.5 \\cdot (-0.290637)", and a student copied
    "(−0.290637)" into a box: it read as no number. One pair of parentheses around the whole text is read away, in
    the number and in its decimals (hand values); two pairs, or one alone, stay no number."""
    assert ex.parse_typed(text) == value
    assert ex_rounded.typed_decimals(text) == decimals


@pytest.mark.parametrize("text, decimals", [("8.54e-3", 5), ("8.54E-3", 5), ("1e-3", 3), ("1.5e3", 0), ("2.5e+1", 0),
                                             ("1.2345e1", 3), ("−4,1e−1", 2), ("0.00854", 5), ("1e", None),
                                             ("1e1.5", None)])
def test_a_number_in_e_notation_has_the_decimals_of_the_number_it_writes(js, text, decimals):
    """A student's review: 0.00854 in exercise 6 was told it has five decimals, 8.54e-3 (the same number) nothing.
    The decimals of m × 10^p are those of m less p, at least 0 (hand values); the script counts as Python does."""
    assert ex_rounded.typed_decimals(text) == decimals
    assert js("(t) => bpAnswerBoxes.typedDecimals(t)", text) == decimals


def test_the_right_value_copied_with_its_parentheses_is_right():
    """Every box of the worked example's exercises takes its right value typed in parentheses as it takes it
    without them, and a rounding in parentheses gets the rounding's message (Python; the script's verdicts are
    compared with Python's for these spellings above)."""
    catalogue = ex.catalogue(examples.EXAMPLE)
    for name in catalogue:
        exercise = catalogue[name]
        if not isinstance(exercise, ex.NumericExercise):
            continue
        for n, box in enumerate(exercise.boxes):
            right = float(exercise.right[box.index])
            assert exercise.box_verdict(n, f"({right:.6f})") == exercise.box_verdict(n, f"{right:.6f}"), (name, n)
            assert exercise.box_verdict(n, f"({right:.2f})") == exercise.box_verdict(n, f"{right:.2f}"), (name, n)


@pytest.mark.parametrize("text, value", [("1 5", None), ("0 5", None), ("12 34", None), ("1 0000", None),
                                         ("0 500", None), ("1 000", 1000.0), ("1 000,5", 1000.5),
                                         ("-1 000 000", -1e6), ("12 345.25", 12345.25)])
def test_a_space_inside_a_number_is_read_only_between_groups_of_three_digits(text, value):
    """A reviewer typed "1 5" for 1.5 and the page read 15 without a word ("0 5" read 5): a space inside a number is
    read only as a thousands separator, else the text is no number (hand values)."""
    assert ex.parse_typed(text) == value


@pytest.mark.parametrize("text, value", [("\u20130.121112", -0.121112), ("- 0.121112", -0.121112),
                                         ("\u2013 0.5", -0.5), ("+ 0.5", 0.5), ("(\u2013 0.25)", -0.25),
                                         ("0.5 -", None), ("- -0.5", None), ("\u2013\u20130.5", None)])
def test_a_word_processors_minus_and_a_space_after_the_sign_are_read(text, value):
    """A student's review: "–0.121112" (an en dash, as a word processor turns a minus) and "- 0.121112" were told
    "Not a number" with no word of the dash or the space. Both are read as the minus they stand for (hand values); a
    sign after the number, or two signs, stay no number."""
    assert ex.parse_typed(text) == value
