r"""Activation functions and their derivatives, named as in MATLAB and the slides.

Each activation is stored with two forms of its derivative, as in scikit-learn's
``sklearn/neural_network/_base.py``:

* ``derivative(v)``: $f'(v)$, a function of the induced local field $v$;
* ``derivative_from_output(y)``: the same number written with the output $y = f(v)$,
  the form the slides use in the update rules, e.g. $f'(v) = f(v)\,(1 - f(v))$.

| name      | $f(v)$             | $f'(v)$ from $v$          | from $y = f(v)$ |
|-----------|--------------------|---------------------------|-----------------|
| `logsig`  | $1 / (1 + e^{-v})$ | $e^{-v} / (1 + e^{-v})^2$ | $y\,(1 - y)$    |
| `tansig`  | $\tanh v$          | $\operatorname{sech}^2 v$ | $1 - y^2$       |
| `purelin` | $v$                | $1$                       | $1$             |

Each row is written once, as the functions below, and entered in the table `ACTIVATIONS` with
`register`: everything else (`Network`, `forward`, the rules, `step`, `train`) looks activations up
there by name, so an activation registered with `register` works everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def logsig(v: ArrayLike) -> Array:
    r"""Logistic sigmoid $f(v) = \dfrac{1}{1 + e^{-v}}$, elementwise.

    Numerically stable: ``logsig(-1000.0)`` is ``0.0`` and ``logsig(1000.0)`` is ``1.0``,
    with no overflow warning (``exp`` only ever sees $-|v|$).
    """
    v = np.asarray(v, dtype=float)
    with np.errstate(under="ignore"):  # exp(-|v|) -> 0 for |v| > 745 is the right answer, not an error
        z = np.exp(-np.abs(v))  # in [0, 1], never overflows
        return np.where(v >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def logsig_derivative(v: ArrayLike) -> Array:
    r"""$f'(v) = \dfrac{e^{-v}}{(1 + e^{-v})^2}$, computed stably as $f(v)(1 - f(v))$."""
    return logsig_derivative_from_output(logsig(v))


def logsig_derivative_from_output(y: ArrayLike) -> Array:
    r"""$f'(v) = y\,(1 - y)$ where $y = f(v)$."""
    y = np.asarray(y, dtype=float)
    with np.errstate(under="ignore"):  # a subnormal y times (1 - y) may round to 0: that is f'(v) there
        return y * (1.0 - y)


def tansig(v: ArrayLike) -> Array:
    r"""Hyperbolic tangent $f(v) = \tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$."""
    return np.tanh(np.asarray(v, dtype=float))


def tansig_derivative(v: ArrayLike) -> Array:
    r"""$f'(v) = \operatorname{sech}^2 v = 1 / \cosh^2 v$, computed stably as $1 - \tanh^2 v$ (never overflows)."""
    return tansig_derivative_from_output(tansig(v))


def tansig_derivative_from_output(y: ArrayLike) -> Array:
    r"""$f'(v) = 1 - y^2$ where $y = \tanh v$."""
    y = np.asarray(y, dtype=float)
    return 1.0 - y * y


def purelin(v: ArrayLike) -> Array:
    r"""Linear transfer function $f(v) = v$ (a copy, so the caller's array is never shared)."""
    return np.array(v, dtype=float)


def purelin_derivative(v: ArrayLike) -> Array:
    r"""$f'(v) = 1$."""
    return purelin_derivative_from_output(purelin(v))


def purelin_derivative_from_output(y: ArrayLike) -> Array:
    r"""$f'(v) = 1$, whatever the output."""
    return np.ones_like(np.asarray(y, dtype=float))


@dataclass(frozen=True)
class Activation:
    """One activation function with both forms of its derivative (element-wise on float arrays)."""

    name: str
    f: Callable[[ArrayLike], Array]
    derivative: Callable[[ArrayLike], Array]
    derivative_from_output: Callable[[ArrayLike], Array]


