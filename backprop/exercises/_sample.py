"""One forward pass of an example's sample, and the names the exercises' hints write, shared by every builder.

:func:`sample_pass` runs a network (the example's own by default) on the example's sample and keeps what the rules
take from it (:class:`Pass`); :func:`label` and :func:`output_weight` name a parameter as the slides do;
:func:`carried` (and :func:`carried_of`) is how far a value worked out from the numbers a page gives can be off;
``F_TEXT``, ``F_PRIME_TEXT`` and ``SHORT`` write each hidden activation in a hint's plain text; :func:`slips` takes
classic mistakes from the homework catalogue (one catalogue for the boxes and ``python -m backprop trace --check``),
and :func:`new_value` is the new value typed for the update, with the parameter the boxes ask about in its hint;
:func:`with_worked` adds the worked example's own numbers, which a student can copy from the derivation pages, and
:func:`swapped_inputs` the catalogue's two inputs taken for each other where they differ; ``OTHER_SIGMOID_WORDS`` and
``SWAPPED_WORDS`` are the exercises' words for the catalogue's other-hidden-activation and swapped-inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike

from .. import _hints, activations, homework, labels
from .._carried import carried_error
from ..examples import Example
from ..network import ForwardPass, Network, forward
from ..rules import error
from ._numeric import Mistake, NumericExercise

# Plain-text formulas of each hidden sigmoid for the hints, written with hidden neuron i's names: the catalogue's
# (backprop._hints; the pages' TeX is in backprop.show).
F_TEXT = {name: _hints.F_TEXT[name].format(v="v_i") for name in ("logsig", "tansig")}
F_PRIME_TEXT = {name: _hints.F_PRIME_TEXT[name].format(y="y_hi") for name in ("logsig", "tansig")}
SHORT = _hints.SHORT


@dataclass(frozen=True)
class Pass:
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


def label(name: str, index: tuple[int, ...], net: Network) -> str:
    """The slides' name of one entry of a `Network` parameter array: ``label("w_output", (0, 0), net)`` is ``w_41``."""
    return labels.parameter(name, index, net.n_hidden)


def output_weight(net: Network) -> str:
    """The general label of the output neuron's weights, ``w_4i`` for the slides' network (output n_hidden + 1), as
    the catalogue's hints write it (`backprop._hints.Notation`)."""
    return _hints.Notation.of(net).w_out


def sample_pass(ex: Example, net: Network | None = None) -> Pass:
    """The forward pass of ``net`` (the example's own by default) on the example's sample."""
    net = ex.net if net is None else net
    fp = forward(net, ex.x)
    f = activations.get(net.hidden)
    return Pass(net, ex.x, ex.d, ex.eta, fp, float(error(fp, ex.d)[0]), f, f.derivative_from_output(fp.y_hidden))


def step_name(name: str, index: tuple[int, ...], net: Network, new: bool = False) -> str:
    """The homework trace's name of a parameter's update, ``Δw11``, or with ``new`` of its new value, ``w11(n+1)``."""
    label_ = labels.parameter(name, index, net.n_hidden, sep="")
    return f"{label_}(n+1)" if new else "Δ" + label_


def carried(net: Network, x: ArrayLike, d: ArrayLike, eta: float, steps: Sequence[str],
            shape: tuple[int, ...] | None = None) -> np.ndarray:
    """For the trace steps ``steps`` (``"y_h2"``, ``"Δw11"``, ``"y(n+1)"``, as `backprop.homework.trace` names them)
    of ``net`` on the sample: how far a value worked out from the values before it, written with six decimals as the
    pages and the exercises give them, can be from the right one beyond its own rounding
    (`backprop.homework.carried_error`), as an array of ``shape`` (default: one entry a step)."""
    by_step = carried_error(net, x, d, eta)
    values = np.array([by_step[s] for s in steps])
    return values if shape is None else values.reshape(shape)


def carried_of(net: Network, x: ArrayLike, d: ArrayLike, eta: float, name: str) -> np.ndarray:
    """`carried` for the updates of every entry of ``net``'s parameter ``name`` (``"w_hidden"``), in its shape."""
    return carried(net, x, d, eta, steps_of(net, name), getattr(net, name).shape)


def slips(net: Network, x: ArrayLike, d: ArrayLike, eta: float, names: Sequence[str], steps: Sequence[str],
          shape: tuple[int, ...] = (), *, words: Mapping[str, str] | None = None,
          in_boxes: tuple[int, ...] | None = None, rule: int = 1) -> list[Mistake]:
    """The homework catalogue's classic mistakes ``names`` (`backprop.homework.MISTAKES`) as an exercise's: each one's
    value at the trace steps ``steps`` (``"Δw11"``, ``"y"``, as `step_name` writes them), in the answer's ``shape``
    (() for one number), with its hint and its words for ``net``, so a box and ``python -m backprop trace --check``
    name one slip by one number. ``words`` gives other words for a slip, by its name; ``in_boxes``, the boxes the
    slips change (`Mistake.in_boxes`); ``rule``, the rule (1 to 4) the boxes ask about, which a hint that writes a
    rule out as its example shows. A slip this network cannot show (`backprop.homework.NotApplicable`) is left out."""
    words = words or {}
    found = []
    for name in names:
        m = homework.mistake(name)
        try:
            trace = m.fn(net, x, d, eta)
        except homework.NotApplicable:
            continue
        value = np.array([trace[step] for step in steps]).reshape(shape)
        found.append(Mistake(value, m.hint_for(net, rule), words.get(name, m.slip_for(net)), in_boxes=in_boxes))
    return found


