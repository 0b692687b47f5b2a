# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 12. Spot the bug
#
# Here is an implementation of one online iteration for the 2-3-1 network. It runs without an error and
# gives a network of the right shapes, and it is wrong.

# %%
import numpy as np

from backprop import Network, activations, examples, show
from backprop.exercises import spot_the_bug_parameter


def buggy_step(net, x, d, eta):
    """One online iteration n -> n+1 of the 2-3-1 network (a linear output)."""
    f = activations.get(net.hidden)  # the hidden activation: f.f(v), and f' from the output y
    y_h = f.f(net.w_hidden @ x + net.b_hidden)
    y = net.w_output[0] @ y_h + net.b_output[0]
    e = d - y
    w_output = net.w_output + eta * e * y_h  # rules 1 and 2
    b_output = net.b_output + eta * e
    delta_hidden = e * w_output[0] * f.derivative_from_output(y_h)  # rules 3 and 4
    w_hidden = net.w_hidden + eta * np.outer(delta_hidden, x)
    b_hidden = net.b_hidden + eta * delta_hidden
    return Network(w_hidden, b_hidden, w_output, b_output, hidden=net.hidden)


p = examples.PRACTICE  # the practice example: p.net, p.x, p.d, p.eta
buggy = buggy_step(p.net, p.x, p.d, p.eta)
label, attr, index = spot_the_bug_parameter()  # Task 1's: b_1, unless its box can't tell the bug or no update here
print(f"the buggy code's {label}(n+1) = {show.num(getattr(buggy, attr)[index])}")

# %% tags=["hide-input"]
from backprop import cost, forward, step
from backprop.exercises import markdown

E_before = cost(forward(p.net, p.x), p.d)  # E(n), then E after one buggy and one right step on the same sample
E_buggy, E_right = cost(forward(buggy, p.x), p.d), cost(forward(step(p.net, p.x, p.d, p.eta), p.x), p.d)
r = show.rounded  # compared as printed: two costs that print alike are not called higher or lower
went = show.pick(r(E_before) - r(E_buggy), "even goes down", "goes up", "does not change at six decimals")
if r(E_right) < r(E_buggy):
    compared = "lower than the buggy step's"
elif r(E_right) > r(E_buggy):
    compared = "higher than the buggy step's, so the fixed code would look worse if you compared costs"
else:
    compared = "the same as the buggy step's to six decimals"
if r(E_right) > r(E_before):  # the right step raised E too: too long a step for this sample
    compared += (" but" if r(E_right) < r(E_buggy) else ", and") + (
        " higher than the {{before}} before it: with this $\\eta$ even the right step overshoots, past the lowest cost "
        "along its way")
markdown(r"""
On the practice example the cost $E$ {{went}}: {{before}} before the buggy step, {{after}} after it. The right step
leaves $E = {{right}}$, """ + compared + r""". One step's cost does not tell right code from wrong: it depends on
$\eta$ and on the sample. Compare the numbers with the rules instead.
""", went=went, before=E_before, after=E_buggy, right=E_right)

# %% tags=["hide-input"]
from IPython.display import display

from backprop.exercises import PAGES, get, given, markdown, network_table, tex_name, tolerance_note

asked = [page.number for page in PAGES if "spot-the-bug" not in page.checks for name in page.checks  # other boxes
         if any(box.label == f"{label}(n+1)" for box in getattr(get(name), "boxes", ()))]
display(markdown(r"**Task 1.** Which line is wrong? What should ${{name}}(n+1)$ be for the practice example? "
                 r"{{asked}} The practice example, the `p` above, for working it out by hand:",
                 name=tex_name(label), asked=f"(Exercise {asked[0]} asked for it too.)" if asked else
                 "(No other exercise asks for it.)"))
display(network_table(p.net))
display(given(x_1=p.x[0], x_2=p.x[1], d=p.d, eta=p.eta))
markdown(tolerance_note("spot-the-bug"))

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("spot-the-bug")  # the site's answer box (hidden in Jupyter)

# %%
from backprop.exercises import check

answer = None  # your answer here: the right value of the parameter Task 1 names, at n+1
check("spot-the-bug", answer)

# %% [markdown]
# **Task 2.** Write `fixed_step(net, x, d, eta)`, the same function without the bug. The check runs it on
# random networks and inputs and compares it with `backprop.step`. Some of those networks have a tanh hidden layer,
# not the slides' logistic sigmoid: use the network's own activation, `activations.get(net.hidden)`, as `buggy_step`
# does.

# %%
fixed_step = None  # your answer here: a function like buggy_step, fixed
check("spot-the-bug-fix", fixed_step)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
from backprop.exercises import worked_solution


def fixed_step(net, x, d, eta):
    """One online iteration n -> n+1: every update from the weights at time n, then apply them."""
    f = activations.get(net.hidden)
    y_h = f.f(net.w_hidden @ x + net.b_hidden)
    y = net.w_output[0] @ y_h + net.b_output[0]
    e = d - y
    delta_hidden = e * net.w_output[0] * f.derivative_from_output(y_h)  # w_4i(n), before rule 1 changes it
    return Network(net.w_hidden + eta * np.outer(delta_hidden, x), net.b_hidden + eta * delta_hidden,
                   net.w_output + eta * e * y_h, net.b_output + eta * e, hidden=net.hidden)


answer = getattr(fixed_step(p.net, p.x, p.d, p.eta), attr)[index]
bad = getattr(buggy, attr)[index]
# With a tiny eta the bug can move the value by less than the last decimal: say so rather than print two equal numbers.
alike = "" if show.num(answer) != show.num(bad) else show.tex(
    " (the same to six decimals: with this $\\eta$ the bug moves it by only ${{by}}$)", by=show.sci(bad - answer))

worked_solution(r"""
The line `delta_hidden = e * w_output[0] * ...` uses `w_output`, the output weights **after** rule 1
updated them: $w_{4i}(n+1)$. The derivation differentiates $E(n)$, in which $w_{4i}(n)$ appears; the
hidden rules must use `net.w_output[0]`. With it, ${{name}}(n+1) = {{right:printed}}$, where the buggy code
gives ${{buggy:printed}}${{alike}}.
""", name=tex_name(label), right=answer, buggy=bad, alike=alike)
