"""The rule pages' readings of the worked example: what each factor of a rule says about learning (the "Reading the
rule" sections of rules 1 and 3, `rule_1` and `rule_3`). Rule 2's, with its step in the worked example, are
`backprop.readings_rule_2`; how the gradient check judges each gradient, for verification and common mistakes,
`backprop.judged`; what each common mistake's check finds, `backprop.readings_mistakes`.

A function per section computes from the example, then writes the section (Markdown with TeX). It reads
`backprop.examples` when it is called, not when this module is imported, so a page rendered with another example,
or a test that patches ``examples.NET``, ``X``, ``D`` or ``ETA``, reads that one. A sentence that holds for some
examples only is chosen from the numbers, compared as the pages write them (`show.largest`, `show.written`), or checked
with `show.require`, which stops the build naming the page, the sentence and the numbers.

Rule 4 reads in prose alone: its "Reading the rule" section holds no computed sentence.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from . import activations, examples, rules, show
from .network import forward
from .train import step

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
                    credit=_credit(y_h, dw_4i, net.w_output[0]))


def _push(delta_4: float, y_h: np.ndarray) -> str:
    """Which way the steps push the output's field: the sign of the local gradient, except where a hidden output is
    0 (a tanh neuron at a field of 0), whose step is 0 and pushes nothing; with every one 0 (tanh, x and every
    hidden bias 0) no output weight moves."""
    way = show.pick(delta_4, "up", "down")
    zero = [k + 1 for k, y_hk in enumerate(y_h) if y_hk == 0]
    if len(zero) == len(y_h):
        return (f"so a step pushes $v_4$ {way}, the way $d$ lies from $y$, never the other way; but here every "
                f"$y_{{hi}}$ is 0, so every step is 0 and none pushes it at all")
    if zero:
        one = len(zero) == 1
        still = show.and_list([show.tex(r"$\Delta w_{4{{i}}}$", i=i) for i in zero])
        outputs = " = ".join(show.tex(r"y_{h{{i}}}", i=i) for i in zero)  # y_h1 = 0, or y_h1 = y_h3 = 0
        return (f"so here every step but {still} pushes $v_4$ {way}, the way $d$ lies from $y$, never the other "
                f"way; {still} {'is' if one else 'are'} 0 (${outputs} = 0$) and {'does' if one else 'do'} not push "
                f"it at all")
    return f"so here every step pushes $v_4$ {way}, the way $d$ lies from $y$, never the other way"


def _how_far(eta: float, d: float, e: float, y: float, y_h: np.ndarray, dw_4i: np.ndarray) -> str:
    """How far the three steps move the output, the hidden outputs held: by the fraction of the error that the
    learning rate times the sum of the squared hidden outputs makes, so short of the target, onto it or past it."""
    if not np.any(y_h != 0):
        return show.tex(r"Here every $y_{hi}$ is 0, so $\eta \sum_i y_{hi}^2 = 0$: the three steps are 0 and leave "
                        r"$y$ at ${{y}}$.", y=y)
    squares = float(np.sum(y_h ** 2))
    share = eta * squares  # the fraction of e the three steps move y by (δ_4 = e: the output is linear)
    y_new = y + float(np.sum(dw_4i * y_h))  # y with the three steps taken, the hidden outputs held
    return show.tex(r"Here $\eta \sum_i y_{hi}^2 = {{eta:given}} \cdot {{squares}} {{rel}} {{share}}$, and the "
                    r"three steps {{lands}}. {{whole}}", eta=eta, squares=squares,
                    rel=show.eq(show.exact(eta) * show.exact(squares), share), share=share,
                    lands=lands(d, e, y, y_new, share), whole=whole_iteration(y_new))


def whole_iteration(y_part: float) -> str:
    """The output after the whole iteration, all thirteen steps, beside ``y_part``, the output after some of them with
    the others not taken: the other steps move y as well (the bias's, and the hidden layer's through every y_hi), and
    where that takes y (`relative_to_d`: a reviewer read two "short of d" and missed that the iteration overshoots).
    """
    net, x, d = examples.NET, examples.X, examples.D
    y = forward(net, x).y_output[0]  # y(n)
    y_1 = forward(step(net, x, d, examples.ETA), x).y_output[0]  # y(n+1): every rule's step taken
    link = "([one iteration](../iteration-and-training/#one-iteration-on-the-worked-example))"
    if show.num(y_1) == show.num(y_part):
        return show.tex(r"After the whole iteration, all thirteen steps, $y$ is ${{y_1}}$ as well {{link}}.",
                        y_1=y_1, link=link)
    where = relative_to_d(d, d - y, y_1, (y_1 - y) / (d - y) if d != y else 0.0)  # the fraction of e(n) y moved by
    return show.tex(r"The other steps move $y$ too: after the whole iteration, all thirteen steps, it is ${{y_1}}$, "
                    r"{{where}} {{link}}.", y_1=y_1, where=where, link=link)


def lands(d: float, e: float, y: float, y_new: float, share: float) -> str:
    """Where some of the output's steps take y, moving it by the fraction ``share`` of the error e = d - y (the other
    steps not taken): "take $y$ from a to b, past $d = c$, and farther from it than before" (`relative_to_d`)."""
    if show.num(y_new) == show.num(y):  # a change below the last decimal shown: "from a to a" would read as none
        took = show.tex(r"change $y$ by less than its last decimal shown: it stays at ${{y}}$", y=y)
    else:
        took = show.tex(r"take $y$ from ${{y}}$ to ${{y_new}}$", y=y, y_new=y_new)
    return f"{took}, {relative_to_d(d, e, y_new, share)}"


def relative_to_d(d: float, e: float, y_new: float, share: float) -> str:
    """Where y lies after a move by the fraction ``share`` of the error e = d - y: "onto $d = c$", "short of $d = c$",
    "past $d = c$, and farther from it than before" (or "but closer", "as far"), or, for a move away from d,
    "farther from $d = c$ than before, on the same side", compared as printed. (The fraction alone decides it in
    exact arithmetic; a fraction of 1 or 2 to the last decimal needs the print.)"""
    gap_new, gap_old = show.num(abs(d - y_new)), show.num(abs(e))
    if show.num(y_new) == show.num(d):
        return show.tex(r"onto $d = {{d:given}}$", d=d)
    if share < 0:  # the other steps took y away from d (its hidden outputs moved): a whole iteration can
        return show.tex(r"farther from $d = {{d:given}}$ than before, on the same side", d=d)
    if share < 1:
        return show.tex(r"short of $d = {{d:given}}$", d=d)
    closer = (", as far from it as before" if gap_new == gap_old else ", but closer to it than before"
              if float(gap_new) < float(gap_old) else ", and farther from it than before")
    return show.tex(r"past $d = {{d:given}}${{closer}}", d=d, closer=closer)


def _credit(y_h: np.ndarray, dw_4i: np.ndarray, w_4i: np.ndarray) -> str:
    """The hidden neurons that sent the strongest signal and the output weights that take the largest step, each
    compared as the page's formulas write them (`show.largest` ``as_written``), so that values a reader sees alike
    are named together; where a weight of 0 moves, that its own value is no factor of the rule (a TA's example:
    the largest step went to $w_{42} = 0$, which had carried nothing to $y$)."""
    return _credit_of_signals(y_h, dw_4i) + _zero_weights_move(w_4i, dw_4i)


def _zero_weights_move(w_4i: np.ndarray, dw_4i: np.ndarray) -> str:
    """Where an output weight of 0 takes a step: that the rule has no factor of the weight itself."""
    moving = [i for i in range(w_4i.size) if w_4i[i] == 0 and dw_4i[i] != 0]
    if not moving:
        return ""
    names = "$" + " = ".join(f"w_{{4{i + 1}}}" for i in moving) + " = 0$"  # as rule 3's reading writes them
    if len(moving) == 1:
        return (f" The weight's own value is no factor of the rule: {names} passed nothing on to $y$, and still "
                f"moves, in proportion to $y_{{h{moving[0] + 1}}}$.")
    return (f" The weight's own value is no factor of the rule: {names} passed nothing on to $y$, and still move, "
            r"each in proportion to its $y_{hi}$.")


def _credit_of_signals(y_h: np.ndarray, dw_4i: np.ndarray) -> str:
    """`_credit`'s sentence of the signals sent and the steps taken."""
    if not np.any(y_h != 0):
        return "Here every hidden neuron sent 0, so no output weight moves."
    sent, steps = show.largest(y_h, as_written=True), show.largest(dw_4i, as_written=True)
    if len(sent) == 1:
        senders = show.tex(r"hidden neuron {{i}} sent the strongest one, $y_{h{{i}}} = {{y_hi}}$", i=sent[0] + 1,
                           y_hi=y_h[sent[0]])
    elif len(sent) == y_h.size:  # nothing to compare: "the strongest" would say nothing (a reviewer's three ties)
        senders = show.tex(r"every hidden neuron sent a signal of the same size, $|y_{hi}| = {{y_hi}}$",
                           y_hi=abs(y_h[0]))
    else:
        senders = show.tex(r"hidden neurons {{names}} sent the strongest ones, $|y_{hi}| = {{y_hi}}$ for each",
                           names=show.and_list([str(i + 1) for i in sent]), y_hi=abs(y_h[sent[0]]))
    if len(steps) == dw_4i.size > 1:
        return f"Here {senders}, {'so' if steps == sent else 'and'} every output weight takes a step of the same size."
    names = show.and_list([f"$w_{{4{i + 1}}}$" for i in steps])
    largest = "takes the largest step" if len(steps) == 1 else "take the largest steps"
    return f"Here {senders}, {'so' if steps == sent else 'and'} {names} {largest} in size."


