# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 2. The sigmoid derivative at a point
#
# The slides' hidden neurons use the logistic sigmoid. The hidden rules need its derivative, which the slides write
# with the output itself (their derivation loses a minus sign on the way: see the [errata](../../errata/) page):

# %% tags=["hide-input"]
from backprop import examples, show
from backprop.exercises import derivative_neuron, markdown

n = derivative_neuron("sigmoid-derivative")[1] + 1  # the neuron whose field the task asks at: 1, unless it cannot serve
hidden = examples.PRACTICE_NET.hidden  # the practice network's hidden activation: the names below are chosen from it
# The logistic sigmoid is written f where it is the practice network's f (exercises 1, 6 and 7), else logsig: f is
# then the practice network's own activation, and this page is about another function.
s = "f" if hidden == "logsig" else r"\operatorname{logsig}"
if hidden == "logsig":
    note = r"The practice network's hidden neurons are logistic sigmoid neurons: this is its $f$."
else:
    note = show.tex(r"The practice network's hidden neurons are {{name}} neurons, $f(v) = {{f}}$, not logistic ones: "
                    r"this page writes the logistic sigmoid ${{s}}$, and the exercise still asks for its derivative, "
                    r"at the field $v_{{n}}$ of hidden neuron {{n}}.",
                    name=show.ACTIVATION_TEX[hidden]["name"], f=show.f_tex(hidden, "v"), s=s, n=n)
markdown(r"""
$${{s}}(v) = \frac{1}{1 + e^{-v}}, \qquad
{{s}}'(v) = \frac{e^{-v}}{(1 + e^{-v})^2} = {{s}}(v)\,\bigl(1 - {{s}}(v)\bigr).$$

{{note}}
""", s=s, note=note)

# %%
from backprop import examples, show
from backprop.exercises import check, derivative_neuron, given

# The task asks at v_1; where the box there would pass 0 or a classic slip, it asks at another
# neuron's field instead, and says why.
name, i = derivative_neuron("sigmoid-derivative")  # "v_1" and its index in v_hidden, 0
v = show.hidden_fields(examples.PRACTICE_NET, examples.PRACTICE_X)  # v_1, v_2, v_3, each summed as by hand
given(**{name: v[i]})

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, derivative_why

markdown(r"**Task.** Compute the logistic sigmoid's derivative ${{s}}'(v_{{n}})$ at the field $v_{{n}}$ of hidden "
         r"neuron {{n}} of the practice network, printed above.{{why}} {{give}}", s=s, n=i + 1,
         why=derivative_why("sigmoid-derivative"), give=decimals_wanted())  # "" at v_1, else why not

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("sigmoid-derivative")  # the site's answer box (hidden in Jupyter)

# %%
answer = None  # your answer here: the logistic sigmoid's derivative at the field printed above
check("sigmoid-derivative", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import math

from backprop.exercises import worked_solution

v_i = show.hidden_fields(examples.PRACTICE_NET, examples.PRACTICE_X)[i]  # the field printed above
n = i + 1  # its neuron: the page writes v_n
s_vi = 1 / (1 + math.exp(-v_i))
answer = s_vi * (1 - s_vi)

r = show.exact
# A saturated neuron: a value that is not 0 (or 1) but is 0.000000 (or 1.000000) to six decimals, as a box takes it, is
# said to be so, with how far it is from it, so that no reader takes f'(v_n) for 0.
not_zero = ""
for limit in (0, 1):
    near = [show.tex(r"${{name}} = {{value}}$", name=name,
                     value=show.sci(value) if limit == 0 else "1 - " + show.sci(1 - value))
            for name, value in ((f"{s}(v_{n})", s_vi), (f"{s}'(v_{n})", answer))
            if show.rounded(value) == limit and value != limit]
    if near:
        one = len(near) == 1
        not_zero += (f" Here {show.and_list(near)} {'is' if one else 'are'} ${show.num(limit)}$ to "
                     f"{show.DECIMALS} decimals but not {limit}.")
# 1 - f(v_n) as the printed f(v_n) gives it, or, where f(v_n) = 1.000000 keeps too few of its digits, its value
# (1 - f(v) = f(-v), computed so), which the sentence below gives as f(v_n) = 1 - ...
complement = math.exp(-v_i) / (1 + math.exp(-v_i))
lost = ""
if not show.slope_lost("logsig", s_vi, answer):  # the written f(v_n) keeps enough digits of 1 - f(v_n)
    factor, eq = show.tex(r"(1 - {{s_vi}})", s_vi=s_vi), show.eq(r(s_vi) * (1 - r(s_vi)), answer)
else:
    factor, eq = show.tex(r"({{c}})", c=complement), show.eq(r(s_vi) * r(complement), answer)
    lost = show.tex(r" The written ${{s}}(v_{{n}}) = {{s_vi}}$ keeps too few digits of $1 - {{s}}(v_{{n}})$, so the "
                    r"second factor is $1 - {{s}}(v_{{n}}) = {{s}}(-v_{{n}}) = {{c}}$.", s=s, s_vi=s_vi, c=complement,
                    n=n)
worked_solution(r"""
First the output, then the derivative in the form of the slides:

$$\begin{gathered}
{{s}}(v_{{n}}) = \frac{1}{1 + e^{-{{vi}}}} {{eq_s}} {{s_vi}}, \\
{{s}}'(v_{{n}}) = {{s}}(v_{{n}})\,\bigl(1 - {{s}}(v_{{n}})\bigr) = {{s_vi}} \cdot {{factor}} {{eq}} {{sp}}
\end{gathered}$$

The same from the quotient form: $e^{-v_{{n}}} / (1 + e^{-v_{{n}}})^2 = {{check}}$.{{lost}}{{not_zero}}
""", s=s, n=n, vi=v_i, s_vi=s_vi, eq_s=show.eq(1 / (1 + math.exp(-r(v_i))), s_vi), sp=answer,
    factor=factor, eq=eq,
    check=math.exp(-v_i) / (1 + math.exp(-v_i)) ** 2, lost=lost, not_zero=not_zero)
