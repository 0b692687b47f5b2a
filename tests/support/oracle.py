"""An independent oracle: one iteration n -> n+1 of the slides' network, in plain ``math``.

The tests take their expected values from here, never from ``backprop`` (this module does not import
it, nor numpy): every intermediate of one online iteration for ANY example, read from the example
file with ``json``, so a test holds for whatever worked example ``backprop/example.json`` (or
``$BACKPROP_EXAMPLE``) holds today.

    >>> ex = load_example()                # the example file in use, as a plain dict
    >>> it = iteration(ex)                 # every intermediate, by the slides' final formulas
    >>> it["e"], it["dw_hidden"][0][1]     # e(n) and Δw_12(n)
    >>> trace_values(it)                   # the same, named as ``python -m backprop trace`` names them

An example is a dict with ``w_hidden`` (n_hidden x n_in), ``b_hidden``, ``w_output`` (n_out x n_hidden),
``b_output``, optional ``hidden`` and ``output`` (``logsig``, ``tansig`` or ``purelin``; default logsig
and purelin, as in the slides), ``x``, ``d`` (a number for one output, or a list) and ``eta``.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

from tests.support import ROOT

DEFAULT_FILE = ROOT / "backprop" / "example.json"
EXAMPLES_DIR = ROOT / "tests" / "examples"
ENV = "BACKPROP_EXAMPLE"


def _logsig(v: float) -> float:
    # 1 / (1 + e^{-v}), written so that neither branch overflows
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    z = math.exp(v)
    return z / (1.0 + z)


#: f(v) of each activation.
F = {"logsig": _logsig, "tansig": math.tanh, "purelin": lambda v: v}
#: f'(v) written with the output y = f(v): y (1 - y), 1 - y^2, 1.
F_PRIME_FROM_Y = {"logsig": lambda y: y * (1.0 - y), "tansig": lambda y: 1.0 - y * y, "purelin": lambda y: 1.0}


# --- reading the example file ----------------------------------------------------------------------------


def example_file() -> Path:
    """The example file in use: ``$BACKPROP_EXAMPLE`` if set, else ``backprop/example.json``."""
    return Path(os.environ.get(ENV) or DEFAULT_FILE)


def load_example(path: str | os.PathLike[str] | None = None) -> dict:
    """The example file (default: the one in use) as a plain dict, read with ``json``, not via ``backprop``."""
    with open(example_file() if path is None else path, encoding="utf-8") as fh:
        return json.load(fh)


#: The worked example as the package ships it (``backprop/example.json``), frozen here: a test whose premise needs
#: particular numbers (a tie, a sign, a network that converges in so many steps) takes them from here, so that it keeps
#: them when an instructor edits the package's file or sets ``$BACKPROP_EXAMPLE`` (the tests about the example in use
#: read `load_example`).
SHIPPED = {
    "w_hidden": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [0.1, 0.2, 0.3], "w_output": [[0.7, 0.8, 0.9]],
    "b_output": [0.4], "hidden": "logsig", "output": "purelin", "x": [1.0, 0.5], "d": 1.0, "eta": 0.5,
    "practice": {"w_hidden": [[0.4, -0.2], [-0.3, 0.6], [0.2, 0.5]], "b_hidden": [0.1, -0.2, 0.3],
                 "w_output": [[0.5, -0.4, 0.8]], "b_output": [-0.1], "hidden": "logsig", "output": "purelin",
                 "x": [0.6, -0.8], "d": 0.9, "eta": 0.3},
}


def shipped() -> dict:
    """A copy of `SHIPPED`, to change."""
    return json.loads(json.dumps(SHIPPED))


def practice_of(data: dict) -> dict:
    """The practice example of an example file read with ``load_example``: its "practice" entry, or the package
    file's (the exercises' example)."""
    return data.get("practice") or load_example(DEFAULT_FILE)["practice"]


def other_examples() -> list[Path]:
    """The three other worked examples of ``tests/examples/``."""
    return sorted(EXAMPLES_DIR.glob("*.json"))


def all_example_files() -> list[Path]:
    """The default example file and the three others."""
    return [DEFAULT_FILE, *other_examples()]


# --- one iteration ---------------------------------------------------------------------------------------


def _targets(ex: dict) -> list[float]:
    d = ex["d"]
    return [float(v) for v in d] if isinstance(d, list) else [float(d)]


def forward(ex: dict, x: list[float] | None = None) -> dict:
    """v_i, y_hi, v_j, y_j of the example's network for input ``x`` (default: the example's x)."""
    x = [float(v) for v in (ex["x"] if x is None else x)]
    hidden, output = ex.get("hidden", "logsig"), ex.get("output", "purelin")
    w_ik, b_i, w_ji, b_j = ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"]
    v_h = [sum(w_ik[i][k] * x[k] for k in range(len(x))) + b_i[i] for i in range(len(b_i))]
    y_h = [F[hidden](v) for v in v_h]
    v_o = [sum(w_ji[j][i] * y_h[i] for i in range(len(y_h))) + b_j[j] for j in range(len(b_j))]
    y_o = [F[output](v) for v in v_o]
    return {"x": x, "v_hidden": v_h, "y_hidden": y_h, "v_output": v_o, "y_output": y_o}


def cost(ex: dict, y_output: list[float]) -> float:
    """E = 1/2 sum_j e_j^2 with e_j = d_j - y_j."""
    return 0.5 * sum((d - y) ** 2 for d, y in zip(_targets(ex), y_output, strict=True))


def moved_by(ex: dict, name: str, idx: tuple, step: float) -> dict:
    """A copy of the plain example ``ex`` with one parameter entry (``name``, ``idx``) moved by ``step``."""
    moved = {k: [list(r) if isinstance(r, list) else r for r in v] if isinstance(v, list) else v
             for k, v in ex.items()}
    row = moved[name] if len(idx) == 1 else moved[name][idx[0]]
    row[idx[-1]] += step
    return moved


def noise_bound(point: dict, h: float = 1e-5) -> float:
    r"""How far rounding can move a central difference of E at one network and sample, in plain math: the bound
    $10\,\varepsilon \big(E + \sum_j |e_j|\,(|y_j| + S_j)\big) / h$, with $S_j = |b_j| + \sum_i |w_{ji}|\,\big(|y_{hi}|
    + f'(v_i)\,(|b_i| + \sum_k |w_{ik} x_k|)\big)$."""
    fp = forward(point)
    y_h, y = fp["y_hidden"], fp["y_output"]
    slopes = [F_PRIME_FROM_Y[point.get("hidden", "logsig")](v) for v in y_h]
    hidden_size = [abs(y_h[i]) + slopes[i] * (abs(point["b_hidden"][i])
                                              + sum(abs(w * xk) for w, xk in zip(point["w_hidden"][i], point["x"])))
                   for i in range(len(y_h))]
    sums = [abs(b) + sum(abs(w) * s for w, s in zip(row, hidden_size))
            for row, b in zip(point["w_output"], point["b_output"])]
    errors = [dj - yj for dj, yj in zip(_targets(point), y)]
    cost = 0.5 * sum(e * e for e in errors)
    return 10 * sys.float_info.epsilon * (cost + sum(abs(e) * (abs(yj) + s) for e, yj, s in zip(errors, y, sums))) / h


def rounding_noise(ex: dict, h: float = 1e-5) -> float:
    """`noise_bound`, the largest at the weights and at every theta +- h a central difference evaluates E at."""
    names = ("w_hidden", "b_hidden", "w_output", "b_output")
    points = [ex] + [moved_by(ex, name, (i,) if not isinstance(entry, list) else (i, k), sign * h)
                     for name in names for i, entry in enumerate(ex[name])
                     for k in (range(len(entry)) if isinstance(entry, list) else [None]) for sign in (1, -1)]
    return max(noise_bound(point, h) for point in points)


def iteration(ex: dict, back_weights: list[list[float]] | None = None) -> dict:
    """Every intermediate of one online iteration n -> n+1, from the slides' final formulas.

    Returns a dict of plain floats and lists: ``v_hidden``, ``y_hidden``, ``v_output``, ``y_output``
    (lists), ``e`` and ``y`` (floats for one output, else lists), ``e_list``, ``E``, ``fp_hidden``
    (f'(v_i)), ``fp_output`` (f'(v_j)), ``dw_output`` (Δw_ji, n_out x n_hidden), ``db_output``,
    ``dw_hidden`` (Δw_ik, n_hidden x n_in), ``db_hidden``, the new values ``w_output_new``,
    ``b_output_new``, ``w_hidden_new``, ``b_hidden_new``, and ``y_next`` / ``E_next``: the output and
    the cost for the same x and d after the update.

    ``back_weights`` replaces w_ji(n) in the hidden rules: passing w_ji(n+1) gives the classic mistake
    (update the output layer first, then back-propagate through the new weights).
    """
    hidden, output = ex.get("hidden", "logsig"), ex.get("output", "purelin")
    eta = float(ex["eta"])
    d = _targets(ex)
    fp = forward(ex)
    x, y_h, y_o = fp["x"], fp["y_hidden"], fp["y_output"]
    n_in, n_hidden, n_out = len(x), len(y_h), len(y_o)
    w_ik, b_i, w_ji, b_j = ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"]
    if len(d) != n_out:
        raise ValueError(f"d has {len(d)} values for {n_out} outputs")

    e = [d[j] - y_o[j] for j in range(n_out)]  # e_j = d_j - y_j
    E = 0.5 * sum(ej * ej for ej in e)
    fp_out = [F_PRIME_FROM_Y[output](y) for y in y_o]  # f'(v_j)
    fp_hid = [F_PRIME_FROM_Y[hidden](y) for y in y_h]  # f'(v_i)
    delta_j = [e[j] * fp_out[j] for j in range(n_out)]  # local gradient of output j
    dw_out = [[eta * delta_j[j] * y_h[i] for i in range(n_hidden)] for j in range(n_out)]  # rule (1)
    db_out = [eta * delta_j[j] for j in range(n_out)]  # rule (2)
    back = w_ji if back_weights is None else back_weights
    delta_i = [fp_hid[i] * sum(delta_j[j] * back[j][i] for j in range(n_out)) for i in range(n_hidden)]
    dw_hid = [[eta * delta_i[i] * x[k] for k in range(n_in)] for i in range(n_hidden)]  # rule (3)
    db_hid = [eta * delta_i[i] for i in range(n_hidden)]  # rule (4)

    new = {
        "w_hidden": [[w_ik[i][k] + dw_hid[i][k] for k in range(n_in)] for i in range(n_hidden)],
        "b_hidden": [b_i[i] + db_hid[i] for i in range(n_hidden)],
        "w_output": [[w_ji[j][i] + dw_out[j][i] for i in range(n_hidden)] for j in range(n_out)],
        "b_output": [b_j[j] + db_out[j] for j in range(n_out)],
        "hidden": hidden,
        "output": output,
    }
    y_next = forward(new, x)["y_output"]
    single = n_out == 1
    return {
        "x": x, "d": d[0] if single else d, "eta": eta, "hidden": hidden, "output": output,
        "n_in": n_in, "n_hidden": n_hidden, "n_out": n_out,
        "v_hidden": fp["v_hidden"], "y_hidden": y_h, "v_output": fp["v_output"], "y_output": y_o,
        "y": y_o[0] if single else y_o, "e": e[0] if single else e, "e_list": e, "E": E,
        "fp_hidden": fp_hid, "fp_output": fp_out, "delta_output": delta_j, "delta_hidden": delta_i,
        "dw_output": dw_out, "db_output": db_out, "dw_hidden": dw_hid, "db_hidden": db_hid,
        "w_output_new": new["w_output"], "b_output_new": new["b_output"],
        "w_hidden_new": new["w_hidden"], "b_hidden_new": new["b_hidden"], "new": new,
        "y_next": y_next[0] if single else y_next, "E_next": cost(ex, y_next),
    }


def trace_values(it: dict) -> dict[str, float]:
    """The intermediates of :func:`iteration`, named as ``python -m backprop trace`` prints them, in its order:
    ..., the new values, then ``y(n+1)`` (``y5(n+1)``, ... for several outputs) and ``E(n+1)``.

    Hidden neurons are numbered 1..n_hidden, outputs after them (the slides' 4), inputs from 1.
    """
    n_in, n_hidden, n_out = it["n_in"], it["n_hidden"], it["n_out"]
    hid = list(range(1, n_hidden + 1))
    out = list(range(n_hidden + 1, n_hidden + n_out + 1))
    single = n_out == 1

    def w(a: int, b: int) -> str:
        return f"w{a}{b}" if a < 10 and b < 10 else f"w{a},{b}"

    rows: dict[str, float] = {}
    rows |= {f"v{i}": it["v_hidden"][a] for a, i in enumerate(hid)}
    rows |= {f"y_h{i}": it["y_hidden"][a] for a, i in enumerate(hid)}
    rows |= {f"v{j}": it["v_output"][a] for a, j in enumerate(out)}
    rows |= {("y" if single else f"y{j}"): it["y_output"][a] for a, j in enumerate(out)}
    rows |= {("e" if single else f"e{j}"): it["e_list"][a] for a, j in enumerate(out)}
    rows["E"] = it["E"]
    rows |= {f"Δ{w(j, i)}": it["dw_output"][a][b] for a, j in enumerate(out) for b, i in enumerate(hid)}
    rows |= {f"Δb{j}": it["db_output"][a] for a, j in enumerate(out)}
    rows |= {f"Δ{w(i, k + 1)}": it["dw_hidden"][a][k] for a, i in enumerate(hid) for k in range(n_in)}
    rows |= {f"Δb{i}": it["db_hidden"][a] for a, i in enumerate(hid)}
    rows |= {f"{w(j, i)}(n+1)": it["w_output_new"][a][b] for a, j in enumerate(out) for b, i in enumerate(hid)}
    rows |= {f"b{j}(n+1)": it["b_output_new"][a] for a, j in enumerate(out)}
    rows |= {f"{w(i, k + 1)}(n+1)": it["w_hidden_new"][a][k] for a, i in enumerate(hid) for k in range(n_in)}
    rows |= {f"b{i}(n+1)": it["b_hidden_new"][a] for a, i in enumerate(hid)}
    y_next = [it["y_next"]] if single else it["y_next"]  # the updated network, the same x
    rows |= {("y(n+1)" if single else f"y{j}(n+1)"): y_next[a] for a, j in enumerate(out)}
    rows["E(n+1)"] = it["E_next"]
    return rows


def by_hand(ex: dict) -> dict:
    """One iteration of a 2-3-1 example as a student works it out on paper: every intermediate rounded to six decimals,
    as the pages print them (the fields, outputs, error, local gradients, updates), the new weights and biases from
    those, and y(n+1), E(n+1) from a forward pass of the new ones. Keys as `iteration`'s: ``w_output_new``,
    ``b_output_new``, ``w_hidden_new``, ``b_hidden_new``, ``y_next``, ``E_next``."""
    f = {"logsig": _logsig, "tansig": math.tanh}[ex.get("hidden", "logsig")]
    slope = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y * y}[ex.get("hidden", "logsig")]
    x, d, eta = ex["x"], ex["d"], ex["eta"]
    (w4,), (b4,) = ex["w_output"], ex["b_output"]

    def r6(v: float) -> float:
        return round(v, 6)

    def outputs(w_hidden, b_hidden, w4, b4):
        y_h = [r6(f(r6(sum(w * xk for w, xk in zip(row, x)) + b))) for row, b in zip(w_hidden, b_hidden)]
        return y_h, r6(sum(w * y for w, y in zip(w4, y_h)) + b4)

    y_h, y = outputs(ex["w_hidden"], ex["b_hidden"], w4, b4)
    e = r6(d - y)
    delta = [r6(e * w * r6(slope(yh))) for w, yh in zip(w4, y_h)]
    w_hidden = [[w + r6(eta * di * xk) for w, xk in zip(row, x)] for row, di in zip(ex["w_hidden"], delta)]
    b_hidden = [b + r6(eta * di) for b, di in zip(ex["b_hidden"], delta)]
    w4_next, b4_next = [w + r6(eta * e * yh) for w, yh in zip(w4, y_h)], b4 + r6(eta * e)
    _, y_next = outputs(w_hidden, b_hidden, w4_next, b4_next)
    return {"w_output_new": [w4_next], "b_output_new": [b4_next], "w_hidden_new": w_hidden, "b_hidden_new": b_hidden,
            "y_next": y_next, "E_next": r6(0.5 * (d - y_next) ** 2)}


