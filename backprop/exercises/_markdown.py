r"""The exercises' Markdown: task data as tables, paragraphs and worked solutions with the numbers filled in.

Each helper returns an object a notebook shows as Markdown (``_repr_markdown_``), so a cell reads
"compute, then show"; numbers are written by :mod:`backprop.show`, as on every page of the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .. import judged, labels, show
from ..network import ForwardPass, Network
from ..rules import f_prime_hidden


@dataclass(frozen=True)
class _Markdown:
    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown

    def __add__(self, other: _Markdown) -> _Markdown:
        """Two blocks one after the other (``given(...) + saturation_note(fp)``); an empty one adds nothing."""
        return _Markdown("\n\n".join(part for part in (self.markdown, other.markdown) if part))


def fill(text: str, **values: object) -> str:
    """Put ``values`` into the ``{{name}}`` fields of ``text``: :func:`backprop.show.tex` (site decimals,
    a negative number in parentheses after an operator or under a power)."""
    return show.tex(text, **values)


def markdown(text: str, **values: object) -> _Markdown:
    """A paragraph of Markdown (with $math$) whose ``{{name}}`` fields are filled by :func:`fill`."""
    return _Markdown(fill(text, **values).strip())


def worked_solution(text: str, **values: object) -> _Markdown:
    """A collapsed ``<details>`` block holding ``text`` (Markdown with $math$), fields filled in."""
    body = fill(text, **values).strip()
    return _Markdown(f'<details class="bp-solution">\n<summary>Worked solution</summary>\n\n{body}\n\n</details>')


#: The names of the values an exercise gives (an input, a target, η, a weight or a bias at time n, the step h of a
#: difference, a threshold): `given` writes them as the example gives them, as every page does (``show.given``).
_GIVEN_NAME = re.compile(r"^(x_\w+|d|d_\w+|eta|w_\w+|b_\w+|h|threshold)$")


def given(**values: object) -> _Markdown:
    """The data of a task as a Markdown table: ``given(x_1=examples.X[0], eta=examples.ETA)``; names become TeX.

    A name is written as TeX: ``w_11`` becomes $w_{11}$, ``y_h1`` $y_{h1}$, ``eta`` $\\eta$.
    Numbers are shown as :func:`backprop.show.tex` shows them: a value the exercise gives (``x_k``, ``d``, ``eta``, a
    weight ``w_..`` or bias ``b_..`` at time n, ``h``, ``threshold``) without trailing zeros (``0.6``), as every page
    writes it; any other (``y_h1``, ``y``, ``v_1``: computed from them) as a formula writes it: with the site's
    decimals, or below 10^-5 in scientific notation, in math (``$1.2 \\times 10^{-8}$``, `show.in_scientific`).
    """
    def cell(key: str, value: object) -> str:
        if _GIVEN_NAME.match(key):
            return fill("{{v:given}}", v=value)
        scientific = isinstance(value, float) and show.in_scientific(value)  # numpy float64 is a float
        return fill("${{v}}$" if scientific else "{{v}}", v=value)

    return _Markdown(show.table(["quantity", "value"], [[f"${tex_name(key)}$", cell(key, value)]
                                                          for key, value in values.items()]))


def hidden_outputs(fp: ForwardPass) -> dict[str, float]:
    """The hidden outputs ``y_h1``, ``y_h2``, ... of ``fp`` for a task table (`given`), each followed by its field
    ``v_i`` where the written output keeps too few digits of the neuron's slope f'(v_i) (a saturated neuron:
    `backprop.show.f_prime_numbers`), so that every slope can be worked out from the table."""
    out: dict[str, float] = {}
    for i, (y, v, slope) in enumerate(zip(fp.y_hidden, fp.v_hidden, f_prime_hidden(fp), strict=True), start=1):
        out[f"y_h{i}"] = float(y)
        if show.f_prime_numbers(fp.net.hidden, y, v, slope)[2]:
            out[f"v_{i}"] = float(v)
    return out


def saturation_note(fp: ForwardPass) -> _Markdown:
    """What the page says under a table of `hidden_outputs` that gives a saturated neuron's field: which outputs keep
    too few digits of their slopes, and f'(v) written with v; empty where every slope can be worked out from y."""
    lost = [i for i in range(1, fp.net.n_hidden + 1) if f"v_{i}" in hidden_outputs(fp)]
    if not lost:
        return _Markdown("")
    hidden = fp.net.hidden
    lost_digits = show.and_list([show.slope_lost_words(hidden, f"y_{{h{i}}}", fp.y_hidden[i - 1]) for i in lost])
    one = len(lost) == 1
    return markdown(r"The written {{lost}} for {{its}}, so the table gives {{fields}} too: $f'(v) = {{f_prime_v}}$, "
                    r"the same derivative.", lost=lost_digits, its="its slope" if one else "their slopes",
                    fields=show.and_list([f"$v_{i}$" for i in lost]),
                    f_prime_v=show.ACTIVATION_TEX[hidden]["f_prime_v"].replace("{{v}}", "v"))


