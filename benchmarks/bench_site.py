"""What building and serving the site costs an author on this machine: ``make build`` and ``make serve`` as they are.

    .venv/bin/python -m benchmarks.bench_site            # or: make bench-site
    .venv/bin/python -m benchmarks.bench_site --no-readme

Everything runs in a copy of this checkout (every file but .git, the virtual environment, the caches and built
sites; the copy's ``.venv`` links to this one, and ``PYTHONPATH`` names the copy so that its ``backprop`` is the one
imported, by mkdocs and by the notebook kernels alike), so nothing here is edited. In that copy, on this machine:

1. ``make build`` with empty caches (a clean build, cold): every notebook and executed block runs;
2. ``make build`` again (a clean build, warm): the caches of hooks/notebook_cache.py and hooks/page_cache.py hold
   everything; 1 and 2 run ``--builds`` times (default 3), taking turns with the baseline, and the medians are
   reported (a cold build on this shared machine varies by several seconds from one run to the next);
3. ``make serve`` on a free port (``DEV_ADDR``), as an author starts it; once it serves the site, one word is added
   to a page (``PAGE``) and saved: seconds from the save until the served page holds the word (median of EDITS);
4. the same server, the worked example file replaced by another example of tests/examples/ and saved: seconds from
   the save until the served page and an exercise page show that example's numbers (the notebooks and every page
   with executed blocks run again);
5. the weight of the heaviest page of the warm build: its HTML plus every CSS and JS file it loads, uncompressed
   (page_weight.py).

A one-page material site built in the same run is the baseline: times are also given as a ratio to it, so a slower
or busier machine moves both. CPU seconds are the build's (and its kernels'). The results go to the site section of
benchmarks/README.md (``--no-readme``: printed only). Exit status 1 on FAIL.

Targets (issue 14): a cold clean build <= 20 s, a served page edit <= 3 s, a served example edit <= the cold clean
build of the same run, a derivation page <= 2 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks._common import children_cpu, write_readme_block
from benchmarks.page_weight import heaviest
from tests.support import ROOT, oracle, site
from tests.support.site import free_port

README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- bench_site:begin -->", "<!-- bench_site:end -->"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The copy's own .cache/: a BACKPROP_*_CACHE of the caller's environment would make its "cold" build warm.
ENV = {**{k: v for k, v in os.environ.items() if not (k.startswith("BACKPROP_") and k.endswith("_CACHE"))},
       "NO_MKDOCS_2_WARNING": "1"}
PAGE = "forward-pass.md"  # the page edited under make serve (in the copy)
EXERCISE = "exercises/01-forward-pass"  # the exercise page that must show the new example
DERIVATION_PAGES = [
    "forward-pass", "activations", "useful-derivatives", "cost-function", "rule-output-weights",
    "rule-output-bias", "rule-hidden-weights", "rule-hidden-biases", "iteration-and-training",
]
EDITS = 3  # one-word page edits in a row; the median is reported
TIMEOUT = 900  # seconds; a build or a rebuild that takes longer is reported as a failure of the run


# --- measuring -------------------------------------------------------------------------------------------------


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and its living descendants (Linux /proc; NaN elsewhere)."""
    try:
        total, todo = 0.0, [pid]
        while todo:
            p = todo.pop()
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{p}/task").iterdir():
                children = task / "children"
                if children.exists():
                    todo += [int(c) for c in children.read_text().split()]
        return total
    except (OSError, ValueError, IndexError):
        return float("nan")


def copy_checkout(dst: Path) -> Path:
    site.copy_checkout(dst)
    (dst / ".venv").symlink_to(ROOT / ".venv")  # the copy's make uses this checkout's environment
    return dst


def make(copy: Path, *args: str) -> list[str]:
    """``make ARGS`` in the copy, without remaking the virtual environment (it is this checkout's)."""
    return ["make", "--no-print-directory", "-C", str(copy), "-o", ".venv/.installed-stamp", *args]


def env_for(copy: Path, port: int) -> dict[str, str]:
    return {**ENV, "PYTHONPATH": str(copy), "SITE_URL": f"http://127.0.0.1:{port}/"}


