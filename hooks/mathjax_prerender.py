"""Typeset the site's math at build time with the real MathJax, so readers' browsers load no MathJax JavaScript.

MathJax 3.2.2 (the es5 component files of ``django-static-mathjax``, the same package that serves MathJax to the
site in client-side mode) runs in V8 through PyPI's ``mini-racer``. For every page this hook

* finds the math exactly where the client-side configuration (``docs/javascripts/mathjax-config.js``) would: in
  the text of ``.arithmatex`` elements (pymdownx.arithmatex writes ``\\(...\\)`` and ``\\[...\\]``) and of the
  notebook markdown cells (``.jp-RenderedMarkdown``, raw ``$...$`` and ``$$...$$``), with MathJax's own
  delimiter finder (``FindTeX``) and the same delimiters, escapes and environments;
* renders each formula with ``MathJax.tex2chtml`` (same TeX packages as ``tex-chtml.js``, with autoload;
  undefined macros are errors) into CHTML with its assistive MathML (``mjx-assistive-mml``, read by
  screen readers), and keeps the TeX source in a ``data-tex`` attribute of the ``mjx-container``;
* links ``assets/mathjax/prerender.css``: the CHTML stylesheet for every glyph used on the site, written once
  after all pages, with the fonts the math uses cut down to those glyphs (``assets/mathjax/prerender-fonts``:
  fontTools' subsetter on MathJax's own woff files; a font no formula can ask for is copied as it is).

Why ``data-tex`` for the TeX source: it is plain text on the element a reader or a script selects (``copy`` of
``el.dataset.tex``), it costs nothing to screen readers (they read the MathML, and an ``<annotation>`` inside it is
exposed differently by each browser/reader pair), and tests can compare it with the Markdown source directly.

Each formula (TeX + display/inline) is rendered once per build; the V8 context and that cache survive
``mkdocs serve`` rebuilds. A page's formulas are rendered ahead, in a thread of their own, from the moment its
content exists (``on_page_content``), in page order; the page, written later, takes them from the cache. A TeX
error is a WARNING on the ``mkdocs.plugins`` logger naming the page and the TeX, so ``mkdocs build --strict`` fails;
the formula is left as raw TeX.

Switch: ``extra: mathjax: prerender: true`` in mkdocs.yml (default on); ``MATHJAX_PRERENDER=0`` (or ``1``) in the
environment overrides it. When off, nothing here runs and the pages load ``assets/mathjax/tex-chtml.js`` as before.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import sys
import threading
import time
import types
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import font_roboto  # PyPI: font-roboto, the text font the site serves (hooks/fonts.py)
import mathjax  # the django-static-mathjax distribution
from bs4 import BeautifulSoup, Comment, NavigableString
from first_screen import first_screen  # hooks/first_screen.py
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.backprop.mathjax_prerender")

ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
# Order matters: startup.js holds the loader; without the font data startup never finishes (and says nothing).
COMPONENTS = ["startup.js", "core.js", "adaptors/liteDOM.js", "input/tex-full.js", "output/chtml.js",
              "output/chtml/fonts/tex.js", "a11y/assistive-mml.js"]
CLIENT_SCRIPT = "assets/mathjax/tex-chtml.js"  # dropped from extra_javascript when pre-rendering
CSS_URI = "assets/mathjax/prerender.css"
FONT_SOURCE = ES5 / "output" / "chtml" / "fonts" / "woff-v2"  # MathJax's fonts, as the client-side mode serves them
FONT_URL = "prerender-fonts"  # relative to CSS_URI: the same fonts, cut down to the glyphs the site draws
MARKER = '<meta name="mathjax-prerendered" content="true">'  # mathjax-config.js reads it

# What the client finds and how (keep in step with docs/javascripts/mathjax-config.js).
MATH_CLASSES = ("arithmatex", "jp-RenderedMarkdown", "jp-MarkdownOutput")
SKIP_TAGS = {"script", "noscript", "style", "textarea", "pre", "code", "annotation", "annotation-xml"}
FIND_OPTIONS = {
    "inlineMath": [["\\(", "\\)"], ["$", "$"]],
    "displayMath": [["\\[", "\\]"], ["$$", "$$"]],
    "processEscapes": True,
    "processEnvironments": True,
    "processRefs": True,
}
# The packages of tex-chtml.js, the client's bundle (its noundefined removed, as the client config does). tex-full.js
# holds the code of every extension, so autoload and \require find them already loaded and register them on the spot,
# as the client would after fetching them; packages a page never uses (physics, mathtools, textmacros, ...) stay off,
# since some change existing macros or characters (braket's "|"). An extension autoloaded by one formula stays
# loaded for the rest of the build, as in a browser it stays loaded for the rest of the visit.
TEX_PACKAGES = ["base", "ams", "newcommand", "require", "autoload", "configmacros"]
# In the browser MathJax scales math so its x-height matches the surrounding text's; without a browser it cannot
# measure, so the factor is computed here from the text font the site serves (hooks/fonts.py, stylesheets/extra.css):
# Roboto's x-height (OS/2 sxHeight / unitsPerEm = 1082 / 2048) over the x-height of MathJax's TeX fonts (0.442 em).
# The result, 1.195 (mjx-container font-size 119.5%), is what client-side MathJax computes next to Roboto text in
# Chromium (tests/browser/test_prerender_modes.py compares the two modes).
TEXT_FONT = Path(font_roboto.__file__).parent / "files" / "Roboto-Regular.ttf"
MATHJAX_X_HEIGHT = 0.442  # MathJax's TeX font data: params.x_height


def text_ex_height(path: Path = TEXT_FONT) -> float:
    """The x-height of the text font in em."""
    from fontTools.ttLib import TTFont  # PyPI: fonttools

    font = TTFont(str(path), lazy=True)
    return font["OS/2"].sxHeight / font["head"].unitsPerEm


SCALE = round(text_ex_height() / MATHJAX_X_HEIGHT, 3)

JS_API = """
var bpFinder = new MathJax._.input.tex.FindTeX.FindTeX(%(find)s);
function bpFind(strings) {
  return JSON.stringify(bpFinder.findMath(strings).map(function (m) {
    return [m.n, m.start.n, m.end.n, m.math, m.display];
  }));
}
function bpRender(items) {
  var adaptor = MathJax.startup.adaptor;
  return JSON.stringify(items.map(function (item) {
    try {
      var node = MathJax.tex2chtml(item[0], {display: item[1]});
      adaptor.setAttribute(node, 'data-tex', item[0]);
      // Wide display math scrolls inside its box: keyboard users need a stop in it (the client's menu adds one).
      if (item[1]) adaptor.setAttribute(node, 'tabindex', '0');
      return {html: adaptor.outerHTML(node)};
    } catch (e) {
      return {error: (e && e.message) || String(e)};  // TeX errors are objects with a message
    }
  }));
}
function bpStylesheet() { return MathJax.startup.adaptor.textContent(MathJax.chtmlStylesheet()); }
"""


class TexError(Exception):
    pass


FOUND_KEPT = 1000  # pages' strings whose math Renderer.find (and _soup_strings) remember


def _remembered(memo: dict, key, compute):
    """``memo[key]``, computed the first time; the oldest entry forgotten beyond FOUND_KEPT (a long mkdocs serve
    session)."""
    if key not in memo:
        if len(memo) >= FOUND_KEPT:
            del memo[next(iter(memo))]
        memo[key] = compute()
    return memo[key]


class Renderer:
    """One V8 context with MathJax loaded, and the formulas it has rendered."""

    def __init__(self):
        from py_mini_racer import MiniRacer  # PyPI: mini-racer

        started = time.perf_counter()
        config = {
            "loader": {"load": [], "paths": {"mathjax": "."}},
            "tex": {"packages": TEX_PACKAGES},
            "chtml": {"fontURL": FONT_URL, "adaptiveCSS": True, "scale": SCALE},
            "startup": {"typeset": False},
        }
        prelude = (
            "var window = this; var global = this;\n"
            f"var MathJax = {json.dumps(config)};\n"
            # a thrown error instead of red merror text: the build must fail on bad TeX
            "MathJax.tex.formatError = function (jax, err) { throw err; };\n"
        )
        source = prelude + "".join((ES5 / name).read_text(encoding="utf-8") + "\n;\n" for name in COMPONENTS)
        self.ctx = MiniRacer()
        self.ctx.eval(source)
        self.ctx.eval(JS_API % {"find": json.dumps(FIND_OPTIONS)})
        self.cache: dict[tuple[str, bool], str | TexError] = {}
        self.found: dict[tuple[str, ...], list] = {}  # find()'s results
        self.lock = threading.Lock()  # one MathJax: the build's thread and the render-ahead thread take turns
        self.startup_seconds = time.perf_counter() - started

    def find(self, strings: list[str]) -> list[tuple[int, int, int, str, bool | None]]:
        """MathJax's FindTeX over ``strings``: (string index, start, end, TeX, display); display None = escape.

        Remembered by the strings (the finder depends on nothing else): a page's math is found once per process,
        not again when the page is written, nor at each rebuild of ``mkdocs serve`` that left the page as it was."""
        if not strings:
            return []
        with self.lock:
            return _remembered(self.found, tuple(strings),
                               lambda: [tuple(item) for item in json.loads(self.ctx.call("bpFind", strings))])

    def render_all(self, formulas) -> None:
        """Render the (tex, display) pairs not yet in the cache, in one call."""
        formulas = list(formulas)
        with self.lock:
            todo = list(dict.fromkeys(f for f in formulas if f not in self.cache))
            if not todo:
                return
            for key, out in zip(todo, json.loads(self.ctx.call("bpRender", [list(f) for f in todo]))):
                self.cache[key] = trim(out["html"]) if "html" in out else TexError(out["error"])

    def stylesheet(self) -> str:
        with self.lock:
            return self.ctx.call("bpStylesheet") + CONTAINER_CSS

    def markup(self) -> str:
        """Every formula rendered so far, one after the other."""
        return "".join(out for out in self.cache.values() if isinstance(out, str))


# What every formula of MathJax's output repeats, and a page does not need: the container's style (the same for
# all, so in the stylesheet instead), the MathML namespace (an HTML parser puts <math> in it anyway), IE's
# "unselectable" (CSS already makes the hidden MathML unselectable) and MathJax's notes to itself on MathML elements
# (data-mjx-texclass, data-mjx-alternate: read only when MathJax parses that MathML again; nothing does here).
CONTAINER_START = '<mjx-container class="MathJax" jax="CHTML"'
CONTAINER_STYLE = f' style="font-size: {SCALE * 100:.1f}%; position: relative;"'
CONTAINER_CSS = f'\nmjx-container[jax="CHTML"] {{\n  font-size: {SCALE * 100:.1f}%;\n  position: relative;\n}}\n'
REPEATED = re.compile(r' xmlns="http://www\.w3\.org/1998/Math/MathML"| unselectable="on"| data-mjx-[a-z]+="[^"]*"')
TAG = re.compile(r"<[^<>]+>")  # text holds no "<" (escaped), and a ">" in data-tex only ends the match early


def trim(chtml: str) -> str:
    """One formula's output without what every formula repeats (REPEATED), in its tags only (not in the text of an
    mtext, nor in data-tex, whose quotes are escaped)."""
    if not chtml.startswith(CONTAINER_START + CONTAINER_STYLE):
        raise ValueError(f"unexpected MathJax output (has MathJax's scale changed?): {chtml[:120]}")
    rest = chtml[len(CONTAINER_START + CONTAINER_STYLE):]
    return CONTAINER_START + TAG.sub(lambda tag: REPEATED.sub("", tag[0]), rest)


class State:
    """What outlives one build: mkdocs serve reloads the config (and could reload this module) on every rebuild."""

    def __init__(self):
        self.renderer: Renderer | None = None
        self.fonts: dict[tuple[str, frozenset[str]], bytes] = {}  # (font file, characters) -> its subset
        self.enabled = True
        self.ahead: ThreadPoolExecutor | None = None  # renders each page's formulas ahead (on_page_content)
        self.ahead_jobs: dict[str, Future] = {}  # page (src_uri) -> its job
        self.soup_strings: dict[bytes, list[str]] = {}  # _soup_strings' results, by the content's hash
        self.font_files: dict[str, list[str]] | None = None  # font_files() of MathJax's stylesheet: fixed data
        self.reset_stats()

    def reset_stats(self):
        self.stats = {"startup": 0.0, "seconds": 0.0, "ahead": 0.0, "formulas": 0, "rendered": 0, "pages": 0}


# Kept in sys.modules so a re-import of this hook file still finds the same V8 context and cache.
_STATE = sys.modules.setdefault("_backprop_mathjax_prerender_state", types.ModuleType("_mathjax_prerender_state"))
if not hasattr(_STATE, "state"):
    _STATE.state = State()
STATE: State = _STATE.state


def prerender_enabled(config) -> bool:
    env = os.environ.get("MATHJAX_PRERENDER", "").strip().lower()
    if env:
        if env not in ("0", "1", "true", "false", "on", "off", "yes", "no"):
            raise ValueError(f"MATHJAX_PRERENDER={env!r}: use 1 (pre-render) or 0 (client-side MathJax)")
        return env in ("1", "true", "on", "yes")
    settings = (config.extra or {}).get("mathjax") or {}
    value = settings.get("prerender", True)
    if not isinstance(value, bool):
        raise ValueError(f"extra.mathjax.prerender in mkdocs.yml must be true or false, not {value!r}")
    return value


def renderer() -> Renderer:
    """The V8 context with MathJax, started on the first call: by the build's own thread (on_pre_build), which also
    frees it (on_shutdown); a context started by another thread crashed the interpreter at exit."""
    if STATE.renderer is None:
        STATE.renderer = Renderer()
        STATE.stats["startup"] = STATE.renderer.startup_seconds
    return STATE.renderer


# ---------------------------------------------------------------------------------------------------------------
# mkdocs events


def on_config(config, **kwargs):
    STATE.enabled = prerender_enabled(config)
    STATE.reset_stats()
    if STATE.enabled:
        config.extra_javascript = [s for s in config.extra_javascript if str(s) != CLIENT_SCRIPT]
    return config


def on_pre_build(config, **kwargs):
    _stop_ahead()
    if STATE.enabled:
        renderer()
        STATE.ahead = ThreadPoolExecutor(1, thread_name_prefix="mathjax-ahead")


def on_page_content(html_text: str, page, config, **kwargs):
    """Render the page's formulas now, in a thread of their own, while mkdocs goes on with the other pages: the
    page is written much later (``on_post_page``), and then finds them in the cache. V8 runs without Python's lock,
    so this work leaves the build's critical path (in a cold build the cores are otherwise idle at the end)."""
    if STATE.ahead is not None:
        STATE.ahead_jobs[page.file.src_uri] = STATE.ahead.submit(_render_ahead, html_text)
    return html_text


