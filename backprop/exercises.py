r"""Exercises with instant feedback: ``check(name, answer)`` says right, or not yet and why.

Every exercise of the site's ``docs/exercises/`` notebooks is registered here under a short name.
Its right answer is computed by the package from the worked example (:mod:`backprop.examples`),
and so is each classic wrong answer, with a hint aimed at the mistake that produces it::

    >>> from backprop.exercises import check
    >>> check("forward-pass", None)
    No answer yet: ...
    >>> check("output-bias", 0.123)
    Not yet. ...

The exercises of an example form a :class:`Catalogue`: ``catalogue(example)`` for any
:class:`backprop.examples.Example`, ``catalogue()`` for the current one. Each exercise is built the
first time it is asked for (``get``, ``check``, ``answer_box``), never when this module is imported.

Two kinds of exercise:

* :class:`NumericExercise`: the answer is a number or an array of numbers, right when every
  entry is within ``atol + rtol * |right|`` of the right value.
* :class:`FunctionExercise`: the answer is a Python function (a formula, or a fixed ``step``);
  it is called at random points and compared with the reference function there.

A classic mistake can give, for one example, the right answer itself (with ``x_1 = 1`` a bias
multiplied by its "input" ``x_1`` is unchanged): it cannot be told apart, so it is left out of the
checks and :func:`answer_box` says so on the page. Two mistakes that give the same number share one
hint that names both slips.

In a notebook, ``answer_box(name)`` emits the HTML form the site's ``exercises.js`` turns into an
answer box (the values and hints are fixed when the site is built), ``worked_solution(text, **values)``
shows a collapsed worked solution with the numbers substituted, and ``markdown(text, **values)`` a
paragraph whose words were chosen from the numbers.

Set the environment variable ``BACKPROP_EXERCISES_STRICT=1`` to make ``check`` raise
``AssertionError`` unless the answer is right: the notebook tests use it.
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import activations, examples, homework, show
from .examples import Example
from .gradcheck import numerical_gradient
from .network import ForwardPass, Network, forward
from .rules import cost, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output, error
from .train import step, train

RTOL = 1e-3  # a relative error of 0.1 %: six significant digits typed, or a rounding slip, pass
ATOL = 1e-6  # half a unit in the sixth decimal, so a right value printed with six decimals passes
STRICT_ENV = "BACKPROP_EXERCISES_STRICT"


# --------------------------------------------------------------------------------------------
# Feedback


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


NO_ANSWER = "No answer yet: replace None with your answer and run the cell again."
#: The hint for a wrong number that is no listed mistake (the site's answer boxes say the same).
OTHERWISE = "Compare your steps with the formula; the worked solution below has them."


# --------------------------------------------------------------------------------------------
# Numeric exercises


@dataclass(frozen=True)
class Mistake:
    """A classic wrong answer, the hint it earns, and the slip in a few words (for the page's notes)."""

    value: float | np.ndarray
    hint: str
    slip: str = ""
    #: The answer boxes (by position) whose entry this slip is about; None: every box.
    in_boxes: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Box:
    """One answer box on the site: one entry of the right answer, with its label."""

    label: str  # plain text or inline TeX without $, e.g. "Δw_41"
    index: tuple[int, ...] = ()


_COUNT = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def merged_hint(hints: Sequence[str]) -> str:
    """One hint for a number that several slips give: each hint once, in the order listed."""
    unique = list(dict.fromkeys(hints))
    if len(unique) == 1:
        return unique[0]
    count = _COUNT.get(len(unique), str(len(unique)))
    return f"{count.capitalize()} slips give this number here: " + " ".join(
        f"({n}) {hint}" for n, hint in enumerate(unique, start=1))


def _groups(values: Sequence[np.ndarray], close: Callable[[np.ndarray, np.ndarray], bool]) -> list[list[int]]:
    """Indices of ``values`` grouped so that values close to each other (either way round) share a group."""
    parent = list(range(len(values)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(values)):
        for j in range(i):
            if close(values[i], values[j]) or close(values[j], values[i]):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(values)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


@dataclass(frozen=True)
class NumericExercise:
    """An exercise whose answer is a number, or an array of numbers of a fixed shape.

    A mistake whose value is within the tolerance of the right answer cannot be diagnosed: it is kept in
    ``mistakes`` but listed in ``undetectable`` and never matched. Mistakes whose values are within the
    tolerance of each other share one hint (:func:`merged_hint`), in ``check`` and in each answer box.
    """

    name: str
    title: str
    right: np.ndarray
    mistakes: tuple[Mistake, ...] = ()
    boxes: tuple[Box, ...] = (Box("answer"),)
    rtol: float = RTOL
    atol: float = ATOL

    def __post_init__(self) -> None:
        right = np.array(self.right, dtype=float)
        right.setflags(write=False)
        object.__setattr__(self, "right", right)
        mistakes = []
        for m in self.mistakes:
            value = np.array(m.value, dtype=float)
            if value.shape != right.shape:
                raise ValueError(f"{self.name}: a mistake has shape {value.shape}, the answer {right.shape}")
            value.setflags(write=False)
            mistakes.append(Mistake(value, m.hint, m.slip or m.hint, m.in_boxes))
        object.__setattr__(self, "mistakes", tuple(mistakes))

    def close(self, value: np.ndarray, to: np.ndarray | None = None) -> bool:
        """Whether ``value`` is within the tolerance of ``to`` (the right answer by default)."""
        target = self.right if to is None else to
        return bool(np.all(np.abs(value - target) <= self.atol + self.rtol * np.abs(target)))

    @property
    def undetectable(self) -> tuple[Mistake, ...]:
        """The mistakes that give the right answer for this example: ``check`` calls them right."""
        return tuple(m for m in self.mistakes if self.close(m.value))

    @property
    def undetectable_in_boxes(self) -> tuple[Mistake, ...]:
        """The mistakes that give the right number in every answer box (the boxes ask for some entries only)."""
        return tuple(m for m in self.mistakes
                     if all(self.close(m.value[box.index], self.right[box.index])
                            for n, box in enumerate(self.boxes) if m.in_boxes is None or n in m.in_boxes))

    def hints(self, box: Box | None = None) -> list[tuple[np.ndarray, str]]:
        """(wrong value, hint) pairs, first match wins: for the whole answer, or for one box's entry.

        Mistakes that give the right value are left out (and, in a box, those not about its entry);
        mistakes that give the same value share a hint.
        """
        if box is None:
            right, values = self.right, [m.value for m in self.mistakes]
            about = list(range(len(self.mistakes)))
        else:
            n = self.boxes.index(box)
            right, values = self.right[box.index], [m.value[box.index] for m in self.mistakes]
            about = [i for i, m in enumerate(self.mistakes) if m.in_boxes is None or n in m.in_boxes]
        kept = [i for i in about if not self.close(values[i], right)]
        pairs: list[tuple[np.ndarray, str]] = []
        for group in _groups([values[i] for i in kept], self.close):
            hint = merged_hint([self.mistakes[kept[i]].hint for i in group])
            for i in group:
                if not any(np.array_equal(values[kept[i]], v) for v, _ in pairs):
                    pairs.append((values[kept[i]], hint))
        return pairs

    def check(self, answer: object) -> Feedback:
        if answer is None:
            return Feedback(None, NO_ANSWER)
        if callable(answer):
            return Feedback(False, "Not yet: this exercise wants a number, not a function.")
        try:
            value = np.array(answer, dtype=float)
        except (TypeError, ValueError):
            return Feedback(False, f"Not yet: the answer must be numeric, got {type(answer).__name__}.")
        if value.shape != self.right.shape:
            want = "a single number" if self.right.ndim == 0 else f"shape {self.right.shape}"
            return Feedback(False, f"Not yet: the answer should be {want}, got shape {value.shape}.")
        if not np.all(np.isfinite(value)):
            return Feedback(False, "Not yet: the answer contains nan or inf.")
        if self.close(value):
            return Feedback(True, f"Right: {_show(self.right)}.")
        for wrong, hint in self.hints():
            if self.close(value, wrong):
                return Feedback(False, f"Not yet. {hint}")
        if self.right.ndim:
            off = [i for i in np.ndindex(self.right.shape) if not self.close(value[i], self.right[i])]
            where = ", ".join(str(i[0] if len(i) == 1 else i) for i in off)
            return Feedback(False, f"Not yet: the entries at {where} are off (numpy indices, from 0).")
        return Feedback(False, f"Not yet. {OTHERWISE}")

    def note(self) -> str:
        """What the page must say about this example: the slips no check can tell from the right answer."""
        both = self.undetectable
        boxes_only = [m for m in self.undetectable_in_boxes if all(m is not b for b in both)]
        parts = []
        if both:
            slips = show.and_list([m.slip for m in both])
            parts.append(f"For this worked example, {slips} {'gives' if len(both) == 1 else 'give'} the right "
                         "answer itself, so neither the answer boxes nor check() can tell "
                         f"{'that slip' if len(both) == 1 else 'those slips'} from the right answer.")
        if boxes_only:
            slips = show.and_list([m.slip for m in boxes_only])
            parts.append(f"For this worked example, {slips} {'gives' if len(boxes_only) == 1 else 'give'} the "
                         "right number in every answer box; only check() in the notebook, which sees every "
                         "entry of the answer, can tell.")
        return " ".join(parts)

    def form_html(self) -> str:
        """One ``<form class="bp-answer">`` per box, for exercises.js (see its header for the contract)."""
        forms = []
        for n, box in enumerate(self.boxes):
            right = float(self.right[box.index])
            hints = [{"value": float(value), "hint": hint} for value, hint in self.hints(box)]
            uid = f"bp-{self.name}-{n}"
            forms.append(
                f'<form class="bp-answer" hidden data-exercise="{self.name}" '
                f'data-answer="{right!r}" data-rtol="{self.rtol!r}" data-atol="{self.atol!r}" '
                f'data-hints="{html.escape(json.dumps(hints), quote=True)}" '
                f'data-otherwise="{html.escape(OTHERWISE, quote=True)}">'
                f'<label for="{uid}">{html.escape(pretty(box.label))} =</label> '
                f'<input id="{uid}" class="bp-answer__input" type="text" '
                f'autocomplete="off" spellcheck="false" placeholder="a number"> '
                f'<button type="submit" class="bp-answer__submit md-button">Check</button>'
                f'<p class="bp-answer__result" aria-live="polite"></p></form>'
            )
        return "\n".join(forms)


# --------------------------------------------------------------------------------------------
# Function exercises


@dataclass(frozen=True)
class FunctionMistake:
    """A classic wrong function (formula or implementation) and the hint it earns."""

    function: Callable[..., object]
    hint: str


@dataclass(frozen=True)
class FunctionExercise:
    """An exercise whose answer is a function, compared with ``reference`` at random points.

    ``points(rng)`` returns the keyword arguments of one random call.
    """

    name: str
    title: str
    reference: Callable[..., object]
    points: Callable[[np.random.Generator], dict[str, object]]
    mistakes: tuple[FunctionMistake, ...] = ()
    n_points: int = 20
    rtol: float = 1e-6
    atol: float = 1e-9
    seed: int = 2016
    boxes: tuple[Box, ...] = field(default=())

    def _values(self, fn: Callable[..., object]) -> list[np.ndarray]:
        rng = np.random.default_rng(self.seed)
        return [_as_float_array(fn(**self.points(rng))) for _ in range(self.n_points)]

    def _agrees(self, got: list[np.ndarray], want: list[np.ndarray]) -> bool:
        return all(g.shape == w.shape and np.all(np.abs(g - w) <= self.atol + self.rtol * np.abs(w))
                   for g, w in zip(got, want, strict=True))

    def check(self, answer: object) -> Feedback:
        if answer is None:
            return Feedback(None, NO_ANSWER)
        if not callable(answer):
            return Feedback(False, f"Not yet: this exercise wants a function, got {type(answer).__name__}.")
        try:
            got = self._values(answer)
        except Exception as exc:  # the student's code: report, don't crash the notebook
            return Feedback(False, f"Not yet: calling your function raised {type(exc).__name__}: {exc}")
        if self._agrees(got, self._values(self.reference)):
            return Feedback(True, f"Right: your function agrees with the reference at {self.n_points} random points.")
        for m in self.mistakes:
            if self._agrees(got, self._values(m.function)):
                return Feedback(False, f"Not yet. {m.hint}")
        return Feedback(False, f"Not yet: your function disagrees with the reference at random points "
                               f"(seed {self.seed}). Check each factor of the chain rule.")


def _as_float_array(value: object) -> np.ndarray:
    if isinstance(value, Network):
        return np.concatenate([value.w_hidden.ravel(), value.b_hidden, value.w_output.ravel(), value.b_output])
    return np.array(value, dtype=float)


Exercise = NumericExercise | FunctionExercise


# --------------------------------------------------------------------------------------------
# The catalogue: every exercise of one worked example, each built on first use


class Catalogue(Mapping[str, "Exercise"]):
    """The exercises of one worked example, by name, in the order of the notebooks.

    Each exercise is computed from ``example`` the first time it is asked for, then kept.
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
    """The exercises of ``example``; without one, of the current worked example (``backprop.examples.EXAMPLE``)."""
    global _current
    if example is not None:
        return Catalogue(example)
    if _current is None or _current.example is not examples.EXAMPLE:
        _current = Catalogue(examples.EXAMPLE)
    return _current


def names() -> Iterable[str]:
    """The names of all exercises, in order."""
    return tuple(_BUILDERS)


def get(name: str) -> Exercise:
    """The exercise called ``name``, for the current example; an unknown name raises ValueError naming them all."""
    if not isinstance(name, str) or name not in _BUILDERS:
        raise ValueError(f"unknown exercise {name!r}; the exercises are {', '.join(_BUILDERS)}")
    return catalogue()[name]


def check(name: str, answer: object) -> Feedback:
    """Check ``answer`` to exercise ``name``: right, not yet (with a hint), or no answer yet.

    ``answer`` is never modified. With ``BACKPROP_EXERCISES_STRICT=1`` in the environment
    anything but a right answer raises AssertionError (the notebook tests use this).
    """
    feedback = get(name).check(answer)
    if os.environ.get(STRICT_ENV) == "1" and not feedback.ok:
        raise AssertionError(f"check({name!r}): {feedback.message}")
    return feedback


@dataclass(frozen=True)
class _HTML:
    markup: str
    text: str

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text


def answer_box(name: str) -> _HTML:
    """The site's answer box(es) for exercise ``name``: HTML forms hidden until exercises.js shows them.

    When a classic mistake gives the right answer for this example, a visible note below the boxes says so.
    """
    exercise = get(name)
    if not isinstance(exercise, NumericExercise):
        raise ValueError(f"exercise {name!r} takes a function: it has no answer box")
    text = "(On the course site an answer box appears here.)"
    markup = exercise.form_html()
    note = exercise.note()
    if note:
        markup += f'\n<p class="bp-answer-note">{html.escape(note)}</p>'
        text += "\n" + note
    return _HTML(markup, text)
def loss_curve(costs: object, threshold: float | None = None, width: int = 600, height: int = 260) -> _HTML:
    """The mean cost per epoch on a log scale, as a small inline SVG (no plotting library needed).

    ``threshold`` draws a dashed horizontal line. Colours follow the page (``currentColor``).
    """
    c = np.array(costs, dtype=float)
    if c.ndim != 1 or c.size < 2 or not np.all(np.isfinite(c)) or np.any(c <= 0):
        raise ValueError("costs must be a 1-D array of at least two finite positive numbers")
    left, right, top, bottom = 60, 15, 15, 40
    lo = math.floor(math.log10(min(c.min(), threshold or c.min())))
    hi = math.ceil(math.log10(max(c.max(), threshold or c.max())))
    hi = max(hi, lo + 1)

    def px(epoch: float) -> float:
        return left + (epoch - 1) / (len(c) - 1) * (width - left - right)

    def py(value: float) -> float:
        return top + (hi - math.log10(value)) / (hi - lo) * (height - top - bottom)

    alt = (f"Mean cost per epoch on a log scale: {c[0]:.6f} at epoch 1, {c[-1]:.6f} at epoch {len(c)}"
           + (f"; the dashed line is the threshold {threshold:g}." if threshold is not None else "."))
    parts = [f'<svg class="bp-loss-curve" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg" font-size="12" fill="currentColor">',
             f"<title>{html.escape(alt)}</title>",
             f'<g stroke="currentColor" stroke-opacity="0.4"><line x1="{left}" y1="{height - bottom}" '
             f'x2="{width - right}" y2="{height - bottom}"/><line x1="{left}" y1="{top}" x2="{left}" '
             f'y2="{height - bottom}"/></g>']
    for k in range(lo, hi + 1):
        parts.append(f'<text x="{left - 6}" y="{py(10.0**k) + 4:.1f}" text-anchor="end">1e{k}</text>')
    step = max(1, round(len(c) / 6 / 10) * 10) if len(c) > 12 else 1
    for epoch in [1, *range(step, len(c) + 1, step)]:
        parts.append(f'<text x="{px(epoch):.1f}" y="{height - bottom + 16}" text-anchor="middle">{epoch}</text>')
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 6}" text-anchor="middle">epoch</text>')
    if threshold is not None:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{py(threshold):.1f}" y2="{py(threshold):.1f}" '
                     f'stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="6 4"/>')
    points = " ".join(f"{px(t):.1f},{py(v):.1f}" for t, v in enumerate(c, start=1))
    parts.append(f'<polyline fill="none" stroke="currentColor" stroke-width="2" points="{points}"/></svg>')
    return _HTML("".join(parts), alt)


@dataclass(frozen=True)
class _Markdown:
    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


def fill(text: str, **values: object) -> str:
    """Put ``values`` into the ``{{name}}`` fields of ``text``: :func:`backprop.show.tex` (site decimals,
    a negative number in parentheses after an operator or under a power)."""
    return show.tex(text, **values)


def markdown(text: str, **values: object) -> _Markdown:
    """A paragraph of Markdown (with $math$) whose ``{{name}}`` fields are filled by :func:`fill`."""
    return _Markdown(fill(text, **values).strip())


def worked_solution(text: str, **values: object) -> _Markdown:
    """A collapsed ``<details>`` block holding ``text`` (Markdown with $math$), fields filled in."""
    body = fill(text, **values).strip()
    return _Markdown(f'<details class="bp-solution">\n<summary>Worked solution</summary>\n\n{body}\n\n</details>')


def given(**values: object) -> _Markdown:
    """The data of a task as a Markdown table: ``given(x_1=examples.X[0], eta=examples.ETA)``; names become TeX.

    A name is written as TeX: ``w_11`` becomes $w_{11}$, ``y_h1`` $y_{h1}$, ``eta`` $\\eta$.
    Numbers are shown as :func:`backprop.show.tex` shows them.
    """
    return _Markdown(show.table(["quantity", "value"],
                                [[f"${tex_name(key)}$", fill("{{v}}", v=value)] for key, value in values.items()]))


def tex_name(name: str) -> str:
    """``w_11`` -> ``w_{11}``, ``y_h1`` -> ``y_{h1}``, ``eta`` -> ``\\eta``, ``d`` -> ``d``."""
    if name == "eta":
        return r"\eta"
    base, _, sub = name.partition("_")
    if len(base) > 1:  # a word, not a symbol: threshold, epochs
        return rf"\text{{{name.replace('_', ' ')}}}"
    return f"{base}_{{{sub}}}" if sub else base


_SUBSCRIPTS = str.maketrans("0123456789hij", "₀₁₂₃₄₅₆₇₈₉ₕᵢⱼ")


def pretty(label: str) -> str:
    """A plain-text label with Unicode subscripts: ``w_41(n+1)`` -> ``w₄₁(n+1)``."""
    return re.sub(r"_([0-9hij]+)", lambda m: m.group(1).translate(_SUBSCRIPTS), label)


def network_table(net: Network) -> _Markdown:
    """The weights and biases of a network in the slides' notation, hidden neurons 1.., outputs after."""
    values: dict[str, float] = {}
    n_h = net.n_hidden
    for i in range(n_h):
        for k in range(net.n_in):
            values[f"w_{i + 1}{k + 1}"] = float(net.w_hidden[i, k])
        values[f"b_{i + 1}"] = float(net.b_hidden[i])
    for j in range(net.n_out):
        for i in range(n_h):
            values[f"w_{n_h + j + 1}{i + 1}"] = float(net.w_output[j, i])
        values[f"b_{n_h + j + 1}"] = float(net.b_output[j])
    return given(**values)


def _show(value: np.ndarray) -> str:
    if value.ndim == 0:
        return show.num(float(value))
    return np.array2string(value, formatter={"float_kind": show.num}, separator=", ")


# --------------------------------------------------------------------------------------------
# The exercises, in the order of the notebooks. Each builder takes the worked example; right answers
# come from the package, and each mistake is the package's arithmetic with one classic slip.

# Plain-text formulas of each hidden activation, for the hints (the pages' TeX is in backprop.show).
_F_TEXT = {"logsig": "1/(1 + e^(−v_i))", "tansig": "tanh v_i"}
_F_PRIME_TEXT = {"logsig": "y_hi(1 − y_hi)", "tansig": "1 − y_hi²"}
_SHORT = {"logsig": "logsig", "tansig": "tanh"}


def other_hidden(hidden: str) -> str:
    """The hidden activation exercise 9 swaps in: tansig for a logsig example, logsig for a tansig one."""
    return "logsig" if hidden == "tansig" else "tansig"


def other_hidden_network(example: Example | None = None) -> Network:
    """The worked example's network with the other hidden activation (:func:`other_hidden`): exercise 9."""
    net = (example or examples.EXAMPLE).net
    return Network(net.w_hidden, net.b_hidden, net.w_output, net.b_output, hidden=other_hidden(net.hidden))


def two_output_network(example: Example | None = None) -> tuple[Network, np.ndarray]:
    """Exercise 10's network and targets: the worked example with a second linear output neuron 5.

    Output 5 has the weights w_5i = (w_43, w_42, w_41), the bias b_5 = −b_4 and the target d_5 = −d.
    """
    ex = example or examples.EXAMPLE
    net, w4 = ex.net, ex.net.w_output[0]
    two = Network(net.w_hidden, net.b_hidden, np.vstack([w4, w4[::-1]]),
                  np.array([net.b_output[0], -net.b_output[0]]), hidden=net.hidden)
    return two, np.array([ex.d, -ex.d])


@dataclass(frozen=True)
class _Pass:
    """One forward pass of a network on the example's sample, and what the rules take from it."""

    net: Network
    x: np.ndarray
    d: float
    eta: float
    fp: ForwardPass
    e: float  # d − y
    f: activations.Activation  # the hidden activation
    f_prime: np.ndarray  # f'(v_i), from y_hi

    @property
    def v_h(self) -> np.ndarray:
        return self.fp.v_hidden

    @property
    def y_h(self) -> np.ndarray:
        return self.fp.y_hidden

    @property
    def y(self) -> float:
        return float(self.fp.y_output[0])

    @property
    def w4(self) -> np.ndarray:
        return self.net.w_output[0]


def _pass(ex: Example, net: Network | None = None) -> _Pass:
    net = ex.net if net is None else net
    fp = forward(net, ex.x)
    f = activations.get(net.hidden)
    return _Pass(net, ex.x, ex.d, ex.eta, fp, float(error(fp, ex.d)[0]), f, f.derivative_from_output(fp.y_hidden))


def _forward_pass(ex: Example) -> NumericExercise:
    p = _pass(ex)
    b4 = float(p.net.b_output[0])
    no_bias = p.f.f(p.net.w_hidden @ p.x)  # the hidden outputs without b_i
    hidden = p.net.hidden
    return NumericExercise(
        "forward-pass", "The forward pass by hand",
        right=[p.y_h[1], p.y],
        boxes=(Box("y_h2", (0,)), Box("y", (1,))),
        mistakes=(
            Mistake([no_bias[1], float(p.w4 @ no_bias) + b4],
                    homework.hint("no-hidden-bias"), "leaving out the hidden biases b_i"),
            Mistake([p.y_h[1], p.y - b4], "You left out the output bias b_4: v_4 = Σ_i w_4i y_hi + b_4.",
                    "leaving out the output bias b_4"),
            Mistake([p.y_h[1], float(p.f.f(p.fp.v_output[0]))], homework.hint("sigmoid-output"),
                    f"a {_SHORT[hidden]} at the output"),
            Mistake([p.v_h[1], float(p.w4 @ p.v_h) + b4],
                    f"You used the fields v_i where the hidden outputs y_hi = f(v_i) = {_F_TEXT[hidden]} belong.",
                    "the fields v_i in place of the hidden outputs y_hi"),
        ),
    )


def _sigmoid_derivative(ex: Example) -> NumericExercise:
    v = float(_pass(ex).v_h[0])  # the exercise asks for the logistic sigmoid's derivative at v_1
    s = float(activations.logsig(v))
    right = s * (1 - s)
    return NumericExercise(
        "sigmoid-derivative", "The sigmoid derivative at a point",
        right=right,
        boxes=(Box("f'(v_1)" if ex.net.hidden == "logsig" else "logsig'(v_1)"),),
        mistakes=(
            Mistake(-right, "The sign: d/dv (1 + e^(−v))^(−1) = −(1 + e^(−v))^(−2) · (−e^(−v)); "
                            "the two minus signs cancel (the slides lose one of them).", "the lost minus sign"),
            Mistake(s, "That is f(v_1) itself; the derivative is f(v_1)(1 − f(v_1)).", "f(v_1) itself"),
            Mistake(1 - s**2, homework.hint("wrong-derivative"), "the tanh form 1 − y²"),
            Mistake(v * (1 - v), homework.hint("derivative-of-v"), "v_1(1 − v_1)"),
            Mistake(math.exp(-v) / (1 + math.exp(-v)), "The denominator is squared: f'(v) = e^(−v) / (1 + e^(−v))².",
                    "an unsquared denominator"),
        ),
    )


def _tanh_derivative(ex: Example) -> NumericExercise:
    v = float(_pass(ex).v_h[1])  # the exercise evaluates tanh' at v_2
    t = math.tanh(v)
    return NumericExercise(
        "tanh-derivative", "The tanh derivative",
        right=1 - t**2,
        boxes=(Box("tanh'(v_2)"),),
        mistakes=(
            Mistake(1 - t, "Square the tanh: tanh'(v) = 1 − tanh²(v) = sech²(v).", "1 − tanh v, unsquared"),
            Mistake(1 / math.cosh(v), "sech is squared: tanh'(v) = sech²(v) = 1/cosh²(v).", "sech v, unsquared"),
            Mistake(t * (1 - t), homework.hint("wrong-derivative"), "the logsig form y(1 − y)"),
            Mistake(1 + t**2, "The sign: (cosh² − sinh²)/cosh² = 1 − tanh².", "1 + tanh² v"),
            Mistake(float(activations.logsig_derivative(v)), "That is the logistic sigmoid's derivative at v_2.",
                    "the logistic sigmoid's derivative"),
        ),
    )


def _output_weights(ex: Example) -> NumericExercise:
    p = _pass(ex)
    dw = delta_w_output(p.fp, p.d, p.eta)[0]
    return NumericExercise(
        "output-weights", "Rule 1: the output weights",
        right=dw,
        boxes=(Box("Δw_41", (0,)), Box("Δw_42", (1,)), Box("Δw_43", (2,))),
        mistakes=(
            Mistake(-dw, homework.hint("sign-flipped"), "the flipped sign"),
            Mistake(dw / p.eta, homework.hint("no-eta"), "forgetting η"),
            Mistake(p.eta * p.e * p.v_h, homework.hint("rule1-uses-v"), "v_i in place of y_hi"),
            Mistake(p.eta * p.e * np.ones(3), "∂v_4/∂w_4i = y_hi: multiply by the hidden output the weight carries.",
                    "leaving out y_hi"),
        ),
    )


def _output_bias(ex: Example) -> NumericExercise:
    p = _pass(ex)
    db = float(delta_b_output(p.fp, p.d, p.eta)[0])
    return NumericExercise(
        "output-bias", "Rule 2: the output bias",
        right=db,
        boxes=(Box("Δb_4"),),
        mistakes=(
            Mistake(-db, homework.hint("sign-flipped"), "the flipped sign"),
            Mistake(db / p.eta, homework.hint("no-eta"), "forgetting η"),
            Mistake(p.eta * cost(p.fp, p.d), homework.hint("cost-for-error"), "the cost E in place of the error e"),
            Mistake(p.eta * p.e * float(np.sum(p.y_h)), homework.hint("output-bias-with-y"),
                    "multiplying by the hidden outputs y_hi"),
        ),
    )


def _w4_next(p: _Pass) -> np.ndarray:
    """w_4i(n+1): the classic mistake is to use these in the hidden rules."""
    return p.w4 + delta_w_output(p.fp, p.d, p.eta)[0]


def _hidden_weights(ex: Example) -> NumericExercise:
    p = _pass(ex)
    dw = delta_w_hidden(p.fp, p.d, p.eta)
    f_prime_of_v = p.f.derivative_from_output(p.v_h)  # the output's formula fed with v_i
    return NumericExercise(
        "hidden-weights", "Rule 3: the hidden weights",
        right=dw,
        boxes=(Box("Δw_11", (0, 0)), Box("Δw_12", (0, 1)), Box("Δw_32", (2, 1))),
        mistakes=(
            Mistake(np.outer(p.eta * p.e * _w4_next(p) * p.f_prime, p.x), homework.hint("updated-output-weights"),
                    "the updated weights w_4i(n+1)"),
            Mistake(np.outer(p.eta * p.e * p.w4, p.x), homework.hint("no-hidden-derivative"), "dropping f'(v_i)"),
            Mistake(-dw, homework.hint("sign-flipped"), "the flipped sign"),
            Mistake(np.outer(p.eta * p.e * p.w4 * f_prime_of_v, p.x), homework.hint("derivative-of-v"),
                    "f'(v_i) computed from v_i"),
            Mistake(np.outer(p.eta * p.e * p.f_prime, p.x),
                    "The error reaches hidden neuron i through w_4i: multiply by it.", "leaving out w_4i"),
            Mistake(dw / p.eta, homework.hint("no-eta"), "forgetting η"),
        ),
    )


def _hidden_biases(ex: Example) -> NumericExercise:
    p = _pass(ex)
    db = delta_b_hidden(p.fp, p.d, p.eta)
    return NumericExercise(
        "hidden-biases", "Rule 4: the hidden biases",
        right=db,
        boxes=(Box("Δb_1", (0,)), Box("Δb_2", (1,)), Box("Δb_3", (2,))),
        mistakes=(
            Mistake(p.eta * p.e * _w4_next(p) * p.f_prime, homework.hint("updated-output-weights"),
                    "the updated weights w_4i(n+1)"),
            Mistake(p.eta * p.e * p.w4, homework.hint("no-hidden-derivative"), "dropping f'(v_i)"),
            Mistake(-db, homework.hint("sign-flipped"), "the flipped sign"),
            Mistake(db * p.x[0], homework.hint("bias-input-x1"), "multiplying by the input x_1 (which gives Δw_i1)"),
            Mistake(db * p.x[1], homework.hint("bias-input-x2"), "multiplying by the input x_2 (which gives Δw_i2)"),
            Mistake(db / p.eta, homework.hint("no-eta"), "forgetting η"),
        ),
    )


def _one_iteration(ex: Example) -> NumericExercise:
    p = _pass(ex)
    net, x = p.net, p.x
    new = step(net, x, p.d, p.eta)
    y_next = float(forward(new, x).y_output[0])
    delta_bad = p.eta * p.e * _w4_next(p) * p.f_prime  # the hidden rules fed with w_4i(n+1)
    bad = Network(net.w_hidden + np.outer(delta_bad, x), net.b_hidden + delta_bad, new.w_output, new.b_output,
                  hidden=net.hidden)
    dw_out, db_out = delta_w_output(p.fp, p.d, p.eta), delta_b_output(p.fp, p.d, p.eta)
    dw_hid, db_hid = delta_w_hidden(p.fp, p.d, p.eta), delta_b_hidden(p.fp, p.d, p.eta)
    flipped = Network(net.w_hidden - dw_hid, net.b_hidden - db_hid, net.w_output - dw_out, net.b_output - db_out,
                      hidden=net.hidden)
    y_flipped = float(forward(flipped, x).y_output[0])
    away = "; your y moved away from d" if abs(p.d - y_flipped) > abs(p.d - p.y) else ""  # said only when true
    return NumericExercise(
        "one-iteration", "One full iteration n → n+1",
        right=[new.w_output[0, 0], new.w_hidden[0, 0], y_next],
        boxes=(Box("w_41(n+1)", (0,)), Box("w_11(n+1)", (1,)), Box("y(n+1)", (2,))),
        mistakes=(
            Mistake([new.w_output[0, 0], bad.w_hidden[0, 0], float(forward(bad, x).y_output[0])],
                    homework.hint("updated-output-weights"), "the updated weights w_4i(n+1) in the hidden rules"),
            Mistake([new.w_output[0, 0], new.w_hidden[0, 0], p.y],
                    "y(n+1) is the output of the updated network on the same input x: run the forward pass again.",
                    "y(n) given as y(n+1)", in_boxes=(2,)),
            # its third entry is y(n) too, but it is about the weights: the y(n+1) box gives the hint above
            Mistake([dw_out[0, 0], dw_hid[0, 0], p.y], homework.hint("delta-as-new-value"),
                    "the updates Δ given as the new weights", in_boxes=(0, 1)),
            Mistake([flipped.w_output[0, 0], flipped.w_hidden[0, 0], y_flipped],
                    f"The sign is flipped: w(n+1) = w(n) + Δw(n) with Δw = −η ∂E/∂w{away}.", "the flipped sign"),
        ),
    )


def _tansig_hidden(ex: Example) -> NumericExercise:
    """Exercise 9: the hidden rule with the other hidden activation (tanh for the slides' logsig, and back)."""
    own, other = ex.net.hidden, other_hidden(ex.net.hidden)
    p, q = _pass(ex), _pass(ex, other_hidden_network(ex))  # the example's network, and the swapped one
    right = delta_w_hidden(q.fp, q.d, q.eta)
    return NumericExercise(
        "tansig-hidden", f"The hidden rule with a {_SHORT[other]} hidden layer",
        right=right,
        boxes=(Box("Δw_11", (0, 0)), Box("Δw_22", (1, 1))),
        mistakes=(
            Mistake(np.outer(q.eta * q.e * q.w4 * p.f.derivative_from_output(q.y_h), q.x),
                    homework.hint("wrong-derivative"), f"the {_SHORT[own]} derivative {_F_PRIME_TEXT[own]}"),
            Mistake(delta_w_hidden(p.fp, p.d, p.eta),
                    f"Those are the {_SHORT[own]} network's updates (exercise 6): with {_SHORT[other]} the forward "
                    f"pass changes too (y_hi = {_F_TEXT[other]}, so y and e change).",
                    f"the {_SHORT[own]} network's updates"),
            Mistake(np.outer(q.eta * q.e * q.w4, q.x), homework.hint("no-hidden-derivative"), "dropping f'(v_i)"),
            Mistake(np.outer(q.eta * p.e * q.w4 * q.f_prime, q.x),
                    f"The error e = d − y must come from the {_SHORT[other]} network's own forward pass.",
                    f"the error of the {_SHORT[own]} network"),
            Mistake(-right, homework.hint("sign-flipped"), "the flipped sign"),
        ),
    )


def _two_outputs(ex: Example) -> NumericExercise:
    net, d = two_output_network(ex)
    fp = forward(net, ex.x)
    e = error(fp, d)
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    right = delta_w_hidden(fp, d, ex.eta)

    def rule(back: np.ndarray) -> np.ndarray:
        return np.outer(ex.eta * back * f_prime, ex.x)

    return NumericExercise(
        "two-outputs", "Two outputs: the sum over j",
        right=right,
        boxes=(Box("Δw_11", (0, 0)), Box("Δw_31", (2, 0))),
        mistakes=(
            Mistake(rule(e[0] * net.w_output[0]), "Only output 4 is in your sum: hidden neuron i feeds every "
                    "output j, so sum e_j w_ji over j = 4, 5.", "leaving out output 5"),
            Mistake(rule(e[1] * net.w_output[1]), "Only output 5 is in your sum: add the term of output 4.",
                    "leaving out output 4"),
            Mistake(right / 2, "Sum over j, don't average: E = ½ Σ_j e_j², so each output adds its own term.",
                    "averaging over the outputs"),
            Mistake(rule(np.sum(e) * np.sum(net.w_output, axis=0)),
                    "Σ_j e_j w_ji is a sum of products, not (Σ_j e_j)(Σ_j w_ji).", "(Σ_j e_j)(Σ_j w_ji)"),
        ),
    )


GRADCHECK_H = 1e-5


def _gradient_check(ex: Example) -> NumericExercise:
    numeric = float(numerical_gradient(ex.net, ex.x, ex.d, GRADCHECK_H)["w_hidden"][0, 0])
    p = _pass(ex)
    return NumericExercise(
        "gradient-check", "A gradient check",
        right=numeric,
        boxes=(Box("∂E/∂w_11"),),
        rtol=1e-4,
        mistakes=(
            Mistake(delta_w_hidden(p.fp, p.d, p.eta)[0, 0],
                    "That is the update Δw_11 = −η ∂E/∂w_11; the gradient is −Δw_11/η.", "the update Δw_11"),
            Mistake(-numeric, "The sign: ∂E/∂w_11 = (E(w_11 + h) − E(w_11 − h)) / 2h, plus minus minus.",
                    "the flipped sign"),
            Mistake(2 * numeric, "A central difference divides by 2h, the distance between w_11 + h and w_11 − h.",
                    "dividing by h"),
            Mistake(ex.eta * numeric, "The gradient has no η; η belongs to the update.", "a factor η"),
        ),
    )


def _buggy_step_updated_weights(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    """The spot-the-bug implementation: the output weights are updated before the hidden rules use them."""
    fp = forward(net, x)
    e = float(error(fp, d)[0])
    w_ji = net.w_output + eta * e * fp.y_hidden  # rule 1 applied at once ...
    b_j = net.b_output + eta * e
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    delta_i = e * w_ji[0] * f_prime  # ... so this uses w_4i(n+1)
    return Network(net.w_hidden + eta * np.outer(delta_i, x), net.b_hidden + eta * delta_i, w_ji, b_j,
                   hidden=net.hidden)


def _step_without_f_prime(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    fp = forward(net, x)
    e = float(error(fp, d)[0])
    delta_i = e * net.w_output[0]  # f'(v_i) dropped
    return Network(net.w_hidden + eta * np.outer(delta_i, x), net.b_hidden + eta * delta_i,
                   net.w_output + eta * e * fp.y_hidden, net.b_output + eta * e, hidden=net.hidden)


def spot_the_bug_parameter(example: Example | None = None) -> tuple[str, str, tuple[int, ...]]:
    """The hidden parameter the spot-the-bug exercise asks for: the first of w_11, w_12, ..., b_1, ... whose
    new value the bug changes by more than the answer boxes' tolerance (with x_1 = 0 the bug leaves w_11 alone);
    w_11 if it changes none.

    Returns its label (``"w_12"``), the `Network` field (``"w_hidden"``) and the index in that array.
    """
    ex = examples.EXAMPLE if example is None else example
    right = step(ex.net, ex.x, ex.d, ex.eta)
    buggy = _buggy_step_updated_weights(ex.net, ex.x, ex.d, ex.eta)
    n_hidden, n_in = ex.net.n_hidden, ex.net.n_in
    candidates = [(f"w_{i + 1}{k + 1}", "w_hidden", (i, k)) for i in range(n_hidden) for k in range(n_in)]
    candidates += [(f"b_{i + 1}", "b_hidden", (i,)) for i in range(ex.net.n_hidden)]
    for label, attr, index in candidates:
        good, bad = getattr(right, attr)[index], getattr(buggy, attr)[index]
        if abs(bad - good) > ATOL + RTOL * abs(good):
            return label, attr, index
    return candidates[0]  # the bug changes nothing here (e = 0): the page's note says it cannot tell them apart


def _spot_the_bug(ex: Example) -> NumericExercise:
    p = _pass(ex)
    buggy = _buggy_step_updated_weights(ex.net, ex.x, ex.d, ex.eta)
    label, attr, index = spot_the_bug_parameter(ex)
    delta = {"w_hidden": delta_w_hidden, "b_hidden": delta_b_hidden}[attr](p.fp, p.d, p.eta)
    return NumericExercise(
        "spot-the-bug", "Spot the bug: the value it breaks",
        right=getattr(step(ex.net, ex.x, ex.d, ex.eta), attr)[index],
        boxes=(Box(f"{label}(n+1)"),),
        mistakes=(
            Mistake(getattr(buggy, attr)[index], "That is what the buggy code prints; it uses w_4i(n+1) in the "
                                                  "hidden rule. What does the rule with w_4i(n) give?",
                    "the buggy code's value"),
            Mistake(delta[index], homework.hint("delta-as-new-value"), f"the update Δ{label} given as the new value"),
        ),
    )


def _random_case(rng: np.random.Generator) -> dict[str, object]:
    net = Network.random(2, 3, 1, seed=int(rng.integers(2**31)))
    return {"net": net, "x": rng.uniform(-1, 1, 2), "d": float(rng.uniform(-1, 1)), "eta": 0.5}


def _spot_the_bug_fix(ex: Example) -> FunctionExercise:
    return FunctionExercise(
        "spot-the-bug-fix", "Spot the bug: fix the implementation",
        reference=step,
        points=_random_case,
        mistakes=(
            FunctionMistake(_buggy_step_updated_weights, homework.hint("updated-output-weights")),
            FunctionMistake(_step_without_f_prime, homework.hint("no-hidden-derivative")),
        ),
    )


TRAIN_SEED, TRAIN_HIDDEN, TRAIN_ETA, TRAIN_EPOCHS = 0, 5, 0.3, 60
TRAIN_THRESHOLD = 0.005  # "the first epoch whose mean cost is below this"


@functools.cache
def _training_costs() -> np.ndarray:
    X, D = examples.regression_data(200, seed=TRAIN_SEED)
    _, costs = train(Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED), X, D, TRAIN_ETA, TRAIN_EPOCHS,
                     shuffle=True, seed=TRAIN_SEED)
    costs.setflags(write=False)
    return costs


def training_costs() -> np.ndarray:
    """The mean cost per epoch of the training exercise's run (its own task: the worked example plays no part)."""
    return _training_costs().copy()


def _training(ex: Example) -> NumericExercise:
    costs = _training_costs()
    below = np.flatnonzero(costs < TRAIN_THRESHOLD)
    if below.size == 0:
        raise RuntimeError("the training exercise's cost never falls below its threshold: change its settings")
    first = int(below[0]) + 1  # epochs count from 1
    return NumericExercise(
        "training", "Training and the loss curve",
        right=[costs[-1], first],
        boxes=(Box("final mean cost", (0,)), Box("first epoch below the threshold", (1,))),
        mistakes=(
            Mistake([costs[-1], first - 1], "Epochs count from 1: costs[0] is epoch 1, so add 1 to the index.",
                    "counting epochs from 0"),
            Mistake([costs[0], first], "costs[0] is the first epoch; the final cost is costs[-1].",
                    "the first epoch's cost as the final one"),
            Mistake([costs[-1] * 200, first], "train returns the mean cost per sample, not the sum.",
                    "the summed cost"),
        ),
    )


def _dE_dw_ik_logsig_output(e: float, y: float, y_hi: float, w_ji: float, x_k: float) -> float:
    """∂E/∂w_ik when the output neuron is logsig too: −e · y(1 − y) · w_ji · y_hi(1 − y_hi) · x_k."""
    return -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k


def _formula_point(rng: np.random.Generator) -> dict[str, object]:
    return {"e": rng.uniform(-2, 2), "y": rng.uniform(0.05, 0.95), "y_hi": rng.uniform(0.05, 0.95),
            "w_ji": rng.uniform(-2, 2), "x_k": rng.uniform(-2, 2)}


def _derive_logsig_output(ex: Example) -> FunctionExercise:
    return FunctionExercise(
        "derive-logsig-output", "Derive: a sigmoid output neuron",
        reference=_dE_dw_ik_logsig_output,
        points=_formula_point,
        mistakes=(
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * w_ji * y_hi * (1 - y_hi) * x_k,
                            "That is the linear-output formula: with a logsig output, f'(v_j) = y(1 − y) joins "
                            "the chain."),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k,
                            "The sign: ∂E/∂y = −e because e = d − y. (The update Δw = −η ∂E/∂w has the plus sign.)"),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * x_k,
                            "You dropped the hidden neuron's own derivative f'(v_i) = y_hi(1 − y_hi)."),
            FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi),
                            "∂v_i/∂w_ik = x_k: multiply by the input the weight carries."),
        ),
    )


#: name -> the function that builds the exercise from a worked example, in the order of the notebooks.
_BUILDERS: dict[str, Callable[[Example], Exercise]] = {
    "forward-pass": _forward_pass,
    "sigmoid-derivative": _sigmoid_derivative,
    "tanh-derivative": _tanh_derivative,
    "output-weights": _output_weights,
    "output-bias": _output_bias,
    "hidden-weights": _hidden_weights,
    "hidden-biases": _hidden_biases,
    "one-iteration": _one_iteration,
    "tansig-hidden": _tansig_hidden,
    "two-outputs": _two_outputs,
    "gradient-check": _gradient_check,
    "spot-the-bug": _spot_the_bug,
    "spot-the-bug-fix": _spot_the_bug_fix,
    "training": _training,
    "derive-logsig-output": _derive_logsig_output,
}

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
