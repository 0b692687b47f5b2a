r"""Check my homework: a student's numbers for one iteration $n \to n+1$, step by step, against the right ones.

A student computes one online iteration by hand, in the order ``python -m backprop trace`` prints it:
the forward pass, the error and the cost, the four rules' updates, the new weights and biases, and then the
same input through the updated network. `check` takes their values for any of those steps and says, for
each, right or wrong; at the first wrong step it names the classic mistake(s) that give that value. A student
who has $v_1$ and $e$ right and $\Delta w_{41}$ with the wrong sign:

    >>> from backprop import examples, homework
    >>> net, x, d, eta = examples.NET, examples.X, examples.D, examples.ETA
    >>> right = homework.trace(net, x, d, eta)  # every step's right value, by name
    >>> report = homework.check(net, x, d, eta, {"v1": right["v1"], "e": right["e"], "dw41": -right["Δw41"]})
    >>> report.ok, report.first_wrong.name, [m.name for m in report.likely]
    (False, 'Δw41', ['updates-sign-flipped'])

**The steps** (`names`): for the slides' 2-3-1 network

    v1 v2 v3  y_h1 y_h2 y_h3  v4  y  e  E
    Δw41 Δw42 Δw43 Δb4  Δw11 Δw12 Δw21 Δw22 Δw31 Δw32  Δb1 Δb2 Δb3
    w41(n+1) w42(n+1) w43(n+1) b4(n+1)  w11(n+1) ... w32(n+1)  b1(n+1) b2(n+1) b3(n+1)
    y(n+1) E(n+1)

where $y(n+1)$ is the updated network's output for the same $x$ and $E(n+1) = \tfrac12 (d - y(n+1))^2$.
In a student's answers ``d`` may stand for ``Δ``: ``dw41``, ``db4``, and so may ``∆`` (U+2206, the increment sign
a Mac types with Option-J, which looks the same) (`ALIASES`).

**The checking rule** (`close`, `tolerance`, `carried_error`). A value is right when $|\text{given} - \text{right}| \le
10^{-6} + 10^{-5}\,|\text{right}| + c$ (`ATOL`, `RTOL`: the exercises' tolerance; six significant digits pass), and a
new weight or bias $\theta(n+1)$ when $|\text{given} - \text{right}| \le 10^{-6} + 10^{-5}\,|\Delta\theta| + c$, the
same rule measured against its update, as the exercises' boxes for a new value are: with a small step, a share of the
value itself would pass the value at time $n$, no update at all. $y(n+1)$ and $E(n+1)$ are measured the same way,
against their change from $y(n)$ and $E(n)$ (a reviewer's $y(n)$, given for $y(n+1)$ with a tansig output, passed). $c$
is the step's *carried error* (`carried_error`): how far, beyond its own last rounding, a value can be from the right
one when it is computed, as on paper, from the values before it written with six decimals. $10^{-6}$ alone is not enough
for that: with $\eta = 100$, $e = -0.000004$ (right: $-0.0000040745$) gives $\Delta b_4 = \eta\, e = -0.000400$ (right:
$-0.000407$). $c$ is 0 where nothing rounded is carried (the fields $v_i$ of the given numbers); it grows where a step
multiplies rounded values by large numbers, and within it the check sees no more than six decimals can: a slip that
changes a value by less is not caught, nor a missing update smaller than $10^{-6} + c$ in $\theta(n+1)$. The $c$ of
$y(n+1)$ and $E(n+1)$ is carried through the forward pass of the new weights. So six decimals always pass, whichever
values before were rounded and whichever were carried with more decimals. With fewer, a value the rule passed can be too
far off for a later step (a $y$ passed with five decimals, then the error $e$ from it), which is then wrong until the
values it uses are written with six decimals.
Steps are checked in trace order; at the first wrong step
the likely mistakes are those of `MISTAKES` whose value at that step matches the given one by the same rule
(with the mistake's value in place of the right one and the right value's $c$, and for a value at time $n+1$ its
change from time $n$), whose values at the steps given before it match those too (a slip that would have shown there
is not the student's), and that the rule can tell from the right value (`tells_apart`, with the same $c$: no number
is within the tolerance of both, so a value near $10^{-6} + c$, where the tolerance covers both signs, names no
mistake, and no slip is named whose value the right computation, carried with six decimals, can give). Where two
mistakes give the same value, both are named. If none does, the report says so, and names the slips that give the
value but not those given before it (`Report.contradicted`). A first wrong step written with
fewer than six decimals that the right value rounds to (`rounds_to`: $-0.412$ for $-0.41184$) is said to be that
(`Step.rounded`, `Report.rounded`), before any slip that gives the same number.

**The catalogue** (`MISTAKES`): each classic mistake is one function ``fn(net, x, d, eta)`` that computes the
whole trace (every step above) with that one slip and everything else right, so a slip early in the
iteration carries into every later step, as it does on paper. Each hint is written once, for any network
(`Mistake.hint_for`, `hint`): in that network's labels (the output neuron $n_\text{hidden} + 1$, $e_j = d_j - y_j$
for several outputs, the sum over its inputs) and with its output's $f'(v_j)$ where a rule has it; `check` gives the
hints for the network checked. The site's live page implements the same slips in JavaScript under the same names,
and its tests prove the two agree; its hints come from here, for each pair of activations it offers.
Every rule below is written with the local gradients

$$
\delta_j = e_j\, f'(v_j), \qquad \delta_i = f'(v_i) \sum_j \delta_j\, w_{ji}(n),
$$

$$
\Delta w_{ji} = \eta\, \delta_j\, y_{hi}, \quad \Delta b_j = \eta\, \delta_j \cdot 1, \quad
\Delta w_{ik} = \eta\, \delta_i\, x_k, \quad \Delta b_i = \eta\, \delta_i \cdot 1,
$$

$$
\theta(n+1) = \theta(n) + \Delta\theta(n),
$$

(for the slides' linear output $j = 4$, $f'(v_4) = 1$ and $\delta_4 = e$), and each slip changes one factor.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import ArrayLike

from . import _exact, examples, show
from ._carried import HALF_UNIT, carried_error
from ._checks import _is_number, check_count, check_finite_scalar, check_numeric_scalar, describe
from ._steps import builds_on
from .network import Network

# The steps (_trace) and the catalogue (_mistakes) live in their own modules. Their names are imported in the order
# the reference page should list them, not sorted: mkdocstrings lists re-exported names in the order of the import.
# isort: off
from ._trace import Trace, Updates, trace, names, Factors, right_factors, updates, iteration
from ._mistakes import (
    Mistake, Notation, NotApplicable,
    sign_flipped, updates_sign_flipped, no_eta, updated_output_weights, no_output_derivative, no_hidden_derivative,
    derivative_of_v, derivative_at_output,
    OTHER_DERIVATIVE, wrong_derivative, other_derivative_of_v, PLUS_SIGN, derivative_plus_sign, UNSQUARED,
    derivative_unsquared,
    output_for_derivative, wrong_output_derivative,
    output_for_output_derivative,
    no_output_weight, first_output_only, bias_input_x1, bias_input_x2,
    output_bias_with_y, rule1_uses_v, rule1_no_y, rule3_no_x, swapped_inputs,
    cost_for_error, cost_without_half, derivative_without_half, no_hidden_bias, no_output_bias, fields_for_outputs,
    other_hidden_activation,
    sigmoid_output, subtracted_update, no_update, delta_as_new_value, new_value_as_update,
    MISTAKES, mistake, hint,
)
# isort: on

# Over 300 lines because it is also the API reference's page for the homework check: the docstring above and this list
# of the names that page documents and re-exports (the steps, the catalogue of mistakes, the carried error) are about a
# third of it. The checking rule itself, its tolerance, steps, report and the naming of a slip, is one piece.
__all__ = [
    "ALIASES",
    "ATOL",
    "CARRIED_DECIMALS",
    "FEWER_DECIMALS",
    "HALF_UNIT",
    "MISTAKES",
    "OTHER_DERIVATIVE",
    "PLUS_SIGN",
    "RIGHT_WITH_FEWER",
    "RTOL",
    "UNSQUARED",
    "Factors",
    "Mistake",
    "NotApplicable",
    "Notation",
    "Report",
    "Step",
    "Trace",
    "Updates",
    "bias_input_x1",
    "bias_input_x2",
    "canonical",
    "carried_error",
    "check",
    "close",
    "cost_for_error",
    "cost_without_half",
    "decimals_of",
    "delta_as_new_value",
    "derivative_at_output",
    "derivative_of_v",
    "derivative_plus_sign",
    "derivative_unsquared",
    "derivative_without_half",
    "fields_for_outputs",
    "first_output_only",
    "hint",
    "iteration",
    "mistake",
    "names",
    "new_value_as_update",
    "no_eta",
    "no_hidden_bias",
    "no_hidden_derivative",
    "no_output_bias",
    "no_output_derivative",
    "no_output_weight",
    "no_update",
    "other_derivative_of_v",
    "other_hidden_activation",
    "output_bias_with_y",
    "output_for_derivative",
    "output_for_output_derivative",
    "read_answers",
    "right_factors",
    "rounded_message",
    "rounds_to",
    "rule1_no_y",
    "rule1_uses_v",
    "rule3_no_x",
    "sigmoid_output",
    "sign_flipped",
    "subtracted_update",
    "swapped_inputs",
    "tells_apart",
    "tolerance",
    "trace",
    "updated_output_weights",
    "updates",
    "updates_sign_flipped",
    "wrong_derivative",
    "wrong_output_derivative",
]

# The tolerance of the homework check and of the exercises (backprop.exercises imports it), and their rule for a new
# weight or bias (measured against its update): six decimals typed always pass, six significant digits wherever the
# tolerance grows with the value.
RTOL = 1e-5  # six significant digits typed pass (they round by at most 5e-6 of the value); a slip in the fourth
# decimal does not: 0.1 % passed a student's v4 = 2.010894 for 2.011894, then called the E worked out from it wrong
ATOL = 1e-6  # a unit in the sixth decimal, so a right value printed with six decimals passes with room to spare
ALIASES = {"d": "Δ", "\u2206": "Δ"}
"""Spellings accepted in a student's answers for the Greek ``Δ`` (U+0394) the trace prints: a leading ``d``
(``dw41``, ``db4``), and the increment sign ``∆`` (U+2206), which looks the same and is what a Mac types."""


def tolerance(to: float, at_n: float | None = None, carried: float = 0.0) -> float:
    r"""How far a given value may be from ``to``: `ATOL` $+$ `RTOL` $\cdot |\text{to}| + c$; for a value at time $n+1$
    (a new weight or bias, $y(n+1)$, $E(n+1)$), whose value at time $n$ is ``at_n``, `ATOL` $+$ `RTOL`
    $\cdot |\text{to} - \mathrm{at\_n}| + c$: a share of its change, so that the value at time $n$ (no update) is wrong
    wherever the change shows at six decimals. $c$ is
    ``carried``, the step's `carried_error` (0: the rule for a value computed from exact ones)."""
    return _tolerance(*_checked_values(to=to, at_n=at_n, carried=carried))


