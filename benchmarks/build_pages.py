"""A quick strict build of the Markdown pages only (no exercise notebooks), for the authoring loop.

``make build-pages`` (or ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json make build-pages``) builds into
``site-pages/`` with the same config as the site minus mkdocs-jupyter; extra arguments go to mkdocs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks._common import ROOT, config_without_notebooks

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        config = config_without_notebooks(Path(tmp))
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
               "--site-dir", str(ROOT / "site-pages"), *sys.argv[1:]]
        sys.exit(subprocess.call(cmd, cwd=ROOT))
