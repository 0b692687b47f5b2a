"""The slides' errata (docs/errata.md), proved with sympy: each slide equation is wrong, each correction right.

Nothing here uses the package: every expected value is derived by sympy from the definitions
(s(z) = 1/(1 + exp(-z)), E = 1/2 sum_j e_j^2, the forward pass). A claim of
"wrong" is proved by a witness point where the two sides differ; a claim of "right" by
``simplify(lhs - rhs) == 0``. So every test can fail both ways.

The ``ERRATA`` registry maps each erratum id on the page to its test; ``test_page_lists_every_erratum``
checks the built page and the registry against each other. The page's remark (not an erratum: the slides'
output rules are exact for the linear outputs the slides define) has its proof in ``REMARKS``.

The page's own checks run at build time with the worked example in use; ``test_page_checks_*`` run them here
and compare what they print with what sympy proves (counts, verdicts), for whatever the example is.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
import sympy as sp

from tests.support import ROOT
from tests.support.check_words import ONE_SATURATED
from tests.support.pages import formula_decimal
from tests.support.snippets import collect, render_block, run_with_example
from tests.support.symbolic import identical

PAGE = ROOT / "docs" / "errata.md"
ERRATA: dict[str, Callable[[], None]] = {}
REMARKS: dict[str, Callable[[], None]] = {}


def erratum(anchor: str, registry: dict[str, Callable[[], None]] = ERRATA) -> Callable[[Callable[[], None]],
                                                                                      Callable[[], None]]:
    """Register a test as the proof of the erratum (or, with ``REMARKS``, the remark) with this anchor id."""

    def register(test: Callable[[], None]) -> Callable[[], None]:
        registry[anchor] = test
        return test

    return register


def differs_at(a: sp.Expr, b: sp.Expr, point: dict) -> bool:
    """True when ``a`` and ``b`` have different values at ``point``: a witness that they are not identical."""
    gap = sp.N((a - b).xreplace(point), 30)  # every key is a symbol: replace it, no pattern matching
    return gap.is_number and abs(gap) > 1e-12


def logsig(t: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-t))


# --- the network, symbolically ---------------------------------------------------------------------------

x1, x2 = sp.symbols("x1 x2", real=True)
X = [x1, x2]
W_HID = [[sp.Symbol(f"w{i}{k}", real=True) for k in (1, 2)] for i in (1, 2, 3)]  # w_ik
B_HID = [sp.Symbol(f"b{i}", real=True) for i in (1, 2, 3)]
# Numbers for witnesses, chosen here (not the worked example's): x = (3/4, -2/5), w_ik = (3i - 2k)/10, b_i = i/20 - 1/8.
POINT = {x1: sp.Rational(3, 4), x2: sp.Rational(-2, 5)}
POINT.update({W_HID[i][k]: sp.Rational(3 * (i + 1) - 2 * (k + 1), 10) for i in range(3) for k in range(2)})
POINT.update({B_HID[i]: sp.Rational(i + 1, 20) - sp.Rational(1, 8) for i in range(3)})


def v_hidden_explicit(i: int) -> sp.Expr:
    """The slides' own written-out line, e.g. v_1 = w_11 x_1 + w_12 x_2 + b_1 (i counts from 0)."""
    return W_HID[i][0] * x1 + W_HID[i][1] * x2 + B_HID[i]


def network(n_out: int, output: Callable[[sp.Expr], sp.Expr] = lambda v: v):
    """Symbols and the total cost of a 2-3-n_out network with logsig hidden neurons."""
    w_out = [[sp.Symbol(f"w{4 + j}{i}", real=True) for i in (1, 2, 3)] for j in range(n_out)]  # w_ji
    b_out = [sp.Symbol(f"b{4 + j}", real=True) for j in range(n_out)]
    d = [sp.Symbol(f"d{4 + j}", real=True) for j in range(n_out)]
    v_h = [v_hidden_explicit(i) for i in range(3)]
    y_h = [logsig(v) for v in v_h]
    v_o = [sum(w_out[j][i] * y_h[i] for i in range(3)) + b_out[j] for j in range(n_out)]
    y_o = [output(v) for v in v_o]
    e = [d[j] - y_o[j] for j in range(n_out)]
    E_j = [sp.Rational(1, 2) * e[j] ** 2 for j in range(n_out)]
    point = dict(POINT)
    point.update({w_out[j][i]: sp.Rational(7 + i + 3 * j, 10) * (-1) ** j for j in range(n_out) for i in range(3)})
    point.update({b_out[j]: sp.Rational(4, 10) for j in range(n_out)})
    point.update({d[j]: sp.Rational(1, 1 + j) for j in range(n_out)})
    return dict(w_out=w_out, b_out=b_out, d=d, v_h=v_h, y_h=y_h, v_o=v_o, y_o=y_o, e=e, E_j=E_j,
                E=sum(E_j), point=point)


# --- 1 and 2: the indices of the forward pass ----------------------------------------------------------

w = sp.IndexedBase("w", real=True)
xk = sp.IndexedBase("x", real=True)
b = sp.IndexedBase("b", real=True)
i, k, kk = sp.symbols("i k kk", integer=True)


def to_symbols(expr: sp.Expr) -> sp.Expr:
    """Replace w[i, k], x[k], b[i] (1-based) by the symbols of the network above."""
    subs = {w[a + 1, c + 1]: W_HID[a][c] for a in range(3) for c in range(2)}
    subs.update({xk[c + 1]: X[c] for c in range(2)})
    subs.update({b[a + 1]: B_HID[a] for a in range(3)})
    return expr.subs(subs)


@erratum("erratum-forward-index")
def test_forward_index():
    # Slide: v_k = sum_{k=1~3, i=1~2} w_ki x_i + b_k. The sum binds k, so only b_k still knows the neuron.
    slide_sum = sp.Sum(w[k, i] * xk[i], (k, 1, 3), (i, 1, 2))
    assert k not in slide_sum.free_symbols
    for neuron in (1, 2, 3):
        slide = to_symbols(slide_sum.doit() + b[neuron])
        assert differs_at(slide, v_hidden_explicit(neuron - 1), POINT)
        corrected = to_symbols(sp.Sum(w[neuron, kk] * xk[kk], (kk, 1, 2)).doit() + b[neuron])
        assert identical(corrected, v_hidden_explicit(neuron - 1))


