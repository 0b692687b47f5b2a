r"""The four online update rules of the slides, one function each.

Every rule starts from $E(n) = \tfrac12 \sum_j e_j(n)^2$ with $e_j(n) = d_j(n) - y_j(n)$
and returns $\Delta = -\eta\,\partial E(n)/\partial(\text{parameter})$. The slides have a single
linear output ($j = 4$, $f'(v_4) = 1$); these functions keep the general factor
$f'(v_j)$ and, in the two hidden rules, the sum over all outputs $j$.
All four read the weights at time $n$ from the forward pass, never updated ones.

The arithmetic is written once, in `_updates` and `_from_factors`: all four rules from one forward pass, with
$e_j(n)$ and the local gradients $\delta_j$ and $\delta_i$ computed once each. It trusts ``d`` and ``eta``, and takes
the slopes from `f_prime_output` and `f_prime_hidden` (each the layer's activation's ``derivative_from_output``, the
one definition of its slope, which the package's other modules call too), which pass a ``ForwardPass`` that `forward`
made after one ``isinstance`` test; the public functions check their inputs (``fp``, ``d``, ``eta``: `_checked`; a
``ForwardPass`` built by hand field by field) and take their rule from it, and so do [`step`][backprop.train.step]
and [`train`][backprop.train.train].
Where finite inputs give a result beyond a double's range, `error`, `cost` and the four rules raise
``FloatingPointError`` naming it, and so do the slopes for a ``ForwardPass`` built by hand (under
``np.errstate(over="ignore")`` the caller asks for the infinities instead, and gets them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_array, as_target, check_eta, overflow_is_an_error, require_finite
from .activations import Array
from .network import ForwardPass, _trusted, checked_network

# Over 300 lines because each public function carries its numpydoc (parameters, returns, its rule in LaTeX), which
# the API reference shows; the arithmetic of the four rules is the few lines of `_updates`, and the rest checks and
# names what it is given.
# The public names, and the API reference's members (mkdocs.yml: filters: public); T is a type variable of _finite.
__all__ = [
    "cost",
    "delta_b_hidden",
    "delta_b_output",
    "delta_w_hidden",
    "delta_w_output",
    "error",
    "f_prime_hidden",
    "f_prime_output",
]

T = TypeVar("T")


def error(fp: ForwardPass, d: ArrayLike) -> Array:
    r"""The error $e_j(n) = d_j(n) - y_j(n)$ of each output neuron.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number when the network has one output.

    Returns
    -------
    array, shape (n_out,)
    """
    fp, d = _checked(fp, d)
    return _finite("error", "e", lambda: _error(fp.y_output, d), "choose a d nearer the output y")


def cost(fp: ForwardPass, d: ArrayLike) -> float:
    r"""The cost $E(n) = \tfrac12 \sum_j e_j(n)^2$ (the slides' $\tfrac12 e(n)^2$).

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number when the network has one output.

    Returns
    -------
    float
    """
    e = error(fp, d)
    return float(_finite("cost", "E", lambda: _cost(e), "choose a d nearer the output y"))


def f_prime_output(fp: ForwardPass) -> Array:
    r"""$f'(v_j(n))$ of each output neuron, from its output $y_j$ (1 for the slides' linear output).

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.

    Returns
    -------
    array, shape (n_out,)
    """
    checked = _checked(fp)
    return _slopes(checked, activations._of(checked.net.output), checked.y_output, checked is fp, "f_prime_output",
                   "f'(v_j)", "fp.y_output")


def f_prime_hidden(fp: ForwardPass) -> Array:
    r"""$f'(v_i(n))$ of each hidden neuron, from its output $y_{hi}$: for logsig $f(v_i)(1 - f(v_i))$.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.

    Returns
    -------
    array, shape (n_hidden,)
    """
    checked = _checked(fp)
    return _slopes(checked, activations._of(checked.net.hidden), checked.y_hidden, checked is fp, "f_prime_hidden",
                   "f'(v_i)", "fp.y_hidden")


def delta_w_output(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (1), output weights: $\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, y_{hi}(n)$.

    With the slides' linear output this is $\eta\,(d(n) - y(n))\, f(v_i(n))$.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number when the network has one output.
    eta : float
        The learning rate $\eta > 0$.

    Returns
    -------
    array, shape (n_out, n_hidden)
    """
    return _rule("delta_w_output", "Δw_ji", "dw_output", *_checked(fp, d, eta))


