r"""Exercises with instant feedback: ``check(name, answer)`` says right, or not yet and why.

Every exercise of the site's ``docs/exercises/`` notebooks is registered here under a short name.
Its right answer is computed from :mod:`backprop.examples` by the package, and so is each classic
wrong answer, with a hint aimed at the mistake that produces it::

    >>> from backprop.exercises import check
    >>> check("forward-pass", None)
    No answer yet: ...
    >>> check("output-bias", 0.505947)
    Not yet. The sign is flipped: ...
    >>> check("output-bias", -0.505947)
    Right: -0.505947.

Two kinds of exercise:

* :class:`NumericExercise`: the answer is a number or an array of numbers, right when every
  entry is within ``atol + rtol * |right|`` of the right value.
* :class:`FunctionExercise`: the answer is a Python function (a formula, or a fixed ``step``);
  it is called at random points and compared with the reference function there.

In a notebook, ``answer_box(name)`` emits the HTML form the site's ``exercises.js`` turns into an
answer box (the values are fixed when the site is built), and ``worked_solution(text, **values)``
shows a collapsed worked solution with the numbers substituted.

Set the environment variable ``BACKPROP_EXERCISES_STRICT=1`` to make ``check`` raise
``AssertionError`` unless the answer is right: the notebook tests use it.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from . import activations, examples
from .gradcheck import numerical_gradient
from .network import Network, forward
from .rules import cost, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output, error
from .train import step, train

RTOL = 1e-3  # a relative error of 0.1 %: six significant digits typed, or a rounding slip, pass
ATOL = 1e-6  # half a unit in the sixth decimal, so a right value printed with f"{v:.6f}" passes
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


# --------------------------------------------------------------------------------------------
# Numeric exercises


@dataclass(frozen=True)
class Mistake:
    """A classic wrong answer and the hint it earns."""

    value: float | np.ndarray
    hint: str


@dataclass(frozen=True)
class Box:
    """One answer box on the site: one entry of the right answer, with its label."""

    label: str  # plain text or inline TeX without $, e.g. "Δw_41"
    index: tuple[int, ...] = ()


@dataclass(frozen=True)
class NumericExercise:
    """An exercise whose answer is a number, or an array of numbers of a fixed shape."""

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
            if self.close(value):
                raise ValueError(f"{self.name}: the mistake {m.hint[:40]!r}... is as close as the right answer")
            value.setflags(write=False)
            mistakes.append(Mistake(value, m.hint))
        object.__setattr__(self, "mistakes", tuple(mistakes))

    def close(self, value: np.ndarray, to: np.ndarray | None = None) -> bool:
        target = self.right if to is None else to
        return bool(np.all(np.abs(value - target) <= self.atol + self.rtol * np.abs(target)))

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
        for m in self.mistakes:
            if self.close(value, m.value):
                return Feedback(False, f"Not yet. {m.hint}")
        if self.right.ndim:
            wrong = [i for i in np.ndindex(self.right.shape) if not self.close(value[i], self.right[i])]
            where = ", ".join(str(i[0] if len(i) == 1 else i) for i in wrong)
            return Feedback(False, f"Not yet: the entries at {where} are off (numpy indices, from 0).")
        return Feedback(False, "Not yet. Compare your steps with the formula; the worked solution below has them.")

    def form_html(self) -> str:
        """One ``<form class="bp-answer">`` per box, for exercises.js (see its header for the contract)."""
        forms = []
        for n, box in enumerate(self.boxes):
            right = float(self.right[box.index])
            hints: list[dict[str, object]] = []
            for m in self.mistakes:  # the first mistake with a value in this box gives its hint
                value = float(m.value[box.index])
                if not self.close(np.array(value), np.array(right)) and all(h["value"] != value for h in hints):
                    hints.append({"value": value, "hint": m.hint})
            uid = f"bp-{self.name}-{n}"
            forms.append(
                f'<form class="bp-answer" hidden data-exercise="{self.name}" '
                f'data-answer="{right!r}" data-rtol="{self.rtol!r}" data-atol="{self.atol!r}" '
                f'data-hints="{html.escape(json.dumps(hints), quote=True)}">'
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


# --------------------------------------------------------------------------------------------
# The public API of the notebooks

Exercise = NumericExercise | FunctionExercise
#: name -> exercise, or a function that builds it on first use (training takes a moment).
EXERCISES: dict[str, Exercise | Callable[[], Exercise]] = {}


def _register(exercise: Exercise, name: str | None = None) -> None:
    name = name or exercise.name
    if name in EXERCISES:
        raise ValueError(f"exercise {name!r} registered twice")
    EXERCISES[name] = exercise


def get(name: str) -> Exercise:
    """The exercise called ``name``; an unknown name raises ValueError listing the known ones."""
    if not isinstance(name, str) or name not in EXERCISES:
        raise ValueError(f"unknown exercise {name!r}; the exercises are {', '.join(EXERCISES)}")
    exercise = EXERCISES[name]
    if not isinstance(exercise, NumericExercise | FunctionExercise):
        exercise = EXERCISES[name] = exercise()
    return exercise


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
    """The site's answer box(es) for exercise ``name``: HTML forms hidden until exercises.js shows them."""
    exercise = get(name)
    if not isinstance(exercise, NumericExercise):
        raise ValueError(f"exercise {name!r} takes a function: it has no answer box")
    return _HTML(exercise.form_html(), "(On the course site an answer box appears here.)")


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