def _render_ahead(content: str) -> None:
    r"""Fill the cache with the formulas of a page's ``content``, in the order ``prerender_page`` meets them (the
    notebook markdown's, then the arithmatex spans'): one thread renders every page's in page order, so formulas
    that change MathJax's state for the next ones (``\newcommand``, an autoloaded package) act as they would in
    one pass. Errors are reported when the page is written."""
    started = time.perf_counter()
    r = STATE.renderer  # started by the build's thread (on_pre_build)
    for strings in (_soup_strings(content), [html.unescape(m[2]) for m in ARITHMATEX.finditer(content)]):
        r.render_all((tex, display) for _, _, _, tex, display in r.find(strings) if display is not None)
    STATE.stats["ahead"] += time.perf_counter() - started


def _soup_strings(content: str) -> list[str]:
    """The text nodes of notebook markdown where MathJax looks for math (none if the page needs no soup); remembered
    by the page's content, so a rebuild of ``mkdocs serve`` does not parse an unchanged notebook page again here."""
    if not needs_soup(content):
        return []
    return _remembered(STATE.soup_strings, hashlib.sha256(content.encode()).digest(),
                       lambda: [str(node) for node in _math_text_nodes(BeautifulSoup(content, "html.parser"))])


def _stop_ahead(check: bool = True) -> None:
    """Wait for the render-ahead thread; ``check``: raise what it raised (a bug here, not a TeX error)."""
    if STATE.ahead is None:
        return
    STATE.ahead.shutdown(wait=True, cancel_futures=True)
    jobs, STATE.ahead, STATE.ahead_jobs = STATE.ahead_jobs, None, {}
    for job in jobs.values():
        if check and not job.cancelled():
            job.result()


