"""Shared fixtures: one strict build of the whole site per test session, and the worked example in use.

``BACKPROP_EXAMPLE`` (another worked example for the whole run, e.g. ``tests/examples/tanh-hidden.json``)
is made absolute here, before any test starts a subprocess in another directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.site import BuildFailed, SiteBuild, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent

if os.environ.get("BACKPROP_EXAMPLE"):  # a relative path names a file from where pytest was started
    os.environ["BACKPROP_EXAMPLE"] = str(Path(os.environ["BACKPROP_EXAMPLE"]).resolve())


def build(out: Path, **env: str) -> SiteBuild:
    """``mkdocs_build``, failing the test (not erroring) when the build fails."""
    try:
        return mkdocs_build(out, **env)
    except BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """``mkdocs build --strict`` of the whole site, with site_url set to a free local port."""
    return build(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_builder(tmp_path_factory: pytest.TempPathFactory):
    """``site_builder(name, **env)``: a strict build of the whole site like ``site_build``, into its own directory."""
    return lambda name, **env: build(tmp_path_factory.mktemp(name), **env)
