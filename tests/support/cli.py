"""The command line end to end: ``python -m backprop ARGS`` in a subprocess (exit status, encoding, streams)."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess:
    """``python -m backprop ARGS`` in a fresh interpreter, its output read as UTF-8."""
    return subprocess.run([sys.executable, "-m", "backprop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
