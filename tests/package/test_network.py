"""The Network container and the forward pass."""

from __future__ import annotations

import dataclasses
import inspect
import math
import re

import numpy as np
import pytest

from backprop import examples
from backprop.network import ForwardPass, Network, forward
from tests.support import oracle


def test_forward_pass_of_the_worked_example_against_the_oracle():
    it = oracle.iteration(oracle.load_example())  # v_i = w_i1 x1 + w_i2 x2 + b_i, y_hi = f(v_i), ... in plain math
    fp = forward(examples.NET, examples.X)
    assert isinstance(fp, ForwardPass)
    np.testing.assert_allclose(fp.v_hidden, it["v_hidden"], rtol=1e-15, atol=1e-15)
    np.testing.assert_allclose(fp.y_hidden, it["y_hidden"], rtol=1e-15)
    np.testing.assert_allclose(fp.v_output, it["v_output"], rtol=1e-15, atol=1e-15)
    np.testing.assert_allclose(fp.y_output, it["v_output"], rtol=1e-15, atol=1e-15)  # purelin: y = v4
    assert fp.net is examples.NET
    np.testing.assert_array_equal(fp.x, it["x"])


def test_forward_pass_of_a_network_worked_by_hand():
    # HAND: x = (2, 4) gives v = (1 - 1 + ln 3, -1 + 1 + 0, 1 - 1 - ln 3), so y_h = (3/4, 1/2, 1/4)
    # and v4 = 1 * 3/4 - 1/2 * 1/2 + 1/4 * 1/4 + 1/8 = 11/16
    ex = oracle.HAND
    fp = forward(Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"]), ex["x"])
    np.testing.assert_allclose(fp.v_hidden, [math.log(3), 0.0, -math.log(3)], rtol=0, atol=1e-15)
    np.testing.assert_allclose(fp.y_hidden, [0.75, 0.5, 0.25], rtol=1e-15)
    np.testing.assert_allclose(fp.v_output, [0.6875], rtol=1e-15)
    np.testing.assert_allclose(fp.y_output, [0.6875], rtol=1e-15)
    np.testing.assert_array_equal(fp.x, [2.0, 4.0])


def test_a_field_that_is_zero_by_hand_is_zero():
    """v_2 = 0.2 * 0.6 + 0.6 * (-0.2) + 0 is 0 by hand and in plain arithmetic (0.12 - 0.12), but numpy's matrix
    product fuses a multiply and an add where the machine can (FMA) and gave 6.7e-18: tanh(v_2) then had a sign, and
    a page said "Δw_42 is positive" beside a printed 0.000000. The fields are added term by term, as a student does."""
    ex = {"w_hidden": [[0.5, 0.5], [0.2, 0.6], [1.0, 0.3]], "b_hidden": [0.1, 0.0, -0.2],
          "w_output": [[0.9, -0.6, 0.5]], "b_output": [0.05], "hidden": "tansig", "output": "purelin",
          "x": [0.6, -0.2]}
    plain = oracle.forward(ex)
    assert plain["v_hidden"][1] == 0.0, "the premise: plain math gives 0"
    fp = forward(Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden="tansig"), ex["x"])
    assert fp.v_hidden[1] == 0.0 and fp.y_hidden[1] == 0.0


def test_forward_adds_as_plain_arithmetic_does():
    """Bit for bit the oracle's fields (each product rounded, then added in order, the bias last) on random networks
    of fewer than 8 inputs to a neuron (numpy adds a longer row pairwise): no fused multiply-add."""
    rng = np.random.default_rng(11)
    for n_in, n_hidden, n_out in [(2, 3, 1), (3, 5, 2), (7, 7, 3)]:
        for _ in range(50):
            sizes = {"w_hidden": (n_hidden, n_in), "b_hidden": n_hidden, "w_output": (n_out, n_hidden),
                     "b_output": n_out, "x": n_in}
            ex = {name: rng.normal(size=size).tolist() for name, size in sizes.items()}
            plain = oracle.forward(ex)
            net = Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden="tansig")
            fp = forward(net, ex["x"])
            assert fp.v_hidden.tolist() == plain["v_hidden"]
            # v_j from the oracle's own y_hi: numpy's tanh and math.tanh may differ in the last bit
            v_j = [sum(w * y for w, y in zip(row, fp.y_hidden.tolist())) + b
                   for row, b in zip(ex["w_output"], ex["b_output"])]
            assert fp.v_output.tolist() == v_j


