"""The derivations on the activation-functions page, step by step, and the numbers the built pages show.

Each derivation is kept here as the page's TeX lines next to a sympy transcription; the tests check that the
page shows exactly these display equations in this order and that each step equals the one before it as a
function of z. The built forward-pass and cost pages must show the worked example's values, which are
computed here by hand with the ``math`` module (not with ``backprop.forward``).
"""

from __future__ import annotations

import html
import itertools
import math
import re
from pathlib import Path

import pytest
import sympy as sp

from backprop import activations, cost, error, examples, forward

DOCS = Path(__file__).resolve().parent.parent / "docs"

z = sp.Symbol("z", real=True)
E = sp.exp(-z)
s = 1 / (1 + E)

# The logistic sigmoid: the definition (its two sides), then ds/dz one step per display equation.
SIGMOID_DEFINITION = (r"s(z) = \frac{1}{1 + e^{-z}} = \left(1 + e^{-z}\right)^{-1}", [s, (1 + E) ** -1])
SIGMOID_STEPS = [
    (r"\frac{ds(z)}{dz} = -\left(1 + e^{-z}\right)^{-2} \frac{d}{dz}\left(1 + e^{-z}\right)",
     -((1 + E) ** -2) * sp.diff(1 + E, z)),
    (r"= -\left(1 + e^{-z}\right)^{-2} e^{-z} (-1)", -((1 + E) ** -2) * E * (-1)),
    (r"= \frac{e^{-z}}{\left(1 + e^{-z}\right)^{2}}", E / (1 + E) ** 2),
    (r"= \left(\frac{1}{1 + e^{-z}}\right) \left(\frac{e^{-z}}{1 + e^{-z}}\right)", (1 / (1 + E)) * (E / (1 + E))),
    (r"= \left(\frac{1}{1 + e^{-z}}\right) \left(\frac{1 + e^{-z} - 1}{1 + e^{-z}}\right)",
     (1 / (1 + E)) * sp.Add(1, E, -1, evaluate=False) / (1 + E)),
    (r"= \left(\frac{1}{1 + e^{-z}}\right) \left(1 - \frac{1}{1 + e^{-z}}\right)", (1 / (1 + E)) * (1 - 1 / (1 + E))),
    (r"= s(z) \bigl(1 - s(z)\bigr)", s * (1 - s)),
]
# The slides' lines that the page marks as errata: each must differ from ds/dz.
x_slide = sp.Symbol("x", real=True)
SIGMOID_SLIDE_LINES = [
    (r"\frac{ds(z)}{dz} = \left(\frac{1}{1 + e^{-z}}\right)^{2} \frac{d}{dz} \left(1 + e^{-z}\right)",
     (1 / (1 + E)) ** 2 * sp.diff(1 + E, z)),
    (r"= \left(\frac{1}{1 + e^{-z}}\right) \left(\frac{1}{1 + e^{-z}}\right) - e^{-x}",
     (1 / (1 + E)) * (1 / (1 + E)) - sp.exp(-x_slide)),
    (r"= \left(\frac{1}{1 + e^{-z}}\right) \left(\frac{-e^{-z}}{1 + e^{-z}}\right)", (1 / (1 + E)) * (-E / (1 + E))),
]

# The hyperbolic tangent: definition, then g'(z) step by step, then the sech^2 identity.
g = sp.sinh(z) / sp.cosh(z)
TANH_DEFINITION = (r"g_{\tanh}(z) = \frac{\sinh(z)}{\cosh(z)} = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
                   [g, (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z))])
TANH_STEPS = [
    (r"g'_{\tanh}(z) = \frac{d}{dz} \frac{\sinh(z)}{\cosh(z)}", sp.diff(g, z)),
    (r"= \frac{\frac{d}{dz}\sinh(z) \times \cosh(z) - \frac{d}{dz}\cosh(z) \times \sinh(z)}{\cosh^2(z)}",
     (sp.diff(sp.sinh(z), z) * sp.cosh(z) - sp.diff(sp.cosh(z), z) * sp.sinh(z)) / sp.cosh(z) ** 2),
    (r"= \frac{\cosh(z) \times \cosh(z) - \sinh(z) \times \sinh(z)}{\cosh^2(z)}",
     (sp.cosh(z) * sp.cosh(z) - sp.sinh(z) * sp.sinh(z)) / sp.cosh(z) ** 2),
    (r"= \frac{\cosh^2(z) - \sinh^2(z)}{\cosh^2(z)}", (sp.cosh(z) ** 2 - sp.sinh(z) ** 2) / sp.cosh(z) ** 2),
    (r"= 1 - \frac{\sinh^2(z)}{\cosh^2(z)}", 1 - sp.sinh(z) ** 2 / sp.cosh(z) ** 2),
    (r"= 1 - \tanh^2(z)", 1 - sp.tanh(z) ** 2),
]
TANH_SECH = (r"\frac{\cosh^2(z) - \sinh^2(z)}{\cosh^2(z)} = \frac{1}{\cosh^2(z)} = \operatorname{sech}^2(z)",
             [(sp.cosh(z) ** 2 - sp.sinh(z) ** 2) / sp.cosh(z) ** 2, 1 / sp.cosh(z) ** 2, sp.sech(z) ** 2])


