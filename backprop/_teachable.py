"""What makes a worked example one the site's pages can teach with: the checks `backprop.examples` runs on every
example file, the worked example and the practice example alike, each refusing with a message that names the file,
the field and the value, and says what to change.

* `check_example`: no output equal to $d$, or so close that the cost $E = e^2/2$ prints with fewer than three
  significant digits (`MIN_COST`); no hidden neuron saturated to $f'(v_i) = 0$, or to a slope from its output
  that is rounding; no value the pages print (every step of the iteration, the slopes, the local gradients and the
  gradients) whose double prints a digit its value by hand (`backprop._exact`) has not (terms that cancel; a field 0
  by hand whose output keeps the double's rounding, tanh's); no given number with more decimals
  than the pages print; no number of the iteration of `MAX_PRINTED` ($10^9$) or more, where the pages' decimals would
  be more digits than a double holds.
* `check_worked`: not every output weight $w_{4i} = 0$ in the worked example, or no error reaches the hidden layer and
  the pages on rules (3) and (4), the gradient check and the common mistakes have nothing to show.
* `check_practice`: no practice neuron whose field $v$ prints as a field of the worked example's, or an exercise
  would ask for a number the derivation pages print; and not every hidden weight's gradient 0 (an input of (0, 0),
  or every output weight 0), or the exercises on the hidden weights would have nothing to find.
"""

from __future__ import annotations

import os
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from typing import TYPE_CHECKING

import numpy as np

from . import _exact, activations, labels, rules, show
from ._checks import require_normal
from ._trace import trace
from .activations import Array
from .gradcheck import PARAMETERS, analytic_gradient
from .network import Network, forward
from .show import DECIMALS

if TYPE_CHECKING:
    from .examples import Example

#: The smallest cost E = e^2/2 a worked example may have, as printed: three significant digits at the pages' 6 decimals,
#: enough for the costs, and their falls and ratios, that the pages print and read.
MIN_COST = 1e-4
#: The size from which a number has more than the 15 significant digits a double holds when printed with the pages'
#: `DECIMALS` decimals (10^9): an example whose iteration reaches it is refused.
MAX_PRINTED = 10.0 ** (15 - DECIMALS)


def check_example(net: Network, x: Array, d: float, eta: float, where: str) -> None:
    """Raise ValueError, its message starting with ``where`` (the file and entry), unless the pages can teach with
    ``net`` at ``x``, ``d`` and ``eta`` (the module's list)."""
    _check_not_degenerate(net, x, d, where)
    _check_given(net, x, d, eta, where)
    _check_zero_fields(net, x, where)
    _check_printable(net, x, d, eta, where)
    _check_digits_hold(net, x, d, eta, where)


def check_worked(example: Example, path: str | os.PathLike[str]) -> None:
    r"""Refuse a worked example whose output weights are all 0: every hidden gradient, the weights'
    $\partial E/\partial w_{ik} = -e\, f'(v_4)\, w_{4i}\, f'(v_i)\, x_k$ and the biases', is then 0, and the pages
    on rules (3) and (4), the gradient check and the common mistakes would show zeros only (the strict build stopped
    at a sentence of the common-mistakes page, naming a cause that was not it)."""
    if np.any(example.net.w_output):
        return
    raise ValueError(f"example file {os.fspath(path)!r}: every output weight w_4i is 0, so no error reaches the hidden "
                     f"layer: every hidden weight and bias gets a gradient of 0, and the pages on rules (3) and (4), "
                     f"the gradient check and the common mistakes would have nothing to show; give at least one "
                     f"w_4i a value other than 0")


