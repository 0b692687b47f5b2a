"""Links that an ``exec="1"`` block prints: they must be written as the built site's addresses.

MkDocs rewrites a link to ``page.md`` (and checks it) only in a page's own Markdown. What a markdown-exec block
prints is rendered apart and reaches the page as finished HTML, so ``[rule 3](rule-hidden-weights.md)`` printed by
a block stays ``href="rule-hidden-weights.md"``, which from ``/rule-hidden-biases/`` points at a file that does not
exist. A printed link must therefore be the address MkDocs would have written, ``../rule-hidden-weights/``, and
this test checks that its page, and its anchor, exist. A link to a heading of the same page, ``#the-worked-example``,
markdown-exec writes ``#exec-11--the-worked-example`` (it prefixes the ids and local links of a block's output) unless
the block sets ``idprefix=""``.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

from tests.support import snippets

DOCS = snippets.DOCS
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$", re.MULTILINE)


def exec_blocks(md: Path) -> list[snippets.Snippet]:
    return [s for s in snippets.collect(md) if 'exec="1"' in s.info]


def printed_links(code: str) -> list[str]:
    """The Markdown links in a block's string literals (what it can print), not its code's ``a[i](x)``."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return [target for tok in tokens if tok.type == tokenize.STRING for target in LINK.findall(tok.string)]


def anchors(md: Path) -> set[str]:
    """The heading ids of a page: an explicit ``{ #id }``, else toc's slug of the heading's text."""
    found = set()
    for m in HEADING.finditer(md.read_text(encoding="utf-8")):
        explicit = re.search(r"#([\w-]+)", m["attrs"] or "")
        found.add(explicit.group(1) if explicit else slugify(m["text"], "-"))
    return found


PAGES = sorted(p for p in DOCS.glob("*.md") if exec_blocks(p)) + sorted((DOCS / "snippets").glob("*.md"))


@pytest.mark.parametrize("md", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_printed_links_are_site_addresses_that_resolve(md):
    problems = []
    for block in exec_blocks(md):
        for target in printed_links(block.code):
            if target.startswith("#"):  # this page's heading; markdown-exec prefixes it (#exec-11--...) unless told
                if 'idprefix=""' not in block.info:
                    problems.append(f"{block.where}: {target!r}: markdown-exec writes it #exec-N--{target[1:]}, a "
                                    f"heading no page has, unless the block sets idprefix=\"\"")
                elif target[1:] not in anchors(md):
                    problems.append(f"{block.where}: {target!r}: this page has no heading {target}")
                continue
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            if path.endswith(".md"):
                problems.append(f"{block.where}: {target!r} is printed by a block, so MkDocs never rewrites it; "
                                f"write '../{path[:-3]}/{'#' + anchor if anchor else ''}'")
                continue
            m = re.fullmatch(r"\.\./(?:([\w-]+)/)?", path)  # '../' is the home page
            if not m:
                problems.append(f"{block.where}: {target!r} is not a page address like '../forward-pass/' or '../'")
                continue
            page = DOCS / f"{m.group(1) or 'index'}.md"
            if not page.exists():
                problems.append(f"{block.where}: {target!r}: there is no page docs/{page.name}")
            elif anchor and anchor not in anchors(page):
                problems.append(f"{block.where}: {target!r}: docs/{page.name} has no heading #{anchor}")
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_printed_md_link(tmp_path):
    """The test above can fail: a block printing a ``.md`` link is found."""
    md = tmp_path / "page.md"
    md.write_text('```python exec="1"\nprint("See [rule 3](rule-hidden-weights.md#each-weight).")\n```\n',
                  encoding="utf-8")
    (target,) = [t for b in exec_blocks(md) for t in printed_links(b.code)]
    assert target == "rule-hidden-weights.md#each-weight"
    assert "each-weight" in anchors(DOCS / "rule-hidden-weights.md")
    assert "reading-the-rule" in anchors(DOCS / "rule-hidden-weights.md")