def _tolerance(to: float, at_n: float | None, carried: float) -> float:
    return ATOL + RTOL * abs(to if at_n is None else to - at_n) + carried


def _checked_values(carried: float, **values: float | None) -> tuple[float | None, ...]:
    """The public checking functions' numbers, in order, then ``carried``: each a real finite number (``at_n`` may be
    None), ``carried`` one >= 0; else an error naming it (``tolerance(nan)`` gave nan)."""
    checked: list[float | None] = []
    for name, value in values.items():
        if value is None and name == "at_n":
            checked.append(None)
            continue
        checked.append(check_finite_scalar(name, value))
    c = check_numeric_scalar("carried", carried)
    if not (math.isfinite(c) and c >= 0):
        raise ValueError(f"carried must be a finite number >= 0, got {c}")
    return (*checked, c)


def close(given: float, to: float, at_n: float | None = None, carried: float = 0.0) -> bool:
    r"""The checking rule: $|\text{given} - \text{to}| \le$ `ATOL` $+$ `RTOL` $\cdot |\text{to}| + c$, or for a value
    at time $n+1$ whose value at time $n$ is ``at_n``, $|\text{given} - \text{to}| \le$ `ATOL` $+$ `RTOL`
    $\cdot |\text{to} - \mathrm{at\_n}| + c$, with $c$ the step's ``carried`` error (`tolerance`, `carried_error`)."""
    return _close(*_checked_values(given=given, to=to, at_n=at_n, carried=carried))


