"""Page: one iteration and training (docs/iteration-and-training.md).

For whatever worked example is in use (``backprop/example.json`` or ``$BACKPROP_EXAMPLE``), every number this page
prints about it, and every sentence it says about it (which parameters grow or shrink, the factor of the wrong order,
whether the cost fell, how often the training's epoch mean rose), is compared with an independent computation: plain
``math`` loops in the slides' index notation (``tests/support/oracle.py`` and ``tests/support/reference_net.py``),
never the package. No value of the example is typed here.

The text checked is the page's Markdown with each ``exec`` block replaced by what it prints, run in this process
(fast, and for any example: ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json pytest
tests/pages/test_iteration_and_training.py``); the tests that hold for every example file render the page with each
of them, in a process of its own. Its built HTML (the same numbers, figures with text alternatives) is checked in
test_built_pages.py. The equation checks at the end tie its display of the four rules and its inline facts to the
page's text and check them with sympy (``tests/support/symbolic.py``); the five lines of the backward pass and their
matrix form are checked before them, against the oracle.

The reference network itself (``tests/support/reference_net.py``) is checked here too: it reads the package's example
file, it is a gradient, and it agrees with the shared oracle.
"""

from __future__ import annotations

import ast
import copy
import inspect
import itertools
import math
import re
import textwrap
from decimal import Decimal

import numpy as np
import pytest
import sympy as sp

from backprop import Network, caught, examples, readings_iteration, train
from tests.pages import edge_examples
from tests.support import oracle
from tests.support.pages import (
    EXAMPLE_FILES,
    and_list,
    example_pages,
    example_prose,
    given,
    markdown_displays,
    markdown_says,
    norm_tex,
    numbers_in,
    page_text,
    prose,
    s6,
    six,
    table_rows,
)
from tests.support.reference_net import (
    ETA,
    EX,
    LABELS,
    WORKED,
    D,
    F,
    X,
    apply,
    cost,
    count_multiplications,
    finite_differences,
    flat,
    forward,
    network_of,
    relative_error,
    updates,
)
from tests.support.snippets import DOCS, EXEC, ROOT, pages_with, prose_with
from tests.support.symbolic import ETA_S, SymbolicNet, identical

# ---------------------------------------------------------------------------------------------
# The reference network (tests/support/reference_net.py) itself
# ---------------------------------------------------------------------------------------------


def test_package_reads_the_example_file():
    """The package's worked example is the file the oracle reads, so the oracle's values are the pages' values."""
    assert examples.NET.to_dict() == {k: [[float(v) for v in r] if isinstance(r, list) else float(r) for r in vs]
                                      if isinstance(vs, list) else vs for k, vs in WORKED.items()}
    assert examples.X.tolist() == X and [examples.D] == D and examples.ETA == ETA


def test_reference_is_a_gradient():
    """The hand-written rules of tests/support/reference_net.py are themselves right: they agree with central
    differences."""
    assert relative_error(updates(WORKED, X, D, ETA), WORKED, X, D, ETA) < 1e-7
    net = Network.random(3, 4, 2, seed=5, hidden="tansig", output="logsig").to_dict()
    x, d = [0.3, -1.0, 2.0], [0.2, 0.9]
    assert relative_error(updates(net, x, d, 0.1), net, x, d, 0.1) < 1e-6


def test_reference_agrees_with_the_shared_oracle():
    """Two independent plain-math computations of the same iteration: tests/support/reference_net.py's and
    tests/support/oracle.py's."""
    it, delta = oracle.iteration(EX), updates(WORKED, X, D, ETA)
    ours = flat(delta)
    theirs = flat({"w_output": it["dw_output"], "b_output": it["db_output"], "w_hidden": it["dw_hidden"],
                   "b_hidden": it["db_hidden"]})
    assert ours == pytest.approx(theirs, rel=1e-12, abs=1e-15)


# ---------------------------------------------------------------------------------------------
# One iteration and training
# ---------------------------------------------------------------------------------------------

PAGE = "iteration-and-training"


def test_iteration_page_shows_every_new_value():
    shown = numbers_in(page_text(PAGE))
    delta = updates(WORKED, X, D, ETA)
    new = apply(WORKED, delta)
    assert len(flat(new)) == 13
    assert six(flat(new)) <= shown, "w(n+1), b(n+1) by hand"
    assert six(flat(delta)) <= shown, "the thirteen updates by hand"
    # One value fully by hand: w41(n+1) = w41 + eta (d - y) f(v1), v1 = w11 x1 + w12 x2 + b1.
    f = F[WORKED["hidden"]][0]
    y_h1 = f(WORKED["w_hidden"][0][0] * X[0] + WORKED["w_hidden"][0][1] * X[1] + WORKED["b_hidden"][0])
    assert s6(WORKED["w_output"][0][0] + ETA * (D[0] - forward(WORKED, X)[1][0]) * y_h1) in shown


def test_iteration_page_states_the_example_and_its_activation():
    text = prose(PAGE)
    given = [s6(v).rstrip("0").rstrip(".") for v in (X[0], X[1], D[0], ETA)]  # given values: no trailing zeros
    assert f"input $x(n) = ({given[0]}, {given[1]})$, desired output $d(n) = {given[2]}$, " \
           f"learning rate $\\eta = {given[3]}$" in text
    tanh_sentence = "becomes $f'(v_i) = 1 - y_{hi}^2$"
    assert (tanh_sentence in text) == (WORKED["hidden"] == "tansig")


def test_iteration_page_says_which_way_each_parameter_moves():
    """The directions printed: b_4 with the sign of e, w_4i of e y_hi, w_ik of e w_4i x_k, b_i of e w_4i."""
    text = prose(PAGE)
    y_h, y = forward(WORKED, X)
    e = D[0] - y[0]
    assert f"The output $y(n) = {s6(y[0])}$ is too {'small' if e > 0 else 'large'} " \
           f"($e(n) = {s6(e)} {'>' if e > 0 else '<'} 0$), so the output bias $b_4$ " \
           f"{'increases' if e > 0 else 'decreases'}" in text
    w4 = WORKED["w_output"][0]
    signs = {  # by the sign rule the page states, not from the updates
        "w_output": [e * yh for yh in y_h],
        "w_hidden": [e * w4[i] * X[k] for i in range(3) for k in range(2)],
        "b_hidden": [e * w4[i] for i in range(3)],
    }
    delta = updates(WORKED, X, D, ETA)
    for name, products in signs.items():  # the sign rule agrees with the rules themselves
        assert [math.copysign(1, p) if p else 0 for p in products] == \
               [math.copysign(1, v) if v else 0 for v in flat(delta, [name])]
        phrases = []
        # signed changes: "increases"/"decreases" (the page keeps "enlarges"/"shrinks" for sizes)
        for sign, one, many in [(1, "increases", "increase"), (-1, "decreases", "decrease"), (0, "stays", "stay")]:
            chosen = [f"${label}$" for label, p in zip(LABELS[name], products)
                      if (p > 0 if sign == 1 else p < 0 if sign == -1 else p == 0)]
            if chosen:
                phrases.append(f"{and_list(chosen)} {one if len(chosen) == 1 else many}")
        assert "; ".join(phrases) in text, name
    moving = sum(1 for v in flat(delta) if v != 0)
    assert ("All thirteen parameters move" in text) == (moving == 13)
    words = "no one two three four five six seven eight nine ten eleven twelve thirteen".split()
    slope = "against the slope of $E(n)$, the direction that lowers it over a short enough step"  # locally only
    if cost(apply(WORKED, delta), X, D) > cost(WORKED, X, D):
        slope += f" (this one, with $\\eta = {given(ETA)}$, is too long: the cost grows, " \
                 f"[below](#did-the-cost-go-down))"
    if moving < 13:  # a count in words, like "thirteen" beside it, and the other count too, with their names
        staying = 13 - moving
        still = [f"${label}$" for name in ("w_output", "b_output", "w_hidden", "b_hidden")
                 for label, v in zip(LABELS[name], flat(delta, [name])) if v == 0]
        assert f"{words[moving].capitalize()} of the thirteen parameters move {slope}; the other {words[staying]}, " \
               f"{and_list(still)}, {'has' if staying == 1 else 'have'} slope 0" in text
    else:
        assert f"All thirteen parameters move {slope}." in text
    for size_word in (" grows", " grow;", " grow.", " shrinks", " shrink;", " shrink."):  # not for signed changes
        sentence = text[text.index("Every other update"):text.index("### Did the cost go down?")]
        assert size_word not in sentence, size_word
    assert "Because $f'(v_i) > 0$" in text and all(F[WORKED["hidden"]][1](yh) > 0 for yh in y_h)


def test_the_examples_include_a_step_that_raises_the_cost():
    """The tests below (and those of test_common_mistakes.py) run on every example file; one of them makes the step too
    long, so they read both branches."""
    grew = []
    for path in EXAMPLE_FILES:
        p, x, d, eta = network_of(oracle.load_example(path))
        grew.append(cost(apply(p, updates(p, x, d, eta)), x, d) > cost(p, x, d))
    assert any(grew) and not all(grew)
    assert any(0.0 in oracle.load_example(path)["x"] for path in EXAMPLE_FILES), "and one has an input x_k = 0"


def past_one(value: float, places: int) -> str:
    """``value`` with ``places`` decimals or, if it then reads as 1 or 0 and is neither, with the fewest more decimals
    that do not: a factor printed on the side of 1 (and of 0) that it is on, as a verb beside it says."""
    while float(f"{value:.{places}f}") in (0.0, 1.0) and value not in (0.0, 1.0):
        places += 1
    return f"{value:.{places}f}"


def factor_texts(factors: list[float]) -> list[str | None]:
    """The wrong order's factors w_4i(n+1)/w_4i(n) as the page writes them, with one number of decimals, so that
    their differences read true: three, or as many more, up to six, as it takes for none that is not 0 or 1 to read
    as 0 or 1. None for one that six decimals still write as 1 or 0 (the page writes 1 + or - its distance); "1" for
    a factor of exactly 1 (a reviewer read the 1.000 of an output weight that did not move as a rounded value)."""
    moving = [f for f in factors if f not in (0.0, 1.0)]
    places = 3
    while places < 6 and any(float(f"{f:.{places}f}") in (0.0, 1.0) for f in moving):
        places += 1
    return [None if f in moving and float(f"{f:.{places}f}") in (0.0, 1.0) else "1" if f == 1.0 else f"{f:.{places}f}"
            for f in factors]


def test_factor_texts_by_hand():
    """One number of decimals: a TA's 1.000483, 1.000604 and 1.000340 read 1.0005, 1.0006, 1.0003 (1.001 had made
    neuron 2's change look twice neuron 1's)."""
    assert factor_texts([1.000483, 1.000604, 1.000340]) == ["1.0005", "1.0006", "1.0003"]
    assert factor_texts([1.00025, 0.992]) == ["1.0003", "0.9920"] and factor_texts([1.5, -2.25]) == ["1.500", "-2.250"]
    assert factor_texts([1.0000001, 0.5]) == [None, "0.500000"] and factor_texts([1.0, 0.5]) == ["1", "0.500"]


def test_the_wrong_orders_factors_share_their_decimals(tmp_path):
    """A TA's tanh example: the factors 1.000483, 1.000604 and 1.000340 (the oracle's) printed as 1.0005, 1.001 and
    1.0003, neuron 2's change looking twice neuron 1's; with one number of decimals, 1.0005, 1.0006 and 1.0003."""
    ex = {"w_hidden": [[0.9, -0.7], [-0.8, 1.1], [0.6, 0.5]], "b_hidden": [0.2, -0.3, 0.1],
          "w_output": [[1.5, -1.2, 0.9]], "b_output": [0.05], "hidden": "tansig", "output": "purelin",
          "x": [-3.0, 2.5], "eta": 0.05, "d": -3.043452}
    it = oracle.iteration(ex)
    texts = factor_texts([new / now for new, now in zip(it["w_output_new"][0], ex["w_output"][0])])
    assert texts == ["1.0005", "1.0006", "1.0003"], "the premise"
    said = re.sub(r"\s+", " ", prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **ex}, PAGE,
                                          skip="regression_data"))
    assert "1.0005 for $i = 1$ (enlarges them); 1.0006 for $i = 2$ (enlarges them); 1.0003 for $i = 3$" in said


