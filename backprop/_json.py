"""A JSON file read strictly, for the weights, example and answers files: a key given twice, an integer no double holds
or a number written beyond a double's range either way is an error naming the file and the key, where Python's json
would keep the last key, read 1e400 as inf and 1e-400 as 0, and name neither. An empty file, one nested too deeply
for Python's parser (a RecursionError) and one that starts with a UTF-8 byte order mark (which Windows editors write)
are named too, or read."""

from __future__ import annotations

import codecs
import difflib
import json
import math
import os
import re
import sys
from dataclasses import dataclass

from ._checks import DOUBLE_RANGE


def read_json(path: str | os.PathLike[str], name: str) -> object:
    """The JSON value in ``path``; a file that cannot be read or parsed raises ValueError naming ``name``, and so does
    one that gives a key twice in an object (JSON would keep the last silently) or an integer no double holds (named
    by its key: Python's own messages name neither, and one of over 4300 digits it refuses to read at all), or a number
    written with an exponent beyond a double's range either way (``1e400`` would be read as inf, ``1e-400`` as 0)."""

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        seen: dict[str, object] = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError(f"{name} gives {key!r} twice")
            seen[key] = value
        return seen

    try:
        with open(path, encoding="utf-8-sig") as fh:  # -sig: a byte order mark at the start is skipped, not an error
            text = fh.read()
    except OSError as exc:
        raise ValueError(f"cannot read {name}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:  # Python's "'utf-8' codec can't decode byte 0xff in position 0" says no fix
        with open(path, "rb") as fh:
            bom = fh.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
        raise ValueError(f"{name} is {_not_utf8(exc, bom)}: save it as UTF-8") from None
    if not text.strip():  # Python's message: "Expecting value: line 1 column 1 (char 0)"
        raise ValueError(f"{name} is empty{'' if not text else ' (only whitespace)'}: it should hold {holds(name)}")
    try:
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_int=_integer, parse_float=real)
        too_deep = _nesting(data) > MAX_DEPTH  # one that parses may still overflow the checks that walk it
    except json.JSONDecodeError as exc:
        raise ValueError(f"{name} is not valid JSON: {trailing_comma(exc) or in_words(exc)}") from None
    except RecursionError:  # some thousand [ or { inside each other: Python's parser gives up with a traceback
        too_deep = True
    if too_deep:
        raise ValueError(f"{name} is nested too deeply: lists or objects inside each other more than {MAX_DEPTH} "
                         f"levels deep; it should hold {holds(name)}")
    found = _unheld_in(data)
    if found is not None:
        where, unheld = found
        raise ValueError(f"{name}: {where} is {unheld.what}")
    return data


def _not_utf8(exc: UnicodeDecodeError, bom: bool) -> str:
    """What a file that is no UTF-8 text is, by its byte order mark, else where its first byte UTF-8 cannot read
    stands in it (``exc.object`` is the file after a UTF-8 byte order mark, which "utf-8-sig" skips: ``bom``)."""
    data = exc.object
    for mark, what in ((b"\xff\xfe\x00\x00", "UTF-32 text"), (b"\x00\x00\xfe\xff", "UTF-32 text"),
                       (b"\xff\xfe", "UTF-16 text (as PowerShell 5's > writes it)"), (b"\xfe\xff", "UTF-16 text")):
        if data.startswith(mark):
            return what
    skipped = len(codecs.BOM_UTF8) if bom else 0
    return f"not UTF-8 text (byte {data[exc.start]:#04x} at position {skipped + exc.start})"


#: The most lists and objects inside each other a file may have: the files need 4 (an example file's
#: practice.w_hidden[i][k]); far more, and the checks that walk a value (recursively) would overflow Python's stack.
MAX_DEPTH = 100


def _nesting(data: object) -> int:
    """How many lists and objects inside each other ``data`` has at its deepest (0 for a number), counted level by
    level, without recursion: a value nested a few hundred levels deep parses, and would overflow a recursive walk."""
    depth, level = 0, [data]
    while containers := [item for item in level if isinstance(item, dict | list)]:
        depth += 1
        level = [v for item in containers for v in (item.values() if isinstance(item, dict) else item)]
    return depth


#: The numbers of the answers files the messages and ``trace --help`` show: placeholders that only show the form (six
#: decimals, a minus), none a step's value of an example (a review found 0.5, the practice example's v1, in one).
PLACEHOLDERS = ("0.123456", "0.234567", "-0.012345", "0.687655")

#: What each kind of file holds, by the words its name starts with (`read_json`'s ``name``: "answers file 'a.json'"),
#: for the message of an empty file; ``python -m backprop trace --help`` says it at length.
HOLDS = {
    "answers file": f'a JSON object of step names and your values, e.g. {{"v1": {PLACEHOLDERS[0]}, '
                    f'"dw41": {PLACEHOLDERS[2]}}}',
    "weights file": 'a JSON object of the weights, e.g. {"w_hidden": [[0.1, 0.2], ...], "b_hidden": [...], '
                    '"w_output": [[...]], "b_output": [...]}',
    "example file": 'a JSON object of the weights, the sample and a practice example, like the package\'s '
                    'backprop/example.json: {"w_hidden": ..., "x": ..., "d": ..., "eta": ..., "practice": {...}}',
}


def holds(name: str) -> str:
    """What the file ``name`` should hold, in words (`HOLDS`), with where its format is explained."""
    kind = next((HOLDS[kind] for kind in HOLDS if name.startswith(kind)), "a JSON value")
    return f"{kind} (python -m backprop trace --help explains the format)"


