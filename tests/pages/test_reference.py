"""The API reference (docs/reference/: an overview and one page per module): every public object documented, and its
math rendered.

mkdocstrings renders docstrings as Markdown, so math must be written ``$...$`` / ``$$...$$``
(pymdownx.arithmatex); an RST role such as ``:math:`v``` would be shown raw on the page.
"""

from __future__ import annotations

import ast
import doctest
import functools
import html
import importlib
import inspect
import io
import re
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.pages import norm_tex

MODULES = ["activations", "network", "rules", "train", "labels", "gradcheck", "examples", "homework", "show",
           "caught", "judged"]
RST = re.compile(r":(math|mod|func|class|meth|attr):`|\.\. math::")


def public_objects(module):
    """The functions and classes the reference page shows for ``module``: those it defines, or, when it has an
    ``__all__``, the names listed there (backprop.homework re-exports what backprop._trace and _mistakes define)."""
    listed = getattr(module, "__all__", None)
    for name, obj in vars(module).items():
        if listed is not None and name not in listed:
            continue
        if listed is None and (name.startswith("_") or getattr(obj, "__module__", None) != module.__name__):
            continue
        if inspect.isfunction(obj) or inspect.isclass(obj):
            yield name, obj
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and (inspect.isfunction(member) or isinstance(member, classmethod)):
                        yield f"{name}.{attr}", getattr(obj, attr)


@pytest.mark.parametrize("name", MODULES)
def test_docstrings_are_markdown(name):
    module = importlib.import_module(f"backprop.{name}")
    assert module.__doc__ and not RST.search(module.__doc__), f"backprop.{name}: module docstring"
    for qualname, obj in public_objects(module):
        doc = inspect.getdoc(obj)
        assert doc, f"backprop.{name}.{qualname} has no docstring"
        assert not RST.search(doc), f"backprop.{name}.{qualname}: RST role in the docstring, write $...$"


def reference_pages(site: Path) -> dict[str, str]:
    """module name: the built HTML of its reference page."""
    return {name: (site / "reference" / name / "index.html").read_text(encoding="utf-8") for name in MODULES}


def test_every_module_has_its_page_in_the_nav():
    """One page per module (docs/reference/<module>.md, nothing but its ``:::`` block), each in the nav, and the
    overview's table links every one."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    overview = (ROOT / "docs" / "reference" / "index.md").read_text(encoding="utf-8")
    for name in MODULES:
        assert (ROOT / "docs" / "reference" / f"{name}.md").read_text(encoding="utf-8") == f"::: backprop.{name}\n"
        assert f"- backprop.{name}: reference/{name}.md" in config, name
        assert f"[`{name}`]({name}.md)" in overview, name
    assert sorted(p.stem for p in (ROOT / "docs" / "reference").glob("*.md")) == sorted([*MODULES, "index"])


@pytest.mark.slow
@pytest.mark.parametrize("name", MODULES)
def test_reference_page_renders_math(site_build, name):
    page = reference_pages(site_build.dir)[name]
    assert f'<h1 id="backprop.{name}" class="doc doc-heading"' in page, f"no heading for backprop.{name}"
    article = page[page.index("<article"): page.index("</article>")]
    assert "merror" not in article  # a TeX error typeset as red text
    # Outside math and code, no TeX delimiter or RST role is left for the reader to see.
    prose = re.sub(r'<(span|div) class="arithmatex">.*?</\1>', " ", article, flags=re.S)
    prose = re.sub(r"<(code|pre)\b.*?</\1>", " ", prose, flags=re.S)
    prose = html.unescape(re.sub(r"<[^>]+>", " ", prose))
    assert "$" not in prose and "\\(" not in prose and "\\[" not in prose
    assert not RST.search(prose)


@pytest.mark.slow
@pytest.mark.parametrize("name", MODULES)
def test_reference_page_shows_every_example_as_code(site_build, name):
    """A reviewer: 16 examples of show and caught read as nested quotes on their pages (">>>" is Markdown's quote
    three deep outside an Examples section), their prompts gone and their lines run together. Every prompt of the
    module's docstrings is in a code block of the page: none in a quote or in running text."""
    article = reference_pages(site_build.dir)[name]
    article = article[article.index("<article"): article.index("</article>")]
    rendered = re.sub(r'<details class="mkdocstrings-source">.*?</details>', " ", article, flags=re.S)
    assert "<blockquote>" not in rendered
    prompts = sum(line.lstrip().startswith(">>>") for _, doc in docstrings(name) for line in doc.splitlines())
    code = html.unescape(re.sub(r"<[^>]+>", "", "\n".join(re.findall(r"<code\b[^>]*>(.*?)</code>", rendered, re.S))))
    assert sum(line.startswith(">>>") for line in code.splitlines()) == prompts, name


