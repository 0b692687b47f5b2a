"""bench_browser.py's "painted": when Chromium drew the top of the article as it stays, from the frames it drew.

The frames are the screenshots Chromium's tracing takes of each frame it draws (``screenshots`` reads them from a
trace, as greyscale images); ``same_frame`` says what counts as a change and ``painted_ms`` finds the first frame from
which the top of the article (``TOP_OF_ARTICLE``) no longer changes before the theme's scripts run. Checked on
hand-drawn frames by tests/site/test_bench_browser.py.
"""

from __future__ import annotations

import base64
import io
import json

# Two frames are the same screen when at most SAME_PIXELS of their pixels (the trace's screenshots are JPEG thumbnails,
# 500 px wide here) differ by more than SAME_LEVEL grey levels: JPEG noise stays far below that, while a word or a
# formula not yet drawn (a font still loading) or moved changes hundreds of pixels.
SAME_LEVEL, SAME_PIXELS = 48, 0.001


def screenshots(trace: bytes, url: str) -> list[tuple[float, object]]:
    """(ms from the navigation to ``url``, greyscale image) of every frame the trace holds, in order."""
    from PIL import Image  # matplotlib's dependency pillow

    events = json.loads(trace)["traceEvents"]
    start = min(e["ts"] for e in events if e.get("name") == "navigationStart"
                and e.get("args", {}).get("data", {}).get("documentLoaderURL") == url)
    shots = sorted((e["ts"], e["args"]["snapshot"]) for e in events if e.get("name") == "Screenshot")
    return [((ts - start) / 1000, Image.open(io.BytesIO(base64.b64decode(data))).convert("L"))
            for ts, data in shots if ts >= start]


def same_frame(a, b) -> bool:
    from PIL import ImageChops

    changed = ImageChops.difference(a, b).point(lambda v: 255 if v > SAME_LEVEL else 0).histogram()[255]
    return changed <= SAME_PIXELS * a.width * a.height


# The top of the article in the window (fractions of its width and height): painted's region.
TOP_OF_ARTICLE = (0.23, 0.1, 0.77, 0.5)


def painted_ms(frames: list[tuple[float, object]], scripts_start: float, fonts_loading: bool = False) -> float:
    """When the first frame was drawn that shows something (not a blank window) and from which the top of the article
    stays as it is in the last frame before the theme's scripts ran (``scripts_start``: DOMContentLoaded); a floor,
    whose article is empty, at its first frame with content. What the scripts then add to the top (copy buttons, the
    current tab's underline, data tables' scrolling wrappers) is the scripts column's. If a font was still loading
    when the scripts started (``fonts_loading``), the top is compared with the last frame of all instead, so text
    drawn later in its own font counts."""
    drawn = next(t for t, image in frames if image.getextrema()[0] < 200)  # the header's colour or any text
    w, h = frames[-1][1].size
    box = tuple(round(f * size) for f, size in zip(TOP_OF_ARTICLE, (w, h, w, h)))
    top = [(t, image.crop(box)) for t, image in frames]
    before = [i for i, (t, _) in enumerate(top) if t < scripts_start]
    i = len(top) - 1 if fonts_loading or not before else before[-1]
    reference = top[i][1]
    while i > 0 and same_frame(top[i - 1][1], reference):
        i -= 1
    return max(drawn, top[i][0])
