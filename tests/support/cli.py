"""The command line: ``python -m backprop ARGS`` end to end in a subprocess (exit status, encoding, streams), or its
``main`` in this process, where a test is about what the command prints rather than how it is started."""

from __future__ import annotations

import contextlib
import io
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
