"""Rules 3 and 4 (docs/rule-hidden-weights.md, docs/rule-hidden-biases.md) rendered with a reviewer's examples: the
worked example with one or two numbers changed, where a sentence of the pages was true but hard to follow (a value
with another number of decimals than the table beside it), or said more than the numbers do (a tie called "the one
with the largest update", an exact 0 said as a number "written as 0").

Each test renders the page with its example (`prose_with`, no build) and checks the sentence against the oracle's
numbers (tests.support.oracle, plain ``math``, not backprop).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.support import oracle
from tests.support.snippets import prose_with

num = oracle.number_string  # six decimals, as the site writes a number
formula = oracle.formula_string  # as the pages' formulas write it (two significant digits below 10^-5)


def example(**changes: object) -> dict:
    """The shipped worked example (frozen in `oracle.SHIPPED`) with ``changes``, without its practice example."""
    ex = {key: value for key, value in oracle.shipped().items() if key != "practice"}
    return {**ex, **changes}


def operand(text: str) -> str:
    """A number after an operator as the pages write it: a negative one in parentheses."""
    return f"({text})" if text.startswith("-") else text


def given(value: float) -> str:
    """A value the example gives, as the site writes it: six decimals without trailing zeros."""
    return num(value).rstrip("0").rstrip(".")


# --- Rule 4: "For example Δw_ik = Δb_i x_k = ...", with the Δb_i of the table above it --------------------------------

FOR_EXAMPLE = re.compile(r"For example \$\\Delta w_\{(?P<i>\d)(?P<k>\d)\} = \\Delta b_(?P=i)\\, x_(?P=k) = "
                         r"(?P<db>\S+) \\cdot (?P<x>\S+) (?P<rel>=|\\approx) (?P<dw>[^$]+)\$"
                         r"(?P<why>(?:[^$.]|\$[^$]*\$)*)\.")


@pytest.mark.parametrize(("name", "x", "said"), [
    # x = (2, -1): the sentence had -0.0739977 · 2 = -0.147995 under the table's Δb_1 = -0.073998, which gives -0.147996
    ("c3_ratiomhalf", [2.0, -1.0], r"= -0.073998 \cdot 2 \approx -0.147995$."),
    # x = (0.25, 0.5): -0.0767939 · 0.25 = -0.019198 under the table's -0.076794, which gives -0.0191985 (a tie)
    ("c2_ratio2", [0.25, 0.5], r"= -0.076794 \cdot 0.25 \approx -0.019198$."),
])
def test_rule_4_example_product_takes_the_tables_delta_b(tmp_path, name, x, said):
    """A reviewer's examples with no input equal to 1: the sentence "For example Δw_11 = Δb_1 x_1 = ..." wrote Δb_1 with
    7 decimals (show.widened), without a word, two lines under the table that writes it with 6; a student multiplying
    the table's value got another last digit. It now takes the table's Δb_1, with "≈" where the product of the
    printed numbers misses the printed Δw_11 (by one unit of its last digit at most, a rounding)."""
    ex = example(x=x)
    it = oracle.iteration(ex)
    text = prose_with(tmp_path, ex, "rule-hidden-biases")
    m = FOR_EXAMPLE.search(text)
    assert m, text[text.find("For example"):][:300]
    i, k = int(m["i"]) - 1, int(m["k"]) - 1
    db, dw = it["db_hidden"][i], it["dw_hidden"][i][k]
    assert (i, k) == (0, 0) and m["db"] == formula(db) and m["x"] == operand(given(x[k])) and m["dw"] == formula(dw)
    # the table's cell for Δb_1: η · δ_1 = Δb_1, with the value the sentence uses
    assert re.search(rf"\| \$b_1\$ \| [^|]+ \| \$[^$|]+ (=|\\approx) {re.escape(m['db'])}\$ \|", text)
    product = Decimal(m["db"]) * Decimal(given(x[k]))
    assert m["rel"] == oracle.formula_rel(float(product), dw) == r"\approx" and m["why"] == ""
    assert said in text
    assert abs(product - Decimal(m["dw"])) <= Decimal("0.000001")  # a last digit off, no more


def test_rule_4_example_product_says_why_it_writes_more_digits(tmp_path):
    """Where the table's Δb_1 misses Δw_11 by more than a last digit (η = 0.0001, x = (0.7, 0.7): the table's
    0.000012 · 0.7 = 8.4e-6 for Δw_11 = 8.7e-6), the sentence keeps the digits the product needs, and says so, with
    the product of the table's value."""
    ex = {"w_hidden": [[0.3, -0.2], [0.5, 0.1], [-0.4, 0.6]], "b_hidden": [0.0, 0.1, -0.2],
          "w_output": [[0.6, 0.0, -0.5]], "b_output": [0.3], "hidden": "logsig", "output": "purelin",
          "x": [0.7, 0.7], "d": 1.2, "eta": 0.0001}
    it = oracle.iteration(ex)
    text = prose_with(tmp_path, ex, "rule-hidden-biases")
    m = FOR_EXAMPLE.search(text)
    assert m, text[text.find("For example"):][:400]
    db, dw = it["db_hidden"][0], it["dw_hidden"][0][0]
    places = len(m["db"].split(".")[1])
    assert places > 6 and m["db"] == f"{db:.{places}f}" and m["rel"] == "="
    assert m["why"] == (rf", with $\Delta b_1$ to {places} decimals: the table's ${formula(db)} \cdot 0.7 = "
                        rf"{formula(float(Decimal(num(db)) * Decimal('0.7')))}$ is more than a last digit off")
    table_product = Decimal(num(db)) * Decimal("0.7")
    assert abs(float(table_product) - oracle.formula_value(dw)) > 1.5e-7  # the premise: more than a unit of 10^-7


