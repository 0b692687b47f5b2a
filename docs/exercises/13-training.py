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
# `backprop.train` returns the trained network and, for each epoch, the mean of $E(n) = \tfrac12 e(n)^2$
# over its samples. The task: fit
#
# $$d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2 \quad \text{on } [-1, 1]^2.$$

# %%
from backprop import Network, examples, show, train
from backprop.exercises import (
    TRAIN_EPOCHS,
    TRAIN_ETA,
    TRAIN_HIDDEN,
    TRAIN_SEED,
    TRAIN_THRESHOLD,
    answer_box,
    check,
    given,
    loss_curve,
    worked_solution,
)

X, D = examples.regression_data(200, seed=TRAIN_SEED)
given(eta=TRAIN_ETA, epochs=TRAIN_EPOCHS, threshold=TRAIN_THRESHOLD)

# %% [markdown]
# **Task.** Train `Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED)` on `X, D` with the learning rate and
# number of epochs above and `shuffle=True, seed=TRAIN_SEED`; the cell below does it and plots the costs on a
# log scale. Read the curve: give the final mean cost, and the first epoch (counting from 1) whose mean cost
# is below the threshold.

# %%
net, costs = train(Network.random(2, TRAIN_HIDDEN, 1, seed=TRAIN_SEED), X, D, TRAIN_ETA, TRAIN_EPOCHS,
                   shuffle=True, seed=TRAIN_SEED)
loss_curve(costs, threshold=TRAIN_THRESHOLD)  # or: plt.semilogy(range(1, TRAIN_EPOCHS + 1), costs)

# %% tags=["hide-input"]
answer_box("training")  # the site's answer boxes (hidden in Jupyter)

# %%
answer = None  # your answer here: [final mean cost, first epoch below the threshold]
check("training", answer)

# %% tags=["solution", "hide-input"] jupyter={"source_hidden": true}
import itertools

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
worked_solution(r"""
`costs[-1]` is the final mean cost, {{final}}. `costs[t]` belongs to epoch `t + 1`, so the first epoch
below {{threshold}} is epoch {{first}} (index {{index}}).

From epoch 1 to epoch {{epochs}} the mean cost goes from {{start}} to {{final}}, {{shape}}
""", final=costs[-1], threshold=TRAIN_THRESHOLD, first=below[0], index=below[0] - 1, epochs=len(costs),
    start=costs[0], shape=shape)
