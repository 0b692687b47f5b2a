"""hooks/incremental.py: `make serve` (``mkdocs serve --dirty``) writes again only the page an author saved, and the
site it serves is then, file by file, the site a whole build of the same sources makes.

In a copy of the checkout, one process does what the server does (mkdocs' own ``build(config, dirty=True)`` after
``on_startup(command="serve", dirty=True)``, the configuration read again before each build): a first build, then
a save of one page (a derivation page with executed blocks), of the home page (whose search entries the search
plugin's merge would drop with every other page's), of an API reference page (whose cross-references resolve only
among the reference pages built together), compared then with ``mkdocs build`` of the edited copy, every file equal;
and a save of a snippet that pages include (the whole site again). Each rebuild writes what it must and leaves the
other pages' files as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.support import ROOT
from tests.support.site import free_port

NOT_COPIED = (".git", ".venv", ".cache", "site", "site-pages", "__pycache__", ".pytest_cache", ".ruff_cache",
              ".hypothesis", "test-artifacts", "*.egg-info", "build", "dist")
# The server's builds, as `mkdocs serve --dirty` makes them, in one process: SAVES names the rounds' files, each
# saved before its round (the first round saves none). Prints each round's {page file: mtime} as one JSON line. At
# WHOLE, before its save, the sources as they are then are built by `mkdocs build` into another folder, and the
# served site is copied aside.
SERVER = r"""
import json, shutil, subprocess, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, saves, whole = Path(sys.argv[1]), json.loads(sys.argv[2]), Path(sys.argv[3])
started = False
for n, save in enumerate(saves):
    if n == int(sys.argv[4]):
        shutil.copytree(site, whole / "served")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(whole / "built")], check=True)
    if save:
        path = Path(save)
        path.write_text(path.read_text(encoding="utf-8") + "\n\n<!-- saved -->\n\nA sentence saved under serve.\n",
                        encoding="utf-8")
    config = load_config("mkdocs.yml", site_dir=str(site), strict=False)
    if not started:
        config.plugins.on_startup(command="serve", dirty=True)
        started = True
    build(config, dirty=True)
    print(json.dumps({str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")}), flush=True)
config.plugins.on_shutdown()
"""
SAVES = [None, "docs/forward-pass.md", "docs/index.md", "docs/reference/rules.md", "docs/snippets/rounding.md"]
WHOLE = 4  # the round before which the served site is compared with a whole build


def written(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {page for page, mtime in after.items() if before.get(page) != mtime}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    copy = tmp / "copy"
    shutil.copytree(ROOT, copy, symlinks=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    cache = ROOT / ".cache"  # shared with the suite's other builds: every entry is keyed by what it depends on
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy),
           "SITE_URL": f"http://127.0.0.1:{free_port()}/",
           "BACKPROP_NOTEBOOK_CACHE": str(cache / "notebooks"), "BACKPROP_PAGE_CACHE": str(cache / "pages"),
           "BACKPROP_FONT_CACHE": str(cache / "fonts"), "BACKPROP_WHEEL_CACHE": str(cache / "wheel"),
           "BACKPROP_JUPYTER_CACHE": str(tmp / "jupyter-cache")}
    proc = subprocess.run([sys.executable, "-c", SERVER, str(tmp / "site"), json.dumps(SAVES), str(tmp), str(WHOLE)],
                          cwd=copy, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    rounds = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return {"rounds": rounds, "log": proc.stderr, "served": tmp / "served", "whole": tmp / "built"}


@pytest.mark.slow
def test_a_saved_page_alone_is_written_again(served):
    first, forward, home = served["rounds"][:3]
    assert written(first, forward) == {"forward-pass/index.html"}
    assert written(forward, home) == {"index.html"}


@pytest.mark.slow
def test_a_saved_reference_page_writes_every_reference_page(served):
    home, reference = served["rounds"][2:4]
    pages = {p for p in reference if p.startswith("reference/") and p != "reference/index.html"}  # its own prose
    assert len(pages) > 5
    assert written(home, reference) == pages
    assert "Could not find cross-reference target" not in served["log"]


@pytest.mark.slow
def test_a_saved_snippet_writes_the_whole_site(served):
    """A snippet is not a page (docs/snippets/ is excluded): the pages that include it must show it."""
    reference, snippet = served["rounds"][3:5]
    assert written(reference, snippet) == set(snippet)


@pytest.mark.slow
def test_the_served_site_is_the_whole_build_of_the_same_sources(served):
    """Every file, search index and cut fonts included (the saved pages' sentence is in both)."""
    site, whole = served["served"], served["whole"]
    files = sorted(p.relative_to(whole) for p in whole.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert "A sentence saved under serve." in (site / "forward-pass" / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert {"", "forward-pass/", "reference/rules/"} <= {doc["location"] for doc in index}  # the saved pages
    differ = [str(f) for f in files if content(site / f) != content(whole / f)]
    assert differ == []


def content(path: Path) -> bytes | dict:
    """A file's bytes; a notebook download's cells without their ids (jupytext draws new ones at each conversion)."""
    if path.suffix != ".ipynb":
        return path.read_bytes()
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        cell.pop("id", None)
    return notebook


def test_every_page_has_its_title_in_the_nav():
    """A page a dirty build does not read has no title of its own (its h1): the pages written with it would name
    it "None" (the previous page of reference/activations/ did). mkdocs.yml names each page; hooks/exercise_titles.py
    the exercises."""
    config = load_config(str(ROOT / "mkdocs.yml"))

    def untitled(items) -> list[str]:
        out = []
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    out += untitled(value) if isinstance(value, list) else []
            elif not item.startswith("exercises/") or item == "exercises/index.md":
                out.append(item)
        return out

    assert untitled(config.nav) == []
