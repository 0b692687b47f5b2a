"""The four rule pages (rules (1)-(4) of the slides): their numbers, their words and their equations.

(a) Every Δ and new value, and every factor, of the worked example in use (``backprop/example.json`` or
    ``$BACKPROP_EXAMPLE``) is on its page with 6 decimals. The expected values come from ``oracle``, a
    plain-``math`` computation that reads the example file without ``backprop``; the package must agree.
(b) Every sentence the pages say about the example (the signs of the output steps, the ratio of Δw_i2 to
    Δw_i1, when Δb_i equals a Δw_ik, whether Δb_4 is the largest step, which hidden activation the numbers
    use) is what the oracle's numbers say, for whatever the example is. The text is the page's Markdown
    with every ``exec`` block replaced by what it prints (run in this process, so fast: that each block
    also runs on its own in a fresh interpreter is ``test_doc_snippets``' job); every substituted sum and
    product is checked: negatives in parentheses, ``=`` only where the shown operands give the shown result.
(c) Every chain-rule factor, every simplification line and every final rule the pages display is checked
    with sympy against E = ½ e² differentiated directly, for all 13 parameters of the 2-3-1 network, and
    the general hidden rule (with Σ_j) on a network with two outputs.

Run with another example: ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json pytest tests/pages/test_rule_pages.py``.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
import sympy as sp

import backprop
from backprop import examples, rules
from tests.pages import edge_examples
from tests.support import DOCS, oracle, pages
from tests.support.patch import patch_example
from tests.support.snippets import (
    EXEC,
    Snippet,
    page_markdown,
    pages_with,
    prose_with,
    render_block,
    render_with_example,
)

PAGES = ["rule-output-weights", "rule-output-bias", "rule-hidden-weights", "rule-hidden-biases"]

#: A function's source as a rule page prints it, to read (no copy button): its fenced block's text.
SOURCE_FENCE = r"```(?:python|\{ \.python \.no-copy \})\n(.*?)```"


# --------------------------------------------------------------------------------------------------
# (a) The numbers: the oracle's, for the example in use.
# --------------------------------------------------------------------------------------------------

EX = oracle.load_example()
IT = oracle.iteration(EX)


num = oracle.number_string  # a number as the site writes it, written by the oracle, not taken from backprop.show


def given(value: float) -> str:
    """A value the example gives (x, d, η, a weight at n = 0) as the site writes it: `num` without trailing zeros."""
    return num(value).rstrip("0").rstrip(".")


def given_op(value: float) -> str:
    """A given value after an operator: a negative one in parentheses."""
    return given(value) if value >= 0 else f"({given(value)})"


def hand_updates() -> dict[str, tuple[float, float, float]]:
    """name -> (old value, Δ, new value) for all 13 parameters, from the oracle's iteration."""
    it, out = IT, {}
    for i in range(3):
        out[f"w4{i + 1}"] = (EX["w_output"][0][i], it["dw_output"][0][i], it["w_output_new"][0][i])
        out[f"b{i + 1}"] = (EX["b_hidden"][i], it["db_hidden"][i], it["b_hidden_new"][i])
        for k in range(2):
            out[f"w{i + 1}{k + 1}"] = (EX["w_hidden"][i][k], it["dw_hidden"][i][k], it["w_hidden_new"][i][k])
    out["b4"] = (EX["b_output"][0], it["db_output"][0], it["b_output_new"][0])
    return out


def package_updates() -> dict[str, tuple[float, float, float]]:
    """The same table from backprop.rules."""
    net, fp = examples.NET, backprop.forward(examples.NET, examples.X)
    d, eta = examples.D, examples.ETA
    dw_o = rules.delta_w_output(fp, d, eta)
    db_o = rules.delta_b_output(fp, d, eta)
    dw_h = rules.delta_w_hidden(fp, d, eta)
    db_h = rules.delta_b_hidden(fp, d, eta)
    out = {}
    for i in range(3):
        out[f"w4{i + 1}"] = (net.w_output[0, i], dw_o[0, i], net.w_output[0, i] + dw_o[0, i])
        out[f"b{i + 1}"] = (net.b_hidden[i], db_h[i], net.b_hidden[i] + db_h[i])
        for k in range(2):
            out[f"w{i + 1}{k + 1}"] = (net.w_hidden[i, k], dw_h[i, k], net.w_hidden[i, k] + dw_h[i, k])
    out["b4"] = (net.b_output[0], db_o[0], net.b_output[0] + db_o[0])
    return {name: tuple(float(t) for t in triple) for name, triple in out.items()}


PARAMS_OF_PAGE = {
    "rule-output-weights": ["w41", "w42", "w43"],
    "rule-output-bias": ["b4"],
    "rule-hidden-weights": ["w11", "w12", "w21", "w22", "w31", "w32"],
    "rule-hidden-biases": ["b1", "b2", "b3"],
}


def test_the_pages_use_the_example_the_oracle_reads():
    assert examples.current_file().resolve() == oracle.example_file().resolve()


def test_package_matches_the_oracle():
    hand, package = hand_updates(), package_updates()
    assert sorted(hand) == sorted(package) == sorted(name for names in PARAMS_OF_PAGE.values() for name in names)
    for name in hand:
        assert package[name] == pytest.approx(hand[name], rel=1e-12, abs=1e-15), name


def test_the_oracle_on_a_network_worked_by_hand():
    """The oracle's four rules on a network whose iteration is known by hand, so the expected values can fail too."""
    def flat(values):
        return [v for row in values for v in (row if isinstance(row, list) else [row])]

    it = oracle.iteration(oracle.HAND)
    for key in ("dw_output", "db_output", "dw_hidden", "db_hidden", "w_output_new", "b_output_new", "w_hidden_new"):
        assert flat(it[key]) == pytest.approx(flat(oracle.HAND_VALUES[key]), abs=1e-15), key
    tanh = oracle.iteration({**oracle.HAND, "hidden": "tansig", "b_hidden": [0.0, 0.0, 0.0],
                             "w_hidden": [[0.0, 0.0]] * 3})  # v_i = 0: y_hi = 0, f'(v_i) = 1, y = b_4
    e = oracle.HAND["d"] - oracle.HAND["b_output"][0]
    assert tanh["dw_output"] == [[0.0, 0.0, 0.0]]
    assert tanh["db_hidden"] == pytest.approx([0.5 * e * w for w in oracle.HAND["w_output"][0]], abs=1e-15)


# --------------------------------------------------------------------------------------------------
# The pages' text for the example in use: the Markdown with each exec block replaced by its output.
# --------------------------------------------------------------------------------------------------

def page_text(page: str) -> str:
    """The page's Markdown as the build renders it (`pages.page_text`, one render per process for every test file),
    from a page with the rule pages' blocks."""
    blocks = EXEC.findall(page_markdown(page))
    assert len(blocks) >= 5, f"{page}: found only {len(blocks)} python blocks"
    return pages.page_text(page)


def prose(page: str) -> str:
    """The page's text with line breaks and repeated spaces made single spaces, for finding sentences."""
    return re.sub(r"\s+", " ", page_text(page))


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_every_delta_and_new_value(page):
    text = page_text(page)
    for name in PARAMS_OF_PAGE[page]:
        _, delta, new = hand_updates()[name]
        for label, value in [("Δ" + name, delta), (name + "(1)", new)]:
            assert num(value) in text, f"{page}: {label} = {num(value)} is not on the page"


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_built_page_shows_every_delta_and_new_value(site_build, page):
    """The same numbers in the HTML of the strict build, which ran the blocks itself."""
    path = site_build.dir / page / "index.html"
    assert path.is_file(), f"{page} was not built"
    html = path.read_text(encoding="utf-8")
    assert "Being written" not in html and "Traceback" not in html
    for name in PARAMS_OF_PAGE[page]:
        _, delta, new = hand_updates()[name]
        for label, value in [("Δ" + name, delta), (name + "(1)", new)]:
            assert num(value) in html, f"{page}: {label} = {num(value)} is not in the built page"


@pytest.mark.parametrize("page", PAGES[:3])
def test_page_shows_the_factor_values(page):
    """e = d - y and f'(v_4) on the pages that derive their factors (rule 4 shares rule 3's); f(v_i) where a rule
    uses it (with the example's f), f'(v_i) on rule 3's (with the example's f'), x_k on rule 3's."""
    text = prose(page)
    y_text = num(IT["y"]) if IT["y"] >= 0 else f"({num(IT['y'])})"
    d_minus_y = rf"d_j\(n\) - y_j\(n\) = {re.escape(given(IT['d']))} - {re.escape(y_text)} (=|\\approx) {num(IT['e'])}"
    assert re.search(d_minus_y, text), f"{page}: e = d - y is not shown with the example's numbers"
    assert IT["fp_output"][0] == 1.0  # the oracle's linear output: f'(v_4) is the constant 1, written as one
    assert "f'(v_4) = 1" in text and f"f'(v_4) = {num(1.0)}" not in text
    if page == "rule-output-bias":
        return  # ∂v_4/∂b_4 = 1: no hidden quantity in rule (2)
    for i in range(3):
        v, y_hi = IT["v_hidden"][i], IT["y_hidden"][i]
        assert num(y_hi) in text
        if page == "rule-output-weights":  # f(v_i) written out with the example's activation
            v_text = num(v) if v >= 0 else f"({num(v)})"
            formula = rf"\frac{{1}}{{1 + e^{{-{v_text}}}}}" if IT["hidden"] == "logsig" else rf"\tanh {v_text}"
            assert f"= {formula} " in text, f"{page}: f(v_{i + 1}) = {formula} is not on the page"
        if page.startswith("rule-hidden"):
            f_prime = IT["fp_hidden"][i]
            y_text = num(y_hi) if y_hi >= 0 else f"({num(y_hi)})"
            formula = rf"{num(y_hi)}\,(1 - {y_text})" if IT["hidden"] == "logsig" else rf"1 - {y_text}^2"
            assert re.search(rf"f'\(v_{i + 1}\) &?= {re.escape(formula)} (=|\\approx) {num(f_prime)}", text), \
                f"{page}: f'(v_{i + 1}) = {formula} = {num(f_prime)} is not on the page"
    if page == "rule-hidden-weights":
        assert f"x_1 = {given(IT['x'][0])}, \\quad x_2 = {given(IT['x'][1])}" in text


def test_rule_4_links_back_to_rule_3s_cautions_instead_of_repeating_them():
    text = prose("rule-hidden-biases")
    assert "never the already-updated" not in text and "turns the direction around" not in text
    assert text.count("If your slides say") == 1 and "\\Big[\\sum_j" not in text  # a link, not the formula again
    assert "(rule-hidden-weights.md#local-gradient)" in text and "(errata.md#erratum-sum-over-outputs)" in text
    assert "**Factor 4**" not in text and "Factors 1 to 3" not in text  # rule 3's factors are not repeated


@pytest.mark.parametrize("page", ["rule-hidden-weights"])
def test_hidden_pages_warn_about_updated_weights_and_the_missing_sum(page):
    """The warning's two numbers: Δ with w_4i(n) and with the already-updated w_4i(n+1), from the oracle."""
    text = prose(page)
    assert "never the already-updated" in text and "If your slides say $E_j$" in text
    assert "(errata.md#erratum-sum-over-outputs)" in text
    wrong = oracle.iteration(EX, back_weights=IT["w_output_new"])
    m = re.search(r"\$\\Delta ([wb])_\{?(\d+)\}?\(0\)\$ is \$(\S+)\$ with \$w_\{4(\d)\}\(0\) = (\S+)\$, but would be "
                  r"\$(\S+)\$ with \$w_\{4\d\}\(1\) = (\S+)\$", text)
    assert m, f"{page}: the warning's example is missing"
    kind, idx, right_s, i, w_now_s, wrong_s, w_next_s = m.groups()
    assert kind == ("w" if page == "rule-hidden-weights" else "b")
    i = int(i) - 1
    if kind == "w":
        assert idx[0] == str(i + 1)
        right, bad = IT["dw_hidden"][i][int(idx[1]) - 1], wrong["dw_hidden"][i][int(idx[1]) - 1]
    else:
        assert idx == str(i + 1)
        right, bad = IT["db_hidden"][i], wrong["db_hidden"][i]
    assert (right_s, wrong_s) == (num(right), num(bad)) and right_s != wrong_s
    assert (w_now_s, w_next_s) == (given(EX["w_output"][0][i]), num(IT["w_output_new"][0][i]))
    # A paragraph of the warning, not a code block: printed without indentation (markdown-exec indents the output
    # into the box; four spaces more once made its first line a code block with its math shown as TeX).
    assert re.search(r"^In the worked example \$\\Delta", page_text(page), re.M), "the example's line is indented"


# --------------------------------------------------------------------------------------------------
# (b) The words: what each page says about the example is what the oracle's numbers say.
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_the_intro_shows_the_example_and_its_hidden_activation(page):
    text = prose(page)
    x1, x2 = (given(v) for v in IT["x"])  # after "(" and "," a negative number needs no parentheses
    d_, eta_ = given(IT["d"]), given(IT["eta"])
    assert f"input $x = ({x1}, {x2})$, target $d = {d_}$, learning rate $\\eta = {eta_}$" in text
    note = "This example's hidden layer: hyperbolic tangent"
    assert (note in text) == (IT["hidden"] == "tansig"), f"{page}: the tanh note must show exactly for a tanh example"
    # ... and no value of the example is typed in the page's own text.
    own = EXEC.sub("", (DOCS / f"{page}.md").read_text(encoding="utf-8"))
    typed = re.findall(r"\$(?:x|d|\\eta|x_[12])\s*=\s*\(?-?\d", own)
    assert not typed, f"{page}.md types the example's inputs: {typed}"


def test_rule_1_says_the_sign_of_each_step():
    text = prose("rule-output-weights")
    e = IT["e"]
    where, cmp = ("below", ">") if e > 0 else ("above", "<")
    assert f"The output $y$ is {where} the target $d$, so $e = d - y {cmp} 0$." in text
    steps = IT["dw_output"][0]
    for y_hi, step in zip(IT["y_hidden"], steps, strict=True):
        assert (step > 0) == ((y_hi > 0) == (e > 0)), "the oracle itself: sign(Δw_4i) = sign(e) sign(y_hi)"
    if all(s > 0 for s in steps) or all(s < 0 for s in steps):
        sign = "positive" if steps[0] > 0 else "negative"
        assert f"so all three steps are {sign}: each weight {'increases' if sign == 'positive' else 'decreases'}" \
            in text
        assert "all three steps are " + ("negative" if sign == "positive" else "positive") not in text
    else:
        for i, step in enumerate(steps):
            sign = "positive" if step > 0 else "negative" if step < 0 else "0"
            # "$\Delta w_{42}$ is negative (positive ...)" or "... and $\Delta w_{43}$ are positive (negative ...)"
            name = re.escape(f"$\\Delta w_{{4{i + 1}}}$")
            m = re.search(rf"{name}[^()]*? (is|are) (positive|negative|0) \(", text)
            assert m and m[2] == sign, f"rule 1 says Δw_4{i + 1} is {m and m[2]}, the oracle {sign}"
        assert "all three steps are" not in text
    always = "(a logistic sigmoid's output always is)"
    assert (always in text) == (IT["hidden"] == "logsig")
    if always in text:  # what the page relies on: the loader refuses a saturated hidden neuron
        assert all(0 < y < 1 for y in IT["y_hidden"])


def test_rule_2_says_whether_the_bias_takes_the_largest_step():
    text = prose("rule-output-bias")
    db = abs(IT["db_output"][0])
    assert all(abs(w) < db for w in IT["dw_output"][0])  # what the page says of every example
    assert r"so, the error $e$ not being 0, $|\Delta b_4| > |\Delta w_{4i}|$ for every $i$" in text
    assert IT["e"] != 0  # what the clause says of every example
    hidden = [abs(v) for row in IT["dw_hidden"] for v in row] + [abs(v) for v in IT["db_hidden"]]
    printed = [oracle.formula_value(v) for v in [*hidden, *(abs(w) for w in IT["dw_output"][0])]]  # as written
    largest = all(v < oracle.formula_value(db) for v in printed)
    assert ("it is the largest step of all thirteen parameters (nine weights, four biases) in size: no other "
            "parameter's step is larger than $|\\Delta b_4|$" in text) == largest
    assert "\\theta" not in text  # a letter the notation page does not define
    assert ("It is not the largest step of this iteration in size" in text) == any(v > oracle.formula_value(db)
                                                                                    for v in printed)
    if not largest and "It is not the largest" in text:  # the sentence compares sizes and names exactly the larger ones
        names = [f"w_{{{i + 1}{k + 1}}}" for i in range(3) for k in range(2)] + [f"b_{i + 1}" for i in range(3)]
        bigger = [f"$|\\Delta {n}|$" for n, v in zip(names, hidden)
                  if oracle.formula_value(v) > oracle.formula_value(db)]
        m = re.search(r"in size, though: (.*?) (is|are) larger than \$\|\\Delta b_4\|\$", text)
        assert m, "the sentence on the larger steps"
        assert sorted(re.findall(r"\$\|\\Delta [^$]*\|\$", m[1])) == sorted(bigger)
        assert m[2] == ("is" if len(bigger) == 1 else "are")


