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
