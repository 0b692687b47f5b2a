r"""How far a student's value can be from the right one when they work each step of one iteration from the values
before it written with six decimals: `carried_error`, the widening of each step's tolerance in `backprop.homework`'s
check (a step computed from rounded values is no slip).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_input, as_target, check_eta, require_finite
from ._trace import Trace, names
from .activations import Array
from .network import Network, checked_network
from .rules import _back_sum, _cost

#: Half a unit in the sixth decimal: how far a value written with six decimals is from the one it rounds.
HALF_UNIT = 0.5e-6


def carried_error(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""For each step, how far beyond its own last rounding a student's value can be from the right one when they
    compute it from the values before it written with six decimals: the widening $c$ of the step's `tolerance`.

    The values written are those the pages print: $v_i$, $y_{hi}$, $v_j$, $y_j$, $e_j$, $E$, the slopes $f'(v_j)$ and
    $f'(v_i)$, the local gradients $\delta_j$ and $\delta_i$, the updates, the new weights and biases, and for
    $y(n+1)$ and $E(n+1)$ the fields $v_i$, $y_{hi}$, $v_j$ at time $n+1$. Each is at most `HALF_UNIT` from what the
    values before it give, whether it is rounded to six decimals, written with more or not rounded at all; the given
    numbers ($x$, $d$, $\eta$, the weights and biases at time $n$) are exact. The largest distance from the right
    value is carried through each step: a sum adds its terms' distances, a product $ab$ whose factors are
    $\alpha$ and $\beta$ off is $|a|\beta + |b|\alpha + \alpha\beta$ off, an activation or a slope changes at most by
    its largest change across its input's distance (taken at both ends). Nothing is added for what needs no rounding:
    a value of exact inputs that six decimals hold (a field $v_i$ of weights and inputs with one decimal; where six
    decimals hold the right value, rounding moves a value by no more than its inputs' distance), what a linear output
    copies ($y_j$ is $v_j$, $\delta_j$ is $e_j$), and $d - y$ or $\theta + \Delta\theta$ where $d$ or $\theta$ has at
    most six decimals.
    A step's carried error is that largest distance less one `HALF_UNIT`, its own rounding, which `ATOL` allows.

    Returns
    -------
    dict
        Step name (as `trace`) to its carried error, in trace order: 0 for $v_i$.

    Raises
    ------
    FloatingPointError
        A carried error beyond a double's range (an iteration whose values overflow), naming its step.
    """
    net = checked_network(net)
    x = as_input(x, net.n_in)
    d, eta = as_target(d, net.n_out), check_eta(eta)
    hidden, output = activations.get(net.hidden), activations.get(net.output)
    with np.errstate(over="ignore", invalid="ignore"):
        params = (net.w_hidden, net.b_hidden, net.w_output, net.b_output)
        at_n = _carried_pass(params, tuple(np.zeros_like(p) for p in params), x, d, hidden, output)
        g_out = output.derivative_from_output(at_n.y_output)  # f'(v_j)
        g_out_off = _written(g_out, _across(output.derivative_from_output, at_n.y_output, at_n.off["y_output"]))
        delta_j = at_n.e * g_out
        delta_j_off = np.where((g_out_off == 0) & (g_out == 1.0), at_n.off["e"],  # δ_j = e_j · 1: a copy
                               _written(delta_j, _times(at_n.e, at_n.off["e"], g_out, g_out_off)))
        g_hid = hidden.derivative_from_output(at_n.y_hidden)  # f'(v_i)
        g_hid_off = _written(g_hid, _across(hidden.derivative_from_output, at_n.y_hidden, at_n.off["y_hidden"]))
        back = _back_sum(delta_j, net.w_output)  # Σ_j δ_j w_ji, within δ_i's one product
        back_off = (np.abs(net.w_output) * delta_j_off[:, np.newaxis]).sum(axis=0)
        delta_i = g_hid * back
        delta_i_off = _written(delta_i, _times(g_hid, g_hid_off, back, back_off))
        updates = (eta * np.outer(delta_i, x), eta * delta_i, eta * np.outer(delta_j, at_n.y_hidden), eta * delta_j)
        updates_off = tuple(_written(u, eta * off) for u, off in zip(updates, (
            np.outer(delta_i_off, np.abs(x)), delta_i_off,
            _times(delta_j[:, np.newaxis], delta_j_off[:, np.newaxis], at_n.y_hidden, at_n.off["y_hidden"]),
            delta_j_off), strict=True))
        new = tuple(p + u for p, u in zip(params, updates, strict=True))  # θ(n + 1) = θ(n) + Δθ
        new_off = tuple(u_off + _rounding(p) for p, u_off in zip(params, updates_off, strict=True))
        after = _carried_pass(new, new_off, x, d, hidden, output)
    columns = [at_n.off["v_hidden"], at_n.off["y_hidden"], at_n.off["v_output"], at_n.off["y_output"],
               at_n.off["e"], [at_n.off["E"]], updates_off[2].ravel(), updates_off[3], updates_off[0].ravel(),
               updates_off[1], new_off[2].ravel(), new_off[3], new_off[0].ravel(), new_off[1],
               after.off["y_output"], [after.off["E"]]]
    off = np.concatenate([np.ravel(c) for c in columns])
    steps = names(net.n_in, net.n_hidden, net.n_out)
    require_finite("the carried error", zip(steps, off, strict=True),
                   "choose smaller weights, a smaller x or d, or a smaller eta")
    return dict(zip(steps, np.maximum(off - HALF_UNIT, 0.0).tolist(), strict=True))


