"""The "Reading the rule" sections of the rule pages: what each factor of a rule says about learning, with the
worked example's numbers.

A function per rule computes from the example, then writes the section's sentences (Markdown with TeX). It reads
`backprop.examples` when it is called, not when this module is imported, so a page rendered with another example,
or a test that patches ``examples.NET``, ``X``, ``D`` or ``ETA``, reads that one. A sentence that holds for some
examples only is chosen from the numbers, compared as the pages print them (`show.largest`, `show.num`), or checked
with `show.require`, which stops the build naming the page, the sentence and the numbers.

Rules 2 and 4 read in prose alone (their pages hold no computed reading); rule 3's reading is still on its page.
"""

from __future__ import annotations

import numpy as np

from . import examples, rules, show
from .network import forward

# Rule 1's reading, one bullet per factor of the rule; the fields are the sentences written from the numbers.
_RULE_1 = r"""
* **$\delta_4$: how wrong, and which way.** It has the sign of $e$, {{push}}: $\Delta w_{4i}$ changes $v_4$ by
  $\Delta w_{4i}\, y_{hi} = \eta\, \delta_4\, y_{hi}^2$, whatever the sign of $y_{hi}$. No error, no learning: a
  sample the network already gets right changes nothing.
* **$\eta$: how far.** With the hidden outputs as they are, the three steps together change $y$ by
  $\eta\, \delta_4 \sum_i y_{hi}^2$, the fraction $\eta \sum_i y_{hi}^2$ of the error $e$: a fraction above 1 takes $y$
  past $d$, above 2 farther from $d$ than it started (the bias's step, [rule 2](../rule-output-bias/), adds the
  fraction $\eta$ more). {{how_far}}
* **$y_{hi}$: credit for what was sent.** Each weight moves in proportion to the signal it carried. {{credit}} A
  hidden neuron that sends almost nothing hardly changes its output weight.
* **$f'(v_4) = 1$: nothing slows the output.** The linear output passes the error back unchanged. The hidden rules
  meet a factor $f'(v_i)$ that does slow them ([rule 3](../rule-hidden-weights/#reading-the-rule)).
"""


def rule_1() -> str:
    """Rule 1, the output weights: the reading of its factors (the local gradient of the output neuron, the learning
    rate, the hidden outputs, the output's slope), each with what the worked example's numbers say of it."""
    net, d, eta = examples.NET, examples.D, examples.ETA
    fp = forward(net, examples.X)
    e, y, y_h = rules.error(fp, d)[0], fp.y_output[0], fp.y_hidden
    delta_4 = e * rules.f_prime_output(fp)[0]  # δ_4 = e f'(v_4)
    dw_4i = rules.delta_w_output(fp, d, eta)[0]  # Δw_4i = η δ_4 y_hi, one per hidden neuron i
    show.require(net.output == "purelin", "the output is linear, f'(v_4) = 1", output=net.output)
    return show.tex(_RULE_1, push=_push(delta_4, y_h), how_far=_how_far(eta, d, e, y, y_h, dw_4i),
                    credit=_credit(y_h, dw_4i))


def _push(delta_4: float, y_h: np.ndarray) -> str:
    """Which way the steps push the output's field: the sign of the local gradient, except where a hidden output is
    0 (a tanh neuron at a field of 0), whose step is 0 and pushes nothing; with every one 0 (tanh, x and every
    hidden bias 0) no output weight moves."""
    way = show.pick(delta_4, "up", "down")
    still = [show.tex(r"$\Delta w_{4{{i}}}$", i=k + 1) for k, y_hk in enumerate(y_h) if y_hk == 0]
    if len(still) == len(y_h):
        return (f"so a step pushes $v_4$ {way}, in the direction of $d$, never the other way; but here every "
                f"$y_{{hi}}$ is 0, so every step is 0 and none pushes it at all")
    if still:
        one = len(still) == 1
        return (f"so here every step pushes $v_4$ {way}, in the direction of $d$, never the other way, except "
                f"{show.and_list(still)}, which {'is' if one else 'are'} 0 ($y_{{hi}} = 0$) and "
                f"{'does' if one else 'do'} not push it at all")
    return f"so here every step pushes $v_4$ {way}, in the direction of $d$, never the other way"


def _how_far(eta: float, d: float, e: float, y: float, y_h: np.ndarray, dw_4i: np.ndarray) -> str:
    """How far the three steps move the output, the hidden outputs held: by the fraction of the error that the
    learning rate times the sum of the squared hidden outputs makes, so short of the target, onto it or past it."""
    if not np.any(y_h != 0):
        return show.tex(r"Here every $y_{hi}$ is 0, so $\eta \sum_i y_{hi}^2 = 0$: the three steps are 0 and leave "
                        r"$y$ at ${{y}}$.", y=y)
    squares = float(np.sum(y_h ** 2))
    share = eta * squares  # the fraction of e the three steps move y by (δ_4 = e: the output is linear)
    y_new = y + float(np.sum(dw_4i * y_h))  # y with the three steps taken, the hidden outputs held
    # Where y lands, as printed: on d, short of it or past it; past it, closer to d than before, as far, or farther.
    # (The fraction alone decides it in exact arithmetic; a fraction of 1 or 2 to the last decimal needs the print.)
    gap_new, gap_old = show.num(abs(d - y_new)), show.num(abs(e))
    if show.num(y_new) == show.num(d):
        where, closer = "onto", ""
    else:
        where = "short of" if share < 1 else "past"
        closer = ("" if share < 1 else ", as far from it as before" if gap_new == gap_old
                  else ", but closer to it than before" if float(gap_new) < float(gap_old)
                  else ", and farther from it than before")
    if show.num(y_new) == show.num(y):  # a change below the last decimal shown: "from a to a" would read as none
        took = show.tex(r"change $y$ by less than its last decimal shown: it stays at ${{y}}$", y=y)
    else:
        took = show.tex(r"take $y$ from ${{y}}$ to ${{y_new}}$", y=y, y_new=y_new)
    return show.tex(r"Here $\eta \sum_i y_{hi}^2 = {{eta:given}} \cdot {{squares}} {{rel}} {{share}}$, and the "
                    r"three steps {{took}}, {{where}} $d = {{d:given}}${{closer}}.", eta=eta, squares=squares,
                    rel=show.eq(show.rounded(eta) * show.rounded(squares), share), share=share, took=took,
                    where=where, d=d, closer=closer)


def _credit(y_h: np.ndarray, dw_4i: np.ndarray) -> str:
    """The hidden neurons that sent the strongest signal and the output weights that take the largest step, each
    compared as printed, so that values a reader sees alike are named together."""
    if not np.any(y_h != 0):
        return "Here every hidden neuron sent 0, so no output weight moves."
    sent, steps = show.largest(y_h), show.largest(dw_4i)
    if len(sent) == 1:
        senders = show.tex(r"hidden neuron {{i}} sent the strongest one, $y_{h{{i}}} = {{y_hi}}$", i=sent[0] + 1,
                           y_hi=y_h[sent[0]])
    else:
        senders = show.tex(r"hidden neurons {{names}} sent the strongest ones, $|y_{hi}| = {{y_hi}}$ for each",
                           names=show.and_list([str(i + 1) for i in sent]), y_hi=abs(y_h[sent[0]]))
    names = show.and_list([f"$w_{{4{i + 1}}}$" for i in steps])
    largest = "takes the largest step" if len(steps) == 1 else "take the largest steps"
    return f"Here {senders}, {'so' if steps == sent else 'and'} {names} {largest} in size."
