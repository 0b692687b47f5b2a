r"""Whether the gradient check catches a mistake: the common-mistakes page shows each slip's updates beside the right
ones, and this reads both as gradients against the central difference.

An update $\Delta\theta = -\eta\, \partial E/\partial\theta$ read as a gradient is $-\Delta\theta/\eta$. The right rules
must read as right (largest relative error below `gradcheck.RIGHT`, $10^{-7}$) and the slip as a bug (above
$10^{-4}$), each with the check's allowance for what the central difference alone can be off by
(`gradcheck.tolerance`); `require_caught` stops the build, naming the slip and the numbers, when they do not.

    >>> import numpy as np
    >>> from backprop import Network, delta_b_output, delta_w_output, forward
    >>> from backprop.caught import check_mistake
    >>> net, x, d, eta = Network.random(2, 3, 1, seed=0), np.array([1.0, -0.5]), np.array([0.3]), 0.5
    >>> fp = forward(net, x)
    >>> right = np.concatenate([delta_w_output(fp, d, eta).ravel(), delta_b_output(fp, d, eta)])
    >>> found = check_mistake(net, x, d, eta, ("w_output", "b_output"), right, 2 * right)  # every step doubled
    >>> bool(found.right < 1e-7 < 1e-4 < found.wrong)
    True
"""

# Over 300 lines because it is the check and what the pages say of it, side by side: each sentence (`worst_row_note`,
# `differences_note`, `orders_apart`, ...) reads the numbers of the check it describes.

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_UP, Decimal

import numpy as np
from numpy.typing import ArrayLike

from . import rules, show
from ._trace import right_factors, updates
from .activations import Array
from .gradcheck import BUG, RIGHT, numerical_gradient, relative_error, tolerance
from .network import ForwardPass, Network, forward
from .rules import _error

WRONG = BUG
"""A relative error above this reads as a bug: the gradient check's own threshold, `backprop.gradcheck.BUG`."""


@dataclass(frozen=True)
class MistakeCheck:
    """The largest relative errors of the right updates and of the mistaken ones, read as gradients."""

    right: float  # with the check's allowance (gradcheck.tolerance)
    wrong: float  # with the allowance
    plain_wrong: float  # without it: what the slip alone shifts the gradients by
    worst: int = 0  # the first entry, in the updates' order, whose relative error prints as `wrong` does (.1e)
    tied: tuple[int, ...] = ()  # every entry whose relative error prints as `wrong` does, `worst` first


def check_mistake(net: Network, x: ArrayLike, d: ArrayLike, eta: float, names: Sequence[str], right: ArrayLike,
                  wrong: ArrayLike) -> MistakeCheck:
    r"""The gradient check of two updates of the parameters ``names`` (``"w_hidden"``, ``"b_hidden"``, ...):
    ``right`` and ``wrong`` hold $\Delta\theta$ of each parameter in ``names``, in that order, each flattened as
    ``numpy.ravel`` does; each is read as the gradient $-\Delta\theta/\eta$ and compared with the central difference
    (`gradcheck.relative_error`)."""
    numerical, allowance = numerical_gradient(net, x, d), tolerance(net, x, d)
    num = np.concatenate([numerical[name].ravel() for name in names])
    atol = np.concatenate([allowance[name].ravel() for name in names])

    def errors(update: ArrayLike, tol: ArrayLike | float) -> Array:
        return relative_error(-np.asarray(update) / eta, num, tol)

    wrong_errors = errors(wrong, atol)
    largest = float(np.max(wrong_errors))
    # the first entry whose error prints as the largest does (a page gives it to 2 digits): a slip that scales a
    # neuron's gradients by one factor gives its rows the same error but for rounding
    tied = tuple(i for i, r in enumerate(wrong_errors) if f"{r:.1e}" == f"{largest:.1e}")
    return MistakeCheck(float(np.max(errors(right, atol))), largest, float(np.max(errors(wrong, 0.0))), tied[0],
                        tied)


