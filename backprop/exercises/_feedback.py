"""What a check says, in the notebook and in the site's answer boxes: the verdicts, their messages, the tolerance."""

from __future__ import annotations

import html
import math
from collections.abc import Callable
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
#: The hint of a slip whose number lies so near the right one that a number within its tolerance can be within the
#: right one's too (``y(n+1)``'s updated-output-weights slip, 1.7 tolerances away): a student's review found a number
#: just off the right one named as that slip, where ``python -m backprop trace --check`` says it cannot tell. It says
#: first that the number is not right (a later review read the hedge alone as "yours may be right").
NEAR = ("Your number is outside the check's tolerance of the right value. It is also about what a slip gives, whose "
        "number lies so near the right value that a right calculation slightly off can land here too: the check cannot "
        "tell whether yours comes from a slip. If it does: {hint}")
#: Said in an answer box after the slips that give its entry with the opposite sign (a flipped error e, flipped
#: updates), which flip every entry: a student's review typed one Δw_ik of three with its sign flipped, the others
#: right, and was told only of e's sign, where a minus lost in that one entry's product is the likelier slip.
LOST_MINUS = (" Or, if your other boxes are right, a minus lost in this entry's own factors: a flipped e or a "
              "flipped update sign flips every entry.")
#: What ``check`` says of entries whose sign alone is flipped, where other entries are right (a student's review: one
#: Δw_ik of six negated was told first of a flipped e, which ``check``, seeing the others right, can rule out); "{its}":
#: "its own factors", "each one's own factors", or a factor a whole row or column shares.
ONE_SIGN = ("the sign alone is flipped. The entries that are right rule out a flipped e or a flipped update sign, "
            "which flip every entry: look for a minus lost in {its}.")
#: What an answer box says when Check is pressed with nothing typed (a student's review: "Not a number" for an empty
#: box read as if something had been typed wrong).
EMPTY = "Nothing typed yet: type a number, then press Enter or Check."


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
    r"""One entry as the site prints it: a count as a whole number (``26``), else with six decimals, or, where the
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
    ``|x - a| \le 10^{-6} + 10^{-5}\,|a|``."""
    return rf"|x - a| \le {power_tex(atol)} + {power_tex(rtol)}\,|a|"


def change_tolerance_tex(rtol: float, atol: float) -> str:
    r"""The rule of a box for a new weight or bias, measured against its update $\Delta\theta$, as TeX:
    ``|x - a| \le 10^{-6} + 10^{-5}\,|\Delta\theta|``."""
    return rf"|x - a| \le {power_tex(atol)} + {power_tex(rtol)}\,|\Delta\theta|"


def percent(rtol: float) -> str:
    """A relative tolerance as a percentage: ``percent(1e-5) == '0.001 %'``."""
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


def index_text(index: tuple[int, ...]) -> str:
    """A numpy index as check() names an entry: ``1`` for ``(1,)``, ``(2, 1)`` for a 2-D one."""
    return str(index[0]) if len(index) == 1 else str(index)


def read_answer(answer: object, ndim: int, typed: Callable[[str], float | None], want: str,
                shape: tuple[int, ...] | None = None) -> np.ndarray | str:
    """A student's answer as an array of floats, or what keeps it from being one, in words. ``ndim``: how many levels
    of lists the right answer has (0 for a number). Text is read by ``typed`` (as the site's answer boxes read it: a
    comma or a dot, a Unicode minus), at the top or in a list; an entry that is None, other text, a complex number,
    a number too large for a float, a list where a number belongs or anything else is named with its index (numpy
    read None as nan, and complex numbers as their real part); rows of different lengths are named with ``want``, the
    shape the answer should have (``shape``, its tuple, where known); an array's numbers with more levels than that,
    by their shape. Nothing in ``answer`` is changed."""
    def seq(item: object) -> bool:  # a list, a tuple or an array of 1 or more dimensions (np.ndim would build one)
        return isinstance(item, (list, tuple)) or (isinstance(item, np.ndarray) and item.ndim > 0)

    def leaf(item: object, where: str) -> float | str:
        at = f"the entry at {where}" if where else "the answer"
        if isinstance(item, np.ndarray) and item.ndim == 0 and item.dtype.kind == "O":
            item = item.item()  # np.array(None, dtype=object): its object
        if item is None:
            return f"{at} is None, where a number belongs"
        if isinstance(item, (bool, np.bool_)):  # float(True) is 1.0: a truth value is no number
            return f"{at} is {bool(item)}, a truth value, where a number belongs"
        if isinstance(item, str):
            number = typed(item)
            return f"{at}, {item!r}, is not a number" if number is None else number
        if isinstance(item, (complex, np.complexfloating)):
            return f"{at}, {_short(item)}, is complex, where a real number belongs"
        if seq(item):
            return (f"{at} is a list, where a number belongs" if where else
                    f"the answer should be a single number, got a list of {len(item)}")
        try:
            return float(item)  # int, float, numpy's numbers, Decimal, Fraction, a 0-d array
        except OverflowError:
            return f"{at}, {_short(item)}, is too large for a number here"
        except Exception:  # a student's object: whatever its __float__ raises, it is no number
            return f"{at}, {type(item).__name__} {_short(item)}, is not a number"

    def walk(item: object, index: tuple[int, ...]) -> object:
        if isinstance(item, np.ndarray) and item.ndim > 0 and item.dtype.kind in "OUSc":
            item = item.tolist()  # text or objects: read entry by entry
        if len(index) < ndim and seq(item):
            return [walk(sub, (*index, n)) for n, sub in enumerate(item)]
        where = index_text(index) if index else ""
        return leaf(item, where)

    # finite numbers only, with more levels than the right answer's (a student passed rules.delta_w_output's (1, 3)
    # array for three updates, and read "the entry at 0 is a list"): its shape, as check() says a shape (a nan is
    # named first, as check() names it before a shape)
    try:
        numbers = np.asarray(answer)
    except Exception:  # rows of different lengths, a student's object: read entry by entry below
        numbers = None
    if numbers is not None and numbers.dtype.kind in "fiu" and numbers.ndim > ndim > 0 and np.all(np.isfinite(numbers)):
        same = (" (as many numbers, in another shape: np.ravel gives them in one row)"
                if shape is not None and numbers.size == int(np.prod(shape)) and len(shape) == 1 else "")
        return f"the answer should be {want}, got shape {numbers.shape}{same}."
    cleaned = walk(answer, ())
    problems = [x for x in _leaves(cleaned) if isinstance(x, str)]
    if problems:
        return problems[0] + (" (numpy indices, from 0)." if "entry at" in problems[0] else ".")
    try:
        return np.array(cleaned, dtype=float)
    except (TypeError, ValueError):
        rows = row_lengths(cleaned)
        if rows is not None:  # numbers, but rows of different lengths, which make no array
            return f"the rows of the answer have different lengths ({rows}); it should be {want}."
        return f"the answer must be numbers, got {type(answer).__name__}."


def _short(item: object) -> str:
    """``repr(item)``, cut to 40 characters: a student's 10**400 is not printed in full."""
    try:
        text = repr(item)
    except Exception:  # a student's object whose __repr__ raises
        return f"<{type(item).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."


def _leaves(item: object) -> list[object]:
    return [x for sub in item for x in _leaves(sub)] if isinstance(item, list) else [item]
