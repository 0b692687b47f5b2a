"""hooks/incremental.py: `make serve` (``mkdocs serve --dirty``) writes again only the page an author saved (with
the pages it needs), and the site it serves is then, file by file, the site a whole build of the same sources makes.

In a copy of the checkout, one process does what the server does (mkdocs' own ``build(config, dirty=True)`` after
``on_startup(command="serve", dirty=True)``, the configuration read again before each build): a first build, then a
save of an API reference page (the reference pages are written together), of the home page (whose search entries
the search plugin's merge would drop with every other page's), of the errata (whose links into the API reference
resolve only where the reference pages render in the same build) and of a derivation page with executed blocks
(written alone: what mkdocstrings writes from the reference pages it renders is put back), compared then with
``mkdocs build`` of the edited copy, every file equal; and a save of a snippet that pages include (the whole site
again). In the copy, the exercises' index page has no title in the nav, as an instructor's new page might not: every
other page's nav names it by its first heading, so it is written at every build.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
SAVES = [None, "docs/reference/rules.md", "docs/index.md", "docs/errata.md", "docs/forward-pass.md",
         "docs/snippets/rounding.md"]
WHOLE = 5  # the round before which the served site is compared with a whole build
UNTITLED = "exercises/index.md"  # its title left out of the copy's nav


def written(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {page for page, mtime in after.items() if before.get(page) != mtime}


def reference(rounds) -> set[str]:
    """The API reference's pages (but its index, prose of its own)."""
    return {p for p in rounds[0] if p.startswith("reference/") and p != "reference/index.html"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    copy = tmp / "copy"
    shutil.copytree(ROOT, copy, symlinks=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"- Exercises: {UNTITLED}\n" in config
    (copy / "mkdocs.yml").write_text(config.replace(f"- Exercises: {UNTITLED}\n", f"- {UNTITLED}\n"), encoding="utf-8")
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
def test_a_saved_page_is_written_again_with_the_pages_it_needs(served):
    """The reference pages together, and with the errata, which link into them; the untitled page every time."""
    rounds = served["rounds"]
    api, untitled = reference(rounds), {UNTITLED.replace(".md", ".html")}
    assert len(api) > 5
    assert [written(before, after) for before, after in itertools.pairwise(rounds[:5])] == [
        api | untitled, {"index.html"} | untitled, {"errata/index.html"} | api | untitled,
        {"forward-pass/index.html"} | untitled]
    assert "Could not find cross-reference target" not in served["log"]  # errata.md's links into the reference


@pytest.mark.slow
def test_a_saved_snippet_writes_the_whole_site(served):
    """A snippet is not a page (docs/snippets/ is excluded): the pages that include it must show it."""
    forward, snippet = served["rounds"][4:6]
    assert written(forward, snippet) == set(snippet)


@pytest.mark.slow
def test_the_served_site_is_the_whole_build_of_the_same_sources(served):
    """Every file, search index and cut fonts included (the saved pages' sentence is in both)."""
    site, whole = served["served"], served["whole"]
    files = sorted(p.relative_to(whole) for p in whole.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert "A sentence saved under serve." in (site / "forward-pass" / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert {"", "forward-pass/", "errata/", "reference/rules/"} <= {doc["location"] for doc in index}  # saved pages
    assert "][backprop." not in (site / "errata" / "index.html").read_text(encoding="utf-8")  # every link resolved
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
