"""Feedback that misled students (a reviewer's run of the 14 exercises), each case worked out in plain math.

The doubled update (E without its ½) and where two slips give one number; a right answer rounded to fewer decimals
than the tasks ask for; a fixed step that hard-codes the logistic sigmoid; why exercise 11 skips each weight; True,
nan and inf as answers; tanh's derivative with its sign flipped. Expected values come from tests/support/oracle.py
and plain ``math``, never from ``backprop``.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from backprop import Network, examples
from backprop import exercises as ex
from tests.support import oracle
from tests.support.exercise_weights import gradient_weight

PRACTICE = oracle.SHIPPED["practice"]  # its w_41 = 0.5: leaving out w_41 doubles neuron 1's updates
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
HALF = "twice the right ones"  # the homework catalogue's words for doubled updates (derivative-without-half)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "exercises"


def example_of(data: dict) -> examples.Example:
    net = Network(*(np.array(data[k], dtype=float) for k in ("w_hidden", "b_hidden", "w_output", "b_output")),
                  hidden=data["hidden"])
    return examples.Example(net, np.array(data["x"], dtype=float), float(data["d"]), float(data["eta"]), "test")


def rights(data: dict) -> dict[str, list]:
    """The right answers of exercises 4 to 7, from the oracle."""
    it = oracle.iteration(data)
    return {"output-weights": it["dw_output"][0], "output-bias": it["db_output"][0],
            "hidden-weights": it["dw_hidden"], "hidden-biases": it["db_hidden"]}


def doubled(value):
    return [doubled(v) for v in value] if isinstance(value, list) else 2 * value


@pytest.mark.parametrize("name", ["output-weights", "output-bias", "hidden-weights", "hidden-biases"])
def test_every_update_doubled_is_named_as_the_forgotten_half(name):
    cat = ex.catalogue(example_of(PRACTICE))
    feedback = cat[name].check(doubled(rights(PRACTICE)[name]))
    assert feedback.ok is False and HALF in feedback.message, feedback.message


@pytest.mark.parametrize("name", ["hidden-weights", "hidden-biases"])
def test_a_box_where_two_slips_give_one_number_names_both(name):
    """With w_41 = 0.5 (the premise, in the oracle's numbers) a doubled Δ of neuron 1 is also what leaving out w_41
    gives: the box says both slips, not "multiply by w_4i" alone."""
    it = oracle.iteration(PRACTICE)
    fp, e, eta = it["fp_hidden"], it["e"], PRACTICE["eta"]
    assert math.isclose(eta * e * fp[0], 2 * it["db_hidden"][0]), "the premise: w_41 = 0.5"
    exercise = ex.catalogue(example_of(PRACTICE))[name]
    right = rights(PRACTICE)[name]
    boxes = [(n, b) for n, b in enumerate(exercise.boxes) if b.index[0] == 0]  # neuron 1's
    assert boxes
    for n, box in boxes:
        value = right[box.index[0]] if len(box.index) == 1 else right[box.index[0]][box.index[1]]
        state, message = exercise.box_verdict(n, repr(2 * value))
        assert state == "wrong" and "Two slips" in message and HALF in message and "w_4i" in message, message


def test_two_slips_whose_tolerances_overlap_share_a_hint():
    """A number within the tolerance of two slips that are not within each other's: each named, whichever is first."""
    exercise = ex.NumericExercise("x", right=1.0, mistakes=(ex.Mistake(2.0, "first"), ex.Mistake(2.000035, "second")))
    typed = 2.0000175  # |typed - 2| = 0.0000175 <= 1e-6 + 1e-5 * 2; |typed - 2.000035| <= 1e-6 + 1e-5 * 2.000035
    assert abs(typed - 2.0) <= 1e-6 + 1e-5 * 2.0 and abs(typed - 2.000035) <= 1e-6 + 1e-5 * 2.000035
    assert abs(2.000035 - 2.0) > 1e-6 + 1e-5 * 2.000035  # the premise: neither slip within the other's tolerance
    message = exercise.check(typed).message
    assert "(1) first" in message and "(2) second" in message


def _rounded_cases(data: dict):
    """(exercise, box, typed, k) for each box of exercises 4 to 7 and each k < 6 whose rounding of the right value
    (the oracle's) is outside the box's tolerance 10^-6 + 10^-5 |a| and not 0."""
    exercises = ex.catalogue(example_of(data))
    for name, right in rights(data).items():
        exercise = exercises[name]
        for n, box in enumerate(exercise.boxes):
            a = right if not box.index else right[box.index[0]] if len(box.index) == 1 else right[box.index[0]][
                box.index[1]]
            carried = float(exercise.tolerance(box.index)[1]) - 1e-6  # the carried rounding the box adds
            for k in range(1, 6):
                typed = f"{a:.{k}f}"
                if float(typed) != 0 and abs(float(typed) - a) > 1e-6 + carried + 1e-5 * abs(a):
                    yield name, exercise, n, typed, k  # -0.010 is rounded to three decimals, as typed


@pytest.mark.parametrize("path", oracle.all_example_files(), ids=lambda p: p.stem)
def test_a_right_answer_rounded_to_fewer_decimals_is_told_so_before_any_slip(path):
    data = oracle.practice_of(oracle.load_example(path))
    cases = list(_rounded_cases(data))
    assert cases, "the premise: some rounding lies outside a box's tolerance"
    for name, exercise, n, typed, k in cases:
        state, message = exercise.box_verdict(n, typed)
        assert state == "wrong" and message.startswith(
            f"Not yet: that is the right answer rounded to {WORDS[k]} decimal"), (name, typed, message)
        assert "Give six decimals" in message
        # a reviewer: the same number typed with six decimals (0.400000 for 0.4085, the value at time n) was told to
        # give six decimals; the box knows what was typed
        six = f"{float(typed):.6f}"
        assert "rounded to" not in exercise.box_verdict(n, six)[1], (name, six, exercise.box_verdict(n, six))


def test_a_right_answer_rounded_to_zero_in_a_box_is_told_so_unless_a_slip_is_zero():
    """A student typed 0.00 for a final cost of 0.001414 and was told to check the indexing: a rounding to 0 is a
    rounding too, in a box (which knows how many decimals were typed). Where a slip of the box is within the tolerance
    of 0, its hint answers a 0 instead. Hand-built exercises: right 0.001414, and the same with a slip of 4e-7."""
    plain = ex.NumericExercise("x", right=0.001414, mistakes=(ex.Mistake(0.5, "half"),))
    for typed, k in (("0.0", "one"), ("0.00", "two")):
        assert plain.box_verdict(0, typed) == (
            "wrong", f"Not yet: that is the right answer rounded to {k} decimal{'s' if k != 'one' else ''}. Give six "
            "decimals: with fewer, a classic slip could round to the same number.")
    assert plain.box_verdict(0, "0.001")[1].startswith("Not yet: that is the right answer rounded to three decimals")
    assert plain.box_verdict(0, "0")[1] == f"Not yet. {ex.OTHERWISE}"  # no decimals typed: no rounding to k >= 1
    assert plain.box_verdict(0, "0.000")[1] == f"Not yet. {ex.OTHERWISE}"  # 0.001 to three decimals, not 0.000
    zero_slip = ex.NumericExercise("x", right=0.001414, mistakes=(ex.Mistake(4e-7, "forgot the square"),))
    assert abs(0 - 4e-7) <= ex.ATOL + ex.RTOL * 4e-7, "the premise: 0 is within the slip's tolerance"
    assert zero_slip.box_verdict(0, "0.00") == ("wrong", "Not yet. forgot the square")


def test_check_with_one_entry_negated_names_a_lost_minus_not_a_flipped_error():
    """A student's review: exercise 9's six updates with Δw_22 alone negated were told first of a flipped e and of
    flipped updates, which flip every entry; check() sees the other five right and says so. All six negated is still
    the flipped sign; an entry negated beside one that is wrong otherwise still rules it out. Hand-built answers."""
    exercise = ex.NumericExercise("x", right=np.array([0.25, -0.5, 0.125]),
                                  mistakes=(ex.Mistake(np.array([-0.25, 0.5, -0.125]), "Your sign is flipped."),),
                                  boxes=(ex.Box("a", (0,)), ex.Box("b", (1,)), ex.Box("c", (2,))))
    one = exercise.check([0.25, 0.5, 0.125]).message
    assert one == ("Not yet: the entry at 1 is off (numpy indices, from 0). b: the sign alone is flipped. The entries "
                   "that are right rule out a flipped e or a flipped update sign, which flip every entry: look for a "
                   "minus lost in its own factors.")
    two = exercise.check([-0.25, 0.5, 0.125]).message
    assert "a and b: the sign alone is flipped." in two and "in each one's own factors" in two
    assert exercise.check([-0.25, 0.5, -0.125]).message == "Not yet. Your sign is flipped."
    # one entry right rules the flipped sign out for the one negated beside it, whatever the third is
    beside = exercise.check([0.25, 0.5, 0.3]).message
    assert "b: the sign alone is flipped." in beside and "c:" not in beside and "a:" not in beside
    # no entry right: nothing rules the flipped sign out, and the boxes' own hints stand
    assert "the sign alone" not in exercise.check([-0.25, 0.5, 0.3]).message
    # no slip flips every entry (a forward pass, a cost, new values θ + Δ: a code review): nothing to rule out
    plain = ex.NumericExercise("x", right=np.array([0.25, -0.5, 0.125]), mistakes=(ex.Mistake(np.array(
        [0.3, -0.5, 0.125]), "other"),), boxes=exercise.boxes)
    assert plain.check([0.25, 0.5, 0.125]).message == "Not yet: the entry at 1 is off (numpy indices, from 0)."
    # an entry no box asks for is named too, by its label or its index (a student's review: x_2's sign lost flips a
    # whole column, and only the entries with boxes were named)
    unboxed = ex.NumericExercise("x", right=np.array([0.25, -0.5, 0.125]), mistakes=exercise.mistakes,
                                 boxes=(ex.Box("a", (0,)),), entry_labels=(((1,), "b"),))
    assert "b and the entry at 2: the sign alone is flipped." in unboxed.check([0.25, 0.5, -0.125]).message
    # a whole column of a table flipped (x_2's sign lost): a factor the column shares, not a minus in each entry
    table = ex.NumericExercise("x", right=np.array([[0.25, -0.5], [0.125, 0.75]]), mistakes=(ex.Mistake(np.array(
        [[-0.25, 0.5], [-0.125, -0.75]]), "Your sign is flipped."),), boxes=(ex.Box("a", (0, 0)),))
    column = table.check([[0.25, 0.5], [0.125, -0.75]]).message
    assert column.endswith("look for a minus lost in a factor they share: all of column 1 (numpy indices, from 0) is "
                           "flipped."), column
    row = table.check([[-0.25, 0.5], [0.125, 0.75]]).message
    assert row.endswith("all of row 0 (numpy indices, from 0) is flipped."), row
    assert table.check([[-0.25, -0.5], [0.125, -0.75]]).message.endswith("in each one's own factors.")
    for name in ("forward-pass", "training", "one-iteration"):  # the catalogue's, with one entry negated
        right = np.array(ex.get(name).right, dtype=float)
        negated = right.copy()
        negated.flat[-1 if name != "training" else 0] *= -1
        assert "the sign alone" not in ex.check(name, negated.tolist()).message, name


def test_a_right_answer_cut_off_in_a_box_is_told_its_rounding():
    """A student's review: 0.408 for w_11(n+1) = 0.408539 (cut off, not rounded) read only "Compare your steps". A box
    says it is cut off and what the rounding is; where the cut-off number is also within a slip's tolerance (0.40,
    with w_11(n) = 0.4), the slip's hint answers it, as before. A cutting off that is the rounding (0.4 after one
    decimal, 0.4085 after four) is no cutting off, and a rounding within the tolerance (0.40854) no rounding; 0.40853
    is cut off after five. Hand-built exercises, right ±0.408539."""
    exercise = ex.NumericExercise("x", right=0.408539, mistakes=(ex.Mistake(0.4, "time n"),))
    assert exercise.box_verdict(0, "0.408") == (
        "wrong", "Not yet: that is the right answer cut off after three decimals, not rounded: rounded to three "
        "decimals it is 0.409. Give six decimals: with fewer, a classic slip could round to the same number.")
    assert exercise.box_verdict(0, "0.40") == ("wrong", "Not yet. time n")
    assert exercise.box_verdict(0, "0.41")[1].startswith("Not yet: that is the right answer rounded to two")
    assert exercise.box_verdict(0, "0.408000")[1] == f"Not yet. {ex.OTHERWISE}"  # six decimals typed: no cutting
    negative = ex.NumericExercise("x", right=-0.408539)
    assert negative.box_verdict(0, "-0.408")[1].startswith("Not yet: that is the right answer cut off after three "
                                                           "decimals, not rounded: rounded to three decimals it is "
                                                           "-0.409.")
    assert [(v, k) for v, k, _ in negative.roundings(negative.boxes[0])] == [
        (-0.4, 1), (-0.41, 2), (-0.409, 3), (-0.4085, 4), (-0.4, 2), (-0.408, 3), (-0.40853, 5)]  # roundings, then
    # cut off (-0.40: no slip here)
    # a right value whose double lies a hair below a short decimal (0.3, 0.41: w(n+1) = w(n) where x_k = 0) is no
    # cut-off of what a reader sees (a code review: 0.2 was "cut off after one decimal ... it is 0.3")
    for right, typed in ((0.3, "0.2"), (0.3, "0.29"), (0.3, "0.299"), (0.41, "0.40"), (-0.41, "-0.40")):
        short = ex.NumericExercise("x", right=right)
        assert "cut off" not in short.box_verdict(0, typed)[1], (right, typed)
        assert not [k for _, k, words in short.roundings(short.boxes[0]) if "cut off" in words]


def test_check_says_a_right_answer_cut_off_too():
    """A student's review: the box for 0.23 (0.235004 cut off) said so, and check(0.23) said "Compare your steps".
    check() says it of a single number as the box does, and of an array's entries, after how many decimals where one
    number of them cuts every entry off (hand-built exercises); a cut-off number that a slip gives is left to it."""
    single = ex.NumericExercise("x", right=0.235004)
    assert single.check(0.23).message == (
        "Not yet: that is the right answer cut off after two decimals, not rounded: rounded to two decimals it is "
        "0.24. Give six decimals: with fewer, a classic slip could round to the same number.")
    right = np.array([0.408539, -0.0060729, 0.0753871])
    array = ex.NumericExercise("x", right=right, mistakes=(ex.Mistake(np.array([0.4, -0.006, 0.07]), "time n"),))
    assert array.check([0.408539, -0.0060729, 0.0753]).message.startswith(
        "Not yet: the entry at 2 (numpy indices, from 0) is the right one cut off after four decimals, not rounded, "
        "the others right. Give six decimals")
    # -0.006 is -0.0060729 both cut off and rounded after three decimals: all three cut off after three, and "not
    # rounded" is said of the two whose rounding ends otherwise (0.409, 0.075 -> 0.075: only entry 0)
    assert array.check([0.408, -0.006, 0.075]).message.startswith(
        "Not yet: the entries at 0, 1 and 2 (numpy indices, from 0) are the right ones cut off after three decimals "
        "(rounded, the entry at 0 would end in another digit). Give six decimals")
    assert array.check([0.408, -0.0060729, 0.0753871]).message.startswith(
        "Not yet: the entry at 0 (numpy indices, from 0) is the right one cut off after three decimals, not rounded, "
        "the others right.")
    assert "cut off or rounded to fewer decimals" in array.check([0.408, -0.0061, 0.075]).message
    # 0.46 is 0.4685 cut off after two decimals, and no rounding of it; with a slip whose entry it is, the slip's
    slipped = ex.NumericExercise("x", right=np.array([0.4685, 0.25]), mistakes=(ex.Mistake(np.array([0.46, 0.3]),
                                                                                           "the slip"),))
    assert ex.NumericExercise("x", right=np.array([0.4685, 0.25])).check([0.46, 0.25]).message.startswith(
        "Not yet: the entry at 0 (numpy indices, from 0) is the right one cut off after two decimals")
    assert "cut off" not in slipped.check([0.46, 0.25]).message


def test_check_says_a_right_answer_given_with_fewer_decimals_was():
    """A student's review: a box said "Right: 0.121112. You gave four decimals. Give six ..." to 0.1211, and check()
    said "Right" alone. It says it of text as the box does; of a float in Python's words, since a float keeps no
    trailing zeros, and only more than one unit of the sixth decimal from the right value to six (a code review:
    0.297340, six decimals one unit off, was told it had fewer); not of a value exactly right, or of a count."""
    single = ex.NumericExercise("x", right=12.111121)  # large enough that four decimals are within 10^-5 of it
    assert single.check("12.1111").message == ("Right: 12.111121. You gave four decimals. Give six decimals: with "
                                               "fewer, a classic slip could round to the same number.")
    assert single.check("12.111100").message == "Right: 12.111121."  # six decimals typed
    assert single.check(12.1111).message == ("Right: 12.111121. As Python writes it, 12.1111 has fewer than six "
                                             "decimals. Give six decimals: with fewer, a classic slip could round to "
                                             "the same number.")
    assert single.check(12.111121).message == "Right: 12.111121."
    assert ex.NumericExercise("x", right=0.29733934).check(0.297340).message == "Right: 0.297339."  # one unit off
    array = ex.NumericExercise("x", right=np.array([7.53871, 0.5, 26.0]), boxes=(
        ex.Box("a", (0,)), ex.Box("b", (1,)), ex.Box("epoch", (2,), whole=True)))
    assert array.check([7.5387, 0.5, 26]).message == (
        "Right: [7.538710, 0.500000, 26]. As Python writes them, the entry at 0 (numpy indices, from 0) has fewer "
        "than six decimals (7.5387). Give six decimals: with fewer, a classic slip could round to the same number.")
    assert array.check([7.53871, 0.5, 26]).message == "Right: [7.538710, 0.500000, 26]."


def test_a_whole_answer_rounded_to_four_decimals_is_told_so():
    right = rights(PRACTICE)["hidden-weights"]
    typed = [[round(v, 4) for v in row] for row in right]
    message = ex.catalogue(example_of(PRACTICE))["hidden-weights"].check(typed).message
    assert message.startswith("Not yet: that is the right answer rounded to four decimals. Give six decimals")


def test_entries_rounded_to_different_decimals_are_each_named_with_theirs():
    """A code review: two entries rounded to three and two decimals were "the right ones rounded to two or three
    decimals", not saying which is which. Each group is named with its own, the most decimals first."""
    right = rights(PRACTICE)["hidden-weights"]
    typed = [list(row) for row in right]
    typed[0][0], typed[2][1] = round(right[0][0], 3), round(right[2][1], 2)
    assert typed[0][0] != right[0][0] and typed[2][1] != right[2][1], "the premise: both rounded away"
    message = ex.catalogue(example_of(PRACTICE))["hidden-weights"].check(typed).message
    said = ("Not yet: the entry at (0, 0) (numpy indices, from 0) is the right one rounded to three decimals and the "
            "entry at (2, 1) to two decimals, the others right. Give six decimals")
    assert message.startswith(said), message


def test_every_task_asks_for_six_decimals_from_show_decimals():
    """Exercises 1 to 7, 9 to 11 and 13 write "Give ... six decimals" from backprop.show.DECIMALS, never typed."""
    assert ex.decimals_wanted() == "Give six decimals."
    for stem in ("01", "02", "03", "04", "05", "06", "07", "09", "10", "11", "13"):
        [path] = DOCS.glob(f"{stem}-*.py")
        source = path.read_text(encoding="utf-8")
        task = source[source.index("**Task"):]
        assert "decimals_wanted(" in task[:1500] and "six decimals" not in task[:200], stem


def _logsig_only_step(net, x, d, eta):
    """One right iteration written with the logistic sigmoid hard-coded, as the slides have it (plain numpy)."""
    y_h = 1 / (1 + np.exp(-(net.w_hidden @ x + net.b_hidden)))
    e = d - (net.w_output[0] @ y_h + net.b_output[0])
    delta = e * net.w_output[0] * y_h * (1 - y_h)
    return Network(net.w_hidden + eta * np.outer(delta, x), net.b_hidden + eta * delta, net.w_output + eta * e * y_h,
                   net.b_output + eta * e, hidden=net.hidden)


def test_a_fixed_step_that_hard_codes_the_sigmoid_is_told_to_use_the_networks_activation():
    feedback = ex.check("spot-the-bug-fix", _logsig_only_step)
    assert feedback.ok is False and "tanh" in feedback.message and "net.hidden" in feedback.message
    assert "chain rule" not in feedback.message


def test_exercise_12_task_2_says_the_networks_may_be_tanh():
    source = (DOCS / "12-spot-the-bug.py").read_text(encoding="utf-8")
    task = re.sub(r"\s*#\s*", " ", source[source.index("**Task 2.**"):source.index("fixed_step = None")])
    assert "tanh hidden layer" in task and "activations.get(net.hidden)" in task


def test_exercise_11_says_why_not_each_weight_it_skips():
    """x_1 = 0 and a tiny w_12 gradient (the reviewer's case): exercise 11 skips w_11, w_12 and w_21 and says why
    not each, not only w_11 (the weight it asks for from tests/support/exercise_weights.py, plain math)."""
    data = {**PRACTICE, "x": [0.0, 0.8], "w_output": [[1e-6, -0.4, 0.8]], "eta": 0.3}
    it = oracle.iteration(data)
    _, i, k = gradient_weight(data, it)
    assert (i, k) == (1, 1), "the premise: w_22 asked for"
    why = ex.gradient_check_why(example_of(data))
    assert why.startswith(r" (Not $w_{11}$ or $w_{21}$: the practice example has $x_1 = 0$")
    assert r"(Not $w_{12}$: " in why


def test_true_nan_and_inf_are_named():
    assert ex.check("sigmoid-derivative", True).message == (
        "Not yet: the answer is True, a truth value, where a number belongs.")
    assert ex.check("hidden-weights", float("nan")).message == "Not yet: the answer is nan."
    assert ex.check("output-weights", [math.inf, 0.1, 0.2]).message == "Not yet: the answer contains inf."


def test_tanhs_derivative_with_its_sign_flipped_gets_a_sign_hint():
    exercise = ex.get("tanh-derivative")
    message = exercise.check(-float(exercise.right)).message
    assert message.startswith("Not yet. The sign") and "positive" in message


def test_the_tolerance_is_relative_to_the_answer_not_to_the_typed_number():
    """A mutation review: within() measuring rtol against the typed number passed the tests. The rule is
    |x - a| <= 10^-6 + 10^-5 |a| with a the answer: for a = 10^6 that allows 10.000001, so 1000010.00005 (10.00005
    off, within 10^-5 |x| = 10.0001) is wrong and 1000009.99995 right."""
    exercise = ex.NumericExercise("x", right=1e6)
    assert abs(1000010.00005 - 1e6) > 1e-6 + 1e-5 * abs(1e6)  # the rule, written out: outside
    assert abs(1000010.00005 - 1e6) <= 1e-6 + 1e-5 * abs(1000010.00005)  # the premise: within rtol of the typed number
    assert abs(1000009.99995 - 1e6) <= 1e-6 + 1e-5 * abs(1e6)
    assert exercise.check(1000010.00005).ok is False
    assert exercise.check(1000009.99995).ok is True


@pytest.mark.parametrize(("answer", "state", "message"), [
    (0.5, "right", "Right: 0.500000."),
    (0.25, "wrong", "Not yet. Compare your steps with the formula; the worked solution below has them."),
    (None, "empty", "No answer yet: replace None with your answer and run the cell again."),
])
def test_a_notebooks_feedback_carries_its_states_css_class(answer, state, message):
    """A mutation review: the classes of a wrong answer and of no answer swapped passed the tests; the site's stylesheet
    colours bp-feedback--wrong red, which an answer not yet given must not get."""
    feedback = ex.NumericExercise("x", right=0.5).check(answer)
    assert feedback._repr_html_() == f'<p class="bp-feedback bp-feedback--{state}">{message}</p>'


def test_a_function_given_for_a_number_is_told_so():
    """A mutation review: the answer for a function where a number belongs ("wants a number, not a function") was
    never checked; without it a lambda reaches the reading of numbers."""
    feedback = ex.NumericExercise("x", right=0.5).check(lambda: 0.5)
    assert feedback.ok is False
    assert feedback.message == "Not yet: this exercise wants a number, not a function."


def test_two_slips_up_to_two_absolute_tolerances_apart_share_a_hint():
    """A mutation review: overlap() with one atol where two belong passed the tests. Two slips 1.5·10^-6 apart, near 0
    where the 10^-6 of |x - a| <= 10^-6 + 10^-5 |a| is the tolerance, are not within each other's but a typed number
    between them is within both, so it names both slips (as the docstring says: some number within both)."""
    exercise = ex.NumericExercise("x", right=1.0, mistakes=(ex.Mistake(2.0e-5, "first"), ex.Mistake(2.15e-5, "second")))
    typed = 2.075e-5
    assert abs(typed - 2.0e-5) <= 1e-6 + 1e-5 * 2.0e-5 and abs(typed - 2.15e-5) <= 1e-6 + 1e-5 * 2.15e-5
    assert abs(2.15e-5 - 2.0e-5) > 1e-6 + 1e-5 * 2.15e-5  # the premise: neither slip within the other's tolerance
    message = exercise.check(typed).message
    assert "(1) first" in message and "(2) second" in message, message


@pytest.mark.parametrize("name", ["output-weights", "output-bias", "hidden-weights", "hidden-biases", "tansig-hidden"])
def test_updates_with_their_sign_flipped_name_both_slips_that_give_them(name):
    """A student's review: -Δw_11 was told "the error is e = d − y, not y − d" only, while an e that is right with
    Δθ = +η ∂E/∂θ gives the same number (the homework check names both, as the exercises' index promises where two
    slips give one number). Every box, with its entry of the update negated, names both."""
    exercise = ex.get(name)
    for n, box in enumerate(exercise.boxes):
        state, message = exercise.box_verdict(n, f"{-float(exercise.right[box.index]):.6f}")
        assert state == "wrong" and "Two slips give about this number" in message, (box.label, message)
        assert "the error is e = d − y, not y − d" in message, (box.label, message)  # sign-flipped
        assert "your e = d − y is right" in message, (box.label, message)  # updates-sign-flipped


def test_a_slip_whose_number_a_right_value_can_lie_near_is_hedged_not_named():
    """A student's review: on exercise 8's y(n+1), 0.7225 (just off the right 0.721716) was told "You used the updated
    output weights", whose number lies 1.7 tolerances from the right one, while the homework check says it cannot
    tell. Here, by the rule |x - a| <= 10^-6 + 10^-5 |a|: a slip at 1.000015 shares numbers with the right 1.0
    (1.000008 is within both), one at 1.0001 does not; the first is hedged, the second named as before."""
    near, far = ex.Mistake(1.000015, "the near slip."), ex.Mistake(1.0001, "the far slip.")
    exercise = ex.NumericExercise("x", right=1.0, mistakes=(near, far))
    within = lambda x, a: abs(x - a) <= 1e-6 + 1e-5 * abs(a)  # noqa: E731 - the rule, written out
    assert within(1.000008, 1.0) and within(1.000008, 1.000015)
    assert not within(1.000012, 1.0) and within(1.000012, 1.000015)
    message = exercise.check(1.000012).message
    assert message.startswith("Not yet. Your number is outside the check's tolerance of the right value."), message
    assert "cannot tell" in message, message
    assert message.endswith("the near slip."), message
    assert exercise.check(1.0001).message == "Not yet. the far slip."


def test_a_0_that_a_slip_gives_says_so_before_its_hint():
    """A student's review: with x_1 = 0, 0 typed into a Δb_i box was told "A bias has input 1: no x_k" without a word
    on why; the bias-input slip gives η δ_i x_1 = 0 there. The hint now says so first, in the box and in check(); a
    number no slip gives 0 for keeps the hint alone. The premise in the oracle's numbers: x_1 = 0, no Δb_i is 0."""
    data = oracle.practice_of(oracle.load_example(oracle.EXAMPLES_DIR / "zero-input-large-eta.json"))
    assert data["x"][0] == 0 and all(v != 0 for v in oracle.iteration(data)["db_hidden"])
    exercise = ex.catalogue(example_of(data))["hidden-biases"]
    said = "Not yet. The slip “multiplying by the input x_1 (which gives Δw_i1)” gives 0 here. A bias has input 1"
    assert exercise.check([0.0, 0.0, 0.0]).message.startswith(said)
    for n in range(len(exercise.boxes)):
        state, message = exercise.box_verdict(n, "0")
        assert state == "wrong" and message.startswith(said), message
    # the same slip's hint where its number is not 0 (x_2 = -1.5: the Δw_i2), without the sentence
    dw_i2 = oracle.iteration(data)["dw_hidden"]
    message = exercise.check([row[1] for row in dw_i2]).message
    assert "A bias has input 1" in message and "gives 0 here" not in message, message
