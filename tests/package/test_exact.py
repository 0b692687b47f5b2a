"""``backprop._exact``: one iteration by hand, in exact decimals. Checked against mpmath at 80 digits
(``oracle.exact_steps``: the slides' final formulas, from the numbers as the example files write them, not their
doubles), and against the package's doubles, which it must agree with to a double's precision."""

from __future__ import annotations

import json
from decimal import Decimal

import mpmath
import numpy as np
import pytest

from backprop import Network, _exact
from backprop._trace import trace
from tests.support import oracle
from tests.support.by_hand import NET_KEYS as KEYS
from tests.support.by_hand import ODD

FILES = oracle.all_example_files()


def iteration_of(ex: dict) -> dict[str, Decimal] | None:
    net = Network(**{key: ex[key] for key in KEYS if key in ex})
    return _exact.iteration(net, np.array(ex["x"], dtype=float), ex["d"], ex["eta"])


@pytest.mark.parametrize("ex", [*(oracle.load_example(f) for f in FILES), ODD], ids=[*(f.stem for f in FILES), "odd"])
def test_iteration_is_the_slides_iteration_by_hand(ex):
    """Every step of `trace`, and the slopes after them, equal mpmath's to 50 significant digits (or 10^-70)."""
    exact = iteration_of(ex)
    with mpmath.workdps(80):
        reference = oracle.exact_steps(ex)
        assert list(exact) == list(reference)
        for name, value in exact.items():
            want = reference[name]
            # mpmath's 0.6 is binary, so a sum 0 by hand keeps about 1e-80 of its terms: 10^-70 at least allowed
            assert abs(mpmath.mpf(str(value)) - want) <= mpmath.mpf("1e-50") * max(abs(want), 1e-20), name


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_iteration_names_the_steps_as_trace_does_and_agrees_with_its_doubles(path):
    """The trace's names in its order, then f'(v1) ... f'(v4), the local gradients and the gradients; each step within a
    few units of a double's last digit of the package's (the doubles are the typed numbers' nearest, then rounded once
    a step)."""
    ex = oracle.load_example(path)
    net = Network(**{key: ex[key] for key in KEYS if key in ex})
    doubles = trace(net, np.array(ex["x"]), ex["d"], ex["eta"])
    exact = iteration_of(ex)
    gradients = ["∂E/∂" + name[1:] for name in doubles if name.startswith("Δ")]
    assert list(exact) == [*doubles, "f'(v1)", "f'(v2)", "f'(v3)", "f'(v4)", "δ4", "δ1", "δ2", "δ3", *gradients]
    for name, value in doubles.items():
        assert float(exact[name]) == pytest.approx(value, rel=1e-13, abs=1e-15), name
        if name.startswith("Δ"):  # the gradient is the update over -η
            assert float(exact["∂E/∂" + name[1:]]) == pytest.approx(-value / ex["eta"], rel=1e-13, abs=1e-15), name


def test_iteration_reads_each_number_as_typed_not_as_its_double():
    """0.1 · 0.2 + 0.3 · (-0.4) + 0.1 is 0 by hand; its double is not. By hand every field and step keeps it."""
    ex = {**ODD, "w_hidden": [[0.1, 0.3], *ODD["w_hidden"][1:]], "x": [0.2, -0.4], "b_hidden": [0.1, 80.125, 0.3]}
    assert 0.1 * 0.2 + 0.3 * -0.4 + 0.1 != 0  # the premise: the double keeps a rounding
    exact = iteration_of(ex)
    assert exact["v1"] == 0 and exact["y_h1"] == 0


def test_iteration_of_a_network_with_an_activation_of_its_own_is_none():
    from backprop import activations

    activations.register("softsign-exact-test", lambda v: v / (1 + abs(v)), lambda y: (1 - abs(y)) ** 2)
    try:
        ex = {**ODD, "hidden": "softsign-exact-test"}
        assert iteration_of(ex) is None
    finally:
        del activations.ACTIVATIONS["softsign-exact-test"]


def test_iteration_leaves_its_inputs_and_the_decimal_context_as_they_were():
    import decimal

    ex = json.loads(json.dumps(ODD))
    net = Network(**{key: ex[key] for key in KEYS})
    x = np.array(ex["x"])
    before = (net.w_hidden.copy(), x.copy(), decimal.getcontext().prec)
    iteration_of(ex)
    _exact.iteration(net, x, ex["d"], ex["eta"])
    assert np.array_equal(net.w_hidden, before[0]) and np.array_equal(x, before[1])
    assert decimal.getcontext().prec == before[2]
