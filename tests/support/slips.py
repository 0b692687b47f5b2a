"""The homework catalogue's classic slips written again in plain math: `slipped` (a slip's name, a plain example
dict) is the whole trace of one iteration with that one slip, in the oracle's step names (``tests/support/oracle.py``).

Nothing here imports ``backprop``: the package's slips (``backprop/_mistakes.py``) are checked against these in
``tests/package/test_homework.py``, and the exercises' boxes, which take their slips from the catalogue, in
``tests/package/test_exercise_hints.py``.
"""

from __future__ import annotations

import math
import re

from tests.support import oracle

#: Each activation's slope as a function of the field, f'(v), in forms the package does not use (it writes f'(v) with
#: the output): e^-v/(1 + e^-v)², 1/cosh² v, 1. The slip derivative-at-output evaluates it at y_hi.
SLOPE_OF_FIELD = {"logsig": lambda v: math.exp(-v) / (1 + math.exp(-v)) ** 2, "tansig": lambda v: 1 / math.cosh(v) ** 2,
                  "purelin": lambda v: 1.0}


def targets(ex: dict) -> list[float]:
    return [float(v) for v in ex["d"]] if isinstance(ex["d"], list) else [float(ex["d"])]


def network(ex: dict, w_hidden, b_hidden, w_output, b_output) -> dict:
    """A network dict of the oracle's form, with the example's activations."""
    return {"w_hidden": w_hidden, "b_hidden": b_hidden, "w_output": w_output, "b_output": b_output,
            "hidden": ex.get("hidden", "logsig"), "output": ex.get("output", "purelin")}


def new_values(ex: dict, deltas: tuple, op) -> dict:
    """θ(n+1) = op(θ(n), Δθ) for every weight and bias."""
    dw_out, db_out, dw_hid, db_hid = deltas
    return network(
        ex,
        [[op(w, dw) for w, dw in zip(row, drow)] for row, drow in zip(ex["w_hidden"], dw_hid)],
        [op(b, db) for b, db in zip(ex["b_hidden"], db_hid)],
        [[op(w, dw) for w, dw in zip(row, drow)] for row, drow in zip(ex["w_output"], dw_out)],
        [op(b, db) for b, db in zip(ex["b_output"], db_out)],
    )


def rows(ex: dict, fp: dict, deltas: tuple, new: dict, forward=oracle.forward, half: float = 0.5) -> dict[str, float]:
    """The trace's named rows (the oracle's names) of a student's forward pass, updates and new network;
    ``forward`` is the student's forward pass, used again for y(n+1); ``half`` the factor of the cost's sum."""
    d = targets(ex)
    e = [dj - yj for dj, yj in zip(d, fp["y_output"])]
    y_next = forward(new, fp["x"])["y_output"]
    n_out = len(d)
    it = {"n_in": len(fp["x"]), "n_hidden": len(fp["y_hidden"]), "n_out": n_out,
          "v_hidden": fp["v_hidden"], "y_hidden": fp["y_hidden"], "v_output": fp["v_output"],
          "y_output": fp["y_output"], "e_list": e, "E": half * sum(v * v for v in e),
          "dw_output": deltas[0], "db_output": deltas[1], "dw_hidden": deltas[2], "db_hidden": deltas[3],
          "w_output_new": new["w_output"], "b_output_new": new["b_output"],
          "w_hidden_new": new["w_hidden"], "b_hidden_new": new["b_hidden"],
          "y_next": y_next[0] if n_out == 1 else y_next,
          "E_next": half * sum((dj - yj) ** 2 for dj, yj in zip(d, y_next))}
    return oracle.trace_values(it)


def rules(ex: dict, fp: dict, *, eta=None, err=None, f_prime_output=None, f_prime_hidden=None, back=None,
          out_input=None, out_bias_input=1.0, hid_bias_input=1.0, hid_input=None) -> tuple:
    """The four rules in plain math for the forward pass ``fp``, with any factor given replaced."""
    eta = ex["eta"] if eta is None else eta
    hidden, output = ex.get("hidden", "logsig"), ex.get("output", "purelin")
    x, y_h, y_o = fp["x"], fp["y_hidden"], fp["y_output"]
    e = [dj - yj for dj, yj in zip(targets(ex), y_o)] if err is None else err
    g_out = [oracle.F_PRIME_FROM_Y[output](y) for y in y_o] if f_prime_output is None else f_prime_output
    g_hid = [oracle.F_PRIME_FROM_Y[hidden](y) for y in y_h] if f_prime_hidden is None else f_prime_hidden
    back = ex["w_output"] if back is None else back
    out_input = y_h if out_input is None else out_input
    J, I, K = range(len(y_o)), range(len(y_h)), range(len(x))  # noqa: E741
    delta_j = [e[j] * g_out[j] for j in J]
    delta_i = [g_hid[i] * sum(delta_j[j] * back[j][i] for j in J) for i in I]
    return ([[eta * delta_j[j] * out_input[i] for i in I] for j in J],
            [eta * delta_j[j] * out_bias_input for j in J],
            [[eta * delta_i[i] * (x[k] if hid_input is None else hid_input[k]) for k in K] for i in I],
            [eta * delta_i[i] * hid_bias_input for i in I])


