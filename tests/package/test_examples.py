"""``backprop.examples``: the worked example is a file, read and checked (the checks are ``backprop._teachable``'s,
tested here through the loader that runs them); ``BACKPROP_EXAMPLE`` replaces it; the CLI's defaults and help show
whichever example is in use.

Expected values come from ``tests/support/oracle.py``, which reads the example files with ``json`` and computes in plain
``math``. Each of the four example files (``backprop/example.json`` and ``tests/examples/*.json``) is tried.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from backprop import Network, examples, forward
from backprop.__main__ import main
from tests.support import ROOT, oracle
from tests.support.by_hand import OFF_BY_A_DIGIT

FILES = oracle.all_example_files()
IDS = [f.stem for f in FILES]
NETWORK_KEYS = ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")

# A valid example for the error tests (not one of the site's): each test breaks one thing of it.
VALID = {
    "w_hidden": [[0.5, -0.25], [1.0, 0.75], [-0.3, 0.2]],
    "b_hidden": [0.0, -0.1, 0.05],
    "w_output": [[1.5, -0.5, 0.25]],
    "b_output": [-0.2],
    "hidden": "tansig",
    "output": "purelin",
    "x": [-2.0, 0.25],
    "d": -0.5,
    "eta": 0.125,
}

six = oracle.number_string  # a value as the CLI prints it


def run(*args: str, example: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    """``python <args>`` with ``BACKPROP_EXAMPLE`` set to ``example`` (unset: the package's own file)."""
    env = {k: v for k, v in os.environ.items() if k != oracle.ENV}
    if example is not None:
        env[oracle.ENV] = str(example)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=oracle.ROOT, timeout=120)


def write(tmp_path: Path, data: object, name: str = "example.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


# --- load: a valid file, and a clear error for each kind of bad one -----------------------------------------


def test_load_reads_every_field(tmp_path):
    path = write(tmp_path, VALID)
    ex = examples.load(path)
    for key in ("w_hidden", "b_hidden", "w_output", "b_output"):
        np.testing.assert_array_equal(getattr(ex.net, key), VALID[key])
    assert (ex.net.hidden, ex.net.output) == ("tansig", "purelin")
    np.testing.assert_array_equal(ex.x, VALID["x"])
    assert (ex.d, ex.eta) == (VALID["d"], VALID["eta"])
    assert isinstance(ex.d, float) and isinstance(ex.eta, float)
    assert ex.source == str(path)
    assert not ex.x.flags.writeable


def test_activations_default_to_the_slides(tmp_path):
    data = {k: v for k, v in VALID.items() if k not in ("hidden", "output")}
    ex = examples.load(write(tmp_path, data))
    assert (ex.net.hidden, ex.net.output) == ("logsig", "purelin")


def without(*keys: str) -> dict:
    return {k: v for k, v in VALID.items() if k not in keys}


def with_raw(key: str, text: str) -> str:
    """VALID as JSON with ``key``'s value written as ``text``: what json.dumps cannot write (a key twice, a number of
    5001 digits)."""
    return json.dumps({**VALID, key: "RAW"}).replace('"RAW"', text)


BAD_EXAMPLES = {
    "missing eta": (without("eta"), r"is missing \['eta'\]: a worked example needs x, d and eta"),
    "missing x and d": (without("x", "d"), r"is missing \['x', 'd'\]"),
    "missing a weight": (without("b_output"), r"is missing \['b_output'\]"),
    "unknown key": ({**VALID, "etta": 0.5}, r"has unknown keys \['etta'\] \(did you mean 'eta' for 'etta'\?\); "
                                            r"the keys are w_hidden, "),
    "misspelled keys": ({**{k: v for k, v in VALID.items() if k != "w_hidden"}, "w_hiden": VALID["w_hidden"],
                         "foo": 1}, r"has unknown keys \['foo', 'w_hiden'\] \(did you mean 'w_hidden' for "
                                    r"'w_hiden'\?\); the keys are"),  # an instructor's review; 'foo' is like no key
    "2-2-1": ({**VALID, "w_hidden": VALID["w_hidden"][:2], "b_hidden": VALID["b_hidden"][:2],
               "w_output": [VALID["w_output"][0][:2]]}, r"the slides' 2-3-1 network, this one is 2-2-1"),
    "3 inputs": ({**VALID, "w_hidden": [[*row, 0.5] for row in VALID["w_hidden"]], "x": [1.5, 2.0, 0.5]},
                 r"this one is 3-3-1"),
    "2 outputs": ({**VALID, "w_output": VALID["w_output"] * 2, "b_output": [0.1, 0.2]}, r"this one is 2-3-2"),
    "purelin hidden": ({**VALID, "hidden": "purelin"}, r": hidden must be 'logsig' or 'tansig', .* got 'purelin'$"),
    "logsig output": ({**VALID, "output": "logsig"},
                      r": output must be 'purelin', the activation the site's pages derive, got 'logsig'$"),
    "unknown activation": ({**VALID, "hidden": "relu"},  # not "known activations are ..., 'purelin'"
                           r": hidden must be 'logsig' or 'tansig', the activations the site's pages derive, got "
                           r"'relu'$"),
    "another library's name": ({**VALID, "hidden": "tanh"},  # an instructor's review
                               r": hidden must be 'logsig' or 'tansig', the activations the site's pages derive, got "
                               r"'tanh' \(did you mean 'tansig'\? 'tanh' is its name elsewhere; the slides use "
                               r"MATLAB's\)$"),
    "eta 0": ({**VALID, "eta": 0}, r"eta must be > 0, got 0.0"),
    "eta negative": ({**VALID, "eta": -0.5}, r"eta must be > 0, got -0.5"),
    "eta text": ({**VALID, "eta": "0.5"}, r"eta must be a finite number, got '0.5'"),
    "eta infinite": ('{"eta": Infinity, ' + json.dumps(without("eta"))[1:], r"eta must be a finite number, got inf"),
    "d nan": ('{"d": NaN, ' + json.dumps(without("d"))[1:], r"d must be a finite number, got nan"),
    "d true": ({**VALID, "d": True}, r"d must be a finite number, got True"),
    "d list": ({**VALID, "d": [1.0]}, r"d must be a finite number, got \[1.0\]"),
    "x nan": ('{"x": [1.0, NaN], ' + json.dumps(without("x"))[1:], r"x\[1\] must be a finite number, got nan"),
    "x text": ({**VALID, "x": [1.0, "2"]}, r"x\[1\] must be a finite number, got '2'"),
    "weight nan": ('{"b_hidden": [0.0, NaN, 0.05], ' + json.dumps(without("b_hidden"))[1:],
                   r"b_hidden must be finite, found nan"),
    "x too short": ({**VALID, "x": [1.0]}, r"x must be a list of 2 numbers, got \[1.0\]"),
    "x too long": ({**VALID, "x": [1.0, 2.0, 3.0]}, r"x must be a list of 2 numbers"),
    "x a number": ({**VALID, "x": 1.0}, r"x must be a list of 2 numbers, got 1.0"),
    "not JSON": ('{"w_hidden": [[0.5, -0.25]', r"is not valid JSON"),
    "comma after the last": ('{"w_hidden": [[0.5, -0.25],]}', r"is not valid JSON: a comma after the last entry of an "
                             r"object or a list, at line 1 column 27, which JSON does not allow \(remove it\)$"),
    "not an object": ("[1, 2]", r"must hold a JSON object, not a list"),
    # a key given twice was read, the last one winning (answers files refuse it), in the practice entry too
    "key twice": ('{"d": 0.5, ' + json.dumps(VALID)[1:], r"^example file '.*example\.json' gives 'd' twice$"),
    "practice key twice": (with_raw("practice", '{"eta": 0.5, "eta": 0.25}'),
                           r"^example file '.*example\.json' gives 'eta' twice$"),
    # an integer no double holds: OverflowError "int too large to convert to float", naming neither file nor key, and
    # beyond Python's int-digit limit its ValueError "Exceeds the limit (4300 digits)", naming neither either
    "400-digit x": (with_raw("x", "[1" + "0" * 400 + ", 0.5]"), r"^example file '.*example\.json': x\[0\] is an "
                                                                r"integer of 401 digits, beyond a double's range "
                                                                r"\(about ±1\.8e\+308\)$"),
    "5000-digit practice d": (with_raw("practice", '{"d": -1' + "0" * 5000 + "}"),
                              r"^example file '.*example\.json': practice\.d is an integer of 5001 digits, beyond"),
}


@pytest.mark.parametrize("case", list(BAD_EXAMPLES))
def test_load_rejects_a_bad_example_naming_the_file(case, tmp_path):
    data, match = BAD_EXAMPLES[case]
    path = write(tmp_path, data)
    with pytest.raises((ValueError, TypeError), match=match) as info:
        examples.load(path)
    assert f"example file {str(path)!r}" in str(info.value), str(info.value)  # the message names the file


@pytest.mark.parametrize("weights", [{"w_output": [[0.5, "-0.6", 0.3]]}, {"b_hidden": [0.1, None, 0.3]},
                                     {"w_hidden": [[0.1, 0.2], [0.3, 0.4]]}])
def test_a_bad_weight_in_the_example_file_is_one_line_of_error(weights, tmp_path):
    """An instructor's review: text or null where a weight goes came through `trace`, `--help` and the site's build as
    a traceback (Network's TypeError, where they report the example file's ValueError in one line). Every error of the
    file's content is a ValueError, and `trace` prints it in one line, exit status 2."""
    path = write(tmp_path, {**VALID, **weights})
    with pytest.raises(ValueError, match=r"^example file '.*example\.json': (w_output|b_hidden|w_hidden) "):
        examples.load(path)
    for args in (["trace"], ["--help"]):
        proc = run("-m", "backprop", *args, example=path)
        assert "Traceback" not in proc.stderr, proc.stderr
        if args == ["trace"]:
            assert proc.returncode == 2, proc
            assert proc.stderr.startswith("python -m backprop trace: error: example file "), proc
        else:
            assert proc.returncode == 0 and proc.stdout.startswith("usage: python -m backprop"), proc


def test_load_rejects_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match=r"cannot read example file '.*nope\.json'"):
        examples.load(tmp_path / "nope.json")


