"""hooks/notebook_cache.py and hooks/page_cache.py: a notebook, or a page with executed blocks, runs again exactly
when something it depends on changed, and the site they build is the site built without them. hooks/fonts.py: a
face is cut again exactly when its characters, its font files or how it is cut changed.

The keys (hooks/cache_inputs.py, fast): they change with every input the outputs depend on (the source, any file of
the package, the example file, the ``BACKPROP_*`` environment, the tools, a page's included snippets), and only with
them. The builds (slow), of a small site of one notebook and one page with executed blocks, with cache directories
of their own: a warm rebuild reuses both; another example executes both again and they show that example's numbers;
the first example comes back from the cache unchanged; and the pages built from the cache are the pages built with
neither hook, mkdocs-jupyter executing the notebook itself (``execute: true``, as before the caches existed).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from tests.support import ROOT, oracle
from tests.support.hooks import load_hook
from tests.support.site import free_port

HOOKS = ROOT / "hooks"
NOTEBOOK = "exercises/01-forward-pass.py"
PAGE = "rule-output-bias.md"  # executed blocks and two --8<-- snippets
CACHE_HOOKS = ("notebook_cache.py", "page_cache.py")
# an example file other than the one in use
OTHER_EXAMPLE = next(p for p in oracle.other_examples() if p.resolve() != oracle.example_file().resolve())


@pytest.fixture(scope="module")
def keys():
    return load_hook("cache_inputs")


@pytest.fixture(scope="module")
def page_cache():
    return load_hook("page_cache")


@pytest.fixture(scope="module")
def fonts():
    return load_hook("fonts")


def test_a_cut_faces_key_changes_with_each_of_its_inputs(fonts, tmp_path):
    name, source, weight, fill = fonts.FONTS[0]
    chars = frozenset("abc")
    key = fonts.cache_key(name, source, weight, fill, chars)
    assert key == fonts.cache_key(name, source, weight, fill, frozenset("cba"))  # a set: order is not an input
    same_bytes = tmp_path / "copy.ttf"
    same_bytes.write_bytes(source.read_bytes())
    assert fonts.cache_key(name, same_bytes, weight, fill, chars) == key  # the file's bytes count, not its path
    other_source = tmp_path / "other.ttf"
    other_source.write_bytes(source.read_bytes() + b"\0")
    changed = [fonts.cache_key(name, source, weight, fill, frozenset("abd")),
               fonts.cache_key("other.woff2", source, weight, fill, chars),
               fonts.cache_key(name, source, 500, fill, chars),
               fonts.cache_key(name, other_source, weight, fill, chars),
               fonts.cache_key(name, source, weight, fonts.FONTS[3][3], chars)]
    assert key not in changed and len(set(changed)) == len(changed)


# --- the keys --------------------------------------------------------------------------------------------------


@pytest.fixture()
def inputs(tmp_path):
    """A copy of the package and of the example file, and the arguments of inputs_digest for them."""
    package = tmp_path / "backprop"
    shutil.copytree(ROOT / "backprop", package, ignore=shutil.ignore_patterns("__pycache__"))
    example = tmp_path / "example.json"
    shutil.copy(ROOT / "backprop" / "example.json", example)
    return {"package": package, "example": example, "environ": {"HOME": "/root"}, "tools": "numpy==2.0"}


def test_the_same_inputs_give_the_same_digest(keys, inputs):
    before = keys.inputs_digest(**inputs)
    assert keys.inputs_digest(**inputs) == before
    (inputs["package"] / "__pycache__").mkdir(exist_ok=True)
    (inputs["package"] / "__pycache__" / "show.cpython-311.pyc").write_bytes(b"compiled")
    assert keys.inputs_digest(**inputs) == before  # compiled files are not inputs


@pytest.mark.parametrize("change", ["a package module", "a new package file", "the example", "a BACKPROP_ variable",
                                    "a tool's version"])
def test_every_input_changes_the_digest(keys, inputs, change):
    before = keys.inputs_digest(**inputs)
    if change == "a package module":
        module = inputs["package"] / "show.py"
        module.write_text(module.read_text() + "\n# one more line\n")
    elif change == "a new package file":
        (inputs["package"] / "extra.py").write_text("X = 1\n")
    elif change == "the example":
        inputs["example"].write_bytes(OTHER_EXAMPLE.read_bytes())
    elif change == "a BACKPROP_ variable":
        inputs["environ"] = {**inputs["environ"], "BACKPROP_EXERCISES_STRICT": "1"}
    else:
        inputs["tools"] = "numpy==2.1"
    assert keys.inputs_digest(**inputs) != before


def test_other_variables_do_not_change_the_digest(keys, inputs):
    before = keys.inputs_digest(**inputs)
    inputs["environ"] = {**inputs["environ"], "SITE_URL": "http://127.0.0.1:1234/",
                         "BACKPROP_NOTEBOOK_CACHE": "/tmp/x", "BACKPROP_PAGE_CACHE": "/tmp/y",
                         "BACKPROP_JUPYTER_CACHE": "/tmp/z"}
    assert keys.inputs_digest(**inputs) == before


def test_a_key_changes_with_each_part(keys):
    source = (ROOT / "docs" / NOTEBOOK).read_bytes()
    assert keys.key("d", b"how", source) == keys.key("d", b"how", source)
    assert keys.key("d", b"how", source + b"\n# %%\n1\n") != keys.key("d", b"how", source)
    assert keys.key("e", b"how", source) != keys.key("d", b"how", source)
    assert keys.key("d", b"how", source) != keys.key("d", b"hov", source)
    assert keys.key("d", b"ab", b"c") != keys.key("d", b"a", b"bc")  # parts are kept apart


def test_the_tools_fingerprint_names_python_and_the_installed_tools(keys):
    tools = keys.tools_fingerprint()
    for name in ("nbclient", "nbconvert", "ipykernel", "mkdocs_jupyter", "markdown_exec", "numpy", "matplotlib"):
        assert re.search(rf"^{name}-\d\S*\.dist-info$", tools, flags=re.M | re.I), name
    assert tools.startswith("python 3.")


def test_pages_with_executed_blocks_are_found(page_cache):
    assert page_cache.has_exec_blocks('Text.\n\n```python exec="on"\nprint(1)\n```\n')
    assert page_cache.has_exec_blocks('!!! note\n    ```py exec="1" source="tabbed-right"\n    print(1)\n    ```\n')
    assert not page_cache.has_exec_blocks('```python\nprint(1)\n```\n')
    assert not page_cache.has_exec_blocks('```python exec="off"\nprint(1)\n```\n')
    assert page_cache.has_exec_blocks((ROOT / "docs" / PAGE).read_text(encoding="utf-8"))


def test_pages_that_register_while_rendering_are_not_kept(page_cache):
    block = '```python exec="on"\nprint(1)\n```\n'
    assert page_cache.cacheable(block)
    assert not page_cache.cacheable(block + "\n::: backprop.show\n")
    assert not page_cache.cacheable(block + "\n[](){#an-anchor}\n")


def test_a_page_key_holds_its_snippets_recursively(page_cache, tmp_path):
    (tmp_path / "a.md").write_text('A\n--8<-- "b.md"\n')
    (tmp_path / "b.md").write_text("B\n")
    (tmp_path / "c.md").write_text("C\n")
    page = 'x\n--8<-- "a.md"\n\n--8<--\nc.md\nmissing.md\n--8<--\n;--8<-- "ignored.md"\n'
    found = dict(page_cache.included_files(page, [tmp_path]))
    assert found == {"a.md": b'A\n--8<-- "b.md"\n', "b.md": b"B\n", "c.md": b"C\n", "missing.md": b""}


def test_an_executed_notebook_names_its_page_to_the_package(tmp_path):
    """A check that fails in an exercise notebook names its page (show.current_page): the kernel gets $BACKPROP_PAGE,
    exercises/<file>, from hooks/notebook_cache.py (it read '?' before)."""
    import nbformat

    source = tmp_path / "probe.py"
    cell = 'import os\nfrom backprop import show\nprint(os.environ["BACKPROP_PAGE"], show.current_page)\n'
    source.write_text("# %%\n" + cell, encoding="utf-8")
    notebook_cache = load_hook("notebook_cache")
    executed = notebook_cache.execute(source, tmp_path / "cache" / "key" / "exercises" / "probe.ipynb", "key",
                                      "python3", str(ROOT))
    outputs = [o.get("text") for cell in nbformat.read(executed, as_version=4).cells for o in cell.get("outputs", [])]
    assert outputs == ["exercises/probe.py exercises/probe.py\n"]


def test_pruning_keeps_the_most_recently_used(keys, tmp_path):
    entries = []
    for n in range(5):
        entry = tmp_path / f"e{n}"
        (entry.mkdir() if n % 2 else entry.write_text("x"))
        os.utime(entry, (1000 + n, 1000 + n))  # e4 used last
        entries.append(entry)
    keys.prune(entries, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e3", "e4"]


# --- the builds (slow) -----------------------------------------------------------------------------------------


def small_site_config(tmp: Path, cached: bool) -> Path:
    """mkdocs.yml for a site of NOTEBOOK and PAGE. ``cached``: as configured; else without the two cache hooks,
    mkdocs-jupyter executing the notebook itself, as before the caches existed."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        cfg = yaml_load(fh)  # resolves !ENV the way mkdocs does
    cfg["docs_dir"] = str(ROOT / "docs")
    cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    cfg["hooks"] = [str(ROOT / h) for h in cfg["hooks"] if cached or Path(h).name not in CACHE_HOOKS]
    cfg["nav"] = [{"Page": PAGE}, {"Exercise": NOTEBOOK}]
    cfg["exclude_docs"] = f"snippets/\n*.md\n!/{PAGE}\nexercises/*.py\n!/{NOTEBOOK}\n"
    cfg["validation"] = {"nav": {"omitted_files": "info", "not_found": "info"},
                         "links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}
    for plugin in cfg["plugins"]:
        if isinstance(plugin, dict) and "mkdocs-jupyter" in plugin:
            # yaml_load has resolved cache_dir's !ENV in this process: the default, shared with other builds running
            # at once (mkdocs-jupyter deletes what its build did not use). Its own directory, beside the others.
            plugin["mkdocs-jupyter"]["cache_dir"] = str(tmp / "cache" / "mkdocs-jupyter")
            if not cached:
                plugin["mkdocs-jupyter"].update(execute=True, cache=False, include=["exercises/*.py"])
    path = tmp / ("mkdocs-cached.yml" if cached else "mkdocs-uncached.yml")
    path.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return path


def build(config: Path, out: Path, cache: Path, **env: str) -> dict[str, str]:
    """A strict build: {"notebook": its page, "page": PAGE's page, "log": the build log}."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{free_port()}/",
           "BACKPROP_NOTEBOOK_CACHE": str(cache / "notebooks"), "BACKPROP_PAGE_CACHE": str(cache / "pages"),
           "BACKPROP_JUPYTER_CACHE": str(cache / "mkdocs-jupyter"), "BACKPROP_FONT_CACHE": str(cache / "fonts"), **env}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {"notebook": (out / NOTEBOOK.removesuffix(".py") / "index.html").read_text(encoding="utf-8"),
            "page": (out / PAGE.removesuffix(".md") / "index.html").read_text(encoding="utf-8"),
            "fonts": {f.name: f.read_bytes() for f in (out / "assets" / "fonts").iterdir()},
            "log": proc.stdout + proc.stderr}


def article(html: str) -> str:
    """The page's article, without what differs from one build to the next whatever the caches: the random cell
    ids jupytext gives a .py notebook, and the port of site_url."""
    body = re.search(r"<article\b.*?</article>", html, flags=re.S)[0]
    body = re.sub(r'id="cell-[0-9a-f-]+"', 'id="cell"', body)
    return re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", body)


def executed(log: str) -> tuple[int, int]:
    """(notebooks executed, pages with executed blocks rendered) by a build."""
    notebooks = re.search(r"notebooks: \d+ from the cache, (\d+) to execute", log)[1]
    pages = re.search(r"pages with executed blocks: \d+ from the cache, (\d+) rendered", log)[1]
    return int(notebooks), int(pages)


def numbers(html: str) -> set[str]:
    """Every number of the page's text, as written (0.4, -0.25, 0.123456)."""
    return set(re.findall(r"(?<![\d.])-?\d+(?:\.\d+)?(?![\d.])", re.sub(r"<[^>]+>", " ", html)))


def exercise_weights(ex: dict) -> set[str]:
    """The weights the exercise shows, as it prints them, given numbers as given (0.4, not 0.400000): the example's
    practice network if it has one."""
    net = ex.get("practice", ex)
    return {format(Decimal(repr(float(w))).normalize(), "f") for row in net["w_hidden"] + net["w_output"] for w in row}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build-cache")
    cache, config = tmp / "cache", small_site_config(tmp, cached=True)
    out = {}
    out["cold"] = build(config, tmp / "cold", cache)
    out["warm"] = build(config, tmp / "warm", cache)
    out["other"] = build(config, tmp / "other", cache, BACKPROP_EXAMPLE=str(OTHER_EXAMPLE))
    out["back"] = build(config, tmp / "back", cache)
    out["uncached"] = build(small_site_config(tmp, cached=False), tmp / "uncached", tmp / "unused")
    return out


@pytest.mark.slow
def test_links_to_a_cached_pages_headings_still_resolve(tmp_path):
    """mkdocs-autorefs learns a page's headings while it renders; a page from the cache is not rendered."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text('# A\n\n## The heading\n\n```python exec="on"\nprint("run")\n```\n')
    (docs / "b.md").write_text("# B\n\nSee [that heading][the-heading].\n")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "t", "nav": ["a.md", "b.md"], "plugins": ["markdown-exec", "autorefs"],
        "markdown_extensions": ["toc", "pymdownx.superfences"], "hooks": [str(HOOKS / "page_cache.py")]}))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BACKPROP_PAGE_CACHE": str(tmp_path / "cache")}
    for run in ("cold", "warm"):
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / run)],
                              cwd=tmp_path, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert f"{int(run == 'warm')} from the cache" in proc.stderr + proc.stdout
        assert 'href="../a/#the-heading"' in (tmp_path / run / "b" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_page_whose_block_failed_under_quiet_is_not_kept(tmp_path):
    """``mkdocs build -q`` logs no warning at all (mkdocs issue #4126), so a block that failed, its traceback printed
    into the page, counts none; kept, the page would then come back from the cache in a later strict build, which
    would pass and publish the traceback."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text('# A\n\n```python exec="on"\nraise ValueError("not true of this example")\n```\n')
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "t", "nav": ["a.md"], "plugins": ["markdown-exec"],
        "markdown_extensions": ["pymdownx.superfences"], "hooks": [str(HOOKS / "page_cache.py")]}))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BACKPROP_PAGE_CACHE": str(tmp_path / "cache")}
    runs = {}
    for run, flags in (("quiet", ["-q"]), ("loud", [])):
        runs[run] = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *flags, "-d",
                                    str(tmp_path / run)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "not true of this example" in (tmp_path / "quiet" / "a" / "index.html").read_text(encoding="utf-8")
    loud = runs["loud"].stdout + runs["loud"].stderr
    assert runs["loud"].returncode != 0, loud
    assert "0 from the cache, 1 rendered" in loud and "not true of this example" in loud


