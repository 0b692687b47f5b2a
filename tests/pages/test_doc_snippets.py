"""Every ```python block in docs/ runs on its own, as a reader would run it.

One test per block, with id ``docs/<page>.md:<line>``. Each block runs in a process of its own, in an empty
temporary directory, so it sees the installed package and nothing of the repository: no earlier block of the
page, no ``session=``, no files beside the page. The process is forked from one interpreter started like
``python -c`` that has imported numpy, matplotlib and backprop once (tests/support/warm.py): the same as a fresh
interpreter for the block, without a second of start-up per block.

This covers the blocks markdown-exec runs at build time (``exec="1"``) and the plain blocks readers
copy. A block that is deliberately not runnable (a fragment, an error on purpose) is marked with the
class ``no-run``::

    ``` { .python .no-run }
    w_hidden[0, 0] = 1.0   # NumPy refuses: the arrays of a Network are read-only
    ```
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.snippets import DOCS, ROOT, Snippet, collect, collect_all
from tests.support.warm import Result, Timeout, WarmInterpreter

TIMEOUT = 300  # seconds per block; a training run on a page takes a few


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WarmInterpreter]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONSTARTUP"}}
    env["MPLBACKEND"] = "Agg"  # a block that plots must not need a display
    interpreter = WarmInterpreter(tmp_path_factory.mktemp("warm"), env)
    yield interpreter
    interpreter.close()


def run(snippet: Snippet, cwd: Path, warm: WarmInterpreter) -> Result:
    return warm.run(snippet.code, cwd, snippet.where, timeout=TIMEOUT)


def check(snippet: Snippet, cwd: Path, warm: WarmInterpreter) -> None:
    """Run one block; fail with its file:line, its code and its stderr."""
    try:
        proc = run(snippet, cwd, warm)
    except Timeout:
        pytest.fail(f"{snippet.where}: the block did not finish in {TIMEOUT} s", pytrace=False)
    if proc.returncode != 0:
        numbered = "\n".join(f"{n:4} | {ln}" for n, ln in enumerate(snippet.code.splitlines(), snippet.line + 1))
        pytest.fail(f"{snippet.where}: the block exited with status {proc.returncode}\n\n{numbered}\n\n"
                    f"stderr:\n{proc.stderr}", pytrace=False)


SNIPPETS = collect_all()


@pytest.mark.parametrize("snippet", [pytest.param(s, id=s.where) for s in SNIPPETS if s.runnable])
def test_block_runs_on_its_own(snippet: Snippet, tmp_path: Path, warm: WarmInterpreter) -> None:
    check(snippet, tmp_path, warm)


def test_no_block_shares_a_session() -> None:
    # markdown-exec's session= lets a block use names from an earlier one: such a block does not run
    # when a reader copies it, and it hides the order dependence from this test.
    shared = [s.where for s in SNIPPETS if re.search(r"\bsession\s*=", s.info)]
    assert not shared, f"blocks with session= (every block must run on its own): {shared}"


def test_the_collector_finds_the_blocks_of_the_site() -> None:
    found = {s.where for s in SNIPPETS}
    assert len(SNIPPETS) >= 3, f"only {len(SNIPPETS)} python blocks found under {DOCS}"
    index = [s for s in SNIPPETS if s.path == DOCS / "index.md"]
    assert any('exec="1"' in s.info for s in index), f"no exec block found in docs/index.md: {sorted(found)}"
    assert any(s.info == "python" for s in index), "the plain python block of docs/index.md was not found"


def test_the_collector_reads_indented_tabbed_and_marked_blocks(tmp_path: Path, warm: WarmInterpreter) -> None:
    page = tmp_path / "page.md"
    page.write_text(textwrap.dedent('''\
        # Page

        ```python exec="1" source="tabbed-left"
        print("top level")
        ```

        !!! note

            ```python
            x = 1
            if x:
                print("indented in an admonition")
            ```

        === "Tab"

            ~~~~py
            print("tilde fence in a tab")
            ~~~~

        ``` { .python .no-run }
        this is not python
        ```

        ````markdown
        ```python
        raise SystemExit("a fence shown as an example is not a block")
        ```
        ````

        ```sh
        echo "not python"
        ```
        '''), encoding="utf-8")
    snippets = collect(page)
    assert [(s.line, s.runnable) for s in snippets] == [(3, True), (9, True), (17, True), (21, False)]
    assert snippets[1].code == 'x = 1\nif x:\n    print("indented in an admonition")\n'
    assert snippets[2].code == 'print("tilde fence in a tab")\n'
    for s in snippets[:3]:
        check(s, tmp_path, warm)


def test_a_broken_block_is_reported_with_its_file_and_line(tmp_path: Path, warm: WarmInterpreter) -> None:
    page = tmp_path / "broken.md"
    page.write_text('# Broken\n\nText.\n\n```python exec="1"\nimport backprop\nbackprop.no_such_name\n```\n',
                    encoding="utf-8")
    (snippet,) = collect(page)
    with pytest.raises(pytest.fail.Exception) as failure:
        check(snippet, tmp_path, warm)
    message = str(failure.value)
    assert f"{page.as_posix()}:5" in message
    assert "AttributeError" in message and "no_such_name" in message  # the stderr of the block
    assert "   7 | backprop.no_such_name" in message  # numbered with the Markdown file's lines


def test_a_block_does_not_see_the_repository(tmp_path: Path, warm: WarmInterpreter) -> None:
    # Run from an empty directory: a block cannot read files beside the page or the repo's tests.
    probe = Snippet(tmp_path / "probe.md", 1, "python",
                    "import os, sys\nassert not os.listdir('.'), os.listdir('.')\n"
                    f"assert {str(ROOT)!r} not in [os.path.abspath(p) for p in sys.path], sys.path\n"
                    "import importlib.util\nassert importlib.util.find_spec('tests') is None\n"
                    "import backprop\nprint(backprop.__file__)\n")
    proc = run(probe, tmp_path, warm)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).is_file()


def test_a_block_sees_nothing_an_earlier_block_did(tmp_path: Path, warm: WarmInterpreter) -> None:
    first = Snippet(tmp_path / "a.md", 1, "python", "import backprop\nbackprop.LEFT_BEHIND = 1\nleft_behind = 1\n")
    second = Snippet(tmp_path / "a.md", 5, "python",
                     "import backprop\nassert not hasattr(backprop, 'LEFT_BEHIND')\n"
                     "assert 'left_behind' not in globals()\nprint(__name__)\n")
    assert run(first, tmp_path, warm).returncode == 0
    proc = run(second, tmp_path, warm)
    assert (proc.returncode, proc.stdout) == (0, "__main__\n"), proc.stderr


def test_exit_status_output_and_timeout_are_those_of_the_block(tmp_path: Path, warm: WarmInterpreter) -> None:
    def block(code: str) -> Snippet:
        return Snippet(tmp_path / "b.md", 1, "python", code)

    assert run(block("import sys\nprint('out')\nprint('err', file=sys.stderr)\n"), tmp_path, warm) == Result(
        0, "out\n", "err\n")
    assert run(block("raise SystemExit(3)\n"), tmp_path, warm).returncode == 3
    why = run(block("raise SystemExit('why')\n"), tmp_path, warm)
    assert (why.returncode, why.stderr) == (1, "why\n")
    failed = run(block("1 / 0\n"), tmp_path, warm)
    assert failed.returncode == 1 and "ZeroDivisionError" in failed.stderr
    with pytest.raises(Timeout):
        warm.run("import time\ntime.sleep(60)\n", tmp_path, timeout=0.5)
    assert run(block("print('after')\n"), tmp_path, warm).stdout == "after\n"  # the next block runs as before


def prompt_stops_at(code: str) -> str | None:
    """Where Python's interactive prompt (``python`` with no file, 3.11's console) stops a pasted block with a
    SyntaxError, or None: it reads one line at a time, runs a statement once it is complete, and ends a compound
    statement (``for``, ``def``, ``if``) only at an empty line, so a line back at the left margin straight after one
    is an error there, though not in a file or a notebook (codeop is how the console compiles what it has read)."""
    import codeop

    read: list[str] = []
    for n, line in enumerate(code.splitlines(), 1):
        read.append(line)
        try:
            if codeop.compile_command("\n".join(read), "<stdin>", "single") is not None:
                read = []
        except SyntaxError as exc:
            return f"line {n}: {exc.msg}: {line!r}"
    return None


def shown(snippet: Snippet) -> bool:
    """A block a reader sees, and may paste: a plain one, or an executed one that shows its source."""
    return snippet.runnable and ("exec=" not in snippet.info or "source=" in snippet.info)


@pytest.mark.parametrize("snippet", [pytest.param(s, id=s.where) for s in SNIPPETS if shown(s)])
def test_a_shown_block_pastes_into_pythons_prompt(snippet: Snippet) -> None:
    """A student's review: 12 blocks failed pasted at the ``>>>`` prompt (a loop followed straight by ``print``)."""
    assert prompt_stops_at(snippet.code) is None, f"{snippet.where}: {prompt_stops_at(snippet.code)}"


def test_the_prompt_check_finds_a_loop_ended_without_an_empty_line() -> None:
    assert prompt_stops_at("for i in range(2):\n    x = i\nprint(x)\n").startswith("line 3: invalid syntax")
    assert prompt_stops_at("for i in range(2):\n    x = i\n\nprint(x)\n") is None
    assert prompt_stops_at("def f():\n    a = 1\n\n    return a\n").startswith("line 4: unexpected indent")
