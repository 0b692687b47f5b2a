"""The site serves the package it was built with, and a downloaded notebook installs it from there.

The slow test serves the built site on 127.0.0.1, downloads an exercise notebook from it and runs it with
nbclient in a fresh virtual environment that has Jupyter's kernel and numpy but not ``backprop``: the
notebook's first cell installs the wheel from the site, every cell runs, and ``check`` says Right to the
right answer.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import re
import subprocess
import sys
import threading
import tomllib
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.site import unix_socket_kernels


def wheel_of(site: Path) -> Path:
    wheels = sorted((site / "packages").glob("backprop-*.whl"))
    assert len(wheels) == 1, f"expected one wheel under packages/, found {wheels}"
    return wheels[0]


@pytest.mark.slow
def test_the_wheel_holds_the_package_and_the_example_the_site_was_built_with(site_build):
    wheel = wheel_of(site_build.dir)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for module in sorted((ROOT / "backprop").glob("*.py")):  # the exact code that printed the numbers
            assert zf.read(f"backprop/{module.name}") == module.read_bytes(), module.name
        from backprop import examples

        assert json.loads(zf.read("backprop/example.json")) == json.loads(examples.current_file().read_text())
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    requires = re.findall(r"^Requires-Dist: (.+)$", metadata, flags=re.M)
    assert [r for r in requires if "extra ==" not in r] == ["numpy>=1.24"], requires  # numpy alone
    version = re.search(r"^Version: (.+)$", metadata, flags=re.M).group(1)
    with open(ROOT / "pyproject.toml", "rb") as fh:
        assert version == tomllib.load(fh)["project"]["version"]
    assert wheel.name == f"backprop-{version}-py3-none-any.whl"  # the same address for every deploy of a version
    footer = (site_build.dir / "index.html").read_text(encoding="utf-8")
    assert f"backprop {version}" in footer and f'href="{site_build.url}packages/{wheel.name}"' in footer
    commit = subprocess.run(["git", "rev-parse", "--short=7", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if commit.returncode == 0:
        assert f"commit {commit.stdout.strip()}" in footer


@pytest.mark.slow
def test_every_downloaded_notebook_installs_the_package_first(site_build):
    notebooks = sorted(site_build.dir.glob("exercises/*/*.ipynb"))
    assert notebooks, "no notebook was built"
    url = f"{site_build.url}packages/{wheel_of(site_build.dir).name}"
    for path in notebooks:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        first = next(c for c in cells if c["cell_type"] == "code")
        assert url in "".join(first["source"]), path.name
        page = (path.parent / "index.html").read_text(encoding="utf-8")
        assert "find_spec" not in page, f"{path.parent.name}: the install cell shows on the site's page"


def _serve(site: Path, port: int):
    """Serve ``site`` on ``port``; None when the port is taken (the browser suite serves the same build there)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    try:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError:
        return None
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.mark.slow
def test_a_downloaded_notebook_runs_in_a_fresh_environment(site_build, tmp_path, monkeypatch):
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    httpd = _serve(site_build.dir, site_build.port)
    try:
        venv = tmp_path / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        pins = [line for line in (ROOT / "constraints.txt").read_text().splitlines()
                if re.match(r"(ipykernel|numpy)==", line)]
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                        *pins], check=True, timeout=600, capture_output=True)
        # (in tmp_path: in the repository, the folder backprop/ itself would be found)
        missing = subprocess.run([str(python), "-c", "import backprop"], capture_output=True, cwd=tmp_path)
        assert missing.returncode != 0, "the fresh environment must not have backprop"
        kernels = tmp_path / "jupyter" / "kernels" / "fresh"
        kernels.mkdir(parents=True)
        (kernels / "kernel.json").write_text(json.dumps({
            "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "fresh venv", "language": "python"}))
        monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
        # exercise 13 too: its loss curve is the one cell that would need more than numpy (matplotlib), and it stopped
        # "Run All" there until it said so instead (a student's review)
        for name in ("13-training", "04-output-weights"):
            with urllib.request.urlopen(f"{site_build.url}exercises/{name}/{name}.ipynb", timeout=30) as resp:
                nb = nbformat.reads(resp.read().decode(), as_version=4)
            exercise = re.search(r'check\("([\w-]+)"', "".join(c.source for c in nb.cells)).group(1)
            nb.cells.append(nbformat.v4.new_code_cell(
                "from backprop.exercises import check, get\n"
                f"print(check({exercise!r}, get({exercise!r}).right))"))
            with unix_socket_kernels() as config:
                nbclient.NotebookClient(nb, kernel_name="fresh", timeout=600, config=config,
                                        resources={"metadata": {"path": str(tmp_path)}}).execute()  # in tmp_path
            printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
            assert printed.startswith("Right"), (name, printed)
            shown = [o.get("data", {}).get("text/html", "") for c in nb.cells if "loss_curve(" in c.source
                     for o in c.get("outputs", [])]
            assert name != "13-training" or any("The loss curve needs matplotlib" in h for h in shown), shown
        where = "import backprop, os; print(os.path.dirname(backprop.__file__))"
        installed = subprocess.run([str(python), "-c", where], capture_output=True, text=True, cwd=tmp_path)
        assert str(venv) in installed.stdout, installed.stderr  # from the site's wheel, not from this repository
        # An instructor changes the example and rebuilds: the wheel keeps its version and address, and a student's
        # installed package kept the old example. The install cell compares the example installed with the site's
        # (the start of the SHA-256 of the wheel's example.json, computed here from the served wheel) and reinstalls.
        (wheel,) = (site_build.dir / "packages").glob("*.whl")
        with zipfile.ZipFile(wheel) as whl:
            site_example = whl.read("backprop/example.json")
        cell = next(c.source for c in nb.cells if "install" in c.get("metadata", {}).get("tags", []))
        assert f'SITE_EXAMPLE = "{hashlib.sha256(site_example).hexdigest()[:16]}"' in cell
        example = Path(installed.stdout.strip()) / "example.json"
        assert example.read_bytes() == site_example
        example.write_bytes(site_example.replace(b'"eta"', b'"eta" ', 1))  # as built with another example file
        rerun = subprocess.run([str(python), "-c", cell], capture_output=True, text=True, cwd=tmp_path, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert example.read_bytes() == site_example  # reinstalled from the site
    finally:
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()


def copyable(page: str) -> bool:
    """Whether a page shows Python a reader can copy: a plain ```python block, or an executed one with its source."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return bool(re.search(r"^\s*```python\s*$|^\s*```python .*source=", text, flags=re.M))


def derivation_pages() -> list[str]:
    """The pages of the nav's "The derivation" section that show Python a reader can copy (the live page computes
    in the browser and needs no package), e.g. ``rule-output-weights.md``."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    section = next(entry["The derivation"] for entry in nav if isinstance(entry, dict) and "The derivation" in entry)
    return [page for page in (next(iter(item.values())) for item in section) if copyable(page)]


@pytest.mark.slow
def test_the_install_line_is_where_a_reader_first_needs_the_package(site_build):
    line = f"pip install {site_build.url}packages/{wheel_of(site_build.dir).name}"
    pages = ["index.md", "exercises/index.md", *derivation_pages()]
    assert len(pages) >= 9
    for page in pages:
        html_file = site_build.dir / ("index.html" if page == "index.md" else page.removesuffix(".md")
                                      .removesuffix("/index") + "/index.html")
        text = html_file.read_text(encoding="utf-8")
        assert line in text, f"{page}: no install line {line!r}"
        assert "[[install-backprop" not in text, f"{page}: a placeholder was left"


def test_the_wheel_is_cached_where_BACKPROP_WHEEL_CACHE_says(tmp_path, monkeypatch):
    """A build into /tmp (a reviewer's, the benchmarks') keeps its wheel out of the repository's ``.cache/`` when
    ``$BACKPROP_WHEEL_CACHE`` names a directory, as the other caches' variables do, and the variable is not an input
    of the cached pages (it says where, not what)."""
    from types import SimpleNamespace

    from tests.support.hooks import load_hook

    cache = tmp_path / "wheels"
    monkeypatch.setenv("BACKPROP_WHEEL_CACHE", str(cache))
    package = load_hook("package")
    config = SimpleNamespace(site_url="http://127.0.0.1:1/", extra={}, copyright=None)
    package.on_config(config)
    package.on_env(None, config, None)  # waits for the wheel and prunes the cache
    wheel = cache / package._wheel["file"].parent.name / package._wheel["file"].name
    assert wheel.is_file() and zipfile.is_zipfile(wheel), sorted(cache.rglob("*"))
    assert package._wheel["file"] == wheel
    assert "BACKPROP_WHEEL_CACHE" in load_hook("cache_inputs").CACHE_ENVS


def test_the_wheel_of_an_example_without_practice_holds_the_practice_the_site_used(tmp_path):
    """A reviewer's find: an example file without a "practice" entry (the loader gives it the package's) went into
    the wheel as it was, and the installed package refused its own example.json (the package's file must hold the
    practice example), so every page's install line gave a package whose first import failed. The wheel's file now
    holds the file's network and the package's practice example, and the package loads it."""
    from backprop import examples
    from tests.support.hooks import load_hook

    package_file = json.loads(examples.DEFAULT_FILE.read_text())
    mine = {key: value for key, value in package_file.items() if key != "practice"}
    mine["eta"] = 0.25  # not the package's own example
    source = tmp_path / "mine.json"
    source.write_text(json.dumps(mine))
    packaged = dict(load_hook("package")._inputs(source))["backprop/example.json"]
    installed = tmp_path / "example.json"
    installed.write_bytes(packaged)
    loaded = examples.load(installed)  # as the installed package reads its own file
    assert loaded.eta == 0.25 and {k: v for k, v in json.loads(packaged).items() if k != "practice"} == mine
    assert json.loads(packaged)["practice"] == package_file["practice"]
    with_practice = tmp_path / "with.json"
    with_practice.write_text(json.dumps({**mine, "practice": package_file["practice"]}))
    assert dict(load_hook("package")._inputs(with_practice))["backprop/example.json"] == with_practice.read_bytes()
