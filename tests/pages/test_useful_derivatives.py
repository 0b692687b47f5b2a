"""The table of useful derivatives (docs/useful-derivatives.md), checked symbolically with sympy.

The page checks each row numerically when the site is built, with numpy; this file holds the same rows as sympy
expressions, proves every corrected row, proves the two rows the slides got wrong are wrong, and makes sure the
page's rows are exactly these (so the page and this list cannot drift apart).
"""

from __future__ import annotations

import ast
import contextlib
import io
import itertools
import re
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from tests.support.pages import markdown_displays, markdown_says, norm_tex
from tests.support.snippets import collect, render_block

PAGE = Path(__file__).resolve().parents[2] / "docs" / "useful-derivatives.md"

x = sp.Symbol("x", real=True)
a = sp.Symbol("a", positive=True)
p = sp.Symbol("p", positive=True)  # stands for x > 0, and -p for x < 0

# (f(x) in TeX as on the page, f'(x) in TeX, f, f', domain: "all", "positive" or "nonzero")
ROWS = [
    (r"e^x", r"e^x", sp.exp(x), sp.exp(x), "all"),
    (r"a^x", r"a^x \ln a", a**x, a**x * sp.log(a), "all"),
    (r"\ln x", r"\frac{1}{x}", sp.log(x), 1 / x, "positive"),
    (r"\ln \lvert x \rvert", r"\frac{1}{x}", sp.log(sp.Abs(x)), 1 / x, "nonzero"),
    (r"\log_a x", r"\frac{1}{x \ln a}", sp.log(x, a), 1 / (x * sp.log(a)), "positive"),
    (r"\sinh x", r"\cosh x", sp.sinh(x), sp.cosh(x), "all"),
    (r"\tanh x", r"\operatorname{sech}^2 x", sp.tanh(x), sp.sech(x) ** 2, "all"),
    (r"\operatorname{sech} x", r"-\operatorname{sech} x \tanh x", sp.sech(x), -sp.sech(x) * sp.tanh(x), "all"),
    (r"\cosh x", r"\sinh x", sp.cosh(x), sp.sinh(x), "all"),
    (r"\coth x", r"-\operatorname{csch}^2 x", sp.coth(x), -sp.csch(x) ** 2, "nonzero"),
    (r"\operatorname{csch} x", r"-\operatorname{csch} x \coth x", sp.csch(x), -sp.csch(x) * sp.coth(x), "nonzero"),
]

# The two rows the slides print: (the slide's TeX on the page, f, the slide's wrong f')
SLIDE_WRONG = [
    (r"\frac{d}{dx}(\coth x) = -\cosh^2 x", sp.coth(x), -sp.cosh(x) ** 2),
    (r"\frac{d}{dx}(\cosh x) = -\cosh x \coth x", sp.cosh(x), -sp.cosh(x) * sp.coth(x)),
]
# ... and the corrections shown next to them
CORRECTIONS = [
    r"\frac{d}{dx}(\coth x) = -\operatorname{csch}^2 x, \quad x \neq 0",
    r"\frac{d}{dx}(\operatorname{csch} x) = -\operatorname{csch} x \coth x, \quad x \neq 0",
]


def is_zero(expr: sp.Expr) -> bool:
    """Symbolically zero, trying the exponential form when plain simplification is not enough."""
    return sp.simplify(expr) == 0 or sp.simplify(expr.rewrite(sp.exp)) == 0


def branches(expr: sp.Expr, domain: str) -> list[sp.Expr]:
    """The expression on each part of the domain where the row is claimed to hold."""
    if domain == "all":
        return [expr]
    if domain == "positive":
        return [expr.subs(x, p)]
    return [expr.subs(x, p), expr.subs(x, -p)]  # x != 0: both signs


@pytest.mark.parametrize(("tex_f", "tex_g", "f", "g", "domain"), ROWS, ids=[r[0] for r in ROWS])
def test_row_is_right(tex_f, tex_g, f, g, domain):
    for residual in branches(sp.diff(f, x) - g, domain):
        assert is_zero(residual), f"d/dx {tex_f} != {tex_g}: residual {sp.simplify(residual)}"


@pytest.mark.parametrize(("tex", "f", "wrong"), SLIDE_WRONG, ids=["coth", "cosh-csch"])
def test_slide_row_is_wrong(tex, f, wrong):
    residual = sp.diff(f, x) - wrong
    assert not is_zero(residual)
    # not merely an unsimplified zero: the two sides differ at x = 1 by a clear margin
    assert abs(float(residual.subs(x, 1))) > 0.5


