"""MathJax's fonts for the pre-rendered math: each cut down to the glyphs the site draws, and those a page preloads.

CHTML draws every glyph from one stylesheet (hooks/mathjax_v8.py's ``Renderer.stylesheet``, written once after all
pages). `as_woff2` makes that stylesheet name woff2 files for the fonts the site's math uses, which a reader's browser
fetches in fewer bytes than MathJax's woff ones (benchmarks/README.md), and `write_fonts` writes the fonts it names
next to it: those the math uses cut down to the characters it draws (fontTools' subsetter on MathJax's own woff
files), the others, which no formula can ask for, as MathJax ships them. `first_screen_fonts` names the fonts a
page preloads. Imported by hooks/mathjax_prerender.py (not a hook itself).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from mathjax_v8 import ES5, FONT_URL  # hooks/mathjax_v8.py

FONT_SOURCE = ES5 / "output" / "chtml" / "fonts" / "woff-v2"  # MathJax's fonts, as the client-side mode serves them

# CHTML draws every glyph as CSS generated content (mjx-c.mjx-c1D464.TEX-I::before { content: "w" }), so the
# stylesheet's content strings are every character any page draws; the subset of each font keeps those it has.
CSS_CONTENT = re.compile(r'content:\s*"((?:[^"\\]|\\.)*)"')
CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})[ \t\n]?|(.))", re.S)
FONT_FACE_URL = re.compile(r'url\("' + re.escape(FONT_URL) + r'/([\w.-]+\.woff2?)"\)')
# An @font-face source as MathJax writes it: url("prerender-fonts/MathJax_Main-Regular.woff") format("woff").
WOFF_SOURCE = re.compile(r'(url\("' + re.escape(FONT_URL) + r'/([\w.-]+\.woff))("\)\s*format\("woff)("\))')


def as_woff2(css: str, fonts: set[str] | None = None) -> str:
    """MathJax's stylesheet ``css`` with the fonts of its @font-face rules served as woff2 (the files `write_fonts`
    writes for a stylesheet that names woff2 files): ``fonts`` (MathJax's file names), or every one if None."""
    return WOFF_SOURCE.sub(lambda m: f"{m[1]}2{m[3]}2{m[4]}" if fonts is None or m[2] in fonts else m[0], css)


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


def source_of(name: str) -> Path:
    """MathJax's own file of the font the stylesheet names ``name`` (``MathJax_Main-Regular.woff`` or ``.woff2``)."""
    return FONT_SOURCE / (Path(name).stem + ".woff")


def drawn_characters_of(name: str, chars: set[str]) -> set[str]:
    """The characters of ``chars`` that MathJax's font ``name`` has."""
    from fontTools.ttLib import TTFont  # PyPI: fonttools

    cmap = TTFont(str(source_of(name)), lazy=True).getBestCmap() or {}
    return {c for c in chars if ord(c) in cmap}


def write_fonts(css: str, css_dir: Path, markup: str, cache: dict[tuple[str, frozenset[str] | None], bytes]) -> None:
    """Write each font the stylesheet names next to it (FONT_URL), in the format its file name says (woff or woff2):
    those ``markup`` uses cut down to the characters the stylesheet draws, the others (never fetched) whole.
    ``cache``: (font file, characters or None for a whole font) -> its bytes, kept by the caller across builds."""
    chars = drawn_characters(css)
    out_dir = css_dir / FONT_URL
    out_dir.mkdir(parents=True, exist_ok=True)
    used = fonts_in_use(css, markup)
    for name in sorted(set(FONT_FACE_URL.findall(css))):
        # MathJax_Zero has none of the drawn characters: its one character is never drawn (the font is there for its
        # metrics: every glyph's line box takes the strut of MJXZERO, the first family). Cut to nothing it has no
        # cmap, Chromium's font sanitizer rejects it (document.fonts: "error"), and each line box took the next
        # family's metrics: a display sum with limits sat 5 px higher than client-side MathJax puts it. Kept whole.
        cut = name in used and drawn_characters_of(name, chars)
        key = (name, frozenset(chars) if cut else None)
        if key not in cache:  # mkdocs serve: a rebuild with the same glyphs reuses the subset
            flavor, source = Path(name).suffix[1:], source_of(name)
            cache[key] = _cut(source, flavor, chars) if cut else _whole(source, flavor)
        (out_dir / name).write_bytes(cache[key])


def _cut(source: Path, flavor: str, chars: set[str]) -> bytes:
    """The font ``source`` cut down to ``chars``, as ``flavor`` (its hinting kept: MathJax's glyphs drawn as is)."""
    from fontTools import subset  # PyPI: fonttools

    options = subset.Options(flavor=flavor, layout_features=["*"], name_IDs=["*"], notdef_outline=True,
                             drop_tables=[*subset.Options().drop_tables, "FFTM"])
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    return buffer.getvalue()


def _whole(source: Path, flavor: str) -> bytes:
    """The font ``source`` whole, as ``flavor`` (woff2 holds the same tables, compressed with Brotli)."""
    from fontTools.ttLib import TTFont  # PyPI: fonttools

    if source.suffix[1:] == flavor:
        return source.read_bytes()
    font = TTFont(str(source), recalcTimestamp=False)  # the source's dates: the same input, the same bytes
    font.flavor = flavor
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()