def on_post_page(output: str, page, config, **kwargs):
    if not STATE.enabled:
        return output
    job = STATE.ahead_jobs.get(page.file.src_uri)
    if job is not None:
        job.result()  # this page's formulas, and every earlier page's, are rendered first, in page order
    started = time.perf_counter()
    output = prerender_page(output, page.file.src_uri, page.content or "")
    if STATE.font_files is None:
        STATE.font_files = font_files(STATE.renderer.stylesheet())
    preload = first_screen_fonts(first_screen(output), STATE.font_files)
    output = _link_stylesheet(output, get_relative_url(CSS_URI, page.url), preload)
    STATE.stats["seconds"] += time.perf_counter() - started
    STATE.stats["pages"] += 1
    return output


def on_post_template(output: str, template_name: str, config, **kwargs):
    """404.html is a theme template, not a page; it is served at any depth, so it links from the site's root."""
    if STATE.enabled and template_name == "404.html":
        output = _link_stylesheet(output, urlsplit(config.site_url or "/").path.rstrip("/") + "/" + CSS_URI)
    return output


# The math of a pre-rendered page is done once its HTML is parsed: say so before material's bundle runs, so a
# reader's script (or a benchmark) waiting on window.mathjaxTypeset does not also wait for the theme's start-up.
READY = "<script>window.mathjaxTypeset = Promise.resolve();</script>\n"


