"""Page: home (docs/index.md).

For whatever worked example is in use (``backprop/example.json`` or ``$BACKPROP_EXAMPLE``), every number the home page
prints about it (the example's values, its output, error and cost, the printed trace) is compared with an independent
computation: plain ``math`` loops in the slides' index notation (``tests/support/oracle.py`` and
``tests/support/reference_net.py``), never the package. No value of the example is typed here.

The text checked is the page's Markdown with each ``exec`` block replaced by what it prints, run in this process
(fast, and for any example: ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json pytest tests/pages/test_home.py``). The
slow test checks the built HTML of the whole site: the same numbers. The equation check at the end ties the page's
inline equations (error, cost, gradient step) to its text and checks them with the oracle; a display equation added
later must be listed (tests/pages/test_common_mistakes.py checks that the page has none).
"""

from __future__ import annotations

import re

import pytest

from tests.support import oracle
from tests.support.by_hand import OFF_BY_A_DIGIT
from tests.support.pages import given, markdown_says, page_text, prose, s6
from tests.support.reference_net import ETA, EX, WORKED, D, X, finite_differences, flat, updates

# ---------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------


def test_home_page_shows_the_example_and_its_first_numbers():
    text, it = prose("index"), oracle.iteration(EX)
    assert f"input $x = ({given(X[0])}, {given(X[1])})$, desired output $d = {given(D[0])}$, " \
           f"learning rate $\\eta = {given(ETA)}$" in text  # the example's values as the file gives them
    assert f"hidden layer `{WORKED['hidden']}`" in text
    assert f"network output $y = {s6(it['y'])}$" in text
    assert f"= {s6(it['e'])}$" in text and f"{s6(it['E'])}$" in text
    # The printed trace is every intermediate of the oracle's iteration.
    for name, value in oracle.trace_values(it).items():
        assert re.search(rf"^{re.escape(name)}\s+=\s+{re.escape(s6(value))}$", page_text("index"), re.M), name


def test_home_page_says_how_to_change_the_example():
    text = prose("index")
    section = text[text.index("### Changing the worked example"):]
    for needed in ["backprop/example.json", "BACKPROP_EXAMPLE", "`make serve`", "`make build`",
                   "python -m backprop trace --weights backprop/example.json", '"x": [x1, x2]', '"eta": eta',
                   "`purelin`", "`logsig`", "`tansig`", "2-3-1"]:
        assert needed in section, needed
    # The served wheel carries the site's example, so a plain `trace` prints it (tests/site/test_package_wheel.py).
    assert "python -m backprop trace " in page_text("index")
    assert "[[install-backprop]]" in page_text("index")



# Each refusal of the loader for a worked example: a change to the shipped example (oracle.SHIPPED: a saturated neuron
# needs its x), what the loader says, and what the home page's list of them says (it had missed the output weights all
# 0, added to the loader after a review).
LOADER_REFUSALS = {
    "output weights all 0": ({"w_output": [[0.0, 0.0, 0.0]]}, "every output weight w_4i is 0",
                             "output weights $w_{4i}$ that are all 0"),
    "saturated": ({"w_hidden": [[40.0, 40.0], [0.3, 0.4], [0.5, 0.6]]}, "is saturated",
                  "so saturated that $f'(v_i)$, computed from its output, is 0 in floating point"),
    "slope that is rounding": ({"w_hidden": [[34.5, 0.0], [0.3, 0.4], [0.5, 0.6]]}, ", rounding, where the slope at",
                               "or rounding (more than 5 % off the slope at $v_i$)"),
    "more decimals": ({"eta": 0.1234567}, "more than the 6 decimals", "numbers with at most 6 decimals"),
    "below the smallest normal double": ({"b_hidden": [0.1, -742.0, 0.3]}, "below the smallest normal double",
                                         "below the smallest normal double (about $2.2 \\times 10^{-308}$)"),
    "beyond 10^9": ({"w_output": [[1e6, 1e6, 1e6]], "d": 1e6}, "from 10^9 on",
                    "a number of the iteration of $10^9$ or more"),
    # a reviewer's (the list had missed the last two): 0.4 · 1 + 0.6 · (-1) + 0.2 is 0, its double 5.6e-17
    "tanh field 0 by hand": ({"hidden": "tansig", "x": [1.0, -1.0], "w_hidden": [[0.1, 0.2], [0.4, 0.6], [0.5, 0.6]],
                              "b_hidden": [0.1, 0.2, 0.3]}, "is exactly 0 by hand",
                             "a `tansig` neuron's field that is exactly 0 by hand but not in floating point"),
    "a printed digit not the value's by hand": (OFF_BY_A_DIGIT["E"], "but by hand it is",
                                                "refuses any value the pages would print with a digit that is not the "
                                                "value's by hand"),
    # a reviewer's (the list had missed these two): a key of its own, and a practice example the checks refuse
    "an unknown key": ({"comment": "my example for week 3"}, "has unknown keys ['comment']",
                       "A key the format does not have is refused too"),
    "a practice example": ({"practice": {**oracle.SHIPPED["practice"],
                                         "w_hidden": [[80.0, -0.2], [-0.3, 0.6], [0.2, 0.5]]}},
                           "practice: hidden neuron 1 is saturated",
                           "The loader holds the practice example to every check above"),
}


