"""The worked example is a parameter of the build: every build reads it afresh.

* Each build (``mkdocs build``, and each rebuild of ``mkdocs serve``) forgets the ``backprop`` modules
  that markdown-exec's blocks imported in this process, so the pages show the package and the example
  file as they are now, like the notebooks, which run again in a new kernel whenever the package or the example
  changed (hooks/notebook_cache.py): never a mixed site.
* A file the pages cannot teach with stops the build at once with the loader's message (which file, which field,
  why), before any page renders, instead of a traceback in every page that imports the example.
* ``mkdocs serve`` watches the package and the example file in use (``$BACKPROP_EXAMPLE`` may name
  one outside the repository), so saving either rebuilds the site.
* While a page renders, ``backprop.show.current_page`` names it, so that a sentence that is not true of
  the example stops the strict build with a message naming its page.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PACKAGE = Path(__file__).resolve().parent.parent / "backprop"
log = logging.getLogger("mkdocs.hooks.example")


def _forget_package() -> None:
    for name in [m for m in sys.modules if m == "backprop" or m.startswith("backprop.")]:
        del sys.modules[name]


#: The command mkdocs runs (``on_startup``), and whether `mkdocs serve` has built the site once: a bad file stops a
#: rebuild after a save, and saving it again fixes that; a build, or a server's first build, ends there instead.
_run = {"command": None, "served": False}


def on_startup(command, **kwargs):
    _run.update(command=command, served=False)


def on_config(config, **kwargs):
    _forget_package()
    importlib.invalidate_caches()
    from backprop import examples

    try:
        examples.EXAMPLE  # noqa: B018  read now (the package reads it when first used): a bad file stops here
    except ValueError as exc:
        # Logged here, at every build: mkdocs logs a build error through its build logger, whose duplicate filter
        # drops the same message when `mkdocs serve` rebuilds after the next save ("Aborted with a BuildError!" alone).
        log.error("the worked example: %s. %s", exc, _what_to_do())
        raise PluginError("the worked example cannot be used (the error above says why)") from None
    _say_where_the_practice_comes_from(examples)
    return config


def _say_where_the_practice_comes_from(examples) -> None:
    """An example file without a ``"practice"`` entry gives the exercises the package's practice example, whose hidden
    layer may not be the file's (a TA's tansig example got logsig exercises, and the build said nothing): say so."""
    from backprop._json import read_json

    path = examples.current_file()
    if path.resolve() == examples.DEFAULT_FILE.resolve():
        return
    if examples.PRACTICE_KEY not in read_json(path, f"example file {str(path)!r}"):
        log.info('the exercises use the practice example of %s (hidden layer %s): %s has no "practice" entry; add '
                 "one for exercises on a network of your own", examples.DEFAULT_FILE, examples.PRACTICE_NET.hidden,
                 path)


def _what_to_do() -> str:
    from backprop import examples

    if os.environ.get(examples.ENV) and not examples.current_file().is_file():  # the message says what to do
        return "Then run the command again"
    if _run["served"]:
        return ("Fix the file and save it again: until then `mkdocs serve` does not answer, and a tab already open "
                "keeps the pages of the last good build")
    return "Fix the file and run the command again"


def on_post_build(config, **kwargs):
    if _run["command"] == "serve":
        _run["served"] = True


def on_serve(server, config, builder, **kwargs):
    from backprop import examples  # the file named by $BACKPROP_EXAMPLE, or the package's own

    server.watch(str(PACKAGE))
    example = examples.current_file().resolve()
    if not example.is_relative_to(PACKAGE):  # the package's own file is watched with it: once, or a
        server.watch(str(example))  # save of it rebuilt the site twice (an instructor's review)
    return server


def on_page_markdown(markdown, page, **kwargs):
    from backprop import show

    show.current_page = page.file.src_uri
    return markdown