def test_rule_2_compares_the_steps_as_written(tmp_path):
    """With f(v_i) within 1e-7 of 1 in size, |Δw_4i| = |Δb_4| |f(v_i)| is written as |Δb_4|: a saturated logsig neuron
    (v_3 = 25, Δw_43 and Δb_4 both -0.044378) and a tanh one (v_1 = -9, 5.245037 and -5.245037). The page said
    '|Δb_4| > |Δw_4i| for every i' and nothing more; it now says which w_4i it holds for only beyond the digits
    shown, and, when no step is written larger, that Δb_4 is the largest tied as written. The oracle's numbers."""
    seen = set()
    for name, i in [("logsig-saturated", 2), ("tanh-nearly-saturated-big-eta", 0)]:
        it = oracle.iteration(edge_examples.example(name))
        db, dw = it["db_output"][0], it["dw_output"][0]
        assert all(abs(w) < abs(db) for w in dw) and 0 < abs(db) - abs(dw[i]) < 5e-7, "the premise"
        assert [j for j in range(3) if oracle.formula_string(abs(dw[j])) == oracle.formula_string(abs(db))] == [i]
        text = prose_with(tmp_path, edge_examples.example(name), "rule-output-bias")
        assert (f"so, the error $e$ not being 0, $|\\Delta b_4| > |\\Delta w_{{4i}}|$ for every $i$, but for "
                f"$w_{{4{i + 1}}}$ only beyond the "
                f"digits shown: $f(v_{i + 1})$ is so close to 1 in size that $|\\Delta w_{{4{i + 1}}}|$ and "
                f"$|\\Delta b_4|$ are both written ${oracle.formula_string(abs(db))}$.") in text
        others = [abs(v) for row in it["dw_hidden"] for v in row] + [abs(v) for v in it["db_hidden"]]
        if all(oracle.formula_value(v) <= oracle.formula_value(abs(db)) for v in others):
            seen.add("largest")
            assert ("In this example no other parameter's step is written larger than $|\\Delta b_4|$: it is the "
                    "largest step of all thirteen parameters (nine weights, four biases) in size, tied as written "
                    f"with $|\\Delta w_{{4{i + 1}}}|$.") in text
        else:
            seen.add("not largest")
            assert "It is not the largest step of this iteration in size, though" in text
        assert "no other parameter's step is larger than" not in text
    assert seen == {"largest", "not largest"}


def _decimal(value: Fraction) -> str:
    """A finite decimal (a product of two decimals) with every digit it has."""
    digits = 0
    while value * 10**digits != int(value * 10**digits):
        digits += 1
    return f"{float(value):.{digits}f}" if digits <= 15 else str(value)


def _sci_exact(value: Fraction) -> str:
    """A finite decimal below 10^-5 with every digit it has, in TeX's scientific notation: -5.88 \\times 10^{-8}."""
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / Fraction(10) ** exponent
    return rf"{_decimal(mantissa).rstrip('0').rstrip('.')} \times 10^{{{exponent}}}"


def _says_how_dw_i2_relates_to_dw_i1(text: str, ex: dict, it: dict) -> list[int]:
    """The sentence on Δw_i2 against Δw_i1 in ``text``, against the oracle's updates and Fractions; the hidden
    neurons whose printed pair it names."""
    x1, x2 = ex["x"]
    for row in it["dw_hidden"]:  # the oracle: Δw_ik = (common factor) x_k
        assert row[0] * x2 == pytest.approx(row[1] * x1, abs=1e-15)
    assert "x_2 = x_1 / 2" not in text
    if x1 == 0 or x2 == 0:
        k = 1 if x1 == 0 else 2
        assert all(row[k - 1] == 0 for row in it["dw_hidden"])
        assert rf"Each $\Delta w_{{i{k}}}$ is 0: the two weights of a hidden neuron share every factor but the " \
               rf"input, and $x_{k} = 0$" in text
        assert "times $\\Delta w_{i1}$" not in text and "0.000000$ times" not in text
        return []
    # The ratio of the inputs as the example writes them, exactly: a fraction of the two decimals. With at most 6
    # decimals it is written as it is, with '='; else rounded, with '\approx', and the sentence says 'x_2 / x_1 times'
    # (it said '$\approx -0.428571$ times' beside '= -0.428571').
    exact = Fraction(repr(float(x2))) / Fraction(repr(float(x1)))
    whole = Fraction(num(x2 / x1)) == exact
    words = {Fraction(1, 2): "half of", 1: "equal to", 2: "twice", -1: "minus", Fraction(-1, 2): "minus half of"}
    relation = words.get(exact, f"${given(x2 / x1)}$ times" if whole else "$x_2 / x_1$ times")
    assert rf"Each $\Delta w_{{i2}}$ is {relation} $\Delta w_{{i1}}$" in text
    # Not a finite decimal of 6 places: written as formulas write a value (six decimals, or two significant digits
    # below 10^-5), with "=" where the exact ratio rounds to it (-0.5 / 1.5 = -0.333333) and "\approx" at a tie
    ratio_text = given(x2 / x1) if whole else oracle.formula_string(x2 / x1)
    as_written = exact if whole else Fraction(Decimal(repr(oracle.formula_value(x2 / x1))))
    unit = (Fraction(1, 10**6) if whole or not oracle.in_scientific(x2 / x1)
            else Fraction(Decimal(1).scaleb(Decimal(f"{x2 / x1:.1e}").adjusted() - 1)))
    written = ("=" if abs(exact - as_written) < unit / 2 else r"\approx") + f" {ratio_text}"
    assert f"x_2 / x_1 = {given(x2)} / {given_op(x1)} {written}$" in text
    # The written pairs: the page said 'half of' beside -0.085319 and -0.042660 (the default example's neuron 3). A
    # reader multiplies the table's Δw_i1 by the ratio as written and rounds as the table writes Δw_i2 (6 decimals, or
    # two significant digits below 10^-5): where that is not the table's Δw_i2 (or is a tie, halfway between two
    # written numbers), the page says so, with the product.
    factor = as_written
    missed = []
    for i, row in enumerate(it["dw_hidden"]):
        dw_1, dw_2 = (Fraction(Decimal(repr(oracle.formula_value(v)))) for v in row)
        unit = (Fraction(1, 10**6) if not oracle.in_scientific(row[1])
                else Fraction(Decimal(1).scaleb(Decimal(f"{row[1]:.1e}").adjusted() - 1)))
        product = factor * dw_1  # a finite decimal: the product of two decimals
        gap = abs(product - dw_2)
        if gap < unit / 2:
            continue
        missed.append(i)
        if gap == unit / 2:
            low = math.floor(product / unit) * unit
            rounds = (f"halfway between ${oracle.formula_string(float(low))}$ and "
                      f"${oracle.formula_string(float(low + unit))}$")
        elif (product / unit).denominator != 1:
            rounds = f"which rounds to ${oracle.formula_string(float(round(product / unit) * unit))}$"
        else:  # the product has no more digits than the table: nothing to round (a reviewer's "= -0.107576, which
            rounds = ""  # rounds to -0.107576")
        dw_1_text = oracle.formula_string(row[0])
        dw_1_text = dw_1_text if row[0] >= 0 and "times" not in dw_1_text else f"({dw_1_text})"
        product_text = (_decimal(product) if product == 0 or abs(product) >= Fraction(1, 10**5)
                        else _sci_exact(product))
        rounded_to = f", {rounds}" if rounds else ""
        assert (f"${ratio_text} \\cdot {dw_1_text} = {product_text}${rounded_to}, while the table has "
                f"$\\Delta w_{{{i + 1}2}} = {oracle.formula_string(row[1])}$") in text, (i, text[-3000:])
    said = "That is true of the exact values; each value of the table"
    assert (said in text) == bool(missed), missed
    assert ("(the ratio too)" in text) == (bool(missed) and not whole)
    return missed


def test_rule_3_says_how_dw_i2_relates_to_dw_i1():
    missed = _says_how_dw_i2_relates_to_dw_i1(prose("rule-hidden-weights"), EX, IT)
    worked = {key: value for key, value in EX.items() if key != "practice"}
    if worked == {key: value for key, value in oracle.SHIPPED.items() if key != "practice"}:
        # the shipped example, wherever its file is; by hand: 0.5 · (-0.085319) = -0.0426595
        assert missed == [2] and num(IT["dw_hidden"][2][1]) == "-0.042660"
        assert "$0.5 \\cdot (-0.085319) = -0.0426595$, halfway between $-0.042660$ and $-0.042659$, " in prose(
            "rule-hidden-weights")


# A teaching assistant's tanh example (x = (0.7, -0.3)): every printed pair shows x_2/x_1 ≈ -0.428571, yet the page
# said 'not of every printed pair: -0.428571 · 0.084166 = -0.036071106786 while Δw_12 prints as -0.036071', comparing a
# 12-decimal product with a 6-decimal number. With x = (1, 0.75), d = 2 the default weights give a tie and a miss
# (0.75 · (-0.005321) = -0.00399075 against -0.003990); with x = (0.3, 0.7) an inexact ratio and two misses.
DW_I2_EXAMPLES = {
    "ta-tanh": {"w_hidden": [[0.3, 0.7], [0.2, 0.45], [-0.6, -0.1]], "b_hidden": [0.000001, 0.0, 0.05],
                "w_output": [[0.8, -0.9, 0.6]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
                "x": [0.7, -0.3], "d": 0.4, "eta": 0.3},
    "tie-and-miss": {**oracle.shipped(), "x": [1.0, 0.75], "d": 2.0},
    "inexact-misses": {**oracle.shipped(), "x": [0.3, 0.7], "d": 1.0},
    # a reviewer's: eta = 10^-6, every Δw_ik below 10^-5, written with two significant digits; the page said "half of"
    # with no caveat beside Δw_21 = -1.2e-7 and Δw_22 = -5.8e-8, and Δw_11 = -2.5e-8 beside Δw_12 = -1.2e-8 (a tie)
    "two-digits": {**oracle.shipped(), "b_hidden": [-3.0, 0.2, 0.3], "eta": 0.000001},
    # a whole ratio: -2 · (-0.018948) = 0.037896 has the table's six decimals, nothing to round; it said "= 0.037896,
    # which rounds to 0.037896" (a reviewer), while the table has Δw_22 = 0.037895
    "whole-ratio": {**oracle.shipped(), "x": [0.3, -0.6]},
}


@pytest.mark.parametrize(("x", "said"), [
    ([1.5, -0.5], r"x_2 / x_1 = -0.5 / 1.5 = -0.333333$"),  # a reviewer's: -1/3 rounds to it, so "=" (it said "≈")
    ([10.0, 0.000001], r"x_2 / x_1 = 0.000001 / 10 = 1.0 \times 10^{-7}$"),  # six decimals would write 0.000000
    ([0.8, 0.000001], r"x_2 / x_1 = 0.000001 / 0.8 \approx "),  # 1.25e-6 exactly: a tie of its two digits
])
def test_rule_3_writes_an_inexact_ratio_as_formulas_write_a_value(tmp_path, x, said):
    """A ratio of the inputs that is not a decimal of six places is written as formulas write a value, with "=" where
    the exact ratio rounds to it, as everywhere on the site ("=" where the numbers shown give the result to its last
    digit), and "\approx" at a tie."""
    ex = {**oracle.load_example(oracle.DEFAULT_FILE), "x": x}
    ex.pop("practice", None)
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    assert said in text
    _says_how_dw_i2_relates_to_dw_i1(text, ex, oracle.iteration(ex))


@pytest.mark.parametrize("name", DW_I2_EXAMPLES)
def test_rule_3_names_the_printed_pairs_a_reader_finds_off_the_ratio(tmp_path, name):
    ex = {key: value for key, value in DW_I2_EXAMPLES[name].items() if key != "practice"}
    it = oracle.iteration(ex)
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    missed = _says_how_dw_i2_relates_to_dw_i1(text, ex, it)
    assert missed == {"ta-tanh": [], "tie-and-miss": [0, 1], "inexact-misses": [0, 2], "two-digits": [0, 1],
                      "whole-ratio": [1, 2]}[name]
    if name == "whole-ratio":
        assert "= 0.037896$, while the table has $\\Delta w_{22} = 0.037895$" in text and "which rounds to" not in text
    if name == "ta-tanh":  # the premise: the old page's exact products differ from every printed Δw_i2
        ratio = Fraction(num(-0.3 / 0.7))
        assert all(ratio * Fraction(num(row[0])) != Fraction(num(row[1])) for row in it["dw_hidden"])
        assert "\\approx -0.428571" not in text, "the ratio said one way: -0.3 / 0.7 rounds to -0.428571, so '='"


def test_rule_4_example_product_gives_its_result_as_written(tmp_path):
    """A reviewer's example (η = 0.0001, x = (0.7, 0.7)): "Δw_11 = Δb_1 x_1 = 0.000012 · 0.7 ≈ 8.7e-6", whose numbers
    give 8.4e-6. Δb_1 is written with the digits the product needs: the sentence's numbers, multiplied exactly, round
    to the written Δw_11 ("="), and its Δb_1 is the oracle's, rounded."""
    ex = {"w_hidden": [[0.3, -0.2], [0.5, 0.1], [-0.4, 0.6]], "b_hidden": [0.0, 0.1, -0.2],
          "w_output": [[0.6, 0.0, -0.5]], "b_output": [0.3], "hidden": "logsig", "output": "purelin",
          "x": [0.7, 0.7], "d": 1.2, "eta": 0.0001}
    it = oracle.iteration(ex)
    text = prose_with(tmp_path, ex, "rule-hidden-biases")
    m = re.search(r"\\Delta w_\{11\} = \\Delta b_1\\, x_1 = (\d\.\d+) \\cdot 0\.7 (=|\\approx) (\d\.\d) \\times "
                  r"10\^\{(-\d+)\}\$", text)
    assert m, text[text.find("For example"):][:200]
    db_1, sign, mantissa, exponent = m.groups()
    assert abs(Decimal(db_1) - Decimal(repr(it["db_hidden"][0]))) <= Decimal(1).scaleb(-len(db_1.split(".")[1])) / 2
    product, unit = Decimal(db_1) * Decimal("0.7"), Decimal(1).scaleb(int(exponent) - 1)
    assert sign == "=" and abs(product - Decimal(mantissa).scaleb(int(exponent))) < unit / 2, (product, m.group(0))


def test_rule_4_example_product_takes_a_bias_that_moves(tmp_path):
    """A reviewer's example with w_41 = 0: "For example Δw_11 = Δb_1 x_1 = 0.000000 · (-0.8) = 0.000000", true and
    empty (Δb_1 is exactly 0). The product is shown for the first neuron whose bias moves, neuron 2 here (the
    oracle's Δb_2 times x_1 gives its Δw_21)."""
    ex = {"w_hidden": [[0.3, -0.2], [0.5, 0.1], [-0.4, 0.6]], "b_hidden": [0.0, 0.1, -0.2],
          "w_output": [[0.0, -0.9, 0.6]], "b_output": [0.3], "hidden": "logsig", "output": "purelin",
          "x": [-0.8, 0.4], "d": 1.2, "eta": 1.5}
    it = oracle.iteration(ex)
    assert it["db_hidden"][0] == 0 and it["db_hidden"][1] != 0  # the premise
    text = prose_with(tmp_path, ex, "rule-hidden-biases")
    m = re.search(r"For example \$\\Delta w_\{21\} = \\Delta b_2\\, x_1 = (-?\d\.\d+) \\cdot \(-0\.8\) (=|\\approx) "
                  r"(-?\d\.\d+)\$", text)
    assert m, text[text.find("For example"):][:300]
    assert float(m[1]) == pytest.approx(it["db_hidden"][1], abs=5e-7) and m[3] == num(it["dw_hidden"][1][0])


def test_rule_4_says_when_db_i_equals_dw_ik():
    text = prose("rule-hidden-biases")
    x = IT["x"]
    for i in range(3):  # the oracle: Δw_ik = Δb_i x_k
        assert IT["dw_hidden"][i] == pytest.approx([IT["db_hidden"][i] * xk for xk in x])
    for k in (1, 2):
        claim = rf"Because $x_{k} = 1$ in the worked example, each $\Delta b_i$ equals $\Delta w_{{i{k}}}$"
        if claim in text:
            assert x[k - 1] == 1.0
    if 1.0 not in x:
        assert "each $\\Delta b_i$ equals" not in text
        assert r"$\Delta w_{ik} = \Delta b_i\, x_k$" in text
        nonzero = [k for k in range(2) if x[k] != 0]
        if nonzero:  # the illustration uses an input that is not 0 (x_k = 0 would show 0 = Δb_1 · 0)
            k = nonzero[0]
            shown_x = given_op(x[k])
            shown = f"\\Delta w_{{1{k + 1}}} = \\Delta b_1\\, x_{k + 1} = {num(IT['db_hidden'][0])} \\cdot {shown_x}"
            assert any(f"{shown} {rel} {num(IT['dw_hidden'][0][k])}$" in text for rel in ("=", "\\approx")), shown
        assert not re.search(r"\\Delta b_1\\, x_\d = \S+ \\cdot -?0\.000000", text)
    else:
        k = x.index(1.0) + 1
        assert rf"Because $x_{k} = 1$ in the worked example, each $\Delta b_i$ equals $\Delta w_{{i{k}}}$" in text


NEGATIVE_ZERO = re.compile(r"(?<![\w.])-0\.0*(?![0-9])")  # "-0.", "-0.000000": a sign the number does not have


@pytest.mark.parametrize("page", PAGES)
def test_printed_arrays_have_six_decimals_and_no_negative_zero(page):
    """What the copyable blocks print: every number of an array with the site's 6 decimals (numpy would drop
    trailing zeros, "-0.01563"), and nowhere a negative zero ("-0.", "-0.000000")."""
    text = page_text(page)
    assert not NEGATIVE_ZERO.search(text), NEGATIVE_ZERO.search(text)
    array_lines = [line for line in text.splitlines() if re.match(r"^\s*(?:\S+\s*=\s*)?\[+\s*-?\d", line)]
    assert array_lines or page == "rule-output-bias", f"{page}: no printed array"  # rule 2 prints one number
    for line in array_lines:
        for number in re.findall(r"-?\d+\.\d*", line):
            assert re.fullmatch(r"-?\d+\.\d{6}", number), f"{page}: {number!r} in {line!r}"


def test_negative_zero_pattern():
    assert NEGATIVE_ZERO.search("[[-0.        1.145428]") and NEGATIVE_ZERO.search("[-0.000000, 1.0]")
    assert not NEGATIVE_ZERO.search("-0.015630 0.000000 -0.089740 10.000000 x-0.5")


# The substituted arithmetic (tests/support/pages.wrong_claims): a negative operand in parentheses, and "=" only
# where the numbers as written give the written result (else "\approx"), which for "\approx" is still near: within
# one unit of its last digit or pages.NEAR of its size. A formula once wrote a saturated neuron's f'(v_2) = 7.5e-7 as
# 0.000001 and gave "0.000001 \cdot (-2.1) \cdot 9.313745 \approx -0.000015", while those numbers give -0.0000196.


@pytest.mark.parametrize("page", PAGES)
def test_substituted_arithmetic_is_written_as_the_site_promises(page):
    text = page_text(page)
    # A negative number never follows an operator without parentheses: "a \cdot -b", "a + -b", "a - -b".
    bare = re.findall(r"(?:\\cdot|[+\-]|\\approx(?=\s*-\s))\s+-\d", text)
    assert not [b for b in bare if not b.startswith(r"\approx")], f"{page}: unparenthesised negatives {bare}"
    assert not pages.wrong_claims(text), f"{page}: {pages.wrong_claims(text)}"
    found = len(pages.arithmetic_claims(text))
    assert found >= len(PARAMS_OF_PAGE[page]) + 1, f"{page}: only {found} substituted results found"


# Examples whose formulas have values that six decimals write far off: a logsig neuron with f'(v_2) = 7.5e-7 and a
# large error (the case above), saturated tanh neurons, and eta = 10^-6 (every step below 10^-6).
FAR_OFF_FORMULAS = {
    "logsig-f-prime-7.5e-7": {"w_hidden": [[0.5, 0.3], [6.0, 4.0], [0.5, -0.3]], "b_hidden": [0.1, 0.1, 0.2],
                              "w_output": [[0.8, -2.1, 1.2]], "b_output": [0.4], "hidden": "logsig",
                              "output": "purelin", "x": [1.5, 1.25], "d": 9.0, "eta": 0.5},
    "tanh-saturated": {"w_hidden": [[4.0, 3.0], [-6.5, 2.0], [0.5, -0.3]], "b_hidden": [1.0, -2.5, 0.2],
                       "w_output": [[0.8, -2.1, 1.2]], "b_output": [0.4], "hidden": "tansig", "output": "purelin",
                       "x": [2.0, 1.5], "d": 5.0, "eta": 0.5},
    "eta-1e-6": {"w_hidden": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [-3.0, 0.2, 0.3],
                 "w_output": [[0.7, 0.8, 0.9]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
                 "x": [1.0, 0.5], "d": 1.0, "eta": 0.000001},
}


@pytest.mark.parametrize("name", FAR_OFF_FORMULAS)
def test_formulas_with_values_six_decimals_write_far_off_still_add_up(tmp_path, name):
    """Each rule page's substituted formulas, for examples whose values six decimals write far off: written in
    scientific notation there, every "=" holds for the numbers as written and every "\approx" is near."""
    it = oracle.iteration(FAR_OFF_FORMULAS[name])
    far_off = [v for v in [*it["fp_hidden"], *it["delta_hidden"], *it["dw_output"][0]] if oracle.printed_far_off(v)]
    assert far_off, "the premise: some factor or step is written far off by six decimals"
    rendered = pages_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **FAR_OFF_FORMULAS[name]}, PAGES)
    for page in PAGES:
        wrong = pages.wrong_claims(rendered[page])
        assert not wrong and pages.arithmetic_claims(rendered[page]), (page, wrong)
    shown = " ".join(rendered.values())
    assert any(oracle.formula_string(v) in shown for v in far_off)


