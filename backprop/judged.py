r"""How the gradient check judges each gradient of an example, in words for the verification and common-mistakes
pages: which gradients its allowance for the central difference's own error decides (`allowance_rows`, and what the
plain relative error would read there, `allowance_plain_r`), and which the floor of its relative error decides
(exactly 0 in both, or below $10^{-8}$: `floor_rows`, `floor_sentence`); and which update the rule pages'
finite-difference tips can check (`nudge_noise`, `too_small_to_nudge`); and when the errata's written-out updates
agree with finite differences (`agrees`).

The relative error $|a - c| / \max(|a| + |c|, 10^{-8})$ is `backprop.gradcheck.relative_error`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from . import examples, labels, show
from .activations import Array
from .gradcheck import (
    FLOOR,
    RIGHT,
    analytic_gradient,
    numerical_gradient,
    relative_error,
    rounding_noise,
    truncation_error,
)
from .network import Network, forward


def allowance_rows(analytic: dict, numerical: dict, noise: float, truncation: dict, net: Network | None = None,
                   params: Sequence[str] = ("w_output", "b_output", "w_hidden", "b_hidden")) -> list[tuple[str, bool]]:
    """The entries whose plain relative error (`gradcheck.RIGHT` or more) the gradient check's allowance, rounding
    ``noise`` plus the ``truncation`` estimate, counts 0 in the gradient check of ``net`` (default: the worked
    example's, `backprop.examples.NET`; ``analytic`` and ``numerical`` are its gradients), among ``params``, each as
    ``($w_{41}$, by_truncation)`` in the arrays' order: ``by_truncation`` where rounding noise alone would not have
    cleared it."""
    net = examples.NET if net is None else net
    rows = []
    for param in [p for p in ("w_output", "b_output", "w_hidden", "b_hidden") if p in params]:  # the pages' order
        names = labels.tex_of(net, param)
        plain = relative_error(analytic[param], numerical[param]).ravel()
        judged = relative_error(analytic[param], numerical[param], noise + truncation[param]).ravel()
        within_noise = relative_error(analytic[param], numerical[param], noise).ravel()
        rows += [(f"${name}$", bool(n > j)) for name, p, j, n in zip(names, plain, judged, within_noise) if j < p]
    return rows


def allowance_note(net: Network, x: ArrayLike, d: ArrayLike, params: Sequence[str]) -> str:
    """For a check on another network than the worked example's (its weights with another activation): a sentence
    naming the rows among ``params`` whose gradients the check's allowance decides, or "" where it decides none (a
    reviewer's near-saturated neuron under tanh had two, while the page said the allowance decided none)."""
    analytic, numerical = analytic_gradient(net, x, d), numerical_gradient(net, x, d)
    rows = allowance_rows(analytic, numerical, rounding_noise(net, x, d), truncation_error(net, x, d), net, params)
    if not rows:
        return ""
    names, many = [name for name, _ in rows], len(rows) > 1
    return (f" On this network the check's allowance decides the row{'s' if many else ''} of {show.and_list(names)}: "
            "the plain relative error would read the central difference's own error as the rules' there, so a gap "
            "within what the central difference alone can be off by counts 0.")


def allowance_plain_r(analytic: dict[str, Array], numerical: dict[str, Array], noise: float,
                      truncation: dict[str, Array]) -> float:
    """The largest plain relative error (no allowance) among the gradients the allowance sets to 0, those whose plain
    r is `gradcheck.RIGHT` or more with a gap within ``noise`` plus their ``truncation`` estimate: what the plain
    relative error would read there, which is the central difference's own error, not the rules'. 0 where the
    allowance decides none."""
    largest = 0.0
    for name, cut in truncation.items():
        plain = relative_error(analytic[name], numerical[name])
        set_to_0 = (plain >= RIGHT) & (relative_error(analytic[name], numerical[name], noise + cut) == 0)
        if set_to_0.any():
            largest = max(largest, float(plain[set_to_0].max()))
    return largest


def floor_rows(net: Network, x: ArrayLike, analytic: dict[str, Array], numerical: dict[str, Array],
               skip: Sequence[str] = ()) -> tuple[list[str], list[str], bool]:
    r"""The gradients of ``net`` at ``x`` (``analytic`` and ``numerical``, by parameter name) that the relative error
    does not judge relatively, named as the pages name them (``$w_{11}$``), in the pages' order (output layer first),
    leaving out the names in ``skip`` (those the allowance decides): those exactly 0 in both (their r is
    $0/10^{-8} = 0$, by the floor), and those not both 0 with $|a| + |c|$ below the floor (r is the gap over the
    floor, an absolute judgement); and whether each of the zero ones is a weight whose input, an $x_k$ or $y_{hi}$,
    is 0."""
    x = np.asarray(x, dtype=float)
    y_hidden = forward(net, x).y_hidden
    zero, tiny, explained = [], [], True
    for param in ("w_output", "b_output", "w_hidden", "b_hidden"):
        for idx, name in zip(np.ndindex(getattr(net, param).shape), labels.tex_of(net, param)):
            a, c, label = float(analytic[param][idx]), float(numerical[param][idx]), f"${name}$"
            if label in skip:
                continue
            if a == 0 and c == 0:
                zero.append(label)
                inputs = {"w_hidden": x, "w_output": y_hidden}.get(param)
                explained = explained and inputs is not None and inputs[idx[-1]] == 0
            elif abs(a) + abs(c) < FLOOR:
                tiny.append(label)
    return zero, tiny, explained


def floor_sentence(net: Network, x: ArrayLike, analytic: dict[str, Array], numerical: dict[str, Array],
                   skip: Sequence[str] = (), noise: float = 0.0) -> str:
    """What the relative error makes of the gradients `floor_rows` finds, and of the others: a sentence for the
    pages. Of the others, those so small that the rounding ``noise`` (`gradcheck.rounding_noise`) alone can move their
    relative error by `gradcheck.RIGHT` or more are named, with how far (`coarse_rows`): "large enough for the
    relative error to judge it" is said only of the rest (a reviewer's saturated neuron read r = 9.0e-8, rounding
    alone, beside that sentence)."""
    zero, tiny, explained = floor_rows(net, x, analytic, numerical, skip)
    coarse, most = coarse_rows(net, analytic, numerical, noise, [*skip, *zero, *tiny])
    said = []
    if zero:
        why = ((r" (each a weight whose input, an $x_k$ or $y_{hi}$, is 0)" if len(zero) > 1 else
                r" (a weight whose input, an $x_k$ or $y_{hi}$, is 0)") if explained else "")
        said.append(f"The gradient{'s' if len(zero) > 1 else ''} of {show.and_list(zero)} "
                    f"{'are' if len(zero) > 1 else 'is'} exactly 0 in the rules and in the central difference "
                    f"alike{why}, so {'their' if len(zero) > 1 else 'its'} relative error is $0/10^{{-8}} = 0$ by the "
                    "floor: it says that both are 0, not that a relative error judged them.")
    if tiny:
        said.append(f"The gradient{'s' if len(tiny) > 1 else ''} of {show.and_list(tiny)} "
                    f"{'are' if len(tiny) > 1 else 'is'} below the floor ($|a| + |c| < 10^{{-8}}$), so "
                    f"{'their' if len(tiny) > 1 else 'its'} relative error is the gap over $10^{{-8}}$, an absolute "
                    "judgement.")
    if coarse:
        many = len(coarse) > 1
        said.append(show.tex(f"The gradient{'s' if many else ''} of {show.and_list(coarse)} {'are' if many else 'is'} "
                             f"so small that rounding alone can move {'their' if many else 'its'} relative error by up "
                             r"to ${{most}}$, past the $10^{-7}$ below which the check reads rules as right: there it "
                             "reads the central difference's rounding as much as the rules.",
                             most=show.sci(most, up=True)))
    total = sum(getattr(net, p).size for p in ("w_output", "b_output", "w_hidden", "b_hidden"))
    if len(zero) + len(tiny) + len(skip) + len(coarse) < total:
        said.append(("Every other gradient" if zero or tiny or skip or coarse else "Every gradient here")
                    + " is large enough for the relative error to judge it.")
    return " ".join(said)


def coarse_rows(net: Network, analytic: dict[str, Array], numerical: dict[str, Array], noise: float,
                skip: Sequence[str] = ()) -> tuple[list[str], float]:
    r"""The gradients of ``net`` (``analytic`` and ``numerical``, by parameter name) not in ``skip`` whose relative
    error rounding alone can move by `gradcheck.RIGHT` or more, ``noise`` $/ (|a| + |c|)$, named as the pages name
    them, in the pages' order; and the largest such share (0 where there is none)."""
    coarse, most = [], 0.0
    for param in ("w_output", "b_output", "w_hidden", "b_hidden"):
        for idx, name in zip(np.ndindex(getattr(net, param).shape), labels.tex_of(net, param)):
            label, size = f"${name}$", abs(float(analytic[param][idx])) + abs(float(numerical[param][idx]))
            if label not in skip and size > 0 and noise / size >= RIGHT:
                coarse.append(label)
                most = max(most, noise / size)
    return coarse, most


def zero_factor(net: Network, x: ArrayLike, name: str, index: tuple[int, ...]) -> str | None:
    r"""The factor that makes the update of a hidden weight or bias exactly 0, whatever the other numbers are, in TeX
    without dollars: the output weight of its neuron (``"w_{42} = 0"``, with one output neuron: no error reaches the
    neuron), else, for a weight $w_{ik}$, its input (``"x_1 = 0"``); None when neither is 0 or for another
    parameter. The cost does not depend on such a parameter, so a finite difference of it is exactly 0 too."""
    if name not in ("w_hidden", "b_hidden"):
        return None
    i = index[0]
    if net.n_out == 1 and net.w_output[0, i] == 0:
        return f"{labels.tex(labels.parameter('w_output', (0, i), net.n_hidden))} = 0"
    if name == "w_hidden" and np.asarray(x, dtype=float)[index[1]] == 0:
        return f"x_{index[1] + 1} = 0"
    return None


AGREE = 1e-6
"""How close an update and its finite difference must be, relatively, for the errata's written-out updates to agree."""


def agrees(update: float, difference: float, error: float) -> bool:
    r"""Whether a formula's ``update`` agrees with $-\eta$ times a central ``difference`` of $E$ (the errata's check of
    the thirteen written-out updates): $|\Delta - \Delta_{fd}| \le 10^{-6}\,|\Delta_{fd}| + \epsilon$, within
    `AGREE` of its own size plus ``error``, what the difference alone can be off by (``eta`` times
    `gradcheck.tolerance`). Each update is held to its own size, not to the largest update's: a saturated neuron's
    $3.9 \times 10^{-6}$ beside a largest update of 6 would agree with 0 against $10^{-6}$ of the largest."""
    return abs(update - difference) <= AGREE * abs(difference) + error


NUDGE_H = 1e-6  # the step h of the rule pages' finite-difference tips
NUDGE_SHARE = 100  # a tip checks an update at least this many times what rounding can move its check by


def nudge_noise(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> float:
    r"""How far rounding alone can move $-\eta$ times a central difference of $E$ with the tips' $h = 10^{-6}$
    (`gradcheck.rounding_noise`): an update within `NUDGE_SHARE` times this is too small for the tips to check (a
    saturated neuron's $\Delta w_{32}(0) = 6.5 \times 10^{-13}$ read $-0$ against it)."""
    return float(eta) * rounding_noise(net, x, d, h=NUDGE_H)


def checkable(update: float, noise: float) -> bool:
    """Whether the tips can check ``update``: it is more than `NUDGE_SHARE` times the rounding ``noise`` of their
    check (`nudge_noise`)."""
    return abs(update) > NUDGE_SHARE * noise


def _moved_by(noise: float) -> str:
    r"""How far rounding can move the tips' check, in words: ``rounding alone can move ... by up to $2.0 \times
    10^{-10}$``, with the tips' step `NUDGE_H`."""
    h = f"10^{{{round(math.log10(NUDGE_H))}}}"
    return (rf"rounding alone can move $-\eta$ times a central difference with $h = {h}$ by up to "
            rf"${show.sci(noise, up=True)}$")


def too_small_to_nudge(default: str, update: float, largest: str, largest_update: float, noise: float,
                       tied: Sequence[str] = ()) -> str:
    r"""The tips' words, in parentheses, for nudging the parameter ``largest`` (TeX, ``"\Delta w_{12}(0)"``) instead
    of their ``default`` one, whose ``update`` is within `NUDGE_SHARE` times the rounding ``noise`` of the check
    (`nudge_noise`); and where the largest update is too, that (`every_update_too_small`). ``tied``: the parameters
    (TeX, ``"b_3"``) whose update is exactly as large, said instead of "the one with the largest update"."""
    which = " (" + the_largest(tied)
    if checkable(largest_update, noise):
        return which + show.tex(": ${{name}} = {{u}}$ is too small to check this way, "
                                f"since {_moved_by(noise)}, {_share(noise, update, 'that update')})",
                                name=default, u=update)
    return which + every_update_too_small(largest, largest_update, noise) + ")"


def the_largest(tied: Sequence[str] = ()) -> str:
    """How the tips name the parameter they nudge instead of their own: "the one with the largest update in size
    here", or, where ``tied`` names others (TeX, ``"b_3"``) whose update is exactly as large, "tied with $b_3$ for
    ..."."""
    if not tied:
        return "the one with the largest update in size here"
    return f"tied with {show.and_list([f'${name}$' for name in tied])} for the largest update in size here"


def every_update_too_small(largest: str, largest_update: float, noise: float) -> str:
    r"""The tips' clause where even the ``largest`` update (TeX, ``"\Delta b_3(0)"``) is within `NUDGE_SHARE` times
    the rounding ``noise`` of the check: every update is too small to check this way, and the two values printed can
    differ by that much; ``""`` where it is not."""
    if checkable(largest_update, noise):
        return ""
    return show.tex(f", though every update is too small to check this way: {_moved_by(noise)}, "
                    f"{_share(noise, largest_update, 'the largest')}, ${{{{name}}}} = {{{{u}}}}$, so the two values "
                    "printed can differ by that much", name=largest, u=largest_update)


def _share(noise: float, update: float, what: str) -> str:
    r"""How the rounding ``noise`` of the tips' check compares with an ``update`` it cannot check, in words, as both
    are written (the bound rounded up, `_moved_by`; the update as `show.tex` writes it): "more than that update itself"
    ($1.1 \times 10^{-9}$ beside $1.0 \times 10^{-9}$), "as large as that update" (the same two digits), else "at least
    $1/100$ of that update" (`NUDGE_SHARE`)."""
    bound = float(show.rounded_up(noise))  # as `_moved_by` writes it
    written = abs(show.written(update))
    if bound > written:
        return f"more than {what} itself"
    return f"as large as {what}" if bound == written else f"at least $1/{NUDGE_SHARE}$ of {what}"
