"""What every cached result of the build depends on besides its own page: the ``backprop`` package, the worked example
in use, the ``BACKPROP_*`` environment and the tools. Imported by hooks/notebook_cache.py and hooks/page_cache.py
(not a hook itself).
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "backprop"
# Where each cache lives: BACKPROP_NOTEBOOK_CACHE / BACKPROP_PAGE_CACHE / BACKPROP_FONT_CACHE (hooks/fonts.py) /
# BACKPROP_WHEEL_CACHE (hooks/package.py) / BACKPROP_JUPYTER_CACHE (mkdocs-jupyter's cache_dir in mkdocs.yml) name
# other directories (the tests use their own).
# These variables say where results are kept, not what they are, so they are not inputs.
CACHE_ENVS = ("BACKPROP_NOTEBOOK_CACHE", "BACKPROP_PAGE_CACHE", "BACKPROP_JUPYTER_CACHE", "BACKPROP_FONT_CACHE",
              "BACKPROP_WHEEL_CACHE")


def cache_dir(env: str, default: str) -> Path:
    return Path(os.environ.get(env) or ROOT / ".cache" / default)


def update(h, name: str, data: bytes) -> None:
    """Add one named input to the hash ``h``."""
    h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())


def tools_fingerprint() -> str:
    """Python's version and every installed distribution with its version (the names of the ``*.dist-info`` and
    ``*.egg-info`` entries on ``sys.path``, which hold both), one per line."""
    names = set()
    for entry in sys.path:
        if os.path.isdir(entry):
            names.update(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
    return "\n".join([f"python {platform.python_version()} {sys.implementation.cache_tag}", *sorted(names)])


def inputs_digest(package: Path, example: Path, environ: dict[str, str], tools: str) -> str:
    """The hash of everything outside a page that its executed code's output depends on.

    ``package``: every file of the package (``**/*``, but compiled files); ``example``: the example file's content;
    ``environ``: the ``BACKPROP_*`` variables the code sees (but CACHE_ENVS); ``tools``: ``tools_fingerprint()``.
    """
    h = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        update(h, "package/" + path.relative_to(package).as_posix(), path.read_bytes())
    update(h, "example", example.read_bytes())
    for name in sorted(k for k in environ if k.startswith("BACKPROP_") and k not in CACHE_ENVS):
        update(h, "env/" + name, environ[name].encode())
    update(h, "tools", tools.encode())
    return h.hexdigest()


def key(digest: str, *parts: bytes) -> str:
    """The cache key of one result: ``digest`` and the result's own inputs (a page's or a notebook's source...)."""
    h = hashlib.sha256(digest.encode())
    for n, part in enumerate(parts):
        update(h, str(n), part)
    return h.hexdigest()[:24]


def current_digest() -> str:
    """``inputs_digest`` of the package, the example in use, this environment and these tools.

    The package is this tree's ``backprop/`` (what a kernel started here imports) and, if ``import backprop`` in
    this process finds another one (an editable install of another checkout), that one too.
    """
    from backprop import examples  # hooks/example.py has made it read the example afresh

    digest = inputs_digest(PACKAGE, examples.current_file(), dict(os.environ), tools_fingerprint())
    imported = Path(examples.__file__).resolve().parent
    if imported != PACKAGE.resolve():
        digest = inputs_digest(imported, examples.current_file(), {}, digest)
    return digest


def write_whole(path: Path, data: bytes) -> None:
    """Put ``data`` in the cache as ``path`` whole or not at all (one rename): builds running at once share a cache,
    and none may read half an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, path)


def prune(entries: list[Path], keep: int) -> None:
    """Delete all but the ``keep`` most recently used of ``entries`` (files or folders; a build that uses one
    touches it). A build running at the same time touched what it uses when it started, so that is kept."""
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    for path in sorted(entries, key=used, reverse=True)[keep:]:
        try:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        except OSError:
            pass  # another build removed it
