# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 2. The sigmoid derivative at a point
#
# The slides' hidden neurons use the logistic sigmoid. The hidden rules need its derivative, which the slides write
# with the output itself (their derivation loses a minus sign on the way: see the [errata](../../errata/) page):

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the names below are chosen from it
# The logistic sigmoid is written f where it is the practice network's f (exercises 1, 6 and 7), else logsig: f is
# then the practice network's own activation, and this page is about another function.
s = "f" if hidden == "logsig" else r"\operatorname{logsig}"
if hidden == "logsig":
    note = r"The practice network's hidden neurons are logistic sigmoid neurons: this is its $f$."
else:
    note = show.tex(r"The practice network's hidden neurons are {{name}} neurons, $f(v) = {{f}}$, not logistic ones: "
                    r"this page writes the logistic sigmoid ${{s}}$, and the exercise still asks for its derivative, "
                    r"at the field $v_1$ of hidden neuron 1.",
                    name=show.ACTIVATION_TEX[hidden]["name"], f=show.f_tex(hidden, "v"), s=s)
markdown(r"""
$${{s}}(v) = \frac{1}{1 + e^{-v}}, \qquad
{{s}}'(v) = \frac{e^{-v}}{(1 + e^{-v})^2} = {{s}}(v)\,\bigl(1 - {{s}}(v)\bigr).$$

{{note}}
""", s=s, note=note)

# %%
from backprop import examples, forward, show
from backprop.exercises import answer_box, check, given, worked_solution

v = forward(examples.PRACTICE_NET, examples.PRACTICE_X).v_hidden
given(v_1=v[0])

# %% tags=["hide-input"]
markdown(r"**Task.** Compute the logistic sigmoid's derivative ${{s}}'(v_1)$ at the field $v_1$ of hidden neuron 1 of "
         r"the practice network, printed above.", s=s)

# %% tags=["hide-input"]
answer_box("sigmoid-derivative")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: the logistic sigmoid's derivative at v_1
check("sigmoid-derivative", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import math

v_1 = forward(examples.PRACTICE_NET, examples.PRACTICE_X).v_hidden[0]
s_v1 = 1 / (1 + math.exp(-v_1))
answer = s_v1 * (1 - s_v1)

r = show.exact
# A saturated neuron: a value that is not 0 (or 1) but is 0.000000 (or 1.000000) to six decimals, as a box takes it, is
# said to be so, with how far it is from it, so that no reader takes f'(v_1) for 0.
not_zero = ""
for limit in (0, 1):
    near = [show.tex(r"${{name}} = {{value}}$", name=name,
                     value=show.sci(value) if limit == 0 else "1 - " + show.sci(1 - value))
            for name, value in ((f"{s}(v_1)", s_v1), (f"{s}'(v_1)", answer))
            if show.rounded(value) == limit and value != limit]
    if near:
        one = len(near) == 1
        not_zero += (f" Here {show.and_list(near)} {'is' if one else 'are'} ${show.num(limit)}$ to "
                     f"{show.DECIMALS} decimals but not {limit}.")
# 1 - f(v_1) as the printed f(v_1) gives it, or, where f(v_1) = 1.000000 keeps too few of its digits, its value
# (1 - f(v) = f(-v), computed so), which the sentence below gives as f(v_1) = 1 - ...
complement = math.exp(-v_1) / (1 + math.exp(-v_1))
lost = ""
if not show.slope_lost("logsig", s_v1, answer):  # the written f(v_1) keeps enough digits of 1 - f(v_1)
    factor, eq = show.tex(r"(1 - {{s_v1}})", s_v1=s_v1), show.eq(r(s_v1) * (1 - r(s_v1)), answer)
else:
    factor, eq = show.tex(r"({{c}})", c=complement), show.eq(r(s_v1) * r(complement), answer)
    lost = show.tex(r" The written ${{s}}(v_1) = {{s_v1}}$ keeps too few digits of $1 - {{s}}(v_1)$, so the second "
                    r"factor is $1 - {{s}}(v_1) = {{s}}(-v_1) = {{c}}$.", s=s, s_v1=s_v1, c=complement)
worked_solution(r"""
First the output, then the derivative in the form of the slides:

$${{s}}(v_1) = \frac{1}{1 + e^{-{{v1}}}} {{eq_s}} {{s_v1}}, \qquad
{{s}}'(v_1) = {{s}}(v_1)\,\bigl(1 - {{s}}(v_1)\bigr) = {{s_v1}} \cdot {{factor}} {{eq}} {{sp}}$$

The same from the quotient form: $e^{-v_1} / (1 + e^{-v_1})^2 = {{check}}$.{{lost}}{{not_zero}}
""", s=s, v1=v_1, s_v1=s_v1, eq_s=show.eq(1 / (1 + math.exp(-r(v_1))), s_v1), sp=answer,
    factor=factor, eq=eq,
    check=math.exp(-v_1) / (1 + math.exp(-v_1)) ** 2, lost=lost, not_zero=not_zero)