_FIELD = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def fill(text: str, **values: object) -> str:
    """Put ``values`` into the ``{{name}}`` fields of ``text``; numbers with six decimals.

    ``{{...}}`` leaves TeX's single braces (``w_{11}``) alone. A field without a value raises KeyError.
    """
    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"no value for the field {{{{{key}}}}}")
        value = values[key]
        if isinstance(value, np.ndarray) and value.size == 1:
            value = value.item()
        if isinstance(value, int | np.integer) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, float | np.floating):
            return f"{float(value):.6f}"
        return str(value)

    return _FIELD.sub(one, text)


def worked_solution(text: str, **values: object) -> _Markdown:
    """A collapsed ``<details>`` block holding ``text`` (Markdown with $math$), fields filled in."""
    body = fill(text, **values).strip()
    return _Markdown(f'<details class="bp-solution">\n<summary>Worked solution</summary>\n\n{body}\n\n</details>')


def given(**values: object) -> _Markdown:
    """The data of a task as a Markdown table: ``given(x_1=1.0, eta=0.5)``; names become TeX.

    A name is written as TeX: ``w_11`` becomes $w_{11}$, ``y_h1`` $y_{h1}$, ``eta`` $\\eta$.
    Numbers are shown with six decimals.
    """
    rows = ["| quantity | value |", "|---|---|"]
    for key, value in values.items():
        rows.append(f"| ${tex_name(key)}$ | {fill('{{v}}', v=value)} |")
    return _Markdown("\n".join(rows))


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
        return f"{float(value):.6f}"
    return np.array2string(value, formatter={"float_kind": lambda v: f"{v:.6f}"}, separator=", ")


# --------------------------------------------------------------------------------------------
# The exercises, in the order of the notebooks. Right answers come from the package; each
# mistake is the package's arithmetic with one classic slip.

NET, X, D, ETA = examples.NET, examples.X, examples.D, examples.ETA
FP = forward(NET, X)
V_H, Y_H = FP.v_hidden, FP.y_hidden  # v_i, y_hi
V4, Y = float(FP.v_output[0]), float(FP.y_output[0])
E = float(error(FP, D)[0])  # e = d - y
W4 = NET.w_output[0]  # w_41, w_42, w_43 at time n
LOGSIG_PRIME = Y_H * (1 - Y_H)  # f'(v_i)
_YH_NO_BIAS = activations.logsig(NET.w_hidden @ X)  # the hidden outputs without b_i

_register(NumericExercise(
    "forward-pass", "The forward pass by hand",
    right=np.array([Y_H[1], Y]),
    boxes=(Box("y_h2", (0,)), Box("y", (1,))),
    mistakes=(
        Mistake([_YH_NO_BIAS[1], float(W4 @ _YH_NO_BIAS + NET.b_output[0])],
                "You left out the hidden biases b_i: v_i = w_i1 x_1 + w_i2 x_2 + b_i."),
        Mistake([Y_H[1], Y - float(NET.b_output[0])], "You left out the output bias b_4: v_4 = Σ_i w_4i y_hi + b_4."),
        Mistake([Y_H[1], float(activations.logsig(V4))],
                "The output neuron is linear (purelin): y = v_4, no sigmoid at the output."),
        Mistake([V_H[1], float(W4 @ V_H + NET.b_output[0])],
                "You used the fields v_i where the hidden outputs y_hi = f(v_i) = 1/(1 + e^(−v_i)) belong."),
    ),
))

