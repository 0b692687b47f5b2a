"""The site as the tests and the benchmarks see it: a free local port, a strict build of the whole site, and the one
build-log error that is not the site's fault."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support import ROOT


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What a copy of the checkout leaves out: git, the virtual environment, caches and built sites.
NOT_COPIED = (".git", ".venv", ".lock-venv", ".cache", "site", "site-pages", "__pycache__", ".pytest_cache",
              ".ruff_cache", ".hypothesis", "test-artifacts", "*.egg-info", "build", "dist")


def copy_checkout(dst: Path) -> Path:
    """A copy of this checkout at ``dst`` (but ``NOT_COPIED``), to edit and build without touching this one."""
    shutil.copytree(ROOT, dst, symlinks=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    return dst


@contextlib.contextmanager
def unix_socket_kernels() -> Iterator[object]:
    """A traitlets ``Config`` for ``nbclient.NotebookClient(config=...)`` whose kernel talks over Unix sockets in a
    folder of its own, not TCP ports, as hooks/notebook_cache.py runs the site's notebooks: a TCP port jupyter_client
    picks and releases can be taken by another kernel (the suite's builds start many at once) before this one binds
    it. The folder is removed on exit."""
    from traitlets.config import Config

    with tempfile.TemporaryDirectory(prefix="kernel-") as folder:
        yield Config({"KernelManager": {"transport": "ipc", "ip": f"{folder}/ipc"}})


class BuildFailed(RuntimeError):
    """``mkdocs build --strict`` exited with an error; the message holds its output."""


@dataclass(frozen=True)
class SiteBuild:
    dir: Path  # the built site
    port: int  # the port its site_url names; serve it there so instant navigation works
    url: str  # http://127.0.0.1:<port>/
    log: str  # everything mkdocs printed


def mkdocs_build(out: Path, **env: str) -> SiteBuild:
    """``mkdocs build --strict`` of the whole site (notebooks included) into ``out``, with site_url set to a free
    local port and ``env`` added to the environment (e.g. ``BACKPROP_EXAMPLE``). Raises ``BuildFailed`` if it fails.

    mkdocs-jupyter's cache is the build's own (``<out>.jupyter-cache``): it deletes what a build did not use, so
    two builds at once (the suite's workers) must not share it. The notebook and page caches are shared."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1",
           "BACKPROP_JUPYTER_CACHE": str(out.parent / f"{out.name}.jupyter-cache"), **env}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise BuildFailed(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return SiteBuild(out, port, url, proc.stdout + proc.stderr)


def traceback_after(lines: list[str], n: int) -> list[str]:
    """The traceback that follows line ``n``: up to and including its exception line (the first line after it that
    is not indented)."""
    block = []
    for line in lines[n + 1:]:
        block.append(line)
        if line and not line[0].isspace() and line != "Traceback (most recent call last):":
            break
    return block


def is_kernel_shutdown_race(lines: list[str], n: int) -> bool:
    """ipykernel's race at shutdown (seen with 7.4.0, the newest on PyPI; ipython/ipykernel#1518 fixes its twin):
    once a notebook has run and nbclient asks the kernel to shut down, the kernel's control handler flushes stderr
    through a pipe that is already closed, and tornado logs it. The notebook's outputs are complete by then. Only
    that traceback is let through; any other ERROR from the kernel still fails this test."""
    if lines[n] != "ERROR:tornado.general:Uncaught exception in ZMQStream callback":
        return False
    block = traceback_after(lines, n)
    return (bool(block) and block[0] == "Traceback (most recent call last):"
            and any("ipykernel/kernelbase.py" in ln and "in process_control" in ln for ln in block)
            and block[-1] == "zmq.error.ZMQError: Socket operation on non-socket")
