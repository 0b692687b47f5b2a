# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 7. Rule 4: the hidden biases
#
# The same chain as rule 3, with $\partial v_i / \partial b_i = 1$ in place of $x_k$:
#
# $$\Delta b_i(n) = \eta\, e(n)\, w_{4i}(n)\, f'\bigl(v_i(n)\bigr) \cdot 1.$$

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import markdown

hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the formula below is chosen from it
markdown(r"The practice network's hidden neurons are {{name}} neurons, so $f'(v_i) = {{f_prime}}$.",
         name=show.ACTIVATION_TEX[hidden]["name"], f_prime=show.f_prime_tex(hidden, "y_{hi}"))

# %%
from IPython.display import display

from backprop import examples, forward
from backprop.exercises import check, given, hidden_outputs, network_table, saturation_note

fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
display(network_table(examples.PRACTICE_NET))
# y_h1, y_h2, y_h3, and v_i too for a neuron so saturated that six decimals of y_hi lose its slope
given(d=examples.PRACTICE_D, eta=examples.PRACTICE_ETA, **hidden_outputs(fp), y=fp.y_output[0]) + saturation_note(fp)

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"**Task.** Compute $\Delta b_1, \Delta b_2, \Delta b_3$ for the practice example. {{give}}",
         give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("hidden-biases")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [Δb_1, Δb_2, Δb_3]
check("hidden-biases", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop.exercises import worked_solution, zero_updates

f_prime = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y**2}[hidden]  # f'(v_i) from y_hi
fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
eta, w_4, y_h, x = examples.PRACTICE_ETA, examples.PRACTICE_NET.w_output[0], fp.y_hidden, examples.PRACTICE_X
e = examples.PRACTICE_D - fp.y_output[0]
answer = [eta * e * w_4[i] * f_prime(y_h[i]) for i in range(3)]

# Δw_ik = Δb_i · x_k: say what that gives for this example's inputs.
ones = [k for k in range(2) if x[k] == 1]
nonzero = [k for k in range(2) if x[k] != 0]
if ones:
    relation = show.tex(r"Since $x_{{k}} = 1$ in the practice example, $\Delta b_i = \Delta w_{i{{k}}}$ here "
                        "(exercise 6): a bias is a weight whose input is always 1.", k=ones[0] + 1)
elif nonzero:
    k = nonzero[0]
    # exact for the unrounded values; the values as written, each rounded on its own, may miss it in the last digit
    shows = all(show.eq(show.written(answer[i] * x[k]) / x[k], answer[i]) == "=" for i in range(3))
    relation = show.tex(r"A bias is a weight whose input is always 1, so $\Delta w_{ik} = \Delta b_i\, x_k$. Here "
                        r"$x_{{k}} = {{xk:given}}$, so $\Delta b_i = \Delta w_{i{{k}}} / {{xk:given}}$ "
                        r"(exercise 6){{caveat}}.",
                        k=k + 1, xk=x[k],  # x_k as the example gives it: 0.6, not 0.600000
                        caveat="" if shows else ", exactly for the unrounded values (each value as written is rounded "
                        "on its own, so a pair of them need not show it to the last digit)")
else:
    relation = (r"A bias is a weight whose input is always 1, so $\Delta w_{ik} = \Delta b_i\, x_k$. Both inputs are "
                r"0 here: every $\Delta w_{ik}$ is 0, and only the biases can move.")

r = show.exact
# the neuron worked out in full: the first whose update is not 0 (w_4i = 0 leaves a product with nothing to show) and
# whose slope and update print close to their values (show.coarse: neuron 1 on most examples; a saturated one's
# f'(v_i) can print as 0.000000, and a product of printed factors shows nothing)
i = next((n for n in range(3) if answer[n] != 0 and not show.coarse(f_prime(y_h[n])) and not show.coarse(answer[n])),
         0)
other = [n for n in range(3) if n != i]  # the two neurons whose Δb_i are given without the work
# f'(v_i) from y_hi, or from v_i where the written y_hi keeps too few digits of it (a saturated neuron), as exercise 6
fp_numbers, eq_fp, _ = show.f_prime_numbers(hidden, y_h[i], fp.v_hidden[i], f_prime(y_h[i]))
worked_solution(r"""
With $e = {{e}}$ and $f'(v_{{i1}}) = {{f_prime}} = {{f_prime_numbers}} {{eq_fp}} {{fpi}}$:

$$\begin{gathered}
\Delta b_{{i1}} = \eta\, e\, w_{4{{i1}}}\, f'(v_{{i1}}) = {{eta:given}} \cdot {{e}} \cdot {{w4i:given}} \cdot {{fpi}}
{{eq}} {{dbi}}, \\
\Delta b_{{o1}} = {{db_o1}}, \quad \Delta b_{{o2}} = {{db_o2}}
\end{gathered}$$

{{relation}}{{zeros}}
""", zeros=zero_updates(examples.PRACTICE_NET, x, biases=True),
    e=e, f_prime=show.f_prime_tex(hidden, f"y_{{h{i + 1}}}"), f_prime_numbers=fp_numbers, eq_fp=eq_fp,
    fpi=f_prime(y_h[i]), eta=eta, w4i=w_4[i], i1=i + 1,
    eq=show.eq(r(eta) * r(e) * r(w_4[i]) * r(f_prime(y_h[i])), answer[i]), o1=other[0] + 1, o2=other[1] + 1,
    dbi=answer[i], db_o1=answer[other[0]], db_o2=answer[other[1]], relation=relation)
