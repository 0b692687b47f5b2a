"""``step`` (one online iteration) and ``train`` (online epochs) of backprop.train."""

from __future__ import annotations

import importlib
import inspect
import itertools
import math
import re

import numpy as np
import pytest

from backprop import activations, examples, rules
from backprop.network import Network, forward
from backprop.rules import delta_b_output, delta_w_output
from backprop.train import step, train
from tests.support import oracle

NINE_PAIRS = [(h, o) for h in ("logsig", "tansig", "purelin") for o in ("logsig", "tansig", "purelin")]


EX = oracle.load_example()  # the worked example, read with json


def network_of(ex: dict) -> Network:
    return Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"],
                   hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))


def oracle_step(ex: dict, w_4i_for_hidden_rules: list[float] | None = None) -> dict[str, list]:
    """The weights at n+1, by the plain-math oracle from the slides' final formulas.

    ``w_4i_for_hidden_rules`` replaces w_4i(n) in rules (3) and (4): passing w_4i(n+1) gives what the
    classic mistake (updating the output layer first, then back-propagating through it) would produce.
    """
    back = None if w_4i_for_hidden_rules is None else [list(w_4i_for_hidden_rules)]
    it = oracle.iteration(ex, back_weights=back)
    return {name: it[f"{name}_new"] for name in ("w_output", "b_output", "w_hidden", "b_hidden")}


def test_step_on_the_worked_example_against_the_oracle():
    new = step(examples.NET, examples.X, examples.D, examples.ETA)
    for name, want in oracle_step(EX).items():
        np.testing.assert_allclose(getattr(new, name), want, rtol=1e-14, atol=1e-16, err_msg=name)
    assert (new.hidden, new.output) == (EX.get("hidden", "logsig"), EX.get("output", "purelin"))


def test_step_on_a_network_worked_by_hand():
    ex = oracle.HAND
    new = step(network_of(ex), ex["x"], ex["d"], ex["eta"])
    for name in ("w_output", "b_output", "w_hidden", "b_hidden"):
        np.testing.assert_allclose(getattr(new, name), oracle.HAND_VALUES[f"{name}_new"], rtol=1e-15, atol=1e-16,
                                   err_msg=name)


def test_step_on_mazurs_published_example():
    """Matt Mazur's "A Step by Step Backpropagation Example": 2-2-2, logistic output, his printed new weights."""
    ex = oracle.MAZUR
    new = step(network_of(ex), ex["x"], ex["d"], ex["eta"])
    for name in ("w_output", "w_hidden"):  # he does not update the biases
        got, published = getattr(new, name), oracle.MAZUR_PUBLISHED[f"{name}_new"]
        for j, row in enumerate(published):
            for i, text in enumerate(row):
                assert oracle.as_published(got[j, i], text) == text, (name, j, i)


def uses_output_weights_at_time_n(new: Network, ex: dict, min_gap: float) -> bool:
    """True if ``new`` is the right n+1 network for ``ex``, False if its hidden rules used w_4i(n+1); fails otherwise.

    The two are told apart at 1e-12, so the example must set them at least ``min_gap`` apart (checked here).
    """
    right = oracle_step(ex)
    wrong = oracle_step(ex, w_4i_for_hidden_rules=right["w_output"][0])
    gap = np.max(np.abs(np.subtract(right["w_hidden"], wrong["w_hidden"])))
    assert gap > min_gap  # the two really are apart on this example, so the check below can tell them apart
    if np.allclose(new.w_hidden, right["w_hidden"], rtol=0, atol=1e-12) and \
            np.allclose(new.b_hidden, right["b_hidden"], rtol=0, atol=1e-12):
        return True
    np.testing.assert_allclose(new.w_hidden, wrong["w_hidden"], rtol=0, atol=1e-12)
    return False


# Any example with e(n) != 0 sets the two far above the 1e-12 the check works at; the hand network sets them 0.01 apart.
CASES = [pytest.param(EX, 1e-9, id="worked-example"), pytest.param(oracle.HAND, 0.01, id="hand")]