_register(NumericExercise(
    "sigmoid-derivative", "The sigmoid derivative at a point",
    right=LOGSIG_PRIME[0],
    boxes=(Box("f'(v_1)"),),
    mistakes=(
        Mistake(-LOGSIG_PRIME[0], "The sign: d/dv (1 + e^(−v))^(−1) = −(1 + e^(−v))^(−2) · (−e^(−v)); "
                                  "the two minus signs cancel (the slides lose one of them)."),
        Mistake(Y_H[0], "That is f(v_1) itself; the derivative is f(v_1)(1 − f(v_1))."),
        Mistake(1 - Y_H[0] ** 2, "1 − y² is the derivative of tanh; for logsig it is y(1 − y)."),
        Mistake(V_H[0] * (1 - V_H[0]), "Use y = f(v_1) in f(v)(1 − f(v)), not v_1 itself."),
        Mistake(math.exp(-V_H[0]) / (1 + math.exp(-V_H[0])),
                "The denominator is squared: f'(v) = e^(−v) / (1 + e^(−v))²."),
    ),
))

_TANH_V = float(V_H[1])  # the exercise evaluates tanh' at v_2
_register(NumericExercise(
    "tanh-derivative", "The tanh derivative",
    right=1 - math.tanh(_TANH_V) ** 2,
    boxes=(Box("tanh'(v_2)"),),
    mistakes=(
        Mistake(1 - math.tanh(_TANH_V), "Square the tanh: tanh'(v) = 1 − tanh²(v) = sech²(v)."),
        Mistake(1 / math.cosh(_TANH_V), "sech is squared: tanh'(v) = sech²(v) = 1/cosh²(v)."),
        Mistake(math.tanh(_TANH_V) * (1 - math.tanh(_TANH_V)),
                "y(1 − y) is the logistic sigmoid's derivative; for tanh it is 1 − y²."),
        Mistake(1 + math.tanh(_TANH_V) ** 2, "The sign: (cosh² − sinh²)/cosh² = 1 − tanh²."),
        Mistake(float(activations.logsig_derivative(_TANH_V)), "That is the logistic sigmoid's derivative at v_2."),
    ),
))

_DW_OUT = delta_w_output(FP, D, ETA)[0]
_register(NumericExercise(
    "output-weights", "Rule 1: the output weights",
    right=_DW_OUT,
    boxes=(Box("Δw_41", (0,)), Box("Δw_42", (1,)), Box("Δw_43", (2,))),
    mistakes=(
        Mistake(-_DW_OUT, "The sign is flipped: Δw = −η ∂E/∂w and ∂E/∂w_4i = −e y_hi, so Δw_4i = +η e y_hi "
                          "with e = d − y."),
        Mistake(_DW_OUT / ETA, "You forgot the learning rate η."),
        Mistake(ETA * E * V_H, "The input of weight w_4i is y_hi = f(v_i), not v_i."),
        Mistake(ETA * E * np.ones(3), "∂v_4/∂w_4i = y_hi: multiply by the hidden output the weight carries."),
    ),
))

_DB_OUT = float(delta_b_output(FP, D, ETA)[0])
_register(NumericExercise(
    "output-bias", "Rule 2: the output bias",
    right=_DB_OUT,
    boxes=(Box("Δb_4"),),
    mistakes=(
        Mistake(-_DB_OUT, "The sign is flipped: Δb_4 = −η ∂E/∂b_4 = +η (d − y)."),
        Mistake(_DB_OUT / ETA, "You forgot the learning rate η."),
        Mistake(ETA * cost(FP, D), "Use the error e = d − y, not the cost E = ½e²: ∂E/∂e = e."),
        Mistake(ETA * E * float(np.sum(Y_H)), "A bias has input 1: ∂v_4/∂b_4 = 1, no y_hi."),
    ),
))