def test_a_variable_that_names_no_file_says_so_with_the_directory_it_was_read_from():
    """An instructor's typo, BACKPROP_EXAMPLE=my-exmaple.json, was told "cannot read example file ...: No such file
    or directory. Fix the file and run the command again": not the variable, not where a relative path is read from,
    and "fix the file" for a file that is not there."""
    proc = run("-m", "backprop", "trace", example="my-exmaple.json")
    assert proc.returncode == 2 and proc.stdout == "", proc
    assert proc.stderr == (f"python -m backprop trace: error: BACKPROP_EXAMPLE names 'my-exmaple.json', which is no "
                           f"file (a relative path is read from {oracle.ROOT}): correct the variable, or unset it to "
                           "use the package's example.json\n"), proc.stderr


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_every_shipped_example_is_valid_and_read_as_the_oracle_reads_it(path):
    ex, data = examples.load(path), oracle.load_example(path)
    assert ex.net.to_dict() == {key: data.get(key, default) for key, default in
                                zip(NETWORK_KEYS, (None, None, None, None, "logsig", "purelin"))}
    assert ex.x.tolist() == data["x"] and (ex.d, ex.eta) == (data["d"], data["eta"])


def test_the_other_examples_cover_what_the_issue_asks_for():
    """Both signs of e, x_1 != 1, a negative input, a small eta, a tanh hidden layer, a negative target: in the three
    other examples alone, whatever the package's own file holds."""
    others = [oracle.iteration(oracle.load_example(path)) for path in oracle.other_examples()]
    assert len(others) >= 3
    assert {math.copysign(1, it["e"]) for it in others} == {-1.0, 1.0}
    assert all(it["x"][0] != 1 for it in others)
    assert any(min(it["x"]) < 0 for it in others)
    assert any(it["eta"] <= 0.1 for it in others)
    assert any(it["hidden"] == "tansig" for it in others)
    assert any(it["d"] < 0 for it in others)


# --- the practice example: a network and sample of the exercises' own ----------------------------------------

# A valid practice entry for VALID (not one of the site's): each test breaks one thing of it.
PRACTICE = {"w_hidden": [[0.2, -0.4], [0.3, 0.1], [-0.6, 0.25]], "b_hidden": [0.1, 0.0, -0.2],
            "w_output": [[0.4, -0.3, 0.9]], "b_output": [0.05], "x": [0.5, -1.5], "d": 0.6, "eta": 0.2}


def test_load_reads_the_practice_entry(tmp_path):
    path = write(tmp_path, {**VALID, "practice": PRACTICE})
    practice = examples.load(path).practice
    for key in ("w_hidden", "b_hidden", "w_output", "b_output"):
        np.testing.assert_array_equal(getattr(practice.net, key), PRACTICE[key])
    assert (practice.net.hidden, practice.net.output) == ("logsig", "purelin")  # the file's defaults, not VALID's
    np.testing.assert_array_equal(practice.x, PRACTICE["x"])
    assert (practice.d, practice.eta) == (PRACTICE["d"], PRACTICE["eta"])
    assert practice.source == str(path) and practice.practice is None
    assert not practice.x.flags.writeable
    # the worked example it goes with (whose numbers an exercise names when they are typed): the file's own
    np.testing.assert_array_equal(practice.worked.net.w_hidden, VALID["w_hidden"])
    assert practice.worked.d == VALID["d"] and practice.worked.worked is None


def test_a_file_without_practice_gets_the_package_files_practice(tmp_path):
    practice = examples.load(write(tmp_path, VALID)).practice
    want = oracle.load_example(oracle.DEFAULT_FILE)["practice"]
    assert practice.net.w_hidden.tolist() == want["w_hidden"] and practice.x.tolist() == want["x"]
    assert (practice.d, practice.eta) == (want["d"], want["eta"])
    assert practice.worked.net.w_hidden.tolist() == VALID["w_hidden"]  # this file's worked example, not the package's


def test_the_package_file_must_hold_the_practice_example(tmp_path, monkeypatch):
    path = write(tmp_path, VALID)
    monkeypatch.setattr(examples, "DEFAULT_FILE", path)
    with pytest.raises(ValueError, match=r"is missing 'practice': the package's file holds the practice example"):
        examples.load(path)


def test_the_practice_example_must_differ_from_the_worked_example(tmp_path):
    copy = {k: VALID[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "x", "d", "eta")}
    path = write(tmp_path, {**VALID, "practice": copy})
    with pytest.raises(ValueError, match=r"the practice example is the worked example itself: it gives neurons "
                                         r"1, 2, 3, 4 the fields the pages print"):
        examples.load(path)
    examples.load(write(tmp_path, {**VALID, "practice": {**copy, "x": [0.3, -0.9]}}, "other.json"))  # another x will do


def practice_fields(ex: dict) -> list[float]:
    """v_1, v_2, v_3, v_4 of an example (its top level), in plain math."""
    it = oracle.iteration(ex)
    return [*it["v_hidden"], *it["v_output"]]


@pytest.mark.parametrize("change", [{"d": 0.123}, {"eta": 0.25}, {"d": -1.0, "eta": 0.9}])
def test_a_practice_example_with_the_worked_network_and_x_is_refused(tmp_path, change):
    """Another d or eta only: the exercises' forward pass would be the pages' own."""
    copy = {k: VALID[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "x", "d", "eta")}
    fields = ", ".join(f"v_{n} = {v:.6f}" for n, v in enumerate(practice_fields(VALID), start=1))
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, {**VALID, "practice": {**copy, **change}}))
    want = f"shares neurons with the worked example: it gives neurons 1, 2, 3, 4 the fields the pages print ({fields})"
    assert want in str(info.value)


def test_a_practice_example_sharing_one_hidden_neuron_is_refused_naming_it(tmp_path):
    """Only neuron 2's row and bias copied from the worked example: its field is the pages' v_2."""
    w_hidden = [PRACTICE["w_hidden"][0], VALID["w_hidden"][1], PRACTICE["w_hidden"][2]]
    b_hidden = [PRACTICE["b_hidden"][0], VALID["b_hidden"][1], PRACTICE["b_hidden"][2]]
    practice = {**PRACTICE, "w_hidden": w_hidden, "b_hidden": b_hidden, "x": VALID["x"]}
    v_2 = practice_fields(VALID)[1]
    assert [f"{v:.6f}" for v in practice_fields(practice)].count(f"{v_2:.6f}") == 1  # only neuron 2 is shared
    with pytest.raises(ValueError, match=rf"it gives neuron 2 the fields the pages print \(v_2 = {v_2:.6f}\), so "
                                         r"the exercises' answers for it would be on the derivation pages"):
        examples.load(write(tmp_path, {**VALID, "practice": practice}))


def test_a_practice_neuron_whose_field_only_prints_alike_is_refused(tmp_path):
    """A mutation audit: the check compared the fields' doubles, not what the pages print, and no test told. Neuron 2
    with (1.000001, 0.75) and -0.099998 at the worked x = (-2, 0.25): v_2 = -1.9124999999999999 in plain math, another
    double than the worked example's -1.9125, which prints as the same -1.912500."""
    w_hidden = [PRACTICE["w_hidden"][0], [1.000001, 0.75], PRACTICE["w_hidden"][2]]
    b_hidden = [PRACTICE["b_hidden"][0], -0.099998, PRACTICE["b_hidden"][2]]
    practice = {**PRACTICE, "w_hidden": w_hidden, "b_hidden": b_hidden, "x": VALID["x"]}
    ours, worked = practice_fields(practice)[1], practice_fields(VALID)[1]
    assert ours != worked and f"{ours:.6f}" == f"{worked:.6f}" == "-1.912500", "the premise"
    with pytest.raises(ValueError, match=r"it gives neuron 2 the fields the pages print \(v_2 = -1\.912500\)"):
        examples.load(write(tmp_path, {**VALID, "practice": practice}))


