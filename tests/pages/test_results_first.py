"""Results first: an exec block that shows its source opens on its result, the source a click away.

markdown-exec's ``source="tabbed-right"`` writes the result tab first (pymdownx.tabbed opens a set on its first tab);
``tabbed-left``, ``above`` and ``below`` put the code first or beside the result.
"""

from __future__ import annotations

import re

import pytest

from tests.support import snippets

SOURCE = re.compile(r'\bsource="([^"]+)"')
PAGES = sorted(p.relative_to(snippets.DOCS).with_suffix("").as_posix() for p in snippets.DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES)
def test_blocks_open_on_their_result(page):
    blocks = snippets.collect(snippets.DOCS / f"{page}.md")
    wrong = [s.where for s in blocks if (m := SOURCE.search(s.info)) and m[1] != "tabbed-right"]
    assert not wrong, f"blocks that open on their source: {wrong}"


def test_the_one_iteration_table_opens_on_the_table():
    """The homework's answer, the 13-parameter table, is the first thing its block shows."""
    blocks = snippets.collect(snippets.DOCS / "iteration-and-training.md")
    (table,) = [s for s in blocks if '"value at $n+1$"]' in s.code]  # the table's last column, not a sentence
    assert 'source="tabbed-right"' in table.info
