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


def test_home_page_points_students_to_their_homework_and_instructors_to_the_teaching_page():
    """The install line and the trace commands stay on the home page (students'); how to run the site and change its
    example is the teaching page's (a review: the loader's list of refusals, and `trace --practice`, which prints the
    exercises' answers, were on the students' landing page)."""
    text = page_text("index")
    assert "python -m backprop trace " in text and "[[install-backprop]]" in text
    assert "(teaching.md)" in text and "(teaching.md#changing-the-worked-example)" in text
    for moved in ["## Run the site yourself", "## Changing the worked example", "--practice", "The loader"]:
        assert moved not in text, moved


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
    assert (f"The code's printed output writes it with the same two digits in Python's e-notation, `{slope:.1e}`" in
            text) and "The figures' labels and the tables of plain numbers keep 6 decimals" in text
    assert f"as the answer boxes read them: there it is ${oracle.number_string(slope)}$." in text


def test_the_command_line_prints_a_tiny_value_as_the_home_page_says(tmp_path):
    """A TA's example with a hidden output of 2.3e-06 (v_1 = -13): the home page said the code's printed output keeps
    6 decimals, while trace printed 'y_h1 = 2.3e-06'. It says e-notation with two digits now; here trace's line for
    y_h1 is the oracle's y_h1 written so."""
    import json

    from tests.support.cli import run

    ex = {"w_hidden": [[0.5, 10.0], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [0.0, 0.2, 0.3],
          "w_output": [[0.7, 0.8, 0.9]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
          "x": [1.0, -1.35], "d": 2.0, "eta": 0.5}
    y_h1 = oracle.forward(ex)["y_hidden"][0]
    assert 1e-7 < y_h1 < 1e-5, "the premise: below the last of 6 decimals"
    weights = {k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")}
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(weights), encoding="utf-8")
    out = run("trace", "--weights", str(path), "--x", "1.0", "-1.35", "--d", "2.0", "--eta", "0.5")
    assert out.returncode == 0, out.stderr
    assert re.search(rf"y_h1\s*=\s*{re.escape(f'{y_h1:.1e}')}(\s|$)", out.stdout, re.M), out.stdout[:1500]
