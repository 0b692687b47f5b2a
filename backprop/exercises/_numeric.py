r"""Exercises whose answer is a number, or an array of numbers: the check, the hints, and one answer box's rule.

A classic mistake can give the right answer itself for some numbers (with ``x_1 = 1`` a bias multiplied by its
"input" ``x_1`` is unchanged): it cannot be told apart, so it is left out of the checks and :meth:`note` says so
on the page. Two mistakes that give the same number share one hint that names both slips.

The site's answer boxes judge one entry each in the browser (``docs/javascripts/exercises.js``) with
:meth:`NumericExercise.box_verdict`'s rule, on the data each form carries (:func:`._render.form_html`);
``tests/pages/test_answer_boxes.py`` runs the script in V8 and proves the two give the same verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .. import show
from ._feedback import ATOL, INVALID, NO_ANSWER, OTHERWISE, RTOL, Feedback, right_message, within


@dataclass(frozen=True)
class Mistake:
    """A classic wrong answer, the hint it earns, and the slip in a few words (for the page's notes)."""

    value: float | np.ndarray
    hint: str
    slip: str = ""
    #: The answer boxes (by position) whose entry this slip is about; None: every box.
    in_boxes: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Box:
    """One answer box on the site: one entry of the right answer, with its label."""

    label: str  # plain text or inline TeX without $, e.g. "Δw_41"
    index: tuple[int, ...] = ()


_COUNT = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def merged_hint(hints: Sequence[str]) -> str:
    """One hint for a number that several slips give: each hint once, in the order listed."""
    unique = list(dict.fromkeys(hints))
    if len(unique) == 1:
        return unique[0]
    count = _COUNT.get(len(unique), str(len(unique)))
    return f"{count.capitalize()} slips give this number here: " + " ".join(
        f"({n}) {hint}" for n, hint in enumerate(unique, start=1))


def _groups(values: Sequence[np.ndarray], close: Callable[[np.ndarray, np.ndarray], bool]) -> list[list[int]]:
    """Indices of ``values`` grouped so that values close to each other (either way round) share a group."""
    parent = list(range(len(values)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(values)):
        for j in range(i):
            if close(values[i], values[j]) or close(values[j], values[i]):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(values)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


@dataclass(frozen=True)
class NumericExercise:
    """An exercise whose answer is a number, or an array of numbers of a fixed shape.

    A mistake whose value is within the tolerance of the right answer cannot be diagnosed: it is kept in
    ``mistakes`` but listed in ``undetectable`` and never matched. Mistakes whose values are within the
    tolerance of each other share one hint (:func:`merged_hint`), in ``check`` and in each answer box.
    """

    name: str
    right: np.ndarray
    mistakes: tuple[Mistake, ...] = ()
    boxes: tuple[Box, ...] = (Box("answer"),)
    rtol: float = RTOL
    atol: float = ATOL

    def __post_init__(self) -> None:
        right = np.array(self.right, dtype=float)
        right.setflags(write=False)
        object.__setattr__(self, "right", right)
        mistakes = []
        for m in self.mistakes:
            value = np.array(m.value, dtype=float)
            if value.shape != right.shape:
                raise ValueError(f"{self.name}: a mistake has shape {value.shape}, the answer {right.shape}")
            value.setflags(write=False)
            mistakes.append(Mistake(value, m.hint, m.slip or m.hint, m.in_boxes))
        object.__setattr__(self, "mistakes", tuple(mistakes))

    def close(self, value: np.ndarray, to: np.ndarray | None = None) -> bool:
        """Whether ``value`` is within the tolerance of ``to`` (the right answer by default)."""
        return within(value, self.right if to is None else to, self.rtol, self.atol)

    @property
    def undetectable(self) -> tuple[Mistake, ...]:
        """The mistakes that give the right answer for this example: ``check`` calls them right."""
        return tuple(m for m in self.mistakes if self.close(m.value))

    @property
    def undetectable_in_boxes(self) -> tuple[Mistake, ...]:
        """The mistakes that give the right number in every answer box (the boxes ask for some entries only)."""
        return tuple(m for m in self.mistakes
                     if all(self.close(m.value[box.index], self.right[box.index])
                            for n, box in enumerate(self.boxes) if m.in_boxes is None or n in m.in_boxes))

    def hints(self, box: Box | None = None) -> list[tuple[np.ndarray, str]]:
        """(wrong value, hint) pairs, first match wins: for the whole answer, or for one box's entry.

        Mistakes that give the right value are left out (and, in a box, those not about its entry);
        mistakes that give the same value share a hint.
        """
        if box is None:
            right, values = self.right, [m.value for m in self.mistakes]
            about = list(range(len(self.mistakes)))
        else:
            n = self.boxes.index(box)
            right, values = self.right[box.index], [m.value[box.index] for m in self.mistakes]
            about = [i for i, m in enumerate(self.mistakes) if m.in_boxes is None or n in m.in_boxes]
        kept = [i for i in about if not self.close(values[i], right)]
        pairs: list[tuple[np.ndarray, str]] = []
        for group in _groups([values[i] for i in kept], self.close):
            hint = merged_hint([self.mistakes[kept[i]].hint for i in group])
            for i in group:
                if not any(np.array_equal(values[kept[i]], v) for v, _ in pairs):
                    pairs.append((values[kept[i]], hint))
        return pairs

    def check(self, answer: object) -> Feedback:
        if answer is None:
            return Feedback(None, NO_ANSWER)
        if callable(answer):
            return Feedback(False, "Not yet: this exercise wants a number, not a function.")
        try:
            value = np.array(answer, dtype=float)
        except (TypeError, ValueError):
            return Feedback(False, f"Not yet: the answer must be numeric, got {type(answer).__name__}.")
        if value.shape != self.right.shape:
            want = "a single number" if self.right.ndim == 0 else f"shape {self.right.shape}"
            return Feedback(False, f"Not yet: the answer should be {want}, got shape {value.shape}.")
        if not np.all(np.isfinite(value)):
            return Feedback(False, "Not yet: the answer contains nan or inf.")
        if self.close(value):
            return Feedback(True, right_message(self.right))
        for wrong, hint in self.hints():
            if self.close(value, wrong):
                return Feedback(False, f"Not yet. {hint}")
        if self.right.ndim:
            off = [i for i in np.ndindex(self.right.shape) if not self.close(value[i], self.right[i])]
            where = ", ".join(str(i[0] if len(i) == 1 else i) for i in off)
            return Feedback(False, f"Not yet: the entries at {where} are off (numpy indices, from 0).")
        return Feedback(False, f"Not yet. {OTHERWISE}")

    def note(self) -> str:
        """What the page must say about this example: the slips no check can tell from the right answer."""
        both = self.undetectable
        boxes_only = [m for m in self.undetectable_in_boxes if all(m is not b for b in both)]
        parts = []
        if both:
            slips = show.and_list([m.slip for m in both])
            parts.append(f"For these numbers, {slips} {'gives' if len(both) == 1 else 'give'} the right "
                         "answer itself, so neither the answer boxes nor check() can tell "
                         f"{'that slip' if len(both) == 1 else 'those slips'} from the right answer.")
        if boxes_only:
            slips = show.and_list([m.slip for m in boxes_only])
            parts.append(f"For these numbers, {slips} {'gives' if len(boxes_only) == 1 else 'give'} the "
                         "right number in every answer box; only check() in the notebook, which sees every "
                         "entry of the answer, can tell.")
        return " ".join(parts)

    def box_verdict(self, n: int, typed: str) -> tuple[str, str]:
        """What answer box ``n`` says to the text ``typed``: ``(state, message)``, state right, wrong or invalid.

        The rule exercises.js applies in the browser: parse as :func:`parse_typed`, right within the tolerance of
        the box's entry, else the first of :meth:`hints` (for this box) within the tolerance, else `OTHERWISE`.
        """
        box = self.boxes[n]
        value = parse_typed(typed)
        if value is None:
            return "invalid", INVALID
        right = self.right[box.index]
        if self.close(np.array(value), right):
            return "right", right_message(right)
        for wrong, hint in self.hints(box):
            if self.close(np.array(value), wrong):
                return "wrong", f"Not yet. {hint}"
        return "wrong", f"Not yet. {OTHERWISE}"


_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def parse_typed(text: str) -> float | None:
    """The number typed into an answer box, or None: a comma or a dot, a Unicode minus, an exponent (``1e-3``)."""
    s = re.sub(r"\s+", "", str(text).strip().replace("\u2212", "-"))
    if "." not in s:
        s = s.replace(",", ".", 1)
    return float(s) if _NUMBER.fullmatch(s) else None
