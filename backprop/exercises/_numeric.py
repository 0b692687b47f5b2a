r"""Exercises whose answer is a number, or an array of numbers: the check, the hints, and one answer box's rule.

A classic mistake can give the right answer itself for some numbers (with ``x_1 = 1`` a bias multiplied by its
"input" ``x_1`` is unchanged): it cannot be told apart, so it is left out of the checks and :meth:`note` says so
on the page. It can also give the right number in one answer box only (a slip that changes ``y(n+1)`` by less than
the tolerance): :meth:`box_note` says so under that box. Mistakes whose values lie within each other's reach (one
typed number could be within the tolerance of both) share one hint that names each slip; the sharing is transitive
(A with B and B with C: one hint for the three).

The site's answer boxes judge one entry each in the browser (``docs/javascripts/exercises.js``) with
:meth:`NumericExercise.box_verdict`'s rule, on the data each form carries (:func:`._render.form_html`);
``tests/pages/test_answer_boxes.py`` runs the script in V8 and proves the two give the same verdict.

Over 300 lines because it is one class: `check`, each box's verdict and hints, and the notes a page prints all apply
the same tolerance rule (`tolerance`, `close`) to the same entries and slips, and must agree with one another.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import ArrayLike

from .. import show
from .._carried import HALF_UNIT
from . import _rounded
from ._feedback import (
    ATOL,
    EMPTY,
    INVALID,
    LOST_MINUS,
    NEAR,
    NO_ANSWER,
    ONE_SIGN,
    OTHERWISE,
    RTOL,
    Feedback,
    entry_text,
    index_text,
    read_answer,
    right_message,
    within,
)
from ._markdown import pretty


@dataclass(frozen=True)
class Mistake:
    """A classic wrong answer, the hint it earns, and the slip in a few words (for the page's notes)."""

    value: float | np.ndarray
    hint: str
    slip: str = ""
    #: The answer boxes (by position) whose entry this slip changes; None: every box.
    in_boxes: tuple[int, ...] | None = None
    #: (box, hint) pairs: a box whose number needs other words than ``hint`` (which ``check`` gives for the whole
    #: answer), e.g. a weight's box, where the student has typed no y.
    box_hints: tuple[tuple[int, str], ...] = ()
    #: Whether this slip is the missing update: every entry as it was at time n (θ(n) for θ(n+1), y(n) for y(n+1)),
    #: whose value in a box that asks for no new weight or bias tells `tolerance_note` whether that box catches it.
    missing_update: bool = False

    def about(self, n: int) -> bool:
        """Whether this slip changes the entry of answer box ``n``."""
        return self.in_boxes is None or n in self.in_boxes

    def hint_in(self, n: int) -> str:
        """The hint answer box ``n`` gives for this slip."""
        return dict(self.box_hints).get(n, self.hint)


@dataclass(frozen=True)
class Box:
    """One answer box on the site: one entry of the right answer, with its label."""

    label: str  # plain text or inline TeX without $, e.g. "Δw_41"
    index: tuple[int, ...] = ()
    whole: bool = False  # a count (an epoch): its right value is written 26, not 26.000000


_COUNT = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def merged_hint(hints: Sequence[str]) -> str:
    """One hint for a number that several slips give: each hint once, in the order listed."""
    unique = list(dict.fromkeys(hints))
    if len(unique) == 1:
        return unique[0]
    count = _COUNT.get(len(unique), str(len(unique)))
    return f"{count.capitalize()} slips give about this number here: " + " ".join(
        f"({n}) {hint}" for n, hint in enumerate(unique, start=1))


def _groups(values: Sequence[np.ndarray], close: Callable[[np.ndarray, np.ndarray], bool]) -> list[list[int]]:
    """Indices of ``values`` grouped so that values ``close`` to each other (either way round) share a group."""
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
    ``otherwise`` is what a wrong number that is no listed mistake gets.

    ``change``, for an answer with new weights or biases θ(n+1) = θ(n) + Δθ: each such entry's update Δθ, and NaN
    (``None`` in a list) for an entry that is none (y(n+1)). A new weight or bias is right within atol + rtol·|Δθ|,
    measured against its update, not against θ(n+1): with a tolerance of 0.1 % of θ(n+1) a box for w(n+1) = 0.600075
    (Δw = 0.000075) took w(n) = 0.6, no step at all; atol (10⁻⁶) still lets a value typed with six decimals pass.
    The sum, as the homework check (``backprop.homework.tolerance``) and the boxes for an update Δθ (exercises 4 to 7)
    have it, not max(atol, rtol·|Δθ|): with the max a Δθ within those boxes' tolerance could give a θ(n) + Δθ this box
    refuses.
    Every other entry keeps the exercise's rule, atol + rtol·|a|: y(n+1) worked out by hand from values rounded to six
    decimals can be a few 10⁻⁶ off, which max(atol, rtol·|y(n+1) − y(n)|) refused after a small step. A missing
    update is caught by a new weight's box when its update lies beyond that box's tolerance, and by the y(n+1) box
    when y(n) does (the mistake marked ``missing_update``); the page says which (`tolerance_note`).

    ``carried``, for an answer a reader works out from numbers the page gives rounded to six decimals: how far each
    entry can be from the right one beyond its own last rounding when worked out that way (the homework check's
    carried error, `backprop.homework.carried_error`: a saturated neuron's f'(v) = 1 − y² from y = 0.999880 is 0.2 %
    off), added to every rule above, as the homework check adds it.
    """

    name: str
    right: np.ndarray
    mistakes: tuple[Mistake, ...] = ()
    boxes: tuple[Box, ...] = (Box("answer"),)
    rtol: float = RTOL
    atol: float = ATOL
    otherwise: str = OTHERWISE
    change: np.ndarray | None = None
    carried: np.ndarray | None = None
    #: (index, label) of entries the notes may name that no box asks for (``Δw_21``); without one, its numpy index.
    entry_labels: tuple[tuple[tuple[int, ...], str], ...] = ()
    #: Why no box asks for some entries, said after `boxes_asked` (``Δw₁₁, ... are 0 here ...``); ``""``: no reason.
    unasked: str = ""
    #: `hints` of each box (None: the whole answer), worked out on first use: they depend only on the fields above,
    #: and an answer box's verdict asks for them on every number typed.
    _hints: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        right = np.array(self.right, dtype=float)
        right.setflags(write=False)
        object.__setattr__(self, "right", right)
        if self.change is not None:
            change = np.array(self.change, dtype=float)  # None -> NaN: an entry that is no new weight or bias
            if change.shape != right.shape:
                raise ValueError(f"{self.name}: the change has shape {change.shape}, the answer {right.shape}")
            if np.any(np.isinf(change)):
                raise ValueError(f"{self.name}: the change must be finite (NaN for no new weight or bias), got "
                                 f"{change.tolist()}")
            change.setflags(write=False)
            object.__setattr__(self, "change", change)
        if self.carried is not None:
            carried = np.array(self.carried, dtype=float)
            if carried.shape != right.shape or not np.all(np.isfinite(carried) & (carried >= 0)):
                raise ValueError(f"{self.name}: the carried error must be finite, at least 0 and of the answer's "
                                 f"shape {right.shape}, got {carried.tolist()}")
            carried.setflags(write=False)
            object.__setattr__(self, "carried", carried)
        mistakes = []
        for m in self.mistakes:
            value = np.array(m.value, dtype=float)
            if value.shape != right.shape:
                raise ValueError(f"{self.name}: a mistake has shape {value.shape}, the answer {right.shape}")
            value.setflags(write=False)
            mistakes.append(replace(m, value=value, slip=m.slip or m.hint))
        object.__setattr__(self, "mistakes", tuple(mistakes))

    def new_parameter(self, at: tuple[int, ...]) -> bool:
        """Whether the entry at index ``at`` is a new weight or bias θ(n+1), whose tolerance is measured against its
        update (``change``)."""
        return self.change is not None and not bool(np.isnan(self.change[at]))

    @property
    def new_parameter_boxes(self) -> tuple[Box, ...]:
        """The answer boxes that ask for a new weight or bias θ(n+1) (`new_parameter`)."""
        return tuple(b for b in self.boxes if self.new_parameter(b.index))

    def tolerance(self, at: tuple[int, ...] | None = None) -> tuple[float | np.ndarray, float | np.ndarray]:
        """``(rtol, atol)`` of the rule ``|x − a| ≤ atol + rtol·|a|``: of the entry at index ``at`` (an answer box's),
        or of every entry (arrays when they differ). For a new weight or bias (`new_parameter`): rtol 0 and atol
        atol + rtol·|Δθ|, measured against its update; for any other entry the exercise's own; either widened by the
        entry's ``carried`` error; for a count (a `Box` with ``whole``) 0 and 0: only the whole number itself."""
        rtol: float | np.ndarray = self.rtol
        atol: float | np.ndarray = self.atol
        if self.change is not None:
            new = ~np.isnan(self.change)
            rtol = np.where(new, 0.0, self.rtol)
            atol = np.where(new, self.atol + self.rtol * np.abs(np.where(new, self.change, 0.0)), self.atol)
        if self.carried is not None:
            atol = atol + self.carried
        whole = [b.index for b in self.boxes if b.whole]
        if whole:  # a count (an epoch) is right only as that whole number: 26.02 is no epoch
            rtol, atol = (np.array(np.broadcast_to(t, self.right.shape), dtype=float) for t in (rtol, atol))
            for index in whole:
                rtol[index] = atol[index] = 0.0
        if at is None:
            return rtol, atol
        return float(np.broadcast_to(rtol, self.right.shape)[at]), float(np.broadcast_to(atol, self.right.shape)[at])

    def allowed(self, at: tuple[int, ...]) -> float:
        """How far a number may be from the right entry at index ``at`` (an answer box's): atol + rtol·|a|, with that
        entry's `tolerance`."""
        rtol, atol = self.tolerance(at)
        return float(atol + rtol * abs(float(self.right[at])))

    def close(self, value: np.ndarray, to: np.ndarray | None = None, at: tuple[int, ...] | None = None) -> bool:
        """Whether ``value`` is within the tolerance of ``to`` (the right answer by default): the whole answer, or,
        with ``at``, the entry at that index (``value`` and ``to`` are then that entry's)."""
        target = (self.right if at is None else self.right[at]) if to is None else to
        return within(value, target, *self.tolerance(at))

    def overlap(self, a: np.ndarray, b: np.ndarray, at: tuple[int, ...] | None = None) -> bool:
        """Whether some number is within the tolerance of both ``a`` and ``b`` (in every entry, or in the entry at
        ``at``): two slips whose values overlap so can both match one typed number, and share a hint (`hints`), for
        any example, not only where one is within the tolerance of the other."""
        rtol, atol = self.tolerance(at)
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        return bool(np.all(np.abs(a - b) <= 2 * np.asarray(atol) + np.asarray(rtol) * (np.abs(a) + np.abs(b))))

    @property
    def undetectable(self) -> tuple[Mistake, ...]:
        """The mistakes that give the right answer for this example: ``check`` calls them right."""
        return tuple(m for m in self.mistakes if self.close(m.value))

    def right_message(self, box: Box | None = None) -> str:
        """``Right: ...``: the whole right answer, or one box's entry; a count is written as a whole number."""
        if box is not None:
            return right_message(self.right[box.index], box.whole)
        return right_message(self.right, frozenset(b.index for b in self.boxes if b.whole))

    def _fewer_note(self, value: np.ndarray, typed: object) -> str:
        """What ``check`` adds to a right answer given with fewer decimals than asked, as a box adds it
        (`fewer_notes`); "" else (a student's review: the box said "You gave four decimals", check() nothing). Text
        (``typed``, a single number's) is counted as typed. A float keeps no trailing zeros (0.297340 is 0.29734), so
        an entry is named only where it is more than one unit of the sixth decimal from the right value to six
        decimals, which a six-decimal answer off in its last digit is not, and in Python's words (a code review: a
        six-decimal 0.297340 was told it had fewer)."""
        if self.right.ndim == 0 and isinstance(typed, str):
            k = _rounded.typed_decimals(typed)
            off = abs(float(value) - float(self.right)) > HALF_UNIT
            return " " + _rounded.fewer(k) if k is not None and k < show.DECIMALS and off else ""
        counts = {b.index for b in self.boxes if b.whole}
        unit = 10.0 ** -show.DECIMALS
        few = [i for i in np.ndindex(self.right.shape) if i not in counts
               and (_rounded.typed_decimals(repr(float(value[i]))) or 0) < show.DECIMALS
               and abs(float(value[i]) - round(float(self.right[i]), show.DECIMALS)) > unit * (1 + 1e-9)]
        return " " + _rounded.fewer_as_written(few, [repr(float(value[i])) for i in few]) if few else ""

    def hints(self, box: Box | None = None) -> list[tuple[np.ndarray, str]]:
        """(wrong value, hint) pairs, first match wins: for the whole answer, or for one box's entry.

        Mistakes that give the right value are left out (and, in a box, those not about its entry);
        mistakes whose values one typed number can match both of (`overlap`) share a hint naming each. A box gives
        each slip's hint for that box (`Mistake.hint_in`). A slip whose value a right value's tolerance overlaps too
        (a number just outside the right one's tolerance can be either) gets `NEAR` around its hint, as the homework
        check says of it (`backprop.homework.Report.near`).
        """
        if box not in self._hints:
            self._hints[box] = self._work_out_hints(box)
        return list(self._hints[box])

    def _work_out_hints(self, box: Box | None) -> list[tuple[np.ndarray, str]]:
        """`hints`, worked out."""
        if box is None:
            at, values = None, [m.value for m in self.mistakes]
            about = list(range(len(self.mistakes)))
            words = [m.hint for m in self.mistakes]
        else:
            n = self.boxes.index(box)
            at, values = box.index, [m.value[box.index] for m in self.mistakes]
            about = [i for i, m in enumerate(self.mistakes) if m.about(n)]
            words = [m.hint_in(n) for m in self.mistakes]
        kept = [i for i in about if not self.close(values[i], at=at)]
        right = self.right if at is None else self.right[at]
        pairs: list[tuple[np.ndarray, str]] = []
        for group in _groups([values[i] for i in kept], lambda a, b: self.overlap(a, b, at)):
            hint = _zero_said([self.mistakes[kept[i]] for i in group], [values[kept[i]] for i in group]) + merged_hint(
                [words[kept[i]] for i in group])
            if any(self.overlap(values[kept[i]], right, at) for i in group):  # a number near both: said, not named
                hint = NEAR.format(hint=hint)
            if at is not None and len(self.boxes) > 1 and any(self.overlap(values[kept[i]], -right, at) for i in group):
                hint += LOST_MINUS  # a box cannot see its neighbours: one entry flipped is likelier a lost minus
            for i in group:
                if not any(np.array_equal(values[kept[i]], v) for v, _ in pairs):
                    pairs.append((values[kept[i]], hint))
        return pairs

    def check(self, answer: object) -> Feedback:
        if answer is None:
            return Feedback(None, NO_ANSWER)
        if callable(answer):
            return Feedback(False, "Not yet: this exercise wants a number, not a function.")
        want = "a single number" if self.right.ndim == 0 else f"shape {self.right.shape}"
        value = read_answer(answer, self.right.ndim, parse_typed, want, self.right.shape)
        if isinstance(value, str):  # what keeps it from being numbers, named
            return Feedback(False, f"Not yet: {value}")
        if not np.all(np.isfinite(value)):  # named before the shape: a nan where an array belongs is no shape slip
            kinds = show.and_list([k for k, f in (("nan", np.isnan), ("inf", np.isinf)) if np.any(f(value))])
            return Feedback(False, f"Not yet: the answer {'is' if value.ndim == 0 else 'contains'} {kinds}.")
        if value.shape != self.right.shape:
            return Feedback(False, f"Not yet: the answer should be {want}, got shape {value.shape}.")
        if self.close(value):
            return Feedback(True, self.right_message() + self._fewer_note(value, answer))
        counts = [b.index for b in self.boxes if b.whole]
        slip = lambda v, i: any(self.close(np.array(v), m.value[i], i) for m in self.mistakes)  # noqa: E731
        if rounded := _rounded.answer_message(value, self.right, lambda v, i: self.close(np.array(v), at=i), counts,
                                              slip):
            # before any slip, whose value can lie within its tolerance; one printed as the typed number is named too
            alike = [h for w, h in self.hints() if np.all(self._printed_all(w) == self._printed_all(value))]
            return Feedback(False, f"Not yet: {_rounded.also(rounded, alike)}")
        for wrong, hint in self.hints():
            if self.close(value, wrong):
                return Feedback(False, f"Not yet. {hint}")
        if self.right.ndim:
            off = [i for i in np.ndindex(self.right.shape) if not self.close(value[i], at=i)]
            where = ", ".join(index_text(i) for i in off)
            entries = "the entries at {} are" if len(off) > 1 else "the entry at {} is"
            return Feedback(False, f"Not yet: {entries.format(where)} off (numpy indices, from 0)."
                                   + self._box_hints(value, off))
        return Feedback(False, f"Not yet. {self.otherwise}")

    def _box_hints(self, value: np.ndarray, off: list[tuple[int, ...]]) -> str:
        """For an answer that is no whole slip, the hints its answer boxes give to the entries that are ``off``, each
        after the boxes that give it: a reviewer's updates Δ given as the new weights, beside a right y(n+1), were
        only "off" in check() where the boxes said what they are."""
        # where a slip flips every entry (a flipped e, flipped updates: an answer of updates Δ), an entry that is right,
        # and would not be with its sign flipped, rules it out (not in a forward pass, a cost, or new values θ + Δ,
        # where no slip flips every entry: a code review)
        flips_all = any(self.close(np.asarray(m.value, dtype=float), -self.right) for m in self.mistakes)
        signs_seen = flips_all and any(i not in off and not self.close(-self.right[i], at=i)
                                       for i in np.ndindex(self.right.shape))
        # ... in every entry so negated, one a box asks for or not (a student's review: x_2's sign lost flips the whole
        # column, and the message named the two entries with boxes only)
        flipped = [i for i in off if signs_seen and self.close(value[i], -self.right[i], i)]
        # a whole row or column of a table flipped (x_2's sign lost flips Δw_i2 for every i): a factor they share
        lines = [f"{axis} {n}" for d, axis in enumerate(("row", "column")) if self.right.ndim == 2 and len(flipped) > 1
                 for n in {i[d] for i in flipped}
                 if sorted(flipped) == [i for i in np.ndindex(self.right.shape) if i[d] == n]]
        whose = f"a factor they share: all of {lines[0]} (numpy indices, from 0) is flipped" if lines else (
            "its own factors" if len(flipped) == 1 else "each one's own factors")
        by_hint = {ONE_SIGN.format(its=whose): [self._label(i) for i in flipped]} if flipped else {}
        for box in self.boxes:
            if box.index in off and box.index not in flipped:
                hint = next((h for wrong, h in self.hints(box) if self.close(value[box.index], wrong, box.index)), "")
                if hint:
                    by_hint.setdefault(hint, []).append(pretty(box.label))
        return "".join(f" {show.and_list(labels)}: {hint}" for hint, labels in by_hint.items())

    def _printed(self, value: np.ndarray, index: tuple[int, ...]) -> str:
        """The entry of ``value`` at ``index`` as the site prints it (a box's count as a whole number)."""
        whole = any(b.whole and b.index == index for b in self.boxes)
        return entry_text(float(value[index]), whole)

    def _printed_all(self, value: np.ndarray) -> np.ndarray:
        """Every entry of ``value`` as the site prints it."""
        return np.array([self._printed(np.asarray(value), i) for i in np.ndindex(self.right.shape)])

    def _printed_apart(self, m: Mistake) -> tuple[int, ...] | None:
        """The first entry where slip ``m`` and the right answer print differently, one an answer box asks for first;
        None when they print alike everywhere (the slip gives the right answer to the last decimal printed)."""
        entries = [b.index for b in self.boxes] + list(np.ndindex(self.right.shape))
        return next((i for i in entries if self._printed(m.value, i) != self._printed(self.right, i)), None)

    def _label(self, index: tuple[int, ...]) -> str:
        """The entry at ``index`` as check() names it: its box's label (or `entry_labels`'), else its numpy index."""
        label = next((b.label for b in self.boxes if b.index == index), dict(self.entry_labels).get(index))
        return pretty(label) if label is not None else f"the entry at {index_text(index)}"

    def _entry_name(self, index: tuple[int, ...]) -> str:
        """``Δw₁₂ = ``: the label of the box that asks for the entry at ``index`` (or of `entry_labels`); ``""`` for a
        single number; else the numpy index, as check() names an entry."""
        if self.right.ndim == 0:
            return ""
        label = next((b.label for b in self.boxes if b.index == index), dict(self.entry_labels).get(index))
        if label is not None:
            return f"{pretty(label)} = "
        return f"the entry at {index_text(index)} (numpy indices, from 0) = "

    def note(self) -> str:
        """What the page says under all the boxes: the slips whose answer lies within the tolerance of the right one
        in every entry for these numbers, which neither the boxes nor ``check`` can tell apart. A slip is said to give
        "the right answer to the last decimal printed" only when it prints alike; else the note gives an entry where
        it prints otherwise, with the right one. (A slip that passes some boxes only: `box_note`.)"""
        both = self.undetectable
        if not both:
            return ""
        # a slip that changes nothing here (leaving out b_4 where b_4 = 0) gives the right answer exactly, not only
        # "to the last decimal printed"
        exact = [m for m in both if _same(m.value, self.right)]
        printed = [(m, self._printed_apart(m)) for m in both if not any(m is e for e in exact)]
        alike = [m for m, index in printed if index is None]
        apart = [(m, index) for m, index in printed if index is not None]
        parts = []
        for slips, what in ((exact, f"exactly the right answer ({'it changes' if len(exact) == 1 else 'they change'} "
                                    "nothing here)"),
                            (alike, "the right answer to the last decimal printed")):
            if slips:
                named = show.and_list([f"“{m.slip}”" for m in slips])
                parts.append(f"the slip{'' if len(slips) == 1 else 's'} {named} "
                             f"{'gives' if len(slips) == 1 else 'give'} {what}")
        for m, index in apart:
            parts.append(f"the slip “{m.slip}” gives {self._entry_name(index)}{self._printed(m.value, index)}, "
                         f"within the tolerance of the right answer {self._printed(self.right, index)}")
        those = "that slip" if len(both) == 1 else "those slips"
        # said once, after the clauses: each slip's other entries are within their tolerances too (a reviewer found it
        # said after every clause, six times in one note)
        whose = (f"the answer “{apart[0][0].slip}” gives" if len(apart) == 1 and len(both) > 1 else
                 "its answer" if len(apart) == 1 else "their answers")  # "its" where one slip could be meant only
        others = "" if self.right.size == 1 or not apart else (
            f" Every other entry of {whose} is within its tolerance too.")
        boxes = "the answer box" if len(self.boxes) == 1 else "the answer boxes"  # a page with one box: singular
        if any(", " in part for part in parts) and len(parts) > 1:  # clauses with commas: a list of them needs ";"
            return (f"For these numbers, {'; '.join(parts[:-1])}; and {parts[-1]}.{others} Neither {boxes} "
                    f"nor check() can tell {those} from the right answer.")
        if others:
            return (f"For these numbers, {show.and_list(parts)}.{others} Neither {boxes} nor check() can "
                    f"tell {those} from the right answer.")
        return (f"For these numbers, {show.and_list(parts)}, so neither {boxes} nor check() can tell "
                f"{those} from the right answer.")

    def boxes_asked(self) -> str:
        """When the boxes ask for some entries of the answer only, which: ``These boxes ask for Δw₁₁ and Δw₂₂, two of
        the six entries of the answer; check() in the notebook takes all of them.``, and then `unasked`. Else ``""``."""
        if len(self.boxes) >= self.right.size:
            return ""
        count = _COUNT.get(len(self.boxes), str(len(self.boxes)))
        return (f"{'This box asks' if len(self.boxes) == 1 else 'These boxes ask'} for "
                f"{show.and_list([pretty(b.label) for b in self.boxes])}, {count} of the "
                f"{_COUNT.get(self.right.size, str(self.right.size))} entries of the answer; check() in the notebook "
                "takes all of them." + (f" {self.unasked}" if self.unasked else ""))

    def box_slips(self, n: int) -> tuple[Mistake, ...]:
        """The slips that change the entry of box ``n`` yet land within its tolerance of the right number, for these
        numbers (the box calls them right), leaving out those that give the whole right answer (`note`)."""
        box = self.boxes[n]
        whole = self.undetectable
        return tuple(m for m in self.mistakes if m.about(n) and all(m is not u for u in whole)
                     and self.close(m.value[box.index], at=box.index))

    def box_tells(self, m: Mistake, n: int) -> bool:
        """Whether answer box ``n`` tells mistake ``m`` from the right answer: the box is about it and the mistake's
        number lies outside the box's tolerance."""
        b = self.boxes[n]
        return m.about(n) and not self.close(m.value[b.index], at=b.index)

    def box_note(self, n: int) -> str:
        """What the page says under answer box ``n`` when a classic slip gives its right number for these numbers:
        the slip, the number it gives, and what still tells it apart (another box, or check() in the notebook)."""
        box = self.boxes[n]
        slips = self.box_slips(n)
        if not slips:
            return ""
        label, right = pretty(box.label), self.right[box.index]
        values = {m.slip: entry_text(float(m.value[box.index])) for m in slips}
        if len(set(values.values())) == 1:  # one value for all: said once
            names = show.and_list([f"“{m.slip}”" for m in slips])
            gives = f"{label} = {next(iter(values.values()))},"
        else:  # each slip with its own value, so that no reader pairs a slip with another's number
            names = show.and_list([f"“{slip}” ({label} = {value})" for slip, value in values.items()])
            gives = "values"
        catchers = {m.slip: tuple(pretty(b.label) for k, b in enumerate(self.boxes)
                                  if k != n and self.box_tells(m, k))
                    for m in slips}
        one = len(slips) == 1
        if len(set(catchers.values())) == 1:
            catch = _catches(next(iter(catchers.values())), "it" if one else "them")
        else:  # the slips grouped by what catches them, each catcher named once
            groups: dict[tuple[str, ...], list[str]] = {}
            for slip, boxes in catchers.items():
                groups.setdefault(boxes, []).append(f"“{slip}”")
            catch = "; ".join(_catches(boxes, show.and_list(slips)) for boxes, slips in groups.items())
        exact = all(_same(m.value[box.index], right) for m in slips)  # changes nothing in this entry
        # a slip that prints as the right answer is said to, not "within the tolerance of" the same digits (a TA)
        alike = all(entry_text(float(m.value[box.index])) == entry_text(float(right)) for m in slips)
        how = ("exactly the right answer" if exact else "the right answer to the last decimal printed" if alike else
               f"within the tolerance of the right answer {entry_text(float(right))}")
        return (f"For these numbers, the slip{'' if one else 's'} {names} {'gives' if one else 'give'} "
                f"{gives} {how}, so this box calls {'it' if one else 'them'} right; {catch}.")

    def roundings(self, box: Box) -> list[tuple[float, int, str]]:
        """(value, k, message after "Not yet: ") for each rounding of box ``box``'s right entry to k decimals, fewer
        than the tasks ask for, that is no longer right (`_rounded.roundings`, every k), then each cutting off after k
        decimals that is not that rounding (`_rounded.truncations`); none for a count."""
        # a cut-off number within a slip's tolerance is left to the slip's hint (0.40 for 0.408539, where w(n) = 0.4)
        right, hints = (0.0, []) if box.whole else (float(self.right[box.index]), self.hints(box))
        cut = [] if box.whole else [
            (value, k) for value, k in _rounded.truncations(right, lambda v: self.close(np.array(v), at=box.index))
            if not any(self.close(np.array(value), wrong, box.index) for wrong, _ in hints)]
        return ([(value, k, self._rounding_words(box, value, k)) for value, k in self._roundings(box)]
                + [(value, k, self._rounding_words(box, value, k, _rounded.cut_message(right, k))) for value, k in cut])

    def _roundings(self, box: Box) -> list[tuple[float, int]]:
        """(value, k) of `roundings`, without their messages (which need every hint of the box). A rounding to 0 is one
        too (a student typed 0.00 for 0.001414 and was told to check the indexing), unless a slip of the box is within
        the tolerance of 0: its hint, not the rounding's message, answers a 0."""
        if box.whole:
            return []
        zero = not any(self.close(np.array(0.0), wrong, box.index) for wrong, _ in self.hints(box))
        return _rounded.roundings(float(self.right[box.index]), lambda v: self.close(np.array(v), at=box.index),
                                  every=True, zero=zero)

    def _rounding_words(self, box: Box, value: float, k: int, said: str = "") -> str:
        """What box ``box`` says after "Not yet: " to its right entry rounded to ``k`` decimals, ``value`` (or what
        ``said`` says of it: cut off), with the hints of the slips that print as it."""
        alike = [hint for wrong, hint in self.hints(box) if entry_text(float(wrong)) == entry_text(value)]
        return _rounded.also(said or _rounded.message([k]), alike)

    def fewer_notes(self, box: Box) -> list[str]:
        """What box ``box`` adds to its "Right: ..." for a right number typed with k = 0, 1, ... decimals, fewer than
        the tasks ask for, that is not the right value to six decimals (`_rounded.fewer`); none for a count."""
        return [] if box.whole else [_rounded.fewer(k) for k in range(show.DECIMALS)]

    def box_verdict(self, n: int, typed: str) -> tuple[str, str]:
        """What answer box ``n`` says to the text ``typed``: ``(state, message)``, state right, wrong or invalid.

        The rule exercises.js applies in the browser: nothing typed (spaces, or an empty pair of parentheses) is
        ``EMPTY``; else parse as :func:`parse_typed`, right within the tolerance of the box's entry (with a
        `fewer_notes` note where it was typed with fewer decimals than asked and is not the right value to six
        decimals, more than `HALF_UNIT` from it), else the right value rounded to as many decimals as typed, fewer
        than the tasks ask for (:meth:`roundings`, equal; in e-notation, the decimals of the number it writes),
        else the first of :meth:`hints` (for this box) within the tolerance, else ``otherwise``. (0.400000 for 0.4085
        is no rounding: it was typed with six decimals, and is the slip of the value at time n.)
        """
        box = self.boxes[n]
        if not _rounded.unwrapped(typed):
            return "invalid", EMPTY
        value = parse_typed(typed)
        if value is None:
            return "invalid", INVALID
        places = _rounded.typed_decimals(typed)
        if self.close(np.array(value), at=box.index):
            fewer = self.fewer_notes(box)
            typed_off = abs(value - float(self.right[box.index])) > HALF_UNIT  # not the right value to six decimals
            note = f" {fewer[places]}" if places is not None and places < len(fewer) and typed_off else ""
            return "right", self.right_message(box) + note
        for rounded, k, words in self.roundings(box):  # rounded, then cut off
            if value == rounded and (places == k if places is not None else True):
                return "wrong", f"Not yet: {words}"
        for wrong, hint in self.hints(box):
            if self.close(np.array(value), wrong, box.index):
                return "wrong", f"Not yet. {hint}"
        return "wrong", f"Not yet. {self.otherwise}"


def _zero_said(slips: Sequence[Mistake], values: Sequence[np.ndarray]) -> str:
    """``The slip “multiplying by the input x_1 (which gives Δw_i1)” gives 0 here. ``, before the hint of a group of
    slips whose value is 0 in every entry: a student's review found 0 typed into a Δb_i box, where x_1 = 0, told
    "A bias has input 1: no x_k" without a word on why that hint answers a 0 (a student who thought the update was 0
    for another reason had nothing to go on). ``""`` otherwise, and for slips with no words."""
    zero = list(dict.fromkeys(m.slip for m, v in zip(slips, values) if m.slip and not np.any(v)))
    if not zero:
        return ""
    named = show.and_list([f"“{slip}”" for slip in zero])
    return f"The slip{'' if len(zero) == 1 else 's'} {named} {'gives' if len(zero) == 1 else 'give'} 0 here. "


def _catches(boxes: Sequence[str], what: str) -> str:
    """``the w₁₁(n+1) box catches it``, or ``only check() ... catches it`` when no other box does."""
    if not boxes:
        return f"only check() in the notebook, which sees every entry of the answer, catches {what}"
    return f"the {show.and_list(list(boxes))} box{'es catch' if len(boxes) > 1 else ' catches'} {what}"


_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
# Spaces inside a number only as thousands separators: 1 to 3 digits, then groups of three ("1 000", "-12 345,5").
_SPACED = re.compile(rf"[+-]?[1-9][0-9]{{0,2}}({_rounded.JS_SPACE}[0-9]{{3}})+([.,][0-9]*)?([eE][+-]?[0-9]+)?")


def _same(a: ArrayLike, b: ArrayLike) -> bool:
    """Equal, or apart only by the rounding of a few additions done in another order (4 units in a double's last
    place): a slip that changes nothing here gives the right answer exactly (with w_53 = 0, leaving out output 5 sends
    neuron 3 the same sum, added in another order: -2.9383031659530015 for -2.938303165953002)."""
    return bool(np.allclose(a, b, rtol=4 * np.finfo(float).eps, atol=0.0))


def parse_typed(text: str) -> float | None:
    """The number typed into an answer box, or None: a comma or a dot, a Unicode minus or an en dash (a word processor's
    minus), a space after the sign (``- 0.5``), an exponent (``1e-3``, or ``1 × 10⁻³``: `_rounded.times_ten`), spaces
    between groups of three digits (``1 000``), one pair of parentheses around it (``(-0.290637)``, as a formula
    writes a negative number a student copies from it: `_rounded.unwrapped`). Any other space inside it makes it no
    number: ``0 5`` is not 5; nor is a number beyond a double's range, ``1e400``."""
    # the spaces after a sign named one by one: Python's \s and JavaScript's are not the same set (exercises.js)
    s = re.sub("^([+-])[ \t\u00a0\u2009\u202f]+", r"\1",
               _rounded.times_ten(_rounded.plain_minus(_rounded.unwrapped(text))))
    if re.search(_rounded.JS_SPACE, s) and not _SPACED.fullmatch(s):  # spaces as the scripts' \s has them
        return None
    s = re.sub(_rounded.JS_SPACE + "+", "", s)
    if "." not in s:
        s = s.replace(",", ".", 1)
    if not _NUMBER.fullmatch(s):
        return None
    value = float(s)
    return value if math.isfinite(value) else None  # 1e400 is beyond a double: inf would be judged as a number