def _close(given: float, to: float, at_n: float | None, carried: float) -> bool:
    return abs(given - to) <= _tolerance(to, at_n, carried)


_DECIMAL_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?")  # a number as typed: 0.41, -.5, 1.5e-3


def decimals_of(value: float | str) -> int:
    """The decimals a number is written with: of its text (``"0.410000"`` -> 6, ``"1.5e-3"`` -> 4), or of a float's
    shortest form (Python's ``repr``, JavaScript's ``String``: ``0.412`` -> 3, ``1e-05`` -> 5, ``2.0`` -> 0), which
    has lost any trailing zeros typed; a numpy float of another precision by its own shortest form (float32's
    ``-0.291`` -> 3, where its double ``-0.29100000858306885`` has 17)."""
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]  # np.array(0.3), as an answer may be given: its scalar, of its own precision
    if isinstance(value, str):
        text = value.strip().lower()
        if not _DECIMAL_TEXT.fullmatch(text):  # float() takes "nan", "inf" and "1_0.5" too
            raise ValueError(f"decimals_of: {value!r} is not a number as text")
    elif isinstance(value, np.floating):
        check_finite_scalar("decimals_of's value", value)  # np.float32("nan") too
        text = np.format_float_scientific(value, unique=True, trim="-")
    else:
        text = repr(check_finite_scalar("decimals_of's value", value))
    mantissa, _, exponent = text.partition("e")
    decimals = mantissa.partition(".")[2]
    return max(0, len(decimals if isinstance(value, str) else decimals.rstrip("0")) - int(exponent or 0))


def rounds_to(given: float, to: float, decimals: int, carried: float = 0.0) -> bool:
    r"""Whether ``given``, not 0 and written with one to five ``decimals`` (`decimals_of`), is ``to`` rounded to
    them: no further from it than half a unit of its last decimal, widened by the step's ``carried`` error (the
    $-0.412$ of $-0.41184$; 0, or a whole number, keeps no digit of a value below 1 to compare)."""
    given, to, carried = _checked_values(given=given, to=to, carried=carried)
    return _rounds_to(given, to, check_count("decimals", decimals, least=0), carried)


def _rounds_to(given: float, to: float, decimals: int, carried: float) -> bool:
    return (given != 0 and 1 <= decimals < show.DECIMALS
            and abs(given - to) <= 0.5 * 10.0**-decimals * (1 + 1e-9) + carried)


def rounded_message(decimals: int) -> str:
    """What a wrong value that is the right one rounded to ``decimals`` (`Step.rounded`) gets, before any slip: the
    command line and the live page print it."""
    return (f"That is the right value rounded to {decimals} decimal{'' if decimals == 1 else 's'}: give six, and work "
            "from the values before it written with six (with fewer, a classic slip could round to the same number).")


CARRIED_DECIMALS = ("Values before it with fewer than six decimals ({values}) carry their rounding into it: work them "
                    "out with six.")
"""What a first wrong value no slip gives, and that is no rounding of the right one, gets after "no classic mistake
gives this value" (`Report.decimals_advice`): where values given before it lose digits to fewer than six decimals
({values}: "e = -1.011"), their rounding carried into it; where it has fewer itself, that six let a slip show, if it
was rounded (a homework review: a value written by json.dump, whose sixth decimal was 0, had been rounded by no one)."""
FEWER_DECIMALS = ("It is written with fewer than six decimals. If you rounded it, give six: with six, the check could "
                  "name a classic slip, if one gives it. (A program that drops a value's trailing zeros, as json.dump "
                  "does, has rounded nothing.)")
