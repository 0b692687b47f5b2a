r"""`train`'s loop for small networks: straight-line Python generated from the package's own arithmetic.

On a network of a few neurons numpy spends far more time calling than computing, so `backprop.train`
runs small networks through a loop with one Python float per weight. That loop is not written by hand:
`source` runs the iteration `train` uses everywhere else (`backprop.train._iteration`: the forward pass,
the four rules, $\theta(n+1) = \theta(n) + \Delta\theta(n)$) once on symbols instead of numbers. Every
operation on a symbol records one line of Python; each activation's formula from the registry
(`backprop.activations`) is written out too when it is plain arithmetic, and called by name when it
branches or calls a library; the lines are wrapped in a loop over the samples. There is no second copy
of any formula to keep in step.

The source is registered with `linecache`, so tracebacks, ``pdb`` and ``inspect`` show its lines. To read
it: ``from backprop.train import _iteration``, then ``print(source(Network.random(2, 3, 1), _iteration))``.
"""

from __future__ import annotations

import functools
import linecache
import numbers
from collections import Counter
from collections.abc import Callable

import numpy as np

from . import activations, labels
from .activations import Activation, Array
from .network import ForwardPass, Network, _forward, _unchecked

Iteration = Callable[[ForwardPass, Array, float], tuple[tuple[Array, Array, Array, Array], Array]]

MAX_WEIGHTS = 64  # larger networks run on numpy, where each call does enough work to be worth it


def worth_it(net: Network) -> bool:
    """Whether ``net`` is small enough for the generated loop (at most `MAX_WEIGHTS` weights)."""
    return net.n_hidden * (net.n_in + net.n_out) <= MAX_WEIGHTS


def epoch(net: Network, iteration: Iteration) -> Callable[[Network, Array, Array, float], tuple[Network, float]]:
    """The generated epoch for ``net``'s sizes and activations: ``(net, X, D, eta) -> (net after, mean E)``."""
    return _compiled(net.n_in, net.n_hidden, net.n_out, activations.get(net.hidden), activations.get(net.output),
                     iteration)


def source(net: Network, iteration: Iteration) -> str:
    """The Python source of the epoch `epoch` returns for ``net``'s sizes and activations."""
    return _source(net.n_in, net.n_hidden, net.n_out, activations.get(net.hidden), activations.get(net.output),
                   iteration)


@functools.lru_cache(maxsize=32)
def _compiled(n_in: int, n_hidden: int, n_out: int, hidden: Activation, output: Activation,
              iteration: Iteration) -> Callable[[Network, Array, Array, float], tuple[Network, float]]:
    text = _source(n_in, n_hidden, n_out, hidden, output, iteration)
    filename = f"<backprop._unrolled {n_in}-{n_hidden}-{n_out} {hidden.name}/{output.name}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)  # debuggers see it
    namespace = {
        "f_h": hidden.f.formula, "f_prime_h": hidden.derivative_from_output.formula,
        "f_o": output.f.formula, "f_prime_o": output.derivative_from_output.formula,
        "network": _network,
    }
    exec(compile(text, filename, "exec"), namespace)
    return namespace["epoch"]


def _network(net: Network, w_hidden: list, b_hidden: list, w_output: list, b_output: list) -> Network:
    """The generated loop's weights as a Network with ``net``'s activations (not checked: `train` checks it)."""
    arrays = (np.array(p, dtype=float) for p in (w_hidden, b_hidden, w_output, b_output))
    return _unchecked(*arrays, net.hidden, net.output)


# --- recording one iteration --------------------------------------------------------------------------------


