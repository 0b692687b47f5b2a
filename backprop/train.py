r"""One online update (``step``) and online training (``train``), sample by sample as in the slides.

``step`` is the reference: it calls the four rules of [`backprop.rules`][backprop.rules] on the weights at time
$n$ and only then applies them. ``train`` runs the same arithmetic in a tight loop (validation
done once, no objects per sample) so that long runs are fast: for small networks a loop generated with
one line per weight, exactly the slides' written-out rules (print ``_epoch_source(2, 3, 1, "logsig",
"purelin")``), for larger ones numpy. The benchmark and the tests check that one epoch of ``train``
equals ``step`` applied sample by sample.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_array, as_target, check_eta
from .activations import Array
from .network import Network, forward
from .rules import delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output


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
    small = net.n_hidden * (net.n_in + net.n_out) <= 64
    # Each bias is stored as the last weight of its neuron's row: [w_ik | b_i] and [w_ji | b_j].
    W1 = np.column_stack([net.w_hidden, net.b_hidden])
    W2 = np.column_stack([net.w_output, net.b_output])
    if small:
        params = [W1.tolist(), W2.tolist()]
        epoch = _compiled_epoch(net.n_in, net.n_hidden, net.n_out, net.hidden, net.output)
    else:
        params = [W1, W2]
        epoch = functools.partial(_epoch_numpy, hidden=net.hidden, output=net.output)
        X = np.column_stack([X, np.ones(X.shape[0])])  # x_k followed by the constant input 1 of b_i
    costs = np.empty(epochs)
    for t in range(epochs):
        order = rng.permutation(X.shape[0]) if shuffle else np.arange(X.shape[0])
        Xs, Ds = (X[order].tolist(), D[order].tolist()) if small else (X[order], D[order])
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported below, once, clearly
            costs[t] = epoch(*params, Xs, Ds, eta)
        if not (math.isfinite(costs[t]) and all(np.isfinite(p).all() for p in params)):
            raise FloatingPointError(
                f"training diverged in epoch {t + 1}: the weights or the cost overflowed to inf/nan; "
                f"try a smaller eta (got {eta})"
            )
        if progress:
            _progress_bar(t + 1, epochs, costs[t])
    W1, W2 = (np.array(p, dtype=float) for p in params)
    return Network(W1[:, :-1], W1[:, -1], W2[:, :-1], W2[:, -1], hidden=net.hidden, output=net.output), costs


def _epoch_numpy(W1: Array, W2: Array, X: Array, D: Array, eta: float, hidden: str, output: str) -> float:
    """One epoch on arrays ``[w_ik | b_i]``, ``[w_ji | b_j]``, updated in place; returns the mean cost."""
    f_h, f_o = activations.get(hidden), activations.get(output)
    total = 0.0
    for x, d in zip(X, D, strict=True):
        y_h = np.append(f_h.f(W1 @ x), 1.0)  # y_hi, then the constant input 1 of b_j
        y = f_o.f(W2 @ y_h)
        e = d - y
        total += 0.5 * float(e @ e)
        delta_j = e * f_o.derivative_from_output(y)
        delta_i = (delta_j @ W2[:, :-1]) * f_h.derivative_from_output(y_h[:-1])  # w_ji(n): before its update
        W2 += eta * np.outer(delta_j, y_h)
        W1 += eta * np.outer(delta_i, x)
    return total / len(X)


# The small-network loop is generated: for a 2-3-1 network it reads like the slides' per-weight
# equations (v1 = w1_1 * x1 + w1_2 * x2 + b1, ..., w4_1 += g4 * y_h1), and plain Python floats in
# local variables beat numpy's per-call overhead on arrays of three numbers. Print
# ``_epoch_source(2, 3, 1, "logsig", "purelin")`` to read it.
_F = {  # f(v) as a Python expression of the variable v
    "logsig": "(1.0 / (1.0 + exp(-{v})) if {v} >= 0.0 else exp({v}) / (1.0 + exp({v})))",
    "tansig": "tanh({v})",
    "purelin": "{v}",
}
_F_PRIME = {  # f'(v) as a Python expression of the output y = f(v)
    "logsig": "{y} * (1.0 - {y})",
    "tansig": "(1.0 - {y} * {y})",
    "purelin": "1.0",
}


def _epoch_source(n_in: int, n_hidden: int, n_out: int, hidden: str, output: str) -> str:
    """Source of one online epoch with every weight in its own variable, numbered as in the slides."""
    K, I = range(1, n_in + 1), range(1, n_hidden + 1)  # noqa: E741
    J = range(n_hidden + 1, n_hidden + n_out + 1)  # the slides number the output neuron 4

    def unpack(rows: range, cols: range) -> str:
        return ", ".join("(" + "".join(f"w{r}_{c}, " for c in cols) + f"b{r})" for r in rows)

    def pack(rows: range, cols: range) -> str:
        return ", ".join("[" + "".join(f"w{r}_{c}, " for c in cols) + f"b{r}]" for r in rows)

    lines = [
        "def epoch(W1, W2, X, D, eta):",
        f"    [{unpack(I, K)}] = W1",
        f"    [{unpack(J, I)}] = W2",
        "    total = 0.0",
        f"    for ({''.join(f'x{k}, ' for k in K)}), ({''.join(f'd{j}, ' for j in J)}) in zip(X, D):",
    ]
    for i in I:
        lines.append(f"        v{i} = {' + '.join(f'w{i}_{k} * x{k}' for k in K)} + b{i}")
        lines.append(f"        y_h{i} = {_F[hidden].format(v=f'v{i}')}")
    for j in J:
        lines.append(f"        v{j} = {' + '.join(f'w{j}_{i} * y_h{i}' for i in I)} + b{j}")
        lines.append(f"        y{j} = {_F[output].format(v=f'v{j}')}")
        lines.append(f"        e{j} = d{j} - y{j}")
    lines.append(f"        total += {' + '.join(f'e{j} * e{j}' for j in J)}")
    for j in J:  # g_j = eta e_j f'(v_j)
        lines.append(f"        g{j} = eta * e{j} * {_F_PRIME[output].format(y=f'y{j}')}")
    for i in I:  # g_i = eta [sum_j e_j f'(v_j) w_ji(n)] f'(v_i): computed before any w_ji changes
        lines.append(f"        g{i} = ({' + '.join(f'g{j} * w{j}_{i}' for j in J)}) * "
                     f"{_F_PRIME[hidden].format(y=f'y_h{i}')}")
    for j in J:
        lines += [f"        w{j}_{i} += g{j} * y_h{i}" for i in I] + [f"        b{j} += g{j}"]
    for i in I:
        lines += [f"        w{i}_{k} += g{i} * x{k}" for k in K] + [f"        b{i} += g{i}"]
    lines += [f"    W1[:] = [{pack(I, K)}]", f"    W2[:] = [{pack(J, I)}]", "    return 0.5 * total / len(X)"]
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=32)
def _compiled_epoch(n_in: int, n_hidden: int, n_out: int, hidden: str, output: str) -> Callable[..., float]:
    namespace: dict = {"exp": math.exp, "tanh": math.tanh}
    exec(compile(_epoch_source(n_in, n_hidden, n_out, hidden, output), "<backprop epoch>", "exec"), namespace)
    return namespace["epoch"]


def _progress_bar(done: int, total: int, cost: float, width: int = 30) -> None:
    filled = width * done // total
    bar = "#" * filled + "." * (width - filled)
    end = "\n" if done == total else ""
    print(f"\repoch {done:>{len(str(total))}}/{total} [{bar}] E = {cost:.6g}", end=end,
          file=sys.stderr, flush=True)
