"""How ``trace --check`` and ``trace --weights`` read a JSON file a student wrote (`backprop._json.read_json`): a
reviewer's findings, each a one-line error naming the file and the problem, or a file read as its author meant it. A
file nested some thousand levels deep ended in a RecursionError traceback; one starting with a UTF-8 byte order mark
(Windows editors write one) was refused; an empty one got Python's "Expecting value: line 1 column 1 (char 0)"; an
answer of null, true or "0,5" was named in Python's words (NoneType, bool) or given advice that writes invalid JSON."""

from __future__ import annotations

import json
import re

import pytest

from backprop._json import MAX_DEPTH, read_json
from tests.support import oracle
from tests.support.cli import one_line_error, run, run_main

EX = oracle.load_example()
WEIGHTS = {k: EX[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output", "x", "d", "eta")
           if k in EX}
OPTION = {"answers": "--check", "weights": "--weights"}


def nested(depth: int, kind: str) -> str:
    """A JSON value ``depth`` lists (``[``) or objects (``{``) inside each other around a 1."""
    return "[" * depth + "1" + "]" * depth if kind == "[" else '{"a": ' * depth + "1" + "}" * depth


# --- 1. nested too deeply --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["[", "{"])
@pytest.mark.parametrize("what", list(OPTION))
def test_a_file_nested_thousands_deep_is_one_line_not_a_recursion_error(what, kind, tmp_path):
    """3000 levels: Python's parser raised RecursionError, printed as a traceback (the premise: it still does)."""
    path = tmp_path / f"{what}.json"
    path.write_text(nested(3000, kind))
    with pytest.raises(RecursionError):
        json.loads(path.read_text())
    err = one_line_error(run_main("trace", OPTION[what], str(path)),
                         f"{what} file {str(path)!r} is nested too deeply", f"more than {MAX_DEPTH} levels")
    assert ("step names" if what == "answers" else '"w_hidden"') in err  # what the file should hold


@pytest.mark.parametrize("what", list(OPTION))
def test_a_file_nested_too_deeply_is_one_line_via_subprocess(what, tmp_path):
    path = tmp_path / f"{what}.json"
    path.write_text(nested(3000, "["))
    one_line_error(run("trace", OPTION[what], str(path)), "is nested too deeply")


@pytest.mark.parametrize("depth", [500, 980])
def test_nesting_that_parses_but_would_overflow_the_checks_is_refused_too(depth, tmp_path):
    """A few hundred levels parse, and then overflowed the recursive checks of a weights file's numbers (``x``)."""
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(WEIGHTS | {"x": "X"}).replace('"X"', nested(depth, "[")))
    one_line_error(run_main("trace", "--weights", str(path)), "weights file", "is nested too deeply")
    answers = tmp_path / "answers.json"
    answers.write_text('{"v1": ' + nested(depth, "[") + "}")
    one_line_error(run_main("trace", "--check", str(answers)), "answers file", "is nested too deeply")


def test_nesting_up_to_the_limit_is_read(tmp_path):
    path = tmp_path / "f.json"
    path.write_text(nested(MAX_DEPTH, "["))
    assert read_json(path, "weights file 'f.json'") is not None
    path.write_text(nested(MAX_DEPTH + 1, "{"))
    with pytest.raises(ValueError, match=rf"^weights file 'f\.json' is nested too deeply: .* more than {MAX_DEPTH}"):
        read_json(path, "weights file 'f.json'")


def test_a_shallow_wrong_answer_still_gets_its_own_message(tmp_path):
    """Nesting within the limit is no error of its own: the answer's message says what is wrong with it."""
    path = tmp_path / "answers.json"
    path.write_text('{"v1": ' + nested(50, "[") + "}")
    err = one_line_error(run_main("trace", "--check", str(path)), "'v1' must be a number")
    assert "nested" not in err


# --- 2. a UTF-8 byte order mark --------------------------------------------------------------------------------------

def test_a_weights_file_with_a_byte_order_mark_is_read(tmp_path):
    plain, bom = tmp_path / "plain.json", tmp_path / "bom.json"
    plain.write_text(json.dumps(WEIGHTS), encoding="utf-8")
    bom.write_text(json.dumps(WEIGHTS), encoding="utf-8-sig")
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")  # the premise
    with_bom, without = run_main("trace", "--weights", str(bom)), run_main("trace", "--weights", str(plain))
    assert (with_bom.returncode, with_bom.stderr) == (0, "")
    assert with_bom.stdout == without.stdout


