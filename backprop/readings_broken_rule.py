r"""The verification page's reading of its broken rule: rules (3) and (4) without the hidden factor $f'(v_i)$, and
whether the gradient check catches it at the worked example (`broken_rule`).

As `backprop.readings` does for the rule pages: the page's code computes and prints the broken rule's table, then
prints what the function here writes from the same numbers, computed again from the network, input and target the
table used. Which sentence is printed is chosen from the numbers (every $f'(v_i) = 1$, all within a hair of 1, or
caught), and the one that says the check catches the slip is checked first with `show.require`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import show
from .caught import WRONG, MistakeCheck, factor_r, orders_apart, r_text, slip_too_small
from .gradcheck import (
    analytic_gradient,
    numerical_gradient,
    relative_error,
    rounding_noise,
    tolerance,
    truncation_error,
)
from .labels import tex_of
from .network import Network, forward
from .rules import error, f_prime_hidden, f_prime_output


def broken_rule(net: Network, x: ArrayLike, d: ArrayLike) -> str:
    """What the gradient check finds on rules (3) and (4) without $f'(v_i)$ at (x, d): the largest relative error
    against the correct rules' on the same rows, why the slip reads as it does, and the rows it does not show on."""
    x, d = np.asarray(x, dtype=float), np.asarray(d, dtype=float)
    fp = forward(net, x)
    back = (error(fp, d) * f_prime_output(fp)) @ net.w_output
    analytic = -np.concatenate([np.outer(back, x).ravel(), back])
    right = analytic_gradient(net, x, d)
    numerical = numerical_gradient(net, x, d)
    numerical = np.concatenate([numerical["w_hidden"].ravel(), numerical["b_hidden"]])
    tol = tolerance(net, x, d)
    tol = np.concatenate([tol["w_hidden"].ravel(), tol["b_hidden"]])
    r = relative_error(analytic, numerical, tol)
    f_prime = f_prime_hidden(fp)
    # the correct rules judged on the same rows (not gradient_check over all 13, whose largest r may be an output
    # weight's)
    correct = float(relative_error(np.concatenate([right["w_hidden"].ravel(), right["b_hidden"]]), numerical,
                                   tol).max())
    plain = relative_error(analytic, numerical).max()  # without the allowance for the difference's own error
    # Without f'(v_i) each gradient is the right one over f'(v_i): a factor k = 1/f'(v_i), which reads
    # r = |k - 1|/(k + 1) = (1 - f'(v_i))/(1 + f'(v_i)), above WRONG only for f'(v_i) below `below`.
    below = (1 - WRONG) / (1 + WRONG)
    how = show.tex(r"Without $f'(v_i)$ each row's gradient is the right one over $f'(v_i)$, so a row with a nonzero "
                   r"gradient reads $r = (1 - f'(v_i))/(1 + f'(v_i))$: above $10^{-4}$ only where $f'(v_i)$ is below "
                   r"{{below}}. A logsig neuron, whose $f'(v_i) \le \tfrac14$, always shows the slip ($r \ge 0.6$); a "
                   r"tansig neuron, whose $f'(v_i) = 1 - y_{hi}^2$, only where $|y_{hi}|$ is above {{y_min}}.",
                   below=f"{below:.5f}", y_min=f"{np.sqrt(1 - below):.4f}")
    if np.all(f_prime == 1):  # tanh at v_i = 0: dropping a factor 1 changes nothing
        return show.tex(r"Here every $f'(v_i) = {{f}}$ (every $v_i = 0$), so dropping it changes nothing and the check "
                        r"has nothing to catch: the largest relative error is {{r}}, as for the correct rules on the "
                        r"same rows ({{correct}}).",
                        f=f_prime[0], r=r_text(r.max()), correct=r_text(correct)) + " " + how + "\n"
    if slip_too_small(MistakeCheck(correct, float(r.max()), float(plain))):  # every f'(v_i) within a hair of 1
        show.require(factor_r(1 / f_prime).max() <= WRONG, "every f'(v_i) is so close to 1 that dropping it reads "
                     "below 10^-4", f_prime=", ".join(f"{v:.9g}" for v in f_prime), largest_r=r.max())
        return show.tex(r"Here every $f'(v_i)$ is within {{off}} of 1, so the broken rule is nearly right: largest "
                        r"relative error {{r}}, against {{correct}} for the correct rules on the same rows, both below "
                        r"the $10^{-4}$ that reads as a bug. On this example the check cannot catch the slip.",
                        off=f"{np.max(1 - f_prime):.1e}",
                        r=r_text(r.max()), correct=r_text(correct)) + " " + how + "\n"
    cut = truncation_error(net, x, d)
    small = (f"e = {error(fp, d)[0]:.6g} is so small that the gradients, which shrink with e, lie within what the "
             "central difference alone can be off by (its truncation error does not shrink with e): the check cannot "
             "tell the broken rule from the right one")
    why = small if plain > 1e-4 >= r.max() else "the broken rule's gradients are that close to the right ones"
    show.require(r.max() > 1e-4, "the gradient check catches the broken rule (rules (3) and (4) without f'(v_i))",
                 largest_r=r.max(), plain_r=plain, f_prime=", ".join(f"{v:.6g}" for v in f_prime),
                 rounding_noise=rounding_noise(net, x, d),
                 truncation=max(float(cut["w_hidden"].max()), float(cut["b_hidden"].max())), why=why)
    least = orders_apart(float(r.max()), correct)
    apart = (f"{least} apart" if least else "less than an order of magnitude apart" if correct > 0
             else "the correct rules' gaps all within what the central difference alone can be off by")
    out = [f"Largest relative error: **{r_text(r.max())}**, against {r_text(correct)} for the correct rules on the "
           f"same rows: {apart}. {how}"]
    zero_weights = not np.any(right["w_hidden"]) and not np.any(analytic[:6])
    quiet = _quiet_rows(net, analytic, numerical, r, f_prime, zero_weights)
    if quiet:
        out += ["", quiet]
    if zero_weights:
        out.append(show.tex(r"Both inputs are 0 here ($x = ({{x1:given}}, {{x2:given}})$), so every $\Delta w_{ik}$ is "
                            r"0, with $f'(v_i)$ or without: the biases' rows, whose input is 1, show the slip.",
                            x1=x[0], x2=x[1]))
    return "\n".join(out) + "\n"


