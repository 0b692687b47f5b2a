r"""Exercises with instant feedback: ``check(name, answer)`` says right, or not yet and why.

Every exercise of the site's ``docs/exercises/`` notebooks is registered here under a short name.
Its right answer is computed by the package from the practice example (``backprop.examples.PRACTICE``,
a network and sample of the exercises' own, so that no derivation page prints the answer), and so is
each classic wrong answer, with a hint aimed at the mistake that produces it::

    >>> from backprop.exercises import check
    >>> check("forward-pass", None)
    No answer yet: ...
    >>> check("output-bias", 0.123)
    Not yet. ...

The package, by job:

* the checking engine: ``_feedback`` (verdicts, messages, the tolerance and its TeX), ``_numeric``
  (:class:`NumericExercise`: a number or an array, right when every entry is within ``atol + rtol * |right|``, or
  for a new weight or bias θ(n+1) within ``atol + rtol * |Δθ|``, measured against its update; one answer box's rule,
  and the notes a page prints when a classic slip gives the right number) and
  ``_functions`` (:class:`FunctionExercise`: a Python function, compared with a reference at random points);
* the catalogue: ``_catalogue`` (``PAGES``, one entry per exercise page with its one title; :class:`Catalogue`,
  ``catalogue(example)``, ``get``, ``box_weights``), the checkers of exercises 1 and 4-7 in ``_derivation``, of 2-3
  (the two derivatives, and the field each asks at) in ``_derivatives``, of 8 (one iteration) in ``_iteration``, of
  9 and 10 in ``_further``, of 11 in ``_gradient`` and of 12-14 (about code) in ``_code``, the forward pass of the
  example's sample they start from in ``_sample``, and in ``_weights`` the hidden weights exercises 6 and 8-11 ask
  for, chosen from the numbers, and how many slips a box takes. Each checker is built the first time it is asked
  for (``get``, ``check``, ``answer_box``), never at import;
* the index page: ``_index`` (its table and tips, written from the catalogue, and ``tolerance_note``, what a page
  says when its boxes use another rule);
* the rendering: ``_render`` (the site's answer boxes, the notes around them, the loss curve) and ``_markdown``
  (task tables, paragraphs and worked solutions with the numbers filled in);
* the decimals: ``_rounded`` (what every task asks for, ``decimals_wanted``, and what a right answer rounded to
  fewer decimals gets, before any slip's hint);
* the environment switch: ``_strict`` (``BACKPROP_EXERCISES_STRICT=1`` makes ``check`` raise unless right;
  the notebook tests use it).
"""

from __future__ import annotations

from collections.abc import Callable

from .. import examples
from ..network import Network
from ..train import step
from ._catalogue import PAGES, Catalogue, Exercise, Page, box_weights, catalogue, get, names
from ._code import (
    TRAIN_EPOCHS,
    TRAIN_ETA,
    TRAIN_HIDDEN,
    TRAIN_SAMPLES,
    TRAIN_SEED,
    TRAIN_THRESHOLD,
    spot_the_bug_parameter,
    trained_cost,
    training_costs,
)
from ._derivatives import derivative_neuron, derivative_why
from ._feedback import ATOL, EMPTY, INVALID, NO_ANSWER, OTHERWISE, RTOL, Feedback, percent, tolerance_tex
from ._functions import FunctionExercise, FunctionMistake
from ._further import other_hidden, other_hidden_network, two_output_network
from ._gradient import (
    GRADCHECK_AGREEMENT,
    GRADCHECK_H,
    GRADCHECK_RTOL,
    gradient_check_decimals,
    gradient_check_gap,
    gradient_check_weight,
    gradient_check_why,
)
from ._index import answers_tip, index_table, python_tip, tolerance_note, tolerance_tip
from ._iteration import iteration_outcome, one_iteration_weight, one_iteration_why
from ._markdown import (
    fill,
    given,
    hidden_outputs,
    markdown,
    network_table,
    other_updates,
    pretty,
    saturation_note,
    tex_name,
    worked_solution,
    zero_updates,
)
from ._numeric import Box, Mistake, NumericExercise, merged_hint, parse_typed
from ._render import answer_box, form_html, loss_curve
from ._rounded import wanted as decimals_wanted
from ._strict import STRICT_ENV, check

__all__ = [
    "ATOL", "EMPTY", "GRADCHECK_AGREEMENT", "GRADCHECK_H", "GRADCHECK_RTOL", "INVALID", "NO_ANSWER", "OTHERWISE",
    "PAGES", "RTOL",
    "STRICT_ENV", "TRAIN_EPOCHS", "TRAIN_ETA", "TRAIN_HIDDEN", "TRAIN_SAMPLES", "TRAIN_SEED", "TRAIN_THRESHOLD",
    "Box", "Catalogue", "Exercise", "Feedback", "FunctionExercise", "FunctionMistake", "Mistake", "NumericExercise",
    "Page", "answer_box", "answers_tip", "box_weights", "catalogue", "check", "decimals_wanted", "derivative_neuron",
    "derivative_why", "fill", "form_html", "get", "given",
    "gradient_check_decimals", "gradient_check_gap", "gradient_check_weight", "gradient_check_why", "hidden_outputs",
    "index_table",
    "iteration_outcome",
    "loss_curve", "markdown", "merged_hint", "names", "network_table", "one_iteration_weight", "one_iteration_why",
    "other_hidden",
    "other_hidden_network", "other_updates", "parse_typed", "percent", "pretty", "python_tip", "saturation_note",
    "spot_the_bug_parameter", "tex_name",
    "tolerance_note", "tolerance_tex", "tolerance_tip", "trained_cost", "training_costs", "two_output_network",
    "worked_solution", "zero_updates",
]

# Names computed from the current example, read when first used (``from backprop.exercises import NEXT``).
_LAZY: dict[str, Callable[[], object]] = {
    "EXERCISES": catalogue,
    "TWO_OUTPUT_NET": lambda: two_output_network()[0],
    "TWO_OUTPUT_D": lambda: two_output_network()[1],
    "TANH_NET": lambda: Network(examples.NET.w_hidden, examples.NET.b_hidden, examples.NET.w_output,
                                examples.NET.b_output, hidden="tansig"),
    "NEXT": lambda: step(examples.NET, examples.X, examples.D, examples.ETA),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return _LAZY[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