def _link_stylesheet(output: str, href: str, preload_fonts: list[str] = ()) -> str:
    """Link the stylesheet at ``href``, preceded by a preload of each of MathJax's ``preload_fonts`` (files)."""
    fonts = href.rsplit("/", 1)[0] + "/" + FONT_URL if "/" in href else FONT_URL
    preload = "".join(f'<link rel="preload" href="{fonts}/{name}" as="font" type="font/woff" crossorigin>\n'
                      for name in preload_fonts)
    output = output.replace('<script id="__config"', READY + '<script id="__config"', 1)
    return output.replace("</head>", f'{MARKER}{preload}<link rel="stylesheet" href="{href}">\n</head>', 1)


def on_post_build(config, **kwargs):
    _stop_ahead()
    if not STATE.enabled or STATE.renderer is None:
        return
    started = time.perf_counter()
    target = Path(config["site_dir"]) / CSS_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    css = STATE.renderer.stylesheet()
    target.write_text(css, encoding="utf-8")
    write_fonts(css, target.parent, STATE.renderer.markup())
    s = STATE.stats
    s["seconds"] += time.perf_counter() - started
    log.info(f"MathJax pre-rendered {s['formulas']} formulas on {s['pages']} pages ({s['rendered']} rendered, the "
             f"rest cached) in {s['seconds']:.2f} s, and {s['ahead']:.2f} s ahead in a thread of its own"
             + (f"; MathJax loaded into V8 in {s['startup']:.2f} s" if s["startup"] else ""))