def check_practice(example: Example, practice: Example, path: str | os.PathLike[str], has_entry: bool,
                   default_file: str | os.PathLike[str]) -> None:
    """Raise ValueError unless every field $v$ of ``practice`` prints unlike every field of ``example`` (the file
    ``path``'s); the message says to change the file's practice entry or, when it has none (``has_entry``), to add one
    instead of falling back on ``default_file``'s."""
    _check_hidden_weights_learn(practice, path)
    alike = _printed_alike(example, practice)
    if alike:
        fix = ("give 'practice' other weights or another x" if has_entry else
               f"the file has no 'practice' entry, so it gets the practice example of "
               f"{os.fspath(default_file)!r}: add a 'practice' entry of its own (the same format as the example)")
        shared = [(n, v) for n, m, v in alike if n == m]
        if shared:
            same = ("is the worked example itself" if _same(example, practice) else
                    "shares neurons with the worked example")
            fields = ", ".join(f"v_{n} = {show.num(v)}" for n, v in shared)
            raise ValueError(f"example file {os.fspath(path)!r}: the practice example {same}: it gives "
                             f"{'neuron' if len(shared) == 1 else 'neurons'} {', '.join(str(n) for n, _ in shared)} "
                             f"the fields the pages print ({fields}), so the exercises' answers for "
                             f"{'it' if len(shared) == 1 else 'them'} would be on the derivation pages; {fix}")
        fields = ", ".join(f"its v_{n} = {show.num(v)} is the worked example's v_{m}" for n, m, v in alike)
        raise ValueError(f"example file {os.fspath(path)!r}: the practice example gives a neuron the field the pages "
                         f"print for another neuron of the worked example ({fields}), so the exercises' answers for "
                         f"{'it' if len(alike) == 1 else 'them'} would be on the derivation pages; {fix}")


def _check_hidden_weights_learn(practice: Example, path: str | os.PathLike[str]) -> None:
    r"""Refuse a practice example on which every hidden weight's gradient $\partial E/\partial w_{ik} = -e\, f'(v_4)\,
    w_{4i}\, f'(v_i)\, x_k$ is 0 (an input of (0, 0), or every $w_{4i} = 0$): the exercises on the hidden weights
    (6, 9 and 11) would ask for updates and slopes that are all 0, and the gradient check would check nothing."""
    fp = forward(practice.net, practice.x)
    if np.any(rules.delta_w_hidden(fp, practice.d, 1.0)):
        return
    why = "x = (0, 0)" if not np.any(practice.x) else "every output weight w_4i is 0"
    raise ValueError(f"example file {os.fspath(path)!r}: the practice example gives every hidden weight w_ik a "
                     f"gradient of 0 ({why}), so the exercises on the hidden weights (6, 9 and 11) would have nothing "
                     f"to find; give 'practice' an input with a nonzero x_k and a nonzero output weight")


def _same(a: Example, b: Example) -> bool:
    """Whether two examples have the same network, activations and sample (so the same numbers everywhere)."""
    return a.net.to_dict() == b.net.to_dict() and (a.d, a.eta) == (b.d, b.eta) and np.array_equal(a.x, b.x)


def _printed_alike(worked: Example, practice: Example) -> list[tuple[int, int, float]]:
    """(n, m, v) of every neuron n of ``practice`` (hidden 1..3, then the output 4) whose field $v$ prints as the field
    of neuron m of ``worked`` does, the same neuron or another: the exercises would ask for a number the derivation
    pages print (a hidden neuron's output and slope are functions of $v$), whatever $d$ and $\\eta$."""
    vw, vp = (np.concatenate([fp.v_hidden, fp.v_output]) for fp in (forward(ex.net, ex.x) for ex in (worked, practice)))
    return [(n, m, float(u)) for n, u in enumerate(vp, start=1) for m, w in enumerate(vw, start=1)
            if show.rounded(u) == show.rounded(w)]  # -0.000000 is 0.000000