# --- Rule 3: "that is true of the exact values ...": products with the table's decimals ------------------------------

@pytest.mark.parametrize(("name", "changes", "said"), [
    # x = (0.25, 0.5): "2 · (-0.021980) = -0.04396, while the table has Δw_32 = -0.043961"
    ("c2_ratio2", {"x": [0.25, 0.5]},
     [r"$2 \cdot (-0.021980) = -0.043960$, while the table has $\Delta w_{32} = -0.043961$"]),
    # a near tie of neurons 2 and 3: "5 · (-0.003680) = -0.0184, while the table has Δw_22 = -0.018399"
    ("n1_neartie", {"w_hidden": [[0.1, 0.2], [0.300001, 0.4], [0.3, 0.4]], "b_hidden": [0.1, 0.2, 0.2],
                    "w_output": [[0.7, 0.6, 0.6]], "x": [0.1, 0.5]},
     [r"$5 \cdot (-0.003680) = -0.018400$, while the table has $\Delta w_{22} = -0.018399$",
      r"$5 \cdot (-0.003680) = -0.018400$, while the table has $\Delta w_{32} = -0.018399$"]),
])
def test_rule_3_ratio_note_writes_products_with_the_tables_decimals(tmp_path, name, changes, said):
    """A reviewer's examples: the note on pairs that miss the ratio of the inputs wrote an exact product without its
    trailing zeros (-0.04396 beside the table's -0.043961), so it did not read digit against digit. Every product of the
    note has at least the table's 6 decimals, is the exact product of the numbers it multiplies, and the table's
    Δw_i2 it is compared with is the oracle's."""
    ex = example(**changes)
    it = oracle.iteration(ex)
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    pairs = re.findall(r"\$(-?[\d.]+) \\cdot \(?(-?[\d.]+)\)? = (-?[\d.]+)\$(?:, [^;$]*\$[^$]*\$)*?, while the table "
                       r"has \$\\Delta w_\{(\d)2\} = (-?[\d.]+)\$", text)
    assert pairs, text[text.find("That is true of the exact values"):][:800]
    for ratio, dw_1, product, i, dw_2 in pairs:
        assert len(product.split(".")[1]) >= 6, product
        assert Decimal(product) == Decimal(ratio) * Decimal(dw_1)
        assert dw_1 == num(it["dw_hidden"][int(i) - 1][0]) and dw_2 == num(it["dw_hidden"][int(i) - 1][1])
    for sentence in said:
        assert sentence in text


# --- The tips: a tie for the largest update is named --------------------------------------------------------------

def test_rule_4_tip_names_a_tie_for_the_largest_update(tmp_path):
    """A reviewer's example: w_41 = 0 (Δb_1 = 0, so the tip nudges the largest update) and neurons 2 and 3 alike, so
    Δb_2 = Δb_3 exactly. The tip said "Nudge b_2 (the one with the largest update here: ...)"; it names the tie."""
    ex = example(w_hidden=[[0.1, 0.2], [0.3, 0.4], [0.3, 0.4]], b_hidden=[0.1, 0.2, 0.2],
                 w_output=[[0.0, 0.6, 0.6]])
    db = oracle.iteration(ex)["db_hidden"]
    assert db[0] == 0 and db[1] == db[2] != 0  # the premise: an exact tie of b_2 and b_3
    text = prose_with(tmp_path, ex, "rule-hidden-biases")
    tip = text[text.index("Check it yourself: a finite difference"):]
    assert (r"Nudge $b_2$ by $\pm h$ (tied with $b_3$ for the largest update in size here: $\Delta b_1(0) = "
            r"\eta\, \delta_1$ is 0, since $w_{41} = 0$, and a check of $0$ against $0$ would show nothing)") in tip
    assert "the one with the largest update" not in tip
    assert "-eta * dE/db2 = " in tip  # the block nudges the first of the two, as the sentence says


def test_rule_3_tip_names_a_tie_for_the_largest_update(tmp_path):
    """The same on rule 3: neuron 3 saturated (Δw_32 too small for the tip to check) and x_1 = x_2, so Δw_i1 = Δw_i2
    for every neuron: the tip nudges w_21, tied with w_22 for the largest update (the words of
    backprop.judged.too_small_to_nudge, "the one with the largest update in size here", replaced)."""
    ex = example(w_hidden=[[0.1, 0.2], [0.3, 0.4], [24.0, 24.0]], x=[0.5, 0.5])
    dw = oracle.iteration(ex)["dw_hidden"]
    sizes = [abs(v) for row in dw for v in row]
    assert 0 < abs(dw[2][1]) < 1e-10 and dw[1][0] == dw[1][1] and max(sizes) == abs(dw[1][0])  # the premise
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    tip = text[text.index("Check it yourself: a finite difference"):]
    assert (r"Nudge the hidden weight $w_{21}$ by $\pm h$ (tied with $w_{22}$ for the largest update in size "
            r"here: ") in tip
    assert "the one with the largest update" not in tip


# --- Rule 3's figure: a path with an input exactly 0 ---------------------------------------------------------------

def test_rule_3_figure_says_every_path_has_a_factor_exactly_0(tmp_path):
    """A reviewer's example with x = (0, 0): the caption said "the path of every hidden weight has a number that the
    figure's 6 decimals write as 0, or more than 5 % off", which suggests rounding; the cause is an exact 0 input on
    every path, and the caption says so, naming the factors."""
    ex = example(x=[0.0, 0.0])
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", text)[1]
    assert caption.endswith("In this example the path of every hidden weight has a factor that is exactly 0 (here "
                            "$x_1 = 0$ and $x_2 = 0$); this one has the factor $x_2 = 0$, so its product is 0."), \
        caption
    assert "write as 0" not in caption
