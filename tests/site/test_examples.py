"""The whole site builds strict with each of the other worked examples, and no page keeps the default example's
numbers when it is built with another one.

Each example of ``tests/examples/`` is built once (``mkdocs build --strict``, notebooks included, like the
``site_build`` fixture) with ``BACKPROP_EXAMPLE`` naming it: every page's checks (``show.require``, the exercise
catalogue) run on its numbers. Then the rendered text of every page is searched for what only the default example
(``backprop/example.json``) would print: its intermediates with six decimals, and its inputs written as a person
types them ("x = (1, 0.5)", "η = 0.5", "--x 1 0.5"), both computed by the plain-math oracle from the default file.
A string the other example produces as well is not counted, nor a round one (two decimals or fewer). Such a number
in another example's site was typed into a page, not computed.

The builds are slow (about a minute each): they are marked ``slow`` and skipped only by ``-m "not slow"``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import oracle
from tests.support.site import is_kernel_shutdown_race

ALTERNATIVES = oracle.other_examples()


def is_round(text: str) -> bool:
    """A number with at most two decimals ("0.600000"): a page prints such numbers for reasons of its own too (0, 1,
    logsig(0) = 1/2; with the negative-target example the errata page's wrong sum is 0.600000, the default's w_32),
    so finding one proves nothing."""
    return len(text.split(".")[1].rstrip("0")) <= 2


def six_decimals(ex: dict) -> set[str]:
    """Every intermediate of ``ex``'s iteration and every input, weight, d and eta, unsigned, with six decimals."""
    it = oracle.iteration(ex)
    values = [ex[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output", "x", "d", "eta")]
    values += [it[key] for key in ("v_hidden", "y_hidden", "v_output", "y_output", "e_list", "E", "fp_hidden",
                                   "fp_output", "delta_hidden", "dw_output", "db_output", "dw_hidden", "db_hidden",
                                   "w_output_new", "b_output_new", "w_hidden_new", "b_hidden_new", "y_next", "E_next")]
    return {s.lstrip("-") for s in oracle.number_strings(values)}


def number_pattern(value: float, typed_only: bool = False) -> str:
    """A regex for ``value`` as a person or a program may write it: 0.5, 0.50, 0.500000, 1, 1.0, 1.000000.

    ``typed_only``: only as a person types it (0.5, 1), not followed by another number (MathML writes 1/2 as "1 2");
    a single "= 1.000000" or "= 1.0" is what code prints, for this example or for another network of the page.
    """
    v = float(value)
    forms = {f"{v:g}"} if typed_only else {f"{v:g}", repr(v), f"{v:.6f}"}
    if v == int(v) and not typed_only:
        forms.add(str(int(v)))
    alternatives = "|".join(re.escape(f) + ("" if typed_only or "." not in f else r"0*")
                            for f in sorted(forms, key=len, reverse=True))
    end = r"(?![\d.]|\s+\d)" if typed_only else r"(?![\d.])"
    return rf"(?<![\w.])(?:{alternatives}){end}"


def typed_inputs(default: dict, other: dict) -> dict[str, str]:
    """Regexes for the default example's inputs written into prose or commands, unless ``other`` has the same value.

    The pair x = (x1, x2) is found in any form; a single x_1, x_2, d or eta only as typed (``d = 1``, not
    ``d = 1.000000``, which a page prints for other networks too).
    """
    (x1, x2), d, eta = default["x"], default["d"], default["eta"]
    (o1, o2), od, oeta = other["x"], other["d"], other["eta"]
    s = r"\s*"

    def typed(v: float) -> str:
        return number_pattern(v, typed_only=True)

    found = {}
    if (x1, x2) != (o1, o2):
        found["x = (x1, x2)"] = rf"x(?:\(n\))?{s}={s}[(\[]{s}{number_pattern(x1)}{s},{s}{number_pattern(x2)}{s}[)\]]"
        found["--x x1 x2"] = rf"--x\s+{number_pattern(x1)}\s+{number_pattern(x2)}"
    x_k = {k: rf"(?<!\w)x{s}(?:_{s})?\{{?{s}(?:{k}|{sub}){s}\}}?{s}(?:\(n\))?" for k, sub in ((1, "₁"), (2, "₂"))}
    if x1 != o1:
        found["x_1 = x1"] = rf"{x_k[1]}{s}={s}{typed(x1)}"
    if x2 != o2:
        found["x_2 = x2"] = rf"{x_k[2]}{s}={s}{typed(x2)}"
    if d != od:
        found["d = d"] = rf"(?<!\w)d{s}(?:\(n\))?{s}={s}{typed(d)}"
        found["--d d"] = rf"--d\s+{number_pattern(d)}"
    if eta != oeta:
        found["eta = eta"] = rf"(?:η|\\eta|(?<!\w)eta){s}={s}{typed(eta)}"
        found["--eta eta"] = rf"--eta\s+{number_pattern(eta)}"
    return found


def page_text(page_html: str) -> str:
    """What a page shows as text, math included (the MathML a pre-rendered formula carries, or the TeX left for
    MathJax), tags replaced by spaces."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


@dataclass(frozen=True)
class Finding:
    page: str
    what: str  # the six-decimal number, or which input pattern
    found: str  # the text found
    context: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what} {self.found!r} in ...{self.context}..."


def default_numbers_in(pages: dict[str, str], default: dict, other: dict) -> list[Finding]:
    """The default example's numbers that ``pages`` (name -> HTML), built with ``other``, show."""
    specific = {t for t in six_decimals(default) - six_decimals(other) if not is_round(t)}
    number = re.compile(r"(?<![\d.])\d+\.\d{6}(?!\d)")
    typed = {what: re.compile(pattern) for what, pattern in typed_inputs(default, other).items()}
    findings = []
    for name, page_html in sorted(pages.items()):
        text = page_text(page_html)
        flat = " ".join(text.split())
        for m in number.finditer(flat):
            if m.group() in specific:
                findings.append(Finding(name, m.group(), m.group(), flat[max(0, m.start() - 60):m.end() + 20]))
        for what, pattern in typed.items():
            for m in pattern.finditer(flat):
                findings.append(Finding(name, what, m.group(), flat[max(0, m.start() - 60):m.end() + 20]))
    return findings


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


# --- the checker itself (fast) ---------------------------------------------------------------------------

DEFAULT = oracle.load_example(oracle.DEFAULT_FILE)
FIXED_DEFAULT = {**oracle.HAND, "x": [1.0, 0.5], "d": 1.0, "eta": 0.5}  # inputs to find, typed as in the old pages
FIXED_OTHER = {**oracle.HAND, "x": [-1.0, 2.0], "d": 0.25, "eta": 0.1}


def test_the_checker_finds_a_typed_intermediate_and_typed_inputs():
    y_h1 = f"{oracle.iteration(FIXED_DEFAULT)['y_hidden'][0]:.6f}"
    pages = {
        "typed.html": f"<p>The first hidden output is {y_h1}.</p>",
        "inputs.html": "<p>With <em>x</em> = (1, 0.5), d = 1 and η = 0.5 ...</p>",
        "math.html": "<math><msub><mi>x</mi><mn>1</mn></msub><mo>=</mo><mn>1</mn></math>",
        "code.html": "<pre><code>python -m backprop trace --x 1 0.5 --d 1 --eta 0.5</code></pre>",
        "tex.html": r'<div class="arithmatex">\(\eta = 0.5\), \(x_{1} = 1\)</div><p>x = [1.0, 0.5]</p>',
    }
    found = {(f.page, f.what) for f in default_numbers_in(pages, FIXED_DEFAULT, FIXED_OTHER)}
    assert found == {
        ("typed.html", y_h1),
        ("inputs.html", "x = (x1, x2)"), ("inputs.html", "d = d"), ("inputs.html", "eta = eta"),
        ("math.html", "x_1 = x1"),
        ("code.html", "--x x1 x2"), ("code.html", "--d d"), ("code.html", "--eta eta"),
        ("tex.html", "eta = eta"), ("tex.html", "x_1 = x1"), ("tex.html", "x = (x1, x2)"),
    }


def test_the_checker_lets_through_what_the_other_example_shares_and_generic_numbers():
    it = oracle.iteration(FIXED_OTHER)
    pages = {
        "computed.html": f"<p>e = {it['e']:.6f}, y = {it['y']:.6f}, and f(0) = 0.500000, f'(0) = 0.250000.</p>",
        "near.html": "<p>x_1 = 10, d = 1.5, η = 0.55, d = 0.25, x = (1, 0.75), 2.5742431, x1 = 1.0, d = 1.000000</p>",
        "round.html": "<p>f(0) = 0.500000, f(1) = 1.000000</p>",  # the default's eta and d, but round
        "fraction.html": "<math><mi>d</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>",
    }
    assert default_numbers_in(pages, FIXED_DEFAULT, FIXED_OTHER) == []
    same_x1 = {**FIXED_OTHER, "x": [1.0, 2.0]}  # x_1 = 1 in both: "x_1 = 1" is the other example's own
    assert default_numbers_in({"p.html": "<p>x_1 = 1</p>"}, FIXED_DEFAULT, same_x1) == []


def test_the_alternatives_differ_from_the_default():
    assert len(ALTERNATIVES) >= 3
    for path in ALTERNATIVES:
        other = oracle.load_example(path)
        assert len({t for t in six_decimals(DEFAULT) - six_decimals(other) if not is_round(t)}) > 20, path.name
        assert typed_inputs(DEFAULT, other), path.name


# --- the builds (slow) -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=ALTERNATIVES, ids=[p.stem for p in ALTERNATIVES])
def alternative(request, site_builder):
    """(the example's dict, its strict build): one build per example of tests/examples/."""
    path = request.param
    return oracle.load_example(path), site_builder(f"site-{path.stem}", BACKPROP_EXAMPLE=str(path))


@pytest.mark.slow
def test_the_build_log_is_clean(alternative):
    _, build = alternative
    lines = build.log.splitlines()
    bad = [n for n, ln in enumerate(lines)
           if re.search(r"\b(WARNING|ERROR)\b", ln)
           and not is_kernel_shutdown_race(lines, n)]
    assert not bad, "warnings in the build log:\n" + "\n---\n".join("\n".join(lines[n:n + 25]) for n in bad)


@pytest.mark.slow
def test_the_pages_show_this_example(alternative):
    ex, build = alternative
    it = oracle.iteration(ex)
    text = " ".join(page_text(html) for html in html_pages(build.dir).values())
    for name in ("e", "y", "E"):
        assert f"{abs(it[name]):.6f}" in text, f"{name} = {it[name]:.6f} of {ex} is on no page"
    for value in it["y_hidden"]:
        assert f"{value:.6f}" in text


@pytest.mark.slow
def test_no_page_shows_the_default_examples_numbers(alternative):
    ex, build = alternative
    findings = default_numbers_in(html_pages(build.dir), DEFAULT, ex)
    assert not findings, (f"{len(findings)} numbers of the default example on pages built with another one "
                          "(typed, not computed?):\n" + "\n".join(map(str, findings[:60])))


@pytest.mark.slow
def test_a_bad_example_stops_the_build_at_once_with_the_loaders_message(tmp_path):
    """A file the pages cannot teach with stopped the build only through the pages whose blocks import the example,
    each printing a traceback into the page; hooks/example.py reads it first and stops with the loader's message."""
    import json
    import os
    import subprocess
    import sys

    from tests.support import ROOT

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**oracle.load_example(oracle.DEFAULT_FILE), "eta": -0.5}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", oracle.ENV: str(bad)})
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log
    assert f"ERROR   -  the worked example: example file {str(bad)!r}: eta must be > 0, got -0.5" in log, log
    assert "Traceback" not in log and not (tmp_path / "site").exists()


def test_a_bad_example_file_says_what_to_do_for_the_command_run(tmp_path):
    """An instructor's review: the message said "save it again; until then `mkdocs serve` does not answer" where
    `make serve` had stopped at its first build, or after `make build`, where saving changes nothing. Only a rebuild of
    a server that has built once is fixed by saving (and its open tabs keep the last good build); otherwise: run the
    command again."""
    import json
    import os
    import subprocess
    import sys

    from tests.support import ROOT

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**oracle.load_example(oracle.DEFAULT_FILE), "eta": -0.5}), encoding="utf-8")
    script = """
import logging, sys
from mkdocs.exceptions import PluginError
from tests.support.hooks import load_hook
logging.basicConfig(stream=sys.stdout, format="%(message)s")
hook = load_hook("example")
for command, built in [("build", False), ("serve", False), ("serve", True)]:
    hook.on_startup(command=command, dirty=False)
    if built:
        hook.on_post_build({})
    try:
        hook.on_config({})
    except PluginError:
        pass
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, oracle.ENV: str(bad)})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("the worked example: example file ") for line in lines), lines
    assert [line.split("got -0.5. ")[1] for line in lines] == [
        "Fix the file and run the command again", "Fix the file and run the command again",
        "Fix the file and save it again: until then `mkdocs serve` does not answer, and a tab already open keeps the "
        "pages of the last good build"]
    # a variable that names no file: the message says to correct it, and the hook does not say "fix the file"
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, oracle.ENV: "my-exmaple.json"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == 3 * [
        f"the worked example: BACKPROP_EXAMPLE names 'my-exmaple.json', which is no file (a relative path is read from "
        f"{ROOT}): correct the variable, or unset it to use the package's example.json. Then run the command again"]


def test_serve_watches_the_package_and_an_example_file_outside_it_once_each(tmp_path):
    """An instructor's review: a save of backprop/example.json rebuilt the site twice, the file being watched both on
    its own and inside the package. The package is watched, and an example file only when it lies outside it."""
    import os
    import subprocess
    import sys

    from tests.support import ROOT

    own = tmp_path / "my-example.json"
    own.write_text((ROOT / "backprop" / "example.json").read_text(encoding="utf-8"), encoding="utf-8")
    script = """