def worst_row_note(found: MistakeCheck, labels: Sequence[str], right: ArrayLike, wrong: ArrayLike) -> str:
    r"""A sentence for a page whose table shows the updates ``right`` and ``wrong`` row by row, labelled with the TeX
    ``labels`` (``w_{11}``): where the largest relative error, ``found.wrong``, is that of rows whose differences the
    table prints as 0 (a saturated neuron's tiny updates), it says which rows (every row whose error prints alike:
    a slip that scales a neuron's updates by one factor gives them all the same) and, for one, gives its updates,
    since the figure cannot be found among the rows that show; ``""`` where one of those rows' difference shows."""
    rows = found.tied or (found.worst,)
    a, b = np.asarray(right, dtype=float), np.asarray(wrong, dtype=float)
    if any(show.num(b[i] - a[i]) != show.num(0) for i in rows):
        return ""
    if len(rows) > 1:
        return show.tex(r" The largest relative error, {{r}}, is that of {{names}}, whose differences lie below the "
                        r"table's last decimal: a relative error does not shrink with the gradient.",
                        r=r_text(found.wrong), names=show.and_list([f"$\\Delta {labels[i]}$" for i in rows]))
    i = rows[0]
    return show.tex(r" The largest relative error, {{r}}, is that of $\Delta {{label}}$, whose right and wrong "
                    r"updates, ${{a}}$ and ${{b}}$, differ below the table's last decimal: a relative error does not "
                    r"shrink with the gradient.", r=r_text(found.wrong), label=labels[i],
                    a=show.sci(a[i]) if a[i] else "0", b=show.sci(b[i]) if b[i] else "0")


def differences_note(right: ArrayLike, wrong: ArrayLike, labels: Sequence[str] = ()) -> str:
    """Sentences for a table of ``right`` and ``wrong`` updates with a difference column, where an update or a
    difference that is not 0 prints as 0: how small those are (and that the others are 0); with the rows' ``labels``
    (TeX, ``w_{12}``), the updates and the differences that print with one digit, written with two (`one_digit_note`);
    ``""`` where none does (a reviewer's right updates of a saturated neuron, -1.2e-8, printed 0.000000 without a word;
    a TA's differences of 2e-6 to 9e-6 printed with one digit, 5 to 7 % off)."""
    right, wrong = (np.ravel(np.asarray(a, dtype=float)) for a in (right, wrong))
    one_digit = " ".join(filter(None, (one_digit_note(name, column, labels) for name, column in
                                       (("right", right), ("wrong", wrong), ("difference", wrong - right))))) \
        if len(labels) else ""
    zero = _zero_note(right, wrong)
    alike = alike_note(right, wrong, labels) if len(labels) else ""
    return " ".join(filter(None, (zero, alike, one_digit)))


def alike_note(right: ArrayLike, wrong: ArrayLike, labels: Sequence[str]) -> str:
    r"""A sentence on the rows whose ``right`` and ``wrong`` updates differ but print alike, and not as 0 (`_zero_note`
    says what prints as 0), with the pages' decimals, named by ``labels``: ``In the rows of $\Delta w_{11}$ and
    $\Delta b_2$ the right and wrong columns print alike: the mistake changes them by less than one unit of the last
    decimal.``; ``""`` where there is none (a reviewer's small η printed four rows of the wrong-order table with the
    same number twice, and a reader could take the slip for harmless there)."""
    right, wrong = (np.ravel(np.asarray(a, dtype=float)) for a in (right, wrong))
    rows = [label for label, r, w in zip(labels, right, wrong)
            if r != w and show.num(r) == show.num(w) and show.rounded(r) != 0]
    if not rows:
        return ""
    names = show.and_list(["$\\Delta " + label + "$" for label in rows])
    one = len(rows) == 1
    return (f"In the row{'' if one else 's'} of {names} the right and wrong columns print alike: the mistake changes "
            f"{'it' if one else 'them'} by less than one unit of the last decimal.")


def one_digit_note(column: str, values: ArrayLike, labels: Sequence[str]) -> str:
    r"""A sentence on the updates of ``column`` (``"difference"``: the rows' differences of two updates) whose six
    decimals print one digit, not 0 (below $10^{-5}$ in size:
    $6.0 \times 10^{-7}$ prints 0.000001, 67 % off), named by ``labels`` and written with two, as formulas write
    them; ``""`` where there is none (a TA's near-saturated neurons printed three such updates in common mistakes'
    table without a word).

    Examples
    --------
    >>> from backprop.caught import one_digit_note
    >>> print(one_digit_note("right", [6.04e-7, 0.25], ["w_{12}", "w_{21}"]))
    In the right column, $\Delta w_{12}$ prints with one digit: it is $6.0 \times 10^{-7}$.
    """
    rows = [(label, float(v)) for label, v in zip(labels, np.ravel(np.asarray(values, dtype=float)))
            if show.rounded(v) != 0 and show.in_scientific(float(v))]
    if not rows:
        return ""
    names = show.and_list(["$\\Delta " + label + "$" for label, _ in rows])
    if column == "difference":  # not an update: the row's
        names = f"the row{'s' * (len(rows) > 1)} of {names}"
    values = show.and_list([show.tex("${{v}}$", v=v) for _, v in rows])
    if len(rows) > 1:
        return f"In the {column} column, {names} print with one digit: they are {values}."
    return f"In the {column} column, {names} prints with one digit: it is {values}."


