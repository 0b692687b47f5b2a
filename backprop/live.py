"""The HTML of the live worked example (docs/live-example.md): its input fields and the steps of one iteration.

The page computes in the browser (docs/javascripts/backprop-engine.js, live.js, and live-homework.js for "Check my
homework"); this module only writes the places they fill in. Each step is a ``<div class="bp-step" data-step=KEY>``
with its formula, typeset at build time like every formula of the site, and an empty ``data-num=KEY`` span for the
numbers. The keys are the names ``python -m backprop trace`` prints (``v1``, ``y_h1``, ``Δw41``, ``w41(n+1)``, ...),
so live.js, the homework check and the CLI speak of the same steps. Where a formula depends on an activation, every
variant is written and the page shows the one selected (``data-when="hidden:tansig"``).
"""

from __future__ import annotations

import json
import re
from html import escape

from . import homework, show
from .network import Network

ACTIVATIONS = ("logsig", "tansig", "purelin")
HIDDEN = (1, 2, 3)
INPUTS = (1, 2)


def math(tex: str) -> str:
    """Inline TeX, typeset at build time like every formula of the site."""
    return f'<span class="arithmatex">\\({escape(tex, quote=False)}\\)</span>'


def _variants(net: Network, layer: str, texs: dict[str, str]) -> str:
    """One formula per activation of ``layer`` ("hidden" or "output"); all but the network's own are hidden."""
    return "".join(f'<span data-when="{layer}:{act}"{"" if act == getattr(net, layer) else " hidden"}>'
                   f'{math(tex)}</span>' for act, tex in texs.items())


def _linear_or_not(net: Network, linear_tex: str, other_tex: str) -> str:
    """The slides' form for a linear output (where f'(v_4) = 1), and the general one for any other."""
    lin = net.output == "purelin"
    return (f'<span data-when="output:purelin"{"" if lin else " hidden"}>{math(linear_tex)}</span>'
            f'<span data-when="output:other"{" hidden" if lin else ""}>{math(other_tex)}</span>')


def _step(key: str, formula: str, fd: bool = False) -> str:
    """One step: its formula, then the live numbers (and, for an update, its finite difference and how far that is
    from the update's value, which live.js writes as ``show.apart`` writes the gap)."""
    fd_html = (f'<span class="bp-step__fd">finite difference: <span data-fd="{key}"></span>'
               f'<span data-fd-gap="{key}"></span></span>') if fd else ""
    return (f'<div class="bp-step" data-step="{escape(key)}"><span class="bp-step__tex">{formula}</span> '
            f'<span class="bp-step__num" data-num="{escape(key)}"></span>{fd_html}</div>')


#: Said above each group of steps while they show the numbers of an earlier input (live.js shows it then): a field
#: refused, or numbers the page cannot show (an overflow, a digit of a double's rounding).
STALE = ("These numbers are those of the last input the page could show, not of the fields above: the status at the "
         "top says why.")


def _steps(steps: list[str]) -> str:
    return "\n".join(['<div class="bp-live bp-steps">', f'<p class="bp-steps__stale" hidden>{STALE}</p>', *steps,
                      "</div>"])


def _field(name: str, label: str, value: float) -> str:
    text = repr(float(value))  # every digit of the number, written as a person types it: 2, not 2.0 (as show.given)
    text = text.removesuffix(".0")
    return (f'<div class="bp-field"><label for="bp-in-{name}">{label}</label>'
            f'<input id="bp-in-{name}" name="{name}" type="text" autocomplete="off" '
            f'spellcheck="false" value="{text}" data-param="{name}">'
            f'<span class="bp-field__msg" id="bp-in-{name}-msg"></span></div>')


def _select(net: Network, layer: str, label: str) -> str:
    options = "".join(f'<option value="{a}"{" selected" if a == getattr(net, layer) else ""}>{a}</option>'
                      for a in ACTIVATIONS)
    return (f'<div class="bp-field"><label for="bp-in-{layer}">{label}</label>'
            f'<select id="bp-in-{layer}" name="{layer}" data-param="{layer}">{options}</select></div>')


