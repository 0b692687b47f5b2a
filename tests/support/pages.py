"""What the site's pages say, as the page tests of tests/pages/ read it (home, iteration and training, common
mistakes, verification, notation): numbers as the site writes them (`six`, `s6`, `given`), a page's rendered text
(`page_text`, `prose`, cached per process) and the same for every example file (`example_pages`, `example_prose`),
its 6-decimal numbers and tables, and its typed math (`markdown_displays`, `markdown_inline_statements`,
`markdown_says`).

The blocks are collected and the pages rendered in ``snippets.py``; the checks of a built page are in
``built_pages.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from tests.support import oracle
from tests.support.snippets import DOCS, collect, render_page, render_with_example


def six(values) -> set[str]:
    """Numbers as the site writes them: 6 decimals, never -0.000000."""
    return oracle.number_strings(list(values))


s6 = oracle.number_string  # one number as the site writes it


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@cache
def page_text(page: str) -> str:
    """The page's Markdown as the build renders it for the example in use."""
    return render_page(page)


# The same pages for each example file (the default and tests/examples/*), each rendered in a process of its own
# with BACKPROP_EXAMPLE naming it; the training blocks, which do not use the example, are left out.
EXAMPLE_PAGES = ("iteration-and-training", "common-mistakes")
EXAMPLE_FILES = oracle.all_example_files()


@cache
def example_pages(path: Path) -> dict[str, str]:
    """page -> its Markdown as the build renders it with the example file ``path``."""
    return render_with_example(path, EXAMPLE_PAGES, skip="regression_data")


def example_prose(path: Path, page: str) -> str:
    return re.sub(r"\s+", " ", example_pages(path)[page])


