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

The parts, one job each: hooks/mathjax_v8.py is MathJax in V8 (``Renderer``: it finds and renders TeX),
hooks/mathjax_page.py finds a page's math and puts the rendered formulas in its place, and hooks/mathjax_fonts.py
cuts MathJax's fonts; this file holds the mkdocs events and what outlives one build (``State``). They are plain
modules, imported from this hook's folder (mkdocs puts it on ``sys.path``), and none is reloaded when this file is run
again: what they made outlives a rebuild (the V8 context, its formulas, the cut fonts) and keeps their classes.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import sys
import time
import types
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import mathjax_fonts  # hooks/mathjax_fonts.py: mkdocs loads a hook with its folder on sys.path
import mathjax_page  # hooks/mathjax_page.py
import mathjax_v8  # hooks/mathjax_v8.py
from bs4 import BeautifulSoup
from first_screen import preloads  # hooks/first_screen.py
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.backprop.mathjax_prerender")

CLIENT_SCRIPT = "assets/mathjax/tex-chtml.js"  # dropped from extra_javascript when pre-rendering
CSS_URI = "assets/mathjax/prerender.css"  # the fonts are at FONT_URL relative to it
MARKER = '<meta name="mathjax-prerendered" content="true">'  # mathjax-config.js reads it

# What tests/site/test_prerender.py and benchmarks/bench_prerender.py read from the hook.
FONT_SOURCE, SCALE, text_ex_height = mathjax_fonts.FONT_SOURCE, mathjax_v8.SCALE, mathjax_v8.text_ex_height
drawn_characters, fonts_in_use = mathjax_fonts.drawn_characters, mathjax_fonts.fonts_in_use
font_files, first_screen_fonts = mathjax_fonts.font_files, mathjax_fonts.first_screen_fonts
as_woff2 = mathjax_fonts.as_woff2


class State:
    """What outlives one build: mkdocs serve reloads the config (and could reload this module) on every rebuild."""

    def __init__(self):
        self.renderer: mathjax_v8.Renderer | None = None
        self.fonts: dict[tuple[str, frozenset[str] | None], bytes] = {}  # mathjax_fonts.write_fonts' cache
        self.enabled = True
        self.ahead: ThreadPoolExecutor | None = None  # renders each page's formulas ahead (on_page_content)
        self.ahead_jobs: dict[str, Future] = {}  # page (src_uri) -> its job
        self.soup_strings: dict[bytes, list[str]] = {}  # _soup_strings' results, by the content's hash
        self.font_files: dict[str, list[str]] | None = None  # font_files() of MathJax's stylesheet: fixed data
        self.reset_stats()

    def reset_stats(self):
        self.stats = {"startup": 0.0, "seconds": 0.0, "ahead": 0.0, "formulas": 0, "pages": 0,
                      "cached_before": 0}


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


def renderer() -> mathjax_v8.Renderer:
    """The V8 context with MathJax, started on the first call: by the build's own thread (on_pre_build), which also
    frees it (on_shutdown); a context started by another thread crashed the interpreter at exit."""
    if STATE.renderer is None:
        STATE.renderer = mathjax_v8.Renderer()
        STATE.stats["startup"] = STATE.renderer.startup_seconds
    return STATE.renderer


def prerender_page(output: str, src_uri: str, content: str | None = None) -> str:
    """The page's HTML with its math pre-rendered (hooks/mathjax_page.py), its formulas counted in the build's stats.
    ``content``: the part of it mkdocs rendered from the page source (``page.content``), the only part ever parsed."""
    r = renderer()
    output, formulas = mathjax_page.prerender_page(r, output, src_uri, content)
    STATE.stats["formulas"] += formulas
    return output


def stylesheet() -> str:
    """MathJax's CHTML stylesheet for every formula rendered so far, the fonts they use served as woff2 (the others,
    never fetched, as MathJax ships them: converting them too would only lengthen every build)."""
    css = STATE.renderer.stylesheet()
    return mathjax_fonts.as_woff2(css, fonts_in_use(css, STATE.renderer.markup()))