# Rule 3's reading, one bullet per factor of the rule; the fields are the sentences written from the numbers.
_RULE_3 = r"""
* **$w_{4i}$: the blame.** A hidden neuron receives the output's error in proportion to its output weight: the
  weight through which it changed $y$ is the weight through which it is blamed. A negative $w_{4i}$ turns the
  direction around. {{blame}}
* **$f'(v_i)$: saturation.** For the {{name}}, $f'(v) \le {{bound}}$, the value at $v = 0$, and it falls towards 0
  as $|v|$ grows. A neuron far out on the flat part of its curve passes almost nothing back, and its weights hardly
  move: it learns slowly, whatever the error. {{quarter}}{{slopes}}
* **$\delta_4$ and $x_k$: the sign.** $\delta_4$ has the sign of $e$, and $f'(v_i) > 0$, so each step has the sign
  of $e\, w_{4i}\, x_k$. An input $x_k = 0$ leaves its weights where they are.
"""
# What the logistic sigmoid's bound of 1/4 means for deep stacks: one reason, not the reason, they learn slowly.
_QUARTER = (r"Even at its steepest, a logistic sigmoid passes back only a quarter of the error it receives, so in a "
            r"deep stack of sigmoids the error can shrink layer after layer on its way back: one reason such stacks "
            r"learn slowly. ")