RIGHT_WITH_FEWER = ("But not to six decimals: {values}. The check's tolerance passes six significant digits; give six "
                    "decimals, and work from values written with six: with fewer, a classic slip could round to the "
                    "same number.")
"""What a check with no wrong value adds after "right" where values given with fewer than six decimals lose digits of
their right values (`Report.fewer_advice`; {values}: "v4 = 12.3457 for 12.345678"): the tolerance passes six
significant digits, but they are not the six decimals asked for (a student found "passes them, as it must pass values
worked out from six-decimal ones" confusing of values worked out from four; a reviewer's
v4, off in its third decimal, was told "All 3 given values are right" and nothing more, under the 0.1 % of then)."""


def _loses_digits(step: Step) -> bool:
    """Whether a given step is written with fewer than six decimals that lose digits of its right value: more than
    half a unit of the sixth decimal, and its carried error, from it (0.3 for 0.3 loses none)."""
    return step.decimals < show.DECIMALS and abs(step.given - step.expected) > HALF_UNIT + step.carried


def _is_new_parameter(name: str) -> bool:
    """Whether a step is a new weight or bias, ``w41(n+1)``, ``b1(n+1)``: not ``y(n+1)`` or ``E(n+1)``."""
    return name.endswith("(n+1)") and name[:1] in ("w", "b")


def _is_next(name: str) -> bool:
    """Whether a step is a value at time n+1, measured against its change from time n: a new weight or bias,
    ``y(n+1)`` (``y4(n+1)``, ...) or ``E(n+1)``."""
    return name.endswith("(n+1)")


def tells_apart(a: float, b: float, at_n: float | None = None, carried: float = 0.0) -> bool:
    r"""Whether the checking rule tells ``a`` from ``b``: no number is within the tolerance of both (`close`), i.e.
    $|a - b| >$ `tolerance`$(a) +$ `tolerance`$(b)$: 2 `ATOL` $+$ `RTOL` $(|a| + |b|) + 2c$, or for a new weight or
    bias whose value at time $n$ is ``at_n`` 2 `ATOL` $+$ `RTOL` $(|a - \mathrm{at\_n}| + |b - \mathrm{at\_n}|) + 2c$,
    with $c$ the step's ``carried`` error. A mistake is named only where its value is told from the right one: not where
    a student carrying six decimals could reach it without the slip.
    """
    return _tells_apart(*_checked_values(a=a, b=b, at_n=at_n, carried=carried))


def _tells_apart(a: float, b: float, at_n: float | None, carried: float) -> bool:
    return abs(a - b) > _tolerance(a, at_n, carried) + _tolerance(b, at_n, carried)


@dataclass(frozen=True)
class Step:
    """One step of the trace: its right value, the student's (None if not given), and whether it is right."""

    name: str
    expected: float
    given: float | None
    #: For a value at time n+1 (``w41(n+1)``, ``y(n+1)``, ``E(n+1)``) its value at time $n$, which its tolerance is
    #: measured from (`tolerance`); None for the other steps.
    at_n: float | None = None
    #: How far a value computed from six-decimal values before it can be off, beyond its own rounding
    #: (`carried_error`): what the step's tolerance is widened by.
    carried: float = 0.0
    #: The decimals the student wrote the value with (`decimals_of`: of the text where it is known, else of the
    #: float's shortest form); 0 for a step not given.
    decimals: int = 0
    #: Whether the step's value by hand is nothing (0, or its value at time $n$) though its double is not: the terms of
    #: $v_1 = 0.1 + 0.2 - 0.3$ are 0 by hand, $5.6 \cdot 10^{-17}$ in floating point (`backprop._exact`).
    nothing_by_hand: bool = False

    @property
    def right(self) -> bool | None:
        """True or False for a given value (by `close`), None for a step not given."""
        return None if self.given is None else _close(self.given, self.expected, self.at_n, self.carried)

    @property
    def rounded(self) -> int | None:
        """For a wrong given value that is the right one rounded to fewer than six decimals (`rounds_to`), those
        decimals; else None."""
        if self.right is not False or not _rounds_to(self.given, self.expected, self.decimals, self.carried):
            return None
        if self.at_n is not None and _rounds_to(self.given, self.at_n, self.decimals, self.carried):
            return None  # the value at time n rounded too: the decimals given cannot show the update (no update)
        return self.decimals

    @property
    def undecided(self) -> bool:
        r"""Whether the check cannot tell this step's right value from none: 0 for a step, the value at time $n$ for
        a new weight or bias, is within its tolerance too. A large $\eta$ can widen the `carried_error` that far (six
        decimals of the values before a step then leave it anywhere near 0), so "right" says little there."""
        if self.expected == self._nothing or self.nothing_by_hand:  # then nothing is the right value
            return False
        return self.passes_for_nothing

    @property
    def _nothing(self) -> float:
        """What no work gives: 0 for a step, the value at time $n$ for a new weight or bias, y(n+1) or E(n+1)."""
        return 0.0 if self.at_n is None else self.at_n

    @property
    def passes_for_nothing(self) -> bool:
        """Whether nothing (`_nothing`) is within this step's tolerance of its right value: where it is, a number
        that equals the right value tells nothing of the work done (`undecided`, `Report.same_as`)."""
        return _close(self._nothing, self.expected, self.at_n, self.carried)