def timed_build(copy: Path) -> tuple[float, float, str]:
    """``make build`` in the copy: (wall seconds, CPU seconds, log)."""
    cpu0, start = children_cpu(), time.perf_counter()
    proc = subprocess.run(make(copy, "build"), env=env_for(copy, 8000), capture_output=True, text=True,
                          timeout=TIMEOUT)
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu0
    if proc.returncode != 0:
        sys.exit(f"make build failed in {copy}:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return elapsed, cpu, proc.stdout + proc.stderr


def baseline_build(tmp: Path) -> tuple[float, float]:
    """A one-page site with the same theme and nothing else: the machine's floor for a build."""
    proj = tmp / "baseline"
    (proj / "docs").mkdir(parents=True)
    (proj / "docs" / "index.md").write_text("# Baseline\n\nOne page.\n", encoding="utf-8")
    (proj / "mkdocs.yml").write_text("site_name: baseline\ntheme:\n  name: material\n  font: false\n",
                                     encoding="utf-8")
    cpu0, start = children_cpu(), time.perf_counter()
    subprocess.run([*MKDOCS, "build", "--strict", "-q", "-f", str(proj / "mkdocs.yml"),
                    "-d", str(proj / "site")], cwd=proj, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu0


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.read().decode("utf-8", "replace")
    except OSError:
        return None


class Server:
    """``make serve`` in the copy, on a free port, in its own process group (stopped by its id)."""

    def __init__(self, copy: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = copy.parent / "serve.log"
        self.proc = subprocess.Popen(make(copy, "serve", f"DEV_ADDR=127.0.0.1:{self.port}"),
                                     env=env_for(copy, self.port), stdout=self.log.open("w"),
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def page(self, uri: str) -> str | None:
        return fetch(self.url + uri.removesuffix(".md").removesuffix("index") + ("/" if uri != "index.md" else ""))

    def wait(self, done, what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not done():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                sys.exit(f"make serve: {what} did not happen in time; its log:\n{self.log.read_text()[-4000:]}")
            time.sleep(0.05)

    def timed(self, save, done, what: str) -> tuple[float, float]:
        """Seconds (and CPU seconds of the server and its kernels) from ``save()`` until ``done()``."""
        time.sleep(1.0)  # the watcher settled after the last build
        cpu0, start = tree_cpu(self.proc.pid), time.perf_counter()
        save()
        self.wait(done, what)
        return time.perf_counter() - start, tree_cpu(self.proc.pid) - cpu0

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # the process group this class started
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def example_numbers(path: Path) -> tuple[str, str]:
    """What the pages show of an example, computed with the plain-math oracle: y on PAGE, and the y of its practice
    network (where it has none, the package file's, as the loader gives it) that EXERCISE works out, both with six
    decimals. (The exercise prints its weights as given, 0.35, so its weights cannot tell the examples apart.)"""
    ex = oracle.load_example(path)
    return f"{oracle.iteration(ex)['y']:.6f}", f"{oracle.iteration(oracle.practice_of(ex))['y']:.6f}"


def text(html: str | None) -> str:
    return re.sub(r"<[^>]+>", " ", html or "")


def serve_edits(copy: Path) -> dict[str, tuple[float, float]]:
    """Under ``make serve``: a one-word page edit, then an example edit. Seconds and CPU seconds of each."""
    server, out = Server(copy), {}
    try:
        server.wait(lambda: server.page(PAGE) is not None, "the first build")
        page, runs = copy / "docs" / PAGE, []
        for _ in range(EDITS):
            word = f"benchsite{time.time_ns()}"
            runs.append(server.timed(lambda w=word: page.write_text(page.read_text(encoding="utf-8") + f"\n\n{w}\n",
                                                                    encoding="utf-8"),
                                     lambda w=word: w in (server.page(PAGE) or ""), "the page edit"))
        out["page"] = (statistics.median(t for t, _ in runs), statistics.median(c for _, c in runs))
        example = copy / "backprop" / "example.json"
        current = oracle.load_example(example)
        other = next(p for p in oracle.other_examples() if oracle.load_example(p) != current)
        y, y_practice = example_numbers(other)
        now = example_numbers(example)
        assert y != now[0] and y_practice != now[1], (other, example)

        def shows_other() -> bool:
            return y in text(server.page(PAGE)) and y_practice in text(server.page(EXERCISE))

        out["example"] = server.timed(lambda: shutil.copyfile(other, example), shows_other, "the example edit")
    finally:
        server.stop()
    return out


# --- report ----------------------------------------------------------------------------------------------------


def cache_counts(log: str) -> str:
    """What a build took from the caches, from its log lines."""
    nb = re.search(r"notebooks: (\d+) from the cache, (\d+) to execute", log)
    pg = re.search(r"pages with executed blocks: (\d+) from the cache, (\d+) rendered", log)
    parts = []
    if nb:
        parts.append(f"notebooks {nb[1]} cached / {nb[2]} run")
    if pg:
        parts.append(f"exec pages {pg[1]} cached / {pg[2]} run")
    return ", ".join(parts)


def median_run(runs: list[tuple]) -> tuple:
    """The run of median wall-clock time (the first of the two middle ones for an even count)."""
    return sorted(runs, key=lambda run: run[0])[(len(runs) - 1) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-readme", action="store_true", help="print the results only")
    parser.add_argument("--builds", type=int, default=3, metavar="N",
                        help="cold and warm builds (and baselines), taking turns; the medians are reported")
    args = parser.parse_args(argv)
    if args.builds < 1:
        parser.error("--builds must be at least 1")

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmpname:
        tmp = Path(tmpname)
        copy = copy_checkout(tmp / "checkout")
        runs = {"base": [], "cold": [], "warm": []}
        for _ in range(args.builds):
            shutil.rmtree(tmp / "baseline", ignore_errors=True)
            runs["base"].append(baseline_build(tmp))
            shutil.rmtree(copy / ".cache", ignore_errors=True)  # every cache empty: a clean build, cold
            runs["cold"].append(timed_build(copy))
            runs["warm"].append(timed_build(copy))
        (base, base_cpu), (cold, cold_cpu, cold_log), (warm, warm_cpu, warm_log) = (
            median_run(runs[k]) for k in ("base", "cold", "warm"))
        page, dweight = heaviest(copy / "site", DERIVATION_PAGES)
        any_page, weight = heaviest(copy / "site")
        edits = serve_edits(copy)
    load_after = os.getloadavg()[0]

    rows = [  # (measurement, value, CPU seconds, limit, note); unit: s, or MB where the CPU is None
        ("baseline: one-page material site, clean build", base, base_cpu, None, ""),
        ("`make build`, cold caches (clean build)", cold, cold_cpu, 20.0, cache_counts(cold_log)),
        ("`make build`, warm caches", warm, warm_cpu, None, cache_counts(warm_log)),
        (f"`make serve`: save a one-word edit of {PAGE} -> served", *edits["page"], 3.0,
         f"the page shows the word; median of {EDITS}"),
        ("`make serve`: save another example file -> served", *edits["example"], cold,
         "the page and an exercise show its numbers; target: the cold build"),
        (f"heaviest page ({any_page})", weight / 1e6, None, None, "HTML + CSS + JS, uncompressed"),
        (f"heaviest derivation page ({page})", dweight / 1e6, None, 2.0, ""),
    ]
    context = (f"{os.cpu_count()} CPUs (shared), load average {load_before:.1f} before and {load_after:.1f} after, "
               f"Python {sys.version.split()[0]}; wall-clock times, CPU = CPU seconds of the build and its kernels; "
               f"builds: the median of {args.builds} (cold: " + ", ".join(f"{r[0]:.1f}" for r in runs["cold"])
               + " s)")
    table = ["| measurement | value | x baseline | CPU | target | result | note |", "|---|---:|---:|---:|---|---|---|"]
    failed = False
    for name, value, cpu, limit, note in rows:
        unit = "MB" if name.startswith("heaviest") else "s"
        ratio = f"{value / base:.1f}x" if unit == "s" else ""
        cpu_text = f"{cpu:.2f} s" if cpu is not None else ""
        target = f"<= {limit:.3g} {unit}" if limit is not None else ""
        verdict = "" if limit is None else ("PASS" if value <= limit else "FAIL")
        failed |= verdict == "FAIL"
        table.append(f"| {name} | {value:.2f} {unit} | {ratio} | {cpu_text} | {target} | {verdict} | {note} |")
    numbers = "\n".join([f"Latest run ({time.strftime('%Y-%m-%d')}): {context}.", "", *table])
    print(numbers)
    if not args.no_readme:
        write_readme_block(README, BEGIN, END, numbers, "Site")
        print(f"\nwritten to {README.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