@pytest.mark.parametrize(("change", "why"), [({"x": [0.0, 0.0]}, "x = (0, 0)"),
                                           ({"w_output": [[0.0, 0.0, 0.0]]}, "every output weight w_4i is 0")],
                         ids=["x-zero", "output-weights-zero"])
def test_a_practice_example_whose_hidden_weights_all_have_gradient_0_is_refused(tmp_path, change, why):
    """A reviewer's practice example (tanh, x = (0, 0)) passed the loader, and exercise 11 then stopped the build
    asking for the gradient of a hidden weight, all of which are 0: dE/dw_ik = -e f'(v_4) w_4i f'(v_i) x_k."""
    practice = {**PRACTICE, **change}
    it = oracle.iteration(practice)
    assert all(dw == 0 for row in it["dw_hidden"] for dw in row), "the premise, in plain math"
    with pytest.raises(ValueError, match=rf"the practice example gives every hidden weight w_ik a gradient of 0 "
                                         rf"\({re.escape(why)}\), so the exercises on the hidden weights \(6, 9 and "
                                         r"11\) would have nothing to find"):
        examples.load(write(tmp_path, {**VALID, "practice": practice}))


def test_a_practice_neuron_with_the_field_of_another_worked_neuron_is_refused_naming_both(tmp_path):
    """Practice neuron 1 gets the worked example's neuron 2 (its row and bias, at the same x): the rule 3 page prints
    f'(v_2), which was exercise 2's answer for v_1, and only the same neuron's field was compared."""
    w_hidden = [VALID["w_hidden"][1], *PRACTICE["w_hidden"][1:]]
    b_hidden = [VALID["b_hidden"][1], *PRACTICE["b_hidden"][1:]]
    practice = {**PRACTICE, "w_hidden": w_hidden, "b_hidden": b_hidden, "x": VALID["x"]}
    worked, mine = practice_fields(VALID), practice_fields(practice)
    assert f"{mine[0]:.6f}" == f"{worked[1]:.6f}"  # the premise, in plain math: practice v_1 is worked v_2 ...
    assert all(f"{a:.6f}" != f"{b:.6f}" for a, b in zip(mine, worked))  # ... and no neuron shares its own field
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, {**VALID, "practice": practice}))
    assert (f"the practice example gives a neuron the field the pages print for another neuron of the worked example "
            f"(its v_1 = {mine[0]:.6f} is the worked example's v_2), so the exercises' answers for it would be on the "
            f"derivation pages; give 'practice' other weights or another x") in str(info.value)


def practice_with(**changes) -> dict:
    return {**VALID, "practice": {**PRACTICE, **changes}}


BAD_PRACTICE = {
    "not an object": ({**VALID, "practice": [1, 2]}, r": practice must be a JSON object like the example itself"),
    "unknown key": (practice_with(etta=0.5), r": practice has unknown keys \['etta'\]"),
    "nested practice": (practice_with(practice={}), r": practice has unknown keys \['practice'\]"),
    "missing a weight": ({**VALID, "practice": {k: v for k, v in PRACTICE.items() if k != "b_output"}},
                         r": practice is missing \['b_output'\]"),
    "missing eta": ({**VALID, "practice": {k: v for k, v in PRACTICE.items() if k != "eta"}},
                    r": practice is missing \['eta'\]: a practice example needs x, d and eta"),
    "2-2-1": (practice_with(w_hidden=PRACTICE["w_hidden"][:2], b_hidden=[0.1, 0.0], w_output=[[0.4, -0.3]]),
              r": practice: the site derives the slides' 2-3-1 network, this one is 2-2-1"),
    # an instructor's "relu" was told the known activations, purelin among them, which the next check refused
    "purelin hidden": (practice_with(hidden="purelin"),
                       r": practice: hidden must be 'logsig' or 'tansig', the activations the site's pages derive, got "
                       r"'purelin'$"),
    "relu hidden": (practice_with(hidden="relu"), r": practice: hidden must be 'logsig' or 'tansig', .* got 'relu'$"),
    "tansig output": (practice_with(output="tansig"), r": practice: output must be 'purelin', .* got 'tansig'$"),
    "weight nan": ('{"practice": {"b_hidden": [0.0, NaN, 0.05], ' + json.dumps({**PRACTICE, "b_hidden": 0})[1:-1]
                   .replace('"b_hidden": 0, ', "").replace(', "b_hidden": 0', "") + "}, " + json.dumps(VALID)[1:],
                   r": practice: b_hidden must be finite, found nan"),
    "x text": (practice_with(x=[1.0, "2"]), r": practice\.x\[1\] must be a finite number, got '2'"),
    "x too short": (practice_with(x=[1.0]), r": practice\.x must be a list of 2 numbers, got \[1.0\]"),
    "d true": (practice_with(d=True), r": practice\.d must be a finite number, got True"),
    "eta 0": (practice_with(eta=0), r": practice\.eta must be > 0, got 0.0"),
    "e = 0": (practice_with(d=float(forward(Network(**{k: PRACTICE[k] for k in NETWORK_KEYS[:4]}),
                                            np.array(PRACTICE["x"])).y_output[0])),  # y exactly as the package has it
              r": practice: the output y = .* equals d"),
    "saturated": (practice_with(w_hidden=[[800.0, 0.0], [0.3, 0.1], [-0.6, 0.25]], x=[1.0, 0.5]),
                  r": practice: hidden neuron 1 is saturated"),
}


@pytest.mark.parametrize("case", list(BAD_PRACTICE))
def test_load_rejects_a_bad_practice_entry_naming_the_file_and_the_field(case, tmp_path):
    data, match = BAD_PRACTICE[case]
    path = write(tmp_path, data)
    with pytest.raises((ValueError, TypeError), match=match) as info:
        examples.load(path)
    assert f"example file {str(path)!r}" in str(info.value), str(info.value)


def test_what_the_pages_cannot_derive_is_named_for_both_entries_at_once(tmp_path):
    """A TA's review: a 2-4-1 network with a logsig output, its practice entry the same, took four rebuilds, one
    message a problem. Every activation and size the pages cannot derive is named in one message, worked example
    first, with what each key needs."""
    four = {**VALID, "w_hidden": [*VALID["w_hidden"], [0.1, 0.2]], "b_hidden": [*VALID["b_hidden"], 0.3],
            "w_output": [[*VALID["w_output"][0], 0.4]], "output": "logsig"}
    practice = {**PRACTICE, "w_hidden": [[*row, 0.1] for row in PRACTICE["w_hidden"]], "hidden": "relu",
                "x": [*PRACTICE["x"], 1.0]}
    path = write(tmp_path, {**four, "practice": practice})
    with pytest.raises(ValueError) as info:
        examples.load(path)
    assert str(info.value) == (
        f"example file {str(path)!r} has 4 problems: "
        "(1) output must be 'purelin', the activation the site's pages derive, got 'logsig'; "
        "(2) the site derives the slides' 2-3-1 network, this one is 2-4-1: w_hidden needs 3 rows of 2 numbers, "
        "b_hidden 3 numbers, w_output 1 row of 3 numbers (keep the neurons the pages should show); "
        "(3) practice: hidden must be 'logsig' or 'tansig', the activations the site's pages derive, got 'relu'; "
        "(4) practice: the site derives the slides' 2-3-1 network, this one is 3-3-1: w_hidden needs 3 rows of 2 "
        "numbers, x 2 numbers (keep the neurons the pages should show)")


@pytest.mark.parametrize(("data", "message"), [
    ({**VALID, "w_output": [[1.5, -0.5, 0.25, 1.0]], "hidden": "purelin"},
     "has 2 problems: (1) hidden must be 'logsig' or 'tansig', the activations the site's pages derive, got "
     # a shape Network refuses, after the activation: both named
     "'purelin'; (2) w_output has shape (1, 4), expected (?, 3)"),
    ({**VALID, "w_output": [[1.5, -0.5, 0.25]] * 2, "b_output": [0.1, 0.2]},
     ": the site derives the slides' 2-3-1 network, this one is 2-3-2: w_output needs 1 row of 3 numbers, "
     "b_output 1 number (keep"),
])
def test_each_size_and_activation_problem_says_what_the_key_needs(data, message, tmp_path):
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, data))
    assert message in str(info.value), str(info.value)