def given(value: float) -> str:
    """A given value as a person writes it: six decimals at most, no trailing zeros (0.5, 1, -2)."""
    text = s6(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def prose(page: str) -> str:
    """The page's text with runs of white space made one space, for finding sentences."""
    return re.sub(r"\s+", " ", page_text(page))


def numbers_in(text: str) -> set[str]:
    """Every number printed with exactly 6 decimals."""
    return set(re.findall(r"(?<![\d.])-?\d+\.\d{6}(?!\d)", text))


def table_rows(text: str, first_header: str) -> list[list[str]]:
    """The body rows of the Markdown table whose header starts with ``| first_header |``, as stripped cells."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def norm_tex(text: str) -> str:
    return " ".join(text.split())


def markdown_says(page: str, tex: str) -> bool:
    """Whether the page's Markdown holds ``tex`` (whitespace normalised: an equation may wrap over lines)."""
    return norm_tex(tex) in norm_tex((DOCS / f"{page}.md").read_text(encoding="utf-8"))


def _typed(page: str) -> str:
    """A page's Markdown as typed, outside its code blocks."""
    return re.sub(r"^([ \t]*)```.*?^\1```", "", (DOCS / f"{page}.md").read_text(encoding="utf-8"), flags=re.M | re.S)


def markdown_displays(page: str) -> list[str]:
    """The display equations of a page's Markdown outside its code blocks, whitespace normalised, in order."""
    return [norm_tex(eq) for eq in re.findall(r"^[ \t]*\$\$\n(.*?)\n[ \t]*\$\$[ \t]*$", _typed(page), re.M | re.S)]


#: What makes an inline formula a statement (an equation or an inequality) rather than a name like $w_{ik}$.
RELATION = re.compile(r"=|\\le\b|\\ge\b|\\leq|\\geq|<|>|\\approx|\\ne\b|\\neq|\\to\b")


def markdown_inline_statements(page: str) -> list[str]:
    """The inline formulas ``$...$`` of a page's Markdown, outside its code blocks and display equations, that state
    something (an equation or an inequality: ``$j = 4$``, ``$\\eta > 0$``), whitespace normalised, in order. A page
    test lists them with the check of each, so that a formula edited on the page (a sign, an index) fails a test."""
    text = re.sub(r"\$\$.*?\$\$", "", _typed(page), flags=re.S)
    spans = re.findall(r"(?<![\\$])\$((?:[^$\n]|\n(?![ \t]*\n))+?)(?<!\\)\$", text)  # may wrap, not a paragraph
    return [norm_tex(span) for span in spans if RELATION.search(span)]


def exec_block_math(page: str) -> list[tuple[list[str], list[str], list[str]]]:
    """The math typed in each of a page's exec blocks, in order, each as (its display equations ``$$ ... $$``, its
    inline statements ``$ ... $`` with a relation, the rows of an aligned display it assembles, ``show.tex(r"... &=
    ...")``), whitespace normalised: the derivations a block writes out around the numbers it fills in."""
    return [code_math(snippet.code) for snippet in collect(DOCS / f"{page}.md") if 'exec="1"' in snippet.info]


def code_math(code: str) -> tuple[list[str], list[str], list[str]]:
    """The math typed in Python source (a block's, or that of a module whose sentences a page prints), as
    `exec_block_math` reads each block's: its displays, its inline statements and the rows it assembles."""
    displays = [norm_tex(eq) for eq in re.findall(r"^[ \t]*\$\$\n(.*?)\n[ \t]*\$\$", code, re.M | re.S)]
    spans = re.findall(r"(?<![\\$])\$([^$\n]+?)(?<!\\)\$", re.sub(r"\$\$.*?\$\$", "", code, flags=re.S))
    rows = [norm_tex(row) for row in re.findall(r'show\.tex\(r"([^"$]*&=[^"$]*)"', code)]
    return displays, [norm_tex(span) for span in spans if RELATION.search(span)], rows


#: What makes an inline formula that states nothing still say something: an operation or a number, as in "(S1) equals
#: $-s'(z)$", "$f'(v_i)$ is $f(v_i)(1 - f(v_i))$", "the sum $\sum_j e_j f'(v_j) w_{ji}(n)$", "a $3 \times 2$ matrix" or
#: "row $i$ of $W^{(2)\top}$", rather than a name like $w_{ik}$ or $f'(v_j)$.
EXPRESSION = re.compile(r"[-+/]|\\frac|\\cdot|\\,|\\sum|\\times|\\top|^\(?[-+]?\d+\)?$")


def markdown_inline_expressions(page: str) -> list[str]:
    """The inline formulas ``$...$`` of a page's Markdown, outside its code blocks and display equations, that state
    nothing themselves (no relation: not ``markdown_inline_statements``) but are an expression or a number the prose
    says something of (``$-s'(z)$``, ``$1$``, ``$f(v_i)(1 - f(v_i))$``), whitespace normalised, in order: a page test
    lists them with a check of what the sentence says, so that an edit of one fails a test."""
    text = re.sub(r"\$\$.*?\$\$", "", _typed(page), flags=re.S)
    spans = re.findall(r"(?<![\\$])\$((?:[^$\n]|\n(?![ \t]*\n))+?)(?<!\\)\$", text)  # as markdown_inline_statements
    return [norm_tex(span) for span in spans if not RELATION.search(span) and EXPRESSION.search(norm_tex(span))]


def exec_block_expressions(page: str) -> list[str]:
    """The inline formulas ``$...$`` in the source of a page's exec blocks that state nothing (no relation) but are an
    expression or a number (`EXPRESSION`), whitespace normalised, in order: as `markdown_inline_expressions` reads the
    Markdown (`exec_block_math` lists the blocks' statements)."""
    return [tex for snippet in collect(DOCS / f"{page}.md") if 'exec="1"' in snippet.info
            for tex in code_expressions(snippet.code)]


def code_expressions(code: str) -> list[str]:
    """The inline formulas in Python source (a block's, or that of a module whose sentences a page prints) that are
    an expression or a number, as `exec_block_expressions` reads them."""
    spans = re.findall(r"(?<![\\$])\$([^$\n]+?)(?<!\\)\$", re.sub(r"\$\$.*?\$\$", "", code, flags=re.S))
    return [norm_tex(s) for s in spans if not RELATION.search(s) and EXPRESSION.search(norm_tex(s))]



# The substituted arithmetic of a page: sums "a + b = c", differences "a - b = c" and products "a \cdot b \cdot ... = c"
# of numbers as the formulas write them (six decimals, a given value fewer, or two significant digits in scientific
# notation; the live page's y of a difference d - y below 10^-5 more; a negative one, or one in scientific notation
# after an operator, in parentheses), each followed
# by "=" or "\approx" and the result: six decimals, or two significant digits in scientific notation (or every digit
# of an exact product, as rule 3's sentence on the ratio x_2 / x_1 writes one).
_SCI = r"\d(?:\.\d+)? \\times 10\^\{-?\d+\}"  # two significant digits, or every digit of an exact product
FORMULA_NUMBER = rf"(?:\(\s*-?(?:{_SCI}|\d+(?:\.\d+)?)\s*\)|-?(?:{_SCI}|\d+(?:\.\d+)?))"
ARITHMETIC = re.compile(rf"(?<![\d.)}}])({FORMULA_NUMBER}(?:\s*(?:\+|-|\\cdot)\s*{FORMULA_NUMBER})+)\s*"
                        rf"(?:\\\\\s*&)?\s*(=|\\approx)\s*(-?(?:{_SCI}|\d+\.\d+))(?![\d.]|\s*\\times)")


def formula_decimal(text: str) -> Decimal:
    """A number as a formula writes it ("(-0.25)", "3.7 \\times 10^{-6}"), exactly."""
    text = text.strip().strip("()").strip()
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(?: \\times 10\^\{(-?\d+)\})?", text)
    assert m, text
    return Decimal(m[1]).scaleb(int(m[2] or 0))


@dataclass(frozen=True)
class Claim:
    """One substituted formula: its left side, "=" or "\\approx", the result as written, and what the written numbers
    give, computed exactly (`Decimal`)."""

    expression: str
    relation: str
    result: Decimal
    computed: Decimal

    @property
    def unit(self) -> Decimal:
        """The last written digit of the result: 10^-6, or 10^(k-1) for m.m \\times 10^k."""
        return Decimal(1).scaleb(self.result.as_tuple().exponent)

    @property
    def rounds_to_result(self) -> bool:
        """The written numbers give the result to its last digit (less than half a unit off, not a tie)."""
        return abs(self.computed - self.result) < self.unit / 2

    @property
    def tie(self) -> bool:
        return abs(abs(self.computed - self.result) - self.unit / 2) <= self.unit * Decimal("1e-6")

    @property
    def wrong(self) -> bool:
        """The written numbers contradict the relation: "=" where they do not give the result to its last digit (or a
        tie), "\\approx" where they do (not a tie), or an "\\approx" farther than one last digit and `NEAR` of the
        result's size."""
        if (self.relation == "=") != self.rounds_to_result and not (self.tie and self.relation != "="):
            return True
        return self.relation != "=" and abs(self.computed - self.result) > max(self.unit, NEAR * abs(self.result))


#: How far an "\approx" may lie from what its written numbers give, relatively (or one last digit): a product of
#: factors each written within 5 % can be off by about 15 %.
NEAR = Decimal("0.2")


def wrong_claims(text: str) -> list[Claim]:
    """The substituted formulas of ``text`` whose "=" or "\\approx" the written numbers contradict (`Claim.wrong`)."""
    return [claim for claim in arithmetic_claims(text) if claim.wrong]


def arithmetic_claims(text: str) -> list[Claim]:
    """Every substituted sum, difference or product of one operator in ``text``, with what its numbers give."""
    claims = []
    for m in ARITHMETIC.finditer(text):
        expression, relation, result = m[1], m[2], m[3]
        first = re.match(FORMULA_NUMBER, expression)
        terms = re.findall(rf"(\+|-|\\cdot)\s*({FORMULA_NUMBER})", expression[first.end():])
        if len({op for op, _ in terms}) != 1:
            continue  # mixed operators: not a form the pages use
        total = formula_decimal(first[0])
        for op, number in terms:
            value = formula_decimal(number)
            total = total + value if op == "+" else total - value if op == "-" else total * value
        claims.append(Claim(expression, relation, formula_decimal(result), total))
    return claims


def neurons_printed_at(values: list[float], printed: str) -> str:
    """'neuron 2' or 'neurons 1 and 3': the neurons (numbered from 1) whose value prints with 6 decimals as
    ``printed``, named as the pages name them."""
    ids = [str(i + 1) for i, v in enumerate(values) if s6(v) == printed]
    assert ids, (values, printed)
    return ("neuron " if len(ids) == 1 else "neurons ") + (ids[0] if len(ids) == 1 else
                                                           ", ".join(ids[:-1]) + " and " + ids[-1])


def where_y_next(ex: dict, it: dict) -> str:
    """Where y(n+1) lies as a reading says it, from the oracle's iteration ``it`` of ``ex``: onto d where the two print
    alike; else, from the errors e(n) and e(n+1) = d - y(n+1), short of d (same sign, smaller), past it (other sign,
    with how far against before, as printed) or farther on the same side."""
    d, e, e_next = ex["d"], it["e"], ex["d"] - it["y_next"]
    if s6(it["y_next"]) == s6(d):
        return f"onto $d = {given(d)}$"
    if e * e_next > 0:
        return f"short of $d = {given(d)}$" if abs(e_next) < abs(e) else \
            f"farther from $d = {given(d)}$ than before, on the same side"
    before, after = float(s6(abs(e))), float(s6(abs(e_next)))
    closer = ("as far from it as before" if after == before else "but closer to it than before" if after < before
              else "and farther from it than before")
    return f"past $d = {given(d)}$, {closer}"
