r"""The four online update rules of the slides, one function each.

Every rule starts from $E(n) = \tfrac12 \sum_j e_j(n)^2$ with $e_j(n) = d_j(n) - y_j(n)$
and returns $\Delta = -\eta\,\partial E(n)/\partial(\text{parameter})$. The slides have a single
linear output ($j = 4$, $f'(v_4) = 1$); these functions keep the general factor
$f'(v_j)$ and, in the two hidden rules, the sum over all outputs $j$.
All four read the weights at time $n$ from the forward pass, never updated ones.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_target, check_eta
from .activations import Array
from .network import ForwardPass


def error(fp: ForwardPass, d: ArrayLike) -> Array:
    r"""The error $e_j(n) = d_j(n) - y_j(n)$, shape (n_out,)."""
    return as_target(d, fp.net.n_out) - fp.y_output


def cost(fp: ForwardPass, d: ArrayLike) -> float:
    r"""The cost $E(n) = \tfrac12 \sum_j e_j(n)^2$ (the slides' $\tfrac12 e(n)^2$)."""
    e = error(fp, d)
    return float(0.5 * np.sum(e**2))


def f_prime_output(fp: ForwardPass) -> Array:
    r"""$f'(v_j(n))$ of each output neuron, from its output $y_j$; shape (n_out,)."""
    return activations.get(fp.net.output).derivative_from_output(fp.y_output)


def f_prime_hidden(fp: ForwardPass) -> Array:
    r"""$f'(v_i(n))$ of each hidden neuron, from $y_{hi}$; for logsig
    $f(v_i)(1 - f(v_i))$; shape (n_hidden,)."""
    return activations.get(fp.net.hidden).derivative_from_output(fp.y_hidden)


def delta_w_output(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (1), output weights: $\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, y_{hi}(n)$.

    With the slides' linear output this is $\eta\,(d(n) - y(n))\, f(v_i(n))$.

    Returns
    -------
    array, shape (n_out, n_hidden)
    """
    eta = check_eta(eta)
    e = error(fp, d)
    return eta * np.outer(e * f_prime_output(fp), fp.y_hidden)  # η e_j f'(v_j) y_hi


def delta_b_output(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (2), output biases: $\Delta b_j(n) = \eta\, e_j(n)\, f'(v_j(n)) \cdot 1$.

    With the slides' linear output this is $\eta\,(d(n) - y(n))$.

    Returns
    -------
    array, shape (n_out,)
    """
    eta = check_eta(eta)
    e = error(fp, d)
    return eta * e * f_prime_output(fp) * 1.0  # η e_j f'(v_j) · ∂v_j/∂b_j


def delta_w_hidden(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (3), hidden weights:
    $\Delta w_{ik}(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n))\, x_k(n)$.

    The slides have one output, so the sum has one term:
    $\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))\, x_k(n)$.

    Returns
    -------
    array, shape (n_hidden, n_in)
    """
    eta = check_eta(eta)
    e = error(fp, d)
    back = (e * f_prime_output(fp)) @ fp.net.w_output  # Σ_j e_j f'(v_j) w_ji(n), one per i
    return eta * np.outer(back * f_prime_hidden(fp), fp.x)  # η [Σ_j ...] f'(v_i) x_k


def delta_b_hidden(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (4), hidden biases:
    $\Delta b_i(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n)) \cdot 1$.

    The slides have one output: $\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))$.

    Returns
    -------
    array, shape (n_hidden,)
    """
    eta = check_eta(eta)
    e = error(fp, d)
    back = (e * f_prime_output(fp)) @ fp.net.w_output  # Σ_j e_j f'(v_j) w_ji(n), one per i
    return eta * back * f_prime_hidden(fp) * 1.0  # η [Σ_j ...] f'(v_i) · ∂v_i/∂b_i