@pytest.mark.slow
def test_the_reference_shows_math(site_build):
    pages = reference_pages(site_build.dir)
    assert sum(page.count('class="arithmatex"') for page in pages.values()) > 50


# ---------------------------------------------------------------------------------------------------------------
# The parameter tables: mkdocstrings shows what griffe's numpy parser reads from each docstring. A numpydoc entry
# that groups names ("hidden, output : str") gives every name the first one's signature default and, without a
# type, its annotation; a set in the type ({"a", "b"}) is read as a default (its first element). So each table is
# checked against inspect.signature, the code's own account of the parameters.


def documented_callables():
    """(dotted path, object) of every public function, class and method the reference page shows, and of every
    function and class in ``backprop.__all__``."""
    import backprop

    seen = {}
    for name in MODULES:
        for _, obj in public_objects(importlib.import_module(f"backprop.{name}")):
            seen.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
    for name in backprop.__all__:
        obj = getattr(backprop, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            seen.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
    return sorted(seen.items())


@functools.cache
def griffe_package():
    """The package as mkdocstrings reads it: griffe, statically, from the source tree."""
    griffe = pytest.importorskip("griffe")
    return griffe.load("backprop", search_paths=[str(ROOT)], resolve_aliases=True)


def documented_parameters(path: str) -> list:
    """The entries of the docstring's Parameters section, as griffe's numpy parser (mkdocstrings') reads them."""
    obj = griffe_package()[path.removeprefix("backprop.")]
    if obj.docstring is None:
        return []
    return [p for section in obj.docstring.parse("numpy") if section.kind.value == "parameters"
            for p in section.value]


def signature_or_none(obj):
    try:
        return inspect.signature(obj)
    except ValueError:  # an exception class built on a builtin: no parameters to document
        return None


CALLABLES = documented_callables()


def test_the_check_sees_the_whole_reference():
    """The objects checked below include the ones whose tables were wrong, and the table of each is read."""
    paths = dict(CALLABLES)
    for path in ("backprop.network.Network", "backprop.homework.check", "backprop.labels.parameter",
                 "backprop.train.train", "backprop.train.step", "backprop.network.Network.random"):
        assert path in paths, path
    assert [p.name for p in documented_parameters("backprop.network.Network")][-2:] == ["hidden", "output"]


@pytest.mark.parametrize("path", [p for p, _ in CALLABLES])
def test_documented_defaults_are_the_signatures(path):
    """Each documented parameter's default (what the table's Default column shows; none: "required") is the
    signature's."""
    obj = dict(CALLABLES)[path]
    sig = signature_or_none(obj)
    module = importlib.import_module(obj.__module__)
    for param in documented_parameters(path):
        assert sig is not None and param.name in sig.parameters, f"{path}: documents {param.name!r}, not a parameter"
        real = sig.parameters[param.name].default
        if real is inspect.Parameter.empty:
            assert param.default is None, f"{path}({param.name}): shown with the default {param.default}, required"
            continue
        assert param.default is not None, f"{path}({param.name}): shown as required, its default is {real!r}"
        try:
            shown = ast.literal_eval(param.default)
        except ValueError:  # a name or an expression: its value in the module
            shown = eval(param.default, vars(module))
        assert type(shown) is type(real) and shown == real, \
            f"{path}({param.name}): the table shows the default {param.default}, the signature has {real!r}"


def parameter_entries(doc: str) -> list[str]:
    """The entry lines of a numpydoc Parameters section (``name : type``), without their descriptions."""
    match = re.search(r"^Parameters\n-+\n(.*?)(?=^\S[^\n]*\n-+\n|\Z)", doc, re.M | re.S)
    return [line for line in match[1].splitlines() if line and not line[0].isspace()] if match else []


@pytest.mark.parametrize("path", [p for p, _ in CALLABLES])
def test_documented_types_are_their_own(path):
    """Each Parameters entry names one parameter: a grouped one ("net, x, d, eta") shows the first name's type, and
    its default, for all of them. And a type holds no RST double backticks, which the type cell shows as they are."""
    obj = dict(CALLABLES)[path]
    for entry in parameter_entries(inspect.getdoc(obj) or ""):
        names = entry.split(" : ")[0]
        assert "," not in names, f"{path}: the entry {entry!r} groups parameters: give each its own entry"
    for param in documented_parameters(path):
        assert "``" not in str(param.annotation), \
            f"{path}({param.name}): the type {str(param.annotation)!r} shows RST backticks"


# A docstring's examples run and show what they return: a ">>> expression" with no output below it shows the
# reader nothing, and doctest reports it (Expected nothing, Got ...).
@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_show_what_they_return(name):
    module = importlib.import_module(f"backprop.{name}")
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out = io.StringIO()
    for test in finder.find(module, globs={}):  # an empty namespace: an example a reader copies imports what it uses
        for example in test.examples:  # as the page shows it: griffe drops "# doctest: +FLAG" (trim_doctest_flags)
            example.options = {}
        runner.run(test, out=out.write)
    assert runner.failures == 0, out.getvalue()


def copyable_blocks(doc: str) -> list[list[doctest.Example]]:
    """A docstring's examples as the page shows them: each run of prompts not parted by prose is one code block, with
    a copy button of its own."""
    blocks: list[list[doctest.Example]] = [[]]
    for part in doctest.DocTestParser().parse(doc):
        if isinstance(part, doctest.Example):
            blocks[-1].append(part)
        elif part.strip() and blocks[-1]:  # prose between two examples: the next prompt starts another block
            blocks.append([])
    return [block for block in blocks if block]


@pytest.mark.parametrize("name", MODULES)
def test_each_copyable_example_block_runs_alone(name):
    """A student copied `apart(...)` from the second block of its examples and got NameError: its import was in the
    first block. Each block runs in a namespace of its own."""
    module = importlib.import_module(f"backprop.{name}")
    runner, out = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS), io.StringIO()
    for where, doc in docstrings(name):
        for k, block in enumerate(copyable_blocks(doc)):
            runner.run(doctest.DocTest(block, {}, f"backprop.{name} {where} block {k + 1}", module.__file__, 0, doc),
                       out=out.write)
    assert runner.failures == 0, out.getvalue()