def test_every_shipped_practice_example_differs_from_its_worked_example_as_the_issue_asks(tmp_path):
    """x_1 != 1 (so a bias's update differs from w_i1's) and a negative input, in every practice example shipped."""
    for path in FILES:
        data = oracle.load_example(path)
        practice = data["practice"]
        assert practice["x"][0] != 1 and min(practice["x"]) < 0, path.name
        assert practice["x"] != data["x"] and practice["w_hidden"] != data["w_hidden"], path.name
        assert practice.get("hidden", "logsig") == data.get("hidden", "logsig"), "the file's own hidden layer"
        ex = examples.load(path)
        assert ex.practice.x.tolist() == practice["x"]


def test_trace_reads_a_weights_file_that_carries_a_practice_entry(tmp_path, capsys):
    """The CLI's --weights takes an example file as it is: the practice entry is the exercises', not trace's."""
    path = write(tmp_path, {**VALID, "practice": PRACTICE})
    assert main(["trace", "--weights", str(path)]) == 0
    out = printed(capsys.readouterr().out)
    it = oracle.iteration(VALID)
    assert out["y"] == six(it["y"])


# --- the example in use: NET, X, D, ETA ------------------------------------------------------------------


def test_the_module_holds_the_file_in_use():
    data = oracle.load_example()
    assert examples.current_file().resolve() == oracle.example_file().resolve()
    assert examples.EXAMPLE.source == str(examples.current_file())
    assert examples.NET.to_dict() == {key: data.get(key, {"hidden": "logsig", "output": "purelin"}.get(key))
                                      for key in NETWORK_KEYS}
    assert examples.X.tolist() == data["x"]
    assert examples.D == data["d"] and examples.ETA == data["eta"]
    assert examples.NET is examples.EXAMPLE.net and examples.X is examples.EXAMPLE.x


def test_x_is_read_only():
    assert not examples.X.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        examples.X[0] = 2.0


def test_current_file_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(examples.ENV, raising=False)
    assert examples.current_file() == examples.DEFAULT_FILE == oracle.DEFAULT_FILE
    monkeypatch.setenv(examples.ENV, "")
    assert examples.current_file() == examples.DEFAULT_FILE  # empty: unset
    monkeypatch.setenv(examples.ENV, str(tmp_path / "mine.json"))
    assert examples.current_file() == tmp_path / "mine.json"


PRINT_EXAMPLE = ("import json; from backprop import examples as e; "
                 "print(json.dumps({'file': str(e.current_file()), **e.NET.to_dict(), 'x': e.X.tolist(), "
                 "'d': e.D, 'eta': e.ETA, 'practice': {**e.PRACTICE_NET.to_dict(), 'x': e.PRACTICE_X.tolist(), "
                 "'d': e.PRACTICE_D, 'eta': e.PRACTICE_ETA}}))")

# One fresh interpreter per example file, with BACKPROP_EXAMPLE naming it, does all that file's work below: prints the
# example the package read at import (PRINT_EXAMPLE), then runs each command of commands(path) through the function
# ``python -m backprop`` calls (tests/support/cli.py run_main), capturing what it prints and its exit status. (Each
# command in a process of its own took 20 interpreter starts; test_cli runs the ``python -m backprop`` entry point.)
IN_ONE_PROCESS = PRINT_EXAMPLE + """
import sys
from tests.support.cli import run_main
ran = {name: run_main(*argv) for name, argv in json.loads(sys.argv[1]).items()}
print(json.dumps({name: {"returncode": p.returncode, "stdout": p.stdout, "stderr": p.stderr}
                  for name, p in ran.items()}))
"""


def commands(path: Path) -> dict[str, list[str]]:
    """The CLI commands run with ``path`` in use: its trace, as text and JSON, its help, and the trace of the file
    before it in FILES given with ``--weights`` (so the file's x, d and eta differ from the example in use's)."""
    before = FILES[(FILES.index(path) - 1) % len(FILES)]
    return {"trace": ["trace"], "json": ["trace", "--format", "json"], "help": ["trace", "--help"],
            "weights": ["trace", "--weights", str(before), "--format", "json"]}


@functools.cache
def in_use(path: Path) -> tuple[dict, dict[str, subprocess.CompletedProcess[str]]]:
    """What a fresh interpreter with ``BACKPROP_EXAMPLE=path`` read at import, and each command of ``commands(path)``
    run there, as ``(example, {name: completed})``."""
    proc = run("-c", IN_ONE_PROCESS, json.dumps(commands(path)), example=path)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    example, ran = map(json.loads, proc.stdout.splitlines())
    return example, {name: subprocess.CompletedProcess(argv, **ran[name])
                                 for name, argv in commands(path).items()}


def with_defaults(data: dict) -> dict:
    """An example file's data as the package reads it: the slides' activations where none is named."""
    out = {"hidden": "logsig", "output": "purelin", **data}
    if "practice" in data:
        out["practice"] = {"hidden": "logsig", "output": "purelin", **data["practice"]}
    return out


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_BACKPROP_EXAMPLE_is_honoured_at_import(path):
    got = dict(in_use(path)[0])
    want = oracle.load_example(path)
    assert got.pop("file") == str(path)
    assert got == with_defaults(want)


def test_without_BACKPROP_EXAMPLE_the_package_file_is_used():
    proc = run("-c", PRINT_EXAMPLE)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got.pop("file") == str(oracle.DEFAULT_FILE)
    assert got == with_defaults(oracle.load_example(oracle.DEFAULT_FILE))


def test_a_bad_BACKPROP_EXAMPLE_stops_its_first_use_with_its_message(tmp_path):
    """The example is read when first used: the package imports whatever the file holds, and the first use of the
    example raises the loader's message (it once stopped ``import backprop``, and so every command of the CLI)."""
    path = write(tmp_path, {**VALID, "eta": -1})
    message = f"example file {str(path)!r}: eta must be > 0, got -1.0"
    assert run("-c", "import backprop, backprop.homework, backprop.exercises", example=path).returncode == 0
    proc = run("-c", "from backprop import examples; examples.NET", example=path)
    assert proc.returncode != 0 and message in proc.stderr, proc.stderr


def test_trace_with_a_bad_BACKPROP_EXAMPLE_says_why_in_one_line_and_works_with_its_own_weights(tmp_path):
    """``trace`` printed a 17-line traceback from the import; it prints the loader's message as its error (exit 2),
    its help still prints, and ``trace --weights`` with x, d and eta in the file does not need the example."""
    path = write(tmp_path, {**VALID, "eta": -1})
    proc = run("-m", "backprop", "trace", example=path)
    assert proc.returncode == 2 and proc.stdout == "", proc.stdout
    assert proc.stderr == f"python -m backprop trace: error: example file {str(path)!r}: eta must be > 0, got -1.0\n"
    assert "Traceback" not in run("-m", "backprop", "trace", "--help", example=path).stderr
    weights = write(tmp_path, {**PRACTICE, "hidden": "logsig"}, "weights.json")
    proc = run("-m", "backprop", "trace", "--weights", str(weights), example=path)
    assert proc.returncode == 0, proc.stderr
    want = oracle.trace_values(oracle.iteration({**PRACTICE, "hidden": "logsig", "output": "purelin"}))
    assert printed(proc.stdout) == {name: six(value) for name, value in want.items()}


# --- the CLI's defaults are the example in use ------------------------------------------------------------


def printed(out: str) -> dict[str, str]:
    return {name.strip(): value.strip() for name, value in (line.split(" = ") for line in out.strip().splitlines())}


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_trace_without_options_prints_the_example_in_use(path):
    """Every value ``python -m backprop trace`` prints, against the oracle's for the file BACKPROP_EXAMPLE names."""
    want = oracle.trace_values(oracle.iteration(oracle.load_example(path)))
    proc = in_use(path)[1]["trace"]
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    got = printed(proc.stdout)
    assert list(got) == list(want)
    assert got == {name: six(value) for name, value in want.items()}
    js = json.loads(in_use(path)[1]["json"].stdout)
    assert list(js) == list(want)
    for name, value in want.items():
        assert js[name] == pytest.approx(value, rel=1e-13, abs=1e-15), name


def numbers(values) -> str:
    """How the help writes a default: ``%g`` numbers separated by spaces."""
    return " ".join(f"{v:g}" for v in values)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_trace_help_shows_the_example_in_use(path):
    data = oracle.load_example(path)
    proc = in_use(path)[1]["help"]
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    flat = " ".join(out.split())  # argparse wraps the option help
    defaults = "with --practice the practice example's, else the worked example's"
    assert f"the weights file's x, {defaults}: {numbers(data['x'])})" in flat
    assert f"the weights file's d, {defaults}: {numbers([data['d']])})" in flat
    assert f"the weights file's eta, {defaults}: {numbers([data['eta']])})" in flat
    assert str(path) in out  # which file the defaults come from
    ready_made = json.loads(out[out.index('{"w_hidden"'):].strip())
    assert ready_made == {key: data.get(key, {"hidden": "logsig", "output": "purelin"}.get(key))
                          for key in NETWORK_KEYS}