_DW_HID = delta_w_hidden(FP, D, ETA)
_W4_NEXT = W4 + _DW_OUT  # w_4i(n+1): the classic mistake is to use these in the hidden rules
_register(NumericExercise(
    "hidden-weights", "Rule 3: the hidden weights",
    right=_DW_HID,
    boxes=(Box("Δw_11", (0, 0)), Box("Δw_12", (0, 1)), Box("Δw_32", (2, 1))),
    mistakes=(
        Mistake(np.outer(ETA * E * _W4_NEXT * LOGSIG_PRIME, X),
                "You used w_4i(n+1); the hidden rules use the weights at time n (update all weights "
                "after computing every Δ)."),
        Mistake(np.outer(ETA * E * W4, X),
                "You dropped f'(v_i) = y_hi(1 − y_hi), the derivative of the hidden neuron."),
        Mistake(-_DW_HID, "The sign is flipped: Δw_ik = +η e w_4i f'(v_i) x_k with e = d − y."),
        Mistake(np.outer(ETA * E * W4 * V_H * (1 - V_H), X), "f'(v_i) = y_hi(1 − y_hi) uses the output y_hi, not v_i."),
        Mistake(np.outer(ETA * E * LOGSIG_PRIME, X), "The error reaches hidden neuron i through w_4i: multiply by it."),
        Mistake(_DW_HID / ETA, "You forgot the learning rate η."),
    ),
))

_DB_HID = delta_b_hidden(FP, D, ETA)
_register(NumericExercise(
    "hidden-biases", "Rule 4: the hidden biases",
    right=_DB_HID,
    boxes=(Box("Δb_1", (0,)), Box("Δb_2", (1,)), Box("Δb_3", (2,))),
    mistakes=(
        Mistake(ETA * E * _W4_NEXT * LOGSIG_PRIME,
                "You used w_4i(n+1); the hidden rules use the weights at time n."),
        Mistake(ETA * E * W4, "You dropped f'(v_i) = y_hi(1 − y_hi)."),
        Mistake(-_DB_HID, "The sign is flipped: Δb_i = +η e w_4i f'(v_i) with e = d − y."),
        Mistake(_DB_HID * X[1], "A bias has input 1 (∂v_i/∂b_i = 1): no x_k."),
        Mistake(_DB_HID / ETA, "You forgot the learning rate η."),
    ),
))

NEXT = step(NET, X, D, ETA)
_Y_NEXT = float(forward(NEXT, X).y_output[0])
_BAD_NEXT = Network(NET.w_hidden + np.outer(ETA * E * _W4_NEXT * LOGSIG_PRIME, X),
                    NET.b_hidden + ETA * E * _W4_NEXT * LOGSIG_PRIME, NEXT.w_output, NEXT.b_output)
_register(NumericExercise(
    "one-iteration", "One full iteration n → n+1",
    right=[NEXT.w_output[0, 0], NEXT.w_hidden[0, 0], _Y_NEXT],
    boxes=(Box("w_41(n+1)", (0,)), Box("w_11(n+1)", (1,)), Box("y(n+1)", (2,))),
    mistakes=(
        Mistake([NEXT.w_output[0, 0], _BAD_NEXT.w_hidden[0, 0], float(forward(_BAD_NEXT, X).y_output[0])],
                "You used w_41(n+1) in the hidden rules; they use the weights at time n."),
        # Before the "updates" mistake: its third entry is y(n) too, and an answer box shows the first
        # hint whose value matches, so y(n) typed as y(n+1) must meet this hint first.
        Mistake([NEXT.w_output[0, 0], NEXT.w_hidden[0, 0], Y],
                "y(n+1) is the output of the updated network on the same input x: run the forward pass again."),
        Mistake([_DW_OUT[0], _DW_HID[0, 0], Y], "Those are the updates Δ; the new weights are w(n+1) = w(n) + Δw(n)."),
        Mistake([NET.w_output[0, 0] - _DW_OUT[0], NET.w_hidden[0, 0] - _DW_HID[0, 0],
                 float(forward(Network(NET.w_hidden - _DW_HID, NET.b_hidden - _DB_HID, NET.w_output - _DW_OUT,
                                       NET.b_output - _DB_OUT), X).y_output[0])],
                "The sign is flipped: w(n+1) = w(n) + Δw(n) with Δw = −η ∂E/∂w; your y moved away from d."),
    ),
))

TANH_NET = Network(NET.w_hidden, NET.b_hidden, NET.w_output, NET.b_output, hidden="tansig")
_TFP = forward(TANH_NET, X)
_T_E = float(error(_TFP, D)[0])
_T_Y = _TFP.y_hidden
_register(NumericExercise(
    "tansig-hidden", "The hidden rule with a tanh hidden layer",
    right=delta_w_hidden(_TFP, D, ETA),
    boxes=(Box("Δw_11", (0, 0)), Box("Δw_22", (1, 1))),
    mistakes=(
        Mistake(np.outer(ETA * _T_E * W4 * _T_Y * (1 - _T_Y), X),
                "y_hi(1 − y_hi) is the logsig derivative; for tanh f'(v_i) = 1 − y_hi²."),
        Mistake(_DW_HID, "Those are the logsig network's updates: with tanh the forward pass changes too "
                         "(y_hi = tanh v_i, so y and e change)."),
        Mistake(np.outer(ETA * _T_E * W4, X), "You dropped f'(v_i) = 1 − y_hi²."),
        Mistake(np.outer(ETA * E * W4 * (1 - _T_Y**2), X),
                "The error e = d − y must come from the tanh network's own forward pass."),
        Mistake(-delta_w_hidden(_TFP, D, ETA), "The sign is flipped."),
    ),
))

