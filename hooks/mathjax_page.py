"""Where a page's math is, found as client-side MathJax would find it, and the rendered formulas put in its place.

Math is looked for where the client-side configuration (``docs/javascripts/mathjax-config.js``) looks: in the text
of ``.arithmatex`` elements (pymdownx.arithmatex writes ``\\(...\\)`` and ``\\[...\\]``) and of the notebook markdown
cells (``.jp-RenderedMarkdown``, raw ``$...$`` and ``$$...$$``), with MathJax's own delimiter finder and the same
delimiters, escapes and environments (hooks/mathjax_v8.py). Arithmatex spans are replaced in the HTML text as it is;
only notebook markdown with math outside them is parsed (BeautifulSoup). Imported by hooks/mathjax_prerender.py
(not a hook itself).
"""

from __future__ import annotations

import html
import logging
import re

from bs4 import BeautifulSoup, Comment, NavigableString
from mathjax_v8 import Renderer, TexError  # hooks/mathjax_v8.py

log = logging.getLogger("mkdocs.plugins.backprop.mathjax_prerender")  # the hook's: mkdocs --strict counts it

# Where the client looks for math (keep in step with docs/javascripts/mathjax-config.js; how it finds it there:
# FIND_OPTIONS in mathjax_v8.py).
MATH_CLASSES = ("arithmatex", "jp-RenderedMarkdown", "jp-MarkdownOutput")
SKIP_TAGS = {"script", "noscript", "style", "textarea", "pre", "code", "annotation", "annotation-xml"}

# pymdownx.arithmatex (generic) output: the TeX, HTML-escaped, with its delimiters, as the element's only content.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">([^<]*)</\1>')
NOTEBOOK_MARKDOWN = re.compile(r'class="[^"]*\b(?:jp-RenderedMarkdown|jp-MarkdownOutput)\b')
RAW_DELIMITER = re.compile(r"\$|\\[([]|\\begin\{|\\(?:eq)?ref\{")
TOKEN = "\x02mjx{}\x03"  # stands in for a rendered formula while the page is a soup; survives serialization


def prerender_page(r: Renderer, output: str, src_uri: str, content: str | None = None) -> tuple[str, int]:
    """The page's HTML with its math pre-rendered by ``r``, and how many formulas were rendered into it. ``content``:
    the part of it mkdocs rendered from the page source (``page.content``); only that part is ever parsed as a soup,
    and only when it holds notebook markdown with math outside arithmatex spans (the rest of the page is left byte
    for byte)."""
    content = output if content is None else content
    in_soup = 0
    if needs_soup(content):
        if content in output:
            soup, in_soup = _prerender_soup(r, content, src_uri)
            output = output.replace(content, soup, 1)
        else:
            output, in_soup = _prerender_soup(r, output, src_uri)
    output, in_spans = _prerender_arithmatex(r, output, src_uri)
    return output, in_soup + in_spans


def needs_soup(html_text: str) -> bool:
    """Notebook markdown with math delimiters outside arithmatex spans (hooks/notebooks.py wraps most of them)."""
    return bool(NOTEBOOK_MARKDOWN.search(html_text) and RAW_DELIMITER.search(ARITHMATEX.sub("", html_text)))


def _render_strings(r: Renderer, strings: list[str], src_uri: str, each_is_math: bool = False) -> list[list]:
    """For each string, its pieces: str (text, as is) or (tex, display) for a formula.

    ``each_is_math``: every string is one formula (arithmatex); one where MathJax finds none (an unbalanced brace
    hides the closing delimiter) is an error too, where the browser would silently show the raw TeX.
    """
    found = r.find(strings)
    if each_is_math:
        for n in sorted(set(range(len(strings))) - {item[0] for item in found}):
            log.warning(f"MathJax pre-render: TeX error on page '{src_uri}': no complete formula (unbalanced "
                        f"braces or delimiters?) in {strings[n]!r}")
    r.render_all((tex, display) for _, _, _, tex, display in found if display is not None)
    pieces: list[list] = [[] for _ in strings]
    position = [0] * len(strings)
    for n, start, end, tex, display in found:
        text = strings[n]
        pieces[n].append(text[position[n]:start])
        if display is None:  # \$ -> $
            pieces[n].append(tex)
        else:
            out = r.cache[(tex, display)]
            if isinstance(out, TexError):
                log.warning(f"MathJax pre-render: TeX error on page '{src_uri}': {out} in "
                            f"{'display' if display else 'inline'} formula {tex!r}")
                pieces[n].append(text[start:end])  # left as raw TeX
            else:
                pieces[n].append((tex, display))
        position[n] = end
    for n, text in enumerate(strings):
        pieces[n].append(text[position[n]:])
    return pieces


def _formulas(pieces: list[list]) -> int:
    """How many formulas ``pieces`` (from _render_strings) put in the page: those MathJax rendered."""
    return sum(isinstance(x, tuple) for p in pieces for x in p)


def _prerender_arithmatex(r: Renderer, output: str, src_uri: str) -> tuple[str, int]:
    matches = list(ARITHMATEX.finditer(output))
    if not matches:
        return output, 0
    pieces = _render_strings(r, [html.unescape(m[2]) for m in matches], src_uri, each_is_math=True)
    cache = r.cache
    parts, last = [], 0
    for m, p in zip(matches, pieces):
        parts.append(output[last:m.start(2)])
        parts.extend(cache[x] if isinstance(x, tuple) else html.escape(x, quote=False) for x in p)
        last = m.end(2)
    parts.append(output[last:])
    return "".join(parts), _formulas(pieces)


def math_text_nodes(soup) -> list[NavigableString]:
    """Text MathJax would search: inside MATH_CLASSES elements; a descendant with any other class, or a skipped
    tag (code, pre, ...), is left out (mathjax-config.js: ignoreHtmlClass, processHtmlClass, skipHtmlTags)."""
    nodes = []

    def walk(element):
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if child.strip():
                    nodes.append(child)
            elif not _processed(child) and child.name not in SKIP_TAGS and not child.get("class"):
                walk(child)  # a processed child is walked on its own, below

    for element in soup.find_all(_processed):
        walk(element)
    return nodes


def _processed(tag) -> bool:
    return getattr(tag, "name", None) is not None and any(c in MATH_CLASSES for c in tag.get("class") or ())


def _prerender_soup(r: Renderer, output: str, src_uri: str) -> tuple[str, int]:
    soup = BeautifulSoup(output, "html.parser")
    nodes = math_text_nodes(soup)
    pieces = _render_strings(r, [str(node) for node in nodes], src_uri)
    rendered: list[str] = []
    cache = r.cache
    for node, p in zip(nodes, pieces):
        if all(isinstance(x, str) for x in p) and "".join(p) == str(node):
            continue
        text = ""
        for x in p:
            if isinstance(x, tuple):
                text += TOKEN.format(len(rendered))
                rendered.append(cache[x])
            else:
                text += x
        node.replace_with(NavigableString(text))
    out = str(soup)
    out = re.sub("\x02mjx(\\d+)\x03", lambda m: rendered[int(m[1])], out) if rendered else out
    return out, _formulas(pieces)