@erratum("erratum-sum-index")
def test_sum_index():
    # Slide: v_i = sum_i w_ik x_k + b_i. Summed over i, the right side still has a free k.
    slide_sum = sp.Sum(w[i, k] * xk[k], (i, 1, 3))
    assert k in slide_sum.free_symbols and i not in slide_sum.free_symbols
    for neuron in (1, 2, 3):
        for k_value in (1, 2):  # whatever k the reader picks, it is wrong
            slide = to_symbols(slide_sum.doit().subs(k, k_value) + b[neuron])
            assert differs_at(slide, v_hidden_explicit(neuron - 1), POINT)
        corrected = to_symbols(sp.Sum(w[neuron, k] * xk[k], (k, 1, 2)).doit() + b[neuron])
        assert identical(corrected, v_hidden_explicit(neuron - 1))


# --- 3: the derivative of the sigmoid ------------------------------------------------------------------

z, xs = sp.symbols("z x", real=True)
U = 1 + sp.exp(-z)
DS = sp.diff(logsig(z), z)  # the truth, by sympy


@erratum("erratum-sigmoid-derivation")
def test_sigmoid_derivation():
    s = logsig(z)
    slide = {
        "S1": (1 / U) ** 2 * sp.diff(U, z),
        "S2": (1 / U) ** 2 * sp.exp(-z) * (-1),
        "S3": (1 / U) * (1 / U) - sp.exp(-xs),
        "S4": (1 / U) * (-sp.exp(-z) / U),
    }
    for name, line in slide.items():
        assert differs_at(line, DS, {z: 0, xs: 0}), name
    # (S3) is wrong whatever x is: at z = 0 it differs from the truth by -e^{-x}, never 0.
    assert identical((slide["S3"] - DS).subs(z, 0), -sp.exp(-xs))
    # (S2) and (S4) are exactly minus the truth: the sign lost in (S1), carried along; (S4) equals (S2).
    assert identical(slide["S1"], -DS) and identical(slide["S2"], -DS) and identical(slide["S4"], -DS)
    assert identical(slide["S4"], slide["S2"])
    # (S3) read as a product whose brackets were lost, with z for x, is (S2) again: still the lost sign.
    assert identical((1 / U) * (1 / U) * (-sp.exp(-z)), slide["S2"])
    # Multiplying by e^{-z}/(1 + e^{-z}) instead would give e^{-z}/u^3, also wrong: the missing factor is e^{-z}.
    assert identical((1 / U) * (1 / U) * (sp.exp(-z) / U), sp.exp(-z) / U**3)
    assert differs_at(sp.exp(-z) / U**3, DS, {z: 0})
    assert identical((1 / U) * (1 / U) * sp.exp(-z), DS)
    # (S5) is right, but (S4) does not lead to it.
    assert identical(s * (1 - s), DS)
    corrected = {
        "C1": -(U**-2) * sp.diff(U, z),
        "C2": -(U**-2) * sp.exp(-z) * (-1),
        "C2b": sp.exp(-z) / U**2,
        "C3": (1 / U) * (sp.exp(-z) / U),
        "C4": s * (1 - s),
    }
    for name, line in corrected.items():
        assert identical(line, DS), name
    assert identical(sp.exp(-z) / U, ((1 + sp.exp(-z)) - 1) / U)
    assert identical(((1 + sp.exp(-z)) - 1) / U, 1 - s)  # the missing step


def test_tanh_derivation_is_right():
    g = sp.sinh(z) / sp.cosh(z)
    assert identical(g.rewrite(sp.exp), (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z)))
    truth = sp.diff(sp.tanh(z), z)
    lines = [
        (sp.diff(sp.sinh(z), z) * sp.cosh(z) - sp.diff(sp.cosh(z), z) * sp.sinh(z)) / sp.cosh(z) ** 2,
        (sp.cosh(z) ** 2 - sp.sinh(z) ** 2) / sp.cosh(z) ** 2,
        1 - sp.sinh(z) ** 2 / sp.cosh(z) ** 2,
        1 - sp.tanh(z) ** 2,
    ]
    for line in lines:
        assert identical(line.rewrite(sp.exp), truth.rewrite(sp.exp))


# --- 4: the table of derivatives -----------------------------------------------------------------------

t = sp.Symbol("t", real=True, nonzero=True)
tp = sp.Symbol("tp", positive=True)
tn = sp.Symbol("tn", negative=True)
a = sp.Symbol("a", positive=True)


def derivative_row_holds(f: Callable[[sp.Expr], sp.Expr], rhs: Callable[[sp.Expr], sp.Expr], var: sp.Symbol) -> bool:
    return identical(sp.diff(f(var), var).rewrite(sp.exp), rhs(var).rewrite(sp.exp))


RIGHT_ROWS = {  # name: (function, the slide's right-hand side, variables it is claimed for)
    "e^x": (sp.exp, sp.exp, [t]),
    "a^x": (lambda u: a**u, lambda u: a**u * sp.log(a), [t]),
    "ln x": (sp.log, lambda u: 1 / u, [tp]),
    "ln|x|": (lambda u: sp.log(sp.Abs(u)), lambda u: 1 / u, [tp, tn]),
    "log_a x": (lambda u: sp.log(u, a), lambda u: 1 / (u * sp.log(a)), [tp]),
    "sinh": (sp.sinh, sp.cosh, [t]),
    "tanh": (sp.tanh, lambda u: sp.sech(u) ** 2, [t]),
    "sech": (sp.sech, lambda u: -sp.sech(u) * sp.tanh(u), [t]),
    "cosh": (sp.cosh, sp.sinh, [t]),
}


@pytest.mark.parametrize("row", sorted(RIGHT_ROWS))
def test_derivative_table_rows_that_are_right(row):
    f, rhs, variables = RIGHT_ROWS[row]
    for var in variables:
        assert derivative_row_holds(f, rhs, var), (row, var)


WRONG_ROWS = {  # the slide's two other rows, as printed: (function, right-hand side)
    "coth": (sp.coth, lambda u: -sp.cosh(u) ** 2),
    "cosh, last row": (sp.cosh, lambda u: -sp.cosh(u) * sp.coth(u)),
}


def test_the_slide_table_rows_are_these():
    """The slide's table (see the slides' text) has 11 rows: the 9 above and the 2 of erratum 4."""
    assert len(RIGHT_ROWS) + len(WRONG_ROWS) == 11
    for f, rhs in WRONG_ROWS.values():
        assert not derivative_row_holds(f, rhs, t)


@erratum("erratum-derivative-table")
def test_derivative_table():
    one = {t: 1}
    # Slide: d/dx coth x = -cosh^2 x. Wrong; -csch^2 x is right.
    assert not derivative_row_holds(sp.coth, lambda u: -sp.cosh(u) ** 2, t)
    assert differs_at(sp.diff(sp.coth(t), t), -sp.cosh(t) ** 2, one)
    assert derivative_row_holds(sp.coth, lambda u: -sp.csch(u) ** 2, t)
    # Slide: d/dx cosh x = -cosh x coth x. Wrong (d/dx cosh x = sinh x, the row above); the csch row is right.
    assert not derivative_row_holds(sp.cosh, lambda u: -sp.cosh(u) * sp.coth(u), t)
    assert differs_at(sp.diff(sp.cosh(t), t), -sp.cosh(t) * sp.coth(t), one)
    assert derivative_row_holds(sp.csch, lambda u: -sp.csch(u) * sp.coth(u), t)


