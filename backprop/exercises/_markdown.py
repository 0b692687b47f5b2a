r"""The exercises' Markdown: task data as tables, paragraphs and worked solutions with the numbers filled in.

Each helper returns an object a notebook shows as Markdown (``_repr_markdown_``), so a cell reads
"compute, then show"; numbers are written by :mod:`backprop.show`, as on every page of the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import show
from ..network import Network


@dataclass(frozen=True)
class _Markdown:
    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


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


def given(**values: object) -> _Markdown:
    """The data of a task as a Markdown table: ``given(x_1=examples.X[0], eta=examples.ETA)``; names become TeX.

    A name is written as TeX: ``w_11`` becomes $w_{11}$, ``y_h1`` $y_{h1}$, ``eta`` $\\eta$.
    Numbers are shown as :func:`backprop.show.tex` shows them.
    """
    return _Markdown(show.table(["quantity", "value"],
                                [[f"${tex_name(key)}$", fill("{{v}}", v=value)] for key, value in values.items()]))


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
    """The weights and biases of a network in the slides' notation, hidden neurons 1.., outputs after."""
    values: dict[str, float] = {}
    n_h = net.n_hidden
    for i in range(n_h):
        for k in range(net.n_in):
            values[f"w_{i + 1}{k + 1}"] = float(net.w_hidden[i, k])
        values[f"b_{i + 1}"] = float(net.b_hidden[i])
    for j in range(net.n_out):
        for i in range(n_h):
            values[f"w_{n_h + j + 1}{i + 1}"] = float(net.w_output[j, i])
        values[f"b_{n_h + j + 1}"] = float(net.b_output[j])
    return given(**values)
