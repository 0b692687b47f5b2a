"""Exercises whose answer is a Python function (a formula, or a fixed ``step``), checked at random points."""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..network import Network
from ._feedback import NO_ANSWER, Feedback
from ._numeric import Box


@dataclass(frozen=True)
class FunctionMistake:
    """A classic wrong function (formula or implementation) and the hint it earns."""

    function: Callable[..., object]
    hint: str


@dataclass(frozen=True)
class FunctionExercise:
    """An exercise whose answer is a function, compared with ``reference`` at random points.

    ``points(rng)`` returns the keyword arguments of one random call.
    """

    name: str
    reference: Callable[..., object]
    points: Callable[[np.random.Generator], dict[str, object]]
    mistakes: tuple[FunctionMistake, ...] = ()
    #: (which points, hint) pairs: a function that agrees with the reference at every point but some of these (the
    #: test holds), where it disagrees, gets the hint (a fixed step right on logsig networks only: the activation).
    only_wrong_at: tuple[tuple[Callable[[dict[str, object]], bool], str], ...] = ()
    n_points: int = 20
    rtol: float = 1e-6
    atol: float = 1e-9
    seed: int = 2016
    boxes: tuple[Box, ...] = field(default=())

    def _points(self) -> list[dict[str, object]]:
        rng = np.random.default_rng(self.seed)
        return [self.points(rng) for _ in range(self.n_points)]

    def _outputs(self, fn: Callable[..., object]) -> list[object]:
        return [fn(**point) for point in self._points()]

    def _values(self, fn: Callable[..., object]) -> list[np.ndarray]:
        return [_as_float_array(v) for v in self._outputs(fn)]

    def _agrees(self, got: list[np.ndarray], want: list[np.ndarray]) -> bool:
        return all(g.shape == w.shape and np.all(np.abs(g - w) <= self.atol + self.rtol * np.abs(w))
                   for g, w in zip(got, want, strict=True))

    def check(self, answer: object) -> Feedback:
        if answer is None:
            return Feedback(None, NO_ANSWER)
        if not callable(answer):
            return Feedback(False, f"Not yet: this exercise wants a function, got {type(answer).__name__}.")
        if unnamed := _parameters_unlike(answer, list(self._points()[0])):
            return Feedback(False, f"Not yet: {unnamed}")
        try:
            outputs = self._outputs(answer)
        except Exception as exc:  # the student's code: report, don't crash the notebook
            return Feedback(False, f"Not yet: calling your function raised {type(exc).__name__}: {exc}")
        reference = self._outputs(self.reference)
        wrong_kind = _wrong_kind(outputs, reference)
        if wrong_kind:
            return Feedback(False, f"Not yet: {wrong_kind}.")
        got = [_as_float_array(v) for v in outputs]
        if self._agrees(got, [_as_float_array(v) for v in reference]):
            return Feedback(True, f"Right: your function agrees with the reference at {self.n_points} random points.")
        for m in self.mistakes:
            if self._agrees(got, self._values(m.function)):
                return Feedback(False, f"Not yet. {m.hint}")
        want = [_as_float_array(v) for v in reference]
        wrong = [not self._agrees([g], [w]) for g, w in zip(got, want, strict=True)]
        for test, hint in self.only_wrong_at:
            at = [test(point) for point in self._points()]
            if any(wrong) and all(a for a, w in zip(at, wrong, strict=True) if w):
                return Feedback(False, f"Not yet. {hint}")
        return Feedback(False, f"Not yet: your function disagrees with the reference at random points "
                               f"(seed {self.seed}). Check each factor of the chain rule.")


def _parameters_unlike(fn: Callable[..., object], names: list[str]) -> str:
    """Why ``fn`` cannot take the keyword arguments ``names`` the check passes, in words, or "": a student's right
    formula with parameters of their own naming (err, out, ...) was told "raised TypeError: g() got an unexpected
    keyword argument 'e'", which did not say the names are part of the task."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # no signature to read (some builtins): the call itself says what is wrong
        return ""
    try:
        signature.bind(**dict.fromkeys(names))
    except TypeError:
        return (f"the check calls your function with its arguments by name, ({', '.join(names)}), and yours takes "
                f"({', '.join(signature.parameters)}): give its parameters those names.")
    return ""


def _wrong_kind(outputs: list[object], reference: list[object]) -> str:
    """What is wrong with the kind of value a student's function returned at some point, in words ("your function
    returned None, where ..."), or "" when at every point it is of the reference's kind there: a `Network` with the
    activations of the network it was given (a fixed ``step``), or a number or an array of the reference's shape."""
    for value, want in zip(outputs, reference, strict=True):
        if isinstance(want, Network):
            if not isinstance(value, Network):
                return (f"your function returned {_kind(value)}, where it should return the network at n+1, a "
                        "backprop.Network, as backprop.step does")
            if (value.hidden, value.output) != (want.hidden, want.output):  # the weights alone would pass
                return (f"your function returned a network with hidden={value.hidden!r}, output={value.output!r}, "
                        f"where the network it was given has hidden={want.hidden!r}, output={want.output!r}: pass "
                        "hidden=net.hidden to Network(...)")
        elif value is None or isinstance(value, str) or not _numeric(value):
            return f"your function returned {_kind(value)}, where it should return a float"  # None would read as nan
        elif (got := np.shape(_as_float_array(value))) != (shape := np.shape(_as_float_array(want))):
            return (f"your function returned shape {got}, where it should return "
                    f"{'a single number' if shape == () else f'shape {shape}'}")
    return ""


def _numeric(value: object) -> bool:
    """Whether ``value`` reads as real numbers: not complex (numpy would keep the real part), not too large."""
    try:
        if isinstance(value, Network) or np.asarray(value).dtype.kind == "c":
            return False
        _as_float_array(value)
    except Exception:  # a student's object: whatever it raises, it is no number
        return False
    return True


def _kind(value: object) -> str:
    """A returned value's kind in words: "None (a function without a return statement returns None)", "a tuple"."""
    if value is None:
        return "None (a function without a return statement returns None)"
    if isinstance(value, (complex, np.complexfloating)):
        return "a complex number"
    if isinstance(value, numbers.Real):  # a real number that is no float: too large for one
        text = repr(value)
        return f"a number too large for a float ({text if len(text) <= 20 else text[:17] + '...'})"
    name = {"str": "string", "dict": "dictionary", "ndarray": "numpy array"}.get(type(value).__name__,
                                                                                type(value).__name__)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _as_float_array(value: object) -> np.ndarray:
    if isinstance(value, Network):
        return np.concatenate([value.w_hidden.ravel(), value.b_hidden, value.w_output.ravel(), value.b_output])
    return np.array(value, dtype=float)

