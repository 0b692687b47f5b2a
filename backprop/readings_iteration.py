"""The iteration-and-training page's readings: after a block of the page has computed one iteration, or a training
run, a function here writes what its numbers say (whether the cost fell and by what factor, how near the first-order
prediction a step falls, how the counts of multiplications grow, how a run's mean cost went).

As `backprop.readings` does for the rule pages: the page's code computes, and prints its table, then prints what a
function here writes from the numbers. A sentence that holds for some numbers only is chosen from them, or checked
first with `show.require`, so that the build, or a reader's copy of the code with other numbers, stops rather than
print a false sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from . import show
from .network import Network

CLOSE = 0.01  # how near 1 the first-order table's last fall / predicted is


def _times(n: int) -> str:
    return f"{n} time" if n == 1 else f"{n} times"


def value_at_next(before: float, delta: float, after: float) -> str:
    """A parameter's value at n+1 in the one-iteration table: as a number where its value at n and its Δ, as the table
    prints them (six decimals), add up to it as printed, and with "≈" before it where they do not."""
    adds_up = show.eq(Decimal(show.num(before)) + Decimal(show.num(delta)), after, show.DECIMALS) == "="
    return show.num(after) if adds_up else f"$\\approx$ {show.num(after)}"


def cost_change(E_n: float, E_next: float, eta: float) -> str:
    """Whether the step lowered the sample's cost E(n) to E(n+1), and by what factor, as the quotient of the two costs
    as the table prints them; where it grew, why a step that sets off downhill can end higher (a step of `step`,
    with ``eta`` > 0)."""
    show.require(E_n > 0 and E_next > 0 and eta > 0, "both costs and eta are positive: a quotient, a step downhill",
                 E_n=E_n, E_next=E_next, eta=eta)
    show.require(E_next != E_n, "the cost either fell or grew", E_n=E_n, E_next=E_next)
    if E_next < E_n:
        fell = show.quotient(("E(n)", E_n), ("E(n+1)", E_next), "costs")
        return f"On this sample the cost fell by a factor of {fell}."
    # The step starts downhill (against the slope at time n), so ending higher means it went past the lowest point on
    # its way: the slope at time n did not hold over a step this long.
    grew = show.quotient(("E(n+1)", E_next), ("E(n)", E_n), "costs")
    return (f"On this sample the cost did **not** fall: it grew by a factor of {grew}. "
            + show.tex(r"The step set off against the slope of $E(n)$, where the cost falls, but with "
                       r"$\eta = {{eta:given}}$ it was too large for that slope to hold: it went past the lowest cost "
                       r"along its way and ended higher than it started.", eta=eta))


def _written(value: float) -> str:
    """As the tables write a number, or from 10^9 on (more digits than a double holds) with 7 of its digits."""
    return show.cell(value) if abs(value) < 1e9 else f"${show.sci(value, 7)}$"


def _step_name(k: int) -> str:
    return r"$\eta$" if k == 0 else r"$\eta / 10$" if k == 1 else rf"$\eta / 10^{{{k}}}$"


def first_order(falls: Sequence[tuple[float, float]], E_n: float) -> str:
    """The first-order table: for the steps η, η/10, η/100, ... in turn, ``falls`` holds each step's predicted fall
    (the step times the sum of the squared slopes) and its fall E(n) - E(n+1), down to the first from η/100 on whose
    fall is within `CLOSE` of the prediction; the sentence before the table, and the notes after it."""
    show.require(all(predicted > 0 for predicted, _ in falls), "the slope is not 0: the first order predicts a fall")
    ratios = [fall / predicted for predicted, fall in falls]
    show.require(len(falls) >= 3 and abs(ratios[-1] - 1) < CLOSE,
                 "a step of eta / 10^12 or longer falls as the first order predicts", ratio=ratios[-1])
    show.require(all(abs(ratio - 1) >= CLOSE for ratio in ratios[2:-1]),
                 "the table stops at the first step from eta / 100 on that falls as predicted",
                 ratio=min(ratios[2:-1], key=lambda ratio: abs(ratio - 1), default=ratios[-1]))
    rows = [(_step_name(k), _written(predicted), _written(fall), ratio)
            for k, ((predicted, fall), ratio) in enumerate(zip(falls, ratios))]
    left_out = len(rows) - 4 if len(rows) > 5 else 0
    if left_out:  # the first two and the last two, the steps between them left out
        rows = [*rows[:2], ("…", "…", "…", "…"), *rows[-2:]]
    out = [show.tex(r"With the example's $\eta$ and steps ten times shorter each, down to the first "
                    r"(from $\eta / 100$ on) whose fall is within {{close}} % of the prediction:",
                    close=round(CLOSE * 100)), "",
           show.table(["step", r"predicted fall: the step times $\sum_\theta (\partial E / \partial \theta)^2$",
                       "fall $E(n) - E(n+1)$", "fall / predicted"], rows, "lrrr")]
    if left_out:
        out += ["", f"The row … stands for the {left_out} steps between, left out."]
    predicted = falls[0][0]
    if predicted > E_n:  # the first order alone would take the cost below 0, which no cost can be
        out += ["", show.tex(r"With $\eta$ itself the prediction, {{predicted}}, is more than the whole cost "
                             r"$E(n) = {{E}}$: a cost cannot fall below 0, so a step this long is far from where the "
                             r"first order describes the cost.", predicted=_written(predicted), E=E_n)]
    return "\n".join(out)


def why_cheap(ratios: Sequence[tuple[int, float, float]]) -> str:
    """What the multiplication counts say, from (parameters, differences / backpropagation, backpropagation / one
    forward pass with its cost) of the slides' network and of a larger one, in that order."""
    (small, small_ratio, small_passes), (large, large_ratio, large_passes) = ratios
    show.require(small < large and round(small_ratio) < round(large_ratio),  # as the sentence prints them
                 "the ratio grows with the number of parameters", small=small, large=large)
    show.require(max(small_passes, large_passes) <= 5, "backpropagation takes a few forward passes' work",
                 passes=max(small_passes, large_passes))
    return (f"Differences take two forward passes per parameter, each with its cost. Backpropagation takes what "
            f"{small_passes:.1f} such passes take for the slides' network and {large_passes:.1f} for the large one: a "
            f"few passes, whatever the number of parameters. So the ratio grows with the number of parameters: "
            f"{small_ratio:.0f} for the slides' {small}, {large_ratio:,.0f} for {large:,}. That is what makes training "
            f"a large network possible at all.")


