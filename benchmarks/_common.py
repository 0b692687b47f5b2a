"""Small helpers the benchmark scripts share (each script runs from this folder, so a plain import works)."""

from __future__ import annotations

import re
from pathlib import Path

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


def is_notebook_entry(entry) -> bool:
    """True for a mkdocs nav entry that is, or only holds, exercise notebooks."""
    if isinstance(entry, str):
        return entry.startswith("exercises/")
    if isinstance(entry, dict):
        return all(is_notebook_entry(v) for v in entry.values())
    if isinstance(entry, list):
        return all(is_notebook_entry(v) for v in entry)
    return False


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
