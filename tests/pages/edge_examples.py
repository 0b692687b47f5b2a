"""Worked examples whose numbers sit close to what the pages' 6 decimals can show, for the page tests that render a
page with them (`tests.support.snippets.pages_with`). Each is a plain dict, given by `example`; what makes it an edge
case is said beside it and checked by the tests with the plain-math oracle.
"""

from __future__ import annotations

import json

from tests.support import oracle

EDGE_EXAMPLES = {
    # tanh, negative inputs, eta = 0.001: rule (1) moves w_41 = 0.7 by 2.4e-4, a factor w_41(n+1)/w_41(n) of 1.0003
    "tanh-neg-tiny-eta": {
        "w_hidden": [[0.35, -0.6], [-0.45, 0.2], [0.15, 0.55]], "b_hidden": [0.1, -0.05, 0.3],
        "w_output": [[0.7, -0.25, 0.4]], "b_output": [-0.2], "hidden": "tansig", "output": "purelin",
        "x": [-1.5, -0.8], "d": 4.0, "eta": 0.001,
    },
    # logsig, v_3 = 5 * 2 + 4 * 3.5 + 1 = 25: f'(v_3) = 1.4e-11, so neuron 3's updates are below 10^-6 (the pages
    # print them with two significant digits), and y_h3 = 1 - 1.4e-11 makes Δw_43 = Δb_4 y_h3 print as Δb_4
    "logsig-saturated": {
        "w_hidden": [[0.3, -0.2], [-0.4, 0.25], [5.0, 4.0]], "b_hidden": [0.1, 0.0, 1.0],
        "w_output": [[0.8, -0.6, 0.3]], "b_output": [-0.1], "hidden": "logsig", "output": "purelin",
        "x": [2.0, 3.5], "d": 0.2, "eta": 0.5,
    },
    # logsig, w_42 = 0, eta = 0.001 and e = 9.3: the cost falls by a factor of 1.004 only
    "logsig-zero-w4-tiny-eta": {
        "w_hidden": [[0.2, 0.15], [-0.3, 0.1], [0.45, -0.25]], "b_hidden": [0.0, 0.25, -0.15],
        "w_output": [[0.65, 0.0, -0.3]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
        "x": [1.0, 2.5], "d": 10.0, "eta": 0.001,
    },
    # tanh, v_1 = 1.5 * (-2) + 2 * (-3) = -9: y_h1 = -1 + 3e-8, so f'(v_1) = 6e-8 (neuron 1's updates are below
    # 10^-6, printed with two significant digits) and Δw_41 = Δb_4 y_h1 prints as -Δb_4; eta = 3 makes the cost grow
    "tanh-nearly-saturated-big-eta": {
        "w_hidden": [[1.5, 2.0], [0.3, -0.2], [-0.25, 0.15]], "b_hidden": [0.0, 0.1, -0.2],
        "w_output": [[0.4, -0.7, 0.55]], "b_output": [0.3], "hidden": "tansig", "output": "purelin",
        "x": [-2.0, -3.0], "d": -2.0, "eta": 3.0,
    },
}


def zero_input_small_error() -> dict:
    """tanh, x = (0, 0), eta = 0.1 and d = y + 0.02 (to 6 decimals; the cost 0.0002 has three digits as printed, as
    the loader requires): rule (1) moves each w_4i by eta e y_hi, about 3e-4 of w_4i, so the factors
    w_4i(n+1)/w_4i(n) are 0.998, 0.998 and 1.0003, one above 1."""
    ex = {"w_hidden": [[0.6, -0.3], [0.2, 0.7], [-0.5, 0.4]], "b_hidden": [0.3, -0.45, 0.15],
          "w_output": [[-0.35, 0.55, 0.9]], "b_output": [0.05], "hidden": "tansig", "output": "purelin",
          "x": [0.0, 0.0], "d": 0.0, "eta": 0.1}
    return {**ex, "d": round(oracle.forward(ex)["y_output"][0] + 0.02, 6)}


def example(name: str) -> dict:
    return zero_input_small_error() if name == "tanh-zero-input-small-error" else json.loads(
        json.dumps(EDGE_EXAMPLES[name]))
