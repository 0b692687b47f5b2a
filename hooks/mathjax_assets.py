"""Serve MathJax from the site itself: copy the files the pages need out of the installed
``django-static-mathjax`` package (MathJax 3.2.2, Apache-2.0) into ``site/assets/mathjax``.

Nothing is vendored into git and nothing is fetched from a CDN.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import mathjax  # the django-static-mathjax distribution

SOURCE = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
NEEDED = [
    "tex-chtml.js",                       # TeX input + CommonHTML output + assistive MathML
    "output/chtml/fonts/woff-v2",         # the fonts CHTML draws glyphs with
    "input/tex/extensions",               # TeX packages loaded on demand (\boldsymbol, ...)
    "a11y",                               # accessibility extensions the menu may load
    "ui",                                 # the contextual menu and its lazy parts
    "sre",                                # speech rule engine, used by a11y on demand
]


def on_post_build(config, **kwargs):
    target = Path(config["site_dir"]) / "assets" / "mathjax"
    for rel in NEEDED:
        src, dst = SOURCE / rel, target / rel
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