def rule_3() -> str:
    """Rule 3, the hidden weights: the reading of its factors (the output weight through which a hidden neuron is
    blamed, its slope, the signs of the output's local gradient and the input), each with what the worked example's
    numbers say of it."""
    net = examples.NET
    fp = forward(net, examples.X)
    e = rules.error(fp, examples.D)[0]
    delta_4 = e * rules.f_prime_output(fp)[0]  # δ_4 = e f'(v_4)
    w_4i, f_prime_v = net.w_output[0], rules.f_prime_hidden(fp)  # w_4i and f'(v_i), one per hidden neuron i
    delta_i = f_prime_v * w_4i * delta_4  # δ_i = f'(v_i) w_4i δ_4
    steepest = float(activations.get(net.hidden).derivative(0.0))  # the largest f'(v) of the activation, at v = 0
    bound = Fraction(steepest).limit_denominator(100)  # 1/4 for logsig, 1 for tanh
    show.require(np.all(f_prime_v <= steepest), "f'(v_i) is at most its value at v = 0", f_prime_max=f_prime_v.max())
    blame, slopes = _blame(w_4i, f_prime_v, delta_i), _saturation(f_prime_v)
    return show.tex(_RULE_3, blame=blame, name=show.ACTIVATION_TEX[net.hidden]["name"],
                    bound=str(bound) if bound.denominator == 1
                    else rf"\tfrac{{{bound.numerator}}}{{{bound.denominator}}}",
                    quarter=_QUARTER if net.hidden == "logsig" else "", slopes=slopes)


def _neurons(ids: list[int]) -> str:
    """'neuron 2' or 'neurons 1 and 3', of 0-based indices."""
    return ("neuron " if len(ids) == 1 else "neurons ") + show.and_list([str(i + 1) for i in ids])


def _slopes(ids: list[int]) -> str:
    """'$f'(v_2)$' or '$f'(v_1)$ and $f'(v_3)$', of 0-based indices."""
    return show.and_list([show.tex(r"$f'(v_{{i}})$", i=i + 1) for i in ids])


