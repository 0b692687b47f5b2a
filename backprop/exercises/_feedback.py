"""What a check says, in the notebook and in the site's answer boxes: the verdicts, their messages, the tolerance."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from .. import show
from ..homework import ATOL as ATOL  # the homework check's tolerance, and its reasons
from ..homework import RTOL as RTOL

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


def right_message(value: np.ndarray, whole: frozenset[tuple[int, ...]] | bool = frozenset()) -> str:
    """``Right: 0.123456.``: the right value as the site prints it (an array as a list).

    ``whole`` names the entries that are counts (an epoch), written as whole numbers (``26``, not ``26.000000``):
    ``True`` for a single number, or the set of their indices in an array.
    """
    value = np.asarray(value, dtype=float)
    if value.ndim == 0:
        return f"Right: {_entry(float(value), whole is True)}."
    counts = whole if isinstance(whole, frozenset) else frozenset()
    texts = np.array([_entry(float(value[i]), i in counts) for i in np.ndindex(value.shape)], dtype=object)
    return f"Right: {np.array2string(texts.reshape(value.shape), formatter={'all': str}, separator=', ')}."


_SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def entry_text(value: float, whole: bool = False) -> str:
    """One entry as the site prints it: a count as a whole number (``26``), else with six decimals, or, where the
    worked solutions' formulas write it in scientific notation (`show.in_scientific`), as they do, in plain text:
    ``-4.0 × 10⁻¹⁰``, not ``0.000000`` beside a solution that says ``-4.0 \times 10^{-10}``."""
    if whole:
        return str(round(value))
    if show.in_scientific(value):
        mantissa, exponent = f"{float(value):.1e}".split("e")
        return f"{mantissa} \u00d7 10{str(int(exponent)).translate(_SUPERSCRIPT)}"  # "-", as num writes a minus
    return show.num(value)


_entry = entry_text


def _decimal(value: float) -> str:
    """``1e-4`` -> ``0.0001``: a tolerance written out, never in Python's exponent notation."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def power_tex(value: float) -> str:
    """``1e-6`` -> ``10^{-6}`` (TeX) for a power of ten, else the number written out."""
    exponent = round(math.log10(value)) if value > 0 else 0
    return f"10^{{{exponent}}}" if value > 0 and 10.0**exponent == value else _decimal(value)


def tolerance_tex(rtol: float, atol: float) -> str:
    r"""The rule of :func:`within` as TeX, for your number $x$ and the answer $a$:
    ``|x - a| \le 10^{-6} + 0.001\,|a|``."""
    return rf"|x - a| \le {power_tex(atol)} + {_decimal(rtol)}\,|a|"


def change_tolerance_tex(rtol: float, atol: float) -> str:
    r"""The rule of a box for a new weight or bias, measured against its update $\Delta\theta$, as TeX:
    ``|x - a| \le 10^{-6} + 0.001\,|\Delta\theta|``."""
    return rf"|x - a| \le {power_tex(atol)} + {_decimal(rtol)}\,|\Delta\theta|"


def percent(rtol: float) -> str:
    """A relative tolerance as a percentage: ``percent(1e-3) == '0.1 %'``."""
    return f"{format((Decimal(repr(float(rtol))) * 100).normalize(), 'f')} %"


def within(value: np.ndarray | float, target: np.ndarray | float, rtol: float, atol: float) -> bool:
    r"""The tolerance of every check: $|value - target| \le atol + rtol\,|target|$ in every entry."""
    value, target = np.asarray(value, dtype=float), np.asarray(target, dtype=float)
    return bool(np.all(np.abs(value - target) <= atol + rtol * np.abs(target)))


def row_lengths(answer: object) -> str | None:
    """For an answer of numbers in rows of different lengths (``[[0, 0.1], [0, -0.1], [0]]``), which make no array,
    the rows' lengths in words (``"2, 2 and 1"``; a number in place of a row is "a number"); else None (a string, a
    dict, a row of text: not numbers at all)."""
    if not isinstance(answer, (list, tuple)) or not answer:
        return None
    lengths = []
    for row in answer:
        if isinstance(row, (list, tuple)) or (isinstance(row, np.ndarray) and row.ndim > 0):
            lengths.append(str(len(row)))
        elif isinstance(row, (int, float, np.number, np.ndarray)) and not isinstance(row, bool):
            lengths.append("a number")  # a 0-d array too
        else:
            return None
    return show.and_list(lengths) if len(set(lengths)) > 1 else None


def entry_problem(answer: object, ndim: int) -> str:
    """What keeps a list answer (``ndim`` levels deep, as the right answer) from being numbers, in words: an entry
    that is None or text where a number belongs, or a list where a number belongs (``[[0.27], 0.68]`` for two
    numbers); "" when there is none (numpy then reads it, or says what else is wrong)."""
    def walk(item: object, index: tuple[int, ...]) -> str:
        where = str(index[0]) if len(index) == 1 else str(index)
        if isinstance(item, (list, tuple)):
            if len(index) == ndim and index:
                return f"the entry at {where} is a list, where a number belongs (numpy indices, from 0)."
            return next((p for n, sub in enumerate(item) if (p := walk(sub, (*index, n)))), "")
        if item is None:
            return f"the entry at {where} is None, where a number belongs (numpy indices, from 0)."
        if isinstance(item, str):
            try:
                float(item)
            except ValueError:
                return f"the entry at {where}, {item!r}, is not a number (numpy indices, from 0)."
        return ""

    return walk(answer, ()) if isinstance(answer, (list, tuple)) else ""
