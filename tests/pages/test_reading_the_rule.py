"""What the derivation pages' readings of the rules claim, against the numbers of every example.

- Rule 4: a hidden bias's step has the sign of delta_i, which is its neuron's weight steps' sign only where the
  input x_k is positive (the tanh example's x_1 = -1 gives Delta b_1 and Delta w_11 opposite signs).
- Rule 4's pointer to rule 3's several-outputs box lands on the section that holds the box.
- One iteration's "why backpropagation is cheap": the passes it counts backpropagation in are the passes the
  central differences are counted in (a forward pass with its cost), so 29 multiplications are 2.9 of them.
- Rule 3: f' <= 1/4 is one reason deep sigmoid stacks learn slowly, not the reason.
"""

from __future__ import annotations

import math
import re

import pytest

from tests.support import DOCS, oracle, pages, reference_net
from tests.support.snippets import prose_with

IT = oracle.iteration(oracle.load_example())  # the example in use


def sign(value: float) -> int:
    return (value > 0) - (value < 0)


@pytest.mark.parametrize("path", oracle.all_example_files(), ids=lambda p: p.stem)
def test_a_hidden_bias_steps_with_the_sign_of_e_w4i_and_a_weight_with_x_k_too(path):
    it = oracle.iteration(oracle.load_example(path))
    e, w_4 = it["e"], oracle.load_example(path)["w_output"][0]  # w_4i(n), from the example file itself
    for i in range(it["n_hidden"]):
        db = it["db_hidden"][i]
        assert sign(db) == sign(e * w_4[i])
        for k, x_k in enumerate(it["x"]):
            assert it["dw_hidden"][i][k] == pytest.approx(db * x_k, abs=1e-15)
            if x_k < 0 and db != 0:
                assert sign(it["dw_hidden"][i][k]) == -sign(db)  # not "the same sign as its neuron's weights"


def test_some_example_gives_a_bias_and_a_weight_of_one_neuron_opposite_steps():
    """Why rule 4 may not say its bias steps 'with the same sign as its neuron's weights'."""
    opposite = [p.stem for p in oracle.all_example_files()
                for it in [oracle.iteration(oracle.load_example(p))]
                for i in range(it["n_hidden"]) for k in range(it["n_in"])
                if sign(it["dw_hidden"][i][k]) * sign(it["db_hidden"][i]) < 0]
    assert opposite, "no example has a negative input; the rule-4 reading below would be untested"


def test_rule_4_reading_states_the_bias_sign_as_it_is():
    text = pages.prose("rule-hidden-biases")
    assert "same sign as its neuron's weights" not in text
    assert ("Its sign is that of $\\delta_i$, the sign of $e\\, w_{4i}$, with no input to turn it: a weight's step "
            "$\\Delta w_{ik} = \\Delta b_i\\, x_k$ has the bias's sign where $x_k > 0$ and the opposite sign where "
            "$x_k < 0$.") in text


def test_rule_4_points_to_rule_3s_several_outputs_box_where_it_is():
    rule_3 = (DOCS / "rule-hidden-weights.md").read_text(encoding="utf-8")
    section = rule_3.split("\n## Simplifying", 1)[1].split("\n## ", 1)[0]
    assert '??? warning "If your slides say $E_j$ and have no $\\sum_j$' in section
    rule_4 = " ".join((DOCS / "rule-hidden-biases.md").read_text(encoding="utf-8").split())
    assert "See the same box at the end of [rule 3's simplification](rule-hidden-weights.md#simplifying)" in rule_4
    assert "[rule 3's box](rule-hidden-weights.md#local-gradient)" not in rule_4


def test_backpropagation_is_counted_in_the_passes_the_differences_are_counted_in():
    rows = pages.table_rows(pages.page_text("iteration-and-training"), "network")
    passes = []
    for row in rows:
        n_in, n_hidden, n_out = (int(n) for n in row[0].split("-"))
        one_pass = n_hidden * n_in + n_out * n_hidden + n_out  # the weighted sums and the squares of the cost
        params, backprop, differences = (int(cell.replace(",", "")) for cell in row[1:4])
        assert differences == 2 * params * one_pass  # what a central difference costs: two such passes a parameter
        passes.append(backprop / one_pass)
    assert reference_net.count_multiplications(2, 3, 1) == (29, 260)  # counted by running both
    assert math.isclose(passes[0], 2.9)
    text = pages.prose("iteration-and-training")
    assert (f"Backpropagation takes what {passes[0]:.1f} such passes take for the slides' network and "
            f"{passes[1]:.1f} for the large one") in text