def _zero_note(right: Array, wrong: Array) -> str:
    """`differences_note`'s sentences on what prints as 0."""
    difference = wrong - right
    names = [name for name, column in (("right", right), ("wrong", wrong)) if _printed_as_0(column)]
    updates = np.concatenate([column for name, column in (("right", right), ("wrong", wrong)) if name in names]) \
        if names else np.array([])
    if names and _printed_as_0(difference) and _below_note("", "", updates) == _below_note("", "", difference):
        # one sentence where both would say the same (a reviewer read two alike, back to back)
        return _below_note(f"the {' and '.join(names)} and the difference columns print", "an update or a difference",
                           np.concatenate([updates, difference]))
    sentences = []
    if names:
        where = f"the {' and '.join(names)} column{'s print' if len(names) > 1 else ' prints'}"
        sentences.append(_below_note(where, "an update", updates))
    if _printed_as_0(difference):
        sentences.append(_below_note("the difference column prints", "the difference", difference))
    return " ".join(sentences)


def _printed_as_0(values: Array) -> list[float]:
    """The sizes of the ``values`` that are not 0 but print as 0 with the pages' decimals."""
    return [abs(float(g)) for g in values if g != 0 and show.rounded(g) == 0]


def _below_note(where: str, what: str, values: Array) -> str:
    """"Where {where} 0.000000, {what} is below its last decimal, at most ... in size": the largest of ``values`` that
    prints as 0, and whether others are exactly 0."""
    exact = ", or exactly 0" if np.any(values == 0) else ""
    return show.tex(rf"Where {where} ${{{{zero}}}}$, {what} is below its last decimal, at most ${{{{most}}}}$ in "
                    r"size{{exact}}.", zero=show.num(0), most=show.sci(max(_printed_as_0(values)), up=True),
                    exact=exact)


def require_caught(mistake: str, found: MistakeCheck, e: float) -> None:
    """Stop the build unless the check reads the right rules as right and ``mistake`` as a bug: the message names the
    mistake and gives the numbers, and says so where the gradients it moves are too small for the check to see it (a
    small error ``e``, or saturated neurons)."""
    small = {"why": f"the gradients the slip moves lie within what the central difference alone can be off by: they "
                    f"shrink with the error e (here {e:.6g}) and are tiny on saturated neurons, its truncation and "
                    "rounding errors do not"}
    show.require(is_caught(found), f"the gradient check catches mistake {mistake}",
                 right=found.right, wrong=found.wrong, wrong_plain=found.plain_wrong, e=e,
                 **(small if found.plain_wrong > WRONG >= found.wrong else {}))


def is_caught(found: MistakeCheck) -> bool:
    """Whether the check reads the right rules as right and the mistake as a bug: what `require_caught` requires."""
    return found.right < RIGHT < WRONG < found.wrong


def slip_too_small(found: MistakeCheck) -> bool:
    """Whether the mistake is missed because it moves the gradients it touches so little: its plain relative error (no
    allowance) is at most `WRONG` while the right rules read as right. The check cannot catch it on this example, and
    no choice of $h$ changes that; a page says so, with the numbers, instead of stopping the build."""
    return found.right < RIGHT and found.plain_wrong <= WRONG


def factor_r(k: ArrayLike) -> Array:
    r"""The relative error of a gradient that a mistake multiplies by $k > 0$: $|k - 1|/(k + 1)$, whatever its size
    (the page's slips scale each gradient by one factor: $1/f'(v_i)$ for a dropped $f'(v_i)$, ...)."""
    k = np.asarray(k, dtype=float)
    return np.abs(k - 1) / (k + 1)


