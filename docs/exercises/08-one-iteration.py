# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 8. One full iteration, n → n+1
#
# One online iteration: the forward pass, the error, all four updates computed from the weights at
# time $n$, and only then
#
# $$w(n+1) = w(n) + \Delta w(n)$$
#
# for every weight and bias. Run the forward pass again on the same input to see where the output
# has moved.

# %%
from IPython.display import display

from backprop import examples
from backprop.exercises import check, given, network_table

display(network_table(examples.PRACTICE_NET))
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1], d=examples.PRACTICE_D, eta=examples.PRACTICE_ETA)

# %% tags=["hide-input"]
from backprop.exercises import markdown, one_iteration_weight, one_iteration_why, tex_name, tolerance_note

# The hidden weight asked for: w_11, unless it cannot serve (one_iteration_why says why, under the task).
name, (i, k) = one_iteration_weight()  # "w_11", and its place in net.w_hidden, (0, 0)
w_tex = tex_name(name)
why = one_iteration_why()  # "" when the task is about w_11, else why not
markdown(r"""
**Task.** Do one iteration on the practice example and give $w_{41}(n+1)$, ${{w}}(n+1)$, and the
output $y(n+1)$ of the updated network for the same input.{{why}}

""" + tolerance_note("one-iteration"), w=w_tex, why=why)

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("one-iteration")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [w_41(n+1), the task's hidden weight at n+1, y(n+1)]
check("one-iteration", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import numpy as np

from backprop import forward, labels, logsig, show
from backprop.exercises import fill, iteration_outcome, worked_solution

f, f_prime = {  # the practice network's hidden activation, and its derivative from the output
    "logsig": (logsig, lambda y: y * (1 - y)),  # 1 / (1 + e^-v), without overflow at v = -800
    "tansig": (np.tanh, lambda y: 1 - y**2),
}[examples.PRACTICE_NET.hidden]
net, x, d, eta = examples.PRACTICE_NET, examples.PRACTICE_X, examples.PRACTICE_D, examples.PRACTICE_ETA
fp = forward(net, x)
e = d - fp.y_output[0]
y_h, w_4 = fp.y_hidden, net.w_output[0]
delta_hidden = e * w_4 * f_prime(y_h)  # uses w_4i(n): computed before any update
w_output_next = w_4 + eta * e * y_h
b_output_next = net.b_output[0] + eta * e
w_hidden_next = net.w_hidden + eta * np.outer(delta_hidden, x)
b_hidden_next = net.b_hidden + eta * delta_hidden
y_h_next = f(w_hidden_next @ x + b_hidden_next)
y_next = w_output_next @ y_h_next + b_output_next
answer = [w_output_next[0], w_hidden_next[i, k], y_next]

y = fp.y_output[0]
outcome = iteration_outcome(d, y, y_next)  # closer to d (past it or not), or further: past d, or on the same side
dw41, dw_ik = eta * e * y_h[0], eta * delta_hidden[i] * x[k]
r = show.exact
# Δw_ik = η e w_4i(n) f'(v_i) x_k: the output weight of the chosen weight's hidden neuron i, at time n
w_4i = labels.tex(labels.parameter("w_output", (0, i), net.n_hidden))


def update(name: str, value: float, note: str = "", end: str = "") -> str:
    """``$\\Delta w = value$`` and ``note``; a step that is not 0 but is 0.000000 to six decimals, as a box takes it,
    is said to be so (as exercises 4 and 5 say), then ``end`` closes that clause."""
    if value != 0 and show.rounded(value) == 0:
        return fill(r"$\Delta {{name}} = {{tiny}}${{note}}, which is ${{printed}}$ to {{n}} decimals{{end}}", name=name,
                    tiny=show.sci(value), note=note, printed=show.num(value), n=show.DECIMALS, end=end)
    return fill(r"$\Delta {{name}} = {{value}}${{note}}", name=name, value=value, note=note)


worked_solution(r"""
From exercises 4 and 6: {{dw41}} and {{dw_ik}}. So

$$w_{41}(n+1) = {{w41:given}} + {{dw41_sum}} {{eq41}} {{w41_next}}, \qquad
{{w}}(n+1) = {{w_ik:given}} + {{dw_ik_sum}} {{eq_ik}} {{w_ik_next}}$$

With all nine weights and four biases updated, the forward pass on the same $x$ gives
$y(n+1) = {{y_next}}$, {{outcome}}.
""", dw41=update("w_{41}", dw41, end=","), dw_ik=update(w_tex, dw_ik, f" (computed with ${w_4i}(n)$)"),
    dw41_sum=dw41, dw_ik_sum=dw_ik, w41=w_4[0], w41_next=answer[0], eq41=show.eq(r(w_4[0]) + r(dw41), answer[0]),
    w=w_tex, w_ik=net.w_hidden[i, k], w_ik_next=answer[1], eq_ik=show.eq(r(net.w_hidden[i, k]) + r(dw_ik), answer[1]),
    y_next=y_next, outcome=outcome)