def inputs(net: Network, x, d: float, eta: float) -> str:
    """The form: the sample, the 13 parameters at time n and the two activations, filled with the given example."""
    hidden = "".join(_field(f"w{i}{k}", f"w<sub>{i}{k}</sub>", net.w_hidden[i - 1, k - 1])
                     for i in HIDDEN for k in INPUTS)
    hidden += "".join(_field(f"b{i}", f"b<sub>{i}</sub>", net.b_hidden[i - 1]) for i in HIDDEN)
    output = "".join(_field(f"w4{i}", f"w<sub>4{i}</sub>", net.w_output[0, i - 1]) for i in HIDDEN)
    output += _field("b4", "b<sub>4</sub>", net.b_output[0])
    return f"""<div id="bp-live" class="bp-live bp-live--inputs">
<noscript><p>This page needs JavaScript to compute; the other pages show the same example without it.</p></noscript>
<form class="bp-live__inputs" id="bp-live-form" novalidate>
<fieldset><legend>The sample</legend>
{_field("x1", "x<sub>1</sub>", x[0])}{_field("x2", "x<sub>2</sub>", x[1])}{_field("d", "d (target)", d)}
{_field("eta", "η (learning rate)", eta)}
</fieldset>
<fieldset><legend>Hidden neurons 1, 2, 3 at time n</legend>{hidden}</fieldset>
<fieldset><legend>Output neuron 4 at time n</legend>{output}</fieldset>
<fieldset><legend>Activations</legend>
{_select(net, "hidden", "hidden layer f(v<sub>i</sub>)")}{_select(net, "output", "output f(v<sub>4</sub>)")}
</fieldset>
<div class="bp-live__buttons">
<button type="button" class="bp-button" id="bp-reset">Reset to the site's example</button>
<button type="button" class="bp-button bp-button--primary" id="bp-apply">Apply the update (n → n+1)</button>
</div>
<p class="bp-live__status" id="bp-live-status"></p>
<div class="bp-live__announce" id="bp-live-announce" role="status" aria-live="polite"></div>
</form>
</div>
"""


def forward_steps(net: Network) -> str:
    r"""v_i, y_{hi}, v_4, y, e and E."""
    steps = [_step(f"v{i}", math(f"v_{i} = w_{{{i}1}} x_1 + w_{{{i}2}} x_2 + b_{i}")) for i in HIDDEN]
    steps += [_step(f"y_h{i}", _variants(net, "hidden", {
        a: f"y_{{h{i}}} = f(v_{i}) = " + show.f_tex(a, f"v_{i}") for a in ACTIVATIONS})) for i in HIDDEN]
    steps += [
        _step("v4", math(r"v_4 = w_{41} y_{h1} + w_{42} y_{h2} + w_{43} y_{h3} + b_4")),
        _step("y", _variants(net, "output", {a: "y = f(v_4) = " + show.f_tex(a, "v_4") for a in ACTIVATIONS})),
        _step("e", math("e = d - y")),
        _step("E", math(r"E = \frac{1}{2} e^2")),
    ]
    return _steps(steps)


def derivative_steps(net: Network) -> str:
    r"""f'(v_4) and the three f'(v_i), each in terms of the neuron's output, then the local gradients
    $\delta_4 = e\, f'(v_4)$ and $\delta_i = f'(v_i)\, w_{4i}\, \delta_4$ (rules 1 and 3)."""
    steps = [_step("f'(v4)", _variants(net, "output", {
        a: "f'(v_4) = " + show.f_prime_tex(a, "y") for a in ACTIVATIONS}))]
    steps += [_step(f"f'(v{i})", _variants(net, "hidden", {
        a: f"f'(v_{i}) = " + show.f_prime_tex(a, f"y_{{h{i}}}") for a in ACTIVATIONS})) for i in HIDDEN]
    steps.append(_step("δ4", math(r"\delta_4 = e\, f'(v_4)")))
    steps += [_step(f"δ{i}", math(rf"\delta_{i} = f'(v_{i})\, w_{{4{i}}}\, \delta_4")) for i in HIDDEN]
    return _steps(steps)


def rule_steps(net: Network, rule: int) -> str:
    """The updates of rule 1-4 and the new values they give, each update with its finite difference."""
    steps = []
    if rule == 1:
        for i in HIDDEN:
            steps.append(_step(f"Δw4{i}", math(rf"\Delta w_{{4{i}}} = \eta\, \delta_4\, y_{{h{i}}}"), fd=True))
            steps.append(_step(f"w4{i}(n+1)", math(rf"w_{{4{i}}}(n+1) = w_{{4{i}}}(n) + \Delta w_{{4{i}}}")))
    elif rule == 2:
        steps.append(_step("Δb4", _linear_or_not(net, r"\Delta b_4 = \eta\, \delta_4 = \eta\, (d - y)",
                                                 r"\Delta b_4 = \eta\, \delta_4"), fd=True))
        steps.append(_step("b4(n+1)", math(r"b_4(n+1) = b_4(n) + \Delta b_4")))
    elif rule == 3:
        for i in HIDDEN:
            for k in INPUTS:
                steps.append(_step(f"Δw{i}{k}", math(rf"\Delta w_{{{i}{k}}} = \eta\, \delta_{i}\, x_{k}"), fd=True))
                steps.append(_step(f"w{i}{k}(n+1)",
                                   math(rf"w_{{{i}{k}}}(n+1) = w_{{{i}{k}}}(n) + \Delta w_{{{i}{k}}}")))
    elif rule == 4:
        for i in HIDDEN:
            steps.append(_step(f"Δb{i}", math(rf"\Delta b_{i} = \eta\, \delta_{i}"), fd=True))
            steps.append(_step(f"b{i}(n+1)", math(rf"b_{i}(n+1) = b_{i}(n) + \Delta b_{i}")))
    else:
        raise ValueError(f"rule must be 1, 2, 3 or 4, got {rule!r}")
    return _steps(steps)


