"""Page: common mistakes (docs/common-mistakes.md).

For whatever worked example is in use (``backprop/example.json`` or ``$BACKPROP_EXAMPLE``), every number this page
prints about it and every sentence it says about it (each wrong variant's updates beside the right ones, the factors
1/f', the gradient ascent's costs and how they moved) is compared with an independent computation: plain ``math`` loops
in the slides' index notation (``tests/support/oracle.py`` and ``tests/support/reference_net.py``, whose rules inject
each mistake), never the package. No value of the example is typed here. Each mistake must change the printed digits
and fail the gradient check.

The text checked is the page's Markdown with each ``exec`` block replaced by what it prints, run in this process
(fast, and for any example: ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json pytest
tests/pages/test_common_mistakes.py``); the tests that hold for every example file render the page with each of
them, in a process of its own. Its built HTML (the same numbers, figures with text alternatives) is checked in
test_built_pages.py. The equation checks at the end tie the page's inline equations (derivative bounds and slips,
the sign of the error, the sum over the outputs, the slides' hyperbolic rows) to its text and check them with sympy
(``tests/support/symbolic.py``)."""

from __future__ import annotations

import inspect
import itertools
import math
import re
from decimal import ROUND_UP, Decimal
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from backprop import Network, caught, gradcheck, readings_mistakes
from tests.support import oracle
from tests.support.check_words import REVIEW2, REVIEW_A, REVIEW_B, REVIEW_C, check_floor_sentence, check_orders
from tests.support.pages import (
    EXAMPLE_FILES,
    and_list,
    example_pages,
    example_prose,
    given,
    markdown_displays,
    markdown_inline_expressions,
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
    WORKED,
    D,
    F,
    X,
    apply,
    cost,
    finite_differences,
    flat,
    forward,
    network_of,
    relative_error,
    updates,
)
from tests.support.reference_net import EX as EX_IN_USE
from tests.support.snippets import DOCS, pages_with, prose_with
from tests.support.symbolic import ETA_S, SymbolicNet, identical

# ---------------------------------------------------------------------------------------------
# Common mistakes: each wrong variant differs from the right one and fails the gradient check
# ---------------------------------------------------------------------------------------------

# the page's 2-3-2 network (random weights), with the worked example's hidden activation
NET_232 = Network.random(2, 3, 2, seed=0, hidden=WORKED["hidden"]).to_dict()
D_232 = [1.0, 0.0]


def _mistakes() -> dict[str, tuple[dict, dict, dict, list[str]]]:
    """name: (network, right updates, wrong updates, the arrays the mistake touches)."""
    w_next = apply(WORKED, updates(WORKED, X, D, ETA))["w_output"]
    tansig_out = {**WORKED, "output": "tansig"}
    as_logsig, as_tansig = {**WORKED, "hidden": "logsig"}, {**WORKED, "hidden": "tansig"}
    hidden = ["w_hidden", "b_hidden"]
    return {
        "1 output weights first": (WORKED, updates(WORKED, X, D, ETA),
                                   updates(WORKED, X, D, ETA, w_back=w_next), hidden),
        "2 f'(v_i) dropped": (WORKED, updates(WORKED, X, D, ETA),
                              updates(WORKED, X, D, ETA, f_h_prime=False), ["w_hidden"]),
        "2 f'(v_j) dropped, tansig output": (tansig_out, updates(tansig_out, X, D, ETA),
                                             updates(tansig_out, X, D, ETA, f_o_prime=False),
                                             ["w_output", "b_output"]),
        "3 e = y - d": (WORKED, updates(WORKED, X, D, ETA), updates(WORKED, X, D, ETA, e_sign=-1.0), ["w_output"]),
        "4 no sum over outputs": (NET_232, updates(NET_232, X, D_232, ETA),
                                  updates(NET_232, X, D_232, ETA, outputs=[0]), ["w_hidden"]),
        "5 logsig f' = y(1 + y)": (as_logsig, updates(as_logsig, X, D, ETA),
                                   updates(as_logsig, X, D, ETA, f_h_prime=lambda y: y * (1 + y)), ["w_hidden"]),
        "5 tansig f' = 1 + y^2": (as_tansig, updates(as_tansig, X, D, ETA),
                                  updates(as_tansig, X, D, ETA, f_h_prime=lambda y: 1 + y * y), ["w_hidden"]),
    }


MISTAKES = _mistakes()


def test_mistakes_page_gives_the_relative_error_of_the_code(monkeypatch):
    """The formula the introduction gives is the one gradient_check computes: evaluated on an analytic and a
    numerical gradient where the floor matters (|a| + |c| below 1e-8), it gives what gradient_check returns for them."""
    said = prose("common-mistakes")
    formula = re.search(r"reports the largest relative error \$([^$]+)\$", said)[1]
    as_python = re.sub(r"\|([^|]+)\|", r"abs(\1)", formula.replace(r"\max", "max"))
    as_python = re.sub(r"10\^\{(-?\d+)\}", r"10**(\1)", as_python)
    cases = [(3e-9, 0.0), (2e-9, -1e-9), (0.3, 0.1), (0.0, 0.0)]
    for a, c in cases:
        net = Network.random(2, 3, 1, seed=0)
        zeros = {name: np.zeros_like(getattr(net, name)) for name in gradcheck.PARAMETERS}
        analytic, numerical = dict(zeros), dict(zeros)
        analytic["b_output"], numerical["b_output"] = np.array([a]), np.array([c])
        monkeypatch.setattr(gradcheck, "_analytic", lambda fp, d, analytic=analytic: analytic)
        monkeypatch.setattr(gradcheck, "_numerical", lambda net, x, d, h, numerical=numerical: numerical)
        # every gradient 0: gradient_check refuses (no rule can fail there); its relative error is the same function
        expected = (gradcheck.gradient_check(net, [0.0, 0.0], 0.0) if a or c else
                    float(gradcheck.relative_error(np.array([a]), np.array([c]))[0]))
        assert eval(as_python, {"abs": abs, "max": max}, {"a": a, "c": c}) == pytest.approx(expected, rel=1e-12), \
            (formula, a, c)


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_changes_the_numbers_and_fails_the_gradient_check(name):
    """The page's own reading: right below 1e-7, a bug above 1e-4 (and the page says three orders apart)."""
    net, right, wrong, names = MISTAKES[name]
    d = D_232 if net is NET_232 else D
    assert six(flat(right, names)) != six(flat(wrong, names)), "the mistake shows in the printed digits"
    assert relative_error(right, net, X, d, ETA, names) < 1e-7
    assert relative_error(wrong, net, X, d, ETA, names) > 1e-4


@pytest.mark.parametrize("name", MISTAKES)
def test_mistakes_page_shows_the_numbers(name):
    shown = numbers_in(page_text("common-mistakes"))
    _, right, wrong, names = MISTAKES[name]
    if name.startswith("3"):  # the page shows the cost over a few steps instead of the updates
        return
    assert six(flat(wrong, names)) <= shown, f"{name}: wrong updates"
    assert six(flat(right, names)) <= shown, f"{name}: right updates"


def test_mistakes_page_states_the_example_and_the_factors():
    text = prose("common-mistakes")
    assert f"input $x = ({given(X[0])}, {given(X[1])})$, desired output $d = {given(D[0])}$, " \
           f"learning rate $\\eta = {given(ETA)}$" in text
    y_h, _ = forward(WORKED, X)
    factors = and_list([f"${factor_tex(1 / F[WORKED['hidden']][1](y))}$" for y in y_h])
    assert f"`{WORKED['hidden']}` hidden layer the factors $1/f'(v_i)$ are {factors} for $i = 1, 2, 3$" in text
    if WORKED["hidden"] == "logsig":
        assert all(1 / F["logsig"][1](y) >= 4 for y in y_h), "at least 4 for logsig, as the page says"
    _, (y,) = forward({**WORKED, "output": "tansig"}, X)
    squared = f"({s6(y)})^2" if s6(y).startswith("-") else f"{s6(y)}^2"  # a negative number in parentheses
    assert f"$y = {s6(y)}$ and $f'(v_4) = 1 - y^2 = 1 - {squared}" in text
    assert f"{s6(1 - y * y)}$" in text


def factor_tex(k: float) -> str:
    """A factor 1/f'(v_i) as the page writes it, transcribed: three decimals from 0.1 to 10^4 (three significant digits
    or more), else scientific notation with three."""
    return f"{k:.3f}" if 0.1 <= abs(k) < 1e4 else tex_sci(k)


def test_mistakes_page_writes_huge_factors_in_scientific_notation(tmp_path):
    """The second review's B (saturated logsig neurons): the page printed '1/f'(v_i) are 108254989.675, 4876802.853',
    nine digits to three decimals, and 'eta e = 1.44999e-05', Python's notation. Both are now in TeX's scientific
    notation, from the oracle's slopes and error."""
    ex = REVIEW2["B"]
    said = prose_with(tmp_path, ex, "common-mistakes")
    factors = [1 / f for f in oracle.iteration(ex)["fp_hidden"]]
    assert factors[0] > 1e8 and factors[1] > 1e6 and factors[2] < 10  # the premise
    assert (r"the factors $1/f'(v_i)$ are $1.08 \times 10^{8}$, $4.88 \times 10^{6}$ and $4.510$ for $i = 1, 2, 3$"
            in said)
    assert f"are {and_list([f'${factor_tex(k)}$' for k in factors])} for" in said
    assert "108254989" not in said
    # eta e in the same notation, not Python's 1.44999e-05
    eta_e = ex["eta"] * oracle.iteration(ex)["e"]
    assert rf"$\eta e = {tex_sci(eta_e)}$ is small" in said and f"{eta_e:.6g}" not in said


def test_mistakes_page_says_which_factor_keeps_mistake_1_small(tmp_path):
    """The second review's E: eta e = 0.025 while every |y_hi| is at most 3e-6, and the page said 'Here eta e =
    0.0249985 is small, so the output weights move by at most 7.5e-08'. It now says what keeps the step
    Delta w_4i = eta e y_hi small, the oracle's y_hi, and that larger hidden outputs, not a larger eta, show it."""
    ex = REVIEW2["E"]
    it = oracle.iteration(ex)
    y_max, eta_e = max(abs(y) for y in it["y_hidden"]), ex["eta"] * it["e"]
    assert eta_e > 0.02 and y_max < 4e-6  # the premise
    said = prose_with(tmp_path, ex, "common-mistakes")
    m = SMALL_ETA_E.search(said)
    assert m, said[said.index("## 1."):][:2000]
    assert m[1] == moved_tex(max(abs(v) for v in it['dw_output'][0]))
    assert m[2] == rf"$\eta e = {s6(eta_e)}$, but every $|y_{{hi}}|$ is at most ${tex_sci(y_max)}$"
    assert m[7] == r"Hidden outputs $y_{hi}$ further from 0 show it"
    check_orders(m[5], float(m[4]), float(m[3]))
    assert "is small, so the output weights" not in said


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mistakes_page_writes_given_values_as_given(path):
    """x, d and eta as the example gives them (0.5, not 0.500000), in the introduction and around mistake 3."""
    _, x, d, eta = network_of(oracle.load_example(path))
    said = example_prose(path, "common-mistakes")
    assert f"The worked example: input $x = ({given(x[0])}, {given(x[1])})$, desired output $d = {given(d[0])}$, " \
           f"learning rate $\\eta = {given(eta)}$" in said
    etas = re.findall(r"\\eta = (-?[\d.]+)\$", said)
    assert etas and all(e == given(float(e)) for e in etas), etas
    # mistake 4's network: the example's hidden activation (a reviewer of a tansig example recomputed its table with
    # tanh and found the page's numbers were logsig's, said nowhere), its input, targets and eta
    hidden = oracle.load_example(path).get("hidden", "logsig")
    name = {"logsig": "logistic sigmoid", "tansig": "hyperbolic tangent"}[hidden]
    assert (f"Hidden neurons: {name} ({hidden}); $x = ({given(x[0])}, {given(x[1])})$, targets "
            f"$d_4 = {given(D_232[0])}$ and $d_5 = {given(D_232[1])}$, $\\eta = {given(eta)}$.") in said
    net_232 = Network.random(2, 3, 2, seed=0, hidden=hidden).to_dict()  # its weights; its arithmetic is reference_net's
    table = said[said.index("Hidden neurons:"):said.index("## 5.")]
    rows = re.findall(r"\| \$\\Delta (\S+)\$ \| (\S+) \|", table)
    right = flat(updates(net_232, x, D_232, eta), ["w_hidden", "b_hidden"])
    assert [value for _, value in rows] == [s6(v) for v in right], rows


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mistakes_page_gradient_ascent(path):
    """Steps with the right and the flipped sign at an eta where the right sign descends: the count of steps the
    table shows, the eta (the example's, halved until the right cost falls and the flipped one grows at every step),
    the costs, and the sentences that say how they moved; with the example's own eta, how many of the right sign's
    steps overshoot (end with a higher cost), counted."""
    check_gradient_ascent(oracle.load_example(path), example_pages(path)["common-mistakes"])