def write_fonts(css: str, css_dir: Path, markup: str) -> None:
    """hooks/mathjax_fonts.py's write_fonts, with the subsets kept across rebuilds (STATE.fonts)."""
    mathjax_fonts.write_fonts(css, css_dir, markup, STATE.fonts)


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
        STATE.stats["cached_before"] = len(renderer().cache)  # a server keeps its cache from build to build
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
    for strings in (_soup_strings(content), [html.unescape(m[2]) for m in mathjax_page.ARITHMATEX.finditer(content)]):
        r.render_all((tex, display) for _, _, _, tex, display in r.find(strings) if display is not None)
    STATE.stats["ahead"] += time.perf_counter() - started


def _soup_strings(content: str) -> list[str]:
    """The text nodes of notebook markdown where MathJax looks for math (none if the page needs no soup); remembered
    by the page's content, so a rebuild of ``mkdocs serve`` does not parse an unchanged notebook page again here."""
    if not mathjax_page.needs_soup(content):
        return []
    nodes = mathjax_page.math_text_nodes
    return mathjax_v8.remembered(STATE.soup_strings, hashlib.sha256(content.encode()).digest(),
                                 lambda: [str(node) for node in nodes(BeautifulSoup(content, "html.parser"))])


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
        # Every font named as woff2: a page preloads only fonts its formulas draw, which the written stylesheet
        # (``stylesheet()`` after the last page) names as woff2 too.
        STATE.font_files = font_files(as_woff2(STATE.renderer.stylesheet()))
    preload = preloads(lambda screen: first_screen_fonts(screen, STATE.font_files), output)
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


def _link_stylesheet(output: str, href: str, preload_fonts: list[tuple[str, str | None]] = ()) -> str:
    """Link the stylesheet at ``href``, preceded by a preload of each of MathJax's ``preload_fonts`` (file, media)."""
    fonts = href.rsplit("/", 1)[0] + "/" + mathjax_v8.FONT_URL if "/" in href else mathjax_v8.FONT_URL

    def link(name: str, media: str | None) -> str:
        only = f' media="{media}"' if media else ""
        kind = Path(name).suffix[1:]
        return f'<link rel="preload" href="{fonts}/{name}" as="font" type="font/{kind}" crossorigin{only}>\n'

    preload = "".join(link(name, media) for name, media in preload_fonts)
    output = output.replace('<script id="__config"', READY + '<script id="__config"', 1)
    return output.replace("</head>", f'{MARKER}{preload}<link rel="stylesheet" href="{href}">\n</head>', 1)


def on_post_build(config, **kwargs):
    _stop_ahead()
    if not STATE.enabled or STATE.renderer is None:
        return
    started = time.perf_counter()
    target = Path(config["site_dir"]) / CSS_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    css = stylesheet()
    target.write_text(css, encoding="utf-8")
    write_fonts(css, target.parent, STATE.renderer.markup())
    s = STATE.stats
    s["seconds"] += time.perf_counter() - started
    # the cache grows by the distinct formulas this build rendered (an instructor read "1227 rendered" after a
    # one-line edit under `make serve` as 1227 rendered again: it was the size of the server's cache)
    rendered = len(STATE.renderer.cache) - s["cached_before"]
    log.info(f"MathJax pre-rendered {s['formulas']} formulas on {s['pages']} pages ({rendered} rendered, the rest from "
             f"the cache) in {s['seconds']:.2f} s, and {s['ahead']:.2f} s ahead in a thread of "
             "its own"
             + (f"; MathJax loaded into V8 in {s['startup']:.2f} s" if s["startup"] else ""))


def on_build_error(error, **kwargs):
    _stop_ahead(check=False)  # the build's own error is the one to report


def on_shutdown(**kwargs):
    _stop_ahead(check=False)
    # Free V8 while the interpreter is still whole: left to MiniRacer.__del__ at interpreter exit,
    # mr_free_context can wait forever on a futex, and then `mkdocs build` never exits.
    if STATE.renderer is not None:
        STATE.renderer.ctx.close()
        STATE.renderer = None