def tex_name(name: str) -> str:
    """``w_11`` -> ``w_{11}``, ``y_h1`` -> ``y_{h1}``, ``eta`` -> ``\\eta``, ``d`` -> ``d``."""
    if name == "eta":
        return r"\eta"
    base, _, sub = name.partition("_")
    if len(base) > 1:  # a word, not a symbol: threshold, epochs
        return rf"\text{{{name.replace('_', ' ')}}}"
    return f"{base}_{{{sub}}}" if sub else base


_SUBSCRIPTS = str.maketrans("0123456789hij", "₀₁₂₃₄₅₆₇₈₉ₕᵢⱼ")


def pretty(label: str) -> str:
    """A plain-text label with Unicode subscripts: ``w_41(n+1)`` -> ``w₄₁(n+1)``."""
    return re.sub(r"_([0-9hij]+)", lambda m: m.group(1).translate(_SUBSCRIPTS), label)


def network_table(net: Network) -> _Markdown:
    """The weights and biases of a network in the slides' notation, hidden neurons 1.., outputs after: given values,
    written as `given` writes them (``0.4``, not ``0.400000``)."""
    values: dict[str, float] = {}
    for weights, biases in (("w_hidden", "b_hidden"), ("w_output", "b_output")):  # each neuron's weights, its bias
        w, b = getattr(net, weights), getattr(net, biases)
        for neuron in range(w.shape[0]):
            for source in range(w.shape[1]):
                values[labels.parameter(weights, (neuron, source), net.n_hidden)] = float(w[neuron, source])
            values[labels.parameter(biases, (neuron,), net.n_hidden)] = float(b[neuron])
    return given(**values)


def other_updates(dw_hidden, worked: tuple[int, int]) -> str:
    r"""Every hidden weight's update but the one a worked solution works out in full, ``worked`` (its index in
    ``w_hidden``), as Markdown: ``$\Delta w_{12} = 0.001234$, ... and $\Delta w_{32} = ...$``. ``dw_hidden`` has
    ``w_hidden``'s shape."""
    dw = np.asarray(dw_hidden, dtype=float)
    return show.and_list([show.tex(r"$\Delta {{w}} = {{dw}}$", dw=dw[index],
                                   w=tex_name(labels.parameter("w_hidden", index, dw.shape[0])))
                          for index in np.ndindex(dw.shape) if index != tuple(worked)])


def zero_updates(net: Network, x, biases: bool = False) -> str:
    r"""Which of the hidden rules' updates are exactly 0 and why, as a sentence after a space (empty when none is):
    the factor `backprop.judged.zero_factor` names, the output weight of the neuron (no error reaches it) or the
    weight's input; the biases' (``biases``) or the weights'."""
    name = "b_hidden" if biases else "w_hidden"
    groups: dict[str, list[tuple[int, ...]]] = {}  # a factor 0 -> the indices of the updates it makes 0
    for index in np.ndindex(getattr(net, name).shape):
        factor = judged.zero_factor(net, x, name, index)
        if factor is not None:
            groups.setdefault(factor, []).append(index)
    if not groups:
        return ""
    count = sum(len(indices) for indices in groups.values())
    because = [show.and_list([f"$\\Delta {tex_name(labels.parameter(name, i, net.n_hidden))}$" for i in indices])
               + f" (${factor}$: " + (f"no error reaches hidden neuron {indices[0][0] + 1})" if factor.startswith("w_")
                                      else f"{'its' if len(indices) == 1 else 'their'} input)")
               for factor, indices in groups.items()]
    return (f" {'An update is' if count == 1 else 'Some updates are'} exactly 0 because a factor is: "
            f"{'; '.join(because)}.")
