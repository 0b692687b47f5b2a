"""The strict build of the site: clean log, every page, search, self-hosted MathJax, and a build that
really fails when a markdown-exec block fails."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.support import ROOT
from tests.support.site import is_kernel_shutdown_race


def nav_sources(nav) -> list[str]:
    """The source files named in a mkdocs nav (a nested list of str / {title: str | list})."""
    if isinstance(nav, str):
        return [] if re.match(r"^[a-z]+://", nav) else [nav]
    if isinstance(nav, dict):
        return [s for value in nav.values() for s in nav_sources(value)]
    if isinstance(nav, list):
        return [s for entry in nav for s in nav_sources(entry)]
    return []


def output_of(src: str) -> str:
    """Where mkdocs (use_directory_urls) writes the page of a source file: a.md -> a/index.html."""
    stem = src.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


@pytest.fixture(scope="module")
def config():
    cfg = load_config(str(ROOT / "mkdocs.yml"))
    yield cfg
    cfg.plugins.on_shutdown()


@pytest.mark.slow
def test_the_build_log_has_no_warning(site_build):
    # --strict already fails on WARNING from mkdocs; this also catches tools that print warnings
    # their own way (a notebook kernel, markdown-exec's captured output, a deprecation).
    lines = site_build.log.splitlines()
    bad = [n for n, ln in enumerate(lines)
           if re.search(r"\b(WARNING|ERROR)\b", ln)
           and not is_kernel_shutdown_race(lines, n)]
    # each with the lines after it: a tool's traceback follows its ERROR line
    assert not bad, "warnings in the build log:\n" + "\n---\n".join("\n".join(lines[n:n + 25]) for n in bad)


def test_only_the_kernel_shutdown_race_is_let_through():
    seen = [  # from a CI run's build log (tests/site/test_build.py once failed on it)
        "ERROR:tornado.general:Uncaught exception in ZMQStream callback",
        "Traceback (most recent call last):",
        '  File ".venv/lib/python3.11/site-packages/zmq/eventloop/zmqstream.py", line 585, in _log_error',
        "    f.result()",
        '  File ".venv/lib/python3.11/site-packages/ipykernel/kernelbase.py", line 408, in process_control',
        "    sys.stderr.flush()",
        '  File "zmq/backend/cython/_zmq.py", line 190, in zmq.backend.cython._zmq._check_rc',
        "zmq.error.ZMQError: Socket operation on non-socket",
        "INFO    -  Converting notebook (execute=True): docs/exercises/14-derive-logsig-output.py",
    ]
    assert is_kernel_shutdown_race(seen, 0)
    assert not is_kernel_shutdown_race([*seen[:-2], "zmq.error.ZMQError: Address already in use"], 0)
    assert not is_kernel_shutdown_race([seen[0], *seen[1:4], *seen[6:]], 0)  # not in the control handler
    assert not is_kernel_shutdown_race(["ERROR:tornado.general:Uncaught exception in ZMQStream callback"], 0)
    assert not is_kernel_shutdown_race(["ERROR    -  Error reading page 'x.md'", *seen[1:]], 0)


@pytest.mark.slow
def test_no_page_shows_an_ansi_escape_code(site_build):
    # markdown-exec is configured without ANSI colours (mkdocs.yml: ansi: "off"): a block that printed one would
    # show the raw escape code to the reader.
    shown = [p.relative_to(site_build.dir).as_posix() for p in site_build.dir.rglob("*.html")
             if re.search(r"\x1b|&#0*27;|&#x0*1b;|\[(?:\d+;)*\d+m.*?\[0m", p.read_text(encoding="utf-8"), flags=re.I)]
    assert not shown, shown


@pytest.mark.slow
def test_every_nav_page_is_built(site_build, config):
    sources = nav_sources(config["nav"])
    assert "index.md" in sources and len(sources) >= 10, sources
    missing = [src for src in sources if not (site_build.dir / output_of(src)).is_file()]
    assert not missing, f"nav pages without output: {missing}"
    built = site_build.dir / "index.html"
    assert "<h1" in built.read_text(encoding="utf-8")


@pytest.mark.slow
def test_search_results_show_headings_as_the_table_of_contents_does(site_build):
    """A reviewer: search listed "2. Dropping \\(f'(v)\\)", the heading's TeX (hooks/search_labels.py). Each title is
    plain text; a heading with math is listed by its data-toc-label, as the docs file writes it."""
    docs = json.loads((site_build.dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = {doc["location"]: doc["title"] for doc in docs}
    assert not [title for title in titles.values() if "\\(" in title or "\\[" in title]
    line = next(line for line in (ROOT / "docs" / "common-mistakes.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("## 2. Dropping $f'(v)$"))
    label = re.search(r'data-toc-label="([^"]+)"', line)[1]
    assert titles["common-mistakes/#2-dropping-fv"] == label


@pytest.mark.slow
def test_the_exercises_search_entries_hold_their_prose_only(site_build):
    """A search review: every exercise's title ended in its heading link's "¶", and the results' snippets were code
    cells ("from backprop import examples, show ...") and the line that stands for an answer box outside the site
    (hooks/notebooks.py marks them data-search-exclude). The prose and the formulas stay searchable."""
    docs = json.loads((site_build.dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    exercises = [doc for doc in docs if doc["location"].startswith("exercises/")]
    assert not [doc["title"] for doc in exercises if "¶" in doc["title"]]
    junk = ("from backprop import", "answer box appears here", "check(\"")
    assert not [(doc["location"], j) for doc in exercises for j in junk if j in doc["text"]]
    assert sum("\\(" in doc["text"] for doc in exercises) > 10  # the formulas are still there to find


@pytest.mark.slow
def test_each_exercise_is_one_search_result_under_its_title(site_build):
    """A search review: each exercise was listed twice, the page's entry under its nav title ("6. Rule 3: the hidden
    weights") and its notebook's first heading as a section ("Exercise 6. Rule 3: the hidden weights"); the
    heading's text now joins the page's entry (hooks/search_labels.py)."""
    docs = json.loads((site_build.dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    six = next(doc for doc in docs if doc["location"] == "exercises/06-hidden-weights/")
    assert six["title"] == "6. Rule 3: the hidden weights"
    assert "The error reaches hidden neuron" in six["text"]  # the heading's own text, first
    assert not [doc["title"] for doc in docs if doc["title"].startswith("Exercise ")]


@pytest.mark.slow
def test_the_api_references_search_entries_come_after_the_derivations(site_build):
    """A search review: "squared error", "logsig" or "purelin" listed the API reference's functions before the pages
    that derive them. docs/reference/.meta.yml (material's meta plugin) gives every reference page a lower boost; the
    derivation's pages keep the default."""
    docs = json.loads((site_build.dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    reference = [doc for doc in docs if doc["location"].startswith("reference/")]
    others = [doc for doc in docs if not doc["location"].startswith("reference/")]
    assert reference and {doc.get("boost") for doc in reference} == {0.25}
    assert all(doc.get("boost", 1) >= 1 for doc in others)


@pytest.mark.slow
def test_data_tables_are_reachable_by_keyboard_and_not_named_table(site_build):
    """Every data table (it may scroll sideways) has a tab stop in the HTML itself (hooks/scroll_regions.py); none is
    named "table" (a reviewer: a screen reader said "table table" for each)."""
    tables = [t for page in site_build.dir.rglob("index.html")
              for t in re.findall(r"<table\b[^>]*>", page.read_text(encoding="utf-8"))]
    data = [t for t in tables if "class=" not in t]  # material's data tables: table:not([class])
    assert data and all('tabindex="0"' in t for t in data), [t for t in data if 'tabindex="0"' not in t][:3]
    assert not [t for t in tables if 'aria-label="table"' in t]


def missing_anchors(site_dir: Path) -> list[str]:
    """Every link to a place on its own page (``href="#x"``) whose page has no element with that id."""
    from bs4 import BeautifulSoup

    missing = []
    for page in sorted(site_dir.rglob("index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        named = soup.find_all("a", attrs={"name": True})
        ids = {el["id"] for el in soup.find_all(id=True)} | {a["name"] for a in named}
        where = page.relative_to(site_dir).parent.as_posix()
        missing += [f"{where}/ {a['href']}" for a in soup.select('a[href^="#"]')
                    if a["href"] != "#" and a["href"][1:] not in ids]
    return missing


@pytest.mark.slow
def test_every_link_to_a_place_on_its_page_finds_it(site_build, tmp_path):
    """A reviewer: "[worked example](#the-worked-example)" printed by a markdown-exec block went to
    #exec-11--the-worked-example, which no element has (markdown-exec prefixes the ids and local links of a block's
    output unless the block sets idprefix=""). The check finds such a link (a page of one)."""
    assert not missing_anchors(site_build.dir)
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text('<h2 id="a">A</h2><a href="#a">a</a><a href="#exec-1--a">b</a>',
                                                  encoding="utf-8")
    assert missing_anchors(tmp_path) == ["page/ #exec-1--a"]


@pytest.mark.slow
def test_the_search_index_lists_every_nav_page(site_build, config):
    index = site_build.dir / "search" / "search_index.json"
    assert index.is_file(), "search/search_index.json was not written"
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    for src in nav_sources(config["nav"]):
        page = output_of(src).removesuffix("index.html")
        assert page in locations, f"{src} ({page!r}) is not in the search index"


@pytest.mark.slow
def test_mathjax_is_served_by_the_site(site_build):
    mathjax = site_build.dir / "assets" / "mathjax"
    assert (mathjax / "tex-chtml.js").stat().st_size > 500_000
    fonts = list((mathjax / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))
    assert len(fonts) >= 20 and all(f.stat().st_size > 0 for f in fonts), fonts
    # What the accessibility explorer of the MathJax menu loads (hooks/mathjax_assets.py).
    for rel in ["input/mml.js", "a11y/explorer.js", "a11y/semantic-enrich.js", "a11y/sre.js",
                "a11y/complexity.js", "sre/mathmaps/en.json", "sre/mathmaps/base.json"]:
        assert (mathjax / rel).is_file(), f"assets/mathjax/{rel} is missing"
    # Either the math was typeset at build time (hooks/mathjax_prerender.py: such a page says so in a
    # <meta>, links the CHTML stylesheet, and no page loads MathJax), or every page loads the config,
    # then MathJax, from the site.
    pages = {p.relative_to(site_build.dir): p.read_text(encoding="utf-8") for p in site_build.dir.rglob("*.html")}
    pages = {k: v for k, v in pages.items() if "<body" in v and 'http-equiv="refresh"' not in v}  # no redirects
    prerendered = any('name="mathjax-prerendered"' in html for html in pages.values())
    for where, html in pages.items():
        config_at = html.find("javascripts/mathjax-config.js")
        mathjax_at = html.find("assets/mathjax/tex-chtml.js")
        assert config_at >= 0, f"{where}: javascripts/mathjax-config.js is not loaded"
        if prerendered:
            assert mathjax_at < 0, f"{where}: the site is pre-rendered, yet this page loads MathJax"
            if 'class="arithmatex"' in html:
                assert 'name="mathjax-prerendered"' in html, f"{where}: math left for a MathJax that is not loaded"
                assert "assets/mathjax/prerender.css" in html, f"{where}: pre-rendered without the CHTML stylesheet"
        else:
            assert config_at < mathjax_at, f"{where}: MathJax is not loaded after its config"


@pytest.mark.slow
def test_the_search_dialog_has_a_name(site_build):
    # overrides/partials/search.html: axe flags role="dialog" without an accessible name as serious.
    html = (site_build.dir / "index.html").read_text(encoding="utf-8")
    dialog = re.search(r'<div class="md-search"[^>]*>', html)
    assert dialog, "the search dialog is missing"
    assert 'role="dialog"' in dialog[0] and re.search(r'aria-label="[^"]+"', dialog[0]), dialog[0]


@pytest.mark.slow
def test_the_home_page_shows_the_network_with_a_text_alternative(site_build):
    html = (site_build.dir / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg\b[^>]*network-diagram[^>]*>.*?</svg>", html, re.S)
    assert svg, "the network diagram is not inlined on the home page"
    svg = svg[0]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    for label in ["w<tspan", "b<tspan", ">4<", ">1<", ">2<", ">3<"]:
        assert label in svg
    assert "#000" not in svg.replace("#0000", ""), "hard-coded black would vanish in dark mode; use currentColor"


def run_mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def tiny_project(tmp_path: Path, block: str) -> Path:
    """A one-page project with the site's strict setting and markdown-exec, the page holding ``block``."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: detector
        strict: true
        theme:
          name: material
          font: false
        plugins:
          - markdown-exec
        markdown_extensions:
          - pymdownx.superfences
          - pymdownx.tabbed:
              alternate_style: true
        """), encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text(f"# Page\n\n```python exec=\"1\"\n{block}\n```\n", encoding="utf-8")
    return tmp_path


def test_the_site_config_is_strict_and_runs_markdown_exec(config):
    # The two settings the detector below relies on.
    assert config["strict"] is True
    assert "markdown-exec" in config["plugins"]


@pytest.mark.parametrize("block, fails", [
    ('print("fine")', False),  # control: the tiny project itself builds
    ('raise RuntimeError("deliberate failure of a block")', True),
])
def test_a_failing_exec_block_fails_the_strict_build(tmp_path, block, fails):
    proc = run_mkdocs_build(tiny_project(tmp_path, block))
    log = proc.stdout + proc.stderr
    if fails:
        assert proc.returncode != 0, f"the strict build passed although a block raised:\n{log}"
        assert "deliberate failure of a block" in log  # and it says why
    else:
        assert proc.returncode == 0, log
        assert "fine" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_headings_with_math_have_a_plain_toc_label():
    """The table of contents is not typeset: a heading with $...$ needs data-toc-label, or the TOC shows raw TeX."""
    bare = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"#{1,6} ", line) and "$" in line and "data-toc-label" not in line
    ]
    assert not bare, f"headings with math but no data-toc-label: {bare}"


def test_a_link_to_a_missing_heading_fails_the_strict_build():
    """A reviewer renamed verification.md's "The method": common-mistakes.md's link to #the-method went dead and
    `mkdocs build --strict` passed, mkdocs noting it at INFO only. mkdocs.yml makes it a warning, which strict fails."""
    import logging

    from mkdocs.config import load_config

    assert load_config(str(ROOT / "mkdocs.yml")).validation.links.anchors == logging.WARNING