# RST's "::" (a paragraph ending in a literal-block marker) is shown as it is by mkdocstrings' Markdown.
RST_LITERAL = re.compile(r"\S::[ \t]*$", re.M)


def docstrings(name: str) -> list[tuple[str, str]]:
    """Every docstring the reference page of ``backprop.<name>`` shows: the module's and each public object's, with
    where it is."""
    module = importlib.import_module(f"backprop.{name}")
    return [("module", module.__doc__ or "")] + [(q, inspect.getdoc(o) or "") for q, o in public_objects(module)]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_are_in_an_examples_section(name):
    """griffe's numpy parser reads ">>>" lines as code only in an Examples section (mkdocstrings/python#136); outside
    one, Markdown makes a quote of them. Every docstring's first prompt comes after its Examples header, or every
    prompt is indented four spaces, a Markdown code block (the module docstrings' examples)."""
    for where, doc in docstrings(name):
        if ">>>" in doc:
            head = re.search(r"^[ \t]*Examples\n[ \t]*-{8}$", doc, re.M)
            indented = all(line.startswith("    >>>") for line in doc.splitlines() if line.lstrip().startswith(">>>"))
            assert (head and head.start() < doc.index(">>>")) or indented, \
                f"backprop.{name} {where}: an example outside Examples"


