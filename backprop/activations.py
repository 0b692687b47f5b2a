r"""Activation functions and their derivatives, named as in MATLAB and the slides.

Each activation is stored with two forms of its derivative, as in scikit-learn's
``sklearn/neural_network/_base.py``:

* ``derivative(v)``: $f'(v)$, a function of the induced local field $v$ (for logsig and tansig computed through
  the output, as below, so it is the slope the rules use, and it loses digits where the output is near its limit);
* ``derivative_from_output(y)``: the same number written with the output $y = f(v)$,
  the form the slides use in the update rules, e.g. $f'(v) = f(v)\,(1 - f(v))$.

| name      | $f(v)$             | $f'(v)$ from $v$          | from $y = f(v)$ |
|-----------|--------------------|---------------------------|-----------------|
| `logsig`  | $1 / (1 + e^{-v})$ | $e^{-v} / (1 + e^{-v})^2$ | $y\,(1 - y)$    |
| `tansig`  | $\tanh v$          | $\operatorname{sech}^2 v$ | $1 - y^2$       |
| `purelin` | $v$                | $1$                       | $1$             |

Each formula is written once, below, for one number; `elementwise` applies it to every element of an
array, and `train`'s generated loop (`backprop._unrolled`) calls it on plain floats. Each activation is
entered in the table `ACTIVATIONS` with `register`: everything else (`Network`, `forward`, the rules,
`step`, `train`) looks activations up there by name, so an activation registered with `register` works
everywhere.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ._checks import Array, as_numbers, describe

# Over 300 lines because it is the table of activations and their one check: each formula with a docstring that
# says what it computes and, for the derivatives from v, what it loses, and register, which probes a new one first.

Formula = Callable[[float], float]  # f(v) or f'(v) for one number


def elementwise(formula: Formula, label: str | None = None) -> Callable[[ArrayLike], Array]:
    """The array form of a formula written for one number: ``formula`` applied to every element.

    The result is a new float array of the input's shape (a 0-d array for a number), computed with
    Python floats, whatever ``np.errstate`` says: an underflow to 0 is silent; an overflow of Python's float arithmetic
    (``1e308 * 10``) gives inf, but ``math.exp`` and ``**`` raise ``OverflowError`` (``math.exp(1000)``), which
    `forward`, `step`, `train` and the rules report as a ``FloatingPointError`` naming the activation.
    The argument is checked: an entry that is not a number (None, text, a boolean, a complex number) raises TypeError
    and nan ValueError, each naming the formula and the entry, where numpy would give nan or drop an imaginary part.
    The formula stays reachable as ``.formula``, which `train`'s generated loop calls on plain floats, and the array
    form without the check as ``.unchecked`` (`unchecked`), which `forward` calls on the fields it computed (an
    overflow's infinity or nan is reported there, naming the step).
    """
    name = label or getattr(formula, "__name__", "formula")  # as a message names it: "softsign", not "<lambda>"
    try:  # the argument as the formula names it: v, or y for a derivative written with the output
        argument = next(iter(inspect.signature(formula).parameters))
    except (TypeError, ValueError, StopIteration):
        argument = ""
    argument = argument if argument in ("v", "y") else "its argument"  # math.tanh's "x" is no input x_k

    def unchecked(v: ArrayLike) -> Array:
        v = np.asarray(v, dtype=float)
        return np.array(list(map(formula, v.ravel().tolist())), dtype=float).reshape(v.shape)

    @functools.wraps(formula)
    def on_arrays(v: ArrayLike, /) -> Array:
        return unchecked(as_numbers(f"{name}: {argument}", v, finite=False))

    # help() shows the array form's signature, not the formula's (v: float) -> float that functools.wraps copies
    parameter = argument if argument in ("v", "y") else "v"
    on_arrays.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(parameter, inspect.Parameter.POSITIONAL_ONLY, annotation="ArrayLike")],
        return_annotation="Array")

    on_arrays.formula = formula  # type: ignore[attr-defined]
    on_arrays.unchecked = unchecked  # type: ignore[attr-defined]
    return on_arrays


@elementwise
def logsig(v: float) -> float:
    r"""Logistic sigmoid $f(v) = \dfrac{1}{1 + e^{-v}}$, elementwise.

    Numerically stable: ``logsig(-1000.0)`` is 0 and ``logsig(1000.0)`` is 1 (each a 0-d array, as for any number),
    with no overflow (``exp`` only ever sees $-|v|$).
    """
    if v >= 0.0:
        return 1.0 / (1.0 + math.exp(-v))
    z = math.exp(v)  # e^{-|v|} in (0, 1): never overflows
    return z / (1.0 + z)  # the same 1 / (1 + e^{-v}), multiplied through by e^{v}


@elementwise
def logsig_derivative(v: float) -> float:
    r"""$f'(v) = \dfrac{e^{-v}}{(1 + e^{-v})^2}$, computed from the output as the rules compute it:
    $f(v)(1 - f(v))$, `logsig_derivative_from_output` of `logsig`, the slope `backprop.rules` uses digit for digit.

    It never overflows (`logsig` never does). For $v \le 0$ it is as accurate as $f(v)$. For large positive $v$,
    where $f(v)$ is near 1, $1 - f(v)$ keeps only the digits of $e^{-v}$ that the rounding of $f(v)$ left: the
    relative error grows like $2^{-53} e^{v}$, about $10^{-12}$ at $v = 10$ and 0.1 % at $v = 30$, and from
    $v \approx 36.7$ on $f(v)$ rounds to 1 and the result is 0 (at $v = 40$ the slope is $4.2 \cdot 10^{-18}$),
    while $f'(-v)$, the same number, comes out right.
    """
    return logsig_derivative_from_output.formula(logsig.formula(v))


@elementwise
def logsig_derivative_from_output(y: float) -> float:
    r"""$f'(v) = y\,(1 - y)$ where $y = f(v)$."""
    return y * (1.0 - y)


@elementwise
def tansig(v: float) -> float:
    r"""Hyperbolic tangent $f(v) = \tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$."""
    # numpy's tanh, not math.tanh: the values the package has always given. The two round some inputs apart in
    # the last bit, and the live page's engine is checked against these through finite differences of E.
    return float(np.tanh(v))


@elementwise
def tansig_derivative(v: float) -> float:
    r"""$f'(v) = \operatorname{sech}^2 v = 1 / \cosh^2 v$, computed from the output as the rules compute it:
    $1 - \tanh^2 v$, `tansig_derivative_from_output` of `tansig`, the slope `backprop.rules` uses digit for digit.

    It never overflows ($\cosh^2 v$ would from $|v| \approx 355$ on). For large $|v|$, of either sign, where
    $\tanh^2 v$ is near 1, $1 - \tanh^2 v$ keeps only the digits that its rounding left: the relative error grows
    like $2^{-55} e^{2|v|}$, about $10^{-8}$ at $|v| = 10$ and 0.02 % at $|v| = 15$, and from $|v| \approx 19.0$ on
    $\tanh v$ rounds to $\pm 1$ and the result is 0 (at $v = 19$ the slope is $1.3 \cdot 10^{-16}$).
    """
    return tansig_derivative_from_output.formula(tansig.formula(v))


@elementwise
def tansig_derivative_from_output(y: float) -> float:
    r"""$f'(v) = 1 - y^2$ where $y = \tanh v$."""
    return 1.0 - y * y


@elementwise
def purelin(v: float) -> float:
    r"""Linear transfer function $f(v) = v$ (as a new array: the caller's is never shared)."""
    return v


@elementwise
def purelin_derivative(v: float) -> float:
    r"""$f'(v) = 1$."""
    return purelin_derivative_from_output.formula(purelin.formula(v))


@elementwise
def purelin_derivative_from_output(y: float) -> float:
    r"""$f'(v) = 1$, whatever the output."""
    return 1.0


@dataclass(frozen=True)
class Activation:
    """One activation function with both forms of its derivative, each element-wise on arrays
    (`elementwise`; the formula for one number is each one's ``.formula``)."""

    name: str
    f: Callable[[ArrayLike], Array]
    derivative: Callable[[ArrayLike], Array]
    derivative_from_output: Callable[[ArrayLike], Array]


ACTIVATIONS: dict[str, Activation] = {}

_PROBE = np.array([-2.5, -0.75, 0.3, 1.6])  # where register() tries a new activation: both signs, no kink at 0


def register(name: str, f: Formula, derivative_from_output: Formula, derivative: Formula | None = None) -> Activation:
    r"""Add an activation to the table; `Network`, `forward`, `step` and `train` then accept its name.

    Each function is a formula for one number (``float -> float``, like ``math.tanh``); the table holds
    their array forms (`elementwise`). The rules need $f'(v)$ written with the output $y = f(v)$, so that
    form is required; $f'(v)$ from $v$ defaults to ``derivative_from_output(f(v))``. Before it is added,
    the activation is tried on a few points: each formula must give a finite number, and $f'$ must match
    central differences of $f$, so a slip in a derivative is refused here rather than trained with.

    Parameters
    ----------
    name : str
        The name a `Network` uses (``hidden=name``); must be new.
    f : callable
        $f(v)$ for one number.
    derivative_from_output : callable
        $f'(v)$ as a function of $y = f(v)$, for one number.
    derivative : callable, optional
        $f'(v)$ as a function of $v$, for one number.

    Raises
    ------
    ValueError
        The name is taken, blank or padded with spaces, or a formula fails on the probe points (the message names
        the formula and why).
    TypeError
        The name is not a string or a formula is not callable.

    Notes
    -----
    Where a formula raises ``OverflowError`` on an argument (``math.exp(1000)``), `forward`, `step`, `train` and the
    rules raise ``FloatingPointError`` instead, naming the activation, the formula and the argument, as they report
    any overflow.

    Examples
    --------
    >>> from backprop.activations import ACTIVATIONS, register
    >>> softsign = register("softsign", lambda v: v / (1 + abs(v)), lambda y: (1 - abs(y)) ** 2)
    >>> float(softsign.f(1.0)), float(softsign.derivative(1.0))
    (0.5, 0.25)
    >>> del ACTIVATIONS["softsign"]
    """
    if not isinstance(name, str):
        raise TypeError(f"an activation's name must be a non-empty string, got {name!r}")
    if not name.strip() or name != name.strip():
        raise ValueError(f"an activation's name must not be blank or have spaces around it, got {name!r}")
    if name in ACTIVATIONS:
        raise ValueError(f"activation {name!r} is already registered")
    for role, fn in (("f", f), ("derivative_from_output", derivative_from_output), ("derivative", derivative)):
        if not callable(fn) and not (role == "derivative" and fn is None):
            raise TypeError(f"activation {name!r}: {role} must be callable, got {type(fn).__name__}")
    f = _on_arrays(f, name)
    derivative_from_output = _on_arrays(derivative_from_output, f"{name} derivative_from_output")
    if derivative is None:
        f_of_v, f_prime_of_y = f.formula, derivative_from_output.formula  # type: ignore[attr-defined]
        derivative = elementwise(lambda v: f_prime_of_y(f_of_v(v)), f"{name} derivative")
    derivative = _on_arrays(derivative, f"{name} derivative")
    at = float(_PROBE[2])  # each formula for one number gives one number (train's loop computes with it)
    y_at = _probe_number(name, "f", f.formula, at)  # type: ignore[attr-defined]
    _probe_number(name, "derivative_from_output", derivative_from_output.formula, y_at)  # type: ignore[attr-defined]
    _probe_number(name, "derivative", derivative.formula, at)  # type: ignore[attr-defined]
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


def _on_arrays(fn: Callable, label: str) -> Callable[[ArrayLike], Array]:
    """``fn`` if it is already the array form of a formula (`elementwise`), else its array form, named ``label`` in
    its messages."""
    return fn if hasattr(fn, "formula") else elementwise(fn, label)


def _probe_number(name: str, role: str, formula: Formula, at: float) -> float:
    """``formula`` on the float ``at``: a real number, or numpy's 0-d array of one (`train`'s loop calls it on floats
    and computes with what it gives), or a ValueError naming the formula and what it gave (an array of one number, a
    complex number, text)."""
    try:
        out = formula(at)
    except Exception as exc:  # any failure of the caller's function is reported as the registration's error
        raise ValueError(f"activation {name!r}: {role} fails on the number {at!r}: {exc!r}") from exc
    if isinstance(out, np.ndarray) and out.shape == () and out.dtype.kind in "iuf":
        out = out[()]  # numpy's 0-d result of a formula for one number (np.where(v > 0, v, 0.01 * v)): one number
    if isinstance(out, bool) or not isinstance(out, numbers.Real):
        raise ValueError(f"activation {name!r}: {role} must give a number for a number, got {type(out).__name__} "
                         f"{out!r} for {at!r}")
    return float(out)


def _probe(name: str, role: str, fn: Callable[[ArrayLike], Array], at: Array) -> Array:
    """``fn`` on a copy of ``at``: finite floats, or a ValueError naming the formula."""
    try:
        out = fn(at)
    except Exception as exc:  # any failure of the caller's function is reported as the registration's error
        raise ValueError(f"activation {name!r}: {role} fails on the array {at.tolist()}: {exc!r}") from exc
    if not np.all(np.isfinite(out)):
        raise ValueError(f"activation {name!r}: {role} must give finite numbers, got {out.tolist()} "
                         f"on {at.tolist()}")
    return out


register("logsig", logsig, logsig_derivative_from_output, logsig_derivative)
register("tansig", tansig, tansig_derivative_from_output, tansig_derivative)
register("purelin", purelin, purelin_derivative_from_output, purelin_derivative)


OTHER_NAMES = {"logistic": "logsig", "sigmoid": "logsig", "tanh": "tansig", "identity": "purelin", "linear": "purelin"}
"""Other libraries' names for the activations here (scikit-learn's ``"logistic"``, ``"tanh"``, ``"identity"``;
PyTorch's ``"sigmoid"``), which an unknown name is checked against: the slides use MATLAB's names."""


def meant(name: str) -> str:
    """`` (did you mean 'tansig'? ...)`` after an unknown activation ``name`` that is another library's name for one
    of the slides' (`OTHER_NAMES`), else ``""`` (an instructor's example file with "tanh" was told only the names)."""
    other = OTHER_NAMES.get(name.lower()) if isinstance(name, str) else None
    return f" (did you mean {other!r}? {name!r} is its name elsewhere; the slides use MATLAB's)" if other else ""


def get(name: str) -> Activation:
    """Look an activation up by name; an unknown name raises ValueError listing the known ones (and the one it likely
    means, `meant`), and what is not a string TypeError, as `register` does."""
    if not isinstance(name, str):
        raise TypeError(f"an activation's name must be a string, got {describe(name)}")
    if name not in ACTIVATIONS:
        known = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}{meant(name)}; known activations are {known}")
    return ACTIVATIONS[name]


