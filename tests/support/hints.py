"""The formulas of a hint: the hints are plain text (the CLI, the live page and the exercises print them), so a test
finds each formula in the text before it checks it (``tests/package/test_homework.py``, ``test_exercise_hints.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def formula_spans(hint: str, is_math: Callable[[str], bool], relations: Iterable[str] = ("=",)) -> list[str]:
    """Each formula of ``hint`` with one of ``relations`` ("=", "≈"): the run of tokens ``is_math`` accepts around it,
    within one clause (clauses end at ", ", ": ", "; " or ". "), a parenthesis that opens before it and closes after
    it left out ("(∂v_i/∂b_i = 1)": the group's "(" and ")")."""
    relations = tuple(relations)
    spans = []
    for clause in re.split(r"[,:;.]\s+|\.$", hint):
        tokens = clause.split()
        for at in (n for n, t in enumerate(tokens) if t in relations):
            left, right = [], []
            for token in reversed(tokens[:at]):
                if not is_math(token):
                    break
                left.insert(0, token)
                if "".join(left).count("(") > "".join(left).count(")"):
                    left[0] = left[0].removeprefix("(")
                    break
            for token in tokens[at + 1:]:
                if not is_math(token):
                    break
                right.append(token)
                if "".join(right).count(")") > "".join(right).count("("):
                    right[-1] = right[-1].removesuffix(")")
                    break
            spans.append(" ".join([*left, tokens[at], *right]))
    return spans
