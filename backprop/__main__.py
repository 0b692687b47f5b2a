"""``python -m backprop trace``: every intermediate of one online iteration, in the slides' notation.

``trace --check FILE.json`` checks a student's values for any of those steps (see `backprop.homework`).
"""
# (The docstring above is the command's description in --help.) Over 300 lines because it is the command's whole
# interface: its parser, the help that describes the weights and answers files from the worked example's labels, and
# the printing of a trace and of a homework report.

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import numbers
import os
import re
import shlex
import sys
import textwrap
from collections.abc import Sequence

import numpy as np

from . import _exact, _json, activations, examples, homework, labels, show
from ._checks import as_input, as_target, check_eta, require_normal
from .network import Network
from .show import num


def _worked_example() -> examples.Example | None:
    """The worked example in use, or None when its file cannot be read: the help still prints, and `main` reports
    the file's problem only when it needs the example."""
    try:
        return examples.EXAMPLE
    except ValueError:
        return None


def _answers_help() -> str:
    """The answers file's format, from the step names the trace prints (nothing typed twice)."""
    net = examples.site_network()
    steps = homework.names(net.n_in, net.n_hidden, net.n_out)
    at_n = steps[:steps.index("E") + 1]  # the forward pass, e and E
    after = [n for n in steps if n.startswith(("y", "E")) and n.endswith("(n+1)")]  # the updated network's
    groups = [at_n, [n for n in steps if n.startswith("Δ")],
              [n for n in steps if n.endswith("(n+1)") and n not in after], after]
    deltas = [groups[1][0], next(n for n in groups[1] if n.startswith("Δb"))]  # e.g. a weight's and a bias's
    aliases = ", ".join(f'"{n.replace("Δ", "d", 1)}"' for n in deltas)

    def indented(words: list[str]) -> str:
        return textwrap.fill(" ".join(words), 100, initial_indent="  ", subsequent_indent="  ",
                             break_on_hyphens=False, break_long_words=False)

    lines = "\n".join(indented(group) for group in groups)
    mistakes = indented([m.name for m in homework.MISTAKES])
    # a file to copy, with a step of each group; its numbers only show the form (six decimals, a minus), no answers
    sample = ", ".join(f'"{name.replace("Δ", "d", 1)}": {value}' for name, value in zip(
        [groups[0][0], groups[0][-1], deltas[0], groups[2][0]], _json.PLACEHOLDERS))
    return f"""\
answers file (--check FILE.json): a JSON object {{"<step>": <your value>, ...}} with any of the steps
{lines}
(the names trace prints, for --weights of other sizes those it prints for them; an ASCII "d" may stand
for "Δ": {aliases}, ...). For example, with your own values in place of these:
  {{{sample}}}
A value is right when |given - right| <= {homework.ATOL:g} + {homework.RTOL:g}*|right| + c; a value at time n+1
(w41(n+1), ..., y(n+1), E(n+1)) when |given - right| <= {homework.ATOL:g} + {homework.RTOL:g}*|change| + c, its change
from time n, so that the value at time n (no update) is wrong wherever the change shows. c is the step's carried
error: how far a value worked out from the values before it written with {show.DECIMALS} decimals can be off (0 for
v1, grows with a large eta). Values
worked out that way, or rounded to {show.DECIMALS} decimals, always pass.
The steps are checked in this order; the first wrong one is named with the classic mistakes that give
its value, and the steps after it are judged on their own where they are not computed from it (Δw43 after
a wrong Δw42; not w42(n+1), y(n+1) or E(n+1)):
{mistakes}
Exit status: 0 when every given value is right, 1 when one is wrong, 2 for a bad file or option.

"""