def test_help_in_process_shows_the_example_in_use(capsys):
    data = oracle.load_example()
    with pytest.raises(SystemExit):
        main(["trace", "--help"])
    flat = " ".join(capsys.readouterr().out.split())
    assert f"else the worked example's: {numbers(data['x'])})" in flat
    assert f"else the worked example's: {numbers([data['eta']])})" in flat


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_trace_weights_uses_the_files_x_d_and_eta(path):
    """``trace --weights FILE`` with an example file takes x, d and eta from the file, not from the example in use
    (BACKPROP_EXAMPLE names another one here, so the two differ)."""
    other = FILES[(FILES.index(path) + 1) % len(FILES)]
    want = oracle.trace_values(oracle.iteration(oracle.load_example(path)))
    proc = in_use(other)[1]["weights"]
    assert proc.args == ["trace", "--weights", str(path), "--format", "json"]
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert list(got) == list(want)
    for name, value in want.items():
        assert got[name] == pytest.approx(value, rel=1e-13, abs=1e-15), name


def test_trace_weights_of_the_package_file_in_process(capsys):
    """``trace --weights backprop/example.json`` prints the package file's iteration whatever example is in use."""
    want = oracle.trace_values(oracle.iteration(oracle.load_example(oracle.DEFAULT_FILE)))
    assert main(["trace", "--weights", str(oracle.DEFAULT_FILE), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    for name, value in want.items():
        assert got[name] == pytest.approx(value, rel=1e-13, abs=1e-15), name


def test_options_win_over_the_files_x_d_and_eta(capsys):
    path = FILES[-1]
    changes = {"x": [0.375, -1.5], "d": 2.25, "eta": 0.0625}
    want = oracle.trace_values(oracle.iteration(oracle.with_sample(oracle.load_example(path), **changes)))
    assert main(["trace", "--weights", str(path), "--x", "0.375", "-1.5", "--d", "2.25", "--eta", "0.0625",
                 "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    for name, value in want.items():
        assert got[name] == pytest.approx(value, rel=1e-13, abs=1e-15), name


# --- load: the two degenerate examples the pages cannot teach with -------------------------------------------


def test_load_refuses_an_output_that_equals_d_exactly(tmp_path):
    """e = 0: one iteration changes nothing. d is the package's own y (the oracle's may differ in the last bit,
    as it sums in another order), so e is exactly 0 in floating point; the oracle confirms y to 1e-15."""
    net = examples.network_from(VALID, "VALID")
    y = float(forward(net, VALID["x"]).y_output[0])
    assert math.isclose(y, oracle.iteration(VALID)["y"], rel_tol=1e-15)
    data = dict(VALID, d=y)
    with pytest.raises(ValueError, match=r"example file .*equals d exactly, so e = 0"):
        examples.load(write(tmp_path, data))
    # a small error whose cost E = e^2/2, 1.125e-4, prints with three digits (0.000113) is still an error; d with
    # the pages' 6 decimals
    nearly = dict(VALID, d=round(oracle.iteration(VALID)["y"] + 0.015, 6))
    assert examples.load(write(tmp_path, nearly, "nearly.json")).d == nearly["d"]


def test_load_says_an_output_equal_to_d_by_hand_has_e_0_not_a_rounding_as_its_error(tmp_path):
    """A reviewer's example: y_hi = 1/2 (v_i = 0), w_4i = 0.2, b_4 = 0 and d = 0.3 give y = 0.3 by hand, and e = 0,
    but the message said "the error e = d - y is -5.55112e-17". It now says e is 0 by hand, as for an exact 0, and
    gives the nearest d that teaches (y = 0.3 in plain fractions: 3 * 0.2 * 1/2)."""
    data = dict(VALID, w_hidden=[[0.0, 0.0]] * 3, b_hidden=[0.0] * 3, w_output=[[0.2, 0.2, 0.2]], b_output=[0.0],
                hidden="logsig", d=0.3)
    assert oracle.iteration(data)["e"] != 0  # the premise: not 0 in floating point
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, data))
    m = re.fullmatch(r"example file .*: the output y = 0\.300000 equals d = 0\.3 by hand \(from the numbers as "
                     r"typed\), so e = 0 and one iteration changes nothing; in floating point e = -?\d\.\de-17, a "
                     r"rounding\. Choose d at most (\d\.\d{6}) or at least (\d\.\d{6}), for an \|e\| of 0\.0142 or "
                     r"more", str(info.value))
    assert m, str(info.value)
    # the nearest d with six decimals whose |e| is 0.0142 or more, from y by hand: 0.3 -+ 0.0142 (a reviewer: it
    # said 0.314201, from y = 0.30000000000000004 in floating point)
    assert (m[1], m[2]) == ("0.285800", "0.314200")


@pytest.mark.parametrize("offset", [1e-9, -3e-7, 5e-4, -6e-4, 2e-3, -0.014])
def test_load_refuses_a_cost_with_too_few_printed_digits_naming_d_y_e_and_E(tmp_path, offset):
    """d = y + 1e-9 was accepted (only e == 0 exactly was refused), and the pages, which print 6 decimals, then printed
    every rule as 0 and stopped later in show.pick with an error that named no page; with e = 5e-4 the cost E = e^2/2
    printed as 0.000000 beside 'the cost is positive'; with e = 2e-3 (E = 0.000002) a table of costs printed 0.000001
    four times under 'the cost falls at every step', and 'fell by a factor of 1.35' beside 0.000002 and 0.000001. The
    loader refuses a cost below 0.0001 (three significant digits as printed), naming d, y (the oracle's, to 1e-12),
    e, E and how E prints, and why."""
    y = oracle.iteration(VALID)["y"]
    data = dict(VALID, d=y + offset)
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, data))
    # an instructor: "-1.57 - -1.5760087133156666" read badly, and "further from y" left the d to find by trial
    m = re.search(r"example file .*: the error e = d - y is (\S+) \(d = (\S+), y = (-?\d+\.\d{6})\): its cost "
                  r"E = e\^2/2 = (\S+) is (\S+) to 6 decimals; below 0\.000100 the pages' 6 decimals show too few of "
                  r"its digits, or of how one iteration changes it; choose d at most (-?\d+\.\d{6}) or at least "
                  r"(-?\d+\.\d{6}), for an \|e\| of 0\.0142 or more$", str(info.value))
    assert m, str(info.value)
    assert float(m[2]) == data["d"] and abs(float(m[3]) - y) <= 5e-7
    assert float(m[1]) == pytest.approx(offset, rel=1e-3) and float(m[4]) == pytest.approx(offset**2 / 2, rel=1e-2)
    assert m[5] == f"{offset**2 / 2:.6f}"
    below, above = float(m[6]), float(m[7])  # the nearest d with six decimals whose |e| is 0.0142 or more
    assert y - 0.0142 - 1e-6 < below <= y - 0.0142 and y + 0.0142 <= above < y + 0.0142 + 1e-6
    for d in (below, above):
        assert examples.load(write(tmp_path, dict(VALID, d=d), "edge.json")).d == d
    practice = dict(PRACTICE, d=oracle.iteration(PRACTICE)["y"] + offset)  # the practice example is held to it too
    with pytest.raises(ValueError, match=r": practice: the error e = d - y is "):
        examples.load(write(tmp_path, {**VALID, "practice": practice}, "practice.json"))


def test_load_refuses_an_example_whose_iteration_reaches_a_billion(tmp_path):
    """d = 10^6 gives E = e^2/2 of about 5e11, which the pages printed with 6 decimals (18 significant digits, the last
    ones noise). The loader refuses it, naming E and its value (the oracle's); with E below 10^9 it loads."""
    it = oracle.iteration(dict(VALID, d=1e6))
    assert it["E"] > 1e9  # the premise, in plain math
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, dict(VALID, d=1e6)))
    m = re.search(r"one iteration gives E = (\S+) and E\(n\+1\) = (\S+): the pages print every number with 6 "
                  r"decimals, and from 10\^9 on that is more than the 15 significant digits a double holds",
                  str(info.value))
    assert m, str(info.value)
    assert float(m[1]) == pytest.approx(it["E"], rel=1e-5)
    d = round(it["y"] + 40000.0, 6)
    below = oracle.iteration(dict(VALID, d=d))
    assert below["E"] < 1e9 and all(abs(v) < 1e9 for v in oracle.trace_values(below).values())  # the premise
    assert examples.load(write(tmp_path, dict(VALID, d=d), "below.json")).d == d


