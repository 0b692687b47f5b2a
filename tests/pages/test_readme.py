"""README.md's code, run: its Python block against the plain-math oracle, and every ``python -m backprop`` command it
shows, with the files it names written for the run (a weights file, an answers file of the oracle's values)."""

from __future__ import annotations

import json
import re
import shlex

import numpy as np
import pytest

from tests.support import ROOT, oracle
from tests.support.cli import run_main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.M | re.S)


def test_the_python_block_runs_and_steps_as_the_oracle_does():
    (block,) = blocks("python")
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    mine = {"w_hidden": [[0.2, -0.4], [0.6, 0.1], [-0.3, 0.5]], "b_hidden": [0.1, -0.2, 0.05],
            "w_output": [[0.5, -0.6, 0.3]], "b_output": [0.1], "hidden": "logsig", "output": "purelin",
            "x": [0.8, -0.6], "d": 1.5, "eta": 0.25}  # the block's numbers, typed from it
    it = oracle.iteration(mine)
    assert namespace["fp"].y_output[0] == pytest.approx(it["y"], rel=1e-12)
    new = namespace["new"]
    assert new.w_output[0] == pytest.approx(it["w_output_new"][0], rel=1e-12)
    assert new.w_hidden == pytest.approx(np.array(it["w_hidden_new"]), rel=1e-12)
    site = oracle.iteration(oracle.load_example())
    assert namespace["site"].b_output[0] == pytest.approx(site["b_output_new"][0], rel=1e-12)


COMMANDS = [line.split("#")[0].strip() for block in blocks("sh") for line in block.splitlines()
            if line.startswith("python -m backprop")]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_cli_command_it_shows_runs(command, tmp_path, monkeypatch):
    """my-weights.json is the example file (a weights file may be one); my-answers.json holds the oracle's values of
    four steps, all right, so --check exits 0."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-weights.json").write_text((ROOT / "backprop/example.json").read_text(encoding="utf-8"))
    right = oracle.trace_values(oracle.iteration(oracle.load_example()))
    (tmp_path / "my-answers.json").write_text(json.dumps({k: right[k] for k in ("v1", "y", "Δw41", "b4(n+1)")}))
    proc = run_main(*shlex.split(command)[3:])
    assert proc.returncode == 0, (command, proc.stderr)
    assert proc.stdout


def test_the_commands_are_read():
    assert len(COMMANDS) == 7 and any("--check" in c for c in COMMANDS) and any("--weights" in c for c in COMMANDS)
