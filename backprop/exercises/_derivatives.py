"""Exercises 2 and 3, the two derivatives: the logistic sigmoid's at the field v_1 of hidden neuron 1 and tanh's at
v_2, each at another neuron's field where the answer box there would take a classic slip for right
(`derivative_neuron`): where the function is flat (a saturated field, the derivative near 0, where a box takes 0 and
negative values too) or where a slip meets the right answer by chance (v(1 − v) = logsig'(v) near v = 0.4; at v = 0
tanh's 1 − tanh v, sech v and 1 + tanh² v are all 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .. import activations, examples, show
from ..examples import Example
from ._numeric import Box, Mistake, NumericExercise
from ._sample import sample_pass
from ._weights import first_or_fewest, slips_named


def _sigmoid_derivative(ex: Example, i: int) -> NumericExercise:
    """Exercise 2 asking for the logistic sigmoid's derivative at v_i, ``i`` counted from 0."""
    v = float(sample_pass(ex).v_h[i])
    s = float(activations.logsig(v))
    right = s * (1 - s)
    # the hints are about logsig, the exercise's function: f where it is the example's hidden activation, else logsig
    f = "f" if ex.net.hidden == "logsig" else "logsig"
    own = "logsig's own, written with its output s = logsig(v), is logsig'(v) = s(1 − s)"
    v_i = f"v_{i + 1}"
    return NumericExercise(
        "sigmoid-derivative",
        right=right,
        boxes=(Box(f"f'({v_i})" if ex.net.hidden == "logsig" else f"logsig'({v_i})"),),
        mistakes=(
            Mistake(-right, "The sign: d/dv (1 + e^(−v))^(−1) = −(1 + e^(−v))^(−2) · (−e^(−v)); "
                            "the two minus signs cancel (the slides lose one of them).", "the lost minus sign"),
            Mistake(s, f"That is {f}({v_i}) itself; the derivative is {f}({v_i})(1 − {f}({v_i})).",
                    f"{f}({v_i}) itself"),
            Mistake(1 - s**2, f"That is tanh's derivative 1 − y² fed with logsig({v_i}); {own}.",
                    "the tanh form 1 − y²"),
            Mistake(v * (1 - v), "Written with its output s = logsig(v), logsig'(v) = s(1 − s): evaluate it at "
                                 f"s = logsig({v_i}), not at {v_i}.", f"{v_i}(1 − {v_i})"),
            Mistake(math.exp(-v) / (1 + math.exp(-v)),
                    # e^(−v) / (1 + e^(−v)) is 1 − f(v) too: the factor f(v) left out of f(v)(1 − f(v)) (a student's
                    # review was told of a denominator he had not written)
                    f"The denominator is squared: {f}'(v) = e^(−v) / (1 + e^(−v))². Your number is also "
                    f"1 − {f}({v_i}): if that is what you computed, multiply it by {f}({v_i}).",
                    "an unsquared denominator"),
            # tanh's in place of logsig's, as exercise 3 names logsig's in place of tanh's (a student's, on a site whose
            # hidden layer is tanh)
            Mistake(1 - math.tanh(v) ** 2, f"That is tanh's derivative at {v_i}; the exercise asks for the logistic "
                                           f"sigmoid's: {own}.", "tanh's derivative"),
            Mistake(math.tanh(v) * (1 - math.tanh(v)), f"That is the form s(1 − s) fed with tanh({v_i}); {own}.",
                    f"s(1 − s) fed with tanh({v_i})"),
        ),
    )


def _tanh_derivative(ex: Example, i: int) -> NumericExercise:
    """Exercise 3 asking for tanh's derivative at v_i, ``i`` counted from 0."""
    v = float(sample_pass(ex).v_h[i])
    t = math.tanh(v)
    v_i = f"v_{i + 1}"
    return NumericExercise(
        "tanh-derivative",
        right=1 - t**2,
        boxes=(Box(f"tanh'({v_i})"),),
        mistakes=(
            Mistake(1 - t, "Square the tanh: tanh'(v) = 1 − tanh²(v) = sech²(v).", "1 − tanh v, unsquared"),
            Mistake(1 / math.cosh(v), "sech is squared: tanh'(v) = sech²(v) = 1/cosh²(v).", "sech v, unsquared"),
            Mistake(t * (1 - t), f"That is logsig's derivative y(1 − y) fed with tanh({v_i}); tanh's own, written "
                                 "with its output t = tanh(v), is tanh'(v) = 1 − t².", "the logsig form y(1 − y)"),
            Mistake(t, f"That is tanh({v_i}) itself; the derivative is 1 − tanh²({v_i}).", f"tanh({v_i}) itself"),
            Mistake(1 - v**2, "Written with its output t = tanh(v), tanh'(v) = 1 − t²: evaluate it at "
                              f"t = tanh({v_i}), not at {v_i}.", f"1 − {v_i}²"),
            Mistake(1 + t**2, "The sign: (cosh² − sinh²)/cosh² = 1 − tanh².", "1 + tanh² v"),
            Mistake(-(1 - t**2), "The sign: tanh is increasing, so its derivative 1 − tanh²(v) is positive.",
                    "the flipped sign"),
            Mistake(float(activations.logsig_derivative(v)), f"That is the logistic sigmoid's derivative at {v_i}.",
                    "the logistic sigmoid's derivative"),
        ),
    )