def test_load_names_the_file_of_an_example_whose_iteration_overflows(tmp_path, recwarn):
    """d = eta = 10^200: the cost E = e^2/2 passes a double's range (plain math). The loader said 'w_hidden must be
    finite, found inf at index (0, 0)', without the file, of weights the file gives finite, after numpy's
    RuntimeWarnings; it names the file, the step that overflows and the numbers, with no warning."""
    y = oracle.iteration(VALID)["y"]
    assert math.isinf((1e200 - y) * (1e200 - y) / 2)
    path = write(tmp_path, dict(VALID, d=1e200, eta=1e200))
    with pytest.raises(ValueError) as info:
        examples.load(path)
    assert str(info.value) == (
        f"example file {str(path)!r}: one iteration overflows: E = inf, beyond a double's range (about ±1.8e+308); "
        f"the largest numbers given are d = 1e+200 and eta = 1e+200: choose smaller numbers")
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    practice = dict(PRACTICE, d=1e200)  # the practice example: named as such
    with pytest.raises(ValueError, match=r"^example file '.*practice\.json': practice: one iteration overflows: "
                                         r"E = inf"):
        examples.load(write(tmp_path, {**VALID, "practice": practice}, "practice.json"))


@pytest.mark.parametrize("sign", [1, -1])
def test_the_error_the_message_advises_is_accepted(tmp_path, sign):
    """The message advised '|e| of 0.014 or more' while it refused e = -0.014 (the test above) and any |e| below about
    0.0141: the advised |e| is now one the loader accepts, with either sign, and one just below the true boundary
    (E = e^2/2 printing as 0.000100 needs |e| >= sqrt(2 * 0.0000995), plain math) is refused."""
    y = oracle.iteration(VALID)["y"]
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, dict(VALID, d=y + 1e-3)))
    advised = float(re.search(r"for an \|e\| of (\S+) or more$", str(info.value))[1])
    d = round(y + sign * advised, 6)
    assert abs(d - y) >= advised - 5e-7
    assert examples.load(write(tmp_path, dict(VALID, d=d), "advised.json")).d == d
    boundary = math.sqrt(2 * (1e-4 - 0.5e-6))
    with pytest.raises(ValueError, match="too few of its digits"):
        examples.load(write(tmp_path, dict(VALID, d=y + sign * boundary * (1 - 1e-3)), "below.json"))


@pytest.mark.parametrize("path", ["README.md", "docs/teaching.md", "backprop/examples.py"])
def test_the_documented_limits_on_the_error_are_the_loaders(path):
    """README, the teaching page and the module say which examples the loader refuses: a cost below 0.0001, |e| below
    about 0.0142, which was false (|e| = 0.01412 is accepted: its cost prints as 0.000100). The stated |e| is the true
    boundary, sqrt(2 * 0.0000995) = 0.014107 (plain math), to its last stated digit, and the cost the loader's, said
    as a cost that prints below it (a reviewer: E = 0.0000995 is below 0.0001 but accepted: it prints as 0.000100)."""
    text = " ".join((ROOT / path).read_text(encoding="utf-8").split())
    stated = re.search(r"\|e\|[`$]? below about (0\.\d+)", text)[1]
    boundary = math.sqrt(2 * (1e-4 - 0.5e-6))
    assert abs(float(stated) - boundary) <= 0.5 * 10.0 ** -len(stated.split(".")[1]), (stated, boundary)
    if path != "backprop/examples.py":  # the module names MIN_COST
        assert float(re.search(r"prints below (0\.\d+) at the pages' 6 decimals", text)[1]) == examples.MIN_COST
    power = re.search(r"10\^\{?(\d+)\}?\$?(?:\))? or more, where|reach \$10\^\{?(\d+)\}?\$, where", text)
    assert power, "the limit on the iteration's numbers is not stated"
    assert 10.0 ** int(power[1] or power[2]) == examples.MAX_PRINTED  # where 6 decimals exceed 15 digits


@pytest.mark.parametrize("key, value, name, want", [
    ("d", 0.2082122403, "d", 0.2082122403), ("eta", 4 / 3, "eta", 4 / 3), ("x", [0.5, -1.0000001], "x[1]", -1.0000001),
    ("w_hidden", [[0.5, -0.25], [1.0, 0.75], [-0.3, 0.1234567]], "w_hidden[2][1]", 0.1234567),
    ("b_output", [-0.2000004], "b_output[0]", -0.2000004)])
def test_load_refuses_a_given_number_with_more_decimals_than_the_pages_print(tmp_path, key, value, name, want):
    """The pages write each given number as given with at most 6 decimals (show.given): the file's d = 0.2082122403
    was printed as 'd = 0.208212', which is false. The message names the field and its value, and how it would print;
    the practice example is held to it too."""
    shown = f"{want:.6f}".rstrip("0").rstrip(".")
    with pytest.raises(ValueError, match=rf"example file .*: {re.escape(name)} = {re.escape(repr(want))} has more than "
                                         rf"the 6 decimals the pages write a given number with, so they would print it "
                                         rf"as {re.escape(shown)}; give it with at most 6 decimals"):
        examples.load(write(tmp_path, dict(VALID, **{key: value})))
    with pytest.raises(ValueError, match=rf": practice: {re.escape(name)} = "):
        examples.load(write(tmp_path, {**VALID, "practice": dict(PRACTICE, **{key: value})}, "practice.json"))


@pytest.mark.parametrize("hidden, w11", [("logsig", 40.0), ("logsig", -800.0), ("tansig", 20.0)])
def test_load_refuses_a_saturated_hidden_neuron(hidden, w11, tmp_path):
    """f'(v_1) = 0 in floating point (logsig(40) == 1.0, tanh(20) == 1.0): no error reaches neuron 1."""
    data = dict(VALID, hidden=hidden, x=[1.0, 0.0], w_hidden=[[w11, 0.0], [0.5, 0.5], [0.1, 0.2]])
    v_1 = w11 + VALID["b_hidden"][0]
    y_1 = oracle.F[hidden](v_1)
    assert oracle.F_PRIME_FROM_Y[hidden](y_1) == 0.0  # the premise, in plain math
    with pytest.raises(ValueError, match=rf"hidden neuron 1 is saturated: its field v_1 = {v_1:g}"):
        examples.load(write(tmp_path, data))
    data["w_hidden"][0][0] = w11 / 4  # far from saturation: accepted
    examples.load(write(tmp_path, data, "ok.json"))


@pytest.mark.parametrize("practice", [False, True], ids=["worked", "practice"])
def test_load_refuses_a_tanh_field_that_is_0_by_hand_but_not_in_floating_point(practice, tmp_path):
    """A reviewer's tansig example: v_2 = 0.1 · 0.2 + 0.3 · (-0.4) + 0.1 is 0 (fractions), its plain-math double is not,
    and tanh keeps it as y_h2 (a logistic neuron's 1/2 keeps none of it): the pages said that Δw_42 was positive and
    that twelve of the thirteen parameters moved. Refused, naming the sum, the double and the output; neuron 1, written
    in halves and quarters (0.5 · 0.2 + 0.25 · (-0.4) + 0, exactly 0 in doubles too), is accepted, and so is neuron 2
    off 0, or logistic."""
    from fractions import Fraction

    w_hidden, b_hidden, x = [[0.5, 0.25], [0.1, 0.3], [1.0, 1.0]], [0.0, 0.1, 0.7], [0.2, -0.4]
    assert sum(Fraction(str(w)) * Fraction(str(k)) for w, k in zip(w_hidden[1], x)) + Fraction("0.1") == 0
    v_2 = 0.1 * 0.2 + 0.3 * -0.4 + 0.1
    assert v_2 != 0 and math.tanh(v_2) != 0  # the premise, in plain math
    entry = {**VALID, "w_hidden": w_hidden, "b_hidden": b_hidden, "x": x, "hidden": "tansig", "d": 1.0}

    def file_with(fields: dict) -> dict:  # the entry under test, and the other one of the file's two (no field 0)
        if practice:
            return {**VALID, "b_hidden": [0.25, -0.1, 0.05], "practice": {**PRACTICE, **fields}}
        return {**fields, "practice": {**PRACTICE, "b_hidden": [0.1, 0.05, -0.2]}}

    data = file_with(entry)
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, data))
    said = str(info.value)
    assert (f"{': practice: ' if practice else ': '}v_2 = 0.1 · 0.2 + 0.3 · (-0.4) + 0.1 is exactly 0 by hand, but "
            f"{v_2:.2g} in floating point (most decimals have no exact binary form), and tansig keeps that rounding in "
            f"y_h2 = {math.tanh(v_2):.6g}, where a reader gets 0") in said, said
    assert 0.5 * 0.2 + 0.25 * -0.4 + 0.0 == 0  # neuron 1: 0 by hand and in doubles, accepted as it is
    for accepted in ({"b_hidden": [0.0, 0.2, 0.7]}, {"hidden": "logsig"}):
        examples.load(write(tmp_path, file_with({**entry, **accepted}), "ok.json"))