def plus(a, b):
    return a + b


def slipped(name: str, ex: dict) -> dict[str, float]:
    """The whole trace of ``ex`` with the slip ``name``, in plain math (the catalogue's semantics, written again)."""
    hidden = ex.get("hidden", "logsig")
    fp = oracle.forward(ex)
    right = rules(ex, fp)
    if name == "sign-flipped":  # e = y - d, then the rules as written: the row e and every Δ negated
        deltas = rules(ex, fp, eta=-ex["eta"])
        values = rows(ex, fp, deltas, new_values(ex, deltas, plus))
        return {k: -v if re.fullmatch(r"e\d*", k) else v for k, v in values.items()}
    if name == "updates-sign-flipped":  # e = d - y right, then every Δ negated
        deltas = rules(ex, fp, eta=-ex["eta"])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "no-eta":  # Δ / η
        deltas = rules(ex, fp, eta=1.0)
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "updated-output-weights":  # the oracle's own option: back-propagate through w_ji(n+1)
        it = oracle.iteration(ex, back_weights=oracle.iteration(ex)["w_output_new"])
        return oracle.trace_values(it)
    if name == "no-output-derivative":  # f'(v_j) taken as 1 in every rule
        deltas = rules(ex, fp, f_prime_output=[1.0] * len(fp["y_output"]))
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name in ("wrong-output-derivative", "output-for-output-derivative"):  # at a sigmoid output only
        output = ex.get("output", "purelin")
        if output not in ("logsig", "tansig"):  # no such slip at a linear output (the package: NotApplicable)
            return oracle.trace_values(oracle.iteration(ex))
        other = "tansig" if output == "logsig" else "logsig"
        slope = ([oracle.F_PRIME_FROM_Y[other](y) for y in fp["y_output"]] if name == "wrong-output-derivative"
                 else list(fp["y_output"]))
        deltas = rules(ex, fp, f_prime_output=slope)
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "no-hidden-derivative":
        deltas = rules(ex, fp, f_prime_hidden=[1.0] * len(fp["y_hidden"]))
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "derivative-of-v":  # y(1 - y) or 1 - y² fed with v_i
        deltas = rules(ex, fp, f_prime_hidden=[oracle.F_PRIME_FROM_Y[hidden](v) for v in fp["v_hidden"]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "derivative-at-output":  # f'(v) taken at y_hi
        deltas = rules(ex, fp, f_prime_hidden=[SLOPE_OF_FIELD[hidden](y) for y in fp["y_hidden"]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "wrong-derivative":  # the other sigmoid's: tanh's for logsig, logsig's for tanh and purelin
        other = "tansig" if hidden == "logsig" else "logsig"
        deltas = rules(ex, fp, f_prime_hidden=[oracle.F_PRIME_FROM_Y[other](y) for y in fp["y_hidden"]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "other-derivative-of-v":  # the other sigmoid's derivative of v_i: its output at v_i, then its f'
        other = "tansig" if hidden == "logsig" else "logsig"
        slope = [oracle.F_PRIME_FROM_Y[other](oracle.F[other](v)) for v in fp["v_hidden"]]
        deltas = rules(ex, fp, f_prime_hidden=slope)
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "derivative-plus-sign":  # y(1 + y) or 1 + y²: the derivative table's minus written as a plus
        if hidden not in ("logsig", "tansig"):  # no minus to flip (the package: NotApplicable)
            return oracle.trace_values(oracle.iteration(ex))
        flipped = {"logsig": lambda y: y * (1 + y), "tansig": lambda y: 1 + y * y}[hidden]
        deltas = rules(ex, fp, f_prime_hidden=[flipped(y) for y in fp["y_hidden"]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "derivative-unsquared":  # 1 - y for tanh's 1 - y²: its square left out
        if hidden != "tansig":  # no square to leave out (the package: NotApplicable)
            return oracle.trace_values(oracle.iteration(ex))
        deltas = rules(ex, fp, f_prime_hidden=[1 - y for y in fp["y_hidden"]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "output-for-derivative":  # y_hi where f'(v_i) belongs
        deltas = rules(ex, fp, f_prime_hidden=list(fp["y_hidden"]))
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "no-output-weight":  # the hidden rules with every w_ji taken as 1
        deltas = rules(ex, fp, back=[[1.0] * len(fp["y_hidden"]) for _ in fp["y_output"]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "first-output-only":  # the hidden rules' sum over j cut to j = the first output (several outputs only)
        if len(fp["y_output"]) < 2:
            return oracle.trace_values(oracle.iteration(ex))
        first = [list(ex["w_output"][0])] + [[0.0] * len(fp["y_hidden"]) for _ in fp["y_output"][1:]]
        deltas = rules(ex, fp, back=first)
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name in ("bias-input-x1", "bias-input-x2"):  # Δb_i = the right Δw_ik
        k = int(name[-1]) - 1
        deltas = (right[0], right[1], right[2], [row[k] for row in right[2]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "output-bias-with-y":  # Δb_j times Σ_i y_hi
        deltas = (right[0], [db * sum(fp["y_hidden"]) for db in right[1]], right[2], right[3])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "rule1-uses-v":  # Δw_ji = η δ_j v_i = Δb_j v_i
        deltas = ([[db * v for v in fp["v_hidden"]] for db in right[1]], right[1], right[2], right[3])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "rule1-no-y":  # Δw_ji = η δ_j = Δb_j: each input y_hi replaced by 1
        deltas = ([[db] * len(fp["y_hidden"]) for db in right[1]], right[1], right[2], right[3])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "rule3-no-x":  # Δw_ik = η δ_i: each input x_k replaced by 1
        deltas = rules(ex, fp, hid_input=[1.0] * len(fp["x"]))
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "swapped-inputs":  # Δw_i1 = η δ_i x_2, Δw_i2 = η δ_i x_1; two inputs only (the package: NotApplicable)
        if len(fp["x"]) != 2:
            return oracle.trace_values(oracle.iteration(ex))
        deltas = rules(ex, fp, hid_input=[fp["x"][1], fp["x"][0]])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "cost-for-error":  # E where each e_j belongs
        E = 0.5 * sum((dj - yj) ** 2 for dj, yj in zip(targets(ex), fp["y_output"]))
        deltas = rules(ex, fp, err=[E] * len(fp["y_output"]))
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "cost-without-half":  # E = Σ e_j², at n and at n+1; the rules right
        return rows(ex, fp, right, new_values(ex, right, plus), half=1.0)
    if name == "derivative-without-half":  # ∂(Σ e_j²)/∂e_j = 2 e_j in the rules; e and E right
        deltas = rules(ex, fp, err=[2 * (dj - yj) for dj, yj in zip(targets(ex), fp["y_output"])])
        return rows(ex, fp, deltas, new_values(ex, deltas, plus))
    if name == "other-hidden-activation":  # the other sigmoid in the hidden layer: the whole iteration of that network
        other = "tansig" if hidden == "logsig" else "logsig"
        return oracle.trace_values(oracle.iteration({**ex, "hidden": other}))
    # a slip in the forward pass, at n and again at n+1 (the student's network changed), the rules right for that pass
    forward_slips = {
        "no-hidden-bias": lambda net: {**net, "b_hidden": [0.0] * len(net["b_hidden"])},  # v_i without b_i
        "no-output-bias": lambda net: {**net, "b_output": [0.0] * len(net["b_output"])},  # v_j without b_j
        "fields-for-outputs": lambda net: {**net, "hidden": "purelin"},  # y_hi = v_i; f'(v_i) from that "y_hi"
        "sigmoid-output": lambda net: {**net, "output": hidden},  # the hidden f at the output; f'(v_j) the output's
    }
    if name in forward_slips:
        def slipped_forward(net: dict, x: list[float]) -> dict:
            return oracle.forward(forward_slips[name](net), x)

        fp_slipped = slipped_forward(ex, ex["x"])
        deltas = rules(ex, fp_slipped)
        return rows(ex, fp_slipped, deltas, new_values(ex, deltas, plus), forward=slipped_forward)
    if name == "subtracted-update":
        return rows(ex, fp, right, new_values(ex, right, lambda old, delta: old - delta))
    if name == "no-update":
        return rows(ex, fp, right, new_values(ex, right, lambda old, delta: old))
    if name == "delta-as-new-value":
        return rows(ex, fp, right, new_values(ex, right, lambda old, delta: delta))
    if name == "new-value-as-update":  # every Δ row θ(n) + Δθ(n); the new values right
        new = new_values(ex, right, plus)
        return rows(ex, fp, (new["w_output"], new["b_output"], new["w_hidden"], new["b_hidden"]), new)
    raise AssertionError(f"no plain-math version of {name!r}")