def test_past_one_by_hand():
    assert past_one(1.00425, 2) == "1.004" and past_one(0.99999, 2) == "0.99999" and past_one(1.5, 2) == "1.50"
    assert past_one(1.0000251, 3) == "1.00003" and past_one(0.9999949, 3) == "0.99999"
    assert past_one(1.0, 3) == "1.000" and past_one(0.0004, 3) == "0.0004" and past_one(-0.0004, 3) == "-0.0004"


def cost_factor(before: float, after: float) -> str:
    """How the page writes the factor by which the cost fell or grew: the quotient of the two costs, each written with
    the table's 6 decimals or with the fewest more whose quotient, rounded, is the factor printed (past_one's), so a
    reader can divide the numbers written and get the factor."""
    fell = after < before
    big, small = (before, after) if fell else (after, before)
    factor = past_one(big / small, 2)
    places = len(factor.split(".")[1])
    names = f"E(n{'' if fell else '+1'}) / E(n{'+1' if fell else ''})"
    decimals = next((n for n in range(6, 13) if round(small, n) != 0
                     and f"{round(big, n) / round(small, n):.{places}f}" == factor), None)
    if decimals is None:  # a cost of 1e-14: no number of decimals up to 12 gives the factor; scientific notation
        def sci(v: float, digits: int) -> str:
            mantissa, exponent = f"{v:.{digits - 1}e}".split("e")
            return rf"{mantissa} \times 10^{{{int(exponent)}}}"
        zero = f" (E(n{'+1' if fell else ''}) prints as 0.000000)" if round(small, 6) == 0 else ""
        return (rf"${names} = {sci(big, 3)} / ({sci(small, 3)}) \approx {sci(big / small, 2)}$, the costs in "
                f"scientific notation{zero}")
    text = f"${names} = {big:.{decimals}f} / {small:.{decimals}f} = {factor}$"
    return text + (f", the costs written with {decimals} decimals (the pages' 6 are too few for their quotient)"
                   if decimals > 6 else "")


def test_cost_factor_by_hand():
    """0.000127 / 0.000088 is 1.443; the costs 0.00012706 and 0.00008771 fall by a factor of 1.4486: 7 decimals,
    0.0001271 / 0.0000877 = 1.4493, print 1.45."""
    assert cost_factor(0.00012706, 0.00008771) == ("$E(n) / E(n+1) = 0.0001271 / 0.0000877 = 1.45$, the costs "
                                                   "written with 7 decimals (the pages' 6 are too few for their "
                                                   "quotient)")
    assert cost_factor(0.5, 2.0) == "$E(n+1) / E(n) = 2.000000 / 0.500000 = 4.00$"
    assert cost_factor(0.0123, 8.1e-14) == (r"$E(n) / E(n+1) = 1.23 \times 10^{-2} / (8.10 \times 10^{-14}) \approx "
                                            r"1.5 \times 10^{11}$, the costs in scientific notation (E(n+1) prints as "
                                            "0.000000)")  # 0.0123 / 8.1e-14 = 1.52e11


def test_a_cost_that_falls_below_the_last_decimal_is_divided_in_scientific_notation(tmp_path):
    """A reviewer's tanh example (x = (0.7, -0.3), η = 0.26251) leaves E(n+1) = 8.1e-14, which prints as 0.000000:
    the factor's quotient divided by zero and the build stopped with a ZeroDivisionError naming no sentence."""
    ex = {"w_hidden": [[0.3, 0.7], [0.2, 0.45], [-0.6, -0.1]], "b_hidden": [0.000001, 0.0, 0.05],
          "w_output": [[0.8, -0.9, 0.6]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
          "x": [0.7, -0.3], "d": 0.4, "eta": 0.26251}
    it = oracle.iteration(ex)
    assert it["E_next"] < 5e-7 < it["E"], "the premise: E(n+1) prints as 0.000000"
    text = prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **ex}, PAGE)
    assert f"On this sample the cost fell by a factor of {cost_factor(it['E'], it['E_next'])}." in text


def render_edge(tmp_path, name: str) -> tuple[str, str]:
    """The page rendered with one of edge_examples' worked examples: as rendered, and with white space made single
    spaces."""
    raw = pages_with(tmp_path, edge_examples.example(name), (PAGE,), skip="regression_data")[PAGE]
    return raw, re.sub(r"\s+", " ", raw)


def test_iteration_page_factors_near_1_show_their_side_of_1(tmp_path):
    """With a tiny eta the factors were printed with 2 and 3 decimals whatever they were: the cost 'fell by a factor
    of 1.00' (1.0042), and the wrong order's factor read '1.000 for i = 1 (enlarges them)' (1.0003), even beside
    '0.998 ... (shrinks)' and '1.000 ... (shrinks)'. Each now has the decimals that show its side of 1: the oracle's
    factors, and by hand 1.004 (e = 9.3, eta = 0.001) and 1.0003 (w_41 = 0.7 moved by 2.4e-4; 0.002 y_h3 of 0.9)."""
    _, said = render_edge(tmp_path, "logsig-zero-w4-tiny-eta")
    it = oracle.iteration(edge_examples.example("logsig-zero-w4-tiny-eta"))
    assert 1.0035 < it["E"] / it["E_next"] < 1.0045
    assert f"On this sample the cost fell by a factor of {cost_factor(it['E'], it['E_next'])}." in said
    assert cost_factor(it["E"], it["E_next"]).endswith("= 1.004$")

    ex = edge_examples.example("tanh-neg-tiny-eta")
    it = oracle.iteration(ex)
    factor = it["w_output_new"][0][0] / ex["w_output"][0][0]
    assert 1.00025 < factor < 1.00035 and factor == 1 + ex["eta"] * it["e"] * it["y_hidden"][0] / 0.7
    _, said = render_edge(tmp_path, "tanh-neg-tiny-eta")
    texts = factor_texts([new / now for new, now in zip(it["w_output_new"][0], ex["w_output"][0])])
    assert texts[0] == "1.0003" and f"1.0003 for $i = 1$ (enlarges them); {texts[1]} for $i = 2$ (shrinks them)" in said

    ex = edge_examples.example("tanh-zero-input-small-error")
    it = oracle.iteration(ex)
    factors = [new / now for new, now in zip(it["w_output_new"][0], ex["w_output"][0])]
    assert factors[0] < 1 < factors[2] and abs(it["e"] - 0.02) < 1e-6
    _, said = render_edge(tmp_path, "tanh-zero-input-small-error")
    assert (f"{factors[0]:.4f} for $i = 1$ (shrinks $\\Delta b_1$); {factors[1]:.4f} for $i = 2$ (shrinks "
            f"$\\Delta b_2$); 1.0003 for $i = 3$ (enlarges $\\Delta b_3$)." in said)


def test_iteration_page_says_which_steps_print_as_0(tmp_path):
    """With a saturated hidden neuron (v_3 = 25, f'(v_3) = 1.4e-11) its three updates are about 1e-12: the table
    prints them as 0.000000 and their values at n+1 as at n, while the note said 'All thirteen parameters move ...
    w_31 and w_32 decrease; b_3 decreases'. It now names the parameters that move by less than the last decimal (the
    oracle's updates below 5e-7 in size), here neuron 3's by hand; an example without such a step has no such words."""
    ex = edge_examples.example("logsig-saturated")
    it = oracle.iteration(ex)
    labels = ["w_{41}", "w_{42}", "w_{43}", "b_4", "w_{11}", "w_{12}", "w_{21}", "w_{22}", "w_{31}", "w_{32}", "b_1",
              "b_2", "b_3"]
    deltas = [*it["dw_output"][0], *it["db_output"], *(v for row in it["dw_hidden"] for v in row), *it["db_hidden"]]
    tiny = [f"${label}$" for label, delta in zip(labels, deltas) if 0 < abs(delta) < 5e-7]
    assert tiny == ["$w_{31}$", "$w_{32}$", "$b_3$"]
    raw, said = render_edge(tmp_path, "logsig-saturated")
    assert ("All thirteen parameters move against the slope of $E(n)$, the direction that lowers it over a short "
            "enough step; $w_{31}$, $w_{32}$ and $b_3$ move by less than half a unit of the table's last decimal, so "
            "their $\\Delta$ prints as $0.000000$ and their value at $n+1$ as at $n$. The output") in said
    rows = {row[1]: row for row in table_rows(raw, "rule")}
    for name in ("w_{31}", "w_{32}", "b_3"):
        at_n, delta, at_next = rows[f"${name}$"][2:]  # the value at n as given (5), the others with 6 decimals
        assert delta == "0.000000" and at_next == s6(float(at_n)), "what the sentence says of the table"
    assert "by less than half a unit of the table's last decimal" not in prose(PAGE) or any(
        0 < abs(v) < 5e-7 for v in flat(updates(WORKED, X, D, ETA)))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_iteration_page_cost_before_and_after(path):
    """The cost before and after the step; where it grew, the page says the slope at time n held only near it (the
    step was too long), both after the cost table and where it says every parameter moves against the slope."""
    p, x, d, eta = network_of(oracle.load_example(path))
    text, said = example_pages(path)[PAGE], example_prose(path, PAGE)
    before, after = cost(p, x, d), cost(apply(p, updates(p, x, d, eta)), x, d)
    assert six([before, after]) <= numbers_in(text)
    slope = "against the slope of $E(n)$, the direction that lowers it over a short enough step"
    too_long = f"(this one, with $\\eta = {given(eta)}$, is too long: the cost grows, [below](#did-the-cost-go-down))"
    assert slope in said
    if after < before:
        assert f"On this sample the cost fell by a factor of {cost_factor(before, after)}." in said
        assert too_long not in said and "too large for that slope to hold" not in said
    else:
        assert f"it grew by a factor of {cost_factor(before, after)}. The step set off against the slope of " \
               f"$E(n)$, where the cost falls, but with $\\eta = {given(eta)}$ it was too large for that slope to " \
               "hold" in said
        assert f"{slope} {too_long}" in said
    # The note after it holds either way: a small enough eta is enough to lower E(n); it is not required.
    note = said[said.index('??? note "One step is not a promise"'):said.index("## Why every update")]
    assert "lowers the cost of *this* sample" not in note
    assert "whatever the step does, it does to the cost of *this* sample" in note
    assert "only if" not in note and "A gradient step lowers $E(n)$ if $\\eta$ is small enough" in note


# A tanh example with a small cost (a teaching assistant's): E(n) = 0.0001272 and E(n+1) = 0.0000878 print as
# 0.000127 and 0.000088, whose quotient is 1.443, while the cost fell by a factor of 1.4486.
SMALL_COST = {"w_hidden": [[-0.8, 0.4], [0.6, -0.9], [0.05, 0.3]], "b_hidden": [0.2, -0.1, -0.15],
              "w_output": [[-1.2, 0.7, 0.4]], "b_output": [-0.3], "hidden": "tansig", "output": "purelin",
              "x": [-1.5, 0.0], "d": -2.0, "eta": 0.05}


