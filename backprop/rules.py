r"""The four online update rules of the slides, one function each.

Every rule starts from $E(n) = \tfrac12 \sum_j e_j(n)^2$ with $e_j(n) = d_j(n) - y_j(n)$
and returns $\Delta = -\eta\,\partial E(n)/\partial(\text{parameter})$. The slides have a single
linear output ($j = 4$, $f'(v_4) = 1$); these functions keep the general factor
$f'(v_j)$ and, in the two hidden rules, the sum over all outputs $j$.
All four read the weights at time $n$ from the forward pass, never updated ones.

The arithmetic is written once, in `_updates`: all four rules from one forward pass, with $e_j(n)$ and
the back-propagated sum $\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)$ computed once each. It trusts its inputs;
the public functions check theirs (``fp``, ``d``, ``eta``: `_checked`) and take their rule from it, and so do
[`step`][backprop.train.step] and [`train`][backprop.train.train].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_target, check_eta
from .activations import Array
from .network import ForwardPass


def error(fp: ForwardPass, d: ArrayLike) -> Array:
    r"""The error $e_j(n) = d_j(n) - y_j(n)$, shape (n_out,)."""
    return _error(*_checked(fp, d))


def cost(fp: ForwardPass, d: ArrayLike) -> float:
    r"""The cost $E(n) = \tfrac12 \sum_j e_j(n)^2$ (the slides' $\tfrac12 e(n)^2$)."""
    return float(_cost(error(fp, d)))


def f_prime_output(fp: ForwardPass) -> Array:
    r"""$f'(v_j(n))$ of each output neuron, from its output $y_j$; shape (n_out,)."""
    fp = _checked(fp)
    return activations._of(fp.net.output).derivative_from_output(fp.y_output)


def f_prime_hidden(fp: ForwardPass) -> Array:
    r"""$f'(v_i(n))$ of each hidden neuron, from $y_{hi}$; for logsig
    $f(v_i)(1 - f(v_i))$; shape (n_hidden,)."""
    fp = _checked(fp)
    return activations._of(fp.net.hidden).derivative_from_output(fp.y_hidden)


def delta_w_output(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (1), output weights: $\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, y_{hi}(n)$.

    With the slides' linear output this is $\eta\,(d(n) - y(n))\, f(v_i(n))$.

    Returns
    -------
    array, shape (n_out, n_hidden)
    """
    return _updates(*_checked(fp, d, eta)).dw_output


def delta_b_output(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (2), output biases: $\Delta b_j(n) = \eta\, e_j(n)\, f'(v_j(n)) \cdot 1$.

    With the slides' linear output this is $\eta\,(d(n) - y(n))$.

    Returns
    -------
    array, shape (n_out,)
    """
    return _updates(*_checked(fp, d, eta)).db_output


def delta_w_hidden(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (3), hidden weights:
    $\Delta w_{ik}(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n))\, x_k(n)$.

    The slides have one output, so the sum has one term:
    $\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))\, x_k(n)$.

    Returns
    -------
    array, shape (n_hidden, n_in)
    """
    return _updates(*_checked(fp, d, eta)).dw_hidden


def delta_b_hidden(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (4), hidden biases:
    $\Delta b_i(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n)) \cdot 1$.

    The slides have one output: $\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))$.

    Returns
    -------
    array, shape (n_hidden,)
    """
    return _updates(*_checked(fp, d, eta)).db_hidden


def _checked(fp: ForwardPass, *d_eta: ArrayLike | float):
    """The public functions' inputs, checked once: ``fp`` alone, ``(fp, d)`` or ``(fp, d, eta)``, ``d`` as an array
    of shape (n_out,)."""
    if not isinstance(fp, ForwardPass):
        raise TypeError(f"fp must be a ForwardPass, the result of backprop.forward(net, x); got {type(fp).__name__}")
    if not d_eta:
        return fp
    d = as_target(d_eta[0], fp.net.n_out)
    return (fp, d) if len(d_eta) == 1 else (fp, d, check_eta(d_eta[1]))


# --- the arithmetic, on checked inputs ------------------------------------------------------------------


@dataclass(frozen=True)
class _Updates:
    """What one iteration computes: the error and the four rules' updates."""

    e: Array  # e_j(n), shape (n_out,)
    dw_output: Array  # rule (1), shape (n_out, n_hidden)
    db_output: Array  # rule (2), shape (n_out,)
    dw_hidden: Array  # rule (3), shape (n_hidden, n_in)
    db_hidden: Array  # rule (4), shape (n_hidden,)


def _error(fp: ForwardPass, d: Array) -> Array:
    return d - fp.y_output  # e_j(n) = d_j(n) - y_j(n)


def _cost(e: Array) -> float:
    return 0.5 * (e @ e)  # E(n) = 1/2 sum_j e_j(n)^2


def _back_sum(delta_j: Array, w_back: Array) -> Array:
    r"""$\sum_j \delta_j\, w_{ji}$ for every hidden neuron $i$: the error sent back through the output weights, added
    term by term, as `network._forward` adds its fields (no fused multiply-add)."""
    return (delta_j[:, np.newaxis] * w_back).sum(axis=0)


def _updates(fp: ForwardPass, d: Array, eta: float) -> _Updates:
    r"""The four rules from one forward pass, for a checked ``d`` (shape (n_out,)) and ``eta``."""
    e = _error(fp, d)
    f_prime_j, f_prime_i = f_prime_output(fp), f_prime_hidden(fp)
    back = _back_sum(e * f_prime_j, fp.net.w_output)  # Σ_j e_j f'(v_j) w_ji(n), one per hidden neuron i
    return _Updates(
        e,
        dw_output=eta * np.outer(e * f_prime_j, fp.y_hidden),  # rule (1): η e_j f'(v_j) y_hi
        db_output=eta * e * f_prime_j * 1.0,  # rule (2): η e_j f'(v_j) · ∂v_j/∂b_j
        dw_hidden=eta * np.outer(back * f_prime_i, fp.x),  # rule (3): η [Σ_j ...] f'(v_i) x_k
        db_hidden=eta * back * f_prime_i * 1.0,  # rule (4): η [Σ_j ...] f'(v_i) · ∂v_i/∂b_i
    )
