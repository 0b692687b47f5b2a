"""backprop._steps: which step is computed from which, against the slides' formulas read by hand."""

from __future__ import annotations

import pytest

from backprop import _steps, _trace
from tests.support import oracle

HIDDEN_NEW = ("w11(n+1)", "w12(n+1)", "w21(n+1)", "w22(n+1)", "w31(n+1)", "w32(n+1)", "b1(n+1)", "b2(n+1)", "b3(n+1)")
OUTPUT_NEW = ("w41(n+1)", "w42(n+1)", "w43(n+1)", "b4(n+1)")
HIDDEN_DELTAS = ("Δw11", "Δw12", "Δw21", "Δw22", "Δw31", "Δw32", "Δb1", "Δb2", "Δb3")
OUTPUT_DELTAS = ("Δw41", "Δw42", "Δw43", "Δb4")
NEXT = ("y(n+1)", "E(n+1)")

# The slides' 2-3-1 network, read off its formulas by hand: what a wrong value at each step carries into.
BY_HAND = {
    "E": (),  # no rule takes E: the updates take e
    "E(n+1)": (),
    "y(n+1)": ("E(n+1)",),
    "w42(n+1)": NEXT,
    "Δw42": ("w42(n+1)", *NEXT),  # not Δw43: each update has its own factors
    "Δb2": ("b2(n+1)", *NEXT),
    # e: E, and δ_4 = e f'(v_4) in every rule, so every update, new value and y(n+1)
    "e": ("E", *OUTPUT_DELTAS, *HIDDEN_DELTAS, *OUTPUT_NEW, *HIDDEN_NEW, *NEXT),
    # y_h2: v4 and so y, e and everything after; not v3 or y_h3, computed before it from x alone
    "y_h2": ("v4", "y", "e", "E", *OUTPUT_DELTAS, *HIDDEN_DELTAS, *OUTPUT_NEW, *HIDDEN_NEW, *NEXT),
    "v1": ("y_h1", "v4", "y", "e", "E", *OUTPUT_DELTAS, *HIDDEN_DELTAS, *OUTPUT_NEW, *HIDDEN_NEW, *NEXT),
}


@pytest.mark.parametrize("step", BY_HAND)
def test_a_wrong_value_carries_into_what_the_formulas_compute_from_it(step):
    assert _steps.builds_on(step) == BY_HAND[step]


def test_with_two_outputs_an_output_error_reaches_the_hidden_rules_not_the_other_outputs():
    """2-3-2: e5 is in δ_5, which rules 3 and 4 send back; rules 1 and 2 of output 4 take e4 alone."""
    carried = _steps.builds_on("e5", 2, 3, 2)
    assert {"E", "Δw51", "Δb5", "Δw11", "Δb3", "w51(n+1)", "y4(n+1)", "y5(n+1)", "E(n+1)"} <= set(carried)
    assert not {"Δw41", "Δb4", "w41(n+1)", "b4(n+1)", "y4", "e4", "v4"} & set(carried), carried
    # y4(n+1) takes w4i(n+1), b4(n+1) and the hidden layer's: not output 5's (a diff review)
    assert _steps.builds_on("Δw51", 2, 3, 2) == ("w51(n+1)", "y5(n+1)", "E(n+1)")
    assert _steps.builds_on("Δb2", 2, 3, 2) == ("b2(n+1)", "y4(n+1)", "y5(n+1)", "E(n+1)")


@pytest.mark.parametrize("sizes", [(2, 3, 1), (2, 3, 2), (1, 1, 1), (3, 12, 2)])
def test_every_step_of_the_trace_is_listed_in_its_order(sizes):
    """The trace's names are these steps' (`_trace.names` takes them from here); both are the plain-math oracle's."""
    n_in, n_hidden, n_out = sizes
    example = {"w_hidden": [[0.1] * n_in] * n_hidden, "b_hidden": [0.0] * n_hidden,
               "w_output": [[0.2] * n_hidden] * n_out, "b_output": [0.0] * n_out, "hidden": "logsig",
               "output": "purelin", "x": [0.5] * n_in, "d": 1.0 if n_out == 1 else [1.0] * n_out, "eta": 0.5}
    by_oracle = tuple(oracle.trace_values(oracle.iteration(example)))
    assert tuple(_steps.computed_from(*sizes)) == _trace.names(*sizes) == by_oracle


def test_an_unknown_step_is_named():
    with pytest.raises(ValueError, match=r"no step 'Δw44' in a 2-3-1 network; the steps are v1, v2"):
        _steps.builds_on("Δw44")