def test_iteration_page_factor_of_a_small_cost_is_the_quotient_of_the_numbers_written(tmp_path):
    """The page said 'the cost fell by a factor of 1.45' under a table of 0.000127 and 0.000088 (quotient 1.443). It now
    writes the quotient, with the costs to as many decimals as it takes for it to give the factor printed (7 here):
    the oracle's costs."""
    it = oracle.iteration(SMALL_COST)
    before, after = it["E"], it["E_next"]
    assert (s6(before), s6(after)) == ("0.000127", "0.000088") and f"{before / after:.2f}" == "1.45"
    assert f"{float(s6(before)) / float(s6(after)):.2f}" == "1.44", "the premise: the table's numbers give 1.44"
    said = prose_with(tmp_path, SMALL_COST, PAGE, skip="regression_data")
    assert ("On this sample the cost fell by a factor of $E(n) / E(n+1) = 0.0001272 / 0.0000878 = 1.45$, the costs "
            "written with 7 decimals (the pages' 6 are too few for their quotient).") in said
    assert cost_factor(before, after) in said


def test_iteration_table_says_approx_exactly_where_its_printed_numbers_do_not_add_up(tmp_path):
    """The table prints each value at n+1 with 6 decimals, and "≈" before it where the printed value at n and the
    printed Δ do not add up to it. It judged the sum against the value as a formula writes it (two significant digits
    below 10^-5: -0.0000086), so a bias 0 moved by -8.6e-6 got "≈ -0.000009" beside 0 and -0.000009 (a code review).
    Each row is added up here from the table's own strings."""
    tiny = dict(SMALL_COST, w_hidden=[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], b_hidden=[0.0, 0.2, 0.3],
                w_output=[[0.7, 0.8, 0.9]], b_output=[0.4], hidden="logsig", x=[1.0, 0.5], d=1.0, eta=0.00005)
    assert 5e-7 < -oracle.iteration(tiny)["db_hidden"][0] < 1e-5  # the premise: b_1(n+1) is below 10^-5, not 0
    for text in (page_text(PAGE), pages_with(tmp_path, tiny, (PAGE,), skip="regression_data")[PAGE]):
        rows = table_rows(text, "rule")
        assert len(rows) == 13
        for row in rows:
            at_n, delta, at_next = row[2:]
            approx = at_next.startswith("$\\approx$ ")
            printed = at_next.removeprefix("$\\approx$ ")
            adds_up = Decimal(at_n) + Decimal(delta) == Decimal(printed)
            assert approx != adds_up, row


# A reviewer's example: tanh hidden neurons, x_1 = 0, and v_2 = 0.3 * 0 + 0.25 * 1.2 - 0.3 = 0, so y_h2 = 0 and rule (1)
# leaves w_42 as it is.
ZERO_HIDDEN_OUTPUT = {"w_hidden": [[0.5, -0.4], [0.3, 0.25], [-0.6, 0.7]], "b_hidden": [0.2, -0.3, 0.1],
                      "w_output": [[0.6, -0.9, 0.4]], "b_output": [0.15], "hidden": "tansig", "output": "purelin",
                      "x": [0.0, 1.2], "d": -0.6, "eta": 0.2}


def test_the_wrong_order_leaves_a_neurons_updates_exactly_where_rule_1_leaves_its_output_weight(tmp_path):
    """Where Δw_4i = 0, the wrong order's updates of hidden neuron i are its right ones, exactly: the page computed
    them in another order of operations and said "Where the difference column prints 0.000000, the difference is below
    its last decimal, at most 2.8e-17 in size, or exactly 0", of a difference that is 0 (a reviewer)."""
    it = oracle.iteration(ZERO_HIDDEN_OUTPUT)
    assert it["y_hidden"][1] == 0 and it["dw_output"][0][1] == 0  # the premise: y_h2 = tanh(0) = 0, so Δw_42 = 0
    text = pages_with(tmp_path, ZERO_HIDDEN_OUTPUT, (PAGE,), skip="regression_data")[PAGE]
    start, end = text.index("the right updates and the wrong ones"), text.index("[Common mistakes](../common-mistakes/")
    section = text[start:end]
    rows = {row[0]: row[1:] for row in table_rows(section, "update")}
    for name in (r"$\Delta w_{22}$", r"$\Delta b_2$"):
        right, wrong, difference = rows[name]
        assert right == wrong and difference == "0.000000", (name, rows[name])
    assert "below its last decimal" not in section


MEASURE = r"relative error \(\[the gradient check's measure\]\(\.\./verification/#the-method\)\)"
WRONG_ORDER_CHECK = re.compile(
    r"\[Common mistakes\]\(\.\./common-mistakes/#1-updating-the-output-weights-first\) shows that (?:"
    rf"this version fails the gradient check: on this example its {MEASURE} is (\S+), against (\S+) for the "
    rf"right order\.|on this example the gradient check does not catch this version: its {MEASURE} is (\S+), "
    r"below the \$10\^\{-4\}\$ that reads as a bug, because the output weights move too little here to shift the "
    r"hidden gradients much\. It is wrong all the same, as the table above shows\.)")


def wrong_order_r(ex: dict) -> float:
    """reference_net's gradient check (plain relative error) of the hidden updates with w_4i(n+1) in rules (3) and
    (4)."""
    p, x, d, eta = network_of(ex)
    right = updates(p, x, d, eta)
    wrong = updates(p, x, d, eta, w_back=apply(p, right)["w_output"])
    hidden = ["w_hidden", "b_hidden"]
    return relative_error(wrong, p, x, d, eta, hidden)


def test_iteration_page_says_whether_the_gradient_check_catches_the_wrong_order(tmp_path):
    """The page said 'Common mistakes shows that this version fails the gradient check' whatever the example; with a
    small eta e (0.005 and 0.015 here, valid) the output weights move so little that the check reads the wrong order's
    hidden gradients below 1e-4, and the common-mistakes page says it does not catch it (a reviewer). Each example now
    gets what reference_net's check reads: the worked example in use (caught: wrong above 1e-4) and that one."""
    base = oracle.shipped()
    small = oracle.with_sample(base, eta=0.005, d=round(oracle.iteration(base)["y"] + 0.015, 6))
    for ex, said in ((oracle.load_example(), prose(PAGE)), (small, prose_with(tmp_path, small, PAGE))):
        r_wrong = wrong_order_r(ex)
        m = WRONG_ORDER_CHECK.search(re.sub(r"\s+", " ", said))
        assert m, said[said.index("Common mistakes"):][:600]
        if r_wrong > 1e-4:
            assert m[1] and float(m[1]) == pytest.approx(r_wrong, rel=0.06) and float(m[2]) < 1e-7
        else:
            assert 1e-7 < r_wrong and m[3] and float(m[3]) == pytest.approx(r_wrong, rel=0.06)
    assert 1e-7 < wrong_order_r(small) < 1e-4 < wrong_order_r(base)  # the premise: one of each


def test_iteration_page_says_the_wrong_order_changes_nothing_where_no_output_weight_moves(tmp_path):
    """tansig with every hidden weight and bias 0 (valid): every y_hi = tanh(0) = 0, so rule (1) moves no output weight
    and the wrong order's updates are the right ones. The page said 'Using w_4i(n+1) ... gives a vector that is not
    the gradient of E(n)' above a table of equal columns (a reviewer); it says where that holds, and that the mistake
    changes nothing here."""
    ex = {**oracle.shipped(), "hidden": "tansig", "w_hidden": [[0.0, 0.0]] * 3, "b_hidden": [0.0] * 3}
    ex.pop("practice", None)
    it = oracle.iteration(ex)
    assert it["y_hidden"] == [0.0] * 3 and it["dw_output"] == [[0.0] * 3]  # the premise, by hand
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, PAGE))
    assert ("Using $w_{4i}(n+1)$ mixes two points: wherever an output weight has moved, it gives a vector that is not "
            "the gradient of $E(n)$.") in said
    assert ("[Common mistakes](../common-mistakes/#1-updating-the-output-weights-first) shows that on this example "
            "this version changes nothing, since no output weight moves: no check can catch it here, and it is wrong "
            "all the same.") in said


def test_a_factor_of_exactly_1_is_written_1(tmp_path):
    """A reviewer's tansig example with y_h1 = 0: w_41 does not move, and its factor read "1.000 for i = 1 (leaves
    Δb_1 as it is)", as if rounded; it is exactly 1, and written so."""
    ex = {**oracle.shipped(), "hidden": "tansig", "w_hidden": [[0.0, 0.0], [0.3, 0.4], [0.5, 0.6]],
          "b_hidden": [0.0, 0.2, 0.3]}
    it = oracle.iteration(ex)
    assert it["y_hidden"][0] == 0.0 and it["dw_output"][0][0] == 0.0 and it["dw_output"][0][1] != 0  # the premise
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, PAGE, skip="regression_data"))
    assert "; 1 for $i = 1$ (leaves them as they are);" in said or ": 1 for $i = 1$ (leaves them as they are);" in said
    assert "1.000 for $i = 1$" not in said


def test_a_factor_two_neurons_share_is_written_once(tmp_path):
    """A tie review: hidden neurons 1 and 2 alike (the same weights, bias and output weight) move their output weights
    by the same factor, which read "1.144 for i = 1 (...); 1.144 for i = 2 (...)"; it is said once, for both."""
    ex = {**oracle.shipped(), "w_hidden": [[0.1, 0.2], [0.1, 0.2], [0.5, 0.6]], "b_hidden": [0.1, 0.1, 0.3],
          "w_output": [[0.7, 0.7, 0.9]]}
    it = oracle.iteration(ex)
    w, dw = ex["w_output"][0], it["dw_output"][0]
    factors = [(w[i] + dw[i]) / w[i] for i in range(3)]  # plain math: w_4i(n+1) / w_4i(n)
    assert factors[0] == factors[1] != factors[2]  # the premise
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, PAGE, skip="regression_data"))
    verb = "enlarges" if factors[0] > 1 else "shrinks"
    assert f"{factors[0]:.3f} for $i = 1, 2$ ({verb} them); {factors[2]:.3f} for $i = 3$" in said
    assert "for $i = 2$ (" not in said


def test_iteration_table_writes_the_values_at_n_as_given():
    """The one-iteration table printed the weights at time n, which the example gives, with 6 decimals (0.700000) where
    every other page writes them as given (0.7); its Δ and its values at n+1 keep 6 decimals. And θ, which the page
    uses from its first rule on, is said to stand for any parameter before it is used."""
    rows = {row[1]: row for row in table_rows(page_text(PAGE), "rule")}
    names = {f"$w_{{4{i + 1}}}$": WORKED["w_output"][0][i] for i in range(3)} | {"$b_4$": WORKED["b_output"][0]}
    names |= {f"$w_{{{i + 1}{k + 1}}}$": WORKED["w_hidden"][i][k] for i in range(3) for k in range(2)}
    names |= {f"$b_{i + 1}$": WORKED["b_hidden"][i] for i in range(3)}
    assert sorted(rows) == sorted(names)
    for name, value in names.items():
        assert rows[name][2] == given(value), (name, rows[name])
    text = prose(PAGE)
    first = text.index("\\theta")
    assert "Write $\\theta$ for any one of the thirteen parameters" in text[first - 10:first + 60]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_iteration_page_shows_the_wrong_order_numbers_and_factors(path):
    """The hidden updates computed with w_4i(n+1) are shown, and the factor of each neuron with its right verb, said
    of the updates it changes: an update that multiplies an input x_k = 0 is 0 in both columns, and the page says so."""
    p, x, d, eta = network_of(oracle.load_example(path))
    text, said = example_pages(path)[PAGE], example_prose(path, PAGE)
    w_next = apply(p, updates(p, x, d, eta))["w_output"]
    wrong = updates(p, x, d, eta, w_back=w_next)
    right = updates(p, x, d, eta)
    names = ("w_hidden", "b_hidden")
    assert six(flat(wrong, names)) <= numbers_in(text)
    assert six(flat(wrong, names)) != six(flat(right, names)), "the mistake shows in the printed digits"
    zero_k = [k for k in range(2) if x[k] == 0]
    texts = factor_texts([nxt / now for now, nxt in zip(p["w_output"][0], w_next[0])])
    for i in range(3):
        now, nxt = p["w_output"][0][i], w_next[0][i]
        factor = nxt / now
        for k in range(2):  # the sentence's claim: wrong = right * factor
            assert wrong["w_hidden"][i][k] == pytest.approx(right["w_hidden"][i][k] * factor, rel=1e-12)
            assert (right["w_hidden"][i][k] == 0 == wrong["w_hidden"][i][k]) == (k in zero_k)
        changed = [f"$\\Delta w_{{{i + 1}{k + 1}}}$" for k in range(2) if k not in zero_k] + [f"$\\Delta b_{i + 1}$"]
        them = and_list(changed) if zero_k else "them"
        grows = "enlarges {}" if abs(factor) > 1 else "shrinks {}"  # in size
        # a reviewer: -3.958 only "turns around"; another: the names twice, "turns Δw_12 and Δb_1 around and enlarges
        # Δw_12 and Δb_1"
        verb = f"turns {them} around and {grows.format('them')}" if factor < 0 else grows.format(them)
        assert f"{texts[i]} for $i = {i + 1}$ ({verb})" in said
    if zero_k:
        zeros = and_list([f"$\\Delta w_{{{i}{k + 1}}}$" for k in zero_k for i in (1, 2, 3)])
        inputs = and_list([f"$x_{k + 1} = 0$" for k in zero_k])
        assert f"{zeros} are $0$ in both columns: they multiply {inputs}, and no factor changes a $0$." in said
    else:
        assert "in both columns" not in said


