r"""Showing numbers: one way to put a computed value into TeX, Markdown, a sentence or a figure.

The site's pages compute with the package, then show with these helpers, so that every page writes
numbers the same way:

    >>> from backprop import show
    >>> show.tex(r"{{a}} \cdot {{b}} + {{c}}", a=0.5, b=-1.0, c=-0.25)
    '0.500000 \\cdot (-1.000000) + (-0.250000)'
    >>> show.tex(r"e^{-{{v}}}", v=-0.2)
    'e^{-(-0.200000)}'

* `num` writes one number with the site's `DECIMALS`, `given` a value the example gives without its trailing zeros;
* `tex` fills the ``{{name}}`` fields of a TeX template, putting a negative number in
  parentheses where it follows an operator or carries a power (in math: a Markdown template's prose is left alone),
  and writing a value of which the site's decimals keep fewer than two digits (`in_scientific`) in scientific
  notation (`sci`), so that a formula's numbers give its result; `written` is the number a reader reads from it;
* `eq` chooses ``=`` or ``\approx`` for a result computed from unrounded values, `apart` writes two values that
  should agree (a finite difference and the rule) with the gap between them, `quotient` a ratio with numbers that
  give it;
* `hidden_fields` gives the hidden fields as a reader adds up their written numbers (0 where they cancel exactly,
  not the rounding a double keeps), `fields_rounded` the neurons where that differs from the package's doubles;
* `coarse` tells a value that six decimals write far off (a figure's label, a table of plain numbers);
* `pick` chooses a word from the sign of a number, `largest` and `smallest` the values largest and smallest in size as
  printed, `require` stops
  the build when a page's sentence is not true of the example;
* `table` writes a Markdown table (six decimals), `svg` a matplotlib figure as inline SVG; `f_prime_numbers` writes a
  neuron's slope with its numbers, from its output or, where that keeps too few digits (`slope_lost`), from its field.
"""
# Over 300 lines because it is one vocabulary: every page imports it as ``show`` and writes each value with it, and
# its functions are small and call one another (`tex` calls `num` and `given`, `eq` and `largest` compare what `num`
# prints).

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_UP, Decimal, localcontext

import numpy as np

from ._checks import check_count, check_numeric_scalar, describe
from ._exact import PRECISION, typed
from .network import Network, forward

DECIMALS = 6
"""Decimals of every number the site prints (and of ``python -m backprop trace`` by default)."""

_FIELD = re.compile(r"\{\{\s*(\w+)\s*(?::([^}]*))?\}\}")
# A field that starts an expression needs no parentheses: after these (spaces ignored) ...
_OPENERS = ("=", "(", "[", ",", "&", ":", "|", r"\\", r"\approx", r"\quad", r"\qquad", r"\left(", r"\big(",
            r"\Big(", r"\bigl(", "$")
# ... and after an opening brace, unless the brace opens a power.
_SCRIPT_BRACE = re.compile(r"\^\{$")
# The math delimiters of a Markdown template: $$...$$ and $...$ (an escaped \$ is a dollar sign).
_DOLLARS = re.compile(r"(?<!\\)\$\$?")


def num(value: float, decimals: int | None = None) -> str:
    """``value`` with the site's decimals (or ``decimals``): ``num(0.5) == '0.500000'``; never ``-0.000000``.

    Raises
    ------
    TypeError
        ``value`` is an array of more than one number, or no real number (text, a boolean: ``True`` is not 1), or
        ``decimals`` is no int.
    ValueError
        ``value`` is nan or an infinity (a page never prints them), or ``decimals`` is below 0.
    """
    places = DECIMALS if decimals is None else check_count("decimals", decimals, least=0)
    text = f"{_one_number('value', value):.{places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def _one_number(name: str, value: object) -> float:
    """``value`` as a float for a page, or a message naming ``name`` and the value: an array, not one of its numbers
    (a reviewer's ``num(fp.y_output)`` raised numpy's "only 0-dimensional arrays ..."), what is no real number (the
    package's `check_numeric_scalar`: ``True`` and ``"0.5"`` had been written 1.000000 and 0.500000), and nan or an
    infinity, which a page would print as ``nan`` or ``inf``."""
    if isinstance(value, np.ndarray) and value.ndim != 0:
        raise TypeError(f"{name} must be one number, got an array of shape {value.shape}: write each entry "
                        f"(e.g. fp.y_output[0])")
    number = float(value) if isinstance(value, float) else check_numeric_scalar(name, value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number}: a page never prints nan or an infinity")
    return number


def text(value: float) -> str:
    """``value`` as a block's printed output writes it, with the digits a formula shows (`written`): `num`'s decimals,
    or, `in_scientific`, two significant digits in Python's e-notation: ``text(0.1234567) == '0.123457'``,
    ``text(1.2078e-07) == '1.2e-07'`` (six decimals would print 0.000000 for an update that moves its weight)."""
    return _written_text(value) if in_scientific(value) else num(value)


def cell(value: float) -> str:
    r"""``value`` for a table of computed numbers: `num`'s six decimals, or, `in_scientific`, as a formula writes it
    (`tex`): ``cell(0.1234567) == '0.123457'``, ``cell(2.0064e-07) == '$2.0 \times 10^{-7}$'`` (a cost that has
    fallen to 2e-7 is not 0.000000, nor are two different updates of that size 0.000000 twice)."""
    return tex("${{v}}$", v=value) if in_scientific(value) else num(value)


