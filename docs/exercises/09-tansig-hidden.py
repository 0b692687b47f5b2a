# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 9. The other hidden activation
#
# The site derives two hidden activations: the slides' logistic sigmoid (`logsig`) and the hyperbolic tangent
# (MATLAB's `tansig`). Give the practice network the one it does not use. Only one factor of the
# derivation changes: the hidden neuron's derivative $f'(v_i)$. But the forward pass changes too, and with it
# $y_{hi}$, $y$ and $e$.

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown, other_hidden_network

own, other = examples.PRACTICE_NET.hidden, other_hidden_network().hidden  # the words below are chosen from these
f_prime_n = show.f_prime_factor_tex(other, r"y_{hi}(n)")  # as a factor: tanh's 1 - y^2 in brackets
markdown(r"""
The practice network's hidden neurons are {{own}} neurons; here they are {{other}} neurons, $f(v) = {{f}}$, with
$f'(v_i) = {{f_prime}}$. So

$$\Delta w_{ik}(n) = \eta\, e(n)\, w_{4i}(n)\, {{f_prime_n}}\, x_k(n),$$

where the forward pass, and so $y_{hi}$, $y$ and $e$, are those of the {{other}} network.
""", own=show.ACTIVATION_TEX[own]["name"], other=show.ACTIVATION_TEX[other]["name"], f=show.f_tex(other, "v"),
         f_prime=show.f_prime_tex(other, "y_{hi}"), f_prime_n=f_prime_n)

# %%
from IPython.display import display

from backprop import examples
from backprop.exercises import check, given, network_table, other_hidden_network

net = examples.PRACTICE_NET
other_net = other_hidden_network()  # the same weights, the other hidden activation
own, other = net.hidden, other_net.hidden
display(network_table(other_net))
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1], d=examples.PRACTICE_D, eta=examples.PRACTICE_ETA)

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"""**Task.** Same weights and input as the practice example, but the other hidden activation (above): compute
the forward pass and the six updates $\Delta w_{ik}$ as a 3 × 2 array. {{give}}""", give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("tansig-hidden")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [[Δw_11, Δw_12], [Δw_21, Δw_22], [Δw_31, Δw_32]]
check("tansig-hidden", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import numpy as np

from backprop import delta_w_hidden, forward, logsig
from backprop.exercises import worked_solution

f, f_prime = {  # the swapped-in hidden activation, and its derivative from the output
    "logsig": (logsig, lambda y: y * (1 - y)),  # 1 / (1 + e^-v), without overflow at v = -800
    "tansig": (np.tanh, lambda y: 1 - y**2),
}[other]
w, b, w_4, b_4 = net.w_hidden, net.b_hidden, net.w_output[0], net.b_output[0]
x, d, eta = examples.PRACTICE_X, examples.PRACTICE_D, examples.PRACTICE_ETA
y_h = f(w @ x + b)
y = w_4 @ y_h + b_4
e = d - y
answer = eta * e * np.outer(w_4 * f_prime(y_h), x)

from backprop import labels
from backprop.exercises import box_weights, other_updates, tex_name, zero_updates

# The two weights the answer boxes ask for (w_11 and w_22 unless an input x_k is 0, or a box could not tell a classic
# slip from the right answer): the first worked out in full, the other five given (a student looked for Δw_11, which
# no box asked for), and the two compared with exercise 6's.
(first, (i, k)), (second, ik2) = box_weights("tansig-hidden")
others = other_updates(answer, (i, k))
r = show.exact
fp_i = f_prime(y_h[i])
own_dw = delta_w_hidden(forward(net, x), d, eta)  # exercise 6's answer, for the comparison
y_h_written = f(show.hidden_fields(net, x))  # a field 0 by hand gives f(0), not f of its double's rounding
worked_solution(r"""
Forward pass: $y_{h} = ({{yh1}}, {{yh2}}, {{yh3}})$, $y = {{y}}$, $e = d - y = {{e}}$.

$$\Delta {{w}} = \eta\, e\, {{w4}}\, f'(v_{{i1}})\, x_{{k1}}
= {{eta:given}} \cdot {{e}} \cdot {{w4i:given}} \cdot {{fp_i}} \cdot {{xk:given}} {{eq}} {{dw}}$$

with $f'(v_{{i1}}) = {{f_prime}} = {{fp_i}}$, and in the same way {{others}}.{{zeros}} Exercise 6, the same weights
with the {{own}} hidden layer, gives $\Delta {{w}} = {{own_dw}}$ and $\Delta {{w2}} = {{own_dw2}}$: the derivative
and the error both come from the network's own activation.
""", others=others, zeros=zero_updates(net, x),
    yh1=y_h_written[0], yh2=y_h_written[1], yh3=y_h_written[2], y=y, e=e, w=tex_name(first), i1=i + 1, k1=k + 1,
    w4=tex_name(labels.parameter("w_output", (0, i), 3)), eta=eta, w4i=w_4[i], fp_i=fp_i, xk=x[k],
    eq=show.eq(r(eta) * r(e) * r(w_4[i]) * r(fp_i) * r(x[k]), answer[i, k]), dw=answer[i, k],
    f_prime=show.f_prime_tex(other, f"y_{{h{i + 1}}}"), w2=tex_name(second), dw2=answer[ik2],
    own=show.ACTIVATION_TEX[own]["name"], own_dw=own_dw[i, k], own_dw2=own_dw[ik2])
