r"""Which step of one iteration is computed from which: what a wrong value carries into.

A student computes each step of `backprop._trace.trace` from the steps before it, by the slides' formulas:

$$
y_{hi} = f(v_i), \quad v_j = \sum_i w_{ji}\, y_{hi} + b_j, \quad e_j = d_j - y_j, \quad
E = \tfrac12 \sum_j e_j^2, \quad \Delta w_{ji} = \eta\, e_j\, f'(v_j)\, y_{hi}, \quad
\Delta w_{ik} = \eta \Big(\sum_j e_j\, f'(v_j)\, w_{ji}\Big) f'(v_i)\, x_k,
$$

a new value $\theta(n+1) = \theta(n) + \Delta\theta$ from its own update, and $y_j(n+1)$ from the new weights and
biases of the hidden layer and of output $j$.
The weights at time $n$, $x$, $d$ and $\eta$ are given, not computed. A $\Delta$ takes $f'$ from the output it
belongs to ($y_j$, $y_{hi}$), and never another $\Delta$; $E$ feeds nothing.
"""

from __future__ import annotations

import functools

from . import labels


@functools.cache
def computed_from(n_in: int = 2, n_hidden: int = 3, n_out: int = 1) -> dict[str, tuple[str, ...]]:
    """Each step of a network of these sizes, in trace order, with the steps its formula takes."""
    hid, out = labels.hidden_neurons(n_hidden), labels.output_neurons(n_hidden, n_out)
    y = {j: "y" if n_out == 1 else f"y{j}" for j in out}
    e = {j: "e" if n_out == 1 else f"e{j}" for j in out}
    sent_back = tuple(step for j in out for step in (y[j], e[j]))  # δ_j of every output, in every hidden rule

    def w(a: int, b: int) -> str:
        return labels.weight(a, b, sep="")

    steps: dict[str, tuple[str, ...]] = {}
    steps.update({f"v{i}": () for i in hid})
    steps.update({f"y_h{i}": (f"v{i}",) for i in hid})
    steps.update({f"v{j}": tuple(f"y_h{i}" for i in hid) for j in out})
    steps.update({y[j]: (f"v{j}",) for j in out})
    steps.update({e[j]: (y[j],) for j in out})
    steps["E"] = tuple(e.values())
    steps.update({f"Δ{w(j, i)}": (y[j], e[j], f"y_h{i}") for j in out for i in hid})
    steps.update({f"Δb{j}": (y[j], e[j]) for j in out})
    steps.update({f"Δ{w(i, k)}": (*sent_back, f"y_h{i}") for i in hid for k in labels.inputs(n_in)})
    steps.update({f"Δb{i}": (*sent_back, f"y_h{i}") for i in hid})
    parameters = [name.removeprefix("Δ") for name in steps if name.startswith("Δ")]
    steps.update({f"{p}(n+1)": (f"Δ{p}",) for p in parameters})
    hidden_new = (*(f"{w(i, k)}(n+1)" for i in hid for k in labels.inputs(n_in)), *(f"b{i}(n+1)" for i in hid))
    # y_j(n+1): the hidden layer's new weights and biases, and output j's own (not another output's)
    steps.update({f"{y[j]}(n+1)": (*(f"{w(j, i)}(n+1)" for i in hid), f"b{j}(n+1)", *hidden_new) for j in out})
    steps["E(n+1)"] = tuple(f"{y[j]}(n+1)" for j in out)
    return steps


def builds_on(name: str, n_in: int = 2, n_hidden: int = 3, n_out: int = 1) -> tuple[str, ...]:
    """The steps computed from step ``name``, directly or through others, in trace order: those a wrong value there
    carries into (``Δw42``: ``w42(n+1)``, ``y(n+1)``, ``E(n+1)``; ``E``: none)."""
    steps = computed_from(n_in, n_hidden, n_out)
    if name not in steps:
        raise ValueError(f"no step {name!r} in a {n_in}-{n_hidden}-{n_out} network; the steps are {', '.join(steps)}")
    reached = {name}
    for step, inputs in steps.items():  # trace order: every input of a step comes before it
        if reached.intersection(inputs):
            reached.add(step)
    return tuple(step for step in steps if step in reached and step != name)