@pytest.mark.parametrize(("hidden", "output"), [("tansig", "logsig"), ("purelin", "tansig"), ("logsig", "logsig")])
def test_forward_with_other_activations_and_several_outputs(hidden, output):
    rng = np.random.default_rng(3)
    w_ik, b_i, w_ji, b_j = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    x = rng.normal(size=3)
    f = {"logsig": lambda v: [1 / (1 + math.exp(-t)) for t in v], "tansig": lambda v: [math.tanh(t) for t in v],
         "purelin": list}
    v_i = [sum(w_ik[i, k] * x[k] for k in range(3)) + b_i[i] for i in range(4)]
    y_h = f[hidden](v_i)
    v_j = [sum(w_ji[j, i] * y_h[i] for i in range(4)) + b_j[j] for j in range(2)]
    fp = forward(Network(w_ik, b_i, w_ji, b_j, hidden=hidden, output=output), x)
    assert (fp.v_hidden.shape, fp.y_hidden.shape, fp.v_output.shape, fp.y_output.shape) == ((4,), (4,), (2,), (2,))
    np.testing.assert_allclose(fp.v_hidden, v_i, rtol=1e-13)
    np.testing.assert_allclose(fp.y_output, f[output](v_j), rtol=1e-13)


def test_sizes():
    net = Network.random(5, 7, 2)
    assert (net.n_in, net.n_hidden, net.n_out) == (5, 7, 2)
    assert net.w_hidden.shape == (7, 5) and net.b_hidden.shape == (7,)
    assert net.w_output.shape == (2, 7) and net.b_output.shape == (2,)
    assert (examples.NET.n_in, examples.NET.n_hidden, examples.NET.n_out) == (2, 3, 1)


def test_random_is_reproducible_and_in_range():
    a, b, c = Network.random(2, 3, 1, seed=4), Network.random(2, 3, 1, seed=4), Network.random(2, 3, 1, seed=5)
    assert a == b
    assert a != c
    net = Network.random(4, 9, 1, seed=0)
    assert np.all(np.abs(net.w_hidden) <= 1 / math.sqrt(4)) and np.all(np.abs(net.b_hidden) <= 1 / math.sqrt(4))
    assert np.all(np.abs(net.w_output) <= 1 / math.sqrt(9)) and np.all(np.abs(net.b_output) <= 1 / math.sqrt(9))
    assert Network.random(hidden="tansig", output="logsig").hidden == "tansig"
    # the default seed is 0, as the signature says: no seed given, the same network each time (a mutation audit)
    assert Network.random() == Network.random() == Network.random(2, 3, 1, seed=0)


def test_to_dict_round_trip():
    net = Network.random(2, 3, 2, seed=1, hidden="tansig")
    d = net.to_dict()
    assert set(d) == {"w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output"}
    assert isinstance(d["w_hidden"], list) and isinstance(d["w_hidden"][0][0], float)
    assert Network(**d) == net


