r"""The verification page's readings of its two tables: what the gradient table says of the four rules at the worked
example (`gradient_table`), and how the finite differences' error moves with the step $h$ (`h_table`).

As `backprop.readings` does for the rule pages: the page's code computes and prints each table, then prints what a
function here writes from the same numbers, computed again from the network, input and target the table used. A
sentence that holds for some numbers only is chosen from them, or checked first with `show.require`, so that the
build stops rather than print a false sentence.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from numpy.typing import ArrayLike

from . import judged, show
from .gradcheck import (
    RIGHT,
    analytic_gradient,
    gradient_check,
    numerical_gradient,
    relative_error,
    rounding_noise,
    truncation_error,
    worst_entry,
)
from .labels import tex_of
from .network import Network, forward
from .rules import cost, error, f_prime_hidden

POWERS = range(1, 13)  # the h table's rows, h = 10^-p


def gradient_table(net: Network, x: ArrayLike, d: ArrayLike) -> str:
    """Whether the rules' gradient and the central differences agree at (x, d), to how many printed digits, what a
    check at one point cannot see there, and how each gap is judged (the allowance, the floor)."""
    x, d = np.asarray(x, dtype=float), np.asarray(d, dtype=float)
    analytic, numerical = analytic_gradient(net, x, d), numerical_gradient(net, x, d)
    a = np.concatenate([g.ravel() for g in analytic.values()])
    c = np.concatenate([numerical[k].ravel() for k in analytic])
    same = sum(show.written_digits(ai)[0] == show.written_digits(ci)[0] for ai, ci in zip(a, c))  # as printed
    largest = gradient_check(net, x, d)
    noise, cut = rounding_noise(net, x, d), truncation_error(net, x, d)
    e = error(forward(net, x), d)[0]
    show.require(largest < RIGHT, "the rules pass the gradient check on the worked example", largest_r=largest, e=e,
                 worst=worst_entry(analytic, numerical, noise, cut))
    # gradients that six decimals write with at most two significant digits, so that their printed agreement says
    # little: those whose plain relative error shows far more, and those too small for it to (a gap that rounding
    # alone can move their relative error past RIGHT with, or one the allowance judges: the next paragraph names them)
    names = [n for k in analytic for n in tex_of(net, k)]
    coarse, _ = judged.coarse_rows(net, analytic, numerical, noise)
    small = [(f"${name}$", ai, ci) for name, ai, ci in zip(names, a, c) if ai != 0 and abs(show.rounded(ai)) < 1e-4]
    few = [label for label, ai, ci in small if relative_error(ai, ci) < RIGHT and label not in coarse]  # plain r
    unconfirmed = [label for label, _, _ in small if label not in few]
    one_point = _one_point(net, x)
    if same == len(a):
        first = ("The two columns agree to every printed digit: at this example, the package's four rules give the "
                 "slopes of $E$."
                 + (f" {show.and_list(few)} print{'s' if len(few) == 1 else ''} with at most two significant digits; "
                    f"the relative-error column shows the two agree to many more (a relative error below "
                    f"$10^{{{round(math.log10(RIGHT))}}}$)." if few else "")
                 + (f" {show.and_list(unconfirmed)} print{'s' if len(unconfirmed) == 1 else ''} with at most two "
                    f"significant digits{' too' if few else ''}, and "
                    f"{'its gradient is' if len(unconfirmed) == 1 else 'their gradients'}"
                    f"{'' if len(unconfirmed) == 1 else ' are'} too small for the relative error to confirm more "
                    "(below)." if unconfirmed else "") + one_point)
    else:
        # how far apart each row's two printed numbers are, in units of the finer last digit printed (10^-6, or of two
        # digits: 5.6e-12 beside 0.000000 is 56 units of 10^-13 apart, not 0 of 10^-6)
        units = max(round(abs(show.written_digits(ai)[0] - show.written_digits(ci)[0])
                          / min(show.written_digits(ai)[1], show.written_digits(ci)[1])) for ai, ci in zip(a, c))
        # values printed one unit apart lie on either side of a rounding boundary; more than one unit is the error of
        # the central difference itself (the analytic column is exact up to floating point), not the printing
        why = "two values on either side of a rounding boundary" if units == 1 else "the central difference's own error"
        head = (f"The two columns agree to every printed digit in {same} of the {len(a)} rows; in the others they "
                "differ by" if same else "The two columns differ in every row, by")
        first = (f"{head} {'up to ' if units > 1 else ''}{units} in the last printed digit, {why} (the largest "
                 f"relative error is {largest:.1e}). At this example, the package's four rules give the slopes of $E$."
                 + one_point)
    return first + "\n\n" + _judgement(net, x, analytic, numerical, noise, cut, e) + "\n"


def _one_point(net: Network, x: np.ndarray) -> str:
    """What a check at this one point cannot see: a factor that is 1 here, too many or too few; two inputs, or two
    hidden neurons (the same field and the same output weight), alike here, one taken for the other."""
    ones = [f"$x_{k + 1}$" for k, xk in enumerate(x) if xk == 1]
    blind = [f"a hidden rule with a factor {' or '.join(ones)} too many or too few "
             f"({'it is' if len(ones) == 1 else 'each is'} 1 here)"] if ones else []
    pairs = [(k, m) for k in range(len(x)) for m in range(k + 1, len(x))]
    blind += [f"a hidden rule that takes $x_{m + 1}$ for $x_{k + 1}$ (the two are equal here)"
              for k, m in pairs if x[k] == x[m]]
    v_h = forward(net, x).v_hidden
    blind += [f"a rule that takes hidden neuron {m + 1}'s values for neuron {k + 1}'s (here the two have the same "
              "field and the same output weight)" for k in range(net.n_hidden) for m in range(k + 1, net.n_hidden)
              if v_h[k] == v_h[m] and np.array_equal(net.w_output[:, k], net.w_output[:, m])]
    one_point = (f" A check at one point cannot see every slip: here {show.and_list(blind)} would pass too."
                 if blind else "")
    if net.output == "purelin":  # not a matter of the point: f'(v_4) is 1 at every point
        one_point += (" With a linear output, whose slope $f'(v_4)$ is 1 everywhere, a rule without it passes at "
                      "every point of this network.")
    if one_point:
        one_point += " The test suite checks the rules on random networks as well, with other outputs among them."
    return one_point


def _judgement(net: Network, x: np.ndarray, analytic: dict, numerical: dict, noise: float, cut: dict,
               e: float) -> str:
    """How each gap was judged: the rows whose plain r (RIGHT or more) the tolerance (noise plus truncation) set to 0,
    and what decided them, rounding noise alone or the truncation estimate; then the floor's rows."""
    rows = judged.allowance_rows(analytic, numerical, noise, cut)
    by_noise, by_cut = ([name for name, by_truncation in rows if by_truncation == which] for which in (False, True))
    decided = by_noise + by_cut
    # Richardson's estimate reads its own rounding too: c(2h) and c(h) are off by at most the noise at 2h and at h
    # (half the noise, and the noise), so a third of their difference by at most half the noise. Above the noise it is
    # mostly truncation, and only in a hidden parameter: E is quadratic in the output weights and bias, their
    # truncation error 0.
    hidden = [(k, i) for k in ("w_hidden", "b_hidden") for i in range(cut[k].size)]
    most = max(cut[k].flat[i] for k, i in hidden)
    if most > noise:  # the parameters whose estimate prints as the largest: a tie a reader sees is named
        named = show.and_list([f"${tex_of(net, k)[i]}$" for k, i in hidden if f"{cut[k].flat[i]:.1e}" == f"{most:.1e}"])
        truncation = (f"which Richardson's estimate puts at up to {most:.1e} here (largest for {named}; 0 for the "
                      "output weights and bias, in which $E$ is quadratic)")
    else:
        show.require(not by_cut, "a truncation estimate within the rounding noise decides no row",
                     rows=", ".join(by_cut))
        truncation = ("which is too small here for Richardson's estimate to tell it from rounding: the estimate, at "
                      f"most {most:.1e} for a hidden parameter, lies within that bound on the rounding noise, and "
                      "may be truncation, rounding or both (in the output weights and bias, in which $E$ is quadratic, "
                      "the truncation error is 0)")
    out = [show.tex(r"How each gap is judged: on its own the central difference can be off by its rounding noise, "
                    r"at most {{noise}} here, plus its truncation error, {{truncation}}; unlike the gradients, "
                    r"the truncation error does not shrink with the network's error, here $e = {{e}}$.",
                    noise=f"{noise:.1e}", truncation=truncation, e=show.num(e))]
    if not decided:
        out.append("That allowance decides no row, and each row's relative error is the plain one.")
    else:
        slopes = f_prime_hidden(forward(net, x))
        flat = [i for i, f_p in enumerate(slopes) if abs(f_p) < 1e-5]  # as the rule pages write them
        if len(flat) == 1:
            saturated = show.tex(" (a saturated neuron, neuron {{i}}: $f'(v_{{i}}) = {{f}}$)", i=flat[0] + 1,
                                 f=slopes[flat[0]])
        else:
            saturated = show.tex(" (saturated neurons: the smallest $f'(v_i)$ is {{f}})",
                                 f=min(slopes[flat], key=abs)) if flat else ""
        noise_cause = "rounding noise" + saturated
        cut_cause = "truncation error, which does not shrink with $e$, while the gradients do"
        if by_noise and by_cut:
            cause = (f"{noise_cause} (the rows of {show.and_list(by_noise)}) or truncation error (the rows of "
                     f"{show.and_list(by_cut)}), which does not shrink with $e$, while the gradients do")
        else:
            cause = cut_cause if by_cut else noise_cause
        many = len(decided) > 1
        right = f"$10^{{{round(math.log10(RIGHT))}}}$"
        out.append(f"That allowance decides the row{'s' if many else ''} of {show.and_list(decided)}: "
                   f"{'their gradients are' if many else 'its gradient is'} too small for a relative error "
                   f"($|a| + |c|$ below the allowance over {right}, and the plain relative error {right} or more), so "
                   f"a gap within the allowance counts 0 there. The plain relative error there, up to "
                   f"{judged.allowance_plain_r(analytic, numerical, noise, cut):.1e}, measures the central "
                   f"difference's own {cause}.")
    # the gradients exactly 0 in both columns (r = 0/10^-8, by the floor) or below the floor, and the others
    out.append(judged.floor_sentence(net, x, analytic, numerical, skip=decided, noise=noise))
    return " ".join(out)


