"""Numbers typed in the pages' prose and the README that state a constant of the package or of the build: each is
read from the text and compared with the constant itself, so that changing one without the other fails here.

The constants of the worked example are never typed (the page tests compare each page with the oracle); these are
the site's design constants: the decimals every page prints, the finite differences' step beside a block that uses
it, the number of example files, the MathJax version and the math's scale."""

from __future__ import annotations

import re

import pytest

from backprop import show
from tests.support import ROOT
from tests.support.hooks import load_hook
from tests.support.snippets import DOCS

DECIMALS_SAID = re.compile(r"\b(\d+|six|seven|five) decimals\b")
WORDS = {"five": 5, "six": 6, "seven": 7}
TEXTS = sorted([*DOCS.glob("*.md"), *DOCS.glob("exercises/*.py"), *DOCS.glob("exercises/*.md"), ROOT / "README.md"])


def joined(path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_decimals_the_texts_name_are_the_sites(path):
    """'the pages' 6 decimals', 'six decimals are enough', ...: every count of decimals a page or the README names is
    show.DECIMALS (the CLI's --decimals option names no count)."""
    for said in DECIMALS_SAID.findall(joined(path)):
        assert (WORDS[said] if said in WORDS else int(said)) == show.DECIMALS, f"{path.name}: '{said} decimals'"


def test_some_texts_name_the_decimals():
    """The test above reads what it should: the count is named in the README and the pages."""
    assert sum(len(DECIMALS_SAID.findall(joined(p))) for p in TEXTS) >= 8


@pytest.mark.parametrize("page", ["activations.md", "useful-derivatives.md"])
def test_the_step_h_a_page_names_is_its_blocks(page):
    """'... with $h = 10^{-5}$' beside the block that computes the central differences with its own h."""
    text = (DOCS / page).read_text(encoding="utf-8")
    said = re.search(r"with\s+\$h = 10\^\{(-\d+)\}\$", text)
    assert said, f"{page} no longer names its h"
    steps = set(re.findall(r"^\s*(?:x, )?h = (?:[\d.]+, )?(1e-\d+)\s*$", text, re.M))
    assert steps == {f"1e{said[1]}"}, steps


def test_the_readme_counts_the_example_files():
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    said = re.search(r"`tests/examples/` holds (\w+) other examples", joined(ROOT / "README.md"))
    assert said and words[said[1]] == len(list((ROOT / "tests/examples").glob("*.json")))


def test_the_readme_names_the_mathjax_it_serves():
    """The version the README names is the pinned django-static-mathjax's (3.2.2.1 serves MathJax 3.2.2)."""
    readme = joined(ROOT / "README.md")
    said = re.search(r"MathJax (\d+\.\d+\.\d+) comes from the `django-static-mathjax` package", readme)
    pinned = re.search(r"^django-static-mathjax==(\d+\.\d+\.\d+)", (ROOT / "constraints.txt").read_text(), re.M)
    assert said and pinned and said[1] == pinned[1]


def test_the_readme_gives_the_maths_scale():
    """'scaled to Roboto's x-height (119.5 %)' is hooks/mathjax_v8.SCALE, from the served font's own metrics."""
    mathjax_v8 = load_hook("mathjax_v8")
    said = re.search(r"scaled to Roboto's x-height \(([\d.]+) %\)", joined(ROOT / "README.md"))
    assert said and float(said[1]) == round(100 * mathjax_v8.SCALE, 1)


def test_the_points_errata_names_are_its_blocks():
    """Errata's 'central differences at x = ±0.5, ±1, ±2, 3' are the points of the block below it."""
    text = (DOCS / "errata.md").read_text(encoding="utf-8")
    said = re.search(r"differences at \$x = ([^$]+)\$ \(only", " ".join(text.split()))
    assert said, "errata no longer names its points"
    points = set()
    for term in said[1].split(","):
        value = float(term.replace(r"\pm", "").strip())
        points |= {value, -value} if r"\pm" in term else {value}
    block = re.search(r"^xs = np\.array\(\[([^\]]+)\]\)", text, re.M)
    assert points == {float(v) for v in block[1].split(",")}


def test_the_live_page_states_the_homework_checks_tolerance():
    """The live page's 'within 10^-6 + 0.001 % of the right one (...), and a new weight or bias ... within 10^-6 +
    0.001 % of its update' is backprop.homework's ATOL and RTOL, the rule its box and `trace --check` apply
    (test_homework.py)."""
    from backprop import homework

    text = joined(DOCS / "live-example.md")
    said = re.search(r"within \$10\^\{(-\d+)\} \+ ([\d.]+)\\,\\%\$ of the right one \(six significant digits pass\), "
                     r"and a new weight or bias "
                     r"\$\\theta\(n\+1\)\$ when it is within \$10\^\{(-\d+)\} \+ ([\d.]+)\\,\\%\$ of its update", text)
    assert said, "the live page no longer states the homework check's tolerance"
    assert 10.0 ** int(said[1]) == homework.ATOL == 10.0 ** int(said[3])
    assert float(said[2]) / 100 == homework.RTOL == float(said[4]) / 100
    assert homework.RTOL >= 5e-6  # "six significant digits pass": they are off by at most 5e-6 of the value


@pytest.mark.parametrize("path", [DOCS / "teaching.md", ROOT / "README.md"], ids=["teaching", "README"])
def test_the_loaders_rounding_slope_bound_is_show_coarse(path):
    """'0 in floating point or rounding (more than 5 % off the slope at v_i)': the bound the loader refuses a hidden
    neuron's slope from its output beyond (backprop._teachable, `show.COARSE`)."""
    said = re.search(r"or rounding \(more than (\d+) % off the slope at", joined(path))
    assert said, f"{path.name} no longer states the loader's bound on a slope that is rounding"
    assert int(said[1]) / 100 == show.COARSE