def _weights_help() -> str:
    """The weights file's format, with the slides' labels for the worked example's sizes (w11 ... b4)."""
    net = examples.site_network()
    worked = _worked_example()
    shown = json.dumps(worked.net.to_dict()) if worked else "(it cannot be read: `trace` says why)"
    hidden, outputs = labels.hidden_neurons(net.n_hidden), labels.output_neurons(net.n_hidden, net.n_out)

    def matrix(rows: range, cols: range) -> str:
        return "[" + ", ".join("[" + ", ".join(labels.weight(r, c, sep="") for c in cols) + "]" for r in rows) + "]"

    def vector(rows: range) -> str:
        return "[" + ", ".join(labels.bias(r, sep="") for r in rows) + "]"

    x = "[" + ", ".join(f"x{k}" for k in labels.inputs(net.n_in)) + "]"
    names = list(activations.ACTIVATIONS)
    known = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
    defaults = {f.name: f.default for f in dataclasses.fields(Network)}  # what a file without them gets
    left_out = f"{defaults['hidden']} and {defaults['output']} if left out"
    w_hidden = f'"w_hidden": {matrix(hidden, labels.inputs(net.n_in))}'
    w_output = f'"w_output": {matrix(outputs, hidden)}'
    width = max(len(w_hidden), len(w_output)) + 3  # the comments' column; the optional keys' one further
    named_by = (f"named by the environment variable {examples.ENV}" if os.environ.get(examples.ENV) else
                f"the environment variable {examples.ENV} names another example file, as for the site's build")
    return f"""\
weights file (--weights FILE.json): a JSON object with
  {w_hidden:<{width}}rows = hidden neurons i, columns = inputs k
  "b_hidden": {vector(hidden)}
  {w_output:<{width}}rows = output neurons j, columns = hidden i
  "b_output": {vector(outputs)}
  {'"hidden": "logsig", "output": "purelin"':<{width + 1}}optional ({left_out}); {known}
  {f'"x": {x}, "d": d, "eta": eta':<{width + 1}}optional; --x, --d and --eta win over them
Any sizes work as long as they agree. Without --weights the site's worked example is used (with --practice its
practice example), the file
{examples.current_file()}
({named_by}):
{shown}
"""


def _numbers(values: Sequence[float]) -> str:
    return " ".join(f"{v:g}" for v in values)


#: A negative number in e-notation, which argparse (3.11) takes for an option: ``-1e5``, ``-1.5e-3``.
_NEGATIVE_E = re.compile(r"-\d*\.?\d+[eE][-+]?\d+")


#: argparse's messages that a negative number taken for an option can cause (a missing value, a word left over).
_OPTION_TAKEN = re.compile(r"expected (?:at least )?one argument|unrecognized arguments")


class _Parser(argparse.ArgumentParser):
    #: What to add to argparse's messages that a negative number in e-notation can cause (`_OPTION_TAKEN`): why the
    #: command line was refused and how to write it (`_e_notation_hint`), set by `main` for the command line it parses.
    hint = ""

    def error(self, message: str) -> None:  # one line, exit status 2, no usage dump (argparse's documented override)
        if message == "the following arguments are required: command":  # `python -m backprop` alone
            message = f"give a command: {self.prog} trace (see {self.prog} trace --help)"
        why = self.hint if _OPTION_TAKEN.search(message) else ""  # not under "invalid float value: 'abc'"
        self.exit(2, f"{self.prog}: error: {message}{why}\n")


class _Once(argparse.Action):
    """An option without a default that may be given once (argparse's documented extension point, an `Action`):
    argparse keeps the last of ``--x 1 --x 2`` silently, where a student meant ``--x 1 2``."""

    def __call__(self, parser, namespace, values, option_string=None):
        earlier = getattr(namespace, self.dest)
        if earlier is not None:
            words, now = (" ".join(map(_word, v if isinstance(v, list) else [v])) for v in (earlier, values))
            one_each = isinstance(values, list) and len(earlier) == len(values) == 1
            both = f"; to give both numbers, write {option_string} {words} {now}" if one_each else ""
            parser.error(f"{option_string} is given twice ({words}, then {now}): give it once{both}")
        setattr(namespace, self.dest, values)


def _word(value: object) -> str:
    """A value of the command line, written back to the reader as it may be typed again: a float without a needless
    ".0", and a negative one without an exponent, which argparse would read as an option (`_without_exponent`)."""
    text = f"{value:g}" if isinstance(value, float) and value == float(f"{value:g}") else str(value)
    return _without_exponent(text) if _NEGATIVE_E.fullmatch(text) else text


def _without_exponent(word: str) -> str:
    """A number as argparse reads a negative one, without its exponent: ``-1e5`` -> ``-100000`` (the same double)."""
    return np.format_float_positional(float(word), trim="-")


