"""The hidden weight exercises 8 and 11 ask for, chosen again in plain math from the oracle's iteration (the
package chooses it in backprop/exercises/_weights.py): the first w_ik (w_11, w_12, w_21, ...) whose input x_k is not
0 and whose answer box tells every classic slip from the right answer. Each returns the label and (i, k) from 0.
"""

from __future__ import annotations

from tests.support import oracle

GC_ATOL, GC_RTOL = 1e-6, 1e-4  # exercise 11's answer box, as its page states it: |x − a| ≤ 10^-6 + 10^-4 |a|
OI_ATOL, OI_RTOL = 1e-6, 1e-3  # exercise 8's answer boxes, as its page states them: |x − a| ≤ 10^-6 + 10^-3 |a|


def gradient_weight(example: dict, it: dict) -> tuple[str, int, int]:
    """Exercise 11's weight: the first w_ik whose input x_k is not 0 and whose gradient g = −δ_i x_k lies beyond the
    box's tolerance of each slip (the update −η g, −g, 2g, η g). ``it``: ``oracle.iteration(example)``."""
    x, eta = [float(v) for v in example["x"]], float(example["eta"])
    for i in range(len(example["w_hidden"])):
        for k in range(len(x)):
            g = -it["delta_hidden"][i] * x[k]
            if x[k] != 0 and all(abs(s - g) > GC_ATOL + GC_RTOL * abs(g) for s in (-eta * g, -g, 2 * g, eta * g)):
                return f"w_{i + 1}{k + 1}", i, k
    raise AssertionError("no hidden weight of this example has a gradient that the slips cannot reach")


def iteration_weight(example: dict, it: dict) -> tuple[str, int, int]:
    """Exercise 8's weight: the first w_ik whose input x_k is not 0, whose update Δw_ik = η δ_i x_k is not 0 and whose
    box tells each slip about it from the right w_ik(n+1) = w_ik + Δw_ik: the hidden rules fed with w_4i(n+1), the
    update Δw_ik given as the new value, and the flipped sign w_ik − Δw_ik. ``it``: ``oracle.iteration(example)``."""
    x, eta = [float(v) for v in example["x"]], float(example["eta"])
    w4_next = [w + dw for w, dw in zip(example["w_output"][0], it["dw_output"][0])]
    bug = oracle.iteration(example, back_weights=[w4_next])
    for i in range(len(example["w_hidden"])):
        for k in range(len(x)):
            dw = eta * it["delta_hidden"][i] * x[k]
            right = example["w_hidden"][i][k] + dw
            slips = (bug["w_hidden_new"][i][k], dw, example["w_hidden"][i][k] - dw)
            if x[k] != 0 and dw != 0 and all(abs(s - right) > OI_ATOL + OI_RTOL * abs(right) for s in slips):
                return f"w_{i + 1}{k + 1}", i, k
    raise AssertionError("no hidden weight of this example has an update whose box tells every slip apart")
