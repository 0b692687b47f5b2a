"""The formulas the hidden-rule pages write for *the worked example* show its own hidden activation's derivative.

The slides' hidden layer is logsig, so their rules (3) and (4) carry $f(v_i)\\big(1 - f(v_i)\\big)$; a worked
example may have a tanh ("tansig") hidden layer, whose $f'(v_i) = 1 - f(v_i)^2$. Rules 3 and 4 are rendered as
the build renders them (`render_with_example`) with the default (logsig) example and with
``tests/examples/tanh-hidden.json``; each formula written for the example is read back from the page, turned into
sympy, and compared with $-\\eta\\, \\partial E / \\partial \\theta$ of the 2-3-1 network in sympy with the
activation the example file names (read with ``json``, not through ``backprop``). Text about the slides' network may
keep the logsig's factor, but must say that it is the slides' logsig.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import pytest
import sympy as sp
from sympy.parsing.sympy_parser import implicit_multiplication_application, parse_expr, standard_transformations

from tests.support import ROOT, oracle
from tests.support.snippets import render_with_example

EXAMPLES = [ROOT / "backprop" / "example.json", ROOT / "tests" / "examples" / "tanh-hidden.json"]
HIDDEN_PAGES = ("rule-hidden-weights", "rule-hidden-biases")

# The hidden activations an example file may name, in sympy: each from its definition, not from its derivative.
ACTIVATION = {"logsig": lambda v: 1 / (1 + sp.exp(-v)), "tansig": sp.tanh}


@cache
def rendered(path: Path) -> dict[str, str]:
    return render_with_example(path, HIDDEN_PAGES)


def hidden_of(path: Path) -> str:
    return oracle.load_example(path)["hidden"]


# --- TeX -> sympy -----------------------------------------------------------------------------------------

F, ETA, D, Y, W4I, XK = sp.symbols("F eta d y w4i xk", real=True)
# The names the formulas use, longest first, each to the symbol it becomes.
NAMES = [("f(v_i(n))", "F"), ("f(v_i)", "F"), ("w_{4i}(n)", "w4i"), ("x_k(n)", "xk"), ("d(n)", "d"), ("y(n)", "y"),
         (r"\eta", "eta")]
BRACKETS = [(r"\big(", "("), (r"\big)", ")"), (r"\bigl(", "("), (r"\bigr)", ")"), (r"\big[", "("), (r"\big]", ")"),
            (r"\Big[", "("), (r"\Big]", ")")]


def to_sympy(tex: str) -> sp.Expr:
    """A product as the pages write it (``\\eta\\, \\big(d(n) - y(n)\\big)\\, w_{4i}(n)\\, ...``) as a sympy expression
    in F = f(v_i), eta, d, y, w4i, xk. Juxtaposition is multiplication, as in TeX; anything unknown fails."""
    text = tex
    for old, new in [*NAMES, *BRACKETS]:
        text = text.replace(old, f" {new} " if new.isalpha() else new)
    text = text.replace(r"\,", " ").replace(r"\cdot", "*").replace("^", "**").replace("{", "(").replace("}", ")")
    assert "\\" not in text and "_" not in text, f"TeX left after translation: {text!r} (from {tex!r})"
    names = {"F": F, "eta": ETA, "d": D, "y": Y, "w4i": W4I, "xk": XK}
    return parse_expr(text, local_dict=names, transformations=(*standard_transformations,
                                                               implicit_multiplication_application))


# --- the network in sympy, with the example's hidden activation -------------------------------------------

X = sp.symbols("x1 x2", real=True)
W = {(i, k): sp.Symbol(f"w{i}{k}", real=True) for i in (1, 2, 3) for k in (1, 2)}
W4 = [sp.Symbol(f"w4{i}", real=True) for i in (1, 2, 3)]
B = [sp.Symbol(f"b{i}", real=True) for i in (1, 2, 3)]
B4 = sp.Symbol("b4", real=True)
V = [W[i, 1] * X[0] + W[i, 2] * X[1] + B[i - 1] for i in (1, 2, 3)]  # v_i


def network(hidden: str):
    """y_hi, y and E = ½ (d - y)² of the 2-3-1 network with a purelin output and the ``hidden`` activation."""
    f = ACTIVATION[hidden]
    y_h = [f(v) for v in V]
    y = sum(w * yh for w, yh in zip(W4, y_h, strict=True)) + B4
    return y_h, y, sp.Rational(1, 2) * (D - y) ** 2


def points(expr: sp.Expr, count: int = 4, seed: int = 7) -> list[dict]:
    """A few random points for every free symbol (small values of both signs: no neuron saturates)."""
    rng = random.Random(seed)
    return [{s: sp.Float(rng.uniform(-1.2, 1.2)) for s in expr.free_symbols} for _ in range(count)]


def assert_is_the_gradient(shown_delta: sp.Expr, hidden: str, theta: str, where: str) -> None:
    """``shown_delta`` (in F, eta, d, y, w4i, xk) equals -η ∂E/∂θ for every hidden neuron i (and input k)."""
    y_h, y, cost = network(hidden)
    for i in (1, 2, 3):
        for k in ((1, 2) if theta == "w" else (None,)):
            param = W[i, k] if theta == "w" else B[i - 1]
            target = -ETA * sp.diff(cost, param)
            values = {F: y_h[i - 1], Y: y, W4I: W4[i - 1], XK: X[k - 1] if k else sp.Integer(1)}
            shown = shown_delta.xreplace(values)
            for point in points(target + shown):
                got, want = float(shown.xreplace(point)), float(target.xreplace(point))
                assert got == pytest.approx(want, rel=1e-10, abs=1e-12), (
                    f"{where}: the shown rule for {param} is not -eta dE/d{param} of the {hidden} network "
                    f"(at {point}: {got} against {want})")


def section(text: str, heading: str) -> str:
    """The Markdown from the heading that starts with ``heading`` to the next heading of level 2."""
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else len(text)]


# --- the formulas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("page", "heading", "theta", "old"), [
    ("rule-hidden-weights", "## For each weight", "w", r"w_{ik}(n)"),
    ("rule-hidden-biases", "## For each bias", "b", r"b_i(n)"),
])
def test_the_for_each_formula_has_the_examples_derivative(path, page, heading, theta, old):
    """'For each weight' / 'For each bias': θ(n+1) = θ(n) + [shown] is -η ∂E/∂θ of the example's own network."""
    text = section(rendered(path)[page], heading)
    line = re.search(rf"^&= {re.escape(old)} \+ (.+?)\s*$", text, re.M)
    assert line, f"{page}: no line '&= {old} + ...' in the section {heading!r}:\n{text}"
    shown = to_sympy(line[1])
    assert shown.has(F), f"{page}: the shown rule has no f(v_i): {line[1]!r}"
    assert_is_the_gradient(shown, hidden_of(path), theta, f"{page} ({path.name})")


