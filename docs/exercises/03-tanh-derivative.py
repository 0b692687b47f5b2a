# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 3. The tanh derivative
#
# MATLAB's `tansig` is the hyperbolic tangent $\tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$.
# The quotient rule with $\sinh' = \cosh$ and $\cosh' = \sinh$ gives
#
# $$\tanh'(v) = \frac{\cosh^2 v - \sinh^2 v}{\cosh^2 v} = 1 - \tanh^2 v = \operatorname{sech}^2 v.$$

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the sentence is chosen from it
if hidden == "tansig":
    note = r"The practice network's hidden neurons are hyperbolic tangent neurons: $\tanh$ is its $f$."
else:  # f is the practice network's own activation (exercises 1, 6 and 7): this page writes tanh, never f
    note = show.tex(r"The practice network's hidden neurons are {{name}} neurons, $f(v) = {{f}}$, not tanh ones: "
                    r"this exercise still asks for tanh's derivative, at the field $v_2$ of hidden neuron 2.",
                    name=show.ACTIVATION_TEX[hidden]["name"], f=show.f_tex(hidden, "v"))
markdown(note)

# %%
from backprop import examples, forward, show
from backprop.exercises import answer_box, check, given, worked_solution

v = forward(examples.PRACTICE_NET, examples.PRACTICE_X).v_hidden
given(v_2=v[1])

# %% [markdown]
# **Task.** Compute $\tanh'(v_2)$ at the field $v_2$ of hidden neuron 2 of the practice example (printed above).

# %% tags=["hide-input"]
answer_box("tanh-derivative")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: tanh'(v_2)
check("tanh-derivative", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import math

v_2 = forward(examples.PRACTICE_NET, examples.PRACTICE_X).v_hidden[1]
t = (math.exp(v_2) - math.exp(-v_2)) / (math.exp(v_2) + math.exp(-v_2))
answer = 1 - t**2

# 1 - tanh^2 from the printed tanh v_2, or, where tanh v_2 = 1.000000 keeps too few of its digits, 1 / cosh^2 v_2
numbers, eq, with_v = show.f_prime_numbers("tansig", t, v_2, answer)
if with_v:  # say why, with what the written tanh v_2 gives
    closing = show.tex(r"The written $\tanh v_2 = {{t}}$ keeps too few digits of $1 - \tanh^2 v_2$ ($1 - {{t}}^2 = "
                       r"{{from_t}}$), so the derivative is written with $\cosh v_2$: $1 - \tanh^2 v = 1/\cosh^2 v$.",
                       t=t, from_t=1 - show.written(t) ** 2)
else:
    closing = show.tex(r"Check: $1/\cosh^2 v_2 = {{sech2}}$.", sech2=1 / math.cosh(v_2) ** 2)
worked_solution(r"""
$$\tanh v_2 = \frac{e^{ {{v2}} } - e^{-{{v2}}}}{e^{ {{v2}} } + e^{-{{v2}}}} {{eq_t}} {{t}}, \qquad
\tanh'(v_2) = 1 - \tanh^2 v_2 = {{numbers}} {{eq}} {{answer}}$$

{{closing}}
""", v2=v_2, t=t, eq_t=show.eq(math.tanh(show.written(v_2)), t), numbers=numbers, eq=eq, answer=answer,
    closing=closing)