TWO_OUTPUT_NET = Network(  # the worked example with a second output neuron 5: w_5i = (w_43, w_42, w_41), b_5 = −b_4
    NET.w_hidden, NET.b_hidden, np.vstack([W4, W4[::-1]]), np.array([NET.b_output[0], -NET.b_output[0]]))
TWO_OUTPUT_D = np.array([D, -D])  # d_4 = d, d_5 = −d
_FP2 = forward(TWO_OUTPUT_NET, X)
_E2 = error(_FP2, TWO_OUTPUT_D)
_DW2 = delta_w_hidden(_FP2, TWO_OUTPUT_D, ETA)
_register(NumericExercise(
    "two-outputs", "Two outputs: the sum over j",
    right=_DW2,
    boxes=(Box("Δw_11", (0, 0)), Box("Δw_31", (2, 0))),
    mistakes=(
        Mistake(np.outer(ETA * _E2[0] * TWO_OUTPUT_NET.w_output[0] * _FP2.y_hidden * (1 - _FP2.y_hidden), X),
                "Only output 4 is in your sum: hidden neuron i feeds every output j, so sum e_j w_ji over j = 4, 5."),
        Mistake(np.outer(ETA * _E2[1] * TWO_OUTPUT_NET.w_output[1] * _FP2.y_hidden * (1 - _FP2.y_hidden), X),
                "Only output 5 is in your sum: add the term of output 4."),
        Mistake(_DW2 / 2, "Sum over j, don't average: E = ½ Σ_j e_j², so each output adds its own term."),
        Mistake(np.outer(ETA * np.sum(_E2) * np.sum(TWO_OUTPUT_NET.w_output, axis=0)
                         * _FP2.y_hidden * (1 - _FP2.y_hidden), X),
                "Σ_j e_j w_ji is a sum of products, not (Σ_j e_j)(Σ_j w_ji)."),
    ),
))

GRADCHECK_H = 1e-5
_NUM = numerical_gradient(NET, X, D, GRADCHECK_H)["w_hidden"][0, 0]
_register(NumericExercise(
    "gradient-check", "A gradient check",
    right=_NUM,
    boxes=(Box("∂E/∂w_11"),),
    rtol=1e-4,
    mistakes=(
        Mistake(_DW_HID[0, 0], "That is the update Δw_11 = −η ∂E/∂w_11; the gradient is −Δw_11/η."),
        Mistake(-_NUM, "The sign: ∂E/∂w_11 = (E(w_11 + h) − E(w_11 − h)) / 2h, plus minus minus."),
        Mistake(2 * _NUM, "A central difference divides by 2h, the distance between w_11 + h and w_11 − h."),
        Mistake(ETA * _NUM, "The gradient has no η; η belongs to the update."),
    ),
))


