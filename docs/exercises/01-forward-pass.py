# %% [markdown]
# # Exercise 1: the forward pass by hand
#
# Inline $w_{11} x_1$ and display:
#
# $$v_1 = w_{11} x_1 + w_{12} x_2 + b_1$$

# %%
from backprop import examples, forward

print(forward(examples.NET, examples.X).y_output)

# %% tags=["hide-input"]
print("hidden input")
