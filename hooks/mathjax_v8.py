"""MathJax in V8: one context with the real MathJax loaded, which finds TeX in strings and renders it as CHTML.

MathJax 3.2.2 (the es5 component files of ``django-static-mathjax``, the same package that serves MathJax to the
site in client-side mode) runs in V8 through PyPI's ``mini-racer``, configured as the client's ``tex-chtml.js``:
the same delimiters, TeX packages (with autoload; undefined macros are errors) and scale. `Renderer.find` is
MathJax's own delimiter finder (``FindTeX``); `Renderer.render_all` renders each formula once, into CHTML with its
assistive MathML and its TeX source in ``data-tex``, and keeps it. Imported by hooks/mathjax_prerender.py, which
keeps one `Renderer` for the whole process (not a hook itself).
"""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import font_roboto  # PyPI: font-roboto, the text font the site serves (hooks/fonts.py)
import mathjax  # the django-static-mathjax distribution

ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
# Order matters: startup.js holds the loader; without the font data startup never finishes (and says nothing).
COMPONENTS = ["startup.js", "core.js", "adaptors/liteDOM.js", "input/tex-full.js", "output/chtml.js",
              "output/chtml/fonts/tex.js", "a11y/assistive-mml.js"]
FONT_URL = "prerender-fonts"  # relative to the stylesheet: the fonts cut down to the site's glyphs (mathjax_fonts.py)

# How the client finds math (keep in step with docs/javascripts/mathjax-config.js; where: mathjax_page.py).
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


FOUND_KEPT = 1000  # pages' strings whose math Renderer.find (and the hook's _soup_strings) remember


def remembered(memo: dict, key, compute):
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
            return remembered(self.found, tuple(strings),
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
            # MathJax's sheet starts with empty lines, more each time a long-lived context (mkdocs serve's) is asked
            return self.ctx.call("bpStylesheet").lstrip("\n") + CONTAINER_CSS

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
