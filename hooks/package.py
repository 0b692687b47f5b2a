"""The site serves the package it was built with, and says how to install it in one line.

* Every build makes a wheel of ``backprop`` from this source tree (the code that printed the site's numbers),
  with the worked example the site was built with as its ``backprop/example.json`` (``$BACKPROP_EXAMPLE`` too),
  and serves it at ``packages/backprop-<version>-py3-none-any.whl``: an address that stays the same from one
  deploy to the next while the version does, so the install cell of a notebook downloaded last week still
  works. The footer names the version and the commit it was built from, when git knows it. If the wheel
  cannot be built, the build fails.
* The wheel is built with ``pip wheel --no-build-isolation --no-index``: no network, the setuptools of the
  build's own environment, in the background while the pages render. It is cached under ``.cache/wheel/``
  (``$BACKPROP_WHEEL_CACHE`` names another directory) by a hash of what goes into it, so a rebuild of
  ``mkdocs serve`` that changed no code reuses it.
* ``config.extra.package`` holds ``version``, ``commit``, ``path`` (relative to the site) and ``url``
  (``site_url`` + path); the footer names the version, and ``[[install-backprop]]`` or
  ``[[install-backprop-tip]]`` in a page become the install line (a box, or a short collapsed tip).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cache_inputs  # hooks/cache_inputs.py: mkdocs loads a hook with its folder on sys.path
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
CACHE_ENV = "BACKPROP_WHEEL_CACHE"  # where the wheels are kept (cache_inputs.cache_dir)
SOURCES = ("pyproject.toml", "README.md")
KEEP = 20  # wheels kept (the most recently used): a few examples and package versions
INSTALL_BOX = "[[install-backprop]]"
INSTALL_TIP = "[[install-backprop-tip]]"

_wheel: dict[str, object] = {}


def _commit() -> str | None:
    try:
        proc = subprocess.run(["git", "rev-parse", "--short=7", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() if proc.returncode == 0 and proc.stdout.strip() else None


def _example_file() -> Path:
    from backprop import examples  # hooks/example.py has made it read the example afresh

    return examples.current_file()


def _inputs(example: Path) -> list[tuple[str, bytes]]:
    """Every file that goes into the wheel, with its content: the package, its metadata, the example."""
    files = [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in sorted((ROOT / "backprop").rglob("*.py"))
             if "__pycache__" not in p.parts]  # subpackages too (backprop.exercises)
    files += [(name, (ROOT / name).read_bytes()) for name in SOURCES]
    files.append(("backprop/example.json", _packaged_example(example)))
    return files


def _packaged_example(example: Path) -> bytes:
    """The example file as the wheel holds it, as its ``backprop/example.json``: the file itself, or, for a file without
    a ``"practice"`` entry (which falls back on the package's), the file with the package's practice example added,
    since the package's own file must hold it (``backprop.examples.load``)."""
    from backprop.examples import DEFAULT_FILE, PRACTICE_KEY

    data = example.read_bytes()
    example_json = json.loads(data)
    if PRACTICE_KEY in example_json:
        return data
    package_json = json.loads(DEFAULT_FILE.read_bytes())
    return (json.dumps({**example_json, PRACTICE_KEY: package_json[PRACTICE_KEY]}, indent=2) + "\n").encode()


def wheel_name(version: str) -> str:
    """The file name pip gives the wheel of this pure-Python package, the version normalised as pip writes it
    (``0.1.0-beta`` -> ``0.1.0b0``); checked once the wheel is built."""
    from packaging.version import Version  # PyPI: packaging (pip's and setuptools' version rules)

    return f"backprop-{Version(version)}-py3-none-any.whl"


def build_wheel(files: list[tuple[str, bytes]], out: Path) -> Path:
    """Build the wheel of ``files`` (``_inputs``) and put it in place as ``out`` (``<cache>/<key>/<wheel_name>``)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        for name, data in files:
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_bytes(data)
        dist = Path(tmp) / "dist"
        proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                               "--no-index", "--wheel-dir", str(dist), str(src)],
                              capture_output=True, text=True, timeout=300)
        wheels = sorted(dist.glob("backprop-*.whl"))
        if proc.returncode != 0 or len(wheels) != 1:
            raise PluginError(f"cannot build the backprop wheel the site serves:\n{proc.stdout}{proc.stderr}")
        if wheels[0].name != out.name:
            raise PluginError(f"pip named the wheel {wheels[0].name}, not {out.name} (hooks/package.py: wheel_name)")
        # Put in place with one rename, so two builds at once (the test suite's workers) never see half a wheel; if
        # the other one got there first, its wheel of the same files is used.
        cache = out.parent.parent
        cache.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(dir=cache, prefix=f".{out.parent.name}-"))
        shutil.copy2(wheels[0], staged)
        if out.parent.exists() and not out.exists():
            shutil.rmtree(out.parent, ignore_errors=True)  # left by an interrupted build of an older version of here
        try:
            staged.rename(out.parent)
        except OSError:
            shutil.rmtree(staged, ignore_errors=True)
    return out


def on_config(config, **kwargs):
    with open(ROOT / "pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    commit = _commit()
    files = _inputs(_example_file())
    key = hashlib.sha256(b"".join(name.encode() + b"\0" + data for name, data in files)).hexdigest()[:16]
    wheel = cache_inputs.cache_dir(CACHE_ENV, "wheel") / key / wheel_name(version)
    # Not in the cache: pip builds it in the background (a few seconds) while mkdocs renders the pages; the file is
    # needed only when mkdocs copies the site's files (on_env waits for it).
    job = None
    try:
        os.utime(wheel.parent)  # used: a build pruning the cache at the same time keeps it
    except FileNotFoundError:
        builder = ThreadPoolExecutor(1, thread_name_prefix="wheel")
        job = builder.submit(build_wheel, files, wheel)
        builder.shutdown(wait=False)  # its thread ends with the job
    path = f"packages/{wheel.name}"
    url = (config.site_url or "/") + path
    _wheel.update(file=wheel, files=files, path=path, job=job)
    example = hashlib.sha256(dict(files)["backprop/example.json"]).hexdigest()[:16]  # the notebooks' install cell
    config.extra["package"] = {"version": version, "commit": commit, "path": path, "url": url, "example": example}
    built = f"backprop {version}" + (f", commit {commit}" if commit else "")
    config.copyright = f'Numbers computed by <a href="{url}">{built}</a>, which this site serves.'
    return config


def on_files(files, config, **kwargs):
    files.append(File.generated(config, _wheel["path"], abs_src_path=str(_wheel["file"])))
    return files


def on_env(env, config, files, **kwargs):
    job = _wheel.pop("job", None)
    if job is not None:
        job.result()  # raises the build's PluginError
    elif not _wheel["file"].exists():  # removed since on_config (the cache deleted by hand)
        build_wheel(_wheel["files"], _wheel["file"])
    cache = _wheel["file"].parent.parent
    cache_inputs.prune([p for p in cache.iterdir() if not p.name.startswith(".")], KEEP)
    return env


def on_build_error(error, **kwargs):
    _wheel.pop("job", None)  # its result is not needed; the pip run ends on its own


def install_markdown(url: str, tip: bool) -> str:
    """The install line as Markdown: a tip box, or a short collapsed tip."""
    lines = [
        "```sh",
        f"pip install {url}",
        "```",
        "",
        f"In Jupyter or Colab, run `%pip install {url}` in a cell. It needs numpy only, and this site reachable.",
    ]
    body = "\n".join(f"    {ln}" if ln else "" for ln in lines)
    if tip:
        return f'??? tip "Run this page\'s code yourself: one install line"\n{body}\n'
    return f'!!! tip "Install the package: one line"\n{body}\n'


def on_page_markdown(markdown, page, config, **kwargs):
    url = config.extra["package"]["url"]
    markdown = markdown.replace(INSTALL_BOX, install_markdown(url, tip=False))
    return markdown.replace(INSTALL_TIP, install_markdown(url, tip=True))
