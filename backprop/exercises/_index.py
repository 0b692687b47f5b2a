"""The exercises' index page, written from the catalogue: its table of the exercises, its tips (where answers can
be read, which exercises need Python, the tolerance the checks use), and the note a page prints when its answer boxes
use another rule than the one the index page states (`tolerance_note`, which shares the tip's words).
"""

from __future__ import annotations

from .. import show
from . import _gradient as g
from ._catalogue import PAGES, Page, get
from ._feedback import ATOL, RTOL, change_tolerance_tex, percent, power_tex, tolerance_tex
from ._functions import FunctionExercise
from ._markdown import tex_name
from ._numeric import Box, NumericExercise


def _answer_kind(page: Page) -> str:
    """What the student gives, from the page's checkers: "a number", "numbers", "a function (Python)"."""
    kinds = []
    for name in page.checks:
        exercise = get(name)
        if isinstance(exercise, FunctionExercise):
            kinds.append("a function (Python)")
        else:
            kinds.append("a number" if len(exercise.boxes) == 1 else "numbers")
    return ", then ".join(kinds)


def index_table() -> str:
    """The exercises' index page table: number, title (linked to the notebook) and what the answer is."""
    return show.table(["#", "exercise", "your answer"],
                      [[p.number, f"[{p.title}]({p.stem}.py)", _answer_kind(p)] for p in PAGES])


def _span(numbers: list[int]) -> str:
    """``exercises 4 to 7`` for a run of three or more, else ``exercises 4 and 6`` (`_numbers`)."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"exercises {numbers[0]} to {numbers[-1]}"
    return _numbers(numbers)


def answers_tip() -> str:
    """The exercises' index page's words on where an exercise's answers can be read: its own collapsed worked solution,
    and the pages that give some of them openly as their data (`Page.data_from`)."""
    given = []
    for earlier in sorted({n for p in PAGES for n in p.data_from}):
        later = [p.number for p in PAGES if earlier in p.data_from]
        given.append(f"the task tables of {_span(later)} give answers of exercise {earlier} as their data")
    given.append("a later exercise's worked solution may quote an earlier one's (exercise 8's starts from the updates "
                 "of exercises 4 and 6)")
    return ("Each exercise's answers are worked out in its own collapsed worked solution. They are not hidden from "
            f"later pages: {'; '.join(given)}. So work through them in order.")


def python_tip() -> str:
    """The exercises' index page's words on the exercises that need Python: those whose checks take a function, which
    only Python can check, and the gradient check, whose number is the difference of two costs kept to
    `gradient_check_decimals` decimals each (its task is written for Python)."""
    functions = [p.number for p in PAGES if any(isinstance(get(n), FunctionExercise) for n in p.checks)]
    [gradcheck] = [p.number for p in PAGES if "gradient-check" in p.checks]
    k = g.gradient_check_decimals()
    return (f"{_numbers(functions).capitalize()} ask{'s' if len(functions) == 1 else ''} for a function, which only "
            f"Python can check. Exercise {gradcheck}'s answer is a number, but it comes from two costs $E$ "
            f"that must each be kept to {k} decimals: its task is written for Python (a calculator will do if it "
            f"carries {k} decimals through the forward pass).")


def _numeric_checks(page: Page) -> list[NumericExercise]:
    return [e for e in map(get, page.checks) if isinstance(e, NumericExercise)]


def _compared(rtol: float, atol: float) -> str:
    """How a tolerance compares with the default one: "stricter", "looser" or "different"."""
    if rtol <= RTOL and atol <= ATOL:
        return "stricter"
    return "looser" if rtol >= RTOL and atol >= ATOL else "different"


def _own_tolerance(e: NumericExercise) -> bool:
    """Whether exercise ``e``'s boxes use another rule than the index page's: another tolerance, or, for a new weight
    or bias, one measured against its update."""
    return bool(e.new_parameter_boxes) or (e.rtol, e.atol) != (RTOL, ATOL)


def _tex_label(label: str) -> str:
    """A box's label as inline TeX: ``w_41(n+1)`` -> ``w_{41}(n+1)``."""
    name, paren, rest = label.partition("(")
    return tex_name(name) + paren + rest


_KINDS = {"w": ("weight", "weights"), "b": ("bias", "biases")}


def _kind(e: NumericExercise, plural: bool) -> str:
    """``weight``, ``biases`` or ``weight or bias``: what exercise ``e``'s boxes for a new value ask for."""
    kinds = {_KINDS.get(b.label[:1], ("weight or bias", "weights or biases")) for b in e.new_parameter_boxes}
    return kinds.pop()[plural] if len(kinds) == 1 else ("weights or biases" if plural else "weight or bias")