def delta_b_output(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (2), output biases: $\Delta b_j(n) = \eta\, e_j(n)\, f'(v_j(n)) \cdot 1$.

    With the slides' linear output this is $\eta\,(d(n) - y(n))$.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number when the network has one output.
    eta : float
        The learning rate $\eta > 0$.

    Returns
    -------
    array, shape (n_out,)
    """
    return _rule("delta_b_output", "Δb_j", "db_output", *_checked(fp, d, eta))


def delta_w_hidden(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (3), hidden weights:
    $\Delta w_{ik}(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n))\, x_k(n)$.

    In the slides' network (one linear output, logsig hidden neurons) the sum has one term:
    $\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))\, x_k(n)$.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number when the network has one output.
    eta : float
        The learning rate $\eta > 0$.

    Returns
    -------
    array, shape (n_hidden, n_in)
    """
    return _rule("delta_w_hidden", "Δw_ik", "dw_hidden", *_checked(fp, d, eta))


def delta_b_hidden(fp: ForwardPass, d: ArrayLike, eta: float) -> Array:
    r"""Rule (4), hidden biases:
    $\Delta b_i(n) = \eta \big[\sum_j e_j(n) f'(v_j(n)) w_{ji}(n)\big] f'(v_i(n)) \cdot 1$.

    In the slides' network (one linear output, logsig hidden neurons):
    $\eta\,(d(n) - y(n))\, w_{4i}(n)\, f(v_i(n))(1 - f(v_i(n)))$.

    Parameters
    ----------
    fp : ForwardPass
        The forward pass at time $n$: ``forward(net, x)``.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number when the network has one output.
    eta : float
        The learning rate $\eta > 0$.

    Returns
    -------
    array, shape (n_hidden,)
    """
    return _rule("delta_b_hidden", "Δb_i", "db_hidden", *_checked(fp, d, eta))


def _checked(fp: ForwardPass, *d_eta: ArrayLike | float):
    """The public functions' inputs, checked once: ``fp`` alone, ``(fp, d)`` or ``(fp, d, eta)``, ``d`` as an array
    of shape (n_out,). A ``ForwardPass`` that `forward` made is trusted; one built by hand has its fields checked
    (`_checked_fields`)."""
    if not isinstance(fp, ForwardPass):
        raise TypeError(f"fp must be a ForwardPass, the result of backprop.forward(net, x); got {type(fp).__name__}")
    if not fp._trusted:
        fp = _checked_fields(fp)
    if not d_eta:
        return fp
    _require_finite_pass(fp)  # the public functions that take d: error, cost and the four rules
    d = as_target(d_eta[0], fp.net.n_out)
    return (fp, d) if len(d_eta) == 1 else (fp, d, check_eta(d_eta[1]))


def _require_finite_pass(fp: ForwardPass) -> None:
    """Refuse a forward pass whose outputs, which the rules read, hold an infinity or nan, naming the field: `forward`
    gives one only where it overflowed and the caller asked for the infinities, and the rules' message would blame
    finite inputs (a reviewer's). A field v overflowed to inf under a sigmoid is no matter: its output is finite. Not
    where the caller asks for the infinities; for the public functions that take ``d`` only (`_updates` trusts its
    forward pass, and asks for the slopes with ``fp`` alone)."""
    if not overflow_is_an_error():
        return
    for name in ("y_hidden", "y_output"):
        value = getattr(fp, name)
        if not np.all(np.isfinite(value)):
            raise FloatingPointError(f"fp.{name} is {value.tolist()}: the forward pass overflowed (it was made under "
                                     f"np.errstate(over='ignore')), so nothing computed from it is finite; choose "
                                     f"smaller weights or inputs, or ask for the infinities here too")


def _checked_fields(fp: ForwardPass) -> ForwardPass:
    """A ForwardPass built by hand, its fields checked as `forward`'s inputs are (numbers, 1-D, finite) and against
    the sizes of its ``net``, each error naming the field (``fp.y_hidden``); a copy of the fields, read-only."""
    net = checked_network(fp.net, "fp.net")
    sizes = {"x": (net.n_in, "input"), "v_hidden": (net.n_hidden, "hidden neuron"),
             "y_hidden": (net.n_hidden, "hidden neuron"), "v_output": (net.n_out, "output neuron"),
             "y_output": (net.n_out, "output neuron")}
    fields = {name: as_array(f"fp.{name}", getattr(fp, name), 1, (n,),
                             because=f"fp.net has {n} {what}{'s' if n != 1 else ''}")
              for name, (n, what) in sizes.items()}
    return _trusted(ForwardPass(net, **fields))


def _finite(function: str, name: str, compute: Callable[[], T], advice: str | Callable[[], str]) -> T:
    """``compute()``, the arithmetic of the public ``function``, without numpy's warnings; where it passes a double's
    range, a FloatingPointError naming ``function`` and its result ``name`` (`require_finite`), unless the caller asked
    for the infinities (``np.errstate(over="ignore")``)."""
    named = overflow_is_an_error()
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported below, naming the result
        value = compute()
    if named:
        require_finite(function, [(name, value)], advice)
    return value


def _slopes(fp: ForwardPass, act: activations.Activation, outputs: Array, made_by_forward: bool, function: str,
            name: str, field: str) -> Array:
    """$f'$ of ``act`` from a layer's ``outputs`` (the field ``field`` of ``fp``), for the public ``function``.

    `_updates` calls the public functions with `forward`'s own ForwardPass (``made_by_forward``), sample by sample in
    `train`: that one's slopes are computed as they are (with Python floats, which numpy's warnings never concern; a
    registered activation whose $f'$ overflows there is caught where the slope is used, in the rules' updates). One
    built by hand, with outputs of any size, has its slopes checked (`_finite`)."""
    if made_by_forward:
        return activations._applied(act, "derivative_from_output", outputs)
    return _finite(function, name, lambda: activations._applied(act, "derivative_from_output", outputs),
                   f"choose a smaller {field}")


def _rule(function: str, name: str, field: str, fp: ForwardPass, d: Array, eta: float) -> Array:
    """One rule's update (``field`` of `_updates`) for checked inputs, named ``name`` where it overflows."""
    return _finite(function, name, lambda: getattr(_updates(fp, d, eta), field),
                   lambda: _overflow_advice(fp, d, eta, (field,)))


#: The four rules' fields of `_Updates`.
_FIELDS = ("dw_output", "db_output", "dw_hidden", "db_hidden")


def _overflows_unscaled(fp: ForwardPass, d: Array, fields: tuple[str, ...] = _FIELDS) -> bool:
    """Whether one of the updates ``fields`` overflows before eta scales it (the rules multiply by eta last)."""
    with np.errstate(over="ignore", invalid="ignore"):
        unscaled = _updates(fp, d, 1.0)
    return not all(np.all(np.isfinite(getattr(unscaled, field))) for field in fields)


def _overflow_advice(fp: ForwardPass, d: Array, eta: float, fields: tuple[str, ...] = _FIELDS) -> str:
    """What helps where the updates ``fields`` overflowed: a smaller eta, unless one of them overflows before eta
    scales it, where no eta does at these weights (a code review's step with eta = 1e-300 was told to lower it); but
    the weights may come from the caller's own earlier steps (a student's loop of steps with eta = 2 was told that no
    eta helps)."""
    if _overflows_unscaled(fp, d, fields):
        return UNSCALED_OVERFLOW + "; if earlier steps of yours grew these weights, a smaller eta in those steps helps"
    return f"choose a smaller eta (got {eta:g}) or smaller inputs"


UNSCALED_OVERFLOW = ("it does so before eta scales the update (the gradient itself is that large at these weights), "
                     "so no eta helps; choose smaller weights or inputs")
"""The advice where an update overflows before eta scales it."""


# --- the arithmetic, on checked inputs ------------------------------------------------------------------


@dataclass(frozen=True)
class _Updates:
    """What one iteration computes: the error, the local gradients and the four rules' updates."""

    e: Array  # e_j(n), shape (n_out,)
    dw_output: Array  # rule (1), shape (n_out, n_hidden)
    db_output: Array  # rule (2), shape (n_out,)
    dw_hidden: Array  # rule (3), shape (n_hidden, n_in)
    db_hidden: Array  # rule (4), shape (n_hidden,)
    delta_j: Array  # δ_j = e_j f'(v_j), shape (n_out,)
    delta_i: Array  # δ_i = [Σ_j δ_j w_ji] f'(v_i), shape (n_hidden,)


def _error(y: Array, d: Array) -> Array:
    return d - y  # e_j(n) = d_j(n) - y_j(n)


def _cost(e: Array) -> float:
    return np.sum(e * e) / 2  # E(n) = 1/2 sum_j e_j(n)^2, term by term (also for Decimal arrays: backprop._exact)


def _back_sum(delta_j: Array, w_back: Array) -> Array:
    r"""$\sum_j \delta_j\, w_{ji}$ for every hidden neuron $i$: the error sent back through the output weights, added
    term by term, as `network._forward` adds its fields (no fused multiply-add)."""
    return (delta_j[:, np.newaxis] * w_back).sum(axis=0)


def _updates(fp: ForwardPass, d: Array, eta: float) -> _Updates:
    r"""The four rules from one forward pass, for a checked ``d`` (shape (n_out,)) and ``eta``."""
    return _from_factors(eta, _error(fp.y_output, d), f_prime_output(fp), fp.net.w_output, f_prime_hidden(fp),
                         fp.y_hidden, fp.x)


def _from_factors(eta: float, e: Array, f_prime_j: Array, w_back: Array, f_prime_i: Array, y_hidden: Array,
                  x: Array, output_bias_input: float = 1.0, hidden_bias_input: float = 1.0) -> _Updates:
    r"""The four rules from their factors, each local gradient computed once: $\delta_j = e_j f'(v_j)$,
    $\delta_i = \bigl[\sum_j \delta_j w_{ji}\bigr] f'(v_i)$, then $\Delta w_{ji} = \eta\,\delta_j\,y_{hi}$,
    $\Delta b_j = \eta\,\delta_j \cdot 1$, $\Delta w_{ik} = \eta\,\delta_i\,x_k$, $\Delta b_i = \eta\,\delta_i \cdot 1$
    (the 1s are $\partial v/\partial b$; `backprop.homework`'s slips replace factors; `backprop._exact` passes arrays
    of `Decimal`, and ``Decimal(1)`` for them). So where an input $x_k$ is 1,
    $\Delta w_{ik}$ and $\Delta b_i$ are the same double."""
    delta_j = e * f_prime_j  # δ_j = e_j f'(v_j)
    delta_i = _back_sum(delta_j, w_back) * f_prime_i  # δ_i = [Σ_j δ_j w_ji(n)] f'(v_i), one per hidden neuron i
    return _Updates(
        e,
        dw_output=eta * np.outer(delta_j, y_hidden),  # rule (1): η δ_j y_hi
        db_output=eta * delta_j * output_bias_input,  # rule (2): η δ_j · ∂v_j/∂b_j
        dw_hidden=eta * np.outer(delta_i, x),  # rule (3): η δ_i x_k
        db_hidden=eta * delta_i * hidden_bias_input,  # rule (4): η δ_i · ∂v_i/∂b_i
        delta_j=delta_j,
        delta_i=delta_i,
    )
