r"""One iteration $n \to n+1$ by hand: the steps of `backprop._trace.trace`, exactly, from the numbers as typed.

The package computes in doubles, and a page prints each double with its decimals. A reader computes from the numbers
the page gives (0.1, not the double nearest it) and rounds only at the end, so a page is right where each printed
double and the value by hand round to the same digits. This module computes that value by hand: each given number as
typed (a double's shortest decimal, `repr`, the number `show.given` prints), then every step of the slides' formulas
with Python's `decimal` at `PRECISION` significant digits. Sums and products round at the 60th digit, and
`Decimal.exp` is correctly rounded, so every step is the exact value to far more digits than a page prints.

Only the activations with a formula here (`EXACT`: the slides' three) can be computed so; `iteration` returns None
for a network with another.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace

import numpy as np
from numpy.typing import ArrayLike

from . import labels
from ._trace import _names_and_values
from .network import Network
from .rules import _error, _from_factors
from .train import _added

#: Significant digits of every step: a page prints at most 15, and each step rounds at the 60th.
PRECISION = 60


def _logsig(v: Decimal) -> Decimal:
    r"""$1 / (1 + e^{-v})$, with $e$ only ever raised to $-|v|$ (as `backprop.activations.logsig`)."""
    if v >= 0:
        return 1 / (1 + (-v).exp())
    z = v.exp()
    return z / (1 + z)


def _tansig(v: Decimal) -> Decimal:
    r"""$\tanh v = (1 - e^{-2v}) / (1 + e^{-2v})$ for $v \ge 0$, odd: $e$ only ever raised to $-2|v|$."""
    t = (-2 * abs(v)).exp()
    return (1 - t) / (1 + t) * (1 if v >= 0 else -1)


#: Each activation by name: $f(v)$ and $f'(v)$ from its output $y$, as the slides write them.
EXACT: dict[str, tuple[Callable[[Decimal], Decimal], Callable[[Decimal], Decimal]]] = {
    "logsig": (_logsig, lambda y: y * (1 - y)),
    "tansig": (_tansig, lambda y: 1 - y * y),
    "purelin": (lambda v: v, lambda y: Decimal(1)),
}


def typed(values: ArrayLike) -> np.ndarray:
    """Each double of ``values`` as typed: its shortest decimal (``repr``: 0.1 for the double nearest it), exactly,
    as an array of `Decimal`."""
    array = np.asarray(values, dtype=float)
    return np.array([Decimal(repr(float(v))) for v in array.ravel()], dtype=object).reshape(array.shape)


def iteration(net: Network, x: ArrayLike, d: ArrayLike, eta: float) -> dict[str, Decimal] | None:
    r"""Every step of one iteration by hand, named and ordered as `backprop._trace.trace` names them: the forward
    pass, $e$, $E$, the four rules, the new values, $y(n+1)$ and $E(n+1)$; then what the pages print beside them: the
    slopes $f'(v_i)$, $f'(v_j)$ (``"f'(v1)"``, ..., ``"f'(v4)"``), the local gradients (``"δ4"``, ``"δ1"``, ...) and
    the gradients $\partial E / \partial \theta$ (``"∂E/∂w41"``, ...). None where an activation has no exact formula
    (`EXACT`)."""
    if net.hidden not in EXACT or net.output not in EXACT:
        return None
    (f_hidden, slope_hidden), (f_output, slope_output) = EXACT[net.hidden], EXACT[net.output]
    context = decimal.Context(prec=PRECISION, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    with decimal.localcontext(context):
        x, d = typed(x).reshape(-1), typed(d).reshape(-1)
        eta = typed(eta).item()
        given = {name: typed(getattr(net, name)) for name in labels.PARAMETERS}

        def forward(w_hidden, b_hidden, w_output, b_output) -> SimpleNamespace:
            v_hidden = w_hidden.dot(x) + b_hidden
            y_hidden = np.array([f_hidden(v) for v in v_hidden], dtype=object)
            v_output = w_output.dot(y_hidden) + b_output
            y_output = np.array([f_output(v) for v in v_output], dtype=object)
            return SimpleNamespace(x=x, v_hidden=v_hidden, y_hidden=y_hidden, v_output=v_output, y_output=y_output)

        fp = forward(*given.values())
        slopes_output = np.array([slope_output(y) for y in fp.y_output], dtype=object)
        slopes_hidden = np.array([slope_hidden(y) for y in fp.y_hidden], dtype=object)
        # the four rules as the package computes them (rules._from_factors), in exact decimals
        u = _from_factors(eta, _error(fp.y_output, d), slopes_output, given["w_output"], slopes_hidden, fp.y_hidden,
                          x, Decimal(1), Decimal(1))
        delta_output, delta_hidden = u.delta_j, u.delta_i
        new = SimpleNamespace(**dict(zip(labels.PARAMETERS, _added(SimpleNamespace(**given), u), strict=True)))
        y_next = forward(new.w_hidden, new.b_hidden, new.w_output, new.b_output).y_output
        steps = _names_and_values(fp, d, u, new, y_next, value=Decimal)
        n_hidden, n_out = len(fp.y_hidden), len(fp.y_output)
        hidden, outputs = labels.hidden_neurons(n_hidden), labels.output_neurons(n_hidden, n_out)
        steps |= {f"f'(v{i})": s for i, s in zip(hidden, slopes_hidden)}
        steps |= {f"f'(v{j})": s for j, s in zip(outputs, slopes_output)}
        steps |= {f"δ{j}": s for j, s in zip(outputs, delta_output)}
        steps |= {f"δ{i}": s for i, s in zip(hidden, delta_hidden)}
        # the gradients ∂E/∂θ = -δ times θ's input, named as the updates are (∂E/∂w41 beside Δw41)
        gradients = SimpleNamespace(dw_output=-np.outer(delta_output, fp.y_hidden), db_output=-delta_output,
                                    dw_hidden=-np.outer(delta_hidden, x), db_hidden=-delta_hidden)
        named = _names_and_values(fp, d, gradients, new, y_next, value=Decimal)
        steps |= {"∂E/∂" + name[1:]: value for name, value in named.items() if name.startswith("Δ")}
        return {name: +value for name, value in steps.items()}  # unary plus: rounded to the context's precision
