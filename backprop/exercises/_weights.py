"""Which hidden weights an exercise about the w_ik asks for, chosen from the numbers: one w_ik (exercises 8 and 11,
`first_hidden_weight`), or the answer boxes of an exercise whose answer is all six Δw_ik (exercises 6, 9 and 10,
`with_weight_boxes`). Never a weight whose input x_k is 0 (its update and gradient are then 0, and so is every
classic slip's) unless every input is, nor one whose answer box cannot tell a classic slip from the right answer
unless no weight's box can.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from .. import labels, show
from ._markdown import pretty
from ._numeric import Box

T = TypeVar("T")

if TYPE_CHECKING:
    from ..examples import Example
    from ._numeric import Mistake, NumericExercise


def slips_named(e: NumericExercise, index: tuple[int, ...], mistakes: Sequence[Mistake]) -> list[str]:
    """The slips (`Mistake.slip`) of ``mistakes`` that give, at ``index`` of the answer, a number within the tolerance
    of the right one: those a box on that entry takes for right."""
    return [m.slip for m in mistakes if e.close(m.value[index], at=index)]


def slips_taken(e: NumericExercise, index: tuple[int, ...], mistakes: Sequence[Mistake]) -> int:
    """How many slips a box on entry ``index`` takes for right (`slips_named`)."""
    return len(slips_named(e, index, mistakes))


def first_or_fewest(order: Sequence[T], taken: Callable[[T], int], prefer: Callable[[T], bool] = lambda _: True) -> T:
    """Of the candidates in ``order`` (weights, or neurons), the first whose box takes no slip for right (``taken``
    counts them), among those the first ``prefer`` holds for if any does; else the one whose box takes the fewest (the
    first of them). ``order`` must not be empty."""
    counts = [taken(c) for c in order]
    good = [c for c, n in zip(order, counts, strict=True) if n == 0]
    return next(iter([c for c in good if prefer(c)] or good), order[counts.index(min(counts))])


def told_apart(e: NumericExercise, index: tuple[int, ...], mistakes: Sequence[Mistake]) -> bool:
    """Whether each of ``mistakes`` gives, at ``index`` of the answer, a number outside the tolerance of the right."""
    return slips_taken(e, index, mistakes) == 0


def first_hidden_weight(ex: Example, exercise: Callable[[tuple[int, int]], NumericExercise], moved: np.ndarray,
                        box: int = 0, prefer: np.ndarray | None = None) -> tuple[int, int]:
    """The hidden weight an exercise about one w_ik asks for: the first (i, k) of w_11, w_12, w_21, ... whose input x_k
    is not 0, whose entry of ``moved`` (its update, or its gradient) is not 0, and for which each mistake of
    ``exercise((i, k))`` about answer box ``box`` gives, in that box, a number outside the box's tolerance of the right
    one (with x_k = 0 the weight's update is 0, and so is its gradient: the slips then give the right answer), among
    those the first ``prefer`` holds for (a mask of ``w_hidden``'s shape) if any does; else, of those with x_k != 0 and
    a ``moved`` entry other than 0, the one whose box tells the most mistakes apart (a small η can leave no weight
    whose box tells every one: a reviewer's practice example asked about a saturated neuron's w_11, whose box took "no
    update" for right, where w_21's told all but one); else (0, 0), w_11. Its index in ``w_hidden``, from 0.
    """
    candidates = [(i, k) for i in range(ex.net.n_hidden) for k in range(ex.net.n_in) if ex.x[k] != 0]
    moving = [ik for ik in candidates if moved[ik] != 0]

    def taken(ik: tuple[int, int]) -> int:
        e = exercise(ik)
        return slips_taken(e, e.boxes[box].index, [m for m in e.mistakes if m.about(box)])

    if not moving:
        return (0, 0)
    return first_or_fewest(moving, taken, lambda ik: prefer is None or bool(prefer[ik]))


def weight_boxes(exercise: NumericExercise, x: np.ndarray, wanted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The Δw_ik the answer boxes ask for, for an exercise whose answer is the array of all Δw_ik: each of ``wanted``
    (the exercise's own choice, e.g. two hidden neurons) whose input x_k is not 0, whose right Δw_ik is not 0 and at
    which each mistake gives a number outside the tolerance of the right one (a good weight); a mistake that gives the
    right answer in every entry (`NumericExercise.undetectable`) counts for none.

    In place of one that is not, a weight not yet asked for, the first of, in this order: a good one of the same
    neuron i or of a neuron no box asks about yet; one of those neurons whose input and Δw_ik are not 0 (the wanted
    one itself first; its box then says which slips it calls right: `NumericExercise.box_note`), so that the boxes
    keep to as many neurons as ``wanted`` (a box on a neuron already asked about repeats its δ_i, and with x_1 = x_2
    its number); a good one; one whose input and Δw_ik are not 0; one whose input is not 0; the wanted one itself
    only when every input is 0. Within each, the same neuron first, then the same input k, then w_11, w_12, w_21, ...
    Their indexes in ``w_hidden``: the good ones first, each kind in the order w_11, w_12, w_21, ...
    """
    # a slip that gives the right answer in every entry (x_k = 1 for "leaving out x_k") no box can tell apart: the
    # page's note says so, and counted here it left no weight good (an instructor's x = (1, 1) asked for Δw_11 and
    # Δw_12, one number twice)
    undetectable = {id(m) for m in exercise.undetectable}
    catchable = [m for m in exercise.mistakes if id(m) not in undetectable]

    def good(ik: tuple[int, int]) -> bool:
        return x[ik[1]] != 0 and exercise.right[ik] != 0 and told_apart(exercise, ik, catchable)

    def taken(ik: tuple[int, int]) -> int:  # of a box that is not good, how many slips it takes for right
        return slips_taken(exercise, ik, catchable)

    def moving(ik: tuple[int, int]) -> bool:
        return x[ik[1]] != 0 and exercise.right[ik] != 0  # an x_k = 0 makes Δw_ik and every slip's value 0

    chosen = [ik for ik in wanted if good(ik)]
    for i, k in wanted:
        if good((i, k)):
            continue
        asked = {n for n, _ in chosen}
        own_or_new = {ik for ik in np.ndindex(exercise.right.shape) if ik[0] == i or ik[0] not in asked}
        tiers = (lambda ik: good(ik) and ik in own_or_new,  # noqa: B023 (used at once, in this pass)
                 lambda ik: moving(ik) and ik in own_or_new,  # noqa: B023
                 good, moving, lambda ik: x[ik[1]] != 0)
        for tier in tiers:
            free = [ik for ik in np.ndindex(exercise.right.shape) if tier(ik) and ik not in chosen]
            # the fewest slips taken for right, then the same neuron, the same input (stable: w_11, w_12, ...)
            free.sort(key=lambda ik: (taken(ik), ik[0] != i, ik[1] != k))
            if free:
                chosen.append(free[0])
                break
        else:
            chosen.append((i, k))
    # the good ones first (w_11, w_12, ... among them), then the others by how many slips each takes for right: a page
    # works out the first box's weight in full, which should be one whose box tells the slips apart, not a fallback
    # whose product prints as 0.000000 (or a saturated neuron's, whose box takes three slips for right)
    return sorted(chosen, key=lambda ik: (not good(ik), taken(ik), ik))


def with_weight_boxes(exercise: NumericExercise, x: np.ndarray, wanted: Sequence[tuple[int, int]]) -> NumericExercise:
    """``exercise`` (its answer the array of all Δw_ik) with one answer box per weight of `weight_boxes`, and every
    entry's label for the notes (a note names an entry no box asks for as the page would: ``Δw_21``)."""
    n_hidden = exercise.right.shape[0]
    named = {ik: "Δ" + labels.parameter("w_hidden", ik, n_hidden) for ik in np.ndindex(exercise.right.shape)}
    boxes = tuple(Box(named[ik], ik) for ik in weight_boxes(exercise, x, wanted))
    return dataclasses.replace(exercise, boxes=boxes, entry_labels=tuple(named.items()),
                               unasked=_zero_inputs_unasked(named, boxes, x))


def _zero_inputs_unasked(named: dict[tuple[int, int], str], boxes: tuple[Box, ...], x: np.ndarray) -> str:
    """Why no box asks for the Δw_ik of an input x_k = 0 (a student asked why exercise 6 skipped Δw₁₁): each is 0,
    having x_k as a factor. ``""`` when every input is 0 (the boxes then ask for some of them) or none is."""
    zero = [k for k in range(len(x)) if x[k] == 0 and not any(b.index[1] == k for b in boxes)]
    if not zero:
        return ""
    entries = show.and_list([pretty(label) for (_, k), label in named.items() if k in zero])
    inputs = show.and_list([f"{pretty(f'x_{labels.inputs(len(x))[k]}')} = 0" for k in zero])
    factor = f"the input {inputs}" if len(zero) == 1 else f"its input ({inputs})"
    return f"{entries} are 0 here, each with {factor} as a factor, so no box asks for them."