def training_run(costs: np.ndarray) -> str:
    """How a training run's mean cost per epoch (``costs``) went: from its first to its last epoch as printed, how
    often it went the other way from one epoch to the next, and where it was lowest (online training's costs rise now
    and then, which the page says)."""
    costs = np.asarray(costs, dtype=float)
    first, last = show.rounded(costs[0]), show.rounded(costs[-1])
    show.require(first != last, "the mean cost fell or rose over the run, as printed", first=costs[0], last=costs[-1])
    went, back, steps = ("fell", "rose", np.diff(costs) > 0) if last < first else ("rose", "fell", np.diff(costs) < 0)
    show.require(np.any(steps), f"the mean cost does not {'fall' if went == 'fell' else 'rise'} epoch by epoch")
    return (f"Over the {len(costs)} epochs the mean cost {went} from {show.num(costs[0])} to {show.num(costs[-1])}, "
            f"but not epoch by epoch: it {back} from one epoch to the next {_times(int(np.sum(steps)))} out of "
            f"{len(costs) - 1}. Its lowest value, {show.num(costs.min())}, came in epoch {int(costs.argmin()) + 1}.")


def symmetric_start(net: Network, costs: np.ndarray, random_costs: np.ndarray) -> str:
    """A run from a start whose hidden neurons are alike (``net`` its end, ``costs`` its mean cost per epoch) beside
    the run from a random start: the neurons are still alike, and the run ends higher."""
    alike = all(np.array_equal(row, net.w_hidden[0]) for row in net.w_hidden)
    show.require(alike and len(set(net.b_hidden)) == 1 and len(set(net.w_output[0])) == 1,
                 "hidden neurons that start alike stay alike")
    show.require(costs[-1] > random_costs[-1], "the symmetric start ends with a higher cost than the random one",
                 symmetric=costs[-1], random=random_costs[-1])
    rows = show.number_word(net.n_hidden)
    row = ", ".join(show.num(w) for w in net.w_hidden[0])
    return show.tex("After {{epochs}} epochs the {{rows}} rows of `w_hidden` are still equal, $({{row}})$, and so "
                    "are the biases and the output weights. The last epoch's mean cost is {{last}}, against {{random}} "
                    "from the random start above.", epochs=len(costs), rows=rows, row=row, last=costs[-1],
                    random=random_costs[-1])


def online_or_batch(online_costs: Sequence[float], batch_costs: Sequence[float], samples: int) -> str:
    """Which of two runs, online and batch, from the same start and one epoch's work apiece (each list: the mean cost
    at the start and after every epoch), is ahead at the end, and whether every batch step lowered the mean cost."""
    show.require(len(online_costs) == len(batch_costs) > 1, "the two runs took the same number of epochs",
                 online=len(online_costs), batch=len(batch_costs))
    epochs = len(batch_costs) - 1
    batch_falls = all(b < a for a, b in itertools.pairwise(batch_costs))
    # ahead as the table prints the two costs
    ahead = show.pick(show.rounded(batch_costs[-1]) - show.rounded(online_costs[-1]), "online training is ahead",
                      "batch training is ahead", "the two are level, as the table prints them")
    return (f"After {epochs} epoch{'s' if epochs > 1 else ''} {ahead}: online took {epochs * samples:,} steps, each "
            f"along one sample's gradient; batch took {epochs}, each along the gradient of the mean cost itself"
            f"{', and each of them lowered it' if batch_falls else ''}.")
