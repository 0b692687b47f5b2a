"""ruff, as the tests run it on Python that lives outside the package's files: the pages' blocks, the cells of the
exercise notebooks."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.support import ROOT

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


def ruff() -> list[str]:
    """ruff with the project's settings; the files live outside the tree, so say backprop is first-party."""
    return [RUFF, "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"),
            "--config", "lint.isort.known-first-party = ['backprop']"]