def carried_by_hand(ex: dict, write) -> dict[str, float]:
    """One iteration of a 2-3-1 example in plain math as a student works it on paper: each value the pages print
    (v_i, y_hi, v_4, y, e, E, f'(v_4), δ_4, f'(v_i), δ_i, the Δs, the new values, and v_i, y_hi, v_4 again at n+1) is
    passed through ``write`` (round it to six decimals, write it with more, or keep it) before a later step uses it.
    Keys: the trace's names (`trace_values`'s)."""
    hidden, output = ex.get("hidden", "logsig"), ex.get("output", "purelin")
    f, f_out = F[hidden], F[output]
    slope, slope_out = F_PRIME_FROM_Y[hidden], F_PRIME_FROM_Y[output]
    x, d, eta = ex["x"], float(ex["d"]), ex["eta"]

    def forward(w_hidden, b_hidden, w4, b4):
        v = [write(sum(w * xk for w, xk in zip(row, x)) + b) for row, b in zip(w_hidden, b_hidden)]
        y_h = [write(f(vi)) for vi in v]
        v4 = write(sum(w * y for w, y in zip(w4, y_h)) + b4)
        return v, y_h, v4, v4 if output == "purelin" else write(f_out(v4))

    (w4,), (b4,) = ex["w_output"], ex["b_output"]
    v, y_h, v4, y = forward(ex["w_hidden"], ex["b_hidden"], w4, b4)
    e = write(d - y)
    delta4 = e if output == "purelin" else write(e * write(slope_out(y)))  # δ_4 = e · 1 for a linear output
    delta = [write(write(slope(yh)) * w * delta4) for w, yh in zip(w4, y_h)]  # δ_i = f'(v_i) w_4i δ_4
    dw4, db4 = [write(eta * delta4 * yh) for yh in y_h], write(eta * delta4)
    dw = [[write(eta * di * xk) for xk in x] for di in delta]
    db = [write(eta * di) for di in delta]
    new_w4, new_b4 = [write(w + dd) for w, dd in zip(w4, dw4)], write(b4 + db4)
    new_wh = [[write(w + dd) for w, dd in zip(row, drow)] for row, drow in zip(ex["w_hidden"], dw)]
    new_bh = [write(b + dd) for b, dd in zip(ex["b_hidden"], db)]
    y_next = forward(new_wh, new_bh, new_w4, new_b4)[3]
    return trace_values({
        "n_in": len(x), "n_hidden": len(y_h), "n_out": 1, "v_hidden": v, "y_hidden": y_h, "v_output": [v4],
        "y_output": [y], "e_list": [e], "E": write(0.5 * e * e), "dw_output": [dw4], "db_output": [db4],
        "dw_hidden": dw, "db_hidden": db, "w_output_new": [new_w4], "b_output_new": [new_b4],
        "w_hidden_new": new_wh, "b_hidden_new": new_bh, "y_next": y_next, "E_next": write(0.5 * (d - y_next) ** 2)})


