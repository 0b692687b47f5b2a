"""Run a block of Python as a fresh process would, without paying for a fresh interpreter each time.

Starting ``python -c`` and importing numpy, matplotlib and backprop costs about a second a block, and the pages
have a hundred blocks. ``WarmInterpreter`` starts one interpreter exactly as ``python -c`` would be started (same
environment, an empty working directory, nothing of the repository on ``sys.path``), lets it import those three
packages once, and then forks it for every block: each block runs in its own child process, in an empty
namespace (``__name__ == "__main__"``), in the directory it is given, with its own stdout and stderr, and cannot
change the interpreter the next block is forked from. What a block can no longer tell apart from a fresh
interpreter is only that ``import numpy`` returns at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PRELOAD = ("numpy", "matplotlib", "matplotlib.pyplot", "backprop")

# The interpreter that forks: one request per line on stdin (JSON: code, cwd, where, timeout), one reply per line on
# stdout (JSON: status, stdout, stderr, timed_out). It waits for the child on a pidfd, so it can kill it at the timeout.
_SERVER = r"""
import importlib, json, os, select, sys, tempfile, traceback
for name in sys.argv[1:]:
    importlib.import_module(name)
requests, replies = sys.stdin, sys.stdout
for line in requests:
    job = json.loads(line)
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        os.chdir(job["cwd"])
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        sys.stdout = open(1, "w", closefd=False)
        sys.stderr = open(2, "w", closefd=False)
        status = 0
        try:
            exec(compile(job["code"], job["where"], "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if not isinstance(exc.code, int) and exc.code is not None:
                print(exc.code, file=sys.stderr)
        except BaseException:
            traceback.print_exc()
            status = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    child = os.pidfd_open(pid)
    timed_out = not select.select([child], [], [], job["timeout"])[0]
    if timed_out:
        os.kill(pid, 9)
    os.close(child)
    _, wait = os.waitpid(pid, 0)
    status = os.waitstatus_to_exitcode(wait)
    texts = []
    for f in (out, err):
        f.seek(0)
        texts.append(f.read().decode("utf-8", "replace"))
        f.close()
    replies.write(json.dumps({"status": status, "stdout": texts[0], "stderr": texts[1], "timed_out": timed_out}) + "\n")
    replies.flush()
"""


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


class Timeout(Exception):
    """The block ran longer than it was given; it has been killed."""


class WarmInterpreter:
    """One interpreter started like ``python -c`` in ``empty_dir``, that runs each block in a forked child; it imports
    the modules ``preload`` names first (by default numpy, matplotlib and backprop)."""

    def __init__(self, empty_dir: Path, env: dict[str, str] | None = None, preload: Sequence[str] = PRELOAD) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, *preload], cwd=empty_dir, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )

    def run(self, code: str, cwd: Path, where: str = "<block>", timeout: float = 300) -> Result:
        """Run ``code`` in a child process in ``cwd``; its exit status, stdout and stderr.
        Raises ``Timeout`` (the child has been killed) if it runs longer than ``timeout`` seconds."""
        self._proc.stdin.write(json.dumps({"code": code, "cwd": str(cwd), "where": where, "timeout": timeout}) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the warm interpreter exited with status {self._proc.wait()}")
        done = json.loads(line)
        if done["timed_out"]:
            raise Timeout(f"{where}: still running after {timeout} s")
        return Result(done["status"], done["stdout"], done["stderr"])

    def close(self) -> None:
        self._proc.stdin.close()
        self._proc.wait(timeout=30)
