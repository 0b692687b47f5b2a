"""The exercise notebooks run again only when something they depend on changed, and never show stale outputs.

A notebook's outputs depend on its own source, on the ``backprop`` package it imports, on the worked example in use
(``$BACKPROP_EXAMPLE`` or the package's ``example.json``), on the other ``BACKPROP_*`` settings of the environment
(the kernel inherits them), on the tools that run and render it (Python and every installed distribution: numpy,
matplotlib, ipykernel, nbclient, nbconvert, mkdocs-jupyter, ...) and on how this file runs it. Each notebook gets one
key that hashes all of that (hooks/cache_inputs.py), and this hook

* executes each notebook whose key it has not seen, with nbclient (the executor mkdocs-jupyter's ``execute: true``
  uses, with its settings: the kernel of ``kernel_name``, no errors allowed, widget state kept, the kernel started in
  the build's working directory), several at once in background threads from ``on_config`` on, so the kernels run
  while the wheel is built and mkdocs renders the Markdown pages. A failing cell fails the build with the
  notebook's name;
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
import shutil
import tempfile
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
PRIVATE = ".build-{pid}"  # a folder beside exercises/ in a cache entry: the copies one build executed
KEEP = 20  # executed copies kept per notebook (the most recently used): a few examples and package versions
# Kernels run at once. Each is a separate process; two per core keeps the cores busy while kernels start.
WORKERS = max(2, 2 * (os.cpu_count() or 1))

_state: dict = {"jobs": {}, "pool": None, "digest": None, "waited": 0.0}


def execute(source: Path, target: Path, key: str, kernel_name: str, cwd: str) -> Path:
    """Execute the jupytext notebook ``source``; return the executed copy this build renders (``target`` in a
    folder of this process), after publishing it as ``target`` unless another build already has.

    Why a copy of its own: jupytext gives a .py notebook random cell ids, so two builds that execute the same
    notebook at the same time (pytest-xdist) get different files, which mkdocs-jupyter's HTML cache keys apart.
    A published ``target`` never changes, so builds that find it render the same file and share that cache.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    # The notebook as mkdocs-jupyter reads a .py page: jupytext, then through the .ipynb format.
    nb = nbformat.reads(jupytext.writes(jupytext.read(source), fmt="ipynb"), as_version=4)
    # The kernel talks over Unix sockets in a folder of its own, not over TCP ports: jupyter_client picks a free port
    # and releases it before the kernel binds it, and with several builds starting kernels at once (the test suite's)
    # another kernel can take it in between ("ZMQError: Address already in use"). The path is absolute because the
    # kernel runs in ``cwd``, not in this process's directory.
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        client = NotebookClient(nb, kernel_name=kernel_name, allow_errors=False, store_widget_state=True,
                                record_timing=False, resources={"metadata": {"path": cwd}},
                                config=Config({"KernelManager": {"transport": "ipc", "ip": f"{sockets}/ipc"}}))
        try:  # the kernel names its page in a failed check's message (backprop.show.current_page)
            client.execute(env={**os.environ, "BACKPROP_PAGE": f"exercises/{source.name}"})
        except CellExecutionError as exc:
            raise PluginError(f"notebook {source.name}: a cell failed:\n{exc}") from None
    nb.metadata["backprop_inputs"] = key  # so mkdocs-jupyter's HTML cache, keyed on this file, changes with the key
    own = target.parents[1] / PRIVATE.format(pid=os.getpid()) / target.parent.name / target.name
    own.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, own)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(own, target)  # publish, unless another build has
    except FileExistsError:
        pass
    return own


def _private_copies(root: Path) -> list[Path]:
    return list(root.glob(f"*/{PRIVATE.format(pid=os.getpid())}")) if root.is_dir() else []


def _kernel_name(config) -> str:
    plugin = config.plugins.get("mkdocs-jupyter")
    return (plugin.config.get("kernel_name") if plugin else None) or "python3"


