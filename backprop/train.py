r"""One online update (``step``) and online training (``train``), sample by sample as in the slides.

``step`` is the reference: it calls the four rules of :mod:`backprop.rules` on the weights at time
:math:`n` and only then applies them. ``train`` runs the same arithmetic in a tight loop (validation
done once, no objects per sample) so that long runs are fast; the benchmark and the tests check that
one epoch of ``train`` equals ``step`` applied sample by sample.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from operator import add, mul

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_array, as_target, check_eta
from .activations import Array
from .network import Network, forward
from .rules import delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output


def step(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Network:
    r"""One online iteration :math:`n \to n+1` with all four rules; returns a new Network.

    All four updates are computed from the weights at time :math:`n` before any is applied, so
    the hidden rules use :math:`w_{ji}(n)`, never :math:`w_{ji}(n+1)`.

    Parameters
    ----------
    net : Network
        The weights at time :math:`n` (not modified).
    x : array_like, shape (n_in,)
    d : float or array_like, shape (n_out,)
        The desired output; a scalar when ``n_out == 1``.
    eta : float
        The learning rate :math:`\eta > 0`.
    """
    fp = forward(net, x)
    d = as_target(d, net.n_out)
    eta = check_eta(eta)
    dw_ji = delta_w_output(fp, d, eta)  # rule (1)
    db_j = delta_b_output(fp, d, eta)  # rule (2)
    dw_ik = delta_w_hidden(fp, d, eta)  # rule (3), uses w_ji(n)
    db_i = delta_b_hidden(fp, d, eta)  # rule (4), uses w_ji(n)
    return Network(
        w_hidden=net.w_hidden + dw_ik,
        b_hidden=net.b_hidden + db_i,
        w_output=net.w_output + dw_ji,
        b_output=net.b_output + db_j,
        hidden=net.hidden,
        output=net.output,
    )


def train(
    net: Network,
    X: ArrayLike,
    D: ArrayLike,
    eta: float,
    epochs: int = 1,
    *,
    shuffle: bool = False,
    seed: int | None = None,
    progress: bool = False,
) -> tuple[Network, Array]:
    r"""Online training: ``step`` on each sample in turn, for ``epochs`` passes over the data.

    Parameters
    ----------
    net : Network
        The initial weights (not modified).
    X : array_like, shape (n_samples, n_in)
    D : array_like, shape (n_samples,) when ``n_out == 1``, else (n_samples, n_out)
    eta : float
        Learning rate :math:`\eta > 0`.
    epochs : int
        Number of passes over the data, >= 1.
    shuffle : bool
        Visit the samples in a new random order each epoch (reproducible with ``seed``).
    seed : int, optional
        Seed of the shuffling.
    progress : bool
        Print a progress bar on stderr (off by default).

    Returns
    -------
    net : Network
        The trained network.
    costs : array, shape (epochs,)
        Mean over the epoch of :math:`E(n) = \tfrac12\sum_j e_j(n)^2`, each measured on its sample
        just before that sample's update.
    """
    if not isinstance(net, Network):
        raise TypeError(f"net must be a Network, got {type(net).__name__}")
    X = as_array("X", X, 2, (None, net.n_in))
    if np.ndim(D) == 1 and net.n_out == 1:
        D = as_array("D", D, 1, (X.shape[0],))[:, None]
    else:
        D = as_array("D", D, 2, (X.shape[0], net.n_out))
    eta = check_eta(eta)
    if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 1:
        raise ValueError(f"epochs must be an int >= 1, got {epochs!r}")
    rng = np.random.default_rng(seed)
    small = net.n_hidden * (net.n_in + net.n_out) <= 64
    epoch = _epoch_python if small else _epoch_numpy
    params = _unpack(net, as_lists=small)
    costs = np.empty(epochs)
    for t in range(epochs):
        order = rng.permutation(X.shape[0]) if shuffle else np.arange(X.shape[0])
        Xs, Ds = (X[order].tolist(), D[order].tolist()) if small else (X[order], D[order])
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported below, once, clearly
            costs[t] = epoch(params, Xs, Ds, eta, net.hidden, net.output)
        if not (math.isfinite(costs[t]) and all(np.isfinite(p).all() for p in params)):
            raise FloatingPointError(
                f"training diverged in epoch {t + 1}: the weights or the cost overflowed to inf/nan; "
                f"try a smaller eta (got {eta})"
            )
        if progress:
            _progress_bar(t + 1, epochs, costs[t])
    return _pack(params, net), costs


def _unpack(net: Network, as_lists: bool) -> list:
    arrays = [net.w_hidden, net.b_hidden, net.w_output, net.b_output]
    return [a.tolist() for a in arrays] if as_lists else [a.copy() for a in arrays]


def _pack(params: list, like: Network) -> Network:
    w_ik, b_i, w_ji, b_j = params
    return Network(w_ik, b_i, w_ji, b_j, hidden=like.hidden, output=like.output)


def _epoch_numpy(params: list, X: Array, D: Array, eta: float, hidden: str, output: str) -> float:
    """One epoch on arrays, updating ``params`` in place; returns the mean cost."""
    w_ik, b_i, w_ji, b_j = params
    f_h, f_o = activations.get(hidden), activations.get(output)
    total = 0.0
    for x, d in zip(X, D, strict=True):
        y_h = f_h.f(w_ik @ x + b_i)
        y = f_o.f(w_ji @ y_h + b_j)
        e = d - y
        total += 0.5 * float(e @ e)
        delta_j = e * f_o.derivative_from_output(y)
        delta_i = (delta_j @ w_ji) * f_h.derivative_from_output(y_h)  # w_ji(n): before its update
        w_ji += eta * np.outer(delta_j, y_h)
        b_j += eta * delta_j
        w_ik += eta * np.outer(delta_i, x)
        b_i += eta * delta_i
    return total / len(X)


def _logsig(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    z = math.exp(v)
    return z / (1.0 + z)


# Scalar twins of backprop.activations for the small-network loop: (f, f' from the output y).
_SCALAR: dict[str, tuple[Callable[[float], float], Callable[[float], float]]] = {
    "logsig": (_logsig, lambda y: y * (1.0 - y)),
    "tansig": (math.tanh, lambda y: 1.0 - y * y),
    "purelin": (float, lambda y: 1.0),
}


def _epoch_python(params: list, X: list, D: list, eta: float, hidden: str, output: str) -> float:
    """The same epoch on Python floats: for tiny networks this beats numpy's per-call overhead."""
    w_ik, b_i, w_ji, b_j = params
    (f_h, df_h), (f_o, df_o) = _SCALAR[hidden], _SCALAR[output]
    total = 0.0
    for x, d in zip(X, D, strict=True):
        y_h = [f_h(sum(map(mul, row, x)) + b) for row, b in zip(w_ik, b_i)]
        y = [f_o(sum(map(mul, row, y_h)) + b) for row, b in zip(w_ji, b_j)]
        e = [dj - yj for dj, yj in zip(d, y)]
        total += 0.5 * sum(map(mul, e, e))
        eta_delta_j = [eta * ej * df_o(yj) for ej, yj in zip(e, y)]
        eta_delta_i = [df_h(yh) * sum(map(mul, eta_delta_j, col))
                       for yh, col in zip(y_h, zip(*w_ji))]  # w_ji(n): before its update
        w_ji[:] = [[w + dj * yh for w, yh in zip(row, y_h)] for row, dj in zip(w_ji, eta_delta_j)]
        b_j[:] = map(add, b_j, eta_delta_j)
        w_ik[:] = [[w + di * xk for w, xk in zip(row, x)] for row, di in zip(w_ik, eta_delta_i)]
        b_i[:] = map(add, b_i, eta_delta_i)
    return total / len(X)


def _progress_bar(done: int, total: int, cost: float, width: int = 30) -> None:
    filled = width * done // total
    bar = "#" * filled + "." * (width - filled)
    end = "\n" if done == total else ""
    print(f"\repoch {done:>{len(str(total))}}/{total} [{bar}] E = {cost:.6g}", end=end,
          file=sys.stderr, flush=True)
