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
from backprop.exercises import derivative_neuron, markdown

n = derivative_neuron("tanh-derivative")[1] + 1  # the neuron whose field the task asks at: 2, unless it cannot serve
hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the sentence is chosen from it
if hidden == "tansig":
    note = r"The practice network's hidden neurons are hyperbolic tangent neurons: $\tanh$ is its $f$."
else:  # f is the practice network's own activation (exercises 1, 6 and 7): this page writes tanh, never f
    note = show.tex(r"The practice network's hidden neurons are {{name}} neurons, $f(v) = {{f}}$, not tanh ones: "
                    r"this exercise still asks for tanh's derivative, at the field $v_{{n}}$ of hidden neuron {{n}}.",
                    name=show.ACTIVATION_TEX[hidden]["name"], f=show.f_tex(hidden, "v"), n=n)
markdown(note)

# %%
from backprop import examples, show
from backprop.exercises import check, derivative_neuron, given

# The task asks at v_2; where the box there would pass 0 or a classic slip, it asks at another
# neuron's field instead, and says why.
name, i = derivative_neuron("tanh-derivative")  # "v_2" and its index in v_hidden, 1
v = show.hidden_fields(examples.PRACTICE_NET, examples.PRACTICE_X)  # v_1, v_2, v_3, each summed as by hand
given(**{name: v[i]})

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, derivative_why

markdown(r"**Task.** Compute $\tanh'(v_{{n}})$ at the field $v_{{n}}$ of hidden neuron {{n}} of the practice example "
         r"(printed above).{{why}} {{give}}", n=i + 1, why=derivative_why("tanh-derivative"),
         give=decimals_wanted())  # "" at v_2, else why not

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("tanh-derivative")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: tanh' at the field printed above
check("tanh-derivative", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import math

from backprop.exercises import worked_solution

v_i = show.hidden_fields(examples.PRACTICE_NET, examples.PRACTICE_X)[i]  # the field printed above
n = i + 1  # its neuron: the page writes v_n
t = (math.exp(v_i) - math.exp(-v_i)) / (math.exp(v_i) + math.exp(-v_i))
answer = 1 - t**2

# 1 - tanh^2 from the printed tanh v_n, or, where tanh v_n = 1.000000 keeps too few of its digits, 1 / cosh^2 v_n
numbers, eq, with_v = show.f_prime_numbers("tansig", t, v_i, answer)
if with_v:  # say why, with what the written tanh v_n gives
    closing = show.tex(r"The written $\tanh v_{{n}} = {{t}}$ keeps too few digits of $1 - \tanh^2 v_{{n}}$ ($1 - "
                       r"{{t}}^2 = {{from_t}}$), so the derivative is written with $\cosh v_{{n}}$: $1 - \tanh^2 v = "
                       r"1/\cosh^2 v$.", t=t, from_t=1 - show.written(t) ** 2, n=n)
else:
    closing = show.tex(r"Check: $1/\cosh^2 v_{{n}} = {{sech2}}$.", sech2=1 / math.cosh(v_i) ** 2, n=n)
worked_solution(r"""
$$\begin{gathered}
\tanh v_{{n}} = \frac{e^{ {{vi}} } - e^{-{{vi}}}}{e^{ {{vi}} } + e^{-{{vi}}}} {{eq_t}} {{t}}, \\
\tanh'(v_{{n}}) = 1 - \tanh^2 v_{{n}} = {{numbers}} {{eq}} {{answer}}
\end{gathered}$$

{{closing}}
""", n=n, vi=v_i, t=t, eq_t=show.eq(math.tanh(show.written(v_i)), t), numbers=numbers, eq=eq, answer=answer,
    closing=closing)