def same(a: sp.Expr, b: sp.Expr) -> bool:
    diff = a - b
    return sp.simplify(diff) == 0 or sp.simplify(diff.rewrite(sp.exp)) == 0


def display_equations(page: str, start: str, stop: str) -> list[str]:
    """The display equations ($$ on their own lines) of ``page`` between the headings/lines ``start`` and ``stop``,
    with whitespace normalised, in order."""
    text = (DOCS / page).read_text(encoding="utf-8")
    section = text[text.index(start):]
    section = section[:section.index(stop)]
    return [" ".join(eq.split()) for eq in re.findall(r"^[ \t]*\$\$\n(.*?)\n[ \t]*\$\$[ \t]*$", section, re.M | re.S)]


def norm(tex: str) -> str:
    return " ".join(tex.split())


# ---------------------------------------------------------------------------------------------------------------
# The derivations


def test_sigmoid_page_shows_exactly_these_steps():
    shown = display_equations("activations.md", "## The logistic sigmoid", "!!! warning")
    assert shown == [norm(SIGMOID_DEFINITION[0])] + [norm(tex) for tex, _ in SIGMOID_STEPS]


def test_sigmoid_definition_sides_agree():
    left, right = SIGMOID_DEFINITION[1]
    assert same(left, right)


def test_sigmoid_steps_follow_each_other():
    assert same(SIGMOID_STEPS[0][1], sp.diff(s, z)), "the first step is not ds/dz"
    for (tex_a, a), (tex_b, b) in itertools.pairwise(SIGMOID_STEPS):
        assert same(a, b), f"{tex_a}  does not equal  {tex_b}"


@pytest.mark.parametrize(("tex", "expr"), SIGMOID_SLIDE_LINES, ids=["no-minus", "e^-x", "minus-e^-z"])
def test_sigmoid_slide_errata_are_errors_and_shown(tex, expr):
    assert not same(expr, sp.diff(s, z))
    assert norm(tex) in norm((DOCS / "activations.md").read_text(encoding="utf-8"))


def test_tanh_page_shows_exactly_these_steps():
    shown = display_equations("activations.md", "## The hyperbolic tangent", "??? note")
    expected = [norm(TANH_DEFINITION[0])] + [norm(tex) for tex, _ in TANH_STEPS] + [norm(TANH_SECH[0])]
    assert shown == expected


def test_tanh_steps_follow_each_other():
    left, right = TANH_DEFINITION[1]
    assert same(left, right)
    assert same(TANH_STEPS[0][1], sp.diff(sp.tanh(z), z)), "the first step is not d/dz tanh z"
    for (tex_a, a), (tex_b, b) in itertools.pairwise(TANH_STEPS):
        assert same(a, b), f"{tex_a}  does not equal  {tex_b}"
    parts = TANH_SECH[1]
    assert all(same(p, q) for p, q in itertools.pairwise(parts))


def test_step_checker_can_fail():
    """A step with the slides' sign slip must be caught by the same comparison."""
    assert not same(SIGMOID_STEPS[1][1], -SIGMOID_STEPS[2][1])


def test_package_derivatives_match_the_derivations():
    """What the derivations prove is what backprop.activations computes (at a few points)."""
    for value in (-3.0, -0.4, 0.0, 0.7, 2.5):
        assert math.isclose(activations.logsig_derivative(value), float(SIGMOID_STEPS[-1][1].subs(z, value)),
                            rel_tol=1e-12)
        assert math.isclose(activations.tansig_derivative(value), float(TANH_STEPS[-1][1].subs(z, value)),
                            rel_tol=1e-12, abs_tol=1e-15)


# ---------------------------------------------------------------------------------------------------------------
# The numbers on the built pages


def hand_forward() -> dict[str, float]:
    """The worked example's forward pass with plain floats and math.exp, independent of backprop.forward."""
    (w11, w12), (w21, w22), (w31, w32) = examples.NET.w_hidden.tolist()
    b1, b2, b3 = examples.NET.b_hidden.tolist()
    (w41, w42, w43), = examples.NET.w_output.tolist()
    b4, = examples.NET.b_output.tolist()
    x1, x2 = examples.X.tolist()
    v1, v2, v3 = w11 * x1 + w12 * x2 + b1, w21 * x1 + w22 * x2 + b2, w31 * x1 + w32 * x2 + b3
    y1, y2, y3 = (1 / (1 + math.exp(-v)) for v in (v1, v2, v3))
    v4 = w41 * y1 + w42 * y2 + w43 * y3 + b4
    return {"v_1": v1, "v_2": v2, "v_3": v3, "y_{h1}": y1, "y_{h2}": y2, "y_{h3}": y3, "v_4": v4, "y": v4}


