"""Small helpers the benchmark scripts share (each script runs from this folder, so a plain import works)."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_notebook_entry(entry) -> bool:
    """True for a mkdocs nav entry that is, or only holds, exercise notebooks."""
    if isinstance(entry, str):
        return entry.startswith("exercises/")
    if isinstance(entry, dict):
        return all(is_notebook_entry(v) for v in entry.values())
    if isinstance(entry, list):
        return all(is_notebook_entry(v) for v in entry)
    return False