# --- 5 and 6: the update rules -------------------------------------------------------------------------


def f_prime_hidden(net: dict, i: int) -> sp.Expr:
    """The slides' f'(v_i) = f(v_i)(1 - f(v_i)) for the logsig hidden neuron i (from 0)."""
    return net["y_h"][i] * (1 - net["y_h"][i])


@erratum("erratum-sum-over-outputs")
def test_sum_over_outputs():
    for n_out in (1, 2):
        net = network(n_out)
        w_out, e, E, point = net["w_out"], net["e"], net["E"], net["point"]
        for i in range(3):
            for k in range(2):
                w_ik = W_HID[i][k]
                # Slide: dE_j/dw_ik = -e_j f'(v_j) w_ji f'(v_i) x_k, with f'(v_j) = 1 (linear output).
                slide = [-e[j] * 1 * w_out[j][i] * f_prime_hidden(net, i) * X[k] for j in range(n_out)]
                corrected = sum(slide)  # dE/dw_ik = -[sum_j e_j f'(v_j) w_ji] f'(v_i) x_k
                # The slides' chain rule is right for the E_j it differentiates ...
                for j in range(n_out):
                    assert identical(slide[j], sp.diff(net["E_j"][j], w_ik))
                # ... but the network's cost is E = sum_j E_j: with two outputs one E_j is not enough.
                if n_out == 1:
                    assert identical(slide[0], sp.diff(E, w_ik))
                else:
                    for j in range(n_out):
                        assert differs_at(slide[j], sp.diff(E, w_ik), point), (i, k, j)
                assert identical(corrected, sp.diff(E, w_ik))
            # Rule (4), the bias: dv_i/db_i = 1 replaces x_k.
            slide_b = [-e[j] * w_out[j][i] * f_prime_hidden(net, i) for j in range(n_out)]
            if n_out == 2:
                assert differs_at(slide_b[0], sp.diff(E, B_HID[i]), point)
                assert differs_at(slide_b[1], sp.diff(E, B_HID[i]), point)
            assert identical(sum(slide_b), sp.diff(E, B_HID[i]))


@erratum("remark-output-derivative", REMARKS)
def test_output_derivative():
    """A remark, not an erratum: the slides' output rules are exact for a linear output (every output they define),
    and miss exactly the factor f'(v_j) for any other."""
    g = sp.Function("g")  # any output activation
    v = sp.Symbol("v", real=True)
    for output, linear in [(lambda u: u, True), (logsig, False), (g, False)]:
        net = network(1, output)
        w_out, b_out, e, E, point = net["w_out"], net["b_out"], net["e"], net["E"], net["point"]
        v_j = net["v_o"][0]
        f_prime_output = sp.diff(output(v), v).subs(v, v_j)
        for i in range(3):
            # Slide's result: Delta w_ji = eta (d_j - y_j) f(v_i), i.e. dE/dw_ji = -e_j f(v_i).
            slide = -e[0] * net["y_h"][i]
            corrected = -e[0] * f_prime_output * net["y_h"][i]
            assert identical(corrected, sp.diff(E, w_out[0][i]))
            if linear:
                assert identical(slide, sp.diff(E, w_out[0][i]))
            elif output is logsig:
                assert differs_at(slide, sp.diff(E, w_out[0][i]), point)
            else:  # for any g, the slide's result misses exactly the factor g'(v_j)
                assert identical(sp.diff(E, w_out[0][i]) - slide, -e[0] * (f_prime_output - 1) * net["y_h"][i])
        slide_b, corrected_b = -e[0], -e[0] * f_prime_output
        assert identical(corrected_b, sp.diff(E, b_out[0]))
        if linear:
            assert identical(slide_b, sp.diff(E, b_out[0]))
        elif output is logsig:
            assert differs_at(slide_b, sp.diff(E, b_out[0]), point)


def test_written_out_rules_are_right():
    """All thirteen written-out updates of the slides (w_41 ... b_3), for the slides' 2-3-1 network."""
    net = network(1)
    e, E, (w4,) = net["e"][0], net["E"], net["w_out"]
    y_h = net["y_h"]
    # -dE/dtheta as the slides write it (Delta theta / eta).
    slides = {w4[i]: e * y_h[i] for i in range(3)}
    slides[net["b_out"][0]] = e
    for i in range(3):
        for k in range(2):
            slides[W_HID[i][k]] = e * w4[i] * y_h[i] * (1 - y_h[i]) * X[k]
        slides[B_HID[i]] = e * w4[i] * y_h[i] * (1 - y_h[i])
    assert len(slides) == 13
    for theta, rhs in slides.items():
        assert identical(rhs, -sp.diff(E, theta)), theta


# --- the page ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_page_lists_every_erratum(site_build):
    page = (site_build.dir / "errata" / "index.html").read_text()
    ids = set(re.findall(r'id="(erratum-[\w-]+)"', page))
    assert ids == set(ERRATA), f"on the page only: {ids - set(ERRATA)}; tested only: {set(ERRATA) - ids}"
    assert set(re.findall(r'id="(remark-[\w-]+)"', page)) == set(REMARKS)
    summary = page[: page.index('id="erratum-')]
    for anchor in ERRATA:
        assert f'href="#{anchor}"' in summary, f"the summary table does not link to {anchor}"
    rows = re.findall(r"<tr>.*?</tr>", summary, re.S)
    assert len([r for r in rows if "#erratum-" in r]) == len(ERRATA), "one summary row per erratum"
    assert not [r for r in rows if "#remark-" in r], "a remark is not a row of the errata table"
    # Each erratum's own check, run at build time, shows the slide's version failing and the fix passing.
    sections = re.split(r'<h2 id="', page)
    for anchor in ERRATA:
        (section,) = [s for s in sections if s.startswith(anchor + '"')]
        text = html.unescape(re.sub(r"<[^>]+>", " ", section))
        assert re.search(r"\bdiffers\b|\bFalse\b", text), f"{anchor}: no failing original in its check"
        assert re.search(r"\bagrees\b|\bTrue\b", text), f"{anchor}: no passing correction in its check"
        assert "Traceback" not in text


# --- the page's own checks, run here for the example in use ------------------------------------------------