def with_sample(ex: dict, **changes: object) -> dict:
    """A copy of ``ex`` with other x, d, eta or weights: ``with_sample(ex, x=[0.5, 2.0], eta=0.1)``."""
    return {**ex, **changes}


def number_string(value: float, decimals: int = 6) -> str:
    """A number as the site and the CLI write it: ``decimals`` decimals, and a zero that rounds from below written
    without its minus (0.000000, not -0.000000)."""
    text = f"{float(value):.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def printed_far_off(value: float) -> bool:
    """Whether six decimals write ``value`` more than 5 % off it, the pages' rule for a number they must not use as
    printed (0.000001 for 5.0e-7; 0.000000 for any small one), in plain math."""
    printed = float(number_string(value))
    return printed != value and abs(printed - value) > 0.05 * abs(value)


def in_scientific(value: float) -> bool:
    """Whether the pages' formulas write ``value`` with two significant digits in scientific notation: it is not 0,
    and six decimals keep fewer than two of its digits (it prints below 0.000010 in size) or are far off."""
    return value != 0 and (abs(float(number_string(value))) < 0.00001 or printed_far_off(value))


def formula_string(value: float) -> str:
    """A number as the pages' formulas write it: `number_string`, or where `in_scientific`, two significant digits in
    TeX's scientific notation (``3.7 \\times 10^{-6}``), written here from Python's format."""
    if not in_scientific(value):
        return number_string(value)
    mantissa, exponent = f"{float(value):.1e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def at_most_string(value: float) -> str:
    """A bound a sentence says "at most" of, as the pages write it: its size rounded up to two significant digits, in
    TeX's scientific notation (5.043e-6 -> ``5.1 \\times 10^{-6}``), worked out here with integers."""
    size = abs(float(value))
    exponent = math.floor(math.log10(size))
    units = math.ceil(size / 10.0 ** (exponent - 1) * (1 - 1e-15))  # two digits, up; the factor: 5.0e-6 stays 50
    if units >= 100:
        units, exponent = 10, exponent + 1
    return rf"{'-' if value < 0 else ''}{units // 10}.{units % 10} \times 10^{{{exponent}}}"


_SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def plain_string(value: float, html: bool = False) -> str:
    """`formula_string` as the live page writes it outside TeX: a real minus sign, and ``3.7 × 10⁻⁶`` with the
    exponent in superscript characters (a finite difference, the plot's caption), or with ``html``, as its formulas'
    HTML writes it (``BackpropEngine.texToHtml``), ``3.7 × 10<sup>−6</sup>``."""
    if not in_scientific(value):
        return number_string(value).replace("-", "\u2212")
    mantissa, exponent = f"{float(value):.1e}".split("e")
    power = f"<sup>{int(exponent)}</sup>" if html else str(int(exponent)).translate(_SUPERSCRIPT)
    return f"{mantissa} \u00d7 10{power}".replace("-", "\u2212")


def formula_value(value: float) -> float:
    """The number a reader reads from `formula_string`: the six decimals, or the two significant digits."""
    return float(f"{float(value):.1e}") if in_scientific(value) else float(number_string(value))


def formula_rel(shown: float, exact: float) -> str:
    """``=`` where ``shown``, computed from the numbers as the formulas write them, rounds to ``exact`` as they write
    it (`formula_string`; off by less than half its last digit, with a margin of 10^-6 of that for a tie), else
    ``\\approx``."""
    written = formula_string(exact).split(r" \times 10^")
    last = 1e-6 if len(written) == 1 else 10.0 ** (int(written[1].strip("{}")) - 1)
    return "=" if abs(shown - formula_value(exact)) < 0.5 * last * (1 - 1e-6) else r"\approx"