def r_text(r: float) -> str:
    """A relative error as the pages print it: one decimal of its mantissa, ``6.8e-01``, or as many more as it takes
    not to print `RIGHT`, `WRONG` or 1 where it is none of them, so that a reader can tell which side of each
    threshold it is (``9.97e-05`` and ``1.02e-04``, not ``1.0e-04`` twice, one of them called below it) and that it
    is not the relative error of opposite signs (a dropped $f'(v_1)$ at a saturated neuron, 0.9985, is no sign flip).

    Examples
    --------
    >>> from backprop.caught import r_text
    >>> r_text(0.68), r_text(9.97e-5), r_text(1.0196e-4), r_text(0.99925), r_text(1.0), r_text(9.997e-8)
    ('6.8e-01', '9.97e-05', '1.02e-04', '9.99e-01', '1.0e+00', '9.997e-08')
    """
    for limit in (RIGHT, WRONG, 1.0):
        if r != limit and f"{r:.1e}" == f"{limit:.1e}":  # a rounding to the nearest never crosses the limit
            return next(text for digits in range(2, 17) if float(text := f"{r:.{digits}e}") != limit)
    return f"{r:.1e}"


def orders_apart(larger: float, smaller: float) -> str | None:
    r"""How far apart two relative errors are, as every page says it: the whole orders of magnitude between them,
    rounded down (``at least 8 orders of magnitude``: the ratio is $10^8$ or more), or None where ``smaller`` is 0 or
    the ratio is below 10 (no whole order to speak of).

    Examples
    --------
    >>> from backprop.caught import orders_apart
    >>> orders_apart(9.8e-5, 1e-14), orders_apart(3e-4, 1e-5), orders_apart(2e-6, 1e-6)
    ('at least 9 orders of magnitude', 'at least one order of magnitude', None)
    """
    if not smaller > 0 or larger / smaller < 10:
        return None
    n = math.floor(math.log10(larger / smaller))
    return "at least one order of magnitude" if n == 1 else f"at least {n} orders of magnitude"


def magnitude_tex(value: float, decimals: int = 3, up: bool = False) -> str:
    r"""A number of any size in TeX: with ``decimals`` where that shows three significant digits or more and it is
    below $10^4$ in size (``4.510``), else in scientific notation with three (`show.sci`: ``1.08 \times 10^{8}``,
    ``1.45 \times 10^{-5}``), never as ``108254989.675`` or Python's ``1.44999e-05``. With ``up`` its size is rounded
    up, for a bound a sentence says "at most" of (``magnitude_tex(0.7310584, 6, up=True)`` is ``0.731059``).

    Examples
    --------
    >>> from backprop.caught import magnitude_tex
    >>> magnitude_tex(4.51), magnitude_tex(108254989.675), magnitude_tex(1.44999e-05, 6), magnitude_tex(0.03125, 6)
    ('4.510', '1.08 \\times 10^{8}', '1.45 \\times 10^{-5}', '0.031250')
    """
    size = abs(float(value))
    if size == 0 or 10.0 ** (2 - decimals) <= size < 1e4:
        if up:
            return format(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_UP), "f")
        return show.num(value, decimals)
    return show.sci(value, 3, up=up)


def mistake_1_small(eta_e: float, y_max: float) -> dict[str, str]:
    r"""Why mistake 1 (the hidden rules through $w_{4i}(n+1) = w_{4i}(n) + \eta e\, y_{hi}$) moves the hidden gradients
    so little, from the two factors of the output weights' step: ``eta_e`` ($\eta e$) and ``y_max`` (the largest
    $|y_{hi}|$). The factor that keeps the step small is the one at most the square root of the step (the smaller one
    always is; both where they are equal). Returns the clause in Markdown (``tex``) and what would show the mistake
    (``larger``, a subject and its verb).

    Examples
    --------
    >>> from backprop.caught import mistake_1_small
    >>> mistake_1_small(1.45e-5, 0.99)["tex"], mistake_1_small(0.025, 3e-6)["larger"]
    ('$\\eta e = 1.45 \\times 10^{-5}$ is small', 'Hidden outputs $y_{hi}$ further from 0 show it')
    """
    step = abs(eta_e) * y_max
    by_eta = abs(eta_e) <= np.sqrt(step)
    by_y = y_max <= np.sqrt(step) or not by_eta  # the smaller factor, whatever the last bit of the square root
    fields = {"eta_e": magnitude_tex(eta_e, show.DECIMALS), "y": magnitude_tex(y_max, show.DECIMALS, up=True)}
    if by_eta and by_y:
        tex = r"both $\eta e = {{eta_e}}$ and every $|y_{hi}|$, at most ${{y}}$, are small"
        larger = r"A larger $\eta$ or error, with hidden outputs further from 0, shows it"
    elif by_eta:
        tex, larger = r"$\eta e = {{eta_e}}$ is small", r"A larger $\eta$ or error shows it"
    else:
        tex = r"$\eta e = {{eta_e}}$, but every $|y_{hi}|$ is at most ${{y}}$"
        larger = r"Hidden outputs $y_{hi}$ further from 0 show it"
    return {"tex": show.tex(tex, **fields), "larger": larger}