def _check_digits_hold(net: Network, x: Array, d: float, eta: float, where: str) -> None:
    r"""Refuse an example of which a page would print a digit that is the double's rounding, not the number by hand:
    each value the pages print of the iteration (`trace`; the slopes $f'(v)$, the local gradients $\delta$ and the
    gradients, `_as_the_pages_compute`), as the pages write its double (`show.written_digits`; a hidden field 0 by
    hand as 0, `show.hidden_fields`), must be the value by hand (`backprop._exact`) rounded to the same digits, or
    either rounding of a tie by hand. Terms of $10^8$ that cancel, or a value by hand a hundred
    millionth of a unit from a tie, had printed a last digit one off (E = 2122.456705 for 2122.4567044...) while a
    worst-case bound of the rounding held; and such a bound refuses sums whose digits all hold (products of halves
    and quarters, exact in binary, that cancel)."""
    by_hand = _exact.iteration(net, x, d, eta)
    if by_hand is None:  # an activation registered at run time: no exact formula to check with
        return
    computed = _as_the_pages_compute(net, x, d, eta)
    for name, exact in by_hand.items():
        digits, unit = show.written_digits(computed[name])
        with localcontext(prec=_exact.PRECISION):  # the gap exactly: a value 10^-40 from a tie is no tie
            if exact.quantize(unit, rounding=ROUND_HALF_EVEN) == digits or abs(exact - digits) == unit / 2:
                continue
        right = exact.quantize(unit, rounding=ROUND_HALF_EVEN)
        tie = (digits + right) / 2  # to blame where the double is within 1/100 of a printed unit, else the rounding
        why = (f"it lies {abs(exact - tie):.1e} from {tie.normalize():f}, the tie between the two, closer than a "
               f"double's rounding reaches" if abs(Decimal(computed[name]) - exact) < unit / 100 else
               "the double's rounding (its terms' sizes times about 10^-16) reaches a digit the pages print")
        shown = max(_SHOWN_DIGITS, exact.adjusted() - (exact - tie).adjusted() + 2)  # enough to see which way
        whole = exact.normalize()
        hand_text = f"{whole:f}" if len(whole.as_tuple().digits) <= shown else f"{exact:.{shown}g}..."
        raise ValueError(f"{where}one iteration gives {name} = {computed[name]!r} in floating point, which the pages "
                         f"write as {_as_written(digits)}, but by hand it is {hand_text}, written "
                         f"{_as_written(right)}: "
                         f"{why}; choose other numbers (smaller weights or inputs, or another d)")


def _as_written(digits: Decimal) -> str:
    """A value's digits (`show.written_digits`) as the pages write them: ``-6.9e-18`` for ``Decimal('-6.9E-18')``,
    ``0`` for ``Decimal('0E-19')``, ``2698.993920`` as it is."""
    if digits == 0:
        return "0"
    return f"{digits:.1e}" if show.in_scientific(float(digits)) else f"{digits:f}"


def _as_the_pages_compute(net: Network, x: Array, d: float, eta: float) -> dict[str, float]:
    r"""Every value `backprop._exact.iteration` names, as the pages compute its double: the trace (a hidden field 0 by
    hand written 0, `show.hidden_fields`), the slopes from the outputs, $\delta_4 = e\, f'(v_4)$ and $\delta_i =
    f'(v_i)\, w_{4i}\, \delta_4$ multiplied in that order (the rule pages' and the iteration page's), and the rules'
    gradients (`backprop.gradcheck.analytic_gradient`)."""
    fp = forward(net, x)
    computed = trace(net, x, d, eta)
    computed |= {f"v{i}": float(v) for i, v in enumerate(show.hidden_fields(net, x), start=1)}
    f_hidden = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    f_output = activations.get(net.output).derivative_from_output(fp.y_output)
    computed |= {f"f'(v{i})": float(s) for i, s in enumerate([*f_hidden, *f_output], start=1)}
    delta_4 = float(rules._error(fp.y_output, d)[0]) * float(f_output[0])
    computed[f"δ{net.n_hidden + 1}"] = delta_4
    computed |= {f"δ{i}": float(f * w * delta_4) for i, (f, w) in enumerate(zip(f_hidden, net.w_output[0]), start=1)}
    for name, gradient in analytic_gradient(net, x, d).items():
        computed |= {"∂E/∂" + labels.parameter(name, index, net.n_hidden, sep=""): float(value)
                     for index, value in np.ndenumerate(gradient)}
    return computed


#: How many significant digits of a value by hand a message shows at least: a double's, and more where it lies nearer
#: a tie.
_SHOWN_DIGITS = 17