@dataclass(frozen=True)
class Report:
    """What `check` found: every step in trace order, the first wrong one, and the mistakes that explain it."""

    steps: tuple[Step, ...]
    #: The first given step that is wrong, in trace order; None when every given value is right.
    first_wrong: Step | None
    #: The catalogue's mistakes whose value at ``first_wrong`` matches the given one and is told from the right one
    #: (`tells_apart`); all of them where several give that value.
    likely: tuple[Mistake, ...]
    #: The network checked: the hints are written for it, in its labels (None: for the worked example).
    net: Network | None = field(default=None, repr=False, compare=False)
    #: The mistakes whose value at ``first_wrong`` matches the given one but lies too near the right one for the rule
    #: to tell apart: a slip this could be, which the check cannot name.
    near: tuple[Mistake, ...] = ()
    #: Where ``first_wrong`` is the right value rounded to fewer than six decimals (`Step.rounded`): those decimals
    #: (`rounded_message` says it, before any slip in ``likely`` that gives the same number). None otherwise.
    rounded: int | None = None
    #: For each slip of ``likely`` and ``near`` that does not give a later given step the value given there: the
    #: first such step and the slip's value there, ``(slip name, step name, value)`` (a reviewer's Δw11 with η twice,
    #: where η = x_2, was named swapped-inputs, which their Δw12 ruled out). Those slips come last in ``likely``.
    unexplained: tuple[tuple[str, str, float], ...] = ()
    #: The other steps whose right value ``first_wrong``'s given one is (within its tolerance, and told from its own
    #: right value): written under the wrong step, or copied (Δw41's update as Δw42's); empty where none is.
    same_as: tuple[str, ...] = ()
    #: Where no slip is ``likely`` or ``near``: each slip that gives ``first_wrong``'s value but would have shown at a
    #: step given before it (its value there told from the right one, which was given), ``(slip name, that step, the
    #: slip's value there)`` (a reviewer read "no classic mistake" where updated-output-weights gave their Δw21,
    #: which their right Δw12 ruled out).
    contradicted: tuple[tuple[str, str, float], ...] = ()

    @property
    def decimals_advice(self) -> str:
        """Where no slip explains the first wrong value and it is no rounding of the right one (`rounded`): the given
        steps before it written with fewer than six decimals that lose digits of their right values (0.3 for 0.3
        loses none), named as written (`CARRIED_DECIMALS`), and whether it has fewer itself (`FEWER_DECIMALS`); ""
        where neither holds."""
        wrong = self.first_wrong
        if wrong is None or self.rounded is not None or self.likely or self.near:
            return ""
        before = self.given[:self.given.index(wrong)]
        lossy = [f"{s.name} = {s.given:.{s.decimals}f}" for s in before if _loses_digits(s)]
        said = [CARRIED_DECIMALS.format(values=", ".join(lossy))] if lossy else []
        return " ".join([*said, *([FEWER_DECIMALS] if wrong.decimals < show.DECIMALS else [])])

    @property
    def fewer_advice(self) -> str:
        """Where every given value is right: those written with fewer than six decimals that lose digits of their
        right values (`_loses_digits`), each as written and with its right value to six decimals
        (`RIGHT_WITH_FEWER`); "" where there are none, or where a value is wrong (`decimals_advice` speaks there)."""
        if self.first_wrong is not None:
            return ""
        lossy = [f"{s.name} = {s.given:.{s.decimals}f} for {show.num(s.expected)}" for s in self.given
                 if _loses_digits(s)]
        return RIGHT_WITH_FEWER.format(values=", ".join(lossy)) if lossy else ""

    @property
    def hints(self) -> tuple[str, ...]:
        """The hints of ``likely``, in its order, written for the checked network (`Mistake.hint_for`)."""
        return self._hints(self.likely)

    @property
    def near_hints(self) -> tuple[str, ...]:
        """The hints of ``near``, in its order, written for the checked network: what each slip would be."""
        return self._hints(self.near)

    def _hints(self, mistakes: tuple[Mistake, ...]) -> tuple[str, ...]:
        return tuple(m.hint_for(self.net) for m in mistakes)

    @property
    def given(self) -> tuple[Step, ...]:
        """The steps the student gave, in trace order."""
        return tuple(s for s in self.steps if s.given is not None)

    @property
    def ok(self) -> bool:
        """Whether every given value is right."""
        return self.first_wrong is None

    @property
    def after_first_wrong(self) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
        """The given steps after the first wrong one, in trace order, in two: those not computed from it (`builds_on`:
        Δw43 after a wrong Δw42), judged on their own, and those computed from it (w42(n+1), y(n+1), E(n+1)), into
        which a wrong value there carries (E stays right after a sign-flipped e: ½e² has no sign), so that they are
        not judged; both empty where no value is wrong."""
        if self.first_wrong is None:
            return (), ()
        net = examples.site_network() if self.net is None else self.net
        carried_into = builds_on(self.first_wrong.name, net.n_in, net.n_hidden, net.n_out)
        later = self.given[self.given.index(self.first_wrong) + 1:]
        return (tuple(s for s in later if s.name not in carried_into),
                tuple(s for s in later if s.name in carried_into))

    def to_dict(self) -> dict[str, object]:
        """Plain data (for JSON): the given steps, the first wrong one and its likely mistakes with their hints for the
        checked network."""
        return {
            "ok": self.ok,
            "steps": [{"name": s.name, "expected": s.expected, "given": s.given, "right": s.right}
                      for s in self.given],
            "first_wrong": None if self.first_wrong is None else self.first_wrong.name,
            "rounded": self.rounded,
            "decimals_advice": self.decimals_advice,
            "fewer_advice": self.fewer_advice,
            "likely": [{"name": m.name, "hint": hint} for m, hint in zip(self.likely, self.hints, strict=True)],
            "near": [m.name for m in self.near],
            # the given steps after first_wrong computed from it, into which a wrong value there carries: not judged
            "computed_from_first_wrong": [s.name for s in self.after_first_wrong[1]],
            "unexplained": [{"slip": slip, "step": step, "gives": value} for slip, step, value in self.unexplained],
            "same_as": list(self.same_as),
            "contradicted": [{"slip": slip, "step": step, "gives": value} for slip, step, value in self.contradicted],
        }


