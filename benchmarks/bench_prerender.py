"""What pre-rendering the math at build time (hooks/mathjax_prerender.py) costs and buys.

    .venv/bin/python -m benchmarks.bench_prerender              # builds the site twice (about 3-5 minutes)
    .venv/bin/python -m benchmarks.bench_prerender --prerendered DIR --client DIR   # reuse two builds

Measures, on this machine, in this run, against client-side MathJax (``MATHJAX_PRERENDER=0``) as the baseline:

1. **math painted**: on the page with the most formulas, in headless Chromium with a fresh profile each time (no
   cache; the browser tests' fonts only: ``chromium_env``), the time from navigation start until the page is
   parsed, every formula is typeset, its fonts are
   loaded and two frames have been drawn (``PAINTED_JS`` in _common.py, as bench_browser.py measures it). Median
   of ``--repeats`` loads per mode, the two modes taking turns. Target <= 300 ms. Measured in the same rounds, as
   the floor no math can go below: the same page with its content removed (the theme's header, navigation, CSS,
   fonts and start-up only).
2. **bytes loaded**: everything each derivation page fetches until the theme's scripts have run and the network is
   idle (HTML, CSS, JS, fonts; the search worker and index only once a reader focuses search), uncompressed, and
   how much of it is the page's own HTML. Target <= 500 KB for every derivation page.
3. **added build time**: in a fresh process (cold V8, empty cache), the hook's whole work for the site: loading
   MathJax into V8, every page of the client-mode build, the stylesheet and its fonts. Wall and CPU time. Target
   <= 5 s (CPU time is the fair number on a loaded machine: wall time also counts other processes' turns). When
   this script builds the site it also prints what the hook logged during the real build.
4. **errors**: MathJax errors, console/page errors and axe (serious, critical) violations on the measured page.

Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import PAINTED_JS
from tests.support import ROOT
from tests.support.chromium import CHROMIUM_ARGS, chromium_env, find_chromium
from tests.support.page_js import MATH_STATE_JS
from tests.support.server import serve
from tests.support.site import free_port

DERIVATION_PAGES = [
    "forward-pass/", "activations/", "useful-derivatives/", "cost-function/", "rule-output-weights/",
    "rule-output-bias/", "rule-hidden-weights/", "rule-hidden-biases/", "iteration-and-training/",
]
TARGET_PAINT_MS = 300
TARGET_BYTES = 500 * 1024
TARGET_BUILD_S = 5.0

ADDED_BUILD_TIME = """
import json, re, sys, tempfile, time, importlib.util
from pathlib import Path
site = Path(sys.argv[1])
sys.path.insert(0, str(Path(sys.argv[2]).parent))  # the hook's plain modules (first_screen, mathjax_v8, ...)
spec = importlib.util.spec_from_file_location("mathjax_prerender", sys.argv[2])
hook = importlib.util.module_from_spec(spec); spec.loader.exec_module(hook)
wall, cpu = time.perf_counter(), time.process_time()
for page in sorted(site.rglob("*.html")):
    html = page.read_text(encoding="utf-8")
    content = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S)  # page.content
    hook.prerender_page(html, str(page.relative_to(site)), content[1] if content else html)
hook.write_fonts(hook.stylesheet(), Path(tempfile.mkdtemp()), hook.STATE.renderer.markup())
hook.on_shutdown()  # close V8 before interpreter exit (else exit can hang, see the hook)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "startup": hook.STATE.stats["startup"], "formulas": hook.STATE.stats["formulas"],
                  "unique": hook.STATE.stats["rendered"]}))
