"""backprop.readings_iteration: what the iteration-and-training page's blocks print from their numbers, on small
numbers worked out by hand, and the sentences it refuses to print for numbers they are not true of. The page's text
for every example file is checked against the oracle in tests/pages/test_iteration_and_training.py."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from backprop import Network, readings_iteration
from backprop.show import ExampleError


def test_value_at_next_adds_up_where_the_printed_numbers_do():
    """0.25 + 0.125 = 0.375 (all exact): written as is. 0.1 + 5e-7: the double 5e-7 is a hair below the tie and
    prints 0.000000, while 0.1 + 5e-7 prints 0.100001, so the printed sum 0.100000 misses it: "≈"."""
    assert readings_iteration.value_at_next(0.25, 0.125, 0.375) == "0.375000"
    after = 0.1 + 5e-7
    assert Decimal(float("5e-7")) < Decimal("5e-7") < Decimal(after) - Decimal("0.1")  # the premise, exactly
    assert readings_iteration.value_at_next(0.1, 5e-7, after) == "$\\approx$ 0.100001"


def test_cost_change_fell_and_grew():
    """E from 0.5 to 0.125 fell by a factor of 4; from 0.125 to 0.5 it grew by 4, and the reason names eta as given."""
    fell = readings_iteration.cost_change(0.5, 0.125, 0.3)
    assert fell == "On this sample the cost fell by a factor of $E(n) / E(n+1) = 0.500000 / 0.125000 = 4.00$."
    grew = readings_iteration.cost_change(0.125, 0.5, 0.3)
    assert grew.startswith("On this sample the cost did **not** fall: it grew by a factor of "
                           "$E(n+1) / E(n) = 0.500000 / 0.125000 = 4.00$. ")
    assert "with $\\eta = 0.3$ it was too large" in grew
    with pytest.raises(ExampleError, match="the cost either fell or grew"):
        readings_iteration.cost_change(0.5, 0.5, 0.3)


def test_first_order_rows_notes_and_refusal():
    """Falls (predicted, fall) with ratios 0.5, 0.9, 0.995: three rows, no row left out; a prediction of 2 for a cost
    of 1 is said to be more than the whole cost. Seven steps: the middle three are left out. A last ratio 1.02 is
    not within 1 %: refused."""
    text = readings_iteration.first_order([(2.0, 1.0), (0.2, 0.18), (0.02, 0.0199)], 1.0)
    rows = [line for line in text.splitlines() if line.startswith("| $\\eta")]
    assert rows == ["| $\\eta$ | 2.000000 | 1.000000 | 0.500000 |", "| $\\eta / 10$ | 0.200000 | 0.180000 | 0.900000 |",
                    "| $\\eta / 10^{2}$ | 0.020000 | 0.019900 | 0.995000 |"]
    assert "With $\\eta$ itself the prediction, 2.000000, is more than the whole cost $E(n) = 1.000000$" in text
    assert "left out" not in text
    falls = [(1.0, 0.5)] * 6 + [(1.0, 0.999)]
    text = readings_iteration.first_order(falls, 10.0)
    assert "The row … stands for the 3 steps between, left out." in text
    assert "| $\\eta / 10^{6}$ | 1.000000 | 0.999000 | 0.999000 |" in text and "10^{2}" not in text
    assert "more than the whole cost" not in text
    with pytest.raises(ExampleError, match="first order predicts"):
        readings_iteration.first_order([(1.0, 0.5), (1.0, 0.9), (1.0, 1.02)], 10.0)


def test_why_cheap_says_how_the_ratio_grows():
    """13 parameters, 260 / 29 = 8.97 (to 9), 2.9 passes; 79,510 parameters, ratio 2,000 in 3.0 passes."""
    text = readings_iteration.why_cheap([(13, 260 / 29, 2.9), (79_510, 2000.0, 3.0)])
    assert "takes what 2.9 such passes take for the slides' network and 3.0 for the large one" in text
    assert "9 for the slides' 13, 2,000 for 79,510." in text
    with pytest.raises(ExampleError, match="the ratio grows"):
        readings_iteration.why_cheap([(13, 9.0, 2.9), (79_510, 9.0, 3.0)])


def test_training_run_counts_the_steps_against_its_direction():
    """Costs 0.5, 0.4, 0.45, 0.3: fell from 0.5 to 0.3, rose once out of 3, lowest in epoch 4; a run that falls
    every epoch is refused (the page says it does not)."""
    text = readings_iteration.training_run(np.array([0.5, 0.4, 0.45, 0.3]))
    assert text == ("Over the 4 epochs the mean cost fell from 0.500000 to 0.300000, but not epoch by epoch: it rose "
                    "from one epoch to the next 1 time out of 3. Its lowest value, 0.300000, came in epoch 4.")
    with pytest.raises(ExampleError, match="does not fall epoch by epoch"):
        readings_iteration.training_run(np.array([0.5, 0.4, 0.3]))


def test_symmetric_start_needs_neurons_alike_and_a_higher_end():
    alike = Network(w_hidden=[[0.3, -0.2]] * 3, b_hidden=[0.1] * 3, w_output=[[0.5] * 3], b_output=[0.0])
    text = readings_iteration.symmetric_start(alike, np.array([0.2, 0.1]), np.array([0.2, 0.05]))
    assert "After 2 epochs the three rows of `w_hidden` are still equal, $(0.300000, -0.200000)$" in text
    assert "mean cost is 0.100000, against 0.050000 from the random start above." in text
    with pytest.raises(ExampleError, match="ends with a higher cost"):
        readings_iteration.symmetric_start(alike, np.array([0.2, 0.05]), np.array([0.2, 0.1]))
    unlike = Network(w_hidden=[[0.3, -0.2], [0.3, -0.2], [0.3, 0.2]], b_hidden=[0.1] * 3, w_output=[[0.5] * 3],
                     b_output=[0.0])
    with pytest.raises(ExampleError, match="stay alike"):
        readings_iteration.symmetric_start(unlike, np.array([0.2, 0.1]), np.array([0.2, 0.05]))


def test_online_or_batch_names_the_run_ahead():
    """Two epochs of 200 samples: online 400 steps, batch 2; batch ahead and falling each step, or online ahead with
    a batch step that did not lower the cost."""
    text = readings_iteration.online_or_batch([1.0, 0.6, 0.5], [1.0, 0.7, 0.4], 200)
    assert text == ("After 2 epochs batch training is ahead: online took 400 steps, each along one sample's gradient; "
                    "batch took 2, each along the gradient of the mean cost itself, and each of them lowered it.")
    text = readings_iteration.online_or_batch([1.0, 0.6, 0.3], [1.0, 0.7, 0.7], 200)
    assert text.startswith("After 2 epochs online training is ahead") and text.endswith("the mean cost itself.")


def test_the_readings_refuse_numbers_they_are_not_true_of():
    """A reviewer's calls that printed false sentences or stopped with a bare ZeroDivisionError."""
    with pytest.raises(ExampleError, match="both costs and eta are positive"):
        readings_iteration.cost_change(0.0, 0.5, 0.3)
    with pytest.raises(ExampleError, match="the first order predicts a fall"):
        readings_iteration.first_order([(0.0, 0.0)] * 3, 1.0)
    with pytest.raises(ExampleError, match="stops at the first step"):  # rows 3 and 4 both within 1 %
        readings_iteration.first_order([(1.0, 0.5), (1.0, 0.9), (1.0, 0.999), (1.0, 0.999)], 10.0)
    with pytest.raises(ExampleError, match="the ratio grows"):  # the larger network second, with more parameters
        readings_iteration.why_cheap([(100, 5.0, 2.0), (10, 50.0, 3.0)])
    with pytest.raises(ExampleError, match="the ratio grows"):  # 9.2 and 9.4 both print 9
        readings_iteration.why_cheap([(13, 9.2, 2.9), (14, 9.4, 3.0)])
    with pytest.raises(ExampleError, match="a few forward passes"):
        readings_iteration.why_cheap([(13, 9.0, 2.9), (79_510, 2000.0, 40.0)])
    with pytest.raises(ExampleError, match="fell or rose over the run, as printed"):  # 0.100000 to 0.100000
        readings_iteration.training_run(np.array([0.1000001, 0.2, 0.1]))
    with pytest.raises(ExampleError, match="does not rise epoch by epoch"):  # it rose at every epoch
        readings_iteration.training_run(np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ExampleError, match="the same number of epochs"):
        readings_iteration.online_or_batch([1.0, 0.5, 0.4, 0.3], [1.0, 0.6], 200)


def test_training_run_that_rose_counts_its_falls():
    text = readings_iteration.training_run(np.array([1.0, 3.0, 2.0, 4.0]))
    assert text.startswith("Over the 4 epochs the mean cost rose from 1.000000 to 4.000000, but not epoch by epoch: "
                           "it fell from one epoch to the next 1 time out of 3. Its lowest value, 1.000000, came in "
                           "epoch 1.")


def test_online_or_batch_level_and_one_epoch():
    """Costs that print alike after the run: level, not a winner by 1e-12; one epoch, singular."""
    text = readings_iteration.online_or_batch([1.0, 0.5], [1.0, 0.5 + 1e-12], 200)
    assert text.startswith("After 1 epoch the two are level, as the table prints them: online took 200 steps")


def test_symmetric_start_counts_the_rows():
    four = Network(w_hidden=[[0.3, -0.2]] * 4, b_hidden=[0.1] * 4, w_output=[[0.5] * 4], b_output=[0.0])
    text = readings_iteration.symmetric_start(four, np.array([0.2, 0.1]), np.array([0.2, 0.05]))
    assert "the four rows of `w_hidden` are still equal, $(0.300000, -0.200000)$" in text