def largest_factor_off_one() -> float:
    r"""How far from 1 a factor $k$ may lie before the check reads it as a bug: $|k - 1|/(k + 1)$ exceeds `WRONG`
    ($W$) for $k > (1 + W)/(1 - W)$, i.e. $k - 1 > 2W/(1 - W)$ (about $2 \times 10^{-4}$); below 1,
    $1 - k > 2W/(1 + W)$."""
    return 2 * WRONG / (1 - WRONG)


@dataclass(frozen=True)
class PageCheck:
    """One gradient check of the common-mistakes page: the mistake (as its heading numbers it, with what it is shown
    on), what the check read, and whether the mistake changed any update at all (then there is nothing to catch)."""

    mistake: str
    found: MistakeCheck
    unchanged: bool

    @property
    def caught(self) -> bool:
        return is_caught(self.found)


def _hidden_updates(fp: ForwardPass, d: Array, eta: float, **replaced: Array) -> Array:
    """Rules (3) and (4), flattened as the page flattens them, with the factors ``replaced`` (``w_back``,
    ``f_prime_hidden``) in place of w_ji(n) and f'(v_i): each of the page's hidden slips, as the homework check's
    slips are one factor replaced (`backprop._trace.Factors`)."""
    u = updates(replace(right_factors(fp.net, fp, d, eta), **replaced))
    return np.concatenate([u.dw_hidden.ravel(), u.db_hidden])


def _right_hidden(fp: ForwardPass, d: Array, eta: float) -> Array:
    return np.concatenate([rules.delta_w_hidden(fp, d, eta).ravel(), rules.delta_b_hidden(fp, d, eta)])


