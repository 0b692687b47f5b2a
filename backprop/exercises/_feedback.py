"""What a check says, in the notebook and in the site's answer boxes: the verdicts, their messages, the tolerance."""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from .. import show

RTOL = 1e-3  # a relative error of 0.1 %: six significant digits typed, or a rounding slip, pass
ATOL = 1e-6  # half a unit in the sixth decimal, so a right value printed with six decimals passes

NO_ANSWER = "No answer yet: replace None with your answer and run the cell again."
#: The hint for a wrong number that is no listed mistake (the site's answer boxes say the same).
OTHERWISE = "Compare your steps with the formula; the worked solution below has them."
#: What an answer box says to text that is no number (the notebook's ``check`` gets Python values, not text).
INVALID = "Not a number: type a number such as -0.123456 (a comma or a dot, 1e-3 works too)."


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says. ``ok`` is True (right), False (not yet) or None (no answer yet)."""

    ok: bool | None
    message: str

    def __bool__(self) -> bool:
        return self.ok is True

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__  # a notebook shows the message as the cell's result

    def _repr_html_(self) -> str:
        state = {True: "right", False: "wrong", None: "empty"}[self.ok]
        return f'<p class="bp-feedback bp-feedback--{state}">{html.escape(self.message)}</p>'


def right_message(value: np.ndarray) -> str:
    """``Right: 0.123456.``: the right value as the site prints it (an array as a list)."""
    value = np.asarray(value, dtype=float)
    if value.ndim == 0:
        return f"Right: {show.num(float(value))}."
    return f"Right: {np.array2string(value, formatter={'float_kind': show.num}, separator=', ')}."


def within(value: np.ndarray | float, target: np.ndarray | float, rtol: float, atol: float) -> bool:
    r"""The tolerance of every check: $|value - target| \le atol + rtol\,|target|$ in every entry."""
    value, target = np.asarray(value, dtype=float), np.asarray(target, dtype=float)
    return bool(np.all(np.abs(value - target) <= atol + rtol * np.abs(target)))
