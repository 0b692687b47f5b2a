"""What a reader feels, on every page, as ratios to each page's own floor, in headless Chromium.

    .venv/bin/python -m benchmarks.bench_browser          # or: make bench-browser
    .venv/bin/python -m benchmarks.bench_browser --loads 5 --only notation/ rule-hidden-weights/

In one run, on this machine:

1. builds the site as configured (``mkdocs build --strict``) and, for every page, its **floor**: the same HTML with
   the article emptied (material's header, navigation, stylesheets, fonts and scripts only), served the same way
   from the same paths (a second local server whose overlay holds the floors);
2. loads every page and its floor ``--loads`` times each (default 3), taking turns, each in a fresh browser context
   (cold cache, like a first visit), and takes the medians of
   - **painted**: from navigation start to the first frame Chromium drew from which the top of the article (its
     column, from under the header to half-way down the 1280 x 900 window: the title, the first paragraphs and their
     math) no longer changes until the theme's scripts run: the top of the page is drawn as it stays, in its own
     fonts (painted.py; a floor, whose article is empty, at its first frame with content). The frames are the
     screenshots Chromium's tracing takes of each frame it draws (``disabled-by-default-devtools.screenshot``);
     ``same_frame`` says what counts as a change. This is the screen itself, not a proxy: ``document.fonts.status``,
     which an earlier version waited for, stays "loading" until the whole document is parsed once any font has
     started loading (CSS Font Loading: "pending on the environment"), so it measured the end of the HTML parse, not
     the paint. What the scripts change (the header's search box, the table of contents' current entry, copy
     buttons, the current tab's underline, data tables' scrolling wrappers) is the **scripts** column's; a font still
     loading when they start is waited for;
   - **scripts**: ``domContentLoadedEventEnd``: material's bundle and ``extra_javascript`` are plain scripts at the
     end of ``<body>``, and material starts its components (search, palette, instant navigation) on that event;
3. on one load per page, after the scripts have run, scrolls to the bottom one screen per frame and reports the
   **longest task** (Long Tasks API; tasks under 50 ms are not reported by the browser, shown as ``<50``);
4. counts the **bytes up front**: every response the page received until its scripts ran and its math was painted,
   each counted as a static host sends it: HTML, CSS, JS, JSON, SVG and XML gzipped (level 6), fonts and images as
   they are. The search index and worker, which material fetches in the background once it runs, are counted apart.

Targets (issue 12), on the heaviest page (most formulas) and every other page alike: painted within 1.5x its floor,
scripts within 2x its floor, no task over 200 ms while scrolling, at most 150 KB gzipped up front. Prints a table and
PASS or FAIL (exit status 1 on FAIL), and writes the numbers into the "Browser" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks._common import write_readme_block
from benchmarks.painted import painted_ms, screenshots
from tests.support import ROOT
from tests.support.chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_env, find_chromium
from tests.support.page_list import site_pages
from tests.support.server import serve
from tests.support.site import free_port

TARGETS = {"painted": 1.5, "scripts": 2.0, "task_ms": 200, "kb": 150}
README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- bench_browser:begin -->", "<!-- bench_browser:end -->"
ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">).*?(</article>)', re.S)
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ""}
BACKGROUND = re.compile(r"/search/search_index\.json|/workers/search\.[^/]*\.js")

VIEWPORT = {"width": 1280, "height": 900}
# Chromium's tracing: a screenshot of every frame it draws, and the navigation's start to measure them from.
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.screenshot", "blink.user_timing"]
SETTLE_MS = 1000  # after the load event: time for late fonts and the theme's scripts to change what is on screen
# Installed before any script of the page, so its listener runs before the theme's: whether any web font was still
# loading when DOMContentLoaded started the theme's scripts (painted.py's painted_ms).
SCRIPTS_START_JS = """document.addEventListener('DOMContentLoaded', () => {
  window.__benchFontsLoading = [...document.fonts].some((f) => f.status === 'loading');
}, { capture: true });"""


SCROLL_JS = """async () => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  let last = -1;
  while (scrollY !== last) {
    last = scrollY;
    scrollBy(0, innerHeight);
    await frame(); await frame();
  }
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { longest: Math.max(0, ...tasks), tasks: tasks.length, height: document.documentElement.scrollHeight };
}"""


@dataclass
class Load:
    painted: float  # ms
    scripts: float  # ms
    up_front: int  # bytes as a static host sends them
    background: int
    formulas: int
    longest_task: float | None = None


@dataclass
class Page:
    path: str
    loads: list[Load] = field(default_factory=list)
    floor: list[Load] = field(default_factory=list)

    def median(self, which: str, attr: str) -> float:
        return statistics.median(getattr(x, attr) for x in getattr(self, which))


def build(site_dir: Path, port: int) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"mkdocs build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")


def write_floors(site_dir: Path, pages: list[str], overlay: Path) -> None:
    """Each page with its article emptied, at the same path in ``overlay``."""
    for path in pages:
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        target = overlay / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ARTICLE.sub(r"\1\2", html, count=1), encoding="utf-8")


class Sizes:
    """Bytes of a response as a static host sends it, from the file served (site, or the floors' overlay)."""

    def __init__(self, *roots: Path):
        self.roots, self.cache = roots, {}

    def __call__(self, url: str) -> int:
        path = urlsplit(url).path
        if path not in self.cache:
            rel = path.lstrip("/")
            file = next((r / rel / "index.html" if path.endswith("/") else r / rel for r in self.roots
                         if (r / rel / "index.html" if path.endswith("/") else r / rel).is_file()), None)
            data = file.read_bytes() if file else b""
            compress = file is not None and (file.suffix in COMPRESSED)
            self.cache[path] = len(gzip.compress(data, 6)) if compress else len(data)
        return self.cache[path]


def load(browser, url: str, sizes: Sizes, scroll: bool) -> Load:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    finished: list[str] = []
    page.on("requestfinished", lambda r: finished.append(r.url))
    page.add_init_script(SCRIPTS_START_JS)
    browser.start_tracing(page=page, screenshots=True, categories=TRACE_CATEGORIES)
    try:
        page.goto(url, wait_until="load", timeout=60_000)
        up_front = sum(sizes(u) for u in finished if not BACKGROUND.search(u))
        page.wait_for_timeout(SETTLE_MS)
    finally:
        trace = browser.stop_tracing()
    result = page.evaluate("""() => ({ scripts: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      start: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
      fontsLoading: window.__benchFontsLoading,
      formulas: document.querySelectorAll('article mjx-container').length })""")
    page.wait_for_load_state("networkidle")
    background = sum(sizes(u) for u in set(finished) if BACKGROUND.search(u))
    longest = page.evaluate(SCROLL_JS)["longest"] if scroll else None
    context.close()
    painted = painted_ms(screenshots(trace, url), result["start"], result["fontsLoading"])
    return Load(painted, result["scripts"], up_front, background, result["formulas"], longest)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=3, help="loads of each page and of its floor (median)")
    parser.add_argument("--only", nargs="*", help="these pages only (paths like notation/)")
    parser.add_argument("--site", type=Path, help="an already built site (its site_url's port is used)")
    parser.add_argument("--no-readme", action="store_true", help="do not write benchmarks/README.md")
    args = parser.parse_args(argv)

    executable = find_chromium()
    if executable is None:
        sys.exit(f"no Chromium found; {INSTALL_HINT}")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        site, port = args.site, free_port()
        if site is None:
            print("building the site ...", flush=True)
            site = tmp / "site"
            build(site, port)
        paths = args.only if args.only else site_pages(site)
        write_floors(site, paths, tmp / "floors")
        httpd, server = serve(site, port, tmp / "empty")
        floor_httpd, floor_server = serve(site, free_port(), tmp / "floors")
        sizes, floor_sizes = Sizes(site), Sizes(tmp / "floors", site)
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                                    env=chromium_env(tmp / "fontconfig"))  # the tests' fonts only
        results = {q: Page(q) for q in paths}
        try:
            for i in range(args.loads):
                for q in paths:
                    results[q].loads.append(load(browser, server.url + q, sizes, scroll=i == 0))
                    results[q].floor.append(load(browser, floor_server.url + q, floor_sizes, scroll=False))
                print(f"round {i + 1} of {args.loads} done", flush=True)
        finally:
            for h in (httpd, floor_httpd):
                h.shutdown()
                h.server_close()
        version = browser.version
        browser.close()

    rows = [("page", "formulas", "painted ms (floor)", "x floor", "scripts ms (floor)", "x floor",
             "longest task ms", "up front KB gz", "search KB gz")]
    failures = []
    ordered = sorted(results.values(), key=lambda r: -r.loads[0].formulas)
    heaviest = ordered[0].path
    for r in ordered:
        painted, painted_floor = r.median("loads", "painted"), r.median("floor", "painted")
        scripts, scripts_floor = r.median("loads", "scripts"), r.median("floor", "scripts")
        task = r.loads[0].longest_task
        kb = r.median("loads", "up_front") / 1000
        ratios = (painted / painted_floor, scripts / scripts_floor)
        for name, value, limit in (("painted", ratios[0], TARGETS["painted"]), ("scripts", ratios[1],
                                   TARGETS["scripts"]), ("longest task", task, TARGETS["task_ms"]),
                                   ("KB up front", kb, TARGETS["kb"])):
            if value > limit:
                failures.append(f"/{r.path}: {name} {value:.2f} > {limit}")
        mark = " (heaviest)" if r.path == heaviest else ""
        rows.append((f"/{r.path}{mark}", str(r.loads[0].formulas), f"{painted:.0f} ({painted_floor:.0f})",
                     f"{ratios[0]:.2f}x", f"{scripts:.0f} ({scripts_floor:.0f})", f"{ratios[1]:.2f}x",
                     f"{task:.0f}" if task >= 50 else "<50", f"{kb:.1f}",
                     f"{r.median('loads', 'background') / 1000:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    table = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    table.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    verdict = "PASS" if not failures else "FAIL"
    summary = [f"**{verdict}** (targets: painted <= {TARGETS['painted']}x and scripts <= {TARGETS['scripts']}x the "
               f"page's floor, no task over {TARGETS['task_ms']} ms while scrolling, <= {TARGETS['kb']} KB gzipped "
               f"up front; medians of {args.loads} loads)."]
    summary += [f"- {f}" for f in failures]
    load_avg = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    context = (f"Chromium {version} headless, 1280x900, {os.cpu_count()} cores, load average {load_avg}, "
               f"Python {platform.python_version()}, {datetime.date.today().isoformat()}.")
    print("\n".join(table))
    print("\n".join(summary))
    print(context)
    if not args.no_readme and not args.only:
        write_readme_block(README, BEGIN, END, "\n".join([context, "", *table, "", *summary]), "Browser")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
