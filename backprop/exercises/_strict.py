"""The environment switch: ``BACKPROP_EXERCISES_STRICT=1`` makes ``check`` raise unless the answer is right.

The notebook tests run every notebook with its worked solution in place of ``answer = None`` and this switch on,
so a notebook whose solution its own check does not accept fails the tests instead of printing "Not yet".
"""

from __future__ import annotations

import os

from ._catalogue import get
from ._feedback import Feedback

STRICT_ENV = "BACKPROP_EXERCISES_STRICT"


def strict() -> bool:
    """Whether ``check`` raises unless right: ``BACKPROP_EXERCISES_STRICT`` is ``1`` now."""
    return os.environ.get(STRICT_ENV) == "1"


def check(name: str, answer: object) -> Feedback:
    """Check ``answer`` to exercise ``name``: right, not yet (with a hint), or no answer yet.

    ``answer`` is never modified. With ``BACKPROP_EXERCISES_STRICT=1`` in the environment
    anything but a right answer raises AssertionError (the notebook tests use this).
    """
    feedback = get(name).check(answer)
    if strict() and not feedback.ok:
        raise AssertionError(f"check({name!r}): {feedback.message}")
    return feedback