def _check_given(net: Network, x: Array, d: float, eta: float, where: str) -> None:
    """Refuse a given number with more decimals than the pages print: they write each as given (0.25, not 0.250000)
    with at most `DECIMALS` decimals, and ``d = 0.208212`` of a file's 0.2082122403 would be false."""
    arrays = {key: getattr(net, key) for key in PARAMETERS} | {"x": x, "d": np.array(d), "eta": np.array(eta)}
    for key, values in arrays.items():
        for index, value in np.ndenumerate(values):
            if show.rounded(value) != value:
                name = key + "".join(f"[{n}]" for n in index)  # as the file indexes it: w_hidden[1][0]
                raise ValueError(f"{where}{name} = {float(value)!r} has more than the {DECIMALS} decimals the pages "
                                 f"write a given number with, so they would print it as {show.given(value)}; give it "
                                 f"with at most {DECIMALS} decimals")


def _check_zero_fields(net: Network, x: Array, where: str) -> None:
    r"""Refuse a hidden field that is 0 by hand (`show.hidden_fields` writes it 0) whose output keeps its double's
    rounding, with a message that says so: $0.1 \cdot 0.2 + 0.3 \cdot (-0.4) + 0.1$ is 0, its double
    $1.4 \times 10^{-17}$, and $\tanh$ of it is that rounding again, an output written $1.4 \times 10^{-17}$ where a
    reader gets 0, from which the pages would read signs and counts ("twelve of the thirteen parameters move"); a
    logistic neuron's $1/2$ keeps none of it. (`_check_digits_hold` refuses it too, as it refuses any printed digit of
    a double's rounding; this says why, and what to change.)"""
    hidden = activations.get(net.hidden)
    fp = forward(net, x)
    by_hand = float(hidden.f(np.array(0.0)))
    for i, _ in show.fields_rounded(net, x):
        row, b = net.w_hidden[i - 1], net.b_hidden[i - 1]
        v, y = float(fp.v_hidden[i - 1]), float(fp.y_hidden[i - 1])
        if show.rounded(v) == 0 and show.written(y) != show.written(by_hand):
            raise ValueError(f"{where}v_{i} = {_sum_text(row, x, b)} is exactly 0 by hand, but {v:.2g} in "
                             f"floating point (most decimals have no exact binary form), and {net.hidden} keeps that "
                             f"rounding in y_h{i} = {y:.6g}, where a reader gets {by_hand:g}: the pages would read "
                             f"signs from it. Give b_{i} another value, or write w_{i}k, x and b_{i} with halves, "
                             f"quarters and eighths, which a double holds exactly")


def _sum_text(w: Array, x: Array, b: float) -> str:
    """A hidden field's sum as the pages write it, ``0.1 · 0.2 + 0.3 · (-0.4) + 0.1``."""
    template = " + ".join(f"{{{{w{k}:given}}}} · {{{{x{k}:given}}}}" for k in range(len(x)))
    numbers = {f"w{k}": w[k] for k in range(len(x))} | {f"x{k}": x[k] for k in range(len(x))}
    return show.tex(template + " + {{b:given}}", b=b, **numbers)


def _check_not_degenerate(net: Network, x: Array, d: float, where: str) -> None:
    """Refuse the two examples the pages cannot teach with: nothing to learn, or a neuron that cannot learn."""
    with np.errstate(over="ignore", invalid="ignore"):  # a forward pass that overflows: _check_printable names it
        fp = forward(net, x)
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)
    for i, (v_i, slope) in enumerate(zip(fp.v_hidden, f_prime), start=1):
        if not slope > 0:
            raise ValueError(f"{where}hidden neuron {i} is saturated: its field v_{i} = {v_i:g} gives f'(v_{i}) = 0 "
                             f"in floating point, so no error reaches it; choose smaller weights, biases or inputs")
        _check_slope_not_rounding(net.hidden, float(v_i), float(slope), f"hidden neuron {i}", f"v_{i}", where)
    # Python floats: a cost beyond a double's range is inf without a warning, and _check_printable names that step
    e = float(d) - float(fp.y_output[0])
    if e == 0:
        raise ValueError(f"{where}the output y = {fp.y_output[0]:g} equals d exactly, so e = 0 and one iteration "
                         "changes nothing; choose another d")
    if np.isfinite(e * e / 2) and float(show.num(e * e / 2)) < MIN_COST:  # an overflow: _check_printable names it
        y, by_hand = float(fp.y_output[0]), _exact.iteration(net, x, [d], 1.0) or {}  # (e does not depend on eta)
        # the nearest d with |e| enough, from y by hand (y = 0.3 is 0.30000000000000004 in floating point)
        exact_y, enough = by_hand.get("y", Decimal(y)), _enough_error()
        below, above = (float((exact_y + sign * enough).scaleb(DECIMALS).to_integral_value(rounding).scaleb(-DECIMALS))
                        for sign, rounding in ((-1, ROUND_FLOOR), (1, ROUND_CEILING)))
        other_d = f"d at most {show.num(below)} or at least {show.num(above)}, for an |e| of {enough} or more"
        if by_hand.get("e") == 0:  # y = d by hand
            raise ValueError(f"{where}the output y = {show.num(y)} equals d = {d!r} by hand (from the numbers as "
                             f"typed), so e = 0 and one iteration changes nothing; in floating point e = {e:.2g}, a "
                             f"rounding. Choose {other_d}")
        raise ValueError(f"{where}the error e = d - y is {e:.6g} (d = {d!r}, y = {show.num(y)}): its cost E = e^2/2 = "
                         f"{e * e / 2:.3g} is {show.num(e * e / 2)} to {DECIMALS} decimals; below {show.num(MIN_COST)} "
                         f"the pages' {DECIMALS} decimals show too few of its digits, or of how one iteration changes "
                         f"it; choose {other_d}")


