"""backprop.live writes the places the live page fills in: one per step of ``trace``, with the example's values."""

from __future__ import annotations

import html
import re

import numpy as np
import pytest

from backprop import Network, homework, live

NET = Network(w_hidden=np.array([[0.2, -0.4], [0.6, 0.1], [-0.3, 0.5]]), b_hidden=np.array([0.1, -0.2, 0.05]),
              w_output=np.array([[0.5, -0.6, 0.3]]), b_output=np.array([0.1]), hidden="tansig")


def steps(net: Network) -> list[str]:
    parts = [live.forward_steps(net), live.derivative_steps(net), *(live.rule_steps(net, r) for r in (1, 2, 3, 4)),
             live.after_steps()]
    return [html.unescape(k) for part in parts for k in re.findall(r'data-step="([^"]+)"', part)]


def test_one_place_per_step_the_cli_names_plus_the_derivatives_and_local_gradients():
    keys = steps(NET)
    assert len(keys) == len(set(keys))
    assert set(keys) == set(homework.names()) | {"f'(v1)", "f'(v2)", "f'(v3)", "f'(v4)", "δ1", "δ2", "δ3", "δ4"}


def test_each_step_has_a_place_for_its_numbers_and_each_update_its_finite_difference():
    text = "".join([live.forward_steps(NET), *(live.rule_steps(NET, r) for r in (1, 2, 3, 4))])
    assert re.findall(r'data-step="([^"]+)"', text) == re.findall(r'data-num="([^"]+)"', text)
    assert {html.unescape(k) for k in re.findall(r'data-fd="([^"]+)"', text)} == {
        n for n in homework.names() if n.startswith("Δ")}
    # and beside each finite difference, a place for its gap to the update's value (live.js writes it)
    assert re.findall(r'data-fd-gap="([^"]+)"', text) == re.findall(r'data-fd="([^"]+)"', text)


def test_the_network_s_own_activation_is_the_formula_shown():
    shown = re.findall(r'<span data-when="hidden:(\w+)">', live.forward_steps(NET))
    assert set(shown) == {"tansig"} and len(shown) == 3  # one y_hi each; the other activations are hidden


def all_steps(net: Network) -> str:
    return "".join([live.forward_steps(net), live.derivative_steps(net),
                    *(live.rule_steps(net, r) for r in (1, 2, 3, 4)), live.after_steps()])


def shown_before_any_script(net: Network) -> dict[str, list[str]]:
    """Each step's formulas a reader sees before live.js runs, by step: those without the ``hidden`` attribute."""
    steps = re.findall(r'<div class="bp-step" data-step="([^"]+)"><span class="bp-step__tex">(.*?)</span> ',
                       all_steps(net))
    formula = re.compile(r'(?:<span data-when="[^"]+"( hidden)?>)?<span class="arithmatex">\\\((.*?)\\\)</span>')
    return {html.unescape(key): [html.unescape(tex) for hidden, tex in formula.findall(texs) if not hidden]
            for key, texs in steps}


def selected(net: Network, when: str) -> bool:
    """Whether live.js (``showVariants``) shows the variant ``when`` for ``net``: ``layer:act`` for the network whose
    ``layer`` has activation ``act``; rule 2's ``output:purelin`` for a linear output, ``output:other`` for any
    other."""
    layer, act = when.split(":")
    return net.output != "purelin" if act == "other" else getattr(net, layer) == act


@pytest.mark.parametrize("hidden", live.ACTIVATIONS)
@pytest.mark.parametrize("output", live.ACTIVATIONS)
def test_before_any_script_each_step_shows_one_formula_the_network_s(hidden, output):
    """Each variant starts shown exactly when live.js would select it for the network the page is built with, so
    that the page before its script runs (or without it) shows the network's formulas, one per step."""
    net = Network(NET.w_hidden, NET.b_hidden, NET.w_output, NET.b_output, hidden=hidden, output=output)
    found = [(when, not off) for when, off in re.findall(r'<span data-when="([^"]+)"( hidden)?>',
                                                               all_steps(net))]
    assert found == [(when, selected(net, when)) for when, _ in found]
    assert len(found) == 3 * 3 + 3 + 3 + 3 * 3 + 2  # y_hi, y, f'(v4), f'(vi), Δb4
    shown = shown_before_any_script(net)
    assert len(shown) == 46 and all(len(texs) == 1 for texs in shown.values()), shown


