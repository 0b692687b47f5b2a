"""The Python of the pages is linted like the package's: every ```python block of docs/, with ruff.

Each block is written to a file of its own (a block runs on its own, so it is linted on its own) and
ruff checks them all with the project's settings from pyproject.toml.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support.lint import RUFF, ruff
from tests.support.snippets import ROOT, collect_all


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
def test_every_python_block_of_the_pages_passes_ruff(tmp_path: Path) -> None:
    names = {}
    for snippet in collect_all():
        name = snippet.where.replace("/", "_").replace(":", "_L").replace(".md", "") + ".py"
        (tmp_path / name).write_text(snippet.code, encoding="utf-8")
        names[name] = snippet.where
    assert names, "no Python block found in docs/"
    proc = subprocess.run([*ruff(), "--output-format", "concise", str(tmp_path)], capture_output=True, text=True,
                          cwd=ROOT)
    report = proc.stdout
    for name, where in names.items():  # name each problem by its page and the line in the page
        page, fence = where.rsplit(":", 1)
        report = re.sub(rf"{re.escape(str(tmp_path / name))}:(\d+):",
                        lambda m, page=page, fence=fence: f"{page}:{int(fence) + int(m.group(1))}:", report)
    assert proc.returncode == 0, f"ruff finds problems in the pages' Python:\n{report}{proc.stderr}"


def test_the_lint_can_fail(tmp_path: Path) -> None:
    """The same ruff call flags an unused import, so a clean result above means something."""
    (tmp_path / "bad.py").write_text("import os\n", encoding="utf-8")
    proc = subprocess.run([*ruff(), str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and "F401" in proc.stdout


SHELL_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>console|sh|bash|shell|shell-session)\b[^\n]*\n"
                         r"(?P<body>.*?)^(?P=indent)```", re.M | re.S)


def prompted_lines(markdown: str) -> list[str]:
    """The lines of a page's shell blocks that a copy button would paste into a terminal with a prompt in front
    (material copies a block's text as shown), and the console blocks, which mix prompts with output."""
    found = []
    for block in SHELL_FENCE.finditer(markdown):
        if block["lang"] in ("console", "shell-session"):
            found.append(f"a ```{block['lang']} block")
        found += [line.strip() for line in block["body"].splitlines() if re.match(r"\s*(\$|>>>|%) ", line)]
    return found


def test_every_shell_block_of_the_pages_copies_as_commands() -> None:
    """A reader pastes what the copy button copies: "$ python -m backprop trace" is not a command (a reviewer's
    paste: "bash: $: command not found")."""
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert pages
    found = {str(p.relative_to(ROOT)): prompted_lines(p.read_text(encoding="utf-8")) for p in pages}
    assert not {page: lines for page, lines in found.items() if lines}


def test_the_prompt_check_can_fail() -> None:
    assert prompted_lines("```console\n$ python -m backprop trace\n```\n") == ["a ```console block",
                                                                              "$ python -m backprop trace"]
    assert prompted_lines("    ```sh\n    python -m backprop trace\n    ```\n") == []