@pytest.mark.parametrize(("encoding", "said"), [
    ("utf-16", "is UTF-16 text (as PowerShell 5's > writes it): save it as UTF-8"),
    ("utf-32", "is UTF-32 text: save it as UTF-8"),
    ("bom+latin-1", "is not UTF-8 text (byte 0xe9 at position 5): save it as UTF-8"),  # the mark's 3 bytes counted
    ("latin-1", "is not UTF-8 text (byte 0xe9 at position 2): save it as UTF-8")])  # {"é
def test_a_file_not_in_utf8_is_named_with_the_fix(tmp_path, encoding, said):
    """A homework review: PowerShell 5's `>` writes UTF-16, and the check said only "'utf-8' codec can't decode byte
    0xff in position 0"."""
    path = tmp_path / "answers.json"
    if encoding == "bom+latin-1":
        path.write_bytes(b"\xef\xbb\xbf" + '{"é": 0.5}'.encode("latin-1"))
    else:
        path.write_text('{"é": 0.5}', encoding=encoding)
    err = one_line_error(run_main("trace", "--check", str(path)), said)
    assert "codec" not in err


def test_read_json_skips_a_byte_order_mark(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"v1": 0.5}', encoding="utf-8-sig")
    assert read_json(path, "answers file 'answers.json'") == {"v1": 0.5}


def test_an_answers_file_with_a_byte_order_mark_is_checked(tmp_path):
    right = oracle.trace_values(oracle.iteration(EX))
    plain, bom = tmp_path / "plain.json", tmp_path / "bom.json"
    plain.write_text(json.dumps({"v1": round(right["v1"], 6)}), encoding="utf-8")
    bom.write_text(json.dumps({"v1": round(right["v1"], 6)}), encoding="utf-8-sig")
    with_bom, without = run_main("trace", "--check", str(bom)), run_main("trace", "--check", str(plain))
    assert (with_bom.returncode, with_bom.stderr) == (0, "")
    assert with_bom.stdout == without.stdout


# --- 3. an empty file ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", ["", "  \n\t\r\n"])
@pytest.mark.parametrize("what", list(OPTION))
def test_an_empty_file_says_it_is_empty_and_what_it_should_hold(what, content, tmp_path):
    path = tmp_path / f"{what}.json"
    path.write_text(content, encoding="utf-8")
    err = one_line_error(run_main("trace", OPTION[what], str(path)), f"{what} file {str(path)!r} is empty",
                         "it should hold a JSON object", "--help")
    assert "Expecting value" not in err
    assert ("only whitespace" in err) == bool(content)
    if what == "answers":
        assert "step names" in err and '"v1"' in err
    else:
        assert all(f'"{key}"' in err for key in ("w_hidden", "b_hidden", "w_output", "b_output"))


def test_an_empty_example_file_names_what_an_example_file_holds(tmp_path):
    path = tmp_path / "example.json"
    path.write_text("")
    with pytest.raises(ValueError, match=r"^example file 'example\.json' is empty: .*\"practice\""):
        read_json(path, "example file 'example.json'")


def test_a_file_with_a_value_still_gets_pythons_parse_error(tmp_path):
    """Only an empty file is named empty: text that is no JSON keeps its position."""
    path = tmp_path / "answers.json"
    path.write_text("\n\n  nope")
    one_line_error(run_main("trace", "--check", str(path)), "is not valid JSON", "line 3 column 3")


# --- 4 and 5. an answer of null, true, false, a list or "0,5" in JSON's words -----------------------------------------