def test_the_translation_tells_the_two_derivatives_apart():
    """The check above can fail: the slides' logsig formula is not the tanh network's gradient, and a tanh factor
    written without brackets is read as TeX reads it (not as the intended product)."""
    logsig_rule = to_sympy(r"\eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n)")
    with pytest.raises(AssertionError):
        assert_is_the_gradient(logsig_rule, "tansig", "w", "logsig's factor on a tanh network")
    assert_is_the_gradient(logsig_rule, "logsig", "w", "logsig's factor on a logsig network")
    unbracketed = to_sympy(r"\eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, 1 - f(v_i(n))^2\, x_k(n)")
    with pytest.raises(AssertionError):
        assert_is_the_gradient(unbracketed, "tansig", "w", "tanh's factor without brackets")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("page", "box"), [("rule-hidden-weights", "Rule (3)"), ("rule-hidden-biases", "Rule (4)")])
def test_the_rule_box_says_whose_derivative_it_shows(path, page, box):
    """The success box keeps the slides' formula, names it the slides' logsig, and for an example with another hidden
    activation gives that activation's f'(v_i), checked against the derivative of its definition."""
    text = rendered(path)[page]
    start = text.index(f'!!! success "{box}')
    body = text[start:text.index("\n\n", text.index("$$", text.index("$$", start) + 2))]  # up to the formula's end
    assert "logsig" in body, f"{page}: the {box} box does not say its f(v_i)(1 - f(v_i)) is the slides' logsig"
    hidden = hidden_of(path)
    after = text[start:text.index("\n##", start)]
    note = re.search(r"hidden layer is the [a-z ]+: .*?\$f'\(v_i\) = (.+?)\$ in place of", after, re.S)
    if hidden == "logsig":
        assert note is None, f"{page}: a note about another hidden activation in the logsig build"
        return
    assert note, f"{page}: the {box} box does not give the {hidden} example's own f'(v_i):\n{after}"
    v = sp.Symbol("v", real=True)
    f = ACTIVATION[hidden](v)
    shown = to_sympy(note[1]).xreplace({F: f})
    for point in ({v: sp.Float(t)} for t in (-1.3, -0.2, 0.4, 1.1)):
        assert float(shown.xreplace(point)) == pytest.approx(float(sp.diff(f, v).xreplace(point)), rel=1e-12), note[1]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("page", HIDDEN_PAGES)
def test_the_intro_note_gives_the_examples_derivative(path, page):
    """The note at the top of a page built with a non-logsig example: its f'(v_i) is the derivative of its f."""
    text = rendered(path)[page]
    note = re.search(r'!!! note "This example\'s hidden layer:.*?with \$f\'\(v_i\) = (.+?)\$', text, re.S)
    hidden = hidden_of(path)
    assert (note is None) == (hidden == "logsig")
    if note:
        v = sp.Symbol("v", real=True)
        f = ACTIVATION[hidden](v)
        shown = to_sympy(note[1]).xreplace({F: f})
        for t in (-1.3, -0.2, 0.4, 1.1):
            assert float(shown.subs(v, t)) == pytest.approx(float(sp.diff(f, v).subs(v, t)), rel=1e-12), note[1]