def trailing_comma(exc: json.JSONDecodeError) -> str:
    """The parse error ``exc`` in words where a comma after the last entry of an object or a list caused it
    (``{"v1": 1.2,}``: Python's message asks for a property name there), else ``""``: a comma that JavaScript, Python
    and most editors allow, and JSON does not. Named only where the text parses past it without that comma (in
    ``{"v1": 1,]`` the bracket is wrong too), at the comma's own line and column."""
    text, closing = exc.doc, exc.doc[exc.pos:exc.pos + 1]
    before = text[:exc.pos].rstrip()
    if closing not in ("}", "]") or not before.endswith(","):
        return ""
    comma = len(before) - 1
    try:
        json.loads(text[:comma] + " " + text[comma + 1:])
    except json.JSONDecodeError as again:
        if again.pos <= exc.pos:  # another error at the same place or before it: not the comma's alone
            return ""
    line = text.count("\n", 0, comma) + 1
    column = comma - (text.rfind("\n", 0, comma) + 1) + 1
    return (f"a comma after the last entry of an object or a list, at line {line} column {column}, which JSON does "
            "not allow (remove it)")


def in_words(exc: json.JSONDecodeError) -> str:
    """A parse error of Python's json (``Expecting ',' delimiter``, ``Invalid control character``) in the words of
    what a person typed wrong there, at its line and column (an instructor's review found the trailing comma alone
    said plainly): a file cut short, single quotes, a comment, a decimal comma, a missing comma, colon or closing
    quote, Python's True; else Python's own message."""
    text, at, msg = exc.doc, exc.pos, exc.msg
    before = text[:at].rstrip()
    if not text[at:].strip():  # at the end Python names what it expected next (a review: "a comma is missing")
        words = "the file ends before its JSON does: a closing ] or } is missing, or the file was cut short"
    elif text[at:at + 1] == "'":
        words = "single quotes, where JSON writes names and text in double quotes"
    elif text[at:at + 2] in ("//", "/*") or text[at:at + 1] == "#":
        words = "a comment, which JSON does not allow (remove it)"
    elif msg.startswith("Expecting property name") and text[at:at + 1].isdigit() and before.endswith(","):
        words = "a decimal comma? JSON writes a number with a dot (0.35, not 0,35)"
    elif msg.startswith("Expecting ',' delimiter"):
        words = "a comma is missing before this entry"
    elif msg.startswith(("Unterminated string", "Invalid control character")):
        words = 'a text in quotes is not closed: its closing " is missing'
    elif msg.startswith("Expecting value") and text[at:].startswith(("True", "False", "None")):
        words = "JSON writes true, false and null in lower case"
    elif msg.startswith("Expecting value"):
        words = "a value is missing here (a number such as 0.5, a list [...], or text in double quotes)"
    elif msg.startswith("Expecting ':' delimiter"):
        words = "a colon is missing after the name"
    elif msg.startswith("Extra data"):
        words = "something follows the end of the JSON object (one object per file, with a } for each {)"
    else:
        return str(exc)
    return f"{words}, at line {exc.lineno} column {exc.colno}"


@dataclass(frozen=True)
class Unheld:
    """A number of a JSON file that no double holds, with what a message says of it: `read_json` names its key."""

    what: str


def _integer(text: str) -> int | Unheld:
    """A JSON integer: an int, or `Unheld` when no double holds it (Python would not even read one of more than
    ``sys.get_int_max_str_digits()`` digits)."""
    digits = len(text.lstrip("-"))
    beyond = Unheld(f"an integer of {digits} digits, beyond a double's range ({DOUBLE_RANGE})")
    if digits > sys.float_info.max_10_exp + 1:  # 310 digits or more: beyond a double whatever they are
        return beyond
    value = int(text)
    try:
        float(value)
    except OverflowError:  # 309 digits, above 1.8e308
        return beyond
    return value


def real(text: str) -> float | Unheld:
    """A number's text (a JSON number with a fraction or an exponent, or one of the command line's options): a float,
    or `Unheld` when a double cannot hold it: ``1e400`` (which Python reads as inf) or ``1e-400`` (read as 0, which
    the text does not say)."""
    value = float(text)
    if math.isinf(value):
        return Unheld(f"{text}, beyond a double's range ({DOUBLE_RANGE})")
    if value == 0 and re.search(r"[1-9]", re.split(r"[eE]", text)[0]):
        return Unheld(f"{text}, closer to 0 than a double holds (it would be read as 0)")
    return value


def _unheld_in(data: object, where: str = "") -> tuple[str, Unheld] | None:
    """Where the first `Unheld` number of ``data`` is, as a file's fields are named (``practice.w_hidden[0][1]``),
    and it; None when there is none."""
    if isinstance(data, Unheld):
        return where, data
    items = (data.items() if isinstance(data, dict) else
             ((f"[{k}]", v) for k, v in enumerate(data)) if isinstance(data, list) else ())
    for key, value in items:
        found = _unheld_in(value, f"{where}{'.' if where and isinstance(data, dict) else ''}{key}")
        if found is not None:
            return found
    return None


def check_keys(data: dict[str, object], name: str, known: tuple[str, ...], required: tuple[str, ...]) -> None:
    """Refuse a file's object with a key not in ``known``, naming the key each most likely means ("w_hiden":
    w_hidden, as ``trace --check`` does for a step's name; an instructor's review), or without one of ``required``;
    errors name the file (``name``)."""
    unknown = sorted(data.keys() - set(known))
    if unknown:
        guesses = {k: difflib.get_close_matches(k, known, n=1, cutoff=0.8) for k in unknown}
        meant = "; ".join(f"did you mean {g[0]!r} for {k!r}?" for k, g in guesses.items() if g)
        raise ValueError(f"{name} has unknown keys {unknown}{f' ({meant})' if meant else ''}; the keys are "
                         f"{', '.join(known)}")
    missing = [key for key in required if key not in data]
    if missing:
        raise ValueError(f"{name} is missing {missing}")
