"""How fast the site builds and rebuilds, and how heavy its pages are.

    .venv/bin/python -m benchmarks.bench_site            # or: make bench-site
    .venv/bin/python -m benchmarks.bench_site --repeat 3

Measures, on this machine, in this run:

1. a clean ``mkdocs build --strict`` of the whole site (the exercise notebooks are executed);
2. the same without notebooks: a temporary copy of mkdocs.yml without the mkdocs-jupyter plugin and
   without the Exercises section of the nav;
3. the rebuild of ``mkdocs serve``: start it on a free port, append a line to one page and time until
   the served page contains that line (``make serve``, which rebuilds the whole site, and for comparison
   ``--dirty --no-strict``, which rebuilds only the edited page);
4. the weight of the heaviest page: its HTML plus every CSS and JS file it loads, uncompressed
   (MathJax fonts and lazily loaded MathJax parts are not counted; they are fetched on demand).

Times are also given as a ratio to a baseline measured in the same run: the clean build of a
one-page site with the same theme and no plugins, so a slower machine moves both numbers.
Targets: clean build without notebooks <= 10 s, serve rebuild <= 5 s, a derivation page <= 2 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from benchmarks._common import is_notebook_entry
from tests.support.site import free_port

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGE_TO_EDIT = "forward-pass.md"  # edited in a temporary copy of docs/, never in the working tree
DERIVATION_PAGES = [
    "forward-pass", "activations", "useful-derivatives", "cost-function", "rule-output-weights",
    "rule-output-bias", "rule-hidden-weights", "rule-hidden-biases", "iteration-and-training",
]

TARGETS = {  # name -> (limit, unit)
    "clean build, no notebooks": (10.0, "s"),
    "serve rebuild after an edit": (5.0, "s"),
    "heaviest derivation page": (2.0, "MB"),
}


def config_without_notebooks(tmp: Path, docs_dir: Path | None = None, name: str = "mkdocs-no-notebooks.yml") -> Path:
    """Write a copy of mkdocs.yml without mkdocs-jupyter and the Exercises nav; return its path."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        cfg = yaml_load(fh)  # resolves !ENV the way mkdocs does
    cfg["plugins"] = [p for p in cfg.get("plugins", [])
                      if not (p == "mkdocs-jupyter" or (isinstance(p, dict) and "mkdocs-jupyter" in p))]
    cfg["nav"] = [e for e in cfg.get("nav", []) if not is_notebook_entry(e)]
    # Paths in a config are relative to the config file: make them absolute for the copy.
    cfg["docs_dir"] = str(docs_dir or ROOT / cfg.get("docs_dir", "docs"))
    cfg["hooks"] = [str(ROOT / h) for h in cfg.get("hooks", [])]
    if isinstance(cfg.get("theme"), dict) and "custom_dir" in cfg["theme"]:
        cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    # The notebook pages are not built, so nothing may link to them.
    cfg.setdefault("validation", {}).setdefault("links", {})["not_found"] = "info"
    cfg["exclude_docs"] = (cfg.get("exclude_docs") or "") + "\nexercises/*.py\n"
    path = tmp / name
    path.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return path


BUILD_TIMEOUT = 900  # seconds; a build that ends its work but never exits is reported, not waited for
CPU: dict[str, float] = {}  # CPU seconds of each measured build (its process and the processes it waited for)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float:
    """CPU seconds used so far by a running process (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def timed_build(config: Path | None, site_dir: Path) -> float:
    cmd = [*MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site_dir)]
    if config is not None:
        cmd += ["--config-file", str(config)]
    cpu0, start = children_cpu(), time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        sys.exit(f"build did not exit within {BUILD_TIMEOUT} s ({' '.join(cmd)}); its last output:\n{out[-2000:]}")
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu0
    if proc.returncode != 0:
        sys.exit(f"build failed ({' '.join(cmd)}):\n{proc.stdout}\n{proc.stderr}")
    CPU[str(site_dir.name)] = cpu
    return elapsed


def baseline_build(tmp: Path) -> float:
    """A one-page site with the same theme and nothing else: the machine's floor for a build."""
    proj = tmp / "baseline"
    (proj / "docs").mkdir(parents=True)
    (proj / "docs" / "index.md").write_text("# Baseline\n\nOne page.\n", encoding="utf-8")
    (proj / "mkdocs.yml").write_text("site_name: baseline\ntheme:\n  name: material\n  font: false\n",
                                     encoding="utf-8")
    cpu0, start = children_cpu(), time.perf_counter()
    subprocess.run([*MKDOCS, "build", "--strict", "-q", "-f", str(proj / "mkdocs.yml"),
                    "-d", str(proj / "site")], cwd=proj, env=ENV, check=True, capture_output=True)
    CPU["baseline"] = children_cpu() - cpu0
    return time.perf_counter() - start


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.read().decode("utf-8", "replace")
    except OSError:
        return None