def canonical(name: str) -> str:
    """A step name as the trace prints it: ``dw41`` -> ``Δw41``, ``db4`` -> ``Δb4``, ``∆w41`` (U+2206) -> ``Δw41``
    (`ALIASES`); others unchanged."""
    if not isinstance(name, str):
        raise TypeError(f"a step name must be text, such as 'dw41', got {describe(name)}")
    for ascii_, symbol in ALIASES.items():
        rest = name[len(ascii_):]
        if name.startswith(ascii_) and rest[:1] in ("w", "b") and not rest.endswith("(n+1)"):
            return symbol + rest
    return name


def read_answers(answers: Mapping[str, object], known: tuple[str, ...]) -> dict[str, float]:
    """A student's answers by trace name, checked: step names known (``d`` for ``Δ`` allowed), each given once,
    values real finite numbers (a 0-d numpy array is one, as for ``eta``), at least one. Errors name the step and the
    problem."""
    if not isinstance(answers, Mapping):
        raise TypeError(f"the answers must be an object of step names and numbers, not a {type(answers).__name__}")
    if isinstance(known, str):  # its names are tested with `in`: a string would take any part of itself for a name
        raise TypeError(f"known must be a tuple of step names, not the text {known!r}")
    if not answers:
        raise ValueError(f"no answers: give a value for at least one of the steps {', '.join(known)}")
    step_names = {name: canonical(name) if isinstance(name, str) else name for name in answers}
    unknown = [name for name, step_name in step_names.items() if step_name not in known]
    if unknown:  # all of them at once: a reviewer's file with three misspelt names took three runs
        named = ", ".join(f"{name!r}{f' (did you mean {meant!r}?)' if meant else ''}"
                          for name in unknown for meant in [_meant(name, known) if isinstance(name, str) else None])
        raise ValueError(f"unknown step{'s' if len(unknown) > 1 else ''} {named}; the steps are {', '.join(known)} "
                         "('d' may stand for 'Δ': 'dw41')")
    found: dict[str, float] = {}
    spelled: dict[str, str] = {}
    for name, value in answers.items():
        step_name = step_names[name]
        if step_name in found:
            raise ValueError(f"step {step_name!r} is given twice, as {spelled[step_name]!r} and {name!r}")
        if isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iuf":
            value = value.item()  # np.array(0.3): a number, as eta may be one
        if not _is_number(value):  # a Decimal is one, as for eta; a bool, text or None not (named as JSON would)
            raise TypeError(f"step {name!r} must be a number, got {_kind(value)}")
        found[step_name], spelled[step_name] = check_finite_scalar(f"step {name!r}", value), name
    return found


def _kind(value: object) -> str:
    """What a value that is no number is, for `read_answers`' error, in the words of a JSON file too (a reviewer read
    "got NoneType: None" for a file's ``null``)."""
    if isinstance(value, str):  # "0,5" or "−0.5" (the pages' minus): without the quotes no JSON number either
        plain, fixes = value.strip(), []
        if re.search("[\u2212\u2013]", plain):  # the pages' minus, or a word processor's en dash
            plain, fixes = re.sub("[\u2212\u2013]", "-", plain), [*fixes, "an ASCII minus -"]
        if re.fullmatch(r"[-+]?\d+,\d+(?:[eE][-+]?\d+)?", plain):
            plain, fixes = plain.replace(",", "."), [*fixes, "a decimal point"]
        if fixes and re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", plain):
            return f"text: {value!r} (write {plain}, with {' and '.join(fixes)} and no quotes)"
        return f"text (write the number without quotes): {value!r}"
    if value is None or isinstance(value, bool):
        return f"{value} ({json.dumps(value)} in a JSON file)"
    if isinstance(value, (list, dict)):  # [0.5] or {"value": 0.5}: one number, not a list or a JSON object of them
        json_word = "an array" if isinstance(value, list) else "an object"
        return f"{type(value).__name__}: {value!r} ({json_word} in a JSON file; give one number)"
    return f"{type(value).__name__}: {value!r}"


_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")  # Δw₄₁ as a page writes it