def _e_notation_hint(argv: Sequence[str]) -> str:
    """Why argparse refuses a command line with a negative number in e-notation, wherever it stands (``--x -1e5 1``,
    ``--x 1 -1e5``, ``--d -1e-3``: argparse takes the word for an option), and how to write it; for ``--x=-1e5 1``,
    where argparse gives ``--x`` that one number and reads the rest as arguments of their own, how to write the
    option. Empty for a command line without one."""
    for n, word in enumerate(argv):
        option, equals, value = word.partition("=")
        if equals and option.startswith("--") and _NEGATIVE_E.fullmatch(value):
            after = []
            for rest in argv[n + 1:]:
                try:
                    float(rest)
                except ValueError:
                    break
                after.append(rest)
            if after:  # alone, --x=-1e5 is one number, as argparse documents the form
                numbers = " ".join(_without_exponent(a) if _NEGATIVE_E.fullmatch(a) else a for a in [value, *after])
                own = "an argument of its own" if len(after) == 1 else "arguments of their own"
                return (f": argparse gives {option} the one number of {word} and reads {' '.join(after)} as {own}; "
                        f"write {option} {numbers} (a negative number without its exponent, which "
                        f"argparse would read as an option)")
        elif _NEGATIVE_E.fullmatch(word):
            plain = _without_exponent(word)
            # no rewrite where it would not be the same number, or not one argparse reads (-1e400 is -inf, -1e-400 0)
            same = math.isfinite(float(word)) and float(word) != 0 and len(plain) <= 20
            return f": argparse reads {word} as an option" + (f"; write it without the exponent, {plain}" if same
                                                                else "")
    return ""


def _plain(text: str) -> str:
    """Docstring markup as the terminal shows it: ``code`` and `name` without their backticks."""
    return re.sub(r"`([^`]+)`", r"\1", re.sub(r"``(.+?)``", r"\1", text))


#: The most decimals --decimals prints.
MAX_DECIMALS = 17


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m backprop", description=_plain(__doc__))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    trace = parser.trace = sub.add_parser(
        "trace",
        help="print one iteration n -> n+1 step by step",
        description="Print every intermediate of one online iteration n -> n+1: the forward pass, "
        "the error and cost, every update and every new value.",
        epilog=_answers_help() + _weights_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    worked = _worked_example()

    def default(name: str, values: Sequence[float]) -> str:
        return (f"default: the weights file's {name}, with --practice the practice example's, else the worked "
                f"example's: " + (_numbers(values) if worked else "its file cannot be read"))

    trace.add_argument("--x", type=_number, nargs="+", action=_Once, metavar="X_K",
                       help=f"the input x_1 x_2 ... ({default('x', worked.x if worked else [])})")
    trace.add_argument("--d", type=_number, nargs="+", action=_Once, metavar="D_J",
                       help=f"the desired output(s) d ({default('d', [worked.d] if worked else [])})")
    trace.add_argument("--eta", type=_number, action=_Once,
                       help=f"learning rate ({default('eta', [worked.eta] if worked else [])})")
    source = trace.add_mutually_exclusive_group()
    source.add_argument("--weights", action=_Once, metavar="FILE.json", help="the weights at time n (see below)")
    source.add_argument("--practice", action="store_true",
                        help="the exercises' practice example (the \"practice\" entry of the example file in use) "
                             "instead of the worked example: the numbers the exercises' answers come from")
    trace.add_argument("--decimals", type=_decimals, default=show.DECIMALS, metavar="N",
                       help=f"decimals printed in text format, 0 to {MAX_DECIMALS} (default: {show.DECIMALS}, as on "
                            f"the site's pages, which write a value they would print with fewer than two significant "
                            f"digits with two, 1.6e-07); a double holds about {sys.float_info.dig} significant digits, "
                            f"so digits beyond those are noise (and fewer are right where a neuron saturates)")
    trace.add_argument("--check", action=_Once, metavar="FILE.json",
                       help="check your values for any of the steps against the right ones (see below)")
    trace.add_argument("--format", choices=["text", "json"], default="text",
                       help="text: one step a line, with --decimals decimals; json: every step's full value, by name "
                            "(with --check, the report) (default: text)")
    return parser


