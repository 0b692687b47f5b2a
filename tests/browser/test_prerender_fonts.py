"""The cut-down fonts of the pre-rendered math draw exactly what MathJax's own fonts draw.

hooks/mathjax_prerender.py keeps, of each MathJax font, only the glyphs the site's CHTML stylesheet names. A glyph it
missed would be drawn from a fallback font, so each page below is drawn twice, once with the site's fonts and once
with MathJax's original woff files served in place of the cut woff2 ones, and the two pictures of its math must be
identical, pixel for pixel.
The pages are chosen from the built HTML alone (not from the stylesheet the subset is made from): together they hold
every glyph class and every stretchy delimiter any page uses.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.browser import new_tab
from tests.support.checks import STEP_TIMEOUT_MS

pytestmark = pytest.mark.browser

GLYPH = re.compile(r'<mjx-(c|stretchy-[hv]|delims)\b[^>]*? class="([^"]+)"')
# Only the math is painted (the layout is unchanged): the text and code around it are not what is compared, and the
# edge of a code block can land a pixel row apart from one load to the next. Every block is rendered at once
# (content-visibility off): with blocks rendered only as they come into view, each standing in with a placeholder
# height until then, the page's height depended on when each one was reached (notation/: 4620 px in one load, 4595 in
# the next), and two pictures of the same math differed.
CSS_ONLY_MATH = ("body :not(mjx-container, mjx-container *) { visibility: hidden !important; }\n"
                 "mjx-container { visibility: visible !important; }\n"
                 "* { content-visibility: visible !important; }")


def glyphs_by_page(site_dir) -> dict[str, set[str]]:
    pages = {}
    for path in site_dir.rglob("*.html"):
        found = {f"{m[1]}.{m[2]}" for m in GLYPH.finditer(path.read_text(encoding="utf-8"))}
        if found:
            pages[path.parent.relative_to(site_dir).as_posix().removeprefix(".") + "/"] = found
    return pages


def pages_covering(pages: dict[str, set[str]]) -> list[str]:
    """Few pages that together use every glyph class any page uses (greedy set cover)."""
    left, chosen = set().union(*pages.values()), []
    while left:
        best = max(sorted(pages), key=lambda p: len(pages[p] & left))
        chosen.append(best)
        left -= pages[best]
    return chosen


ROUNDS = 10


def drawn(png: bytes) -> tuple:
    """A picture's pixels without the blank rows below its last drawn one: the live example's page ended 25 px lower
    in some loads than in others (5904 and 5929 px, the same math above, pixel for pixel, and nothing drawn below),
    which is the page's height, not a glyph."""
    import io

    from PIL import Image, ImageChops

    image = Image.open(io.BytesIO(png)).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, image.getpixel((0, image.height - 1)))).getbbox()
    image = image.crop((0, 0, image.width, box[3] if box else 0))
    return image.size, image.tobytes()


def picture(tab, path: str) -> bytes:
    """The whole page in one capture (a viewport as tall as the page: tiled full-page shots differ by a row)."""
    tab.visit(path.lstrip("/"))
    page = tab.page
    page.add_style_tag(content=CSS_ONLY_MATH)
    # A viewport as tall as the page: grow it until the page's height holds still (fonts that load late can change it).
    # Bounded: the height settles in two or three rounds; a page still changing after ROUNDS fails, named.
    height = 0
    for _ in range(ROUNDS):
        if height == (height := page.evaluate("document.documentElement.scrollHeight")):
            return page.screenshot(animations="disabled", timeout=STEP_TIMEOUT_MS)
        page.set_viewport_size({"width": 1280, "height": height})
        # blocks drawn only now load the fonts they need only now
        tab.within(f"picture: fonts of the blocks drawn at height {height}px", """async () => {
          const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          await frames();
          await document.fonts.ready;
          await frames();
        }""")
    raise AssertionError(f"{page.url}: picture: page height still changing after {ROUNDS} rounds ({height}px)")


def test_subset_fonts_draw_every_glyph_as_the_originals_do(site_build, browser, server):
    fonts_dir = site_build.dir / "assets" / "mathjax" / "prerender-fonts"
    if not fonts_dir.is_dir():
        pytest.skip("site built with MATHJAX_PRERENDER=0")
    mathjax = pytest.importorskip("mathjax", reason="django-static-mathjax missing: pip install -e '.[docs]'")
    originals_dir = Path(mathjax.__file__).parent / "static/mathjax/es5/output/chtml/fonts/woff-v2"
    chosen = pages_covering(glyphs_by_page(site_build.dir))
    assert 2 <= len(chosen) <= 12, chosen
    from fontTools.ttLib import TTFont

    def original(served: Path) -> Path:  # the site serves woff2 (hooks/mathjax_fonts.py), MathJax ships woff
        return originals_dir / (served.stem + ".woff")

    served = sorted(fonts_dir.glob("*.woff2"))  # the fonts the math uses; the others are MathJax's own woff files
    assert served and all(f.read_bytes() == (originals_dir / f.name).read_bytes() for f in fonts_dir.glob("*.woff"))
    cut = [f for f in served if TTFont(f).getBestCmap() != TTFont(original(f)).getBestCmap()]
    assert {"MathJax_Main-Regular.woff2", "MathJax_Math-Italic.woff2"} <= {f.name for f in cut}, cut
    cut_bytes, original_bytes = (sum(f.stat().st_size for f in cut), sum(original(f).stat().st_size for f in cut))
    assert cut_bytes < 0.6 * original_bytes, (cut_bytes, original_bytes)

    def original_font(route):
        route.fulfill(path=str(original(Path(urlsplit(route.request.url).path))),
                      headers={"Content-Type": "font/woff", "Access-Control-Allow-Origin": "*"})

    differ = []
    for path in chosen:
        pictures = []
        for originals in (False, True):
            tab = new_tab(browser, server, viewport={"width": 1280, "height": 900}, color_scheme="light")
            if originals:
                tab.page.route("**/assets/mathjax/prerender-fonts/*.woff2", original_font)
            try:
                pictures.append(picture(tab, path))
                assert not tab.network_problems(), tab.network_problems()
            finally:
                tab.close()
        if drawn(pictures[0]) != drawn(pictures[1]):
            differ.append(path)
    assert not differ, f"drawn differently with MathJax's original fonts: {differ} (of {chosen})"