@pytest.mark.parametrize(("b1", "exact"), [("-603.71", "0.5"), ("-604.21", "0")])
def test_load_refuses_a_field_whose_terms_cancel_beyond_a_doubles_digits(tmp_path, b1, exact):
    """A reviewer's: x = (51529.5, 51272.3), w_1 = (95071.4, -95548.3), whose products of some 4.9e9 cancel. By hand
    (fractions) v_1 is 0.5 (or 0); the double keeps about 1e-6 of rounding, so it printed 0.499999 (and the forward-pass
    page stopped the build at its own check); where v_1 is 0 by hand, and written 0, the rounding goes on into y_h1, e
    and, times x_1, the gradient of w_11. Refused, naming the first printed value whose double is written otherwise
    than its value by hand: both numbers in the message, against mpmath's (80 digits, from the numbers as written)."""
    from fractions import Fraction

    import mpmath

    x, w = [51529.5, 51272.3], [95071.4, -95548.3]
    assert sum(Fraction(str(a)) * Fraction(str(c)) for a, c in zip(w, x)) + Fraction(b1) == Fraction(exact)
    v_1 = w[0] * x[0] + w[1] * x[1] + float(b1)
    assert abs(v_1 - float(exact)) > 5e-7, "the premise: the double keeps a rounding six decimals show"
    data = {**VALID, "w_hidden": [w, [0.000001, 0.000002], [-0.000003, 0.000001]], "b_hidden": [float(b1), 0.1, 0.2],
            "x": x, "hidden": "logsig", "w_output": [[0.7, 0.8, 0.9]], "b_output": [0.4], "d": 1.0, "eta": 0.000001}
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, data))
    m = re.search(r": one iteration gives (\S+) = (\S+) in floating point, which the pages write as (\S+), but by hand "
                  r"it is (\S+?)(?:\.\.\.)?, written (\S+): ", str(info.value))
    assert m, str(info.value)
    name, double, written, by_hand, right = m.groups()
    assert name == ("v1" if exact == "0.5" else "∂E/∂w11"), name
    with mpmath.workdps(80):
        truth = oracle.exact_steps(data)[name]
        assert abs(mpmath.mpf(by_hand) - truth) <= abs(truth) * mpmath.mpf("1e-16")
        assert abs(mpmath.mpf(right) - truth) <= mpmath.mpf("5e-7") < abs(mpmath.mpf(written) - truth)
    assert written == f"{float(double):.6f}"


def test_load_accepts_terms_that_cancel_where_every_printed_digit_holds(tmp_path):
    """A code review's: w_1 = (40000.25, -40000.125), b_1 = -5000, x = (40000.5, 40000.5): products of 1.6e9 that a
    double holds exactly (halves and quarters), whose sum is 0.0625 in doubles as by hand. A worst-case bound of the
    rounding refused it ("may move it by up to 7e-07"); every printed digit holds, so it is accepted."""
    from fractions import Fraction

    w, x = [40000.25, -40000.125], [40000.5, 40000.5]
    v_1 = w[0] * x[0] + w[1] * x[1] - 5000.0
    assert v_1 == 0.0625 == sum(Fraction(a) * Fraction(c) for a, c in zip(w, x)) - 5000, "the premise: exact"
    data = {**VALID, "w_hidden": [w, [0.000003, -0.000002], [0.000005, -0.000001]], "b_hidden": [-5000.0, 0.2, 0.3],
            "w_output": [[0.7, 0.8, 0.9]], "b_output": [0.4], "hidden": "logsig", "output": "purelin", "x": x,
            "d": 1.0, "eta": 0.001}
    assert examples.load(write(tmp_path, {**data, "practice": PRACTICE})).x.tolist() == x


@pytest.mark.parametrize("step", OFF_BY_A_DIGIT)
def test_load_refuses_an_example_whose_doubles_print_a_digit_the_value_by_hand_has_not(tmp_path, step):
    """Each printed step must be its value by hand rounded to the printed digits: mpmath's (80 digits, from the numbers
    as written) against the plain-math oracle's double, as the pages write it. Refused, naming the step, both."""
    import mpmath

    ex = OFF_BY_A_DIGIT[step]
    it = oracle.iteration(ex)
    # the trace, and the local gradients as the pages multiply them: δ_4 = e f'(v_4), δ_i = f'(v_i) w_4i δ_4
    doubles = oracle.trace_values(it) | {"δ4": it["delta_output"][0]} | {
        f"δ{i + 1}": it["fp_hidden"][i] * ex["w_output"][0][i] * it["delta_output"][0] for i in range(3)}
    double = doubles[step]
    with mpmath.workdps(80):
        by_hand = oracle.exact_steps(ex)[step]
        right = mpmath.nstr(by_hand, 40, min_fixed=-100, max_fixed=100)
    from decimal import ROUND_HALF_EVEN, Decimal

    written = Decimal(right).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)
    assert six(double) != str(written), "the premise: the double prints another last digit"
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, {**ex, "practice": PRACTICE}))
    said = str(info.value)
    assert f": one iteration gives {step} = {double!r} in floating point, which the pages write as {six(double)}, " \
           f"but by hand it is {right[:len(six(double)) + 2]}" in said, said
    tie = (Decimal(six(double)) + written) / 2
    near = abs(Decimal(double) - Decimal(right)) < Decimal("0.00000001")  # the double within 1/100 of a printed unit
    assert f"..., written {written}: " + (f"it lies {abs(Decimal(right) - tie):.1e} from {tie.normalize():f}, the tie "
                                          "between the two, closer than a double's rounding reaches" if near else
                                          "the double's rounding (its terms' sizes times about 10^-16) reaches a "
                                          "digit the pages print") in said, said
    assert near == (step not in ("E(n+1)",)), near


def test_a_slope_that_keeps_few_digits_is_blamed_on_the_rounding_not_on_a_tie(tmp_path):
    """A reviewer's saturated neuron, v_1 = 16.25 + 16.25 + 0.1 = 32.6: f'(v_1) = y_h1 (1 - y_h1) keeps few digits of
    1 - y_h1 (its double is about 1 % off the value by hand, mpmath's here), and the message blamed a tie 2.4e-19
    away. A double that far off prints a wrong digit wherever the value lies: the rounding is named instead."""
    import mpmath

    ex = {**VALID, "w_hidden": [[16.25, 16.25], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [0.1, 0.2, 0.3], "x": [1.0, 1.0],
          "hidden": "logsig"}
    y = 1.0 / (1.0 + math.exp(-(16.25 + 16.25 + 0.1)))
    with mpmath.workdps(50):
        by_hand = mpmath.exp(-mpmath.mpf("32.6")) / (1 + mpmath.exp(-mpmath.mpf("32.6"))) ** 2
        assert abs(y * (1 - y) - by_hand) > by_hand / 200, "the premise: the double is far off"
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, {**ex, "practice": PRACTICE}))
    said = str(info.value)
    assert "f'(v1) = " in said and "the double's rounding (its terms' sizes times about 10^-16) reaches a digit the " \
        "pages print" in said and "the tie" not in said, said


def test_load_accepts_an_example_with_a_step_that_is_a_tie_by_hand(tmp_path):
    """E = e^2 / 2 with e = 1.663 by hand (fractions: x = 0 and every b_i = 0 give every logsig y_hi = 1/2) is
    1.3827845, a tie at six decimals: either rounding is the value by hand, and the page writes its double's."""
    from fractions import Fraction

    ex = {"w_hidden": [[1.0, 0.928], [0.27, -0.98], [-1.0, 1.0]], "b_hidden": [0.0, 0.0, 0.0],
          "w_output": [[0.5, 0.3, 0.2]], "b_output": [0.311], "hidden": "logsig", "output": "purelin",
          "x": [0.0, 0.0], "d": 2.474, "eta": 0.01}
    y = sum(Fraction(str(w)) / 2 for w in ex["w_output"][0]) + Fraction(str(ex["b_output"][0]))  # every y_hi = 1/2
    cost = (Fraction(str(ex["d"])) - y) ** 2 / 2
    assert cost * 10**6 % 1 == Fraction(1, 2), "the premise: a tie"
    practice = {**PRACTICE, "b_hidden": [0.1, 0.05, -0.2]}  # PRACTICE's v_2 is 0, a field this example has
    loaded = examples.load(write(tmp_path, {**ex, "practice": practice}))
    assert loaded.d == 2.474