@pytest.mark.parametrize(("ex", "min_gap"), CASES)
def test_hidden_rules_use_the_output_weights_at_time_n(ex, min_gap):
    net = network_of(ex)
    assert uses_output_weights_at_time_n(step(net, ex["x"], ex["d"], ex["eta"]), ex, min_gap)
    X, D = np.array([ex["x"]]), np.array([ex["d"]])
    assert uses_output_weights_at_time_n(train(net, X, D, ex["eta"])[0], ex, min_gap)  # pure-Python path


@pytest.mark.parametrize(("ex", "min_gap"), CASES)
def test_the_time_n_check_catches_the_classic_mistake(ex, min_gap):
    """A step that updates the output layer first and back-propagates through it must be caught."""

    def wrong_step(net, x, d, eta):
        fp = forward(net, x)
        w_ji = net.w_output + delta_w_output(fp, d, eta)  # updated first: w_ji(n+1)
        e = d - fp.y_output
        delta_i = (e @ w_ji) * activations.get(net.hidden).derivative_from_output(fp.y_hidden)
        return Network(net.w_hidden + eta * np.outer(delta_i, fp.x), net.b_hidden + eta * delta_i,
                       w_ji, net.b_output + delta_b_output(fp, d, eta), hidden=net.hidden, output=net.output)

    new = wrong_step(network_of(ex), np.array(ex["x"]), ex["d"], ex["eta"])
    assert not uses_output_weights_at_time_n(new, ex, min_gap)


def test_step_returns_a_new_network_and_modifies_nothing():
    net = Network.random(2, 3, 1, seed=0)
    kept = {name: getattr(net, name).copy() for name in ("w_hidden", "b_hidden", "w_output", "b_output")}
    x, d = np.array([0.3, -0.2]), np.array([0.7])
    x0, d0 = x.copy(), d.copy()
    new = step(net, x, d, 0.1)
    assert isinstance(new, Network) and new is not net
    assert new != net
    for name, before in kept.items():
        np.testing.assert_array_equal(getattr(net, name), before)
        assert not np.shares_memory(getattr(new, name), getattr(net, name))
        assert not getattr(new, name).flags.writeable
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(d, d0)
    assert x.flags.writeable and d.flags.writeable


def test_d_is_a_scalar_for_one_output_and_a_vector_otherwise():
    one = Network.random(2, 3, 1, seed=0)
    assert step(one, [0.25, -2.0], 0.75, 0.4) == step(one, [0.25, -2.0], [0.75], 0.4)
    two = Network.random(2, 3, 2, seed=0)
    new = step(two, [0.25, -2.0], [0.75, -1.0], 0.4)
    assert new.w_output.shape == (2, 3)
    with pytest.raises(ValueError, match="d"):
        step(two, [0.25, -2.0], 0.75, 0.4)
    with pytest.raises(ValueError, match="d"):
        step(two, [0.25, -2.0], [0.75, 2.0, 3.0], 0.4)


# --- train -----------------------------------------------------------------------------------------------


def step_by_step(net, X, D, eta):
    """The reference: ``step`` on each sample in order, and E on each sample before its update, by hand."""
    costs = []
    for x, d in zip(X, D):
        y = forward(net, x).y_output
        costs.append(0.5 * sum((dj - yj) ** 2 for dj, yj in zip(np.atleast_1d(d), y)))
        net = step(net, x, d, eta)
    return net, float(np.mean(costs))


def assert_networks_close(a: Network, b: Network, tol: float = 1e-12) -> None:
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=0, atol=tol, err_msg=name)
    assert (a.hidden, a.output) == (b.hidden, b.output)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