from tests.support.hooks import load_hook

class Server:
    def watch(self, path):
        print(path)

load_hook("example").on_serve(Server(), {}, None)
"""
    link = tmp_path / "link.json"  # a file outside the package that is the package's own
    link.symlink_to(ROOT / "backprop" / "example.json")
    relative = Path("tests") / "examples" / "tanh-hidden.json"  # from the repository's folder, where make runs
    env = {k: v for k, v in os.environ.items() if k != oracle.ENV}
    for named, watched in [(None, [ROOT / "backprop"]), (own, [ROOT / "backprop", own]),
                           (link, [ROOT / "backprop"]), (relative, [ROOT / "backprop", ROOT / relative])]:
        proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env=env if named is None else {**env, oracle.ENV: str(named)})
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines() == [str(path.resolve()) for path in watched]


def test_a_bad_example_file_is_named_at_every_rebuild(tmp_path):
    """`mkdocs serve` rebuilt after each save of a bad example file but printed the reason only the first time: mkdocs
    logs a build error through a logger whose duplicate filter drops the same message again ("Aborted with a
    BuildError!" alone). The hook logs the reason itself at every build: two builds, two messages (a process of its
    own, since the hook forgets and re-imports the package)."""
    import json
    import os
    import subprocess
    import sys

    from tests.support import ROOT

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**oracle.load_example(oracle.DEFAULT_FILE), "eta": -0.5}), encoding="utf-8")
    script = """
