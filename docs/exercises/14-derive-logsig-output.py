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
# $y = f(v_j) = 1/(1 + e^{-v_j})$, where $j = 4$ is the output neuron. The hidden neurons are logsig too, as in the
# slides' network, $y_{hi} = 1/(1 + e^{-v_i})$, whatever the practice example uses: this exercise has no numbers.
# Derive $\partial E / \partial w_{ik}$ for a hidden weight, with $E = \tfrac12 e^2$, $e = d - y$, and write it as
# a Python function of
#
# * `e`, the error $e = d - y$;
# * `y`, the output $y = f(v_j)$;
# * `y_hi`, the output of hidden neuron $i$;
# * `w_ji`, the weight $w_{ji}$ from hidden neuron $i$ to the output neuron $j$ (the slides' $w_{4i}$);
# * `x_k`, the input the weight carries.
#
# The check calls your function at random points and compares it with the right formula.
# (This one needs Python: download the notebook.)

# %%
from backprop.exercises import check

# %% [markdown]
# **Task.** Fill in `dE_dw_ik` below, keeping its argument names (the check passes them by name), and set
# `answer = dE_dw_ik`.

# %%
def dE_dw_ik(e, y, y_hi, w_ji, x_k):
    return ...  # your formula here


answer = None  # your answer here: dE_dw_ik, once it is filled in
check("derive-logsig-output", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop.exercises import worked_solution


def worked_dE_dw_ik(e, y, y_hi, w_ji, x_k):  # its own name: a Run All leaves yours as you wrote it
    """∂E/∂w_ik for a logsig output neuron j and logsig hidden neuron i: the linear-output rule with f'(v_j) = y(1 − y)
    added."""
    return -e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k


answer = worked_dE_dw_ik

worked_solution(r"""
The chain rule, one factor per link from $E$ back to $w_{ik}$:

$$\frac{\partial E}{\partial w_{ik}} = \underbrace{e}_{\partial E/\partial e}
\cdot \underbrace{(-1)}_{\partial e/\partial y}
\cdot \underbrace{y(1 - y)}_{f'(v_j)} \cdot \underbrace{w_{ji}}_{\partial v_j/\partial y_{hi}}
\cdot \underbrace{y_{hi}(1 - y_{hi})}_{f'(v_i)} \cdot \underbrace{x_k}_{\partial v_i/\partial w_{ik}}$$

with $j = 4$, the output neuron, and $f'(v_i) = y_{hi}(1 - y_{hi})$ because the hidden neurons are logsig.
Compared with the linear output, only $f'(v_j) = y(1 - y)$ is new (it was 1). In code:
`-e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k`.
""")