def _quiet_rows(net: Network, analytic: np.ndarray, numerical: np.ndarray, r: np.ndarray, f_prime: np.ndarray,
                zero_weights: bool) -> str:
    """The rows the slip does not show on, and why: a neuron whose f'(v_i) is near 1 (tansig, v_i near 0), or a
    gradient of 0; "" if it shows on every row."""
    labels = tex_of(net, "w_hidden") + tex_of(net, "b_hidden")
    neuron = [n // net.n_in for n in range(net.n_hidden * net.n_in)] + list(range(net.n_hidden))
    quiet = [n for n in range(len(r)) if r[n] <= WRONG and not (zero_weights and n < net.n_hidden * net.n_in)]
    if not quiet:
        return ""
    zero = [n for n in quiet if analytic[n] == 0 and numerical[n] == 0]
    near = sorted({neuron[n] for n in quiet if n not in zero})
    reasons = []
    if near:
        if all(f_prime[near] == 1):
            slopes = show.and_list([show.tex(r"$f'(v_{{i}}) = {{f}}$", i=i + 1, f=f_prime[i]) for i in near])
            reasons.append(f"{slopes}: dropping a factor 1 changes nothing")
        else:  # 0.99999996 prints 1.000000: say how near 1 it is
            slopes = show.and_list([show.tex(r"$f'(v_{{i}})$", i=i + 1) for i in near])
            reasons.append(f"{slopes} within {max(1 - f_prime[near]):.1e} of 1, a factor so close to 1 that dropping "
                           f"it changes {'that row' if len(quiet) == 1 else 'those rows'} by less than the check calls "
                           "a bug")
    if zero:
        reasons.append(show.tex("{{rows}} {{verb}} a gradient of 0 with $f'(v_i)$ or without",
                                rows=show.and_list([f"${labels[n]}$" for n in zero]),
                                verb="has" if len(zero) == 1 else "have"))
    return show.tex("The slip does not show on every row: {{rows}} {{verb}} {{r}}, below the ${{wrong}}$ that reads as "
                    "a bug ({{why}}). The check catches it on the others.",
                    wrong=f"10^{{{round(np.log10(WRONG))}}}",  # the threshold of a bug, WRONG
                    rows=show.and_list([f"${labels[n]}$" for n in quiet]),
                    r=("at most " if r[quiet].max() > 0 else "") + r_text(r[quiet].max()),  # all 0: no "at most"
                    verb="reads" if len(quiet) == 1 else "read",
                    why="; ".join(reasons))
