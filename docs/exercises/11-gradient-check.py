# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 11. A gradient check

# %% tags=["hide-input"]
from backprop.exercises import gradient_check_weight, markdown, tex_name

# The weight w_ik nudged here: w_11, unless it cannot serve (gradient_check_why says why, under the task).
w_tex = tex_name(gradient_check_weight()[0])
markdown(r"""
How do you know a derived rule is right? Nudge one weight both ways and watch the cost:

$$\frac{\partial E}{\partial {{w}}} \approx \frac{E({{w}} + h) - E({{w}} - h)}{2h}.$$

Each rule returns the update $\Delta w = -\eta\, \partial E / \partial w$, so the rule's gradient is
$-\Delta {{w}} / \eta$. If the rule is right, the two agree to many digits, as many as the central difference
itself is accurate to (the worked solution says how closely); a slip in the rule shows in the first digits.
""", w=w_tex)

# %%
from IPython.display import display

from backprop import examples
from backprop.exercises import GRADCHECK_H, check, given, gradient_check_weight, network_table

net = examples.PRACTICE_NET
name, (i, k) = gradient_check_weight()  # the weight nudged, "w_11", and its place in net.w_hidden, (0, 0)
display(network_table(net))  # E needs the whole forward pass: every weight, the input and the target
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1], d=examples.PRACTICE_D, h=GRADCHECK_H)

# %% tags=["hide-input"]
from backprop import labels
from backprop.exercises import decimals_wanted, gradient_check_why

why = gradient_check_why()  # "" when the task is about w_11, else why not
markdown(r"""
**Task.** With the network, the input and the $h$ above, compute the cost $E = \tfrac12 (d - y)^2$ twice, with
${{w}}$ replaced by ${{w}} + h$ and by ${{w}} - h$ (each a forward pass as in exercise 1), then the central
difference above. In Python, write a function `E({{name}})` that builds the practice
network with ${{w}}$ replaced and returns its cost (`Network(...)` with `hidden=net.hidden`, `forward` and `cost`
from `backprop`). Compare the result with rule 3's gradient
$-\Delta {{w}}/\eta = -e\, {{w4}}\, f'(v_{{i1}})\, x_{{k1}}$, computed in Python from its factors: $\Delta {{w}}$ as
the pages write it, with six decimals (or, below $10^{-5}$ in size, two significant digits), has too few digits
for this comparison.{{why}} {{give}}
""", name=name, w=w_tex, why=why, give=decimals_wanted("the central difference"),
         w4=tex_name(labels.parameter("w_output", (0, i), net.n_hidden)), i1=i + 1, k1=k + 1)

# %% tags=["hide-input"]
from backprop import show
from backprop.exercises import GRADCHECK_RTOL, gradient_check_decimals, gradient_check_gap

decimals = gradient_check_decimals()  # enough decimals of each E for the box (the index page names the same number)
gap = gradient_check_gap()  # why the box can keep the rule of every exercise: the central difference is this close
why = show.tex(r"The answer box keeps the rule of every exercise, and can: for this weight the central difference "
               r"lies within ${{gap}}$ of rule 3's gradient, relatively. ", gap=gap)
why = why if gap < GRADCHECK_RTOL / 100 else ""
markdown(why + "A central difference subtracts two nearly equal costs, so keep at least {{k}} decimals of each $E$: "
         "printing $E$ in full does.", k=decimals)

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("gradient-check")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: the central difference for the weight the task names
check("gradient-check", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop import Network, cost, forward
from backprop.exercises import worked_solution


def E(w):
    w_hidden = net.w_hidden.copy()
    w_hidden[i, k] = w
    moved = Network(w_hidden, net.b_hidden, net.w_output, net.b_output, hidden=net.hidden)
    return cost(forward(moved, examples.PRACTICE_X), examples.PRACTICE_D)


import math
from decimal import Decimal

from backprop import gradcheck
from backprop.exercises import GRADCHECK_AGREEMENT

h, w = GRADCHECK_H, net.w_hidden[i, k]
answer = (E(w + h) - E(w - h)) / (2 * h)

f_prime = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y**2}[net.hidden]  # f'(v_i) from y_hi
fp = forward(net, examples.PRACTICE_X)
e, y_hi = examples.PRACTICE_D - fp.y_output[0], fp.y_hidden[i]
rule = -e * net.w_output[0, i] * f_prime(y_hi) * examples.PRACTICE_X[k]  # −Δw_ik/η from rule 3

