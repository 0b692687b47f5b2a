"""Small helpers the benchmark scripts share (each script runs from this folder, so a plain import works)."""

from __future__ import annotations

import re
import resource
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from tests.support import ROOT

# One load's "math painted" moment, for bench_browser.py and bench_prerender.py alike: from navigation start until
# the page is parsed (every formula is in it), window.mathjaxTypeset has resolved, the fonts are loaded and two frames
# are drawn; then also when the theme's scripts have run: material's bundle and extra_javascript are ordinary scripts
# at the end of <body>, and material starts its components when DOMContentLoaded fires after them.
# Evaluate it right after page.goto(url, wait_until="commit").
PAINTED_JS = """async () => {
  if (document.readyState === 'loading') {  // every formula is in the page only once it is parsed
    await new Promise((r) => document.addEventListener('readystatechange', r, {once: true}));
  }
  while (!(window.mathjaxTypeset instanceof Promise)) await new Promise((r) => setTimeout(r, 5));
  await window.mathjaxTypeset;
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ms = performance.now();
  const nav = () => performance.getEntriesByType('navigation')[0];
  while (!nav() || !nav().domContentLoadedEventEnd) await new Promise((r) => setTimeout(r, 5));
  return {
    ms,
    scripts_ms: nav().domContentLoadedEventEnd,
    formulas: document.querySelectorAll('mjx-container').length,
    untypeset: [...document.querySelectorAll('.arithmatex')].filter((el) => !el.querySelector('mjx-container')).length,
  };
}"""


def children_cpu() -> float:
    """CPU seconds (user + system) of all finished child processes, kernels included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def is_notebook_entry(entry) -> bool:
    """True for a mkdocs nav entry that is, or only holds, exercise notebooks."""
    if isinstance(entry, str):
        return entry.startswith("exercises/")
    if isinstance(entry, dict):
        return all(is_notebook_entry(v) for v in entry.values())
    if isinstance(entry, list):
        return all(is_notebook_entry(v) for v in entry)
    return False


def config_without_notebooks(tmp: Path, docs_dir: Path | None = None, name: str = "mkdocs-no-notebooks.yml") -> Path:
    """Write a copy of mkdocs.yml without mkdocs-jupyter and the Exercises nav; return its path.

    (For ``make build-pages`` and bench_live.py: the Markdown pages only.)"""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        cfg = yaml_load(fh)  # resolves !ENV the way mkdocs does
    cfg["plugins"] = [p for p in cfg.get("plugins", [])
                      if not (p == "mkdocs-jupyter" or (isinstance(p, dict) and "mkdocs-jupyter" in p))]
    cfg["nav"] = [e for e in cfg.get("nav", []) if not is_notebook_entry(e)]
    # Paths in a config are relative to the config file: make them absolute for the copy.
    cfg["docs_dir"] = str(docs_dir or ROOT / cfg.get("docs_dir", "docs"))
    cfg["hooks"] = [str(ROOT / h) for h in cfg.get("hooks", [])]
    if isinstance(cfg.get("theme"), dict) and "custom_dir" in cfg["theme"]:
        cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    # The notebook pages are not built, so nothing may link to them.
    cfg.setdefault("validation", {}).setdefault("links", {})["not_found"] = "info"
    cfg["exclude_docs"] = (cfg.get("exclude_docs") or "") + "\nexercises/*.py\n"
    path = tmp / name
    path.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return path


def write_readme_block(readme: Path, begin: str, end: str, numbers: str, heading: str) -> None:
    """Put ``numbers`` between the ``begin`` and ``end`` markers of ``readme``; the first time, append them under
    ``heading``."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    block = f"{begin}\n{numbers}\n{end}"
    if begin in text and end in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")
