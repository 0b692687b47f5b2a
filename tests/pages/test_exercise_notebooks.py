"""The exercise notebooks (docs/exercises/NN-name.py): their shape, their solutions, and the build.

* Every notebook, executed with its own worked solution put in place of ``answer = None``, passes
  its own checks (``BACKPROP_EXERCISES_STRICT=1`` makes any check that is not "Right" raise).
* As shipped it runs without error (it is executed by the strict site build) and says "No answer yet".
* A notebook that raises fails ``mkdocs build`` with this project's mkdocs-jupyter settings
  (self-test on a throw-away project), while the plugin's default would have embedded the error.
* The words a notebook prints are true of the worked example in use: each sentence that depends on
  it (a sign, a direction, which activation, when a bias update equals a weight update) is checked
  against ``tests/support/oracle.py``, which reads the example file and computes with plain ``math``; and
  no substituted formula writes a negative number after an operator or under a power without
  parentheses. Run with ``BACKPROP_EXAMPLE=tests/examples/...json`` to check another example.
"""

from __future__ import annotations

import itertools
import json
import math as _math
import os
import random as _random
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import jupytext
import nbformat
import pytest
import sympy as sp
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from backprop import Network, gradcheck
from backprop import exercises as ex
from tests.support import ROOT, oracle, pages
from tests.support.exercise_weights import (
    GC_ATOL,
    GC_RTOL,
    box_weights,
    central_difference,
    derivative_field,
    gradient_weight,
    iteration_slips,
    iteration_slips_taken,
    iteration_weight,
    two_output_example,
    update_slips,
)
from tests.support.lint import RUFF, ruff
from tests.support.site import unix_socket_kernels
from tests.support.snippets import run_with_example

NOTEBOOKS = sorted((ROOT / "docs" / "exercises").glob("[0-9][0-9]-*.py"))
ANSWER_LINE = re.compile(r"^(\w+) = None  # your answer here.*$", re.MULTILINE)
CHECK_CALL = re.compile(r"""check\("([\w-]+)", (\w+)\)""")


def ids(paths):
    return [p.stem for p in paths]


def read(path: Path) -> nbformat.NotebookNode:
    return jupytext.read(path)


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def solution_cell(nb):
    cells = [c for c in nb.cells if "solution" in tags(c)]
    assert len(cells) == 1, "a notebook has exactly one cell tagged 'solution'"
    return cells[0]


def with_solution(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, int]:
    """The notebook with every ``X = None  # your answer here`` line replaced by the solution cell."""
    code = solution_cell(nb).source
    count = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and "solution" not in tags(cell):
            cell.source, n = ANSWER_LINE.subn(lambda _m: code, cell.source)
            count += n
    return nb, count


def execute(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    with unix_socket_kernels() as config:
        NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(cwd)}},
                       config=config).execute()
    return nb


def markdown_outputs(nb) -> str:
    """The Markdown the notebook printed (worked solutions, generated sentences, tables)."""
    return "\n".join(out["data"]["text/markdown"] for cell in nb.cells for out in cell.get("outputs", [])
                     if "text/markdown" in out.get("data", {}))


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(parts)


# --- shape (no kernel) ---------------------------------------------------------------------------


def test_there_are_at_least_twelve_notebooks_and_every_exercise_has_one():
    assert len(NOTEBOOKS) >= 12
    checked = {m.group(1) for p in NOTEBOOKS for m in CHECK_CALL.finditer(p.read_text(encoding="utf-8"))}
    assert checked == set(ex.EXERCISES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_shape(path):
    nb = read(path)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    [page] = [p for p in ex.PAGES if p.stem == path.stem]
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.splitlines()[0] == f"# {page.heading}"
    assert {name for name, _ in CHECK_CALL.findall(path.read_text(encoding="utf-8"))} == set(page.checks)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code" and "solution" not in tags(c))
    answers = ANSWER_LINE.findall(code)
    checks = CHECK_CALL.findall(code)
    assert answers, "a place for the student's answer: `answer = None  # your answer here`"
    assert {var for _, var in checks} == set(answers), "every answer variable is checked"
    sol = solution_cell(nb)
    assert sol.metadata.get("jupyter", {}).get("source_hidden") is True, "the solution is collapsed in Jupyter"
    assert "hide-input" in tags(sol), "the solution's code is not shown on the site"
    assert "worked_solution(" in sol.source, "the solution shows a collapsed worked solution"
    for name, _ in checks:
        if isinstance(ex.get(name), ex.NumericExercise):
            assert f'answer_box("{name}")' in code, f"numeric exercise {name} has an answer box"
    box_cells = [c for c in nb.cells if "answer_box(" in c.source]
    assert all("hide-input" in tags(c) for c in box_cells)


def shown_cells_problems(nb, folder: Path) -> list[str]:
    """The cells the site shows (not ``hide-input``), read in order as the one script a student copies from the page:
    what ruff finds of a name read before they define it (F821) or imported and never used in them (F401). (The first
    shown cell imports for the later ones too, as ``check`` for the answer cell.)"""
    script = folder / "shown.py"
    script.write_text("\n\n".join(c.source for c in nb.cells if c.cell_type == "code" and "hide-input" not in tags(c))
                      + "\n", encoding="utf-8")
    proc = subprocess.run([*ruff(), "--select", "F401,F821", "--output-format", "concise", str(script)],
                          capture_output=True, text=True, cwd=ROOT)
    return [line.split(": ", 1)[1] for line in proc.stdout.splitlines() if line.startswith(str(script))]


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_the_cells_a_page_shows_import_what_they_use_and_use_what_they_import(path, tmp_path):
    """A student copying the shown cells into homework (a review): `display` was used where only a hidden cell
    imported it, and `answer_box`, `worked_solution` or `show`, which only hidden cells use, were imported in the
    shown ones."""
    assert shown_cells_problems(read(path), tmp_path) == []


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
def test_the_check_of_the_shown_cells_can_fail(tmp_path):
    nb = jupytext.reads('# %% tags=["hide-input"]\nfrom IPython.display import display\n\n# %%\n'
                        "from backprop.exercises import answer_box, given\n\ndisplay(given(x_1=1))\n", fmt="py:percent")
    problems = shown_cells_problems(nb, tmp_path)
    assert len(problems) == 2 and "F401" in problems[0] and "answer_box" in problems[0], problems
    assert "F821" in problems[1] and "display" in problems[1], problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_markdown_cells_type_no_results(path):
    """Numbers in the text come from executed cells: no decimal number is typed in a markdown cell."""
    for cell in read(path).cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"\d\.\d", cell.source), cell.source


@pytest.mark.parametrize("stem", ["06-hidden-weights", "09-tansig-hidden", "10-two-outputs"])
def test_the_boxes_that_ask_for_some_entries_are_named_once(stem):
    """Exercises 6, 9 and 10 said twice that the boxes ask for some of the six updates: in the task ("The answer boxes
    below ask for some of them, named above the boxes; `check` takes the whole array.") and in the line above the
    boxes, which names them (NumericExercise.boxes_asked). The task leaves it to that line."""
    source = (ROOT / "docs" / "exercises" / f"{stem}.py").read_text(encoding="utf-8")
    task = " ".join(cell.source for cell in jupytext.reads(source, fmt="py:percent").cells
                    if cell.cell_type == "markdown")
    assert not re.search(r"boxes\s+below\s+ask|ask\s+for\s+some\s+of\s+them", task), stem
    assert "answer_box(" in source and ex.get(UPDATE_NOTEBOOKS[stem]).boxes_asked().startswith("These boxes ask for")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_markdown_cells_never_say_no_page_prints_the_answer(path):
    """Each notebook prints its own answers in its worked solution (and exercise 8's quotes 4's and 6's): what no
    page prints them is a derivation page, as the index page says. Exercise 1 once said 'no page prints it'."""
    for cell in read(path).cells:
        if cell.cell_type == "markdown":
            text = re.sub(r"\s+", " ", cell.source.replace("# ", " "))
            for claim in re.findall(r"\bno (\w+ )?page prints", text, re.I):
                assert claim == "derivation ", f"{path.name}: 'no {claim}page prints' in {text!r}"

# --- execution -----------------------------------------------------------------------------------


# --- what the printed words must say for the example in use (plain-math oracle) ------------------------------

# the exercises' practice example (the package file's when the example file in use has none)
EXAMPLE = oracle.practice_of(oracle.load_example())
IT = oracle.iteration(EXAMPLE)
NAMES = {"logsig": "logistic sigmoid", "tansig": "hyperbolic tangent"}
OTHER = "logsig" if IT["hidden"] == "tansig" else "tansig"
# A negative number right after an operator, or carrying a power, without parentheses: "1 - -0.2", "-0.3^2".
UNBRACKETED = re.compile(r"(\\cdot|[-+/])\s*-\d|(?<![\w.(])-\d[\d.]*\^")


def _sign_words(text: str, it: dict = IT) -> None:  # exercise 4
    e = it["e"]
    assert ("above the target" if e < 0 else "below the target") in text
    moves = ["up" if step > 0 else "down" for step in it["dw_output"][0]]
    if len(set(moves)) == 1:
        assert f"every weight $w_{{4i}}$ moves {moves[0]}" in text
    else:
        for i, move in enumerate(moves):
            assert f"$w_{{4{i + 1}}}$ moves {move}" in text
    for i, step in enumerate(it["dw_output"][0]):  # a step that prints as 0.000000 yet moves its weight: how little
        mantissa, exponent = f"{step:.1e}".split("e")
        little = (rf"by only $\Delta w_{{4{i + 1}}} = {mantissa} \times 10^{{{int(exponent)}}}$, which is "
                  "$0.000000$ to 6 decimals")
        assert (little in text) == (step != 0 and f"{abs(step):.6f}" == "0.000000"), (i, step)


