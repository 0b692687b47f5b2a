"""`make serve` rebuilds only the page an author saved (mkdocs' ``--dirty``), and the whole site when anything else
changed.

mkdocs' documented ``serve --dirty`` writes again only the pages whose source is newer than their output. Alone, that
is right for a page's own text and wrong for everything a page depends on besides it. So, at each build:

* **The whole site** is built again (the site folder emptied first, so that every page is out of date) when anything
  but a page's own source changed since the last build of this process: the package, the example in use, the
  ``BACKPROP_*`` environment or the tools (hooks/cache_inputs.py), mkdocs.yml, the set of pages, the first heading
  of a page without a title in the nav (every page's nav names it by that), the theme's overrides (watched too,
  ``on_serve``), the hooks, or any other file of ``docs/`` (the snippets and pictures that pages include, the
  stylesheets, material's ``.meta.yml``; not an editor's lock, swap or backup file). A build that is not dirty
  (``mkdocs build``) is always whole.
* **A page whose source is not what the last build read** is written, whatever its time: mkdocs would miss one saved
  while its own rebuild ran (its output is newer) and one put back with an older time (``cp -p``, a draft moved in).
* **The API reference's pages** are written together, and with any page written now that links into them:
  mkdocstrings and mkdocs-autorefs learn the objects' anchors only while those pages render (errata.md links to the
  rules' functions; the reference pages to each other). What mkdocstrings writes from the pages it rendered
  (``objects.inv``: ``KEPT``) is put back as the last build with those pages wrote it, where a build without them
  would write it empty. (Writing them at every save took 2 of a saved page's 3 seconds.) A page written now that
  links to a heading of another page by its id (``[text][heading-id]``) has every page written.
* **A page without a title in the nav** is written at every build: its title is its first heading, which mkdocs
  knows only once it has read the page, and the nav of every page written names it.
* **What is made of every page** (the text fonts cut to the characters of all pages, hooks/fonts.py; the search
  index, hooks/search_labels.py) is made from each page's share, kept here across the rebuilds of one server
  (``shares``): the pages built now give theirs again, the others keep the ones they gave before.

tests/site/test_incremental.py compares what a server built this way serves with a whole build, file by file. Not
kept up to date by a dirty build, as mkdocs warns: the checks of links into other pages (a whole build makes them).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import types
from pathlib import Path

import cache_inputs  # hooks/cache_inputs.py: mkdocs loads a hook with its folder on sys.path
from mkdocs.plugins import event_priority
from mkdocs.utils import clean_directory

# Kept in sys.modules: the server's later builds, and the hooks that import this file, find the same state.
STATE = sys.modules.setdefault("_backprop_incremental_state", types.SimpleNamespace(
    dirty=False,  # mkdocs was started with --dirty (on_startup)
    built=None,  # the inputs and the site folder of the last build that ended well; None: none yet
    inputs=None,  # those of the build in progress
    whole=True,  # the build in progress writes every page
    reference_written=True,  # ... or at least the API reference's pages
    shares={},  # name -> {page: its share of what is made of every page}
    sources={},  # each page's source as the last build read it: its path -> the hash of its text
))


# A reference-style link [text][label] or [label][], and the definition that makes one plain Markdown
REFERENCE = re.compile(r"\[([^\]\n]*)\]\[([^\]\n]*)\]")
DEFINED = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:", re.M)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$", re.S)
KEPT = ("objects.inv",)  # what mkdocstrings writes from the reference pages it rendered (not its stylesheet)


def _source(path: str | None) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace") if path else ""
    except OSError:
        return ""


def is_reference_page(text: str) -> bool:
    """A page that mkdocstrings renders: a line of its Markdown ``text`` starts with ``:::``."""
    return any(line.startswith(":::") for line in text.splitlines())


def cross_references(text: str) -> set[str]:
    """What the cross-references of a page's Markdown, which mkdocs-autorefs resolves, point to: "api" for an object
    of the package (``[text][backprop.rules.error]``, ``[`backprop.rules.error`][]``), "heading" for a heading of any
    page (``[text][heading-id]``). Code blocks, math and labels the page defines (plain Markdown links) are not."""
    prose, fenced = [], None
    for line in text.splitlines():
        fence = re.match(r"[ \t]*(`{3,}|~{3,})", line)
        if fence and (fenced is None or fence[1].startswith(fenced)):
            fenced = None if fenced else fence[1]
        elif fenced is None:
            prose.append(line)
    prose_text = MATH.sub("", "\n".join(prose))
    defined = {label.lower() for label in DEFINED.findall(prose_text)}
    found = set()
    for shown, label in REFERENCE.findall(prose_text):
        label = (label or shown).strip().strip("`")
        if label and label.lower() not in defined:
            found.add("api" if re.fullmatch(r"(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*", label) else "heading")
    return found


def site_inputs(config, files) -> str:
    """The hash of everything the pages depend on but their own sources (see the module's docstring)."""
    pages = list(files.documentation_pages())
    sources = {f.abs_src_path for f in pages}
    docs = Path(config.docs_dir).resolve()
    # every file of docs/ that is not a page (stylesheets, pictures, and excluded ones: snippets/), the hooks, the
    # theme's overrides
    others = [Path(f.abs_src_path) for f in files if f.abs_src_path and f.abs_src_path not in sources]
    others = [path for path in others if path.resolve().is_relative_to(docs) and an_input(path, docs)]
    folders = [Path(__file__).resolve().parent] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    for folder in folders:
        others += [path for path in folder.rglob("*") if an_input(path, folder)]
    h = hashlib.sha256()
    cache_inputs.update(h, "package, example, environment, tools", cache_inputs.current_digest().encode())
    cache_inputs.update(h, "config", Path(config.config_file_path).read_bytes() if config.config_file_path else b"")
    cache_inputs.update(h, "pages", "\n".join(sorted(f.src_uri for f in pages)).encode())
    for path in sorted(others):
        cache_inputs.update(h, str(path), path.read_bytes())
    # the first heading of a page without a title in the nav: every page's nav names it by that
    for src in untitled(config.nav or []):
        heading = re.search(r"^#[ \t]+(.+)$", _source(str(Path(config.docs_dir) / src)), re.M)
        cache_inputs.update(h, "title of " + src, (heading[1] if heading else "").encode())
    return h.hexdigest()


def untitled(nav) -> list[str]:
    """The Markdown pages of a nav as mkdocs.yml writes it that have no title there (the exercises' notebooks are
    titled by hooks/exercise_titles.py)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() if not isinstance(value, str) for page in untitled(value)]
    return [page for item in nav for page in untitled(item)] if isinstance(nav, list) else []


def an_input(path: Path, folder: Path) -> bool:
    """Whether a file under ``folder`` is one a build reads: a regular file, not compiled Python nor an editor's
    file (Emacs' lock ``.#page.md``, a link to nothing, and auto-save ``#page.md#``; vim's swap ``.page.md.swp``,
    rewritten as one types, and its test file ``4913``; a backup ``page.md~``). Other hidden files are read: material's
    meta plugin reads ``.meta.yml``."""
    name = path.name
    editors = (name.startswith(".#") or (name.startswith("#") and name.endswith("#")) or name.endswith("~")
               or re.fullmatch(r"\..*\.sw[a-z]", name) is not None or name == "4913")
    return path.is_file() and not editors and "__pycache__" not in path.relative_to(folder).parts


def whole_build() -> bool:
    """Whether the build in progress writes every page (always, unless mkdocs runs with --dirty)."""
    return STATE.whole


def shares(name: str) -> dict:
    """Each page's share of what the hook ``name`` makes of every page, kept across dirty builds (emptied at the
    start of a whole build). Keyed as the hook likes (a page's ``src_uri`` or ``url``)."""
    return STATE.shares.setdefault(name, {})


# ---------------------------------------------------------------------------------------------------------------
# mkdocs events


def on_startup(command, dirty, **kwargs):
    STATE.dirty, STATE.built = dirty, None


def on_files(files, config, **kwargs):
    """After mkdocs-jupyter's on_files (default priority, plugins before hooks): the notebooks are pages by now."""
    STATE.inputs = (site_inputs(config, files), os.path.abspath(config.site_dir))
    STATE.whole = not STATE.dirty or STATE.inputs != STATE.built
    STATE.built = None  # until this build ends well
    if STATE.whole:
        STATE.shares.clear()
        if STATE.dirty:
            clean_directory(config.site_dir)  # every page out of date: mkdocs writes them all
    return files


@event_priority(-100)  # last: after hooks/exercise_titles.py has titled the exercises
def on_nav(nav, config, files, **kwargs):
    pages = [f for f in files.documentation_pages() if f.abs_src_path]
    text = {f.abs_src_path: _source(f.abs_src_path) for f in pages}  # each page read once a build
    read = {path: hashlib.sha256(source.encode()).digest() for path, source in text.items()}
    changed = [f for f in pages if STATE.sources.get(f.abs_src_path) != read[f.abs_src_path]]
    STATE.sources = read
    STATE.reference_written = STATE.whole
    if STATE.whole:
        return nav
    # mkdocs writes a page whose source is newer than its output: not one saved while its rebuild ran (its output
    # is newer), nor one put back with an older time (cp -p, mv of a draft): what it reads is what counts
    for f in changed:
        out_of_date(f)
    for page in nav.pages:
        if page.title is None:
            out_of_date(page.file)
    written = [f for f in pages if f.is_modified()]
    references = set().union(*(cross_references(text[f.abs_src_path]) for f in written))
    if "heading" in references:  # a heading of any page: each must render for autorefs to know it
        for f in pages:
            out_of_date(f)
    if references or any(is_reference_page(text[f.abs_src_path]) for f in written):
        for f in pages:
            if is_reference_page(text[f.abs_src_path]):
                out_of_date(f)
        STATE.reference_written = True
    return nav


def out_of_date(file) -> None:
    """Make mkdocs' dirty build write ``file`` again: its output goes, so its source is newer than its output."""
    Path(file.abs_dest_path).unlink(missing_ok=True)


def on_serve(server, config, builder, **kwargs):
    if config.theme.custom_dir:  # mkdocs watches docs/ and mkdocs.yml; the theme's overrides are inputs too
        server.watch(config.theme.custom_dir)
    return server


def on_post_build(config, **kwargs):
    """After mkdocstrings has written ``KEPT`` (in on_env): kept from a build that rendered the reference pages, put
    back after one that did not."""
    kept = shares("mkdocstrings")
    for name in KEPT:
        path = Path(config.site_dir) / name
        if STATE.reference_written:
            if path.is_file():
                kept[name] = path.read_bytes()
        elif name in kept:
            path.write_bytes(kept[name])
    STATE.built = STATE.inputs


def on_shutdown(**kwargs):
    """The end of a command: a later build in this process (a test's) starts from nothing."""
    STATE.dirty, STATE.built, STATE.inputs, STATE.whole, STATE.reference_written = False, None, None, True, True
    STATE.shares.clear()
    STATE.sources = {}
