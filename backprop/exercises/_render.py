"""The exercises' HTML: the site's answer boxes and the training exercise's loss curve.

An answer box is a ``<form class="bp-answer">`` that ``docs/javascripts/exercises.js`` brings to life (its header
documents the contract). Everything the box says comes from here: the right value, the tolerance, the hints, and
the words for a right answer, an unlisted number and text that is no number; the script only compares.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

import numpy as np

from .. import show
from .._carried import HALF_UNIT
from ._catalogue import get
from ._feedback import EMPTY, INVALID
from ._markdown import pretty
from ._numeric import NumericExercise


@dataclass(frozen=True)
class _HTML:
    markup: str
    text: str

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _form(exercise: NumericExercise, n: int) -> str:
    box = exercise.boxes[n]
    hints = [{"value": float(value), "hint": hint} for value, hint in exercise.hints(box)]
    rounded = [{"value": value, "decimals": k, "message": words} for value, k, words in exercise.roundings(box)]
    rtol, atol = exercise.tolerance(box.index)  # the box's own: a new weight's or bias's is measured against its update
    uid = f"bp-{exercise.name}-{n}"
    return (
        f'<form class="bp-answer" hidden data-exercise="{exercise.name}" '
        f'data-answer="{float(exercise.right[box.index])!r}" data-rtol="{float(rtol)!r}" '
        f'data-atol="{float(atol)!r}" '
        f'data-hints="{_attr(json.dumps(hints))}" '
        f'data-rounded="{_attr(json.dumps(rounded))}" '
        f'data-right="{_attr(exercise.right_message(box))}" '
        f'data-fewer="{_attr(json.dumps(exercise.fewer_notes(box)))}" data-half="{HALF_UNIT!r}" '
        f'data-otherwise="{_attr(exercise.otherwise)}" data-invalid="{_attr(INVALID)}" '
        f'data-empty="{_attr(EMPTY)}">'
        f'<label for="{uid}">{html.escape(pretty(box.label))} =</label> '
        f'<input id="{uid}" class="bp-answer__input" type="text" aria-describedby="{uid}-result" '
        f'autocomplete="off" spellcheck="false" placeholder="a number"> '
        f'<button type="submit" class="bp-answer__submit md-button">Check</button>'
        # the verdict is announced as it comes (aria-live) and read again with the field it is of (aria-describedby)
        f'<p id="{uid}-result" class="bp-answer__result" aria-live="polite"></p></form>'
    )


def form_html(exercise: NumericExercise) -> str:
    """One ``<form class="bp-answer">`` per answer box of ``exercise``, for exercises.js."""
    return "\n".join(_form(exercise, n) for n in range(len(exercise.boxes)))


def _note(text: str, summary: str) -> str:
    """A note about slips that pass, collapsed as the worked solution is: its numbers give the right answer away (an
    instructor's review), so the page shows only ``summary`` until the reader opens it."""
    return (f'<details class="bp-answer-note">\n<summary>{html.escape(summary)}</summary>\n'
            f'<p>{html.escape(text)}</p>\n</details>')


def _passes(count: int, where: str) -> str:
    """``A classic slip passes this box here``: the summary of a note, which names no slip and no number."""
    return f"{'A classic slip passes' if count == 1 else 'Classic slips pass'} {where} here"


#: What a notebook outside the site shows where the site's answer boxes are.
ELSEWHERE = "(On the course site an answer box appears here.)"


def answer_box(name: str) -> _HTML:
    """The site's answer box(es) for exercise ``name``: HTML forms hidden until exercises.js shows them.

    When the boxes ask for some entries of the answer only, a line above them names those entries. When a classic
    mistake gives the right number in a box for these numbers, a note right under that box says so
    (:meth:`NumericExercise.box_note`); when it gives the whole right answer, a note under all the boxes. A note is
    collapsed under a summary that says a slip passes, as the worked solution is: its numbers give the answer away.
    """
    exercise = get(name)
    if not isinstance(exercise, NumericExercise):
        raise ValueError(f"exercise {name!r} takes a function: it has no answer box")
    # Jupyter shows the HTML with the forms hidden (no exercises.js): this line says where the boxes are, as the
    # plain text does; the site hides it (exercises.css), where the boxes are
    markup, notes = [f'<p class="bp-answer-elsewhere">{html.escape(ELSEWHERE)}</p>'], []
    if asked := exercise.boxes_asked():
        markup.append(f'<p class="bp-answer-intro">{html.escape(asked)}</p>')
        notes.append(asked)
    for n in range(len(exercise.boxes)):
        markup.append(_form(exercise, n))
        if note := exercise.box_note(n):
            markup.append(_note(note, _passes(len(exercise.box_slips(n)), "this box")))
            notes.append(note)
    if note := exercise.note():
        boxes = "the answer box" if len(exercise.boxes) == 1 else "every answer box"
        markup.append(_note(note, _passes(len(exercise.undetectable), boxes)))
        notes.append(note)
    return _HTML("\n".join(markup), "\n".join([ELSEWHERE, *notes]))


def loss_curve(costs: object, threshold: float | None = None) -> _HTML:
    """The mean cost per epoch on a log scale, drawn as the pages draw figures (matplotlib, :func:`backprop.show.svg`).

    ``costs`` has shape (n_epochs,), at least two finite positive numbers; ``threshold`` draws a dashed line. Where
    matplotlib is not installed (the package needs numpy only), the curve is a sentence that says so, with the first
    and last costs, so that the notebook runs on to its table and its check.
    """
    c = np.array(costs, dtype=float)
    if c.ndim != 1 or c.size < 2 or not np.all(np.isfinite(c)) or np.any(c <= 0):
        raise ValueError("costs must be a 1-D array of at least two finite positive numbers")
    alt = (f"Mean cost per epoch on a log scale: {show.num(c[0])} at epoch 1, {show.num(c[-1])} at epoch {len(c)}"
           + (f"; the dashed line is the threshold {threshold:g}." if threshold is not None else "."))
    try:
        from matplotlib import rc_context
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
    except ImportError:
        said = f"The loss curve needs matplotlib (pip install matplotlib). {alt}"
        return _HTML(f"<p>{html.escape(said)}</p>", said)
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "loss-curve", "font.size": 11}):
        fig = Figure(figsize=(6, 2.8))
        ax = fig.subplots()
        ax.semilogy(np.arange(1, c.size + 1), c, color="black", lw=2)
        if threshold is not None:
            ax.axhline(threshold, color="black", lw=1, ls="--", alpha=0.6)
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))  # 0.002, 0.005, 0.01, ...
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))  # plain numbers, not TeX's 10^-2
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("epoch")
        ax.set_ylabel("mean cost")
        ax.spines[["top", "right"]].set_visible(False)
        return _HTML(show.svg(fig, "loss-curve", alt), alt)