def number_strings(values, decimals: int = 6) -> set[str]:
    """Every number of a nested list/dict of floats written as the site writes it (`number_string`)."""
    found: set[str] = set()

    def walk(v):
        if isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list | tuple):
            for item in v:
                walk(item)
        elif isinstance(v, int | float) and not isinstance(v, bool):
            found.add(number_string(v, decimals))

    walk(values)
    return found


# --- fixed networks with values known by hand or published ---------------------------------------------------

LN3 = math.log(3.0)

#: The slides' network (2-3-1, logsig hidden, linear output) with weights chosen so that one iteration can be done
#: with fractions: x = (2, 4) gives the hidden fields v = (ln 3, 0, -ln 3), so y_h = (3/4, 1/2, 1/4) and
#: f'(v_i) = y_hi (1 - y_hi) = (3/16, 1/4, 3/16); y = 3/4 - 1/4 + 1/16 + 1/8 = 11/16 and d = 27/16 make e = 1.
HAND = {
    "w_hidden": [[0.5, -0.25], [-0.5, 0.25], [0.5, -0.25]],
    "b_hidden": [LN3, 0.0, -LN3],
    "w_output": [[1.0, -0.5, 0.25]],
    "b_output": [0.125],
    "hidden": "logsig",
    "output": "purelin",
    "x": [2.0, 4.0],
    "d": 1.6875,
    "eta": 0.5,
}
#: HAND's iteration, worked out by hand (fractions written as decimals; each is exact in binary but the ln 3 terms).
HAND_VALUES = {
    "v_hidden": [LN3, 0.0, -LN3],
    "y_hidden": [0.75, 0.5, 0.25],
    "fp_hidden": [0.1875, 0.25, 0.1875],
    "y": 0.6875,
    "e": 1.0,
    "E": 0.5,
    "dw_output": [[0.375, 0.25, 0.125]],  # η e y_hi = 1/2 y_hi
    "db_output": [0.5],  # η e
    "dw_hidden": [[0.1875, 0.375], [-0.125, -0.25], [0.046875, 0.09375]],  # η e w_4i f'(v_i) x_k
    "db_hidden": [0.09375, -0.0625, 0.0234375],  # η e w_4i f'(v_i)
    "w_output_new": [[1.375, -0.25, 0.375]],
    "b_output_new": [0.625],
    "w_hidden_new": [[0.6875, 0.125], [-0.625, 0.0], [0.546875, -0.15625]],
    "b_hidden_new": [LN3 + 0.09375, -0.0625, -LN3 + 0.0234375],
}

