# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 14. Derive: a sigmoid output neuron
#
# The slides' output neuron is linear. Make it a logsig neuron, like the slides' hidden neurons:
# $y = f(v_4) = 1/(1 + e^{-v_4})$.
# Derive $\partial E / \partial w_{ik}$ for a hidden weight, with $E = \tfrac12 e^2$, $e = d - y$, and write it as
# a Python function of
#
# * `e`, the error $e = d - y$;
# * `y`, the output $y = f(v_4)$;
# * `y_hi`, the output of hidden neuron $i$;
# * `w_ji`, the weight from hidden neuron $i$ to the output;
# * `x_k`, the input the weight carries.
#
# The check calls your function at random points and compares it with the right formula.
# (This one needs Python: download the notebook.)

# %%
from backprop.exercises import check, worked_solution

# %% [markdown]
# **Task.** Fill in `dE_dw_ik` and set `answer = dE_dw_ik`.
#
# ```python
# def dE_dw_ik(e, y, y_hi, w_ji, x_k):
#     return ...
# ```

# %%
answer = None  # your answer here: a function of (e, y, y_hi, w_ji, x_k)
check("derive-logsig-output", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
def dE_dw_ik(e, y, y_hi, w_ji, x_k):
    """∂E/∂w_ik for a logsig output neuron: the linear-output rule with f'(v_4) = y(1 − y) added."""
    return -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k


answer = dE_dw_ik

worked_solution(r"""
The chain rule, one factor per link from $E$ back to $w_{ik}$:

$$\frac{\partial E}{\partial w_{ik}} = \underbrace{e}_{\partial E/\partial e}
\cdot \underbrace{(-1)}_{\partial e/\partial y}
\cdot \underbrace{y(1 - y)}_{f'(v_4)} \cdot \underbrace{w_{4i}}_{\partial v_4/\partial y_{hi}}
\cdot \underbrace{y_{hi}(1 - y_{hi})}_{f'(v_i)} \cdot \underbrace{x_k}_{\partial v_i/\partial w_{ik}}$$

Compared with the linear output, only $f'(v_4) = y(1 - y)$ is new (it was 1). In code:
`-e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k`.
""")
