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

#: The elements whose name comes from their content (a figure's and a table's from their captions) that hold a
#: formula on the site's pages.
NAMED = re.compile(r"<(h[1-6]|th|summary|a|figcaption|caption)\b([^>]*)>(.*?)</\1>", re.S)
CONTAINER = re.compile(r"<mjx-container\b[^>]*>.*?</mjx-container>", re.S)
MATHML = re.compile(r"<math\b.*?</math>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
RELATIONS = {"=", "≈", "<", ">", "≤", "≥", "≠", "→", "←", "∈"}
BINARY = {"+", "−", "-", "±", "·", "×", "⊙"}
SUPERSCRIPT = str.maketrans("0123456789+−-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")
INVISIBLE = str.maketrans("", "", "\u2062\u2063\u2064")  # invisible times, separator, plus
ACCENTS = {"^": "\u0302", "ˆ": "\u0302", "¯": "\u0304", "‾": "\u0304", "~": "\u0303", "˜": "\u0303",
           "→": "\u20d7", "˙": "\u0307"}  # y with a hat: ŷ
SCRIPTS = {"msub", "msup", "msubsup", "mover"}  # two side by side (δi xk) keep a space between


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _grouped(text: str) -> str:
    """A part of a fraction or a superscript, in parentheses where it is more than one term: (a+b), not a+b."""
    return f"({text})" if re.search(r"[\s+−=/-]", text) and not re.fullmatch(r"\(.*\)", text) else text


def spoken(node: ET.Element) -> str:
    """A MathML element as plain text, as the table of contents writes a formula: tokens as they are, a subscript
    after its base (``δi``), a superscript of digits and signs raised (``e²``), another after ``^`` (``e^(−vi)``),
    ``1/2`` as ``½``, other fractions with a slash (``d/dx``, ``(a/b)/c``), a sum's limits after it (``∑(i = 1 to
    n)``), a table's rows apart, spaces around a relation or an operator, between two terms and after a comma."""
    tag, kids = _local(node.tag), list(node)
    if tag in ("mi", "mn", "mo", "ms"):
        if (node.text or "").strip() == "\u2061":  # function application: coth x, not cothx
            return " "
        text = (node.text or "").translate(INVISIBLE).strip()
        if tag == "mo" and text in RELATIONS:
            return f" {text} "
        return f"{text} " if tag == "mo" and text in (",", ";") else text
    if tag == "mtext":
        return f" {' '.join((node.text or '').split())} "
    if tag in ("annotation", "annotation-xml", "mphantom"):
        return ""
    if tag == "mspace":
        return " "
    parts = [spoken(kid).strip() if tag in ("msub", "msup", "msubsup", "mfrac", "mroot", "mover", "munder",
                                            "munderover") else spoken(kid) for kid in kids]
    if tag in ("msup", "msubsup") and len(parts) >= 2:
        sup = parts[-1]
        raised = sup.translate(SUPERSCRIPT) if re.fullmatch(r"[0-9+−-]+", sup) else (
            sup if sup in ("′", "″", "‴", "∗", "*", "⊤") else f"^{_grouped(sup) if len(sup) > 1 else sup}")
        return "".join(parts[:-1]) + raised
    if tag == "mfrac" and len(parts) == 2:
        return "½" if parts == ["1", "2"] else "/".join(_grouped(p) for p in parts)
    if tag == "msqrt":
        return f"√({' '.join(''.join(parts).split())})"
    if tag == "mroot" and len(parts) == 2:
        return f"{parts[1]}√({parts[0]})"
    if tag == "mover" and len(parts) == 2:
        return parts[0] + ACCENTS[parts[1]] if parts[1] in ACCENTS else f"{parts[0]}^{_grouped(parts[1])}"
    if tag in ("munder", "munderover") and len(parts) >= 2:
        limits = parts[1] if tag == "munder" else f"{parts[1]} to {parts[2]}"
        return parts[0] + (limits if re.fullmatch(r"[\w,]+", limits) else f"({limits})") + " "
    if tag == "msub":
        return "".join(parts)
    if tag == "mtable":
        return "; ".join(" ".join(p.split()) for p in parts)
    if tag == "mtr":
        return "  ".join(parts)
    out, before = "", ""
    for kid, part in zip(kids, parts, strict=True):
        if _local(kid.tag) == "mo" and part in BINARY and re.search(r"[\w)′²³]\s*$", out):  # a + b, not a leading −
            out, before = out.rstrip() + f" {part} ", "mo"
            continue
        named = _local(kid.tag) == "mi" and len(part) > 1  # a function's name: x coth x, not xcoth x
        if ((before in SCRIPTS and _local(kid.tag) in SCRIPTS) or named) and re.search(r"\w$", out):  # δi xk
            out += " "
        out, before = out + part, _local(kid.tag)
    return out


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
    text = CONTAINER.sub(lambda m: html.escape(formula_text(m.group(0))), HEADERLINK.sub("", inner))  # r<1 stays
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
