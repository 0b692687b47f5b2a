"""The suite's own guard (pyproject.toml, [tool.pytest.ini_options]): a test that stops answering fails after the
configured timeout, with its stack, and the run goes on; it does not hold the whole run past CI's limit (a browser
page that stopped answering held a fresh clone's run for 13 minutes, until its renderer was killed)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.support import ROOT


def test_the_suite_stops_a_test_that_hangs(tmp_path):
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert config["timeout_method"] == "thread" and 60 <= config["timeout"] <= 900, config
    (tmp_path / "test_hang.py").write_text("import time\n\n\ndef test_hangs():\n    time.sleep(60)\n\n\n"
                                           "def test_ends():\n    pass\n", encoding="utf-8")
    # the project's settings, with a one-second timeout, on two workers as make test runs: the hanging test is stopped
    # (its worker, which the thread method ends, is replaced) and named; the other test runs
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
                           str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), "-o", "timeout=1", "-n", "2",
                           str(tmp_path / "test_hang.py")], capture_output=True, text=True, timeout=50)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "FAILED" in out and "test_hangs" in out, out[-3000:]
    assert "1 failed, 1 passed" in out, out[-3000:]