#: Matt Mazur, "A Step by Step Backpropagation Example" (2015): a 2-2-2 network, logistic in both layers, one
#: sample, η = 0.5, E = Σ 1/2 (target - out)^2. His w1..w4 are w_11, w_12, w_21, w_22; w5..w8 are w_31, w_32,
#: w_41, w_42 in the slides' numbering; b1 and b2 are one bias shared by each layer (he leaves them out of the
#: update).
MAZUR = {
    "w_hidden": [[0.15, 0.20], [0.25, 0.30]],
    "b_hidden": [0.35, 0.35],
    "w_output": [[0.40, 0.45], [0.50, 0.55]],
    "b_output": [0.60, 0.60],
    "hidden": "logsig",
    "output": "logsig",
    "x": [0.05, 0.10],
    "d": [0.01, 0.99],
    "eta": 0.5,
}
#: The numbers his article prints, as it prints them (rounded to 4, 8 or 9 decimals).
MAZUR_PUBLISHED = {
    "v_hidden": ["0.3775", None],  # net_h1
    "y_hidden": ["0.593269992", "0.596884378"],  # out_h1, out_h2
    "v_output": ["1.105905967", None],  # net_o1
    "y_output": ["0.75136507", "0.772928465"],  # out_o1, out_o2
    "E": "0.298371109",  # E_total
    "w_output_new": [["0.35891648", "0.408666186"], ["0.511301270", "0.561370121"]],  # w5+ w6+ / w7+ w8+
    "w_hidden_new": [["0.149780716", "0.19956143"], ["0.24975114", "0.29950229"]],  # w1+ w2+ / w3+ w4+
}


