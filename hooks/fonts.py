"""The site's own text and code fonts: Roboto and Roboto Mono (material's defaults), served by the site itself.

``theme.font: false`` keeps material from linking Google Fonts (the site works offline); material's documented way to
use other fonts then is to set ``--md-text-font`` and ``--md-code-font`` and declare the faces in extra CSS, which
``docs/stylesheets/extra.css`` does. This hook writes the files those ``@font-face`` rules name into
``assets/fonts/``: each font from a pinned PyPI package (``font-roboto``: Roboto 2.138, Apache-2.0;
``fontpkg-roboto-mono``: Roboto Mono 3.1, OFL), cut down with fontTools to the characters the site's pages hold (plus
printable ASCII, for what a reader types into search or an answer box), without hinting, as woff2. A character of the
pages that Roboto lacks (the arrows of "n → n+1", ✓, ✗, ⊙) is not left to whatever font the reader's machine has: its
glyph is taken from DejaVu Sans of the same style (matplotlib's package data, a pinned dependency; Bitstream Vera
licence with public-domain DejaVu changes, which allows this as long as the result is not named DejaVu or Vera) and
merged into the face, so the face draws every character of the site and looks the same on every machine.

Why a font of our own: pre-rendered math (hooks/mathjax_prerender.py) is scaled at build time to the text's
ex-height, so the text must be set in that font on every machine, not in whatever sans-serif the reader's system has
(``TEXT_FONT`` there names the file this hook serves as ``roboto-400.woff2``).

The cutting itself is in hooks/font_subset.py; this hook collects the characters (each page's, kept while `make serve`
writes other pages: hooks/incremental.py), runs one face per core and keeps the results in a cache (``.cache/fonts``),
so a rebuild with the same characters cuts nothing.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from html import unescape
from pathlib import Path

import cache_inputs  # hooks/cache_inputs.py: mkdocs loads a hook with its folder on sys.path
import font_roboto  # PyPI: font-roboto
import font_subset  # hooks/font_subset.py
import fontpkg_roboto_mono  # PyPI: fontpkg-roboto-mono
import incremental  # hooks/incremental.py
import matplotlib
from first_screen import preloads  # hooks/first_screen.py

ROBOTO = Path(font_roboto.__file__).parent / "files"
ROBOTO_MONO = Path(fontpkg_roboto_mono.__file__).parent / "files"
DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TARGET = "assets/fonts"
# (output file, source, weight of a variable font to pin or None, the font that fills in the characters the source
# lacks). extra.css declares each as an @font-face; the names are fixed so the CSS and the <link rel="preload"> of
# overrides/main.html can name them. Both families have 2048 units per em, so the merged glyphs keep their size.
FONTS = [
    ("roboto-400.woff2", ROBOTO / "Roboto-Regular.ttf", None, DEJAVU / "DejaVuSans.ttf"),
    ("roboto-400-italic.woff2", ROBOTO / "Roboto-Italic.ttf", None, DEJAVU / "DejaVuSans-Oblique.ttf"),
    ("roboto-300.woff2", ROBOTO / "Roboto-Light.ttf", None, DEJAVU / "DejaVuSans.ttf"),  # material's h1 and h2
    ("roboto-700.woff2", ROBOTO / "Roboto-Bold.ttf", None, DEJAVU / "DejaVuSans-Bold.ttf"),
    ("roboto-mono-400.woff2", ROBOTO_MONO / "RobotoMono[wght].ttf", 400, DEJAVU / "DejaVuSansMono.ttf"),
]
# The faces a page preloads (overrides/main.html, from page.meta["preload_fonts"]): those its first screen draws with
# (hooks/first_screen.py), by material's typography: body text and the header's site name (bold) on every page, and
# the faces of these elements when the first screen shows one.
PRELOAD_ALWAYS = ["roboto-400.woff2", "roboto-700.woff2"]
PRELOAD_FOR = {
    "roboto-300.woff2": ("h1", "h2"),  # material sets h1 and h2 in weight 300
    "roboto-400-italic.woff2": ("em", "i", "cite", "dfn", "var"),
    "roboto-mono-400.woff2": ("code", "pre", "kbd", "samp"),
}

# Printable ASCII (what a reader types into search or an answer box) and the punctuation of material's own strings.
# Latin-1 is left out: it would make every face larger for characters the site does not print, and a character a
# font lacks falls back to the next font, it is not lost.
ALWAYS = {chr(c) for c in range(0x20, 0x7F)} | set("‐–—‘’“”…•→←")

# Not drawn with these fonts: scripts, styles, and the assistive MathML (hidden; MathJax's fonts draw the math).
NOT_TEXT = re.compile(r"<(script|style|mjx-assistive-mml)\b[^>]*>.*?</\1>", re.S)
TEXT = re.compile(r">([^<]+)")

log = logging.getLogger("mkdocs.plugins.backprop.fonts")

# The cut faces are kept in .cache/fonts/<key>.woff2 (BACKPROP_FONT_CACHE names another directory), keyed on all they
# depend on (cache_key): a build whose pages hold the same characters, a rebuild under mkdocs serve included, cuts
# nothing.
CACHE_ENV = "BACKPROP_FONT_CACHE"
HOOKS = str(Path(__file__).resolve().parent)
font_subset = importlib.reload(font_subset)  # mkdocs serve reloads this hook: the cutting code as it is on disk now
HOW = Path(__file__).read_bytes() + Path(font_subset.__file__).read_bytes()
TOOLS = cache_inputs.tools_fingerprint()
KEEP = 10  # cut sets kept (the most recently used)

_file_digests: dict[Path, bytes] = {}  # the font files' hashes, read once per build


def page_characters(html: str) -> set[str]:
    """Every character of the text of ``html`` (outside tags and NOT_TEXT; entities decoded)."""
    return {c for text in TEXT.findall(NOT_TEXT.sub("", html)) for c in unescape(text)}


def faces_drawn(screen: str) -> list[str]:
    """The faces the HTML ``screen`` (a page's first screen) draws with: see PRELOAD_FOR."""
    shown = set(re.findall(r"<([a-z][\w-]*)", screen))
    return PRELOAD_ALWAYS + [face for face, tags in PRELOAD_FOR.items() if shown & set(tags)]


def preload_fonts(content: str) -> list[tuple[str, str | None]]:
    """The faces to preload for a page whose article holds ``content``, each with its ``media`` (None: every
    window; hooks/first_screen.py's WIDE: a face only a desktop's first screen draws with)."""
    return preloads(faces_drawn, content, whole_page=False)


def on_page_context(context, page, config, nav, **kwargs):
    page.meta["preload_fonts"] = preload_fonts(page.content or "")
    return context


def on_post_page(output: str, page, config, **kwargs):
    incremental.shares("fonts")[page.file.src_uri] = page_characters(output)  # kept while other pages are rebuilt
    return output


def cache_key(name: str, source: Path, weight: int | None, fill: Path, chars: frozenset[str]) -> str:
    """Everything a cut face depends on: the two font files' bytes, the weight, the characters, how (this file and
    font_subset.py) and the tools (every installed distribution's version: fontTools, brotli, ...)."""
    h = hashlib.sha256()
    for part in (HOW, name.encode(), str(weight).encode(), TOOLS.encode(), "".join(sorted(chars)).encode(),
                 *(_digest(path) for path in (source, fill))):
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:24]