def test_network_is_immutable():
    net = Network.random(seed=0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        net.w_hidden = np.zeros((3, 2))  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        net.hidden = "tansig"  # type: ignore[misc]
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        arr = getattr(net, name)
        assert not arr.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            arr[0] = 1.0


def test_network_copies_what_it_is_given():
    w_ik, b_i, w_ji, b_j = np.ones((3, 2)), np.zeros(3), np.ones((1, 3)), np.zeros(1)
    net = Network(w_ik, b_i, w_ji, b_j)
    assert w_ik.flags.writeable  # the caller's array is left writable...
    w_ik[0, 0] = 5.0  # ...and changing it does not change the network
    assert net.w_hidden[0, 0] == 1.0
    assert not np.shares_memory(net.b_hidden, b_i)


def test_network_accepts_lists_and_ints():
    net = Network([[1, 2]], [0], [[3]], [1])
    assert net.w_hidden.dtype == np.float64
    assert forward(net, [1, 1]).y_output[0] == pytest.approx(3 / (1 + math.exp(-3)) + 1, rel=1e-15)


def test_forward_does_not_modify_x():
    x = np.array([0.75, -1.25])
    fp = forward(examples.NET, x)
    np.testing.assert_array_equal(x, [0.75, -1.25])
    assert x.flags.writeable
    assert not np.shares_memory(fp.x, x)


# --- the equations the docstrings show (the API reference renders them) ---------------------------------

F_PLAIN = {"logsig": lambda v: 1 / (1 + math.exp(-v)), "tansig": math.tanh, "purelin": lambda v: v}

# The forward pass as the module docstring and ForwardPass's attributes write it, one quantity per TeX, computed
# here in plain math from the weights (w_ik = w_hidden[i][k], w_ji = w_output[j][i]) and what comes before it.
FORWARD_EQUATIONS = [
    (r"v_i = \sum_k w_{ik} x_k + b_i", "v_hidden",
     lambda n, x, q: [sum(n["w_hidden"][i][k] * x[k] for k in range(len(x))) + n["b_hidden"][i]
                      for i in range(len(n["b_hidden"]))]),
    (r"y_{hi} = f(v_i)", "y_hidden", lambda n, x, q: [F_PLAIN[n["hidden"]](v) for v in q["v_hidden"]]),
    (r"v_j = \sum_i w_{ji} y_{hi} + b_j", "v_output",
     lambda n, x, q: [sum(n["w_output"][j][i] * q["y_hidden"][i] for i in range(len(q["y_hidden"])))
                      + n["b_output"][j] for j in range(len(n["b_output"]))]),
    (r"y_j = f(v_j)", "y_output", lambda n, x, q: [F_PLAIN[n["output"]](v) for v in q["v_output"]]),
]


def forward_matches(equations, seed: int, hidden: str, output: str) -> bool:
    net = Network.random(3, 4, 2, seed=seed, hidden=hidden, output=output)
    x = np.random.default_rng(seed).uniform(-2, 2, 3)
    plain, q = net.to_dict(), {}
    for _, attr, formula in equations:
        q[attr] = formula(plain, x.tolist(), q)
    fp = forward(net, x)
    return all(np.allclose(getattr(fp, attr), q[attr], rtol=1e-13, atol=1e-15) for _, attr, _ in equations)


def test_the_forward_pass_equations_are_shown_and_computed():
    from backprop import network

    module_doc = " ".join(inspect.getdoc(network).split())
    attributes = inspect.getdoc(ForwardPass)
    for tex, attr, _ in FORWARD_EQUATIONS:
        assert tex in module_doc, f"the module docstring no longer shows {tex}"
        assert re.search(rf"^{attr} : .*\n +\${re.escape(tex)}\$\.$", attributes, re.M), f"ForwardPass.{attr}: {tex}"
    for seed, (hidden, output) in enumerate([("logsig", "tansig"), ("tansig", "logsig"), ("logsig", "purelin")]):
        assert forward_matches(FORWARD_EQUATIONS, seed, hidden, output)


def test_the_forward_pass_check_can_fail():
    wrong = list(FORWARD_EQUATIONS)
    wrong[2] = (wrong[2][0], "v_output", lambda n, x, q: [sum(n["w_output"][j][i] * q["y_hidden"][i]
                                                              for i in range(len(q["y_hidden"])))
                                                          for j in range(len(n["b_output"]))])  # b_j left out
    assert not forward_matches(wrong, 0, "logsig", "tansig")


@pytest.mark.parametrize(("sizes", "count"), [((10**20, 3, 1), "300,000,000,000,000,000,007"),
                                              ((2, 10**12, 1), "4,000,000,000,001"),
                                              ((10**400, 1, 1), f"{10**400 + 3:,}")])
def test_random_names_a_network_too_large_to_hold(sizes, count):
    """A code review: n_in = 10^20 failed inside numpy ('loop of ufunc does not support argument 0 of type int');
    the count is n_hidden (n_in + n_out + 1) + n_out, by hand."""
    n_in, n_hidden, n_out = sizes
    with pytest.raises(ValueError, match=rf"^a {n_in}-{n_hidden}-{n_out} network has {count} weights and biases, "
                                         r"more than numpy can hold in memory$"):
        Network.random(*sizes)


def test_random_draws_from_the_range_its_docstring_states():
    r"""$[-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}}]$ for weights and biases alike: a hidden neuron's fan-in is
    n_in, an output neuron's n_hidden. Enough draws come within 2 % of the bound that a narrower range fails too."""
    assert r"$[-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}}]$" in inspect.getdoc(Network.random)
    assert "biases likewise" in inspect.getdoc(Network.random)
    n_in, n_hidden, n_out = 9, 400, 300
    net = Network.random(n_in, n_hidden, n_out, seed=3)
    for values, fan_in in [(net.w_hidden, n_in), (net.b_hidden, n_in), (net.w_output, n_hidden),
                           (net.b_output, n_hidden)]:
        bound = 1 / math.sqrt(fan_in)
        assert np.abs(values).max() <= bound
        assert np.abs(values).max() > 0.98 * bound
        assert values.min() < 0 < values.max()


# --- what the review found: an overflow named, an Activation given as itself -----------------------------------------


def test_a_forward_pass_that_overflows_names_the_field(recwarn):
    """w_4i = 1e308 with x = (1, 1): the sum v_4 = sum_i w_4i y_hi passes a double's range in plain math. forward gave
    y_output = [inf] with numpy's RuntimeWarning; it names the field and its index, with no warning, as step does."""
    ex = oracle.shipped()  # its y_hi add up to more than 1 (not so for every example)
    huge = {**ex, "w_output": [[1e308] * 3], "b_output": [0.0]}
    assert math.isinf(oracle.forward(huge, [1.0, 1.0])["v_output"][0])  # the premise, in plain math
    net = Network(huge["w_hidden"], huge["b_hidden"], huge["w_output"], huge["b_output"], hidden=ex.get("hidden",
                                                                                                          "logsig"))
    with pytest.raises(FloatingPointError, match=re.escape(
            "the forward pass overflows: v_output is inf at index (0,), though every input is finite: its arithmetic "
            "passes a double's range (about ±1.8e+308); choose smaller weights or a smaller x")):
        forward(net, [1, 1])
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    with np.errstate(over="ignore", invalid="ignore"):  # the caller asks for the infinity: it gets it (the docstring)
        assert math.isinf(forward(net, [1, 1]).y_output[0])
    assert "np.errstate(over=\"ignore\")" in inspect.getdoc(forward)


def test_a_network_takes_a_registered_activation_as_itself_by_its_name():
    """``Network(hidden=register(...))``, the object register returns, said "unknown activation Activation(name=...)"
    and listed its own name among the known ones. It is stored by its name; one that is not the registered one is
    refused with a message saying to pass the name."""
    from backprop import activations

    softsign = activations.register("softsign", lambda v: v / (1 + abs(v)), lambda y: (1 - abs(y)) ** 2)
    try:
        ex = oracle.HAND
        net = Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden=softsign,
                      output=activations.ACTIVATIONS["purelin"])
        assert (net.hidden, net.output) == ("softsign", "purelin")
        assert net == Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden="softsign")
        # hand value: v_2 = 0 for HAND's x (the comment above), and softsign(0) = 0
        assert forward(net, ex["x"]).y_hidden[1] == 0.0
        stranger = dataclasses.replace(softsign, name="softsign2")  # an Activation never registered
        with pytest.raises(ValueError, match=r"^hidden: the Activation 'softsign2' given is not registered \(none is "
                                             r"registered under that name\): register it with activations.register "
                                             r"and pass its name, 'softsign2'$"):
            Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden=stranger)
    finally:
        del activations.ACTIVATIONS["softsign"]
    with pytest.raises(ValueError, match=r"^output: the Activation 'softsign' given is not registered \(none"):
        Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], output=softsign)