def _numbers(numbers: list[int]) -> str:
    """``exercise 8`` or ``exercises 8 and 12``."""
    return f"exercise{'s' if len(numbers) > 1 else ''} {show.and_list([str(n) for n in numbers])}"


def tolerance_tip() -> str:
    r"""The exercises' index page's tip on the tolerance, from the tolerance the checks use (``RTOL``, ``ATOL``),
    naming every exercise whose boxes use another one; its page says so with :func:`tolerance_note`.

    "Six decimals always pass" is said only when it is true of every box: a number rounded to six decimals is off by
    at most $5 \cdot 10^{-7}$. "Six significant digits" (off by at most $5 \cdot 10^{-6}$ of the number) is said of
    the boxes whose tolerance grows with the answer, not of those for a new weight or bias, measured against its
    update. Both are checked against each box's own tolerance (`NumericExercise.tolerance`).
    """
    lines = [f"A number $x$ is right when ${tolerance_tex(RTOL, ATOL)}$ for the answer $a$: {percent(RTOL)} of the "
             f"answer, plus ${power_tex(ATOL)}$ so that an answer near zero can be typed with six decimals."]
    checks = [(p.number, e) for p in PAGES for e in _numeric_checks(p)]
    boxes = [(e, b, *e.tolerance(b.index)) for _, e in checks for b in e.boxes]
    carrying = [(n, e) for n, e in checks if e.carried is not None]
    if carrying:
        most = max(float(e.carried[b.index]) for _, e in carrying for b in e.boxes)
        numbers = _numbers(sorted({n for n, _ in carrying}))
        lines.append(f"A value you work out from numbers a page gives rounded to six decimals can be further off, "
                     f"where their roundings add up (a saturated neuron's slope worked out from an output printed near "
                     f"its bound): the boxes of {numbers} widen their tolerance by how far those roundings can carry, "
                     f"as the homework check does (on this practice example by at most "
                     f"${show.sci(most, up=True) if most else 0}$).")
    counts = [(n, e, b) for n, e in checks for b in e.boxes if b.whole]  # right only as the whole number itself
    boxes = [(e, b, rtol, atol) for e, b, rtol, atol in boxes if not b.whole]
    show.require(all(atol >= 5e-7 for _, _, _, atol in boxes), "six decimals always pass")
    show.require(all(rtol >= 5e-6 for e, b, rtol, _ in boxes if not e.new_parameter(b.index)),
                 "six significant digits pass every box but those for a new weight or bias")
    if any(e.new_parameter_boxes for _, e in checks):
        lines.append("So six decimals always pass, and so do six significant digits except in the boxes for a new "
                     "weight or bias (below).")
    else:
        lines.append("So six decimals, or six significant digits, always pass.")
    lines.append("Fewer decimals can pass too, where the number is still that close; the box then says how many you "
                 "gave, and asks for six: with fewer, a classic slip can round to the same number. Further off, it "
                 "says which rounding of the answer you typed, to 0 too (0.00 for an answer below 0.005), unless a "
                 "classic slip gives about 0 there: then its hint answers.")
    if counts:
        show.require(all(e.tolerance(b.index) == (0.0, 0.0) for _, e, b in counts), "a count is right only exactly")
        named = show.and_list([f"exercise {n}'s {b.label}" for n, _, b in counts])
        lines.append(f"A box for a count ({named}) takes the whole number only: the {percent(RTOL)} does not "
                     f"apply there.")
    for number, e in checks:
        if not e.new_parameter_boxes and (e.rtol, e.atol) != (RTOL, ATOL):
            lines.append(f"Exercise {number}'s answer box is {_compared(e.rtol, e.atol)}: "
                         f"${tolerance_tex(e.rtol, e.atol)}$ ({percent(e.rtol)}); its page says so, and why.")
    rules = {(e.rtol, e.atol) for _, e in checks if e.new_parameter_boxes}
    for rtol, atol in sorted(rules):
        numbers = sorted({n for n, e in checks if e.new_parameter_boxes and (e.rtol, e.atol) == (rtol, atol)})
        lines.append(f"The boxes of {_numbers(numbers)} for a new weight or bias "
                     f"$\\theta(n+1) = \\theta(n) + \\Delta\\theta$, where a wrong update, or none, can be off by less "
                     f"than {percent(rtol)} of the value, measure the tolerance against the update $\\Delta\\theta$: "
                     f"${change_tolerance_tex(rtol, atol)}$, so type six decimals there; "
                     f"{'its page says' if len(numbers) == 1 else 'their pages say'} so.")
    return '!!! tip "Tolerance"\n    ' + "\n    ".join(lines)