ACTIVATIONS: dict[str, Activation] = {}

_PROBE = np.array([-2.5, -0.75, 0.3, 1.6])  # where register() tries a new activation: both signs, no kink at 0


def register(
    name: str,
    f: Callable[[ArrayLike], Array],
    derivative_from_output: Callable[[ArrayLike], Array],
    derivative: Callable[[ArrayLike], Array] | None = None,
) -> Activation:
    r"""Add an activation to the table; `Network`, `forward`, `step` and `train` then accept its name.

    The rules need $f'(v)$ written with the output $y = f(v)$, so that form is required; $f'(v)$ from $v$
    defaults to ``derivative_from_output(f(v))``. Before it is added, the activation is tried on a few
    points: each function must return a finite float array of its input's shape, and $f'$ must match
    central differences of $f$, so a slip in a derivative is refused here rather than trained with.

    Parameters
    ----------
    name : str
        The name a `Network` uses (``hidden=name``); must be new.
    f : callable
        $f(v)$, element-wise: array of shape (n,) -> array of shape (n,).
    derivative_from_output : callable
        $f'(v)$ as a function of $y = f(v)$, element-wise.
    derivative : callable, optional
        $f'(v)$ as a function of $v$.

    Raises
    ------
    ValueError
        The name is taken, or a function fails on the probe points (the message names the function and why).
    TypeError
        The name is not a string or a function is not callable.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"an activation's name must be a non-empty string, got {name!r}")
    if name in ACTIVATIONS:
        raise ValueError(f"activation {name!r} is already registered")
    if derivative is None:
        def derivative(v: ArrayLike) -> Array:
            return derivative_from_output(f(v))
    for role, fn in (("f", f), ("derivative_from_output", derivative_from_output), ("derivative", derivative)):
        if not callable(fn):
            raise TypeError(f"activation {name!r}: {role} must be callable, got {type(fn).__name__}")
    y = _probe(name, "f", f, _PROBE)
    h = 1e-6
    slope = (_probe(name, "f", f, _PROBE + h) - _probe(name, "f", f, _PROBE - h)) / (2 * h)
    for role, fn, at in (("derivative_from_output", derivative_from_output, y), ("derivative", derivative, _PROBE)):
        got = _probe(name, role, fn, at)
        if not np.allclose(got, slope, rtol=1e-4, atol=1e-6):
            raise ValueError(f"activation {name!r}: {role} does not match the slope of f: at v = {_PROBE.tolist()} "
                             f"it gives {got.tolist()}, central differences of f give {slope.tolist()}")
    ACTIVATIONS[name] = Activation(name, f, derivative, derivative_from_output)
    return ACTIVATIONS[name]


def _probe(name: str, role: str, fn: Callable[[ArrayLike], Array], at: Array) -> Array:
    """``fn`` on a copy of ``at``: a finite float array of the same shape, or a ValueError naming the function."""
    try:
        out = np.asarray(fn(at.copy()))
    except Exception as exc:  # any failure of the caller's function is reported as the registration's error
        raise ValueError(f"activation {name!r}: {role} fails on the array {at.tolist()}: {exc!r}") from exc
    if out.shape != at.shape or out.dtype.kind != "f" or not np.all(np.isfinite(out)):
        raise ValueError(f"activation {name!r}: {role} must return finite floats of its input's shape {at.shape}, "
                         f"got {out!r}")
    return out


register("logsig", logsig, logsig_derivative_from_output, logsig_derivative)
register("tansig", tansig, tansig_derivative_from_output, tansig_derivative)
register("purelin", purelin, purelin_derivative_from_output, purelin_derivative)


def get(name: str) -> Activation:
    """Look an activation up by name; an unknown name raises ValueError listing the known ones."""
    if not isinstance(name, str) or name not in ACTIVATIONS:
        known = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; known activations are {known}")
    return ACTIVATIONS[name]
