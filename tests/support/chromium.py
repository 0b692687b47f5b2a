"""Chromium for the browser suite and the browser benchmarks: where it is, how it is launched, and the only fonts it
sees (tests/browser/conftest.py, benchmarks/bench_browser.py, bench_live.py, bench_prerender.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INSTALL_HINT = "install it with `apt-get install chromium` (or set CHROMIUM=/path/to/chromium)"


def find_chromium() -> str | None:
    """The Chromium to launch: ``$CHROMIUM``, else the first of CHROMIUM_CANDIDATES on this machine, else None."""
    for candidate in [os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES, shutil.which("chromium")]:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


# The only fonts Chromium sees in the tests besides the site's own web fonts: DejaVu Sans and DejaVu Sans Mono from
# matplotlib's package data (a pinned dependency), whatever the machine has installed. So a page looks the same on
# every machine, and text the site's fonts fail to draw shows up as DejaVu (test_first_paint.py looks for it).
FALLBACK_FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono.ttf"]
FALLBACK_FAMILIES = {"DejaVu Sans", "DejaVu Sans Mono"}
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias binding="strong"><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias binding="strong"><family>serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias binding="strong"><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
</fontconfig>
"""


def chromium_env(workdir: Path) -> dict[str, str]:
    """The environment to launch Chromium with: a fontconfig that lists only FALLBACK_FONTS (copied into
    ``workdir``), so no font of the machine is used."""
    import matplotlib

    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    fonts, cache = workdir / "fonts", workdir / "fontconfig-cache"
    fonts.mkdir(parents=True, exist_ok=True)
    cache.mkdir(exist_ok=True)
    for name in FALLBACK_FONTS:
        shutil.copyfile(source / name, fonts / name)
    conf = workdir / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts, cache=cache), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FONTCONFIG_", "XDG_DATA"))}
    return {**env, "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(workdir)}