def _missing(e: NumericExercise) -> str:
    """The end of `tolerance_note`'s sentence on the boxes for a new weight or bias: which boxes catch a missing update,
    every value of time n typed for n+1, from the numbers. A new weight's box catches it when its update Δθ lies beyond
    its tolerance; another box (y(n+1)) when the slip marked `Mistake.missing_update` does, as the notes under the boxes
    (`NumericExercise.box_note`) judge it. The updates within their boxes' tolerance are named."""
    assert e.change is not None  # only for an exercise with new weights or biases
    new = e.new_parameter_boxes
    stayed = next((m for m in e.mistakes if m.missing_update), None)

    def catches(n: int, b: Box) -> bool:
        if e.new_parameter(b.index):
            return not e.close(e.right[b.index] - e.change[b.index], at=b.index)
        return stayed is not None and e.box_tells(stayed, n)

    caught = [b for n, b in enumerate(e.boxes) if catches(n, b)]
    labels = show.and_list([f"${_tex_label(b.label)}$" for b in caught]) if caught else ""
    missed = [b for b in new if b not in caught]
    if not missed:
        if len(caught) == len(new):
            return f", and it is the {_kind(e, True)}' boxes that catch a missing update"
        if len(caught) == len(e.boxes):
            return ", and every box catches a missing update"
        return f", and the {labels} boxes catch a missing update"
    one = len(missed) == 1
    # an update that is exactly 0 (an output y_hi = 0) is 0, not "0.0 × 10^0 ... within the tolerance"
    zero = all(e.change[b.index] == 0 for b in missed)
    updates = show.and_list([f"$\\Delta {_tex_label(b.label.partition('(')[0])}"
                             f"{'' if zero else ' = ' + (show.sci(e.change[b.index]) if e.change[b.index] else '0')}$"
                             for b in missed])
    within = (f"{'is' if one else 'are'} 0 here" if zero else
              f"{'is' if one else 'are'} within the tolerance of {'its box' if one else 'their boxes'}")
    if len(missed) == len(new):
        only = f", only the {labels} box{'' if len(caught) == 1 else 'es'}" if caught else ""
        return (f". Here no {_kind(e, False)}'s box catches a missing update{only}: the update{'' if one else 's'} "
                f"{updates} {within}")
    return (f", and only the {labels} box{'' if len(caught) == 1 else 'es'} catch{'es' if len(caught) == 1 else ''} "
            f"a missing update: {updates} {within}")


def tolerance_note(name: str) -> str:
    """The sentence a page prints when exercise ``name``'s boxes use another rule than the index page's: for a new
    weight or bias, which boxes measure the tolerance against the update, and that the others keep it on the value."""
    e = get(name)
    if not isinstance(e, NumericExercise) or not _own_tolerance(e):
        raise ValueError(f"exercise {name!r} uses the tolerance of every exercise: its page need not say so")
    boxes = "This answer box is" if len(e.boxes) == 1 else "These answer boxes are"
    new = e.new_parameter_boxes
    if new:
        others = [b for b in e.boxes if b not in new]
        one = len(new) == 1
        if not others:
            asks = f"{'This answer box asks' if one else 'These answer boxes ask'} for "
        else:
            asks = (f"The box{'' if one else 'es'} for {show.and_list([f'${_tex_label(b.label)}$' for b in new])} "
                    f"ask{'s' if one else ''} for ")
        what = f"a new {_kind(e, False)}" if one else f"new {_kind(e, True)}"
        text = (f"{asks}{what} $a = \\theta(n+1) = \\theta(n) + \\Delta\\theta$, where a wrong update, or none, can be "
                f"off by less than {percent(e.rtol)} of $a$: {'there ' if others else ''}a number $x$ is right when "
                f"${change_tolerance_tex(e.rtol, e.atol)}$, measured against the update $\\Delta\\theta$ rather than "
                f"against $a$. Type six decimals.")
        if others:
            one_other = len(others) == 1
            rule = (f"keep{'s' if one_other else ''} the rule of every exercise"
                    if (e.rtol, e.atol) == (RTOL, ATOL) else f"{'is' if one_other else 'are'} measured by")
            labels = show.and_list([f"${_tex_label(b.label)}$" for b in others])
            text += (f" The {labels} box{'' if one_other else 'es'} {rule}, ${tolerance_tex(e.rtol, e.atol)}$, on "
                     f"{'its' if one_other else 'their'} value: worked out from values rounded to six decimals, "
                     f"{'it' if one_other else 'they'} can be off in the last decimals{_missing(e)}.")
        if e.carried is not None:
            whose = "Each box's" if len(e.boxes) > 1 else "Its"
            text += (f" {whose} tolerance is also widened by how far the rounding of the values before it can "
                     "carry, as the exercises' index page says.")
        return text
    return (f"{boxes} {_compared(e.rtol, e.atol)} than the other exercises': a number $x$ is right when "
            f"${tolerance_tex(e.rtol, e.atol)}$ for the answer $a$, {percent(e.rtol)} of the answer rather than "
            f"{percent(RTOL)}.")