def test_a_network_and_a_forward_pass_are_unhashable_by_their_own_names():
    """A reviewer: ``hash(net)`` and ``{net}`` raised "unhashable type: 'numpy.ndarray'" (the frozen dataclass
    replaced the class's ``__hash__ = None`` by a hash of its arrays); a list says "unhashable type: 'list'"."""
    net = Network.random(2, 3, 1, seed=0)
    fp = forward(net, [0.5, -1.0])
    for obj, name in ((net, "Network"), (fp, "ForwardPass")):
        for attempt in (hash, lambda o: {o}, lambda o: {o: 1}):
            with pytest.raises(TypeError, match=f"^unhashable type: '{name}'$"):
                attempt(obj)
    same = Network(**net.to_dict())
    assert same == net and same is not net and not (same != net)  # equality is still by value
    assert Network.random(2, 3, 1, seed=1) != net and net != "net"
    # the activations are part of the value: the same weights with another layer are another network (a mutation
    # audit: equality without them passed every test)
    assert Network(**{**net.to_dict(), "hidden": "tansig"}) != net
    assert Network(**{**net.to_dict(), "output": "logsig"}) != net


def test_forward_passes_compare_by_value_as_networks_do():
    """A reviewer: ``forward(net, x) == forward(net, x)`` raised numpy's "truth value of an array ... is ambiguous"
    (the dataclass compared its fields' arrays in a tuple)."""
    net = Network.random(2, 3, 1, seed=0)
    fp = forward(net, [0.5, -1.0])
    assert fp == forward(Network(**net.to_dict()), [0.5, -1.0]) and not (fp != forward(net, [0.5, -1.0]))
    assert fp != forward(net, [0.5, -1.5]) and fp != forward(Network.random(2, 3, 1, seed=1), [0.5, -1.0])
    assert fp != dataclasses.replace(fp, y_output=fp.y_output + 1) and fp != "fp" and fp != net
    # the network and the input are part of the value, where the fields agree (a mutation audit): a weight that
    # multiplies an input of 0 changes no field, and the same fields from another input are another pass
    other = Network(**{**net.to_dict(), "w_hidden": net.w_hidden + np.array([[0.0, 0.5], [0.0, 0.0], [0.0, 0.0]])})
    at_zero = forward(net, [0.5, 0.0])
    assert forward(other, [0.5, 0.0]).y_output == at_zero.y_output, "the premise: the same fields"
    assert forward(other, [0.5, 0.0]) != at_zero
    assert dataclasses.replace(at_zero, x=np.array([0.5, 1e-300])) != at_zero