def _spelled(name: str, times: bool = True) -> str:
    """A step name without what a student varies in writing it: spaces, underscores, TeX's braces, the case of every
    letter but e and E (the error and the cost), "delta", "d" or "∆" for Δ at the start (``"dw_41"``, ``"DW41"``,
    ``"Δ w41"``, ``"delta_w41"`` all read ``"Δw41"``), and the time: ``(n)`` or ``(0)`` at the end for time n, which
    the steps leave out (a reviewer's ``"E(n)"`` was taken for ``"E(n+1)"``), ``(1)`` for ``(n+1)``; without
    ``times``, the time as written."""
    plain = "".join(c if c in "eE" else c.lower() for c in re.sub(r"[ \t_{}]", "", name).translate(_DIGITS))
    if times:  # time n as a page writes it, E(n) or Δw41(0), is a plain step's; w41(1), n+1 after n = 0, a new value's
        plain = re.sub(r"\(1\)$", "(n+1)", re.sub(r"\((?:n|0)\)$", "", plain))
    for prefix in ("delta", "d", "\u2206", "δ"):  # "δ": Δ lowered
        if plain.startswith(prefix) and plain[len(prefix):][:1] in ("w", "b"):
            return "Δ" + plain[len(prefix):]
    return plain


def _meant(name: str, known: tuple[str, ...]) -> str | None:
    """The step an unknown ``name`` most likely means (a reviewer's "dw_41", "yh1", "w41(n + 1)" got only the list of
    38 names): the one it reads as with `_spelled`, else the one closest by `difflib`'s ratio (a letter off, at least
    0.8) among the updates Δ if it is one, the other steps if not; None where two are as close (e(n+1): y(n+1) or
    E(n+1))."""
    spelled = _spelled(name)
    by_spelling = {_spelled(k): k for k in known if _spelled(k).startswith("Δ") == spelled.startswith("Δ")}
    if spelled in by_spelling:
        return by_spelling[spelled]
    # the closest by letters, of the name with its time as written: "x(1)" read as "x(n+1)" was "E(n+1)" (a review)
    as_written = _spelled(name, times=False)
    scores = sorted(((difflib.SequenceMatcher(None, as_written, k).ratio(), k) for k in by_spelling), reverse=True)
    if not scores or scores[0][0] < 0.8 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return by_spelling[scores[0][1]]


def _read_written(written: Mapping[str, str] | None, values: dict[str, object],
                  given: dict[str, float]) -> dict[str, str]:
    """The texts ``written`` gives for the answers (`check`), by trace name, checked: a mapping, each name a step
    answered (``values``: each answer as given, by trace name; ``given``: as `read_answers` read it) and each text
    that value written out (as a double, or in the answer's own numpy precision). Errors name ``written``, the step
    and the problem."""
    if written is None:
        return {}
    if not isinstance(written, Mapping):
        raise TypeError(f"written must map step names to the answers' texts, not a {type(written).__name__}")
    texts: dict[str, str] = {}
    spelled: dict[str, object] = {}
    for name, text in written.items():
        step_name = canonical(name) if isinstance(name, str) else name
        if step_name not in given:
            raise ValueError(f"written gives {name!r}, which is no step of the answers ({', '.join(given)})")
        if step_name in spelled:
            raise ValueError(f"written gives {step_name!r} twice, as {spelled[step_name]!r} and {name!r}")
        spelled[step_name] = name
        if not isinstance(text, str):
            raise TypeError(f"written[{name!r}] must be the text of the answer, got {type(text).__name__}: {text!r}")
        value = values[step_name]
        floating = isinstance(value, np.floating | np.ndarray) and value.dtype.kind == "f"
        precision = value.dtype.type if floating else float  # float32's 0.5 is written "0.5"
        try:
            same = float(text) == given[step_name] or precision(text) == value
        except ValueError:
            raise ValueError(f"written[{name!r}] is {text!r}, not a number") from None
        if not same:
            raise ValueError(f"written[{name!r}] is {text!r}, but the answer for {step_name!r} is {value!r}")
        texts[step_name] = text
    return texts