@functools.cache
def section_outputs() -> dict[str, str]:
    """What the checks of each section of the page print, by the section's anchor id."""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    headings = [(n + 1, m.group(1)) for n, line in enumerate(lines) if (m := re.match(r"^## .*\{\s*#([\w-]+)", line))]
    out: dict[str, str] = {}
    for snippet in collect(PAGE):
        if 'exec="1"' in snippet.info:
            anchor = [a for line, a in headings if line < snippet.line][-1]
            out[anchor] = out.get(anchor, "") + render_block(snippet)
    return out


def verdicts(text: str) -> dict[str, str]:
    """The first cell of each table row whose last cell is a verdict, mapped to the verdict."""
    rows = re.findall(r"^\| (.*?) \|.*\| (agrees|\*\*differs\*\*) \|$", text, re.M)
    return {first: verdict.strip("*") for first, verdict in rows}


def test_page_checks_fail_each_slide_version_and_pass_each_correction():
    out = section_outputs()
    for anchor in ERRATA:
        text = out[anchor]
        assert re.search(r"\bdiffers\b|\*\*False\*\*", text), f"{anchor}: no failing original in its check"
        assert re.search(r"\bagrees\b|\*\*True\*\*", text), f"{anchor}: no passing correction in its check"
    for anchor in ("erratum-forward-index", "erratum-sum-index"):  # see the test below for the exception
        assert "by coincidence" not in out[anchor], f"{anchor}: a coincidence is claimed for this example"


# The first two errata's checks compare the slide's sums with v_i for the worked example's input. With x = (0, 0), a
# valid example, every weighted input is 0 and the slide's sums give v_i = b_i too: the checks then say "True", and the
# page must say why rather than leave the slide's formula looking right.
COINCIDENCE_RUN = """
import json
from pathlib import Path
from tests.support.snippets import collect, render_block
blocks = [s for s in collect(Path("docs/errata.md")) if 'exec="1"' in s.info][:2]
print(json.dumps([render_block(s) for s in blocks]))
"""


def _errata_1_and_2(tmp_path, example):
    """The text of errata 1 and 2's blocks, run with ``example`` as the worked example."""
    file = tmp_path / "example.json"
    file.write_text(json.dumps(example), encoding="utf-8")
    first, second = json.loads(run_with_example(file, COINCIDENCE_RUN, None, "errata 1 and 2's blocks"))
    return first, second


def test_page_checks_explain_a_coincidence_at_x_zero(tmp_path):
    from tests.support import oracle

    example = oracle.shipped()  # x = (0, 0) with an edited file's practice example may share its fields (refused)
    example["x"] = [0.0, 0.0]
    first, second = _errata_1_and_2(tmp_path, example)
    assert "Literal reading agrees: **True**" in first
    assert "agrees with the explicit lines for every neuron: **True**" in second
    for text in (first, second):
        assert "agrees by coincidence: with $x = (0, 0)$" in text, text


def test_page_check_of_erratum_2_explains_a_coincidence_with_sums_that_are_not_0(tmp_path):
    """The slide's sum over i, x_k times a column sum of w, is the same for every neuron; it matches every v_i when
    every neuron's weighted input is that one number, which need not be 0: every row of w equal to (0.25, 0.5) and
    x = (1, 1) give each neuron 0.25 + 0.5 = 0.75 and the sum with k = 1 is 3 * 0.25 * 1 = 0.75 too (with k = 2 it is
    1.5). The check assumed the sums were 0 and stopped the build though the page printed nothing false; it now says
    what the coincidence is, the k from plain arithmetic here. (The rows were (1/3, 2/3) once: a given number with
    more than the pages' 6 decimals is refused now.)"""
    example = json.loads((ROOT / "backprop" / "example.json").read_text(encoding="utf-8"))
    example.update(w_hidden=[[0.25, 0.5]] * 3, x=[1.0, 1.0])
    weighted = [row[0] * 1.0 + row[1] * 1.0 for row in example["w_hidden"]]  # each neuron's w_i1 x_1 + w_i2 x_2
    slide = [sum(row[k] for row in example["w_hidden"]) * 1.0 for k in range(2)]  # x_k sum_i w_ik
    assert all(s == 0.75 for s in weighted) and slide == [0.75, 1.5]  # exact in binary
    first, second = _errata_1_and_2(tmp_path, example)
    assert "agrees with the explicit lines for every neuron: **True**" in second
    text = " ".join(second.split())
    assert ("For this example the slide's version agrees by coincidence: with $x = (1, 1)$ every neuron's weighted "
            r"input $w_{i1} x_1 + w_{i2} x_2$ is the same, and the slide's sum $\sum_i w_{i1}\, x_1$ happens to equal "
            "it.") in text, text
    assert "is 0" not in text
    assert "Literal reading agrees: **False**" in first and "by coincidence" not in first  # erratum 1: 3 * 1 is not 1



def test_page_check_of_erratum_1_explains_a_neuron_the_literal_reading_gets_right(tmp_path):
    """A reviewer's example (x = (0, 0.8)): erratum 1's table printed 1.100000 in every column for neuron 2, then only
    "Literal reading agrees: False". The literal sum adds the other neurons' weighted inputs, here -2 * 0.8 and
    2 * 0.8, which cancel; the page now says so, with those numbers (plain arithmetic here)."""
    example = {"w_hidden": [[0.5, -2.0], [-0.8, 1.5], [1.2, 2.0]], "b_hidden": [0.2, -0.1, -0.4],
               "w_output": [[1.5, -0.7, 0.9]], "b_output": [0.3], "hidden": "tansig", "output": "purelin",
               "x": [0.0, 0.8], "d": 1.5, "eta": 1.0}
    weighted = [row[0] * 0.0 + row[1] * 0.8 for row in example["w_hidden"]]
    assert weighted[0] + weighted[2] == 0 and weighted[0] + weighted[1] != 0, "the premise: neuron 2's others cancel"
    first, _ = _errata_1_and_2(tmp_path, example)
    text = " ".join(first.split())
    assert "Literal reading agrees: **False**" in text
    assert ("For this example the literal reading happens to give the right value for neuron 2: to its own "
            "weighted input it adds the other neurons', $w_{11} x_1 + w_{12} x_2 = -1.600000$ and "
            "$w_{31} x_1 + w_{32} x_2 = 1.600000$, and these add up to $0.000000$. A coincidence of the numbers, "
            "not of the formula: for neurons 1 and 3 it is wrong.") in text, text

