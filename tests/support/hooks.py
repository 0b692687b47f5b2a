"""A hook file of hooks/ as a module, loaded as mkdocs loads it: with hooks/ on sys.path while it runs, so that its
imports of the plain modules beside it (cache_inputs, first_screen, font_subset) resolve."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def load_hook(name: str, module_name: str | None = None) -> ModuleType:
    """``hooks/<name>.py`` as a new module named ``module_name`` (default ``<name>_under_test``)."""
    spec = importlib.util.spec_from_file_location(module_name or f"{name}_under_test", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HOOKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS))
    return module