def test_iteration_page_wrong_order_with_an_output_weight_of_zero(tmp_path):
    """Where w_4i(n) = 0 the factor w_4i(n+1)/w_4i(n) does not exist: the page says the factor holds where
    w_4i(n) != 0, and what neuron i's updates are, as the oracle's wrong order gives them: with logsig, y_hi > 0 moves
    w_4i off 0, so the right updates are 0 and the wrong ones are not; with tansig and v_i = 0, y_hi = 0 leaves w_4i
    at 0, so the wrong updates are 0 too. Two examples made from the package's and the tanh example by zeroing one
    neuron's output weight (and, for tansig, its input weights and bias)."""
    logsig = oracle.load_example(oracle.DEFAULT_FILE)
    logsig["w_output"][0][1] = 0.0
    tansig = oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json")
    tansig["w_hidden"][0], tansig["b_hidden"][0], tansig["w_output"][0][0] = [0.0, 0.0], 0.0, 0.0
    seen = set()
    for ex, i in [(logsig, 1), (tansig, 0)]:
        said = prose_with(tmp_path, ex, PAGE, skip="regression_data")
        it = oracle.iteration(ex)
        wrong = oracle.iteration(ex, back_weights=it["w_output_new"])
        assert it["dw_hidden"][i] == [0.0, 0.0] and it["db_hidden"][i] == 0.0  # the right updates: w_4i(n) = 0
        assert "is its right update times $w_{4i}(n+1)/w_{4i}(n)$ (where $w_{4i}(n) \\ne 0$), the factor" in said
        label = f"w_{{4{i + 1}}}"
        if wrong["dw_hidden"][i] == [0.0, 0.0] and wrong["db_hidden"][i] == 0.0:
            seen.add("all 0")
            assert it["w_output_new"][0][i] == 0.0
            assert f"for $i = {i + 1}$, ${label}(n) = {label}(n+1) = 0$: the right and the wrong updates are all $0$" \
                in said
        else:
            seen.add("wrong not 0")
            assert all(v != 0 for v in [*wrong["dw_hidden"][i], wrong["db_hidden"][i]])
            assert f"for $i = {i + 1}$, ${label}(n) = 0$: the right updates are $0$, the wrong ones are not" in said
    assert seen == {"all 0", "wrong not 0"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_iteration_page_try_it_command_is_the_readers(path):
    """The command works where the reader is: the served package carries the site's example as its own
    backprop/example.json (tests/site/test_package_wheel.py), so no --weights and no path of the build machine. What
    the page shows it printing is the example's iteration."""
    text = example_pages(path)[PAGE]
    section = text[text.index("## Try it"):]
    assert re.findall(r"^```sh\n(.*)\n```$", section, re.M) == ["python -m backprop trace"]
    assert str(path) not in section and str(ROOT) not in section
    it = oracle.iteration(oracle.load_example(path))
    for name, value in oracle.trace_values(it).items():
        assert re.search(rf"^\s*{re.escape(name)}\s+=\s+{re.escape(s6(value))}$", section, re.M), name


def test_iteration_page_online_training_says_what_the_run_uses_and_the_default():
    """The sentence before the run: train's default order (from its signature) and the shuffle the run passes (from
    the page's own calls), neither one read as the other."""
    source = (DOCS / f"{PAGE}.md").read_text(encoding="utf-8")
    calls = [node for block in EXEC.finditer(source) for node in ast.walk(ast.parse(textwrap.dedent(block["body"])))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "train"]
    passed = {ast.literal_eval(kw.value) for call in calls for kw in call.keywords if kw.arg == "shuffle"}
    # the table, the figures, and the note on random starting weights (a symmetric start, and the table's run again
    # to compare): one shuffle
    assert len(calls) == 4 and len(passed) == 1, "the table, the figures and the note: one shuffle"
    (run,) = passed
    default = inspect.signature(train).parameters["shuffle"].default
    said = " ".join(source.split())
    order = {False: "in the order they are given, every epoch", True: "in a new random order each epoch"}
    assert f"By default (`shuffle={default}`) it visits the samples {order[default]}" in said
    assert f"the run below passes `shuffle={run}`, which visits them {order[run]}" in said


def _train_by_hand(p: dict, Xs, Ds, eta: float, epochs: int, seed: int) -> tuple[list[float], dict]:
    """Online training in plain Python, the samples in the order train's shuffle draws them: the epoch means of E, and
    the trained parameters."""
    p = copy.deepcopy(p)
    rng = np.random.default_rng(seed)
    means = []
    for _ in range(epochs):
        order = rng.permutation(len(Xs))  # the same draws as backprop.train(shuffle=True, seed=seed)
        total = 0.0
        for n in order:
            x, d = [float(v) for v in Xs[n]], [float(Ds[n])]
            total += cost(p, x, d)
            p = apply(p, updates(p, x, d, eta))
        means.append(total / len(Xs))
    return means, p


def _mean_cost(p: dict, Xs, Ds) -> float:
    """The mean of E over a data set, in plain Python."""
    return sum(cost(p, [float(v) for v in x], [float(d)]) for x, d in zip(Xs, Ds)) / len(Xs)


def test_training_run_and_what_the_page_says_about_it():
    """An independent re-run of the page's training: the run's settings as the page states them, first and last
    epoch, the test set before and after (a reviewer: η, the epochs and the test set were only in the Source tab, and
    the test set's rows were not checked), how often the mean rose, the minimum."""
    text = prose(PAGE)
    Xs, Ds = examples.regression_data(200, seed=0)
    assert np.allclose(Ds, 0.5 * np.sin(np.pi * Xs[:, 0]) + 0.25 * Xs[:, 1])
    X_test, D_test = examples.regression_data(200, seed=1)
    assert not np.isin(X_test, Xs).any(), "the test set's points are not the training set's"
    start = Network.random(2, 3, 1, seed=1).to_dict()
    means, trained = _train_by_hand(start, Xs, Ds, 0.2, 200, seed=0)
    assert (r"The run: $\eta = 0.2$, 200 epochs over the 200 training points. The **test set** is 200 other points of "
            r"the same task, never trained on") in text
    for row, value in [("first epoch (during training)", means[0]), ("last epoch (during training)", means[-1]),
                       ("test set, before training", _mean_cost(start, X_test, D_test)),
                       ("test set, after training", _mean_cost(trained, X_test, D_test))]:
        assert f"| {row} | {s6(value)} |" in page_text(PAGE), row
    assert means[-1] < means[0] / 10, "the run learns"
    rises = sum(b > a for a, b in itertools.pairwise(means))
    assert 0 < rises < len(means) - 1, "the run is not monotone, which is what the page explains"
    assert f"it rose from one epoch to the next {rises} times out of {len(means) - 1}" in text
    best = min(range(len(means)), key=means.__getitem__)
    assert f"Its lowest value, {s6(means[best])}, came in epoch {best + 1}." in text
    # the loss curve's text alternative says where it falls fastest (a reviewer: it said only "falls ... with ups and
    # downs", of a curve that stays high, then drops): the ten epochs with the largest fall in log10
    w = len(means) // 20  # a twentieth of the run, as the page says of its window
    drop = {k: math.log10(means[k]) - math.log10(means[k + w]) for k in range(len(means) - w)}
    k = max(drop, key=drop.get)
    assert (f"most steeply from epoch {k + 1} to epoch {k + 1 + w} ({means[k]:.4f} to {means[k + w]:.4f}), with ups "
            "and downs along the way.") in page_text(PAGE)
    assert "average** cost goes down" not in text and "What training promises" not in text


# ---------------------------------------------------------------------------------------------
# One iteration: the backward pass in five lines, its matrix form, and why backpropagation is cheap
# ---------------------------------------------------------------------------------------------

RECIPE = [  # the five lines as the page writes them, each checked below against the oracle
    r"$e = d - y$",
    r"$\delta_4 = e\, f'(v_4)$",
    r"$\delta_i = f'(v_i)\, w_{4i}\, \delta_4$",
    r"$\Delta w_{4i} = \eta\, \delta_4\, y_{hi}$ and $\Delta b_4 = \eta\, \delta_4$",
    r"$\Delta w_{ik} = \eta\, \delta_i\, x_k$ and $\Delta b_i = \eta\, \delta_i$",
]
MATRIX_FORM = [  # the matrix form as the page writes it: matrix_form() of test_notation.py computes exactly these lines
    r"\delta^{(2)} &= e \odot f'\big(v^{(2)}\big)",
    r"\delta^{(1)} &= f'\big(v^{(1)}\big) \odot \big(W^{(2)\top} \delta^{(2)}\big)",
    r"\Delta W^{(2)} &= \eta\, \delta^{(2)} y_h^\top, \quad \Delta b^{(2)} = \eta\, \delta^{(2)}",
    r"\Delta W^{(1)} &= \eta\, \delta^{(1)} x^\top, \quad \Delta b^{(1)} = \eta\, \delta^{(1)}",
]


def test_iteration_page_shows_the_recipe_and_its_matrix_form():
    source = (DOCS / "iteration-and-training.md").read_text(encoding="utf-8")
    for n, line in enumerate(RECIPE, start=1):
        assert re.search(rf"^{n}\. .*{re.escape(line)}", source, re.M), f"recipe line {n}: {line}"
    for line in MATRIX_FORM:
        assert line in source, line
    assert "(notation.md#index-form-and-matrix-form)" in source


@pytest.mark.parametrize("path", oracle.all_example_files(), ids=lambda p: p.stem)
def test_the_recipe_gives_the_rules(path):
    """The five lines, written here in plain math, give every Δ of the oracle's iteration (each example file)."""
    ex = oracle.load_example(path)
    it = oracle.iteration(ex)
    df_h, df_o = F[ex.get("hidden", "logsig")][1], F[ex.get("output", "purelin")][1]
    x, y_h, eta = it["x"], it["y_hidden"], it["eta"]
    e = it["d"] - it["y"]  # line 1
    delta_4 = e * df_o(it["y"])  # line 2
    delta = [df_h(y_h[i]) * ex["w_output"][0][i] * delta_4 for i in range(3)]  # line 3
    assert [eta * delta_4 * y for y in y_h] == pytest.approx(it["dw_output"][0], abs=1e-15)  # line 4
    assert eta * delta_4 == pytest.approx(it["db_output"][0], abs=1e-15)
    assert [[eta * delta[i] * xk for xk in x] for i in range(3)] == [pytest.approx(r, abs=1e-15)
                                                                     for r in it["dw_hidden"]]  # line 5
    assert [eta * dl for dl in delta] == pytest.approx(it["db_hidden"], abs=1e-15)
    # ... and against the slope of the cost itself, by central differences
    net = {k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output")}
    net |= {"hidden": ex.get("hidden", "logsig"), "output": ex.get("output", "purelin")}
    fd = finite_differences(net, x, [it["d"]])
    assert [-eta * g for g in fd["b_hidden"]] == pytest.approx([eta * dl for dl in delta], abs=1e-7)


def test_iteration_page_shows_the_recipes_numbers():
    it = oracle.iteration(EX)
    d4, dh = it["delta_output"][0], it["delta_hidden"]
    shown = (f"In the worked example: $e = {s6(it['e'])}$, $\\delta_4 = {s6(d4)}$, and "
             f"$(\\delta_1, \\delta_2, \\delta_3) = ({', '.join(s6(v) for v in dh)})$")
    assert shown in prose("iteration-and-training")


def test_five_lines_name_the_table_they_give():
    """The five lines' numbers, times eta and what each parameter multiplies (y_hi for an output weight, not the
    inputs), give the Δ column of the one-iteration table: the sentence says so and links to that table's section."""
    from markdown.extensions.toc import slugify

    said = prose(PAGE)
    assert "and the inputs, they give the table above" not in said
    heading = "One iteration on the worked example"
    assert f"\n## {heading}\n" in (DOCS / f"{PAGE}.md").read_text(encoding="utf-8")
    y_h = oracle.iteration(EX)["y_hidden"]  # the factors of the output weights' steps, printed in the sentence
    assert f"Times $\\eta = {given(ETA)}$ and what each parameter multiplies ($y_{{hi}}$ for $w_{{4i}}$, from the " \
           f"forward pass: $(y_{{h1}}, y_{{h2}}, y_{{h3}}) = ({', '.join(s6(v) for v in y_h)})$; $x_k$ for " \
           f"$w_{{ik}}$; $1$ for a bias), they give the $\\Delta$ column of the table in [one iteration on the " \
           f"worked example](#{slugify(heading, '-')})" in said
    text = page_text(PAGE)
    section = text[text.index(f"## {heading}"):text.index("### Did the cost go down")]
    assert "| rule | parameter | value at $n$ | $\\Delta$ | value at $n+1$ |" in section


def test_counting_by_hand_on_the_slides_network():
    """2-3-1: forward 6 + 3 products; δ 1 + 3 + 3; η δ 4; η δ input 3 + 6: 29. Differences: 13 x 2 x (9 + 1) = 260."""
    assert count_multiplications(2, 3, 1) == (29, 260)


def test_iteration_page_counts_the_multiplications():
    (block,) = [s for s in pages_blocks("iteration-and-training") if "def multiplications" in s.code]
    namespace: dict = {"__name__": "page"}
    exec(compile(block.code.split("\nrows, ratios")[0], block.where, "exec"), namespace)
    for shape in [(2, 3, 1), (3, 4, 2), (1, 5, 3), (4, 2, 1)]:
        backprop, differences, _, params = namespace["multiplications"](*shape)
        assert (backprop, differences) == count_multiplications(*shape), shape
    rows = table_rows(page_text("iteration-and-training"), "network")
    assert [r[0] for r in rows] == ["2-3-1", "784-100-10"]
    for row in rows:
        shape = tuple(int(n) for n in row[0].split("-"))
        backprop, differences, _, params = namespace["multiplications"](*shape)
        assert row[1:] == [f"{params:,}", f"{backprop:,}", f"{differences:,}", f"{differences / backprop:,.0f}"]


def pages_blocks(page: str):
    from tests.support import snippets

    return snippets.collect(DOCS / f"{page}.md")


# ---------------------------------------------------------------------------------------------
# Every equation the page shows, tied to the page text: display equations (the page's displays are exactly the
# listed ones) and inline statements of fact, checked with sympy (derivatives of a symbolic network) or the oracle.
# ---------------------------------------------------------------------------------------------

# The four rules as the page's display writes them (logsig hidden, linear output): row TeX, then what the row says
# Delta theta(n) = theta(n+1) - theta(n) is, from the symbolic network; checked against -eta dE/dtheta.
FOUR_RULES = [
    (r"w_{4i}(n+1) &= w_{4i}(n) + \eta\, e(n)\, y_{hi}(n) && \text{rule (1)}",
     lambda n, i, k: ((4, i), ETA_S * n.e[4] * n.y_h[i])),
    (r"b_4(n+1) &= b_4(n) + \eta\, e(n) && \text{rule (2)}", lambda n, i, k: (4, ETA_S * n.e[4])),
    (r"w_{ik}(n+1) &= w_{ik}(n) + \eta\, e(n)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n) && "
     r"\text{rule (3)}",
     lambda n, i, k: ((i, k), ETA_S * n.e[4] * n.w[4, i] * n.f(n.v[i]) * (1 - n.f(n.v[i])) * n.x[k])),
    (r"b_i(n+1) &= b_i(n) + \eta\, e(n)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big) && \text{rule (4)}",
     lambda n, i, k: (i, ETA_S * n.e[4] * n.w[4, i] * n.f(n.v[i]) * (1 - n.f(n.v[i])))),
]
ITERATION_FACTS = [  # inline facts the rules above rest on
    r"Every rule is $\Delta\theta(n) = -\eta\,\partial E(n)/\partial\theta(n)$, with "
    r"$\theta(n+1) = \theta(n) + \Delta\theta(n)$, for the one cost "
    r"$E(n) = \tfrac12 e(n)^2$, $e(n) = d(n) - y(n)$. With the slides' linear output ($f'(v_4) = 1$) and their "
    r"logsig hidden layer ($f'(v_i) = f(v_i)\big(1 - f(v_i)\big)$)",
]


# The first-order picture of one step (a TA: the pages said a short step lowers E without saying why).
FIRST_ORDER = (r"E(n+1) \approx E(n) + \sum_\theta \frac{\partial E(n)}{\partial \theta}\, \Delta\theta "
               r"= E(n) - \eta \sum_\theta \Big(\frac{\partial E(n)}{\partial \theta}\Big)^2")


def test_iteration_page_shows_exactly_the_checked_display_equations():
    rules = r"\begin{aligned} " + r"\\ ".join(norm_tex(tex) for tex, _ in FOUR_RULES) + r" \end{aligned}"
    displays = markdown_displays(PAGE)
    assert [norm_tex(d) for d in displays[:1]] == [norm_tex(rules)]
    assert len(displays) == 4 and norm_tex(displays[1]) == norm_tex(FIRST_ORDER)
    assert all(norm_tex(line) in displays[2] for line in MATRIX_FORM)
    assert norm_tex(displays[3]) == norm_tex(BATCH)
    assert markdown_says(PAGE, ITERATION_FACTS[0])


def _costs(eta: float) -> tuple[float, float]:
    """The oracle's E(n), and its E(n+1) after the step with ``eta``."""
    it = oracle.iteration(oracle.with_sample(EX, eta=eta))
    return it["E"], it["E_next"]


@pytest.mark.slow  # two training runs in plain Python, about 2 s
def test_a_symmetric_start_stays_symmetric_and_ends_higher():
    """A TA: the page used random starting weights without saying why. Its symmetric start (every hidden neuron
    alike, every output weight alike), trained as the page trains it in plain Python: the neurons stay alike to the
    last bit, and the page's numbers are the plain-Python run's, against the random start's last epoch."""
    Xs, Ds = examples.regression_data(200, seed=0)
    alike = {"w_hidden": [[0.3, -0.2]] * 3, "b_hidden": [0.1] * 3, "w_output": [[0.5, 0.5, 0.5]], "b_output": [0.0],
             "hidden": "logsig", "output": "purelin"}
    means, trained = _train_by_hand(alike, Xs, Ds, 0.2, 200, seed=0)
    assert all(row == trained["w_hidden"][0] for row in trained["w_hidden"])
    assert len(set(trained["b_hidden"])) == 1 and len(set(trained["w_output"][0])) == 1
    random_means, _ = _train_by_hand(Network.random(2, 3, 1, seed=1).to_dict(), Xs, Ds, 0.2, 200, seed=0)
    assert means[-1] > random_means[-1], "the premise: the symmetric start learns less"
    w1, w2 = trained["w_hidden"][0]
    assert (f"After 200 epochs the three rows of `w_hidden` are still equal, $({s6(w1)}, {s6(w2)})$, and so are the "
            f"biases and the output weights. The last epoch's mean cost is {s6(means[-1])}, against "
            f"{s6(random_means[-1])} from the random start above.") in prose(PAGE)


# Online or batch (a TA: the page trained online without saying what else there is)
BATCH = (r"\Delta\theta = \frac{1}{N} \sum_{s=1}^{N} \Delta\theta_s "
         r"= -\eta\, \frac{\partial}{\partial \theta} \Big(\frac{1}{N} \sum_{s=1}^{N} E_s\Big),")


def _batch_updates(p: dict, Xs, Ds, eta: float) -> dict:
    """The batch step in plain Python: the mean of every sample's four updates, all at the weights ``p``."""
    each = [updates(p, [float(v) for v in x], [float(d)], eta) for x, d in zip(Xs, Ds)]
    return {name: np.mean([u[name] for u in each], axis=0).tolist() for name in ("w_output", "b_output", "w_hidden",
                                                                              "b_hidden")}


def test_the_batch_step_is_minus_eta_times_the_gradient_of_the_mean_cost():
    """The note's display: the mean of the rules' updates over N samples is -η times the slope of the mean cost,
    taken by central differences of the plain-Python mean cost itself (not sample by sample)."""
    Xs, Ds = examples.regression_data(5, seed=3)
    p, eta, h = Network.random(2, 3, 1, seed=1).to_dict(), 0.2, 1e-6
    stepped = flat(_batch_updates(p, Xs, Ds, eta))
    slopes = []
    for name in ("w_output", "b_output", "w_hidden", "b_hidden"):  # reference_net.flat's order
        for index in np.ndindex(np.shape(p[name])):
            moved = []
            for sign in (1, -1):
                q = copy.deepcopy(p)
                row = q[name] if len(index) == 1 else q[name][index[0]]
                row[index[-1]] += sign * h
                moved.append(_mean_cost(q, Xs, Ds))
            slopes.append((moved[0] - moved[1]) / (2 * h))
    assert stepped == pytest.approx([-eta * g for g in slopes], rel=1e-6, abs=1e-10)
    one = flat(updates(p, [float(v) for v in Xs[0]], [float(Ds[0])], eta))
    assert stepped != pytest.approx(one, rel=1e-3), "the premise: the mean is not one sample's update"


def test_the_online_or_batch_note_is_a_plain_python_rerun():
    """The table and the sentence under it: ten epochs online (one step per sample, in the order given) and ten batch
    steps, from the run's random start, in plain Python; which is ahead and whether every batch step lowered the mean
    cost, from those numbers."""
    Xs, Ds = examples.regression_data(200, seed=0)
    start = Network.random(2, 3, 1, seed=1).to_dict()
    online, batch = start, start
    online_costs, batch_costs = [_mean_cost(start, Xs, Ds)], [_mean_cost(start, Xs, Ds)]
    for _ in range(10):
        for x, d in zip(Xs, Ds):
            online = apply(online, updates(online, [float(v) for v in x], [float(d)], 0.2))
        batch = apply(batch, _batch_updates(batch, Xs, Ds, 0.2))
        online_costs.append(_mean_cost(online, Xs, Ds))
        batch_costs.append(_mean_cost(batch, Xs, Ds))
    text = page_text(PAGE)
    for row, at in [("at the start", 0), ("after 1 epoch", 1), ("after 10 epochs", 10)]:
        assert f"| {row} | {s6(online_costs[at])} | {s6(batch_costs[at])} |" in text, row
    ahead = "online training is ahead" if online_costs[-1] < batch_costs[-1] else "batch training is ahead"
    falls = all(b < a for a, b in itertools.pairwise(batch_costs))
    assert (f"After 10 epochs {ahead}: online took 2,000 steps, each along one sample's gradient; batch took 10, each "
            f"along the gradient of the mean cost itself{', and each of them lowered it' if falls else ''}.") in text
    assert online_costs[-1] != batch_costs[-1]


def test_a_batch_as_large_as_the_data_set_is_sklearns_batch_step():
    """The note says a scikit-learn MLPRegressor without momentum and weight penalty, with a batch as large as the
    data set, takes the batch step (its batch_size=1, online training, is test_reference_sklearn's, with the same
    settings; a TA: the note had left them out): one partial_fit on 200 samples, against plain Python."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor

    assert ("`MLPRegressor` steps along the mean over `batch_size` samples; set up as this network "
            "(`hidden_layer_sizes=(3,), activation=\"logistic\", solver=\"sgd\", momentum=0, alpha=0, shuffle=False`, "
            "with $\\eta$ its `learning_rate_init`; its defaults add momentum, a share of the previous step added to "
            "each step, and a weight penalty, `alpha`, which pulls every weight toward 0), `batch_size=1` is "
            "online training as here, and a batch as large as the data set is the step above") in prose(PAGE)
    defaults = MLPRegressor()
    assert defaults.momentum > 0 and defaults.alpha > 0, "the page's reason for momentum=0, alpha=0"
    Xs, Ds = examples.regression_data(200, seed=0)
    net = Network.random(2, 3, 1, seed=1)
    mlp = MLPRegressor(hidden_layer_sizes=(3,), activation="logistic", solver="sgd", batch_size=len(Xs),
                       momentum=0.0, alpha=0.0, learning_rate_init=0.2, shuffle=False, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.partial_fit(np.zeros((len(Xs), 2)), np.zeros(len(Xs)))  # sizes the layers; the weights are replaced next
        mlp.coefs_ = [net.w_hidden.T.copy(), net.w_output.T.copy()]
        mlp.intercepts_ = [net.b_hidden.copy(), net.b_output.copy()]
        mlp.partial_fit(Xs, Ds)
    want = apply(net.to_dict(), _batch_updates(net.to_dict(), Xs, Ds, 0.2))
    got = {"w_hidden": mlp.coefs_[0].T, "b_hidden": mlp.intercepts_[0], "w_output": mlp.coefs_[1].T,
           "b_output": mlp.intercepts_[1]}
    for name, value in got.items():
        np.testing.assert_allclose(value, want[name], rtol=0, atol=1e-12, err_msg=name)
    assert not np.allclose(got["w_output"], net.w_output, atol=1e-6), "the premise: a real step"

def written(value: float) -> str:
    """A number of the first-order table as the page writes it: six decimals, two significant digits below 10^-5 (in
    math), and from 10^9 on, where six decimals are more digits than a double holds, seven significant ones."""
    if abs(value) >= 1e9:
        mantissa, exponent = f"{value:.6e}".split("e")
        return f"${mantissa} \\times 10^{{{int(exponent)}}}$"
    text = oracle.formula_string(value)
    return text if text == s6(value) else f"${text}$"


def first_order_table_is_the_oracles() -> bool:
    test_first_order_picture_of_a_step_holds_and_its_table_is_the_oracles()
    return True


def test_first_order_picture_of_a_step_holds_and_its_table_is_the_oracles():
    """The display: the sum of slope times step is -η Σ (∂E/∂θ)² (the oracle's updates against central differences of
    its cost), and it is the first-order change of E (the oracle's E(n+1) - E(n) over η tends to -Σ (∂E/∂θ)² as η
    shrinks); the table's predicted falls, falls and their ratios for η, η/10, η/100, from the oracle."""
    slopes = flat(finite_differences(WORKED, X, D))
    steps = flat(updates(WORKED, X, D, ETA))
    assert sum(g * dt for g, dt in zip(slopes, steps)) == pytest.approx(-ETA * sum(g * g for g in slopes), rel=1e-7)
    squares = sum((dt / ETA) ** 2 for dt in steps)  # the oracle's slopes, from its rules: the table's last digits
    tiny = ETA * 1e-10  # short enough for a code review's example, whose fall needs η/10^7 to come within 1 %
    E_n, E_next = _costs(tiny)
    assert (E_next - E_n) / tiny == pytest.approx(-squares, rel=1e-3)
    rows = table_rows(page_text(PAGE), "step")
    assert ("steps ten times shorter each, down to the first (from $\\eta / 100$ on) whose fall is within 1 % of the "
            "prediction") in prose(PAGE)
    want = []  # η, η/10, η/10^2, ... from η/100 on until fall / predicted is within 1 % of 1
    for k in range(13):
        eta = ETA / 10**k
        E_n, E_next = _costs(eta)
        predicted, fall = eta * squares, E_n - E_next
        cell = [written(x) for x in (predicted, fall)]
        name = "$\\eta$" if k == 0 else "$\\eta / 10$" if k == 1 else f"$\\eta / 10^{{{k}}}$"
        want.append([name, *cell, s6(fall / predicted)])
        if k >= 2 and abs(fall / predicted - 1) < 0.01:
            break
    if len(want) > 5:  # a code review's example needed η/10^7: the rows between the first two and the last two go
        assert f"The row … stands for the {len(want) - 4} steps between, left out." in prose(PAGE)
        want = [*want[:2], ["…"] * 4, *want[-2:]]
    assert rows == want
    # a TA: the first order's prediction can exceed the whole cost; the page says so where it does, with its numbers
    E_n, _ = _costs(ETA)
    said = (f"With $\\eta$ itself the prediction, {written(ETA * squares)}, is more than the whole cost "
            f"$E(n) = {s6(E_n)}$: a cost cannot fall below 0")
    assert (said in prose(PAGE)) == (ETA * squares > E_n), said
    assert not math.isclose(sum(g * dt for g, dt in zip(slopes, steps)), ETA * squares)  # the check can fail: sign


def test_iteration_page_four_rules_are_gradient_steps():
    """Each row's Delta theta is -eta dE/dtheta of E = e^2 / 2 with e = d - y, the symbolic network's derivative."""
    net = SymbolicNet()
    for _, rule in FOUR_RULES:
        for i, k in itertools.product((1, 2, 3), (1, 2)):
            key, delta = rule(net, i, k)
            param = net.w[key] if isinstance(key, tuple) else net.b[key]
            assert net.at(delta.xreplace({ETA_S: 1})) == pytest.approx(-net.slope(param), rel=1e-12)
    # the check can fail: the rule with its sign flipped, -eta e y_h1, is not the slope's step (by value: sympy's !=
    # compares the expressions' form, which an equal value in another form would pass)
    rule_1 = net.at(FOUR_RULES[0][1](net, 1, 1)[1].xreplace({ETA_S: 1}))
    assert rule_1 != pytest.approx(net.at(-net.e[4] * net.y_h[1]), rel=1e-6) and rule_1 != 0
    assert net.at(net.e[4] * net.y_h[1]) != pytest.approx(-net.slope(net.w[4, 1]) * -1, rel=1e-6)
    # the facts: f'(v_4) = 1 for the linear output, f'(v_i) = f(v_i)(1 - f(v_i)) for logsig
    t = sp.Symbol("t")
    assert sp.diff(t, t) == 1 and sp.simplify(sp.diff(net.f(t), t) - net.f(t) * (1 - net.f(t))) == 0


def test_iteration_page_training_target_and_initial_range():
    """The task 'd = sin(pi x_1)/2 + x_2/4' is the data the run uses; Network.random draws from [-1/sqrt(fan-in),
    1/sqrt(fan-in)]."""
    assert markdown_says(PAGE, r"learn $d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2$ from 200 points drawn uniformly in "
                               r"$[-1, 1]^2$")
    assert markdown_says(PAGE, r"$[-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}}]$")
    Xs, Ds = examples.regression_data(200, seed=0)
    assert np.all(np.abs(Xs) <= 1)
    np.testing.assert_allclose(Ds, [0.5 * math.sin(math.pi * x1) + 0.25 * x2 for x1, x2 in Xs], rtol=1e-12)
    for seed in range(5):
        net = Network.random(2, 3, 1, seed=seed)
        assert np.all(np.abs(net.w_hidden) <= 1 / math.sqrt(2)) and np.all(np.abs(net.w_output) <= 1 / math.sqrt(3))



def test_iteration_page_names_the_parameters_that_stay(tmp_path):
    """A reviewer's tanh example with v_2 = -0.5 * 0.6 + (-1.0) * (-0.3) + 0 = 0, so y_h2 = 0 and Δw_42 = 0: the page
    said "the other one has slope 0 there and stays" without naming it. It names it, from the oracle."""
    ex = {"w_hidden": [[0.5, 1.0], [-0.5, -1.0], [0.4, 0.2]], "b_hidden": [0.000001, 0.0, 0.1],
          "w_output": [[0.6, -0.7, 0.5]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
          "x": [0.6, -0.3], "d": 0.9, "eta": 0.4}
    it = oracle.iteration(ex)
    assert [dw == 0 for dw in it["dw_output"][0]] == [False, True, False], "the premise: only Δw_42 is 0"
    text = prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **ex}, PAGE)
    assert "; the other one, $w_{42}$, has slope 0 there and stays" in text


# ---------------------------------------------------------------------------------------------
# The page's inline expressions: formulas with no relation of their own that a sentence says something of, in the
# Markdown (pages.markdown_inline_expressions) and in what the exec blocks print ("a hidden weight $w_{ik}$ moves with
# the sign of $e(n)\, w_{4i}(n)\, x_k(n)$": an audit made it $y_{hi}(n)$ and no test noticed). Each is listed in page
# order, as typed, with a check of what its sentence says: sympy on the slides' network (SymbolicNet), or the
# reference network and the oracle in plain math.
# ---------------------------------------------------------------------------------------------

SYM = SymbolicNet()
T_REAL = sp.Symbol("t", real=True)


def apart(gap: sp.Expr) -> bool:
    """``gap`` is clearly not 0 at SymbolicNet's random point (η and w_4i(n+1) given values too): a quick "no"."""
    return abs(SYM.at(gap.xreplace({ETA_S: sp.Float(0.37), W_NEXT: sp.Float(0.81)}))) > 1e-12


def same(a: sp.Expr, b: sp.Expr) -> bool:
    return identical(a, b, differs=apart)


def sym_step(param: sp.Symbol) -> sp.Expr:
    """Δθ = -η ∂E/∂θ on the slides' network (logsig hidden, linear output)."""
    return -ETA_S * sp.diff(SYM.E, param)


def logsig_slope() -> bool:
    """f'(v) = f(v)(1 - f(v)) for the logsig, and it is positive."""
    f = SYM.f(T_REAL)
    return identical(sp.diff(f, T_REAL), f * (1 - f)) and bool(sp.diff(f, T_REAL).is_positive)


def moves_with_the_sign_of(param, sign_of, times) -> callable:
    """Δθ = η ``times`` ``sign_of`` for each θ, with ``times`` positive (η, or η f'(v_i) of the logsig): θ moves with
    the sign of ``sign_of``."""
    def check() -> bool:
        return logsig_slope() and all(same(sym_step(param(SYM, i, k)), ETA_S * times(SYM, i) * sign_of(SYM, i, k))
                                      for i in (1, 2, 3) for k in (1, 2))
    return check


def f_prime(n, i):
    return n.f(n.v[i]) * (1 - n.f(n.v[i]))


def step_is_theta_plus_delta() -> bool:
    """backprop.step is exactly θ(n) + Δθ(n) of the four rule functions, and that is the reference network's rules
    (plain math): the network at time n+1."""
    from backprop import delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output, forward, step

    new, fp = step(examples.NET, examples.X, examples.D, examples.ETA), forward(examples.NET, examples.X)
    rules = {"w_output": delta_w_output, "b_output": delta_b_output, "w_hidden": delta_w_hidden,
             "b_hidden": delta_b_hidden}
    exact = all(np.array_equal(getattr(new, name), getattr(examples.NET, name) + rule(fp, examples.D, examples.ETA))
                for name, rule in rules.items())
    reference = flat(apply(WORKED, updates(WORKED, X, D, ETA)))
    package = [v for name in ("w_output", "b_output", "w_hidden", "b_hidden") for v in getattr(new, name).ravel()]
    return exact and package == pytest.approx(reference, rel=1e-12, abs=1e-15)


def wrong_order_is_not_the_gradient() -> bool:
    """The hidden updates with w_4i(n+1) are not -η times the gradient of E(n) (central differences of the plain-math
    cost), while those with w_4i(n) are."""
    right = updates(WORKED, X, D, ETA)
    wrong = updates(WORKED, X, D, ETA, w_back=apply(WORKED, right)["w_output"])
    hidden = ("w_hidden", "b_hidden")
    return relative_error(right, WORKED, X, D, ETA, hidden) < 1e-6 < 1e-4 < relative_error(wrong, WORKED, X, D, ETA,
                                                                                         hidden)


def central_differences_are_the_slopes() -> bool:
    """Nudging one parameter by ±h and running the forward pass again gives each slope ∂E/∂θ = -Δθ/η."""
    return relative_error(updates(WORKED, X, D, ETA), WORKED, X, D, ETA) < 1e-6


def each_update_times_what_it_multiplies() -> bool:
    """∂v/∂θ is what θ multiplies: 1 for a bias, x_k for w_ik, y_hi for w_4i; so Δb = η δ · 1."""
    n = SYM
    return all(sp.diff(n.v[i], n.b[i]) == 1 and sp.diff(n.v[i], n.w[i, k]) == n.x[k]
               and sp.diff(n.v[4], n.w[4, i]) == n.y_h[i] for i in (1, 2, 3) for k in (1, 2)) \
        and sp.diff(n.v[4], n.b[4]) == 1


def transpose_sends_back() -> bool:
    """With two outputs (the oracle, plain sums over j): the forward pass is W^(2) y_h + b, and the hidden local
    gradients are f'(v_i) times W^(2)ᵀ δ^(2), which adds what every output sends back."""
    ex = {**EX, "w_output": [[0.3, -0.8, 0.5], [-0.6, 0.4, 0.9]], "b_output": [0.1, -0.2], "d": [0.4, -0.3]}
    it = oracle.iteration(ex)
    w2 = np.array(ex["w_output"])
    forward_ok = np.allclose(it["v_output"], w2 @ np.array(it["y_hidden"]) + ex["b_output"], rtol=1e-13)
    back = np.array(it["fp_hidden"]) * (w2.T @ np.array(it["delta_output"]))
    one_output_only = np.array(it["fp_hidden"]) * w2[0] * it["delta_output"][0]
    return forward_ok and np.allclose(it["delta_hidden"], back, rtol=1e-13) \
        and not np.allclose(it["delta_hidden"], one_output_only)


def training_points_in_the_square() -> bool:
    Xs, _ = examples.regression_data(200, seed=0)
    return Xs.shape == (200, 2) and bool(np.all(np.abs(Xs) <= 1)) and bool(np.all(Xs.min(0) < -0.9)) \
        and bool(np.all(Xs.max(0) > 0.9))


def random_weights_within_fan_in() -> bool:
    """Network.random draws each weight from [-1/√fan-in, 1/√fan-in]: 2 inputs into a hidden neuron, 3 into the
    output; over many seeds the draws come near both ends."""
    nets = [Network.random(2, 3, 1, seed=seed) for seed in range(40)]
    ends = []
    for name, fan_in in (("w_hidden", 2), ("w_output", 3)):
        values = np.concatenate([getattr(net, name).ravel() for net in nets])
        bound = 1 / math.sqrt(fan_in)
        ends.append(np.all(np.abs(values) <= bound) and np.max(np.abs(values)) > 0.9 * bound)
    return all(ends)


def one_period_on_the_interval() -> bool:
    """sin(π x_1) has period 2, the length of [-1, 1], and the training inputs x_1 fill it."""
    x = sp.Symbol("x", real=True)
    return sp.periodicity(sp.sin(sp.pi * x), x) == 2 == 1 - (-1) and training_points_in_the_square()


def zero_output_weight_zero_hidden_updates() -> bool:
    """With w_4i = 0 (at time n, or at time n+1 used in the wrong order) every update of hidden neuron i is 0."""
    n = SYM
    return all(sym_step(theta).subs(n.w[4, i], 0) == 0 for i in (1, 2, 3)
               for theta in (n.w[i, 1], n.w[i, 2], n.b[i]))


W_NEXT = sp.Symbol("W")  # w_4i(n+1), used in the wrong order


def wrong_update(i: int, times: sp.Expr) -> sp.Expr:
    """Rules (3)-(4) with w_4i(n+1) for w_4i(n): η e W f'(v_i) ``times``."""
    return ETA_S * SYM.e[4] * W_NEXT * f_prime(SYM, i) * times


def wrong_is_right_times_the_factor() -> bool:
    """Each wrong update is the right one times w_4i(n+1)/w_4i(n)."""
    n = SYM
    return all(same(wrong_update(i, times), sym_step(theta) * W_NEXT / n.w[4, i])
               for i in (1, 2, 3) for theta, times in ((n.w[i, 1], n.x[1]), (n.w[i, 2], n.x[2]), (n.b[i], 1)))


def factor_is_one_plus_the_step_over_the_weight() -> bool:
    """A factor too near 1 to print is written 1 + or - |change|, change = Δw_4i / w_4i(n) (the block's): the factor
    w_4i(n+1)/w_4i(n) is 1 + Δw_4i/w_4i(n)."""
    n = SYM
    return all(same((n.w[4, i] + sym_step(n.w[4, i])) / n.w[4, i], 1 + sym_step(n.w[4, i]) / n.w[4, i])
               for i in (1, 2, 3))


def zero_input_zero_in_both_columns() -> bool:
    """A weight on an input x_k = 0 has a right and a wrong update of 0."""
    n = SYM
    return all(sym_step(n.w[i, k]).subs(n.x[k], 0) == 0 and wrong_update(i, n.x[k]).subs(n.x[k], 0) == 0
               for i in (1, 2, 3) for k in (1, 2))


WRONG_ORDER = wrong_order_is_not_the_gradient

ITERATION_EXPRESSIONS = [
    (r"\theta(n) + \Delta\theta(n)", step_is_theta_plus_delta),  # "its result is exactly $\theta(n) + ...$"
    (r"w_{4i}(n+1)", WRONG_ORDER),  # "computes the hidden updates with the new values $w_{4i}(n+1)$. That is wrong"
    (r"w_{4i}(n+1)", WRONG_ORDER),  # "Using $w_{4i}(n+1)$ ... gives a vector that is not the gradient of $E(n)$"
    (r"1", each_update_times_what_it_multiplies),  # "times what the parameter multiplies ($1$ for a bias)"
    (r"W^{(2)\top} \delta^{(2)}", transpose_sends_back),  # "is the step back ... adds up what every output sends back"
    (r"\partial E / \partial \theta", central_differences_are_the_slopes),  # "finds each slope ... by nudging one"
    (r"[-1, 1]^2", training_points_in_the_square),  # "200 points drawn uniformly in $[-1, 1]^2$"
    (r"[-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}}]", random_weights_within_fan_in),  # "each drawn from"
    (r"[-1, 1]", one_period_on_the_interval),  # "enough for one period of a sine on $[-1, 1]$"
]

ITERATION_BLOCK_EXPRESSIONS = [
    (r"f(v_i)\big(1 - f(v_i)\big)", logsig_slope),  # "the factor $f(v_i)(1 - f(v_i))$ becomes $f'(v_i) = ...$"
    (r"n+1", step_is_theta_plus_delta),  # the table's "value at $n+1$": θ(n) + Δθ(n)
    (r"n+1", step_is_theta_plus_delta),  # "their value at $n+1$ as at $n$"
    # "An output weight $w_{4i}$ moves with the sign of $e(n)\, y_{hi}(n)$"
    (r"e(n)\, y_{hi}(n)", moves_with_the_sign_of(lambda n, i, k: n.w[4, i], lambda n, i, k: n.e[4] * n.y_h[i],
                                                 lambda n, i: 1)),
    # "Because $f'(v_i) > 0$, a hidden weight $w_{ik}$ moves with the sign of $e(n)\, w_{4i}(n)\, x_k(n)$
    (r"e(n)\, w_{4i}(n)\, x_k(n)", moves_with_the_sign_of(lambda n, i, k: n.w[i, k],
                                                          lambda n, i, k: n.e[4] * n.w[4, i] * n.x[k], f_prime)),
    # and a hidden bias $b_i$ with the sign of $e(n)\, w_{4i}(n)$"
    (r"e(n)\, w_{4i}(n)", moves_with_the_sign_of(lambda n, i, k: n.b[i], lambda n, i, k: n.e[4] * n.w[4, i],
                                                 f_prime)),
    (r"n+1", step_is_theta_plus_delta),  # the cost table's "time $n+1$": the network after the step
    (r"w_{4i}(n+1)", WRONG_ORDER),  # the column "with $w_{4i}(n+1)$ (wrong)"
    (r"0", zero_output_weight_zero_hidden_updates),  # "$w_{4i}(n) = w_{4i}(n+1) = 0$: ... all $0$"
    (r"0", zero_output_weight_zero_hidden_updates),  # "$w_{4i}(n) = 0$: the right updates are $0$"
    # a factor too near 1 for 15 decimals: "$1 - 1.2 \times 10^{-16}$"
    (r"1 {show.pick(change, '+', '-')} {show.sci(abs(change))}", factor_is_one_plus_the_step_over_the_weight),
    (r"w_{{4i}}(n+1)/w_{{4i}}(n)", wrong_is_right_times_the_factor),  # "is its right update times"
    (r"0", zero_input_zero_in_both_columns),  # "are $0$ in both columns: they multiply $x_k = 0$,
    (r"0", zero_input_zero_in_both_columns),  # and no factor changes a $0$"
    # "its relative error is ..., below the $10^{-4}$ that reads as a bug" (the wrong order's sentence, whose verdict
    # test_iteration_page_says_whether_the_gradient_check_catches_the_wrong_order checks against reference_net)
    (r"10^{-4}", lambda: caught.WRONG == 1e-4),
    (r"1", each_update_times_what_it_multiplies),  # "what each parameter multiplies (..., $1$ for a bias)"
]

# What the page's blocks print from backprop.readings_iteration, in the module's order
READINGS_EXPRESSIONS = [
    # the first-order table: its steps, its predicted fall and its fall, each row checked against the oracle
    (r"\eta / 10", lambda: first_order_table_is_the_oracles()),
    (r"\eta / 10^{{{k}}}", lambda: first_order_table_is_the_oracles()),
    (r"\eta / 100", lambda: first_order_table_is_the_oracles()),
    (r"\sum_\theta (\partial E / \partial \theta)^2", lambda: first_order_table_is_the_oracles()),
    (r"E(n) - E(n+1)", lambda: first_order_table_is_the_oracles()),
]


def test_iteration_page_types_exactly_the_listed_expressions():
    from tests.support.pages import code_expressions, exec_block_expressions, markdown_inline_expressions

    assert markdown_inline_expressions(PAGE) == [norm_tex(tex) for tex, _ in ITERATION_EXPRESSIONS]
    assert exec_block_expressions(PAGE) == [norm_tex(tex) for tex, _ in ITERATION_BLOCK_EXPRESSIONS]
    assert code_expressions(inspect.getsource(readings_iteration)) == [norm_tex(tex) for tex, _ in READINGS_EXPRESSIONS]


@pytest.mark.parametrize(("tex", "check"), [pytest.param(tex, check, id=f"{kind}{n}")
                                            for kind, table in (("md", ITERATION_EXPRESSIONS),
                                                                ("block", ITERATION_BLOCK_EXPRESSIONS),
                                                                ("readings", READINGS_EXPRESSIONS))
                                            for n, (tex, check) in enumerate(table)])
def test_iteration_page_expression_holds(tex, check):
    assert check(), f"what the page says of ${tex}$ does not hold"


def test_iteration_page_expression_checks_can_fail():
    """Wrong versions of the page's expressions (the audit's y_hi for x_k, a sign, a dropped factor) fail the checks."""
    n = SYM
    # a hidden weight moving with the sign of e w_4i y_hi (the audit's edit), or of -e w_4i x_k
    assert not moves_with_the_sign_of(lambda n, i, k: n.w[i, k], lambda n, i, k: n.e[4] * n.w[4, i] * n.y_h[i],
                                      f_prime)()
    assert not moves_with_the_sign_of(lambda n, i, k: n.w[i, k], lambda n, i, k: -n.e[4] * n.w[4, i] * n.x[k],
                                      f_prime)()
    # an output weight with the sign of e alone (y_hi dropped); the factor turned over, w_4i(n)/w_4i(n+1)
    assert not moves_with_the_sign_of(lambda n, i, k: n.w[4, i], lambda n, i, k: n.e[4], lambda n, i: 1)()
    assert not same(wrong_update(1, n.x[1]), sym_step(n.w[1, 1]) * n.w[4, 1] / W_NEXT)
    # the wrong order passed off as the gradient; a step that is not θ + Δθ
    right = updates(WORKED, X, D, ETA)
    assert relative_error(updates(WORKED, X, D, ETA, w_back=apply(WORKED, right)["w_output"]), WORKED, X, D, ETA,
                          ("w_hidden", "b_hidden")) > 1e-4
    assert flat(apply(WORKED, updates(WORKED, X, D, ETA, e_sign=-1.0))) != pytest.approx(
        flat(apply(WORKED, right)), rel=1e-12)


# A random example the loader accepts: hidden neuron 1 saturated (y_h1 = 2.4e-14 at x = (0, -4.7)) and eta = 0.001,
# so rule (1) moves w_41 by a relative 1.2e-16, below the 15 decimals the factor was printed with: the build stopped
# at "the factor printed shows its side of 1".
TINY_FACTOR = {"w_hidden": [[-7.0, 7.0], [6.0, -2.189], [-5.71, -4.15]], "b_hidden": [1.98, 6.4, 5.521],
               "w_output": [[7.31, 6.17, 4.96]], "b_output": [1.0], "hidden": "logsig", "output": "purelin",
               "x": [0.0, -4.7], "d": -2.6, "eta": 0.001}


def test_a_factor_too_near_1_to_print_is_written_as_1_plus_or_minus_its_distance(tmp_path):
    """TINY_FACTOR: the wrong order's factor w_41(n+1)/w_41(n) for neuron 1 is written 1 - 1.2e-16 (the oracle's
    Δw_41/w_41, in scientific notation), with the verb of its side of 1."""
    it = oracle.iteration(TINY_FACTOR)
    change = it["dw_output"][0][0] / TINY_FACTOR["w_output"][0][0]
    assert 0 < -change < 0.5e-15  # the premise: below 15 decimals, and w_41 shrinks (e < 0)
    said = prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **TINY_FACTOR}, "iteration-and-training",
                      skip="regression_data")
    mantissa, exponent = f"{-change:.1e}".split("e")
    assert (rf"$1 - {mantissa} \times 10^{{{int(exponent)}}}$ for $i = 1$ (shrinks $\Delta w_{{12}}$ and "
            r"$\Delta b_1$)") in said, said[said.index("is its right update times"):][:600]