def after_steps() -> str:
    """y(n+1) and E(n+1): the same sample through the updated network."""
    return _steps([_step("y(n+1)", math(r"y(n+1) = f\big(v_4(n+1)\big)")),
                   _step("E(n+1)", math(r"E(n+1) = \frac{1}{2} \big(d - y(n+1)\big)^2"))])


def plot() -> str:
    """The place live.js draws the cost E(n) after each applied update, and a second Apply button under it (the one at
    the top is a long scroll away: a reader pressing it could not watch the plot), with a line that says why a press
    took no step."""
    return ('<div class="bp-live bp-plot" id="bp-plot"></div>\n<p class="bp-plot__caption" id="bp-plot-caption"></p>\n'
            '<p class="bp-plot__apply"><button type="button" class="bp-button bp-button--primary" id="bp-apply-here">'
            'Apply the update (n → n+1)</button> <span id="bp-apply-here-status"></span></p>')


def _step_label(name: str) -> str:
    """A step's name as the fields at the top write theirs, its indices as a subscript: ``y<sub>h1</sub>``,
    ``Δw<sub>41</sub>(n+1)`` (a screen reader had read "y underscore h 1")."""
    match = re.fullmatch(r"(Δ?[A-Za-z])_?(h?\d+)(.*)", name)
    return escape(name) if match is None else f"{escape(match[1])}<sub>{match[2]}</sub>{escape(match[3])}"


#: The paste box's example of an answers file: its form, not numbers of the worked example.
_PASTED = escape('{"v1": 1.234567, "dw41": -0.012345}')


def homework_form() -> str:
    """A field per step of ``homework.names()``, the paste box for an answers file, and the buttons."""
    fields = "".join(
        f'<div class="bp-field"><label for="bp-hw-{i}">{_step_label(name)}</label>'
        f'<input id="bp-hw-{i}" type="text" autocomplete="off" spellcheck="false" '
        f'data-step="{escape(name)}"><span class="bp-hw__mark" id="bp-hw-{i}-mark"></span></div>'
        for i, name in enumerate(homework.names()))
    return f"""
<div class="bp-live">
<form id="bp-hw" class="bp-hw" novalidate>
<div class="bp-hw__fields">{fields}</div>
<details class="bp-hw__paste"><summary>Or paste an answers file (as for <code>trace --check</code>)</summary>
<div class="bp-field"><label for="bp-hw-json">Your answers as JSON, six decimals each, e.g. {_PASTED}</label>
<textarea id="bp-hw-json" rows="4" spellcheck="false"></textarea>
<span class="bp-field__msg" id="bp-hw-json-msg"></span></div>
<button type="button" class="bp-button" id="bp-hw-fill">Fill in and check</button>
</details>
<div class="bp-live__buttons">
<button type="submit" class="bp-button bp-button--primary" id="bp-hw-check">Check my homework</button>
<button type="button" class="bp-button" id="bp-hw-clear">Clear my values</button>
</div>
<div class="bp-hw__result" id="bp-hw-result"></div>
<div class="bp-live__announce" id="bp-hw-announce" role="status" aria-live="polite"></div>
</form>
</div>
"""


def hints(net: Network) -> dict[str, dict[str, str]]:
    """Every mistake's hint for the page's network with each pair of activations it offers, by ``"hidden/output"``
    then name: a hint follows both activations (the sign-flipped rule has the output's $f'(v_4)$, the derivative hints
    the hidden layer's own derivative), and live-homework.js shows the one for the activations selected."""
    return {f"{hidden}/{output}": {m.name: m.hint_for(Network(net.w_hidden, net.b_hidden, net.w_output, net.b_output,
                                                               hidden=hidden, output=output))
                                   for m in homework.MISTAKES}
            for hidden in ACTIVATIONS for output in ACTIVATIONS}


def data(net: Network, x, d: float, eta: float) -> str:
    """What live.js starts from: the example, the catalogue of mistakes (with the example's hints, and every hint
    for each pair of activations, `hints`) and the homework tolerance.

    In an attribute, not a ``<script type="application/json">``: material's instant navigation re-creates the
    scripts of a page it shows without their type, and would run the JSON as JavaScript.
    """
    payload = {
        "example": {**net.to_dict(), "x": [float(v) for v in x], "d": d, "eta": eta},
        "mistakes": [{"name": m.name, "hint": m.hint_for(net)} for m in homework.MISTAKES],
        "hints": hints(net),
        "rtol": homework.RTOL,
        "atol": homework.ATOL,
        # what the check says of a value rounded to k < 6 decimals, and of values with fewer where no slip explains it
        "rounded": {k: homework.rounded_message(k) for k in range(1, show.DECIMALS)},
        "carriedDecimals": homework.CARRIED_DECIMALS,
        "fewerDecimals": homework.FEWER_DECIMALS,
        "rightWithFewer": homework.RIGHT_WITH_FEWER,  # and of right values with fewer that lose digits
    }
    return f'<div id="bp-live-data" hidden data-json="{escape(json.dumps(payload, ensure_ascii=False))}"></div>'
