"""bench_browser.py's "painted" (benchmarks/painted.py) on hand-drawn frames: when the top of the article is drawn as
it stays.

The frames stand in for the screenshots Chromium's tracing takes (greyscale, 500 x 352 like the trace's thumbnails):
a blank window, then the page with a word still missing (its font loading), then the page as it stays. A change in
the lower half of the window does not count, nor one the theme's scripts make (a copy button, a tab's underline),
unless a font was still loading when they started.
"""

from __future__ import annotations

import pytest

from benchmarks.painted import TOP_OF_ARTICLE, painted_ms, same_frame

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
W, H = 500, 352


def frame(*boxes: tuple[float, float, float, float], header: bool = True):
    """A window: white, the header's bar on top (if drawn), and a dark box for each (x0, y0, x1, y1) in fractions."""
    image = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(image)
    if header:
        draw.rectangle((0, 0, W, 0.07 * H), fill=80)
    for x0, y0, x1, y1 in boxes:
        draw.rectangle((x0 * W, y0 * H, x1 * W, y1 * H), fill=20)
    return image


TITLE = (0.3, 0.15, 0.6, 0.2)
WORD = (0.3, 0.3, 0.36, 0.32)  # a word of the first paragraph, drawn once its font has loaded
BELOW = (0.3, 0.8, 0.7, 0.85)  # a paragraph in the lower half of the window


def test_a_word_of_the_top_still_missing_is_not_painted():
    frames = [(5.0, frame(header=False)), (300.0, frame(TITLE)), (450.0, frame(TITLE, WORD)),
              (900.0, frame(TITLE, WORD))]
    assert painted_ms(frames, scripts_start=800.0) == 450.0


def test_a_change_in_the_lower_half_is_not_waited_for():
    moved = (BELOW[0], BELOW[1] + 0.02, BELOW[2], BELOW[3] + 0.02)
    frames = [(300.0, frame(TITLE, WORD, BELOW)), (1200.0, frame(TITLE, WORD, moved))]
    assert TOP_OF_ARTICLE[3] < BELOW[1]
    assert painted_ms(frames, scripts_start=1000.0) == 300.0


def test_a_floor_is_painted_at_its_first_frame_with_content():
    frames = [(5.0, frame(header=False)), (250.0, frame()), (700.0, frame())]
    assert painted_ms(frames, scripts_start=400.0) == 250.0


BUTTON = (0.7, 0.3, 0.72, 0.33)  # a copy button the theme's script adds to a code block at the top


def test_what_the_scripts_add_is_theirs_unless_a_font_was_still_loading():
    frames = [(300.0, frame(TITLE, WORD)), (600.0, frame(TITLE, WORD, BUTTON)), (900.0, frame(TITLE, WORD, BUTTON))]
    assert painted_ms(frames, scripts_start=500.0) == 300.0
    # the word's font arrives after the scripts started: the top is compared with the last frame
    frames = [(300.0, frame(TITLE)), (600.0, frame(TITLE, WORD)), (900.0, frame(TITLE, WORD))]
    assert painted_ms(frames, scripts_start=500.0, fonts_loading=True) == 600.0


def test_jpeg_noise_is_the_same_frame_and_a_missing_word_is_not():
    noisy = frame(TITLE, WORD).point(lambda v: min(255, v + 6))  # every pixel a little lighter, as JPEG does
    assert same_frame(noisy, frame(TITLE, WORD))
    assert not same_frame(frame(TITLE), frame(TITLE, WORD))