def page_checks(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> list[PageCheck]:
    """The seven gradient checks the common-mistakes page prints for the worked example ``(net, x, d, eta)``, in its
    order, each computed as its block computes it (the blocks show their code; the page's closing summary reads this):
    1 (w_ji(n+1) in the hidden rules), 2 on the hidden rules and on a tansig output, 3 (e = y - d, on the output
    weights, or the output bias when every y_hi is 0), 4 (on the page's 2-3-2 network), 5 with a logsig and a tansig
    hidden layer."""
    x, d = np.asarray(x, dtype=float), np.atleast_1d(np.asarray(d, dtype=float))
    hidden = ("w_hidden", "b_hidden")
    checks = []

    def add(mistake: str, on: Network, target: Array, names: Sequence[str], right: Array, wrong: Array) -> None:
        found = check_mistake(on, x, target, eta, names, right, wrong)
        checks.append(PageCheck(mistake, found, bool(np.array_equal(right, wrong))))

    fp = forward(net, x)
    right = _right_hidden(fp, d, eta)
    add("1", net, d, hidden, right,
        _hidden_updates(fp, d, eta, w_back=net.w_output + rules.delta_w_output(fp, d, eta)))
    add("2 (hidden layer, $f'(v_i)$)", net, d, hidden, right,
        _hidden_updates(fp, d, eta, f_prime_hidden=np.ones(net.n_hidden)))
    tansig_out = Network(**{**net.to_dict(), "output": "tansig"})
    fp_out = forward(tansig_out, x)
    e = _error(fp_out.y_output, d)
    add("2 (tansig output, $f'(v_j)$)", tansig_out, d, ("w_output", "b_output"),
        np.concatenate([rules.delta_w_output(fp_out, d, eta).ravel(), rules.delta_b_output(fp_out, d, eta)]),
        np.concatenate([(eta * np.outer(e, fp_out.y_hidden)).ravel(), eta * e]))
    param = "w_output" if np.any(fp.y_hidden) else "b_output"
    delta_j = (fp.y_output - d) * rules.f_prime_output(fp)  # e = y - d, +eta kept
    flipped = {"w_output": net.w_output + eta * np.outer(delta_j, fp.y_hidden),
               "b_output": net.b_output + eta * delta_j}
    right_out = {"w_output": rules.delta_w_output, "b_output": rules.delta_b_output}[param](fp, d, eta)
    add("3", net, d, (param,), right_out.ravel(), (flipped[param] - getattr(net, param)).ravel())
    # the page's 2-3-2 network (with the example's hidden activation) and target
    net_232, d_232 = Network.random(2, 3, 2, seed=0, hidden=net.hidden), np.array([1.0, 0.0])
    fp_232 = forward(net_232, x)
    e_232, f_232 = _error(fp_232.y_output, d_232), rules.f_prime_output(fp_232)
    back_first = e_232[0] * f_232[0] * net_232.w_output[0]
    delta_first = back_first * rules.f_prime_hidden(fp_232)
    add("4", net_232, d_232, hidden, _right_hidden(fp_232, d_232, eta),
        np.concatenate([(eta * np.outer(delta_first, x)).ravel(), eta * delta_first]))
    for name, slip in (("logsig", lambda y: y * (1 + y)), ("tansig", lambda y: 1 + y**2)):
        as_hidden = Network(**{**net.to_dict(), "hidden": name})
        fp_h = forward(as_hidden, x)
        add(f"5 ({name})", as_hidden, d, hidden, _right_hidden(fp_h, d, eta),
            _hidden_updates(fp_h, d, eta, f_prime_hidden=slip(fp_h.y_hidden)))
    return checks


def summary(checks: Sequence[PageCheck]) -> str:
    """The common-mistakes page's closing words, from its checks (`page_checks`): which mistakes the check catches on
    this example and how far apart from the correct rules, which it does not (changing nothing, or too little) with
    their r, and why a check can miss."""
    caught = [c for c in checks if c.caught]
    unchanged = [c for c in checks if not c.caught and c.unchanged]
    small = [c for c in checks if not c.caught and not c.unchanged]
    ratios = [c.found.wrong / c.found.right for c in caught if c.found.right > 0]
    least = orders_apart(min(ratios), 1.0) if ratios else None
    apart = (f"{least} above the correct rules" if least else "above the correct rules" if ratios
             else "far above the correct rules, whose gaps all lie within what the central difference alone can be "
                  "off by")
    if not caught:
        said = "On this example the gradient check catches none of them."
    elif len(caught) == len(checks):
        said = (f"On this example the gradient check catches every one of them: each of its {len(checks)} checks above "
                f"reads the mistake as a bug, {apart}.")
    else:
        said = (f"On this example the gradient check catches {show.and_list([f'mistake {c.mistake}' for c in caught])}"
                f", each reading {apart}.")
    missed = []
    if unchanged:
        one = len(unchanged) == 1
        missed.append(f"{show.and_list([f'mistake {c.mistake}' for c in unchanged])}, which "
                      f"{'changes' if one else 'change'} nothing here (r = "
                      f"{show.and_list([r_text(c.found.wrong) for c in unchanged])}, as for the correct rules)")
    if small:
        one = len(small) == 1
        missed.append(f"{show.and_list([_with_r(c) for c in small])}, which "
                      f"{'moves' if one else 'move'} the gradients too little for the $10^{{-4}}$ that reads as a bug")
    if missed:
        said += (f" It does not catch {', nor '.join(missed)}: "
                 f"{'its section says' if len(unchanged) + len(small) == 1 else 'their sections say'} why.")
    return said + (r" A slip that multiplies a gradient by $k$ reads $r = |k - 1|/(k + 1)$, above $10^{-4}$ only where "
                   f"$k$ is more than about {largest_factor_off_one():.1e} away from 1: a gradient check catches only "
                   "the slips that its example moves that far.")


def _with_r(check: PageCheck) -> str:
    """``mistake 1 (r = 9.8e-05)``, or ``mistake 2 (hidden layer, $f'(v_i)$; r = 1.1e-05)`` for a mistake named with
    its own parentheses."""
    r = f"r = {check.found.wrong:.1e}"
    name = f"mistake {check.mistake}"
    return f"{name[:-1]}; {r})" if name.endswith(")") else f"{name} ({r})"