def _number(text: str) -> float:
    """A number of the command line, read by Python's ``float`` in ASCII (other digits are refused), and like a JSON
    file's numbers (`backprop._json`) refused where written beyond a double's range either way, with what was typed
    (``1e400`` was read as inf and reported as "found inf", ``1e-400`` as 0 and used silently)."""
    try:
        if not text.isascii():  # float() reads other scripts' digits, which the range check does not
            raise ValueError(text)
        value = _json.real(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid float value: {text!r}") from None
    if isinstance(value, _json.Unheld):
        if not re.search(r"\d", text):  # "inf" itself: refused later as not finite, as nan is
            return float(text)
        raise argparse.ArgumentTypeError(f"got {value.what}")
    return value


def _decimals(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 0 <= n <= MAX_DECIMALS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_DECIMALS}, not {n}")
    return n


def trace(net: Network, x: Sequence[float], d: Sequence[float], eta: float) -> list[tuple[str, float]]:
    """Every named quantity of one iteration, in the order a student computes them (`backprop.homework.trace`)."""
    return list(homework.trace(net, x, d[0] if net.n_out == 1 and len(d) == 1 else d, eta).items())


def read_answers(path: str) -> tuple[dict[str, object], dict[str, str]]:
    """The JSON object of an answers file, and each number's text as written there (``0.410000``: six decimals, which
    its float 0.41 has lost, `homework.decimals_of`); errors name the file and the problem (a name given twice too)."""
    name = f"answers file {path!r}"
    data = examples.read_json(path, name)
    if not isinstance(data, dict):
        raise ValueError(f"{name} must hold a JSON object of step names and numbers, not a {type(data).__name__}")
    with open(path, encoding="utf-8-sig") as fh:  # read_json read it: it parses, and gives no key twice
        texts = json.load(fh, parse_float=str, parse_int=str)
    return data, {key: text for key, text in texts.items() if isinstance(text, str) and isinstance(
        data[key], numbers.Real) and not isinstance(data[key], bool)}


def print_hints(mistakes: tuple[homework.Mistake, ...], hints: tuple[str, ...]) -> None:
    """Each slip's name and its hint, one to a line, indented under the sentence that names them."""
    for m, hint in zip(mistakes, hints, strict=True):
        print(f"  {m.name}: {hint}")


def right_for_other_example(report: homework.Report, answers: dict[str, object], written: dict[str, str],
                            practice: bool) -> str:
    """Where a value given is wrong for the example checked (the worked one, or the practice one with ``--practice``)
    and every value given is right for the other: that one's name (``"practice"``, ``"worked"``), else ``""``. A
    reviewer checked a file of the exercises' right answers without ``--practice`` and was told of a slip and of
    decimals."""
    if report.first_wrong is None:
        return ""
    name, other = ("worked", examples.EXAMPLE) if practice else ("practice", examples.PRACTICE)
    try:
        right = homework.check(other.net, other.x, other.d, other.eta, answers, written).ok
    except (ValueError, TypeError, FloatingPointError):  # a step the other network has not: not its values
        return ""
    return name if right else ""


def _other_example_text(other: str, path: str) -> str:
    """What the report says of answers right for the `other` example (`right_for_other_example`)."""
    if other == "practice":
        return (f"Every value given is right for the practice example, the one the exercises use: check them against "
                f"it with python -m backprop trace --practice --check {shlex.quote(path)}")
    return (f"Every value given is right for the worked example, the one the derivation pages use: check them against "
            f"it with python -m backprop trace --check {shlex.quote(path)} (without --practice)")


def _contradicted_text(report: homework.Report, decimals: int) -> str:
    """Why no slip is named though some give the first wrong value (`homework.Report.contradicted`): each would have
    shown at a step given right before it; "" where none gives it."""
    # with at least the pages' decimals: with --decimals 3 a tiny value printed as the 0.000 the student wrote
    said = [f"{slip} gives it, but would have made your {step} {_text(value, max(decimals, show.DECIMALS))}"
            for slip, step, value in report.contradicted]
    return f" together with what you gave before it ({'; '.join(said)})" if said else ""


def _written(step: homework.Step, decimals: int) -> str:
    """A given value as the report prints it: with the decimals it was written with where fewer than the table's
    (-0.412, not -0.412000: the message may say how many it has)."""
    if step.decimals < show.DECIMALS and abs(step.given) < PLAIN_BELOW:
        return f"{step.given:.{step.decimals}f}"
    return _text(step.given, decimals)  # 1e308 (no decimals) had printed its 309 digits


def print_table(steps: Sequence[homework.Step], decimals: int) -> list[str]:
    """Expected against given for each step, and whether it is right; the given values as printed."""
    expected = [_text(s.expected, decimals) for s in steps]
    given = [_written(s, decimals) for s in steps]
    w_name = max(len("step"), *(len(s.name) for s in steps))
    w_num = max(len("expected"), *(len(v) for v in expected + given))
    print(f"{'step':<{w_name}}  {'expected':>{w_num}}  {'given':>{w_num}}")
    for s, want, got in zip(steps, expected, given, strict=True):
        print(f"{s.name:<{w_name}}  {want:>{w_num}}  {got:>{w_num}}  {'right' if s.right else 'wrong'}")
    return given


def _loose_note(loose: Sequence[str]) -> str:
    """What right values the check cannot tell from nothing (`homework.Step.undecided`: a large eta) get."""
    one = len(loose) == 1
    return (f"Right, but the check cannot tell {', '.join(loose)} from 0 (or from the value at time n): written with "
            f"{show.DECIMALS} decimals, the steps before {'it' if one else 'them'} leave {'it' if one else 'each'} "
            f"anywhere within its tolerance of it. Carry more decimals to check {'it' if one else 'them'}.")


def print_report(report: homework.Report, decimals: int, other: str = "", path: str = "") -> None:
    """Expected against given for each given step up to the first wrong one, then its likely mistakes (or, where
    every value given is right for the `other` example, that), then the steps after it: those not computed from it,
    judged on their own, and the names of those computed from it, which are not."""
    shown = []
    for step in report.given:
        shown.append(step)
        if step is report.first_wrong:
            break
    given = print_table(shown, decimals)
    print()
    loose = [s.name for s in shown if s.right and s.undecided]
    if loose:  # a large eta: six decimals of the steps before leave these anywhere near 0
        print(_loose_note(loose))
    wrong = report.first_wrong
    if wrong is None:
        if loose:  # not "right" without a word: nothing, or a flipped sign, passes there too
            print(f"Every given value is within the check's tolerance, but the check cannot tell "
                  f"{show.and_list(loose)} from 0 (a value at time n+1 from its value at time n; above): those "
                  f"would pass too.")
        else:
            print("The given value is right." if len(shown) == 1 else f"All {len(shown)} given values are right.")
        if report.fewer_advice:  # right within the tolerance, not the six decimals asked for
            print(report.fewer_advice)
        return
    print(f"First wrong step: {wrong.name} (expected {_text(wrong.expected, decimals)}, "
          f"given {given[-1]}).")  # as the table writes it
    if other:  # no slip: the other example's values, checked against this one
        print(_other_example_text(other, path) + ".")
        return
    if report.rounded is not None:  # the right value rounded to fewer decimals: said before any slip
        print(homework.rounded_message(report.rounded))
        if report.likely:
            print("It is also what a classic mistake gives here:")
            print_hints(report.likely, report.hints)
    elif len(report.likely) == 1:  # the hints as written for the network checked (its labels, its output's f')
        print(f"Likely mistake: {report.likely[0].name}. {report.hints[0]}")
    elif report.likely:
        print("Likely mistakes (each gives about this value here):")  # within the tolerance, not always equal
        print_hints(report.likely, report.hints)
    elif report.near:  # a slip gives it, but too near the right value for the check to name it
        one = len(report.near) == 1
        names = show.and_list([m.name for m in report.near])
        # "too near to tell apart" would contradict the mark: the value is wrong, but a right one can lie as near it
        print(f"The slip{'' if one else 's'} {names} give{'s' if one else ''} about this value, but a right value can "
              f"lie within the check's tolerance of it too, so the check cannot tell whether "
              f"{'it is' if one else 'one of them is'} your mistake. Work {wrong.name} out again from its formula, "
              f"with the values before it to {show.DECIMALS} decimals.")
        print_hints(report.near, report.near_hints)  # what each slip would be, to look for it
    else:
        print(f"No classic mistake gives this value here{_contradicted_text(report, decimals)}: work {wrong.name} out "
              f"again from its formula, with the values before it to {show.DECIMALS} decimals."
              + (f" {report.decimals_advice}" if report.decimals_advice else ""))
    for slip, step, value in report.unexplained:  # a later value the slip does not give: another slip, or not it
        given_there = next(s for s in report.given if s.name == step)
        print(f"But {slip} does not give your {step}: it gives {_text(value, decimals)} there, you wrote "
              f"{_written(given_there, decimals)}.")
    if report.same_as:
        print(f"Your {wrong.name} is the right value of {show.and_list(list(report.same_as))}: written under the wrong "
              "step, or copied from it?")
    apart, carried_into = report.after_first_wrong
    if apart:  # not computed from the wrong value: judged on their own, as the live page judges every value
        print(f"\nChecked on their own, as they are not computed from {wrong.name}:")
        print_table(apart, decimals)
        loose_apart = [s.name for s in apart if s.right and s.undecided]
        if loose_apart:  # as for the steps before it (a diff review: the table said "right" alone)
            print(_loose_note(loose_apart))
    if carried_into:
        print(f"\nNot marked right or wrong: {show.and_list([s.name for s in carried_into])}, computed from "
              f"{wrong.name} (fix it first).")


def load_weights(path: str, given: Sequence[str] = ()) -> tuple[Network, dict[str, object]]:
    """The network of a weights file, and the x, d, eta it holds (an example file holds all three) but those the
    command line ``given`` wins over, each checked here: an error names the file, the key and the value, as the
    network's errors do."""
    data = examples.read_file(path)
    net = examples.network_from(data, path)
    sample = {key: data[key] for key in examples.SAMPLE_KEYS if key in data and key not in given}
    checks = {"x": lambda v: as_input(v, net.n_in), "d": lambda v: as_target(v, net.n_out),
              "eta": check_eta}
    for key, value in sample.items():
        try:
            checks[key](value)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"weights file {path!r}: {exc}") from None
    return net, sample


