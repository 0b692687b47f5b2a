"""An example patched into ``backprop.examples`` for one test, as a page built with that example reads it."""

from __future__ import annotations

import numpy as np

from backprop import Network, examples


def patch_example(monkeypatch, ex: dict) -> None:
    """``ex`` (an example file's dict: weights, activations, x, d, eta) as the worked example in use: ``NET``, ``X``,
    ``D`` and ``ETA`` of ``backprop.examples``, undone by ``monkeypatch`` after the test."""
    net = Network(w_hidden=np.array(ex["w_hidden"]), b_hidden=np.array(ex["b_hidden"]),
                  w_output=np.array(ex["w_output"]), b_output=np.array(ex["b_output"]),
                  hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))
    for name, value in (("NET", net), ("X", np.array(ex["x"], dtype=float)), ("D", ex["d"]), ("ETA", ex["eta"])):
        monkeypatch.setattr(examples, name, value)