def test_a_factor_a_double_rounds_to_1_is_still_written_with_its_side_of_1(tmp_path):
    """A reviewer's example (v_1 = -41.5): rule (1) moves w_41 by a relative 4.1e-19, below a double's precision, so
    w_41(n+1) is w_41 in doubles and the factor read 1.000 "(leaves them as they are)", beside "w_41 ... decrease". It
    is written from the step over the weight (the oracle's), 1 - 4.1e-19, and shrinks them."""
    ex = {"w_hidden": [[-27.0, -27.0], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [-1.0, 0.2, 0.3],
          "w_output": [[0.7, 0.8, 0.9]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
          "x": [1.0, 0.5], "d": 1.0, "eta": 0.5}
    change = oracle.iteration(ex)["dw_output"][0][0] / ex["w_output"][0][0]
    assert ex["w_output"][0][0] + change * ex["w_output"][0][0] == ex["w_output"][0][0] and change < 0  # the premise
    said = prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **ex}, "iteration-and-training",
                      skip="regression_data")
    mantissa, exponent = f"{-change:.1e}".split("e")
    assert rf"$1 - {mantissa} \times 10^{{{int(exponent)}}}$ for $i = 1$ (shrinks them)" in said
    assert "leaves them as they are" not in said



def products_off_the_table(ex: dict) -> tuple[list[str], list[str]]:
    """The Δ of the one-iteration table (six decimals) that η times the five lines' printed δ and the printed factor
    (y_hi, x_k or 1) does not give: those whose product in exact decimals from the oracle's printed numbers, rounded
    half to even, differs from the printed Δ, and those whose product is half a unit from it (a tie: a reader rounding
    half up can get another digit)."""
    it, s6 = oracle.iteration(ex), oracle.number_string
    d4, dh = it["delta_output"][0], it["delta_hidden"]
    rows = [(f"w_{{4{i + 1}}}", d4, y, it["dw_output"][0][i]) for i, y in enumerate(it["y_hidden"])]
    rows += [("b_4", d4, 1.0, it["db_output"][0])]
    rows += [(f"w_{{{i + 1}{k + 1}}}", dh[i], x_k, it["dw_hidden"][i][k]) for i in range(3) for k, x_k in
             enumerate(ex["x"])]
    rows += [(f"b_{i + 1}", dh[i], 1.0, it["db_hidden"][i]) for i in range(3)]
    apart, ties = [], []
    def written(v: float) -> Decimal:  # as a formula writes it: 6 decimals, or 2 significant digits below 1e-5
        return Decimal(f"{v:.1e}") if 0 < abs(v) < 1e-5 else Decimal(s6(v))

    for name, delta, factor, step in rows:
        product = Decimal(repr(float(ex["eta"]))) * written(delta) * written(factor)
        printed = Decimal(s6(step))
        if abs(product - printed) == Decimal("0.0000005"):
            ties.append(f"$\\Delta {name}$")
        elif product.quantize(Decimal("0.000001")) != printed:
            apart.append(f"$\\Delta {name}$")
    return apart, ties


