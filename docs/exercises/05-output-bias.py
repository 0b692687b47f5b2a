# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 5. Rule 2: the output bias
#
# The bias $b_4$ enters $v_4 = \sum_i w_{4i} y_{hi} + b_4$ with the input 1, so $\partial v_4 / \partial b_4 = 1$ and
#
# $$\Delta b_4(n) = -\eta\,\frac{\partial E}{\partial b_4} = \eta\, e(n) \cdot 1.$$

# %%
from backprop import examples, forward
from backprop.exercises import check, given

fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
given(d=examples.PRACTICE_D, y=fp.y_output[0], eta=examples.PRACTICE_ETA)

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"**Task.** Compute $\Delta b_4$ for the practice example. {{give}}", give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("output-bias")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: Δb_4
check("output-bias", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop import show
from backprop.exercises import fill, worked_solution

fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
e = examples.PRACTICE_D - fp.y_output[0]
answer = examples.PRACTICE_ETA * e

r = show.exact
# A step that is not 0 but prints as 0.000000 (a tiny η): the words say how little it is, not only its direction.
little = fill(r", by only $\Delta b_4 = {{tiny}}$, which is ${{printed}}$ to {{n}} decimals", tiny=show.sci(answer),
              printed=show.num(answer), n=show.DECIMALS) if answer != 0 and show.rounded(answer) == 0 else ""
worked_solution(r"""
$$e = d - y = {{d:given}} - {{y}} {{eq_e}} {{e}}, \qquad
\Delta b_4 = \eta\, e = {{eta:given}} \cdot {{e}} {{eq_b}} {{db4}}$$

The bias moves {{move}}{{little}}: $\Delta b_4$ has the sign of $e$.
""", d=examples.PRACTICE_D, y=fp.y_output[0], e=e, eta=examples.PRACTICE_ETA, db4=answer,
    eq_e=show.eq(r(examples.PRACTICE_D) - r(fp.y_output[0]), e),
    eq_b=show.eq(r(examples.PRACTICE_ETA) * r(e), answer), move=show.pick(answer, "up", "down", "nowhere"),
    little=little)