import logging, sys
from mkdocs.exceptions import PluginError
from tests.support.hooks import load_hook
logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s %(message)s")
hook = load_hook("example")
for build in range(2):
    try:
        hook.on_config({})
    except PluginError as exc:
        print("PluginError", exc)
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, oracle.ENV: str(bad)})
    assert proc.returncode == 0, proc.stderr
    reason = f"ERROR mkdocs.hooks.example the worked example: example file {str(bad)!r}: eta must be > 0, got -0.5"
    assert proc.stdout.count(reason) == 2, proc.stdout
    assert proc.stdout.count("PluginError the worked example cannot be used (the error above says why)") == 2


def test_a_file_without_a_practice_entry_is_told_whose_practice_example_the_exercises_use(tmp_path):
    """A TA's tansig example file had no "practice" entry: the exercises took the package's (a logsig hidden layer)
    and the build said nothing. The hook says so, naming both files; a file with its own entry is told nothing."""
    import json
    import os
    import subprocess
    import sys

    from tests.support import ROOT

    default = oracle.load_example(oracle.DEFAULT_FILE)
    own = {key: value for key, value in default.items() if key != "practice"}
    without, with_entry = tmp_path / "without.json", tmp_path / "with.json"
    without.write_text(json.dumps({**own, "hidden": "tansig"}), encoding="utf-8")
    with_entry.write_text(json.dumps(default), encoding="utf-8")
    script = """
import logging, sys
from tests.support.hooks import load_hook
logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s", level=logging.INFO)
load_hook("example").on_config({})
"""
    said = {}
    for path in (without, with_entry):
        proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env={**os.environ, oracle.ENV: str(path)})
        assert proc.returncode == 0, proc.stderr
        said[path] = proc.stdout
    assert said[without] == (f"INFO the exercises use the practice example of {oracle.DEFAULT_FILE} (hidden layer "
                             f"{default['practice']['hidden']}): {without} has no \"practice\" entry; add one for "
                             "exercises on a network of your own\n")
    assert said[with_entry] == ""
