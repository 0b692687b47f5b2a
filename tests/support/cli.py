"""The command line: ``python -m backprop ARGS`` end to end in a subprocess (exit status, encoding, streams), or its
``main`` in this process, where a test is about what the command prints rather than how it is started."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys

from backprop.__main__ import main


def run(*args: str) -> subprocess.CompletedProcess:
    """``python -m backprop ARGS`` in a fresh interpreter, its output read as UTF-8."""
    return subprocess.run([sys.executable, "-m", "backprop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def run_main(*args: str) -> subprocess.CompletedProcess:
    """``main(ARGS)``, the function ``python -m backprop ARGS`` calls, in this process: what it prints on each stream
    and its exit status (argparse's ``SystemExit`` included), as `run` gives them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = stop.code
    return subprocess.CompletedProcess(["main", *args], code or 0, out.getvalue(), err.getvalue())


def one_line_error(proc: subprocess.CompletedProcess, *words: str, match: str | None = None) -> str:
    """The error of a ``trace`` that refused its input (`run`, `run_main`): exit status 2, nothing on stdout, one line
    on stderr that starts with the command's name and "error:", no traceback and no Python exception's name
    (RecursionError, JSONDecodeError, ...); it holds each of ``words`` and matches the regular expression ``match``.
    Returns the line."""
    err = proc.stderr
    assert proc.returncode == 2, (proc.returncode, err)
    assert proc.stdout == "", proc.stdout
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Error:" not in err, err
    assert err.startswith("python -m backprop trace: error: "), err
    for word in words:
        assert word in err, (word, err)
    assert match is None or re.search(match, err), (match, err)
    return err
