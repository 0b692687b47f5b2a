"""What the exercise notebooks cost: build time per notebook, and the weight of a notebook page.

    .venv/bin/python -m benchmarks.bench_notebooks             # or: make bench-notebooks
    .venv/bin/python -m benchmarks.bench_notebooks --repeat 3

Measures, on this machine, in this run (nothing in the working tree is written):

1. **Build time added per notebook.** Two clean ``mkdocs build --strict`` of a temporary site made of
   the real mkdocs.yml (theme, hooks, plugins) with only the exercise section: once with the
   notebooks, once without them (mkdocs-jupyter removed, the .py files left out). The difference
   divided by the number of notebooks is what each notebook adds to a clean build.
   **Target: <= 3 s per notebook.**
   CPU seconds (user + system, the kernels included) are reported beside the wall-clock time: on a
   loaded machine the wall clock is inflated and the CPU time is the better estimate of an idle build.
2. **Baseline in the same run**: starting a Python kernel and executing one empty cell with nbclient,
   the floor of any executed notebook; the cost per notebook is also given as a ratio to it, so a
   loaded machine moves both numbers alike.
3. **Weight of each notebook page**: its HTML plus the CSS files it links, uncompressed, before
   MathJax (JavaScript and MathJax are not counted). **Target: <= 300 KB.** For comparison, the
   weight the same page would have with nbconvert's inline CSS that hooks/notebooks.py removes.

Timings are medians over ``--repeat`` runs. Prints PASS or FAIL per target, exits 1 on any FAIL.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from benchmarks._common import children_cpu, is_notebook_entry
from tests.support import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("BACKPROP_EXERCISES_STRICT", None)
NOTEBOOKS = sorted((ROOT / "docs" / "exercises").glob("[0-9][0-9]-*.py"))
PER_NOTEBOOK_TARGET_S = 3.0
PAGE_TARGET_KB = 300.0


def project(tmp: Path, with_notebooks: bool) -> Path:
    """A temporary docs/ and mkdocs.yml: the real configuration, only the exercise section."""
    name = "with" if with_notebooks else "without"
    docs = tmp / f"docs-{name}"
    (docs / "exercises").mkdir(parents=True)
    (docs / "index.md").write_text("# Exercises benchmark\n", encoding="utf-8")
    for sub in ("javascripts", "stylesheets"):
        shutil.copytree(ROOT / "docs" / sub, docs / sub)
    index = (ROOT / "docs" / "exercises" / "index.md").read_text(encoding="utf-8")
    if not with_notebooks:  # its table links the notebook pages
        index = re.sub(r"\]\([^)]*\.py\)", "]", index)
    (docs / "exercises" / "index.md").write_text(index, encoding="utf-8")
    if with_notebooks:
        for nb in NOTEBOOKS:
            shutil.copy2(nb, docs / "exercises" / nb.name)
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        cfg = yaml_load(fh)
    exercises = [e for e in cfg["nav"] if is_notebook_entry(e)]
    if not with_notebooks:
        exercises = [{"Exercises": ["exercises/index.md"]}]
        cfg["plugins"] = [p for p in cfg["plugins"]
                          if not (p == "mkdocs-jupyter" or (isinstance(p, dict) and "mkdocs-jupyter" in p))]
    cfg["nav"] = ["index.md", *exercises]
    cfg["docs_dir"] = str(docs)
    cfg["hooks"] = [str(ROOT / h) for h in cfg.get("hooks", [])]
    if isinstance(cfg.get("theme"), dict) and "custom_dir" in cfg["theme"]:
        cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    config = tmp / f"mkdocs-{name}.yml"
    config.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return config


def timed_build(config: Path, site: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one clean strict build."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(config), "-d", str(site)]
    # empty caches (hooks/notebook_cache.py, hooks/page_cache.py): every notebook and block runs, as in a clean build
    env = {**ENV, **{v: tempfile.mkdtemp(dir=site.parent) for v in ("BACKPROP_NOTEBOOK_CACHE", "BACKPROP_PAGE_CACHE")}}
    start, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu
    if proc.returncode != 0:
        sys.exit(f"build failed: {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return elapsed, cpu


def kernel_baseline() -> float:
    """Seconds to start a kernel, run an empty cell and shut it down (nbclient, as mkdocs-jupyter does)."""
    code = ("import nbformat, time; from nbclient import NotebookClient\n"
            "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('pass')])\n"
            "t = time.perf_counter(); NotebookClient(nb, kernel_name='python3').execute()\n"
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


class _Styles(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.css.append(a["href"])


def page_weight(page: Path) -> int:
    """Bytes of the page's HTML plus the local CSS files it links."""
    parser = _Styles()
    parser.feed(page.read_text(encoding="utf-8"))
    total = page.stat().st_size
    for href in dict.fromkeys(parser.css):
        if re.match(r"^[a-z]+:", href):
            continue
        path = (page.parent / href.split("?")[0]).resolve()
        if path.is_file():
            total += path.stat().st_size
    return total


