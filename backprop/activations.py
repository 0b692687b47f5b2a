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
    y = logsig(v)
    with np.errstate(under="ignore"):  # a subnormal y times (1 - y) may round to 0: that is f'(v) here
        return y * (1.0 - y)


def logsig_derivative_from_output(y: ArrayLike) -> Array:
    r"""$f'(v) = y\,(1 - y)$ where $y = f(v)$."""
    y = np.asarray(y, dtype=float)
    with np.errstate(under="ignore"):
        return y * (1.0 - y)


def tansig(v: ArrayLike) -> Array:
    r"""Hyperbolic tangent $f(v) = \tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$."""
    return np.tanh(np.asarray(v, dtype=float))


def tansig_derivative(v: ArrayLike) -> Array:
    r"""$f'(v) = \operatorname{sech}^2 v = 1 / \cosh^2 v$ (stable: ``cosh`` overflow gives 0)."""
    v = np.asarray(v, dtype=float)
    t = np.tanh(v)
    return 1.0 - t * t


def tansig_derivative_from_output(y: ArrayLike) -> Array:
    r"""$f'(v) = 1 - y^2$ where $y = \tanh v$."""
    y = np.asarray(y, dtype=float)
    return 1.0 - y * y


def purelin(v: ArrayLike) -> Array:
    r"""Linear transfer function $f(v) = v$ (a copy, so the caller's array is never shared)."""
    return np.array(v, dtype=float)


def purelin_derivative(v: ArrayLike) -> Array:
    r"""$f'(v) = 1$."""
    return np.ones_like(np.asarray(v, dtype=float))


def purelin_derivative_from_output(y: ArrayLike) -> Array:
    r"""$f'(v) = 1$, whatever the output."""
    return np.ones_like(np.asarray(y, dtype=float))


@dataclass(frozen=True)
class Activation:
    """One activation function with both forms of its derivative."""

    name: str
    f: Callable[[ArrayLike], Array]
    derivative: Callable[[ArrayLike], Array]
    derivative_from_output: Callable[[ArrayLike], Array]


ACTIVATIONS: dict[str, Activation] = {
    "logsig": Activation("logsig", logsig, logsig_derivative, logsig_derivative_from_output),
    "tansig": Activation("tansig", tansig, tansig_derivative, tansig_derivative_from_output),
    "purelin": Activation("purelin", purelin, purelin_derivative, purelin_derivative_from_output),
}


def get(name: str) -> Activation:
    """Look an activation up by name; an unknown name raises ValueError listing the known ones."""
    if not isinstance(name, str) or name not in ACTIVATIONS:
        known = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; known activations are {known}")
    return ACTIVATIONS[name]