@pytest.mark.parametrize("name", MODULES)
def test_docstrings_have_no_rst_literal_marker(name):
    for where, doc in docstrings(name):
        assert not RST_LITERAL.search(doc), f"backprop.{name} {where}: a line ends in '::'"


# A macro inside \text{...}: the site's MathJax has no textmacros package (hooks/mathjax_v8.TEX_PACKAGES), so text mode
# shows it as typed, backslash and all (\text{at\_n} read "at\_n" on the reference page).
MACRO_IN_TEXT = re.compile(r"\\text\{[^{}]*\\")


@pytest.mark.parametrize("name", MODULES)
def test_docstrings_put_no_macro_in_text_mode(name):
    for where, doc in docstrings(name):
        assert not MACRO_IN_TEXT.search(doc), f"backprop.{name} {where}: {MACRO_IN_TEXT.search(doc)[0]!r}"


def test_the_macro_in_text_check_can_fail():
    assert MACRO_IN_TEXT.search(r"$|\text{to} - \text{at\_n}|$") and not MACRO_IN_TEXT.search(r"$\mathrm{at\_n}$")


def parameter_tables(page: str) -> dict[str, list[tuple[str, str]]]:
    """Each object's Parameters table on the built page: heading id -> [(name, default cell text)]."""
    tables = {}
    headings = list(re.finditer(r'<h[2-4] id="(backprop\.[\w.]+)" class="doc doc-heading"', page))
    for heading, following in zip(headings, [*headings[1:], None]):
        section = page[heading.end(): following.start() if following else len(page)]
        title = section.find('<span class="doc-section-title">Parameters:</span>')
        if title < 0:
            continue
        table = section[title: section.index("</table>", title)]
        rows = []
        for row in re.findall(r"<tr class=\"doc-section-item\">(.*?)</tr>", table, re.S):
            cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
            rows.append((cells[0], cells[-1]))
        tables[heading[1]] = rows
    return tables


@pytest.mark.slow
def test_reference_page_shows_the_signatures_defaults(site_build):
    """The built page's Default column, row by row, against inspect.signature ("required" for no default)."""
    tables = {path: rows for page in reference_pages(site_build.dir).values()
              for path, rows in parameter_tables(page).items()}
    objects = dict(CALLABLES)
    checked = 0
    for path, rows in tables.items():
        if path not in objects:
            continue
        sig = inspect.signature(objects[path])
        for name, cell in rows:
            real = sig.parameters[name].default
            want = "required" if real is inspect.Parameter.empty else None
            if want:
                assert cell == want, f"{path}({name}): the page shows {cell!r}, the parameter is required"
            else:
                assert ast.literal_eval(cell) == real and type(ast.literal_eval(cell)) is type(real), \
                    f"{path}({name}): the page shows {cell!r}, the signature's default is {real!r}"
            checked += 1
    assert {"backprop.network.Network", "backprop.homework.check", "backprop.labels.parameter"} <= set(tables)
    assert checked > 30


# --- every equation the reference shows is a checked one ----------------------------------------------------------

MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$([^$]+?)\$", re.S)
FACT = re.compile(r"=|\\le|\\ge|\\approx")
# Equations the docstrings show that state no fact to check, each with the reason; (where, the piece's TeX).
NOT_FACTS = {
    ("backprop.judged.nudge_noise", "h = 10^{-6}"): "the rule pages' tips' step h, a setting (judged.NUDGE_H)",
    ("backprop.judged.nudge_noise", r"\Delta w_{32}(0) = 6.5 \times 10^{-13}"):
        "the saturated neuron's update that read -0 (test_rule_pages checks the tips on that example)",
    ("backprop.examples", "n = 0"): "a time index: the example is the network at time 0",
    ("backprop.examples", "e = 0"): "a condition the loader refuses (an output equal to d), tested in test_examples",
    ("backprop.examples", "f'(v_i) = 0"):
        "a condition the loader refuses (a saturated neuron), tested in test_examples",
    ("backprop.homework.no_hidden_derivative", "f'(v_i) = 1"):
        "the slip's assumption (and purelin's f'(v) = 1, checked in backprop.activations); its equations are checked",
    ("backprop.homework.no_output_derivative", "f'(v_j) = 1"):
        "the slip's assumption (and purelin's f'(v) = 1, checked in backprop.activations); its equations are checked",
    ("backprop.homework.sign_flipped", "e_j = y_j - d_j"):
        "the slip itself, the error as the student takes it (its trace's e row, checked in test_homework)",
    ("backprop.homework.sign_flipped", "e = d - y"): "what a student writes before flipping the updates (a condition)",
    ("backprop.homework.rule3_no_x", "x_k = 1"):
        "a condition: where the slip cannot be seen (checked in test_homework)",
    ("backprop.homework.rule3_no_x", r"x_k = \eta"):
        "a condition: where the slip gives no-eta's value (checked in test_homework)",
    ("backprop.homework.swapped_inputs", r"\Delta w_{i1} = \eta\, \delta_i\, x_2"):
        "the slip itself, each weight's input taken for the other's (its trace, checked in test_homework)",
    ("backprop.homework.swapped_inputs", r"\Delta w_{i2} = \eta\, \delta_i\, x_1"):
        "the slip itself, each weight's input taken for the other's (its trace, checked in test_homework)",
    ("backprop.homework.swapped_inputs", "x_1 = x_2"):
        "a condition: where the slip cannot be seen (checked in test_homework)",
    ("backprop.homework.rule1_uses_v", "y_{hi} = v_i"):
        "why the slip is invisible for purelin (f(v) = v, checked in backprop.activations)",
    ("backprop.homework.cost_for_error", r"E(n) = \tfrac12 \sum_j e_j^2"):
        "names the quantity the slip uses; the definition of E, checked as backprop.rules.cost's",
    ("backprop.homework.derivative_without_half", r"\partial E/\partial e_j = 2 e_j"):
        "the slip itself, the derivative of the cost without its 1/2 as the student takes it (its delta_j, checked in "
        "test_homework)",
    ("backprop.homework.no_hidden_bias", r"b_i(n+1) = b_i(n) + \Delta b_i"):
        "the right update the slip leaves in place, theta(n+1) = theta(n) + Delta theta(n), checked in backprop.train",
    ("backprop.homework.sigmoid_output", "y = v_4"): "the slides' linear output, the definition the slip replaces",
    ("backprop.caught.mistake_1_small", r"\\eta e = 1.45 \\times 10^{-5}"):
        "an example of the clause the function writes (the number is its argument), run as a doctest here",
    ("backprop.show.quotient", "a / b = 1.000000 / 0.250000 = 4.00"):
        "an example of what the function writes, run as a doctest in test_show (and checked there by hand)",
}


def docstring_equations(docs) -> list[tuple[str, str]]:
    """(where, piece) for every math span with =, \\le, \\ge or \\approx in ``docs`` ((where, docstring) pairs); a
    span of several equations joined by \\quad or \\qquad gives one piece each."""
    found = []
    for where, doc in docs:
        for m in MATH_SPAN.finditer(doc):
            for piece in re.split(r"\\q?quad", norm_tex(m[1] or m[2])):
                piece = piece.strip().rstrip(".,").strip()
                if FACT.search(piece) and (where, piece) not in found:
                    found.append((where, piece))
    return found


def reference_docstrings():
    for name in MODULES:
        module = importlib.import_module(f"backprop.{name}")
        yield f"backprop.{name}", inspect.getdoc(module) or ""
        for qualname, obj in public_objects(module):
            yield f"backprop.{name}.{qualname}", inspect.getdoc(obj) or ""