#: name -> (the builder at the field of neuron i, the neuron it asks about unless it cannot serve, from 0)
_AT: dict[str, tuple[Callable[[Example, int], NumericExercise], int]] = {
    "sigmoid-derivative": (_sigmoid_derivative, 0),
    "tanh-derivative": (_tanh_derivative, 1),
}


#: What `_taken` lists for a box that takes 0 for right: a derivative within the box's tolerance of 0, at a field where
#: the function is flat (below half of the box's 10^-6, negative values pass too), whichever slips it tells apart.
ZERO = "0"


def _taken(name: str, ex: Example, i: int) -> list[str]:
    """The wrong answers exercise ``name``'s box at v_i takes for right: `ZERO` first where it takes 0, then the
    classic slips it takes."""
    e = _AT[name][0](ex, i)
    return [ZERO] * bool(e.close(0.0, at=e.boxes[0].index)) + slips_named(e, e.boxes[0].index, e.mistakes)


def derivative_neuron(name: str, example: Example | None = None) -> tuple[str, int]:
    """The field exercise ``name`` (``"sigmoid-derivative"``, ``"tanh-derivative"``) asks at: v_1 (exercise 2) or v_2
    (exercise 3), unless its box takes 0 or a classic slip for right; else the first other hidden neuron's whose box
    takes neither; else the one whose box takes the fewest. Returns its label (``"v_2"``) and its index, from 0."""
    if name not in _AT:
        raise ValueError(f"derivative_neuron is for the exercises {', '.join(map(repr, _AT))}, not {name!r}")
    ex = examples.PRACTICE if example is None else example
    first = _AT[name][1]
    order = [first] + [i for i in range(ex.net.n_hidden) if i != first]
    chosen = first_or_fewest(order, lambda i: len(_taken(name, ex, i)))
    return f"v_{chosen + 1}", chosen


def derivative_why(name: str, example: Example | None = None) -> str:
    """Why exercise ``name`` asks at another field than its own (v_1, v_2), as a sentence in parentheses after a
    space, in Markdown; empty when it asks at its own."""
    ex = examples.PRACTICE if example is None else example
    chosen = derivative_neuron(name, ex)[1]  # a ValueError for another name
    build, first = _AT[name]
    if chosen == first:
        return ""
    taken, fewest = _taken(name, ex, first), _taken(name, ex, chosen)
    n = first + 1
    if fewest:  # no field's box tells every wrong answer apart: the one asked at takes the fewest
        kinds = "0 or classic slips" if ZERO in taken + fewest else "classic slips"
        return (f" (Not at $v_{n}$: here the answer box at every field takes some wrong answers for right ({kinds}); "
                f"$v_{n}$'s would take {len(taken)} of them, $v_{chosen + 1}$'s takes {len(fewest)}.)")
    exercise = build(ex, first)
    right = float(exercise.right)
    v = float(show.hidden_fields(ex.net, ex.x)[first])  # as the task's table writes it: 0 where it is 0 by hand
    slips = [f"“{slip}”" for slip in taken if slip != ZERO]
    gives = show.tex(r"what the slip{{s}} {{slips}} give{{verb}}", s="s" * (len(slips) > 1), slips=show.and_list(
        slips), verb="" if len(slips) > 1 else "s") if slips else ""
    if ZERO in taken:  # the function is flat there: a saturated field
        function = "the logistic sigmoid" if name == "sigmoid-derivative" else r"$\tanh$"
        return show.tex(r" (Not at $v_{{n}}$: {{function}} is so flat at $v_{{n}} = {{v}}$ that the derivative there, "
                        r"${{value}}$, is within the answer box's tolerance of 0{{gives}}.)", n=n, function=function,
                        v=v, value=right, gives=f", and of {gives}" if gives else "")
    # a slip meets the right answer there: exactly (at v = 0 tanh's three slips give its derivative, 1), or within
    # the box's tolerance
    exact = all(float(m.value) == right for m in exercise.mistakes if m.slip in taken)
    meets = "is exactly" if exact else "lies within the answer box's tolerance of"
    return show.tex(r" (Not at $v_{{n}}$: at $v_{{n}} = {{v}}$ the derivative, ${{value}}$, {{meets}} {{gives}}.)", n=n,
                    v=v, value=right, meets=meets, gives=gives)


def sigmoid_derivative(ex: Example) -> NumericExercise:
    return _sigmoid_derivative(ex, derivative_neuron("sigmoid-derivative", ex)[1])


def tanh_derivative(ex: Example) -> NumericExercise:
    return _tanh_derivative(ex, derivative_neuron("tanh-derivative", ex)[1])