def _zero_by_hand(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> dict[str, bool]:
    """Each step of the iteration by hand (`backprop._exact`): whether it is 0; empty for an activation with no exact
    formula."""
    exact = _exact.iteration(net, x, d, eta)
    return {} if exact is None else {name: value == 0 for name, value in exact.items()}


def check(net: Network, x: ArrayLike, d: ArrayLike, eta: float, answers: Mapping[str, object],
          written: Mapping[str, str] | None = None) -> Report:
    r"""Check a student's values for any steps of one iteration of ``net`` on the sample ``x``, ``d``, ``eta``.

    Parameters
    ----------
    net : Network
        The network at time $n$.
    x : array_like, shape (n_in,)
        The input $x(n)$.
    d : float or array_like, shape (n_out,)
        The desired output $d(n)$; a number for a network with one output.
    eta : float
        The learning rate $\eta > 0$.
    answers : mapping
        Step name (as `trace` names it, or with ``d`` for ``Δ``) to the student's value.
    written : mapping, optional
        Step name (as in ``answers``) to the value's text as the student typed it, for its decimals (``"0.410000"``
        has six, the float 0.41 two: `decimals_of`); where not given, the float's.

    Returns
    -------
    Report
        Every step with its right and given value, each judged by `close` (a new value's tolerance measured against
        its change from time $n$, each step's widened by its `carried_error`); the first wrong given step in trace
        order; the catalogue's
        mistakes whose value there is within the tolerance of the given one and told apart from the right one
        (`tells_apart`), and whose values at the steps given before it are within the tolerance of those (empty when
        no classic mistake gives them), with their hints written for ``net`` (``Report.hints``); those that do not give
        a step given after it come last, with that step (``Report.unexplained``); the steps whose right value the
        wrong one is (``Report.same_as``); and, where no mistake is named, those that give the wrong value but would
        have shown at a step given before it (``Report.contradicted``).

    Raises
    ------
    ValueError, TypeError
        An unknown step name (the message lists the known ones), a step given twice, a value that is not a finite
        number, or no answers at all; ``written`` that is not a mapping of the answers' steps to their values' texts
        (named with the step and the problem).
    FloatingPointError
        An iteration that overflows (`trace`): the message names its first step beyond a double's range.
    """
    expected = trace(net, x, d, eta)
    given = read_answers(answers, tuple(expected))
    # the new weights' and biases' steps at time n: θ(n), under their (n+1) names (an iteration that keeps θ(n))
    kept = iteration(net, x, d, eta, new_value=lambda old, delta: old)
    carried = carried_error(net, x, d, eta)  # each step's tolerance widened by it, the slips' too
    values = {canonical(name) if isinstance(name, str) else name: value for name, value in answers.items()}
    texts = _read_written(written, values, given)
    steps = tuple(Step(name, value, given.get(name), kept[name] if _is_next(name) else None, carried[name],
                       0 if name not in given else decimals_of(texts.get(name, values[name])))
                  for name, value in expected.items())
    if any(s.given is not None and s.undecided for s in steps):  # only then the iteration by hand can tell
        zero = _zero_by_hand(net, x, d, eta)
        # nothing by hand: a step 0, a new weight or bias its update 0, y(n+1) and E(n+1) every update 0 (no change)
        unchanged = bool(zero) and all(v for name, v in zero.items() if name.startswith("Δ"))
        steps = tuple(replace(s, nothing_by_hand=zero.get(f"Δ{s.name.removesuffix('(n+1)')}", False)
                              if _is_new_parameter(s.name) else unchanged if _is_next(s.name)
                              else zero.get(s.name, False))
                      for s in steps)
    first_wrong = next((s for s in steps if s.right is False), None)
    if first_wrong is None:
        return Report(steps, None, (), net)
    likely: list[Mistake] = []
    near: list[Mistake] = []
    unexplained: dict[str, tuple[str, str, float]] = {}
    contradicted: list[tuple[str, str, float]] = []
    at = steps.index(first_wrong)
    before = tuple(s for s in steps[:at] if s.given is not None)
    later = tuple(s for s in steps[at + 1:] if s.given is not None)
    for m in MISTAKES:
        values = _gives(m, first_wrong, net, x, d, eta)
        if values is None:
            continue
        shown = next((s for s in before if not _close(s.given, values[s.name], s.at_n, s.carried)), None)
        if shown is not None:  # a slip that would have shown at a step the student got right is not theirs
            # said where its value there is told from the right one: a slip's value within the tolerance of the right
            # one there would not have shown (a diff review: x_2 = 2e-5, whose Δw_i2 are tiny)
            if _tells_apart(values[shown.name], shown.expected, shown.at_n, shown.carried):
                contradicted.append((m.name, shown.name, values[shown.name]))
            continue
        told = _tells_apart(values[first_wrong.name], first_wrong.expected, first_wrong.at_n, first_wrong.carried)
        (likely if told else near).append(m)
        missed = next((s for s in later if not _close(s.given, values[s.name], s.at_n, s.carried)), None)
        if missed is not None:
            unexplained[m.name] = (m.name, missed.name, values[missed.name])
    likely.sort(key=lambda m: m.name in unexplained)  # stable: the catalogue's order within each
    # another step's right value, not one that nothing passes for: 0 (a Δw_i2 with x_2 = 0), or for a new weight or
    # bias its value at time n (w_i2(n+1) = w_i2(n) there, a given number, not a step worked out: a diff review)
    told_apart = _tells_apart(first_wrong.given, first_wrong.expected, first_wrong.at_n, first_wrong.carried)
    same_as = tuple(s.name for s in steps if s is not first_wrong and not s.passes_for_nothing
                    and _close(first_wrong.given, s.expected, s.at_n, s.carried)) if told_apart else ()
    return Report(steps, first_wrong, tuple(likely), net, tuple(near), first_wrong.rounded,
                  tuple(unexplained[m.name] for m in (*likely, *near) if m.name in unexplained), same_as,
                  () if likely or near else tuple(contradicted))


def _gives(m: Mistake, wrong: Step, net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> Trace | None:
    """Mistake ``m``'s whole trace where it gives the student's value at ``wrong``, else None. `check` then asks
    whether it gives their values at the steps before it (all right) too: a slip that would have shown at a step the
    student got right is not theirs (a right Δw41 and then w41 - Δw41 is a subtracted update, not a flipped sign,
    which would have flipped Δw41 as well). It names it where the checking rule tells that value from the right one
    (`tells_apart`)."""
    try:
        values = m.fn(net, x, d, eta)
    except NotApplicable:
        return None
    except (OverflowError, FloatingPointError):  # the slip passes a double's range in a registered formula
        return None  # (math.exp(1000) raises, where numpy gives inf): no student wrote that
    value = values[wrong.name]
    if not math.isfinite(value):  # the slip overflows here (`iteration`): no student wrote that
        return None
    return values if _close(wrong.given, value, wrong.at_n, wrong.carried) else None