class _Symbol:
    """A number in the loop being generated: either a name (a weight, an input) or the operation that makes it."""

    __slots__ = ("args", "lines", "name", "op")

    def __init__(self, lines: list[_Symbol], name: str | None = None, op: str = "", args: tuple = ()) -> None:
        self.lines, self.name, self.op, self.args = lines, name, op, args

    def _record(self, op: str, *args: object) -> _Symbol | object:
        if any(isinstance(a, np.ndarray) for a in args):
            return NotImplemented  # numpy applies the operation to each element, and comes back here
        return _line(self.lines, op, args)

    def __bool__(self) -> bool:
        raise TypeError("a symbol has no truth value")  # a formula that branches on its input is called, not written

    def __eq__(self, other: object) -> bool:
        raise TypeError("a symbol has no value to compare")

    __ne__ = __eq__
    __hash__ = object.__hash__

    def __add__(self, other: object) -> _Symbol | object:
        return self._record("{} + {}", self, other)

    def __radd__(self, other: object) -> _Symbol | object:
        return self._record("{} + {}", other, self)

    def __sub__(self, other: object) -> _Symbol | object:
        return self._record("{} - {}", self, other)

    def __rsub__(self, other: object) -> _Symbol | object:
        return self._record("{} - {}", other, self)

    def __mul__(self, other: object) -> _Symbol | object:
        if isinstance(other, float) and other == 1.0:
            return self  # the rules' "· 1" (∂v/∂b): x * 1.0 is x exactly, so no line for it
        return self._record("{} * {}", self, other)

    def __rmul__(self, other: object) -> _Symbol | object:
        if isinstance(other, float) and other == 1.0:
            return self
        return self._record("{} * {}", other, self)

    def __truediv__(self, other: object) -> _Symbol | object:
        return self._record("{} / {}", self, other)  # the cost's 1/2: E = (Σ_j e_j e_j) / 2


def _line(lines: list[_Symbol], op: str, args: tuple, name: str | None = None) -> _Symbol:
    """The symbol of ``op`` on ``args``: the one already recorded for the same operation on the same operands
    (the same floats give the same result, so the loop computes it once), else a new line."""
    for s in lines:
        if s.op == op and len(s.args) == len(args) and all(
                a is b if isinstance(a, _Symbol) else not isinstance(b, _Symbol) and repr(a) == repr(b)
                for a, b in zip(s.args, args, strict=True)):
            return s
    result = _Symbol(lines, name, op, args)
    lines.append(result)
    return result


def _calls(lines: list[_Symbol], function: str, formula: Callable,
           names: list[str]) -> Callable[[np.ndarray], np.ndarray]:
    """An array function that writes ``formula`` for each element into the loop, naming the results ``names``.

    A formula of plain arithmetic (``y * (1.0 - y)``, ``1.0``) is run on the symbol, so its operations are written
    out as they are; one that branches on its input or calls a library (``math.exp``, ``np.tanh``) cannot run on a
    symbol and is called by name instead: ``function(v1)``.
    """

    def record(values: np.ndarray) -> np.ndarray:
        out = np.empty(len(values), dtype=object)
        for n, (value, name) in enumerate(zip(values, names, strict=True)):
            try:
                out[n] = formula(value)
            except (TypeError, AttributeError):
                out[n] = _line(lines, f"{function}({{}})", (value,))
            if isinstance(out[n], _Symbol) and out[n].op and out[n].name is None:
                out[n].name = name
        return out

    return record


def _symbols(lines: list[_Symbol], names: list) -> np.ndarray:
    """An object array of named symbols, of the nested shape of ``names``."""
    return np.vectorize(lambda name: _Symbol(lines, name), otypes=[object])(np.array(names))


