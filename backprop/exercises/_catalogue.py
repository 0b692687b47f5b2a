"""The catalogue: every exercise page once, with its one title, and every checker by name, built on first use.

``PAGES`` is the one list of the exercise pages: the notebook each is (``docs/exercises/<stem>.py``), its title
and the checkers its ``check(...)`` calls use. The nav takes its titles from here (``hooks/exercise_titles.py``);
the exercises' index page holds the table :func:`index_table` writes and each notebook's heading is
``# Exercise N. <title>`` (tests/pages/test_exercise_notebooks.py holds both), so the three cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .. import examples, labels, show
from ..examples import Example
from . import _derivation as d
from . import _further as f
from ._feedback import ATOL, RTOL, change_tolerance_tex, percent, power_tex, tolerance_tex
from ._functions import FunctionExercise
from ._markdown import tex_name
from ._numeric import NumericExercise

Exercise = NumericExercise | FunctionExercise


@dataclass(frozen=True)
class Page:
    """One exercise page: the notebook ``docs/exercises/<stem>.py``, its title and the checkers it calls."""

    number: int
    stem: str
    title: str  # plain text (no $math$): the nav shows it as it is
    checks: tuple[str, ...]
    #: The earlier exercises some of whose answers this page's task tables give openly, as its data (exercises 4 to 7
    #: start from exercise 1's forward pass). The index page says so (`answers_tip`); the notebook tests check it
    #: against what each page shows outside its worked solution.
    data_from: tuple[int, ...] = ()

    @property
    def heading(self) -> str:
        """The notebook's first line: ``Exercise 1. The forward pass by hand``."""
        return f"Exercise {self.number}. {self.title}"

    @property
    def nav_title(self) -> str:
        """``1. The forward pass by hand``."""
        return f"{self.number}. {self.title}"


PAGES = (
    Page(1, "01-forward-pass", "The forward pass by hand", ("forward-pass",)),
    Page(2, "02-sigmoid-derivative", "The sigmoid derivative at a point", ("sigmoid-derivative",)),
    Page(3, "03-tanh-derivative", "The tanh derivative", ("tanh-derivative",)),
    Page(4, "04-output-weights", "Rule 1: the output weights", ("output-weights",), data_from=(1,)),
    Page(5, "05-output-bias", "Rule 2: the output bias", ("output-bias",), data_from=(1,)),
    Page(6, "06-hidden-weights", "Rule 3: the hidden weights", ("hidden-weights",), data_from=(1,)),
    Page(7, "07-hidden-biases", "Rule 4: the hidden biases", ("hidden-biases",), data_from=(1,)),
    Page(8, "08-one-iteration", "One full iteration, n → n+1", ("one-iteration",)),
    Page(9, "09-tansig-hidden", "The other hidden activation", ("tansig-hidden",)),
    Page(10, "10-two-outputs", "Two outputs: the sum over j", ("two-outputs",)),
    Page(11, "11-gradient-check", "A gradient check", ("gradient-check",)),
    Page(12, "12-spot-the-bug", "Spot the bug", ("spot-the-bug", "spot-the-bug-fix")),
    Page(13, "13-training", "Training and the loss curve", ("training",)),
    Page(14, "14-derive-logsig-output", "Derive: a sigmoid output neuron", ("derive-logsig-output",)),
)

#: name -> the function that builds the checker from an example, in the order of the pages.
_BUILDERS: dict[str, Callable[[Example], Exercise]] = {
    "forward-pass": d.forward_pass,
    "sigmoid-derivative": d.sigmoid_derivative,
    "tanh-derivative": d.tanh_derivative,
    "output-weights": d.output_weights,
    "output-bias": d.output_bias,
    "hidden-weights": d.hidden_weights,
    "hidden-biases": d.hidden_biases,
    "one-iteration": d.one_iteration,
    "tansig-hidden": f.tansig_hidden,
    "two-outputs": f.two_outputs,
    "gradient-check": f.gradient_check,
    "spot-the-bug": f.spot_the_bug,
    "spot-the-bug-fix": f.spot_the_bug_fix,
    "training": f.training,
    "derive-logsig-output": f.derive_logsig_output,
}
assert [n for p in PAGES for n in p.checks] == list(_BUILDERS), "every checker on one page, in page order"


class Catalogue(Mapping[str, Exercise]):
    """The checkers for one example, by name, in the order of the pages.

    Each is computed from ``example`` the first time it is asked for, then kept.
    """

    def __init__(self, example: Example) -> None:
        self.example = example
        self._built: dict[str, Exercise] = {}

    def __getitem__(self, name: str) -> Exercise:
        if name not in _BUILDERS:
            raise KeyError(name)
        if name not in self._built:
            self._built[name] = _BUILDERS[name](self.example)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_BUILDERS)

    def __len__(self) -> int:
        return len(_BUILDERS)

    def __repr__(self) -> str:
        return f"Catalogue({self.example.source!r}: {', '.join(self)})"


_current: Catalogue | None = None


def catalogue(example: Example | None = None) -> Catalogue:
    """The checkers for ``example``; without one, for the practice example in use (``backprop.examples.PRACTICE``)."""
    global _current
    if example is not None:
        return Catalogue(example)
    if _current is None or _current.example is not examples.PRACTICE:
        _current = Catalogue(examples.PRACTICE)
    return _current


def names() -> Iterable[str]:
    """The names of all checkers, in order."""
    return tuple(_BUILDERS)


def get(name: str) -> Exercise:
    """The checker called ``name``, for the practice example in use; an unknown name raises ValueError naming all."""
    if not isinstance(name, str) or name not in _BUILDERS:
        raise ValueError(f"unknown exercise {name!r}; the exercises are {', '.join(_BUILDERS)}")
    return catalogue()[name]


def box_weights(name: str, example: Example | None = None) -> list[tuple[str, tuple[int, int]]]:
    """The hidden weights whose updates the answer boxes of exercise ``name`` (6, 9 or 10) ask for, chosen from the
    numbers of ``example`` (the practice example in use by default): each one's label, ``"w_11"``, and its index in
    ``w_hidden``, ``(0, 0)``."""
    exercise = catalogue(example)[name]
    if not isinstance(exercise, NumericExercise) or exercise.right.ndim != 2:
        raise ValueError(f"exercise {name!r} does not ask for the updates Δw_ik")
    n_hidden = exercise.right.shape[0]
    return [(labels.parameter("w_hidden", box.index, n_hidden), box.index) for box in exercise.boxes]


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
    k = f.gradient_check_decimals()
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
    show.require(all(atol >= 5e-7 for _, _, _, atol in boxes), "six decimals always pass")
    show.require(all(rtol >= 5e-6 for e, b, rtol, _ in boxes if not e.new_parameter(b.index)),
                 "six significant digits pass every box but those for a new weight or bias")
    if any(e.new_parameter_boxes for _, e in checks):
        lines.append("So six decimals always pass, and so do six significant digits except in the boxes for a new "
                     "weight or bias (below).")
    else:
        lines.append("So six decimals, or six significant digits, always pass.")
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
                     f"{'it' if one_other else 'they'} can be a few units off in the sixth decimal, and it is the "
                     f"{_kind(e, True)}' boxes that catch a missing update.")
        return text
    return (f"{boxes} {_compared(e.rtol, e.atol)} than the other exercises': a number $x$ is right when "
            f"${tolerance_tex(e.rtol, e.atol)}$ for the answer $a$, {percent(e.rtol)} of the answer rather than "
            f"{percent(RTOL)}.")
