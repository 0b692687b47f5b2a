"""Sympy for the page tests' equation checks: the one identity check (``identical``), the slides' network in sympy
with derivatives evaluated at one random point, and the learning rate as a symbol."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

ETA_S = sp.Symbol("eta", positive=True)


def identical(a: sp.Expr, b: sp.Expr, differs: Callable[[sp.Expr], bool] | None = None) -> bool:
    """True when sympy proves ``a == b`` for every value of the symbols.

    Fast path first: with every ``exp(...)`` replaced by a fresh symbol the difference is a rational function, and if
    that cancels to 0 it is 0 whatever the exponentials are worth. Otherwise ``sympy.simplify``, unless ``differs``
    (a check of the difference at a point) shows first that the two are not equal: simplify is slow to give up.
    Each pair is proven once per test process: the page tests ask about the same equations again (a statement and
    the check that it can fail, several pages stating one rule), about half the calls.
    """
    a, b = sp.sympify(a), sp.sympify(b)
    if (a, b) not in _PROVEN:
        _PROVEN[a, b] = _identical(a, b, differs)
    return _PROVEN[a, b]


_PROVEN: dict[tuple[sp.Expr, sp.Expr], bool] = {}


def _identical(a: sp.Expr, b: sp.Expr, differs: Callable[[sp.Expr], bool] | None) -> bool:
    gap = a - b
    if gap == 0:
        return True
    exps = sorted(gap.atoms(sp.exp), key=sp.default_sort_key)
    if sp.cancel(sp.together(gap.xreplace({e: sp.Dummy() for e in exps}))) == 0:
        return True
    if differs is not None and differs(gap):
        return False
    return sp.simplify(gap) == 0


class SymbolicNet:
    """The slides' network in sympy (n_in inputs, 3 logsig hidden neurons, n_out outputs), 1-based names, and one
    random point at which its derivatives are evaluated."""

    def __init__(self, n_out: int = 1, output: str = "purelin", n_in: int = 2, seed: int = 3):
        sym = sp.Symbol
        self.x = {k: sym(f"x_{k}") for k in range(1, n_in + 1)}
        self.w = {(i, k): sym(f"w_{i}{k}") for i in range(1, 4) for k in self.x}
        self.b = {i: sym(f"b_{i}") for i in range(1, 4)}
        self.outs = list(range(4, 4 + n_out))
        self.w |= {(j, i): sym(f"w_{j}{i}") for j in self.outs for i in range(1, 4)}
        self.b |= {j: sym(f"b_{j}") for j in self.outs}
        self.d = {j: sym(f"d_{j}") for j in self.outs}
        self.v = {i: sum(self.w[i, k] * self.x[k] for k in self.x) + self.b[i] for i in range(1, 4)}
        self.f = lambda t: 1 / (1 + sp.exp(-t))
        self.y_h = {i: self.f(self.v[i]) for i in range(1, 4)}
        self.f_out = {"purelin": lambda t: t, "tansig": sp.tanh}[output]
        self.v |= {j: sum(self.w[j, i] * self.y_h[i] for i in range(1, 4)) + self.b[j] for j in self.outs}
        self.y = {j: self.f_out(self.v[j]) for j in self.outs}
        self.e = {j: self.d[j] - self.y[j] for j in self.outs}
        with sp.evaluate(False):  # built as written: sympy's automatic checks on the squares are slow
            self.E = sp.Rational(1, 2) * sp.Add(*(self.e[j] ** 2 for j in self.outs))
        rng = np.random.default_rng(seed)
        symbols = [*self.x.values(), *self.w.values(), *self.b.values(), *self.d.values()]
        self.point = {s: sp.Float(rng.uniform(-1.5, 1.5)) for s in symbols}

    def at(self, expr: sp.Expr) -> float:
        return float(expr.xreplace(self.point))

    def slope(self, param: sp.Symbol) -> float:
        """dE/dparam at the point."""
        return self.at(sp.diff(self.E, param))
