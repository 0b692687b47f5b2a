# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise 13. Training and the loss curve
#
# Online training repeats the iteration of exercise 8 for every sample, epoch after epoch.
# `backprop.train` returns the trained network and `costs`: for each epoch, the mean over its samples of
# $E(n) = \tfrac12 e(n)^2$, each measured on its sample just before that sample's update. The weights change during
# the epoch, so `costs[-1]` is not the cost of the trained network (for that, run it over the samples once more).
# The task: fit
#
# $$d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2 \quad \text{on } [-1, 1]^2.$$

# %%
from backprop import Network, examples, train
from backprop.exercises import (
    TRAIN_EPOCHS,
    TRAIN_ETA,
    TRAIN_HIDDEN,
    TRAIN_SAMPLES,
    TRAIN_SEED,
    TRAIN_THRESHOLD,
    check,
    given,
    loss_curve,
)

X, D = examples.regression_data(TRAIN_SAMPLES, seed=TRAIN_SEED)
start = Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED)  # random weights: the seed makes them reproducible
given(hidden_neurons=start.n_hidden, samples=len(X), eta=TRAIN_ETA, epochs=TRAIN_EPOCHS, threshold=TRAIN_THRESHOLD,
      seed=TRAIN_SEED)

# %% tags=["hide-input"]
from backprop.exercises import markdown

markdown("The network is {{n_in}}-{{n_hidden}}-{{n_out}}: {{n_hidden}} `{{hidden}}` hidden neurons{{unlike}} and a "
         "`{{output}}` output, with random starting weights.", n_in=start.n_in, n_hidden=start.n_hidden,
         n_out=start.n_out, hidden=start.hidden, output=start.output,
         unlike="" if start.n_hidden == 3 else " (the slides' network has 3)")

# %% tags=["hide-input"]
from backprop.exercises import decimals_wanted, markdown

markdown(r"""**Task.** Train `Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED)` on `X, D` with the learning rate and
number of epochs above and `shuffle=True, seed=TRAIN_SEED`; the cell below does it and plots `costs` on a
log scale. Give the final mean cost (`costs[-1]`), and the first epoch (counting from 1) whose mean cost
is below the threshold. {{give}} The curve shows the shape; the table under it holds the numbers, `costs[t]` for each
index `t`.""", give=decimals_wanted("the cost"))

# %%
net, costs = train(start, X, D, TRAIN_ETA, TRAIN_EPOCHS, shuffle=True, seed=TRAIN_SEED)
loss_curve(costs, threshold=TRAIN_THRESHOLD)
# or, with import matplotlib.pyplot as plt: plt.semilogy(range(1, TRAIN_EPOCHS + 1), costs)

# %% tags=["hide-input"]
from backprop import show

table = show.table(["t", "costs[t]"], [[t, c] for t, c in enumerate(costs)], align="rr")
markdown(f"<details class=\"bp-costs\">\n<summary>The numbers: costs[t]</summary>\n\n{table}\n\n</details>")

# %% tags=["hide-input"]
from backprop.exercises import answer_box

answer_box("training")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [final mean cost, first epoch below the threshold]
check("training", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import itertools

import numpy as np

from backprop import cost, forward
from backprop.exercises import worked_solution

below = [epoch for epoch, c in enumerate(costs, start=1) if c < TRAIN_THRESHOLD]
answer = [costs[-1], below[0]]

rises = sum(later > earlier for earlier, later in itertools.pairwise(costs))  # epochs whose mean cost went up
if rises:
    shape = show.tex("but not at every epoch: it is higher than the epoch before in {{rises}} of the {{steps}} "
                     "epochs after the first. Online training with a fixed $\\eta$ follows one sample at a time, "
                     "so the mean cost can fall over many epochs without falling at every epoch.",
                     rises=rises, steps=len(costs) - 1)
else:
    shape = "and it is lower at every epoch than at the epoch before."
trained = np.mean([cost(forward(net, x), d) for x, d in zip(X, D)])  # the trained network, run once more
worked_solution(r"""
`costs[-1]` is the final mean cost, {{final}}. `costs[t]` belongs to epoch `t + 1`, so the first epoch
below {{threshold:given}} is epoch {{first}} (index {{index}}).

From epoch 1 to epoch {{epochs}} the mean cost goes from {{start}} to {{final}}, {{shape}}

The trained network itself, run over the samples once more, has a mean cost of {{trained}}: {{compared}} than
`costs[-1]`, which was measured while the weights were still changing.
""", final=costs[-1], threshold=TRAIN_THRESHOLD, first=below[0], index=below[0] - 1, epochs=len(costs),
    start=costs[0], shape=shape, trained=trained, compared=show.pick(trained - costs[-1], "higher", "lower"))
