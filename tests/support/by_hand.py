"""Example networks for the checks of printed digits against the values by hand (`backprop._exact` for the loader,
the live page's engine's handIteration and digitsOff): examples whose doubles print a digit the value by hand has
not, found by reviews and a random search, and an odd one every check runs on."""

from __future__ import annotations

# A tanh example with a field 0 by hand (0.5 · 0.6 + 0.375 · (-0.8) + 0, whose double is not 0), larger numbers and a
# logsig output: the iteration by hand is checked on it beside the example files.
ODD = {"w_hidden": [[0.5, 0.375], [-120.5, 3.25], [0.001, -0.002]], "b_hidden": [0.0, 80.125, 0.3],
       "w_output": [[-2.5, 0.75, 40.0]], "b_output": [-0.1], "hidden": "tansig", "output": "logsig",
       "x": [0.6, -0.8], "d": 0.9, "eta": 0.000125}

#: The keys of a network in an example dict.
NET_KEYS = ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")

# Examples whose doubles print a digit the value by hand does not have, by the first such value (in the order of
# backprop._exact.iteration).
OFF_BY_A_DIGIT = {
    # a test's: w_41 = 100000.000007 amplifies the rounding of e = d - y (about 1e-11 of 0.22) through the hidden
    # updates into y(n+1): E(n+1) printed 49661.485428, by hand 49661.4854285...
    "E(n+1)": {"w_hidden": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [-0.2, -0.7, -1.1],
               "w_output": [[100000.000007, 1, 1]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
               "x": [1.0, 0.5], "d": 50001.5, "eta": 0.000001},
    # hidden neurons near saturation leave y a hair from 3.431 - 2.551, so E a hair from the tie 3.2538005
    "E": {"w_hidden": [[-5.538, 7.2], [-1.0, 4.56], [-3.75, 9.0]], "b_hidden": [4.8, -1.63, -6.74],
          "w_output": [[0.96, -9.882, -3.78]], "b_output": [-0.88], "hidden": "logsig", "output": "purelin",
          "x": [-1.13, -9.3], "d": -3.431, "eta": 0.001},
    # a review's: y about 0.2 + 3e-6 leaves Δb4 = η e a hair (3e-18) above the tie 0.0249985, its double below it
    "Δb4": {"w_hidden": [[0.2, 0.4], [0.3, 0.6], [-0.1, -0.2]], "b_hidden": [0.000003, -0.000002, 0.000001],
            "w_output": [[0.5, -0.4, 0.7]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
            "x": [0.5, -0.25], "d": 0.25, "eta": 0.5},
    # a code review's: 1 - y cancels in f'(v_2), and w_42 of 676 and δ_4 of 51 carry it into δ_2 = 23805.684398, by hand
    # 23805.6843985001... (the updates built on it print right)
    "δ2": {"w_hidden": [[-1.205, 0.263], [0.721, -0.958], [0.47, -1.488]], "b_hidden": [0.715, -0.245, -0.889],
           "w_output": [[923.62, 675.86, 973.94]], "b_output": [-992.19], "hidden": "tansig", "output": "purelin",
           "x": [-1.04, 1.82], "d": 396.99, "eta": 0.1},
}
