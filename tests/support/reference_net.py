"""An independent reference for the page tests: the 2-layer network and its rules in plain Python, index by index.

The four rules (`updates`), with keyword arguments that inject each classic mistake of the common-mistakes page, the
forward pass, the cost, a step (`apply`), central differences of the cost and the gradient check's relative error;
the worked example in use, read with ``json`` (``EX``, ``WORKED``, ``X``, ``D``, ``ETA``); and the multiplications of
backpropagation and of central differences, counted by running both. Like ``oracle.py`` (a second, independent
computation of one iteration, which the page tests compare it with), it never uses ``backprop`` for a value;
``Network.random`` only draws weights.
"""

from __future__ import annotations

import copy
import math

import numpy as np

from backprop import Network
from tests.support import oracle

F = {  # name: (f(v), f'(v) written with y = f(v))
    "logsig": (lambda v: 1.0 / (1.0 + math.exp(-v)), lambda y: y * (1.0 - y)),
    "tansig": (math.tanh, lambda y: 1.0 - y * y),
    "purelin": (lambda v: v, lambda y: 1.0),
}

EX = oracle.load_example()  # the example file in use, read with json
WORKED = {key: EX[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output")} | {
    "hidden": EX.get("hidden", "logsig"), "output": EX.get("output", "purelin")}
X, D, ETA = [float(v) for v in EX["x"]], [float(EX["d"])], float(EX["eta"])
ORDER = ("w_output", "b_output", "w_hidden", "b_hidden")  # the order the pages print them in
LABELS = {
    "w_output": ["w_{41}", "w_{42}", "w_{43}"],
    "b_output": ["b_4"],
    "w_hidden": ["w_{11}", "w_{12}", "w_{21}", "w_{22}", "w_{31}", "w_{32}"],
    "b_hidden": ["b_1", "b_2", "b_3"],
}


def forward(p: dict, x: list[float]) -> tuple[list[float], list[float]]:
    """Hidden outputs y_hi = f(sum_k w_ik x_k + b_i) and outputs y_j = f(sum_i w_ji y_hi + b_j)."""
    f_h, f_o = F[p["hidden"]][0], F[p["output"]][0]
    y_h = [f_h(sum(w * xk for w, xk in zip(row, x)) + b) for row, b in zip(p["w_hidden"], p["b_hidden"])]
    y = [f_o(sum(w * yh for w, yh in zip(row, y_h)) + b) for row, b in zip(p["w_output"], p["b_output"])]
    return y_h, y


def cost(p: dict, x: list[float], d: list[float]) -> float:
    _, y = forward(p, x)
    return 0.5 * sum((dj - yj) ** 2 for dj, yj in zip(d, y))


def updates(p: dict, x, d, eta, *, e_sign=1.0, w_back=None, f_h_prime=None, f_o_prime=True, outputs=None,
            x_input=True) -> dict:
    """The four rules, index by index. The keyword arguments inject each classic mistake:

    e_sign=-1: e = y - d; w_back: the output weights used in the hidden sum; f_h_prime: the hidden
    derivative (None = right one, False = dropped, or a function of y); f_o_prime=False: f'(v_j)
    dropped; outputs: the j that the hidden sum runs over; x_input=False: x_k dropped from Δw_ik.
    """
    y_h, y = forward(p, x)
    dfo = F[p["output"]][1] if f_o_prime else (lambda _y: 1.0)
    dfh = F[p["hidden"]][1] if f_h_prime is None else (f_h_prime or (lambda _y: 1.0))
    e = [e_sign * (dj - yj) for dj, yj in zip(d, y)]
    delta_j = [ej * dfo(yj) for ej, yj in zip(e, y)]
    w_back = p["w_output"] if w_back is None else w_back
    js = range(len(y)) if outputs is None else outputs
    delta_i = [dfh(y_h[i]) * sum(w_back[j][i] * delta_j[j] for j in js) for i in range(len(y_h))]
    return {
        "w_output": [[eta * dj * yh for yh in y_h] for dj in delta_j],
        "b_output": [eta * dj for dj in delta_j],
        "w_hidden": [[eta * di * (xk if x_input else 1.0) for xk in x] for di in delta_i],
        "b_hidden": [eta * di for di in delta_i],
    }


def apply(p: dict, delta: dict) -> dict:
    new = copy.deepcopy(p)
    for name in ORDER:
        if isinstance(new[name][0], list):
            new[name] = [[w + dw for w, dw in zip(r, dr)] for r, dr in zip(new[name], delta[name])]
        else:
            new[name] = [w + dw for w, dw in zip(new[name], delta[name])]
    return new


def flat(values: dict, names=ORDER) -> list[float]:
    out: list[float] = []
    for name in names:
        for v in values[name]:
            out.extend(v if isinstance(v, list) else [v])
    return out


def finite_differences(p: dict, x, d, h: float = 1e-6) -> dict:
    """Central differences of the plain-Python cost, one parameter at a time."""
    grads = {}
    for name in ORDER:
        rows = p[name] if isinstance(p[name][0], list) else [p[name]]
        g = []
        for r, row in enumerate(rows):
            g_row = []
            for c in range(len(row)):
                moved = []
                for sign in (1, -1):
                    q = copy.deepcopy(p)
                    target = q[name][r] if isinstance(p[name][0], list) else q[name]
                    target[c] += sign * h
                    moved.append(cost(q, x, d))
                g_row.append((moved[0] - moved[1]) / (2 * h))
            g.append(g_row)
        grads[name] = g if isinstance(p[name][0], list) else g[0]
    return grads


def relative_error(delta: dict, p: dict, x, d, eta, names=ORDER) -> float:
    """Largest |a - c| / (|a| + |c|) between a = -delta/eta and central differences c."""
    num = flat(finite_differences(p, x, d), names)
    ana = [-v / eta for v in flat(delta, names)]
    return max(abs(a - c) / max(abs(a) + abs(c), 1e-8) for a, c in zip(ana, num))



def network_of(ex: dict) -> tuple[dict, list[float], list[float], float]:
    """(the network as this module's reference functions take it, x, d, eta) of an example file's dict."""
    p = {key: ex[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output")}
    p |= {"hidden": ex.get("hidden", "logsig"), "output": ex.get("output", "purelin")}
    return p, [float(v) for v in ex["x"]], [float(ex["d"])], float(ex["eta"])


def count_multiplications(n_in: int, n_hidden: int, n_out: int) -> tuple[int, int]:
    """(backpropagation, central differences) counted by running both, every product through one counting mul."""
    count = 0

    def mul(a: float, b: float) -> float:
        nonlocal count
        count += 1
        return a * b

    rng = np.random.default_rng(0)
    x, d = rng.uniform(-1, 1, n_in).tolist(), rng.uniform(-1, 1, n_out).tolist()
    p = Network.random(n_in, n_hidden, n_out, seed=1).to_dict()

    def run_forward(p):
        y_h = [F["logsig"][0](sum(mul(w, xk) for w, xk in zip(row, x)) + b) for row, b in zip(p["w_hidden"],
                                                                                         p["b_hidden"])]
        y = [sum(mul(w, yh) for w, yh in zip(row, y_h)) + b for row, b in zip(p["w_output"], p["b_output"])]
        return y_h, y

    y_h, y = run_forward(p)  # backpropagation: one forward pass ...
    delta_o = [mul(dj - yj, 1.0) for dj, yj in zip(d, y)]  # δ_j = e_j f'(v_j)
    delta_h = [mul(F["logsig"][1](y_h[i]), sum(mul(p["w_output"][j][i], delta_o[j]) for j in range(n_out)))
               for i in range(n_hidden)]  # δ_i = f'(v_i) Σ_j w_ji δ_j
    scaled_o, scaled_h = [mul(0.1, dl) for dl in delta_o], [mul(0.1, dl) for dl in delta_h]  # η δ
    _ = [[mul(s, yh) for yh in y_h] for s in scaled_o], [[mul(s, xk) for xk in x] for s in scaled_h]  # η δ input
    backprop, count = count, 0
    params = n_hidden * n_in + n_hidden + n_out * n_hidden + n_out
    for _ in range(params):  # central differences: for each parameter, two forward passes and their costs
        for _side in (+1, -1):
            _, y = run_forward(p)
            _ = sum(mul(dj - yj, dj - yj) for dj, yj in zip(d, y))
    return backprop, count
