# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 10. Two outputs: the sum over j
#
# Give the network a second linear output neuron, 5. Now $E = \tfrac12 (e_4^2 + e_5^2)$ and every hidden
# neuron feeds both outputs, so its weight changes both errors:
#
# $$\begin{gathered}
# \frac{\partial E}{\partial w_{ik}} = -\Bigl[\sum_{j=4,5} e_j\, f'(v_j)\, w_{ji}\Bigr] f'(v_i)\, x_k, \\
# \Delta w_{ik}(n) = \eta \Bigl[\sum_{j} e_j(n)\, w_{ji}(n)\Bigr] f'\bigl(v_i(n)\bigr)\, x_k(n)
# \end{gathered}$$
#
# (both outputs are linear, $f'(v_j) = 1$).

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the formula below is chosen from it
markdown(r"The hidden neurons are the practice network's {{name}} neurons: $f'(v_i) = {{f_prime}}$.",
         name=show.ACTIVATION_TEX[hidden]["name"], f_prime=show.f_prime_tex(hidden, "y_{hi}"))

# %%
from IPython.display import display

from backprop import examples
from backprop.exercises import check, given, network_table, two_output_network

two_net, two_d = two_output_network()  # output 5: w_5i = (w_42, w_43, w_41), b_5 = -b_4, d_5 = -d
hidden = two_net.hidden  # the practice network's hidden layer
display(network_table(two_net))
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1], d_4=two_d[0], d_5=two_d[1], eta=examples.PRACTICE_ETA)

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"""**Task.** The hidden layer is the practice network's; output 4 is too. Output 5 has the weights
$w_{5i}$ and bias $b_5$ above, and target $d_5$. Compute the six updates $\Delta w_{ik}$ (3 × 2 array). {{give}}""",
         give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("two-outputs")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [[Δw_11, Δw_12], [Δw_21, Δw_22], [Δw_31, Δw_32]]
check("two-outputs", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import numpy as np

from backprop import logsig
from backprop.exercises import worked_solution

f, f_prime = {  # the hidden activation, and its derivative from the output
    "logsig": (logsig, lambda y: y * (1 - y)),  # 1 / (1 + e^-v), without overflow at v = -800
    "tansig": (np.tanh, lambda y: 1 - y**2),
}[hidden]
net, x, eta = two_net, examples.PRACTICE_X, examples.PRACTICE_ETA
y_h = f(net.w_hidden @ x + net.b_hidden)
y = net.w_output @ y_h + net.b_output  # (y_4, y_5)
e = two_d - y
back = e[0] * net.w_output[0] + e[1] * net.w_output[1]  # Σ_j e_j w_ji, one number per hidden neuron i
answer = eta * np.outer(back * f_prime(y_h), x)

from backprop import labels
from backprop.exercises import box_weights, other_updates, tex_name, zero_updates

# The answer boxes ask for two weights of two hidden neurons (w_11 and w_31 unless an input x_k is 0, or a box could
# not tell a classic slip from the right answer): the sum over j is worked out for the first one's neuron.
(first, (i, k)), _ = box_weights("two-outputs")
# the other five given too (a student looked for the entries no box asked for)
others = other_updates(answer, (i, k))
w4, w5 = (tex_name(labels.parameter("w_output", (out, i), 3)) for out in (0, 1))  # w_4i and w_5i
w4i, w5i = net.w_output[0, i], net.w_output[1, i]
r = show.exact
fp_i = f_prime(y_h[i])
# f'(v_i) from y_hi, or from v_i where the written y_hi keeps too few digits of it (a saturated neuron)
fp_numbers, eq_fp, _ = show.f_prime_numbers(hidden, y_h[i], (net.w_hidden @ x + net.b_hidden)[i], fp_i)
worked_solution(r"""
Forward pass: $y_4 = {{y4}}$, $y_5 = {{y5}}$, so $e_4 = {{e4}}$ and $e_5 = {{e5}}$. For hidden neuron {{i1}}:

$$\sum_j e_j w_{j{{i1}}} = e_4 {{w4}} + e_5 {{w5}} = {{e4}} \cdot {{w4i:given}} +
{{e5}} \cdot {{w5i:given}} {{eq_back}} {{back}}$$

and $f'(v_{{i1}}) = {{f_prime}} = {{f_prime_numbers}} {{eq_fp}} {{fp_i}}$, so

$$\Delta {{w}} = \eta \Bigl[\sum_j e_j w_{j{{i1}}}\Bigr] f'(v_{{i1}})\, x_{{k1}}
= {{eta:given}} \cdot {{back}} \cdot {{fp_i}} \cdot {{xk:given}} {{eq_dw}} {{dw}}$$

and in the same way {{others}}.{{zeros}}
""", others=others, zeros=zero_updates(net, x),
    y4=y[0], y5=y[1], e4=e[0], e5=e[1], i1=i + 1, k1=k + 1, w4=w4, w5=w5, w4i=w4i, w5i=w5i, back=back[i],
    eq_back=show.eq(r(e[0]) * r(w4i) + r(e[1]) * r(w5i), back[i]), w=tex_name(first), dw=answer[i, k],
    f_prime=show.f_prime_tex(hidden, f"y_{{h{i + 1}}}"), f_prime_numbers=fp_numbers,
    eq_fp=eq_fp, fp_i=fp_i, eta=eta, xk=x[k],
    eq_dw=show.eq(r(eta) * r(back[i]) * r(fp_i) * r(x[k]), answer[i, k]))  # from the printed factors