# --------------------------------------------------------------------------------------------------
# (b) The equations, with sympy.
# --------------------------------------------------------------------------------------------------

x1, x2, d, eta = sp.symbols("x1 x2 d eta", real=True)
W = {f"w{i}{k}": sp.Symbol(f"w{i}{k}", real=True) for i in (1, 2, 3) for k in (1, 2)}
W.update({f"w4{i}": sp.Symbol(f"w4{i}", real=True) for i in (1, 2, 3)})
B = {f"b{i}": sp.Symbol(f"b{i}", real=True) for i in (1, 2, 3, 4)}
SYM = {**W, **B}
X_SYM = [x1, x2]


def f(v):
    """logsig, symbolically: the slides' hidden activation, which the pages derive."""
    return 1 / (1 + sp.exp(-v))


V_HIDDEN = [W[f"w{i}1"] * x1 + W[f"w{i}2"] * x2 + B[f"b{i}"] for i in (1, 2, 3)]  # v_i


def cost_of(activation) -> sp.Expr:
    """E = E_4 = ½ e² of the symbolic 2-3-1 network with the hidden ``activation`` and a purelin output."""
    v4 = sum(W[f"w4{i}"] * activation(V_HIDDEN[i - 1]) for i in (1, 2, 3)) + B["b4"]
    return sp.Rational(1, 2) * (d - v4) ** 2


Y_HIDDEN = [f(v) for v in V_HIDDEN]  # y_hi = f(v_i)
V4 = sum(W[f"w4{i}"] * Y_HIDDEN[i - 1] for i in (1, 2, 3)) + B["b4"]  # v_4
Y = V4  # purelin
E = cost_of(f)  # the slides' network


def is_zero(expr) -> bool:
    expr = sp.simplify(expr)
    return expr == 0


def slides_delta(name: str):
    """The final rule displayed on the page for one parameter (the slides' one-output form)."""
    kind, idx = name[0], name[1:]
    if name.startswith("w4"):
        i = int(idx[1])
        return eta * (d - Y) * Y_HIDDEN[i - 1]  # rule (1)
    if name == "b4":
        return eta * (d - Y)  # rule (2)
    i = int(idx[0])
    back = eta * (d - Y) * W[f"w4{i}"] * Y_HIDDEN[i - 1] * (1 - Y_HIDDEN[i - 1])
    if kind == "w":
        return back * X_SYM[int(idx[1]) - 1]  # rule (3)
    return back  # rule (4)


@pytest.mark.parametrize("name", sorted(SYM))
def test_every_expansion_is_minus_eta_times_the_gradient(name):
    """All 3 + 1 + 6 + 3 concrete expansions equal -η ∂E/∂θ of the symbolic 2-3-1 network."""
    assert is_zero(-eta * sp.diff(E, SYM[name]) - slides_delta(name))


def test_expansions_at_the_worked_example_match_the_package():
    """sympy's gradient, evaluated at the worked example with its own hidden activation, against backprop."""
    values = {x1: EX["x"][0], x2: EX["x"][1], d: EX["d"], eta: EX["eta"]}
    for i in (1, 2, 3):
        values[B[f"b{i}"]] = EX["b_hidden"][i - 1]
        values[W[f"w4{i}"]] = EX["w_output"][0][i - 1]
        for k in (1, 2):
            values[W[f"w{i}{k}"]] = EX["w_hidden"][i - 1][k - 1]
    values[B["b4"]] = EX["b_output"][0]
    cost = cost_of({"logsig": f, "tansig": sp.tanh}[EX.get("hidden", "logsig")])
    package = package_updates()
    for name, sym in SYM.items():
        exact = float((-eta * sp.diff(cost, sym)).subs(values))
        assert package[name][1] == pytest.approx(exact, rel=1e-12), name


# The chain-rule factors, each from its own definition, on generic symbols.
e_, y_, vj, yhi, vi, wji, wik, bj, bi, xk, other = sp.symbols("e y v_j y_hi v_i w_ji w_ik b_j b_i x_k other")


def test_each_chain_rule_factor():
    assert sp.diff(sp.Rational(1, 2) * e_**2, e_) == e_  # ∂E_j/∂e_j = e_j
    assert sp.diff(d - y_, y_) == -1  # ∂e_j/∂y_j = -1
    assert sp.diff(vj, vj) == 1  # ∂y_j/∂v_j = f'(v_j) = 1 (purelin: y_j = v_j)
    v_j = wji * yhi + other + bj  # v_j = Σ_i w_ji y_hi + b_j, "other" = the other terms of the sum
    assert sp.diff(v_j, wji) == yhi  # ∂v_j/∂w_ji = y_hi = f(v_i)
    assert sp.diff(v_j, bj) == 1  # ∂v_j/∂b_j = 1
    assert sp.diff(v_j, yhi) == wji  # ∂v_j/∂y_hi = w_ji(n)
    assert is_zero(sp.diff(f(vi), vi) - f(vi) * (1 - f(vi)))  # ∂y_hi/∂v_i = f(v_i)(1 - f(v_i))
    v_i = wik * xk + other + bi  # v_i = Σ_k w_ik x_k + b_i
    assert sp.diff(v_i, wik) == xk  # ∂v_i/∂w_ik = x_k
    assert sp.diff(v_i, bi) == 1  # ∂v_i/∂b_i = 1


def chain_product(name: str):
    """The product of the factors on the page, each evaluated on the network, for one parameter."""
    e = d - Y
    dE_de, de_dy, dy_dv4 = e, -1, 1
    if name.startswith("w4"):
        return dE_de * de_dy * dy_dv4 * Y_HIDDEN[int(name[2]) - 1]
    if name == "b4":
        return dE_de * de_dy * dy_dv4 * 1
    i = int(name[1])
    dv4_dyhi, dyhi_dvi = W[f"w4{i}"], Y_HIDDEN[i - 1] * (1 - Y_HIDDEN[i - 1])
    last = X_SYM[int(name[2]) - 1] if name[0] == "w" else 1
    return dE_de * de_dy * dy_dv4 * dv4_dyhi * dyhi_dvi * last


@pytest.mark.parametrize("name", ["w41", "w43", "b4", "w11", "w32", "b1", "b3"])
def test_chain_rule_product_equals_the_gradient(name):
    assert is_zero(chain_product(name) - sp.diff(E, SYM[name]))


@pytest.mark.parametrize("name", ["w42", "b4", "w21", "b2"])
def test_each_simplification_line(name):
    """The pages' 'Simplifying' lines, in order, for one parameter of each rule: each equals w - η ∂E/∂w."""
    theta, e = SYM[name], d - Y
    target = theta - eta * sp.diff(E, theta)
    if name.startswith("w4") or name == "b4":
        last = Y_HIDDEN[int(name[2]) - 1] if name != "b4" else 1
        lines = [
            theta - eta * e * (-1) * 1 * last,  # - η e_j (-1) f'(v_j) f(v_i) [or (1)], with f'(v_j) = 1
            theta - eta * e * (-1) * (1) * last,  # - η e_j (-1)(1) f(v_i)
            theta + eta * (d - Y) * last,  # + η (d_j - y_j) f(v_i)
        ]
    else:
        i = int(name[1])
        f_i = Y_HIDDEN[i - 1]
        last = X_SYM[int(name[2]) - 1] if name[0] == "w" else 1
        f_prime_i = sp.diff(f(vi), vi).subs(vi, V_HIDDEN[i - 1])  # f'(v_i) as a derivative, not the formula
        lines = [
            theta - eta * e * (-1) * 1 * W[f"w4{i}"] * f_prime_i * last,  # ... f'(v_j) w_ji f'(v_i) x_k
            theta - eta * e * (-1) * (1) * W[f"w4{i}"] * (f_i * (1 - f_i)) * last,  # ... [f(v_i)(1 - f(v_i))]
            theta + eta * (d - Y) * W[f"w4{i}"] * (f_i * (1 - f_i)) * last,  # + η (d_j - y_j) w_ji [...] x_k
        ]
    for n, line in enumerate(lines):
        assert is_zero(line - target), f"{name}: simplification line {n + 1}"


def test_general_hidden_rule_needs_the_sum_over_outputs():
    """With two outputs, Δw_ik = η [Σ_j e_j f'(v_j) w_ji] f'(v_i) x_k; the slides' single-j form is wrong."""
    d5, d6 = sp.symbols("d5 d6", real=True)
    w5 = [sp.Symbol(f"w5{i}", real=True) for i in (1, 2, 3)]
    w6 = [sp.Symbol(f"w6{i}", real=True) for i in (1, 2, 3)]
    b5, b6 = sp.symbols("b5 b6", real=True)
    y5 = sp.tanh(sum(w * y for w, y in zip(w5, Y_HIDDEN)) + b5)  # a non-linear output, to keep f'(v_j)
    y6 = sp.tanh(sum(w * y for w, y in zip(w6, Y_HIDDEN)) + b6)
    e5, e6 = d5 - y5, d6 - y6
    E_total = sp.Rational(1, 2) * (e5**2 + e6**2)  # E = Σ_j E_j
    fp5, fp6 = 1 - y5**2, 1 - y6**2  # tansig f'(v_j)
    f1 = Y_HIDDEN[0]
    general = eta * (e5 * fp5 * w5[0] + e6 * fp6 * w6[0]) * f1 * (1 - f1) * x2  # Δw_12, with Σ_j
    slides = eta * e5 * fp5 * w5[0] * f1 * (1 - f1) * x2  # Δw_12 from E_5 alone
    grad = -eta * sp.diff(E_total, W["w12"])
    # Small values of both signs, so that no neuron saturates and no term vanishes.
    point = {s: sp.Rational((-1) ** n * (n + 3), 40) for n, s in enumerate(sorted(grad.free_symbols, key=str))}
    point[eta] = sp.Rational(1, 2)
    assert abs(float((general - grad).xreplace(point))) < 1e-12
    assert abs(float((slides - grad).xreplace(point))) > 1e-3
    general_b = eta * (e5 * fp5 * w5[0] + e6 * fp6 * w6[0]) * f1 * (1 - f1)  # Δb_1, with Σ_j
    grad_b = -eta * sp.diff(E_total, B["b1"])
    assert abs(float((general_b - grad_b).xreplace(point))) < 1e-12

    # ... and backprop computes the general form (the pages say so).
    net = backprop.Network(
        w_hidden=[[float(point[W[f"w{i}{k}"]]) for k in (1, 2)] for i in (1, 2, 3)],
        b_hidden=[float(point[B[f"b{i}"]]) for i in (1, 2, 3)],
        w_output=[[float(point[w]) for w in w5], [float(point[w]) for w in w6]],
        b_output=[float(point[b5]), float(point[b6])],
        output="tansig",
    )
    fp = backprop.forward(net, [float(point[x1]), float(point[x2])])
    target, rate = [float(point[d5]), float(point[d6])], float(point[eta])
    assert rules.delta_w_hidden(fp, target, rate)[0, 1] == pytest.approx(float(grad.xreplace(point)), rel=1e-10)
    assert rules.delta_b_hidden(fp, target, rate)[0] == pytest.approx(float(grad_b.xreplace(point)), rel=1e-10)


