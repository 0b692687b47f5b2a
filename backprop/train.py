r"""One online update (``step``) and online training (``train``), sample by sample as in the slides.

Both run one arithmetic, `_iteration`: the forward pass of [`backprop.network`][backprop.network], the
four rules of [`backprop.rules`][backprop.rules] from the weights at time $n$, and only then
$\theta(n+1) = \theta(n) + \Delta\theta(n)$. ``step`` checks its inputs and returns a new Network.
``train`` checks its inputs once, then runs `_iteration` sample by sample: for a larger network on
numpy arrays (`_epoch`), for a small one as straight-line Python generated from `_iteration` itself
(`backprop._unrolled`), because numpy's cost per call outweighs the arithmetic on a handful of numbers.
One epoch of ``train`` is ``step`` applied to each sample in turn, on either path, to rounding: the numpy path
runs ``step``'s own arithmetic and gives its numbers to the bit; the generated loop adds each sum term by term, in
order, where numpy adds a sum of 8 or more terms pairwise (a field $v_i$ of 8 or more inputs, a field $v_j$ of 8 or
more hidden neurons, or the error sent back to a lone hidden neuron from 8 or more outputs), so for such a network
the two can differ in the last bit of a sum (about $10^{-16}$ in the weights after one epoch of a 2-8-1 network), a
difference that training then carries as it does any rounding. With fewer than 8 terms in every sum, the slides' 2-3-1
network among them, the two give the same numbers to the bit.
"""

from __future__ import annotations

import math
import sys

import numpy as np
from numpy.typing import ArrayLike

from . import _unrolled
from ._checks import (
    DOUBLE_RANGE,
    as_array,
    as_target,
    check_bool,
    check_count,
    check_eta,
    check_seed,
    ndim_of,
    network_has,
    require_finite,
)
from .activations import Array
from .labels import PARAMETERS as _PARAMETERS  # the four parameter arrays, in the order of a Network's fields
from .network import ForwardPass, Network, _forward, _unchecked, checked_network, forward
from .rules import UNSCALED_OVERFLOW, _cost, _error, _overflow_advice, _overflows_unscaled, _Updates, _updates