def test_erratum_1_adds_up_the_numbers_by_hand_not_their_doubles(tmp_path):
    """A TA's example (x = (0.5, -1)): neuron 2's others, 0.8 * 0.5 + 0.3 * (-1) = 0.1 and -0.6 * 0.5 + (-0.2) * (-1) =
    -0.1, cancel exactly, and the page said they "add up to 5.6e-17", the sum of their doubles, which no one adding
    up the numbers gets. Exact decimals here."""
    example = {"w_hidden": [[0.8, 0.3], [0.4, 0.2], [-0.6, -0.2]], "b_hidden": [0.1, 0.0, 0.25],
               "w_output": [[0.9, -0.7, 0.45]], "b_output": [-0.2], "hidden": "tansig", "output": "purelin",
               "x": [0.5, -1.0], "d": -1.3, "eta": 0.35}
    w, x = [[Decimal(str(v)) for v in row] for row in example["w_hidden"]], [Decimal(str(v)) for v in example["x"]]
    weighted = [row[0] * x[0] + row[1] * x[1] for row in w]
    assert weighted[0] + weighted[2] == 0 and weighted[0] + weighted[1] != 0, "the premise: neuron 2's others cancel"
    assert sum(float(row[0]) * float(x[0]) + float(row[1]) * float(x[1]) for row in w[::2]) != 0, "the premise"
    first, _ = _errata_1_and_2(tmp_path, example)
    text = " ".join(first.split())
    assert ("happens to give the right value for neuron 2: to its own weighted input it adds the other neurons', "
            "$w_{11} x_1 + w_{12} x_2 = 0.100000$ and $w_{31} x_1 + w_{32} x_2 = -0.100000$, and these add up to "
            "$0.000000$.") in text, text


def test_erratum_1_adds_up_the_numbers_as_typed_not_as_written(tmp_path):
    """A code review: the written terms 0.123457 and -0.123456 add up to 1.0e-6 while the table prints the literal and
    the explicit v_2 alike (-0.196000): by hand, from the numbers as typed, they add up to 2e-8 (exact decimals)."""
    example = {"w_hidden": [[12.345651, 0.0], [0.4, 0.2], [-12.345649, 0.0]], "b_hidden": [0.1, 0.0, 0.25],
               "w_output": [[0.9, -0.7, 0.45]], "b_output": [-0.2], "hidden": "tansig", "output": "purelin",
               "x": [0.01, -1.0], "d": -1.3, "eta": 0.35}
    by_hand = Decimal("12.345651") * Decimal("0.01") + Decimal("-12.345649") * Decimal("0.01")
    assert by_hand == Decimal("2E-8"), "the premise"
    first, _ = _errata_1_and_2(tmp_path, example)
    text = " ".join(first.split())
    assert ("$w_{11} x_1 + w_{12} x_2 = 0.123457$ and $w_{31} x_1 + w_{32} x_2 = -0.123456$, and these add up to "
            r"$2.0 \times 10^{-8}$.") in text, text


