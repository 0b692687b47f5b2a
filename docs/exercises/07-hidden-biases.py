# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 7: rule 4, the hidden biases
#
# The same chain as rule 3, with $\partial v_i / \partial b_i = 1$ in place of $x_k$:
#
# $$\Delta b_i(n) = \eta\, e(n)\, w_{4i}(n)\, y_{hi}(n)\bigl(1 - y_{hi}(n)\bigr) \cdot 1.$$

# %%
from backprop import examples, forward
from backprop.exercises import answer_box, check, given, network_table, worked_solution

fp = forward(examples.NET, examples.X)
display(network_table(examples.NET))
given(d=examples.D, eta=examples.ETA, y_h1=fp.y_hidden[0], y_h2=fp.y_hidden[1], y_h3=fp.y_hidden[2],
      y=fp.y_output[0])

# %% [markdown]
# **Task.** Compute $\Delta b_1, \Delta b_2, \Delta b_3$ for the worked example.

# %% tags=["hide-input"]
answer_box("hidden-biases")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [Δb_1, Δb_2, Δb_3]
check("hidden-biases", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
fp = forward(examples.NET, examples.X)
eta, w_4, y_h = examples.ETA, examples.NET.w_output[0], fp.y_hidden
e = examples.D - fp.y_output[0]
answer = [eta * e * w_4[i] * y_h[i] * (1 - y_h[i]) for i in range(3)]

worked_solution(r"""
With $e = {{e}}$:

$$\Delta b_1 = {{eta}} \cdot ({{e}}) \cdot {{w41}} \cdot {{yh1}} \cdot {{one_minus_yh1}} = {{db1}}, \quad
\Delta b_2 = {{db2}}, \quad \Delta b_3 = {{db3}}$$

Since $x_1 = 1$ in the worked example, $\Delta b_i = \Delta w_{i1}$ here: a bias is a weight whose input is always 1.
""", e=e, eta=eta, w41=w_4[0], yh1=y_h[0], one_minus_yh1=1 - y_h[0], db1=answer[0], db2=answer[1], db3=answer[2])