# A reviewer's practice example (edge-print): v_3 = 0.3 · 0.8 − 0.239999 = 10^-6, so Δw_43 = η e y_h3 = 2.0 · 10^-7
# prints as 0.000000; with w_21 = 0.4 every y_hi is positive and all three steps have one sign.
PRINTS_ZERO = {"w_hidden": [[0.5, -0.3], [-0.4, 0.6], [0.3, 0.2]], "b_hidden": [0.1, -0.2, -0.239999],
               "w_output": [[0.6, -0.5, 0.4]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
               "x": [0.8, 0.0], "d": 0.9, "eta": 0.7}


@pytest.mark.parametrize("w_21", [-0.4, 0.4], ids=["mixed-signs", "one-sign"])
def test_exercise_4_says_how_little_a_step_that_prints_as_zero_moves(w_21, tmp_path):
    """Exercise 4 said "w_43 moves up" beside Δw_43 = 0.000000 (1.99 · 10^-7 unrounded): the reader sees no step. It
    now gives the step in scientific notation and says that it prints as 0.000000, against the oracle."""
    practice = {**PRINTS_ZERO, "w_hidden": [[0.5, -0.3], [w_21, 0.6], [0.3, 0.2]]}
    it = oracle.iteration(practice)
    steps = it["dw_output"][0]
    assert f"{steps[2]:.6f}" == "0.000000" and steps[2] > 0, "the premise"
    assert (len({step > 0 for step in steps}) == 1) == (w_21 > 0)
    text = shown_with_example(_practice_file(tmp_path, practice, "prints-zero"),
                              ["04-output-weights"])["04-output-weights"]
    _sign_words(text, it)
    moves = "$w_{43}$ moves up (by only" if w_21 < 0 else "every weight $w_{4i}$ moves up ($w_{43}$ by only"
    assert moves in text


@pytest.mark.parametrize("eta", [1e-6, 0.3], ids=["prints-as-zero", "shows"])
def test_exercise_5_says_how_little_a_bias_step_that_prints_as_zero_moves(eta, tmp_path):
    """Exercise 5 said "The bias moves up" beside Δb_4 = 0.000000 (4.0 · 10^-7 unrounded, η = 10^-6): the reader saw
    no step. It now gives the step in scientific notation and says that it prints as 0.000000, against the oracle."""
    practice = {**oracle.shipped()["practice"], "eta": eta}
    step = eta * oracle.iteration(practice)["e"]
    text = shown_with_example(_practice_file(tmp_path, practice, "bias-step"), ["05-output-bias"])["05-output-bias"]
    move = "up" if step > 0 else "down"
    mantissa, exponent = f"{step:.1e}".split("e")
    little = rf", by only $\Delta b_4 = {mantissa} \times 10^{{{int(exponent)}}}$, which is $0.000000$ to 6 decimals"
    prints_zero = f"{abs(step):.6f}" == "0.000000"
    assert prints_zero == (eta < 1e-3), "the premise"
    assert f"The bias moves {move}{little if prints_zero else ''}: " in text


def _bias_words(text: str) -> None:  # exercise 7
    x1, x2 = EXAMPLE["x"]
    assert ("Since $x_1 = 1$" in text) == (x1 == 1)
    assert ("Since $x_2 = 1$" in text) == (x1 != 1 and x2 == 1)
    if x1 != 1 and x2 != 1 and x1 != 0:
        assert r"\Delta b_i = \Delta w_{i1} /" in text
    if x1 != 1 and x2 != 1 and (x1, x2) != (0, 0):  # x_k as the example file gives it (0.6), not 0.600000
        k, xk = (1, x1) if x1 != 0 else (2, x2)
        divisor = f"{xk:g}" if xk > 0 else f"({xk:g})"
        # where a written Δw_ik over x_k does not give the written Δb_i (the oracle's), the page says the relation
        # holds for the unrounded values
        shows = all(oracle.formula_rel(oracle.formula_value(db * xk) / xk, db) == "=" for db in IT["db_hidden"])
        caveat = "" if shows else ", exactly for the unrounded values"
        assert rf"Here $x_{k} = {xk:g}$, so $\Delta b_i = \Delta w_{{i{k}}} / {divisor}$ (exercise 6){caveat}" in text


def _iteration_words(text: str, it: dict = IT) -> None:  # exercise 8
    """Where y moved, as a reader compares the printed y(n) and y(n+1) (six decimals) with d."""
    if f"{it['y']:.6f}" == f"{it['y_next']:.6f}":  # they print alike: said so, with how far and which way y moved
        toward = abs(it["d"] - it["y_next"]) < abs(it["d"] - it["y"])
        moved = f"{abs(it['y_next'] - it['y']):.1e}".split("e")
        assert (rf"the same as $y(n)$ to six decimals: the step moved $y$ by only ${moved[0]} \times "
                rf"10^{{{int(moved[1])}}}$, {'towards' if toward else 'away from'} $d" in text), text
        assert "closer to $d" not in text and "further from $d" not in text
        return
    y, y_next = float(f"{it['y']:.6f}"), float(f"{it['y_next']:.6f}")  # as printed
    before, after = round(abs(it["d"] - y), 6), round(abs(it["d"] - y_next), 6)
    closer, as_far = after < before, after == before
    further = not closer and not as_far
    assert ("closer to $d" in text) == closer and ("further from $d" in text) == further
    assert ("as far from $d" in text) == as_far
    past = (it["d"] - y) * (it["d"] - y_next) < 0  # d lies between y(n) and y(n+1)
    assert ("the step overshoots" in text) == (further and past), "an overshoot is a step past d"
    assert ("on the same side of $d$" in text) == (not closer and not past)
    assert ("past it, on its other side" in text) == (not further and past), "every branch says when y went past d"
    assert ("though past it, on its other side" in text) == (closer and past)


# A network and sample whose one iteration moves y away from d: past it with logsig hidden neurons, on the same side
# with tansig ones (y: 2.57 -> -33.1 and 4.00 -> 16.4 for d = 0), found by a random search with a large η.
AWAY = {"w_hidden": [[0.66, -0.75], [1.2, -2.67], [2.52, 2.13]], "b_hidden": [-2.16, 0.84, -1.02],
        "w_output": [[-1.74, 2.07, 1.53]], "b_output": [0.15], "output": "purelin", "x": [0.74, -0.32], "d": 0.0,
        "eta": 10.0}


@pytest.mark.parametrize("hidden", ["logsig", "tansig"])
def test_exercise_8_says_an_overshoot_only_when_y_went_past_d(hidden):
    """Exercise 8 once said 'further from d ...: with this η the step overshoots' whenever y moved away from d; with
    tansig neurons here y moves away on the same side of d, no overshoot. Its words against the oracle's y(n+1)."""
    it = oracle.iteration({**AWAY, "hidden": hidden})
    assert abs(it["d"] - it["y_next"]) > abs(it["d"] - it["y"])
    _iteration_words(ex.iteration_outcome(it["d"], it["y"], it["y_next"]), it)


def test_exercise_8_says_when_y_went_past_d_yet_closer_to_it():
    """A reviewer's practice example (tansig, x = (0.8, 0), d = 0.9, η = 0.7): y goes 0.616121 -> 1.086220, past d
    and closer to it; exercise 8 said only 'closer to d'. Its words against the oracle's y(n+1)."""
    example = {"w_hidden": [[0.5, -0.3], [-0.4, 0.6], [0.3, 0.2]], "b_hidden": [0.1, -0.2, -0.239999],
               "w_output": [[0.6, -0.5, 0.4]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
               "x": [0.8, 0.0], "d": 0.9, "eta": 0.7}
    it = oracle.iteration(example)
    assert (f"{it['y']:.6f}", f"{it['y_next']:.6f}") == ("0.616121", "1.086220")
    text = ex.iteration_outcome(it["d"], it["y"], it["y_next"])
    _iteration_words(text, it)
    assert text.startswith("closer to $d = 0.9$ than $y(n) = 0.616121$ was, though past it")


def test_exercise_8_says_when_y_n_and_y_next_print_alike():
    """A reviewer's practice example with η = 10^-6 (TINIER): y(n+1) = 0.83801587 and y(n) = 0.83801637 both print as
    0.838016, and exercise 8 said "y(n+1) = 0.838016, closer to d = 0.6 than y(n) = 0.838016 was". Against the
    oracle's y(n+1)."""
    it = oracle.iteration(TINIER)
    assert f"{it['y']:.6f}" == f"{it['y_next']:.6f}" == "0.838016" and it["y_next"] != it["y"], "the premise"
    text = ex.iteration_outcome(it["d"], it["y"], it["y_next"])
    _iteration_words(text, it)
    assert text == (r"the same as $y(n)$ to six decimals: the step moved $y$ by only $5.0 \times 10^{-7}$, towards "
                    r"$d = 0.6$")


# A reviewer's practice example (the package's practice network, η = 1.06193): y goes 0.496294 -> 1.303706 for d = 0.9,
# both 0.403706 from d as printed, on either side of it.
AS_FAR = {**oracle.shipped()["practice"], "eta": 1.06193}


def test_exercise_8_says_when_y_went_past_d_as_far_as_it_was():
    """AS_FAR: exercise 8 said only "y(n+1) = 1.303706 is as far from d = 0.9 as y(n) = 0.496294 was", not that y went
    past d, as its other cases say. Against the oracle's y(n+1)."""
    it = oracle.iteration(AS_FAR)
    y, y_next = float(f"{it['y']:.6f}"), float(f"{it['y_next']:.6f}")
    assert round(it["d"] - y, 6) == round(y_next - it["d"], 6) > 0, "the premise: as far, on the other side"
    text = ex.iteration_outcome(it["d"], it["y"], it["y_next"])
    _iteration_words(text, it)
    assert text.startswith(rf"as far from $d = 0.9$ as $y(n) = {y:.6f}$ was, but past it, on its other side")


def _iteration_names(text: str, example: dict, it: dict) -> None:
    """Exercise 8's printed text names the hidden weight the oracle chooses, with its numbers, and no other hidden
    weight but in the note that says why it is not w_11."""
    name, i, k = iteration_weight(example, it)
    w = f"w_{{{name[2:]}}}"
    assert rf"give $w_{{41}}(n+1)$, ${w}(n+1)$, and the" in text
    dw = float(example["eta"]) * it["delta_hidden"][i] * float(example["x"][k])
    # Δw_ik = η e w_4i(n) f'(v_i) x_k: the output weight of hidden neuron i (the page once said w_41(n) for any i)
    assert rf"$\Delta {w} = {_shown_step(dw)}$ (computed with $w_{{4{i + 1}}}(n)$)" in text, (name, f"{dw:.6f}")
    assert len(re.findall(r"computed with \$w_\{4\d\}\(n\)\$", text)) == 1
    dw41 = it["dw_output"][0][0]
    assert rf"From exercises 4 and 6: $\Delta w_{{41}} = {_shown_step(dw41)}$" in text
    tiny = [step for step in (dw41, dw) if step != 0 and f"{abs(step):.6f}" == "0.000000"]
    assert text.count(", which is $0.000000$ to 6 decimals") == len(tiny), "a step that prints as 0 is given in full"
    added = f"{dw:.6f}" if dw > 0 else f"({dw:.6f})"  # a negative term is written in parentheses
    assert f"{w}(n+1) = {_given(example['w_hidden'][i][k])} + {added}" in text  # w_ik(n) as given
    assert re.search(rf"{re.escape(w)}\(n\+1\) = \S+ \+ \S+ (=|\\approx) {it['w_hidden_new'][i][k]:.6f}\$\$", text)
    assert ("(Not $w_{11}$" in text) == (name != "w_11")
    taken = iteration_slips_taken(example, it)
    named = [f"“{slip}”" for slip in iteration_slips(example, it).get((0, 0), [])]  # the slips w_11's box takes
    w_11 = pages.and_list(named) if named else ""
    if example["x"][0] == 0:
        assert r"the practice example has $x_1 = 0$, so $\Delta w_{11} = 0$" in text
    elif name != "w_11":  # why not: w_11's update is 0, its box takes a slip for right, or every box does
        why = ("its update is 0 here, and $w_{11}(n+1)$ would be $w_{11}(n)$" if (0, 0) not in taken else
               f"its box would take the slip{'s' if taken[0, 0] > 1 else ''} {w_11} for right here" if taken[i, k] == 0
               else
               "no weight's box tells every classic slip from the right answer here; $w_{11}$'s box would take "
               f"{taken[0, 0]} of them for right, ${w}$'s takes {taken[i, k]}")
        assert f"(Not $w_{{11}}$: {why}.)" in re.sub(r"\s+", " ", text), text[:3000]
    task = text[text.index("**Task.**"):]  # the network's table above it lists every weight
    rest = re.sub(r"\(Not \$w_\{11\}\$.*?\.\)", " ", task, flags=re.S)  # the note ends with ".)"
    others = {f"w_{{{a + 1}{b + 1}}}" for a in range(3) for b in range(2)} - {w}
    assert [o for o in others if o in rest] == [], f"exercise 8 names another hidden weight than {name}"


def _shown_step(step: float) -> str:
    """An update as exercise 8's worked solution first gives it: six decimals, or, when it is not 0 but prints as
    0.000000, in full (two significant digits) with "which is 0.000000 to 6 decimals" after it."""
    if step != 0 and f"{abs(step):.6f}" == "0.000000":
        return oracle.formula_string(step)
    return f"{step:.6f}".replace("-0.000000", "0.000000")


def _missing_update_words(text: str, example: dict, it: dict) -> None:
    """Exercise 8's tolerance note names the boxes that catch a missing update, every value of time n typed for n+1, as
    the notes under its boxes do: a new weight's box when its update is beyond 10^-6 + 10^-5 |Δw|, the y(n+1) box when
    y(n) is beyond 10^-6 + 10^-5 |y(n+1)| of y(n+1). It once said "only the w_31(n+1) box" though y(n+1) caught it."""
    name, i, k = iteration_weight(example, it)
    dw_ik = float(example["eta"]) * it["delta_hidden"][i] * float(example["x"][k])
    dws = {"41": it["dw_output"][0][0], name[2:]: dw_ik}
    caught = [sub for sub, dw in dws.items() if abs(dw) > 1e-6 + 1e-5 * abs(dw)]
    y_caught = abs(it["y"] - it["y_next"]) > 1e-6 + 1e-5 * abs(it["y_next"])
    missed = [rf"$\Delta w_{{{sub}}} = {oracle.formula_string(dw)}$" for sub, dw in dws.items() if sub not in caught]
    tex = " and ".join([f"$w_{{{sub}}}(n+1)$" for sub in caught] + ["$y(n+1)$"] * y_caught)
    within = "is within the tolerance of its box." if len(missed) == 1 else "are within the tolerance of their boxes."
    if not missed:
        assert ("last decimals, and every box catches a missing update." if y_caught
                else "last decimals, and it is the weights' boxes that catch a missing update.") in text
    elif len(missed) == 2:
        only = f", only the {tex} box" if y_caught else ""
        assert f"Here no weight's box catches a missing update{only}: the updates {' and '.join(missed)} {within}" \
            in text
    else:
        box = "boxes catch" if y_caught else "box catches"
        assert f"and only the {tex} {box} a missing update: {missed[0]} {within}" in text
    # a box's note on the "no update" slip names the same boxes (in Unicode: w₃₁(n+1))
    pretty = " and ".join([f"w{sub.translate(SUBSCRIPT)}(n+1)" for sub in caught] + ["y(n+1)"] * y_caught)
    for note in re.findall(r"For these numbers, the slips? “no update \(the values of time n\)”.*?\.\n", text + "\n"):
        assert re.search(rf"the {re.escape(pretty)} box(es catch|catches) (them|it|“no update)", note), note


SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _one_iteration_words(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:  # exercise 8
    _iteration_words(text, it)
    _iteration_names(text, example, it)
    _missing_update_words(text, example, it)
    # the rule of its boxes: the new weights' measured against their update, y(n+1)'s on its value (as the index page's)
    w = f"w_{{{iteration_weight(example, it)[0][2:]}}}"
    assert (rf"The boxes for $w_{{41}}(n+1)$ and ${w}(n+1)$ ask for new weights" in text
            and r"is right when $|x - a| \le 10^{-6} + 10^{-5}\,|\Delta\theta|$, measured against the update" in text)
    y_rule = r"The $y(n+1)$ box keeps the rule of every exercise, $|x - a| \le 10^{-6} + 10^{-5}\,|a|$, on its value"
    assert y_rule in text
    assert "y(n+1) - y(n)" not in text


def _tex(label: str) -> str:
    """``w_12`` -> ``w_{12}``."""
    return f"w_{{{label[2:]}}}"


def _update_names(name: str, text: str, example: dict, it: dict) -> None:
    """Exercises 6, 9 and 10: the worked solution works out the first Δw_ik the boxes ask for (the oracle's choice) in
    full, with its neuron's and input's names and the oracle's value, and gives the other five's values (exercises 9
    and 10 once gave only the entries the boxes ask for: a student looked for Δw_11, which the task asks for too)."""
    right = update_slips(name, example, it)[0]
    first, i, k = box_weights(name, example, it)[0]
    w = _tex(first)
    if name == "two-outputs":
        assert rf"For hidden neuron {i + 1}:" in text
        assert rf"\sum_j e_j w_{{j{i + 1}}} = e_4 w_{{4{i + 1}}} + e_5 w_{{5{i + 1}}} = " in text
        assert rf"\Delta {w} = \eta \Bigl[\sum_j e_j w_{{j{i + 1}}}\Bigr] f'(v_{i + 1})\, x_{k + 1}" in text
        net_two = two_output_example(example)  # output 5 as the exercise defines it, as update_slips does
        w4, w5 = net_two["w_output"]
        two = oracle.iteration(net_two)
        back = two["e"][0] * w4[i] + two["e"][1] * w5[i]  # Σ_j e_j w_ji, as the solution prints it
        shown = [oracle.formula_value(v) for v in (example["eta"], back, it["fp_hidden"][i], example["x"][k])]
        product = shown[0] * shown[1] * shown[2] * shown[3]  # what a reader gets from the numbers as written
        rel = oracle.formula_rel(product, right[i][k])
        # every factor substituted, as exercise 6 does; it once read "= η · (−1.103372) · f'(v_1) · x_1 = ..."
        factors = [_given_op(example["eta"]), *(_op(v) for v in (back, it["fp_hidden"][i])),
                   _given_op(example["x"][k])]
        product_tex = r" \cdot ".join(factors)
        assert rf"= {product_tex} {rel} {oracle.formula_string(right[i][k])}$$" in text, factors
    else:
        assert rf"\Delta {w} = \eta\, e\, w_{{4{i + 1}}}\, f'(v_{i + 1})\, x_{k + 1}" in text
        written = re.escape(oracle.formula_string(right[i][k]))
        assert re.search(rf"\\Delta {re.escape(w)} = \\eta.*?(=|\\approx) {written}\$\$", text, re.S)
    for a, b in itertools.product(range(3), range(2)):
        if (a, b) != (i, k):
            label = f"w_{{{a + 1}{b + 1}}}"
            assert rf"\Delta {label} = {oracle.formula_string(right[a][b])}" in text, (name, label)


def _hidden_weights_words(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:  # exercise 6
    _own_activation(text)
    _update_names("hidden-weights", text, example, it)


def _tansig_hidden_words(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:  # exercise 9
    _other_activation(text)
    _update_names("tansig-hidden", text, example, it)


def _two_outputs_words(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:  # exercise 10
    _own_activation(text)
    _update_names("two-outputs", text, example, it)


def _bug_words(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:  # exercise 12: does the buggy step lower
    # the cost, and does the right one more? Compared as printed: two costs that print alike are neither.
    buggy = oracle.iteration(example, back_weights=it["w_output_new"])
    before, after, right = (float(f"{v:.6f}") for v in (it["E"], buggy["E_next"], it["E_next"]))
    assert ("even goes down" in text) == (after < before)
    assert ("does not change at six decimals" in text) == (after == before)
    assert f"The right step\nleaves $E = {it['E_next']:.6f}$" in text
    assert ("lower than the buggy step's" in text) == (right < after)
    assert ("higher than the buggy step's, so the fixed code would look worse" in text) == (right > after)
    assert ("the same as the buggy step's to six decimals" in text) == (right == after)
    raised = f" higher than the {it['E']:.6f} before it: with this $\\eta$ even the right step overshoots"
    assert (raised in text) == (right > before), "the right step raised E too"
    assert "One step's cost does not tell right code from wrong" in text
    # Task 1 asks for a hidden bias (exercise 8 already asks for exercise 8's weight w_ik(n+1)) when the bug moves b_1
    # beyond its box's tolerance, 10^-6 + 10^-5 |Δb_1|, as computed and as printed, and says so
    right, wrong = it["b_hidden_new"][0], buggy["b_hidden_new"][0]
    if min(abs(wrong - right), abs(round(wrong, 6) - right)) > 1e-6 + 1e-5 * abs(it["db_hidden"][0]):
        assert "What should $b_{1}(n+1)$ be" in text and "(No other exercise asks for it.)" in text


def test_spot_the_bug_solution_says_when_the_bug_hides_below_the_last_decimal(tmp_path):
    """A reviewer's practice example with η = 10^-6: the worked solution said "b_3(n+1) = 0.000000, where the buggy
    code gives 0.000000", as if the bug did nothing. It now says how little the bug moves it, against the oracle."""
    practice = {"w_hidden": [[0.5, 0.35], [-0.25, 0.6], [0.45, -0.3]], "b_hidden": [0.125, -0.1, 0.0],
                "w_output": [[0.6, -0.5, 0.9]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
                "x": [-0.5, 0.0], "d": -0.6, "eta": 0.000001}
    it = oracle.iteration(practice)
    buggy = oracle.iteration(practice, back_weights=it["w_output_new"])
    text = shown_with_example(_practice_file(tmp_path, practice, "tiny-eta"), ["12-spot-the-bug"])["12-spot-the-bug"]
    name = re.search(r"What should \$(b|w)_\{(\d+)\}\(n\+1\)\$ be", text)
    assert name, "Task 1 names a hidden bias or weight"
    kind, digits = name[1], name[2]
    key = "b_hidden_new" if kind == "b" else "w_hidden_new"
    right = it[key][int(digits[0]) - 1] if kind == "b" else it[key][int(digits[0]) - 1][int(digits[1]) - 1]
    bad = buggy[key][int(digits[0]) - 1] if kind == "b" else buggy[key][int(digits[0]) - 1][int(digits[1]) - 1]
    assert f"{right:.6f}" == f"{bad:.6f}", "the premise: the bug hides below the sixth decimal"
    mantissa, exponent = f"{bad - right:.1e}".split("e")
    printed = f"{bad:.6f}".replace("-0.000000", "0.000000")  # the site writes no minus sign on a zero
    assert (f"gives ${printed}$ (the same to six decimals: with this $\\eta$ the bug moves it by only "
            f"${mantissa} \\times 10^{{{int(exponent)}}}$)") in text


def test_spot_the_bug_with_a_large_eta_says_the_right_step_raised_the_cost_too(tmp_path):
    """A reviewer's practice example with η = 5: E goes 0.714348 -> 64.476941 with the right step, yet exercise 12 said
    only that it was 'lower than the buggy step's'. It says the right step raised E too, against the oracle."""
    practice = {"w_hidden": [[0.45, -0.25], [0.15, 0.55], [-0.35, 0.2]], "b_hidden": [0.2, -0.05, 0.1],
                "w_output": [[0.7, 0.4, -0.6]], "b_output": [-0.2], "hidden": "logsig", "output": "purelin",
                "x": [-1.0, 1.0], "d": 1.1, "eta": 5.0}
    it = oracle.iteration(practice)
    assert (f"{it['E']:.6f}", f"{it['E_next']:.6f}") == ("0.714348", "64.476941")
    text = shown_with_example(_practice_file(tmp_path, practice, "large-eta"), ["12-spot-the-bug"])["12-spot-the-bug"]
    _bug_words(text, practice, it)
    assert "lower than the buggy step's but higher than the 0.714348 before it: with this $\\eta$ even" in text


def _gradient_check_names(text: str, example: dict, it: dict) -> None:
    """Exercise 11's printed text names the weight the oracle chooses, and no other hidden weight but in the note
    that says why it is not w_11."""
    name, i, k = gradient_weight(example, it)
    w = f"w_{{{name[2:]}}}"
    assert rf"\frac{{\partial E}}{{\partial {w}}} \approx \frac{{E({w} + h) - E({w} - h)}}{{2h}}." in text
    assert rf"$-\Delta {w} / \eta$" in text and f"`E({name})`" in text
    # the task compares with the rule's gradient from its factors, not with Δw_ik/η from exercise 6's six decimals
    # (a reviewer's η = 0.00002: Δw_11 = -0.000003 printed, so 0.15 against a central difference of 0.130631)
    assert (rf"$-\Delta {w}/\eta = -e\, w_{{4{i + 1}}}\, f'(v_{i + 1})\, x_{k + 1}$, computed in Python from its "
            "factors") in text.replace("\n", " ")
    assert rf"$-\Delta {w}/\eta$ from exercise 6" not in text
    assert rf"Rule 3 gives $\partial E/\partial {w} = -e\, w_{{4{i + 1}}}\, f'(v_{i + 1})\, x_{k + 1} = " in text
    assert rf"| ${w}$ |" in text, "the given table's row"
    # a gap within the central difference's rounding is said to be so (a TA's own code gave 1.6e-10 for the page's
    # 1.4e-10); a larger one is the number of digits that agree
    g, c = -it["delta_hidden"][i] * example["x"][k], central_difference(example, i, k)
    net = Network(example["w_hidden"], example["b_hidden"], example["w_output"], example["b_output"],
                  hidden=example.get("hidden", "logsig"))
    sci = r"\$\d(\.\d)? \\times 10\^\{-\d+\}\$"  # TeX, not Python's 2.3e-11
    if abs(c - g) <= gradcheck.rounding_noise(net, example["x"], example["d"], ex.GRADCHECK_H):
        assert re.search(r"they agree as far as a central difference in floating point can tell: their relative "
                         rf"difference here, ({sci}|0), is within what rounding alone can move it by \(at most {sci} "
                         r"of the gradient\), so code of your own may give another one below that",
                         re.sub(r"\s+", " ", text)), text[-1500:]
    else:
        assert re.search(rf"they agree to \d+ significant digits \(a relative difference of {sci}\)", text), \
            "digits, not 0"
    assert not re.search(r"\de-\d", prose(text)), "no Python exponent in the prose"
    assert ("(Not $w_{11}$" in text) == (name != "w_11")
    if example["x"][0] == 0:
        assert r"the practice example has $x_1 = 0$, so $\partial E/\partial w_{11} = 0$" in text
    elif name != "w_11":  # why not: w_11's gradient 0, too small for its central difference, or for the box
        g = -it["delta_hidden"][0] * example["x"][0]
        c = central_difference(example, 0, 0)
        mantissa, exponent = f"{g:.2e}".split("e")
        eta = float(example["eta"])
        slips_apart = all(abs(s - g) > GC_ATOL + GC_RTOL * abs(g) for s in (-eta * g, -g, 2 * g, eta * g))
        why = ("its gradient is 0 here, and so is every slip's value" if g == 0 else
               f"a central difference agrees with its gradient, ${mantissa} \\times 10^{{{int(exponent)}}}$, "
               f"{_shared_digits(c, g)} here, where this exercise wants 5" if abs(c - g) >= 1e-5 * max(abs(c), abs(g))
               else
               f"its gradient, ${oracle.formula_string(g)}$, is so small here that its box would allow "
               f"{100 * (GC_ATOL / abs(g) + GC_RTOL):.2g} % of it, where the box means to allow 0.001 %"
               if slips_apart and GC_RTOL * abs(g) < GC_ATOL else
               "its gradient is too close to 0 here for the answer box to tell a slip from it")
        assert f"(Not $w_{{11}}$: {why}.)" in re.sub(r"\s+", " ", text), text[:3000]
    _network_and_sample_shown(text, example)
    rest = re.sub(r"^\| \$[wb]_\{\d+\}\$ \|.*$", " ", text, flags=re.M)  # the network's table lists every weight
    rest = re.sub(r"\(Not \$w_\{\d+\}\$.*?\.\)", " ", rest, flags=re.S)  # why not each weight before it
    others = {f"w_{{{a + 1}{b + 1}}}" for a in range(3) for b in range(2)} - {w}
    assert [o for o in others if o in rest] == [], f"exercise 11 names another weight than {name}"


def _shared_digits(c: float, g: float) -> str:
    """How many significant digits a central difference c and a gradient g share, in words: the k of a relative
    difference below 10^-k, in plain math."""
    k = 0
    while abs(c - g) < 10.0 ** -(k + 1) * max(abs(c), abs(g)):
        k += 1
    return "in no significant digit" if k == 0 else f"to only about {k} significant digit{'' if k == 1 else 's'}"


def _network_and_sample_shown(text: str, example: dict, extra: tuple[tuple[str, float], ...] = (("h", 0.00001),),
                              exercise: int = 11) -> None:
    """Exercise 11's tables give every weight and bias of the practice network, the input, d and h, as given: the
    two costs it asks for are forward passes of that network (exercise 12's: η instead of h)."""
    rows = [(f"w_{{{i + 1}{k + 1}}}", example["w_hidden"][i][k]) for i in range(3) for k in range(2)]
    rows += [(f"b_{{{i + 1}}}", example["b_hidden"][i]) for i in range(3)]
    rows += [(f"w_{{4{i + 1}}}", example["w_output"][0][i]) for i in range(3)] + [("b_{4}", example["b_output"][0])]
    rows += [("x_{1}", example["x"][0]), ("x_{2}", example["x"][1]), ("d", example["d"]), *extra]
    missing = [row for row in (f"| ${name}$ | {_given(value)} |" for name, value in rows) if row not in text]
    assert not missing, f"exercise {exercise} does not give {missing}"


def _central_difference_words(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:  # exercise 11
    """The fraction's arithmetic, worked with Decimal, and the weight it is about."""
    _, i, k = gradient_weight(example, it)
    m = re.search(r"\\frac\{ ([\d.]+) - ([\d.]+) \}\{2 \\cdot 10\^\{(-\d+)\}\} (=|\\approx) (-?[\d.]+)", text)
    assert m, "the worked solution's central difference"
    plus, minus, exponent, relation, result = m.groups()
    quotient = (Decimal(plus) - Decimal(minus)) / (2 * Decimal(10) ** int(exponent))
    printed = quotient.quantize(Decimal("0.000001"))
    if relation == "=":  # what a reader works out from the printed costs is the printed result
        assert printed == Decimal(result), (quotient, result)
    assert abs(Decimal(result) - Decimal(str(it["dw_hidden"][i][k] / -it["eta"]))) < Decimal("1e-6")
    # the page says how many decimals of E the box needs: 10^-k / 2h within the box's absolute tolerance of 1e-6
    needed = next(k for k in range(1, 20) if 10.0**-k / (2 * 1e-5) <= 1e-6)
    assert f"keep at least {needed} decimals of each $E$" in text
    assert min(len(plus.split(".")[1]), len(minus.split(".")[1])) >= needed, "the solution keeps as many as it says"
    assert "six digits" not in text and "plus minus minus" not in text
    _gradient_check_names(text, example, it)


def test_exercise_11_gives_the_network_and_sample_its_costs_need(monkeypatch):
    """Exercise 11 asks for two costs E(w ± h), each a forward pass of the practice network, yet its table gave only
    the nudged weight, h and d: no other weight, no input x, so a reader of the site could not compute E. Its tables
    now give every weight and bias of the practice network, x_1, x_2, d and h, as the example file gives them."""
    text = "\n".join(shown_markdown(ROOT / "docs" / "exercises" / "11-gradient-check.py", monkeypatch))
    _network_and_sample_shown(text, EXAMPLE)
    task = text[text.index("**Task.**"):]
    assert "each a forward pass as in exercise 1" in task and "In Python, write a function `E(" in task


def test_exercise_12_gives_the_practice_example_its_task_asks_about(monkeypatch):
    """Exercise 12's first task asks for a new bias of the practice example, yet its page showed only the buggy code
    and one number of the buggy step: a reader of the site could not work it out by hand. Its tables now give every
    weight and bias of the practice network, x_1, x_2, d and η, as the example file gives them."""
    text = "\n".join(shown_markdown(ROOT / "docs" / "exercises" / "12-spot-the-bug.py", monkeypatch))
    task = text[text.index("**Task 1.**"):]
    _network_and_sample_shown(task, EXAMPLE, (("\\eta", EXAMPLE["eta"]),), exercise=12)


def test_gradient_check_with_a_tiny_step_keeps_the_decimals_it_asks_for(tmp_path):
    """η = 0.01 (a reviewer's example): exercise 11 said "keep at least 11 decimals of each E" and its worked solution
    showed 10 (enough for this fraction), and it wrote "a relative difference of 2.3e-11" in Python's notation."""
    it = oracle.iteration(TINY_STEP)
    text = shown_with_example(_tiny_step_file(tmp_path), ["11-gradient-check"])["11-gradient-check"]
    _central_difference_words(text, TINY_STEP, it)


# A random practice example with a large input x_1 = 7.17: the central difference of w_11 is off rule 3's gradient by
# its h^2 term (8.6e-10), far more than rounding can move it (a bound of 1.5e-10), so the digits that agree are the
# difference's own accuracy, the same in any code.
TRUNCATED = {"w_hidden": [[-0.09, -0.5], [0.07, 0.73], [-0.86, 0.32]], "b_hidden": [-0.71, -0.55, 0.71],
             "w_output": [[-1.71, 0.93, -1.77]], "b_output": [0.02], "hidden": "logsig", "output": "purelin",
             "x": [7.17, 0.01], "d": 0.49, "eta": 0.3}


def test_gradient_check_gives_the_digits_that_agree_where_the_h2_term_exceeds_rounding(tmp_path):
    """TRUNCATED: the worked solution says how many significant digits agree (the oracle's), not that they agree as
    far as rounding lets a central difference tell (the sentence of the other examples, whose gaps are rounding)."""
    it = oracle.iteration(TRUNCATED)
    name, i, k = gradient_weight(TRUNCATED, it)
    g, c = -it["delta_hidden"][i] * TRUNCATED["x"][k], central_difference(TRUNCATED, i, k)
    assert name == "w_11" and abs(c - g) > 5e-10, "the premise: a gap of the h^2 term"
    text = shown_with_example(_practice_file(tmp_path, TRUNCATED, "truncated"),
                              ["11-gradient-check"])["11-gradient-check"]
    digits = _math.floor(-_math.log10(abs(c - g) / max(abs(c), abs(g))))
    assert f"they agree to {digits} significant digits (a relative difference of $" in text, text[-1500:]
    _central_difference_words(text, TRUNCATED, it)


# A random practice example: hidden neurons 1 and 3 near saturation (v_1 = -8.05, v_3 = -10.66), so the central
# difference of w_11, the weight exercise 11 asks about, agrees with rule 3 to a relative 1.5e-8 only. (The one this
# test was written for, whose w_11 agreed to 1.8e-7, now asks about w_21: w_11's gradient was too small for the box.)
SATURATED_GRADIENT = {"w_hidden": [[3.801, 0.312], [-3.544, -0.57], [1.282, -3.546]],
                      "b_hidden": [-1.358, -2.881, 0.51], "w_output": [[-0.948, 0.03, -1.633]], "b_output": [0.314],
                      "hidden": "logsig", "output": "purelin", "x": [-1.961, 2.44], "d": 1.84, "eta": 0.3}


def test_gradient_check_says_how_many_digits_agree_where_the_central_difference_is_less_accurate(tmp_path):
    """SATURATED_GRADIENT: the central difference and rule 3 agree to a relative 1.5e-8, and the exercise stopped the
    build with "the two agree to many more digits than the six the pages print" (it required 1e-8). It now says they
    agree to as many digits as the central difference is accurate to, and its worked solution says how many."""
    it = oracle.iteration(SATURATED_GRADIENT)
    _, i, k = gradient_weight(SATURATED_GRADIENT, it)
    rule = it["dw_hidden"][i][k] / -it["eta"]  # the oracle's ∂E/∂w_ik, in plain math

    def cost(w: float) -> float:  # the oracle's E with w_ik replaced
        w_hidden = [row[:] for row in SATURATED_GRADIENT["w_hidden"]]
        w_hidden[i][k] = w
        moved = {**SATURATED_GRADIENT, "w_hidden": w_hidden}
        return oracle.cost(moved, oracle.forward(moved)["y_output"])

    w, h = SATURATED_GRADIENT["w_hidden"][i][k], ex.GRADCHECK_H
    central = (cost(w + h) - cost(w - h)) / (2 * h)
    text = shown_with_example(_practice_file(tmp_path, SATURATED_GRADIENT, "saturated-gradient"),
                              ["11-gradient-check"])["11-gradient-check"]
    assert "the two agree to many digits, as many as the central difference itself is accurate to" in \
        re.sub(r"\s+", " ", text)
    # within the rounding noise of this saturated neuron's small gradient (5.5e-7 of it): said so, with the number
    m = re.search(r"their relative difference here, \$(\S+) \\times 10\^\{(-\d+)\}\$", text)
    assert m, text[-1500:]
    relative = float(m[1]) * 10 ** int(m[2])
    assert relative == pytest.approx(abs(central - rule) / max(abs(central), abs(rule)), rel=0.1)
    assert 1e-8 < relative < 1e-5  # the premise: not 1e-8
    _central_difference_words(text, SATURATED_GRADIENT, it)


# A random practice example (tansig, eta = 1): neurons 1 and 2 saturated, so w_11's gradient is 6.2e-10 and its
# central difference 1.07e-9 (w_31's, 1.0e-5, agrees to 4e-5 only; w_32's, 2.2e-4, to 1.7e-6); with eta = 1 the slip
# "a factor eta" gives the right value, so no weight's box tells every slip apart, and exercise 11 asked about w_11
# anyway (the first whose gradient is not 0) and stopped the build.
UNMEASURABLE_W11 = {"w_hidden": [[-3.697, 2.7], [3.1, -3.802], [-2.779, 2.07]], "b_hidden": [-0.869, -1.4, 1.72],
                    "w_output": [[3.87, 1.549, 1.983]], "b_output": [-0.77], "hidden": "tansig",
                    "output": "purelin", "x": [-0.198, -4.41], "d": 0.746, "eta": 1.0}


def test_gradient_check_asks_about_a_weight_whose_central_difference_it_can_trust(tmp_path):
    """UNMEASURABLE_W11: exercise 11 now asks about the first weight whose central difference agrees with rule 3 to
    many digits (w_32, gradient 2.2e-4), says why not w_11 with w_11's gradient, and its worked solution agrees."""
    it = oracle.iteration(UNMEASURABLE_W11)
    name, _, _ = gradient_weight(UNMEASURABLE_W11, it)
    assert name == "w_32" and abs(it["delta_hidden"][0] * UNMEASURABLE_W11["x"][0]) < 1e-9  # the premise
    text = shown_with_example(_practice_file(tmp_path, UNMEASURABLE_W11, "unmeasurable-w11"),
                              ["11-gradient-check"])["11-gradient-check"]
    g = -it["delta_hidden"][0] * UNMEASURABLE_W11["x"][0]  # ∂E/∂w_11, from the oracle
    mantissa, exponent = f"{g:.2e}".split("e")
    c = central_difference(UNMEASURABLE_W11, 0, 0)
    assert (rf"(Not $w_{{11}}$: a central difference agrees with its gradient, ${mantissa} \times "
            rf"10^{{{int(exponent)}}}$, {_shared_digits(c, g)} here, where this exercise wants 5.)") in re.sub(
        r"\s+", " ", text)
    assert _shared_digits(c, g) == "in no significant digit"  # the premise: rounding swamps a gradient of 6e-10
    _central_difference_words(text, UNMEASURABLE_W11, it)


def _training_words(text: str) -> None:  # exercise 13: the network's size and seed are on the page
    rows = dict(re.findall(r"\| \$\\text\{([\w ]+)\}\$ \| ([\d.]+) \|", text))
    assert rows["hidden neurons"] == str(ex.TRAIN_HIDDEN) and rows["seed"] == str(ex.TRAIN_SEED)
    assert f"The network is 2-{ex.TRAIN_HIDDEN}-1" in text
    costs = re.findall(r"^\| (\d+) \| ([\d.]+) \|$", text, re.MULTILINE)  # the table of costs[t]
    assert [int(t) for t, _ in costs] == list(range(ex.TRAIN_EPOCHS))
    final = float(ex.get("training").right[0])
    assert costs[-1][1] == f"{final:.6f}"  # the number the first box wants is on the page


F_OF_V = {"logsig": r"\frac{1}{1 + e^{-v}}", "tansig": r"\tanh v"}
F_DEFINED = re.compile(r"(?<![\w\\])f\(v\) = (\\d?frac\{1\}\{1 \+ e\^\{-v\}\}|\\tanh v)")


def _f_is_the_practice_networks(texts: dict[str, str], hidden: str) -> None:
    """Exercises 1 to 7 write f for the practice network's hidden activation only: every f(v) = ... they show is it.
    Exercise 2 called the logistic sigmoid f whatever the practice network, and exercise 3 called tanh f: with a tansig
    practice network, f was tanh on pages 1, 6 and 7 and the logistic sigmoid on page 2; with a logsig one, page 3's
    f was tanh, and it had no note that the practice network's is not."""
    for stem, text in texts.items():
        for defined in F_DEFINED.findall(text):
            assert defined.replace("dfrac", "frac") == F_OF_V[hidden], (stem, defined)
    two, three = texts["02-sigmoid-derivative"], texts["03-tanh-derivative"]
    if hidden == "logsig":
        assert "f'(v_1)" in two and "this is its $f$" in two and r"\operatorname{logsig}" not in two
        assert "not tanh ones: this exercise still asks for tanh's derivative, at the field $v_2$" in three
    else:
        assert not re.search(r"(?<![\w\\])f'\(|(?<![\w\\])f\(v_1\)", two), "no f' and no f(v_1) on page 2"
        assert r"\operatorname{logsig}'(v_1)" in two
        assert r"this page writes the logistic sigmoid $\operatorname{logsig}$" in two
        assert r"$\tanh$ is its $f$" in three


@pytest.mark.parametrize("example_file", [None, ROOT / "tests" / "examples" / "tanh-hidden.json"],
                         ids=["example", "tanh-hidden"])
def test_f_is_only_the_practice_networks_activation(example_file, tmp_path):
    if example_file is None:  # the shipped example (a logsig practice network), not the package file, which an
        # instructor may have edited
        example_file = tmp_path / "example.json"
        example_file.write_text(json.dumps(oracle.SHIPPED), encoding="utf-8")
    stems = [p.stem for p in NOTEBOOKS[:7]]
    shown = shown_with_example(example_file, stems)
    texts = {stem: "\n".join([*(c.source for c in read(ROOT / "docs" / "exercises" / f"{stem}.py").cells
                                 if c.cell_type == "markdown"), shown[stem]]) for stem in stems}
    hidden = oracle.practice_of(oracle.load_example(example_file))["hidden"]
    assert hidden == {"example": "logsig", "tanh-hidden": "tansig"}[example_file.stem]
    _f_is_the_practice_networks(texts, hidden)


def _own_activation(text: str) -> None:
    assert f"{NAMES[IT['hidden']]} neurons" in text and f"{NAMES[OTHER]} neurons" not in text


def _other_activation(text: str) -> None:  # exercise 9
    own, other = NAMES[IT["hidden"]], NAMES[OTHER]
    assert f"The practice network's hidden neurons are {own} neurons; here they are {other}" in text


def _derivative_field_words(name: str, what: str):
    """Exercise 2 or 3 asks at the field the oracle chooses (`derivative_field`): v_1 or v_2, or another neuron's where
    that one's box takes a classic slip for right, and then says why."""
    def check(text: str, example: dict = EXAMPLE, it: dict = IT) -> None:
        i = derivative_field(name, example, it)
        said = re.sub(r"\s+", " ", text)
        assert f"at the field $v_{i + 1}$ of hidden neuron {i + 1} of the practice {what}" in said, i
        first = 0 if name == "sigmoid-derivative" else 1
        assert ("(Not at $v_" in said) == (i != first)
    return check


WORDS = {
    "01-forward-pass": _own_activation,
    "02-sigmoid-derivative": _derivative_field_words("sigmoid-derivative", "network"),
    "03-tanh-derivative": _derivative_field_words("tanh-derivative", "example"),
    "04-output-weights": _sign_words,
    "06-hidden-weights": _hidden_weights_words,
    "07-hidden-biases": lambda text: (_own_activation(text), _bias_words(text)),
    "08-one-iteration": _one_iteration_words,
    "09-tansig-hidden": _tansig_hidden_words,
    "10-two-outputs": _two_outputs_words,
    "11-gradient-check": _central_difference_words,
    "12-spot-the-bug": _bug_words,
    "13-training": _training_words,
}


def prose(markdown_text: str) -> str:
    """The Markdown without its math ($$...$$ and $...$): the text a reader reads as prose."""
    return re.sub(r"(?<!\\)\$\$.*?(?<!\\)\$\$|(?<!\\)\$.*?(?<!\\)\$", " ", markdown_text, flags=re.S)


# A negative number in operator's parentheses, or a ++key++ that no extension turned into a key, in prose.
PROSE_SLIPS = re.compile(r"\(-\d|\+\+\w+\+\+")


def test_the_word_checks_can_fail():
    """Each check above rejects the words of the opposite case."""
    with pytest.raises(AssertionError):
        _sign_words("The output $y$ is " + ("below" if IT["e"] < 0 else "above") + " the target $d$")
    with pytest.raises(AssertionError):
        _own_activation(f"The worked example's hidden neurons are {NAMES[OTHER]} neurons")
    with pytest.raises(AssertionError):
        _bias_words("Since $x_1 = 1$ and Since $x_2 = 1$")
    with pytest.raises(AssertionError):  # the review's default-example fraction: its numbers give -0.028460
        _central_difference_words(r"\frac{ 0.0814890658 - 0.0814896350 }{2 \cdot 10^{-5}} = -0.028462")
    assert PROSE_SLIPS.search(prose("where the buggy code gives (-0.260725).")) and PROSE_SLIPS.search("++enter++")
    assert not PROSE_SLIPS.search(prose(r"gives $-0.260725$, $1 - (-0.2)$ and $$x - (-0.2)$$"))
    assert UNBRACKETED.search(r"1 - -0.197375^2") and UNBRACKETED.search(r"0.3 \cdot -1.0 + -0.1")
    assert UNBRACKETED.search(r"e^{--0.2}") and UNBRACKETED.search("= -0.336376^2")
    assert not UNBRACKETED.search(r"1 - (-0.197375)^2 = -0.5, e^{-0.3}, e^{-(-0.2)}, \frac{1}{1 + e^{-v}}")


def shown_markdown(path: Path, monkeypatch) -> list[str]:
    """The Markdown a notebook shows (task tables, sentences, worked solutions), its code cells run here in order (no
    kernel: fast), with the example in use: what each cell passes to ``display`` and its last expression."""
    import ast

    import IPython.display

    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kwargs: shown.extend(
        getattr(obj, "markdown", "") for obj in objs))
    namespace: dict = {"__name__": "__main__"}
    for cell in read(path).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, str(path), "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), str(path), "eval"), namespace)
            shown.append(getattr(value, "markdown", ""))
    return [text for text in shown if text]


# What a notebook shows (as `shown_markdown`), run in a process of its own whose BACKPROP_EXAMPLE names another example
# file (backprop reads its example once): the Markdown it displays, the text of its answer boxes and what it prints.
_SHOWN = """
import ast, contextlib, io, json, sys
import IPython.display, jupytext
shown = []
IPython.display.display = lambda *objs, **kwargs: shown.extend(getattr(o, "markdown", "") or getattr(o, "text", "")
                                                               for o in objs)
out = {}
for path in json.loads(sys.argv[1]):
    shown.clear()
    namespace = {"__name__": "__main__"}
    for cell in jupytext.read(path).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(tree, path, "exec"), namespace)
            value = None if last is None else eval(compile(ast.Expression(last.value), path, "eval"), namespace)
        shown.append(printed.getvalue())
        if value is not None:
            shown.append(getattr(value, "markdown", "") or getattr(value, "text", ""))
    out[path] = "\\n".join(t for t in shown if t)
print(json.dumps(out))
"""


def shown_with_example(example_file: Path, stems: list[str]) -> dict[str, str]:
    """stem -> what notebook ``stem`` shows (Markdown, its answer boxes' notes, its prints) with ``example_file``."""
    paths = [str(ROOT / "docs" / "exercises" / f"{stem}.py") for stem in stems]
    assert oracle.ENV == "BACKPROP_EXAMPLE"  # the variable run_with_example sets
    out = run_with_example(example_file, _SHOWN, paths, f"running {', '.join(stems)}", unset=[ex.STRICT_ENV])
    return {stem: json.loads(out)[path] for stem, path in zip(stems, paths, strict=True)}


# A reviewer's practice example with η = 10^-6: every update is below 10^-6, within the tolerance of the boxes for a
# new weight or bias, so no box tells a missing update from the right new value.
TINIER = {"w_hidden": [[0.45, -0.35], [-0.25, 0.55], [0.65, 0.15]], "b_hidden": [0.05, -0.15, 0.25],
          "w_output": [[0.6, -0.7, 0.45]], "b_output": [0.35], "hidden": "logsig", "output": "purelin",
          "x": [0.8, -0.9], "d": 0.6, "eta": 1e-06}
# A reviewer's saturated practice example: v_1 = -17.9 and v_3 = 18.3, so f'(v_1) and f'(v_3) are about 10^-8
SATURATED = {"w_hidden": [[-9.0, 8.0], [0.3, -0.4], [9.5, -7.5]], "b_hidden": [-1.0, 0.2, 1.5],
             "w_output": [[0.7, -0.5, 0.6]], "b_output": [-0.1], "hidden": "logsig", "output": "purelin",
             "x": [0.9, -1.1], "d": 0.2, "eta": 0.4}
# A reviewer's practice example with η = 6: y goes from 1.286851 to -14.207060 for d = -0.6, away from d
BIG_ETA = {"w_hidden": [[0.4, -0.5], [-0.3, 0.6], [0.7, 0.2]], "b_hidden": [0.1, -0.2, 0.15],
           "w_output": [[0.9, -0.6, 0.8]], "b_output": [0.3], "hidden": "logsig", "output": "purelin",
           "x": [0.7, -1.2], "d": -0.6, "eta": 6.0}


def _practice_file(tmp_path: Path, practice: dict, name: str) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({**oracle.load_example(oracle.DEFAULT_FILE), "practice": practice}), encoding="utf-8")
    return path


# A TA's practice example: w_42 = 0, so no error reaches hidden neuron 2 and its three updates are exactly 0.
NO_PATH = {"w_hidden": [[0.9, -1.1], [-0.7, 0.4], [1.3, 0.25]], "b_hidden": [-0.3, 0.15, 0.5],
           "w_output": [[1.2, 0.0, -0.8]], "b_output": [-0.6], "hidden": "logsig", "output": "purelin",
           "x": [-2.0, 0.75], "d": -1.3, "eta": 1.5}


def test_exercises_6_and_7_say_why_an_update_is_exactly_0(tmp_path):
    """NO_PATH: exercises 6 and 7 gave Δw_21 = Δw_22 = 0.000000 and Δb_2 = 0.000000 with no word, and a TA feared a
    student would think them a mistake. The solutions say which factor is 0 (the oracle's updates are exactly 0);
    the default example, with no zero factor, gets no such sentence."""
    it = oracle.iteration(NO_PATH)
    assert it["dw_hidden"][1] == [0.0, 0.0] and it["db_hidden"][1] == 0.0, "the premise"
    texts = shown_with_example(_practice_file(tmp_path, NO_PATH, "no-path"), ["06-hidden-weights", "07-hidden-biases"])
    # the zero updates named, each with its factor (the oracle's zeros above; a reviewer: one clause per factor read
    # "An update is" for two)
    assert (r"Some updates are exactly 0 because a factor is: $\Delta w_{21}$ and $\Delta w_{22}$ ($w_{42} = 0$: no "
            "error reaches hidden neuron 2).") in re.sub(r"\s+", " ", texts["06-hidden-weights"])
    assert (r"An update is exactly 0 because a factor is: $\Delta b_{2}$ ($w_{42} = 0$: no error reaches hidden "
            "neuron 2).") in re.sub(r"\s+", " ", texts["07-hidden-biases"])
    x0 = {**NO_PATH, "x": [0.0, 0.75]}  # and an input 0: every Δw_i1 is 0 too
    it0 = oracle.iteration(x0)
    assert [row[0] for row in it0["dw_hidden"]] == [0.0] * 3 and it0["dw_hidden"][1] == [0.0, 0.0], "the premise"
    texts = shown_with_example(_practice_file(tmp_path, x0, "x0"),
                               ["06-hidden-weights", "09-tansig-hidden", "10-two-outputs"])
    for stem in ("06-hidden-weights", "09-tansig-hidden"):  # 9: the other activation, the same zero factors
        assert (r"Some updates are exactly 0 because a factor is: $\Delta w_{11}$ and $\Delta w_{31}$ ($x_1 = 0$: "
                r"their input); $\Delta w_{21}$ and $\Delta w_{22}$ ($w_{42} = 0$: no error reaches hidden "
                "neuron 2).") in re.sub(r"\s+", " ", texts[stem]), stem
    # exercise 10: output 5's w_52 = w_43 = -0.8 carries its error to neuron 2, so only x_1 = 0 makes updates 0
    two = oracle.iteration(two_output_example(x0))
    assert [row[0] for row in two["dw_hidden"]] == [0.0] * 3 and two["dw_hidden"][1][1] != 0, "the premise"
    assert (r"Some updates are exactly 0 because a factor is: $\Delta w_{11}$, $\Delta w_{21}$ and $\Delta w_{31}$ "
            r"($x_1 = 0$: their input).") in re.sub(r"\s+", " ", texts["10-two-outputs"])
    default = shown_with_example(oracle.DEFAULT_FILE, ["06-hidden-weights", "07-hidden-biases", "09-tansig-hidden",
                                                       "10-two-outputs"])
    assert [stem for stem, text in default.items() if "exactly 0 because" in text] == []


def test_updates_below_the_tolerance_say_that_no_box_catches_a_missing_update(tmp_path):
    """TINIER: Δw_41 = -1.6e-7 and Δw_11 = -2.5e-8 are within the 10^-6 of their boxes, so exercise 8's boxes take
    w_41(n) and w_11(n), yet its page said "it is the weights' boxes that catch a missing update"; exercise 12's box
    took b_1(n) = 0.05 with no note. Both now say so; the updates are the oracle's."""
    it = oracle.iteration(TINIER)
    dw41, dw11 = it["dw_output"][0][0], it["dw_hidden"][0][0]
    assert max(abs(dw41), abs(dw11)) < 1e-6, "the premise"
    texts = shown_with_example(_practice_file(tmp_path, TINIER, "tinier"), ["08-one-iteration", "12-spot-the-bug"])
    eight, twelve = texts["08-one-iteration"], texts["12-spot-the-bug"]
    assert "boxes that catch a missing update" not in eight
    written = oracle.formula_string
    assert (rf"Here no weight's box catches a missing update: the updates $\Delta w_{{41}} = {written(dw41)}$ and "
            rf"$\Delta w_{{11}} = {written(dw11)}$ are within the tolerance of their boxes." in eight)
    assert re.search(r"“no update \(the values of time n\)”[^.]* give the right answer to the last decimal printed",
                     eight)
    assert "the same as $y(n)$ to six decimals" in eight and "closer to $d" not in eight
    label = re.search(r"What should \$([bw])_\{(\d+)\}\(n\+1\)\$ be", twelve).groups()
    name = f"{label[0]}_{label[1]}"
    assert re.search(rf"“no update \({name}\(n\) given as {name}\(n\+1\)\)”[^.]* give the right answer", twelve)
    assert "neither the answer box nor check() can tell those slips" in twelve


# A reviewer's practice example: tansig, b_1 = 10^-6; Δw_41 = 2.3 · 10^-7 lies within the tolerance of its box, and
# exercise 8 asks for w_31, whose update Δw_31 = η e w_43(n) f'(v_3) x_1 uses w_43, not w_41.
MIXED = {"w_hidden": [[0.5, 1.0], [-0.5, -1.0], [0.4, 0.2]], "b_hidden": [1e-06, 0.0, 0.1],
         "w_output": [[0.6, -0.7, 0.5]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
         "x": [0.6, -0.3], "d": 0.9, "eta": 0.4}


@pytest.mark.parametrize("practice", [MIXED, SATURATED, AS_FAR], ids=["mixed", "saturated", "as-far"])
def test_exercise_8_names_the_output_weight_of_its_update_and_the_boxes_that_catch_no_update(practice, tmp_path):
    """Exercise 8 said "Δw_31 = 0.062589 (computed with w_41(n))" whatever the weight (MIXED: w_43; SATURATED, Δw_21:
    w_42), gave Δw_41 = 0.000000 (2.3 · 10^-7) with no word, and its tolerance note said "only the w_31(n+1) box
    catches a missing update" while the note under the w_41(n+1) box named the w_31(n+1) and y(n+1) boxes, rightly.
    Its words against the oracle's numbers; for MIXED, the reviewer's."""
    it = oracle.iteration(practice)
    text = shown_with_example(_practice_file(tmp_path, practice, "p8"), ["08-one-iteration"])["08-one-iteration"]
    _one_iteration_words(text, practice, it)
    if practice is MIXED:
        assert iteration_weight(practice, it)[0] == "w_31" and 0 < it["dw_output"][0][0] < 1e-6, "the premise"
        assert r"$\Delta w_{31} = 0.062589$ (computed with $w_{43}(n)$)" in text
        assert r"$\Delta w_{41} = 2.3 \times 10^{-7}$, which is $0.000000$ to 6 decimals, and" in text
        assert (r"only the $w_{31}(n+1)$ and $y(n+1)$ boxes catch a missing update: $\Delta w_{41} = 2.3 \times "
                r"10^{-7}$ is within the tolerance of its box." in text)
        assert "the w₃₁(n+1) and y(n+1) boxes catch “no update (the values of time n)”" in text


# A reviewer's practice examples whose printed field gives another sixth decimal than the field itself: v_1 = 0.5000006
# prints as 0.500001, and 1/(1 + e^-0.500001) = 0.6224596 rounds to 0.622460, not to the exact 0.622459; v_2 =
# -0.8599994 (logsig) and -0.8599976 (tansig) likewise. The pages wrote "=" before the exact value.
_PV = {**oracle.shipped()["practice"], "w_hidden": [[0.400001, -0.2], [-0.299999, 0.6], [0.2, 0.5]],
       "hidden": "logsig"}
PRINTED_FIELD = {"logsig": _PV, "tansig": {**_PV, "w_hidden": [[0.400001, -0.2], [-0.299996, 0.6], [0.2, 0.5]],
                                           "hidden": "tansig"}}
# the operand of f, after e^{- or \tanh, in parentheses when negative
_LOGSIG_ARG = r"\\frac\{1\}\{1 \+ e\^\{-(\(-[\d.]+\)|[\d.]+)\}\}"
_TANH_ARG = r"\\tanh \(?(-?[\d.]+)\)?"
_RESULT = r" (=|\\approx) (-?\d+\.\d{6})"
FIELD_LINES = {  # page -> (the activation computed, the pattern of its line)
    "01-forward-pass": (None, rf"y_\{{h2\}} = f\(v_2\) = (?:{_LOGSIG_ARG}|{_TANH_ARG}){_RESULT}\$\$"),
    "02-sigmoid-derivative": ("logsig", rf"\(v_1\) = {_LOGSIG_ARG}{_RESULT},"),
    "03-tanh-derivative": ("tansig", rf"\\tanh v_2 = \\frac\{{e\^\{{ \(?(-?[\d.]+)\)? \}}.*?{_RESULT}, \\\\"),
}


@pytest.mark.parametrize("practice", [*PRINTED_FIELD.values(), EXAMPLE], ids=[*PRINTED_FIELD, "in-use"])
def test_exercises_1_to_3_write_equals_only_when_the_printed_field_gives_the_printed_value(practice, tmp_path):
    """f of the printed field, in plain math, rounds to the printed value: "=", else "≈"; the printed value is the
    oracle's. The reviewer's examples need "≈" somewhere (the premise)."""
    it = oracle.iteration(practice)
    texts = shown_with_example(_practice_file(tmp_path, practice, "field"), list(FIELD_LINES))
    approx = 0
    for stem, (activation, pattern) in FIELD_LINES.items():
        match = re.search(pattern, texts[stem])
        assert match, stem
        *operands, sign, printed = match.groups()
        [operand] = [o for o in operands if o is not None]
        f = oracle.F[activation or practice["hidden"]]
        exact = {"01-forward-pass": it["y_hidden"][1], "02-sigmoid-derivative": oracle.F["logsig"](it["v_hidden"][0]),
                 "03-tanh-derivative": oracle.F["tansig"](it["v_hidden"][1])}[stem]
        assert printed == f"{exact:.6f}", stem
        from_printed = f"{f(float(operand.strip('()'))):.6f}"
        assert sign == ("=" if from_printed == printed else r"\approx"), (stem, operand, from_printed, printed)
        approx += sign != "="
    if practice is not EXAMPLE:
        assert approx >= 2, "the premise: the printed fields give other sixth decimals"



@pytest.mark.parametrize("practice", [*PRINTED_FIELD.values(), EXAMPLE], ids=[*PRINTED_FIELD, "in-use"])
def test_exercise_1_says_likewise_with_the_sign_its_printed_fields_give(practice, tmp_path):
    """Exercise 1 said "likewise y_h1 = 0.622459" beside a printed v_1 = 0.500001, from which f gives 0.622460 (a
    reviewer's example): y_h1 and y_h3 now carry "=" or "≈" by the printed field, as y_h2's line does."""
    it = oracle.iteration(practice)
    text = shown_with_example(_practice_file(tmp_path, practice, "likewise"), ["01-forward-pass"])["01-forward-pass"]
    f = oracle.F[practice["hidden"]]
    approx = 0
    for i in (1, 3):
        field = re.search(rf"v_{i} = (-?\d+\.\d{{6}})", text)
        line = re.search(rf"y_\{{h{i}\}} = f\(v_{i}\){_RESULT}\$", text)
        assert field and line, i
        sign, printed = line.groups()
        assert printed == f"{it['y_hidden'][i - 1]:.6f}", i
        from_printed = f"{f(float(field.group(1))):.6f}"
        assert sign == ("=" if from_printed == printed else r"\approx"), (i, field.group(1), from_printed, printed)
        approx += sign != "="
    if practice is PRINTED_FIELD["logsig"]:
        assert approx >= 1, "the premise: v_1 = 0.5000006 prints as 0.500001, which gives another sixth decimal"

# A practice example whose hidden fields v_1 and v_2 are 0 by hand (0.5 · 0.6 + 0.375 · (-0.8) + 0, -0.3 · 0.6 + 0.6 ·
# (-0.8) + 0.66): their doubles keep a rounding (-5.6e-17, 1.1e-16), which exercises 1-3 printed as the field.
CANCELLING = {**oracle.shipped()["practice"], "x": [0.6, -0.8],
              "w_hidden": [[0.5, 0.375], [-0.3, 0.6], [0.2, 0.5]], "b_hidden": [0.0, 0.66, 0.3]}


def test_exercises_1_to_3_write_a_field_that_is_0_by_hand_as_0(tmp_path):
    """Exercise 2 gave "v_1 = -5.6 × 10^{-17}" to work from and exercises 1-3 substituted it: a number no reader adding
    up the given numbers gets. Each writes 0.000000 (the fields are 0 in fractions; the oracle's doubles are not)."""
    from fractions import Fraction

    v = oracle.forward(CANCELLING)["v_hidden"]
    for i in (0, 1):
        w, b = CANCELLING["w_hidden"][i], CANCELLING["b_hidden"][i]
        assert sum(Fraction(str(a)) * Fraction(str(c)) for a, c in zip(w, CANCELLING["x"])) + Fraction(str(b)) == 0
        assert v[i] != 0, "the premise: the double keeps a rounding"
    texts = shown_with_example(_practice_file(tmp_path, CANCELLING, "cancelling"),
                               ["01-forward-pass", "02-sigmoid-derivative", "03-tanh-derivative"])
    for stem, text in texts.items():
        assert not re.search(r"10\^\{-1[5-7]\}|e-1[5-7]", text), stem
    assert "v_1 = 0.000000, \\\\" in texts["01-forward-pass"]
    assert re.search(r"v_2 = w_\{21\} x_1 .* \+\s+0\.66 = 0\.000000, \\\\", texts["01-forward-pass"])
    assert "| $v_{1}$ | 0.000000 |" in texts["02-sigmoid-derivative"]  # the field the task gives
    assert r"f(v_1) = \frac{1}{1 + e^{-0.000000}} = 0.500000" in texts["02-sigmoid-derivative"]


def test_exact_zeros_and_large_fields_in_exercises_8_and_9(tmp_path):
    """A reviewer's practice examples (plain math and fractions for each premise):
    - logsig, v_1 = 0.1 + 0.2 - 0.3, 0 by hand, 5.6e-17 in doubles: exercise 9's tanh network printed y_h1 = 5.6e-17
      (tanh keeps the rounding); it writes tanh 0 = 0.000000;
    - tansig, v_1 = 0.5 + 0 - 0.5 = 0 in doubles too, so Δw_41 = η e y_h1 = 0: exercise 8 said "Δw_41 = 0.0 × 10^0 is
      within the tolerance of its box"; it says the update is 0;
    - logsig, v_1 = 0.5 · 0.2 + 0.25 · (-0.4) = 0 exactly, tanh'(0) = 1: dropping f'(v_i) gives exactly the right Δw_12
      in exercise 9, not only "within the tolerance" (and so does feeding the hidden rule w_41(n+1) = w_41);
    - weights near 50, inputs 20 and -15: after the step v_2(n+1) is about -801, and exercise 8's solution printed
      numpy's "RuntimeWarning: overflow encountered in exp"."""
    from fractions import Fraction

    base = oracle.shipped()["practice"]  # logsig
    noise = {**base, "w_hidden": [[0.1, 0.2], [0.4, -0.2], [0.3, 0.6]], "b_hidden": [-0.3, 0.2, -0.5],
             "w_output": [[0.6, -0.3, 0.9]], "b_output": [0.0], "x": [1.0, 1.0], "d": 1.5, "eta": 1.0}
    assert Fraction("0.1") + Fraction("0.2") - Fraction("0.3") == 0 and _math.tanh(0.1 + 0.2 - 0.3) != 0
    zero_tanh = {**base, "w_hidden": [[0.5, 0.75], [-0.25, 2.0], [1.5, -1.0]], "b_hidden": [-0.5, 0.25, 0.25],
                 "w_output": [[1.0, -0.5, 0.25]], "b_output": [0.0], "hidden": "tansig", "x": [1.0, 0.0], "d": 0.5,
                 "eta": 1.0}
    assert 0.5 * 1.0 + 0.75 * 0.0 - 0.5 == 0
    exact = {**base, "w_hidden": [[0.5, 0.25], [0.3, -0.6], [-0.75, 0.5]], "b_hidden": [0.0, 0.1, 0.25],
             "w_output": [[0.5, 0.0, -1.5]], "b_output": [0.0], "x": [0.2, -0.4], "d": 1.0, "eta": 1.0}
    assert 0.5 * 0.2 + 0.25 * -0.4 + 0.0 == 0
    large = {**base, "w_hidden": [[50.0, 66.6], [-48.0, -64.0], [45.5, 60.5]], "b_hidden": [0.0, 0.5, 2.0],
             "w_output": [[50.0, -40.0, 25.0]], "b_output": [-30.0], "x": [20.0, -15.0], "d": 20.0, "eta": 0.01}
    v_2_next = oracle.iteration(large)["w_hidden_new"][1]
    assert v_2_next[0] * 20 + v_2_next[1] * -15 + oracle.iteration(large)["b_hidden_new"][1] < -745  # exp overflows
    text = shown_with_example(_practice_file(tmp_path, noise, "noise"), ["09-tansig-hidden"])["09-tansig-hidden"]
    assert "Forward pass: $y_{h} = (0.000000, " in text, re.findall(r"Forward pass[^\n]*", text)
    text = shown_with_example(_practice_file(tmp_path, zero_tanh, "zero"), ["08-one-iteration"])["08-one-iteration"]
    assert "catch a missing update: $\\Delta w_{41}$ is 0 here." in text and "10^{0}" not in text
    text = shown_with_example(_practice_file(tmp_path, exact, "exact"), ["09-tansig-hidden"])["09-tansig-hidden"]
    # and so does the updated weights' slip: y_h1 = tanh 0 = 0, so Δw_41 = η e y_h1 = 0 and w_41(n+1) = w_41
    # (and f'(v_i) computed from v_i: 1 - v_1² = 1 = tanh'(0) too, and with its minus a plus: 1 + 0² = 1 - 0²)
    said = re.search(r"the slips (?:“[^”]+”, )*“[^”]+” and “[^”]+” give Δw₁₂ = -?[\d.]+, "
                     r"exactly the right answer, so this box", text)
    assert said, text
    for slip in ("the updated weights w_4i(n+1)", "dropping f'(v_i)", "a plus for the minus in f'(v_i)"):
        assert f"“{slip}”" in said[0], (slip, said[0])
    text = shown_with_example(_practice_file(tmp_path, large, "large"), ["08-one-iteration"])["08-one-iteration"]
    assert "RuntimeWarning" not in text and "overflow" not in text


def test_the_saturated_example_works_out_a_weight_whose_box_tells_the_slips_apart(tmp_path):
    """SATURATED: f'(v_1) = 1.7e-8, so Δw_12 and every slip's print as 0.000000; the boxes of exercises 6 and 9 were
    sorted, so the fallback Δw_12 (6) or Δw_11 (9) came first and the worked solution worked it out in full
    ("0.4 · 0.056500 · 0.7 · 0.000000 · (−1.1) = 0.000000") while Δw_21, whose box tells the slips apart, appeared only
    as a result. The first box is now a good one (the oracle's choice); exercise 2 says f'(v_1) is not 0."""
    it = oracle.iteration(SATURATED)
    texts = shown_with_example(_practice_file(tmp_path, SATURATED, "saturated"),
                               ["02-sigmoid-derivative", "06-hidden-weights", "09-tansig-hidden"])
    for stem, name in (("06-hidden-weights", "hidden-weights"), ("09-tansig-hidden", "tansig-hidden")):
        first, i, k = box_weights(name, SATURATED, it)[0]
        right, slips = update_slips(name, SATURATED, it)
        assert abs(right[i][k]) > 1e-3 and all(abs(s[i][k] - right[i][k]) > 1e-6 + 1e-5 * abs(right[i][k])
                                                for s in slips), (stem, first)
        _update_names(name, texts[stem], SATURATED, it)
        assert r"\cdot 0.000000 \cdot" not in texts[stem], stem
    # exercise 2 asks at v_2: at v_1 the derivative, 1.7e-8, is within its box's 10^-6 of two slips (a reviewer
    # found exercise 3's box taking 0 and negative values for tanh'(8.24) = 2.8e-7)
    v_1 = it["v_hidden"][0]
    s = oracle.F["logsig"](v_1)
    f_prime = oracle.F_PRIME_FROM_Y["logsig"](s)
    assert f"{f_prime:.6f}" == "0.000000" and f_prime > 0, "the premise"
    slips = {"the lost minus sign": -f_prime, "f(v_1) itself": s, "the tanh form 1 − y²": 1 - s * s,
             "v_1(1 − v_1)": v_1 * (1 - v_1), "an unsquared denominator": _math.exp(-v_1) / (1 + _math.exp(-v_1)),
             "tanh's derivative": 1 - _math.tanh(v_1) ** 2, "s(1 − s) fed with tanh(v_1)":
             _math.tanh(v_1) * (1 - _math.tanh(v_1))}
    taken = [f"“{name}”" for name, value in slips.items() if abs(value - f_prime) <= 1e-6 + 1e-5 * abs(f_prime)]
    # the lost minus sign, f(v_1) itself (1.7e-8 too, near 0) and tanh's derivative (1 − tanh² v_1, 1e-15)
    assert len(taken) == 3
    said = re.sub(r"\s+", " ", texts["02-sigmoid-derivative"])
    assert (rf"(Not at $v_1$: the logistic sigmoid is so flat at $v_1 = {oracle.formula_string(v_1)}$ that the "
            rf"derivative there, ${oracle.formula_string(f_prime)}$, is within the answer box's tolerance of 0, and of "
            rf"what the slips {pages.and_list(taken)} give.)") in said
    assert r"Compute the logistic sigmoid's derivative $f'(v_2)$ at the field $v_2$ of hidden neuron 2" in said


# A reviewer's practice example: v_2 = 4.2 · 0.9 + (-3.6) · (-1.1) + 0.5 = 8.24, so tanh'(v_2) = 2.8e-7, and exercise
# 3's box took 0, and negative values, for right.
TANH_SATURATED_V2 = {"w_hidden": [[0.3, -0.25], [4.2, -3.6], [-0.35, 0.4]], "b_hidden": [0.1, 0.5, -0.15],
                     "w_output": [[0.6, -0.7, 0.45]], "b_output": [0.05], "hidden": "logsig", "output": "purelin",
                     "x": [0.9, -1.1], "d": 1.1, "eta": 0.005}


# A second reviewer's: tanh hidden neurons, v_2 = -1.5 - 6.75 - 0.5 = -8.75, tanh'(v_2) = 1.0e-7. No classic slip
# gives nearly that on this side (1 - tanh v is near 2), so the box at v_2 was kept, and took 0 and -1e-7 for right.
TANH_NEGATIVE_V2 = {"w_hidden": [[0.4, -0.25], [-3.0, 4.5], [0.55, 0.15]], "b_hidden": [0.1, -0.5, -0.2],
                    "w_output": [[0.6, -0.45, 0.35]], "b_output": [-0.1], "hidden": "tansig", "output": "purelin",
                    "x": [0.5, -1.5], "d": -0.4, "eta": 0.15}


@pytest.mark.parametrize("name", ["saturated", "tanh-saturated-v2", "every-saturated", "tanh-negative-v2"])
def test_exercises_2_and_3_ask_at_the_field_the_oracle_chooses(tmp_path, name):
    practice = {"saturated": SATURATED, "tanh-saturated-v2": TANH_SATURATED_V2,
                "every-saturated": {**SATURATED, "w_hidden": [[-9.0, 8.0], [9.0, -9.0], [9.5, -7.5]]},
                "tanh-negative-v2": TANH_NEGATIVE_V2}[name]
    it = oracle.iteration(practice)
    texts = shown_with_example(_practice_file(tmp_path, practice, name), ["02-sigmoid-derivative",
                                                                            "03-tanh-derivative"])
    for stem in ("02-sigmoid-derivative", "03-tanh-derivative"):
        WORDS[stem](texts[stem], practice, it)
    chosen = (derivative_field("sigmoid-derivative", practice, it), derivative_field("tanh-derivative", practice, it))
    assert chosen == {"saturated": (1, 1), "tanh-saturated-v2": (0, 0), "every-saturated": (0, 0),
                      "tanh-negative-v2": (0, 0)}[name]
    if name == "tanh-negative-v2":
        t = _math.tanh(it["v_hidden"][1])
        assert abs(1 - t * t) < 1e-6, "the premise: the box at v_2 takes 0"
        said = re.sub(r"\s+", " ", texts["03-tanh-derivative"])
        # and of the flipped sign's -1.0e-7: 2.0e-7 from it, within the box's 10^-6
        assert (r"(Not at $v_2$: $\tanh$ is so flat at $v_2 = -8.750000$ that the derivative there, $1.0 \times "
                r"10^{-7}$, is within the answer box's tolerance of 0, and of what the slip “the flipped sign” "
                r"gives.)") in said
    if name == "every-saturated":  # tanh' is near 0 at every field: v_1's box takes the fewest slips, v_2's more
        assert re.search(r"\(Not at \$v_2\$: here the answer box at every field takes some wrong answers for right "
                         r"\(0 or classic slips\); \$v_2\$'s would take \d of them, \$v_1\$'s takes \d\.\)",
                         re.sub(r"\s+", " ", texts["03-tanh-derivative"]))


def test_exercise_7_writes_a_saturated_slope_from_its_field_as_exercise_6_does(tmp_path):
    """A reviewer: with every hidden neuron saturated, exercise 7's solution said "f'(v_1) = y_h1 (1 - y_h1) = 2.0e-7"
    beside a table whose y_h1 is 1.000000, which gives 0. Like exercise 6 it now writes the slope from the field,
    e^{-v}/(1 + e^{-v})^2, with the oracle's v_1 and slope."""
    every = {**SATURATED, "w_hidden": [[9.0, -8.0], [9.0, -9.0], [9.5, -7.5]], "b_output": [-0.15]}  # v_1 = 15.9
    it = oracle.iteration(every)
    v_1 = it["v_hidden"][0]
    s = oracle.F["logsig"](v_1)
    assert f"{s:.6f}" == "1.000000", "the premise: y_h1 prints as 1, whose 1 - y_h1 is 0"
    text = re.sub(r"\s+", " ", shown_with_example(_practice_file(tmp_path, every, "every"), ["07-hidden-biases"])[
        "07-hidden-biases"])
    field = oracle.formula_string(-v_1)
    assert (rf"$f'(v_1) = y_{{h1}}\,(1 - y_{{h1}}) = \frac{{e^{{{field}}}}}{{\big(1 + e^{{{field}}}\big)^2}} = "
            rf"{oracle.formula_string(s * (1 - s))}$") in text, text[text.find("With $e"):][:300]


def test_with_every_hidden_neuron_saturated_exercise_2_asks_at_v_1_and_says_its_derivative_is_not_0(tmp_path):
    """Where every box takes a slip for right, exercise 2 keeps v_1, and says f'(v_1) is not 0 (a reviewer: a box that
    takes 0.000000 for right next to a derivative of 1.7e-8)."""
    every = {**SATURATED, "w_hidden": [[-9.0, 8.0], [9.0, -9.0], [9.5, -7.5]]}
    it = oracle.iteration(every)
    assert all(abs(v) > 17 for v in it["v_hidden"]), "the premise: every neuron saturated"
    text = shown_with_example(_practice_file(tmp_path, every, "every"), ["02-sigmoid-derivative"])[
        "02-sigmoid-derivative"]
    f_prime = oracle.F_PRIME_FROM_Y["logsig"](oracle.F["logsig"](it["v_hidden"][0]))
    assert "(Not at $v_" not in text and r"$f'(v_1)$ at the field $v_1$" in re.sub(r"\s+", " ", text)
    assert rf"$f'(v_1) = {oracle.formula_string(f_prime)}$ are $0.000000$ to 6 decimals but not 0." in text


# A reviewer's practice example with η = 0.01: every update is below 0.0004 and the bug of exercise 12 moves each new
# value by about 10^-6, less than a box can tell from the right value at six decimals.
TINY_STEP = {"w_hidden": [[0.6, -0.9], [-0.7, 0.4], [0.8, 0.5]], "b_hidden": [0.3, -0.4, 0.0],
             "w_output": [[0.2, -0.5, 0.4]], "b_output": [0.1], "hidden": "logsig", "output": "purelin",
             "x": [-0.5, 0.25], "d": -0.2, "eta": 0.01}


def _tiny_step_file(tmp_path: Path) -> Path:
    return _practice_file(tmp_path, TINY_STEP, "tiny-step")


def test_spot_the_bug_with_a_tiny_step_says_what_its_box_can_tell(tmp_path):
    """η = 0.01: exercise 12 asked for b_1(n+1) = 0.299849, and its box, within 0.1 % of it, took the buggy code's
    0.299850 and b_1(n) = 0.3; its cost paragraph called 0.045026 'higher than the buggy step's' 0.045026. Its box
    now measures the tolerance against the update, 10^-6 + 10^-5 |Δ|; the page asks for the first parameter whose
    buggy value, as computed and as printed, the box tells apart, else the one the bug moves most, and then says that
    the box cannot tell; it compares the costs as printed. Against the oracle, with η = 0.001, where the bug (of order
    η²) moves no new value by its box's 10^-6 (at η = 0.01 the box tells it apart since the tolerance is 10^-5)."""
    tiny = {**TINY_STEP, "eta": 0.001}
    it = oracle.iteration(tiny)
    buggy = oracle.iteration(tiny, back_weights=it["w_output_new"])
    text = shown_with_example(_practice_file(tmp_path, tiny, "tinier-step"), ["12-spot-the-bug"])["12-spot-the-bug"]
    _bug_words(text, tiny, it)
    candidates = [(f"b_{i + 1}", it["b_hidden_new"][i], buggy["b_hidden_new"][i], it["db_hidden"][i])
                  for i in range(3)]
    candidates += [(f"w_{i + 1}{k + 1}", it["w_hidden_new"][i][k], buggy["w_hidden_new"][i][k], it["dw_hidden"][i][k])
                   for i in range(3) for k in range(2)]
    apart = {label: min(abs(bad - right), abs(round(bad, 6) - right)) / (1e-6 + 1e-5 * abs(delta))
             for label, right, bad, delta in candidates}
    told = [label for label, *_ in candidates if apart[label] > 1]
    assert told == [], "the premise: the box tells the bug apart nowhere"
    label, right, bad, _ = max(candidates, key=lambda c: apart[c[0]])
    assert f"What should ${label[:2]}{{{label[2:]}}}(n+1)$ be" in text
    assert f"the buggy code's {label}(n+1) = {bad:.6f}" in text
    assert f"${label[:2]}{{{label[2:]}}}(n+1) = {right:.6f}$, where the buggy code\ngives ${bad:.6f}$" in text
    assert r"|x - a| \le 10^{-6} + 10^{-5}\,|\Delta\theta|" in text
    assert "neither the answer box nor check() can tell" in text, "the page says its box takes the buggy value"


def _given(value: float) -> str:
    """A given value as the pages write it: six decimals at most, no trailing zeros (0.6, not 0.600000)."""
    text = oracle.number_string(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _given_op(value: float) -> str:
    return _given(value) if value >= 0 else f"({_given(value)})"


def _op(value: float) -> str:
    """A computed value as a factor after an operator, as the formulas write it (`oracle.formula_string`): a negative
    one, or one in scientific notation, in parentheses."""
    text = oracle.formula_string(value)
    return text if value >= 0 and "times" not in text else f"({text})"


def test_the_earlier_answers_a_page_gives_as_data_are_the_ones_the_index_names(monkeypatch):
    """The index said "each exercise's answers are in its own collapsed worked solution", yet the task tables of
    exercises 4 to 7 give exercise 1's y_h2 and y openly (their data). The index now prints answers_tip(), written from
    each page's `data_from`; that is checked here against what each page shows outside its worked solution: the
    earlier exercises whose answer boxes' numbers (six decimals) it prints. Hand: 4 to 7 give answers of 1, no other."""
    answers: dict[str, set[int]] = {}
    for page in ex.PAGES:
        for name in page.checks:
            exercise = ex.get(name)
            if isinstance(exercise, ex.NumericExercise):
                for box in exercise.boxes:
                    if not box.whole:  # an epoch, 26, is no number a table could give by chance
                        answers.setdefault(f"{float(exercise.right[box.index]):.6f}", set()).add(page.number)
    for page, path in zip(ex.PAGES, NOTEBOOKS, strict=True):
        if page.checks == ("training",):  # its numbers are its own task's, where a cost can match an answer by chance
            continue
        shown = "\n".join(t for t in shown_markdown(path, monkeypatch) if '<details class="bp-solution">' not in t)
        earlier = {n for a, numbers in answers.items() if re.search(rf"(?<![\d.]){re.escape(a)}(?!\d)", shown)
                   for n in numbers if n < page.number}
        assert earlier == set(page.data_from), (page.number, earlier)
    assert {p.number: p.data_from for p in ex.PAGES if p.data_from} == {4: (1,), 5: (1,), 6: (1,), 7: (1,)}
    index = (ROOT / "docs" / "exercises" / "index.md").read_text(encoding="utf-8")
    assert "print(answers_tip())" in index and "in its own collapsed" not in index
    assert ("They are not hidden from later pages: the task tables of exercises 4 to 7 give answers of exercise 1 as "
            "their data; ") in ex.answers_tip()


def test_exercises_write_given_values_as_given(monkeypatch):
    """The worked solutions and the task tables wrote the values the exercise gives with six decimals ('d =
    0.900000', 'η = 0.300000', 'w_41(n+1) = 0.500000 + ...') where every page writes them as given (0.9, 0.3, 0.5);
    computed values keep six decimals. No given value of the practice example (x, d, η, the weights at time n) is
    printed with six decimals unless that string is also one of the oracle's computed values, and the solutions and
    tables write them as the file does."""
    w, b = EXAMPLE["w_hidden"], EXAMPLE["b_hidden"]
    w4, b4 = EXAMPLE["w_output"][0], EXAMPLE["b_output"][0]
    x, d, eta = EXAMPLE["x"], EXAMPLE["d"], EXAMPLE["eta"]
    givens = [*x, d, eta, *(v for row in w for v in row), *b, *w4, b4]
    computed = oracle.number_strings({k: v for k, v in IT.items() if k not in ("x", "d", "eta", "n_in", "n_hidden",
                                                                               "n_out")})
    padded = {oracle.number_string(v) for v in givens} - {_given(v) for v in givens} - computed  # 0.900000, ...
    assert padded, "the premise: some given value has trailing zeros at six decimals"
    shown = {path.stem: shown_markdown(path, monkeypatch) for path in NOTEBOOKS}
    for stem, texts in shown.items():  # the task tables and the worked solutions
        printed = set(re.findall(r"(?<![\d.])-?\d+\.\d{6}(?!\d)", "\n".join(texts)))
        assert not printed & padded, f"{stem}: given values with six decimals: {sorted(printed & padded)}"
    solutions = {stem: " ".join(" ".join(t for t in texts if "Worked solution" in t).split())
                 for stem, texts in shown.items()}
    table = next(t for t in shown["04-output-weights"] if "| $d$ |" in t)
    assert f"| $d$ | {_given(d)} |" in table and f"| $\\eta$ | {_given(eta)} |" in table
    assert f"| $y$ | {oracle.number_string(IT['y'])} |" in table, "a computed value keeps six decimals"
    weights = next(t for t in shown["01-forward-pass"] if "| $w_{11}$ |" in t)
    assert f"| $w_{{11}}$ | {_given(w[0][0])} |" in weights and f"| $b_{{4}}$ | {_given(b4)} |" in weights
    e = IT["e"]
    for stem in ("04-output-weights", "05-output-bias"):
        assert f"e = d - y = {_given(d)} - " in solutions[stem], stem
    assert rf"\Delta w_{{41}} = {_given(eta)} \cdot " in solutions["04-output-weights"]
    assert rf"\Delta b_4 = \eta\, e = {_given(eta)} \cdot " in solutions["05-output-bias"]
    e_op = oracle.number_string(e) if e >= 0 else f"({oracle.number_string(e)})"
    assert rf"= {_given(eta)} \cdot {e_op} \cdot {_given_op(w4[0])} \cdot " in solutions["07-hidden-biases"]
    y_h1 = oracle.number_string(IT["y_hidden"][0])
    y_h1_op = y_h1 if IT["y_hidden"][0] >= 0 else f"({y_h1})"  # a tanh y_h1 may be negative
    assert rf"y = v_4 = {_given(w4[0])} \cdot {y_h1_op} + {_given_op(w4[1])} \cdot" in solutions["01-forward-pass"]
    assert (rf"= {_given(w[1][0])} \cdot {_given_op(x[0])} + {_given_op(w[1][1])} \cdot {_given_op(x[1])} + "
            rf"{_given_op(b[1])}" in solutions["01-forward-pass"])
    assert rf"$$w_{{41}}(n+1) = {_given(w4[0])} + " in solutions["08-one-iteration"]
    assert f"{'closer to' if abs(d - IT['y_next']) < abs(e) else 'further from'} $d = {_given(d)}$ than" \
        in solutions["08-one-iteration"]
    assert f"below {_given(ex.TRAIN_THRESHOLD)} is epoch" in solutions["13-training"] and _given(0.005) == "0.005"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_with_its_solution_passes_its_own_checks(path, tmp_path, monkeypatch):
    monkeypatch.setenv(ex.STRICT_ENV, "1")  # inherited by the kernel: a check that is not Right raises
    nb, replaced = with_solution(read(path))
    assert replaced >= 1
    nb = execute(nb, tmp_path)  # any cell error raises CellExecutionError
    text = outputs_text(nb)
    assert text.count("Right") >= replaced
    assert "No answer yet" not in text and "Not yet" not in text
    printed = markdown_outputs(nb)
    assert not UNBRACKETED.search(printed), UNBRACKETED.search(printed)
    assert not PROSE_SLIPS.search(prose(printed)), PROSE_SLIPS.search(prose(printed))
    if path.stem in WORDS:
        WORDS[path.stem](printed)


# Exercises 8 and 11 once asked about w_11 whatever the example: with x_1 = 0 (zero-input-large-eta) its update and
# gradient are 0, so exercise 8's answer was w_11(n), printed on the forward-pass page, and exercise 11's slips all
# gave 0 and its worked solution said 'they agree to 0.0e+00'. Each notebook: the oracle's choice of its weight, and
# the check of its printed words (they name that weight, with its numbers, or the number of agreeing digits).
WEIGHT_NOTEBOOKS = {
    "08-one-iteration": (iteration_weight, _one_iteration_words),
    "11-gradient-check": (gradient_weight, _central_difference_words),
}


@pytest.mark.slow
@pytest.mark.parametrize("stem", WEIGHT_NOTEBOOKS)
@pytest.mark.parametrize("example_file", oracle.all_example_files(), ids=lambda p: p.stem)
def test_notebooks_8_and_11_ask_for_a_weight_that_moves_for_every_example(stem, example_file, tmp_path, monkeypatch):
    """Executed with each example file (its solution in place, strict), the notebook names the weight the oracle
    chooses, whose input x_k and update (or gradient) are not 0."""
    monkeypatch.setenv(oracle.ENV, str(example_file))  # inherited by the kernel
    monkeypatch.setenv(ex.STRICT_ENV, "1")
    example = oracle.practice_of(oracle.load_example(example_file))
    it = oracle.iteration(example)
    choose, words = WEIGHT_NOTEBOOKS[stem]
    name, i, k = choose(example, it)
    assert example["x"][k] != 0 and it["delta_hidden"][i] * example["x"][k] != 0, (example_file.stem, name)
    [path] = [p for p in NOTEBOOKS if p.stem == stem]
    nb, _ = with_solution(read(path))
    text = outputs_text(execute(nb, tmp_path))
    assert "Right" in text and "Not yet" not in text
    words(markdown_outputs(nb), example, it)


# Exercises 6, 9 and 10 once asked for fixed Δw_ik (Δw_11, Δw_12, Δw_32; Δw_11, Δw_22; Δw_11, Δw_31): with x_1 = 0
# (zero-input-large-eta) each Δw_i1 is 0, every slip passed its box, and a note under the box said so.
UPDATE_NOTEBOOKS = {"06-hidden-weights": "hidden-weights", "09-tansig-hidden": "tansig-hidden",
                    "10-two-outputs": "two-outputs"}


@pytest.mark.slow
@pytest.mark.parametrize("stem", UPDATE_NOTEBOOKS)
@pytest.mark.parametrize("example_file", oracle.all_example_files(), ids=lambda p: p.stem)
def test_notebooks_6_9_and_10_ask_for_updates_that_move_for_every_example(stem, example_file, tmp_path, monkeypatch):
    """Executed with each example file (its solution in place, strict), the notebook's boxes carry no note of a slip
    they cannot tell apart, and its worked solution names the Δw_ik the oracle chooses, none with an input x_k of 0."""
    monkeypatch.setenv(oracle.ENV, str(example_file))  # inherited by the kernel
    monkeypatch.setenv(ex.STRICT_ENV, "1")
    example = oracle.practice_of(oracle.load_example(example_file))
    it = oracle.iteration(example)
    name = UPDATE_NOTEBOOKS[stem]
    assert all(example["x"][k] != 0 for _, _, k in box_weights(name, example, it)), example_file.stem
    [path] = [p for p in NOTEBOOKS if p.stem == stem]
    nb, _ = with_solution(read(path))
    text = outputs_text(execute(nb, tmp_path))
    assert "Right" in text and "Not yet" not in text
    assert "These boxes ask for" in text and "For these numbers" not in text
    _update_names(name, markdown_outputs(nb), example, it)


@pytest.mark.slow
def test_strict_mode_fails_a_notebook_without_answers(tmp_path, monkeypatch):
    """The solution test above can fail: the same notebook as shipped raises under strict mode."""
    monkeypatch.setenv(ex.STRICT_ENV, "1")
    with pytest.raises(CellExecutionError, match="No answer yet"):
        execute(read(NOTEBOOKS[0]), tmp_path)


def _mini_project(root: Path, cell: str, allow_errors: bool | None) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "nb.py").write_text(f"# %% [markdown]\n# # A notebook\n\n# %%\n{cell}\n", encoding="utf-8")
    options = {"include": ["*.py"], "execute": True, "cache": False, "kernel_name": "python3"}
    if allow_errors is not None:
        options["allow_errors"] = allow_errors
    config = {"site_name": "self-test", "nav": ["index.md", "nb.py"], "plugins": [{"mkdocs-jupyter": options}]}
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(ex.STRICT_ENV, None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_a_raising_notebook_fails_the_build(tmp_path):
    proc = _build(_mini_project(tmp_path / "raising", 'raise RuntimeError("boom from a notebook")', False))
    assert proc.returncode != 0
    assert "boom from a notebook" in proc.stdout + proc.stderr
    # controls: the same project with a cell that works builds; mkdocs-jupyter's default embeds the error
    assert _build(_mini_project(tmp_path / "fine", "x = 1", False)).returncode == 0
    silent = _build(_mini_project(tmp_path / "default", 'raise RuntimeError("boom")', None))
    assert silent.returncode == 0, "mkdocs-jupyter now fails on errors by default: the trap is gone"


def test_site_config_keeps_the_notebook_traps_closed():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"].config
    assert plugin["allow_errors"] is False
    assert "exercises/*.py" in plugin["include"] and all(p.startswith("exercises/") for p in plugin["include"])
    # Every build executes the notebooks: the plugin itself with its notebook-keyed cache off, or (since the
    # notebook cache landed) hooks/notebook_cache.py, whose key covers the package and the example.
    by_plugin = plugin["execute"] is True and plugin["cache"] is False
    by_hook = "hooks/notebook_cache.py" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert by_plugin or (by_hook and plugin["execute"] is False)


# --- the built site ------------------------------------------------------------------------------


def article_prose(html_text: str) -> str:
    """The text of a built page's article without its math, code, scripts, figures and tags."""
    import html

    article = html_text[html_text.index("<article"):html_text.index("</article>")]
    article = re.sub(r"<mjx-container\b.*?</mjx-container>|<(pre|code|script|style|svg)\b.*?</\1>", " ", article,
                     flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_built_exercise_page(path, site_build):
    page_dir = site_build.dir / "exercises" / path.stem
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<style" not in article, "nbconvert's inline CSS is trimmed"
    assert "<script" not in article, "no MathJax 2 / mermaid / clipboard scripts"
    assert "cdnjs" not in html and "cdn.jsdelivr" not in html
    assert "Traceback" not in article and "jp-OutputArea-error" not in article
    assert not PROSE_SLIPS.search(article_prose(html)), PROSE_SLIPS.search(article_prose(html))
    assert "No answer yet" in article
    assert '<details class="bp-solution">' in article
    assert f'href="{path.stem}.ipynb" download' in html
    nb = nbformat.reads((page_dir / f"{path.stem}.ipynb").read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert any("= None  # your answer here" in c.source for c in nb.cells)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "shipped without outputs"
    for href in re.findall(r'href="([^"#]+)', article):  # links inside notebooks are not checked by mkdocs
        if not re.match(r"^[a-z]+:", href):
            target = (page_dir / href).resolve()
            assert (target / "index.html" if href.endswith("/") else target).is_file(), f"broken link {href}"
    code = path.read_text(encoding="utf-8")
    numeric = [n for n, _ in CHECK_CALL.findall(code) if isinstance(ex.get(n), ex.NumericExercise)]
    for name in numeric:
        exercise = ex.get(name)
        for box in exercise.boxes:  # the value fixed at build time is the package's value now
            assert f'data-answer="{float(exercise.right[box.index])!r}"' in article


@pytest.mark.slow
def test_built_index_page_states_the_tolerance_and_no_key_markup(site_build):
    html = (site_build.dir / "exercises" / "index.html").read_text(encoding="utf-8")
    text = article_prose(html)
    assert not PROSE_SLIPS.search(text), PROSE_SLIPS.search(text)
    assert "<kbd>Enter</kbd>" in html
    assert r'data-tex="|x - a| \le 10^{-6} + 10^{-5}\,|a|"' in html and "Exercise 11" in text
    assert "which only Python can check. Exercise 11's answer is a number" in text, "python_tip, inside its tab"


@pytest.mark.slow
def test_no_derivation_page_prints_an_exercise_answer(site_build):
    """The index page says no derivation page prints the exercises' answers: no page outside the exercises (and the
    package reference) holds any box's right value as the pages print it."""
    numeric = [e for e in map(ex.get, ex.names()) if isinstance(e, ex.NumericExercise)]
    answers = {f"{float(e.right[b.index]):.6f}" for e in numeric for b in e.boxes if not b.whole}
    for page in sorted(site_build.dir.rglob("index.html")):
        where = page.relative_to(site_build.dir).as_posix()
        if where.startswith(("exercises/", "reference/")):
            continue
        text = page.read_text(encoding="utf-8")
        found = [a for a in answers if re.search(rf"(?<![\d.]){re.escape(a)}(?!\d)", text)]
        assert not found, f"{where} prints exercise answers {found}"


@pytest.mark.slow
def test_built_pages_show_the_package_numbers(site_build):
    html = (site_build.dir / "exercises" / "01-forward-pass" / "index.html").read_text(encoding="utf-8")
    from backprop import examples, forward

    fp = forward(examples.PRACTICE_NET, examples.PRACTICE_X)
    for value in (*fp.y_hidden, fp.y_output[0]):
        assert f"{value:.6f}" in html
    assert "No answer yet" in html


def test_index_page_links_every_notebook():
    """The index page's table is the catalogue's: one row per notebook, in order, titled as the catalogue says.

    The table is written out in index.md (so that mkdocs resolves and checks its links to the notebooks) and must
    be exactly ``exercises.index_table()``: after a title changes in the catalogue, paste that call's output."""
    index = (ROOT / "docs" / "exercises" / "index.md").read_text(encoding="utf-8")
    table = ex.index_table()
    assert table in index, "docs/exercises/index.md's table is not backprop.exercises.index_table()"
    assert [f"{p.name}" for p in NOTEBOOKS] == re.findall(r"\]\((\d\d-[\w-]+\.py)\)", table)
    assert [p.stem for p in ex.PAGES] == [p.stem for p in NOTEBOOKS]
    for page in ex.PAGES:
        assert f"| {page.number} | [{page.title}]({page.stem}.py) |" in table


def test_the_index_page_says_which_exercises_need_python():
    """The index said "Exercises 12 and 14 ask for a function, which only Python can check", and nothing of exercise 11,
    whose number comes from two costs kept to 11 decimals each, which its task has the reader compute in Python. The
    page now prints python_tip(), written from the catalogue: hand values, the pages whose checks take a function
    (12 and 14) and the decimals of E that 10^-k / 2h within the box's 10^-6 needs for h = 10^-5 (11)."""
    index = (ROOT / "docs" / "exercises" / "index.md").read_text(encoding="utf-8")
    assert "print(python_tip())" in index and "Exercises 12 and 14" not in index
    needed = next(k for k in range(1, 20) if 10.0**-k / (2 * 1e-5) <= 1e-6)
    assert needed == 11
    tip = ex.python_tip()
    assert tip.startswith("Exercises 12 and 14 ask for a function, which only Python can check. ")
    assert f"Exercise 11's answer is a number, but it comes from two costs $E$ that must each be kept to {needed} " \
           "decimals: its task is written for Python" in tip
    source = (ROOT / "docs" / "exercises" / "11-gradient-check.py").read_text(encoding="utf-8")
    assert "decimals = gradient_check_decimals()" in source, "the page asks for the decimals the index names"


def test_the_tolerance_the_pages_state_is_the_checks_own():
    """The index page prints the tip the catalogue writes from RTOL and ATOL (no tolerance typed on the page), and
    every page whose boxes use another tolerance prints that exercise's tolerance_note."""
    index = (ROOT / "docs" / "exercises" / "index.md").read_text(encoding="utf-8")
    assert "print(tolerance_tip())" in index and "0.1 %" not in index and "10^{-6}" not in index
    other = [(page, name) for page in ex.PAGES for name in page.checks
             if isinstance(ex.get(name), ex.NumericExercise)
             and ((ex.get(name).rtol, ex.get(name).atol) != (1e-5, 1e-6) or ex.get(name).new_parameter_boxes)]
    # 8 and 12: new weights or biases, their tolerance measured against the update (11 keeps the rule of every
    # exercise since it is 10^-5; it had its own, 10^-4, when theirs was 10^-3)
    assert [(page.number, name) for page, name in other] == [(8, "one-iteration"), (12, "spot-the-bug")]
    for page, name in other:
        source = (ROOT / "docs" / "exercises" / f"{page.stem}.py").read_text(encoding="utf-8")
        assert f'tolerance_note("{name}")' in source, page.stem


def test_the_index_page_renders_no_key_markup_as_text():
    """`++enter++` is pymdownx.keys' syntax: rendered with the site's own Markdown extensions it must not stay text."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    for page in [ROOT / "docs" / "exercises" / "index.md"]:
        html = md.reset().convert(page.read_text(encoding="utf-8"))
        text = re.sub(r"<(pre|code)\b.*?</\1>|<[^>]+>", " ", html, flags=re.S)
        assert "++" not in text, page
    assert "++enter++" in markdown.markdown("press ++enter++")  # without pymdownx.keys it stays: the check can fail
    for path in NOTEBOOKS:  # nbconvert renders the notebooks' Markdown, which has no keys extension at all
        for cell in read(path).cells:
            if cell.cell_type == "markdown":
                assert not PROSE_SLIPS.search(prose(cell.source)), (path.stem, cell.source)


def _exercises_nav() -> list:
    from mkdocs.config import load_config

    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    [section] = [item["Exercises"] for item in nav if isinstance(item, dict) and "Exercises" in item]
    return section


def test_the_nav_lists_every_notebook_untitled_and_the_hook_titles_them_from_the_catalogue():
    """One title: mkdocs.yml names no exercise title, hooks/exercise_titles.py gives each the catalogue's."""
    import importlib.util
    from types import SimpleNamespace

    nav = _exercises_nav()
    assert nav[0] == {"Exercises": "exercises/index.md"}  # its h1, named in the nav (tests/site/test_incremental.py)
    assert nav[1:] == [f"exercises/{p.name}" for p in NOTEBOOKS], "untitled entries, in the notebooks' order"
    spec = importlib.util.spec_from_file_location("exercise_titles", ROOT / "hooks" / "exercise_titles.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    pages = [SimpleNamespace(file=SimpleNamespace(src_uri=f"exercises/{p.name}"), title=None) for p in NOTEBOOKS]
    other = SimpleNamespace(file=SimpleNamespace(src_uri="exercises/index.md"), title="Exercises")
    hook.on_nav(SimpleNamespace(pages=[other, *pages]), None, None)
    assert [p.title for p in pages] == [f"{p.number}. {p.title}" for p in ex.PAGES]
    assert other.title == "Exercises"
    stray = SimpleNamespace(file=SimpleNamespace(src_uri="exercises/99-new.py"), title=None)
    with pytest.raises(ValueError, match=r"99-new\.py is in the nav but not in backprop\.exercises\.PAGES"):
        hook.on_nav(SimpleNamespace(pages=[stray]), None, None)


@pytest.mark.slow
def test_the_built_nav_shows_the_catalogue_titles(site_build):
    html = (site_build.dir / "exercises" / "index.html").read_text(encoding="utf-8")
    for page in ex.PAGES:
        assert page.nav_title in html, page.nav_title


# --- the equations the notebooks' Markdown cells show, against sympy (no kernel) ---------------------------------
#
# Each entry: the notebook, the TeX its Markdown shows (asserted to be there, whitespace normalised), and a check
# that what it states is true: each side in sympy, compared at random points (values put in with xreplace) or
# symbolically, with E = 1/2 (d - y)^2 differentiated by sympy itself. A wrong equation fails whether the notebook
# or the transcription here changed.

SV = sp.Symbol("v", real=True)
X_K = sp.symbols("x1 x2", real=True)
W_IK = [sp.symbols(f"w{i}1 w{i}2", real=True) for i in (1, 2, 3)]
B_I = sp.symbols("b1 b2 b3", real=True)
W_JI = [sp.symbols(f"w{j}1 w{j}2 w{j}3", real=True) for j in (4, 5)]
B_J, D_J = sp.symbols("b4 b5", real=True), sp.symbols("d4 d5", real=True)
SIGMOID = {"logsig": lambda v: 1 / (1 + sp.exp(-v)), "tansig": sp.tanh}
F_PRIME_Y = {"logsig": lambda y: y * (1 - y), "tansig": lambda y: 1 - y**2}


def network(hidden: str, n_out: int = 1, output=lambda v: v) -> dict:
    """The notebooks' network in sympy: v_i, y_hi, then outputs 4 (and 5), e_j = d_j - y_j and E."""
    f = SIGMOID[hidden]
    v_i = [W_IK[i][0] * X_K[0] + W_IK[i][1] * X_K[1] + B_I[i] for i in range(3)]
    y_hi = [f(v) for v in v_i]
    v_j = [sum(W_JI[j][i] * y_hi[i] for i in range(3)) + B_J[j] for j in range(n_out)]
    y_j = [output(v) for v in v_j]
    e_j = [D_J[j] - y_j[j] for j in range(n_out)]
    return {"v_i": v_i, "y_hi": y_hi, "fp_i": [F_PRIME_Y[hidden](y) for y in y_hi], "v_j": v_j, "y_j": y_j,
            "e_j": e_j, "E": sum(e**2 for e in e_j) / 2}


def equal_at_random_points(a: sp.Expr, b: sp.Expr, points: int = 4) -> bool:
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    rng = _random.Random(0)
    for _ in range(points):
        values = {s: sp.Float(rng.uniform(-1.5, 1.5), 30) for s in symbols}
        left, right = complex(a.xreplace(values).evalf(30)), complex(b.xreplace(values).evalf(30))
        if not _math.isclose(left.real, right.real, rel_tol=1e-12, abs_tol=1e-12):
            return False
    return True


def rule_checks(hidden: str) -> list:
    """(TeX, left, right) of notebooks 4 to 7 for one hidden activation: each equation's two sides."""
    n = network(hidden)
    e, eta = n["e_j"][0], sp.Symbol("eta", positive=True)
    return [
        (r"\frac{\partial E}{\partial w_{4i}} = \frac{\partial E}{\partial e}\,\frac{\partial e}{\partial y}\, "
         r"\frac{\partial y}{\partial v_4}\,\frac{\partial v_4}{\partial w_{4i}} = e \cdot (-1) \cdot 1 \cdot y_{hi}",
         [sp.diff(n["E"], W_JI[0][i]) for i in range(3)], [e * (-1) * 1 * n["y_hi"][i] for i in range(3)]),
        (r"\Delta w_{4i}(n) = -\eta\,\frac{\partial E}{\partial w_{4i}} = \eta\, e(n)\, y_{hi}(n)",
         [-eta * sp.diff(n["E"], W_JI[0][i]) for i in range(3)], [eta * e * n["y_hi"][i] for i in range(3)]),
        (r"$\partial v_4 / \partial b_4 = 1$", [sp.diff(n["v_j"][0], B_J[0])], [sp.Integer(1)]),
        (r"\Delta b_4(n) = -\eta\,\frac{\partial E}{\partial b_4} = \eta\, e(n) \cdot 1.",
         [-eta * sp.diff(n["E"], B_J[0])], [eta * e * 1]),
        (r"\frac{\partial E}{\partial w_{ik}} = e \cdot (-1) \cdot 1 \cdot w_{4i} \cdot f'(v_i) \cdot x_k,",
         [sp.diff(n["E"], W_IK[i][k]) for i in range(3) for k in range(2)],
         [e * (-1) * 1 * W_JI[0][i] * n["fp_i"][i] * X_K[k] for i in range(3) for k in range(2)]),
        (r"\Delta w_{ik}(n) = \eta\, e(n)\, w_{4i}(n)\, f'\bigl(v_i(n)\bigr)\, x_k(n).",
         [-eta * sp.diff(n["E"], W_IK[i][k]) for i in range(3) for k in range(2)],
         [eta * e * W_JI[0][i] * n["fp_i"][i] * X_K[k] for i in range(3) for k in range(2)]),
        (r"$\partial v_i / \partial b_i = 1$", [sp.diff(n["v_i"][i], B_I[i]) for i in range(3)], [sp.Integer(1)] * 3),
        (r"\Delta b_i(n) = \eta\, e(n)\, w_{4i}(n)\, f'\bigl(v_i(n)\bigr) \cdot 1.",
         [-eta * sp.diff(n["E"], B_I[i]) for i in range(3)],
         [eta * e * W_JI[0][i] * n["fp_i"][i] * 1 for i in range(3)]),
    ]


def two_output_checks(hidden: str) -> list:
    n = network(hidden, n_out=2)
    eta = sp.Symbol("eta", positive=True)
    back = [sum(n["e_j"][j] * 1 * W_JI[j][i] for j in range(2)) for i in range(3)]  # f'(v_j) = 1: linear outputs
    return [
        (r"$E = \tfrac12 (e_4^2 + e_5^2)$", [n["E"]], [(n["e_j"][0] ** 2 + n["e_j"][1] ** 2) / 2]),
        (r"\frac{\partial E}{\partial w_{ik}} = -\Bigl[\sum_{j=4,5} e_j\, f'(v_j)\, w_{ji}\Bigr] f'(v_i)\, x_k,",
         [sp.diff(n["E"], W_IK[i][k]) for i in range(3) for k in range(2)],
         [-back[i] * n["fp_i"][i] * X_K[k] for i in range(3) for k in range(2)]),
        (r"\Delta w_{ik}(n) = \eta \Bigl[\sum_{j} e_j(n)\, w_{ji}(n)\Bigr] f'\bigl(v_i(n)\bigr)\, x_k(n)",
         [-eta * sp.diff(n["E"], W_IK[i][k]) for i in range(3) for k in range(2)],
         [eta * back[i] * n["fp_i"][i] * X_K[k] for i in range(3) for k in range(2)]),
        (r"(both outputs are linear, $f'(v_j) = 1$)", [sp.diff(n["y_j"][j], B_J[j]) for j in range(2)],  # dy_j/dv_j
         [sp.Integer(1)] * 2),
    ]


def logsig_output_checks() -> list:
    n = network("logsig", output=SIGMOID["logsig"])
    y, e = n["y_j"][0], n["e_j"][0]
    chain = [e * (-1) * (y * (1 - y)) * W_JI[0][i] * (n["y_hi"][i] * (1 - n["y_hi"][i])) * X_K[k]
             for i in range(3) for k in range(2)]
    code = [eval("-e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k",  # the solution's own line
                 {"e": e, "y": y, "w_ji": W_JI[0][i], "y_hi": n["y_hi"][i], "x_k": X_K[k]})
            for i in range(3) for k in range(2)]
    grad = [sp.diff(n["E"], W_IK[i][k]) for i in range(3) for k in range(2)]
    return [
        (r"\cdot \underbrace{y(1 - y)}_{f'(v_j)} \cdot \underbrace{w_{ji}}_{\partial v_j/\partial y_{hi}} "
         r"\cdot \underbrace{y_{hi}(1 - y_{hi})}_{f'(v_i)} \cdot \underbrace{x_k}_{\partial v_i/\partial w_{ik}}",
         grad, chain),
        (r"`-e * y * (1 - y) * w_ji * y_hi * (1 - y_hi) * x_k`", grad, code),
        (r"only $f'(v_j) = y(1 - y)$ is new", [sp.diff(SIGMOID["logsig"](SV), SV)],
         [SIGMOID["logsig"](SV) * (1 - SIGMOID["logsig"](SV))]),
    ]


def function_checks() -> list:
    f, t = SIGMOID["logsig"](SV), sp.tanh(SV)
    return [
        # {{s}}: f or logsig, chosen from the practice network (exercise 2 names f only the practice network's f)
        (r"$${{s}}(v) = \frac{1}{1 + e^{-v}}, \qquad", [f], [1 / (1 + sp.exp(-SV))]),
        (r"{{s}}'(v) = \frac{e^{-v}}{(1 + e^{-v})^2} = {{s}}(v)\,\bigl(1 - {{s}}(v)\bigr).$$",
         [sp.diff(f, SV), sp.diff(f, SV)], [sp.exp(-SV) / (1 + sp.exp(-SV)) ** 2, f * (1 - f)]),
        (r"$\tanh v = \dfrac{e^{v} - e^{-v}}{e^{v} + e^{-v}}$", [t], [(sp.exp(SV) - sp.exp(-SV))
                                                                     / (sp.exp(SV) + sp.exp(-SV))]),
        (r"\tanh'(v) = \frac{\cosh^2 v - \sinh^2 v}{\cosh^2 v} = 1 - \tanh^2 v = \operatorname{sech}^2 v.",
         [sp.diff(t, SV)] * 3, [(sp.cosh(SV) ** 2 - sp.sinh(SV) ** 2) / sp.cosh(SV) ** 2, 1 - t**2,
                                 sp.sech(SV) ** 2]),
    ]


NOTEBOOK_EQUATIONS = (
    [("02-sigmoid-derivative", *c) for c in function_checks()[:2]]
    + [("03-tanh-derivative", *c) for c in function_checks()[2:]]
    + [(nb, *c) for hidden in ("logsig", "tansig") for nb, c in zip(
        ["04-output-weights"] * 2 + ["05-output-bias"] * 2 + ["06-hidden-weights"] * 2 + ["07-hidden-biases"] * 2,
        rule_checks(hidden), strict=True)]
    + [("10-two-outputs", *c) for hidden in ("logsig", "tansig") for c in two_output_checks(hidden)]
    + [("14-derive-logsig-output", *c) for c in logsig_output_checks()]
)


def notebook_tex(name: str) -> str:
    """The notebook's Markdown cells and its code (which holds the printed worked solution's TeX), normalised."""
    nb = read(ROOT / "docs" / "exercises" / f"{name}.py")
    return " ".join(" ".join(c.source for c in nb.cells).split())


@pytest.mark.parametrize(("name", "tex", "left", "right"), NOTEBOOK_EQUATIONS,
                         ids=[f"{e[0][:2]}-{i}" for i, e in enumerate(NOTEBOOK_EQUATIONS)])
def test_each_markdown_equation_is_shown_and_true(name, tex, left, right):
    assert " ".join(tex.split()) in notebook_tex(name), f"{name}: no longer shows {tex}"
    for a, b in zip(left, right, strict=True):
        assert equal_at_random_points(a, b), f"{name}: {tex}"


def more_checks() -> list:
    n = network("logsig")
    e, eta, h = n["e_j"][0], sp.Symbol("eta", positive=True), sp.Rational(1, 10**5)
    # the weight is chosen from the numbers (backprop.exercises.gradient_check_weight): each equation for every w_ik
    pairs = [(i, k) for i in range(3) for k in range(2)]

    def central(i: int, k: int) -> sp.Expr:
        w = W_IK[i][k]
        return (n["E"].xreplace({w: w + h}) - n["E"].xreplace({w: w - h})) / (2 * h)

    gradient = [sp.diff(n["E"], W_IK[i][k]) for i, k in pairs]
    return [
        ("01-forward-pass", r"$$v_i = w_{i1} x_1 + w_{i2} x_2 + b_i, \qquad y_{hi} = f(v_i),$$", n["v_i"],
         [sum(W_IK[i][k] * X_K[k] for k in range(2)) + B_I[i] for i in range(3)]),
        ("01-forward-pass", r"$$v_4 = w_{41} y_{h1} + w_{42} y_{h2} + w_{43} y_{h3} + b_4, \qquad y = v_4.$$",
         [n["y_j"][0]], [W_JI[0][0] * n["y_hi"][0] + W_JI[0][1] * n["y_hi"][1] + W_JI[0][2] * n["y_hi"][2] + B_J[0]]),
        # h = 1e-5: the central difference's O(h^2) truncation is about 1e-10, so the two are compared to 1e-8
        ("11-gradient-check", r"$-\Delta {{w}} / \eta$",
         [-(eta * e * W_JI[0][i] * n["fp_i"][i] * X_K[k]) / eta for i, k in pairs], gradient),
        ("11-gradient-check", r"Rule 3 gives $\partial E/\partial {{w}} = -e\, {{w4}}\, f'(v_{{i1}})\, x_{{k1}}",
         gradient, [-e * W_JI[0][i] * n["fp_i"][i] * X_K[k] for i, k in pairs]),
        ("11-gradient-check", r"\frac{\partial E}{\partial {{w}}} \approx \frac{E({{w}} + h) - E({{w}} - h)}{2h}.",
         [g * 10**8 for g in gradient], [central(i, k) * 10**8 for i, k in pairs]),  # agree to 1e-8
        ("13-training", r"$E(n) = \tfrac12 e(n)^2$", [n["E"]], [e**2 / 2]),
    ]


@pytest.mark.parametrize("check", more_checks(), ids=lambda c: c[0][:2] if isinstance(c, tuple) else None)
def test_more_notebook_equations_are_shown_and_true(check):
    name, tex, left, right = check
    assert " ".join(tex.split()) in notebook_tex(name), f"{name}: no longer shows {tex}"
    for a, b in zip(left, right, strict=True):
        if name == "11-gradient-check" and "approx" in tex:
            values = {s: sp.Float(v, 30) for s, v in zip(sorted(a.free_symbols | b.free_symbols, key=str),
                                                          [0.3, -0.7, 1.1, 0.2, -0.4, 0.9, 0.5, -1.2, 0.8, 0.6, -0.3,
                                                           0.4, 0.7, -0.5, 1.3, -0.9])}
            assert abs(float((a - b).xreplace(values).evalf(40))) < 1, tex  # |difference| < 1e-8
        else:
            assert equal_at_random_points(a, b), f"{name}: {tex}"


def test_the_regression_target_of_notebook_13_is_what_the_package_trains_on():
    """$d = \\tfrac12 \\sin(\\pi x_1) + \\tfrac14 x_2$ on $[-1, 1]^2$: examples.regression_data's X and D."""
    tex = r"$$d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2 \quad \text{on } [-1, 1]^2.$$"
    assert tex in notebook_tex("13-training")
    from backprop import examples

    X, D = examples.regression_data(50, seed=ex.TRAIN_SEED)
    assert ((X >= -1) & (X <= 1)).all() and X.min() < -0.8 and X.max() > 0.8
    for (x1, x2), d in zip(X.tolist(), D.tolist()):
        assert d == pytest.approx(0.5 * _math.sin(_math.pi * x1) + 0.25 * x2, rel=1e-14, abs=1e-15)


def test_the_notebook_equation_check_can_fail():
    """The slips a student makes: the lost minus, a dropped f'(v_i), tanh's f' without the square, no sum over j."""
    n, n2 = network("logsig"), network("tansig", n_out=2)
    e = n["e_j"][0]
    assert not equal_at_random_points(sp.diff(n["E"], W_JI[0][0]), e * n["y_hi"][0])
    assert not equal_at_random_points(sp.diff(n["E"], W_IK[1][0]), -e * W_JI[0][1] * X_K[0])
    assert not equal_at_random_points(sp.diff(sp.tanh(SV), SV), 1 - sp.tanh(SV))
    assert not equal_at_random_points(sp.diff(n2["E"], W_IK[0][0]),
                                      -n2["e_j"][0] * W_JI[0][0] * n2["fp_i"][0] * X_K[0])
    assert "\\tanh'(v) = 1 - \\tanh v" not in notebook_tex("03-tanh-derivative")


# A reviewer's practice example (tansig): neuron 1 saturated, so f'(v_1) = 1 - y_h1^2 prints as 0.000000 and
# exercise 7's worked solution, always about neuron 1, showed a product of zeros.
SATURATED_NEURON_1 = {"w_hidden": [[-3.6, -2.2], [-2.18, 0.6], [2.6, -1.28]], "b_hidden": [3.6, 1.44, 3.7],
                      "w_output": [[-1.0, 0.997, 1.27]], "b_output": [0.7], "hidden": "tansig", "output": "purelin",
                      "x": [-1.57, 0.0], "d": -1.2, "eta": 1.5}


def test_exercise_7_works_out_a_neuron_whose_numbers_show(tmp_path):
    """SATURATED_NEURON_1: the worked solution works out the first neuron whose slope and update print within 5 % of
    their values (the oracle's), neuron 2 here, and gives the other two updates."""
    it = oracle.iteration(SATURATED_NEURON_1)
    slopes, db = it["fp_hidden"], it["db_hidden"]

    far_off = oracle.printed_far_off
    n = next(i for i in range(3) if not far_off(slopes[i]) and not far_off(db[i]))
    assert far_off(slopes[0]) and n == 1  # the premise: neuron 1's slope prints far off, neuron 2's does not
    text = shown_with_example(_practice_file(tmp_path, SATURATED_NEURON_1, "saturated-1"),
                              ["07-hidden-biases"])["07-hidden-biases"]
    assert r"\Delta b_2 = \eta\, e\, w_{42}\, f'(v_2) = 1.5 \cdot " in text
    assert (rf"\Delta b_1 = {oracle.formula_string(db[0])}, \quad \Delta b_3 = {oracle.formula_string(db[2])}"
            "\n\\end{gathered}$$") in text


# A practice example whose hidden neurons 1 and 2 are saturated on the side where f(v) prints as 1: v_1 = 18.2
# (logsig), v_2 = 15.6; six decimals of f(v_1) = 1.000000 keep none of the digits of 1 - f(v_1).
SATURATED_HIGH = {"w_hidden": [[8.0, -7.5], [6.0, -8.0], [8.5, -6.5]], "b_hidden": [1.2, 0.0, 1.3],
                  "w_output": [[0.65, -0.55, 0.75]], "b_output": [-0.35], "hidden": "logsig", "output": "purelin",
                  "x": [1.0, -1.2], "d": 0.3, "eta": 0.35}


def test_a_derivative_near_1_is_worked_from_numbers_that_keep_its_digits(tmp_path):
    """A reviewer's saturated practice example: exercise 2 wrote "1.000000 · (1 - 1.000000) ≈ 1.2 × 10^-8", whose
    numbers give 0, and exercise 3 "1 - 1.000000^2 ≈ ...". Exercise 2 now multiplies by 1 - f(v_1) itself (its value
    from the oracle, f(-v_1)), exercise 3 writes 1 / cosh^2 v_2: every substituted product holds for its numbers."""
    it = oracle.iteration(SATURATED_HIGH)
    v_1, v_2 = it["v_hidden"][0], it["v_hidden"][1]
    assert oracle.number_string(oracle.F["logsig"](v_1)) == "1.000000" and abs(_math.tanh(v_2)) > 0.9999995, "premise"
    texts = shown_with_example(_practice_file(tmp_path, SATURATED_HIGH, "saturated-high"),
                               ["02-sigmoid-derivative", "03-tanh-derivative"])
    complement = oracle.F["logsig"](-v_1)  # 1 - f(v_1)
    assert rf"= 1.000000 \cdot ({oracle.formula_string(complement)}) = " in texts["02-sigmoid-derivative"]
    assert r"1 - 1.000000" not in texts["02-sigmoid-derivative"]
    assert (rf"The written $f(v_1) = 1.000000$ keeps too few digits of $1 - f(v_1)$, so the second factor is "
            rf"$1 - f(v_1) = f(-v_1) = {oracle.formula_string(complement)}$.") in texts["02-sigmoid-derivative"]
    assert complement == oracle.F["logsig"](-v_1) and abs(1 - oracle.F["logsig"](v_1) - complement) < 1e-15
    assert rf"\frac{{1}}{{\cosh^2 {oracle.number_string(v_2)}}}" in texts["03-tanh-derivative"]
    assert "\\tanh^2 v_2 = 1 - 1.000000^2" not in texts["03-tanh-derivative"]  # the formula; the sentence names it
    assert (r"The written $\tanh v_2 = 1.000000$ keeps too few digits of $1 - \tanh^2 v_2$ ($1 - 1.000000^2 = "
            r"0.000000$), so the derivative is written with $\cosh v_2$") in texts["03-tanh-derivative"]
    for stem, text in texts.items():
        assert not pages.wrong_claims(text), (stem, pages.wrong_claims(text))


# A reviewer's practice example: x = (0, 1.5), hidden neuron 1 saturated (v_1 = 13.6): in exercise 9 four slips land
# within the Δw_12 box's tolerance with three different values.
SATURATED_X0 = {"w_hidden": [[0.4, 9.0], [-0.3, 0.7], [0.2, -8.5]], "b_hidden": [0.1, -0.25, 0.3],
                "w_output": [[0.5, -0.4, 0.8]], "b_output": [-0.1], "hidden": "logsig", "output": "purelin",
                "x": [0.0, 1.5], "d": 0.9, "eta": 0.3}


def test_a_box_note_pairs_each_slip_with_its_own_value(tmp_path):
    """The note under exercise 9's Δw_12 box said "the slips A, B, C and D give Δw₁₂ = 1.1 × 10⁻¹², 2.2 × 10⁻⁷ and
    −2.2 × 10⁻¹²": four slips, three values, and a reader paired C with the third. Where the slips' values differ, each
    slip is named with its own; the values are the slips' (update_slips, the oracle's), as the note writes numbers."""
    text = shown_with_example(_practice_file(tmp_path, SATURATED_X0, "saturated-x0"),
                              ["09-tansig-hidden"])["09-tansig-hidden"]
    note = re.search(r"For these numbers, the slips (.*?) give values within the tolerance of the right answer", text)
    assert note, "the premise: slips of different values within one box's tolerance"
    pairs = re.findall(r"“([^”]+)” \(Δw([₁-₉])([₁-₉]) = ([^)]+)\)", note[1])
    assert len(pairs) >= 2 and len({value for *_, value in pairs}) >= 2, pairs
    sup = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹₁₂₃₄₅₆₇₈₉", "-0123456789123456789")
    _, slips = update_slips("tansig-hidden", SATURATED_X0, oracle.iteration(SATURATED_X0))
    for _, i, k, value in pairs:  # each a slip's Δw_ik (the oracle's), as the notes write it: 2 digits below 1e-5
        i, k = int(i.translate(sup)) - 1, int(k.translate(sup)) - 1
        m = re.fullmatch(r"(-?\d\.\d) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(-?\d+\.\d{6})", value)
        assert m, value
        number = float(m[3]) if m[3] else float(m[1]) * 10.0 ** int(m[2].translate(sup))
        assert any(abs(number - slip[i][k]) <= 0.05 * abs(slip[i][k]) + 5e-7 * (m[3] is not None) for slip in slips)


def test_a_saturated_neurons_field_is_in_the_task_table(tmp_path):
    """A reviewer: exercises 6 and 7 gave only y_h1 = 0.999999 for a neuron at v_1 = 13.6, from which f'(v_1) =
    0.999999 (1 - 0.999999) = 1.0e-6, not the 1.2e-6 of the solutions. The task tables now give v_1 beside it and say
    why, for the neurons whose written output keeps too few digits of the slope (the oracle's)."""
    it = oracle.iteration(SATURATED_X0)
    texts = shown_with_example(_practice_file(tmp_path, SATURATED_X0, "saturated-x0"),
                               ["06-hidden-weights", "07-hidden-biases"])
    lost = []
    for i, (y, v, slope) in enumerate(zip(it["y_hidden"], it["v_hidden"], it["fp_hidden"], strict=True), start=1):
        y_w = oracle.formula_value(y)
        if abs(1 - y_w) < 1e-5 or abs(y_w * (1 - y_w) - slope) > 0.05 * slope:  # 1 - y to one digit, or far off
            lost.append((i, y, v))
    assert [i for i, _, _ in lost] == [1], "the premise: neuron 1 alone"
    for stem, text in texts.items():
        for i, y, v in lost:
            assert f"| $y_{{h{i}}}$ | {oracle.formula_string(y)} |\n| $v_{{{i}}}$ | {oracle.number_string(v)} |" in text
            assert (f"The written $y_{{h{i}}} = {oracle.formula_string(y)}$ keeps too few digits of $1 - y_{{h{i}}}$ "
                    f"for its slope, so the table gives $v_{i}$ too") in text, stem
        assert "| $v_{2}$ |" not in text and "| $v_{3}$ |" not in text


def test_exercise_7_works_out_a_neuron_whose_bias_moves(tmp_path):
    """A TA's practice example with w_41 = 0: exercise 7 worked out Δb_1 = 4 · (-0.598735) · 0 · 0.961043 = 0 in full
    and gave the two updates that move without their work. It works out the first neuron whose update is not 0,
    neuron 2 here (Δb_1 is 0 by hand: w_41 = 0), with the oracle's Δb_2."""
    practice = {"w_hidden": [[0.2, 0.8], [-0.6, 0.1], [0.3, -0.4]], "b_hidden": [0.1, 0.25, -0.2],
                "w_output": [[0.0, -0.7, 1.1]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
                "x": [-1.5, 0.0], "d": -1.6, "eta": 4.0}
    it = oracle.iteration(practice)
    assert it["db_hidden"][0] == 0 != it["db_hidden"][1], "the premise"
    path = tmp_path / "example.json"
    path.write_text(json.dumps({**oracle.shipped(), "practice": practice}), encoding="utf-8")
    shown = " ".join(shown_with_example(path, ["07-hidden-biases"])["07-hidden-biases"].split())
    assert r"\Delta b_2 = \eta\, e\, w_{42}\, f'(v_2) = 4 \cdot" in shown, shown[shown.find("Delta b"):][:300]
    assert f"= {it['db_hidden'][1]:.6f}, \\\\ \\Delta b_1 = 0.000000" in shown
    assert r"\Delta b_1 = \eta\, e\, w_{41}" not in shown


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_code_a_page_shows_runs_when_copied(path):
    """A student copies the code cells the page shows (not those whose input it hides): each name they use is
    imported or assigned in a shown cell (or a builtin, or IPython's `display`). A reviewer: exercise 11's cell
    called gradient_check_weight(), imported in a hidden cell only, a NameError once copied."""
    import ast
    import builtins

    defined = set(dir(builtins)) | {"display"}  # display: a builtin of IPython, where the notebooks run
    for cell in jupytext.read(path).cells:
        if cell.cell_type != "code" or "hide-input" in cell.metadata.get("tags", []):
            continue
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                defined |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                defined.add(node.name)
            elif isinstance(node, ast.arg):
                defined.add(node.arg)
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
        assert used <= defined, f"{path.name}: a shown cell uses {sorted(used - defined)}, defined in no shown cell"
