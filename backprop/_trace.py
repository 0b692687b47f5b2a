r"""The steps of one iteration $n \to n+1$ by name, and the same iteration written with the local gradients.

`trace` is the right iteration as a student computes it, named as ``python -m backprop trace`` prints it
(`names`): the forward pass, $e$ and $E$, the four rules of `backprop.rules`, the new values of
`backprop.train.step`, and $y(n+1)$, $E(n+1)$. `iteration` computes the same steps from the factors of the
rules (`Factors`), through the local gradients

$$
\delta_j = e_j\, f'(v_j), \qquad \delta_i = f'(v_i) \sum_j \delta_j\, w_{ji}(n), \qquad
\Delta w_{ji} = \eta\, \delta_j\, y_{hi}, \quad \Delta w_{ik} = \eta\, \delta_i\, x_k,
$$

so that a classic mistake (`backprop._mistakes`) is one factor, one forward pass or one update replaced.
The public names are re-exported, and documented, by `backprop.homework`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import activations, labels
from ._checks import DOUBLE_RANGE, as_input, as_target, check_eta, describe
from ._steps import computed_from
from .activations import Array
from .network import ForwardPass, Network, _forward, _read_only, _unchecked, checked_network, checked_sizes, forward
from .rules import _cost, _error, _from_factors, _updates
from .train import _added, _new_value

#: One iteration by step name, in trace order: ``{"v1": ..., "Δw41": ..., "E(n+1)": ...}``.
Trace = dict[str, float]


# One iteration, named as the trace names it


@dataclass(frozen=True)
class Updates:
    r"""The four rules' updates: $\Delta w_{ji}$ (n_out, n_hidden), $\Delta b_j$, $\Delta w_{ik}$ (n_hidden, n_in),
    $\Delta b_i$."""

    dw_output: Array
    db_output: Array
    dw_hidden: Array
    db_hidden: Array


def _step_names(n_in: int, n_hidden: int, n_out: int) -> tuple[str, ...]:
    """The step names of a network of these sizes, in trace order, in the slides' numbering (hidden 1.., outputs
    after): the order in which `_names_and_values` lists the values; `backprop._steps` names them, with what each is
    computed from."""
    return tuple(computed_from(n_in, n_hidden, n_out))


def _names_and_values(fp: ForwardPass, d: Array, u: Updates, new: Network, y_next: Array,
                      value: Callable[[object], object] = float,
                      cost: Callable[[Array], object] = _cost) -> Trace:
    """Every step of one iteration in trace order, named by `_step_names`, each made a ``value`` (a float;
    `backprop._exact` passes arrays of `Decimal` and keeps them); ``cost(e)`` gives E and E(n+1)."""
    e, e_next = _error(fp.y_output, d), _error(y_next, d)
    # in the order of _step_names, group by group (a matrix row by row: Δw_41, Δw_42, Δw_43; Δw_11, Δw_12, ...)
    steps = (*fp.v_hidden, *fp.y_hidden, *fp.v_output, *fp.y_output, *e, cost(e),
             *np.ravel(u.dw_output), *u.db_output, *np.ravel(u.dw_hidden), *u.db_hidden,
             *np.ravel(new.w_output), *new.b_output, *np.ravel(new.w_hidden), *new.b_hidden, *y_next, cost(e_next))
    names = _step_names(fp.x.shape[0], fp.y_hidden.shape[0], fp.y_output.shape[0])
    return {name: value(step) for name, step in zip(names, steps, strict=True)}


def trace(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace:
    r"""Every step of one online iteration $n \to n+1$, right, by name in the order a student computes them.

    The forward pass ($v_i$, $y_{hi}$, $v_j$, $y_j$), $e_j = d_j - y_j$, $E = \tfrac12 \sum_j e_j^2$, the four
    rules of `backprop.rules`, the new values of `backprop.train.step`, and the same input through the updated
    network: $y(n+1)$ and $E(n+1)$.

    Parameters
    ----------
    net : Network
        The weights at time $n$.
    x : array_like, shape (n_in,)
        The input $x(n)$.
    d : float or array_like, shape (n_out,)
        The desired output; a scalar when ``n_out == 1``.
    eta : float
        The learning rate $\eta > 0$.

    Returns
    -------
    dict
        Step name (``"v1"``, ``"Δw41"``, ``"w41(n+1)"``, ``"E(n+1)"``, ...) to its value, in trace order.

    Raises
    ------
    FloatingPointError
        Finite inputs whose iteration overflows: the message names the first step, in trace order, beyond a
        double's range (about $\pm 1.8 \cdot 10^{308}$), and the largest numbers given.
    TypeError
        ``net`` is not a `Network`, or ``x``, ``d`` or ``eta`` is not a number (text, a boolean, None), named.
    ValueError
        ``x`` or ``d`` is not of the network's shape, holds nan or an infinity, or ``eta`` is not a finite number
        above 0.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported below, naming its step
        fp = forward(net, x)
        d, eta = as_target(d, net.n_out), check_eta(eta)
        rules = _updates(fp, d, eta)  # the four rules' arithmetic (backprop.rules), once
        u = Updates(rules.dw_output, rules.db_output, rules.dw_hidden, rules.db_hidden)
        new = _unchecked(*_added(net, rules), net.hidden, net.output)  # step's arithmetic, checked below
        rows = _names_and_values(fp, d, u, new, _forward(new, fp.x).y_output)
    _require_finite(rows, net, fp.x, d, eta)
    return rows