def built_display_math(site_dir: Path, page: str) -> list[str]:
    """The TeX of every display equation of a built page, whitespace normalised, one string per equation.

    Pre-rendered pages keep the TeX in the ``data-tex`` attribute of the ``mjx-container``; client-side pages keep
    it as ``\\[...\\]``. An ``aligned`` block is read as one line: its ``&`` and ``\\\\`` only lay it out.
    """
    text = (site_dir / page / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', text, re.S)
    found += re.findall(r'<div class="arithmatex"><mjx-container [^>]*display="true"[^>]*data-tex="([^"]*)"', text)
    equations = []
    for tex in found:
        tex = html.unescape(tex)
        tex = re.sub(r"\\(begin|end)\{aligned\}|&|\\\\|\\quad", " ", tex)
        equations.append(" ".join(tex.split()))
    return equations


def test_hand_values_agree_with_the_package():
    fp = forward(examples.NET, examples.X)
    package = [*fp.v_hidden, *fp.y_hidden, fp.v_output[0], fp.y_output[0]]
    for (name, hand), value in zip(hand_forward().items(), package, strict=True):
        assert math.isclose(hand, value, rel_tol=1e-12), name


@pytest.mark.slow
def test_forward_pass_page_shows_each_substituted_equation(site_build):
    equations = built_display_math(site_build.dir, "forward-pass")
    for name, value in hand_forward().items():
        hits = [eq for eq in equations if eq.startswith(f"{name} =") and eq.endswith(f"= {value:.6f}")]
        assert hits, f"no equation '{name} = ... = {value:.6f}' on the built forward-pass page"


@pytest.mark.slow
def test_forward_pass_page_shows_the_package_values(site_build):
    text = (site_build.dir / "forward-pass" / "index.html").read_text(encoding="utf-8")
    fp = forward(examples.NET, examples.X)
    for value in [*fp.v_hidden, *fp.y_hidden, *fp.v_output, *fp.y_output]:
        assert f"{value:.6f}" in text


@pytest.mark.slow
def test_cost_page_shows_the_worked_error_and_cost(site_build):
    y = hand_forward()["y"]
    e = examples.D - y
    big_e = 0.5 * e**2
    fp = forward(examples.NET, examples.X)
    assert math.isclose(e, error(fp, examples.D)[0]) and math.isclose(big_e, cost(fp, examples.D))
    equations = built_display_math(site_build.dir, "cost-function")
    assert any(eq.startswith("e = d - y =") and eq.endswith(f"= {e:.6f}") for eq in equations)
    assert any(eq.startswith("E =") and eq.endswith(f"= {big_e:.6f}") for eq in equations)


@pytest.mark.slow
def test_activation_table_matches_hand_formulas(site_build):
    text = (site_build.dir / "activations" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td><code>(logsig|tansig|purelin)</code></td>\s*"
                      r"((?:<td>[-\d.]+</td>\s*){5})</tr>", text)
    hand = {
        "logsig": (lambda v: 1 / (1 + math.exp(-v)), lambda v: math.exp(-v) / (1 + math.exp(-v)) ** 2),
        "tansig": (math.tanh, lambda v: 1 / math.cosh(v) ** 2),
        "purelin": (lambda v: v, lambda v: 1.0),
    }
    assert len(rows) == 15, f"expected 5 points x 3 functions in the table, found {len(rows)} rows"
    for name, cells in rows:
        v, f, from_v, from_y, numeric = (float(c) for c in re.findall(r"<td>([-\d.]+)</td>", cells))
        f_hand, d_hand = hand[name]
        assert abs(f - f_hand(v)) <= 5e-7, (name, v)
        for d in (from_v, from_y, numeric):
            assert abs(d - d_hand(v)) <= 5e-7, (name, v)


@pytest.mark.slow
def test_activation_figures_are_accessible_and_theme_aware(site_build):
    text = (site_build.dir / "activations" / "index.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg [^>]*role=\"img\".*?</svg>", text, re.S)
    assert len(svgs) == 3
    ids: list[str] = []
    for svg in svgs:
        label = re.search(r'aria-label="([^"]+)"', svg)
        assert label and len(label.group(1)) > 40, "each figure needs a text alternative"
        assert "currentColor" in svg and "#000000" not in svg, "black would vanish in dark mode"
        assert "background" not in svg.split(">", 1)[0]
        ids += re.findall(r'\bid="([^"]+)"', svg)
    assert len(ids) == len(set(ids)), "the three inline figures share element ids"
