"""Rule 2's page, the output bias, on the worked example: its step Δb_4(0) and b_4(1), with how that step compares in
size with the other steps (the section "For the bias b_4", `rule_2_step`), and how far the output's four steps take
y (the "Reading the rule" section, `rule_2`).

As `backprop.readings` does for rules 1 and 3: a function per section computes from the example when it is called,
then writes the section (Markdown with TeX); a sentence that holds for some examples only is chosen from the numbers
as the pages write them, or checked with `show.require`.
"""

from __future__ import annotations

import numpy as np

from . import examples, rules, show
from .network import forward
from .readings import lands, whole_iteration


def rule_2() -> str:
    """How far the output bias's step and the three output weights' steps take y together, the hidden outputs held:
    the fraction η (1 + Σ_i y_hi²) of the error, so short of d, onto it or past it; then y after the whole iteration."""
    net, d, eta = examples.NET, examples.D, examples.ETA
    fp = forward(net, examples.X)
    e, y, y_h = rules.error(fp, d)[0], fp.y_output[0], fp.y_hidden
    show.require(net.output == "purelin", "the output is linear: its steps move y by η e (1 + Σ_i y_hi²)",
                 output=net.output)
    dw_4i, db_4 = rules.delta_w_output(fp, d, eta)[0], rules.delta_b_output(fp, d, eta)[0]
    one_plus = 1 + float(np.sum(y_h ** 2))  # 1 for the bias's input, y_hi² for each output weight's
    share = eta * one_plus  # the fraction of e the four steps move y by
    y_new = y + float(np.sum(dw_4i * y_h)) + db_4  # y with the four output steps taken, the hidden outputs held
    return show.tex(r"Here $\eta\,\big(1 + \sum_i y_{hi}^2\big) = {{eta:given}} \cdot {{one_plus}} {{rel}} {{share}}$, "
                    r"and the four steps of the bias and the output weights together {{lands}}. {{whole}}", eta=eta,
                    one_plus=one_plus, rel=show.eq(show.exact(eta) * show.exact(one_plus), share), share=share,
                    lands=lands(d, e, y, y_new, share), whole=whole_iteration(y_new))


# Rule 2's step in the worked example, Δb_4(0) and b_4(1), each line checked against the numbers it is written from.
_RULE_2_STEP = r"""
$$
\begin{aligned}
\Delta b_4(0) &= \eta\, \delta_4 = \eta\, \big(d - y\big) = {{eta:given}} \cdot ({{d:given}} - {{y}}) {{rel}} {{db}} \\
b_4(1) &= b_4(0) + \Delta b_4(0) = {{b_old:given}} + {{db}} {{rel_sum}} {{b_new}}
\end{aligned}
$$
"""


def rule_2_step() -> str:
    """Rule 2, the output bias, in the worked example: its step Δb_4(0) and b_4(1), then how that step compares in
    size with the output weights' (always larger) and with all thirteen parameters' (not always the largest)."""
    fp = forward(examples.NET, examples.X)
    eta, d, y, b_4 = examples.ETA, examples.D, fp.y_output[0], examples.NET.b_output[0]
    show.require(examples.NET.output == "purelin", "Δb_4 = η δ_4 = η (d - y): the output is linear",
                 output=examples.NET.output)
    db_4 = rules.delta_b_output(fp, d, eta)[0]  # Δb_4 = η δ_4 = η (d - y), the output being linear
    dw_4i = rules.delta_w_output(fp, d, eta)[0]  # Δw_4i = Δb_4 y_hi
    # Every step's size as printed (6 decimals): a reader sees two that print alike as equal, whatever the digits
    # beyond.
    size = {"b_4": show.written(abs(db_4))}  # each step's size as the rules' formulas write it
    size |= {f"w_{{4{i + 1}}}": show.written(abs(dw)) for i, dw in enumerate(dw_4i)}
    size |= {f"b_{i + 1}": show.written(abs(db_i)) for i, db_i in enumerate(rules.delta_b_hidden(fp, d, eta))}
    size |= {f"w_{{{i + 1}{k + 1}}}": show.written(abs(dw_ik))
             for (i, k), dw_ik in np.ndenumerate(rules.delta_w_hidden(fp, d, eta))}
    r = show.exact
    step = show.tex(_RULE_2_STEP, eta=eta, d=d, y=y, db=db_4, rel=show.eq(r(eta) * (r(d) - r(y)), db_4),
                    b_old=b_4, b_new=b_4 + db_4, rel_sum=show.eq(r(b_4) + r(db_4), b_4 + db_4))
    show.require(all(abs(dw) < abs(db_4) for dw in dw_4i), "|Δb_4| > |Δw_4i|", db=db_4)
    return f"{step}\n{_than_output_weights(size, db_4)}. {_largest_step(size)}"


def _than_output_weights(size: dict[str, float], db_4: float) -> str:
    """|Δb_4| > |Δw_4i| (|Δw_4i| = |Δb_4| |f(v_i)|, with |f(v_i)| < 1), and for which w_4i only beyond the digits
    shown: those whose f(v_i) is so close to 1 in size that their step is written as Δb_4's (`show.written`)."""
    said = (r"The bias's input, 1, is larger than the size of any hidden output $f(v_i)$, which lies in $(0, 1)$ for a "
            r"logistic sigmoid and in $(-1, 1)$ for tanh, so, the error $e$ not being 0, "
            r"$|\Delta b_4| > |\Delta w_{4i}|$ for every $i$")
    tied = [name[4] for name in size if name.startswith("w_{4") and size[name] == size["b_4"]]  # i of each w_4i
    if not tied:
        return said
    weights, outputs = show.and_list([f"$w_{{4{i}}}$" for i in tied]), show.and_list([f"$f(v_{i})$" for i in tied])
    steps = show.and_list([f"$|\\Delta w_{{4{i}}}|$" for i in tied] + [r"$|\Delta b_4|$"])
    return show.tex(r"{{said}}, but for {{weights}} only beyond the digits shown: {{outputs}} {{are}} so close to 1 in "
                    r"size that {{steps}} are {{all}} written ${{size}}$", said=said, weights=weights, outputs=outputs,
                    are="is" if len(tied) == 1 else "are", steps=steps, all="both" if len(tied) == 1 else "all",
                    size=abs(db_4))


def _largest_step(size: dict[str, float]) -> str:
    """Whether Δb_4 is the largest step of the thirteen in size, as written: not when a hidden step, which also
    carries w_4i f'(v_i) and x_k, is written larger; tied with the steps written alike; else the largest alone."""
    larger = [name for name in size if size[name] > size["b_4"]]
    tied = [name for name in size if name != "b_4" and size[name] == size["b_4"]]
    if larger:
        names = show.and_list([f"$|\\Delta {name}|$" for name in larger])
        return (f"It is not the largest step of this iteration in size, though: {names} "
                f"{'is' if len(larger) == 1 else 'are'} larger than $|\\Delta b_4|$, since a hidden step also carries "
                "the factors $w_{4i}\\, f'(v_i)$ (and $x_k$).")
    if tied:
        names = show.and_list([f"$|\\Delta {name}|$" for name in tied])
        return ("In this example no other parameter's step is written larger than $|\\Delta b_4|$: it is the "
                f"largest step of all thirteen parameters (nine weights, four biases) in size, tied as written with "
                f"{names}.")
    return ("In this example it is the largest step of all thirteen parameters (nine weights, four biases) in size: "
            "no other parameter's step is larger than $|\\Delta b_4|$.")
