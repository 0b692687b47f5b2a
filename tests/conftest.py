"""Shared fixtures: one strict build of the whole site per test session, and the worked example in use.

``BACKPROP_EXAMPLE`` (another worked example for the whole run, e.g. ``tests/examples/tanh-hidden.json``)
is made absolute here, before any test starts a subprocess in another directory.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

if os.environ.get("BACKPROP_EXAMPLE"):  # a relative path names a file from where pytest was started
    os.environ["BACKPROP_EXAMPLE"] = str(Path(os.environ["BACKPROP_EXAMPLE"]).resolve())


@dataclass(frozen=True)
class SiteBuild:
    dir: Path  # the built site
    port: int  # the port its site_url names; serve it there so instant navigation works
    url: str  # http://127.0.0.1:<port>/
    log: str  # everything mkdocs printed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(out: Path, **env: str) -> SiteBuild:
    """``mkdocs build --strict`` of the whole site (notebooks included) into ``out``, with site_url set to a free
    local port and ``env`` added to the environment (e.g. ``BACKPROP_EXAMPLE``). Fails the test if the build fails."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", **env}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return SiteBuild(out, port, url, proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """``mkdocs build --strict`` of the whole site, with site_url set to a free local port."""
    return mkdocs_build(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_builder(tmp_path_factory: pytest.TempPathFactory):
    """``site_builder(name, **env)``: a strict build of the whole site like ``site_build``, into its own directory."""
    return lambda name, **env: mkdocs_build(tmp_path_factory.mktemp(name), **env)
