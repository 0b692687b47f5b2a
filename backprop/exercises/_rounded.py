"""Six decimals: what every task asks for, and what a right answer rounded to fewer gets, before any slip's hint.

A number that is the right one rounded to k < `show.DECIMALS` decimals (−0.0128 for −0.0127550) lies outside the
tolerance, and was told "Compare your steps" or, worse, a slip's hint whose value lies within the tolerance of the
rounded number. `roundings` lists, for one entry, each such rounded value and its message; `NumericExercise.check`
and the answer boxes (their form carries the list, which exercises.js compares exactly with the typed number) give it
before trying any slip. `wanted` is the sentence each task says it with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from decimal import ROUND_DOWN, Decimal

import numpy as np

from .. import show


def decimals(k: int) -> str:
    """``"six decimals"``, ``"one decimal"``."""
    return f"{show.number_word(k)} decimal{'' if k == 1 else 's'}"


def wanted(what: str = "") -> str:
    """What each task says about the numbers it wants: ``Give six decimals.`` (`show.DECIMALS`), or with ``what``
    (``"the cost"``) ``Give the cost with six decimals.``"""
    return f"Give {what} with {decimals(show.DECIMALS)}." if what else f"Give {decimals(show.DECIMALS)}."


def message(places: Sequence[int], where: str = "", one: bool = False) -> str:
    """What an answer whose entries are the right ones rounded to ``places`` decimals (each fewer than
    `show.DECIMALS`) gets, after "Not yet: "; ``where``: which entries, when not all of them (``the entries at 0 and
    2``), ``one`` if one."""
    ks = [show.number_word(k) for k in sorted(set(places))]
    to = f"{' or '.join([', '.join(ks[:-1]), ks[-1]] if len(ks) > 1 else ks)} decimal{'' if ks == ['one'] else 's'}"
    what = (f"{where} (numpy indices, from 0) {'is the right one' if one else 'are the right ones'} rounded to {to}, "
            "the others right" if where else f"that is the right answer rounded to {to}")
    return f"{what}. {_give_six()}"


def fewer(k: int) -> str:
    """What a right answer typed with ``k`` decimals, fewer than the tasks ask for, and not the right one to
    `show.DECIMALS` gets after its "Right: ...": the decimals it has, and why to give six (a student found 0.496
    "Right" in one box and 0.297, also three decimals, "Not yet" in the next, with no word of the six asked for)."""
    return f"You gave {decimals(k) if k else 'no decimals'}. {_give_six()}"


def fewer_as_written(indices: Sequence[tuple[int, ...]], written: Sequence[str]) -> str:
    """What ``check`` adds to a right answer whose entries at ``indices`` (of a single number: ``[()]``) Python writes
    with fewer decimals than asked, ``written``: said in Python's words, since a float keeps no trailing zeros."""
    if indices == [()]:
        return f"As Python writes it, {written[0]} has fewer than {decimals(show.DECIMALS)}. {_give_six()}"
    have = "has" if len(indices) == 1 else "have"
    return (f"As Python writes them, {_entries(indices)} (numpy indices, from 0) {have} fewer than "
            f"{decimals(show.DECIMALS)} ({', '.join(written)}). {_give_six()}")


def _give_six() -> str:
    """What every rounding's message ends with: give `show.DECIMALS` decimals, and why."""
    return f"Give {decimals(show.DECIMALS)}: with fewer, a classic slip could round to the same number."


def roundings(right: float, close: Callable[[float], bool], every: bool = False,
              zero: bool = False) -> list[tuple[float, int]]:
    """The right value ``right`` rounded to k = 1, ..., `show.DECIMALS` − 1 decimals, where that is no longer right
    (``close`` says whether a number is) and, unless ``zero``, not 0 (no digit of the answer left: in an answer array,
    more likely a placeholder than a rounding): each value once with its fewest k, or with ``every`` each k (0.01 for
    −0.0101215 at k = 2 and 3: an answer box knows how many decimals were typed)."""
    found: list[tuple[float, int]] = []
    for k in range(1, show.DECIMALS):
        value = round(float(right), k)
        if (value != 0 or zero) and not close(value) and (every or all(value != v for v, _ in found)):
            found.append((value, k))
    return found


def truncations(right: float, close: Callable[[float], bool]) -> list[tuple[float, int]]:
    """The right value ``right`` cut off after k = 1, ..., `show.DECIMALS` − 1 decimals (towards 0: 0.408 for
    0.408539), where that is not its rounding to k decimals (`roundings`), not right (``close``) and not 0: a student's
    review typed 0.408 and read only "Compare your steps". The digits cut are the shortest that give the double, those a
    reader sees: a right 0.3, the double a hair below it, is not "cut off" to 0.2 (a code review)."""
    found: list[tuple[float, int]] = []
    for k in range(1, show.DECIMALS):
        value = cut_off(right, k)
        if value != 0 and value != round(float(right), k) and not close(value):
            found.append((value, k))
    return found