# The displayed LaTeX of each page's final rule, so that an edit of the page without an edit of the
# checks above fails here.
FINAL_RULES = {
    "rule-output-weights": [
        r"\Delta w_{ji}(n) = \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n)) = \eta\, e_j(n)\, y_{hi}(n)",
        r"w_{ji}(n) + \eta\, \big(d_j(n) - y_j(n)\big)\, f(v_i(n))",
        r"\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, f(v_i(n))",
    ],
    "rule-output-bias": [
        r"\Delta b_j(n) = \eta\, \big(d_j(n) - y_j(n)\big) = \eta\, e_j(n)",
        r"b_j(n) + \eta\, \big(d_j(n) - y_j(n)\big)",
    ],
    "rule-hidden-weights": [
        r"\Delta w_{ik}(n) = \eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n)",
        r"\Delta w_{ik}(n) = \eta\, \Big[\sum_j e_j(n)\, f'(v_j(n))\, w_{ji}(n)\Big]\, f'(v_i(n))\, x_k(n)",
    ],
    "rule-hidden-biases": [
        r"\Delta b_i(n) = \eta\, \big(d(n) - y(n)\big)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)",
        # the summed form for several outputs is on rule 3's page (its collapsed box) and in erratum 5
    ],
}


@pytest.mark.parametrize("page", PAGES)
def test_checked_equations_are_the_displayed_ones(page):
    source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    for latex in FINAL_RULES[page]:
        assert latex in source, f"{page}.md no longer displays the checked equation {latex!r}"




# --------------------------------------------------------------------------------------------------
# (d) The local gradients δ_4 and δ_i: their equations (sympy), their numbers and the "Reading the rule" words
#     (the oracle's delta_output and delta_hidden).
# --------------------------------------------------------------------------------------------------

v_, v1, v2, v3 = sp.symbols("v v1 v2 v3", real=True)


def signed(value: float) -> str:
    """A number as it follows an operator on the pages: a negative one in parentheses."""
    return num(value) if value >= 0 else f"({num(value)})"


def test_delta_j_is_minus_the_slope_of_E_in_v_j():
    """δ_j = -∂E/∂v_j = e_j f'(v_j) for any output activation g, and the product of factors 1-3 is -δ_j."""
    g = sp.Function("g")
    cost = sp.Rational(1, 2) * (d - g(v_)) ** 2
    e = d - g(v_)
    delta = e * sp.diff(g(v_), v_)
    assert is_zero(-sp.diff(cost, v_) - delta)
    assert is_zero(e * (-1) * sp.diff(g(v_), v_) - sp.diff(cost, v_))  # ∂E/∂e ∂e/∂y ∂y/∂v = -e f'(v) = ∂E/∂v


def test_delta_i_is_minus_the_slope_of_E_in_v_i():
    """δ_i = -∂E/∂v_i = f'(v_i) w_4i δ_4, E written as a function of the hidden fields (any hidden f, linear output)."""
    h = sp.Function("f")
    fields = [v1, v2, v3]
    y = sum(W[f"w4{i + 1}"] * h(fields[i]) for i in range(3)) + B["b4"]
    cost = sp.Rational(1, 2) * (d - y) ** 2
    delta_4 = (d - y) * 1  # e f'(v_4), f'(v_4) = 1
    for i in range(3):
        delta_i = sp.diff(h(fields[i]), fields[i]) * W[f"w4{i + 1}"] * delta_4
        assert is_zero(-sp.diff(cost, fields[i]) - delta_i), f"δ_{i + 1}"


@pytest.mark.parametrize("name", ["w41", "w43", "b4", "w12", "w31", "b2"])
def test_every_rule_is_eta_delta_times_its_input(name):
    """Δw_4i = η δ_4 y_hi, Δb_4 = η δ_4 · 1, Δw_ik = η δ_i x_k, Δb_i = η δ_i · 1, each = -η ∂E/∂θ (logsig)."""
    delta_4 = (d - Y) * 1
    if name.startswith("w4"):
        rule = eta * delta_4 * Y_HIDDEN[int(name[2]) - 1]
    elif name == "b4":
        rule = eta * delta_4 * 1
    else:
        i = int(name[1])
        delta_i = Y_HIDDEN[i - 1] * (1 - Y_HIDDEN[i - 1]) * W[f"w4{i}"] * delta_4
        rule = eta * delta_i * (X_SYM[int(name[2]) - 1] if name[0] == "w" else 1)
    assert is_zero(rule + eta * sp.diff(E, SYM[name]))


def test_several_outputs_delta_i_sums_over_j():
    """The collapsed box's δ_i = f'(v_i) Σ_j w_ji δ_j, on a 2-3-2 network with a tanh output, against -∂E/∂v_i."""
    h = sp.Function("f")
    w5 = [sp.Symbol(f"w5{i}", real=True) for i in (1, 2, 3)]
    w6 = [sp.Symbol(f"w6{i}", real=True) for i in (1, 2, 3)]
    d5, d6, b5, b6 = sp.symbols("d5 d6 b5 b6", real=True)
    fields = [v1, v2, v3]
    v5 = sum(w * h(v) for w, v in zip(w5, fields)) + b5
    v6 = sum(w * h(v) for w, v in zip(w6, fields)) + b6
    cost = sp.Rational(1, 2) * ((d5 - sp.tanh(v5)) ** 2 + (d6 - sp.tanh(v6)) ** 2)
    delta_5 = (d5 - sp.tanh(v5)) * (1 - sp.tanh(v5) ** 2)
    delta_6 = (d6 - sp.tanh(v6)) * (1 - sp.tanh(v6) ** 2)
    for i in range(3):
        delta_i = sp.diff(h(fields[i]), fields[i]) * (w5[i] * delta_5 + w6[i] * delta_6)
        assert is_zero(-sp.diff(cost, fields[i]) - delta_i)


DELTA_EQUATIONS = {
    "rule-output-weights": [
        r"= \frac{\partial E(n)}{\partial v_j(n)} = -e_j(n)\, f'(v_j(n))",
        r"\delta_j(n) = -\frac{\partial E(n)}{\partial v_j(n)} = e_j(n)\, f'(v_j(n))",
        r"\Delta w_{ji}(n) = \eta\, \delta_j(n)\, y_{hi}(n)",
    ],
    "rule-output-bias": [r"\Delta b_j(n) = \eta\, \delta_j(n) \cdot 1"],
    "rule-hidden-weights": [
        r"= e_j(n) \cdot (-1) \cdot f'(v_j(n)) = -\delta_j(n)",
        r"\delta_i(n) = -\frac{\partial E(n)}{\partial v_i(n)} = f'(v_i(n))\, w_{4i}(n)\, \delta_4(n)",
        r"\Delta w_{ik}(n) = \eta\, \delta_i(n)\, x_k(n)",
        r"\delta_i = f'(v_i) \sum_j w_{ji}\, \delta_j",
    ],
    "rule-hidden-biases": [r"\Delta b_i(n) = \eta\, \delta_i(n) \cdot 1"],
}


@pytest.mark.parametrize("page", PAGES)
def test_checked_delta_equations_are_the_displayed_ones(page):
    source = " ".join((DOCS / f"{page}.md").read_text(encoding="utf-8").split())
    for latex in DELTA_EQUATIONS[page]:
        assert " ".join(latex.split()) in source, f"{page}.md no longer displays the checked equation {latex!r}"


def test_rule_1_shows_delta_4():
    text = prose("rule-output-weights")
    d4 = IT["delta_output"][0]
    assert d4 == pytest.approx(IT["e"] * IT["fp_output"][0])
    assert IT["fp_output"][0] == 1.0  # the linear output's constant f'(v_4), written as 1
    assert re.search(rf"\\delta_4 = e\\, f'\(v_4\) = {re.escape(num(IT['e']))} \\cdot 1 "
                     rf"(=|\\approx) {re.escape(num(d4))}", text), "δ_4 = e f'(v_4) with the example's numbers"


def test_rule_3_shows_each_delta_i_and_rule_4_uses_them():
    text, text_4 = prose("rule-hidden-weights"), prose("rule-hidden-biases")
    d4 = IT["delta_output"][0]
    for i in range(3):
        w, fp_i, delta_i = EX["w_output"][0][i], IT["fp_hidden"][i], IT["delta_hidden"][i]
        shown = (rf"\delta_{i + 1} &= f'(v_{i + 1})\, w_{{4{i + 1}}}\, \delta_4 = {num(fp_i)} \cdot {given_op(w)} "
                 rf"\cdot {signed(d4)}")
        assert re.search(re.escape(shown) + rf" (=|\\approx) {re.escape(num(delta_i))}", text), shown
        assert f"${num(delta_i)}$" in text_4, f"rule 4: δ_{i + 1} is not in its table"


@pytest.mark.parametrize("page", ["rule-output-weights", "rule-output-bias", "rule-hidden-weights",
                                  "rule-hidden-biases"])
def test_the_source_a_rule_page_prints_is_to_read_without_a_copy_button(page):
    """A student copied the rule functions' source from its copy button and got NameError (ForwardPass, Array):
    the box says it is to read, and its blocks carry material's no-copy class."""
    text = page_text(page)  # the page's Markdown with every block's output in place
    box = text[text.index("These functions are to read, not to paste"):]
    box = box[:box.index("Run on the worked example")]
    fences = [fence.strip() for fence in re.findall(r"^\s*```(.*)$", box, re.M)]
    assert len(fences) >= 10 and all(f in ("{ .python .no-copy }", "") for f in fences), fences


@pytest.mark.parametrize("page", ["rule-hidden-weights", "rule-hidden-biases"])
def test_the_code_lines_the_hidden_pages_name_are_in_the_source_they_show(page):
    """'The line `delta_i = ...`': each line of code the prose names is assigned in the source the page prints (the
    public rule function alone delegates to `_updates` and holds no `delta_i`)."""
    text = page_text(page)
    shown = "\n".join(re.findall(SOURCE_FENCE, text, re.S))  # what the exec blocks printed
    named = set(re.findall(r"line\s+`(\w+) ?= ?\.\.\.`", text)) | set(re.findall(r"bracket\s+`(\w+)`", text))
    assert "delta_i" in named, f"{page}: the prose no longer names the local gradient's line"
    for name in named:
        assert re.search(rf"^\s*{name} ?=", shown, re.M), f"{page} names `{name} = ...`, its source does not show it"


@pytest.mark.parametrize(("page", "field"), [("rule-hidden-weights", "dw_hidden"),
                                           ("rule-hidden-biases", "db_hidden")])
def test_the_code_paragraph_names_every_factor_of_the_line_it_names(page, field):
    """'η times the outer product with x (the line `dw_hidden=...`)': the line the prose names multiplies by η in the
    source the page prints, so the prose says η too (it once said the outer product alone gives Δw_ik)."""
    text = page_text(page)
    shown = "\n".join(re.findall(SOURCE_FENCE, text, re.S))
    line = re.search(rf"^\s*{field}=(.*)$", shown, re.M)
    assert line, f"{page}: the source it shows has no line {field}=..."
    factors = re.split(r"\s*\*\s*", line[1].split("#")[0].strip().rstrip(","))
    assert factors[0] == "eta", factors
    paragraph = next(p for p in re.split(r"\n\s*\n", text) if f"`{field}=...`" in p)
    sentence = re.sub(r"\s+", " ", paragraph)
    before = sentence[:sentence.index(f"`{field}=...`")]
    assert "$\\eta$ times" in before[-120:] or f"`{field}=...` is $\\eta$ times" in sentence, sentence


# The "Check it yourself: a finite difference" tips: page -> the finite difference's label, the rule's label, the
# parameter the block nudges (its key in the example and its index) and the oracle's Δ of it.
FD_TIPS = {
    "rule-output-weights": ("-eta * dE/dw41", "Δw_41(0)", "w_output", (0, 0), "dw_output"),
    "rule-output-bias": ("-eta * dE/db4", "Δb_4(0)", "b_output", (0,), "db_output"),
    "rule-hidden-weights": ("-eta * dE/dw32", "Δw_32(0)", "w_hidden", (2, 1), "dw_hidden"),
    "rule-hidden-biases": ("-eta * dE/db1", "Δb_1(0)", "b_hidden", (0,), "db_hidden"),
}


def oracle_fd_tip(ex: dict, page: str, h: float = 1e-6) -> tuple[float, float]:
    """-η times the oracle's own central difference of E in the tip's parameter, and the oracle's Δ of it."""
    _, _, key, index, delta_key = FD_TIPS[page]
    delta = oracle.iteration(ex)[delta_key]
    for n in index:
        delta = delta[n]
    return -ex["eta"] * oracle_gradient(ex, key, index, h), delta


def fd_tip_says(page: str) -> tuple[str, str, str, str]:
    """The tip's sentence (white space made single spaces) and what its block printed: the finite difference, the
    rule's Δ and the gap, as printed, for the example ``examples`` holds now (run here, so a test may patch it)."""
    source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    tip = source[source.index('??? tip "Check it yourself: a finite difference"'):]
    (check,) = [m for m in EXEC.finditer(tip) if "(2 * h)" in m["body"]]
    printed = render_block(Snippet(DOCS / f"{page}.md", 0, "python exec", textwrap.dedent(check["body"])))
    fd_label, delta_label = FD_TIPS[page][:2]
    m = re.fullmatch(rf"{re.escape(fd_label)} = (-?\d+\.\d{{6}}), {re.escape(delta_label)} = (-?\d+\.\d{{6}}), "
                     r"apart by (0|\de[+-]\d\d)\n", printed)
    assert m, f"{page}: the tip printed {printed!r}"
    # the text before the check, with any block there replaced by what it prints (the sentence of rules 3 and 4)
    sentence = EXEC.sub(lambda b: render_block(Snippet(DOCS / f"{page}.md", 0, "python exec",
                                                       textwrap.dedent(b["body"]))), tip[:check.start()])
    return " ".join(sentence.split()), m[1], m[2], m[3]


@pytest.mark.parametrize("page", FD_TIPS)
def test_the_finite_difference_tip_prints_the_rule_and_the_difference_and_their_gap(page):
    """The tip once printed the central difference alone under '-η times the slope is Δw_32(0)': a finite difference
    differs from the rule in later digits and can round to another last digit. It prints both, against the oracle's
    own central difference and Δ, and how far apart they are; its sentence no longer says they are equal."""
    sentence, fd, delta, gap = fd_tip_says(page)
    expected_fd, expected_delta = oracle_fd_tip(EX, page)
    assert delta == num(expected_delta)
    assert abs(float(fd) - expected_fd) <= 5e-7 + 1e-9
    assert float(gap) < 1e-8 and abs(expected_fd - expected_delta) < 1e-8  # rounding error only, at this cost
    assert "times the slope is" not in sentence
    assert "must equal the rule's" in sentence and "up to the finite difference's own error" in sentence


EXAMPLE_LINE = "net, x, d, eta = examples.NET, examples.X, examples.D, examples.ETA  # the worked example, or your own"


@pytest.mark.parametrize("page", FD_TIPS)
def test_the_finite_difference_tip_takes_its_numbers_in_one_line_a_reader_can_change(page):
    """A reviewer copied a tip's block and changed examples.X in its first line (commented "the rule"): the block
    used examples.X five more times and printed a rule and a slope 0.1 apart, as if the rule were wrong. The numbers
    come in one line: with the practice example's there, the block prints the oracle's slope and Δ for it."""
    source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    tip = source[source.index('??? tip "Check it yourself: a finite difference"'):]
    (check,) = [m for m in EXEC.finditer(tip) if "(2 * h)" in m["body"]]
    code = textwrap.dedent(check["body"])
    for name in ("examples.NET", "examples.X", "examples.D", "examples.ETA"):
        assert code.count(name) == 1, (page, name, code.count(name))
    ex = oracle.practice_of(oracle.shipped())
    own = (f"from backprop import Network\nnet, x, d, eta = Network({ex['w_hidden']!r}, {ex['b_hidden']!r}, "
           f"{ex['w_output']!r}, {ex['b_output']!r}, hidden={ex['hidden']!r}), {ex['x']!r}, {ex['d']!r}, "
           f"{ex['eta']!r}")
    assert code.count(EXAMPLE_LINE) == 1, page
    printed = render_block(Snippet(DOCS / f"{page}.md", 0, "python exec", code.replace(EXAMPLE_LINE, own)))
    fd_label, delta_label = FD_TIPS[page][:2]
    m = re.fullmatch(rf"{re.escape(fd_label)} = (-?\d+\.\d{{6}}), {re.escape(delta_label)} = (-?\d+\.\d{{6}}), "
                     r"apart by (0|\de[+-]\d\d)\n", printed)
    assert m, (page, printed)
    expected_fd, expected_delta = oracle_fd_tip(ex, page)
    assert m[2] == num(expected_delta), (m[2], expected_delta)
    assert abs(float(m[1]) - expected_fd) <= 5e-7 + 1e-9