@pytest.mark.parametrize("name", LOADER_REFUSALS)
def test_home_page_lists_each_refusal_of_the_loader(tmp_path, name):
    import json

    from backprop import examples

    change, refused, listed = LOADER_REFUSALS[name]
    path = tmp_path / "example.json"
    path.write_text(json.dumps({**oracle.shipped(), **change}), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(refused)):
        examples.load(path)
    assert listed in " ".join(prose("index").split()), listed

# ---------------------------------------------------------------------------------------------
# Every equation the page shows, tied to the page text: inline statements of fact, checked with the oracle (that the
# page has no display equation is checked in test_common_mistakes.py).
# ---------------------------------------------------------------------------------------------


def test_home_page_error_cost_and_gradient_step():
    """e = d - y and E = e^2/2 are the oracle's; Delta w = -eta dE/dw is the oracle's update of every parameter
    (central differences of the oracle's cost)."""
    assert markdown_says("index", r"the error is $e = d - y$ and the cost is $E = \tfrac12 e^2$. Each weight and "
                                  r"bias then takes a step against the gradient, "
                                  r"$\Delta w = -\eta\, \partial E / \partial w$")
    it = oracle.iteration(EX)
    assert it["e"] == D[0] - it["y"] and it["E"] == pytest.approx(0.5 * (D[0] - it["y"]) ** 2, rel=1e-15)
    slopes = finite_differences(WORKED, X, D)
    assert [-ETA * g for g in flat(slopes)] == pytest.approx(flat(updates(WORKED, X, D, ETA)), abs=1e-8)
    assert flat(updates(WORKED, X, D, ETA)) == pytest.approx(
        flat({"w_output": it["dw_output"], "b_output": it["db_output"], "w_hidden": it["dw_hidden"],
              "b_hidden": it["db_hidden"]}), rel=1e-12, abs=1e-15)


def test_home_page_says_how_numbers_are_written():
    """The paragraph on numbers: its example of a value written in scientific notation is the logistic slope at the
    field it names, written as the formulas write it (`oracle.formula_string`), with what six decimals would print and
    how far off that is, in plain math."""
    text = prose("index")
    said = re.search(r"slope at \$v = ([\d.]+)\$ is \$f'\(v\) = ([^$]+)\$, which (\d+) decimals would write as "
                     r"\$([\d.]+)\$, (\d+) % off\.", text)
    assert said, "the paragraph on numbers"
    v = float(said[1])
    y = oracle.F["logsig"](v)
    slope = oracle.F_PRIME_FROM_Y["logsig"](y)
    assert oracle.printed_far_off(slope), "the premise: its six decimals are far off"
    assert said[2] == oracle.formula_string(slope)
    assert int(said[3]) == 6 and said[4] == oracle.number_string(slope)
    assert int(said[5]) == round(100 * abs(float(oracle.number_string(slope)) - slope) / slope)
    assert "A value below $10^{-5}$ in size, of which 6 decimals would keep fewer than two digits, is written" in text
    assert "The code's printed output, the figures' labels and the tables of plain numbers keep 6 decimals" in text


def test_home_page_says_how_many_digits_the_loader_works_with_by_hand():
    """It said the loader computes the iteration again "in exact decimals": it rounds each step at backprop._exact's
    PRECISION significant digits (a remainder below those is 0 to it), the number the page gives."""
    from backprop import _exact

    said = " ".join(prose("index").split())
    assert f"computes the iteration again in decimals of {_exact.PRECISION} significant digits" in said
    assert "exact decimals" not in said
