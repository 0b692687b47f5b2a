"""The errata page's notes under its checks: after a block of the page has checked a line of the slides on the worked
example and printed its table, a function here says what the numbers add to the verdict (a wrong formula that gives
the right value for some neurons by a coincidence of the numbers, a difference within what rounding can move a finite
difference, an update the check cannot judge). Each returns its notes as paragraphs, each after a blank line, or
nothing where there is nothing to add.

As `backprop.readings` does for the rule pages: a sentence that holds for some numbers only is chosen from them, or
checked first with `show.require`, so that the build, or a reader's copy of the code with other numbers, stops rather
than print a false sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np
from numpy.typing import ArrayLike

from . import judged, labels, show
from .network import Network


def _notes(*paragraphs: str) -> str:
    return "".join(f"\n{paragraph}\n" for paragraph in paragraphs)


def _neurons(ids: Sequence[int]) -> str:
    """"neuron 2", "neurons 1 and 3": of the 0-based ``ids``."""
    return ("neuron " if len(ids) == 1 else "neurons ") + show.and_list([str(i + 1) for i in ids])


def agrees(values: ArrayLike, explicit: ArrayLike) -> bool:
    """Whether every entry of ``values`` prints as the same entry of ``explicit`` (the tables' six decimals): a
    reading of a slide's line agrees with its explicit lines where a reader of the table sees the same numbers."""
    return all(show.num(a) == show.num(b) for a, b in zip(np.ravel(values), np.ravel(explicit), strict=True))


def _typed(value: float) -> Decimal:
    """A number as the example gives it: 0.1, not the double nearest it."""
    return Decimal(repr(float(value)))


def _by_hand(w: np.ndarray, x: ArrayLike, i: int) -> Decimal:
    """Neuron ``i``'s weighted input w_i1 x_1 + w_i2 x_2, by hand from the numbers as typed."""
    return _typed(w[i, 0]) * _typed(x[0]) + _typed(w[i, 1]) * _typed(x[1])


def _cancelling(w: np.ndarray, x: ArrayLike, i: int) -> str:
    """The other neurons' weighted inputs than neuron ``i``'s, and what they add up to by hand."""
    others = [j for j in range(3) if j != i]
    weighted = {j: w[j, 0] * x[0] + w[j, 1] * x[1] for j in others}
    terms = show.and_list([show.tex(r"${{a}} x_1 + {{b}} x_2 = {{s}}$", a=labels.tex(labels.weight(j + 1, 1)),
                                    b=labels.tex(labels.weight(j + 1, 2)), s=weighted[j]) for j in others])
    # what they add up to by hand, from the numbers as typed (0.1 and -0.1 give 0; their doubles' sum is 5.6e-17)
    total = float(sum(_by_hand(w, x, j) for j in others))
    return f"{terms}, and these add up to " + show.tex("${{t}}$", t=total)


def literal_sum(net: Network, x: ArrayLike, literal: ArrayLike, explicit: ArrayLike) -> str:
    """Erratum 1: where the first slide's sum read literally (``literal``, the same weighted sum for every neuron plus
    its bias) gives a neuron the value of the slides' explicit lines (``explicit``), which numbers make it so."""
    w, notes = net.w_hidden, []
    weighted = [_by_hand(w, x, i) for i in range(3)]
    if agrees(literal, explicit) and any(weighted):  # every w_i . x so small that the others' are lost in print
        others = [float(sum(weighted) - own) for own in weighted]  # what the literal sum adds to each neuron's
        show.require(max(map(abs, others)) < 10.0**-show.DECIMALS, "what the literal sum adds is lost in print",
                     added=max(others, key=abs))
        notes.append(show.tex(r"For this example the literal reading agrees as the table prints it, by coincidence: "
                              r"with $x = ({{x1:given}}, {{x2:given}})$ every neuron's weighted input "
                              r"$w_{i1} x_1 + w_{i2} x_2$ is at most {{most}} in size, so what the literal sum adds to "
                              r"each neuron's, the other neurons', is lost in the table's six decimals. For any input "
                              r"that gives the neurons weighted inputs the table shows, the literal reading adds the "
                              r"other neurons' to each.", x1=x[0], x2=x[1],
                              most=f"{abs(float(max(weighted, key=abs))):.1e}"))
    elif agrees(literal, explicit):  # the literal sum is the same for every neuron: every w_i . x is 0
        notes.append(show.tex(r"For this example the literal reading agrees by coincidence: with $x = ({{x1:given}}, "
                              r"{{x2:given}})$ every neuron's weighted input $w_{i1} x_1 + w_{i2} x_2$ is 0, so the "
                              r"literal sum is 0 too and both readings leave just the bias. For any input that gives "
                              r"one neuron a weighted input other than 0, the literal reading adds the other neurons' "
                              r"weighted inputs to it.", x1=x[0], x2=x[1]))
    # The neurons whose row the table prints alike in both readings: the other neurons' weighted inputs cancel.
    hits = [i for i in range(3) if show.num(literal[i]) == show.num(explicit[i])]
    misses = [i for i in range(3) if i not in hits]
    if hits and misses:
        if len(hits) == 1:
            added = f"to its own weighted input it adds the other neurons', {_cancelling(w, x, hits[0])}"
        else:  # one sentence for all of them, each one's numbers after it
            cancel = all(sum(_by_hand(w, x, j) for j in range(3) if j != i) == 0 for i in hits)  # by hand
            added = (f"to each one's own weighted input it adds the other neurons', which {'' if cancel else 'nearly '}"
                     "cancel: " + "; ".join(f"for neuron {i + 1}, {_cancelling(w, x, i)}" for i in hits))
        notes.append(f"For this example the literal reading happens to give the right value for {_neurons(hits)}: "
                     f"{added}. A coincidence of the numbers, not of the formula: for {_neurons(misses)} it is wrong.")
    return _notes(*notes)


def sum_over_neurons(net: Network, x: ArrayLike, wrong: np.ndarray, explicit: ArrayLike) -> str:
    """Erratum 2: where the slide's sum over the neurons ``wrong`` (``wrong[i][k - 1]`` for neuron i + 1 and the
    input k it leaves free) gives some neurons, or all, the value of the explicit lines, which numbers make it so."""
    w, b, explicit = net.w_hidden, net.b_hidden, np.asarray(explicit)
    matching = [k for k in range(2) if agrees(wrong[:, k], explicit)]  # the k for which every neuron agrees
    # the neurons each k gets right as the table prints them, one phrase per k: "neurons 1 and 3 with k = 1"
    right_for = {k: [i for i in range(3) if agrees(wrong[i, k], explicit[i])] for k in range(2)}
    hits = [_neurons(ids) + show.tex(" with $k = {{k}}$", k=k + 1) for k, ids in right_for.items() if ids]
    if not matching:
        return _notes(f"For this example the slide's version happens to give the right value for "
                      f"{show.and_list(hits)}. A coincidence of the numbers, not of the formula: with the same $k$ it "
                      "is wrong for another neuron.") if hits else ""
    # the slide's sum, x_k times a column sum of w, is the same for every neuron
    weighted = explicit - b  # each neuron's weighted input w_i1 x_1 + w_i2 x_2
    # by hand, each sum over i of w_ik x_k is 0 (x_k = 0 or the column adds up to 0), and each neuron's over k
    zero_sums = not any(sum(_typed(w[i, k]) for i in range(3)) * _typed(x[k]) for k in range(2))
    if zero_sums and not any(_by_hand(w, x, i) for i in range(3)):  # in practice x = (0, 0)
        return _notes(show.tex(r"For this example the slide's version agrees by coincidence: with $x = ({{x1:given}}, "
                               r"{{x2:given}})$ every sum above, over $i$ or over $k$, is 0, and every version leaves "
                               r"just the bias $b_i$. For an input that gives the neurons different weighted inputs, "
                               r"the sum over $i$, the same for every neuron, is wrong for some of them.",
                               x1=x[0], x2=x[1]))
    sizes = [abs(float(v)) for v in (*weighted, *(wrong - b[:, None]).ravel())]
    if max(sizes) < 0.5 * 10.0**-show.DECIMALS:  # every sum a hair from 0: each version prints b_i, given as typed
        return _notes(show.tex(r"For this example the slide's version agrees as the table prints it, by coincidence: "
                               r"with $x = ({{x1:given}}, {{x2:given}})$ every sum above, over $i$ or over $k$, is at "
                               r"most {{most}} in size, too small for the table's six decimals, and every version "
                               r"prints just the bias $b_i$. For an input that gives the neurons different weighted "
                               r"inputs, the sum over $i$, the same for every neuron, is wrong for some of them.",
                               x1=x[0], x2=x[1], most=f"{max(sizes):.1e}"))
    # e.g. every row of w equal to (1/3, 2/3) and x = (1, 1): each weighted input and the sum with k = 1 are 1
    by_hand = [_by_hand(w, x, i) for i in range(3)]
    exact = len(set(by_hand)) == 1 and all(sum(_typed(w[i, k]) for i in range(3)) * _typed(x[k]) == by_hand[0]
                                           for k in matching)
    sums = show.and_list([show.tex(r"$\sum_i w_{i{{k}}}\, x_{{k}}$", k=k + 1) for k in matching])
    show.require(agrees(weighted, np.full(3, weighted[0])) and all(agrees(wrong[:, k] - b, weighted) for k in matching),
                 f"every neuron's weighted input is the same, and the slide's {sums} equals it",
                 weighted=max(weighted, key=abs))
    return _notes(show.tex(r"For this example the slide's version agrees by coincidence: with $x = ({{x1:given}}, "
                           r"{{x2:given}})$ every neuron's weighted input $w_{i1} x_1 + w_{i2} x_2$ is the "
                           r"same{{printed}}, and the slide's sum {{sums}} {{happens}} to equal it. For an input that "
                           r"gives the neurons different weighted inputs, the sum over $i$, the same for every neuron, "
                           r"is wrong for some of them.", x1=x[0], x2=x[1], sums=sums,
                           printed="" if exact else " as the table prints it",
                           happens="happens" if len(matching) == 1 else "both happen"))


def within_noise(in_noise: Sequence[tuple[str, str, float, float]]) -> str:
    """Erratum 5: for each network whose formulas agreed only within what rounding alone can move a finite difference,
    ``in_noise`` holding (network, formula, largest difference, that rounding) for each such formula, that note."""
    show.require(all(gap <= noise for *_, gap, noise in in_noise), "each difference is within the rounding noise")
    notes = []
    for label in dict.fromkeys(label for label, *_ in in_noise):  # each network once, its formulas together
        names = [name for of, name, *_ in in_noise if of == label]
        gap = max(g for of, _, g, _ in in_noise if of == label)
        noise = next(n for of, *_, n in in_noise if of == label)
        notes.append(show.tex("On {{label}} the hidden updates are so small that the largest difference, {{gap:.1e}}, "
                              "is within what rounding alone can move a finite difference here ({{noise:.1e}}): "
                              "{{names}} {{verb}} as far as a finite difference can tell.", label=label,
                              names=show.and_list(names), gap=gap, noise=noise,
                              verb="agrees" if len(names) == 1 else "agree"))
    return _notes(*notes)


def output_rules(eta: float, y_h: ArrayLike, sent: Sequence[int], tiny: bool, shows: bool) -> str:
    """The remark on the output rules: its table of the slides' Δw_4i and Δb_4 against finite differences checks the
    hidden neuron ``sent[0]``, whose output ``y_h`` is the largest in size as written (``sent``: every neuron's of that
    size); ``tiny``: its steps were written in scientific notation; ``shows``: Δw_4i could show the missing factor."""
    notes = []
    if tiny:
        notes.append(show.tex(r"With $\eta = {{eta:given}}$ the steps are too small for the pages' {{n}} decimals to "
                              "tell the two formulas apart: the table writes them in scientific notation.", eta=eta,
                              n=show.DECIMALS))
    i = sent[0]
    show.require(len({show.written_digits(abs(y_h[n]))[0] for n in sent}) == 1,  # as show.largest(as_written=True)
                 "the neurons named send outputs of the same size as written")
    if len(sent) > 1 and shows:
        notes.append(show.tex(r"Hidden neurons {{names}} send outputs of the same size as written, "
                              r"$|y_{hi}| = {{y}}$ for each: the table "
                              r"checks the first, neuron {{i}}.", names=show.and_list([str(n + 1) for n in sent]),
                              y=abs(y_h[i]), i=i + 1))
    if not shows:
        show.require(y_h[i] != 0 or not np.any(y_h), "every y_hi is 0", largest=float(np.max(np.abs(y_h))))
        why = (r"every $y_{hi}$ is 0, so every {{step}} is 0" if y_h[i] == 0 else
               r"even the largest $|y_{hi}|$, ${{largest}}$, leaves {{step}} printing alike with both formulas")
        notes.append(show.tex("In this example " + why + ": only $b_4$ shows the factor.",
                              step=r"$\Delta w_{4i} = \Delta b_4\, y_{hi}$", largest=show.sci(abs(y_h[i]))))
    return _notes(*notes)


def written_out_updates(checked: Sequence[tuple[str, float, float, float, str | None]]) -> str:
    """The written-out updates against finite differences, ``checked`` holding for each (its TeX label, the slides'
    formula, the finite difference, what that difference alone can be off by, and the TeX of a factor 0 that makes
    both 0, `judged.zero_factor`): which print a last digit apart, which are too small for a finite difference to
    check, and which no finite difference can tell right from wrong."""
    apart, unchecked, no_slope = [], [], {}  # no_slope: a factor 0 -> the updates it makes exactly 0
    for label, value, exact, error, factor in checked:
        show.require(judged.agrees(value, exact, error), f"{label} agrees with its finite difference",
                     value=value, exact=exact, error=error)
        if factor is not None:  # w_4i = 0 or x_k = 0: E does not depend on the parameter
            no_slope.setdefault(factor, []).append(label)
        elif abs(value) <= error:  # no larger than the central difference's own error: beyond what it can check
            unchecked.append((label, error))
        elif show.cell(value) != show.cell(exact):  # agreeing, but a digit apart in print: the difference's error
            apart.append((label, error))
    notes = []
    if apart:
        notes.append(show.tex("The {{differences}} of {{names}} {{verb}} a last digit apart from the formula: what a "
                              "central difference alone can be off by (its rounding and truncation, here up to "
                              "${{error}}$) reaches that digit.", names=show.and_list([name for name, _ in apart]),
                              differences="finite difference" if len(apart) == 1 else "finite differences",
                              verb="prints" if len(apart) == 1 else "print",
                              error=show.sci(max(error for _, error in apart), up=True)))
    if unchecked:  # saturated hidden neurons: their updates are smaller than the differences' own error
        notes.append(show.tex("{{names}} {{verb}} no larger than what a central difference alone can be off by here "
                              "(up to ${{error}}$): finite differences cannot check {{them}} on this example, and "
                              "their \"agrees\" says only that the two lie within that of each other.",
                              names=show.and_list([name for name, _ in unchecked]),
                              verb="is" if len(unchecked) == 1 else "are", them="it" if len(unchecked) == 1 else "them",
                              error=show.sci(max(error for _, error in unchecked), up=True)))
    for factor, labels_0 in no_slope.items():  # 0 by the slides' formula and by any finite difference
        notes.append(show.tex("{{names}} {{verb}} 0 here by the slides' formula and by finite differences alike: "
                              "${{factor}}$, so the cost does not depend on {{those}}, and this check cannot tell a "
                              "right formula from a wrong one there.", names=show.and_list(labels_0),
                              verb="is" if len(labels_0) == 1 else "are", factor=factor,
                              those="that parameter" if len(labels_0) == 1 else "those parameters"))
    return _notes(*notes)
