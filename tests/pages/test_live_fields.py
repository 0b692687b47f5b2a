"""The live page's fields read a typed number as the answer boxes and Python do.

docs/javascripts/live.js keeps its own ``parseNumber`` (the page loads it before the answer boxes' script), a twin of
exercises.js's, which tests/pages/test_answer_boxes.py proves equal to ``backprop.exercises.parse_typed``. Here
live.js runs alone in V8 (mini-racer) with a stub document that has no live page, so it only defines its functions,
and reads the same typed texts: the same number as Python, or no number where Python reads none. The one
difference is deliberate: a number beyond a double reads as ±Infinity, and the field's message calls it too large
rather than no number. The browser tests (tests/browser/test_live.py) type into the page itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backprop import exercises as ex
from tests.pages.test_answer_boxes import TYPED
from tests.support.js import script

mini_racer = pytest.importorskip("py_mini_racer", reason="mini-racer missing: pip install -e '.[docs]'")

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "live.js"
# What live.js needs of a browser to load: a window, and a document without the live page (init returns at once).
NO_PAGE = ("globalThis.window = globalThis;"
           "globalThis.document = {getElementById: () => null, querySelector: () => null};")
READ = "(t) => { var v = BackpropLive.parseNumber(t); return v === null ? null : isFinite(v) ? v : String(v); }"


@pytest.fixture(scope="module")
def live():
    with script(SCRIPT, NO_PAGE) as call:
        yield call


@pytest.mark.parametrize("text", TYPED)
def test_a_field_reads_a_typed_number_as_python_does(live, text):
    want, got = ex.parse_typed(text), live(READ, text)
    if got in ("Infinity", "-Infinity"):  # beyond a double: Python reads no number, the field says too large
        assert want is None
        assert live("(t) => BackpropLive.problem('w41', t)", text).startswith("Too large")
    else:
        assert got == want


def test_the_comparison_can_fail(live):
    """Hand values: the reading differs where Python's does, so a twin that drifted would fail above."""
    assert live(READ, "\u2212 0,25") == -0.25 == ex.parse_typed("\u2212 0,25")
    assert live(READ, "0 5") is None and ex.parse_typed("0 5") is None
    assert live(READ, "1 000") == 1000.0
    assert live(READ, "1e400") == "Infinity"


def test_a_zero_written_with_a_power_of_ten_is_zero_not_too_small(live):
    """A code review: "0 × 10³" was "Too small" (the 1 of its 10 was read as a digit of the number), while 1e-400 and
    1 × 10⁻⁴⁰⁰, which a double cannot hold, are too small; 0 is a value a field takes."""
    for zero in ("0\u00d710^3", "0.0 \u00d7 10\u207b\u00b3", "-0 x 10^2", "0"):
        assert live("(t) => BackpropLive.problem('w41', t)", zero) == "", zero
    for tiny in ("1e-400", "1 \u00d7 10^-400", "1\u00d710\u207b\u2074\u2070\u2070"):
        assert live("(t) => BackpropLive.problem('w41', t)", tiny).startswith("Too small"), tiny
