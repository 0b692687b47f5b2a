"""Every page with executed blocks, built (slow): the numbers its blocks print when the tests render its Markdown
are in the HTML of the strict build, which ran the same blocks itself, and its figures have text alternatives.
The checks are in tests/support/built_pages.py; a page's own tests of its built HTML stay in its own file."""

from __future__ import annotations

import pytest

from tests.support.built_pages import assert_built_page_shows_the_numbers, assert_figures_have_text_alternatives
from tests.support.snippets import DOCS, collect

#: The Markdown pages with blocks the build executes: their numbers are printed at build time.
EXECUTED = sorted(path.stem for path in DOCS.glob("*.md") if any('exec="1"' in s.info for s in collect(path)))


def test_the_pages_with_executed_blocks_are_found():
    assert {"index", "forward-pass", "rule-hidden-weights", "errata", "verification"} <= set(EXECUTED)


@pytest.mark.slow
@pytest.mark.parametrize("name", EXECUTED)
def test_built_pages_show_the_numbers(site_build, name):
    """Every 6-decimal number of the rendered Markdown is in the built page (the build ran the same blocks)."""
    assert_built_page_shows_the_numbers(site_build, name)


@pytest.mark.slow
@pytest.mark.parametrize("name", EXECUTED)
def test_figures_have_text_alternatives(site_build, name):
    assert_figures_have_text_alternatives(site_build, name if name != "index" else "index.html")
