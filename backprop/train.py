r"""One online update (``step``) and online training (``train``), sample by sample as in the slides.

Both run the same arithmetic: the forward pass of [`backprop.network`][backprop.network] and the four
rules of [`backprop.rules`][backprop.rules], all computed from the weights at time $n$ before any is
applied. ``step`` checks its inputs and returns a new Network; ``train`` checks its inputs once, then
updates its own copy of the weights sample by sample, so one epoch of ``train`` is ``step`` applied to
each sample in turn.
"""

from __future__ import annotations

import math
import sys

import numpy as np
from numpy.typing import ArrayLike

from ._checks import as_array, as_target, check_eta
from .activations import Array
from .network import Network, _forward, _unchecked, forward
from .rules import _cost, _updates


def step(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Network:
    r"""One online iteration $n \to n+1$ with all four rules; returns a new Network.

    All four updates are computed from the weights at time $n$ before any is applied, so
    the hidden rules use $w_{ji}(n)$, never $w_{ji}(n+1)$.

    Parameters
    ----------
    net : Network
        The weights at time $n$ (not modified).
    x : array_like, shape (n_in,)
    d : float or array_like, shape (n_out,)
        The desired output; a scalar when ``n_out == 1``.
    eta : float
        The learning rate $\eta > 0$.
    """
    fp = forward(net, x)
    u = _updates(fp, as_target(d, net.n_out), check_eta(eta))  # rules (1)-(4), all from w_ji(n)
    return Network(
        w_hidden=net.w_hidden + u.dw_hidden,
        b_hidden=net.b_hidden + u.db_hidden,
        w_output=net.w_output + u.dw_output,
        b_output=net.b_output + u.db_output,
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
        Learning rate $\eta > 0$.
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
        Mean over the epoch of $E(n) = \tfrac12\sum_j e_j(n)^2$, each measured on its sample
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
    w_hidden, b_hidden, w_output, b_output = (np.array(getattr(net, p)) for p in _PARAMETERS)  # trained in place
    trained = _unchecked(w_hidden, b_hidden, w_output, b_output, net.hidden, net.output)
    costs = np.empty(epochs)
    for t in range(epochs):
        order = rng.permutation(X.shape[0]) if shuffle else np.arange(X.shape[0])
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported below, once, clearly
            costs[t] = _epoch(trained, X[order], D[order], eta)
        if not (math.isfinite(costs[t]) and all(np.isfinite(getattr(trained, p)).all() for p in _PARAMETERS)):
            raise FloatingPointError(
                f"training diverged in epoch {t + 1}: the weights or the cost overflowed to inf/nan; "
                f"try a smaller eta (got {eta})"
            )
        if progress:
            _progress_bar(t + 1, epochs, costs[t])
    return Network(w_hidden, b_hidden, w_output, b_output, hidden=net.hidden, output=net.output), costs


_PARAMETERS = ("w_hidden", "b_hidden", "w_output", "b_output")


def _epoch(net: Network, X: Array, D: Array, eta: float) -> float:
    """One pass over the samples in order, updating ``net``'s own arrays in place; returns the mean of $E(n)$,
    each measured on its sample before that sample's update."""
    w_hidden, b_hidden, w_output, b_output = net.w_hidden, net.b_hidden, net.w_output, net.b_output
    total = 0.0
    for x, d in zip(X, D, strict=True):
        u = _updates(_forward(net, x), d, eta)  # all four rules from the weights at time n ...
        w_output += u.dw_output  # ... and only then applied, in place: net holds these arrays
        b_output += u.db_output
        w_hidden += u.dw_hidden
        b_hidden += u.db_hidden
        total += _cost(u.e)
    return total / len(X)


def _progress_bar(done: int, total: int, cost: float, width: int = 30) -> None:
    filled = width * done // total
    bar = "#" * filled + "." * (width - filled)
    end = "\n" if done == total else ""
    print(f"\repoch {done:>{len(str(total))}}/{total} [{bar}] E = {cost:.6g}", end=end,
          file=sys.stderr, flush=True)
