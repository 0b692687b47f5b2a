"""The part of a page's article that a reader sees without scrolling or clicking, as HTML: what decides the fonts a
page preloads (hooks/fonts.py for the text faces, hooks/mathjax_prerender.py for MathJax's). Not a hook itself.

A browser requests a web font only when layout first needs one of its characters, so a face first needed by the text
at the top of a page arrives after the first layout; until it does, that text is invisible (the faces'
``font-display: fallback`` block period) or drawn in a fallback font. Preloaded, the face comes with the stylesheets
and the first frame is drawn in it. Preloading a face the first screen does not draw would fetch it before the page
is usable (and Chromium warns about a preload it does not use), so only what the first screen shows counts: not the
inside of a closed ``<details>`` (its summary shows), nor a content tab other than the one that opens.

Where the first screen ends depends on the reader's window; this takes the article up to ``BUDGET`` characters of
text, about what the article column of a 1280 x 900 window holds below the header (lines of about 100 characters,
some 25 of them after headings, paragraph gaps and a figure), or ``PHONE_BUDGET``, what a 375 x 740 phone holds
(lines of about 45 characters). A display formula counts as ``DISPLAY`` characters (its height in lines); an inline
one as the characters of its MathML, about what it draws.

A phone does not draw what lies below its first screen before the reader scrolls (blocks there skip their rendering:
``content-visibility: auto`` in extra.css), so a face only the wider screen draws is preloaded for wide windows only
(`preloads`: ``media`` ``WIDE``), or a phone would fetch it before the page is usable and not use it.
"""

from __future__ import annotations

import hashlib
import re
from html import unescape

BUDGET = 2000
PHONE_BUDGET = 1000
WIDE = "(min-width: 60em)"  # material's layout for tablets in landscape and wider: the desktop's first screen
DISPLAY = 160
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
TOKEN = re.compile(r"<!--.*?-->|<(/?)([\w:-]+)([^>]*)>|([^<]+)|<", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_TEXT = {"script", "style"}  # their content is text to an HTML parser (a "<em>" in a script is no element)
NOT_DRAWN = {"title"}  # text no font of the page draws: an inline SVG's tooltip


class _Element:
    def __init__(self, tag: str, hidden: bool, attrs: str, parent: _Element | None = None):
        self.tag, self.hidden = tag, hidden
        self.closed_details = tag == "details" and not re.search(r"\bopen\b", attrs)
        # A content tab set (pymdownx.tabbed): one radio input per tab, the checked one (else the first) is shown.
        self.tab_set = tag == "div" and re.search(r'class="tabbed-set\b', attrs) is not None
        self.inputs, self.checked = 0, 1
        in_set = tag == "div" and 'class="tabbed-content"' in attrs and parent is not None and parent.tab_set
        self.shown_block = parent.checked if in_set else None
        self.blocks = 0

    def child_hidden(self, tag: str, attrs: str) -> bool:
        """Whether a child element with this tag and attributes is out of sight (this one being in sight)."""
        if self.closed_details:
            return tag != "summary"
        if self.tab_set and tag == "input":
            self.inputs += 1
            if re.search(r"\bchecked\b", attrs):
                self.checked = self.inputs
        if self.shown_block is not None and 'class="tabbed-block"' in attrs:
            self.blocks += 1
            return self.blocks != self.shown_block
        return False


# first_screen's results by a digest of its arguments: under `make serve` every rebuild writes every page again, and
# all but the edited one with the same HTML, whose first screen need not be read again (its reading is pure Python,
# token by token, four times a page)
_SEEN: dict[bytes, str] = {}


def first_screen(html: str, budget: int = BUDGET, whole_page: bool = True) -> str:
    """The HTML the article's first screen shows: its elements and text in sight, from the ``<article>`` tag until
    ``budget`` characters of text (as counted above) have been read; empty if the page has no article. With
    ``whole_page=False``, ``html`` is the article's content itself (mkdocs' ``page.content``)."""
    key = hashlib.blake2b(f"{budget} {whole_page} {html}".encode("utf-8", "surrogatepass"), digest_size=16).digest()
    if key not in _SEEN:
        if len(_SEEN) >= 1024:  # pages that changed since, many times over
            _SEEN.clear()
        _SEEN[key] = _first_screen(html, budget, whole_page)
    return _SEEN[key]


def _first_screen(html: str, budget: int, whole_page: bool) -> str:
    start = ARTICLE.search(html) if whole_page else re.match("", html)
    if start is None:
        return ""
    shown, seen = [start.group()], 0
    stack = [_Element("article", False, "")]
    pos = start.end()
    while pos < len(html) and seen < budget:
        m = TOKEN.match(html, pos)
        pos = m.end()
        closing, tag, attrs, text = m.group(1), m.group(2), m.group(3), m.group(4)
        parent = stack[-1]
        if text is not None or tag is None:  # text, or a comment / a stray "<"
            if text is not None and not parent.hidden and parent.tag not in NOT_DRAWN:
                shown.append(text)
                seen += len(unescape(text).strip())
        elif closing:
            if tag == "article" and len(stack) == 1:
                shown.append(m.group())
                break
            if any(element.tag == tag for element in stack[1:]):  # else a stray end tag: nothing to close
                while stack[-1].tag != tag:  # an element left open (HTML allows it for <p>, <li>)
                    stack.pop()
                if not stack.pop().hidden:
                    shown.append(m.group())
        elif tag in RAW_TEXT:
            end = html.find(f"</{tag}", pos)
            pos = len(html) if end < 0 else end  # its end tag is then read as a stray one
        else:
            hidden = parent.hidden or parent.child_hidden(tag, attrs)
            if not hidden:
                shown.append(m.group())
                if tag == "mjx-container" and 'display="true"' in attrs:
                    seen += DISPLAY
            if tag not in VOID and not attrs.rstrip().endswith("/"):
                stack.append(_Element(tag, hidden, attrs, parent))
    return "".join(shown)


def preloads(wanted, html: str, whole_page: bool = True) -> list[tuple[str, str | None]]:
    """What to preload for a page: ``(file, media)`` for each file ``wanted(first screen's HTML)`` names (in its
    order), ``media`` None for a file a phone's first screen needs, ``WIDE`` for one only a desktop's needs."""
    phone = wanted(first_screen(html, PHONE_BUDGET, whole_page))
    return [(f, None) for f in phone] + [(f, WIDE) for f in wanted(first_screen(html, BUDGET, whole_page))
                                          if f not in phone]