def _require_finite(rows: Trace, net: Network, x: Array, d: Array, eta: float) -> None:
    """Raise FloatingPointError at the first step of ``rows`` that is not finite, naming it and the largest numbers
    given (the inputs are finite: some product or sum of them passed a double's range)."""
    bad = next(((name, value) for name, value in rows.items() if not np.isfinite(value)), None)
    if bad is None:
        return
    name, value = bad
    given = _given(net, x, d, eta)
    largest = max(abs(v) for v in given.values())
    named = [f"{n} = {v:g}" for n, v in given.items() if abs(v) == largest]
    what = (f"{name} = {value}, beyond a double's range ({DOUBLE_RANGE})" if np.isinf(value) else
            f"{name} is nan, an infinity in its arithmetic (a number beyond a double's range, {DOUBLE_RANGE})")
    numbers = (f"number given is {named[0]}" if len(named) == 1 else
               f"numbers given are {', '.join(named[:-1])} and {named[-1]}")
    raise FloatingPointError(f"one iteration overflows: {what}; the largest {numbers}: choose smaller numbers")


def _given(net: Network, x: Array, d: Array, eta: float) -> dict[str, float]:
    """Every number an iteration is given, named as the slides name them: x1 ..., d (d5 ... for several outputs),
    eta, and the weights and biases (w11 ..., b4)."""
    out = labels.output_neurons(net.n_hidden, net.n_out)
    given = {f"x{k}": float(v) for k, v in zip(labels.inputs(net.n_in), x)}
    given |= {("d" if net.n_out == 1 else f"d{j}"): float(v) for j, v in zip(out, d)}
    given |= {"eta": float(eta)}
    for name in labels.PARAMETERS:
        given |= {labels.parameter(name, index, net.n_hidden, sep=""): float(v)
                  for index, v in np.ndenumerate(getattr(net, name))}
    return given


def names(n_in: int = 2, n_hidden: int = 3, n_out: int = 1) -> tuple[str, ...]:
    """The step names of a network of these sizes, in trace order (default: the slides' 2-3-1 network)."""
    return _step_names(*checked_sizes(n_in, n_hidden, n_out))


# The same iteration with one slip: the factors of the rules, each replaceable


@dataclass(frozen=True)
class Factors:
    r"""The factors of the four rules for one sample; a classic mistake replaces one of them.

    $$
    \Delta w_{ji} = \eta\, e_j f'(v_j)\, y_{hi}, \quad \Delta b_j = \eta\, e_j f'(v_j) \cdot 1,
    $$

    $$
    \Delta w_{ik} = \eta \Big[\sum_j e_j f'(v_j)\, w_{ji}\Big] f'(v_i)\, x_k, \quad
    \Delta b_i = \eta \Big[\sum_j e_j f'(v_j)\, w_{ji}\Big] f'(v_i) \cdot 1.
    $$
    """

    fp: ForwardPass  # the forward pass the rules are applied to: v_i, y_hi, v_j, y_j
    eta: float  # η
    e: Array  # e_j = d_j − y_j, shape (n_out,)
    f_prime_output: Array  # f'(v_j), from y_j
    w_back: Array  # w_ji(n): the weights the hidden rules send the error back through
    f_prime_hidden: Array  # f'(v_i), from y_hi
    output_weight_input: Array  # ∂v_j/∂w_ji = y_hi
    output_bias_input: float  # ∂v_j/∂b_j = 1
    hidden_weight_input: Array  # ∂v_i/∂w_ik = x_k
    hidden_bias_input: float  # ∂v_i/∂b_i = 1


def right_factors(net: Network, fp: ForwardPass, d: Array, eta: float) -> Factors:
    """The factors as the slides' rules have them, for the forward pass ``fp`` of ``net`` (a slipped forward pass
    may hold inf or nan: the slopes are then inf or nan too, as `iteration` says, not an error)."""
    return Factors(
        fp=fp,
        eta=eta,
        e=_error(fp.y_output, d),
        f_prime_output=activations._applied(activations.get(net.output), "derivative_from_output", fp.y_output),
        w_back=net.w_output,
        f_prime_hidden=activations._applied(activations.get(net.hidden), "derivative_from_output", fp.y_hidden),
        output_weight_input=fp.y_hidden,
        output_bias_input=1.0,
        hidden_weight_input=fp.x,
        hidden_bias_input=1.0,
    )


