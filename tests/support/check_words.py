"""What the verification and common-mistakes pages say about the gradient check, checked independently (the oracle's
gradients, reference_net's central differences): `check_orders` ("at least N orders of magnitude") and
`check_floor_sentence` (which gradients the floor of the relative error decides); and the reviews' example networks
the page tests use."""

from __future__ import annotations

import re

from tests.support import oracle
from tests.support.pages import and_list
from tests.support.reference_net import finite_differences, flat, forward, network_of


def check_orders(said: str, wrong: float, right: float) -> None:
    """'at least N orders of magnitude' (or 'at least one order of magnitude'): the whole orders between the two r,
    rounded down, as every page says it. The page divides the unrounded r; each printed one is within 5% of it, so
    10^N is at most their ratio and 10^(N+1) above it, each within 10%."""
    m = re.fullmatch(r"at least (\d+|one) orders? of magnitude", said)
    assert m and (m[1] == "one") == said.endswith("order of magnitude"), said
    n = 1 if m[1] == "one" else int(m[1])
    assert n >= 1 and 10**n <= 1.11 * wrong / right < 1.11**2 * 10 ** (n + 1), (said, wrong, right)
    assert m[1] != "1"


ROWS = ["w_{41}", "w_{42}", "w_{43}", "b_4"] + [f"w_{{{i}{k}}}" for i in (1, 2, 3) for k in (1, 2)] \
    + ["b_1", "b_2", "b_3"]  # the order of reference_net.flat


def check_floor_sentence(ex: dict, said: str, decided: list[str]) -> None:
    """Which gradients the relative error does not judge relatively, as the oracle's gradients and reference_net's
    central differences give them: those exactly 0 in both (named, with 'each a weight whose input ... is 0' when each
    multiplies an x_k or y_hi of 0), those below the floor 1e-8, and 'Every other gradient' / 'Every gradient here' for
    the rest. The pages once said 'every gradient ... is large enough for the relative error to judge it' with x_1 = 0,
    where three are exactly 0 and read r = 0 by the floor."""
    said = re.sub(r"\s+", " ", said)
    p, x, d, eta = network_of(ex)
    it = oracle.iteration(ex)
    a = [-v / eta for v in it["dw_output"][0] + it["db_output"] + [v for row in it["dw_hidden"] for v in row]
         + it["db_hidden"]]
    c = flat(finite_differences(p, x, d, 1e-5))
    y_h, _ = forward(p, x)
    inputs = [y_h[i] for i in range(3)] + [None] + [x[k] for i in range(3) for k in range(2)] + [None] * 3
    rows = [(f"${label}$", ai, ci, given_in) for label, ai, ci, given_in in zip(ROWS, a, c, inputs)
            if f"${label}$" not in decided]
    zero = [(label, given_in) for label, ai, ci, given_in in rows if ai == 0 and ci == 0]
    tiny = [label for label, ai, ci, _ in rows if (ai or ci) and abs(ai) + abs(ci) < 1e-8]
    if zero:
        many = len(zero) > 1
        why = (f" ({'each ' if many else ''}a weight whose input, an $x_k$ or $y_{{hi}}$, is 0)"
               if all(v == 0 for _, v in zero) else "")
        assert (f"The gradient{'s' if many else ''} of {and_list([label for label, _ in zero])} "
                f"{'are' if many else 'is'} exactly 0 in the rules and in the central difference alike{why}, so "
                f"{'their' if many else 'its'} relative error is $0/10^{{-8}} = 0$ by the floor") in said
    else:
        assert "exactly 0 in the rules and in the central difference alike" not in said
    if tiny:
        assert f"of {and_list(tiny)} {'are' if len(tiny) > 1 else 'is'} below the floor" in said
    # the others whose relative error rounding alone (the noise bound over |a| + |c|) can move by 1e-7 or more
    noise = oracle.rounding_noise(ex)
    coarse = [(label, noise / (abs(ai) + abs(ci))) for label, ai, ci, _ in rows
              if abs(ai) + abs(ci) >= 1e-8 and noise / (abs(ai) + abs(ci)) >= 1e-7]
    if coarse:
        many = len(coarse) > 1
        m = re.search(rf"The gradients? of {re.escape(and_list([label for label, _ in coarse]))} "
                      rf"{'are' if many else 'is'} so small that rounding alone can move "
                      rf"{'their' if many else 'its'} relative error by up to \$(\d\.\d) \\times 10\^\{{(-\d+)\}}\$, "
                      r"past the \$10\^\{-7\}\$ below which the check reads rules as right", said)
        assert m, said
        assert float(f"{m[1]}e{m[2]}") >= max(share for _, share in coarse)  # "up to": the largest, rounded up
    else:
        assert "so small that rounding alone can move" not in said
    rest = len(rows) - len(zero) - len(tiny) - len(coarse)
    if rest:
        every = "Every other gradient" if zero or tiny or decided or coarse else "Every gradient here"
        assert f"{every} is large enough for the relative error to judge it." in said
    else:
        assert "large enough for the relative error" not in said


