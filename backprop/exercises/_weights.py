"""Which hidden weight an exercise about one w_ik asks for, chosen from the numbers (exercises 8 and 11): not one
whose input x_k is 0, whose update and gradient are then 0, nor one whose answer box cannot tell a classic slip from
the right answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..examples import Example
    from ._numeric import NumericExercise


def first_hidden_weight(ex: Example, exercise: Callable[[tuple[int, int]], NumericExercise], moved: np.ndarray,
                        box: int = 0) -> tuple[int, int]:
    """The hidden weight an exercise about one w_ik asks for: the first (i, k) of w_11, w_12, w_21, ... whose input x_k
    is not 0, whose entry of ``moved`` (its update, or its gradient) is not 0, and for which each mistake of
    ``exercise((i, k))`` about answer box ``box`` gives, in that box, a number outside the box's tolerance of the right
    one (with x_k = 0 the weight's update is 0, and so is its gradient: the slips then give the right answer); else the
    first with x_k != 0 and a ``moved`` entry other than 0; else (0, 0), w_11. Its index in ``w_hidden``, from 0.
    """
    candidates = [(i, k) for i in range(ex.net.n_hidden) for k in range(ex.net.n_in) if ex.x[k] != 0]
    moving = [ik for ik in candidates if moved[ik] != 0]

    def told_apart(ik: tuple[int, int]) -> bool:
        e = exercise(ik)
        index = e.boxes[box].index
        return not any(e.close(m.value[index], e.right[index]) for m in e.mistakes if m.about(box))

    return next((ik for ik in moving if told_apart(ik)), next(iter(moving), (0, 0)))