# A TA's example (tanh hidden layer): 0.25 · 0.756086 = 0.1890215 exactly, for Δw_21 (x_1 = 1) and Δb_2
TA_TIES = {"w_hidden": [[0.3, 0.6], [-0.4, 0.2], [0.5, -0.1]], "b_hidden": [-0.2, 0.1, 0.05],
           "w_output": [[0.6, -0.7, 0.4]], "b_output": [0.1], "hidden": "tansig", "x": [1.0, -0.5], "d": -0.8,
           "eta": 0.25}


@pytest.mark.parametrize(("change", "premise"), [
    ({}, (True, None)), ({"eta": 1.0, "d": 1.2, "x": [1.0, 0.3]}, (False, False)),
    ({"w_hidden": [[0.1, 0.2], [12.0, 12.0], [12.0, 12.0]], "w_output": [[0.0, 0.8, 0.9]]}, (None, None)),
    (TA_TIES, (False, True)),
], ids=["shipped", "none-off", "saturated", "ties"])
def test_five_lines_say_which_products_of_printed_numbers_miss_the_table(tmp_path, change, premise):
    """A reviewer multiplied the printed numbers: 0.5 · (-1.011894) · 0.574443 gives -0.290638, the table has
    Δw_41 = -0.290637 (from unrounded values), beside a sentence that said they give the table's column. The sentence
    now names the entries where they do not (the oracle's, in exact decimals), and says nothing more where every one
    agrees. A TA's product 0.25 · 0.756086 = 0.1890215 was said to "differ" from the table's 0.189022, which rounding
    half up gives: a tie is said to be one."""
    ex = {**oracle.SHIPPED, **change}
    apart, ties = products_off_the_table(ex)
    for found, wanted in zip((apart, ties), premise):
        assert wanted is None or bool(found) == wanted, "the premise: which examples have such entries"
    # (the saturated example's δ_2 and δ_3, about 1e-6, are written with two significant digits)
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, PAGE))
    ending = re.search(r"\(#one-iteration-on-the-worked-example\)(.*?)\. In matrix form", said)
    assert ending, said[:3000]
    clauses = [f"{and_list(apart)} {'differ' if len(apart) > 1 else 'differs'} there from the product of the printed "
               "ones"] if apart else []
    if ties:
        clauses.append(f"for {and_list(ties)} {'it' if apart else 'the product of the printed ones'} falls halfway "
                       "between two last digits")
    if clauses:
        assert ending[1] == (", up to the last digit: the table's come from the unrounded numbers, and "
                             + "; ".join(clauses)), ending[1]
    else:
        assert ending[1] == ""