def _require_defaults_fit(net: Network, path: str, defaults: dict[str, object]) -> None:
    """Refuse the worked example's ``x`` or ``d``, taken because neither the weights file ``path`` nor an option gives
    one, where they do not fit the file's network: the user never gave them, so the message says where they come
    from and how to give one, rather than only that their shape is wrong."""

    def count(n: int, what: str) -> str:
        return f"{n} {what}{'s' if n != 1 else ''}"

    for key, value in defaults.items():
        values = value if isinstance(value, list) else [value]
        want, what = (net.n_in, "input") if key == "x" else (net.n_out, "output")
        if len(values) != want:
            raise ValueError(
                f"weights file {path!r} gives no {key!r} and --{key} is not given, so {key} is the worked example's "
                f"({_numbers(values)}), {count(len(values), 'number')}, but the file's network has "
                f"{count(want, what)}: give --{key} with {count(want, 'number')}, or {key!r} in the file")


#: From this size on, a number's integer digits alone are more than the about 15 significant digits a double holds.
PLAIN_BELOW = 1e15


def _text(value: float, decimals: int) -> str:
    """A value as the trace prints it: ``decimals`` decimals (`show.num`), or from `PLAIN_BELOW` on in e-notation
    with ``decimals`` decimals of its mantissa (x = (1e300, 1e300) had printed v1 with 300 digits, most of them a
    double's noise). With the pages' decimals, as the pages' blocks print it (`show.text`): a value six decimals would
    print with fewer than two significant digits in e-notation with two (Δw11 = -1.6e-07 of a saturated neuron had
    printed -0.000000's "0.000000", a weight it moves as unchanged)."""
    if abs(value) >= PLAIN_BELOW:
        return f"{value:.{decimals}e}"
    return show.text(value) if decimals == show.DECIMALS else num(value, decimals)


