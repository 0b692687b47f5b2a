r"""The slides' names for neurons, weights and biases: one place that numbers them.

The slides number the neurons of the 2-3-1 network through the layers: the hidden neurons are
$1, 2, 3$ and the output neuron is $4 = n_\text{hidden} + 1$. In general hidden neuron $i$ is
$i = 1, \dots, n_\text{hidden}$ and output neuron $j$ is $n_\text{hidden} + 1, \dots, n_\text{hidden} + n_\text{out}$;
the inputs are $x_1, \dots, x_{n_\text{in}}$.

A weight is named by the neuron it enters, then the neuron or input it comes from: $w_{41}$ enters
output neuron 4 from hidden neuron 1, $w_{12}$ enters hidden neuron 1 from input $x_2$. A bias is named
by its neuron: $b_4$, $b_1$. Indices may also be letters, for the general formulas: $w_{ji}$, $w_{4i}$, $b_i$.

| call                                 | label    |
|--------------------------------------|----------|
| ``weight(4, 1)``                     | ``w_41`` |
| ``weight(4, 1, sep="")``             | ``w41``  |
| ``weight(4, 10)``                    | ``w_4,10`` (a comma when a number has two digits) |
| ``weight(4, "i")``, ``bias("i")``    | ``w_4i``, ``b_i`` |
| ``parameter("w_output", (0, 2), 3)`` | ``w_43`` (the label of ``net.w_output[0, 2]``) |
| ``parameter("b_output", (0,), 3)``   | ``b_4``  |
| ``tex("w_41")``, ``tex("b_4")``      | ``w_{41}``, ``b_4`` (TeX) |
| ``tex_of(net, "w_output")``          | ``["w_{41}", "w_{42}", "w_{43}"]``, every entry's |

``sep`` is what goes between the letter and the subscript: ``"_"`` (the default) for labels that are
rendered as subscripts (``w_41`` -> $w_{41}$), ``""`` for the plain names ``python -m backprop trace``
prints (``w41``).
"""

from __future__ import annotations

import itertools
import numbers

Index = int | str  # a neuron's number (1, 4) or a letter of the general formulas ("i", "j", "k")

PARAMETERS = ("w_hidden", "b_hidden", "w_output", "b_output")
"""The `backprop.network.Network` fields a label names an entry of, in the order of its fields (the one definition:
`backprop.gradcheck` and `backprop.train` read it)."""


def _whole(n: object) -> bool:
    """Whether ``n`` is a whole number (a numpy integer too), not a boolean."""
    return isinstance(n, numbers.Integral) and not isinstance(n, bool)  # numpy's booleans are no Integral


def _count(name: str, n: object, least: int = 1) -> int:
    """``n``, a whole number of neurons or inputs at least ``least``, or a message naming it (a reviewer's
    ``hidden_neurons(-1)`` was an empty range, ``parameter(..., "3")`` a TypeError of string concatenation)."""
    if not _whole(n) or n < least:
        raise ValueError(f"{name} must be a whole number >= {least}, got {n!r}")
    return n


def _index(index: Index, name: str = "index") -> Index:
    """A neuron's or an input's number (a whole number >= 1: the slides count from 1) or a letter, or a message."""
    if isinstance(index, str) or (_whole(index) and index >= 1):
        return index
    raise ValueError(f"{name} must be a neuron's or an input's number (a whole number >= 1) or a letter, got {index!r}")


def _known(name: str) -> None:
    """Refuse a name that is no `backprop.network.Network` parameter array, naming the four."""
    if name not in PARAMETERS:
        raise ValueError(f"unknown parameter {name!r}; the parameters are {', '.join(map(repr, PARAMETERS))}")


def _sep(sep: object) -> str:
    if not isinstance(sep, str):
        raise TypeError(f"sep must be text, '_' or '', got {sep!r}")
    return sep


def hidden_neurons(n_hidden: int) -> range:
    r"""The numbers of the hidden neurons, $1, \dots, n_\text{hidden}$ (the slides' 1, 2, 3)."""
    return range(1, _count("n_hidden", n_hidden) + 1)


def output_neurons(n_hidden: int, n_out: int = 1) -> range:
    r"""The numbers of the output neurons, after the hidden ones: $n_\text{hidden} + 1, \dots$ (the slides' 4)."""
    n_hidden, n_out = _count("n_hidden", n_hidden), _count("n_out", n_out)
    return range(n_hidden + 1, n_hidden + n_out + 1)


def inputs(n_in: int) -> range:
    r"""The numbers of the inputs $x_k$, $1, \dots, n_\text{in}$."""
    return range(1, _count("n_in", n_in) + 1)


