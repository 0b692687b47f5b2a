"""The slides' network in sympy, for the page tests' equation checks: derivatives of a symbolic network, evaluated
at one random point, and the learning rate as a symbol."""

from __future__ import annotations

import numpy as np
import sympy as sp

ETA_S = sp.Symbol("eta", positive=True)


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
