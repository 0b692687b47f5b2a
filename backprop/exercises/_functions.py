"""Exercises whose answer is a Python function (a formula, or a fixed ``step``), checked at random points."""

from __future__ import annotations

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
    n_points: int = 20
    rtol: float = 1e-6
    atol: float = 1e-9
    seed: int = 2016
    boxes: tuple[Box, ...] = field(default=())

    def _outputs(self, fn: Callable[..., object]) -> list[object]:
        rng = np.random.default_rng(self.seed)
        return [fn(**self.points(rng)) for _ in range(self.n_points)]

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
        try:
            outputs = self._outputs(answer)
        except Exception as exc:  # the student's code: report, don't crash the notebook
            return Feedback(False, f"Not yet: calling your function raised {type(exc).__name__}: {exc}")
        reference = self._outputs(self.reference)
        wrong_kind = _wrong_kind(outputs, reference[0])
        if wrong_kind:
            return Feedback(False, f"Not yet: your function returned {wrong_kind}.")
        got = [_as_float_array(v) for v in outputs]
        if self._agrees(got, [_as_float_array(v) for v in reference]):
            return Feedback(True, f"Right: your function agrees with the reference at {self.n_points} random points.")
        for m in self.mistakes:
            if self._agrees(got, self._values(m.function)):
                return Feedback(False, f"Not yet. {m.hint}")
        return Feedback(False, f"Not yet: your function disagrees with the reference at random points "
                               f"(seed {self.seed}). Check each factor of the chain rule.")


def _wrong_kind(outputs: list[object], reference: object) -> str:
    """What is wrong with the kind of value a student's function returned, in words ("None, where ..."), or "" when
    it is what the reference returns: a `Network` (a fixed ``step``), or a number or an array of numbers."""
    for value in outputs:
        if isinstance(reference, Network) and not isinstance(value, Network):
            return (f"{_kind(value)}, where it should return the network at n+1, a backprop.Network, as "
                    "backprop.step does")
        if not isinstance(reference, Network) and (value is None or not _numeric(value)):
            return f"{_kind(value)}, where it should return a number"  # None would read as nan
    return ""


def _numeric(value: object) -> bool:
    try:
        _as_float_array(value)
    except (TypeError, ValueError):
        return False
    return True


def _kind(value: object) -> str:
    """A returned value's kind in words: "None (a function without a return statement returns None)", "a tuple"."""
    if value is None:
        return "None (a function without a return statement returns None)"
    name = {"str": "string", "dict": "dictionary"}.get(type(value).__name__, type(value).__name__)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _as_float_array(value: object) -> np.ndarray:
    if isinstance(value, Network):
        return np.concatenate([value.w_hidden.ravel(), value.b_hidden, value.w_output.ravel(), value.b_output])
    return np.array(value, dtype=float)

