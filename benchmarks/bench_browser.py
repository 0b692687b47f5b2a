"""How long readers wait for the math: time until every formula is typeset and painted, in headless Chromium.

    .venv/bin/python benchmarks/bench_browser.py          # or: make bench-browser
    .venv/bin/python benchmarks/bench_browser.py --loads 9 --no-baseline

In this run, on this machine:

1. builds the site as configured (``mkdocs build --strict``; with ``extra.mathjax.prerender`` the math is
   typeset at build time) and, as the **baseline**, the same site with ``MATHJAX_PRERENDER=0``: client-side
   MathJax 3 CHTML, the set-up of the issue;
2. serves each build on 127.0.0.1 and loads every page once in headless Chromium (a fresh browser context per
   load: cold cache, like a first visit). The time of a load runs from navigation start (``performance.timeOrigin``)
   until the page is parsed (so every formula is in it), ``window.mathjaxTypeset`` has resolved, the web fonts are
   loaded (``document.fonts.ready``) and two animation frames have passed (so the typeset math has been painted),
   read with ``performance.now()``. Also reported: when the theme's scripts have run (``window.siteScripts``,
   overrides/main.html starts them after the first paint): from then on search, the palette toggle and instant
   navigation work;
3. on the heaviest page (most formulas) takes the median of ``--loads`` loads (default 5), with the bytes
   transferred (Chrome's ``encodedDataLength``, headers included, as served uncompressed by http.server) and the
   number of requests until the math is painted; any other page over the target is re-measured the same way.

Reported against the issue's figures (client-side MathJax 3 CHTML on a page of 330 equations: about 6 s until
painted, 1.66 MB over 18 requests) and as a ratio to the baseline build measured in the same run.
**Target: no page takes more than 2 s to have all its math painted.** Prints PASS or FAIL (exit status 1 on FAIL)
and writes the numbers into the "Browser" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _common import PAINTED_JS, free_port, write_readme_block  # benchmarks/_common.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browser_checks import CHROMIUM_ARGS, INSTALL_HINT, find_chromium, serve, site_pages  # noqa: E402

TARGET_S = 2.0
ISSUE = {"equations": 330, "painted_s": 6.0, "bytes": 1.66e6, "requests": 18}
README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- bench_browser:begin -->", "<!-- bench_browser:end -->"


@dataclass
class Load:
    seconds: float
    bytes: int
    requests: int
    formulas: int
    untypeset: int
    scripts: float  # seconds until the theme's scripts have run (search, palette, instant navigation work)


def build(site_dir: Path, port: int, prerender: bool | None) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    if prerender is not None:
        env["MATHJAX_PRERENDER"] = "1" if prerender else "0"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"mkdocs build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")


def load(browser, url: str) -> Load:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, int] = {}
    requests: set[str] = set()
    cdp.on("Network.requestWillBeSent", lambda e: requests.add(e["requestId"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="commit")
    result = page.evaluate(PAINTED_JS)
    sent, received = len(requests), sum(sizes.values())  # up to the moment the math is painted
    context.close()
    return Load(result["ms"] / 1000, received, sent, result["formulas"], result["untypeset"],
                result["scripts_ms"] / 1000)


def median_load(browser, url: str, n: int) -> tuple[Load, list[float]]:
    loads = [load(browser, url) for _ in range(n)]
    times = [x.seconds for x in loads]
    mid = sorted(loads, key=lambda x: x.seconds)[len(loads) // 2]
    return Load(statistics.median(times), mid.bytes, mid.requests, mid.formulas, mid.untypeset,
                statistics.median(x.scripts for x in loads)), times


def measure(browser, site_dir: Path, port: int, loads: int, only: str | None = None) -> dict:
    """Every page once (or only ``only``), then the heaviest (and any page over target) ``loads`` times."""
    httpd, server = serve(site_dir, port, Path(tempfile.mkdtemp()))
    try:
        first = {p: load(browser, server.url + p) for p in ([only] if only is not None else site_pages(site_dir))}
        heaviest = max(first, key=lambda p: first[p].formulas)
        repeated = {p: median_load(browser, server.url + p, loads)
                    for p in first if p == heaviest or first[p].seconds > TARGET_S}
    finally:
        httpd.shutdown()
        httpd.server_close()
    final = {p: (repeated[p][0] if p in repeated else first[p]) for p in first}
    return {"pages": final, "heaviest": heaviest, "runs": {p: r[1] for p, r in repeated.items()}}


def fmt_mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=5, help="loads of the heaviest page (median)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the client-side MathJax baseline build")
    parser.add_argument("--no-readme", action="store_true", help="do not write benchmarks/README.md")
    args = parser.parse_args(argv)

    executable = find_chromium()
    if executable is None:
        sys.exit(f"no Chromium found; {INSTALL_HINT}")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        port = free_port()
        print("building the site as configured ...", flush=True)
        build(Path(tmp) / "site", port, None)
        site = measure(browser, Path(tmp) / "site", port, args.loads)
        base = None
        if not args.no_baseline:
            print("building the baseline (MATHJAX_PRERENDER=0: client-side MathJax) ...", flush=True)
            base_port = free_port()
            build(Path(tmp) / "base", base_port, False)
            base = measure(browser, Path(tmp) / "base", base_port, args.loads, only=site["heaviest"])
        version = browser.version
        browser.close()

    heavy = site["pages"][site["heaviest"]]
    worst = max(site["pages"], key=lambda q: site["pages"][q].seconds)
    broken = {q: x.untypeset for q, x in site["pages"].items() if x.untypeset}
    ok = site["pages"][worst].seconds <= TARGET_S and not broken

    rows = [("page", "formulas", "painted (s)", "scripts run (s)", "transferred", "requests", "vs issue",
             "vs baseline")]
    b = base["pages"][site["heaviest"]] if base else None
    rows.append(("issue's figures: client MathJax, 330 equations", str(ISSUE["equations"]), f"{ISSUE['painted_s']:.2f}",
                 "", fmt_mb(ISSUE["bytes"]), str(ISSUE["requests"]), "1.00x", ""))
    if b:
        rows.append((f"baseline: /{site['heaviest']} with client-side MathJax (this run)", str(b.formulas),
                     f"{b.seconds:.2f}", f"{b.scripts:.2f}", fmt_mb(b.bytes), str(b.requests),
                     f"{b.seconds / ISSUE['painted_s']:.2f}x", "1.00x"))
    for q, x in sorted(site["pages"].items(), key=lambda kv: -kv[1].seconds):
        mark = " (heaviest)" if q == site["heaviest"] else ""
        rows.append((f"/{q}{mark}", str(x.formulas), f"{x.seconds:.2f}", f"{x.scripts:.2f}", fmt_mb(x.bytes),
                     str(x.requests), f"{x.seconds / ISSUE['painted_s']:.2f}x",
                     f"{x.seconds / b.seconds:.2f}x" if b else ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    table.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")

    runs = ", ".join(f"{t:.2f}" for t in site["runs"][site["heaviest"]])
    verdict = "PASS" if ok else "FAIL"
    summary = [
        f"**{verdict}**: slowest page /{worst} has its math painted in {site['pages'][worst].seconds:.2f} s "
        f"(target <= {TARGET_S:.0f} s); heaviest page /{site['heaviest']} ({heavy.formulas} formulas): median "
        f"{heavy.seconds:.2f} s of {len(site['runs'][site['heaviest']])} loads ({runs}), {fmt_mb(heavy.bytes)} "
        f"over {heavy.requests} requests.",
    ]
    if b:
        summary.append(f"Same page with client-side MathJax in this run: {b.seconds:.2f} s, {fmt_mb(b.bytes)} over "
                       f"{b.requests} requests; ratio {heavy.seconds / b.seconds:.2f}x.")
    if broken:
        summary.append(f"Untypeset math (the measurement is not valid there): {broken}.")
    load_avg = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    context = (f"Chromium {version} headless, {os.cpu_count()} cores, load average {load_avg}, "
               f"Python {platform.python_version()}, {datetime.date.today().isoformat()}.")
    print("\n".join(table))
    print("\n".join(summary))
    print(context)

    if not args.no_readme:
        write_readme("\n".join([context, "", *table, "", *summary]))
    return 0 if ok else 1


def write_readme(numbers: str) -> None:
    write_readme_block(README, BEGIN, END, numbers, "Browser")


if __name__ == "__main__":
    sys.exit(main())