@dataclass(frozen=True)
class _Carried:
    """A forward pass with each written value's largest distance from the right one (``off``, by field name)."""

    y_hidden: Array
    y_output: Array
    e: Array
    off: dict[str, Array]


def _carried_pass(params: tuple[Array, ...], params_off: tuple[Array, ...], x: Array, d: Array,
                  hidden: activations.Activation, output: activations.Activation) -> _Carried:
    """The forward pass, $e$ and $E$ of the weights and biases ``params`` (w_ik, b_i, w_ji, b_j), each entry
    ``params_off`` from its right value, on the exact ``x`` and ``d``, as a student writes them (`carried_error`)."""
    w_hidden, b_hidden, w_output, b_output = params
    w_hidden_off, b_hidden_off, w_output_off, b_output_off = params_off
    v_hidden = (w_hidden * x).sum(axis=1) + b_hidden
    v_hidden_off = _written(v_hidden, (w_hidden_off * np.abs(x)).sum(axis=1) + b_hidden_off)
    y_hidden = hidden.f(v_hidden)
    y_hidden_off = _written(y_hidden, _across(hidden.f, v_hidden, v_hidden_off))
    v_output = (w_output * y_hidden).sum(axis=1) + b_output
    v_output_off = _written(v_output, _times(w_output, w_output_off, y_hidden, y_hidden_off).sum(axis=1) + b_output_off)
    y_output = output.f(v_output)
    y_output_off = (v_output_off if output.name == "purelin" else  # y_j = v_j: a copy
                    _written(y_output, _across(output.f, v_output, v_output_off)))
    e = d - y_output
    e_off = y_output_off + _rounding(d)
    E = _cost(e)
    E_off = _written(E, np.sum(_times(e, e_off, e, e_off)) / 2)
    return _Carried(y_hidden, y_output, e, {"v_hidden": v_hidden_off, "y_hidden": y_hidden_off,
                                           "v_output": v_output_off, "y_output": y_output_off, "e": e_off, "E": E_off})


def _rounding(value: ArrayLike) -> Array:
    """`HALF_UNIT` for each entry of ``value`` that six decimals do not hold (to a double's precision), else 0."""
    scaled = np.asarray(value, dtype=float) * 1e6
    return np.where(np.abs(scaled - np.round(scaled)) <= 1e-9 * np.maximum(1.0, np.abs(scaled)), 0.0, HALF_UNIT)


def _written(value: ArrayLike, off: ArrayLike) -> Array:
    """The largest distance of a value from the right one, ``value``, once written with six decimals: ``off``, its
    inputs', plus its own rounding; where six decimals hold ``value`` the rounding goes no further than ``off`` (the
    six-decimal number nearest to what the student computed is no further from it than ``value``): none from exact
    inputs."""
    off = np.asarray(off, dtype=float)
    return off + np.where(_rounding(value) == 0, np.minimum(off, HALF_UNIT), HALF_UNIT)


def _times(a: ArrayLike, a_off: ArrayLike, b: ArrayLike, b_off: ArrayLike) -> Array:
    r"""How far $ab$ can be off when $a$ is ``a_off`` and $b$ ``b_off`` off: $|a|\beta + |b|\alpha + \alpha\beta$."""
    return np.abs(a) * b_off + np.abs(b) * a_off + np.asarray(a_off) * b_off


def _across(fn: object, at: Array, off: Array) -> Array:
    """The largest change of ``fn`` (an activation or its slope, elementwise) across ``at`` ± ``off``, at both ends."""
    mid = fn(at)
    return np.maximum(np.abs(fn(at + off) - mid), np.abs(fn(at - off) - mid))


# --------------------------------------------------------------------------------------------
# Checking a student's answers