def h_table(net: Network, x: ArrayLike, d: ArrayLike) -> str:
    """The h table read: how fast each difference's error falls as h shrinks, from which h rounding can explain its
    rows, where each column is most accurate, and how far the errors grow again below that."""
    x, d = np.asarray(x, dtype=float), np.asarray(d, dtype=float)
    # the table's parameter: the hidden weight or bias with the steepest slope
    gradient = analytic_gradient(net, x, d)
    candidates = [(param, i) for param in ("w_hidden", "b_hidden") for i in range(gradient[param].size)]
    param, i = max(candidates, key=lambda c: abs(gradient[c[0]].flat[c[1]]))
    a, theta = gradient[param].flat[i], getattr(net, param).flat[i]
    show.require(a != 0, "the h table reads the differences of a nonzero slope", dE_dtheta=a)

    def cost_with(value):
        array = getattr(net, param).copy()
        array.flat[i] = value
        return cost(forward(replace(net, **{param: array}), x), d)

    errors = {"central": {}, "one-sided": {}}
    # the rows whose gap |a - c| lies within what rounding alone can move that difference: rounding_noise bounds the
    # central difference's (it divides by 2h); the one-sided one divides by h, so twice that
    rounding = {"central": [], "one-sided": []}
    for p in POWERS:
        h = 10.0**-p
        bound = rounding_noise(net, x, d, h)
        for name, c, allowed in [("central", (cost_with(theta + h) - cost_with(theta - h)) / (2 * h), bound),
                                 ("one-sided", (cost_with(theta + h) - cost_with(theta)) / h, 2 * bound)]:
            errors[name][p] = float(relative_error(a, c))
            if abs(a - c) <= allowed:
                rounding[name].append(p)
    first = {name: rows[0] if rows else None for name, rows in rounding.items()}
    for name, rows in rounding.items():  # once rounding can explain a row, it can explain every smaller h
        show.require(not rows or rows == list(range(rows[0], POWERS.stop)), f"the {name} difference's rows below "
                     "h = 10^-p are all within rounding", rows=", ".join(map(str, rows)))
    out = ["Reading down the columns, " + _falls(errors, first, "central", "O(h^2)") + ", "
           + _falls(errors, first, "one-sided", "O(h)") + "."]
    where = [f"from $h = 10^{{-{first[name]}}}$ down for the {name} difference" for name in errors if first[name]]
    if where:
        p0 = min(p for p in first.values() if p)
        out.append(f"That law is sure to show only while truncation is larger than rounding: {show.and_list(where)}, "
                   f"the gap $|a - c|$ is within the bound on what rounding alone can move the difference "
                   f"(`rounding_noise`, with a safety factor of 10: {rounding_noise(net, x, d, 10.0**-p0):.1e} at "
                   f"$h = 10^{{-{p0}}}$, growing like $1/h$, and twice that for the one-sided difference, which "
                   "divides by $h$ instead of $2h$). Those rows' digits can be rounding error, the further down the "
                   "more so, and rounding depends on how $E$ is evaluated: in what order the forward pass adds its "
                   "terms (a matrix product may add them in another order than a loop, and a fused multiply-add "
                   "rounds $w x + b$ once where a multiply and an add round twice) and the last bit of `exp` or "
                   "`tanh`. Code of your own may print other digits in those rows, and find its smallest error at "
                   "another of their $h$.")
    out.append(_most_accurate(errors))
    return " ".join(part for part in out if part) + "\n"