exponent = round(math.log10(h))  # h as TeX: 10^{-5} rather than 1e-05
h_tex = "10^{" + str(exponent) + "}" if 10.0**exponent == h else f"{h:g}"
# As many decimals of E(w_ik ± h) as it takes for the fraction, worked out from the printed costs, to give the
# printed result (the two costs agree in their first six or seven digits), and at least the task's `decimals`, which
# it tells the reader to keep; "≈" if even 16 do not.
E_plus, E_minus = E(w + h), E(w - h)
for places in range(decimals, 17):
    # in decimal, as a reader works it out: in floats the two printed costs' difference would carry their rounding
    # error, some 10^-15, into a quotient by 2h, enough to move a tie (0.0002245) off its half
    shown = Decimal(show.num(E_plus, places)) - Decimal(show.num(E_minus, places))
    from_shown = shown / (2 * Decimal(repr(h)))  # exact: 2h is 2 * 10^-k
    if show.eq(from_shown, answer) == "=":
        break
gap = abs(answer - rule)
scale = max(abs(rule), abs(answer))
show.require(scale > 0, "the weight's gradient is not 0 (gradient_check_weight chose it so)", rule=rule)
# "many digits": GRADCHECK_AGREEMENT, five at least (gradient_check_weight asks about a weight where they do, if the
# practice example has one), far more than the first digits a slip in the rule changes
show.require(gap / scale < GRADCHECK_AGREEMENT, "the two agree to many digits: the practice example has a hidden "
             "weight whose central difference agrees with rule 3's gradient to five digits", central=answer, rule=rule)
# what rounding alone can move the central difference by: a gap below it is rounding, and code of a reader's own
# (another order of operations) gives another one
noise = gradcheck.rounding_noise(net, examples.PRACTICE_X, examples.PRACTICE_D, h)
if gap <= noise:
    agreement = show.tex("they agree as far as a central difference in floating point can tell: their relative "
                         "difference here, {{rel}}, is within what rounding alone can move it by (at most {{noise}} "
                         "of the gradient), so code of your own may give another one below that",
                         rel=f"${show.sci(gap / scale)}$" if gap else "0",
                         noise=f"${show.sci(noise / scale, up=True)}$")
else:
    agreement = show.tex("they agree to {{digits}} significant digits (a relative difference of {{rel}})",
                         digits=math.floor(-math.log10(gap / scale)), rel=f"${show.sci(gap / scale)}$")
worked_solution(r"""
$$\frac{E({{wp}}) - E({{wm}})}{2h} = \frac{ {{Ep}} - {{Em}} }{2 \cdot {{h}}} {{eq}} {{num}}$$

Rule 3 gives $\partial E/\partial {{w}} = -e\, {{w4}}\, f'(v_{{i1}})\, x_{{k1}} = {{rule}}$
with $f'(v_{{i1}}) = {{f_prime}}$: {{agreement}}.
""", wp=w + h, wm=w - h, h=h_tex, Ep=show.num(E_plus, places), Em=show.num(E_minus, places),
    eq=show.eq(from_shown, answer), num=answer, rule=rule, w=w_tex,
    w4=tex_name(labels.parameter("w_output", (0, i), net.n_hidden)), i1=i + 1, k1=k + 1,
    f_prime=show.f_prime_tex(net.hidden, f"y_{{h{i + 1}}}"), agreement=agreement)