# The review's s5 (tanh, eta = 0.05) with d moved to keep |e| = 0.02 and an eta of 1e-4: each step changes the cost by
# about 1e-7, below the table's last decimal, so every printed cost reads 0.000200.
SMALL_STEPS = {"w_hidden": [[0.35, -0.2], [-0.15, 0.4], [0.5, 0.3]], "b_hidden": [0.05, 0.1, -0.1],
               "w_output": [[0.6, -0.5, 0.45]], "b_output": [0.05], "hidden": "tansig", "output": "purelin",
               "x": [0.9, -0.7], "d": 0.564705, "eta": 0.0001}


@pytest.mark.parametrize("eta", [0.0001, 0.05])
def test_mistakes_page_gradient_ascent_says_what_the_printed_costs_show(tmp_path, eta):
    """With steps smaller than the table's last decimal the printed costs repeat (0.000200 five times), and the page
    said 'the cost falls at every step; ... it grows at every step' of them: the sentence is now read from the printed
    costs, and says when a step moves the cost by less than the last decimal (the oracle's costs, printed)."""
    ex = {**SMALL_STEPS, "eta": eta}
    assert abs(oracle.iteration(ex)["e"]) >= 0.02 - 1e-6  # the premise: an error the loader accepts
    check_gradient_ascent(ex, mistakes_with(tmp_path, ex))


@pytest.mark.parametrize("name", ["B", "E"])
def test_mistakes_page_says_how_many_steps_are_below_the_last_decimal_and_how_many_repeat(tmp_path, name):
    """The second review's B: every step of mistake 3's table moves the cost by 5.2e-07 to 5.4e-07, below the last
    decimal, and two printed costs of each column repeat; the page said 'in two of them by less than the table's last
    decimal (by as little as 5.2e-07)'. It now counts both from the oracle's costs (B: every step below, two repeats;
    E: the right sign's steps partly below)."""
    ex = REVIEW2[name]
    text = mistakes_with(tmp_path, ex)
    check_gradient_ascent(ex, text)
    said = re.sub(r"\s+", " ", text)
    if name == "B":
        assert said.count("each time by less than the table's last decimal") == 2
        assert said.count("and two of its printed values repeat the one above") == 2


def check_gradient_ascent(ex: dict, text: str) -> None:
    p0, x, d, eta0 = network_of(ex)
    said = re.sub(r"\s+", " ", text)
    shown_rows = table_rows(text, "step")
    steps = len(shown_rows) - 1  # the table shows the cost before the first step and after each step
    assert [int(r[0]) for r in shown_rows] == list(range(steps + 1)) and steps >= 3

    def costs(eta, e_sign):
        p, out = p0, [cost(p0, x, d)]
        for _ in range(steps):
            p = apply(p, updates(p, x, d, eta, e_sign=e_sign))
            out.append(cost(p, x, d))
        return out

    def how(values):
        changes = [b - a for a, b in itertools.pairwise(values)]
        if all(c < 0 for c in changes):
            return "falls at every step"
        if all(c > 0 for c in changes):
            return "grows at every step"
        return f"falls in {sum(c < 0 for c in changes)} of the {len(changes)} steps and grows in " \
               f"{sum(c > 0 for c in changes)}"

    eta, halvings = eta0, 0
    while how(costs(eta, 1.0)) != "falls at every step" or how(costs(eta, -1.0)) != "grows at every step":
        eta, halvings = eta / 2, halvings + 1
        assert halvings < 40
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    assert f"{words[steps].capitalize()} steps with $\\eta = {given(eta)}$:" in said
    right_costs, wrong_costs = costs(eta, 1.0), costs(eta, -1.0)
    def cell(value):  # six decimals, or as a formula writes a value below 10^-5 (a reviewer: 2e-7 read 0.000000)
        return f"${oracle.formula_string(value)}$" if oracle.in_scientific(value) else s6(value)

    assert [r[1:] for r in shown_rows] == [[cell(a), cell(b)] for a, b in zip(right_costs, wrong_costs)]

    def as_printed(values, exact):  # how the printed costs move: a step below the last decimal repeats the value
        printed = [oracle.formula_value(v) for v in values]
        repeats = sum(a == b for a, b in itertools.pairwise(printed))
        if not repeats:
            assert how(printed) == exact
            return exact
        # the steps below the last decimal (1e-6), by how much, and how many printed values repeat the one above
        below = [abs(b - a) for a, b in itertools.pairwise(values) if abs(b - a) < 1e-6]
        low, high = f"{min(below):.1e}", f"{max(below):.1e}"
        by = f"by {low}" if low == high else f"by {low} to {high}"
        where = "each time" if len(below) == steps else f"in {words[len(below)]} of the {words[steps]} steps"
        repeated = "each of its printed values after the first repeats the one above" if repeats == steps else \
            f"{words[repeats]} of its printed values {'repeats' if repeats == 1 else 'repeat'} the one above"
        return f"{exact}, {where} by less than the table's last decimal ({by}), and {repeated}"

    assert (f"With the right sign the cost {as_printed(right_costs, 'falls at every step')}; with the flipped sign it "
            f"{as_printed(wrong_costs, 'grows at every step')}.") in said
    if ex.get("eta") == SMALL_STEPS["eta"]:
        assert len({s6(c) for c in right_costs + wrong_costs}) == 1  # the premise: every printed cost alike
    if halvings == 0:
        assert "The table uses the example's own $\\eta$." in said
        return
    times = {1: "once", 2: "twice"}.get(halvings, f"{halvings} times")
    right, wrong = costs(eta0, 1.0), costs(eta0, -1.0)
    ups = sum(b > a for a, b in itertools.pairwise(right))  # a step of the right sign that ends higher overshot
    overshoot = ("every step overshoots" if ups == steps else "no step overshoots" if ups == 0
                 else f"{words[ups]} of the {words[steps]} steps overshoot{'s' if ups == 1 else ''}")
    both = f"the cost {how(right)} with either sign" if how(right) == how(wrong) else \
        f"the right sign's cost {how(right)}, the flipped sign's {how(wrong)}"
    assert f"The table uses the example's $\\eta = {given(eta0)}$ halved {times}: with the example's own $\\eta$ " \
           f"{overshoot} (an overshooting step goes past the lowest cost along its way" in said
    assert f"and over these steps {both}." in said
    assert "some steps overshoot" not in said


# The closing summary's names of the seven checks, in the page's order.
SUMMARY_NAMES = ["1", "2 (hidden layer, $f'(v_i)$)", "2 (tansig output, $f'(v_j)$)", "3", "4", "5 (logsig)",
                 "5 (tansig)"]


def reference_checks(ex: dict) -> list[tuple[str, float, bool]]:
    """The seven checks of the page for the example ``ex``, from reference_net (plain Python, its own central
    differences): (summary name, the mistake's plain relative error, whether its updates equal the right ones)."""
    p, x, d, eta = network_of(ex)
    hidden, output = ["w_hidden", "b_hidden"], ["w_output", "b_output"]
    tansig_out, net_232 = {**p, "output": "tansig"}, Network.random(2, 3, 2, seed=0, hidden=p["hidden"]).to_dict()
    y_h, _ = forward(p, x)
    flipped_on = ["w_output"] if any(y_h) else ["b_output"]
    cases = [
        (p, d, {"w_back": apply(p, updates(p, x, d, eta))["w_output"]}, hidden),
        (p, d, {"f_h_prime": False}, hidden),
        (tansig_out, d, {"f_o_prime": False}, output),
        (p, d, {"e_sign": -1.0}, flipped_on),
        (net_232, D_232, {"outputs": [0]}, hidden),
        ({**p, "hidden": "logsig"}, d, {"f_h_prime": lambda y: y * (1 + y)}, hidden),
        ({**p, "hidden": "tansig"}, d, {"f_h_prime": lambda y: 1 + y * y}, hidden),
    ]
    out = []
    for name, (net, target, slip, names) in zip(SUMMARY_NAMES, cases):
        right, wrong = updates(net, x, target, eta), updates(net, x, target, eta, **slip)
        out.append((name, relative_error(wrong, net, x, target, eta, names), flat(wrong, names) == flat(right, names)))
    return out


def check_summary(ex: dict, said: str) -> dict[str, str]:
    """The closing summary ('On this example the gradient check catches ...') against reference_net's checks: which
    mistakes it says the check catches (plain r above 1e-4), which change nothing (updates equal to the right ones) and
    which move the gradients too little, with their r; 'at least N orders of magnitude' from the checks the page
    prints. Returns each missed mistake's printed r by name."""
    said = re.sub(r"\s+", " ", said)
    ref = reference_checks(ex)
    caught = [name for name, r, same in ref if r > 1e-4 and not same]
    unchanged = [name for name, r, same in ref if same]
    small = [name for name, r, same in ref if r <= 1e-4 and not same]
    assert len(caught) + len(unchanged) + len(small) == 7
    printed = [(float(a), float(b)) for a, b in CHECK.findall(said)]
    assert len(printed) == len(caught), (printed, caught)  # the bold checks are the caught ones
    orders = math.floor(math.log10(min(b / a for a, b in printed)))
    assert orders >= 3
    apart = f"at least {orders} orders of magnitude above the correct rules"
    if len(caught) == 7:
        assert (f"On this example the gradient check catches every one of them: each of its 7 checks above reads the "
                f"mistake as a bug, {apart}.") in said
    else:
        assert (f"On this example the gradient check catches {and_list([f'mistake {n}' for n in caught])}, each "
                f"reading {apart}.") in said
    rs = {}
    parts = []
    value = r"(\S+)"  # a printed r
    if unchanged:
        listed = and_list([f"mistake {re.escape(n)}" for n in unchanged])
        verb = "changes" if len(unchanged) == 1 else "change"
        parts.append(rf"{listed}, which {verb} nothing here \(r = {and_list([value] * len(unchanged))}, as for the "
                     r"correct rules\)")
    if small:
        listed = and_list([rf"mistake {re.escape(n[:-1])}; r = {value}\)" if n.endswith(")") else
                           rf"mistake {re.escape(n)} \(r = {value}\)" for n in small])  # one pair of parentheses
        verb = "moves" if len(small) == 1 else "move"
        parts.append(rf"{listed}, which {verb} the gradients too little for the \$10\^\{{-4\}}\$ that reads as a bug")
    if not parts:
        assert "It does not catch" not in said
        return rs
    m = re.search("It does not catch " + ", nor ".join(parts) + ": (its section says|their sections say) why\\.", said)
    assert m, said[said.index("On this example"):]
    values = [float(v) for v in m.groups()[:-1]]
    for name, value in zip(unchanged + small, values):
        r = dict((n, r) for n, r, _ in ref)[name]
        if name in unchanged:
            assert value < 1e-7, (name, value)
        else:
            assert value == pytest.approx(r, rel=0.06), (name, value, r)
        rs[name] = value
    return rs