FORWARD_TEX = [r"$v_i = \sum_k w_{ik} x_k + b_i$", r"$y_{hi} = f(v_i)$", r"$v_j = \sum_i w_{ji} y_{hi} + b_j$",
               r"$y_j = f(v_j)$"]


def test_forward_docstring_equations_are_what_forward_computes():
    """The docstring's four equations (a reviewer: it said only 'Propagate one input'), against the oracle's plain
    sums for the worked example, the hand network and a tansig 2-3-2 network with its own x."""
    doc = " ".join(inspect.getdoc(forward).split())
    assert all(tex in doc for tex in FORWARD_TEX)
    tansig = {"w_hidden": [[0.3, -1.2], [0.8, 0.1], [-0.5, 0.4]], "b_hidden": [0.2, -0.1, 0.0],
              "w_output": [[0.6, -0.7, 0.2], [1.1, 0.3, -0.9]], "b_output": [0.05, -0.3], "hidden": "tansig",
              "output": "tansig", "x": [-1.5, 2.0]}
    for ex in (oracle.load_example(), oracle.HAND, tansig):
        net = Network(**{k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output")},
                      hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))
        fp, want = forward(net, ex["x"]), oracle.forward(ex)
        for name in ("v_hidden", "y_hidden", "v_output", "y_output"):
            assert np.allclose(getattr(fp, name), want[name], rtol=1e-13, atol=1e-15), (name, ex)


@pytest.mark.parametrize(("given", "message"), [
    ({"w_output": [0.5, -0.6, 0.3]}, "w_output must be 2-D, one row per output neuron (with one output, a list holding "
                                     "one list), got shape (3,)"),
    ({"b_output": 0.1}, "b_output must be 1-D, one number per output neuron (with one output, a list of one number), "
                        "got shape ()"),
    ({"w_hidden": [0.1, 0.2]}, "w_hidden must be 2-D, one row per hidden neuron and one column per input, got shape "
                               "(2,)"),
    ({"b_hidden": [[0.1, 0.2, 0.3]]}, "b_hidden must be 1-D, one number per hidden neuron, got shape (1, 3)"),
])
def test_a_parameter_of_another_number_of_dimensions_is_told_its_layout(given, message):
    """A reviewer wrote the slides' one output as they read it, w_output = [0.5, -0.6, 0.3] and b_output = 0.1, and got
    'w_output must be 2-D, got shape (3,)' with no word of what 2-D means here."""
    fields = {"w_hidden": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "b_hidden": [0.1, 0.2, 0.3],
              "w_output": [[0.5, -0.6, 0.3]], "b_output": [0.1]}
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        Network(**{**fields, **given})