def as_published(value: float, published: str) -> str:
    """``value`` rounded to as many decimals as ``published`` has: compare a computed number with a printed one."""
    return f"{value:.{len(published.split('.')[1])}f}"


def exact_steps(ex: dict) -> dict:
    """One iteration of a 2-3-1 example by hand: every step of `trace_values`' names (and f'(v1) ... f'(v4), δ4,
    δ1 ... δ3 and the gradients ∂E/∂w41 ... ∂E/∂b3 after them) with mpmath, at the caller's precision
    (``with mpmath.workdps(80):``), each given number read from its decimal text (0.1, not the double nearest it)."""
    import mpmath  # here: most tests that import the oracle need plain math only
    m = lambda value: mpmath.mpf(repr(float(value)))  # noqa: E731 - as the file writes it: 0.1, not its double
    f = {"logsig": lambda v: 1 / (1 + mpmath.exp(-v)), "tansig": mpmath.tanh, "purelin": lambda v: v}
    slope = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y**2, "purelin": lambda y: mpmath.mpf(1)}
    hid, out = ex.get("hidden", "logsig"), ex.get("output", "purelin")
    x, d, eta = [m(v) for v in ex["x"]], m(ex["d"]), m(ex["eta"])

    def forward(w, b, w4, b4):
        v = [sum(m_ * xk for m_, xk in zip(row, x)) + bi for row, bi in zip(w, b)]
        y_h = [f[hid](vi) for vi in v]
        v4 = sum(wi * yi for wi, yi in zip(w4, y_h)) + b4
        return v, y_h, v4, f[out](v4)

    w, b = [[m(a) for a in row] for row in ex["w_hidden"]], [m(a) for a in ex["b_hidden"]]
    w4, b4 = [m(a) for a in ex["w_output"][0]], m(ex["b_output"][0])
    v, y_h, v4, y = forward(w, b, w4, b4)
    e = d - y
    delta4 = e * slope[out](y)
    delta = [slope[hid](y_h[i]) * w4[i] * delta4 for i in range(3)]
    steps = {f"v{i + 1}": v[i] for i in range(3)} | {f"y_h{i + 1}": y_h[i] for i in range(3)}
    steps |= {"v4": v4, "y": y, "e": e, "E": e**2 / 2}
    steps |= {f"Δw4{i + 1}": eta * delta4 * y_h[i] for i in range(3)} | {"Δb4": eta * delta4}
    steps |= {f"Δw{i + 1}{k + 1}": eta * delta[i] * x[k] for i in range(3) for k in range(2)}
    steps |= {f"Δb{i + 1}": eta * delta[i] for i in range(3)}
    new_w4 = [w4[i] + eta * delta4 * y_h[i] for i in range(3)]
    new_b4 = b4 + eta * delta4
    new_w = [[w[i][k] + eta * delta[i] * x[k] for k in range(2)] for i in range(3)]
    new_b = [b[i] + eta * delta[i] for i in range(3)]
    steps |= {f"w4{i + 1}(n+1)": new_w4[i] for i in range(3)} | {"b4(n+1)": new_b4}
    steps |= {f"w{i + 1}{k + 1}(n+1)": new_w[i][k] for i in range(3) for k in range(2)}
    steps |= {f"b{i + 1}(n+1)": new_b[i] for i in range(3)}
    y_next = forward(new_w, new_b, new_w4, new_b4)[3]
    steps |= {"y(n+1)": y_next, "E(n+1)": (d - y_next) ** 2 / 2}
    steps |= {f"f'(v{i + 1})": slope[hid](y_h[i]) for i in range(3)} | {"f'(v4)": slope[out](y)}
    steps |= {"δ4": delta4} | {f"δ{i + 1}": delta[i] for i in range(3)}  # the local gradients
    # the gradients: ∂E/∂θ = -δ times θ's input, in the updates' order and named as they are
    steps |= {"∂E/∂" + name[1:]: -value / eta for name, value in list(steps.items()) if name.startswith("Δ")}
    return steps
