r"""The network and its forward pass, in the slides' notation.

Hidden neuron $i$ (the slides' 1, 2, 3) and output neuron $j$ (the slides' 4):

$$
v_i = \sum_k w_{ik} x_k + b_i, \qquad y_{hi} = f(v_i), \qquad
v_j = \sum_i w_{ji} y_{hi} + b_j, \qquad y_j = f(v_j).
$$
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import as_array, as_input, check_count, check_seed, overflow_is_an_error, require_finite
from .activations import Array

#: How each parameter is laid out, in the message for one of another number of dimensions: the slides' network has one
#: output, whose weights are still one row (``[[w41, w42, w43]]``) and its bias a list of one (``[b4]``).
_LAYOUT = {
    "w_hidden": "2-D, one row per hidden neuron and one column per input",
    "b_hidden": "1-D, one number per hidden neuron",
    "w_output": "2-D, one row per output neuron (with one output, a list holding one list)",
    "b_output": "1-D, one number per output neuron (with one output, a list of one number)",
}


# eq=False: the class writes its own __eq__, and with eq=True a frozen dataclass replaces the __hash__ = None below by
# a hash of the fields, whose arrays numpy refuses to hash ("unhashable type: 'numpy.ndarray'").
@dataclass(frozen=True, eq=False)
class Network:
    r"""An immutable two-layer network. Arrays are copied and made read-only.

    Parameters
    ----------
    w_hidden : array_like, shape (n_hidden, n_in)
        $w_{ik}$: row $i$ is hidden neuron $i$, column $k$ is input $k$.
    b_hidden : array_like, shape (n_hidden,)
        $b_i$, the hidden biases.
    w_output : array_like, shape (n_out, n_hidden)
        $w_{ji}$: row $j$ is output neuron $j$, column $i$ is hidden neuron $i$.
    b_output : array_like, shape (n_out,)
        $b_j$, the output biases (the slides' $b_4$).
    hidden : str
        Activation of the hidden layer, by its name in `backprop.activations` (``"logsig"``, ``"tansig"``,
        ``"purelin"``, or one added with ``activations.register``, which may also be passed as the ``Activation``
        ``register`` returned: the network keeps its name); the slides' hidden layer is ``"logsig"``.
    output : str
        Activation of the output layer, named the same way; the slides' output neuron is linear, ``"purelin"``.
    """

    w_hidden: Array
    b_hidden: Array
    w_output: Array
    b_output: Array
    hidden: str = "logsig"
    output: str = "purelin"

    def __post_init__(self) -> None:
        w_hidden = as_array("w_hidden", self.w_hidden, 2, accepted=_LAYOUT["w_hidden"])
        n_hidden = w_hidden.shape[0]
        b_hidden = as_array("b_hidden", self.b_hidden, 1, accepted=_LAYOUT["b_hidden"])
        w_output = as_array("w_output", self.w_output, 2, accepted=_LAYOUT["w_output"])
        others = b_hidden.shape[0]
        if others != n_hidden and w_output.shape[1] == others:  # b_hidden and w_output agree: w_hidden is the odd one
            turned = (" (transposed? its rows are hidden neurons, its columns inputs)" if w_hidden.shape[1] == others
                      else "")
            raise ValueError(f"w_hidden has shape {w_hidden.shape}, expected ({others}, ?): one row per hidden neuron, "
                             f"and b_hidden and w_output's columns give {others}{turned}")
        rows = f"w_hidden has {n_hidden} row{'s' if n_hidden != 1 else ''}, one per hidden neuron"
        b_hidden = as_array("b_hidden", b_hidden, 1, (n_hidden,), because=rows)
        w_output = as_array("w_output", w_output, 2, (None, n_hidden), because=rows)
        n_out = w_output.shape[0]
        b_output = as_array("b_output", self.b_output, 1, (n_out,), accepted=_LAYOUT["b_output"],
                            because=f"w_output has {n_out} row{'s' if n_out != 1 else ''}, one per output neuron")
        names = {}
        for layer in ("hidden", "output"):
            try:
                names[layer] = activations.name_of(getattr(self, layer))
            except (TypeError, ValueError) as exc:  # a name that is not a string is a TypeError, as in register
                raise type(exc)(f"{layer}: {exc}") from None
        for name, value in [("w_hidden", w_hidden), ("b_hidden", b_hidden),
                            ("w_output", w_output), ("b_output", b_output), *names.items()]:
            object.__setattr__(self, name, value)

    @property
    def n_in(self) -> int:
        """Number of inputs $x_k$."""
        return self.w_hidden.shape[1]

    @property
    def n_hidden(self) -> int:
        """Number of hidden neurons $i$."""
        return self.w_hidden.shape[0]

    @property
    def n_out(self) -> int:
        """Number of output neurons $j$."""
        return self.w_output.shape[0]

    @classmethod
    def random(
        cls,
        n_in: int = 2,
        n_hidden: int = 3,
        n_out: int = 1,
        seed: int | None = 0,
        hidden: str = "logsig",
        output: str = "purelin",
    ) -> Network:
        r"""A randomly initialised network, reproducible from ``seed``.

        Weights are drawn uniformly from $[-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}}]$,
        biases likewise. ``seed`` is an int >= 0, or None for a different network
        each time.
        """
        n_in, n_hidden, n_out = checked_sizes(n_in, n_hidden, n_out)
        rng = np.random.default_rng(check_seed(seed))
        try:
            a, b = 1 / math.sqrt(n_in), 1 / math.sqrt(n_hidden)  # math, not numpy: an int beyond int64 too
            w_hidden, b_hidden = rng.uniform(-a, a, (n_hidden, n_in)), rng.uniform(-a, a, n_hidden)
            w_output, b_output = rng.uniform(-b, b, (n_out, n_hidden)), rng.uniform(-b, b, n_out)
        except (MemoryError, ValueError, TypeError, OverflowError):  # numpy's words for a size it cannot hold
            raise ValueError(f"a {n_in}-{n_hidden}-{n_out} network has {n_hidden * (n_in + n_out + 1) + n_out:,} "
                             f"weights and biases, more than numpy can hold in memory") from None
        return cls(w_hidden, b_hidden, w_output, b_output, hidden=hidden, output=output)

    def to_dict(self) -> dict[str, object]:
        """Plain lists and names, the format of the ``--weights`` JSON file."""
        return {
            "w_hidden": self.w_hidden.tolist(),
            "b_hidden": self.b_hidden.tolist(),
            "w_output": self.w_output.tolist(),
            "b_output": self.b_output.tolist(),
            "hidden": self.hidden,
            "output": self.output,
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # holds arrays: unhashable, as a list is ("unhashable type: 'Network'")


@dataclass(frozen=True, eq=False)  # eq=False: its own __eq__, as Network's
class ForwardPass:
    r"""Every intermediate of one forward pass, named as in the slides.

    Attributes
    ----------
    net : Network
        The weights at time $n$ that produced these values.
    x : array, shape (n_in,)
        The input $x_k$.
    v_hidden : array, shape (n_hidden,)
        $v_i = \sum_k w_{ik} x_k + b_i$.
    y_hidden : array, shape (n_hidden,)
        $y_{hi} = f(v_i)$.
    v_output : array, shape (n_out,)
        $v_j = \sum_i w_{ji} y_{hi} + b_j$.
    y_output : array, shape (n_out,)
        $y_j = f(v_j)$.
    """

    net: Network
    x: Array
    v_hidden: Array
    y_hidden: Array
    v_output: Array
    y_output: Array = field()
    #: Whether the package made it (`forward`, from checked inputs), so the rules trust its fields; False for one
    #: built by hand or with ``dataclasses.replace``, whose fields the rules check (shapes against ``net``, finite).
    _trusted: bool = field(default=False, init=False, repr=False, compare=False)

    def __eq__(self, other: object) -> bool:
        # By value, as Network's: a dataclass's own __eq__ compares the arrays in a tuple, which numpy refuses
        # ("The truth value of an array with more than one element is ambiguous").
        if not isinstance(other, ForwardPass):
            return NotImplemented
        arrays = ("x", "v_hidden", "y_hidden", "v_output", "y_output")
        return self.net == other.net and all(np.array_equal(getattr(self, a), getattr(other, a)) for a in arrays)

    __hash__ = None  # type: ignore[assignment]  # holds arrays: unhashable, as a list is ("unhashable type: ...")


def forward(net: Network, x: ArrayLike) -> ForwardPass:
    r"""Propagate one input through ``net``: each hidden neuron $i$ takes $v_i = \sum_k w_{ik} x_k + b_i$ and gives
    $y_{hi} = f(v_i)$, then each output neuron $j$ takes $v_j = \sum_i w_{ji} y_{hi} + b_j$ and gives $y_j = f(v_j)$,
    each layer with its own activation $f$.

    Parameters
    ----------
    net : Network
        The weights and biases at time $n$, and the two layers' activations.
    x : array_like, shape (n_in,)
        The input $x(n)$.

    Returns
    -------
    ForwardPass
        ``v_hidden``, ``y_hidden`` (shape (n_hidden,)), ``v_output``, ``y_output`` (shape (n_out,)).

    Raises
    ------
    FloatingPointError
        Finite inputs whose forward pass passes a double's range (about $\pm 1.8 \cdot 10^{308}$): the message names
        the first field that does, and its index; or a registered activation whose formula overflows, named. Under
        ``np.errstate(over="ignore")`` the caller asks for the infinities instead, and gets them.
    TypeError
        ``net`` is not a `Network`, or ``x`` holds what is not a number (text, a boolean, None), named with its index.
    ValueError
        ``x`` is not of shape ``(n_in,)``, or holds nan or an infinity.
    """
    net = checked_network(net)
    x = as_input(x, net.n_in)
    named = overflow_is_an_error()
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported below, naming the field
        fp = _forward(net, x)
    if named:
        require_finite("the forward pass", ((f, getattr(fp, f)) for f in _FIELDS),
                       "choose smaller weights or a smaller x")
    return _read_only(fp)


#: The fields of a `ForwardPass` that `forward` computes, in the order it computes them.
_FIELDS = ("v_hidden", "y_hidden", "v_output", "y_output")


def _read_only(fp: ForwardPass) -> ForwardPass:
    """``fp``, its fields made read-only: what the rules trust stays as it was made."""
    for f in _FIELDS:
        getattr(fp, f).setflags(write=False)
    return fp


def checked_sizes(n_in: int, n_hidden: int, n_out: int) -> tuple[int, int, int]:
    """The layer sizes as ints, each checked to be an int >= 1 (TypeError, ValueError naming it otherwise)."""
    return check_count("n_in", n_in), check_count("n_hidden", n_hidden), check_count("n_out", n_out)


def checked_network(net: object, name: str = "net") -> Network:
    """``net`` itself if it is a `Network`; else a TypeError naming the argument (``name``) and what it got: the one
    check of a network at the public entries (`forward`, `train`, the gradient check, the homework check)."""
    if not isinstance(net, Network):
        raise TypeError(f"{name} must be a Network, got {type(net).__name__}")
    return net


def _forward(net: Network, x: Array) -> ForwardPass:
    """The forward pass on a checked ``x``: the arithmetic that `forward`, `step` and `train` share.

    Each field is summed term by term (`_weighted_sums`), as a student adds it up, not with ``@``: numpy's matrix
    product may fuse a multiply and an add (FMA) and so give ``0.2*0.6 + 0.6*(-0.2)`` as 6.7e-18, not 0.
    """
    f = activations._applied  # f(v), or an error naming the activation whose formula overflows
    hidden, output = activations._of(net.hidden), activations._of(net.output)
    v_hidden = _weighted_sums(net.w_hidden, x) + net.b_hidden          # v_i = sum_k w_ik x_k + b_i
    y_hidden = f(hidden, "f", v_hidden)                                # y_hi = f(v_i)
    v_output = _weighted_sums(net.w_output, y_hidden) + net.b_output   # v_j = sum_i w_ji y_hi + b_j
    y_output = f(output, "f", v_output)                                # y_j = f(v_j)
    fp = ForwardPass(net, x, v_hidden, y_hidden, v_output, y_output)
    object.__setattr__(fp, "_trusted", True)  # made from checked inputs: the rules trust its fields (`_trusted`)
    return fp


def _trusted(fp: ForwardPass) -> ForwardPass:
    """``fp``, marked as made from checked inputs: the rules then do not check its fields again."""
    object.__setattr__(fp, "_trusted", True)
    return fp


def _weighted_sums(w: Array, inputs: Array) -> Array:
    r"""$\sum_k w_{ik}\, \text{inputs}_k$ for every row $i$ of ``w``: each product rounded, then added, without a
    fused multiply-add; in order, as plain arithmetic does, for rows of fewer than 8 (numpy adds longer rows
    pairwise, and `train`'s generated loop, `backprop._unrolled`, adds them in order: see `backprop.train`). A sum
    that is 0 by hand, as $0.12 - 0.12$, is 0.0 here."""
    return (w * inputs).sum(axis=1)


def _unchecked(w_hidden: Array, b_hidden: Array, w_output: Array, b_output: Array, hidden: str,
               output: str) -> Network:
    """A Network holding these arrays themselves, not checked and not copied: for `train`, whose own arrays
    change in place while it trains (the object never leaves `train`)."""
    net = object.__new__(Network)
    for name, value in [("w_hidden", w_hidden), ("b_hidden", b_hidden), ("w_output", w_output),
                        ("b_output", b_output), ("hidden", hidden), ("output", output)]:
        object.__setattr__(net, name, value)
    return net