def test_rule_3_gives_f_prime_at_most_a_quarter_as_one_reason_not_the_reason():
    text = pages.prose("rule-hidden-weights")
    assert "this is why deep stacks" not in text
    if IT["hidden"] == "logsig":
        assert re.search(r"passes back only a quarter of the error it receives, .* one reason such stacks learn "
                         r"slowly\.", text)


def test_one_iterations_pointer_to_why_time_n_names_the_section_it_means():
    """'The next section' after the four rules is the worked example; the why is two sections on."""
    source = (DOCS / "iteration-and-training.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.*)$", source, re.M)
    assert headings[0] == "The four rules together" and headings[1] == "One iteration on the worked example"
    assert headings[2].startswith("Why every update uses the weights at time $n$ { #why-every-update-uses-the-")
    text = " ".join(source.split())
    assert "The next section shows why that matters" not in text
    assert ("[Why every update uses the weights at time $n$](#why-every-update-uses-the-weights-at-time-n), after "
            "the worked example, shows why that matters.") in text


# Rule 1's "how far": η Σ y_hi² of 1 or 2 to the last decimal shown. Every hidden output 0.5 (logsig, x = (0, 0),
# every b_i = 0) makes Σ y_hi² = 0.75 exactly; η = 1.333333 or 2.666667 gives the fraction 0.99999975 or 2.00000025.
# The page stopped the build on an exact 1 or 2 and otherwise said "short of" / "farther from it than before" where
# the printed y(n+1) is d, or where y ends as far from d as it started, to the decimals shown.
@pytest.mark.parametrize("eta, where", [(1.333333, "onto"), (2.666667, "past")])
def test_rule_1_says_where_y_lands_as_printed_when_the_fraction_is_1_or_2(tmp_path, eta, where):
    ex = {"w_hidden": [[0.5, -0.5], [0.25, 0.75], [-1.0, 0.5]], "b_hidden": [0.0, 0.0, 0.0],
          "w_output": [[0.2, 0.2, 0.2]], "b_output": [0.0], "hidden": "logsig", "output": "purelin",
          "x": [0.0, 0.0], "d": 1.3, "eta": eta}
    it = oracle.iteration(ex)
    assert it["y_hidden"] == [0.5, 0.5, 0.5]
    share = eta * 0.75
    y_new = it["y"] + share * it["e"]  # the three output steps with the hidden outputs held (rule 1's reading)
    text = prose_with(tmp_path, ex, "rule-output-weights")
    said = re.search(r"and the three steps take \$y\$ from \$([-\d.]+)\$ to \$([-\d.]+)\$, (onto|short of|past) "
                     r"\$d = ([-\d.]+)\$([^.]*)\.", text)
    assert said, text[text.index("Here $\\eta \\sum_i y_{hi}^2"):][:400]
    assert (said[1], said[2], said[3], said[4]) == (pages.s6(it["y"]), pages.s6(y_new), where, pages.given(ex["d"]))
    if where == "onto":
        assert pages.s6(y_new) == pages.s6(ex["d"]) and said[5] == ""
    else:  # past d, by as much as e was short of it, to the printed decimals
        assert pages.s6(abs(ex["d"] - y_new)) == pages.s6(abs(it["e"])) and said[5] == ", as far from it as before"


