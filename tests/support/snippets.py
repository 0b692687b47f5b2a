"""The Markdown code blocks of the docs and what they print: the Python blocks of a Markdown file (`collect`,
`collect_all`), what an ``exec="1"`` block prints when run as the build runs it (`render_block`), and a whole page
rendered so (`render_page`), with the example in use or with another example file (`render_with_example`) or dict
(`pages_with`, `prose_with`)."""

from __future__ import annotations

import contextlib
import io
import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support import DOCS, ROOT

NO_RUN = "no-run"

# pymdownx.snippets' include line (files are looked up in docs/), and a markdown-exec block of a page.
SNIPPET = re.compile(r'^[ \t]*--8<-- "([^"]+)"[ \t]*$', re.M)
EXEC = re.compile(r'^(?P<indent>[ ]*)```python exec="1"[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$', re.M | re.S)
# An opening fence: indentation, 3+ backticks or tildes, then the info string.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")


@dataclass(frozen=True)
class Snippet:
    path: Path  # the Markdown file
    line: int  # 1-based line of the opening fence
    info: str  # the fence's info string, e.g. 'python exec="1" source="above"'
    code: str

    @property
    def where(self) -> str:
        try:
            return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"
        except ValueError:
            return f"{self.path.as_posix()}:{self.line}"

    @property
    def runnable(self) -> bool:
        return NO_RUN not in classes(self.info)


def language(info: str) -> str:
    """The language of a fence: ``python exec="1"`` -> python, ``{ .python .no-run }`` -> python."""
    info = info.strip()
    if info.startswith("{"):
        first = re.search(r"\.([\w+-]+)", info)
        return first.group(1).lower() if first else ""
    return re.split(r"[\s{]", info, maxsplit=1)[0].lower()


def classes(info: str) -> set[str]:
    """The ``.class`` names of a fence's attribute list (both ``{ .python .x }`` and ``python { .x }``)."""
    braces = re.search(r"\{(.*)\}", info)
    return set(re.findall(r"(?:^|\s)\.([\w-]+)", braces.group(1))) if braces else set()