def _buggy_step_updated_weights(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    """The spot-the-bug implementation: the output weights are updated before the hidden rules use them."""
    fp = forward(net, x)
    e = float(error(fp, d)[0])
    w_ji = net.w_output + eta * e * fp.y_hidden  # rule 1 applied at once ...
    b_j = net.b_output + eta * e
    delta_i = e * w_ji[0] * fp.y_hidden * (1 - fp.y_hidden)  # ... so this uses w_4i(n+1)
    return Network(net.w_hidden + eta * np.outer(delta_i, x), net.b_hidden + eta * delta_i, w_ji, b_j)


def _step_without_f_prime(net: Network, x: np.ndarray, d: float, eta: float) -> Network:
    fp = forward(net, x)
    e = float(error(fp, d)[0])
    delta_i = e * net.w_output[0]  # f'(v_i) dropped
    return Network(net.w_hidden + eta * np.outer(delta_i, x), net.b_hidden + eta * delta_i,
                   net.w_output + eta * e * fp.y_hidden, net.b_output + eta * e)


_BUGGY = _buggy_step_updated_weights(NET, X, D, ETA)
_register(NumericExercise(
    "spot-the-bug", "Spot the bug: the value it breaks",
    right=NEXT.w_hidden[0, 0],
    boxes=(Box("w_11(n+1)"),),
    mistakes=(
        Mistake(_BUGGY.w_hidden[0, 0], "That is what the buggy code prints; it uses w_41(n+1) in the hidden rule. "
                                       "What does the rule with w_41(n) give?"),
        Mistake(_DW_HID[0, 0], "That is Δw_11; w_11(n+1) = w_11(n) + Δw_11."),
    ),
))


def _random_case(rng: np.random.Generator) -> dict[str, object]:
    net = Network.random(2, 3, 1, seed=int(rng.integers(2**31)))
    return {"net": net, "x": rng.uniform(-1, 1, 2), "d": float(rng.uniform(-1, 1)), "eta": 0.5}


_register(FunctionExercise(
    "spot-the-bug-fix", "Spot the bug: fix the implementation",
    reference=step,
    points=_random_case,
    mistakes=(
        FunctionMistake(_buggy_step_updated_weights,
                        "Your step still uses the updated output weights w_4i(n+1) in the hidden rules: "
                        "compute every Δ from the weights at time n first, then update."),
        FunctionMistake(_step_without_f_prime, "Your hidden rules drop f'(v_i) = y_hi(1 − y_hi)."),
    ),
))

TRAIN_SEED, TRAIN_HIDDEN, TRAIN_ETA, TRAIN_EPOCHS = 0, 5, 0.3, 60
TRAIN_THRESHOLD = 0.005  # "the first epoch whose mean cost is below this"


def training_costs() -> np.ndarray:
    """The mean cost per epoch of the training exercise's run."""
    X, D = examples.regression_data(200, seed=TRAIN_SEED)
    _, costs = train(Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED), X, D, TRAIN_ETA, TRAIN_EPOCHS,
                     shuffle=True, seed=TRAIN_SEED)
    return costs


def _training() -> NumericExercise:
    costs = training_costs()
    below = np.flatnonzero(costs < TRAIN_THRESHOLD)
    if below.size == 0:
        raise RuntimeError("the training exercise's cost never falls below its threshold: change its settings")
    first = int(below[0]) + 1  # epochs count from 1
    return NumericExercise(
        "training", "Training and the loss curve",
        right=[costs[-1], first],
        boxes=(Box("final mean cost", (0,)), Box("first epoch below the threshold", (1,))),
        mistakes=(
            Mistake([costs[-1], first - 1], "Epochs count from 1: costs[0] is epoch 1, so add 1 to the index."),
            Mistake([costs[0], first], "costs[0] is the first epoch; the final cost is costs[-1]."),
            Mistake([costs[-1] * 200, first], "train returns the mean cost per sample, not the sum."),
        ),
    )


_register(_training, "training")  # built on first use


def _dE_dw_ik_logsig_output(e: float, y: float, y_hi: float, w_ji: float, x_k: float) -> float:
    """∂E/∂w_ik when the output neuron is logsig too: −e · y(1 − y) · w_ji · y_hi(1 − y_hi) · x_k."""
    return -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k


def _formula_point(rng: np.random.Generator) -> dict[str, object]:
    return {"e": rng.uniform(-2, 2), "y": rng.uniform(0.05, 0.95), "y_hi": rng.uniform(0.05, 0.95),
            "w_ji": rng.uniform(-2, 2), "x_k": rng.uniform(-2, 2)}


_register(FunctionExercise(
    "derive-logsig-output", "Derive: a sigmoid output neuron",
    reference=_dE_dw_ik_logsig_output,
    points=_formula_point,
    mistakes=(
        FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * w_ji * y_hi * (1 - y_hi) * x_k,
                        "That is the linear-output formula: with a logsig output, f'(v_j) = y(1 − y) joins the chain."),
        FunctionMistake(lambda e, y, y_hi, w_ji, x_k: e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k,
                        "The sign: ∂E/∂y = −e because e = d − y. (The update Δw = −η ∂E/∂w has the plus sign.)"),
        FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * x_k,
                        "You dropped the hidden neuron's own derivative f'(v_i) = y_hi(1 − y_hi)."),
        FunctionMistake(lambda e, y, y_hi, w_ji, x_k: -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi),
                        "∂v_i/∂w_ik = x_k: multiply by the input the weight carries."),
    ),
))


def names() -> Iterable[str]:
    """The names of all exercises, in order."""
    return tuple(EXERCISES)
