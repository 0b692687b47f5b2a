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
# The slides' hidden neurons use the logistic sigmoid $f(v) = \dfrac{1}{1 + e^{-v}}$. The hidden rules need its
# derivative, which the slides write with the output itself:
#
# $$f'(v) = \frac{e^{-v}}{(1 + e^{-v})^2} = f(v)\,\bigl(1 - f(v)\bigr).$$
#
# (The slides' derivation loses a minus sign on the way: see the [errata](../../errata/) page.)

# %%
from backprop import examples, forward, show
from backprop.exercises import answer_box, check, given, worked_solution

v = forward(examples.PRACTICE_NET, examples.PRACTICE_X).v_hidden
given(v_1=v[0])

# %% tags=["hide-input"]
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # said only when the practice network's hidden layer is not the slides'
markdown(r"The practice network's hidden neurons are {{name}} neurons, not logistic ones; this exercise still asks "
         r"for the logistic sigmoid's derivative, at the field $v_1$ of hidden neuron 1.",
         name=show.ACTIVATION_TEX[hidden]["name"]) if hidden != "logsig" else None

# %% [markdown]
# **Task.** Compute the logistic sigmoid's derivative $f'(v_1)$ at the field $v_1$ of hidden neuron 1 of the
# practice network, printed above.

# %% tags=["hide-input"]
answer_box("sigmoid-derivative")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: f'(v_1)
check("sigmoid-derivative", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import math

v_1 = forward(examples.PRACTICE_NET, examples.PRACTICE_X).v_hidden[0]
f_v1 = 1 / (1 + math.exp(-v_1))
answer = f_v1 * (1 - f_v1)

r = show.rounded
worked_solution(r"""
First the output, then the derivative in the form of the slides:

$$f(v_1) = \frac{1}{1 + e^{-{{v1}}}} = {{f}}, \qquad
f'(v_1) = f(v_1)\,\bigl(1 - f(v_1)\bigr) = {{f}} \cdot (1 - {{f}}) {{eq}} {{fp}}$$

The same from the quotient form: $e^{-v_1} / (1 + e^{-v_1})^2 = {{check}}$.
""", v1=v_1, f=f_v1, eq=show.eq(r(f_v1) * (1 - r(f_v1)), answer), fp=answer,
    check=math.exp(-v_1) / (1 + math.exp(-v_1)) ** 2)