# ---------------------------------------------------------------------------------------------------------------
# Fonts: only the glyphs the site draws

# CHTML draws every glyph as CSS generated content (mjx-c.mjx-c1D464.TEX-I::before { content: "w" }), so the
# stylesheet's content strings are every character any page draws; the subset of each font keeps those it has.
CSS_CONTENT = re.compile(r'content:\s*"((?:[^"\\]|\\.)*)"')
CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})[ \t\n]?|(.))", re.S)
FONT_FACE_URL = re.compile(r'url\("' + re.escape(FONT_URL) + r'/([\w.-]+\.woff)"\)')


def drawn_characters(css: str) -> set[str]:
    """Every character the CHTML stylesheet ``css`` draws (its ``content`` strings, CSS escapes decoded)."""
    chars = set()
    for m in CSS_CONTENT.finditer(css):
        chars.update(CSS_ESCAPE.sub(lambda e: chr(int(e[1], 16)) if e[1] else e[2], m[1]))
    return chars


FONT_FAMILY_RULE = re.compile(r"([^{}]+)\{\s*font-family:\s*([^;}]+)")
FONT_FACE = re.compile(r"@font-face[^{]*\{\s*font-family:\s*([\w-]+);\s*src:\s*" + FONT_FACE_URL.pattern)