def name_of(layer: str | Activation) -> str:
    """The name of a layer's activation, given by its name (checked by `get`: TypeError for what is not a string) or as
    the ``Activation`` that
    `register` returned; an ``Activation`` that is not the one registered under its name raises ValueError saying to
    register it and pass its name."""
    if not isinstance(layer, Activation):
        return get(layer).name
    if ACTIVATIONS.get(layer.name) is not layer:
        state = "another one" if layer.name in ACTIVATIONS else "none"
        raise ValueError(f"the Activation {layer.name!r} given is not registered ({state} is registered under that "
                         f"name): register it with activations.register and pass its name, {layer.name!r}")
    return layer.name


def unchecked(fn: Callable[[ArrayLike], Array]) -> Callable[[ArrayLike], Array]:
    """An array form without its argument's check (`elementwise`'s ``.unchecked``; a function with none, as it is):
    for the package's own computed arrays, which may hold an overflow's infinity or nan."""
    return getattr(fn, "unchecked", fn)


def _applied(act: Activation, role: str, values: ArrayLike) -> Array:
    """``act``'s array form ``role`` (``"f"``, ``"derivative_from_output"``) on ``values``; where its formula raises
    ``OverflowError`` (``math.exp(1000)``, ``10.0 ** 400``), a ``FloatingPointError`` that names the activation, the
    formula and the first argument it overflows on, as `forward`, `step` and `train` report any overflow."""
    fn = getattr(act, role)
    try:
        return unchecked(fn)(values)
    except OverflowError as exc:
        at = next((a for a in np.ravel(np.asarray(values, dtype=float)).tolist() if _overflows(fn.formula, a)), None)
        arg = "" if at is None else f"({'y' if role == 'derivative_from_output' else 'v'} = {at!r})"
        raise FloatingPointError(f"activation {act.name!r}: {role}{arg} overflows ({exc}): its result is beyond a "
                                 f"double's range") from None


def _overflows(formula: Formula, value: float) -> bool:
    """Whether ``formula(value)`` raises ``OverflowError``."""
    try:
        formula(value)
    except OverflowError:
        return True
    return False


def _of(layer: str | Activation) -> Activation:
    """The activation a Network's ``hidden`` or ``output`` names (an Activation itself inside `backprop._unrolled`,
    which runs the arithmetic with activations that record instead of compute)."""
    return layer if isinstance(layer, Activation) else get(layer)