def collect(path: Path) -> list[Snippet]:
    """The Python code blocks of one Markdown file, also those indented in admonitions and tabs."""
    lines = path.read_text(encoding="utf-8").splitlines()
    snippets, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m["indent"], m["fence"], m["info"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body, j = [], i + 1
        while j < len(lines) and not closing.match(lines[j]):
            body.append(lines[j])
            j += 1
        if language(info) in {"python", "py"}:
            code = "\n".join(ln[len(indent):] if ln.startswith(indent) else ln for ln in body)
            snippets.append(Snippet(path, i + 1, info.strip(), textwrap.dedent(code) + "\n"))
        i = j + 1  # also skips blocks nested in other fences (e.g. a markdown example of a fence)
    return snippets


def collect_all(docs: Path = DOCS) -> list[Snippet]:
    return [s for md in sorted(docs.rglob("*.md")) for s in collect(md)]


def render_block(snippet) -> str:
    """What one ``exec="1"`` block prints, run here in its own namespace, as the build runs it.

    markdown-exec gives the blocks a ``print`` that joins its arguments with a space and ignores ``sep``; so does
    this one, so that a block relying on ``sep`` prints here what it prints on the site.
    """
    buf = io.StringIO()

    def markdown_exec_print(*texts, end="\n", **_ignored):
        buf.write(" ".join(str(t) for t in texts) + end)

    with contextlib.redirect_stdout(buf):
        exec(compile(snippet.code, snippet.where, "exec"), {"__name__": "__main__", "print": markdown_exec_print})
    return buf.getvalue()


def page_markdown(page: str) -> str:
    """The Markdown of ``docs/<page>.md`` with its snippets included, as pymdownx.snippets includes them."""
    return SNIPPET.sub(lambda m: (DOCS / m[1]).read_text(encoding="utf-8"),
                       (DOCS / f"{page}.md").read_text(encoding="utf-8"))


def render_page(page: str, skip: str | None = None) -> str:
    """The Markdown of ``docs/<page>.md`` as the build renders it: snippets included, each ``exec="1"`` block replaced
    by what it prints (`render_block`). A block whose code holds ``skip`` is left out (replaced by nothing). The text
    is the build's, not its layout: a block's output stands at the left margin, where the build indents it into the
    admonition or tab the block sits in (tests/site and tests/browser read the built pages for that)."""
    source = page_markdown(page)

    def output(m: re.Match) -> str:
        if skip is not None and skip in m["body"]:
            return ""
        printed = render_block(Snippet(DOCS / f"{page}.md", source.count("\n", 0, m.start()) + 1, "python exec",
                                       textwrap.dedent(m["body"])))
        assert printed.strip(), f"{page}: a block printed nothing:\n{m['body']}"
        return printed

    return EXEC.sub(output, source)


_RENDER = """
import json, sys
from tests.support.snippets import render_page
pages, skip = json.loads(sys.argv[1])
print(json.dumps({page: render_page(page, skip) for page in pages}))
"""


def render_with_example(path: Path, pages: Sequence[str], skip: str | None = None) -> dict[str, str]:
    """page -> `render_page` of it with the example file ``path``: in a process of its own with ``BACKPROP_EXAMPLE``
    naming the file, since backprop reads its example once, when it is first used."""
    out = run_with_example(path, _RENDER, [list(pages), skip], f"rendering {', '.join(pages)}")
    return json.loads(out)


def pages_with(tmp_path: Path, example: dict, pages: Sequence[str], skip: str | None = None) -> dict[str, str]:
    """page -> `render_page` of it with the worked example ``example`` (a dict as in backprop/example.json), written to
    a file in ``tmp_path`` for `render_with_example`. An example without a "practice" entry gets the shipped one
    (`oracle.SHIPPED`), not the package file's, which the loader would give it: an instructor may have edited that file,
    and the loader refuses a practice example that shares a neuron's fields with the worked example."""
    from tests.support import oracle

    path = tmp_path / "example.json"
    path.write_text(json.dumps({"practice": oracle.SHIPPED["practice"], **example}), encoding="utf-8")
    return render_with_example(path, pages, skip)


def prose_with(tmp_path: Path, example: dict, page: str, skip: str | None = None) -> str:
    """`pages_with` of one page, its runs of white space made one space (as `tests.support.pages.prose`): the text a
    test finds a sentence in, wherever the page wraps it."""
    return re.sub(r"\s+", " ", pages_with(tmp_path, example, [page], skip)[page])


# A warm interpreter in the repository for `run_with_example`, one per test process: numpy, matplotlib, backprop (its
# example not yet read: backprop reads it on first use), jupytext and IPython imported once.
_warm: list = []


def run_with_example(path: Path, code: str, argument: object, what: str, unset: Sequence[str] = ()) -> str:
    """What ``code`` prints, run as ``python -c code json.dumps(argument)`` in the repository with
    ``BACKPROP_EXAMPLE`` naming ``path`` and the variables ``unset`` removed: in a child forked from a warm interpreter
    (tests/support/warm.py), so that each run reads its example afresh without starting Python again."""
    from tests.support.warm import PRELOAD, WarmInterpreter

    if not _warm:
        import atexit

        _warm.append(WarmInterpreter(ROOT, preload=(*PRELOAD, "jupytext", "IPython.display")))
        atexit.register(_warm[0].close)
    setup = (f"import os, sys\nos.environ[{'BACKPROP_EXAMPLE'!r}] = {str(path)!r}\n"
             + "".join(f"os.environ.pop({name!r}, None)\n" for name in unset)
             + f"sys.argv[1:] = [{json.dumps(argument)!r}]\n")
    result = _warm[0].run(setup + code, ROOT, where=f"<{what}>", timeout=300)
    assert result.returncode == 0, f"{what} with {path}:\n{result.stderr}"
    return result.stdout
