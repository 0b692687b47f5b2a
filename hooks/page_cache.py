"""Markdown pages with executed blocks render again only when something they depend on changed.

markdown-exec runs a page's ``exec="on"`` blocks each time the page is rendered; most of a rebuild's time goes there.
A page's HTML depends on its Markdown (as the other hooks leave it: the install line is in it), on the files it
includes with ``--8<--`` (pymdownx.snippets, recursively), on the package, the example, the ``BACKPROP_*``
environment and the tools (hooks/cache_inputs.py), on mkdocs.yml, and on the site's files (where a link points); not
on the site's URL (rendering writes relative links). This hook hashes all of that into one key per page and keeps
the HTML mkdocs rendered, with what mkdocs learnt while rendering it (title, table of contents, anchors, the links
to other pages' anchors), in ``.cache/pages/<key>.json``. On a hit the page's Markdown is replaced by nothing
before rendering, and the kept HTML and the rest are given back in ``on_page_content`` before any other plugin sees
the page, so everything after rendering (autorefs, search, notebooks.py, mathjax_prerender.py, ...) runs as before.

Never kept: a page whose rendering logged a warning (``--strict`` must fail on it again next time), any page while
warnings are not logged at all (``mkdocs build -q`` sets the ``mkdocs`` logger to ERROR, so a block that failed, and
printed its traceback into the page, would count no warning: mkdocs issue #4126), pages without
executed blocks (they render fast), and pages with what registers itself while rendering besides headings
(mkdocstrings' ``::: identifier``, autorefs' ``[](){#anchor}``). The headings of a page given back from the cache
are registered with mkdocs-autorefs through its public ``register_anchor``, as its heading scanner does while
rendering, so ``[text][heading-id]`` links to them resolve.

markdown-exec numbers the ids of a block's output (``exec-N--``) with its own counter over the whole process; a page
from the cache keeps the ids it was rendered with, which are unique within the page, as ids need to be.
``BACKPROP_PAGE_CACHE`` names another cache directory (the tests use one of their own).
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

import cache_inputs  # hooks/cache_inputs.py: mkdocs loads a hook with its folder on sys.path
import incremental  # hooks/incremental.py
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.plugins.backprop.page_cache")

CACHE_ENV = "BACKPROP_PAGE_CACHE"
HOW = Path(__file__).read_bytes()  # this file says what is kept: a part of every key
EXEC = re.compile(r"""^[ \t>]*(?:`{3,}|~{3,})[^\n]*\bexec=["']?([^"'\s]*)""", re.M)  # a fence's exec option
AUTODOC = re.compile(r"^:::[ \t]+\S", re.M)  # mkdocstrings' block
SNIPPET_LINE = re.compile(r"^\s*-{1,}8<-{1,}\s*(.*)$", re.M)
KEEP = 20  # kept per page with executed blocks (the most recently used): a few examples and package versions

_state: dict = {"digest": None, "site": None, "hits": {}, "misses": {}, "warnings": 0, "stats": [0, 0]}


class _CountWarnings(logging.Handler):
    def emit(self, record):
        _state["warnings"] += 1


_COUNTER = _CountWarnings(logging.WARNING)


def cache_dir() -> Path:
    return cache_inputs.cache_dir(CACHE_ENV, "pages")


def has_exec_blocks(markdown: str) -> bool:
    """Whether a fence of ``markdown`` has markdown-exec's ``exec`` on (any value but 0, no, off, false)."""
    return any(value.lower() not in ("0", "no", "off", "false") for value in EXEC.findall(markdown))


def cacheable(markdown: str) -> bool:
    """A page with executed blocks and nothing that registers itself while rendering but its headings:
    no mkdocstrings ``::: identifier`` and no autorefs ``[](){#anchor}``."""
    return has_exec_blocks(markdown) and not AUTODOC.search(markdown) and "](){#" not in markdown


def snippet_paths(markdown: str) -> list[str]:
    """The files a page names on ``--8<--`` lines and in ``--8<--`` blocks (quoted or not; over-inclusion is
    harmless: a name that is no file hashes as absent)."""
    names, in_block = [], False
    for line in markdown.splitlines():
        match = SNIPPET_LINE.match(line)
        if match:
            rest = match[1].strip()
            if rest:
                names.append(rest.strip("\"'"))
            else:
                in_block = not in_block
        elif in_block and line.strip():
            names.append(line.strip().strip("\"'"))
    return [n.split(":")[0] for n in names]  # "file.md:3:8" and "file.md:section" include a part of file.md


def included_files(markdown: str, bases: list[Path], seen: set[Path] | None = None) -> list[tuple[str, bytes]]:
    """(name, content) of every file ``markdown`` includes, recursively; a missing one as (name, b"")."""
    seen = set() if seen is None else seen
    out = []
    for name in snippet_paths(markdown):
        path = next((b / name for b in bases if (b / name).is_file()), None)
        if path is None:
            out.append((name, b""))
            continue
        if path in seen:
            continue
        seen.add(path)
        data = path.read_bytes()
        out.append((name, data))
        out += included_files(data.decode("utf-8", "replace"), bases, seen)
    return out


def _bases(config) -> list[Path]:
    """pymdownx.snippets' base_path, relative to where mkdocs runs."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    return [Path(b).resolve() for b in ([base] if isinstance(base, str) else base)]


def _toc_tokens(items) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _toc_tokens(a.children)} for a in items]


def _register_headings(config, page, items) -> None:
    """What mkdocs-autorefs learns while a page renders (it scans the headings, for ``[text][heading-id]`` links
    from any page), told through its public ``register_anchor``, as its heading scanner does."""
    autorefs = config.plugins.get("autorefs")
    if autorefs is None or not hasattr(autorefs, "register_anchor"):
        return
    for link in items:
        autorefs.register_anchor(page, link.id, title=link.title)
        _register_headings(config, page, link.children)


def on_config(config, **kwargs):
    root = logging.getLogger("mkdocs")
    if _COUNTER not in root.handlers:
        root.addHandler(_COUNTER)
    return config


def on_files(files, config, **kwargs):
    site = {
        "config": Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
        "files": sorted(f.src_uri + "\0" + f.url for f in files if not f.inclusion.is_excluded()),
    }
    _state.update(digest=cache_inputs.current_digest(), site=json.dumps(site, default=str).encode(), hits={},
                  misses={}, stats=[0, 0])
    return files


@event_priority(-100)  # last: the Markdown as the other hooks leave it is what renders
def on_page_markdown(markdown, page, config, files, **kwargs):
    if not cacheable(markdown):
        return markdown
    parts = [HOW, _state["site"], page.file.src_uri.encode(), markdown.encode()]
    parts += [name.encode() + b"\0" + data for name, data in included_files(markdown, _bases(config))]
    key = cache_inputs.key(_state["digest"], *parts)
    path = cache_dir() / f"{key}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        _state["misses"][page.file.src_uri] = (path, _state["warnings"])
        return markdown
    os.utime(path)  # used: not pruned
    _state["hits"][page.file.src_uri] = entry
    return ""  # nothing to render: on_page_content gives back the kept HTML


@event_priority(100)  # first: every other plugin sees the page as rendered
def on_page_content(html, page, config, files, **kwargs):
    entry = _state["hits"].pop(page.file.src_uri, None)
    if entry is not None:
        _state["stats"][0] += 1
        page.toc = get_toc(entry["toc"])
        page.title = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links"].items()
                                 if files.get_file_from_path(uri) is not None}
        _register_headings(config, page, page.toc.items)
        return entry["html"]
    miss = _state["misses"].pop(page.file.src_uri, None)
    if miss is not None:
        _state["stats"][1] += 1
        path, warnings_before = miss
        # a page that warned renders again next time, and warns again; under -q no warning can be counted
        if _state["warnings"] == warnings_before and logging.getLogger("mkdocs").isEnabledFor(logging.WARNING):
            entry = {
                "html": html,
                "toc": _toc_tokens(page.toc),
                "title": page.title,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()},
            }
            cache_inputs.write_whole(path, json.dumps(entry).encode("utf-8"))
    return html


def on_post_build(config, **kwargs):
    hits, misses = _state["stats"]
    log.info("pages with executed blocks: %d from the cache, %d rendered", hits, misses)
    root = cache_dir()
    pages = hits + misses
    if not incremental.whole_build():
        return  # a rebuild of some pages: what the others use is kept (pruned by the next whole build)
    cache_inputs.prune(list(root.glob("*.json")) if root.is_dir() else [], KEEP * max(1, pages))