def test_errata_1_and_2_say_once_which_neurons_a_coincidence_gets_right(tmp_path):
    """A TA's example (x = (0.5, 0), w_i1 = 0.4, -0.4, 0.4): the literal reading of erratum 1 gets neurons 1 and 3 right
    (the other two weighted inputs, -0.2 and 0.2, cancel for each) and the page wrote the same paragraph twice; erratum
    2's sum over i with k = 1 gets both right, written 'neuron 1 with k = 1 and neuron 3 with k = 1'. One sentence each,
    from plain arithmetic here."""
    example = {"w_hidden": [[0.4, 0.7], [-0.4, 0.7], [0.4, -0.2]], "b_hidden": [0.1, -0.1, 0.1],
               "w_output": [[0.5, 0.5, -0.5]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
               "x": [0.5, 0.0], "d": -1.0, "eta": 0.1}
    weighted = [row[0] * 0.5 + row[1] * 0.0 for row in example["w_hidden"]]
    assert weighted[1] + weighted[2] == 0 == weighted[0] + weighted[1] != weighted[0] + weighted[2], "the premise"
    column = sum(row[0] for row in example["w_hidden"]) * 0.5  # the slide's sum over i with k = 1
    assert [math.isclose(column, weighted[i]) for i in range(3)] == [True, False, True], "the premise"
    first, second = (" ".join(t.split()) for t in _errata_1_and_2(tmp_path, example))
    assert ("For this example the literal reading happens to give the right value for neurons 1 and 3: to each "
            "one's own weighted input it adds the other neurons', which cancel: for neuron 1, "
            "$w_{21} x_1 + w_{22} x_2 = -0.200000$ and $w_{31} x_1 + w_{32} x_2 = 0.200000$, and these add up to "
            "$0.000000$; for neuron 3, $w_{11} x_1 + w_{12} x_2 = 0.200000$ and $w_{21} x_1 + w_{22} x_2 = "
            "-0.200000$, and these add up to $0.000000$. A coincidence of the numbers, not of the formula: for "
            "neuron 2 it is wrong.") in first, first
    assert first.count("happens to give the right value") == 1
    assert ("For this example the slide's version happens to give the right value for neurons 1 and 3 with $k = 1$. "
            "A coincidence of the numbers, not of the formula: with the same $k$ it is wrong for another neuron."
            ) in second, second


def test_page_check_of_the_sigmoid_lines_says_what_sympy_proves():
    lines = verdicts(section_outputs()["erratum-sigmoid-derivation"])
    assert lines == {"(S1)": "differs", "(S2)": "differs", "(S3)": "differs", "(S3) as a product": "differs",
                     "(S4)": "differs", "(S5)": "agrees",
                     "(C1)": "agrees", "(C2)": "agrees", "(C3)": "agrees", "(C4)": "agrees"}


def test_page_counts_the_slide_table_rows_as_sympy_does():
    rows = [*RIGHT_ROWS.values(), *((f, rhs, [t]) for f, rhs in WRONG_ROWS.values())]
    right = sum(all(derivative_row_holds(f, rhs, var) for var in variables) for f, rhs, variables in rows)
    text = section_outputs()["erratum-derivative-table"]
    assert f"The slide's table has {len(rows)} rows: {right} agree, {len(rows) - right} differ." in text
    assert "The 2 corrected rows agree." in text


def test_page_check_of_the_sum_over_outputs():
    rows = re.findall(r"^\| (2-3-\d)[^|]* \| (.*?) \|.*\| (agrees|\*\*differs\*\*) \|$",
                      section_outputs()["erratum-sum-over-outputs"], re.M)
    assert len(rows) == 5
    for network, formula, verdict in rows:
        right = network == "2-3-1" or formula.startswith("corrected")
        assert (verdict == "agrees") == right, (network, formula, verdict)


def test_page_check_of_the_remark():
    rows = re.findall(r"^\| (purelin|logsig) \|.*\| (agrees|\*\*differs\*\*) \|$",
                      section_outputs()["remark-output-derivative"], re.M)
    assert sorted(rows) == [("logsig", "**differs**")] * 2 + [("purelin", "agrees")] * 2


def test_page_checked_and_correct_all_agree():
    text = section_outputs()["checked-and-correct"]
    updates = verdicts(text)
    assert len(updates) == 13 and set(updates.values()) == {"agrees"}, updates


def test_page_no_longer_says_what_the_review_found_false():
    page = PAGE.read_text(encoding="utf-8")
    activations = (PAGE.parent / "activations.md").read_text(encoding="utf-8")
    for wrong in ("should multiply", "eight of the ten", "other eight rows", "contain $f'(v_j) = 1$ silently"):
        assert wrong not in page, wrong
    assert "cancels the first one" not in activations
    assert "#erratum-output-derivative" not in page + activations


# The slides' titles of the four rules, as the slides write them (the lecture's text, not the example's numbers).
SLIDE_RULE_TITLES = {
    1: "Update rule for the weights of the output neurons",
    2: "Update rule for the biases of the output neurons",
    3: "Update rule for the weights of the hidden neurons",
    4: "Update rule for the biases of the hidden neurons",
}


def test_page_quotes_the_slides_rule_titles_as_they_are():
    """Erratum 5 rests on what the slides write: rules (1) and (2) are titled for the *output* neurons (plural),
    rules (3) and (4) for the *hidden* neurons, and keep the index j of a general output."""
    page = re.sub(r"\s+", " ", PAGE.read_text(encoding="utf-8"))
    # Every quoted title "(n) Update rule ..." on the page is the slides' title of rule n.
    for n, title in re.findall(r"\*\((\d)\) (Update rule [^*]*)\*", page):
        assert title == SLIDE_RULE_TITLES[int(n)], (n, title)
    # Whatever the page says about the titles, it says "output neurons" of rules (1) and (2) only ...
    for words in ("rules (3) and (4) for output neurons", "the rules' titles speak of the *output neurons*"):
        assert words not in page, words
    assert "title rules (1) and (2) for the weights and biases *of the output neurons*" in page
    assert "titles of rules (1) and (2) speak of the weights and biases *of the output neurons*" in page
    # ... and the hidden rules' titles are the hidden neurons'.
    assert "titled for the weights and the biases *of the hidden neurons*" in page
    assert all("hidden neurons" in SLIDE_RULE_TITLES[n] for n in (3, 4))
    assert all("output neurons" in SLIDE_RULE_TITLES[n] for n in (1, 2))


# --- the finite-difference checks with other examples ------------------------------------------------------
# Erratum 5, the remark and "Checked and correct" compare updates with finite differences. Their verdicts were
# "agrees" for a difference below 1e-8, whatever the size of the updates: with a large cost (d = y + 1000) the
# finite differences' own rounding error passes 1e-8 and every right formula was said to differ; with a tiny η a
# wrong one was said to agree; and at x = (0, 0) every hidden weight's update is 0, so the slides' rule (3) "agreed"
# on the 2-3-2 network, the check of erratum 5 proving nothing. A tanh neuron at v_1 = 0 sends y_h1 = 0, and the
# remark's Δw_41 row "agreed" for the logsig output, where the page says the slides' updates are too large.
FD_RUN = """
import json
from pathlib import Path
from tests.support.snippets import collect, render_block
blocks = [s for s in collect(Path("docs/errata.md")) if 'exec="1"' in s.info][-3:]
print(json.dumps([render_block(s) for s in blocks]))
"""


def stress_examples() -> dict[str, dict]:
    from tests.support import oracle  # plain math, as independent of the package as sympy

    base = oracle.shipped()
    tanh = oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json")
    tanh_zero = oracle.with_sample(tanh, x=[0.0, 0.5], w_hidden=[[0.3, 0.2], *tanh["w_hidden"][1:]],
                                   b_hidden=[-0.1, *tanh["b_hidden"][1:]])  # v_1 = 0 * 0.3 + 0.5 * 0.2 - 0.1 = 0
    assert oracle.iteration(tanh_zero)["y_hidden"][0] == 0
    # a reviewer's: x = (0, 0) and every b_i = 0, so every tanh y_hi is 0 and every Δw_4i is 0 with either output
    tanh_all_zero = oracle.with_sample(tanh, x=[0.0, 0.0], b_hidden=[0.0, 0.0, 0.0])
    assert oracle.iteration(tanh_all_zero)["y_hidden"] == [0.0, 0.0, 0.0]
    # a reviewer's: every |y_hi| about 3e-6, so every Δw_4i prints alike with both formulas (η 0.6 for the review's 0.5,
    # whose Δb4 by hand is a hair above a tie its double prints below: the loader refuses it)
    tiny_y_h = {**tanh, "w_hidden": [[0.2, 0.4], [0.3, 0.6], [-0.1, -0.2]], "b_hidden": [0.000003, -0.000002, 0.000001],
                "w_output": [[0.5, -0.4, 0.7]], "b_output": [0.2], "x": [0.5, -0.25], "d": 0.25, "eta": 0.6}
    return {"x-zero": oracle.with_sample(base, x=[0.0, 0.0]),
            "tanh-every-y_h-zero": tanh_all_zero,
            "tiny-y_h": tiny_y_h,
            # a reviewer's: y_h1 and y_h3 differ by 2e-7 and print alike, 0.564636
            "printed-tie": {**base, "w_hidden": [[0.3, -0.2], [0.1, -0.4], [0.300001, -0.2]],
                            "b_hidden": [0.1, -0.2, 0.1], "w_output": [[0.5, 0.8, -0.6]], "b_output": [0.1],
                            "x": [0.8, 0.4], "d": 0.2, "eta": 0.3},
            "large-cost": oracle.with_sample(base, d=round(oracle.iteration(base)["y"] + 1000.0, 6)),
            "tiny-eta": oracle.with_sample(base, eta=1e-6),
            "tanh-y_h1-zero": tanh_zero,
            # hidden updates down to 1e-13, of the size of the differences' rounding error: judged against it
            "saturated": oracle.with_sample(base, x=[1.0, 0.5], w_hidden=[[20.0, -18.0], [-22.0, 19.0], [21.0, 17.0]])}


@pytest.mark.parametrize("name", ["x-zero", "large-cost", "tiny-eta", "tanh-y_h1-zero", "tanh-every-y_h-zero",
                                  "tiny-y_h", "printed-tie", "saturated"])
def test_finite_difference_checks_give_the_verdicts_sympy_proves_for_any_example(tmp_path, name):
    from tests.support import oracle

    example = stress_examples()[name]
    file = tmp_path / f"{name}.json"
    file.write_text(json.dumps(example), encoding="utf-8")
    printed = run_with_example(file, FD_RUN, None, f"errata's last three blocks with {name}")
    outputs = dict(zip(("erratum-sum-over-outputs", "remark-output-derivative", "checked-and-correct"),
                       json.loads(printed), strict=True))
    # Erratum 5 (test_sum_over_outputs): the slides' formula is wrong with two outputs, right with one.
    rows = re.findall(r"^\| (2-3-\d)[^|]* \| (.*?) \|.*\| (agrees|\*\*differs\*\*) \|$",
                      outputs["erratum-sum-over-outputs"], re.M)
    assert len(rows) == 5
    for network, formula, verdict in rows:
        assert (verdict == "agrees") == (network == "2-3-1" or formula.startswith("corrected")), (name, rows)
    # A verdict that only the rounding noise makes 'agrees' is said, for the saturated neurons' tiny updates only.
    said = " as far as a finite difference can tell." in outputs["erratum-sum-over-outputs"]
    assert said == (name == "saturated"), (name, outputs["erratum-sum-over-outputs"])
    # The remark (test_output_derivative): right for a purelin output, too large for a logsig one, on the output
    # weight of the hidden neuron with the largest output in size (the oracle's), whose y_hi is not 0; where every
    # y_hi is 0, on b_4 alone, and the page says why.
    # Each verdict shows in the numbers printed: the logsig row's two steps (slides' η e y_hi and b_4's η e, the exact
    # ones times f'(v_4) = y(1 - y)) print apart, in scientific notation where 6 decimals cannot tell b_4's apart.
    it = oracle.iteration(example)
    sizes = [abs(v) for v in it["y_hidden"]]
    printed = [oracle.formula_value(v) for v in sizes]  # the largest as written, the first of a tie a reader sees
    ties = [n for n, p in enumerate(printed) if p == max(printed)]
    i = ties[0]
    y = oracle.forward({**example, "output": "logsig"})["y_output"][0]
    step_b4 = example["eta"] * (example["d"] - y)
    tiny = f"{step_b4:.6f}" == f"{step_b4 * y * (1 - y):.6f}"

    def written(v: float) -> str:
        mantissa, exponent = f"{v:.2e}".split("e")
        return rf"${mantissa} \times 10^{{{int(exponent)}}}$" if tiny else f"{v:.6f}"

    step_w = step_b4 * it["y_hidden"][i]
    shows = max(sizes) >= 1e-6 and written(step_w) != written(step_w * y * (1 - y))
    checked = [f"$\\Delta w_{{4{i + 1}}}$", r"$\Delta b_4$"] if shows else [r"$\Delta b_4$"]
    table = outputs["remark-output-derivative"]
    rows = re.findall(r"^\| (purelin|logsig) \| (.*?) \| (.*?) \| (.*?) \| (agrees|\*\*differs\*\*) \|$", table, re.M)
    assert sorted((out, rule, verdict) for out, rule, _, _, verdict in rows) == sorted(
        [(out, rule, "agrees" if out == "purelin" else "**differs**") for out in ("purelin", "logsig")
         for rule in checked]), rows
    assert all(slides != exact for out, _, slides, exact, _ in rows if out == "logsig"), rows
    assert all((r"\times 10^" in slides) == tiny for _, _, slides, _, _ in rows), rows
    note = "In this example every $y_{hi}$ is 0, so every $\\Delta w_{4i} = \\Delta b_4\\, y_{hi}$ is 0"
    assert (note in table) == (max(sizes) == 0)
    assert ("leaves $\\Delta w_{4i} = \\Delta b_4\\, y_{hi}$ printing alike" in table) == (0 < max(sizes) and not shows)
    tie = f"Hidden neurons {' and '.join(str(n + 1) for n in ties)} send outputs of the same size as written"
    assert (tie in table) == (len(ties) > 1 and shows), table
    # Checked and correct (test_written_out_rules_are_right): all thirteen written-out updates agree.
    updates = verdicts(outputs["checked-and-correct"])
    assert len(updates) == 13 and set(updates.values()) == {"agrees"}, (name, updates)
    if name == "tiny-eta":  # every update below 10^-5: written with three digits, not 0.000000 against 0.000000
        assert "0.000000 | 0.000000" not in outputs["checked-and-correct"], outputs["checked-and-correct"]


# A reviewer's: with a saturated neuron (v_1 = 12.6, f'(v_1) = 3.4e-6) the table printed Δw11 = -1.59e-7 beside the
# finite difference's -1.58e-7, marked "agrees": central differences at h = 10^-6 (the tanh check's) and three digits.
SATURATED = {"w_hidden": [[6, 6], [-0.4, 0.9], [1.5, -2]], "b_hidden": [0, 0.3, -0.2], "w_output": [[0.1, 1.4, -0.9]],
             "b_output": [0.3], "hidden": "logsig", "output": "purelin", "x": [1.1, 1], "d": -0.4, "eta": 0.3}
# updates of 10^-12 whose central difference is mostly rounding (Δw11 = 3.345e-12, its difference 3.358e-12)
APART = {"w_hidden": [[19.5, 5.1], [6.8, 6.7], [-4.9, -0.6]], "b_hidden": [1.35, -0.397, 0.189],
         "w_output": [[0.61, -0.36, -0.15]], "b_output": [0.242], "hidden": "logsig", "output": "purelin",
         "x": [0.85, 0.45], "d": 0.88, "eta": 0.01}


# A reviewer's: v = 15, 23, 31: hidden updates of 1.9e-7, 7.4e-11 and 2.8e-14, the last two below what a central
# difference can resolve (it gives 8.3e-11, and 0)
DEEPLY_SATURATED = {"w_hidden": [[6.0, 8.0], [10.0, 12.0], [14.0, 16.0]], "b_hidden": [1.0, 1.0, 1.0],
                    "w_output": [[0.7, 0.8, 0.9]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
                    "x": [1.0, 1.0], "d": 1.0, "eta": 0.5}




def said_bound(mantissa: str, power: str) -> float:
    return float(mantissa) * 10.0 ** int(power)


@pytest.mark.parametrize("name", ["shipped", "saturated", "apart", "deeply-saturated", "one-saturated"])
def test_checked_and_correct_writes_updates_as_formulas_do_and_names_a_digit_apart(tmp_path, name):
    """Each update is written as a formula writes it (six decimals, or two significant digits below 10^-5, never
    0.000000 for an update that moves its weight); a row whose two numbers print apart is named under the table with
    what a central difference alone can be off by, which covers the gap; a row no larger than that is named as one
    finite differences cannot check (a reviewer: 7.4e-11 beside 8.3e-11, and 2.8e-14 beside 0, read "agrees" as if
    checked). No "agrees" between two different numbers is left unsaid."""
    from tests.support import oracle

    example = {"shipped": oracle.shipped(), "saturated": SATURATED, "apart": APART,
               "deeply-saturated": DEEPLY_SATURATED, "one-saturated": ONE_SATURATED}[name]
    file = tmp_path / f"{name}.json"
    file.write_text(json.dumps(example), encoding="utf-8")
    table = json.loads(run_with_example(file, FD_RUN, None, f"errata's last three blocks with {name}"))[2]
    rows = re.findall(r"^\| \$\\Delta (.*?)\$ \| (.*?) \| (.*?) \| agrees \|$", table, re.M)
    assert len(rows) == 13, table
    it = oracle.trace_values(oracle.iteration({**example, "hidden": "logsig", "output": "purelin"}))

    def update(parameter: str) -> float:
        return it["Δ" + re.sub(r"[_{}]", "", parameter)]

    for parameter, slides, _ in rows:
        assert slides != "0.000000" or update(parameter) == 0, (parameter, slides)
    differing = [parameter for parameter, slides, differences in rows if slides != differences]
    said = re.search(r"The finite differences? of (.*) prints? a last digit apart from the formula: .* here up to "
                     r"\$(.*?) \\times 10\^\{(-?\d+)\}\$\)", table)
    unchecked = re.search(r"^(.*) (?:is|are) no larger than what a central difference alone can be off by here \(up to "
                          r"\$(.*?) \\times 10\^\{(-?\d+)\}\$\): finite differences cannot check", table, re.M)
    named_apart = re.findall(r"\\Delta (\w_\{?\d+\}?)", said[1]) if said else []
    named_unchecked = re.findall(r"\\Delta (\w_\{?\d+\}?)", unchecked[1]) if unchecked else []
    assert set(differing) <= set(named_apart) | set(named_unchecked), (differing, named_apart, named_unchecked)
    assert bool(said) == (name == "apart") and bool(unchecked) == (name == "deeply-saturated"), table
    if unchecked:  # each named update is no larger than the bound given
        bound = said_bound(unchecked[2], unchecked[3])
        assert all(abs(update(parameter)) <= bound for parameter in named_unchecked), (named_unchecked, bound)
        assert set(differing) == set(named_unchecked)
    if said:
        assert named_apart == differing, (named_apart, differing)
        bound = said_bound(said[2], said[3])
        for parameter in named_apart:
            printed = next(d for p, _, d in rows if p == parameter)
            written = formula_decimal(printed.strip("$"))
            value, half_unit = float(written), 0.5 * 10.0 ** (written.adjusted() - 1)  # of its 2nd digit
            assert abs(value - update(parameter)) <= bound + half_unit, (parameter, value, update(parameter), bound)


# A TA's example with both inputs 0 (and, in the test, with one).
NO_INPUT = {"w_hidden": [[0.3, -0.2], [0.5, 0.4], [-0.6, 0.1]], "b_hidden": [0.2, -0.4, 0.7],
            "w_output": [[-0.3, 0.6, 0.2]], "b_output": [0.1], "hidden": "logsig", "output": "purelin",
            "x": [0.0, 0.0], "d": -1.2, "eta": 0.1}


W42_0 = [[-0.3, 0.0, 0.2]]  # w_42 = 0: no error reaches hidden neuron 2


@pytest.mark.parametrize("changes", [{"x": [0.0, 0.0]}, {"x": [0.0, 0.8]}, {"w_output": W42_0, "x": [0.5, 0.8]},
                                     {"w_output": W42_0, "x": [0.0, 0.8]}], ids=["x=0", "x1=0", "w42=0", "both"])
def test_checked_and_correct_says_an_update_the_cost_does_not_depend_on_is_0_by_any_formula(tmp_path, changes):
    """With x = (0, 0) the page said the six Δw_ik were "no larger than what a central difference alone can be off
    by (up to 6.1e-11): finite differences cannot check them", as if they were small; they are 0 by the slides'
    formula and by finite differences alike, since the cost does not depend on a weight whose input is 0, nor (a
    reviewer) on the weights and bias of a hidden neuron whose output weight w_4i is 0. Those rows are named with
    their factor (the oracle's updates are exactly 0, and its own reason: w_4i first, then x_k), and only there."""
    from tests.support import oracle

    example = {**NO_INPUT, **changes}
    it = oracle.iteration(example)
    expected = {}  # the factor of each zero update, by hand: w_4i = 0, else x_k = 0
    for i in range(3):
        for k, name in [(0, f"w_{{{i + 1}1}}"), (1, f"w_{{{i + 1}2}}"), (None, f"b_{i + 1}")]:
            if example["w_output"][0][i] == 0:
                expected[name] = f"w_{{4{i + 1}}} = 0"
            elif k is not None and example["x"][k] == 0:
                expected[name] = f"x_{k + 1} = 0"
    assert expected and all((it["dw_hidden"][int(n[3]) - 1][int(n[4]) - 1] if n[0] == "w" else
                             it["db_hidden"][int(n[2]) - 1]) == 0 for n in expected), "the premise"
    file = tmp_path / "no-slope.json"
    file.write_text(json.dumps(example), encoding="utf-8")
    blocks = json.loads(run_with_example(file, FD_RUN, None, "errata's last three blocks, a factor 0"))
    table = " ".join(blocks[2].split())
    said = {}
    for names, factor in re.findall(r"([^.]*?) (?:is|are) 0 here by the slides' formula and by finite differences "
                                    r"alike: \$(.*?)\$, so the cost does not depend on (?:that parameter|those "
                                    r"parameters), and this check cannot tell a right formula from a wrong one there\.",
                                    table):
        said.update({name: factor for name in re.findall(r"\\Delta ([wb]_\{?\d+\}?)", names)})
    assert said == expected, (said, table[-1500:])
    unchecked = re.search(r"([^.]*) (?:is|are) no larger than what a central difference alone", table)
    assert not unchecked or not set(re.findall(r"\\Delta ([wb]_\{?\d+\}?)", unchecked[1])) & set(expected)


def test_the_page_names_the_tests_that_prove_it():
    """The page says where its symbolic proofs are (a TA: "Checked and correct" claimed more than its block checks):
    the files and tests it names exist, and the proofs it names use sympy."""
    import inspect

    text = " ".join((ROOT / "docs" / "errata.md").read_text(encoding="utf-8").split())
    named = re.findall(r"`(tests/[\w/*.]+\.py)`", text)
    assert "tests/pages/test_errata.py" in named and "tests/pages/test_equations_*.py" in named, named
    for pattern in named:
        assert sorted(ROOT.glob(pattern)), f"the page names {pattern}, which matches no file"
    assert "proves the tanh lines and the written-out rules with sympy" in text
    for proof in (test_tanh_derivation_is_right, test_written_out_rules_are_right):
        assert "sp." in inspect.getsource(proof), proof.__name__
