"""The slides' labels (backprop.labels) against the slides' own names, typed from the slides."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Network, homework, labels


def test_the_slides_network_is_numbered_hidden_1_2_3_then_output_4():
    assert list(labels.inputs(2)) == [1, 2]
    assert list(labels.hidden_neurons(3)) == [1, 2, 3]
    assert list(labels.output_neurons(3)) == [4]
    assert list(labels.output_neurons(3, n_out=2)) == [4, 5]
    assert list(labels.output_neurons(5, n_out=2)) == [6, 7]  # always after the last hidden neuron


@pytest.mark.parametrize(("call", "label"), [
    (lambda: labels.weight(4, 1), "w_41"),
    (lambda: labels.weight(1, 2), "w_12"),
    (lambda: labels.weight(4, 1, sep=""), "w41"),
    (lambda: labels.weight(4, 10, sep=""), "w4,10"),  # two digits: a comma keeps w_{4,10} apart from w_{41,0}
    (lambda: labels.weight(11, 3), "w_11,3"),
    (lambda: labels.weight(np.int64(4), np.int64(10)), "w_4,10"),  # a reviewer's: numpy's integers read "w_410"
    (lambda: labels.weight(4, "i"), "w_4i"),
    (lambda: labels.weight("j", "i"), "w_ji"),
    (lambda: labels.weight("i", "k"), "w_ik"),
    (lambda: labels.bias(4), "b_4"),
    (lambda: labels.bias(1, sep=""), "b1"),
    (lambda: labels.bias("i"), "b_i"),
])
def test_weight_and_bias_labels(call, label):
    assert call() == label


def test_every_parameter_entry_of_the_slides_network():
    # The slides' 2-3-1 network: w_ik (rows i = 1..3, columns k = 1..2), b_1..b_3, w_41..w_43, b_4.
    want = {
        ("w_hidden", (0, 0)): "w_11", ("w_hidden", (0, 1)): "w_12", ("w_hidden", (1, 0)): "w_21",
        ("w_hidden", (1, 1)): "w_22", ("w_hidden", (2, 0)): "w_31", ("w_hidden", (2, 1)): "w_32",
        ("b_hidden", (0,)): "b_1", ("b_hidden", (1,)): "b_2", ("b_hidden", (2,)): "b_3",
        ("w_output", (0, 0)): "w_41", ("w_output", (0, 1)): "w_42", ("w_output", (0, 2)): "w_43",
        ("b_output", (0,)): "b_4",
    }
    net = Network.random(2, 3, 1, seed=0)
    assert {(name, index) for name in want_names(want) for index in np.ndindex(getattr(net, name).shape)} == set(want)
    for (name, index), label in want.items():
        assert labels.parameter(name, index, net.n_hidden) == label


def want_names(want: dict) -> set[str]:
    return {name for name, _ in want}


@pytest.mark.parametrize(("label", "tex"), [("w_41", "w_{41}"), ("w_4i", "w_{4i}"), ("b_4", "b_4"), ("b_i", "b_i"),
                                           ("w_4,10", "w_{4,10}"), ("b_12", "b_{12}")])
def test_tex_braces_a_subscript_longer_than_one_character(label, tex):
    assert labels.tex(label) == tex


def test_tex_of_names_every_entry_in_ravel_order():
    """The slides' TeX names, typed from the slides, in the order numpy.ravel lists each array's entries."""
    net = Network.random(2, 3, 1, seed=0)
    assert labels.tex_of(net, "w_hidden") == ["w_{11}", "w_{12}", "w_{21}", "w_{22}", "w_{31}", "w_{32}"]
    assert labels.tex_of(net, "b_hidden") == ["b_1", "b_2", "b_3"]
    assert labels.tex_of(net, "w_output") == ["w_{41}", "w_{42}", "w_{43}"]
    assert labels.tex_of(net, "b_output") == ["b_4"]
    wide = Network.random(2, 4, 2, seed=0)  # a second output is neuron 6 after four hidden ones
    assert labels.tex_of(wide, "w_output") == ["w_{51}", "w_{52}", "w_{53}", "w_{54}", "w_{61}", "w_{62}", "w_{63}",
                                                "w_{64}"]
    assert labels.tex_of(wide, "b_output") == ["b_5", "b_6"]


def test_a_second_output_is_neuron_5():
    assert labels.parameter("w_output", (1, 2), 3) == "w_53"
    assert labels.parameter("b_output", (1,), 3, sep="") == "b5"


def test_unknown_parameter_names_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown parameter 'w_ji'.*'w_hidden'"):
        labels.parameter("w_ji", (0, 0), 3)


def test_the_trace_uses_these_labels():
    names = homework.names(2, 3, 1)
    assert {"Δw41", "Δw43", "Δb4", "Δw12", "Δw32", "w41(n+1)", "b4(n+1)"} <= set(names)
    wide = homework.names(1, 10, 1)  # output neuron 11, hidden neuron 10: commas
    assert {"Δw11,10", "Δw10,1", "Δb11"} <= set(wide)


def test_the_numbering_the_docstrings_state():
    r"""The module's $4 = n_\text{hidden} + 1$, $i = 1, \dots, n_\text{hidden}$, outputs
    $n_\text{hidden} + 1, \dots, n_\text{hidden} + n_\text{out}$ and inputs $x_1, \dots, x_{n_\text{in}}$, and each
    function's own range, for networks of several sizes (the slides' 3 hidden neurons make 4 look like a constant)."""
    import inspect

    module = " ".join(inspect.getdoc(labels).split())
    for tex in (r"the output neuron is $4 = n_\text{hidden} + 1$", r"$i = 1, \dots, n_\text{hidden}$",
                r"output neuron $j$ is $n_\text{hidden} + 1, \dots, n_\text{hidden} + n_\text{out}$",
                r"the inputs are $x_1, \dots, x_{n_\text{in}}$"):
        assert tex in module, tex
    assert r"$1, \dots, n_\text{hidden}$" in inspect.getdoc(labels.hidden_neurons)
    assert r"after the hidden ones: $n_\text{hidden} + 1, \dots$" in inspect.getdoc(labels.output_neurons)
    assert r"$x_k$, $1, \dots, n_\text{in}$" in inspect.getdoc(labels.inputs)
    assert labels.output_neurons(3)[0] == 4 == 3 + 1
    for n_in, n_hidden, n_out in [(2, 3, 1), (1, 5, 2), (4, 2, 3)]:
        assert list(labels.hidden_neurons(n_hidden)) == [i for i in range(1, n_hidden + 1)]
        assert list(labels.output_neurons(n_hidden, n_out)) == [n_hidden + 1 + j for j in range(n_out)]
        assert list(labels.inputs(n_in)) == [k for k in range(1, n_in + 1)]


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: labels.parameter("w_hidden", (0,), 3), ValueError,
     r"^index must be the entry's index in w_hidden, a tuple of 2 whole numbers >= 0 \(numpy's, from 0\), got \(0,\)$"),
    (lambda: labels.parameter("w_hidden", (-1, 0), 3), ValueError, r"got \(-1, 0\)$"),  # was "w_01", no neuron 0
    (lambda: labels.parameter("b_output", (0.0,), 3), ValueError, r"a tuple of 1 whole number >= 0"),
    (lambda: labels.parameter("w_output", (0, 0), "3"), ValueError, r"^n_hidden must be a whole number >= 1, got '3'$"),
    (lambda: labels.parameter("x", (0,), 3), ValueError, r"^unknown parameter 'x'; the parameters are 'w_hidden'"),
    (lambda: labels.weight(4, 1, sep=None), TypeError, r"^sep must be text, '_' or '', got None$"),  # was "wNone41"
    (lambda: labels.weight(4, -1), ValueError, r"^source must be a neuron's or an input's number"),
    (lambda: labels.weight(0, 1), ValueError, r"^to must be .* \(a whole number >= 1\) or a letter, got 0$"),
    (lambda: labels.bias(0), ValueError, r"^neuron must be"),
    (lambda: labels.parameter("b_hidden", (3,), 3), ValueError,  # was "b_4", the output bias's label
     r"^index \(3,\) of b_hidden names hidden neuron 4; the network has 3$"),
    (lambda: labels.parameter("w_hidden", (3, 0), 3), ValueError, r"names hidden neuron 4"),  # was "w_41"
    (lambda: labels.parameter("w_output", (0, 3), 3), ValueError, r"names hidden neuron 4"),  # was "w_44"
    (lambda: labels.hidden_neurons(-1), ValueError, r"^n_hidden must be a whole number >= 1, got -1$"),  # was empty
    (lambda: labels.output_neurons(3, 1.5), ValueError, r"^n_out must be a whole number >= 1, got 1.5$"),
    # a code review: no network has 0 of them, and each gave an empty range
    (lambda: labels.hidden_neurons(0), ValueError, r"^n_hidden must be a whole number >= 1, got 0$"),
    (lambda: labels.inputs(0), ValueError, r"^n_in must be a whole number >= 1, got 0$"),
    (lambda: labels.output_neurons(3, 0), ValueError, r"^n_out must be a whole number >= 1, got 0$"),
    (lambda: labels.tex_of(Network.random(), "x"), ValueError, r"^unknown parameter 'x'"),  # was an AttributeError
])
def test_a_label_of_what_is_no_entry_is_refused_naming_it(call, error, message):
    """A reviewer: the labels checked nothing, so a wrong index gave a label of no entry ('w_01') or Python's own
    errors (unpacking, string concatenation, getattr)."""
    with pytest.raises(error, match=message):
        call()
    assert labels.parameter("w_hidden", (np.int64(1), np.intp(0)), 3) == "w_21"  # numpy's integers are indices too


@pytest.mark.parametrize(("call", "error", "match"), [
    (lambda: labels.tex(None), TypeError, r"^label must be text such as 'w_41', got None$"),
    (lambda: labels.tex_of({}, "w_hidden"), TypeError, r"^net must be a Network, got dict$"),
])
def test_the_tex_labels_name_a_bad_argument(call, error, match):
    """A code review: tex(None) and tex_of({}, ...) raised AttributeError from inside."""
    with pytest.raises(error, match=match):
        call()
