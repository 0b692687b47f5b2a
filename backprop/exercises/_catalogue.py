"""The catalogue: every exercise page once, with its one title, and every checker by name, built on first use.

``PAGES`` is the one list of the exercise pages: the notebook each is (``docs/exercises/<stem>.py``), its title
and the checkers its ``check(...)`` calls use. The nav takes its titles from here (``hooks/exercise_titles.py``);
the exercises' index page holds the table `_index.index_table` writes and each notebook's heading is
``# Exercise N. <title>`` (tests/pages/test_exercise_notebooks.py holds both), so the three cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .. import examples, labels
from ..examples import Example
from . import _code as c
from . import _derivation as d
from . import _derivatives as dv
from . import _further as f
from . import _gradient as g
from . import _iteration as it
from ._functions import FunctionExercise
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
    #: start from exercise 1's forward pass). The index page says so (`_index.answers_tip`); the notebook tests check it
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
    "sigmoid-derivative": dv.sigmoid_derivative,
    "tanh-derivative": dv.tanh_derivative,
    "output-weights": d.output_weights,
    "output-bias": d.output_bias,
    "hidden-weights": d.hidden_weights,
    "hidden-biases": d.hidden_biases,
    "one-iteration": it.one_iteration,
    "tansig-hidden": f.tansig_hidden,
    "two-outputs": f.two_outputs,
    "gradient-check": g.gradient_check,
    "spot-the-bug": c.spot_the_bug,
    "spot-the-bug-fix": c.spot_the_bug_fix,
    "training": c.training,
    "derive-logsig-output": c.derive_logsig_output,
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