@pytest.mark.parametrize("page", FD_TIPS)
def test_the_finite_difference_tip_is_true_when_the_difference_misses_the_rules_last_digit(monkeypatch, page):
    """With a large cost (d = y + 10^4, E = 5·10^7) the central difference's rounding error (about ε E / h) reaches
    the printed digits: the old tip would have printed a number other than the page's Δ under 'is Δ'. Now both show,
    the rule's Δ as the oracle computes it, and the gap printed is the gap between the two printed values."""
    ex = oracle.with_sample(EX, d=IT["y"] + 1e4)
    expected_fd, expected_delta = oracle_fd_tip(ex, page)
    monkeypatch.setattr(examples, "D", ex["d"])
    _, fd, delta, gap = fd_tip_says(page)
    assert delta == num(expected_delta)
    rounding = 8 * 2.0**-52 * oracle.cost(ex, IT["y_output"]) / 1e-6 * ex["eta"]  # both differences' error, bounded
    assert abs(float(fd) - expected_fd) <= 5e-7 + rounding
    assert fd != delta, "the case this test is for: a central difference off in the printed digits"
    shown_gap = abs(float(fd) - float(delta))  # the gap to one digit, from the unrounded values: within a unit
    assert abs(float(gap) - shown_gap) <= 1e-6 + 0.5 * float(gap)


# The tips' words where their default parameter's update is too small for a central difference to check:
# "(the one with the largest update in size here: $\Delta w_{32}(0) = M$ is too small to check this way, since
# rounding alone can move $-\eta$ times a central difference with $h = 10^{-6}$ by up to $N$, at least $1/100$ of
# that update)"
TOO_SMALL = re.compile(r"\(the one with the largest update in size here: \$\\Delta (?P<default>[wb]_\{?\d+\}?)\(0\) = "
                       r"(?P<update>[^$]+)\$ is too small to check this way, since rounding alone can move \$-\\eta\$ "
                       r"times a central difference with \$h = 10\^\{-6\}\$ by up to \$(?P<noise>[^$]+)\$, "
                       r"(?P<share>at least \$1/100\$ of that update|more than that update itself|as large as that "
                       r"update)\)")


def tex_value(text: str) -> float:
    """A number as the pages write it in TeX: 0.031064, or -6.5 \times 10^{-13}."""
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(?: \\times 10\^\{(-?\d+)\})?", text.strip())
    assert m, text
    return float(m[1]) * 10 ** int(m[2] or 0)


@pytest.mark.parametrize(("page", "name", "default", "picked"), [
    ("rule-hidden-weights", "logsig-saturated", (2, 1), (0, 1)),
    ("rule-hidden-biases", "tanh-nearly-saturated-big-eta", (0,), (1,)),
])
def test_hidden_tips_switch_from_an_update_too_small_to_check(tmp_path, page, name, default, picked):
    """A saturated neuron 3 (v_3 = 25, Δw_32 = 6.5e-13) gave '0.000000 and 0.000000, apart by 6e-13': the central
    difference at h = 1e-6 is exactly 0 there. The tips then switched where the update printed as 0, saying "a check
    of 0 against 0 would show nothing", which two reviewers found false (the block prints small values in scientific
    notation, and -4.4e-7 checks well). They now switch where rounding can move the check by a hundredth of the update
    or more, and say so with the bound: the oracle's update is within 100 times the bound, the oracle's own central
    difference of it is off by no more than the bound, and the block checks the largest update (the oracle's)."""
    ex = edge_examples.example(name)
    it = oracle.iteration(ex)
    key, param = ("dw_hidden", "w_hidden") if len(default) == 2 else ("db_hidden", "b_hidden")
    updates = {(i, k): v for i, row in enumerate(it[key]) for k, v in enumerate(row)} if len(default) == 2 else {
        (i,): v for i, v in enumerate(it[key])}
    assert max(updates, key=lambda n: abs(updates[n])) == picked
    text = prose_with(tmp_path, ex, page)
    tip = text[text.index("Check it yourself: a finite difference"):]
    m = TOO_SMALL.search(tip)
    assert m, tip[:1500]
    symbol, label = ("w" if len(default) == 2 else "b"), "".join(str(n + 1) for n in default)
    assert m["default"].replace("{", "").replace("}", "") == f"{symbol}_{label}"
    assert tex_value(m["update"]) == pytest.approx(updates[default], rel=0.06)
    noise = tex_value(m["noise"])
    assert abs(updates[default]) <= 100 * noise  # the switch's reason, as the page states it
    shown = abs(tex_value(m["update"]))  # the words compare the two numbers as written (the bound rounded up)
    assert m["share"] == ("more than that update itself" if noise > shown else "as large as that update"
                          if noise == shown else "at least $1/100$ of that update"), m["share"]
    assert abs(-ex["eta"] * oracle_gradient(ex, param, default) - updates[default]) <= noise  # a sound bound
    picked_label = "".join(str(n + 1) for n in picked)
    line = re.search(rf"-eta \* dE/d{symbol}{picked_label} = (-?\d+\.\d{{6}}), Δ{symbol}_{picked_label}\(0\) = "
                     r"(-?\d+\.\d{6}), apart by (0|\de[+-]\d\d)", tip)
    assert line, tip[:1500]
    fd = -ex["eta"] * oracle_gradient(ex, param, picked)
    assert line[2] == num(updates[picked]) and abs(float(line[1]) - fd) <= 5e-7


@pytest.mark.parametrize(("page", "change", "said"), [
    ("rule-hidden-weights", {"x": [1.0, 0.0]}, r"$\Delta w_{32}(0) = \eta\, \delta_3\, x_2$ is 0, since $x_2 = 0$"),
    ("rule-hidden-weights", {"w_output": [[1.0, 1.0, 0.0]]},
     r"$\Delta w_{32}(0) = \eta\, \delta_3\, x_2$ is 0, since $w_{43} = 0$"),
    ("rule-hidden-biases", {"w_output": [[0.0, 1.0, 1.0]]},
     r"$\Delta b_1(0) = \eta\, \delta_1$ is 0, since $w_{41} = 0$"),
])
def test_hidden_tips_say_why_an_update_that_is_exactly_0_is_not_nudged(tmp_path, page, change, said):
    """A reviewer's example with x = (1, 0): rule 3's tip said "Δw_32(0) = 0.000000 is 0.000000 to 6 decimals", which
    says nothing; the update is exactly 0 (the oracle's), and the tip names the factor that makes it so."""
    ex = {**oracle.shipped(), "w_hidden": [[0.3, 1.1], [-0.45, 2.2], [1.7, -1.3]],
          "b_hidden": [0.05, 0.15, -0.9], "w_output": [[1.0, 1.0, 1.0]], "b_output": [-0.5], "x": [1.0, 0.5],
          **change}
    it = oracle.iteration(ex)
    default = it["dw_hidden"][2][1] if page == "rule-hidden-weights" else it["db_hidden"][0]
    assert default == 0, "the premise: the default's update is exactly 0"
    text = prose_with(tmp_path, ex, page)
    tip = text[text.index("Check it yourself: a finite difference"):]
    assert (f"(the one with the largest update in size here: {said}, and a check of $0$ against $0$ would show "
            "nothing)") in tip
    assert "is $0.000000$ to 6 decimals" not in tip


def oracle_gradient(ex: dict, key: str, index: tuple[int, ...], h: float = 1e-6) -> float:
    """The oracle's central difference of E in the parameter ``ex[key][index]``."""
    def cost_with(value: float) -> float:
        nudged = json.loads(json.dumps(ex[key]))
        row = nudged
        for n in index[:-1]:
            row = row[n]
        row[index[-1]] = value
        return oracle.cost(ex, oracle.forward({**ex, key: nudged})["y_output"])

    theta = ex[key]
    for n in index:
        theta = theta[n]
    return (cost_with(theta + h) - cost_with(theta - h)) / (2 * h)


def test_hidden_tips_name_the_default_they_nudge():
    """With the default example, whose Δw_32 and Δb_1 print as nonzero, the sentences name w_32 and b_1 and no
    reason for another choice."""
    for page, label in [("rule-hidden-weights", "w_{32}"), ("rule-hidden-biases", "b_1")]:
        sentence = fd_tip_says(page)[0]
        assert f"${label}$ by $\\pm h$, recompute the cost" in sentence
        assert f"must equal the rule's $\\Delta {label}(0)$ up to the finite difference's own error" in sentence


def test_rule_3_says_where_else_the_site_treats_several_outputs():
    text = prose("rule-hidden-weights")
    assert "the one place the site treats several outputs" not in text  # errata, cost function, notation do too
    assert "[erratum 5](errata.md#erratum-sum-over-outputs) checks it on a network with two outputs" in text


