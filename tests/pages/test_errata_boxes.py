"""Errata out of the way: on the derivation path each slide erratum is one collapsed "If your slides say ..." box
that links to its entry on the errata page, and several outputs are treated in one optional place.

The anchors are read from docs/errata.md itself ({#id} attributes), so a box that links to a missing entry fails here
as well as in the strict build.
"""

from __future__ import annotations

import re

import pytest

from tests.support import snippets

DERIVATION = ["forward-pass", "activations", "cost-function", "rule-output-weights", "rule-output-bias",
              "rule-hidden-weights", "rule-hidden-biases", "iteration-and-training"]
ERRATA_ON = {  # page -> the errata entries its boxes link to
    "forward-pass": {"erratum-forward-index", "erratum-sum-index"},
    "activations": {"erratum-sigmoid-derivation"},
    "useful-derivatives": {"erratum-derivative-table"},
    "rule-hidden-weights": {"erratum-sum-over-outputs"},
    "rule-hidden-biases": {"erratum-sum-over-outputs"},
}
BOX = re.compile(r'^\?\?\? warning "If your slides (?:say|jump)[^\n]*\n((?:    [^\n]*\n|\n)*)', re.M)


def anchors() -> set[str]:
    return set(re.findall(r"\{\s*#([\w-]+)", (snippets.DOCS / "errata.md").read_text(encoding="utf-8")))


def source(page: str) -> str:
    return (snippets.DOCS / f"{page}.md").read_text(encoding="utf-8")


def test_anchor_reader_finds_the_errata_entries():
    assert {"erratum-forward-index", "erratum-sum-over-outputs", "remark-output-derivative"} <= anchors()


@pytest.mark.parametrize("page", sorted(ERRATA_ON))
def test_each_erratum_is_a_collapsed_box_that_links_to_its_entry(page):
    text = source(page)
    assert "!!! warning" not in text and "Slide erratum" not in text, f"{page}: an erratum still interrupts the page"
    boxes = BOX.findall(text)
    assert boxes, f"{page}: no collapsed 'If your slides say' box"
    linked = set()
    for body in boxes:
        targets = set(re.findall(r"errata\.md#([\w-]+)", body))
        assert targets, f"{page}: a box does not link to its errata entry:\n{body}"
        linked |= targets
    assert linked == ERRATA_ON[page]
    assert linked <= anchors(), f"{page}: links to missing errata entries {linked - anchors()}"


def test_several_outputs_in_one_place():
    """The summed hidden rule (Σ_j) is written out once on the path: in rule 3's collapsed box."""
    summed = r"\Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big]"
    where = {page: source(page).count(summed) for page in DERIVATION}
    assert where == {page: int(page == "rule-hidden-weights") for page in DERIVATION}
    box = BOX.findall(source("rule-hidden-weights"))
    assert any(summed in body for body in box), "the summed form is not inside rule 3's collapsed box"


def test_the_home_page_names_the_boxes_by_their_title():
    """The home page's "How to read this site" tells a reader what an erratum box is called: the title every box has."""
    home = source("index")
    named = re.search(r"titled\s+\*\*(.+?) …\*\*", home)
    assert named, "the home page does not name the erratum boxes"
    boxes = re.compile(r'^\?\?\? warning "([^"]+)"\n((?:    [^\n]*\n|\n)*)', re.M)
    titles = [title for page in ERRATA_ON for title, body in boxes.findall(source(page)) if "errata.md#" in body]
    assert titles and all(title.startswith(named[1] + " ") for title in titles), (named[1], titles)