def updates(f: Factors) -> Updates:
    r"""The four rules from their factors, as `backprop.rules` computes them (its `_from_factors`, the one
    definition): $\delta_j = e_j f'(v_j)$, $\delta_i = f'(v_i) \sum_j \delta_j w_{ji}$, then
    $\Delta w_{ji} = \eta \delta_j y_{hi}$, $\Delta b_j = \eta \delta_j$, $\Delta w_{ik} = \eta \delta_i x_k$,
    $\Delta b_i = \eta \delta_i$ (each times its input)."""
    u = _from_factors(f.eta, f.e, f.f_prime_output, f.w_back, f.f_prime_hidden, f.output_weight_input,
                      f.hidden_weight_input, f.output_bias_input, f.hidden_bias_input)
    return Updates(u.dw_output, u.db_output, u.dw_hidden, u.db_hidden)


def iteration(
    net: Network,
    x: ArrayLike,
    d: ArrayLike,
    eta: float,
    *,
    forward_pass: Callable[[Network, Array], ForwardPass] = forward,
    slip: Callable[[Factors], Factors] = lambda f: f,
    new_value: Callable[[Array, Array], Array] = _new_value,
    cost: Callable[[Array], float] = _cost,
) -> Trace:
    r"""Every step of one iteration as a student computes it, with an optional slip in one place.

    ``forward_pass(net, x)`` is used at time $n$ and again for $y(n+1)$ (a student who slips in the forward pass
    slips twice); ``slip`` replaces factors of the four rules; ``new_value(old, delta)`` makes $\theta(n+1)$;
    ``cost(e)`` makes the rows $E$ and $E(n+1)$ of the errors. Without any, the result equals `trace`, to the
    bit. The rows $e$ and $E$ are $d - y$ and $\tfrac12\sum_j e_j^2$ of the forward pass used. A slip can
    overflow where the right iteration does not (``cost-for-error`` puts the cost $E$, of the size of $e$ squared,
    where $e$ belongs): its rows are then inf or nan, not an error (but a registered activation's formula that raises
    ``OverflowError`` raises it here), and `backprop.homework.check` names no mistake for such a value. A
    ``forward_pass``, ``slip``, ``new_value`` or ``cost`` that is not callable, or returns something else than a
    `ForwardPass`, a `Factors`, an array of its first argument's shape or a real number, raises TypeError naming it.
    """
    for name, fn in (("forward_pass", forward_pass), ("slip", slip), ("new_value", new_value), ("cost", cost)):
        if not callable(fn):
            raise TypeError(f"{name} must be callable, got {f'str {fn!r}' if isinstance(fn, str) else describe(fn)}")
    net = checked_network(net)
    x = as_input(x, net.n_in)
    d, eta = as_target(d, net.n_out), check_eta(eta)
    if forward_pass is forward:  # the right forward pass on what is checked above: its arithmetic, not its checks
        forward_pass = _read_only_forward

    def passed(network: Network) -> ForwardPass:
        return _returned("forward_pass", forward_pass(network, x), ForwardPass)

    def added(old: Array, delta: Array) -> Array:
        value = new_value(old, delta)
        if not (isinstance(value, np.ndarray) and value.dtype.kind in "iuf" and value.shape == old.shape):
            raise TypeError(f"new_value must return an array of real numbers of shape {old.shape} (its first "
                            f"argument's), got {describe(value)}")
        return value

    def cost_of(e: Array) -> object:
        return _returned("cost", cost(e), float)

    with np.errstate(over="ignore", invalid="ignore"):  # a slip's overflow gives inf or nan rows (the docstring)
        fp = passed(net)
        u = updates(_returned("slip", slip(right_factors(net, fp, d, eta)), Factors))
        new = _unchecked(added(net.w_hidden, u.dw_hidden), added(net.b_hidden, u.db_hidden),
                         added(net.w_output, u.dw_output), added(net.b_output, u.db_output), net.hidden, net.output)
        return _names_and_values(fp, d, u, new, passed(new).y_output, cost=cost_of)


def _read_only_forward(net: Network, x: Array) -> ForwardPass:
    """`forward` on a checked network and input, without checking them again: its fields read-only as `forward`
    leaves them, so that a slip cannot change the forward pass the rules are given."""
    return _read_only(_forward(net, x))


def _returned(name: str, value: object, kind: type) -> object:
    """``value``, what the argument ``name`` of `iteration` returned, if it is a ``kind`` (a float: a real number, a
    numpy one or a 0-d array too); a TypeError naming the argument and the value otherwise (a slip returning None
    had failed later, inside the rules, with an AttributeError naming neither)."""
    ok = (np.ndim(value) == 0 and np.asarray(value).dtype.kind in "iuf" and not isinstance(value, bool | np.bool_)
          if kind is float else isinstance(value, kind))
    if not ok:
        wanted = "a real number" if kind is float else f"a {kind.__name__}"
        raise TypeError(f"{name} must return {wanted}, got {describe(value)}")
    return value
