r"""Gradient check: the rules against central finite differences of $E$.

Each rule returns $\Delta\theta = -\eta\,\partial E/\partial\theta$, so the analytic gradient is
$-\Delta\theta/\eta$. The numerical one is
$\dfrac{E(\theta + h) - E(\theta - h)}{2h}$, one parameter at a time.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._checks import as_array, as_target, check_numeric_scalar
from .activations import Array
from .network import ForwardPass, Network, _forward, _unchecked
from .rules import _cost, _error, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output

PARAMETERS = ("w_hidden", "b_hidden", "w_output", "b_output")


def analytic_gradient(net: Network, x: ArrayLike, d: ArrayLike) -> dict[str, Array]:
    r"""$\partial E/\partial\theta$ for each parameter array, from the four rules (with $\eta = 1$)."""
    net, x, d, _ = _checked(net, x, d)
    return _analytic(_forward(net, x), d)


def numerical_gradient(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> dict[str, Array]:
    r"""Central differences $(E(\theta_p + h) - E(\theta_p - h)) / 2h$ for every parameter $p$.

    The default $h = 10^{-5} \approx \varepsilon^{1/3}$ balances truncation error ($O(h^2)$)
    against rounding error ($O(\varepsilon/h)$).
    """
    return _numerical(*_checked(net, x, d, h))


def gradient_check(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> float:
    r"""The largest relative error between analytic and numerical gradients over all parameters.

    Relative error $|a - n| / \max(|a| + |n|, 10^{-8})$; about $10^{-8}$ or less
    means the rules are right, anything above $10^{-4}$ means a bug.
    """
    net, x, d, h = _checked(net, x, d, h)
    analytic = _analytic(_forward(net, x), d)
    numerical = _numerical(net, x, d, h)
    worst = 0.0
    for name in PARAMETERS:
        a, n = analytic[name], numerical[name]
        rel = np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-8)
        worst = max(worst, float(rel.max()))
    return worst


def _checked(net: object, x: ArrayLike, d: ArrayLike, h: object = 1e-5) -> tuple[Network, Array, Array, float]:
    """The public entries' inputs, checked once: errors name the argument."""
    if not isinstance(net, Network):
        raise TypeError(f"net must be a Network, got {type(net).__name__}")
    x = as_array("x", x, 1, (net.n_in,))
    d = as_target(d, net.n_out)
    h = check_numeric_scalar("h", h)
    if not np.isfinite(h) or h <= 0:
        raise ValueError(f"h must be a finite number > 0, got {h}")
    return net, x, d, h


def _analytic(fp: ForwardPass, d: Array) -> dict[str, Array]:
    # Each public rule by its name here, so that a test can swap one for a wrong one and see the check catch it.
    return {
        "w_hidden": -delta_w_hidden(fp, d, 1.0),
        "b_hidden": -delta_b_hidden(fp, d, 1.0),
        "w_output": -delta_w_output(fp, d, 1.0),
        "b_output": -delta_b_output(fp, d, 1.0),
    }


def _numerical(net: Network, x: Array, d: Array, h: float) -> dict[str, Array]:
    grads = {}
    for name in PARAMETERS:
        theta = getattr(net, name)
        g = np.empty_like(theta)
        for idx in np.ndindex(theta.shape):
            costs = []
            for sign in (+1, -1):
                moved = theta.copy()
                moved[idx] += sign * h
                costs.append(_cost(_error(_forward(_with(net, name, moved), x), d)))
            g[idx] = (costs[0] - costs[1]) / (2 * h)
        grads[name] = g
    return grads


def _with(net: Network, name: str, value: Array) -> Network:
    fields = {p: getattr(net, p) for p in PARAMETERS}
    fields[name] = value
    return _unchecked(**fields, hidden=net.hidden, output=net.output)