def _blame(w_4i: np.ndarray, f_prime_v: np.ndarray, delta_i: np.ndarray) -> str:
    """The output weights largest in size and the hidden neurons with the local gradients largest in size, and why
    the two differ where they do: each compared as printed, so that values a reader sees alike are named together.
    'Largest' is in size: a negative w_4i or δ_i can be the largest in size and the smallest in value."""
    if not w_4i.any():
        return (r"Here every $w_{4i}$ is 0: no hidden neuron is blamed, so every $\delta_i$ is 0 and no hidden weight "
                r"or bias moves.")
    blamed, most = show.largest(w_4i, as_written=True), show.largest(delta_i, as_written=True)
    size = np.abs(w_4i).max()
    if len(blamed) == 1:
        weights = show.tex(r"$w_{4{{i}}}$ is the output weight largest in size, $|w_{4{{i}}}| = {{w:given}}$",
                           i=blamed[0] + 1, w=size)
    elif len(blamed) == w_4i.size:  # nothing to compare: "largest" would say nothing (a reviewer's three ties)
        weights = show.tex(r"every output weight has the same size, $|w_{4i}| = {{w:given}}$", w=size)
    else:
        weights = show.tex(r"{{names}} are the output weights largest in size, $|w_{4i}| = {{w:given}}$ for each",
                           names=show.and_list([f"$w_{{4{i + 1}}}$" for i in blamed]), w=size)
    if len(most) == 1:
        gradients = show.tex(r"neuron {{j}} gets the local gradient largest in size, $\delta_{{j}} = {{delta}}$",
                             j=most[0] + 1, delta=delta_i[most[0]])
    elif len(most) == delta_i.size:
        gradients = show.tex(r"every hidden neuron gets a local gradient of the same size, $|\delta_i| = {{delta}}$",
                             delta=abs(delta_i[0]))
    else:
        gradients = show.tex(r"{{names}} get the local gradients largest in size, $|\delta_i| = {{delta}}$ for each",
                             names=_neurons(most), delta=abs(delta_i[most[0]]))
    inside = [i for i in most if i in blamed]  # the largest gradients among the neurons with the largest weight
    return (f"Here {weights}, {'and' if inside else 'but'} {gradients}{_why(blamed, most, inside, f_prime_v)}."
            f"{_unblamed(w_4i)}")


def _unblamed(w_4i: np.ndarray) -> str:
    """The hidden neurons whose output weight is exactly 0 (not all of them): they are not blamed at all, so their
    local gradients δ_i = f'(v_i) w_4i δ_4 and every step of theirs, weights (rule 3) and bias (rule 4), are 0."""
    zero = [i for i, w in enumerate(w_4i) if w == 0]
    if not zero:
        return ""
    one = len(zero) == 1
    weights = " = ".join(show.tex(r"w_{4{{i}}}", i=i + 1) for i in zero)  # w_41 = 0, or w_41 = w_43 = 0
    deltas = " = ".join(show.tex(r"\delta_{{i}}", i=i + 1) for i in zero)
    return (f" With ${weights} = 0$, {_neurons(zero)} {'is' if one else 'are'} not blamed at all: ${deltas} = 0$, "
            f"and {'its' if one else 'their'} weights and {'bias do' if one else 'biases do'} not move.")


def _why(blamed: list[int], most: list[int], inside: list[int], f_prime_v: np.ndarray) -> str:
    """Why the largest local gradients are not simply those of the largest weights (δ_i = f'(v_i) w_4i δ_4): the
    slope f'(v_i) decides among the largest weights, and makes up for a smaller weight outside them."""
    outside = [i for i in most if i not in blamed]
    reasons = []
    # The other neurons with the largest weight have flatter slopes, as printed; where the local gradients print alike
    # but the slopes do not (slopes a unit of the last decimal apart, times w_4i δ_4 below half a unit), say nothing.
    steepest = all(show.rounded(f_prime_v[i]) >= show.rounded(f_prime_v[k]) for i in inside for k in blamed)
    if inside and len(inside) < len(blamed) and steepest:
        who = "it has" if len(most) == 1 else f"{_neurons(inside)} {'has' if len(inside) == 1 else 'have'}"
        among = "of the neurons with the largest weight, " if len(blamed) < f_prime_v.size else ""  # all alike: none
        reasons.append(f"{among}{who} the steepest slope{'s' if len(inside) > 1 else ''} {_slopes(inside)}")
    if outside:
        if len(most) == 1:
            reasons.append(show.tex(r"its slope $f'(v_{{j}})$ makes up for a smaller weight", j=outside[0] + 1))
        elif len(outside) == 1:
            reasons.append(f"the slope {_slopes(outside)} of {_neurons(outside)} makes up for a smaller weight")
        else:
            reasons.append(f"the slopes {_slopes(outside)} of {_neurons(outside)} make up for smaller weights")
    return ": " + ", and ".join(reasons) if reasons else ""


def _saturation(f_prime_v: np.ndarray) -> str:
    """The range of the hidden neurons' slopes as the formulas write them (`show.written`: in scientific notation below
    10^-5), naming every neuron whose slope is written as the smallest (the most saturated) and as the largest; one
    value when every slope is written alike (all v_i = 0)."""
    slowest, steepest = show.smallest(f_prime_v, as_written=True), show.largest(f_prime_v, as_written=True)
    if len(slowest) == len(f_prime_v):
        return show.tex(r"Here $f'(v_i) = {{f_prime}}$ for every neuron.", f_prime=f_prime_v.max())
    return show.tex(r"Here $f'(v_i)$ lies between ${{lo}}$ ({{slow}}) and ${{hi}}$ ({{steep}}).",
                    lo=f_prime_v[slowest[0]], slow=_neurons(slowest), hi=f_prime_v[steepest[0]],
                    steep=_neurons(steepest))
