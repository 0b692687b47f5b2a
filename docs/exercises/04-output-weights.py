# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 4. Rule 1: the output weights
#
# With $E = \tfrac12 e^2$, $e = d - y$ and a linear output $y = v_4$, the chain rule gives
#
# $$\begin{gathered}
# \frac{\partial E}{\partial w_{4i}} = \frac{\partial E}{\partial e}\,\frac{\partial e}{\partial y}\,
# \frac{\partial y}{\partial v_4}\,\frac{\partial v_4}{\partial w_{4i}} = e \cdot (-1) \cdot 1 \cdot y_{hi}, \\
# \Delta w_{4i}(n) = -\eta\,\frac{\partial E}{\partial w_{4i}} = \eta\, e(n)\, y_{hi}(n).
# \end{gathered}$$

# %%
from IPython.display import display

from backprop import examples, forward
from backprop.exercises import check, given, network_table

fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
display(network_table(examples.PRACTICE_NET))
given(x_1=examples.PRACTICE_X[0], x_2=examples.PRACTICE_X[1], d=examples.PRACTICE_D, eta=examples.PRACTICE_ETA,
      y_h1=fp.y_hidden[0], y_h2=fp.y_hidden[1], y_h3=fp.y_hidden[2], y=fp.y_output[0])

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"""**Task.** Compute the three updates $\Delta w_{41}, \Delta w_{42}, \Delta w_{43}$ of the practice example
(the forward pass is done for you above). {{give}}""", give=decimals_wanted())

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("output-weights")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [Δw_41, Δw_42, Δw_43]
check("output-weights", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop import show
from backprop.exercises import fill, worked_solution

fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
eta, d, y, y_h = examples.PRACTICE_ETA, examples.PRACTICE_D, fp.y_output[0], fp.y_hidden
e = d - y
answer = [eta * e * y_h[0], eta * e * y_h[1], eta * e * y_h[2]]

# The words follow the signs: of e (is y above or below d?), and of each step η e y_hi.
r = show.exact
moves = [show.pick(step, "up", "down", "nowhere") for step in answer]
# A step that is not 0 but prints as 0.000000: the words say how little it is, not only its direction.
little = {i: fill(r"by only $\Delta w_{4{{i}}} = {{tiny}}$, which is ${{printed}}$ to {{n}} decimals", i=i + 1,
                  tiny=show.sci(step), printed=show.num(step), n=show.DECIMALS)
          for i, step in enumerate(answer) if step != 0 and show.rounded(step) == 0}
if e == 0:
    signs = "The output equals the target, so $e = 0$: all three steps are zero and no weight moves."
else:
    where = show.pick(e, "below the target $d$, so $e > 0$", "above the target $d$, so $e < 0$")
    if len(set(moves)) == 1:
        same_sign = min(y_h) > 0 or max(y_h) < 0
        why = "every $y_{hi}$ is " + show.pick(y_h[0], "positive", "negative") + ", so " if same_sign else ""
        how_little = "; ".join(fill(r"$w_{4{{i}}}$ {{little}}", i=i + 1, little=words) for i, words in little.items())
        steps = fill("{{why}}all three steps are {{sign}}: every weight $w_{4i}$ moves {{move}}{{how_little}}",
                     why=why, sign=show.pick(answer[0], "positive", "negative", "zero"), move=moves[0],
                     how_little=f" ({how_little})" if little else "")
    else:
        steps = "each step has the sign of $e\\,y_{hi}$: " + show.and_list(
            [fill(r"$w_{4{{i}}}$ moves {{move}}{{how_little}}", i=i + 1, move=move,
                  how_little=f" ({little[i]})" if i in little else "") for i, move in enumerate(moves)])
    signs = fill("The output $y$ is {{where}}; {{steps}}.", where=where, steps=steps)

worked_solution(r"""
The error is $e = d - y = {{d:given}} - {{y}} {{eq_e}} {{e}}$. Then $\Delta w_{4i} = \eta\, e\, y_{hi}$:

$$\begin{gathered}
\Delta w_{41} = {{eta:given}} \cdot {{e}} \cdot {{yh1}} {{eq1}} {{dw41}}, \\
\Delta w_{42} = {{eta:given}} \cdot {{e}} \cdot {{yh2}} {{eq2}} {{dw42}}, \\
\Delta w_{43} = {{eta:given}} \cdot {{e}} \cdot {{yh3}} {{eq3}} {{dw43}}
\end{gathered}$$

{{signs}}
""", d=d, y=y, e=e, eq_e=show.eq(r(d) - r(y), e), eta=eta, yh1=y_h[0], yh2=y_h[1], yh3=y_h[2],
    dw41=answer[0], dw42=answer[1], dw43=answer[2], signs=signs,
    eq1=show.eq(r(eta) * r(e) * r(y_h[0]), answer[0]), eq2=show.eq(r(eta) * r(e) * r(y_h[1]), answer[1]),
    eq3=show.eq(r(eta) * r(e) * r(y_h[2]), answer[2]))