def untrimmed_css_bytes() -> int:
    """What nbconvert inlines into every notebook page before hooks/notebooks.py removes it."""
    import mkdocs_jupyter

    assets = Path(mkdocs_jupyter.__file__).parent / "templates" / "mkdocs_html" / "assets"
    return sum((assets / n).stat().st_size for n in ("index.css", "theme-light.css", "clipboard.umd.js"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind (median reported)")
    args = parser.parse_args(argv)
    n = len(NOTEBOOKS)
    with tempfile.TemporaryDirectory(prefix="bench-notebooks-") as name:
        tmp = Path(name)
        with_cfg, without_cfg = project(tmp, True), project(tmp, False)
        kernel, with_nb, without_nb = [], [], []
        for _ in range(args.repeat):  # take turns, so a change of load hits all alike
            kernel.append(kernel_baseline())
            without_nb.append(timed_build(without_cfg, tmp / "site-without"))
            with_nb.append(timed_build(with_cfg, tmp / "site-with"))
        k = statistics.median(kernel)
        a, b = (statistics.median(t for t, _ in runs) for runs in (with_nb, without_nb))
        a_cpu, b_cpu = (statistics.median(c for _, c in runs) for runs in (with_nb, without_nb))
        per, per_cpu = (a - b) / n, (a_cpu - b_cpu) / n
        weights = {nb.stem: page_weight(tmp / "site-with" / "exercises" / nb.stem / "index.html") for nb in NOTEBOOKS}

    print(f"{n} notebooks, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs, repeat {args.repeat}")
    print(f"  baseline: start a kernel + run one empty cell   {k:7.2f} s")
    print(f"  clean build without the notebooks               {b:7.2f} s   (CPU {b_cpu:6.2f} s)")
    print(f"  clean build with the notebooks                  {a:7.2f} s   (CPU {a_cpu:6.2f} s)")
    print(f"  added per notebook                              {per:7.2f} s   (CPU {per_cpu:6.2f} s)"
          f"  = {per / k:.2f} x the kernel baseline")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print("  note: the machine is loaded; wall-clock times are inflated, CPU times are not")
    heaviest = max(weights, key=weights.get)
    kb = weights[heaviest] / 1024
    print("  page weight (HTML + CSS, before MathJax):")
    for stem, w in weights.items():
        print(f"    {stem:<28} {w / 1024:7.1f} KB")
    print(f"  nbconvert's inline CSS + JS that the hook removes from every page: "
          f"{untrimmed_css_bytes() / 1024:.0f} KB")
    ok = True
    for label, value, limit, unit in [("added per notebook", per, PER_NOTEBOOK_TARGET_S, "s"),
                                      (f"heaviest notebook page ({heaviest})", kb, PAGE_TARGET_KB, "KB")]:
        passed = value <= limit
        ok &= passed
        print(f"{'PASS' if passed else 'FAIL'}  {label}: {value:.2f} {unit} (target <= {limit:g} {unit})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