@pytest.mark.parametrize("value, json_word, python_words", [
    ("null", "null", ["NoneType"]),
    ("true", "true", ["bool:", "bool "]),
    ("false", "false", ["bool:", "bool "]),
    ("[0.5]", "array", []),  # a reviewer read only "list: [0.5]", Python's word: JSON's, an array, is said too
    ('{"value": 0.5}', "object", []),
])
def test_an_answer_of_null_a_boolean_or_a_list_is_named_as_json_writes_it(value, json_word, python_words, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"v1": ' + value + "}")
    err = one_line_error(run_main("trace", "--check", str(path)), "answers file", "'v1' must be a number")
    assert re.search(rf"\b{json_word}\b", err), err
    assert not any(word in err for word in python_words), err


@pytest.mark.parametrize("text, number", [("0,5", "0.5"), ("-0,412", "-0.412"), (" 1,25 ", "1.25")])
def test_an_answer_with_a_decimal_comma_is_told_to_write_a_decimal_point(text, number, tmp_path):
    """'write the number without quotes' gave 0,5: no JSON either."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"v1": text}))
    err = one_line_error(run_main("trace", "--check", str(path)), "'v1' must be a number", "decimal point")
    assert f"write {number}" in err, err
    assert "write the number without quotes" not in err


def test_the_empty_answers_files_example_gives_away_no_answer(tmp_path):
    """A review found the practice example's v1 (0.5) in the example of what an answers file holds: its numbers are no
    step's value of either example at six decimals (the plain-math oracle)."""
    path = tmp_path / "answers.json"
    path.write_text("")
    err = one_line_error(run_main("trace", "--check", str(path)), "is empty")
    values = {f"{v:.6f}" for e in (EX, oracle.practice_of(EX))
              for v in oracle.trace_values(oracle.iteration(e)).values()}
    written = set(re.findall(r"-?\d+\.\d+", err))
    assert written and not written & values, err


# An instructor's review: only the trailing comma was said in plain words; a missing closing quote read "Invalid control
# character at: line 9 column 13 (char 226)". Each slip a person types, in words, at the position Python's parser stops.
PARSE_SLIPS = {
    "missing closing quote": ('{"d: -0.35}', 'a text in quotes is not closed: its closing " is missing, at line 1 '
                                             'column 2'),
    "quote not closed on its line": ('{"d": "a\nb"}', 'a text in quotes is not closed: its closing " is missing, '
                                                      'at line 1 column 9'),
    "single quotes": ("{'d': 1}", "single quotes, where JSON writes names and text in double quotes, at line 1 "
                                  "column 2"),
    "a comment": ('{"d": 1 // the target\n}', "a comment, which JSON does not allow (remove it), at line 1 column 9"),
    "decimal comma": ('{"d": -0,35}', "a decimal comma? JSON writes a number with a dot (0.35, not 0,35), at line 1 "
                                      "column 10"),
    "missing comma": ('{"d": 1\n "x": 2}', "a comma is missing before this entry, at line 2 column 2"),
    # an instructor's file cut short after a whole entry was told "a comma is missing before this entry"
    "cut short": ('{"d": 1.5,\n "x": [1, 2]', "the file ends before its JSON does: a closing ] or } is missing, or the "
                                             "file was cut short, at line 2 column 13"),
    "cut short after a comma": ('{"d": 1.5,\n', "the file ends before its JSON does: a closing ] or } is missing, or "
                                                "the file was cut short, at line 2 column 1"),
    "missing value": ('{"d": }', "a value is missing here (a number such as 0.5, a list [...], or text in double "
                                 "quotes), at line 1 column 7"),
    "a block comment": ('{"d": 1 /* the target */}', "a comment, which JSON does not allow (remove it), at line 1 "
                                                     "column 9"),
    "a hash comment": ('{"d": 1,\n # the target\n "x": 2}', "a comment, which JSON does not allow (remove it), at line "
                                                            "2 column 2"),
    "Python's True": ('{"d": True}', "JSON writes true, false and null in lower case, at line 1 column 7"),
    "Python's False": ('{"d": False}', "JSON writes true, false and null in lower case, at line 1 column 7"),
    "Python's None": ('{"d": None}', "JSON writes true, false and null in lower case, at line 1 column 7"),
    "missing colon": ('{"d" 1}', "a colon is missing after the name, at line 1 column 6"),
    "extra brace": ('{"d": 1}}', "something follows the end of the JSON object (one object per file, with a } for "
                                 "each {), at line 1 column 9"),
}


@pytest.mark.parametrize("text, words", PARSE_SLIPS.values(), ids=PARSE_SLIPS.keys())
def test_a_parse_error_is_said_in_the_words_of_the_slip(tmp_path, text, words):
    path = tmp_path / "example.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        read_json(path, "example file 'example.json'")
    assert str(raised.value) == f"example file 'example.json' is not valid JSON: {words}"