@pytest.mark.parametrize(("hidden", "output"), NINE_PAIRS)
def test_one_epoch_equals_step_sample_by_sample(n_hidden, hidden, output):
    net = Network.random(2, n_hidden, 1, seed=2, hidden=hidden, output=output)
    X, D = examples.regression_data(25, seed=1)
    eta = 0.3 if n_hidden == 3 else 0.03  # 30 linear hidden units diverge at 0.3
    trained, costs = train(net, X, D, eta=eta, epochs=1)
    reference, mean_cost = step_by_step(net, X, D, eta)
    assert_networks_close(trained, reference)
    assert costs.shape == (1,)
    assert costs[0] == pytest.approx(mean_cost, rel=1e-12)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_one_epoch_equals_step_with_several_outputs(n_hidden):
    net = Network.random(3, n_hidden, 2, seed=5, hidden="tansig", output="logsig")
    rng = np.random.default_rng(0)
    X, D = rng.uniform(-1, 1, (20, 3)), rng.uniform(0, 1, (20, 2))
    trained, costs = train(net, X, D, eta=0.2)
    reference, mean_cost = step_by_step(net, X, D, 0.2)
    assert_networks_close(trained, reference)
    assert costs[0] == pytest.approx(mean_cost, rel=1e-12)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_epochs_continue_from_each_other(n_hidden):
    net = Network.random(2, n_hidden, 1, seed=0)
    X, D = examples.regression_data(15, seed=3)
    three, costs = train(net, X, D, 0.1, epochs=3)
    one, c = net, []
    for _ in range(3):
        one, cost = train(one, X, D, 0.1, epochs=1)
        c.append(cost[0])
    assert_networks_close(three, one)
    np.testing.assert_allclose(costs, c, rtol=1e-12)


def test_column_targets_equal_flat_targets():
    net = Network.random(seed=0)
    X, D = examples.regression_data(10, seed=0)
    assert_networks_close(train(net, X, D, 0.1)[0], train(net, X, D[:, None], 0.1)[0], tol=0)


def test_train_modifies_nothing():
    net = Network.random(2, 30, 1, seed=0)
    X, D = examples.regression_data(10, seed=0)
    X0, D0, w0 = X.copy(), D.copy(), net.w_hidden.copy()
    for n in (net, Network.random(seed=1)):
        train(n, X, D, 0.1, epochs=2, shuffle=True, seed=0)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(D, D0)
    np.testing.assert_array_equal(net.w_hidden, w0)
    assert X.flags.writeable and D.flags.writeable


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_train_returns_a_network_as_immutable_as_any(n_hidden):
    """A mutation audit: `train` returning its working network, arrays writable, passed every test. The trained
    network's arrays are read-only, as a Network's are, and it is a new object."""
    net = Network.random(2, n_hidden, 1, seed=0)
    X, D = examples.regression_data(10, seed=0)
    trained, _ = train(net, X, D, 0.1, epochs=2)
    assert isinstance(trained, Network) and trained is not net
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        array = getattr(trained, name)
        assert not array.flags.writeable, name
        with pytest.raises(ValueError, match="read-only"):
            array.flat[0] = 99.0


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_shuffle_is_reproducible_with_a_seed_and_changes_the_order(n_hidden):
    net = Network.random(2, n_hidden, 1, seed=0)
    X, D = examples.regression_data(30, seed=0)
    a = train(net, X, D, 0.2, epochs=2, shuffle=True, seed=7)
    b = train(net, X, D, 0.2, epochs=2, shuffle=True, seed=7)
    c = train(net, X, D, 0.2, epochs=2, shuffle=True, seed=8)
    plain = train(net, X, D, 0.2, epochs=2)
    assert a[0] == b[0]
    np.testing.assert_array_equal(a[1], b[1])
    assert a[0] != c[0]
    assert a[0] != plain[0]


def order_of_epoch(before: Network, after: Network, X: np.ndarray, D: np.ndarray, eta: float) -> tuple[int, ...]:
    """The order an epoch visited the samples in: the one permutation whose steps, one sample after another, lead
    from the network ``before`` it to the one ``after`` it (fails if none or several do)."""
    def leads_there(order: tuple[int, ...]) -> bool:
        reached = step_by_step(before, X[list(order)], D[list(order)], eta)[0]
        return all(np.allclose(getattr(reached, p), getattr(after, p), rtol=0, atol=1e-12)
                   for p in ("w_hidden", "b_hidden", "w_output", "b_output"))

    found = [order for order in itertools.permutations(range(len(X))) if leads_there(order)]
    assert len(found) == 1, found
    return found[0]


