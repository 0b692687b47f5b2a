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
from .network import Network, forward
from .rules import cost, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output

PARAMETERS = ("w_hidden", "b_hidden", "w_output", "b_output")


def analytic_gradient(net: Network, x: ArrayLike, d: ArrayLike) -> dict[str, Array]:
    r"""$\partial E/\partial\theta$ for each parameter array, from the four rules (with $\eta = 1$)."""
    fp = forward(net, x)
    return {
        "w_hidden": -delta_w_hidden(fp, d, 1.0),
        "b_hidden": -delta_b_hidden(fp, d, 1.0),
        "w_output": -delta_w_output(fp, d, 1.0),
        "b_output": -delta_b_output(fp, d, 1.0),
    }


def numerical_gradient(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> dict[str, Array]:
    r"""Central differences $(E(\theta_p + h) - E(\theta_p - h)) / 2h$ for every parameter $p$.

    The default $h = 10^{-5} \approx \varepsilon^{1/3}$ balances truncation error ($O(h^2)$)
    against rounding error ($O(\varepsilon/h)$).
    """
    x = as_array("x", x, 1, (net.n_in,))
    d = as_target(d, net.n_out)
    h = check_numeric_scalar("h", h)
    if not np.isfinite(h) or h <= 0:
        raise ValueError(f"h must be a finite number > 0, got {h}")
    grads = {}
    for name in PARAMETERS:
        theta = getattr(net, name)
        g = np.empty_like(theta)
        for idx in np.ndindex(theta.shape):
            costs = []
            for sign in (+1, -1):
                moved = theta.copy()
                moved[idx] += sign * h
                costs.append(cost(forward(_with(net, name, moved), x), d))
            g[idx] = (costs[0] - costs[1]) / (2 * h)
        grads[name] = g
    return grads


def gradient_check(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> float:
    r"""The largest relative error between analytic and numerical gradients over all parameters.

    Relative error $|a - n| / \max(|a| + |n|, 10^{-8})$; about $10^{-8}$ or less
    means the rules are right, anything above $10^{-4}$ means a bug.
    """
    analytic = analytic_gradient(net, x, d)
    numerical = numerical_gradient(net, x, d, h)
    worst = 0.0
    for name in PARAMETERS:
        a, n = analytic[name], numerical[name]
        rel = np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-8)
        worst = max(worst, float(rel.max()))
    return worst


def _with(net: Network, name: str, value: Array) -> Network:
    fields = {p: getattr(net, p) for p in PARAMETERS}
    fields[name] = value
    return Network(**fields, hidden=net.hidden, output=net.output)
