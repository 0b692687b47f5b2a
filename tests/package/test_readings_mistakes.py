"""backprop.readings_mistakes: the common-mistakes page's verdicts on networks worked out by hand. The page's text
for every example file is checked against the oracle in tests/pages/test_common_mistakes.py."""

from __future__ import annotations

import math

import numpy as np

from backprop import Network, forward, readings_mistakes
from backprop.rules import delta_b_hidden, delta_w_hidden


def test_mistake_1_where_the_output_weights_do_not_move_in_floating_point():
    """Hidden outputs of about 1e-12 (biases -27.6, -28, -27, every weight 0) and eta = 1e-6: the output weights' steps
    eta e y_hi, about 1.5e-18, are below half a unit in the last place of w_4i (0.3, 0.4, 0.5), so w_4i(n+1) = w_4i(n)
    in floating point and the mistake changes nothing; the verdict said "every y_hi is 0" (a reviewer's probe). Where
    w_4i does move by a unit in its last place and the hidden updates still come out the same doubles (a reviewer's
    b_1 = -22.76), the sentence claims only the latter, true whenever the verdict is reached."""
    b, w_4 = [-27.6, -28.0, -27.0], [0.5, 0.4, 0.3]
    y_h = [1 / (1 + math.exp(-v)) for v in b]  # plain math: the fields are the biases
    e = 1.0 - (0.2 + sum(w * y for w, y in zip(w_4, y_h)))
    steps = [1e-6 * e * y for y in y_h]
    assert all(0 < s < math.ulp(w) / 2 for s, w in zip(steps, w_4))  # the premise
    net = Network([[0.0, 0.0]] * 3, b, [w_4], [0.2])
    fp = forward(net, [1.0, 0.5])
    right = np.concatenate([delta_w_hidden(fp, 1.0, 1e-6).ravel(), delta_b_hidden(fp, 1.0, 1e-6)])
    said = readings_mistakes.output_weights_first(net, [1.0, 0.5], 1.0, 1e-6, right, right.copy(), ["w"] * 9)
    assert said.startswith("Here the output weights' steps $\\eta e\\, y_{hi}$, at most $1.5 \\times 10^{-18}$ "
                           "in size, are so small that the hidden updates computed with $w_{ji}(n+1)$ are the same "
                           "doubles as with $w_{ji}(n)$: the mistake changes nothing on this example"), said
    assert f"{max(steps):.1e}" == "1.5e-18"


def _flipped(net, x, d, eta):
    """One step with e = y - d and +eta kept, written out here in plain Python for the 2-3-1 network."""
    y_h = [math.tanh(w[0] * x[0] + w[1] * x[1] + b) if net.hidden == "tansig" else
           1 / (1 + math.exp(-(w[0] * x[0] + w[1] * x[1] + b))) for w, b in zip(net.w_hidden, net.b_hidden)]
    y = sum(w * h for w, h in zip(net.w_output[0], y_h)) + net.b_output[0]
    e_flipped = y - d
    w_out = [[w + eta * e_flipped * h for w, h in zip(net.w_output[0], y_h)]]
    return Network(net.w_hidden, net.b_hidden, w_out, [net.b_output[0] + eta * e_flipped], hidden=net.hidden)


def test_mistake_3_reads_as_opposite_signs_on_the_output_weights_or_the_bias():
    """Every output gradient of the flipped step is minus the right one: relative error 1 (|a - (-a)| / 2|a|), on the
    output weights; where every y_hi = 0 (tanh, every hidden weight and bias 0) every dE/dw_4i is 0 either way, and
    the bias is checked."""
    net = Network([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], [0.1, 0.0, -0.1], [[0.5, -0.4, 0.3]], [0.2])
    said = readings_mistakes.error_flipped(net, [1.0, 0.5], 1.0, 0.5, _flipped)
    assert said.startswith("Gradient check of $\\partial E/\\partial w_{4i}$: right ") and "**wrong 1" in said
    assert said.endswith("(opposite signs).")
    zero = Network([[0.0, 0.0]] * 3, [0.0] * 3, [[0.5, -0.4, 0.3]], [0.2], hidden="tansig")
    said = readings_mistakes.error_flipped(zero, [1.0, 0.5], 1.0, 0.5, _flipped)
    assert said.startswith("Gradient check of $\\partial E/\\partial b_4$: right ") and "**wrong 1" in said
    assert said.endswith("(opposite signs; every $y_{hi}$ is 0 here, so every $\\partial E/\\partial w_{4i}$ is 0 "
                         "either way).")
