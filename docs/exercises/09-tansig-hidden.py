# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 9: the hidden rule again, with a tanh hidden layer
#
# Replace the hidden logsig by `tansig`, $f(v) = \tanh v$. Only one factor of the derivation changes:
# the hidden neuron's derivative, now $f'(v_i) = 1 - \tanh^2 v_i = 1 - y_{hi}^2$. So
#
# $$\Delta w_{ik}(n) = \eta\, e(n)\, w_{4i}(n)\,\bigl(1 - y_{hi}(n)^2\bigr)\, x_k(n),$$
#
# where the forward pass, and so $y_{hi}$, $y$ and $e$, are those of the tanh network.

# %%
from backprop import Network, examples
from backprop.exercises import answer_box, check, given, network_table, worked_solution

net = examples.NET
tanh_net = Network(net.w_hidden, net.b_hidden, net.w_output, net.b_output, hidden="tansig")
display(network_table(tanh_net))
given(x_1=examples.X[0], x_2=examples.X[1], d=examples.D, eta=examples.ETA)

# %% [markdown]
# **Task.** Same weights and input as the worked example, but a tanh hidden layer: compute the forward pass and
# the six updates $\Delta w_{ik}$ as a 3 × 2 array.

# %% tags=["hide-input"]
answer_box("tansig-hidden")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [[Δw_11, Δw_12], [Δw_21, Δw_22], [Δw_31, Δw_32]]
check("tansig-hidden", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import numpy as np

w, b, w_4, b_4 = net.w_hidden, net.b_hidden, net.w_output[0], net.b_output[0]
x, d, eta = examples.X, examples.D, examples.ETA
y_h = np.tanh(w @ x + b)
y = w_4 @ y_h + b_4
e = d - y
answer = eta * e * np.outer(w_4 * (1 - y_h**2), x)

worked_solution(r"""
Forward pass: $y_{h} = \tanh(v) = ({{yh1}}, {{yh2}}, {{yh3}})$, $y = {{y}}$, $e = d - y = {{e}}$.

$$\Delta w_{11} = \eta\, e\, w_{41}\,(1 - y_{h1}^2)\, x_1 = {{eta}} \cdot ({{e}}) \cdot {{w41}} \cdot {{fp1}} \cdot {{x1}} = {{dw11}}$$

and $\Delta w_{22} = {{dw22}}$. Compare exercise 6: both the derivative and the error differ.
""", yh1=y_h[0], yh2=y_h[1], yh3=y_h[2], y=y, e=e, eta=eta, w41=w_4[0], fp1=1 - y_h[0] ** 2, x1=x[0],
    dw11=answer[0, 0], dw22=answer[1, 1])
