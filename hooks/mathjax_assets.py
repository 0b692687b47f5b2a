"""Serve MathJax from the site itself: copy the files the pages need out of the installed
``django-static-mathjax`` package (MathJax 3.2.2, Apache-2.0) into ``site/assets/mathjax``.

Nothing is vendored into git and nothing is fetched from a CDN.

What is copied, and why (checked in Chromium by watching the requests MathJax makes on a page load
and after switching on every option of its contextual menu):

* ``tex-chtml.js`` (1.2 MB) is the only file a page loads: TeX input, CHTML output, the contextual
  menu (``ui/menu`` is bundled in it) and assistive MathML (hidden MathML for screen readers).
* ``output/chtml/fonts/woff-v2`` holds the fonts the glyphs are drawn with (a page loads a few).
* ``input/tex/extensions``: TeX packages that ``autoload`` fetches for rarer macros (``\\cancel``,
  ``\\boldsymbol``, ...). Only what a page uses is loaded.
* The menu's *Accessibility* options (the interactive explorer that reads and navigates formulas,
  speech, Braille, collapsible math) load ``a11y/*``, ``input/mml.js`` and the speech rule engine's
  English and Nemeth Braille rules. These are for readers who use a screen reader, so they stay.

Left out on purpose: the other 10 languages of the speech rule engine (about 3.2 MB; the site is in
English), ``ui/menu.js`` (already inside tex-chtml.js), ``ui/lazy.js`` and ``ui/safe.js`` (not
configured), and every other input/output format.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import mathjax  # the django-static-mathjax distribution

SOURCE = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
NEEDED = [
    "tex-chtml.js",
    "output/chtml/fonts/woff-v2",
    "input/tex/extensions",
    "input/mml.js",  # the explorer re-parses the MathML it enriches
    "a11y",  # explorer, semantic-enrich, sre, complexity, assistive-mml
    "sre/mathmaps/base.json",
    "sre/mathmaps/en.json",
    "sre/mathmaps/nemeth.json",
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