@pytest.mark.parametrize("hidden, w11", [("logsig", 34.6), ("tansig", 18.1), ("tansig", -18.5)])
def test_load_refuses_a_hidden_neuron_whose_slope_from_y_is_rounding(hidden, w11, tmp_path):
    """y_1 within a few units of a double's last digit of ±1: the rules' slope from y_1 (y(1 - y), 1 - y^2) is more
    than 5 % off the slope at v_1, in plain math; the pages would print it, and the updates built on it, as if it were
    the slope (a reviewer's tanh neuron at 18.5: 4.4e-16 for 3.4e-16). Refused, with the slope at v_1 (the slope from
    y_1 is numpy's, which may round y_1 to another double next to 1 than math does); at a quarter of the field,
    accepted."""
    data = dict(VALID, hidden=hidden, x=[1.0, 0.0], w_hidden=[[w11, 0.0], [0.5, 0.5], [0.1, 0.2]])
    v_1 = w11 + VALID["b_hidden"][0]
    from_y = oracle.F_PRIME_FROM_Y[hidden](oracle.F[hidden](v_1))
    at_v = math.exp(-v_1) / (1 + math.exp(-v_1)) ** 2 if hidden == "logsig" else 1 / math.cosh(v_1) ** 2
    assert 0 < from_y and abs(from_y - at_v) > 0.05 * at_v  # the premise, in plain math (numpy's tanh may round
    # y to another of the doubles next to 1, so the message's slope from y is not compared)
    with pytest.raises(ValueError, match=rf"hidden neuron 1 is saturated: its field v_1 = {v_1:g} puts its output "
                                         rf"within a double's rounding of {'-1' if v_1 < 0 else '1'}, so f'\(v_1\) "
                                         rf"computed from the output is [-.e\d]+, rounding, where the slope at "
                                         rf"v_1 is {at_v:.2g}"):
        examples.load(write(tmp_path, data))
    data["w_hidden"][0][0] = w11 / 4
    examples.load(write(tmp_path, data, "ok.json"))


def test_load_refuses_an_iteration_with_a_value_below_the_smallest_normal_double(tmp_path):
    """b_2 = -742 (x = (1, 0.5)): y_h2 = e^{v_2} / (1 + e^{v_2}) is below the smallest normal double (plain math),
    where a double keeps fewer digits than the pages print; refused, naming the value, as the live page refuses it."""
    data = dict(VALID, hidden="logsig", x=[1.0, 0.5], b_hidden=[0.0, -742.0, 0.05])
    v_2 = VALID["w_hidden"][1][0] * 1.0 + VALID["w_hidden"][1][1] * 0.5 - 742.0
    assert 0 < math.exp(v_2) < sys.float_info.min  # the premise
    with pytest.raises(ValueError, match=r"one iteration gives y_h2 = [\d.e-]+ in floating point, below the smallest "
                                         r"normal double"):
        examples.load(write(tmp_path, data))


def test_the_regression_target_is_the_docstrings_formula():
    r"""$d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2$, against math at points where each term matters."""
    import inspect

    assert r"$d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2$" in inspect.getdoc(examples.target_function)
    X = np.array([[0.5, 0.0], [0.0, 1.0], [-0.25, -0.8], [1 / 6, 0.4], [0.9, -1.0]])
    want = [0.5 * math.sin(math.pi * x1) + 0.25 * x2 for x1, x2 in X.tolist()]
    np.testing.assert_allclose(examples.target_function(X), want, rtol=1e-15, atol=1e-16)
    assert examples.target_function(X)[:2].tolist() == [0.5, 0.25]  # by hand: sin(pi/2) / 2, and x_2 / 4


def test_a_file_without_practice_that_shares_a_field_with_the_packages_says_to_add_one(tmp_path):
    """A file that leaves "practice" out gets the package's; when its own example gives a neuron the field that one
    gives it, the message said 'give practice other weights', of an entry the file does not have."""
    package = oracle.load_example(oracle.DEFAULT_FILE)["practice"]
    data = dict(VALID, x=package["x"], w_hidden=[package["w_hidden"][0], *VALID["w_hidden"][1:]],
                b_hidden=[package["b_hidden"][0], *VALID["b_hidden"][1:]])
    v_1 = oracle.iteration(data)["v_hidden"][0]
    assert v_1 == oracle.iteration(package)["v_hidden"][0]  # the premise, in plain math
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, data))
    assert f"it gives neuron 1 the fields the pages print (v_1 = {v_1:.6f})" in str(info.value)
    assert str(info.value).endswith(f"the file has no 'practice' entry, so it gets the practice example of "
                                    f"{str(oracle.DEFAULT_FILE)!r}: add a 'practice' entry of its own (the same "
                                    "format as the example)")


def test_a_worked_example_whose_output_weights_are_all_0_is_refused(tmp_path):
    """A reviewer's example with every w_4i = 0 passed the loader and stopped the strict build at a sentence of the
    common-mistakes page about f'(v_i) being close to 1, which was not the cause: every hidden gradient is 0 (plain
    math), and the loader now says so."""
    worked = {**VALID, "w_output": [[0.0, 0.0, 0.0]]}
    it = oracle.iteration(worked)
    assert all(v == 0 for v in [*itertools.chain(*it["dw_hidden"]), *it["db_hidden"]]), "the premise"
    with pytest.raises(ValueError, match=r"every output weight w_4i is 0, so no error reaches the hidden layer: every "
                                         r"hidden weight and bias gets a gradient of 0"):
        examples.load(write(tmp_path, worked))
    examples.load(write(tmp_path, {**VALID, "w_output": [[0.0, 2.0, 0.0]]}))  # one is enough


def test_the_regression_task_is_the_docstrings_function_in_plain_math():
    X, D = examples.regression_data(7, seed=3)
    assert X.shape == (7, 2) and D.shape == (7,) and np.all(np.abs(X) <= 1.0)
    for (x1, x2), d in zip(X.tolist(), D.tolist(), strict=True):
        assert d == pytest.approx(0.5 * math.sin(math.pi * x1) + 0.25 * x2, rel=1e-15, abs=1e-16)
    assert examples.target_function([[0.5, 1.0]]).tolist() == pytest.approx([0.75], rel=1e-15)  # a list of rows works


@pytest.mark.parametrize(("call", "error", "match"), [
    (lambda: examples.regression_data(-1), ValueError, r"^n_samples must be an int >= 1, got -1$"),
    (lambda: examples.regression_data(0), ValueError, r"^n_samples must be an int >= 1, got 0$"),
    (lambda: examples.regression_data(2.5), TypeError, r"^n_samples must be an int >= 1, got float 2\.5$"),
    (lambda: examples.regression_data(True), TypeError, r"^n_samples must be an int >= 1, got the boolean True$"),
    (lambda: examples.regression_data(3, seed=-1), ValueError, r"^seed must be an int >= 0 or None, got -1$"),
    (lambda: examples.regression_data(3, seed=1.5), TypeError, r"^seed must be an int >= 0 or None, got float 1\.5$"),
    (lambda: examples.target_function([0.5, 1.0]), ValueError,
     r"^X must be 2-D, one row \(x_1, x_2\) per sample, got shape \(2,\)$"),
    (lambda: examples.target_function([[math.nan, 1.0]]), ValueError,
     r"^X must be finite, found nan at index \(0, 0\)$"),
    (lambda: examples.target_function([[0.5, 1.0, 7.0]]), ValueError,
     r"^X has shape \(1, 3\), expected \(\?, 2\) \(axis 1 should be 2: the target is a function of x_1 and x_2\)$"),
    (lambda: examples.target_function([["0.5", 1.0]]), TypeError, r"^X must be numeric, found text '0\.5' at index"),
])
def test_the_regression_task_names_a_bad_argument(call, error, match):
    """A reviewer: numpy's "negative dimensions are not allowed", an IndexError, a nan target returned and a third
    column silently ignored, where Network.random and train name the argument."""
    with pytest.raises(error, match=match):
        call()


def test_target_function_does_not_modify_x():
    X = np.array([[0.5, 1.0], [-0.25, 0.0]])
    before = X.copy()
    examples.target_function(X)
    assert np.array_equal(X, before) and X.flags.writeable


def test_a_refusal_writes_the_numbers_as_the_pages_do(tmp_path):
    """A reviewer: every hidden field 0 by hand (halves and quarters), and b4(n+1) = 0.03 + 0.1 · (-0.3) is 0 by hand
    (plain fractions) but -6.9e-18 in doubles; the loader said "which the pages write as -6.9E-18, but by hand it is 0,
    written 0E-19" (Decimal's own forms). It writes -6.9e-18 and 0, as the pages would."""
    from fractions import Fraction

    ex = {**oracle.shipped(), "w_hidden": [[0.5, 0.5], [0.25, 0.25], [0.75, 0.75]], "b_hidden": [0.0, 0.0, 0.0],
          "w_output": [[0.6, -0.5, 0.8]], "b_output": [0.03], "hidden": "tansig", "x": [1.0, -1.0], "d": -0.27,
          "eta": 0.1}
    double = oracle.trace_values(oracle.iteration(ex))["b4(n+1)"]
    assert Fraction("0.03") + Fraction("0.1") * Fraction("-0.3") == 0 and double != 0  # the premise
    with pytest.raises(ValueError) as info:
        examples.load(write(tmp_path, {**ex, "practice": PRACTICE}))
    said = str(info.value)
    assert (f"one iteration gives b4(n+1) = {double!r} in floating point, which the pages write as {double:.1e}, but "
            "by hand it is 0, written 0: ") in said, said