def _check_slope_not_rounding(activation: str, v: float, slope: float, neuron: str, field: str, where: str) -> None:
    r"""Refuse a neuron whose slope from its output, as the rules compute it ($y(1 - y)$, $1 - y^2$), is rounding: $y$
    is within a few units of a double's last digit of $\pm 1$ (logsig from $v \approx 34$ on, tanh from $|v| \approx
    17.3$), and the slope from it is more than `show.COARSE` off the slope at $v$ (tanh at 18.5 gives $2.2 \times
    10^{-16}$ for $3.4 \times 10^{-16}$): the pages would print a slope, and updates, that are noise."""
    at_v = show.slope_at(activation, v)
    if at_v is None or not at_v > 0 or abs(slope - at_v) <= show.COARSE * at_v:
        return
    # only toward +1 or -1: a logsig output near 0 keeps its slope y (1 - y) to a double's precision
    raise ValueError(f"{where}{neuron} is saturated: its field {field} = {v:g} puts its output within a double's "
                     f"rounding of {1 if v > 0 else -1}, so f'({field}) computed from "
                     f"the output is {slope:.2g}, rounding, where the slope at {field} is {at_v:.2g}; choose smaller "
                     f"weights, biases or inputs")


def _enough_error() -> Decimal:
    """An |e| whose cost is `MIN_COST` or more however it is rounded: sqrt(2 MIN_COST) rounded up at 3 significant
    digits (0.0142)."""
    root = (2 * Decimal(str(MIN_COST))).sqrt()
    return root.quantize(Decimal(1).scaleb(root.adjusted() - 2), rounding=ROUND_CEILING)


def _check_printable(net: Network, x: Array, d: float, eta: float, where: str) -> None:
    """Refuse an example whose iteration gives a number of `MAX_PRINTED` or more in size: the pages print every
    number with `DECIMALS` decimals, and there that would be more digits than a double holds (the last ones noise);
    or one that is not 0 but below the smallest normal double (a logsig neuron at v = -742: y = 3.5e-323), where a
    double keeps fewer digits than the pages print and their arithmetic would be off in its last digit."""
    try:
        steps = trace(net, x, d, eta)
    except FloatingPointError as exc:  # the iteration overflows: trace names the step, this the file
        raise ValueError(f"{where}{exc}") from None
    require_normal(steps, where, "the pages print")
    big = [(name, value) for name, value in steps.items() if not abs(value) < MAX_PRINTED]
    if big:
        named = show.and_list([f"{name} = {value:.6g}" for name, value in big[:3]])
        more = f" (and {len(big) - 3} more)" if len(big) > 3 else ""
        raise ValueError(f"{where}one iteration gives {named}{more}: the pages print every number with {DECIMALS} "
                         f"decimals, and from 10^{15 - DECIMALS} on that is more than the 15 significant digits a "
                         f"double holds; choose smaller numbers")


