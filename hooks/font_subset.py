"""Cutting one font down to the characters a site uses, as woff2 (fontTools). Imported by hooks/fonts.py, which runs
`subset` for several faces at once in worker processes; a plain module (not a hook), so those workers can import it.
"""

from __future__ import annotations

import io
from pathlib import Path


def cut(source: Path, codepoints: set[int], weight: int | None = None, features: bool = True):
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
    font.recalcTimestamp = False  # keep the source's dates, not the time of the cut: the same input, the same bytes
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
    font = cut(source, codepoints, weight)
    lacking = missing(source, chars) - (missing(fill, chars) if fill else set(chars))
    if lacking:
        parts = []
        filler = cut(fill, {ord(c) for c in lacking}, features=False)
        # The merger reads a font's format 4 (BMP) and format 12 (full repertoire) Unicode subtables, but not
        # DejaVu's format 12 for platform 0, encoding 10, which it drops with a warning in every build log. The
        # characters filled in are in the BMP, mapped by the format 4 subtables; only what would be dropped goes.
        cmap = filler["cmap"]
        cmap.tables = [t for t in cmap.tables if (t.format, t.platformID, t.platEncID) != (12, 0, 10)]
        for part in (font, filler):
            parts.append(io.BytesIO())
            part.save(parts[-1])
            parts[-1].seek(0)
        dates = font["head"].created, font["head"].modified
        font = Merger().merge(parts)  # tables of the first font (names, metrics) win: the face is still Roboto
        font["head"].created, font["head"].modified = dates  # the merger dates it now; the source's dates instead
        font.recalcTimestamp = False
    font.flavor = "woff2"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()
