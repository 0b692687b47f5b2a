"""backprop.readings_broken_rule: what the verification page says of rules (3) and (4) without f'(v_i), on small
networks whose slopes are known by hand. The page's text for every example file is checked against the plain-math
reference in tests/pages/test_verification.py."""

from __future__ import annotations

import math
import re

from backprop import Network, readings_broken_rule


def test_every_slope_1_leaves_nothing_to_catch():
    """tanh'(0) = 1: with every field 0 (no weights, no biases), dropping the factor changes nothing."""
    net = Network(w_hidden=[[0.0, 0.0]] * 3, b_hidden=[0.0] * 3, w_output=[[0.5, -0.3, 0.2]], b_output=[0.1],
                  hidden="tansig")
    said = readings_broken_rule.broken_rule(net, [0.7, -0.4], [1.0])
    assert said.startswith("Here every $f'(v_i) = 1.000000$ (every $v_i = 0$), so dropping it changes nothing")


def test_a_logsig_network_shows_the_slip_as_the_smallest_slope_says():
    """Without f'(v_i) a row's gradient is the right one over f'(v_i): r = (1 - f')/(1 + f'), largest for the
    smallest slope. Here v = (0.5, -1.0, 2.0): f' = y(1 - y) by hand, smallest at v = 2.0."""
    net = Network(w_hidden=[[0.5, 0.0], [-1.0, 0.0], [2.0, 0.0]], b_hidden=[0.0] * 3, w_output=[[0.4, 0.3, -0.6]],
                  b_output=[0.2])
    slopes = [(1 / (1 + math.exp(-v))) * (1 - 1 / (1 + math.exp(-v))) for v in (0.5, -1.0, 2.0)]
    r = (1 - min(slopes)) / (1 + min(slopes))
    said = readings_broken_rule.broken_rule(net, [1.0, 0.0], [0.9])
    assert re.match(rf"Largest relative error: \*\*{r:.1e}\*\*, against ", said), said[:80]
    assert "The slip does not show on every row" in said  # x_2 = 0: the rows of w_i2 are 0 with the factor or without


def test_both_inputs_0_leave_the_slip_to_the_biases():
    net = Network(w_hidden=[[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], b_hidden=[0.1, -0.2, 0.3],
                  w_output=[[0.4, 0.3, -0.6]], b_output=[0.2])
    said = readings_broken_rule.broken_rule(net, [0.0, 0.0], [0.9])
    assert "Both inputs are 0 here ($x = (0, 0)$), so every $\\Delta w_{ik}$ is 0" in said