@pytest.mark.slow
def test_a_cold_build_executes_and_a_warm_one_reuses(builds):
    cold, warm = builds["cold"], builds["warm"]
    assert executed(cold["log"]) == (1, 1)
    assert executed(warm["log"]) == (0, 0)
    assert "Cache hit" in warm["log"] and "Converting notebook" not in warm["log"]  # not even rendered again
    for page in ("notebook", "page"):
        assert article(warm[page]) == article(cold[page])


@pytest.mark.slow
def test_the_fonts_are_cut_once_and_the_cut_faces_reused(builds, fonts):
    cold, warm, uncached = builds["cold"], builds["warm"], builds["uncached"]
    n = len(fonts.FONTS)
    assert f"fonts: {n} cut, 0 from the cache" in cold["log"]
    assert f"fonts: 0 cut, {n} from the cache" in warm["log"]
    assert f"fonts: {n} cut, 0 from the cache" in uncached["log"]  # its own cache directory: cut afresh
    assert sorted(cold["fonts"]) == sorted(name for name, *_ in fonts.FONTS)
    assert warm["fonts"] == cold["fonts"] == uncached["fonts"]  # a face from the cache is the face cut afresh


@pytest.mark.slow
def test_another_example_executes_again_and_shows_its_numbers(builds):
    default, other = builds["cold"], builds["other"]
    assert executed(other["log"]) == (1, 1)
    ours, theirs = exercise_weights(oracle.load_example(OTHER_EXAMPLE)), exercise_weights(oracle.load_example())
    assert ours != theirs
    assert ours <= numbers(other["notebook"]) and not (theirs - ours) <= numbers(other["notebook"])
    assert theirs <= numbers(default["notebook"]) and not (ours - theirs) <= numbers(default["notebook"])
    # the rule page: the output error e of each example (the plain-math oracle), on its own page only
    e_other = f"{abs(oracle.iteration(oracle.load_example(OTHER_EXAMPLE))['e']):.6f}"
    e_default = f"{abs(oracle.iteration(oracle.load_example())['e']):.6f}"
    assert e_other != e_default
    shown, shown_default = {n.lstrip("-") for n in numbers(other["page"])}, {n.lstrip("-") for n in
                                                                          numbers(default["page"])}
    assert e_other in shown and e_other not in shown_default
    assert e_default in shown_default and e_default not in shown


@pytest.mark.slow
def test_going_back_to_the_first_example_reuses_its_outputs(builds):
    cold, back = builds["cold"], builds["back"]
    assert executed(back["log"]) == (0, 0)
    for page in ("notebook", "page"):
        assert article(back[page]) == article(cold[page])


@pytest.mark.slow
def test_the_cached_pages_are_the_pages_built_without_the_caches(builds):
    cold, warm, uncached = builds["cold"], builds["warm"], builds["uncached"]
    assert "Converting notebook (execute=True)" in uncached["log"]
    for page in ("notebook", "page"):
        assert article(uncached[page]) == article(cold[page]) == article(warm[page]), page