def test_shuffle_visits_the_samples_in_a_new_order_each_epoch():
    """A mutation review: drawing every epoch's order from a new generator of the seed (the same order each epoch)
    passed the tests; the docstring promises a new random order each epoch, seen here through step."""
    net = Network.random(2, 3, 1, seed=0)
    X, D = examples.regression_data(4, seed=0)
    orders, before = [], net
    for epochs in range(1, 5):  # the same seed: the first epochs of a longer run are the shorter run
        after = train(net, X, D, 0.5, epochs=epochs, shuffle=True, seed=7)[0]
        orders.append(order_of_epoch(before, after, X, D, 0.5))
        before = after
    assert len(set(orders)) > 1, orders
    plain = train(net, X, D, 0.5, epochs=1)[0]
    assert order_of_epoch(net, plain, X, D, 0.5) == (0, 1, 2, 3)  # the premise: without shuffle, the order of X


def test_progress_bar_is_off_by_default(capsys):
    X, D = examples.regression_data(5)
    train(Network.random(seed=0), X, D, 0.1, epochs=3)
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def test_progress_bar_prints_on_stderr_when_asked(capsys):
    X, D = examples.regression_data(5)
    _, costs = train(Network.random(seed=0), X, D, 0.1, epochs=4, progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    assert "epoch 4/4" in err and err.endswith("\n")
    assert f"{costs[-1]:.6g}" in err


def test_progress_bar_fills_in_proportion_and_is_full_after_the_last_epoch(capsys):
    """A mutation review: a bar filled to (done - 1) / total, never full, passed the tests; after epoch t of 3 the
    30-wide bar has 30 t / 3 = 10 t marks."""
    X, D = examples.regression_data(5)
    train(Network.random(seed=0), X, D, 0.1, epochs=3, progress=True)
    bars = re.findall(r"\[([#.]*)\]", capsys.readouterr().err)
    assert bars == ["#" * 10 + "." * 20, "#" * 20 + "." * 10, "#" * 30]


def test_training_on_the_regression_task_reduces_the_cost():
    X, D = examples.regression_data(200, seed=0)
    net = Network.random(2, 3, 1, seed=0)
    trained, costs = train(net, X, D, eta=0.1, epochs=60, shuffle=True, seed=0)
    assert costs.shape == (60,)
    assert costs[-1] < 0.5 * costs[0]

    def mse(n):
        return float(np.mean([(d - forward(n, x).y_output[0]) ** 2 for x, d in zip(X, D)]))

    assert mse(trained) < 0.5 * mse(net)
    X_test, D_test = examples.regression_data(100, seed=1)  # it learned the function, not just the samples
    assert np.mean([(d - forward(trained, x).y_output[0]) ** 2 for x, d in zip(X_test, D_test)]) < 0.5 * mse(net)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_divergence_is_reported_clearly(n_hidden, recwarn):
    net = Network.random(2, n_hidden, 1, seed=2, hidden="purelin")
    X, D = examples.regression_data(25, seed=1)
    with pytest.raises(FloatingPointError, match=r"diverged in epoch 1.*smaller eta \(got 30.0\)"):
        train(net, X, D, eta=30.0)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]  # one clear error, no warning noise


