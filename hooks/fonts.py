"""The site's own text and code fonts: Roboto and Roboto Mono (material's defaults), served by the site itself.

``theme.font: false`` keeps material from linking Google Fonts (the site works offline); material's documented way to
use other fonts then is to set ``--md-text-font`` and ``--md-code-font`` and declare the faces in extra CSS, which
``docs/stylesheets/extra.css`` does. This hook writes the files those ``@font-face`` rules name into
``assets/fonts/``: each font from a pinned PyPI package (``font-roboto``: Roboto 2.138, Apache-2.0;
``fontpkg-roboto-mono``: Roboto Mono 3.1, OFL), cut down with fontTools to the characters the site's pages hold (plus
printable ASCII, for what a reader types into search or an answer box), without hinting, as woff2: about 8-10 KB a
face. A character of the pages that Roboto lacks (the arrows of "n → n+1", ✓, ✗, ⊙) is not left to whatever font the
reader's machine has: its glyph is taken from DejaVu Sans of the same style (matplotlib's package data, a pinned
dependency; Bitstream Vera licence with public-domain DejaVu changes, which allows this as long as the result is not
named DejaVu or Vera) and merged into the face, so the face draws every character of the site and looks the same on
every machine.

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
import matplotlib

ROBOTO = Path(font_roboto.__file__).parent / "files"
ROBOTO_MONO = Path(fontpkg_roboto_mono.__file__).parent / "files"
DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TARGET = "assets/fonts"
# (output file, source, weight of a variable font to pin or None, the font that fills in the characters the source
# lacks). extra.css declares each as an @font-face; the names are fixed so the CSS and the <link rel="preload"> in
# overrides/main.html can name them. Both families have 2048 units per em, so the merged glyphs keep their size.
FONTS = [
    ("roboto-400.woff2", ROBOTO / "Roboto-Regular.ttf", None, DEJAVU / "DejaVuSans.ttf"),
    ("roboto-400-italic.woff2", ROBOTO / "Roboto-Italic.ttf", None, DEJAVU / "DejaVuSans-Oblique.ttf"),
    ("roboto-300.woff2", ROBOTO / "Roboto-Light.ttf", None, DEJAVU / "DejaVuSans.ttf"),  # material's h1 and h2
    ("roboto-700.woff2", ROBOTO / "Roboto-Bold.ttf", None, DEJAVU / "DejaVuSans-Bold.ttf"),
    ("roboto-mono-400.woff2", ROBOTO_MONO / "RobotoMono[wght].ttf", 400, DEJAVU / "DejaVuSansMono.ttf"),
]
# Printable ASCII (what a reader types into search or an answer box) and the punctuation of material's own strings.
# Latin-1 is left out: it would make every face larger for characters the site does not print, and a character a
# font lacks falls back to the next font, it is not lost.
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


def _cut(source: Path, codepoints: set[int], weight: int | None = None, features: bool = True):
    """``source`` cut down to ``codepoints``, without hinting (a TTFont; ``features=False``: no layout tables)."""
    from fontTools import subset as ft_subset
    from fontTools.varLib import instancer

    options = ft_subset.Options(hinting=False, desubroutinize=True)
    if not features:
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "FFTM"]
    font = ft_subset.load_font(str(source), options, lazy=False)
    if weight is not None:  # one static weight of a variable font: no variation tables to ship
        instancer.instantiateVariableFont(font, {"wght": weight}, inplace=True)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    return font


def missing(source: Path, chars: set[str]) -> set[str]:
    """The characters of ``chars`` (spaces aside) that ``source`` has no glyph for."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(source), lazy=True).getBestCmap()
    return {c for c in chars if not c.isspace() and ord(c) not in cmap}


def subset(source: Path, chars: set[str], weight: int | None, fill: Path | None = None) -> bytes:
    """``source`` cut down to ``chars`` as woff2; the characters it lacks merged in from ``fill`` when it has them."""
    from fontTools.merge import Merger

    codepoints = {ord(c) for c in chars if not c.isspace() or c == " "}
    font = _cut(source, codepoints, weight)
    lacking = missing(source, chars) - (missing(fill, chars) if fill else set(chars))
    if lacking:
        parts = []
        for part in (font, _cut(fill, {ord(c) for c in lacking}, features=False)):
            parts.append(io.BytesIO())
            part.save(parts[-1])
            parts[-1].seek(0)
        font = Merger().merge(parts)  # tables of the first font (names, metrics) win: the face is still Roboto
    font.flavor = "woff2"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def on_post_build(config, **kwargs):
    chars = frozenset(_chars | ALWAYS)
    target = Path(config["site_dir"]) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    for name, source, weight, fill in FONTS:
        key = (name, chars)
        if key not in _cache:
            _cache[key] = subset(source, set(chars), weight, fill)
        (target / name).write_bytes(_cache[key])