def sci(value: float) -> str:
    """A number in TeX's scientific notation with two significant digits, written here from Python's ``.1e``."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


# Output steps below the table's last decimal: a tanh neuron 2 at v_2 = -0.000001 with eta = 0.0001 (Δw_42 = 4.8e-11,
# positive, among two negative steps); a logsig neuron 3 at v_3 = -22 (f(v_3) = 2.8e-10, Δw_43 = 1.1e-10: all three
# steps positive, the third printed 0.000000 with its f(v_3)); a teaching assistant's logsig example with v_1 = -20
# (all three steps negative, Δw_41 = -1.5e-10: the page said 'decreases ... by Δw_41 = -1.5e-10'); the assistant's tanh
# example with every y_hi about 1e-6 (every step prints as 0: the page said 'The table does not show every step' and
# then the same clause three times); a tanh layer at x = (0, 0) with two y_hi about 1e-6.
TINY_OUTPUT_STEPS = {
    "tanh-tiny-v2": {"w_hidden": [[0.5, 0.5], [0.2, 0.6], [1.0, 0.3]], "b_hidden": [0.1, -0.000001, -0.2],
                     "w_output": [[0.9, -0.6, 0.5]], "b_output": [0.05], "hidden": "tansig", "output": "purelin",
                     "x": [0.6, -0.2], "d": 0.0, "eta": 0.0001},
    "logsig-v3-minus-22": {"w_hidden": [[0.35, -0.2], [-0.4, 0.25], [-10.0, -2.0]], "b_hidden": [0.1, 0.05, 0.0],
                           "w_output": [[0.8, -0.6, 0.3]], "b_output": [-0.1], "hidden": "logsig",
                           "output": "purelin", "x": [2.0, 1.0], "d": 1.0, "eta": 0.5},
    "ta-logsig-v1-minus-20": {"w_hidden": [[8.0, 0.3], [-0.2, 0.5], [0.1, -0.6]], "b_hidden": [0.0, 0.3, -0.05],
                              "w_output": [[0.5, 1.1, -0.7]], "b_output": [0.2], "hidden": "logsig",
                              "output": "purelin", "x": [-2.5, 0.0], "d": 0.646582, "eta": 5.0},
    "ta-tanh-all-tiny": {"w_hidden": [[0.2, 0.4], [0.3, 0.6], [-0.1, -0.2]],
                         "b_hidden": [0.000003, -0.000002, 0.000001], "w_output": [[0.5, -0.4, 0.7]],
                         "b_output": [0.2], "hidden": "tansig", "output": "purelin",
                         "x": [0.5, -0.25], "d": 0.25, "eta": 0.6},  # η 0.5: refused, Δb4 by a tie
    "tanh-two-tiny": {"w_hidden": [[0.2, 0.4], [0.3, 0.6], [-0.1, -0.2]], "b_hidden": [0.000002, 0.45, -0.000001],
                      "w_output": [[0.5, -0.4, 0.7]], "b_output": [0.2], "hidden": "tansig", "output": "purelin",
                      "x": [0.0, 0.0], "d": 0.35, "eta": 0.2},
}


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


@pytest.mark.parametrize("name", TINY_OUTPUT_STEPS)
def test_rule_1_says_how_little_a_step_below_the_decimals_moves_its_weight(tmp_path, name):
    """Rule 1's table printed Δw_42 = 0.000000 and w_42(1) = -0.600000 while the sentence after it said 'Δw_42 is
    positive' (a teaching assistant's tanh example); with every step of one sign it said 'each weight decreases' beside
    a weight printed unchanged. A step that is not 0 but prints as 0 is written in scientific notation in the table
    (as every formula writes a value six decimals write far off), and one sentence for all such steps says they are
    too small for the new weights' decimals, naming the weights printed as they were: the oracle's numbers."""
    ex = TINY_OUTPUT_STEPS[name]
    it = oracle.iteration(ex)
    steps = it["dw_output"][0]
    little = [n for n in range(3) if steps[n] != 0 and num(steps[n]) == "0.000000"]
    assert len(little) == {"ta-tanh-all-tiny": 3, "tanh-two-tiny": 2}.get(name, 1), "the premise"
    assert all(num(it["w_output_new"][0][i]) == num(ex["w_output"][0][i]) for i in little)
    text = prose_with(tmp_path, ex, "rule-output-weights")
    values = _and_list([f"$\\Delta w_{{4{i + 1}}} = {oracle.formula_string(steps[i])}$" for i in little])
    verb = "is" if len(little) == 1 else "are"
    if len(little) == 3:
        weights = "every $w_{4i}(1)$ as $w_{4i}(0)$"
    else:
        weights = " as ".join(_and_list([f"$w_{{4{i + 1}}}({n})$" for i in little]) for n in (1, 0))
    hidden = f"{values} {verb} too small for the new weights' 6 decimals: the table prints {weights}."
    # the table writes each such step in scientific notation, as its formula gives it
    for i in little:
        assert f"= {oracle.formula_string(steps[i])}$ | ${pages.given(ex['w_output'][0][i])} + " in text or \
            f"\\approx {oracle.formula_string(steps[i])}$ | ${pages.given(ex['w_output'][0][i])} + " in text, i
    if len({s > 0 for s in steps}) == 1:
        assert name in ("logsig-v3-minus-22", "ta-logsig-v1-minus-20")
        assert (f"each weight {'increases' if steps[0] > 0 else 'decreases'} in proportion to the hidden output "
                f"$f(v_i)$ it multiplies. {hidden}") in text
    else:
        assert f"(negative $f(v_i)$). {hidden}" in text or f"(positive $f(v_i)$). {hidden}" in text, text[-9000:]
    if name == "tanh-tiny-v2":
        assert steps[1] > 0 and sci(steps[1]) == "4.8 \\times 10^{-11}"
        assert "$\\Delta w_{42}$ is positive (negative $f(v_i)$)." in text
    assert "by only" not in text and "does not show every step" not in text


def test_rule_1_names_a_step_below_the_decimals_exactly_where_there_is_one():
    """For the example in use: the words on a step printed as 0 appear exactly when the oracle has such a step."""
    tiny = any(step != 0 and num(step) == "0.000000" for step in IT["dw_output"][0])
    text = prose("rule-output-weights")
    assert ("too small for the new weights' 6 decimals" in text) == tiny


def test_rule_1_tip_checks_updates_below_the_decimals_in_scientific_notation(tmp_path):
    """A teaching assistant's tanh example with every y_hi about 1e-6: every Δw_4i prints as 0.000000, and the tip
    printed '-eta * dE/dw41 = 0.000000, Δw_41(0) = 0.000000', a check that shows nothing. It prints both in
    scientific notation with seven significant digits (show.apart, below 10^-3): the oracle's central difference and
    Δw_41. The sentence before it says nothing of decimals (it said the check would read 0 = 0, which the block's
    scientific notation makes untrue)."""
    ex = TINY_OUTPUT_STEPS["ta-tanh-all-tiny"]
    steps = oracle.iteration(ex)["dw_output"][0]
    i = max(range(3), key=lambda n: abs(steps[n]))
    assert i == 0 and all(num(step) == "0.000000" for step in steps), "the premise"
    text = prose_with(tmp_path, ex, "rule-output-weights")
    tip = text[text.index("Check it yourself: a finite difference"):]
    assert "nudge $w_{41}$ by $\\pm h$, recompute $E$" in tip and "0 = 0" not in tip  # w_41's update is not 0
    m = re.search(r"-eta \* dE/dw41 = (-?\d\.\d{6}e-\d\d), Δw_41\(0\) = (-?\d\.\d{6}e-\d\d), apart by (\de-\d\d)", tip)
    assert m, tip[:1500]
    fd = -ex["eta"] * oracle_gradient(ex, "w_output", (0, 0))
    assert m[2] == f"{steps[0]:.6e}" and float(m[1]) == pytest.approx(fd, rel=1e-3)
    assert float(m[1]) == pytest.approx(float(m[2]), rel=1e-4) and float(m[3]) < 1e-9
    assert "0.000000, Δw_41(0) = 0.000000" not in tip


# Rule 1's tip with a hidden output y_h1 of 0 (tanh at v_1 = 0, x = (0, 0)): Δw_41 = 0 and the check read 0 against 0.
ZERO_Y_H1 = {"w_hidden": [[0.3, -0.7], [-0.5, 0.2], [0.9, 0.4]], "b_hidden": [0.0, 1.2, -1.5],
             "w_output": [[0.7, -0.4, 0.6]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
             "x": [0.0, 0.0], "d": 1.5, "eta": 1.5}


def test_rule_1_tip_nudges_an_output_weight_whose_update_prints(tmp_path):
    """Rule 1's tip always nudged w_41: with y_h1 = 0 it printed '-eta * dE/dw41 = 0.000000, Δw_41(0) = 0.000000,
    apart by 0', an empty check. Like rules 3 and 4, it now nudges w_41 unless its update prints as 0, else the weight
    with the largest update (the oracle's: w_43 here), and its sentence says which and why; its values are the oracle's
    central difference and Δ."""
    it = oracle.iteration(ZERO_Y_H1)
    steps = it["dw_output"][0]
    assert it["y_hidden"][0] == 0 and steps[0] == 0  # the premise
    i = max(range(3), key=lambda n: abs(steps[n]))
    assert i == 2 and num(steps[i]) != "0.000000"
    text = prose_with(tmp_path, ZERO_Y_H1, "rule-output-weights")
    tip = text[text.index("Check it yourself: a finite difference"):]
    assert (f"nudge $w_{{4{i + 1}}}$ by $\\pm h$ (the one with the largest update in size here: $y_{{h1}}$ is 0, so "
            "$\\Delta w_{41}(0)$ is 0, and a check of $0$ against $0$ would show nothing), recompute "
            f"$E$, and $-\\eta$ times the slope must equal the rule's $\\Delta w_{{4{i + 1}}}(0)$ up to") in tip
    assert "w_{41}$ by" not in tip
    m = re.search(rf"-eta \* dE/dw4{i + 1} = (-?\d+\.\d{{6}}), Δw_4{i + 1}\(0\) = (-?\d+\.\d{{6}}), "
                  r"apart by (0|\de[+-]\d\d)", tip)
    assert m, tip[:1500]
    fd = -ZERO_Y_H1["eta"] * oracle_gradient(ZERO_Y_H1, "w_output", (0, i))
    assert m[2] == num(steps[i]) and abs(float(m[1]) - fd) <= 5e-7 + 1e-9


def test_rule_1_tip_says_why_every_hidden_output_0_leaves_nothing_to_check(tmp_path):
    """A tanh layer with x = (0, 0) and b_i = 0 sends y_hi = 0 from every neuron: no Δw_4i and no slope in w_4i (the
    oracle's); the tip says so and points to rule 2's tip."""
    ex = tanh_example_near_zero([0.0, 0.0, 0.0])
    assert oracle.iteration(ex)["dw_output"] == [[0.0, 0.0, 0.0]]
    text = prose_with(tmp_path, ex, "rule-output-weights")
    tip = text[text.index("Check it yourself: a finite difference"):]
    assert ("nudge $w_{41}$ by $\\pm h$ (every hidden output $y_{hi}$ is 0 here, so every $\\Delta w_{4i}(0)$ is 0 and "
            "so is every slope: this check reads 0 = 0; rule 2's tip nudges $b_4$, on which the cost always depends)") \
        in tip
    assert "-eta * dE/dw41 = 0.000000, Δw_41(0) = 0.000000, apart by 0" in tip


def test_rule_1_reading_names_the_largest_step_as_the_table_writes_it(tmp_path):
    """A reviewer's tanh example with every |y_hi| about 3e-6: the reading said "w_41, w_42 and w_43 take the largest
    steps in size" beside three steps that printed as 0.000000 (a tie at 0 names all). The table now writes each step
    in scientific notation, and the reading names the largest in size as written there, from the oracle."""
    ex = TINY_OUTPUT_STEPS["ta-tanh-all-tiny"]
    steps = oracle.iteration(ex)["dw_output"][0]
    assert all(f"{abs(s):.6f}" == "0.000000" for s in steps) and all(s != 0 for s in steps), "the premise"
    k = max(range(3), key=lambda n: abs(oracle.formula_value(steps[n])))
    assert sum(abs(oracle.formula_value(s)) == abs(oracle.formula_value(steps[k])) for s in steps) == 1, "no tie"
    text = prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **ex}, "rule-output-weights")
    assert any(f"{word} $w_{{4{k + 1}}}$ takes the largest step in size." in text for word in ("so", "and"))
    assert "take the largest steps in size" not in text and "every step prints as" not in text
    for s in steps:  # each step as the table writes it
        assert f"{oracle.formula_string(s)}$ | $" in text


def test_rule_1_reading_says_what_the_numbers_say():
    text = prose("rule-output-weights")
    d4 = IT["delta_output"][0]
    way = "up" if d4 > 0 else "down"
    assert f"It has the sign of $e$, so here every step pushes $v_4$ {way}, the way $d$ lies from $y$" in text
    assert "towards $d$" not in text  # a direction, not a promise to get closer: see the 'how far' test
    sizes = [abs(y) for y in IT["y_hidden"]]
    i = sizes.index(max(sizes))
    assert f"Here hidden neuron {i + 1} sent the strongest one, $y_{{h{i + 1}}} = {num(IT['y_hidden'][i])}$" in text
    assert f"so $w_{{4{i + 1}}}$ takes the largest step in size" in text
    steps = [abs(s) for s in IT["dw_output"][0]]
    assert steps.index(max(steps)) == i  # the oracle agrees: the largest signal gives the largest step


def test_rule_3_reading_says_what_the_numbers_say():
    text = prose("rule-hidden-weights")
    logsig = IT["hidden"] == "logsig"
    # The steepest slope of the activation, from the oracle's f'(y) at v = 0 (y = 1/2 for logsig, 0 for tanh).
    steepest = oracle.F_PRIME_FROM_Y[IT["hidden"]](0.5 if logsig else 0.0)
    assert steepest == (0.25 if logsig else 1.0)
    bound = r"\tfrac{1}{4}" if logsig else "1"
    assert f"$f'(v) \\le {bound}$, the value at $v = 0$" in text
    assert ("passes back only a quarter of the error" in text) == logsig
    fps = IT["fp_hidden"]
    slow = fps.index(min(fps))
    assert (f"Here $f'(v_i)$ lies between ${num(min(fps))}$ (neuron {slow + 1}) and ${num(max(fps))}$ "
            f"({pages.neurons_printed_at(fps, num(max(fps)))})") in text
    w = [abs(v) for v in EX["w_output"][0]]
    blamed = w.index(max(w))
    deltas = [abs(v) for v in IT["delta_hidden"]]
    most = deltas.index(max(deltas))
    i, j = blamed + 1, most + 1
    assert f"Here $w_{{4{i}}}$ is the output weight largest in size, $|w_{{4{i}}}| = {given(max(w))}$" in text
    link = "and" if most == blamed else "but"
    assert (f"{link} neuron {j} gets the local gradient largest in size, "
            f"$\\delta_{j} = {num(IT['delta_hidden'][most])}$") in text
    # "the largest" alone says largest in value: the default example's δ_2 = -0.179480 is the largest in size and
    # the smallest in value, and the positive-error example's |w_42| = 0.6 belongs to w_42 = -0.6 < w_41 = 0.5.
    assert "is the largest output weight" not in text and "gets the largest local gradient" not in text


@pytest.mark.parametrize(("w_output", "blamed"), [
    ([0.9, -0.9, 0.5], [1, 2]),  # a tie of two output weights in size
    ([0.5, 0.9, -0.9], [2, 3]),
    ([0.8, 0.85, -0.85], [2, 3]),  # with the default example, neuron 1's slope wins over the tie
    ([-0.7, 0.7, 0.7], [1, 2, 3]),
    # equal to the printed decimals but not exactly: the reader sees |w_41| = |w_42| = 0.9, so both are named
    ([0.9, -0.90000001, 0.5], [1, 2]),
    ([0.5, 0.9000004, -0.9], [2, 3]),
])
def test_rule_3_reading_names_every_output_weight_of_a_tie(monkeypatch, w_output, blamed):
    """Equal output weights (a symmetric start an instructor may well choose), or weights equal to the decimals the
    page prints, are named together instead of stopping the build or naming one of two equal printed numbers; the
    neuron with the largest |δ_i| is the oracle's, for the example's x, d and hidden layer."""
    deltas = oracle.iteration({**EX, "w_output": [w_output]})["delta_hidden"]
    most = max(range(3), key=lambda n: abs(deltas[n])) + 1
    assert sorted(num(abs(v)) for v in deltas)[1] != num(abs(deltas[most - 1]))  # one gradient is the largest
    text = rule_3_reading_with(monkeypatch, w_output)
    names = ", ".join(f"$w_{{4{i}}}$" for i in blamed[:-1]) + f" and $w_{{4{blamed[-1]}}}$"
    size = given(max(abs(w) for w in w_output))
    among = "of the neurons with the largest weight, " if len(blamed) < 3 else ""  # all three alike: no "largest"
    link, why = (("and", f"{among}it has the steepest slope") if most in blamed
                 else ("but", f"its slope $f'(v_{most})$ makes up for a smaller weight"))
    delta = num(deltas[most - 1])
    weights = (f"every output weight has the same size, $|w_{{4i}}| = {size}$," if len(blamed) == 3 else
               f"{names} are the output weights largest in size, $|w_{{4i}}| = {size}$ for each,")
    assert (f"Here {weights} {link} neuron {most} gets the local gradient largest in size, $\\delta_{most} = "
            f"{delta}$: {why}") in text


def rule_3_reading_with(monkeypatch, w_output: list[float]) -> str:
    """Rule 3's 'Reading the rule' as it prints with the example's network but these output weights (white space
    made single spaces): the page's block, which prints `backprop.readings.rule_3`, which reads the example when it
    is called."""
    from dataclasses import replace

    import numpy as np

    monkeypatch.setattr(examples, "NET", replace(examples.NET, w_output=np.array([w_output])))
    source = (DOCS / "rule-hidden-weights.md").read_text(encoding="utf-8")
    reading = source.split("\n## Reading the rule\n", 1)[1].split("\n## ", 1)[0]
    (block,) = [m["body"] for m in EXEC.finditer(reading)]
    assert "readings.rule_3()" in block, block
    return " ".join(render_block(Snippet(DOCS / "rule-hidden-weights.md", 0, "python exec",
                                         textwrap.dedent(block))).split())


def test_rule_3_reading_names_both_local_gradients_equal_to_the_printed_decimals(monkeypatch):
    """Two local gradients that print alike in size but are not exactly equal: the check rejected only exact ties, so
    the page named one of them 'the local gradient largest in size' while the reader sees two equal numbers. Both are
    named now. The output weights are chosen from the oracle's f'(v_i) so that |δ_1| and |δ_2| differ by 1e-10 of
    themselves; of the two, the neuron with the smaller weight has the steeper slope."""
    fp = IT["fp_hidden"]
    w_output = [0.8, -0.8 * fp[0] / fp[1] * (1 + 1e-10), 0.01]
    deltas = oracle.iteration({**EX, "w_output": [w_output]})["delta_hidden"]
    sizes = [num(abs(v)) for v in deltas]
    assert sizes[0] == sizes[1] > sizes[2] and abs(deltas[0]) != abs(deltas[1])  # a tie only as printed
    weights = [abs(w) for w in w_output]
    blamed = 1 if weights[0] > weights[1] else 2
    other = 3 - blamed
    assert given(weights[blamed - 1]) != given(weights[other - 1])  # one weight is the largest, as printed too
    text = rule_3_reading_with(monkeypatch, w_output)
    assert (f"Here $w_{{4{blamed}}}$ is the output weight largest in size, $|w_{{4{blamed}}}| = "
            f"{given(weights[blamed - 1])}$, and neurons 1 and 2 get the local gradients largest in size, "
            f"$|\\delta_i| = {sizes[0]}$ for each: the slope $f'(v_{other})$ of neuron {other} makes up for a smaller "
            "weight.") in text, text
    assert "gets the local gradient largest in size" not in text


def test_the_largest_in_size_is_not_the_largest_in_value_in_some_example():
    """Why rule 3's reading must say 'largest in size' (the oracle, on every example file)."""
    differ = []
    for path in oracle.all_example_files():
        ex = oracle.load_example(path)
        for values in (ex["w_output"][0], oracle.iteration(ex)["delta_hidden"]):
            if max(range(3), key=lambda n: abs(values[n])) != max(range(3), key=lambda n: values[n]):
                differ.append(path.stem)
    assert "example" in differ and "positive-error" in differ, differ


@pytest.mark.parametrize("page", PAGES)
def test_the_source_shown_defines_every_private_function_of_rules_it_calls(page):
    """A reviewer read `_updates` on each rule page and could not find `_back_sum` or `_error`, which it calls, on the
    page or in the API reference: the page shows each private function of backprop.rules that its shown code calls,
    but for `_finite`, `_overflow_advice`, `_checked` and `_require_finite_pass`, which check and report and compute no
    rule."""
    import ast
    import inspect

    shown = "\n".join(re.findall(SOURCE_FENCE, page_text(page), re.S))
    defined = {node.name for node in ast.walk(ast.parse(textwrap.dedent(shown))) if isinstance(node, ast.FunctionDef)}
    called = {node.func.id for node in ast.walk(ast.parse(textwrap.dedent(shown)))
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.startswith("_")}
    private = {name for name in called if inspect.isfunction(getattr(rules, name, None))}
    assert private - {"_finite", "_overflow_advice", "_checked", "_require_finite_pass"} <= defined, \
        (page, sorted(private - defined))
    assert {"_updates", "_from_factors", "_back_sum", "_error"} <= defined, page  # the premise: the arithmetic


# Rules 1 and 2 quote one line of `rules._from_factors` each: the source the page prints must hold it.
@pytest.mark.parametrize(("page", "key", "line"), [
    ("rule-output-weights", "dw_output", "eta * np.outer(delta_j, y_hidden)"),
    ("rule-output-bias", "db_output", "eta * delta_j * output_bias_input"),
])
def test_the_code_line_rules_1_and_2_quote_is_in_the_source_they_show(page, key, line):
    text = page_text(page)
    assert f"`{line}`" in text, f"{page}: the prose no longer quotes {line}"
    shown = "\n".join(re.findall(SOURCE_FENCE, text, re.S))  # the sources the page printed
    assert re.search(rf"^\s*{key}={re.escape(line)},", shown, re.M), f"{page}: `{key}={line}` is not in the source"


# --------------------------------------------------------------------------------------------------
# (e) Rules 1 and 2 for every example file (the default and tests/examples/*), each page rendered in a process of
#     its own with BACKPROP_EXAMPLE naming the file: what they say of the example against the oracle's numbers.
# --------------------------------------------------------------------------------------------------

OUTPUT_PAGES = ("rule-output-weights", "rule-output-bias")
@cache
def output_pages_for(path: Path) -> dict[str, str]:
    """page -> its text (white space made single spaces) as the build renders it with the example file ``path``."""
    return {page: re.sub(r"\s+", " ", text) for page, text in render_with_example(path, OUTPUT_PAGES).items()}


def shown_relation(operands: list[float], result: float) -> str:
    """'=' if the product of the shown operands rounds to the shown result, else '\\approx' (as the pages promise)."""
    product = 1.0
    for value in operands:
        product *= float(num(value))
    tie = abs(abs(product) * 10**6 % 1 - 0.5) < 1e-6  # half a unit of the last decimal: the pages say \approx
    return "=" if num(product) == num(result) and not tie else r"\approx"


@pytest.mark.parametrize("path", oracle.all_example_files(), ids=lambda p: p.stem)
def test_rules_1_and_2_say_what_each_example_file_says(path):
    ex = oracle.load_example(path)
    it = oracle.iteration(ex)
    weights, bias = (output_pages_for(path)[page] for page in OUTPUT_PAGES)
    e, y, eta, y_h = it["e"], it["y"], ex["eta"], it["y_hidden"]
    assert f"input $x = ({given(ex['x'][0])}, {given(ex['x'][1])})$, target $d = {given(ex['d'])}$" in weights

    # "every step pushes v_4 up/down, the way d lies from y": each Δw_4i y_hi = η e y_hi² has the sign of e.
    way = "up" if e > 0 else "down"
    assert f"so here every step pushes $v_4$ {way}, the way $d$ lies from $y$" in weights
    assert all(dw * y_i * e >= 0 for dw, y_i in zip(it["dw_output"][0], y_h, strict=True))
    assert "towards $d$" not in weights

    # "how far": the three steps change y by η e Σ y_hi², the fraction η Σ y_hi² of e.
    squares = math.fsum(v * v for v in y_h)
    share = eta * squares
    y_new = y + math.fsum(dw * y_i for dw, y_i in zip(it["dw_output"][0], y_h, strict=True))
    assert y_new == pytest.approx(y + share * e, abs=1e-12)
    if share < 1:
        verdict = "short of"
        assert abs(ex["d"] - y_new) < abs(e) and (ex["d"] - y_new) * e > 0
    else:
        verdict = "past"
        assert (ex["d"] - y_new) * e < 0
    closer = ("" if share < 1 else ", but closer to it than before" if abs(ex["d"] - y_new) < abs(e)
              else ", and farther from it than before")
    rel = shown_relation([eta, squares], share)
    sentence = (rf"Here $\eta \sum_i y_{{hi}}^2 = {given(eta)} \cdot {num(squares)} {rel} {num(share)}$, and the "
                rf"three steps take $y$ from ${num(y)}$ to ${num(y_new)}$, {verdict} $d = {given(ex['d'])}${closer}.")
    assert sentence in weights, f"{path.stem}: expected {sentence!r}"

    # "hidden neuron i sent the strongest one ... so w_4i takes the largest step in size".
    sizes = [abs(v) for v in y_h]
    i = sizes.index(max(sizes))
    steps = [abs(v) for v in it["dw_output"][0]]
    assert steps.index(max(steps)) == i
    assert f"neuron {i + 1} sent the strongest one, $y_{{h{i + 1}}} = {num(y_h[i])}$, so $w_{{4{i + 1}}}$ takes " \
           "the largest step in size" in weights

    # Rule 2: |Δb_4| against the other twelve steps.
    db = abs(it["db_output"][0])
    others = [abs(v) for v in it["dw_output"][0]] + [abs(v) for row in it["dw_hidden"] for v in row]
    others += [abs(v) for v in it["db_hidden"]]
    assert len(others) == 12 and all(abs(v) < db for v in it["dw_output"][0])  # "always larger than each Δw_4i"
    largest = all(float(num(v)) <= float(num(db)) for v in others)  # sizes as printed
    assert ("It is not the largest step of this iteration in size" in bias) == (not largest)
    assert f"= {num(it['db_output'][0])}" in bias or rf"\approx {num(it['db_output'][0])}" in bias


def test_some_example_file_goes_past_d_and_one_ends_farther_from_it():
    """Why rule 1 says 'the way d lies from y' (a reviewer read 'in the direction of d' as towards d) and how far, not
    'towards d': the oracle, on every example file."""
    past, farther = [], []
    # the shipped example (oracle.SHIPPED, not the file in use, which an instructor may have edited) and the others
    others = [(path.stem, oracle.load_example(path)) for path in oracle.other_examples()]
    for stem, ex in [("example", oracle.shipped()), *others]:
        it = oracle.iteration(ex)
        e, y_next = it["e"], it["y_next"]  # y after the whole iteration, all four rules
        if (ex["d"] - y_next) * e < 0:
            past.append(stem)
        if abs(ex["d"] - y_next) > abs(e):
            farther.append(stem)
    assert "example" in past, past  # the shipped example's output goes past d = 1 in one iteration
    assert farther == ["zero-input-large-eta"], farther  # eta = 3: the error grows


def tanh_example_with_zero_hidden_outputs(zero: int) -> dict:
    """tests/examples/tanh-hidden.json with x_1 = 0 and its first ``zero`` hidden neurons at v_i = 0 exactly (a tanh
    neuron there sends y_hi = 0, and f'(0) = 1: a valid example)."""
    ex = oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json")
    w_hidden = [[0.3, 0.2], [-0.5, 0.4], [0.7, 0.1]][:zero] + ex["w_hidden"][zero:]  # w_i2 x_2 = -b_i below
    ex = oracle.with_sample(ex, x=[0.0, 0.5], w_hidden=w_hidden, b_hidden=[-0.1, -0.2][:zero] + ex["b_hidden"][zero:])
    assert [v == 0 for v in oracle.iteration(ex)["v_hidden"]] == [True] * zero + [False] * (3 - zero)
    return ex


@pytest.mark.parametrize("zero", [1, 2])
def test_rule_1_reading_says_a_step_of_0_does_not_push_v_4(tmp_path, zero):
    """'every step pushes v_4 up/down, never the other way' was said whatever y_hi is; where y_hi = 0 (a tanh neuron
    at v_i = 0) Δw_4i = η e y_hi is 0 and pushes nothing, as the sign sentence above it says. The exception is named,
    from the oracle's y_hi, and only where there is one."""
    ex = tanh_example_with_zero_hidden_outputs(zero)
    it = oracle.iteration(ex)
    zeros = [i for i, y_hi in enumerate(it["y_hidden"]) if y_hi == 0]
    assert zeros == list(range(zero)) and all(it["dw_output"][0][i] == 0 for i in zeros)
    text = prose_with(tmp_path, ex, "rule-output-weights")
    way = "up" if it["e"] > 0 else "down"
    names = pages.and_list([rf"$\Delta w_{{4{i + 1}}}$" for i in zeros])
    verb = ("is 0", "does") if len(zeros) == 1 else ("are 0", "do")
    outputs = " = ".join(f"y_{{h{i + 1}}}" for i in zeros)  # each by its name, not the generic y_hi
    # the exception named before "never the other way", which a reviewer first read as a step pushing the wrong way
    assert (f"every step but {names} pushes $v_4$ {way}, the way $d$ lies from $y$, never the other way; {names} "
            rf"{verb[0]} (${outputs} = 0$) and {verb[1]} not push it at all: $\Delta w_{{4i}}$ changes") in text, text
    for path in oracle.all_example_files():  # no example file has a hidden output of 0: no exception named
        assert all(y_hi != 0 for y_hi in oracle.iteration(oracle.load_example(path))["y_hidden"])
        assert "never the other way: $\\Delta w_{4i}$ changes" in output_pages_for(path)["rule-output-weights"]


def rule_1_reading_with(monkeypatch, ex: dict) -> str:
    """Rule 1's 'Reading the rule' as it prints for the network and sample ``ex`` (white space made single spaces),
    run here with ``examples`` patched: the page's block, which prints `backprop.readings.rule_1`, which reads the
    example when it is called."""
    patch_example(monkeypatch, ex)
    source = (DOCS / "rule-output-weights.md").read_text(encoding="utf-8")
    reading = source.split("\n## Reading the rule\n", 1)[1].split("\n## ", 1)[0]
    (block,) = [m["body"] for m in EXEC.finditer(reading)]
    assert "readings.rule_1()" in block, block
    return " ".join(render_block(Snippet(DOCS / "rule-output-weights.md", 0, "python exec",
                                         textwrap.dedent(block))).split())


def test_rule_1_reading_names_both_hidden_outputs_equal_to_the_printed_decimals(monkeypatch):
    """Two hidden outputs that print alike in size but are not exactly equal (hidden neuron 1 made a copy of the
    strongest one, its bias 1e-9 higher): the check rejected only exact ties, so the page said one 'sent the strongest
    one' and its weight 'takes the largest step' while the reader sees two equal numbers. Both are named now."""
    y_h = IT["y_hidden"]
    top = max(range(3), key=lambda n: abs(y_h[n]))
    copy = 0 if top else 1
    w_hidden = [list(row) for row in EX["w_hidden"]]
    b_hidden = list(EX["b_hidden"])
    w_hidden[copy], b_hidden[copy] = list(EX["w_hidden"][top]), EX["b_hidden"][top] + 1e-9
    ex = {**EX, "w_hidden": w_hidden, "b_hidden": b_hidden}
    it = oracle.iteration(ex)
    pair = sorted([copy, top])
    sent = [num(abs(it["y_hidden"][n])) for n in range(3)]
    steps = [num(abs(it["dw_output"][0][n])) for n in range(3)]
    assert it["y_hidden"][copy] != it["y_hidden"][top]  # not exactly equal ...
    assert [n for n in range(3) if sent[n] == max(sent)] == pair  # ... but the largest two as printed
    assert [n for n in range(3) if steps[n] == max(steps)] == pair  # and so are their steps
    text = rule_1_reading_with(monkeypatch, ex)
    i, j = (n + 1 for n in pair)
    assert (f"Here hidden neurons {i} and {j} sent the strongest ones, $|y_{{hi}}| = {sent[top]}$ for each, so "
            f"$w_{{4{i}}}$ and $w_{{4{j}}}$ take the largest steps in size.") in text, text


def tanh_example_near_zero(biases: list[float]) -> dict:
    """tests/examples/tanh-hidden.json with x = (0, 0) and these hidden biases: v_i = b_i, y_hi = tanh b_i."""
    ex = oracle.load_example(oracle.EXAMPLES_DIR / "tanh-hidden.json")
    return oracle.with_sample(ex, x=[0.0, 0.0], b_hidden=biases)


def test_rule_1_reading_says_no_output_weight_moves_when_every_hidden_output_is_0(tmp_path):
    """A tanh hidden layer with x = (0, 0) and b_i = 0 (a valid example: f'(0) = 1) sends y_hi = 0 from every neuron,
    so no output weight moves. The page said 'every step pushes v_4 ..., except Δw_41, Δw_42 and Δw_43', 'the three
    steps take y from a to a, short of d' and (stopped by its check of an exact tie) named one neuron as the strongest
    of three zeros; it now says what happens: nothing, for the oracle's y."""
    ex = tanh_example_near_zero([0.0, 0.0, 0.0])
    it = oracle.iteration(ex)
    assert it["y_hidden"] == [0.0, 0.0, 0.0] and it["dw_output"] == [[0.0, 0.0, 0.0]]
    text = prose_with(tmp_path, ex, "rule-output-weights")
    way = "up" if it["e"] > 0 else "down"
    assert (f"It has the sign of $e$, so a step pushes $v_4$ {way}, the way $d$ lies from $y$, never the other way; "
            "but here every $y_{hi}$ is 0, so every step is 0 and none pushes it at all:") in text
    assert (r"Here every $y_{hi}$ is 0, so $\eta \sum_i y_{hi}^2 = 0$: the three steps are 0 and leave $y$ at "
            f"${num(it['y'])}$.") in text
    assert "Here every hidden neuron sent 0, so no output weight moves." in text
    for wrong in ("every step pushes", "take $y$ from", "sent the strongest", "takes the largest step"):
        assert wrong not in text, wrong


def test_rule_1_reading_says_a_change_of_y_below_the_printed_decimals_leaves_it_as_printed(monkeypatch):
    """Hidden outputs of about 1e-4 (tanh, x = (0, 0), small biases) move y by η e Σ y_hi² ≈ 1e-9: 'take y from a to
    a' would read as a contradiction. The page says the change is below the last decimal shown, for the oracle's y."""
    ex = tanh_example_near_zero([1e-4, -2e-4, 1.5e-4])
    it = oracle.iteration(ex)
    y_new = it["y"] + sum(dw * y for dw, y in zip(it["dw_output"][0], it["y_hidden"], strict=True))
    assert y_new != it["y"] and num(y_new) == num(it["y"])  # a change, below the printed decimals
    text = rule_1_reading_with(monkeypatch, ex)
    where = "short of" if it["e"] * (ex["d"] - y_new) > 0 else "past"
    assert (f"and the three steps change $y$ by less than its last decimal shown: it stays at ${num(it['y'])}$, "
            f"{where} $d = {given(ex['d'])}$.") in text, text
    assert "take $y$ from" not in text


@pytest.mark.parametrize("case", ["logsig-x-zero", "tanh-all-zero"])
def test_rule_3_warning_says_why_an_example_cannot_show_the_updated_weights_mistake(tmp_path, case):
    """The warning about back-propagating through w_4i(n+1) shows the mistake on the worked example, and stopped the
    build where it cannot: with x = (0, 0) every Δw_ik is 0 whichever w_4i it uses, and with every y_hi = 0 (tanh,
    b_i = 0) no output weight moves at all, both valid examples. It now says which, from the oracle's numbers; and
    rule 3's reading, where every f'(v_i) is alike (all v_i = 0), says so instead of 'lies between 1 (neuron 1)
    and 1'."""
    ex = (tanh_example_near_zero([0.0, 0.0, 0.0]) if case == "tanh-all-zero"
          else oracle.with_sample(oracle.shipped(), x=[0.0, 0.0]))
    it = oracle.iteration(ex)
    assert all(v == 0 for row in it["dw_hidden"] for v in row)
    still = all(v == 0 for v in it["dw_output"][0])
    assert still == (case == "tanh-all-zero")
    raw = pages_with(tmp_path, ex, ["rule-hidden-weights"])["rule-hidden-weights"]
    text = re.sub(r"\s+", " ", raw)
    why = (r"no output weight moves in it (every $y_{hi}$ is 0, so is every $\Delta w_{4i}$)" if still
           else r"both its inputs are 0, so every $\Delta w_{ik}$ is 0 whichever $w_{4i}$ it uses")
    assert f"The worked example happens not to show the difference: {why}. See also [common mistakes]" in text
    assert re.search(r"^The worked example happens", raw, re.M), "a paragraph, not indented into a code block"
    assert "but would be" not in text
    fp = it["fp_hidden"]
    alike = len({num(v) for v in fp}) == 1
    assert alike == (case == "tanh-all-zero")
    if alike:
        assert f"Here $f'(v_i) = {num(fp[0])}$ for every neuron." in text and "lies between" not in text
    else:
        slow = fp.index(min(fp))
        assert (f"Here $f'(v_i)$ lies between ${num(min(fp))}$ (neuron {slow + 1}) and ${num(max(fp))}$ "
                f"({pages.neurons_printed_at(fp, num(max(fp)))}).") in text


def rule_3_tip_prints(monkeypatch, x: list[float]) -> list[str]:
    """The lines rule 3's finite-difference tip prints with the example's weights and this input."""
    import numpy as np

    source = (DOCS / "rule-hidden-weights.md").read_text(encoding="utf-8")
    tip = source[source.index('??? tip "Check it yourself: a finite difference"'):]
    (block,) = [m["body"] for m in EXEC.finditer(tip) if "(2 * h)" in m["body"]]
    monkeypatch.setattr(examples, "X", np.array(x))
    return render_block(Snippet(DOCS / "rule-hidden-weights.md", 0, "python exec", textwrap.dedent(block))).splitlines()


def test_rule_3_tip_nudges_a_weight_the_cost_depends_on(monkeypatch):
    """The tip nudged w_32 whatever the example: with x_2 = 0 its slope and its update are both 0 and the check reads
    0 = 0. It now nudges w_32 when its update is not 0, else the weight with the largest update (the oracle's), and
    prints the oracle's central difference and Δ of that weight."""
    ex = oracle.with_sample(EX, x=[IT["x"][0] or 1.0, 0.0])
    it = oracle.iteration(ex)
    assert it["dw_hidden"][2][1] == 0  # the premise
    sizes = [(abs(it["dw_hidden"][i][k]), -(2 * i + k), (i, k)) for i in range(3) for k in range(2)]
    i, k = max(sizes)[2]  # the largest update, the first of a tie
    assert it["dw_hidden"][i][k] != 0
    (line,) = rule_3_tip_prints(monkeypatch, ex["x"])
    m = re.fullmatch(rf"-eta \* dE/dw{i + 1}{k + 1} = (-?\d+\.\d{{6}}), Δw_{i + 1}{k + 1}\(0\) = (-?\d+\.\d{{6}}), "
                     r"apart by (0|\de[+-]\d\d)", line)
    assert m, line
    h = 1e-6

    def cost_with(value: float) -> float:
        w = [list(row) for row in ex["w_hidden"]]
        w[i][k] = value
        return oracle.cost(ex, oracle.forward({**ex, "w_hidden": w})["y_output"])

    theta = ex["w_hidden"][i][k]
    fd = -ex["eta"] * (cost_with(theta + h) - cost_with(theta - h)) / (2 * h)
    assert abs(float(m[1]) - fd) <= 5e-7 + 1e-9 and m[2] == num(it["dw_hidden"][i][k])


def test_rule_3_tip_says_why_both_inputs_zero_leave_nothing_to_check(monkeypatch):
    """x = (0, 0): every Δw_ik and every slope dE/dw_ik is 0 (the oracle's), so the tip's check reads 0 = 0; it says
    why, from the numbers, and points to rule 4's tip."""
    ex = oracle.with_sample(EX, x=[0.0, 0.0])
    assert all(v == 0 for row in oracle.iteration(ex)["dw_hidden"] for v in row)  # the premise
    first, why = rule_3_tip_prints(monkeypatch, ex["x"])
    assert first == "-eta * dE/dw11 = 0.000000, Δw_11(0) = 0.000000, apart by 0"
    assert why == ("Both inputs are 0 here, x = (0, 0), so the cost does not depend on any w_ik: every slope and every "
                   "Δw_ik(0) is 0, and this check reads 0 = 0. Rule 4's tip nudges a bias, which it does depend on.")


def test_rule_3_warning_gives_the_numbers_of_a_difference_below_the_printed_decimals(tmp_path):
    """η = 0.01 and e = 0.015: using w_4i(1) instead of w_4i(0) changes Δw_ik by about 1e-9, below the 6 decimals
    printed, and the warning said only 'the same to the decimals shown'. It now gives the weight that moves most, its
    Δw_ik with each w_4i with as many decimals as the difference needs, and the gap: the oracle's numbers."""
    y = IT["y"]
    ex = oracle.with_sample(EX, eta=0.01, d=round(y + 0.015, 6))  # a cost of 1.1e-4: three digits as printed
    it = oracle.iteration(ex)
    wrong = oracle.iteration(ex, back_weights=it["w_output_new"])["dw_hidden"]
    gaps = {(i, k): abs(it["dw_hidden"][i][k] - wrong[i][k]) for i in range(3) for k in range(2)}
    (i, k), gap = max(gaps.items(), key=lambda item: item[1])
    assert 0 < gap < 5e-7 and num(it["dw_hidden"][i][k]) == num(wrong[i][k])  # the premise: below the decimals
    places = math.ceil(-math.log10(gap)) + 1
    raw = pages_with(tmp_path, ex, ["rule-hidden-weights"])["rule-hidden-weights"]
    text = re.sub(r"\s+", " ", raw)
    m = re.search(r"The worked example happens not to show the difference: it is below the 6 decimals the pages "
                  r"print\. With \$w_\{4(\d)\}\(0\) = (\S+)\$, \$\\Delta w_\{(\d)(\d)\}\(0\) = (\S+)\$; with "
                  r"\$w_\{4\d\}\(1\) = (\S+)\$ it would be \$(\S+)\$, only (\S+) apart\. See also", text)
    assert m, text[text.index("never the already-updated"):][:1500]
    assert (int(m[1]), int(m[3]), int(m[4])) == (i + 1, i + 1, k + 1)
    assert m[2] == given(ex["w_output"][0][i]) and m[6] == num(it["w_output_new"][0][i])
    assert m[5] == f"{it['dw_hidden'][i][k]:.{places}f}" and m[7] == f"{wrong[i][k]:.{places}f}" and m[5] != m[7]
    assert float(m[8]) == pytest.approx(gap, rel=0.06)
    assert re.search(r"^The worked example happens", raw, re.M), "a paragraph, not indented into a code block"


def test_hidden_tips_say_when_every_update_is_too_small_to_check(tmp_path):
    """Every hidden neuron saturated (logsig, v_i = +-20: f'(v_i) = 2e-9): every hidden update prints as 0. The tips
    said "at those decimals this check reads 0 = 0", which the block's scientific notation made untrue. They now check
    the largest update (the oracle's), printed in scientific notation, and say that every update is too small for
    the check, with the bound: the oracle's largest update is within 100 times it."""
    ex = {"w_hidden": [[10.0, 0.5], [-10.0, 0.5], [10.0, -0.5]], "b_hidden": [0.0, 0.0, 0.0],
          "w_output": [[0.5, 0.5, 0.5]], "b_output": [0.0], "hidden": "logsig", "output": "purelin",
          "x": [2.0, 0.5], "d": 2.0, "eta": 0.5}
    it = oracle.iteration(ex)
    dw = {(i, k): v for i, row in enumerate(it["dw_hidden"]) for k, v in enumerate(row)}
    db = {(i,): v for i, v in enumerate(it["db_hidden"])}
    assert 0 < max(map(abs, dw.values())) < 5e-7 and 0 < max(map(abs, db.values())) < 5e-7  # the premise
    pages_ = pages_with(tmp_path, ex, ["rule-hidden-weights", "rule-hidden-biases"])
    for page, symbol, updates in (("rule-hidden-weights", "w", dw), ("rule-hidden-biases", "b", db)):
        text = re.sub(r"\s+", " ", pages_[page])
        tip = text[text.index("Check it yourself"):]
        largest = max(updates, key=lambda n: abs(updates[n]))
        label = "".join(str(n + 1) for n in largest)
        m = re.search(r"\(the one with the largest update in size here, though every update is too small to check this "
                      r"way: rounding alone can move \$-\\eta\$ times a central difference with \$h = 10\^\{-6\}\$ by "
                      rf"up to \$([^$]+)\$, (at least \$1/100\$ of the largest|more than the largest itself|as large "
                      r"as the largest), "
                      rf"\$\\Delta {symbol}_\{{?{label}\}}?\(0\) = ([^$]+)\$, so the two values printed can differ by "
                      r"that much\)", tip)
        assert m, (page, tip[:1200])
        assert tex_value(m[3]) == pytest.approx(updates[largest], rel=0.06)
        assert abs(updates[largest]) <= 100 * tex_value(m[1])
        bound, shown = tex_value(m[1]), abs(tex_value(m[3]))  # as written
        assert m[2] == ("more than the largest itself" if bound > shown else "as large as the largest"
                        if bound == shown else "at least $1/100$ of the largest"), m[2]
        assert re.search(rf"Δ{symbol}_{label}\(0\) = {re.escape(f'{updates[largest]:.6e}')}, apart by", tip), tip


def test_rule_3_writes_a_product_of_0_without_a_sign(tmp_path):
    """A reviewer's example (x_2 / x_1 = -9.090909, a Δw_11 that prints as 0.000000): the sentence on printed pairs
    wrote "-9.090909 · 0.000000 = -0", the sign of a Decimal product of 0. The table now writes such a Δw_i1 in
    scientific notation, and the sentence names the pairs the oracle finds off the ratio, with no "-0"."""
    ex = {"w_hidden": [[1.37, 4.7], [-4.19, 6.41], [1.3, -7.8]], "b_hidden": [7.1, -4.9, -7.668],
          "w_output": [[2.02, 2.01, 1.608]], "b_output": [0.7], "hidden": "tansig", "output": "purelin",
          "x": [0.066, -0.6], "d": 2.2, "eta": 0.001}
    assert oracle.number_string(oracle.iteration(ex)["dw_hidden"][0][0]) == "0.000000"  # the premise
    text = prose_with(tmp_path, ex, "rule-hidden-weights")
    assert _says_how_dw_i2_relates_to_dw_i1(text, ex, oracle.iteration(ex)), "the premise: a pair off the ratio"
    assert not re.search(r"= -0(?![.\d])", text)


@pytest.mark.parametrize("name", ["logsig-f-prime-7.5e-7", "tanh-saturated"])
def test_rule_3_writes_a_slope_from_the_field_where_the_output_keeps_too_few_digits(tmp_path, name):
    """A reviewer: 'f'(v_1) = 0.999999 (1 - 0.999999) ≈ 1.4 × 10^-6' (those numbers give 1.0e-6) and '1 - 1.000000^2 ≈
    7.5 × 10^-12' (they give 0). Where the written y_hi gives f'(v_i) more than 5 % off (the oracle's), the row writes
    f'(v_i) with v_i, and a sentence names those outputs; elsewhere the row keeps y_hi."""
    ex = FAR_OFF_FORMULAS[name]
    it = oracle.iteration(ex)
    text = prose_with(tmp_path, {**oracle.load_example(oracle.DEFAULT_FILE), **ex}, "rule-hidden-weights")
    lost = []
    for i, (y, v, fp) in enumerate(zip(it["y_hidden"], it["v_hidden"], it["fp_hidden"], strict=True)):
        y_w = oracle.formula_value(y)
        from_y = y_w * (1 - y_w) if ex["hidden"] == "logsig" else 1 - y_w * y_w
        v_text = oracle.number_string(v) if v >= 0 else f"({oracle.number_string(v)})"
        field = (rf"\frac{{e^{{-{v_text}}}}}{{\big(1 + e^{{-{v_text}}}\big)^2}}" if ex["hidden"] == "logsig"
                 else rf"\frac{{1}}{{\cosh^2 {v_text}}}")
        row = f"f'(v_{i + 1}) &= {field} "
        # the written y keeps fewer than two digits of 1 - |y|, or gives the slope more than 5 % off
        assert (row in text) == (abs(1 - abs(y_w)) < 1e-5 or abs(from_y - fp) > 0.05 * fp), (i, from_y, fp)
        lost += [i] if row in text else []
    assert lost, "the premise: a neuron whose written output keeps too few digits of its slope"
    square = "" if ex["hidden"] == "logsig" else "^2"
    clauses = []
    for i in lost:  # each output, what its written value gives, and the slope
        y = oracle.formula_value(it["y_hidden"][i])
        from_y = y * (1 - y) if ex["hidden"] == "logsig" else 1 - y * y
        clauses.append(f"$y_{{h{i + 1}}} = {oracle.formula_string(it['y_hidden'][i])}$ keeps too few digits of "
                       f"$1 - y_{{h{i + 1}}}{square}$ (")
        assert f" = {oracle.formula_string(from_y)}$, not ${oracle.formula_string(it['fp_hidden'][i])}$)" in text
    assert "The written " + " and ".join(clauses)[:60] in text
    assert all(clause in text for clause in clauses)


def test_rule_2_calls_no_steps_tied_that_its_formulas_write_apart(tmp_path):
    """A reviewer's example (the default weights, d = 1.3, eta = 10^-6): rule 2 said f(v_3) = 0.750260 was "so close
    to 1 in size that |Δw_43| and |Δb_4| both print as 0.000001", while the formulas write them -5.3e-7 and -7.1e-7.
    A tie is named only where the oracle's steps are written alike."""
    ex = {**oracle.shipped(), "d": 1.3, "eta": 0.000001}
    it = oracle.iteration(ex)
    db, dw = it["db_output"][0], it["dw_output"][0]
    assert num(abs(db)) == num(abs(dw[2])) == "0.000001", "the premise: six decimals would tie them"
    text = prose_with(tmp_path, ex, "rule-output-bias")
    tied = [i for i in range(3) if oracle.formula_string(abs(dw[i])) == oracle.formula_string(abs(db))]
    assert ("only beyond the digits shown" in text) == bool(tied) and "so close to 1" not in text
    assert "tied as written" not in text


def as_printed(value: float) -> str:
    """An update as the rule pages' "Run on the worked example" blocks print it: six decimals, or where the formulas
    write it in scientific notation, Python's two significant digits (``1.2e-07``)."""
    return f"{value:.1e}" if oracle.in_scientific(value) else oracle.number_string(value)


@pytest.mark.parametrize("eta", [None, 1e-6])
def test_the_run_blocks_print_each_update_as_the_formulas_write_it(tmp_path, eta):
    """An instructor's example with eta = 10^-6: the prose wrote each update in scientific notation, but the blocks
    under "Run on the worked example" printed every one as 0.000000. Each block prints the oracle's updates with the
    formulas' digits, for the shipped example (six decimals) and that one."""
    ex = oracle.shipped() if eta is None else {
        "w_hidden": [[0.2, -0.4], [0.6, 0.1], [-0.3, 0.5]], "b_hidden": [0.15, -0.2, 0.05],
        "w_output": [[0.5, -0.6, 0.3]], "b_output": [0.1], "hidden": "logsig", "output": "purelin",
        "x": [0.8, -0.6], "d": 1.5, "eta": eta, "practice": oracle.SHIPPED["practice"]}
    it = oracle.iteration(ex)
    assert (eta is None) == (not any(oracle.in_scientific(v) for v in it["db_hidden"])), "the premise"
    blocks = {"rule-output-weights": ("Δw_4i(0) =", it["dw_output"][0]), "rule-output-bias": ("Δb_4(0) =",
                                                                                            it["db_output"]),
              "rule-hidden-weights": ("Δw_ik(0) =", [v for row in it["dw_hidden"] for v in row]),
              "rule-hidden-biases": ("Δb_i(0) =", it["db_hidden"])}
    rendered = pages_with(tmp_path, ex, list(blocks))
    for page, (start, values) in blocks.items():
        text = rendered[page]
        shown = text[text.index(start, text.index("Run on the worked example")):][:400]
        shown = shown[:shown.index("(1)")]  # up to the new values' line
        assert re.findall(r"-?\d\.\de-\d\d|-?\d+\.\d{6}", shown) == [as_printed(v) for v in values], (page, shown)


@pytest.mark.parametrize("page", ["rule-output-weights", "rule-hidden-weights", "rule-hidden-biases"])
def test_tips_blocks_use_the_step_and_share_their_words_name(page):
    """The student's block of each finite-difference tip picks its parameter with the h and the share of the rounding
    bound that the sentence before it states (backprop.judged.NUDGE_H and NUDGE_SHARE, which its words are made from):
    a reviewer found them typed in three places with nothing tying them together."""
    from backprop import judged

    source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    tip = source[source.index('??? tip "Check it yourself: a finite difference"'):]
    (block,) = [m["body"] for m in EXEC.finditer(tip) if "(2 * h)" in m["body"]]
    assert re.search(r"^\s*h = 1e-6$", block, re.M) and judged.NUDGE_H == 1e-6
    assert re.search(r"\) > 100 \* noise ", block) and judged.NUDGE_SHARE == 100
    assert "noise = eta * gradcheck.rounding_noise(net, x, d, h)" in block


def test_rule_4_tip_says_every_update_is_too_small_after_a_zero_one(tmp_path):
    """A reviewer's example: w_41 = 0 and neurons 2 and 3 saturated. Rule 4's tip said why Δb_1 is 0 and nudged b_3,
    whose update (the oracle's, -5.6e-9) its check reads to two digits at best, without a word; it now says every
    update is too small to check this way, with a bound at least 1/100 of that update."""
    ex = {"w_hidden": [[0.1, 0.2], [12.0, 12.0], [12.0, 12.0]], "b_hidden": [0.1, 0.2, 0.3],
          "w_output": [[0.0, 0.8, 0.9]], "b_output": [0.4], "hidden": "logsig", "output": "purelin",
          "x": [1.0, 0.5], "d": 1.0, "eta": 0.5}
    db = oracle.iteration(ex)["db_hidden"]
    assert db[0] == 0 and max(range(3), key=lambda i: abs(db[i])) == 2 and abs(db[2]) < 1e-7  # the premise
    text = re.sub(r"\s+", " ", prose_with(tmp_path, ex, "rule-hidden-biases"))
    m = re.search(r"Nudge \$b_3\$ by \$\\pm h\$ \(the one with the largest update in size here: \$\\Delta b_1\(0\) = "
                  r"\\eta\\, \\delta_1\$ is 0, since \$w_\{41\} = 0\$, and a check of \$0\$ against \$0\$ would show "
                  r"nothing, though every update is too small to check this way: rounding alone can move \$-\\eta\$ "
                  r"times a central difference with \$h = 10\^\{-6\}\$ by up to \$([^$]+)\$, "
                  r"(at least \$1/100\$ of the largest|more than the largest itself|as large as the largest), "
                  r"\$\\Delta b_\{?3\}?\(0\) = ([^$]+)\$", text)
    assert m, text[text.index("Check it yourself"):][:1200]
    assert abs(db[2]) <= 100 * tex_value(m[1]) and tex_value(m[3]) == pytest.approx(db[2], rel=0.06)
    bound, shown = tex_value(m[1]), abs(tex_value(m[3]))  # as written
    assert m[2] == ("more than the largest itself" if bound > shown else "as large as the largest" if bound == shown
                    else "at least $1/100$ of the largest"), m[2]
    assert abs(-ex["eta"] * oracle_gradient(ex, "b_hidden", (2,)) - db[2]) <= tex_value(m[1])