def test_the_flipped_sign_is_checked_on_b_4_where_every_hidden_output_is_0(tmp_path):
    """A reviewer's example, tanh hidden neurons with weights and biases 0 (every y_hi = tanh(0) = 0, so every
    dE/dw_4i = -e y_hi is 0 whatever the sign): the flipped sign is checked on b_4, whose slope is -e, and the reason is
    said inside the parentheses (it read "(opposite signs) (every ...)")."""
    ex = {**oracle.shipped(), "w_hidden": [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], "b_hidden": [0.0, 0.0, 0.0],
          "hidden": "tansig", "d": 1.5}
    assert oracle.iteration(ex)["y_hidden"] == [0.0, 0.0, 0.0], "the premise, in plain math"
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, "common-mistakes"))
    assert re.search(r"Gradient check of \$\\partial E/\\partial b_4\$: right \S+, \*\*wrong \S+\*\* \(opposite "
                     r"signs; every \$y_\{hi\}\$ is 0 here, so every \$\\partial E/\\partial w_\{4i\}\$ is 0 either "
                     r"way\)\.", said), said


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mistakes_page_summary_says_which_mistakes_the_check_catches(path):
    """The closing summary once said 'Every mistake above ... fails the gradient check by at least three orders of
    magnitude' on every example, false where a block found a mistake that changes nothing or too little. It now says
    which mistakes the check catches, and how far apart, as reference_net's checks of the example give them; the
    flipped sign's r is 1, the largest possible, as the oracle's updates with e = y - d (exactly minus the right ones)
    give."""
    said = example_prose(path, "common-mistakes")
    check_summary(oracle.load_example(path), said)
    assert "fails the gradient check by at least three orders" not in said
    p, x, d, eta = network_of(oracle.load_example(path))
    flipped = relative_error(updates(p, x, d, eta, e_sign=-1.0), p, x, d, eta, ["w_output"])
    assert flipped == pytest.approx(1.0, abs=1e-12)
    assert re.search(r"Gradient check of \$\\partial E/\\partial w_\{4i\}\$: right \S+, \*\*wrong "
                     + re.escape(f"{flipped:.1e}") + r"\*\* \(opposite signs\)\.", re.sub(r"\s+", " ", said))


