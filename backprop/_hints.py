r"""How a hint is written for one network: its names (`Notation`, from `backprop.labels`) and plain-text formulas.

The catalogue of classic mistakes (`backprop._mistakes`) types each hint once, as text or as a template: a function
of the `Notation` of the network a student computed with. `write` fills a template in. A hint is plain text (the CLI,
the live page and the exercises print it as it is), so the formulas here are plain text too; the pages' TeX is in
`backprop.show`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import labels
from .network import Network

# Plain-text formulas of each activation, for the hints (the pages' TeX is in backprop.show): f(v) and f'(v) written
# with y = f(v). An activation added with `activations.register` has none: its hints say f and f' without a formula.
F_TEXT = {"logsig": "1/(1 + e^(−{v}))", "tansig": "tanh({v})", "purelin": "{v}"}
F_PRIME_TEXT = {"logsig": "{y}(1 − {y})", "tansig": "1 − {y}²", "purelin": "1"}
#: How a hint names a hidden sigmoid in a few words.
SHORT = {"logsig": "logsig", "tansig": "tanh"}


@dataclass(frozen=True)
class Notation:
    r"""The names a hint writes for one network, from `backprop.labels`: the slides' for the 2-3-1 network.

    A hint is plain text, so these are too. With one output neuron its number, $n_\text{hidden} + 1$ (the slides'
    4), stands in the formulas: ``w_4i``, ``v_4``, ``e``, ``d``, ``y``; with several the letter j does: ``w_ji``,
    ``v_j``, ``e_j``, and ``first`` is the first output's number, for a rule written out for one of them.
    """

    n_in: int
    n_hidden: int
    n_out: int
    #: The output layer's activation (its name in `activations.ACTIVATIONS`).
    output: str
    #: The hidden layer's activation (its name in `activations.ACTIVATIONS`).
    hidden: str
    #: The rule (1 to 4: Δw_ji, Δb_j, Δw_ik, Δb_i) a hint writes out as its example, where it writes one: an
    #: exercise's boxes ask about one rule, and the hint's example is that rule.
    rule: int = 1

    @classmethod
    def of(cls, net: Network) -> Notation:
        """The notation of ``net``'s sizes and activations."""
        if not isinstance(net, Network):
            raise TypeError(f"a hint is written for a backprop.Network, not a {type(net).__name__}")
        return cls(net.n_in, net.n_hidden, net.n_out, net.output, net.hidden)

    @property
    def slides(self) -> bool:
        """Whether this is the slides' network: 2 inputs, 3 logsig hidden neurons, 1 purelin output (neuron 4)."""
        return (self.n_in, self.n_hidden, self.n_out, self.hidden, self.output) == (2, 3, 1, "logsig", "purelin")

    @property
    def first(self) -> int:
        """The first output neuron's number (the slides' 4)."""
        return labels.output_neurons(self.n_hidden, self.n_out)[0]

    @property
    def j(self) -> labels.Index:
        """The output neuron of a general formula: its number for one output, else the letter ``j``."""
        return self.first if self.n_out == 1 else "j"

    def at(self, name: str, j: labels.Index | None = None) -> str:
        """An output's quantity ``name`` (``"e"``, ``"d"``, ``"y"``): ``e`` for one output, else ``e_j`` (or ``e_5``
        for ``j=5``)."""
        return name if self.n_out == 1 else f"{name}_{self.j if j is None else j}"

    @property
    def w_out(self) -> str:
        """The output weights from hidden neuron i: ``w_4i`` (``w_ji`` for several outputs)."""
        return labels.weight(self.j, "i")

    @property
    def b_out(self) -> str:
        """The output bias: ``b_4`` (``b_j``)."""
        return labels.bias(self.j)

    @property
    def v_out(self) -> str:
        """The output's field: ``v_4`` (``v_j``)."""
        return f"v_{self.j}"

    @property
    def cost(self) -> str:
        """The cost: ``½e²`` (``½ Σ_j e_j²``)."""
        return "½e²" if self.n_out == 1 else f"½ Σ_j {self.at('e')}²"

    @property
    def hidden_field(self) -> str:
        """The hidden field with its bias: ``w_i1 x_1 + w_i2 x_2 + b_i``, the sum written out up to 3 inputs."""
        if self.n_in > 3:
            return f"Σ_k {labels.weight('i', 'k')} x_k + {labels.bias('i')}"
        terms = [f"{labels.weight('i', k)} x_{k}" for k in labels.inputs(self.n_in)]
        return " + ".join([*terms, labels.bias("i")])

    def output_f(self, j: labels.Index | None = None) -> str:
        """The output activation at output ``j``: ``v_4`` (purelin), ``tanh(v_4)``, ``1/(1 + e^(−v_4))``, else
        ``f(v_4)``."""
        v = f"v_{self.j if j is None else j}"
        return F_TEXT.get(self.output, "f({v})").format(v=v)

    def output_f_prime(self, j: labels.Index | None = None) -> str | None:
        """$f'(v_j)$ of the output activation written with its output: ``y(1 − y)``, ``1 − y²``, ``1``; None for an
        activation with no formula here."""
        text = F_PRIME_TEXT.get(self.output)
        return None if text is None else text.format(y=self.at("y", j))

    @property
    def hidden_f_prime(self) -> str | None:
        """$f'(v_i)$ of the hidden activation written with its output: ``y_hi(1 − y_hi)``, ``1 − y_hi²``, ``1``; None
        for an activation with no formula here."""
        text = F_PRIME_TEXT.get(self.hidden)
        return None if text is None else text.format(y="y_hi")


#: A hint: plain text, or a template that writes it for a network's `Notation`.
HintText = str | Callable[[Notation], str]


def write(template: HintText, notation: Notation) -> str:
    """The hint ``template`` written for ``notation``'s network (a plain-text hint is the same for every network)."""
    return template if isinstance(template, str) else template(notation)
