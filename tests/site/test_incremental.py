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
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.hooks import load_hook
from tests.support.site import copy_checkout, free_port

# The server's builds, as `mkdocs serve --dirty` makes them, in one process: SAVES says what is saved before each
# round (the first saves nothing): [file, text appended] or [file, old text, new text]; a file marked PAST is saved
# with a time older than the site's, as `cp -p` or a draft moved in leaves it. Prints each round's {page file:
# mtime} as one JSON line. At WHOLE, before its save, the sources as they are then are built by `mkdocs build` into
# another folder, and the served site is copied aside.
SERVER = r"""
import json, os, shutil, subprocess, sys
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
        path, *change = save
        past = path.startswith("PAST ")
        path = Path(path.removeprefix("PAST "))
        text = path.read_text(encoding="utf-8")
        text = text + change[0] if len(change) == 1 else text.replace(change[0], change[1], 1)
        path.write_text(text, encoding="utf-8")
        if past:
            os.utime(path, (1e9, 1e9))
    config = load_config("mkdocs.yml", site_dir=str(site), strict=False)
    if not started:
        config.plugins.on_startup(command="serve", dirty=True)
        started = True
    build(config, dirty=True)
    print(json.dumps({str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")}), flush=True)
config.plugins.on_shutdown()
"""
SENTENCE = "\n\n<!-- saved -->\n\nA sentence saved under serve.\n"
SAVES = [None, ["docs/reference/rules.md", SENTENCE], ["docs/index.md", SENTENCE], ["docs/errata.md", SENTENCE],
         ["docs/forward-pass.md", SENTENCE],
         ["PAST docs/cost-function.md", "\n\nA draft moved in.\n"],  # written although older than its page
         ["docs/exercises/index.md", "# Exercises\n", "# Practice exercises\n"],  # every nav names it
         ["docs/notation.md", "\n\nSee [the homework check][check-your-homework].\n"],  # a heading of the home page
         ["docs/snippets/rounding.md", SENTENCE]]
WHOLE = 8  # the round before which the served site is compared with a whole build
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
    copy_checkout(copy)
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
    """The reference pages together, and with the errata, which link into them; the untitled page every time; a page
    put back older than its output; every page where the untitled page's heading changed, or a page links to a
    heading of another."""
    rounds = served["rounds"]
    api, untitled, every = reference(rounds), {UNTITLED.replace(".md", ".html")}, set(rounds[0])
    assert len(api) > 5
    assert [written(before, after) for before, after in itertools.pairwise(rounds[:WHOLE])] == [
        api | untitled, {"index.html"} | untitled, {"errata/index.html"} | api | untitled,
        {"forward-pass/index.html"} | untitled, {"cost-function/index.html"} | untitled, every, every]
    assert "Could not find cross-reference target" not in served["log"]  # errata.md's links into the reference


@pytest.mark.slow
def test_a_saved_snippet_writes_the_whole_site(served):
    """A snippet is not a page (docs/snippets/ is excluded): the pages that include it must show it."""
    before, snippet = served["rounds"][7:9]
    assert written(before, snippet) == set(snippet)


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
    assert "A draft moved in." in (site / "cost-function" / "index.html").read_text(encoding="utf-8")
    assert "Practice exercises" in (site / "live-example" / "index.html").read_text(encoding="utf-8")  # its "Next"
    assert "][check-your-homework]" not in (site / "notation" / "index.html").read_text(encoding="utf-8")
    differ = [str(f) for f in files if content(site / f) != content(whole / f)]
    assert differ == []


def content(path: Path) -> bytes | dict | frozenset:
    """A file's bytes; a notebook download's cells without their ids (jupytext draws new ones at each conversion);
    MathJax's stylesheet as its set of rules (a server's long-lived MathJax lists them in the order it first met
    them, over all its builds, and keeps those of formulas since deleted: the rules alike, no rule missing)."""
    if path.name == "prerender.css":
        return frozenset(rule.strip() for rule in path.read_text(encoding="utf-8").split("}") if rule.strip())
    if path.suffix != ".ipynb":
        return path.read_bytes()
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        cell.pop("id", None)
    return notebook


def test_the_cross_references_a_page_needs_resolved():
    """What hooks/incremental.py reads as a link mkdocs-autorefs resolves, and what it leaves to Markdown."""
    hook = load_hook("incremental")
    cases = {
        "See [the rule][backprop.rules.delta_w_hidden].": {"api"},
        "See [`backprop.rules.error`][].": {"api"},
        "See [the homework check][check-your-homework].": {"heading"},
        "See [the site][home].\n\n[home]: https://example.org/": set(),  # a plain reference link
        "$w[i][k]$ and $$a[i][k]$$": set(),  # math
        "```python\nx = slope[array][idx]\n```": set(),  # code
    }
    for text, kinds in cases.items():
        assert hook.cross_references(text) == kinds, text


def test_an_editors_files_are_not_inputs(tmp_path):
    hook = load_hook("incremental")
    for name in ("page.md", ".meta.yml", "extra.css"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        assert hook.an_input(tmp_path / name, tmp_path), name
    for name in ("#page.md#", ".page.md.swp", ".page.md.swo", "page.md~", "4913"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        assert not hook.an_input(tmp_path / name, tmp_path), name
    (tmp_path / ".#page.md").symlink_to(tmp_path / "nobody@host.123")  # Emacs' lock: a link to nothing
    assert not hook.an_input(tmp_path / ".#page.md", tmp_path)
