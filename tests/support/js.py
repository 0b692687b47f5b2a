"""A page's JavaScript run in V8 (PyPI's mini-racer), called from Python with JSON in and out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def script(path: Path, prelude: str = "") -> Iterator[Callable[..., object]]:
    """Load the script at ``path`` into a fresh V8 context, after the JavaScript ``prelude`` (what a page's script
    expects of the browser, stubbed); yield ``call(expression, *args)``, which evaluates ``expression`` (a JS function
    of its arguments) on JSON-encoded ``args`` and returns its JSON result."""
    from py_mini_racer import MiniRacer

    ctx = MiniRacer()
    if prelude:
        ctx.eval(prelude)
    ctx.eval(path.read_text(encoding="utf-8"))

    def call(expression: str, *args: object) -> object:
        encoded = ", ".join(json.dumps(a, ensure_ascii=False) for a in args)
        return json.loads(ctx.eval(f"JSON.stringify(({expression})({encoded}))"))

    try:
        yield call
    finally:
        ctx.close()  # free V8 now: left to interpreter exit, mini-racer can hang (see hooks/mathjax_prerender.py)