"""


def build(mode: str, out: Path, port: int) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/",
           "MATHJAX_PRERENDER": "1" if mode == "prerender" else "0"}
    wall, before = time.perf_counter(), os.times()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    after = os.times()
    if proc.returncode != 0:
        sys.exit(f"mkdocs build ({mode}) failed:\n{proc.stdout}\n{proc.stderr}")
    logged = re.search(r"MathJax pre-rendered .*", proc.stdout + proc.stderr)
    return {"wall": time.perf_counter() - wall, "cpu": (after.children_user + after.children_system)
            - (before.children_user + before.children_system), "log": logged[0] if logged else ""}


def heaviest_page(site: Path) -> str:
    counts = {p: p.read_text(encoding="utf-8").count("<mjx-container") for p in site.rglob("index.html")}
    rel = max(counts, key=counts.get).parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


def theme_only(page: Path) -> str:
    """The page with its article emptied: what the theme alone costs (window.mathjaxTypeset is still set)."""
    html = page.read_text(encoding="utf-8")
    emptied, n = re.subn(r'(<article class="md-content__inner md-typeset">).*?(</article>)', r"\1<h1>-</h1>\2", html,
                         count=1, flags=re.S)
    if n != 1:
        sys.exit(f"{page}: no <article> to empty (has the theme changed?)")
    return emptied


def load(browser, url: str, measure: bool = True) -> dict:
    """One load in a fresh context: ms until math painted, bytes fetched, problems seen."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes, html, errors, requests = [], [], [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))

    def on_response(response):
        try:
            sizes.append(len(response.body()))
        except Exception:  # redirects and aborted requests have no body
            return
        if response.request.resource_type == "document":
            html.append(sizes[-1])

    page.on("response", on_response)
    page.goto(url, wait_until="commit")
    painted = page.evaluate(PAINTED_JS)["ms"] if measure else None
    page.wait_for_function("() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd > 0")
    page.wait_for_load_state("networkidle")
    state = page.evaluate(MATH_STATE_JS)
    result = {"ms": painted, "bytes": sum(sizes), "html_bytes": sum(html), "errors": errors,
              "math_errors": state["errors"], "untypeset": state["untypeset"],
              "mathjax_js": [u for u in requests if "/mathjax/" in u and u.endswith(".js")],
              "page": page, "context": context}
    return result


def axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    return [v["id"] for v in violations if v["impact"] in ("serious", "critical")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prerendered", type=Path, help="an existing build with pre-rendered math")
    parser.add_argument("--client", type=Path, help="an existing build with MATHJAX_PRERENDER=0")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-prerender-"))
    sites, builds = {}, {}
    for mode, given in (("prerender", args.prerendered), ("client", args.client)):
        port = free_port()
        if given is None:
            given = tmp / mode
            print(f"building the site ({mode}) ...", flush=True)
            builds[mode] = build(mode, given, port)
        sites[mode] = (given, port)

    print("added build time: the hook alone in a fresh process ...", flush=True)
    proc = subprocess.run([sys.executable, "-c", ADDED_BUILD_TIME, str(sites["client"][0]),
                           str(ROOT / "hooks" / "mathjax_prerender.py")], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"the pre-render of the client-mode build failed:\n{proc.stderr}")
    added = json.loads(proc.stdout.strip().splitlines()[-1])

    servers = {}
    for mode, (site, port) in sites.items():
        try:
            servers[mode] = serve(site, port, tmp / f"overlay-{mode}")[1]
        except OSError:  # the port a reused build names is taken: serve elsewhere (no instant navigation needed)
            servers[mode] = serve(site, free_port(), tmp / f"overlay-{mode}")[1]
    target = heaviest_page(sites["prerender"][0])
    empty = servers["prerender"].add_page("bench-theme-only", theme_only(sites["prerender"][0] / target / "index.html"))
    results = {}
    with sync_playwright() as p:
        # the browser tests' fonts only (the site's web fonts and a fixed fallback), whatever the machine has
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS,
                                    env=chromium_env(tmp / "fontconfig"))
        times = {mode: [] for mode in (*servers, "theme only")}
        last = {}
        for _ in range(args.repeats + 1):  # the first round warms up the server and the OS caches
            for mode, srv in servers.items():
                r = load(browser, srv.url + target)
                times[mode].append(r["ms"])
                if mode in last:
                    last[mode]["context"].close()
                last[mode] = r
            r = load(browser, empty)
            times["theme only"].append(r["ms"])
            r["context"].close()
        floor = statistics.median(times["theme only"][1:])
        for mode in servers:
            r = last[mode]
            results[mode] = {"ms": statistics.median(times[mode][1:]), "all": times[mode][1:], "axe": axe(r["page"]),
                             "errors": r["errors"], "math_errors": r["math_errors"], "untypeset": r["untypeset"],
                             "mathjax_js": r["mathjax_js"]}
            r["context"].close()
        weights, html_weights = {mode: {} for mode in servers}, {}
        for path in DERIVATION_PAGES:
            for mode, srv in servers.items():
                r = load(browser, srv.url + path, measure=False)
                weights[mode][path] = r["bytes"]
                if mode == "prerender":
                    html_weights[path] = r["html_bytes"]
                r["context"].close()
        browser.close()

    pre, client = results["prerender"], results["client"]
    print(f"\nMath painted on the heaviest page ({target}, {args.repeats} loads per mode, fresh profile each):")
    print("| mode                          | median (ms) | all loads (ms)                 | vs client |")
    print("|-------------------------------|------------:|--------------------------------|----------:|")
    rows = [(results[m]["ms"], results[m]["all"], label) for m, label in
            (("client", "client-side MathJax (baseline)"), ("prerender", "pre-rendered"))]
    rows.append((floor, times["theme only"][1:], "floor: the page, no content"))
    for ms, all_ms, label in rows:
        print(f"| {label:<29} | {ms:>11.0f} | {', '.join(f'{t:.0f}' for t in all_ms):<30} | "
              f"{client['ms'] / ms:>8.1f}x |")
    print("\nBytes loaded, uncompressed (HTML, CSS, JS, fonts; the search worker and index wait for search):")
    print("| page                     | pre-rendered (KB) | of which its HTML (KB) | client-side (KB) |")
    print("|--------------------------|------------------:|-----------------------:|-----------------:|")
    for path in DERIVATION_PAGES:
        print(f"| {path:<24} | {weights['prerender'][path] / 1024:>17.0f} | {html_weights[path] / 1024:>22.0f} | "
              f"{weights['client'][path] / 1024:>16.0f} |")
    print(f"\nAdded build time (the hook alone, fresh process, {added['formulas']} formulas, {added['unique']} "
          f"distinct): {added['wall']:.2f} s wall, {added['cpu']:.2f} s CPU (of which loading MathJax: "
          f"{added['startup']:.2f} s wall)")
    for mode, b in builds.items():
        print(f"full build ({mode}): {b['wall']:.1f} s wall, {b['cpu']:.1f} s CPU of child processes  {b['log']}")
    if len(builds) == 2:
        print(f"full-build difference: {builds['prerender']['wall'] - builds['client']['wall']:+.1f} s wall, "
              f"{builds['prerender']['cpu'] - builds['client']['cpu']:+.1f} s CPU (noisy: notebooks are executed)")
    load_avg = os.getloadavg()[0]
    print(f"load average (1 min) at the end: {load_avg:.1f} on {os.cpu_count()} cores")

    heaviest = max(weights["prerender"].values())
    checks = [
        (f"math painted <= {TARGET_PAINT_MS} ms (pre-rendered; the page without content: {floor:.0f} ms)",
         pre["ms"] <= TARGET_PAINT_MS),
        (f"every derivation page loads <= {TARGET_BYTES // 1024} KB (heaviest {heaviest / 1024:.0f} KB)",
         heaviest <= TARGET_BYTES),
        (f"added build time <= {TARGET_BUILD_S} s CPU ({added['cpu']:.2f} s)", added["cpu"] <= TARGET_BUILD_S),
        ("no MathJax JavaScript requested when pre-rendered", not pre["mathjax_js"]),
    ]
    for mode in servers:
        r = results[mode]
        checks += [
            (f"{mode}: zero MathJax errors, nothing untypeset", not r["math_errors"] and not r["untypeset"]),
            (f"{mode}: zero console errors {r['errors'][:3]}", not r["errors"]),
            (f"{mode}: axe clean {r['axe']}", not r["axe"]),
        ]
    print()
    for label, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