@functools.cache
def checked_tex() -> tuple[str, ...]:
    """The TeX the docstring-equation tests of tests/package/ assert in a docstring and check: every string in a
    test function that reads a docstring (getdoc, doc_of, __doc__), its own docstring left out, and every string
    of a module-level table named *EQUATION*, *DOCSTRING* or *TEX*."""
    texts = []
    for path in sorted((ROOT / "tests" / "package").glob("test_*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()  # a function's text by its line numbers (ast.get_source_segment splits per call)
        for node in ast.parse(source).body:
            skip = None
            if isinstance(node, ast.FunctionDef):
                if not re.search(r"getdoc|doc_of\(|__doc__", "\n".join(lines[node.lineno - 1:node.end_lineno])):
                    continue
                if isinstance(node.body[0], ast.Expr):
                    skip = node.body[0].value
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if not any(isinstance(t, ast.Name) and re.search(r"EQUATION|DOCSTRING|TEX", t.id) for t in targets):
                    continue
            else:
                continue
            texts += [norm_tex(sub.value) for sub in ast.walk(node)
                      if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub is not skip]
    return tuple(texts)


def unchecked(docs) -> list[tuple[str, str]]:
    return [(where, piece) for where, piece in docstring_equations(docs)
            if (where, piece) not in NOT_FACTS and not any(piece in text for text in checked_tex())]


def test_every_docstring_equation_is_checked_or_listed():
    """Each equation (=, \\le, \\ge, \\approx) the API reference shows is asserted and checked by a docstring-equation
    test of tests/package/, or listed in NOT_FACTS with the reason it states no fact."""
    docs = list(reference_docstrings())
    assert unchecked(docs) == []
    found = docstring_equations(docs)
    assert len(found) > 60, "the collection sees the reference's equations"
    assert [key for key in NOT_FACTS if key not in found] == [], "a listed non-fact is no longer shown"


def test_the_completeness_check_fails_on_a_new_equation():
    """A docstring with an equation no test checks (a slipped rule, or a new fact) is reported; a checked one is not."""
    checked = r"$\Delta w_{ji}(n) = \eta\, e_j(n)\, f'(v_j(n))\, y_{hi}(n)$"
    assert unchecked([("backprop.rules.delta_w_output", f"The rule: {checked}.")]) == []
    new = r"The rule: $\Delta w_{ji}(n) = \eta\, e_j(n)\, y_{hi}(n)$, and $$ a = b, \qquad E \le 1. $$"
    assert unchecked([("backprop.rules.delta_w_output", new)]) == [
        ("backprop.rules.delta_w_output", r"\Delta w_{ji}(n) = \eta\, e_j(n)\, y_{hi}(n)"),
        ("backprop.rules.delta_w_output", "a = b"), ("backprop.rules.delta_w_output", r"E \le 1")]
    assert unchecked([("backprop.homework.rule1_uses_v", r"$f'(v_i) = 1$")]) != [], "a non-fact counts where listed"


def test_no_docstring_holds_a_control_character():
    r"""A ``\t`` of ``\theta`` or ``\text`` in a docstring that is not raw is a tab (``\b``, ``\f``, ``\v``, ``\a``
    likewise), and the page shows "Delta", a gap, "heta". Every docstring of the package, private modules too (the
    catalogue of mistakes is documented through ``backprop.homework``), is read from the source with `ast`."""
    found = []
    for path in sorted((ROOT / "backprop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node, clean=False) or ""
                bad = sorted({f"{ord(c):#04x}" for c in doc if ord(c) < 32 and c != "\n"})
                if bad:
                    found.append(f"{path.relative_to(ROOT)}:{getattr(node, 'name', '<module>')} {bad}")
    assert found == []


def _documented_parameters(doc: str) -> set[str] | None:
    """The names a numpy-style Parameters section lists (``name : type``, ``a, b : type``), or None without one."""
    match = re.search(r"^Parameters\n-{10,}\n(.*?)(?=^\w[\w ]*\n-{3,}\n|\Z)", doc, re.S | re.M)
    if match is None:
        return None
    names: set[str] = set()
    for line in match.group(1).splitlines():
        head = re.match(r"^(\*{0,2}\w+(?:, \*{0,2}\w+)*)(?: :|$)", line)
        if head:
            names |= {n.strip().lstrip("*") for n in head.group(1).split(",")}
    return names


@pytest.mark.parametrize("name", MODULES)
def test_a_parameters_section_lists_every_parameter(name):
    """A reviewer: ``labels.parameter``'s Parameters section left out ``sep``. Where a docstring has such a
    section, it lists every parameter of the signature (``self`` and ``cls`` aside)."""
    module = importlib.import_module(f"backprop.{name}")
    for qualname, obj in public_objects(module):
        listed = _documented_parameters(inspect.getdoc(obj) or "")
        if listed is None or (inspect.isclass(obj) and not inspect.signature(obj).parameters):
            continue
        wanted = {p for p in inspect.signature(obj).parameters if p not in ("self", "cls")}
        assert wanted <= listed, f"backprop.{name}.{qualname}: {sorted(wanted - listed)} not in its Parameters"


def rendered_members(name: str) -> list[str]:
    """The members the reference page of ``backprop.<name>`` shows, as mkdocstrings chooses them with the options of
    mkdocs.yml: its ``filters`` (``public``: griffe's public names, a module's ``__all__`` where it has one), and no
    object without a docstring (``show_if_no_docstring`` left at false)."""
    import griffe

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+filters: public$", config, re.M), "the reference shows the public names"
    module = griffe.load(f"backprop.{name}", search_paths=[str(ROOT)], docstring_parser="numpy")
    return [member.name for member in module.members.values() if member.is_public and member.has_docstrings]


def test_the_reference_pages_show_no_machinery_and_no_maintainer_note():
    """A reviewer: the rules page listed the type variable ``T``, the examples page ``__getattr__`` (PEP 562's
    hook that reads the example in use), and the show page's module docstring said "Over 300 lines because ...", a
    note for maintainers (now a comment). Every page shows what its module exports, and nothing private."""
    from backprop import examples, rules, show

    shown = {name: rendered_members(name) for name in MODULES}
    assert "T" not in shown["rules"] and "__getattr__" not in shown["examples"]
    assert set(shown["rules"]) == set(rules.__all__)  # all eight, each with its docstring
    assert {"load", "regression_data", "target_function", "Example"} <= set(shown["examples"]) <= set(examples.__all__)
    for name, members in shown.items():
        assert [m for m in members if m.startswith("_")] == [], name
    for name in MODULES:
        doc = importlib.import_module(f"backprop.{name}").__doc__
        assert "Over 300 lines" not in doc, f"backprop.{name}: a maintainer's note in the page's text"
    assert "num" in shown["show"] and show.__doc__.rstrip().endswith("(`slope_lost`), from its field.")


@pytest.mark.slow
def test_the_public_constants_have_entries_on_their_pages(site_build):
    """A reviewer: examples.NET, X, D, ETA (the README's own snippet uses them), gradcheck.RIGHT, BUG, FLOOR, H and
    show.DECIMALS had no entry on any page: their comments began "#:", which mkdocstrings does not read. They are
    attribute docstrings now, each shown with its name."""
    pages = reference_pages(site_build.dir)
    constants = {"examples": ["NET", "X", "D", "ETA", "DEFAULT_FILE"], "gradcheck": ["H", "RIGHT", "BUG", "FLOOR"],
                 "show": ["DECIMALS", "COARSE"], "caught": ["WRONG"], "homework": ["ALIASES"]}
    for name, names in constants.items():
        for constant in names:
            assert f'id="backprop.{name}.{constant}"' in pages[name], f"backprop.{name}.{constant}"


def test_no_public_constant_is_documented_by_a_comment_mkdocstrings_does_not_read():
    """A "#:" comment above a public constant is Sphinx's convention; mkdocstrings shows a docstring under it."""
    found = []
    for path in (ROOT / "backprop" / f"{name}.py" for name in MODULES):  # the modules the reference shows
        lines = path.read_text(encoding="utf-8").splitlines()
        found += [f"{path.name}:{n + 1}" for n, line in enumerate(lines[:-1])
                  if line.startswith("#:") and re.match(r"[A-Z][A-Z0-9_]*\b", lines[n + 1])]
    assert found == []