def fonts_in_use(css: str, markup: str) -> set[str]:
    """The font files of the stylesheet that ``markup`` (all rendered math) can make a browser fetch: those of the
    families in every font-family rule one of whose selectors names only classes and mjx- elements it uses."""
    classes = {c for attr in re.findall(r'class="([^"]*)"', markup) for c in attr.split()}
    elements = set(re.findall(r"<(mjx-[\w-]+)", markup))
    families = set()
    for selectors, value in FONT_FAMILY_RULE.findall(css):
        if selectors.lstrip().startswith("@font-face"):
            continue
        for selector in selectors.split(","):
            if (set(re.findall(r"\.([\w-]+)", selector)) <= classes
                    and set(re.findall(r"(?<![\w.-])(mjx-[\w-]+)", selector)) <= elements):
                families.update(f.strip() for f in value.replace("!", " ").replace("important", "").split(","))
                break
    return {file for family, file in FONT_FACE.findall(css) if family in families}


def font_files(css: str) -> dict[str, list[str]]:
    """MathJax's font files by what chooses them in CHTML markup: a class (``MJX-TEX`` on every formula, ``TEX-I``,
    ``TEX-S1``, ... on a glyph) or ``mjx-stretchy`` (the pieces of a stretched delimiter), each with the files of its
    font-family list, in order (MJXZERO first: every glyph's line box takes its strut)."""
    files = dict(FONT_FACE.findall(css))
    table = {}
    for selectors, value in FONT_FAMILY_RULE.findall(css):
        families = [f.strip() for f in value.replace("!", " ").replace("important", "").split(",")]
        for selector in (s.strip() for s in selectors.split(",")):
            key = selector[1:] if re.fullmatch(r"\.[\w-]+", selector) else (
                "mjx-stretchy" if selector.startswith("mjx-stretchy") else None)
            if key:
                table[key] = [files[f] for f in families if f in files]
    return table


def first_screen_fonts(markup: str, table: dict[str, list[str]]) -> list[str]:
    """The font files a browser fetches to draw the formulas of ``markup`` (a page's first screen, from
    hooks/first_screen.py): MJXZERO for any formula; a glyph's class's own font (``TEX-I``: MathJax_Math-Italic);
    MathJax_Main for a glyph without one; for a stretched delimiter, the first font of its list (a piece the first
    font lacks is fetched from the next one after it, so it is not preloaded: an unused preload is wasted)."""
    if "<mjx-container" not in markup:
        return []
    main = table.get("MJX-TEX", [])  # [MJXZERO's file, MathJax_Main's]
    wanted = main[:1]
    if re.search(r'<mjx-c class="mjx-c[0-9A-F]+">', markup):
        wanted += main[1:2]
    for name in sorted(set(re.findall(r'<mjx-c class="mjx-c[0-9A-F]+ ([\w-]+)"', markup))):
        wanted += table.get(name, [])[1:2]
    if "<mjx-stretchy" in markup:
        wanted += table.get("mjx-stretchy", [])[1:2]
    return list(dict.fromkeys(wanted))