def serve_rebuild(tmp: Path, timeout: float = 120.0, dirty: bool = False) -> float:
    """Seconds from saving an edit to ``mkdocs serve`` serving the edited page.

    Serves a temporary copy of docs/ (without notebooks), so the edit never touches the working tree.
    """
    docs = tmp / ("docs-copy-dirty" if dirty else "docs-copy")
    shutil.copytree(ROOT / "docs", docs)
    config = config_without_notebooks(tmp, docs_dir=docs, name=f"mkdocs-serve-{docs.name}.yml")
    port = free_port()
    page = docs / PAGE_TO_EDIT
    url = f"http://127.0.0.1:{port}/{Path(PAGE_TO_EDIT).stem}/"
    original = page.read_bytes()
    proc = subprocess.Popen([*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}",  # livereload also watches
                             "--config-file", str(config), *(["--dirty", "--no-strict"] if dirty else [])],
                            cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while fetch(url) is None:  # the first build
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"mkdocs serve did not start:\n{proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle
        deadline = time.monotonic() + timeout
        marker = f"bench-site-marker-{time.time_ns()}"
        cpu0, start = process_cpu(proc.pid), time.perf_counter()
        page.write_bytes(original + f"\n\n{marker}\n".encode())
        while True:
            body = fetch(url)
            if body is not None and marker in body:
                CPU["serve --dirty" if dirty else "serve"] = process_cpu(proc.pid) - cpu0
                return time.perf_counter() - start
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("mkdocs serve did not rebuild the edited page in time")
            time.sleep(0.05)
    finally:
        page.write_bytes(original)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or ""):
            self.urls.append(a["href"])


def page_weight(site: Path, page: Path) -> int:
    """Bytes of the page's HTML and of every local CSS/JS file it loads (CSS @imports included)."""
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    total, seen = page.stat().st_size, set()
    for url in parser.urls:
        url = url.split("?")[0].split("#")[0]
        if re.match(r"^[a-z]+:", url):
            continue
        path = (page.parent / url).resolve() if not url.startswith("/") else site / url.lstrip("/")
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        total += path.stat().st_size
    return total


def heaviest(site: Path, names: list[str] | None = None) -> tuple[str, int]:
    pages = sorted(site.rglob("*.html"))
    if names is not None:
        pages = [site / n / "index.html" for n in names if (site / n / "index.html").is_file()]
    weights = {str(p.relative_to(site).parent) or "/": page_weight(site, p) for p in pages}
    name = max(weights, key=weights.get)
    return name, weights[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement (median is reported)")
    parser.add_argument("--skip-full", action="store_true", help="skip the build with notebooks (slow)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmpname:
        tmp = Path(tmpname)
        no_nb = config_without_notebooks(tmp)
        base = statistics.median(baseline_build(tmp) for _ in range(args.repeat))
        light = statistics.median(timed_build(no_nb, tmp / "site-light") for _ in range(args.repeat))
        full = None
        if not args.skip_full:
            full = statistics.median(timed_build(None, tmp / "site-full") for _ in range(args.repeat))
        rebuild = serve_rebuild(tmp)
        rebuild_dirty = serve_rebuild(tmp, dirty=True)
        site = tmp / ("site-light" if full is None else "site-full")
        page, weight = heaviest(site)
        dpage, dweight = heaviest(site, DERIVATION_PAGES)
        shutil.rmtree(tmp / "baseline", ignore_errors=True)

    rows = [  # (what, value, unit, CPU seconds, target)
        ("baseline: one-page material site", base, "s", CPU.get("baseline"), None),
        ("clean build, whole site", full, "s", CPU.get("site-full"), None),
        ("clean build, no notebooks", light, "s", CPU.get("site-light"), TARGETS["clean build, no notebooks"][0]),
        ("serve rebuild after an edit", rebuild, "s", CPU.get("serve"), TARGETS["serve rebuild after an edit"][0]),
        ("serve --dirty --no-strict rebuild (edited page only)", rebuild_dirty, "s", CPU.get("serve --dirty"), None),
        (f"heaviest page ({page})", weight / 1e6, "MB", None, None),
        (f"heaviest derivation page ({dpage})", dweight / 1e6, "MB", None,
         TARGETS["heaviest derivation page"][0]),
    ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.1f}, Python {sys.version.split()[0]}, "
          f"median of {args.repeat} run(s); times are wall clock (CPU = CPU seconds of the mkdocs process)\n")
    print(f"{'measurement':<56} {'value':>10} {'x baseline':>10} {'CPU s':>7} {'target':>9}  result")
    failed = False
    for name, value, unit, cpu, limit in rows:
        if value is None:
            print(f"{name:<56} {'skipped':>10}")
            continue
        ratio = f"{value / base:.1f}x" if unit == "s" else ""
        cpu_text = f"{cpu:.2f}" if cpu is not None else ""
        target = f"<= {limit:g} {unit}" if limit is not None else ""
        verdict = "" if limit is None else ("PASS" if value <= limit else "FAIL")
        failed |= verdict == "FAIL"
        print(f"{name:<56} {value:>7.2f} {unit:<2} {ratio:>10} {cpu_text:>7} {target:>9}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