def _start(config, notebooks: dict[str, Path]) -> None:
    """Look each notebook (src_uri: source) up in the cache; execute the missing ones in the background."""
    kernel, cwd, root = _kernel_name(config), os.getcwd(), cache_inputs.cache_dir(CACHE_ENV, "notebooks")
    for src_uri, source in notebooks.items():
        key = cache_inputs.key(_state["digest"], HOW, kernel.encode(), source.read_bytes())
        target = root / key / src_uri.removesuffix(".py")
        target = target.with_name(target.name + ".ipynb")
        if target.is_file():
            os.utime(target.parent)  # used: not pruned
            _state["jobs"][src_uri] = target
            continue
        if _state["pool"] is None:
            _state["pool"] = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="notebook")
        _state["jobs"][src_uri] = _state["pool"].submit(execute, source, target, key, kernel, cwd)


def on_config(config, **kwargs):
    # As early as can be (after hooks/example.py, which makes backprop read the example afresh): the kernels run
    # while the wheel is built (hooks/package.py) and the Markdown pages render.
    _finish()
    _state.update(digest=cache_inputs.current_digest(), waited=0.0)
    docs, exclude = Path(config.docs_dir), config.exclude_docs
    found = {p.relative_to(docs).as_posix(): p for p in sorted((docs / "exercises").glob("*.py"))}
    _start(config, {uri: path for uri, path in found.items()
                    if NOTEBOOK.match(uri) and not (exclude is not None and exclude.match_file(uri))})
    return config


@event_priority(50)  # before mkdocs-jupyter's on_files wraps the notebooks (its wrapper hides their inclusion)
def on_files(files, config, **kwargs):
    notebooks = {f.src_uri for f in files
                 if NOTEBOOK.match(f.src_uri) and f.abs_src_path and not f.inclusion.is_excluded()}
    _start(config, {f.src_uri: Path(f.abs_src_path) for f in files  # any on_config did not find
                    if f.src_uri in notebooks and f.src_uri not in _state["jobs"]})
    for src_uri in set(_state["jobs"]) - notebooks:  # not a page of this build
        job = _state["jobs"].pop(src_uri)
        if isinstance(job, Future):
            job.cancel()
    running = sum(isinstance(j, Future) for j in _state["jobs"].values())
    log.info("notebooks: %d from the cache, %d to execute (%d at once)", len(_state["jobs"]) - running, running,
             min(WORKERS, running))
    return files


@event_priority(50)  # before mkdocs-jupyter's on_pre_page, which reads page.file.abs_src_path
def on_pre_page(page, config, files, **kwargs):
    job = _state["jobs"].get(page.file.src_uri)
    if job is None:
        return page
    if isinstance(job, Future):
        start = time.perf_counter()
        job = job.result()  # raises the notebook's PluginError
        _state["waited"] += time.perf_counter() - start
    page.file.abs_src_path = str(job)
    return page


def _finish() -> None:
    pool = _state["pool"]
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    _state.update(jobs={}, pool=None)


def on_post_build(config, **kwargs):
    notebooks = len(_state["jobs"])
    _finish()
    for folder in _private_copies(cache_inputs.cache_dir(CACHE_ENV, "notebooks")):
        shutil.rmtree(folder, ignore_errors=True)
    if _state["waited"]:
        log.info("notebooks: the pages waited %.1f s for kernels", _state["waited"])
    root = cache_inputs.cache_dir(CACHE_ENV, "notebooks")
    entries = [p for p in root.glob("*/") if p.is_dir()] if root.is_dir() else []
    cache_inputs.prune(entries, KEEP * max(1, notebooks))


def on_build_error(error, **kwargs):
    _finish()
    for folder in _private_copies(cache_inputs.cache_dir(CACHE_ENV, "notebooks")):
        shutil.rmtree(folder, ignore_errors=True)
