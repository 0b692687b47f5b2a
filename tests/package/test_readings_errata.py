"""backprop.readings_errata: the notes the errata page prints under its checks, on small networks worked out by
hand, and the sentences it refuses to print for numbers they are not true of. The page's text for every example file
is checked in tests/pages/test_errata.py and its formulas in tests/pages/test_equations_errata.py."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Network, readings_errata
from backprop.show import ExampleError

# Weighted inputs w_i . x of 0.5, 0.1 and -0.1 at x = (1, 0); biases 0.2, 0.3, 0.4. The explicit fields are 0.7, 0.4
# and 0.3; the first slide read literally adds all three weighted inputs (0.5) to each bias: 0.7, 0.8, 0.9.
NET = Network([[0.5, 0.0], [0.1, 0.0], [-0.1, 0.0]], [0.2, 0.3, 0.4], [[1.0, 1.0, 1.0]], [0.0])
X = [1.0, 0.0]
EXPLICIT, LITERAL = [0.7, 0.4, 0.3], [0.7, 0.8, 0.9]


def test_literal_sum_names_the_neuron_it_gets_right_and_the_terms_that_cancel():
    """Neuron 1 only: the other two weighted inputs, 0.1 and -0.1, add up to 0."""
    assert readings_errata.literal_sum(NET, X, LITERAL, EXPLICIT) == (
        "\nFor this example the literal reading happens to give the right value for neuron 1: to its own weighted "
        "input it adds the other neurons', $w_{21} x_1 + w_{22} x_2 = 0.100000$ and $w_{31} x_1 + w_{32} x_2 = "
        "-0.100000$, and these add up to $0.000000$. A coincidence of the numbers, not of the formula: for neurons 2 "
        "and 3 it is wrong.\n")


def test_literal_sum_at_a_zero_input_and_where_it_has_nothing_to_add():
    """x = (0, 0): both readings leave the biases, and the note says why; the require stops a claim of agreement
    where the weighted inputs are not 0; a literal sum wrong for every neuron adds nothing."""
    zero = readings_errata.literal_sum(NET, [0.0, 0.0], [0.2, 0.3, 0.4], [0.2, 0.3, 0.4])
    assert zero.startswith("\nFor this example the literal reading agrees by coincidence: with $x = (0, 0)$ every ")
    with pytest.raises(ExampleError, match="what the literal sum adds is lost in print"):
        readings_errata.literal_sum(NET, X, EXPLICIT, EXPLICIT)
    assert readings_errata.literal_sum(NET, X, [0.9, 0.8, 0.7], [0.1, 0.2, 0.3]) == ""


def test_sum_over_neurons_names_the_neurons_and_the_k():
    """The slide's sum over i with k = 1 is 0.5 + b_i = 0.7, 0.8, 0.9 and with k = 2 it is b_i: right for neuron 1
    with k = 1 only; with rows all (1/4, 1/2) and x = (1, 1/2) every weighted input is 1/2, the sum with k = 1 is 3/4,
    with k = 2 also 3/4: neither equals it, and every neuron gets it wrong."""
    wrong = np.array([[0.7, 0.2], [0.8, 0.3], [0.9, 0.4]])
    assert readings_errata.sum_over_neurons(NET, X, wrong, np.array(EXPLICIT)) == (
        "\nFor this example the slide's version happens to give the right value for neuron 1 with $k = 1$. A "
        "coincidence of the numbers, not of the formula: with the same $k$ it is wrong for another neuron.\n")
    alike = Network([[0.25, 0.5]] * 3, [0.0] * 3, [[1.0, 1.0, 1.0]], [0.0])
    assert readings_errata.sum_over_neurons(alike, [1.0, 0.5], np.full((3, 2), 0.75), np.full(3, 0.5)) == ""


def test_sum_over_neurons_where_the_slide_agrees_for_every_neuron():
    """Rows all (1/3, 2/3) at x = (1, 1): every weighted input is 1, and the sum over i with k = 1 is 3 x 1/3 = 1 (the
    block's own example); at x = (0, 0) every sum is 0."""
    third = Network([[1 / 3, 2 / 3]] * 3, [0.1, 0.2, 0.3], [[1.0, 1.0, 1.0]], [0.0])
    explicit = np.array([1.1, 1.2, 1.3])
    wrong = np.array([[1.1, 2.1], [1.2, 2.2], [1.3, 2.3]])
    text = readings_errata.sum_over_neurons(third, [1.0, 1.0], wrong, explicit)
    assert "every neuron's weighted input $w_{i1} x_1 + w_{i2} x_2$ is the same, and the slide's sum " in text
    assert "$\\sum_i w_{i1}\\, x_1$ happens to equal it." in text
    zero = readings_errata.sum_over_neurons(third, [0.0, 0.0], np.array([[0.1] * 2, [0.2] * 2, [0.3] * 2]),
                                            np.array([0.1, 0.2, 0.3]))
    assert "every sum above, over $i$ or over $k$, is 0" in zero and "happens" not in zero


def test_within_noise_one_note_per_network():
    text = readings_errata.within_noise([("2-3-1", "A", 1e-9, 4e-9), ("2-3-2", "C", 4e-9, 5e-9),
                                         ("2-3-1", "B", 3e-9, 4e-9)])
    assert text.count("\nOn ") == 2
    assert ("On 2-3-1 the hidden updates are so small that the largest difference, 3.0e-09, is within what rounding "
            "alone can move a finite difference here (4.0e-09): A and B agree as far") in text
    assert "(5.0e-09): C agrees as far as a finite difference can tell." in text
    assert readings_errata.within_noise([]) == ""


def test_output_rules_notes():
    """η = 0.001 written in scientific notation; y_h1 = y_h2 = 0.5, the first checked; every y_hi = 0: only b_4."""
    text = readings_errata.output_rules(0.001, np.array([0.5, 0.5, 0.2]), [0, 1], True, True)
    assert text == ("\nWith $\\eta = 0.001$ the steps are too small for the pages' 6 decimals to tell the two formulas "
                    "apart: the table writes them in scientific notation.\n\nHidden neurons 1 and 2 send outputs of "
                    "the same size as written, $|y_{hi}| = 0.500000$ for each: the table checks the first, neuron 1.\n")
    zero = readings_errata.output_rules(0.1, np.zeros(3), [0, 1, 2], False, False)
    assert zero == ("\nIn this example every $y_{hi}$ is 0, so every $\\Delta w_{4i} = \\Delta b_4\\, y_{hi}$ is 0: "
                    "only $b_4$ shows the factor.\n")
    assert readings_errata.output_rules(0.1, np.array([0.7, 0.5, 0.2]), [0], False, True) == ""


def test_written_out_updates_sort_the_updates_by_what_the_check_can_say():
    """Δw_11 = 0.1234565 against 0.1234575 (error 1.2e-6): within the error, printed a digit apart; Δb_1 = 2e-11 with
    an error of 3e-11: too small to check; Δw_12 and Δw_22 with the factor x_2 = 0; Δw_21 agrees in print: no note."""
    text = readings_errata.written_out_updates([
        ("$\\Delta w_{11}$", 0.1234565, 0.1234575, 1.2e-6, None), ("$\\Delta b_1$", 2e-11, 1e-11, 3e-11, None),
        ("$\\Delta w_{12}$", 0.0, 0.0, 1e-12, "x_2 = 0"), ("$\\Delta w_{22}$", 0.0, 1e-13, 1e-12, "x_2 = 0"),
        ("$\\Delta w_{21}$", 0.25, 0.25 + 1e-12, 1e-11, None)])
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == ("The finite difference of $\\Delta w_{11}$ prints a last digit apart from the formula: "
                             "what a central difference alone can be off by (its rounding and truncation, here up to "
                             "$1.2 \\times 10^{-6}$) reaches that digit.")
    assert paragraphs[1].startswith("$\\Delta b_1$ is no larger than what a central difference alone can be off by "
                                    "here (up to $3.0 \\times 10^{-11}$): finite differences cannot check it")
    assert paragraphs[2].startswith("$\\Delta w_{12}$ and $\\Delta w_{22}$ are 0 here by the slides' formula and by "
                                    "finite differences alike: $x_2 = 0$, so the cost does not depend on those")
    assert len(paragraphs) == 3 and readings_errata.written_out_updates([]) == ""
    with pytest.raises(ExampleError, match="agrees with its finite difference"):  # a reviewer: no check stopped it
        readings_errata.written_out_updates([("$\\Delta w_{11}$", 0.5, 0.6, 1e-12, None)])


def test_the_notes_refuse_numbers_they_are_not_true_of():
    """A reviewer's calls that printed false sentences: a gap of 0.3 "within" a rounding of 1e-9; two neurons of
    outputs 0.9 and 0.1 "of the same size"; "every y_hi is 0" where one is not."""
    with pytest.raises(ExampleError, match="within the rounding noise"):
        readings_errata.within_noise([("2-3-2", "slides", 0.3, 1e-9)])
    with pytest.raises(ExampleError, match="the same size"):
        readings_errata.output_rules(0.1, np.array([0.9, 0.1, 0.2]), [0, 1], False, True)
    with pytest.raises(ExampleError, match="every y_hi is 0"):
        readings_errata.output_rules(0.1, np.array([0.0, 0.3, 0.2]), [0], False, False)
    # the size of a negative (tansig) output: the largest |y_hi|, written without its sign
    text = readings_errata.output_rules(0.1, np.array([-1e-7, 5e-8, 0.0]), [0], False, False)
    assert "even the largest $|y_{hi}|$, $1.0 \\times 10^{-7}$, leaves" in text


def test_agreement_is_as_the_table_prints_it():
    """100.5 and 100.5005 print apart (np.isclose called them equal: a reviewer); 0.3 and 0.30000000000000004 alike."""
    assert not readings_errata.agrees([100.5], [100.5005]) and readings_errata.agrees([0.3], [0.1 + 0.2])
    wide = Network([[0.5, 0.0], [0.0003, 0.0], [0.0002, 0.0]], [100.0] * 3, [[1.0, 1.0, 1.0]], [0.0])
    wrong = np.array([[100.5005, 100.0], [100.5005, 100.0], [100.5005, 100.0]])
    assert readings_errata.sum_over_neurons(wide, X, wrong, np.array([100.5, 100.0003, 100.0002])) == ""


# A reviewer's accepted example: x = (0.001, 0), w_i1 = 0.000001, 0.000002, 0.000003: weighted inputs 1e-9, 2e-9 and
# 3e-9 by hand, which no reading of the table can tell apart. Erratum 1 stopped the build ("every weighted input is
# 0"), erratum 2 said every weighted input "is the same".
TINY = Network([[1e-6, 0.5], [2e-6, -0.5], [3e-6, 0.25]], [0.1, 0.2, 0.3], [[1.0, 1.0, 1.0]], [0.0])
TINY_X = [0.001, 0.0]


def test_errata_1_and_2_with_weighted_inputs_too_small_to_print():
    weighted = [1e-9, 2e-9, 3e-9]  # by hand: w_i1 x_1, x_2 = 0
    explicit = [b + v for b, v in zip([0.1, 0.2, 0.3], weighted)]
    literal = [b + sum(weighted) for b in [0.1, 0.2, 0.3]]
    text = readings_errata.literal_sum(TINY, TINY_X, literal, explicit)
    assert ("agrees as the table prints it, by coincidence: with $x = (0.001, 0)$ every neuron's weighted input "
            "$w_{i1} x_1 + w_{i2} x_2$ is at most 3.0e-09 in size") in text
    wrong = np.array([[b + sum(weighted), b] for b in [0.1, 0.2, 0.3]])  # the sum over i with k = 1, with k = 2
    text = readings_errata.sum_over_neurons(TINY, TINY_X, wrong, np.array(explicit))
    assert "every sum above, over $i$ or over $k$, is at most 6.0e-09 in size, too small for the table's" in text
    assert "is the same" not in text


def test_a_tie_as_written_in_scientific_notation_is_a_tie():
    """y_h = 4.46e-6 and 4.54e-6 are both written 4.5e-6 (show.largest(as_written=True) calls them a tie), though
    they print 0.000004 and 0.000005 with six decimals: the note names both, and is not refused (a reviewer's tanh
    example stopped the build)."""
    text = readings_errata.output_rules(0.1, np.array([4.46e-6, 4.54e-6, 1e-6]), [0, 1], False, True)
    assert ("Hidden neurons 1 and 2 send outputs of the same size as written, $|y_{hi}| = 4.5 \\times 10^{-6}$ for "
            "each") in text


def test_a_tie_in_size_of_opposite_signs_is_written_as_a_size():
    """A reviewer's tansig example, y_h1 = 0.379949 and y_h2 = -0.379949: the note wrote 'the same size as written,
    0.379949', as if both were that value; it writes the size, |y_hi|, as the output-weights page does."""
    text = readings_errata.output_rules(0.1, np.array([0.379949, -0.379949, 0.1]), [0, 1], False, True)
    assert ("Hidden neurons 1 and 2 send outputs of the same size as written, $|y_{hi}| = 0.379949$ for each: the "
            "table checks the first, neuron 1.") in text