# A TA's example whose E at time n+1 is not half the square of the e printed beside it
TA_COST_TABLE = {"w_hidden": [[0.7, 6.0], [-0.4, 0.25], [1.2, -0.3]], "b_hidden": [-1.0, 0.1, 0.05],
                 "w_output": [[-0.5, 0.0, -2.0]], "b_output": [0.3], "x": [0.0, -2.0], "d": 0.8, "eta": 0.9}


@pytest.mark.parametrize("change", [{}, TA_COST_TABLE], ids=["shipped", "ta-example"])
def test_cost_table_says_where_half_the_printed_e_squared_misses_E(tmp_path, change):
    """A TA's example: the "Did the cost go down?" table printed e = -1.352776 and E = 0.915002 at time n+1, while
    half of -1.352776 squared is 0.915001 (E comes from the unrounded e). A note names the times where half the square
    of the printed e, in exact decimals from the oracle's numbers, does not round to the printed E, and is absent
    where there is none."""
    ex = {**oracle.SHIPPED, **change}
    it, s6 = oracle.iteration(ex), oracle.number_string
    rows = [("time $n$", it["d"] - it["y"], it["E"]), ("time $n+1$", it["d"] - it["y_next"], it["E_next"])]
    off = [label for label, e, E in rows
           if (Decimal(s6(e)) ** 2 / 2).quantize(Decimal("0.000001")) != Decimal(s6(E))
           or abs(Decimal(s6(e)) ** 2 / 2 - Decimal(s6(E))) == Decimal("0.0000005")]
    assert bool(off) == bool(change), ("the premise", off)
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, PAGE))
    section = said[said.index("Did the cost go down?"):said.index("Why a short step against the gradient")]
    if off:
        assert (f"$E$ is half the square of the unrounded $e$: at {and_list(off)}, half the square of the $e$ printed "
                "here does not round to the $E$ printed.") in section, section
    else:
        assert "half the square of the unrounded" not in section, section
