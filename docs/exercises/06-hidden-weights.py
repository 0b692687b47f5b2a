# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 6. Rule 3: the hidden weights
#
# The error reaches hidden neuron $i$ through the output weight $w_{4i}$; then the neuron's own
# derivative $f'(v_i)$ and the input $x_k$ the weight carries:
#
# $$\frac{\partial E}{\partial w_{ik}} = e \cdot (-1) \cdot 1 \cdot w_{4i} \cdot f'(v_i) \cdot x_k,
# \qquad \Delta w_{ik}(n) = \eta\, e(n)\, w_{4i}(n)\, f'\bigl(v_i(n)\bigr)\, x_k(n).$$
#
# All the weights on the right are those at time $n$, before any update.

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the formulas below are chosen from it
f_prime_n = show.f_prime_factor_tex(hidden, r"y_{hi}(n)")  # as a factor: tanh's 1 - y^2 in brackets
markdown(r"The practice network's hidden neurons are {{name}} neurons, so $f'(v_i) = {{f_prime}}$ and "
         r"$\Delta w_{ik}(n) = \eta\, e(n)\, w_{4i}(n)\, {{f_prime_n}}\, x_k(n)$.",
         name=show.ACTIVATION_TEX[hidden]["name"], f_prime=show.f_prime_tex(hidden, "y_{hi}"), f_prime_n=f_prime_n)

# %%
from IPython.display import display

from backprop import examples, forward
from backprop.exercises import check, given, hidden_outputs, network_table, saturation_note

fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
display(network_table(examples.PRACTICE_NET))
# y_h1, y_h2, y_h3, and v_i too for a neuron so saturated that six decimals of y_hi lose its slope
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1], d=examples.PRACTICE_D, eta=examples.PRACTICE_ETA,
      **hidden_outputs(fp), y=fp.y_output[0]) + saturation_note(fp)

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"""**Task.** Compute the six updates $\Delta w_{ik}$ as a 3 × 2 array: row $i$ = hidden neuron, column $k$ =
input. {{give}}""", give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("hidden-weights")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [[Δw_11, Δw_12], [Δw_21, Δw_22], [Δw_31, Δw_32]]
check("hidden-weights", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop.exercises import worked_solution

f_prime = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y**2}[hidden]  # f'(v_i) from y_hi
fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
eta, x, w_4 = examples.PRACTICE_ETA, examples.PRACTICE_X, examples.PRACTICE_NET.w_output[0]
e = examples.PRACTICE_D - fp.y_output[0]
y_h = fp.y_hidden
answer = [[eta * e * w_4[i] * f_prime(y_h[i]) * x[k] for k in range(2)] for i in range(3)]

from backprop import labels
from backprop.exercises import box_weights, other_updates, tex_name, zero_updates

# Worked out in full: the first weight the answer boxes ask for (w_11 unless its input x_1 is 0, or its box could
# not tell a classic slip from the right answer); the other five in the same way.
name, (i, k) = box_weights("hidden-weights")[0]
others = other_updates(answer, (i, k))
r = show.exact
fp_i = f_prime(y_h[i])
# f'(v_i) from y_hi, or from v_i where the written y_hi keeps too few digits of it (a saturated neuron)
fp_numbers, eq_fp, _ = show.f_prime_numbers(hidden, y_h[i], fp.v_hidden[i], fp_i)
worked_solution(r"""
$e = d - y = {{e}}$. For hidden neuron {{i1}}: $f'(v_{{i1}}) = {{f_prime}} = {{f_prime_numbers}} {{eq_fp}} {{fp_i}}$, so

$$\Delta {{w}} = \eta\, e\, {{w4}}\, f'(v_{{i1}})\, x_{{k1}}
= {{eta:given}} \cdot {{e}} \cdot {{w4i:given}} \cdot {{fp_i}} \cdot {{xk:given}} {{eq_dw}} {{dw}}$$

and in the same way {{others}}.{{zeros}}
""", zeros=zero_updates(examples.PRACTICE_NET, x),
    e=e, i1=i + 1, k1=k + 1, f_prime=show.f_prime_tex(hidden, f"y_{{h{i + 1}}}"),
    f_prime_numbers=fp_numbers, eq_fp=eq_fp, fp_i=fp_i,
    w=tex_name(name), w4=tex_name(labels.parameter("w_output", (0, i), 3)), eta=eta, w4i=w_4[i], xk=x[k],
    eq_dw=show.eq(r(eta) * r(e) * r(w_4[i]) * r(fp_i) * r(x[k]), answer[i][k]), dw=answer[i][k], others=others)
