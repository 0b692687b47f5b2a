"""The site's own text and code fonts: Roboto and Roboto Mono (material's defaults), served by the site itself.

``theme.font: false`` keeps material from linking Google Fonts (the site works offline); material's documented way to
use other fonts then is to set ``--md-text-font`` and ``--md-code-font`` and declare the faces in extra CSS, which
``docs/stylesheets/extra.css`` does. This hook writes the files those ``@font-face`` rules name into
``assets/fonts/``: each font from a pinned PyPI package (``font-roboto``: Roboto 2.138, Apache-2.0;
``fontpkg-roboto-mono``: Roboto Mono 3.1, OFL), cut down with fontTools to the characters the site's pages hold (plus
printable ASCII, for what a reader types into search or an answer box), without hinting, as woff2: about 8-10 KB a
face.

Why a font of our own: pre-rendered math (hooks/mathjax_prerender.py) is scaled at build time to the text's ex-height
, so the text must be set in that font on every machine, not in whatever sans-serif the
reader's system has (``TEXT_FONT`` there names the file this hook serves as ``roboto-400.woff2``).
"""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import font_roboto  # PyPI: font-roboto
import fontpkg_roboto_mono  # PyPI: fontpkg-roboto-mono

ROBOTO = Path(font_roboto.__file__).parent / "files"
ROBOTO_MONO = Path(fontpkg_roboto_mono.__file__).parent / "files"
TARGET = "assets/fonts"
# (output file, source, weight of a variable font to pin or None). extra.css declares each as an @font-face; the
# names are fixed so the CSS and the <link rel="preload"> in overrides/main.html can name them.
FONTS = [
    ("roboto-400.woff2", ROBOTO / "Roboto-Regular.ttf", None),
    ("roboto-400-italic.woff2", ROBOTO / "Roboto-Italic.ttf", None),
    ("roboto-300.woff2", ROBOTO / "Roboto-Light.ttf", None),  # material's h1 and h2
    ("roboto-700.woff2", ROBOTO / "Roboto-Bold.ttf", None),
    ("roboto-mono-400.woff2", ROBOTO_MONO / "RobotoMono[wght].ttf", 400),
]
# Printable ASCII (what a reader types into search or an answer box) and the punctuation of material's own strings.
# Latin-1 is left out: it made each face about 30 % larger, and a character a font lacks falls back, it is not lost.
ALWAYS = {chr(c) for c in range(0x20, 0x7F)} | set("‐–—‘’“”…•→←")

# Not drawn with these fonts: scripts, styles, and the assistive MathML (hidden; MathJax's fonts draw the math).
NOT_TEXT = re.compile(r"<(script|style|mjx-assistive-mml)\b[^>]*>.*?</\1>", re.S)
TEXT = re.compile(r">([^<]+)")

_chars: set[str] = set()
_cache: dict[tuple[str, frozenset[str]], bytes] = {}  # mkdocs serve: a rebuild with the same characters reuses them


def page_characters(html: str) -> set[str]:
    """Every character of the text of ``html`` (outside tags and NOT_TEXT; entities decoded)."""
    return {c for text in TEXT.findall(NOT_TEXT.sub("", html)) for c in unescape(text)}


def on_pre_build(config, **kwargs):
    _chars.clear()


def on_post_page(output: str, page, config, **kwargs):
    _chars.update(page_characters(output))
    return output


def subset(source: Path, chars: set[str], weight: int | None) -> bytes:
    from fontTools import subset as ft_subset
    from fontTools.varLib import instancer

    options = ft_subset.Options(flavor="woff2", hinting=False, desubroutinize=True)
    font = ft_subset.load_font(str(source), options, lazy=False)
    if weight is not None:  # one static weight of a variable font: no variation tables to ship
        instancer.instantiateVariableFont(font, {"wght": weight}, inplace=True)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in chars if not c.isspace() or c == " "}))
    subsetter.subset(font)
    buffer = io.BytesIO()
    ft_subset.save_font(font, buffer, options)
    return buffer.getvalue()


def on_post_build(config, **kwargs):
    chars = frozenset(_chars | ALWAYS)
    target = Path(config["site_dir"]) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    for name, source, weight in FONTS:
        key = (name, chars)
        if key not in _cache:
            _cache[key] = subset(source, set(chars), weight)
        (target / name).write_bytes(_cache[key])