@pytest.mark.parametrize("n_hidden", [1, 30], ids=["pure-python-path", "numpy-path"])
def test_a_cost_that_overflows_at_the_start_is_not_blamed_on_eta(n_hidden, recwarn):
    """A reviewer's b_4 = 1e160: E = (1e160)^2 / 2 overflows before any update, and train said it diverged in epoch 1
    and to try a smaller eta than 1e-300. It names the sample whose cost overflows at the starting weights."""
    net = Network([[1.0, 0.0]] * n_hidden, [0.0] * n_hidden, [[1.0] * n_hidden], [1e160], hidden="purelin")
    assert 1e160 * 1e160 == math.inf  # the premise, in plain math: the first sample's cost at the start
    with pytest.raises(FloatingPointError, match=r"^the cost E of sample 1 \(X\[0\]\) overflows at the starting "
                                                 r"weights, before any update, so no eta helps"):
        train(net, [[0.0, 0.0], [1.0, 1.0]], [0.0, 0.0], 1e-300)
    # a reviewer's second case: each cost finite (b_4 = 1.2e154: E = 7.2e307), their sum over three samples not
    net = Network([[1.0, 0.0]] * n_hidden, [0.0] * n_hidden, [[0.0] * n_hidden], [1.2e154], hidden="purelin")
    assert math.isfinite(0.5 * 1.2e154 * 1.2e154) and 3 * (0.5 * 1.2e154 * 1.2e154) == math.inf  # the premise
    with pytest.raises(FloatingPointError, match=r"^the samples' costs E at the starting weights, each finite \(the "
                                                 r"largest 7.2e\+307\), add up beyond a double's range"):
        train(net, [[0.0, 0.0]] * 3, [0.0] * 3, 1e-300)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_a_step_whose_result_overflows_says_so(recwarn):
    """Finite inputs, d = eta = 1e200: every update is eta e ... = 1e400 and more in plain math, beyond a double's
    range. step said 'w_hidden must be finite, found inf at index (0, 0)', of a w_hidden the caller gave finite, after
    numpy's RuntimeWarnings; it now says the step overflows, naming the new value and its index, with no warning."""
    net = Network(oracle.load_example()["w_hidden"], [0.1, -0.2, 0.3], [[0.5, -0.5, 0.25]], [0.0])
    assert math.isinf(1e200 * 1e200)  # η e, the factor of every update (plain math)
    with pytest.raises(FloatingPointError, match=re.escape(
            "this step overflows: the new w_hidden is inf at index (0, 0), though every input is finite: the step's "
            "arithmetic passes a double's range (about ±1.8e+308); choose a smaller eta (got 1e+200) or smaller "
            "inputs")):
        step(net, [1.0, 0.5], 1e200, 1e200)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    assert step(net, [1.0, 0.5], 1e100, 1e100).w_hidden.shape == (3, 2)  # 1e200: within range, no error



#: A code review's network: hidden neurons 1 and 2 alike, output weights +1e300 and -1e300. Their terms of v_4 cancel
#: (the cost is finite), but the error sent back to neuron 1, e w_41 with e = d - y about 1e10, is about 1e310 in plain
#: math, beyond a double's range whatever eta multiplies it by afterwards.
CANCELLING = Network([[0.1, 0.2], [0.1, 0.2], [0.5, 0.6]], [0.1, 0.1, 0.3], [[1e300, -1e300, 0.0]], [0.4])


def test_an_update_that_overflows_before_eta_scales_it_says_no_eta_helps(recwarn):
    """step, train and the rules told to choose a smaller eta than 1e-300 (a code review), where the update overflows
    before eta multiplies it: each now says no eta helps. Where eta is what overflows (d = eta = 1e200, above), they
    still say to choose a smaller one."""
    x, d = [1.0, 0.5], 1e10
    assert math.isinf(abs(d * 1e300))  # e w_41: the back-propagated error of neuron 1 (plain math)
    no_eta = "so no eta helps; choose smaller weights or inputs"
    with pytest.raises(FloatingPointError, match=r"^this step overflows: .*it does so before eta scales the update "
                                                 r"\(the gradient itself is that large at these weights\), " + no_eta
                                                 + r"; if earlier steps of yours grew these weights, a smaller eta in "
                                                 r"those steps helps$"):
        step(CANCELLING, x, d, 1e-300)
    with pytest.raises(FloatingPointError, match=r"^the update of sample 1 \(X\[0\]\) overflows at the starting "
                                                 r"weights, its cost finite: .*" + no_eta):
        train(CANCELLING, [x], [d], 1e-300)
    with pytest.raises(FloatingPointError, match=r"^delta_w_hidden overflows: .*" + no_eta):
        rules.delta_w_hidden(forward(CANCELLING, x), d, 1e-300)
    assert rules.delta_w_output(forward(CANCELLING, x), d, 1e-300).shape == (1, 3)  # y_hi e: within range
    # rule (1) alone overflows only by eta here: its advice is a smaller eta, whatever the hidden rules do
    with pytest.raises(FloatingPointError, match=r"^delta_w_output overflows: .*choose a smaller eta \(got 1e\+300\)"):
        rules.delta_w_output(forward(CANCELLING, x), d, 1e300)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]

