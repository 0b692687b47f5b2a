"""What the browser suite checks, and how: the local server, the page list, and :class:`Tab` with its detectors.

The fixtures (conftest.py), the page tests and the self-tests (test_selftest.py, which prove each detector fires)
all use these same functions; ``benchmarks/bench_browser.py`` reuses the server and the Chromium lookup.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the axe rules whose outcome depends on the palette
INSTALL_HINT = "install it with `apt-get install chromium` (or set CHROMIUM=/path/to/chromium)"

# All checks on the math of a page, in one round trip. A formula is "untypeset" when its .arithmatex wrapper has
# no mjx-container: MathJax leaves raw TeX without any error when, e.g., a brace is unbalanced.
MATH_STATE_JS = r"""() => {
  const math = [...document.querySelectorAll('.arithmatex')];
  const containers = [...document.querySelectorAll('mjx-container')];
  const snippet = (el) => el.textContent.trim().slice(0, 80);
  // TeX that never reached MathJax at all (no .arithmatex wrapper, e.g. a notebook's markdown cell): look for
  // math delimiters in the visible text of the article, outside code and outside typeset math.
  const raw = [];
  const article = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest('pre, code, script, style, textarea, mjx-container, .arithmatex')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const TEX = /\$\$|\\\(|\\\[|\\begin\{|\$[^$\s][^$]*[\\_^][^$]*\$/;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (TEX.test(node.textContent)) raw.push(node.textContent.trim().slice(0, 80));
  }
  return {
    raw_tex: raw,
    math: math.length,
    untypeset: math.filter((el) => !el.querySelector('mjx-container')).map(snippet),
    errors: [...document.querySelectorAll('mjx-merror, [data-mjx-error]')].map(
      (el) => el.getAttribute('data-mjx-error') || el.textContent.trim().slice(0, 80)),
    without_assistive_mml: containers.filter((el) => !el.querySelector('mjx-assistive-mml')).length,
    containers: containers.length,
  };
}"""

# Figures must have a text alternative: <img> needs alt (alt="" only if it is marked decorative),
# svg/elements with role=img need an accessible name. Material's icon SVGs sit inside labelled buttons/links.
FIGURES_WITHOUT_TEXT_JS = """() => {
  const bad = [];
  for (const img of document.querySelectorAll('article img')) {
    if (!img.hasAttribute('alt') && img.getAttribute('role') !== 'presentation') bad.push(img.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('article svg, article [role=img]')) {
    const role = el.getAttribute('role');
    if (el.tagName.toLowerCase() === 'svg' && role !== 'img') continue;   // decorative/inline icons
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
      || el.querySelector(':scope > title')?.textContent.trim();
    if (!named) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}"""

OVERFLOW_JS = """() => {
  const doc = document.documentElement;
  const width = (el) => Math.max(el.scrollWidth, (el.querySelector('mjx-math') || el).getBoundingClientRect().width);
  const wide = [...document.querySelectorAll('div.arithmatex')].filter((el) => width(el) > el.clientWidth + 1);
  // the outermost elements sticking out on the right: what widens the page
  const out = new Set([...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 1));
  const culprits = [...out].filter((el) => !out.has(el.parentElement)).slice(0, 4).map((el) =>
    `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)}px`);
  return {
    culprits,
    scrollWidth: doc.scrollWidth,
    viewport: window.innerWidth,
    // display math wider than its box must scroll inside the box, not widen the page
    not_scrollable: wide.filter((el) => !['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => el.textContent.trim().slice(0, 80)),
    wide_equations: wide.length,
  };
}"""


# The only fonts Chromium sees in the tests besides the site's own web fonts: DejaVu Sans and DejaVu Sans Mono from
# matplotlib's package data (a pinned dependency), whatever the machine has installed. So a page looks the same on
# every machine, and text the site's fonts fail to draw shows up as DejaVu (test_first_paint.py looks for it).
FALLBACK_FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono.ttf"]
FALLBACK_FAMILIES = {"DejaVu Sans", "DejaVu Sans Mono"}
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias binding="strong"><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias binding="strong"><family>serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias binding="strong"><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
</fontconfig>
"""


def chromium_env(workdir: Path) -> dict[str, str]:
    """The environment to launch Chromium with: a fontconfig that lists only FALLBACK_FONTS (copied into
    ``workdir``), so no font of the machine is used."""
    import matplotlib

    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    fonts, cache = workdir / "fonts", workdir / "fontconfig-cache"
    fonts.mkdir(parents=True, exist_ok=True)
    cache.mkdir(exist_ok=True)
    for name in FALLBACK_FONTS:
        shutil.copyfile(source / name, fonts / name)
    conf = workdir / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts, cache=cache), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FONTCONFIG_", "XDG_DATA"))}
    return {**env, "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(workdir)}


# Every wait of the browser suite is bounded: a step that does not end within its time fails, naming the page and the
# step (Tab.within, Tab.wait_until), instead of hanging the run.
STEP_TIMEOUT_MS = 30_000

# ``within(step, promise)`` inside a step's script: the promise, or a rejection naming the sub-step at the deadline.
# Each font the page preloads (<link rel="preload" as="font">, hooks/fonts.py and hooks/mathjax_prerender.py) that the
# page has not drawn with: its @font-face rule (matched by file name) names a face document.fonts does not hold as
# loaded. Only the first screen's faces are preloaded, so right after the load every one of them is in use.
UNUSED_PRELOADS_JS = r"""() => {
  const rules = [];
  for (const sheet of document.styleSheets) {
    let list;
    try { list = sheet.cssRules; } catch { continue; }
    for (const rule of list) if (rule instanceof CSSFontFaceRule) rules.push(rule);
  }
  const norm = (v, d) => ({ '': d, normal: '400', bold: '700' }[v] ?? v);
  const unused = [];
  for (const link of document.querySelectorAll('link[rel="preload"][as="font"]')) {
    const file = new URL(link.href).pathname.split('/').pop();
    const rule = rules.find((r) => r.style.getPropertyValue('src').includes(file));
    if (!rule) { unused.push(`${file} (no @font-face names it)`); continue; }
    const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
    const weight = norm(rule.style.getPropertyValue('font-weight'), '400');
    const style = rule.style.getPropertyValue('font-style') || 'normal';
    const used = [...document.fonts].some((f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded'
      && norm(f.weight, '400') === weight && f.style === style);
    if (!used) unused.push(`${file} (${family} ${weight} ${style})`);
  }
  return unused;
}"""

DEADLINE_JS = r"""(ms) => {
  const deadline = performance.now() + ms;
  return (step, promise) => Promise.race([promise, new Promise((_, fail) => setTimeout(
    () => fail(new Error(`${step}: not done within ${ms} ms`)), Math.max(0, deadline - performance.now())))]);
}"""

# Blocks below the screen are laid out when they come near it (content-visibility: auto in extra.css), and the page
# grows or shrinks as they do: axe, which scrolls to each element whose colours it checks, would read a background
# from a page still moving. So a reader's scroll through the page first, one screen per two frames, then back to the
# top, and the animations still running on what is drawn are let end. Bounded: at most MAX_SCREENS screens, and
# everything within the step's deadline.
SCROLL_THROUGH_JS = """async ({ms, maxScreens}) => {
  const within = (""" + DEADLINE_JS + """)(ms);
  const frame = (step) => within(step, new Promise((r) => requestAnimationFrame(r)));
  const start = scrollY;
  let last = -1, screens = 0;
  while (scrollY !== last) {
    if (++screens > maxScreens) throw new Error(`scrolling: still moving after ${maxScreens} screens`);
    last = scrollY;
    scrollBy(0, innerHeight);
    await frame(`scrolling: screen ${screens}`);
    await frame(`scrolling: screen ${screens}`);
  }
  scrollTo(0, start);
  await frame('scrolling back to the top');
  await frame('scrolling back to the top');
  const running = () => document.getAnimations().filter((a) => ['running', 'pending'].includes(a.playState)
    && Number.isFinite(a.effect?.getComputedTiming().endTime)
    && a.effect.target?.checkVisibility({ contentVisibilityAuto: true }));
  // two frames in a row without a running animation: none was started by the last frame either
  for (let quiet = 0; quiet < 2; quiet = running().length ? 0 : quiet + 1) {
    await frame(`animations: ${running().map((a) => a.animationName || a.transitionProperty).join(', ')} `
      + 'still running');
  }
  await within('fonts: document.fonts.ready', document.fonts.ready);
}"""
# Material changes colours with CSS transitions (a palette switch, the header's title fading as the page scrolls).
# Chromium neither advances nor finishes a transition inside a block whose rendering content-visibility skips: one
# started there by a palette switch (or by axe reading the element's style) stays at its first frame, half-way
# between the two palettes, with playState "running" and its `finished` promise pending for good (measured: the
# home page after a switch to dark, 28 of 39 transitions still pending after 5 s; awaiting them hung the whole suite;
# on cost-function/ axe read a tab label half-way to dark). A reader never sees those frames: a block is drawn only
# when it comes into view, where its transitions run to their end. So before axe reads any colour, transitions are
# turned off (a test-only style; the colours themselves are the site's), and every colour is its end value.
NO_TRANSITIONS_JS = """() => {
  if (document.getElementById('bp-test-no-transitions')) return;
  const style = document.createElement('style');
  style.id = 'bp-test-no-transitions';
  style.textContent = '*, *::before, *::after { transition: none !important; }';
  document.head.append(style);
}"""
MAX_SCREENS = 400


@cache
def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def find_chromium() -> str | None:
    for candidate in [os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES, shutil.which("chromium")]:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def site_pages(site_dir: Path) -> list[str]:
    """Paths (``""``, ``"errata/"``, ...) of every page listed in the built sitemap."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text for el in ET.parse(site_dir / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    return sorted(urlsplit(loc).path.lstrip("/") for loc in locs)


# ----------------------------------------------------------------------------------------------------------------
# The local server: the built site, plus an overlay directory the self-tests write broken pages into.


class _Handler(http.server.SimpleHTTPRequestHandler):
    overlay: Path

    def translate_path(self, path: str) -> str:
        site_path = super().translate_path(path)
        overlay_path = self.overlay / os.path.relpath(site_path, self.directory)
        if overlay_path.is_file() or (overlay_path / "index.html").is_file():
            return str(overlay_path)
        return site_path

    def log_message(self, format, *args):  # keep pytest output clean
        pass


@dataclass
class Server:
    url: str  # http://127.0.0.1:<port>/
    site_dir: Path
    overlay: Path  # files here shadow the site's; for self-test pages

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")

    def add_page(self, name: str, html: str) -> str:
        """Serve ``html`` at ``/<name>/`` (same depth as the site's pages, so relative links resolve)."""
        target = self.overlay / name / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        return f"{self.url}{name}/"


def serve(site_dir: Path, port: int, overlay: Path) -> tuple[http.server.ThreadingHTTPServer, Server]:
    handler = type("Handler", (_Handler,), {"overlay": overlay})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True).start()
    return httpd, Server(f"http://127.0.0.1:{port}/", site_dir, overlay)


@dataclass
class Tab:
    """One browser page on the local site, recording everything that went wrong since the last :meth:`visit`."""

    page: object  # playwright.sync_api.Page
    server: Server
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def __post_init__(self):
        page = self.page
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{m.text} @ {m.location}"))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and self.bad_responses.append(f"{r.status} {r.url}"))
        page.on("requestfailed", self._request_failed)

    def _request_failed(self, request):
        if not self.is_local(request.url):
            return  # blocked on purpose by the route below, recorded in external_requests
        if request.failure == "net::ERR_ABORTED" and request.url.endswith("/favicon.png"):
            return  # Chromium fetches the icon on its own schedule and cancels it when the page moves on; a missing
            # icon is still caught, as a 404 in bad_responses
        self.failed_requests.append(f"{request.failure} {request.url}")

    def is_local(self, url: str) -> bool:
        return url.startswith((self.server.origin + "/", "data:", "blob:", "about:"))

    def route(self, route):
        if self.is_local(route.request.url):
            route.continue_()
        else:
            self.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def clear(self):
        for log in (self.console_errors, self.page_errors, self.bad_responses, self.failed_requests,
                    self.external_requests):
            log.clear()

    # -- navigation ------------------------------------------------------------------------------------------
    def visit(self, url: str):
        """Full load of ``url``; wait until the theme's scripts have run and MathJax has typeset it."""
        self.clear()
        if not url.startswith("http"):
            url = self.server.url + url
        self.page.goto(url, wait_until="load", timeout=STEP_TIMEOUT_MS)
        # material has started (its components mount on DOMContentLoaded, after its bundle and extra_javascript)
        self.wait_until("the theme's scripts start (component$)", "() => typeof window.component$ === 'object'")
        self.wait_for_math()

    # -- bounded waits: each fails naming the page and the step ----------------------------------------------
    def within(self, step: str, js: str, arg=None, timeout: float = STEP_TIMEOUT_MS):
        """Evaluate the async function ``js`` (called with ``arg``), failing if it has not settled within
        ``timeout`` ms. Its errors (a bounded sub-step's own message, e.g. from SCROLL_THROUGH_JS) are reported
        with the page and ``step``."""
        from playwright.sync_api import Error as PlaywrightError

        script = f"async ({{arg, ms}}) => (({DEADLINE_JS})(ms))({json.dumps(step)}, ({js})(arg))"
        try:
            return self.page.evaluate(script, {"arg": arg, "ms": timeout})
        except PlaywrightError as exc:  # carries the page's own message: "Page.evaluate: Error: <message>\n at ..."
            message = re.sub(r"^(Page\.evaluate: )?(Error: )?", "", str(exc).splitlines()[0])
            message = message.removeprefix(f"{step}: ")
            raise AssertionError(f"{self.page.url}: {step}: {message}") from None

    def wait_until(self, step: str, predicate_js: str, arg=None, timeout: float = STEP_TIMEOUT_MS):
        """Wait until ``predicate_js`` (called with ``arg``) is true; fail naming the page and ``step`` if it is
        not within ``timeout`` ms."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function(predicate_js, arg=arg, timeout=timeout)
        except PlaywrightTimeout:
            raise AssertionError(f"{self.page.url}: {step}: not done within {timeout:.0f} ms") from None

    def settle_fonts(self, step: str = "fonts: document.fonts.ready"):
        self.within(step, "() => document.fonts.ready.then(() => null)")

    def wait_for_math(self, timeout: float = 20_000):
        """Await the promise mathjax-config.js sets on every document$ emission (first load and instant nav)."""
        self.wait_until("math: typesetting starts (window.mathjaxTypeset)",
                        "() => window.mathjaxTypeset instanceof Promise", timeout=timeout)
        error = self.within("math: typesetting ends", "() => window.mathjaxTypeset.then(() => null, "
                            "(e) => `typesetting failed: ${e}`)", timeout=timeout)
        if error:
            raise AssertionError(f"{self.page.url}: {error}")

    # -- detectors: each returns a list of problems (empty = fine) ----------------------------------------------
    def math_state(self) -> dict:
        return self.page.evaluate(MATH_STATE_JS)

    def math_problems(self) -> list[str]:
        s = self.math_state()
        problems = [f"MathJax error: {e}" for e in s["errors"]]
        problems += [f"untypeset math (raw TeX left on the page): {t!r}" for t in s["untypeset"]]
        problems += [f"TeX outside any math element, never typeset: {t!r}" for t in s["raw_tex"]]
        if s["without_assistive_mml"]:
            problems.append(f"{s['without_assistive_mml']} of {s['containers']} formulas lack assistive MathML")
        return problems

    def network_problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"uncaught page error: {m}" for m in self.page_errors]
                + [f"HTTP {m}" for m in self.bad_responses]
                + [f"request failed: {m}" for m in self.failed_requests]
                + [f"request to another host (blocked): {u}" for u in self.external_requests])

    def axe_problems(self, rules: list[str] | None = None, impacts=("serious", "critical"),
                     skip: list[str] | None = None) -> list[str]:
        """axe-core (bundled with axe-playwright-python, injected from disk: no CDN) on the whole document.

        ``rules`` restricts the run (e.g. to the colour rules, the only ones a palette change can affect); ``skip``
        leaves rules out.
        """
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.evaluate(_axe_script())
        self.page.mouse.move(0, 0)  # scrolling must not slide a link under the pointer (hover colours)
        self.page.evaluate(NO_TRANSITIONS_JS)  # every colour at its end value (see NO_TRANSITIONS_JS)
        self.scroll_through()
        options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {}),
                   **({"rules": {rule: {"enabled": False} for rule in skip}} if skip else {})}
        results = self.within("axe.run", "(options) => axe.run(document, options)", options, timeout=60_000)
        problems = []
        for v in results["violations"]:
            if v["impact"] in impacts:
                nodes = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:6])
                more = f" (+{len(v['nodes']) - 6} more)" if len(v["nodes"]) > 6 else ""
                problems.append(f"axe {v['id']} ({v['impact']}): {v['help']} -> {nodes}{more}")
        return problems

    def scroll_through(self):
        """A reader's scroll to the bottom and back, and the animations on what is drawn let end (SCROLL_THROUGH_JS)."""
        self.within("scroll through the page", SCROLL_THROUGH_JS, {"ms": STEP_TIMEOUT_MS, "maxScreens": MAX_SCREENS})

    def font_problems(self) -> list[str]:
        """Web fonts the page used that the browser refused (a file its font sanitizer rejects, e.g. a font cut down to
        no character at all): what they were for is drawn with another font's glyphs or metrics. And fonts the page
        preloads but has not drawn with (UNUSED_PRELOADS_JS): call it before scrolling."""
        self.settle_fonts()
        refused = [f"web font failed to load: {face}" for face in self.page.evaluate(
            "() => [...document.fonts].filter((f) => f.status === 'error')"
            ".map((f) => `${f.family} ${f.style} ${f.weight}`)")]
        # A block under content-visibility: auto (extra.css) is laid out a frame after the first layout finds it on
        # screen, and only then asks for its fonts: look again, frame by frame, for up to a second.
        unused = self.within("fonts: every preloaded font drawn with", f"""async () => {{
          const unused = {UNUSED_PRELOADS_JS};
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const until = performance.now() + 1000;
          for (;;) {{
            await frame(); await frame(); await document.fonts.ready;
            const found = unused();
            if (!found.length || performance.now() > until) return found;
          }}
        }}""")
        return refused + [f"preloaded font not drawn with: {font}" for font in unused]

    def figure_problems(self) -> list[str]:
        return [f"figure without text alternative: {html}" for html in self.page.evaluate(FIGURES_WITHOUT_TEXT_JS)]

    def overflow_problems(self) -> list[str]:
        s = self.page.evaluate(OVERFLOW_JS)
        problems = []
        if s["scrollWidth"] > s["viewport"]:
            problems.append(f"page is {s['scrollWidth']}px wide in a {s['viewport']}px viewport; sticking out: "
                            + ", ".join(s["culprits"]))
        problems += [f"wide equation does not scroll inside its box: {t!r}" for t in s["not_scrollable"]]
        return problems

    def scheme(self) -> str:
        return self.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")

    def use_dark_mode(self):
        self.use_scheme("slate")

    def use_scheme(self, scheme: str):
        """Switch palette ("default" or "slate") by clicking material's own toggle, as a reader would.

        Material stores the choice in localStorage, so later loads in this browser context keep it.
        """
        if self.scheme() != scheme:
            self.page.locator("form[data-md-component=palette] label:visible").first.click()
            self.wait_until(f"palette switch to {scheme}",
                            "(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)


def new_tab(browser, server: Server, **context_options) -> tuple[object, Tab]:
    context = browser.new_context(base_url=server.url, **context_options)
    page = context.new_page()
    tab = Tab(page, server)
    context.route("**/*", tab.route)
    return context, tab


# ----------------------------------------------------------------------------------------------------------------
# The pages to test, known at collection time from mkdocs.yml's nav (test_every_page_is_tested checks the built
# sitemap lists no page beyond these).


def _permissive_yaml_loader():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: ... -> None
    return Loader


def nav_pages(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> list[str]:
    """URL paths of the nav's pages: ``index.md`` -> ``""``, ``a/b.md`` -> ``"a/b/"``, ``a/index.md`` -> ``"a/"``."""
    import yaml

    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_permissive_yaml_loader())
    found: list[str] = []

    def walk(node):
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            for child in node.values():
                walk(child)
        elif isinstance(node, str) and not re.match(r"^[a-z]+://", node):  # a page: .md, or a notebook .ipynb/.py
            stem = re.sub(r"\.[A-Za-z0-9]+$", "", node)
            stem = "" if stem in ("index", "README") else re.sub(r"/(index|README)$", "", stem) + "/"
            found.append(stem.lstrip("/"))

    walk(config.get("nav") or [])
    return sorted(set(found))
