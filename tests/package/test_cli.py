"""``python -m backprop trace``: every intermediate of one iteration, and clean one-line errors."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys

import pytest

from backprop.__main__ import main
from tests.support import ROOT, oracle
from tests.support.cli import one_line_error, run, run_main

EX = oracle.load_example()  # the worked example in use, read with json: the CLI's defaults
# A network of the slides' shape for the weights-file tests, not the worked example.
W_IK = [[0.5, -0.25], [1.0, 0.75], [-0.3, 0.2]]
B_I = [0.0, -0.1, 0.05]
W_4I = [1.5, -0.5, 0.25]
B_4 = -0.2

six = oracle.number_string  # a value as the CLI prints it
WORKED_X, WORKED_D = " ".join(f"{v:g}" for v in EX["x"]), f"{EX['d']:g}"  # as the CLI's messages write them


def expected(**changes) -> dict[str, float]:
    """Every named value of the trace by the plain-math oracle: the worked example, with ``changes`` (x, d, eta,
    weights) applied."""
    return oracle.trace_values(oracle.iteration(oracle.with_sample(EX, **changes)))


EXPECTED_NAMES = (
    ["v1", "v2", "v3", "y_h1", "y_h2", "y_h3", "v4", "y", "e", "E", "Δw41", "Δw42", "Δw43", "Δb4"]
    + [f"Δw{i}{k}" for i in (1, 2, 3) for k in (1, 2)] + ["Δb1", "Δb2", "Δb3"]
    + ["w41(n+1)", "w42(n+1)", "w43(n+1)", "b4(n+1)"]
    + [f"w{i}{k}(n+1)" for i in (1, 2, 3) for k in (1, 2)] + ["b1(n+1)", "b2(n+1)", "b3(n+1)"]
    + ["y(n+1)", "E(n+1)"]  # the updated network on the same input
)


def parse_text(out: str) -> dict[str, float]:
    values = {}
    for line in out.strip().splitlines():
        name, value = line.split(" = ")
        values[name.strip()] = float(value)
    return values


def test_the_oracle_names_what_the_trace_names():
    assert list(expected()) == EXPECTED_NAMES


def test_text_trace_aligns_positive_and_negative_values():
    """A mutation review: dropping the space printed before a positive value passed the tests; it stands where a
    negative value has its minus, so that the digits of every line start in one column."""
    lines = run_main("trace").stdout.splitlines()
    values = [line.split(" = ", 1)[1] for line in lines]
    assert any(v.startswith("-") for v in values) and any(not v.startswith("-") for v in values)  # the premise
    for line, value in zip(lines, values):
        assert re.fullmatch(r"[ -]\d\.\d{6}", value), line
    assert len({line.index(".") for line in lines}) == 1  # the worked example's values are all below 10 in size


def printed(out: str) -> dict[str, str]:
    """The text trace as name -> the number exactly as printed."""
    return {name.strip(): value.strip() for name, value in (line.split(" = ") for line in out.strip().splitlines())}


def test_text_trace_via_subprocess_names_every_value_and_matches_the_oracle():
    proc = run("trace")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    got = printed(proc.stdout)
    assert list(got) == EXPECTED_NAMES  # every name, in the order a student computes them
    want = expected()
    for name in EXPECTED_NAMES:
        assert got[name] == six(want[name]), name  # 6 decimals, as on the pages
    assert all(len(line.split(" = ")[1].split(".")[1]) == 6 for line in proc.stdout.splitlines())


def test_practice_prints_the_practice_examples_iteration():
    """`trace --practice` prints the iteration of the example file's "practice" entry, where the exercises' answers come
    from (an instructor had to copy the entry into a file of its own to see them), as the oracle computes it; --x,
    --d, --eta still override its sample; --weights and --practice together are refused."""
    practice = oracle.practice_of(EX)
    proc = run("trace", "--practice")
    assert proc.returncode == 0, proc.stderr
    want = oracle.trace_values(oracle.iteration(practice))
    assert printed(proc.stdout) == {name: six(value) for name, value in want.items()}
    moved = run("trace", "--practice", "--eta", "0.05")
    want = oracle.trace_values(oracle.iteration(oracle.with_sample(practice, eta=0.05)))
    assert printed(moved.stdout) == {name: six(value) for name, value in want.items()}
    both = run("trace", "--practice", "--weights", "w.json")
    assert both.returncode == 2 and "not allowed with argument --practice" in both.stderr


def _answers_file(path, values: dict[str, float], **changed: str):
    """An answers file of ``values`` as a student writes them, six decimals each (``changed``: a value's text)."""
    texts = {name: six(value) for name, value in values.items()} | changed
    path.write_text("{" + ", ".join(f'"{n}": {t}' for n, t in texts.items()) + "}", encoding="utf-8")
    return str(path)


def test_answers_right_for_the_other_example_are_said_to_be_so(tmp_path):
    """A reviewer checked the exercises' right answers without --practice: told "No classic mistake gives this value"
    and "fewer than six decimals". Answers the oracle gives for the practice example, checked against the worked one,
    are said to be the practice example's, with the command that checks them; the worked example's, checked with
    --practice, the other way round; the JSON report names the example. Not where one value is wrong for both, nor
    where --eta makes the sample one of the student's own."""
    practice = oracle.trace_values(oracle.iteration(oracle.practice_of(EX)))
    worked = oracle.trace_values(oracle.iteration(EX))
    file = _answers_file(tmp_path / "p.json", {n: practice[n] for n in ("v1", "y", "Δw11", "E(n+1)")})
    proc = run_main("trace", "--check", file)
    assert proc.returncode == 1, proc.stderr
    assert (f"Every value given is right for the practice example, the one the exercises use: check them against it "
            f"with python -m backprop trace --practice --check {file}.") in proc.stdout, proc.stdout
    assert "classic mistake" not in proc.stdout and "Not marked" not in proc.stdout, proc.stdout
    assert run_main("trace", "--practice", "--check", file).returncode == 0
    assert json.loads(run_main("trace", "--check", file, "--format", "json").stdout)["right_for"] == "practice"
    back = _answers_file(tmp_path / "w.json", {n: worked[n] for n in ("v2", "Δb4")})
    proc = run_main("trace", "--practice", "--check", back)
    assert proc.returncode == 1 and "right for the worked example, the one the derivation pages use" in proc.stdout
    assert json.loads(run_main("trace", "--check", back, "--format", "json").stdout)["right_for"] is None  # right
    slipped = _answers_file(tmp_path / "s.json", {n: practice[n] for n in ("v1", "y")}, y=six(practice["y"] + 0.01))
    for args in (("--check", slipped), ("--practice", "--check", slipped), ("--check", file, "--eta", str(EX["eta"]))):
        proc = run_main("trace", *args)
        assert proc.returncode == 1 and "right for the" not in proc.stdout, (args, proc.stdout)


@pytest.mark.parametrize(("args", "step"), [(("--eta", "1e-320"), "Δw41"), (("--x", "1e-320", "0.5"), "Δw11")])
def test_an_iteration_with_a_number_below_the_smallest_normal_double_is_refused(args, step):
    """A reviewer's --eta 1e-320 printed Δw41 = -5.8e-321 (a double of a few digits there), where the live page and the
    example loader refuse such a number; its first step of that size, by the oracle, is named."""
    changes = {"eta": 1e-320} if args[0] == "--eta" else {"x": [1e-320, 0.5]}
    values = expected(**changes)
    first = next(name for name, value in values.items() if 0 < abs(value) < sys.float_info.min)
    assert first == step
    proc = run_main("trace", *args)
    assert proc.returncode == 2 and proc.stdout == "", proc.stdout
    assert (f"one iteration gives {step} = {values[step]:.2g} in floating point, below the smallest normal double "
            "(2.2e-308), where a "
            f"double keeps fewer digits than trace prints") in proc.stderr, proc.stderr


def test_text_trace_decimals_option():
    got = parse_text(run_main("trace", "--decimals", "10").stdout)
    want = expected()
    for name in EXPECTED_NAMES:
        assert got[name] == pytest.approx(want[name], abs=5e-11), name
    whole = parse_text(run_main("trace", "--decimals", "0").stdout)
    assert whole == {name: float(round(want[name])) for name in EXPECTED_NAMES}


@pytest.mark.parametrize("value, message", [("-1", "between 0 and 17, not -1"), ("18", "between 0 and 17, not 18"),
                                            ("six", "a whole number, not 'six'")])
def test_text_trace_rejects_bad_decimals(value, message):
    proc = run_main("trace", "--decimals", value)
    assert proc.returncode == 2
    assert proc.stderr == f"python -m backprop trace: error: argument --decimals: must be {message}\n", proc.stderr


def test_text_trace_takes_the_largest_decimals_17_and_refuses_18():
    """A mutation review: --decimals taking 0 to 16 only passed the tests; the help says 0 to 17, so 17 prints every
    value with 17 decimals (the oracle's values to a double's rounding) and 18 is refused."""
    proc = run_main("trace", "--decimals", "17")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    got, want = printed(proc.stdout), expected()
    assert list(got) == EXPECTED_NAMES
    for name, text in got.items():
        assert re.fullmatch(r"-?\d\.\d{17}", text), (name, text)
        assert float(text) == pytest.approx(want[name], rel=1e-14, abs=1e-16), name
    refused = run_main("trace", "--decimals", "18")
    assert refused.returncode == 2 and "must be between 0 and 17, not 18" in refused.stderr


def test_the_decimals_help_says_what_is_true(capsys):
    """The help said '0-17 (a float has 17 significant digits)', decimals taken for significant digits, and typed the
    default 6: it names the decimals printed, their default (the pages' show.DECIMALS, which the option's default is),
    and that a double holds about 15 significant digits (DBL_DIG), beyond which digits are noise."""
    from backprop import show
    from backprop.__main__ import build_parser

    with pytest.raises(SystemExit):
        main(["trace", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert ("--decimals N decimals printed in text format, 0 to 17 (default: 6, as on the site's pages, which write a "
            "value they would print with fewer than two significant digits with two, 1.6e-07); a double holds about 15 "
            "significant digits, so digits beyond those are noise") in out
    assert "17 significant" not in out
    assert show.DECIMALS == 6 and sys.float_info.dig == 15  # the numbers the help gives
    assert build_parser().parse_args(["trace"]).decimals == show.DECIMALS


def test_the_top_level_help_is_plain_text():
    """`python -m backprop --help` printed the module docstring's markup: ``python -m backprop trace`` and
    `backprop.homework`, backticks and all."""
    proc = run("--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert "`" not in text
    assert "python -m backprop trace: every intermediate of one online iteration" in text
    assert "trace --check FILE.json checks a student's values" in text and "(see backprop.homework)" in text


def test_json_trace_via_main_matches_the_oracle(capsys):
    assert main(["trace", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert list(got) == EXPECTED_NAMES
    want = expected()
    for name in EXPECTED_NAMES:
        assert got[name] == pytest.approx(want[name], rel=1e-13, abs=1e-15), name


def test_text_and_json_agree(capsys):
    main(["trace", "--decimals", "12"])
    text = parse_text(capsys.readouterr().out)
    main(["trace", "--format", "json"])
    js = json.loads(capsys.readouterr().out)
    assert text == pytest.approx(js, abs=1e-12)


def test_x_d_eta_options(capsys):
    assert main(["trace", "--x", "-0.5", "2", "--d", "0.25", "--eta", "0.1", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    want = expected(x=[-0.5, 2.0], d=0.25, eta=0.1)
    for name in EXPECTED_NAMES:
        assert got[name] == pytest.approx(want[name], rel=1e-13, abs=1e-15), name


def test_weights_file(tmp_path, capsys):
    w_ik, b_i, w_4i, b_4 = W_IK, B_I, W_4I, B_4
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"w_hidden": w_ik, "b_hidden": b_i, "w_output": [w_4i], "b_output": [b_4]}))
    assert main(["trace", "--weights", str(path), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    # no x, d, eta in the file: the worked example's; no activations: the slides' logsig and purelin
    want = expected(w_hidden=w_ik, b_hidden=b_i, w_output=[w_4i], b_output=[b_4], hidden="logsig", output="purelin")
    for name in EXPECTED_NAMES:
        assert got[name] == pytest.approx(want[name], rel=1e-13, abs=1e-15), name


def test_the_options_win_over_a_bad_sample_in_the_weights_file(tmp_path, capsys):
    """The help says --x, --d and --eta win over the file's; a code review's file with x = [NaN, 0.5] was refused
    with --x given. The options' sample is traced; without them the file's bad x is named."""
    w_ik, b_i, w_4i, b_4 = W_IK, B_I, W_4I, B_4
    path = tmp_path / "weights.json"
    weights = json.dumps({"w_hidden": w_ik, "b_hidden": b_i, "w_output": [w_4i], "b_output": [b_4]})
    path.write_text(weights[:-1] + ', "x": [NaN, 0.5], "d": [1.0, 2.0], "eta": "fast"}')  # a bad sample, each key
    assert main(["trace", "--weights", str(path), "--x", "0.2", "-1", "--d", "0.5", "--eta", "0.1",
                 "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    want = expected(w_hidden=w_ik, b_hidden=b_i, w_output=[w_4i], b_output=[b_4], hidden="logsig", output="purelin",
                    x=[0.2, -1.0], d=0.5, eta=0.1)
    for name in EXPECTED_NAMES:
        assert got[name] == pytest.approx(want[name], rel=1e-13, abs=1e-15), name
    with pytest.raises(SystemExit):
        main(["trace", "--weights", str(path), "--d", "0.5", "--eta", "0.1"])
    assert "x must be finite, found nan at index (0,)" in capsys.readouterr().err

def test_weights_file_via_subprocess_with_other_sizes(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"w_hidden": [[1.0, 0.0, 2.0]], "b_hidden": [0.5], "w_output": [[2.0], [-1.0]],
                                "b_output": [0.0, 1.0], "hidden": "tansig", "output": "purelin"}))
    proc = run("trace", "--weights", str(path), "--x", "0.1", "0.2", "0.3", "--d", "1", "0", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    y_h = math.tanh(1.0 * 0.1 + 2.0 * 0.3 + 0.5)
    assert got["v1"] == pytest.approx(1.2, abs=1e-15)
    assert got["y2"] == pytest.approx(2.0 * y_h, rel=1e-14) and got["y3"] == pytest.approx(1.0 - y_h, rel=1e-14)
    assert got["E"] == pytest.approx(0.5 * ((1 - 2 * y_h) ** 2 + (0 - (1 - y_h)) ** 2), rel=1e-14)
    assert {"Δw21", "Δw31", "Δb2", "Δb3", "Δw11", "Δw12", "Δw13", "Δb1", "w13(n+1)"} <= set(got)
    want = oracle.trace_values(oracle.iteration({**json.loads(path.read_text()), "x": [0.1, 0.2, 0.3], "d": [1, 0],
                                                 "eta": EX["eta"]}))
    assert list(got) == list(want)
    for name, value in want.items():
        assert got[name] == pytest.approx(value, rel=1e-13, abs=1e-15), name



def test_check_with_a_weights_file_of_another_shape_gives_its_hints(tmp_path):
    """trace --check --weights on a 1-2-1 network (output neuron 3) and a 3-4-2 one with a logsig output: the hints
    are written with their labels and their output's f'(v_j), never the slides' 4 (written here, not by the code)."""
    small = {"w_hidden": [[0.8], [-1.2]], "b_hidden": [0.1, 0.3], "w_output": [[0.9, -0.7]], "b_output": [0.2],
             "hidden": "tansig", "output": "purelin", "x": [0.6], "d": 1.1, "eta": 0.4}
    right = oracle.iteration(small)
    late = oracle.trace_values(oracle.iteration(small, back_weights=right["w_output_new"]))  # w_3i(n+1) in rule 3
    weights, answers = tmp_path / "weights.json", tmp_path / "answers.json"
    weights.write_text(json.dumps(small))
    answers.write_text(json.dumps({"dw31": -right["dw_output"][0][0]}))  # the flipped sign
    proc = run_main("trace", "--check", str(answers), "--weights", str(weights))
    assert proc.returncode == 1, proc.stderr
    assert ("Likely mistakes (each gives about this value here):\n  sign-flipped: Your sign is flipped: the error is "
            "e = d − y, not y − d, and with it the rule Δθ = −η ∂E/∂θ for any weight or bias θ comes out with a plus "
            "sign, e.g. "
            "Δw_3i = +η e y_hi.\n"
            "  updates-sign-flipped: Your updates' sign is flipped: your e = d − y is right, and with it Δθ = −η ∂E/∂θ "
            "for any weight or bias θ gives every rule a plus sign, e.g. Δw_3i = +η e y_hi; yours move up the "
            "gradient.") in proc.stdout
    answers.write_text(json.dumps({"dw11": late["Δw11"]}))
    proc = run_main("trace", "--check", str(answers), "--weights", str(weights), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    likely = json.loads(proc.stdout)["likely"]
    assert [m["name"] for m in likely] == ["updated-output-weights"]
    assert likely[0]["hint"].startswith("You used the updated output weights w_3i(n+1) in the hidden rules")
    assert "w_4" not in proc.stdout and "v_4" not in proc.stdout and "b_4" not in proc.stdout
    # f'(v_i) dropped (Δw_11 = η e w_31 x_1): the hint gives this tansig hidden layer's own derivative, 1 − y_hi²
    answers.write_text(json.dumps({"dw11": small["eta"] * right["e"] * small["w_output"][0][0] * small["x"][0]}))
    proc = run_main("trace", "--check", str(answers), "--weights", str(weights), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert {"name": "no-hidden-derivative", "hint": "You dropped f'(v_i), the hidden neuron's derivative: here "
            "f'(v_i) = 1 − y_hi² (tansig)."} in json.loads(proc.stdout)["likely"]
    assert "y_hi(1 − y_hi)" not in proc.stdout and "in the slides" not in proc.stdout
    # two outputs, numbered 5 and 6, with a logsig output: e_j = d_j − y_j and the rule of output 5 with f'(v_5)
    wide = {"w_hidden": [[0.3, -0.5, 0.8], [0.6, 0.2, -0.4], [-0.7, 0.9, 0.1], [0.25, -0.35, 0.45]],
            "b_hidden": [0.1, -0.2, 0.3, 0.0], "w_output": [[0.5, -0.6, 0.7, 0.2], [-0.3, 0.4, 0.1, -0.8]],
            "b_output": [0.05, -0.15], "hidden": "tansig", "output": "logsig", "x": [0.5, -1.0, 1.5], "d": [0.9, 0.1],
            "eta": 0.7}
    weights.write_text(json.dumps(wide))
    answers.write_text(json.dumps({"dw52": -oracle.iteration(wide)["dw_output"][0][1]}))
    proc = run_main("trace", "--check", str(answers), "--weights", str(weights), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["likely"] == [{"name": "sign-flipped", "hint": (
        "Your sign is flipped: the error is e_j = d_j − y_j, not y_j − d_j, and with it the rule Δθ = −η ∂E/∂θ for any "
        "weight or bias θ comes out with a plus sign, e.g. Δw_5i = +η e_5 f'(v_5) y_hi with f'(v_5) = y_5(1 − y_5).")},
        {"name": "updates-sign-flipped",
        "hint": "Your updates' sign is flipped: your e_j = d_j − y_j is right, and with it Δθ = −η ∂E/∂θ for any "
                "weight or bias θ gives every rule a plus sign, e.g. Δw_5i = +η e_5 f'(v_5) y_hi with f'(v_5) = "
                "y_5(1 − y_5); yours move up the gradient."}]


BAD_WEIGHTS = {
    "invalid JSON": ("{ not json", r"is not valid JSON"),
    "not an object": ("[1, 2, 3]", r"must hold a JSON object"),
    "missing key": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I]}),
                    r"is missing \['b_output'\]"),
    "unknown key": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4],
                                "w_outputs": [1]}), r"has unknown keys \['w_outputs'\]"),
    "wrong shape": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I[:2]], "b_output": [B_4]}),
                    r"w_output has shape \(1, 2\)"),
    # the worked example's x, which the user never gave, was reported as "x has shape (2,), expected (1,)"
    "x does not fit": (json.dumps({"w_hidden": [[1.0]], "b_hidden": [0.0], "w_output": [[1.0]], "b_output": [0.0]}),
                       rf"weights file '.*weights\.json' gives no 'x' and --x is not given, so x is the worked "
                       rf"example's \({re.escape(WORKED_X)}\), 2 numbers, but the file's "
                       rf"network has 1 input: give --x with 1 number, or 'x' in the file$"),
    "d does not fit": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I, W_4I], "b_output": [B_4, B_4],
                                   "x": [1.0, 2.0]}),
                       rf"weights file '.*weights\.json' gives no 'd' and --d is not given, so d is the worked "
                       rf"example's \({re.escape(WORKED_D)}\), 1 number, but the file's network has 2 "
                       rf"outputs: give --d with 2 numbers, or 'd' in the file$"),
    # an integer no double holds: an OverflowError traceback and exit 1; beyond Python's int-digit limit, its
    # ValueError naming neither the file nor the key
    "400-digit weight": ('{"w_hidden": [[0.5, -0.25], [1.0, 1' + "0" * 400 + '], [-0.3, 0.2]], "b_hidden": [0, 0, 0], '
                         '"w_output": [[1, 1, 1]], "b_output": [0]}',
                         r"weights file '.*weights\.json': w_hidden\[1\]\[1\] is an integer of 401 digits, beyond a "
                         r"double's range \(about ±1\.8e\+308\)$"),
    "400-digit d": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4]})[:-1]
                    + ', "d": -1' + "0" * 400 + "}", r"weights file '.*weights\.json': d is an integer of 401 digits"),
    "5000-digit eta": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4]})[:-1]
                       + ', "eta": 1' + "0" * 5000 + "}",
                       r"weights file '.*weights\.json': eta is an integer of 5001 digits, beyond a double's range"),
    # a number with an exponent beyond a double's range: read as inf ("found inf"), or as 0 without a word
    "1e400 weight": ('{"w_hidden": [[0.5, -0.25], [1.0, 1e400], [-0.3, 0.2]], "b_hidden": [0, 0, 0], '
                     '"w_output": [[1, 1, 1]], "b_output": [0]}',
                     r"weights file '.*weights\.json': w_hidden\[1\]\[1\] is 1e400, beyond a double's range "
                     r"\(about ±1\.8e\+308\)$"),
    "1e-400 weight": ('{"w_hidden": [[0.5, -0.25], [1.0, 2.5e-400], [-0.3, 0.2]], "b_hidden": [0, 0, 0], '
                      '"w_output": [[1, 1, 1]], "b_output": [0]}',
                      r"weights file '.*weights\.json': w_hidden\[1\]\[1\] is 2.5e-400, closer to 0 than a double "
                      r"holds \(it would be read as 0\)$"),
    # a key given twice was read, the last one winning, where an answers file refuses it
    "key twice": ('{"w_hidden": [[9, 9], [9, 9], [9, 9]], ' + json.dumps({"w_hidden": W_IK, "b_hidden": B_I,
                                                                          "w_output": [W_4I], "b_output": [B_4]})[1:],
                  r"weights file '.*weights\.json' gives 'w_hidden' twice$"),
    "text weights": (json.dumps({"w_hidden": "W", "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4]}),
                     r"w_hidden must be numeric"),
    "null weight": (json.dumps({"w_hidden": W_IK, "b_hidden": [B_I[0], None, B_I[2]], "w_output": [W_4I],
                                "b_output": [B_4]}), r"b_hidden must be numeric"),
    "unknown activation": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4],
                                       "hidden": "relu"}), r"hidden: unknown activation 'relu'"),
    "UTF-16": (b"\xff\xfe{", r"weights file .* is UTF-16 text \(as PowerShell 5's > writes it\): save it as UTF-8$"),
    "not UTF-8": (b'{"\xe9": 1}', r"weights file .* is not UTF-8 text \(byte 0xe9 at position 2\): save it as UTF-8$"),
    # booleans were read as 1 and 0 in arrays; the sample's keys named neither the file nor the value ("got list"
    # for the text "1" and for an object)
    "boolean x": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4],
                              "x": [True, False]}),
                  r"weights file '.*weights\.json': x must be numeric, found the boolean True at index \(0,\)$"),
    "boolean weight": (json.dumps({"w_hidden": [[True, *W_IK[0][1:]], *W_IK[1:]], "b_hidden": B_I, "w_output": [W_4I],
                                   "b_output": [B_4]}),
                       r"weights file '.*weights\.json': w_hidden must be numeric, found the boolean True at index "
                       r"\(0, 0\)$"),
    "boolean d": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4], "d": True}),
                  r"weights file '.*weights\.json': d must be numeric, got the boolean True$"),
    "text d": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4], "d": "1"}),
               r"weights file '.*weights\.json': d must be numeric, got text '1' \(write the number without quotes\)$"),
    "object d": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4], "d": {"a": 1}}),
                 r"weights file '.*weights\.json': d must be numeric, got dict \{'a': 1\}$"),
    "text eta": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4], "eta": "0.5"}),
                 r"weights file '.*weights\.json': eta must be a real number, got text '0.5' \(write the number "
                 r"without quotes\)$"),
    "x of another size": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4],
                                      "x": [1.0, 2.0, 3.0]}),
                          r"weights file '.*weights\.json': x has shape \(3,\), expected \(2,\)"),
    "eta not positive": (json.dumps({"w_hidden": W_IK, "b_hidden": B_I, "w_output": [W_4I], "b_output": [B_4],
                                     "eta": -1}),
                         r"weights file '.*weights\.json': eta must be a finite number > 0, got -1.0$"),
}


@pytest.mark.parametrize("case", list(BAD_WEIGHTS))
def test_bad_weights_file_one_line_exit_2(case, tmp_path):
    content, match = BAD_WEIGHTS[case]
    path = tmp_path / "weights.json"
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    one_line_error(run_main("trace", "--weights", str(path)), match=match)


def test_a_bad_number_in_a_weights_file_is_one_line_exit_2_via_subprocess(tmp_path):
    """The exit status the help documents for a bad file (2), not a traceback and 1."""
    for case in ("400-digit weight", "5000-digit eta"):
        path = tmp_path / "weights.json"
        path.write_text(BAD_WEIGHTS[case][0])
        one_line_error(run("trace", "--weights", str(path)), match=BAD_WEIGHTS[case][1])
    assert "2 for a bad file or option" in run("trace", "--help").stdout


def test_the_worked_examples_sample_still_fills_in_where_it_fits(tmp_path, capsys):
    """A weights file of the worked example's sizes without x, d or eta still takes them from the worked example. (The
    file keeps the example's activations: a weights file without them is logsig and purelin, not the example's.)"""
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({k: EX[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")
                                if k in EX}))
    assert main(["trace", "--weights", str(path), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    want = expected()
    assert got["E(n+1)"] == pytest.approx(want["E(n+1)"], rel=1e-12)


def test_missing_weights_file_one_line_exit_2(tmp_path):
    one_line_error(run_main("trace", "--weights", str(tmp_path / "nope.json")),
                   match=r"cannot read weights file .*nope\.json")


def test_bad_weights_via_subprocess(tmp_path):
    path = tmp_path / "w.json"
    path.write_text("{")
    one_line_error(run("trace", "--weights", str(path)), match=r"not valid JSON")
    one_line_error(run("trace", "--weights", str(tmp_path / "missing.json")), match=r"cannot read weights file")


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["--x", "1"], r"x has shape \(1,\), expected \(2,\)"),
        (["--x", "1", "2", "3"], r"x has shape \(3,\)"),
        (["--x", "one", "2"], r"argument --x: invalid float value: 'one'"),
        (["--x", "nan", "2"], r"x must be finite, found nan"),
        (["--x"], r"argument --x: expected at least one argument"),
        (["--eta", "0"], r"eta must be a finite number > 0, got 0.0"),
        (["--eta", "-1"], r"eta must be a finite number > 0, got -1.0"),
        (["--eta", "inf"], r"eta must be a finite number > 0, got inf"),
        (["--eta", "fast"], r"argument --eta: invalid float value: 'fast'"),
        # read as inf and called "found inf", and as 0 and used silently (a reviewer), as a JSON file's are not
        (["--x", "1e400", "2"], r"argument --x: got 1e400, beyond a double's range \(about ±1\.8e\+308\)$"),
        (["--x", "1", "1e-400"], r"argument --x: got 1e-400, closer to 0 than a double holds \(it would be read as "
                                 r"0\)$"),
        (["--d", "2.5e999"], r"argument --d: got 2.5e999, beyond a double's range"),
        (["--eta", "1e-999"], r"argument --eta: got 1e-999, closer to 0 than a double holds"),
        (["--eta", "\u0660.\u0661e-400"], r"argument --eta: invalid float value: '\u0660.\u0661e-400'"),  # was 0
        (["--d", "1", "2"], r"d has shape \(2,\), expected \(1,\)"),
        (["--d", "nan"], r"d must be finite"),
        (["--format", "xml"], r"argument --format: invalid choice: 'xml'"),
        (["--wieghts", "w.json"], r"unrecognized arguments: --wieghts"),
    ],
)
def test_bad_options_one_line_exit_2(args, match):
    one_line_error(run_main("trace", *args), match=match)


@pytest.mark.parametrize(("args", "step", "largest"), [
    (["--d", "1e300"], "E", "d = 1e+300"),
    (["--d", "1e300", "--format", "json"], "E", "d = 1e+300"),
    (["--d", "1e200", "--eta", "1e200"], "E", "d = 1e+200 and eta = 1e+200"),
])
def test_an_iteration_that_overflows_is_one_clear_error(args, step, largest):
    """`trace --d 1e300` printed E = inf with exit 0, and with --format json "E": Infinity, which is not JSON;
    `--d 1e200 --eta 1e200` printed numpy's RuntimeWarnings, then 'w_hidden must be finite, found inf' of weights the
    user gave finite. Now one line, exit 2, naming the step that overflows and the largest numbers given, no warning
    (a subprocess: its stderr is all it prints). Premise in plain math: E = (d - y)^2 / 2 passes a double's range."""
    d = float(args[1])
    y = oracle.iteration(EX)["y"]
    assert math.isinf((d - y) * (d - y) / 2)
    one_line_error(run("trace", *args), match=re.escape(
        f"error: one iteration overflows: {step} = inf, beyond a double's range (about ±1.8e+308); the largest "
        f"number{'s' if ' and ' in largest else ''} given {'are' if ' and ' in largest else 'is'} {largest}: "
        f"choose smaller numbers"))


def test_a_large_finite_iteration_is_still_printed_as_valid_json():
    """d = 1e150 (E = 5e299 in plain math, within a double's range): printed, exit 0, every value finite JSON."""
    d = 1e150
    want = expected(d=d)
    assert math.isfinite(want["E"]) and math.isfinite(want["E(n+1)"])
    proc = run("trace", "--d", "1e150", "--format", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    got = json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert got["E"] == pytest.approx(want["E"], rel=1e-12)


def test_no_command_is_an_error(capsys):
    """It names the one command and its help (a reviewer read only "the following arguments are required: command")."""
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err == "python -m backprop: error: give a command: python -m backprop trace (see python -m backprop trace " \
                  "--help)\n", err


def test_a_huge_given_value_is_written_in_e_notation_in_the_report(tmp_path):
    """A reviewer's answer 1e308 (no decimals) was printed with its 309 digits in the report's table and sentence."""
    path = tmp_path / "a.json"
    path.write_text('{"v1": 1e308}', encoding="utf-8")
    proc = run_main("trace", "--check", str(path))
    assert proc.returncode == 1 and "1.000000e+308" in proc.stdout, proc.stdout
    assert not re.search(r"\d{20}", proc.stdout), proc.stdout


def test_help_explains_the_weights_file(capsys):
    with pytest.raises(SystemExit) as info:
        main(["trace", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for word in ["--weights", "FILE.json", "JSON object", "w_hidden", "b_hidden", "w_output", "b_output",
                 "hidden", "output", "logsig", "tansig", "purelin", "--x", "--d", "--eta", "--format"]:
        assert word in out, word
    default = json.loads(out[out.index('{"w_hidden"'):].strip())  # the worked example, as a ready-made file
    assert default == {key: EX[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")}


def test_the_help_says_whether_the_environment_variable_named_the_example_file(capsys, monkeypatch):
    """An instructor's review: --help never named BACKPROP_EXAMPLE; a diff review: with it set, the help called it the
    variable that "names another example file" of the file it had named."""
    for named, said in [(None, "(the environment variable BACKPROP_EXAMPLE names another example file"),
                        (str(oracle.EXAMPLES_DIR / "tanh-hidden.json"),
                         "(named by the environment variable BACKPROP_EXAMPLE):")]:
        if named is None:
            monkeypatch.delenv(oracle.ENV, raising=False)
        else:
            monkeypatch.setenv(oracle.ENV, named)
        with pytest.raises(SystemExit):
            main(["trace", "--help"])
        out = capsys.readouterr().out
        assert said in out and (named is None or named in out), out[-600:]


def test_the_help_gives_an_answers_file_to_copy_that_the_check_reads(tmp_path):
    """A reviewer found no answers file to copy in the help, only {"<step>": <your value>, ...}: the line after "For
    example" is one, which --check reads (exit 1: its values are placeholders, not the answers)."""
    help_text = run_main("trace", "--help").stdout
    line = help_text.split("For example, with your own values in place of these:\n", 1)[1].splitlines()[0].strip()
    answers = json.loads(line)
    assert len(answers) >= 3 and all(isinstance(v, float) for v in answers.values()), line
    (tmp_path / "a.json").write_text(line, encoding="utf-8")
    proc = run_main("trace", "--check", str(tmp_path / "a.json"))
    assert proc.returncode == 1 and "First wrong step" in proc.stdout, (proc.stdout, proc.stderr)


def test_help_via_subprocess():
    proc = run("trace", "--help")
    assert proc.returncode == 0 and "weights file" in proc.stdout
    top = run("--help")
    assert top.returncode == 0 and "trace" in top.stdout


def test_a_reader_that_stops_early_gets_no_traceback():
    """`python -m backprop trace | head -1`: the pipe closes after the first line; the CLI stops without a
    BrokenPipeError traceback (the decimals make the output larger than the pipe's buffer)."""
    proc = subprocess.Popen([sys.executable, "-m", "backprop", "trace", "--decimals", "15", "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its first line
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_a_negative_number_in_e_notation_is_named_with_how_to_write_it():
    """An instructor's review: `--x 1e5 -1e5` said only "unrecognized arguments: -1e5" (argparse takes a word that
    starts with "-" and is no plain number for an option). The message says so and gives the number without its
    exponent; another unknown word keeps argparse's message."""
    proc = run_main("trace", "--x", "1e5", "-1.5e-3")
    assert proc.returncode == 2 and proc.stderr.strip().endswith(
        "error: unrecognized arguments: -1.5e-3: argparse reads -1.5e-3 as an option; write it without the exponent, "
        "-0.0015"), proc.stderr
    assert run_main("trace", "--x", "1", "-100000").returncode == 0  # as it says
    proc = run_main("trace", "--bogus")
    assert proc.returncode == 2 and proc.stderr.strip().endswith("error: unrecognized arguments: --bogus")


@pytest.mark.parametrize(("args", "said"), [
    # another error of the same command line is argparse's alone: the hint does not explain it
    (("--eta", "abc", "--d", "-1e-3"), "error: argument --eta: invalid float value: 'abc'"),
    # -1e400 is -inf and -1e-400 is 0 as a double: no rewrite that would be another number
    (("--x", "-1e400", "1"), "error: argument --x: expected at least one argument: argparse reads -1e400 as an option"),
    (("--x", "1", "-1e-400"), "error: unrecognized arguments: -1e-400: argparse reads -1e-400 as an option"),
])
def test_the_e_notation_hint_says_only_what_holds(args, said):
    """A reviewer: the hint followed every error of a command line that held such a number ('invalid float value:
    'abc': argparse reads -1e-3 as an option'), and told -1e400 to be written -inf (an option again, and not the
    number) and -1e-400 as -0."""
    proc = run_main("trace", *args)
    assert proc.returncode == 2 and proc.stderr.strip().endswith(said), proc.stderr


def test_a_value_of_1e15_or_more_is_printed_in_e_notation():
    """x = (1e300, 1e300): v1 printed with 300 digits, most of them noise (a double holds about 15). From 10^15 on the
    text format writes e-notation with --decimals decimals of the mantissa; the oracle's plain-math fields."""
    proc = run_main("trace", "--x", "1e300", "1e300", "--eta", "1e-300")
    lines = {k.strip(): v for k, v in (line.split(" = ") for line in proc.stdout.splitlines() if " = " in line)}
    ex = oracle.load_example()
    v1 = ex["w_hidden"][0][0] * 1e300 + ex["w_hidden"][0][1] * 1e300 + ex["b_hidden"][0]
    assert lines["v1"].strip() == f"{v1:.6e}" and len(lines["v1"].strip()) < 20, proc.stdout[:300]
    assert all(len(text.strip()) <= 24 for text in lines.values()), proc.stdout


def test_the_help_says_what_a_weights_file_without_activations_gets(tmp_path):
    """A helper's note: the help called "hidden" and "output" optional without saying what a file that leaves them out
    gets. It says logsig and purelin, and a tanh example's weights without them trace as the oracle's logsig/purelin
    network does."""
    help_text = run_main("trace", "--help").stdout
    assert '"hidden": "logsig", "output": "purelin"' in help_text
    assert "optional (logsig and purelin if left out); logsig, tansig or purelin" in help_text
    ex = oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json")
    weights = {key: ex[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output", "x", "d", "eta")}
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(weights), encoding="utf-8")
    got = json.loads(run_main("trace", "--weights", str(path), "--format", "json").stdout)
    want = oracle.trace_values(oracle.iteration({**weights, "hidden": "logsig", "output": "purelin"}))
    assert got == pytest.approx(want, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(("args", "refused", "written"), [
    (("--x", "-1e5", "1"), "-1e5", "-100000"),  # first of the numbers: "argument --x: expected at least one argument"
    (("--x", "1", "-1e5"), "-1e5", "-100000"),  # last: "unrecognized arguments"
    (("--d", "-1e-3"), "-1e-3", "-0.001"),  # the only one
    (("--eta", "0.1", "--d", "-2.5E+2"), "-2.5E+2", "-250"),
])
def test_a_negative_number_in_e_notation_anywhere_is_explained(args, refused, written):
    """A reviewer: only a negative e-notation number after another number was explained; first, or alone, argparse
    said "argument --d: expected at least one argument". Each position names the word and the number without it."""
    proc = run_main("trace", *args)
    assert proc.returncode == 2 and proc.stderr.startswith("python -m backprop trace: error: "), proc.stderr
    assert proc.stderr.strip().endswith(
        f": argparse reads {refused} as an option; write it without the exponent, {written}"), proc.stderr
    assert float(written) == float(refused)
    fixed = [written if a == refused else a for a in args]
    assert run_main("trace", *fixed).returncode == 0  # as the message says


def test_an_option_written_with_equals_and_more_numbers_is_explained():
    """``--x=-1e5 1``: argparse gives --x the one number (its documented ``--opt=value`` form) and "unrecognized
    arguments: 1" said no more; alone, ``--x=-1e5`` is one number, and a network with one input takes it."""
    proc = run_main("trace", "--x=-1e5", "1")
    assert proc.returncode == 2 and proc.stderr == (
        "python -m backprop trace: error: unrecognized arguments: 1: argparse gives --x the one number of --x=-1e5 "
        "and reads 1 as an argument of its own; write --x -100000 1 (a negative number without its exponent, which "
        "argparse would read as an option)\n")
    assert run_main("trace", "--x", "-100000", "1").returncode == 0
    assert run_main("trace", "--d=-1e-3").returncode == 0


@pytest.mark.parametrize("args", [("--bogus",), ("--x", "1"), ("--weights", "no-such-file.json"), ("--decimals", "x")])
def test_every_error_of_the_trace_command_has_one_prefix(args):
    """A reviewer: argparse's errors of the command said "python -m backprop trace: error:", the package's (a bad
    file, a wrong shape, an unknown word) "python -m backprop: error:"."""
    proc = run_main("trace", *args)
    assert proc.returncode == 2 and proc.stderr.startswith("python -m backprop trace: error: "), proc.stderr
    assert proc.stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "message"), [
    (("--x", "1", "--x", "2"), "--x is given twice (1, then 2): give it once; to give both numbers, write --x 1 2"),
    # the advice as argparse reads it: -1e-05 would be an option (a reviewer ran it)
    (("--x", "-0.00001", "--x", "2"), "--x is given twice (-0.00001, then 2): give it once; to give both numbers, "
                                      "write --x -0.00001 2"),
    (("--x", "1", "2", "--x", "0.5", "-0.5"), "--x is given twice (1 2, then 0.5 -0.5): give it once"),
    (("--d", "1", "--d=2"), "--d is given twice (1, then 2): give it once; to give both numbers, write --d 1 2"),
    (("--eta", "0.1", "--eta", "1e-3"), "--eta is given twice (0.1, then 0.001): give it once"),
    (("--weights", "a.json", "--weights", "b.json"), "--weights is given twice (a.json, then b.json): give it once"),
    (("--check", "a.json", "--check", "b.json"), "--check is given twice (a.json, then b.json): give it once"),
])
def test_an_option_given_twice_is_refused_not_overwritten(args, message):
    """A reviewer: argparse kept the last of a repeated option, so ``--x 1 2 --x 0.5 0.5`` traced x = (0.5, 0.5)
    without a word, and ``--x 1 --x 2`` was refused as "x has shape (1,)" where the student had typed two numbers."""
    proc = run_main("trace", *args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"python -m backprop trace: error: {message}\n"
    advice = message.partition("write ")[2]
    if advice.startswith("--x") or advice.startswith("--d"):  # the command it advises is one argparse reads
        said = run_main("trace", *advice.split()).stderr  # a shape the network refuses is its own message
        assert "argparse reads" not in said and "expected one argument" not in said and "unrecognized" not in said


def test_json_never_writes_a_negative_zero():
    """A reviewer: ``--x 1e200 1e200 --format json`` wrote "Δw11": -0.0 where the text writes 0.000000. In plain
    math: y_h1 = logsig(1e200 w11 + ...) is 1.0, so f'(v_1) = y_h1 (1 - y_h1) is 0 and Δw11 = η δ_1 x_1 is 0, signed
    as e w41 is, which is negative here."""
    ex = oracle.load_example()
    y_h = [1.0 / (1.0 + math.exp(-min(700.0, 1e200 * (w1 + w2) + b)))
           for (w1, w2), b in zip(ex["w_hidden"], ex["b_hidden"], strict=True)]
    assert all(y == 1.0 for y in y_h) or pytest.skip("the example in use has a hidden weight sum <= 0")
    proc = run_main("trace", "--x", "1e200", "1e200", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r":\s*-0\.0\s*[,}]", proc.stdout) and re.search(r'"Δw11": 0\.0,', proc.stdout), proc.stdout
    values = json.loads(proc.stdout)
    assert all(not (v == 0 and math.copysign(1.0, v) < 0) for v in values.values())


def test_a_value_six_decimals_would_print_as_zero_is_printed_with_two_digits(tmp_path):
    """A reviewer: a saturated neuron's Δw11 = -1.6e-7 printed -0.000000's 0.000000, so its weight read as not moving.
    With the pages' six decimals the trace prints what their blocks print: two significant digits in e-notation (the
    oracle's value); with other --decimals, those decimals."""
    ex = {**oracle.shipped(), "w_hidden": [[6.0, 6.0], [-0.4, 0.9], [1.5, -2.0]], "b_hidden": [0.0, 0.3, -0.2],
          "w_output": [[0.1, 1.4, -0.9]], "b_output": [0.3], "x": [1.1, 1.0], "d": -0.4, "eta": 0.3}
    path = tmp_path / "saturated.json"
    path.write_text(json.dumps(ex), encoding="utf-8")
    right = oracle.trace_values(oracle.iteration(ex))
    assert 0 < abs(right["Δw11"]) < 5e-7  # the premise: six decimals print it as 0.000000
    lines = {k.strip(): v.strip() for k, v in (line.split(" = ") for line in run_main(
        "trace", "--weights", str(path)).stdout.splitlines())}
    assert lines["Δw11"] == f"{right['Δw11']:.1e}" and lines["Δb1"] == f"{right['Δb1']:.1e}", lines
    assert lines["Δw21"] == f"{right['Δw21']:.6f}"  # the others as before
    ten = parse_text(run_main("trace", "--weights", str(path), "--decimals", "10").stdout)
    assert ten["Δw11"] == round(right["Δw11"], 10)


def test_a_step_zero_by_hand_prints_as_zero_not_its_doubles_rounding(tmp_path):
    """tanh with v_2 = 0.4 · 1 + 0.6 · (-1) + 0.2, 0 by hand (plain fractions), 5.6e-17 in doubles: v2, y_h2 and the
    steps built on y_h2 print 0.000000, not the rounding in two digits (the rule above is for values, not noise)."""
    from fractions import Fraction

    ex = {**oracle.shipped(), "w_hidden": [[0.8, 0.3], [0.4, 0.6], [-0.5, 0.9]], "b_hidden": [-0.1, 0.2, 0.4],
          "w_output": [[0.7, -1.3, 0.5]], "b_output": [0.2], "hidden": "tansig", "x": [1.0, -1.0], "d": 0.1}
    assert Fraction("0.4") - Fraction("0.6") + Fraction("0.2") == 0 and 0.4 - 0.6 + 0.2 != 0  # the premise
    path = tmp_path / "zero-field.json"
    path.write_text(json.dumps(ex), encoding="utf-8")
    lines = {k.strip(): v.strip() for k, v in (line.split(" = ") for line in run_main(
        "trace", "--weights", str(path)).stdout.splitlines())}
    assert lines["v2"] == lines["y_h2"] == lines["Δw42"] == "0.000000", lines


def test_a_bad_package_example_file_is_reported_not_a_traceback(tmp_path):
    """An instructor's review: with the package's own example.json edited to eta 0, `trace` (and `--help`) printed a
    traceback, raised while the mistakes' catalogue was imported, where a file named by BACKPROP_EXAMPLE gets the
    loader's one line."""
    package = tmp_path / "backprop"
    shutil.copytree(ROOT / "backprop", package, ignore=shutil.ignore_patterns("__pycache__"))
    example = json.loads((package / "example.json").read_text(encoding="utf-8"))
    (package / "example.json").write_text(json.dumps({**example, "eta": 0}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "BACKPROP_EXAMPLE"} | {"PYTHONPATH": str(tmp_path)}
    for args in (["trace"], ["trace", "--help"]):
        proc = subprocess.run([sys.executable, "-m", "backprop", *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True)
        assert "Traceback" not in proc.stderr, proc.stderr
        if args == ["trace"]:
            assert proc.returncode == 2 and "eta must be > 0, got 0" in proc.stderr, proc.stderr
        else:
            assert proc.returncode == 0 and "usage:" in proc.stdout
