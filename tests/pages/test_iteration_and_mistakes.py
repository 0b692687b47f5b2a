"""Pages: home, one iteration and training, verification, common mistakes, notation.

For whatever worked example is in use (``backprop/example.json`` or ``$BACKPROP_EXAMPLE``), every number these
pages print about it, and every sentence they say about it (which parameters grow or shrink, the factor of the
wrong order, whether the cost fell, where each finite difference is most accurate, how often the training's
epoch mean rose), is compared with an independent computation: plain ``math`` loops in the slides' index
notation (``tests/support/oracle.py`` and ``updates`` below), never the package. No value of the example is typed here.

The text checked is the page's Markdown with each ``exec`` block replaced by what it prints, run in this process
(fast, and for any example: ``BACKPROP_EXAMPLE=tests/examples/tanh-hidden.json pytest tests/<this file>``). The
slow tests check the built HTML of the whole site: the same numbers, and figures with text alternatives.
"""

from __future__ import annotations

import ast
import copy
import html
import inspect
import itertools
import math
import re
import sys
import textwrap
import warnings
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from backprop import Network, examples, gradcheck, train
from tests.support import oracle
from tests.support.pages import EXEC, render_page, render_with_example

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# ---------------------------------------------------------------------------------------------
# An independent reference: the 2-layer network and its rules in plain Python, index by index.
# ---------------------------------------------------------------------------------------------

F = {  # name: (f(v), f'(v) written with y = f(v))
    "logsig": (lambda v: 1.0 / (1.0 + math.exp(-v)), lambda y: y * (1.0 - y)),
    "tansig": (math.tanh, lambda y: 1.0 - y * y),
    "purelin": (lambda v: v, lambda y: 1.0),
}