def given(value: float) -> str:
    """A value the example gives (an input, the target, η, a weight at n = 0) as `num` writes it without trailing
    zeros: ``given(0.1) == '0.1'``, ``given(1.0) == '1'``. It is the number `rounded` computes with."""
    text = num(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def rounded(value: float, decimals: int | None = None) -> float:
    """``value`` as the site shows it: rounded to `DECIMALS`, for checking what a reader can add up."""
    return float(num(value, decimals))


COARSE = 0.05
"""How far off, relatively, the pages' `DECIMALS` may write a computed value before a page says so or writes it
otherwise (`coarse`)."""


def coarse(value: float) -> bool:
    """Whether the pages' `DECIMALS` write ``value`` more than `COARSE` off: as 0 (``5e-08`` prints as ``0.000000``)
    or as a digit far from it (``5.0048e-07`` as ``0.000001``, twice its size), so that a reader working with the
    printed number is off by that much. A value that prints as it is (``0.000005`` given) is not coarse, nor one
    that prints close to it (``-9.99999e-07`` as ``-0.000001``)."""
    printed = rounded(value)
    return printed != value and abs(printed - value) > COARSE * abs(value)


def in_scientific(value: float) -> bool:
    """Whether a formula's field (`tex`) writes ``value`` in scientific notation, with two significant digits: where
    the site's decimals would keep fewer than two of its digits (below 10^-5 in size: ``0.000004`` for ``3.7e-06``,
    ``0.000000`` for ``3e-08``) or write it far off (`coarse`), so that every value keeps two digits at least."""
    value = _one_number("value", value)
    return value != 0 and (abs(rounded(value)) < 10.0 ** (1 - DECIMALS) or coarse(value))


def written(value: float) -> float:
    """The number a formula's field (`tex`) writes for ``value``, as a reader reads it: `rounded`, or where
    `in_scientific`, the two significant digits of `sci`: ``written(0.1234567) == 0.123457``, ``written(3.7266e-06)
    == 3.7e-06``. A float, for a figure or a sentence; `exact` is the same number as a `Decimal`, for `eq`."""
    return float(_written_text(value)) if in_scientific(value) else rounded(value)


def exact(value: float) -> Decimal:
    """The number a formula's field (`tex`) writes for ``value`` (`written`), as a `Decimal`: a page computes the
    ``shown`` value of `eq` from these, so that it is what a reader gets from the written digits, not a double near
    it. ``exact(0.1234567) == Decimal('0.123457')``, ``exact(3.7266e-06) == Decimal('0.0000037')``. Mixed with a float
    it raises TypeError: write ``e ** 2 / 2``, not ``0.5 * e ** 2``. Decimal's 28 significant digits round each
    product of written numbers by at most half a unit of its 28th digit, so a product of the five factors an
    exercise multiplies is within $10^{-26}$ of its size, far below a printed digit."""
    return written_digits(value)[0]


def hidden_fields(net: Network, x: Sequence[float]) -> np.ndarray:
    r"""The hidden fields $v_i = \sum_k w_{ik} x_k + b_i$ as a formula writes them, shape ``(n_hidden,)``: the
    package's (`backprop.forward`), except where the numbers of ``net`` and ``x``, as typed (each double's shortest
    decimal, ``repr``: the example's as given), add up to exactly 0 by hand: 0 there. ``0.5 \cdot 0.6 + 0.375 \cdot
    (-0.8) + 0`` is 0; its double is ``-5.6e-17``, the rounding of binary arithmetic, which no reader adding up the
    numbers gets (`fields_rounded` says which neurons). ``net`` and ``x`` are checked as `backprop.forward` checks
    them: an ``x`` of booleans or text is refused, naming it."""
    return _fields(net, x)[1]


def fields_rounded(net: Network, x: Sequence[float]) -> list[tuple[int, float]]:
    """The hidden neurons (numbered from 1) whose field `hidden_fields` writes as 0 while the package's double is not
    0, each with that double: ``[(1, -5.55e-17)]``, for a page's note that says why."""
    computed, written = _fields(net, x)
    return [(i, float(v)) for i, (v, shown) in enumerate(zip(computed, written), start=1) if v != shown]


def _fields(net: Network, x: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The package's hidden fields and `hidden_fields`. Each double is within a relative 2^-53 of its shortest decimal,
    so where those decimals add up to 0, the double holds nothing but rounding (a few units of 2^-53 of the terms'
    sizes): it is never a field of its own."""
    computed = forward(net, x).v_hidden  # forward's own check first: x = [True, "0.5"] is refused, named
    w, b, x_k = typed(net.w_hidden), typed(net.b_hidden), typed(x)
    with localcontext(prec=PRECISION):  # products of 17-digit decimals, exactly
        zero = w.dot(x_k) + b == 0
    return computed, np.where(zero, 0.0, computed)


def written_digits(value: float) -> tuple[Decimal, Decimal]:
    """``value`` as a formula writes it (`tex`), exactly, and the unit of its last digit: ``written_digits(0.1234567)``
    is ``(Decimal('0.123457'), Decimal('0.000001'))``, ``written_digits(3.7266e-06)`` ``(Decimal('0.0000037'),
    Decimal('1E-7'))``."""
    if in_scientific(value):
        digits = Decimal(_written_text(value))
        return digits, Decimal(1).scaleb(digits.adjusted() - 1)
    return Decimal(num(value)), Decimal(1).scaleb(-DECIMALS)


def _written_text(value: float) -> str:
    """A value `in_scientific` as Python writes its two significant digits, ``3.7e-06``: the digits of `sci`."""
    return f"{float(value):.1e}"


def _opens_expression(before: str) -> bool:
    text = before.rstrip()
    if not text:
        return True
    if text.endswith("{"):
        return not _SCRIPT_BRACE.search(text)
    return text.endswith(_OPENERS)


def _in_prose(template: str, start: int) -> bool:
    """Whether position ``start`` of a Markdown template (one with ``$`` delimiters) is outside its math."""
    opened = None
    for match in _DOLLARS.finditer(template, 0, start):
        if opened is None:
            opened = match.group()
        elif match.group() == opened:
            opened = None
    return opened is None


def _format(value: object, spec: str | None, name: str = "value") -> tuple[str, bool]:
    """The text of one field value (``name`` in a message), and whether it needs parentheses where a negative number
    does (after an operator, or carrying a power): a negative number, or one in scientific notation."""
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.item()
    if isinstance(value, bool) or isinstance(value, str):
        return str(value), False
    if isinstance(value, int | np.integer):
        return (format(int(value), spec) if spec else str(int(value))), int(value) < 0
    if isinstance(value, float | np.floating):
        _one_number(name, value)  # nan or an infinity: named, never written into a page
        if spec is None and in_scientific(value):  # a product, 3.7 \times 10^{-6}: bracketed as a negative is
            return sci(value), True
        text = (given(value) if spec == "given" else num(value) if spec == "printed" else format(float(value), spec)
                if spec else num(value))
        return text, text.startswith("-")
    raise TypeError(f"cannot show a {type(value).__name__} in a formula: {value!r}")


def tex(template: str, **values: object) -> str:
    r"""Fill the ``{{name}}`` (or ``{{name:.3f}}``, ``{{name:given}}``, ``{{name:printed}}``) fields of ``template``
    with ``values``.

    Floats get the site's decimals (``:given`` drops trailing zeros, for the example's given values), ints are
    written as they are, strings are inserted as they are
    (use them for TeX that is chosen from the numbers). A float of which the decimals would keep fewer than two
    digits (`in_scientific`: a saturated neuron's ``f'(v) = 3.7e-06`` prints as ``0.000004``) is written in
    scientific notation instead, ``3.7 \times 10^{-6}``, so that a product of the fields gives the result beside it;
    `written` is that number, for `eq`.
    A sentence that says how a value *prints* (in a table's six decimals) writes its field ``{{name:printed}}``.
    A negative number, or one in scientific notation, gets parentheses where it
    follows an operator or a power's brace (``a \cdot (-1)``, ``e^{-(-0.2)}``) or carries a power
    (``(-0.2)^2``), and none where it starts an expression (after ``=``, ``(``, ``{``, ``,`` ...).
    A template with ``$`` in it is Markdown: its math is between ``$...$`` or ``$$...$$``, and a field outside the
    math is prose, where a number never gets parentheses (``the code gives -0.26``) and one in scientific notation
    gets its own ``$...$``; a template without ``$`` is TeX.
    TeX's single braces (``w_{11}``) are left alone. A field without a value raises ``KeyError``, a float field of nan
    or an infinity ``ValueError`` naming the field.

    Examples
    --------
    >>> from backprop.show import tex
    >>> tex(r"{{w}} \cdot {{fp}}", fp=3.7266e-06, w=-2.1)
    '-2.100000 \\cdot (3.7 \\times 10^{-6})'
    """
    out: list[str] = []
    pos = 0
    markdown = _DOLLARS.search(template) is not None
    for match in _FIELD.finditer(template):
        key, spec = match.group(1), match.group(2)
        if key not in values:
            raise KeyError(f"no value for the field {{{{{key}}}}} in {template!r}")
        text, negative = _format(values[key], spec, f"the field {{{{{key}}}}}")
        before = template[pos:match.start()]
        out.append(before)
        after = template[match.end():].lstrip()
        context = "".join(out)
        prose = markdown and _in_prose(template, match.start())
        if prose and r"\times" in text and not isinstance(values[key], str):
            text = f"${text}$"
        elif negative and not prose and (not _opens_expression(context) or after.startswith("^")):
            text = f"({text})"
        out.append(text)
        pos = match.end()
    out.append(template[pos:])
    return "".join(out)


def eq(shown: float | Decimal, result: float, decimals: int | None = None) -> str:
    r"""``=`` if the value a reader computes from the shown numbers rounds to the shown result, else ``\approx``.

    ``shown`` is the expression evaluated with the operands as `tex` writes them, ``result`` the value the package
    computed from the unrounded ones, printed as `tex` writes it (or with ``decimals``). A sum, difference or product
    of written numbers is computed from `exact` ones, as a `Decimal`, and judged exactly: a tie (half a unit of the last
    printed digit from the result) gets ``\approx``, since a reader who rounds half up may print another last digit,
    and doubles would put it on either side (2.636633 · 4860 + (-0.00255) · 0.85 is 12814.0342125, a tie; in doubles
    12814.034212499999). A float ``shown`` (a function of a written number, such as $f(v)$) is judged with a margin
    of a millionth of that half unit for its rounding. A ``shown`` or ``result`` of nan or an infinity raises
    ValueError naming it.

    Examples
    --------
    >>> from backprop.show import eq, exact
    >>> eq(exact(2.636633) * 4860 + exact(-0.00255) * exact(0.85), 12814.034212499999)
    '\\approx'
    >>> eq(exact(0.5) * exact(0.25), 0.125)
    '='
    """
    _one_number("shown", shown)
    _one_number("result", result)
    if decimals is None:  # the result as `tex` writes it
        printed, unit = written_digits(result)
    else:
        printed, unit = Decimal(num(result, decimals)), Decimal(1).scaleb(-decimals)
    half = unit / 2
    if isinstance(shown, Decimal):
        with localcontext() as context:
            context.prec = 200  # the difference of two written numbers, exactly
            return "=" if abs(shown - printed) < half else r"\approx"
    gap = abs(Decimal(repr(float(shown))) - printed)
    return "=" if gap < half * (1 - Decimal("1e-6")) else r"\approx"


def widened(value: float, holds: Callable[[Decimal], bool]) -> tuple[str, Decimal]:
    r"""How to write the computed ``value`` in a formula whose result needs more of its digits than `tex` writes: the
    field spec, ``""`` where ``holds`` (a judgement of the formula from the value as written, such as ``eq(...) ==
    "="``) holds of the value as `tex` writes it (`exact`), else ``":.Nf"`` with the fewest decimals N beyond
    `DECIMALS` for which it holds, up to a double's 17 significant digits; and the value so written. Where none does,
    ``""`` (the formula keeps its ``\approx``). ``0.000012 \cdot 0.7 \approx 8.7 \times 10^{-6}`` becomes
    ``0.00001246 \cdot 0.7 = 8.7 \times 10^{-6}``, as the live page's engine widens an operand (``widened``)."""
    if holds(exact(value)) or value == 0:
        return "", exact(value)
    for places in range(DECIMALS + 1, max(DECIMALS + 1, 16 - math.floor(math.log10(abs(value)))) + 1):
        written = Decimal(f"{value:.{places}f}")
        if holds(written):
            return f":.{places}f", written
    return "", exact(value)


def sci(value: float, digits: int = 2, up: bool = False) -> str:
    r"""A number below the site's decimals (or far above them) in TeX's scientific notation with ``digits``
    significant digits: ``sci(3.5e-9)`` writes ``3.5 \times 10^{-9}``, for a formula, where ``3.5e-09`` would read as
    a product with the constant e. With ``up`` its size is rounded up, for a bound a sentence says "at most" of. nan,
    an infinity, or ``digits`` below 1 raise ValueError naming it.

    Examples
    --------
    >>> from backprop.show import sci
    >>> sci(-1.23e-7)
    '-1.2 \\times 10^{-7}'
    >>> sci(5.043e-6, up=True)
    '5.1 \\times 10^{-6}'
    """
    _one_number("value", value)
    check_count("digits", digits, least=1)
    if up and value:
        mantissa, exponent = f"{rounded_up(value, digits):.{digits - 1}e}".split("e")
    else:
        mantissa, exponent = f"{float(value):.{digits - 1}e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def rounded_up(value: float, digits: int = 2) -> Decimal:
    """``value`` with its size rounded up to ``digits`` significant digits, the number `sci` writes with ``up``: a
    bound still true once written (``rounded_up(5.043e-6) == Decimal("5.1e-6")``)."""
    exact = Decimal(repr(_one_number("value", value)))
    return exact.quantize(Decimal(1).scaleb(exact.adjusted() - digits + 1), rounding=ROUND_UP) if value else exact


def apart(first: tuple[str, float], second: tuple[str, float]) -> str:
    """Two values that should agree, written so that the line is true whatever they are: each with the site's
    decimals, then the gap between them to one significant digit (``0`` when there is none).

    Examples
    --------
    >>> from backprop.show import apart
    >>> apart(("central difference", 0.2500004999), ("exact", 0.2500005001))
    'central difference = 0.250000, exact = 0.250001, apart by 2e-10'

    A finite difference differs from the exact value in later digits, so the two can round to different last
    digits, as here: printed alone, under a sentence that says they are equal, they would contradict it. Values below
    $10^{-3}$ in size are written in scientific notation, where six decimals would keep three digits or fewer:

    >>> from backprop.show import apart
    >>> apart(("central difference", 3.21098e-6), ("exact", 3.21101e-6))
    'central difference = 3.210980e-06, exact = 3.211010e-06, apart by 3e-11'
    """
    (name_a, a), (name_b, b) = first, second
    _one_number(name_a, a)
    _one_number(name_b, b)
    gap = abs(float(a) - float(b))
    # Below 10^-3 in size the site's decimals keep three digits or fewer: then both in scientific notation, six
    # decimals of mantissa, so that the two can still be compared (a line code prints: Python's notation).
    small = 0 < max(abs(float(a)), abs(float(b))) < 1e-3
    a_text, b_text = (f"{float(a):.6e}", f"{float(b):.6e}") if small else (num(a), num(b))
    return f"{name_a} = {a_text}, {name_b} = {b_text}, apart by {f'{gap:.0e}' if gap else '0'}"


def quotient(top: tuple[str, float], bottom: tuple[str, float], what: str = "numbers") -> str:
    r"""The quotient of two positive numbers in math, ``$a / b = 1.000000 / 0.250000 = 4.00$``: to two decimals (or
    as many more as show it is not 1), with the numbers written so that their quotient gives it: with `DECIMALS`, or
    with as many more (up to 12) as that takes, and then said, naming them ``what`` (0.000127 / 0.000088 is 1.443,
    not the 1.449 of the numbers); where 12 are too few (a cost of $10^{-14}$), in scientific notation, said too.
    A ``bottom`` of 0, or nan or an infinity, raises ValueError naming it.

    Examples
    --------
    >>> from backprop.show import quotient
    >>> quotient(("a", 1.0), ("b", 0.25))[1:-1]  # the TeX between the dollars
    'a / b = 1.000000 / 0.250000 = 4.00'
    >>> quotient(("a", 0.000127249), ("b", 0.0000878359)).split(", ")[1]
    "the numbers written with 7 decimals (the pages' 6 are too few for their quotient)"
    >>> quotient(("a", 0.5), ("b", 8.1e-14)).split(", ")[1]
    'the numbers in scientific notation (b prints as 0.000000)'
    """
    (top_name, top_value), (bottom_name, bottom_value) = top, bottom
    _one_number(top_name, top_value)
    _one_number(bottom_name, bottom_value)
    if bottom_value == 0:
        raise ValueError(f"{bottom_name} is 0: {top_name} / {bottom_name} has no quotient")
    factor = top_value / bottom_value
    places = 2
    while rounded(factor, places) == 1 and places < 15:
        places += 1

    def gives(decimals: int) -> bool:  # the numbers written with these decimals give the factor printed
        written = rounded(bottom_value, decimals)
        return written != 0 and eq(rounded(top_value, decimals) / written, factor, places) == "="

    decimals = next((n for n in range(DECIMALS, 13) if gives(n)), None)
    if decimals is None:
        zero = f" ({bottom_name} prints as {num(0)})" if rounded(bottom_value) == 0 else ""
        return (f"${top_name} / {bottom_name} = {sci(top_value, 3)} / ({sci(bottom_value, 3)}) \\approx "
                f"{sci(factor, 2)}$, the {what} in scientific notation{zero}")
    text = (f"${top_name} / {bottom_name} = {num(top_value, decimals)} / {num(bottom_value, decimals)} = "
            f"{num(factor, places)}$")
    if decimals > DECIMALS:
        text += f", the {what} written with {decimals} decimals (the pages' {DECIMALS} are too few for their quotient)"
    return text


def largest(values: Iterable[float], as_written: bool = False) -> list[int]:
    """The indices of the values largest in size as the site prints them: each whose size, with the site's decimals,
    is the largest printed, so that two values a reader sees alike are named together. ``as_written`` compares them as
    a formula writes them (`written`: two significant digits below 10^-5), for values shown in formulas. No values,
    or one of nan or an infinity, raise ValueError naming it.

    Examples
    --------
    >>> from backprop.show import largest
    >>> largest([0.5, -0.9, 0.2])
    [1]
    >>> largest([0.1234561, -0.1234564, 0.1])  # both printed as 0.123456 in size
    [0, 1]
    >>> largest([3e-7, -2e-7]), largest([3e-7, -2e-7], as_written=True)  # both 0.000000; written apart
    ([0, 1], [0])
    """
    return _extreme(values, max, as_written)


def smallest(values: Iterable[float], as_written: bool = False) -> list[int]:
    """The indices of the values smallest in size as the site prints them, as `largest` finds the largest: each whose
    size, with the site's decimals, is the smallest printed, so that two values a reader sees alike are named together;
    ``as_written`` as `largest`.

    Examples
    --------
    >>> from backprop.show import smallest
    >>> smallest([0.5, -0.9, 0.2])
    [2]
    >>> smallest([0.8220014, 0.8220006, 0.9])  # both printed as 0.822001
    [0, 1]
    """
    return _extreme(values, min, as_written)


def _extreme(values: Iterable[float], extreme, as_written: bool) -> list[int]:
    """The indices of the values whose size, printed (or `written`), is the ``extreme`` (max or min)."""
    sizes = [abs(_one_number(f"values[{i}]", v)) for i, v in enumerate(values)]
    if not sizes:
        raise ValueError(f"values is empty: no value is the {'largest' if extreme is max else 'smallest'}")
    sizes = [written_digits(size)[0] if as_written else Decimal(num(size)) for size in sizes]
    chosen = extreme(sizes)
    return [i for i, size in enumerate(sizes) if size == chosen]


def pick(value: float, positive: str, negative: str, zero: str | None = None) -> str:
    """The word for the sign of ``value``: ``pick(e, "grows", "shrinks")``.

    Raises
    ------
    ExampleError
        ``value`` is exactly 0 and no ``zero`` word is given: the sentence would be false. Only 0 raises it.
    ValueError
        ``value`` is nan (no sign) or an infinity (an overflow, no number a sentence is about), with or without a
        ``zero`` word.
    TypeError
        ``value`` is no real number (text, a boolean).
    """
    _one_number("value", value)
    if value > 0:
        return positive
    if value < 0:
        return negative
    if zero is None:
        needs = f"a sentence needs a nonzero number here ({positive!r} or {negative!r}), got 0"
        if current_page == OUTSIDE:
            raise ExampleError(f"{needs}. {_COPIED}")
        raise ExampleError(f"{current_page}: {needs}. Change the page or the example.")
    return zero


def half_square_note(rows: Iterable[Sequence[object]]) -> str:
    """For a table of ``(label, y, e, E)`` rows printed with `num`: a sentence (after a newline) naming the rows
    where half the square of the printed e does not round to the printed E, which comes from the unrounded e (a TA's
    e = -1.352776 beside E = 0.915002, where half its square is 0.915001); ``""`` where there is none.

    Examples
    --------
    >>> import textwrap
    >>> from backprop.show import half_square_note
    >>> rows = [("time $n$", 2.0, -1.0118940745, 0.511964809), ("time $n+1$", 2.1, -1.352776, 0.9150016)]
    >>> print(textwrap.fill(half_square_note(rows).strip(), 100))
    $E$ is half the square of the unrounded $e$: at time $n+1$, half the square of the $e$ printed here
    does not round to the $E$ printed.
    """
    off = [label for label, _, e, E in rows if eq(Decimal(num(e)) ** 2 / 2, float(E), DECIMALS) != "="]
    if not off:
        return ""
    return (f"\n$E$ is half the square of the unrounded $e$: at {and_list(off)}, half the square of the $e$ printed "
            "here does not round to the $E$ printed.")


def and_list(items: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``; no items raise ValueError (a sentence would name nothing)."""
    items = list(items)
    if not items:
        raise ValueError("items is empty: and_list writes a list of one item or more")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen")


def number_word(n: int) -> str:
    """A count as a sentence writes it: ``number_word(0) == "no"``, ``number_word(3) == "three"``, up to thirteen (the
    parameters of the slides' network); from 14 on its digits. What is no int (``2.0``, ``True``) raises TypeError."""
    if isinstance(n, bool | np.bool_) or not isinstance(n, int | np.integer):
        raise TypeError(f"n must be an int, got {describe(n)}")
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


class ExampleError(AssertionError):
    """A sentence of a page is not true of the worked example: the strict build stops with this."""


OUTSIDE = "?"
"""`current_page` outside a build: a page's code copied and run by a reader, perhaps with numbers of their own."""
# The page being rendered, so that a failed check can name it: hooks/example.py sets it for a Markdown page, and an
# exercise notebook's kernel reads it from $BACKPROP_PAGE (hooks/notebook_cache.py sets that).
current_page = os.environ.get("BACKPROP_PAGE", OUTSIDE)
_COPIED = ("This code, copied from a page of the site, stops here rather than print a sentence its numbers make "
           "false: with numbers of your own, change the sentence or leave this check out.")


def require(condition: object, sentence: str, **numbers: object) -> None:
    """Stop the build unless ``condition`` holds: the message names the page, the sentence and the numbers (outside a
    build, in a page's code a reader runs, it says that the code stops rather than print a false sentence).

    A page calls this before it prints a sentence that is true only of some examples.
    """
    if not condition:
        shown = ", ".join(f"{k} = {_exact(v)}" for k, v in numbers.items())
        shown = f" ({shown})" if shown else ""
        if current_page == OUTSIDE:
            raise ExampleError(f"the sentence {sentence!r} is not true of these numbers{shown}. {_COPIED}")
        which = "the practice example" if current_page.startswith("exercises/") else "this worked example"
        raise ExampleError(f"{current_page}: the sentence {sentence!r} is not true of {which}{shown}. Change the page "
                           "or the example.")


def _exact(value: object) -> str:
    """A number of a `require` message: with the site's decimals, or, below 0.1 in size, where those would keep five
    significant digits or fewer (none for a value that prints as 0), with six: ``1e-09``, not ``0.000000``."""
    if isinstance(value, str):
        return value
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.item()
    if isinstance(value, float | np.floating) and not math.isfinite(value):  # a message names nan; a page does not
        return str(float(value))
    if isinstance(value, float | np.floating) and value != 0 and abs(float(value)) < 0.1:
        return f"{float(value):.6g}"
    return _format(value, None)[0]


def table(header: Sequence[str], rows: Iterable[Sequence[object]], align: str | None = None) -> str:
    """A Markdown table. Floats get the site's decimals (nan or an infinity raises ValueError naming its cell);
    ``align`` has one letter per column, ``l``, ``c`` or ``r`` (e.g. ``"lrr"``); left-aligned if not given."""
    align = align or "l" * len(header)
    if len(align) != len(header):
        raise ValueError(f"align has {len(align)} letters for {len(header)} columns")
    marks = {"l": "---", "c": ":-:", "r": "--:"}
    if set(align) - set(marks):
        raise ValueError(f"align must have one letter l, c or r per column, got {align!r}")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(marks[a] for a in align) + "|"]
    for r, row in enumerate(rows):
        row = [c.item() if isinstance(c, np.ndarray) and c.ndim == 0 else c for c in row]  # a 0-d array is a number
        if any(isinstance(c, np.ndarray) for c in row):  # its repr, "[2.01189407]", is no number (a shape is text)
            raise TypeError(f"a table cell holds one number or text, got an array in the row {row}: write each entry")
        cells = [num(_one_number(f"the table's cell at index ({r}, {k})", c)) if isinstance(c, float | np.floating)
                 else str(c) for k, c in enumerate(row)]
        if len(cells) != len(header):
            raise ValueError(f"a row has {len(cells)} cells for {len(header)} columns: {cells}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def svg(fig: object, name: str, label: str, max_width: str = "36rem") -> str:
    """A matplotlib figure as inline SVG that follows the theme's text colour and has a text alternative.

    ``name`` makes the SVG's ids unique on the page; ``label`` is what a screen reader reads, and the figure's
    ``<title>`` (the tooltip a mouse shows). Make the figure with black lines where the theme's text colour belongs.
    """
    from html import escape

    buf = io.StringIO()
    fig.savefig(buf, format="svg", transparent=True, bbox_inches="tight", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]  # no XML prolog inside HTML
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = text.replace("#000000", "currentColor")  # black follows the theme's text colour
    text = re.sub(r'(id="|href="#|url\(#)', rf"\g<1>{name}-", text)  # ids unique on the page
    text = re.sub(r'width="[\d.]+pt" height="[\d.]+pt"', 'width="100%"', text, count=1)
    text = text.replace(">", f"><title>{escape(label)}</title>", 1)  # the first '>' closes the <svg> tag
    return text.replace("<svg ", f'<svg role="img" aria-label="{escape(label, quote=True)}" fill="currentColor" '
                        f'style="max-width: {max_width}; display: block; margin: 0 auto" ', 1)


ACTIVATION_TEX = {
    "logsig": {"name": "logistic sigmoid", "f": r"\frac{1}{1 + e^{-{{v}}}}", "f_prime_y": r"{{y}}\,(1 - {{y}})",
               "f_prime_v": r"\frac{e^{-{{v}}}}{\big(1 + e^{-{{v}}}\big)^2}"},
    "tansig": {"name": "hyperbolic tangent", "f": r"\tanh {{v}}", "f_prime_y": r"1 - {{y}}^2",
               "f_prime_v": r"\frac{1}{\cosh^2 {{v}}}"},
    "purelin": {"name": "linear", "f": r"{{v}}", "f_prime_y": "1", "f_prime_v": "1"},
}
"""TeX of each activation the site derives: its formula f(v), and f' written with the output y = f(v).
``f_prime_v`` is f' written with the field v, for a neuron whose written output keeps too few digits of f'
(`f_prime_numbers`)."""


def f_tex(activation: str, v: object) -> str:
    r"""TeX of ``f(v)`` for ``activation`` with ``v`` filled in: ``f_tex("logsig", 0.3)``."""
    return tex(_tex_of(activation)["f"], v=v)


def f_prime_tex(activation: str, y: object) -> str:
    r"""TeX of ``f'(v)`` written with the output ``y = f(v)``: ``f_prime_tex("logsig", "y_{h1}")``."""
    return tex(_tex_of(activation)["f_prime_y"], y=y)


def _tex_of(activation: str) -> dict[str, str]:
    """`ACTIVATION_TEX`'s entry for ``activation``; an unknown name raises the activations registry's message, naming
    the known ones (`backprop.activations.get`), and a registered one without TeX here ValueError saying so."""
    if not isinstance(activation, str) or activation not in ACTIVATION_TEX:
        from . import activations

        activations.get(activation)  # raises for what is not a string or not registered
        written = ", ".join(repr(k) for k in ACTIVATION_TEX)
        raise ValueError(f"show has no TeX for the activation {activation!r}; ACTIVATION_TEX has {written}")
    return ACTIVATION_TEX[activation]


def f_prime_numbers(activation: str, y: float, v: float, f_prime: float) -> tuple[str, str, bool]:
    r"""f'(v) with the numbers plugged in, ``=`` or ``\approx`` for its value ``f_prime``, and whether it is written
    with ``v``: with the output ``y`` as `f_prime_tex` writes it (``0.25\,(1 - 0.25)``), or, where the written ``y``
    gives a value more than `COARSE` off ``f_prime`` (a saturated logistic neuron's ``y = 0.999999`` keeps none of the
    digits of ``1 - y = 1.4e-06``), with the field ``v`` (``\frac{e^{-13.5}}{(1 + e^{-13.5})^2}``), which keeps them.

    Raises
    ------
    ValueError
        ``activation`` has no TeX here: an unknown name gets the activations registry's message, naming the known ones
        (`backprop.activations.get`).

    Examples
    --------
    >>> from backprop.show import f_prime_numbers
    >>> f_prime_numbers("logsig", 0.5, 0.0, 0.25)
    ('0.500000\\,(1 - 0.500000)', '=', False)
    >>> f_prime_numbers("logsig", 0.9999986, 13.5, 1.3710e-06)[1:]
    ('=', True)

    A slope of 0, from an output that is exactly 1 (or -1, or 0) in floating point, is written as the rules compute
    it, from ``y``, where the formula with ``v`` would give another value (4.2e-18 at ``v = 40``):

    >>> from backprop.show import f_prime_numbers
    >>> f_prime_numbers("logsig", 1.0, 40.0, 0.0)
    ('1.000000\\,(1 - 1.000000)', '=', False)
    """
    if activation not in _F_PRIME_OF_V or not slope_lost(activation, y, f_prime) or f_prime == 0:
        # f_prime == 0: y is exactly 1 (or -1, 0) as a double, and the rules' slope from it is 0, as written
        return f_prime_tex(activation, y), eq(_slope_from_written(activation, y), f_prime), False
    # what the written field gives, computed as the formula is written (not through y, which loses those digits)
    return tex(ACTIVATION_TEX[activation]["f_prime_v"], v=v), eq(slope_at(activation, written(v)), f_prime), True


def slope_lost(activation: str, y: float, f_prime: float) -> bool:
    """Whether the written output ``y`` (`written`) keeps too few digits of the slope ``f_prime`` = f'(v) to write it
    from: fewer than two digits of 1 - |y| (``0.999991``), or a slope from it more than `COARSE` off."""
    from_y = _slope_from_written(activation, y)
    return abs(1 - abs(written(y))) < 10.0 ** (1 - DECIMALS) or abs(from_y - f_prime) > COARSE * abs(f_prime)


def _slope_from_written(activation: str, y: float) -> float:
    """f'(v) from the output ``y`` as a formula writes it (`written`): what a reader computes from the page."""
    from . import activations

    return float(activations.get(activation).derivative_from_output(written(y)))


def slope_lost_words(activation: str, label: str, y: float, f_prime: float | None = None) -> str:
    r"""Why a slope is written with its field (`slope_lost`), in Markdown: ``$y_{h1} = 0.999999$ keeps too few digits
    of $1 - y_{h1}$`` (``1 - y_{h1}^2`` for tanh), for the output ``label`` = ``y``; with ``f_prime``, what the written
    ``y`` gives beside it: `` ($0.999999\,(1 - 0.999999) = 1.0 \times 10^{-6}$, not $1.4 \times 10^{-6}$)``."""
    square = "^2" if activation == "tansig" else ""  # the complement 1 - y of logsig's slope, 1 - y^2 of tanh's
    words = tex(rf"${label} = {{{{y}}}}$ keeps too few digits of $1 - {label}{square}$", y=y)
    if f_prime is None:
        return words
    return words + tex(" (${{from_y}} = {{value}}$, not ${{f_prime}}$)", from_y=f_prime_tex(activation, y),
                       value=_slope_from_written(activation, y), f_prime=f_prime)


#: f'(v) as `ACTIVATION_TEX`'s ``f_prime_v`` writes it, e^{-v} / (1 + e^{-v})^2 and 1 / cosh^2 v, computed so.
_F_PRIME_OF_V = {"logsig": lambda v: math.exp(-v) / (1 + math.exp(-v)) ** 2,
                 "tansig": lambda v: 1 / math.cosh(v) ** 2}
#: The same formulas over e^{-|v|} (e^{-v} / (1 + e^{-v})^2 times e^{2v} / e^{2v} for v < 0; 1 / cosh^2 v =
#: 4 e^{-2|v|} / (1 + e^{-2|v|})^2), for a field where those overflow: e^{-v} from v = -710, its square from -355.
_F_PRIME_OF_V_BEYOND = {"logsig": lambda v: math.exp(-abs(v)) / (1 + math.exp(-abs(v))) ** 2,
                        "tansig": lambda v: 4 * math.exp(-2 * abs(v)) / (1 + math.exp(-2 * abs(v))) ** 2}


def slope_at(activation: str, v: float) -> float | None:
    """f'(v) from the field ``v``, as `ACTIVATION_TEX`'s ``f_prime_v`` writes it (e^{-v} / (1 + e^{-v})^2, 1 / cosh^2
    v), where the slope from the output keeps too few digits; None for an activation without that formula."""
    formula = _F_PRIME_OF_V.get(activation)
    if formula is None:
        return None
    try:
        slope = formula(float(v))
    except OverflowError:  # e^{-v}, its square, or cosh v beyond a double
        slope = 0.0
    # the slope's own value may still be a double (logsig's at v = -355 is 6.7e-155; the live page's note had said
    # it was below a double's range): the same formula over e^{-|v|}, 0 only where the slope itself underflows
    return slope if slope > 0 or not math.isfinite(v) else _F_PRIME_OF_V_BEYOND[activation](float(v))


def f_prime_factor_tex(activation: str, y: object) -> str:
    r"""`f_prime_tex` as one factor of a product: in ``\big(...\big)`` when it is a sum or difference at its top
    level (tanh's ``1 - y^2``) or starts with a sign, as it is otherwise (logsig's ``y\,(1 - y)``):
    ``f_prime_factor_tex("tansig", "f(v_i)")`` is ``\big(1 - f(v_i)^2\big)``."""
    text = f_prime_tex(activation, y)
    depth = 0
    for char in text:
        depth += (char in "([{") - (char in ")]}")
        if depth == 0 and char in "+-":  # a sum or difference, or a leading sign
            return rf"\big({text}\big)"
    return text


def activation_plot(name: str, f_label: str, f_prime_label: str, label: str, v_max: float = 6.0) -> str:
    """The activation ``name`` (solid) and its derivative (dashed) for ``-v_max <= v <= v_max``, as `svg` does.

    ``f_label`` and ``f_prime_label`` are the legend's two entries, ``label`` the text alternative.
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    from . import activations

    act = activations.get(name)
    v = np.linspace(-v_max, v_max, 241)
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": name, "font.size": 11}):
        fig = Figure(figsize=(6, 3.2))
        ax = fig.subplots()
        ax.plot(v, act.f(v), color="black", lw=2, label=f_label)
        ax.plot(v, act.derivative(v), color="#e8590c", lw=2, ls="--", label=f_prime_label)
        ax.axhline(0, color="black", lw=0.5)
        ax.axvline(0, color="black", lw=0.5)
        ax.set_xlabel("v", fontstyle="italic")
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
        ax.spines[["top", "right"]].set_visible(False)
        return svg(fig, name, label)