def cut_off(right: float, k: int) -> float:
    """``right`` cut off after ``k`` decimals, towards 0, from the shortest digits that give the double."""
    return float(Decimal(repr(float(right))).quantize(Decimal(1).scaleb(-k), rounding=ROUND_DOWN))


def cut_message(right: float, k: int) -> str:
    """What a right answer cut off after ``k`` decimals gets, after "Not yet: ": what its rounding is."""
    return (f"that is the right answer cut off after {decimals(k)}, not rounded: rounded to {decimals(k)} it is "
            f"{round(float(right), k):.{k}f}. {_give_six()}")


_SPACE = "[ \t\u00a0\u2009\u202f]*"  # the spaces named one by one: Python's \s and JavaScript's differ (exercises.js)
_SUPERSCRIPTS = "\u207b\u207a\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"  # ⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹
# "^-3", "**-3", "^(-3)", "^{-3}" (as TeX writes it), or superscripts; 1 to 4 digits, as typed_decimals reads
_TIMES_TEN = re.compile(f"{_SPACE}[\u00d7xX*\u00b7\u22c5]{_SPACE}10{_SPACE}(?:(?:\\^|\\*\\*){_SPACE}"
                        f"(?:([+-]?[0-9]{{1,4}})|\\({_SPACE}([+-]?[0-9]{{1,4}}){_SPACE}\\)|\\{{{_SPACE}([+-]?[0-9]{{1,4}}){_SPACE}\\}})"
                        f"|([\u207b\u207a]?[{_SUPERSCRIPTS[2:]}]{{1,4}})){_SPACE}$")


def times_ten(text: str) -> str:
    """``text`` with a power of ten after its number, as the boxes' own messages write one (``-4.0 × 10⁻¹⁰``) or as a
    calculator does (``1.34x10^-2``, ``1.34*10**-2``, ``1.34×10^(-2)``, TeX's ``10^{-2}``), in e-notation
    (``1.34e-2``): a student's review copied a message's number back and read "Not a number". Anything else is left as
    it is."""
    m = _TIMES_TEN.search(text)
    if not m or m.start() == 0:  # no power of ten, or nothing before it
        return text
    plain = m[1] or m[2] or m[3]  # after ^ or **: bare, in parentheses or in braces
    exponent = plain if plain is not None else m[4].translate(str.maketrans(_SUPERSCRIPTS, "-+0123456789"))
    return f"{text[:m.start()]}e{exponent}"


def plain_minus(text: str) -> str:
    """``text`` with a Unicode minus (the pages' −) or an en dash (a word processor's minus) written ``-``."""
    return re.sub("[\u2212\u2013]", "-", text)


#: The outer spaces a typed text loses: JavaScript's trim() (exercises.js, live.js), not Python's strip(), which keeps a
#: byte-order mark U+FEFF and drops the separators U+001C to U+001F and U+0085 (a code review: "\ufeff1.5" read 1.5 in
#: the browser and no number here).
_TRIM = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f"
         "\u205f\u3000\ufeff")
#: One of those characters, JavaScript's \s: the scripts read spaces inside a typed number with it, and so does Python.
JS_SPACE = f"[{_TRIM}]"


def unwrapped(text: str) -> str:
    r"""A typed text without its outer spaces and one pair of parentheses around all of it: ``" (-0.5) "`` is
    ``"-0.5"``, as the pages' formulas write a negative number (``0.5 \cdot (-0.5)``) a student may copy with them.
    ``"((0.5))"`` and ``"(0.5"`` are left as they are (no number)."""
    s = str(text).strip(_TRIM)
    inner = re.fullmatch(rf"\({JS_SPACE}*([^()]*?){JS_SPACE}*\)", s)
    return inner[1] if inner else s


def typed_decimals(text: str) -> int | None:
    """How many decimals a typed number has (``"0,0850"``: 4, ``"3"``: 0, ``"(-0.25)"``: 2), in e-notation those of
    the number it writes (``"8.54e-3"`` is 0.00854: 5; ``"1.5e3"``: 0; a student's review was told of five decimals
    for 0.00854 and not for 8.54e-3; ``"8.54 × 10⁻³"`` too, `times_ten`); None for an exponent that is no whole
    number."""
    s, shift = times_ten(plain_minus(unwrapped(text))), 0
    if re.search(r"[eE]", s):
        power = re.fullmatch(rf"(.*?)[eE]{JS_SPACE}*([+\-]?[0-9]{{1,4}}){JS_SPACE}*", s, re.S)  # 1e-0...03: None
        if not power:
            return None
        s, shift = power[1], int(power[2])  # the mantissa's decimals, less the exponent
    point = re.search(rf"[.,]([0-9]*){JS_SPACE}*$", s)
    return max(0, (len(point[1]) if point else 0) - shift)