# --- the equations the docstrings show (the API reference renders them) ---------------------------------


def plain_new(ex: dict, combine) -> dict[str, list]:
    """theta(n+1) = combine(theta(n), Delta theta(n)) for every weight and bias, Delta from the oracle's rules."""
    it = oracle.iteration(ex)
    out = {}
    for name, delta in [("w_output", "dw_output"), ("b_output", "db_output"), ("w_hidden", "dw_hidden"),
                        ("b_hidden", "db_hidden")]:
        old, d = np.asarray(ex[name], float), np.asarray(it[delta], float)
        out[name] = combine(old, d)
    return out


def step_is(ex: dict, combine) -> bool:
    new = step(network_of(ex), ex["x"], ex["d"], ex["eta"])
    want = plain_new(ex, combine)
    return all(np.allclose(getattr(new, name), want[name], rtol=1e-14, atol=1e-16) for name in want)


def test_the_module_docstrings_new_value_is_what_step_computes():
    r"""$\theta(n+1) = \theta(n) + \Delta\theta(n)$, after all four rules read the weights at time $n$."""
    train_module = importlib.import_module("backprop.train")  # backprop.train is also the function

    assert r"and only then $\theta(n+1) = \theta(n) + \Delta\theta(n)$" in " ".join(train_module.__doc__.split())
    assert r"with all four rules, $\theta(n+1) = \theta(n) + \Delta\theta(n)$ for every weight and bias" in " ".join(
        inspect.getdoc(step).split())
    for ex in (EX, oracle.HAND, oracle.MAZUR):
        assert step_is(ex, lambda old, delta: old + delta)
        assert not step_is(ex, lambda old, delta: old - delta)  # the check can fail: a slipped sign is refused


def test_step_docstring_time_n_is_what_step_does():
    """The hidden rules use $w_{ji}(n)$, never $w_{ji}(n+1)$: step against both, by the oracle."""
    doc = " ".join(inspect.getdoc(step).split())
    assert r"the hidden rules use $w_{ji}(n)$, never $w_{ji}(n+1)$" in doc
    for ex, min_gap in [(EX, 1e-9), (oracle.HAND, 0.01)]:
        assert uses_output_weights_at_time_n(step(network_of(ex), ex["x"], ex["d"], ex["eta"]), ex, min_gap)