def test_is_zero_can_fail():
    """The checker itself must reject a wrong row (e.g. d/dx tanh x = sech x)."""
    assert not is_zero(sp.diff(sp.tanh(x), x) - sp.sech(x))


def page_block(marker: str) -> str:
    """The source of the page's python block with a line starting with ``marker``."""
    blocks = re.findall(r"^```python exec=[^\n]*\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.M | re.S)
    matching = [b for b in blocks if re.search(f"^{re.escape(marker)}", b, re.M)]
    assert len(matching) == 1, f"expected one block defining {marker} on {PAGE.name}, found {len(matching)}"
    return matching[0]


def page_rows() -> list[tuple[str, str]]:
    """The (f, f') TeX pairs of the page's ROWS list, read from the block's syntax tree without running it."""
    tree = ast.parse(page_block("ROWS = ["))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ROWS" for t in node.targets):
            return [(row.elts[0].value, row.elts[1].value) for row in node.value.elts]
    raise AssertionError("no ROWS list on the page")


def test_page_rows_match_this_list():
    assert page_rows() == [(tex_f, tex_g) for tex_f, tex_g, *_ in ROWS]


def test_page_numpy_formulas_match_sympy():
    """The numpy lambdas the page checks at build time are the formulas proven here."""
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(page_block("ROWS = ["), namespace)  # the block is standalone: it imports its own numpy
    page = namespace["ROWS"]
    a_value = namespace["a"]
    for (tex_f, _, f_np, g_np, _, points), (_, _, f, g, _) in zip(page, ROWS, strict=True):
        pts = np.array(points)
        for sym, num in ((f, f_np), (g, g_np)):
            exact = sp.lambdify(x, sym.subs(a, a_value), "numpy")(pts)
            np.testing.assert_allclose(num(pts), exact, rtol=1e-12, err_msg=tex_f)


@pytest.mark.parametrize("tex", [row[0] for row in SLIDE_WRONG] + CORRECTIONS)
def test_page_shows_slide_rows_and_corrections(tex):
    assert tex in PAGE.read_text(encoding="utf-8")


def rendered_blocks() -> list[str]:
    """What the page's two table blocks print, run here as the build runs them."""
    return [render_block(s) for s in collect(PAGE) if 'exec="1"' in s.info]


def test_page_table_shows_every_row_checked():
    table, _ = rendered_blocks()
    rows = re.findall(r"^\| \$\\displaystyle \\frac\{d\}\{dx\} (.*?)\$ \|.*\| ✓ \|$", table, re.M)
    assert rows == [f"{tex_f} = {tex_g}" for tex_f, tex_g, *_ in ROWS]


def test_page_comparison_shows_sympy_values():
    """The second table: each central difference and right-hand side at the page's x, against sympy."""
    _, comparison = rendered_blocks()
    x_shown = float(re.search(r"central difference at \$x = ([-\d.]+)\$", comparison).group(1))
    rows = re.findall(r"^\| \$(.*?)\$ \| ([-\d.]+) \| (.*?) \| \$(.*?)\$ = ([-\d.]+) ✓ \|$", comparison, re.M)
    functions = {r"\coth x": sp.coth(x), r"\cosh x": sp.cosh(x), r"\operatorname{csch} x": sp.csch(x)}
    assert [r[0] for r in rows] == list(functions)
    for (name, numeric, slide_cell, _, corrected), (_, f) in zip(rows, functions.items(), strict=True):
        assert float(numeric) == pytest.approx(float(sp.diff(f, x).subs(x, x_shown)), abs=1e-6)
        assert float(corrected) == pytest.approx(float(numeric), abs=1e-6)
        slide = re.match(r"\$(.*?)\$ = ([-\d.]+) ✗", slide_cell)
        if slide:  # the slide's value is printed and is not the derivative
            assert abs(float(slide.group(2)) - float(numeric)) > 0.5, name
            assert any(tex.endswith(f"= {slide.group(1)}") for tex, *_ in SLIDE_WRONG), slide.group(1)


# ---------------------------------------------------------------------------------------------------------------
# Every other equation the page shows: the display of the "largest error" (a completeness check: the page's display
# equations are exactly the listed ones) and each inline statement of fact, tied to the page text.

LARGEST_ERROR = (r"\frac{\lvert \text{central difference} - \text{formula} \rvert}"
                 r"{\max\bigl(1, \lvert \text{formula} \rvert\bigr)}.")
LARGEST_ERROR_CODE = "np.abs(numeric - g(x)) / np.maximum(1.0, np.abs(g(x)))"  # what the block computes

z = sp.Symbol("z", real=True)
# (the TeX as the page writes it, expressions it says are equal in turn; x > 0 or x != 0 where it says so)
FACTS = [
    (r"$\frac{d}{dx} e^x = e^x$", [sp.diff(sp.exp(x), x), sp.exp(x)]),
    (r"$\frac{d}{dz} e^{-z} = -e^{-z}$", [sp.diff(sp.exp(-z), z), -sp.exp(-z)]),
    (r"$\frac{d}{dx}\sinh x = \cosh x$", [sp.diff(sp.sinh(x), x), sp.cosh(x)]),
    (r"$\frac{d}{dx}\cosh x = \sinh x$", [sp.diff(sp.cosh(x), x), sp.sinh(x)]),
    (r"$\frac{d}{dx}\tanh x = \operatorname{sech}^2 x$", [sp.diff(sp.tanh(x), x), sp.sech(x) ** 2]),
    (r"$\frac{d}{dx} a^x = a^x \ln a$ follows from $a^x = e^{x \ln a}$",
     [sp.diff(a**x, x), a**x * sp.log(a), sp.diff(sp.exp(x * sp.log(a)), x)]),
    (r"$\frac{d}{dx}\frac{\cosh x}{\sinh x} = \frac{\sinh^2 x - \cosh^2 x}{\sinh^2 x} = \frac{-1}{\sinh^2 x}$",
     [sp.diff(sp.cosh(p) / sp.sinh(p), p), (sp.sinh(p) ** 2 - sp.cosh(p) ** 2) / sp.sinh(p) ** 2, -1 / sp.sinh(p) ** 2,
      -sp.csch(p) ** 2]),
    (r"$\operatorname{csch} x = 1/\sinh x$", [sp.csch(x), 1 / sp.sinh(x)]),
    (r"$\frac{d}{dx}(\sinh x)^{-1} = -\frac{\cosh x}{\sinh^2 x} = -\operatorname{csch} x \coth x$",
     [sp.diff(sp.sinh(p) ** -1, p), -sp.cosh(p) / sp.sinh(p) ** 2, -sp.csch(p) * sp.coth(p)]),
]


def test_page_shows_exactly_the_checked_display_equations():
    shown = markdown_displays(PAGE.stem)
    slides_and_corrected = [t for pair in zip([r[0] for r in SLIDE_WRONG], CORRECTIONS, strict=True) for t in pair]
    assert shown == [norm_tex(LARGEST_ERROR), *slides_and_corrected]


def test_largest_error_is_what_the_block_computes():
    """The display is |numeric - formula| / max(1, |formula|), the expression of the block that fills the column."""
    assert LARGEST_ERROR_CODE in page_block("ROWS = [")
    for numeric, formula in [(2.5, 2.0), (0.3, 0.1), (-4.0, -3.0)]:
        assert eval(LARGEST_ERROR_CODE, {"np": np}, {"numeric": numeric, "g": lambda _x, f=formula: f, "x": 0}) \
            == abs(numeric - formula) / max(1, abs(formula))


@pytest.mark.parametrize(("tex", "sides"), FACTS, ids=range(len(FACTS)))
def test_inline_facts(tex, sides):
    assert markdown_says(PAGE.stem, tex), tex
    for left, right in itertools.pairwise(sides):
        assert is_zero(left - right), f"{tex}: {left} != {right}"


def test_inline_claims_on_the_slides_coth_row():
    """-cosh^2 x <= -1 everywhere, while the slope of coth x tends to 0 for large |x|."""
    text = norm_tex(PAGE.read_text(encoding="utf-8"))
    assert r"$-\cosh^2 x \le -1$ never comes near zero" in text
    assert sp.maximum(-sp.cosh(x) ** 2, x) == -1
    assert sp.limit(sp.diff(sp.coth(x), x), x, sp.oo) == 0 and sp.limit(sp.diff(sp.coth(x), x), x, -sp.oo) == 0
