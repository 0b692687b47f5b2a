"""Boxes that may scroll sideways get a tab stop (and a name) in the HTML itself, so they are reachable by keyboard
from the first paint, before any script runs (WCAG 2.1.1; axe scrollable-region-focusable).

Whether a box scrolls depends on the reader's screen, so every box that can scroll is marked:

* display math (``mjx-container[display="true"]``, which ``stylesheets/extra.css`` lets scroll; pre-rendered math
  already has ``tabindex="0"`` from hooks/mathjax_prerender.py): a group named "equation" around its MathML;
* tables (material's CSS makes them scroll, its script later wraps them in ``.md-typeset__scrollwrap``, which
  scrolls then, and to which ``scroll-regions.js`` moves the stop, as a group named "scrolls sideways": a focused
  table would get the theme's focus-visible class and lose its style, ``table:not([class])``):
  ``tabindex="0"``, no role and no name of their own (they stay tables, which a screen reader announces as such, with
  their size; a name "table" was read "table table");
* code blocks (``pre > code``): ``tabindex="0"``, as material's own script gives one once it runs (and takes away
  from blocks that fit); their name is their text;
* the row of content tab labels, which scrolls on a phone when the tabs are many.

``docs/javascripts/scroll-regions.js`` takes the stop away again from the display math, tables, notebook boxes and tab
rows that turn out to fit once drawn, and handles what only the browser can know: an inline formula wider than its
paragraph, and client-side MathJax's display math (typeset after load).
"""

from __future__ import annotations

import re

DISPLAY_MATH = re.compile(r'<mjx-container class="MathJax" jax="CHTML" display="true"(?![^>]*\brole=)')
TABLE = re.compile(r"<table>")  # material's data tables: table:not([class])
CODE = re.compile(r'(<pre\b[^>]*>(?:<span></span>)?)<code(?=[ >])(?![^>]*\btabindex=)')
TAB_LABELS = re.compile(r'<div class="tabbed-labels">')


def mark(html: str) -> str:
    html = DISPLAY_MATH.sub(r'\g<0> role="group" aria-label="equation"', html)
    html = TABLE.sub('<table tabindex="0">', html)
    html = CODE.sub(r'\1<code tabindex="0"', html)
    return TAB_LABELS.sub('<div class="tabbed-labels" tabindex="0" role="group" aria-label="tabs">', html)


def on_post_page(output: str, page, config, **kwargs):
    head, sep, body = output.partition("<body")
    return head + sep + mark(body)
