"""Page: teaching with this site (docs/teaching.md): how to run the site and change its worked example.

Its list of the loader's refusals is held to the loader (each refusal made to happen, its message read) and its
numbers to the package's constants (tests/pages/test_typed_constants.py, tests/package/test_examples.py); its inline
equations are listed and checked in tests/pages/test_equations_index_derivatives.py.
"""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT, oracle
from tests.support.by_hand import OFF_BY_A_DIGIT
from tests.support.pages import prose


def test_teaching_page_says_how_to_change_the_example():
    text = prose("teaching")
    section = text[text.index("## Changing the worked example"):]
    for needed in ["backprop/example.json", "BACKPROP_EXAMPLE", "`make serve`", "`make build`",
                   "python -m backprop trace --weights backprop/example.json", '"x": [x1, x2]', '"eta": eta',
                   "`purelin`", "`logsig`", "`tansig`", "2-3-1"]:
        assert needed in section, needed


# Each refusal of the loader for a worked example: a change to the shipped example (oracle.SHIPPED: a saturated neuron
# needs its x), what the loader says, and what the teaching page's list of them says (it had missed the output weights
# all 0, added to the loader after a review).
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
    # a TA's: another network, worked example and practice entry alike, named at once with what each key needs
    "another network": ({"output": "logsig", "practice": {**oracle.SHIPPED["practice"], "hidden": "purelin"}},
                        "has 2 problems: (1) output must be 'purelin', the activation the site's pages derive, got "
                        "'logsig'; (2) practice: hidden must be 'logsig' or 'tansig'",
                        "where both networks are well formed (each one's lists of lengths that agree), a problem of "
                        "the network itself (an activation, the sizes) is named for both at once"),
    # a reviewer's (the list had missed these two): a key of its own, and a practice example the checks refuse
    "an unknown key": ({"comment": "my example for week 3"}, "has unknown keys ['comment']",
                       "a key the format does not have (a misspelt `eta` would otherwise be ignored silently)"),
    "a practice example": ({"practice": {**oracle.SHIPPED["practice"],
                                         "w_hidden": [[80.0, -0.2], [-0.3, 0.6], [0.2, 0.5]]}},
                           "practice: hidden neuron 1 is saturated",
                           "The loader holds the practice example to every check above"),
}


@pytest.mark.parametrize("name", LOADER_REFUSALS)
def test_teaching_page_lists_each_refusal_of_the_loader(tmp_path, name):
    import json

    from backprop import examples

    change, refused, listed = LOADER_REFUSALS[name]
    path = tmp_path / "example.json"
    path.write_text(json.dumps({**oracle.shipped(), **change}), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(refused)):
        examples.load(path)
    assert listed in " ".join(prose("teaching").split()), listed


def test_teaching_page_says_how_many_digits_the_loader_works_with_by_hand():
    """It said the loader computes the iteration again "in exact decimals": it rounds each step at backprop._exact's
    PRECISION significant digits (a remainder below those is 0 to it), the number the page gives."""
    from backprop import _exact

    said = " ".join(prose("teaching").split())
    assert f"computes the iteration again in decimals of {_exact.PRECISION} significant digits" in said
    assert "exact decimals" not in said


def test_the_publishing_workflow_builds_from_the_package_file_as_the_page_says():
    """The teaching page tells an instructor that the GitHub Pages workflow builds from backprop/example.json and reads
    BACKPROP_EXAMPLE only if they add it (an instructor who worked with the variable would have published the default
    example unawares): the workflow sets no BACKPROP_EXAMPLE, and the page says so."""
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "BACKPROP_EXAMPLE" not in workflow and "mkdocs build --strict" in workflow
    text = " ".join((ROOT / "docs" / "teaching.md").read_text(encoding="utf-8").split())
    assert ("GitHub Pages workflow (`.github/workflows/pages.yml`) builds from `backprop/example.json` and does not "
            "read `BACKPROP_EXAMPLE` unless you add it") in text