# Rule 3's "f'(v_i) lies between ... (neuron i)": the neuron came from argmin, so two neurons whose f'(v_i) print alike
# (or tie exactly) were named as one. The review's s7 (logsig, v_1 = 8, v_2 = -8: f' = 0.000335 for both) and s3b
# (tanh, three neurons with b_i 1e-6 apart: f'(v_1) and f'(v_2) both print 0.822001).
SLOPE_TIES = {
    "s7": {"w_hidden": [[2.0, 1.5], [-2.0, -1.5], [0.3, -0.2]], "b_hidden": [1.0, -1.0, 0.1],
           "w_output": [[0.5, -0.4, 0.8]], "b_output": [0.0], "hidden": "logsig", "output": "purelin",
           "x": [2.0, 2.0], "d": 1.5, "eta": 0.5},
    "s3b": {"w_hidden": [[0.2, 0.1], [0.2, 0.1], [0.2, 0.1]], "b_hidden": [0.05, 0.050001, 0.049999],
            "w_output": [[0.4, 0.4, -0.3]], "b_output": [0.0], "hidden": "tansig", "output": "purelin",
            "x": [1.5, 1.0], "d": 0.9, "eta": 0.5},
}


@pytest.mark.parametrize("name", SLOPE_TIES)
def test_rule_3_names_every_neuron_whose_slope_prints_as_the_smallest(tmp_path, name):
    """The smallest f'(v_i) as printed (the oracle's, with six decimals) and every neuron that prints it, named
    together; the largest as printed."""
    ex = SLOPE_TIES[name]
    shown = [pages.s6(f) for f in oracle.iteration(ex)["fp_hidden"]]
    low = min(shown, key=float)
    slow = [i + 1 for i, s in enumerate(shown) if s == low]
    assert len(slow) == 2  # the premise: two neurons alike as printed
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    names = f"neurons {slow[0]} and {slow[1]}"
    high = max(shown, key=float)
    assert (f"Here $f'(v_i)$ lies between ${low}$ ({names}) and ${high}$ "
            f"({pages.neurons_printed_at(oracle.iteration(ex)['fp_hidden'], high)}).") in text


def test_rule_3_gives_a_slope_that_prints_as_0_in_scientific_notation(tmp_path):
    """A reviewer's saturated logsig example (v_1 = -20): the reading said "f'(v_i) lies between 0.000000 (neuron 1)"
    a line above "f'(v_i) > 0". The smallest slope is given in scientific notation, from the oracle, and said to
    print as 0.000000."""
    ex = {"w_hidden": [[-8.0, -4.0], [0.3, 0.5], [-6.0, -2.0]], "b_hidden": [-8.0, 0.2, -4.0],
          "w_output": [[0.7, -0.9, 1.3]], "b_output": [0.3], "hidden": "logsig", "output": "purelin",
          "x": [1.0, 1.0], "d": -0.6, "eta": 0.7}
    fps = oracle.iteration(ex)["fp_hidden"]
    assert pages.s6(fps[0]) == "0.000000" and fps[0] > 0, "the premise"
    mantissa, exponent = f"{fps[0]:.1e}".split("e")
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    assert (f"Here $f'(v_i)$ lies between ${mantissa} \\times 10^{{{int(exponent)}}}$ (neuron 1) and "
            f"${pages.s6(max(fps))}$ ({pages.neurons_printed_at(fps, pages.s6(max(fps)))}).") in text


def test_rule_3_gives_each_slope_that_prints_as_0_its_own_value(tmp_path):
    """A reviewer's tanh example with two saturated neurons (v_1 = -8, v_3 = 9): the reading said "f'(v_i) lies
    between 6.1 × 10^-8 (neurons 1 and 3; ...)", though f'(v_1) = 4.5 × 10^-7. The slopes are compared as the formulas
    write them (two significant digits below 10^-5), so the bound is the smallest slope with its own neuron only, from
    the oracle."""
    ex = {"w_hidden": [[-4.0, 2.0], [0.5, 0.25], [4.0, -3.0]], "b_hidden": [0.0, 0.5, 0.0],
          "w_output": [[0.6, -1.2, 0.4]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
          "x": [1.5, -1.0], "d": -2.0, "eta": 0.25}
    fps = oracle.iteration(ex)["fp_hidden"]
    assert pages.s6(fps[0]) == pages.s6(fps[2]) == "0.000000" and 0 < fps[2] < fps[0], "the premise"

    def sci(value):
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{mantissa} \\times 10^{{{int(exponent)}}}"

    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    assert f"Here $f'(v_i)$ lies between ${sci(fps[2])}$ (neuron 3) and ${pages.s6(fps[1])}$ (neuron 2)." in text
