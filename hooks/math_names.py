"""Headings, table headers, box titles and links whose words hold a formula get the formula in their accessible name.

Chromium leaves MathML out of a name it computes from an element's content: the heading "2. Dropping f′(v)" is
announced "2. Dropping" in a list of headings, and a column header that is only a formula has no name at all, though
the same MathML is read where it stands (a reviewer, with Chromium's accessibility tree; a MathML element with a name
of its own is kept). Each such element gets an ``aria-label``: its text, with each pre-rendered formula written from
its assistive MathML the way the table of contents writes one (``δi``, ``w11``, ``f′(v)``, ``E = ½e²``). The formulas
keep their MathML as it is, without a label, for the screen readers that read and navigate it.

Runs after hooks/mathjax_prerender.py, whose MathML it reads; with client-side MathJax (no MathML in the HTML) it
changes nothing.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

#: The elements whose name comes from their content and that hold a formula on the site's pages.
NAMED = re.compile(r"<(h[1-6]|th|summary|a)\b([^>]*)>(.*?)</\1>", re.S)
CONTAINER = re.compile(r"<mjx-container\b[^>]*>.*?</mjx-container>", re.S)
MATHML = re.compile(r"<math\b.*?</math>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
RELATIONS = {"=", "≈", "<", ">", "≤", "≥", "≠", "→", "←"}
SUPERSCRIPT = str.maketrans("0123456789+−-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")
INVISIBLE = str.maketrans("", "", "\u2061\u2062\u2063\u2064")  # function application, invisible times, ...


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def spoken(node: ET.Element) -> str:
    """A MathML element as plain text: tokens as they are, a subscript after its base (``δi``), a superscript of digits
    and signs raised (``e²``), another after ``^`` (``e^(−vi)``), ``1/2`` as ``½``, spaces around a relation and after
    a comma."""
    tag, kids = _local(node.tag), list(node)
    if tag in ("mi", "mn", "mo", "mtext", "ms"):
        text = (node.text or "").translate(INVISIBLE).strip()
        if tag == "mo" and text in RELATIONS:
            return f" {text} "
        return f"{text} " if tag == "mo" and text in (",", ";") else text
    if tag in ("annotation", "annotation-xml"):
        return ""
    if tag == "mspace":
        return " "
    parts = [spoken(kid) for kid in kids]
    if tag in ("msup", "msubsup") and len(parts) >= 2:
        sup = parts[-1].strip()
        raised = sup.translate(SUPERSCRIPT) if re.fullmatch(r"[0-9+−-]+", sup) else (
            sup if sup in ("′", "″", "∗", "*", "⊤") else f"^({sup})" if len(sup) > 1 else f"^{sup}")
        return "".join(parts[:-1]) + raised
    if tag == "mfrac" and len(parts) == 2:
        top, bottom = (p.strip() for p in parts)
        if (top, bottom) == ("1", "2"):
            return "½"
        return "/".join(f"({p})" if re.search(r"[\s+−=-]", p) else p for p in (top, bottom))  # d/dx, (a+b)/c
    if tag == "msqrt":
        return f"√({''.join(parts)})"
    return "".join(parts)


def formula_text(container: str) -> str:
    """The plain text of one pre-rendered formula (``<mjx-container>``), from its assistive MathML."""
    found = MATHML.search(container)
    if found is None:
        return ""
    try:
        text = spoken(ET.fromstring(found.group(0)))
    except ET.ParseError:  # not XML (an HTML entity): its tokens' text, in order
        text = html.unescape(TAG.sub("", found.group(0)))
    return " ".join(text.split())


def label_of(inner: str) -> str:
    """An element's content as text, each formula written as `formula_text` writes it, the heading's ¶ left out."""
    text = CONTAINER.sub(lambda m: formula_text(m.group(0)), HEADERLINK.sub("", inner))
    return " ".join(html.unescape(TAG.sub("", text)).split())


def name(page_html: str) -> str:
    """Every heading, table header, box title and link of ``page_html`` that holds a formula, with an ``aria-label``
    (one it has already is kept)."""
    def labelled(m: re.Match) -> str:
        tag, attrs, inner = m.groups()
        if "<mjx-container" not in inner or "aria-label=" in attrs:
            return m.group(0)
        return f'<{tag}{attrs} aria-label="{html.escape(label_of(inner))}">{inner}</{tag}>'
    return NAMED.sub(labelled, page_html)


def on_post_page(output: str, page, config, **kwargs):
    head, sep, body = output.partition("<body")
    return head + sep + name(body)
