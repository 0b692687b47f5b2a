"""The common-mistakes page's verdicts: after a block of the page has computed a mistake's updates beside the right
ones, a function here says what the gradient check finds, and why it misses the mistake where it does (a step too
small to show, a slope within a hair of 1, hidden outputs near 0).

As `backprop.readings` does for the rule pages: the page's code defines the mistake and computes, then prints what a
function here writes from the numbers. A sentence that holds for some examples only is chosen from the numbers, or
checked first (`show.require`, `caught.require_caught`), so that the build, or a reader's copy of the code with other
numbers, stops rather than print a false sentence. The sentences name the site's 2-3-1 network ($v_4$, $w_{4i}$,
three hidden neurons): ``net`` is the worked example's, or its weights with another activation, as on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from . import caught, judged, show
from .caught import (
    WRONG,
    check_mistake,
    factor_r,
    magnitude_tex,
    mistake_1_small,
    r_text,
    require_caught,
    slip_too_small,
    worst_row_note,
)
from .network import Network, forward
from .rules import delta_b_output, delta_w_output, error, f_prime_hidden


def output_weights_first(net: Network, x: ArrayLike, d: ArrayLike, eta: float, right: ArrayLike, wrong: ArrayLike,
                         labels: Sequence[str]) -> str:
    """Mistake 1, rules (3) and (4) computed with the output weights at n+1: the hidden updates ``right`` and
    ``wrong`` (weights, then biases) read as gradients by the check, and what it finds."""
    fp = forward(net, x)
    found = check_mistake(net, x, d, eta, ("w_hidden", "b_hidden"), right, wrong)  # right and wrong as gradients
    r_right, r_wrong, e = found.right, found.wrong, error(fp, d)[0]
    if np.array_equal(wrong, right):  # w_ji(n+1) = w_ji(n): nothing to catch
        # every y_hi = 0; or steps eta e y_hi so small (tiny outputs, a tiny eta) that w_4i(n+1) is w_4i(n) as a
        # double, or within a unit or two of its last place, which the hidden updates' products round away
        if not np.any(fp.y_hidden):
            why = "every $y_{hi}$ is 0, so no output weight moves and $w_{ji}(n+1) = w_{ji}(n)$"
        else:
            why = show.tex(r"the output weights' steps $\eta e\, y_{hi}$, at most ${{moved}}$ in size, are so small "
                           r"that the hidden updates computed with $w_{ji}(n+1)$ are the same doubles as with "
                           r"$w_{ji}(n)$", moved=show.sci(np.max(np.abs(delta_w_output(fp, d, eta)))))
        return (f"Here {why}: the mistake changes nothing on this example, and the check has nothing to catch "
                f"(gradient check: right {r_text(r_right)}, wrong {r_text(r_wrong)}).")
    if r_wrong <= WRONG:  # w_ji(n+1) - w_ji(n) = eta e y_hi is small: so is the mistake
        moved, y_max = np.max(np.abs(delta_w_output(fp, d, eta))), np.max(np.abs(fp.y_hidden))
        small = mistake_1_small(eta * e, y_max)  # which factor of eta e y_hi keeps the step small
        least = caught.orders_apart(r_wrong, r_right)
        if least:
            apart = f"though it is {least} above the right rules"
        elif r_right == 0 < r_wrong:
            apart = ("though it is above the right rules, whose gaps all lie within what the central difference alone "
                     "can be off by")
        else:  # not a whole order of magnitude apart: on this example the check cannot tell the mistake from them
            apart = "nor can it tell the mistake from the right rules here: " + (
                "the two read alike" if r_text(r_wrong) == r_text(r_right) else
                "the two are less than one order of magnitude apart" if r_wrong > r_right else "it is not above them")
        return show.tex(r"Here the output weights move by $\Delta w_{4i} = \eta e\, y_{hi}$, at most ${{moved}}$: "
                        r"{{small}}. So the mistake shifts the hidden gradients only a little: gradient check right "
                        r"{{r_right}}, wrong {{r_wrong}}, below the $10^{-4}$ that reads as a bug, so on this "
                        r"example the check does not catch the mistake, {{apart}}. {{larger}} plainly.",
                        moved=magnitude_tex(moved, show.DECIMALS, up=True), small=small["tex"],
                        r_right=r_text(r_right), r_wrong=r_text(r_wrong), apart=apart, larger=small["larger"])
    require_caught("1 (w_ji(n+1) in rules (3) and (4))", found, e)
    return (f"Gradient check of the hidden gradients: right {r_text(r_right)}, **wrong {r_text(r_wrong)}**."
            + worst_row_note(found, labels, right, wrong))


def error_flipped(net: Network, x: ArrayLike, d: ArrayLike, eta: float,
                  flipped_step: Callable[[Network, ArrayLike, ArrayLike, float], Network]) -> str:
    """Mistake 3, e = y - d with +eta kept (``flipped_step``: the network after one such step): what the gradient
    check finds of its output gradients, each exactly minus the right one (of the bias where every y_hi = 0, which
    makes every dE/dw_4i 0 either way)."""
    fp = forward(net, x)
    if np.any(fp.y_hidden):  # the output weights' gradients e y_hi, checked on them
        param, of, right = "w_output", r"\partial E/\partial w_{4i}", delta_w_output(fp, d, eta)
    else:  # every y_hi = 0: every dE/dw_4i is 0 whichever the sign; the output bias's is -e
        param, of, right = "b_output", r"\partial E/\partial b_4", delta_b_output(fp, d, eta)
    wrong = getattr(flipped_step(net, x, d, eta), param) - getattr(net, param)
    found = check_mistake(net, x, d, eta, [param], right.ravel(), wrong.ravel())  # right and wrong read as gradients
    require_caught("3 (e = y - d with +eta kept: every update's sign flipped)", found, error(fp, d)[0])
    why = "" if param == "w_output" else \
        r"; every $y_{hi}$ is 0 here, so every $\partial E/\partial w_{4i}$ is 0 either way"
    return show.tex(r"Gradient check of ${{of}}$: right {{r_right}}, **wrong {{r_wrong}}** (opposite signs{{why}}).",
                    of=of, r_right=r_text(found.right), r_wrong=r_text(found.wrong), why=why)


def hidden_slope_dropped(net: Network, x: ArrayLike, d: ArrayLike, eta: float, right: ArrayLike, wrong: ArrayLike,
                         labels: Sequence[str]) -> str:
    """Mistake 2, rules (3) and (4) without f'(v_i): the factors 1/f'(v_i) it multiplies the hidden updates by, and
    what the gradient check finds; ``net`` is the worked example, which the sentence names."""
    fp = forward(net, x)
    found = check_mistake(net, x, d, eta, ("w_hidden", "b_hidden"), right, wrong)  # right and wrong as gradients
    f_prime = f_prime_hidden(fp)
    # each 1/f'(v_i) with four significant digits, or from 10^4 up in scientific notation (a saturated neuron's)
    factors = show.and_list([f"${magnitude_tex(1 / f)}$" for f in f_prime])
    says = show.tex(r"With the worked example's `{{hidden}}` hidden layer the factors $1/f'(v_i)$ are {{factors}} for "
                    r"$i = 1, 2, 3$.", hidden=net.hidden, factors=factors)
    if np.all(f_prime == 1):  # tanh with every v_i = 0: the factor dropped is 1
        return says + (f" Every $f'(v_i)$ is 1 here (every $v_i = 0$), so dropping it changes nothing on this example "
                       f"(gradient check: right {r_text(found.right)}, wrong {r_text(found.wrong)}).")
    if slip_too_small(found):  # tanh near v_i = 0: each gradient over f'(v_i), within a hair of 1
        # a gradient off by k = 1/f'(v_i) reads r = |k - 1|/(k + 1) = (1 - f'(v_i))/(1 + f'(v_i))
        show.require(factor_r(1 / f_prime).max() <= WRONG, "every f'(v_i) is so close to 1 that dropping it reads "
                     "below 10^-4", f_prime=", ".join(f"{v:.9g}" for v in f_prime), wrong=found.wrong)
        return says + show.tex(r" Each hidden gradient is then the right one over $f'(v_i)$, so its relative error is "
                               r"$(1 - f'(v_i))/(1 + f'(v_i))$, and every $f'(v_i)$ is within {{off}} of 1 here: "
                               r"gradient check right {{r_right}}, wrong {{r_wrong}}, below the $10^{-4}$ that reads "
                               r"as a bug, so on this example the check does not catch the mistake.",
                               off=f"{np.max(1 - f_prime):.1e}", r_right=r_text(found.right),
                               r_wrong=r_text(found.wrong))
    require_caught("2 (f'(v_i) dropped from rules (3) and (4))", found, error(fp, d)[0])
    return says + (r" Gradient check of $\partial E/\partial w_{ik}$ and $\partial E/\partial b_i$: "
                   f"right {r_text(found.right)}, **wrong {r_text(found.wrong)}**."
                   + worst_row_note(found, labels, right, wrong))


def output_slope_dropped(net: Network, x: ArrayLike, d: ArrayLike, eta: float, right: ArrayLike,
                         wrong: ArrayLike) -> str:
    """Mistake 2 at a tansig output, rules (1) and (2) without f'(v_j): f'(v_4) = 1 - y^2, and what the gradient check
    finds."""
    fp = forward(net, x)
    found = check_mistake(net, x, d, eta, ("w_output", "b_output"), right, wrong)  # right and wrong as gradients
    y = fp.y_output[0]
    # f'(v_4) from y, or from v_4 where the written y keeps too few digits of 1 - y^2 (show.f_prime_numbers)
    f_prime_4, rel, with_v = show.f_prime_numbers("tansig", y, fp.v_output[0], 1 - y**2)
    why = " (the written $y$ keeps too few digits of $1 - y^2$, so it is written with $v_4$)" if with_v else ""
    says = show.tex(r"Here $y = {{y}}$ and $f'(v_4) = 1 - y^2 = {{f_prime_4}} {{rel}} {{f_prime}}${{why}}.", y=y,
                    f_prime_4=f_prime_4, rel=rel, f_prime=1 - y**2, why=why)
    if slip_too_small(found):  # y near 0: f'(v_4) within a hair of 1
        # a gradient off by k = 1/f'(v_4) reads r = |k - 1|/(k + 1) = (1 - f'(v_4))/(1 + f'(v_4))
        show.require(factor_r(1 / (1 - y**2)) <= WRONG, "f'(v_4) is so close to 1 that dropping it reads below 10^-4",
                     y=y, wrong=found.wrong)
        says += show.tex(r" Without it each output gradient is the right one over $f'(v_4)$, so its relative error is "
                         r"$(1 - f'(v_4))/(1 + f'(v_4)) = {{r}}$: gradient check right {{r_right}}, wrong {{r_wrong}}, "
                         r"below the $10^{-4}$ that reads as a bug, so on this example the check does not catch the "
                         r"mistake.", r=r_text(float(factor_r(1 / (1 - y**2)))), r_right=r_text(found.right),
                         r_wrong=r_text(found.wrong))
    else:
        require_caught("2 (f'(v_j) dropped from rules (1) and (2), tansig output)", found, error(fp, d)[0])
        says += (f" Gradient check of the output gradients: right {r_text(found.right)}, "
                 f"**wrong {r_text(found.wrong)}**.")
    return says + judged.allowance_note(net, x, d, ("w_output", "b_output"))


def wrong_derivative_row(net: Network, x: ArrayLike, d: ArrayLike, eta: float, right: ArrayLike, wrong: ArrayLike,
                         worked_hidden: str) -> str:
    """Mistake 5, rules (3) and (4) with a wrong row of the derivative table for ``net``'s hidden activation
    (logsig's f(v)(1 + f(v)), tansig's 1 + y^2): what the gradient check finds, and why it misses the slip where the
    hidden outputs are near 0. Where ``net``'s activation is not the worked example's (``worked_hidden``), whose
    allowance the page states at its top, the allowance of this network is said too."""
    fp, hidden = forward(net, x), net.hidden
    found = check_mistake(net, x, d, eta, ("w_hidden", "b_hidden"), right, wrong)  # right and wrong as gradients
    r_right, r_wrong = found.right, found.wrong
    if hidden == "tansig" and not np.any(fp.y_hidden):  # every y_hi = 0: 1 + y^2 = 1 - y^2
        return (f"Every $y_{{hi}}$ is 0 here, where the wrong row gives the right slope, so it changes nothing on "
                f"this example (gradient check ({hidden}): right {r_text(r_right)}, wrong {r_text(r_wrong)}).")
    # the wrong slope over the right one is k = (1 + y)/(1 - y) (logsig) or (1 + y^2)/(1 - y^2) (tansig), so
    # r = |k - 1|/(k + 1) is y_hi or y_hi^2 on each neuron's rows: exactly, where the check's own plain relative
    # error also carries the central difference's error (on a saturated neuron's tiny gradients, more than the slip)
    # (a neuron with w_4i = 0 gets no error back: its updates are 0 right or wrong, and so is its relative error)
    each = np.where(net.w_output[0] != 0, fp.y_hidden if hidden == "logsig" else fp.y_hidden**2, 0.0)
    if slip_too_small(found) or np.max(np.abs(each)) <= WRONG:  # every y_hi near 0: the slip barely shows
        show.require(np.max(np.abs(each)) <= WRONG and r_wrong <= WRONG, f"every y_hi is so close to 0 that the "
                     f"wrong {hidden} row reads below 10^-4", y_hidden=", ".join(f"{v:.6g}" for v in fp.y_hidden),
                     wrong=r_wrong)
        ratio, r_each = {"logsig": (r"(1 + y_{hi})/(1 - y_{hi})", "y_{hi}"),
                         "tansig": (r"(1 + y_{hi}^2)/(1 - y_{hi}^2)", "y_{hi}^2")}[hidden]
        idle = [i for i in range(1, net.n_hidden + 1) if net.w_output[0, i - 1] == 0]
        zero = (f" (0 for neuron {idle[0]}, whose $w_{{4{idle[0]}}} = 0$ sends it no error)" if len(idle) == 1 else
                f" (0 for neurons {show.and_list([str(i) for i in idle])}, whose output weights are 0)" if idle else "")
        return (f"The wrong slope over the right one is ${ratio}$, so each neuron's relative error is "
                f"${r_each}${zero}, at most ${show.sci(np.max(np.abs(each)), up=True)}$ here: gradient check "
                f"({hidden}) right {r_text(r_right)}, wrong {r_text(r_wrong)}, below the $10^{{-4}}$ that reads as a "
                "bug, so on this example the check does not catch the mistake.")
    require_caught(f"5 (the wrong {hidden} row of the derivative table in rules (3) and (4))", found, error(fp, d)[0])
    note = judged.allowance_note(net, x, d, ("w_hidden", "b_hidden")) if hidden != worked_hidden else ""
    return f"Gradient check ({hidden}): right {r_text(r_right)}, **wrong {r_text(r_wrong)}**.{note}"
