"""backprop: the backpropagation learning rules of a small two-layer network, one equation per line.

>>> from backprop import examples, forward, step
>>> fp = forward(examples.NET, examples.X)
>>> new = step(examples.NET, examples.X, examples.D, examples.ETA)
"""

from . import activations, examples, labels
from .activations import logsig, purelin, tansig
from .gradcheck import analytic_gradient, gradient_check, numerical_gradient
from .network import ForwardPass, Network, forward
from .rules import cost, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output, error
from .train import step, train

__all__ = [
    "ForwardPass",
    "Network",
    "activations",
    "analytic_gradient",
    "cost",
    "delta_b_hidden",
    "delta_b_output",
    "delta_w_hidden",
    "delta_w_output",
    "error",
    "examples",
    "forward",
    "gradient_check",
    "labels",
    "logsig",
    "numerical_gradient",
    "purelin",
    "step",
    "tansig",
    "train",
]
__version__ = "0.1.0"
