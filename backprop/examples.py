r"""The one worked example every page of the site uses, and a small regression task.

The numbers are chosen so a student can follow them by hand: with $x = (1, 0.5)$ the hidden
fields come out as $v_1 = 0.3$, $v_2 = 0.7$, $v_3 = 1.1$.
"""

from __future__ import annotations

import numpy as np

from .activations import Array
from .network import Network

#: The 2-3-1 network of the slides at time n = 0: logsig hidden layer, purelin output.
NET = Network(
    w_hidden=np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]),  # w_11 w_12 / w_21 w_22 / w_31 w_32
    b_hidden=np.array([0.1, 0.2, 0.3]),  # b_1 b_2 b_3
    w_output=np.array([[0.7, 0.8, 0.9]]),  # w_41 w_42 w_43
    b_output=np.array([0.4]),  # b_4
)
#: The input x(n) = (x_1, x_2).
X = np.array([1.0, 0.5])
X.setflags(write=False)
#: The desired output d(n).
D = 1.0
#: The learning rate eta.
ETA = 0.5


def target_function(X: Array) -> Array:
    r"""The regression task's target $d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2$, shape (n,)."""
    X = np.asarray(X, dtype=float)
    return 0.5 * np.sin(np.pi * X[:, 0]) + 0.25 * X[:, 1]


def regression_data(n_samples: int = 200, seed: int = 0) -> tuple[Array, Array]:
    """Inputs drawn uniformly from [-1, 1]^2 and their targets: ``X`` (n, 2), ``D`` (n,)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(n_samples, 2))
    return X, target_function(X)