# The review's examples: A (tanh, x = (0, 0), b_i = 0: every v_i = 0), B (logsig, x_1 = 0, eta = 0.01: eta e small)
# and C (A with x = (0.005, 0.004): every f'(v_i) within 2e-5 of 1).
REVIEW_A = {"w_hidden": [[0.5, -0.4], [-0.7, 0.3], [0.2, 0.9]], "b_hidden": [0.0, 0.0, 0.0],
            "w_output": [[0.6, -0.8, 0.4]], "b_output": [0.25], "hidden": "tansig", "output": "purelin",
            "x": [0.0, 0.0], "d": -0.5, "eta": 0.2}
REVIEW_B = {"w_hidden": [[0.3, -0.6], [-0.45, 0.8], [0.9, 0.25]], "b_hidden": [0.2, -0.35, 0.1],
            "w_output": [[-0.7, 1.2, 0.55]], "b_output": [-0.15], "hidden": "logsig", "output": "purelin",
            "x": [0.0, 1.5], "d": 0.815, "eta": 0.01}
REVIEW_C = {**REVIEW_A, "x": [0.005, 0.004]}
# The second review's examples (its files A, B, C2 and E): A peaks alike in both columns of the h table; on B (saturated
# logsig neurons, eta = 0.001) every step of mistake 3's table moves the cost by less than 1e-6; on C2 the allowance
# decides one row; on E every y_hi is about 1e-6 (tanh, v_i of a few 1e-6) while eta e = 0.025.
REVIEW2 = {
    "A": {"w_hidden": [[0.9, 0.3], [0.25, 0.7], [0.5, 0.4]], "b_hidden": [0.1, -0.2, -0.399],
          "w_output": [[0.9, -0.5, 1.2]], "b_output": [0.3], "hidden": "tansig", "output": "purelin",
          "x": [0.8, 0.0], "d": -0.5, "eta": 1.5},
    "B": {"w_hidden": [[0.3, 15.0], [-0.4, -12.0], [0.2, 0.5]], "b_hidden": [0.5, -1.0, 0.1],
          "w_output": [[0.6, -0.7, 0.8]], "b_output": [-0.2], "hidden": "logsig", "output": "purelin",
          "x": [0.0, 1.2], "d": 0.94905, "eta": 0.001},
    "C2": {"w_hidden": [[0.3, 0.7], [0.2, 0.45], [-0.6, -0.1]], "b_hidden": [1e-06, 0.0, 0.05],
           "w_output": [[0.8, -0.9, 0.6]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
           "x": [0.7, -0.3], "d": 0.4, "eta": 0.3},
    "E": {"w_hidden": [[0.2, 0.4], [0.3, 0.6], [-0.1, -0.2]], "b_hidden": [0.000003, -0.000002, 0.000001],
          "w_output": [[0.5, -0.4, 0.7]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
          "x": [0.5, -0.25], "d": 0.25, "eta": 0.6},  # the review's 0.5 made Δb4 = 0.0249985 + 3e-18 by hand, which
}                                                  # its double prints 0.024998: the loader refuses that example
# The third review's examples (its files ex1 and ex2, the verification page): on 1 (tansig, x = (0, 0.8)) the h table's
# central column prints its smallest relative error in two rows (10^-5 and 10^-6); on 2 (logsig, x = (-1, -0.5),
# hidden neurons 1 and 2 alike) dE/dw_31 = -dE/db_3 (x_1 = -1), the one-sided column peaks alike at 10^-11 and 10^-12,
# and Richardson's estimate is largest, at rounding level, for an output weight.
_PRACTICE = {"w_hidden": [[0.4, -0.2], [-0.3, 0.6], [0.2, 0.5]], "b_hidden": [0.1, -0.2, 0.3],
             "w_output": [[0.5, -0.4, 0.8]], "b_output": [-0.1], "hidden": "logsig", "output": "purelin",
             "x": [0.6, -0.8], "d": 0.9, "eta": 0.3}
REVIEW3 = {
    "1": {"w_hidden": [[0.5, -2.0], [-0.8, 1.5], [1.2, 2.0]], "b_hidden": [0.2, -0.1, -0.4],
          "w_output": [[1.5, -0.7, 0.9]], "b_output": [0.3], "hidden": "tansig", "output": "purelin",
          "x": [0.0, 0.8], "d": 1.5, "eta": 1.0},
    "2": {"w_hidden": [[0.3, 0.3], [0.3, 0.3], [-0.2, 0.4]], "b_hidden": [0.1, 0.1, 0.0],
          "w_output": [[0.5, 0.5, 0.5]], "b_output": [0.0], "hidden": "logsig", "output": "purelin",
          "x": [-1.0, -0.5], "d": 2.0, "eta": 0.1, "practice": _PRACTICE},
}


# A TA's: hidden neuron 1 saturated (v_1 = 14.8, f'(v_1) = 3.7e-7, y_h1 written 1.000000), the others not, eta = 2.5,
# d above y (the verification, errata, forward-pass and notation pages' tests)
ONE_SATURATED = {"w_hidden": [[1.5, 1.8], [0.3, -0.5], [-0.2, 0.4]], "b_hidden": [-1.4, 0.1, 0.05],
                 "w_output": [[0.5, -0.7, 1.2]], "b_output": [-0.3], "hidden": "logsig", "output": "purelin",
                 "x": [6.0, 4.0], "d": 2.0, "eta": 2.5}