def step(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Network:
    r"""One online iteration $n \to n+1$ with all four rules, $\theta(n+1) = \theta(n) + \Delta\theta(n)$ for every
    weight and bias $\theta$; returns a new Network.

    All four updates are computed from the weights at time $n$ before any is applied, so
    the hidden rules use $w_{ji}(n)$, never $w_{ji}(n+1)$.

    Parameters
    ----------
    net : Network
        The weights at time $n$ (not modified).
    x : array_like, shape (n_in,)
        The input $x(n)$.
    d : float or array_like, shape (n_out,)
        The desired output; a scalar when ``n_out == 1``.
    eta : float
        The learning rate $\eta > 0$.

    Returns
    -------
    Network
        The weights and biases after the update, with the activations of ``net``.

    Raises
    ------
    FloatingPointError
        Finite inputs whose step overflows: a new weight or bias beyond a double's range (about
        $\pm 1.8 \cdot 10^{308}$), named with its index; or a registered activation whose formula overflows, named.
    TypeError
        ``net`` is not a `Network`, or ``x``, ``d`` or ``eta`` is not a number (text, a boolean, None), named.
    ValueError
        ``x`` or ``d`` is not of the network's shape, holds nan or an infinity, or ``eta`` is not a finite number
        above 0.

    Examples
    --------
    A network of the slides' shape (logistic hidden neurons, linear output) with weights of its own, not the site's
    worked example, and one sample:

    >>> from backprop import Network, forward, step
    >>> net = Network(w_hidden=[[0.2, -0.4], [0.6, 0.1], [-0.3, 0.5]], b_hidden=[0.1, -0.2, 0.05],
    ...               w_output=[[0.5, -0.6, 0.3]], b_output=[0.1])
    >>> round(float(forward(net, [0.8, -0.6]).y_output[0]), 6)  # y(n)
    0.19233
    >>> new = step(net, [0.8, -0.6], 1.5, eta=0.25)  # x(n), d(n), eta
    >>> new.b_output.round(6).tolist()  # b_4(n+1) = b_4(n) + eta e(n), with e(n) = 1.5 - 0.19233
    [0.426917]
    >>> round(float(forward(new, [0.8, -0.6]).y_output[0]), 6)  # y(n+1)
    0.820997
    """
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported below, naming the new value
        fp, target, eta = forward(net, x), as_target(d, net.n_out), check_eta(eta)
        new, _ = _iteration(fp, target, eta)
    require_finite("this step", ((f"the new {name}", value) for name, value in zip(_PARAMETERS, new, strict=True)),
                   lambda: _overflow_advice(fp, target, eta), whose="the step's")
    return Network(*new, hidden=net.hidden, output=net.output)


def _x_accepted(net: Network) -> str:
    """What ``X`` must be, for the message of one that is not 2-D: with one input, a 1-D X is the usual slip."""
    one = " (with one input too: shape (n, 1), X.reshape(-1, 1), where D may be 1-D)" if net.n_in == 1 else ""
    return f"2-D, one row per sample{one}"


def _rows(X: Array) -> str:
    """Where D's number of rows comes from, for its message."""
    return f"X has {X.shape[0]} row{'s' if X.shape[0] != 1 else ''}, one per sample"


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
        The inputs, one row per sample: 2-D with one input too, shape (n_samples, 1) (``X.reshape(-1, 1)`` of a
        1-D array), where ``D`` may be 1-D.
    D : array_like, shape (n_samples,) or (n_samples, n_out)
        The desired outputs, one row per sample; one number per sample for a network with one output.
    eta : float
        Learning rate $\eta > 0$.
    epochs : int
        Number of passes over the data, >= 1.
    shuffle : bool
        ``True``: visit the samples in a new random order each epoch (reproducible with ``seed``);
        ``False``: in the order of ``X`` every epoch.
    seed : int, optional
        Seed of the shuffling, an int >= 0 (None: a different order each time).
    progress : bool
        Print a progress bar on stderr (off by default).

    Returns
    -------
    net : Network
        The trained network.
    costs : array, shape (epochs,)
        Mean over the epoch of $E(n) = \tfrac12\sum_j e_j(n)^2$, each measured on its sample
        just before that sample's update.

    Raises
    ------
    FloatingPointError
        Training diverges (the weights or the cost overflow; the message names the epoch), a sample's cost
        overflows at the starting weights already (named), or a registered activation's formula overflows (named).
    TypeError
        ``net`` is not a `Network`, ``X``, ``D``, ``eta``, ``epochs`` or ``seed`` is not what it should be (text,
        a boolean, None), or ``shuffle`` or ``progress`` is not True or False, named.
    ValueError
        ``X`` or ``D`` is not of the network's shape or not finite, their numbers of samples differ, or ``eta``,
        ``epochs`` or ``seed`` is out of range, named.
    """
    net = checked_network(net)
    X = as_array("X", X, 2, (None, net.n_in), because=network_has(net.n_in, "input"), accepted=_x_accepted(net))
    if ndim_of("D", D) == 1 and net.n_out == 1:
        D = as_array("D", D, 1, (X.shape[0],), because=_rows(X))[:, None]
    else:
        D = as_array("D", D, 2, (X.shape[0], net.n_out), because=_rows(X), accepted=(
            "1-D (one number per sample) or 2-D (one row per sample)" if net.n_out == 1 else
            f"2-D (one row of {net.n_out} numbers per sample)"))
    eta = check_eta(eta)
    epochs = check_count("epochs", epochs)
    shuffle, progress = check_bool("shuffle", shuffle), check_bool("progress", progress)
    rng = np.random.default_rng(check_seed(seed))
    epoch = _unrolled.epoch(net, _iteration) if _unrolled.worth_it(net) else _epoch
    costs, start = np.empty(epochs), net
    for t in range(epochs):
        order = rng.permutation(X.shape[0]) if shuffle else np.arange(X.shape[0])
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported below, once, clearly
            try:
                net, costs[t] = epoch(net, X[order], D[order], eta)
            except OverflowError:  # an activation's formula in the generated loop: the numpy path names it
                net, costs[t] = _epoch(net, X[order], D[order], eta)
        if not (math.isfinite(costs[t]) and all(np.isfinite(getattr(net, p)).all() for p in _PARAMETERS)):
            if t == 0:
                _require_a_finite_start(start, X, D)
            raise FloatingPointError(
                f"training diverged in epoch {t + 1}: the weights or the cost overflowed to inf/nan; "
                f"try a smaller eta (got {eta})"
            )
        if progress:
            _progress_bar(t + 1, epochs, costs[t])
    return Network(*(getattr(net, p) for p in _PARAMETERS), hidden=net.hidden, output=net.output), costs



def _require_a_finite_start(net: Network, X: Array, D: Array) -> None:
    """Before blaming eta for a first epoch that overflowed: the cost of each sample at the starting weights, and its
    update before eta scales it. Where one already overflows, no eta helps (a reviewer's b_4 = 1e160 was told to try a
    smaller eta than 1e-300)."""
    with np.errstate(over="ignore", invalid="ignore"):
        costs = [float(_cost(_error(_forward(net, x).y_output, d))) for x, d in zip(X, D, strict=True)]
    for n, cost in enumerate(costs):
        if not math.isfinite(cost):
            raise FloatingPointError(
                f"the cost E of sample {n + 1} (X[{n}]) overflows at the starting weights, before any update, so no "
                f"eta helps: its arithmetic passes a double's range ({DOUBLE_RANGE}); choose smaller weights or inputs")
    if not math.isfinite(sum(costs)):  # each finite, their sum not: the epoch's mean is a sum divided by the count
        raise FloatingPointError(
            f"the samples' costs E at the starting weights, each finite (the largest {max(costs):.3g}), add up beyond "
            f"a double's range ({DOUBLE_RANGE}), before any update, so no eta helps: the epoch's mean cost is their "
            f"sum over the count; choose smaller weights or inputs")
    with np.errstate(over="ignore", invalid="ignore"):
        for n, (x, d) in enumerate(zip(X, D, strict=True)):
            if _overflows_unscaled(_forward(net, x), d):
                raise FloatingPointError(
                    f"the update of sample {n + 1} (X[{n}]) overflows at the starting weights, its cost finite: "
                    f"its arithmetic passes a double's range ({DOUBLE_RANGE}); {UNSCALED_OVERFLOW}")


def _iteration(fp: ForwardPass, d: Array, eta: float) -> tuple[tuple[Array, Array, Array, Array], Array]:
    r"""One online iteration on checked inputs: the new parameters, in the order of `_PARAMETERS`, and $E(n)$.

    All four updates come from the weights at time $n$ (``fp.net``) and only then are added to them.
    """
    u = _updates(fp, d, eta)
    return _added(fp.net, u), _cost(u.e)


def _new_value(old: Array, delta: Array) -> Array:
    r"""$\theta(n+1) = \theta(n) + \Delta\theta(n)$, for one parameter's array."""
    return old + delta


def _added(net: Network, u: _Updates) -> tuple[Array, Array, Array, Array]:
    """`_new_value` for the four parameters, in the order of `_PARAMETERS`."""
    return (_new_value(net.w_hidden, u.dw_hidden), _new_value(net.b_hidden, u.db_hidden),
            _new_value(net.w_output, u.dw_output), _new_value(net.b_output, u.db_output))


def _epoch(net: Network, X: Array, D: Array, eta: float) -> tuple[Network, float]:
    """One pass over the samples in order, on numpy arrays: the network after it, and the mean of $E(n)$,
    each measured on its sample before that sample's update."""
    total = 0.0
    for x, d in zip(X, D, strict=True):
        new, cost = _iteration(_forward(net, x), d, eta)
        net = _unchecked(*new, net.hidden, net.output)
        total += cost
    return net, float(total) / len(X)


def _progress_bar(done: int, total: int, cost: float, width: int = 30) -> None:
    filled = width * done // total
    bar = "#" * filled + "." * (width - filled)
    end = "\n" if done == total else ""
    print(f"\repoch {done:>{len(str(total))}}/{total} [{bar}] E = {cost:.6g}", end=end,
          file=sys.stderr, flush=True)