def answer_message(value: np.ndarray, right: np.ndarray, close: Callable[[float, tuple[int, ...]], bool],
                   counts: Collection[tuple[int, ...]] = (),
                   slip: Callable[[float, tuple[int, ...]], bool] = lambda v, i: False) -> str | None:
    """`message` for an answer ``value`` (numbers of ``right``'s shape, not right) each of whose entries is right
    (``close(entry, index)``) or the right one rounded to fewer decimals (`roundings`); None for any other. It names
    the rounded entries unless every entry is typed rounded (some still right). ``counts``: the indices of entries that
    are whole numbers (an epoch), never rounded. An entry cut off after fewer decimals (`truncations`), which no
    ``slip`` (entry, index) gives, counts too, said as `cut_off_message` says it (a student's review: the boxes said it
    and ``check`` did not)."""
    places, off, typed_so, cut = [], [], 0, []  # typed_so: right entries typed rounded too (all rounded: said of all)
    for i in np.ndindex(right.shape):
        v = float(value[i])
        if close(v, i):
            typed_so += any(v == round(float(right[i]), k) for k in range(1, show.DECIMALS))
            continue
        found = dict(roundings(float(right[i]), lambda u: close(u, i))) if i not in counts else {}  # noqa: B023
        cuts = dict(truncations(float(right[i]), lambda u: close(u, i))) if i not in counts else {}  # noqa: B023
        if v not in found and (v not in cuts or slip(v, i)):
            return None
        places.append(found.get(v, cuts.get(v)))
        off.append(i)
        cut += [i] if v not in found else []
    if not places:
        return None
    if cut:  # every entry off cut off after one k (a rounding that is the same number too, 0.006): said so
        one_k = next((k for k in range(1, show.DECIMALS)
                      if all(float(value[i]) == cut_off(float(right[i]), k) for i in off)), None)
        return cut_off_message(right, off, places, one_k)
    if len(off) + typed_so == right.size and len(set(places)) == 1:
        return message(places)
    if len(set(places)) == 1:
        return message(places, _entries(off), one=len(off) == 1)
    # several numbers of decimals (a code review: "rounded to two or three decimals" said not which is which): each
    # group of entries with its own, the most decimals first
    groups: dict[int, list[tuple[int, ...]]] = {}
    for i, k in zip(off, places):
        groups.setdefault(k, []).append(i)
    said = []
    for n, (k, group) in enumerate(sorted(groups.items(), reverse=True)):
        right_ones = "is the right one" if len(group) == 1 else "are the right ones"
        said.append(f"{_entries(group)} (numpy indices, from 0) {right_ones} rounded to {decimals(k)}" if n == 0
                    else f"{_entries(group)} to {decimals(k)}")
    others = ", the others right" if len(off) < right.size else ""
    return f"{', '.join(said[:-1])} and {said[-1]}{others}. {_give_six()}"


def cut_off_message(right: np.ndarray, off: Sequence[tuple[int, ...]], places: Sequence[int],
                    one_k: int | None) -> str:
    """`answer_message` where some entries ``off`` (their decimals ``places``) are cut off, not rounded: a single
    number as its box says it (`cut_message`); else which entries, and after how many decimals where all are cut off
    after one number of them, ``one_k``."""
    if right.ndim == 0:
        return cut_message(float(right), places[0])
    how = "cut off or rounded to fewer decimals"
    if one_k:  # "not rounded" of those whose rounding ends otherwise (a code review: 0.575 is 0.575387 rounded too)
        differ = [i for i in off if cut_off(float(right[i]), one_k) != round(float(right[i]), one_k)]
        how = (f"cut off after {decimals(one_k)}, not rounded" if len(differ) == len(off) else
               f"cut off after {decimals(one_k)} (rounded, {_entries(differ)} would end in another digit)")
    right_ones = "is the right one" if len(off) == 1 else "are the right ones"
    others = ", the others right" if len(off) < right.size else ""
    return f"{_entries(off)} (numpy indices, from 0) {right_ones} {how}{others}. {_give_six()}"


def _entries(indices: Sequence[tuple[int, ...]]) -> str:
    """``the entry at 2``, ``the entries at (0, 0) and (2, 1)``."""
    at = show.and_list([str(i[0]) if len(i) == 1 else str(i) for i in indices])
    return f"the entr{'y' if len(indices) == 1 else 'ies'} at {at}"


def also(text: str, hints: Sequence[str]) -> str:
    """``text`` (a `message`), and the hints of the slips whose value prints as the typed number (a slip can give a
    rounding of the right answer exactly: θ(n) = 0.1 for θ(n + 1) = 0.10003): the number cannot tell which it is."""
    unique = list(dict.fromkeys(hints))
    return text + "".join(f" It is also the number a classic slip gives here. {hint}" for hint in unique)