def test_mistakes_page_blocks_require_what_they_print():
    """Every block, or function of backprop.readings_mistakes that a block prints, that writes a wrong variant's
    gradient check in bold ('**wrong') calls require_caught, which stops the build unless right < 1e-7 < 1e-4 < wrong
    (test_caught.py)."""
    source = (DOCS / "common-mistakes.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r'^```python exec="1"[^\n]*\n(.*?)^```', source, re.M | re.S) if "**wrong" in b]
    verdicts = [inspect.getsource(f) for _, f in inspect.getmembers(readings_mistakes, inspect.isfunction)
                if f.__module__ == readings_mistakes.__name__ and "**wrong" in inspect.getsource(f)]
    assert len(blocks) + len(verdicts) == 6, ("mistakes 1 to 5 (2 in two blocks, hidden and output), each with its "
                                              "gradient check")
    for block in blocks:
        assert re.search(r"from backprop\.caught import (\([^)]*|[^\n]*)\brequire_caught\b", block), block[:200]
        assert re.search(r"require_caught\(f?\"\d \(", block), block[:200]
    for verdict in verdicts:
        assert re.search(r"require_caught\(f?\"\d \(", verdict), verdict[:200]
    # require_caught names the mistake (test_caught.py), and no message says only that the check caught one
    assert "the gradient check catches the mistake" not in source + inspect.getsource(readings_mistakes)
    executed = re.findall(r'^```python exec="1"[^\n]*\n(.*?)^```', source, re.M | re.S)
    for name in ("output_weights_first", "hidden_slope_dropped", "output_slope_dropped", "wrong_derivative_row"):
        assert any(f"readings_mistakes.{name}(" in block for block in executed), name  # each printed by a block


def test_mistakes_page_slides_hyperbolic_rows():
    """The coth / csch rows: the finite difference matches the corrected row, not the slides'."""
    shown = numbers_in(page_text("common-mistakes"))
    x = 0.7
    csch, coth = 1 / math.sinh(x), math.cosh(x) / math.sinh(x)
    assert six([-(csch**2), -math.cosh(x) ** 2, -csch * coth, -math.cosh(x) * coth]) <= shown


# ---------------------------------------------------------------------------------------------
# Every equation the page shows, tied to the page text: display equations (the page's displays are exactly the
# listed ones) and inline statements of fact, checked with sympy (derivatives of a symbolic network) or the oracle.
# ---------------------------------------------------------------------------------------------


def test_mistakes_page_has_no_display_equations():
    """Its equations are inline, each checked below or by the tests above; a display added later must be listed."""
    assert markdown_displays("common-mistakes") == []
    assert markdown_displays("index") == []
    assert markdown_displays("teaching") == []


def test_mistakes_page_relative_error_bound():
    """|a - c| <= |a| + |c|, with equality exactly where a c <= 0: what the page says bounds the relative error by 1."""
    assert markdown_says("common-mistakes", r"it is never above $1$: $|a - c| \le |a| + |c|$, with equality where $a$ "
                                            r"and $c$ have opposite signs or one of them is $0$")
    assert triangle_equality_where_signs_oppose() and relative_error_is_at_most_1()


def test_mistakes_page_derivative_bounds_and_slips():
    """logsig f' = f(1 - f) <= 1/4 and tansig f' = 1 - f^2 <= 1, so 1/f' is at least 4 and 1; the slips f(1 + f) and
    1 + y^2 are not the derivatives; a linear output has f' = 1."""
    page = "common-mistakes"
    assert markdown_says(page, r"at least $4$ for logsig, whose $f'(v_i) = f(v_i)\big(1 - f(v_i)\big) \le \tfrac14$, "
                               r"and at least $1$ for tansig, whose $f'(v_i) = 1 - f(v_i)^2 \le 1$")
    t = sp.Symbol("t", real=True)
    sig = 1 / (1 + sp.exp(-t))
    assert sp.simplify(sp.diff(sig, t) - sig * (1 - sig)) == 0
    assert sp.simplify(sp.diff(sp.tanh(t), t) - (1 - sp.tanh(t) ** 2)) == 0
    Yv = sp.Symbol("Y", real=True)
    assert sp.maximum(Yv * (1 - Yv), Yv, sp.Interval(0, 1)) == sp.Rational(1, 4)
    assert sp.maximum(1 - Yv**2, Yv, sp.Interval(-1, 1)) == 1
    assert markdown_says(page, r"written $f(v)(1 + f(v))$ instead of $f(v)(1 - f(v))$, and the tansig derivative "
                               r"written $1 + y^2$ instead of $1 - y^2$")
    assert sp.simplify(sp.diff(sig, t) - sig * (1 + sig)) != 0
    assert sp.simplify(sp.diff(sp.tanh(t), t) - (1 + sp.tanh(t) ** 2)) != 0
    assert markdown_says(page, r"with $f(v_4) = v_4$ it is $1$") and sp.diff(t, t) == 1


def test_mistakes_page_sign_of_the_error():
    """+eta e ... because e = d - y: -eta dE/dy = eta e, the two minus signs (gradient descent, de/dy = -1) cancel."""
    assert markdown_says("common-mistakes", r"The rules are $\Delta\theta = +\eta\, e \cdots$ **because** $e = d - y$: "
                                            r"the minus of gradient descent and the minus of $\partial e/\partial y = "
                                            r"-1$ cancel")
    d_s, y_s = sp.symbols("d y", real=True)
    assert sp.diff(d_s - y_s, y_s) == -1
    assert sp.expand(-ETA_S * sp.diff(sp.Rational(1, 2) * (d_s - y_s) ** 2, y_s) - ETA_S * (d_s - y_s)) == 0
    assert sp.expand(-ETA_S * sp.diff(sp.Rational(1, 2) * (y_s - d_s) ** 2, y_s) - ETA_S * (y_s - d_s)) != 0


def test_mistakes_page_sum_over_outputs():
    """delta_i = f'(v_i) sum_j e_j f'(v_j) w_ji is -dE/dv_i of a network with two tansig outputs: the symbolic
    derivative of E through both outputs, at a point."""
    assert markdown_says("common-mistakes", r"$\delta_i = f'(v_i) \sum_j e_j f'(v_j) w_{ji}$")
    net = SymbolicNet(n_out=2, output="tansig")
    for i in (1, 2, 3):
        for k in (1, 2):  # dE/dw_ik = -delta_i x_k
            delta_i = net.f(net.v[i]) * (1 - net.f(net.v[i])) * sum(
                net.e[j] * (1 - sp.tanh(net.v[j]) ** 2) * net.w[j, i] for j in net.outs)
            assert net.at(delta_i * net.x[k]) == pytest.approx(-net.slope(net.w[i, k]), rel=1e-12)
            only_first = net.f(net.v[i]) * (1 - net.f(net.v[i])) * net.e[4] * (1 - sp.tanh(net.v[4]) ** 2) * net.w[4, i]
            assert net.at(only_first * net.x[k]) != pytest.approx(-net.slope(net.w[i, k]), rel=1e-6)


def test_mistakes_page_slides_hyperbolic_rows_inline():
    page = "common-mistakes"
    x = sp.Symbol("x", positive=True)
    for tex, f, right, slide in [
        (r"$\frac{d}{dx}\coth x = -\cosh^2 x$ (it is $-\operatorname{csch}^2 x$)", sp.coth(x), -sp.csch(x) ** 2,
         -sp.cosh(x) ** 2),
        (r"$\frac{d}{dx}\cosh x = -\cosh x \coth x$ (the row meant $\operatorname{csch}$: "
         r"$\frac{d}{dx}\operatorname{csch} x = -\operatorname{csch} x \coth x$)", sp.csch(x),
         -sp.csch(x) * sp.coth(x), None),
    ]:
        assert markdown_says(page, tex), tex
        assert sp.simplify((sp.diff(f, x) - right).rewrite(sp.exp)) == 0
        if slide is not None:
            assert sp.simplify((sp.diff(f, x) - slide).rewrite(sp.exp)) != 0
    assert sp.simplify((sp.diff(sp.cosh(x), x) + sp.cosh(x) * sp.coth(x)).rewrite(sp.exp)) != 0
    assert markdown_says(page, r"The gradient check compares the rules' gradient $a = -\Delta\theta/\eta$ with the "
                               r"central difference $c = \big(E(\theta + h) - E(\theta - h)\big)/2h$")



# ---------------------------------------------------------------------------------------------
# Valid examples the page once refused: both inputs 0, saturated hidden neurons, every v_i = 0 with tanh
# ---------------------------------------------------------------------------------------------

ZERO_INPUT = oracle.load_example(oracle.EXAMPLES_DIR / "zero-input-large-eta.json")
SATURATED = {**oracle.shipped(), "w_hidden": [[20.0, -18.0], [-22.0, 19.0], [21.0, 17.0]]}
CHECK = re.compile(r"Gradient check[^:]*: (?:right (\S+), )?\*\*wrong (\S+)\*\*")


def mistakes_with(tmp_path, ex: dict) -> str:
    """The common mistakes page as the build renders it with the worked example ``ex``, white space as rendered."""
    return pages_with(tmp_path, ex, ["common-mistakes"])["common-mistakes"]


def test_mistakes_page_shows_the_hidden_mistakes_on_the_biases_when_both_inputs_are_zero(tmp_path):
    """x = (0, 0): every hidden weight's update is 0, right or wrong, so mistakes 2, 4 and 5, shown on the hidden
    weights only, had nothing to catch and stopped the build. Each hidden mistake now shows rule (4)'s biases too: the
    page prints reference_net's right and wrong Δb_i of each and catches each, three orders apart."""
    ex = oracle.with_sample(ZERO_INPUT, x=[0.0, 0.0])
    p, x, d, eta = network_of(ex)
    text = mistakes_with(tmp_path, ex)
    shown = numbers_in(text)
    w_next = apply(p, updates(p, x, d, eta))["w_output"]
    net_232 = Network.random(2, 3, 2, seed=0, hidden=p["hidden"]).to_dict()
    wrongs = {
        "1": (p, d, updates(p, x, d, eta, w_back=w_next)),
        "2": (p, d, updates(p, x, d, eta, f_h_prime=False)),
        "4": (net_232, D_232, updates(net_232, x, D_232, eta, outputs=[0])),
        "5 logsig": ({**p, "hidden": "logsig"}, d, updates({**p, "hidden": "logsig"}, x, d, eta,
                                                             f_h_prime=lambda y: y * (1 + y))),
        "5 tansig": ({**p, "hidden": "tansig"}, d, updates({**p, "hidden": "tansig"}, x, d, eta,
                                                             f_h_prime=lambda y: 1 + y * y)),
    }
    for name, (net, target, wrong) in wrongs.items():
        right = updates(net, x, target, eta)
        assert all(v == 0 for v in flat(wrong, ["w_hidden"]) + flat(right, ["w_hidden"])), name  # the premise
        assert six(flat(wrong, ["b_hidden"])) <= shown and six(flat(right, ["b_hidden"])) <= shown, name
        assert relative_error(wrong, net, x, target, eta, ["b_hidden"]) > 1e-4, name
    checks = CHECK.findall(re.sub(r"\s+", " ", text))
    assert len(checks) == 7, checks
    for right, wrong in checks:
        assert float(right) < 1e-7 < 1e-4 < float(wrong) and float(wrong) / float(right) >= 1e3


def test_mistakes_page_passes_the_right_rules_on_saturated_hidden_neurons(tmp_path):
    """Hidden weights of size ~20: the hidden gradients are 1e-5 down to 1e-13 (the oracle's), and the right rules'
    relative error, rounding noise over the floor 1e-8, read 1e-5 and stopped the build at mistake 1. Every check now
    reads the right rules below 1e-7 and each mistake above 1e-4."""
    it = oracle.iteration(SATURATED)
    assert min(abs(v) for v in it["db_hidden"]) < 1e-12 < max(abs(v) for v in it["db_hidden"]) < 1e-4
    checks = CHECK.findall(prose_with(tmp_path, SATURATED, "common-mistakes"))
    assert len(checks) == 7, checks
    for right, wrong in checks:
        assert float(right) < 1e-7 < 1e-4 < float(wrong)


def test_mistakes_page_says_which_mistakes_change_nothing_when_every_v_i_is_zero(tmp_path):
    """A tanh hidden layer with x = (0, 0) and b_i = 0 (valid): every y_hi = 0 and f'(v_i) = 1, so no output weight
    moves (mistake 1 uses the same w_4i), dropping f'(v_i) drops a 1 (mistake 2) and 1 + y^2 = 1 - y^2 (mistake 5,
    tansig): reference_net's wrong updates equal the right ones. The page says so instead of stopping the build, and
    still catches the other mistakes."""
    ex = oracle.with_sample(oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json"), x=[0.0, 0.0],
                            b_hidden=[0.0, 0.0, 0.0])
    p, x, d, eta = network_of(ex)
    right = updates(p, x, d, eta)
    for wrong in (updates(p, x, d, eta, w_back=apply(p, right)["w_output"]), updates(p, x, d, eta, f_h_prime=False),
                  updates(p, x, d, eta, f_h_prime=lambda y: 1 + y * y)):
        assert flat(wrong) == flat(right)  # the premise
    said = prose_with(tmp_path, ex, "common-mistakes")
    assert ("Here every $y_{hi}$ is 0, so no output weight moves and $w_{ji}(n+1) = w_{ji}(n)$: the mistake changes "
            "nothing on this example") in said
    assert "Every $f'(v_i)$ is 1 here (every $v_i = 0$), so dropping it changes nothing on this example" in said
    assert ("Every $y_{hi}$ is 0 here, where the wrong row gives the right slope, so it changes nothing on this "
            "example (gradient check (tansig):") in said
    checks = CHECK.findall(said)
    assert len(checks) == 4, checks  # 2 (output), 3, 4 and 5 (logsig)
    for r_right, r_wrong in checks:
        assert float(r_right) < 1e-7 < 1e-4 < float(r_wrong)
    missed = check_summary(ex, said)  # the summary said every mistake fails the check
    assert set(missed) == {"1", "2 (hidden layer, $f'(v_i)$)", "5 (tansig)"}


# Mistake 1 missed: how far the output weights move, and which factor of eta e y_hi keeps it small.
SMALL_ETA_E = re.compile(r"Here the output weights move by \$\\Delta w_\{4i\} = \\eta e\\, y_\{hi\}\$, at "
                         r"most (\$[^$]+\$): (.*?)\. So the mistake shifts the hidden gradients only a little: "
                         r"gradient check right (\S+), wrong (\S+), below the \$10\^\{-4\}\$ that reads as a bug, so "
                         r"on this example the check does not catch the mistake, (?:though it is (.*?) above the right "
                         r"rules|(nor can it tell the mistake from the right rules here: .*?))\. (.*?) plainly\.")


def tex_sci(value: float) -> str:
    """A value in TeX's scientific notation with three significant digits, transcribed: 1.45 \\times 10^{-5}."""
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def moved_tex(value: float) -> str:
    """How far the output weights move, as the page writes it, transcribed: "at most" a bound, so its size rounded up
    (3.7539e-5 is written 3.76e-5), to six decimals from 10^-4 (three significant digits or more), else to three
    significant digits in TeX's scientific notation, in math."""
    size = Decimal(repr(abs(float(value))))
    sign = "-" if value < 0 else ""
    if Decimal("1e-4") <= size < Decimal("1e4"):
        return f"${sign}{size.quantize(Decimal('0.000001'), rounding=ROUND_UP)}$"
    exponent = size.adjusted()
    mantissa = size.scaleb(-exponent).quantize(Decimal("0.01"), rounding=ROUND_UP)
    if mantissa >= 10:  # 9.991 and up round up to 10.00
        mantissa, exponent = Decimal("1.00"), exponent + 1
    return f"${sign}{mantissa} \\times 10^{{{exponent}}}$"



def test_mistakes_page_says_when_a_small_eta_e_keeps_mistake_1_below_the_bug_threshold(tmp_path):
    """η = 0.005 and e = 0.015: using w_4i(n+1) = w_4i(n) + η e y_hi shifts the hidden gradients by a relative 3e-5,
    below the 1e-4 the page reads as a bug, and the build stopped. The page now says so, with η e, how far the output
    weights move and the two relative errors (reference_net's), orders apart; the other checks still read."""
    base = oracle.shipped()
    ex = oracle.with_sample(base, eta=0.005, d=round(oracle.iteration(base)["y"] + 0.015, 6))
    p, x, d, eta = network_of(ex)
    right = updates(p, x, d, eta)
    wrong = updates(p, x, d, eta, w_back=apply(p, right)["w_output"])
    r_wrong = relative_error(wrong, p, x, d, eta, ["w_hidden", "b_hidden"])
    assert 1e-7 < r_wrong < 1e-4  # the premise
    said = prose_with(tmp_path, ex, "common-mistakes")
    e = oracle.iteration(ex)["e"]
    moved = max(abs(v) for v in right["w_output"][0])
    m = SMALL_ETA_E.search(said)
    assert m, said[said.index("## 1."):][:3000]
    assert m[1] == moved_tex(moved) and m[2] == r"$\eta e = {{eta_e}}$ is small".replace("{{eta_e}}", tex_sci(eta * e))
    assert float(m[4]) == pytest.approx(r_wrong, rel=0.06) and float(m[3]) < 1e-7
    check_orders(m[5], float(m[4]), float(m[3]))
    assert m[7] == r"A larger $\eta$ or error shows it"
    checks = CHECK.findall(said)
    assert len(checks) == 6, checks  # every mistake but 1
    for r_right, r_bad in checks:
        assert float(r_right) < 1e-7 < 1e-4 < float(r_bad)
    assert check_summary(ex, said) == {"1": float(m[4])}  # the summary names mistake 1 as missed, with its r


# ---------------------------------------------------------------------------------------------
# A small error e: the central difference's truncation error, which does not shrink with e while the gradients do
# ---------------------------------------------------------------------------------------------

# Valid examples (|e| of 0.015 or 0.02, about the smallest the loader accepts, d with six decimals) whose right rules
# the page once read above 1e-7 and stopped the build: tanh with x = (8, -6) (1.6e-7 at e = 0.015, 1.2e-7 at
# e = 0.02; 2.5e-6 at e = 1e-3, which the loader now refuses) and logsig with x = (24, -18) (2.8e-7 at e = 0.015).
TANH_LARGE_X = {"w_hidden": [[0.2, 0.16], [-0.15, -0.3], [0.1, 0.05]], "b_hidden": [0.0, 0.1, -0.2],
                "w_output": [[2.0, -1.5, 1.0]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
                "x": [8.0, -6.0], "eta": 0.5}
SMALL_ERROR = {
    "tanh-e-0.015": {**TANH_LARGE_X, "d": 0.62956},
    "tanh-e-0.02": {**TANH_LARGE_X, "d": 0.63456},
    "logsig-e-0.015": {"w_hidden": [[0.15, 0.1], [-0.1, -0.12], [0.05, 0.2]], "b_hidden": [-0.5, 0.2, 0.1],
                       "w_output": [[3.0, -2.5, 2.0]], "b_output": [0.15], "hidden": "logsig", "output": "purelin",
                       "x": [24.0, -18.0], "d": 1.479748, "eta": 0.5},
}


@pytest.mark.parametrize("name", SMALL_ERROR)
def test_mistakes_page_passes_the_right_rules_when_e_is_small(tmp_path, name):
    """The right rules' gap, the central difference's truncation error, read above 1e-7 and the build stopped. Every
    check now reads the right rules below 1e-7 and each mistake above 1e-4, as reference_net's updates against its
    central differences give them (mistake 1 at logsig's e = 1e-3: eta e small, below 1e-4 but told apart, as its
    sentence says)."""
    ex = SMALL_ERROR[name]
    p, x, d, eta = network_of(ex)
    e = oracle.iteration(ex)["e"]
    assert 0.0142 <= abs(e) <= 0.021  # the premise: an error the loader accepts
    said = prose_with(tmp_path, ex, "common-mistakes")
    checks = CHECK.findall(said)
    small = SMALL_ETA_E.search(said)
    assert len(checks) == (6 if small else 7), checks
    for r_right, r_wrong in checks:
        assert float(r_right) < 1e-7 and float(r_wrong) >= 1e-4  # printed with two digits: 1.008e-4 reads 1.0e-04
    wrong_1 = updates(p, x, d, eta, w_back=apply(p, updates(p, x, d, eta))["w_output"])
    r_1 = relative_error(wrong_1, p, x, d, eta, ["w_hidden", "b_hidden"])
    if small:
        assert float(small[4]) == pytest.approx(r_1, rel=0.06) and float(small[3]) < 1e-7
        assert float(small[1]) == pytest.approx(eta * e, rel=1e-5)
    else:
        assert float(checks[0][1]) == pytest.approx(r_1, rel=0.06)
    assert ("A gap within what the central difference alone can be off by, its rounding noise plus Richardson's "
            "estimate of its truncation error") in prose("common-mistakes")


def allowance_decides(ex: dict) -> tuple[float, list[str], bool, float]:
    """The largest allowance (rounding noise plus Richardson's estimate from reference_net's differences at h and 2h)
    and the rows it decides: a gap within it where the plain relative error is RIGHT or more; whether rounding noise
    alone would leave one of them undecided (the truncation estimate decides it); and the most those rows' plain
    relative error can read, their allowance over their gradient's size (their gaps are the differences' own error,
    whose digits depend on rounding)."""
    p, x, d, eta = network_of(ex)
    it = oracle.iteration(ex)
    a = [-v / eta for v in it["dw_output"][0] + it["db_output"] + [v for row in it["dw_hidden"] for v in row]
         + it["db_hidden"]]
    c1, c2 = flat(finite_differences(p, x, d, 1e-5)), flat(finite_differences(p, x, d, 2e-5))
    noise = gradcheck.rounding_noise(Network(**{k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output")},
                                             hidden=p["hidden"], output=p["output"]), x, d)
    tol = [noise + abs(u - v) / 3 for u, v in zip(c2, c1)]
    labels = ["w_{41}", "w_{42}", "w_{43}", "b_4"] + [f"w_{{{i}{k}}}" for i in (1, 2, 3) for k in (1, 2)] \
        + ["b_1", "b_2", "b_3"]
    decided = [(f"${label}$", abs(ai - ci) > noise, t / (abs(ai) + abs(ci)))
               for label, ai, ci, t in zip(labels, a, c1, tol)
               if abs(ai - ci) <= t and abs(ai - ci) / max(abs(ai) + abs(ci), 1e-8) >= gradcheck.RIGHT]
    return (max(tol), [label for label, _, _ in decided], any(by_cut for _, by_cut, _ in decided),
            max((most for _, _, most in decided), default=0.0))


# The review's s7: logsig with v_i = ±8, whose small hidden gradients the plain relative error (1e-10 to 1e-8) already
# reads as right; the old allowance named 7 of them 'too small for a relative error'.
V_PM8 = {"w_hidden": [[2.0, 1.5], [-2.0, -1.5], [0.3, -0.2]], "b_hidden": [1.0, -1.0, 0.1],
         "w_output": [[0.5, -0.4, 0.8]], "b_output": [0.0], "hidden": "logsig", "output": "purelin",
         "x": [2.0, 2.0], "d": 1.5, "eta": 0.5}


@pytest.mark.parametrize("name", ["in use", *SMALL_ERROR, "v-pm8", "review2-B", "review2-C2"])
def test_mistakes_page_says_how_a_gap_is_judged_on_the_worked_example(tmp_path, name):
    """'On the worked example, where the network's error is e = ..., the central difference alone can be off by up to
    A': A and e from the oracle, and the rows the allowance decides (a plain relative error of RIGHT or more, with a gap
    within it) named with what decides them and what their plain relative error would read, or none, as the oracle's
    gaps say. The page once said '(its error is e = ...)', as if of the central difference, and that the plain relative
    error 'would read its rounding noise as a bug', where on the second review's B it reads at most 1.7e-05."""
    ex = {"in use": EX_IN_USE, "v-pm8": V_PM8, "review2-B": REVIEW2["B"], "review2-C2": REVIEW2["C2"]}.get(name) \
        or SMALL_ERROR[name]
    said = prose("common-mistakes") if name == "in use" else prose_with(tmp_path, ex, "common-mistakes")
    allowance, decided, by_cut, most = allowance_decides(ex)
    m = re.search(r"On the worked example, where the network's error is \$e = (\S+)\$, the central difference alone "
                  r"can be off by up to (\S+) \(its rounding noise and its truncation error together\): ", said)
    assert m and float(m[2]) == pytest.approx(allowance, rel=0.06)
    assert m[1] == s6(oracle.iteration(ex)["e"])  # e with the site's six decimals, as every page prints it
    if decided:
        cause = "its truncation error" if by_cut else "its rounding noise"  # what rounding alone would not clear
        many = len(decided) > 1
        # said by what decides those rows, not "too small for a relative error": a smaller gradient whose plain r
        # stays below RIGHT is not among them (a TA's saturated example)
        m = re.search(rf"on the gradient{'s' if many else ''} of {re.escape(and_list(decided))} the plain relative "
                      rf"error would read {cause} as the rules' error \(up to (\S+), (.*?)\), so there a gap within "
                      r"that allowance counts 0\.", said)
        assert m, said[said.find("On the worked example"):][:1000]
        assert gradcheck.RIGHT <= float(m[1]) <= 1.06 * most
        assert m[2] == ("above the $10^{-4}$ that reads as a bug" if float(m[1]) > 1e-4 else
                        "not a bug, but above the $10^{-7}$ below which the check reads rules as right")
        assert "as a bug)" not in said or float(m[1]) > 1e-4
    else:
        assert ("that allowance decides none of its gradients, so each check below on its network reads the plain "
                "relative error (mistakes 2 and 5 also check its weights with another activation, and say so where "
                "the allowance decides a row there).") in said
    check_floor_sentence(ex, said, decided)
    if name in SMALL_ERROR:
        assert decided, "the premise: a small e leaves some gradients to the allowance"
    if name == "v-pm8":
        assert not decided, "the premise: every plain relative error already below RIGHT"






@pytest.mark.parametrize("name", ["A", "B", "C"])
def test_mistakes_page_says_what_the_check_misses_on_the_reviews_examples(tmp_path, name):
    """The review's examples: on A mistakes 1, 2 (hidden) and 5 (tansig) change nothing; on B mistake 1 reads
    9.8e-05, below 1e-4; on C dropping f'(v_i) and the wrong tansig row read 1.1e-05 and 2.1e-05 (every f'(v_i) within
    2e-5 of 1), and the build stopped. The summary says which the check misses, with reference_net's r, the sections
    on C say why from the oracle's slopes (r = (1 - f')/(1 + f') and y_hi^2), and the introduction names the gradients
    that are exactly 0 (x_1 = 0 on B, every x_k and y_hi on A)."""
    ex = {"A": REVIEW_A, "B": REVIEW_B, "C": REVIEW_C}[name]
    said = prose_with(tmp_path, ex, "common-mistakes")
    missed = check_summary(ex, said)
    assert set(missed) == {"A": {"1", "2 (hidden layer, $f'(v_i)$)", "5 (tansig)"}, "B": {"1"},
                           "C": {"2 (hidden layer, $f'(v_i)$)", "5 (tansig)"}}[name]
    check_floor_sentence(ex, said, [])
    if name != "C":
        return
    y_h, _ = forward(ex, ex["x"])
    f_prime = [1 - y * y for y in y_h]
    m = re.search(r"Each hidden gradient is then the right one over \$f'\(v_i\)\$, so its relative error is "
                  r"\$\(1 - f'\(v_i\)\)/\(1 \+ f'\(v_i\)\)\$, and every \$f'\(v_i\)\$ is within (\S+) of 1 here: "
                  r"gradient check right (\S+), wrong (\S+), below the \$10\^\{-4\}\$ that reads as a bug, so on this "
                  r"example the check does not catch the mistake\.", said)
    assert m and float(m[1]) == pytest.approx(max(1 - f for f in f_prime), rel=0.06)
    assert float(m[3]) == pytest.approx(max((1 - f) / (1 + f) for f in f_prime), rel=0.06) == missed[SUMMARY_NAMES[1]]
    m = re.search(r"so each neuron's relative error is \$y_\{hi\}\^2\$, at most \$(\S+ \\times 10\^\{-?\d+\})\$ here: "
                  r"gradient check \(tansig\) right (\S+), wrong (\S+), below the \$10\^\{-4\}\$ that reads as a bug",
                  said)
    assert m and m[1] == oracle.at_most_string(max(y * y for y in y_h))
    assert float(m[3]) == pytest.approx(max(y * y for y in y_h), rel=0.06) == missed["5 (tansig)"]


def test_mistakes_page_says_how_far_apart_mistake_1_is_with_a_tiny_eta(tmp_path):
    """eta = 1e-6 and e = 0.015 (valid): eta e = 1.5e-8 moves the output weights by 1e-8, so mistake 1 shifts the
    hidden gradients by a relative of about 1e-9. The build stopped there ("Change the page or the example") for an
    example the loader accepts; the page now says the check does not catch the mistake, why the step is small, and how
    far apart the two relative errors are."""
    base = oracle.shipped()
    ex = oracle.with_sample(base, eta=0.000001, d=round(oracle.iteration(base)["y"] + 0.015, 6))
    ex.pop("practice", None)
    said = prose_with(tmp_path, ex, "common-mistakes")
    m = SMALL_ETA_E.search(said)
    assert m, said[said.index("## 1."):][:3000]
    e = oracle.iteration(ex)["e"]
    assert m[2] == rf"$\eta e = {tex_sci(1e-6 * e)}$ is small" and m[7] == r"A larger $\eta$ or error shows it"
    assert float(m[4]) < 1e-7
    check_orders(m[5], float(m[4]), float(m[3]))
    missed_1(said, m[4])


# A random example the loader accepts (saturated hidden neurons, x_1 = 0), with a small eta.
SATURATED_SMALL_ETA = {"w_hidden": [[2.176, 7.5], [-7.38, 2.9], [7.648, -3.5]], "b_hidden": [-6.304, 0.0, -6.8],
             "w_output": [[-3.96, 5.138, 2.544]], "b_output": [0.401], "x": [0.0, -0.5], "d": -1.88}


@pytest.mark.parametrize("eta", [0.0001, 0.000001])
def test_mistakes_page_says_whether_the_check_tells_mistake_1_from_the_right_rules(tmp_path, eta):
    """SATURATED_SMALL_ETA: with eta = 1e-4 mistake 1 reads 6.1e-6 against the right rules' 1.4e-8, about 430 times;
    with eta = 1e-6, 6.1e-8 against 1.4e-8, not ten times. Both below the 1e-4 of a bug, and the build stopped at both
    (it wanted three orders of magnitude, or 1e-5). The page now says it does not catch the mistake and how many whole
    orders apart the two are, or, under one, that it cannot tell the mistake from the right rules."""
    base = oracle.shipped()
    ex = oracle.with_sample(base, **SATURATED_SMALL_ETA, eta=eta)
    ex.pop("practice", None)
    said = prose_with(tmp_path, ex, "common-mistakes")
    m = SMALL_ETA_E.search(said)
    assert m, said[said.index("## 1."):][:3000]
    r_right, r_wrong = float(m[3]), float(m[4])
    assert r_wrong < 1e-5 and r_wrong / r_right < 1000  # the premise: refused before
    if r_wrong / r_right > 11:
        check_orders(m[5], r_wrong, r_right)
        assert m[6] is None and eta == 0.0001
    else:
        assert r_wrong / r_right < 10 * 1.11 and eta == 0.000001
        assert m[5] is None
        assert m[6] == "nor can it tell the mistake from the right rules here: the two are less than one order of " \
                       "magnitude apart"
    missed_1(said, m[4])


def missed_1(said: str, r: str) -> None:
    """The closing summary names mistake 1, alone, as moving the gradients too little, with the r its section printed.
    (check_summary compares that r with reference_net's plain relative error, which these examples' gaps, within what
    the central difference can be off by, leave far above the r the page's check reads.)"""
    assert (f"It does not catch mistake 1 (r = {r}), which moves the gradients too little for the $10^{{-4}}$ that "
            "reads as a bug: its section says why.") in said, said[said.index("On this example"):]


# A reviewer's tanh example with two saturated neurons (v_1 = -8, v_3 = 9): mistake 1's check said "wrong 5.1e-01",
# a figure no row that shows gives (at most 0.079): it came from neuron 3's rows, which print 0.000000 in every column.
TWO_SATURATED = {"w_hidden": [[-4.0, 2.0], [0.5, 0.25], [4.0, -3.0]], "b_hidden": [0.0, 0.5, 0.0],
                 "w_output": [[0.6, -1.2, 0.4]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
                 "x": [1.5, -1.0], "d": -2.0, "eta": 0.25}


def oracle_updates(run: dict) -> list[float]:
    """An oracle iteration's Δw_11 ... Δw_32, then Δb_1 ... Δb_3 (as reference_net.flat orders its updates)."""
    return [*itertools.chain(*run["dw_hidden"]), *run["db_hidden"]]


@pytest.mark.parametrize("name", ["two-saturated", "in-use"])
def test_mistakes_page_says_which_row_gives_a_figure_the_table_prints_as_0(tmp_path, name):
    """Mistake 1's largest relative error, from plain math (the oracle's right and wrong updates read as gradients
    against the right ones): where the differences of its rows print as 0.000000 the page names every row whose
    error prints as the largest (a reviewer's example named Δw_31 of three rows with one factor, picked by the central
    difference's rounding), and gives both updates where there is one; where one shows, it says nothing more."""
    ex = TWO_SATURATED if name == "two-saturated" else oracle.load_example(oracle.DEFAULT_FILE)
    it = oracle.iteration(ex)
    wrong_it = oracle.iteration(ex, back_weights=it["w_output_new"])
    right, wrong = oracle_updates(it), oracle_updates(wrong_it)
    r = [abs(w - g) / (abs(w) + abs(g)) for g, w in zip(right, wrong)]
    tied = [i for i, v in enumerate(r) if f"{v:.1e}" == f"{max(r):.1e}"]  # every row as the page prints it
    labels = [f"w_{{{i}{k}}}" for i in (1, 2, 3) for k in (1, 2)] + ["b_1", "b_2", "b_3"]
    text = prose_with(tmp_path, ex, "common-mistakes")
    block = text[text.index("Gradient check of the hidden gradients"):]
    block = block[:block.index("The fix is the order")]

    def sci(value):
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{mantissa} \\times 10^{{{int(exponent)}}}"

    hidden = all(f"{wrong[i] - right[i]:.6f}" in ("0.000000", "-0.000000") for i in tied)
    if len(tied) == 1:
        note = (f"The largest relative error, {max(r):.1e}, is that of $\\Delta {labels[tied[0]]}$, whose right and "
                f"wrong updates, ${sci(right[tied[0]])}$ and ${sci(wrong[tied[0]])}$, differ below the table's last "
                "decimal")
    else:  # one factor scales a neuron's rows alike: every one of them is named, none picked by rounding
        names = and_list(["$\\Delta " + labels[i] + "$" for i in tied])
        note = (f"The largest relative error, {max(r):.1e}, is that of {names}, whose differences lie below the "
                "table's last decimal")
    if name == "two-saturated":
        assert hidden, "the premise"
        assert [labels[i] for i in tied] == ["w_{31}", "w_{32}", "b_3"] and note in block, block
    else:
        assert not hidden, "the premise"
        assert "differ below the table's last decimal" not in block, block


# ---------------------------------------------------------------------------------------------
# Every inline EXPRESSION of the page (``markdown_inline_expressions``: a formula with no relation of its own that the
# prose says something of, "multiplies each hidden update by $1/f'(v_i)$: at least $4$ for logsig"), listed in page
# order as typed, each with a check of what its sentence says: the package's relative error and thresholds, the
# reference rules with each mistake injected (``reference_net.updates``, plain Python), or sympy.
# ---------------------------------------------------------------------------------------------

Y_S = sp.Symbol("Y", real=True)
V_S = sp.Symbol("v", real=True)
LOGSIG_S = 1 / (1 + sp.exp(-V_S))
X_S = sp.Symbol("x", positive=True)


def sympy_equal(a: sp.Expr, b: sp.Expr) -> bool:
    """a = b for every value (``tests.support.symbolic.identical``, hyperbolic functions written with exp; clearly
    apart at v = x = 0.7 is not equal, without simplify)."""
    def apart(gap: sp.Expr) -> bool:
        return abs(float(gap.subs({V_S: 0.7, X_S: 0.7}))) > 1e-9
    return identical(sp.sympify(a).rewrite(sp.exp), sp.sympify(b).rewrite(sp.exp), differs=apart)


def relative_error_is_the_formula() -> bool:
    """The package's relative error is |a - c| / max(|a| + |c|, 10^-8), by hand: 3e-9 against 0 reads 0.3 (the
    floor), 0.3 against 0.1 reads 0.5, and 0 against 0 reads 0, not 0/0 (the floor keeps it away)."""
    got = gradcheck.relative_error([3e-9, 0.3, 0.0], [0.0, 0.1, 0.0])
    return gradcheck.FLOOR == 1e-8 and bool(np.allclose(got, [0.3, 0.5, 0.0], rtol=1e-12, atol=0))


def relative_error_is_at_most_1() -> bool:
    """The package's relative error never exceeds 1, on random pairs of every sign and size, zeros among them, and
    pairs below the floor."""
    rng = np.random.default_rng(7)
    a = rng.normal(size=3000) * 10.0 ** rng.integers(-12, 3, 3000)
    c = rng.normal(size=3000) * 10.0 ** rng.integers(-12, 3, 3000)
    a[::7], c[::11] = 0.0, 0.0
    return bool(np.all(gradcheck.relative_error(a, c) <= 1.0))


def triangle_equality_where_signs_oppose() -> bool:
    """|a - c| <= |a| + |c|, equal exactly where a and c have opposite signs or one of them is 0 (a c <= 0), in exact
    rational arithmetic on random doubles, zeros among them."""
    rng = np.random.default_rng(8)
    doubles = rng.normal(size=(400, 2)) * 10.0 ** rng.integers(-9, 3, (400, 2))
    pairs = [(Fraction(float(a)), Fraction(float(c))) for a, c in doubles]
    pairs += [(Fraction(0), Fraction(0.3)), (Fraction(-0.2), Fraction(0)), (Fraction(0), Fraction(0))]
    return (all(abs(a - c) <= abs(a) + abs(c) for a, c in pairs)
            and all((abs(a - c) == abs(a) + abs(c)) == (a * c <= 0) for a, c in pairs)
            and any(a * c < 0 for a, c in pairs) and any(a * c > 0 for a, c in pairs))


def r_text_keeps_the_side_of(limit: float, mantissa: float) -> bool:
    """caught.r_text prints one decimal of the mantissa (6.8e-01), and more where that would put a relative error on
    the wrong side of ``limit`` or on it: each printed value, read back, lies on the same side of ``limit`` as the
    value itself, for values within 0.5 % of it."""
    one_decimal = caught.r_text(0.68) == "6.8e-01"
    near = [limit * (1 + k * 1e-4) for k in range(-50, 51) if k]
    return one_decimal and all((float(caught.r_text(r)) < limit) == (r < limit) and float(caught.r_text(r)) != limit
                               for r in near if r <= 1.0) and caught.r_text(limit).startswith(f"{mantissa:.1f}e")


def right_rules_read_below(threshold: float) -> bool:
    """The right rules' relative error (the reference's, against central differences) on each network of the page's
    mistakes is below ``threshold``."""
    return all(relative_error(right, net, X, D_232 if net is NET_232 else D, ETA, names) < threshold
               for net, right, _, names in MISTAKES.values())


def every_mistake_reads_above(threshold: float) -> bool:
    return all(relative_error(wrong, net, X, D_232 if net is NET_232 else D, ETA, names) > threshold
               for net, _, wrong, names in MISTAKES.values())


def small_gradient_counts_0() -> bool:
    """A gap within the allowance counts 0 on a gradient too small to judge relatively (plain: 1/3, a bug)."""
    return (gradcheck.relative_error([1e-6], [2e-6], atol=1e-5)[0] == 0.0
            and math.isclose(gradcheck.relative_error([1e-6], [2e-6])[0], 1 / 3))


def zero_inputs_no_hidden_weight_step() -> bool:
    """With both inputs 0 every Δw_ik is 0, with the right rules and with each hidden mistake; the biases' Δb_i are
    not 0 and show the mistakes."""
    zero = [0.0, 0.0]
    right = updates(WORKED, zero, D, ETA)
    wrongs = [updates(WORKED, zero, D, ETA, w_back=apply(WORKED, right)["w_output"]),
              updates(WORKED, zero, D, ETA, f_h_prime=False), updates(WORKED, zero, D, ETA, e_sign=-1.0)]
    return all(dw == 0.0 for u in (right, *wrongs) for row in u["w_hidden"] for dw in row) and all(
        flat(u, ["b_hidden"]) != flat(right, ["b_hidden"]) and any(flat(u, ["b_hidden"])) for u in wrongs)


def output_weights_first_uses_the_new_ones() -> bool:
    """Rule (1) applied first, then rules (3) and (4): Δw_ik = η f'(v_i) Σ_j w_ji(n+1) δ_j x_k with the oracle's
    f'(v_i), δ_j and w_ji(n+1) (its new output weights), which is the mistake's update and not the right one."""
    it = oracle.iteration(EX_IN_USE)
    new_w = it["w_output_new"]
    by_hand = [[ETA * it["fp_hidden"][i] * sum(new_w[j][i] * it["delta_output"][j] for j in range(len(new_w))) * xk
                for xk in X] for i in range(3)]
    wrong = MISTAKES["1 output weights first"][2]["w_hidden"]
    return np.allclose(by_hand, wrong, rtol=1e-12, atol=1e-15) and not np.allclose(by_hand, it["dw_hidden"])


def dropping_f_prime_multiplies_by_its_inverse() -> bool:
    """Without f'(v_i) each hidden update is the right one times 1/f'(v_i), f'(v_i) the oracle's."""
    _, right, wrong, _ = MISTAKES["2 f'(v_i) dropped"]
    fp = oracle.iteration(EX_IN_USE)["fp_hidden"]
    return all(math.isclose(w, r / fp[i], rel_tol=1e-12, abs_tol=1e-15)
               for i, (w_row, r_row) in enumerate(zip(wrong["w_hidden"], right["w_hidden"], strict=True))
               for w, r in zip(w_row, r_row, strict=True))


def linear_output_factor_is_1() -> bool:
    """f(v_4) = v_4 has f' = 1, so dropping f'(v_j) changes nothing on a linear output, and changes the updates of
    a non-linear one (no factor can hide behind a 1 there)."""
    linear, tansig = {**WORKED, "output": "purelin"}, {**WORKED, "output": "tansig"}
    return (sp.diff(V_S, V_S) == 1
            and updates(linear, X, D, ETA, f_o_prime=False) == updates(linear, X, D, ETA)
            and updates(tansig, X, D, ETA, f_o_prime=False) != updates(tansig, X, D, ETA))


def wrong_error_flips_every_update() -> bool:
    """e = y - d with +η: every update is the right one negated."""
    return all(w == -r for w, r in zip(flat(updates(WORKED, X, D, ETA, e_sign=-1.0)), flat(updates(WORKED, X, D, ETA)),
                                       strict=True))


# f' = y(1 - y) = 1/4 - (y - 1/2)^2 <= 1/4 and f' = 1 - y^2 <= 1 (a square is not negative): 1/f' >= 4 and >= 1
LOGSIG_SLOPE = lambda: sympy_equal(sp.diff(LOGSIG_S, V_S), LOGSIG_S * (1 - LOGSIG_S))  # noqa: E731
TANSIG_SLOPE = lambda: sympy_equal(sp.diff(sp.tanh(V_S), V_S), 1 - sp.tanh(V_S) ** 2)  # noqa: E731

MISTAKES_EXPRESSIONS = [
    # "reports the largest relative error ... (the floor only keeps $0/0$ away ...): below $10^{-7}$ reads as right
    # (correct rules usually read about $10^{-8}$ or less), above $10^{-4}$ means a bug"
    (r"|a - c| / \max(|a| + |c|, 10^{-8})", relative_error_is_the_formula),
    (r"0/0", relative_error_is_the_formula),
    (r"10^{-7}", lambda: gradcheck.RIGHT == 1e-7 and right_rules_read_below(gradcheck.RIGHT)),
    (r"10^{-8}", lambda: right_rules_read_below(gradcheck.RIGHT)),
    (r"10^{-4}", lambda: caught.WRONG == 1e-4 and every_mistake_reads_above(caught.WRONG)),
    # "and it is never above $1$: $|a - c| \le |a| + |c|$, with equality where $a$ and $c$ have opposite signs or one
    # of them is $0$. The page prints each relative error with one decimal of its mantissa, or with more where one
    # would hide which side of $10^{-7}$ or $10^{-4}$ it lies, or that it is not $1$."
    (r"1", relative_error_is_at_most_1),
    (r"0", triangle_equality_where_signs_oppose),
    (r"10^{-7}", lambda: gradcheck.RIGHT == 1e-7 and r_text_keeps_the_side_of(gradcheck.RIGHT, 1.0)),
    (r"10^{-4}", lambda: caught.WRONG == 1e-4 and r_text_keeps_the_side_of(caught.WRONG, 1.0)),
    (r"1", lambda: r_text_keeps_the_side_of(1.0, 1.0)),
    (r"0", small_gradient_counts_0),  # "counts $0$ on a gradient too small to judge relatively"
    (r"0", zero_inputs_no_hidden_weight_step),  # "with both inputs $0$ every $\Delta w_{ik}$ is $0$"
    (r"0", zero_inputs_no_hidden_weight_step),
    (r"w_{ji}(n+1)", output_weights_first_uses_the_new_ones),  # "with the new output weights uses $w_{ji}(n+1)$"
    # "Dropping ... $f'(v_i)$ multiplies each hidden update by $1/f'(v_i)$: at least $4$ for logsig ..., and at least
    # $1$ for tansig"
    (r"1/f'(v_i)", dropping_f_prime_multiplies_by_its_inverse),
    (r"4", lambda: LOGSIG_SLOPE() and identical(sp.Rational(1, 4) - Y_S * (1 - Y_S), (Y_S - sp.Rational(1, 2)) ** 2)),
    (r"1", lambda: TANSIG_SLOPE() and identical(1 - (1 - Y_S**2), Y_S**2)),
    (r"1", linear_output_factor_is_1),  # "with $f(v_4) = v_4$ it is $1$, so leaving it out changes nothing"
    (r"+\eta", wrong_error_flips_every_update),  # "e = y - d but keeping $+\eta$ flips the sign of every update"
    # "the logsig derivative written $f(v)(1 + f(v))$ instead of $f(v)(1 - f(v))$, the tansig ... $1 + y^2$ instead
    # of $1 - y^2$"
    (r"f(v)(1 + f(v))", lambda: not sympy_equal(sp.diff(LOGSIG_S, V_S), LOGSIG_S * (1 + LOGSIG_S))),
    (r"f(v)(1 - f(v))", LOGSIG_SLOPE),
    (r"1 + y^2", lambda: not sympy_equal(sp.diff(sp.tanh(V_S), V_S), 1 + sp.tanh(V_S) ** 2)),
    (r"1 - y^2", TANSIG_SLOPE),
    (r"-\operatorname{csch}^2 x", lambda: sympy_equal(sp.diff(sp.coth(X_S), X_S), -sp.csch(X_S) ** 2)),  # "(it is)"
    (r"1", linear_output_factor_is_1),  # "so that no factor can hide behind a $1$"
]


def test_mistakes_page_types_exactly_the_listed_expressions():
    assert markdown_inline_expressions("common-mistakes") == [norm_tex(tex) for tex, _ in MISTAKES_EXPRESSIONS]


@pytest.mark.parametrize(("tex", "check"), MISTAKES_EXPRESSIONS,
                         ids=[str(n) for n in range(len(MISTAKES_EXPRESSIONS))])
def test_mistakes_page_each_listed_expression_says_what_holds(tex, check):
    assert check(), f"{tex!r}: what its sentence says does not hold"


def test_mistakes_page_prints_every_relative_error_with_r_text():
    """The page says how it prints a relative error (caught.r_text: more digits where one decimal would print 10^-7,
    10^-4 or 1 for a value that is none of them); a reviewer found two printed with `:.1e` instead ("= 1.0e-04" beside
    "wrong 9.98e-05" for one number). What the page's code still formats so is no relative error: the check's
    allowance, 1 - f'(v_i), and the sizes of terms."""
    code = (DOCS / "common-mistakes.md").read_text(encoding="utf-8") + inspect.getsource(readings_mistakes)
    formatted = re.findall(r"\{([^{}]*?):\.1e\}", code)  # the page's code, and the verdicts it prints
    assert sorted(formatted) == ["abs(c)", "allowance", "np.max(1 - f_prime)"], formatted


def test_mistakes_page_expression_checks_can_fail():
    """Wrong versions fail: the floor 10^-6; a threshold the right rules do not meet (10^-12) or the mistakes do not
    pass (1); f'(v_i) kept where the page says it is dropped; a sign flipped in the logsig slope; the csch row with
    cosh (the slides' row)."""
    assert not np.allclose(gradcheck.relative_error([3e-9], [0.0]), [3e-9 / 1e-6])
    assert not right_rules_read_below(1e-12)
    assert not every_mistake_reads_above(1.0)
    _, right, _, _ = MISTAKES["2 f'(v_i) dropped"]
    fp = oracle.iteration(EX_IN_USE)["fp_hidden"]
    assert not all(math.isclose(r, r / fp[i]) for i, row in enumerate(right["w_hidden"]) for r in row)
    assert not sympy_equal(sp.diff(LOGSIG_S, V_S), LOGSIG_S * (1 + LOGSIG_S))
    assert not sympy_equal(sp.diff(sp.coth(X_S), X_S), -sp.cosh(X_S) ** 2)
    assert not r_text_keeps_the_side_of(0.5, 5.0)  # 0.5 has no digits added: 0.5001 prints 5.0e-01, 0.5 itself


# A reviewer's example (tansig, eta = 0.001, saturated neurons): every difference of mistake 1's table, and of the
# iteration page's table of the same right and wrong updates, printed 0.000000, while the text said the wrong order
# enlarges or shrinks the updates and, in one row, the two columns printed 0.000060 and 0.000059.
SMALL_DIFFERENCES = {"w_hidden": [[1.37, 4.7], [-4.19, 6.41], [1.3, -7.8]], "b_hidden": [7.1, -4.9, -7.668],
                     "w_output": [[2.02, 2.01, 1.608]], "b_output": [0.7], "hidden": "tansig", "output": "purelin",
                     "x": [0.066, -0.6], "d": 2.2, "eta": 0.001}


def test_a_table_whose_differences_print_as_0_says_how_small_they_are(tmp_path):
    """Mistake 1's table and the iteration page's say where a difference that is not 0 prints as 0.000000, with the
    largest of them (the oracle's right updates against those with w_4i(n+1), in plain math)."""
    it = oracle.iteration(SMALL_DIFFERENCES)
    wrong_it = oracle.iteration(SMALL_DIFFERENCES, back_weights=it["w_output_new"])
    diffs = [w - r for r, w in zip(oracle_updates(it), oracle_updates(wrong_it))]
    hidden = [abs(g) for g in diffs if g != 0 and f"{abs(g):.6f}" == "0.000000"]
    assert hidden and max(hidden) < 5e-7  # the premise
    note = (r"Where the difference column prints $0.000000$, the difference is below its last decimal, at most "
            rf"${oracle.at_most_string(max(hidden))}$ in size.")
    rendered = pages_with(tmp_path, SMALL_DIFFERENCES, ["common-mistakes", "iteration-and-training"],
                          skip="regression_data")
    # the rows whose right and wrong updates print alike, and not as 0, are named on both pages
    labels = [f"w_{{{i}{k}}}" for i in (1, 2, 3) for k in (1, 2)] + [f"b_{i}" for i in (1, 2, 3)]
    alike = [rf"$\Delta {label}$" for label, r, w in zip(labels, oracle_updates(it), oracle_updates(wrong_it))
             if r != w and f"{r:.6f}" == f"{w:.6f}" and float(f"{r:.6f}") != 0]
    assert len(alike) > 1  # the premise
    named = f"In the rows of {', '.join(alike[:-1])} and {alike[-1]} the right and wrong columns print alike"
    for page, text in rendered.items():
        assert note in re.sub(r"\s+", " ", text), page
        assert named in re.sub(r"\s+", " ", text), page
    # mistake 5's logsig table too: Δw_31 with the slope (1 + y_h3)/(1 - y_h3) times the right one, 3.3e-7 apart
    logsig = {**SMALL_DIFFERENCES, "hidden": "logsig"}
    it5 = oracle.iteration(logsig)
    slope = [y * (1 - y) for y in it5["y_hidden"]]
    wrong5 = [[dw * (y * (1 + y)) / s for dw in row] for row, y, s in zip(it5["dw_hidden"], it5["y_hidden"], slope)]
    hidden5 = [abs(w - r) for rr, ww in zip(it5["dw_hidden"], wrong5) for r, w in zip(rr, ww)
               if w != r and f"{abs(w - r):.6f}" == "0.000000"]
    section = re.sub(r"\s+", " ", rendered["common-mistakes"]).split("## 5.")[1]
    assert hidden5 and "Where the difference column prints $0.000000$, the difference is below its last decimal" in \
        section
    # the example in use: said exactly where one of its differences that is not 0 prints as 0
    base = oracle.load_example()
    it, wrong_it = oracle.iteration(base), oracle.iteration(base, back_weights=oracle.iteration(base)["w_output_new"])
    below = any(w != r and f"{abs(w - r):.6f}" == "0.000000"
                for r, w in zip(oracle_updates(it), oracle_updates(wrong_it)))
    assert ("Where the difference column prints" in prose("common-mistakes")) == below


def test_mistake_5_judges_a_slip_by_its_own_size_where_the_central_difference_is_noisier(tmp_path):
    """A random example the loader accepts (logsig, every v_i below -10): the wrong logsig row multiplies neuron i's
    gradients by (1 + y_hi)/(1 - y_hi), a relative error of y_hi, at most 1.9e-5 (the oracle's), yet the check's plain
    relative error read 3.1e-4 (the central difference's own error on those tiny gradients), so the build stopped,
    saying e = 2.76 was small. The page now reads the slip's own size, y_hi, and says the check does not catch it."""
    ex = {"w_hidden": [[-0.3, 7.21], [-6.3, 6.209], [-7.719, -3.7]], "b_hidden": [-4.9, 4.87, -7.788],
          "w_output": [[-5.36, -3.52, 4.296]], "b_output": [-0.36], "hidden": "logsig", "output": "purelin",
          "x": [1.8, -0.75], "d": 2.4, "eta": 0.5}
    y_h = oracle.iteration(ex)["y_hidden"]
    assert max(y_h) < 1e-4  # the premise
    said = prose_with(tmp_path, ex, "common-mistakes").split("## 5.")[1]
    assert (r"so each neuron's relative error is $y_{hi}$, at most " + f"${oracle.at_most_string(max(y_h))}$ here: "
            "gradient check (logsig)") in said, said[:3000]
    assert "so on this example the check does not catch the mistake" in said


def test_a_check_on_the_weights_with_another_activation_says_which_rows_its_allowance_decides(tmp_path):
    """A reviewer's example, a logsig neuron near saturation (v_1 = 9.8): under tanh (mistake 5's other check) f'(v_1)
    is 1.2e-8, the right rules' plain relative errors on w_11 and b_1 are far above 1e-7, and the check's allowance set
    them to 0, while the page said the allowance decided none of the worked example's gradients and nothing of that
    network. Its line now names those rows: the oracle's, plain relative error RIGHT or more with the gap within the
    oracle's rounding bound plus Richardson's estimate from reference_net's central differences."""
    ex = {"w_hidden": [[4.0, 0.3], [0.5, -0.2], [-0.4, 0.6]], "b_hidden": [5.0, 0.1, -0.3],
          "w_output": [[0.8, -0.5, 0.7]], "b_output": [-0.2], "hidden": "logsig", "output": "purelin",
          "x": [1.2, 0.0], "d": 1.1, "eta": 0.4}
    tanh = {**ex, "hidden": "tansig"}
    p, x, d, eta = network_of(tanh)
    it = oracle.iteration(tanh)
    a = [-v / eta for v in [*it["dw_hidden"][0], *it["dw_hidden"][1], *it["dw_hidden"][2], *it["db_hidden"]]]
    c1, c2 = (flat(finite_differences(p, x, d, h))[4:] for h in (1e-5, 2e-5))  # the hidden rows of reference_net
    noise = oracle.rounding_noise(tanh)
    names = ["$w_{11}$", "$w_{12}$", "$w_{21}$", "$w_{22}$", "$w_{31}$", "$w_{32}$", "$b_1$", "$b_2$", "$b_3$"]
    decided = [name for name, ai, ci, ci2 in zip(names, a, c1, c2)
               if abs(ai - ci) / max(abs(ai) + abs(ci), 1e-8) >= 1e-7 and abs(ai - ci) <= noise + abs(ci2 - ci) / 3]
    assert decided == ["$w_{11}$", "$b_1$"], decided  # the premise
    said = prose_with(tmp_path, ex, "common-mistakes").split("## 5.")[1]
    assert ("On this network the check's allowance decides the rows of $w_{11}$ and $b_1$: the plain relative error "
            "would read the central difference's own error as the rules' there") in said, said[-1500:]


def test_mistake_5_leaves_out_a_neuron_whose_output_weight_is_0(tmp_path):
    """A reviewer's example: the default with w_41 = 0 and neurons 2 and 3 saturated (b_2, b_3 = -12.5, -12.6). The
    relative error y_hi of the wrong logsig row holds only where error comes back: neuron 1's updates are 0 right or
    wrong (w_41 = 0), yet its y_h1 = 0.57 stopped the build ('every y_hi is so close to 0'). The page now leaves it
    out and says why, with the largest of the others (the oracle's y_hi)."""
    ex = {**oracle.shipped(), "b_hidden": [0.1, -12.5, -12.6], "w_output": [[0.0, 0.8, 0.9]]}
    ex.pop("practice", None)
    y_h = oracle.iteration(ex)["y_hidden"]
    assert y_h[0] > 0.5 and max(y_h[1:]) < 1e-4  # the premise
    said = prose_with(tmp_path, ex, "common-mistakes").split("## 5.")[1]
    assert (r"so each neuron's relative error is $y_{hi}$ (0 for neuron 1, whose $w_{41} = 0$ sends it no error), "
            f"at most ${oracle.at_most_string(max(y_h[1:]))}$ here") in said, said[:2000]


def test_mistake_1_says_the_two_read_alike_where_they_print_alike(tmp_path):
    """A reviewer's example (logsig, every v_i below -10, eta = 5e-5): mistake 1 read 'right 9.1e-08, wrong 9.1e-08
    ... the two are less than one order of magnitude apart'; equal printed numbers now read alike."""
    ex = {"w_hidden": [[-0.3, 7.21], [-6.3, 6.209], [-7.719, -3.7]], "b_hidden": [-4.9, 4.87, -7.788],
          "w_output": [[-5.36, -3.52, 4.296]], "b_output": [-0.36], "hidden": "logsig", "output": "purelin",
          "x": [1.8, -0.75], "d": 2.4, "eta": 0.00005}
    said = prose_with(tmp_path, ex, "common-mistakes")
    m = SMALL_ETA_E.search(said)
    assert m and m[3] == m[4], said[said.index("## 1."):][:2000]  # the premise: printed alike
    assert m[6] == "nor can it tell the mistake from the right rules here: the two read alike"


def test_a_saturated_tanh_output_writes_its_slope_with_its_field(tmp_path):
    """A reviewer's example with v_4 = 9.9 for the tanh output of mistake 2: the page wrote "f'(v_4) = 1 - y^2 = 1 -
    1.000000^2 ≈ 1.0 × 10^-8", whose numbers give 0. It writes 1 / cosh^2 v_4 (v_4 the oracle's) and says why."""
    ex = {**oracle.shipped(), "w_output": [[4.0, 3.5, 3.0]], "b_output": [3.0], "d": 5.0}
    _, (y,) = forward({**ex, "output": "tansig"}, ex["x"])
    assert s6(y) == "1.000000", "the premise: the written y keeps none of the digits of 1 - y^2"
    said = prose_with(tmp_path, ex, "common-mistakes")
    v_4 = sum(w * h for w, h in zip(ex["w_output"][0], forward(ex, ex["x"])[0], strict=True)) + ex["b_output"][0]
    slope = oracle.formula_string(1 / math.cosh(v_4) ** 2)
    assert (f"$f'(v_4) = 1 - y^2 = \\frac{{1}}{{\\cosh^2 {s6(v_4)}}} = {slope}$ (the written $y$ keeps too few digits "
            "of $1 - y^2$, so it is written with $v_4$).") in said


SATURATES_AS_TANH = {"w_hidden": [[3.0, 2.5], [-1.2, 0.8], [0.5, -2.0]], "b_hidden": [1.0, 0.3, -0.2],
                  "w_output": [[1.5, -2.5, 0.7]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
                  "x": [2.0, 1.2], "d": -1.5, "eta": 0.1}


def test_a_table_whose_right_updates_print_as_0_says_how_small_they_are(tmp_path):
    """A reviewer's example: with a tanh hidden layer neuron 1 (v_1 = 10) has the slope 8.2e-9, and mistake 5's tansig
    table printed its right updates Δw_11, Δw_12, Δb_1 as 0.000000 without a word (the difference column, which
    equals the wrong one there, has none that prints as 0). It says how small they are: the largest of the oracle's
    right updates that print as 0, in plain math."""
    it = oracle.iteration({**SATURATES_AS_TANH, "hidden": "tansig"})
    right = [*(dw for row in it["dw_hidden"] for dw in row), *it["db_hidden"]]
    hidden = [abs(u) for u in right if u != 0 and f"{abs(u):.6f}" == "0.000000"]
    assert len(hidden) == 3, "the premise: neuron 1's three updates"
    note = (r"Where the right column prints $0.000000$, an update is below its last decimal, at most "
            rf"${oracle.at_most_string(max(hidden))}$ in size.")
    text = prose_with(tmp_path, SATURATES_AS_TANH, "common-mistakes", skip="regression_data")
    tansig_table = text.split("## 5.")[1].split("| tansig hidden layer |")[1]
    assert note in tansig_table.split("| logsig hidden layer |")[0], tansig_table[:3000]


def test_mistake_2_near_1_is_not_printed_as_a_sign_flip(tmp_path):
    """A TA's example with neurons 1 and 2 near saturation (v_1 = 7.2, v_2 = -6.9): dropping f'(v_i) gave r = 0.9985
    on neuron 1, printed 1.0e+00, which the verification page says a flipped sign gives exactly. The hidden
    gradients' check with f'(v_i) dropped (the plain-Python reference network's, against its central differences)
    is printed with the digits that show it is not 1."""
    ex = {"w_hidden": [[3.0, -0.7], [-2.5, 1.4], [0.3, 0.6]], "b_hidden": [0.5, -0.5, 0.25],
          "w_output": [[1.2, -0.4, 0.3]], "b_output": [-0.2], "hidden": "logsig", "output": "purelin",
          "x": [2.0, -1.0], "d": 0.35, "eta": 0.2}
    p, x, d, eta = network_of(ex)
    r = relative_error(updates(p, x, d, eta, f_h_prime=False), p, x, d, eta, names=("w_hidden", "b_hidden"))
    assert f"{r:.1e}" == "1.0e+00" and r < 1, "the premise: it would print as 1"
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, "common-mistakes"))
    m = re.search(r"\$\\partial E/\\partial b_i\$: right \S+, \*\*wrong (\d\.\d+e[+-]\d\d)\*\*", said)
    assert m, said[:3000]
    assert float(m[1]) != 1 and abs(float(m[1]) - r) <= 0.5 * 10.0 ** (-len(m[1].split("e")[0].split(".")[1]))


def test_mistake_5_names_the_updates_that_print_with_one_digit(tmp_path):
    """The same TA's example: under tansig the right Δw_12, Δw_21 and Δb_1 (6.0e-7, 7.3e-7, -6.0e-7) printed as
    0.000001 and -0.000001, up to 67 % off, with no word. The note under the table names each right update of the
    oracle's (tansig hidden layer) that six decimals print with one digit, and writes it with two."""
    ex = {"w_hidden": [[3.0, -0.7], [-2.5, 1.4], [0.3, 0.6]], "b_hidden": [0.5, -0.5, 0.25],
          "w_output": [[1.2, -0.4, 0.3]], "b_output": [-0.2], "hidden": "logsig", "output": "purelin",
          "x": [2.0, -1.0], "d": 0.35, "eta": 0.2}
    it = oracle.iteration({**ex, "hidden": "tansig"})
    names = [f"w_{{{i + 1}{k + 1}}}" for i in range(3) for k in range(2)] + [f"b_{i + 1}" for i in range(3)]
    values = [v for row in it["dw_hidden"] for v in row] + list(it["db_hidden"])
    one_digit = [(n, v) for n, v in zip(names, values) if 0 < abs(v) < 1e-5 and oracle.number_string(v) not in
                 ("0.000000", "-0.000000")]
    assert {"w_{12}", "w_{21}", "b_1"} <= {n for n, _ in one_digit}, "the premise: the TA's three, at least"
    said = re.sub(r"\s+", " ", prose_with(tmp_path, ex, "common-mistakes"))
    section = said[said.index("| tansig hidden layer |"):]
    named = and_list(["$\\Delta " + n + "$" for n, _ in one_digit])
    written = and_list([f"${oracle.formula_string(v)}$" for _, v in one_digit])
    expected = f"In the right column, {named} print with one digit: they are {written}."
    assert expected in section[:4000], section[:4000]


#: The page's mistakes that the homework check's catalogue has, by number: the slips it names (`backprop._mistakes`).
CATALOGUE_SLIPS = {1: ("updated-output-weights",), 2: ("no-hidden-derivative", "no-output-derivative"),
                   3: ("sign-flipped",), 4: ("first-output-only",), 5: ("derivative-plus-sign",)}


def test_the_mistakes_the_homework_check_names_are_its_slips():
    """The paragraph that ties the five mistakes to the homework check names each by a slip of the catalogue, the one
    whose rows are that mistake (their values are checked against plain math in test_homework.py)."""
    from backprop import homework

    source = (DOCS / "common-mistakes.md").read_text(encoding="utf-8")
    paragraph = re.search(r"All five are made by hand too, .*?can happen\.", source, re.S)
    assert paragraph, "the paragraph on the homework check"
    named = re.findall(r"((?:`[a-z0-9-]+`(?:,| and) )*`[a-z0-9-]+`) \((\d)\)", paragraph[0].replace("\n", " "))
    said = {int(n): tuple(re.findall(r"`([a-z0-9-]+)`", names)) for names, n in named}
    assert said == CATALOGUE_SLIPS
    assert {name for names in said.values() for name in names} <= {m.name for m in homework.MISTAKES}
    assert [int(n) for n in re.findall(r"^## (\d)\. ", source, re.M)] == sorted(CATALOGUE_SLIPS)  # all five