def steps_of(net: Network, name: str) -> list[str]:
    """The trace's names of the updates of every entry of ``net``'s parameter ``name`` (``"w_hidden"``), in order."""
    return [step_name(name, index, net) for index in np.ndindex(getattr(net, name).shape)]


def new_value(parameter: str, value: ArrayLike) -> Mistake:
    """The new value θ(n+1) = θ(n) + Δθ typed where the task asks for the update Δθ: ``value``, with the hint that says
    so, for the ``parameter`` the boxes ask about (``"w_ik"``, ``"b_4"``)."""
    return Mistake(value, f"That is the new value {parameter}(n+1) = {parameter}(n) + Δ{parameter}: the task asks for "
                   f"the update Δ{parameter}.", f"the new value {parameter}(n+1) in place of the update")


#: What an exercise says to the worked example's number (or numbers) where the practice example's belongs.
WORKED_HINT = ("{that} the worked example's {number}, which the derivation pages print: the exercises use the practice "
               "example, whose numbers are given above.")


def with_worked(exercise: NumericExercise, ex: Example,
                steps: Sequence[str] | Callable[[Example], ArrayLike]) -> NumericExercise:
    """``exercise`` of the practice example ``ex`` with one more mistake: the worked example's right values, which the
    derivation pages print and a student can copy from there (a reviewer typed them into four exercises and read the
    generic reply): at the trace steps ``steps`` (``"y_h2"``, ``"Δw11"``), or what ``steps`` computes from the worked
    `Example` (exercise 11's central difference). It is about the boxes whose entry it changes (`Mistake.in_boxes`);
    left out where it gives the right answer (a practice example without its worked one too)."""
    if ex.worked is None:
        return exercise
    w = ex.worked
    if callable(steps):
        found = steps(w)
    else:
        rows = homework.trace(w.net, w.x, w.d, w.eta)
        found = [rows[step] for step in steps]
    value = np.array(found, dtype=float).reshape(exercise.right.shape)
    if exercise.close(value):
        return exercise
    boxes = tuple(n for n, b in enumerate(exercise.boxes) if not exercise.close(value[b.index], at=b.index))
    one = WORKED_HINT.format(that="That is", number="number")  # a box's, or an answer of one number
    hint = one if value.size == 1 else WORKED_HINT.format(that="Those are", number="numbers")
    mistake = Mistake(value, hint, "the worked example's numbers", in_boxes=boxes,
                      box_hints=tuple((n, one) for n in boxes))
    return replace(exercise, mistakes=(*exercise.mistakes, mistake))


#: The exercises' words for the catalogue's other-hidden-activation, the same whichever sigmoid the practice example has
#: (a student of a tanh site who follows the slides computes the logistic one).
OTHER_SIGMOID_WORDS = {"other-hidden-activation": "the other sigmoid in the hidden layer"}
#: The words of the exercises that ask for every Δw_ik (6, 9, 10) for the catalogue's swapped-inputs.
SWAPPED_WORDS = {"swapped-inputs": "the inputs x_1 and x_2 swapped"}


def swapped_inputs(net: Network, x: ArrayLike, d: ArrayLike, eta: float, steps: Sequence[str],
                   shape: tuple[int, ...], **kwargs) -> list[Mistake]:
    """The catalogue's swapped-inputs as `slips` gives it, each Δw_ik times the other input; none where the two
    inputs are equal: the swap changes nothing, and a box would call it a slip it cannot tell from the right answer."""
    x = np.asarray(x, dtype=float)
    return [] if len(x) == 2 and x[0] == x[1] else slips(net, x, d, eta, ["swapped-inputs"], steps, shape, **kwargs)


def flipped_exponent(p: Pass) -> tuple[Mistake, ...]:
    """The logistic sigmoid with its exponent's sign flipped, y_hi = 1/(1 + e^(v_i)), which is 1 − f(v_i), in every
    hidden neuron: a student's review found it likely where a field is negative (the worked solution writes
    e^{−(−0.86)}), and it got only the general hint. None for a hidden layer other than logsig."""
    if p.net.hidden != "logsig":
        return ()
    flipped = 1.0 - p.fp.y_hidden  # 1/(1 + e^(v)) = 1 − 1/(1 + e^(−v))
    y = activations.get(p.net.output).f(p.net.w_output[0] @ flipped + p.net.b_output[0])
    return (Mistake(np.array([flipped[1], y]),
                    "The exponent's sign: y_hi = 1/(1 + e^(−v_i)), with −v_i in the power, which is positive for a "
                    "negative field. Yours is 1/(1 + e^(v_i)), which is 1 − y_hi, and y built from those follows it.",
                    "the exponent's sign flipped, 1/(1 + e^(v_i))"),)

