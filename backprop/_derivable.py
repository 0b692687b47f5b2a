"""What the site's pages can derive, the slides' 2-3-1 network with a linear output, checked for an example file with
every problem named at once: an instructor who brings another network fixes the file in one round, not one
rebuild a problem (a TA's review took four for a 2-4-1 network with a logsig output and its practice entry)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from . import activations
from .network import Network

#: The sizes of the slides' 2-3-1 network, by key: (rows, numbers a row) or (numbers,).
SITE_SHAPES = {"w_hidden": (3, 2), "b_hidden": (3,), "w_output": (1, 3), "b_output": (1,), "x": (2,)}


class Problems(ValueError):
    """What the pages cannot derive in an example file, each problem a clause that names its field (``"practice:
    output must be ..."``), all in one message."""

    def __init__(self, path: str | os.PathLike[str], problems: list[str]) -> None:
        self.problems = problems
        start = f"example file {os.fspath(path)!r}"
        if len(problems) == 1:
            super().__init__(f"{start}: {problems[0]}")
        else:
            listed = "; ".join(f"({i}) {problem}" for i, problem in enumerate(problems, 1))
            super().__init__(f"{start} has {len(problems)} problems: {listed}")


def activation_problems(data: dict[str, object], allowed: dict[str, Sequence[str]], field: str) -> list[str]:
    """A clause for each activation of ``data`` the pages do not derive (``allowed``, by key), after ``field``
    (``"practice: "`` or ``""``), with what another library's name means (`backprop.activations.meant`)."""
    problems = []
    for key, names in allowed.items():
        if key in data and data[key] not in names:
            one_of = " or ".join(repr(a) for a in names)
            which = "the activation" if len(names) == 1 else "the activations"
            problems.append(f"{field}{key} must be {one_of}, {which} the site's pages derive, got {data[key]!r}"
                            + activations.meant(data[key]))
    return problems


def _count(shape: tuple[int, ...]) -> str:
    """``(3, 2)``: "3 rows of 2 numbers"; ``(1,)``: "1 number"."""
    numbers = f"{shape[-1]} number{'s' * (shape[-1] != 1)}"
    return numbers if len(shape) == 1 else f"{shape[0]} row{'s' * (shape[0] != 1)} of {numbers}"


def sizes_problem(net: Network, x: object, field: str) -> list[str]:
    """The clause for a network of other sizes than the slides' (after ``field``), with what each key needs: "the site
    derives the slides' 2-3-1 network, this one is 2-4-1: w_hidden needs 3 rows of 2 numbers, b_hidden 3 numbers,
    w_output 1 row of 3 numbers ..."; none for a 2-3-1 network."""
    sizes = (net.n_in, net.n_hidden, net.n_out)
    if sizes == (2, 3, 1):
        return []
    shapes = {"w_hidden": net.w_hidden.shape, "b_hidden": net.b_hidden.shape, "w_output": net.w_output.shape,
              "b_output": net.b_output.shape, "x": (len(x),) if isinstance(x, list) else None}
    off = [key for key, want in SITE_SHAPES.items() if shapes[key] != want]  # one at least: the sizes differ
    needs = ", ".join(f"{key} {'needs ' if key == off[0] else ''}{_count(SITE_SHAPES[key])}" for key in off)
    return [f"{field}the site derives the slides' 2-3-1 network, this one is {'-'.join(map(str, sizes))}: {needs} "
            "(keep the neurons the pages should show)"]


def derivable_network(data: dict[str, object], path: str | os.PathLike[str], field: str,
                      allowed: dict[str, Sequence[str]], build: Callable[[dict[str, object]], Network]) -> Network:
    """The network ``build`` makes of ``data`` (an example file's entry, ``field`` ``""`` or ``"practice: "``), if
    the pages derive it; else `Problems` naming each activation not in ``allowed`` and the sizes. The sizes are read
    with an activation the pages derive in place of the others; an error of ``build`` itself is raised as it is,
    or, after activation problems, as one more."""
    problems = activation_problems(data, allowed, field)
    derivable = {**data, **{key: names[0] for key, names in allowed.items() if data.get(key, names[0]) not in names}}
    try:
        net = build(derivable)
    except ValueError as exc:
        if not problems:
            raise
        raise Problems(path, [*problems, str(exc).removeprefix(f"example file {os.fspath(path)!r}: ")]) from None
    problems += sizes_problem(net, data.get("x"), field)
    if problems:
        raise Problems(path, problems)
    return net
