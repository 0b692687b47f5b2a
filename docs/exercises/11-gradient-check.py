# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 11. A gradient check
#
# How do you know a derived rule is right? Nudge one weight both ways and watch the cost:
#
# $$\frac{\partial E}{\partial w_{11}} \approx \frac{E(w_{11} + h) - E(w_{11} - h)}{2h}.$$
#
# Each rule returns the update $\Delta w = -\eta\, \partial E / \partial w$, so the rule's gradient is
# $-\Delta w_{11} / \eta$. If the rule is right, the two agree to many more digits than the six the pages print
# (the worked solution says how many); a slip in the rule shows in the first digits.

# %%
from backprop import Network, cost, examples, forward, show
from backprop.exercises import GRADCHECK_H, answer_box, check, get, given, markdown, tolerance_note, worked_solution

net = examples.PRACTICE_NET
given(w_11=net.w_hidden[0, 0], h=GRADCHECK_H, d=examples.PRACTICE_D)

# %% [markdown]
# **Task.** Write a function `E(w_11)` that builds the practice network with $w_{11}$ replaced and returns
# its cost on the practice example (`Network(...)` with `hidden=net.hidden`, `forward` and `cost` from `backprop`).
# Then compute the central difference above with the $h$ printed above. Compare it with $-\Delta w_{11}/\eta$ from
# exercise 6.

# %% tags=["hide-input"]
import math

box = get("gradient-check")
# Each E rounded to k decimals is off by at most half a unit, so their difference by 10^-k and the quotient by
# 10^-k / 2h: k decimals are enough when 10^-k / 2h is within the box's tolerance even for an answer near zero.
decimals = math.ceil(-math.log10(2 * GRADCHECK_H * box.atol))
markdown(tolerance_note("gradient-check") + " A central difference subtracts two nearly equal costs, so keep at "
         "least {{k}} decimals of each $E$: printing $E$ in full does.", k=decimals)

# %% tags=["hide-input"]
answer_box("gradient-check")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: the central difference for ∂E/∂w_11
check("gradient-check", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
def E(w_11):
    w_hidden = net.w_hidden.copy()
    w_hidden[0, 0] = w_11
    moved = Network(w_hidden, net.b_hidden, net.w_output, net.b_output, hidden=net.hidden)
    return cost(forward(moved, examples.PRACTICE_X), examples.PRACTICE_D)


import math

h, w_11 = GRADCHECK_H, net.w_hidden[0, 0]
answer = (E(w_11 + h) - E(w_11 - h)) / (2 * h)

f_prime = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y**2}[net.hidden]  # f'(v_1) from y_h1
fp = forward(net, examples.PRACTICE_X)
e, y_h1 = examples.PRACTICE_D - fp.y_output[0], fp.y_hidden[0]
rule = -e * net.w_output[0, 0] * f_prime(y_h1) * examples.PRACTICE_X[0]  # −Δw_11/η from rule 3

exponent = round(math.log10(h))  # h as TeX: 10^{-5} rather than 1e-05
h_tex = "10^{" + str(exponent) + "}" if 10.0**exponent == h else f"{h:g}"
# As many decimals of E(w_11 ± h) as it takes for the fraction, worked out from the printed costs, to give the
# printed result (the two costs agree in their first six or seven digits); "≈" if even 16 do not.
E_plus, E_minus = E(w_11 + h), E(w_11 - h)
for places in range(10, 17):
    from_shown = (show.rounded(E_plus, places) - show.rounded(E_minus, places)) / (2 * h)
    if show.eq(from_shown, answer) == "=":
        break
gap = abs(answer - rule)
scale = max(abs(rule), abs(answer))
show.require(scale == 0 or gap / scale < 1e-8, "the two agree to many more digits than the six the pages print",
             central=answer, rule=rule)
if scale and gap / scale < 1e-6:
    agreement = show.tex("they agree to {{digits}} significant digits (a relative difference of {{rel}})",
                         digits=math.floor(-math.log10(gap / scale)) if gap else 16, rel=f"{gap / scale:.1e}")
elif gap < 1e-9:
    agreement = show.tex("both are (nearly) zero, and they agree to {{gap}}", gap=f"{gap:.1e}")
else:
    agreement = show.tex("they differ by {{gap}}: look for a slip in the rule or in E", gap=f"{gap:.1e}")
worked_solution(r"""
$$\frac{E({{wp}}) - E({{wm}})}{2h} = \frac{ {{Ep}} - {{Em}} }{2 \cdot {{h}}} {{eq}} {{num}}$$

Rule 3 gives $\partial E/\partial w_{11} = -e\, w_{41}\, f'(v_1)\, x_1 = {{rule}}$ with $f'(v_1) = {{f_prime}}$:
{{agreement}}.
""", wp=w_11 + h, wm=w_11 - h, h=h_tex, Ep=show.num(E_plus, places), Em=show.num(E_minus, places),
    eq=show.eq(from_shown, answer), num=answer, rule=rule, f_prime=show.f_prime_tex(net.hidden, "y_{h1}"),
    agreement=agreement)