def test_rule_2_starts_with_the_slides_form_for_a_linear_output_and_the_general_one_for_any_other():
    """The page's example (a linear output) shows the slides' Δb_4 = η δ_4 = η (d - y) before any script runs, a
    tansig or logsig output Δb_4 = η δ_4 alone (δ_4 = e f'(v_4) is not e there); and each output's own y and f'(v_4)."""
    for output, rule_2, y, slope in [
        ("purelin", r"\Delta b_4 = \eta\, \delta_4 = \eta\, (d - y)", r"y = f(v_4) = v_4", r"f'(v_4) = 1"),
        ("tansig", r"\Delta b_4 = \eta\, \delta_4", r"y = f(v_4) = \tanh v_4", r"f'(v_4) = 1 - y^2"),
        ("logsig", r"\Delta b_4 = \eta\, \delta_4", r"y = f(v_4) = \frac{1}{1 + e^{-v_4}}", r"f'(v_4) = y\,(1 - y)"),
    ]:
        net = Network(NET.w_hidden, NET.b_hidden, NET.w_output, NET.b_output, hidden="logsig", output=output)
        shown = shown_before_any_script(net)
        assert (shown["Δb4"], shown["y"], shown["f'(v4)"]) == ([rule_2], [y], [slope]), output
    assert shown_before_any_script(NET)["y_h1"] == [r"y_{h1} = f(v_1) = \tanh v_1"]


def test_the_fields_start_at_the_given_example():
    form = live.inputs(NET, np.array([0.8, -0.6]), 1.5, 0.25)
    values = dict(re.findall(r'name="(\w+)" type="text"[^>]*value="([^"]+)"', form))
    assert values == {"x1": "0.8", "x2": "-0.6", "d": "1.5", "eta": "0.25", "w11": "0.2", "w12": "-0.4",
                      "w21": "0.6", "w22": "0.1", "w31": "-0.3", "w32": "0.5", "b1": "0.1", "b2": "-0.2",
                      "b3": "0.05", "w41": "0.5", "w42": "-0.6", "w43": "0.3", "b4": "0.1"}
    assert '<option value="tansig" selected>' in form and '<option value="purelin" selected>' in form
    # whole numbers as a person types them (the field once started at "2.0"), and every digit of the others
    form = live.inputs(NET, np.array([2.0, -1.0]), 0.0, 0.1234567)
    values = dict(re.findall(r'name="(\w+)" type="text"[^>]*value="([^"]+)"', form))
    assert (values["x1"], values["x2"], values["d"], values["eta"]) == ("2", "-1", "0", "0.1234567")


def test_every_field_offers_the_whole_keyboard():
    """A reviewer: inputmode="decimal" (on every field) gives iPhones a pad of digits and one separator, with no minus
    sign and no e, where 13 of the 38 homework answers are negative. No field asks for a pad of numbers."""
    form = live.inputs(NET, np.array([0.8, -0.6]), 1.5, 0.25) + live.homework_form()
    inputs = re.findall(r"<input [^>]*>", form)
    assert len(inputs) == 17 + len(homework.names())
    assert all('type="text"' in tag and "inputmode" not in tag for tag in inputs)


def test_the_homework_labels_write_indices_as_subscripts():
    """A reviewer: the homework fields were labelled "y_h1", "Δw41" (a screen reader reads the underscore), where the
    fields at the top write w<sub>41</sub>. Each label is its step's name with the indices as a subscript."""
    labels = dict(re.findall(r'<label for="bp-hw-(\d+)">(.*?)</label>', live.homework_form()))
    names = homework.names()
    assert len(labels) == len(names)
    for i, name in enumerate(names):
        label = html.unescape(labels[str(i)])
        assert re.sub(r"</?sub>", "", label) == name.replace("_", ""), (name, label)
        assert "_" not in label and ("<sub>" in label) == any(c.isdigit() for c in name.removesuffix("(n+1)")), (
            name, label)
    assert labels[str(names.index("y_h1"))] == "y<sub>h1</sub>"
    assert html.unescape(labels[str(names.index("w41(n+1)"))]) == "w<sub>41</sub>(n+1)"


def test_there_are_four_rules():
    with pytest.raises(ValueError, match="rule must be 1, 2, 3 or 4, got 5"):
        live.rule_steps(NET, 5)