def plain_epoch_costs(ex: dict, X: list, D: list, epochs: int) -> list[float]:
    """Per epoch, the mean over its samples of E(n) = 1/2 sum_j e_j(n)^2, each measured on its sample just before
    that sample's update, by the oracle alone."""
    net = {k: ex[k] for k in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")}
    means = []
    for _ in range(epochs):
        costs = []
        for x, d in zip(X, D):
            sample = {**net, "x": x, "d": d, "eta": ex["eta"]}
            costs.append(0.5 * sum(e * e for e in [dj - yj for dj, yj in
                                                   zip([d] if not isinstance(d, list) else d,
                                                       oracle.forward(sample)["y_output"])]))
            net = oracle.iteration(sample)["new"]
        means.append(sum(costs) / len(costs))
    return means


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_train_costs_are_what_its_docstring_says(n_hidden):
    doc = " ".join(inspect.getdoc(train).split())
    assert (r"Mean over the epoch of $E(n) = \tfrac12\sum_j e_j(n)^2$, each measured on its sample just before "
            r"that sample's update.") in doc
    net = Network.random(2, n_hidden, 2, seed=7, hidden="tansig", output="logsig")
    ex = {**net.to_dict(), "eta": 0.4}
    rng = np.random.default_rng(7)
    X, D = rng.uniform(-1, 1, (5, 2)).tolist(), rng.uniform(0, 1, (5, 2)).tolist()
    _, costs = train(net, X, D, ex["eta"], epochs=3)
    want = plain_epoch_costs(ex, X, D, 3)
    np.testing.assert_allclose(costs, want, rtol=1e-12)
    # the check can fail: the cost after each sample's update, or the sum instead of the mean, is another number
    assert not np.allclose(costs, [3 * c for c in want], rtol=1e-6)
    assert not np.allclose(costs[1:], want[:-1], rtol=1e-6)


# --- what the review found: a registered activation that overflows -----------------------------------------------


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_a_registered_activation_that_overflows_in_training_is_named(n_hidden, recwarn):
    """The review's softplus, log(1 + e^v): math.exp overflows at v = 1000 (plain Python). train let a bare
    OverflowError, "math range error", out of the generated loop (backprop._unrolled), though step and train document
    FloatingPointError; on either path it now raises one naming the activation."""
    with pytest.raises(OverflowError):
        math.exp(1000.0)
    activations.register("softplus", lambda v: math.log1p(math.exp(v)), lambda y: 1 - math.exp(-y))
    try:
        net = Network(np.ones((n_hidden, 2)), np.zeros(n_hidden), np.ones((1, n_hidden)), [0.0], hidden="softplus")
        for call in (lambda: train(net, [[1000, 1000]], [0], 0.1), lambda: step(net, [1000, 1000], 0, 0.1)):
            with pytest.raises(FloatingPointError, match=r"^activation 'softplus': f\(v = 2000\.0\) overflows \(math "
                                                         r"range error\)"):  # v_i = 1000 + 1000
                call()
        assert train(net, [[0.5, -0.5]], [0.0], 0.1)[1][0] == pytest.approx(
            0.5 * (n_hidden * math.log(2)) ** 2, rel=1e-12)  # v_i = 0: y_hi = ln 2, y = n ln 2, E = y^2 / 2
    finally:
        del activations.ACTIVATIONS["softplus"]
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def _step_by_step(net: Network, X: np.ndarray, D: np.ndarray, eta: float) -> Network:
    for x, d in zip(X, D, strict=True):
        net = step(net, x, d, eta)
    return net


@pytest.mark.parametrize(("sizes", "exact"), [
    ((2, 3, 1), True), ((7, 4, 1), True), ((3, 5, 2), True), ((1, 2, 8), True),  # every sum below 8 terms
    ((2, 3, 8), True),  # 8 outputs' errors sent back to each of 3 hidden neurons: numpy adds those in order
    ((2, 30, 1), True),  # the numpy path: step's own arithmetic
    ((2, 8, 1), False), ((2, 12, 1), False), ((8, 3, 1), False), ((1, 1, 8), False),  # a sum of 8 or more terms
])
def test_one_epoch_is_step_on_each_sample_to_the_bit_or_to_rounding_as_the_docstring_says(sizes, exact):
    """A reviewer: the module said one epoch "is" step sample by sample; on the generated loop with a sum of 8
    or more terms (numpy adds those pairwise, the loop in order) the two differ in the last bit. Now it says so."""
    from backprop import _unrolled

    gaps = []
    for seed in range(6):
        net = Network.random(*sizes, seed=seed)
        rng = np.random.default_rng(seed)
        X, D = rng.uniform(-1, 1, (30, sizes[0])), rng.uniform(-1, 1, (30, sizes[2]))
        trained, by_step = train(net, X, D, 0.1)[0], _step_by_step(net, X, D, 0.1)
        gaps += [float(np.max(np.abs(getattr(trained, p) - getattr(by_step, p))))
                 for p in ("w_hidden", "b_hidden", "w_output", "b_output")]
    assert _unrolled.worth_it(net) == (sizes != (2, 30, 1))
    if exact:
        assert max(gaps) == 0.0
    else:
        assert 0.0 < max(gaps) <= 4 * 2.0**-52  # the last bit of weights below 2 in size; not nothing
    doc = " ".join(importlib.import_module("backprop.train").__doc__.split())
    assert "on either path, to rounding" in doc and "a sum of 8 or more terms pairwise" in doc
    assert "With fewer than 8 terms in every sum, the slides' 2-3-1 network among them, the two give the same" in doc