def _digest(path: Path) -> bytes:
    if path not in _file_digests:
        _file_digests[path] = hashlib.sha256(path.read_bytes()).digest()
    return _file_digests[path]


def _cached(path: Path) -> bytes | None:
    """The cut face kept as ``path``, marked as used (so a build pruning at the same time keeps it); None if absent."""
    try:
        os.utime(path)
        return path.read_bytes()
    except FileNotFoundError:
        return None


def on_post_build(config, **kwargs):
    chars = frozenset(ALWAYS.union(*incremental.shares("fonts").values()))
    target = Path(config["site_dir"]) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    cache = cache_inputs.cache_dir(CACHE_ENV, "fonts")
    cache.mkdir(parents=True, exist_ok=True)
    files = {face[0]: cache / f"{cache_key(*face, chars)}.woff2" for face in FONTS}
    faces = {name: _cached(path) for name, path in files.items()}
    todo = [face for face in FONTS if faces[face[0]] is None]
    if todo:
        # One face per process, as many at once as there are cores: fontTools is pure Python, and by now the
        # notebooks' kernels are done, so the cores are free. "spawn": a fork would copy the build's other threads'
        # state (the V8 thread of hooks/mathjax_prerender.py) into the worker. A spawned worker imports the parent's
        # __main__ again: `mkdocs` and `python -m mkdocs` guard it; a script that calls mkdocs' build() must too.
        workers = min(len(todo), os.cpu_count() or 1)
        if workers > 1:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                # Each submit may start a worker, with sys.path as it is then: every submit is made while the hooks
                # folder is on it, so the workers can import font_subset (mkdocs puts it there only to load a hook).
                sys.path.insert(0, HOOKS)
                try:
                    cut = [pool.submit(font_subset.subset, source, set(chars), weight, fill)
                           for _, source, weight, fill in todo]
                finally:
                    sys.path.remove(HOOKS)
                results = [job.result() for job in cut]
        else:
            results = [font_subset.subset(source, set(chars), weight, fill) for _, source, weight, fill in todo]
        for (name, *_), data in zip(todo, results):
            cache_inputs.write_whole(files[name], data)
            faces[name] = data
    for name, data in faces.items():
        (target / name).write_bytes(data)
    log.info("fonts: %d cut, %d from the cache", len(todo), len(FONTS) - len(todo))
    cache_inputs.prune(list(cache.glob("*.woff2")), KEEP * len(FONTS))
