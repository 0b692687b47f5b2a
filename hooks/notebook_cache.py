"""The exercise notebooks run again only when something they depend on changed, and never show stale outputs.

A notebook's outputs depend on its own source, on the ``backprop`` package it imports, on the worked example in use
(``$BACKPROP_EXAMPLE`` or the package's ``example.json``), on the other ``BACKPROP_*`` settings of the environment
(the kernel inherits them), on the tools that run and render it (Python and every installed distribution: numpy,
matplotlib, ipykernel, nbclient, nbconvert, mkdocs-jupyter, ...) and on how this file runs it. Each notebook gets one
key that hashes all of that (hooks/cache_inputs.py), and this hook

* executes each notebook whose key it has not seen, with nbclient (the executor mkdocs-jupyter's ``execute: true``
  uses, with its settings: the kernel of ``kernel_name``, no errors allowed, widget state kept, the kernel started in
  the build's working directory), several at once in background threads from ``on_files`` on, so the kernels run
  while mkdocs renders the Markdown pages. A failing cell fails the build with the notebook's name;
* stores the executed notebook as ``.cache/notebooks/<key>/exercises/<name>.ipynb``, its key in its metadata;
* hands that file to mkdocs-jupyter in place of the source (``on_pre_page``, before mkdocs-jupyter's own handler),
  which renders it with ``execute: false``. mkdocs-jupyter's own HTML cache (``cache: true``) is keyed on the
  content of the file it renders, which now holds the outputs and this key, so it cannot go stale either.

The download ``.ipynb`` (hooks/notebooks.py) is still made from the source, without outputs.
``BACKPROP_NOTEBOOK_CACHE`` names another cache directory (the tests use one of their own).
"""

from __future__ import annotations

import logging
import os
import re
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import cache_inputs  # hooks/cache_inputs.py: mkdocs loads a hook with its folder on sys.path
import jupytext
import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.plugins.backprop.notebook_cache")

NOTEBOOK = re.compile(r"^exercises/[^/]+\.py$")  # the notebook pages (mkdocs-jupyter's include: exercises/*.py)
CACHE_ENV = "BACKPROP_NOTEBOOK_CACHE"
HOW = Path(__file__).read_bytes()  # this file says how a notebook is executed: a part of every key
KEEP_DAYS = 14  # an entry no build has used for this long is deleted
# Kernels run at once. Each is a separate process; two per core keeps the cores busy while kernels start.
WORKERS = max(2, 2 * (os.cpu_count() or 1))

_state: dict = {"jobs": {}, "pool": None}


def execute(source: Path, target: Path, key: str, kernel_name: str, cwd: str) -> Path:
    """Execute the jupytext notebook ``source`` and write it, with its outputs, to ``target`` (atomically)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    # The notebook as mkdocs-jupyter reads a .py page: jupytext, then through the .ipynb format.
    nb = nbformat.reads(jupytext.writes(jupytext.read(source), fmt="ipynb"), as_version=4)
    client = NotebookClient(nb, kernel_name=kernel_name, allow_errors=False, store_widget_state=True,
                            record_timing=False, resources={"metadata": {"path": cwd}})
    try:
        client.execute()
    except CellExecutionError as exc:
        raise PluginError(f"notebook {source.name}: a cell failed:\n{exc}") from None
    nb.metadata["backprop_inputs"] = key  # so mkdocs-jupyter's HTML cache, keyed on this file, changes with the key
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.{id(nb)}.tmp")
    nbformat.write(nb, partial)
    os.replace(partial, target)
    return target


def _kernel_name(config) -> str:
    plugin = config.plugins.get("mkdocs-jupyter")
    return (plugin.config.get("kernel_name") if plugin else None) or "python3"


@event_priority(50)  # before mkdocs-jupyter's on_files wraps the notebooks (its wrapper hides their inclusion)
def on_files(files, config, **kwargs):
    start = time.perf_counter()
    digest = cache_inputs.current_digest()
    kernel, cwd, root = _kernel_name(config), os.getcwd(), cache_inputs.cache_dir(CACHE_ENV, "notebooks")
    jobs: dict[str, Future | Path] = {}
    missing = []
    for file in files:
        if not (NOTEBOOK.match(file.src_uri) and file.abs_src_path) or file.inclusion.is_excluded():
            continue
        source = Path(file.abs_src_path)
        key = cache_inputs.key(digest, HOW, kernel.encode(), source.read_bytes())
        target = root / key / file.src_uri.removesuffix(".py")
        target = target.with_name(target.name + ".ipynb")
        if target.is_file():
            os.utime(target.parent)  # used: not pruned
            jobs[file.src_uri] = target
        else:
            missing.append((file.src_uri, source, target, key))
    if missing:
        pool = _state["pool"] = ThreadPoolExecutor(max_workers=min(WORKERS, len(missing)),
                                                   thread_name_prefix="notebook")
        for src_uri, source, target, key in missing:
            jobs[src_uri] = pool.submit(execute, source, target, key, kernel, cwd)
    _state["jobs"] = jobs
    log.info("notebooks: %d from the cache, %d to execute (%d at once); inputs hashed in %.2f s",
             len(jobs) - len(missing), len(missing), min(WORKERS, len(missing)), time.perf_counter() - start)
    return files


@event_priority(50)  # before mkdocs-jupyter's on_pre_page, which reads page.file.abs_src_path
def on_pre_page(page, config, files, **kwargs):
    job = _state["jobs"].get(page.file.src_uri)
    if job is None:
        return page
    if isinstance(job, Future):
        job = job.result()  # raises the notebook's PluginError
    page.file.abs_src_path = str(job)
    return page


def _finish() -> None:
    pool = _state["pool"]
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    _state.update(jobs={}, pool=None)


def _prune(root: Path) -> None:
    """Delete the entries no build has used for KEEP_DAYS days."""
    limit = time.time() - KEEP_DAYS * 86400
    for entry in root.glob("*/") if root.is_dir() else ():
        try:
            if entry.stat().st_mtime < limit:
                for path in sorted(entry.rglob("*"), reverse=True):
                    path.rmdir() if path.is_dir() else path.unlink()
                entry.rmdir()
        except OSError:
            pass  # another build is using or removing it


def on_post_build(config, **kwargs):
    _finish()
    _prune(cache_inputs.cache_dir(CACHE_ENV, "notebooks"))


def on_build_error(error, **kwargs):
    _finish()