def _zero_by_hand(net: Network, x: object, d: object, eta: float, rows: Sequence[tuple[str, float]],
                  decimals: int) -> set[str]:
    """The steps that are exactly 0 by hand (`backprop._exact`, from the numbers as typed) where `_text` would print
    their double's rounding with two significant digits (a field 0.4 · 1 + 0.6 · (−1) + 0.2, whose double is
    5.6e-17): they print as their decimals write 0. Worked out only where a row would print so (`show.text` with the
    pages' decimals)."""
    if decimals != show.DECIMALS or not any(show.in_scientific(value) for _, value in rows):
        return set()
    by_hand = _exact.iteration(net, x, d if isinstance(d, list) else [d], eta)
    return set() if by_hand is None else {name for name, value in by_hand.items() if value == 0}


def _zero_unsigned(value: object) -> object:
    """``value`` (a number, or lists and dicts of them) with every -0.0 written 0.0, as the text format writes it
    (0.000000, never -0.000000): a zero's sign is a double's rounding, not a step's value."""
    if isinstance(value, dict):
        return {key: _zero_unsigned(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_zero_unsigned(v) for v in value]
    return 0.0 if isinstance(value, float) and value == 0.0 else value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser.hint = parser.trace.hint = _e_notation_hint(argv)  # in every message of argparse's, and ours below
    args, rest = parser.parse_known_args(argv)
    parser = parser.trace  # the command's errors, argparse's and ours, begin "python -m backprop trace: error:"
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        sample: dict[str, object] = {}
        if args.weights:
            # the file's own x, d, eta win over the worked example's; the options win over the file's
            options = [key for key in examples.SAMPLE_KEYS if getattr(args, key) is not None]
            net, sample = load_weights(args.weights, options)
        elif args.practice:
            net, sample = examples.PRACTICE_NET, {"x": examples.PRACTICE_X.tolist(), "d": examples.PRACTICE_D,
                                                  "eta": examples.PRACTICE_ETA}
        else:
            net = examples.NET
        given = {"x": args.x, "d": args.d, "eta": args.eta} | sample
        defaulted = [key for key in examples.SAMPLE_KEYS if given[key] is None]
        if defaulted:  # the worked example's, only when needed
            sample = {"x": examples.X.tolist(), "d": examples.D, "eta": examples.ETA} | sample
        x = args.x if args.x is not None else sample["x"]
        d = args.d if args.d is not None else sample["d"]
        eta = args.eta if args.eta is not None else sample["eta"]
        if args.weights:
            _require_defaults_fit(net, args.weights, {key: {"x": x, "d": d}[key] for key in defaulted if key != "eta"})
        rows = trace(net, x, d if isinstance(d, list) else [d], eta)
        require_normal(dict(rows), printer="trace prints")  # --eta 1e-320: updates of a few digits, refused
        if args.check:
            answers, written = read_answers(args.check)
            try:
                report = homework.check(net, x, d, eta, answers, written)
            except (ValueError, TypeError) as exc:
                raise type(exc)(f"answers file {args.check!r}: {exc}") from None
    except (ValueError, TypeError, FloatingPointError) as exc:  # FloatingPointError: the iteration overflows
        parser.error(str(exc))
    if args.check:
        # the worked and the practice example are the ones a student checks without --weights, --x, --d or --eta
        own = args.weights is None and all(getattr(args, key) is None for key in examples.SAMPLE_KEYS)
        other = right_for_other_example(report, answers, written, args.practice) if own else ""
        if args.format == "json":
            print(json.dumps(_zero_unsigned(report.to_dict() | {"right_for": other or None}), indent=2,
                             ensure_ascii=False))
        else:
            print_report(report, args.decimals, other, args.check)
        return 0 if report.ok else 1
    if args.format == "json":
        print(json.dumps(_zero_unsigned(dict(rows)), indent=2, ensure_ascii=False))
    else:
        width = max(len(name) for name, _ in rows)
        zero = _zero_by_hand(net, x, d, eta, rows, args.decimals)
        for name, value in rows:
            # as the pages write it: never -0.000000; a step 0 by hand as 0, not its double's rounding (-2.8e-17)
            text = num(value, args.decimals) if name in zero else _text(value, args.decimals)
            print(f"{name:<{width}} = {text if text.startswith('-') else ' ' + text}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader of the output stopped early (`trace | head`): not an error of ours
        # Python's documented way (signal module, "Note on SIGPIPE"): stdout to devnull, so the interpreter's last
        # flush at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