def _falls(errors: dict, first: dict, name: str, order: str) -> str:
    """How fast a column's error falls over the rows above rounding: from 10^-2 to 10^-4 where it can."""
    hi = min(4, (first[name] or POWERS.stop) - 1)
    lo = 2 if hi >= 3 else 1
    if hi <= lo:
        return f"the {name} difference's error is rounding error from $h = 10^{{-{first[name]}}}$ on"
    digits = math.log10(errors[name][lo] / errors[name][hi]) / (hi - lo)  # per factor of ten in h
    return (f"the {name} difference {show.pick(digits, 'gains', 'loses')} {abs(digits):.1f} digits per factor of "
            f"ten in $h$ from $h = 10^{{-{lo}}}$ to $10^{{-{hi}}}$ (its error is ${order}$)")


def _at(powers) -> str:
    """'$h = 10^{-5}$', or '$h = 10^{-5}$ and $10^{-6}$' for rows that print alike."""
    return show.and_list([f"$10^{{-{p}}}$" for p in powers]).replace("$", "$h = ", 1)


def _most_accurate(errors: dict) -> str:
    """Where each column is most accurate, and how far its errors grow again below that: rows whose relative error
    prints alike (as the table prints it) are named together."""
    shown = {name: {p: float(f"{r:.1e}") for p, r in errs.items()} for name, errs in errors.items()}
    best = {name: [p for p in POWERS if s[p] == min(s.values())] for name, s in shown.items()}

    def most_accurate(name, what=""):
        rows = {1: "", 2: " in both rows"}.get(len(best[name]), " in each of those rows")
        return f"at {_at(best[name])} ({what}{errors[name][best[name][0]]:.1e}{rows})"

    said = (f"In this table, with the package's own $E$, the central difference is most accurate "
            f"{most_accurate('central', 'relative error ')}, the one-sided one {most_accurate('one-sided')}.")
    low = {name: powers[-1] for name, powers in best.items()}  # "below those": below the smallest best h of each
    if max(low.values()) >= POWERS[-1]:
        return said
    steady = all(s[p + 1] > s[p] for name, s in shown.items() for p in range(low[name], POWERS[-1]))
    # the largest error below each best h, and where: not always at the smallest h
    below = {name: range(low[name] + 1, POWERS.stop) for name in shown}
    peak = {name: [p for p in below[name] if s[p] == max(s[q] for q in below[name])] for name, s in shown.items()}
    highest = [f"{errors[name][powers[0]]:.1e}" for name, powers in peak.items()]
    if peak["central"] == peak["one-sided"] and highest[0] == highest[1]:  # one value, printed once
        at_peak = f"{highest[0]} in both columns at {_at(peak['central'])}"
    elif peak["central"] == peak["one-sided"]:
        at_peak = f"{highest[0]} (central) and {highest[1]} (one-sided) at {_at(peak['central'])}"
    else:
        at_peak = (f"{highest[0]} (central, at {_at(peak['central'])}) and {highest[1]} "
                   f"(one-sided, at {_at(peak['one-sided'])})")
    return f"{said} Below those the errors grow again{'' if steady else ', though not at every step'}, up to {at_peak}."