def drawn_characters_of(name: str, chars: set[str]) -> set[str]:
    """The characters of ``chars`` that MathJax's font ``name`` has."""
    from fontTools.ttLib import TTFont  # PyPI: fonttools

    cmap = TTFont(str(FONT_SOURCE / name), lazy=True).getBestCmap() or {}
    return {c for c in chars if ord(c) in cmap}


def write_fonts(css: str, css_dir: Path, markup: str) -> None:
    """Write each font the stylesheet names next to it (FONT_URL): those ``markup`` uses cut down to the characters
    the stylesheet draws, the others (never fetched) as they are."""
    from fontTools import subset  # PyPI: fonttools

    chars = drawn_characters(css)
    out_dir = css_dir / FONT_URL
    out_dir.mkdir(parents=True, exist_ok=True)
    used = fonts_in_use(css, markup)
    for name in sorted(set(FONT_FACE_URL.findall(css))):
        if name not in used:
            shutil.copyfile(FONT_SOURCE / name, out_dir / name)
            continue
        key = (name, frozenset(chars))
        if key not in STATE.fonts and not drawn_characters_of(name, chars):
            # MathJax_Zero: its one character is never drawn (the font is there for its metrics: every glyph's line
            # box takes the strut of MJXZERO, the first family). Cut to nothing it has no cmap, Chromium's font
            # sanitizer rejects it (document.fonts: "error"), and each line box took the next family's metrics: a
            # display sum with limits sat 5 px higher than client-side MathJax puts it. Kept whole (1.4 KB).
            STATE.fonts[key] = (FONT_SOURCE / name).read_bytes()
        if key not in STATE.fonts:  # mkdocs serve: a rebuild with the same glyphs reuses the subset
            options = subset.Options(flavor="woff", layout_features=["*"], name_IDs=["*"], notdef_outline=True,
                                     drop_tables=[*subset.Options().drop_tables, "FFTM"])
            font = subset.load_font(str(FONT_SOURCE / name), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=[ord(c) for c in chars])
            subsetter.subset(font)
            buffer = io.BytesIO()
            subset.save_font(font, buffer, options)
            STATE.fonts[key] = buffer.getvalue()
        (out_dir / name).write_bytes(STATE.fonts[key])


# ---------------------------------------------------------------------------------------------------------------
# Finding and replacing the math in a page

# pymdownx.arithmatex (generic) output: the TeX, HTML-escaped, with its delimiters, as the element's only content.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">([^<]*)</\1>')
NOTEBOOK_MARKDOWN = re.compile(r'class="[^"]*\b(?:jp-RenderedMarkdown|jp-MarkdownOutput)\b')
RAW_DELIMITER = re.compile(r"\$|\\[([]|\\begin\{|\\(?:eq)?ref\{")
TOKEN = "\x02mjx{}\x03"  # stands in for a rendered formula while the page is a soup; survives serialization


def prerender_page(output: str, src_uri: str, content: str | None = None) -> str:
    """The page's HTML with its math pre-rendered. ``content``: the part of it mkdocs rendered from the page source
    (``page.content``); only that part is ever parsed as a soup, and only when it holds notebook markdown with math
    outside arithmatex spans (the rest of the page is left byte for byte)."""
    content = output if content is None else content
    if needs_soup(content):
        if content in output:
            output = output.replace(content, _prerender_soup(content, src_uri), 1)
        else:
            output = _prerender_soup(output, src_uri)
    return _prerender_arithmatex(output, src_uri)


def needs_soup(html_text: str) -> bool:
    """Notebook markdown with math delimiters outside arithmatex spans (hooks/notebooks.py wraps most of them)."""
    return bool(NOTEBOOK_MARKDOWN.search(html_text) and RAW_DELIMITER.search(ARITHMATEX.sub("", html_text)))


