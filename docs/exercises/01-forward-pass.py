# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 1. The forward pass by hand
#
# The 2-3-1 practice network: inputs $x_1, x_2$, three hidden neurons with the activation $f$, one
# linear output neuron 4. Hidden neuron $i$ computes
#
# $$v_i = w_{i1} x_1 + w_{i2} x_2 + b_i, \qquad y_{hi} = f(v_i),$$
#
# and the output neuron
#
# $$v_4 = w_{41} y_{h1} + w_{42} y_{h2} + w_{43} y_{h3} + b_4, \qquad y = v_4.$$
#
# The exercises use a practice network and sample of their own, not the worked example of the derivation
# pages, so each answer is yours to work out: no derivation page prints it (the worked solution at the end of each
# exercise does).
#
# Every exercise page is a notebook: download it with the button above and run it, or type your
# numbers into the answer boxes on this page.

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the sentence below is chosen from it
markdown(r"The practice network's hidden neurons are {{name}} neurons: $f(v) = {{f}}$.",
         name=show.ACTIVATION_TEX[hidden]["name"], f=show.f_tex(hidden, "v"))

# %%
from IPython.display import display

from backprop import examples
from backprop.exercises import check, given, network_table

display(network_table(examples.PRACTICE_NET))
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1])

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"""**Task.** With the weights and the input above, compute by hand (a calculator is fine) the output
$y_{h2}$ of hidden neuron 2 and the network's output $y$. {{give}}""", give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("forward-pass")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [y_h2, y]
check("forward-pass", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import math

from backprop.exercises import worked_solution

f = {"logsig": lambda v: 1 / (1 + math.exp(-v)), "tansig": math.tanh}[examples.PRACTICE_NET.hidden]
w, b = examples.PRACTICE_NET.w_hidden, examples.PRACTICE_NET.b_hidden
w_4, b_4 = examples.PRACTICE_NET.w_output[0], examples.PRACTICE_NET.b_output[0]
x_1, x_2 = examples.PRACTICE_X

v = [w[i, 0] * x_1 + w[i, 1] * x_2 + b[i] for i in range(3)]
y_h = [f(v_i) for v_i in v]
v_4 = w_4[0] * y_h[0] + w_4[1] * y_h[1] + w_4[2] * y_h[2] + b_4
answer = [y_h[1], v_4]

v_written = show.hidden_fields(examples.PRACTICE_NET, examples.PRACTICE_X)  # v, or 0 where the numbers cancel exactly
r = show.exact  # a sum written with rounded terms: "=" only if they add up to the printed result
worked_solution(r"""
The hidden fields, then the activation of each:

$$\begin{gathered}
v_1 = {{v1}}, \\
v_2 = w_{21} x_1 + w_{22} x_2 + b_2 = {{w21:given}} \cdot {{x1:given}} + {{w22:given}} \cdot {{x2:given}} +
{{b2:given}} {{eq_v2}} {{v2}}, \\
v_3 = {{v3}}
\end{gathered}$$

$$y_{h2} = f(v_2) = {{f_v2}} {{eq_f}} {{yh2}}$$

and likewise $y_{h1} = f(v_1) {{eq_f1}} {{yh1}}$, $y_{h3} = f(v_3) {{eq_f3}} {{yh3}}$. The output neuron is linear:

$$y = v_4 = {{w41:given}} \cdot {{yh1}} + {{w42:given}} \cdot {{yh2}} + {{w43:given}} \cdot {{yh3}} +
{{b4:given}} {{eq_y}} {{y}}$$
""", v1=v_written[0], v2=v_written[1], v3=v_written[2], w21=w[1, 0], w22=w[1, 1], b2=b[1], x1=x_1, x2=x_2,
    eq_v2=show.eq(r(w[1, 0]) * r(x_1) + r(w[1, 1]) * r(x_2) + r(b[1]), v_written[1]),
    f_v2=show.f_tex(hidden, v_written[1]), eq_f=show.eq(f(r(v_written[1])), y_h[1]),
    eq_f1=show.eq(f(r(v_written[0])), y_h[0]), eq_f3=show.eq(f(r(v_written[2])), y_h[2]),
    yh1=y_h[0], yh2=y_h[1], yh3=y_h[2], w41=w_4[0], w42=w_4[1], w43=w_4[2], b4=b_4, y=v_4,
    eq_y=show.eq(sum(r(w_4[i]) * r(y_h[i]) for i in range(3)) + r(b_4), v_4))