def subscript(to: Index, source: Index) -> str:
    """The two indices of a weight side by side (``"41"``, ``"4i"``), with a comma when a number has two digits."""
    wide = any(_whole(n) and n >= 10 for n in (to, source))  # a numpy integer too
    return f"{to},{source}" if wide else f"{to}{source}"


def weight(to: Index, source: Index, sep: str = "_") -> str:
    """The weight into neuron ``to`` from neuron or input ``source``: ``weight(4, 1)`` is ``"w_41"``."""
    return f"w{_sep(sep)}{subscript(_index(to, 'to'), _index(source, 'source'))}"


def bias(neuron: Index, sep: str = "_") -> str:
    """The bias of ``neuron``: ``bias(4)`` is ``"b_4"``."""
    return f"b{_sep(sep)}{_index(neuron, 'neuron')}"


def parameter(name: str, index: tuple[int, ...], n_hidden: int, sep: str = "_") -> str:
    """The label of one entry of a `backprop.network.Network` parameter array, from its 0-based array index.

    Parameters
    ----------
    name : str
        The Network field: ``"w_hidden"``, ``"b_hidden"``, ``"w_output"`` or ``"b_output"``.
    index : tuple of int
        The entry's index in that array: ``(i, k)`` for ``w_hidden``, ``(j, i)`` for ``w_output``,
        ``(i,)`` or ``(j,)`` for a bias.
    n_hidden : int
        Number of hidden neurons (the output neurons are numbered after them).
    sep : str
        What goes between the letter and the subscript: ``"_"`` (the default) for a label rendered as a subscript
        (``w_41``), ``""`` for the plain names ``python -m backprop trace`` prints (``w41``).

    Examples
    --------
    >>> from backprop.labels import parameter
    >>> parameter("w_hidden", (0, 1), 3), parameter("w_output", (0, 0), 3), parameter("b_output", (0,), 3)
    ('w_12', 'w_41', 'b_4')
    >>> parameter("w_output", (0, 2), 3, sep=""), parameter("b_hidden", (1,), 3, sep="")
    ('w43', 'b2')
    """
    _known(name)
    size = 2 if name.startswith("w") else 1
    if (not isinstance(index, tuple) or len(index) != size
            or not all(_whole(n) and n >= 0 for n in index)):
        raise ValueError(f"index must be the entry's index in {name}, a tuple of {size} whole number"
                         f"{'s' * (size > 1)} >= 0 (numpy's, from 0), got {index!r}")
    first_output = _count("n_hidden", n_hidden, 1) + 1
    hidden = index[0] if name in ("w_hidden", "b_hidden") else index[1] if name == "w_output" else 0
    if hidden >= n_hidden:  # b_hidden (3,) of 3 hidden neurons was "b_4", the output bias's label (a code reviewer)
        raise ValueError(f"index {index!r} of {name} names hidden neuron {hidden + 1}; the network has {n_hidden}")
    if name == "w_hidden":
        i, k = index
        return weight(i + 1, k + 1, sep)
    if name == "b_hidden":
        (i,) = index
        return bias(i + 1, sep)
    if name == "w_output":
        j, i = index
        return weight(first_output + j, i + 1, sep)
    (j,) = index  # b_output
    return bias(first_output + j, sep)


def tex(label: str) -> str:
    """A label as TeX: its subscript in braces where it is longer than one character, ``tex("w_41")`` is
    ``"w_{41}"``; ``tex("b_4")`` stays ``"b_4"``."""
    if not isinstance(label, str):
        raise TypeError(f"label must be text such as 'w_41', got {label!r}")
    letter, _, sub = label.partition("_")
    return f"{letter}_{{{sub}}}" if len(sub) > 1 else label


def tex_of(net: object, name: str) -> list[str]:
    """The TeX labels of every entry of the parameter array ``name`` of ``net`` (a `backprop.network.Network`), in
    ``numpy.ravel`` order: the pages' row names beside a parameter's values.

    Examples
    --------
    >>> from backprop.labels import tex_of
    >>> from backprop import Network
    >>> net = Network.random(2, 3, 1, seed=0)
    >>> tex_of(net, "w_hidden"), tex_of(net, "b_output")
    (['w_{11}', 'w_{12}', 'w_{21}', 'w_{22}', 'w_{31}', 'w_{32}'], ['b_4'])
    """
    _known(name)
    if not all(hasattr(net, field) for field in (*PARAMETERS, "n_hidden")):
        raise TypeError(f"net must be a Network, got {type(net).__name__}")
    shape = getattr(net, name).shape
    return [tex(parameter(name, index, net.n_hidden)) for index in itertools.product(*map(range, shape))]