def _render_strings(strings: list[str], src_uri: str, each_is_math: bool = False) -> list[list]:
    """For each string, its pieces: str (text, as is) or (tex, display) for a formula.

    ``each_is_math``: every string is one formula (arithmatex); one where MathJax finds none (an unbalanced brace
    hides the closing delimiter) is an error too, where the browser would silently show the raw TeX.
    """
    r = renderer()
    found = r.find(strings)
    if each_is_math:
        for n in sorted(set(range(len(strings))) - {item[0] for item in found}):
            log.warning(f"MathJax pre-render: TeX error on page '{src_uri}': no complete formula (unbalanced "
                        f"braces or delimiters?) in {strings[n]!r}")
    r.render_all((tex, display) for _, _, _, tex, display in found if display is not None)
    pieces: list[list] = [[] for _ in strings]
    position = [0] * len(strings)
    for n, start, end, tex, display in found:
        text = strings[n]
        pieces[n].append(text[position[n]:start])
        if display is None:  # \$ -> $
            pieces[n].append(tex)
        else:
            out = r.cache[(tex, display)]
            if isinstance(out, TexError):
                log.warning(f"MathJax pre-render: TeX error on page '{src_uri}': {out} in "
                            f"{'display' if display else 'inline'} formula {tex!r}")
                pieces[n].append(text[start:end])  # left as raw TeX
            else:
                pieces[n].append((tex, display))
                STATE.stats["formulas"] += 1
        position[n] = end
    for n, text in enumerate(strings):
        pieces[n].append(text[position[n]:])
    STATE.stats["rendered"] = len(r.cache)
    return pieces


def _prerender_arithmatex(output: str, src_uri: str) -> str:
    matches = list(ARITHMATEX.finditer(output))
    if not matches:
        return output
    pieces = _render_strings([html.unescape(m[2]) for m in matches], src_uri, each_is_math=True)
    cache = STATE.renderer.cache
    parts, last = [], 0
    for m, p in zip(matches, pieces):
        parts.append(output[last:m.start(2)])
        parts.extend(cache[x] if isinstance(x, tuple) else html.escape(x, quote=False) for x in p)
        last = m.end(2)
    parts.append(output[last:])
    return "".join(parts)


def _math_text_nodes(soup) -> list[NavigableString]:
    """Text MathJax would search: inside MATH_CLASSES elements; a descendant with any other class, or a skipped
    tag (code, pre, ...), is left out (mathjax-config.js: ignoreHtmlClass, processHtmlClass, skipHtmlTags)."""
    nodes = []

    def walk(element):
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if child.strip():
                    nodes.append(child)
            elif not _processed(child) and child.name not in SKIP_TAGS and not child.get("class"):
                walk(child)  # a processed child is walked on its own, below

    for element in soup.find_all(_processed):
        walk(element)
    return nodes


def _processed(tag) -> bool:
    return getattr(tag, "name", None) is not None and any(c in MATH_CLASSES for c in tag.get("class") or ())


def _prerender_soup(output: str, src_uri: str) -> str:
    soup = BeautifulSoup(output, "html.parser")
    nodes = _math_text_nodes(soup)
    pieces = _render_strings([str(node) for node in nodes], src_uri)
    rendered: list[str] = []
    cache = STATE.renderer.cache
    for node, p in zip(nodes, pieces):
        if all(isinstance(x, str) for x in p) and "".join(p) == str(node):
            continue
        text = ""
        for x in p:
            if isinstance(x, tuple):
                text += TOKEN.format(len(rendered))
                rendered.append(cache[x])
            else:
                text += x
        node.replace_with(NavigableString(text))
    out = str(soup)
    return re.sub("\x02mjx(\\d+)\x03", lambda m: rendered[int(m[1])], out) if rendered else out


def on_build_error(error, **kwargs):
    _stop_ahead(check=False)  # the build's own error is the one to report


def on_shutdown(**kwargs):
    _stop_ahead(check=False)
    # Free V8 while the interpreter is still whole: left to MiniRacer.__del__ at interpreter exit,
    # mr_free_context can wait forever on a futex, and then `mkdocs build` never exits.
    if STATE.renderer is not None:
        STATE.renderer.ctx.close()
        STATE.renderer = None