def _source(n_in: int, n_hidden: int, n_out: int, hidden: Activation, output: Activation,
            iteration: Iteration) -> str:
    K, I = labels.inputs(n_in), labels.hidden_neurons(n_hidden)  # noqa: E741
    J = labels.output_neurons(n_hidden, n_out)  # the slides' output neuron 4
    names = {
        "w_hidden": [[f"w{i}_{k}" for k in K] for i in I], "b_hidden": [f"b{i}" for i in I],
        "w_output": [[f"w{j}_{i}" for i in I] for j in J], "b_output": [f"b{j}" for j in J],
    }

    # 1. Run the iteration once on symbols: `lines` holds every operation, in the order it happened.
    lines: list[_Symbol] = []
    layers = []
    for act, h, neurons, y in ((hidden, "h", I, "y_h"), (output, "o", J, "y")):
        layers.append(Activation(act.name, _calls(lines, f"f_{h}", act.f.formula, [f"{y}{n}" for n in neurons]),
                                 act.derivative, _calls(lines, f"f_prime_{h}", act.derivative_from_output.formula,
                                                        [f"f_prime_{h}{n}" for n in neurons])))
    net = _unchecked(*(_symbols(lines, names[p]) for p in names), *layers)
    x, d = _symbols(lines, [f"x{k}" for k in K]), _symbols(lines, [f"d{j}" for j in J])
    fp = _forward(net, x)
    new, cost = iteration(fp, d, _Symbol(lines, "eta"))
    new = [s for p in new for s in np.ravel(p)]  # in the order of `names`

    # 2. Name what the slides name (v, e, delta) and the bracket of δ_i (back); a line for each value used twice; the
    # rest inline.
    for n, v in [*zip(I, fp.v_hidden), *zip(J, fp.v_output)]:
        v.name = f"v{n}"
    targets = {id(s): f"e{j}" for j, s in zip(J, d, strict=True)}
    taken: set[str] = set()
    for s in lines:
        if s.op == "{} - {}" and id(s.args[0]) in targets:
            s.name = targets[id(s.args[0])]  # e_j = d_j - y_j
        elif s.op == "{} * {}" and getattr(s.args[1], "name", None) and s.args[1].name.startswith("f_prime_"):
            delta = "delta" + s.args[1].name.removeprefix("f_prime_h").removeprefix("f_prime_o")  # ... times f'(v)
            if delta not in taken:  # the first such product is the slides' delta (e_j f'(v_j) or [Σ_j ...] f'(v_i))
                s.name = delta
                if s.args[1].name.startswith("f_prime_h") and s.args[0].name is None:
                    s.args[0].name = "back" + delta.removeprefix("delta")  # Σ_j e_j f'(v_j) w_ji(n)
                    taken.add(s.args[0].name)
        if s.name:
            taken.add(s.name)
    uses = Counter(id(a) for s in lines for a in s.args if isinstance(a, _Symbol))
    uses.update(id(s) for s in [*new, cost])
    kept = [s for s in lines if s.name is not None or uses[id(s)] > 1]
    for n, s in enumerate((s for s in kept if s.name is None), start=1):
        s.name = f"t{n}"
    written = {id(s) for s in kept}

    def value(s: object, inner: bool = False) -> str:
        """``s`` as Python: its name, or (used once) its operation, in parentheses inside another one."""
        if not isinstance(s, _Symbol):  # a constant of a formula: 1.0, or numpy's np.float64(0.5) written as 0.5
            return repr(s if type(s) in (int, float) or not isinstance(s, numbers.Real) else float(s))
        if id(s) in written or not s.op:
            return s.name
        text = s.op.format(*(value(a, inner=True) for a in s.args))
        return f"({text})" if inner and not s.op.endswith(")") else text

    def nested(p: str) -> str:
        return repr(names[p]).replace("'", "")

    # 3. The loop: unpack the weights, one line per kept value, all new weights at once, the cost.
    return "\n".join([
        "def epoch(net, X, D, eta):",
        f'    """One online epoch of a {n_in}-{n_hidden}-{n_out} network, hidden {hidden.name} (f_h), '
        f'output {output.name} (f_o)."""',
        *(f"    {nested(p)} = net.{p}.tolist()" for p in names),
        "    total = 0.0",
        f"    for [{', '.join(f'x{k}' for k in K)}], [{', '.join(f'd{j}' for j in J)}] in zip(X.tolist(), "
        "D.tolist()):",
        *(f"        {s.name} = {s.op.format(*(value(a, inner=True) for a in s.args))}" for s in kept),
        f"        {', '.join(str(n) for p in names.values() for n in np.ravel(p))} = (",  # no w_ji(n+1) in a rule
        *(f"            {value(s)}," for s in new),
        "        )",
        f"        total += {value(cost)}",
        f"    return network(net, {', '.join(nested(p) for p in names)}), total / len(X)",
    ]) + "\n"