EX = oracle.load_example()  # the example file in use, read with json
WORKED = {key: EX[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output")} | {
    "hidden": EX.get("hidden", "logsig"), "output": EX.get("output", "purelin")}
X, D, ETA = [float(v) for v in EX["x"]], [float(EX["d"])], float(EX["eta"])
ORDER = ("w_output", "b_output", "w_hidden", "b_hidden")  # the order the pages print them in
LABELS = {
    "w_output": ["w_{41}", "w_{42}", "w_{43}"],
    "b_output": ["b_4"],
    "w_hidden": ["w_{11}", "w_{12}", "w_{21}", "w_{22}", "w_{31}", "w_{32}"],
    "b_hidden": ["b_1", "b_2", "b_3"],
}


def forward(p: dict, x: list[float]) -> tuple[list[float], list[float]]:
    """Hidden outputs y_hi = f(sum_k w_ik x_k + b_i) and outputs y_j = f(sum_i w_ji y_hi + b_j)."""
    f_h, f_o = F[p["hidden"]][0], F[p["output"]][0]
    y_h = [f_h(sum(w * xk for w, xk in zip(row, x)) + b) for row, b in zip(p["w_hidden"], p["b_hidden"])]
    y = [f_o(sum(w * yh for w, yh in zip(row, y_h)) + b) for row, b in zip(p["w_output"], p["b_output"])]
    return y_h, y


def cost(p: dict, x: list[float], d: list[float]) -> float:
    _, y = forward(p, x)
    return 0.5 * sum((dj - yj) ** 2 for dj, yj in zip(d, y))


def updates(p: dict, x, d, eta, *, e_sign=1.0, w_back=None, f_h_prime=None, f_o_prime=True, outputs=None) -> dict:
    """The four rules, index by index. The keyword arguments inject each classic mistake:

    e_sign=-1: e = y - d; w_back: the output weights used in the hidden sum; f_h_prime: the hidden
    derivative (None = right one, False = dropped, or a function of y); f_o_prime=False: f'(v_j)
    dropped; outputs: the j that the hidden sum runs over.
    """
    y_h, y = forward(p, x)
    dfo = F[p["output"]][1] if f_o_prime else (lambda _y: 1.0)
    dfh = F[p["hidden"]][1] if f_h_prime is None else (f_h_prime or (lambda _y: 1.0))
    e = [e_sign * (dj - yj) for dj, yj in zip(d, y)]
    delta_j = [ej * dfo(yj) for ej, yj in zip(e, y)]
    w_back = p["w_output"] if w_back is None else w_back
    js = range(len(y)) if outputs is None else outputs
    delta_i = [dfh(y_h[i]) * sum(w_back[j][i] * delta_j[j] for j in js) for i in range(len(y_h))]
    return {
        "w_output": [[eta * dj * yh for yh in y_h] for dj in delta_j],
        "b_output": [eta * dj for dj in delta_j],
        "w_hidden": [[eta * di * xk for xk in x] for di in delta_i],
        "b_hidden": [eta * di for di in delta_i],
    }


def apply(p: dict, delta: dict) -> dict:
    new = copy.deepcopy(p)
    for name in ORDER:
        if isinstance(new[name][0], list):
            new[name] = [[w + dw for w, dw in zip(r, dr)] for r, dr in zip(new[name], delta[name])]
        else:
            new[name] = [w + dw for w, dw in zip(new[name], delta[name])]
    return new


def flat(values: dict, names=ORDER) -> list[float]:
    out: list[float] = []
    for name in names:
        for v in values[name]:
            out.extend(v if isinstance(v, list) else [v])
    return out


def finite_differences(p: dict, x, d, h: float = 1e-6) -> dict:
    """Central differences of the plain-Python cost, one parameter at a time."""
    grads = {}
    for name in ORDER:
        rows = p[name] if isinstance(p[name][0], list) else [p[name]]
        g = []
        for r, row in enumerate(rows):
            g_row = []
            for c in range(len(row)):
                moved = []
                for sign in (1, -1):
                    q = copy.deepcopy(p)
                    target = q[name][r] if isinstance(p[name][0], list) else q[name]
                    target[c] += sign * h
                    moved.append(cost(q, x, d))
                g_row.append((moved[0] - moved[1]) / (2 * h))
            g.append(g_row)
        grads[name] = g if isinstance(p[name][0], list) else g[0]
    return grads


def relative_error(delta: dict, p: dict, x, d, eta, names=ORDER) -> float:
    """Largest |a - n| / (|a| + |n|) between a = -delta/eta and central differences n."""
    num = flat(finite_differences(p, x, d), names)
    ana = [-v / eta for v in flat(delta, names)]
    return max(abs(a - n) / max(abs(a) + abs(n), 1e-8) for a, n in zip(ana, num))


def six(values) -> set[str]:
    """Numbers as the site writes them: 6 decimals, never -0.000000."""
    return oracle.number_strings(list(values))


def s6(value: float) -> str:
    (text,) = six([value])
    return text


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def test_package_reads_the_example_file():
    """The package's worked example is the file the oracle reads, so the oracle's values are the pages' values."""
    assert examples.NET.to_dict() == {k: [[float(v) for v in r] if isinstance(r, list) else float(r) for r in vs]
                                      if isinstance(vs, list) else vs for k, vs in WORKED.items()}
    assert examples.X.tolist() == X and [examples.D] == D and examples.ETA == ETA


def test_reference_is_a_gradient():
    """The hand-written rules above are themselves right: they agree with central differences."""
    assert relative_error(updates(WORKED, X, D, ETA), WORKED, X, D, ETA) < 1e-7
    net = Network.random(3, 4, 2, seed=5, hidden="tansig", output="logsig").to_dict()
    x, d = [0.3, -1.0, 2.0], [0.2, 0.9]
    assert relative_error(updates(net, x, d, 0.1), net, x, d, 0.1) < 1e-6


def test_reference_agrees_with_the_shared_oracle():
    """Two independent plain-math computations of the same iteration: this file's and tests/support/oracle.py's."""
    it, delta = oracle.iteration(EX), updates(WORKED, X, D, ETA)
    ours = flat(delta)
    theirs = flat({"w_output": it["dw_output"], "b_output": it["db_output"], "w_hidden": it["dw_hidden"],
                   "b_hidden": it["db_hidden"]})
    assert ours == pytest.approx(theirs, rel=1e-12, abs=1e-15)


# ---------------------------------------------------------------------------------------------
# The pages' text for the example in use: the Markdown with each exec block replaced by its output.
# ---------------------------------------------------------------------------------------------

def render(page: str, skip: str | None = None) -> str:
    """The page's Markdown as the build renders it, each exec block replaced by what it prints; a block whose code
    holds ``skip`` is left out (its output replaced by nothing)."""
    return render_page(page, skip)


@cache
def page_text(page: str) -> str:
    """The page's Markdown as the build renders it for the example in use."""
    return render(page)


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


def network_of(ex: dict) -> tuple[dict, list[float], list[float], float]:
    """(the network as this file's reference functions take it, x, d, eta) of an example file's dict."""
    p = {key: ex[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output")}
    p |= {"hidden": ex.get("hidden", "logsig"), "output": ex.get("output", "purelin")}
    return p, [float(v) for v in ex["x"]], [float(ex["d"])], float(ex["eta"])


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


# ---------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------


def test_home_page_shows_the_example_and_its_first_numbers():
    text, it = prose("index"), oracle.iteration(EX)
    assert f"input $x = ({given(X[0])}, {given(X[1])})$, desired output $d = {given(D[0])}$, " \
           f"learning rate $\\eta = {given(ETA)}$" in text  # the example's values as the file gives them
    assert f"hidden layer `{WORKED['hidden']}`" in text
    assert f"network output $y = {s6(it['y'])}$" in text
    assert f"= {s6(it['e'])}$" in text and f"{s6(it['E'])}$" in text
    # The printed trace is every intermediate of the oracle's iteration.
    for name, value in oracle.trace_values(it).items():
        assert re.search(rf"^{re.escape(name)}\s+=\s+{re.escape(s6(value))}$", page_text("index"), re.M), name


def test_home_page_says_how_to_change_the_example():
    text = prose("index")
    section = text[text.index("### Changing the worked example"):]
    for needed in ["backprop/example.json", "BACKPROP_EXAMPLE", "`make serve`", "`make build`",
                   "python -m backprop trace --weights backprop/example.json", '"x": [x1, x2]', '"eta": eta',
                   "`purelin`", "`logsig`", "`tansig`", "2-3-1"]:
        assert needed in section, needed
    # The served wheel carries the site's example, so a plain `trace` prints it (tests/site/test_package_wheel.py).
    assert "python -m backprop trace " in page_text("index")
    assert "[[install-backprop]]" in page_text("index")


# ---------------------------------------------------------------------------------------------
# One iteration and training
# ---------------------------------------------------------------------------------------------

PAGE = "iteration-and-training"


def test_iteration_page_shows_every_new_value():
    shown = numbers_in(page_text(PAGE))
    delta = updates(WORKED, X, D, ETA)
    new = apply(WORKED, delta)
    assert len(flat(new)) == 13
    assert six(flat(new)) <= shown, "w(n+1), b(n+1) by hand"
    assert six(flat(delta)) <= shown, "the thirteen updates by hand"
    # One value fully by hand: w41(n+1) = w41 + eta (d - y) f(v1), v1 = w11 x1 + w12 x2 + b1.
    f = F[WORKED["hidden"]][0]
    y_h1 = f(WORKED["w_hidden"][0][0] * X[0] + WORKED["w_hidden"][0][1] * X[1] + WORKED["b_hidden"][0])
    assert s6(WORKED["w_output"][0][0] + ETA * (D[0] - forward(WORKED, X)[1][0]) * y_h1) in shown


def test_iteration_page_states_the_example_and_its_activation():
    text = prose(PAGE)
    given = [s6(v).rstrip("0").rstrip(".") for v in (X[0], X[1], D[0], ETA)]  # given values: no trailing zeros
    assert f"input $x(n) = ({given[0]}, {given[1]})$, desired output $d(n) = {given[2]}$, " \
           f"learning rate $\\eta = {given[3]}$" in text
    tanh_sentence = "becomes $f'(v_i) = 1 - y_{hi}^2$"
    assert (tanh_sentence in text) == (WORKED["hidden"] == "tansig")


def test_iteration_page_says_which_way_each_parameter_moves():
    """The directions printed: b_4 with the sign of e, w_4i of e y_hi, w_ik of e w_4i x_k, b_i of e w_4i."""
    text = prose(PAGE)
    y_h, y = forward(WORKED, X)
    e = D[0] - y[0]
    assert f"The output $y(n) = {s6(y[0])}$ is too {'small' if e > 0 else 'large'} " \
           f"($e(n) = {s6(e)} {'>' if e > 0 else '<'} 0$), so the output bias $b_4$ " \
           f"{'increases' if e > 0 else 'decreases'}" in text
    w4 = WORKED["w_output"][0]
    signs = {  # by the sign rule the page states, not from the updates
        "w_output": [e * yh for yh in y_h],
        "w_hidden": [e * w4[i] * X[k] for i in range(3) for k in range(2)],
        "b_hidden": [e * w4[i] for i in range(3)],
    }
    delta = updates(WORKED, X, D, ETA)
    for name, products in signs.items():  # the sign rule agrees with the rules themselves
        assert [math.copysign(1, p) if p else 0 for p in products] == \
               [math.copysign(1, v) if v else 0 for v in flat(delta, [name])]
        phrases = []
        # signed changes: "increases"/"decreases" (the page keeps "enlarges"/"shrinks" for sizes)
        for sign, one, many in [(1, "increases", "increase"), (-1, "decreases", "decrease"), (0, "stays", "stay")]:
            chosen = [f"${label}$" for label, p in zip(LABELS[name], products)
                      if (p > 0 if sign == 1 else p < 0 if sign == -1 else p == 0)]
            if chosen:
                phrases.append(f"{and_list(chosen)} {one if len(chosen) == 1 else many}")
        assert "; ".join(phrases) in text, name
    moving = sum(1 for v in flat(delta) if v != 0)
    assert ("All thirteen parameters move" in text) == (moving == 13)
    words = "no one two three four five six seven eight nine ten eleven twelve thirteen".split()
    slope = "against the slope of $E(n)$, the direction that lowers it over a short enough step"  # locally only
    if cost(apply(WORKED, delta), X, D) > cost(WORKED, X, D):
        slope += f" (this one, with $\\eta = {given(ETA)}$, is too long: the cost grows, " \
                 f"[below](#did-the-cost-go-down))"
    if moving < 13:  # a count in words, like "thirteen" beside it, and the other count too
        staying = 13 - moving
        assert f"{words[moving].capitalize()} of the thirteen parameters move {slope}; the other {words[staying]} " \
               f"{'has' if staying == 1 else 'have'} slope 0" in text
    else:
        assert f"All thirteen parameters move {slope}." in text
    for size_word in (" grows", " grow;", " grow.", " shrinks", " shrink;", " shrink."):  # not for signed changes
        sentence = text[text.index("Every other update"):text.index("### Did the cost go down?")]
        assert size_word not in sentence, size_word
    assert "Because $f'(v_i) > 0$" in text and all(F[WORKED["hidden"]][1](yh) > 0 for yh in y_h)


def test_the_examples_include_a_step_that_raises_the_cost():
    """The tests below run on every example file; one of them makes the step too long, so they read both branches."""
    grew = []
    for path in EXAMPLE_FILES:
        p, x, d, eta = network_of(oracle.load_example(path))
        grew.append(cost(apply(p, updates(p, x, d, eta)), x, d) > cost(p, x, d))
    assert any(grew) and not all(grew)
    assert any(0.0 in oracle.load_example(path)["x"] for path in EXAMPLE_FILES), "and one has an input x_k = 0"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_iteration_page_cost_before_and_after(path):
    """The cost before and after the step; where it grew, the page says the slope at time n held only near it (the
    step was too long), both after the cost table and where it says every parameter moves against the slope."""
    p, x, d, eta = network_of(oracle.load_example(path))
    text, said = example_pages(path)[PAGE], example_prose(path, PAGE)
    before, after = cost(p, x, d), cost(apply(p, updates(p, x, d, eta)), x, d)
    assert six([before, after]) <= numbers_in(text)
    slope = "against the slope of $E(n)$, the direction that lowers it over a short enough step"
    too_long = f"(this one, with $\\eta = {given(eta)}$, is too long: the cost grows, [below](#did-the-cost-go-down))"
    assert slope in said
    if after < before:
        assert f"On this sample the cost fell by a factor of {before / after:.2f}." in said
        assert too_long not in said and "too large for that slope to hold" not in said
    else:
        assert f"it grew by a factor of {after / before:.2f}. The step set off against the slope of $E(n)$, where " \
               f"the cost falls, but with $\\eta = {given(eta)}$ it was too large for that slope to hold" in said
        assert f"{slope} {too_long}" in said
    # The note after it holds either way: a small enough eta is enough to lower E(n); it is not required.
    note = said[said.index('??? note "One step is not a promise"'):said.index("## Why every update")]
    assert "lowers the cost of *this* sample" not in note
    assert "whatever the step does, it does to the cost of *this* sample" in note
    assert "only if" not in note and "A gradient step lowers $E(n)$ if $\\eta$ is small enough" in note


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_iteration_page_shows_the_wrong_order_numbers_and_factors(path):
    """The hidden updates computed with w_4i(n+1) are shown, and the factor of each neuron with its right verb, said
    of the updates it changes: an update that multiplies an input x_k = 0 is 0 in both columns, and the page says so."""
    p, x, d, eta = network_of(oracle.load_example(path))
    text, said = example_pages(path)[PAGE], example_prose(path, PAGE)
    w_next = apply(p, updates(p, x, d, eta))["w_output"]
    wrong = updates(p, x, d, eta, w_back=w_next)
    right = updates(p, x, d, eta)
    names = ("w_hidden", "b_hidden")
    assert six(flat(wrong, names)) <= numbers_in(text)
    assert six(flat(wrong, names)) != six(flat(right, names)), "the mistake shows in the printed digits"
    zero_k = [k for k in range(2) if x[k] == 0]
    for i in range(3):
        now, nxt = p["w_output"][0][i], w_next[0][i]
        factor = nxt / now
        for k in range(2):  # the sentence's claim: wrong = right * factor
            assert wrong["w_hidden"][i][k] == pytest.approx(right["w_hidden"][i][k] * factor, rel=1e-12)
            assert (right["w_hidden"][i][k] == 0 == wrong["w_hidden"][i][k]) == (k in zero_k)
        changed = [f"$\\Delta w_{{{i + 1}{k + 1}}}$" for k in range(2) if k not in zero_k] + [f"$\\Delta b_{i + 1}$"]
        them = and_list(changed) if zero_k else "them"
        verb = f"turns {them} around" if factor < 0 else f"enlarges {them}" if factor > 1 else f"shrinks {them}"
        assert f"{factor:.3f} for $i = {i + 1}$ ({verb})" in said
    if zero_k:
        zeros = and_list([f"$\\Delta w_{{{i}{k + 1}}}$" for k in zero_k for i in (1, 2, 3)])
        inputs = and_list([f"$x_{k + 1} = 0$" for k in zero_k])
        assert f"{zeros} are $0$ in both columns: they multiply {inputs}, and no factor changes a $0$." in said
    else:
        assert "in both columns" not in said


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_iteration_page_try_it_command_is_the_readers(path):
    """The command works where the reader is: the served package carries the site's example as its own
    backprop/example.json (tests/site/test_package_wheel.py), so no --weights and no path of the build machine. What
    the page shows it printing is the example's iteration."""
    text = example_pages(path)[PAGE]
    section = text[text.index("## Try it"):]
    assert re.findall(r"^\$ (.*)$", section, re.M) == ["python -m backprop trace"]
    assert str(path) not in section and str(ROOT) not in section
    it = oracle.iteration(oracle.load_example(path))
    for name, value in oracle.trace_values(it).items():
        assert re.search(rf"^\s*{re.escape(name)}\s+=\s+{re.escape(s6(value))}$", section, re.M), name


def test_iteration_page_online_training_says_what_the_run_uses_and_the_default():
    """The sentence before the run: train's default order (from its signature) and the shuffle the run passes (from
    the page's own calls), neither one read as the other."""
    source = (DOCS / f"{PAGE}.md").read_text(encoding="utf-8")
    calls = [node for block in EXEC.finditer(source) for node in ast.walk(ast.parse(textwrap.dedent(block["body"])))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "train"]
    passed = {ast.literal_eval(kw.value) for call in calls for kw in call.keywords if kw.arg == "shuffle"}
    assert len(calls) == 2 and len(passed) == 1, "the table and the figures: one run, one shuffle"
    (run,) = passed
    default = inspect.signature(train).parameters["shuffle"].default
    said = " ".join(source.split())
    order = {False: "in the order they are given, every epoch", True: "in a new random order each epoch"}
    assert f"By default (`shuffle={default}`) it visits the samples {order[default]}" in said
    assert f"the run below passes `shuffle={run}`, which visits them {order[run]}" in said


def _train_by_hand(p: dict, Xs, Ds, eta: float, epochs: int, seed: int) -> list[float]:
    """Online training in plain Python, the samples in the order train's shuffle draws them; epoch means of E."""
    p = copy.deepcopy(p)
    rng = np.random.default_rng(seed)
    means = []
    for _ in range(epochs):
        order = rng.permutation(len(Xs))  # the same draws as backprop.train(shuffle=True, seed=seed)
        total = 0.0
        for n in order:
            x, d = [float(v) for v in Xs[n]], [float(Ds[n])]
            total += cost(p, x, d)
            p = apply(p, updates(p, x, d, eta))
        means.append(total / len(Xs))
    return means


def test_training_run_and_what_the_page_says_about_it():
    """An independent re-run of the page's training: first and last epoch, how often the mean rose, the minimum."""
    text = prose(PAGE)
    Xs, Ds = examples.regression_data(200, seed=0)
    assert np.allclose(Ds, 0.5 * np.sin(np.pi * Xs[:, 0]) + 0.25 * Xs[:, 1])
    means = _train_by_hand(Network.random(2, 3, 1, seed=1).to_dict(), Xs, Ds, 0.2, 200, seed=0)
    for row, value in [("first epoch (during training)", means[0]), ("last epoch (during training)", means[-1])]:
        assert f"| {row} | {s6(value)} |" in page_text(PAGE), row
    assert means[-1] < means[0] / 10, "the run learns"
    rises = sum(b > a for a, b in itertools.pairwise(means))
    assert 0 < rises < len(means) - 1, "the run is not monotone, which is what the page explains"
    assert f"it rose from one epoch to the next {rises} times out of {len(means) - 1}" in text
    best = min(range(len(means)), key=means.__getitem__)
    assert f"Its lowest value, {s6(means[best])}, came in epoch {best + 1}." in text
    assert "average** cost goes down" not in text and "What training promises" not in text


# ---------------------------------------------------------------------------------------------
# Common mistakes: each wrong variant differs from the right one and fails the gradient check
# ---------------------------------------------------------------------------------------------

NET_232 = Network.random(2, 3, 2, seed=0).to_dict()  # the page's 2-3-2 network (random inputs)
D_232 = [1.0, 0.0]


def _mistakes() -> dict[str, tuple[dict, dict, dict, list[str]]]:
    """name: (network, right updates, wrong updates, the arrays the mistake touches)."""
    w_next = apply(WORKED, updates(WORKED, X, D, ETA))["w_output"]
    tansig_out = {**WORKED, "output": "tansig"}
    as_logsig, as_tansig = {**WORKED, "hidden": "logsig"}, {**WORKED, "hidden": "tansig"}
    hidden = ["w_hidden", "b_hidden"]
    return {
        "1 output weights first": (WORKED, updates(WORKED, X, D, ETA),
                                   updates(WORKED, X, D, ETA, w_back=w_next), hidden),
        "2 f'(v_i) dropped": (WORKED, updates(WORKED, X, D, ETA),
                              updates(WORKED, X, D, ETA, f_h_prime=False), ["w_hidden"]),
        "2 f'(v_j) dropped, tansig output": (tansig_out, updates(tansig_out, X, D, ETA),
                                             updates(tansig_out, X, D, ETA, f_o_prime=False),
                                             ["w_output", "b_output"]),
        "3 e = y - d": (WORKED, updates(WORKED, X, D, ETA), updates(WORKED, X, D, ETA, e_sign=-1.0), ["w_output"]),
        "4 no sum over outputs": (NET_232, updates(NET_232, X, D_232, ETA),
                                  updates(NET_232, X, D_232, ETA, outputs=[0]), ["w_hidden"]),
        "5 logsig f' = y(1 + y)": (as_logsig, updates(as_logsig, X, D, ETA),
                                   updates(as_logsig, X, D, ETA, f_h_prime=lambda y: y * (1 + y)), ["w_hidden"]),
        "5 tansig f' = 1 + y^2": (as_tansig, updates(as_tansig, X, D, ETA),
                                  updates(as_tansig, X, D, ETA, f_h_prime=lambda y: 1 + y * y), ["w_hidden"]),
    }


MISTAKES = _mistakes()


def test_mistakes_page_gives_the_relative_error_of_the_code(monkeypatch):
    """The formula the introduction gives is the one gradient_check computes: evaluated on an analytic and a
    numerical gradient where the floor matters (|a| + |c| below 1e-8), it gives what gradient_check returns for them."""
    said = prose("common-mistakes")
    formula = re.search(r"reports the largest relative error \$([^$]+)\$", said)[1]
    as_python = re.sub(r"\|([^|]+)\|", r"abs(\1)", formula.replace(r"\max", "max"))
    as_python = re.sub(r"10\^\{(-?\d+)\}", r"10**(\1)", as_python)
    cases = [(3e-9, 0.0), (2e-9, -1e-9), (0.3, 0.1), (0.0, 0.0)]
    for a, c in cases:
        net = Network.random(2, 3, 1, seed=0)
        zeros = {name: np.zeros_like(getattr(net, name)) for name in gradcheck.PARAMETERS}
        analytic, numerical = dict(zeros), dict(zeros)
        analytic["b_output"], numerical["b_output"] = np.array([a]), np.array([c])
        monkeypatch.setattr(gradcheck, "_analytic", lambda fp, d, analytic=analytic: analytic)
        monkeypatch.setattr(gradcheck, "_numerical", lambda net, x, d, h, numerical=numerical: numerical)
        expected = gradcheck.gradient_check(net, [0.0, 0.0], 0.0)
        assert eval(as_python, {"abs": abs, "max": max}, {"a": a, "c": c}) == pytest.approx(expected, rel=1e-12), \
            (formula, a, c)


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_changes_the_numbers_and_fails_the_gradient_check(name):
    """The page's own reading: right below 1e-7, a bug above 1e-4 (and the page says three orders apart)."""
    net, right, wrong, names = MISTAKES[name]
    d = D_232 if net is NET_232 else D
    assert six(flat(right, names)) != six(flat(wrong, names)), "the mistake shows in the printed digits"
    assert relative_error(right, net, X, d, ETA, names) < 1e-7
    assert relative_error(wrong, net, X, d, ETA, names) > 1e-4


@pytest.mark.parametrize("name", MISTAKES)
def test_mistakes_page_shows_the_numbers(name):
    shown = numbers_in(page_text("common-mistakes"))
    _, right, wrong, names = MISTAKES[name]
    if name.startswith("3"):  # the page shows the cost over a few steps instead of the updates
        return
    assert six(flat(wrong, names)) <= shown, f"{name}: wrong updates"
    assert six(flat(right, names)) <= shown, f"{name}: right updates"


def test_mistakes_page_states_the_example_and_the_factors():
    text = prose("common-mistakes")
    assert f"input $x = ({given(X[0])}, {given(X[1])})$, desired output $d = {given(D[0])}$, " \
           f"learning rate $\\eta = {given(ETA)}$" in text
    y_h, _ = forward(WORKED, X)
    factors = and_list([f"{1 / F[WORKED['hidden']][1](y):.3f}" for y in y_h])
    assert f"`{WORKED['hidden']}` hidden layer the factors $1/f'(v_i)$ are {factors} for $i = 1, 2, 3$" in text
    if WORKED["hidden"] == "logsig":
        assert all(1 / F["logsig"][1](y) >= 4 for y in y_h), "at least 4 for logsig, as the page says"
    _, (y,) = forward({**WORKED, "output": "tansig"}, X)
    squared = f"({s6(y)})^2" if s6(y).startswith("-") else f"{s6(y)}^2"  # a negative number in parentheses
    assert f"$y = {s6(y)}$ and $f'(v_4) = 1 - y^2 = 1 - {squared}" in text
    assert f"{s6(1 - y * y)}$" in text


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mistakes_page_writes_given_values_as_given(path):
    """x, d and eta as the example gives them (0.5, not 0.500000), in the introduction and around mistake 3."""
    _, x, d, eta = network_of(oracle.load_example(path))
    said = example_prose(path, "common-mistakes")
    assert f"The worked example: input $x = ({given(x[0])}, {given(x[1])})$, desired output $d = {given(d[0])}$, " \
           f"learning rate $\\eta = {given(eta)}$" in said
    etas = re.findall(r"\\eta = (-?[\d.]+)\$", said)
    assert etas and all(e == given(float(e)) for e in etas), etas


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mistakes_page_gradient_ascent(path):
    """Steps with the right and the flipped sign at an eta where the right sign descends: the count of steps the
    table shows, the eta (the example's, halved until the right cost falls and the flipped one grows at every step),
    the costs, and the sentences that say how they moved; with the example's own eta, how many of the right sign's
    steps overshoot (end with a higher cost), counted."""
    p0, x, d, eta0 = network_of(oracle.load_example(path))
    text, said = example_pages(path)["common-mistakes"], example_prose(path, "common-mistakes")
    shown_rows = table_rows(text, "step")
    steps = len(shown_rows) - 1  # the table shows the cost before the first step and after each step
    assert [int(r[0]) for r in shown_rows] == list(range(steps + 1)) and steps >= 3

    def costs(eta, e_sign):
        p, out = p0, [cost(p0, x, d)]
        for _ in range(steps):
            p = apply(p, updates(p, x, d, eta, e_sign=e_sign))
            out.append(cost(p, x, d))
        return out

    def how(values):
        changes = [b - a for a, b in itertools.pairwise(values)]
        if all(c < 0 for c in changes):
            return "falls at every step"
        if all(c > 0 for c in changes):
            return "grows at every step"
        return f"falls in {sum(c < 0 for c in changes)} of the {len(changes)} steps and grows in " \
               f"{sum(c > 0 for c in changes)}"

    eta, halvings = eta0, 0
    while how(costs(eta, 1.0)) != "falls at every step" or how(costs(eta, -1.0)) != "grows at every step":
        eta, halvings = eta / 2, halvings + 1
        assert halvings < 40
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    assert f"{words[steps].capitalize()} steps with $\\eta = {given(eta)}$:" in said
    right_costs, wrong_costs = costs(eta, 1.0), costs(eta, -1.0)
    assert [r[1:] for r in shown_rows] == [[s6(a), s6(b)] for a, b in zip(right_costs, wrong_costs)]
    assert "With the right sign the cost falls at every step; with the flipped sign it grows at every step." in said
    if halvings == 0:
        assert "The table uses the example's own $\\eta$." in said
        return
    times = {1: "once", 2: "twice"}.get(halvings, f"{halvings} times")
    right, wrong = costs(eta0, 1.0), costs(eta0, -1.0)
    ups = sum(b > a for a, b in itertools.pairwise(right))  # a step of the right sign that ends higher overshot
    overshoot = ("every step overshoots" if ups == steps else "no step overshoots" if ups == 0
                 else f"{words[ups]} of the {words[steps]} steps overshoot{'s' if ups == 1 else ''}")
    both = f"the cost {how(right)} with either sign" if how(right) == how(wrong) else \
        f"the right sign's cost {how(right)}, the flipped sign's {how(wrong)}"
    assert f"The table uses the example's $\\eta = {given(eta0)}$ halved {times}: with the example's own $\\eta$ " \
           f"{overshoot} (an overshooting step goes past the lowest cost along its way" in said
    assert f"and over these steps {both}." in said
    assert "some steps overshoot" not in said


def test_mistakes_page_slides_hyperbolic_rows():
    """The coth / csch rows: the finite difference matches the corrected row, not the slides'."""
    shown = numbers_in(page_text("common-mistakes"))
    x = 0.7
    csch, coth = 1 / math.sinh(x), math.cosh(x) / math.sinh(x)
    assert six([-(csch**2), -math.cosh(x) ** 2, -csch * coth, -math.cosh(x) * coth]) <= shown


# ---------------------------------------------------------------------------------------------
# Verification page
# ---------------------------------------------------------------------------------------------


def test_verification_page_shows_the_gradient():
    text = page_text("verification")
    shown = numbers_in(text)
    grad = flat(finite_differences(WORKED, X, D))
    assert six(grad) <= shown
    broken = updates(WORKED, X, D, 1.0, f_h_prime=False)
    assert six(-v for v in flat(broken, ["w_hidden"])) <= shown
    assert f"at $x = ({given(X[0])}, {given(X[1])})$, $d = {given(D[0])}$ (`{WORKED['hidden']}` hidden layer)" in prose(
        "verification")


def test_verification_page_reads_its_h_table_right():
    """Choosing h: the table's parameter is the steepest hidden one, its differences are the cost's (for large h),
    and the sentences read the printed table."""
    text = page_text("verification")
    said = prose("verification")
    # The steepest hidden weight or bias, by the oracle's updates: dE/dtheta = -Delta theta / eta.
    it = oracle.iteration(EX)
    slopes = {f"w_{{{i + 1}{k + 1}}}": (("w_hidden", i, k), -it["dw_hidden"][i][k] / ETA)
              for i in range(3) for k in range(2)}
    slopes |= {f"b_{i + 1}": (("b_hidden", i, None), -it["db_hidden"][i] / ETA) for i in range(3)}
    label = max(slopes, key=lambda name: abs(slopes[name][1]))
    (param, i, k), slope = slopes[label]
    assert slope != 0
    assert f"The steepest hidden parameter is ${label}$: analytic $\\partial E/\\partial {label} = {slope:.10f}$" \
        in said
    rows = table_rows(text, "$h$")
    assert [r[0] for r in rows] == [f"$10^{{-{p}}}$" for p in range(1, 13)]

    def e_at(value):
        q = copy.deepcopy(WORKED)
        if k is None:
            q[param][i] = value
        else:
            q[param][i][k] = value
        return cost(q, X, D)

    theta = WORKED[param][i] if k is None else WORKED[param][i][k]
    for p, row in zip((1, 2, 3), rows):  # where rounding cannot matter, the oracle's differences to 10 decimals
        h = 10.0**-p
        assert float(row[1]) == pytest.approx((e_at(theta + h) - e_at(theta - h)) / (2 * h), abs=2e-10)
        assert float(row[3]) == pytest.approx((e_at(theta + h) - e_at(theta)) / h, abs=2e-10)
        assert float(row[2]) == pytest.approx(abs(slope - float(row[1])) / (abs(slope) + abs(float(row[1]))),
                                              rel=0.06)
    central = {p: float(r[2]) for p, r in zip(range(1, 13), rows)}
    one_sided = {p: float(r[4]) for p, r in zip(range(1, 13), rows)}
    assert all(math.isfinite(v) for v in [*central.values(), *one_sided.values()]), "no 0/0 in the table"
    m = re.search(r"most accurate at \$h = 10\^\{-(\d+)\}\$ \(relative error (\S+)\), the one-sided one at "
                  r"\$h = 10\^\{-(\d+)\}\$ \((\S+)\)\.", said)
    assert m, "the sentence on where each difference is most accurate"
    assert central[int(m[1])] == min(central.values()) and one_sided[int(m[3])] == min(one_sided.values())
    assert float(m[2]) == central[int(m[1])] and float(m[4]) == one_sided[int(m[3])]
    for errors, name in [(central, "central"), (one_sided, "one-sided")]:
        gain = re.search(rf"the {name} difference gains (\d+\.\d) digits per factor of ten", said)
        assert gain and float(gain[1]) == pytest.approx(math.log10(errors[2] / errors[4]) / 2, abs=0.1)
    assert "Below about $h = 10^{-5}$" not in said
    assert int(m[3]) > int(m[1]), "the one-sided difference is best at a smaller h, as the page's theory says"


def test_verification_page_counts_the_factors_of_the_rule_pages():
    """'a chain of four factors for each output rule and six for each hidden rule': counted on the rule pages."""
    words = {4: "four", 5: "five", 6: "six", 7: "seven"}
    counts = {}
    for page in ("rule-output-weights", "rule-output-bias", "rule-hidden-weights", "rule-hidden-biases"):
        source = (DOCS / f"{page}.md").read_text(encoding="utf-8")
        chain = re.search(r"\$\$\n\\frac\{\\partial E_j\(n\)\}\{\\partial [^\n]*\} =\n(.*?)\n\$\$", source, re.S)
        assert chain, f"{page}: the chain rule display"
        counts[page] = len(re.findall(r"\\frac\{\\partial", chain[1]))
    output = {counts["rule-output-weights"], counts["rule-output-bias"]}
    hidden = {counts["rule-hidden-weights"], counts["rule-hidden-biases"]}
    assert len(output) == len(hidden) == 1, counts
    (n_out,), (n_hid,) = output, hidden
    assert f"a chain of {words[n_out]} factors for each output rule and {words[n_hid]} for each hidden rule" \
        in prose("verification")


# ---------------------------------------------------------------------------------------------
# Notation: the matrix form equals the index form; scikit-learn stores the transpose
# ---------------------------------------------------------------------------------------------


def matrix_form(p: dict, x, d, eta) -> dict:
    """The notation page's formulas, in numpy: delta2 = e * f'(v2), delta1 = f'(v1) * (W2^T delta2)."""
    f_h, df_h = F[p["hidden"]]
    f_o, df_o = F[p["output"]]
    W1, b1, W2, b2 = (np.array(p[k], dtype=float) for k in ("w_hidden", "b_hidden", "w_output", "b_output"))
    x, d = np.array(x, dtype=float), np.array(d, dtype=float)
    y_h = np.vectorize(f_h)(W1 @ x + b1)
    y = np.vectorize(f_o)(W2 @ y_h + b2)
    delta2 = (d - y) * np.vectorize(df_o)(y)
    delta1 = np.vectorize(df_h)(y_h) * (W2.T @ delta2)
    return {"w_output": eta * np.outer(delta2, y_h), "b_output": eta * delta2,
            "w_hidden": eta * np.outer(delta1, x), "b_hidden": eta * delta1}


@pytest.mark.parametrize("hidden", ["logsig", "tansig", "purelin"])
@pytest.mark.parametrize("output", ["logsig", "tansig", "purelin"])
def test_matrix_form_equals_index_form(hidden, output):
    rng = np.random.default_rng(7)
    for n_in, n_hidden, n_out in [(2, 3, 1), (3, 4, 2), (1, 2, 3)]:
        p = Network.random(n_in, n_hidden, n_out, seed=int(rng.integers(1000)), hidden=hidden, output=output).to_dict()
        x, d = rng.uniform(-2, 2, n_in).tolist(), rng.uniform(-1, 1, n_out).tolist()
        by_matrix = matrix_form(p, x, d, 0.3)
        by_index = updates(p, x, d, 0.3)
        for name in ORDER:
            np.testing.assert_allclose(by_matrix[name], np.array(by_index[name]), rtol=1e-12, atol=1e-15)


def test_notation_page_shows_the_matrix_form_values():
    text = page_text("notation")
    shown = numbers_in(text)
    m = matrix_form(WORKED, X, D, ETA)
    delta2, delta1 = m["b_output"] / ETA, m["b_hidden"] / ETA
    assert six(list(delta2) + list(delta1)) <= shown
    assert six(np.concatenate([m[k].ravel() for k in ORDER])) <= shown
    assert f"With the example's `{WORKED['hidden']}` hidden layer" in text
    # The value column: every array entry with the site's 6 decimals, never a negative zero.
    cells = re.findall(r"\| `(\[.*?\])` \|", text)
    assert len(cells) == 4
    for cell in cells:
        for number in re.findall(r"-?\d+\.\d*", cell):
            assert re.fullmatch(r"-?\d+\.\d{6}", number) and not re.fullmatch(r"-0\.0+", number), (number, cell)
    for name, cell in zip(ORDER, cells):  # in the page's order: rules (1) to (4), row by row
        assert re.findall(r"-?\d+\.\d{6}", cell) == [s6(v) for v in np.ravel(m[name])], name
    # and the batch form's outputs: y for three inputs, from the index-form forward pass, with its activation's name
    ys = [forward(WORKED, x)[1][0] for x in (X, [0.0, 0.0], [-1.0, 2.0])]
    assert f"Batch form `{WORKED['hidden']}(X @ w_hidden.T + b_hidden) @ w_output.T + b_output`: " \
           f"{', '.join(s6(y) for y in ys)};" in prose("notation")


def test_sklearn_stores_the_transpose():
    """A real MLPRegressor: coefs_[0] is (n_in, n_hidden), and our weights transposed reproduce our outputs."""
    sklearn_nn = pytest.importorskip("sklearn.neural_network")
    from sklearn.exceptions import ConvergenceWarning

    activation = {"logsig": "logistic", "tansig": "tanh"}[WORKED["hidden"]]  # the example's, in sklearn's name
    rng = np.random.default_rng(0)
    Xs = rng.uniform(-1, 1, (20, 2))
    model = sklearn_nn.MLPRegressor(hidden_layer_sizes=(3,), activation=activation, max_iter=1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(Xs, Xs[:, 0])
    assert model.coefs_[0].shape == (2, 3) and model.coefs_[1].shape == (3, 1)
    assert np.array(WORKED["w_hidden"]).shape == (3, 2)
    model.coefs_ = [np.array(WORKED["w_hidden"], dtype=float).T, np.array(WORKED["w_output"], dtype=float).T]
    model.intercepts_ = [np.array(WORKED["b_hidden"], dtype=float), np.array(WORKED["b_output"], dtype=float)]
    np.testing.assert_allclose(model.predict(Xs), [forward(WORKED, x.tolist())[1][0] for x in Xs], rtol=1e-12)
    # and the page says so
    assert re.search(r"`coefs_\[0\]` = `w_hidden\.T` \| \(2, 3\)", page_text("notation"))


# ---------------------------------------------------------------------------------------------
# The built site (slow): the same numbers in the HTML, and figures with text alternatives
# ---------------------------------------------------------------------------------------------


def built(site_build, name: str) -> str:
    return (site_build.dir / (name if name.endswith(".html") else f"{name}/index.html")).read_text(encoding="utf-8")


def html_text(page_html: str) -> str:
    """The page's text: pre-rendered math back to its TeX (kept in data-tex), tags removed, entities decoded."""
    text = re.sub(r'<mjx-container[^>]*data-tex="([^"]*)"[^>]*>.*?</mjx-container>', r" $\1$ ", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["index", "iteration-and-training", "verification", "common-mistakes", "notation"])
def test_built_pages_show_the_numbers(site_build, name):
    """Every 6-decimal number of the rendered Markdown is in the built page (the build ran the same blocks)."""
    page = "index.html" if name == "index" else name
    text = re.sub(r"<svg.*?</svg>", "", page_text(name), flags=re.S)  # a figure's coordinates are not text
    assert numbers_in(text) <= numbers_in(html_text(built(site_build, page)))


class _Figures(HTMLParser):
    """Collects the <svg> and <img> elements inside the page's <article>, with their <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.svgs: list[dict] = []
        self.imgs: list[dict] = []
        self._title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article += 1
        elif self.in_article and tag == "svg":
            self.svgs.append({**attrs, "title": ""})
        elif self.in_article and tag == "img":
            self.imgs.append(attrs)
        elif tag == "title" and self.svgs:
            self._title = True

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag == "title":
            self._title = False

    def handle_data(self, data):
        if self._title:
            self.svgs[-1]["title"] += data


@pytest.mark.slow
@pytest.mark.parametrize("name", ["iteration-and-training", "verification", "common-mistakes", "notation"])
def test_figures_have_text_alternatives(site_build, name):
    source = built(site_build, name)
    figures = _Figures()
    figures.feed(source)
    if name == "iteration-and-training":
        assert len(figures.svgs) >= 2, "the loss curve and the fitted function"
    for svg in figures.svgs:
        if svg.get("aria-hidden") == "true":
            continue
        assert svg.get("role") == "img"
        assert len(svg.get("aria-label", "")) > 40, svg.get("aria-label")
        assert svg["title"].strip() == svg["aria-label"].strip()
    for img in figures.imgs:
        assert img.get("alt", "").strip(), img
    article = source[source.index("<article"):source.index("</article>")]
    for svg in re.findall(r"<svg.*?</svg>", article, re.S):  # drawn in the text colour, transparent
        assert "#000000" not in svg and "#ffffff" not in svg.lower()
        assert 'fill="currentColor"' in svg


# ---------------------------------------------------------------------------------------------
# One iteration: the backward pass in five lines, its matrix form, and why backpropagation is cheap
# ---------------------------------------------------------------------------------------------

RECIPE = [  # the five lines as the page writes them, each checked below against the oracle
    r"$e = d - y$",
    r"$\delta_4 = e\, f'(v_4)$",
    r"$\delta_i = f'(v_i)\, w_{4i}\, \delta_4$",
    r"$\Delta w_{4i} = \eta\, \delta_4\, y_{hi}$ and $\Delta b_4 = \eta\, \delta_4$",
    r"$\Delta w_{ik} = \eta\, \delta_i\, x_k$ and $\Delta b_i = \eta\, \delta_i$",
]
MATRIX_FORM = [  # the matrix form as the page writes it: matrix_form() above computes exactly these lines
    r"\delta^{(2)} &= e \odot f'\big(v^{(2)}\big)",
    r"\delta^{(1)} &= f'\big(v^{(1)}\big) \odot \big(W^{(2)\top} \delta^{(2)}\big)",
    r"\Delta W^{(2)} &= \eta\, \delta^{(2)} y_h^\top, \quad \Delta b^{(2)} = \eta\, \delta^{(2)}",
    r"\Delta W^{(1)} &= \eta\, \delta^{(1)} x^\top, \quad \Delta b^{(1)} = \eta\, \delta^{(1)}",
]


def test_iteration_page_shows_the_recipe_and_its_matrix_form():
    source = (DOCS / "iteration-and-training.md").read_text(encoding="utf-8")
    for n, line in enumerate(RECIPE, start=1):
        assert re.search(rf"^{n}\. .*{re.escape(line)}", source, re.M), f"recipe line {n}: {line}"
    for line in MATRIX_FORM:
        assert line in source, line
    assert "(notation.md#index-form-and-matrix-form)" in source


@pytest.mark.parametrize("path", oracle.all_example_files(), ids=lambda p: p.stem)
def test_the_recipe_gives_the_rules(path):
    """The five lines, written here in plain math, give every Δ of the oracle's iteration (each example file)."""
    ex = oracle.load_example(path)
    it = oracle.iteration(ex)
    df_h, df_o = F[ex.get("hidden", "logsig")][1], F[ex.get("output", "purelin")][1]
    x, y_h, eta = it["x"], it["y_hidden"], it["eta"]
    e = it["d"] - it["y"]  # line 1
    delta_4 = e * df_o(it["y"])  # line 2
    delta = [df_h(y_h[i]) * ex["w_output"][0][i] * delta_4 for i in range(3)]  # line 3
    assert [eta * delta_4 * y for y in y_h] == pytest.approx(it["dw_output"][0], abs=1e-15)  # line 4
    assert eta * delta_4 == pytest.approx(it["db_output"][0], abs=1e-15)
    assert [[eta * delta[i] * xk for xk in x] for i in range(3)] == [pytest.approx(r, abs=1e-15)
                                                                     for r in it["dw_hidden"]]  # line 5
    assert [eta * dl for dl in delta] == pytest.approx(it["db_hidden"], abs=1e-15)
    # ... and against the slope of the cost itself, by central differences
    net = {k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output")}
    net |= {"hidden": ex.get("hidden", "logsig"), "output": ex.get("output", "purelin")}
    fd = finite_differences(net, x, [it["d"]])
    assert [-eta * g for g in fd["b_hidden"]] == pytest.approx([eta * dl for dl in delta], abs=1e-7)


def test_iteration_page_shows_the_recipes_numbers():
    it = oracle.iteration(EX)
    d4, dh = it["delta_output"][0], it["delta_hidden"]
    shown = (f"In the worked example: $e = {s6(it['e'])}$, $\\delta_4 = {s6(d4)}$, and "
             f"$(\\delta_1, \\delta_2, \\delta_3) = ({', '.join(s6(v) for v in dh)})$")
    assert shown in prose("iteration-and-training")


def test_five_lines_name_the_table_they_give():
    """The five lines' numbers, times eta and what each parameter multiplies (y_hi for an output weight, not the
    inputs), give the Δ column of the one-iteration table: the sentence says so and links to that table's section."""
    from markdown.extensions.toc import slugify

    said = prose(PAGE)
    assert "and the inputs, they give the table above" not in said
    heading = "One iteration on the worked example"
    assert f"\n## {heading}\n" in (DOCS / f"{PAGE}.md").read_text(encoding="utf-8")
    assert f"Times $\\eta = {given(ETA)}$ and what each parameter multiplies ($y_{{hi}}$ for $w_{{4i}}$, $x_k$ for " \
           f"$w_{{ik}}$, $1$ for a bias), they give the $\\Delta$ column of the table in [one iteration on the " \
           f"worked example](#{slugify(heading, '-')})." in said
    text = page_text(PAGE)
    section = text[text.index(f"## {heading}"):text.index("### Did the cost go down")]
    assert "| rule | parameter | value at $n$ | $\\Delta$ | value at $n+1$ |" in section


def count_multiplications(n_in: int, n_hidden: int, n_out: int) -> tuple[int, int]:
    """(backpropagation, central differences) counted by running both, every product through one counting mul."""
    count = 0

    def mul(a: float, b: float) -> float:
        nonlocal count
        count += 1
        return a * b

    rng = np.random.default_rng(0)
    x, d = rng.uniform(-1, 1, n_in).tolist(), rng.uniform(-1, 1, n_out).tolist()
    p = Network.random(n_in, n_hidden, n_out, seed=1).to_dict()

    def run_forward(p):
        y_h = [F["logsig"][0](sum(mul(w, xk) for w, xk in zip(row, x)) + b) for row, b in zip(p["w_hidden"],
                                                                                         p["b_hidden"])]
        y = [sum(mul(w, yh) for w, yh in zip(row, y_h)) + b for row, b in zip(p["w_output"], p["b_output"])]
        return y_h, y

    y_h, y = run_forward(p)  # backpropagation: one forward pass ...
    delta_o = [mul(dj - yj, 1.0) for dj, yj in zip(d, y)]  # δ_j = e_j f'(v_j)
    delta_h = [mul(F["logsig"][1](y_h[i]), sum(mul(p["w_output"][j][i], delta_o[j]) for j in range(n_out)))
               for i in range(n_hidden)]  # δ_i = f'(v_i) Σ_j w_ji δ_j
    scaled_o, scaled_h = [mul(0.1, dl) for dl in delta_o], [mul(0.1, dl) for dl in delta_h]  # η δ
    _ = [[mul(s, yh) for yh in y_h] for s in scaled_o], [[mul(s, xk) for xk in x] for s in scaled_h]  # η δ input
    backprop, count = count, 0
    params = n_hidden * n_in + n_hidden + n_out * n_hidden + n_out
    for _ in range(params):  # central differences: for each parameter, two forward passes and their costs
        for _side in (+1, -1):
            _, y = run_forward(p)
            _ = sum(mul(dj - yj, dj - yj) for dj, yj in zip(d, y))
    return backprop, count


def test_counting_by_hand_on_the_slides_network():
    """2-3-1: forward 6 + 3 products; δ 1 + 3 + 3; η δ 4; η δ input 3 + 6: 29. Differences: 13 x 2 x (9 + 1) = 260."""
    assert count_multiplications(2, 3, 1) == (29, 260)


def test_iteration_page_counts_the_multiplications():
    (block,) = [s for s in pages_blocks("iteration-and-training") if "def multiplications" in s.code]
    namespace: dict = {"__name__": "page"}
    exec(compile(block.code.split("\nrows, ratios")[0], block.where, "exec"), namespace)
    for shape in [(2, 3, 1), (3, 4, 2), (1, 5, 3), (4, 2, 1)]:
        backprop, differences, _, params = namespace["multiplications"](*shape)
        assert (backprop, differences) == count_multiplications(*shape), shape
    rows = table_rows(page_text("iteration-and-training"), "network")
    assert [r[0] for r in rows] == ["2-3-1", "784-100-10"]
    for row in rows:
        shape = tuple(int(n) for n in row[0].split("-"))
        backprop, differences, _, params = namespace["multiplications"](*shape)
        assert row[1:] == [f"{params:,}", f"{backprop:,}", f"{differences:,}", f"{differences / backprop:,.0f}"]


def pages_blocks(page: str):
    from tests.support import pages

    return pages.collect(DOCS / f"{page}.md")


# ---------------------------------------------------------------------------------------------
# Every equation the pages show, tied to the page text: display equations (each page's displays are exactly the
# listed ones) and inline statements of fact, checked with sympy (derivatives of a symbolic network) or the oracle.
# ---------------------------------------------------------------------------------------------

import sympy as sp  # noqa: E402  (only these checks use it)


def norm_tex(text: str) -> str:
    return " ".join(text.split())


def markdown_says(page: str, tex: str) -> bool:
    """Whether the page's Markdown holds ``tex`` (whitespace normalised: an equation may wrap over lines)."""
    return norm_tex(tex) in norm_tex((DOCS / f"{page}.md").read_text(encoding="utf-8"))


def markdown_displays(page: str) -> list[str]:
    """The display equations of a page's Markdown outside its code blocks, whitespace normalised, in order."""
    text = re.sub(r"^([ \t]*)```.*?^\1```", "", (DOCS / f"{page}.md").read_text(encoding="utf-8"), flags=re.M | re.S)
    return [norm_tex(eq) for eq in re.findall(r"^[ \t]*\$\$\n(.*?)\n[ \t]*\$\$[ \t]*$", text, re.M | re.S)]


class SymbolicNet:
    """The slides' network in sympy (n_in inputs, 3 logsig hidden neurons, n_out outputs), 1-based names, and one
    random point at which its derivatives are evaluated."""

    def __init__(self, n_out: int = 1, output: str = "purelin", n_in: int = 2, seed: int = 3):
        sym = sp.Symbol
        self.x = {k: sym(f"x_{k}") for k in range(1, n_in + 1)}
        self.w = {(i, k): sym(f"w_{i}{k}") for i in range(1, 4) for k in self.x}
        self.b = {i: sym(f"b_{i}") for i in range(1, 4)}
        self.outs = list(range(4, 4 + n_out))
        self.w |= {(j, i): sym(f"w_{j}{i}") for j in self.outs for i in range(1, 4)}
        self.b |= {j: sym(f"b_{j}") for j in self.outs}
        self.d = {j: sym(f"d_{j}") for j in self.outs}
        self.v = {i: sum(self.w[i, k] * self.x[k] for k in self.x) + self.b[i] for i in range(1, 4)}
        self.f = lambda t: 1 / (1 + sp.exp(-t))
        self.y_h = {i: self.f(self.v[i]) for i in range(1, 4)}
        self.f_out = {"purelin": lambda t: t, "tansig": sp.tanh}[output]
        self.v |= {j: sum(self.w[j, i] * self.y_h[i] for i in range(1, 4)) + self.b[j] for j in self.outs}
        self.y = {j: self.f_out(self.v[j]) for j in self.outs}
        self.e = {j: self.d[j] - self.y[j] for j in self.outs}
        with sp.evaluate(False):  # built as written: sympy's automatic checks on the squares are slow
            self.E = sp.Rational(1, 2) * sp.Add(*(self.e[j] ** 2 for j in self.outs))
        rng = np.random.default_rng(seed)
        symbols = [*self.x.values(), *self.w.values(), *self.b.values(), *self.d.values()]
        self.point = {s: sp.Float(rng.uniform(-1.5, 1.5)) for s in symbols}

    def at(self, expr: sp.Expr) -> float:
        return float(expr.xreplace(self.point))

    def slope(self, param: sp.Symbol) -> float:
        """dE/dparam at the point."""
        return self.at(sp.diff(self.E, param))


# --- iteration-and-training.md ------------------------------------------------------------------------------------

ETA_S = sp.Symbol("eta", positive=True)
# The four rules as the page's display writes them (logsig hidden, linear output): row TeX, then what the row says
# Delta theta(n) = theta(n+1) - theta(n) is, from the symbolic network; checked against -eta dE/dtheta.
FOUR_RULES = [
    (r"w_{4i}(n+1) &= w_{4i}(n) + \eta\, e(n)\, y_{hi}(n) && \text{rule (1)}",
     lambda n, i, k: ((4, i), ETA_S * n.e[4] * n.y_h[i])),
    (r"b_4(n+1) &= b_4(n) + \eta\, e(n) && \text{rule (2)}", lambda n, i, k: (4, ETA_S * n.e[4])),
    (r"w_{ik}(n+1) &= w_{ik}(n) + \eta\, e(n)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big)\, x_k(n) && "
     r"\text{rule (3)}",
     lambda n, i, k: ((i, k), ETA_S * n.e[4] * n.w[4, i] * n.f(n.v[i]) * (1 - n.f(n.v[i])) * n.x[k])),
    (r"b_i(n+1) &= b_i(n) + \eta\, e(n)\, w_{4i}(n)\, f(v_i(n))\big(1 - f(v_i(n))\big) && \text{rule (4)}",
     lambda n, i, k: (i, ETA_S * n.e[4] * n.w[4, i] * n.f(n.v[i]) * (1 - n.f(n.v[i])))),
]
ITERATION_FACTS = [  # inline facts the rules above rest on
    r"Every rule is $\Delta\theta(n) = -\eta\,\partial E(n)/\partial\theta(n)$ for the one cost "
    r"$E(n) = \tfrac12 e(n)^2$, $e(n) = d(n) - y(n)$. With the slides' linear output ($f'(v_4) = 1$) and their "
    r"logsig hidden layer ($f'(v_i) = f(v_i)\big(1 - f(v_i)\big)$)",
]


def test_iteration_page_shows_exactly_the_checked_display_equations():
    rules = r"\begin{aligned} " + r"\\ ".join(norm_tex(tex) for tex, _ in FOUR_RULES) + r" \end{aligned}"
    displays = markdown_displays(PAGE)
    assert [norm_tex(d) for d in displays[:1]] == [norm_tex(rules)]
    assert len(displays) == 2 and all(norm_tex(line) in displays[1] for line in MATRIX_FORM)
    assert markdown_says(PAGE, ITERATION_FACTS[0])


def test_iteration_page_four_rules_are_gradient_steps():
    """Each row's Delta theta is -eta dE/dtheta of E = e^2 / 2 with e = d - y, the symbolic network's derivative."""
    net = SymbolicNet()
    for _, rule in FOUR_RULES:
        for i, k in itertools.product((1, 2, 3), (1, 2)):
            key, delta = rule(net, i, k)
            param = net.w[key] if isinstance(key, tuple) else net.b[key]
            assert net.at(delta.xreplace({ETA_S: 1})) == pytest.approx(-net.slope(param), rel=1e-12)
    assert FOUR_RULES[0][1](net, 1, 1)[1] != -ETA_S * net.e[4] * net.y_h[1]  # the check can fail: the sign
    assert net.at(net.e[4] * net.y_h[1]) != pytest.approx(-net.slope(net.w[4, 1]) * -1, rel=1e-6)
    # the facts: f'(v_4) = 1 for the linear output, f'(v_i) = f(v_i)(1 - f(v_i)) for logsig
    t = sp.Symbol("t")
    assert sp.diff(t, t) == 1 and sp.simplify(sp.diff(net.f(t), t) - net.f(t) * (1 - net.f(t))) == 0


def test_iteration_page_training_target_and_initial_range():
    """The task 'd = sin(pi x_1)/2 + x_2/4' is the data the run uses; Network.random draws from [-1/sqrt(fan-in),
    1/sqrt(fan-in)]."""
    assert markdown_says(PAGE, r"learn $d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2$ from 200 points drawn uniformly in "
                               r"$[-1, 1]^2$")
    assert markdown_says(PAGE, r"$[-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}}]$")
    Xs, Ds = examples.regression_data(200, seed=0)
    assert np.all(np.abs(Xs) <= 1)
    np.testing.assert_allclose(Ds, [0.5 * math.sin(math.pi * x1) + 0.25 * x2 for x1, x2 in Xs], rtol=1e-12)
    for seed in range(5):
        net = Network.random(2, 3, 1, seed=seed)
        assert np.all(np.abs(net.w_hidden) <= 1 / math.sqrt(2)) and np.all(np.abs(net.w_output) <= 1 / math.sqrt(3))


# --- verification.md ---------------------------------------------------------------------------------------------

CENTRAL = r"c = \frac{E(\theta + h) - E(\theta - h)}{2h} = \frac{\partial E}{\partial\theta} + O(h^2),"
RELATIVE = r"r = \frac{|a - c|}{\max\big(|a| + |c|,\ 10^{-8}\big)},"


def r_of(a, c):
    """The page's r, transcribed."""
    return abs(a - c) / max(abs(a) + abs(c), 1e-8)


def test_verification_page_shows_exactly_the_checked_display_equations():
    assert markdown_displays("verification") == [norm_tex(CENTRAL), norm_tex(RELATIVE)]


def test_verification_central_and_one_sided_differences():
    """The central difference is dE/dtheta + O(h^2) (an h^2 term that is not zero in general); the one-sided one only
    O(h); for a quadratic the central one is exact; with the linear output E is quadratic in w_4i and b_4."""
    t, h = sp.symbols("theta h")
    E_f = sp.Function("E")
    central = sp.series((E_f(t + h) - E_f(t - h)) / (2 * h), h, 0, 3).removeO().doit()
    one_sided = sp.series((E_f(t + h) - E_f(t)) / h, h, 0, 2).removeO().doit()
    assert sp.simplify(central.coeff(h, 0) - sp.diff(E_f(t), t)) == 0 and central.coeff(h, 1) == 0
    assert central.coeff(h, 2) != 0 and one_sided.coeff(h, 1) != 0
    assert markdown_says("verification", r"The one-sided difference $\big(E(\theta + h) - E(\theta)\big)/h$ is only "
                                         r"$O(h)$ accurate")
    a2, a1, a0 = sp.symbols("a2 a1 a0")
    quad = a2 * t**2 + a1 * t + a0
    assert sp.expand((quad.subs(t, t + h) - quad.subs(t, t - h)) / (2 * h) - sp.diff(quad, t)) == 0
    net = SymbolicNet()
    for param in [net.w[4, 1], net.w[4, 2], net.w[4, 3], net.b[4]]:  # second derivative constant, not zero
        assert sp.diff(net.E, param, 3) == 0 and net.at(sp.diff(net.E, param, 2)) > 0
    assert net.at(sp.diff(net.E, net.w[1, 1], 3)) != 0  # the check can fail: E is not quadratic in a hidden weight


def test_verification_relative_error_facts():
    """a = -Delta theta/eta; a factor k > 0 gives r = |k - 1|/(k + 1) (0.6 for 4); a wrong sign gives r = 1."""
    said = "verification"
    assert markdown_says(said, r"Each rule returns $\Delta\theta = -\eta\,\partial E/\partial\theta$, so the "
                               r"**analytic** gradient is $a = -\Delta\theta/\eta$")
    g, eta = sp.symbols("g eta", positive=True)
    assert sp.simplify(-(-eta * g) / eta - g) == 0
    assert markdown_says(said, r"A rule whose gradient is off by a factor $k > 0$ gives $r = |k - 1|/(k + 1)$ ($0.6$ "
                               r"for a factor of $4$), and a wrong sign gives $r = 1$ exactly (for opposite signs "
                               r"$|a - c| = |a| + |c|$)")
    for k in (0.25, 0.5, 2.0, 4.0, 10.0):
        for c in (-3.0, 0.2, 7.0):
            assert r_of(k * c, c) == pytest.approx(abs(k - 1) / (k + 1), rel=1e-12)
    assert abs(4 - 1) / (4 + 1) == 0.6
    for a, c in [(2.0, -3.0), (-0.1, 5.0), (1e-3, -1e-3)]:
        assert r_of(a, c) == 1.0 and abs(a - c) == abs(a) + abs(c)
    assert markdown_says(said, r"$r \approx 10^{-8}$ or smaller means the rule is right; $r > 10^{-4}$ means a bug")


def test_verification_choice_of_h():
    """Truncation M h^2 plus rounding eps/h is smallest at h ~ eps^(1/3) ~ 1e-5; the one-sided M h + eps/h at
    h ~ eps^(1/2) ~ 1e-8; eps ~ 2.2e-16."""
    said = "verification"
    assert markdown_says(said, r"$\varepsilon / h$ with $\varepsilon \approx 2.2 \times 10^{-16}$ the machine "
                               r"precision")
    assert markdown_says(said, r"The best $h$ is near $\varepsilon^{1/3} \approx 10^{-5}$")
    assert markdown_says(said, r"near $\varepsilon^{1/2} \approx 10^{-8}$")
    eps = sys.float_info.epsilon
    assert f"{eps:.1e}" == "2.2e-16"
    h, M, e = sp.symbols("h M epsilon", positive=True)
    (best_central,) = sp.solve(sp.diff(M * h**2 + e / h, h), h)
    (best_one_sided,) = sp.solve(sp.diff(M * h + e / h, h), h)
    assert sp.simplify(best_central / e ** sp.Rational(1, 3)).free_symbols == {M}
    assert sp.simplify(best_one_sided / sp.sqrt(e)).free_symbols == {M}
    assert round(math.log10(eps ** (1 / 3))) == -5 and round(math.log10(eps**0.5)) == -8
    assert inspect.signature(gradcheck.numerical_gradient).parameters["h"].default == 1e-5


# --- notation.md ------------------------------------------------------------------------------------------------

NOTATION_DISPLAYS = [
    r"W^{(1)} = [w_{ik}] = \begin{bmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \\ w_{31} & w_{32} \end{bmatrix}, "
    r"\qquad b^{(1)} = \begin{bmatrix} b_1 \\ b_2 \\ b_3 \end{bmatrix},",
    r"W^{(2)} = [w_{ji}] = \begin{bmatrix} w_{41} & w_{42} & w_{43} \end{bmatrix}, "
    r"\qquad b^{(2)} = \begin{bmatrix} b_4 \end{bmatrix}.",
]
# The index-form / matrix-form table, row by row as the page writes it.
NOTATION_TABLE = [
    ("hidden field", r"$v_i = \sum_k w_{ik} x_k + b_i$", r"$v^{(1)} = W^{(1)} x + b^{(1)}$"),
    ("hidden output", r"$y_{hi} = f(v_i)$", r"$y_h = f(v^{(1)})$"),
    ("output field", r"$v_j = \sum_i w_{ji} y_{hi} + b_j$", r"$v^{(2)} = W^{(2)} y_h + b^{(2)}$"),
    ("output, error", r"$y_j = f(v_j)$, $e_j = d_j - y_j$", r"$y = f(v^{(2)})$, $e = d - y$"),
    ("output local gradient", r"$\delta_j = e_j\, f'(v_j)$", r"$\delta^{(2)} = e \odot f'(v^{(2)})$"),
    ("hidden local gradient", r"$\delta_i = f'(v_i) \sum_j w_{ji}\, \delta_j$",
     r"$\delta^{(1)} = f'(v^{(1)}) \odot \big(W^{(2)\top} \delta^{(2)}\big)$"),
    ("rule (1)", r"$\Delta w_{ji} = \eta\, \delta_j\, y_{hi}$", r"$\Delta W^{(2)} = \eta\, \delta^{(2)} y_h^\top$"),
    ("rule (2)", r"$\Delta b_j = \eta\, \delta_j$", r"$\Delta b^{(2)} = \eta\, \delta^{(2)}$"),
    ("rule (3)", r"$\Delta w_{ik} = \eta\, \delta_i\, x_k$", r"$\Delta W^{(1)} = \eta\, \delta^{(1)} x^\top$"),
    ("rule (4)", r"$\Delta b_i = \eta\, \delta_i$", r"$\Delta b^{(1)} = \eta\, \delta^{(1)}$"),
]


def test_notation_page_shows_exactly_the_checked_display_equations():
    assert markdown_displays("notation") == [norm_tex(tex) for tex in NOTATION_DISPLAYS]


def test_notation_matrices_are_the_oracles_forward_pass():
    """The page's bmatrix layouts (read from the page's TeX) give the oracle's fields: W^(1) x + b^(1) = v_i and
    W^(2) y_h + b^(2) = v_4, for the example in use."""
    it = oracle.iteration(EX)
    values = {f"w_{{{i + 1}{k + 1}}}": WORKED["w_hidden"][i][k] for i in range(3) for k in range(2)}
    values |= {f"w_{{4{i + 1}}}": WORKED["w_output"][0][i] for i in range(3)}
    values |= {f"b_{i + 1}": WORKED["b_hidden"][i] for i in range(3)} | {"b_4": WORKED["b_output"][0]}
    W1, b1, W2, b2 = (np.array([[values[c.strip()] for c in row.split("&")] for row in body.split(r"\\")])
                      for tex in NOTATION_DISPLAYS
                      for body in re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", tex))
    np.testing.assert_allclose(W1 @ np.array(X) + b1.ravel(), it["v_hidden"], rtol=1e-12)
    np.testing.assert_allclose(W2 @ np.array(it["y_hidden"]) + b2.ravel(), it["v_output"], rtol=1e-12)
    assert not np.allclose(W1[::-1] @ np.array(X) + b1.ravel(), it["v_hidden"])  # the check can fail


def test_notation_table_is_the_checked_index_and_matrix_forms():
    """The rows as listed; each index form is the oracle's (plain math), each matrix form its numpy transcription,
    on a 2-output network with a tansig output, so that no factor hides behind a 1 and the sum over j has two terms."""
    text = (DOCS / "notation.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z(), 0-9]+) \| (.*?) \| (.*?) \|$", text, re.M)
    assert [r for r in rows if r[0] in {name for name, *_ in NOTATION_TABLE}] == NOTATION_TABLE
    p = Network.random(2, 3, 2, seed=4, hidden="logsig", output="tansig").to_dict()
    ex = {**p, "x": [0.7, -1.2], "d": [0.3, -0.5], "eta": 0.2}
    it = oracle.iteration(ex)
    W1, b1, W2, b2 = (np.array(p[k], dtype=float) for k in ("w_hidden", "b_hidden", "w_output", "b_output"))
    x, d, eta = np.array(ex["x"]), np.array(ex["d"]), ex["eta"]
    v1 = W1 @ x + b1
    y_h = 1 / (1 + np.exp(-v1))
    v2 = W2 @ y_h + b2
    y = np.tanh(v2)
    e = d - y
    delta2 = e * (1 - np.tanh(v2) ** 2)
    delta1 = (y_h * (1 - y_h)) * (W2.T @ delta2)
    for ours, theirs in [(v1, it["v_hidden"]), (y_h, it["y_hidden"]), (v2, it["v_output"]), (e, it["e"]),
                         (delta2, it["delta_output"]), (delta1, it["delta_hidden"]),
                         (eta * np.outer(delta2, y_h), it["dw_output"]), (eta * delta2, it["db_output"]),
                         (eta * np.outer(delta1, x), it["dw_hidden"]), (eta * delta1, it["db_hidden"])]:
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)
    assert not np.allclose(delta1, (y_h * (1 - y_h)) * (W2.T @ delta2)[::-1])  # the check can fail


def test_notation_local_gradients_are_minus_dE_dv():
    """delta_j = -dE/dv_j and delta_i = -dE/dv_i; with the linear output delta_4 = e, and the slides' rule (3) is
    eta delta_i x_k; E = e^2/2 is e^T e / 2."""
    for sentence in [r"$\delta_j = -\partial E/\partial v_j$ and $\delta_i = -\partial E/\partial v_i$",
                     r"With the slides' linear output $\delta_4 = e$, and rule (3) of the slides, "
                     r"$\eta\, e\, w_{4i}\, f(v_i)(1 - f(v_i))\, x_k$, is $\eta\, \delta_i\, x_k$",
                     r"| $E = \tfrac12 e^2$ | $E = \tfrac12 e^\top e$ |"]:
        assert markdown_says("notation", sentence), sentence
    for output, n_out in [("tansig", 2), ("purelin", 1)]:
        net = SymbolicNet(n_out=n_out, output=output)
        s = {j: sp.Symbol(f"s_{j}") for j in [1, 2, 3, *net.outs]}  # the fields as free variables
        y_h = {i: net.f(s[i]) for i in (1, 2, 3)}
        ys = {j: net.f_out(sum(net.w[j, i] * y_h[i] for i in (1, 2, 3)) + net.b[j]) for j in net.outs}
        E_of_hidden = sp.Rational(1, 2) * sum((net.d[j] - ys[j]) ** 2 for j in net.outs)
        E_of_out = sp.Rational(1, 2) * sum((net.d[j] - net.f_out(s[j])) ** 2 for j in net.outs)
        point = net.point | {s[i]: net.v[i].xreplace(net.point) for i in (1, 2, 3)}
        point |= {s[j]: sum(net.w[j, i] * net.f(point[s[i]]) for i in (1, 2, 3)).xreplace(point) + point[net.b[j]]
                  for j in net.outs}
        fprime_out = {"tansig": lambda t: 1 - sp.tanh(t) ** 2, "purelin": lambda t: 1}[output]
        delta_j = {j: (net.d[j] - net.f_out(s[j])) * fprime_out(s[j]) for j in net.outs}
        for j in net.outs:
            assert float((delta_j[j] + sp.diff(E_of_out, s[j])).xreplace(point)) == pytest.approx(0, abs=1e-12)
        for i in (1, 2, 3):
            delta_i = net.f(s[i]) * (1 - net.f(s[i])) * sum(net.w[j, i] * delta_j[j] for j in net.outs)
            assert float((delta_i + sp.diff(E_of_hidden, s[i])).xreplace(point)) == pytest.approx(0, abs=1e-12)
            if output == "purelin":  # delta_4 = e, so the slides' rule (3) is eta delta_i x_k
                assert delta_j[4] == net.d[4] - s[4]
                slides_rule_3 = ETA_S * (net.d[4] - s[4]) * net.w[4, i] * net.f(s[i]) * (1 - net.f(s[i])) * net.x[1]
                gap = (slides_rule_3 - ETA_S * delta_i * net.x[1]).xreplace({ETA_S: 1})
                assert float(gap.xreplace(point)) == pytest.approx(0, abs=1e-12)
    e_vec = sp.Matrix(sp.symbols("e_1 e_2"))
    assert sp.expand((e_vec.T * e_vec)[0] / 2 - sum(c**2 for c in e_vec) / 2) == 0


# The tabs "Other books and libraries": each source's formulas, as the page writes them, transcribed into numpy on a
# 2-3-2 network (logsig hidden, tansig output: no factor hides behind a 1 and the sum over the outputs has two
# terms) and compared with the oracle's iteration and with central differences of the oracle's cost.


class OtherBooks:
    """The network, the oracle's iteration and the finite-difference gradients each source's formulas are held to."""

    def __init__(self, n_out: int = 2, output: str = "tansig"):
        p = Network.random(2, 3, n_out, seed=4, hidden="logsig", output=output).to_dict()
        self.ex = {**p, "x": [0.7, -1.2], "d": [0.3, -0.5][:n_out], "eta": 0.2}
        self.it = it = oracle.iteration(self.ex)
        self.W1, self.b1, self.W2, self.b2 = (np.array(p[k], dtype=float)
                                              for k in ("w_hidden", "b_hidden", "w_output", "b_output"))
        self.x, self.d, self.eta = np.array(self.ex["x"]), np.array(self.ex["d"]), self.ex["eta"]
        self.f1, self.df1 = (lambda v: 1 / (1 + np.exp(-v))), (lambda v: np.exp(-v) / (1 + np.exp(-v)) ** 2)
        self.f2, self.df2 = {"tansig": (np.tanh, lambda v: 1 / np.cosh(v) ** 2),
                             "purelin": (lambda v: v, lambda v: np.ones_like(v))}[output]
        self.v1, self.y_h, self.v2, self.y = (np.array(it[k]) for k in ("v_hidden", "y_hidden", "v_output",
                                                                           "y_output"))
        self.e, self.E = np.array(it["e_list"]), it["E"]
        self.delta2, self.delta1 = np.array(it["delta_output"]), np.array(it["delta_hidden"])
        self.dW2, self.db2, self.dW1, self.db1 = (np.array(it[k]) for k in ("dw_output", "db_output", "dw_hidden",
                                                                              "db_hidden"))
        self.new = {k: np.array(it[f"{k}_new"]) for k in ("w_hidden", "b_hidden", "w_output", "b_output")}

    def cost_of(self, **params) -> float:
        """The oracle's E with some parameters replaced."""
        ex = {**self.ex, **{k: np.asarray(v).tolist() for k, v in params.items()}}
        return oracle.cost(ex, oracle.forward(ex)["y_output"])

    @cache  # noqa: B019  (two instances, kept for the session)
    def grad(self, name: str, h: float = 1e-6) -> np.ndarray:
        """dE/dtheta by central differences of the oracle's cost, for one parameter array."""
        theta = np.array(self.ex[name], dtype=float)
        g = np.zeros_like(theta)
        for idx in np.ndindex(theta.shape):
            plus, minus = theta.copy(), theta.copy()
            plus[idx] += h
            minus[idx] -= h
            g[idx] = (self.cost_of(**{name: plus}) - self.cost_of(**{name: minus})) / (2 * h)
        return g

    @cache  # noqa: B019
    def grad_fields(self, h: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """dE/dv_j, dE/dy_hi and dE/dv_i by central differences, each field perturbed in plain math."""
        def E_out(v2):
            return 0.5 * float(np.sum((self.d - self.f2(v2)) ** 2))

        def E_yh(y_h):
            return E_out(self.W2 @ y_h + self.b2)

        def E_hid(v1):
            return E_yh(self.f1(v1))

        def central(fun, at):
            return np.array([(fun(at + h * u) - fun(at - h * u)) / (2 * h) for u in np.eye(len(at))])

        return central(E_out, self.v2), central(E_yh, self.y_h), central(E_hid, self.v1)


def _close(a, b, tol=1e-12) -> bool:
    return np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=tol, atol=tol)


def _fd(a, b) -> bool:  # a finite difference of h = 1e-6 agrees to about 1e-10
    return _close(a, b, 1e-8)


def _sklearn_sgd_step(n: OtherBooks) -> dict:
    """One step of a real MLPRegressor (solver sgd, no momentum, no penalty, one sample) from our weights."""
    sklearn_nn = pytest.importorskip("sklearn.neural_network")
    model = sklearn_nn.MLPRegressor(hidden_layer_sizes=(3,), activation="logistic", solver="sgd", alpha=0.0,
                                    momentum=0.0, nesterovs_momentum=False, learning_rate_init=n.eta, batch_size=1,
                                    shuffle=False)
    X, y = n.x[None, :], n.d.copy()
    model.partial_fit(X, y)  # sets up the layers and the optimizer; the weights are replaced next
    model.coefs_ = [n.W1.T.copy(), n.W2.T.copy()]
    model.intercepts_ = [n.b1.copy(), n.b2.copy()]
    model.partial_fit(X, y)
    return {"w_hidden": model.coefs_[0].T, "w_output": model.coefs_[1].T, "b_hidden": model.intercepts_[0],
            "b_output": model.intercepts_[1]}


def _sklearn_source_and_loss(n: OtherBooks) -> bool:
    """scikit-learn's own code: deltas[last] = activations[-1] - y, and its squared loss is E / n_out."""
    pytest.importorskip("sklearn")
    from sklearn.neural_network import _base, _multilayer_perceptron

    source = inspect.getsource(_multilayer_perceptron.BaseMultilayerPerceptron._backprop)
    return ("deltas[last] = activations[-1] - y" in source
            and _close(_base.squared_loss(n.d[None, :], n.y[None, :]), n.E / len(n.d)))


def _nielsen_deltas(n: OtherBooks) -> tuple[np.ndarray, np.ndarray]:
    dL = (n.y - n.d) * n.df2(n.v2)  # delta^L = (a^L - y) ⊙ sigma'(z^L), Nielsen's y being the target
    return dL, (n.W2.T @ dL) * n.df1(n.v1)  # delta^l = ((w^{l+1})^T delta^{l+1}) ⊙ sigma'(z^l)


def _goodfellow_back(n: OtherBooks) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    g2 = -(n.d - n.f2(n.v2)) * n.df2(n.v2)  # g = grad_{a^(2)} J for J = E
    g_h = n.W2.T @ g2  # g <- grad_{h^(1)} J = W^(2)T g
    return g2, g_h, g_h * n.df1(n.v1)  # then g <- g ⊙ f'(a^(1))


def _haykin_bias_as_weight(n: OtherBooks) -> bool:
    x1 = np.append(n.x, 1.0)  # the fixed input +1
    return _close(np.column_stack([n.W1, n.b1]) @ x1, n.v1) and \
        _close(np.column_stack([n.W2, n.b2]) @ np.append(n.y_h, 1.0), n.v2)


def _batch(n: OtherBooks) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([n.x, [0.0, 0.0], [-1.0, 2.0]])
    fields = [np.array(oracle.forward(n.ex, row.tolist())["v_hidden"]) for row in X]
    return X, np.array(fields)


def _batch_layouts(n: OtherBooks) -> bool:
    X, fields = _batch(n)
    torch_weight, sklearn_coefs = n.W1.copy(), np.ascontiguousarray(n.W1.T)  # as each library stores the layer
    return _close(X @ torch_weight.T + n.b1, fields) and _close(X @ sklearn_coefs + n.b1, fields)


def _mse_is_mean_of_e2(n: OtherBooks) -> bool:
    mse = float(np.mean(n.e ** 2))
    return _close(mse, 2 * n.E / len(n.e)) and (len(n.e) != 1 or not _close(mse, n.E))


# (tab, the formula as the page writes it, its check). "" is the text above the tabs. The checks return True when
# the source's formula, transcribed into numpy, gives the oracle's numbers (or the finite-difference gradient).
OTHER_BOOKS = [
    ("", r"Haykin uses $e = d - y$ and $\delta = -\partial E/\partial v$ with updates $+\eta\,\delta\cdots$",
     lambda n: _fd(n.delta2, -n.grad_fields()[0]) and _fd(n.delta1, -n.grad_fields()[2])
     and _fd(n.dW2, -n.eta * n.grad("w_output")) and _fd(n.dW1, -n.eta * n.grad("w_hidden"))),
    ("", r"most modern texts and libraries use $\delta = \partial E/\partial v$ (or a gradient $g$) and subtract",
     lambda n: _fd(-n.delta2, n.grad_fields()[0]) and _fd(n.W2 - n.eta * n.grad("w_output"), n.new["w_output"])),
    # the column "the slides / backprop", the same in each tab
    ("*", r"| $e_j = d_j - y_j$; $\delta_j = e_j f'(v_j)$ |",
     lambda n: _close(n.d - n.y, n.e) and _close(n.e * n.df2(n.v2), n.delta2)),
    ("*", r"| $w \leftarrow w + \eta\,\delta\,y$ |",
     lambda n: _close(n.W2 + n.eta * np.outer(n.delta2, n.y_h), n.new["w_output"])
     and _close(n.W1 + n.eta * np.outer(n.delta1, n.x), n.new["w_hidden"])),
    ("Haykin", r"$y_j(n) = \varphi_j(v_j(n))$", lambda n: _close(n.f2(n.v2), n.y) and _close(n.f1(n.v1), n.y_h)),
    ("Haykin", r"bias $b_j = w_{j0}$ on a fixed input $+1$", _haykin_bias_as_weight),
    ("Haykin", r"$e_j(n) = d_j(n) - y_j(n)$", lambda n: _close(n.d - n.y, n.e)),
    ("Haykin", r"local gradient $\delta_j(n) = e_j(n)\,\varphi_j'(v_j(n))$",
     lambda n: _close(n.e * n.df2(n.v2), n.delta2) and _fd(n.e * n.df2(n.v2), -n.grad_fields()[0])),
    ("Haykin", r"hidden: $\varphi_j'(v_j(n)) \sum_k \delta_k(n)\, w_{kj}(n)$",  # j hidden, k the outputs
     lambda n: _close([n.df1(n.v1[j]) * sum(n.delta2[k] * n.W2[k, j] for k in range(len(n.d))) for j in range(3)],
                      n.delta1)),
    ("Haykin", r"$\Delta w_{ji}(n) = \eta\,\delta_j(n)\,y_i(n)$",  # y_i: the hidden outputs, or the inputs
     lambda n: _close(n.eta * np.outer(n.delta2, n.y_h), n.dW2) and _close(n.eta * np.outer(n.delta1, n.x), n.dW1)),
    ("Nielsen", r"$z^l = w^l a^{l-1} + b^l$",
     lambda n: _close(n.W1 @ n.x + n.b1, n.v1) and _close(n.W2 @ n.y_h + n.b2, n.v2)),
    ("Nielsen", r"$a^l = \sigma(z^l)$", lambda n: _close(n.f1(n.v1), n.y_h) and _close(n.f2(n.v2), n.y)),
    ("Nielsen", r"$\delta^l = \partial C/\partial z^l$ (**opposite sign**)",
     lambda n: _fd(_nielsen_deltas(n)[0], n.grad_fields()[0]) and _fd(_nielsen_deltas(n)[1], n.grad_fields()[2])),
    ("Nielsen", r"$\delta^L = (a^L - y) \odot \sigma'(z^L)$", lambda n: _close(_nielsen_deltas(n)[0], -n.delta2)),
    ("Nielsen", r"$\delta^l = ((w^{l+1})^\top \delta^{l+1}) \odot \sigma'(z^l)$",
     lambda n: _close(_nielsen_deltas(n)[1], -n.delta1)),
    ("Nielsen", r"$w \leftarrow w - \eta\, \delta^l (a^{l-1})^\top$",
     lambda n: _close(n.W2 - n.eta * np.outer(_nielsen_deltas(n)[0], n.y_h), n.new["w_output"])
     and _close(n.W1 - n.eta * np.outer(_nielsen_deltas(n)[1], n.x), n.new["w_hidden"])),
    ("Goodfellow et al.", r"$a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}$",
     lambda n: _close(n.b1 + n.W1 @ n.x, n.v1) and _close(n.b2 + n.W2 @ n.y_h, n.v2)),
    ("Goodfellow et al.", r"$h^{(k)} = f(a^{(k)})$", lambda n: _close(n.f1(n.v1), n.y_h) and _close(n.f2(n.v2), n.y)),
    ("Goodfellow et al.", r"gradient $g = \nabla_{a^{(k)}} J$ (**opposite sign**)",
     lambda n: _fd(_goodfellow_back(n)[0], n.grad_fields()[0]) and _close(_goodfellow_back(n)[0], -n.delta2)),
    ("Goodfellow et al.", r"going back, $g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)\top} g$, "
                          r"then $g \leftarrow g \odot f'(a^{(k-1)})$",
     lambda n: _fd(_goodfellow_back(n)[1], n.grad_fields()[1]) and _fd(_goodfellow_back(n)[2], n.grad_fields()[2])
     and _close(_goodfellow_back(n)[2], -n.delta1)),
    ("Goodfellow et al.", r"$\nabla_{W^{(k)}} J = g\, h^{(k-1)\top}$, subtracted",
     lambda n: _fd(np.outer(_goodfellow_back(n)[0], n.y_h), n.grad("w_output"))
     and _fd(np.outer(_goodfellow_back(n)[2], n.x), n.grad("w_hidden"))
     and _close(n.W1 - n.eta * np.outer(_goodfellow_back(n)[2], n.x), n.new["w_hidden"])),
    ("MATLAB", r"net input $n = Wp + b$", lambda n: _close(n.W1 @ n.x + n.b1, n.v1)),
    ("MATLAB", r"$a = f(n)$, e.g. `a = logsig(n)`", lambda n: _close(n.f1(n.v1), n.y_h)),
    ("MATLAB", r"`net.IW{1,1}` ($S^1 \times R$) = `w_hidden`, `net.LW{2,1}` ($S^2 \times S^1$) = `w_output`",
     lambda n: n.W1.shape == (len(n.y_h), len(n.x)) and n.W2.shape == (len(n.y), len(n.y_h))),
    ("MATLAB", r"$e = t - y$ with targets $t$ (`gsubtract(t, y)`), the slides' sign", lambda n: _close(n.d - n.y, n.e)),
    ("MATLAB", r"the default performance function `mse` is the **mean** of $e^2$, without the $\tfrac12$",
     _mse_is_mean_of_e2),
    ("PyTorch", r"`nn.Linear(in_features, out_features)` computes $x W^\top + b$",
     lambda n: _close(n.x[None, :] @ n.W1.T + n.b1, n.v1[None, :])),
    ("PyTorch", r"`weight` shape `(out_features, in_features)`: row = receiving, like `w_hidden`",
     lambda n: n.W1.shape == (len(n.v1), len(n.x))),
    ("PyTorch", r"autograd's `.grad` $= \partial E/\partial\theta$ (**opposite sign**)",
     lambda n: all(_fd(n.grad(k), -np.array(n.it[f"d{k[0]}{k[1:]}"]) / n.eta)
                   for k in ("w_output", "b_output", "w_hidden", "b_hidden"))),
    ("PyTorch", r"`nn.MSELoss` is the **mean** of $e^2$, without the $\tfrac12$", _mse_is_mean_of_e2),
    ("PyTorch", r"`optimizer.step()`: $\theta \leftarrow \theta - \eta\,\partial E/\partial\theta$",
     lambda n: all(_fd(np.array(n.ex[k]) - n.eta * n.grad(k), n.new[k])
                   for k in ("w_output", "b_output", "w_hidden", "b_hidden"))),
    ("scikit-learn", r"`X @ coefs_[0] + intercepts_[0]`, samples in rows",
     lambda n: _close(_batch(n)[0] @ n.W1.T + n.b1, _batch(n)[1])),
    ("scikit-learn", r"`deltas[last] = y_pred - y` (**opposite sign**); loss $\tfrac12$ mean of $e^2$",
     lambda n: _close(n.y - n.d, -n.e) and (n.ex["output"] != "purelin" or _close(n.y - n.d, -n.delta2))
     and _sklearn_source_and_loss(n)),
    ("scikit-learn", r"solvers `sgd`, `adam`, `lbfgs` subtract the gradient",
     # on the one-output network, whose squared loss is E itself (with two outputs it is E / 2)
     lambda n: len(n.d) > 1 or all(_close(v, n.new[k]) for k, v in _sklearn_sgd_step(n).items())),
    ("note", r"write the layer as $X W^\top + b$ (PyTorch, which stores $W$ like us) or $X W + b$ (scikit-learn, "
             r"which stores $W^\top$)",
     lambda n: _batch_layouts(n)),
]


def notation_tabs() -> dict[str, str]:
    """The text above the tabs (""), each tab's text by its name, and the note after them ("note")."""
    text = (DOCS / "notation.md").read_text(encoding="utf-8")
    section = text[text.index("## Other books and libraries"):text.index("### The layouts, computed")]
    parts = re.split(r'^=== "(.*?)"\n', section, flags=re.M)
    tabs = {"": parts[0], **dict(zip(parts[1::2], parts[2::2]))}
    last = list(tabs)[-1]
    tabs[last], _, tabs["note"] = tabs[last].partition('!!! note "Row vectors and transposes"')
    return tabs


@cache
def other_books_nets() -> tuple[OtherBooks, OtherBooks]:
    return OtherBooks(2, "tansig"), OtherBooks(1, "purelin")  # the second as scikit-learn's identity output


@pytest.mark.parametrize("tab, formula, check", OTHER_BOOKS, ids=lambda v: v if isinstance(v, str) else "")
def test_notation_other_books_formulas_give_our_numbers(tab, formula, check):
    """Each source's formula is on the page in its tab, and, transcribed into numpy, gives the oracle's iteration
    (with the opposite sign where the page says so) on a 2-3-2 tansig-output and a 2-3-1 linear-output network."""
    tabs = notation_tabs()
    for name in ([n for n in tabs if n not in ("", "note")] if tab == "*" else [tab]):
        assert norm_tex(formula) in norm_tex(tabs[name]), (name, formula)
    for net in other_books_nets():
        assert check(net), (tab, formula, net.ex["output"])


def test_notation_other_books_every_formula_is_checked():
    """Every math span with = or a left arrow in the tabs (and the text around them) is in a checked formula."""
    tabs = notation_tabs()
    assert set(tabs) == {"", "Haykin", "Nielsen", "Goodfellow et al.", "MATLAB", "PyTorch", "scikit-learn", "note"}
    checked = {(tab, span) for tab, formula, _ in OTHER_BOOKS for span in re.findall(r"\$[^$]+\$", formula)}
    for tab, text in tabs.items():
        for span in re.findall(r"\$[^$]+\$", text):
            if re.search(r"=|\\leftarrow", span):
                assert (tab, span) in checked or ("*", span) in checked, (tab, span)


def test_notation_other_books_checks_can_fail():
    """A slipped sign or a missing factor is refused: Nielsen's delta^L with the slides' sign, Goodfellow's step
    without f', Haykin's hidden sum over the wrong index, PyTorch's step added instead of subtracted."""
    n = other_books_nets()[0]
    assert not _close((n.d - n.y) * n.df2(n.v2), -n.delta2)
    assert not _fd(_goodfellow_back(n)[1], n.grad_fields()[2])
    assert not _close([n.df1(n.v1[j]) * sum(n.delta2[k] * n.W2[k, k] for k in range(2)) for j in range(3)], n.delta1)
    assert not _fd(n.W2 + n.eta * n.grad("w_output"), n.new["w_output"])
    assert not _close(np.mean(n.e ** 2) / 2, 2 * n.E / len(n.e))


# The table "Slides, matrix form and package names": each row's package expressions, evaluated on the worked
# example, give the oracle's value of the row's symbol, with the shape the row states; its equations hold.
SYMBOL_ROWS = {  # the slides' column -> the oracle's value(s) of the row, in the order of the package column
    r"$x_k$": lambda it: [it["x"], it["x"]],
    r"$w_{ik}$": lambda it: [WORKED["w_hidden"]],
    r"$b_i$": lambda it: [WORKED["b_hidden"]],
    r"$v_i$": lambda it: [it["v_hidden"]],
    r"$y_{hi} = f(v_i)$": lambda it: [[oracle.F[it["hidden"]](v) for v in it["v_hidden"]]],  # y_hi = f(v_i)
    r"$w_{ji}$ (the slides' $w_{4i}$)": lambda it: [WORKED["w_output"]],
    r"$b_j$ ($b_4$)": lambda it: [WORKED["b_output"]],
    r"$v_j$ ($v_4$)": lambda it: [it["v_output"]],
    r"$y_j$ ($y$)": lambda it: [it["y_output"]],
    r"$d_j$, $e_j = d_j - y_j$": lambda it: [D, [d - y for d, y in zip(D, it["y_output"])]],  # e_j = d_j - y_j
    r"$E = \tfrac12 e^2$": lambda it: [0.5 * it["e"] ** 2],  # E = e^2 / 2
    r"$f'(v_i)$, $f'(v_j)$": lambda it: [it["fp_hidden"], it["fp_output"]],
    r"$\delta_j$, $\delta_i$": lambda it: [it["delta_output"], it["delta_hidden"]],
    r"$\eta$": lambda it: [ETA],
    r"$\Delta w_{ji}$, $\Delta b_j$, $\Delta w_{ik}$, $\Delta b_i$":
        lambda it: [it["dw_output"], it["db_output"], it["dw_hidden"], it["db_hidden"]],
    "logsig, purelin (and $\\tanh$)": None,  # names, no value
}


def test_notation_symbol_table_names_the_oracles_values():
    """Each `backprop` expression of the table, on the worked example, is the oracle's value of the slides' symbol
    in its row (y_hi computed as f(v_i), e_j as d_j - y_j, E as e^2 / 2), with the row's shape."""
    from backprop import forward as package_forward
    from backprop import rules

    text = (DOCS / "notation.md").read_text(encoding="utf-8")
    rows = table_rows(text, "slides")
    assert [row[0] for row in rows] == list(SYMBOL_ROWS)
    it = oracle.iteration(EX)
    net = Network(**{k: np.array(v, dtype=float) if k[:2] in ("w_", "b_") else v for k, v in WORKED.items()})
    x, d, eta = np.array(X), np.array(D), ETA
    fp = package_forward(net, x)
    namespace = {"fp": fp, "net": net, "x": x, "d": d, "eta": eta, **{n: getattr(rules, n) for n in dir(rules)}}
    for slides, _matrix, package, shape in rows:
        expected = SYMBOL_ROWS[slides]
        if expected is None:
            assert package == '`"logsig"`, `"tansig"`, `"purelin"`'
            continue
        exprs = re.findall(r"`([^`]+)`", package)
        values = [eval(expr, namespace) for expr in exprs]  # the page's own code column
        values = [v(fp, d, eta) if callable(v) else v for v in values]  # the four rule functions
        shapes = [ast.literal_eval(s) for s in re.findall(r"\([\d, ]*\)", shape)]
        for k, (value, want) in enumerate(zip(values, expected(it), strict=True)):
            np.testing.assert_allclose(value, want, rtol=1e-12, atol=1e-15, err_msg=f"{slides}: {exprs[k]}")
            if shapes:  # one shape for the row, or one per expression
                assert np.shape(value) == shapes[min(k, len(shapes) - 1)], (slides, exprs[k], shape)
            elif shape == "scalar":
                assert np.ndim(value) == 0, (slides, exprs[k])
            else:
                assert shape == "as the parameter" and np.shape(value) == np.shape(getattr(net, exprs[k][6:])), slides


# --- common-mistakes.md ------------------------------------------------------------------------------------------


def test_mistakes_page_has_no_display_equations():
    """Its equations are inline, each checked below or by the tests above; a display added later must be listed."""
    assert markdown_displays("common-mistakes") == []
    assert markdown_displays("index") == []


def test_mistakes_page_derivative_bounds_and_slips():
    """logsig f' = f(1 - f) <= 1/4 and tansig f' = 1 - f^2 <= 1, so 1/f' is at least 4 and 1; the slips f(1 + f) and
    1 + y^2 are not the derivatives; a linear output has f' = 1."""
    page = "common-mistakes"
    assert markdown_says(page, r"at least $4$ for logsig, whose $f'(v_i) = f(v_i)\big(1 - f(v_i)\big) \le \tfrac14$, "
                               r"and at least $1$ for tansig, whose $f'(v_i) = 1 - f(v_i)^2 \le 1$")
    t = sp.Symbol("t", real=True)
    sig = 1 / (1 + sp.exp(-t))
    assert sp.simplify(sp.diff(sig, t) - sig * (1 - sig)) == 0
    assert sp.simplify(sp.diff(sp.tanh(t), t) - (1 - sp.tanh(t) ** 2)) == 0
    Yv = sp.Symbol("Y", real=True)
    assert sp.maximum(Yv * (1 - Yv), Yv, sp.Interval(0, 1)) == sp.Rational(1, 4)
    assert sp.maximum(1 - Yv**2, Yv, sp.Interval(-1, 1)) == 1
    assert markdown_says(page, r"written $f(v)(1 + f(v))$ instead of $f(v)(1 - f(v))$, and the tansig derivative "
                               r"written $1 + y^2$ instead of $1 - y^2$")
    assert sp.simplify(sp.diff(sig, t) - sig * (1 + sig)) != 0
    assert sp.simplify(sp.diff(sp.tanh(t), t) - (1 + sp.tanh(t) ** 2)) != 0
    assert markdown_says(page, r"with $f(v_4) = v_4$ it is $1$") and sp.diff(t, t) == 1


def test_mistakes_page_sign_of_the_error():
    """+eta e ... because e = d - y: -eta dE/dy = eta e, the two minus signs (gradient descent, de/dy = -1) cancel."""
    assert markdown_says("common-mistakes", r"The rules are $\Delta\theta = +\eta\, e \cdots$ **because** $e = d - y$: "
                                            r"the minus of gradient descent and the minus of $\partial e/\partial y = "
                                            r"-1$ cancel")
    d_s, y_s = sp.symbols("d y", real=True)
    assert sp.diff(d_s - y_s, y_s) == -1
    assert sp.expand(-ETA_S * sp.diff(sp.Rational(1, 2) * (d_s - y_s) ** 2, y_s) - ETA_S * (d_s - y_s)) == 0
    assert sp.expand(-ETA_S * sp.diff(sp.Rational(1, 2) * (y_s - d_s) ** 2, y_s) - ETA_S * (y_s - d_s)) != 0


def test_mistakes_page_sum_over_outputs():
    """delta_i = f'(v_i) sum_j e_j f'(v_j) w_ji is -dE/dv_i of a network with two tansig outputs: the symbolic
    derivative of E through both outputs, at a point."""
    assert markdown_says("common-mistakes", r"$\delta_i = f'(v_i) \sum_j e_j f'(v_j) w_{ji}$")
    net = SymbolicNet(n_out=2, output="tansig")
    for i in (1, 2, 3):
        for k in (1, 2):  # dE/dw_ik = -delta_i x_k
            delta_i = net.f(net.v[i]) * (1 - net.f(net.v[i])) * sum(
                net.e[j] * (1 - sp.tanh(net.v[j]) ** 2) * net.w[j, i] for j in net.outs)
            assert net.at(delta_i * net.x[k]) == pytest.approx(-net.slope(net.w[i, k]), rel=1e-12)
            only_first = net.f(net.v[i]) * (1 - net.f(net.v[i])) * net.e[4] * (1 - sp.tanh(net.v[4]) ** 2) * net.w[4, i]
            assert net.at(only_first * net.x[k]) != pytest.approx(-net.slope(net.w[i, k]), rel=1e-6)


def test_mistakes_page_slides_hyperbolic_rows_inline():
    page = "common-mistakes"
    x = sp.Symbol("x", positive=True)
    for tex, f, right, slide in [
        (r"$\frac{d}{dx}\coth x = -\cosh^2 x$ (it is $-\operatorname{csch}^2 x$)", sp.coth(x), -sp.csch(x) ** 2,
         -sp.cosh(x) ** 2),
        (r"$\frac{d}{dx}\cosh x = -\cosh x \coth x$ (the row meant $\operatorname{csch}$: "
         r"$\frac{d}{dx}\operatorname{csch} x = -\operatorname{csch} x \coth x$)", sp.csch(x),
         -sp.csch(x) * sp.coth(x), None),
    ]:
        assert markdown_says(page, tex), tex
        assert sp.simplify((sp.diff(f, x) - right).rewrite(sp.exp)) == 0
        if slide is not None:
            assert sp.simplify((sp.diff(f, x) - slide).rewrite(sp.exp)) != 0
    assert sp.simplify((sp.diff(sp.cosh(x), x) + sp.cosh(x) * sp.coth(x)).rewrite(sp.exp)) != 0
    assert markdown_says(page, r"The gradient check compares the rules' gradient $a = -\Delta\theta/\eta$ with the "
                               r"central difference $c = \big(E(\theta + h) - E(\theta - h)\big)/2h$")


# --- index.md ----------------------------------------------------------------------------------------------------


def test_home_page_error_cost_and_gradient_step():
    """e = d - y and E = e^2/2 are the oracle's; Delta w = -eta dE/dw is the oracle's update of every parameter
    (central differences of the oracle's cost)."""
    assert markdown_says("index", r"the error is $e = d - y$ and the cost is $E = \tfrac12 e^2$. Each weight and "
                                  r"bias then takes a step against the gradient, "
                                  r"$\Delta w = -\eta\, \partial E / \partial w$")
    it = oracle.iteration(EX)
    assert it["e"] == D[0] - it["y"] and it["E"] == pytest.approx(0.5 * (D[0] - it["y"]) ** 2, rel=1e-15)
    slopes = finite_differences(WORKED, X, D)
    assert [-ETA * g for g in flat(slopes)] == pytest.approx(flat(updates(WORKED, X, D, ETA)), abs=1e-8)
    assert flat(updates(WORKED, X, D, ETA)) == pytest.approx(
        flat({"w_output": it["dw_output"], "b_output": it["db_output"], "w_hidden": it["dw_hidden"],
              "b_hidden": it["db_hidden"]}), rel=1e-12, abs=1e-15)
